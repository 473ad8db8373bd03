/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-l3-protocol.h"

#include "ipsec-esp-l4-protocol.h"
#include "ipsec-esp-transform.h"
#include "ipsec-ipv4-routing.h"
#include "ipsec-packet-tag.h"

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

constexpr uint16_t ETHERTYPE_IPV4 = 0x0800;
constexpr uint16_t ETHERTYPE_IPV6 = 0x86DD;
/// ESP next header values of tunnel mode (RFC 4303 section 2.6).
constexpr uint8_t NEXT_HEADER_IPV4 = 4;
constexpr uint8_t NEXT_HEADER_IPV6 = 41;
constexpr size_t IPV4_HEADER_BYTES = 20;

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
            .AddAttribute("OuterTtl",
                          "TTL of the outer IPv4 header in tunnel mode.",
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
        if (node && ipv4)
        {
            m_node = node;
            Ptr<Ipv4RoutingProtocol> inner = ipv4->GetRoutingProtocol();
            NS_ABORT_MSG_IF(!inner,
                            "IPsec on node " << node->GetId()
                                             << " needs IPv4 routing: install the internet "
                                                "stack before IPsec");
            Ptr<IpsecIpv4Routing> routing = CreateObject<IpsecIpv4Routing>();
            routing->Wrap(inner, this);
            ipv4->SetRoutingProtocol(routing);
            Ptr<IpsecEspL4Protocol> esp = CreateObject<IpsecEspL4Protocol>();
            esp->SetIpsec(this);
            ipv4->Insert(esp);
        }
    }
    Object::NotifyNewAggregate();
}

Ptr<VirtualNetDevice>
IpsecL3Protocol::AddTunnelInterface()
{
    NS_ABORT_MSG_IF(!m_node, "IpsecL3Protocol is not aggregated to a node with IPv4");
    Ptr<VirtualNetDevice> device = CreateObject<VirtualNetDevice>();
    device->SetAddress(Mac48Address::Allocate());
    device->SetNeedsArp(false);
    device->SetSupportsSendFrom(false);
    device->SetMtu(m_pathMtu - IPV4_HEADER_BYTES);
    device->SetSendCallback(MakeBoundCallback(&TunnelSendCallback, this, Ptr<NetDevice>(device)));
    m_node->AddDevice(device);
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    uint32_t interface = ipv4->AddInterface(device);
    // Routes through the interface need a source address to select, as a numbered Junos st0
    // unit has; an unnumbered-like /32 from 169.254.0.0/16 (RFC 3927) stays off the wire.
    const uint32_t index = static_cast<uint32_t>(m_tunnels.size());
    ipv4->AddAddress(interface,
                     Ipv4InterfaceAddress(Ipv4Address(0xa9fe0000 | ((m_node->GetId() & 0xff) << 8) |
                                                      ((index + 1) & 0xff)),
                                          Ipv4Mask::GetOnes()));
    ipv4->SetUp(interface);
    m_tunnels.push_back(device);
    return device;
}

Ptr<VirtualNetDevice>
IpsecL3Protocol::GetDefaultTunnelInterface()
{
    if (m_tunnels.empty())
    {
        AddTunnelInterface();
    }
    return m_tunnels.front();
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
        overhead += IpsecEspTransform::GetMaxOverhead(*sa);
        if (sa->GetConfig().mode == IpsecMode::TUNNEL)
        {
            overhead += IPV4_HEADER_BYTES;
        }
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
}

void
IpsecL3Protocol::BindOutboundToTunnel(Ptr<NetDevice> tunnel,
                                      const std::vector<Ptr<IpsecSa>>& bundle)
{
    NS_ABORT_MSG_IF(bundle.empty(), "an outbound bundle needs at least one SA");
    NS_ABORT_MSG_IF(!IsTunnelInterface(tunnel), "device " << tunnel << " is no tunnel interface");
    for (const auto& sa : bundle)
    {
        m_sad->Install(sa);
    }
    m_deviceBundles[tunnel] = bundle;
    UpdateTunnelMtu(tunnel, bundle);
}

