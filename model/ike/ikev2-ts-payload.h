/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_TS_PAYLOAD_H
#define IKEV2_TS_PAYLOAD_H

#include "ikev2-payload.h"

#include "ns3/crypto-bytes.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief One traffic selector (RFC 7296 section 3.13.1): an address range, a port range and an
 * IP protocol.
 *
 * Addresses are kept as network-order bytes (4 for IPv4, 16 for IPv6), so the codec does not
 * depend on the data plane's address type. A start port above the end port is legal on the wire
 * (65535..0 is how OPAQUE ports are written) and kept as is.
 */
struct Ikev2TrafficSelector
{
    static constexpr uint8_t TS_IPV4_ADDR_RANGE = 7; //!< 16-byte selector
    static constexpr uint8_t TS_IPV6_ADDR_RANGE = 8; //!< 40-byte selector

    uint8_t m_type{TS_IPV4_ADDR_RANGE}; //!< TS Type
    uint8_t m_ipProtocol{0};            //!< IP Protocol ID, 0 for any
    uint16_t m_startPort{0};            //!< Start Port
    uint16_t m_endPort{65535};          //!< End Port
    CryptoBytes m_startAddress{};       //!< Starting Address, 4 or 16 bytes
    CryptoBytes m_endAddress{};         //!< Ending Address, 4 or 16 bytes

    /// \return the address length the type requires (4 or 16), 0 for an unknown type
    size_t GetAddressSize() const;
};

/**
 * \ingroup ipsec
 * \brief Traffic Selector payload, TSi or TSr (RFC 7296 section 3.13).
 *
 * TSi and TSr share one layout, so one class serves both; the constructor says which. Parsing
 * requires at least one selector, Number of TSs to match the selectors present, and each
 * Selector Length to be the one its type defines (16 or 40 bytes); other TS types are refused.
 */
class Ikev2TsPayload : public Ikev2Payload
{
  public:
    /// \param isInitiator true for TSi, false for TSr
    explicit Ikev2TsPayload(bool isInitiator);

    Ikev2PayloadType GetType() const override;
    void SerializeBody(Ikev2WireWriter& writer) const override;
    Ikev2ParseError ParseBody(Ikev2WireReader& reader) override;

    /// \param selector a selector whose address lengths match its type
    void AddSelector(const Ikev2TrafficSelector& selector);

    /// \return the selectors in order
    const std::vector<Ikev2TrafficSelector>& GetSelectors() const;

  private:
    bool m_isInitiator;                            //!< TSi rather than TSr
    std::vector<Ikev2TrafficSelector> m_selectors; //!< the selectors
};

} // namespace ns3

#endif /* IKEV2_TS_PAYLOAD_H */
