/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CONSTANTS_H
#define IKEV2_CONSTANTS_H

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Payload type numbers (RFC 7296 section 3.2, IANA "IKEv2 Payload Types").
 *
 * The underlying type is the wire byte, so a value outside the list (an unknown payload) is
 * still representable.
 */
enum class Ikev2PayloadType : uint8_t
{
    NONE = 0,                        //!< no next payload
    SECURITY_ASSOCIATION = 33,       //!< SA
    KEY_EXCHANGE = 34,               //!< KE
    IDENTIFICATION_INITIATOR = 35,   //!< IDi
    IDENTIFICATION_RESPONDER = 36,   //!< IDr
    CERTIFICATE = 37,                //!< CERT
    CERTIFICATE_REQUEST = 38,        //!< CERTREQ
    AUTHENTICATION = 39,             //!< AUTH
    NONCE = 40,                      //!< Ni, Nr
    NOTIFY = 41,                     //!< N
    DELETE = 42,                     //!< D
    VENDOR_ID = 43,                  //!< V
    TRAFFIC_SELECTOR_INITIATOR = 44, //!< TSi
    TRAFFIC_SELECTOR_RESPONDER = 45, //!< TSr
    ENCRYPTED = 46,                  //!< SK
    CONFIGURATION = 47,              //!< CP (not decoded by this codec)
    EAP = 48,                        //!< EAP (not decoded by this codec)
};

/**
 * \ingroup ipsec
 * \brief Exchange types (RFC 7296 section 3.1).
 */
enum class Ikev2ExchangeType : uint8_t
{
    IKE_SA_INIT = 34,     //!< first exchange: SA, KE, nonces
    IKE_AUTH = 35,        //!< authentication and first Child SA
    CREATE_CHILD_SA = 36, //!< new or rekeyed Child SA, IKE SA rekey
    INFORMATIONAL = 37,   //!< delete, notify, liveness
};

/**
 * \ingroup ipsec
 * \brief Security protocol identifiers of proposals, notifications and deletes (RFC 7296
 * section 3.3.1).
 */
enum class Ikev2ProtocolId : uint8_t
{
    NONE = 0, //!< no SPI (notifications about the IKE SA itself)
    IKE = 1,  //!< the IKE SA
    AH = 2,   //!< an AH Child SA
    ESP = 3,  //!< an ESP Child SA
};

/**
 * \ingroup ipsec
 * \brief Transform types of a proposal (RFC 7296 section 3.3.2).
 */
enum class Ikev2TransformType : uint8_t
{
    ENCRYPTION = 1,                //!< ENCR
    PSEUDO_RANDOM_FUNCTION = 2,    //!< PRF
    INTEGRITY = 3,                 //!< INTEG
    DIFFIE_HELLMAN = 4,            //!< D-H (key exchange method)
    EXTENDED_SEQUENCE_NUMBERS = 5, //!< ESN
};

/**
 * \param type a payload type
 * \return its RFC 7296 notation ("SA", "KE", "IDi", ...) or "UNKNOWN"
 */
const char* Ikev2PayloadTypeName(Ikev2PayloadType type);

/**
 * \param type an exchange type
 * \return its name ("IKE_SA_INIT", ...) or "UNKNOWN"
 */
const char* Ikev2ExchangeTypeName(Ikev2ExchangeType type);

/**
 * \param os output stream
 * \param type a payload type
 * \return os, after writing the name and, for unknown types, the number
 */
std::ostream& operator<<(std::ostream& os, Ikev2PayloadType type);

/**
 * \param os output stream
 * \param type an exchange type
 * \return os, after writing the name and, for unknown types, the number
 */
std::ostream& operator<<(std::ostream& os, Ikev2ExchangeType type);

} // namespace ns3

#endif /* IKEV2_CONSTANTS_H */