void
IpsecL3Protocol::InstallInbound(Ptr<IpsecSa> sa, Ptr<NetDevice> tunnel)
{
    m_sad->Install(sa);
    m_inboundById[sa->GetId()] = sa;
    m_inboundTunnel[sa->GetId()] = tunnel ? tunnel : Ptr<NetDevice>(GetDefaultTunnelInterface());
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

bool
IpsecL3Protocol::TunnelSendFrom(Ptr<NetDevice> device, Ptr<Packet> packet, uint16_t protocolNumber)
{
    if (protocolNumber != ETHERTYPE_IPV4)
    {
        // IPv6 inner packets are not handled by the data plane yet.
        Drop(packet, IpsecDropReason::NO_OUTBOUND_SA, nullptr);
        return false;
    }
    const std::vector<Ptr<IpsecSa>>* bundle = nullptr;
    auto bound = m_deviceBundles.find(device);
    if (bound != m_deviceBundles.end())
    {
        bundle = &bound->second; // route-based: the route chose the tunnel
    }
    else
    {
        // Policy-based: the SPD decides on the finished packet (RFC 4301 section 5.1).
        IpsecFlow flow;
        if (!IpsecFlow::FromIpv4Packet(packet, &flow, nullptr))
        {
            Drop(packet, IpsecDropReason::MALFORMED, nullptr);
            return false;
        }
        Ptr<IpsecPolicy> policy = m_spd->Find(IpsecDirection::OUTBOUND, flow);
        if (!policy || policy->GetAction() == IpsecPolicyAction::BYPASS)
        {
            if (policy)
            {
                CountBypass();
            }
            SendPlain(packet);
            return true;
        }
        if (policy->GetAction() == IpsecPolicyAction::DISCARD)
        {
            Drop(packet, IpsecDropReason::POLICY_DISCARD, nullptr);
            return false;
        }
        return ProtectWithPolicy(policy, packet);
    }
    if (!bundle)
    {
        Drop(packet, IpsecDropReason::NO_OUTBOUND_SA, nullptr);
        return false;
    }
    Ptr<IpsecSa> sa = bundle->front();
    if (sa->GetState() == IpsecSaState::EXPIRED)
    {
        Drop(packet, IpsecDropReason::SA_EXPIRED, sa);
        return false;
    }
    return SendEsp(sa, packet);
}

bool
IpsecL3Protocol::ProtectWithPolicy(Ptr<IpsecPolicy> policy, Ptr<Packet> packet)
{
    auto found = m_policyBundles.find(policy->GetId());
    if (found == m_policyBundles.end())
    {
        Drop(packet, IpsecDropReason::NO_OUTBOUND_SA, nullptr);
        return false;
    }
    Ptr<IpsecSa> sa = found->second.front();
    if (sa->GetState() == IpsecSaState::EXPIRED)
    {
        Drop(packet, IpsecDropReason::SA_EXPIRED, sa);
        return false;
    }
    return SendEsp(sa, packet);
}

bool
IpsecL3Protocol::ForwardProtected(Ptr<const Packet> packet,
                                  const Ipv4Header& header,
                                  Ptr<IpsecPolicy> policy)
{
    if (header.GetTtl() <= 1 ||
        packet->GetSize() + IPV4_HEADER_BYTES > GetDefaultTunnelInterface()->GetMtu())
    {
        return false;
    }
    // What IpForward would do before sending: one hop less.
    Ipv4Header forwarded = header;
    forwarded.SetTtl(header.GetTtl() - 1);
    if (Node::ChecksumEnabled())
    {
        forwarded.EnableChecksum();
    }
    Ptr<Packet> whole = packet->Copy();
    whole->AddHeader(forwarded);
    ProtectWithPolicy(policy, whole);
    return true;
}

bool
IpsecL3Protocol::MayNeedPolicy(const IpsecFlow& flow) const
{
    for (const auto& policy : m_spd->GetPolicies(IpsecDirection::OUTBOUND))
    {
        const bool addressesAndProtocol =
            policy->GetLocalSelector().Contains(flow.m_source) &&
            policy->GetRemoteSelector().Contains(flow.m_destination) &&
            policy->GetLocalSelector().MatchesProtocol(flow.m_protocol) &&
            policy->GetRemoteSelector().MatchesProtocol(flow.m_protocol);
        if (!addressesAndProtocol)
        {
            continue;
        }
        if (policy->GetAction() != IpsecPolicyAction::BYPASS)
        {
            return true;
        }
        if (policy->GetLocalSelector().IsAnyPort() && policy->GetRemoteSelector().IsAnyPort())
        {
            return false; // a BYPASS entry that matches whatever the ports are
        }
    }
    return false;
}

void
IpsecL3Protocol::SendPlain(Ptr<Packet> packet)
{
    Ipv4Header header;
    packet->RemoveHeader(header);
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    Ptr<IpsecIpv4Routing> routing = DynamicCast<IpsecIpv4Routing>(ipv4->GetRoutingProtocol());
    Socket::SocketErrno error = Socket::ERROR_NOTERROR;
    Ptr<Ipv4Route> route =
        routing ? routing->GetInner()->RouteOutput(packet, header, nullptr, error) : nullptr;
    if (!route)
    {
        Drop(packet, IpsecDropReason::NO_ROUTE, nullptr);
        return;
    }
    ipv4->SendWithHeader(packet, header, route);
}

bool
IpsecL3Protocol::SendEsp(Ptr<IpsecSa> sa, Ptr<Packet> inner)
{
    const IpsecSa::Config& config = sa->GetConfig();
    Ipv4Header innerHeader;
    inner->PeekHeader(innerHeader);
    Ptr<Packet> payload = inner;
    uint8_t nextHeader = NEXT_HEADER_IPV4;
    const bool transport = config.mode == IpsecMode::TRANSPORT;
    if (transport)
    {
        payload = inner->Copy();
        payload->RemoveHeader(innerHeader);
        nextHeader = innerHeader.GetProtocol();
    }
    IpsecDropReason reason = IpsecDropReason::CRYPTO_ERROR;
    Ptr<Packet> esp = IpsecEspTransform::Protect(*sa, payload, nextHeader, *m_random, &reason);
    if (!esp)
    {
        Drop(inner, reason, sa);
        return false;
    }
    m_sad->NotifyUse(sa, payload->GetSize());
    m_counters.espEncrypted++;
    m_txTrace(esp, sa);
    if (transport)
    {
        SendIpv4(sa,
                 esp,
                 innerHeader.GetSource(),
                 innerHeader.GetDestination(),
                 &innerHeader,
                 true);
    }
    else
    {
        SendIpv4(sa,
                 esp,
                 config.source.GetIpv4(),
                 config.destination.GetIpv4(),
                 &innerHeader,
                 false);
    }
    return true;
}

void
IpsecL3Protocol::SendIpv4(Ptr<IpsecSa> sa,
                          Ptr<Packet> esp,
                          Ipv4Address source,
                          Ipv4Address destination,
                          const Ipv4Header* inner,
                          bool transport)
{
    Ipv4Header outer;
    outer.SetSource(source);
    outer.SetDestination(destination);
    outer.SetProtocol(IpsecEspL4Protocol::PROT_NUMBER);
    outer.SetPayloadSize(esp->GetSize());
    outer.SetIdentification(m_identification++);
    // RFC 4301 section 5.1.2.1: the outer DSCP is copied from the inner header.
    outer.SetTos(inner->GetTos());
    outer.SetTtl(transport ? inner->GetTtl() : m_outerTtl);
    bool dontFragment = false;
    switch (sa->GetConfig().dfBit)
    {
    case IpsecDfBitMode::CLEAR:
        dontFragment = false;
        break;
    case IpsecDfBitMode::SET:
        dontFragment = true;
        break;
    case IpsecDfBitMode::COPY:
        dontFragment = inner->IsDontFragment();
        break;
    }
    if (transport)
    {
        dontFragment = inner->IsDontFragment();
    }
    if (dontFragment)
    {
        outer.SetDontFragment();
    }
    else
    {
        outer.SetMayFragment();
    }
    if (Node::ChecksumEnabled())
    {
        outer.EnableChecksum();
    }
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    Ptr<IpsecIpv4Routing> routing = DynamicCast<IpsecIpv4Routing>(ipv4->GetRoutingProtocol());
    Socket::SocketErrno error = Socket::ERROR_NOTERROR;
    Ptr<Ipv4Route> route =
        routing ? routing->GetInner()->RouteOutput(esp, outer, nullptr, error) : nullptr;
    if (!route)
    {
        Drop(esp, IpsecDropReason::NO_ROUTE, sa);
        return;
    }
    ipv4->SendWithHeader(esp, outer, route);
}

bool
IpsecL3Protocol::TakeLocalEsp(Ptr<const Packet> packet, const Ipv4Header& header)
{
    uint32_t spi = 0;
    if (!IpsecEspTransform::PeekSpi(packet, &spi))
    {
        return false;
    }
    Ptr<IpsecSa> sa =
        m_sad->FindInbound(IpsecIpAddress(header.GetDestination()), IpsecProtocol::ESP, spi);
    if (!sa)
    {
        return false;
    }
    ReceiveEspForSa(sa, packet, header);
    return true;
}

void
IpsecL3Protocol::ReceiveEsp(Ptr<Packet> packet, const Ipv4Header& header)
{
    uint32_t spi = 0;
    if (!IpsecEspTransform::PeekSpi(packet, &spi))
    {
        Drop(packet, IpsecDropReason::MALFORMED, nullptr);
        return;
    }
    Ptr<IpsecSa> sa =
        m_sad->FindInbound(IpsecIpAddress(header.GetDestination()), IpsecProtocol::ESP, spi);
    if (!sa)
    {
        Drop(packet, IpsecDropReason::NO_SA, nullptr);
        return;
    }
    ReceiveEspForSa(sa, packet, header);
}

void
IpsecL3Protocol::ReceiveEspForSa(Ptr<IpsecSa> sa,
                                 Ptr<const Packet> packet,
                                 const Ipv4Header& header)
{
    IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*sa, packet);
    if (!result.accepted)
    {
        Drop(packet, result.reason, sa);
        return;
    }
    m_sad->NotifyUse(sa, result.payload->GetSize());
    Ptr<Packet> inner = result.payload;
    if (sa->GetConfig().mode == IpsecMode::TRANSPORT)
    {
        Ipv4Header rebuilt = header;
        rebuilt.SetProtocol(result.nextHeader);
        rebuilt.SetPayloadSize(inner->GetSize());
        if (Node::ChecksumEnabled())
        {
            rebuilt.EnableChecksum();
        }
        inner->AddHeader(rebuilt);
    }
    else if (result.nextHeader != NEXT_HEADER_IPV4)
    {
        // An IPv6 inner packet would need the IPv6 data plane, which does not exist yet.
        Drop(packet,
             result.nextHeader == NEXT_HEADER_IPV6 ? IpsecDropReason::SELECTOR_MISMATCH
                                                   : IpsecDropReason::MALFORMED,
             sa);
        return;
    }
    m_counters.espDecrypted++;
    m_rxTrace(inner, sa);
    if (sa->GetConfig().mode == IpsecMode::TUNNEL && ForwardDecrypted(inner, sa))
    {
        return;
    }
    inner->AddPacketTag(IpsecPacketTag(IpsecPacketTag::INBOUND_SA, sa->GetId()));
    Ptr<VirtualNetDevice> tunnel = DynamicCast<VirtualNetDevice>(m_inboundTunnel[sa->GetId()]);
    tunnel->Receive(inner,
                    ETHERTYPE_IPV4,
                    tunnel->GetAddress(),
                    tunnel->GetAddress(),
                    NetDevice::PACKET_HOST);
}

