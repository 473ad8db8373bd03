/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The inbound half of IpsecL3Protocol (RFC 4301 section 5.2): ESP and AH processing of packets
// for this node's SAs, the selector check of what they carried, and its delivery.

#include "ipsec-ah-transform.h"
#include "ipsec-esp-transform.h"
#include "ipsec-l3-protocol.h"
#include "ipsec-l4-protocol.h"

#include "ns3/ipv4.h"
#include "ns3/node.h"

namespace ns3
{

namespace
{

/**
 * \brief Checks the IPv4 header fields that ns-3's stack takes for granted, as Linux's
 * ip_rcv() does for every packet: version 4, a header length of at least 5 words that fits in
 * the packet, and a total length between the header length and the packet size.
 *
 * A decrypted tunnel-mode payload is whatever the peer encrypted. ns-3 parses an IPv4 header
 * without these checks, and one whose IHL is below 5 later makes Ipv4Header::Serialize write
 * its 20 bytes into the smaller space the IHL announced (when the header is sent on or quoted
 * in an ICMP error): a heap overflow.
 * \param packet a decrypted inner packet
 * \return true if it may enter the IPv4 stack
 */
bool
IsWellFormedIpv4(Ptr<const Packet> packet)
{
    constexpr uint32_t MIN_HEADER_BYTES = 20;
    const uint32_t size = packet->GetSize();
    if (size < MIN_HEADER_BYTES)
    {
        return false;
    }
    uint8_t start[4];
    packet->CopyData(start, sizeof(start));
    const uint32_t headerBytes = (start[0] & 0x0fu) * 4;
    const uint32_t totalLength = (uint32_t(start[2]) << 8) | start[3];
    return (start[0] >> 4) == 4 && headerBytes >= MIN_HEADER_BYTES && headerBytes <= size &&
           totalLength >= headerBytes && totalLength <= size;
}

/**
 * \brief The IPv6 counterpart of IsWellFormedIpv4(): version 6, a whole base header, and a
 * payload length that the packet holds.
 * \param packet a decrypted inner packet
 * \return true if it may enter the IPv6 stack
 */
bool
IsWellFormedIpv6(Ptr<const Packet> packet)
{
    constexpr uint32_t HEADER_BYTES = 40;
    const uint32_t size = packet->GetSize();
    if (size < HEADER_BYTES)
    {
        return false;
    }
    uint8_t start[6];
    packet->CopyData(start, sizeof(start));
    const uint32_t payloadLength = (uint32_t(start[4]) << 8) | start[5];
    return (start[0] >> 4) == 6 && HEADER_BYTES + payloadLength <= size;
}

} // namespace

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
    ReceiveEspForSa(sa, packet, IpsecIpHeader(header));
    return true;
}

bool
IpsecL3Protocol::TakeUdpEncapsulatedEsp(Ptr<const Packet> packet, const IpsecIpHeader& header)
{
    constexpr uint32_t UDP_HEADER_BYTES = 8;
    uint8_t start[UDP_HEADER_BYTES + 4];
    if (packet->GetSize() < sizeof(start))
    {
        return false;
    }
    packet->CopyData(start, sizeof(start));
    const uint16_t destinationPort = uint16_t(start[2] << 8 | start[3]);
    const bool marker = start[8] == 0 && start[9] == 0 && start[10] == 0 && start[11] == 0;
    if (destinationPort != NAT_T_PORT || marker)
    {
        return false; // not for 4500, or IKE (non-ESP marker): the UDP socket's
    }
    // Only ESP for one of this node's SAs: anything else is the UDP stack's (transit traffic,
    // or a datagram for a socket on 4500).
    const uint32_t spi =
        uint32_t(start[8]) << 24 | uint32_t(start[9]) << 16 | uint32_t(start[10]) << 8 | start[11];
    Ptr<IpsecSa> sa = m_sad->FindInbound(header.GetDestination(), IpsecProtocol::ESP, spi);
    if (!sa)
    {
        return false;
    }
    Ptr<Packet> esp =
        packet->CreateFragment(UDP_HEADER_BYTES, packet->GetSize() - UDP_HEADER_BYTES);
    ReceiveEspForSa(sa,
                    esp,
                    header.WithPayload(IpsecL4Protocol::ESP_PROTOCOL, esp->GetSize(), m_checksum));
    return true;
}

void
IpsecL3Protocol::ReceiveEsp(Ptr<Packet> packet, const IpsecIpHeader& header)
{
    uint32_t spi = 0;
    if (!IpsecEspTransform::PeekSpi(packet, &spi))
    {
        Drop(packet, IpsecDropReason::MALFORMED, nullptr);
        return;
    }
    Ptr<IpsecSa> sa = m_sad->FindInbound(header.GetDestination(), IpsecProtocol::ESP, spi);
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
                                 const IpsecIpHeader& header)
{
    IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*sa, packet);
    if (!result.accepted)
    {
        Drop(packet, result.reason, sa);
        return;
    }
    m_sad->NotifyUse(sa, result.payload->GetSize());
    m_counters.espDecrypted++;
    m_rxTrace(result.payload, sa);
    DeliverPayload(sa, result.payload, result.nextHeader, header);
}

