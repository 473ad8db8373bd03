/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_MESSAGE_H
#define IKEV2_MESSAGE_H

#include "ikev2-header.h"
#include "ikev2-parse-error.h"
#include "ikev2-payload-chain.h"
#include "ikev2-payload.h"

#include "ns3/crypto-bytes.h"
#include "ns3/ptr.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief An IKEv2 message (RFC 7296 section 3): the IKE header and its ordered payloads.
 *
 * The payloads of an SK payload are not part of the message until they are decrypted
 * (Ikev2MessageProtection); here the SK payload is opaque and must be last. Copies of a message
 * share its payload objects.
 */
class Ikev2Message
{
  public:
    /// \return the header (Next Payload and Length are recomputed by Serialize())
    Ikev2Header& GetHeader();

    /// \return the header
    const Ikev2Header& GetHeader() const;

    /// \param payload a payload to append
    void AddPayload(Ptr<Ikev2Payload> payload);

    /// \return the payloads in order
    const Ikev2PayloadList& GetPayloads() const;

    /**
     * \param type a payload type
     * \return the first payload of that type, or nullptr
     */
    Ptr<Ikev2Payload> FindPayload(Ikev2PayloadType type) const;

    /**
     * \brief The first payload of a type, as its class.
     * \tparam T the payload class (e.g. Ikev2NoncePayload)
     * \param type the payload type
     * \return the payload, or nullptr if absent
     */
    template <typename T>
    Ptr<T> GetPayload(Ikev2PayloadType type) const
    {
        return DynamicCast<T>(FindPayload(type));
    }

    /// \return the wire bytes, with Next Payload fields and all lengths filled in
    CryptoBytes Serialize() const;

    /**
     * \brief Reads a message from one UDP payload (the non-ESP marker of port 4500 removed).
     *
     * On INVALID_MAJOR_VERSION the header is still filled in, so that the caller can answer.
     * \param datagram the bytes
     * \param message receives the message
     * \return success, or the reason with its offset and payload type
     */
    static Ikev2ParseStatus Parse(CryptoByteView datagram, Ikev2Message* message);

  private:
    Ikev2Header m_header;        //!< fixed header
    Ikev2PayloadList m_payloads; //!< payloads in order
};

} // namespace ns3

#endif /* IKEV2_MESSAGE_H */
