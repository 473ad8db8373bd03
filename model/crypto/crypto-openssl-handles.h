/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_OPENSSL_HANDLES_H
#define CRYPTO_OPENSSL_HANDLES_H

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/params.h>
#include <openssl/x509.h>
#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Deleter that hands an OpenSSL object back to its free function.
 *
 * The free function is a template argument, not a stored pointer, so a handle is as small as a
 * raw pointer and can be declared empty and filled later.
 *
 * \tparam Free the OpenSSL function that frees the object (e.g. EVP_PKEY_free)
 */
template <auto Free>
struct CryptoOpensslDeleter
{
    /// \param object the object to free (OpenSSL's free functions accept nullptr)
    template <typename T>
    void operator()(T* object) const
    {
        Free(object);
    }
};

/**
 * \ingroup ipsec
 * \brief Owning pointer to an OpenSSL object, freed with Free.
 * \tparam T the OpenSSL type
 * \tparam Free its free function
 */
template <typename T, auto Free>
using CryptoOpensslPtr = std::unique_ptr<T, CryptoOpensslDeleter<Free>>;

/// A big number; wiped when freed, since it may hold a private value.
using CryptoBignum = CryptoOpensslPtr<BIGNUM, BN_clear_free>;
/// Scratch space for big-number arithmetic.
using CryptoBnContext = CryptoOpensslPtr<BN_CTX, BN_CTX_free>;
/// An elliptic curve.
using CryptoEcGroup = CryptoOpensslPtr<EC_GROUP, EC_GROUP_free>;
/// A point on an elliptic curve; wiped when freed, since it may be a secret (k*G, a shared point).
using CryptoEcPoint = CryptoOpensslPtr<EC_POINT, EC_POINT_clear_free>;
/// A key (public, private or parameters); OpenSSL wipes private parts when it frees one.
using CryptoEvpPkey = CryptoOpensslPtr<EVP_PKEY, EVP_PKEY_free>;
/// A key operation context.
using CryptoEvpPkeyContext = CryptoOpensslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
/// A digest operation context.
using CryptoEvpMdContext = CryptoOpensslPtr<EVP_MD_CTX, EVP_MD_CTX_free>;
/// A key decoder (PEM or DER to EVP_PKEY).
using CryptoDecoderContext = CryptoOpensslPtr<OSSL_DECODER_CTX, OSSL_DECODER_CTX_free>;
/// A builder of OSSL_PARAM arrays.
using CryptoParamBuilder = CryptoOpensslPtr<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
/// An OSSL_PARAM array made by a CryptoParamBuilder.
using CryptoParams = CryptoOpensslPtr<OSSL_PARAM, OSSL_PARAM_free>;
/// An I/O abstraction (memory buffer or file).
using CryptoBio = CryptoOpensslPtr<BIO, BIO_free>;
/// An X.509 certificate.
using CryptoX509 = CryptoOpensslPtr<X509, X509_free>;

/**
 * \ingroup ipsec
 * \return new big-number scratch space (nullptr only if memory ran out)
 */
CryptoBnContext CryptoNewBnContext();

/**
 * \ingroup ipsec
 * \return a new big number holding 0 (nullptr only if memory ran out)
 */
CryptoBignum CryptoNewBignum();

/**
 * \ingroup ipsec
 * \brief An elliptic curve by name, with OpenSSL's optimised method for it where there is one.
 * \param curve a NIST name ("P-256") or an OpenSSL short name ("prime256v1")
 * \return the curve, or nullptr if the name is unknown
 */
CryptoEcGroup CryptoNewEcGroup(const std::string& curve);

} // namespace ns3

#endif /* CRYPTO_OPENSSL_HANDLES_H */
