/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_NONCE_PAYLOAD_H
#define IKEV2_NONCE_PAYLOAD_H

#include "ikev2-payload.h"

#include "ns3/crypto-bytes.h"

#include <cstddef>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Nonce payload, Ni or Nr (RFC 7296 section 3.9).
 */
class Ikev2NoncePayload : public Ikev2Payload
{
  public:
    static constexpr size_t MIN_NONCE_SIZE = 16;  //!< RFC 7296 sections 2.10, 3.9
    static constexpr size_t MAX_NONCE_SIZE = 256; //!< RFC 7296 section 3.9

    Ikev2NoncePayload() = default;

    /// \param nonce the nonce, MIN_NONCE_SIZE..MAX_NONCE_SIZE bytes
    explicit Ikev2NoncePayload(CryptoBytes nonce);

    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /// \return the nonce
    const CryptoBytes& GetNonce() const;

  private:
    CryptoBytes m_nonce; //!< Nonce Data
};

} // namespace ns3

#endif /* IKEV2_NONCE_PAYLOAD_H */
