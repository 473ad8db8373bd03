/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-cipher.h"

#include "crypto-openssl.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <openssl/evp.h>
#include <stdexcept>
#include <string>

namespace ns3
{

namespace
{

/// Nonce of the AEAD transforms: 4-byte salt and 8-byte IV (RFC 4106 section 4, RFC 7634 2).
constexpr int AEAD_NONCE_BYTES = 12;
/// Largest cipher IV input: a 16-byte CBC IV or CTR counter block.
constexpr size_t MAX_NONCE_BYTES = 16;
/// Largest AEAD tag.
constexpr size_t MAX_TAG_BYTES = 16;

EVP_CIPHER_CTX*
NewKeyedContext(const CryptoEncryptionAlgorithm& algorithm,
                EVP_CIPHER* cipher,
                const uint8_t* key,
                int encrypt)
{
    EVP_CIPHER_CTX* context = EVP_CIPHER_CTX_new();
    bool ok =
        context && EVP_CipherInit_ex2(context, cipher, nullptr, nullptr, encrypt, nullptr) == 1;
    if (ok && algorithm.IsAead())
    {
        ok = EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_IVLEN, AEAD_NONCE_BYTES, nullptr) == 1;
    }
    ok = ok && EVP_CipherInit_ex2(context, nullptr, key, nullptr, encrypt, nullptr) == 1;
    if (ok && algorithm.mode == CryptoCipherMode::CBC)
    {
        // ESP and IKE pad themselves (RFC 4303 section 2.4, RFC 7296 section 3.14).
        ok = EVP_CIPHER_CTX_set_padding(context, 0) == 1;
    }
    if (!ok)
    {
        EVP_CIPHER_CTX_free(context);
        throw std::runtime_error(std::string("cannot key cipher ") + algorithm.name + ": " +
                                 CryptoOpenssl::TakeErrors());
    }
    return context;
}

} // namespace

CryptoCipher::CryptoCipher(const CryptoEncryptionAlgorithm& algorithm, CryptoByteView keyMaterial)
    : m_algorithm(algorithm),
      m_encrypt(nullptr),
      m_decrypt(nullptr)
{
    if (keyMaterial.Size() != algorithm.KeyMaterialBytes())
    {
        throw std::invalid_argument(std::string("encryption algorithm ") + algorithm.name +
                                    " needs " + std::to_string(algorithm.KeyMaterialBytes()) +
                                    " bytes of keying material (" +
                                    std::to_string(algorithm.keyBytes) + "-byte key, " +
                                    std::to_string(algorithm.saltBytes) + "-byte salt), got " +
                                    std::to_string(keyMaterial.Size()));
    }
    if (algorithm.mode == CryptoCipherMode::NULL_CIPHER)
    {
        return;
    }
    if (algorithm.needsLegacyProvider)
    {
        CryptoOpenssl::RequireLegacyProvider(std::string("encryption algorithm ") + algorithm.name);
    }
    EVP_CIPHER* cipher = CryptoOpenssl::FetchCipher(algorithm.opensslName);
    if (!cipher)
    {
        throw std::runtime_error(std::string("OpenSSL has no cipher ") + algorithm.opensslName +
                                 " for encryption algorithm " + algorithm.name);
    }
    // RFC 4106 section 8.1, RFC 3686 section 5.1, RFC 7634 section 4: the salt is the last
    // bytes of the keying material.
    m_salt.assign(keyMaterial.Data() + algorithm.keyBytes, keyMaterial.Data() + keyMaterial.Size());
    m_encrypt = NewKeyedContext(algorithm, cipher, keyMaterial.Data(), 1);
    try
    {
        m_decrypt = NewKeyedContext(algorithm, cipher, keyMaterial.Data(), 0);
    }
    catch (...)
    {
        EVP_CIPHER_CTX_free(m_encrypt);
        throw;
    }
}

CryptoCipher::~CryptoCipher()
{
    EVP_CIPHER_CTX_free(m_encrypt);
    EVP_CIPHER_CTX_free(m_decrypt);
}

const CryptoEncryptionAlgorithm&
CryptoCipher::GetAlgorithm() const
{
    return m_algorithm;
}

void
CryptoCipher::BuildNonce(const uint8_t* iv, uint8_t* nonce) const
{
    std::copy(m_salt.begin(), m_salt.end(), nonce);
    std::copy(iv, iv + m_algorithm.ivBytes, nonce + m_salt.size());
    if (m_algorithm.mode == CryptoCipherMode::CTR)
    {
        // RFC 3686 section 4: the block counter starts at one.
        uint8_t* counter = nonce + m_salt.size() + m_algorithm.ivBytes;
        counter[0] = 0;
        counter[1] = 0;
        counter[2] = 0;
        counter[3] = 1;
    }
}

