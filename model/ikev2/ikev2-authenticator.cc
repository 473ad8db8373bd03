/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-authenticator.h"

namespace ns3
{

CryptoBytes
Ikev2SignedOctetsInput::Compute(const CryptoPrf& prf) const
{
    // RFC 7296 section 2.15: the ID enters through the PRF keyed with SK_p, so that the AUTH
    // value binds the identity to this IKE SA's keys.
    CryptoBytes macedId = prf.Compute(skP, restOfIdPayload);
    return CryptoConcat({realMessage, peerNonce, macedId});
}

Ikev2Authenticator::~Ikev2Authenticator() = default;

} // namespace ns3
