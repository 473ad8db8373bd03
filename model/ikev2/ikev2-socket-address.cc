/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-socket-address.h"

#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"

namespace ns3
{

IpsecIpAddress
Ikev2SocketAddress::AddressOf(const Address& address)
{
    if (Inet6SocketAddress::IsMatchingType(address))
    {
        return IpsecIpAddress(Inet6SocketAddress::ConvertFrom(address).GetIpv6());
    }
    return IpsecIpAddress(InetSocketAddress::ConvertFrom(address).GetIpv4());
}

uint16_t
Ikev2SocketAddress::PortOf(const Address& address)
{
    if (Inet6SocketAddress::IsMatchingType(address))
    {
        return Inet6SocketAddress::ConvertFrom(address).GetPort();
    }
    if (InetSocketAddress::IsMatchingType(address))
    {
        return InetSocketAddress::ConvertFrom(address).GetPort();
    }
    return 0;
}

Address
Ikev2SocketAddress::Make(const IpsecIpAddress& address, uint16_t port)
{
    if (address.IsIpv6())
    {
        return Inet6SocketAddress(address.GetIpv6(), port);
    }
    return InetSocketAddress(address.GetIpv4(), port);
}

Address
Ikev2SocketAddress::WithPort(const Address& address, uint16_t port)
{
    return Make(AddressOf(address), port);
}

} // namespace ns3
