/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_SIGNATURE_SCHEME_H
#define CRYPTO_SIGNATURE_SCHEME_H

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The digital signature schemes IKE certificate authentication can use.
 *
 * Each one fixes the key type, the curve (ECDSA), the hash and the signature encoding:
 * RSA schemes produce RSASSA-PKCS1-v1_5 signatures (RFC 8017 section 8.2), as long as the
 * modulus; ECDSA schemes produce r || s, each left-padded to the curve's byte length, as IKEv2
 * carries them (RFC 4754 section 7).
 */
enum class CryptoSignatureScheme
{
    RSA_PKCS1_SHA1,    //!< RSASSA-PKCS1-v1_5 with SHA-1 (IKEv2 auth method 1, RFC 7296 3.8)
    RSA_PKCS1_SHA256,  //!< RSASSA-PKCS1-v1_5 with SHA-256
    RSA_PKCS1_SHA384,  //!< RSASSA-PKCS1-v1_5 with SHA-384
    RSA_PKCS1_SHA512,  //!< RSASSA-PKCS1-v1_5 with SHA-512
    ECDSA_P256_SHA256, //!< ECDSA on P-256 with SHA-256 (IKEv2 auth method 9, RFC 4754)
    ECDSA_P384_SHA384, //!< ECDSA on P-384 with SHA-384 (IKEv2 auth method 10, RFC 4754)
    ECDSA_P521_SHA512, //!< ECDSA on P-521 with SHA-512 (IKEv2 auth method 11, RFC 4754)
};

/// The kinds of asymmetric key the signature schemes use.
enum class CryptoKeyType
{
    RSA, //!< RSA key
    EC,  //!< elliptic-curve key on a named prime curve
};

/**
 * \ingroup ipsec
 * \brief Everything that describes one signature scheme.
 */
struct CryptoSignatureSchemeInfo
{
    CryptoSignatureScheme scheme; //!< the scheme
    const char* name;             //!< its name, as spelled in the enum, e.g. "ECDSA_P256_SHA256"
    CryptoKeyType keyType;        //!< the key type it needs
    const char* curve;            //!< NIST curve name ("P-256"), nullptr for RSA
    const char* digestName;       //!< OpenSSL digest name, e.g. "SHA2-256"
    uint8_t digestBytes;          //!< hash output length
    uint8_t ikeAuthMethod;        //!< IKEv2 Authentication Method number, 0 when none
    const char* specification;    //!< where its use in IKE is defined
};

/// \return every signature scheme, in enum order
const std::vector<CryptoSignatureSchemeInfo>& CryptoSignatureSchemes();

/**
 * \param scheme a scheme
 * \return its description
 */
const CryptoSignatureSchemeInfo& CryptoGetSignatureSchemeInfo(CryptoSignatureScheme scheme);

/**
 * \param scheme a scheme
 * \return its name, as spelled in the enum (e.g. "RSA_PKCS1_SHA256")
 */
const char* CryptoSignatureSchemeName(CryptoSignatureScheme scheme);

/**
 * \param scheme a scheme
 * \return the OpenSSL name of its digest, e.g. "SHA2-384"
 */
const char* CryptoSignatureSchemeDigest(CryptoSignatureScheme scheme);

/**
 * \brief The IKEv2 Authentication Method (AUTH payload, RFC 7296 section 3.8) that carries a
 * scheme's signatures directly.
 *
 * Method 1 (RSA Digital Signature) is RSASSA-PKCS1-v1_5 with SHA-1 as IKEv2 classically uses
 * it; methods 9, 10 and 11 are ECDSA on P-256/SHA-256, P-384/SHA-384 and P-521/SHA-512
 * (RFC 4754 section 4). RSA with SHA-2 has no method of its own (only RFC 7427's method 14,
 * which names the algorithm inside the payload), so it gives 0.
 *
 * \param scheme a scheme
 * \return the method number, or 0 when there is none
 */
uint8_t CryptoSignatureSchemeIkeAuthMethod(CryptoSignatureScheme scheme);

/**
 * \param method an IKEv2 Authentication Method number (from the wire)
 * \param scheme receives the scheme when found
 * \return true when the method is a signature method this module implements (1, 9, 10, 11)
 */
bool CryptoSignatureSchemeFromIkeAuthMethod(uint8_t method, CryptoSignatureScheme* scheme);

/**
 * \param name a scheme name as returned by CryptoSignatureSchemeName() (case-insensitive)
 * \param scheme receives the scheme when found
 * \return true when the name is known
 */
bool CryptoSignatureSchemeFromName(const std::string& name, CryptoSignatureScheme* scheme);

/**
 * \param os output stream
 * \param scheme a scheme
 * \return os
 */
std::ostream& operator<<(std::ostream& os, CryptoSignatureScheme scheme);

/**
 * \param type a key type
 * \return "RSA" or "EC"
 */
const char* CryptoKeyTypeName(CryptoKeyType type);

} // namespace ns3

#endif /* CRYPTO_SIGNATURE_SCHEME_H */
