/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_PROPOSAL_H
#define IKEV2_PROPOSAL_H

#include "ikev2-constants.h"
#include "ikev2-parse-error.h"
#include "ikev2-wire-reader.h"
#include "ikev2-wire-writer.h"

#include "ns3/crypto-bytes.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief A transform attribute (RFC 7296 section 3.3.5), in TV or TLV format.
 */
struct Ikev2TransformAttribute
{
    static constexpr uint16_t KEY_LENGTH = 14; //!< the one attribute RFC 7296 defines

    uint16_t m_type{0};        //!< attribute type, without the AF bit
    bool m_isShortForm{true};  //!< AF bit: TV (value in the header) rather than TLV
    uint16_t m_value{0};       //!< the value of a TV attribute
    CryptoBytes m_longValue{}; //!< the value of a TLV attribute
};

/**
 * \ingroup ipsec
 * \brief A transform substructure (RFC 7296 section 3.3.2): type, ID and attributes.
 */
struct Ikev2Transform
{
    Ikev2TransformType m_type{Ikev2TransformType::ENCRYPTION}; //!< transform type
    uint16_t m_id{0};                                          //!< transform ID (IANA)
    std::vector<Ikev2TransformAttribute> m_attributes{};       //!< attributes in order

    /**
     * \param type transform type
     * \param id transform ID
     * \param keyLengthBits a Key Length attribute to add, 0 for none
     * \return the transform
     */
    static Ikev2Transform Make(Ikev2TransformType type, uint16_t id, uint16_t keyLengthBits = 0);

    /// \return the Key Length attribute's value, 0 if there is none
    uint16_t GetKeyLength() const;

    /**
     * \param writer receives the substructure
     * \param isLast whether it is the last transform of its proposal
     */
    void Serialize(Ikev2WireWriter& writer, bool isLast) const;

    /**
     * \param reader positioned at a transform substructure
     * \param isLast receives whether its Last Substruc field says it is the last one
     * \return NONE, INVALID_TRANSFORM or INVALID_TRANSFORM_ATTRIBUTE
     */
    Ikev2ParseError Parse(Ikev2WireReader& reader, bool* isLast);
};

/**
 * \ingroup ipsec
 * \brief A proposal substructure (RFC 7296 section 3.3.1): number, protocol, SPI, transforms.
 */
struct Ikev2Proposal
{
    uint8_t m_number{0};                              //!< Proposal Num, from 1
    Ikev2ProtocolId m_protocol{Ikev2ProtocolId::IKE}; //!< IKE, AH or ESP
    CryptoBytes m_spi{};                              //!< empty, 4 or 8 bytes
    std::vector<Ikev2Transform> m_transforms{};       //!< transforms in order

    /**
     * \param writer receives the substructure
     * \param isLast whether it is the last proposal of its SA payload
     */
    void Serialize(Ikev2WireWriter& writer, bool isLast) const;

    /**
     * \param reader positioned at a proposal substructure
     * \param isLast receives whether its Last Substruc field says it is the last one
     * \return NONE, INVALID_PROPOSAL, INVALID_TRANSFORM or INVALID_TRANSFORM_ATTRIBUTE
     */
    Ikev2ParseError Parse(Ikev2WireReader& reader, bool* isLast);
};

} // namespace ns3

#endif /* IKEV2_PROPOSAL_H */
