/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-wire-writer.h"

#include "ns3/assert.h"

namespace ns3
{

void
Ikev2WireWriter::WriteU8(uint8_t value)
{
    m_bytes.push_back(value);
}

void
Ikev2WireWriter::WriteU16(uint16_t value)
{
    m_bytes.push_back(static_cast<uint8_t>(value >> 8));
    m_bytes.push_back(static_cast<uint8_t>(value));
}

void
Ikev2WireWriter::WriteU32(uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
    {
        m_bytes.push_back(static_cast<uint8_t>(value >> shift));
    }
}

void
Ikev2WireWriter::WriteU64(uint64_t value)
{
    for (int shift = 56; shift >= 0; shift -= 8)
    {
        m_bytes.push_back(static_cast<uint8_t>(value >> shift));
    }
}

void
Ikev2WireWriter::WriteBytes(CryptoByteView bytes)
{
    if (!bytes.IsEmpty())
    {
        m_bytes.insert(m_bytes.end(), bytes.Data(), bytes.Data() + bytes.Size());
    }
}

void
Ikev2WireWriter::WriteZeros(size_t count)
{
    m_bytes.insert(m_bytes.end(), count, 0);
}

size_t
Ikev2WireWriter::GetSize() const
{
    return m_bytes.size();
}

void
Ikev2WireWriter::PatchU16(size_t offset, uint16_t value)
{
    NS_ASSERT_MSG(offset + 2 <= m_bytes.size(), "patch beyond the written bytes");
    m_bytes[offset] = static_cast<uint8_t>(value >> 8);
    m_bytes[offset + 1] = static_cast<uint8_t>(value);
}

void
Ikev2WireWriter::PatchU32(size_t offset, uint32_t value)
{
    NS_ASSERT_MSG(offset + 4 <= m_bytes.size(), "patch beyond the written bytes");
    for (size_t i = 0; i < 4; ++i)
    {
        m_bytes[offset + i] = static_cast<uint8_t>(value >> (24 - 8 * i));
    }
}

const CryptoBytes&
Ikev2WireWriter::GetBytes() const
{
    return m_bytes;
}

} // namespace ns3
