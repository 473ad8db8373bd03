/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The inbound half of IpsecL3Protocol (RFC 4301 section 5.2): ESP and AH processing of packets
// for this node's SAs, the selector check of what they carried, and its delivery.

#include "ipsec-ah-transform.h"
#include "ipsec-esp-transform.h"
#include "ipsec-l3-protocol.h"
#include "ipsec-l4-protocol.h"
#include "ipsec-packet-tag.h"

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
    m_counters.espDecrypted++;
    m_rxTrace(result.payload, sa);
    DeliverPayload(sa, result.payload, result.nextHeader, header);
}

void
IpsecL3Protocol::ReceiveAh(Ptr<Packet> packet, const Ipv4Header& header)
{
    uint32_t spi = 0;
    if (!IpsecAhTransform::PeekSpi(packet, &spi))
    {
        Drop(packet, IpsecDropReason::MALFORMED, nullptr);
        return;
    }
    Ptr<IpsecSa> sa =
        m_sad->FindInbound(IpsecIpAddress(header.GetDestination()), IpsecProtocol::AH, spi);
    if (!sa)
    {
        Drop(packet, IpsecDropReason::NO_SA, nullptr);
        return;
    }
    IpsecUnprotectResult result = IpsecAhTransform::UnprotectIpv4(*sa, header, packet);
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
                                const Ipv4Header& header)
{
    if (nextHeader == IpsecL4Protocol::ESP_PROTOCOL)
    {
        // ESP inside AH (a bundle): the same outer header now carries ESP.
        Ipv4Header espHeader = header;
        espHeader.SetProtocol(IpsecL4Protocol::ESP_PROTOCOL);
        espHeader.SetPayloadSize(inner->GetSize());
        ReceiveEsp(inner, espHeader);
        return;
    }
    if (sa->GetConfig().mode == IpsecMode::TRANSPORT)
    {
        Ipv4Header rebuilt = header;
        rebuilt.SetProtocol(nextHeader);
        rebuilt.SetPayloadSize(inner->GetSize());
        if (Node::ChecksumEnabled())
        {
            rebuilt.EnableChecksum();
        }
        inner->AddHeader(rebuilt);
    }
    else if (nextHeader != NEXT_HEADER_IPV4)
    {
        // An IPv6 inner packet would need the IPv6 data plane, which does not exist yet.
        Drop(inner,
             nextHeader == NEXT_HEADER_IPV6 ? IpsecDropReason::SELECTOR_MISMATCH
                                            : IpsecDropReason::MALFORMED,
             sa);
        return;
    }
    else if (!IsWellFormedIpv4(inner))
    {
        Drop(inner, IpsecDropReason::MALFORMED, sa);
        return;
    }
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
    if (m_ipv4->GetInterfaceForAddress(header.GetDestination()) >= 0)
    {
        return false; // for this node: local delivery through the tunnel interface
    }
    IpsecFlow flow;
    if (!IpsecFlow::FromIpv4Packet(inner, &flow, nullptr) || !SelectorsAdmit(sa, flow))
    {
        Drop(inner, IpsecDropReason::SELECTOR_MISMATCH, sa);
        return true;
    }
    inner->RemoveHeader(header);
    // What IpForward would do: one hop less, then out.
    header.SetTtl(header.GetTtl() - 1);
    if (Node::ChecksumEnabled())
    {
        header.EnableChecksum();
    }
    SendWithRoute(inner, header, sa);
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

} // namespace ns3
