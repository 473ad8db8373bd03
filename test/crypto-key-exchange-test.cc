/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-test-vectors.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-key-exchange.h"
#include "ns3/crypto-modp-key-exchange.h"
#include "ns3/crypto-random.h"
#include "ns3/rng-seed-manager.h"

#include <gtest/gtest.h>
#include <set>
#include <stdexcept>
#include <string>

using namespace ns3;
using ns3::test::HexField;
using ns3::test::LoadVectors;

namespace
{

/// \return bytes without leading zeros (how OpenSSL and the JSON may differ for g or q)
CryptoBytes
StripLeadingZeros(const CryptoBytes& bytes)
{
    size_t first = 0;
    while (first < bytes.size() && bytes[first] == 0)
    {
        ++first;
    }
    return CryptoBytes(bytes.begin() + first, bytes.end());
}

/// \return value left-padded with zeros to size bytes
CryptoBytes
Pad(const CryptoBytes& value, size_t size)
{
    CryptoBytes padded(size - value.size(), 0);
    padded.insert(padded.end(), value.begin(), value.end());
    return padded;
}

/// \return a - b for big-endian numbers of the same length, a >= b
CryptoBytes
Subtract(const CryptoBytes& a, const CryptoBytes& b)
{
    CryptoBytes difference(a.size());
    int borrow = 0;
    for (size_t i = a.size(); i-- > 0;)
    {
        int digit = a[i] - b[i] - borrow;
        borrow = digit < 0 ? 1 : 0;
        difference[i] = static_cast<uint8_t>(digit + 256 * borrow);
    }
    return difference;
}

/// \return a + b for big-endian numbers of the same length, no overflow
CryptoBytes
Add(const CryptoBytes& a, const CryptoBytes& b)
{
    CryptoBytes sum(a.size());
    int carry = 0;
    for (size_t i = a.size(); i-- > 0;)
    {
        int digit = a[i] + b[i] + carry;
        carry = digit >> 8;
        sum[i] = static_cast<uint8_t>(digit);
    }
    return sum;
}

/// \return a CryptoRandom on a fixed stream
Ptr<CryptoRandom>
RandomOnStream(int64_t stream)
{
    Ptr<CryptoRandom> random = CreateObject<CryptoRandom>();
    random->AssignStreams(stream);
    return random;
}

/// \return the prime of a MODP group, padded to the public value length
CryptoBytes
PaddedPrime(const CryptoDhGroup& group)
{
    return Pad(StripLeadingZeros(CryptoModpKeyExchange::GetParameters(group).prime),
               group.publicValueBytes);
}

/**
 * \brief Checks one known-answer vector: both public values from the private values, and the
 * shared secret in both directions.
 */
void
CheckVector(const nlohmann::json& vector,
            const std::string& publicField,
            std::set<uint16_t>& groupsSeen)
{
    const std::string id = vector.at("id").get<std::string>();
    SCOPED_TRACE(id);
    const uint16_t number = vector.at("ike_group").get<uint16_t>();
    groupsSeen.insert(number);
    CryptoKeyExchange initiator(number);
    CryptoKeyExchange responder(number);
    ASSERT_EQ(initiator.SetPrivateValue(HexField(vector, "private_i")), CryptoStatus::OK);
    ASSERT_EQ(responder.SetPrivateValue(HexField(vector, "private_r")), CryptoStatus::OK);
    EXPECT_EQ(CryptoToHex(initiator.GetPublicValue()),
              CryptoToHex(HexField(vector, publicField + "_i")));
    EXPECT_EQ(CryptoToHex(responder.GetPublicValue()),
              CryptoToHex(HexField(vector, publicField + "_r")));

    const std::string expected = CryptoToHex(HexField(vector, "shared_secret"));
    CryptoBytes secretI;
    CryptoBytes secretR;
    ASSERT_EQ(initiator.ComputeSharedSecret(HexField(vector, publicField + "_r"), secretI),
              CryptoStatus::OK);
    ASSERT_EQ(responder.ComputeSharedSecret(HexField(vector, publicField + "_i"), secretR),
              CryptoStatus::OK);
    EXPECT_EQ(CryptoToHex(secretI), expected);
    EXPECT_EQ(CryptoToHex(secretR), expected);
    EXPECT_EQ(secretI.size(), initiator.GetGroup().sharedSecretBytes);
}

} // namespace

