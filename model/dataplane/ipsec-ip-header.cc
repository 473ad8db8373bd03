/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-ip-header.h"

#include "ns3/assert.h"

namespace ns3
{

IpsecIpHeader::IpsecIpHeader(const Ipv4Header& header)
    : m_header(header)
{
}

IpsecIpHeader::IpsecIpHeader(const Ipv6Header& header)
    : m_header(header)
{
}

bool
IpsecIpHeader::Peek(Ptr<const Packet> packet, uint16_t etherType, IpsecIpHeader* header)
{
    if (etherType == ETHERTYPE_IPV4)
    {
        Ipv4Header ipv4;
        if (packet->GetSize() < 20 || packet->PeekHeader(ipv4) == 0)
        {
            return false;
        }
        *header = IpsecIpHeader(ipv4);
        return true;
    }
    if (etherType == ETHERTYPE_IPV6)
    {
        Ipv6Header ipv6;
        if (packet->GetSize() < 40 || packet->PeekHeader(ipv6) == 0)
        {
            return false;
        }
        *header = IpsecIpHeader(ipv6);
        return true;
    }
    return false;
}

bool
IpsecIpHeader::IsIpv6() const
{
    return std::holds_alternative<Ipv6Header>(m_header);
}

const Ipv4Header&
IpsecIpHeader::GetIpv4() const
{
    NS_ASSERT(!IsIpv6());
    return std::get<Ipv4Header>(m_header);
}

const Ipv6Header&
IpsecIpHeader::GetIpv6() const
{
    NS_ASSERT(IsIpv6());
    return std::get<Ipv6Header>(m_header);
}

uint16_t
IpsecIpHeader::GetEtherType() const
{
    return IsIpv6() ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4;
}

uint32_t
IpsecIpHeader::GetSerializedSize() const
{
    return IsIpv6() ? GetIpv6().GetSerializedSize() : GetIpv4().GetSerializedSize();
}

IpsecIpAddress
IpsecIpHeader::GetSource() const
{
    return IsIpv6() ? IpsecIpAddress(GetIpv6().GetSource()) : IpsecIpAddress(GetIpv4().GetSource());
}

IpsecIpAddress
IpsecIpHeader::GetDestination() const
{
    return IsIpv6() ? IpsecIpAddress(GetIpv6().GetDestination())
                    : IpsecIpAddress(GetIpv4().GetDestination());
}

uint8_t
IpsecIpHeader::GetProtocol() const
{
    return IsIpv6() ? GetIpv6().GetNextHeader() : GetIpv4().GetProtocol();
}

uint8_t
IpsecIpHeader::GetDsField() const
{
    return IsIpv6() ? GetIpv6().GetTrafficClass() : GetIpv4().GetTos();
}

uint8_t
IpsecIpHeader::GetHopLimit() const
{
    return IsIpv6() ? GetIpv6().GetHopLimit() : GetIpv4().GetTtl();
}

bool
IpsecIpHeader::IsDontFragment() const
{
    return !IsIpv6() && GetIpv4().IsDontFragment();
}

IpsecIpHeader
IpsecIpHeader::WithPayload(uint8_t protocol, uint32_t payloadSize, bool checksum) const
{
    if (IsIpv6())
    {
        Ipv6Header header = GetIpv6();
        header.SetNextHeader(protocol);
        header.SetPayloadLength(static_cast<uint16_t>(payloadSize));
        return IpsecIpHeader(header);
    }
    Ipv4Header header = GetIpv4();
    header.SetProtocol(protocol);
    header.SetPayloadSize(static_cast<uint16_t>(payloadSize));
    if (checksum)
    {
        header.EnableChecksum();
    }
    return IpsecIpHeader(header);
}

void
IpsecIpHeader::PrependTo(Ptr<Packet> packet) const
{
    if (IsIpv6())
    {
        packet->AddHeader(GetIpv6());
    }
    else
    {
        packet->AddHeader(GetIpv4());
    }
}

} // namespace ns3
