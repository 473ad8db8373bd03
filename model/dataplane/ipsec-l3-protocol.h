/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_L3_PROTOCOL_H
#define IPSEC_L3_PROTOCOL_H

#include "ipsec-drop-reason.h"
#include "ipsec-flow.h"
#include "ipsec-ip-header.h"
#include "ipsec-policy.h"
#include "ipsec-sa.h"
#include "ipsec-sad.h"
#include "ipsec-spd.h"

#include "ns3/crypto-random.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/ipv6.h"
#include "ns3/net-device.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/virtual-net-device.h"

#include <array>
#include <map>
#include <set>
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
    uint64_t espEncrypted{0};       //!< ESP packets sent
    uint64_t espDecrypted{0};       //!< ESP packets accepted
    uint64_t ahSent{0};             //!< AH packets sent
    uint64_t ahAccepted{0};         //!< AH packets accepted
    uint64_t bypassed{0};           //!< packets a BYPASS policy let through
    uint64_t linkScopedOnTunnel{0}; //!< IPv6 neighbour discovery a tunnel interface absorbed
    std::array<uint64_t, IPSEC_DROP_REASON_COUNT> drops{}; //!< drops by reason
};

/**
 * \ingroup ipsec
 * \brief The IPsec data plane of one node (RFC 4301 section 5): owns the SPD, the SAD and the
 * tunnel interfaces, protects outbound packets and checks inbound ones.
 *
 * It is aggregated to a Node that has an internet stack, IPv4, IPv6 or both. On aggregation it
 * wraps the node's routing protocols (see IpsecIpv4Routing, IpsecIpv6Routing) so that every
 * packet, sent, forwarded or received, meets the SPD, and registers protocols 50 (ESP) and 51
 * (AH) with both. Protected packets go to a tunnel interface (a VirtualNetDevice, like Junos
 * st0) whose send path applies ESP/AH and sends the result with outer addresses of either
 * family (4in4, 6in6, 4in6, 6in4); decrypted packets re-enter the stack through it.
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

    /// Next header of tunnel mode for an inner IPv4 packet (RFC 4303 section 2.6).
    static constexpr uint8_t NEXT_HEADER_IPV4 = 4;
    /// Next header of tunnel mode for an inner IPv6 packet.
    static constexpr uint8_t NEXT_HEADER_IPV6 = 41;
    /// Size of an IPv4 header without options.
    static constexpr size_t IPV4_HEADER_BYTES = 20;
    /// Size of an IPv6 base header.
    static constexpr size_t IPV6_HEADER_BYTES = 40;

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
     * interface (address 169.254.<node>.<n>/32) and an IPv6 interface (link-local address and
     * fd69:7073:6563::<node>:<n>/128, forwarding on), up, whose MTU leaves room for the overhead of
     * the SAs bound to it. Traffic routed into it goes through its SAs whatever the SPD says; with
     * none bound, it is dropped (no-outbound-sa), never sent in the clear. \return the device
     */
    Ptr<VirtualNetDevice> AddTunnelInterface();

    /// \return the interface policy-based VPNs use (created with the first call; not one of
    /// AddTunnelInterface()'s)
    Ptr<VirtualNetDevice> GetDefaultTunnelInterface();

    /**
     * \brief Binds outbound SAs to a PROTECT policy and installs them in the SAD.
     * \param policy an SPD entry of this node
     * \param bundle the SAs to apply, innermost first (ESP then AH for a bundle)
     */
    void BindOutboundToPolicy(Ptr<IpsecPolicy> policy, const std::vector<Ptr<IpsecSa>>& bundle);

    /**
     * \brief Removes the SAs bound to a PROTECT entry from the SAD (a deletion); traffic the
     * entry covers then needs new SAs and triggers an acquire.
     * \param policy an SPD entry of this node
     * \return the SAs that were bound (empty if none)
     */
    std::vector<Ptr<IpsecSa>> UnbindOutboundFromPolicy(Ptr<IpsecPolicy> policy);

    /**
     * \brief Removes the SAs bound to a route-based tunnel interface from the SAD; traffic
     * routed into it then triggers an acquire.
     * \param tunnel a device from AddTunnelInterface()
     * \return the SAs that were bound (empty if none)
     */
    std::vector<Ptr<IpsecSa>> UnbindOutboundFromTunnel(Ptr<NetDevice> tunnel);

    /**
     * Called when traffic needs SAs that do not exist (RFC 4301 section 5.1: a PROTECT entry,
     * or a route-based tunnel interface, without SAs): the policy-based entry (or nullptr),
     * the route-based tunnel (or nullptr), and the first packet's selector fields. It fires once
     * until SAs are bound or CancelAcquire() is called; meanwhile up to AcquireQueueSize packets
     * wait for the SAs and the rest are dropped (no-outbound-sa).
     */
    using AcquireCallback = Callback<void, Ptr<IpsecPolicy>, Ptr<NetDevice>, const IpsecFlow&>;

    /// \param callback what to call when traffic needs SAs (e.g. the IKE daemon's initiation)
    void SetAcquireCallback(AcquireCallback callback);

    /**
     * \brief Gives up waiting for SAs (negotiation failed): the packets waiting are dropped
     * (no-outbound-sa) and the next packet triggers a new acquire.
     * \param policy the entry of the acquire (or nullptr)
     * \param tunnel the tunnel of the acquire (or nullptr)
     */
    void CancelAcquire(Ptr<IpsecPolicy> policy, Ptr<NetDevice> tunnel);

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
     * \brief Receives an ESP packet for this node (from the protocol 50 handlers).
     * \param packet the ESP packet, IP header removed
     * \param header its IP header (next header 50, payload length the packet's size)
     */
    void ReceiveEsp(Ptr<Packet> packet, const IpsecIpHeader& header);

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
     * \brief Receives an AH packet for this node (from the protocol 51 handlers).
     * \param packet the AH packet, IP header removed
     * \param header its IP header (next header 51, payload length the packet's size)
     */
    void ReceiveAh(Ptr<Packet> packet, const IpsecIpHeader& header);

    /// The UDP port of UDP-encapsulated ESP and of IKE after NAT detection (RFC 3948).
    static constexpr uint16_t NAT_T_PORT = 4500;

    /**
     * \brief Takes a UDP datagram to port 4500 of this node that carries ESP (RFC 3948
     * section 2.2: a non-zero first word; IKE has the four-byte zero marker) and processes the
     * ESP.
     * \param packet the UDP datagram (IP header removed)
     * \param header its IP header
     * \return true if it was ESP and was taken (processed or dropped); false otherwise
     */
    bool TakeUdpEncapsulatedEsp(Ptr<const Packet> packet, const IpsecIpHeader& header);

    /**
     * \brief Routing-time fast path: processes an unfragmented ESP packet at once if its
     * destination and SPI name one of this node's inbound SAs.
     * \param packet the ESP packet (IP header removed)
     * \param header its IPv4 header
     * \return true if it was taken (processed or dropped); false to deliver it normally
     */
    bool TakeLocalEsp(Ptr<const Packet> packet, const Ipv4Header& header);

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
     * \brief The inbound SPD check of a plaintext packet received on an ordinary interface
     * (RFC 4301 section 5.2 step 3): what an inbound PROTECT entry covers must have arrived
     * protected, and what a DISCARD entry covers is discarded.
     * \param packet the packet (IP header removed)
     * \param flow its selector fields
     * \return true if it may go on; false if it was dropped (and counted)
     */
    bool AdmitReceivedPlaintext(Ptr<const Packet> packet, const IpsecFlow& flow);

    /**
     * \brief Applies the outbound SPD entry that covers a packet this node forwards, when the
     * entry is not PROTECT: DISCARD drops it, BYPASS counts it.
     * \param packet the packet (IP header removed)
     * \param policy the entry (BYPASS or DISCARD)
     * \return true if it may be forwarded; false if it was dropped (and counted)
     */
    bool AdmitForwardedPlaintext(Ptr<const Packet> packet, Ptr<IpsecPolicy> policy);

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
    /// \return a new tunnel device with its IPv4 and IPv6 interfaces, up
    Ptr<VirtualNetDevice> CreateTunnelDevice();

    /// \param ipv4 the node's IPv4: wraps its routing and registers ESP and AH with it
    void HookIpv4(Ptr<Ipv4> ipv4);
    /// \param ipv6 the node's IPv6: wraps its routing and registers ESP and AH with it
    void HookIpv6(Ptr<Ipv6> ipv6);

    /**
     * \brief Sends a packet that came to a tunnel interface but needs no protection.
     * \param packet the whole IP packet
     * \param header its header
     */
    void SendPlain(Ptr<Packet> packet, const IpsecIpHeader& header);

    /// \param tunnel a tunnel device \param bundle its SAs: sets the MTU for the overhead
    void UpdateTunnelMtu(Ptr<NetDevice> tunnel, const std::vector<Ptr<IpsecSa>>& bundle);

    /**
     * \brief Applies a bundle of outbound SAs (innermost first) to an IP packet and sends the
     * result with one outer header, of the family of the SAs' addresses.
     * \param bundle the SAs
     * \param inner the whole inner IP packet (tunnel) or the packet to transport
     * \param innerHeader its header
     * \return true if sent
     */
    bool SendBundle(const std::vector<Ptr<IpsecSa>>& bundle,
                    Ptr<Packet> inner,
                    const IpsecIpHeader& innerHeader);

    /// What an acquire waits for: a PROTECT entry's id (policy-based) or a tunnel (route-based).
    using AcquireKey = std::pair<uint64_t, const NetDevice*>;

    /**
     * \brief Handles a packet that needs SAs that do not exist: fires the acquire (once), then
     * holds the packet while the queue has room, or drops it.
     * \param policy the PROTECT entry (policy-based), or nullptr
     * \param tunnel the route-based tunnel, or nullptr
     * \param packet the whole IP packet
     * \param header its header
     * \return false (nothing was sent)
     */
    bool AwaitSas(Ptr<IpsecPolicy> policy,
                  Ptr<NetDevice> tunnel,
                  Ptr<Packet> packet,
                  const IpsecIpHeader& header);

    /// \brief Sends what waited for SAs that now exist. \param key the acquire
    void ReleaseAwaiting(const AcquireKey& key);

    /**
     * \brief Applies the SAs bound to a PROTECT entry to a whole IP packet.
     * \param policy the entry
     * \param packet the IP packet, header included
     * \param header its header
     * \return true if sent
     */
    bool ProtectWithPolicy(Ptr<IpsecPolicy> policy,
                           Ptr<Packet> packet,
                           const IpsecIpHeader& header);

    /**
     * \brief Removes ESP with a known inbound SA and passes the payload on.
     * \param sa the SA the packet's destination and SPI name
     * \param packet the ESP packet (IP header removed)
     * \param header its IP header
     */
    void ReceiveEspForSa(Ptr<IpsecSa> sa, Ptr<const Packet> packet, const IpsecIpHeader& header);

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
     * \brief The outer (tunnel) or rewritten (transport) header of a protected packet, of the
     * SA's family: addresses, DSCP copied, TTL/hop limit, and for IPv4 the DF bit per the SA's
     * df-bit mode and a new identification.
     * \param sa the outermost SA
     * \param inner the inner packet's header
     * \param transport true in transport mode
     * \return the header, without protocol and length
     */
    IpsecIpHeader BuildOuterHeader(const IpsecSa& sa, const IpsecIpHeader& inner, bool transport);

    /**
     * \brief Sends a packet with a header of our making, routed by the node's own routing.
     * \param packet the payload
     * \param header its IP header
     * \param sa the SA involved, for the drop counter if there is no route
     */
    void SendWithRoute(Ptr<Packet> packet, const IpsecIpHeader& header, Ptr<IpsecSa> sa);

    /**
     * \brief Passes on what an inbound SA accepted: ESP inside AH goes to ESP, transport-mode
     * payloads get their IP header back, and the packet re-enters the stack or is forwarded.
     * \param sa the SA
     * \param inner the payload
     * \param nextHeader its protocol
     * \param header the received IP header
     */
    void DeliverPayload(Ptr<IpsecSa> sa,
                        Ptr<Packet> inner,
                        uint8_t nextHeader,
                        const IpsecIpHeader& header);

    Ptr<Node> m_node;                             //!< the node
    Ptr<Ipv4> m_ipv4;                             //!< the node's IPv4, if any
    Ptr<Ipv4RoutingProtocol> m_innerRouting;      //!< the routing the SPD hook wraps
    Ptr<Ipv6> m_ipv6;                             //!< the node's IPv6, if any
    Ptr<Ipv6RoutingProtocol> m_innerRouting6;     //!< the IPv6 routing the SPD hook wraps
    Ptr<IpsecSpd> m_spd;                          //!< policies
    Ptr<IpsecSad> m_sad;                          //!< SAs
    Ptr<CryptoRandom> m_random;                   //!< IVs
    std::vector<Ptr<VirtualNetDevice>> m_tunnels; //!< every tunnel interface
    Ptr<VirtualNetDevice> m_defaultTunnel;        //!< where policy-based VPNs send
    std::set<Ptr<NetDevice>> m_routeBasedTunnels; //!< AddTunnelInterface()'s, SAs by route
    std::map<uint32_t, std::vector<Ptr<IpsecSa>>> m_policyBundles;       //!< policy id -> SAs
    std::map<Ptr<NetDevice>, std::vector<Ptr<IpsecSa>>> m_deviceBundles; //!< route-based
    std::map<uint64_t, Ptr<VirtualNetDevice>> m_inboundTunnel; //!< SA id -> re-entry interface
    IpsecNodeCounters m_counters;                              //!< statistics
    uint16_t m_identification{0};                              //!< outer IPv4 identification
    uint8_t m_outerTtl;                                        //!< TTL of outer headers
    uint16_t m_pathMtu{1500};                                  //!< MTU towards the peers
    AcquireCallback m_acquire;                                 //!< traffic needs SAs
    uint32_t m_acquireQueueSize{0};                            //!< packets held per acquire
    std::set<AcquireKey> m_acquiring; //!< acquires fired and not yet answered
    std::map<AcquireKey, std::vector<std::pair<Ptr<Packet>, IpsecIpHeader>>>
        m_awaiting;         //!< packets held per acquire
    bool m_checksum{false}; //!< ns-3's ChecksumEnabled, read once when installed (per packet
                            //!< it is a global-value lookup)

    TracedCallback<Ptr<const Packet>, Ptr<const IpsecSa>> m_txTrace; //!< ESP/AH sent
    TracedCallback<Ptr<const Packet>, Ptr<const IpsecSa>> m_rxTrace; //!< payload accepted
    TracedCallback<Ptr<const Packet>, IpsecDropReason, Ptr<const IpsecSa>> m_dropTrace; //!< drops
};

} // namespace ns3

#endif /* IPSEC_L3_PROTOCOL_H */
