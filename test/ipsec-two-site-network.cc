/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-two-site-network.h"

#include "ns3/config.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
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

TwoSiteNetwork::TwoSiteNetwork(IpsecIpPlan plan)
{
    IpsecTwoSiteHelper helper;
    m_net = helper.Build(plan);
    hosts = m_net.hosts;
    gateways = m_net.gateways;

    IpsecHelper ipsec;
    ipsec.Install(gateways);
    IpsecHelper::AssignStreams(gateways, 100);

    for (uint32_t i = 0; i < m_net.wan.GetN(); ++i)
    {
        m_net.wan.Get(i)->TraceConnectWithoutContext("PhyTxBegin",
                                                     MakeCallback(&TwoSiteNetwork::WanTx, this));
    }
}

TwoSiteNetwork::~TwoSiteNetwork()
{
    Simulator::Destroy();
}

const IpsecTwoSite&
TwoSiteNetwork::Net() const
{
    return m_net;
}

IpsecManualSaConfig
TwoSiteNetwork::VpnConfig() const
{
    IpsecManualSaConfig vpn = m_net.SiteToSiteVpn("site-a-to-b");
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
    UdpClientHelper client(m_net.HostAddress(1), port);
    client.SetAttribute("MaxPackets", UintegerValue(count));
    client.SetAttribute("Interval", TimeValue(interval));
    client.SetAttribute("PacketSize", UintegerValue(size));
    ApplicationContainer clientApp = client.Install(hosts.Get(0));
    serverApp.Start(Seconds(0));
    const Time start = std::max(Seconds(1), m_net.ready);
    clientApp.Start(start);
    Simulator::Stop(start + Seconds(1) + interval * count);
    Simulator::Run();
    m_delivered = DynamicCast<UdpServer>(serverApp.Get(0))->GetReceived();
}

void
TwoSiteNetwork::WanTx(Ptr<const Packet> packet)
{
    Ptr<Packet> copy = packet->Copy();
    PppHeader ppp;
    copy->RemoveHeader(ppp);
    constexpr uint16_t PPP_IPV6 = 0x0057;
    if (ppp.GetProtocol() == PPP_IPV6)
    {
        Ipv6Header ip;
        copy->PeekHeader(ip);
        m_wanProtocols[ip.GetNextHeader()]++;
    }
    else
    {
        Ipv4Header ip;
        copy->PeekHeader(ip);
        m_wanProtocols[ip.GetProtocol()]++;
    }
    m_wanPackets.push_back(copy);
}

uint32_t
TwoSiteNetwork::AddUdpFlow(Ptr<Node> sender,
                           Ptr<Node> receiver,
                           const Address& destination,
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
    clientApp.Start(std::max(start, m_net.ready));
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
    return m_net.wan.Get(gateway);
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
