/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-esp-transform.h"

#include "ipsec-wire-bytes.h"

#include "ns3/log.h"

#include <algorithm>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecEspTransform");

namespace
{

/**
 * \brief A work buffer reused for every packet: ESP needs one contiguous copy of the bytes to
 * run the cipher on, and allocating (and zeroing) a fresh one per packet showed in profiles.
 * The simulator is single-threaded; the buffer only grows.
 * \param size bytes needed
 * \return the buffer, at least size bytes long
 */
uint8_t*
WorkBuffer(size_t size)
{
    static std::vector<uint8_t> buffer;
    if (buffer.size() < size)
    {
        buffer.resize(size);
    }
    return buffer.data();
}

/// Next header value of a TFC dummy packet (RFC 4303 section 2.6).
constexpr uint8_t NEXT_HEADER_NO_NEXT = 59;

/// RFC 4303 section 2.4: the ciphertext is a whole number of cipher blocks and ends on a
/// 4-byte boundary.
size_t
Alignment(const CryptoEncryptionAlgorithm& encryption)
{
    return std::max<size_t>(encryption.blockBytes, 4);
}

/// The additional authenticated data of the AEAD transforms: SPI | sequence (RFC 4106 5,
/// RFC 7634 2.1), with the high-order 32 bits in between when ESN is on.
size_t
BuildAad(const IpsecSa& sa, const uint8_t* header, uint64_t sequence, uint8_t* aad)
{
    std::copy(header, header + 4, aad);
    if (sa.GetConfig().extendedSequenceNumbers)
    {
        IpsecWriteU32(aad + 4, static_cast<uint32_t>(sequence >> 32));
        std::copy(header + 4, header + 8, aad + 8);
        return 12;
    }
    std::copy(header + 4, header + 8, aad + 4);
    return 8;
}

} // namespace

size_t
IpsecEspTransform::GetOverhead(const IpsecSa& sa, size_t payloadSize)
{
    const CryptoEncryptionAlgorithm& encryption = *sa.GetConfig().encryption;
    const size_t alignment = Alignment(encryption);
    const size_t padLength = (alignment - (payloadSize + TRAILER_BYTES) % alignment) % alignment;
    return HEADER_BYTES + encryption.ivBytes + padLength + TRAILER_BYTES + sa.GetIcvSize();
}

size_t
IpsecEspTransform::GetMaxOverhead(const IpsecSa& sa)
{
    const CryptoEncryptionAlgorithm& encryption = *sa.GetConfig().encryption;
    return HEADER_BYTES + encryption.ivBytes + Alignment(encryption) - 1 + TRAILER_BYTES +
           sa.GetIcvSize();
}

Ptr<Packet>
IpsecEspTransform::Protect(IpsecSa& sa,
                           Ptr<const Packet> payload,
                           uint8_t nextHeader,
                           CryptoRandom& random,
                           IpsecDropReason* reason)
{
    const CryptoEncryptionAlgorithm& encryption = *sa.GetConfig().encryption;
    uint64_t sequence = 0;
    if (!sa.NextSequenceNumber(&sequence))
    {
        *reason = IpsecDropReason::SEQUENCE_EXHAUSTED;
        return nullptr;
    }
    const size_t payloadSize = payload->GetSize();
    const size_t alignment = Alignment(encryption);
    const size_t padLength = (alignment - (payloadSize + TRAILER_BYTES) % alignment) % alignment;
    const size_t plainSize = payloadSize + padLength + TRAILER_BYTES;
    const size_t ivSize = encryption.ivBytes;
    const size_t icvSize = sa.GetIcvSize();

    const size_t wireSize = HEADER_BYTES + ivSize + plainSize + icvSize;
    uint8_t* header = WorkBuffer(wireSize);
    uint8_t* iv = header + HEADER_BYTES;
    uint8_t* plain = iv + ivSize;
    uint8_t* icv = plain + plainSize;

    IpsecWriteU32(header, sa.GetSpi());
    // RFC 4303 section 2.2.1: only the low-order 32 bits are sent.
    IpsecWriteU32(header + 4, static_cast<uint32_t>(sequence));
    if (encryption.mode == CryptoCipherMode::CBC)
    {
        random.Fill(iv, ivSize);
    }
    else if (ivSize == 8)
    {
        IpsecWriteU32(iv, static_cast<uint32_t>(sequence >> 32));
        IpsecWriteU32(iv + 4, static_cast<uint32_t>(sequence));
    }
    payload->CopyData(plain, payloadSize);
    // RFC 4303 section 2.4: padding bytes are 1, 2, 3, ... by default.
    for (size_t i = 0; i < padLength; ++i)
    {
        plain[payloadSize + i] = static_cast<uint8_t>(i + 1);
    }
    plain[plainSize - 2] = static_cast<uint8_t>(padLength);
    plain[plainSize - 1] = nextHeader;

    Ptr<CryptoCipher> cipher = sa.GetCipher();
    CryptoStatus status = CryptoStatus::OK;
    if (encryption.IsAead())
    {
        uint8_t aad[12];
        size_t aadSize = BuildAad(sa, header, sequence, aad);
        status = cipher->Encrypt(iv, {aad, aadSize}, plain, plainSize, plain, icv);
    }
    else
    {
        status = cipher->Encrypt(iv, {}, plain, plainSize, plain, nullptr);
        if (status == CryptoStatus::OK && sa.GetIntegrity())
        {
            // RFC 4303 section 2.2.1: with ESN the high-order bits are authenticated, though
            // not sent, as if appended to the packet.
            uint8_t high[4];
            const size_t highSize =
                IpsecWriteEsnHighBits(sequence, sa.GetConfig().extendedSequenceNumbers, high);
            sa.GetIntegrity()->Compute(
                {{header, HEADER_BYTES + ivSize + plainSize}, {high, highSize}},
                icv);
        }
    }
    if (status != CryptoStatus::OK)
    {
        NS_LOG_WARN("ESP encryption failed on SA " << sa.GetSpi() << ": " << status);
        *reason = IpsecDropReason::CRYPTO_ERROR;
        return nullptr;
    }
    return Create<Packet>(header, wireSize);
}

