/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_MODP_KEY_EXCHANGE_H
#define CRYPTO_MODP_KEY_EXCHANGE_H

#include "crypto-key-exchange.h"
#include "crypto-openssl-handles.h"

#include <openssl/types.h>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The domain parameters of a MODP group as big-endian bytes (no leading zeros).
 */
struct CryptoModpGroupParameters
{
    CryptoBytes prime;         //!< p
    CryptoBytes generator;     //!< g
    CryptoBytes subgroupOrder; //!< q for the RFC 5114 groups; empty for the safe-prime groups
};

struct CryptoModpDomain;

/**
 * \ingroup ipsec
 * \brief Finite-field Diffie-Hellman over the MODP groups of RFC 2409 (1, 2), RFC 3526 (5,
 * 14-18) and RFC 5114 (22-24, prime-order subgroup).
 *
 * The primes come from OpenSSL (BN_get_rfc2409_prime_*, BN_get_rfc3526_prime_*, and the named
 * FFC groups dh_1024_160, dh_2048_224, dh_2048_256), never from a copy in this module; they and
 * a Montgomery context per group are built once per process. Exponentiations with the private
 * value run in constant time (BN_mod_exp_mont_consttime).
 */
class CryptoModpKeyExchange : public CryptoKeyExchangeMethod
{
  public:
    /**
     * \param group a MODP group
     * \throws std::invalid_argument if OpenSSL does not provide the group
     */
    explicit CryptoModpKeyExchange(const CryptoDhGroup& group);
    ~CryptoModpKeyExchange() override;
    CryptoModpKeyExchange(const CryptoModpKeyExchange&) = delete;
    CryptoModpKeyExchange& operator=(const CryptoModpKeyExchange&) = delete;

    void GenerateKeyPair(CryptoRandom& random, CryptoBytes& publicValue) override;
    CryptoStatus SetPrivateValue(CryptoByteView privateValue, CryptoBytes& publicValue) override;
    CryptoStatus ValidatePublicValue(CryptoByteView peerPublicValue) const override;
    CryptoStatus ComputeSharedSecret(CryptoByteView peerPublicValue,
                                     CryptoBytes& sharedSecret) const override;

    /**
     * \param group a MODP group
     * \return p, g (and q) exactly as this class uses them, as taken from OpenSSL
     * \throws std::invalid_argument if OpenSSL does not provide the group
     */
    static CryptoModpGroupParameters GetParameters(const CryptoDhGroup& group);

  private:
    /**
     * \param group a MODP group
     * \return its parameters, built on first use and shared for the process
     * \throws std::invalid_argument if OpenSSL does not provide the group
     */
    static const CryptoModpDomain& GetDomain(const CryptoDhGroup& group);

    /**
     * \brief Computes g^x mod p for a private value and commits both.
     * \param exponent the new private value (freed on failure)
     * \param publicValue receives g^x mod p, padded to the prime length
     * \return OK or INTERNAL_ERROR
     */
    CryptoStatus Commit(CryptoBignum exponent, CryptoBytes& publicValue);

    /**
     * \brief Decodes and tests a peer's value.
     * \param peerPublicValue the KE payload data
     * \param ctx scratch space
     * \param value receives y when OK
     * \return OK, INVALID_PUBLIC_VALUE or INTERNAL_ERROR
     */
    CryptoStatus DecodePeer(CryptoByteView peerPublicValue, BN_CTX* ctx, CryptoBignum& value) const;

    const CryptoModpDomain* m_domain; //!< the group's parameters, shared for the process
    CryptoBignum m_private;           //!< the private exponent x; nullptr before a key pair
};

} // namespace ns3

#endif /* CRYPTO_MODP_KEY_EXCHANGE_H */
