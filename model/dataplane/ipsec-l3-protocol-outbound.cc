/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The outbound half of IpsecL3Protocol (RFC 4301 section 5.1): the SPD decision on packets the
// node sends or forwards, and ESP/AH protection of the packets it must protect.

#include "ipsec-ah-transform.h"
#include "ipsec-esp-transform.h"
#include "ipsec-ipv4-routing.h"
#include "ipsec-l3-protocol.h"
#include "ipsec-l4-protocol.h"

#include "ns3/icmpv4-l4-protocol.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6.h"
#include "ns3/node.h"
#include "ns3/socket.h"
#include "ns3/udp-header.h"
#include "ns3/udp-l4-protocol.h"

namespace ns3
{

namespace
{

/**
 * \param packet a whole IP packet
 * \param header its header (says the family)
 * \param flow receives the selector fields
 * \return false if the packet is too malformed to classify
 */
bool
ParseFlow(Ptr<const Packet> packet, const IpsecIpHeader& header, IpsecFlow* flow)
{
    return header.IsIpv6() ? IpsecFlow::FromIpv6Packet(packet, flow, nullptr)
                           : IpsecFlow::FromIpv4Packet(packet, flow, nullptr);
}

/**
 * \param header an IPv6 header sent into a tunnel interface
 * \return true if its destination never leaves the link (neighbour discovery, DAD)
 */
bool
IsLinkScoped(const Ipv6Header& header)
{
    return header.GetDestination().IsMulticast() || header.GetDestination().IsLinkLocal();
}

/**
 * \param header an IP header sent into a tunnel interface
 * \return true for a fragment of an IPv4 packet with DF set
 */
bool
IsFragmentedDontFragment(const IpsecIpHeader& header)
{
    return !header.IsIpv6() && header.GetIpv4().IsDontFragment() &&
           (!header.GetIpv4().IsLastFragment() || header.GetIpv4().GetFragmentOffset() != 0);
}

} // namespace

bool
IpsecL3Protocol::TunnelSendFrom(Ptr<NetDevice> device, Ptr<Packet> packet, uint16_t protocolNumber)
{
    IpsecIpHeader header;
    if (!IpsecIpHeader::Peek(packet, protocolNumber, &header))
    {
        Drop(packet, IpsecDropReason::MALFORMED, nullptr);
        return false;
    }
    if (header.IsIpv6() && IsLinkScoped(header.GetIpv6()))
    {
        // The node's IPv6 runs neighbour discovery on every interface; a point-to-point
        // tunnel has no neighbours, and Junos st0 sends no such packets either.
        m_counters.linkScopedOnTunnel++;
        return true;
    }
    if (IsFragmentedDontFragment(header))
    {
        // A packet of this node's own with DF set was too big for the tunnel, and ns-3
        // fragmented it regardless (it does so for locally sent packets). RFC 791 forbids
        // that: drop every fragment, and report the tunnel MTU for the first one, as
        // forwarding does.
        Drop(packet, IpsecDropReason::MTU_EXCEEDED, nullptr);
        const Ipv4Header& ipv4 = header.GetIpv4();
        Ptr<Icmpv4L4Protocol> icmp = m_node->GetObject<Icmpv4L4Protocol>();
        if (ipv4.GetFragmentOffset() == 0 && icmp)
        {
            Ptr<Packet> payload = packet->Copy();
            payload->RemoveAtStart(header.GetSerializedSize());
            icmp->SendDestUnreachFragNeeded(ipv4, payload, device->GetMtu());
        }
        return false;
    }
    if (m_routeBasedTunnels.count(device))
    {
        // Route-based: the route chose the tunnel, and its SAs protect whatever comes.
        auto bound = m_deviceBundles.find(device);
        if (bound == m_deviceBundles.end())
        {
            return AwaitSas(nullptr, device, packet, header); // never in the clear
        }
        return SendBundle(bound->second, packet, header);
    }
    // Policy-based: the SPD decides on the finished packet (RFC 4301 section 5.1).
    IpsecFlow flow;
    if (!ParseFlow(packet, header, &flow))
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
        SendPlain(packet, header);
        return true;
    }
    if (policy->GetAction() == IpsecPolicyAction::DISCARD)
    {
        Drop(packet, IpsecDropReason::POLICY_DISCARD, nullptr);
        return false;
    }
    return ProtectWithPolicy(policy, packet, header);
}

