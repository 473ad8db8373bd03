/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * AH (RFC 4302) on real bytes, without a simulation: every integrity transform over IPv4 and
 * IPv6, header layout and alignment, which IP header fields the ICV covers, tampering,
 * truncation, anti-replay, extended sequence numbers, and the ICV recomputed independently with
 * OpenSSL's HMAC over bytes laid out by hand from RFC 4302 section 3.3.3.
 */
#include "ipsec-test-sa.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-bytes.h"
#include "ns3/ipsec-ah-transform.h"
#include "ns3/ipsec-sa.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/packet.h"

#include <functional>
#include <gtest/gtest.h>
#include <map>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::test; // the SA and byte helpers the transform tests share

namespace
{

/// Next header of a tunnel-mode IPv4 payload.
constexpr uint8_t NEXT_HEADER_IPV4 = 4;
/// The AH protocol number, written out here rather than taken from the module.
constexpr uint8_t AH = 51;
/// Size of an IPv4 header without options and of the IPv6 base header.
constexpr size_t IPV4_BYTES = 20;
constexpr size_t IPV6_BYTES = 40;
/// The payload sizes every transform is run with.
const std::vector<size_t> PAYLOAD_SIZES = {0, 1, 3, 20, 1400};

/// \return "IPv4" or "IPv6"
std::string
FamilyName(bool ipv6)
{
    return ipv6 ? "IPv6" : "IPv4";
}

/// \return an AH SA definition with a pattern key of the right length
IpsecSa::Config
MakeConfig(const CryptoIntegrityAlgorithm& integrity,
           IpsecDirection direction,
           bool ipv6,
           bool esn = false,
           uint32_t spi = 0x4242,
           uint32_t replayWindow = 64)
{
    IpsecSa::Config config =
        test::TunnelSaConfig(IpsecProtocol::AH, "ah", direction, spi, ipv6, esn, replayWindow);
    config.integrity = &integrity;
    config.integrityKey = Pattern(integrity.keyBytes, 0x5a);
    return config;
}

SaPair
MakePair(const CryptoIntegrityAlgorithm& integrity,
         bool ipv6,
         bool esn = false,
         uint32_t spi = 0x4242)
{
    return {Create<IpsecSa>(MakeConfig(integrity, IpsecDirection::OUTBOUND, ipv6, esn, spi)),
            Create<IpsecSa>(MakeConfig(integrity, IpsecDirection::INBOUND, ipv6, esn, spi))};
}

/// The IPv4 header a gateway sends with: every field set to something other than zero, and
/// protocol and payload size deliberately wrong (Protect must use 51 and the real size).
Ipv4Header
SentIpv4Header()
{
    Ipv4Header header;
    header.SetSource(Ipv4Address("192.0.2.1"));
    header.SetDestination(Ipv4Address("198.51.100.7"));
    header.SetTos(0xb9); // DSCP 46 (EF), ECN 01
    header.SetTtl(64);
    header.SetIdentification(0xbeef);
    header.SetDontFragment();
    header.SetProtocol(17);
    header.SetPayloadSize(3);
    return header;
}

/// The IPv6 header a gateway sends with (same idea as SentIpv4Header).
Ipv6Header
SentIpv6Header()
{
    Ipv6Header header;
    header.SetSource(Ipv6Address("2001:db8:1::1"));
    header.SetDestination(Ipv6Address("2001:db8:2::77"));
    header.SetTrafficClass(0xb9);
    header.SetFlowLabel(0xabcde);
    header.SetHopLimit(64);
    header.SetNextHeader(17);
    header.SetPayloadLength(3);
    return header;
}

/// Protects a payload with the sent header of the family, failing the test on a drop.
Ptr<Packet>
MustProtect(IpsecSa& sa, bool ipv6, const CryptoBytes& payload)
{
    IpsecDropReason reason = IpsecDropReason::COUNT;
    Ptr<Packet> packet = ipv6 ? IpsecAhTransform::ProtectIpv6(sa,
                                                              SentIpv6Header(),
                                                              PacketOf(payload),
                                                              NEXT_HEADER_IPV4,
                                                              &reason)
                              : IpsecAhTransform::ProtectIpv4(sa,
                                                              SentIpv4Header(),
                                                              PacketOf(payload),
                                                              NEXT_HEADER_IPV4,
                                                              &reason);
    EXPECT_NE(packet, nullptr) << "Protect failed: " << reason;
    return packet;
}

/// \return the whole datagram as the wire carries it: the sent header, as the caller sends it
/// (protocol 51, payload size of the AH packet, real checksum), then the AH packet
CryptoBytes
Datagram(bool ipv6, Ptr<const Packet> ah)
{
    Ptr<Packet> datagram = ah->Copy();
    if (ipv6)
    {
        Ipv6Header header = SentIpv6Header();
        header.SetNextHeader(AH);
        header.SetPayloadLength(ah->GetSize());
        datagram->AddHeader(header);
    }
    else
    {
        Ipv4Header header = SentIpv4Header();
        header.SetProtocol(AH);
        header.SetPayloadSize(ah->GetSize());
        header.EnableChecksum();
        datagram->AddHeader(header);
    }
    return BytesOf(datagram);
}

/// Receives a datagram as the IP layer would: parses the header, hands AH what follows.
IpsecUnprotectResult
Deliver(IpsecSa& sa, bool ipv6, const CryptoBytes& datagram)
{
    Ptr<Packet> packet = PacketOf(datagram);
    if (ipv6)
    {
        Ipv6Header header;
        packet->RemoveHeader(header);
        return IpsecAhTransform::UnprotectIpv6(sa, header, packet);
    }
    Ipv4Header header;
    packet->RemoveHeader(header);
    return IpsecAhTransform::UnprotectIpv4(sa, header, packet);
}

/// \return the header size RFC 4302 sections 2.2 and 2.6 ask for, computed here by hand
size_t
ExpectedHeaderSize(const CryptoIntegrityAlgorithm& integrity, bool ipv6)
{
    size_t size = 12 + integrity.icvBytes;
    while (size % (ipv6 ? 8 : 4) != 0)
    {
        ++size;
    }
    return size;
}

/// One change to a received datagram, by byte offset.
struct Mutation
{
    std::string name;                        //!< what is changed
    std::function<void(CryptoBytes&)> apply; //!< the change
};

/// The mutable IPv4 fields of RFC 4302 section 3.3.3.1.1.1, changed as a router might.
std::vector<Mutation>
MutableIpv4Changes()
{
    return {
        {"TTL", [](CryptoBytes& d) { d[8] = 1; }},
        {"DSCP", [](CryptoBytes& d) { d[1] ^= 0xfc; }},
        {"ECN (congestion experienced)", [](CryptoBytes& d) { d[1] |= 0x03; }},
        {"DF flag", [](CryptoBytes& d) { d[6] ^= 0x40; }},
        {"fragment offset bits",
         [](CryptoBytes& d) {
             d[6] |= 0x1f;
             d[7] = 0xff;
         }},
        {"header checksum",
         [](CryptoBytes& d) {
             d[10] ^= 0xa5;
             d[11] ^= 0x5a;
         }},
        {"all of them",
         [](CryptoBytes& d) {
             d[1] = 0x03;
             d[6] = 0x1f;
             d[7] = 0xff;
             d[8] = 255;
             d[10] = 0;
             d[11] = 0;
         }},
    };
}

/// The mutable IPv6 fields of RFC 4302 section 3.3.3.1.2.1.
std::vector<Mutation>
MutableIpv6Changes()
{
    return {
        {"hop limit", [](CryptoBytes& d) { d[7] = 1; }},
        {"traffic class DSCP",
         [](CryptoBytes& d) {
             d[0] ^= 0x0f;
             d[1] ^= 0xc0;
         }},
        {"traffic class ECN", [](CryptoBytes& d) { d[1] |= 0x30; }},
        {"flow label",
         [](CryptoBytes& d) {
             d[1] ^= 0x0f;
             d[2] ^= 0xff;
             d[3] ^= 0xff;
         }},
        {"all of them",
         [](CryptoBytes& d) {
             d[0] = 0x6f;
             d[1] = 0xff;
             d[2] = 0xff;
             d[3] = 0xff;
             d[7] = 0;
         }},
    };
}

/// Flips the lowest bit of one byte.
std::function<void(CryptoBytes&)>
Flip(size_t offset)
{
    return [offset](CryptoBytes& d) { d[offset] ^= 0x01; };
}

/**
 * \brief Immutable parts of the datagram (RFC 4302 section 3.3.3.1), with the drop reason a
 * change must cause: the ICV fails, except where the change already makes the lengths
 * disagree (then the packet is malformed before any ICV is computed).
 */
std::vector<std::pair<Mutation, IpsecDropReason>>
ImmutableChanges(bool ipv6, size_t ahOffset, size_t headerSize, size_t icvSize)
{
    std::vector<std::pair<Mutation, IpsecDropReason>> changes;
    const auto icv = IpsecDropReason::ICV_FAILURE;
    const auto malformed = IpsecDropReason::MALFORMED;
    if (ipv6)
    {
        changes.push_back({{"source", Flip(23)}, icv});
        changes.push_back({{"destination", Flip(39)}, icv});
        changes.push_back({{"next header", [](CryptoBytes& d) { d[6] = 50; }}, icv});
        changes.push_back({{"payload length", Flip(5)}, malformed});
    }
    else
    {
        changes.push_back({{"source", Flip(15)}, icv});
        changes.push_back({{"destination", Flip(19)}, icv});
        changes.push_back({{"identification", Flip(5)}, icv});
        changes.push_back({{"protocol", [](CryptoBytes& d) { d[9] = 50; }}, icv});
        changes.push_back({{"total length", Flip(3)}, malformed});
    }
    // A length that agrees with the bytes again: the last payload byte removed and the IP length
    // lowered with it. The lengths are consistent, so only the ICV can tell.
    changes.push_back({{"length and payload shortened together",
                        [ipv6](CryptoBytes& d) {
                            d.pop_back();
                            const size_t field = ipv6 ? 4 : 2;
                            const uint16_t length = (d[field] << 8 | d[field + 1]) - 1;
                            d[field] = static_cast<uint8_t>(length >> 8);
                            d[field + 1] = static_cast<uint8_t>(length);
                        }},
                       icv});
    changes.push_back({{"AH next header", Flip(ahOffset)}, icv});
    changes.push_back({{"AH payload length", Flip(ahOffset + 1)}, malformed});
    changes.push_back({{"AH reserved", Flip(ahOffset + 3)}, icv});
    changes.push_back({{"AH SPI", Flip(ahOffset + 7)}, icv});
    changes.push_back({{"AH sequence number (new to the window)",
                        [ahOffset](CryptoBytes& d) { d[ahOffset + 8] ^= 0x80; }},
                       icv});
    changes.push_back({{"first ICV byte", Flip(ahOffset + 12)}, icv});
    changes.push_back({{"last ICV byte", Flip(ahOffset + 12 + icvSize - 1)}, icv});
    if (headerSize > 12 + icvSize)
    {
        // RFC 4302 section 3.3.3.2.1: the padding is covered by the ICV as it was sent.
        changes.push_back({{"ICV padding", Flip(ahOffset + headerSize - 1)}, icv});
    }
    changes.push_back({{"first payload byte", Flip(ahOffset + headerSize)}, icv});
    changes.push_back({{"last payload byte", [](CryptoBytes& d) { d.back() ^= 0x01; }}, icv});
    return changes;
}

/// The digest of an integrity transform, chosen here by its Junos name rather than through
/// the module's own table of OpenSSL names.
const EVP_MD*
ReferenceDigest(const std::string& name)
{
    static const std::map<std::string, const EVP_MD* (*)()> digests = {
        {"hmac-md5-96", &EVP_md5},
        {"hmac-sha1-96", &EVP_sha1},
        {"hmac-sha-256-128", &EVP_sha256},
        {"hmac-sha-384-192", &EVP_sha384},
        {"hmac-sha-512-256", &EVP_sha512},
    };
    auto it = digests.find(name);
    return it == digests.end() ? nullptr : it->second();
}

/// HMAC straight from OpenSSL, truncated to icvBytes (RFC 2404 section 2, RFC 4868 2.3).
CryptoBytes
ReferenceIcv(const EVP_MD* digest, const CryptoBytes& key, const CryptoBytes& data, size_t icvBytes)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    if (!HMAC(digest, key.data(), key.size(), data.data(), data.size(), mac, &macLength) ||
        macLength < icvBytes)
    {
        return {};
    }
    return CryptoBytes(mac, mac + icvBytes);
}

} // namespace

