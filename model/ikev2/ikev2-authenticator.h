/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_AUTHENTICATOR_H
#define IKEV2_AUTHENTICATOR_H

#include "ns3/crypto-bytes.h"
#include "ns3/crypto-prf.h"
#include "ns3/ikev2-auth-payload.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The inputs of one side's AUTH payload (RFC 7296 section 2.15).
 *
 * For the initiator's AUTH: its IKE_SA_INIT request, Nr, SK_pi and the initiator's ID. For the
 * responder's: its IKE_SA_INIT response, Ni, SK_pr and the responder's ID. The side that
 * verifies assembles the same inputs for its peer.
 */
struct Ikev2SignedOctetsInput
{
    CryptoBytes realMessage;     //!< the signer's IKE_SA_INIT message, as sent (header included)
    CryptoBytes peerNonce;       //!< the other side's Nonce data (NonceRData / NonceIData)
    CryptoBytes skP;             //!< SK_pi for the initiator's AUTH, SK_pr for the responder's
    CryptoBytes restOfIdPayload; //!< the signer's ID type, 3 reserved bytes, identification data

    /**
     * \param prf the IKE SA's PRF
     * \return RealMessage | Nonce | prf(SK_p, RestOfIDPayload)
     */
    CryptoBytes Compute(const CryptoPrf& prf) const;
};

/**
 * \ingroup ipsec
 * \brief One IKEv2 authentication method: builds our AUTH data and verifies the peer's.
 *
 * Implementations: Ikev2PskAuthenticator (shared key MIC); certificate-based signatures can be
 * added without changing the daemon. Verification answers true or false and never throws, as
 * the data comes from the wire.
 */
class Ikev2Authenticator
{
  public:
    virtual ~Ikev2Authenticator();

    /// \return the Auth Method this authenticator writes into the AUTH payload
    virtual Ikev2AuthMethod GetMethod() const = 0;

    /**
     * \param prf the IKE SA's PRF
     * \param input our side's signed octets
     * \return the Authentication Data of our AUTH payload
     */
    virtual CryptoBytes BuildAuthData(const CryptoPrf& prf,
                                      const Ikev2SignedOctetsInput& input) const = 0;

    /**
     * \param prf the IKE SA's PRF
     * \param input the peer's signed octets
     * \param method the Auth Method of the peer's AUTH payload
     * \param authData the Authentication Data of the peer's AUTH payload
     * \return true if the peer proved what it claimed
     */
    virtual bool VerifyAuthData(const CryptoPrf& prf,
                                const Ikev2SignedOctetsInput& input,
                                Ikev2AuthMethod method,
                                CryptoByteView authData) const = 0;
};

} // namespace ns3

#endif /* IKEV2_AUTHENTICATOR_H */
