/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-traffic-selector.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

namespace
{

/// Stores msg in *error when the caller asked for it.
void
SetError(std::string* error, const std::string& msg)
{
    if (error)
    {
        *error = msg;
    }
}

/// Writes a port range as "any", "N" or "N-M".
void
WritePortRange(std::ostream& os, uint16_t start, uint16_t end)
{
    if (start == IpsecTrafficSelector::MIN_PORT && end == IpsecTrafficSelector::MAX_PORT)
    {
        os << "any";
    }
    else if (start == end)
    {
        os << start;
    }
    else
    {
        os << start << "-" << end;
    }
}

} // namespace

IpsecTrafficSelector::IpsecTrafficSelector()
    : m_start(IpsecIpAddress::Min(IpsecAddressFamily::IPV4)),
      m_end(IpsecIpAddress::Max(IpsecAddressFamily::IPV4))
{
}

IpsecTrafficSelector
IpsecTrafficSelector::Any(IpsecAddressFamily family)
{
    IpsecTrafficSelector selector;
    selector.m_start = IpsecIpAddress::Min(family);
    selector.m_end = IpsecIpAddress::Max(family);
    return selector;
}

IpsecTrafficSelector
IpsecTrafficSelector::Host(const IpsecIpAddress& address)
{
    IpsecTrafficSelector selector;
    selector.m_start = address;
    selector.m_end = address;
    return selector;
}

bool
IpsecTrafficSelector::FromPrefix(const std::string& text,
                                 IpsecTrafficSelector* selector,
                                 std::string* error)
{
    size_t slash = text.find('/');
    IpsecIpAddress address;
    std::string addressError;
    if (!IpsecIpAddress::Parse(text.substr(0, slash), &address, &addressError))
    {
        SetError(error, "invalid prefix \"" + text + "\": " + addressError);
        return false;
    }
    uint8_t prefixLength = address.GetBitLength();
    if (slash != std::string::npos)
    {
        // Decimal digits only: std::stoi would accept "+16", " 16" or "16abc".
        std::string lengthText = text.substr(slash + 1);
        if (lengthText.empty() || lengthText.size() > 3 ||
            !std::all_of(lengthText.begin(), lengthText.end(), [](char c) {
                return c >= '0' && c <= '9';
            }))
        {
            SetError(error, "invalid prefix \"" + text + "\": bad prefix length");
            return false;
        }
        int value = std::stoi(lengthText);
        if (value > address.GetBitLength())
        {
            SetError(error,
                     "invalid prefix \"" + text + "\": length " + lengthText + " exceeds " +
                         std::to_string(address.GetBitLength()) + " for " +
                         IpsecAddressFamilyName(address.GetFamily()));
            return false;
        }
        prefixLength = static_cast<uint8_t>(value);
    }
    std::string prefixError;
    if (!FromPrefix(address, prefixLength, selector, &prefixError))
    {
        SetError(error, "invalid prefix \"" + text + "\": " + prefixError);
        return false;
    }
    return true;
}

bool
IpsecTrafficSelector::FromPrefix(const IpsecIpAddress& address,
                                 uint8_t prefixLength,
                                 IpsecTrafficSelector* selector,
                                 std::string* error)
{
    if (prefixLength > address.GetBitLength())
    {
        SetError(error,
                 "prefix length " + std::to_string(prefixLength) + " exceeds " +
                     std::to_string(address.GetBitLength()));
        return false;
    }
    IpsecIpAddress network = address.GetPrefixStart(prefixLength);
    if (network != address)
    {
        SetError(error,
                 "host bits set in " + address.ToString() + "/" + std::to_string(prefixLength) +
                     " (the network is " + network.ToString() + "/" + std::to_string(prefixLength) +
                     ")");
        return false;
    }
    IpsecTrafficSelector result;
    result.m_start = network;
    result.m_end = address.GetPrefixEnd(prefixLength);
    *selector = result;
    return true;
}

