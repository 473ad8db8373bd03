/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Traffic that needs SAs that do not exist yet (RFC 4301 section 5.1): the data plane asks for
 * them once (the acquire that starts an IKE negotiation on traffic), holds a bounded number of
 * packets meanwhile, sends them when the SAs arrive, and drops them when the negotiation fails.
 */
#include "ipsec-two-site-network.h"

#include "ns3/ipsec-flow.h"
#include "ns3/uinteger.h"
#include "ns3/virtual-net-device.h"

#include <gtest/gtest.h>

using namespace ns3;
using ns3::test::TwoSiteNetwork;

namespace
{

/// Records acquires; answers each with the given SAs after a delay, or cancels it.
struct AcquireRecorder
{
    Ptr<IpsecL3Protocol> ipsec;
    std::vector<Ptr<IpsecSa>> bundle; //!< SAs to bind when asked (empty: cancel)
    Time delay;                       //!< how long the "negotiation" takes
    std::vector<std::pair<Time, IpsecFlow>> acquires;

    void Acquire(Ptr<IpsecPolicy> policy, Ptr<NetDevice> tunnel, const IpsecFlow& flow)
    {
        acquires.emplace_back(Simulator::Now(), flow);
        Simulator::Schedule(delay, [this, policy, tunnel]() {
            if (bundle.empty())
            {
                ipsec->CancelAcquire(policy, tunnel);
            }
            else if (policy)
            {
                ipsec->BindOutboundToPolicy(policy, bundle);
            }
            else
            {
                ipsec->BindOutboundToTunnel(tunnel, bundle);
            }
        });
    }
};

/// gwA's VPN with its outbound SAs taken away again, as before a negotiation.
IpsecManualSaResult
VpnWithoutOutboundSas(TwoSiteNetwork& net, uint32_t queueSize, bool routeBased = false)
{
    net.IpsecA()->SetAttribute("AcquireQueueSize", UintegerValue(queueSize));
    IpsecManualSaConfig vpn = net.VpnConfig();
    vpn.routeBased = routeBased;
    IpsecManualSaResult a = IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
    IpsecManualSaResult b = IpsecHelper::AddManualSa(net.gateways.Get(1), IpsecHelper::Mirror(vpn));
    if (routeBased)
    {
        IpsecHelper::AddTunnelRoute(net.gateways.Get(0), a.tunnel, "10.2.1.0/24");
        IpsecHelper::AddTunnelRoute(net.gateways.Get(1), b.tunnel, "10.1.1.0/24");
    }
    return a;
}

} // namespace

TEST(IpsecAcquire, TrafficAsksOnceAndTheHeldPacketsLeaveWhenTheSasArrive)
{
    TwoSiteNetwork net;
    IpsecManualSaResult a = VpnWithoutOutboundSas(net, 3);
    AcquireRecorder recorder{net.IpsecA(),
                             net.IpsecA()->UnbindOutboundFromPolicy(a.outboundPolicy),
                             MilliSeconds(55)};
    ASSERT_EQ(recorder.bundle.size(), 1u);
    net.IpsecA()->SetAcquireCallback(MakeCallback(&AcquireRecorder::Acquire, &recorder));
    // One datagram every 10 ms from 1 s: six arrive while the SAs are negotiated (1.000 to
    // 1.055 s); three wait, three are dropped; the rest go through the new SAs.
    const uint32_t flow = net.AddUdpFlow(net.hosts.Get(0),
                                         net.hosts.Get(1),
                                         Ipv4Address("10.2.1.1"),
                                         9000,
                                         20,
                                         100,
                                         MilliSeconds(10),
                                         Seconds(1));
    net.Run(Seconds(3));
    ASSERT_EQ(recorder.acquires.size(), 1u) << "one acquire, however many packets wait";
    EXPECT_EQ(recorder.acquires[0].second.m_destination, IpsecIpAddress(Ipv4Address("10.2.1.1")));
    EXPECT_EQ(net.Drops(0, IpsecDropReason::NO_OUTBOUND_SA), 3u);
    EXPECT_EQ(net.Received(flow), 17u);
    EXPECT_EQ(net.WanProtocols().count(17), 0u) << "nothing in the clear";
}

TEST(IpsecAcquire, AFailedNegotiationDropsTheHeldPacketsAndTheNextPacketAsksAgain)
{
    TwoSiteNetwork net;
    IpsecManualSaResult a = VpnWithoutOutboundSas(net, 10);
    net.IpsecA()->UnbindOutboundFromPolicy(a.outboundPolicy);
    AcquireRecorder recorder{net.IpsecA(), {}, MilliSeconds(25)}; // every negotiation fails
    net.IpsecA()->SetAcquireCallback(MakeCallback(&AcquireRecorder::Acquire, &recorder));
    const uint32_t flow = net.AddUdpFlow(net.hosts.Get(0),
                                         net.hosts.Get(1),
                                         Ipv4Address("10.2.1.1"),
                                         9000,
                                         10,
                                         100,
                                         MilliSeconds(10),
                                         Seconds(1));
    net.Run(Seconds(3));
    EXPECT_EQ(net.Received(flow), 0u);
    EXPECT_EQ(net.Drops(0, IpsecDropReason::NO_OUTBOUND_SA), 10u);
    // Packets at 1.00-1.02 s wait for the first attempt, cancelled at 1.025 s; the packet at
    // 1.03 s asks again, and so on: 1.00, 1.03, 1.06, 1.09 s.
    ASSERT_EQ(recorder.acquires.size(), 4u);
}

TEST(IpsecAcquire, ARouteBasedTunnelWithoutSasAsksForThem)
{
    TwoSiteNetwork net;
    IpsecManualSaResult a = VpnWithoutOutboundSas(net, 0, true);
    AcquireRecorder recorder{net.IpsecA(),
                             net.IpsecA()->UnbindOutboundFromTunnel(a.tunnel),
                             MilliSeconds(5)};
    ASSERT_EQ(recorder.bundle.size(), 1u);
    net.IpsecA()->SetAcquireCallback(MakeCallback(&AcquireRecorder::Acquire, &recorder));
    const uint32_t flow = net.AddUdpFlow(net.hosts.Get(0),
                                         net.hosts.Get(1),
                                         Ipv4Address("10.2.1.1"),
                                         9000,
                                         5,
                                         100,
                                         MilliSeconds(10),
                                         Seconds(1));
    net.Run(Seconds(3));
    ASSERT_EQ(recorder.acquires.size(), 1u);
    EXPECT_EQ(net.Drops(0, IpsecDropReason::NO_OUTBOUND_SA), 1u) << "no queue: the first one";
    EXPECT_EQ(net.Received(flow), 4u);
}
