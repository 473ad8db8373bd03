/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-payload-chain.h"

#include "ikev2-auth-payload.h"
#include "ikev2-cert-payload.h"
#include "ikev2-delete-payload.h"
#include "ikev2-encrypted-payload.h"
#include "ikev2-id-payload.h"
#include "ikev2-ke-payload.h"
#include "ikev2-nonce-payload.h"
#include "ikev2-notify-payload.h"
#include "ikev2-sa-payload.h"
#include "ikev2-ts-payload.h"
#include "ikev2-unknown-payload.h"
#include "ikev2-vendor-id-payload.h"

#include "ns3/abort.h"

#include <limits>

namespace ns3
{

Ptr<Ikev2Payload>
Ikev2PayloadChain::CreatePayload(Ikev2PayloadType type)
{
    switch (type)
    {
    case Ikev2PayloadType::SECURITY_ASSOCIATION:
        return Create<Ikev2SaPayload>();
    case Ikev2PayloadType::KEY_EXCHANGE:
        return Create<Ikev2KePayload>();
    case Ikev2PayloadType::IDENTIFICATION_INITIATOR:
        return Create<Ikev2IdPayload>(true);
    case Ikev2PayloadType::IDENTIFICATION_RESPONDER:
        return Create<Ikev2IdPayload>(false);
    case Ikev2PayloadType::CERTIFICATE:
        return Create<Ikev2CertPayload>(false);
    case Ikev2PayloadType::CERTIFICATE_REQUEST:
        return Create<Ikev2CertPayload>(true);
    case Ikev2PayloadType::AUTHENTICATION:
        return Create<Ikev2AuthPayload>();
    case Ikev2PayloadType::NONCE:
        return Create<Ikev2NoncePayload>();
    case Ikev2PayloadType::NOTIFY:
        return Create<Ikev2NotifyPayload>();
    case Ikev2PayloadType::DELETE:
        return Create<Ikev2DeletePayload>();
    case Ikev2PayloadType::VENDOR_ID:
        return Create<Ikev2VendorIdPayload>();
    case Ikev2PayloadType::TRAFFIC_SELECTOR_INITIATOR:
        return Create<Ikev2TsPayload>(true);
    case Ikev2PayloadType::TRAFFIC_SELECTOR_RESPONDER:
        return Create<Ikev2TsPayload>(false);
    case Ikev2PayloadType::ENCRYPTED:
        return Create<Ikev2EncryptedPayload>();
    default:
        return nullptr;
    }
}

Ikev2PayloadType
Ikev2PayloadChain::GetFirstType(const Ikev2PayloadList& payloads)
{
    return payloads.empty() ? Ikev2PayloadType::NONE : payloads.front()->GetType();
}

void
Ikev2PayloadChain::Serialize(const Ikev2PayloadList& payloads, Ikev2WireWriter& writer)
{
    for (size_t i = 0; i < payloads.size(); ++i)
    {
        const Ptr<Ikev2Payload>& payload = payloads[i];
        bool isLast = i + 1 == payloads.size();
        Ikev2PayloadType next = isLast ? Ikev2PayloadType::NONE : payloads[i + 1]->GetType();
        if (auto encrypted = DynamicCast<Ikev2EncryptedPayload>(payload))
        {
            NS_ABORT_MSG_UNLESS(isLast, "the SK payload must be the last payload of a message");
            next = encrypted->GetFirstInnerType(); // RFC 7296 section 3.14
        }
        size_t start = writer.GetSize();
        writer.WriteU8(static_cast<uint8_t>(next));
        writer.WriteU8(payload->IsCritical() ? Ikev2Payload::CRITICAL_FLAG : 0);
        writer.WriteU16(0); // Payload Length, patched below
        payload->SerializeBody(writer);
        size_t length = writer.GetSize() - start;
        NS_ABORT_MSG_IF(length > std::numeric_limits<uint16_t>::max(),
                        "IKEv2 " << payload->GetType() << " payload of " << length
                                 << " bytes does not fit its length field");
        writer.PatchU16(start + 2, static_cast<uint16_t>(length));
    }
}

CryptoBytes
Ikev2PayloadChain::Serialize(const Ikev2PayloadList& payloads)
{
    Ikev2WireWriter writer;
    Serialize(payloads, writer);
    return writer.GetBytes();
}

Ikev2ParseStatus
Ikev2PayloadChain::Parse(Ikev2PayloadType firstType,
                         Ikev2WireReader& reader,
                         bool allowEncrypted,
                         Ikev2PayloadList* payloads)
{
    payloads->clear();
    Ikev2PayloadType type = firstType;
    while (type != Ikev2PayloadType::NONE)
    {
        size_t offset = reader.GetOffset();
        if (payloads->size() == MAX_PAYLOADS)
        {
            return Ikev2ParseStatus(Ikev2ParseError::TOO_MANY_PAYLOADS, offset, type);
        }
        uint8_t next = 0;
        uint8_t flags = 0;
        uint16_t length = 0;
        if (!reader.ReadU8(&next) || !reader.ReadU8(&flags) || !reader.ReadU16(&length))
        {
            return Ikev2ParseStatus(Ikev2ParseError::TRUNCATED_PAYLOAD_HEADER, offset, type);
        }
        if (length < Ikev2Payload::GENERIC_HEADER_SIZE)
        {
            return Ikev2ParseStatus(Ikev2ParseError::INVALID_PAYLOAD_LENGTH, offset, type);
        }
        Ikev2WireReader body(CryptoByteView{});
        if (!reader.Split(length - Ikev2Payload::GENERIC_HEADER_SIZE, &body))
        {
            return Ikev2ParseStatus(Ikev2ParseError::PAYLOAD_LENGTH_PAST_END, offset, type);
        }
        bool isCritical = (flags & Ikev2Payload::CRITICAL_FLAG) != 0;
        Ptr<Ikev2Payload> payload = CreatePayload(type);
        if (!payload)
        {
            // RFC 7296 section 2.5: skip an unknown payload unless it is marked critical.
            if (isCritical)
            {
                return Ikev2ParseStatus(Ikev2ParseError::UNSUPPORTED_CRITICAL_PAYLOAD,
                                        offset,
                                        type);
            }
            payload = Create<Ikev2UnknownPayload>(type);
        }
        payload->SetCritical(isCritical);
        Ikev2ParseError error = payload->ParseBody(body);
        if (error == Ikev2ParseError::NONE && !body.IsEmpty())
        {
            error = Ikev2ParseError::PAYLOAD_TRAILING_BYTES;
        }
        if (error != Ikev2ParseError::NONE)
        {
            return Ikev2ParseStatus(error, offset, type);
        }
        type = static_cast<Ikev2PayloadType>(next);
        if (auto encrypted = DynamicCast<Ikev2EncryptedPayload>(payload))
        {
            if (!allowEncrypted)
            {
                return Ikev2ParseStatus(Ikev2ParseError::NESTED_ENCRYPTED_PAYLOAD,
                                        offset,
                                        Ikev2PayloadType::ENCRYPTED);
            }
            // RFC 7296 section 3.14: SK is the last payload; its Next Payload is the first
            // payload inside it.
            encrypted->SetFirstInnerType(type);
            payloads->push_back(payload);
            if (!reader.IsEmpty())
            {
                return Ikev2ParseStatus(Ikev2ParseError::ENCRYPTED_PAYLOAD_NOT_LAST,
                                        reader.GetOffset(),
                                        Ikev2PayloadType::ENCRYPTED);
            }
            return Ikev2ParseStatus();
        }
        payloads->push_back(payload);
    }
    if (!reader.IsEmpty())
    {
        return Ikev2ParseStatus(Ikev2ParseError::TRAILING_BYTES, reader.GetOffset());
    }
    return Ikev2ParseStatus();
}

Ikev2ParseStatus
Ikev2PayloadChain::ParseInner(Ikev2PayloadType firstType,
                              CryptoByteView plaintext,
                              Ikev2PayloadList* payloads)
{
    Ikev2WireReader reader(plaintext);
    return Parse(firstType, reader, false, payloads);
}

} // namespace ns3
