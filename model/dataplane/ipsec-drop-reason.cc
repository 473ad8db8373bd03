/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-drop-reason.h"

namespace ns3
{

const char*
IpsecDropReasonName(IpsecDropReason reason)
{
    switch (reason)
    {
    case IpsecDropReason::NO_SA:
        return "no-sa";
    case IpsecDropReason::NO_OUTBOUND_SA:
        return "no-outbound-sa";
    case IpsecDropReason::MALFORMED:
        return "malformed";
    case IpsecDropReason::ICV_FAILURE:
        return "icv-failure";
    case IpsecDropReason::REPLAY:
        return "replay";
    case IpsecDropReason::REPLAY_TOO_OLD:
        return "replay-too-old";
    case IpsecDropReason::BAD_PADDING:
        return "bad-padding";
    case IpsecDropReason::SELECTOR_MISMATCH:
        return "selector-mismatch";
    case IpsecDropReason::POLICY_DISCARD:
        return "policy-discard";
    case IpsecDropReason::PLAINTEXT_PROTECTED:
        return "plaintext-protected";
    case IpsecDropReason::SA_EXPIRED:
        return "sa-expired";
    case IpsecDropReason::SEQUENCE_EXHAUSTED:
        return "sequence-exhausted";
    case IpsecDropReason::MTU_EXCEEDED:
        return "mtu-exceeded";
    case IpsecDropReason::NO_ROUTE:
        return "no-route";
    case IpsecDropReason::DUMMY_PACKET:
        return "dummy-packet";
    case IpsecDropReason::CRYPTO_ERROR:
        return "crypto-error";
    case IpsecDropReason::COUNT:
        break;
    }
    return "unknown";
}

std::ostream&
operator<<(std::ostream& os, IpsecDropReason reason)
{
    return os << IpsecDropReasonName(reason);
}

} // namespace ns3
