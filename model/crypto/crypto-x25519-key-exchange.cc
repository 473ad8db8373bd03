/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-x25519-key-exchange.h"

#include "crypto-openssl-handles.h"
#include "crypto-openssl.h"
#include "crypto-random.h"

#include "ns3/log.h"

#include <array>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdexcept>
#include <string>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoX25519KeyExchange");

namespace
{

/// OpenSSL's name of the algorithm.
constexpr const char* ALGORITHM = "X25519";

/// Result of one X25519 computation.
enum class DeriveResult
{
    OK,
    ALL_ZERO, //!< the peer's value has small order
    FAILED,   //!< OpenSSL failed for another reason
};

/**
 * \brief X25519(key, peer) through EVP_PKEY_derive.
 * \param key a private key
 * \param peerPublicValue 32 bytes
 * \param out receives 32 bytes
 * \return the outcome
 */
DeriveResult
Derive(EVP_PKEY* key, const uint8_t* peerPublicValue, uint8_t* out)
{
    CryptoEvpPkey peer(EVP_PKEY_new_raw_public_key_ex(nullptr,
                                                      ALGORITHM,
                                                      nullptr,
                                                      peerPublicValue,
                                                      CryptoX25519KeyExchange::KEY_BYTES));
    CryptoEvpPkeyContext ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    DeriveResult result = DeriveResult::FAILED;
    size_t length = CryptoX25519KeyExchange::KEY_BYTES;
    if (peer && ctx && EVP_PKEY_derive_init(ctx.get()) == 1 &&
        EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) == 1)
    {
        // OpenSSL's X25519 fails the derivation exactly when the result is all zeros (it checks
        // as RFC 7748 section 6.1 suggests); everything before this point succeeded, so a
        // failure here means a small-order peer value.
        result = EVP_PKEY_derive(ctx.get(), out, &length) == 1 ? DeriveResult::OK
                                                               : DeriveResult::ALL_ZERO;
    }
    if (result == DeriveResult::OK)
    {
        // RFC 8031 section 2.1: the all-zero value MUST be rejected; checked here as well so the
        // guarantee does not rest on OpenSSL's internal check alone.
        static const std::array<uint8_t, CryptoX25519KeyExchange::KEY_BYTES> zeros{};
        if (length != CryptoX25519KeyExchange::KEY_BYTES)
        {
            result = DeriveResult::FAILED;
        }
        else if (CRYPTO_memcmp(out, zeros.data(), zeros.size()) == 0)
        {
            result = DeriveResult::ALL_ZERO;
        }
    }
    if (result != DeriveResult::OK)
    {
        NS_LOG_LOGIC("X25519 derivation failed: " << CryptoOpenssl::TakeErrors());
    }
    return result;
}

/// \return true if the value has the length RFC 8031 section 2 requires
bool
HasValidLength(CryptoByteView value)
{
    return value.Size() == CryptoX25519KeyExchange::KEY_BYTES;
}

/**
 * \return a fixed private key for membership tests without a key pair, built once. Any clamped
 *         scalar (a multiple of 8 in [2^254, 2^255)) maps exactly the small-order points to
 *         zero: it is never a multiple of the large prime factor of the curve's or the twist's
 *         order.
 */
EVP_PKEY*
ProbeKey()
{
    static const std::array<uint8_t, CryptoX25519KeyExchange::KEY_BYTES> scalar{1};
    // Never freed: it lives as long as the process, as OpenSSL's own tables do.
    static EVP_PKEY* key =
        EVP_PKEY_new_raw_private_key_ex(nullptr, ALGORITHM, nullptr, scalar.data(), scalar.size());
    return key;
}

} // namespace

