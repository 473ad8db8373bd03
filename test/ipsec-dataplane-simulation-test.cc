/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The data plane in small simulations of the two-site network: transport mode, policies
 * (PROTECT, BYPASS, DISCARD), plaintext where protection is required, lifetimes, selector
 * checks after decryption, anti-replay on the wire, the outer DF bit and reproducibility.
 */
#include "ipsec-test-wan-tap.h"
#include "ipsec-two-site-network.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipsec-esp-transform.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-raw-socket-factory.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/ppp-header.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/udp-header.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>
#include <set>
#include <vector>

using namespace ns3;
using ns3::test::TwoSiteNetwork;
using ns3::test::WanReplayer;

namespace
{

constexpr uint8_t ESP = 50;
constexpr uint8_t UDP = 17;
/// Bytes of an IPv4 header without options, and of a UDP header.
constexpr uint32_t IPV4_HEADER = 20;
constexpr uint32_t UDP_HEADER = 8;

/// \return the selector of a prefix (the test fails on a typo)
IpsecTrafficSelector
Selector(const std::string& prefix)
{
    IpsecTrafficSelector selector;
    std::string error;
    EXPECT_TRUE(IpsecTrafficSelector::FromPrefix(prefix, &selector, &error)) << error;
    return selector;
}

/// One IP packet seen on the WAN, split into its header and payload.
struct WanPacket
{
    Ipv4Header header; //!< IPv4 header
    CryptoBytes bytes; //!< the whole packet, header included
};

/// \return the ESP packets gwA (192.0.2.1) sent onto the WAN, in order
std::vector<WanPacket>
EspFromGatewayA(const TwoSiteNetwork& net)
{
    std::vector<WanPacket> esp;
    for (const auto& packet : net.WanPackets())
    {
        WanPacket wan;
        packet->PeekHeader(wan.header);
        if (wan.header.GetProtocol() != ESP || wan.header.GetSource() != Ipv4Address("192.0.2.1"))
        {
            continue;
        }
        wan.bytes.resize(packet->GetSize());
        packet->CopyData(wan.bytes.data(), wan.bytes.size());
        esp.push_back(wan);
    }
    return esp;
}

/// Counts the SA life-cycle trace calls of one SAD.
struct SaTraceCounter
{
    std::vector<Ptr<const IpsecSa>> sas; //!< the SA of each call
    std::vector<Time> times;             //!< when

    void Record(Ptr<const IpsecSa> sa)
    {
        sas.push_back(sa);
        times.push_back(Simulator::Now());
    }
};

/// Records when gwA's data plane sent ESP and dropped packets.
struct DataPlaneTimes
{
    std::vector<Time> tx;                                //!< ESP sent
    std::vector<std::pair<Time, IpsecDropReason>> drops; //!< drops and why

    void Tx(Ptr<const Packet>, Ptr<const IpsecSa>)
    {
        tx.push_back(Simulator::Now());
    }

    void Drop(Ptr<const Packet>, IpsecDropReason reason, Ptr<const IpsecSa>)
    {
        drops.emplace_back(Simulator::Now(), reason);
    }
};

} // namespace

TEST(IpsecDataplane, TransportModeBetweenTheGatewaysCarriesOnlyEsp)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    vpn.mode = IpsecMode::TRANSPORT;
    vpn.localTrafficSelector = "192.0.2.1/32";
    vpn.remoteTrafficSelector = "192.0.2.2/32";
    IpsecManualSaResult a = IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
    IpsecHelper::AddManualSa(net.gateways.Get(1), IpsecHelper::Mirror(vpn));
    const uint32_t size = 500;
    uint32_t flow = net.AddUdpFlow(net.gateways.Get(0),
                                   net.gateways.Get(1),
                                   Ipv4Address("192.0.2.2"),
                                   9000,
                                   20,
                                   size);
    net.Run(Seconds(3));
    EXPECT_EQ(net.Received(flow), 20u);
    EXPECT_EQ(net.WanProtocols().count(UDP), 0u) << "plaintext UDP leaked onto the WAN";
    EXPECT_EQ(net.WanProtocols().count(ESP) ? net.WanProtocols().at(ESP) : 0u, 20u);
    EXPECT_EQ(net.IpsecA()->GetCounters().espEncrypted, 20u);
    EXPECT_EQ(net.IpsecB()->GetCounters().espDecrypted, 20u);
    // Transport mode: the gateways' own addresses outside, and no inner IP header inside.
    std::vector<WanPacket> esp = EspFromGatewayA(net);
    ASSERT_EQ(esp.size(), 20u);
    const uint32_t segment = size + UDP_HEADER;
    for (const auto& packet : esp)
    {
        EXPECT_EQ(packet.header.GetDestination(), Ipv4Address("192.0.2.2"));
        EXPECT_EQ(packet.bytes.size(),
                  IPV4_HEADER + segment + IpsecEspTransform::GetOverhead(*a.outboundSa, segment));
    }
}

