/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-ipv6-routing.h"

#include "ipsec-flow.h"
#include "ipsec-l3-protocol.h"
#include "ipsec-l4-protocol.h"

#include "ns3/ipv6-route.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecIpv6Routing");

NS_OBJECT_ENSURE_REGISTERED(IpsecIpv6Routing);

namespace
{

/// \return true if a packet between these addresses never leaves its link, or is multicast
bool
IsLinkScopedOrMulticast(const Ipv6Header& header)
{
    return header.GetDestination().IsMulticast() || header.GetDestination().IsLinkLocal() ||
           header.GetSource().IsLinkLocal();
}

} // namespace

TypeId
IpsecIpv6Routing::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecIpv6Routing")
                            .SetParent<Ipv6RoutingProtocol>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<IpsecIpv6Routing>();
    return tid;
}

IpsecIpv6Routing::IpsecIpv6Routing() = default;

IpsecIpv6Routing::~IpsecIpv6Routing() = default;

void
IpsecIpv6Routing::Wrap(Ptr<Ipv6RoutingProtocol> inner, Ptr<IpsecL3Protocol> ipsec)
{
    m_inner = inner;
    m_ipsec = ipsec;
}

Ptr<Ipv6RoutingProtocol>
IpsecIpv6Routing::GetInner() const
{
    return m_inner;
}

bool
IpsecIpv6Routing::ClassifyPacket(Ptr<const Packet> p, const Ipv6Header& header, IpsecFlow* flow)
{
    // The parser reads a whole IP packet: the base header's fields followed by the payload's
    // first bytes (extension headers, then ports).
    constexpr uint32_t HEADER_BYTES = 40;
    uint8_t bytes[IpsecFlow::MAX_HEADER_BYTES] = {};
    const uint32_t payload = p->CopyData(bytes + HEADER_BYTES, sizeof(bytes) - HEADER_BYTES);
    bytes[0] = 0x60;
    bytes[4] = static_cast<uint8_t>(payload >> 8);
    bytes[5] = static_cast<uint8_t>(payload);
    bytes[6] = header.GetNextHeader();
    header.GetSource().Serialize(bytes + 8);
    header.GetDestination().Serialize(bytes + 24);
    return IpsecFlow::FromIpv6Packet(bytes, HEADER_BYTES + payload, flow, nullptr);
}

Ptr<Ipv6Route>
IpsecIpv6Routing::TunnelRoute(Ipv6Address destination, Ipv6Address source)
{
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(destination);
    route->SetSource(source);
    route->SetGateway(Ipv6Address::GetAny());
    route->SetOutputDevice(m_ipsec->GetDefaultTunnelInterface());
    return route;
}

Ptr<Ipv6Route>
IpsecIpv6Routing::RouteOutput(Ptr<Packet> p,
                              const Ipv6Header& header,
                              Ptr<NetDevice> oif,
                              Socket::SocketErrno& sockerr)
{
    Ptr<Ipv6Route> plain = m_inner->RouteOutput(p, header, oif, sockerr);
    // Sockets ask for a route without a packet to pick a source address.
    if (!p || IsLinkScopedOrMulticast(header))
    {
        return plain;
    }
    Ipv6Header resolved = header;
    if (plain && header.GetSource().IsAny())
    {
        resolved.SetSource(plain->GetSource());
    }
    IpsecFlow flow;
    if (!ClassifyPacket(p, resolved, &flow) || flow.IsIke() || flow.IsNeighborDiscovery() ||
        !m_ipsec->MayNeedPolicy(flow))
    {
        return plain;
    }
    // As for IPv4: the tunnel interface's send path makes the exact SPD decision on the
    // finished packet.
    sockerr = Socket::ERROR_NOTERROR;
    return TunnelRoute(header.GetDestination(), resolved.GetSource());
}

