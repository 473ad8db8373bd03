/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_IPV6_ROUTING_H
#define IPSEC_IPV6_ROUTING_H

#include "ns3/ipv6-routing-protocol.h"

namespace ns3
{

class IpsecL3Protocol;
struct IpsecFlow;

/**
 * \ingroup ipsec
 * \brief Puts the SPD in front of a node's IPv6 routing, as IpsecIpv4Routing does for IPv4.
 *
 * - RouteOutput (locally sent): a packet that a PROTECT or DISCARD entry may cover gets a
 *   route to the tunnel interface, whose send path makes the exact SPD decision.
 * - RouteInput (received, not for this node): plaintext that an inbound PROTECT entry covers
 *   is dropped; a packet to forward that an outbound PROTECT entry covers goes to the tunnel
 *   interface through ns-3's forwarding, which answers "packet too big" when it does not fit.
 *
 * ns-3's IPv6 delivers packets for the node's own addresses before it asks the routing
 * protocol; the inbound check of those is IpsecIpv6LocalGate's. IKE and neighbour discovery
 * are never subject to policy.
 */
class IpsecIpv6Routing : public Ipv6RoutingProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    IpsecIpv6Routing();
    ~IpsecIpv6Routing() override;

    /**
     * \param inner the routing protocol to wrap (already attached to the node's Ipv6)
     * \param ipsec the node's data plane
     */
    void Wrap(Ptr<Ipv6RoutingProtocol> inner, Ptr<IpsecL3Protocol> ipsec);

    /// \return the wrapped protocol
    Ptr<Ipv6RoutingProtocol> GetInner() const;

    /**
     * \brief The selector fields of a packet whose IPv6 header is separate.
     * \param p the packet after the base header
     * \param header its base header
     * \param flow receives the fields
     * \return false if the packet is too malformed to classify
     */
    static bool ClassifyPacket(Ptr<const Packet> p, const Ipv6Header& header, IpsecFlow* flow);

    Ptr<Ipv6Route> RouteOutput(Ptr<Packet> p,
                               const Ipv6Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyAddRoute(Ipv6Address dst,
                        Ipv6Prefix mask,
                        Ipv6Address nextHop,
                        uint32_t interface,
                        Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void NotifyRemoveRoute(Ipv6Address dst,
                           Ipv6Prefix mask,
                           Ipv6Address nextHop,
                           uint32_t interface,
                           Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void SetIpv6(Ptr<Ipv6> ipv6) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /**
     * \brief A route that sends a packet into the tunnel interface.
     * \param destination the packet's destination
     * \param source source address to use
     * \return the route
     */
    Ptr<Ipv6Route> TunnelRoute(Ipv6Address destination, Ipv6Address source);

    Ptr<Ipv6RoutingProtocol> m_inner; //!< the node's own routing
    Ptr<IpsecL3Protocol> m_ipsec;     //!< the node's data plane
    Ptr<Ipv6> m_ipv6;                 //!< the node's IPv6
};

} // namespace ns3

#endif /* IPSEC_IPV6_ROUTING_H */
