/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_NOTIFY_TYPE_H
#define IKEV2_NOTIFY_TYPE_H

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Notify Message Types (RFC 7296 section 3.10.1, plus the few later ones Junos peers
 * send). Types below 16384 are errors, the others status; the underlying type is the wire
 * value, so unlisted types are representable.
 */
enum class Ikev2NotifyType : uint16_t
{
    // Error types (RFC 7296 section 3.10.1)
    UNSUPPORTED_CRITICAL_PAYLOAD = 1, //!< names the payload type in its data
    INVALID_IKE_SPI = 4,              //!< no IKE SA for the SPI
    INVALID_MAJOR_VERSION = 5,        //!< data: the highest supported major version
    INVALID_SYNTAX = 7,               //!< malformed or nonsensical message
    INVALID_MESSAGE_ID = 9,           //!< message ID out of the window
    INVALID_SPI = 11,                 //!< unknown ESP/AH SPI
    NO_PROPOSAL_CHOSEN = 14,          //!< no proposal acceptable
    INVALID_KE_PAYLOAD = 17,          //!< data: the accepted Diffie-Hellman group
    AUTHENTICATION_FAILED = 24,       //!< AUTH did not verify
    SINGLE_PAIR_REQUIRED = 34,        //!< only one selector pair acceptable
    NO_ADDITIONAL_SAS = 35,           //!< no more Child SAs on this IKE SA
    INTERNAL_ADDRESS_FAILURE = 36,    //!< no internal address to assign
    FAILED_CP_REQUIRED = 37,          //!< a configuration payload was required
    TS_UNACCEPTABLE = 38,             //!< traffic selectors not acceptable
    INVALID_SELECTORS = 39,           //!< packet did not match the SA's selectors
    TEMPORARY_FAILURE = 43,           //!< try again later (simultaneous rekey)
    CHILD_SA_NOT_FOUND = 44,          //!< the Child SA to rekey does not exist
    // Status types (RFC 7296 section 3.10.1)
    INITIAL_CONTACT = 16384,               //!< first IKE SA with this peer
    SET_WINDOW_SIZE = 16385,               //!< data: the sender's window size
    ADDITIONAL_TS_POSSIBLE = 16386,        //!< narrowed; more selectors possible
    IPCOMP_SUPPORTED = 16387,              //!< IPComp offered
    NAT_DETECTION_SOURCE_IP = 16388,       //!< hash of SPIs, source address and port
    NAT_DETECTION_DESTINATION_IP = 16389,  //!< hash of SPIs, destination address and port
    COOKIE = 16390,                        //!< anti-DoS cookie
    USE_TRANSPORT_MODE = 16391,            //!< transport mode requested
    HTTP_CERT_LOOKUP_SUPPORTED = 16392,    //!< hash-and-URL certificates accepted
    REKEY_SA = 16393,                      //!< this CREATE_CHILD_SA rekeys the SA in the SPI
    ESP_TFC_PADDING_NOT_SUPPORTED = 16394, //!< no TFC padding on this Child SA
    NON_FIRST_FRAGMENTS_ALSO = 16395,      //!< non-initial fragments on this SA
    // Status types of later RFCs
    MOBIKE_SUPPORTED = 16396,              //!< RFC 4555
    IKEV2_FRAGMENTATION_SUPPORTED = 16430, //!< RFC 7383
    SIGNATURE_HASH_ALGORITHMS = 16431,     //!< RFC 7427
};

/// First status type: lower values are errors (RFC 7296 section 3.10.1).
constexpr uint16_t IKEV2_FIRST_STATUS_NOTIFY = 16384;

/**
 * \param type a notify type
 * \return true for the error types (below 16384)
 */
bool Ikev2NotifyIsError(Ikev2NotifyType type);

/**
 * \param type a notify type
 * \return its name ("NO_PROPOSAL_CHOSEN", ...) or "UNKNOWN"
 */
const char* Ikev2NotifyTypeName(Ikev2NotifyType type);

/**
 * \param os output stream
 * \param type a notify type
 * \return os, after writing the name and, for unknown types, the number
 */
std::ostream& operator<<(std::ostream& os, Ikev2NotifyType type);

} // namespace ns3

#endif /* IKEV2_NOTIFY_TYPE_H */