TEST(CryptoKeyExchange, ModpParametersFromOpensslMatchPublishedGroups)
{
    std::set<uint16_t> checked;
    for (const auto& entry : LoadVectors("dh_modp_groups.json", "groups"))
    {
        const uint16_t number = entry.at("ike_group").get<uint16_t>();
        SCOPED_TRACE("group " + std::to_string(number));
        const CryptoDhGroup* group = CryptoAlgorithmTable::FindDhGroup(number);
        ASSERT_NE(group, nullptr);
        ASSERT_EQ(group->kind, CryptoKeyExchangeKind::MODP);
        CryptoModpGroupParameters parameters = CryptoModpKeyExchange::GetParameters(*group);
        EXPECT_EQ(CryptoToHex(parameters.prime),
                  CryptoToHex(StripLeadingZeros(HexField(entry, "prime"))));
        EXPECT_EQ(CryptoToHex(parameters.generator),
                  CryptoToHex(StripLeadingZeros(HexField(entry, "generator"))));
        EXPECT_EQ(parameters.prime.size() * 8, entry.at("prime_bits").get<size_t>());
        if (entry.contains("subgroup_order"))
        {
            EXPECT_EQ(CryptoToHex(parameters.subgroupOrder),
                      CryptoToHex(StripLeadingZeros(HexField(entry, "subgroup_order"))));
        }
        else
        {
            EXPECT_TRUE(parameters.subgroupOrder.empty());
        }
        checked.insert(number);
    }
    // every MODP group of the table was compared
    for (const auto& group : CryptoAlgorithmTable::DhGroups())
    {
        if (group.kind == CryptoKeyExchangeKind::MODP)
        {
            EXPECT_EQ(checked.count(group.transformId), 1U) << "group " << group.transformId;
        }
    }
}

TEST(CryptoKeyExchange, KnownAnswerVectorsCoverEveryGroup)
{
    std::set<uint16_t> groupsSeen;
    for (const auto& vector : LoadVectors("dh_modp_groups.json"))
    {
        CheckVector(vector, "public", groupsSeen);
    }
    for (const auto& vector : LoadVectors("ecdh.json"))
    {
        const bool x25519 = vector.at("curve").get<std::string>() == "Curve25519";
        CheckVector(vector, x25519 ? "public" : "ke_payload", groupsSeen);
    }
    for (const auto& group : CryptoAlgorithmTable::DhGroups())
    {
        EXPECT_EQ(groupsSeen.count(group.transformId), 1U)
            << "no known-answer vector for group " << group.transformId;
    }
}

