/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Integrity transforms and PRFs against RFC 2202, RFC 4231 and RFC 4868 vectors.
 */
#include "ipsec-test-vectors.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-integrity.h"
#include "ns3/crypto-prf.h"

#include <gtest/gtest.h>
#include <map>
#include <string>

using namespace ns3;
using ns3::test::HexField;
using ns3::test::LoadVectors;

namespace
{

/// hmac.json's hash names -> OpenSSL digest names used in the table.
const std::map<std::string, std::string> DIGEST_OF_HASH = {
    {"md5", "MD5"},
    {"sha1", "SHA1"},
    {"sha256", "SHA2-256"},
    {"sha384", "SHA2-384"},
    {"sha512", "SHA2-512"},
};

} // namespace

TEST(CryptoIntegrity, TruncatedHmacVectors)
{
    std::map<std::string, int> checked;
    for (const auto& v : LoadVectors("hmac.json"))
    {
        if (!v.contains("truncated_to_bytes") || !DIGEST_OF_HASH.count(v["hash"]))
        {
            continue;
        }
        CryptoBytes key = HexField(v, "key");
        for (const auto& algorithm : CryptoAlgorithmTable::IntegrityAlgorithms())
        {
            if (algorithm.digestName != DIGEST_OF_HASH.at(v["hash"]) ||
                algorithm.icvBytes != v["truncated_to_bytes"].get<size_t>() ||
                algorithm.keyBytes != key.size())
            {
                continue;
            }
            SCOPED_TRACE(v["id"].get<std::string>() + " as " + algorithm.name);
            CryptoIntegrity integrity(algorithm, key);
            CryptoBytes data = HexField(v, "data");
            CryptoBytes mac = HexField(v, "mac");
            EXPECT_EQ(CryptoToHex(integrity.Compute(data)), CryptoToHex(mac));
            EXPECT_EQ(integrity.Verify({data}, mac), CryptoStatus::OK);
            // The same data split anywhere gives the same ICV (ESP covers header | IV | data).
            CryptoByteView head(data.data(), data.size() / 2);
            CryptoByteView tail(data.data() + data.size() / 2, data.size() - data.size() / 2);
            EXPECT_EQ(integrity.Verify({head, tail}, mac), CryptoStatus::OK);
            CryptoBytes flippedData = data;
            flippedData[0] ^= 0x01;
            EXPECT_EQ(integrity.Verify({flippedData}, mac), CryptoStatus::AUTHENTICATION_FAILED);
            CryptoBytes flippedMac = mac;
            flippedMac.back() ^= 0x01;
            EXPECT_EQ(integrity.Verify({data}, flippedMac), CryptoStatus::AUTHENTICATION_FAILED);
            CryptoBytes shortMac(mac.begin(), mac.end() - 1);
            EXPECT_EQ(integrity.Verify({data}, shortMac), CryptoStatus::INVALID_LENGTH);
            CryptoBytes otherKey = key;
            otherKey[0] ^= 0x01;
            CryptoIntegrity wrongKey(algorithm, otherKey);
            EXPECT_EQ(wrongKey.Verify({data}, mac), CryptoStatus::AUTHENTICATION_FAILED);
            ++checked[algorithm.name];
        }
    }
    for (const auto& algorithm : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        EXPECT_GT(checked[algorithm.name], 0) << "no published vector checked " << algorithm.name;
    }
}

TEST(CryptoIntegrity, KeyLengthIsEnforced)
{
    const auto& sha256 = CryptoAlgorithmTable::GetIntegrity("hmac-sha-256-128", "test");
    try
    {
        CryptoIntegrity integrity(sha256, CryptoBytes(20));
        ADD_FAILURE() << "a 20-byte key was accepted for hmac-sha-256-128";
    }
    catch (const std::invalid_argument& error)
    {
        EXPECT_NE(std::string(error.what()).find("32-byte key, got 20"), std::string::npos)
            << error.what();
    }
}

TEST(CryptoPrf, HmacVectors)
{
    std::map<std::string, int> checked;
    for (const auto& v : LoadVectors("hmac.json"))
    {
        if (v.contains("truncated_to_bytes") || !DIGEST_OF_HASH.count(v["hash"]))
        {
            continue;
        }
        for (const auto& algorithm : CryptoAlgorithmTable::PrfAlgorithms())
        {
            if (algorithm.digestName != DIGEST_OF_HASH.at(v["hash"]))
            {
                continue;
            }
            SCOPED_TRACE(v["id"].get<std::string>());
            CryptoPrf prf(algorithm);
            EXPECT_EQ(CryptoToHex(prf.Compute(HexField(v, "key"), HexField(v, "data"))),
                      v["mac"].get<std::string>());
            ++checked[algorithm.name];
        }
    }
    for (const auto& algorithm : CryptoAlgorithmTable::PrfAlgorithms())
    {
        EXPECT_GE(checked[algorithm.name], 5) << algorithm.name;
    }
}