TEST(IpsecAhTransform, HeaderSizeIsTheIcvPaddedTo32BitsForIpv4And64BitsForIpv6)
{
    // RFC 4302 section 2.2 / 3.3.3.2.1, with the ICV lengths of RFC 2404 and RFC 4868.
    const std::map<std::string, std::pair<size_t, size_t>> known = {
        {"hmac-md5-96", {24, 24}},
        {"hmac-sha1-96", {24, 24}},
        {"hmac-sha-256-128", {28, 32}},
        {"hmac-sha-384-192", {36, 40}},
        {"hmac-sha-512-256", {44, 48}},
    };
    ASSERT_FALSE(CryptoAlgorithmTable::IntegrityAlgorithms().empty());
    for (const auto& integrity : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        for (bool ipv6 : {false, true})
        {
            SCOPED_TRACE(std::string(integrity.name) + " " + FamilyName(ipv6));
            SaPair sa = MakePair(integrity, ipv6);
            const size_t size = IpsecAhTransform::GetHeaderSize(*sa.out, ipv6);
            EXPECT_EQ(size, ExpectedHeaderSize(integrity, ipv6));
            EXPECT_EQ(size % (ipv6 ? 8 : 4), 0u);
            // Only as much padding as the alignment needs (RFC 4302 section 2.6).
            EXPECT_GE(size, 12u + integrity.icvBytes);
            EXPECT_LT(size - 12 - integrity.icvBytes, ipv6 ? 8u : 4u);
            auto it = known.find(integrity.name);
            if (it != known.end())
            {
                EXPECT_EQ(size, ipv6 ? it->second.second : it->second.first);
            }
        }
    }
}

