/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-spd.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecSpd");

NS_OBJECT_ENSURE_REGISTERED(IpsecSpd);

TypeId
IpsecSpd::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecSpd")
                            .SetParent<Object>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<IpsecSpd>();
    return tid;
}

IpsecSpd::IpsecSpd()
{
    NS_LOG_FUNCTION(this);
}

IpsecSpd::~IpsecSpd() = default;

uint32_t
IpsecSpd::Add(Ptr<IpsecPolicy> policy, std::string* error)
{
    if (!policy)
    {
        if (error)
        {
            *error = "null policy";
        }
        return 0;
    }
    return Insert(GetNPolicies(policy->GetDirection()), policy, error);
}

uint32_t
IpsecSpd::Insert(uint32_t index, Ptr<IpsecPolicy> policy, std::string* error)
{
    NS_LOG_FUNCTION(this << index << policy);
    std::string problem;
    if (!policy)
    {
        problem = "null policy";
    }
    else if (policy->GetId() != 0)
    {
        problem = "policy \"" + policy->GetName() + "\" is already in an SPD (id " +
                  std::to_string(policy->GetId()) + ")";
    }
    else if (!policy->Validate(&problem))
    {
        // problem names the policy
    }
    else if (index > GetNPolicies(policy->GetDirection()))
    {
        problem = "policy \"" + policy->GetName() + "\": position " + std::to_string(index) +
                  " beyond the " + std::to_string(GetNPolicies(policy->GetDirection())) + " " +
                  IpsecDirectionName(policy->GetDirection()) + " entries";
    }
    if (!problem.empty())
    {
        NS_LOG_WARN("SPD refused an entry: " << problem);
        if (error)
        {
            *error = problem;
        }
        return 0;
    }
    std::vector<Ptr<IpsecPolicy>>& list = GetList(policy->GetDirection());
    policy->SetId(m_nextId++);
    list.insert(list.begin() + index, policy);
    NS_LOG_LOGIC("SPD entry at " << index << ": " << *policy);
    return policy->GetId();
}

bool
IpsecSpd::Remove(uint32_t id)
{
    NS_LOG_FUNCTION(this << id);
    if (id == 0)
    {
        return false;
    }
    for (std::vector<Ptr<IpsecPolicy>>* list : {&m_inbound, &m_outbound})
    {
        auto it = std::find_if(list->begin(), list->end(), [id](const Ptr<IpsecPolicy>& p) {
            return p->GetId() == id;
        });
        if (it != list->end())
        {
            (*it)->SetId(0);
            list->erase(it);
            return true;
        }
    }
    return false;
}

Ptr<IpsecPolicy>
IpsecSpd::Find(IpsecDirection direction, const IpsecFlow& flow) const
{
    // RFC 4301 section 4.4.1: the SPD is ordered and the first matching entry applies.
    for (const Ptr<IpsecPolicy>& policy : GetList(direction))
    {
        if (policy->Matches(flow))
        {
            NS_LOG_LOGIC(direction << " " << flow << " matches " << *policy);
            return policy;
        }
    }
    NS_LOG_LOGIC(direction << " " << flow << " matches no SPD entry");
    return nullptr;
}

Ptr<IpsecPolicy>
IpsecSpd::Get(uint32_t id) const
{
    for (const std::vector<Ptr<IpsecPolicy>>* list : {&m_inbound, &m_outbound})
    {
        for (const Ptr<IpsecPolicy>& policy : *list)
        {
            if (policy->GetId() == id)
            {
                return policy;
            }
        }
    }
    return nullptr;
}

std::vector<Ptr<IpsecPolicy>>
IpsecSpd::GetPolicies(IpsecDirection direction) const
{
    return GetList(direction);
}

uint32_t
IpsecSpd::GetNPolicies(IpsecDirection direction) const
{
    return static_cast<uint32_t>(GetList(direction).size());
}

void
IpsecSpd::Clear()
{
    NS_LOG_FUNCTION(this);
    for (std::vector<Ptr<IpsecPolicy>>* list : {&m_inbound, &m_outbound})
    {
        for (const Ptr<IpsecPolicy>& policy : *list)
        {
            policy->SetId(0);
        }
        list->clear();
    }
}

void
IpsecSpd::DoDispose()
{
    Clear();
    Object::DoDispose();
}

std::vector<Ptr<IpsecPolicy>>&
IpsecSpd::GetList(IpsecDirection direction)
{
    return direction == IpsecDirection::INBOUND ? m_inbound : m_outbound;
}

const std::vector<Ptr<IpsecPolicy>>&
IpsecSpd::GetList(IpsecDirection direction) const
{
    return direction == IpsecDirection::INBOUND ? m_inbound : m_outbound;
}

} // namespace ns3
