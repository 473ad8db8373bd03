/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Whole small simulations: two sites joined by manual-key ESP tunnels.
 */
#include "ipsec-two-site-network.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/ipsec-esp-transform.h"
#include "ns3/virtual-net-device.h"

#include <gtest/gtest.h>

using namespace ns3;
using ns3::test::TwoSiteNetwork;

namespace
{

constexpr uint8_t ESP = 50;
constexpr uint8_t UDP = 17;

/// Keying material of the right length for an algorithm (a recognisable pattern).
std::string
KeyFor(size_t bytes, uint8_t seed)
{
    CryptoBytes key(bytes);
    for (size_t i = 0; i < bytes; ++i)
    {
        key[i] = static_cast<uint8_t>(seed + i);
    }
    return CryptoToHex(key);
}

} // namespace

TEST(IpsecTunnel, UdpCrossesTheWanOnlyAsEsp)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
    net.RunUdp(20, 1000);
    EXPECT_EQ(net.Delivered(), 20u);
    EXPECT_EQ(net.WanProtocols().count(UDP), 0u) << "plaintext UDP leaked onto the WAN";
    EXPECT_EQ(net.WanProtocols().at(ESP), 20u);
    EXPECT_EQ(net.IpsecA()->GetCounters().espEncrypted, 20u);
    EXPECT_EQ(net.IpsecB()->GetCounters().espDecrypted, 20u);
}

TEST(IpsecTunnel, EveryEncryptionAndIntegrityAlgorithmDelivers)
{
    for (const auto& encryption : CryptoAlgorithmTable::EncryptionAlgorithms())
    {
        std::vector<const CryptoIntegrityAlgorithm*> integrities;
        if (encryption.IsAead())
        {
            integrities.push_back(nullptr);
        }
        else
        {
            for (const auto& integrity : CryptoAlgorithmTable::IntegrityAlgorithms())
            {
                integrities.push_back(&integrity);
            }
        }
        for (const auto* integrity : integrities)
        {
            SCOPED_TRACE(std::string(encryption.name) + " / " +
                         (integrity ? integrity->name : "(aead)"));
            TwoSiteNetwork net;
            IpsecManualSaConfig vpn = net.VpnConfig();
            vpn.encryption = encryption.name;
            vpn.encryptionKey = KeyFor(encryption.KeyMaterialBytes(), 1);
            vpn.authentication = integrity ? integrity->name : "";
            vpn.authenticationKey = integrity ? KeyFor(integrity->keyBytes, 101) : "";
            net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
            net.RunUdp(5, 333);
            EXPECT_EQ(net.Delivered(), 5u);
            EXPECT_EQ(net.WanProtocols().count(UDP), 0u);
        }
    }
}

TEST(IpsecTunnel, MismatchedKeysAreDroppedAsIcvFailures)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
    peer.encryptionKey = "ff0102030405060708090a0b0c0d0e0fcafebabe";
    net.InstallVpn(vpn, peer);
    net.RunUdp(10, 200);
    EXPECT_EQ(net.Delivered(), 0u);
    EXPECT_EQ(net.Drops(1, IpsecDropReason::ICV_FAILURE), 10u);
}

TEST(IpsecTunnel, UnknownSpiIsDroppedAsNoSa)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
    peer.spi = 0x9999;
    net.InstallVpn(vpn, peer);
    net.RunUdp(7, 200);
    EXPECT_EQ(net.Delivered(), 0u);
    EXPECT_EQ(net.Drops(1, IpsecDropReason::NO_SA), 7u);
}

