/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_NOTIFY_PAYLOAD_H
#define IKEV2_NOTIFY_PAYLOAD_H

#include "ikev2-notify-type.h"
#include "ikev2-payload.h"

#include "ns3/crypto-bytes.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Notify payload (RFC 7296 section 3.10): protocol, SPI, type and data.
 */
class Ikev2NotifyPayload : public Ikev2Payload
{
  public:
    Ikev2NotifyPayload() = default;

    /**
     * \param type the Notify Message Type
     * \param data the Notification Data
     * \param protocol the SA the notification is about (NONE when spi is empty)
     * \param spi that SA's SPI, empty for none
     */
    Ikev2NotifyPayload(Ikev2NotifyType type,
                       CryptoBytes data = {},
                       Ikev2ProtocolId protocol = Ikev2ProtocolId::NONE,
                       CryptoBytes spi = {});

    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /// \return the Notify Message Type
    Ikev2NotifyType GetNotifyType() const;

    /// \return the Protocol ID (meaningless when the SPI is empty, RFC 7296 section 3.10)
    Ikev2ProtocolId GetProtocol() const;

    /// \return the SPI, empty for none
    const CryptoBytes& GetSpi() const;

    /// \return the Notification Data
    const CryptoBytes& GetData() const;

  private:
    Ikev2NotifyType m_type{Ikev2NotifyType::INITIAL_CONTACT}; //!< Notify Message Type
    Ikev2ProtocolId m_protocol{Ikev2ProtocolId::NONE};        //!< Protocol ID
    CryptoBytes m_spi;                                        //!< SPI
    CryptoBytes m_data;                                       //!< Notification Data
};

} // namespace ns3

#endif /* IKEV2_NOTIFY_PAYLOAD_H */
