/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-message.h"

#include "ns3/abort.h"

#include <limits>
#include <utility>

namespace ns3
{

Ikev2Header&
Ikev2Message::GetHeader()
{
    return m_header;
}

const Ikev2Header&
Ikev2Message::GetHeader() const
{
    return m_header;
}

void
Ikev2Message::AddPayload(Ptr<Ikev2Payload> payload)
{
    NS_ABORT_MSG_UNLESS(payload, "null IKEv2 payload");
    m_payloads.push_back(std::move(payload));
}

const Ikev2PayloadList&
Ikev2Message::GetPayloads() const
{
    return m_payloads;
}

Ptr<Ikev2Payload>
Ikev2Message::FindPayload(Ikev2PayloadType type) const
{
    for (const auto& payload : m_payloads)
    {
        if (payload->GetType() == type)
        {
            return payload;
        }
    }
    return nullptr;
}

CryptoBytes
Ikev2Message::Serialize() const
{
    Ikev2Header header = m_header;
    header.SetNextPayload(Ikev2PayloadChain::GetFirstType(m_payloads));
    Ikev2WireWriter writer;
    header.Serialize(writer);
    Ikev2PayloadChain::Serialize(m_payloads, writer);
    NS_ABORT_MSG_IF(writer.GetSize() > std::numeric_limits<uint32_t>::max(),
                    "IKEv2 message too long");
    writer.PatchU32(Ikev2Header::SIZE - 4, static_cast<uint32_t>(writer.GetSize()));
    return writer.GetBytes();
}

Ikev2ParseStatus
Ikev2Message::Parse(CryptoByteView datagram, Ikev2Message* message)
{
    message->m_payloads.clear();
    Ikev2WireReader reader(datagram);
    Ikev2ParseError error = message->m_header.Parse(reader);
    if (error != Ikev2ParseError::NONE)
    {
        return Ikev2ParseStatus(error, 0);
    }
    // RFC 7296 section 3.1: Length is the total message length, header and payloads.
    if (message->m_header.GetLength() != datagram.Size())
    {
        return Ikev2ParseStatus(Ikev2ParseError::MESSAGE_LENGTH_MISMATCH, Ikev2Header::SIZE - 4);
    }
    return Ikev2PayloadChain::Parse(message->m_header.GetNextPayload(),
                                    reader,
                                    true,
                                    &message->m_payloads);
}

} // namespace ns3
