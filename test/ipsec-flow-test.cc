/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Reading a packet's selector fields: IPv4/IPv6 headers built with ns-3's own header classes,
 * IPv6 extension headers, fragments, ICMP type/code, and strict bounds on truncated input.
 */
#include "ns3/icmpv4.h"
#include "ns3/icmpv6-header.h"
#include "ns3/ipsec-flow.h"
#include "ns3/ipsec-policy.h"
#include "ns3/ipsec-traffic-selector.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv6-extension-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-option-header.h"
#include "ns3/packet.h"
#include "ns3/tcp-header.h"
#include "ns3/udp-header.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

namespace
{

using Bytes = std::vector<uint8_t>;

constexpr uint8_t UDP = 17;
constexpr uint8_t TCP = 6;
constexpr uint8_t ICMP = 1;
constexpr uint8_t ICMPV6 = 58;

/// All bytes of an ns-3 packet.
Bytes
PacketBytes(Ptr<const Packet> packet)
{
    Bytes bytes(packet->GetSize());
    packet->CopyData(bytes.data(), bytes.size());
    return bytes;
}

/// Adds an IPv4 header in front of packet (which holds the upper-layer header and payload).
Ptr<Packet>
AddIpv4(Ptr<Packet> packet, const char* src, const char* dst, uint8_t protocol)
{
    Ipv4Header ip;
    ip.SetSource(Ipv4Address(src));
    ip.SetDestination(Ipv4Address(dst));
    ip.SetProtocol(protocol);
    ip.SetPayloadSize(packet->GetSize());
    ip.SetTtl(64);
    packet->AddHeader(ip);
    return packet;
}

/// An IPv4/UDP packet with a payload of payloadSize bytes.
Ptr<Packet>
Ipv4Udp(uint16_t sport, uint16_t dport, uint32_t payloadSize = 16)
{
    Ptr<Packet> packet = Create<Packet>(payloadSize);
    UdpHeader udp;
    udp.SetSourcePort(sport);
    udp.SetDestinationPort(dport);
    packet->AddHeader(udp);
    return AddIpv4(packet, "10.1.0.1", "10.2.0.5", UDP);
}

/// Adds an IPv6 header in front of packet.
Ptr<Packet>
AddIpv6(Ptr<Packet> packet, uint8_t nextHeader)
{
    Ipv6Header ip;
    ip.SetSource(Ipv6Address("2001:db8:1::10"));
    ip.SetDestination(Ipv6Address("2001:db8:2::20"));
    ip.SetNextHeader(nextHeader);
    ip.SetPayloadLength(packet->GetSize());
    ip.SetHopLimit(64);
    packet->AddHeader(ip);
    return packet;
}

/// A UDP header and payload, ready for IPv6 headers in front.
Ptr<Packet>
UdpPayload(uint16_t sport, uint16_t dport, uint32_t payloadSize = 16)
{
    Ptr<Packet> packet = Create<Packet>(payloadSize);
    UdpHeader udp;
    udp.SetSourcePort(sport);
    udp.SetDestinationPort(dport);
    packet->AddHeader(udp);
    return packet;
}

/// IPv6 | Hop-by-Hop (PadN to 8 bytes) | Fragment (offset, M) | rest; nextHeader is rest's.
Ptr<Packet>
Ipv6HopByHopFragment(Ptr<Packet> rest, uint8_t nextHeader, uint16_t offset, bool more)
{
    Ipv6ExtensionFragmentHeader fragment;
    fragment.SetNextHeader(nextHeader);
    fragment.SetOffset(offset);
    fragment.SetMoreFragment(more);
    fragment.SetIdentification(0x1234);
    rest->AddHeader(fragment);
    Ipv6ExtensionHopByHopHeader hopByHop;
    hopByHop.SetNextHeader(44);
    hopByHop.AddOption(Ipv6OptionPadnHeader(6)); // 2 fixed + 6 = one 8-octet unit
    rest->AddHeader(hopByHop);
    return AddIpv6(rest, 0);
}

void
ExpectSameFlow(const IpsecFlow& a, const IpsecFlow& b)
{
    EXPECT_EQ(a.m_source, b.m_source);
    EXPECT_EQ(a.m_destination, b.m_destination);
    EXPECT_EQ(a.m_protocol, b.m_protocol);
    EXPECT_EQ(a.m_sourcePort, b.m_sourcePort);
    EXPECT_EQ(a.m_destinationPort, b.m_destinationPort);
    EXPECT_EQ(a.m_isFragment, b.m_isFragment);
}

using Parser = bool (*)(const uint8_t*, size_t, IpsecFlow*, std::string*);

/**
 * Parses every prefix of bytes, each copied into a buffer of exactly that size (so that
 * AddressSanitizer sees any read past it): a prefix shorter than minimum fails with a reason,
 * a longer one gives the full packet's flow.
 */
void
CheckEveryTruncation(const Bytes& bytes, Parser parse, size_t minimum)
{
    IpsecFlow full;
    std::string error;
    ASSERT_TRUE(parse(bytes.data(), bytes.size(), &full, &error)) << error;
    for (size_t length = 0; length < bytes.size(); ++length)
    {
        Bytes prefix(bytes.begin(), bytes.begin() + length);
        IpsecFlow flow;
        flow.m_protocol = 99; // must stay untouched on failure
        error.clear();
        bool ok = parse(prefix.empty() ? nullptr : prefix.data(), length, &flow, &error);
        if (length < minimum)
        {
            EXPECT_FALSE(ok) << "prefix of " << length << " bytes parsed";
            EXPECT_FALSE(error.empty()) << length;
            EXPECT_EQ(flow.m_protocol, 99) << length;
        }
        else
        {
            ASSERT_TRUE(ok) << length << ": " << error;
            ExpectSameFlow(flow, full);
        }
    }
}

IpsecTrafficSelector
Prefix(const std::string& text)
{
    IpsecTrafficSelector selector;
    std::string error;
    EXPECT_TRUE(IpsecTrafficSelector::FromPrefix(text, &selector, &error)) << error;
    return selector;
}

} // namespace

