/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-wire-bytes.h"

namespace ns3
{

void
IpsecWriteU16(uint8_t* out, uint16_t value)
{
    out[0] = static_cast<uint8_t>(value >> 8);
    out[1] = static_cast<uint8_t>(value);
}

void
IpsecWriteU32(uint8_t* out, uint32_t value)
{
    out[0] = static_cast<uint8_t>(value >> 24);
    out[1] = static_cast<uint8_t>(value >> 16);
    out[2] = static_cast<uint8_t>(value >> 8);
    out[3] = static_cast<uint8_t>(value);
}

uint32_t
IpsecReadU32(const uint8_t* in)
{
    return (uint32_t(in[0]) << 24) | (uint32_t(in[1]) << 16) | (uint32_t(in[2]) << 8) | in[3];
}

size_t
IpsecWriteEsnHighBits(uint64_t sequence, bool extendedSequenceNumbers, uint8_t* out)
{
    IpsecWriteU32(out, static_cast<uint32_t>(sequence >> 32));
    return extendedSequenceNumbers ? 4 : 0;
}

} // namespace ns3
