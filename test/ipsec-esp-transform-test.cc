/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ESP (RFC 4303) on real bytes, without a simulation: published packets, round trips through
 * every transform, tampering, truncation, padding, anti-replay, extended sequence numbers,
 * sequence number exhaustion and SA configuration errors.
 */
#include "ipsec-test-sa.h"
#include "ipsec-test-vectors.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-integrity.h"
#include "ns3/crypto-random.h"
#include "ns3/ipsec-esp-transform.h"
#include "ns3/ipsec-sa.h"
#include "ns3/ipv6-address.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <limits>
#include <memory>
#include <openssl/evp.h>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::test; // the SA and byte helpers the transform tests share

namespace
{

/// Next header of a tunnel-mode IPv4 payload.
constexpr uint8_t NEXT_HEADER_IPV4 = 4;
/// Next header of a TFC dummy packet (RFC 4303 section 2.6).
constexpr uint8_t NEXT_HEADER_NO_NEXT = 59;
/// The payload sizes every transform is run with.
const std::vector<size_t> PAYLOAD_SIZES = {0, 1, 2, 3, 15, 16, 17, 1400};

/// \return the transform of that name (the test fails if there is none)
const CryptoEncryptionAlgorithm*
Encryption(const std::string& name)
{
    const CryptoEncryptionAlgorithm* algorithm = CryptoAlgorithmTable::FindEncryption(name);
    EXPECT_NE(algorithm, nullptr) << name;
    return algorithm;
}

/// \return the transform of that name (the test fails if there is none)
const CryptoIntegrityAlgorithm*
Integrity(const std::string& name)
{
    const CryptoIntegrityAlgorithm* algorithm = CryptoAlgorithmTable::FindIntegrity(name);
    EXPECT_NE(algorithm, nullptr) << name;
    return algorithm;
}

/// A name for SCOPED_TRACE.
std::string
NameOf(const CryptoEncryptionAlgorithm* encryption, const CryptoIntegrityAlgorithm* integrity)
{
    return std::string(encryption->name) + " / " + (integrity ? integrity->name : "(none)");
}

/**
 * \return an ESP SA definition with pattern keys of the right lengths
 */
IpsecSa::Config
MakeConfig(const CryptoEncryptionAlgorithm* encryption,
           const CryptoIntegrityAlgorithm* integrity,
           IpsecDirection direction,
           bool esn = false,
           uint32_t replayWindow = 64)
{
    IpsecSa::Config config = test::TunnelSaConfig(IpsecProtocol::ESP,
                                                  "test",
                                                  direction,
                                                  0x1234,
                                                  false, // IPv4
                                                  esn,
                                                  replayWindow);
    config.encryption = encryption;
    config.encryptionKey = Pattern(encryption ? encryption->KeyMaterialBytes() : 0, 0x11);
    config.integrity = integrity;
    config.integrityKey = Pattern(integrity ? integrity->keyBytes : 0, 0x55);
    return config;
}

SaPair
MakePair(const CryptoEncryptionAlgorithm* encryption,
         const CryptoIntegrityAlgorithm* integrity,
         bool esn = false,
         uint32_t replayWindow = 64)
{
    return {Create<IpsecSa>(MakeConfig(encryption, integrity, IpsecDirection::OUTBOUND, esn)),
            Create<IpsecSa>(
                MakeConfig(encryption, integrity, IpsecDirection::INBOUND, esn, replayWindow))};
}

/// Every (encryption, integrity) pair the SA accepts: AEAD alone; the others with every
/// integrity transform and without one (except null encryption, which needs one).
std::vector<std::pair<const CryptoEncryptionAlgorithm*, const CryptoIntegrityAlgorithm*>>
AllTransforms()
{
    std::vector<std::pair<const CryptoEncryptionAlgorithm*, const CryptoIntegrityAlgorithm*>> all;
    for (const auto& encryption : CryptoAlgorithmTable::EncryptionAlgorithms())
    {
        if (encryption.IsAead())
        {
            all.emplace_back(&encryption, nullptr);
            continue;
        }
        for (const auto& integrity : CryptoAlgorithmTable::IntegrityAlgorithms())
        {
            all.emplace_back(&encryption, &integrity);
        }
        if (encryption.mode != CryptoCipherMode::NULL_CIPHER)
        {
            all.emplace_back(&encryption, nullptr);
        }
    }
    return all;
}

/// \return true if the SA authenticates its packets (AEAD or an integrity transform)
bool
Authenticates(const CryptoEncryptionAlgorithm* encryption,
              const CryptoIntegrityAlgorithm* integrity)
{
    return encryption->IsAead() || integrity;
}

/// Protects one payload, failing the test if no packet comes out.
Ptr<Packet>
MustProtect(IpsecSa& sa,
            const CryptoBytes& payload,
            CryptoRandom& random,
            uint8_t nextHeader = NEXT_HEADER_IPV4)
{
    IpsecDropReason reason = IpsecDropReason::COUNT;
    Ptr<Packet> packet =
        IpsecEspTransform::Protect(sa, PacketOf(payload), nextHeader, random, &reason);
    EXPECT_NE(packet, nullptr) << "Protect failed: " << reason;
    return packet;
}

/// Owns a CryptoRandom on a fixed stream and destroys the simulator state at the end.
class RandomSource
{
  public:
    RandomSource()
        : m_random(CreateObject<CryptoRandom>())
    {
        m_random->AssignStreams(7);
    }

