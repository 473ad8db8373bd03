/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup ipsec
 * Two sites joined by an AutoKey IKE (IKEv2, pre-shared key) VPN, configured on each gateway
 * as Junos `security ike` and `security ipsec` stanzas would be:
 *
 *   hostA --- gwA ===== WAN ===== gwB --- hostB
 *
 * gwA initiates (on traffic, or at start with --establish=immediately); with --responder-only
 * gwB never initiates. Host A sends UDP to host B; the first datagram makes gwA negotiate
 * (IKE_SA_INIT, IKE_AUTH) and waits for the Child SAs in gwA's acquire queue.
 *
 * --pcap writes <prefix>-wan.pcap; --keys=<folder> writes Wireshark's esp_sa and
 * ikev2_decryption_table there, so that Wireshark decrypts the IKE_AUTH messages and the ESP:
 *   test/tools/tshark-esp-decrypt --ikev2 <folder>/ikev2_decryption_table <prefix>-wan.pcap \
 *       <folder>/esp_sa
 *
 * --spokes=N runs a hub and N spokes instead (IpsecHubAndSpokeHelper): each spoke's host sends
 * to the hub's host, each spoke negotiates its own IKE SA with the hub, and the program prints
 * the spread of tunnel-up times; the pcap is of the first spoke's WAN link.
 *
 * Not yet: PFS (it applies to rekeyed Child SAs, which come with the lifecycle work), NAT
 * traversal, certificates.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/ikev2-helper.h"
#include "ns3/internet-module.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-two-site-helper.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Ikev2SiteToSiteExample");

namespace
{

/**
 * \brief The --spokes variant: a hub and N spokes, each spoke host sending to the hub host.
 * \return the program's exit code
 */
int
RunHubAndSpoke(uint32_t spokes,
               const Ikev2SiteToSiteOptions& options,
               uint32_t udpPackets,
               const std::string& pcap,
               const std::string& keys)
{
    IpsecHubAndSpoke net;
    IpsecHubAndSpokeHelper network;
    try
    {
        net = network.Build(spokes);
        Config::SetDefault("ns3::IpsecL3Protocol::AcquireQueueSize", UintegerValue(64));
        Ikev2Helper().InstallHubAndSpoke(net, options, Seconds(0), 1000);
    }
    catch (const std::invalid_argument& error)
    {
        std::cerr << "error: " << error.what() << "\n";
        return 2;
    }
    const uint16_t port = 9000;
    ApplicationContainer servers = UdpServerHelper(port).Install(net.hubHost);
    servers.Start(Seconds(0));
    UdpClientHelper client(net.hubHostAddress.GetIpv4(), port);
    client.SetAttribute("MaxPackets", UintegerValue(udpPackets));
    client.SetAttribute("Interval", TimeValue(MilliSeconds(10)));
    client.SetAttribute("PacketSize", UintegerValue(1000));
    client.Install(net.spokeHosts).Start(Seconds(1));
    if (!pcap.empty())
    {
        PointToPointHelper().EnablePcap(pcap + "-wan.pcap", net.hubWanDevices.Get(0), false, true);
    }
    Simulator::Stop(Seconds(4) + MilliSeconds(10) * udpPackets);
    Simulator::Run();

    Ptr<Ikev2Gateway> hub = Ikev2Helper::Get(net.hub);
    std::vector<double> upTimes;
    for (uint32_t i = 0; i < spokes; ++i)
    {
        const Time up = hub->GetTunnelUpTime(Ikev2Helper::SpokeVpnName(i));
        if (!up.IsNegative())
        {
            upTimes.push_back(up.GetSeconds());
        }
    }
    std::sort(upTimes.begin(), upTimes.end());
    const uint32_t received = DynamicCast<UdpServer>(servers.Get(0))->GetReceived();
    std::cout << "IKEv2 hub and " << spokes << " spokes: " << upTimes.size() << " tunnels up";
    if (!upTimes.empty())
    {
        std::cout << std::fixed << std::setprecision(3) << ", first at " << upTimes.front()
                  << " s, median " << upTimes[upTimes.size() / 2] << " s, last " << upTimes.back()
                  << " s";
    }
    std::cout << "\n  UDP: sent " << udpPackets * spokes << ", received " << received << "\n";
    if (!keys.empty())
    {
        NodeContainer gateways(net.hub);
        gateways.Add(net.spokes);
        std::cout << "  wrote " << Ikev2Helper::WriteWiresharkKeys(gateways, keys)
                  << " IKE SA(s) and the ESP SAs to " << keys << "\n";
    }
    Simulator::Destroy();
    return upTimes.size() == spokes && received == udpPackets * spokes ? 0 : 1;
}

} // namespace

