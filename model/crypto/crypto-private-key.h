/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_PRIVATE_KEY_H
#define CRYPTO_PRIVATE_KEY_H

#include "crypto-bytes.h"
#include "crypto-openssl-handles.h"
#include "crypto-public-key.h"
#include "crypto-signature-scheme.h"
#include "crypto-status.h"

#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <openssl/types.h>
#include <string>

namespace ns3
{

class CryptoRandom;

/**
 * \ingroup ipsec
 * \brief An RSA or elliptic-curve private key that signs IKE AUTH payloads.
 *
 * Keys come from unencrypted PEM: PKCS#8 ("PRIVATE KEY") or the traditional "RSA PRIVATE KEY" and
 * "EC PRIVATE KEY" forms. Encrypted keys are refused (never prompted for): the simulation runs
 * unattended.
 *
 * Signatures are reproducible run by run. RSASSA-PKCS1-v1_5 is deterministic. ECDSA needs a fresh
 * secret k per signature: it is drawn from the caller's CryptoRandom (an ns-3 random stream), so
 * the same seed, run and stream assignment give byte-identical signatures; OpenSSL's own ECDSA
 * signer would draw k from OpenSSL's generator and break that, so the signing equation is
 * computed here with OpenSSL's big-number and curve-point primitives (FIPS 186-4 section 6.4).
 */
class CryptoPrivateKey : public SimpleRefCount<CryptoPrivateKey>
{
  public:
    /**
     * \param pem PEM text holding an unencrypted private key
     * \param error receives the reason on failure (may be nullptr)
     * \return the key, or nullptr
     */
    static Ptr<CryptoPrivateKey> FromPem(const std::string& pem, std::string* error);

    /**
     * \param path a PEM file holding an unencrypted private key
     * \param error receives the reason, naming the file, on failure (may be nullptr)
     * \return the key, or nullptr
     */
    static Ptr<CryptoPrivateKey> FromPemFile(const std::string& path, std::string* error);

    /**
     * \brief An EC private key from its scalar, as test vectors give it (the public key is
     * computed).
     * \param curve "P-256", "P-384", "P-521" (or an OpenSSL curve name)
     * \param scalar big-endian private scalar d, 1 <= d <= n-1
     * \param error receives the reason on failure (may be nullptr)
     * \return the key, or nullptr
     */
    static Ptr<CryptoPrivateKey> FromEcPrivateScalar(const std::string& curve,
                                                     CryptoByteView scalar,
                                                     std::string* error);

    ~CryptoPrivateKey();

    CryptoPrivateKey(const CryptoPrivateKey&) = delete;
    CryptoPrivateKey& operator=(const CryptoPrivateKey&) = delete;

    /// \return RSA or EC
    CryptoKeyType GetType() const;

    /// \return the curve ("P-256", ...) of an EC key, empty for RSA
    std::string GetCurve() const;

    /// \return the RSA modulus length or the EC group order length, in bits
    uint32_t GetBits() const;

    /// \return the matching public key
    Ptr<CryptoPublicKey> GetPublicKey() const;

    /**
     * \return the EC private scalar d, big-endian, left-padded to the curve's byte length;
     *         empty for RSA keys
     */
    CryptoBytes GetEcPrivateScalar() const;

    /**
     * \param scheme a signature scheme
     * \return true when this key's type (and curve) is the one the scheme needs
     */
    bool Fits(CryptoSignatureScheme scheme) const;

    /**
     * \brief Signs data as IKE carries signatures.
     *
     * RSA: RSASSA-PKCS1-v1_5 (RFC 8017 section 8.2.1), as long as the modulus; random is not
     * used. ECDSA: r || s, each left-padded to the curve's byte length (RFC 4754 section 7), with
     * k drawn uniformly from [1, n-1] out of random and drawn again if r or s comes out 0
     * (FIPS 186-4 section 6.3 and 6.4).
     *
     * \param scheme the signature scheme
     * \param data the bytes to sign (hashed here)
     * \param random source of the ECDSA per-signature secret
     * \param signature receives the signature
     * \return OK; INVALID_KEY if the scheme does not fit the key; UNSUPPORTED if the digest is
     *         missing; INTERNAL_ERROR if OpenSSL fails or random keeps giving unusable bytes
     */
    CryptoStatus Sign(CryptoSignatureScheme scheme,
                      CryptoByteView data,
                      CryptoRandom& random,
                      CryptoBytes& signature) const;

    /**
     * \brief Signs with a given ECDSA per-signature secret k, for known-answer tests
     * (RFC 4754 section 8). Never use a k twice: two signatures with one k reveal the key.
     *
     * \param scheme an ECDSA scheme
     * \param data the bytes to sign
     * \param k the per-signature secret, big-endian
     * \param signature receives r || s
     * \return OK; INVALID_KEY if the scheme does not fit the key (or the key is RSA), or if k is
     *         not in [1, n-1] or gives r = 0 or s = 0; UNSUPPORTED if the digest is missing
     */
    CryptoStatus SignWithSecret(CryptoSignatureScheme scheme,
                                CryptoByteView data,
                                CryptoByteView k,
                                CryptoBytes& signature) const;

  private:
    /**
     * \param key OpenSSL key pair; this object takes over the caller's reference
     * \param publicKey its public part
     */
    CryptoPrivateKey(EVP_PKEY* key, Ptr<CryptoPublicKey> publicKey);

    /**
     * \brief Wraps a decoded key after checking that it is supported and holds a private part.
     * \param key OpenSSL key (freed on failure)
     * \param error receives the reason on failure
     * \return the key, or nullptr
     */
    static Ptr<CryptoPrivateKey> Adopt(CryptoEvpPkey key, std::string* error);

    /**
     * \brief ECDSA signing with k given, or drawn from random when k is empty.
     * \param scheme an ECDSA scheme fitting the key
     * \param data the bytes to sign
     * \param k the secret, or empty
     * \param random the source of k when k is empty (may be nullptr otherwise)
     * \param signature receives r || s
     * \return as Sign() and SignWithSecret()
     */
    CryptoStatus SignEcdsa(CryptoSignatureScheme scheme,
                           CryptoByteView data,
                           CryptoByteView k,
                           CryptoRandom* random,
                           CryptoBytes& signature) const;

    /**
     * \param scheme an RSA scheme fitting the key
     * \param data the bytes to sign
     * \param signature receives the RSASSA-PKCS1-v1_5 signature
     * \return as Sign()
     */
    CryptoStatus SignRsa(CryptoSignatureScheme scheme,
                         CryptoByteView data,
                         CryptoBytes& signature) const;

    EVP_PKEY* m_key;                  //!< the OpenSSL key pair (a reference owned by this object)
    Ptr<CryptoPublicKey> m_publicKey; //!< its public part, also the source of type and curve
};

} // namespace ns3

#endif /* CRYPTO_PRIVATE_KEY_H */