    ~RandomSource()
    {
        m_random->Dispose();
        Simulator::Destroy();
    }

    CryptoRandom& operator*() const
    {
        return *m_random;
    }

  private:
    Ptr<CryptoRandom> m_random;
};

/**
 * \brief An independent AES-GCM (RFC 4106) ESP encryptor straight on OpenSSL's EVP API, as the
 * reference the module's Protect() is compared with.
 * \return ciphertext followed by the 16-byte tag, or empty on an OpenSSL error
 */
CryptoBytes
ReferenceAesGcm(const CryptoBytes& key,
                const CryptoBytes& nonce,
                const CryptoBytes& aad,
                const CryptoBytes& plaintext)
{
    const EVP_CIPHER* cipher = key.size() == 16   ? EVP_aes_128_gcm()
                               : key.size() == 24 ? EVP_aes_192_gcm()
                                                  : EVP_aes_256_gcm();
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> context(EVP_CIPHER_CTX_new(),
                                                                            EVP_CIPHER_CTX_free);
    CryptoBytes out(plaintext.size() + 16);
    int length = 0;
    if (!context || EVP_EncryptInit_ex(context.get(), cipher, nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, nonce.size(), nullptr) != 1 ||
        EVP_EncryptInit_ex(context.get(), nullptr, nullptr, key.data(), nonce.data()) != 1 ||
        EVP_EncryptUpdate(context.get(), nullptr, &length, aad.data(), aad.size()) != 1 ||
        EVP_EncryptUpdate(context.get(), out.data(), &length, plaintext.data(), plaintext.size()) !=
            1 ||
        EVP_EncryptFinal_ex(context.get(), out.data() + length, &length) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(),
                            EVP_CTRL_GCM_GET_TAG,
                            16,
                            out.data() + plaintext.size()) != 1)
    {
        return {};
    }
    return out;
}

/// One draft-mcgrew-gcm-test-01 ESP packet vector, decoded.
struct EspVector
{
    std::string id;            //!< vector id
    uint32_t spi;              //!< SPI on the wire
    uint64_t sequence;         //!< full sequence number (with the high bits when ESN)
    bool esn;                  //!< extended sequence numbers
    CryptoBytes key;           //!< AES key
    CryptoBytes salt;          //!< 4-byte salt
    CryptoBytes iv;            //!< the draft's 8-byte IV
    CryptoBytes aad;           //!< the draft's AAD
    CryptoBytes plaintext;     //!< payload | padding | pad length | next header
    CryptoBytes payload;       //!< the plaintext without the trailer
    uint8_t nextHeader;        //!< last byte of the plaintext
    CryptoBytes espPacket;     //!< the complete published ESP packet
    CryptoBytes ciphertextIcv; //!< ciphertext | ICV
};

std::vector<EspVector>
LoadEspVectors()
{
    std::vector<EspVector> vectors;
    for (const auto& entry : test::LoadVectors("aes_gcm.json", "esp_packet_vectors"))
    {
        EspVector v;
        v.id = entry.at("id").get<std::string>();
        v.spi = ReadU32(test::HexField(entry, "spi"), 0);
        v.esn = entry.at("esn").get<bool>();
        v.sequence = ReadU32(test::HexField(entry, "seq"), 0);
        if (v.esn)
        {
            v.sequence |= uint64_t(ReadU32(test::HexField(entry, "seq_high"), 0)) << 32;
        }
        v.key = test::HexField(entry, "key");
        v.salt = test::HexField(entry, "salt");
        v.iv = test::HexField(entry, "iv");
        v.aad = test::HexField(entry, "aad");
        v.plaintext = test::HexField(entry, "plaintext");
        v.espPacket = test::HexField(entry, "esp_packet");
        v.ciphertextIcv =
            CryptoConcat({test::HexField(entry, "ciphertext"), test::HexField(entry, "icv")});
        // Strip the trailer: next header, pad length, then the pad bytes 1, 2, 3, ...
        v.nextHeader = v.plaintext.back();
        const size_t padLength = v.plaintext[v.plaintext.size() - 2];
        EXPECT_LE(padLength + 2, v.plaintext.size()) << v.id;
        v.payload.assign(v.plaintext.begin(), v.plaintext.end() - 2 - padLength);
        for (size_t i = 0; i < padLength; ++i)
        {
            EXPECT_EQ(v.plaintext[v.payload.size() + i], i + 1) << v.id << ": padding";
        }
        vectors.push_back(v);
    }
    EXPECT_EQ(vectors.size(), 4u);
    return vectors;
}

