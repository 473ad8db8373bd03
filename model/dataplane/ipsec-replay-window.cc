/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-replay-window.h"

#include <stdexcept>
#include <string>

namespace ns3
{

namespace
{

/// Bits per bitmap word.
constexpr uint32_t WORD_BITS = 64;

} // namespace

const char*
IpsecReplayVerdictName(IpsecReplayVerdict verdict)
{
    switch (verdict)
    {
    case IpsecReplayVerdict::OK:
        return "OK";
    case IpsecReplayVerdict::REPLAYED:
        return "REPLAYED";
    case IpsecReplayVerdict::TOO_OLD:
        return "TOO_OLD";
    case IpsecReplayVerdict::ZERO:
        return "ZERO";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, IpsecReplayVerdict verdict)
{
    return os << IpsecReplayVerdictName(verdict);
}

IpsecReplayWindow::IpsecReplayWindow(uint32_t windowSize, bool extendedSequenceNumbers)
    : m_windowSize(windowSize),
      m_esn(extendedSequenceNumbers),
      m_highest(0)
{
    if (windowSize > MAX_WINDOW_SIZE)
    {
        throw std::invalid_argument("anti-replay window size " + std::to_string(windowSize) +
                                    " exceeds the maximum " + std::to_string(MAX_WINDOW_SIZE));
    }
    if (windowSize != 0)
    {
        // The W numbers of a window touch at most ceil(W / 64) + 1 words (the first and
        // last words may be partial). With that many slots, two words of one window never
        // share a slot, so a slot whose tag is not the word asked for holds only numbers
        // that have left the window.
        const size_t slots = (windowSize + WORD_BITS - 1) / WORD_BITS + 1;
        // Tags start at 0: slot 0 correctly holds the (empty) word 0, and no other word
        // index maps to a slot whose tag equals it.
        m_bits.assign(slots, 0);
        m_tags.assign(slots, 0);
    }
}

bool
IpsecReplayWindow::InferSequence(uint32_t sequenceLow, uint64_t* sequence) const
{
    // RFC 4303 Appendix A2.2. The guess is relative to the bottom of the window,
    // Tl - W + 1: a low value at or above it belongs to the window's 2^32 block, one below
    // it to the next block. RFC 4303 2.2.1 says a receiver without anti-replay SHOULD NOT
    // negotiate ESN; if it does anyway (W = 0), the guess is the value nearest to the
    // highest, as if W were 2^31.
    const uint32_t window = m_windowSize != 0 ? m_windowSize : uint32_t{1} << 31;
    const uint32_t th = static_cast<uint32_t>(m_highest >> 32);
    const uint32_t tl = static_cast<uint32_t>(m_highest);
    const uint32_t bottom = tl - (window - 1); // Tl - W + 1 modulo 2^32

    if (tl >= window - 1)
    {
        // Case A: the whole window lies in block Th.
        if (sequenceLow >= bottom)
        {
            *sequence = (uint64_t{th} << 32) | sequenceLow;
            return true;
        }
        if (th == UINT32_MAX)
        {
            // Block Th + 1 would need a 65th bit: the sender MUST NOT let its counter
            // cycle (RFC 4303 3.3.3), so this cannot be a legitimate packet.
            *sequence = (uint64_t{th} << 32) | sequenceLow;
            return false;
        }
        *sequence = (uint64_t{th + 1} << 32) | sequenceLow;
        return true;
    }

    // Case B: the window starts in block Th - 1 and ends in block Th.
    if (sequenceLow < bottom)
    {
        *sequence = (uint64_t{th} << 32) | sequenceLow;
        return true;
    }
    if (th == 0)
    {
        // Block -1: early in the SA the left part of the window holds numbers that were
        // never sent (the first packet is 1, RFC 4303 3.3.3).
        *sequence = sequenceLow;
        return false;
    }
    *sequence = (uint64_t{th - 1} << 32) | sequenceLow;
    return true;
}

IpsecReplayWindow::Verdict
IpsecReplayWindow::Check(uint32_t sequenceLow, uint64_t* sequence) const
{
    uint64_t full = sequenceLow;
    bool representable = true;
    if (m_esn)
    {
        representable = InferSequence(sequenceLow, &full);
    }
    if (sequence != nullptr)
    {
        *sequence = full;
    }

    if (m_windowSize == 0)
    {
        // Anti-replay disabled (RFC 4303 3.4.3). The sender may then let its 32-bit
        // counter roll over to 0 (RFC 4303 3.3.3), so not even 0 is rejected.
        return Verdict::OK;
    }
    if (!representable)
    {
        return Verdict::TOO_OLD;
    }
    if (full == 0)
    {
        // RFC 4303 3.3.3: the first packet of an SA carries 1, and with anti-replay the
        // counter MUST NOT cycle, so 0 is never sent.
        return Verdict::ZERO;
    }
    if (full > m_highest)
    {
        return Verdict::OK;
    }
    if (m_highest - full >= m_windowSize)
    {
        // RFC 4303 3.4.3: a packet left of the window MUST be discarded.
        return Verdict::TOO_OLD;
    }
    // RFC 4303 3.4.3: a duplicate inside the window MUST be discarded.
    return IsSeen(full) ? Verdict::REPLAYED : Verdict::OK;
}

void
IpsecReplayWindow::Accept(uint64_t sequence)
{
    if (m_windowSize == 0)
    {
        // Nothing to mark, but ESN inference still needs the highest number.
        if (sequence > m_highest)
        {
            m_highest = sequence;
        }
        return;
    }
    if (sequence == 0)
    {
        return;
    }
    if (sequence > m_highest)
    {
        // Sliding right only moves the top: words that left the window are recognised by
        // their tag and reset when reused, so a jump of any size costs O(1).
        m_highest = sequence;
    }
    else if (m_highest - sequence >= m_windowSize)
    {
        return;
    }

    const uint64_t word = sequence / WORD_BITS;
    const size_t slot = static_cast<size_t>(word % m_bits.size());
    if (m_tags[slot] != word)
    {
        // The slot held a word that has left the window: start this word empty.
        m_tags[slot] = word;
        m_bits[slot] = 0;
    }
    m_bits[slot] |= uint64_t{1} << (sequence % WORD_BITS);
}

bool
IpsecReplayWindow::IsSeen(uint64_t sequence) const
{
    const uint64_t word = sequence / WORD_BITS;
    const size_t slot = static_cast<size_t>(word % m_bits.size());
    // A different tag means the word was never written since it entered the window.
    return m_tags[slot] == word && ((m_bits[slot] >> (sequence % WORD_BITS)) & 1) != 0;
}

uint64_t
IpsecReplayWindow::GetHighest() const
{
    return m_highest;
}

uint32_t
IpsecReplayWindow::GetWindowSize() const
{
    return m_windowSize;
}

bool
IpsecReplayWindow::IsExtendedSequenceNumbers() const
{
    return m_esn;
}

} // namespace ns3
