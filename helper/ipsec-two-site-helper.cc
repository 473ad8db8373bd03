/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-two-site-helper.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6.h"
#include "ns3/string.h"

#include <stdexcept>

namespace ns3
{

namespace
{

/// Site and WAN prefixes of each family.
constexpr const char* SITE_A_IPV4 = "10.1.1.0";
constexpr const char* SITE_B_IPV4 = "10.2.1.0";
constexpr const char* WAN_IPV4 = "192.0.2.0";
constexpr const char* SITE_A_IPV6 = "fd00:1:1::";
constexpr const char* SITE_B_IPV6 = "fd00:2:1::";
constexpr const char* WAN_IPV6 = "fd00:ff::";

/**
 * \brief Numbers a link's two devices .1 and .2 (or ::1 and ::2).
 * \param devices the link's devices
 * \param ipv6 the family
 * \param network the prefix's first address
 * \param prefixLength the prefix length
 * \param[out] addresses the two addresses, in device order
 */
void
Number(const NetDeviceContainer& devices,
       bool ipv6,
       const char* network,
       uint8_t prefixLength,
       std::array<IpsecIpAddress, 2>* addresses)
{
    if (ipv6)
    {
        // Numbered by hand: Ipv6AddressHelper derives the host part from the MAC address.
        uint8_t bytes[16];
        Ipv6Address(network).GetBytes(bytes);
        for (uint32_t i = 0; i < 2; ++i)
        {
            bytes[15] = static_cast<uint8_t>(i + 1);
            const Ipv6Address address(bytes);
            Ptr<NetDevice> device = devices.Get(i);
            Ptr<Ipv6> stack = device->GetNode()->GetObject<Ipv6>();
            int32_t interface = stack->GetInterfaceForDevice(device);
            if (interface < 0)
            {
                interface = static_cast<int32_t>(stack->AddInterface(device));
            }
            stack->AddAddress(interface, Ipv6InterfaceAddress(address, Ipv6Prefix(prefixLength)));
            stack->SetUp(interface);
            (*addresses)[i] = IpsecIpAddress(address);
        }
        return;
    }
    Ipv4AddressHelper helper;
    helper.SetBase(network, Ipv4Mask(("/" + std::to_string(prefixLength)).c_str()));
    Ipv4InterfaceContainer interfaces = helper.Assign(devices);
    for (uint32_t i = 0; i < 2; ++i)
    {
        (*addresses)[i] = IpsecIpAddress(interfaces.GetAddress(i));
    }
}

/**
 * \brief Adds a static route on a node.
 * \param node the node
 * \param device the device to send through
 * \param prefix destination prefix ("a/len"); empty for the default route
 * \param nextHop the next hop, of the prefix's family
 */
void
AddRoute(Ptr<Node> node,
         Ptr<NetDevice> device,
         const std::string& prefix,
         const IpsecIpAddress& nextHop)
{
    const std::string network = prefix.substr(0, prefix.find('/'));
    const int length = prefix.empty() ? 0 : std::stoi(prefix.substr(prefix.find('/') + 1));
    if (nextHop.IsIpv6())
    {
        Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
        Ptr<Ipv6StaticRouting> routing = Ipv6StaticRoutingHelper().GetStaticRouting(ipv6);
        const uint32_t interface = ipv6->GetInterfaceForDevice(device);
        if (prefix.empty())
        {
            routing->SetDefaultRoute(nextHop.GetIpv6(), interface);
        }
        else
        {
            routing->AddNetworkRouteTo(Ipv6Address(network.c_str()),
                                       Ipv6Prefix(static_cast<uint8_t>(length)),
                                       nextHop.GetIpv6(),
                                       interface);
        }
        return;
    }
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    Ptr<Ipv4StaticRouting> routing = Ipv4StaticRoutingHelper().GetStaticRouting(ipv4);
    const uint32_t interface = ipv4->GetInterfaceForDevice(device);
    if (prefix.empty())
    {
        routing->SetDefaultRoute(nextHop.GetIpv4(), interface);
    }
    else
    {
        routing->AddNetworkRouteTo(Ipv4Address(network.c_str()),
                                   Ipv4Mask(("/" + std::to_string(length)).c_str()),
                                   nextHop.GetIpv4(),
                                   interface);
    }
}

} // namespace

IpsecIpPlan
IpsecParseIpPlan(const std::string& text, const std::string& where)
{
    for (IpsecIpPlan plan : {IpsecIpPlan::IPV4,
                             IpsecIpPlan::IPV6,
                             IpsecIpPlan::IPV4_IN_IPV6,
                             IpsecIpPlan::IPV6_IN_IPV4})
    {
        if (IpsecIpPlanName(plan) == text)
        {
            return plan;
        }
    }
    throw std::invalid_argument(where + "=" + text + ": allowed are 4, 6, 4in6, 6in4");
}

std::string
IpsecIpPlanName(IpsecIpPlan plan)
{
    switch (plan)
    {
    case IpsecIpPlan::IPV4:
        return "4";
    case IpsecIpPlan::IPV6:
        return "6";
    case IpsecIpPlan::IPV4_IN_IPV6:
        return "4in6";
    case IpsecIpPlan::IPV6_IN_IPV4:
        return "6in4";
    }
    return "?";
}

bool
IpsecTwoSite::SitesAreIpv6() const
{
    return plan == IpsecIpPlan::IPV6 || plan == IpsecIpPlan::IPV6_IN_IPV4;
}

bool
IpsecTwoSite::WanIsIpv6() const
{
    return plan == IpsecIpPlan::IPV6 || plan == IpsecIpPlan::IPV4_IN_IPV6;
}

Address
IpsecTwoSite::HostAddress(uint32_t host) const
{
    const IpsecIpAddress& address = hostAddresses.at(host);
    return address.IsIpv6() ? Address(address.GetIpv6()) : Address(address.GetIpv4());
}

Address
IpsecTwoSite::HostSocketAddress(uint32_t host, uint16_t port) const
{
    const IpsecIpAddress& address = hostAddresses.at(host);
    return address.IsIpv6() ? Address(Inet6SocketAddress(address.GetIpv6(), port))
                            : Address(InetSocketAddress(address.GetIpv4(), port));
}

Address
IpsecTwoSite::AnySocketAddress(uint16_t port) const
{
    return SitesAreIpv6() ? Address(Inet6SocketAddress(Ipv6Address::GetAny(), port))
                          : Address(InetSocketAddress(Ipv4Address::GetAny(), port));
}

IpsecManualSaConfig
IpsecTwoSite::SiteToSiteVpn(const std::string& name) const
{
    IpsecManualSaConfig vpn;
    vpn.name = name;
    vpn.localGateway = gatewayWanAddresses[0].ToString();
    vpn.remoteGateway = gatewayWanAddresses[1].ToString();
    vpn.localTrafficSelector = sitePrefixes[0];
    vpn.remoteTrafficSelector = sitePrefixes[1];
    return vpn;
}

IpsecManualSaConfig
IpsecTwoSite::HostToHostVpn(const std::string& name) const
{
    if (SitesAreIpv6() != WanIsIpv6())
    {
        throw std::invalid_argument("IP plan " + IpsecIpPlanName(plan) +
                                    ": transport mode needs one family end to end (4 or 6)");
    }
    IpsecManualSaConfig vpn;
    vpn.name = name;
    vpn.mode = IpsecMode::TRANSPORT;
    vpn.localGateway = hostAddresses[0].ToString();
    vpn.remoteGateway = hostAddresses[1].ToString();
    const std::string hostLength = SitesAreIpv6() ? "/128" : "/32";
    vpn.localTrafficSelector = vpn.localGateway + hostLength;
    vpn.remoteTrafficSelector = vpn.remoteGateway + hostLength;
    return vpn;
}

IpsecTwoSiteHelper::IpsecTwoSiteHelper()
{
    m_link.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    m_link.SetChannelAttribute("Delay", StringValue("1ms"));
}

void
IpsecTwoSiteHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_link.SetDeviceAttribute(name, value);
}

