/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The SK payload (RFC 7296 section 3.14, RFC 5282): round trips with CBC + HMAC and AES-GCM,
 * tampering with every byte, wrong keys, and crafted SK bodies with good ICVs but bad padding,
 * lengths or inner payloads.
 */
#include "ikev2-test-messages.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-cipher.h"
#include "ns3/crypto-integrity.h"
#include "ns3/ikev2-encrypted-payload.h"
#include "ns3/ikev2-id-payload.h"
#include "ns3/ikev2-message-protection.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <memory>
#include <stdexcept>
#include <string>

using namespace ns3;
using namespace ns3::test;

namespace
{

/// One SK protection suite: Junos names and key lengths.
struct Suite
{
    const char* encryption; //!< Junos encryption name
    const char* integrity;  //!< Junos integrity name, "" for AEAD
};

const Suite SUITES[] = {
    {"aes-128-cbc", "hmac-sha-256-128"},
    {"aes-256-gcm", ""},
    {"3des-cbc", "hmac-sha1-96"},
};

/// count bytes first, first + 1, ...
CryptoBytes
Key(size_t count, uint8_t first)
{
    CryptoBytes key(count);
    for (size_t i = 0; i < count; ++i)
    {
        key[i] = static_cast<uint8_t>(first + 7 * i);
    }
    return key;
}

/// The protection of a suite with fixed keys (keyOffset varies them).
Ptr<Ikev2MessageProtection>
Protection(const Suite& suite, uint8_t keyOffset = 0)
{
    const auto& encryption = CryptoAlgorithmTable::GetEncryption(suite.encryption, "test");
    size_t integrityKeyBytes = 0;
    if (*suite.integrity != '\0')
    {
        integrityKeyBytes = CryptoAlgorithmTable::GetIntegrity(suite.integrity, "test").keyBytes;
    }
    return Ikev2MessageProtection::FromNames(suite.encryption,
                                             Key(encryption.KeyMaterialBytes(), 1 + keyOffset),
                                             suite.integrity,
                                             Key(integrityKeyBytes, 101 + keyOffset),
                                             CountingIvSource());
}

/**
 * Builds an IKE_AUTH message whose SK payload carries plaintext as given (payloads, padding and
 * Pad Length all from the caller), encrypted and authenticated with suite's keys.
 */
CryptoBytes
SealRaw(const Suite& suite, Ikev2PayloadType firstInner, const CryptoBytes& plaintext)
{
    const auto& algorithm = CryptoAlgorithmTable::GetEncryption(suite.encryption, "test");
    CryptoCipher cipher(algorithm, Key(algorithm.KeyMaterialBytes(), 1));
    size_t icvSize = algorithm.icvBytes;
    std::unique_ptr<CryptoIntegrity> integrity;
    if (*suite.integrity != '\0')
    {
        const auto& integrityAlgorithm = CryptoAlgorithmTable::GetIntegrity(suite.integrity, "t");
        integrity = std::make_unique<CryptoIntegrity>(integrityAlgorithm,
                                                      Key(integrityAlgorithm.keyBytes, 101));
        icvSize = integrity->GetIcvSize();
    }
    size_t bodySize = algorithm.ivBytes + plaintext.size() + icvSize;
    Ikev2Message message = SampleAuthRequestHeader();
    message.AddPayload(Create<Ikev2EncryptedPayload>(firstInner, CryptoBytes(bodySize, 0)));
    CryptoBytes bytes = message.Serialize();
    size_t ivOffset = bytes.size() - bodySize;
    size_t icvOffset = ivOffset + algorithm.ivBytes + plaintext.size();
    std::fill(bytes.begin() + ivOffset, bytes.begin() + ivOffset + algorithm.ivBytes, 0x3c);
    CryptoByteView aad;
    if (algorithm.IsAead())
    {
        aad = CryptoByteView(bytes.data(), ivOffset);
    }
    EXPECT_EQ(cipher.Encrypt(bytes.data() + ivOffset,
                             aad,
                             plaintext.data(),
                             plaintext.size(),
                             bytes.data() + ivOffset + algorithm.ivBytes,
                             bytes.data() + icvOffset),
              CryptoStatus::OK);
    if (integrity)
    {
        integrity->Compute({CryptoByteView(bytes.data(), icvOffset)}, bytes.data() + icvOffset);
    }
    return bytes;
}

Ikev2ParseStatus
Open(const Suite& suite, const CryptoBytes& datagram, Ikev2PayloadList* inner = nullptr)
{
    Ikev2Message message;
    Ikev2PayloadList payloads;
    return Protection(suite)->Unprotect(datagram, &message, inner ? inner : &payloads);
}

} // namespace

