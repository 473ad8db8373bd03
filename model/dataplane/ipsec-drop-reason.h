/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_DROP_REASON_H
#define IPSEC_DROP_REASON_H

#include "ipsec-replay-window.h"

#include "ns3/crypto-status.h"

#include <cstddef>
#include <ostream>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Why the IPsec data plane discarded a packet: one source of names for the Drop trace
 * and for the counters (in the spirit of Junos `show security ipsec statistics`).
 */
enum class IpsecDropReason
{
    NO_SA,               //!< inbound SPI unknown for (destination, protocol)
    NO_OUTBOUND_SA,      //!< a PROTECT policy matched but no SA is installed for it
    MALFORMED,           //!< too short, bad length or alignment: cannot be an ESP/AH packet
    ICV_FAILURE,         //!< integrity check or AEAD tag failed (wrong key, tampering)
    REPLAY,              //!< sequence number already seen (RFC 4303 section 3.4.3)
    REPLAY_TOO_OLD,      //!< sequence number left of the anti-replay window
    BAD_PADDING,         //!< ESP padding not 1, 2, 3, ... (RFC 4303 section 2.4)
    SELECTOR_MISMATCH,   //!< decrypted packet outside its SA's selectors (RFC 4301 5.2)
    POLICY_DISCARD,      //!< a DISCARD policy matched
    PLAINTEXT_PROTECTED, //!< plaintext arrived where a policy requires protection
    SA_EXPIRED,          //!< the SA reached its hard lifetime
    SEQUENCE_EXHAUSTED,  //!< outbound sequence number would cycle (RFC 4303 3.3.3)
    MTU_EXCEEDED,        //!< too big for the tunnel and must not be fragmented
    NO_ROUTE,            //!< no route to the peer for the protected packet
    DUMMY_PACKET,        //!< next header 59: TFC dummy packet, discarded (RFC 4303 2.6)
    CRYPTO_ERROR,        //!< the crypto layer failed for an internal reason
    COUNT                //!< number of reasons (not a reason)
};

/// Number of drop reasons, for counter arrays.
constexpr size_t IPSEC_DROP_REASON_COUNT = static_cast<size_t>(IpsecDropReason::COUNT);

/**
 * \param reason a drop reason
 * \return its name in lower case with dashes, as in traces and CSV files ("icv-failure")
 */
const char* IpsecDropReasonName(IpsecDropReason reason);

/**
 * \param os output stream
 * \param reason a drop reason
 * \return os
 */
std::ostream& operator<<(std::ostream& os, IpsecDropReason reason);

/**
 * \brief The drop reason for a packet that failed the anti-replay check, the same for ESP and
 * AH (RFC 4303 section 3.4.3, RFC 4302 section 3.4.3).
 * \param verdict what IpsecReplayWindow::Check() said, anything but OK
 * \return REPLAY, REPLAY_TOO_OLD, or MALFORMED for sequence number 0 (no sender uses it)
 */
IpsecDropReason IpsecReplayDropReason(IpsecReplayVerdict verdict);

/**
 * \brief The drop reason for an inbound ESP or AH packet the crypto layer refused.
 * \param status what the ICV check or the decryption returned, anything but OK
 * \return ICV_FAILURE if the ICV or AEAD tag did not verify (a wrong key or a changed packet),
 *         CRYPTO_ERROR for any other failure
 */
IpsecDropReason IpsecCryptoDropReason(CryptoStatus status);

} // namespace ns3

#endif /* IPSEC_DROP_REASON_H */
