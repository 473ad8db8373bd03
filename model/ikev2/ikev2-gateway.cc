/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-gateway.h"

#include "ikev2-sa-init-task.h"
#include "ikev2-socket-address.h"

#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2Gateway");

NS_OBJECT_ENSURE_REGISTERED(Ikev2Gateway);

namespace
{

} // namespace

TypeId
Ikev2Gateway::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Ikev2Gateway")
                            .SetParent<Object>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<Ikev2Gateway>()
                            .AddTraceSource("ChildSaInstalled",
                                            "An IKE exchange installed a Child SA pair.",
                                            MakeTraceSourceAccessor(&Ikev2Gateway::m_childSaTrace),
                                            "ns3::Ikev2Gateway::ChildSaTracedCallback");
    return tid;
}

Ikev2Gateway::Ikev2Gateway() = default;

Ikev2Gateway::~Ikev2Gateway() = default;

void
Ikev2Gateway::SetDaemon(Ptr<Ikev2Daemon> daemon)
{
    m_daemon = daemon;
    m_daemon->SetResponderFactory(MakeCallback(&Ikev2Gateway::Answer, this));
    m_daemon->SetStartCallback(MakeCallback(&Ikev2Gateway::Start, this));
    m_daemon->TraceConnectWithoutContext("SaStateChanged",
                                         MakeCallback(&Ikev2Gateway::SaStateChanged, this));
}

Ptr<Ikev2Daemon>
Ikev2Gateway::GetDaemon() const
{
    return m_daemon;
}

void
Ikev2Gateway::AddVpn(Ptr<Ikev2VpnPeer> vpn, Ikev2EstablishTunnels establish)
{
    NS_ABORT_MSG_IF(m_vpns.count(vpn->name), "VPN '" << vpn->name << "' is added twice");
    m_vpns[vpn->name] = VpnState{vpn, establish, nullptr, Seconds(-1)};
    vpn->ipsec->SetAcquireCallback(MakeCallback(&Ikev2Gateway::Acquire, this));
}

void
Ikev2Gateway::Start()
{
    for (auto& [name, state] : m_vpns)
    {
        if (state.establish == Ikev2EstablishTunnels::IMMEDIATELY)
        {
            Initiate(state);
        }
    }
}

Time
Ikev2Gateway::GetTunnelUpTime(const std::string& name) const
{
    auto found = m_vpns.find(name);
    return found == m_vpns.end() ? Seconds(-1) : found->second.upTime;
}

Ikev2Gateway::VpnState*
Ikev2Gateway::FindByPeer(const IpsecIpAddress& peer)
{
    for (auto& [name, state] : m_vpns)
    {
        if (state.vpn->remoteAddress == peer)
        {
            return &state;
        }
    }
    return nullptr;
}

Ptr<Ikev2AuthTask>
Ikev2Gateway::MakeAuthTask(VpnState& state)
{
    Ptr<Ikev2AuthTask> task = Create<Ikev2AuthTask>(state.vpn, m_daemon->GetRandom());
    task->SetInstalledCallback(MakeCallback(&Ikev2Gateway::Installed, this).Bind(state.vpn->name));
    return task;
}

Ptr<Ikev2Task>
Ikev2Gateway::Answer(Ptr<Ikev2Sa> sa, Ikev2ExchangeType exchange, const Ikev2PayloadList&)
{
    VpnState* state = FindByPeer(Ikev2SocketAddress::AddressOf(sa->GetPeer()));
    if (!state)
    {
        NS_LOG_INFO("no VPN with peer " << Ikev2SocketAddress::AddressOf(sa->GetPeer()));
        return nullptr;
    }
    switch (exchange)
    {
    case Ikev2ExchangeType::IKE_SA_INIT:
        state->ikeSa = sa;
        return Create<Ikev2SaInitTask>(state->vpn->ikeProposals,
                                       m_daemon->GetRandom(),
                                       state->vpn->natTraversal);
    case Ikev2ExchangeType::IKE_AUTH:
        return MakeAuthTask(*state);
    default:
        return nullptr; // CREATE_CHILD_SA and INFORMATIONAL come with the lifecycle tasks
    }
}