/// The AES-GCM-16 SA of a vector. SPI 0 (case #4) is reserved (RFC 4303 2.1) and refused by
/// IpsecSa, so that SA uses SPI 256: the SPI a packet carries is what enters the AAD on receipt.
Ptr<IpsecSa>
VectorSa(const EspVector& v, IpsecDirection direction)
{
    const CryptoEncryptionAlgorithm* encryption = Encryption(
        v.key.size() == 16 ? "aes-128-gcm" : (v.key.size() == 24 ? "aes-192-gcm" : "aes-256-gcm"));
    IpsecSa::Config config = MakeConfig(encryption, nullptr, direction, v.esn);
    config.name = v.id;
    config.spi = std::max<uint32_t>(v.spi, 256);
    config.encryptionKey = CryptoConcat({v.key, v.salt});
    Ptr<IpsecSa> sa = Create<IpsecSa>(config);
    if (direction == IpsecDirection::INBOUND && v.esn && v.sequence > 1)
    {
        // A receiver that has seen the packet before this one infers the high-order bits of
        // the ESN from its window position (RFC 4303 A2.2).
        sa->GetReplayWindow().Accept(v.sequence - 1);
    }
    return sa;
}

} // namespace

// The draft's packets use arbitrary IVs; Protect() uses the sequence number as the IV (RFC 4106
// section 3.1 allows either), so the published bytes are checked on the receive side, and the
// send side is compared with an independent OpenSSL computation using the sequence-number IV.
TEST(IpsecEspTransform, PublishedGcmPacketsUnprotectToTheirPayload)
{
    for (const EspVector& v : LoadEspVectors())
    {
        SCOPED_TRACE(v.id);
        Ptr<IpsecSa> in = VectorSa(v, IpsecDirection::INBOUND);
        Ptr<Packet> packet = PacketOf(v.espPacket);
        IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*in, packet);
        ASSERT_TRUE(result.accepted) << result.reason;
        EXPECT_EQ(result.nextHeader, v.nextHeader);
        EXPECT_EQ(result.sequence, v.sequence);
        ASSERT_NE(result.payload, nullptr);
        EXPECT_EQ(CryptoToHex(BytesOf(result.payload)), CryptoToHex(v.payload));
        EXPECT_EQ(in->GetReplayWindow().GetHighest(), v.sequence);

        // The same packet again is a replay; a flipped ICV bit is a forgery.
        EXPECT_EQ(IpsecEspTransform::Unprotect(*in, packet).reason, IpsecDropReason::REPLAY);
        Ptr<IpsecSa> fresh = VectorSa(v, IpsecDirection::INBOUND);
        CryptoBytes forged = v.espPacket;
        forged.back() ^= 0x01;
        EXPECT_EQ(IpsecEspTransform::Unprotect(*fresh, PacketOf(forged)).reason,
                  IpsecDropReason::ICV_FAILURE);
    }
}

TEST(IpsecEspTransform, ProtectMatchesAnIndependentGcmComputationOfThePublishedPayloads)
{
    RandomSource random;
    for (const EspVector& v : LoadEspVectors())
    {
        SCOPED_TRACE(v.id);
        // The reference reproduces the published packet from the draft's own IV and AAD.
        ASSERT_EQ(ReferenceAesGcm(v.key, CryptoConcat({v.salt, v.iv}), v.aad, v.plaintext),
                  v.ciphertextIcv);
        EXPECT_EQ(CryptoConcat({BigEndian(v.spi, 4),
                                BigEndian(static_cast<uint32_t>(v.sequence), 4),
                                v.iv,
                                v.ciphertextIcv}),
                  v.espPacket);

        // An outbound SA whose next sequence number is the vector's.
        Ptr<IpsecSa> out = VectorSa(v, IpsecDirection::OUTBOUND);
        if (v.sequence <= 1000)
        {
            uint64_t taken = 0;
            for (uint64_t i = 1; i < v.sequence; ++i)
            {
                ASSERT_TRUE(out->NextSequenceNumber(&taken));
            }
        }
        else
        {
            // Case #1 starts at 0x8765432100000000: too far to count to.
            out->SetLastSequenceNumberForTest(v.sequence - 1);
        }
        Ptr<Packet> packet = MustProtect(*out, v.payload, *random, v.nextHeader);
        ASSERT_NE(packet, nullptr);

        const uint32_t spi = out->GetSpi();
        const CryptoBytes iv = BigEndian(v.sequence, 8);
        CryptoBytes aad = BigEndian(spi, 4);
        if (v.esn)
        {
            aad = CryptoConcat({aad, BigEndian(v.sequence >> 32, 4)});
        }
        aad = CryptoConcat({aad, BigEndian(static_cast<uint32_t>(v.sequence), 4)});
        if (spi == v.spi)
        {
            EXPECT_EQ(CryptoToHex(aad), CryptoToHex(v.aad)) << "the draft's AAD layout";
        }
        const CryptoBytes expected =
            CryptoConcat({BigEndian(spi, 4),
                          BigEndian(static_cast<uint32_t>(v.sequence), 4),
                          iv,
                          ReferenceAesGcm(v.key, CryptoConcat({v.salt, iv}), aad, v.plaintext)});
        EXPECT_EQ(CryptoToHex(BytesOf(packet)), CryptoToHex(expected));

        // And back.
        Ptr<IpsecSa> in = VectorSa(v, IpsecDirection::INBOUND);
        IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*in, packet);
        ASSERT_TRUE(result.accepted) << result.reason;
        EXPECT_EQ(result.nextHeader, v.nextHeader);
        EXPECT_EQ(result.sequence, v.sequence);
        EXPECT_EQ(BytesOf(result.payload), v.payload);
    }
}

