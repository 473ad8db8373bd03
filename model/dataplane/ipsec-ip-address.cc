/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-ip-address.h"

#include "ns3/assert.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>

namespace ns3
{

const char*
IpsecAddressFamilyName(IpsecAddressFamily family)
{
    switch (family)
    {
    case IpsecAddressFamily::IPV4:
        return "ipv4";
    case IpsecAddressFamily::IPV6:
        return "ipv6";
    }
    return "unknown";
}

std::ostream&
operator<<(std::ostream& os, IpsecAddressFamily family)
{
    return os << IpsecAddressFamilyName(family);
}

IpsecIpAddress::IpsecIpAddress()
    : m_family(IpsecAddressFamily::IPV4)
{
}

IpsecIpAddress::IpsecIpAddress(Ipv4Address address)
    : m_family(IpsecAddressFamily::IPV4)
{
    address.Serialize(m_bytes.data());
}

IpsecIpAddress::IpsecIpAddress(Ipv6Address address)
    : m_family(IpsecAddressFamily::IPV6)
{
    address.Serialize(m_bytes.data());
}

IpsecIpAddress
IpsecIpAddress::FromIpv4Bytes(const uint8_t* bytes)
{
    IpsecIpAddress address;
    std::copy(bytes, bytes + IPV4_SIZE, address.m_bytes.begin());
    return address;
}

IpsecIpAddress
IpsecIpAddress::FromIpv6Bytes(const uint8_t* bytes)
{
    IpsecIpAddress address;
    address.m_family = IpsecAddressFamily::IPV6;
    std::copy(bytes, bytes + IPV6_SIZE, address.m_bytes.begin());
    return address;
}

bool
IpsecIpAddress::FromBytes(const uint8_t* bytes, size_t size, IpsecIpAddress* address)
{
    if (size == IPV4_SIZE)
    {
        *address = FromIpv4Bytes(bytes);
        return true;
    }
    if (size == IPV6_SIZE)
    {
        *address = FromIpv6Bytes(bytes);
        return true;
    }
    return false;
}

bool
IpsecIpAddress::Parse(const std::string& text, IpsecIpAddress* address, std::string* error)
{
    // inet_pton reads a C string: an embedded NUL would silently cut the text short.
    if (!text.empty() && text.find('\0') == std::string::npos)
    {
        // Decide the family by the text itself, so that an error can say what was expected.
        bool looksIpv6 = text.find(':') != std::string::npos;
        std::array<uint8_t, IPV6_SIZE> bytes{};
        if (inet_pton(looksIpv6 ? AF_INET6 : AF_INET, text.c_str(), bytes.data()) == 1)
        {
            *address = looksIpv6 ? FromIpv6Bytes(bytes.data()) : FromIpv4Bytes(bytes.data());
            return true;
        }
    }
    if (error)
    {
        *error = "invalid IP address \"" + text + "\"";
    }
    return false;
}

IpsecIpAddress
IpsecIpAddress::Min(IpsecAddressFamily family)
{
    IpsecIpAddress address;
    address.m_family = family;
    return address;
}

IpsecIpAddress
IpsecIpAddress::Max(IpsecAddressFamily family)
{
    IpsecIpAddress address = Min(family);
    std::fill_n(address.m_bytes.begin(), address.GetSize(), 0xff);
    return address;
}

IpsecAddressFamily
IpsecIpAddress::GetFamily() const
{
    return m_family;
}

bool
IpsecIpAddress::IsIpv4() const
{
    return m_family == IpsecAddressFamily::IPV4;
}

bool
IpsecIpAddress::IsIpv6() const
{
    return m_family == IpsecAddressFamily::IPV6;
}

Ipv4Address
IpsecIpAddress::GetIpv4() const
{
    NS_ASSERT_MSG(IsIpv4(), "GetIpv4() on the IPv6 address " << ToString());
    return Ipv4Address::Deserialize(m_bytes.data());
}

Ipv6Address
IpsecIpAddress::GetIpv6() const
{
    NS_ASSERT_MSG(IsIpv6(), "GetIpv6() on the IPv4 address " << ToString());
    return Ipv6Address::Deserialize(m_bytes.data());
}

size_t
IpsecIpAddress::GetSize() const
{
    return IsIpv4() ? IPV4_SIZE : IPV6_SIZE;
}

uint8_t
IpsecIpAddress::GetBitLength() const
{
    return static_cast<uint8_t>(8 * GetSize());
}

const uint8_t*
IpsecIpAddress::GetBytes() const
{
    return m_bytes.data();
}

void
IpsecIpAddress::CopyTo(uint8_t* out) const
{
    std::copy_n(m_bytes.begin(), GetSize(), out);
}

bool
IpsecIpAddress::Increment()
{
    if (*this == Max(m_family))
    {
        return false;
    }
    // Add one from the least significant byte, carrying while a byte wraps to zero.
    for (size_t i = GetSize(); i-- > 0;)
    {
        if (++m_bytes[i] != 0)
        {
            break;
        }
    }
    return true;
}

bool
IpsecIpAddress::Decrement()
{
    if (IsZero())
    {
        return false;
    }
    for (size_t i = GetSize(); i-- > 0;)
    {
        if (m_bytes[i]-- != 0)
        {
            break;
        }
    }
    return true;
}

IpsecIpAddress
IpsecIpAddress::GetPrefixStart(uint8_t prefixLength) const
{
    IpsecIpAddress result = *this;
    size_t kept = std::min<size_t>(prefixLength, GetBitLength());
    for (size_t bit = kept; bit < GetBitLength(); ++bit)
    {
        result.m_bytes[bit / 8] &= static_cast<uint8_t>(~(0x80U >> (bit % 8)));
    }
    return result;
}

IpsecIpAddress
IpsecIpAddress::GetPrefixEnd(uint8_t prefixLength) const
{
    IpsecIpAddress result = *this;
    size_t kept = std::min<size_t>(prefixLength, GetBitLength());
    for (size_t bit = kept; bit < GetBitLength(); ++bit)
    {
        result.m_bytes[bit / 8] |= static_cast<uint8_t>(0x80U >> (bit % 8));
    }
    return result;
}

bool
IpsecIpAddress::IsZero() const
{
    return std::all_of(m_bytes.begin(), m_bytes.begin() + GetSize(), [](uint8_t b) {
        return b == 0;
    });
}

std::string
IpsecIpAddress::ToString() const
{
    char text[INET6_ADDRSTRLEN] = {};
    // glibc's inet_ntop writes RFC 5952 text (lower case, longest zero run compressed).
    if (inet_ntop(IsIpv4() ? AF_INET : AF_INET6, m_bytes.data(), text, sizeof(text)) == nullptr)
    {
        return "?";
    }
    return text;
}

bool
IpsecIpAddress::operator==(const IpsecIpAddress& other) const
{
    return m_family == other.m_family && m_bytes == other.m_bytes;
}

bool
IpsecIpAddress::operator!=(const IpsecIpAddress& other) const
{
    return !(*this == other);
}

bool
IpsecIpAddress::operator<(const IpsecIpAddress& other) const
{
    if (m_family != other.m_family)
    {
        return IsIpv4();
    }
    // Network byte order compares lexicographically as the numeric value; unused IPv4 bytes
    // are always zero.
    return m_bytes < other.m_bytes;
}

bool
IpsecIpAddress::operator>(const IpsecIpAddress& other) const
{
    return other < *this;
}

bool
IpsecIpAddress::operator<=(const IpsecIpAddress& other) const
{
    return !(other < *this);
}

bool
IpsecIpAddress::operator>=(const IpsecIpAddress& other) const
{
    return !(*this < other);
}

std::ostream&
operator<<(std::ostream& os, const IpsecIpAddress& address)
{
    return os << address.ToString();
}

} // namespace ns3
