/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-nonce-payload.h"

#include <utility>

namespace ns3
{

Ikev2NoncePayload::Ikev2NoncePayload(CryptoBytes nonce)
    : m_nonce(std::move(nonce))
{
}

Ikev2PayloadType
Ikev2NoncePayload::GetType() const
{
    return Ikev2PayloadType::NONCE;
}

void
Ikev2NoncePayload::SerializeBody(Ikev2WireWriter& writer) const
{
    writer.WriteBytes(m_nonce);
}

Ikev2ParseError
Ikev2NoncePayload::ParseBody(Ikev2WireReader& reader)
{
    // RFC 7296 section 3.9 (and 2.10): the Nonce Data MUST be 16 to 256 octets long.
    if (reader.GetRemaining() < MIN_NONCE_SIZE || reader.GetRemaining() > MAX_NONCE_SIZE)
    {
        return Ikev2ParseError::INVALID_NONCE_LENGTH;
    }
    m_nonce = reader.ReadRemaining();
    return Ikev2ParseError::NONE;
}

const CryptoBytes&
Ikev2NoncePayload::GetNonce() const
{
    return m_nonce;
}

} // namespace ns3
