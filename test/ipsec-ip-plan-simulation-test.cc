/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Whole small simulations of the data plane for every IP plan: 4in4, 6in6, 4in6 and 6in4
 * tunnels, IPv4 and IPv6 transport mode, and the IPv6-specific paths (local-delivery gate,
 * "packet too big", neighbour discovery on tunnel interfaces).
 */
#include "ipsec-test-sa.h"
#include "ipsec-test-wan-tap.h"
#include "ipsec-two-site-network.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/pointer.h"

#include <functional>
#include <gtest/gtest.h>

using namespace ns3;
using ns3::test::BitFlipErrorModel;
using ns3::test::TwoSiteNetwork;
using ns3::test::WanReplayer;

namespace
{

constexpr uint8_t UDP = 17;
constexpr uint8_t ESP = 50;
constexpr uint8_t AH = 51;
constexpr uint16_t PORT = 9000;

/// \return hex keying material of a recognisable pattern
std::string
Key(size_t bytes, uint8_t seed)
{
    return CryptoToHex(ns3::test::Pattern(bytes, seed));
}

/// \param vpn a manual VPN \param protocol ESP, AH or BUNDLE: sets algorithms and keys for it
void
UseProtocol(IpsecManualSaConfig* vpn, IpsecProtocol protocol)
{
    vpn->protocol = protocol;
    if (protocol == IpsecProtocol::ESP)
    {
        return; // the fixture's aes-128-gcm
    }
    vpn->encryption = "aes-256-cbc";
    vpn->encryptionKey = Key(32, 3);
    vpn->authentication = "hmac-sha-256-128";
    vpn->authenticationKey = Key(32, 9);
}

/// \return a transport-mode VPN between the two gateways' WAN addresses
IpsecManualSaConfig
GatewayTransportVpn(const TwoSiteNetwork& net)
{
    IpsecManualSaConfig vpn = net.VpnConfig();
    const std::string host = net.Net().WanIsIpv6() ? "/128" : "/32";
    vpn.mode = IpsecMode::TRANSPORT;
    vpn.localTrafficSelector = vpn.localGateway + host;
    vpn.remoteTrafficSelector = vpn.remoteGateway + host;
    return vpn;
}

constexpr uint8_t ICMPV6 = 58;

/// \return the WAN's packets by protocol, without the links' own ICMPv6 (neighbour discovery)
std::map<uint8_t, uint32_t>
WanProtocolsBesidesIcmpv6(const TwoSiteNetwork& net)
{
    std::map<uint8_t, uint32_t> protocols = net.WanProtocols();
    protocols.erase(ICMPV6);
    return protocols;
}

/// \return gateway's WAN address, for a socket to send to
Address
GatewayAddress(const TwoSiteNetwork& net, uint32_t gateway)
{
    const IpsecIpAddress& address = net.Net().gatewayWanAddresses[gateway];
    return address.IsIpv6() ? Address(address.GetIpv6()) : Address(address.GetIpv4());
}

/// \return the IP version of every packet that crossed the WAN, and how many had each
std::map<uint8_t, uint32_t>
WanIpVersions(const TwoSiteNetwork& net)
{
    std::map<uint8_t, uint32_t> versions;
    for (const auto& packet : net.WanPackets())
    {
        uint8_t first = 0;
        packet->CopyData(&first, 1);
        versions[first >> 4]++;
    }
    return versions;
}

/// \return a UDP flow hostA -> hostB added to net
uint32_t
HostFlow(TwoSiteNetwork& net, uint32_t count, uint32_t size)
{
    return net.AddUdpFlow(net.hosts.Get(0),
                          net.hosts.Get(1),
                          net.Net().HostAddress(1),
                          PORT,
                          count,
                          size);
}

/// \return the plan's name for test names
std::string
PlanName(const ::testing::TestParamInfo<IpsecIpPlan>& info)
{
    const std::string name = IpsecIpPlanName(info.param);
    return "Ip" + name;
}

/// Every test of this suite runs for each IP plan.
class IpsecIpPlanTest : public ::testing::TestWithParam<IpsecIpPlan>
{
  protected:
    /// \return true if transport mode is possible (one family end to end)
    bool TransportPossible() const
    {
        return GetParam() == IpsecIpPlan::IPV4 || GetParam() == IpsecIpPlan::IPV6;
    }
};

} // namespace

