/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-l3-protocol.h"

#include "ipsec-ah-transform.h"
#include "ipsec-esp-transform.h"
#include "ipsec-ipv4-routing.h"
#include "ipsec-ipv6-local-gate.h"
#include "ipsec-ipv6-routing.h"
#include "ipsec-l4-protocol.h"

#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-route.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/uinteger.h"
#include "ns3/virtual-net-device.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecL3Protocol");

NS_OBJECT_ENSURE_REGISTERED(IpsecL3Protocol);

namespace
{

/// The tunnel interfaces' send callback, with the device bound as first argument.
bool TunnelSendCallback(IpsecL3Protocol* ipsec,
                        Ptr<NetDevice> device,
                        Ptr<Packet> packet,
                        const Address& source,
                        const Address& destination,
                        uint16_t protocolNumber);

} // namespace

TypeId
IpsecL3Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::IpsecL3Protocol")
            .SetParent<Object>()
            .SetGroupName("Ipsec")
            .AddConstructor<IpsecL3Protocol>()
            .AddAttribute("PathMtu",
                          "MTU in bytes of the path to the peers; a tunnel interface's MTU is "
                          "this minus the outer header and the worst-case overhead of its SAs.",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&IpsecL3Protocol::m_pathMtu),
                          MakeUintegerChecker<uint16_t>(576, 65535))
            .AddAttribute("AcquireQueueSize",
                          "Packets held per PROTECT entry (or route-based tunnel) while its SAs "
                          "are negotiated; more are dropped (no-outbound-sa). 0 drops them all.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&IpsecL3Protocol::m_acquireQueueSize),
                          MakeUintegerChecker<uint32_t>(0, 100000))
            .AddAttribute("OuterTtl",
                          "TTL (IPv4) or hop limit (IPv6) of the outer header in tunnel mode.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&IpsecL3Protocol::m_outerTtl),
                          MakeUintegerChecker<uint8_t>(1, 255))
            .AddTraceSource("Tx",
                            "An ESP packet left the data plane.",
                            MakeTraceSourceAccessor(&IpsecL3Protocol::m_txTrace),
                            "ns3::IpsecL3Protocol::PacketTracedCallback")
            .AddTraceSource("Rx",
                            "A packet passed ESP checks and re-entered the stack.",
                            MakeTraceSourceAccessor(&IpsecL3Protocol::m_rxTrace),
                            "ns3::IpsecL3Protocol::PacketTracedCallback")
            .AddTraceSource("Drop",
                            "A packet was discarded; the reason says by which check.",
                            MakeTraceSourceAccessor(&IpsecL3Protocol::m_dropTrace),
                            "ns3::IpsecL3Protocol::DropTracedCallback");
    return tid;
}

IpsecL3Protocol::IpsecL3Protocol()
    : m_spd(CreateObject<IpsecSpd>()),
      m_sad(CreateObject<IpsecSad>()),
      m_random(CreateObject<CryptoRandom>()),
      m_outerTtl(64)
{
    NS_LOG_FUNCTION(this);
}

IpsecL3Protocol::~IpsecL3Protocol() = default;

Ptr<IpsecSpd>
IpsecL3Protocol::GetSpd() const
{
    return m_spd;
}

Ptr<IpsecSad>
IpsecL3Protocol::GetSad() const
{
    return m_sad;
}

Ptr<CryptoRandom>
IpsecL3Protocol::GetRandom() const
{
    return m_random;
}

const IpsecNodeCounters&
IpsecL3Protocol::GetCounters() const
{
    return m_counters;
}

int64_t
IpsecL3Protocol::AssignStreams(int64_t stream)
{
    return m_random->AssignStreams(stream);
}

void
IpsecL3Protocol::NotifyNewAggregate()
{
    if (!m_node)
    {
        Ptr<Node> node = GetObject<Node>();
        Ptr<Ipv4> ipv4 = GetObject<Ipv4>();
        Ptr<Ipv6> ipv6 = GetObject<Ipv6>();
        if (node && (ipv4 || ipv6))
        {
            m_node = node;
            m_checksum = Node::ChecksumEnabled();
            if (ipv4)
            {
                HookIpv4(ipv4);
            }
            if (ipv6)
            {
                HookIpv6(ipv6);
            }
            // Now rather than when the first SA needs it: adding an interface while a packet
            // is being received (an IKE exchange installing SAs) would register protocol
            // handlers under the traffic-control layer's running loop over them.
            GetDefaultTunnelInterface();
        }
    }
    Object::NotifyNewAggregate();
}