TEST(IpsecAhTransform, EveryAlgorithmRoundTripsOverIpv4AndIpv6WithTheRfcLayout)
{
    for (const auto& integrity : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        for (bool ipv6 : {false, true})
        {
            SCOPED_TRACE(std::string(integrity.name) + " " + FamilyName(ipv6));
            SaPair sa = MakePair(integrity, ipv6);
            const size_t headerSize = IpsecAhTransform::GetHeaderSize(*sa.out, ipv6);
            uint64_t expectedSequence = 0;
            for (size_t size : PAYLOAD_SIZES)
            {
                SCOPED_TRACE("payload " + std::to_string(size));
                const CryptoBytes payload = Pattern(size, static_cast<uint8_t>(size));
                Ptr<Packet> packet = MustProtect(*sa.out, ipv6, payload);
                ASSERT_NE(packet, nullptr);
                ++expectedSequence;
                const CryptoBytes ah = BytesOf(packet);

                // RFC 4302 section 2: next header | payload length | reserved | SPI | sequence
                // | ICV | padding, then the payload unchanged.
                ASSERT_EQ(ah.size(), headerSize + size);
                EXPECT_EQ(ah[0], NEXT_HEADER_IPV4);
                EXPECT_EQ(ah[1], headerSize / 4 - 2);
                EXPECT_EQ(ah[2], 0);
                EXPECT_EQ(ah[3], 0);
                EXPECT_EQ(ReadU32(ah, 4), sa.out->GetSpi());
                EXPECT_EQ(ReadU32(ah, 8), expectedSequence);
                for (size_t i = 12 + integrity.icvBytes; i < headerSize; ++i)
                {
                    EXPECT_EQ(ah[i], 0) << "ICV padding byte " << i;
                }
                EXPECT_TRUE(std::equal(payload.begin(), payload.end(), ah.begin() + headerSize));

                uint32_t spi = 0;
                ASSERT_TRUE(IpsecAhTransform::PeekSpi(packet, &spi));
                EXPECT_EQ(spi, sa.out->GetSpi());

                IpsecUnprotectResult result = Deliver(*sa.in, ipv6, Datagram(ipv6, packet));
                ASSERT_TRUE(result.accepted) << result.reason;
                EXPECT_EQ(result.nextHeader, NEXT_HEADER_IPV4);
                EXPECT_EQ(result.sequence, expectedSequence);
                ASSERT_NE(result.payload, nullptr);
                EXPECT_EQ(BytesOf(result.payload), payload);
            }
            EXPECT_EQ(sa.in->GetReplayWindow().GetHighest(), expectedSequence);
        }
    }
}

