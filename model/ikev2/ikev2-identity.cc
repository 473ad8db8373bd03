/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-identity.h"

#include "ikev2-distinguished-name.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace ns3
{

namespace
{

constexpr size_t RESERVED_BYTES = 3; //!< after the ID type (RFC 7296 section 3.5)
constexpr size_t MAX_DNS_NAME = 253; //!< RFC 1035 section 2.3.4, without the root dot
constexpr size_t MAX_DNS_LABEL = 63; //!< RFC 1035 section 2.3.4
const char* const ALLOWED_FORMS = "inet <IPv4 address>, inet6 <IPv6 address>, hostname <FQDN>, "
                                  "user-at-hostname <user@FQDN>, distinguished-name <DN>";

[[noreturn]] void
Fail(const std::string& where, const std::string& text, const std::string& problem)
{
    throw std::invalid_argument(where + ": bad identity '" + text + "' (" + problem +
                                "); allowed: " + ALLOWED_FORMS);
}

/// Letters, digits and hyphens in dot-separated labels of 1..63 characters (RFC 1123 2.1).
bool
IsHostName(const std::string& name)
{
    if (name.empty() || name.size() > MAX_DNS_NAME)
    {
        return false;
    }
    size_t labelLength = 0;
    for (char c : name)
    {
        if (c == '.')
        {
            if (labelLength == 0)
            {
                return false;
            }
            labelLength = 0;
            continue;
        }
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
        {
            return false;
        }
        if (++labelLength > MAX_DNS_LABEL)
        {
            return false;
        }
    }
    return labelLength > 0;
}

bool
EqualsIgnoringCase(const std::string& a, const std::string& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string
AsText(const CryptoBytes& data)
{
    return std::string(data.begin(), data.end());
}

CryptoBytes
AsBytes(const std::string& text)
{
    return CryptoBytes(text.begin(), text.end());
}

} // namespace

Ikev2Identity::Ikev2Identity()
    : m_type(Ikev2IdentificationType::KEY_ID)
{
}

Ikev2Identity::Ikev2Identity(Ikev2IdentificationType type, CryptoBytes data)
    : m_type(type),
      m_data(std::move(data))
{
}

Ikev2Identity
Ikev2Identity::Parse(const std::string& text, const std::string& where)
{
    const size_t space = text.find(' ');
    if (space == std::string::npos || space + 1 >= text.size())
    {
        Fail(where, text, "expected a form followed by a value");
    }
    const std::string form = text.substr(0, space);
    const std::string value = text.substr(text.find_first_not_of(' ', space));
    if (form == "inet" || form == "inet6")
    {
        IpsecIpAddress address;
        std::string error;
        if (!IpsecIpAddress::Parse(value, &address, &error))
        {
            Fail(where, text, error);
        }
        if (address.IsIpv4() != (form == "inet"))
        {
            Fail(where, text, form == "inet" ? "not an IPv4 address" : "not an IPv6 address");
        }
        return FromAddress(address);
    }
    if (form == "hostname")
    {
        if (!IsHostName(value))
        {
            Fail(where, text, "not a host name");
        }
        return Ikev2Identity(Ikev2IdentificationType::FQDN, AsBytes(value));
    }
    if (form == "user-at-hostname")
    {
        const size_t at = value.find('@');
        if (at == 0 || at == std::string::npos || value.find('@', at + 1) != std::string::npos ||
            !IsHostName(value.substr(at + 1)) || value.find(' ') != std::string::npos)
        {
            Fail(where, text, "not of the form user@FQDN");
        }
        return Ikev2Identity(Ikev2IdentificationType::RFC822_ADDR, AsBytes(value));
    }
    if (form == "distinguished-name")
    {
        CryptoBytes der;
        std::string error;
        if (!Ikev2DistinguishedName::TextToDer(value, &der, &error))
        {
            Fail(where, text, error);
        }
        return Ikev2Identity(Ikev2IdentificationType::DER_ASN1_DN, der);
    }
    Fail(where, text, "unknown form '" + form + "'");
}

Ikev2Identity
Ikev2Identity::FromAddress(const IpsecIpAddress& address)
{
    return Ikev2Identity(address.IsIpv4() ? Ikev2IdentificationType::IPV4_ADDR
                                          : Ikev2IdentificationType::IPV6_ADDR,
                         CryptoBytes(address.GetBytes(), address.GetBytes() + address.GetSize()));
}

Ikev2Identity
Ikev2Identity::FromPayload(const Ikev2IdPayload& payload)
{
    return Ikev2Identity(payload.GetIdType(), payload.GetData());
}

Ikev2IdPayload
Ikev2Identity::ToPayload(bool isInitiator) const
{
    return Ikev2IdPayload(isInitiator, m_type, m_data);
}

CryptoBytes
Ikev2Identity::GetRestOfIdPayload() const
{
    CryptoBytes rest;
    rest.reserve(1 + RESERVED_BYTES + m_data.size());
    rest.push_back(static_cast<uint8_t>(m_type));
    rest.insert(rest.end(), RESERVED_BYTES, 0);
    rest.insert(rest.end(), m_data.begin(), m_data.end());
    return rest;
}

Ikev2IdentificationType
Ikev2Identity::GetType() const
{
    return m_type;
}

const CryptoBytes&
Ikev2Identity::GetData() const
{
    return m_data;
}

bool
Ikev2Identity::Matches(const Ikev2Identity& received) const
{
    if (m_type != received.m_type)
    {
        return false;
    }
    switch (m_type)
    {
    case Ikev2IdentificationType::FQDN:
        return EqualsIgnoringCase(AsText(m_data), AsText(received.m_data));
    case Ikev2IdentificationType::RFC822_ADDR: {
        const std::string mine = AsText(m_data);
        const std::string theirs = AsText(received.m_data);
        const size_t at = mine.rfind('@');
        const size_t theirAt = theirs.rfind('@');
        if (at == std::string::npos || theirAt == std::string::npos)
        {
            return m_data == received.m_data;
        }
        // The local part may be case-sensitive (RFC 5321 section 2.4); the domain is not.
        return mine.compare(0, at, theirs, 0, theirAt) == 0 && at == theirAt &&
               EqualsIgnoringCase(mine.substr(at + 1), theirs.substr(theirAt + 1));
    }
    case Ikev2IdentificationType::DER_ASN1_DN:
        return Ikev2DistinguishedName::DerEqual(m_data, received.m_data);
    default:
        // Addresses are fixed-length values; other types are opaque.
        return m_data == received.m_data;
    }
}

std::string
Ikev2Identity::ToString() const
{
    switch (m_type)
    {
    case Ikev2IdentificationType::IPV4_ADDR:
    case Ikev2IdentificationType::IPV6_ADDR: {
        IpsecIpAddress address;
        if (IpsecIpAddress::FromBytes(m_data.data(), m_data.size(), &address))
        {
            return std::string(address.IsIpv4() ? "inet " : "inet6 ") + address.ToString();
        }
        return "address " + CryptoToHex(m_data);
    }
    case Ikev2IdentificationType::FQDN:
        return "hostname " + AsText(m_data);
    case Ikev2IdentificationType::RFC822_ADDR:
        return "user-at-hostname " + AsText(m_data);
    case Ikev2IdentificationType::DER_ASN1_DN: {
        std::string text;
        if (Ikev2DistinguishedName::DerToText(m_data, &text))
        {
            return "distinguished-name " + text;
        }
        return "distinguished-name der " + CryptoToHex(m_data);
    }
    case Ikev2IdentificationType::DER_ASN1_GN:
        return "general-name " + CryptoToHex(m_data);
    case Ikev2IdentificationType::KEY_ID:
        return "key-id " + CryptoToHex(m_data);
    }
    return "id-type-" + std::to_string(static_cast<int>(m_type)) + " " + CryptoToHex(m_data);
}

bool
Ikev2Identity::operator==(const Ikev2Identity& other) const
{
    return m_type == other.m_type && m_data == other.m_data;
}

std::ostream&
operator<<(std::ostream& os, const Ikev2Identity& identity)
{
    return os << identity.ToString();
}

} // namespace ns3
