/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Encryption transforms against published vectors (RFC 3602, NIST SP 800-38A, RFC 3686, the GCM
 * specification and draft-mcgrew-gcm-test-01, RFC 7539/7634, NIST 3DES MMT, NESSIE DES), plus
 * tamper, wrong-key and length checks.
 */
#include "ipsec-test-vectors.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-cipher.h"
#include "ns3/crypto-random.h"

#include <gtest/gtest.h>
#include <string>

using namespace ns3;
using ns3::test::HexField;
using ns3::test::LoadVectors;

namespace
{

/// The table entry for a mode and key length, e.g. ("cbc", 16) -> aes-128-cbc.
const CryptoEncryptionAlgorithm&
AesAlgorithm(const std::string& mode, size_t keyBytes, size_t icvBytes = 16)
{
    std::string name = "aes-" + std::to_string(keyBytes * 8) + "-" + mode;
    if (mode == "gcm" && icvBytes != 16)
    {
        name += "-" + std::to_string(icvBytes);
    }
    return CryptoAlgorithmTable::GetEncryption(name, "test");
}

struct Sealed
{
    CryptoBytes ciphertext;
    CryptoBytes icv;
};

Sealed
Seal(CryptoCipher& cipher, const CryptoBytes& iv, const CryptoBytes& aad, const CryptoBytes& plain)
{
    Sealed sealed{CryptoBytes(plain.size()), CryptoBytes(cipher.GetAlgorithm().icvBytes)};
    EXPECT_EQ(cipher.Encrypt(iv.data(),
                             aad,
                             plain.data(),
                             plain.size(),
                             sealed.ciphertext.data(),
                             sealed.icv.data()),
              CryptoStatus::OK);
    return sealed;
}

CryptoStatus
Open(CryptoCipher& cipher,
     const CryptoBytes& iv,
     const CryptoBytes& aad,
     const Sealed& sealed,
     CryptoBytes& plain)
{
    plain.assign(sealed.ciphertext.size(), 0);
    return cipher.Decrypt(iv.data(),
                          aad,
                          sealed.ciphertext.data(),
                          sealed.ciphertext.size(),
                          plain.data(),
                          sealed.icv.data());
}

/// Checks one vector both ways; AEAD vectors also fail on every kind of tampering.
void
CheckVector(const CryptoEncryptionAlgorithm& algorithm,
            const CryptoBytes& keyMaterial,
            const CryptoBytes& iv,
            const CryptoBytes& aad,
            const CryptoBytes& plaintext,
            const CryptoBytes& ciphertext,
            const CryptoBytes& icv,
            const std::string& id)
{
    SCOPED_TRACE(id + " (" + algorithm.name + ")");
    CryptoCipher cipher(algorithm, keyMaterial);
    Sealed sealed = Seal(cipher, iv, aad, plaintext);
    EXPECT_EQ(CryptoToHex(sealed.ciphertext), CryptoToHex(ciphertext));
    EXPECT_EQ(CryptoToHex(sealed.icv), CryptoToHex(icv));

    CryptoBytes opened;
    ASSERT_EQ(Open(cipher, iv, aad, {ciphertext, icv}, opened), CryptoStatus::OK);
    EXPECT_EQ(CryptoToHex(opened), CryptoToHex(plaintext));

    if (!algorithm.IsAead())
    {
        return;
    }
    if (!ciphertext.empty())
    {
        Sealed flipped{ciphertext, icv};
        flipped.ciphertext[ciphertext.size() / 2] ^= 0x01;
        EXPECT_EQ(Open(cipher, iv, aad, flipped, opened), CryptoStatus::AUTHENTICATION_FAILED);
    }
    Sealed badTag{ciphertext, icv};
    badTag.icv.back() ^= 0x80;
    EXPECT_EQ(Open(cipher, iv, aad, badTag, opened), CryptoStatus::AUTHENTICATION_FAILED);
    CryptoBytes badAad = aad;
    badAad.push_back(0);
    EXPECT_EQ(Open(cipher, iv, badAad, {ciphertext, icv}, opened),
              CryptoStatus::AUTHENTICATION_FAILED);
    CryptoBytes badIv = iv;
    badIv[0] ^= 0x01;
    EXPECT_EQ(Open(cipher, badIv, aad, {ciphertext, icv}, opened),
              CryptoStatus::AUTHENTICATION_FAILED);
    CryptoBytes otherKey = keyMaterial;
    otherKey[0] ^= 0x01;
    CryptoCipher wrongKey(algorithm, otherKey);
    EXPECT_EQ(Open(wrongKey, iv, aad, {ciphertext, icv}, opened),
              CryptoStatus::AUTHENTICATION_FAILED);
}

} // namespace

