/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_INTEGRITY_H
#define CRYPTO_INTEGRITY_H

#include "crypto-algorithm-table.h"
#include "crypto-bytes.h"
#include "crypto-hmac.h"
#include "crypto-status.h"

#include "ns3/simple-ref-count.h"

#include <initializer_list>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief An integrity transform under one key: HMAC truncated to the ICV length
 * (RFC 2403, 2404, 4868), as ESP, AH and IKE's SK payload use it.
 */
class CryptoIntegrity : public SimpleRefCount<CryptoIntegrity>
{
  public:
    /**
     * \param algorithm the transform (from CryptoAlgorithmTable)
     * \param key the key; its length must be the transform's key length
     * \throws std::invalid_argument naming the algorithm and both lengths if it is not
     */
    CryptoIntegrity(const CryptoIntegrityAlgorithm& algorithm, CryptoByteView key);

    /// \return the transform
    const CryptoIntegrityAlgorithm& GetAlgorithm() const;

    /// \return the ICV length in bytes
    size_t GetIcvSize() const;

    /**
     * \param parts the covered data, in order (e.g. ESP header, IV, ciphertext)
     * \param icv receives GetIcvSize() bytes
     */
    void Compute(std::initializer_list<CryptoByteView> parts, uint8_t* icv);

    /**
     * \param data the covered data
     * \return the ICV
     */
    CryptoBytes Compute(CryptoByteView data);

    /**
     * \param parts the covered data, in order
     * \param icv the received ICV
     * \return OK, AUTHENTICATION_FAILED, or INVALID_LENGTH if the ICV has the wrong length
     */
    CryptoStatus Verify(std::initializer_list<CryptoByteView> parts, CryptoByteView icv);

  private:
    const CryptoIntegrityAlgorithm& m_algorithm; //!< the transform
    CryptoHmac m_hmac;                           //!< keyed HMAC
};

} // namespace ns3

#endif /* CRYPTO_INTEGRITY_H */