bool
IpsecL3Protocol::ForwardDecrypted(Ptr<Packet> inner, Ptr<IpsecSa> sa)
{
    Ipv4Header header;
    if (inner->PeekHeader(header) == 0 || header.GetTtl() <= 1 || !header.IsLastFragment() ||
        header.GetFragmentOffset() != 0 || header.GetDestination().IsBroadcast() ||
        header.GetDestination().IsMulticast())
    {
        return false;
    }
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    if (ipv4->GetInterfaceForAddress(header.GetDestination()) >= 0)
    {
        return false; // for this node: local delivery through the tunnel interface
    }
    IpsecFlow flow;
    if (!IpsecFlow::FromIpv4Packet(inner, &flow, nullptr) || !SelectorsAdmit(sa, flow))
    {
        Drop(inner, IpsecDropReason::SELECTOR_MISMATCH, sa);
        return true;
    }
    Ptr<IpsecIpv4Routing> routing = DynamicCast<IpsecIpv4Routing>(ipv4->GetRoutingProtocol());
    inner->RemoveHeader(header);
    Socket::SocketErrno error = Socket::ERROR_NOTERROR;
    Ptr<Ipv4Route> route = routing->GetInner()->RouteOutput(inner, header, nullptr, error);
    if (!route)
    {
        Drop(inner, IpsecDropReason::NO_ROUTE, sa);
        return true;
    }
    // What IpForward would do: one hop less, then out.
    header.SetTtl(header.GetTtl() - 1);
    if (Node::ChecksumEnabled())
    {
        header.EnableChecksum();
    }
    ipv4->SendWithHeader(inner, header, route);
    return true;
}