bool
IpsecL3Protocol::ProtectWithPolicy(Ptr<IpsecPolicy> policy,
                                   Ptr<Packet> packet,
                                   const IpsecIpHeader& header)
{
    auto found = m_policyBundles.find(policy->GetId());
    if (found == m_policyBundles.end())
    {
        return AwaitSas(policy, nullptr, packet, header);
    }
    return SendBundle(found->second, packet, header);
}

bool
IpsecL3Protocol::AwaitSas(Ptr<IpsecPolicy> policy,
                          Ptr<NetDevice> tunnel,
                          Ptr<Packet> packet,
                          const IpsecIpHeader& header)
{
    const AcquireKey key{policy ? policy->GetId() : 0, policy ? nullptr : PeekPointer(tunnel)};
    if (!m_acquire.IsNull() && m_acquiring.insert(key).second)
    {
        IpsecFlow flow;
        ParseFlow(packet, header, &flow);
        m_acquire(policy, tunnel, flow);
        if (m_policyBundles.count(key.first) || (tunnel && m_deviceBundles.count(tunnel)))
        {
            // The SAs came at once (a callback that binds them synchronously).
            return policy ? ProtectWithPolicy(policy, packet, header)
                          : SendBundle(m_deviceBundles[tunnel], packet, header);
        }
    }
    auto& waiting = m_awaiting[key];
    if (m_acquire.IsNull() || waiting.size() >= m_acquireQueueSize)
    {
        Drop(packet, IpsecDropReason::NO_OUTBOUND_SA, nullptr);
        return false;
    }
    waiting.emplace_back(packet, header);
    return false;
}

void
IpsecL3Protocol::ReleaseAwaiting(const AcquireKey& key)
{
    m_acquiring.erase(key);
    auto found = m_awaiting.find(key);
    if (found == m_awaiting.end())
    {
        return;
    }
    auto waiting = std::move(found->second);
    m_awaiting.erase(found);
    for (auto& [packet, header] : waiting)
    {
        if (key.second)
        {
            SendBundle(m_deviceBundles[const_cast<NetDevice*>(key.second)], packet, header);
        }
        else
        {
            SendBundle(m_policyBundles[key.first], packet, header);
        }
    }
}

void
IpsecL3Protocol::CancelAcquire(Ptr<IpsecPolicy> policy, Ptr<NetDevice> tunnel)
{
    const AcquireKey key{policy ? policy->GetId() : 0, policy ? nullptr : PeekPointer(tunnel)};
    m_acquiring.erase(key);
    auto found = m_awaiting.find(key);
    if (found == m_awaiting.end())
    {
        return;
    }
    auto waiting = std::move(found->second);
    m_awaiting.erase(found);
    for (auto& [packet, header] : waiting)
    {
        Drop(packet, IpsecDropReason::NO_OUTBOUND_SA, nullptr);
    }
}

