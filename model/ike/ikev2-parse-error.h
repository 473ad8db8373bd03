/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_PARSE_ERROR_H
#define IKEV2_PARSE_ERROR_H

#include "ikev2-constants.h"

#include <cstddef>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Why an IKEv2 message, payload chain or SK payload was rejected.
 *
 * The codec never throws on wire input and never asserts on it: every check that can fail on
 * bytes from the network ends in one of these reasons, so that the IKE logic can count the drop
 * and, where the RFC asks for it, answer (INVALID_MAJOR_VERSION, UNSUPPORTED_CRITICAL_PAYLOAD,
 * INVALID_SYNTAX).
 */
enum class Ikev2ParseError
{
    NONE,                         //!< no error: the input was accepted
    TRUNCATED_HEADER,             //!< fewer than 28 bytes for the IKE header
    INVALID_MAJOR_VERSION,        //!< major version not 2 (answer with INVALID_MAJOR_VERSION)
    MESSAGE_LENGTH_MISMATCH,      //!< the header's Length is not the datagram length
    TRUNCATED_PAYLOAD_HEADER,     //!< fewer than 4 bytes left for a generic payload header
    INVALID_PAYLOAD_LENGTH,       //!< Payload Length below 4
    PAYLOAD_LENGTH_PAST_END,      //!< Payload Length reaches beyond the enclosing bytes
    UNSUPPORTED_CRITICAL_PAYLOAD, //!< unknown payload type with the critical bit set
    TOO_MANY_PAYLOADS,            //!< more payloads than the codec accepts in one chain
    TRAILING_BYTES,               //!< bytes after the last payload of a chain
    PAYLOAD_TRAILING_BYTES,       //!< bytes inside a payload after its last field
    TRUNCATED_PAYLOAD_BODY,       //!< a payload too short for its fixed fields
    INVALID_PROPOSAL,             //!< bad proposal substructure (marker, length, number, SPI)
    INVALID_TRANSFORM,            //!< bad transform substructure (marker, length, count)
    INVALID_TRANSFORM_ATTRIBUTE,  //!< bad transform attribute (length, Key Length format)
    INVALID_NONCE_LENGTH,         //!< nonce outside 16..256 bytes
    INVALID_IDENTIFICATION,       //!< identification data of the wrong length for its type
    INVALID_TRAFFIC_SELECTOR,     //!< bad traffic selector (type, length, count)
    INVALID_NOTIFY,               //!< notification SPI size beyond the payload
    INVALID_DELETE,               //!< SPI size or count inconsistent with protocol or length
    ENCRYPTED_PAYLOAD_NOT_LAST,   //!< payloads follow the SK payload
    NESTED_ENCRYPTED_PAYLOAD,     //!< an SK payload inside the decrypted payloads of another
    MISSING_ENCRYPTED_PAYLOAD,    //!< protection expected an SK payload and found none
    INVALID_ENCRYPTED_LENGTH,     //!< SK body too short or ciphertext not whole blocks
    INTEGRITY_CHECK_FAILED,       //!< ICV or AEAD tag did not verify
    INVALID_PADDING,              //!< pad length beyond the decrypted data
    DECRYPTION_FAILED,            //!< the cipher failed for another reason
};

/**
 * \param error a reason
 * \return its name in upper case, as used in logs and counters
 */
const char* Ikev2ParseErrorName(Ikev2ParseError error);

/**
 * \param os output stream
 * \param error a reason
 * \return os
 */
std::ostream& operator<<(std::ostream& os, Ikev2ParseError error);

/**
 * \ingroup ipsec
 * \brief The outcome of parsing: success, or a reason with where it happened.
 *
 * The offset is that of the structure in which the error was found (the IKE header, the
 * generic header of the payload, or the byte after the last payload for TRAILING_BYTES),
 * counted from the start of the parsed bytes (the IKE header for a message, the first
 * decrypted byte for an inner chain). The payload type is the payload being parsed when the
 * error was found; for UNSUPPORTED_CRITICAL_PAYLOAD it is the unknown type the answer must
 * name (RFC 7296 section 2.5).
 */
class Ikev2ParseStatus
{
  public:
    /// Success.
    Ikev2ParseStatus() = default;

    /**
     * \param error the reason (NONE for success)
     * \param offset where in the input it was found
     * \param payloadType the payload being parsed, NONE for the header or the chain itself
     */
    Ikev2ParseStatus(Ikev2ParseError error,
                     size_t offset,
                     Ikev2PayloadType payloadType = Ikev2PayloadType::NONE);

    /// \return true on success
    bool IsOk() const;

    /// \return the reason, NONE on success
    Ikev2ParseError GetError() const;

    /// \return the byte offset at which the error was found
    size_t GetOffset() const;

    /// \return the payload being parsed (the unknown type for UNSUPPORTED_CRITICAL_PAYLOAD)
    Ikev2PayloadType GetPayloadType() const;

    /// \return e.g. "PAYLOAD_LENGTH_PAST_END in N at offset 56" or "OK"
    std::string ToString() const;

  private:
    Ikev2ParseError m_error{Ikev2ParseError::NONE};         //!< the reason
    size_t m_offset{0};                                     //!< where
    Ikev2PayloadType m_payloadType{Ikev2PayloadType::NONE}; //!< in which payload
};

/**
 * \param os output stream
 * \param status a status
 * \return os, after writing status.ToString()
 */
std::ostream& operator<<(std::ostream& os, const Ikev2ParseStatus& status);

} // namespace ns3

#endif /* IKEV2_PARSE_ERROR_H */
