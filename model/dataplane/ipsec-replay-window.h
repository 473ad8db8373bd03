/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_REPLAY_WINDOW_H
#define IPSEC_REPLAY_WINDOW_H

#include <cstdint>
#include <ostream>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Outcome of the anti-replay check of one inbound ESP or AH packet.
 */
enum class IpsecReplayVerdict
{
    OK,       //!< new and inside (or right of) the window: go on with the ICV check
    REPLAYED, //!< inside the window and already accepted: a duplicate
    TOO_OLD,  //!< left of the window: cannot tell whether it was seen, so it is dropped
    ZERO,     //!< sequence number 0, which a sender never uses (RFC 4303 3.3.3)
};

/**
 * \param verdict a verdict
 * \return its name in upper case, as used in traces and counters
 */
const char* IpsecReplayVerdictName(IpsecReplayVerdict verdict);

/**
 * \param os output stream
 * \param verdict a verdict
 * \return os
 */
std::ostream& operator<<(std::ostream& os, IpsecReplayVerdict verdict);

/**
 * \ingroup ipsec
 * \brief Receiver-side anti-replay window of one inbound SA (RFC 4303 3.4.3 and Appendix A,
 * RFC 4302 3.4.3 for AH).
 *
 * The receiver processes a packet in two phases, because the window MUST be updated only
 * after the integrity check succeeded (RFC 4303 3.4.3), or a forged packet could move it:
 *
 * \code
 *   uint64_t sequence;
 *   if (window.Check(header.GetSequenceNumber(), &sequence) != IpsecReplayVerdict::OK)
 *       drop;                     // before spending time on the ICV
 *   if (!VerifyIcv(packet, sequence >> 32))  // ESN: the high-order bits are in the ICV
 *       drop;
 *   window.Accept(sequence);
 * \endcode
 *
 * With extended sequence numbers (ESN, RFC 4303 2.2.1) only the low-order 32 bits travel in
 * the packet; Check() infers the high-order 32 bits from the window position as in RFC 4303
 * Appendix A2.2. A wrong guess (an attack, or more than 2^32 - W lost packets) makes the ICV
 * check fail, so the window is not moved.
 *
 * A window size of 0 disables the check (every packet is accepted, RFC 4303 3.4.3 lets the
 * receiver turn anti-replay off), but the highest sequence number is still tracked so that
 * the high-order bits of ESN can be inferred.
 *
 * The bitmap is a ring of 64-bit words, each tagged with the absolute word index it holds
 * (the idea of RFC 6479 without its bulk clearing): sliding the window, however far, only
 * changes the highest sequence number, and a stale word is recognised by its tag and reset
 * when it is next written. Check() and Accept() are O(1) for every window size and jump.
 *
 * This is a plain value class: copy it to snapshot a window.
 */
class IpsecReplayWindow
{
  public:
    /// The verdict of Check().
    using Verdict = IpsecReplayVerdict;

    /// Default window size in packets: the Junos default, and the default RFC 4303 3.4.3 says
    /// SHOULD be used (a receiver MUST support at least 32).
    static constexpr uint32_t DEFAULT_WINDOW_SIZE = 64;
    /// Largest window size accepted by the constructor.
    static constexpr uint32_t MAX_WINDOW_SIZE = 65536;

    /**
     * \brief Create an empty window: no packet accepted yet, highest sequence number 0.
     * \param windowSize W, the number of packets the window covers; 0 disables the check;
     *        any value up to MAX_WINDOW_SIZE, not necessarily a multiple of 32
     * \param extendedSequenceNumbers whether the SA uses 64-bit sequence numbers (ESN)
     * \throws std::invalid_argument if windowSize exceeds MAX_WINDOW_SIZE
     */
    explicit IpsecReplayWindow(uint32_t windowSize = DEFAULT_WINDOW_SIZE,
                               bool extendedSequenceNumbers = false);

    /**
     * \brief Phase one: decide whether a received sequence number may be new, without
     * changing the window.
     *
     * \param sequenceLow the 32-bit sequence number field of the ESP or AH header
     * \param[out] sequence the full sequence number: with ESN the 64-bit value inferred as in
     *        RFC 4303 Appendix A2.2 (its high-order 32 bits enter the ICV), otherwise
     *        sequenceLow; written for every verdict (for traces) if not null
     * \return OK if the packet is neither a duplicate nor left of the window (always OK when
     *         the window size is 0), otherwise why it must be dropped
     */
    Verdict Check(uint32_t sequenceLow, uint64_t* sequence) const;

    /**
     * \brief Phase two, after the ICV verified: record a sequence number as received.
     *
     * Marks it seen and, if it is higher than the highest so far, slides the window right.
     * Accepting a number twice is harmless; a number left of the window, or 0, is ignored.
     *
     * \param sequence the full sequence number that Check() returned with verdict OK
     */
    void Accept(uint64_t sequence);

    /**
     * \return the highest sequence number accepted so far, 0 before the first one
     */
    uint64_t GetHighest() const;

    /**
     * \return W, the window size in packets (0: check disabled)
     */
    uint32_t GetWindowSize() const;

    /**
     * \return whether the window infers 64-bit extended sequence numbers
     */
    bool IsExtendedSequenceNumbers() const;

  private:
    /**
     * \brief Infer the full sequence number from its low-order 32 bits (RFC 4303 A2.2).
     * \param sequenceLow the sequence number field of the packet
     * \param[out] sequence the inferred 64-bit sequence number
     * \return false if the inferred high-order bits would leave the 64-bit range (below 0 or
     *         above 2^64 - 1), in which case sequence is the closest representable guess
     */
    bool InferSequence(uint32_t sequenceLow, uint64_t* sequence) const;

    /**
     * \param sequence a sequence number inside the window, at most m_highest
     * \return whether it was accepted already
     */
    bool IsSeen(uint64_t sequence) const;

    uint32_t m_windowSize;        //!< W in packets; 0 disables the check
    bool m_esn;                   //!< whether sequence numbers are 64-bit (ESN)
    uint64_t m_highest;           //!< highest accepted sequence number, 0 before the first
    std::vector<uint64_t> m_bits; //!< ring of bitmap words, bit (s % 64) of word (s / 64) % size
    std::vector<uint64_t> m_tags; //!< absolute word index (s / 64) each ring word holds
};

} // namespace ns3

#endif /* IPSEC_REPLAY_WINDOW_H */