TEST_P(IpsecIpPlanTest, EveryProtocolAndModeDeliversAndOnlyProtectedPacketsCrossTheWan)
{
    for (IpsecProtocol protocol : {IpsecProtocol::ESP, IpsecProtocol::AH, IpsecProtocol::BUNDLE})
    {
        for (IpsecMode mode : {IpsecMode::TUNNEL, IpsecMode::TRANSPORT})
        {
            if (mode == IpsecMode::TRANSPORT && !TransportPossible())
            {
                continue;
            }
            SCOPED_TRACE(std::string(mode == IpsecMode::TUNNEL ? "tunnel " : "transport ") +
                         std::to_string(static_cast<int>(protocol)));
            TwoSiteNetwork net(GetParam());
            IpsecManualSaConfig vpn =
                mode == IpsecMode::TUNNEL ? net.VpnConfig() : GatewayTransportVpn(net);
            UseProtocol(&vpn, protocol);
            net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
            // Tunnel mode protects the sites; transport mode the gateways' own traffic.
            uint32_t flow = mode == IpsecMode::TUNNEL ? HostFlow(net, 10, 500)
                                                      : net.AddUdpFlow(net.gateways.Get(0),
                                                                       net.gateways.Get(1),
                                                                       GatewayAddress(net, 1),
                                                                       PORT,
                                                                       10,
                                                                       500);
            net.Run(Seconds(4));
            EXPECT_EQ(net.Received(flow), 10u);
            const uint8_t outer = protocol == IpsecProtocol::ESP ? ESP : AH;
            const auto protocols = WanProtocolsBesidesIcmpv6(net);
            EXPECT_EQ(protocols.size(), 1u) << "only protected packets on the WAN";
            EXPECT_EQ(protocols.count(outer) ? protocols.at(outer) : 0, 10u);
            const uint8_t wanVersion = net.Net().WanIsIpv6() ? 6 : 4;
            EXPECT_EQ(WanIpVersions(net).count(wanVersion), 1u);
            EXPECT_EQ(WanIpVersions(net).size(), 1u) << "the WAN carries one family";
            for (uint32_t gateway : {0u, 1u})
            {
                Ptr<IpsecL3Protocol> ipsec = gateway == 0 ? net.IpsecA() : net.IpsecB();
                for (uint64_t drops : ipsec->GetCounters().drops)
                {
                    EXPECT_EQ(drops, 0u);
                }
            }
        }
    }
}

TEST_P(IpsecIpPlanTest, EveryAlgorithmDelivers)
{
    for (const auto& encryption : CryptoAlgorithmTable::EncryptionAlgorithms())
    {
        SCOPED_TRACE(encryption.name);
        TwoSiteNetwork net(GetParam());
        IpsecManualSaConfig vpn = net.VpnConfig();
        vpn.encryption = encryption.name;
        vpn.encryptionKey = Key(encryption.KeyMaterialBytes(), 1);
        if (!encryption.IsAead())
        {
            vpn.authentication = "hmac-sha1-96";
            vpn.authenticationKey = Key(20, 101);
        }
        net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
        uint32_t flow = HostFlow(net, 4, 333);
        net.Run(Seconds(3));
        EXPECT_EQ(net.Received(flow), 4u);
        EXPECT_EQ(net.WanProtocols().count(UDP), 0u);
    }
    for (const auto& integrity : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        SCOPED_TRACE(integrity.name);
        TwoSiteNetwork net(GetParam());
        IpsecManualSaConfig vpn = net.VpnConfig();
        vpn.protocol = IpsecProtocol::AH;
        vpn.authentication = integrity.name;
        vpn.authenticationKey = Key(integrity.keyBytes, 7);
        net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
        uint32_t flow = HostFlow(net, 4, 333);
        net.Run(Seconds(3));
        EXPECT_EQ(net.Received(flow), 4u);
        EXPECT_EQ(net.WanProtocols().at(AH), 4u);
    }
}

