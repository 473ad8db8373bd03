/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-message-protection.h"

#include "ikev2-encrypted-payload.h"

#include "ns3/abort.h"
#include "ns3/crypto-algorithm-table.h"

#include <stdexcept>
#include <utility>

namespace ns3
{

Ikev2MessageProtection::Ikev2MessageProtection(Ptr<CryptoCipher> cipher,
                                               Ptr<CryptoIntegrity> integrity,
                                               Ikev2IvSource ivSource)
    : m_cipher(std::move(cipher)),
      m_integrity(std::move(integrity)),
      m_ivSource(std::move(ivSource))
{
    if (!m_cipher || !m_ivSource)
    {
        throw std::invalid_argument("IKEv2 SK protection needs a cipher and an IV source");
    }
    const CryptoEncryptionAlgorithm& algorithm = m_cipher->GetAlgorithm();
    if (algorithm.IsAead() && m_integrity)
    {
        throw std::invalid_argument(std::string("IKEv2 SK protection: ") + algorithm.name +
                                    " is a combined-mode cipher and takes no integrity transform");
    }
    if (!algorithm.IsAead() && !m_integrity)
    {
        throw std::invalid_argument(std::string("IKEv2 SK protection: ") + algorithm.name +
                                    " needs an integrity transform");
    }
}

Ptr<Ikev2MessageProtection>
Ikev2MessageProtection::FromNames(const std::string& encryption,
                                  CryptoByteView encryptionKey,
                                  const std::string& integrity,
                                  CryptoByteView integrityKey,
                                  Ikev2IvSource ivSource)
{
    const CryptoEncryptionAlgorithm& cipherAlgorithm =
        CryptoAlgorithmTable::GetEncryption(encryption, "IKEv2 SK encryption");
    Ptr<CryptoCipher> cipher = Create<CryptoCipher>(cipherAlgorithm, encryptionKey);
    Ptr<CryptoIntegrity> integrityTransform;
    if (!integrity.empty())
    {
        integrityTransform = Create<CryptoIntegrity>(
            CryptoAlgorithmTable::GetIntegrity(integrity, "IKEv2 SK integrity"),
            integrityKey);
    }
    return Create<Ikev2MessageProtection>(cipher, integrityTransform, std::move(ivSource));
}

size_t
Ikev2MessageProtection::GetIvSize() const
{
    return m_cipher->GetAlgorithm().ivBytes;
}

size_t
Ikev2MessageProtection::GetIcvSize() const
{
    return m_integrity ? m_integrity->GetIcvSize() : m_cipher->GetAlgorithm().icvBytes;
}

CryptoStatus
Ikev2MessageProtection::Protect(const Ikev2Message& message,
                                const Ikev2PayloadList& inner,
                                CryptoBytes* datagram) const
{
    NS_ABORT_MSG_IF(message.FindPayload(Ikev2PayloadType::ENCRYPTED),
                    "message to protect already has an SK payload");
    const CryptoEncryptionAlgorithm& algorithm = m_cipher->GetAlgorithm();
    size_t ivSize = GetIvSize();
    size_t icvSize = GetIcvSize();

    // Plaintext: payloads | padding | Pad Length, a whole number of cipher blocks
    // (RFC 7296 section 3.14); the padding bytes may be anything, zeros here.
    CryptoBytes plaintext = Ikev2PayloadChain::Serialize(inner);
    size_t block = algorithm.blockBytes == 0 ? 1 : algorithm.blockBytes;
    size_t padLength = (block - (plaintext.size() + 1) % block) % block;
    plaintext.insert(plaintext.end(), padLength, 0);
    plaintext.push_back(static_cast<uint8_t>(padLength));

    // Lay the message out with a zero body of the final size, so that the header's Length and
    // the SK Payload Length are final before they enter the ICV or the AAD.
    size_t bodySize = ivSize + plaintext.size() + icvSize;
    Ikev2Message protectedMessage = message;
    protectedMessage.AddPayload(
        Create<Ikev2EncryptedPayload>(Ikev2PayloadChain::GetFirstType(inner),
                                      CryptoBytes(bodySize, 0)));
    CryptoBytes bytes = protectedMessage.Serialize();
    size_t ivOffset = bytes.size() - bodySize;
    size_t ciphertextOffset = ivOffset + ivSize;
    size_t icvOffset = ciphertextOffset + plaintext.size();

    m_ivSource(bytes.data() + ivOffset, ivSize);
    CryptoByteView aad;
    if (algorithm.IsAead())
    {
        aad = CryptoByteView(bytes.data(), ivOffset); // RFC 5282 section 5.1
    }
    CryptoStatus status = m_cipher->Encrypt(bytes.data() + ivOffset,
                                            aad,
                                            plaintext.data(),
                                            plaintext.size(),
                                            bytes.data() + ciphertextOffset,
                                            bytes.data() + icvOffset);
    if (status != CryptoStatus::OK)
    {
        return status;
    }
    if (m_integrity)
    {
        m_integrity->Compute({CryptoByteView(bytes.data(), icvOffset)}, bytes.data() + icvOffset);
    }
    *datagram = std::move(bytes);
    return CryptoStatus::OK;
}

Ikev2ParseStatus
Ikev2MessageProtection::Unprotect(CryptoByteView datagram,
                                  Ikev2Message* message,
                                  Ikev2PayloadList* inner) const
{
    inner->clear();
    Ikev2ParseStatus status = Ikev2Message::Parse(datagram, message);
    if (!status.IsOk())
    {
        return status;
    }
    const Ikev2PayloadList& payloads = message->GetPayloads();
    Ptr<Ikev2EncryptedPayload> encrypted =
        payloads.empty() ? nullptr : DynamicCast<Ikev2EncryptedPayload>(payloads.back());
    if (!encrypted)
    {
        return Ikev2ParseStatus(Ikev2ParseError::MISSING_ENCRYPTED_PAYLOAD, datagram.Size());
    }
    const CryptoEncryptionAlgorithm& algorithm = m_cipher->GetAlgorithm();
    const CryptoBytes& body = encrypted->GetBody();
    size_t ivSize = GetIvSize();
    size_t icvSize = GetIcvSize();
    size_t ivOffset = datagram.Size() - body.size(); // SK is last and Length is the datagram's
    auto fail = [ivOffset](Ikev2ParseError error) {
        return Ikev2ParseStatus(error, ivOffset, Ikev2PayloadType::ENCRYPTED);
    };
    // At least the IV, the ICV and a Pad Length byte; CBC ciphertext in whole blocks.
    if (body.size() < ivSize + icvSize + 1)
    {
        return fail(Ikev2ParseError::INVALID_ENCRYPTED_LENGTH);
    }
    size_t ciphertextSize = body.size() - ivSize - icvSize;
    size_t block = algorithm.blockBytes == 0 ? 1 : algorithm.blockBytes;
    if (ciphertextSize % block != 0)
    {
        return fail(Ikev2ParseError::INVALID_ENCRYPTED_LENGTH);
    }
    const uint8_t* iv = datagram.Data() + ivOffset;
    const uint8_t* ciphertext = iv + ivSize;
    const uint8_t* icv = ciphertext + ciphertextSize;

    // Authenticate first: nothing of a forged or corrupted message reaches the cipher or the
    // payload parsers.
    if (m_integrity &&
        m_integrity->Verify({CryptoByteView(datagram.Data(), ivOffset + ivSize + ciphertextSize)},
                            CryptoByteView(icv, icvSize)) != CryptoStatus::OK)
    {
        return fail(Ikev2ParseError::INTEGRITY_CHECK_FAILED);
    }
    CryptoByteView aad;
    if (algorithm.IsAead())
    {
        aad = CryptoByteView(datagram.Data(), ivOffset);
    }
    CryptoBytes plaintext(ciphertextSize);
    CryptoStatus decrypted =
        m_cipher->Decrypt(iv, aad, ciphertext, ciphertextSize, plaintext.data(), icv);
    if (decrypted == CryptoStatus::AUTHENTICATION_FAILED)
    {
        return fail(Ikev2ParseError::INTEGRITY_CHECK_FAILED);
    }
    if (decrypted != CryptoStatus::OK)
    {
        return fail(Ikev2ParseError::DECRYPTION_FAILED);
    }
    size_t padLength = plaintext.back();
    if (padLength + 1 > plaintext.size())
    {
        return fail(Ikev2ParseError::INVALID_PADDING);
    }
    size_t payloadsSize = plaintext.size() - padLength - 1;
    return Ikev2PayloadChain::ParseInner(encrypted->GetFirstInnerType(),
                                         CryptoByteView(plaintext.data(), payloadsSize),
                                         inner);
}

} // namespace ns3
