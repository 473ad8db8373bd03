/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Signature schemes, private and public keys: RSA PKCS#1 v1.5 against signatures made by the
 * openssl command-line tool (test/data/pki/README.md), ECDSA against RFC 4754 section 8.
 */
#include "ipsec-test-vectors.h"

#include "ns3/crypto-private-key.h"
#include "ns3/crypto-public-key.h"
#include "ns3/crypto-random.h"
#include "ns3/crypto-signature-scheme.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <string>

using namespace ns3;
using ns3::test::HexField;
using ns3::test::LoadVectors;
using ns3::test::ReadDataFile;

namespace
{

/// \return the path of a file under test/data/pki/
std::string
PkiPath(const std::string& name)
{
    return std::string(IPSEC_TEST_DATA_DIR) + "/pki/" + name;
}

/// \return a private key from test/data/pki/, failing the test if it does not load
Ptr<CryptoPrivateKey>
LoadPrivateKey(const std::string& name)
{
    std::string error;
    Ptr<CryptoPrivateKey> key = CryptoPrivateKey::FromPemFile(PkiPath(name), &error);
    EXPECT_NE(key, nullptr) << error;
    return key;
}

/// \return the bytes with one bit inverted
CryptoBytes
FlipBit(CryptoBytes bytes, size_t bit)
{
    bytes.at(bit / 8) ^= static_cast<uint8_t>(1U << (bit % 8));
    return bytes;
}

/// \return hex text without surrounding white space
std::string
Trim(const std::string& text)
{
    const size_t first = text.find_first_not_of(" \r\n\t");
    const size_t last = text.find_last_not_of(" \r\n\t");
    return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

/// \return a random source on a fixed ns-3 stream
Ptr<CryptoRandom>
RandomOnStream(int64_t stream)
{
    Ptr<CryptoRandom> random = CreateObject<CryptoRandom>();
    random->AssignStreams(stream);
    return random;
}

/// A random source that always gives the same byte, to exercise the rejection of bad k.
class ConstantRandom : public CryptoRandom
{
  public:
    /// \param value the byte to give
    explicit ConstantRandom(uint8_t value)
        : m_value(value)
    {
    }

    void Fill(uint8_t* out, size_t size) override
    {
        std::fill(out, out + size, m_value);
    }

  private:
    uint8_t m_value; //!< the byte given
};

/// RFC 4754 curve names -> the scheme of the vector.
const std::map<std::string, CryptoSignatureScheme> SCHEME_OF_CURVE = {
    {"P-256", CryptoSignatureScheme::ECDSA_P256_SHA256},
    {"P-384", CryptoSignatureScheme::ECDSA_P384_SHA384},
    {"P-521", CryptoSignatureScheme::ECDSA_P521_SHA512},
};

} // namespace

TEST(CryptoSignature, SchemeTableMatchesIkeRegistry)
{
    EXPECT_EQ(CryptoSignatureSchemes().size(), 7U);
    for (const auto& info : CryptoSignatureSchemes())
    {
        EXPECT_EQ(&CryptoGetSignatureSchemeInfo(info.scheme), &info);
        CryptoSignatureScheme byName;
        ASSERT_TRUE(CryptoSignatureSchemeFromName(info.name, &byName));
        EXPECT_EQ(byName, info.scheme);
    }
    // RFC 7296 section 3.8 and RFC 4754 section 4.
    EXPECT_EQ(CryptoSignatureSchemeIkeAuthMethod(CryptoSignatureScheme::RSA_PKCS1_SHA1), 1);
    EXPECT_EQ(CryptoSignatureSchemeIkeAuthMethod(CryptoSignatureScheme::RSA_PKCS1_SHA256), 0);
    EXPECT_EQ(CryptoSignatureSchemeIkeAuthMethod(CryptoSignatureScheme::ECDSA_P256_SHA256), 9);
    EXPECT_EQ(CryptoSignatureSchemeIkeAuthMethod(CryptoSignatureScheme::ECDSA_P384_SHA384), 10);
    EXPECT_EQ(CryptoSignatureSchemeIkeAuthMethod(CryptoSignatureScheme::ECDSA_P521_SHA512), 11);
    CryptoSignatureScheme scheme;
    ASSERT_TRUE(CryptoSignatureSchemeFromIkeAuthMethod(10, &scheme));
    EXPECT_EQ(scheme, CryptoSignatureScheme::ECDSA_P384_SHA384);
    EXPECT_FALSE(CryptoSignatureSchemeFromIkeAuthMethod(0, &scheme));
    EXPECT_FALSE(CryptoSignatureSchemeFromIkeAuthMethod(2, &scheme)); // shared key MIC
    EXPECT_EQ(std::string(CryptoSignatureSchemeDigest(CryptoSignatureScheme::ECDSA_P521_SHA512)),
              "SHA2-512");
    EXPECT_EQ(std::string(CryptoSignatureSchemeName(CryptoSignatureScheme::RSA_PKCS1_SHA384)),
              "RSA_PKCS1_SHA384");
}

TEST(CryptoSignature, LoadsPkcs8AndTraditionalPem)
{
    Ptr<CryptoPrivateKey> rsa = LoadPrivateKey("gw1.key");
    Ptr<CryptoPrivateKey> rsaTraditional = LoadPrivateKey("gw1-traditional.key");
    Ptr<CryptoPrivateKey> ec = LoadPrivateKey("gw2.key");
    Ptr<CryptoPrivateKey> ecTraditional = LoadPrivateKey("gw2-traditional.key");
    ASSERT_TRUE(rsa && rsaTraditional && ec && ecTraditional);

    EXPECT_EQ(rsa->GetType(), CryptoKeyType::RSA);
    EXPECT_EQ(rsa->GetBits(), 2048U);
    EXPECT_EQ(rsa->GetCurve(), "");
    EXPECT_TRUE(rsa->GetEcPrivateScalar().empty());
    EXPECT_TRUE(rsa->GetPublicKey()->Equals(*rsaTraditional->GetPublicKey()));

    EXPECT_EQ(ec->GetType(), CryptoKeyType::EC);
    EXPECT_EQ(ec->GetCurve(), "P-384");
    EXPECT_EQ(ec->GetBits(), 384U);
    EXPECT_EQ(ec->GetEcPrivateScalar().size(), 48U);
    EXPECT_EQ(CryptoToHex(ec->GetEcPrivateScalar()),
              CryptoToHex(ecTraditional->GetEcPrivateScalar()));
    EXPECT_FALSE(ec->GetPublicKey()->Equals(*rsa->GetPublicKey()));

    // The same key read from PEM text instead of a file.
    std::string error;
    Ptr<CryptoPrivateKey> fromText = CryptoPrivateKey::FromPem(ReadDataFile("pki/gw2.key"), &error);
    ASSERT_NE(fromText, nullptr) << error;
    EXPECT_EQ(CryptoToHex(fromText->GetEcPrivateScalar()), CryptoToHex(ec->GetEcPrivateScalar()));
}

TEST(CryptoSignature, LoadsPublicKeyFromPemAndDer)
{
    Ptr<CryptoPrivateKey> rsa = LoadPrivateKey("gw1.key");
    ASSERT_NE(rsa, nullptr);
    const std::string derText = ReadDataFile("pki/gw1-public.der");
    const CryptoBytes der(derText.begin(), derText.end());
    std::string error;
    Ptr<CryptoPublicKey> fromDer = CryptoPublicKey::FromDer(der, &error);
    ASSERT_NE(fromDer, nullptr) << error;
    Ptr<CryptoPublicKey> fromPem = CryptoPublicKey::FromPemFile(PkiPath("gw1-public.pem"), &error);
    ASSERT_NE(fromPem, nullptr) << error;
    EXPECT_TRUE(fromDer->Equals(*rsa->GetPublicKey()));
    EXPECT_TRUE(fromPem->Equals(*fromDer));
    EXPECT_EQ(fromPem->GetType(), CryptoKeyType::RSA);
    EXPECT_EQ(fromPem->GetBits(), 2048U);
    EXPECT_EQ(CryptoToHex(fromPem->GetDer()), CryptoToHex(der));
    EXPECT_EQ(CryptoToHex(rsa->GetPublicKey()->GetDer()), CryptoToHex(der));
}

TEST(CryptoSignature, BadKeyInputReturnsNullWithReason)
{
    std::string error;
    EXPECT_EQ(CryptoPrivateKey::FromPem("not a key", &error), nullptr);
    EXPECT_FALSE(error.empty());

    error.clear();
    const std::string missing = PkiPath("no-such-key.pem");
    EXPECT_EQ(CryptoPrivateKey::FromPemFile(missing, &error), nullptr);
    EXPECT_NE(error.find(missing), std::string::npos) << error;

    // Encrypted: refused without prompting for a passphrase.
    error.clear();
    EXPECT_EQ(CryptoPrivateKey::FromPemFile(PkiPath("gw1-encrypted.key"), &error), nullptr);
    EXPECT_NE(error.find("gw1-encrypted.key"), std::string::npos) << error;

    // A public key is not a private key.
    error.clear();
    EXPECT_EQ(CryptoPrivateKey::FromPemFile(PkiPath("gw1-public.pem"), &error), nullptr);
    EXPECT_FALSE(error.empty());

    // A truncated PEM body.
    std::string truncated = ReadDataFile("pki/gw2.key");
    truncated.erase(truncated.size() / 2, 20);
    error.clear();
    EXPECT_EQ(CryptoPrivateKey::FromPem(truncated, &error), nullptr);
    EXPECT_FALSE(error.empty());

    error.clear();
    EXPECT_EQ(CryptoPublicKey::FromDer(CryptoBytes{0x30, 0x03, 0x02, 0x01, 0x01}, &error), nullptr);
    EXPECT_FALSE(error.empty());

    const std::string derText = ReadDataFile("pki/gw1-public.der");
    CryptoBytes trailing(derText.begin(), derText.end());
    trailing.push_back(0);
    error.clear();
    EXPECT_EQ(CryptoPublicKey::FromDer(trailing, &error), nullptr);
    EXPECT_FALSE(error.empty());

    error.clear();
    EXPECT_EQ(
        CryptoPublicKey::FromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
                                 &error),
        nullptr);
    EXPECT_FALSE(error.empty());

