/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The IKEv2 message codec: the IKE header and the payload chain (RFC 7296 sections 3.1, 3.2),
 * an IKE_SA_INIT request checked byte for byte, every chain-level parse error, and truncation at
 * every byte offset.
 */
#include "ikev2-test-messages.h"

#include "ns3/ikev2-encrypted-payload.h"
#include "ns3/ikev2-ke-payload.h"
#include "ns3/ikev2-message.h"
#include "ns3/ikev2-nonce-payload.h"
#include "ns3/ikev2-notify-payload.h"
#include "ns3/ikev2-sa-payload.h"
#include "ns3/ikev2-unknown-payload.h"
#include "ns3/ikev2-vendor-id-payload.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <set>
#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::test;

namespace
{

/// Parses bytes as a message and returns the status.
Ikev2ParseStatus
ParseStatus(const CryptoBytes& bytes)
{
    Ikev2Message message;
    return Ikev2Message::Parse(bytes, &message);
}

/// Sets the header's Length field of a serialized message.
void
SetLengthField(CryptoBytes& bytes, uint32_t length)
{
    for (size_t i = 0; i < 4; ++i)
    {
        bytes[24 + i] = static_cast<uint8_t>(length >> (24 - 8 * i));
    }
}

} // namespace

TEST(Ikev2Message, SaInitRequestMatchesRfc7296Layout)
{
    CryptoBytes expected = HexBytes(
        // IKE header (RFC 7296 section 3.1), 28 bytes
        "0102030405060708" // IKE SA Initiator's SPI
        "0000000000000000" // IKE SA Responder's SPI: 0 in the first message
        "21"               // Next Payload: SA (33)
        "20"               // MjVer 2, MnVer 0
        "22"               // Exchange Type: IKE_SA_INIT (34)
        "08"               // Flags: Initiator
        "00000000"         // Message ID 0
        "0000008c"         // Length: 140 bytes in all
        // SA payload (section 3.3), 48 bytes
        "22 00 0030"            // Next Payload KE (34), not critical, Payload Length 48
        "00 00 002c"            // Proposal: last (0), RESERVED, Proposal Length 44
        "01 01 00 04"           // Proposal Num 1, Protocol ID IKE, SPI Size 0, 4 transforms
        "03 00 000c 01 00 000c" // Transform: more (3), length 12, ENCR, ENCR_AES_CBC (12)
        "800e 0080"             //   attribute: TV (AF=1), Key Length (14) = 128
        "03 00 0008 02 00 0005" // Transform: more, length 8, PRF, PRF_HMAC_SHA2_256 (5)
        "03 00 0008 03 00 000c" // Transform: more, length 8, INTEG, AUTH_HMAC_SHA2_256_128 (12)
        "00 00 0008 04 00 000e" // Transform: last (0), length 8, D-H, group 14
        // KE payload (section 3.4), 16 bytes
        "28 00 0010"       // Next Payload Nonce (40), Payload Length 16
        "000e 0000"        // Diffie-Hellman Group Num 14, RESERVED
        "1112131415161718" // Key Exchange Data (shortened to 8 bytes for the sample)
        // Nonce payload (section 3.9), 20 bytes
        "29 00 0014"                       // Next Payload Notify (41), Payload Length 20
        "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" // Nonce Data, 16 bytes (the minimum)
        // Notify payload (section 3.10), 28 bytes
        "00 00 001c" // Next Payload none (0), Payload Length 28
        "00 00 4004" // Protocol ID 0, SPI Size 0, NAT_DETECTION_SOURCE_IP (16388)
        "c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3"); // Notification Data (a SHA-1 hash)
    CryptoBytes actual = SampleSaInitRequest().Serialize();
    EXPECT_EQ(CryptoToHex(actual), CryptoToHex(expected));
}

