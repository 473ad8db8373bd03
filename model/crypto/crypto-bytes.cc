/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-bytes.h"

#include <openssl/crypto.h>
#include <stdexcept>

namespace ns3
{

CryptoByteView::CryptoByteView(const uint8_t* data, size_t size)
    : m_data(data),
      m_size(size)
{
}

CryptoByteView::CryptoByteView(const CryptoBytes& bytes)
    : m_data(bytes.data()),
      m_size(bytes.size())
{
}

const uint8_t*
CryptoByteView::Data() const
{
    return m_data;
}

size_t
CryptoByteView::Size() const
{
    return m_size;
}

bool
CryptoByteView::IsEmpty() const
{
    return m_size == 0;
}

CryptoBytes
CryptoByteView::ToBytes() const
{
    if (m_size == 0)
    {
        return {};
    }
    return CryptoBytes(m_data, m_data + m_size);
}

std::string
CryptoToHex(CryptoByteView bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string text;
    text.reserve(bytes.Size() * 2);
    for (size_t i = 0; i < bytes.Size(); ++i)
    {
        text.push_back(digits[bytes.Data()[i] >> 4]);
        text.push_back(digits[bytes.Data()[i] & 0x0f]);
    }
    return text;
}

namespace
{

int
HexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
    {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f')
    {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F')
    {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

CryptoBytes
CryptoFromHex(const std::string& hex)
{
    size_t start = 0;
    if (hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X'))
    {
        start = 2;
    }
    if ((hex.size() - start) % 2 != 0)
    {
        throw std::invalid_argument("hex string '" + hex + "' has an odd number of digits");
    }
    CryptoBytes bytes;
    bytes.reserve((hex.size() - start) / 2);
    for (size_t i = start; i < hex.size(); i += 2)
    {
        int high = HexDigitValue(hex[i]);
        int low = HexDigitValue(hex[i + 1]);
        if (high < 0 || low < 0)
        {
            throw std::invalid_argument("hex string '" + hex +
                                        "' has a non-hex character at offset " +
                                        std::to_string(high < 0 ? i : i + 1));
        }
        bytes.push_back(static_cast<uint8_t>((high << 4) | low));
    }
    return bytes;
}

bool
CryptoEqualConstantTime(CryptoByteView a, CryptoByteView b)
{
    if (a.Size() != b.Size())
    {
        return false;
    }
    if (a.Size() == 0)
    {
        return true;
    }
    return CRYPTO_memcmp(a.Data(), b.Data(), a.Size()) == 0;
}

CryptoBytes
CryptoConcat(std::initializer_list<CryptoByteView> parts)
{
    size_t total = 0;
    for (const auto& part : parts)
    {
        total += part.Size();
    }
    CryptoBytes joined;
    joined.reserve(total);
    for (const auto& part : parts)
    {
        joined.insert(joined.end(), part.Data(), part.Data() + part.Size());
    }
    return joined;
}

} // namespace ns3