TEST(Ikev2MessageProtection, RoundTripForEachSuite)
{
    Ikev2PayloadList inner = SampleAuthInnerPayloads();
    CryptoBytes innerBytes = Ikev2PayloadChain::Serialize(inner);
    for (const Suite& suite : SUITES)
    {
        SCOPED_TRACE(suite.encryption);
        Ptr<Ikev2MessageProtection> sender = Protection(suite);
        CryptoBytes datagram;
        ASSERT_EQ(sender->Protect(SampleAuthRequestHeader(), inner, &datagram), CryptoStatus::OK);

        // Layout: header | SK generic header | IV | ciphertext | ICV, SK naming IDi first.
        const auto& algorithm = CryptoAlgorithmTable::GetEncryption(suite.encryption, "test");
        EXPECT_EQ(datagram[16], static_cast<uint8_t>(Ikev2PayloadType::ENCRYPTED));
        EXPECT_EQ(datagram[28], static_cast<uint8_t>(Ikev2PayloadType::IDENTIFICATION_INITIATOR));
        size_t ciphertextSize = datagram.size() - 32 - sender->GetIvSize() - sender->GetIcvSize();
        EXPECT_EQ(ciphertextSize % std::max<size_t>(algorithm.blockBytes, 1), 0u);
        EXPECT_GE(ciphertextSize, innerBytes.size() + 1);
        EXPECT_LT(ciphertextSize,
                  innerBytes.size() + 1 + std::max<size_t>(algorithm.blockBytes, 1));
        std::string fqdn = "gw-a.example.net";
        EXPECT_EQ(std::search(datagram.begin(), datagram.end(), fqdn.begin(), fqdn.end()),
                  datagram.end())
            << "the identity is visible in the ciphertext";

        // A separate receiver with the same keys opens it.
        Ikev2Message message;
        Ikev2PayloadList opened;
        Ikev2ParseStatus status = Protection(suite)->Unprotect(datagram, &message, &opened);
        ASSERT_TRUE(status.IsOk()) << status;
        EXPECT_EQ(message.GetHeader().GetExchangeType(), Ikev2ExchangeType::IKE_AUTH);
        EXPECT_EQ(message.GetHeader().GetMessageId(), 1u);
        ASSERT_EQ(opened.size(), inner.size());
        EXPECT_EQ(CryptoToHex(Ikev2PayloadChain::Serialize(opened)), CryptoToHex(innerBytes));
        auto id = DynamicCast<Ikev2IdPayload>(opened[0]);
        ASSERT_TRUE(id);
        EXPECT_EQ(std::string(id->GetData().begin(), id->GetData().end()), fqdn);

        // Each message gets a fresh IV from the source, so the same content encrypts anew.
        CryptoBytes second;
        ASSERT_EQ(sender->Protect(SampleAuthRequestHeader(), inner, &second), CryptoStatus::OK);
        EXPECT_NE(CryptoToHex(second), CryptoToHex(datagram));
    }
}