void
IpsecL3Protocol::ReceiveAh(Ptr<Packet> packet, const IpsecIpHeader& header)
{
    uint32_t spi = 0;
    if (!IpsecAhTransform::PeekSpi(packet, &spi))
    {
        Drop(packet, IpsecDropReason::MALFORMED, nullptr);
        return;
    }
    Ptr<IpsecSa> sa = m_sad->FindInbound(header.GetDestination(), IpsecProtocol::AH, spi);
    if (!sa)
    {
        Drop(packet, IpsecDropReason::NO_SA, nullptr);
        return;
    }
    IpsecUnprotectResult result =
        header.IsIpv6() ? IpsecAhTransform::UnprotectIpv6(*sa, header.GetIpv6(), packet)
                        : IpsecAhTransform::UnprotectIpv4(*sa, header.GetIpv4(), packet);
    if (!result.accepted)
    {
        Drop(packet, result.reason, sa);
        return;
    }
    m_sad->NotifyUse(sa, result.payload->GetSize());
    m_counters.ahAccepted++;
    m_rxTrace(result.payload, sa);
    DeliverPayload(sa, result.payload, result.nextHeader, header);
}

void
IpsecL3Protocol::DeliverPayload(Ptr<IpsecSa> sa,
                                Ptr<Packet> inner,
                                uint8_t nextHeader,
                                const IpsecIpHeader& header)
{
    if (nextHeader == IpsecL4Protocol::ESP_PROTOCOL)
    {
        // ESP inside AH (a bundle): the same outer header now carries ESP.
        ReceiveEsp(inner,
                   header.WithPayload(IpsecL4Protocol::ESP_PROTOCOL, inner->GetSize(), m_checksum));
        return;
    }
    bool ipv6 = header.IsIpv6();
    if (sa->GetConfig().mode == IpsecMode::TRANSPORT)
    {
        header.WithPayload(nextHeader, inner->GetSize(), m_checksum).PrependTo(inner);
    }
    else if (nextHeader == NEXT_HEADER_IPV4 || nextHeader == NEXT_HEADER_IPV6)
    {
        ipv6 = nextHeader == NEXT_HEADER_IPV6;
        if (ipv6 ? !IsWellFormedIpv6(inner) : !IsWellFormedIpv4(inner))
        {
            Drop(inner, IpsecDropReason::MALFORMED, sa);
            return;
        }
    }
    else
    {
        Drop(inner, IpsecDropReason::MALFORMED, sa); // tunnel mode carries IP packets only
        return;
    }
    // RFC 4301 section 5.2 step 4: what an SA carried must lie within its selectors.
    IpsecFlow flow;
    const bool parsed = ipv6 ? IpsecFlow::FromIpv6Packet(inner, &flow, nullptr)
                             : IpsecFlow::FromIpv4Packet(inner, &flow, nullptr);
    if (!parsed)
    {
        Drop(inner, IpsecDropReason::MALFORMED, sa);
        return;
    }
    if (!SelectorsAdmit(sa, flow))
    {
        Drop(inner, IpsecDropReason::SELECTOR_MISMATCH, sa);
        return;
    }
    if (ipv6 ? m_ipv6 == nullptr : m_ipv4 == nullptr)
    {
        Drop(inner, IpsecDropReason::NO_ROUTE, sa); // the node has no stack of that family
        return;
    }
    if (!ipv6 && sa->GetConfig().mode == IpsecMode::TUNNEL && ForwardDecrypted(inner, sa))
    {
        return;
    }
    Ptr<VirtualNetDevice> tunnel = m_inboundTunnel[sa->GetId()];
    tunnel->Receive(inner,
                    ipv6 ? IpsecIpHeader::ETHERTYPE_IPV6 : IpsecIpHeader::ETHERTYPE_IPV4,
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
    if (m_ipv4->GetInterfaceForAddress(header.GetDestination()) >= 0)
    {
        return false; // for this node: local delivery through the tunnel interface
    }
    inner->RemoveHeader(header);
    // What IpForward would do: one hop less, then out.
    header.SetTtl(header.GetTtl() - 1);
    if (m_checksum)
    {
        header.EnableChecksum();
    }
    SendWithRoute(inner, IpsecIpHeader(header), sa);
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
IpsecL3Protocol::AdmitReceivedPlaintext(Ptr<const Packet> packet, const IpsecFlow& flow)
{
    Ptr<IpsecPolicy> inbound = m_spd->Find(IpsecDirection::INBOUND, flow);
    if (!inbound || inbound->GetAction() == IpsecPolicyAction::BYPASS)
    {
        return true;
    }
    // RFC 4301 section 5.2 step 3: plaintext the SPD says must be protected is discarded.
    Drop(packet,
         inbound->GetAction() == IpsecPolicyAction::PROTECT ? IpsecDropReason::PLAINTEXT_PROTECTED
                                                            : IpsecDropReason::POLICY_DISCARD,
         nullptr);
    return false;
}

bool
IpsecL3Protocol::AdmitForwardedPlaintext(Ptr<const Packet> packet, Ptr<IpsecPolicy> policy)
{
    if (policy->GetAction() == IpsecPolicyAction::DISCARD)
    {
        Drop(packet, IpsecDropReason::POLICY_DISCARD, nullptr);
        return false;
    }
    CountBypass();
    return true;
}

} // namespace ns3
