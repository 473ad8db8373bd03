/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_L3_PROTOCOL_H
#define IPSEC_L3_PROTOCOL_H

#include "ipsec-drop-reason.h"
#include "ipsec-flow.h"
#include "ipsec-policy.h"
#include "ipsec-sa.h"
#include "ipsec-sad.h"
#include "ipsec-spd.h"

#include "ns3/crypto-random.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-header.h"
#include "ns3/net-device.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/virtual-net-device.h"

#include <array>
#include <map>
#include <vector>

namespace ns3
{

class Node;

/**
 * \ingroup ipsec
 * \brief Per-node counters, in the spirit of Junos `show security ipsec statistics`.
 */
struct IpsecNodeCounters
{
    uint64_t espEncrypted{0};                              //!< ESP packets sent
    uint64_t espDecrypted{0};                              //!< ESP packets accepted
    uint64_t ahSent{0};                                    //!< AH packets sent
    uint64_t ahAccepted{0};                                //!< AH packets accepted
    uint64_t bypassed{0};                                  //!< packets a BYPASS policy let through
    std::array<uint64_t, IPSEC_DROP_REASON_COUNT> drops{}; //!< drops by reason
};

/**
 * \ingroup ipsec
 * \brief The IPsec data plane of one node (RFC 4301 section 5): owns the SPD, the SAD and the
 * tunnel interfaces, protects outbound packets and checks inbound ones.
 *
 * It is aggregated to a Node that has an internet stack. On aggregation it wraps the node's
 * IPv4 routing protocol (see IpsecIpv4Routing) so that every packet, sent, forwarded or
 * received, meets the SPD, and registers protocol 50 (ESP) with IPv4. Protected packets go to a
 * tunnel interface (a VirtualNetDevice, like Junos st0) whose send path applies ESP and sends
 * the result with outer addresses; decrypted packets re-enter the stack through it.
 *
 * Outbound SAs are bound to an SPD entry (policy-based VPN) or to a tunnel interface
 * (route-based VPN: a route to the interface selects the SA).
 */
class IpsecL3Protocol : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    IpsecL3Protocol();
    ~IpsecL3Protocol() override;

    /// EtherType of IPv4, as the tunnel interfaces carry it.
    static constexpr uint16_t ETHERTYPE_IPV4 = 0x0800;
    /// Next header of tunnel mode for an inner IPv4 packet (RFC 4303 section 2.6).
    static constexpr uint8_t NEXT_HEADER_IPV4 = 4;
    /// Next header of tunnel mode for an inner IPv6 packet.
    static constexpr uint8_t NEXT_HEADER_IPV6 = 41;
    /// Size of an IPv4 header without options.
    static constexpr size_t IPV4_HEADER_BYTES = 20;

