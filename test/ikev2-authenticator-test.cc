/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Shared key MIC authentication (RFC 7296 section 2.15): both sides agree, any changed input
 * fails, and the value equals an OpenSSL HMAC computation of the formula.
 */
#include "ns3/ikev2-identity.h"
#include "ns3/ikev2-key-material.h"
#include "ns3/ikev2-psk-authenticator.h"

#include <gtest/gtest.h>
#include <memory>
#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace ns3;

namespace
{

CryptoBytes
Hmac256(const CryptoBytes& key, const CryptoBytes& data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(),
         key.data(),
         static_cast<int>(key.size()),
         data.data(),
         data.size(),
         out,
         &length);
    return CryptoBytes(out, out + length);
}

CryptoBytes
Bytes(const std::string& text)
{
    return CryptoBytes(text.begin(), text.end());
}

/// One IKE SA's worth of inputs: messages, nonces, keys, identities.
struct Exchange
{
    CryptoPrf prf{*CryptoAlgorithmTable::FindPrf("hmac-sha-256")};
    CryptoBytes message1 = Bytes("IKE_SA_INIT request: header, SA, KE, Ni");
    CryptoBytes message2 = Bytes("IKE_SA_INIT response: header, SA, KE, Nr");
    CryptoBytes ni = CryptoBytes(32, 0x1a);
    CryptoBytes nr = CryptoBytes(32, 0x2b);
    Ikev2IkeSaKeys keys;
    Ikev2Identity idi = Ikev2Identity::Parse("hostname srx-a.example.net", "test");
    Ikev2Identity idr = Ikev2Identity::Parse("inet 198.51.100.1", "test");

    Exchange()
    {
        Ikev2IkeSaAlgorithms algorithms;
        algorithms.encryption = CryptoAlgorithmTable::FindEncryption("aes-128-gcm");
        algorithms.prf = &prf.GetAlgorithm();
        algorithms.dhGroup = CryptoAlgorithmTable::FindDhGroup("group19");
        CryptoBytes skeyseed =
            Ikev2KeyMaterial::ComputeSkeyseed(prf, ni, nr, CryptoBytes(32, 0x3c));
        keys = Ikev2KeyMaterial::DeriveIkeSaKeys(algorithms,
                                                 skeyseed,
                                                 ni,
                                                 nr,
                                                 CryptoBytes(8, 0x11),
                                                 CryptoBytes(8, 0x22));
    }

    /// InitiatorSignedOctets = RealMessage1 | NonceRData | MACedIDForI.
    Ikev2SignedOctetsInput Initiator() const
    {
        return {message1, nr, keys.skPi, idi.GetRestOfIdPayload()};
    }

    /// ResponderSignedOctets = RealMessage2 | NonceIData | MACedIDForR.
    Ikev2SignedOctetsInput Responder() const
    {
        return {message2, ni, keys.skPr, idr.GetRestOfIdPayload()};
    }
};

} // namespace

