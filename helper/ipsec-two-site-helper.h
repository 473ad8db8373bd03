/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_TWO_SITE_HELPER_H
#define IPSEC_TWO_SITE_HELPER_H

#include "ns3/address.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-ip-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/point-to-point-helper.h"

#include <array>
#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The address families of a two-site VPN: the sites' (inner) and the WAN's (outer).
 */
enum class IpsecIpPlan
{
    IPV4,         //!< IPv4 sites over an IPv4 WAN ("4")
    IPV6,         //!< IPv6 sites over an IPv6 WAN ("6")
    IPV4_IN_IPV6, //!< IPv4 sites over an IPv6 WAN ("4in6", tunnel mode only)
    IPV6_IN_IPV4, //!< IPv6 sites over an IPv4 WAN ("6in4", tunnel mode only)
};

/**
 * \param text "4", "6", "4in6" or "6in4"
 * \param where what the text came from, for the error message (e.g. "--ip")
 * \return the plan
 * \throws std::invalid_argument naming the value, where it came from and the allowed values
 */
IpsecIpPlan IpsecParseIpPlan(const std::string& text, const std::string& where);

/// \param plan a plan \return its name ("4", "6", "4in6", "6in4")
std::string IpsecIpPlanName(IpsecIpPlan plan);

/**
 * \ingroup ipsec
 * \brief What IpsecTwoSiteHelper built: hostA --- gwA ===== WAN ===== gwB --- hostB.
 *
 * Addresses: site A 10.1.1.0/24 or fd00:1:1::/64 (host ::1/.1, gateway ::2/.2), site B
 * 10.2.1.0/24 or fd00:2:1::/64, WAN 192.0.2.0/30 or fd00:ff::/64 (gwA .1/::1, gwB .2/::2).
 * The IPv6 prefixes are unique-local because ns-3 refuses to forward 2001:db8::/32.
 */
struct IpsecTwoSite
{
    IpsecIpPlan plan{IpsecIpPlan::IPV4};               //!< the families
    NodeContainer hosts;                               //!< hostA, hostB
    NodeContainer gateways;                            //!< gwA, gwB
    NetDeviceContainer siteA;                          //!< hostA's and gwA's site-A devices
    NetDeviceContainer wan;                            //!< gwA's and gwB's WAN devices
    NetDeviceContainer siteB;                          //!< hostB's and gwB's site-B devices
    std::array<IpsecIpAddress, 2> hostAddresses;       //!< hostA's, hostB's
    std::array<IpsecIpAddress, 2> gatewayWanAddresses; //!< gwA's, gwB's
    std::array<std::string, 2> sitePrefixes;           //!< site A's, site B's, as "a/len"
    Time ready; //!< when addresses are usable: 0 s, or 2 s with IPv6 (duplicate address detection)

    /// \return true if the sites are IPv6
    bool SitesAreIpv6() const;
    /// \return true if the WAN is IPv6
    bool WanIsIpv6() const;

    /**
     * \param host 0 (hostA) or 1 (hostB)
     * \return that host's address, of the sites' family (Ipv4Address or Ipv6Address)
     */
    Address HostAddress(uint32_t host) const;

    /**
     * \param host 0 (hostA) or 1 (hostB)
     * \param port a UDP/TCP port
     * \return the socket address of that host and port, of the sites' family
     */
    Address HostSocketAddress(uint32_t host, uint16_t port) const;

    /// \return a socket address for listening on any address of the sites' family
    Address AnySocketAddress(uint16_t port) const;

    /**
     * \brief A manual VPN for gwA between the sites (tunnel mode); gwB's is its Mirror().
     * \param name the VPN name
     * \return the configuration, without algorithms and keys
     */
    IpsecManualSaConfig SiteToSiteVpn(const std::string& name) const;

    /**
     * \brief A manual VPN for hostA to hostB in transport mode; hostB's is its Mirror().
     * \param name the VPN name
     * \return the configuration, without algorithms and keys
     * \throws std::invalid_argument for 4in6 and 6in4 (transport mode keeps one family)
     */
    IpsecManualSaConfig HostToHostVpn(const std::string& name) const;
};

/**
 * \ingroup ipsec
 * \brief Builds the two-site network most IPsec studies start from, for any IpsecIpPlan:
 * point-to-point links, both IP stacks on every node, addresses of the plan's families, static
 * routes (hosts default to their gateway; gateways route the remote site over the WAN when the
 * WAN carries the sites' family), IPv6 forwarding on the gateways. IPsec itself is not
 * installed.
 */
class IpsecTwoSiteHelper
{
  public:
    IpsecTwoSiteHelper();

    /**
     * \param name attribute of the point-to-point devices (e.g. "DataRate")
     * \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param name attribute of the point-to-point channels (e.g. "Delay")
     * \param value its value
     */
    void SetChannelAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param plan the families
     * \return the nodes, devices and addresses
     */
    IpsecTwoSite Build(IpsecIpPlan plan);

    /// \return the link helper (e.g. for EnablePcap)
    PointToPointHelper& GetLinkHelper();

  private:
    PointToPointHelper m_link; //!< builds every link
};

} // namespace ns3

#endif /* IPSEC_TWO_SITE_HELPER_H */
