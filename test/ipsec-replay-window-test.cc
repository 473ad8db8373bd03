/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Anti-replay window (RFC 4303 3.4.3 and Appendix A): window edges, sliding, ESN inference
 * and a randomized comparison with a plain reference model.
 */
#include "ns3/ipsec-replay-window.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

using namespace ns3;

namespace
{

using Verdict = IpsecReplayVerdict;

constexpr uint64_t TWO_32 = uint64_t{1} << 32;

/// A packet whose ICV verified: Check(), then Accept() if the check passed.
Verdict
Receive(IpsecReplayWindow& window, uint32_t sequenceLow, uint64_t* sequence = nullptr)
{
    uint64_t full = 0;
    Verdict verdict = window.Check(sequenceLow, &full);
    if (verdict == Verdict::OK)
    {
        window.Accept(full);
    }
    if (sequence != nullptr)
    {
        *sequence = full;
    }
    return verdict;
}

/// Check() without caring about the inferred number.
Verdict
CheckOnly(const IpsecReplayWindow& window, uint32_t sequenceLow)
{
    uint64_t full = 0;
    return window.Check(sequenceLow, &full);
}

/// Check() of an ESN window, returning the inferred 64-bit number.
uint64_t
Inferred(const IpsecReplayWindow& window, uint32_t sequenceLow)
{
    uint64_t full = 0;
    window.Check(sequenceLow, &full);
    return full;
}

/**
 * The receiver of RFC 4303 3.4.3 written as plainly as possible: every accepted number in a
 * set, and the highest. Numbers left of the window are pruned now and then to bound memory;
 * they can never be asked about again.
 */
class ReferenceWindow
{
  public:
    explicit ReferenceWindow(uint32_t windowSize)
        : m_windowSize(windowSize)
    {
    }

    Verdict Check(uint64_t sequence) const
    {
        if (m_windowSize == 0)
        {
            return Verdict::OK;
        }
        if (sequence == 0)
        {
            return Verdict::ZERO;
        }
        if (sequence > m_highest)
        {
            return Verdict::OK;
        }
        if (m_highest - sequence >= m_windowSize)
        {
            return Verdict::TOO_OLD;
        }
        return m_seen.count(sequence) != 0 ? Verdict::REPLAYED : Verdict::OK;
    }

    void Accept(uint64_t sequence)
    {
        m_seen.insert(sequence);
        m_highest = std::max(m_highest, sequence);
        if (m_seen.size() > 4 * uint64_t{m_windowSize} + 1000)
        {
            m_seen.erase(m_seen.begin(), m_seen.lower_bound(m_highest - m_windowSize));
        }
    }

    uint64_t GetHighest() const
    {
        return m_highest;
    }