TEST(IpsecAhTransform, MutableHeaderFieldsMayChangeInTransit)
{
    for (const auto& integrity : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        for (bool ipv6 : {false, true})
        {
            SCOPED_TRACE(std::string(integrity.name) + " " + FamilyName(ipv6));
            SaPair sa = MakePair(integrity, ipv6);
            for (const Mutation& change : ipv6 ? MutableIpv6Changes() : MutableIpv4Changes())
            {
                SCOPED_TRACE(change.name);
                Ptr<Packet> packet = MustProtect(*sa.out, ipv6, Pattern(64, 9));
                ASSERT_NE(packet, nullptr);
                CryptoBytes datagram = Datagram(ipv6, packet);
                const CryptoBytes original = datagram;
                change.apply(datagram);
                ASSERT_NE(datagram, original) << "the change changed nothing";
                IpsecUnprotectResult result = Deliver(*sa.in, ipv6, datagram);
                EXPECT_TRUE(result.accepted) << result.reason;
            }
        }
    }
}

TEST(IpsecAhTransform, ImmutableFieldsAndTheAhHeaderAndPayloadAreAuthenticated)
{
    for (const auto& integrity : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        for (bool ipv6 : {false, true})
        {
            SCOPED_TRACE(std::string(integrity.name) + " " + FamilyName(ipv6));
            SaPair sa = MakePair(integrity, ipv6);
            const size_t ahOffset = ipv6 ? IPV6_BYTES : IPV4_BYTES;
            const size_t headerSize = IpsecAhTransform::GetHeaderSize(*sa.out, ipv6);
            for (const auto& [change, reason] :
                 ImmutableChanges(ipv6, ahOffset, headerSize, integrity.icvBytes))
            {
                SCOPED_TRACE(change.name);
                Ptr<Packet> packet = MustProtect(*sa.out, ipv6, Pattern(64, 1));
                ASSERT_NE(packet, nullptr);
                const CryptoBytes original = Datagram(ipv6, packet);
                CryptoBytes datagram = original;
                change.apply(datagram);
                const uint64_t highest = sa.in->GetReplayWindow().GetHighest();
                EXPECT_EQ(Deliver(*sa.in, ipv6, datagram).reason, reason);
                // A rejected packet must not move the window: the genuine one still passes.
                EXPECT_EQ(sa.in->GetReplayWindow().GetHighest(), highest);
                EXPECT_TRUE(Deliver(*sa.in, ipv6, original).accepted);
            }
        }
    }
}

