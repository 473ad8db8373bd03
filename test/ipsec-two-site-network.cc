/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-two-site-network.h"

#include "ns3/config.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4-header.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/ppp-header.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/udp-client-server-helper.h"
#include "ns3/udp-server.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace test
{

TwoSiteNetwork::TwoSiteNetwork()
{
    hosts.Create(2);
    gateways.Create(2);
    InternetStackHelper stack;
    stack.Install(hosts);
    stack.Install(gateways);

    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    link.SetChannelAttribute("Delay", StringValue("1ms"));
    NetDeviceContainer siteA = link.Install(hosts.Get(0), gateways.Get(0));
    NetDeviceContainer wan = link.Install(gateways.Get(0), gateways.Get(1));
    m_wan = wan;
    NetDeviceContainer siteB = link.Install(hosts.Get(1), gateways.Get(1));

    Ipv4AddressHelper addresses;
    addresses.SetBase("10.1.1.0", "255.255.255.0");
    addresses.Assign(siteA);
    addresses.SetBase("192.0.2.0", "255.255.255.252");
    addresses.Assign(wan);
    addresses.SetBase("10.2.1.0", "255.255.255.0");
    addresses.Assign(siteB);
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();

    IpsecHelper ipsec;
    ipsec.Install(gateways);
    IpsecHelper::AssignStreams(gateways, 100);

    for (uint32_t i = 0; i < wan.GetN(); ++i)
    {
        wan.Get(i)->TraceConnectWithoutContext("PhyTxBegin",
                                               MakeCallback(&TwoSiteNetwork::WanTx, this));
    }
}

TwoSiteNetwork::~TwoSiteNetwork()
{
    Simulator::Destroy();
}

IpsecManualSaConfig
TwoSiteNetwork::VpnConfig() const
{
    IpsecManualSaConfig vpn;
    vpn.name = "site-a-to-b";
    vpn.localGateway = "192.0.2.1";
    vpn.remoteGateway = "192.0.2.2";
    vpn.localTrafficSelector = "10.1.1.0/24";
    vpn.remoteTrafficSelector = "10.2.1.0/24";
    vpn.spi = 0x4321;
    vpn.encryption = "aes-128-gcm";
    vpn.encryptionKey = "000102030405060708090a0b0c0d0e0fcafebabe";
    return vpn;
}

void
TwoSiteNetwork::InstallVpn(const IpsecManualSaConfig& gatewayA, const IpsecManualSaConfig& gatewayB)
{
    IpsecHelper::AddManualSa(gateways.Get(0), gatewayA);
    IpsecHelper::AddManualSa(gateways.Get(1), gatewayB);
}

void
TwoSiteNetwork::RunUdp(uint32_t count, uint32_t size, Time interval)
{
    const uint16_t port = 9000;
    UdpServerHelper server(port);
    ApplicationContainer serverApp = server.Install(hosts.Get(1));
    UdpClientHelper client(Ipv4Address("10.2.1.1"), port);
    client.SetAttribute("MaxPackets", UintegerValue(count));
    client.SetAttribute("Interval", TimeValue(interval));
    client.SetAttribute("PacketSize", UintegerValue(size));
    ApplicationContainer clientApp = client.Install(hosts.Get(0));
    serverApp.Start(Seconds(0));
    clientApp.Start(Seconds(1));
    Simulator::Stop(Seconds(2) + interval * count);
    Simulator::Run();
    m_delivered = DynamicCast<UdpServer>(serverApp.Get(0))->GetReceived();
}

void
TwoSiteNetwork::WanTx(Ptr<const Packet> packet)
{
    Ptr<Packet> copy = packet->Copy();
    PppHeader ppp;
    copy->RemoveHeader(ppp);
    Ipv4Header ip;
    copy->PeekHeader(ip);
    m_wanProtocols[ip.GetProtocol()]++;
    m_wanPackets.push_back(copy);
}

uint32_t
TwoSiteNetwork::AddUdpFlow(Ptr<Node> sender,
                           Ptr<Node> receiver,
                           Ipv4Address destination,
                           uint16_t port,
                           uint32_t count,
                           uint32_t size,
                           Time interval,
                           Time start)
{
    UdpServerHelper server(port);
    ApplicationContainer serverApp = server.Install(receiver);
    serverApp.Start(Seconds(0));
    UdpClientHelper client(destination, port);
    client.SetAttribute("MaxPackets", UintegerValue(count));
    client.SetAttribute("Interval", TimeValue(interval));
    client.SetAttribute("PacketSize", UintegerValue(size));
    ApplicationContainer clientApp = client.Install(sender);
    clientApp.Start(start);
    m_servers.push_back(serverApp.Get(0));
    return static_cast<uint32_t>(m_servers.size() - 1);
}

void
TwoSiteNetwork::Run(Time stop)
{
    Simulator::Stop(stop);
    Simulator::Run();
}

uint32_t
TwoSiteNetwork::Received(uint32_t flow) const
{
    return DynamicCast<UdpServer>(m_servers.at(flow))->GetReceived();
}

Ptr<NetDevice>
TwoSiteNetwork::WanDevice(uint32_t gateway) const
{
    return m_wan.Get(gateway);
}

const std::vector<Ptr<const Packet>>&
TwoSiteNetwork::WanPackets() const
{
    return m_wanPackets;
}

uint32_t
TwoSiteNetwork::Delivered() const
{
    return m_delivered;
}

const std::map<uint8_t, uint32_t>&
TwoSiteNetwork::WanProtocols() const
{
    return m_wanProtocols;
}

Ptr<IpsecL3Protocol>
TwoSiteNetwork::IpsecA() const
{
    return IpsecHelper::Get(gateways.Get(0));
}

Ptr<IpsecL3Protocol>
TwoSiteNetwork::IpsecB() const
{
    return IpsecHelper::Get(gateways.Get(1));
}

uint64_t
TwoSiteNetwork::Drops(uint32_t gateway, IpsecDropReason reason) const
{
    Ptr<IpsecL3Protocol> ipsec = gateway == 0 ? IpsecA() : IpsecB();
    return ipsec->GetCounters().drops[static_cast<size_t>(reason)];
}

} // namespace test
} // namespace ns3
