/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-header.h"

namespace ns3
{

uint64_t
Ikev2Header::GetInitiatorSpi() const
{
    return m_initiatorSpi;
}

void
Ikev2Header::SetInitiatorSpi(uint64_t spi)
{
    m_initiatorSpi = spi;
}

uint64_t
Ikev2Header::GetResponderSpi() const
{
    return m_responderSpi;
}

void
Ikev2Header::SetResponderSpi(uint64_t spi)
{
    m_responderSpi = spi;
}

Ikev2PayloadType
Ikev2Header::GetNextPayload() const
{
    return m_nextPayload;
}

void
Ikev2Header::SetNextPayload(Ikev2PayloadType type)
{
    m_nextPayload = type;
}

uint8_t
Ikev2Header::GetMajorVersion() const
{
    return m_majorVersion;
}

uint8_t
Ikev2Header::GetMinorVersion() const
{
    return m_minorVersion;
}

void
Ikev2Header::SetVersion(uint8_t major, uint8_t minor)
{
    m_majorVersion = major & 0x0f;
    m_minorVersion = minor & 0x0f;
}

Ikev2ExchangeType
Ikev2Header::GetExchangeType() const
{
    return m_exchangeType;
}

void
Ikev2Header::SetExchangeType(Ikev2ExchangeType type)
{
    m_exchangeType = type;
}

uint8_t
Ikev2Header::GetFlags() const
{
    return m_flags;
}

void
Ikev2Header::SetFlags(uint8_t flags)
{
    m_flags = flags;
}

bool
Ikev2Header::IsInitiator() const
{
    return (m_flags & FLAG_INITIATOR) != 0;
}

void
Ikev2Header::SetInitiator(bool initiator)
{
    m_flags = initiator ? (m_flags | FLAG_INITIATOR) : (m_flags & ~FLAG_INITIATOR);
}

bool
Ikev2Header::IsResponse() const
{
    return (m_flags & FLAG_RESPONSE) != 0;
}

void
Ikev2Header::SetResponse(bool response)
{
    m_flags = response ? (m_flags | FLAG_RESPONSE) : (m_flags & ~FLAG_RESPONSE);
}

uint32_t
Ikev2Header::GetMessageId() const
{
    return m_messageId;
}

void
Ikev2Header::SetMessageId(uint32_t messageId)
{
    m_messageId = messageId;
}

uint32_t
Ikev2Header::GetLength() const
{
    return m_length;
}

void
Ikev2Header::SetLength(uint32_t length)
{
    m_length = length;
}

void
Ikev2Header::Serialize(Ikev2WireWriter& writer) const
{
    writer.WriteU64(m_initiatorSpi);
    writer.WriteU64(m_responderSpi);
    writer.WriteU8(static_cast<uint8_t>(m_nextPayload));
    writer.WriteU8(static_cast<uint8_t>((m_majorVersion << 4) | m_minorVersion));
    writer.WriteU8(static_cast<uint8_t>(m_exchangeType));
    writer.WriteU8(m_flags);
    writer.WriteU32(m_messageId);
    writer.WriteU32(m_length);
}

Ikev2ParseError
Ikev2Header::Parse(Ikev2WireReader& reader)
{
    if (reader.GetRemaining() < SIZE)
    {
        return Ikev2ParseError::TRUNCATED_HEADER;
    }
    uint8_t nextPayload = 0;
    uint8_t version = 0;
    uint8_t exchangeType = 0;
    bool complete = reader.ReadU64(&m_initiatorSpi) && reader.ReadU64(&m_responderSpi) &&
                    reader.ReadU8(&nextPayload) && reader.ReadU8(&version) &&
                    reader.ReadU8(&exchangeType) && reader.ReadU8(&m_flags) &&
                    reader.ReadU32(&m_messageId) && reader.ReadU32(&m_length);
    if (!complete)
    {
        return Ikev2ParseError::TRUNCATED_HEADER;
    }
    m_nextPayload = static_cast<Ikev2PayloadType>(nextPayload);
    m_majorVersion = version >> 4;
    m_minorVersion = version & 0x0f;
    m_exchangeType = static_cast<Ikev2ExchangeType>(exchangeType);
    // RFC 7296 section 3.1: a major version this implementation does not speak MUST make it
    // drop the message (and answer INVALID_MAJOR_VERSION, section 2.5).
    if (m_majorVersion != MAJOR_VERSION)
    {
        return Ikev2ParseError::INVALID_MAJOR_VERSION;
    }
    return Ikev2ParseError::NONE;
}

} // namespace ns3