TEST(CryptoKeyExchange, GeneratedKeyPairsAgreeInEveryGroup)
{
    int64_t stream = 100;
    for (const auto& group : CryptoAlgorithmTable::DhGroups())
    {
        SCOPED_TRACE(group.name);
        CryptoKeyExchange alice(group.transformId);
        CryptoKeyExchange bob(group);
        CryptoKeyExchange eve(group.transformId);
        EXPECT_EQ(alice.GetGroup().transformId, group.transformId);
        EXPECT_FALSE(alice.HasKeyPair());
        alice.GenerateKeyPair(*RandomOnStream(stream++));
        bob.GenerateKeyPair(*RandomOnStream(stream++));
        eve.GenerateKeyPair(*RandomOnStream(stream++));
        EXPECT_TRUE(alice.HasKeyPair());
        ASSERT_EQ(alice.GetPublicValue().size(), group.publicValueBytes);
        ASSERT_EQ(bob.GetPublicValue().size(), group.publicValueBytes);
        EXPECT_NE(CryptoToHex(alice.GetPublicValue()), CryptoToHex(bob.GetPublicValue()));
        EXPECT_EQ(alice.ValidatePublicValue(bob.GetPublicValue()), CryptoStatus::OK);

        CryptoBytes aliceSecret;
        CryptoBytes bobSecret;
        CryptoBytes eveSecret;
        ASSERT_EQ(alice.ComputeSharedSecret(bob.GetPublicValue(), aliceSecret), CryptoStatus::OK);
        ASSERT_EQ(bob.ComputeSharedSecret(alice.GetPublicValue(), bobSecret), CryptoStatus::OK);
        ASSERT_EQ(alice.ComputeSharedSecret(eve.GetPublicValue(), eveSecret), CryptoStatus::OK);
        EXPECT_EQ(aliceSecret.size(), group.sharedSecretBytes);
        EXPECT_EQ(CryptoToHex(aliceSecret), CryptoToHex(bobSecret));
        EXPECT_NE(CryptoToHex(aliceSecret), CryptoToHex(eveSecret));
        EXPECT_NE(CryptoToHex(aliceSecret), std::string(2 * group.sharedSecretBytes, '0'));
    }
}

TEST(CryptoKeyExchange, RejectsModpValuesOutOfRangeOrOfWrongLength)
{
    for (const auto& group : CryptoAlgorithmTable::DhGroups())
    {
        if (group.kind != CryptoKeyExchangeKind::MODP)
        {
            continue;
        }
        SCOPED_TRACE(group.name);
        const size_t size = group.publicValueBytes;
        CryptoKeyExchange local(group);
        CryptoKeyExchange peer(group);
        local.GenerateKeyPair(*RandomOnStream(7));
        peer.GenerateKeyPair(*RandomOnStream(8));
        const CryptoBytes& valid = peer.GetPublicValue();
        const CryptoBytes prime = PaddedPrime(group);
        const CryptoBytes one = Pad({1}, size);

        CryptoBytes tooShort(valid.begin() + 1, valid.end());
        CryptoBytes tooLong = valid;
        tooLong.insert(tooLong.begin(), 0); // same number, one byte too many
        const std::vector<std::pair<std::string, CryptoBytes>> bad = {
            {"zero", CryptoBytes(size, 0)},
            {"one", one},
            {"p-1", Subtract(prime, one)},
            {"p", prime},
            {"all ones (> p)", CryptoBytes(size, 0xff)},
            {"too short", tooShort},
            {"too long", tooLong},
            {"empty", CryptoBytes()},
        };
        for (const auto& [what, value] : bad)
        {
            CryptoBytes secret{0xaa};
            EXPECT_EQ(local.ValidatePublicValue(value), CryptoStatus::INVALID_PUBLIC_VALUE) << what;
            EXPECT_EQ(local.ComputeSharedSecret(value, secret), CryptoStatus::INVALID_PUBLIC_VALUE)
                << what;
            EXPECT_EQ(CryptoToHex(secret), "aa") << what << ": secret written on failure";
        }
        // the boundaries just inside the range are accepted by the range test (safe primes)
        if (CryptoModpKeyExchange::GetParameters(group).subgroupOrder.empty())
        {
            EXPECT_EQ(local.ValidatePublicValue(Pad({2}, size)), CryptoStatus::OK);
            EXPECT_EQ(local.ValidatePublicValue(Subtract(prime, Pad({2}, size))), CryptoStatus::OK);
        }
        CryptoBytes secret;
        EXPECT_EQ(local.ComputeSharedSecret(valid, secret), CryptoStatus::OK);
    }
}

