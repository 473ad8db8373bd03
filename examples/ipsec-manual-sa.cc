/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup ipsec
 * Two sites joined by a manual-key IPsec VPN, configured as Junos `security ipsec vpn ...
 * manual` would be: UDP and TCP from host A (site A, 10.1.1.0/24) to host B (site B,
 * 10.2.1.0/24) cross a WAN between gateway A (192.0.2.1) and gateway B (192.0.2.2).
 *
 *   hostA --- gwA ===== WAN ===== gwB --- hostB
 *
 * In tunnel mode the gateways protect the sites' traffic; in transport mode the hosts protect
 * their own traffic end to end (the gateways only route).
 *
 * --pcap writes <prefix>-wan.pcap (gateway A's WAN link) and --keys writes Wireshark's
 * esp_sa table: with both, Wireshark/tshark decrypts every ESP packet of the capture, e.g.
 *   test/tools/tshark-esp-decrypt <prefix>-wan.pcap <keys>
 *
 * Implemented so far: ESP, AH and AH+ESP bundles over IPv4, tunnel and transport mode, every
 * encryption and integrity algorithm of the crypto layer. IPv6 (--ip=6, 4in6, 6in4) is not
 * implemented yet: asking for it is an error that says so. Wireshark decrypts ESP but checks no
 * AH ICVs, and cannot check the ICV of a bundle's ESP (its integrity is AH's).
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/crypto-algorithm-table.h"
#include "ns3/internet-module.h"
#include "ns3/ipsec-helper.h"
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

    CommandLine cmd(__FILE__);
    cmd.AddValue("protocol", "esp, ah, or bundle (ESP inside AH)", protocol);
    cmd.AddValue("mode", "tunnel (gateways protect the sites) or transport (hosts)", mode);
    cmd.AddValue("encryption",
                 "Junos encryption algorithm, e.g. aes-128-gcm, aes-256-cbc, null",
                 encryption);
    cmd.AddValue("authentication",
                 "Junos authentication algorithm, e.g. hmac-sha-256-128 (none with GCM)",
                 authentication);
    cmd.AddValue("ip", "4 (6, 4in6, 6in4: not implemented yet)", ip);
    cmd.AddValue("df-bit", "outer DF bit in tunnel mode: clear, set or copy", dfBit);
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
    if (ip != "4")
    {
        std::cerr << "error: --ip=" << ip
                  << ": only IPv4 is implemented so far (6, 4in6 and 6in4 are not)\n";
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

    NodeContainer hosts;
    hosts.Create(2);
    NodeContainer gateways;
    gateways.Create(2);
    InternetStackHelper stack;
    stack.Install(hosts);
    stack.Install(gateways);
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    link.SetChannelAttribute("Delay", StringValue("2ms"));
    NetDeviceContainer siteA = link.Install(hosts.Get(0), gateways.Get(0));
    NetDeviceContainer wan = link.Install(gateways.Get(0), gateways.Get(1));
    NetDeviceContainer siteB = link.Install(hosts.Get(1), gateways.Get(1));
    Ipv4AddressHelper addresses;
    addresses.SetBase("10.1.1.0", "255.255.255.0");
    addresses.Assign(siteA);
    addresses.SetBase("192.0.2.0", "255.255.255.252");
    addresses.Assign(wan);
    addresses.SetBase("10.2.1.0", "255.255.255.0");
    addresses.Assign(siteB);
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();

    IpsecManualSaConfig vpn;
    vpn.name = "site-a-to-b";
    vpn.spi = 0x1001;
    vpn.protocol = protocols.at(protocol);
    vpn.encryption = encryption;
    vpn.authentication = authentication;
    vpn.dfBit = dfBits.at(dfBit);
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
        if (mode == "tunnel")
        {
            protectors = gateways;
            vpn.localGateway = "192.0.2.1";
            vpn.remoteGateway = "192.0.2.2";
            vpn.localTrafficSelector = "10.1.1.0/24";
            vpn.remoteTrafficSelector = "10.2.1.0/24";
        }
        else
        {
            protectors = hosts;
            vpn.mode = IpsecMode::TRANSPORT;
            vpn.localGateway = "10.1.1.1";
            vpn.remoteGateway = "10.2.1.1";
            vpn.localTrafficSelector = "10.1.1.1/32";
            vpn.remoteTrafficSelector = "10.2.1.1/32";
        }
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
    ApplicationContainer servers = udpServer.Install(hosts.Get(1));
    PacketSinkHelper tcpSink("ns3::TcpSocketFactory",
                             InetSocketAddress(Ipv4Address::GetAny(), tcpPort));
    servers.Add(tcpSink.Install(hosts.Get(1)));
    UdpClientHelper udpClient(Ipv4Address("10.2.1.1"), udpPort);
    udpClient.SetAttribute("MaxPackets", UintegerValue(udpPackets));
    udpClient.SetAttribute("Interval", TimeValue(MilliSeconds(10)));
    udpClient.SetAttribute("PacketSize", UintegerValue(1000));
    ApplicationContainer clients = udpClient.Install(hosts.Get(0));
    BulkSendHelper tcpClient("ns3::TcpSocketFactory", InetSocketAddress("10.2.1.1", tcpPort));
    tcpClient.SetAttribute("MaxBytes", UintegerValue(tcpBytes));
    clients.Add(tcpClient.Install(hosts.Get(0)));
    servers.Start(Seconds(0));
    clients.Start(Seconds(1));

    if (!pcap.empty())
    {
        link.EnablePcap(pcap + "-wan.pcap", wan.Get(0), false, true);
    }
    Simulator::Stop(Seconds(1) + MilliSeconds(10) * udpPackets + Seconds(5));
    Simulator::Run();

    const uint32_t udpReceived = DynamicCast<UdpServer>(servers.Get(0))->GetReceived();
    const uint64_t tcpReceived = DynamicCast<PacketSink>(servers.Get(1))->GetTotalRx();
    std::cout << protocol << " " << mode << " mode, " << (protocol == "ah" ? "" : encryption)
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
