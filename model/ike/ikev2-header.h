/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_HEADER_H
#define IKEV2_HEADER_H

#include "ikev2-constants.h"
#include "ikev2-parse-error.h"
#include "ikev2-wire-reader.h"
#include "ikev2-wire-writer.h"

#include <cstddef>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The fixed 28-byte IKE header (RFC 7296 section 3.1).
 *
 * Next Payload and Length are filled in by Ikev2Message::Serialize(); the other fields are the
 * caller's. Parse() checks only what the header alone can tell (size, major version); that the
 * Length equals the datagram length is checked by Ikev2Message::Parse().
 */
class Ikev2Header
{
  public:
    static constexpr size_t SIZE = 28;              //!< bytes on the wire
    static constexpr uint8_t MAJOR_VERSION = 2;     //!< the IKEv2 major version
    static constexpr uint8_t FLAG_INITIATOR = 0x08; //!< I: sent by the original initiator
    static constexpr uint8_t FLAG_VERSION = 0x10;   //!< V: sender can speak a higher version
    static constexpr uint8_t FLAG_RESPONSE = 0x20;  //!< R: this message is a response

    /// \return the IKE SA initiator's SPI
    uint64_t GetInitiatorSpi() const;
    /// \param spi the IKE SA initiator's SPI
    void SetInitiatorSpi(uint64_t spi);
    /// \return the IKE SA responder's SPI (0 in the first IKE_SA_INIT request)
    uint64_t GetResponderSpi() const;
    /// \param spi the IKE SA responder's SPI
    void SetResponderSpi(uint64_t spi);
    /// \return the type of the first payload
    Ikev2PayloadType GetNextPayload() const;
    /// \param type the type of the first payload
    void SetNextPayload(Ikev2PayloadType type);
    /// \return the major version (2 unless parsing failed with INVALID_MAJOR_VERSION)
    uint8_t GetMajorVersion() const;
    /// \return the minor version (received values are ignored, RFC 7296 section 3.1)
    uint8_t GetMinorVersion() const;
    /**
     * \param major major version (4 bits)
     * \param minor minor version (4 bits)
     */
    void SetVersion(uint8_t major, uint8_t minor);
    /// \return the exchange type
    Ikev2ExchangeType GetExchangeType() const;
    /// \param type the exchange type
    void SetExchangeType(Ikev2ExchangeType type);
    /// \return the flags byte
    uint8_t GetFlags() const;
    /// \param flags the flags byte (FLAG_* values)
    void SetFlags(uint8_t flags);
    /// \return true if the Initiator flag is set
    bool IsInitiator() const;
    /// \param initiator whether to set the Initiator flag
    void SetInitiator(bool initiator);
    /// \return true if the Response flag is set
    bool IsResponse() const;
    /// \param response whether to set the Response flag
    void SetResponse(bool response);
    /// \return the message ID
    uint32_t GetMessageId() const;
    /// \param messageId the message ID
    void SetMessageId(uint32_t messageId);
    /// \return the Length field: the whole message, header included
    uint32_t GetLength() const;
    /// \param length the whole message length
    void SetLength(uint32_t length);

    /// \param writer receives the 28 bytes
    void Serialize(Ikev2WireWriter& writer) const;

    /**
     * \brief Reads the header; on INVALID_MAJOR_VERSION the fields are still filled in, so that
     * the caller can address its INVALID_MAJOR_VERSION notification (RFC 7296 section 2.5).
     * \param reader positioned at the header
     * \return NONE, TRUNCATED_HEADER or INVALID_MAJOR_VERSION
     */
    Ikev2ParseError Parse(Ikev2WireReader& reader);

  private:
    uint64_t m_initiatorSpi{0};                                       //!< SPIi
    uint64_t m_responderSpi{0};                                       //!< SPIr
    Ikev2PayloadType m_nextPayload{Ikev2PayloadType::NONE};           //!< first payload
    uint8_t m_majorVersion{MAJOR_VERSION};                            //!< MjVer
    uint8_t m_minorVersion{0};                                        //!< MnVer
    Ikev2ExchangeType m_exchangeType{Ikev2ExchangeType::IKE_SA_INIT}; //!< exchange
    uint8_t m_flags{0};                                               //!< I, V, R
    uint32_t m_messageId{0};                                          //!< message ID
    uint32_t m_length{SIZE};                                          //!< whole message length
};

} // namespace ns3

#endif /* IKEV2_HEADER_H */
