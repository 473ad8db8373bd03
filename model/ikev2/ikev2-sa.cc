/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-sa.h"

namespace ns3
{

const char*
Ikev2SaStateName(Ikev2SaState state)
{
    switch (state)
    {
    case Ikev2SaState::CONNECTING:
        return "connecting";
    case Ikev2SaState::ESTABLISHED:
        return "established";
    case Ikev2SaState::DELETING:
        return "deleting";
    case Ikev2SaState::DEAD:
        return "dead";
    }
    return "?";
}

std::ostream&
operator<<(std::ostream& os, Ikev2SaState state)
{
    return os << Ikev2SaStateName(state);
}

Ikev2Sa::Ikev2Sa(uint64_t id, bool originalInitiator, uint64_t localSpi, const Address& peer)
    : m_id(id),
      m_originalInitiator(originalInitiator),
      m_localSpi(localSpi),
      m_peer(peer)
{
}

uint64_t
Ikev2Sa::GetId() const
{
    return m_id;
}

bool
Ikev2Sa::IsOriginalInitiator() const
{
    return m_originalInitiator;
}

uint64_t
Ikev2Sa::GetLocalSpi() const
{
    return m_localSpi;
}

uint64_t
Ikev2Sa::GetPeerSpi() const
{
    return m_peerSpi;
}

void
Ikev2Sa::SetPeerSpi(uint64_t spi)
{
    m_peerSpi = spi;
}

uint64_t
Ikev2Sa::GetInitiatorSpi() const
{
    return m_originalInitiator ? m_localSpi : m_peerSpi;
}

uint64_t
Ikev2Sa::GetResponderSpi() const
{
    return m_originalInitiator ? m_peerSpi : m_localSpi;
}

const Address&
Ikev2Sa::GetPeer() const
{
    return m_peer;
}

void
Ikev2Sa::SetPeer(const Address& peer)
{
    m_peer = peer;
}

const Address&
Ikev2Sa::GetLocal() const
{
    return m_local;
}

void
Ikev2Sa::SetLocal(const Address& local)
{
    m_local = local;
}

void
Ikev2Sa::SetNat(bool localBehindNat, bool peerBehindNat)
{
    m_localBehindNat = localBehindNat;
    m_peerBehindNat = peerBehindNat;
}

bool
Ikev2Sa::IsNatDetected() const
{
    return m_localBehindNat || m_peerBehindNat;
}

bool
Ikev2Sa::IsLocalBehindNat() const
{
    return m_localBehindNat;
}

Ikev2SaState
Ikev2Sa::GetState() const
{
    return m_state;
}

void
Ikev2Sa::SetState(Ikev2SaState state)
{
    m_state = state;
}

void
Ikev2Sa::SetProtection(Ptr<Ikev2MessageProtection> outbound, Ptr<Ikev2MessageProtection> inbound)
{
    m_outbound = outbound;
    m_inbound = inbound;
}

Ptr<Ikev2MessageProtection>
Ikev2Sa::GetOutboundProtection() const
{
    return m_outbound;
}

Ptr<Ikev2MessageProtection>
Ikev2Sa::GetInboundProtection() const
{
    return m_inbound;
}

void
Ikev2Sa::QueueTask(Ptr<Ikev2Task> task)
{
    m_tasks.push_back(task);
}

bool
Ikev2Sa::HasTasks() const
{
    return !m_tasks.empty();
}

Ikev2Sa::Exchange&
Ikev2Sa::GetExchange()
{
    return m_exchange;
}

void
Ikev2Sa::SetKeys(const Ikev2IkeSaAlgorithms& algorithms, const Ikev2IkeSaKeys& keys)
{
    m_algorithms = algorithms;
    m_keys = keys;
}

const Ikev2IkeSaAlgorithms&
Ikev2Sa::GetAlgorithms() const
{
    return m_algorithms;
}

const Ikev2IkeSaKeys&
Ikev2Sa::GetKeys() const
{
    return m_keys;
}

} // namespace ns3
