/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_PUBLIC_KEY_H
#define CRYPTO_PUBLIC_KEY_H

#include "crypto-bytes.h"
#include "crypto-signature-scheme.h"
#include "crypto-status.h"

#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <openssl/types.h>
#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief An RSA or elliptic-curve public key that verifies signatures (IKE AUTH payloads).
 *
 * Keys come from PEM text or files (SubjectPublicKeyInfo "PUBLIC KEY", or PKCS#1
 * "RSA PUBLIC KEY"), from DER SubjectPublicKeyInfo, from an affine EC point, from a certificate
 * (CryptoCertificate::GetPublicKey) or from a private key (CryptoPrivateKey::GetPublicKey).
 *
 * Every factory returns nullptr and describes the problem in *error when the input is not a
 * usable key: input read from files or the wire never throws and never aborts. Only RSA keys and
 * EC keys on named curves are accepted.
 */
class CryptoPublicKey : public SimpleRefCount<CryptoPublicKey>
{
  public:
    /**
     * \param pem PEM text holding a public key
     * \param error receives the reason on failure (may be nullptr)
     * \return the key, or nullptr
     */
    static Ptr<CryptoPublicKey> FromPem(const std::string& pem, std::string* error);

    /**
     * \param path a PEM file holding a public key
     * \param error receives the reason, naming the file, on failure (may be nullptr)
     * \return the key, or nullptr
     */
    static Ptr<CryptoPublicKey> FromPemFile(const std::string& path, std::string* error);

    /**
     * \param der a DER SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7), nothing after it
     * \param error receives the reason on failure (may be nullptr)
     * \return the key, or nullptr
     */
    static Ptr<CryptoPublicKey> FromDer(CryptoByteView der, std::string* error);

    /**
     * \brief An EC public key from its affine coordinates, as test vectors give them.
     * \param curve "P-256", "P-384", "P-521" (or an OpenSSL curve name such as "prime256v1")
     * \param x big-endian x coordinate
     * \param y big-endian y coordinate
     * \param error receives the reason on failure (may be nullptr)
     * \return the key, or nullptr if the curve is unknown or the point is not on it
     */
    static Ptr<CryptoPublicKey> FromEcPoint(const std::string& curve,
                                            CryptoByteView x,
                                            CryptoByteView y,
                                            std::string* error);

    /**
     * \brief Wraps an OpenSSL key; shared by the certificate and private key classes.
     * \param key an OpenSSL key; this function takes its own reference, the caller keeps its own
     * \param error receives the reason on failure (may be nullptr)
     * \return the key (only its public part is used), or nullptr if its type is not supported
     */
    static Ptr<CryptoPublicKey> FromEvpPkey(EVP_PKEY* key, std::string* error);

    /**
     * \brief Checks that an OpenSSL key is of a supported type and names its curve.
     * \param key an OpenSSL key
     * \param type receives the key type
     * \param curve receives the NIST curve name ("P-256") or, for other named curves, OpenSSL's
     *        short name; empty for RSA
     * \param error receives the reason on failure (may be nullptr)
     * \return true when the key is RSA, or EC on a named curve
     */
    static bool DescribeKey(const EVP_PKEY* key,
                            CryptoKeyType* type,
                            std::string* curve,
                            std::string* error);

    ~CryptoPublicKey();

    CryptoPublicKey(const CryptoPublicKey&) = delete;
    CryptoPublicKey& operator=(const CryptoPublicKey&) = delete;

    /// \return RSA or EC
    CryptoKeyType GetType() const;

    /// \return the curve ("P-256", "P-384", "P-521", ...) of an EC key, empty for RSA
    std::string GetCurve() const;

    /// \return the RSA modulus length or the EC group order length, in bits
    uint32_t GetBits() const;

    /// \return the DER SubjectPublicKeyInfo
    CryptoBytes GetDer() const;

    /**
     * \param scheme a signature scheme
     * \return true when this key's type (and curve) is the one the scheme needs
     */
    bool Fits(CryptoSignatureScheme scheme) const;

    /**
     * \brief Verifies a signature as IKE carries it.
     *
     * RSA: RSASSA-PKCS1-v1_5 (RFC 8017 section 8.2.2). ECDSA: r || s, each coordinate padded to
     * the curve's byte length (RFC 4754 section 7); any other length does not verify.
     *
     * \param scheme the signature scheme
     * \param data the signed bytes (hashed here)
     * \param signature the signature
     * \return OK; AUTHENTICATION_FAILED if the signature does not verify or is malformed;
     *         INVALID_KEY if the scheme does not fit the key; UNSUPPORTED if the digest is missing
     */
    CryptoStatus Verify(CryptoSignatureScheme scheme,
                        CryptoByteView data,
                        CryptoByteView signature) const;

    /**
     * \param other another key
     * \return true when both are the same public key
     */
    bool Equals(const CryptoPublicKey& other) const;

    /// \return the OpenSSL key, owned by this object (for the other classes of the crypto layer)
    EVP_PKEY* GetEvpPkey() const;

  private:
    /**
     * \param key OpenSSL key; this object takes over the caller's reference
     * \param type its type
     * \param curve its curve, empty for RSA
     */
    CryptoPublicKey(EVP_PKEY* key, CryptoKeyType type, const std::string& curve);

    EVP_PKEY* m_key;      //!< the OpenSSL key (a reference owned by this object)
    CryptoKeyType m_type; //!< RSA or EC
    std::string m_curve;  //!< curve name, empty for RSA
};

} // namespace ns3

#endif /* CRYPTO_PUBLIC_KEY_H */
