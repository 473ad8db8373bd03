/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * X.509 certificates and chain verification against the test PKI of test/data/pki/ (root CA
 * RSA-2048 -> intermediate CA P-256 -> gw1 RSA-2048 / gw2 P-384, plus an unrelated CA).
 */
#include "ipsec-test-vectors.h"

#include "ns3/crypto-certificate.h"
#include "ns3/crypto-private-key.h"
#include "ns3/crypto-random.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace ns3;
using ns3::test::ReadDataFile;

namespace
{

constexpr int64_t DAY = 86400;

/// \return the path of a file under test/data/pki/
std::string
PkiPath(const std::string& name)
{
    return std::string(IPSEC_TEST_DATA_DIR) + "/pki/" + name;
}

/// \return a certificate from test/data/pki/, failing the test if it does not load
Ptr<CryptoCertificate>
Load(const std::string& name)
{
    std::string error;
    Ptr<CryptoCertificate> certificate = CryptoCertificate::FromPemFile(PkiPath(name), &error);
    EXPECT_NE(certificate, nullptr) << error;
    return certificate;
}

/// The test PKI, loaded once per test.
class Pki
{
  public:
    Pki()
        : root(Load("root-ca.crt")),
          intermediate(Load("intermediate-ca.crt")),
          gw1(Load("gw1.crt")),
          gw2(Load("gw2.crt")),
          unrelated(Load("unrelated-ca.crt"))
    {
    }

    /// \return true when every certificate loaded
    bool IsComplete() const
    {
        return root && intermediate && gw1 && gw2 && unrelated;
    }

    /// \return a time inside the validity of root, intermediate and both leaves
    int64_t InsideValidity() const
    {
        return std::max({root->GetNotBefore(),
                         intermediate->GetNotBefore(),
                         gw1->GetNotBefore(),
                         gw2->GetNotBefore()}) +
               DAY;
    }

