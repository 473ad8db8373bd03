/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-digest.h"

#include "crypto-openssl.h"

#include "ns3/abort.h"

#include <openssl/evp.h>

namespace ns3
{

CryptoBytes
CryptoSha1(std::initializer_list<CryptoByteView> parts)
{
    EVP_MD* sha1 = CryptoOpenssl::FetchDigest("SHA1");
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    bool ok = context && EVP_DigestInit_ex2(context, sha1, nullptr) == 1;
    for (const auto& part : parts)
    {
        ok = ok && EVP_DigestUpdate(context, part.Data(), part.Size()) == 1;
    }
    CryptoBytes digest(EVP_MAX_MD_SIZE);
    unsigned int size = 0;
    ok = ok && EVP_DigestFinal_ex(context, digest.data(), &size) == 1;
    EVP_MD_CTX_free(context);
    // Hashing in memory fails only if OpenSSL itself is broken.
    NS_ABORT_MSG_IF(!ok, "OpenSSL SHA-1 failed");
    digest.resize(size);
    return digest;
}

} // namespace ns3
