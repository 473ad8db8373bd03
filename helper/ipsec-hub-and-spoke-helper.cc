/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-hub-and-spoke-helper.h"

#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/string.h"

#include <stdexcept>

namespace ns3
{

namespace
{

/**
 * \brief Numbers a link's two devices .1 and .2 of a prefix.
 * \return the two addresses
 */
std::pair<Ipv4Address, Ipv4Address>
Number(const NetDeviceContainer& devices, Ipv4Address network, const char* mask)
{
    Ipv4AddressHelper helper;
    helper.SetBase(network, mask);
    Ipv4InterfaceContainer interfaces = helper.Assign(devices);
    return {interfaces.GetAddress(0), interfaces.GetAddress(1)};
}

/// Sets a node's default route through the device towards a next hop.
void
DefaultRoute(Ptr<Node> node, Ptr<NetDevice> device, Ipv4Address nextHop)
{
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    Ipv4StaticRoutingHelper().GetStaticRouting(ipv4)->SetDefaultRoute(
        nextHop,
        ipv4->GetInterfaceForDevice(device));
}

} // namespace

IpsecHubAndSpokeHelper::IpsecHubAndSpokeHelper()
{
    m_link.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    m_link.SetChannelAttribute("Delay", StringValue("5ms"));
}

void
IpsecHubAndSpokeHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_link.SetDeviceAttribute(name, value);
}

void
IpsecHubAndSpokeHelper::SetChannelAttribute(const std::string& name, const AttributeValue& value)
{
    m_link.SetChannelAttribute(name, value);
}

IpsecHubAndSpoke
IpsecHubAndSpokeHelper::Build(uint32_t spokes)
{
    if (spokes == 0 || spokes > MAX_SPOKES)
    {
        throw std::invalid_argument("hub and spoke: " + std::to_string(spokes) +
                                    " spokes; allowed are 1 to " + std::to_string(MAX_SPOKES));
    }
    IpsecHubAndSpoke net;
    net.hub = CreateObject<Node>();
    net.hubHost = CreateObject<Node>();
    net.spokes.Create(spokes);
    net.spokeHosts.Create(spokes);
    // IPv4 only: thousands of IPv6 interfaces would each run duplicate address detection.
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.Install(net.hub);
    stack.Install(net.hubHost);
    stack.Install(net.spokes);
    stack.Install(net.spokeHosts);

    NetDeviceContainer hubSite = m_link.Install(net.hubHost, net.hub);
    const auto [hubHost, hubSiteAddress] = Number(hubSite, Ipv4Address("10.0.0.0"), "/24");
    net.hubHostAddress = IpsecIpAddress(hubHost);
    net.hubSitePrefix = "10.0.0.0/24";
    DefaultRoute(net.hubHost, hubSite.Get(0), hubSiteAddress);

    for (uint32_t i = 0; i < spokes; ++i)
    {
        NetDeviceContainer wan = m_link.Install(net.hub, net.spokes.Get(i));
        const auto [hubWan, spokeWan] =
            Number(wan, Ipv4Address((172u << 24) | (16u << 16) | (4 * i)), "/30");
        NetDeviceContainer site = m_link.Install(net.spokeHosts.Get(i), net.spokes.Get(i));
        const Ipv4Address siteNetwork((10u << 24) | ((128u + i / 256) << 16) | ((i % 256) << 8));
        const auto [host, gateway] = Number(site, siteNetwork, "/24");
        DefaultRoute(net.spokeHosts.Get(i), site.Get(0), gateway);
        DefaultRoute(net.spokes.Get(i), wan.Get(1), hubWan);
        net.hubWanDevices.Add(wan.Get(0));
        net.hubWanAddresses.emplace_back(hubWan);
        net.spokeWanAddresses.emplace_back(spokeWan);
        net.spokeHostAddresses.emplace_back(host);
        net.spokeSitePrefixes.push_back(IpsecIpAddress(siteNetwork).ToString() + "/24");
    }
    return net;
}

} // namespace ns3