TEST(IpsecFlow, ReadsIpv4UdpBuiltWithNs3Headers)
{
    Ptr<Packet> packet = Ipv4Udp(4500, 500, 1000);
    IpsecFlow flow;
    std::string error;
    ASSERT_TRUE(IpsecFlow::FromIpv4Packet(packet, &flow, &error)) << error;
    EXPECT_EQ(flow.m_source, IpsecIpAddress(Ipv4Address("10.1.0.1")));
    EXPECT_EQ(flow.m_destination, IpsecIpAddress(Ipv4Address("10.2.0.5")));
    EXPECT_EQ(flow.m_protocol, UDP);
    EXPECT_EQ(flow.m_sourcePort, 4500);
    EXPECT_EQ(flow.m_destinationPort, 500);
    EXPECT_FALSE(flow.IsFragment());
    EXPECT_TRUE(flow.HasPorts());
    EXPECT_EQ(flow.ToString(), "10.1.0.1:4500 -> 10.2.0.5:500 proto 17");

    // The raw-bytes entry point and the version dispatcher agree with the packet overload.
    Bytes bytes = PacketBytes(packet);
    IpsecFlow raw;
    ASSERT_TRUE(IpsecFlow::FromIpPacket(bytes.data(), bytes.size(), &raw, &error)) << error;
    ExpectSameFlow(raw, flow);
}

TEST(IpsecFlow, ReadsIpv4TcpAndIgnoresLinkPadding)
{
    Ptr<Packet> packet = Create<Packet>(0);
    TcpHeader tcp;
    tcp.SetSourcePort(40000);
    tcp.SetDestinationPort(443);
    packet->AddHeader(tcp);
    AddIpv4(packet, "192.0.2.1", "198.51.100.7", TCP);
    Bytes bytes = PacketBytes(packet);
    // Ethernet-style padding after Total Length must not count as data.
    bytes.resize(bytes.size() + 6, 0xee);
    IpsecFlow flow;
    std::string error;
    ASSERT_TRUE(IpsecFlow::FromIpv4Packet(bytes.data(), bytes.size(), &flow, &error)) << error;
    EXPECT_EQ(flow.m_protocol, TCP);
    EXPECT_EQ(flow.m_sourcePort, 40000);
    EXPECT_EQ(flow.m_destinationPort, 443);
    EXPECT_EQ(flow.m_source.ToString(), "192.0.2.1");
}

