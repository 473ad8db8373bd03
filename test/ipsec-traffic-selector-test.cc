/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Family-agnostic addresses and RFC 4301 traffic selectors: parsing, range edges, ports,
 * ICMP type/code, intersection and subsets.
 */
#include "ipsec-test-selectors.h"

#include "ns3/ipsec-ip-address.h"
#include "ns3/ipsec-policy.h"
#include "ns3/ipsec-traffic-selector.h"

#include <cstring>
#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <vector>

using namespace ns3;
using namespace ns3::test;

namespace
{

constexpr uint8_t GRE = 47;

IpsecTrafficSelector
Range(const std::string& start, const std::string& end)
{
    IpsecTrafficSelector selector;
    std::string error;
    EXPECT_TRUE(IpsecTrafficSelector::FromRange(Addr(start), Addr(end), &selector, &error))
        << error;
    return selector;
}

/// Asserts that a builder failed with an error message that names text.
void
ExpectPrefixError(const std::string& text, const std::string& detail)
{
    IpsecTrafficSelector selector = Prefix("192.0.2.0/24");
    std::string error;
    EXPECT_FALSE(IpsecTrafficSelector::FromPrefix(text, &selector, &error)) << text;
    EXPECT_NE(error.find("\"" + text + "\""), std::string::npos) << error;
    EXPECT_NE(error.find(detail), std::string::npos) << error;
    EXPECT_EQ(selector, Prefix("192.0.2.0/24")) << "changed on failure";
}

} // namespace

TEST(IpsecIpAddress, ParsesIpv4AndIpv6Text)
{
    IpsecIpAddress v4 = Addr("192.0.2.1");
    EXPECT_TRUE(v4.IsIpv4());
    EXPECT_EQ(v4.GetIpv4(), Ipv4Address("192.0.2.1"));
    EXPECT_EQ(v4.ToString(), "192.0.2.1");
    EXPECT_EQ(v4.GetSize(), 4U);

    IpsecIpAddress v6 = Addr("2001:DB8:0:0:0:0:0:1");
    EXPECT_TRUE(v6.IsIpv6());
    EXPECT_EQ(v6.GetIpv6(), Ipv6Address("2001:db8::1"));
    EXPECT_EQ(v6.ToString(), "2001:db8::1"); // RFC 5952 form
    EXPECT_EQ(IpsecIpAddress(Ipv6Address("2001:db8::1")), v6);
    EXPECT_EQ(IpsecIpAddress(Ipv4Address("192.0.2.1")), v4);

    std::ostringstream os;
    os << v6 << " " << v6.GetFamily();
    EXPECT_EQ(os.str(), "2001:db8::1 ipv6");
}

TEST(IpsecIpAddress, RejectsBadTextWithoutAborting)
{
    for (const std::string& text : std::vector<std::string>{"",
                                                            "256.1.1.1",
                                                            "1.2.3",
                                                            "10.1",
                                                            " 1.2.3.4",
                                                            "1.2.3.4 ",
                                                            "01.2.3.4",
                                                            "1.2.3.4/24",
                                                            "2001:db8::1::2",
                                                            "fe80::1%eth0",
                                                            "12345::",
                                                            "hello",
                                                            std::string("1.2.3.4\0junk", 12)})
    {
        IpsecIpAddress address = Addr("10.9.9.9");
        std::string error;
        EXPECT_FALSE(IpsecIpAddress::Parse(text, &address, &error)) << text;
        EXPECT_NE(error.find("\"" + text + "\""), std::string::npos) << error;
        EXPECT_EQ(address, Addr("10.9.9.9"));
    }
}

TEST(IpsecIpAddress, RawBytesRoundTrip)
{
    const uint8_t v4Bytes[] = {198, 51, 100, 7};
    IpsecIpAddress address;
    ASSERT_TRUE(IpsecIpAddress::FromBytes(v4Bytes, 4, &address));
    EXPECT_EQ(address, Addr("198.51.100.7"));
    uint8_t out[16] = {};
    address.CopyTo(out);
    EXPECT_EQ(std::memcmp(out, v4Bytes, 4), 0);

    uint8_t v6Bytes[16] = {0x20, 0x01, 0x0d, 0xb8};
    v6Bytes[15] = 0x42;
    ASSERT_TRUE(IpsecIpAddress::FromBytes(v6Bytes, 16, &address));
    EXPECT_EQ(address, Addr("2001:db8::42"));
    EXPECT_EQ(std::memcmp(address.GetBytes(), v6Bytes, 16), 0);
    EXPECT_FALSE(IpsecIpAddress::FromBytes(v6Bytes, 5, &address));
    EXPECT_EQ(address, Addr("2001:db8::42"));
}

