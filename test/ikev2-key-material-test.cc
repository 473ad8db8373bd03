/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * IKEv2 key derivation (RFC 7296 sections 2.13, 2.14, 2.17, 2.18) against the published chains
 * in test/vectors/prf_plus_ikev2.json and against prf+ written here on plain OpenSSL HMAC.
 */
#include "ipsec-test-vectors.h"

#include "ns3/ikev2-key-material.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace ns3;
using ns3::test::HexField;
using ns3::test::LoadVectors;

namespace
{

CryptoBytes
Hmac(const EVP_MD* md, const CryptoBytes& key, const CryptoBytes& data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(md, key.data(), static_cast<int>(key.size()), data.data(), data.size(), out, &length);
    return CryptoBytes(out, out + length);
}

/// prf+ of RFC 7296 section 2.13, independent of the module's CryptoPrf.
CryptoBytes
ReferencePrfPlus(const EVP_MD* md, const CryptoBytes& key, const CryptoBytes& seed, size_t length)
{
    CryptoBytes out;
    CryptoBytes previous;
    for (uint8_t counter = 1; out.size() < length; ++counter)
    {
        CryptoBytes input = previous;
        input.insert(input.end(), seed.begin(), seed.end());
        input.push_back(counter);
        previous = Hmac(md, key, input);
        out.insert(out.end(), previous.begin(), previous.end());
    }
    out.resize(length);
    return out;
}

CryptoBytes
Cat(std::initializer_list<CryptoBytes> parts)
{
    CryptoBytes out;
    for (const auto& part : parts)
    {
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

Ikev2IkeSaAlgorithms
IkeAlgorithms(const char* encryption, const char* integrity, const char* prf)
{
    Ikev2IkeSaAlgorithms algorithms;
    algorithms.encryption = CryptoAlgorithmTable::FindEncryption(encryption);
    algorithms.integrity = integrity ? CryptoAlgorithmTable::FindIntegrity(integrity) : nullptr;
    algorithms.prf = CryptoAlgorithmTable::FindPrf(prf);
    algorithms.dhGroup = CryptoAlgorithmTable::FindDhGroup("group14");
    return algorithms;
}

CryptoBytes
Pattern(size_t size, uint8_t start)
{
    CryptoBytes bytes(size);
    for (size_t i = 0; i < size; ++i)
    {
        bytes[i] = static_cast<uint8_t>(start + 7 * i);
    }
    return bytes;
}

} // namespace

TEST(Ikev2KeyMaterial, PublishedIkeSaChains)
{
    // Both chains are HMAC-SHA1 with 132 bytes of IKE SA keys: 3 x 20 (SK_d, SK_pi, SK_pr),
    // 2 x 20 (HMAC-SHA1-96 keys) and 2 x 16 (AES-128-CBC keys).
    const Ikev2IkeSaAlgorithms algorithms =
        IkeAlgorithms("aes-128-cbc", "hmac-sha1-96", "hmac-sha1");
    const CryptoPrf prf(*algorithms.prf);
    int checked = 0;
    for (const auto& v : LoadVectors("prf_plus_ikev2.json"))
    {
        if (v["type"] != "ikev2_full")
        {
            continue;
        }
        SCOPED_TRACE(v["id"].get<std::string>());
        ASSERT_EQ(v["dkm_length"].get<size_t>(), 132u);
        const CryptoBytes ni = HexField(v, "Ni");
        const CryptoBytes nr = HexField(v, "Nr");
        CryptoBytes skeyseed = Ikev2KeyMaterial::ComputeSkeyseed(prf, ni, nr, HexField(v, "g_ir"));
        EXPECT_EQ(CryptoToHex(skeyseed), v["skeyseed"].get<std::string>());
        Ikev2IkeSaKeys keys = Ikev2KeyMaterial::DeriveIkeSaKeys(algorithms,
                                                                skeyseed,
                                                                ni,
                                                                nr,
                                                                HexField(v, "SPIi"),
                                                                HexField(v, "SPIr"));
        EXPECT_EQ(keys.skD.size(), 20u);
        EXPECT_EQ(keys.skAi.size(), 20u);
        EXPECT_EQ(keys.skEi.size(), 16u);
        EXPECT_EQ(keys.skPr.size(), 20u);
        EXPECT_EQ(
            CryptoToHex(
                Cat({keys.skD, keys.skAi, keys.skAr, keys.skEi, keys.skEr, keys.skPi, keys.skPr})),
            v["dkm"].get<std::string>());

        // Child SA: AES-256-CBC + HMAC-SHA-256-128 takes 2 x (32 + 32) = 128 bytes, a prefix of
        // the published 132-byte KEYMAT.
        Ikev2ChildSaAlgorithms child;
        child.encryption = CryptoAlgorithmTable::FindEncryption("aes-256-cbc");
        child.integrity = CryptoAlgorithmTable::FindIntegrity("hmac-sha-256-128");
        Ikev2ChildSaKeys childKeys =
            Ikev2KeyMaterial::DeriveChildSaKeys(prf, keys.skD, child, ni, nr);
        const std::string keymat = CryptoToHex(Cat({childKeys.encryptionInitiatorToResponder,
                                                    childKeys.integrityInitiatorToResponder,
                                                    childKeys.encryptionResponderToInitiator,
                                                    childKeys.integrityResponderToInitiator}));
        EXPECT_EQ(keymat, v["dkm_child_sa"].get<std::string>().substr(0, 256));
        const CryptoBytes newSecret = HexField(v, "g_ir_new");
        Ikev2ChildSaKeys pfsKeys =
            Ikev2KeyMaterial::DeriveChildSaKeys(prf, keys.skD, child, ni, nr, newSecret);
        EXPECT_EQ(CryptoToHex(Cat({pfsKeys.encryptionInitiatorToResponder,
                                   pfsKeys.integrityInitiatorToResponder,
                                   pfsKeys.encryptionResponderToInitiator,
                                   pfsKeys.integrityResponderToInitiator})),
                  v["dkm_child_sa_dh"].get<std::string>().substr(0, 256));
        EXPECT_NE(pfsKeys.encryptionInitiatorToResponder, childKeys.encryptionInitiatorToResponder);

        // RFC 7296 section 2.18, with the vector's nonces standing in for the rekey's.
        EXPECT_EQ(
            CryptoToHex(Ikev2KeyMaterial::ComputeRekeySkeyseed(prf, keys.skD, newSecret, ni, nr)),
            v["skeyseed_rekey"].get<std::string>());
        ++checked;
    }
    EXPECT_EQ(checked, 2);
}

TEST(Ikev2KeyMaterial, GcmIkeSaMatchesIndependentPrfPlus)
{
    // aes-256-gcm with PRF_HMAC_SHA2_384: SK_d/SK_p 48 bytes, SK_a none, SK_e 32 + 4 salt.
    const Ikev2IkeSaAlgorithms algorithms = IkeAlgorithms("aes-256-gcm", nullptr, "hmac-sha-384");
    const CryptoBytes ni = Pattern(32, 1);
    const CryptoBytes nr = Pattern(32, 101);
    const CryptoBytes spii = Pattern(8, 3);
    const CryptoBytes spir = Pattern(8, 203);
    const CryptoBytes sharedSecret = Pattern(256, 42);
    const CryptoPrf prf(*algorithms.prf);
    CryptoBytes skeyseed = Ikev2KeyMaterial::ComputeSkeyseed(prf, ni, nr, sharedSecret);
    EXPECT_EQ(skeyseed, Hmac(EVP_sha384(), Cat({ni, nr}), sharedSecret));
    Ikev2IkeSaKeys keys =
        Ikev2KeyMaterial::DeriveIkeSaKeys(algorithms, skeyseed, ni, nr, spii, spir);
    EXPECT_TRUE(keys.skAi.empty());
    EXPECT_TRUE(keys.skAr.empty());
    ASSERT_EQ(keys.skEi.size(), 36u);
    ASSERT_EQ(keys.skD.size(), 48u);
    CryptoBytes reference =
        ReferencePrfPlus(EVP_sha384(), skeyseed, Cat({ni, nr, spii, spir}), 3 * 48 + 2 * 36);
    EXPECT_EQ(Cat({keys.skD, keys.skEi, keys.skEr, keys.skPi, keys.skPr}), reference);

    // Child SA with AES-128-GCM (16 + 4 salt each way, no integrity) and PFS.
    Ikev2ChildSaAlgorithms child;
    child.encryption = CryptoAlgorithmTable::FindEncryption("aes-128-gcm");
    const CryptoBytes pfsSecret = Pattern(32, 9);
    Ikev2ChildSaKeys childKeys =
        Ikev2KeyMaterial::DeriveChildSaKeys(prf, keys.skD, child, ni, nr, pfsSecret);
    EXPECT_TRUE(childKeys.integrityInitiatorToResponder.empty());
    ASSERT_EQ(childKeys.encryptionInitiatorToResponder.size(), 20u);
    EXPECT_EQ(
        Cat({childKeys.encryptionInitiatorToResponder, childKeys.encryptionResponderToInitiator}),
        ReferencePrfPlus(EVP_sha384(), keys.skD, Cat({pfsSecret, ni, nr}), 40));

    // A rekeyed IKE SA: SKEYSEED with the old PRF and SK_d, then keys with the new SPIs.
    const CryptoBytes newNi = Pattern(32, 55);
    const CryptoBytes newNr = Pattern(32, 77);
    CryptoBytes rekeyed =
        Ikev2KeyMaterial::ComputeRekeySkeyseed(prf, keys.skD, pfsSecret, newNi, newNr);
    EXPECT_EQ(rekeyed, Hmac(EVP_sha384(), keys.skD, Cat({pfsSecret, newNi, newNr})));
}

TEST(Ikev2KeyMaterial, AhChildSaHasIntegrityKeysOnly)
{
    const CryptoPrf prf(*CryptoAlgorithmTable::FindPrf("hmac-sha-256"));
    const CryptoBytes skD = Pattern(32, 5);
    const CryptoBytes ni = Pattern(16, 6);
    const CryptoBytes nr = Pattern(16, 7);
    Ikev2ChildSaAlgorithms ah;
    ah.protocol = Ikev2ProtocolId::AH;
    ah.integrity = CryptoAlgorithmTable::FindIntegrity("hmac-sha-512-256");
    Ikev2ChildSaKeys keys = Ikev2KeyMaterial::DeriveChildSaKeys(prf, skD, ah, ni, nr);
    EXPECT_TRUE(keys.encryptionInitiatorToResponder.empty());
    ASSERT_EQ(keys.integrityInitiatorToResponder.size(), 64u);
    EXPECT_EQ(Cat({keys.integrityInitiatorToResponder, keys.integrityResponderToInitiator}),
              ReferencePrfPlus(EVP_sha256(), skD, Cat({ni, nr}), 128));
    EXPECT_NE(keys.integrityInitiatorToResponder, keys.integrityResponderToInitiator);
}
