/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-esp-l4-protocol.h"

#include "ipsec-l3-protocol.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecEspL4Protocol");

NS_OBJECT_ENSURE_REGISTERED(IpsecEspL4Protocol);

TypeId
IpsecEspL4Protocol::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecEspL4Protocol")
                            .SetParent<IpL4Protocol>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<IpsecEspL4Protocol>();
    return tid;
}

IpsecEspL4Protocol::IpsecEspL4Protocol() = default;

IpsecEspL4Protocol::~IpsecEspL4Protocol() = default;

void
IpsecEspL4Protocol::SetIpsec(Ptr<IpsecL3Protocol> ipsec)
{
    m_ipsec = ipsec;
}

int
IpsecEspL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

IpL4Protocol::RxStatus
IpsecEspL4Protocol::Receive(Ptr<Packet> packet,
                            const Ipv4Header& header,
                            Ptr<Ipv4Interface> /* incomingInterface */)
{
    NS_LOG_FUNCTION(this << packet << header);
    if (m_ipsec)
    {
        m_ipsec->ReceiveEsp(packet, header);
    }
    return IpL4Protocol::RX_OK;
}

IpL4Protocol::RxStatus
IpsecEspL4Protocol::Receive(Ptr<Packet> packet,
                            const Ipv6Header& header,
                            Ptr<Ipv6Interface> /* incomingInterface */)
{
    // The IPv6 data plane is not implemented yet: such packets cannot be for an SA here.
    NS_LOG_FUNCTION(this << packet << header);
    if (m_ipsec)
    {
        m_ipsec->Drop(packet, IpsecDropReason::NO_SA, nullptr);
    }
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

void
IpsecEspL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_downTarget = cb;
}

void
IpsecEspL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
IpsecEspL4Protocol::GetDownTarget() const
{
    return m_downTarget;
}

IpL4Protocol::DownTargetCallback6
IpsecEspL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

void
IpsecEspL4Protocol::DoDispose()
{
    m_ipsec = nullptr;
    m_downTarget.Nullify();
    m_downTarget6.Nullify();
    IpL4Protocol::DoDispose();
}

} // namespace ns3