void
IpsecTwoSiteHelper::SetChannelAttribute(const std::string& name, const AttributeValue& value)
{
    m_link.SetChannelAttribute(name, value);
}

PointToPointHelper&
IpsecTwoSiteHelper::GetLinkHelper()
{
    return m_link;
}

IpsecTwoSite
IpsecTwoSiteHelper::Build(IpsecIpPlan plan)
{
    IpsecTwoSite net;
    net.plan = plan;
    net.hosts.Create(2);
    net.gateways.Create(2);
    InternetStackHelper stack;
    stack.Install(net.hosts);
    stack.Install(net.gateways);
    net.siteA = m_link.Install(net.hosts.Get(0), net.gateways.Get(0));
    net.wan = m_link.Install(net.gateways.Get(0), net.gateways.Get(1));
    net.siteB = m_link.Install(net.hosts.Get(1), net.gateways.Get(1));

    const bool sites6 = net.SitesAreIpv6();
    const bool wan6 = net.WanIsIpv6();
    std::array<IpsecIpAddress, 2> siteA;
    std::array<IpsecIpAddress, 2> siteB;
    const uint8_t siteLength = sites6 ? 64 : 24;
    Number(net.siteA, sites6, sites6 ? SITE_A_IPV6 : SITE_A_IPV4, siteLength, &siteA);
    Number(net.siteB, sites6, sites6 ? SITE_B_IPV6 : SITE_B_IPV4, siteLength, &siteB);
    Number(net.wan, wan6, wan6 ? WAN_IPV6 : WAN_IPV4, wan6 ? 64 : 30, &net.gatewayWanAddresses);
    net.hostAddresses = {siteA[0], siteB[0]};
    const std::string suffix = "/" + std::to_string(siteLength);
    net.sitePrefixes = {std::string(sites6 ? SITE_A_IPV6 : SITE_A_IPV4) + suffix,
                        std::string(sites6 ? SITE_B_IPV6 : SITE_B_IPV4) + suffix};

    AddRoute(net.hosts.Get(0), net.siteA.Get(0), "", siteA[1]);
    AddRoute(net.hosts.Get(1), net.siteB.Get(0), "", siteB[1]);
    if (sites6 == wan6)
    {
        // Plain routing between the sites (what transport mode and bypassed traffic use).
        AddRoute(net.gateways.Get(0),
                 net.wan.Get(0),
                 net.sitePrefixes[1],
                 net.gatewayWanAddresses[1]);
        AddRoute(net.gateways.Get(1),
                 net.wan.Get(1),
                 net.sitePrefixes[0],
                 net.gatewayWanAddresses[0]);
    }
    for (uint32_t i = 0; i < 2; ++i)
    {
        net.gateways.Get(i)->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
    }
    // Addresses stay tentative for IPv6's duplicate address detection (1 s in ns-3).
    net.ready = sites6 || wan6 ? Seconds(2) : Seconds(0);
    return net;
}

} // namespace ns3