TEST(Ikev2MessageProtection, GcmUsesEightByteIvAndSixteenByteIcv)
{
    Ptr<Ikev2MessageProtection> gcm = Protection(SUITES[1]);
    EXPECT_EQ(gcm->GetIvSize(), 8u);
    EXPECT_EQ(gcm->GetIcvSize(), 16u);
    Ptr<Ikev2MessageProtection> cbc = Protection(SUITES[0]);
    EXPECT_EQ(cbc->GetIvSize(), 16u);
    EXPECT_EQ(cbc->GetIcvSize(), 16u);
    EXPECT_EQ(Protection(SUITES[2])->GetIcvSize(), 12u);
    // An empty inner chain (a liveness check) still carries a Pad Length byte.
    CryptoBytes datagram;
    ASSERT_EQ(gcm->Protect(SampleAuthRequestHeader(), {}, &datagram), CryptoStatus::OK);
    EXPECT_EQ(datagram.size(), 28u + 4 + 8 + 1 + 16);
    Ikev2PayloadList inner;
    Ikev2ParseStatus status = Open(SUITES[1], datagram, &inner);
    EXPECT_TRUE(status.IsOk()) << status;
    EXPECT_TRUE(inner.empty());
}

TEST(Ikev2MessageProtection, EveryFlippedBitIsRejected)
{
    Ikev2PayloadList inner = SampleAuthInnerPayloads();
    for (const Suite& suite : SUITES)
    {
        SCOPED_TRACE(suite.encryption);
        CryptoBytes datagram;
        ASSERT_EQ(Protection(suite)->Protect(SampleAuthRequestHeader(), inner, &datagram),
                  CryptoStatus::OK);
        for (size_t offset = 0; offset < datagram.size(); ++offset)
        {
            CryptoBytes tampered = datagram;
            tampered[offset] ^= static_cast<uint8_t>(1 << (offset % 8));
            Ikev2ParseStatus status = Open(suite, tampered);
            ASSERT_FALSE(status.IsOk()) << "bit flipped at offset " << offset;
            // Flips in the SPIs, the message ID and from the IV on change nothing the parser
            // checks, so the ICV (or the GCM tag over the AAD) must catch them.
            bool parserBlind = offset < 16 || (offset >= 20 && offset < 24) || offset >= 32;
            if (parserBlind)
            {
                EXPECT_EQ(status.GetError(), Ikev2ParseError::INTEGRITY_CHECK_FAILED)
                    << "offset " << offset << ": " << status;
            }
        }
    }
}

TEST(Ikev2MessageProtection, WrongKeysFailAuthentication)
{
    for (const Suite& suite : SUITES)
    {
        CryptoBytes datagram;
        ASSERT_EQ(Protection(suite)->Protect(SampleAuthRequestHeader(),
                                             SampleAuthInnerPayloads(),
                                             &datagram),
                  CryptoStatus::OK);
        Ikev2Message message;
        Ikev2PayloadList inner;
        EXPECT_EQ(Protection(suite, 1)->Unprotect(datagram, &message, &inner).GetError(),
                  Ikev2ParseError::INTEGRITY_CHECK_FAILED)
            << suite.encryption;
    }
}

TEST(Ikev2MessageProtection, PaddingIsChecked)
{
    for (const Suite& suite : SUITES)
    {
        SCOPED_TRACE(suite.encryption);
        const auto& algorithm = CryptoAlgorithmTable::GetEncryption(suite.encryption, "test");
        size_t size = std::max<size_t>(algorithm.blockBytes, 8);
        // Only padding: Pad Length size - 1 is right, size reaches before the plaintext.
        CryptoBytes plaintext(size, 0xab);
        plaintext.back() = static_cast<uint8_t>(size - 1);
        Ikev2PayloadList inner;
        Ikev2ParseStatus status =
            Open(suite, SealRaw(suite, Ikev2PayloadType::NONE, plaintext), &inner);
        EXPECT_TRUE(status.IsOk()) << status;
        plaintext.back() = static_cast<uint8_t>(size);
        EXPECT_EQ(Open(suite, SealRaw(suite, Ikev2PayloadType::NONE, plaintext)).GetError(),
                  Ikev2ParseError::INVALID_PADDING);
        plaintext.back() = 0xff;
        EXPECT_EQ(Open(suite, SealRaw(suite, Ikev2PayloadType::NONE, plaintext)).GetError(),
                  Ikev2ParseError::INVALID_PADDING);
    }
}

