/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-ipv4-routing.h"

#include "ipsec-flow.h"
#include "ipsec-l3-protocol.h"
#include "ipsec-l4-protocol.h"

#include "ns3/ipv4-route.h"
#include "ns3/log.h"
#include "ns3/virtual-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecIpv4Routing");

NS_OBJECT_ENSURE_REGISTERED(IpsecIpv4Routing);

TypeId
IpsecIpv4Routing::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecIpv4Routing")
                            .SetParent<Ipv4RoutingProtocol>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<IpsecIpv4Routing>();
    return tid;
}

IpsecIpv4Routing::IpsecIpv4Routing() = default;

IpsecIpv4Routing::~IpsecIpv4Routing() = default;

void
IpsecIpv4Routing::Wrap(Ptr<Ipv4RoutingProtocol> inner, Ptr<IpsecL3Protocol> ipsec)
{
    m_inner = inner;
    m_ipsec = ipsec;
}

Ptr<Ipv4RoutingProtocol>
IpsecIpv4Routing::GetInner() const
{
    return m_inner;
}

bool
IpsecIpv4Routing::ClassifyPacket(Ptr<const Packet> p,
                                 const Ipv4Header& header,
                                 IpsecFlow* flow) const
{
    // The parser reads an IP packet: lay out the fields it reads from the header, followed by
    // the payload's first bytes (the ports), on the stack; this runs for every packet.
    constexpr uint32_t HEADER_BYTES = 20;
    constexpr uint32_t PORT_BYTES = 8;
    uint8_t bytes[HEADER_BYTES + PORT_BYTES] = {};
    const uint32_t payload = p->CopyData(bytes + HEADER_BYTES, PORT_BYTES);
    const uint16_t totalLength = static_cast<uint16_t>(HEADER_BYTES + payload);
    bytes[0] = 0x45; // version 4, 20-byte header
    bytes[2] = static_cast<uint8_t>(totalLength >> 8);
    bytes[3] = static_cast<uint8_t>(totalLength);
    const uint16_t fragment = static_cast<uint16_t>((header.IsLastFragment() ? 0 : 0x2000) |
                                                    (header.GetFragmentOffset() / 8));
    bytes[6] = static_cast<uint8_t>(fragment >> 8);
    bytes[7] = static_cast<uint8_t>(fragment);
    bytes[9] = header.GetProtocol();
    header.GetSource().Serialize(bytes + 12);
    header.GetDestination().Serialize(bytes + 16);
    return IpsecFlow::FromIpv4Packet(bytes, totalLength, flow, nullptr);
}

Ptr<Ipv4Route>
IpsecIpv4Routing::TunnelRoute(const Ipv4Header& header, Ipv4Address source)
{
    Ptr<Ipv4Route> route = Create<Ipv4Route>();
    route->SetDestination(header.GetDestination());
    route->SetSource(source);
    route->SetGateway(Ipv4Address::GetZero());
    route->SetOutputDevice(m_ipsec->GetDefaultTunnelInterface());
    return route;
}

Ptr<Ipv4Route>
IpsecIpv4Routing::RouteOutput(Ptr<Packet> p,
                              const Ipv4Header& header,
                              Ptr<NetDevice> oif,
                              Socket::SocketErrno& sockerr)
{
    Ptr<Ipv4Route> plain = m_inner->RouteOutput(p, header, oif, sockerr);
    // Sockets ask for a route without a packet to pick a source address.
    if (!p)
    {
        return plain;
    }
    Ipv4Header resolved = header;
    if (plain && (!header.GetSource().IsInitialized() || header.GetSource().IsAny()))
    {
        resolved.SetSource(plain->GetSource());
    }
    IpsecFlow flow;
    if (!ClassifyPacket(p, resolved, &flow) || flow.IsIke() || !m_ipsec->MayNeedPolicy(flow))
    {
        return plain;
    }
    // The tunnel interface's send path sees the finished packet (UDP sockets ask for a route
    // before they add their header) and makes the exact SPD decision there.
    sockerr = Socket::ERROR_NOTERROR;
    return TunnelRoute(header, resolved.GetSource());
}