TEST(Ikev2Message, ParsesSaInitRequestFields)
{
    CryptoBytes bytes = SampleSaInitRequest().Serialize();
    Ikev2Message message;
    Ikev2ParseStatus status = Ikev2Message::Parse(bytes, &message);
    ASSERT_TRUE(status.IsOk()) << status;
    const Ikev2Header& header = message.GetHeader();
    EXPECT_EQ(header.GetInitiatorSpi(), SAMPLE_INITIATOR_SPI);
    EXPECT_EQ(header.GetResponderSpi(), 0u);
    EXPECT_EQ(header.GetMajorVersion(), 2);
    EXPECT_EQ(header.GetMinorVersion(), 0);
    EXPECT_EQ(header.GetExchangeType(), Ikev2ExchangeType::IKE_SA_INIT);
    EXPECT_TRUE(header.IsInitiator());
    EXPECT_FALSE(header.IsResponse());
    EXPECT_EQ(header.GetLength(), bytes.size());
    ASSERT_EQ(message.GetPayloads().size(), 4u);
    EXPECT_EQ(message.GetPayloads()[0]->GetType(), Ikev2PayloadType::SECURITY_ASSOCIATION);
    auto ke = message.GetPayload<Ikev2KePayload>(Ikev2PayloadType::KEY_EXCHANGE);
    ASSERT_TRUE(ke);
    EXPECT_EQ(ke->GetGroup(), 14);
    auto nonce = message.GetPayload<Ikev2NoncePayload>(Ikev2PayloadType::NONCE);
    ASSERT_TRUE(nonce);
    EXPECT_EQ(nonce->GetNonce().size(), 16u);
    auto notify = message.GetPayload<Ikev2NotifyPayload>(Ikev2PayloadType::NOTIFY);
    ASSERT_TRUE(notify);
    EXPECT_EQ(notify->GetNotifyType(), Ikev2NotifyType::NAT_DETECTION_SOURCE_IP);
    EXPECT_FALSE(message.FindPayload(Ikev2PayloadType::AUTHENTICATION));
}

TEST(Ikev2Message, SampleMessagesRoundTrip)
{
    for (const Ikev2Message& sample :
         {SampleSaInitRequest(), SampleSaInitResponse(), SampleInformational()})
    {
        CryptoBytes bytes = sample.Serialize();
        Ikev2Message parsed;
        Ikev2ParseStatus status = Ikev2Message::Parse(bytes, &parsed);
        ASSERT_TRUE(status.IsOk()) << status;
        EXPECT_EQ(parsed.GetPayloads().size(), sample.GetPayloads().size());
        EXPECT_EQ(CryptoToHex(parsed.Serialize()), CryptoToHex(bytes));
    }
}

TEST(Ikev2Message, HeaderErrors)
{
    CryptoBytes bytes = SampleSaInitRequest().Serialize();
    EXPECT_EQ(ParseStatus(CryptoBytes(bytes.begin(), bytes.begin() + 27)).GetError(),
              Ikev2ParseError::TRUNCATED_HEADER);
    EXPECT_EQ(ParseStatus(CryptoBytes{}).GetError(), Ikev2ParseError::TRUNCATED_HEADER);

    CryptoBytes longer = bytes;
    SetLengthField(longer, static_cast<uint32_t>(bytes.size() + 1));
    EXPECT_EQ(ParseStatus(longer).GetError(), Ikev2ParseError::MESSAGE_LENGTH_MISMATCH);
    CryptoBytes shorter = bytes;
    SetLengthField(shorter, static_cast<uint32_t>(bytes.size() - 1));
    EXPECT_EQ(ParseStatus(shorter).GetError(), Ikev2ParseError::MESSAGE_LENGTH_MISMATCH);
    CryptoBytes padded = bytes;
    padded.push_back(0); // the datagram is longer than the Length says
    EXPECT_EQ(ParseStatus(padded).GetError(), Ikev2ParseError::MESSAGE_LENGTH_MISMATCH);
}

