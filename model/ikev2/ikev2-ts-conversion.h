/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_TS_CONVERSION_H
#define IKEV2_TS_CONVERSION_H

#include "ns3/ikev2-ts-payload.h"
#include "ns3/ipsec-traffic-selector.h"

#include <optional>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Conversion between the codec's IKE traffic selector (RFC 7296 section 3.13.1) and the
 * data plane's IpsecTrafficSelector.
 *
 * Both carry an address range, an IP protocol (0: any) and a port range, ICMP type/code packed
 * the same way (type in the high byte), so the conversion is exact. What the data plane cannot
 * hold is refused: an unknown TS type, an address length that does not fit the type, an end
 * address below the start, and OPAQUE ports (start port above end port, RFC 7296 section
 * 3.13.1).
 */
class Ikev2TsConversion
{
  public:
    /**
     * \param selector an IKE traffic selector from the wire
     * \return the data plane selector, or nothing if it cannot be represented
     */
    static std::optional<IpsecTrafficSelector> ToIpsec(const Ikev2TrafficSelector& selector);

    /**
     * \param selector a data plane selector
     * \return the IKE traffic selector (TS_IPV4_ADDR_RANGE or TS_IPV6_ADDR_RANGE)
     */
    static Ikev2TrafficSelector FromIpsec(const IpsecTrafficSelector& selector);
};

} // namespace ns3

#endif /* IKEV2_TS_CONVERSION_H */