CryptoX25519KeyExchange::CryptoX25519KeyExchange(const CryptoDhGroup& group)
{
    if (std::string(group.opensslName) != ALGORITHM || group.publicValueBytes != KEY_BYTES ||
        group.sharedSecretBytes != KEY_BYTES)
    {
        throw std::invalid_argument("Diffie-Hellman group " + std::to_string(group.transformId) +
                                    " (" + group.opensslName + ") is not X25519");
    }
    if (!ProbeKey())
    {
        throw std::invalid_argument("X25519 is not available from OpenSSL: " +
                                    CryptoOpenssl::TakeErrors());
    }
}

CryptoX25519KeyExchange::~CryptoX25519KeyExchange() = default;

void
CryptoX25519KeyExchange::GenerateKeyPair(CryptoRandom& random, CryptoBytes& publicValue)
{
    // RFC 7748 section 6.1: the private key is 32 random bytes; clamping is part of X25519.
    std::array<uint8_t, KEY_BYTES> privateValue;
    random.Fill(privateValue.data(), privateValue.size());
    CryptoStatus status = Commit(privateValue.data(), publicValue);
    OPENSSL_cleanse(privateValue.data(), privateValue.size());
    if (status != CryptoStatus::OK)
    {
        // Only memory exhaustion gets here: not an input a peer controls.
        throw std::runtime_error("X25519 key pair generation failed: " +
                                 CryptoOpenssl::TakeErrors());
    }
}

CryptoStatus
CryptoX25519KeyExchange::SetPrivateValue(CryptoByteView privateValue, CryptoBytes& publicValue)
{
    if (!HasValidLength(privateValue))
    {
        return CryptoStatus::INVALID_KEY;
    }
    return Commit(privateValue.Data(), publicValue);
}

CryptoStatus
CryptoX25519KeyExchange::Commit(const uint8_t* privateValue, CryptoBytes& publicValue)
{
    CryptoEvpPkey key(
        EVP_PKEY_new_raw_private_key_ex(nullptr, ALGORITHM, nullptr, privateValue, KEY_BYTES));
    CryptoBytes encoded(KEY_BYTES);
    size_t length = encoded.size();
    if (!key || EVP_PKEY_get_raw_public_key(key.get(), encoded.data(), &length) != 1 ||
        length != KEY_BYTES)
    {
        NS_LOG_WARN("X25519 key set-up failed: " << CryptoOpenssl::TakeErrors());
        return CryptoStatus::INTERNAL_ERROR;
    }
    m_key = std::move(key);
    publicValue = std::move(encoded);
    return CryptoStatus::OK;
}

CryptoStatus
CryptoX25519KeyExchange::ValidatePublicValue(CryptoByteView peerPublicValue) const
{
    // RFC 8031 section 2: the public value is exactly 32 bytes.
    if (!HasValidLength(peerPublicValue))
    {
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    }
    std::array<uint8_t, KEY_BYTES> result;
    DeriveResult derived = Derive(ProbeKey(), peerPublicValue.Data(), result.data());
    OPENSSL_cleanse(result.data(), result.size());
    switch (derived)
    {
    case DeriveResult::OK:
        return CryptoStatus::OK;
    case DeriveResult::ALL_ZERO:
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    default:
        return CryptoStatus::INTERNAL_ERROR;
    }
}

CryptoStatus
CryptoX25519KeyExchange::ComputeSharedSecret(CryptoByteView peerPublicValue,
                                             CryptoBytes& sharedSecret) const
{
    if (!m_key)
    {
        return CryptoStatus::INVALID_KEY;
    }
    // RFC 8031 section 2: the public value is exactly 32 bytes.
    if (!HasValidLength(peerPublicValue))
    {
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    }
    CryptoBytes secret(KEY_BYTES);
    switch (Derive(m_key.get(), peerPublicValue.Data(), secret.data()))
    {
    case DeriveResult::OK:
        sharedSecret = std::move(secret);
        return CryptoStatus::OK;
    case DeriveResult::ALL_ZERO:
        // RFC 8031 section 2.1: an all-zero shared secret MUST be rejected.
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    default:
        return CryptoStatus::INTERNAL_ERROR;
    }
}

} // namespace ns3
