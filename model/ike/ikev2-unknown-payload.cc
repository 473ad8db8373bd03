/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-unknown-payload.h"

#include <utility>

namespace ns3
{

Ikev2UnknownPayload::Ikev2UnknownPayload(Ikev2PayloadType type, CryptoBytes body)
    : m_type(type),
      m_body(std::move(body))
{
}

Ikev2PayloadType
Ikev2UnknownPayload::GetType() const
{
    return m_type;
}

void
Ikev2UnknownPayload::SerializeBody(Ikev2WireWriter& writer) const
{
    writer.WriteBytes(m_body);
}

Ikev2ParseError
Ikev2UnknownPayload::ParseBody(Ikev2WireReader& reader)
{
    m_body = reader.ReadRemaining();
    return Ikev2ParseError::NONE;
}

const CryptoBytes&
Ikev2UnknownPayload::GetBody() const
{
    return m_body;
}

} // namespace ns3