TEST(IpsecTunnel, RouteBasedTunnelCarriesTrafficRoutedToIt)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    vpn.routeBased = true;
    IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
    IpsecManualSaResult a = IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
    IpsecManualSaResult b = IpsecHelper::AddManualSa(net.gateways.Get(1), peer);
    // Like Junos: a static route to st0 selects the tunnel.
    IpsecHelper::AddTunnelRoute(net.gateways.Get(0), a.tunnel, "10.2.1.0/24");
    IpsecHelper::AddTunnelRoute(net.gateways.Get(1), b.tunnel, "10.1.1.0/24");
    net.RunUdp(12, 500);
    EXPECT_EQ(net.Delivered(), 12u);
    EXPECT_EQ(net.WanProtocols().count(UDP), 0u);
    EXPECT_EQ(net.WanProtocols().at(ESP), 12u);
}

TEST(IpsecTunnel, TrafficRoutedIntoATunnelWithoutSasIsDroppedNotSentInTheClear)
{
    TwoSiteNetwork net;
    Ptr<VirtualNetDevice> st0 = net.IpsecA()->AddTunnelInterface();
    IpsecHelper::AddTunnelRoute(net.gateways.Get(0), st0, "10.2.1.0/24");
    net.RunUdp(6, 300);
    EXPECT_EQ(net.Delivered(), 0u);
    EXPECT_EQ(net.WanProtocols().count(UDP), 0u) << "plaintext leaked onto the WAN";
    EXPECT_EQ(net.Drops(0, IpsecDropReason::NO_OUTBOUND_SA), 6u);
}

TEST(IpsecTunnel, RouteBasedAndPolicyBasedVpnsOnOneGatewayKeepTheirOwnSas)
{
    // A route-based VPN created first must not become the interface policy-based VPNs use.
    TwoSiteNetwork net;
    IpsecManualSaConfig routed = net.VpnConfig();
    routed.name = "routed";
    routed.routeBased = true;
    routed.spi = 0x100;
    routed.localTrafficSelector = "10.1.9.0/24";
    routed.remoteTrafficSelector = "10.2.9.0/24";
    IpsecHelper::AddManualSa(net.gateways.Get(0), routed);
    IpsecHelper::AddManualSa(net.gateways.Get(1), IpsecHelper::Mirror(routed));
    IpsecManualSaConfig policy = net.VpnConfig();
    policy.spi = 0x200;
    net.InstallVpn(policy, IpsecHelper::Mirror(policy));
    net.RunUdp(7, 300);
    EXPECT_EQ(net.Delivered(), 7u);
    EXPECT_EQ(net.Drops(1, IpsecDropReason::SELECTOR_MISMATCH), 0u);
    EXPECT_EQ(net.IpsecB()
                  ->GetSad()
                  ->FindInbound(IpsecIpAddress(Ipv4Address("192.0.2.2")), IpsecProtocol::ESP, 0x200)
                  ->GetCounters()
                  .packets,
              7u);
}

TEST(IpsecTunnel, AhTunnelCarriesTraffic)
{
    // AH in transport mode is checked end to end by the ipsec-manual-sa pcap sweep (hosts
    // protecting their own traffic).
    constexpr uint8_t AH = 51;
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    vpn.protocol = IpsecProtocol::AH;
    vpn.authentication = "hmac-sha-256-128";
    vpn.authenticationKey = KeyFor(32, 7);
    net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
    net.RunUdp(9, 400);
    EXPECT_EQ(net.Delivered(), 9u);
    EXPECT_EQ(net.WanProtocols().count(UDP), 0u);
    EXPECT_EQ(net.WanProtocols().at(AH), 9u);
    EXPECT_EQ(net.IpsecA()->GetCounters().ahSent, 9u);
    EXPECT_EQ(net.IpsecB()->GetCounters().ahAccepted, 9u);
}