bool
IpsecEspTransform::PeekSpi(Ptr<const Packet> packet, uint32_t* spi)
{
    if (packet->GetSize() < HEADER_BYTES)
    {
        return false;
    }
    uint8_t header[4];
    packet->CopyData(header, 4);
    *spi = IpsecReadU32(header);
    return true;
}

IpsecUnprotectResult
IpsecEspTransform::Unprotect(IpsecSa& sa, Ptr<const Packet> packet)
{
    IpsecUnprotectResult result;
    const CryptoEncryptionAlgorithm& encryption = *sa.GetConfig().encryption;
    const size_t ivSize = encryption.ivBytes;
    const size_t icvSize = sa.GetIcvSize();
    const size_t size = packet->GetSize();
    if (size < HEADER_BYTES + ivSize + TRAILER_BYTES + icvSize)
    {
        result.reason = IpsecDropReason::MALFORMED;
        return result;
    }
    const size_t cipherSize = size - HEADER_BYTES - ivSize - icvSize;
    if (cipherSize % Alignment(encryption) != 0)
    {
        result.reason = IpsecDropReason::MALFORMED;
        return result;
    }
    uint8_t* wire = WorkBuffer(size);
    packet->CopyData(wire, size);
    const uint8_t* header = wire;
    const uint8_t* iv = header + HEADER_BYTES;
    uint8_t* text = wire + HEADER_BYTES + ivSize;
    const uint8_t* icv = text + cipherSize;

    // RFC 4303 section 3.4.3: the replay check comes before the integrity check, and the
    // window is updated only after it.
    uint64_t sequence = 0;
    const IpsecReplayVerdict verdict =
        sa.GetReplayWindow().Check(IpsecReadU32(header + 4), &sequence);
    if (verdict != IpsecReplayVerdict::OK)
    {
        result.reason = IpsecReplayDropReason(verdict);
        return result;
    }

    Ptr<CryptoCipher> cipher = sa.GetCipher();
    CryptoStatus status = CryptoStatus::OK;
    if (encryption.IsAead())
    {
        uint8_t aad[12];
        size_t aadSize = BuildAad(sa, header, sequence, aad);
        status = cipher->Decrypt(iv, {aad, aadSize}, text, cipherSize, text, icv);
    }
    else
    {
        if (sa.GetIntegrity())
        {
            uint8_t high[4];
            const size_t highSize =
                IpsecWriteEsnHighBits(sequence, sa.GetConfig().extendedSequenceNumbers, high);
            status = sa.GetIntegrity()->Verify(
                {{header, HEADER_BYTES + ivSize + cipherSize}, {high, highSize}},
                {icv, icvSize});
        }
        if (status == CryptoStatus::OK)
        {
            status = cipher->Decrypt(iv, {}, text, cipherSize, text, nullptr);
        }
    }
    if (status != CryptoStatus::OK)
    {
        result.reason = IpsecCryptoDropReason(status);
        return result;
    }

    const size_t padLength = text[cipherSize - 2];
    if (padLength + TRAILER_BYTES > cipherSize)
    {
        result.reason = IpsecDropReason::BAD_PADDING;
        return result;
    }
    const size_t payloadSize = cipherSize - TRAILER_BYTES - padLength;
    // RFC 4303 section 2.4: the receiver SHOULD check the default padding values.
    for (size_t i = 0; i < padLength; ++i)
    {
        if (text[payloadSize + i] != static_cast<uint8_t>(i + 1))
        {
            result.reason = IpsecDropReason::BAD_PADDING;
            return result;
        }
    }
    sa.GetReplayWindow().Accept(sequence);
    result.sequence = sequence;
    result.nextHeader = text[cipherSize - 1];
    if (result.nextHeader == NEXT_HEADER_NO_NEXT)
    {
        result.reason = IpsecDropReason::DUMMY_PACKET;
        return result;
    }
    result.payload = Create<Packet>(text, payloadSize);
    result.accepted = true;
    return result;
}

} // namespace ns3