TEST(Ikev2Message, OtherMajorVersionIsReportedWithTheHeaderForTheAnswer)
{
    CryptoBytes bytes = SampleSaInitRequest().Serialize();
    bytes[17] = 0x10; // IKEv1
    Ikev2Message message;
    Ikev2ParseStatus status = Ikev2Message::Parse(bytes, &message);
    EXPECT_EQ(status.GetError(), Ikev2ParseError::INVALID_MAJOR_VERSION);
    EXPECT_EQ(message.GetHeader().GetMajorVersion(), 1);
    EXPECT_EQ(message.GetHeader().GetInitiatorSpi(), SAMPLE_INITIATOR_SPI);
    EXPECT_EQ(message.GetHeader().GetExchangeType(), Ikev2ExchangeType::IKE_SA_INIT);
    bytes[17] = 0x30;
    EXPECT_EQ(ParseStatus(bytes).GetError(), Ikev2ParseError::INVALID_MAJOR_VERSION);

    // RFC 7296 section 3.1: the minor version of a received message is ignored.
    bytes[17] = 0x21;
    EXPECT_TRUE(ParseStatus(bytes).IsOk());
}

TEST(Ikev2Message, PayloadLengthErrors)
{
    // Fewer than 4 bytes for the first generic header.
    EXPECT_EQ(ParseStatus(RawMessage(43, HexBytes("00 00 00"))).GetError(),
              Ikev2ParseError::TRUNCATED_PAYLOAD_HEADER);
    // Zero-length and 3-byte payloads: Payload Length below the generic header.
    Ikev2ParseStatus zero = ParseStatus(RawMessage(43, HexBytes("00 00 0000")));
    EXPECT_EQ(zero.GetError(), Ikev2ParseError::INVALID_PAYLOAD_LENGTH);
    EXPECT_EQ(zero.GetOffset(), 28u);
    EXPECT_EQ(zero.GetPayloadType(), Ikev2PayloadType::VENDOR_ID);
    EXPECT_EQ(ParseStatus(RawMessage(43, HexBytes("00 00 0003"))).GetError(),
              Ikev2ParseError::INVALID_PAYLOAD_LENGTH);
    // Payload Length past the end of the message, by one byte and by a lot.
    EXPECT_EQ(ParseStatus(RawMessage(43, HexBytes("00 00 0009 01020304"))).GetError(),
              Ikev2ParseError::PAYLOAD_LENGTH_PAST_END);
    EXPECT_EQ(ParseStatus(RawMessage(43, HexBytes("00 00 ffff 01020304"))).GetError(),
              Ikev2ParseError::PAYLOAD_LENGTH_PAST_END);
    // The second payload's length points past the end.
    Ikev2ParseStatus second = ParseStatus(RawMessage(43, HexBytes("2b 00 0005 aa  00 00 0010 bb")));
    EXPECT_EQ(second.GetError(), Ikev2ParseError::PAYLOAD_LENGTH_PAST_END);
    EXPECT_EQ(second.GetOffset(), 33u);
    // An empty Vendor ID payload (length exactly 4) is well formed.
    EXPECT_TRUE(ParseStatus(RawMessage(43, HexBytes("00 00 0004"))).IsOk());
}

TEST(Ikev2Message, UnknownPayloadIsSkippedUnlessCritical)
{
    // V, then unknown type 200 (non-critical), then Nonce.
    CryptoBytes chain = HexBytes("c8 00 0005 aa"
                                 "28 00 0007 010203"
                                 "00 00 0014 000102030405060708090a0b0c0d0e0f");
    Ikev2Message message;
    Ikev2ParseStatus status = Ikev2Message::Parse(RawMessage(43, chain), &message);
    ASSERT_TRUE(status.IsOk()) << status;
    ASSERT_EQ(message.GetPayloads().size(), 3u);
    auto unknown = DynamicCast<Ikev2UnknownPayload>(message.GetPayloads()[1]);
    ASSERT_TRUE(unknown);
    EXPECT_EQ(static_cast<unsigned>(unknown->GetType()), 200u);
    EXPECT_EQ(CryptoToHex(unknown->GetBody()), "010203");
    EXPECT_TRUE(message.GetPayload<Ikev2NoncePayload>(Ikev2PayloadType::NONCE));

    // The same with the critical bit set on the unknown payload.
    chain[6] = Ikev2Payload::CRITICAL_FLAG; // flags byte of the second payload
    status = Ikev2Message::Parse(RawMessage(43, chain), &message);
    EXPECT_EQ(status.GetError(), Ikev2ParseError::UNSUPPORTED_CRITICAL_PAYLOAD);
    EXPECT_EQ(static_cast<unsigned>(status.GetPayloadType()), 200u);
    EXPECT_EQ(status.GetOffset(), 33u);

    // RFC 7296 section 2.5: the critical bit is irrelevant for types the codec knows.
    chain[1] = Ikev2Payload::CRITICAL_FLAG;
    chain[6] = 0;
    status = Ikev2Message::Parse(RawMessage(43, chain), &message);
    ASSERT_TRUE(status.IsOk()) << status;
    EXPECT_TRUE(message.GetPayloads()[0]->IsCritical());
}