bool
IpsecTrafficSelector::FromRange(const IpsecIpAddress& start,
                                const IpsecIpAddress& end,
                                IpsecTrafficSelector* selector,
                                std::string* error)
{
    std::string range = start.ToString() + " - " + end.ToString();
    if (start.GetFamily() != end.GetFamily())
    {
        SetError(error, "address range " + range + " mixes ipv4 and ipv6");
        return false;
    }
    if (end < start)
    {
        SetError(error, "address range " + range + " ends before it starts");
        return false;
    }
    IpsecTrafficSelector result;
    result.m_start = start;
    result.m_end = end;
    *selector = result;
    return true;
}

bool
IpsecTrafficSelector::ProtocolHasPorts(uint8_t protocol)
{
    switch (protocol)
    {
    case PROTOCOL_TCP:
    case PROTOCOL_UDP:
    case PROTOCOL_SCTP:
    case PROTOCOL_ICMP:
    case PROTOCOL_ICMPV6:
        return true;
    default:
        return false;
    }
}

bool
IpsecTrafficSelector::IsIcmpProtocol(uint8_t protocol)
{
    return protocol == PROTOCOL_ICMP || protocol == PROTOCOL_ICMPV6;
}

uint16_t
IpsecTrafficSelector::IcmpTypeCodeToPort(uint8_t type, uint8_t code)
{
    return static_cast<uint16_t>((type << 8) | code);
}

void
IpsecTrafficSelector::SetProtocol(uint8_t protocol)
{
    m_protocol = protocol;
}

bool
IpsecTrafficSelector::SetPortRange(uint16_t start, uint16_t end, std::string* error)
{
    if (start > end)
    {
        SetError(error,
                 "port range " + std::to_string(start) + "-" + std::to_string(end) +
                     " ends before it starts");
        return false;
    }
    m_startPort = start;
    m_endPort = end;
    return true;
}

void
IpsecTrafficSelector::SetPort(uint16_t port)
{
    m_startPort = port;
    m_endPort = port;
}

void
IpsecTrafficSelector::SetAnyPort()
{
    m_startPort = MIN_PORT;
    m_endPort = MAX_PORT;
}

void
IpsecTrafficSelector::SetIcmpType(uint8_t type)
{
    m_startPort = IcmpTypeCodeToPort(type, 0);
    m_endPort = IcmpTypeCodeToPort(type, 0xff);
}

void
IpsecTrafficSelector::SetIcmpTypeCode(uint8_t type, uint8_t code)
{
    SetPort(IcmpTypeCodeToPort(type, code));
}

IpsecAddressFamily
IpsecTrafficSelector::GetFamily() const
{
    return m_start.GetFamily();
}

const IpsecIpAddress&
IpsecTrafficSelector::GetStartAddress() const
{
    return m_start;
}

const IpsecIpAddress&
IpsecTrafficSelector::GetEndAddress() const
{
    return m_end;
}

uint8_t
IpsecTrafficSelector::GetProtocol() const
{
    return m_protocol;
}

uint16_t
IpsecTrafficSelector::GetStartPort() const
{
    return m_startPort;
}

uint16_t
IpsecTrafficSelector::GetEndPort() const
{
    return m_endPort;
}

bool
IpsecTrafficSelector::IsAnyProtocol() const
{
    return m_protocol == ANY_PROTOCOL;
}

bool
IpsecTrafficSelector::IsAnyPort() const
{
    return m_startPort == MIN_PORT && m_endPort == MAX_PORT;
}

std::optional<uint8_t>
IpsecTrafficSelector::GetPrefixLength() const
{
    for (uint16_t length = 0; length <= m_start.GetBitLength(); ++length)
    {
        auto prefixLength = static_cast<uint8_t>(length);
        if (m_start.GetPrefixStart(prefixLength) == m_start &&
            m_start.GetPrefixEnd(prefixLength) == m_end)
        {
            return prefixLength;
        }
    }
    return std::nullopt;
}

bool
IpsecTrafficSelector::Contains(const IpsecIpAddress& address) const
{
    // The family test matters: the cross-family order would otherwise put IPv4 addresses
    // "below" every IPv6 range.
    return address.GetFamily() == GetFamily() && m_start <= address && address <= m_end;
}

