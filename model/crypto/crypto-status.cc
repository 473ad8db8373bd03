/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-status.h"

namespace ns3
{

const char*
CryptoStatusName(CryptoStatus status)
{
    switch (status)
    {
    case CryptoStatus::OK:
        return "OK";
    case CryptoStatus::AUTHENTICATION_FAILED:
        return "AUTHENTICATION_FAILED";
    case CryptoStatus::INVALID_LENGTH:
        return "INVALID_LENGTH";
    case CryptoStatus::INVALID_PUBLIC_VALUE:
        return "INVALID_PUBLIC_VALUE";
    case CryptoStatus::INVALID_KEY:
        return "INVALID_KEY";
    case CryptoStatus::UNSUPPORTED:
        return "UNSUPPORTED";
    case CryptoStatus::INTERNAL_ERROR:
        return "INTERNAL_ERROR";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, CryptoStatus status)
{
    return os << CryptoStatusName(status);
}

} // namespace ns3