TEST(Ikev2Message, TooManyPayloads)
{
    auto chainOfVendorIds = [](size_t count) {
        CryptoBytes chain;
        for (size_t i = 0; i < count; ++i)
        {
            chain.insert(chain.end(), {static_cast<uint8_t>(i + 1 < count ? 43 : 0), 0, 0, 4});
        }
        return chain;
    };
    EXPECT_TRUE(
        ParseStatus(RawMessage(43, chainOfVendorIds(Ikev2PayloadChain::MAX_PAYLOADS))).IsOk());
    EXPECT_EQ(ParseStatus(RawMessage(43, chainOfVendorIds(Ikev2PayloadChain::MAX_PAYLOADS + 1)))
                  .GetError(),
              Ikev2ParseError::TOO_MANY_PAYLOADS);
}

TEST(Ikev2Message, TrailingBytesAfterTheLastPayload)
{
    Ikev2ParseStatus status = ParseStatus(RawMessage(43, HexBytes("00 00 0005 aa 00")));
    EXPECT_EQ(status.GetError(), Ikev2ParseError::TRAILING_BYTES);
    EXPECT_EQ(status.GetOffset(), 33u);
    // A first payload type of NONE with bytes after the header.
    EXPECT_EQ(ParseStatus(RawMessage(0, HexBytes("00 00 0004"))).GetError(),
              Ikev2ParseError::TRAILING_BYTES);
    EXPECT_TRUE(ParseStatus(RawMessage(0, CryptoBytes{})).IsOk());
}

TEST(Ikev2Message, EncryptedPayloadIsOpaqueAndLast)
{
    Ikev2Message message = SampleAuthRequestHeader();
    message.AddPayload(Create<Ikev2VendorIdPayload>(CryptoBytes{1, 2}));
    message.AddPayload(Create<Ikev2EncryptedPayload>(Ikev2PayloadType::IDENTIFICATION_INITIATOR,
                                                     HexBytes("00112233")));
    CryptoBytes bytes = message.Serialize();
    // V's Next Payload is SK (46); SK's names the first payload inside it (RFC 7296 section
    // 3.14), IDi (35). SK's generic header starts after V's 6 bytes.
    EXPECT_EQ(bytes[28], 46);
    EXPECT_EQ(bytes[34], 35);
    Ikev2Message parsed;
    Ikev2ParseStatus status = Ikev2Message::Parse(bytes, &parsed);
    ASSERT_TRUE(status.IsOk()) << status;
    auto encrypted = parsed.GetPayload<Ikev2EncryptedPayload>(Ikev2PayloadType::ENCRYPTED);
    ASSERT_TRUE(encrypted);
    EXPECT_EQ(encrypted->GetFirstInnerType(), Ikev2PayloadType::IDENTIFICATION_INITIATOR);
    EXPECT_EQ(CryptoToHex(encrypted->GetBody()), "00112233");

    // Bytes after the SK payload (its length says it ends early).
    EXPECT_EQ(ParseStatus(RawMessage(46, HexBytes("23 00 0006 aabb 00 00 0004"))).GetError(),
              Ikev2ParseError::ENCRYPTED_PAYLOAD_NOT_LAST);
}