    // (1, 1) is not on P-256; an unknown curve is refused by name.
    error.clear();
    EXPECT_EQ(CryptoPublicKey::FromEcPoint("P-256", CryptoBytes{1}, CryptoBytes{1}, &error),
              nullptr);
    EXPECT_FALSE(error.empty());
    error.clear();
    EXPECT_EQ(CryptoPrivateKey::FromEcPrivateScalar("P-999", CryptoBytes{1}, &error), nullptr);
    EXPECT_NE(error.find("P-999"), std::string::npos) << error;
    error.clear();
    EXPECT_EQ(CryptoPrivateKey::FromEcPrivateScalar("P-256", CryptoBytes(32, 0), &error), nullptr);
    EXPECT_FALSE(error.empty());
}

TEST(CryptoSignature, RsaSha256MatchesOpensslCli)
{
    Ptr<CryptoPrivateKey> key = LoadPrivateKey("gw1.key");
    Ptr<CryptoPrivateKey> other = LoadPrivateKey("root-ca.key");
    ASSERT_TRUE(key && other);
    const std::string text = ReadDataFile("pki/message.txt");
    const CryptoBytes message(text.begin(), text.end());
    ASSERT_FALSE(message.empty());
    const CryptoBytes expected = CryptoFromHex(Trim(ReadDataFile("pki/gw1-sha256.sig.hex")));
    ASSERT_EQ(expected.size(), 256U);

    Ptr<CryptoRandom> random = RandomOnStream(1);
    CryptoBytes signature;
    ASSERT_EQ(key->Sign(CryptoSignatureScheme::RSA_PKCS1_SHA256, message, *random, signature),
              CryptoStatus::OK);
    EXPECT_EQ(CryptoToHex(signature), CryptoToHex(expected));

    Ptr<CryptoPublicKey> publicKey = key->GetPublicKey();
    const auto scheme = CryptoSignatureScheme::RSA_PKCS1_SHA256;
    EXPECT_EQ(publicKey->Verify(scheme, message, expected), CryptoStatus::OK);
    EXPECT_EQ(publicKey->Verify(scheme, FlipBit(message, 5), expected),
              CryptoStatus::AUTHENTICATION_FAILED);
    EXPECT_EQ(publicKey->Verify(scheme, message, FlipBit(expected, 1000)),
              CryptoStatus::AUTHENTICATION_FAILED);
    EXPECT_EQ(publicKey->Verify(scheme, message, CryptoBytes(expected.begin(), expected.end() - 1)),
              CryptoStatus::AUTHENTICATION_FAILED);
    EXPECT_EQ(publicKey->Verify(CryptoSignatureScheme::RSA_PKCS1_SHA384, message, expected),
              CryptoStatus::AUTHENTICATION_FAILED);
    EXPECT_EQ(other->GetPublicKey()->Verify(scheme, message, expected),
              CryptoStatus::AUTHENTICATION_FAILED);
}

