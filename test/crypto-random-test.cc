/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Reproducibility of the module's random bytes: fixed by ns-3's seed, run and stream.
 */
#include "ns3/crypto-random.h"
#include "ns3/rng-seed-manager.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;

namespace
{

CryptoBytes
BytesFromStream(int64_t stream, size_t size)
{
    Ptr<CryptoRandom> random = CreateObject<CryptoRandom>();
    EXPECT_EQ(random->AssignStreams(stream), 1);
    return random->Generate(size);
}

} // namespace

TEST(CryptoRandom, SameSeedRunAndStreamGiveSameBytes)
{
    EXPECT_EQ(BytesFromStream(7, 1000), BytesFromStream(7, 1000));
    EXPECT_NE(BytesFromStream(7, 1000), BytesFromStream(8, 1000));
}

TEST(CryptoRandom, AnotherRunGivesOtherBytes)
{
    const uint64_t run = RngSeedManager::GetRun();
    CryptoBytes first = BytesFromStream(7, 64);
    RngSeedManager::SetRun(run + 1);
    CryptoBytes second = BytesFromStream(7, 64);
    RngSeedManager::SetRun(run);
    EXPECT_NE(first, second);
    EXPECT_EQ(first, BytesFromStream(7, 64));
}

TEST(CryptoRandom, FillsOddSizesAndLooksUniform)
{
    Ptr<CryptoRandom> random = CreateObject<CryptoRandom>();
    random->AssignStreams(3);
    for (size_t size : {0, 1, 2, 3, 4, 5, 17})
    {
        EXPECT_EQ(random->Generate(size).size(), size);
    }
    // Chi-square of byte values over 256 bins: 255 degrees of freedom, so a good source lies
    // within about 255 +/- 5 * sqrt(510) with overwhelming probability.
    const size_t samples = 256 * 2000;
    CryptoBytes bytes = random->Generate(samples);
    double counts[256] = {};
    for (uint8_t b : bytes)
    {
        counts[b] += 1;
    }
    const double expected = samples / 256.0;
    double chiSquare = 0;
    for (double count : counts)
    {
        chiSquare += (count - expected) * (count - expected) / expected;
    }
    EXPECT_LT(std::abs(chiSquare - 255.0), 5 * std::sqrt(510.0)) << chiSquare;
}
