/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_PSK_AUTHENTICATOR_H
#define IKEV2_PSK_AUTHENTICATOR_H

#include "ikev2-authenticator.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Shared key message integrity code (RFC 7296 section 2.15):
 * AUTH = prf( prf(Shared Secret, "Key Pad for IKEv2"), <SignedOctets> ).
 */
class Ikev2PskAuthenticator : public Ikev2Authenticator
{
  public:
    /// \param sharedSecret the pre-shared key's bytes (Ikev2IkePolicyConfig::GetPreSharedKey)
    explicit Ikev2PskAuthenticator(CryptoBytes sharedSecret);

    Ikev2AuthMethod GetMethod() const override;
    CryptoBytes BuildAuthData(const CryptoPrf& prf,
                              const Ikev2SignedOctetsInput& input) const override;
    /**
     * \copydoc Ikev2Authenticator::VerifyAuthData
     *
     * The comparison takes the same time wherever the values differ (CryptoEqualConstantTime);
     * another Auth Method is a failure.
     */
    bool VerifyAuthData(const CryptoPrf& prf,
                        const Ikev2SignedOctetsInput& input,
                        Ikev2AuthMethod method,
                        CryptoByteView authData) const override;

  private:
    CryptoBytes m_sharedSecret; //!< the pre-shared key
};

} // namespace ns3

#endif /* IKEV2_PSK_AUTHENTICATOR_H */
