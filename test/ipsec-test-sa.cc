/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-test-sa.h"

#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"

namespace ns3
{
namespace test
{

IpsecSa::Config
TunnelSaConfig(IpsecProtocol protocol,
               const std::string& namePrefix,
               IpsecDirection direction,
               uint32_t spi,
               bool ipv6,
               bool esn,
               uint32_t replayWindow)
{
    IpsecSa::Config config;
    config.name = namePrefix + (direction == IpsecDirection::OUTBOUND ? " out" : " in");
    config.spi = spi;
    config.protocol = protocol;
    config.direction = direction;
    config.mode = IpsecMode::TUNNEL;
    config.source = ipv6 ? IpsecIpAddress(Ipv6Address("2001:db8::1"))
                         : IpsecIpAddress(Ipv4Address("192.0.2.1"));
    config.destination = ipv6 ? IpsecIpAddress(Ipv6Address("2001:db8::2"))
                              : IpsecIpAddress(Ipv4Address("192.0.2.2"));
    config.extendedSequenceNumbers = esn;
    config.replayWindowSize = replayWindow;
    return config;
}

CryptoBytes
Pattern(size_t size, uint8_t seed)
{
    CryptoBytes bytes(size);
    for (size_t i = 0; i < size; ++i)
    {
        bytes[i] = static_cast<uint8_t>(seed + 7 * i);
    }
    return bytes;
}

CryptoBytes
BytesOf(Ptr<const Packet> packet)
{
    CryptoBytes bytes(packet->GetSize());
    packet->CopyData(bytes.data(), bytes.size());
    return bytes;
}

Ptr<Packet>
PacketOf(const CryptoBytes& bytes)
{
    return Create<Packet>(bytes.data(), bytes.size());
}

uint32_t
ReadU32(const CryptoBytes& bytes, size_t offset)
{
    return (uint32_t(bytes[offset]) << 24) | (uint32_t(bytes[offset + 1]) << 16) |
           (uint32_t(bytes[offset + 2]) << 8) | bytes[offset + 3];
}

CryptoBytes
BigEndian(uint64_t value, size_t size)
{
    CryptoBytes bytes(size);
    for (size_t i = 0; i < size; ++i)
    {
        bytes[size - 1 - i] = static_cast<uint8_t>(value >> (8 * i));
    }
    return bytes;
}

} // namespace test
} // namespace ns3