TEST_P(IpsecIpPlanTest, MismatchedKeysAndUnknownSpisAreDroppedWithTheirReason)
{
    {
        TwoSiteNetwork net(GetParam());
        IpsecManualSaConfig vpn = net.VpnConfig();
        IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
        peer.encryptionKey = Key(20, 200);
        net.InstallVpn(vpn, peer);
        uint32_t flow = HostFlow(net, 6, 200);
        net.Run(Seconds(3));
        EXPECT_EQ(net.Received(flow), 0u);
        EXPECT_EQ(net.Drops(1, IpsecDropReason::ICV_FAILURE), 6u);
    }
    {
        TwoSiteNetwork net(GetParam());
        IpsecManualSaConfig vpn = net.VpnConfig();
        IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
        peer.spi = 0x7777;
        net.InstallVpn(vpn, peer);
        uint32_t flow = HostFlow(net, 5, 200);
        net.Run(Seconds(3));
        EXPECT_EQ(net.Received(flow), 0u);
        EXPECT_EQ(net.Drops(1, IpsecDropReason::NO_SA), 5u);
    }
}

TEST_P(IpsecIpPlanTest, ReplayedEspAndAhPacketsAreDropped)
{
    for (IpsecProtocol protocol : {IpsecProtocol::ESP, IpsecProtocol::AH})
    {
        SCOPED_TRACE(protocol == IpsecProtocol::ESP ? "esp" : "ah");
        TwoSiteNetwork net(GetParam());
        IpsecManualSaConfig vpn = net.VpnConfig();
        UseProtocol(&vpn, protocol);
        net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
        WanReplayer replayer(net.WanDevice(0),
                             net.WanDevice(1)->GetAddress(),
                             protocol == IpsecProtocol::ESP ? ESP : AH,
                             3);
        uint32_t flow = HostFlow(net, 8, 200);
        net.Run(Seconds(3));
        ASSERT_EQ(replayer.Sent(), 3u);
        EXPECT_EQ(net.Received(flow), 8u) << "a replayed packet was delivered twice";
        EXPECT_EQ(net.Drops(1, IpsecDropReason::REPLAY), 3u);
    }
}

TEST_P(IpsecIpPlanTest, FlippedBitsInProtectedFieldsAreIcvFailuresAndInMutableOnesAreNot)
{
    const bool wan6 = GetParam() == IpsecIpPlan::IPV6 || GetParam() == IpsecIpPlan::IPV4_IN_IPV6;
    const uint32_t outerHeader = wan6 ? 40 : 20;

    struct Case
    {
        const char* what;
        IpsecProtocol protocol;
        uint32_t offset; //!< from the start of the outer header
        bool accepted;
    };

    // RFC 4302 section 3.3.3.1: the addresses are immutable, TTL / hop limit mutable.
    const std::vector<Case> cases = {
        {"ESP ciphertext", IpsecProtocol::ESP, outerHeader + 20, false},
        {"AH-covered source address", IpsecProtocol::AH, wan6 ? 8u : 12u, false},
        {"AH-covered payload", IpsecProtocol::AH, outerHeader + 40, false},
        {"TTL or hop limit (mutable)", IpsecProtocol::AH, wan6 ? 7u : 8u, true},
    };
    for (const Case& flip : cases)
    {
        SCOPED_TRACE(flip.what);
        TwoSiteNetwork net(GetParam());
        IpsecManualSaConfig vpn = net.VpnConfig();
        UseProtocol(&vpn, flip.protocol);
        net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
        Ptr<BitFlipErrorModel> tamper = CreateObject<BitFlipErrorModel>();
        tamper->Configure(flip.protocol == IpsecProtocol::ESP ? ESP : AH, flip.offset, 2);
        if (!wan6)
        {
            // An IPv4 header with a flipped bit fails its checksum before IPsec sees it; a
            // real router would drop it the same way. Without checksums, IPsec must notice.
            ASSERT_FALSE(Node::ChecksumEnabled());
        }
        net.WanDevice(1)->SetAttribute("ReceiveErrorModel", PointerValue(tamper));
        uint32_t flow = HostFlow(net, 6, 300);
        net.Run(Seconds(3));
        ASSERT_EQ(tamper->Flipped(), 2u);
        EXPECT_EQ(net.Received(flow), flip.accepted ? 6u : 4u);
        EXPECT_EQ(net.Drops(1, IpsecDropReason::ICV_FAILURE), flip.accepted ? 0u : 2u);
    }
}

