/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_TWO_SITE_NETWORK_H
#define IPSEC_TWO_SITE_NETWORK_H

#include "ns3/application.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-two-site-helper.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"

#include <map>
#include <vector>

namespace ns3
{
namespace test
{

/**
 * \brief Test topology: hostA - gwA ==WAN== gwB - hostB, built by IpsecTwoSiteHelper for an
 * IP plan, with IPsec on both gateways and counters of what crosses the WAN.
 *
 * IPv4: site A is 10.1.1.0/24 (hostA 10.1.1.1, gwA 10.1.1.2), the WAN 192.0.2.0/30 (gwA .1,
 * gwB .2), site B 10.2.1.0/24 (hostB 10.2.1.1, gwB 10.2.1.2). IPv6: fd00:1:1::/64,
 * fd00:ff::/64 and fd00:2:1::/64, numbered the same way.
 */
class TwoSiteNetwork
{
  public:
    /**
     * \brief Builds the nodes, links, addresses, routes and IPsec (no SAs yet).
     * \param plan the families of the sites and the WAN
     */
    explicit TwoSiteNetwork(IpsecIpPlan plan = IpsecIpPlan::IPV4);
    /// Destroys the simulation.
    ~TwoSiteNetwork();

    /// \return a manual VPN config for gwA covering site A <-> site B
    IpsecManualSaConfig VpnConfig() const;

    /**
     * \brief Installs the VPN on both gateways (gwB gets the mirror image, possibly edited).
     * \param gatewayA gwA's side
     * \param gatewayB gwB's side
     */
    void InstallVpn(const IpsecManualSaConfig& gatewayA, const IpsecManualSaConfig& gatewayB);

    /// \return what the helper built (addresses, devices)
    const IpsecTwoSite& Net() const;

    /**
     * \brief Sends UDP datagrams from hostA to hostB and runs the simulation.
     * \param count datagrams
     * \param size payload bytes each
     * \param interval time between them
     */
    void RunUdp(uint32_t count, uint32_t size, Time interval = MilliSeconds(10));

    /**
     * \brief Adds a UDP flow (UdpClient to UdpServer) to be run by Run().
     * \param sender the sending node
     * \param receiver the receiving node
     * \param destination the address the sender sends to (one of the receiver's)
     * \param port UDP destination port
     * \param count datagrams
     * \param size payload bytes each (at least 12, the sequence header of UdpClient)
     * \param interval time between them
     * \param start when the first one is sent (not before the addresses are usable)
     * \return the flow's index for Received()
     */
    uint32_t AddUdpFlow(Ptr<Node> sender,
                        Ptr<Node> receiver,
                        const Address& destination,
                        uint16_t port,
                        uint32_t count,
                        uint32_t size,
                        Time interval = MilliSeconds(10),
                        Time start = Seconds(1));

    /// \param stop when the simulation stops \brief Runs the flows added with AddUdpFlow().
    void Run(Time stop);

    /// \param flow an index from AddUdpFlow() \return datagrams its receiver got
    uint32_t Received(uint32_t flow) const;

    /// \param gateway 0 (gwA) or 1 (gwB) \return that gateway's WAN device
    Ptr<NetDevice> WanDevice(uint32_t gateway) const;

    /// \return every IP packet (PPP header removed) sent onto the WAN, both ways, in order
    const std::vector<Ptr<const Packet>>& WanPackets() const;

    /// \return datagrams hostB received
    uint32_t Delivered() const;
    /// \return IP packets seen on the WAN by protocol (IPv4) or first next header (IPv6)
    const std::map<uint8_t, uint32_t>& WanProtocols() const;
    /// \return gwA's IPsec
    Ptr<IpsecL3Protocol> IpsecA() const;
    /// \return gwB's IPsec
    Ptr<IpsecL3Protocol> IpsecB() const;
    /// \param gateway 0 (gwA) or 1 (gwB) \param reason a reason \return drops counted
    uint64_t Drops(uint32_t gateway, IpsecDropReason reason) const;

    NodeContainer hosts;    //!< hostA, hostB
    NodeContainer gateways; //!< gwA, gwB

  private:
    /// Counts a packet leaving gwA or gwB onto the WAN.
    void WanTx(Ptr<const Packet> packet);

    IpsecTwoSite m_net;                          //!< the network
    std::map<uint8_t, uint32_t> m_wanProtocols;  //!< protocol -> packets
    uint32_t m_delivered{0};                     //!< datagrams received by hostB
    std::vector<Ptr<const Packet>> m_wanPackets; //!< IP packets sent onto the WAN
    std::vector<Ptr<Application>> m_servers;     //!< UdpServer of each AddUdpFlow() flow
};

} // namespace test
} // namespace ns3

#endif /* IPSEC_TWO_SITE_NETWORK_H */
