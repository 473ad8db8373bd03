/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_ECP_KEY_EXCHANGE_H
#define CRYPTO_ECP_KEY_EXCHANGE_H

#include "crypto-key-exchange.h"
#include "crypto-openssl-handles.h"

#include <openssl/ec.h>

namespace ns3
{

struct CryptoEcpDomain;

/**
 * \ingroup ipsec
 * \brief Elliptic curve Diffie-Hellman over the NIST prime curves: groups 19, 20, 21 (RFC 5903)
 * and 25, 26 (RFC 5114).
 *
 * The curve comes from EC_GROUP_new_by_curve_name, once per process, so that OpenSSL's
 * optimised implementations (P-256 in particular) are used. The KE payload data is x || y, each
 * coordinate big-endian and padded to the field length; the shared secret is the x coordinate
 * of the shared point (RFC 5903 section 7).
 */
class CryptoEcpKeyExchange : public CryptoKeyExchangeMethod
{
  public:
    /**
     * \param group an ECP group
     * \throws std::invalid_argument if OpenSSL does not provide the curve
     */
    explicit CryptoEcpKeyExchange(const CryptoDhGroup& group);
    ~CryptoEcpKeyExchange() override;
    CryptoEcpKeyExchange(const CryptoEcpKeyExchange&) = delete;
    CryptoEcpKeyExchange& operator=(const CryptoEcpKeyExchange&) = delete;

    void GenerateKeyPair(CryptoRandom& random, CryptoBytes& publicValue) override;
    CryptoStatus SetPrivateValue(CryptoByteView privateValue, CryptoBytes& publicValue) override;
    CryptoStatus ValidatePublicValue(CryptoByteView peerPublicValue) const override;
    CryptoStatus ComputeSharedSecret(CryptoByteView peerPublicValue,
                                     CryptoBytes& sharedSecret) const override;

  private:
    /**
     * \brief Computes the public point of a scalar and commits both.
     * \param scalar the new private value (freed on failure)
     * \param publicValue receives x || y
     * \return OK or INTERNAL_ERROR
     */
    CryptoStatus Commit(CryptoBignum scalar, CryptoBytes& publicValue);

    /**
     * \brief Decodes and tests a peer's point.
     * \param peerPublicValue the KE payload data
     * \param ctx scratch space
     * \param point receives the point when OK
     * \return OK, INVALID_PUBLIC_VALUE or INTERNAL_ERROR
     */
    CryptoStatus DecodePeer(CryptoByteView peerPublicValue,
                            BN_CTX* ctx,
                            CryptoEcPoint& point) const;

    const CryptoEcpDomain* m_domain; //!< the curve, shared for the process
    CryptoBignum m_private;          //!< the private scalar; nullptr before a key pair
};

} // namespace ns3

#endif /* CRYPTO_ECP_KEY_EXCHANGE_H */
