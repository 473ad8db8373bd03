/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_PRF_H
#define CRYPTO_PRF_H

#include "crypto-algorithm-table.h"
#include "crypto-bytes.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief A pseudo-random function of IKE and its expansion prf+ (RFC 7296 section 2.13).
 *
 * Used for SKEYSEED, SK_* and Child SA KEYMAT (RFC 7296 sections 2.14, 2.17, 2.18) and for
 * IKEv1's SKEYID derivations (RFC 2409 section 5).
 */
class CryptoPrf
{
  public:
    /// \param algorithm the PRF (from CryptoAlgorithmTable)
    explicit CryptoPrf(const CryptoPrfAlgorithm& algorithm);

    /// \return the PRF
    const CryptoPrfAlgorithm& GetAlgorithm() const;

    /// \return the output length in bytes
    size_t GetOutputSize() const;

    /**
     * \param key the key (any length for HMAC PRFs)
     * \param data the input
     * \return prf(key, data)
     */
    CryptoBytes Compute(CryptoByteView key, CryptoByteView data) const;

    /**
     * \brief prf+(K, S) = T1 | T2 | ..., T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n).
     * \param key K
     * \param seed S
     * \param length bytes wanted
     * \return the first length bytes of the stream
     * \throws std::invalid_argument if length needs more than 255 blocks (RFC 7296 2.13)
     */
    CryptoBytes PrfPlus(CryptoByteView key, CryptoByteView seed, size_t length) const;

  private:
    const CryptoPrfAlgorithm& m_algorithm; //!< the PRF
};

} // namespace ns3

#endif /* CRYPTO_PRF_H */
