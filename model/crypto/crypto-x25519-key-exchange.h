/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_X25519_KEY_EXCHANGE_H
#define CRYPTO_X25519_KEY_EXCHANGE_H

#include "crypto-key-exchange.h"
#include "crypto-openssl-handles.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Diffie-Hellman with Curve25519 (X25519, RFC 7748) for IKEv2: group 31 (RFC 8031).
 *
 * Private and public values are the raw 32-byte strings of RFC 7748; the private key is built
 * with EVP_PKEY_new_raw_private_key from CryptoRandom bytes (OpenSSL clamps it) and the secret
 * comes from EVP_PKEY_derive.
 */
class CryptoX25519KeyExchange : public CryptoKeyExchangeMethod
{
  public:
    /// Length of private values, public values and shared secrets (RFC 7748 section 5).
    static constexpr size_t KEY_BYTES = 32;

    /**
     * \param group the X25519 group
     * \throws std::invalid_argument if the group is not X25519 or OpenSSL lacks it
     */
    explicit CryptoX25519KeyExchange(const CryptoDhGroup& group);
    ~CryptoX25519KeyExchange() override;
    CryptoX25519KeyExchange(const CryptoX25519KeyExchange&) = delete;
    CryptoX25519KeyExchange& operator=(const CryptoX25519KeyExchange&) = delete;

    void GenerateKeyPair(CryptoRandom& random, CryptoBytes& publicValue) override;
    CryptoStatus SetPrivateValue(CryptoByteView privateValue, CryptoBytes& publicValue) override;
    CryptoStatus ValidatePublicValue(CryptoByteView peerPublicValue) const override;
    CryptoStatus ComputeSharedSecret(CryptoByteView peerPublicValue,
                                     CryptoBytes& sharedSecret) const override;

  private:
    /**
     * \brief Builds the key for a raw private value and commits it.
     * \param privateValue 32 bytes
     * \param publicValue receives the 32-byte public key
     * \return OK or INTERNAL_ERROR
     */
    CryptoStatus Commit(const uint8_t* privateValue, CryptoBytes& publicValue);

    CryptoEvpPkey m_key; //!< the private key (wiped when freed); nullptr before a key pair
};

} // namespace ns3

#endif /* CRYPTO_X25519_KEY_EXCHANGE_H */