TEST(IpsecAhTransform, EveryFlippedIcvBitIsAnIcvFailure)
{
    for (bool ipv6 : {false, true})
    {
        for (const char* name : {"hmac-sha1-96", "hmac-sha-256-128"})
        {
            SCOPED_TRACE(std::string(name) + " " + FamilyName(ipv6));
            SaPair sa = MakePair(*CryptoAlgorithmTable::FindIntegrity(name), ipv6);
            Ptr<Packet> packet = MustProtect(*sa.out, ipv6, Pattern(40, 2));
            ASSERT_NE(packet, nullptr);
            const CryptoBytes original = Datagram(ipv6, packet);
            const size_t icvStart = (ipv6 ? IPV6_BYTES : IPV4_BYTES) + 12;
            for (size_t bit = 0; bit < 8 * sa.in->GetIcvSize(); ++bit)
            {
                CryptoBytes datagram = original;
                datagram[icvStart + bit / 8] ^= static_cast<uint8_t>(0x80 >> (bit % 8));
                EXPECT_EQ(Deliver(*sa.in, ipv6, datagram).reason, IpsecDropReason::ICV_FAILURE)
                    << "bit " << bit;
            }
            EXPECT_TRUE(Deliver(*sa.in, ipv6, original).accepted);
        }
    }
}

TEST(IpsecAhTransform, ReplaysAreRejectedPerSa)
{
    const CryptoIntegrityAlgorithm& integrity =
        *CryptoAlgorithmTable::FindIntegrity("hmac-sha-256-128");
    for (bool ipv6 : {false, true})
    {
        SCOPED_TRACE(FamilyName(ipv6));
        SaPair first = MakePair(integrity, ipv6, false, 0x1001);
        SaPair second = MakePair(integrity, ipv6, false, 0x1002);

        // The same packet twice: the second is a replay (RFC 4302 section 3.4.3).
        const CryptoBytes one = Datagram(ipv6, MustProtect(*first.out, ipv6, Pattern(30, 4)));
        IpsecUnprotectResult accepted = Deliver(*first.in, ipv6, one);
        ASSERT_TRUE(accepted.accepted) << accepted.reason;
        EXPECT_EQ(accepted.sequence, 1u);
        EXPECT_EQ(Deliver(*first.in, ipv6, one).reason, IpsecDropReason::REPLAY);

        // Sequence number 1 of another SPI is new to that SA's own window.
        const CryptoBytes other = Datagram(ipv6, MustProtect(*second.out, ipv6, Pattern(30, 4)));
        EXPECT_EQ(ReadU32(other, (ipv6 ? IPV6_BYTES : IPV4_BYTES) + 8), 1u);
        EXPECT_TRUE(Deliver(*second.in, ipv6, other).accepted);
        EXPECT_EQ(Deliver(*second.in, ipv6, other).reason, IpsecDropReason::REPLAY);

        // Out of order inside the window is fine once; left of the window is too old.
        std::vector<CryptoBytes> later;
        for (int i = 0; i < 70; ++i)
        {
            later.push_back(Datagram(ipv6, MustProtect(*first.out, ipv6, Pattern(10, i))));
        }
        EXPECT_TRUE(Deliver(*first.in, ipv6, later.back()).accepted); // sequence 71
        EXPECT_TRUE(Deliver(*first.in, ipv6, later[30]).accepted);    // sequence 32
        EXPECT_EQ(Deliver(*first.in, ipv6, later[30]).reason, IpsecDropReason::REPLAY);
        EXPECT_EQ(Deliver(*first.in, ipv6, later[0]).reason, IpsecDropReason::REPLAY_TOO_OLD);
    }
}