TEST(IpsecFlow, Icmpv4TypeAndCodeFillBothPortFields)
{
    Ptr<Packet> packet = Create<Packet>(8);
    Icmpv4Header icmp;
    icmp.SetType(Icmpv4Header::ICMPV4_DEST_UNREACH);
    icmp.SetCode(Icmpv4DestinationUnreachable::ICMPV4_PORT_UNREACHABLE);
    packet->AddHeader(icmp);
    AddIpv4(packet, "10.1.0.1", "10.2.0.5", ICMP);
    IpsecFlow flow;
    std::string error;
    ASSERT_TRUE(IpsecFlow::FromIpv4Packet(packet, &flow, &error)) << error;
    EXPECT_EQ(flow.m_protocol, ICMP);
    EXPECT_EQ(flow.m_sourcePort, 0x0303); // type 3 (high byte), code 3
    EXPECT_EQ(flow.m_destinationPort, 0x0303);
    EXPECT_EQ(flow.ToString(), "10.1.0.1 -> 10.2.0.5 proto 1 icmp-type 3 code 3");

    // A policy selecting destination-unreachable matches; one selecting echo does not.
    IpsecPolicy unreachable("unreach",
                            IpsecDirection::OUTBOUND,
                            Prefix("10.1.0.0/16"),
                            Prefix("10.2.0.0/16"),
                            IpsecPolicyAction::BYPASS);
    IpsecTrafficSelector local = Prefix("10.1.0.0/16");
    local.SetProtocol(ICMP);
    local.SetIcmpType(3);
    unreachable.SetLocalSelector(local);
    EXPECT_TRUE(unreachable.Matches(flow));
    local.SetIcmpType(8);
    unreachable.SetLocalSelector(local);
    EXPECT_FALSE(unreachable.Matches(flow));
}

TEST(IpsecFlow, Icmpv6EchoRequest)
{
    Ptr<Packet> packet = Create<Packet>(8);
    Icmpv6Header icmp;
    icmp.SetType(Icmpv6Header::ICMPV6_ECHO_REQUEST);
    icmp.SetCode(0);
    packet->AddHeader(icmp);
    AddIpv6(packet, ICMPV6);
    IpsecFlow flow;
    std::string error;
    ASSERT_TRUE(IpsecFlow::FromIpv6Packet(packet, &flow, &error)) << error;
    EXPECT_EQ(flow.m_protocol, ICMPV6);
    EXPECT_EQ(flow.m_sourcePort, 128 << 8);
    EXPECT_EQ(flow.m_destinationPort, 128 << 8);
    EXPECT_TRUE(flow.m_source.IsIpv6());
}

TEST(IpsecFlow, Ipv6WalksHopByHopAndInitialFragmentToUdp)
{
    Ptr<Packet> packet = Ipv6HopByHopFragment(UdpPayload(500, 4500), UDP, 0, true);
    Bytes bytes = PacketBytes(packet);
    ASSERT_EQ(bytes.size(), 40U + 8 + 8 + 8 + 16);
    ASSERT_EQ(bytes[40 + 1], 0); // ns-3 wrote one 8-octet Hop-by-Hop header
    IpsecFlow flow;
    std::string error;
    ASSERT_TRUE(IpsecFlow::FromIpv6Packet(bytes.data(), bytes.size(), &flow, &error)) << error;
    EXPECT_EQ(flow.m_source.ToString(), "2001:db8:1::10");
    EXPECT_EQ(flow.m_destination.ToString(), "2001:db8:2::20");
    EXPECT_EQ(flow.m_protocol, UDP);
    EXPECT_EQ(flow.m_sourcePort, 500);
    EXPECT_EQ(flow.m_destinationPort, 4500);
    // An initial fragment carries the ports: it is not OPAQUE.
    EXPECT_FALSE(flow.IsFragment());
}

