/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_CIPHER_H
#define CRYPTO_CIPHER_H

#include "crypto-algorithm-table.h"
#include "crypto-bytes.h"
#include "crypto-status.h"

#include "ns3/simple-ref-count.h"

#include <openssl/types.h>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief An encryption transform under one key: CBC (DES, 3DES, AES), AES-CTR, AEAD (AES-GCM,
 * ChaCha20-Poly1305) or null, as ESP and IKE's SK payload use it.
 *
 * The caller supplies the per-packet IV and, for AEAD, the associated data; the cipher builds the
 * nonce or counter block from the salt in the keying material (RFC 4106 section 4, RFC 3686
 * section 4, RFC 7634 section 2). Padding is the caller's business (ESP and IKE pad
 * differently): CBC input must be whole blocks. The key schedule is computed once per key, so
 * a packet costs only the per-IV set-up and the bulk work.
 */
class CryptoCipher : public SimpleRefCount<CryptoCipher>
{
  public:
    /**
     * \param algorithm the transform (from CryptoAlgorithmTable)
     * \param keyMaterial the key followed by the salt, algorithm.KeyMaterialBytes() long
     * \throws std::invalid_argument naming the algorithm and both lengths on a wrong length
     * \throws std::runtime_error if OpenSSL lacks the cipher (e.g. no legacy provider for DES)
     */
    CryptoCipher(const CryptoEncryptionAlgorithm& algorithm, CryptoByteView keyMaterial);
    ~CryptoCipher();
    CryptoCipher(const CryptoCipher&) = delete;
    CryptoCipher& operator=(const CryptoCipher&) = delete;

    /// \return the transform
    const CryptoEncryptionAlgorithm& GetAlgorithm() const;

    /**
     * \param iv the packet's IV, GetAlgorithm().ivBytes long
     * \param aad associated data (AEAD only; must be empty otherwise)
     * \param in plaintext
     * \param length plaintext length (whole blocks for CBC)
     * \param out receives length bytes of ciphertext; may equal in
     * \param icv receives GetAlgorithm().icvBytes bytes of tag (AEAD only; else unused)
     * \return OK, INVALID_LENGTH or INTERNAL_ERROR
     */
    CryptoStatus Encrypt(const uint8_t* iv,
                         CryptoByteView aad,
                         const uint8_t* in,
                         size_t length,
                         uint8_t* out,
                         uint8_t* icv);

    /**
     * \param iv the packet's IV
     * \param aad associated data (AEAD only)
     * \param in ciphertext
     * \param length ciphertext length
     * \param out receives length bytes of plaintext; may equal in
     * \param icv the received tag (AEAD only)
     * \return OK, AUTHENTICATION_FAILED (AEAD tag mismatch; out must then be discarded),
     *         INVALID_LENGTH or INTERNAL_ERROR
     */
    CryptoStatus Decrypt(const uint8_t* iv,
                         CryptoByteView aad,
                         const uint8_t* in,
                         size_t length,
                         uint8_t* out,
                         const uint8_t* icv);

  private:
    /**
     * \brief Writes the cipher's IV input for one packet: salt | IV (AEAD), salt | IV | 1 (CTR),
     * or the IV itself (CBC).
     * \param iv the packet's IV
     * \param nonce receives the cipher IV (at most 16 bytes)
     */
    void BuildNonce(const uint8_t* iv, uint8_t* nonce) const;

    /**
     * \brief Runs one packet through a context.
     * \param context m_encrypt or m_decrypt
     * \param iv the packet's IV
     * \param aad associated data
     * \param in input
     * \param length input length
     * \param out output
     * \return OK, INVALID_LENGTH or INTERNAL_ERROR
     */
    CryptoStatus Run(EVP_CIPHER_CTX* context,
                     const uint8_t* iv,
                     CryptoByteView aad,
                     const uint8_t* in,
                     size_t length,
                     uint8_t* out);

    const CryptoEncryptionAlgorithm& m_algorithm; //!< the transform
    CryptoBytes m_salt;                           //!< keying material after the key
    EVP_CIPHER_CTX* m_encrypt;                    //!< keyed encryption context
    EVP_CIPHER_CTX* m_decrypt;                    //!< keyed decryption context
};

} // namespace ns3

#endif /* CRYPTO_CIPHER_H */