  private:
    uint32_t m_windowSize;
    uint64_t m_highest{0};
    std::set<uint64_t> m_seen;
};

/**
 * Feed the same random arrivals to the window and the reference and compare every verdict.
 * Arrivals are mostly near the highest number (reordering, duplicates, the left edge), with
 * some jumps; one in ten packets that pass the check "fails its ICV" and is not accepted.
 */
void
CompareWithReference(uint32_t windowSize, bool esn, uint64_t start, uint32_t seed)
{
    IpsecReplayWindow window(windowSize, esn);
    ReferenceWindow reference(windowSize);
    std::mt19937_64 random(seed);
    const uint64_t span = windowSize == 0 ? 64 : windowSize;
    // Both start from the same first packet (with ESN, a first packet near 2^32 would be left
    // of the initial window: numbers below 1 do not exist, see EsnAppendixACaseB).
    window.Accept(start);
    reference.Accept(start);
    size_t counts[4] = {0, 0, 0, 0};

    for (int i = 0; i < 100000; ++i)
    {
        const uint64_t highest = reference.GetHighest();
        uint64_t sequence;
        const uint64_t kind = random() % 100;
        if (kind < 50)
        {
            sequence = highest + 1 + random() % 4; // in order, a few losses
        }
        else if (kind < 85)
        {
            sequence = highest - std::min(highest, random() % (span + 8)); // late, edges
        }
        else if (kind < 95)
        {
            sequence = highest - std::min(highest, random() % 8); // recent duplicates
        }
        else if (kind < 99)
        {
            sequence = highest + 1 + random() % (3 * span); // jump past the window
        }
        else
        {
            sequence = highest - std::min(highest, random() % (4 * span)); // very old
        }
        if (!esn)
        {
            sequence &= 0xFFFFFFFF;
        }

        const uint32_t low = static_cast<uint32_t>(sequence);
        uint64_t full = 0;
        const Verdict verdict = window.Check(low, &full);
        const bool leftOfWindow = windowSize != 0 && sequence + windowSize <= highest;
        if (esn && leftOfWindow)
        {
            // RFC 4303 A2.2 places a number left of the window in the next 2^32 block; the
            // ICV check then fails, so the packet is never accepted.
            ASSERT_EQ(full % TWO_32, low);
            ASSERT_GT(full, highest) << "arrival " << i;
            continue;
        }
        if (esn)
        {
            ASSERT_EQ(full, sequence) << "arrival " << i << " highest " << highest;
        }
        const Verdict expected = reference.Check(sequence);
        ASSERT_EQ(verdict, expected) << "arrival " << i << " sequence " << sequence << " highest "
                                     << highest << " W " << windowSize;
        ++counts[static_cast<int>(verdict)];
        if (verdict == Verdict::OK && random() % 10 != 0)
        {
            window.Accept(full);
            reference.Accept(full);
        }
        ASSERT_EQ(window.GetHighest(), reference.GetHighest());
    }
    // The mix must actually exercise every outcome the window can give.
    EXPECT_GT(counts[static_cast<int>(Verdict::OK)], 1000u);
    if (windowSize != 0)
    {
        EXPECT_GT(counts[static_cast<int>(Verdict::REPLAYED)], 1000u);
        if (!esn)
        {
            EXPECT_GT(counts[static_cast<int>(Verdict::TOO_OLD)], 100u);
        }
    }
}

} // namespace

TEST(IpsecReplayWindow, DefaultsAndOptions)
{
    IpsecReplayWindow window;
    EXPECT_EQ(window.GetWindowSize(), 64u); // Junos default
    EXPECT_FALSE(window.IsExtendedSequenceNumbers());
    EXPECT_EQ(window.GetHighest(), 0u);

    IpsecReplayWindow esn(100, true);
    EXPECT_EQ(esn.GetWindowSize(), 100u);
    EXPECT_TRUE(esn.IsExtendedSequenceNumbers());

    EXPECT_NO_THROW(IpsecReplayWindow{IpsecReplayWindow::MAX_WINDOW_SIZE});
    EXPECT_THROW(IpsecReplayWindow{IpsecReplayWindow::MAX_WINDOW_SIZE + 1}, std::invalid_argument);
}

TEST(IpsecReplayWindow, VerdictNames)
{
    EXPECT_STREQ(IpsecReplayVerdictName(Verdict::OK), "OK");
    EXPECT_STREQ(IpsecReplayVerdictName(Verdict::REPLAYED), "REPLAYED");
    EXPECT_STREQ(IpsecReplayVerdictName(Verdict::TOO_OLD), "TOO_OLD");
    EXPECT_STREQ(IpsecReplayVerdictName(Verdict::ZERO), "ZERO");
    std::ostringstream os;
    os << Verdict::TOO_OLD;
    EXPECT_EQ(os.str(), "TOO_OLD");
}

TEST(IpsecReplayWindow, FirstPacket)
{
    IpsecReplayWindow window;
    uint64_t sequence = 0;
    EXPECT_EQ(window.Check(1, &sequence), Verdict::OK);
    EXPECT_EQ(sequence, 1u);
    window.Accept(sequence);
    EXPECT_EQ(window.GetHighest(), 1u);
    EXPECT_EQ(CheckOnly(window, 1), Verdict::REPLAYED);

    // Earlier packets may have been lost: the first one to arrive may be any number.
    IpsecReplayWindow late;
    EXPECT_EQ(Receive(late, 5000), Verdict::OK);
    EXPECT_EQ(late.GetHighest(), 5000u);
    EXPECT_EQ(CheckOnly(late, 4937), Verdict::OK);
    EXPECT_EQ(CheckOnly(late, 4936), Verdict::TOO_OLD);
}

