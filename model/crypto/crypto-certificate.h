/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_CERTIFICATE_H
#define CRYPTO_CERTIFICATE_H

#include "crypto-bytes.h"
#include "crypto-public-key.h"
#include "crypto-status.h"

#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <openssl/types.h>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief An X.509 certificate (RFC 5280), as IKE's CERT payloads carry it (RFC 7296 section
 * 3.6, encoding 4: DER).
 *
 * Gives what IKE certificate authentication needs: the subject name (text, and DER for
 * ID_DER_ASN1_DN), the subjectAltName identities (ID_FQDN, ID_IPV4_ADDR/ID_IPV6_ADDR,
 * ID_RFC822_ADDR), the validity period, the public key that checks the AUTH payload, and chain
 * verification against configured trust anchors.
 *
 * Chain verification takes the time to check validity against as an argument: the simulation's
 * clock, never the host's, decides whether a certificate has expired.
 */
class CryptoCertificate : public SimpleRefCount<CryptoCertificate>
{
  public:
    /**
     * \param pem PEM text; the first CERTIFICATE block is read
     * \param error receives the reason on failure (may be nullptr)
     * \return the certificate, or nullptr
     */
    static Ptr<CryptoCertificate> FromPem(const std::string& pem, std::string* error);

    /**
     * \param path a PEM file; its first CERTIFICATE block is read
     * \param error receives the reason, naming the file, on failure (may be nullptr)
     * \return the certificate, or nullptr
     */
    static Ptr<CryptoCertificate> FromPemFile(const std::string& path, std::string* error);

    /**
     * \brief Every certificate of a PEM bundle (a CA file or a chain file).
     * \param pem PEM text with one or more CERTIFICATE blocks
     * \param error receives the reason on failure (may be nullptr)
     * \return the certificates in file order; empty on failure or when there is none
     */
    static std::vector<Ptr<CryptoCertificate>> FromPemBundle(const std::string& pem,
                                                             std::string* error);

    /**
     * \param der one DER certificate, nothing after it (the CERT payload's data)
     * \param error receives the reason on failure (may be nullptr)
     * \return the certificate, or nullptr
     */
    static Ptr<CryptoCertificate> FromDer(CryptoByteView der, std::string* error);

    ~CryptoCertificate();

    CryptoCertificate(const CryptoCertificate&) = delete;
    CryptoCertificate& operator=(const CryptoCertificate&) = delete;

    /**
     * \return the subject distinguished name as text, most specific RDN first, RFC 4514 style
     *         (e.g. "CN=gw1.example.net,O=Example,C=US"); UTF-8 is kept, special characters are
     *         escaped
     */
    std::string GetSubjectName() const;

    /// \return the issuer distinguished name as text, as GetSubjectName()
    std::string GetIssuerName() const;

    /// \return the subject Name's DER encoding (what an ID_DER_ASN1_DN identification carries)
    CryptoBytes GetSubjectDer() const;

    /// \return the issuer Name's DER encoding
    CryptoBytes GetIssuerDer() const;

    /// \return the subjectAltName dNSName entries, in certificate order
    std::vector<std::string> GetSubjectAltDnsNames() const;

    /**
     * \return the subjectAltName iPAddress entries as text ("192.0.2.1", "2001:db8::2"), in
     *         certificate order
     */
    std::vector<std::string> GetSubjectAltIpAddresses() const;

    /// \return the subjectAltName rfc822Name (e-mail) entries, in certificate order
    std::vector<std::string> GetSubjectAltEmails() const;

    /// \return notBefore, in seconds since the Unix epoch
    int64_t GetNotBefore() const;

    /// \return notAfter, in seconds since the Unix epoch
    int64_t GetNotAfter() const;

    /// \return the serial number, in upper-case hexadecimal
    std::string GetSerialNumber() const;

    /// \return the DER encoding of the whole certificate
    CryptoBytes GetDer() const;

    /// \return the PEM encoding of the certificate
    std::string GetPem() const;

    /**
     * \return the subject public key, or nullptr if it is neither RSA nor EC on a named curve
     *         (such a certificate cannot authenticate an IKE peer here)
     */
    Ptr<CryptoPublicKey> GetPublicKey() const;

    /**
     * \brief Verifies the certification path from this certificate to one of the trusted CAs
     * (RFC 5280 section 6), with OpenSSL's verifier.
     *
     * Signatures, validity periods (at the given time), basicConstraints and path lengths are
     * checked. No CRL or OCSP is consulted, and no system trust store: only trustedCas are
     * trusted.
     *
     * \param trustedCas the trust anchors (null entries are skipped)
     * \param intermediates untrusted certificates that may complete the path, e.g. from the
     *        peer's CERT payloads (null entries are skipped)
     * \param verificationTimeUnixSeconds the time validity is checked at (the simulation time
     *        plus the scenario's epoch), in seconds since the Unix epoch
     * \param reason receives OpenSSL's verification error on failure, e.g. "certificate has
     *        expired", "certificate is not yet valid", "unable to get local issuer certificate"
     *        (may be nullptr)
     * \return OK, AUTHENTICATION_FAILED when no valid path exists, or INTERNAL_ERROR
     */
    CryptoStatus VerifyChain(const std::vector<Ptr<CryptoCertificate>>& trustedCas,
                             const std::vector<Ptr<CryptoCertificate>>& intermediates,
                             int64_t verificationTimeUnixSeconds,
                             std::string* reason) const;

  private:
    /// \param certificate OpenSSL certificate; this object takes over the caller's reference
    explicit CryptoCertificate(X509* certificate);

    X509* m_certificate; //!< the OpenSSL certificate (a reference owned by this object)
};

} // namespace ns3

#endif /* CRYPTO_CERTIFICATE_H */