TEST(CryptoSignature, RsaSha1RoundTrip)
{
    Ptr<CryptoPrivateKey> key = LoadPrivateKey("gw1-traditional.key");
    ASSERT_NE(key, nullptr);
    const std::string text = ReadDataFile("pki/message.txt");
    const CryptoBytes message(text.begin(), text.end());
    Ptr<CryptoRandom> random = RandomOnStream(2);
    CryptoBytes signature;
    const auto scheme = CryptoSignatureScheme::RSA_PKCS1_SHA1;
    ASSERT_EQ(key->Sign(scheme, message, *random, signature), CryptoStatus::OK);
    EXPECT_EQ(CryptoToHex(signature), Trim(ReadDataFile("pki/gw1-sha1.sig.hex")));
    EXPECT_EQ(key->GetPublicKey()->Verify(scheme, message, signature), CryptoStatus::OK);
    EXPECT_EQ(key->GetPublicKey()->Verify(scheme, FlipBit(message, 0), signature),
              CryptoStatus::AUTHENTICATION_FAILED);
    EXPECT_EQ(
        key->GetPublicKey()->Verify(CryptoSignatureScheme::RSA_PKCS1_SHA256, message, signature),
        CryptoStatus::AUTHENTICATION_FAILED);

    for (auto other :
         {CryptoSignatureScheme::RSA_PKCS1_SHA384, CryptoSignatureScheme::RSA_PKCS1_SHA512})
    {
        CryptoBytes sha2;
        ASSERT_EQ(key->Sign(other, message, *random, sha2), CryptoStatus::OK);
        EXPECT_EQ(key->GetPublicKey()->Verify(other, message, sha2), CryptoStatus::OK);
        EXPECT_NE(CryptoToHex(sha2), CryptoToHex(signature));
    }
}

