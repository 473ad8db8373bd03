/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-delete-payload.h"

#include "ns3/abort.h"

#include <limits>
#include <utility>

namespace ns3
{

namespace
{

constexpr uint8_t CHILD_SA_SPI_SIZE = 4; //!< AH and ESP SPIs

} // namespace

Ikev2DeletePayload::Ikev2DeletePayload(Ikev2ProtocolId protocol, std::vector<uint32_t> spis)
    : m_protocol(protocol),
      m_spis(std::move(spis))
{
}

Ikev2PayloadType
Ikev2DeletePayload::GetType() const
{
    return Ikev2PayloadType::DELETE;
}

void
Ikev2DeletePayload::SerializeBody(Ikev2WireWriter& writer) const
{
    NS_ABORT_MSG_IF(m_spis.size() > std::numeric_limits<uint16_t>::max(),
                    "more SPIs than Num of SPIs can count");
    bool isIke = m_protocol == Ikev2ProtocolId::IKE;
    writer.WriteU8(static_cast<uint8_t>(m_protocol));
    writer.WriteU8(isIke ? 0 : CHILD_SA_SPI_SIZE);
    writer.WriteU16(isIke ? 0 : static_cast<uint16_t>(m_spis.size()));
    if (!isIke)
    {
        for (uint32_t spi : m_spis)
        {
            writer.WriteU32(spi);
        }
    }
}

Ikev2ParseError
Ikev2DeletePayload::ParseBody(Ikev2WireReader& reader)
{
    uint8_t protocol = 0;
    uint8_t spiSize = 0;
    uint16_t count = 0;
    if (!reader.ReadU8(&protocol) || !reader.ReadU8(&spiSize) || !reader.ReadU16(&count))
    {
        return Ikev2ParseError::TRUNCATED_PAYLOAD_BODY;
    }
    m_protocol = static_cast<Ikev2ProtocolId>(protocol);
    m_spis.clear();
    switch (m_protocol)
    {
    case Ikev2ProtocolId::IKE:
        // RFC 7296 section 3.11: for the IKE SA the SPI Size is zero and no SPI is sent.
        return spiSize == 0 && count == 0 ? Ikev2ParseError::NONE : Ikev2ParseError::INVALID_DELETE;
    case Ikev2ProtocolId::AH:
    case Ikev2ProtocolId::ESP:
        break;
    default:
        return Ikev2ParseError::INVALID_DELETE;
    }
    if (spiSize != CHILD_SA_SPI_SIZE || reader.GetRemaining() < size_t{count} * spiSize)
    {
        return Ikev2ParseError::INVALID_DELETE;
    }
    for (unsigned i = 0; i < count; ++i)
    {
        uint32_t spi = 0;
        if (!reader.ReadU32(&spi))
        {
            return Ikev2ParseError::INVALID_DELETE;
        }
        m_spis.push_back(spi);
    }
    return Ikev2ParseError::NONE;
}

Ikev2ProtocolId
Ikev2DeletePayload::GetProtocol() const
{
    return m_protocol;
}

const std::vector<uint32_t>&
Ikev2DeletePayload::GetSpis() const
{
    return m_spis;
}

} // namespace ns3
