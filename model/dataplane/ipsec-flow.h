/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_FLOW_H
#define IPSEC_FLOW_H

#include "ipsec-ip-address.h"

#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The selector fields of one packet (RFC 4301 section 4.4.1.1): what the SPD looks up.
 *
 * Ports: for TCP, UDP and SCTP the transport ports. For ICMP and ICMPv6 both port fields hold
 * the message type in the high byte and the code in the low byte (see IpsecTrafficSelector for
 * why both). For other protocols the ports are 0 and OPAQUE.
 *
 * Fragments: a non-initial fragment (fragment offset not zero) has no transport header, so its
 * ports are OPAQUE (RFC 4301 section 7) and m_isFragment is true; it then matches only
 * selectors whose port range is ANY. An initial fragment carries the transport header and is
 * treated as an ordinary packet.
 *
 * The parsers never read beyond the size given: a truncated or malformed header returns false
 * with a reason, and the flow is then left unchanged.
 */
struct IpsecFlow
{
    /// Bytes the Ptr<Packet> overloads copy out of a packet before parsing.
    static constexpr size_t MAX_HEADER_BYTES = 128;
    /// Most IPv6 extension headers walked before giving up (bounds the parser's work).
    static constexpr unsigned MAX_IPV6_EXTENSION_HEADERS = 16;

    IpsecIpAddress m_source;       //!< source address
    IpsecIpAddress m_destination;  //!< destination address
    uint8_t m_protocol{0};         //!< upper-layer protocol (IPv4 Protocol, last IPv6 header)
    uint16_t m_sourcePort{0};      //!< source port, or ICMP type<<8|code
    uint16_t m_destinationPort{0}; //!< destination port, or ICMP type<<8|code
    bool m_isFragment{false};      //!< non-initial fragment: ports are OPAQUE

    /// \return true for a non-initial fragment (ports OPAQUE)
    bool IsFragment() const;

    /// \return true if the port fields hold real values (not a fragment, protocol with ports)
    bool HasPorts() const;

    /// \return true for IKE's own packets: UDP to or from port 500 or 4500
    bool IsIke() const;

    /// \return true for ICMPv6 router/neighbour solicitations and advertisements and redirects
    /// (types 133 to 137), which a link needs before any SA can be used
    bool IsNeighborDiscovery() const;

    /**
     * \brief Reads the selector fields of an IPv4 packet.
     *
     * The IPv4 header's Total Length bounds the packet when it is shorter than size (link-layer
     * padding after it is ignored). Only the first 4 bytes of a TCP/UDP/SCTP header (the ports)
     * and the first 2 of an ICMP header (type, code) need to be present.
     * \param data the packet, starting with the IPv4 header
     * \param size bytes available at data
     * \param flow receives the fields on success
     * \param error receives the reason on failure (may be nullptr)
     * \return true on success
     */
    static bool FromIpv4Packet(const uint8_t* data,
                               size_t size,
                               IpsecFlow* flow,
                               std::string* error);

    /**
     * \brief Reads the selector fields of an IPv6 packet, walking the Hop-by-Hop Options,
     * Routing, Destination Options and Fragment extension headers to the upper-layer header.
     *
     * Any other next header value (ESP, AH, No Next Header, Mobility, ...) is the upper-layer
     * protocol. A Payload Length of 0 (a jumbogram) leaves size as the bound.
     * \param data the packet, starting with the IPv6 header
     * \param size bytes available at data
     * \param flow receives the fields on success
     * \param error receives the reason on failure (may be nullptr)
     * \return true on success
     */
    static bool FromIpv6Packet(const uint8_t* data,
                               size_t size,
                               IpsecFlow* flow,
                               std::string* error);

    /**
     * \brief Dispatches on the version nibble to FromIpv4Packet() or FromIpv6Packet().
     * \param data the packet, starting with the IP header
     * \param size bytes available at data
     * \param flow receives the fields on success
     * \param error receives the reason on failure (may be nullptr)
     * \return true on success
     */
    static bool FromIpPacket(const uint8_t* data, size_t size, IpsecFlow* flow, std::string* error);

    /**
     * \brief As above, on the first MAX_HEADER_BYTES bytes of an ns-3 packet.
     * \param packet a packet whose first bytes are the IPv4 header
     * \param flow receives the fields on success
     * \param error receives the reason on failure (may be nullptr)
     * \return true on success
     */
    static bool FromIpv4Packet(Ptr<const Packet> packet, IpsecFlow* flow, std::string* error);

    /**
     * \brief As above, on the first MAX_HEADER_BYTES bytes of an ns-3 packet (extension
     * headers longer than that make the parse fail).
     * \param packet a packet whose first bytes are the IPv6 header
     * \param flow receives the fields on success
     * \param error receives the reason on failure (may be nullptr)
     * \return true on success
     */
    static bool FromIpv6Packet(Ptr<const Packet> packet, IpsecFlow* flow, std::string* error);

    /// \return e.g. "10.0.0.1:1234 -> 10.0.0.2:80 proto 6" or "... proto 17 fragment"
    std::string ToString() const;
};

/**
 * \param os output stream
 * \param flow a flow
 * \return os, after writing flow.ToString()
 */
std::ostream& operator<<(std::ostream& os, const IpsecFlow& flow);

} // namespace ns3

#endif /* IPSEC_FLOW_H */