TEST(IpsecEspTransform, EveryTransformRoundTripsWithCorrectPaddingAndOverhead)
{
    RandomSource random;
    for (const auto& [encryption, integrity] : AllTransforms())
    {
        SCOPED_TRACE(NameOf(encryption, integrity));
        SaPair sa = MakePair(encryption, integrity);
        const size_t alignment = std::max<size_t>(encryption->blockBytes, 4);
        const size_t icv = integrity ? integrity->icvBytes : encryption->icvBytes;
        EXPECT_EQ(sa.out->GetIcvSize(), icv);
        const size_t maxOverhead = IpsecEspTransform::GetMaxOverhead(*sa.out);
        uint64_t expectedSequence = 0;
        CryptoBytes previousIv;
        for (size_t size : PAYLOAD_SIZES)
        {
            SCOPED_TRACE("payload " + std::to_string(size));
            const CryptoBytes payload = Pattern(size, static_cast<uint8_t>(size));
            Ptr<Packet> packet = MustProtect(*sa.out, payload, *random);
            ASSERT_NE(packet, nullptr);
            ++expectedSequence;
            const CryptoBytes wire = BytesOf(packet);

            // Overhead: what GetOverhead() predicts is what the packet grew by.
            const size_t growth = wire.size() - size;
            EXPECT_EQ(growth, IpsecEspTransform::GetOverhead(*sa.out, size));
            EXPECT_GE(maxOverhead, growth);

            // Header: SPI and the sequence number.
            EXPECT_EQ(ReadU32(wire, 0), sa.out->GetSpi());
            EXPECT_EQ(ReadU32(wire, 4), expectedSequence);

            // Padding: the encrypted part is whole blocks and 4-byte aligned, with less than
            // one alignment unit of padding.
            const size_t cipherSize =
                wire.size() - IpsecEspTransform::HEADER_BYTES - encryption->ivBytes - icv;
            EXPECT_EQ(cipherSize % alignment, 0u);
            ASSERT_GE(cipherSize, size + IpsecEspTransform::TRAILER_BYTES);
            const size_t padLength = cipherSize - size - IpsecEspTransform::TRAILER_BYTES;
            EXPECT_LT(padLength, alignment);
            if (encryption->mode == CryptoCipherMode::NULL_CIPHER)
            {
                // The plaintext is visible: payload, 1, 2, 3, ..., pad length, next header.
                const uint8_t* text = wire.data() + IpsecEspTransform::HEADER_BYTES;
                EXPECT_TRUE(std::equal(payload.begin(), payload.end(), text));
                for (size_t i = 0; i < padLength; ++i)
                {
                    EXPECT_EQ(text[size + i], i + 1);
                }
                EXPECT_EQ(text[cipherSize - 2], padLength);
                EXPECT_EQ(text[cipherSize - 1], NEXT_HEADER_IPV4);
            }

            // IV: random for CBC, the 64-bit sequence number for counter modes.
            const CryptoBytes iv(wire.begin() + IpsecEspTransform::HEADER_BYTES,
                                 wire.begin() + IpsecEspTransform::HEADER_BYTES +
                                     encryption->ivBytes);
            if (encryption->mode == CryptoCipherMode::CBC)
            {
                EXPECT_NE(iv, previousIv) << "CBC IV repeated";
            }
            else if (encryption->ivBytes == 8)
            {
                EXPECT_EQ(iv, BigEndian(expectedSequence, 8));
            }
            previousIv = iv;

            IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*sa.in, packet);
            ASSERT_TRUE(result.accepted) << result.reason;
            EXPECT_EQ(result.nextHeader, NEXT_HEADER_IPV4);
            EXPECT_EQ(result.sequence, expectedSequence);
            EXPECT_EQ(BytesOf(result.payload), payload);
        }

        // The worst case is reached: a payload that needs alignment - 1 bytes of padding.
        size_t largest = 0;
        for (size_t size = 0; size < 2 * alignment; ++size)
        {
            largest = std::max(largest, IpsecEspTransform::GetOverhead(*sa.out, size));
        }
        EXPECT_EQ(largest, maxOverhead);
    }
}