bool
IpsecIpv6Routing::RouteInput(Ptr<const Packet> p,
                             const Ipv6Header& header,
                             Ptr<const NetDevice> idev,
                             UnicastForwardCallback ucb,
                             MulticastForwardCallback mcb,
                             LocalDeliverCallback lcb,
                             ErrorCallback ecb)
{
    if (m_ipsec->IsTunnelInterface(idev) && !IsLinkScopedOrMulticast(header))
    {
        // Decrypted, and checked against its SA's selectors before it re-entered. ns-3's IPv6
        // delivers locally only what is addressed to the receiving interface (strong end
        // system); a tunnel interface delivers to every address of the node, as st0 does.
        if (m_ipv6->GetInterfaceForAddress(header.GetDestination()) >= 0)
        {
            lcb(p, header, m_ipv6->GetInterfaceForDevice(idev));
            return true;
        }
        return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    if (IsLinkScopedOrMulticast(header))
    {
        return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    IpsecFlow flow;
    if (!ClassifyPacket(p, header, &flow) || flow.m_protocol == IpsecL4Protocol::ESP_PROTOCOL ||
        flow.m_protocol == IpsecL4Protocol::AH_PROTOCOL || flow.IsIke() ||
        flow.IsNeighborDiscovery())
    {
        return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    if (!m_ipsec->AdmitReceivedPlaintext(p, flow))
    {
        return true; // consumed: dropped and counted
    }
    Ptr<IpsecPolicy> outbound = m_ipsec->GetSpd()->Find(IpsecDirection::OUTBOUND, flow);
    if (!outbound || m_ipv6->GetInterfaceForAddress(header.GetDestination()) >= 0)
    {
        return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    if (outbound->GetAction() != IpsecPolicyAction::PROTECT)
    {
        return m_ipsec->AdmitForwardedPlaintext(p, outbound)
                   ? m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb)
                   : true;
    }
    const int32_t interface = m_ipv6->GetInterfaceForDevice(idev);
    if (interface < 0 || !m_ipv6->IsForwarding(interface))
    {
        return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    // ns-3's forwarding decrements the hop limit, answers "packet too big" with the tunnel's
    // MTU (RFC 4301 section 8.2.1; IPv6 routers never fragment), then the tunnel interface's
    // send path protects the packet.
    ucb(idev, TunnelRoute(header.GetDestination(), header.GetSource()), p, header);
    return true;
}

void
IpsecIpv6Routing::NotifyInterfaceUp(uint32_t interface)
{
    m_inner->NotifyInterfaceUp(interface);
}

void
IpsecIpv6Routing::NotifyInterfaceDown(uint32_t interface)
{
    m_inner->NotifyInterfaceDown(interface);
}

void
IpsecIpv6Routing::NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address)
{
    m_inner->NotifyAddAddress(interface, address);
}

void
IpsecIpv6Routing::NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address)
{
    m_inner->NotifyRemoveAddress(interface, address);
}

void
IpsecIpv6Routing::NotifyAddRoute(Ipv6Address dst,
                                 Ipv6Prefix mask,
                                 Ipv6Address nextHop,
                                 uint32_t interface,
                                 Ipv6Address prefixToUse)
{
    m_inner->NotifyAddRoute(dst, mask, nextHop, interface, prefixToUse);
}

void
IpsecIpv6Routing::NotifyRemoveRoute(Ipv6Address dst,
                                    Ipv6Prefix mask,
                                    Ipv6Address nextHop,
                                    uint32_t interface,
                                    Ipv6Address prefixToUse)
{
    m_inner->NotifyRemoveRoute(dst, mask, nextHop, interface, prefixToUse);
}

void
IpsecIpv6Routing::SetIpv6(Ptr<Ipv6> ipv6)
{
    // The wrapped protocol is already attached to this Ipv6; attaching it twice would add its
    // interface routes twice.
    m_ipv6 = ipv6;
}

void
IpsecIpv6Routing::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    m_inner->PrintRoutingTable(stream, unit);
}

void
IpsecIpv6Routing::DoDispose()
{
    m_inner = nullptr;
    m_ipsec = nullptr;
    m_ipv6 = nullptr;
    Ipv6RoutingProtocol::DoDispose();
}

} // namespace ns3