void
Ikev2Gateway::Acquire(Ptr<IpsecPolicy> policy, Ptr<NetDevice> tunnel, const IpsecFlow& flow)
{
    for (auto& [name, state] : m_vpns)
    {
        const bool mine =
            policy ? state.vpn->outboundPolicy == policy : state.vpn->tunnel == tunnel;
        if (!mine)
        {
            continue;
        }
        if (state.establish == Ikev2EstablishTunnels::RESPONDER_ONLY)
        {
            // Junos responder-only: traffic never starts a negotiation.
            state.vpn->ipsec->CancelAcquire(policy, tunnel);
            return;
        }
        NS_LOG_INFO("VPN " << name << ": traffic " << flow << " needs SAs");
        Initiate(state);
        return;
    }
    // A PROTECT entry of no VPN of this gateway: nobody will bring SAs for it.
    if (!m_vpns.empty())
    {
        m_vpns.begin()->second.vpn->ipsec->CancelAcquire(policy, tunnel);
    }
}

void
Ikev2Gateway::Initiate(VpnState& state)
{
    if (state.ikeSa && state.ikeSa->GetState() != Ikev2SaState::DEAD)
    {
        return; // under way or established
    }
    state.ikeSa = m_daemon->Initiate(
        Ikev2SocketAddress::Make(state.vpn->remoteAddress, Ikev2Daemon::IKE_PORT),
        Create<Ikev2SaInitTask>(state.vpn->ikeProposals,
                                m_daemon->GetRandom(),
                                state.vpn->natTraversal),
        Ikev2SocketAddress::Make(state.vpn->localAddress, Ikev2Daemon::IKE_PORT));
    m_daemon->QueueTask(state.ikeSa, MakeAuthTask(state));
}

void
Ikev2Gateway::SaStateChanged(uint64_t sa, Ikev2SaState from, Ikev2SaState to)
{
    if (to != Ikev2SaState::DEAD)
    {
        return;
    }
    for (auto& [name, state] : m_vpns)
    {
        if (state.ikeSa && state.ikeSa->GetId() == sa)
        {
            state.ikeSa = nullptr;
            // Traffic that waited for this negotiation cannot be sent.
            state.vpn->ipsec->CancelAcquire(state.vpn->tunnel ? nullptr : state.vpn->outboundPolicy,
                                            state.vpn->tunnel);
        }
    }
}

void
Ikev2Gateway::Installed(std::string vpn, const Ikev2ChildSaInstaller::Installed& sas)
{
    VpnState& state = m_vpns.at(vpn);
    if (state.upTime.IsNegative())
    {
        state.upTime = Simulator::Now();
    }
    m_childSaTrace(vpn, sas.inbound, sas.outbound);
}

std::vector<Ikev2SaKeys>
Ikev2Gateway::GetIkeSaKeys() const
{
    std::vector<Ikev2SaKeys> records;
    for (const auto& [spi, sa] : m_daemon->GetSas())
    {
        if (!sa->GetAlgorithms().encryption)
        {
            continue; // IKE_SA_INIT not completed
        }
        Ikev2SaKeys keys;
        keys.initiatorSpi = sa->GetInitiatorSpi();
        keys.responderSpi = sa->GetResponderSpi();
        keys.encryption = sa->GetAlgorithms().encryption;
        keys.integrity = sa->GetAlgorithms().integrity;
        keys.skEi = sa->GetKeys().skEi;
        keys.skEr = sa->GetKeys().skEr;
        keys.skAi = sa->GetKeys().skAi;
        keys.skAr = sa->GetKeys().skAr;
        records.push_back(keys);
    }
    return records;
}

void
Ikev2Gateway::DoDispose()
{
    m_vpns.clear();
    m_daemon = nullptr;
    Object::DoDispose();
}

} // namespace ns3