TEST(IpsecEspTransform, TamperingWithAnyAuthenticatedRegionIsAnIcvFailure)
{
    RandomSource random;
    for (const auto& [encryption, integrity] : AllTransforms())
    {
        if (!Authenticates(encryption, integrity))
        {
            continue; // see EncryptionWithoutIntegrityDoesNotDetectTampering
        }
        SCOPED_TRACE(NameOf(encryption, integrity));
        SaPair sa = MakePair(encryption, integrity);
        Ptr<Packet> packet = MustProtect(*sa.out, Pattern(100, 3), *random);
        ASSERT_NE(packet, nullptr);
        const CryptoBytes wire = BytesOf(packet);
        const size_t ivStart = IpsecEspTransform::HEADER_BYTES;
        const size_t cipherStart = ivStart + encryption->ivBytes;
        const size_t icvStart = wire.size() - sa.in->GetIcvSize();

        // (offset, bit) of one bit in each region; the SPI selects the SA, so it is not here.
        std::vector<std::pair<std::string, size_t>> flips = {
            {"sequence number", 4}, // 0x00000001 -> 0x80000001: new to the window
            {"first ciphertext byte", cipherStart},
            {"payload in the middle", cipherStart + 50},
            {"pad length", icvStart - 2},
            {"next header", icvStart - 1},
            {"first ICV byte", icvStart},
            {"last ICV byte", wire.size() - 1},
        };
        if (encryption->ivBytes > 0)
        {
            flips.emplace_back("first IV byte", ivStart);
            flips.emplace_back("last IV byte", cipherStart - 1);
        }
        for (const auto& [region, offset] : flips)
        {
            SCOPED_TRACE(region);
            CryptoBytes tampered = wire;
            tampered[offset] ^= region == "sequence number" ? 0x80 : 0x01;
            IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*sa.in, PacketOf(tampered));
            EXPECT_FALSE(result.accepted);
            EXPECT_EQ(result.reason, IpsecDropReason::ICV_FAILURE);
        }
        // Forgeries did not move the window: the genuine packet is still new.
        EXPECT_EQ(sa.in->GetReplayWindow().GetHighest(), 0u);
        IpsecUnprotectResult genuine = IpsecEspTransform::Unprotect(*sa.in, packet);
        EXPECT_TRUE(genuine.accepted) << genuine.reason;
    }
}

// The algorithm table allows CBC and CTR without an integrity transform (only null + null is
// refused, RFC 4303 section 3.2). Such an SA cannot see tampering: the receiver accepts a
// modified payload. This documents that behaviour.
TEST(IpsecEspTransform, EncryptionWithoutIntegrityDoesNotDetectTampering)
{
    RandomSource random;
    const CryptoBytes payload = Pattern(64, 9);
    {
        // CTR is a stream cipher: a flipped ciphertext bit flips exactly that payload bit.
        SaPair sa = MakePair(Encryption("aes-128-ctr"), nullptr);
        Ptr<Packet> packet = MustProtect(*sa.out, payload, *random);
        ASSERT_NE(packet, nullptr);
        CryptoBytes tampered = BytesOf(packet);
        tampered[IpsecEspTransform::HEADER_BYTES + 8 + 10] ^= 0x04;
        IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*sa.in, PacketOf(tampered));
        ASSERT_TRUE(result.accepted) << result.reason;
        CryptoBytes expected = payload;
        expected[10] ^= 0x04;
        EXPECT_EQ(BytesOf(result.payload), expected);
    }
    {
        // CBC: a flipped IV bit flips exactly that bit of the first payload block.
        SaPair sa = MakePair(Encryption("aes-128-cbc"), nullptr);
        Ptr<Packet> packet = MustProtect(*sa.out, payload, *random);
        ASSERT_NE(packet, nullptr);
        CryptoBytes tampered = BytesOf(packet);
        tampered[IpsecEspTransform::HEADER_BYTES + 3] ^= 0x80;
        IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*sa.in, PacketOf(tampered));
        ASSERT_TRUE(result.accepted) << result.reason;
        CryptoBytes expected = payload;
        expected[3] ^= 0x80;
        EXPECT_EQ(BytesOf(result.payload), expected);
    }
}

TEST(IpsecEspTransform, TruncatedPacketsAreMalformedAndNeverAccepted)
{
    RandomSource random;
    for (const auto& [encryption, integrity] : AllTransforms())
    {
        SCOPED_TRACE(NameOf(encryption, integrity));
        SaPair sa = MakePair(encryption, integrity);
        Ptr<Packet> packet = MustProtect(*sa.out, Pattern(40, 1), *random);
        ASSERT_NE(packet, nullptr);
        const CryptoBytes wire = BytesOf(packet);
        const size_t minimum = IpsecEspTransform::HEADER_BYTES + encryption->ivBytes +
                               IpsecEspTransform::TRAILER_BYTES + sa.in->GetIcvSize();
        for (size_t length = 0; length < wire.size(); ++length)
        {
            CryptoBytes truncated(wire.begin(), wire.begin() + length);
            IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*sa.in, PacketOf(truncated));
            if (length < minimum)
            {
                EXPECT_EQ(result.reason, IpsecDropReason::MALFORMED) << "length " << length;
                EXPECT_FALSE(result.accepted) << "length " << length;
            }
            else if (Authenticates(encryption, integrity))
            {
                EXPECT_FALSE(result.accepted) << "length " << length;
                EXPECT_TRUE(result.reason == IpsecDropReason::MALFORMED ||
                            result.reason == IpsecDropReason::ICV_FAILURE)
                    << "length " << length << ": " << result.reason;
            }
            // Without integrity a truncated packet can decrypt to anything; it just must not
            // crash.
        }
        uint32_t spi = 0;
        EXPECT_FALSE(IpsecEspTransform::PeekSpi(PacketOf(CryptoBytes(7)), &spi));
        EXPECT_TRUE(IpsecEspTransform::PeekSpi(packet, &spi));
        EXPECT_EQ(spi, sa.out->GetSpi());
    }
}

