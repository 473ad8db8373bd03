/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-test-selectors.h"

#include <gtest/gtest.h>

namespace ns3
{
namespace test
{

IpsecIpAddress
Addr(const std::string& text)
{
    IpsecIpAddress address;
    std::string error;
    EXPECT_TRUE(IpsecIpAddress::Parse(text, &address, &error)) << error;
    return address;
}

IpsecTrafficSelector
Prefix(const std::string& text)
{
    IpsecTrafficSelector selector;
    std::string error;
    EXPECT_TRUE(IpsecTrafficSelector::FromPrefix(text, &selector, &error)) << error;
    return selector;
}

IpsecTrafficSelector
WithPorts(IpsecTrafficSelector selector, uint8_t protocol, uint16_t start, uint16_t end)
{
    selector.SetProtocol(protocol);
    EXPECT_TRUE(selector.SetPortRange(start, end));
    return selector;
}

IpsecFlow
Flow(const std::string& src,
     const std::string& dst,
     uint8_t protocol,
     uint16_t sport,
     uint16_t dport)
{
    IpsecFlow flow;
    flow.m_source = Addr(src);
    flow.m_destination = Addr(dst);
    flow.m_protocol = protocol;
    flow.m_sourcePort = sport;
    flow.m_destinationPort = dport;
    return flow;
}

} // namespace test
} // namespace ns3
