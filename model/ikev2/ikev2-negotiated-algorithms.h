/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_NEGOTIATED_ALGORITHMS_H
#define IKEV2_NEGOTIATED_ALGORITHMS_H

#include "ns3/crypto-algorithm-table.h"
#include "ns3/ikev2-proposal.h"

#include <optional>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The algorithms of an accepted IKE SA proposal, as crypto table entries.
 */
struct Ikev2IkeSaAlgorithms
{
    const CryptoEncryptionAlgorithm* encryption{nullptr}; //!< ENCR
    const CryptoIntegrityAlgorithm* integrity{nullptr};   //!< INTEG; nullptr with AEAD
    const CryptoPrfAlgorithm* prf{nullptr};               //!< PRF
    const CryptoDhGroup* dhGroup{nullptr};                //!< D-H

    /**
     * \param proposal an accepted proposal: protocol IKE, at most one transform per type
     * \return the algorithms, or nothing if a transform is unknown to the crypto table, a type
     *         repeats, a mandatory type is missing (RFC 7296 section 3.3.3), or an AEAD cipher
     *         comes with an integrity transform other than NONE
     */
    static std::optional<Ikev2IkeSaAlgorithms> FromProposal(const Ikev2Proposal& proposal);
};

/**
 * \ingroup ipsec
 * \brief The algorithms of an accepted ESP or AH proposal, as crypto table entries.
 */
struct Ikev2ChildSaAlgorithms
{
    Ikev2ProtocolId protocol{Ikev2ProtocolId::ESP};       //!< ESP or AH
    const CryptoEncryptionAlgorithm* encryption{nullptr}; //!< ENCR; nullptr for AH
    const CryptoIntegrityAlgorithm* integrity{nullptr};   //!< INTEG; nullptr with AEAD
    const CryptoDhGroup* pfsGroup{nullptr};               //!< D-H; nullptr without PFS
    bool extendedSequenceNumbers{false};                  //!< ESN

    /**
     * \param proposal an accepted proposal: protocol ESP or AH, at most one transform per type
     * \return the algorithms, or nothing under the same conditions as for IKE
     */
    static std::optional<Ikev2ChildSaAlgorithms> FromProposal(const Ikev2Proposal& proposal);
};

} // namespace ns3

#endif /* IKEV2_NEGOTIATED_ALGORITHMS_H */