TEST(CryptoSignature, Rfc4754KnownAnswers)
{
    int checked = 0;
    for (const auto& v : LoadVectors("ecdsa_rfc4754.json"))
    {
        SCOPED_TRACE(v["id"].get<std::string>());
        const std::string curve = v["curve"];
        const CryptoSignatureScheme scheme = SCHEME_OF_CURVE.at(curve);
        std::string error;
        Ptr<CryptoPrivateKey> key =
            CryptoPrivateKey::FromEcPrivateScalar(curve, HexField(v, "private_key"), &error);
        ASSERT_NE(key, nullptr) << error;
        Ptr<CryptoPublicKey> publicKey = CryptoPublicKey::FromEcPoint(curve,
                                                                      HexField(v, "public_x"),
                                                                      HexField(v, "public_y"),
                                                                      &error);
        ASSERT_NE(publicKey, nullptr) << error;
        // gw = w G, as the RFC publishes it.
        EXPECT_TRUE(key->GetPublicKey()->Equals(*publicKey));
        EXPECT_EQ(CryptoToHex(key->GetEcPrivateScalar()), v["private_key"].get<std::string>());

        const CryptoBytes message = HexField(v, "message");
        const CryptoBytes expected = CryptoConcat({HexField(v, "r"), HexField(v, "s")});
        CryptoBytes signature;
        ASSERT_EQ(key->SignWithSecret(scheme, message, HexField(v, "k"), signature),
                  CryptoStatus::OK);
        EXPECT_EQ(CryptoToHex(signature), CryptoToHex(expected));

        EXPECT_EQ(publicKey->Verify(scheme, message, expected), CryptoStatus::OK);
        EXPECT_EQ(publicKey->Verify(scheme, message, FlipBit(expected, 3)),
                  CryptoStatus::AUTHENTICATION_FAILED);
        EXPECT_EQ(publicKey->Verify(scheme, message, FlipBit(expected, expected.size() * 8 - 1)),
                  CryptoStatus::AUTHENTICATION_FAILED);
        EXPECT_EQ(publicKey->Verify(scheme, FlipBit(message, 9), expected),
                  CryptoStatus::AUTHENTICATION_FAILED);
        // r || s has exactly twice the curve's byte length (RFC 4754 section 7).
        EXPECT_EQ(
            publicKey->Verify(scheme, message, CryptoBytes(expected.begin(), expected.end() - 1)),
            CryptoStatus::AUTHENTICATION_FAILED);
        ++checked;
    }
    EXPECT_EQ(checked, 3);
}