TEST(CryptoCipher, AesCbcVectors)
{
    for (const auto& v : LoadVectors("aes_cbc.json"))
    {
        CryptoBytes key = HexField(v, "key");
        CheckVector(AesAlgorithm("cbc", key.size()),
                    key,
                    HexField(v, "iv"),
                    {},
                    HexField(v, "plaintext"),
                    HexField(v, "ciphertext"),
                    {},
                    v["id"]);
    }
}

TEST(CryptoCipher, AesCtrVectors)
{
    for (const auto& v : LoadVectors("aes_ctr.json"))
    {
        CryptoBytes key = HexField(v, "key");
        CheckVector(AesAlgorithm("ctr", key.size()),
                    CryptoConcat({key, HexField(v, "nonce")}),
                    HexField(v, "iv"),
                    {},
                    HexField(v, "plaintext"),
                    HexField(v, "ciphertext"),
                    {},
                    v["id"]);
    }
}

TEST(CryptoCipher, AesGcmVectorsWithEachIcvLength)
{
    int icvLengthsSeen[17] = {};
    for (const auto& v : LoadVectors("aes_gcm.json"))
    {
        CryptoBytes key = HexField(v, "key");
        CryptoBytes icv = HexField(v, "icv");
        ASSERT_EQ(icv.size(), v["icv_length"].get<size_t>());
        ++icvLengthsSeen[icv.size()];
        CheckVector(AesAlgorithm("gcm", key.size(), icv.size()),
                    CryptoConcat({key, HexField(v, "salt")}),
                    HexField(v, "iv"),
                    HexField(v, "aad"),
                    HexField(v, "plaintext"),
                    HexField(v, "ciphertext"),
                    icv,
                    v["id"]);
    }
    EXPECT_GT(icvLengthsSeen[8], 0);
    EXPECT_GT(icvLengthsSeen[12], 0);
    EXPECT_GT(icvLengthsSeen[16], 0);
}

TEST(CryptoCipher, AesGcmCompleteEspPackets)
{
    // draft-mcgrew-gcm-test-01: SPI | seq | IV | ciphertext | ICV (RFC 4106 section 3), with the
    // AAD of RFC 4106 section 5 (SPI | seq, or SPI | seq-high | seq with ESN).
    for (const auto& v : LoadVectors("aes_gcm.json", "esp_packet_vectors"))
    {
        SCOPED_TRACE(v["id"].get<std::string>());
        CryptoBytes key = HexField(v, "key");
        CryptoCipher cipher(AesAlgorithm("gcm", key.size()),
                            CryptoConcat({key, HexField(v, "salt")}));
        CryptoBytes aad =
            v["esn"].get<bool>()
                ? CryptoConcat({HexField(v, "spi"), HexField(v, "seq_high"), HexField(v, "seq")})
                : CryptoConcat({HexField(v, "spi"), HexField(v, "seq")});
        EXPECT_EQ(CryptoToHex(aad), v["aad"].get<std::string>());
        CryptoBytes iv = HexField(v, "iv");
        Sealed sealed = Seal(cipher, iv, aad, HexField(v, "plaintext"));
        CryptoBytes packet = CryptoConcat(
            {HexField(v, "spi"), HexField(v, "seq"), iv, sealed.ciphertext, sealed.icv});
        EXPECT_EQ(CryptoToHex(packet), v["esp_packet"].get<std::string>());
    }
}

TEST(CryptoCipher, ChaCha20Poly1305Vectors)
{
    const auto& algorithm = CryptoAlgorithmTable::GetEncryption("chacha20-poly1305", "test");
    for (const auto& v : LoadVectors("chacha20poly1305.json"))
    {
        CheckVector(algorithm,
                    CryptoConcat({HexField(v, "key"), HexField(v, "salt")}),
                    HexField(v, "iv"),
                    HexField(v, "aad"),
                    HexField(v, "plaintext"),
                    HexField(v, "ciphertext"),
                    HexField(v, "icv"),
                    v["id"]);
    }
}

TEST(CryptoCipher, DesAndTripleDesVectors)
{
    int checked = 0;
    for (const auto& v : LoadVectors("des.json"))
    {
        const std::string kind = v["algorithm"];
        CryptoBytes plaintext = HexField(v, "plaintext");
        CryptoBytes iv = v.contains("iv") ? HexField(v, "iv") : CryptoBytes(8, 0);
        if (kind == "DES-ECB")
        {
            // One block of ECB is CBC with a zero IV, which lets ECB vectors check des-cbc.
            ASSERT_EQ(plaintext.size(), 8u);
        }
        const auto& algorithm =
            CryptoAlgorithmTable::GetEncryption(kind == "3DES-CBC" ? "3des-cbc" : "des-cbc",
                                                "test");
        CheckVector(algorithm,
                    HexField(v, "key"),
                    iv,
                    {},
                    plaintext,
                    HexField(v, "ciphertext"),
                    {},
                    v["id"]);
        ++checked;
    }
    EXPECT_EQ(checked, 6);
}