TEST(IpsecAhTransform, TruncationAtEveryLengthIsMalformedAndNeverAccepted)
{
    for (const auto& integrity : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        for (bool ipv6 : {false, true})
        {
            SCOPED_TRACE(std::string(integrity.name) + " " + FamilyName(ipv6));
            SaPair sa = MakePair(integrity, ipv6);
            Ptr<Packet> packet = MustProtect(*sa.out, ipv6, Pattern(48, 5));
            ASSERT_NE(packet, nullptr);
            const CryptoBytes original = Datagram(ipv6, packet);
            const size_t ipBytes = ipv6 ? IPV6_BYTES : IPV4_BYTES;
            const size_t headerSize = IpsecAhTransform::GetHeaderSize(*sa.out, ipv6);
            for (size_t length = 0; length < packet->GetSize(); ++length)
            {
                SCOPED_TRACE("AH packet cut to " + std::to_string(length) + " bytes");
                // The IP header still states the original length.
                const CryptoBytes cut(original.begin(), original.begin() + ipBytes + length);
                EXPECT_EQ(Deliver(*sa.in, ipv6, cut).reason, IpsecDropReason::MALFORMED);

                // The same bytes handed over directly, with a header whose length was fixed up
                // to agree: malformed while AH is incomplete, an ICV failure after that.
                Ptr<Packet> rest = Create<Packet>(original.data() + ipBytes, length);
                IpsecUnprotectResult result;
                if (ipv6)
                {
                    Ipv6Header header = SentIpv6Header();
                    header.SetNextHeader(AH);
                    header.SetPayloadLength(length);
                    result = IpsecAhTransform::UnprotectIpv6(*sa.in, header, rest);
                }
                else
                {
                    Ipv4Header header = SentIpv4Header();
                    header.SetProtocol(AH);
                    header.SetPayloadSize(length);
                    result = IpsecAhTransform::UnprotectIpv4(*sa.in, header, rest);
                }
                EXPECT_FALSE(result.accepted);
                EXPECT_EQ(result.reason,
                          length < headerSize ? IpsecDropReason::MALFORMED
                                              : IpsecDropReason::ICV_FAILURE);

                uint32_t spi = 0;
                EXPECT_EQ(IpsecAhTransform::PeekSpi(rest, &spi), length >= 12);
            }
            // Nothing moved the window.
            EXPECT_TRUE(Deliver(*sa.in, ipv6, original).accepted);
        }
    }
}

TEST(IpsecAhTransform, ExtendedSequenceNumberHighBitsAreInTheIcv)
{
    const uint64_t sequence = (uint64_t(1) << 32) + 5;
    for (const auto& integrity : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        for (bool ipv6 : {false, true})
        {
            SCOPED_TRACE(std::string(integrity.name) + " " + FamilyName(ipv6));
            SaPair sa = MakePair(integrity, ipv6, true);
            sa.out->SetLastSequenceNumberForTest(sequence - 1);
            Ptr<Packet> packet = MustProtect(*sa.out, ipv6, Pattern(33, 6));
            ASSERT_NE(packet, nullptr);
            const CryptoBytes datagram = Datagram(ipv6, packet);
            // RFC 4302 section 2.5.1: only the low-order 32 bits travel.
            EXPECT_EQ(ReadU32(datagram, (ipv6 ? IPV6_BYTES : IPV4_BYTES) + 8), 5u);

            // A fresh receiver infers high-order bits 0: the ICV then fails, and the window
            // stays where it was.
            EXPECT_EQ(Deliver(*sa.in, ipv6, datagram).reason, IpsecDropReason::ICV_FAILURE);
            EXPECT_EQ(sa.in->GetReplayWindow().GetHighest(), 0u);

            // A receiver already past 2^32 infers 1 and accepts the full sequence number.
            sa.in->GetReplayWindow().Accept(uint64_t(1) << 32);
            IpsecUnprotectResult result = Deliver(*sa.in, ipv6, datagram);
            ASSERT_TRUE(result.accepted) << result.reason;
            EXPECT_EQ(result.sequence, sequence);
            EXPECT_EQ(sa.in->GetReplayWindow().GetHighest(), sequence);

            // A receiver without ESN does not add the high bits, so it cannot verify either.
            Ptr<IpsecSa> plain = Create<IpsecSa>(
                MakeConfig(integrity, IpsecDirection::INBOUND, ipv6, false, sa.out->GetSpi()));
            EXPECT_EQ(Deliver(*plain, ipv6, datagram).reason, IpsecDropReason::ICV_FAILURE);
        }
    }
}