namespace
{

/// Builds a null-encryption ESP packet by hand (SPI | sequence | text | ICV) with the SA's
/// integrity key, so that any trailer can be tried with a valid ICV.
CryptoBytes
CraftNullEsp(const IpsecSa& sa, uint32_t sequence, const CryptoBytes& text)
{
    CryptoBytes covered = CryptoConcat({BigEndian(sa.GetSpi(), 4), BigEndian(sequence, 4), text});
    CryptoIntegrity integrity(*sa.GetConfig().integrity, sa.GetConfig().integrityKey);
    return CryptoConcat({covered, integrity.Compute(covered)});
}

} // namespace

TEST(IpsecEspTransform, PaddingAndNextHeaderAreChecked)
{
    SaPair sa = MakePair(Encryption("null"), Integrity("hmac-sha-256-128"));
    IpsecSa& in = *sa.in;
    auto unprotect = [&in](uint32_t sequence, const CryptoBytes& text) {
        return IpsecEspTransform::Unprotect(in, PacketOf(CraftNullEsp(in, sequence, text)));
    };

    // Control: a well-formed crafted packet is accepted (so the ICV is right).
    IpsecUnprotectResult good = unprotect(1, {0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0x01, 0x01, 4});
    ASSERT_TRUE(good.accepted) << good.reason;
    EXPECT_EQ(BytesOf(good.payload), (CryptoBytes{0xa0, 0xa1, 0xa2, 0xa3, 0xa4}));

    // Padding must be 1, 2, 3, ... (RFC 4303 section 2.4).
    EXPECT_EQ(unprotect(2, {0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0x07, 0x01, 4}).reason,
              IpsecDropReason::BAD_PADDING);
    EXPECT_EQ(unprotect(3, {0xa0, 0xa1, 0xa2, 0xa3, 0x02, 0x01, 0x02, 4}).reason,
              IpsecDropReason::BAD_PADDING);
    // A pad length reaching past the start of the text.
    EXPECT_EQ(unprotect(4, {0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 200, 4}).reason,
              IpsecDropReason::BAD_PADDING);
    EXPECT_EQ(unprotect(5, {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 4}).reason,
              IpsecDropReason::BAD_PADDING);
    // All padding, empty payload: valid.
    IpsecUnprotectResult empty = unprotect(6, {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x06, 4});
    ASSERT_TRUE(empty.accepted) << empty.reason;
    EXPECT_EQ(empty.payload->GetSize(), 0u);
    // Not a multiple of 4 bytes.
    EXPECT_EQ(unprotect(7, {0xa0, 0xa1, 0xa2, 0x01, 0x01, 4}).reason, IpsecDropReason::MALFORMED);

    // Next header 59 is a TFC dummy packet: valid, but discarded (RFC 4303 section 2.6).
    IpsecUnprotectResult dummy = unprotect(8, {0xa0, 0xa1, 0x00, 59});
    EXPECT_FALSE(dummy.accepted);
    EXPECT_EQ(dummy.reason, IpsecDropReason::DUMMY_PACKET);

    // Also through Protect() with an AEAD SA.
    RandomSource random;
    SaPair gcm = MakePair(Encryption("aes-256-gcm"), nullptr);
    Ptr<Packet> packet = MustProtect(*gcm.out, Pattern(30, 2), *random, NEXT_HEADER_NO_NEXT);
    ASSERT_NE(packet, nullptr);
    IpsecUnprotectResult viaProtect = IpsecEspTransform::Unprotect(*gcm.in, packet);
    EXPECT_FALSE(viaProtect.accepted);
    EXPECT_EQ(viaProtect.reason, IpsecDropReason::DUMMY_PACKET);
    EXPECT_EQ(viaProtect.nextHeader, NEXT_HEADER_NO_NEXT);
}

