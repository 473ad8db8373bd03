/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * OpenSSL's legacy provider: DES works when it is present, and its absence is a clear error.
 */
#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-cipher.h"
#include "ns3/crypto-openssl.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <string>

using namespace ns3;

namespace
{

/// Set by the CTest entry that runs this binary with OPENSSL_MODULES pointing nowhere.
bool
LegacyProviderHiddenOnPurpose()
{
    return std::getenv("IPSEC_TEST_EXPECT_NO_LEGACY_PROVIDER") != nullptr;
}

} // namespace

TEST(CryptoOpenssl, DesLoadsTheLegacyProvider)
{
    if (LegacyProviderHiddenOnPurpose())
    {
        GTEST_SKIP() << "legacy provider hidden for the missing-provider test";
    }
    EXPECT_TRUE(CryptoOpenssl::IsLegacyProviderAvailable());
    EXPECT_NO_THROW(
        CryptoCipher(CryptoAlgorithmTable::GetEncryption("des-cbc", "test"), CryptoBytes(8, 1)));
}

TEST(CryptoOpenssl, MissingLegacyProviderIsAClearError)
{
    if (!LegacyProviderHiddenOnPurpose())
    {
        GTEST_SKIP() << "runs only under the ipsec-legacy-provider-missing CTest entry";
    }
    EXPECT_FALSE(CryptoOpenssl::IsLegacyProviderAvailable());
    try
    {
        CryptoCipher des(CryptoAlgorithmTable::GetEncryption("des-cbc", "test"), CryptoBytes(8, 1));
        ADD_FAILURE() << "des-cbc was keyed without the legacy provider";
    }
    catch (const std::runtime_error& error)
    {
        std::string message = error.what();
        EXPECT_NE(message.find("des-cbc"), std::string::npos) << message;
        EXPECT_NE(message.find("legacy provider"), std::string::npos) << message;
        EXPECT_NE(message.find("OPENSSL_MODULES"), std::string::npos) << message;
    }
    // Transforms outside the legacy provider are unaffected.
    EXPECT_NO_THROW(
        CryptoCipher(CryptoAlgorithmTable::GetEncryption("3des-cbc", "test"), CryptoBytes(24, 1)));
}
