/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-flow.h"

#include "ipsec-traffic-selector.h"

#include <algorithm>
#include <array>
#include <sstream>

namespace ns3
{

namespace
{

constexpr size_t IPV4_MIN_HEADER = 20;     //!< IPv4 header without options
constexpr size_t IPV6_HEADER = 40;         //!< fixed IPv6 header
constexpr size_t IPV6_FRAGMENT_HEADER = 8; //!< RFC 8200 section 4.5
constexpr uint8_t IPV6_HOP_BY_HOP = 0;     //!< Hop-by-Hop Options header
constexpr uint8_t IPV6_ROUTING = 43;       //!< Routing header
constexpr uint8_t IPV6_FRAGMENT = 44;      //!< Fragment header
constexpr uint8_t IPV6_DESTINATION = 60;   //!< Destination Options header
constexpr size_t PORT_BYTES = 4;           //!< source and destination port fields
constexpr size_t ICMP_TYPE_CODE_BYTES = 2; //!< type and code fields

/// Stores msg in *error when the caller asked for it.
bool
Fail(std::string* error, const std::string& msg)
{
    if (error)
    {
        *error = msg;
    }
    return false;
}

/// Big-endian 16-bit value at p.
uint16_t
ReadU16(const uint8_t* p)
{
    return static_cast<uint16_t>((p[0] << 8) | p[1]);
}

/**
 * Reads the ports (or ICMP type/code) of the upper-layer header at data[offset], which must
 * end by data[end]. Protocols without ports leave the ports at 0.
 */
bool
ReadPorts(const uint8_t* data, size_t offset, size_t end, IpsecFlow* flow, std::string* error)
{
    if (flow->m_isFragment || !IpsecTrafficSelector::ProtocolHasPorts(flow->m_protocol))
    {
        return true;
    }
    bool icmp = IpsecTrafficSelector::IsIcmpProtocol(flow->m_protocol);
    size_t needed = icmp ? ICMP_TYPE_CODE_BYTES : PORT_BYTES;
    if (offset > end || end - offset < needed)
    {
        return Fail(error,
                    "truncated " + std::string(icmp ? "ICMP" : "transport") +
                        " header of protocol " + std::to_string(flow->m_protocol) + " (" +
                        std::to_string(offset > end ? 0 : end - offset) + " of " +
                        std::to_string(needed) + " bytes)");
    }
    if (icmp)
    {
        uint16_t typeCode =
            IpsecTrafficSelector::IcmpTypeCodeToPort(data[offset], data[offset + 1]);
        flow->m_sourcePort = typeCode;
        flow->m_destinationPort = typeCode;
    }
    else
    {
        flow->m_sourcePort = ReadU16(data + offset);
        flow->m_destinationPort = ReadU16(data + offset + 2);
    }
    return true;
}

} // namespace

bool
IpsecFlow::IsFragment() const
{
    return m_isFragment;
}

bool
IpsecFlow::HasPorts() const
{
    return !m_isFragment && IpsecTrafficSelector::ProtocolHasPorts(m_protocol);
}

bool
IpsecFlow::IsIke() const
{
    constexpr uint16_t IKE_PORT = 500;
    constexpr uint16_t IKE_NAT_T_PORT = 4500;
    return m_protocol == IpsecTrafficSelector::PROTOCOL_UDP && HasPorts() &&
           (m_sourcePort == IKE_PORT || m_destinationPort == IKE_PORT ||
            m_sourcePort == IKE_NAT_T_PORT || m_destinationPort == IKE_NAT_T_PORT);
}

bool
IpsecFlow::IsNeighborDiscovery() const
{
    constexpr uint8_t ROUTER_SOLICITATION = 133;
    constexpr uint8_t REDIRECT = 137;
    const uint8_t type = static_cast<uint8_t>(m_sourcePort >> 8);
    return m_protocol == IpsecTrafficSelector::PROTOCOL_ICMPV6 && HasPorts() &&
           type >= ROUTER_SOLICITATION && type <= REDIRECT;
}

bool
IpsecFlow::FromIpv4Packet(const uint8_t* data, size_t size, IpsecFlow* flow, std::string* error)
{
    if (data == nullptr || size < IPV4_MIN_HEADER)
    {
        return Fail(error,
                    "truncated IPv4 header (" + std::to_string(data ? size : 0) + " of " +
                        std::to_string(IPV4_MIN_HEADER) + " bytes)");
    }
    uint8_t version = data[0] >> 4;
    if (version != 4)
    {
        return Fail(error, "not an IPv4 header (version " + std::to_string(version) + ")");
    }
    size_t headerLength = 4 * static_cast<size_t>(data[0] & 0x0f);
    if (headerLength < IPV4_MIN_HEADER)
    {
        return Fail(error, "IPv4 header length " + std::to_string(headerLength) + " below 20");
    }
    if (size < headerLength)
    {
        return Fail(error,
                    "truncated IPv4 options (" + std::to_string(size) + " of " +
                        std::to_string(headerLength) + " bytes)");
    }
    size_t totalLength = ReadU16(data + 2);
    if (totalLength < headerLength)
    {
        return Fail(error,
                    "IPv4 total length " + std::to_string(totalLength) + " below header length " +
                        std::to_string(headerLength));
    }
    // Bytes beyond Total Length are link-layer padding, not upper-layer data.
    size_t end = std::min(size, totalLength);

    IpsecFlow result;
    result.m_source = IpsecIpAddress::FromIpv4Bytes(data + 12);
    result.m_destination = IpsecIpAddress::FromIpv4Bytes(data + 16);
    result.m_protocol = data[9];
    uint16_t fragmentOffset = ReadU16(data + 6) & 0x1fff;
    result.m_isFragment = fragmentOffset != 0;
    if (!ReadPorts(data, headerLength, end, &result, error))
    {
        return false;
    }
    *flow = result;
    return true;
}

bool
IpsecFlow::FromIpv6Packet(const uint8_t* data, size_t size, IpsecFlow* flow, std::string* error)
{
    if (data == nullptr || size < IPV6_HEADER)
    {
        return Fail(error,
                    "truncated IPv6 header (" + std::to_string(data ? size : 0) + " of " +
                        std::to_string(IPV6_HEADER) + " bytes)");
    }
    uint8_t version = data[0] >> 4;
    if (version != 6)
    {
        return Fail(error, "not an IPv6 header (version " + std::to_string(version) + ")");
    }
    size_t payloadLength = ReadU16(data + 4);
    // Payload Length 0 announces a jumbogram (RFC 2675); size is then the only bound.
    size_t end = payloadLength == 0 ? size : std::min(size, IPV6_HEADER + payloadLength);

    IpsecFlow result;
    result.m_source = IpsecIpAddress::FromIpv6Bytes(data + 8);
    result.m_destination = IpsecIpAddress::FromIpv6Bytes(data + 24);
    uint8_t next = data[6];
    size_t offset = IPV6_HEADER;
    bool upperLayerFound = false;
    for (unsigned count = 0; count < MAX_IPV6_EXTENSION_HEADERS && !upperLayerFound; ++count)
    {
        switch (next)
        {
        case IPV6_HOP_BY_HOP:
        case IPV6_ROUTING:
        case IPV6_DESTINATION: {
            // RFC 8200 section 4.1: Hop-by-Hop Options may only follow the IPv6 header.
            if (next == IPV6_HOP_BY_HOP && count != 0)
            {
                return Fail(error, "IPv6 Hop-by-Hop Options header not first");
            }
            if (end - offset < 2)
            {
                return Fail(error,
                            "truncated IPv6 extension header " + std::to_string(next) + " at " +
                                std::to_string(offset));
            }
            // Hdr Ext Len counts 8-octet units beyond the first 8 (RFC 8200 section 4.3).
            size_t length = 8 * (static_cast<size_t>(data[offset + 1]) + 1);
            if (end - offset < length)
            {
                return Fail(error,
                            "truncated IPv6 extension header " + std::to_string(next) + " at " +
                                std::to_string(offset) + " (" + std::to_string(end - offset) +
                                " of " + std::to_string(length) + " bytes)");
            }
            next = data[offset];
            offset += length;
            break;
        }
        case IPV6_FRAGMENT: {
            if (end - offset < IPV6_FRAGMENT_HEADER)
            {
                return Fail(error, "truncated IPv6 Fragment header at " + std::to_string(offset));
            }
            uint16_t fragmentOffset = ReadU16(data + offset + 2) >> 3;
            next = data[offset];
            offset += IPV6_FRAGMENT_HEADER;
            if (fragmentOffset != 0)
            {
                // What follows is the middle of the original payload, not headers: the Next
                // Header of the Fragment header is the best protocol there is, and the ports
                // are OPAQUE (RFC 4301 section 7).
                result.m_isFragment = true;
                upperLayerFound = true;
            }
            break;
        }
        default:
            upperLayerFound = true;
            break;
        }
    }
    if (!upperLayerFound)
    {
        return Fail(error,
                    "more than " + std::to_string(MAX_IPV6_EXTENSION_HEADERS) +
                        " IPv6 extension headers");
    }
    result.m_protocol = next;
    if (!ReadPorts(data, offset, end, &result, error))
    {
        return false;
    }
    *flow = result;
    return true;
}

bool
IpsecFlow::FromIpPacket(const uint8_t* data, size_t size, IpsecFlow* flow, std::string* error)
{
    if (data == nullptr || size == 0)
    {
        return Fail(error, "empty IP packet");
    }
    switch (data[0] >> 4)
    {
    case 4:
        return FromIpv4Packet(data, size, flow, error);
    case 6:
        return FromIpv6Packet(data, size, flow, error);
    default:
        return Fail(error, "unknown IP version " + std::to_string(data[0] >> 4));
    }
}

namespace
{

/// Copies at most IpsecFlow::MAX_HEADER_BYTES of packet into buffer; returns the count.
size_t
CopyHeaderBytes(Ptr<const Packet> packet, std::array<uint8_t, IpsecFlow::MAX_HEADER_BYTES>* buffer)
{
    if (!packet)
    {
        return 0;
    }
    uint32_t size = static_cast<uint32_t>(std::min<size_t>(packet->GetSize(), buffer->size()));
    return packet->CopyData(buffer->data(), size);
}

} // namespace

bool
IpsecFlow::FromIpv4Packet(Ptr<const Packet> packet, IpsecFlow* flow, std::string* error)
{
    std::array<uint8_t, MAX_HEADER_BYTES> buffer{};
    size_t size = CopyHeaderBytes(packet, &buffer);
    return FromIpv4Packet(buffer.data(), size, flow, error);
}

bool
IpsecFlow::FromIpv6Packet(Ptr<const Packet> packet, IpsecFlow* flow, std::string* error)
{
    std::array<uint8_t, MAX_HEADER_BYTES> buffer{};
    size_t size = CopyHeaderBytes(packet, &buffer);
    return FromIpv6Packet(buffer.data(), size, flow, error);
}

std::string
IpsecFlow::ToString() const
{
    std::ostringstream os;
    bool ports = HasPorts() && !IpsecTrafficSelector::IsIcmpProtocol(m_protocol);
    auto writeEndpoint = [&os, ports](const IpsecIpAddress& address, uint16_t port) {
        if (ports && address.IsIpv6())
        {
            os << "[" << address << "]:" << port;
        }
        else if (ports)
        {
            os << address << ":" << port;
        }
        else
        {
            os << address;
        }
    };
    writeEndpoint(m_source, m_sourcePort);
    os << " -> ";
    writeEndpoint(m_destination, m_destinationPort);
    os << " proto " << static_cast<unsigned>(m_protocol);
    if (HasPorts() && IpsecTrafficSelector::IsIcmpProtocol(m_protocol))
    {
        os << " icmp-type " << (m_sourcePort >> 8) << " code " << (m_sourcePort & 0xff);
    }
    if (m_isFragment)
    {
        os << " fragment";
    }
    return os.str();
}

std::ostream&
operator<<(std::ostream& os, const IpsecFlow& flow)
{
    return os << flow.ToString();
}

} // namespace ns3