TEST(IpsecDataplane, PlaintextWhereProtectionIsRequiredIsDropped)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    // Only gwB has the VPN: gwA forwards in the clear.
    IpsecHelper::AddManualSa(net.gateways.Get(1), IpsecHelper::Mirror(vpn));
    net.RunUdp(10, 200);
    EXPECT_EQ(net.Delivered(), 0u);
    EXPECT_EQ(net.WanProtocols().count(UDP) ? net.WanProtocols().at(UDP) : 0u, 10u);
    EXPECT_EQ(net.Drops(1, IpsecDropReason::PLAINTEXT_PROTECTED), 10u);
}

TEST(IpsecDataplane, DiscardPolicyDropsBeforeTheWan)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
    Ptr<IpsecPolicy> discard = Create<IpsecPolicy>("discard",
                                                   IpsecDirection::OUTBOUND,
                                                   Selector("10.1.1.0/24"),
                                                   Selector("10.2.1.0/24"),
                                                   IpsecPolicyAction::DISCARD);
    std::string error;
    ASSERT_NE(net.IpsecA()->GetSpd()->Insert(0, discard, &error), 0u) << error;
    net.RunUdp(10, 200);
    EXPECT_EQ(net.Delivered(), 0u);
    EXPECT_EQ(net.Drops(0, IpsecDropReason::POLICY_DISCARD), 10u);
    EXPECT_TRUE(net.WanPackets().empty()) << net.WanPackets().size() << " packets on the WAN";
    EXPECT_EQ(net.IpsecA()->GetCounters().espEncrypted, 0u);
}

TEST(IpsecDataplane, BypassPolicyBeforeProtectLetsOnePortThroughInTheClear)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
    const uint16_t clearPort = 9001;
    // gwA: outbound UDP to port 9001 bypasses; gwB: inbound UDP to port 9001 bypasses.
    IpsecTrafficSelector siteB = Selector("10.2.1.0/24");
    siteB.SetProtocol(UDP);
    siteB.SetPort(clearPort);
    Ptr<IpsecPolicy> outbound = Create<IpsecPolicy>("bypass-9001",
                                                    IpsecDirection::OUTBOUND,
                                                    Selector("10.1.1.0/24"),
                                                    siteB,
                                                    IpsecPolicyAction::BYPASS);
    Ptr<IpsecPolicy> inbound = Create<IpsecPolicy>("bypass-9001",
                                                   IpsecDirection::INBOUND,
                                                   siteB,
                                                   Selector("10.1.1.0/24"),
                                                   IpsecPolicyAction::BYPASS);
    std::string error;
    ASSERT_NE(net.IpsecA()->GetSpd()->Insert(0, outbound, &error), 0u) << error;
    ASSERT_NE(net.IpsecB()->GetSpd()->Insert(0, inbound, &error), 0u) << error;

    uint32_t secret =
        net.AddUdpFlow(net.hosts.Get(0), net.hosts.Get(1), Ipv4Address("10.2.1.1"), 9000, 10, 300);
    uint32_t clear = net.AddUdpFlow(net.hosts.Get(0),
                                    net.hosts.Get(1),
                                    Ipv4Address("10.2.1.1"),
                                    clearPort,
                                    7,
                                    300);
    net.Run(Seconds(3));
    EXPECT_EQ(net.Received(secret), 10u);
    EXPECT_EQ(net.Received(clear), 7u);
    EXPECT_EQ(net.WanProtocols().count(UDP) ? net.WanProtocols().at(UDP) : 0u, 7u);
    EXPECT_EQ(net.WanProtocols().count(ESP) ? net.WanProtocols().at(ESP) : 0u, 10u);
    EXPECT_EQ(net.IpsecA()->GetCounters().bypassed, 7u);
    EXPECT_EQ(net.IpsecA()->GetCounters().espEncrypted, 10u);
    EXPECT_EQ(net.Drops(1, IpsecDropReason::PLAINTEXT_PROTECTED), 0u);
}

