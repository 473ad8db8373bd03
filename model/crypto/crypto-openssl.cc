/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-openssl.h"

#include <map>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/provider.h>
#include <stdexcept>

namespace ns3
{

namespace
{

/// Algorithms fetched so far; they live until the process ends, like OpenSSL's own tables. The
/// maps are never destroyed, so that nothing runs their destructors before leak checkers look.
template <typename Algorithm>
using FetchCache = std::map<std::string, Algorithm*>;

bool
LoadLegacyProvider()
{
    // Loading any provider explicitly stops OpenSSL from loading the default one on first use,
    // so the default provider is loaded explicitly as well.
    static const bool loaded = OSSL_PROVIDER_load(nullptr, "default") != nullptr &&
                               OSSL_PROVIDER_load(nullptr, "legacy") != nullptr;
    if (!loaded)
    {
        ERR_clear_error();
    }
    return loaded;
}

} // namespace

void
CryptoOpenssl::RequireLegacyProvider(const std::string& forWhat)
{
    if (!LoadLegacyProvider())
    {
        throw std::runtime_error(
            forWhat +
            " needs OpenSSL's legacy provider (legacy.so), which could not be loaded "
            "from OpenSSL's module directory (" +
            std::string(OpenSSL_version(OPENSSL_MODULES_DIR)) +
            "); on Debian it is part of the libssl3 package; if OPENSSL_MODULES is set, it must "
            "point to the directory holding legacy.so");
    }
}

bool
CryptoOpenssl::IsLegacyProviderAvailable()
{
    return LoadLegacyProvider();
}

EVP_CIPHER*
CryptoOpenssl::FetchCipher(const std::string& name)
{
    static auto& cache = *new FetchCache<EVP_CIPHER>();
    auto found = cache.find(name);
    if (found != cache.end())
    {
        return found->second;
    }
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, name.c_str(), nullptr);
    if (!cipher)
    {
        ERR_clear_error();
        return nullptr; // not cached: a provider loaded later may have it
    }
    cache[name] = cipher;
    return cipher;
}

EVP_MD*
CryptoOpenssl::FetchDigest(const std::string& name)
{
    static auto& cache = *new FetchCache<EVP_MD>();
    auto found = cache.find(name);
    if (found != cache.end())
    {
        return found->second;
    }
    EVP_MD* digest = EVP_MD_fetch(nullptr, name.c_str(), nullptr);
    if (!digest)
    {
        ERR_clear_error();
        return nullptr;
    }
    cache[name] = digest;
    return digest;
}

EVP_MAC*
CryptoOpenssl::FetchHmac()
{
    static EVP_MAC* hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (!hmac)
    {
        throw std::runtime_error("OpenSSL has no HMAC implementation: " + TakeErrors());
    }
    return hmac;
}

std::string
CryptoOpenssl::TakeErrors()
{
    std::string text;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0)
    {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof(buffer));
        text += text.empty() ? "" : "; ";
        text += buffer;
    }
    return text;
}

void
CryptoOpenssl::SetError(std::string* error, const std::string& what)
{
    std::string reason = what;
    const std::string openssl = TakeErrors();
    if (!openssl.empty())
    {
        reason += " (OpenSSL: " + openssl + ")";
    }
    if (error)
    {
        *error = reason;
    }
}

} // namespace ns3