bool
IpsecL3Protocol::SelectorsAdmit(Ptr<IpsecSa> sa, const IpsecFlow& flow) const
{
    const IpsecSa::Config& config = sa->GetConfig();
    // Inbound: the remote side sent it, the local side receives it. Fragments and protocols
    // without ports have OPAQUE ports (RFC 4301 section 4.4.1.1).
    if (!config.remoteSelector.Contains(flow.m_source) ||
        !config.localSelector.Contains(flow.m_destination))
    {
        return false;
    }
    if (!flow.HasPorts())
    {
        return config.remoteSelector.MatchesOpaquePort(flow.m_protocol) &&
               config.localSelector.MatchesOpaquePort(flow.m_protocol);
    }
    return config.remoteSelector.Matches(flow.m_protocol, flow.m_sourcePort) &&
           config.localSelector.Matches(flow.m_protocol, flow.m_destinationPort);
}

bool
IpsecL3Protocol::CheckInboundSelectors(Ptr<const Packet> packet, const IpsecFlow& flow)
{
    IpsecPacketTag tag;
    if (!packet->PeekPacketTag(tag) || tag.GetKind() != IpsecPacketTag::INBOUND_SA)
    {
        return true;
    }
    auto found = m_inboundById.find(tag.GetId());
    if (found == m_inboundById.end())
    {
        return true;
    }
    Ptr<IpsecSa> sa = found->second;
    const bool inside = SelectorsAdmit(sa, flow);
    if (!inside)
    {
        Drop(packet, IpsecDropReason::SELECTOR_MISMATCH, sa);
    }
    return inside;
}

void
IpsecL3Protocol::DoDispose()
{
    m_node = nullptr;
    m_spd = nullptr;
    m_sad = nullptr;
    m_random = nullptr;
    m_tunnels.clear();
    m_policyBundles.clear();
    m_deviceBundles.clear();
    m_inboundById.clear();
    m_inboundTunnel.clear();
    Object::DoDispose();
}

} // namespace ns3
