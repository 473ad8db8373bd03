/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_AUTH_PAYLOAD_H
#define IKEV2_AUTH_PAYLOAD_H

#include "ikev2-payload.h"

#include "ns3/crypto-bytes.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Authentication methods (RFC 7296 section 3.8, RFC 4754, RFC 7427).
 */
enum class Ikev2AuthMethod : uint8_t
{
    RSA_DIGITAL_SIGNATURE = 1, //!< RSA PKCS#1 v1.5 over SHA-1
    SHARED_KEY_MIC = 2,        //!< pre-shared key
    DSS_DIGITAL_SIGNATURE = 3, //!< DSS over SHA-1
    ECDSA_SHA256_P256 = 9,     //!< RFC 4754
    ECDSA_SHA384_P384 = 10,    //!< RFC 4754
    ECDSA_SHA512_P521 = 11,    //!< RFC 4754
    DIGITAL_SIGNATURE = 14,    //!< RFC 7427: the data names its own algorithm
};

/**
 * \ingroup ipsec
 * \brief Authentication payload (RFC 7296 section 3.8): method and signature or MAC.
 *
 * Unknown methods are kept as received: answering AUTHENTICATION_FAILED is the logic's job.
 */
class Ikev2AuthPayload : public Ikev2Payload
{
  public:
    Ikev2AuthPayload() = default;

    /**
     * \param method the authentication method (wire value)
     * \param data the signature or MAC
     */
    Ikev2AuthPayload(Ikev2AuthMethod method, CryptoBytes data);

    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /// \return the authentication method
    Ikev2AuthMethod GetMethod() const;

    /// \return the authentication data
    const CryptoBytes& GetData() const;

  private:
    Ikev2AuthMethod m_method{Ikev2AuthMethod::SHARED_KEY_MIC}; //!< Auth Method
    CryptoBytes m_data;                                        //!< Authentication Data
};

} // namespace ns3

#endif /* IKEV2_AUTH_PAYLOAD_H */