TEST(IpsecReplayWindow, InOrderStream)
{
    IpsecReplayWindow window;
    for (uint32_t s = 1; s <= 10000; ++s)
    {
        ASSERT_EQ(Receive(window, s), Verdict::OK) << s;
        ASSERT_EQ(window.GetHighest(), s);
    }
    // The last 64 are remembered, the one before them is outside.
    for (uint32_t s = 10000 - 63; s <= 10000; ++s)
    {
        EXPECT_EQ(CheckOnly(window, s), Verdict::REPLAYED) << s;
    }
    EXPECT_EQ(CheckOnly(window, 10000 - 64), Verdict::TOO_OLD);
    EXPECT_EQ(CheckOnly(window, 10001), Verdict::OK);
}

TEST(IpsecReplayWindow, DuplicatesRejected)
{
    IpsecReplayWindow window;
    for (uint32_t s : {1u, 2u, 3u, 7u, 5u})
    {
        ASSERT_EQ(Receive(window, s), Verdict::OK);
    }
    for (uint32_t s : {1u, 2u, 3u, 5u, 7u})
    {
        EXPECT_EQ(Receive(window, s), Verdict::REPLAYED) << s;
    }
    EXPECT_EQ(Receive(window, 4), Verdict::OK);
    EXPECT_EQ(Receive(window, 6), Verdict::OK);
    EXPECT_EQ(Receive(window, 4), Verdict::REPLAYED);
    EXPECT_EQ(window.GetHighest(), 7u);
}

TEST(IpsecReplayWindow, OutOfOrderWithinWindowAcceptedOnce)
{
    IpsecReplayWindow window(64);
    ASSERT_EQ(Receive(window, 100), Verdict::OK);
    // Every late packet of the window passes once, in any order, and never moves the top.
    for (uint32_t s = 99; s >= 37; s -= 2)
    {
        EXPECT_EQ(Receive(window, s), Verdict::OK) << s;
    }
    for (uint32_t s = 38; s <= 98; s += 2)
    {
        EXPECT_EQ(Receive(window, s), Verdict::OK) << s;
    }
    EXPECT_EQ(window.GetHighest(), 100u);
    for (uint32_t s = 37; s <= 100; ++s)
    {
        EXPECT_EQ(CheckOnly(window, s), Verdict::REPLAYED) << s;
    }
}

TEST(IpsecReplayWindow, LeftEdgeExactly)
{
    // RFC 4303 3.4.3: the window covers highest - W + 1 .. highest.
    IpsecReplayWindow window(64);
    ASSERT_EQ(Receive(window, 1000), Verdict::OK);
    EXPECT_EQ(CheckOnly(window, 1000 - 64 + 1), Verdict::OK);
    EXPECT_EQ(CheckOnly(window, 1000 - 64), Verdict::TOO_OLD);
    EXPECT_EQ(Receive(window, 937), Verdict::OK);
    EXPECT_EQ(CheckOnly(window, 937), Verdict::REPLAYED);

    // One step right: 937 leaves the window and becomes too old, not "replayed".
    ASSERT_EQ(Receive(window, 1001), Verdict::OK);
    EXPECT_EQ(CheckOnly(window, 937), Verdict::TOO_OLD);
    EXPECT_EQ(CheckOnly(window, 938), Verdict::OK);
}

TEST(IpsecReplayWindow, AcceptLeftOfWindowIsIgnored)
{
    // A caller that accepts a number left of the window must not disturb the numbers in it
    // (with a ring bitmap the old number's word shares a slot with a word of the window).
    for (uint32_t w : {32u, 64u, 100u})
    {
        IpsecReplayWindow window(w);
        const uint32_t top = 10 * w + 37;
        for (uint32_t s = top - w + 1; s <= top; ++s)
        {
            window.Accept(s);
        }
        for (uint32_t old = 1; old <= top - w; ++old)
        {
            window.Accept(old);
        }
        EXPECT_EQ(window.GetHighest(), top);
        for (uint32_t s = top - w + 1; s <= top; ++s)
        {
            ASSERT_EQ(CheckOnly(window, s), Verdict::REPLAYED) << "W " << w << " s " << s;
        }
        EXPECT_EQ(CheckOnly(window, top - w), Verdict::TOO_OLD);
    }
}