TEST(CryptoCipher, EveryAlgorithmRoundTripsInPlace)
{
    Ptr<CryptoRandom> random = CreateObject<CryptoRandom>();
    random->AssignStreams(1);
    for (const auto& algorithm : CryptoAlgorithmTable::EncryptionAlgorithms())
    {
        SCOPED_TRACE(algorithm.name);
        CryptoCipher cipher(algorithm, random->Generate(algorithm.KeyMaterialBytes()));
        for (size_t size : {0, 64, 512, 1408})
        {
            CryptoBytes iv = random->Generate(algorithm.ivBytes);
            CryptoBytes aad = algorithm.IsAead() ? random->Generate(8) : CryptoBytes();
            const CryptoBytes plain = random->Generate(size);
            CryptoBytes buffer = plain;
            CryptoBytes icv(algorithm.icvBytes);
            ASSERT_EQ(
                cipher.Encrypt(iv.data(), aad, buffer.data(), size, buffer.data(), icv.data()),
                CryptoStatus::OK);
            if (size > 0 && algorithm.mode != CryptoCipherMode::NULL_CIPHER)
            {
                EXPECT_NE(buffer, plain);
            }
            ASSERT_EQ(
                cipher.Decrypt(iv.data(), aad, buffer.data(), size, buffer.data(), icv.data()),
                CryptoStatus::OK);
            EXPECT_EQ(buffer, plain);
        }
    }
}

TEST(CryptoCipher, RejectsBadLengths)
{
    const auto& cbc = CryptoAlgorithmTable::GetEncryption("aes-128-cbc", "test");
    try
    {
        CryptoCipher tooShort(cbc, CryptoBytes(15));
        ADD_FAILURE() << "a 15-byte key was accepted";
    }
    catch (const std::invalid_argument& error)
    {
        EXPECT_NE(std::string(error.what()).find("aes-128-cbc"), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("15"), std::string::npos);
    }
    // AES-GCM keying material is key | 4-byte salt (RFC 4106 section 8.1).
    EXPECT_THROW(
        CryptoCipher(CryptoAlgorithmTable::GetEncryption("aes-128-gcm", "test"), CryptoBytes(16)),
        std::invalid_argument);

    CryptoCipher cipher(cbc, CryptoBytes(16, 7));
    CryptoBytes iv(16), data(20);
    EXPECT_EQ(cipher.Encrypt(iv.data(), {}, data.data(), data.size(), data.data(), nullptr),
              CryptoStatus::INVALID_LENGTH);
    EXPECT_EQ(cipher.Decrypt(iv.data(), {}, data.data(), 17, data.data(), nullptr),
              CryptoStatus::INVALID_LENGTH);
    CryptoBytes aad(8);
    EXPECT_EQ(cipher.Encrypt(iv.data(), aad, data.data(), 16, data.data(), nullptr),
              CryptoStatus::INVALID_LENGTH);
}

TEST(CryptoCipher, CbcWithoutIntegrityDoesNotDetectTampering)
{
    // Why ESP needs an integrity transform with CBC: a flipped bit decrypts without error,
    // garbles its own block, flips the same bit of the next block and leaves the rest intact.
    const auto& cbc = CryptoAlgorithmTable::GetEncryption("aes-256-cbc", "test");
    CryptoCipher cipher(cbc, CryptoBytes(32, 3));
    CryptoBytes iv(16, 9);
    const CryptoBytes plain(64, 0x5a);
    Sealed sealed = Seal(cipher, iv, {}, plain);
    sealed.ciphertext[20] ^= 0x01;
    CryptoBytes opened;
    ASSERT_EQ(Open(cipher, iv, {}, sealed, opened), CryptoStatus::OK);
    EXPECT_FALSE(std::equal(opened.begin() + 16, opened.begin() + 32, plain.begin() + 16));
    EXPECT_EQ(opened[36], plain[36] ^ 0x01);
    EXPECT_TRUE(std::equal(opened.begin(), opened.begin() + 16, plain.begin()));
    EXPECT_TRUE(std::equal(opened.begin() + 48, opened.end(), plain.begin() + 48));
}