void
IpsecL3Protocol::HookIpv4(Ptr<Ipv4> ipv4)
{
    Ptr<Ipv4RoutingProtocol> inner = ipv4->GetRoutingProtocol();
    NS_ABORT_MSG_IF(!inner,
                    "IPsec on node " << m_node->GetId()
                                     << " needs IPv4 routing: install the internet stack before "
                                        "IPsec");
    Ptr<IpsecIpv4Routing> routing = CreateObject<IpsecIpv4Routing>();
    routing->Wrap(inner, this);
    ipv4->SetRoutingProtocol(routing);
    m_ipv4 = ipv4;
    m_innerRouting = inner;
    for (uint8_t protocol : {IpsecL4Protocol::ESP_PROTOCOL, IpsecL4Protocol::AH_PROTOCOL})
    {
        Ptr<IpsecL4Protocol> receiver = CreateObject<IpsecL4Protocol>();
        receiver->Attach(this, protocol);
        ipv4->Insert(receiver);
    }
}

void
IpsecL3Protocol::HookIpv6(Ptr<Ipv6> ipv6)
{
    Ptr<Ipv6RoutingProtocol> inner = ipv6->GetRoutingProtocol();
    NS_ABORT_MSG_IF(!inner,
                    "IPsec on node " << m_node->GetId()
                                     << " needs IPv6 routing: install the internet stack before "
                                        "IPsec");
    Ptr<IpsecIpv6Routing> routing = CreateObject<IpsecIpv6Routing>();
    routing->Wrap(inner, this);
    ipv6->SetRoutingProtocol(routing);
    m_ipv6 = ipv6;
    m_innerRouting6 = inner;
    for (uint8_t protocol : {IpsecL4Protocol::ESP_PROTOCOL, IpsecL4Protocol::AH_PROTOCOL})
    {
        Ptr<IpsecL4Protocol> receiver = CreateObject<IpsecL4Protocol>();
        receiver->Attach(this, protocol);
        ipv6->Insert(receiver);
    }
    // Gate the transport protocols for the inbound check of plaintext to the node itself.
    // ICMPv6 stays as it is: neighbour discovery finds it by type in the demultiplexer.
    constexpr int ICMPV6_PROTOCOL = 58;
    for (int protocol = 0; protocol < 256; ++protocol)
    {
        Ptr<IpL4Protocol> transport = ipv6->GetProtocol(protocol);
        if (!transport || protocol == ICMPV6_PROTOCOL ||
            protocol == IpsecL4Protocol::ESP_PROTOCOL || protocol == IpsecL4Protocol::AH_PROTOCOL)
        {
            continue;
        }
        Ptr<IpsecIpv6LocalGate> gate = CreateObject<IpsecIpv6LocalGate>();
        gate->Attach(this, transport);
        ipv6->Insert(gate);
    }
}

Ptr<VirtualNetDevice>
IpsecL3Protocol::AddTunnelInterface()
{
    Ptr<VirtualNetDevice> device = CreateTunnelDevice();
    m_routeBasedTunnels.insert(device);
    return device;
}

