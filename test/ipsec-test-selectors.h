/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_TEST_SELECTORS_H
#define IPSEC_TEST_SELECTORS_H

#include "ns3/ipsec-flow.h"
#include "ns3/ipsec-ip-address.h"
#include "ns3/ipsec-traffic-selector.h"

#include <string>

namespace ns3
{
namespace test
{

/// IP protocol numbers the selector tests use.
constexpr uint8_t UDP = 17;
constexpr uint8_t TCP = 6;

/// \param text an address \return it (the calling test fails if it does not parse)
IpsecIpAddress Addr(const std::string& text);

/// \param text a prefix, e.g. "10.1.0.0/16" \return its selector (fails the test if invalid)
IpsecTrafficSelector Prefix(const std::string& text);

/**
 * \param selector a selector
 * \param protocol IP protocol to select
 * \param start first port
 * \param end last port
 * \return the selector narrowed to that protocol and port range
 */
IpsecTrafficSelector WithPorts(IpsecTrafficSelector selector,
                               uint8_t protocol,
                               uint16_t start,
                               uint16_t end);

/**
 * \param src source address
 * \param dst destination address
 * \param protocol IP protocol
 * \param sport source port
 * \param dport destination port
 * \return the flow
 */
IpsecFlow Flow(const std::string& src,
               const std::string& dst,
               uint8_t protocol = UDP,
               uint16_t sport = 1234,
               uint16_t dport = 500);

} // namespace test
} // namespace ns3

#endif /* IPSEC_TEST_SELECTORS_H */