TEST(Ikev2Message, InnerChainRoundTripAndNoNestedEncryptedPayload)
{
    Ikev2PayloadList inner = SampleAuthInnerPayloads();
    CryptoBytes bytes = Ikev2PayloadChain::Serialize(inner);
    Ikev2PayloadList parsed;
    Ikev2ParseStatus status =
        Ikev2PayloadChain::ParseInner(Ikev2PayloadChain::GetFirstType(inner), bytes, &parsed);
    ASSERT_TRUE(status.IsOk()) << status;
    ASSERT_EQ(parsed.size(), inner.size());
    for (size_t i = 0; i < inner.size(); ++i)
    {
        EXPECT_EQ(parsed[i]->GetType(), inner[i]->GetType());
    }
    EXPECT_EQ(CryptoToHex(Ikev2PayloadChain::Serialize(parsed)), CryptoToHex(bytes));

    Ikev2ParseStatus nested = Ikev2PayloadChain::ParseInner(Ikev2PayloadType::ENCRYPTED,
                                                            HexBytes("00 00 0008 00112233"),
                                                            &parsed);
    EXPECT_EQ(nested.GetError(), Ikev2ParseError::NESTED_ENCRYPTED_PAYLOAD);
}

TEST(Ikev2Message, EveryTruncationIsAnError)
{
    std::vector<CryptoBytes> samples = {SampleSaInitRequest().Serialize(),
                                        SampleSaInitResponse().Serialize(),
                                        SampleInformational().Serialize()};
    for (const CryptoBytes& bytes : samples)
    {
        for (size_t size = 0; size < bytes.size(); ++size)
        {
            CryptoBytes prefix(bytes.begin(), bytes.begin() + size);
            Ikev2ParseStatus status = ParseStatus(prefix);
            EXPECT_FALSE(status.IsOk()) << "prefix of " << size << " bytes";
            // With the header's Length matching, the payload parsers see the cut.
            if (size >= Ikev2Header::SIZE)
            {
                SetLengthField(prefix, static_cast<uint32_t>(size));
                status = ParseStatus(prefix);
                EXPECT_FALSE(status.IsOk()) << "prefix of " << size << " bytes, Length adjusted";
                EXPECT_NE(status.GetError(), Ikev2ParseError::MESSAGE_LENGTH_MISMATCH);
            }
        }
    }
    CryptoBytes inner = Ikev2PayloadChain::Serialize(SampleAuthInnerPayloads());
    for (size_t size = 0; size < inner.size(); ++size)
    {
        Ikev2PayloadList parsed;
        EXPECT_FALSE(Ikev2PayloadChain::ParseInner(Ikev2PayloadType::IDENTIFICATION_INITIATOR,
                                                   CryptoByteView(inner.data(), size),
                                                   &parsed)
                         .IsOk())
            << "inner prefix of " << size << " bytes";
    }
}

TEST(Ikev2Message, StatusAndNamesPrint)
{
    std::ostringstream os;
    os << Ikev2ParseStatus(Ikev2ParseError::UNSUPPORTED_CRITICAL_PAYLOAD,
                           33,
                           static_cast<Ikev2PayloadType>(200));
    EXPECT_EQ(os.str(), "UNSUPPORTED_CRITICAL_PAYLOAD in UNKNOWN(200) at offset 33");
    EXPECT_EQ(Ikev2ParseStatus().ToString(), "OK");
    EXPECT_STREQ(Ikev2ExchangeTypeName(Ikev2ExchangeType::CREATE_CHILD_SA), "CREATE_CHILD_SA");
    EXPECT_STREQ(Ikev2PayloadTypeName(Ikev2PayloadType::TRAFFIC_SELECTOR_RESPONDER), "TSr");
    // Every reason has its own name.
    std::set<std::string> names;
    for (int error = static_cast<int>(Ikev2ParseError::NONE);
         error <= static_cast<int>(Ikev2ParseError::DECRYPTION_FAILED);
         ++error)
    {
        std::string name = Ikev2ParseErrorName(static_cast<Ikev2ParseError>(error));
        EXPECT_NE(name, "UNKNOWN");
        EXPECT_TRUE(names.insert(name).second) << name;
    }
}
