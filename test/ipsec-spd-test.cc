/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * SPD entries and the ordered Security Policy Database (RFC 4301 section 4.4.1).
 */
#include "ipsec-test-selectors.h"

#include "ns3/ipsec-ip-address.h"
#include "ns3/ipsec-policy.h"
#include "ns3/ipsec-spd.h"
#include "ns3/ipsec-traffic-selector.h"
#include "ns3/object-factory.h"

#include <gtest/gtest.h>
#include <sstream>
#include <vector>

using namespace ns3;
using namespace ns3::test;

namespace
{

Ptr<IpsecPolicy>
Policy(const std::string& name,
       IpsecDirection direction,
       const IpsecTrafficSelector& local,
       const IpsecTrafficSelector& remote,
       IpsecPolicyAction action)
{
    Ptr<IpsecPolicy> policy = Create<IpsecPolicy>(name, direction, local, remote, action);
    if (action == IpsecPolicyAction::PROTECT)
    {
        EXPECT_TRUE(policy->SetTunnelEndpoints(Addr("192.0.2.1"), Addr("198.51.100.1")));
    }
    return policy;
}

} // namespace

TEST(IpsecPolicy, DirectionMapsLocalAndRemote)
{
    IpsecTrafficSelector local = WithPorts(Prefix("10.1.0.0/16"), TCP, 22, 22);
    IpsecTrafficSelector remote = Prefix("10.2.0.0/16");
    IpsecPolicy out("ssh", IpsecDirection::OUTBOUND, local, remote, IpsecPolicyAction::BYPASS);
    IpsecPolicy in("ssh", IpsecDirection::INBOUND, local, remote, IpsecPolicyAction::BYPASS);
    // Outbound: local = source. Inbound: local = destination. Same selectors, both directions.
    EXPECT_TRUE(out.Matches(Flow("10.1.0.1", "10.2.0.1", TCP, 22, 40000)));
    EXPECT_FALSE(out.Matches(Flow("10.2.0.1", "10.1.0.1", TCP, 40000, 22)));
    EXPECT_TRUE(in.Matches(Flow("10.2.0.1", "10.1.0.1", TCP, 40000, 22)));
    EXPECT_FALSE(in.Matches(Flow("10.1.0.1", "10.2.0.1", TCP, 22, 40000)));
    EXPECT_FALSE(in.Matches(Flow("10.2.0.1", "10.1.0.1", TCP, 22, 40000)));

    EXPECT_STREQ(IpsecDirectionName(IpsecDirection::INBOUND), "inbound");
    EXPECT_STREQ(IpsecPolicyActionName(IpsecPolicyAction::DISCARD), "discard");
    EXPECT_STREQ(IpsecProtocolName(IpsecProtocol::BUNDLE), "bundle");
    EXPECT_STREQ(IpsecModeName(IpsecMode::TRANSPORT), "transport");
    std::ostringstream os;
    os << IpsecPolicyAction::PROTECT << " " << IpsecProtocol::AH << " " << IpsecMode::TUNNEL;
    EXPECT_EQ(os.str(), "protect ah tunnel");
}

TEST(IpsecPolicy, ValidatesTemplateAndFamilies)
{
    std::string error;
    IpsecPolicy tunnel("vpn1",
                       IpsecDirection::OUTBOUND,
                       Prefix("10.1.0.0/16"),
                       Prefix("10.2.0.0/16"),
                       IpsecPolicyAction::PROTECT);
    EXPECT_FALSE(tunnel.Validate(&error));
    EXPECT_NE(error.find("vpn1"), std::string::npos) << error;
    EXPECT_FALSE(tunnel.SetTunnelEndpoints(Addr("192.0.2.1"), Addr("2001:db8::1"), &error));
    EXPECT_FALSE(tunnel.HasTunnelEndpoints());
    // IPv4 traffic over an IPv6 tunnel is fine.
    EXPECT_TRUE(tunnel.SetTunnelEndpoints(Addr("2001:db8::1"), Addr("2001:db8::2"), &error));
    EXPECT_TRUE(tunnel.Validate(&error)) << error;
    EXPECT_EQ(tunnel.GetTunnelRemote(), Addr("2001:db8::2"));
    tunnel.SetProtocol(IpsecProtocol::BUNDLE);
    EXPECT_EQ(tunnel.ToString(),
              "#0 vpn1 outbound local 10.1.0.0/16 proto any port any remote 10.2.0.0/16 proto "
              "any port any protect bundle tunnel 2001:db8::1 -> 2001:db8::2");

    IpsecPolicy transport("t",
                          IpsecDirection::INBOUND,
                          Prefix("10.1.0.1"),
                          Prefix("10.2.0.1"),
                          IpsecPolicyAction::PROTECT);
    transport.SetMode(IpsecMode::TRANSPORT);
    EXPECT_TRUE(transport.Validate(&error)) << error;

    IpsecPolicy mixed("mixed",
                      IpsecDirection::OUTBOUND,
                      Prefix("10.1.0.0/16"),
                      Prefix("2001:db8::/32"),
                      IpsecPolicyAction::BYPASS);
    EXPECT_FALSE(mixed.Validate(&error));
    EXPECT_NE(error.find("different families"), std::string::npos) << error;
}

