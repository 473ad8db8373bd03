/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CERT_PAYLOAD_H
#define IKEV2_CERT_PAYLOAD_H

#include "ikev2-payload.h"

#include "ns3/crypto-bytes.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Certificate payload CERT (RFC 7296 section 3.6) or Certificate Request payload CERTREQ
 * (section 3.7): an encoding and its data.
 *
 * Both have the same layout, so one class serves both; the constructor says which. For CERT the
 * data is the certificate (X.509 DER for encoding 4), for CERTREQ the SHA-1 hashes of the
 * acceptable CAs' public keys, concatenated.
 */
class Ikev2CertPayload : public Ikev2Payload
{
  public:
    static constexpr uint8_t X509_SIGNATURE = 4; //!< X.509 Certificate - Signature

    /**
     * \param isRequest true for CERTREQ, false for CERT
     * \param encoding Cert Encoding
     * \param data Certificate Data or Certification Authority
     */
    explicit Ikev2CertPayload(bool isRequest,
                              uint8_t encoding = X509_SIGNATURE,
                              CryptoBytes data = {});

    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /// \return the Cert Encoding
    uint8_t GetEncoding() const;

    /// \return the certificate, or the CA hashes of a request
    const CryptoBytes& GetData() const;

  private:
    bool m_isRequest;   //!< CERTREQ rather than CERT
    uint8_t m_encoding; //!< Cert Encoding
    CryptoBytes m_data; //!< Certificate Data / Certification Authority
};

} // namespace ns3

#endif /* IKEV2_CERT_PAYLOAD_H */
