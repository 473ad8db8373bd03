/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/ikev2-key-export.h"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

using namespace ns3;

namespace
{

Ikev2SaKeys
CbcKeys()
{
    Ikev2SaKeys keys;
    keys.initiatorSpi = 0x0225ed8e1089866bULL;
    keys.responderSpi = 0x20175d1377225d73ULL;
    keys.encryption = &CryptoAlgorithmTable::GetEncryption("aes-128-cbc", "test");
    keys.integrity = &CryptoAlgorithmTable::GetIntegrity("hmac-sha-256-128", "test");
    keys.skEi = CryptoBytes(16, 0x01);
    keys.skEr = CryptoBytes(16, 0x02);
    keys.skAi = CryptoBytes(32, 0x03);
    keys.skAr = CryptoBytes(32, 0x04);
    return keys;
}

} // namespace

TEST(Ikev2KeyExport, CbcLineHasWiresharksFieldsInOrder)
{
    std::string line;
    ASSERT_TRUE(Ikev2KeyExport::DecryptionTableLine(CbcKeys(), &line));
    EXPECT_EQ(line,
              "0225ed8e1089866b,20175d1377225d73," + CryptoToHex(CryptoBytes(16, 1)) + "," +
                  CryptoToHex(CryptoBytes(16, 2)) + ",\"AES-CBC-128 [RFC3602]\"," +
                  CryptoToHex(CryptoBytes(32, 3)) + "," + CryptoToHex(CryptoBytes(32, 4)) +
                  ",\"HMAC_SHA2_256_128 [RFC4868]\"");
}

TEST(Ikev2KeyExport, AeadHasNoIntegrityKeysAndUnsupportedAlgorithmsGetAComment)
{
    Ikev2SaKeys gcm = CbcKeys();
    gcm.encryption = &CryptoAlgorithmTable::GetEncryption("aes-256-gcm", "test");
    gcm.integrity = nullptr;
    gcm.skEi = CryptoBytes(36, 0x05);
    gcm.skEr = CryptoBytes(36, 0x06);
    gcm.skAi.clear();
    gcm.skAr.clear();
    std::string line;
    ASSERT_TRUE(Ikev2KeyExport::DecryptionTableLine(gcm, &line));
    EXPECT_NE(line.find(",\"AES-GCM-256 with 16 octet ICV [RFC5282]\",,,\"NONE [RFC4306]\""),
              std::string::npos)
        << line;

    Ikev2SaKeys des = CbcKeys();
    des.encryption = &CryptoAlgorithmTable::GetEncryption("des-cbc", "test");
    EXPECT_FALSE(Ikev2KeyExport::DecryptionTableLine(des, &line));
    EXPECT_EQ(line.rfind("# IKE SA 0225ed8e1089866b/20175d1377225d73: des-cbc", 0), 0u) << line;

    const std::string path = ::testing::TempDir() + "ikev2_decryption_table";
    EXPECT_EQ(Ikev2KeyExport::WriteDecryptionTable({CbcKeys(), gcm, des}, path), 2u);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string contents = text.str();
    EXPECT_EQ(std::count(contents.begin(), contents.end(), '\n'), 4); // header + 3 lines
    EXPECT_THROW(Ikev2KeyExport::WriteDecryptionTable({}, "/nonexistent/dir/table"),
                 std::runtime_error);
}
