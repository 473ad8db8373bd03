/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The IKEv2 payload classes (RFC 7296 sections 3.3 to 3.14): a round trip of every payload type
 * through a message, and the body checks of each type on crafted input.
 */
#include "ikev2-test-messages.h"

#include "ns3/ikev2-auth-payload.h"
#include "ns3/ikev2-cert-payload.h"
#include "ns3/ikev2-delete-payload.h"
#include "ns3/ikev2-encrypted-payload.h"
#include "ns3/ikev2-id-payload.h"
#include "ns3/ikev2-ke-payload.h"
#include "ns3/ikev2-nonce-payload.h"
#include "ns3/ikev2-notify-payload.h"
#include "ns3/ikev2-sa-payload.h"
#include "ns3/ikev2-ts-payload.h"
#include "ns3/ikev2-unknown-payload.h"
#include "ns3/ikev2-vendor-id-payload.h"

#include <gtest/gtest.h>
#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::test;

namespace
{

/**
 * Sends payload through a message and back: the parsed message must re-serialize to the same
 * bytes. Returns the parsed payload as T (nullptr, and a test failure, otherwise).
 */
template <typename T>
Ptr<T>
RoundTrip(Ptr<Ikev2Payload> payload)
{
    Ikev2Message message;
    message.AddPayload(payload);
    CryptoBytes bytes = message.Serialize();
    Ikev2Message parsed;
    Ikev2ParseStatus status = Ikev2Message::Parse(bytes, &parsed);
    EXPECT_TRUE(status.IsOk()) << status;
    if (!status.IsOk() || parsed.GetPayloads().size() != 1)
    {
        ADD_FAILURE() << "no payload parsed";
        return nullptr;
    }
    EXPECT_EQ(CryptoToHex(parsed.Serialize()), CryptoToHex(bytes));
    EXPECT_EQ(parsed.GetPayloads()[0]->GetType(), payload->GetType());
    return DynamicCast<T>(parsed.GetPayloads()[0]);
}

/// Parses a message holding one payload of type with the given body; returns the error.
Ikev2ParseError
BodyError(Ikev2PayloadType type, const std::string& bodyHex)
{
    CryptoBytes body = HexBytes(bodyHex);
    const CryptoBytes genericHeader = {0,
                                       0,
                                       static_cast<uint8_t>((body.size() + 4) >> 8),
                                       static_cast<uint8_t>(body.size() + 4)};
    const CryptoBytes chain = CryptoConcat({genericHeader, body});
    Ikev2Message message;
    return Ikev2Message::Parse(RawMessage(static_cast<uint8_t>(type), chain), &message).GetError();
}

CryptoBytes
Bytes(const std::string& text)
{
    return CryptoBytes(text.begin(), text.end());
}

// Transform substructures for crafted SA payloads.
const std::string ENCR_AES_128_MORE = "03 00 000c 01 00 000c 800e 0080";
const std::string PRF_SHA256_MORE = "03 00 0008 02 00 0005";
const std::string DH_14_LAST = "00 00 0008 04 00 000e";

} // namespace

