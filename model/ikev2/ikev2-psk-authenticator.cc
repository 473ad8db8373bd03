/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-psk-authenticator.h"

#include <cstring>
#include <utility>

namespace ns3
{

namespace
{

/// RFC 7296 section 2.15: the 17 ASCII characters, without a terminator.
const char KEY_PAD[] = "Key Pad for IKEv2";

} // namespace

Ikev2PskAuthenticator::Ikev2PskAuthenticator(CryptoBytes sharedSecret)
    : m_sharedSecret(std::move(sharedSecret))
{
}

Ikev2AuthMethod
Ikev2PskAuthenticator::GetMethod() const
{
    return Ikev2AuthMethod::SHARED_KEY_MIC;
}

CryptoBytes
Ikev2PskAuthenticator::BuildAuthData(const CryptoPrf& prf,
                                     const Ikev2SignedOctetsInput& input) const
{
    const CryptoByteView pad(reinterpret_cast<const uint8_t*>(KEY_PAD), std::strlen(KEY_PAD));
    return prf.Compute(prf.Compute(m_sharedSecret, pad), input.Compute(prf));
}

bool
Ikev2PskAuthenticator::VerifyAuthData(const CryptoPrf& prf,
                                      const Ikev2SignedOctetsInput& input,
                                      Ikev2AuthMethod method,
                                      CryptoByteView authData) const
{
    if (method != Ikev2AuthMethod::SHARED_KEY_MIC)
    {
        return false;
    }
    return CryptoEqualConstantTime(BuildAuthData(prf, input), authData);
}

} // namespace ns3