TEST(IpsecReplayWindow, BigJumpThenOldRejected)
{
    IpsecReplayWindow window(64);
    for (uint32_t s = 1; s <= 50; ++s)
    {
        ASSERT_EQ(Receive(window, s), Verdict::OK);
    }
    ASSERT_EQ(Receive(window, 50 + 64 + 1000), Verdict::OK);
    EXPECT_EQ(window.GetHighest(), 1114u);
    for (uint32_t s = 1; s <= 50; ++s)
    {
        EXPECT_EQ(CheckOnly(window, s), Verdict::TOO_OLD) << s;
    }
    // The new window holds nothing from before the jump.
    for (uint32_t s = 1114 - 63; s < 1114; ++s)
    {
        EXPECT_EQ(CheckOnly(window, s), Verdict::OK) << s;
    }
}

TEST(IpsecReplayWindow, JumpsNeverLeaveStaleBits)
{
    // After a full window, jump by many distances, including exact multiples of the ring
    // length in bits (where a stale word would alias the new window), and check that the new
    // window holds only the packet that caused the jump.
    for (uint32_t w : {1u, 32u, 64u, 100u, 128u, 4096u})
    {
        for (uint64_t jump : {uint64_t{1},
                              uint64_t{63},
                              uint64_t{64},
                              uint64_t{w},
                              uint64_t{w} + 1,
                              uint64_t{w} + 63,
                              uint64_t{w} + 64,
                              uint64_t{128},
                              uint64_t{192},
                              uint64_t{256},
                              uint64_t{4096 + 64},
                              uint64_t{8192 + 128},
                              uint64_t{1} << 20,
                              uint64_t{1} << 31})
        {
            IpsecReplayWindow window(w);
            const uint64_t top = 3 * uint64_t{w} + 500;
            for (uint64_t s = 1; s <= top; ++s)
            {
                window.Accept(s);
            }
            const uint64_t newTop = top + jump;
            ASSERT_LT(newTop, TWO_32);
            ASSERT_EQ(Receive(window, static_cast<uint32_t>(newTop)), Verdict::OK);
            const uint64_t bottom = newTop - w + 1;
            for (uint64_t s = bottom; s < newTop; ++s)
            {
                const Verdict expected = s <= top ? Verdict::REPLAYED : Verdict::OK;
                ASSERT_EQ(CheckOnly(window, static_cast<uint32_t>(s)), expected)
                    << "W " << w << " jump " << jump << " s " << s;
            }
            ASSERT_EQ(CheckOnly(window, static_cast<uint32_t>(newTop)), Verdict::REPLAYED);
            ASSERT_EQ(CheckOnly(window, static_cast<uint32_t>(bottom - 1)), Verdict::TOO_OLD);
        }
    }
}

TEST(IpsecReplayWindow, ZeroWindowAcceptsEverything)
{
    IpsecReplayWindow window(0);
    EXPECT_EQ(Receive(window, 10), Verdict::OK);
    EXPECT_EQ(Receive(window, 10), Verdict::OK); // duplicate: no check
    EXPECT_EQ(Receive(window, 3), Verdict::OK);  // far left: no check
    EXPECT_EQ(window.GetHighest(), 10u);         // but the highest is still tracked
    EXPECT_EQ(Receive(window, 0xFFFFFFFF), Verdict::OK);
    // RFC 4303 3.3.3: without anti-replay the sender's counter may roll over to 0.
    EXPECT_EQ(Receive(window, 0), Verdict::OK);
    EXPECT_EQ(Receive(window, 1), Verdict::OK);
    EXPECT_EQ(window.GetHighest(), 0xFFFFFFFFu);

    // ESN without anti-replay still infers the high-order bits from the highest number.
    IpsecReplayWindow esn(0, true);
    esn.Accept(TWO_32 - 10);
    uint64_t sequence = 0;
    EXPECT_EQ(Receive(esn, 5, &sequence), Verdict::OK);
    EXPECT_EQ(sequence, TWO_32 + 5);
    EXPECT_EQ(esn.GetHighest(), TWO_32 + 5);
    EXPECT_EQ(Receive(esn, 0xFFFFFFF0, &sequence), Verdict::OK);
    EXPECT_EQ(sequence, TWO_32 - 16);
    EXPECT_EQ(Receive(esn, 0xFFFFFFF0, &sequence), Verdict::OK);
    EXPECT_EQ(esn.GetHighest(), TWO_32 + 5);
}