TEST(Ikev2Payload, SecurityAssociationRoundTrip)
{
    auto sa = Create<Ikev2SaPayload>();
    Ikev2Proposal ike;
    ike.m_protocol = Ikev2ProtocolId::IKE;
    ike.m_spi = CryptoBytes(8, 0x5a); // an IKE SA rekey names the new SPI
    ike.m_transforms = {Ikev2Transform::Make(Ikev2TransformType::ENCRYPTION, 20, 256),
                        Ikev2Transform::Make(Ikev2TransformType::PSEUDO_RANDOM_FUNCTION, 7),
                        Ikev2Transform::Make(Ikev2TransformType::DIFFIE_HELLMAN, 19)};
    Ikev2TransformAttribute longForm;
    longForm.m_type = 0x1234;
    longForm.m_isShortForm = false;
    longForm.m_longValue = {1, 2, 3};
    ike.m_transforms[1].m_attributes.push_back(longForm);
    sa->AddProposal(ike);
    Ikev2Proposal esp;
    esp.m_protocol = Ikev2ProtocolId::ESP;
    esp.m_spi = {0xca, 0xfe, 0x00, 0x01};
    esp.m_transforms = {Ikev2Transform::Make(Ikev2TransformType::ENCRYPTION, 12, 128),
                        Ikev2Transform::Make(Ikev2TransformType::INTEGRITY, 2),
                        Ikev2Transform::Make(Ikev2TransformType::EXTENDED_SEQUENCE_NUMBERS, 1)};
    sa->AddProposal(esp);
    Ikev2Proposal ah;
    ah.m_protocol = Ikev2ProtocolId::AH;
    ah.m_spi = {0, 0, 0x10, 0x01};
    ah.m_transforms = {Ikev2Transform::Make(Ikev2TransformType::INTEGRITY, 12)};
    sa->AddProposal(ah);

    auto parsed = RoundTrip<Ikev2SaPayload>(sa);
    ASSERT_TRUE(parsed);
    const auto& proposals = parsed->GetProposals();
    ASSERT_EQ(proposals.size(), 3u);
    EXPECT_EQ(proposals[0].m_number, 1);
    EXPECT_EQ(proposals[1].m_number, 2);
    EXPECT_EQ(proposals[2].m_number, 3);
    EXPECT_EQ(proposals[0].m_protocol, Ikev2ProtocolId::IKE);
    EXPECT_EQ(proposals[0].m_spi.size(), 8u);
    EXPECT_EQ(proposals[0].m_transforms[0].GetKeyLength(), 256);
    EXPECT_EQ(proposals[0].m_transforms[0].m_id, 20);
    ASSERT_EQ(proposals[0].m_transforms[1].m_attributes.size(), 1u);
    EXPECT_FALSE(proposals[0].m_transforms[1].m_attributes[0].m_isShortForm);
    EXPECT_EQ(proposals[0].m_transforms[1].m_attributes[0].m_type, 0x1234);
    EXPECT_EQ(CryptoToHex(proposals[0].m_transforms[1].m_attributes[0].m_longValue), "010203");
    EXPECT_EQ(proposals[0].m_transforms[1].GetKeyLength(), 0);
    EXPECT_EQ(proposals[1].m_protocol, Ikev2ProtocolId::ESP);
    EXPECT_EQ(CryptoToHex(proposals[1].m_spi), "cafe0001");
    EXPECT_EQ(proposals[1].m_transforms[2].m_type, Ikev2TransformType::EXTENDED_SEQUENCE_NUMBERS);
    EXPECT_EQ(proposals[2].m_protocol, Ikev2ProtocolId::AH);
}

TEST(Ikev2Payload, ProposalStructureErrors)
{
    const auto sa = Ikev2PayloadType::SECURITY_ASSOCIATION;
    std::string transforms = ENCR_AES_128_MORE + PRF_SHA256_MORE + DH_14_LAST;
    // A valid single proposal (length 8 + 12 + 8 + 8 = 36 = 0x24), to vary below.
    EXPECT_EQ(BodyError(sa, "00 00 0024 01 01 00 03" + transforms), Ikev2ParseError::NONE);
    // A response may accept proposal 2 of the offer: a first number other than 1 is kept.
    EXPECT_EQ(BodyError(sa, "00 00 0024 02 01 00 03" + transforms), Ikev2ParseError::NONE);
    // Proposal number 0, and numbers 1 then 3 (RFC 7296 section 3.3.1).
    EXPECT_EQ(BodyError(sa, "00 00 0024 00 01 00 03" + transforms),
              Ikev2ParseError::INVALID_PROPOSAL);
    EXPECT_EQ(
        BodyError(sa,
                  "02 00 0024 01 01 00 03" + transforms + "00 00 0024 03 01 00 03" + transforms),
        Ikev2ParseError::INVALID_PROPOSAL);
    EXPECT_EQ(
        BodyError(sa,
                  "02 00 0024 01 01 00 03" + transforms + "00 00 0024 02 01 00 03" + transforms),
        Ikev2ParseError::NONE);
    // Last Substruc: 1 is not a proposal marker; "more" (2) on the only proposal; "last" (0)
    // on the first of two.
    EXPECT_EQ(BodyError(sa, "01 00 0024 01 01 00 03" + transforms),
              Ikev2ParseError::INVALID_PROPOSAL);
    EXPECT_EQ(BodyError(sa, "02 00 0024 01 01 00 03" + transforms),
              Ikev2ParseError::INVALID_PROPOSAL);
    EXPECT_EQ(
        BodyError(sa,
                  "00 00 0024 01 01 00 03" + transforms + "00 00 0024 02 01 00 03" + transforms),
        Ikev2ParseError::PAYLOAD_TRAILING_BYTES);
    // No proposal at all.
    EXPECT_EQ(BodyError(sa, ""), Ikev2ParseError::INVALID_PROPOSAL);
    // Proposal Length below 8, and past the end of the payload.
    EXPECT_EQ(BodyError(sa, "00 00 0007 01 01 00 00"), Ikev2ParseError::INVALID_PROPOSAL);
    EXPECT_EQ(BodyError(sa, "00 00 0025 01 01 00 03" + transforms),
              Ikev2ParseError::INVALID_PROPOSAL);
    // SPI sizes: IKE with 4, ESP with 0 or 8, protocol 0.
    EXPECT_EQ(BodyError(sa, "00 00 0028 01 01 04 03 00000001" + transforms),
              Ikev2ParseError::INVALID_PROPOSAL);
    EXPECT_EQ(BodyError(sa, "00 00 0024 01 03 00 03" + transforms),
              Ikev2ParseError::INVALID_PROPOSAL);
    EXPECT_EQ(BodyError(sa, "00 00 002c 01 03 08 03 0000000000000001" + transforms),
              Ikev2ParseError::INVALID_PROPOSAL);
    EXPECT_EQ(BodyError(sa, "00 00 0024 01 00 00 03" + transforms),
              Ikev2ParseError::INVALID_PROPOSAL);
    EXPECT_EQ(BodyError(sa, "00 00 0028 01 03 04 03 00000001" + transforms), Ikev2ParseError::NONE);
}