    /// Signature of the Tx and Rx traces: the ESP packet sent, or the payload accepted.
    typedef void (*PacketTracedCallback)(Ptr<const Packet> packet, Ptr<const IpsecSa> sa);
    /// Signature of the Drop trace; sa is null when no SA was involved.
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet,
                                       IpsecDropReason reason,
                                       Ptr<const IpsecSa> sa);

    /// \return the node's SPD
    Ptr<IpsecSpd> GetSpd() const;
    /// \return the node's SAD
    Ptr<IpsecSad> GetSad() const;
    /// \return the node's source of IVs
    Ptr<CryptoRandom> GetRandom() const;
    /// \return the node's counters
    const IpsecNodeCounters& GetCounters() const;

    /**
     * \brief Fixes the random streams this node's data plane uses.
     * \param stream first stream index
     * \return number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief Adds a route-based tunnel interface (Junos st0.N): a VirtualNetDevice with an IPv4
     * interface, up, whose MTU leaves room for the ESP overhead of the SAs bound to it.
     * \return the device
     */
    Ptr<VirtualNetDevice> AddTunnelInterface();

    /// \return the interface policy-based VPNs use (created with the first call)
    Ptr<VirtualNetDevice> GetDefaultTunnelInterface();

    /**
     * \brief Binds outbound SAs to a PROTECT policy and installs them in the SAD.
     * \param policy an SPD entry of this node
     * \param bundle the SAs to apply, innermost first (ESP then AH for a bundle)
     */
    void BindOutboundToPolicy(Ptr<IpsecPolicy> policy, const std::vector<Ptr<IpsecSa>>& bundle);

    /**
     * \brief Binds outbound SAs to a tunnel interface (route-based VPN) and installs them.
     * \param tunnel a device from AddTunnelInterface()
     * \param bundle the SAs to apply, innermost first
     */
    void BindOutboundToTunnel(Ptr<NetDevice> tunnel, const std::vector<Ptr<IpsecSa>>& bundle);

    /**
     * \brief Installs an inbound SA; packets it accepts enter the stack through tunnel.
     * \param sa the SA
     * \param tunnel the interface (default: GetDefaultTunnelInterface())
     */
    void InstallInbound(Ptr<IpsecSa> sa, Ptr<NetDevice> tunnel = nullptr);

    /**
     * \param device a device of this node
     * \return true if it is one of the node's tunnel interfaces
     */
    bool IsTunnelInterface(Ptr<const NetDevice> device) const;

    /**
     * \brief Receives an ESP packet for this node over IPv4 (from the protocol 50 handler).
     * \param packet the ESP packet, IP header removed
     * \param header its IPv4 header
     */
    void ReceiveEsp(Ptr<Packet> packet, const Ipv4Header& header);

    /**
     * \brief Forwarding fast path: protects and sends a packet being forwarded that a PROTECT
     * entry covers, without a trip through the tunnel interface, when it needs neither
     * fragmentation nor an ICMP error (TTL above 1, fits the tunnel MTU).
     * \param packet the received packet (IP header removed)
     * \param header its IPv4 header
     * \param policy the PROTECT entry that covers it
     * \return true if handled (sent or dropped and counted); false to forward it normally
     */
    bool ForwardProtected(Ptr<const Packet> packet,
                          const Ipv4Header& header,
                          Ptr<IpsecPolicy> policy);

    /**
     * \brief Receives an AH packet for this node over IPv4 (from the protocol 51 handler).
     * \param packet the AH packet, IP header removed
     * \param header its IPv4 header
     */
    void ReceiveAh(Ptr<Packet> packet, const Ipv4Header& header);

    /**
     * \brief Routing-time fast path: processes an unfragmented ESP packet at once if its
     * destination and SPI name one of this node's inbound SAs.
     * \param packet the ESP packet (IP header removed)
     * \param header its IPv4 header
     * \return true if it was taken (processed or dropped); false to deliver it normally
     */
    bool TakeLocalEsp(Ptr<const Packet> packet, const Ipv4Header& header);

    /**
     * \brief Checks a decrypted packet against the selectors of the SA that accepted it
     * (RFC 4301 section 5.2 step 4).
     * \param packet the packet as it re-entered the stack (IP header removed)
     * \param flow its selector fields
     * \return true if it may go on; false if it was dropped (and counted)
     */
    bool CheckInboundSelectors(Ptr<const Packet> packet, const IpsecFlow& flow);

    /**
     * \brief Counts a drop and fires the Drop trace.
     * \param packet the packet dropped
     * \param reason why
     * \param sa the SA involved, if any
     */
    void Drop(Ptr<const Packet> packet, IpsecDropReason reason, Ptr<IpsecSa> sa);

    /// \brief Counts a packet let through by a BYPASS policy.
    void CountBypass();

    /**
     * \brief Whether a locally sent packet must go to the tunnel interface for the exact SPD
     * decision: true if a PROTECT or DISCARD entry matches its addresses and protocol before an
     * entry that certainly lets it pass. Ports are not trusted here, because UDP sockets ask
     * for a route before they add their header.
     * \param flow the packet's selector fields (ports possibly wrong)
     * \return true to route it to the tunnel interface
     */
    bool MayNeedPolicy(const IpsecFlow& flow) const;

    /**
     * \brief The tunnel interfaces' send path: applies the bound SAs to a whole IP packet.
     * \param device the tunnel interface
     * \param packet the IP packet, header included
     * \param protocolNumber its EtherType
     * \return true if the packet was sent
     */
    bool TunnelSendFrom(Ptr<NetDevice> device, Ptr<Packet> packet, uint16_t protocolNumber);

  protected:
    void NotifyNewAggregate() override;
    void DoDispose() override;

  private:
    /**
     * \brief Sends an IPv4 packet that came to a tunnel interface but needs no protection.
     * \param packet the whole IP packet
     */
    void SendPlain(Ptr<Packet> packet);

    /// \param tunnel a tunnel device \param bundle its SAs: sets the MTU for the overhead
    void UpdateTunnelMtu(Ptr<NetDevice> tunnel, const std::vector<Ptr<IpsecSa>>& bundle);

    /**
     * \brief Applies a bundle of outbound SAs (innermost first) to an IPv4 packet and sends
     * the result with one outer header.
     * \param bundle the SAs
     * \param inner the whole inner IP packet (tunnel) or the packet to transport
     * \return true if sent
     */
    bool SendBundle(const std::vector<Ptr<IpsecSa>>& bundle, Ptr<Packet> inner);

    /**
     * \brief Applies the SAs bound to a PROTECT entry to a whole IP packet.
     * \param policy the entry
     * \param packet the IP packet, header included
     * \return true if sent
     */
    bool ProtectWithPolicy(Ptr<IpsecPolicy> policy, Ptr<Packet> packet);

    /**
     * \brief Removes ESP with a known inbound SA and passes the payload on.
     * \param sa the SA the packet's destination and SPI name
     * \param packet the ESP packet (IP header removed)
     * \param header its IPv4 header
     */
    void ReceiveEspForSa(Ptr<IpsecSa> sa, Ptr<const Packet> packet, const Ipv4Header& header);

    /**
     * \brief Decryption fast path: forwards a decrypted tunnel-mode packet for another node
     * straight out (after the selector check and a TTL decrement, as IpForward would), without
     * re-entering the stack through the tunnel interface.
     * \param inner the inner IP packet, header included
     * \param sa the SA that accepted it
     * \return true if handled (sent or dropped and counted); false to re-enter the stack
     */
    bool ForwardDecrypted(Ptr<Packet> inner, Ptr<IpsecSa> sa);

    /**
     * \param sa an inbound SA
     * \param flow a decrypted packet's selector fields
     * \return true if the packet lies within the SA's selectors (RFC 4301 section 5.2)
     */
    bool SelectorsAdmit(Ptr<IpsecSa> sa, const IpsecFlow& flow) const;

    /**
     * \brief The outer (tunnel) or rewritten (transport) IPv4 header of a protected packet:
     * addresses, DSCP copied, TTL, DF bit per the SA's df-bit mode, a new identification.
     * \param sa the outermost SA
     * \param inner the inner packet's header
     * \param transport true in transport mode
     * \return the header, without protocol and length
     */
    Ipv4Header BuildOuterHeader(const IpsecSa& sa, const Ipv4Header& inner, bool transport);

    /**
     * \brief Sends a packet with a header of our making, routed by the node's own routing.
     * \param packet the payload
     * \param header its IPv4 header
     * \param sa the SA involved, for the drop counter if there is no route
     */
    void SendWithRoute(Ptr<Packet> packet, const Ipv4Header& header, Ptr<IpsecSa> sa);

    /**
     * \brief Passes on what an inbound SA accepted: ESP inside AH goes to ESP, transport-mode
     * payloads get their IP header back, and the packet re-enters the stack or is forwarded.
     * \param sa the SA
     * \param inner the payload
     * \param nextHeader its protocol
     * \param header the received IPv4 header
     */
    void DeliverPayload(Ptr<IpsecSa> sa,
                        Ptr<Packet> inner,
                        uint8_t nextHeader,
                        const Ipv4Header& header);

    Ptr<Node> m_node;                             //!< the node
    Ptr<Ipv4> m_ipv4;                             //!< the node's IPv4 (looked up once)
    Ptr<Ipv4RoutingProtocol> m_innerRouting;      //!< the routing the SPD hook wraps
    Ptr<IpsecSpd> m_spd;                          //!< policies
    Ptr<IpsecSad> m_sad;                          //!< SAs
    Ptr<CryptoRandom> m_random;                   //!< IVs
    std::vector<Ptr<VirtualNetDevice>> m_tunnels; //!< tunnel interfaces, [0] is the default
    std::map<uint32_t, std::vector<Ptr<IpsecSa>>> m_policyBundles;       //!< policy id -> SAs
    std::map<Ptr<NetDevice>, std::vector<Ptr<IpsecSa>>> m_deviceBundles; //!< route-based
    std::map<uint64_t, Ptr<IpsecSa>> m_inboundById;                      //!< SA id -> inbound SA
    std::map<uint64_t, Ptr<NetDevice>> m_inboundTunnel; //!< SA id -> re-entry interface
    IpsecNodeCounters m_counters;                       //!< statistics
    uint16_t m_identification{0};                       //!< outer IPv4 identification
    uint8_t m_outerTtl;                                 //!< TTL of outer headers
    uint16_t m_pathMtu{1500};                           //!< MTU towards the peers

    TracedCallback<Ptr<const Packet>, Ptr<const IpsecSa>> m_txTrace; //!< ESP/AH sent
    TracedCallback<Ptr<const Packet>, Ptr<const IpsecSa>> m_rxTrace; //!< payload accepted
    TracedCallback<Ptr<const Packet>, IpsecDropReason, Ptr<const IpsecSa>> m_dropTrace; //!< drops
};

} // namespace ns3

#endif /* IPSEC_L3_PROTOCOL_H */
