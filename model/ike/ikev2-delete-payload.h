/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_DELETE_PAYLOAD_H
#define IKEV2_DELETE_PAYLOAD_H

#include "ikev2-payload.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Delete payload (RFC 7296 section 3.11): the IKE SA itself, or a list of AH or ESP SPIs.
 *
 * Parsing requires what section 3.11 prescribes: protocol IKE with SPI Size 0 and no SPIs
 * (the IKE SA is the one the message belongs to), AH or ESP with SPI Size 4, and a body exactly
 * as long as Num of SPIs times SPI Size.
 */
class Ikev2DeletePayload : public Ikev2Payload
{
  public:
    /// Deletes the IKE SA the message belongs to.
    Ikev2DeletePayload() = default;

    /**
     * \param protocol AH or ESP
     * \param spis the inbound SPIs (as seen by the sender) of the Child SAs to delete
     */
    Ikev2DeletePayload(Ikev2ProtocolId protocol, std::vector<uint32_t> spis);

    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /// \return IKE, AH or ESP
    Ikev2ProtocolId GetProtocol() const;

    /// \return the SPIs (empty for IKE)
    const std::vector<uint32_t>& GetSpis() const;

  private:
    Ikev2ProtocolId m_protocol{Ikev2ProtocolId::IKE}; //!< Protocol ID
    std::vector<uint32_t> m_spis;                     //!< Security Parameter Indexes
};

} // namespace ns3

#endif /* IKEV2_DELETE_PAYLOAD_H */