int
main(int argc, char* argv[])
{
    Ikev2SiteToSiteOptions choices;
    std::string establish = "on-traffic";
    bool responderOnly = false;
    std::string ip = "4";
    uint32_t spokes = 0;
    uint32_t udpPackets = 50;
    std::string pcap;
    std::string keys;

    CommandLine cmd(__FILE__);
    cmd.AddValue("dh-group", "IKE proposal dh-group, e.g. group14, group19", choices.dhGroup);
    cmd.AddValue("ike-encryption",
                 "IKE encryption-algorithm, e.g. aes-256-cbc, aes-128-gcm",
                 choices.ikeEncryption);
    cmd.AddValue("ike-authentication",
                 "IKE authentication-algorithm: md5, sha1, sha-256, sha-384, sha-512, or none "
                 "(with GCM)",
                 choices.ikeAuthentication);
    cmd.AddValue("ipsec-encryption",
                 "IPsec encryption-algorithm, e.g. aes-128-gcm",
                 choices.ipsecEncryption);
    cmd.AddValue("ipsec-authentication",
                 "IPsec authentication-algorithm, e.g. hmac-sha-256-128, or none (with GCM)",
                 choices.ipsecAuthentication);
    cmd.AddValue("pfs",
                 "perfect-forward-secrecy keys groupN (applies to rekeyed Child SAs)",
                 choices.pfs);
    cmd.AddValue("establish", "gwA's establish-tunnels: immediately or on-traffic", establish);
    cmd.AddValue("responder-only", "gwB's establish-tunnels responder-only", responderOnly);
    cmd.AddValue("ip", "families of the sites and the WAN: 4 or 6", ip);
    cmd.AddValue("spokes", "hub-and-spoke with N spokes instead of two sites (IPv4)", spokes);
    cmd.AddValue("udp-packets", "UDP datagrams host A sends to host B", udpPackets);
    cmd.AddValue("pcap", "file prefix for a pcap of the WAN (<prefix>-wan.pcap)", pcap);
    cmd.AddValue("keys", "folder for Wireshark's esp_sa and ikev2_decryption_table", keys);
    cmd.Parse(argc, argv);

    // ns-3's command line takes no empty values: "none" stands for "not configured".
    for (std::string* algorithm : {&choices.ikeAuthentication, &choices.ipsecAuthentication})
    {
        if (*algorithm == "none")
        {
            algorithm->clear();
        }
    }
    if (establish != "immediately" && establish != "on-traffic")
    {
        std::cerr << "error: --establish=" << establish
                  << ": allowed are immediately, on-traffic\n";
        return 2;
    }
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    if (spokes != 0)
    {
        // The hub answers; the spokes initiate as --establish says.
        choices.establishTunnels = {responderOnly ? "responder-only" : "on-traffic", establish};
        return RunHubAndSpoke(spokes, choices, udpPackets, pcap, keys);
    }
    // gwB has no traffic of its own to send: on-traffic never makes it initiate.
    choices.establishTunnels = {establish, responderOnly ? "responder-only" : "on-traffic"};
    IpsecTwoSite net;
    IpsecTwoSiteHelper network;
    network.SetChannelAttribute("Delay", StringValue("5ms"));
    try
    {
        const IpsecIpPlan plan = IpsecParseIpPlan(ip, "--ip");
        if (plan != IpsecIpPlan::IPV4 && plan != IpsecIpPlan::IPV6)
        {
            throw std::invalid_argument("--ip=" + ip +
                                        ": allowed are 4, 6 (the WAN and the "
                                        "sites are of one family here)");
        }
        net = network.Build(plan);
        IpsecHelper ipsec;
        // Packets that trigger the negotiation wait for the Child SAs.
        ipsec.SetAttribute("AcquireQueueSize", UintegerValue(64));
        ipsec.Install(net.gateways);
        IpsecHelper::AssignStreams(net.gateways, 1000);
        Ikev2Helper ike;
        for (uint32_t side = 0; side < 2; ++side)
        {
            ike.Install(net.gateways.Get(side),
                        Ikev2Helper::SiteToSite(net, side, choices),
                        net.ready);
            Ikev2Helper::Get(net.gateways.Get(side))->GetDaemon()->AssignStreams(2000 + side);
        }
    }
    catch (const std::invalid_argument& error)
    {
        std::cerr << "error: " << error.what() << "\n";
        return 2;
    }

    const uint16_t port = 9000;
    UdpServerHelper server(port);
    ApplicationContainer servers = server.Install(net.hosts.Get(1));
    UdpClientHelper client(net.HostAddress(1), port);
    client.SetAttribute("MaxPackets", UintegerValue(udpPackets));
    client.SetAttribute("Interval", TimeValue(MilliSeconds(10)));
    client.SetAttribute("PacketSize", UintegerValue(1000));
    ApplicationContainer clients = client.Install(net.hosts.Get(0));
    servers.Start(Seconds(0));
    clients.Start(net.ready + Seconds(1));
    if (!pcap.empty())
    {
        network.GetLinkHelper().EnablePcap(pcap + "-wan.pcap", net.wan.Get(0), false, true);
    }
    Simulator::Stop(net.ready + Seconds(3) + MilliSeconds(10) * udpPackets);
    Simulator::Run();

    const uint32_t received = DynamicCast<UdpServer>(servers.Get(0))->GetReceived();
    std::cout << "IKEv2 site to site, IP " << ip << ": IKE " << choices.dhGroup << " "
              << choices.ikeEncryption
              << (choices.ikeAuthentication.empty() ? "" : "/" + choices.ikeAuthentication)
              << ", IPsec " << choices.ipsecEncryption
              << (choices.ipsecAuthentication.empty() ? "" : "/" + choices.ipsecAuthentication)
              << "\n";
    bool up = true;
    for (uint32_t side = 0; side < 2; ++side)
    {
        Ptr<Ikev2Gateway> gateway = Ikev2Helper::Get(net.gateways.Get(side));
        const std::string vpn = side == 0 ? "site-a-to-b" : "site-b-to-a";
        const Time upTime = gateway->GetTunnelUpTime(vpn);
        const Ikev2DaemonCounters& counters = gateway->GetDaemon()->GetCounters();
        std::cout << "  " << (side == 0 ? "gwA" : "gwB") << " VPN " << vpn << ": ";
        if (upTime.IsNegative())
        {
            std::cout << "not up";
            up = false;
        }
        else
        {
            std::cout << "up at " << std::fixed << std::setprecision(3) << upTime.GetSeconds()
                      << " s";
        }
        std::cout << "; IKE requests sent " << counters.requestsSent << ", responses sent "
                  << counters.responsesSent << ", retransmissions " << counters.retransmissions
                  << ", exchanges completed " << counters.exchangesCompleted << ", failed "
                  << counters.exchangesFailed << "\n";
    }
    std::cout << "  UDP: sent " << udpPackets << ", received " << received << "\n";
    if (!keys.empty())
    {
        const uint32_t written = Ikev2Helper::WriteWiresharkKeys(net.gateways, keys);
        std::cout << "  wrote " << written << " IKE SA(s) and the ESP SAs to " << keys << "\n";
    }
    Simulator::Destroy();
    return up && received == udpPackets ? 0 : 1;
}
