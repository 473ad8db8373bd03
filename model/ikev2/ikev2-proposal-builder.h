/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_PROPOSAL_BUILDER_H
#define IKEV2_PROPOSAL_BUILDER_H

#include "ikev2-config.h"
#include "ikev2-ipsec-config.h"

#include "ns3/ikev2-proposal.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Turns IKE and IPsec proposal configuration into the codec's proposal substructures
 * (RFC 7296 section 3.3), with IANA transform IDs from the crypto algorithm table.
 *
 * - IKE: ENCR (with a Key Length attribute for AES, RFC 7296 section 3.3.5), PRF, INTEG (none
 *   with AES-GCM, RFC 7296 section 3.3.3), D-H.
 * - ESP: ENCR, INTEG (none with AEAD), ESN = no (the data plane's Junos SAs use 32-bit
 *   sequence numbers), and D-H when the policy has perfect forward secrecy.
 * - AH: INTEG, ESN = no, and D-H with PFS.
 *
 * Proposals come out with an empty SPI: the daemon fills in its own (RFC 7296 section 3.3.1).
 * The configuration must have passed Validate(); the Get*() accessors throw otherwise.
 */
class Ikev2ProposalBuilder
{
  public:
    /// ESN transform ID for "no extended sequence numbers" (RFC 7296 section 3.3.2).
    static constexpr uint16_t ESN_NO = 0;

    /**
     * \param config an IKE proposal
     * \return its proposal, protocol IKE, number 0 (an SA payload numbers it)
     */
    static Ikev2Proposal BuildIke(const Ikev2IkeProposalConfig& config);

    /**
     * \param configs IKE proposals in preference order
     * \return their proposals, numbered from 1 in that order
     */
    static std::vector<Ikev2Proposal> BuildIke(
        const std::vector<const Ikev2IkeProposalConfig*>& configs);

    /**
     * \param config an IPsec proposal
     * \param pfsGroup the policy's PFS group, nullptr without PFS
     * \return its proposal, protocol ESP or AH, number 0
     */
    static Ikev2Proposal BuildChild(const Ikev2IpsecProposalConfig& config,
                                    const CryptoDhGroup* pfsGroup);

    /**
     * \param configs IPsec proposals in preference order
     * \param pfsGroup the policy's PFS group, nullptr without PFS
     * \return their proposals, numbered from 1 in that order
     */
    static std::vector<Ikev2Proposal> BuildChild(
        const std::vector<const Ikev2IpsecProposalConfig*>& configs,
        const CryptoDhGroup* pfsGroup);
};

} // namespace ns3

#endif /* IKEV2_PROPOSAL_BUILDER_H */
