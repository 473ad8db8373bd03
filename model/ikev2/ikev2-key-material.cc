/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-key-material.h"

#include <utility>

namespace ns3
{

namespace
{

/// Hands out consecutive pieces of a prf+ stream.
class KeyStream
{
  public:
    explicit KeyStream(CryptoBytes stream)
        : m_stream(std::move(stream))
    {
    }

    CryptoBytes Take(size_t length)
    {
        CryptoBytes piece(m_stream.begin() + m_offset, m_stream.begin() + m_offset + length);
        m_offset += length;
        return piece;
    }

  private:
    CryptoBytes m_stream;
    size_t m_offset{0};
};

size_t
IntegrityKeyLength(const CryptoIntegrityAlgorithm* integrity)
{
    return integrity ? integrity->keyBytes : 0;
}

size_t
EncryptionKeyLength(const CryptoEncryptionAlgorithm* encryption)
{
    // RFC 5282 section 7.1 / RFC 4106 section 8.1: the salt is taken with the key.
    return encryption ? encryption->KeyMaterialBytes() : 0;
}

} // namespace

CryptoBytes
Ikev2KeyMaterial::ComputeSkeyseed(const CryptoPrf& prf,
                                  CryptoByteView nonceInitiator,
                                  CryptoByteView nonceResponder,
                                  CryptoByteView sharedSecret)
{
    return prf.Compute(CryptoConcat({nonceInitiator, nonceResponder}), sharedSecret);
}

CryptoBytes
Ikev2KeyMaterial::ComputeRekeySkeyseed(const CryptoPrf& oldPrf,
                                       CryptoByteView oldSkD,
                                       CryptoByteView sharedSecret,
                                       CryptoByteView nonceInitiator,
                                       CryptoByteView nonceResponder)
{
    return oldPrf.Compute(oldSkD, CryptoConcat({sharedSecret, nonceInitiator, nonceResponder}));
}

Ikev2IkeSaKeys
Ikev2KeyMaterial::DeriveIkeSaKeys(const Ikev2IkeSaAlgorithms& algorithms,
                                  CryptoByteView skeyseed,
                                  CryptoByteView nonceInitiator,
                                  CryptoByteView nonceResponder,
                                  CryptoByteView spiInitiator,
                                  CryptoByteView spiResponder)
{
    const CryptoPrf prf(*algorithms.prf);
    const size_t prfKey = prf.GetOutputSize();
    const size_t integrityKey = IntegrityKeyLength(algorithms.integrity);
    const size_t encryptionKey = EncryptionKeyLength(algorithms.encryption);
    const size_t total = 3 * prfKey + 2 * integrityKey + 2 * encryptionKey;
    KeyStream stream(
        prf.PrfPlus(skeyseed,
                    CryptoConcat({nonceInitiator, nonceResponder, spiInitiator, spiResponder}),
                    total));
    Ikev2IkeSaKeys keys;
    // RFC 7296 section 2.14 fixes this order.
    keys.skD = stream.Take(prfKey);
    keys.skAi = stream.Take(integrityKey);
    keys.skAr = stream.Take(integrityKey);
    keys.skEi = stream.Take(encryptionKey);
    keys.skEr = stream.Take(encryptionKey);
    keys.skPi = stream.Take(prfKey);
    keys.skPr = stream.Take(prfKey);
    return keys;
}

Ikev2ChildSaKeys
Ikev2KeyMaterial::DeriveChildSaKeys(const CryptoPrf& prf,
                                    CryptoByteView skD,
                                    const Ikev2ChildSaAlgorithms& algorithms,
                                    CryptoByteView nonceInitiator,
                                    CryptoByteView nonceResponder,
                                    CryptoByteView pfsSharedSecret)
{
    const size_t encryptionKey = EncryptionKeyLength(algorithms.encryption);
    const size_t integrityKey = IntegrityKeyLength(algorithms.integrity);
    KeyStream stream(prf.PrfPlus(skD,
                                 CryptoConcat({pfsSharedSecret, nonceInitiator, nonceResponder}),
                                 2 * (encryptionKey + integrityKey)));
    Ikev2ChildSaKeys keys;
    // RFC 7296 section 2.17: initiator-to-responder keys first, encryption before integrity.
    keys.encryptionInitiatorToResponder = stream.Take(encryptionKey);
    keys.integrityInitiatorToResponder = stream.Take(integrityKey);
    keys.encryptionResponderToInitiator = stream.Take(encryptionKey);
    keys.integrityResponderToInitiator = stream.Take(integrityKey);
    return keys;
}

} // namespace ns3
