/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The one algorithm table: names and IANA IDs unique, sizes agreeing with OpenSSL, and
 * configuration errors that name the value, its origin and the allowed values.
 */
#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-openssl.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <set>
#include <string>
#include <utility>

using namespace ns3;

TEST(CryptoAlgorithmTable, NamesAndTransformIdsAreUnique)
{
    std::set<std::string> names;
    std::set<std::pair<uint16_t, uint16_t>> encryptionIds;
    for (const auto& entry : CryptoAlgorithmTable::EncryptionAlgorithms())
    {
        EXPECT_TRUE(names.insert(entry.name).second) << entry.name;
        EXPECT_TRUE(encryptionIds.insert({entry.transformId, entry.keyLengthBits}).second)
            << entry.name;
        EXPECT_EQ(CryptoAlgorithmTable::FindEncryption(entry.transformId, entry.keyLengthBits),
                  &entry);
    }
    for (const auto& entry : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        EXPECT_EQ(CryptoAlgorithmTable::FindIntegrity(entry.transformId), &entry);
        EXPECT_EQ(CryptoAlgorithmTable::FindIntegrity(entry.name), &entry);
    }
    for (const auto& entry : CryptoAlgorithmTable::PrfAlgorithms())
    {
        EXPECT_EQ(CryptoAlgorithmTable::FindPrf(entry.transformId), &entry);
    }
    for (const auto& entry : CryptoAlgorithmTable::DhGroups())
    {
        EXPECT_EQ(CryptoAlgorithmTable::FindDhGroup(entry.transformId), &entry);
        EXPECT_EQ(std::string(entry.name), "group" + std::to_string(entry.transformId));
    }
    EXPECT_EQ(CryptoAlgorithmTable::FindEncryption("aes-512-gcm"), nullptr);
    EXPECT_EQ(CryptoAlgorithmTable::FindIntegrity(uint16_t(99)), nullptr);
}

TEST(CryptoAlgorithmTable, JunosSetIsComplete)
{
    for (const char* name : {"des-cbc",
                             "3des-cbc",
                             "aes-128-cbc",
                             "aes-192-cbc",
                             "aes-256-cbc",
                             "aes-128-gcm",
                             "aes-192-gcm",
                             "aes-256-gcm",
                             "null"})
    {
        const auto* entry = CryptoAlgorithmTable::FindEncryption(name);
        ASSERT_NE(entry, nullptr) << name;
        EXPECT_TRUE(entry->offeredByJunos) << name;
    }
    for (const char* name : {"hmac-md5-96",
                             "hmac-sha1-96",
                             "hmac-sha-256-128",
                             "hmac-sha-384-192",
                             "hmac-sha-512-256"})
    {
        EXPECT_NE(CryptoAlgorithmTable::FindIntegrity(name), nullptr) << name;
    }
    for (uint16_t group : {1, 2, 5, 14, 15, 16, 19, 20, 21, 24, 31})
    {
        EXPECT_NE(CryptoAlgorithmTable::FindDhGroup(group), nullptr) << group;
    }
}

TEST(CryptoAlgorithmTable, SizesAgreeWithOpenssl)
{
    CryptoOpenssl::RequireLegacyProvider("this test");
    for (const auto& entry : CryptoAlgorithmTable::EncryptionAlgorithms())
    {
        if (!entry.opensslName)
        {
            continue;
        }
        SCOPED_TRACE(entry.name);
        EVP_CIPHER* cipher = CryptoOpenssl::FetchCipher(entry.opensslName);
        ASSERT_NE(cipher, nullptr);
        EXPECT_EQ(EVP_CIPHER_get_key_length(cipher), entry.keyBytes);
        EXPECT_EQ(EVP_CIPHER_get_block_size(cipher), entry.blockBytes);
        if (entry.mode == CryptoCipherMode::CBC)
        {
            // RFC 2405, 2451, 3602: the explicit IV is one cipher block.
            EXPECT_EQ(EVP_CIPHER_get_iv_length(cipher), entry.ivBytes);
        }
        else
        {
            // Salt | IV fills the 12-byte AEAD nonce or the first 12 bytes of the CTR block.
            EXPECT_EQ(entry.saltBytes + entry.ivBytes, 12);
        }
        if (entry.keyLengthBits != 0)
        {
            EXPECT_EQ(entry.keyLengthBits, 8 * entry.keyBytes);
        }
    }
    for (const auto& entry : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        EVP_MD* digest = CryptoOpenssl::FetchDigest(entry.digestName);
        ASSERT_NE(digest, nullptr) << entry.name;
        EXPECT_EQ(EVP_MD_get_size(digest), entry.keyBytes) << entry.name;
        // RFC 2403/2404: 96-bit ICVs; RFC 4868 section 2.1.1: half the SHA-2 output.
        EXPECT_EQ(entry.icvBytes, entry.keyBytes <= 20 ? 12 : entry.keyBytes / 2) << entry.name;
    }
    for (const auto& entry : CryptoAlgorithmTable::PrfAlgorithms())
    {
        EVP_MD* digest = CryptoOpenssl::FetchDigest(entry.digestName);
        ASSERT_NE(digest, nullptr) << entry.name;
        EXPECT_EQ(EVP_MD_get_size(digest), entry.outputBytes) << entry.name;
    }
}

TEST(CryptoAlgorithmTable, UnknownNameErrorSaysWhatWhereAndAllowed)
{
    try
    {
        CryptoAlgorithmTable::GetEncryption("aes-128-gmc", "option --encryption");
        ADD_FAILURE() << "no exception";
    }
    catch (const std::invalid_argument& error)
    {
        std::string message = error.what();
        EXPECT_NE(message.find("'aes-128-gmc'"), std::string::npos) << message;
        EXPECT_NE(message.find("option --encryption"), std::string::npos) << message;
        EXPECT_NE(message.find("aes-256-gcm"), std::string::npos) << message;
    }
    EXPECT_THROW(CryptoAlgorithmTable::GetIntegrity("sha1", "x"), std::invalid_argument);
    EXPECT_THROW(CryptoAlgorithmTable::GetPrf("sha1", "x"), std::invalid_argument);
    EXPECT_THROW(CryptoAlgorithmTable::GetDhGroup("group99", "x"), std::invalid_argument);
}