TEST(IpsecDataplane, HardPacketLifetimeEndsTheSaAfterExactlyThatManyPackets)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
    vpn.lifetime.hardPackets = 5;
    IpsecManualSaResult a = IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
    IpsecHelper::AddManualSa(net.gateways.Get(1), peer);
    SaTraceCounter hard;
    net.IpsecA()->GetSad()->TraceConnectWithoutContext(
        "SaHardExpired",
        MakeCallback(&SaTraceCounter::Record, &hard));
    net.RunUdp(12, 200);
    EXPECT_EQ(net.Delivered(), 5u);
    EXPECT_EQ(net.IpsecA()->GetCounters().espEncrypted, 5u);
    // The SA stays bound to its policy, so later packets meet it expired.
    EXPECT_EQ(net.Drops(0, IpsecDropReason::SA_EXPIRED), 7u);
    EXPECT_EQ(net.Drops(0, IpsecDropReason::NO_OUTBOUND_SA), 0u);
    ASSERT_EQ(hard.sas.size(), 1u);
    EXPECT_EQ(hard.sas[0], a.outboundSa);
    EXPECT_EQ(a.outboundSa->GetState(), IpsecSaState::EXPIRED);
    for (const auto& sa : net.IpsecA()->GetSad()->GetAll())
    {
        EXPECT_NE(sa, a.outboundSa) << "an expired SA is still in the SAD";
    }
}

TEST(IpsecDataplane, SoftLifetimeFiresItsTraceOnceAndKeepsTheSa)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
    vpn.lifetime.softPackets = 3;
    vpn.lifetime.softBytes = 4 * (200 + UDP_HEADER + IPV4_HEADER); // crossed after packet 4
    vpn.lifetime.softTime = Seconds(1.05);                         // while packets flow
    IpsecManualSaResult a = IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
    IpsecHelper::AddManualSa(net.gateways.Get(1), peer);
    SaTraceCounter soft;
    net.IpsecA()->GetSad()->TraceConnectWithoutContext(
        "SaSoftExpired",
        MakeCallback(&SaTraceCounter::Record, &soft));
    net.RunUdp(10, 200);
    EXPECT_EQ(net.Delivered(), 10u);
    // The outbound SA once (at packet 3); the idle inbound SA of gwA once, by time.
    std::vector<Time> outboundTimes;
    for (size_t i = 0; i < soft.sas.size(); ++i)
    {
        if (soft.sas[i] == a.outboundSa)
        {
            outboundTimes.push_back(soft.times[i]);
        }
        else
        {
            EXPECT_EQ(soft.sas[i], a.inboundSa);
            EXPECT_EQ(soft.times[i], Seconds(1.05));
        }
    }
    ASSERT_EQ(outboundTimes.size(), 1u);
    EXPECT_GT(outboundTimes[0], Seconds(1.02)); // the third packet leaves hostA at 1.02 s
    EXPECT_LT(outboundTimes[0], Seconds(1.03));
    EXPECT_EQ(soft.sas.size(), 2u);
    EXPECT_EQ(a.outboundSa->GetState(), IpsecSaState::SOFT_EXPIRED);
    EXPECT_EQ(net.Drops(0, IpsecDropReason::SA_EXPIRED), 0u);
}