TEST(Ikev2Payload, TransformStructureErrors)
{
    const auto sa = Ikev2PayloadType::SECURITY_ASSOCIATION;
    // # Transforms says 2 but three are present; says 3 but the second is marked last.
    EXPECT_EQ(
        BodyError(sa, "00 00 0024 01 01 00 02" + ENCR_AES_128_MORE + PRF_SHA256_MORE + DH_14_LAST),
        Ikev2ParseError::INVALID_TRANSFORM);
    EXPECT_EQ(BodyError(sa,
                        "00 00 0024 01 01 00 03" + ENCR_AES_128_MORE + "00 00 0008 02 00 0005" +
                            DH_14_LAST),
              Ikev2ParseError::INVALID_TRANSFORM);
    // # Transforms says 2, both marked correctly, but bytes remain in the proposal.
    EXPECT_EQ(BodyError(sa,
                        "00 00 0024 01 01 00 02" + ENCR_AES_128_MORE + "00 00 0008 02 00 0005" +
                            DH_14_LAST),
              Ikev2ParseError::INVALID_PROPOSAL);
    // Transform marker 2 (a proposal marker), Transform Length 7, and past the proposal.
    EXPECT_EQ(BodyError(sa, "00 00 0010 01 01 00 01 02 00 0008 04 00 000e"),
              Ikev2ParseError::INVALID_TRANSFORM);
    EXPECT_EQ(BodyError(sa, "00 00 0010 01 01 00 01 00 00 0007 04 00 000e"),
              Ikev2ParseError::INVALID_TRANSFORM);
    EXPECT_EQ(BodyError(sa, "00 00 0010 01 01 00 01 00 00 0009 04 00 000e"),
              Ikev2ParseError::INVALID_TRANSFORM);
    // Attributes: Key Length in TLV form (RFC 7296 section 3.3.5), a truncated attribute
    // header, a TLV value past the transform.
    EXPECT_EQ(BodyError(sa, "00 00 0016 01 01 00 01 00 00 000e 01 00 000c 000e 0002 0080"),
              Ikev2ParseError::INVALID_TRANSFORM_ATTRIBUTE);
    EXPECT_EQ(BodyError(sa, "00 00 0012 01 01 00 01 00 00 000a 01 00 000c 800e"),
              Ikev2ParseError::INVALID_TRANSFORM_ATTRIBUTE);
    EXPECT_EQ(BodyError(sa, "00 00 0014 01 01 00 01 00 00 000c 01 00 000c 0001 0004"),
              Ikev2ParseError::INVALID_TRANSFORM_ATTRIBUTE);
}

TEST(Ikev2Payload, KeyExchangeRoundTripAndErrors)
{
    auto parsed = RoundTrip<Ikev2KePayload>(Create<Ikev2KePayload>(19, CryptoBytes(64, 0x42)));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->GetGroup(), 19);
    EXPECT_EQ(parsed->GetData(), CryptoBytes(64, 0x42));
    EXPECT_EQ(BodyError(Ikev2PayloadType::KEY_EXCHANGE, "0013 00"),
              Ikev2ParseError::TRUNCATED_PAYLOAD_BODY);
}

