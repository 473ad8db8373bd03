/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Traffic selector narrowing by the responder (RFC 7296 section 2.9) and conversion between
 * the codec's and the data plane's selectors.
 */
#include "ns3/ikev2-ts-conversion.h"
#include "ns3/ikev2-ts-narrowing.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{

IpsecTrafficSelector
Prefix(const std::string& text)
{
    IpsecTrafficSelector selector;
    std::string error;
    EXPECT_TRUE(IpsecTrafficSelector::FromPrefix(text, &selector, &error)) << error;
    return selector;
}

IpsecTrafficSelector
Range(const std::string& start, const std::string& end)
{
    IpsecIpAddress first;
    IpsecIpAddress last;
    IpsecTrafficSelector selector;
    EXPECT_TRUE(IpsecIpAddress::Parse(start, &first, nullptr));
    EXPECT_TRUE(IpsecIpAddress::Parse(end, &last, nullptr));
    EXPECT_TRUE(IpsecTrafficSelector::FromRange(first, last, &selector, nullptr));
    return selector;
}

IpsecTrafficSelector
WithPorts(IpsecTrafficSelector selector, uint8_t protocol, uint16_t start, uint16_t end)
{
    selector.SetProtocol(protocol);
    EXPECT_TRUE(selector.SetPortRange(start, end));
    return selector;
}

Ikev2TrafficSelector
Ts(const IpsecTrafficSelector& selector)
{
    return Ikev2TsConversion::FromIpsec(selector);
}

IpsecTrafficSelector
Back(const Ikev2TrafficSelector& selector)
{
    auto converted = Ikev2TsConversion::ToIpsec(selector);
    EXPECT_TRUE(converted.has_value());
    return converted.value_or(IpsecTrafficSelector());
}

} // namespace

TEST(Ikev2TsConversion, RoundTripAndRefusals)
{
    IpsecTrafficSelector v6 =
        WithPorts(Prefix("2001:db8:1::/48"), IpsecTrafficSelector::PROTOCOL_TCP, 80, 443);
    Ikev2TrafficSelector wire = Ts(v6);
    EXPECT_EQ(wire.m_type, Ikev2TrafficSelector::TS_IPV6_ADDR_RANGE);
    EXPECT_EQ(wire.m_ipProtocol, 6);
    EXPECT_EQ(wire.m_startPort, 80);
    EXPECT_EQ(wire.m_endPort, 443);
    ASSERT_EQ(wire.m_endAddress.size(), 16u);
    EXPECT_EQ(wire.m_endAddress[5], 0x01);
    EXPECT_EQ(wire.m_endAddress[6], 0xff);
    EXPECT_EQ(Back(wire), v6);
    IpsecTrafficSelector icmp = Prefix("10.0.0.0/8");
    icmp.SetProtocol(IpsecTrafficSelector::PROTOCOL_ICMP);
    icmp.SetIcmpType(8);
    EXPECT_EQ(Ts(icmp).m_startPort, 0x0800);
    EXPECT_EQ(Ts(icmp).m_endPort, 0x08ff);
    EXPECT_EQ(Back(Ts(icmp)), icmp);

    Ikev2TrafficSelector opaque = Ts(Prefix("10.0.0.0/8"));
    opaque.m_startPort = 65535; // OPAQUE ports (RFC 7296 section 3.13.1)
    opaque.m_endPort = 0;
    EXPECT_FALSE(Ikev2TsConversion::ToIpsec(opaque).has_value());
    Ikev2TrafficSelector reversed = Ts(Range("10.0.0.9", "10.0.0.9"));
    reversed.m_startAddress = {10, 0, 0, 10};
    EXPECT_FALSE(Ikev2TsConversion::ToIpsec(reversed).has_value());
    Ikev2TrafficSelector wrongLength = Ts(Prefix("10.0.0.0/8"));
    wrongLength.m_type = Ikev2TrafficSelector::TS_IPV6_ADDR_RANGE;
    EXPECT_FALSE(Ikev2TsConversion::ToIpsec(wrongLength).has_value());
}

