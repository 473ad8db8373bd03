/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_ESP_TRANSFORM_H
#define IPSEC_ESP_TRANSFORM_H

#include "ipsec-drop-reason.h"
#include "ipsec-sa.h"

#include "ns3/crypto-random.h"
#include "ns3/packet.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Result of removing ESP from one packet.
 */
struct IpsecUnprotectResult
{
    bool accepted{false};                               //!< true if payload is valid
    IpsecDropReason reason{IpsecDropReason::MALFORMED}; //!< why not, when not accepted
    uint8_t nextHeader{0};                              //!< protocol of the payload
    uint64_t sequence{0};                               //!< full sequence number
    Ptr<Packet> payload;                                //!< the decrypted payload
};

/**
 * \ingroup ipsec
 * \brief ESP (RFC 4303) on real bytes: SPI | sequence | IV | ciphertext(payload | padding |
 * pad length | next header) | ICV, with the SA's cipher and integrity transform.
 *
 * The IV is random for CBC (RFC 3602 section 3: it must be unpredictable) and the 64-bit
 * sequence number for counter-based modes (RFC 4106 section 3.1, RFC 3686 section 3.1,
 * RFC 7634 section 2: it must be unique per key, which the sequence number guarantees). The
 * caller does SA lookup, lifetime accounting and counting of drops.
 */
class IpsecEspTransform
{
  public:
    /// SPI and sequence number (RFC 4303 section 2).
    static constexpr size_t HEADER_BYTES = 8;
    /// Pad length and next header.
    static constexpr size_t TRAILER_BYTES = 2;

    /**
     * \param sa an ESP SA
     * \param payloadSize bytes to protect
     * \return the bytes ESP adds to that payload (header, IV, padding, trailer, ICV)
     */
    static size_t GetOverhead(const IpsecSa& sa, size_t payloadSize);

    /**
     * \param sa an ESP SA
     * \return the largest overhead for any payload size (worst-case padding): what a tunnel
     *         interface's MTU must leave room for
     */
    static size_t GetMaxOverhead(const IpsecSa& sa);

    /**
     * \brief Builds the ESP packet for a payload (RFC 4303 section 3.3).
     * \param sa outbound ESP SA
     * \param payload an IP packet (tunnel mode) or transport-layer segment (transport mode)
     * \param nextHeader 4 (IPv4), 41 (IPv6) or the transport protocol
     * \param random source of CBC IVs
     * \param reason receives the drop reason when no packet is built
     * \return the ESP packet, or nullptr (sequence numbers exhausted, crypto failure)
     */
    static Ptr<Packet> Protect(IpsecSa& sa,
                               Ptr<const Packet> payload,
                               uint8_t nextHeader,
                               CryptoRandom& random,
                               IpsecDropReason* reason);

    /**
     * \brief Checks and removes ESP (RFC 4303 section 3.4): length, anti-replay, integrity,
     * decryption, padding; on success the replay window advances.
     * \param sa the inbound SA the packet's SPI names
     * \param packet the ESP packet, starting with the SPI
     * \return the payload and next header, or the reason for dropping it
     */
    static IpsecUnprotectResult Unprotect(IpsecSa& sa, Ptr<const Packet> packet);

    /**
     * \param packet a packet that should start with an ESP header
     * \param spi receives the SPI
     * \return false if the packet is too short to hold one
     */
    static bool PeekSpi(Ptr<const Packet> packet, uint32_t* spi);
};

} // namespace ns3

#endif /* IPSEC_ESP_TRANSFORM_H */
