/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_PAYLOAD_H
#define IKEV2_PAYLOAD_H

#include "ikev2-constants.h"
#include "ikev2-parse-error.h"
#include "ikev2-wire-reader.h"
#include "ikev2-wire-writer.h"

#include "ns3/simple-ref-count.h"

#include <cstddef>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief One IKEv2 payload: the body behind the generic payload header (RFC 7296 section 3.2).
 *
 * The generic header itself (Next Payload, Critical, Payload Length) belongs to the chain the
 * payload is in: Ikev2PayloadChain writes and reads it. A subclass only lays out and reads its
 * body. ParseBody() receives a reader that holds exactly the body, so a subclass cannot read
 * beyond its own Payload Length; bytes it leaves unread are reported as PAYLOAD_TRAILING_BYTES.
 */
class Ikev2Payload : public SimpleRefCount<Ikev2Payload>
{
  public:
    /// Bytes of the generic payload header.
    static constexpr size_t GENERIC_HEADER_SIZE = 4;
    /// The critical bit in the second byte of the generic header.
    static constexpr uint8_t CRITICAL_FLAG = 0x80;

    virtual ~Ikev2Payload() = default;

    /// \return the payload type written in the previous payload's (or the header's) Next Payload
    virtual Ikev2PayloadType GetType() const = 0;

    /// \param writer receives the body, without the generic header
    virtual void SerializeBody(Ikev2WireWriter& writer) const = 0;

    /**
     * \param reader holds exactly the body
     * \return NONE, or why the body is malformed
     */
    virtual Ikev2ParseError ParseBody(Ikev2WireReader& reader) = 0;

    /// \return the critical bit as received or as it will be sent
    bool IsCritical() const;

    /**
     * \brief Sets the critical bit. RFC 7296 section 2.5: senders MUST clear it for the payload
     * types the RFC defines, so only tests and unknown payloads should set it.
     * \param critical the bit
     */
    void SetCritical(bool critical);

  private:
    bool m_critical{false}; //!< critical bit of the generic header
};

} // namespace ns3

#endif /* IKEV2_PAYLOAD_H */
