/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-wire-reader.h"

namespace ns3
{

Ikev2WireReader::Ikev2WireReader(CryptoByteView bytes, size_t baseOffset)
    : m_data(bytes.Data()),
      m_size(bytes.Size()),
      m_position(0),
      m_baseOffset(baseOffset)
{
}

size_t
Ikev2WireReader::GetRemaining() const
{
    return m_size - m_position;
}

size_t
Ikev2WireReader::GetOffset() const
{
    return m_baseOffset + m_position;
}

bool
Ikev2WireReader::IsEmpty() const
{
    return m_position == m_size;
}

bool
Ikev2WireReader::ReadU8(uint8_t* value)
{
    if (GetRemaining() < 1)
    {
        return false;
    }
    *value = m_data[m_position++];
    return true;
}

bool
Ikev2WireReader::ReadU16(uint16_t* value)
{
    if (GetRemaining() < 2)
    {
        return false;
    }
    *value = static_cast<uint16_t>((m_data[m_position] << 8) | m_data[m_position + 1]);
    m_position += 2;
    return true;
}

bool
Ikev2WireReader::ReadU32(uint32_t* value)
{
    if (GetRemaining() < 4)
    {
        return false;
    }
    uint32_t result = 0;
    for (size_t i = 0; i < 4; ++i)
    {
        result = (result << 8) | m_data[m_position + i];
    }
    *value = result;
    m_position += 4;
    return true;
}

bool
Ikev2WireReader::ReadU64(uint64_t* value)
{
    if (GetRemaining() < 8)
    {
        return false;
    }
    uint64_t result = 0;
    for (size_t i = 0; i < 8; ++i)
    {
        result = (result << 8) | m_data[m_position + i];
    }
    *value = result;
    m_position += 8;
    return true;
}

bool
Ikev2WireReader::ReadBytes(size_t size, CryptoBytes* bytes)
{
    if (GetRemaining() < size)
    {
        return false;
    }
    bytes->assign(m_data + m_position, m_data + m_position + size);
    m_position += size;
    return true;
}

CryptoBytes
Ikev2WireReader::ReadRemaining()
{
    CryptoBytes bytes(m_data + m_position, m_data + m_size);
    m_position = m_size;
    return bytes;
}

bool
Ikev2WireReader::Skip(size_t size)
{
    if (GetRemaining() < size)
    {
        return false;
    }
    m_position += size;
    return true;
}

bool
Ikev2WireReader::Split(size_t size, Ikev2WireReader* part)
{
    if (GetRemaining() < size)
    {
        return false;
    }
    *part = Ikev2WireReader(CryptoByteView(m_data + m_position, size), GetOffset());
    m_position += size;
    return true;
}

} // namespace ns3