TEST(IpsecSpd, SpecificBypassBeforeBroadProtectWins)
{
    Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
    IpsecTrafficSelector local = Prefix("10.1.0.0/16");
    IpsecTrafficSelector remote = Prefix("10.2.0.0/16");
    Ptr<IpsecPolicy> bypass = Policy("dns-clear",
                                     IpsecDirection::OUTBOUND,
                                     local,
                                     WithPorts(Prefix("10.2.0.53"), UDP, 53, 53),
                                     IpsecPolicyAction::BYPASS);
    Ptr<IpsecPolicy> protect =
        Policy("vpn", IpsecDirection::OUTBOUND, local, remote, IpsecPolicyAction::PROTECT);
    EXPECT_EQ(spd->Add(bypass), 1U);
    EXPECT_EQ(spd->Add(protect), 2U);

    EXPECT_EQ(spd->Find(IpsecDirection::OUTBOUND, Flow("10.1.0.7", "10.2.0.53", UDP, 999, 53)),
              bypass);
    EXPECT_EQ(spd->Find(IpsecDirection::OUTBOUND, Flow("10.1.0.7", "10.2.0.53", TCP, 999, 53)),
              protect);
    EXPECT_EQ(spd->Find(IpsecDirection::OUTBOUND, Flow("10.1.0.7", "10.2.0.54", UDP, 999, 53)),
              protect);

    // The other order: the broad entry shadows the specific one (first match, not best).
    Ptr<IpsecSpd> shadowed = CreateObject<IpsecSpd>();
    protect = Policy("vpn", IpsecDirection::OUTBOUND, local, remote, IpsecPolicyAction::PROTECT);
    bypass = Policy("dns-clear",
                    IpsecDirection::OUTBOUND,
                    local,
                    WithPorts(Prefix("10.2.0.53"), UDP, 53, 53),
                    IpsecPolicyAction::BYPASS);
    shadowed->Add(protect);
    shadowed->Add(bypass);
    EXPECT_EQ(shadowed->Find(IpsecDirection::OUTBOUND, Flow("10.1.0.7", "10.2.0.53", UDP, 9, 53)),
              protect);
}

TEST(IpsecSpd, InsertPositionIsRespected)
{
    Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
    IpsecTrafficSelector any = IpsecTrafficSelector::Any(IpsecAddressFamily::IPV4);
    auto make = [&any](const std::string& name) {
        return Policy(name, IpsecDirection::OUTBOUND, any, any, IpsecPolicyAction::DISCARD);
    };
    Ptr<IpsecPolicy> a = make("a");
    Ptr<IpsecPolicy> b = make("b");
    Ptr<IpsecPolicy> c = make("c");
    Ptr<IpsecPolicy> d = make("d");
    spd->Add(a);
    spd->Add(b);
    EXPECT_NE(spd->Insert(0, c), 0U);
    EXPECT_NE(spd->Insert(2, d), 0U);
    std::vector<Ptr<IpsecPolicy>> order = spd->GetPolicies(IpsecDirection::OUTBOUND);
    ASSERT_EQ(order.size(), 4U);
    EXPECT_EQ(order[0], c);
    EXPECT_EQ(order[1], a);
    EXPECT_EQ(order[2], d);
    EXPECT_EQ(order[3], b);
    EXPECT_EQ(spd->Find(IpsecDirection::OUTBOUND, Flow("1.2.3.4", "5.6.7.8")), c);

    std::string error;
    Ptr<IpsecPolicy> e = make("e");
    EXPECT_EQ(spd->Insert(6, e, &error), 0U);
    EXPECT_NE(error.find("position 6"), std::string::npos) << error;
    EXPECT_EQ(e->GetId(), 0U);
    EXPECT_NE(spd->Insert(4, e, &error), 0U) << error; // == size appends
    EXPECT_EQ(spd->GetPolicies(IpsecDirection::OUTBOUND).back(), e);
}