TEST(CryptoKeyExchange, RejectsRfc5114ValueOutsideThePrimeOrderSubgroup)
{
    int checked = 0;
    for (const auto& vector : LoadVectors("dh_modp_groups.json"))
    {
        const uint16_t number = vector.at("ike_group").get<uint16_t>();
        const CryptoDhGroup& group = *CryptoAlgorithmTable::FindDhGroup(number);
        if (CryptoModpKeyExchange::GetParameters(group).subgroupOrder.empty())
        {
            continue;
        }
        SCOPED_TRACE(group.name);
        CryptoKeyExchange local(group);
        ASSERT_EQ(local.SetPrivateValue(HexField(vector, "private_i")), CryptoStatus::OK);
        // p - y = -y has order 2q (q is odd), so (p - y)^q = -1: in range, not in the subgroup.
        const CryptoBytes y = HexField(vector, "public_r");
        const CryptoBytes negated = Subtract(PaddedPrime(group), y);
        CryptoBytes secret;
        EXPECT_EQ(local.ValidatePublicValue(y), CryptoStatus::OK);
        EXPECT_EQ(local.ValidatePublicValue(negated), CryptoStatus::INVALID_PUBLIC_VALUE);
        EXPECT_EQ(local.ComputeSharedSecret(negated, secret), CryptoStatus::INVALID_PUBLIC_VALUE);
        // 2 is in range but not a power of g in these groups
        EXPECT_EQ(local.ComputeSharedSecret(Pad({2}, group.publicValueBytes), secret),
                  CryptoStatus::INVALID_PUBLIC_VALUE);
        ++checked;
    }
    EXPECT_EQ(checked, 3);
}

TEST(CryptoKeyExchange, RejectsEcpPointsOffTheCurve)
{
    for (const auto& group : CryptoAlgorithmTable::DhGroups())
    {
        if (group.kind != CryptoKeyExchangeKind::ECP)
        {
            continue;
        }
        SCOPED_TRACE(group.name);
        CryptoKeyExchange local(group);
        CryptoKeyExchange peer(group);
        local.GenerateKeyPair(*RandomOnStream(11));
        peer.GenerateKeyPair(*RandomOnStream(12));
        const CryptoBytes& valid = peer.GetPublicValue();
        CryptoBytes flippedY = valid;
        flippedY.back() ^= 0x01; // lowest bit of y
        CryptoBytes flippedX = valid;
        flippedX[group.publicValueBytes / 2 - 1] ^= 0x01; // lowest bit of x
        CryptoBytes tooLong = valid;
        tooLong.insert(tooLong.begin(), 0x04); // SEC 1 uncompressed form is not IKE's
        const std::vector<std::pair<std::string, CryptoBytes>> bad = {
            {"y bit flipped", flippedY},
            {"x bit flipped", flippedX},
            {"all zeros", CryptoBytes(group.publicValueBytes, 0)},
            {"coordinates >= p", CryptoBytes(group.publicValueBytes, 0xff)},
            {"x only", CryptoBytes(valid.begin(), valid.begin() + group.publicValueBytes / 2)},
            {"with format octet", tooLong},
        };
        for (const auto& [what, value] : bad)
        {
            CryptoBytes secret;
            EXPECT_EQ(local.ValidatePublicValue(value), CryptoStatus::INVALID_PUBLIC_VALUE) << what;
            EXPECT_EQ(local.ComputeSharedSecret(value, secret), CryptoStatus::INVALID_PUBLIC_VALUE)
                << what;
            EXPECT_TRUE(secret.empty()) << what;
        }
        CryptoBytes secret;
        EXPECT_EQ(local.ComputeSharedSecret(valid, secret), CryptoStatus::OK);
    }
}