TEST(Ikev2TsNarrowing, NarrowsIpv4AddressesToTheConfiguredPair)
{
    // The initiator proposes any <-> any; we protect 10.2.0.0/16 (ours) <-> 10.1.0.0/16.
    std::vector<Ikev2SelectorPair> configured = {{Prefix("10.2.0.0/16"), Prefix("10.1.0.0/16")}};
    auto result =
        Ikev2TsNarrowing::Narrow({Ts(Prefix("0.0.0.0/0"))}, {Ts(Prefix("0.0.0.0/0"))}, configured);
    ASSERT_TRUE(result.isAcceptable);
    ASSERT_EQ(result.tsi.size(), 1u);
    ASSERT_EQ(result.tsr.size(), 1u);
    EXPECT_EQ(Back(result.tsi[0]), Prefix("10.1.0.0/16"));
    EXPECT_EQ(Back(result.tsr[0]), Prefix("10.2.0.0/16"));

    // A proposal narrower than the configuration stays as proposed (a subset of it).
    result = Ikev2TsNarrowing::Narrow({Ts(Range("10.1.0.5", "10.1.0.9"))},
                                      {Ts(Prefix("10.2.3.0/24"))},
                                      configured);
    ASSERT_TRUE(result.isAcceptable);
    EXPECT_EQ(Back(result.tsi[0]), Range("10.1.0.5", "10.1.0.9"));
    EXPECT_EQ(Back(result.tsr[0]), Prefix("10.2.3.0/24"));

    // Partial overlap gives the intersection of the ranges.
    result = Ikev2TsNarrowing::Narrow({Ts(Range("10.0.255.0", "10.1.0.20"))},
                                      {Ts(Prefix("10.2.0.0/15"))},
                                      configured);
    ASSERT_TRUE(result.isAcceptable);
    EXPECT_EQ(Back(result.tsi[0]), Range("10.1.0.0", "10.1.0.20"));
    EXPECT_EQ(Back(result.tsr[0]), Prefix("10.2.0.0/16"));
}

TEST(Ikev2TsNarrowing, ProtocolAndPortNarrowing)
{
    // We allow only TCP 443 to our web server from 10.1.0.0/16.
    std::vector<Ikev2SelectorPair> configured = {
        {WithPorts(Prefix("10.2.0.80/32"), IpsecTrafficSelector::PROTOCOL_TCP, 443, 443),
         WithPorts(Prefix("10.1.0.0/16"), IpsecTrafficSelector::PROTOCOL_TCP, 0, 65535)}};
    auto result = Ikev2TsNarrowing::Narrow(
        {Ts(Prefix("10.1.0.0/16"))},
        {Ts(WithPorts(Prefix("10.2.0.0/24"), IpsecTrafficSelector::PROTOCOL_TCP, 400, 500))},
        configured);
    ASSERT_TRUE(result.isAcceptable);
    IpsecTrafficSelector tsi = Back(result.tsi[0]);
    IpsecTrafficSelector tsr = Back(result.tsr[0]);
    EXPECT_EQ(tsi.GetProtocol(), IpsecTrafficSelector::PROTOCOL_TCP); // narrowed from any
    EXPECT_TRUE(tsi.IsAnyPort());
    EXPECT_EQ(tsr, WithPorts(Prefix("10.2.0.80/32"), IpsecTrafficSelector::PROTOCOL_TCP, 443, 443));
    // Every answer is a subset of what was proposed.
    EXPECT_TRUE(tsr.IsSubsetOf(
        WithPorts(Prefix("10.2.0.0/24"), IpsecTrafficSelector::PROTOCOL_TCP, 400, 500)));

    // UDP, or TCP ports that miss 443, share nothing with the policy.
    EXPECT_FALSE(
        Ikev2TsNarrowing::Narrow(
            {Ts(Prefix("10.1.0.0/16"))},
            {Ts(WithPorts(Prefix("10.2.0.0/24"), IpsecTrafficSelector::PROTOCOL_UDP, 0, 65535))},
            configured)
            .isAcceptable);
    EXPECT_FALSE(
        Ikev2TsNarrowing::Narrow(
            {Ts(Prefix("10.1.0.0/16"))},
            {Ts(WithPorts(Prefix("10.2.0.0/24"), IpsecTrafficSelector::PROTOCOL_TCP, 1, 442))},
            configured)
            .isAcceptable);
}

