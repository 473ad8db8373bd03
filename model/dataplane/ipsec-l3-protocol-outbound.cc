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
#include "ns3/node.h"

namespace ns3
{

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
    return SendBundle(*bundle, packet);
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
    return SendBundle(found->second, packet);
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
    SendWithRoute(packet, header, nullptr);
}

void
IpsecL3Protocol::SendWithRoute(Ptr<Packet> packet, const Ipv4Header& header, Ptr<IpsecSa> sa)
{
    // The node's own routing decides the next hop; the SPD has had its say already.
    Socket::SocketErrno error = Socket::ERROR_NOTERROR;
    Ptr<Ipv4Route> route = m_innerRouting->RouteOutput(packet, header, nullptr, error);
    if (!route)
    {
        Drop(packet, IpsecDropReason::NO_ROUTE, sa);
        return;
    }
    m_ipv4->SendWithHeader(packet, header, route);
}

Ipv4Header
IpsecL3Protocol::BuildOuterHeader(const IpsecSa& sa, const Ipv4Header& inner, bool transport)
{
    const IpsecSa::Config& config = sa.GetConfig();
    Ipv4Header outer;
    outer.SetSource(transport ? inner.GetSource() : config.source.GetIpv4());
    outer.SetDestination(transport ? inner.GetDestination() : config.destination.GetIpv4());
    outer.SetIdentification(m_identification++);
    // RFC 4301 section 5.1.2.1: the outer DSCP is copied from the inner header.
    outer.SetTos(inner.GetTos());
    outer.SetTtl(transport ? inner.GetTtl() : m_outerTtl);
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
    return outer;
}

bool
IpsecL3Protocol::SendBundle(const std::vector<Ptr<IpsecSa>>& bundle, Ptr<Packet> inner)
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
    Ipv4Header innerHeader;
    inner->PeekHeader(innerHeader);
    Ptr<Packet> payload = inner;
    uint8_t nextHeader = NEXT_HEADER_IPV4;
    if (transport)
    {
        payload = inner->Copy();
        payload->RemoveHeader(innerHeader);
        nextHeader = innerHeader.GetProtocol();
    }
    const uint64_t protectedBytes = payload->GetSize();
    Ipv4Header outer = BuildOuterHeader(*outermost, innerHeader, transport);
    // Innermost first: ESP, then AH over it (RFC 4301 section 4.5, Junos protocol bundle).
    for (const auto& sa : bundle)
    {
        IpsecDropReason reason = IpsecDropReason::CRYPTO_ERROR;
        Ptr<Packet> result;
        if (sa->GetConfig().protocol == IpsecProtocol::AH)
        {
            result = IpsecAhTransform::ProtectIpv4(*sa, outer, payload, nextHeader, &reason);
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
    outer.SetProtocol(nextHeader);
    outer.SetPayloadSize(payload->GetSize());
    if (Node::ChecksumEnabled())
    {
        outer.EnableChecksum();
    }
    SendWithRoute(payload, outer, outermost);
    return true;
}

} // namespace ns3