TEST(IpsecIpAddress, TotalOrderUsableAsMapKey)
{
    EXPECT_LT(Addr("10.0.0.9"), Addr("10.0.0.10")); // numeric, not textual
    EXPECT_LT(Addr("9.255.255.255"), Addr("10.0.0.0"));
    EXPECT_LT(Addr("255.255.255.255"), Addr("::")); // every IPv4 before every IPv6
    EXPECT_LT(Addr("2001:db8::ffff"), Addr("2001:db8::1:0"));
    EXPECT_NE(Addr("0.0.0.0"), Addr("::"));
    EXPECT_NE(Addr("10.0.0.1"), Addr("::ffff:10.0.0.1"));
    EXPECT_GE(Addr("10.0.0.1"), Addr("10.0.0.1"));
    EXPECT_GT(Addr("::1"), Addr("::"));

    std::map<IpsecIpAddress, int> map;
    map[Addr("10.0.0.1")] = 1;
    map[Addr("::a00:1")] = 2;
    map[Addr("10.0.0.1")] = 3;
    EXPECT_EQ(map.size(), 2U);
    EXPECT_EQ(map.begin()->second, 3);
}

TEST(IpsecIpAddress, IncrementDecrementAndPrefixes)
{
    IpsecIpAddress a = Addr("10.0.0.255");
    EXPECT_TRUE(a.Increment());
    EXPECT_EQ(a, Addr("10.0.1.0"));
    EXPECT_TRUE(a.Decrement());
    EXPECT_EQ(a, Addr("10.0.0.255"));

    IpsecIpAddress top = IpsecIpAddress::Max(IpsecAddressFamily::IPV4);
    EXPECT_EQ(top, Addr("255.255.255.255"));
    EXPECT_FALSE(top.Increment());
    EXPECT_EQ(top, Addr("255.255.255.255"));
    IpsecIpAddress bottom = IpsecIpAddress::Min(IpsecAddressFamily::IPV6);
    EXPECT_FALSE(bottom.Decrement());
    EXPECT_EQ(bottom, Addr("::"));

    IpsecIpAddress v6 = Addr("::ffff:ffff");
    EXPECT_TRUE(v6.Increment());
    EXPECT_EQ(v6, Addr("::1:0:0"));

    EXPECT_EQ(Addr("10.1.2.3").GetPrefixStart(12), Addr("10.0.0.0"));
    EXPECT_EQ(Addr("10.1.2.3").GetPrefixEnd(12), Addr("10.15.255.255"));
    EXPECT_EQ(Addr("2001:db8:1:2::5").GetPrefixStart(48), Addr("2001:db8:1::"));
    EXPECT_EQ(Addr("2001:db8:1:2::5").GetPrefixEnd(127), Addr("2001:db8:1:2::5"));
}

TEST(IpsecTrafficSelector, PrefixBuilderErrorsNameTheText)
{
    ExpectPrefixError("10.1.0.1/16", "host bits set");
    ExpectPrefixError("10.1.0.1/16", "10.1.0.0/16"); // and says what was probably meant
    ExpectPrefixError("2001:db8:1::1/48", "host bits set");
    ExpectPrefixError("10.1.0.0/33", "exceeds 32");
    ExpectPrefixError("2001:db8::/129", "exceeds 128");
    ExpectPrefixError("10.1.0.0/", "bad prefix length");
    ExpectPrefixError("10.1.0.0/-1", "bad prefix length");
    ExpectPrefixError("10.1.0.0/1x", "bad prefix length");
    ExpectPrefixError("10.1.0.0/ 8", "bad prefix length");
    ExpectPrefixError("10.1.0.0/0008", "bad prefix length");
    ExpectPrefixError("10.1.0/24", "invalid IP address");
    ExpectPrefixError("/24", "invalid IP address");

    // A range may not mix families nor run backwards; the error names both ends.
    IpsecTrafficSelector selector;
    std::string error;
    EXPECT_FALSE(
        IpsecTrafficSelector::FromRange(Addr("10.0.0.1"), Addr("2001:db8::1"), &selector, &error));
    EXPECT_NE(error.find("10.0.0.1 - 2001:db8::1"), std::string::npos) << error;
    EXPECT_NE(error.find("mixes"), std::string::npos) << error;
    EXPECT_FALSE(
        IpsecTrafficSelector::FromRange(Addr("10.0.0.9"), Addr("10.0.0.1"), &selector, &error));
    EXPECT_NE(error.find("10.0.0.9 - 10.0.0.1"), std::string::npos) << error;
    EXPECT_FALSE(selector.SetPortRange(600, 500, &error));
    EXPECT_NE(error.find("600-500"), std::string::npos) << error;
    EXPECT_TRUE(selector.IsAnyPort());
}

