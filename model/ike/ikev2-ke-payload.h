/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_KE_PAYLOAD_H
#define IKEV2_KE_PAYLOAD_H

#include "ikev2-payload.h"

#include "ns3/crypto-bytes.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Key Exchange payload (RFC 7296 section 3.4): a Diffie-Hellman group and public value.
 *
 * Whether the data length fits the group is the logic's check (it answers INVALID_KE_PAYLOAD
 * or INVALID_SYNTAX); the codec only reads the structure.
 */
class Ikev2KePayload : public Ikev2Payload
{
  public:
    Ikev2KePayload() = default;

    /**
     * \param group IANA Diffie-Hellman group number
     * \param data the public value
     */
    Ikev2KePayload(uint16_t group, CryptoBytes data);

    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /// \return the Diffie-Hellman group number
    uint16_t GetGroup() const;

    /// \return the public value
    const CryptoBytes& GetData() const;

  private:
    uint16_t m_group{0}; //!< Diffie-Hellman Group Num
    CryptoBytes m_data;  //!< Key Exchange Data
};

} // namespace ns3

#endif /* IKEV2_KE_PAYLOAD_H */
