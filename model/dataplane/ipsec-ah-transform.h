/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_AH_TRANSFORM_H
#define IPSEC_AH_TRANSFORM_H

#include "ipsec-drop-reason.h"
#include "ipsec-esp-transform.h"
#include "ipsec-sa.h"

#include "ns3/ipv4-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/packet.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief AH (RFC 4302) on real bytes: next header | payload length | reserved | SPI | sequence |
 * ICV (| padding), with the SA's integrity transform.
 *
 * Unlike ESP, AH also authenticates the IP header in front of it (RFC 4302 section 3.3.3), so
 * each direction exists once per IP version and takes the IP header the packet is sent with or
 * was received with. The ICV covers, in this order:
 *
 *  - that IP header with its mutable fields set to zero (IPv4: DSCP/ECN, flags, fragment
 *    offset, TTL, header checksum; IPv6: traffic class, flow label, hop limit);
 *  - the AH header with the ICV set to zero, explicit padding included;
 *  - everything after AH (the payload);
 *  - with extended sequence numbers, the high-order 32 bits of the sequence number, which are
 *    not sent.
 *
 * ns-3's Ipv4Header carries no options, and AH is placed directly after the IPv6 base header
 * (no extension headers in between), so no option or extension header needs classifying.
 * Fragments are out of scope: the IP layer reassembles before it hands a packet to AH (RFC 4302
 * section 3.4.1), so the fragmentation fields of the received header are treated like the other
 * mutable fields and not inspected here.
 *
 * The caller does SA lookup, lifetime accounting and counting of drops, as for ESP.
 */
class IpsecAhTransform
{
  public:
    /// IP protocol number of AH (RFC 4302 section 2).
    static constexpr uint8_t PROTOCOL_NUMBER = 51;
    /// Next header, payload length, reserved, SPI and sequence number (RFC 4302 section 2).
    static constexpr size_t FIXED_HEADER_BYTES = 12;

    /**
     * \param sa an AH SA
     * \param ipv6 whether the packet is IPv6 (AH must be a multiple of 8 bytes) or IPv4 (4)
     * \return the bytes of the AH header: the fixed part, the ICV and the padding that aligns
     *         it (RFC 4302 sections 2.2 and 2.6); this is AH's whole overhead
     */
    static size_t GetHeaderSize(const IpsecSa& sa, bool ipv6);

    /**
     * \brief Builds AH for an IPv4 packet (RFC 4302 section 3.3).
     *
     * The ICV covers the IPv4 header the packet will be sent with; the result must therefore be
     * sent with exactly that header (Ipv4::SendWithHeader), with protocol 51 and a payload size
     * equal to the size of the returned packet. Those two fields are taken from the arguments,
     * not from outer; every other field of outer is used as given.
     *
     * \param sa outbound AH SA
     * \param outer the IPv4 header the packet will be sent with (source, destination, TOS, TTL,
     *        identification, flags)
     * \param payload an IP packet (tunnel mode) or transport-layer segment (transport mode)
     * \param nextHeader 4 (IPv4), 41 (IPv6) or the transport protocol
     * \param reason receives the drop reason when no packet is built
     * \return the AH header followed by the payload (no IP header), or nullptr (sequence numbers
     *         exhausted, packet larger than an IPv4 datagram can be, SA without integrity)
     */
    static Ptr<Packet> ProtectIpv4(IpsecSa& sa,
                                   const Ipv4Header& outer,
                                   Ptr<const Packet> payload,
                                   uint8_t nextHeader,
                                   IpsecDropReason* reason);

    /**
     * \brief Checks and removes AH from an IPv4 packet (RFC 4302 section 3.4): lengths,
     * anti-replay, ICV; on success the replay window advances.
     * \param sa the inbound SA the packet's SPI names
     * \param received the IPv4 header the packet arrived with (its payload size must be the
     *        size of ahAndPayload)
     * \param ahAndPayload the packet after the IPv4 header, starting with AH
     * \return the payload and next header, or the reason for dropping it
     */
    static IpsecUnprotectResult UnprotectIpv4(IpsecSa& sa,
                                              const Ipv4Header& received,
                                              Ptr<const Packet> ahAndPayload);

    /**
     * \brief Builds AH for an IPv6 packet (RFC 4302 section 3.3), AH directly after the base
     * header.
     *
     * As for IPv4, the result must be sent with exactly outer, with next header 51 and a payload
     * length equal to the size of the returned packet; those two fields are taken from the
     * arguments.
     *
     * \param sa outbound AH SA
     * \param outer the IPv6 header the packet will be sent with
     * \param payload an IP packet (tunnel mode) or transport-layer segment (transport mode)
     * \param nextHeader 4 (IPv4), 41 (IPv6) or the transport protocol
     * \param reason receives the drop reason when no packet is built
     * \return the AH header followed by the payload, or nullptr (see ProtectIpv4)
     */
    static Ptr<Packet> ProtectIpv6(IpsecSa& sa,
                                   const Ipv6Header& outer,
                                   Ptr<const Packet> payload,
                                   uint8_t nextHeader,
                                   IpsecDropReason* reason);

    /**
     * \brief Checks and removes AH from an IPv6 packet whose base header is directly followed by
     * AH (RFC 4302 section 3.4).
     * \param sa the inbound SA the packet's SPI names
     * \param received the IPv6 header the packet arrived with (its payload length must be the
     *        size of ahAndPayload)
     * \param ahAndPayload the packet after the IPv6 base header, starting with AH
     * \return the payload and next header, or the reason for dropping it
     */
    static IpsecUnprotectResult UnprotectIpv6(IpsecSa& sa,
                                              const Ipv6Header& received,
                                              Ptr<const Packet> ahAndPayload);

    /**
     * \param ahAndPayload a packet that should start with an AH header
     * \param spi receives the SPI
     * \return false if the packet is too short to hold the fixed part of an AH header
     */
    static bool PeekSpi(Ptr<const Packet> ahAndPayload, uint32_t* spi);
};

} // namespace ns3

#endif /* IPSEC_AH_TRANSFORM_H */