TEST(Ikev2Payload, NonceLengthIsEnforced)
{
    for (size_t size :
         {Ikev2NoncePayload::MIN_NONCE_SIZE, size_t{32}, Ikev2NoncePayload::MAX_NONCE_SIZE})
    {
        auto parsed = RoundTrip<Ikev2NoncePayload>(Create<Ikev2NoncePayload>(CryptoBytes(size, 7)));
        ASSERT_TRUE(parsed);
        EXPECT_EQ(parsed->GetNonce().size(), size);
    }
    // RFC 7296 section 2.10: 16..256 bytes.
    EXPECT_EQ(BodyError(Ikev2PayloadType::NONCE, CryptoToHex(CryptoBytes(15, 1))),
              Ikev2ParseError::INVALID_NONCE_LENGTH);
    EXPECT_EQ(BodyError(Ikev2PayloadType::NONCE, CryptoToHex(CryptoBytes(257, 1))),
              Ikev2ParseError::INVALID_NONCE_LENGTH);
    EXPECT_EQ(BodyError(Ikev2PayloadType::NONCE, ""), Ikev2ParseError::INVALID_NONCE_LENGTH);
}

TEST(Ikev2Payload, IdentificationRoundTripAndAddressLengths)
{
    auto ipv4 = RoundTrip<Ikev2IdPayload>(Create<Ikev2IdPayload>(true,
                                                                 Ikev2IdentificationType::IPV4_ADDR,
                                                                 CryptoBytes{192, 0, 2, 1}));
    ASSERT_TRUE(ipv4);
    EXPECT_EQ(ipv4->GetType(), Ikev2PayloadType::IDENTIFICATION_INITIATOR);
    EXPECT_EQ(ipv4->GetIdType(), Ikev2IdentificationType::IPV4_ADDR);
    EXPECT_EQ(CryptoToHex(ipv4->GetData()), "c0000201");
    auto ipv6 = RoundTrip<Ikev2IdPayload>(
        Create<Ikev2IdPayload>(false, Ikev2IdentificationType::IPV6_ADDR, CryptoBytes(16, 0x20)));
    ASSERT_TRUE(ipv6);
    EXPECT_EQ(ipv6->GetType(), Ikev2PayloadType::IDENTIFICATION_RESPONDER);
    for (auto type : {Ikev2IdentificationType::FQDN,
                      Ikev2IdentificationType::RFC822_ADDR,
                      Ikev2IdentificationType::DER_ASN1_DN,
                      Ikev2IdentificationType::KEY_ID})
    {
        auto parsed =
            RoundTrip<Ikev2IdPayload>(Create<Ikev2IdPayload>(true, type, Bytes("vpn@example.net")));
        ASSERT_TRUE(parsed);
        EXPECT_EQ(parsed->GetIdType(), type);
        EXPECT_EQ(parsed->GetData(), Bytes("vpn@example.net"));
    }
    const auto idi = Ikev2PayloadType::IDENTIFICATION_INITIATOR;
    EXPECT_EQ(BodyError(idi, "01 000000 c00002"), Ikev2ParseError::INVALID_IDENTIFICATION);
    EXPECT_EQ(BodyError(idi, "01 000000 c0000201 00"), Ikev2ParseError::INVALID_IDENTIFICATION);
    EXPECT_EQ(BodyError(idi, "05 000000 c0000201"), Ikev2ParseError::INVALID_IDENTIFICATION);
    EXPECT_EQ(BodyError(idi, "02 000000"), Ikev2ParseError::INVALID_IDENTIFICATION);
    EXPECT_EQ(BodyError(idi, "02 00"), Ikev2ParseError::TRUNCATED_PAYLOAD_BODY);
    // Types after RFC 7296 (ID_NULL, 13) are opaque.
    EXPECT_EQ(BodyError(idi, "0d 000000"), Ikev2ParseError::NONE);
}

