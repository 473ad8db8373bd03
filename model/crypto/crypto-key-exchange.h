/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_KEY_EXCHANGE_H
#define CRYPTO_KEY_EXCHANGE_H

#include "crypto-algorithm-table.h"
#include "crypto-bytes.h"
#include "crypto-openssl-handles.h"
#include "crypto-status.h"

#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace ns3
{

class CryptoRandom;

/**
 * \ingroup ipsec
 * \brief The arithmetic of one kind of Diffie-Hellman group (MODP, ECP, X25519) holding one
 * side's private value.
 *
 * Internal to CryptoKeyExchange, which picks the implementation from the group's kind; each
 * implementation lives in its own unit (crypto-modp-key-exchange, crypto-ecp-key-exchange,
 * crypto-x25519-key-exchange). Per-message operations return a CryptoStatus and never throw.
 */
class CryptoKeyExchangeMethod
{
  public:
    virtual ~CryptoKeyExchangeMethod();

    /**
     * \brief Draws a new private value and computes its public value.
     * \param random the only source of the private value's bits
     * \param publicValue receives the KE payload data
     */
    virtual void GenerateKeyPair(CryptoRandom& random, CryptoBytes& publicValue) = 0;

    /**
     * \brief Replaces the private value by a given one (test vectors) and computes its public
     * value; on failure nothing changes.
     * \param privateValue the private value in the group's encoding
     * \param publicValue receives the KE payload data
     * \return OK, or INVALID_KEY if the value has the wrong length or is out of range
     */
    virtual CryptoStatus SetPrivateValue(CryptoByteView privateValue, CryptoBytes& publicValue) = 0;

    /**
     * \param peerPublicValue a peer's KE payload data
     * \return OK, or INVALID_PUBLIC_VALUE if it fails the group's membership tests
     */
    virtual CryptoStatus ValidatePublicValue(CryptoByteView peerPublicValue) const = 0;

    /**
     * \brief Validates the peer's value, then computes g^ir with the private value.
     * \param peerPublicValue a peer's KE payload data
     * \param sharedSecret receives the shared secret (left untouched on failure)
     * \return OK, INVALID_PUBLIC_VALUE or INTERNAL_ERROR
     */
    virtual CryptoStatus ComputeSharedSecret(CryptoByteView peerPublicValue,
                                             CryptoBytes& sharedSecret) const = 0;

  protected:
    /**
     * \brief The parameters of a group, built on first use and kept for the life of the process
     * (like the algorithms CryptoOpenssl fetches): building them costs far more than using them.
     * \tparam Domain the parameter structure of one kind of group
     * \param group the group
     * \param build builds the parameters; returns nullptr if OpenSSL lacks the group
     * \param name how the error names the group after its number, e.g. " (modp2048)"
     * \return the parameters, shared by every exchange of the group
     * \throws std::invalid_argument "Diffie-Hellman group <number><name> is not available from
     *         OpenSSL: <reason>" if build fails
     */
    template <typename Domain>
    static const Domain& GetSharedDomain(const CryptoDhGroup& group,
                                         std::unique_ptr<Domain> (*build)(const CryptoDhGroup&),
                                         const std::string& name);

    /**
     * \brief Draws a value uniform in [1, n-1] (a private scalar or exponent).
     *
     * 64 bits beyond n's length make the bias of the reduction negligible (FIPS 186-4 appendix
     * B.1.1 and B.4.1, "extra random bits").
     *
     * \param random the only source of the value's bits
     * \param order n
     * \param orderMinusOne n - 1
     * \return the value, or nullptr if OpenSSL ran out of memory
     */
    static CryptoBignum DrawBelowOrder(CryptoRandom& random,
                                       const BIGNUM* order,
                                       const BIGNUM* orderMinusOne);

  private:
    /**
     * \param group the group
     * \param name how the error names the group after its number
     * \throws std::invalid_argument as GetSharedDomain()
     */
    [[noreturn]] static void ThrowUnavailable(const CryptoDhGroup& group, const std::string& name);
};

template <typename Domain>
const Domain&
CryptoKeyExchangeMethod::GetSharedDomain(const CryptoDhGroup& group,
                                         std::unique_ptr<Domain> (*build)(const CryptoDhGroup&),
                                         const std::string& name)
{
    static std::mutex mutex;
    // Never freed: they live as long as the process, as OpenSSL's own tables do.
    static std::map<uint16_t, const Domain*> domains;
    std::lock_guard<std::mutex> lock(mutex);
    auto found = domains.find(group.transformId);
    if (found != domains.end())
    {
        return *found->second;
    }
    std::unique_ptr<Domain> domain = build(group);
    if (!domain)
    {
        ThrowUnavailable(group, name);
    }
    return *(domains[group.transformId] = domain.release());
}

/**
 * \ingroup ipsec
 * \brief One Diffie-Hellman key exchange (one side): private value, public value (KE payload
 * data) and shared secret, for every group of CryptoAlgorithmTable::DhGroups().
 *
 * Encodings follow IKEv2: MODP values are big-endian and left-padded to the length of the prime
 * (RFC 7296 section 3.4 and 2.14); ECP public values are x || y and the shared secret is x only
 * (RFC 5903 section 7); X25519 values are the raw 32-byte strings of RFC 7748 (RFC 8031).
 *
 * Private values come only from a CryptoRandom, so a simulation run is reproducible. Group
 * parameters are built once per process and shared by all exchanges of the group.
 */
class CryptoKeyExchange : public SimpleRefCount<CryptoKeyExchange>
{
  public:
    /**
     * \param group IANA Diffie-Hellman group number (Transform Type 4 ID)
     * \throws std::invalid_argument naming the number and listing the supported groups if the
     *         group is unknown
     */
    explicit CryptoKeyExchange(uint16_t group);

    /**
     * \param group a group, normally one of CryptoAlgorithmTable::DhGroups()
     * \throws std::invalid_argument if the group's parameters are not available
     */
    explicit CryptoKeyExchange(const CryptoDhGroup& group);

    ~CryptoKeyExchange();
    CryptoKeyExchange(const CryptoKeyExchange&) = delete;
    CryptoKeyExchange& operator=(const CryptoKeyExchange&) = delete;

    /// \return the group
    const CryptoDhGroup& GetGroup() const;

    /**
     * \brief Draws a new private value from random and computes the public value.
     *
     * MODP: an exponent of the table's privateValueBits (RFC 5114 groups: uniform in [1, q-1]);
     * ECP: a scalar uniform in [1, n-1]; X25519: 32 random bytes.
     * \param random the random source (the same stream gives the same key pair)
     */
    void GenerateKeyPair(CryptoRandom& random);

    /**
     * \brief Sets a given private value (for test vectors) and computes the public value.
     * \param privateValue MODP exponent or ECP scalar, big-endian; X25519: the raw 32-byte key
     * \return OK, or INVALID_KEY (empty, too long, zero or not below the group order); on
     *         failure the previous key pair, if any, is kept
     */
    CryptoStatus SetPrivateValue(CryptoByteView privateValue);

    /// \return true once GenerateKeyPair() or a successful SetPrivateValue() has run
    bool HasKeyPair() const;

    /**
     * \return the KE payload data: MODP g^x mod p left-padded to the prime length (RFC 7296
     *         section 3.4); ECP x || y (RFC 5903 section 7); X25519 32 bytes (RFC 8031); empty
     *         before a key pair exists
     */
    const CryptoBytes& GetPublicValue() const;

    /**
     * \brief The membership tests ComputeSharedSecret() applies to a peer's value, on their own.
     * \param peerPublicValue the peer's KE payload data
     * \return OK or INVALID_PUBLIC_VALUE
     */
    CryptoStatus ValidatePublicValue(CryptoByteView peerPublicValue) const;

    /**
     * \brief Validates the peer's public value, then computes the shared secret g^ir.
     *
     * Rejected with INVALID_PUBLIC_VALUE: a wrong length; MODP y <= 1 or y >= p-1; for the
     * RFC 5114 groups y^q != 1 mod p (RFC 6989); an ECP point not on the curve; an X25519 value
     * giving the all-zero secret (RFC 8031 section 2.1).
     * \param peerPublicValue the peer's KE payload data
     * \param sharedSecret receives the secret: MODP padded to the prime length, ECP the x
     *        coordinate (RFC 5903 section 7), X25519 32 bytes; untouched on failure
     * \return OK, INVALID_PUBLIC_VALUE, INVALID_KEY (no key pair yet) or INTERNAL_ERROR
     */
    CryptoStatus ComputeSharedSecret(CryptoByteView peerPublicValue,
                                     CryptoBytes& sharedSecret) const;

    /// \return the supported groups as text, e.g. "1 (group1), 2 (group2), ...", for messages
    static std::string SupportedGroups();

  private:
    CryptoDhGroup m_group;                             //!< the group (a copy, not a reference)
    std::unique_ptr<CryptoKeyExchangeMethod> m_method; //!< the group's arithmetic and private value
    CryptoBytes m_publicValue;                         //!< KE payload data, empty before a key pair
};

} // namespace ns3

#endif /* CRYPTO_KEY_EXCHANGE_H */
