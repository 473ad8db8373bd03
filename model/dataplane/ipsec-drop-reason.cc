/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-drop-reason.h"

#include "ns3/assert.h"

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

IpsecDropReason
IpsecReplayDropReason(IpsecReplayVerdict verdict)
{
    NS_ASSERT_MSG(verdict != IpsecReplayVerdict::OK, "a packet that passed is not dropped");
    switch (verdict)
    {
    case IpsecReplayVerdict::REPLAYED:
        return IpsecDropReason::REPLAY;
    case IpsecReplayVerdict::TOO_OLD:
        return IpsecDropReason::REPLAY_TOO_OLD;
    case IpsecReplayVerdict::OK:
    case IpsecReplayVerdict::ZERO:
        break;
    }
    // A sender never uses sequence number 0 (RFC 4303 section 3.3.3), so the packet cannot be
    // one of this SA's.
    return IpsecDropReason::MALFORMED;
}

IpsecDropReason
IpsecCryptoDropReason(CryptoStatus status)
{
    NS_ASSERT_MSG(status != CryptoStatus::OK, "a packet that passed is not dropped");
    return status == CryptoStatus::AUTHENTICATION_FAILED ? IpsecDropReason::ICV_FAILURE
                                                         : IpsecDropReason::CRYPTO_ERROR;
}

} // namespace ns3
