/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_IPV4_ROUTING_H
#define IPSEC_IPV4_ROUTING_H

#include "ns3/ipv4-routing-protocol.h"

namespace ns3
{

class IpsecL3Protocol;
struct IpsecFlow;

/**
 * \ingroup ipsec
 * \brief Puts the SPD in front of a node's IPv4 routing: it wraps the routing protocol the
 * node had (usually an Ipv4ListRouting) and sees every packet before it.
 *
 * - RouteOutput (locally sent): PROTECT -> a route to the tunnel interface, DISCARD -> no
 *   route, BYPASS or no match -> the wrapped protocol decides.
 * - RouteInput (received): plaintext that an inbound PROTECT entry covers is dropped; a
 *   packet to be forwarded that an outbound PROTECT entry covers goes to the tunnel
 *   interface; packets that re-enter through a tunnel interface are checked against the
 *   selectors of the SA that decrypted them (RFC 4301 section 5.2).
 *
 * It wraps instead of joining the Ipv4ListRouting because the list delivers local packets
 * before asking its members, and the inbound checks must see those too. Routes added to the
 * wrapped protocols (e.g. a static route to a tunnel interface) keep working.
 */
class IpsecIpv4Routing : public Ipv4RoutingProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    IpsecIpv4Routing();
    ~IpsecIpv4Routing() override;

    /**
     * \param inner the routing protocol to wrap (already attached to the node's Ipv4)
     * \param ipsec the node's data plane
     */
    void Wrap(Ptr<Ipv4RoutingProtocol> inner, Ptr<IpsecL3Protocol> ipsec);

    /// \return the wrapped protocol
    Ptr<Ipv4RoutingProtocol> GetInner() const;

    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv4Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void SetIpv4(Ptr<Ipv4> ipv4) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /**
     * \brief The selector fields of a packet whose IPv4 header is separate.
     * \return false if the packet is too malformed to classify
     */
    bool ClassifyPacket(Ptr<const Packet> p, const Ipv4Header& header, IpsecFlow* flow) const;

    /**
     * \brief A route that sends a packet into the tunnel interface.
     * \param header the packet's header
     * \param source source address to use
     * \return the route
     */
    Ptr<Ipv4Route> TunnelRoute(const Ipv4Header& header, Ipv4Address source);

    Ptr<Ipv4RoutingProtocol> m_inner; //!< the node's own routing
    Ptr<IpsecL3Protocol> m_ipsec;     //!< the node's data plane
    Ptr<Ipv4> m_ipv4;                 //!< the node's IPv4
};

} // namespace ns3

#endif /* IPSEC_IPV4_ROUTING_H */