TEST(IpsecAhTransform, SequenceNumbersDoNotCycle)
{
    const CryptoIntegrityAlgorithm& integrity =
        *CryptoAlgorithmTable::FindIntegrity("hmac-sha1-96");
    for (bool ipv6 : {false, true})
    {
        SCOPED_TRACE(FamilyName(ipv6));
        SaPair sa = MakePair(integrity, ipv6);
        sa.out->SetLastSequenceNumberForTest(0xfffffffe);
        Ptr<Packet> last = MustProtect(*sa.out, ipv6, Pattern(8, 1));
        ASSERT_NE(last, nullptr);
        EXPECT_EQ(ReadU32(BytesOf(last), 8), 0xffffffffu);
        // RFC 4302 section 3.3.2: without ESN the counter MUST NOT wrap to 0.
        IpsecDropReason reason = IpsecDropReason::COUNT;
        Ptr<Packet> next =
            ipv6
                ? IpsecAhTransform::ProtectIpv6(*sa.out, SentIpv6Header(), PacketOf({}), 4, &reason)
                : IpsecAhTransform::ProtectIpv4(*sa.out,
                                                SentIpv4Header(),
                                                PacketOf({}),
                                                4,
                                                &reason);
        EXPECT_EQ(next, nullptr);
        EXPECT_EQ(reason, IpsecDropReason::SEQUENCE_EXHAUSTED);
    }
}

TEST(IpsecAhTransform, OversizedPayloadsAndSasWithoutIntegrityAreRefused)
{
    const CryptoIntegrityAlgorithm& integrity =
        *CryptoAlgorithmTable::FindIntegrity("hmac-sha1-96");
    for (bool ipv6 : {false, true})
    {
        SCOPED_TRACE(FamilyName(ipv6));
        SaPair sa = MakePair(integrity, ipv6);
        const size_t header = IpsecAhTransform::GetHeaderSize(*sa.out, ipv6);
        // The largest payload that fits the 16-bit IPv4 total length / IPv6 payload length.
        const size_t largest = 65535 - header - (ipv6 ? 0 : IPV4_BYTES);
        IpsecDropReason reason = IpsecDropReason::COUNT;
        auto protect = [&](size_t size) {
            Ptr<Packet> payload = Create<Packet>(size);
            return ipv6 ? IpsecAhTransform::ProtectIpv6(*sa.out,
                                                        SentIpv6Header(),
                                                        payload,
                                                        NEXT_HEADER_IPV4,
                                                        &reason)
                        : IpsecAhTransform::ProtectIpv4(*sa.out,
                                                        SentIpv4Header(),
                                                        payload,
                                                        NEXT_HEADER_IPV4,
                                                        &reason);
        };
        EXPECT_EQ(protect(largest + 1), nullptr);
        EXPECT_EQ(reason, IpsecDropReason::MTU_EXCEEDED);
        Ptr<Packet> packet = protect(largest);
        ASSERT_NE(packet, nullptr);
        // The refused packet took no sequence number.
        EXPECT_EQ(ReadU32(BytesOf(packet), 8), 1u);
        EXPECT_TRUE(Deliver(*sa.in, ipv6, Datagram(ipv6, packet)).accepted);
    }

    // An ESP SA (AES-GCM: no integrity transform) handed to AH by mistake.
    IpsecSa::Config config = MakeConfig(integrity, IpsecDirection::OUTBOUND, false, false, 0x777);
    config.protocol = IpsecProtocol::ESP;
    config.encryption = CryptoAlgorithmTable::FindEncryption("aes-128-gcm");
    ASSERT_NE(config.encryption, nullptr);
    config.encryptionKey = Pattern(config.encryption->KeyMaterialBytes(), 1);
    config.integrity = nullptr;
    config.integrityKey = {};
    IpsecSa esp(config);
    IpsecDropReason reason = IpsecDropReason::COUNT;
    EXPECT_EQ(IpsecAhTransform::ProtectIpv4(esp, SentIpv4Header(), PacketOf({1, 2}), 4, &reason),
              nullptr);
    EXPECT_EQ(reason, IpsecDropReason::CRYPTO_ERROR);
    EXPECT_EQ(
        IpsecAhTransform::UnprotectIpv4(esp, SentIpv4Header(), PacketOf(Pattern(40, 0))).reason,
        IpsecDropReason::CRYPTO_ERROR);
}