TEST(CryptoKeyExchange, RejectsEcpCoordinatesNotReducedModP)
{
    // P-521 coordinates take 66 bytes, so y + p (p = 2^521 - 1) still fits: the same point mod p,
    // but not a valid encoding (RFC 6989 section 2.3 wants x and y in [0, p-1]).
    CryptoKeyExchange local(21);
    CryptoKeyExchange peer(21);
    local.GenerateKeyPair(*RandomOnStream(13));
    peer.GenerateKeyPair(*RandomOnStream(14));
    const CryptoBytes& valid = peer.GetPublicValue();
    ASSERT_EQ(valid.size(), 132U);
    CryptoBytes prime(66, 0xff);
    prime[0] = 0x01;
    const CryptoBytes x(valid.begin(), valid.begin() + 66);
    const CryptoBytes y(valid.begin() + 66, valid.end());
    CryptoBytes secret;
    EXPECT_EQ(local.ComputeSharedSecret(CryptoConcat({x, Add(y, prime)}), secret),
              CryptoStatus::INVALID_PUBLIC_VALUE);
    EXPECT_EQ(local.ComputeSharedSecret(CryptoConcat({Add(x, prime), y}), secret),
              CryptoStatus::INVALID_PUBLIC_VALUE);
    // the negated point (x, p - y) is valid and shares x with the secret of (x, y)
    CryptoBytes expected;
    ASSERT_EQ(local.ComputeSharedSecret(valid, expected), CryptoStatus::OK);
    ASSERT_EQ(local.ComputeSharedSecret(CryptoConcat({x, Subtract(prime, y)}), secret),
              CryptoStatus::OK);
    EXPECT_EQ(CryptoToHex(secret), CryptoToHex(expected));
}