TEST(IpsecReplayWindow, OddWindowSizesEdges)
{
    for (uint32_t w : {1u, 2u, 31u, 32u, 63u, 65u, 100u, 1000u, 4095u, 4096u, 65535u, 65536u})
    {
        IpsecReplayWindow window(w);
        const uint32_t top = 1000003;
        // Fill the whole window densely, out of order (top first), then check both edges.
        ASSERT_EQ(Receive(window, top), Verdict::OK);
        for (uint32_t s = top - w + 1; s < top; ++s)
        {
            ASSERT_EQ(Receive(window, s), Verdict::OK) << "W " << w << " s " << s;
        }
        for (uint32_t s = top - w + 1; s <= top; ++s)
        {
            ASSERT_EQ(CheckOnly(window, s), Verdict::REPLAYED) << "W " << w << " s " << s;
        }
        EXPECT_EQ(CheckOnly(window, top - w), Verdict::TOO_OLD) << "W " << w;
        EXPECT_EQ(CheckOnly(window, top + 1), Verdict::OK) << "W " << w;

        // Slide by one: the old left edge drops out, everything else is still remembered.
        ASSERT_EQ(Receive(window, top + 1), Verdict::OK);
        EXPECT_EQ(CheckOnly(window, top - w + 1), Verdict::TOO_OLD) << "W " << w;
        EXPECT_EQ(CheckOnly(window, top - w + 2), Verdict::REPLAYED) << "W " << w;
        EXPECT_EQ(CheckOnly(window, top + 1), Verdict::REPLAYED) << "W " << w;
        if (w < 2)
        {
            continue;
        }

        // Slide by W - 1: top + 1 is now the left edge, top is out, the rest never arrived.
        const uint32_t far = top + w;
        ASSERT_EQ(Receive(window, far), Verdict::OK);
        EXPECT_EQ(CheckOnly(window, top + 1), Verdict::REPLAYED) << "W " << w;
        EXPECT_EQ(CheckOnly(window, top), Verdict::TOO_OLD) << "W " << w;
        for (uint32_t s = top + 2; s < far; ++s)
        {
            ASSERT_EQ(CheckOnly(window, s), Verdict::OK) << "W " << w << " s " << s;
        }
    }
}

TEST(IpsecReplayWindow, SequenceZeroRejected)
{
    // RFC 4303 3.3.3: the first packet is 1 and the counter never cycles with anti-replay.
    IpsecReplayWindow window;
    EXPECT_EQ(CheckOnly(window, 0), Verdict::ZERO);
    ASSERT_EQ(Receive(window, 5), Verdict::OK);
    EXPECT_EQ(CheckOnly(window, 0), Verdict::ZERO);
    window.Accept(0); // ignored, even if a caller tried
    EXPECT_EQ(window.GetHighest(), 5u);
    EXPECT_EQ(CheckOnly(window, 0), Verdict::ZERO);

    // With ESN a full sequence number of 0 is rejected the same way ...
    IpsecReplayWindow esn(64, true);
    uint64_t sequence = 1;
    EXPECT_EQ(esn.Check(0, &sequence), Verdict::ZERO);
    EXPECT_EQ(sequence, 0u);
    // ... but a low-order 0 is legitimate once the counter passes 2^32.
    esn.Accept(TWO_32 - 1);
    EXPECT_EQ(esn.Check(0, &sequence), Verdict::OK);
    EXPECT_EQ(sequence, TWO_32);
}

