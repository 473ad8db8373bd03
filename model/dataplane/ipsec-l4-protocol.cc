/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-l4-protocol.h"

#include "ipsec-l3-protocol.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecL4Protocol");

NS_OBJECT_ENSURE_REGISTERED(IpsecL4Protocol);

TypeId
IpsecL4Protocol::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecL4Protocol")
                            .SetParent<IpL4Protocol>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<IpsecL4Protocol>();
    return tid;
}

IpsecL4Protocol::IpsecL4Protocol() = default;

IpsecL4Protocol::~IpsecL4Protocol() = default;

void
IpsecL4Protocol::Attach(Ptr<IpsecL3Protocol> ipsec, uint8_t protocol)
{
    m_ipsec = ipsec;
    m_protocol = protocol;
}

int
IpsecL4Protocol::GetProtocolNumber() const
{
    return m_protocol;
}

IpL4Protocol::RxStatus
IpsecL4Protocol::Receive(Ptr<Packet> packet,
                         const Ipv4Header& header,
                         Ptr<Ipv4Interface> /* incomingInterface */)
{
    NS_LOG_FUNCTION(this << packet << header);
    Dispatch(packet, IpsecIpHeader(header));
    return IpL4Protocol::RX_OK;
}

IpL4Protocol::RxStatus
IpsecL4Protocol::Receive(Ptr<Packet> packet,
                         const Ipv6Header& header,
                         Ptr<Ipv6Interface> /* incomingInterface */)
{
    NS_LOG_FUNCTION(this << packet << header);
    // Extension headers before ESP/AH are gone by now (ns-3 processed them, reassembling
    // fragments): the packet is read as if ESP/AH followed the base header directly.
    // The IPv6 header is only read (the checksum flag concerns IPv4 headers).
    Dispatch(packet, IpsecIpHeader(header).WithPayload(m_protocol, packet->GetSize(), false));
    return IpL4Protocol::RX_OK;
}

void
IpsecL4Protocol::Dispatch(Ptr<Packet> packet, const IpsecIpHeader& header)
{
    if (m_protocol == AH_PROTOCOL)
    {
        m_ipsec->ReceiveAh(packet, header);
    }
    else
    {
        m_ipsec->ReceiveEsp(packet, header);
    }
}

void
IpsecL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_downTarget = cb;
}

void
IpsecL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
IpsecL4Protocol::GetDownTarget() const
{
    return m_downTarget;
}

IpL4Protocol::DownTargetCallback6
IpsecL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

void
IpsecL4Protocol::DoDispose()
{
    m_ipsec = nullptr;
    m_downTarget.Nullify();
    m_downTarget6.Nullify();
    IpL4Protocol::DoDispose();
}

} // namespace ns3