TEST_P(IpsecIpPlanTest, UdpEncapsulatedEspDeliversAndOnlyUdp4500CrossesTheWan)
{
    TwoSiteNetwork net(GetParam());
    IpsecManualSaConfig vpn = net.VpnConfig();
    vpn.udpEncapsulation = true;
    net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
    uint32_t flow = HostFlow(net, 8, 500);
    net.Run(Seconds(4));
    EXPECT_EQ(net.Received(flow), 8u);
    const auto protocols = WanProtocolsBesidesIcmpv6(net);
    EXPECT_EQ(protocols.size(), 1u);
    EXPECT_EQ(protocols.count(UDP) ? protocols.at(UDP) : 0, 8u);
    const uint32_t outerHeader = net.Net().WanIsIpv6() ? 40 : 20;
    for (const auto& packet : net.WanPackets())
    {
        uint8_t bytes[64];
        packet->CopyData(bytes, sizeof(bytes));
        if ((bytes[0] >> 4) == 6 && bytes[6] != UDP)
        {
            continue; // the WAN link's own neighbour discovery
        }
        EXPECT_EQ(bytes[outerHeader + 2] << 8 | bytes[outerHeader + 3], 4500)
            << "RFC 3948: destination port 4500";
        EXPECT_NE(bytes[outerHeader + 8] | bytes[outerHeader + 9] | bytes[outerHeader + 10] |
                      bytes[outerHeader + 11],
                  0)
            << "an SPI, not the non-ESP marker";
    }
    EXPECT_EQ(net.IpsecB()->GetCounters().espDecrypted, 8u);
}

INSTANTIATE_TEST_SUITE_P(AllPlans,
                         IpsecIpPlanTest,
                         ::testing::Values(IpsecIpPlan::IPV4,
                                           IpsecIpPlan::IPV6,
                                           IpsecIpPlan::IPV4_IN_IPV6,
                                           IpsecIpPlan::IPV6_IN_IPV4),
                         PlanName);

TEST(IpsecIpv6Dataplane, ForwardedPlaintextWhereProtectionIsRequiredIsDropped)
{
    // Only gwB has the VPN: gwA routes site A's packets to it in the clear.
    TwoSiteNetwork net(IpsecIpPlan::IPV6);
    IpsecManualSaConfig vpn = net.VpnConfig();
    IpsecHelper::AddManualSa(net.gateways.Get(1), IpsecHelper::Mirror(vpn));
    uint32_t flow = HostFlow(net, 7, 200);
    net.Run(Seconds(3));
    EXPECT_EQ(net.WanProtocols().at(UDP), 7u);
    EXPECT_EQ(net.Received(flow), 0u);
    EXPECT_EQ(net.Drops(1, IpsecDropReason::PLAINTEXT_PROTECTED), 7u);
}

