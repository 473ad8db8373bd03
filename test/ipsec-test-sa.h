/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_TEST_SA_H
#define IPSEC_TEST_SA_H

#include "ns3/crypto-bytes.h"
#include "ns3/ipsec-sa.h"
#include "ns3/packet.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace test
{

/*
 * What the ESP and AH transform tests share: the SAs they run over and the bytes of the packets
 * they look into. Each test adds its protocol's transforms and keys to TunnelSaConfig.
 */

/// An outbound SA and the matching inbound one.
struct SaPair
{
    Ptr<IpsecSa> out; //!< sender
    Ptr<IpsecSa> in;  //!< receiver
};

/**
 * \brief A tunnel-mode SA definition without transforms or keys, between 192.0.2.1 and
 * 192.0.2.2 (IPv4) or 2001:db8::1 and 2001:db8::2 (IPv6).
 * \param protocol ESP or AH
 * \param namePrefix the SA is named "<namePrefix> out" or "<namePrefix> in"
 * \param direction outbound or inbound
 * \param spi the SPI
 * \param ipv6 whether the tunnel endpoints are IPv6
 * \param esn whether the SA uses extended sequence numbers
 * \param replayWindow the inbound anti-replay window size
 * \return the definition
 */
IpsecSa::Config TunnelSaConfig(IpsecProtocol protocol,
                               const std::string& namePrefix,
                               IpsecDirection direction,
                               uint32_t spi,
                               bool ipv6,
                               bool esn,
                               uint32_t replayWindow);

/**
 * \param size how many bytes
 * \param seed the first byte
 * \return size bytes of a recognisable pattern: seed, seed + 7, seed + 14, ...
 */
CryptoBytes Pattern(size_t size, uint8_t seed);

/**
 * \param packet a packet
 * \return its bytes
 */
CryptoBytes BytesOf(Ptr<const Packet> packet);

/**
 * \param bytes some bytes
 * \return a packet holding them
 */
Ptr<Packet> PacketOf(const CryptoBytes& bytes);

/**
 * \param bytes some bytes
 * \param offset where the value starts; offset + 4 must be within bytes
 * \return the big-endian 32-bit value at offset
 */
uint32_t ReadU32(const CryptoBytes& bytes, size_t offset);

/**
 * \param value a value
 * \param size how many bytes, at most 8
 * \return value as size big-endian bytes
 */
CryptoBytes BigEndian(uint64_t value, size_t size);

} // namespace test
} // namespace ns3

#endif /* IPSEC_TEST_SA_H */
