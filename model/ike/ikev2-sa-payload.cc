/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-sa-payload.h"

#include <utility>

namespace ns3
{

Ikev2PayloadType
Ikev2SaPayload::GetType() const
{
    return Ikev2PayloadType::SECURITY_ASSOCIATION;
}

void
Ikev2SaPayload::AddProposal(Ikev2Proposal proposal)
{
    if (proposal.m_number == 0)
    {
        proposal.m_number = m_proposals.empty() ? 1 : m_proposals.back().m_number + 1;
    }
    m_proposals.push_back(std::move(proposal));
}

const std::vector<Ikev2Proposal>&
Ikev2SaPayload::GetProposals() const
{
    return m_proposals;
}

void
Ikev2SaPayload::SerializeBody(Ikev2WireWriter& writer) const
{
    for (size_t i = 0; i < m_proposals.size(); ++i)
    {
        m_proposals[i].Serialize(writer, i + 1 == m_proposals.size());
    }
}

Ikev2ParseError
Ikev2SaPayload::ParseBody(Ikev2WireReader& reader)
{
    m_proposals.clear();
    // RFC 7296 section 3.3: an SA payload holds one or more proposals.
    if (reader.IsEmpty())
    {
        return Ikev2ParseError::INVALID_PROPOSAL;
    }
    bool isLast = false;
    while (!isLast)
    {
        if (reader.IsEmpty())
        {
            return Ikev2ParseError::INVALID_PROPOSAL; // a "more" marker with nothing after it
        }
        Ikev2Proposal proposal;
        Ikev2ParseError error = proposal.Parse(reader, &isLast);
        if (error != Ikev2ParseError::NONE)
        {
            return error;
        }
        // RFC 7296 section 3.3.1: numbers start at 1 and each is one more than the previous.
        bool numberInSequence = m_proposals.empty()
                                    ? proposal.m_number != 0
                                    : proposal.m_number == m_proposals.back().m_number + 1;
        if (!numberInSequence)
        {
            return Ikev2ParseError::INVALID_PROPOSAL;
        }
        m_proposals.push_back(std::move(proposal));
    }
    return Ikev2ParseError::NONE; // bytes after the last proposal: the chain reports them
}

} // namespace ns3