TEST(Ikev2Payload, AuthenticationRoundTrip)
{
    for (auto method : {Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE,
                        Ikev2AuthMethod::SHARED_KEY_MIC,
                        Ikev2AuthMethod::DSS_DIGITAL_SIGNATURE,
                        Ikev2AuthMethod::ECDSA_SHA256_P256,
                        Ikev2AuthMethod::ECDSA_SHA384_P384,
                        Ikev2AuthMethod::ECDSA_SHA512_P521,
                        Ikev2AuthMethod::DIGITAL_SIGNATURE})
    {
        auto parsed =
            RoundTrip<Ikev2AuthPayload>(Create<Ikev2AuthPayload>(method, CryptoBytes(32, 0x99)));
        ASSERT_TRUE(parsed);
        EXPECT_EQ(parsed->GetMethod(), method);
        EXPECT_EQ(parsed->GetData(), CryptoBytes(32, 0x99));
    }
    EXPECT_EQ(BodyError(Ikev2PayloadType::AUTHENTICATION, "02 0000"),
              Ikev2ParseError::TRUNCATED_PAYLOAD_BODY);
}

TEST(Ikev2Payload, CertificateAndRequestRoundTrip)
{
    auto cert = RoundTrip<Ikev2CertPayload>(
        Create<Ikev2CertPayload>(false, Ikev2CertPayload::X509_SIGNATURE, CryptoBytes(300, 0x30)));
    ASSERT_TRUE(cert);
    EXPECT_EQ(cert->GetType(), Ikev2PayloadType::CERTIFICATE);
    EXPECT_EQ(cert->GetEncoding(), Ikev2CertPayload::X509_SIGNATURE);
    EXPECT_EQ(cert->GetData().size(), 300u);
    auto request =
        RoundTrip<Ikev2CertPayload>(Create<Ikev2CertPayload>(true, 4, CryptoBytes(40, 0x11)));
    ASSERT_TRUE(request);
    EXPECT_EQ(request->GetType(), Ikev2PayloadType::CERTIFICATE_REQUEST);
    EXPECT_EQ(request->GetData().size(), 40u);
    EXPECT_EQ(BodyError(Ikev2PayloadType::CERTIFICATE, ""),
              Ikev2ParseError::TRUNCATED_PAYLOAD_BODY);
}

TEST(Ikev2Payload, TrafficSelectorsRoundTripAndErrors)
{
    Ikev2TrafficSelector v4;
    v4.m_ipProtocol = 6;
    v4.m_startPort = 80;
    v4.m_endPort = 443;
    v4.m_startAddress = {10, 0, 0, 0};
    v4.m_endAddress = {10, 0, 255, 255};
    Ikev2TrafficSelector v6;
    v6.m_type = Ikev2TrafficSelector::TS_IPV6_ADDR_RANGE;
    v6.m_startAddress = CryptoBytes(16, 0x00);
    v6.m_endAddress = CryptoBytes(16, 0xff);
    auto tsi = Create<Ikev2TsPayload>(true);
    tsi->AddSelector(v4);
    tsi->AddSelector(v6);
    auto parsed = RoundTrip<Ikev2TsPayload>(tsi);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->GetType(), Ikev2PayloadType::TRAFFIC_SELECTOR_INITIATOR);
    ASSERT_EQ(parsed->GetSelectors().size(), 2u);
    const Ikev2TrafficSelector& first = parsed->GetSelectors()[0];
    EXPECT_EQ(first.m_type, Ikev2TrafficSelector::TS_IPV4_ADDR_RANGE);
    EXPECT_EQ(first.m_ipProtocol, 6);
    EXPECT_EQ(first.m_startPort, 80);
    EXPECT_EQ(first.m_endPort, 443);
    EXPECT_EQ(CryptoToHex(first.m_endAddress), "0a00ffff");
    EXPECT_EQ(parsed->GetSelectors()[1].m_endAddress, CryptoBytes(16, 0xff));
    auto tsr = Create<Ikev2TsPayload>(false);
    tsr->AddSelector(v4);
    auto parsedTsr = RoundTrip<Ikev2TsPayload>(tsr);
    ASSERT_TRUE(parsedTsr);
    EXPECT_EQ(parsedTsr->GetType(), Ikev2PayloadType::TRAFFIC_SELECTOR_RESPONDER);

    const auto ts = Ikev2PayloadType::TRAFFIC_SELECTOR_INITIATOR;
    const std::string v4Selector = "07 00 0010 0000 ffff 0a000000 0a0000ff";
    EXPECT_EQ(BodyError(ts, "01 000000" + v4Selector), Ikev2ParseError::NONE);
    // Number of TSs 0; 2 with one present; 1 with two present.
    EXPECT_EQ(BodyError(ts, "00 000000"), Ikev2ParseError::INVALID_TRAFFIC_SELECTOR);
    EXPECT_EQ(BodyError(ts, "02 000000" + v4Selector), Ikev2ParseError::INVALID_TRAFFIC_SELECTOR);
    EXPECT_EQ(BodyError(ts, "01 000000" + v4Selector + v4Selector),
              Ikev2ParseError::PAYLOAD_TRAILING_BYTES);
    // IPv4 range with length 40; IPv6 range with length 16; an unknown TS type.
    EXPECT_EQ(BodyError(ts, "01 000000 07 00 0028 0000 ffff 0a000000 0a0000ff"),
              Ikev2ParseError::INVALID_TRAFFIC_SELECTOR);
    EXPECT_EQ(BodyError(ts, "01 000000 08 00 0010 0000 ffff 0a000000 0a0000ff"),
              Ikev2ParseError::INVALID_TRAFFIC_SELECTOR);
    EXPECT_EQ(BodyError(ts, "01 000000 0a 00 0010 0000 ffff 0a000000 0a0000ff"),
              Ikev2ParseError::INVALID_TRAFFIC_SELECTOR);
    EXPECT_EQ(BodyError(ts, "01 00"), Ikev2ParseError::TRUNCATED_PAYLOAD_BODY);
}