TEST(Ikev2MessageProtection, AuthenticatedGarbageIsAParseErrorOfTheInnerChain)
{
    // A Vendor ID whose Payload Length (0x40) runs past the decrypted bytes, then Pad Length 0.
    CryptoBytes plaintext = HexBytes("00 00 0040 0102030405060708090a0b");
    for (const Suite& suite : SUITES)
    {
        const auto& algorithm = CryptoAlgorithmTable::GetEncryption(suite.encryption, "test");
        CryptoBytes padded = plaintext;
        size_t block = std::max<size_t>(algorithm.blockBytes, 1);
        size_t padLength = (block - (padded.size() + 1) % block) % block;
        padded.insert(padded.end(), padLength, 0);
        padded.push_back(static_cast<uint8_t>(padLength));
        Ikev2ParseStatus status = Open(suite, SealRaw(suite, Ikev2PayloadType::VENDOR_ID, padded));
        EXPECT_EQ(status.GetError(), Ikev2ParseError::PAYLOAD_LENGTH_PAST_END) << suite.encryption;
        EXPECT_EQ(status.GetOffset(), 0u);
        // A well-formed SK payload inside the SK payload.
        CryptoBytes nested = HexBytes("00 00 0008 00112233");
        padLength = (block - (nested.size() + 1) % block) % block;
        nested.insert(nested.end(), padLength, 0);
        nested.push_back(static_cast<uint8_t>(padLength));
        status = Open(suite, SealRaw(suite, Ikev2PayloadType::ENCRYPTED, nested));
        EXPECT_EQ(status.GetError(), Ikev2ParseError::NESTED_ENCRYPTED_PAYLOAD);
    }
}

TEST(Ikev2MessageProtection, LengthAndPresenceErrors)
{
    const Suite& cbc = SUITES[0];
    // No SK payload.
    EXPECT_EQ(Open(cbc, SampleSaInitRequest().Serialize()).GetError(),
              Ikev2ParseError::MISSING_ENCRYPTED_PAYLOAD);
    // SK bodies: shorter than IV + ICV + 1, and ciphertext not whole AES blocks.
    for (size_t bodySize : {size_t{0}, size_t{16 + 16}, size_t{16 + 17 + 16}})
    {
        Ikev2Message message = SampleAuthRequestHeader();
        message.AddPayload(
            Create<Ikev2EncryptedPayload>(Ikev2PayloadType::NONE, CryptoBytes(bodySize, 0)));
        EXPECT_EQ(Open(cbc, message.Serialize()).GetError(),
                  Ikev2ParseError::INVALID_ENCRYPTED_LENGTH)
            << "body of " << bodySize << " bytes";
    }
    // Parse errors of the outer message come first.
    CryptoBytes datagram;
    ASSERT_EQ(
        Protection(cbc)->Protect(SampleAuthRequestHeader(), SampleAuthInnerPayloads(), &datagram),
        CryptoStatus::OK);
    datagram.pop_back();
    EXPECT_EQ(Open(cbc, datagram).GetError(), Ikev2ParseError::MESSAGE_LENGTH_MISMATCH);
}

TEST(Ikev2MessageProtection, ConfigurationErrorsThrow)
{
    const auto& gcm = CryptoAlgorithmTable::GetEncryption("aes-128-gcm", "test");
    const auto& cbc = CryptoAlgorithmTable::GetEncryption("aes-128-cbc", "test");
    const auto& sha = CryptoAlgorithmTable::GetIntegrity("hmac-sha-256-128", "test");
    auto integrity = Create<CryptoIntegrity>(sha, Key(sha.keyBytes, 1));
    EXPECT_THROW(Ikev2MessageProtection(Create<CryptoCipher>(gcm, Key(gcm.KeyMaterialBytes(), 1)),
                                        integrity,
                                        CountingIvSource()),
                 std::invalid_argument);
    EXPECT_THROW(Ikev2MessageProtection(Create<CryptoCipher>(cbc, Key(cbc.KeyMaterialBytes(), 1)),
                                        nullptr,
                                        CountingIvSource()),
                 std::invalid_argument);
    EXPECT_THROW(Ikev2MessageProtection::FromNames("aes-999-cbc", {}, "", {}, CountingIvSource()),
                 std::invalid_argument);
}
