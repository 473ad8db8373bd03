/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-ipv6-local-gate.h"

#include "ipsec-flow.h"
#include "ipsec-ipv6-routing.h"
#include "ipsec-l3-protocol.h"
#include "ipsec-l4-protocol.h"

#include "ns3/ipv4-interface.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecIpv6LocalGate");

NS_OBJECT_ENSURE_REGISTERED(IpsecIpv6LocalGate);

TypeId
IpsecIpv6LocalGate::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecIpv6LocalGate")
                            .SetParent<IpL4Protocol>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<IpsecIpv6LocalGate>();
    return tid;
}

IpsecIpv6LocalGate::IpsecIpv6LocalGate() = default;

IpsecIpv6LocalGate::~IpsecIpv6LocalGate() = default;

void
IpsecIpv6LocalGate::Attach(Ptr<IpsecL3Protocol> ipsec, Ptr<IpL4Protocol> wrapped)
{
    m_ipsec = ipsec;
    m_wrapped = wrapped;
}

Ptr<IpL4Protocol>
IpsecIpv6LocalGate::GetWrapped() const
{
    return m_wrapped;
}

int
IpsecIpv6LocalGate::GetProtocolNumber() const
{
    return m_wrapped->GetProtocolNumber();
}

IpL4Protocol::RxStatus
IpsecIpv6LocalGate::Receive(Ptr<Packet> p,
                            const Ipv4Header& header,
                            Ptr<Ipv4Interface> incomingInterface)
{
    return m_wrapped->Receive(p, header, incomingInterface);
}

IpL4Protocol::RxStatus
IpsecIpv6LocalGate::Receive(Ptr<Packet> p,
                            const Ipv6Header& header,
                            Ptr<Ipv6Interface> incomingInterface)
{
    if (GetProtocolNumber() == IpsecL4Protocol::UDP_PROTOCOL &&
        m_ipsec->TakeUdpEncapsulatedEsp(
            p,
            IpsecIpHeader(header).WithPayload(IpsecL4Protocol::UDP_PROTOCOL, p->GetSize(), false)))
    {
        return IpL4Protocol::RX_OK; // ESP in UDP (NAT traversal)
    }
    if (!m_ipsec->IsTunnelInterface(incomingInterface->GetDevice()))
    {
        // Extension headers are gone by now: the packet starts with this protocol's header.
        Ipv6Header transport = header;
        transport.SetNextHeader(static_cast<uint8_t>(GetProtocolNumber()));
        IpsecFlow flow;
        if (IpsecIpv6Routing::ClassifyPacket(p, transport, &flow) && !flow.IsIke() &&
            !m_ipsec->AdmitReceivedPlaintext(p, flow))
        {
            return IpL4Protocol::RX_OK; // dropped and counted: no ICMP error for the sender
        }
    }
    return m_wrapped->Receive(p, header, incomingInterface);
}

void
IpsecIpv6LocalGate::ReceiveIcmp(Ipv6Address icmpSource,
                                uint8_t icmpTtl,
                                uint8_t icmpType,
                                uint8_t icmpCode,
                                uint32_t icmpInfo,
                                Ipv6Address payloadSource,
                                Ipv6Address payloadDestination,
                                const uint8_t payload[8])
{
    m_wrapped->ReceiveIcmp(icmpSource,
                           icmpTtl,
                           icmpType,
                           icmpCode,
                           icmpInfo,
                           payloadSource,
                           payloadDestination,
                           payload);
}

void
IpsecIpv6LocalGate::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_wrapped->SetDownTarget(cb);
}

void
IpsecIpv6LocalGate::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_wrapped->SetDownTarget6(cb);
}

IpL4Protocol::DownTargetCallback
IpsecIpv6LocalGate::GetDownTarget() const
{
    return m_wrapped->GetDownTarget();
}

IpL4Protocol::DownTargetCallback6
IpsecIpv6LocalGate::GetDownTarget6() const
{
    return m_wrapped->GetDownTarget6();
}

void
IpsecIpv6LocalGate::DoDispose()
{
    m_ipsec = nullptr;
    m_wrapped = nullptr;
    IpL4Protocol::DoDispose();
}

} // namespace ns3
