/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-ts-conversion.h"

namespace ns3
{

std::optional<IpsecTrafficSelector>
Ikev2TsConversion::ToIpsec(const Ikev2TrafficSelector& selector)
{
    const size_t size = selector.GetAddressSize();
    if (size == 0 || selector.m_startAddress.size() != size || selector.m_endAddress.size() != size)
    {
        return std::nullopt;
    }
    IpsecIpAddress start;
    IpsecIpAddress end;
    IpsecIpAddress::FromBytes(selector.m_startAddress.data(), size, &start);
    IpsecIpAddress::FromBytes(selector.m_endAddress.data(), size, &end);
    IpsecTrafficSelector result;
    if (!IpsecTrafficSelector::FromRange(start, end, &result, nullptr) ||
        !result.SetPortRange(selector.m_startPort, selector.m_endPort))
    {
        return std::nullopt;
    }
    result.SetProtocol(selector.m_ipProtocol);
    return result;
}

Ikev2TrafficSelector
Ikev2TsConversion::FromIpsec(const IpsecTrafficSelector& selector)
{
    Ikev2TrafficSelector result;
    result.m_type = selector.GetFamily() == IpsecAddressFamily::IPV4
                        ? Ikev2TrafficSelector::TS_IPV4_ADDR_RANGE
                        : Ikev2TrafficSelector::TS_IPV6_ADDR_RANGE;
    result.m_ipProtocol = selector.GetProtocol();
    result.m_startPort = selector.GetStartPort();
    result.m_endPort = selector.GetEndPort();
    const IpsecIpAddress& start = selector.GetStartAddress();
    const IpsecIpAddress& end = selector.GetEndAddress();
    result.m_startAddress.assign(start.GetBytes(), start.GetBytes() + start.GetSize());
    result.m_endAddress.assign(end.GetBytes(), end.GetBytes() + end.GetSize());
    return result;
}

} // namespace ns3
