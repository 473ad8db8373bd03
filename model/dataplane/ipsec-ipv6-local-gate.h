/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_IPV6_LOCAL_GATE_H
#define IPSEC_IPV6_LOCAL_GATE_H

#include "ns3/ip-l4-protocol.h"

namespace ns3
{

class IpsecL3Protocol;

/**
 * \ingroup ipsec
 * \brief The inbound SPD check (RFC 4301 section 5.2 step 3) of plaintext IPv6 packets for the
 * node itself.
 *
 * ns-3's IPv6 hands packets for the node's own addresses to the transport protocol without
 * asking the routing protocol, so IpsecIpv6Routing never sees them. The gate takes the place of
 * a transport protocol (UDP, TCP) in the IPv6 demultiplexer, drops plaintext that an inbound
 * PROTECT or DISCARD entry covers, and passes everything else to the protocol it wraps.
 * Packets that arrive through a tunnel interface were decrypted and checked already.
 *
 * ICMPv6 is not wrapped: ns-3 finds its neighbour discovery through the demultiplexer by type,
 * so plaintext ICMPv6 to the node itself is not checked.
 */
class IpsecIpv6LocalGate : public IpL4Protocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    IpsecIpv6LocalGate();
    ~IpsecIpv6LocalGate() override;

    /**
     * \param ipsec the node's data plane
     * \param wrapped the transport protocol whose packets pass the gate
     */
    void Attach(Ptr<IpsecL3Protocol> ipsec, Ptr<IpL4Protocol> wrapped);

    /// \return the wrapped protocol
    Ptr<IpL4Protocol> GetWrapped() const;

    int GetProtocolNumber() const override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv4Header& header,
                                   Ptr<Ipv4Interface> incomingInterface) override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv6Header& header,
                                   Ptr<Ipv6Interface> incomingInterface) override;
    void ReceiveIcmp(Ipv6Address icmpSource,
                     uint8_t icmpTtl,
                     uint8_t icmpType,
                     uint8_t icmpCode,
                     uint32_t icmpInfo,
                     Ipv6Address payloadSource,
                     Ipv6Address payloadDestination,
                     const uint8_t payload[8]) override;
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

  protected:
    void DoDispose() override;

  private:
    Ptr<IpsecL3Protocol> m_ipsec; //!< the node's data plane
    Ptr<IpL4Protocol> m_wrapped;  //!< the transport protocol behind the gate
};

} // namespace ns3

#endif /* IPSEC_IPV6_LOCAL_GATE_H */
