/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup ipsec
 * Two sites joined by a manual-key IPsec VPN, configured as Junos `security ipsec vpn ...
 * manual` would be: UDP and TCP from host A (site A) to host B (site B) cross a WAN between
 * gateway A and gateway B (IpsecTwoSiteHelper builds the network and numbers it).
 *
 *   hostA --- gwA ===== WAN ===== gwB --- hostB
 *
 * --ip chooses the families: 4 (10.x sites, 192.0.2.0/30 WAN), 6 (fd00:1:1::/64 and
 * fd00:2:1::/64 sites, fd00:ff::/64 WAN), 4in6 (IPv4 sites over the IPv6 WAN) and 6in4. In tunnel
 * mode the gateways protect the sites' traffic; in transport mode (4 and 6 only) the hosts
 * protect their own traffic end to end (the gateways only route).
 *
 * --pcap writes <prefix>-wan.pcap (gateway A's WAN link) and --keys writes Wireshark's
 * esp_sa table: with both, Wireshark/tshark decrypts every ESP packet of the capture, e.g.
 *   test/tools/tshark-esp-decrypt <prefix>-wan.pcap <keys>
 * Wireshark decrypts ESP but checks no AH ICVs, and cannot check the ICV of a bundle's ESP
 * (its integrity is AH's).
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/crypto-algorithm-table.h"
#include "ns3/internet-module.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-two-site-helper.h"
#include "ns3/point-to-point-module.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("IpsecManualSaExample");

namespace
{

/// Keying material for an algorithm: fixed bytes, so runs and key tables are reproducible.
std::string
ExampleKey(size_t bytes, uint8_t first)
{
    CryptoBytes key(bytes);
    for (size_t i = 0; i < bytes; ++i)
    {
        key[i] = static_cast<uint8_t>(first + 7 * i);
    }
    return CryptoToHex(key);
}

void
PrintCounters(const std::string& name, Ptr<IpsecL3Protocol> ipsec)
{
    const IpsecNodeCounters& counters = ipsec->GetCounters();
    std::cout << "  " << std::left << std::setw(6) << name << " esp encrypted "
              << counters.espEncrypted << ", esp decrypted " << counters.espDecrypted
              << ", ah sent " << counters.ahSent << ", ah accepted " << counters.ahAccepted
              << ", bypassed " << counters.bypassed;
    for (size_t reason = 0; reason < IPSEC_DROP_REASON_COUNT; ++reason)
    {
        if (counters.drops[reason])
        {
            std::cout << ", dropped (" << IpsecDropReasonName(static_cast<IpsecDropReason>(reason))
                      << ") " << counters.drops[reason];
        }
    }
    std::cout << "\n";
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string protocol = "esp";
    std::string mode = "tunnel";
    std::string encryption = "aes-128-gcm";
    std::string authentication = "";
    std::string ip = "4";
    std::string pcap;
    std::string keys;
    uint32_t udpPackets = 100;
    uint32_t tcpBytes = 200000;
    std::string dfBit = "clear";
    bool udpEncapsulation = false;

    CommandLine cmd(__FILE__);
    cmd.AddValue("protocol", "esp, ah, or bundle (ESP inside AH)", protocol);
    cmd.AddValue("mode", "tunnel (gateways protect the sites) or transport (hosts)", mode);
    cmd.AddValue("encryption",
                 "Junos encryption algorithm, e.g. aes-128-gcm, aes-256-cbc, null",
                 encryption);
    cmd.AddValue("authentication",
                 "Junos authentication algorithm, e.g. hmac-sha-256-128 (none with GCM)",
                 authentication);
    cmd.AddValue("ip", "families of the sites and the WAN: 4, 6, 4in6 or 6in4", ip);
    cmd.AddValue("df-bit", "outer DF bit in tunnel mode: clear, set or copy", dfBit);
    cmd.AddValue("udp-encapsulation",
                 "ESP in UDP port 4500 (RFC 3948), as NAT traversal sends it",
                 udpEncapsulation);
    cmd.AddValue("udp-packets", "UDP datagrams host A sends to host B", udpPackets);
    cmd.AddValue("tcp-bytes", "bytes host A sends to host B over TCP", tcpBytes);
    cmd.AddValue("pcap", "file prefix for a pcap of the WAN (<prefix>-wan.pcap)", pcap);
    cmd.AddValue("keys", "path of the Wireshark esp_sa key table to write", keys);
    cmd.Parse(argc, argv);

    const std::map<std::string, IpsecProtocol> protocols = {{"esp", IpsecProtocol::ESP},
                                                            {"ah", IpsecProtocol::AH},
                                                            {"bundle", IpsecProtocol::BUNDLE}};
    if (!protocols.count(protocol))
    {
        std::cerr << "error: --protocol=" << protocol << ": allowed are esp, ah, bundle\n";
        return 2;
    }
    IpsecIpPlan plan;
    try
    {
        plan = IpsecParseIpPlan(ip, "--ip");
    }
    catch (const std::invalid_argument& error)
    {
        std::cerr << "error: " << error.what() << "\n";
        return 2;
    }
    if (protocol != "esp" && authentication.empty())
    {
        std::cerr << "error: --protocol=" << protocol
                  << " needs --authentication (AH authenticates), e.g. hmac-sha-256-128\n";
        return 2;
    }
    if (mode != "tunnel" && mode != "transport")
    {
        std::cerr << "error: --mode=" << mode << ": allowed are tunnel, transport\n";
        return 2;
    }
    const std::map<std::string, IpsecDfBitMode> dfBits = {{"clear", IpsecDfBitMode::CLEAR},
                                                          {"set", IpsecDfBitMode::SET},
                                                          {"copy", IpsecDfBitMode::COPY}};
    if (!dfBits.count(dfBit))
    {
        std::cerr << "error: --df-bit=" << dfBit << ": allowed are clear, set, copy\n";
        return 2;
    }
    // Real checksums, so that captures show no checksum errors.
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));

    IpsecTwoSiteHelper network;
    network.SetChannelAttribute("Delay", StringValue("2ms"));
    const IpsecTwoSite net = network.Build(plan);

    IpsecManualSaConfig vpn;
    vpn.spi = 0x1001;
    vpn.protocol = protocols.at(protocol);
    vpn.encryption = encryption;
    vpn.authentication = authentication;
    vpn.dfBit = dfBits.at(dfBit);
    vpn.udpEncapsulation = udpEncapsulation;
    NodeContainer protectors;
    try
    {
        const auto& cipher = CryptoAlgorithmTable::GetEncryption(encryption, "--encryption");
        vpn.encryptionKey = ExampleKey(cipher.KeyMaterialBytes(), 0x10);
        if (!authentication.empty())
        {
            const auto& integrity =
                CryptoAlgorithmTable::GetIntegrity(authentication, "--authentication");
            vpn.authenticationKey = ExampleKey(integrity.keyBytes, 0x80);
        }
        const IpsecManualSaConfig endpoints =
            mode == "tunnel" ? net.SiteToSiteVpn("site-a-to-b") : net.HostToHostVpn("host-a-to-b");
        protectors = mode == "tunnel" ? net.gateways : net.hosts;
        vpn.name = endpoints.name;
        vpn.mode = endpoints.mode;
        vpn.localGateway = endpoints.localGateway;
        vpn.remoteGateway = endpoints.remoteGateway;
        vpn.localTrafficSelector = endpoints.localTrafficSelector;
        vpn.remoteTrafficSelector = endpoints.remoteTrafficSelector;
        IpsecHelper ipsec;
        ipsec.Install(protectors);
        IpsecHelper::AssignStreams(protectors, 1000);
        IpsecHelper::AddManualSa(protectors.Get(0), vpn);
        IpsecHelper::AddManualSa(protectors.Get(1), IpsecHelper::Mirror(vpn));
    }
    catch (const std::invalid_argument& error)
    {
        std::cerr << "error: " << error.what() << "\n";
        return 2;
    }

    const uint16_t udpPort = 9000;
    const uint16_t tcpPort = 9001;
    UdpServerHelper udpServer(udpPort);
    ApplicationContainer servers = udpServer.Install(net.hosts.Get(1));
    PacketSinkHelper tcpSink("ns3::TcpSocketFactory", net.AnySocketAddress(tcpPort));
    servers.Add(tcpSink.Install(net.hosts.Get(1)));
    UdpClientHelper udpClient(net.HostAddress(1), udpPort);
    udpClient.SetAttribute("MaxPackets", UintegerValue(udpPackets));
    udpClient.SetAttribute("Interval", TimeValue(MilliSeconds(10)));
    udpClient.SetAttribute("PacketSize", UintegerValue(1000));
    ApplicationContainer clients = udpClient.Install(net.hosts.Get(0));
    BulkSendHelper tcpClient("ns3::TcpSocketFactory", net.HostSocketAddress(1, tcpPort));
    tcpClient.SetAttribute("MaxBytes", UintegerValue(tcpBytes));
    clients.Add(tcpClient.Install(net.hosts.Get(0)));
    servers.Start(Seconds(0));
    const Time start = std::max(Seconds(1), net.ready);
    clients.Start(start);

    if (!pcap.empty())
    {
        network.GetLinkHelper().EnablePcap(pcap + "-wan.pcap", net.wan.Get(0), false, true);
    }
    Simulator::Stop(start + MilliSeconds(10) * udpPackets + Seconds(5));
    Simulator::Run();

    const uint32_t udpReceived = DynamicCast<UdpServer>(servers.Get(0))->GetReceived();
    const uint64_t tcpReceived = DynamicCast<PacketSink>(servers.Get(1))->GetTotalRx();
    std::cout << protocol << " " << mode << " mode, IP " << ip << ", "
              << (protocol == "ah" ? "" : encryption)
              << (authentication.empty() ? "" : " + " + authentication) << "\n"
              << "  UDP: sent " << udpPackets << ", received " << udpReceived << "\n"
              << "  TCP: sent " << tcpBytes << " bytes, received " << tcpReceived << " bytes\n";
    PrintCounters(mode == "tunnel" ? "gwA" : "hostA", IpsecHelper::Get(protectors.Get(0)));
    PrintCounters(mode == "tunnel" ? "gwB" : "hostB", IpsecHelper::Get(protectors.Get(1)));
    if (!keys.empty())
    {
        uint32_t written = IpsecHelper::WriteWiresharkKeys(protectors, keys);
        std::cout << "  wrote " << written << " SAs to " << keys << "\n";
    }
    Simulator::Destroy();
    return udpReceived == udpPackets && tcpReceived == tcpBytes ? 0 : 1;
}