TEST(IpsecTrafficSelector, ContainmentAtRangeEdges)
{
    IpsecTrafficSelector v4 = Prefix("10.1.0.0/16");
    EXPECT_TRUE(v4.Contains(Addr("10.1.0.0")));
    EXPECT_TRUE(v4.Contains(Addr("10.1.255.255")));
    EXPECT_FALSE(v4.Contains(Addr("10.0.255.255")));
    EXPECT_FALSE(v4.Contains(Addr("10.2.0.0")));
    EXPECT_EQ(v4.GetPrefixLength(), 16);

    IpsecTrafficSelector v6 = Prefix("2001:db8:1::/48");
    EXPECT_TRUE(v6.Contains(Addr("2001:db8:1::")));
    EXPECT_TRUE(v6.Contains(Addr("2001:db8:1:ffff:ffff:ffff:ffff:ffff")));
    EXPECT_FALSE(v6.Contains(Addr("2001:db8:0:ffff:ffff:ffff:ffff:ffff")));
    EXPECT_FALSE(v6.Contains(Addr("2001:db8:2::")));

    IpsecTrafficSelector range = Range("10.0.0.5", "10.0.1.4");
    EXPECT_FALSE(range.Contains(Addr("10.0.0.4")));
    EXPECT_TRUE(range.Contains(Addr("10.0.0.5")));
    EXPECT_TRUE(range.Contains(Addr("10.0.1.4")));
    EXPECT_FALSE(range.Contains(Addr("10.0.1.5")));
    EXPECT_FALSE(range.GetPrefixLength().has_value());

    IpsecTrafficSelector host = Prefix("192.0.2.7"); // bare address: a /32
    EXPECT_EQ(host, IpsecTrafficSelector::Host(Addr("192.0.2.7")));
    EXPECT_TRUE(host.Contains(Addr("192.0.2.7")));
    EXPECT_FALSE(host.Contains(Addr("192.0.2.8")));
    EXPECT_EQ(Prefix("0.0.0.0/0"), IpsecTrafficSelector::Any(IpsecAddressFamily::IPV4));
    EXPECT_EQ(Prefix("::/0"), IpsecTrafficSelector::Any(IpsecAddressFamily::IPV6));
}

TEST(IpsecTrafficSelector, MixedFamilyNeverMatches)
{
    IpsecTrafficSelector any4 = IpsecTrafficSelector::Any(IpsecAddressFamily::IPV4);
    IpsecTrafficSelector any6 = IpsecTrafficSelector::Any(IpsecAddressFamily::IPV6);
    EXPECT_FALSE(any4.Contains(Addr("::")));
    EXPECT_FALSE(any4.Contains(Addr("::ffff:10.0.0.1")));
    EXPECT_FALSE(any6.Contains(Addr("0.0.0.0")));
    EXPECT_FALSE(any6.Contains(Addr("255.255.255.255")));
    EXPECT_FALSE(any4.Intersect(any6).has_value());
    EXPECT_FALSE(any4.IsSubsetOf(any6));

    IpsecPolicy policy("v4", IpsecDirection::OUTBOUND, any4, any4, IpsecPolicyAction::BYPASS);
    EXPECT_FALSE(policy.Matches(Flow("2001:db8::1", "2001:db8::2")));
    EXPECT_TRUE(policy.Matches(Flow("10.0.0.1", "10.0.0.2")));
}

