/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-ah-transform.h"

#include "ipsec-wire-bytes.h"

#include "ns3/log.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecAhTransform");

namespace
{

/// IPv4 header without options: ns-3's Ipv4Header has none.
constexpr size_t IPV4_HEADER_BYTES = 20;
/// IPv6 base header.
constexpr size_t IPV6_HEADER_BYTES = 40;
/// Offset of the SPI in the AH header.
constexpr size_t SPI_OFFSET = 4;
/// Offset of the sequence number in the AH header.
constexpr size_t SEQUENCE_OFFSET = 8;
/// Largest IPv4 total length and IPv6 payload length (no jumbograms).
constexpr size_t MAX_IP_LENGTH = std::numeric_limits<uint16_t>::max();

/**
 * \brief What AH needs to know of the IP version in front of it, besides the header's fields
 * (which WriteIcvHeader lays out).
 */
struct IpVersion
{
    bool ipv6;                  //!< AH is a multiple of 8 bytes after IPv6, of 4 after IPv4
    size_t headerBytes;         //!< the IP header in front of AH
    size_t headerBytesInLength; //!< of those, the bytes the header's length field counts
};

/// IPv4: the total length counts the header too.
constexpr IpVersion IPV4{false, IPV4_HEADER_BYTES, IPV4_HEADER_BYTES};
/// IPv6: the payload length counts only what follows the base header.
constexpr IpVersion IPV6{true, IPV6_HEADER_BYTES, 0};

/**
 * \brief Writes the IPv4 header as the ICV sees it (RFC 4302 section 3.3.3.1.1.1): version,
 * header length, total length, identification, protocol and addresses as they are; DSCP/ECN,
 * flags, fragment offset, TTL and header checksum zero, because routers may change them.
 * \param out 20 bytes, zero on entry
 */
void
WriteIcvHeader(uint8_t* out, const Ipv4Header& header, size_t payloadSize, uint8_t protocol)
{
    out[0] = 0x45; // version 4, 5 words: Ipv4Header has no options
    // out[1]: DSCP and ECN, zero.
    IpsecWriteU16(out + 2, static_cast<uint16_t>(IPV4_HEADER_BYTES + payloadSize));
    IpsecWriteU16(out + 4, header.GetIdentification());
    // out[6..7]: flags and fragment offset, zero; out[8]: TTL, zero.
    out[9] = protocol;
    // out[10..11]: header checksum, zero.
    header.GetSource().Serialize(out + 12);
    header.GetDestination().Serialize(out + 16);
}

/**
 * \brief Writes the IPv6 base header as the ICV sees it (RFC 4302 section 3.3.3.1.2.1):
 * version, payload length, next header and addresses as they are; traffic class (DSCP/ECN),
 * flow label and hop limit zero.
 * \param out 40 bytes, zero on entry
 */
void
WriteIcvHeader(uint8_t* out, const Ipv6Header& header, size_t payloadLength, uint8_t next)
{
    out[0] = 0x60; // version 6; the traffic class and flow label around it stay zero
    IpsecWriteU16(out + 4, static_cast<uint16_t>(payloadLength));
    out[6] = next;
    // out[7]: hop limit, zero.
    header.GetSource().Serialize(out + 8);
    header.GetDestination().Serialize(out + 24);
}

/// AH without an integrity transform cannot exist (IpsecSa refuses it); an ESP SA passed here
/// by mistake must not produce unauthenticated packets.
bool
HasIntegrity(const IpsecSa& sa)
{
    if (!sa.GetIntegrity())
    {
        NS_LOG_WARN("SA " << sa.GetSpi() << " has no integrity transform: cannot run AH");
        return false;
    }
    return true;
}

/**
 * \brief Outbound AH on a buffer that starts with the IP header as the ICV sees it.
 * \param wire IP header (ipBytes), then room for the AH header (headerSize) and the payload;
 *        zero beyond the IP header on entry
 * \return AH header and payload, or nullptr with reason set
 */
Ptr<Packet>
Seal(IpsecSa& sa,
     std::vector<uint8_t>& wire,
     size_t ipBytes,
     size_t headerSize,
     Ptr<const Packet> payload,
     uint8_t nextHeader,
     IpsecDropReason* reason)
{
    uint64_t sequence = 0;
    // RFC 4302 section 3.3.2: the sender MUST NOT let the sequence number cycle.
    if (!sa.NextSequenceNumber(&sequence))
    {
        *reason = IpsecDropReason::SEQUENCE_EXHAUSTED;
        return nullptr;
    }
    const size_t icvSize = sa.GetIcvSize();
    uint8_t* ah = wire.data() + ipBytes;
    ah[0] = nextHeader;
    // RFC 4302 section 2.2: the length of AH in 32-bit words, minus 2.
    ah[1] = static_cast<uint8_t>(headerSize / 4 - 2);
    // ah[2..3]: reserved, MUST be zero (RFC 4302 section 2.3).
    IpsecWriteU32(ah + SPI_OFFSET, sa.GetSpi());
    // RFC 4302 section 2.5.1: only the low-order 32 bits are sent.
    IpsecWriteU32(ah + SEQUENCE_OFFSET, static_cast<uint32_t>(sequence));
    // The ICV and its padding stay zero here: the ICV is computed with the ICV field zero
    // (RFC 4302 section 3.3.3.1), and the padding, whose contents the sender chooses (section
    // 3.3.3.2.1), is zero so that it reads the same whether a receiver zeroes it with the ICV
    // or keeps it as sent.
    payload->CopyData(ah + headerSize, payload->GetSize());

    uint8_t high[4];
    const size_t highSize =
        IpsecWriteEsnHighBits(sequence, sa.GetConfig().extendedSequenceNumbers, high);
    std::vector<uint8_t> icv(icvSize);
    sa.GetIntegrity()->Compute({{wire.data(), wire.size()}, {high, highSize}}, icv.data());
    std::copy(icv.begin(), icv.end(), ah + IpsecAhTransform::FIXED_HEADER_BYTES);
    return Create<Packet>(ah, wire.size() - ipBytes);
}

/**
 * \brief Inbound length checks (RFC 4302 section 3.4), then a copy of the packet behind room
 * for the IP header as the ICV sees it.
 * \param ipLength the payload size the received IP header states
 * \param wire receives the IP header's bytes of zero, then the packet
 * \return false with result.reason set if the packet cannot be AH for this SA
 */
bool
Load(const IpsecSa& sa,
     const IpVersion& version,
     size_t ipLength,
     Ptr<const Packet> ahAndPayload,
     std::vector<uint8_t>* wire,
     IpsecUnprotectResult* result)
{
    result->reason = IpsecDropReason::MALFORMED;
    const size_t ipBytes = version.headerBytes;
    const size_t headerSize = IpsecAhTransform::GetHeaderSize(sa, version.ipv6);
    const size_t size = ahAndPayload->GetSize();
    if (size < headerSize)
    {
        return false;
    }
    // The IP header and the bytes behind it must agree: a truncated packet, or one whose
    // length field was changed, cannot verify and is malformed rather than forged.
    if (ipLength != size)
    {
        return false;
    }
    wire->assign(ipBytes + size, 0);
    ahAndPayload->CopyData(wire->data() + ipBytes, size);
    // RFC 4302 section 2.2: AH's length in 32-bit words minus 2. The SA fixes the ICV length,
    // and only the minimum padding is allowed (section 3.3.3.2.1), so there is one right value.
    const uint8_t payloadLength = (*wire)[ipBytes + 1];
    if ((size_t(payloadLength) + 2) * 4 != headerSize)
    {
        return false;
    }
    return true;
}

/**
 * \brief Inbound AH on a buffer that starts with the IP header as the ICV sees it: anti-replay,
 * ICV, window update (RFC 4302 sections 3.4.3 and 3.4.4).
 * \param wire IP header (ipBytes), AH header, payload; the ICV is zeroed in place
 * \return the payload and next header, or the reason for dropping the packet
 */
IpsecUnprotectResult
Open(IpsecSa& sa, std::vector<uint8_t>& wire, size_t ipBytes, size_t headerSize)
{
    IpsecUnprotectResult result;
    uint8_t* ah = wire.data() + ipBytes;

    // RFC 4302 section 3.4.3: the replay check comes first, before the ICV is computed, and
    // the window is updated only after the ICV verified.
    uint64_t sequence = 0;
    const IpsecReplayVerdict verdict =
        sa.GetReplayWindow().Check(IpsecReadU32(ah + SEQUENCE_OFFSET), &sequence);
    if (verdict != IpsecReplayVerdict::OK)
    {
        result.reason = IpsecReplayDropReason(verdict);
        return result;
    }

    // RFC 4302 section 3.4.4.1: save the ICV and replace it, but not the ICV padding, with
    // zero; the padding enters the computation as it was sent (section 3.3.3.2.1).
    const size_t icvSize = sa.GetIcvSize();
    uint8_t* icvField = ah + IpsecAhTransform::FIXED_HEADER_BYTES;
    const std::vector<uint8_t> icv(icvField, icvField + icvSize);
    std::fill(icvField, icvField + icvSize, 0);
    uint8_t high[4];
    const size_t highSize =
        IpsecWriteEsnHighBits(sequence, sa.GetConfig().extendedSequenceNumbers, high);
    const CryptoStatus status =
        sa.GetIntegrity()->Verify({{wire.data(), wire.size()}, {high, highSize}},
                                  {icv.data(), icv.size()});
    if (status != CryptoStatus::OK)
    {
        result.reason = IpsecCryptoDropReason(status);
        return result;
    }

    sa.GetReplayWindow().Accept(sequence);
    result.sequence = sequence;
    result.nextHeader = ah[0];
    result.payload = Create<Packet>(ah + headerSize, wire.size() - ipBytes - headerSize);
    result.accepted = true;
    return result;
}

/**
 * \brief Outbound AH after either IP version (RFC 4302 section 3.3).
 * \tparam IpHeader Ipv4Header or Ipv6Header, as version says
 * \param outer the IP header the packet will be sent with
 * \return AH header and payload, or nullptr with reason set
 */
template <class IpHeader>
Ptr<Packet>
Protect(IpsecSa& sa,
        const IpVersion& version,
        const IpHeader& outer,
        Ptr<const Packet> payload,
        uint8_t nextHeader,
        IpsecDropReason* reason)
{
    if (!HasIntegrity(sa))
    {
        *reason = IpsecDropReason::CRYPTO_ERROR;
        return nullptr;
    }
    const size_t headerSize = IpsecAhTransform::GetHeaderSize(sa, version.ipv6);
    const size_t ipPayloadSize = headerSize + payload->GetSize();
    if (version.headerBytesInLength + ipPayloadSize > MAX_IP_LENGTH)
    {
        *reason = IpsecDropReason::MTU_EXCEEDED;
        return nullptr;
    }
    std::vector<uint8_t> wire(version.headerBytes + ipPayloadSize, 0);
    WriteIcvHeader(wire.data(), outer, ipPayloadSize, IpsecAhTransform::PROTOCOL_NUMBER);
    return Seal(sa, wire, version.headerBytes, headerSize, payload, nextHeader, reason);
}

/**
 * \brief Inbound AH after either IP version (RFC 4302 section 3.4).
 * \tparam IpHeader Ipv4Header or Ipv6Header, as version says
 * \param received the IP header the packet arrived with
 * \param ipLength the payload size received states
 * \param protocol received's protocol (IPv4) or next header (IPv6) field
 * \return the payload and next header, or the reason for dropping the packet
 */
template <class IpHeader>
IpsecUnprotectResult
Unprotect(IpsecSa& sa,
          const IpVersion& version,
          const IpHeader& received,
          size_t ipLength,
          uint8_t protocol,
          Ptr<const Packet> ahAndPayload)
{
    IpsecUnprotectResult result;
    if (!HasIntegrity(sa))
    {
        result.reason = IpsecDropReason::CRYPTO_ERROR;
        return result;
    }
    std::vector<uint8_t> wire;
    if (!Load(sa, version, ipLength, ahAndPayload, &wire, &result))
    {
        return result;
    }
    // The protocol (IPv4) or next header (IPv6) field is used as received: it is immutable, so
    // a changed one fails the ICV.
    WriteIcvHeader(wire.data(), received, ahAndPayload->GetSize(), protocol);
    return Open(sa, wire, version.headerBytes, IpsecAhTransform::GetHeaderSize(sa, version.ipv6));
}

} // namespace

