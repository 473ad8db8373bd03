/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_PAYLOAD_CHAIN_H
#define IKEV2_PAYLOAD_CHAIN_H

#include "ikev2-parse-error.h"
#include "ikev2-payload.h"
#include "ikev2-wire-reader.h"
#include "ikev2-wire-writer.h"

#include "ns3/crypto-bytes.h"
#include "ns3/ptr.h"

#include <cstddef>
#include <vector>

namespace ns3
{

/// An ordered list of payloads, as a message or a decrypted SK payload holds them.
using Ikev2PayloadList = std::vector<Ptr<Ikev2Payload>>;

/**
 * \brief The first payload of a type in a list, as its class.
 * \tparam T the payload class (e.g. Ikev2NoncePayload)
 * \param payloads the list
 * \param type the payload type
 * \return the payload, or nullptr if absent
 */
template <typename T>
Ptr<T>
Ikev2FindPayload(const Ikev2PayloadList& payloads, Ikev2PayloadType type)
{
    for (const auto& payload : payloads)
    {
        if (payload->GetType() == type)
        {
            return DynamicCast<T>(payload);
        }
    }
    return nullptr;
}

/**
 * \ingroup ipsec
 * \brief Reads and writes a chain of payloads linked by their Next Payload fields (RFC 7296
 * section 3.2): the payloads of a message, or the decrypted payloads of an SK payload.
 *
 * Writing fills in every Next Payload and Payload Length. Reading checks every generic header
 * against the bytes that enclose the chain, gives each payload exactly its body, skips unknown
 * payloads whose critical bit is clear (RFC 7296 section 2.5; they are kept as
 * Ikev2UnknownPayload) and rejects unknown ones with the bit set.
 */
class Ikev2PayloadChain
{
  public:
    /// Most payloads accepted in one chain, so that a message costs bounded work.
    static constexpr size_t MAX_PAYLOADS = 64;

    /**
     * \param type a payload type
     * \return an empty payload of that type to parse into, or nullptr if the codec does not
     *         decode the type
     */
    static Ptr<Ikev2Payload> CreatePayload(Ikev2PayloadType type);

    /**
     * \param payloads a chain
     * \return the type of its first payload, NONE if it is empty
     */
    static Ikev2PayloadType GetFirstType(const Ikev2PayloadList& payloads);

    /**
     * \brief Writes the payloads with their generic headers. An SK payload must be the last
     * one (aborts otherwise: a programming error, not a wire condition).
     * \param payloads the chain
     * \param writer receives the bytes
     */
    static void Serialize(const Ikev2PayloadList& payloads, Ikev2WireWriter& writer);

    /**
     * \param payloads the chain
     * \return its bytes, e.g. the plaintext of an SK payload
     */
    static CryptoBytes Serialize(const Ikev2PayloadList& payloads);

    /**
     * \param firstType the type of the first payload (IKE header's or SK's Next Payload)
     * \param reader exactly the bytes of the chain
     * \param allowEncrypted whether an SK payload may occur (as the last payload)
     * \param payloads receives the payloads (also those read before an error)
     * \return success, or the reason with its offset and payload type
     */
    static Ikev2ParseStatus Parse(Ikev2PayloadType firstType,
                                  Ikev2WireReader& reader,
                                  bool allowEncrypted,
                                  Ikev2PayloadList* payloads);

    /**
     * \brief Reads the payloads of a decrypted SK payload (an SK payload inside is an error).
     * \param firstType the SK payload's Next Payload
     * \param plaintext the decrypted payloads, without padding and Pad Length
     * \param payloads receives the payloads
     * \return success, or the reason with its offset (from the first plaintext byte)
     */
    static Ikev2ParseStatus ParseInner(Ikev2PayloadType firstType,
                                       CryptoByteView plaintext,
                                       Ikev2PayloadList* payloads);
};

} // namespace ns3

#endif /* IKEV2_PAYLOAD_CHAIN_H */