TEST(CryptoSignature, SignWithSecretRejectsUnusableSecrets)
{
    const auto v = LoadVectors("ecdsa_rfc4754.json").at(0);
    std::string error;
    Ptr<CryptoPrivateKey> key =
        CryptoPrivateKey::FromEcPrivateScalar("P-256", HexField(v, "private_key"), &error);
    ASSERT_NE(key, nullptr) << error;
    const auto scheme = CryptoSignatureScheme::ECDSA_P256_SHA256;
    const CryptoBytes order =
        CryptoFromHex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    CryptoBytes signature;
    EXPECT_EQ(key->SignWithSecret(scheme, HexField(v, "message"), CryptoBytes(32, 0), signature),
              CryptoStatus::INVALID_KEY);
    EXPECT_EQ(key->SignWithSecret(scheme, HexField(v, "message"), order, signature),
              CryptoStatus::INVALID_KEY);
    EXPECT_EQ(key->SignWithSecret(scheme, HexField(v, "message"), CryptoBytes(), signature),
              CryptoStatus::INVALID_KEY);
    EXPECT_TRUE(signature.empty());
    // k = n - 1 is allowed.
    CryptoBytes largest = order;
    largest.back() -= 1;
    ASSERT_EQ(key->SignWithSecret(scheme, HexField(v, "message"), largest, signature),
              CryptoStatus::OK);
    EXPECT_EQ(key->GetPublicKey()->Verify(scheme, HexField(v, "message"), signature),
              CryptoStatus::OK);
}

TEST(CryptoSignature, EcdsaRoundTripPerCurve)
{
    std::map<std::string, Ptr<CryptoPrivateKey>> keys;
    for (const auto& v : LoadVectors("ecdsa_rfc4754.json"))
    {
        keys[v["curve"]] =
            CryptoPrivateKey::FromEcPrivateScalar(v["curve"], HexField(v, "private_key"), nullptr);
    }
    keys["P-384 (gw2.key)"] = LoadPrivateKey("gw2.key");
    const std::map<std::string, size_t> lengths = {{"P-256", 64},
                                                   {"P-384", 96},
                                                   {"P-384 (gw2.key)", 96},
                                                   {"P-521", 132}};
    Ptr<CryptoRandom> random = RandomOnStream(3);
    const CryptoBytes message = CryptoFromHex("0102030405060708090a");
    for (const auto& [name, key] : keys)
    {
        SCOPED_TRACE(name);
        ASSERT_NE(key, nullptr);
        const CryptoSignatureScheme scheme = SCHEME_OF_CURVE.at(key->GetCurve());
        CryptoBytes first;
        CryptoBytes second;
        ASSERT_EQ(key->Sign(scheme, message, *random, first), CryptoStatus::OK);
        ASSERT_EQ(key->Sign(scheme, message, *random, second), CryptoStatus::OK);
        EXPECT_EQ(first.size(), lengths.at(name));
        EXPECT_EQ(key->GetPublicKey()->Verify(scheme, message, first), CryptoStatus::OK);
        EXPECT_EQ(key->GetPublicKey()->Verify(scheme, message, second), CryptoStatus::OK);
        // A fresh k per signature.
        EXPECT_NE(CryptoToHex(first), CryptoToHex(second));
        EXPECT_EQ(key->GetPublicKey()->Verify(scheme, FlipBit(message, 77), first),
                  CryptoStatus::AUTHENTICATION_FAILED);
        EXPECT_EQ(key->GetPublicKey()->Verify(scheme, message, FlipBit(first, 200)),
                  CryptoStatus::AUTHENTICATION_FAILED);
    }
}

