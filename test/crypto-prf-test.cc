/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * IKE key derivation: prf+, SKEYSEED, IKE SA and Child SA keying material (RFC 7296 sections
 * 2.13-2.18, NIST CAVP SP 800-135 vectors) and IKEv1 SKEYID (RFC 2409 section 5).
 */
#include "ipsec-test-vectors.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-prf.h"

#include <gtest/gtest.h>
#include <map>
#include <string>

using namespace ns3;
using ns3::test::HexField;
using ns3::test::LoadVectors;

namespace
{

CryptoPrf
PrfForHash(const std::string& hash)
{
    static const std::map<std::string, std::string> names = {
        {"md5", "hmac-md5"},
        {"sha1", "hmac-sha1"},
        {"sha256", "hmac-sha-256"},
        {"sha384", "hmac-sha-384"},
        {"sha512", "hmac-sha-512"},
    };
    return CryptoPrf(CryptoAlgorithmTable::GetPrf(names.at(hash), "test"));
}

} // namespace

TEST(CryptoPrf, Ikev2KeyDerivationVectors)
{
    std::map<std::string, int> checked;
    for (const auto& v : LoadVectors("prf_plus_ikev2.json"))
    {
        SCOPED_TRACE(v["id"].get<std::string>());
        const std::string type = v["type"];
        CryptoPrf prf = PrfForHash(v["hash"]);
        if (type == "skeyseed")
        {
            // RFC 7296 section 2.14: SKEYSEED = prf(Ni | Nr, g^ir).
            EXPECT_EQ(CryptoToHex(prf.Compute(HexField(v, "Ni_Nr"), HexField(v, "g_ir"))),
                      v["skeyseed"].get<std::string>());
        }
        else if (type == "prf+")
        {
            EXPECT_EQ(CryptoToHex(prf.PrfPlus(HexField(v, "key"),
                                              HexField(v, "seed"),
                                              v["output_length"].get<size_t>())),
                      v["output"].get<std::string>());
        }
        else if (type == "ikev2_full")
        {
            CryptoBytes ni = HexField(v, "Ni");
            CryptoBytes nr = HexField(v, "Nr");
            CryptoBytes nonces = CryptoConcat({ni, nr});
            CryptoBytes skeyseed = prf.Compute(nonces, HexField(v, "g_ir"));
            EXPECT_EQ(CryptoToHex(skeyseed), v["skeyseed"].get<std::string>());
            CryptoBytes dkm =
                prf.PrfPlus(skeyseed,
                            CryptoConcat({ni, nr, HexField(v, "SPIi"), HexField(v, "SPIr")}),
                            v["dkm_length"].get<size_t>());
            EXPECT_EQ(CryptoToHex(dkm), v["dkm"].get<std::string>());
            // SK_d is the first prf-length bytes (RFC 7296 section 2.14).
            CryptoBytes skD(dkm.begin(), dkm.begin() + prf.GetOutputSize());
            std::string childHex = v["dkm_child_sa"];
            // RFC 7296 section 2.17: KEYMAT = prf+(SK_d, Ni | Nr), and with PFS
            // prf+(SK_d, g^ir (new) | Ni | Nr).
            EXPECT_EQ(CryptoToHex(prf.PrfPlus(skD, nonces, childHex.size() / 2)), childHex);
            std::string childDhHex = v["dkm_child_sa_dh"];
            CryptoBytes newSecret = HexField(v, "g_ir_new");
            EXPECT_EQ(
                CryptoToHex(
                    prf.PrfPlus(skD, CryptoConcat({newSecret, ni, nr}), childDhHex.size() / 2)),
                childDhHex);
            // RFC 7296 section 2.18: SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr).
            EXPECT_EQ(CryptoToHex(prf.Compute(skD, CryptoConcat({newSecret, ni, nr}))),
                      v["skeyseed_rekey"].get<std::string>());
        }
        else
        {
            ADD_FAILURE() << "unknown vector type " << type;
        }
        ++checked[type];
    }
    EXPECT_GT(checked["skeyseed"], 0);
    EXPECT_GT(checked["prf+"], 0);
    EXPECT_GT(checked["ikev2_full"], 0);
}

TEST(CryptoPrf, PrfPlusStreamIsPrefixStableAndBounded)
{
    CryptoPrf prf(CryptoAlgorithmTable::GetPrf("hmac-sha1", "test"));
    CryptoBytes key(20, 0x0b), seed(40, 0x22);
    CryptoBytes longer = prf.PrfPlus(key, seed, 97);
    CryptoBytes shorter = prf.PrfPlus(key, seed, 33);
    EXPECT_TRUE(std::equal(shorter.begin(), shorter.end(), longer.begin()));
    // T1 = prf(K, S | 0x01) (RFC 7296 section 2.13).
    CryptoBytes t1 = prf.Compute(key, CryptoConcat({seed, CryptoBytes{0x01}}));
    EXPECT_TRUE(std::equal(t1.begin(), t1.end(), longer.begin()));
    EXPECT_NO_THROW(prf.PrfPlus(key, seed, 255 * 20));
    EXPECT_THROW(prf.PrfPlus(key, seed, 255 * 20 + 1), std::invalid_argument);
}

TEST(CryptoPrf, Ikev1SkeyidVectors)
{
    // RFC 2409 section 5 (signature authentication).
    for (const auto& v : LoadVectors("ikev1_kdf.json"))
    {
        SCOPED_TRACE(v["id"].get<std::string>());
        CryptoPrf prf = PrfForHash(v["hash"]);
        CryptoBytes gxy = HexField(v, "g_xy");
        CryptoBytes cookies = CryptoConcat({HexField(v, "CKY_I"), HexField(v, "CKY_R")});
        CryptoBytes skeyid =
            prf.Compute(CryptoConcat({HexField(v, "Ni_b"), HexField(v, "Nr_b")}), gxy);
        EXPECT_EQ(CryptoToHex(skeyid), v["SKEYID"].get<std::string>());
        CryptoBytes d = prf.Compute(skeyid, CryptoConcat({gxy, cookies, CryptoBytes{0}}));
        EXPECT_EQ(CryptoToHex(d), v["SKEYID_d"].get<std::string>());
        CryptoBytes a = prf.Compute(skeyid, CryptoConcat({d, gxy, cookies, CryptoBytes{1}}));
        EXPECT_EQ(CryptoToHex(a), v["SKEYID_a"].get<std::string>());
        CryptoBytes e = prf.Compute(skeyid, CryptoConcat({a, gxy, cookies, CryptoBytes{2}}));
        EXPECT_EQ(CryptoToHex(e), v["SKEYID_e"].get<std::string>());
    }
}