TEST(IpsecReplayWindow, EsnInferenceAcrossBoundary)
{
    IpsecReplayWindow window(64, true);
    window.Accept(TWO_32 - 10);
    ASSERT_EQ(window.GetHighest(), TWO_32 - 10);

    // The counter crossed 2^32 at the sender: low 5 is 2^32 + 5.
    uint64_t sequence = 0;
    EXPECT_EQ(Receive(window, 5, &sequence), Verdict::OK);
    EXPECT_EQ(sequence, TWO_32 + 5);
    EXPECT_EQ(window.GetHighest(), TWO_32 + 5);

    // A late packet from before the crossing is placed in the previous block.
    EXPECT_EQ(Receive(window, 0xFFFFFFF8, &sequence), Verdict::OK);
    EXPECT_EQ(sequence, TWO_32 - 8);
    EXPECT_EQ(window.GetHighest(), TWO_32 + 5);
    EXPECT_EQ(Receive(window, 0xFFFFFFF8, &sequence), Verdict::REPLAYED);
    EXPECT_EQ(sequence, TWO_32 - 8);
    EXPECT_EQ(CheckOnly(window, 0xFFFFFFF6), Verdict::REPLAYED); // 2^32 - 10, the first one
    EXPECT_EQ(CheckOnly(window, 5), Verdict::REPLAYED);
    EXPECT_EQ(CheckOnly(window, 0), Verdict::OK); // 2^32 itself was never received
}

TEST(IpsecReplayWindow, EsnAppendixACaseA)
{
    // Case A (Tl >= W - 1): the window lies within one block; below its bottom means Th + 1.
    IpsecReplayWindow window(64, true);
    const uint64_t highest = 3 * TWO_32 + 1000;
    window.Accept(highest);
    EXPECT_EQ(Inferred(window, 1000), highest);
    EXPECT_EQ(Inferred(window, 937), 3 * TWO_32 + 937);      // Tl - W + 1: bottom of window
    EXPECT_EQ(Inferred(window, 936), 4 * TWO_32 + 936);      // just below: next block
    EXPECT_EQ(Inferred(window, 0xFFFFFFFF), 4 * TWO_32 - 1); // ahead in this block
    EXPECT_EQ(CheckOnly(window, 937), Verdict::OK);
    EXPECT_EQ(CheckOnly(window, 1000), Verdict::REPLAYED);
    // With ESN a number left of the window is not "too old": A2.2 puts it 2^32 ahead and the
    // ICV check, not the window, rejects it.
    EXPECT_EQ(CheckOnly(window, 936), Verdict::OK);

    // Tl = W - 1 exactly is still case A: the window is 0 .. W - 1 of block Th.
    IpsecReplayWindow edge(64, true);
    edge.Accept(2 * TWO_32 + 63);
    EXPECT_EQ(Inferred(edge, 0), 2 * TWO_32);
    EXPECT_EQ(Inferred(edge, 0xFFFFFFFF), 3 * TWO_32 - 1);
}