bool
IpsecTrafficSelector::MatchesProtocol(uint8_t protocol) const
{
    return m_protocol == ANY_PROTOCOL || m_protocol == protocol;
}

bool
IpsecTrafficSelector::Matches(uint8_t protocol, uint16_t port) const
{
    if (!ProtocolHasPorts(protocol))
    {
        return MatchesOpaquePort(protocol);
    }
    return MatchesProtocol(protocol) && m_startPort <= port && port <= m_endPort;
}

bool
IpsecTrafficSelector::MatchesOpaquePort(uint8_t protocol) const
{
    // RFC 4301 section 4.4.1.1: OPAQUE matches only the ANY port selector.
    return MatchesProtocol(protocol) && IsAnyPort();
}

std::optional<IpsecTrafficSelector>
IpsecTrafficSelector::Intersect(const IpsecTrafficSelector& other) const
{
    if (GetFamily() != other.GetFamily())
    {
        return std::nullopt;
    }
    IpsecTrafficSelector result;
    result.m_start = std::max(m_start, other.m_start);
    result.m_end = std::min(m_end, other.m_end);
    if (result.m_end < result.m_start)
    {
        return std::nullopt;
    }
    if (m_protocol != ANY_PROTOCOL && other.m_protocol != ANY_PROTOCOL &&
        m_protocol != other.m_protocol)
    {
        return std::nullopt;
    }
    result.m_protocol = m_protocol != ANY_PROTOCOL ? m_protocol : other.m_protocol;
    result.m_startPort = std::max(m_startPort, other.m_startPort);
    result.m_endPort = std::min(m_endPort, other.m_endPort);
    if (result.m_endPort < result.m_startPort)
    {
        return std::nullopt;
    }
    // Packets of a port-less protocol have OPAQUE ports, which a narrowed range never matches.
    if (result.m_protocol != ANY_PROTOCOL && !ProtocolHasPorts(result.m_protocol) &&
        !result.IsAnyPort())
    {
        return std::nullopt;
    }
    return result;
}

bool
IpsecTrafficSelector::IsSubsetOf(const IpsecTrafficSelector& other) const
{
    if (GetFamily() != other.GetFamily() || m_start < other.m_start || other.m_end < m_end)
    {
        return false;
    }
    if (other.m_protocol != ANY_PROTOCOL && other.m_protocol != m_protocol)
    {
        return false;
    }
    return other.m_startPort <= m_startPort && m_endPort <= other.m_endPort;
}

std::string
IpsecTrafficSelector::ToString() const
{
    std::ostringstream os;
    std::optional<uint8_t> prefixLength = GetPrefixLength();
    if (prefixLength)
    {
        os << m_start << "/" << static_cast<unsigned>(*prefixLength);
    }
    else
    {
        os << m_start << "-" << m_end;
    }
    os << " proto ";
    if (IsAnyProtocol())
    {
        os << "any";
    }
    else
    {
        os << static_cast<unsigned>(m_protocol);
    }
    bool wholeTypes = (m_startPort & 0xff) == 0 && (m_endPort & 0xff) == 0xff;
    if (IsIcmpProtocol(m_protocol) && !IsAnyPort() && (m_startPort >> 8) == (m_endPort >> 8))
    {
        os << " icmp-type " << (m_startPort >> 8) << " code ";
        if (wholeTypes)
        {
            os << "any";
        }
        else
        {
            WritePortRange(os, m_startPort & 0xff, m_endPort & 0xff);
        }
    }
    else
    {
        os << " port ";
        WritePortRange(os, m_startPort, m_endPort);
    }
    return os.str();
}

bool
IpsecTrafficSelector::operator==(const IpsecTrafficSelector& other) const
{
    return m_start == other.m_start && m_end == other.m_end && m_protocol == other.m_protocol &&
           m_startPort == other.m_startPort && m_endPort == other.m_endPort;
}

bool
IpsecTrafficSelector::operator!=(const IpsecTrafficSelector& other) const
{
    return !(*this == other);
}

std::ostream&
operator<<(std::ostream& os, const IpsecTrafficSelector& selector)
{
    return os << selector.ToString();
}

} // namespace ns3