    Ptr<CryptoCertificate> root;         //!< root CA
    Ptr<CryptoCertificate> intermediate; //!< intermediate CA
    Ptr<CryptoCertificate> gw1;          //!< RSA leaf
    Ptr<CryptoCertificate> gw2;          //!< P-384 leaf
    Ptr<CryptoCertificate> unrelated;    //!< CA outside the chain
};

/// \return true when text contains part
bool
Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST(CryptoCertificate, ParsesPemAndDer)
{
    Ptr<CryptoCertificate> fromPem = Load("gw1.crt");
    ASSERT_NE(fromPem, nullptr);
    const std::string derText = ReadDataFile("pki/gw1.crt.der");
    const CryptoBytes der(derText.begin(), derText.end());
    std::string error;
    Ptr<CryptoCertificate> fromDer = CryptoCertificate::FromDer(der, &error);
    ASSERT_NE(fromDer, nullptr) << error;
    EXPECT_EQ(CryptoToHex(fromPem->GetDer()), CryptoToHex(der));
    EXPECT_EQ(CryptoToHex(fromDer->GetDer()), CryptoToHex(der));
    EXPECT_EQ(fromDer->GetSubjectName(), fromPem->GetSubjectName());

    Ptr<CryptoCertificate> fromText =
        CryptoCertificate::FromPem(ReadDataFile("pki/gw1.crt"), &error);
    ASSERT_NE(fromText, nullptr) << error;
    EXPECT_EQ(CryptoToHex(fromText->GetDer()), CryptoToHex(der));
    Ptr<CryptoCertificate> again = CryptoCertificate::FromPem(fromDer->GetPem(), &error);
    ASSERT_NE(again, nullptr) << error;
    EXPECT_EQ(CryptoToHex(again->GetDer()), CryptoToHex(der));
    EXPECT_EQ(fromPem->GetSerialNumber(), "03");
}

TEST(CryptoCertificate, ReadsNames)
{
    Pki pki;
    ASSERT_TRUE(pki.IsComplete());
    EXPECT_EQ(pki.gw1->GetSubjectName(), "CN=gw1.example.net,O=Example,C=US");
    EXPECT_EQ(pki.gw1->GetIssuerName(), "CN=Example Test Intermediate CA,O=Example,C=US");
    EXPECT_EQ(pki.gw2->GetSubjectName(), "CN=gw2.example.net,O=Example,C=US");
    EXPECT_EQ(pki.intermediate->GetIssuerName(), "CN=Example Test Root CA,O=Example,C=US");
    EXPECT_EQ(pki.root->GetIssuerName(), pki.root->GetSubjectName());

    // The subject Name's DER: a SEQUENCE found verbatim inside the certificate, and what the
    // issuer field of the certificates below it carries.
    const CryptoBytes subject = pki.gw1->GetSubjectDer();
    ASSERT_GT(subject.size(), 2U);
    EXPECT_EQ(subject[0], 0x30);
    const CryptoBytes whole = pki.gw1->GetDer();
    EXPECT_NE(std::search(whole.begin(), whole.end(), subject.begin(), subject.end()), whole.end());
    EXPECT_EQ(CryptoToHex(pki.gw1->GetIssuerDer()), CryptoToHex(pki.intermediate->GetSubjectDer()));
    EXPECT_NE(CryptoToHex(pki.gw1->GetSubjectDer()), CryptoToHex(pki.gw2->GetSubjectDer()));
}

TEST(CryptoCertificate, ReadsSubjectAltNames)
{
    Pki pki;
    ASSERT_TRUE(pki.IsComplete());
    EXPECT_EQ(pki.gw1->GetSubjectAltDnsNames(), std::vector<std::string>{"gw1.example.net"});
    EXPECT_EQ(pki.gw1->GetSubjectAltIpAddresses(), std::vector<std::string>{"192.0.2.1"});
    EXPECT_EQ(pki.gw1->GetSubjectAltEmails(), std::vector<std::string>{"admin@example.net"});
    EXPECT_EQ(pki.gw2->GetSubjectAltDnsNames(), std::vector<std::string>{"gw2.example.net"});
    EXPECT_EQ(pki.gw2->GetSubjectAltIpAddresses(), std::vector<std::string>{"2001:db8::2"});
    EXPECT_TRUE(pki.gw2->GetSubjectAltEmails().empty());
    EXPECT_TRUE(pki.root->GetSubjectAltDnsNames().empty()); // no subjectAltName at all
}

TEST(CryptoCertificate, ReadsValidity)
{
    Pki pki;
    ASSERT_TRUE(pki.IsComplete());
    for (const auto& certificate : {pki.root, pki.intermediate, pki.gw1, pki.gw2, pki.unrelated})
    {
        SCOPED_TRACE(certificate->GetSubjectName());
        // Generated with -days 36500 (test/data/pki/README.md), after 2025-01-01.
        EXPECT_EQ(certificate->GetNotAfter() - certificate->GetNotBefore(), 36500 * DAY);
        EXPECT_GT(certificate->GetNotBefore(), 1735689600);
        // notAfter lies beyond 2050, where X.509 switches to GeneralizedTime (RFC 5280 4.1.2.5).
        EXPECT_GT(certificate->GetNotAfter(), 2524608000);
    }
}

TEST(CryptoCertificate, ChainVerifiesInsideValidity)
{
    Pki pki;
    ASSERT_TRUE(pki.IsComplete());
    std::string reason = "stale";
    EXPECT_EQ(pki.gw1->VerifyChain({pki.root}, {pki.intermediate}, pki.InsideValidity(), &reason),
              CryptoStatus::OK)
        << reason;
    EXPECT_TRUE(reason.empty());
    EXPECT_EQ(pki.gw2->VerifyChain({pki.unrelated, pki.root},
                                   {pki.intermediate},
                                   pki.InsideValidity(),
                                   &reason),
              CryptoStatus::OK)
        << reason;
    // Just before the earliest notAfter: still valid, whatever the host's clock says.
    const int64_t lastValid =
        std::min(
            {pki.root->GetNotAfter(), pki.intermediate->GetNotAfter(), pki.gw1->GetNotAfter()}) -
        DAY;
    EXPECT_EQ(pki.gw1->VerifyChain({pki.root}, {pki.intermediate}, lastValid, &reason),
              CryptoStatus::OK)
        << reason;
    // The intermediate itself chains to the root.
    EXPECT_EQ(pki.intermediate->VerifyChain({pki.root}, {}, pki.InsideValidity(), &reason),
              CryptoStatus::OK)
        << reason;
}

TEST(CryptoCertificate, ChainFailsOutsideValidity)
{
    Pki pki;
    ASSERT_TRUE(pki.IsComplete());
    std::string reason;
    EXPECT_EQ(
        pki.gw1->VerifyChain({pki.root}, {pki.intermediate}, pki.gw1->GetNotAfter() + DAY, &reason),
        CryptoStatus::AUTHENTICATION_FAILED);
    EXPECT_TRUE(Contains(reason, "expired")) << reason;

    reason.clear();
    EXPECT_EQ(pki.gw1->VerifyChain({pki.root},
                                   {pki.intermediate},
                                   pki.gw1->GetNotBefore() - DAY,
                                   &reason),
              CryptoStatus::AUTHENTICATION_FAILED);
    EXPECT_TRUE(Contains(reason, "not yet valid")) << reason;
}

TEST(CryptoCertificate, ChainFailsWithoutPathToTrustedCa)
{
    Pki pki;
    ASSERT_TRUE(pki.IsComplete());
    const int64_t now = pki.InsideValidity();
    std::string reason;
    EXPECT_EQ(pki.gw1->VerifyChain({pki.root}, {}, now, &reason),
              CryptoStatus::AUTHENTICATION_FAILED);
    EXPECT_TRUE(Contains(reason, "issuer")) << reason;

    reason.clear();
    EXPECT_EQ(pki.gw1->VerifyChain({pki.unrelated}, {pki.intermediate}, now, &reason),
              CryptoStatus::AUTHENTICATION_FAILED);
    EXPECT_TRUE(Contains(reason, "issuer")) << reason;

    reason.clear();
    EXPECT_EQ(pki.gw1->VerifyChain({}, {pki.intermediate, pki.root}, now, &reason),
              CryptoStatus::AUTHENTICATION_FAILED);
    EXPECT_FALSE(reason.empty());

    // A root offered only as "intermediate" is not trusted.
    reason.clear();
    EXPECT_EQ(pki.gw2->VerifyChain({pki.unrelated}, {pki.intermediate, pki.root}, now, &reason),
              CryptoStatus::AUTHENTICATION_FAILED);
    EXPECT_FALSE(reason.empty());
}

TEST(CryptoCertificate, LeafKeyVerifiesItsPrivateKeySignature)
{
    Pki pki;
    ASSERT_TRUE(pki.IsComplete());
    std::string error;
    Ptr<CryptoPrivateKey> gw1Key = CryptoPrivateKey::FromPemFile(PkiPath("gw1.key"), &error);
    ASSERT_NE(gw1Key, nullptr) << error;
    Ptr<CryptoPrivateKey> gw2Key = CryptoPrivateKey::FromPemFile(PkiPath("gw2.key"), &error);
    ASSERT_NE(gw2Key, nullptr) << error;
    Ptr<CryptoPublicKey> gw1Public = pki.gw1->GetPublicKey();
    Ptr<CryptoPublicKey> gw2Public = pki.gw2->GetPublicKey();
    ASSERT_TRUE(gw1Public && gw2Public);
    EXPECT_EQ(gw1Public->GetType(), CryptoKeyType::RSA);
    EXPECT_EQ(gw2Public->GetCurve(), "P-384");
    EXPECT_EQ(pki.intermediate->GetPublicKey()->GetCurve(), "P-256");
    EXPECT_TRUE(gw1Public->Equals(*gw1Key->GetPublicKey()));
    EXPECT_FALSE(gw1Public->Equals(*pki.root->GetPublicKey()));

    Ptr<CryptoRandom> random = CreateObject<CryptoRandom>();
    random->AssignStreams(21);
    const CryptoBytes authData = CryptoFromHex("49444b4559");
    CryptoBytes signature;
    ASSERT_EQ(gw1Key->Sign(CryptoSignatureScheme::RSA_PKCS1_SHA256, authData, *random, signature),
              CryptoStatus::OK);
    EXPECT_EQ(gw1Public->Verify(CryptoSignatureScheme::RSA_PKCS1_SHA256, authData, signature),
              CryptoStatus::OK);
    EXPECT_EQ(pki.root->GetPublicKey()->Verify(CryptoSignatureScheme::RSA_PKCS1_SHA256,
                                               authData,
                                               signature),
              CryptoStatus::AUTHENTICATION_FAILED);

    ASSERT_EQ(gw2Key->Sign(CryptoSignatureScheme::ECDSA_P384_SHA384, authData, *random, signature),
              CryptoStatus::OK);
    EXPECT_EQ(gw2Public->Verify(CryptoSignatureScheme::ECDSA_P384_SHA384, authData, signature),
              CryptoStatus::OK);
    EXPECT_EQ(gw2Public->Verify(CryptoSignatureScheme::ECDSA_P384_SHA384,
                                CryptoFromHex("49444b455a"),
                                signature),
              CryptoStatus::AUTHENTICATION_FAILED);
}

TEST(CryptoCertificate, ReadsPemBundle)
{
    std::string error;
    auto bundle = CryptoCertificate::FromPemBundle(ReadDataFile("pki/root-ca.crt") +
                                                       ReadDataFile("pki/intermediate-ca.crt"),
                                                   &error);
    ASSERT_EQ(bundle.size(), 2U) << error;
    EXPECT_EQ(bundle[0]->GetSubjectName(), "CN=Example Test Root CA,O=Example,C=US");
    EXPECT_EQ(bundle[1]->GetSubjectName(), "CN=Example Test Intermediate CA,O=Example,C=US");

    std::string broken = ReadDataFile("pki/root-ca.crt") + ReadDataFile("pki/gw1.crt");
    broken.erase(broken.size() - 100, 10);
    EXPECT_TRUE(CryptoCertificate::FromPemBundle(broken, &error).empty());
    EXPECT_FALSE(error.empty());
}

TEST(CryptoCertificate, GarbageReturnsNullWithReason)
{
    std::string error;
    EXPECT_EQ(CryptoCertificate::FromPem("garbage", &error), nullptr);
    EXPECT_FALSE(error.empty());

    error.clear();
    EXPECT_EQ(CryptoCertificate::FromPem(
                  "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n",
                  &error),
              nullptr);
    EXPECT_FALSE(error.empty());

    error.clear();
    EXPECT_EQ(CryptoCertificate::FromPem(ReadDataFile("pki/gw1.key"), &error), nullptr);
    EXPECT_FALSE(error.empty());

    error.clear();
    EXPECT_EQ(CryptoCertificate::FromDer(CryptoBytes{0x30, 0x82, 0x01, 0x00, 0x01}, &error),
              nullptr);
    EXPECT_FALSE(error.empty());

    error.clear();
    EXPECT_EQ(CryptoCertificate::FromDer(CryptoBytes(), &error), nullptr);
    EXPECT_FALSE(error.empty());

    const std::string derText = ReadDataFile("pki/gw1.crt.der");
    CryptoBytes truncated(derText.begin(), derText.end() - 1);
    error.clear();
    EXPECT_EQ(CryptoCertificate::FromDer(truncated, &error), nullptr);
    EXPECT_FALSE(error.empty());
    CryptoBytes trailing(derText.begin(), derText.end());
    trailing.push_back(0);
    error.clear();
    EXPECT_EQ(CryptoCertificate::FromDer(trailing, &error), nullptr);
    EXPECT_FALSE(error.empty());

    error.clear();
    const std::string missing = PkiPath("no-such.crt");
    EXPECT_EQ(CryptoCertificate::FromPemFile(missing, &error), nullptr);
    EXPECT_TRUE(Contains(error, missing)) << error;
}
