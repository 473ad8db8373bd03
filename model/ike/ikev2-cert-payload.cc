/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-cert-payload.h"

#include <utility>

namespace ns3
{

Ikev2CertPayload::Ikev2CertPayload(bool isRequest, uint8_t encoding, CryptoBytes data)
    : m_isRequest(isRequest),
      m_encoding(encoding),
      m_data(std::move(data))
{
}

Ikev2PayloadType
Ikev2CertPayload::GetType() const
{
    return m_isRequest ? Ikev2PayloadType::CERTIFICATE_REQUEST : Ikev2PayloadType::CERTIFICATE;
}

void
Ikev2CertPayload::SerializeBody(Ikev2WireWriter& writer) const
{
    writer.WriteU8(m_encoding);
    writer.WriteBytes(m_data);
}

Ikev2ParseError
Ikev2CertPayload::ParseBody(Ikev2WireReader& reader)
{
    if (!reader.ReadU8(&m_encoding))
    {
        return Ikev2ParseError::TRUNCATED_PAYLOAD_BODY;
    }
    m_data = reader.ReadRemaining();
    return Ikev2ParseError::NONE;
}

uint8_t
Ikev2CertPayload::GetEncoding() const
{
    return m_encoding;
}

const CryptoBytes&
Ikev2CertPayload::GetData() const
{
    return m_data;
}

} // namespace ns3
