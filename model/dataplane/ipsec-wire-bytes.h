/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_WIRE_BYTES_H
#define IPSEC_WIRE_BYTES_H

#include <cstddef>
#include <cstdint>

namespace ns3
{

/*
 * Big-endian fields of ESP and AH headers and of the bytes their ICVs cover. The transforms
 * lay packets out in plain byte buffers rather than through ns3::Buffer (they need one
 * contiguous copy for the crypto anyway), so they share these helpers for network byte order.
 */

/**
 * \brief Writes a 16-bit value in network byte order.
 * \param out 2 bytes
 * \param value the value
 */
void IpsecWriteU16(uint8_t* out, uint16_t value);

/**
 * \brief Writes a 32-bit value in network byte order.
 * \param out 4 bytes
 * \param value the value
 */
void IpsecWriteU32(uint8_t* out, uint32_t value);

/**
 * \param in 4 bytes in network byte order
 * \return their 32-bit value
 */
uint32_t IpsecReadU32(const uint8_t* in);

/**
 * \brief Writes the high-order 32 bits of a sequence number, which with extended sequence
 * numbers enter the ICV after the packet but are not sent (RFC 4303 section 2.2.1, RFC 4302
 * sections 2.5.1 and 3.3.3.2.2).
 * \param sequence the full 64-bit sequence number
 * \param extendedSequenceNumbers whether the SA uses extended sequence numbers
 * \param out 4 bytes; always written, so that the caller can pass it whatever the SA
 * \return how many bytes of out the ICV covers: 4 with extended sequence numbers, else 0
 */
size_t IpsecWriteEsnHighBits(uint64_t sequence, bool extendedSequenceNumbers, uint8_t* out);

} // namespace ns3

#endif /* IPSEC_WIRE_BYTES_H */
