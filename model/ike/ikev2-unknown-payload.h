/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_UNKNOWN_PAYLOAD_H
#define IKEV2_UNKNOWN_PAYLOAD_H

#include "ikev2-payload.h"

#include "ns3/crypto-bytes.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief A payload of a type this codec does not decode, received with the critical bit clear.
 *
 * RFC 7296 section 2.5 says to skip such payloads: the chain keeps them with their opaque body
 * only so that the message can be re-serialized unchanged; the IKE logic ignores them.
 */
class Ikev2UnknownPayload : public Ikev2Payload
{
  public:
    /**
     * \param type the payload type as received
     * \param body the body as received
     */
    explicit Ikev2UnknownPayload(Ikev2PayloadType type, CryptoBytes body = {});

    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /// \return the body as received
    const CryptoBytes& GetBody() const;

  private:
    Ikev2PayloadType m_type; //!< type as received
    CryptoBytes m_body;      //!< body as received
};

} // namespace ns3

#endif /* IKEV2_UNKNOWN_PAYLOAD_H */