TEST(Ikev2PskAuthenticator, BothSidesAgreeAndMatchOpenSslHmac)
{
    Exchange exchange;
    std::unique_ptr<Ikev2Authenticator> initiator =
        std::make_unique<Ikev2PskAuthenticator>(Bytes("juniper123"));
    Ikev2PskAuthenticator responder(Bytes("juniper123"));
    EXPECT_EQ(initiator->GetMethod(), Ikev2AuthMethod::SHARED_KEY_MIC);

    CryptoBytes authI = initiator->BuildAuthData(exchange.prf, exchange.Initiator());
    EXPECT_TRUE(responder.VerifyAuthData(exchange.prf,
                                         exchange.Initiator(),
                                         Ikev2AuthMethod::SHARED_KEY_MIC,
                                         authI));
    CryptoBytes authR = responder.BuildAuthData(exchange.prf, exchange.Responder());
    EXPECT_TRUE(initiator->VerifyAuthData(exchange.prf,
                                          exchange.Responder(),
                                          Ikev2AuthMethod::SHARED_KEY_MIC,
                                          authR));
    EXPECT_NE(authI, authR);

    // RestOfInitIDPayload: ID type 2 (FQDN), three reserved zero bytes, the name.
    CryptoBytes restOfId = {2, 0, 0, 0};
    CryptoBytes name = Bytes("srx-a.example.net");
    restOfId.insert(restOfId.end(), name.begin(), name.end());
    EXPECT_EQ(exchange.idi.GetRestOfIdPayload(), restOfId);

    // AUTH = prf(prf(Shared Secret, "Key Pad for IKEv2"), RealMessage1 | Nr | prf(SK_pi, ID)).
    CryptoBytes signedOctets = exchange.message1;
    signedOctets.insert(signedOctets.end(), exchange.nr.begin(), exchange.nr.end());
    CryptoBytes macedId = Hmac256(exchange.keys.skPi, restOfId);
    signedOctets.insert(signedOctets.end(), macedId.begin(), macedId.end());
    EXPECT_EQ(exchange.Initiator().Compute(exchange.prf), signedOctets);
    CryptoBytes expected =
        Hmac256(Hmac256(Bytes("juniper123"), Bytes("Key Pad for IKEv2")), signedOctets);
    EXPECT_EQ(authI, expected);
    EXPECT_EQ(authI.size(), 32u);
}

TEST(Ikev2PskAuthenticator, AnyChangedInputFails)
{
    Exchange exchange;
    Ikev2PskAuthenticator initiator(Bytes("juniper123"));
    const CryptoBytes auth = initiator.BuildAuthData(exchange.prf, exchange.Initiator());
    auto verifies = [&](const Ikev2PskAuthenticator& verifier,
                        const Ikev2SignedOctetsInput& input,
                        Ikev2AuthMethod method,
                        const CryptoBytes& data) {
        return verifier.VerifyAuthData(exchange.prf, input, method, data);
    };
    const auto method = Ikev2AuthMethod::SHARED_KEY_MIC;
    ASSERT_TRUE(verifies(initiator, exchange.Initiator(), method, auth));

    EXPECT_FALSE(
        verifies(Ikev2PskAuthenticator(Bytes("juniper124")), exchange.Initiator(), method, auth));
    Ikev2SignedOctetsInput changedMessage = exchange.Initiator();
    changedMessage.realMessage[5] ^= 0x01;
    EXPECT_FALSE(verifies(initiator, changedMessage, method, auth));
    Ikev2SignedOctetsInput changedNonce = exchange.Initiator();
    changedNonce.peerNonce.back() ^= 0x80;
    EXPECT_FALSE(verifies(initiator, changedNonce, method, auth));
    Ikev2SignedOctetsInput changedId = exchange.Initiator();
    changedId.restOfIdPayload =
        Ikev2Identity::Parse("hostname srx-b.example.net", "test").GetRestOfIdPayload();
    EXPECT_FALSE(verifies(initiator, changedId, method, auth));
    Ikev2SignedOctetsInput otherKey = exchange.Initiator();
    otherKey.skP = exchange.keys.skPr; // the responder's key for the initiator's AUTH
    EXPECT_FALSE(verifies(initiator, otherKey, method, auth));
    // The responder's inputs do not verify the initiator's value (no reflection).
    EXPECT_FALSE(verifies(initiator, exchange.Responder(), method, auth));

    CryptoBytes truncated(auth.begin(), auth.end() - 1);
    EXPECT_FALSE(verifies(initiator, exchange.Initiator(), method, truncated));
    CryptoBytes flipped = auth;
    flipped[0] ^= 0x01;
    EXPECT_FALSE(verifies(initiator, exchange.Initiator(), method, flipped));
    EXPECT_FALSE(
        verifies(initiator, exchange.Initiator(), Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE, auth));
}
