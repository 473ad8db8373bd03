/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_ENCRYPTED_PAYLOAD_H
#define IKEV2_ENCRYPTED_PAYLOAD_H

#include "ikev2-payload.h"

#include "ns3/crypto-bytes.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Encrypted and Authenticated payload SK (RFC 7296 section 3.14), as the message codec
 * sees it: an opaque body (IV, ciphertext, ICV) and the type of the first payload inside.
 *
 * The SK payload's Next Payload field does not name a following payload (SK is always last)
 * but the first of the encrypted ones. Ikev2MessageProtection fills in and opens the body.
 */
class Ikev2EncryptedPayload : public Ikev2Payload
{
  public:
    /**
     * \param firstInnerType type of the first encrypted payload
     * \param body IV | ciphertext | ICV
     */
    explicit Ikev2EncryptedPayload(Ikev2PayloadType firstInnerType = Ikev2PayloadType::NONE,
                                   CryptoBytes body = {});

    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /// \return the type of the first encrypted payload (the generic header's Next Payload)
    Ikev2PayloadType GetFirstInnerType() const;

    /// \param type the type of the first encrypted payload
    void SetFirstInnerType(Ikev2PayloadType type);

    /// \return IV | ciphertext | ICV
    const CryptoBytes& GetBody() const;

  private:
    Ikev2PayloadType m_firstInnerType; //!< Next Payload of the SK generic header
    CryptoBytes m_body;                //!< IV | ciphertext | ICV
};

} // namespace ns3

#endif /* IKEV2_ENCRYPTED_PAYLOAD_H */
