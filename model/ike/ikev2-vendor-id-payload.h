/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_VENDOR_ID_PAYLOAD_H
#define IKEV2_VENDOR_ID_PAYLOAD_H

#include "ikev2-payload.h"

#include "ns3/crypto-bytes.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Vendor ID payload (RFC 7296 section 3.12): an opaque vendor constant.
 */
class Ikev2VendorIdPayload : public Ikev2Payload
{
  public:
    Ikev2VendorIdPayload() = default;

    /// \param vendorId the vendor constant
    explicit Ikev2VendorIdPayload(CryptoBytes vendorId);

    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /// \return the vendor constant
    const CryptoBytes& GetVendorId() const;

  private:
    CryptoBytes m_vendorId; //!< VID
};

} // namespace ns3

#endif /* IKEV2_VENDOR_ID_PAYLOAD_H */
