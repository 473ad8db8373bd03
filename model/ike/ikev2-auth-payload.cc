/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-auth-payload.h"

#include <utility>

namespace ns3
{

namespace
{

constexpr size_t FIXED_FIELDS_SIZE = 4; //!< Auth Method + RESERVED

} // namespace

Ikev2AuthPayload::Ikev2AuthPayload(Ikev2AuthMethod method, CryptoBytes data)
    : m_method(method),
      m_data(std::move(data))
{
}

Ikev2PayloadType
Ikev2AuthPayload::GetType() const
{
    return Ikev2PayloadType::AUTHENTICATION;
}

void
Ikev2AuthPayload::SerializeBody(Ikev2WireWriter& writer) const
{
    writer.WriteU8(static_cast<uint8_t>(m_method));
    writer.WriteZeros(FIXED_FIELDS_SIZE - 1);
    writer.WriteBytes(m_data);
}

Ikev2ParseError
Ikev2AuthPayload::ParseBody(Ikev2WireReader& reader)
{
    uint8_t method = 0;
    if (!reader.ReadU8(&method) || !reader.Skip(FIXED_FIELDS_SIZE - 1))
    {
        return Ikev2ParseError::TRUNCATED_PAYLOAD_BODY;
    }
    m_method = static_cast<Ikev2AuthMethod>(method);
    m_data = reader.ReadRemaining();
    return Ikev2ParseError::NONE;
}

Ikev2AuthMethod
Ikev2AuthPayload::GetMethod() const
{
    return m_method;
}

const CryptoBytes&
Ikev2AuthPayload::GetData() const
{
    return m_data;
}

} // namespace ns3