TEST(IpsecFlow, Ipv6RoutingAndDestinationOptionsByHand)
{
    // IPv6 (next 43) | Routing, 16 bytes (next 60) | Destination Options, 8 bytes (next 6) |
    // TCP ports 1234 -> 22.
    Bytes bytes(40, 0);
    bytes[0] = 0x60;
    bytes[6] = 43;
    bytes[8] = 0x20; // source 2001:db8::1 (enough to be recognisable)
    bytes[9] = 0x01;
    bytes[10] = 0x0d;
    bytes[11] = 0xb8;
    bytes[23] = 1;
    Bytes routing = {60, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    Bytes destination = {6, 0, 1, 4, 0, 0, 0, 0};
    Bytes tcp = {0x04, 0xd2, 0x00, 0x16, 0, 0, 0, 0};
    for (const Bytes* part : {&routing, &destination, &tcp})
    {
        bytes.insert(bytes.end(), part->begin(), part->end());
    }
    uint16_t payload = static_cast<uint16_t>(bytes.size() - 40);
    bytes[4] = payload >> 8;
    bytes[5] = payload & 0xff;
    IpsecFlow flow;
    std::string error;
    ASSERT_TRUE(IpsecFlow::FromIpv6Packet(bytes.data(), bytes.size(), &flow, &error)) << error;
    EXPECT_EQ(flow.m_source.ToString(), "2001:db8::1");
    EXPECT_EQ(flow.m_protocol, TCP);
    EXPECT_EQ(flow.m_sourcePort, 1234);
    EXPECT_EQ(flow.m_destinationPort, 22);
    // Every proper prefix up to the TCP ports fails; from 4 TCP bytes on, the flow is whole.
    CheckEveryTruncation(bytes, &IpsecFlow::FromIpv6Packet, 40 + 16 + 8 + 4);
}

TEST(IpsecFlow, NonInitialFragmentsHaveOpaquePorts)
{
    // IPv4: fragment offset 1480, payload is the middle of a UDP datagram.
    Ptr<Packet> v4 = Create<Packet>(64);
    Ipv4Header ip;
    ip.SetSource(Ipv4Address("10.1.0.1"));
    ip.SetDestination(Ipv4Address("10.2.0.5"));
    ip.SetProtocol(UDP);
    ip.SetPayloadSize(v4->GetSize());
    ip.SetFragmentOffset(1480);
    v4->AddHeader(ip);
    // IPv6: Fragment header with offset 185 (8-octet units), More Fragments clear.
    Ptr<Packet> v6 = Ipv6HopByHopFragment(Create<Packet>(64), UDP, 1480, false);

    IpsecFlow flow4;
    IpsecFlow flow6;
    std::string error;
    ASSERT_TRUE(IpsecFlow::FromIpv4Packet(v4, &flow4, &error)) << error;
    ASSERT_TRUE(IpsecFlow::FromIpv6Packet(v6, &flow6, &error)) << error;
    for (const IpsecFlow& flow : {flow4, flow6})
    {
        EXPECT_TRUE(flow.IsFragment());
        EXPECT_FALSE(flow.HasPorts());
        EXPECT_EQ(flow.m_protocol, UDP);
        EXPECT_EQ(flow.m_sourcePort, 0);
        EXPECT_EQ(flow.m_destinationPort, 0);
    }
    EXPECT_EQ(flow4.ToString(), "10.1.0.1 -> 10.2.0.5 proto 17 fragment");

    // RFC 4301 section 7: only selectors with ANY ports match OPAQUE ports.
    IpsecTrafficSelector anyUdp = IpsecTrafficSelector::Any(IpsecAddressFamily::IPV4);
    anyUdp.SetProtocol(UDP);
    IpsecTrafficSelector udp500 = anyUdp;
    udp500.SetPort(500);
    IpsecPolicy anyPorts("any-ports",
                         IpsecDirection::OUTBOUND,
                         anyUdp,
                         anyUdp,
                         IpsecPolicyAction::BYPASS);
    IpsecPolicy port500("port-500",
                        IpsecDirection::OUTBOUND,
                        anyUdp,
                        udp500,
                        IpsecPolicyAction::BYPASS);
    EXPECT_TRUE(anyPorts.Matches(flow4));
    EXPECT_FALSE(port500.Matches(flow4));
}

TEST(IpsecFlow, EveryTruncationOfIpv4UdpFailsCleanlyOrAgrees)
{
    // 20 bytes of IPv4 header and 4 of UDP ports are needed; the rest only follows.
    CheckEveryTruncation(PacketBytes(Ipv4Udp(1234, 53)), &IpsecFlow::FromIpv4Packet, 24);
}

TEST(IpsecFlow, EveryTruncationOfIpv4WithOptionsAndIcmp)
{
    Bytes bytes = {
        0x46, 0, 0, 34, 0, 0, 0, 0, 64,   ICMP, 0, 0, 10,
        0,    0, 1, 10, 0, 0, 2, 1, 1,    0,    0, // 4 bytes of IPv4 options (NOP, NOP, EOL, pad)
        8,    0, 0, 0,  0, 1, 0, 1, 0xaa, 0xbb};
    IpsecFlow flow;
    std::string error;
    ASSERT_TRUE(IpsecFlow::FromIpv4Packet(bytes.data(), bytes.size(), &flow, &error)) << error;
    EXPECT_EQ(flow.m_sourcePort, 0x0800);
    CheckEveryTruncation(bytes, &IpsecFlow::FromIpv4Packet, 24 + 2);
}

TEST(IpsecFlow, EveryTruncationOfIpv6WithExtensionHeaders)
{
    Bytes bytes = PacketBytes(Ipv6HopByHopFragment(UdpPayload(500, 500), UDP, 0, true));
    CheckEveryTruncation(bytes, &IpsecFlow::FromIpv6Packet, 40 + 8 + 8 + 4);
    CheckEveryTruncation(bytes, &IpsecFlow::FromIpPacket, 40 + 8 + 8 + 4);
}

TEST(IpsecFlow, RejectsMalformedHeadersWithAReason)
{
    Bytes v4 = PacketBytes(Ipv4Udp(1, 2));
    IpsecFlow flow;
    std::string error;

    Bytes bad = v4;
    bad[0] = 0x65; // version 6 in an IPv4 parser
    EXPECT_FALSE(IpsecFlow::FromIpv4Packet(bad.data(), bad.size(), &flow, &error));
    EXPECT_NE(error.find("version 6"), std::string::npos) << error;

    bad = v4;
    bad[0] = 0x44; // IHL 4: 16 bytes, shorter than the fixed header
    EXPECT_FALSE(IpsecFlow::FromIpv4Packet(bad.data(), bad.size(), &flow, &error));
    EXPECT_NE(error.find("header length 16"), std::string::npos) << error;

    bad = v4;
    bad[0] = 0x4f; // IHL 15: 60 bytes of header, more than the packet holds
    EXPECT_FALSE(IpsecFlow::FromIpv4Packet(bad.data(), bad.size(), &flow, &error));

    bad = v4;
    bad[2] = 0;
    bad[3] = 22; // Total Length cuts the UDP ports short
    EXPECT_FALSE(IpsecFlow::FromIpv4Packet(bad.data(), bad.size(), &flow, &error));
    EXPECT_NE(error.find("truncated"), std::string::npos) << error;

    bad = v4;
    bad[3] = 10; // Total Length below the header length
    bad[2] = 0;
    EXPECT_FALSE(IpsecFlow::FromIpv4Packet(bad.data(), bad.size(), &flow, &error));

    // Hop-by-Hop Options anywhere but first (RFC 8200 section 4.1).
    Bytes v6(40, 0);
    v6[0] = 0x60;
    v6[5] = 16;
    v6[6] = 60; // Destination Options, then Hop-by-Hop
    Bytes tail = {0, 0, 1, 4, 0, 0, 0, 0, 17, 0, 1, 4, 0, 0, 0, 0};
    v6.insert(v6.end(), tail.begin(), tail.end());
    EXPECT_FALSE(IpsecFlow::FromIpv6Packet(v6.data(), v6.size(), &flow, &error));
    EXPECT_NE(error.find("Hop-by-Hop"), std::string::npos) << error;

    // A chain of Destination Options headers longer than the walk allows.
    Bytes chain(40, 0);
    chain[0] = 0x60;
    chain[6] = 60;
    for (unsigned i = 0; i <= IpsecFlow::MAX_IPV6_EXTENSION_HEADERS; ++i)
    {
        Bytes header = {60, 0, 1, 4, 0, 0, 0, 0};
        chain.insert(chain.end(), header.begin(), header.end());
    }
    chain[4] = static_cast<uint8_t>((chain.size() - 40) >> 8);
    chain[5] = static_cast<uint8_t>(chain.size() - 40);
    EXPECT_FALSE(IpsecFlow::FromIpv6Packet(chain.data(), chain.size(), &flow, &error));
    EXPECT_NE(error.find("extension headers"), std::string::npos) << error;

    EXPECT_FALSE(IpsecFlow::FromIpPacket(v4.data(), 0, &flow, &error));
    Bytes v5 = v4;
    v5[0] = 0x55;
    EXPECT_FALSE(IpsecFlow::FromIpPacket(v5.data(), v5.size(), &flow, &error));
    EXPECT_NE(error.find("version 5"), std::string::npos) << error;
}

TEST(IpsecFlow, PacketOverloadReadsOnlyTheFirst128Bytes)
{
    // Headers beyond the first 128 bytes are out of reach of the Ptr<Packet> overload.
    Ptr<Packet> rest = UdpPayload(7, 8);
    for (int i = 0; i < 12; ++i)
    {
        Ipv6ExtensionDestinationHeader destination;
        destination.SetNextHeader(i == 0 ? UDP : 60);
        destination.AddOption(Ipv6OptionPadnHeader(6));
        rest->AddHeader(destination);
    }
    Ptr<Packet> packet = AddIpv6(rest, 60);
    IpsecFlow flow;
    std::string error;
    EXPECT_FALSE(IpsecFlow::FromIpv6Packet(packet, &flow, &error));
    EXPECT_NE(error.find("truncated"), std::string::npos) << error;
    // The same bytes in full are fine.
    Bytes bytes = PacketBytes(packet);
    ASSERT_TRUE(IpsecFlow::FromIpv6Packet(bytes.data(), bytes.size(), &flow, &error)) << error;
    EXPECT_EQ(flow.m_destinationPort, 8);
    EXPECT_FALSE(IpsecFlow::FromIpv4Packet(Ptr<const Packet>(), &flow, &error));
}
