/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-encrypted-payload.h"

#include <utility>

namespace ns3
{

Ikev2EncryptedPayload::Ikev2EncryptedPayload(Ikev2PayloadType firstInnerType, CryptoBytes body)
    : m_firstInnerType(firstInnerType),
      m_body(std::move(body))
{
}

Ikev2PayloadType
Ikev2EncryptedPayload::GetType() const
{
    return Ikev2PayloadType::ENCRYPTED;
}

void
Ikev2EncryptedPayload::SerializeBody(Ikev2WireWriter& writer) const
{
    writer.WriteBytes(m_body);
}

Ikev2ParseError
Ikev2EncryptedPayload::ParseBody(Ikev2WireReader& reader)
{
    m_body = reader.ReadRemaining();
    return Ikev2ParseError::NONE;
}

Ikev2PayloadType
Ikev2EncryptedPayload::GetFirstInnerType() const
{
    return m_firstInnerType;
}

void
Ikev2EncryptedPayload::SetFirstInnerType(Ikev2PayloadType type)
{
    m_firstInnerType = type;
}

const CryptoBytes&
Ikev2EncryptedPayload::GetBody() const
{
    return m_body;
}

} // namespace ns3