TEST(CryptoSignature, EcdsaSignaturesFollowTheRandomStream)
{
    Ptr<CryptoPrivateKey> key = LoadPrivateKey("gw2.key");
    ASSERT_NE(key, nullptr);
    const auto scheme = CryptoSignatureScheme::ECDSA_P384_SHA384;
    const CryptoBytes message = CryptoFromHex("cafe");
    auto signOnStream = [&](int64_t stream) {
        Ptr<CryptoRandom> random = RandomOnStream(stream);
        CryptoBytes signature;
        EXPECT_EQ(key->Sign(scheme, message, *random, signature), CryptoStatus::OK);
        return CryptoToHex(signature);
    };
    const std::string a = signOnStream(11);
    EXPECT_EQ(signOnStream(11), a);
    EXPECT_NE(signOnStream(12), a);
}

TEST(CryptoSignature, UnusableRandomSourceFailsWithoutHanging)
{
    Ptr<CryptoPrivateKey> key = LoadPrivateKey("gw2.key");
    ASSERT_NE(key, nullptr);
    // All zeros is k = 0; all ones is above n: neither is ever a valid secret.
    for (uint8_t value : {uint8_t{0x00}, uint8_t{0xff}})
    {
        Ptr<ConstantRandom> random = CreateObject<ConstantRandom>(value);
        CryptoBytes signature;
        EXPECT_EQ(key->Sign(CryptoSignatureScheme::ECDSA_P384_SHA384,
                            CryptoFromHex("00"),
                            *random,
                            signature),
                  CryptoStatus::INTERNAL_ERROR);
    }
}

TEST(CryptoSignature, SchemeKeyMismatchIsInvalidKey)
{
    Ptr<CryptoPrivateKey> rsa = LoadPrivateKey("gw1.key");
    Ptr<CryptoPrivateKey> p384 = LoadPrivateKey("gw2.key");
    ASSERT_TRUE(rsa && p384);
    Ptr<CryptoRandom> random = RandomOnStream(4);
    const CryptoBytes message = CryptoFromHex("00");
    CryptoBytes signature;
    EXPECT_EQ(rsa->Sign(CryptoSignatureScheme::ECDSA_P256_SHA256, message, *random, signature),
              CryptoStatus::INVALID_KEY);
    EXPECT_EQ(p384->Sign(CryptoSignatureScheme::RSA_PKCS1_SHA256, message, *random, signature),
              CryptoStatus::INVALID_KEY);
    EXPECT_EQ(p384->Sign(CryptoSignatureScheme::ECDSA_P256_SHA256, message, *random, signature),
              CryptoStatus::INVALID_KEY);
    EXPECT_EQ(p384->Sign(CryptoSignatureScheme::ECDSA_P521_SHA512, message, *random, signature),
              CryptoStatus::INVALID_KEY);
    EXPECT_EQ(rsa->SignWithSecret(CryptoSignatureScheme::RSA_PKCS1_SHA256,
                                  message,
                                  CryptoBytes{1},
                                  signature),
              CryptoStatus::INVALID_KEY);
    EXPECT_TRUE(signature.empty());

    ASSERT_EQ(p384->Sign(CryptoSignatureScheme::ECDSA_P384_SHA384, message, *random, signature),
              CryptoStatus::OK);
    EXPECT_EQ(
        p384->GetPublicKey()->Verify(CryptoSignatureScheme::ECDSA_P256_SHA256, message, signature),
        CryptoStatus::INVALID_KEY);
    EXPECT_EQ(
        rsa->GetPublicKey()->Verify(CryptoSignatureScheme::ECDSA_P384_SHA384, message, signature),
        CryptoStatus::INVALID_KEY);
    EXPECT_FALSE(rsa->Fits(CryptoSignatureScheme::ECDSA_P384_SHA384));
    EXPECT_TRUE(p384->Fits(CryptoSignatureScheme::ECDSA_P384_SHA384));
}
