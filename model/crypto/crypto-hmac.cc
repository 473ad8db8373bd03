/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-hmac.h"

#include "crypto-openssl.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <stdexcept>

namespace ns3
{

namespace
{
/// OpenSSL refuses a NULL key pointer; an empty key (legal in RFC 2104) needs a valid address.
const uint8_t EMPTY_KEY[1] = {0};
} // namespace

CryptoHmac::CryptoHmac(const std::string& digestName, CryptoByteView key)
    : m_context(nullptr),
      m_outputSize(0)
{
    EVP_MD* digest = CryptoOpenssl::FetchDigest(digestName);
    if (!digest)
    {
        throw std::invalid_argument("HMAC digest '" + digestName + "' is not available in OpenSSL");
    }
    m_outputSize = EVP_MD_get_size(digest);
    m_context = EVP_MAC_CTX_new(CryptoOpenssl::FetchHmac());
    std::string name = digestName;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, name.data(), 0),
        OSSL_PARAM_construct_end(),
    };
    const uint8_t* keyData = key.IsEmpty() ? EMPTY_KEY : key.Data();
    if (!m_context || EVP_MAC_init(m_context, keyData, key.Size(), params) != 1)
    {
        EVP_MAC_CTX_free(m_context);
        throw std::runtime_error("HMAC-" + digestName +
                                 " set-up failed: " + CryptoOpenssl::TakeErrors());
    }
}

CryptoHmac::~CryptoHmac()
{
    EVP_MAC_CTX_free(m_context);
}

size_t
CryptoHmac::GetOutputSize() const
{
    return m_outputSize;
}

void
CryptoHmac::Begin()
{
    // A null key restarts from the keyed state set by the constructor.
    EVP_MAC_init(m_context, nullptr, 0, nullptr);
}

void
CryptoHmac::Update(CryptoByteView data)
{
    if (!data.IsEmpty())
    {
        EVP_MAC_update(m_context, data.Data(), data.Size());
    }
}

void
CryptoHmac::Finish(uint8_t* out)
{
    size_t written = 0;
    EVP_MAC_final(m_context, out, &written, m_outputSize);
}

void
CryptoHmac::Compute(CryptoByteView data, uint8_t* out)
{
    Begin();
    Update(data);
    Finish(out);
}

} // namespace ns3