TEST(CryptoKeyExchange, RejectsX25519LowOrderPoints)
{
    CryptoKeyExchange local(31);
    local.GenerateKeyPair(*RandomOnStream(21));
    CryptoBytes one(32, 0);
    one[0] = 1;
    const std::vector<std::pair<std::string, CryptoBytes>> bad = {
        {"zero", CryptoBytes(32, 0)},
        {"one", one},
        // a point of order 8 (RFC 7748 section 7 asks for this check; list by D. J. Bernstein)
        {"order 8",
         CryptoFromHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")},
        // p = 2^255 - 19, little-endian: a non-canonical encoding of zero
        {"p", CryptoFromHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")},
        {"too short", CryptoBytes(31, 0x09)},
        {"too long", CryptoBytes(33, 0x09)},
    };
    for (const auto& [what, value] : bad)
    {
        CryptoBytes secret;
        EXPECT_EQ(local.ValidatePublicValue(value), CryptoStatus::INVALID_PUBLIC_VALUE) << what;
        EXPECT_EQ(local.ComputeSharedSecret(value, secret), CryptoStatus::INVALID_PUBLIC_VALUE)
            << what;
        EXPECT_TRUE(secret.empty()) << what;
    }
    // the base point u = 9 is fine
    CryptoBytes basePoint(32, 0);
    basePoint[0] = 9;
    CryptoBytes secret;
    EXPECT_EQ(local.ComputeSharedSecret(basePoint, secret), CryptoStatus::OK);
    EXPECT_EQ(CryptoToHex(secret), CryptoToHex(local.GetPublicValue())); // X25519(k, 9) = public
}

TEST(CryptoKeyExchange, SameStreamGivesSameKeyPairOtherStreamsDiffer)
{
    for (uint16_t number : {14, 24, 19, 21, 31})
    {
        SCOPED_TRACE("group " + std::to_string(number));
        CryptoKeyExchange first(number);
        CryptoKeyExchange second(number);
        CryptoKeyExchange other(number);
        first.GenerateKeyPair(*RandomOnStream(42));
        second.GenerateKeyPair(*RandomOnStream(42));
        other.GenerateKeyPair(*RandomOnStream(43));
        EXPECT_EQ(CryptoToHex(first.GetPublicValue()), CryptoToHex(second.GetPublicValue()));
        EXPECT_NE(CryptoToHex(first.GetPublicValue()), CryptoToHex(other.GetPublicValue()));

        // a new draw from the same random object gives a new key pair
        Ptr<CryptoRandom> random = RandomOnStream(44);
        CryptoKeyExchange again(number);
        again.GenerateKeyPair(*random);
        const CryptoBytes before = again.GetPublicValue();
        again.GenerateKeyPair(*random);
        EXPECT_NE(CryptoToHex(before), CryptoToHex(again.GetPublicValue()));
    }
}

TEST(CryptoKeyExchange, OtherRunGivesOtherKeyPair)
{
    const uint64_t run = RngSeedManager::GetRun();
    CryptoKeyExchange thisRun(19);
    thisRun.GenerateKeyPair(*RandomOnStream(42));
    RngSeedManager::SetRun(run + 1);
    CryptoKeyExchange nextRun(19);
    nextRun.GenerateKeyPair(*RandomOnStream(42));
    RngSeedManager::SetRun(run);
    CryptoKeyExchange thisRunAgain(19);
    thisRunAgain.GenerateKeyPair(*RandomOnStream(42));
    EXPECT_NE(CryptoToHex(thisRun.GetPublicValue()), CryptoToHex(nextRun.GetPublicValue()));
    EXPECT_EQ(CryptoToHex(thisRun.GetPublicValue()), CryptoToHex(thisRunAgain.GetPublicValue()));
}

TEST(CryptoKeyExchange, RejectsBadPrivateValuesAndKeepsThePreviousKeyPair)
{
    struct Case
    {
        uint16_t group;
        CryptoBytes value;
        std::string what;
    };

    const CryptoDhGroup& group24 = *CryptoAlgorithmTable::FindDhGroup(24);
    const CryptoBytes q24 = CryptoModpKeyExchange::GetParameters(group24).subgroupOrder;
    const std::vector<Case> cases = {
        {14, CryptoBytes(), "MODP empty"},
        {14, CryptoBytes(32, 0), "MODP zero"},
        {14, CryptoBytes(257, 1), "MODP longer than p"},
        {14, CryptoBytes(256, 0xff), "MODP above p-2"},
        {24, q24, "RFC 5114 exponent q"},
        {19, CryptoBytes(32, 0), "ECP zero"},
        {19, CryptoBytes(32, 0xff), "ECP above n"},
        {19, CryptoBytes(33, 1), "ECP too long"},
        {31, CryptoBytes(31, 1), "X25519 31 bytes"},
        {31, CryptoBytes(33, 1), "X25519 33 bytes"},
    };
    for (const auto& c : cases)
    {
        CryptoKeyExchange exchange(c.group);
        exchange.GenerateKeyPair(*RandomOnStream(5));
        const CryptoBytes before = exchange.GetPublicValue();
        EXPECT_EQ(exchange.SetPrivateValue(c.value), CryptoStatus::INVALID_KEY) << c.what;
        EXPECT_EQ(CryptoToHex(exchange.GetPublicValue()), CryptoToHex(before)) << c.what;
    }
}

TEST(CryptoKeyExchange, SharedSecretNeedsAKeyPair)
{
    for (uint16_t number : {14, 19, 31})
    {
        CryptoKeyExchange local(number);
        CryptoKeyExchange peer(number);
        peer.GenerateKeyPair(*RandomOnStream(3));
        CryptoBytes secret;
        EXPECT_TRUE(local.GetPublicValue().empty());
        EXPECT_EQ(local.ComputeSharedSecret(peer.GetPublicValue(), secret),
                  CryptoStatus::INVALID_KEY);
        EXPECT_TRUE(secret.empty());
        // validation alone does not need one
        EXPECT_EQ(local.ValidatePublicValue(peer.GetPublicValue()), CryptoStatus::OK);
    }
}

TEST(CryptoKeyExchange, UnknownGroupThrowsNamingItAndTheSupportedGroups)
{
    try
    {
        CryptoKeyExchange exchange(99);
        FAIL() << "group 99 accepted";
    }
    catch (const std::invalid_argument& error)
    {
        const std::string message = error.what();
        EXPECT_NE(message.find("99"), std::string::npos) << message;
        EXPECT_NE(message.find("14 (group14)"), std::string::npos) << message;
        EXPECT_NE(message.find("31 (group31)"), std::string::npos) << message;
    }
    EXPECT_THROW(CryptoKeyExchange(0), std::invalid_argument);
    EXPECT_THROW(CryptoKeyExchange(3), std::invalid_argument); // EC2N, not supported
}
