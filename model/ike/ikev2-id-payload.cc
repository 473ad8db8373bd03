/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-id-payload.h"

#include <utility>

namespace ns3
{

namespace
{

constexpr size_t FIXED_FIELDS_SIZE = 4;  //!< ID Type + RESERVED
constexpr size_t IPV4_ADDRESS_SIZE = 4;  //!< ID_IPV4_ADDR data
constexpr size_t IPV6_ADDRESS_SIZE = 16; //!< ID_IPV6_ADDR data

} // namespace

Ikev2IdPayload::Ikev2IdPayload(bool isInitiator, Ikev2IdentificationType idType, CryptoBytes data)
    : m_isInitiator(isInitiator),
      m_idType(idType),
      m_data(std::move(data))
{
}

Ikev2PayloadType
Ikev2IdPayload::GetType() const
{
    return m_isInitiator ? Ikev2PayloadType::IDENTIFICATION_INITIATOR
                         : Ikev2PayloadType::IDENTIFICATION_RESPONDER;
}

void
Ikev2IdPayload::SerializeBody(Ikev2WireWriter& writer) const
{
    writer.WriteU8(static_cast<uint8_t>(m_idType));
    writer.WriteZeros(FIXED_FIELDS_SIZE - 1);
    writer.WriteBytes(m_data);
}

Ikev2ParseError
Ikev2IdPayload::ParseBody(Ikev2WireReader& reader)
{
    uint8_t idType = 0;
    if (!reader.ReadU8(&idType) || !reader.Skip(FIXED_FIELDS_SIZE - 1))
    {
        return Ikev2ParseError::TRUNCATED_PAYLOAD_BODY;
    }
    m_idType = static_cast<Ikev2IdentificationType>(idType);
    m_data = reader.ReadRemaining();
    switch (m_idType)
    {
    case Ikev2IdentificationType::IPV4_ADDR:
        return m_data.size() == IPV4_ADDRESS_SIZE ? Ikev2ParseError::NONE
                                                  : Ikev2ParseError::INVALID_IDENTIFICATION;
    case Ikev2IdentificationType::IPV6_ADDR:
        return m_data.size() == IPV6_ADDRESS_SIZE ? Ikev2ParseError::NONE
                                                  : Ikev2ParseError::INVALID_IDENTIFICATION;
    case Ikev2IdentificationType::FQDN:
    case Ikev2IdentificationType::RFC822_ADDR:
    case Ikev2IdentificationType::DER_ASN1_DN:
    case Ikev2IdentificationType::DER_ASN1_GN:
    case Ikev2IdentificationType::KEY_ID:
        // An empty name identifies nobody; ID_NULL (RFC 7619) is the type for that.
        return m_data.empty() ? Ikev2ParseError::INVALID_IDENTIFICATION : Ikev2ParseError::NONE;
    }
    return Ikev2ParseError::NONE;
}

Ikev2IdentificationType
Ikev2IdPayload::GetIdType() const
{
    return m_idType;
}

const CryptoBytes&
Ikev2IdPayload::GetData() const
{
    return m_data;
}

} // namespace ns3
