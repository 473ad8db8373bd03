/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-notify-payload.h"

#include "ns3/abort.h"

#include <limits>
#include <utility>

namespace ns3
{

Ikev2NotifyPayload::Ikev2NotifyPayload(Ikev2NotifyType type,
                                       CryptoBytes data,
                                       Ikev2ProtocolId protocol,
                                       CryptoBytes spi)
    : m_type(type),
      m_protocol(protocol),
      m_spi(std::move(spi)),
      m_data(std::move(data))
{
}

Ikev2PayloadType
Ikev2NotifyPayload::GetType() const
{
    return Ikev2PayloadType::NOTIFY;
}

void
Ikev2NotifyPayload::SerializeBody(Ikev2WireWriter& writer) const
{
    NS_ABORT_MSG_IF(m_spi.size() > std::numeric_limits<uint8_t>::max(), "notify SPI too long");
    // RFC 7296 section 3.10: without an SPI the Protocol ID MUST be sent as zero.
    writer.WriteU8(m_spi.empty() ? 0 : static_cast<uint8_t>(m_protocol));
    writer.WriteU8(static_cast<uint8_t>(m_spi.size()));
    writer.WriteU16(static_cast<uint16_t>(m_type));
    writer.WriteBytes(m_spi);
    writer.WriteBytes(m_data);
}

Ikev2ParseError
Ikev2NotifyPayload::ParseBody(Ikev2WireReader& reader)
{
    uint8_t protocol = 0;
    uint8_t spiSize = 0;
    uint16_t type = 0;
    if (!reader.ReadU8(&protocol) || !reader.ReadU8(&spiSize) || !reader.ReadU16(&type))
    {
        return Ikev2ParseError::TRUNCATED_PAYLOAD_BODY;
    }
    if (!reader.ReadBytes(spiSize, &m_spi))
    {
        return Ikev2ParseError::INVALID_NOTIFY;
    }
    // RFC 7296 section 3.10: the Protocol ID MUST be ignored when there is no SPI.
    m_protocol = m_spi.empty() ? Ikev2ProtocolId::NONE : static_cast<Ikev2ProtocolId>(protocol);
    m_type = static_cast<Ikev2NotifyType>(type);
    m_data = reader.ReadRemaining();
    return Ikev2ParseError::NONE;
}

Ikev2NotifyType
Ikev2NotifyPayload::GetNotifyType() const
{
    return m_type;
}

Ikev2ProtocolId
Ikev2NotifyPayload::GetProtocol() const
{
    return m_protocol;
}

const CryptoBytes&
Ikev2NotifyPayload::GetSpi() const
{
    return m_spi;
}

const CryptoBytes&
Ikev2NotifyPayload::GetData() const
{
    return m_data;
}

} // namespace ns3
