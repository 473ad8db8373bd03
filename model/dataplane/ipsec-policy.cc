/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-policy.h"

#include <sstream>

namespace ns3
{

const char*
IpsecDirectionName(IpsecDirection direction)
{
    switch (direction)
    {
    case IpsecDirection::INBOUND:
        return "inbound";
    case IpsecDirection::OUTBOUND:
        return "outbound";
    }
    return "unknown";
}

const char*
IpsecPolicyActionName(IpsecPolicyAction action)
{
    switch (action)
    {
    case IpsecPolicyAction::PROTECT:
        return "protect";
    case IpsecPolicyAction::BYPASS:
        return "bypass";
    case IpsecPolicyAction::DISCARD:
        return "discard";
    }
    return "unknown";
}

const char*
IpsecProtocolName(IpsecProtocol protocol)
{
    switch (protocol)
    {
    case IpsecProtocol::ESP:
        return "esp";
    case IpsecProtocol::AH:
        return "ah";
    case IpsecProtocol::BUNDLE:
        return "bundle";
    }
    return "unknown";
}

const char*
IpsecModeName(IpsecMode mode)
{
    switch (mode)
    {
    case IpsecMode::TUNNEL:
        return "tunnel";
    case IpsecMode::TRANSPORT:
        return "transport";
    }
    return "unknown";
}

std::ostream&
operator<<(std::ostream& os, IpsecDirection direction)
{
    return os << IpsecDirectionName(direction);
}

std::ostream&
operator<<(std::ostream& os, IpsecPolicyAction action)
{
    return os << IpsecPolicyActionName(action);
}

std::ostream&
operator<<(std::ostream& os, IpsecProtocol protocol)
{
    return os << IpsecProtocolName(protocol);
}

std::ostream&
operator<<(std::ostream& os, IpsecMode mode)
{
    return os << IpsecModeName(mode);
}

IpsecPolicy::IpsecPolicy() = default;

IpsecPolicy::IpsecPolicy(const std::string& name,
                         IpsecDirection direction,
                         const IpsecTrafficSelector& local,
                         const IpsecTrafficSelector& remote,
                         IpsecPolicyAction action)
    : m_name(name),
      m_direction(direction),
      m_local(local),
      m_remote(remote),
      m_action(action)
{
}

uint32_t
IpsecPolicy::GetId() const
{
    return m_id;
}

void
IpsecPolicy::SetId(uint32_t id)
{
    m_id = id;
}

const std::string&
IpsecPolicy::GetName() const
{
    return m_name;
}

void
IpsecPolicy::SetName(const std::string& name)
{
    m_name = name;
}

IpsecDirection
IpsecPolicy::GetDirection() const
{
    return m_direction;
}

void
IpsecPolicy::SetDirection(IpsecDirection direction)
{
    m_direction = direction;
}

const IpsecTrafficSelector&
IpsecPolicy::GetLocalSelector() const
{
    return m_local;
}

void
IpsecPolicy::SetLocalSelector(const IpsecTrafficSelector& selector)
{
    m_local = selector;
}

const IpsecTrafficSelector&
IpsecPolicy::GetRemoteSelector() const
{
    return m_remote;
}

void
IpsecPolicy::SetRemoteSelector(const IpsecTrafficSelector& selector)
{
    m_remote = selector;
}

IpsecPolicyAction
IpsecPolicy::GetAction() const
{
    return m_action;
}

void
IpsecPolicy::SetAction(IpsecPolicyAction action)
{
    m_action = action;
}

IpsecProtocol
IpsecPolicy::GetProtocol() const
{
    return m_protocol;
}

void
IpsecPolicy::SetProtocol(IpsecProtocol protocol)
{
    m_protocol = protocol;
}

IpsecMode
IpsecPolicy::GetMode() const
{
    return m_mode;
}

void
IpsecPolicy::SetMode(IpsecMode mode)
{
    m_mode = mode;
}

bool
IpsecPolicy::SetTunnelEndpoints(const IpsecIpAddress& local,
                                const IpsecIpAddress& remote,
                                std::string* error)
{
    if (local.GetFamily() != remote.GetFamily())
    {
        if (error)
        {
            *error = "policy \"" + m_name + "\": tunnel endpoints " + local.ToString() + " and " +
                     remote.ToString() + " are of different families";
        }
        return false;
    }
    m_tunnelLocal = local;
    m_tunnelRemote = remote;
    m_hasTunnelEndpoints = true;
    return true;
}

bool
IpsecPolicy::HasTunnelEndpoints() const
{
    return m_hasTunnelEndpoints;
}

const IpsecIpAddress&
IpsecPolicy::GetTunnelLocal() const
{
    return m_tunnelLocal;
}

const IpsecIpAddress&
IpsecPolicy::GetTunnelRemote() const
{
    return m_tunnelRemote;
}

bool
IpsecPolicy::Validate(std::string* error) const
{
    std::string problem;
    if (m_local.GetFamily() != m_remote.GetFamily())
    {
        problem = "local selector " + m_local.ToString() + " and remote selector " +
                  m_remote.ToString() + " are of different families";
    }
    else if (m_action == IpsecPolicyAction::PROTECT && m_mode == IpsecMode::TUNNEL &&
             !m_hasTunnelEndpoints)
    {
        problem = "tunnel mode without tunnel endpoints";
    }
    if (problem.empty())
    {
        return true;
    }
    if (error)
    {
        *error = "policy \"" + m_name + "\": " + problem;
    }
    return false;
}

bool
IpsecPolicy::Matches(const IpsecFlow& flow) const
{
    bool outbound = m_direction == IpsecDirection::OUTBOUND;
    const IpsecIpAddress& localAddress = outbound ? flow.m_source : flow.m_destination;
    const IpsecIpAddress& remoteAddress = outbound ? flow.m_destination : flow.m_source;
    if (!m_local.Contains(localAddress) || !m_remote.Contains(remoteAddress))
    {
        return false;
    }
    if (!flow.HasPorts())
    {
        return m_local.MatchesOpaquePort(flow.m_protocol) &&
               m_remote.MatchesOpaquePort(flow.m_protocol);
    }
    uint16_t localPort = outbound ? flow.m_sourcePort : flow.m_destinationPort;
    uint16_t remotePort = outbound ? flow.m_destinationPort : flow.m_sourcePort;
    return m_local.Matches(flow.m_protocol, localPort) &&
           m_remote.Matches(flow.m_protocol, remotePort);
}

std::string
IpsecPolicy::ToString() const
{
    std::ostringstream os;
    os << "#" << m_id << " " << (m_name.empty() ? "(unnamed)" : m_name) << " " << m_direction
       << " local " << m_local << " remote " << m_remote << " " << m_action;
    if (m_action == IpsecPolicyAction::PROTECT)
    {
        os << " " << m_protocol << " " << m_mode;
        if (m_mode == IpsecMode::TUNNEL && m_hasTunnelEndpoints)
        {
            os << " " << m_tunnelLocal << " -> " << m_tunnelRemote;
        }
    }
    return os.str();
}

std::ostream&
operator<<(std::ostream& os, const IpsecPolicy& policy)
{
    return os << policy.ToString();
}

} // namespace ns3
