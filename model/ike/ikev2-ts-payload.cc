/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-ts-payload.h"

#include "ns3/abort.h"

#include <limits>

namespace ns3
{

namespace
{

constexpr size_t FIXED_FIELDS_SIZE = 4;    //!< Number of TSs + RESERVED
constexpr size_t SELECTOR_HEADER_SIZE = 8; //!< type, protocol, length, ports

} // namespace

size_t
Ikev2TrafficSelector::GetAddressSize() const
{
    switch (m_type)
    {
    case TS_IPV4_ADDR_RANGE:
        return 4;
    case TS_IPV6_ADDR_RANGE:
        return 16;
    default:
        return 0;
    }
}

Ikev2TsPayload::Ikev2TsPayload(bool isInitiator)
    : m_isInitiator(isInitiator)
{
}

Ikev2PayloadType
Ikev2TsPayload::GetType() const
{
    return m_isInitiator ? Ikev2PayloadType::TRAFFIC_SELECTOR_INITIATOR
                         : Ikev2PayloadType::TRAFFIC_SELECTOR_RESPONDER;
}

void
Ikev2TsPayload::AddSelector(const Ikev2TrafficSelector& selector)
{
    size_t addressSize = selector.GetAddressSize();
    NS_ABORT_MSG_IF(addressSize == 0 || selector.m_startAddress.size() != addressSize ||
                        selector.m_endAddress.size() != addressSize,
                    "IKEv2 traffic selector of type " << static_cast<unsigned>(selector.m_type)
                                                      << " with addresses of the wrong length");
    m_selectors.push_back(selector);
}

const std::vector<Ikev2TrafficSelector>&
Ikev2TsPayload::GetSelectors() const
{
    return m_selectors;
}

void
Ikev2TsPayload::SerializeBody(Ikev2WireWriter& writer) const
{
    NS_ABORT_MSG_IF(m_selectors.size() > std::numeric_limits<uint8_t>::max(),
                    "more traffic selectors than Number of TSs can count");
    writer.WriteU8(static_cast<uint8_t>(m_selectors.size()));
    writer.WriteZeros(FIXED_FIELDS_SIZE - 1);
    for (const auto& selector : m_selectors)
    {
        writer.WriteU8(selector.m_type);
        writer.WriteU8(selector.m_ipProtocol);
        writer.WriteU16(
            static_cast<uint16_t>(SELECTOR_HEADER_SIZE + 2 * selector.GetAddressSize()));
        writer.WriteU16(selector.m_startPort);
        writer.WriteU16(selector.m_endPort);
        writer.WriteBytes(selector.m_startAddress);
        writer.WriteBytes(selector.m_endAddress);
    }
}

Ikev2ParseError
Ikev2TsPayload::ParseBody(Ikev2WireReader& reader)
{
    m_selectors.clear();
    uint8_t count = 0;
    if (!reader.ReadU8(&count) || !reader.Skip(FIXED_FIELDS_SIZE - 1))
    {
        return Ikev2ParseError::TRUNCATED_PAYLOAD_BODY;
    }
    if (count == 0)
    {
        return Ikev2ParseError::INVALID_TRAFFIC_SELECTOR;
    }
    for (unsigned i = 0; i < count; ++i)
    {
        Ikev2TrafficSelector selector;
        uint16_t length = 0;
        if (!reader.ReadU8(&selector.m_type) || !reader.ReadU8(&selector.m_ipProtocol) ||
            !reader.ReadU16(&length) || !reader.ReadU16(&selector.m_startPort) ||
            !reader.ReadU16(&selector.m_endPort))
        {
            return Ikev2ParseError::INVALID_TRAFFIC_SELECTOR;
        }
        size_t addressSize = selector.GetAddressSize();
        if (addressSize == 0 || length != SELECTOR_HEADER_SIZE + 2 * addressSize ||
            !reader.ReadBytes(addressSize, &selector.m_startAddress) ||
            !reader.ReadBytes(addressSize, &selector.m_endAddress))
        {
            return Ikev2ParseError::INVALID_TRAFFIC_SELECTOR;
        }
        m_selectors.push_back(selector);
    }
    return Ikev2ParseError::NONE; // bytes after the last selector: the chain reports them
}

} // namespace ns3
