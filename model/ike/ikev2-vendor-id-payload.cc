/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-vendor-id-payload.h"

#include <utility>

namespace ns3
{

Ikev2VendorIdPayload::Ikev2VendorIdPayload(CryptoBytes vendorId)
    : m_vendorId(std::move(vendorId))
{
}

Ikev2PayloadType
Ikev2VendorIdPayload::GetType() const
{
    return Ikev2PayloadType::VENDOR_ID;
}

void
Ikev2VendorIdPayload::SerializeBody(Ikev2WireWriter& writer) const
{
    writer.WriteBytes(m_vendorId);
}

Ikev2ParseError
Ikev2VendorIdPayload::ParseBody(Ikev2WireReader& reader)
{
    m_vendorId = reader.ReadRemaining();
    return Ikev2ParseError::NONE;
}

const CryptoBytes&
Ikev2VendorIdPayload::GetVendorId() const
{
    return m_vendorId;
}

} // namespace ns3