Ptr<VirtualNetDevice>
IpsecL3Protocol::CreateTunnelDevice()
{
    NS_ABORT_MSG_IF(!m_node, "IpsecL3Protocol is not aggregated to a node with an IP stack");
    Ptr<VirtualNetDevice> device = CreateObject<VirtualNetDevice>();
    device->SetAddress(Mac48Address::Allocate());
    device->SetNeedsArp(false);
    device->SetSupportsSendFrom(false);
    device->SetMtu(m_pathMtu - IPV4_HEADER_BYTES);
    device->SetSendCallback(MakeBoundCallback(&TunnelSendCallback, this, Ptr<NetDevice>(device)));
    m_node->AddDevice(device);
    const uint32_t index = static_cast<uint32_t>(m_tunnels.size());
    if (m_ipv4)
    {
        const uint32_t interface = m_ipv4->AddInterface(device);
        // Routes through the interface need a source address to select, as a numbered Junos
        // st0 unit has; an unnumbered-like /32 from 169.254.0.0/16 (RFC 3927) stays off the
        // wire.
        const Ipv4Address address(0xa9fe0000 | ((m_node->GetId() & 0xff) << 8) |
                                  ((index + 1) & 0xff));
        m_ipv4->AddAddress(interface, Ipv4InterfaceAddress(address, Ipv4Mask::GetOnes()));
        m_ipv4->SetUp(interface);
    }
    if (m_ipv6)
    {
        const uint32_t interface = m_ipv6->AddInterface(device);
        // Decrypted packets for other nodes are forwarded from this interface; forwarding on
        // also keeps the node from soliciting routers over it.
        m_ipv6->SetForwarding(interface, true);
        m_ipv6->SetUp(interface);
        // As for IPv4: routes through the interface need a global-scope source address to
        // select (ns-3 asserts otherwise), here a /128 from the unique-local fd69:7073:6563::/48
        // ("ipsec"), node id and interface index in the interface identifier.
        uint8_t bytes[16] = {0xfd, 0x69, 0x70, 0x73, 0x65, 0x63};
        const uint32_t node = m_node->GetId();
        for (int i = 0; i < 4; ++i)
        {
            bytes[8 + i] = static_cast<uint8_t>(node >> (24 - 8 * i));
            bytes[12 + i] = static_cast<uint8_t>((index + 1) >> (24 - 8 * i));
        }
        m_ipv6->AddAddress(interface, Ipv6InterfaceAddress(Ipv6Address(bytes), Ipv6Prefix(128)));
    }
    m_tunnels.push_back(device);
    return device;
}

Ptr<VirtualNetDevice>
IpsecL3Protocol::GetDefaultTunnelInterface()
{
    if (!m_defaultTunnel)
    {
        m_defaultTunnel = CreateTunnelDevice();
    }
    return m_defaultTunnel;
}

bool
IpsecL3Protocol::IsTunnelInterface(Ptr<const NetDevice> device) const
{
    return std::any_of(m_tunnels.begin(), m_tunnels.end(), [&device](const auto& tunnel) {
        return PeekPointer(tunnel) == PeekPointer(device);
    });
}

void
IpsecL3Protocol::UpdateTunnelMtu(Ptr<NetDevice> tunnel, const std::vector<Ptr<IpsecSa>>& bundle)
{
    size_t overhead = 0;
    for (const auto& sa : bundle)
    {
        overhead += sa->GetConfig().protocol == IpsecProtocol::AH
                        ? IpsecAhTransform::GetHeaderSize(*sa, sa->GetConfig().destination.IsIpv6())
                        : IpsecEspTransform::GetMaxOverhead(*sa);
    }
    const IpsecSa::Config& outermost = bundle.back()->GetConfig();
    if (outermost.encapsulationDestinationPort != 0)
    {
        overhead += 8; // the UDP header of RFC 3948
    }
    if (outermost.mode == IpsecMode::TUNNEL)
    {
        // one outer header for the whole bundle
        overhead += outermost.destination.IsIpv6() ? IPV6_HEADER_BYTES : IPV4_HEADER_BYTES;
    }
    const uint16_t mtu = static_cast<uint16_t>(m_pathMtu - overhead);
    if (mtu < tunnel->GetMtu())
    {
        tunnel->SetMtu(mtu);
    }
}

void
IpsecL3Protocol::BindOutboundToPolicy(Ptr<IpsecPolicy> policy,
                                      const std::vector<Ptr<IpsecSa>>& bundle)
{
    NS_ABORT_MSG_IF(bundle.empty(), "an outbound bundle needs at least one SA");
    for (const auto& sa : bundle)
    {
        m_sad->Install(sa);
    }
    m_policyBundles[policy->GetId()] = bundle;
    UpdateTunnelMtu(GetDefaultTunnelInterface(), bundle);
    ReleaseAwaiting({policy->GetId(), nullptr});
}