TEST(IpsecEspTransform, ReplaysAndPacketsLeftOfTheWindowAreDropped)
{
    RandomSource random;
    SaPair sa = MakePair(Encryption("aes-128-gcm"), nullptr);
    ASSERT_EQ(sa.in->GetReplayWindow().GetWindowSize(), 64u);
    std::vector<Ptr<Packet>> packets(1); // packets[i] has sequence number i
    for (int i = 1; i <= 120; ++i)
    {
        packets.push_back(MustProtect(*sa.out, Pattern(20, static_cast<uint8_t>(i)), *random));
        ASSERT_NE(packets.back(), nullptr);
    }
    auto verdict = [&sa, &packets](size_t sequence) {
        IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*sa.in, packets[sequence]);
        return result.accepted ? IpsecDropReason::COUNT : result.reason;
    };
    constexpr IpsecDropReason ACCEPTED = IpsecDropReason::COUNT;

    EXPECT_EQ(verdict(1), ACCEPTED);
    EXPECT_EQ(verdict(1), IpsecDropReason::REPLAY);
    EXPECT_EQ(verdict(100), ACCEPTED);
    EXPECT_EQ(verdict(100), IpsecDropReason::REPLAY);
    // The window is now 37..100.
    EXPECT_EQ(verdict(2), IpsecDropReason::REPLAY_TOO_OLD);
    EXPECT_EQ(verdict(36), IpsecDropReason::REPLAY_TOO_OLD);
    EXPECT_EQ(verdict(37), ACCEPTED);
    EXPECT_EQ(verdict(37), IpsecDropReason::REPLAY);
    EXPECT_EQ(verdict(70), ACCEPTED);
    EXPECT_EQ(verdict(99), ACCEPTED);

    // A forged packet far right of the window fails the ICV and does not move the window.
    CryptoBytes forged = BytesOf(packets[101]);
    forged[6] = 0x10; // sequence number 0x1065
    EXPECT_EQ(IpsecEspTransform::Unprotect(*sa.in, PacketOf(forged)).reason,
              IpsecDropReason::ICV_FAILURE);
    EXPECT_EQ(sa.in->GetReplayWindow().GetHighest(), 100u);
    EXPECT_EQ(verdict(40), ACCEPTED);

    // Window 0 turns the check off: duplicates and old packets pass.
    SaPair open = MakePair(Encryption("aes-128-gcm"), nullptr, false, 0);
    ASSERT_EQ(open.in->GetReplayWindow().GetWindowSize(), 0u);
    for (size_t sequence : {1, 1, 100, 100, 2, 1})
    {
        IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*open.in, packets[sequence]);
        EXPECT_TRUE(result.accepted) << sequence << ": " << result.reason;
        EXPECT_EQ(result.sequence, sequence);
    }
}

TEST(IpsecEspTransform, ExtendedSequenceNumbersCrossTwoToThe32)
{
    RandomSource random;
    for (const auto& [encryption, integrity] :
         std::vector<std::pair<const CryptoEncryptionAlgorithm*, const CryptoIntegrityAlgorithm*>>{
             {Encryption("aes-128-gcm"), nullptr},
             {Encryption("chacha20-poly1305"), nullptr},
             {Encryption("aes-128-cbc"), Integrity("hmac-sha-256-128")},
             {Encryption("null"), Integrity("hmac-sha1-96")}})
    {
        SCOPED_TRACE(NameOf(encryption, integrity));
        SaPair sa = MakePair(encryption, integrity, true);
        const uint64_t first = 0xFFFFFFFDull;
        sa.out->SetLastSequenceNumberForTest(first - 1);
        sa.in->GetReplayWindow().Accept(first - 1); // as if everything before was received
        for (uint64_t sequence = first; sequence <= first + 6; ++sequence)
        {
            SCOPED_TRACE(sequence);
            const CryptoBytes payload = Pattern(33, static_cast<uint8_t>(sequence));
            Ptr<Packet> packet = MustProtect(*sa.out, payload, *random);
            ASSERT_NE(packet, nullptr);
            const CryptoBytes wire = BytesOf(packet);
            // Only the low-order 32 bits travel (RFC 4303 section 2.2.1).
            EXPECT_EQ(ReadU32(wire, 4), static_cast<uint32_t>(sequence));
            if (encryption->mode != CryptoCipherMode::CBC && encryption->ivBytes == 8)
            {
                EXPECT_EQ(CryptoBytes(wire.begin() + 8, wire.begin() + 16), BigEndian(sequence, 8));
            }
            IpsecUnprotectResult result = IpsecEspTransform::Unprotect(*sa.in, packet);
            ASSERT_TRUE(result.accepted) << result.reason;
            EXPECT_EQ(result.sequence, sequence);
            EXPECT_EQ(BytesOf(result.payload), payload);
        }
        EXPECT_EQ(sa.in->GetReplayWindow().GetHighest(), first + 6);

        // The high-order bits are authenticated though not sent: a receiver that guesses them
        // wrong fails the ICV. Packet 2^32 + 70 carries 70, which a receiver whose window
        // reaches 100 in the first 2^32 block places at 70.
        sa.out->SetLastSequenceNumberForTest((uint64_t(1) << 32) + 69);
        Ptr<Packet> late = MustProtect(*sa.out, Pattern(20, 1), *random);
        ASSERT_NE(late, nullptr);
        Ptr<IpsecSa> behind =
            Create<IpsecSa>(MakeConfig(encryption, integrity, IpsecDirection::INBOUND, true));
        behind->GetReplayWindow().Accept(100);
        IpsecUnprotectResult wrong = IpsecEspTransform::Unprotect(*behind, late);
        EXPECT_FALSE(wrong.accepted);
        EXPECT_EQ(wrong.reason, IpsecDropReason::ICV_FAILURE);
        EXPECT_EQ(behind->GetReplayWindow().GetHighest(), 100u);
        // A receiver in the right block accepts it.
        Ptr<IpsecSa> inStep =
            Create<IpsecSa>(MakeConfig(encryption, integrity, IpsecDirection::INBOUND, true));
        inStep->GetReplayWindow().Accept((uint64_t(1) << 32) + 60);
        IpsecUnprotectResult right = IpsecEspTransform::Unprotect(*inStep, late);
        ASSERT_TRUE(right.accepted) << right.reason;
        EXPECT_EQ(right.sequence, (uint64_t(1) << 32) + 70);
    }
}