TEST(Ikev2Payload, NotifyRoundTripAndErrors)
{
    auto withSpi =
        RoundTrip<Ikev2NotifyPayload>(Create<Ikev2NotifyPayload>(Ikev2NotifyType::REKEY_SA,
                                                                 CryptoBytes{},
                                                                 Ikev2ProtocolId::ESP,
                                                                 CryptoBytes{1, 2, 3, 4}));
    ASSERT_TRUE(withSpi);
    EXPECT_EQ(withSpi->GetNotifyType(), Ikev2NotifyType::REKEY_SA);
    EXPECT_EQ(withSpi->GetProtocol(), Ikev2ProtocolId::ESP);
    EXPECT_EQ(CryptoToHex(withSpi->GetSpi()), "01020304");
    EXPECT_TRUE(withSpi->GetData().empty());
    auto withData = RoundTrip<Ikev2NotifyPayload>(
        Create<Ikev2NotifyPayload>(Ikev2NotifyType::INVALID_KE_PAYLOAD, CryptoBytes{0x00, 0x13}));
    ASSERT_TRUE(withData);
    EXPECT_EQ(withData->GetNotifyType(), Ikev2NotifyType::INVALID_KE_PAYLOAD);
    EXPECT_EQ(withData->GetProtocol(), Ikev2ProtocolId::NONE);
    EXPECT_EQ(CryptoToHex(withData->GetData()), "0013");
    EXPECT_TRUE(Ikev2NotifyIsError(Ikev2NotifyType::INVALID_KE_PAYLOAD));
    EXPECT_FALSE(Ikev2NotifyIsError(Ikev2NotifyType::COOKIE));

    const auto n = Ikev2PayloadType::NOTIFY;
    EXPECT_EQ(BodyError(n, "03 08 4009 01020304"), Ikev2ParseError::INVALID_NOTIFY);
    EXPECT_EQ(BodyError(n, "03 04 4009"), Ikev2ParseError::INVALID_NOTIFY);
    EXPECT_EQ(BodyError(n, "00 00 40"), Ikev2ParseError::TRUNCATED_PAYLOAD_BODY);
    // RFC 7296 section 3.10: without an SPI the Protocol ID is ignored.
    Ikev2Message message;
    ASSERT_TRUE(
        Ikev2Message::Parse(RawMessage(41, HexBytes("00 00 0008 03 00 4000")), &message).IsOk());
    EXPECT_EQ(message.GetPayload<Ikev2NotifyPayload>(n)->GetProtocol(), Ikev2ProtocolId::NONE);
}