TEST(IpsecTrafficSelector, ProtocolAndPortMatching)
{
    IpsecTrafficSelector ike = WithPorts(Prefix("10.0.0.0/8"), UDP, 500, 500);
    EXPECT_TRUE(ike.Matches(UDP, 500));
    EXPECT_FALSE(ike.Matches(UDP, 501));
    EXPECT_FALSE(ike.Matches(UDP, 499));
    EXPECT_FALSE(ike.Matches(TCP, 500));
    EXPECT_FALSE(ike.MatchesOpaquePort(UDP)); // a fragment is not known to be port 500

    IpsecTrafficSelector web = WithPorts(Prefix("10.0.0.0/8"), TCP, 80, 443);
    EXPECT_TRUE(web.Matches(TCP, 80));
    EXPECT_TRUE(web.Matches(TCP, 443));
    EXPECT_FALSE(web.Matches(TCP, 444));

    IpsecTrafficSelector any = Prefix("10.0.0.0/8");
    EXPECT_TRUE(any.Matches(GRE, 0));
    EXPECT_TRUE(any.Matches(UDP, 65535));
    EXPECT_TRUE(any.MatchesOpaquePort(UDP));

    // Any protocol but narrowed ports: GRE has no ports, so it cannot be in the range.
    IpsecTrafficSelector anyProto500 = WithPorts(Prefix("10.0.0.0/8"), 0, 500, 500);
    EXPECT_TRUE(anyProto500.Matches(TCP, 500));
    EXPECT_FALSE(anyProto500.Matches(GRE, 500));

    IpsecTrafficSelector gre = Prefix("10.0.0.0/8");
    gre.SetProtocol(GRE);
    EXPECT_TRUE(gre.Matches(GRE, 0));
    EXPECT_TRUE(gre.MatchesOpaquePort(GRE));
    EXPECT_FALSE(gre.Matches(UDP, 0));
    EXPECT_EQ(ike.ToString(), "10.0.0.0/8 proto 17 port 500");
    EXPECT_EQ(web.ToString(), "10.0.0.0/8 proto 6 port 80-443");
    EXPECT_EQ(Range("10.0.0.1", "10.0.0.9").ToString(), "10.0.0.1-10.0.0.9 proto any port any");
}

TEST(IpsecTrafficSelector, IcmpTypeAndCodeInThePortField)
{
    EXPECT_EQ(IpsecTrafficSelector::IcmpTypeCodeToPort(8, 0), 0x0800);
    EXPECT_EQ(IpsecTrafficSelector::IcmpTypeCodeToPort(3, 4), 0x0304);

    IpsecTrafficSelector echo = Prefix("0.0.0.0/0");
    echo.SetProtocol(1);
    echo.SetIcmpType(8);
    EXPECT_EQ(echo.GetStartPort(), 0x0800);
    EXPECT_EQ(echo.GetEndPort(), 0x08ff);
    EXPECT_TRUE(echo.Matches(1, 0x0800));
    EXPECT_TRUE(echo.Matches(1, 0x08ff));
    EXPECT_FALSE(echo.Matches(1, 0x0000)); // echo reply
    EXPECT_FALSE(echo.Matches(1, 0x0900));
    EXPECT_FALSE(echo.Matches(58, 0x0800)); // ICMPv6 is another protocol
    EXPECT_EQ(echo.ToString(), "0.0.0.0/0 proto 1 icmp-type 8 code any");

    IpsecTrafficSelector fragNeeded = echo;
    fragNeeded.SetIcmpTypeCode(3, 4);
    EXPECT_TRUE(fragNeeded.Matches(1, 0x0304));
    EXPECT_FALSE(fragNeeded.Matches(1, 0x0303));
    EXPECT_EQ(fragNeeded.ToString(), "0.0.0.0/0 proto 1 icmp-type 3 code 4");

    // An inbound echo request matches a policy that restricts the type on either side.
    IpsecFlow flow = Flow("10.2.0.5", "10.1.0.1", 1, 0x0800, 0x0800);
    IpsecPolicy localSide("l",
                          IpsecDirection::INBOUND,
                          echo,
                          Prefix("0.0.0.0/0"),
                          IpsecPolicyAction::BYPASS);
    IpsecPolicy remoteSide("r",
                           IpsecDirection::INBOUND,
                           Prefix("0.0.0.0/0"),
                           echo,
                           IpsecPolicyAction::BYPASS);
    EXPECT_TRUE(localSide.Matches(flow));
    EXPECT_TRUE(remoteSide.Matches(flow));
    flow.m_sourcePort = flow.m_destinationPort = 0x0000;
    EXPECT_FALSE(localSide.Matches(flow));
    EXPECT_FALSE(remoteSide.Matches(flow));
}