CryptoStatus
CryptoCipher::Run(EVP_CIPHER_CTX* context,
                  const uint8_t* iv,
                  CryptoByteView aad,
                  const uint8_t* in,
                  size_t length,
                  uint8_t* out)
{
    if (length > static_cast<size_t>(INT_MAX) || aad.Size() > static_cast<size_t>(INT_MAX) ||
        (!m_algorithm.IsAead() && !aad.IsEmpty()) || length % m_algorithm.blockBytes != 0)
    {
        return CryptoStatus::INVALID_LENGTH;
    }
    uint8_t nonce[MAX_NONCE_BYTES];
    BuildNonce(iv, nonce);
    if (EVP_CipherInit_ex2(context, nullptr, nullptr, nonce, -1, nullptr) != 1)
    {
        CryptoOpenssl::TakeErrors();
        return CryptoStatus::INTERNAL_ERROR;
    }
    int written = 0;
    if (!aad.IsEmpty() &&
        EVP_CipherUpdate(context, nullptr, &written, aad.Data(), static_cast<int>(aad.Size())) != 1)
    {
        CryptoOpenssl::TakeErrors();
        return CryptoStatus::INTERNAL_ERROR;
    }
    if (length > 0 && EVP_CipherUpdate(context, out, &written, in, static_cast<int>(length)) != 1)
    {
        CryptoOpenssl::TakeErrors();
        return CryptoStatus::INTERNAL_ERROR;
    }
    return CryptoStatus::OK;
}

CryptoStatus
CryptoCipher::Encrypt(const uint8_t* iv,
                      CryptoByteView aad,
                      const uint8_t* in,
                      size_t length,
                      uint8_t* out,
                      uint8_t* icv)
{
    if (m_algorithm.mode == CryptoCipherMode::NULL_CIPHER)
    {
        if (!aad.IsEmpty())
        {
            return CryptoStatus::INVALID_LENGTH;
        }
        std::memmove(out, in, length);
        return CryptoStatus::OK;
    }
    CryptoStatus status = Run(m_encrypt, iv, aad, in, length, out);
    if (status != CryptoStatus::OK)
    {
        return status;
    }
    int finalBytes = 0;
    uint8_t scratch[MAX_NONCE_BYTES];
    if (EVP_CipherFinal_ex(m_encrypt, scratch, &finalBytes) != 1 || finalBytes != 0)
    {
        CryptoOpenssl::TakeErrors();
        return CryptoStatus::INTERNAL_ERROR;
    }
    if (m_algorithm.IsAead())
    {
        // RFC 4106 section 6: a shorter ICV is the leftmost bytes of the full tag.
        uint8_t tag[MAX_TAG_BYTES];
        if (EVP_CIPHER_CTX_ctrl(m_encrypt, EVP_CTRL_AEAD_GET_TAG, MAX_TAG_BYTES, tag) != 1)
        {
            CryptoOpenssl::TakeErrors();
            return CryptoStatus::INTERNAL_ERROR;
        }
        std::copy(tag, tag + m_algorithm.icvBytes, icv);
    }
    return CryptoStatus::OK;
}

CryptoStatus
CryptoCipher::Decrypt(const uint8_t* iv,
                      CryptoByteView aad,
                      const uint8_t* in,
                      size_t length,
                      uint8_t* out,
                      const uint8_t* icv)
{
    if (m_algorithm.mode == CryptoCipherMode::NULL_CIPHER)
    {
        if (!aad.IsEmpty())
        {
            return CryptoStatus::INVALID_LENGTH;
        }
        std::memmove(out, in, length);
        return CryptoStatus::OK;
    }
    CryptoStatus status = Run(m_decrypt, iv, aad, in, length, out);
    if (status != CryptoStatus::OK)
    {
        return status;
    }
    if (m_algorithm.IsAead())
    {
        uint8_t tag[MAX_TAG_BYTES];
        std::copy(icv, icv + m_algorithm.icvBytes, tag);
        if (EVP_CIPHER_CTX_ctrl(m_decrypt, EVP_CTRL_AEAD_SET_TAG, m_algorithm.icvBytes, tag) != 1)
        {
            CryptoOpenssl::TakeErrors();
            return CryptoStatus::INTERNAL_ERROR;
        }
    }
    int finalBytes = 0;
    uint8_t scratch[MAX_NONCE_BYTES];
    if (EVP_CipherFinal_ex(m_decrypt, scratch, &finalBytes) != 1)
    {
        CryptoOpenssl::TakeErrors();
        return m_algorithm.IsAead() ? CryptoStatus::AUTHENTICATION_FAILED
                                    : CryptoStatus::INTERNAL_ERROR;
    }
    return CryptoStatus::OK;
}

} // namespace ns3