TEST(IpsecIpv6Dataplane, LocalPlaintextWhereProtectionIsRequiredIsDropped)
{
    // ns-3 delivers IPv6 packets for the node's own addresses without asking the routing
    // protocol: the local-delivery gate must catch these.
    TwoSiteNetwork net(IpsecIpPlan::IPV6);
    IpsecManualSaConfig vpn = GatewayTransportVpn(net);
    IpsecHelper::AddManualSa(net.gateways.Get(1), IpsecHelper::Mirror(vpn));
    uint32_t flow = net.AddUdpFlow(net.gateways.Get(0),
                                   net.gateways.Get(1),
                                   GatewayAddress(net, 1),
                                   PORT,
                                   5,
                                   200);
    net.Run(Seconds(3));
    EXPECT_EQ(net.WanProtocols().at(UDP), 5u);
    EXPECT_EQ(net.Received(flow), 0u);
    EXPECT_EQ(net.Drops(1, IpsecDropReason::PLAINTEXT_PROTECTED), 5u);
}

TEST(IpsecIpv6Dataplane, DecryptedPacketsOutsideTheSelectorsAreDropped)
{
    TwoSiteNetwork net(IpsecIpPlan::IPV6);
    IpsecManualSaConfig vpn = net.VpnConfig();
    IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
    peer.remoteTrafficSelector = "fd00:1:1::8000/113"; // hostA is fd00:1:1::1
    net.InstallVpn(vpn, peer);
    uint32_t flow = HostFlow(net, 6, 200);
    net.Run(Seconds(3));
    EXPECT_EQ(net.Received(flow), 0u);
    EXPECT_EQ(net.IpsecB()->GetCounters().espDecrypted, 6u);
    EXPECT_EQ(net.Drops(1, IpsecDropReason::SELECTOR_MISMATCH), 6u);
}

TEST(IpsecIpv6Dataplane, OversizePacketsGetPacketTooBigAndTheSenderFragments)
{
    // 1400-byte datagrams fit site A's link (1448 bytes) but not the 6in6 tunnel (1500 minus
    // outer header and ESP overhead): gwA answers "packet too big" (IPv6 routers never
    // fragment), hostA learns the path MTU and fragments the following datagrams itself.
    TwoSiteNetwork net(IpsecIpPlan::IPV6);
    IpsecManualSaConfig vpn = net.VpnConfig();
    net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
    uint32_t flow = HostFlow(net, 5, 1400);
    net.Run(Seconds(3));
    EXPECT_EQ(net.Received(flow), 4u) << "all but the datagram that taught hostA the MTU";
    EXPECT_EQ(net.WanProtocols().at(ESP), 8u) << "two fragments of each later datagram";
    for (const auto& packet : net.WanPackets())
    {
        EXPECT_LE(packet->GetSize(), 1500u);
    }
}

TEST(IpsecIpv6Dataplane, TunnelInterfacesAbsorbTheirOwnNeighbourDiscovery)
{
    TwoSiteNetwork net(IpsecIpPlan::IPV6);
    IpsecManualSaConfig vpn = net.VpnConfig();
    net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
    uint32_t flow = HostFlow(net, 3, 100);
    net.Run(Seconds(3));
    EXPECT_EQ(net.Received(flow), 3u);
    // Duplicate address detection of the tunnel interface's link-local address.
    EXPECT_GE(net.IpsecA()->GetCounters().linkScopedOnTunnel, 1u);
    // The WAN link has neighbour discovery of its own, but none from the tunnel interfaces.
    for (Ptr<IpsecL3Protocol> ipsec : {net.IpsecA(), net.IpsecB()})
    {
        const Ipv6Address tunnel = Ipv6Address::MakeAutoconfiguredLinkLocalAddress(
            ipsec->GetDefaultTunnelInterface()->GetAddress());
        for (const auto& packet : net.WanPackets())
        {
            Ipv6Header ip;
            packet->PeekHeader(ip);
            EXPECT_NE(ip.GetSource(), tunnel);
        }
    }
    EXPECT_EQ(WanProtocolsBesidesIcmpv6(net).size(), 1u);
}

