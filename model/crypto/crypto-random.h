/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_RANDOM_H
#define CRYPTO_RANDOM_H

#include "crypto-bytes.h"

#include "ns3/object.h"
#include "ns3/ptr.h"

namespace ns3
{

class UniformRandomVariable;

/**
 * \ingroup ipsec
 * \brief The source of every random byte the module uses: IVs, nonces, SPIs, DH private values,
 * ECDSA per-signature secrets.
 *
 * The bytes come from an ns-3 random stream, never from OpenSSL's generator, so a run is
 * reproducible: the same RngSeed/RngRun and stream assignment give byte-identical packets, and a
 * different RngRun gives different ones. Each node (or daemon) owns one instance and fixes its
 * stream with AssignStreams().
 *
 * Tests may derive from this class and override Fill() to inject fixed bytes.
 */
class CryptoRandom : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    CryptoRandom();
    ~CryptoRandom() override;

    /**
     * \brief Writes random bytes.
     * \param out where to write
     * \param size how many bytes
     */
    virtual void Fill(uint8_t* out, size_t size);

    /**
     * \param size how many bytes
     * \return that many random bytes
     */
    CryptoBytes Generate(size_t size);

    /**
     * \brief Fixes the random stream used, for reproducible runs.
     * \param stream first stream index to use
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    Ptr<UniformRandomVariable> m_uniform; //!< the ns-3 stream the bytes come from
};

} // namespace ns3

#endif /* CRYPTO_RANDOM_H */
