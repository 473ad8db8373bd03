/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-parse-error.h"

#include <sstream>

namespace ns3
{

const char*
Ikev2ParseErrorName(Ikev2ParseError error)
{
    switch (error)
    {
    case Ikev2ParseError::NONE:
        return "NONE";
    case Ikev2ParseError::TRUNCATED_HEADER:
        return "TRUNCATED_HEADER";
    case Ikev2ParseError::INVALID_MAJOR_VERSION:
        return "INVALID_MAJOR_VERSION";
    case Ikev2ParseError::MESSAGE_LENGTH_MISMATCH:
        return "MESSAGE_LENGTH_MISMATCH";
    case Ikev2ParseError::TRUNCATED_PAYLOAD_HEADER:
        return "TRUNCATED_PAYLOAD_HEADER";
    case Ikev2ParseError::INVALID_PAYLOAD_LENGTH:
        return "INVALID_PAYLOAD_LENGTH";
    case Ikev2ParseError::PAYLOAD_LENGTH_PAST_END:
        return "PAYLOAD_LENGTH_PAST_END";
    case Ikev2ParseError::UNSUPPORTED_CRITICAL_PAYLOAD:
        return "UNSUPPORTED_CRITICAL_PAYLOAD";
    case Ikev2ParseError::TOO_MANY_PAYLOADS:
        return "TOO_MANY_PAYLOADS";
    case Ikev2ParseError::TRAILING_BYTES:
        return "TRAILING_BYTES";
    case Ikev2ParseError::PAYLOAD_TRAILING_BYTES:
        return "PAYLOAD_TRAILING_BYTES";
    case Ikev2ParseError::TRUNCATED_PAYLOAD_BODY:
        return "TRUNCATED_PAYLOAD_BODY";
    case Ikev2ParseError::INVALID_PROPOSAL:
        return "INVALID_PROPOSAL";
    case Ikev2ParseError::INVALID_TRANSFORM:
        return "INVALID_TRANSFORM";
    case Ikev2ParseError::INVALID_TRANSFORM_ATTRIBUTE:
        return "INVALID_TRANSFORM_ATTRIBUTE";
    case Ikev2ParseError::INVALID_NONCE_LENGTH:
        return "INVALID_NONCE_LENGTH";
    case Ikev2ParseError::INVALID_IDENTIFICATION:
        return "INVALID_IDENTIFICATION";
    case Ikev2ParseError::INVALID_TRAFFIC_SELECTOR:
        return "INVALID_TRAFFIC_SELECTOR";
    case Ikev2ParseError::INVALID_NOTIFY:
        return "INVALID_NOTIFY";
    case Ikev2ParseError::INVALID_DELETE:
        return "INVALID_DELETE";
    case Ikev2ParseError::ENCRYPTED_PAYLOAD_NOT_LAST:
        return "ENCRYPTED_PAYLOAD_NOT_LAST";
    case Ikev2ParseError::NESTED_ENCRYPTED_PAYLOAD:
        return "NESTED_ENCRYPTED_PAYLOAD";
    case Ikev2ParseError::MISSING_ENCRYPTED_PAYLOAD:
        return "MISSING_ENCRYPTED_PAYLOAD";
    case Ikev2ParseError::INVALID_ENCRYPTED_LENGTH:
        return "INVALID_ENCRYPTED_LENGTH";
    case Ikev2ParseError::INTEGRITY_CHECK_FAILED:
        return "INTEGRITY_CHECK_FAILED";
    case Ikev2ParseError::INVALID_PADDING:
        return "INVALID_PADDING";
    case Ikev2ParseError::DECRYPTION_FAILED:
        return "DECRYPTION_FAILED";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, Ikev2ParseError error)
{
    return os << Ikev2ParseErrorName(error);
}

Ikev2ParseStatus::Ikev2ParseStatus(Ikev2ParseError error,
                                   size_t offset,
                                   Ikev2PayloadType payloadType)
    : m_error(error),
      m_offset(offset),
      m_payloadType(payloadType)
{
}

bool
Ikev2ParseStatus::IsOk() const
{
    return m_error == Ikev2ParseError::NONE;
}

Ikev2ParseError
Ikev2ParseStatus::GetError() const
{
    return m_error;
}

size_t
Ikev2ParseStatus::GetOffset() const
{
    return m_offset;
}

Ikev2PayloadType
Ikev2ParseStatus::GetPayloadType() const
{
    return m_payloadType;
}

std::string
Ikev2ParseStatus::ToString() const
{
    if (IsOk())
    {
        return "OK";
    }
    std::ostringstream os;
    os << m_error;
    if (m_payloadType != Ikev2PayloadType::NONE)
    {
        os << " in " << m_payloadType;
    }
    os << " at offset " << m_offset;
    return os.str();
}

std::ostream&
operator<<(std::ostream& os, const Ikev2ParseStatus& status)
{
    return os << status.ToString();
}

} // namespace ns3