TEST(IpsecEspTransform, SequenceNumbersWithoutEsnNeverCycle)
{
    RandomSource random;
    SaPair sa = MakePair(Encryption("aes-128-gcm"), nullptr);
    sa.out->SetLastSequenceNumberForTest(0xFFFFFFFEull);
    // Packet 2^32 - 1 is the last one.
    Ptr<Packet> last = MustProtect(*sa.out, Pattern(10, 1), *random);
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(ReadU32(BytesOf(last), 4), 0xFFFFFFFFu);
    for (int attempt = 0; attempt < 3; ++attempt)
    {
        IpsecDropReason reason = IpsecDropReason::COUNT;
        EXPECT_EQ(IpsecEspTransform::Protect(*sa.out,
                                             PacketOf(Pattern(10, 1)),
                                             NEXT_HEADER_IPV4,
                                             *random,
                                             &reason),
                  nullptr);
        EXPECT_EQ(reason, IpsecDropReason::SEQUENCE_EXHAUSTED);
    }
    uint64_t sequence = 0;
    EXPECT_FALSE(sa.out->NextSequenceNumber(&sequence));

    // With ESN the same point is no limit; 2^64 - 1 is.
    SaPair esn = MakePair(Encryption("aes-128-gcm"), nullptr, true);
    esn.out->SetLastSequenceNumberForTest(0xFFFFFFFFull);
    ASSERT_TRUE(esn.out->NextSequenceNumber(&sequence));
    EXPECT_EQ(sequence, uint64_t(1) << 32);
    esn.out->SetLastSequenceNumberForTest(std::numeric_limits<uint64_t>::max() - 1);
    EXPECT_NE(MustProtect(*esn.out, Pattern(10, 1), *random), nullptr);
    IpsecDropReason reason = IpsecDropReason::COUNT;
    EXPECT_EQ(
        IpsecEspTransform::Protect(*esn.out, PacketOf({}), NEXT_HEADER_IPV4, *random, &reason),
        nullptr);
    EXPECT_EQ(reason, IpsecDropReason::SEQUENCE_EXHAUSTED);
}

TEST(IpsecEspTransform, InvalidSaDefinitionsAreRefusedByName)
{
    const IpsecSa::Config valid =
        MakeConfig(Encryption("aes-128-gcm"), nullptr, IpsecDirection::OUTBOUND);
    auto expectRefused = [](IpsecSa::Config config, const std::string& what) {
        SCOPED_TRACE(what);
        config.name = "bad-sa";
        try
        {
            IpsecSa sa(config);
            ADD_FAILURE() << "accepted";
        }
        catch (const std::invalid_argument& error)
        {
            EXPECT_NE(std::string(error.what()).find("'bad-sa'"), std::string::npos)
                << error.what();
        }
    };
    EXPECT_NO_THROW(IpsecSa{valid});

    IpsecSa::Config config = valid;
    config.spi = 255;
    expectRefused(config, "SPI 255");
    config.spi = 0;
    expectRefused(config, "SPI 0");
    config.spi = 256;
    EXPECT_NO_THROW(IpsecSa{config});

    config = valid;
    config.protocol = IpsecProtocol::AH;
    config.encryption = nullptr;
    config.encryptionKey.clear();
    expectRefused(config, "AH without integrity");
    config.integrity = Integrity("hmac-sha-256-128");
    config.integrityKey = Pattern(32, 1);
    EXPECT_NO_THROW(IpsecSa{config});
    config.encryption = Encryption("aes-128-cbc");
    config.encryptionKey = Pattern(16, 1);
    expectRefused(config, "AH with encryption");

    config = valid;
    config.integrity = Integrity("hmac-sha-256-128");
    config.integrityKey = Pattern(32, 1);
    expectRefused(config, "AEAD plus integrity");

    config = MakeConfig(Encryption("null"), nullptr, IpsecDirection::OUTBOUND);
    expectRefused(config, "null encryption and no integrity");

    config = valid;
    config.encryption = nullptr;
    expectRefused(config, "ESP without an encryption transform");

    config = valid;
    config.encryptionKey = Pattern(16, 1); // aes-128-gcm needs key | salt: 20 bytes
    expectRefused(config, "encryption key without salt");
    config.encryptionKey = Pattern(21, 1);
    expectRefused(config, "encryption key too long");

    config = MakeConfig(Encryption("aes-128-cbc"),
                        Integrity("hmac-sha-256-128"),
                        IpsecDirection::OUTBOUND);
    config.integrityKey = Pattern(20, 1);
    expectRefused(config, "integrity key too short");

    config = valid;
    config.destination = IpsecIpAddress(Ipv6Address("2001:db8::2"));
    expectRefused(config, "tunnel endpoints of two families");
}
