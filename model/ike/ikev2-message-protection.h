/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_MESSAGE_PROTECTION_H
#define IKEV2_MESSAGE_PROTECTION_H

#include "ikev2-message.h"
#include "ikev2-parse-error.h"
#include "ikev2-payload-chain.h"

#include "ns3/crypto-bytes.h"
#include "ns3/crypto-cipher.h"
#include "ns3/crypto-integrity.h"
#include "ns3/crypto-status.h"
#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace ns3
{

/**
 * \brief Writes the IV of one SK payload: size bytes at iv. IVs must be unpredictable for CBC
 * and never repeat under one key for AEAD (RFC 7296 section 3.14, RFC 5282 section 3.1), so
 * the caller decides where they come from (CryptoRandom in a simulation, fixed in a test).
 */
using Ikev2IvSource = std::function<void(uint8_t* iv, size_t size)>;

/**
 * \ingroup ipsec
 * \brief Builds and opens the Encrypted and Authenticated payload SK (RFC 7296 section 3.14)
 * under one direction's keys (SK_ei/SK_ai or SK_er/SK_ar).
 *
 * The SK body is IV | ciphertext | ICV, where the plaintext is the inner payload chain, then
 * padding, then the Pad Length byte. With a CBC cipher the ICV is the integrity transform over
 * the whole message, from the first byte of the IKE header to the last byte of the ciphertext.
 * With AES-GCM (RFC 5282) the ICV is the AEAD tag and the associated data is every byte before
 * the IV: the IKE header, any unencrypted payloads, and the SK generic header; the 8-byte IV is
 * combined with the salt at the end of the key material into the nonce.
 */
class Ikev2MessageProtection : public SimpleRefCount<Ikev2MessageProtection>
{
  public:
    /**
     * \param cipher the encryption transform, keyed
     * \param integrity the integrity transform, keyed; nullptr for AEAD ciphers
     * \param ivSource where IVs come from
     * \throws std::invalid_argument if an integrity transform is missing for a non-AEAD
     *         cipher, given for an AEAD one, or ivSource is empty (configuration errors)
     */
    Ikev2MessageProtection(Ptr<CryptoCipher> cipher,
                           Ptr<CryptoIntegrity> integrity,
                           Ikev2IvSource ivSource);

    /**
     * \brief Builds the protection from Junos algorithm names and keys.
     * \param encryption Junos encryption name, e.g. "aes-256-gcm" or "aes-128-cbc"
     * \param encryptionKey the key followed by the salt (SK_e, KeyMaterialBytes() long)
     * \param integrity Junos integrity name, e.g. "hmac-sha-256-128"; empty for AEAD
     * \param integrityKey SK_a; empty for AEAD
     * \param ivSource where IVs come from
     * \return the protection
     * \throws std::invalid_argument on unknown names or wrong key lengths
     */
    static Ptr<Ikev2MessageProtection> FromNames(const std::string& encryption,
                                                 CryptoByteView encryptionKey,
                                                 const std::string& integrity,
                                                 CryptoByteView integrityKey,
                                                 Ikev2IvSource ivSource);

    /// \return the IV length in the SK payload
    size_t GetIvSize() const;

    /// \return the ICV length in the SK payload
    size_t GetIcvSize() const;

    /**
     * \brief Serializes message with an SK payload appended that carries inner.
     * \param message the header and any unencrypted payloads (none may be an SK payload)
     * \param inner the payloads to encrypt, in order
     * \param datagram receives the whole message
     * \return OK, or the cipher's error
     */
    CryptoStatus Protect(const Ikev2Message& message,
                         const Ikev2PayloadList& inner,
                         CryptoBytes* datagram) const;

    /**
     * \brief Parses a message whose last payload is SK, verifies its ICV before decrypting it,
     * checks the padding and parses the inner payloads.
     * \param datagram the received message
     * \param message receives the message (its SK payload still opaque)
     * \param inner receives the decrypted payloads
     * \return success, or the reason (offsets of inner errors count from the first plaintext
     *         byte)
     */
    Ikev2ParseStatus Unprotect(CryptoByteView datagram,
                               Ikev2Message* message,
                               Ikev2PayloadList* inner) const;

  private:
    Ptr<CryptoCipher> m_cipher;       //!< encryption transform
    Ptr<CryptoIntegrity> m_integrity; //!< integrity transform, null for AEAD
    Ikev2IvSource m_ivSource;         //!< IV generator
};

} // namespace ns3

#endif /* IKEV2_MESSAGE_PROTECTION_H */
