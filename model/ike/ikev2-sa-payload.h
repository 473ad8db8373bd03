/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_SA_PAYLOAD_H
#define IKEV2_SA_PAYLOAD_H

#include "ikev2-payload.h"
#include "ikev2-proposal.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Security Association payload (RFC 7296 section 3.3): one or more proposals.
 *
 * Parsing checks the substructure markers, lengths and counts, the SPI size of each protocol,
 * and the numbering: proposals are numbered consecutively (RFC 7296 section 3.3.1), the first
 * from 1 in an offer; an accepted proposal in a response keeps the number it had in the offer,
 * so the codec accepts any non-zero first number and leaves "first is 1" to the logic.
 */
class Ikev2SaPayload : public Ikev2Payload
{
  public:
    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /**
     * \param proposal a proposal; a Proposal Num of 0 is replaced by the next number (one more
     * than the previous proposal's, 1 for the first)
     */
    void AddProposal(Ikev2Proposal proposal);

    /// \return the proposals in order
    const std::vector<Ikev2Proposal>& GetProposals() const;

  private:
    std::vector<Ikev2Proposal> m_proposals; //!< proposals in order
};

} // namespace ns3

#endif /* IKEV2_SA_PAYLOAD_H */
