/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-drop-reason.h"

namespace ns3
{

const char*
Ikev2DropReasonName(Ikev2DropReason reason)
{
    switch (reason)
    {
    case Ikev2DropReason::MALFORMED:
        return "malformed";
    case Ikev2DropReason::INVALID_MAJOR_VERSION:
        return "invalid-major-version";
    case Ikev2DropReason::UNKNOWN_SPI:
        return "unknown-spi";
    case Ikev2DropReason::OUT_OF_WINDOW:
        return "out-of-window";
    case Ikev2DropReason::UNEXPECTED_RESPONSE:
        return "unexpected-response";
    case Ikev2DropReason::UNPROTECTED:
        return "unprotected";
    case Ikev2DropReason::INTEGRITY_FAILURE:
        return "integrity-failure";
    case Ikev2DropReason::UNSUPPORTED_EXCHANGE:
        return "unsupported-exchange";
    case Ikev2DropReason::NOT_IKE:
        return "not-ike";
    }
    return "?";
}

std::ostream&
operator<<(std::ostream& os, Ikev2DropReason reason)
{
    return os << Ikev2DropReasonName(reason);
}

} // namespace ns3