// The ICV recomputed outside the module: OpenSSL's HMAC() over the bytes RFC 4302 section
// 3.3.3 describes, laid out here field by field, compared with the ICV in the packet.
TEST(IpsecAhTransform, IcvMatchesOpensslHmacOverTheRfc4302Layout)
{
    std::map<std::string, size_t> checked;
    for (const auto& integrity : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        const EVP_MD* digest = ReferenceDigest(integrity.name);
        if (!digest)
        {
            continue;
        }
        for (bool ipv6 : {false, true})
        {
            for (bool esn : {false, true})
            {
                SCOPED_TRACE(std::string(integrity.name) + " " + FamilyName(ipv6) +
                             (esn ? " ESN" : ""));
                SaPair sa = MakePair(integrity, ipv6, esn, 0x01020304);
                const uint64_t sequence = esn ? 0x0000000700000009 : 0x00000009;
                sa.out->SetLastSequenceNumberForTest(sequence - 1);
                const CryptoBytes payload = Pattern(45, 0x33);
                Ptr<Packet> packet = MustProtect(*sa.out, ipv6, payload);
                ASSERT_NE(packet, nullptr);
                const CryptoBytes ah = BytesOf(packet);

                const size_t icvBytes = integrity.icvBytes;
                const size_t headerSize = ExpectedHeaderSize(integrity, ipv6);
                ASSERT_EQ(ah.size(), headerSize + payload.size());

                CryptoBytes covered;
                if (ipv6)
                {
                    // RFC 4302 3.3.3.1.2.1, field by field.
                    covered = CryptoConcat({
                        CryptoFromHex("60000000"), // version 6, traffic class 0, flow label 0
                        BigEndian(ah.size(), 2),   // payload length: AH and what follows
                        CryptoFromHex("33"),       // next header 51
                        CryptoFromHex("00"),       // hop limit 0
                        CryptoFromHex("20010db8000100000000000000000001"), // source
                        CryptoFromHex("20010db8000200000000000000000077"), // destination
                    });
                }
                else
                {
                    // RFC 4302 3.3.3.1.1.1, field by field.
                    covered = CryptoConcat({
                        CryptoFromHex("45"),          // version 4, IHL 5
                        CryptoFromHex("00"),          // DSCP and ECN 0
                        BigEndian(20 + ah.size(), 2), // total length
                        CryptoFromHex("beef"),        // identification
                        CryptoFromHex("0000"),        // flags and fragment offset 0
                        CryptoFromHex("00"),          // TTL 0
                        CryptoFromHex("33"),          // protocol 51
                        CryptoFromHex("0000"),        // header checksum 0
                        CryptoFromHex("c0000201"),    // source 192.0.2.1
                        CryptoFromHex("c6336407"),    // destination 198.51.100.7
                    });
                }
                // RFC 4302 section 2; the ICV field is zero for the computation (3.3.3.1) and
                // the padding is as sent (zero).
                const CryptoBytes header = CryptoConcat({
                    CryptoFromHex("04"),              // next header: IPv4
                    BigEndian(headerSize / 4 - 2, 1), // payload length
                    CryptoFromHex("0000"),            // reserved
                    CryptoFromHex("01020304"),        // SPI
                    CryptoFromHex("00000009"),        // sequence number, low 32 bits
                });
                covered = CryptoConcat({covered, header, CryptoBytes(headerSize - 12, 0), payload});
                if (esn)
                {
                    // RFC 4302 2.5.1: the high-order 32 bits, after the payload, not sent.
                    covered = CryptoConcat({covered, CryptoFromHex("00000007")});
                }
                const CryptoBytes expected =
                    ReferenceIcv(digest, Pattern(integrity.keyBytes, 0x5a), covered, icvBytes);
                ASSERT_EQ(expected.size(), icvBytes);
                const CryptoBytes actual(ah.begin() + 12, ah.begin() + 12 + icvBytes);
                EXPECT_EQ(CryptoToHex(actual), CryptoToHex(expected));

                // The AH header around the ICV is exactly the hand-made one.
                EXPECT_TRUE(std::equal(header.begin(), header.end(), ah.begin()));
                for (size_t i = 12 + icvBytes; i < headerSize; ++i)
                {
                    EXPECT_EQ(ah[i], 0) << "padding";
                }

                IpsecUnprotectResult result = Deliver(*sa.in, ipv6, Datagram(ipv6, packet));
                if (esn)
                {
                    EXPECT_EQ(result.reason, IpsecDropReason::ICV_FAILURE) << "window at 0";
                    sa.in->GetReplayWindow().Accept(sequence - 1);
                    result = Deliver(*sa.in, ipv6, Datagram(ipv6, packet));
                }
                ASSERT_TRUE(result.accepted) << result.reason;
                EXPECT_EQ(result.sequence, sequence);
                ++checked[integrity.name];
            }
        }
    }
    // At least these two, each over IPv4 and IPv6, with and without ESN.
    EXPECT_EQ(checked["hmac-sha1-96"], 4u);
    EXPECT_EQ(checked["hmac-sha-256-128"], 4u);
}