TEST(IpsecSpd, RemoveAndReAdd)
{
    Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
    IpsecTrafficSelector any = IpsecTrafficSelector::Any(IpsecAddressFamily::IPV6);
    Ptr<IpsecPolicy> first =
        Policy("first", IpsecDirection::INBOUND, any, any, IpsecPolicyAction::BYPASS);
    Ptr<IpsecPolicy> second =
        Policy("second", IpsecDirection::INBOUND, any, any, IpsecPolicyAction::DISCARD);
    uint32_t firstId = spd->Add(first);
    uint32_t secondId = spd->Add(second);
    IpsecFlow flow = Flow("2001:db8::1", "2001:db8::2");
    EXPECT_EQ(spd->Find(IpsecDirection::INBOUND, flow), first);
    EXPECT_EQ(spd->Get(secondId), second);

    EXPECT_TRUE(spd->Remove(firstId));
    EXPECT_FALSE(spd->Remove(firstId));
    EXPECT_FALSE(spd->Remove(0));
    EXPECT_EQ(first->GetId(), 0U);
    EXPECT_EQ(spd->Get(firstId), nullptr);
    EXPECT_EQ(spd->Find(IpsecDirection::INBOUND, flow), second);

    // Ids are never reused; a removed entry may come back, at the end.
    uint32_t again = spd->Add(first);
    EXPECT_GT(again, secondId);
    EXPECT_EQ(spd->Find(IpsecDirection::INBOUND, flow), second);

    // An entry belongs to one SPD at a time.
    std::string error;
    Ptr<IpsecSpd> other = CreateObject<IpsecSpd>();
    EXPECT_EQ(other->Add(first, &error), 0U);
    EXPECT_NE(error.find("already in an SPD"), std::string::npos) << error;
    EXPECT_EQ(other->Add(nullptr, &error), 0U);

    spd->Clear();
    EXPECT_EQ(spd->GetNPolicies(IpsecDirection::INBOUND), 0U);
    EXPECT_EQ(second->GetId(), 0U);
    EXPECT_NE(other->Add(first), 0U);
}

TEST(IpsecSpd, DirectionsAreSeparateLists)
{
    Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
    IpsecTrafficSelector local = Prefix("10.1.0.0/16");
    IpsecTrafficSelector remote = Prefix("10.2.0.0/16");
    Ptr<IpsecPolicy> out =
        Policy("out", IpsecDirection::OUTBOUND, local, remote, IpsecPolicyAction::PROTECT);
    Ptr<IpsecPolicy> in =
        Policy("in", IpsecDirection::INBOUND, local, remote, IpsecPolicyAction::PROTECT);
    spd->Add(out);
    spd->Add(in);
    EXPECT_EQ(spd->GetNPolicies(IpsecDirection::OUTBOUND), 1U);
    EXPECT_EQ(spd->GetNPolicies(IpsecDirection::INBOUND), 1U);

    IpsecFlow leaving = Flow("10.1.0.1", "10.2.0.1");
    IpsecFlow arriving = Flow("10.2.0.1", "10.1.0.1");
    EXPECT_EQ(spd->Find(IpsecDirection::OUTBOUND, leaving), out);
    EXPECT_EQ(spd->Find(IpsecDirection::INBOUND, arriving), in);
    // A packet only looks in its own direction's list.
    EXPECT_EQ(spd->Find(IpsecDirection::OUTBOUND, arriving), nullptr);
    EXPECT_EQ(spd->Find(IpsecDirection::INBOUND, leaving), nullptr);
}

TEST(IpsecSpd, NoMatchIsNullAndInvalidEntriesAreRefused)
{
    Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
    EXPECT_EQ(spd->Find(IpsecDirection::OUTBOUND, Flow("10.1.0.1", "10.2.0.1")), nullptr);
    spd->Add(Policy("vpn",
                    IpsecDirection::OUTBOUND,
                    Prefix("10.1.0.0/16"),
                    Prefix("10.2.0.0/16"),
                    IpsecPolicyAction::PROTECT));
    EXPECT_EQ(spd->Find(IpsecDirection::OUTBOUND, Flow("10.1.0.1", "10.3.0.1")), nullptr);
    EXPECT_EQ(spd->Find(IpsecDirection::OUTBOUND, Flow("2001:db8::1", "2001:db8::2")), nullptr);

    // A tunnel-mode PROTECT entry without endpoints cannot be used.
    std::string error;
    Ptr<IpsecPolicy> incomplete = Create<IpsecPolicy>("incomplete",
                                                      IpsecDirection::OUTBOUND,
                                                      Prefix("10.5.0.0/16"),
                                                      Prefix("10.6.0.0/16"),
                                                      IpsecPolicyAction::PROTECT);
    EXPECT_EQ(spd->Add(incomplete, &error), 0U);
    EXPECT_NE(error.find("incomplete"), std::string::npos) << error;
    EXPECT_EQ(spd->GetNPolicies(IpsecDirection::OUTBOUND), 1U);
}

TEST(IpsecSpd, RegisteredTypeId)
{
    TypeId tid;
    ASSERT_TRUE(TypeId::LookupByNameFailSafe("ns3::IpsecSpd", &tid));
    ObjectFactory factory;
    factory.SetTypeId(tid);
    Ptr<IpsecSpd> spd = factory.Create<IpsecSpd>();
    ASSERT_NE(spd, nullptr);
    EXPECT_EQ(spd->GetNPolicies(IpsecDirection::OUTBOUND), 0U);
    spd->Dispose();
}