TEST(IpsecReplayWindow, EsnAppendixACaseB)
{
    // Case B (Tl < W - 1): the window straddles the block boundary; its lower part belongs to
    // block Th - 1.
    IpsecReplayWindow window(64, true);
    const uint64_t highest = 2 * TWO_32 + 10;
    window.Accept(highest);
    const uint32_t bottomLow = static_cast<uint32_t>(10 - 64 + 1); // Tl - W + 1 mod 2^32
    EXPECT_EQ(bottomLow, 0xFFFFFFCBu);
    EXPECT_EQ(Inferred(window, bottomLow), 2 * TWO_32 - 53); // bottom: previous block
    EXPECT_EQ(Inferred(window, 0xFFFFFFFF), 2 * TWO_32 - 1);
    EXPECT_EQ(Inferred(window, 0), 2 * TWO_32);                  // this block
    EXPECT_EQ(Inferred(window, 11), 2 * TWO_32 + 11);            // ahead
    EXPECT_EQ(Inferred(window, bottomLow - 1), 3 * TWO_32 - 54); // far ahead, below bottom
    EXPECT_EQ(CheckOnly(window, bottomLow), Verdict::OK);

    // Fill the window across the boundary, then every number in it is a replay.
    for (uint64_t s = highest - 63; s < highest; ++s)
    {
        ASSERT_EQ(Receive(window, static_cast<uint32_t>(s)), Verdict::OK) << s;
    }
    for (uint64_t s = highest - 63; s <= highest; ++s)
    {
        uint64_t sequence = 0;
        EXPECT_EQ(window.Check(static_cast<uint32_t>(s), &sequence), Verdict::REPLAYED) << s;
        EXPECT_EQ(sequence, s);
    }
    EXPECT_EQ(window.GetHighest(), highest);

    // Odd W: the same straddling with W = 100.
    IpsecReplayWindow odd(100, true);
    odd.Accept(TWO_32 + 40);
    EXPECT_EQ(Inferred(odd, static_cast<uint32_t>(40 - 99)), TWO_32 + 40 - 99);
    EXPECT_EQ(Inferred(odd, static_cast<uint32_t>(40 - 100)), 2 * TWO_32 + 40 - 100);

    // Early in the SA (Th = 0) there is no block -1: the window's left part was never sent.
    IpsecReplayWindow early(64, true);
    early.Accept(10);
    EXPECT_EQ(CheckOnly(early, 0xFFFFFFF0), Verdict::TOO_OLD);
    EXPECT_EQ(CheckOnly(early, 9), Verdict::OK);
    EXPECT_EQ(CheckOnly(early, 0xFFFFFFCA), Verdict::OK); // below the bottom: far ahead
    EXPECT_EQ(Inferred(early, 0xFFFFFFCA), uint64_t{0xFFFFFFCA});
}

TEST(IpsecReplayWindow, WithoutEsnWrapIsNeverAccepted)
{
    // Without ESN the numbers are 32-bit and MUST NOT cycle (RFC 4303 3.3.3): after
    // 2^32 - 1, a small low value is an old packet or a replay, never a new one.
    IpsecReplayWindow window(64, false);
    ASSERT_EQ(Receive(window, 0xFFFFFFF0), Verdict::OK);
    ASSERT_EQ(Receive(window, 0xFFFFFFFF), Verdict::OK);
    uint64_t sequence = 0;
    EXPECT_EQ(window.Check(5, &sequence), Verdict::TOO_OLD);
    EXPECT_EQ(sequence, 5u); // no high-order bits are invented
    EXPECT_EQ(window.Check(0, &sequence), Verdict::ZERO);
    EXPECT_EQ(window.Check(0xFFFFFFFF, &sequence), Verdict::REPLAYED);
    EXPECT_EQ(sequence, 0xFFFFFFFFu);
    EXPECT_EQ(window.Check(0xFFFFFFF0, &sequence), Verdict::REPLAYED);
    EXPECT_EQ(window.Check(0xFFFFFFC0, &sequence), Verdict::OK); // 2^32 - 64, left edge
    EXPECT_EQ(window.Check(0xFFFFFFBF, &sequence), Verdict::TOO_OLD);
    EXPECT_EQ(window.GetHighest(), 0xFFFFFFFFu);

    // A small window low in the space: a wrapped value is left of it too.
    IpsecReplayWindow small(64, false);
    ASSERT_EQ(Receive(small, 0xFFFFFFFF), Verdict::OK);
    EXPECT_EQ(CheckOnly(small, 63), Verdict::TOO_OLD);
    EXPECT_EQ(small.GetHighest(), 0xFFFFFFFFu);
}

