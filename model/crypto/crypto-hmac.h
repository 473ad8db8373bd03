/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_HMAC_H
#define CRYPTO_HMAC_H

#include "crypto-bytes.h"

#include <openssl/types.h>
#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief HMAC (RFC 2104) under one key: the shared engine of integrity transforms and PRFs.
 *
 * The key is set once; each computation restarts from the keyed state, so a per-packet ICV
 * costs no key set-up.
 */
class CryptoHmac
{
  public:
    /**
     * \param digestName OpenSSL digest name, e.g. "SHA2-256"
     * \param key the HMAC key (any length, RFC 2104 section 2)
     * \throws std::invalid_argument if the digest is unknown
     */
    CryptoHmac(const std::string& digestName, CryptoByteView key);
    ~CryptoHmac();
    CryptoHmac(const CryptoHmac&) = delete;
    CryptoHmac& operator=(const CryptoHmac&) = delete;

    /// \return the full HMAC output length in bytes
    size_t GetOutputSize() const;

    /// \brief Starts a new computation under the key.
    void Begin();

    /// \param data more input
    void Update(CryptoByteView data);

    /// \param out receives GetOutputSize() bytes
    void Finish(uint8_t* out);

    /**
     * \param data the whole input
     * \param out receives GetOutputSize() bytes
     */
    void Compute(CryptoByteView data, uint8_t* out);

  private:
    EVP_MAC_CTX* m_context; //!< keyed HMAC state
    size_t m_outputSize;    //!< digest length
};

} // namespace ns3

#endif /* CRYPTO_HMAC_H */