TEST(IpsecTunnel, BundleIsEspInsideAh)
{
    constexpr uint8_t AH = 51;
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    vpn.protocol = IpsecProtocol::BUNDLE;
    vpn.encryption = "aes-256-cbc";
    vpn.encryptionKey = KeyFor(32, 3);
    vpn.authentication = "hmac-sha1-96";
    vpn.authenticationKey = KeyFor(20, 9);
    net.InstallVpn(vpn, IpsecHelper::Mirror(vpn));
    net.RunUdp(6, 700);
    EXPECT_EQ(net.Delivered(), 6u);
    EXPECT_EQ(net.WanProtocols().size(), 1u) << "only AH on the WAN";
    EXPECT_EQ(net.WanProtocols().at(AH), 6u);
    EXPECT_EQ(net.IpsecA()->GetCounters().espEncrypted, 6u);
    EXPECT_EQ(net.IpsecA()->GetCounters().ahSent, 6u);
    EXPECT_EQ(net.IpsecB()->GetCounters().ahAccepted, 6u);
    EXPECT_EQ(net.IpsecB()->GetCounters().espDecrypted, 6u);
}

TEST(IpsecTunnel, MismatchedAhKeysAreIcvFailures)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    vpn.protocol = IpsecProtocol::AH;
    vpn.authentication = "hmac-md5-96";
    vpn.authenticationKey = KeyFor(16, 1);
    IpsecManualSaConfig peer = IpsecHelper::Mirror(vpn);
    peer.authenticationKey = KeyFor(16, 2);
    net.InstallVpn(vpn, peer);
    net.RunUdp(5, 100);
    EXPECT_EQ(net.Delivered(), 0u);
    EXPECT_EQ(net.Drops(1, IpsecDropReason::ICV_FAILURE), 5u);
}

TEST(IpsecTunnel, AhWithoutAuthenticationIsAConfigurationError)
{
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    vpn.protocol = IpsecProtocol::AH;
    try
    {
        IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
        ADD_FAILURE() << "AH without an authentication algorithm was accepted";
    }
    catch (const std::invalid_argument& error)
    {
        EXPECT_NE(std::string(error.what()).find("AH needs an authentication algorithm"),
                  std::string::npos)
            << error.what();
    }
}

TEST(IpsecTunnel, AuthenticatedButMalformedInnerHeadersAreDropped)
{
    // Found by the fuzzer: a peer with the right keys can encrypt anything. An inner IPv4
    // header that lies about its own length must be dropped before ns-3 parses it.
    TwoSiteNetwork net;
    IpsecManualSaConfig vpn = net.VpnConfig();
    IpsecManualSaResult a = IpsecHelper::AddManualSa(net.gateways.Get(0), vpn);
    IpsecHelper::AddManualSa(net.gateways.Get(1), IpsecHelper::Mirror(vpn));
    const CryptoBytes validInner = CryptoFromHex("4500001c0000000040110000"
                                                 "0a0101010a020101"
                                                 "1f4023280008000000");

    struct Case
    {
        const char* what;
        size_t offset;
        uint8_t value;
    };

    for (const Case& bad : {Case{"IHL of 1 word", 0, 0x41},
                            Case{"version 5", 0, 0x55},
                            Case{"total length beyond the packet", 3, 0xff}})
    {
        SCOPED_TRACE(bad.what);
        CryptoBytes inner = validInner;
        inner[bad.offset] = bad.value;
        IpsecDropReason reason = IpsecDropReason::CRYPTO_ERROR;
        Ptr<Packet> esp = IpsecEspTransform::Protect(*a.outboundSa,
                                                     Create<Packet>(inner.data(), inner.size()),
                                                     4,
                                                     *net.IpsecA()->GetRandom(),
                                                     &reason);
        ASSERT_TRUE(esp);
        Ipv4Header outer;
        outer.SetSource(Ipv4Address("192.0.2.1"));
        outer.SetDestination(Ipv4Address("192.0.2.2"));
        outer.SetProtocol(ESP);
        outer.SetPayloadSize(esp->GetSize());
        const uint64_t before = net.Drops(1, IpsecDropReason::MALFORMED);
        net.IpsecB()->ReceiveEsp(esp, IpsecIpHeader(outer));
        EXPECT_EQ(net.Drops(1, IpsecDropReason::MALFORMED), before + 1);
    }
    net.RunUdp(3, 100); // the tunnel still works afterwards
    EXPECT_EQ(net.Delivered(), 3u);
}
