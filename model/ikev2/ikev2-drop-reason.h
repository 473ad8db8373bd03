/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_DROP_REASON_H
#define IKEV2_DROP_REASON_H

#include <cstddef>
#include <ostream>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Why an Ikev2Daemon dropped a received IKE message without processing it.
 */
enum class Ikev2DropReason
{
    MALFORMED,             //!< the codec refused it (or an SK payload's contents)
    INVALID_MAJOR_VERSION, //!< not IKEv2 (RFC 7296 section 2.5)
    UNKNOWN_SPI,           //!< no IKE SA with that SPI
    OUT_OF_WINDOW,         //!< a request with a message ID neither expected nor just answered
    UNEXPECTED_RESPONSE,   //!< a response to no outstanding request, or of another exchange
    UNPROTECTED,           //!< a message after IKE_SA_INIT without SK payload (RFC 7296 3.14)
    INTEGRITY_FAILURE,     //!< the SK payload's ICV did not verify
    UNSUPPORTED_EXCHANGE,  //!< a request this daemon has no task for
    NOT_IKE,               //!< port 4500 traffic without the non-ESP marker (RFC 3948)
};

/// Number of Ikev2DropReason values.
constexpr size_t IKEV2_DROP_REASON_COUNT = 9;

/// \param reason a reason \return its name, e.g. "unknown-spi"
const char* Ikev2DropReasonName(Ikev2DropReason reason);

/// \param os a stream \param reason a reason \return os
std::ostream& operator<<(std::ostream& os, Ikev2DropReason reason);

} // namespace ns3

#endif /* IKEV2_DROP_REASON_H */
