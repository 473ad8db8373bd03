/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_IP_HEADER_H
#define IPSEC_IP_HEADER_H

#include "ipsec-ip-address.h"

#include "ns3/ipv4-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/packet.h"

#include <variant>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The IP header a protected packet arrived with or will leave with, IPv4 or IPv6, so
 * that ESP/AH processing, which is the same for both families, is written once.
 */
class IpsecIpHeader
{
  public:
    /// EtherType of IPv4.
    static constexpr uint16_t ETHERTYPE_IPV4 = 0x0800;
    /// EtherType of IPv6.
    static constexpr uint16_t ETHERTYPE_IPV6 = 0x86dd;

    /// An empty IPv4 header, to be filled by Peek().
    IpsecIpHeader() = default;
    /// \param header an IPv4 header
    explicit IpsecIpHeader(const Ipv4Header& header);
    /// \param header an IPv6 base header
    explicit IpsecIpHeader(const Ipv6Header& header);

    /**
     * \brief Reads the header at the start of a whole IP packet.
     * \param packet the packet (not changed)
     * \param etherType ETHERTYPE_IPV4 or ETHERTYPE_IPV6
     * \param header receives the header
     * \return false if the packet is too short or the EtherType is neither
     */
    static bool Peek(Ptr<const Packet> packet, uint16_t etherType, IpsecIpHeader* header);

    /// \return true for IPv6
    bool IsIpv6() const;
    /// \return the IPv4 header (must be IPv4; asserted)
    const Ipv4Header& GetIpv4() const;
    /// \return the IPv6 header (must be IPv6; asserted)
    const Ipv6Header& GetIpv6() const;
    /// \return ETHERTYPE_IPV4 or ETHERTYPE_IPV6
    uint16_t GetEtherType() const;
    /// \return the serialized size (20 + options, or 40)
    uint32_t GetSerializedSize() const;

    /// \return the source address
    IpsecIpAddress GetSource() const;
    /// \return the destination address
    IpsecIpAddress GetDestination() const;
    /// \return the protocol (IPv4) or next header (IPv6)
    uint8_t GetProtocol() const;
    /// \return the DS field: IPv4 TOS or IPv6 traffic class
    uint8_t GetDsField() const;
    /// \return TTL or hop limit
    uint8_t GetHopLimit() const;
    /// \return true if the IPv4 DF bit is set (never for IPv6, which routers do not fragment)
    bool IsDontFragment() const;

    /**
     * \param protocol the protocol or next header the payload starts with
     * \param payloadSize the payload's size in bytes
     * \param checksum whether IPv4 checksums are computed (ns-3's ChecksumEnabled)
     * \return a copy that announces that payload
     */
    IpsecIpHeader WithPayload(uint8_t protocol, uint32_t payloadSize, bool checksum) const;

    /// \param packet the payload; the header is added in front of it
    void PrependTo(Ptr<Packet> packet) const;

  private:
    std::variant<Ipv4Header, Ipv6Header> m_header; //!< the header
};

} // namespace ns3

#endif /* IPSEC_IP_HEADER_H */