std::vector<Ptr<IpsecSa>>
IpsecL3Protocol::UnbindOutboundFromPolicy(Ptr<IpsecPolicy> policy)
{
    auto found = m_policyBundles.find(policy->GetId());
    if (found == m_policyBundles.end())
    {
        return {};
    }
    std::vector<Ptr<IpsecSa>> bundle = found->second;
    m_policyBundles.erase(found);
    for (const auto& sa : bundle)
    {
        m_sad->Remove(sa);
    }
    return bundle;
}

std::vector<Ptr<IpsecSa>>
IpsecL3Protocol::UnbindOutboundFromTunnel(Ptr<NetDevice> tunnel)
{
    auto found = m_deviceBundles.find(tunnel);
    if (found == m_deviceBundles.end())
    {
        return {};
    }
    std::vector<Ptr<IpsecSa>> bundle = found->second;
    m_deviceBundles.erase(found);
    for (const auto& sa : bundle)
    {
        m_sad->Remove(sa);
    }
    return bundle;
}

void
IpsecL3Protocol::SetAcquireCallback(AcquireCallback callback)
{
    m_acquire = callback;
}

void
IpsecL3Protocol::BindOutboundToTunnel(Ptr<NetDevice> tunnel,
                                      const std::vector<Ptr<IpsecSa>>& bundle)
{
    NS_ABORT_MSG_IF(bundle.empty(), "an outbound bundle needs at least one SA");
    NS_ABORT_MSG_IF(!m_routeBasedTunnels.count(tunnel),
                    "device " << tunnel
                              << " is no route-based tunnel interface (use AddTunnelInterface)");
    for (const auto& sa : bundle)
    {
        m_sad->Install(sa);
    }
    m_deviceBundles[tunnel] = bundle;
    UpdateTunnelMtu(tunnel, bundle);
    ReleaseAwaiting({0, PeekPointer(tunnel)});
}

void
IpsecL3Protocol::InstallInbound(Ptr<IpsecSa> sa, Ptr<NetDevice> tunnel)
{
    NS_ABORT_MSG_IF(tunnel && !IsTunnelInterface(tunnel),
                    "device " << tunnel << " is no tunnel interface");
    m_sad->Install(sa);
    m_inboundTunnel[sa->GetId()] =
        tunnel ? DynamicCast<VirtualNetDevice>(tunnel) : GetDefaultTunnelInterface();
}

void
IpsecL3Protocol::Drop(Ptr<const Packet> packet, IpsecDropReason reason, Ptr<IpsecSa> sa)
{
    NS_LOG_INFO("drop: " << reason << (sa ? " on SA " + std::to_string(sa->GetSpi()) : ""));
    m_counters.drops[static_cast<size_t>(reason)]++;
    if (sa)
    {
        sa->GetCounters().drops[static_cast<size_t>(reason)]++;
    }
    m_dropTrace(packet, reason, sa);
}

void
IpsecL3Protocol::CountBypass()
{
    m_counters.bypassed++;
}

namespace
{

bool
TunnelSendCallback(IpsecL3Protocol* ipsec,
                   Ptr<NetDevice> device,
                   Ptr<Packet> packet,
                   const Address& source,
                   const Address& destination,
                   uint16_t protocolNumber)
{
    return ipsec->TunnelSendFrom(device, packet, protocolNumber);
}

} // namespace

void
IpsecL3Protocol::DoDispose()
{
    m_node = nullptr;
    m_ipv4 = nullptr;
    m_innerRouting = nullptr;
    m_ipv6 = nullptr;
    m_innerRouting6 = nullptr;
    m_spd = nullptr;
    m_sad = nullptr;
    m_random = nullptr;
    m_tunnels.clear();
    m_defaultTunnel = nullptr;
    m_routeBasedTunnels.clear();
    m_policyBundles.clear();
    m_deviceBundles.clear();
    m_inboundTunnel.clear();
    m_acquire = AcquireCallback();
    m_awaiting.clear();
    m_acquiring.clear();
    Object::DoDispose();
}

} // namespace ns3