TEST(Ikev2TsNarrowing, Ipv6AndPacketSelectorsPickTheMatchingPair)
{
    std::vector<Ikev2SelectorPair> configured = {
        {Prefix("2001:db8:2::/48"), Prefix("2001:db8:1::/48")},
        {Prefix("2001:db8:20::/48"), Prefix("2001:db8:10::/48")},
    };
    // Packet selectors first (a host pair inside the second policy), then the wide ones.
    std::vector<Ikev2TrafficSelector> tsi = {Ts(Prefix("2001:db8:10::5/128")),
                                             Ts(Prefix("2001:db8::/32"))};
    std::vector<Ikev2TrafficSelector> tsr = {Ts(Prefix("2001:db8:20::7/128")),
                                             Ts(Prefix("2001:db8::/32"))};
    auto result = Ikev2TsNarrowing::Narrow(tsi, tsr, configured);
    ASSERT_TRUE(result.isAcceptable);
    EXPECT_EQ(result.pairIndex, 1u);
    // The host selectors lie inside the policy's prefixes, so only those remain.
    ASSERT_EQ(result.tsi.size(), 1u);
    ASSERT_EQ(result.tsr.size(), 1u);
    EXPECT_EQ(Back(result.tsi[0]), Prefix("2001:db8:10::/48"));
    EXPECT_EQ(Back(result.tsr[0]), Prefix("2001:db8:20::/48"));
    // Without packet selectors the first pair that shares traffic wins.
    result = Ikev2TsNarrowing::Narrow({tsi[1]}, {tsr[1]}, configured);
    ASSERT_TRUE(result.isAcceptable);
    EXPECT_EQ(result.pairIndex, 0u);
    EXPECT_EQ(Back(result.tsi[0]), Prefix("2001:db8:1::/48"));
    // Several disjoint selectors on one side are each narrowed.
    result = Ikev2TsNarrowing::Narrow({Ts(Range("2001:db8:1::1", "2001:db8:1::9")),
                                       Ts(Range("2001:db8:1::100", "2001:db8:1::1ff"))},
                                      {tsr[1]},
                                      configured);
    ASSERT_TRUE(result.isAcceptable);
    EXPECT_EQ(result.tsi.size(), 2u);
}

TEST(Ikev2TsNarrowing, NoOverlapIsTsUnacceptable)
{
    std::vector<Ikev2SelectorPair> configured = {{Prefix("10.2.0.0/16"), Prefix("10.1.0.0/16")}};
    // Responder side outside our local prefix.
    auto result = Ikev2TsNarrowing::Narrow({Ts(Prefix("10.1.0.0/16"))},
                                           {Ts(Prefix("10.3.0.0/16"))},
                                           configured);
    EXPECT_FALSE(result.isAcceptable);
    EXPECT_TRUE(result.tsi.empty());
    // Initiator side outside our remote prefix.
    EXPECT_FALSE(Ikev2TsNarrowing::Narrow({Ts(Prefix("192.168.0.0/16"))},
                                          {Ts(Prefix("10.2.0.0/16"))},
                                          configured)
                     .isAcceptable);
    // IPv6 proposal against an IPv4 policy.
    EXPECT_FALSE(Ikev2TsNarrowing::Narrow({Ts(Prefix("::/0"))}, {Ts(Prefix("::/0"))}, configured)
                     .isAcceptable);
    // Nothing configured, or only OPAQUE selectors proposed.
    EXPECT_FALSE(
        Ikev2TsNarrowing::Narrow({Ts(Prefix("10.1.0.0/16"))}, {Ts(Prefix("10.2.0.0/16"))}, {})
            .isAcceptable);
    Ikev2TrafficSelector opaque = Ts(Prefix("10.2.0.0/16"));
    opaque.m_startPort = 65535;
    opaque.m_endPort = 0;
    EXPECT_FALSE(
        Ikev2TsNarrowing::Narrow({Ts(Prefix("10.1.0.0/16"))}, {opaque}, configured).isAcceptable);
}