TEST(IpsecTrafficSelector, IntersectionForNarrowing)
{
    // Overlapping address ranges.
    auto overlap = Range("10.0.0.0", "10.0.0.200").Intersect(Range("10.0.0.100", "10.0.1.0"));
    ASSERT_TRUE(overlap.has_value());
    EXPECT_EQ(*overlap, Range("10.0.0.100", "10.0.0.200"));
    // Touching at one address.
    auto edge = Range("10.0.0.0", "10.0.0.10").Intersect(Range("10.0.0.10", "10.0.0.20"));
    ASSERT_TRUE(edge.has_value());
    EXPECT_EQ(*edge, IpsecTrafficSelector::Host(Addr("10.0.0.10")));
    // Disjoint.
    EXPECT_FALSE(Prefix("10.1.0.0/16").Intersect(Prefix("10.2.0.0/16")).has_value());
    EXPECT_FALSE(Range("10.0.0.0", "10.0.0.9").Intersect(Range("10.0.0.10", "10.0.0.20")));
    // Subset: the narrower one, whichever side it is on.
    IpsecTrafficSelector wide = Prefix("2001:db8::/32");
    IpsecTrafficSelector narrow = Prefix("2001:db8:1::/48");
    EXPECT_EQ(wide.Intersect(narrow), narrow);
    EXPECT_EQ(narrow.Intersect(wide), narrow);

    // Ports and protocols.
    IpsecTrafficSelector a = WithPorts(Prefix("10.0.0.0/8"), UDP, 100, 200);
    IpsecTrafficSelector b = WithPorts(Prefix("10.0.0.0/8"), 0, 150, 300);
    auto ports = a.Intersect(b);
    ASSERT_TRUE(ports.has_value());
    EXPECT_EQ(ports->GetProtocol(), UDP); // any protocol narrows to UDP
    EXPECT_EQ(ports->GetStartPort(), 150);
    EXPECT_EQ(ports->GetEndPort(), 200);
    EXPECT_EQ(b.Intersect(a), ports);
    EXPECT_FALSE(a.Intersect(WithPorts(Prefix("10.0.0.0/8"), UDP, 201, 300)).has_value());
    EXPECT_FALSE(a.Intersect(WithPorts(Prefix("10.0.0.0/8"), TCP, 100, 200)).has_value());
    // Narrowed ports on a protocol without ports select nothing.
    IpsecTrafficSelector gre = Prefix("10.0.0.0/8");
    gre.SetProtocol(GRE);
    EXPECT_FALSE(gre.Intersect(WithPorts(Prefix("10.0.0.0/8"), 0, 500, 500)).has_value());
    EXPECT_EQ(gre.Intersect(Prefix("10.0.0.0/8")), gre);
}

TEST(IpsecTrafficSelector, SubsetRelation)
{
    IpsecTrafficSelector all = Prefix("10.0.0.0/8");
    IpsecTrafficSelector udp = WithPorts(Prefix("10.1.0.0/16"), UDP, 0, 65535);
    IpsecTrafficSelector ike = WithPorts(Prefix("10.1.0.0/16"), UDP, 500, 500);
    EXPECT_TRUE(ike.IsSubsetOf(udp));
    EXPECT_TRUE(udp.IsSubsetOf(all));
    EXPECT_TRUE(ike.IsSubsetOf(all));
    EXPECT_TRUE(ike.IsSubsetOf(ike));
    EXPECT_FALSE(udp.IsSubsetOf(ike));
    EXPECT_FALSE(all.IsSubsetOf(udp));
    // Any protocol on port 500 also covers TCP 500: not inside UDP-only.
    EXPECT_FALSE(WithPorts(Prefix("10.1.0.0/16"), 0, 500, 500).IsSubsetOf(udp));
    EXPECT_FALSE(Prefix("10.0.0.0/15").IsSubsetOf(Prefix("10.1.0.0/16")));
    EXPECT_TRUE(Prefix("10.1.0.0/16").IsSubsetOf(Prefix("10.0.0.0/15")));
}