bool
IpsecL3Protocol::ForwardProtected(Ptr<const Packet> packet,
                                  const Ipv4Header& header,
                                  Ptr<IpsecPolicy> policy)
{
    const uint16_t tunnelMtu = GetDefaultTunnelInterface()->GetMtu();
    if (header.IsDontFragment() && packet->GetSize() + IPV4_HEADER_BYTES > tunnelMtu)
    {
        // RFC 4301 section 8.2.1 / RFC 1191: too big for the tunnel and must not be
        // fragmented: drop it and tell the sender the MTU that fits (ns-3's forwarding would
        // fragment it regardless of DF).
        Drop(packet, IpsecDropReason::MTU_EXCEEDED, nullptr);
        if (Ptr<Icmpv4L4Protocol> icmp = m_node->GetObject<Icmpv4L4Protocol>())
        {
            icmp->SendDestUnreachFragNeeded(header, packet, tunnelMtu);
        }
        return true;
    }
    if (header.GetTtl() <= 1 || packet->GetSize() + IPV4_HEADER_BYTES > tunnelMtu)
    {
        return false;
    }
    // What IpForward would do before sending: one hop less.
    Ipv4Header forwarded = header;
    forwarded.SetTtl(header.GetTtl() - 1);
    if (m_checksum)
    {
        forwarded.EnableChecksum();
    }
    Ptr<Packet> whole = packet->Copy();
    whole->AddHeader(forwarded);
    ProtectWithPolicy(policy, whole, IpsecIpHeader(forwarded));
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
IpsecL3Protocol::SendPlain(Ptr<Packet> packet, const IpsecIpHeader& header)
{
    packet->RemoveAtStart(header.GetSerializedSize());
    SendWithRoute(packet, header, nullptr);
}

void
IpsecL3Protocol::SendWithRoute(Ptr<Packet> packet, const IpsecIpHeader& header, Ptr<IpsecSa> sa)
{
    // The node's own routing decides the next hop; the SPD has had its say already.
    Socket::SocketErrno error = Socket::ERROR_NOTERROR;
    if (!header.IsIpv6())
    {
        Ptr<Ipv4Route> route =
            m_innerRouting ? m_innerRouting->RouteOutput(packet, header.GetIpv4(), nullptr, error)
                           : nullptr;
        if (!route)
        {
            Drop(packet, IpsecDropReason::NO_ROUTE, sa);
            return;
        }
        m_ipv4->SendWithHeader(packet, header.GetIpv4(), route);
        return;
    }
    const Ipv6Header& ipv6 = header.GetIpv6();
    Ptr<Ipv6Route> route =
        m_innerRouting6 ? m_innerRouting6->RouteOutput(packet, ipv6, nullptr, error) : nullptr;
    if (!route)
    {
        Drop(packet, IpsecDropReason::NO_ROUTE, sa);
        return;
    }
    // IPv6 has no SendWithHeader: Send builds the header from these, taking the hop limit and
    // traffic class from tags (the flow label is left 0).
    SocketIpv6HopLimitTag hopLimit;
    hopLimit.SetHopLimit(ipv6.GetHopLimit());
    packet->ReplacePacketTag(hopLimit);
    SocketIpv6TclassTag trafficClass;
    trafficClass.SetTclass(ipv6.GetTrafficClass());
    packet->ReplacePacketTag(trafficClass);
    m_ipv6->Send(packet, ipv6.GetSource(), ipv6.GetDestination(), ipv6.GetNextHeader(), route);
}

IpsecIpHeader
IpsecL3Protocol::BuildOuterHeader(const IpsecSa& sa, const IpsecIpHeader& inner, bool transport)
{
    const IpsecSa::Config& config = sa.GetConfig();
    const IpsecIpAddress source = transport ? inner.GetSource() : config.source;
    const IpsecIpAddress destination = transport ? inner.GetDestination() : config.destination;
    // RFC 4301 section 5.1.2.1: the outer DSCP is copied from the inner header.
    const uint8_t hopLimit = transport ? inner.GetHopLimit() : m_outerTtl;
    if (destination.IsIpv6())
    {
        Ipv6Header outer;
        outer.SetSource(source.GetIpv6());
        outer.SetDestination(destination.GetIpv6());
        outer.SetTrafficClass(inner.GetDsField());
        outer.SetFlowLabel(0);
        outer.SetHopLimit(hopLimit);
        return IpsecIpHeader(outer);
    }
    Ipv4Header outer;
    outer.SetSource(source.GetIpv4());
    outer.SetDestination(destination.GetIpv4());
    outer.SetIdentification(m_identification++);
    outer.SetTos(inner.GetDsField());
    outer.SetTtl(hopLimit);
    // Junos df-bit: copy takes the inner IPv4 DF bit; an inner IPv6 packet has none, and the
    // outer header may then be fragmented.
    bool dontFragment = inner.IsDontFragment();
    if (!transport && config.dfBit != IpsecDfBitMode::COPY)
    {
        dontFragment = config.dfBit == IpsecDfBitMode::SET;
    }
    if (dontFragment)
    {
        outer.SetDontFragment();
    }
    else
    {
        outer.SetMayFragment();
    }
    return IpsecIpHeader(outer);
}

bool
IpsecL3Protocol::SendBundle(const std::vector<Ptr<IpsecSa>>& bundle,
                            Ptr<Packet> inner,
                            const IpsecIpHeader& innerHeader)
{
    for (const auto& sa : bundle)
    {
        if (sa->GetState() == IpsecSaState::EXPIRED)
        {
            Drop(inner, IpsecDropReason::SA_EXPIRED, sa);
            return false;
        }
    }
    // All SAs of a bundle share the mode; the outermost one decides the outer header.
    Ptr<IpsecSa> outermost = bundle.back();
    const bool transport = outermost->GetConfig().mode == IpsecMode::TRANSPORT;
    if (transport &&
        innerHeader.GetDestination().GetFamily() != outermost->GetConfig().destination.GetFamily())
    {
        // Transport mode keeps the packet's own header: an SA of the other family cannot.
        Drop(inner, IpsecDropReason::SELECTOR_MISMATCH, outermost);
        return false;
    }
    Ptr<Packet> payload = inner;
    uint8_t nextHeader = innerHeader.IsIpv6() ? NEXT_HEADER_IPV6 : NEXT_HEADER_IPV4;
    if (transport)
    {
        payload = inner->Copy();
        payload->RemoveAtStart(innerHeader.GetSerializedSize());
        nextHeader = innerHeader.GetProtocol();
    }
    const uint64_t protectedBytes = payload->GetSize();
    IpsecIpHeader outer = BuildOuterHeader(*outermost, innerHeader, transport);
    // Innermost first: ESP, then AH over it (RFC 4301 section 4.5, Junos protocol bundle).
    for (const auto& sa : bundle)
    {
        IpsecDropReason reason = IpsecDropReason::CRYPTO_ERROR;
        Ptr<Packet> result;
        if (sa->GetConfig().protocol == IpsecProtocol::AH)
        {
            result = outer.IsIpv6() ? IpsecAhTransform::ProtectIpv6(*sa,
                                                                    outer.GetIpv6(),
                                                                    payload,
                                                                    nextHeader,
                                                                    &reason)
                                    : IpsecAhTransform::ProtectIpv4(*sa,
                                                                    outer.GetIpv4(),
                                                                    payload,
                                                                    nextHeader,
                                                                    &reason);
            nextHeader = IpsecL4Protocol::AH_PROTOCOL;
        }
        else
        {
            result = IpsecEspTransform::Protect(*sa, payload, nextHeader, *m_random, &reason);
            nextHeader = IpsecL4Protocol::ESP_PROTOCOL;
        }
        if (!result)
        {
            Drop(inner, reason, sa);
            return false;
        }
        m_sad->NotifyUse(sa, protectedBytes);
        if (sa->GetConfig().protocol == IpsecProtocol::AH)
        {
            m_counters.ahSent++;
        }
        else
        {
            m_counters.espEncrypted++;
        }
        m_txTrace(result, sa);
        payload = result;
    }
    const IpsecSa::Config& last = outermost->GetConfig();
    if (last.encapsulationDestinationPort != 0)
    {
        // RFC 3948 section 2.1: ESP in UDP; the IPv4 UDP checksum is zero, IPv6 needs one.
        UdpHeader udp;
        udp.SetSourcePort(last.encapsulationSourcePort);
        udp.SetDestinationPort(last.encapsulationDestinationPort);
        if (outer.IsIpv6())
        {
            udp.EnableChecksums();
            udp.InitializeChecksum(outer.GetIpv6().GetSource(),
                                   outer.GetIpv6().GetDestination(),
                                   UdpL4Protocol::PROT_NUMBER);
        }
        payload->AddHeader(udp);
        nextHeader = UdpL4Protocol::PROT_NUMBER;
    }
    SendWithRoute(payload,
                  outer.WithPayload(nextHeader, payload->GetSize(), m_checksum),
                  outermost);
    return true;
}

} // namespace ns3
