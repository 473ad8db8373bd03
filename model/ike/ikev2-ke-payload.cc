/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-ke-payload.h"

#include <utility>

namespace ns3
{

Ikev2KePayload::Ikev2KePayload(uint16_t group, CryptoBytes data)
    : m_group(group),
      m_data(std::move(data))
{
}

Ikev2PayloadType
Ikev2KePayload::GetType() const
{
    return Ikev2PayloadType::KEY_EXCHANGE;
}

void
Ikev2KePayload::SerializeBody(Ikev2WireWriter& writer) const
{
    writer.WriteU16(m_group);
    writer.WriteZeros(2);
    writer.WriteBytes(m_data);
}

Ikev2ParseError
Ikev2KePayload::ParseBody(Ikev2WireReader& reader)
{
    if (!reader.ReadU16(&m_group) || !reader.Skip(2))
    {
        return Ikev2ParseError::TRUNCATED_PAYLOAD_BODY;
    }
    m_data = reader.ReadRemaining();
    return Ikev2ParseError::NONE;
}

uint16_t
Ikev2KePayload::GetGroup() const
{
    return m_group;
}

const CryptoBytes&
Ikev2KePayload::GetData() const
{
    return m_data;
}

} // namespace ns3
