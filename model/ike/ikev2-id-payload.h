/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_ID_PAYLOAD_H
#define IKEV2_ID_PAYLOAD_H

#include "ikev2-payload.h"

#include "ns3/crypto-bytes.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Identification types (RFC 7296 section 3.5).
 */
enum class Ikev2IdentificationType : uint8_t
{
    IPV4_ADDR = 1,    //!< ID_IPV4_ADDR: 4 bytes
    FQDN = 2,         //!< ID_FQDN: a host name, no terminator
    RFC822_ADDR = 3,  //!< ID_RFC822_ADDR: an e-mail address
    IPV6_ADDR = 5,    //!< ID_IPV6_ADDR: 16 bytes
    DER_ASN1_DN = 9,  //!< ID_DER_ASN1_DN: a DER distinguished name
    DER_ASN1_GN = 10, //!< ID_DER_ASN1_GN: a DER general name
    KEY_ID = 11,      //!< ID_KEY_ID: opaque bytes
};

/**
 * \ingroup ipsec
 * \brief Identification payload, IDi or IDr (RFC 7296 section 3.5).
 *
 * IDi and IDr share one layout, so one class serves both; the constructor says which. Address
 * identities must have the address length; other types (including ones after RFC 7296) are
 * opaque data.
 */
class Ikev2IdPayload : public Ikev2Payload
{
  public:
    /**
     * \param isInitiator true for IDi, false for IDr
     * \param idType the identification type (wire value)
     * \param data the identification data
     */
    explicit Ikev2IdPayload(bool isInitiator,
                            Ikev2IdentificationType idType = Ikev2IdentificationType::FQDN,
                            CryptoBytes data = {});

    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /// \return the identification type
    Ikev2IdentificationType GetIdType() const;

    /// \return the identification data
    const CryptoBytes& GetData() const;

  private:
    bool m_isInitiator;               //!< IDi rather than IDr
    Ikev2IdentificationType m_idType; //!< ID Type
    CryptoBytes m_data;               //!< Identification Data
};

} // namespace ns3

#endif /* IKEV2_ID_PAYLOAD_H */