TEST(Ikev2Payload, NotifyTypeNumbers)
{
    // The numbers of RFC 7296 section 3.10.1 (and RFC 3947's NAT detection, reused by IKEv2).
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::UNSUPPORTED_CRITICAL_PAYLOAD), 1);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::INVALID_MAJOR_VERSION), 5);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::INVALID_SYNTAX), 7);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::NO_PROPOSAL_CHOSEN), 14);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::INVALID_KE_PAYLOAD), 17);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::AUTHENTICATION_FAILED), 24);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::TS_UNACCEPTABLE), 38);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::CHILD_SA_NOT_FOUND), 44);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::INITIAL_CONTACT), 16384);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::NAT_DETECTION_SOURCE_IP), 16388);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::NAT_DETECTION_DESTINATION_IP), 16389);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::COOKIE), 16390);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::USE_TRANSPORT_MODE), 16391);
    EXPECT_EQ(static_cast<uint16_t>(Ikev2NotifyType::REKEY_SA), 16393);
    EXPECT_STREQ(Ikev2NotifyTypeName(Ikev2NotifyType::TS_UNACCEPTABLE), "TS_UNACCEPTABLE");
    std::ostringstream os;
    os << static_cast<Ikev2NotifyType>(40000);
    EXPECT_EQ(os.str(), "UNKNOWN(40000)");
}

TEST(Ikev2Payload, DeleteRoundTripAndErrors)
{
    auto esp = RoundTrip<Ikev2DeletePayload>(
        Create<Ikev2DeletePayload>(Ikev2ProtocolId::ESP, std::vector<uint32_t>{1, 0xdeadbeef}));
    ASSERT_TRUE(esp);
    EXPECT_EQ(esp->GetProtocol(), Ikev2ProtocolId::ESP);
    EXPECT_EQ(esp->GetSpis(), (std::vector<uint32_t>{1, 0xdeadbeef}));
    auto ah = RoundTrip<Ikev2DeletePayload>(
        Create<Ikev2DeletePayload>(Ikev2ProtocolId::AH, std::vector<uint32_t>{7}));
    ASSERT_TRUE(ah);
    EXPECT_EQ(ah->GetProtocol(), Ikev2ProtocolId::AH);
    auto ike = RoundTrip<Ikev2DeletePayload>(Create<Ikev2DeletePayload>());
    ASSERT_TRUE(ike);
    EXPECT_EQ(ike->GetProtocol(), Ikev2ProtocolId::IKE);
    EXPECT_TRUE(ike->GetSpis().empty());

    const auto d = Ikev2PayloadType::DELETE;
    EXPECT_EQ(BodyError(d, "01 00 0000"), Ikev2ParseError::NONE);
    EXPECT_EQ(BodyError(d, "01 08 0001 0102030405060708"), Ikev2ParseError::INVALID_DELETE);
    EXPECT_EQ(BodyError(d, "01 00 0001"), Ikev2ParseError::INVALID_DELETE);
    EXPECT_EQ(BodyError(d, "03 08 0001 0102030405060708"), Ikev2ParseError::INVALID_DELETE);
    EXPECT_EQ(BodyError(d, "03 04 0003 00000001 00000002"), Ikev2ParseError::INVALID_DELETE);
    EXPECT_EQ(BodyError(d, "03 04 0001 00000001 00000002"),
              Ikev2ParseError::PAYLOAD_TRAILING_BYTES);
    EXPECT_EQ(BodyError(d, "00 04 0001 00000001"), Ikev2ParseError::INVALID_DELETE);
    EXPECT_EQ(BodyError(d, "03 04 00"), Ikev2ParseError::TRUNCATED_PAYLOAD_BODY);
}

TEST(Ikev2Payload, VendorIdEncryptedAndUnknownRoundTrip)
{
    auto vendor = RoundTrip<Ikev2VendorIdPayload>(Create<Ikev2VendorIdPayload>(Bytes("Junos")));
    ASSERT_TRUE(vendor);
    EXPECT_EQ(vendor->GetVendorId(), Bytes("Junos"));
    auto encrypted = RoundTrip<Ikev2EncryptedPayload>(
        Create<Ikev2EncryptedPayload>(Ikev2PayloadType::DELETE, CryptoBytes(48, 0xee)));
    ASSERT_TRUE(encrypted);
    EXPECT_EQ(encrypted->GetFirstInnerType(), Ikev2PayloadType::DELETE);
    EXPECT_EQ(encrypted->GetBody(), CryptoBytes(48, 0xee));
    auto unknown = RoundTrip<Ikev2UnknownPayload>(
        Create<Ikev2UnknownPayload>(Ikev2PayloadType::CONFIGURATION, CryptoBytes{1, 0, 0, 0}));
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->GetType(), Ikev2PayloadType::CONFIGURATION);
    EXPECT_EQ(CryptoToHex(unknown->GetBody()), "01000000");
}
