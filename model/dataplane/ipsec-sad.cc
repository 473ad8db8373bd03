/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-sad.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecSad");

NS_OBJECT_ENSURE_REGISTERED(IpsecSad);

TypeId
IpsecSad::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::IpsecSad")
            .SetParent<Object>()
            .SetGroupName("Ipsec")
            .AddConstructor<IpsecSad>()
            .AddTraceSource("SaInstalled",
                            "An SA was installed.",
                            MakeTraceSourceAccessor(&IpsecSad::m_installedTrace),
                            "ns3::IpsecSad::SaTracedCallback")
            .AddTraceSource("SaSoftExpired",
                            "An SA reached a soft lifetime (time, bytes or packets): rekey due.",
                            MakeTraceSourceAccessor(&IpsecSad::m_softExpiredTrace),
                            "ns3::IpsecSad::SaTracedCallback")
            .AddTraceSource("SaHardExpired",
                            "An SA reached a hard lifetime and was removed.",
                            MakeTraceSourceAccessor(&IpsecSad::m_hardExpiredTrace),
                            "ns3::IpsecSad::SaTracedCallback")
            .AddTraceSource("SaRemoved",
                            "An SA left the SAD (hard expiry or deletion).",
                            MakeTraceSourceAccessor(&IpsecSad::m_removedTrace),
                            "ns3::IpsecSad::SaTracedCallback");
    return tid;
}

IpsecSad::IpsecSad()
{
    NS_LOG_FUNCTION(this);
}

IpsecSad::~IpsecSad() = default;

IpsecSad::Key
IpsecSad::KeyOf(const IpsecSa& sa)
{
    const IpsecSa::Config& config = sa.GetConfig();
    return Key(config.direction, config.destination, config.protocol, config.spi);
}

void
IpsecSad::Install(Ptr<IpsecSa> sa)
{
    NS_LOG_FUNCTION(this << sa->GetSpi());
    Key key = KeyOf(*sa);
    if (m_entries.count(key))
    {
        throw std::invalid_argument("SA '" + sa->GetConfig().name + "': an SA with SPI " +
                                    std::to_string(sa->GetSpi()) + " to " +
                                    sa->GetConfig().destination.ToString() +
                                    " is already installed in this direction");
    }
    Entry entry;
    entry.sa = sa;
    sa->SetInstallTime(Simulator::Now());
    sa->SetState(IpsecSaState::ACTIVE);
    const IpsecLifetime& lifetime = sa->GetConfig().lifetime;
    if (lifetime.softTime.IsStrictlyPositive())
    {
        entry.softEvent = Simulator::Schedule(lifetime.softTime, &IpsecSad::SoftExpire, this, key);
    }
    if (lifetime.hardTime.IsStrictlyPositive())
    {
        entry.hardEvent = Simulator::Schedule(lifetime.hardTime, &IpsecSad::HardExpire, this, key);
    }
    m_entries[key] = entry;
    m_installedTrace(sa);
}

bool
IpsecSad::Remove(Ptr<IpsecSa> sa)
{
    auto found = m_entries.find(KeyOf(*sa));
    if (found == m_entries.end() || found->second.sa != sa)
    {
        return false;
    }
    found->second.softEvent.Cancel();
    found->second.hardEvent.Cancel();
    m_entries.erase(found);
    sa->SetState(IpsecSaState::EXPIRED);
    m_removedTrace(sa);
    return true;
}

Ptr<IpsecSa>
IpsecSad::FindInbound(const IpsecIpAddress& destination, IpsecProtocol protocol, uint32_t spi) const
{
    auto found = m_entries.find(Key(IpsecDirection::INBOUND, destination, protocol, spi));
    return found == m_entries.end() ? nullptr : found->second.sa;
}

std::vector<Ptr<IpsecSa>>
IpsecSad::GetAll() const
{
    std::vector<Ptr<IpsecSa>> all;
    all.reserve(m_entries.size());
    for (const auto& [key, entry] : m_entries)
    {
        all.push_back(entry.sa);
    }
    return all;
}

IpsecSaState
IpsecSad::NotifyUse(Ptr<IpsecSa> sa, uint64_t bytes)
{
    const IpsecSaState before = sa->GetState();
    const IpsecSaState after = sa->AccountUse(bytes);
    if (after == before)
    {
        return after;
    }
    if (after == IpsecSaState::EXPIRED)
    {
        NS_LOG_INFO("SA " << sa->GetSpi() << " reached its hard byte/packet lifetime");
        m_hardExpiredTrace(sa);
        Remove(sa);
    }
    else if (after == IpsecSaState::SOFT_EXPIRED)
    {
        NS_LOG_INFO("SA " << sa->GetSpi() << " reached its soft byte/packet lifetime");
        m_softExpiredTrace(sa);
    }
    return after;
}

void
IpsecSad::SoftExpire(Key key)
{
    auto found = m_entries.find(key);
    if (found == m_entries.end() || found->second.sa->GetState() != IpsecSaState::ACTIVE)
    {
        return;
    }
    Ptr<IpsecSa> sa = found->second.sa;
    NS_LOG_INFO("SA " << sa->GetSpi() << " reached its soft time lifetime");
    sa->SetState(IpsecSaState::SOFT_EXPIRED);
    m_softExpiredTrace(sa);
}

void
IpsecSad::HardExpire(Key key)
{
    auto found = m_entries.find(key);
    if (found == m_entries.end())
    {
        return;
    }
    Ptr<IpsecSa> sa = found->second.sa;
    NS_LOG_INFO("SA " << sa->GetSpi() << " reached its hard time lifetime");
    sa->SetState(IpsecSaState::EXPIRED);
    m_hardExpiredTrace(sa);
    Remove(sa);
}

void
IpsecSad::DoDispose()
{
    for (auto& [key, entry] : m_entries)
    {
        entry.softEvent.Cancel();
        entry.hardEvent.Cancel();
    }
    m_entries.clear();
    Object::DoDispose();
}

} // namespace ns3
