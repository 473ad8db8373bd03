/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_HUB_AND_SPOKE_HELPER_H
#define IPSEC_HUB_AND_SPOKE_HELPER_H

#include "ns3/ipsec-ip-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/point-to-point-helper.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief What IpsecHubAndSpokeHelper built (IPv4): a hub gateway with a host on its site, and
 * N spoke gateways each with a host, each spoke on its own point-to-point WAN link to the hub.
 *
 * Addresses: hub site 10.0.0.0/24 (host .1, hub .2); spoke i's WAN 172.16.0.0/12 cut into /30s
 * (hub .1, spoke .2 of the i-th); spoke i's site 10.128.0.0/9 cut into /24s (host .1, gateway
 * .2 of the i-th).
 */
struct IpsecHubAndSpoke
{
    Ptr<Node> hub;                                  //!< the hub gateway
    Ptr<Node> hubHost;                              //!< the host on the hub's site
    NodeContainer spokes;                           //!< spoke gateways
    NodeContainer spokeHosts;                       //!< one host behind each spoke
    NetDeviceContainer hubWanDevices;               //!< the hub's device on each spoke's WAN link
    IpsecIpAddress hubHostAddress;                  //!< 10.0.0.1
    std::string hubSitePrefix;                      //!< 10.0.0.0/24
    std::vector<IpsecIpAddress> hubWanAddresses;    //!< the hub's address towards spoke i
    std::vector<IpsecIpAddress> spokeWanAddresses;  //!< spoke i's WAN address
    std::vector<IpsecIpAddress> spokeHostAddresses; //!< spoke i's host
    std::vector<std::string> spokeSitePrefixes;     //!< spoke i's site prefix
};

/**
 * \ingroup ipsec
 * \brief Builds a hub-and-spoke VPN network (IPv4, point-to-point links, static routes: hosts
 * default to their gateway, spokes default to the hub). IPsec and IKE are not installed.
 */
class IpsecHubAndSpokeHelper
{
  public:
    IpsecHubAndSpokeHelper();

    /// Most spokes the address plan holds (spoke sites are /24s of 10.128.0.0/9).
    static constexpr uint32_t MAX_SPOKES = 32768;

    /**
     * \param name attribute of the point-to-point devices
     * \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param name attribute of the point-to-point channels
     * \param value its value
     */
    void SetChannelAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param spokes number of spokes, 1 to MAX_SPOKES
     * \return the network
     * \throws std::invalid_argument for a number of spokes out of range
     */
    IpsecHubAndSpoke Build(uint32_t spokes);

  private:
    PointToPointHelper m_link; //!< builds every link
};

} // namespace ns3

#endif /* IPSEC_HUB_AND_SPOKE_HELPER_H */