TEST(IpsecIpv6Dataplane, RouteBasedTunnelCarriesIpv6RoutedToIt)
{
    TwoSiteNetwork net(IpsecIpPlan::IPV6_IN_IPV4);
    IpsecManualSaConfig vpn = net.VpnConfig();
    vpn.routeBased = true;
    IpsecManualSaResult a = IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
    IpsecManualSaResult b = IpsecHelper::AddManualSa(net.gateways.Get(1), IpsecHelper::Mirror(vpn));
    IpsecHelper::AddTunnelRoute(net.gateways.Get(0), a.tunnel, "fd00:2:1::/64");
    IpsecHelper::AddTunnelRoute(net.gateways.Get(1), b.tunnel, "fd00:1:1::/64");
    uint32_t flow = HostFlow(net, 9, 400);
    net.Run(Seconds(3));
    EXPECT_EQ(net.Received(flow), 9u);
    EXPECT_EQ(net.WanProtocols().at(ESP), 9u);
    EXPECT_EQ(WanIpVersions(net).at(4), 9u);
}

TEST(IpsecIpv6Dataplane, FamilyMismatchesAreConfigurationErrorsNamingTheValues)
{
    TwoSiteNetwork net(IpsecIpPlan::IPV6);

    struct Case
    {
        const char* what;
        std::function<void(IpsecManualSaConfig*)> edit;
        const char* message;
    };

    const std::vector<Case> cases = {
        {"gateways of two families",
         [](IpsecManualSaConfig* vpn) { vpn->remoteGateway = "192.0.2.2"; },
         "are of different address families"},
        {"selectors of two families",
         [](IpsecManualSaConfig* vpn) { vpn->remoteTrafficSelector = "10.2.1.0/24"; },
         "are of different address families"},
        {"transport mode across families",
         [](IpsecManualSaConfig* vpn) {
             vpn->mode = IpsecMode::TRANSPORT;
             vpn->localTrafficSelector = "10.1.1.1/32";
             vpn->remoteTrafficSelector = "10.2.1.1/32";
         },
         "4in6 and 6in4 need tunnel mode"},
    };
    for (const Case& bad : cases)
    {
        SCOPED_TRACE(bad.what);
        IpsecManualSaConfig vpn = net.VpnConfig();
        bad.edit(&vpn);
        try
        {
            IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
            ADD_FAILURE() << "accepted";
        }
        catch (const std::invalid_argument& error)
        {
            EXPECT_NE(std::string(error.what()).find(bad.message), std::string::npos)
                << error.what();
            EXPECT_NE(std::string(error.what()).find("site-a-to-b"), std::string::npos)
                << error.what();
        }
    }
}

TEST(IpsecIpv6Dataplane, IpPlansParseAndTransportNeedsOneFamily)
{
    EXPECT_EQ(IpsecParseIpPlan("4in6", "--ip"), IpsecIpPlan::IPV4_IN_IPV6);
    try
    {
        IpsecParseIpPlan("5", "--ip");
        ADD_FAILURE() << "accepted";
    }
    catch (const std::invalid_argument& error)
    {
        EXPECT_STREQ(error.what(), "--ip=5: allowed are 4, 6, 4in6, 6in4");
    }
    TwoSiteNetwork net(IpsecIpPlan::IPV6_IN_IPV4);
    EXPECT_THROW(net.Net().HostToHostVpn("x"), std::invalid_argument);
    EXPECT_EQ(net.Net().SiteToSiteVpn("x").localTrafficSelector, "fd00:1:1::/64");
    EXPECT_EQ(net.Net().SiteToSiteVpn("x").localGateway, "192.0.2.1");
}