TEST(IpsecDataplane, HardTimeLifetimeStopsDeliveryOnTime)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
    vpn.lifetime.hardTime = Seconds(1.5); // installed at 0 s
    IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
    IpsecHelper::AddManualSa(net.gateways.Get(1), peer);
    DataPlaneTimes times;
    net.IpsecA()->TraceConnectWithoutContext("Tx", MakeCallback(&DataPlaneTimes::Tx, &times));
    net.IpsecA()->TraceConnectWithoutContext("Drop", MakeCallback(&DataPlaneTimes::Drop, &times));
    // A 3 s flow from 0 s: one datagram every 10 ms, 1 ms from hostA to gwA.
    uint32_t flow = net.AddUdpFlow(net.hosts.Get(0),
                                   net.hosts.Get(1),
                                   Ipv4Address("10.2.1.1"),
                                   9000,
                                   300,
                                   200,
                                   MilliSeconds(10),
                                   Seconds(0));
    net.Run(Seconds(4));
    // Datagrams sent at 0, 0.01, ..., 1.49 s reach gwA before 1.5 s.
    EXPECT_EQ(net.Received(flow), 150u);
    ASSERT_EQ(times.tx.size(), 150u);
    EXPECT_LT(times.tx.back(), Seconds(1.5));
    EXPECT_GT(times.tx.back(), Seconds(1.49));
    ASSERT_EQ(times.drops.size(), 150u);
    EXPECT_GT(times.drops.front().first, Seconds(1.5));
    EXPECT_LT(times.drops.front().first, Seconds(1.51));
    for (const auto& [time, reason] : times.drops)
    {
        EXPECT_EQ(reason, IpsecDropReason::SA_EXPIRED);
    }
}

TEST(IpsecDataplane, HardByteLifetimeEndsTheSa)
{
    const uint32_t packetBytes = 200 + UDP_HEADER + IPV4_HEADER; // inner packet (tunnel mode)
    // Exactly five packets' worth, and a limit the fifth packet crosses: the packet that
    // reaches or crosses the limit is still sent, the next one is not.
    for (uint64_t limit : {uint64_t(5) * packetBytes, uint64_t(5) * packetBytes - 40})
    {
        SCOPED_TRACE("hard bytes " + std::to_string(limit));
        TwoSiteNetwork net;
        IpsecManualSaConfig vpn = net.VpnConfig();
        IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
        vpn.lifetime.hardBytes = limit;
        IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
        IpsecHelper::AddManualSa(net.gateways.Get(1), peer);
        net.RunUdp(12, 200);
        EXPECT_EQ(net.Delivered(), 5u);
        EXPECT_EQ(net.Drops(0, IpsecDropReason::SA_EXPIRED), 7u);
    }
}

TEST(IpsecDataplane, DecryptedPacketsOutsideTheSelectorsAreDropped)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
    peer.remoteTrafficSelector = "10.1.1.128/25"; // hostA is 10.1.1.1
    net.InstallVpn(vpn, peer);
    net.RunUdp(8, 200);
    EXPECT_EQ(net.Delivered(), 0u);
    EXPECT_EQ(net.IpsecB()->GetCounters().espDecrypted, 8u);
    EXPECT_EQ(net.Drops(1, IpsecDropReason::SELECTOR_MISMATCH), 8u);
    EXPECT_EQ(net.Drops(1, IpsecDropReason::ICV_FAILURE), 0u);
}

TEST(IpsecDataplane, EspPacketsReplayedOnTheWanAreDropped)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
    WanReplayer duplicator(net.WanDevice(0), net.WanDevice(1)->GetAddress(), ESP, 4);
    net.RunUdp(10, 200);
    ASSERT_EQ(duplicator.Sent(), 4u);
    EXPECT_EQ(net.WanProtocols().at(ESP), 14u);
    EXPECT_EQ(net.Delivered(), 10u) << "a replayed packet was delivered twice";
    EXPECT_EQ(net.Drops(1, IpsecDropReason::REPLAY), 4u);
    EXPECT_EQ(net.IpsecB()->GetCounters().espDecrypted, 10u);
}

namespace
{

/**
 * \brief Sends UDP datagrams from hostA to hostB through a raw socket that writes its own IPv4
 * header, so that the inner DF bit is under the test's control (ns-3's UDP sockets never set it).
 */
void
SendRawUdp(Ptr<Socket> socket,
           uint16_t identification,
           uint32_t payloadSize,
           bool dontFragment,
           Ipv4Address source)
{
    Ptr<Packet> packet = Create<Packet>(payloadSize);
    UdpHeader udp;
    udp.SetSourcePort(4000);
    udp.SetDestinationPort(9000);
    packet->AddHeader(udp);
    Ipv4Header ip;
    ip.SetSource(source);
    ip.SetDestination(Ipv4Address("10.2.1.1"));
    ip.SetProtocol(UDP);
    ip.SetTtl(64);
    ip.SetIdentification(identification);
    ip.SetPayloadSize(packet->GetSize());
    if (dontFragment)
    {
        ip.SetDontFragment();
    }
    else
    {
        ip.SetMayFragment();
    }
    packet->AddHeader(ip);
    socket->SendTo(packet, 0, InetSocketAddress(Ipv4Address("10.2.1.1"), 0));
}

} // namespace

