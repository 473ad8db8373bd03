/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_OPENSSL_H
#define CRYPTO_OPENSSL_H

#include <openssl/types.h>
#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The crypto layer's one contact with OpenSSL's library state: providers, algorithm
 * fetching (cached for the process) and error text.
 *
 * Fetching an algorithm by name is costly in OpenSSL 3, so each cipher, digest and MAC is fetched
 * once and kept for the life of the process.
 */
class CryptoOpenssl
{
  public:
    /**
     * \brief Loads OpenSSL's legacy provider (DES lives there), together with the default one.
     * \param forWhat what needs it, for the error message (e.g. "encryption algorithm des-cbc")
     * \throws std::runtime_error naming the provider, its expected directory and how to get it,
     *         if it cannot be loaded
     */
    static void RequireLegacyProvider(const std::string& forWhat);

    /// \return true if the legacy provider is loaded or can be loaded
    static bool IsLegacyProviderAvailable();

    /**
     * \param name OpenSSL cipher name, e.g. "AES-128-GCM"
     * \return the cipher, or nullptr if no loaded provider has it
     */
    static EVP_CIPHER* FetchCipher(const std::string& name);

    /**
     * \param name OpenSSL digest name, e.g. "SHA2-256"
     * \return the digest, or nullptr if no loaded provider has it
     */
    static EVP_MD* FetchDigest(const std::string& name);

    /// \return the HMAC implementation (never nullptr: the default provider has it)
    static EVP_MAC* FetchHmac();

    /**
     * \brief Empties OpenSSL's error queue of this thread.
     * \return its entries as text, "; "-separated (empty when there were none)
     */
    static std::string TakeErrors();

    /**
     * \brief Reports a failure to a caller's optional error string, with OpenSSL's own reason
     * when it left one.
     *
     * OpenSSL's error queue is emptied either way (as TakeErrors()), so that no stale entry is
     * blamed for a later failure.
     *
     * \param error receives what, followed by " (OpenSSL: <its errors>)" when OpenSSL queued any
     *        (may be nullptr)
     * \param what the failure
     */
    static void SetError(std::string* error, const std::string& what);
};

} // namespace ns3

#endif /* CRYPTO_OPENSSL_H */