TEST(IpsecReplayWindow, CheckDoesNotChangeState)
{
    IpsecReplayWindow window(64, true);
    window.Accept(TWO_32 - 10);
    const IpsecReplayWindow before = window;
    uint64_t first = 0;
    uint64_t second = 0;
    for (uint32_t low : {0u, 5u, 0xFFFFFFF6u, 0xFFFFFFF8u, 0xFFFFFF00u, 0x80000000u})
    {
        const Verdict verdict = window.Check(low, &first);
        EXPECT_EQ(window.Check(low, &second), verdict) << low;
        EXPECT_EQ(first, second);
        EXPECT_EQ(window.GetHighest(), TWO_32 - 10);
    }
    // The null output pointer is allowed too.
    EXPECT_EQ(window.Check(0xFFFFFFF6, nullptr), Verdict::REPLAYED);

    // Only Accept() moves the window.
    EXPECT_EQ(window.Check(5, &first), Verdict::OK);
    window.Accept(first);
    EXPECT_EQ(window.Check(5, &second), Verdict::REPLAYED);
    EXPECT_EQ(window.GetHighest(), TWO_32 + 5);
    // ... and the copy taken before is untouched: copies are independent values.
    EXPECT_EQ(before.GetHighest(), TWO_32 - 10);
    EXPECT_EQ(before.Check(5, &second), Verdict::OK);
    EXPECT_EQ(second, TWO_32 + 5);
}

TEST(IpsecReplayWindow, CopyIsIndependent)
{
    IpsecReplayWindow original(100);
    ASSERT_EQ(Receive(original, 50), Verdict::OK);
    IpsecReplayWindow copy = original;
    ASSERT_EQ(Receive(copy, 49), Verdict::OK);
    ASSERT_EQ(Receive(copy, 500), Verdict::OK);
    EXPECT_EQ(CheckOnly(original, 49), Verdict::OK);
    EXPECT_EQ(original.GetHighest(), 50u);
    EXPECT_EQ(copy.GetHighest(), 500u);
    original = copy;
    EXPECT_EQ(original.GetHighest(), 500u);
    EXPECT_EQ(CheckOnly(original, 50), Verdict::TOO_OLD);
    EXPECT_EQ(original.GetWindowSize(), 100u);
}

TEST(IpsecReplayWindow, LargeJumpsWithLargeWindow)
{
    // W = 65536 and a million jumps bigger than the window: each must still work (this would
    // also take minutes if a slide shifted or cleared bit by bit).
    IpsecReplayWindow window(65536, true);
    uint64_t sequence = 1;
    for (int i = 0; i < 1000000; ++i)
    {
        uint64_t full = 0;
        ASSERT_EQ(window.Check(static_cast<uint32_t>(sequence), &full), Verdict::OK);
        ASSERT_EQ(full, sequence);
        window.Accept(full);
        sequence += 65537 + (i % 3);
    }
    EXPECT_GT(window.GetHighest(), TWO_32); // crossed at least one 2^32 boundary
    EXPECT_EQ(CheckOnly(window, static_cast<uint32_t>(window.GetHighest())), Verdict::REPLAYED);
    EXPECT_EQ(CheckOnly(window, static_cast<uint32_t>(window.GetHighest() - 1)), Verdict::OK);
}

TEST(IpsecReplayWindow, RandomizedAgainstReference)
{
    uint32_t seed = 1;
    for (uint32_t w : {1u, 32u, 64u, 100u, 1000u, 4096u, 65536u})
    {
        CompareWithReference(w, false, 1, seed++);
    }
}

TEST(IpsecReplayWindow, RandomizedAgainstReferenceNearTheTop)
{
    // Without ESN, a stream running into 2^32 - 1: nothing wraps.
    uint32_t seed = 100;
    for (uint32_t w : {64u, 100u, 4096u})
    {
        CompareWithReference(w, false, TWO_32 - 50000, seed++);
    }
}

TEST(IpsecReplayWindow, RandomizedAgainstReferenceEsn)
{
    // With ESN, starting just below 2^32 and 2^33 so that windows straddle block boundaries;
    // the reference sees the true 64-bit numbers and the window only their low 32 bits.
    uint32_t seed = 200;
    for (uint32_t w : {0u, 1u, 64u, 100u, 4096u, 65536u})
    {
        CompareWithReference(w, true, TWO_32 - 30000, seed++);
        CompareWithReference(w, true, 2 * TWO_32 - 70000, seed++);
    }
}