TEST(IpsecDataplane, OuterDfBitFollowsTheSaMode)
{
    const uint32_t bigPayload = 1500 - IPV4_HEADER - UDP_HEADER; // inner packets of the path MTU
    const uint32_t smallPayload = 1000;                          // fits the tunnel
    const uint32_t count = 5;
    for (IpsecDfBitMode mode : {IpsecDfBitMode::CLEAR, IpsecDfBitMode::SET, IpsecDfBitMode::COPY})
    {
        for (bool innerDf : {false, true})
        {
            for (uint32_t payload : {smallPayload, bigPayload})
            {
                SCOPED_TRACE(std::string("df-bit ") + IpsecDfBitModeName(mode) + ", inner DF " +
                             (innerDf ? "set" : "clear") + ", payload " + std::to_string(payload));
                TwoSiteNetwork net;
                IpsecManualSaConfig vpn = net.VpnConfig();
                vpn.dfBit = mode;
                IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
                IpsecManualSaResult a = IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
                IpsecHelper::AddManualSa(net.gateways.Get(1), peer);
                // The tunnel leaves room for the outer header and the worst-case ESP overhead.
                EXPECT_EQ(a.tunnel->GetMtu(),
                          1500 - IPV4_HEADER - IpsecEspTransform::GetMaxOverhead(*a.outboundSa));

                PacketSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                            InetSocketAddress(Ipv4Address::GetAny(), 9000));
                ApplicationContainer sink = sinkHelper.Install(net.hosts.Get(1));
                sink.Start(Seconds(0));
                Ptr<Socket> raw =
                    Socket::CreateSocket(net.hosts.Get(0), Ipv4RawSocketFactory::GetTypeId());
                raw->SetAttribute("Protocol", UintegerValue(UDP));
                raw->SetAttribute("IpHeaderInclude", BooleanValue(true));
                for (uint32_t i = 0; i < count; ++i)
                {
                    Simulator::Schedule(Seconds(1) + MilliSeconds(10 * i),
                                        &SendRawUdp,
                                        raw,
                                        static_cast<uint16_t>(100 + i),
                                        payload,
                                        innerDf,
                                        Ipv4Address("10.1.1.1"));
                }
                net.Run(Seconds(2));

                std::vector<WanPacket> esp = EspFromGatewayA(net);
                const uint64_t received = DynamicCast<PacketSink>(sink.Get(0))->GetTotalRx();
                raw->Close();
                if (payload == bigPayload && innerDf)
                {
                    // Too big for the tunnel and must not be fragmented: dropped at gwA
                    // (RFC 4301 section 8.2.1), never encrypted.
                    EXPECT_EQ(esp.size(), 0u);
                    EXPECT_EQ(net.Drops(0, IpsecDropReason::MTU_EXCEEDED), count);
                    EXPECT_EQ(received, 0u);
                    continue;
                }
                // Big inner packets are fragmented before encryption, so the outer packets
                // fit the path and are not fragmented again.
                EXPECT_EQ(esp.size(), (payload == bigPayload ? 2 : 1) * count);
                const bool expected =
                    mode == IpsecDfBitMode::SET || (mode == IpsecDfBitMode::COPY && innerDf);
                for (const auto& packet : esp)
                {
                    EXPECT_EQ(packet.header.IsDontFragment(), expected);
                    EXPECT_EQ(packet.header.GetFragmentOffset(), 0u);
                    EXPECT_TRUE(packet.header.IsLastFragment());
                    EXPECT_LE(packet.bytes.size(), 1500u);
                }
                EXPECT_EQ(received, count * payload);
                EXPECT_EQ(net.Drops(0, IpsecDropReason::MTU_EXCEEDED), 0u);
            }
        }
    }
}