size_t
IpsecAhTransform::GetHeaderSize(const IpsecSa& sa, bool ipv6)
{
    // RFC 4302 sections 2.2 and 2.6: AH is a multiple of 32 bits for IPv4 and of 64 bits for
    // IPv6, with only as much ICV padding as that needs.
    const size_t alignment = ipv6 ? 8 : 4;
    const size_t unpadded = FIXED_HEADER_BYTES + sa.GetIcvSize();
    return (unpadded + alignment - 1) / alignment * alignment;
}

Ptr<Packet>
IpsecAhTransform::ProtectIpv4(IpsecSa& sa,
                              const Ipv4Header& outer,
                              Ptr<const Packet> payload,
                              uint8_t nextHeader,
                              IpsecDropReason* reason)
{
    return Protect(sa, IPV4, outer, payload, nextHeader, reason);
}

IpsecUnprotectResult
IpsecAhTransform::UnprotectIpv4(IpsecSa& sa,
                                const Ipv4Header& received,
                                Ptr<const Packet> ahAndPayload)
{
    return Unprotect(sa,
                     IPV4,
                     received,
                     received.GetPayloadSize(),
                     received.GetProtocol(),
                     ahAndPayload);
}

Ptr<Packet>
IpsecAhTransform::ProtectIpv6(IpsecSa& sa,
                              const Ipv6Header& outer,
                              Ptr<const Packet> payload,
                              uint8_t nextHeader,
                              IpsecDropReason* reason)
{
    return Protect(sa, IPV6, outer, payload, nextHeader, reason);
}

IpsecUnprotectResult
IpsecAhTransform::UnprotectIpv6(IpsecSa& sa,
                                const Ipv6Header& received,
                                Ptr<const Packet> ahAndPayload)
{
    return Unprotect(sa,
                     IPV6,
                     received,
                     received.GetPayloadLength(),
                     received.GetNextHeader(),
                     ahAndPayload);
}

bool
IpsecAhTransform::PeekSpi(Ptr<const Packet> ahAndPayload, uint32_t* spi)
{
    if (ahAndPayload->GetSize() < FIXED_HEADER_BYTES)
    {
        return false;
    }
    uint8_t header[SPI_OFFSET + 4];
    ahAndPayload->CopyData(header, sizeof(header));
    *spi = IpsecReadU32(header + SPI_OFFSET);
    return true;
}

} // namespace ns3