bool
IpsecIpv4Routing::RouteInput(Ptr<const Packet> p,
                             const Ipv4Header& header,
                             Ptr<const NetDevice> idev,
                             UnicastForwardCallback ucb,
                             MulticastForwardCallback mcb,
                             LocalDeliverCallback lcb,
                             ErrorCallback ecb)
{
    const uint8_t protocol = header.GetProtocol();
    if (protocol == IpsecL4Protocol::ESP_PROTOCOL && header.IsLastFragment() &&
        header.GetFragmentOffset() == 0 && m_ipsec->TakeLocalEsp(p, header))
    {
        // An unfragmented ESP packet for one of this node's inbound SAs is processed here, as
        // local delivery would (fragments still go through ns-3's reassembly first).
        return true;
    }
    if (protocol == IpsecL4Protocol::UDP_PROTOCOL && header.IsLastFragment() &&
        header.GetFragmentOffset() == 0 &&
        m_ipsec->TakeUdpEncapsulatedEsp(p, IpsecIpHeader(header)))
    {
        // ESP in UDP (NAT traversal), like plain ESP above.
        return true;
    }
    if (m_ipsec->IsTunnelInterface(idev))
    {
        // Decrypted, and checked against its SA's selectors before it re-entered the stack.
        return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    IpsecFlow flow;
    const bool classified = ClassifyPacket(p, header, &flow);
    if (!classified || protocol == IpsecL4Protocol::ESP_PROTOCOL ||
        protocol == IpsecL4Protocol::AH_PROTOCOL || flow.IsIke())
    {
        // IPsec packets meet their SA instead of the SPD; IKE is always let through.
        return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    if (!m_ipsec->AdmitReceivedPlaintext(p, flow))
    {
        return true; // consumed: dropped and counted
    }
    Ptr<IpsecPolicy> outbound = m_ipsec->GetSpd()->Find(IpsecDirection::OUTBOUND, flow);
    if (!outbound || header.GetDestination() == Ipv4Address::GetBroadcast() ||
        header.GetDestination().IsMulticast())
    {
        return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    // Only packets this node forwards meet the outbound SPD here (the local check is costly,
    // so it waits until an entry applies).
    const int32_t interface = m_ipv4->GetInterfaceForDevice(idev);
    const bool local =
        interface >= 0 && m_ipv4->IsDestinationAddress(header.GetDestination(), interface);
    if (!local)
    {
        if (outbound->GetAction() == IpsecPolicyAction::PROTECT)
        {
            if (!m_ipv4->IsForwarding(interface))
            {
                return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
            }
            if (m_ipsec->ForwardProtected(p, header, outbound))
            {
                return true;
            }
            // Too big for the tunnel, or TTL running out: ns-3's forwarding fragments or
            // answers with ICMP, then the tunnel interface protects what it sends.
            ucb(TunnelRoute(header, header.GetSource()), p, header);
            return true;
        }
        if (!m_ipsec->AdmitForwardedPlaintext(p, outbound))
        {
            return true;
        }
    }
    return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
}

void
IpsecIpv4Routing::NotifyInterfaceUp(uint32_t interface)
{
    m_inner->NotifyInterfaceUp(interface);
}

void
IpsecIpv4Routing::NotifyInterfaceDown(uint32_t interface)
{
    m_inner->NotifyInterfaceDown(interface);
}

void
IpsecIpv4Routing::NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    m_inner->NotifyAddAddress(interface, address);
}

void
IpsecIpv4Routing::NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    m_inner->NotifyRemoveAddress(interface, address);
}

void
IpsecIpv4Routing::SetIpv4(Ptr<Ipv4> ipv4)
{
    // The wrapped protocol is already attached to this Ipv4; attaching it twice would add its
    // interface routes twice.
    m_ipv4 = ipv4;
}

void
IpsecIpv4Routing::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    m_inner->PrintRoutingTable(stream, unit);
}

void
IpsecIpv4Routing::DoDispose()
{
    m_inner = nullptr;
    m_ipsec = nullptr;
    m_ipv4 = nullptr;
    Ipv4RoutingProtocol::DoDispose();
}

} // namespace ns3