TEST(IpsecDataplane, LocallyOriginatedDfPacketsTooBigForTheTunnelAreDroppedNotFragmented)
{
    // gwA itself sends into the tunnel, from its site-A address, which the policy covers.
    // ns-3 fragments local packets at the tunnel interface whatever their DF bit; the data
    // plane must refuse the fragments of a DF packet and report the MTU to the sender.
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
    Ptr<Socket> raw = Socket::CreateSocket(net.gateways.Get(0), Ipv4RawSocketFactory::GetTypeId());
    raw->SetAttribute("Protocol", UintegerValue(UDP));
    raw->SetAttribute("IpHeaderInclude", BooleanValue(true));
    uint32_t icmpFragNeeded = 0;
    Ptr<Socket> icmp = Socket::CreateSocket(net.gateways.Get(0), Ipv4RawSocketFactory::GetTypeId());
    icmp->SetAttribute("Protocol", UintegerValue(1));
    icmp->SetRecvCallback(MakeBoundCallback(
        +[](uint32_t* counter, Ptr<Socket> socket) {
            while (Ptr<Packet> packet = socket->Recv())
            {
                Ipv4Header ip;
                packet->RemoveHeader(ip);
                uint8_t typeAndCode[2];
                packet->CopyData(typeAndCode, 2);
                // Destination unreachable, fragmentation needed (RFC 792, RFC 1191).
                *counter += typeAndCode[0] == 3 && typeAndCode[1] == 4;
            }
        },
        &icmpFragNeeded));
    const Ipv4Address gatewayA("10.1.1.2"); // a local source the policy covers
    Simulator::Schedule(Seconds(1), &SendRawUdp, raw, 1, 1460, true, gatewayA);
    Simulator::Schedule(Seconds(1.01), &SendRawUdp, raw, 2, 1460, false, gatewayA);
    net.Run(Seconds(2));
    raw->Close();
    icmp->Close();
    EXPECT_EQ(net.Drops(0, IpsecDropReason::MTU_EXCEEDED), 2u) << "both fragments of the DF one";
    EXPECT_EQ(icmpFragNeeded, 1u);
    EXPECT_EQ(EspFromGatewayA(net).size(), 2u) << "the datagram without DF, in two fragments";
}

namespace
{

/// Runs 5 datagrams through an aes-128-cbc VPN under one RngRun.
/// \return the first 5 ESP packets gwA sent, IP header included
std::vector<CryptoBytes>
EspBytesOfRun(uint64_t run)
{
    const uint64_t previous = RngSeedManager::GetRun();
    RngSeedManager::SetRun(run);
    std::vector<CryptoBytes> bytes;
    {
        TwoSiteNetwork net;
        IpsecManualSaConfig vpn = net.VpnConfig();
        vpn.encryption = "aes-128-cbc";
        vpn.encryptionKey = "000102030405060708090a0b0c0d0e0f";
        vpn.authentication = "hmac-sha-256-128";
        vpn.authenticationKey = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";
        net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
        net.RunUdp(5, 100);
        EXPECT_EQ(net.Delivered(), 5u);
        for (const auto& packet : EspFromGatewayA(net))
        {
            bytes.push_back(packet.bytes);
        }
    }
    RngSeedManager::SetRun(previous);
    EXPECT_EQ(bytes.size(), 5u);
    return bytes;
}

/// \return the CBC IV (16 bytes after the IPv4 and ESP headers) of an ESP packet
CryptoBytes
CbcIv(const CryptoBytes& packet)
{
    const size_t start = IPV4_HEADER + IpsecEspTransform::HEADER_BYTES;
    return CryptoBytes(packet.begin() + start, packet.begin() + start + 16);
}

} // namespace

TEST(IpsecDataplane, SameSeedGivesIdenticalWanBytesAndAnotherRunOtherIvs)
{
    const std::vector<CryptoBytes> first = EspBytesOfRun(1);
    const std::vector<CryptoBytes> again = EspBytesOfRun(1);
    const std::vector<CryptoBytes> other = EspBytesOfRun(2);
    ASSERT_EQ(first.size(), 5u);
    ASSERT_EQ(again.size(), 5u);
    ASSERT_EQ(other.size(), 5u);
    std::set<CryptoBytes> ivs;
    for (size_t i = 0; i < first.size(); ++i)
    {
        SCOPED_TRACE("ESP packet " + std::to_string(i + 1));
        EXPECT_EQ(CryptoToHex(first[i]), CryptoToHex(again[i]));
        EXPECT_NE(CbcIv(first[i]), CbcIv(other[i]));
        ivs.insert(CbcIv(first[i]));
    }
    EXPECT_EQ(ivs.size(), first.size()) << "CBC IVs repeat within a run";
}
