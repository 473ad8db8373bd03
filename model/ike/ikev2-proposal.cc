/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-proposal.h"

#include "ns3/abort.h"

#include <limits>

namespace ns3
{

namespace
{

constexpr uint8_t LAST_SUBSTRUCTURE = 0;         //!< RFC 7296 section 3.3.1/3.3.2
constexpr uint8_t MORE_PROPOSALS = 2;            //!< Last Substruc of a proposal that is not last
constexpr uint8_t MORE_TRANSFORMS = 3;           //!< Last Substruc of a transform that is not last
constexpr size_t TRANSFORM_HEADER_SIZE = 8;      //!< transform substructure without attributes
constexpr size_t PROPOSAL_HEADER_SIZE = 8;       //!< proposal substructure without SPI, transforms
constexpr size_t ATTRIBUTE_HEADER_SIZE = 4;      //!< AF + type + length/value
constexpr uint16_t ATTRIBUTE_FORMAT_TV = 0x8000; //!< the AF bit

/// Patches the 16-bit length at lengthOffset with the bytes written since start.
void
PatchLength(Ikev2WireWriter& writer, size_t start, size_t lengthOffset)
{
    size_t length = writer.GetSize() - start;
    NS_ABORT_MSG_IF(length > std::numeric_limits<uint16_t>::max(),
                    "IKEv2 substructure of " << length << " bytes does not fit its length field");
    writer.PatchU16(lengthOffset, static_cast<uint16_t>(length));
}

/// Reads one attribute; the reader holds the rest of the transform.
Ikev2ParseError
ParseAttribute(Ikev2WireReader& reader, Ikev2TransformAttribute* attribute)
{
    uint16_t typeField = 0;
    uint16_t lengthOrValue = 0;
    if (!reader.ReadU16(&typeField) || !reader.ReadU16(&lengthOrValue))
    {
        return Ikev2ParseError::INVALID_TRANSFORM_ATTRIBUTE;
    }
    attribute->m_type = typeField & ~ATTRIBUTE_FORMAT_TV;
    attribute->m_isShortForm = (typeField & ATTRIBUTE_FORMAT_TV) != 0;
    if (attribute->m_isShortForm)
    {
        attribute->m_value = lengthOrValue;
        return Ikev2ParseError::NONE;
    }
    // RFC 7296 section 3.3.5: Key Length is a fixed two-byte value, so it MUST be TV.
    if (attribute->m_type == Ikev2TransformAttribute::KEY_LENGTH)
    {
        return Ikev2ParseError::INVALID_TRANSFORM_ATTRIBUTE;
    }
    if (!reader.ReadBytes(lengthOrValue, &attribute->m_longValue))
    {
        return Ikev2ParseError::INVALID_TRANSFORM_ATTRIBUTE;
    }
    return Ikev2ParseError::NONE;
}

/// RFC 7296 section 3.3.1: the SPI size a known protocol requires (IKE: 0 or 8).
bool
IsValidSpiSize(Ikev2ProtocolId protocol, uint8_t spiSize)
{
    switch (protocol)
    {
    case Ikev2ProtocolId::IKE:
        return spiSize == 0 || spiSize == 8;
    case Ikev2ProtocolId::AH:
    case Ikev2ProtocolId::ESP:
        return spiSize == 4;
    case Ikev2ProtocolId::NONE:
        return false;
    }
    // Protocol IDs of later RFCs: the structure is all the codec can check.
    return spiSize == 0 || spiSize == 4 || spiSize == 8;
}

} // namespace

Ikev2Transform
Ikev2Transform::Make(Ikev2TransformType type, uint16_t id, uint16_t keyLengthBits)
{
    Ikev2Transform transform;
    transform.m_type = type;
    transform.m_id = id;
    if (keyLengthBits != 0)
    {
        Ikev2TransformAttribute keyLength;
        keyLength.m_type = Ikev2TransformAttribute::KEY_LENGTH;
        keyLength.m_value = keyLengthBits;
        transform.m_attributes.push_back(keyLength);
    }
    return transform;
}

uint16_t
Ikev2Transform::GetKeyLength() const
{
    for (const auto& attribute : m_attributes)
    {
        if (attribute.m_type == Ikev2TransformAttribute::KEY_LENGTH && attribute.m_isShortForm)
        {
            return attribute.m_value;
        }
    }
    return 0;
}

void
Ikev2Transform::Serialize(Ikev2WireWriter& writer, bool isLast) const
{
    size_t start = writer.GetSize();
    writer.WriteU8(isLast ? LAST_SUBSTRUCTURE : MORE_TRANSFORMS);
    writer.WriteZeros(1);
    writer.WriteU16(0); // Transform Length, patched below
    writer.WriteU8(static_cast<uint8_t>(m_type));
    writer.WriteZeros(1);
    writer.WriteU16(m_id);
    for (const auto& attribute : m_attributes)
    {
        uint16_t typeField = attribute.m_type & ~ATTRIBUTE_FORMAT_TV;
        if (attribute.m_isShortForm)
        {
            writer.WriteU16(typeField | ATTRIBUTE_FORMAT_TV);
            writer.WriteU16(attribute.m_value);
        }
        else
        {
            NS_ABORT_MSG_IF(attribute.m_longValue.size() > std::numeric_limits<uint16_t>::max(),
                            "IKEv2 transform attribute value too long");
            writer.WriteU16(typeField);
            writer.WriteU16(static_cast<uint16_t>(attribute.m_longValue.size()));
            writer.WriteBytes(attribute.m_longValue);
        }
    }
    PatchLength(writer, start, start + 2);
}

Ikev2ParseError
Ikev2Transform::Parse(Ikev2WireReader& reader, bool* isLast)
{
    uint8_t marker = 0;
    uint8_t reserved = 0;
    uint16_t length = 0;
    if (!reader.ReadU8(&marker) || !reader.ReadU8(&reserved) || !reader.ReadU16(&length))
    {
        return Ikev2ParseError::INVALID_TRANSFORM;
    }
    if (marker != LAST_SUBSTRUCTURE && marker != MORE_TRANSFORMS)
    {
        return Ikev2ParseError::INVALID_TRANSFORM;
    }
    Ikev2WireReader body(CryptoByteView{});
    if (length < TRANSFORM_HEADER_SIZE || !reader.Split(length - ATTRIBUTE_HEADER_SIZE, &body))
    {
        return Ikev2ParseError::INVALID_TRANSFORM;
    }
    uint8_t type = 0;
    if (!body.ReadU8(&type) || !body.ReadU8(&reserved) || !body.ReadU16(&m_id))
    {
        return Ikev2ParseError::INVALID_TRANSFORM;
    }
    m_type = static_cast<Ikev2TransformType>(type);
    m_attributes.clear();
    while (!body.IsEmpty())
    {
        Ikev2TransformAttribute attribute;
        Ikev2ParseError error = ParseAttribute(body, &attribute);
        if (error != Ikev2ParseError::NONE)
        {
            return error;
        }
        m_attributes.push_back(attribute);
    }
    *isLast = marker == LAST_SUBSTRUCTURE;
    return Ikev2ParseError::NONE;
}

void
Ikev2Proposal::Serialize(Ikev2WireWriter& writer, bool isLast) const
{
    NS_ABORT_MSG_IF(m_spi.size() > std::numeric_limits<uint8_t>::max() ||
                        m_transforms.size() > std::numeric_limits<uint8_t>::max(),
                    "IKEv2 proposal with too long an SPI or too many transforms");
    size_t start = writer.GetSize();
    writer.WriteU8(isLast ? LAST_SUBSTRUCTURE : MORE_PROPOSALS);
    writer.WriteZeros(1);
    writer.WriteU16(0); // Proposal Length, patched below
    writer.WriteU8(m_number);
    writer.WriteU8(static_cast<uint8_t>(m_protocol));
    writer.WriteU8(static_cast<uint8_t>(m_spi.size()));
    writer.WriteU8(static_cast<uint8_t>(m_transforms.size()));
    writer.WriteBytes(m_spi);
    for (size_t i = 0; i < m_transforms.size(); ++i)
    {
        m_transforms[i].Serialize(writer, i + 1 == m_transforms.size());
    }
    PatchLength(writer, start, start + 2);
}

Ikev2ParseError
Ikev2Proposal::Parse(Ikev2WireReader& reader, bool* isLast)
{
    uint8_t marker = 0;
    uint8_t reserved = 0;
    uint16_t length = 0;
    if (!reader.ReadU8(&marker) || !reader.ReadU8(&reserved) || !reader.ReadU16(&length))
    {
        return Ikev2ParseError::INVALID_PROPOSAL;
    }
    if (marker != LAST_SUBSTRUCTURE && marker != MORE_PROPOSALS)
    {
        return Ikev2ParseError::INVALID_PROPOSAL;
    }
    Ikev2WireReader body(CryptoByteView{});
    if (length < PROPOSAL_HEADER_SIZE || !reader.Split(length - 4, &body))
    {
        return Ikev2ParseError::INVALID_PROPOSAL;
    }
    uint8_t protocol = 0;
    uint8_t spiSize = 0;
    uint8_t transformCount = 0;
    if (!body.ReadU8(&m_number) || !body.ReadU8(&protocol) || !body.ReadU8(&spiSize) ||
        !body.ReadU8(&transformCount))
    {
        return Ikev2ParseError::INVALID_PROPOSAL;
    }
    m_protocol = static_cast<Ikev2ProtocolId>(protocol);
    if (!IsValidSpiSize(m_protocol, spiSize) || !body.ReadBytes(spiSize, &m_spi))
    {
        return Ikev2ParseError::INVALID_PROPOSAL;
    }
    m_transforms.clear();
    for (unsigned i = 0; i < transformCount; ++i)
    {
        Ikev2Transform transform;
        bool lastTransform = false;
        Ikev2ParseError error = transform.Parse(body, &lastTransform);
        if (error != Ikev2ParseError::NONE)
        {
            return error;
        }
        // The Last Substruc markers must agree with # Transforms (RFC 7296 section 3.3.2).
        if (lastTransform != (i + 1 == transformCount))
        {
            return Ikev2ParseError::INVALID_TRANSFORM;
        }
        m_transforms.push_back(transform);
    }
    if (!body.IsEmpty())
    {
        return Ikev2ParseError::INVALID_PROPOSAL; // bytes beyond the announced transforms
    }
    *isLast = marker == LAST_SUBSTRUCTURE;
    return Ikev2ParseError::NONE;
}

} // namespace ns3
