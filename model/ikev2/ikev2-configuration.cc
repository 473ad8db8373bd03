/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-configuration.h"

#include <stdexcept>

namespace ns3
{

namespace
{

template <typename Config>
void
Insert(std::map<std::string, Config>& objects, const Config& object, const std::string& kind)
{
    if (object.name.empty())
    {
        throw std::invalid_argument(kind + " without a name");
    }
    if (!objects.emplace(object.name, object).second)
    {
        throw std::invalid_argument(kind + " '" + object.name + "' is defined twice");
    }
}

template <typename Config>
const Config&
Find(const std::map<std::string, Config>& objects, const std::string& name, const std::string& kind)
{
    auto it = objects.find(name);
    if (it == objects.end())
    {
        throw std::invalid_argument(kind + " '" + name + "' is not defined");
    }
    return it->second;
}

/// A reference from one object to another that does not exist.
template <typename Config>
const Config&
FindReferenced(const std::map<std::string, Config>& objects,
               const std::string& name,
               const std::string& kind,
               const std::string& referrer)
{
    auto it = objects.find(name);
    if (it == objects.end())
    {
        throw std::invalid_argument(referrer + ": " + kind + " '" + name + "' is not defined");
    }
    return it->second;
}

} // namespace

void
Ikev2Configuration::AddIkeProposal(const Ikev2IkeProposalConfig& proposal)
{
    Insert(m_ikeProposals, proposal, "ike proposal");
}

void
Ikev2Configuration::AddIkePolicy(const Ikev2IkePolicyConfig& policy)
{
    Insert(m_ikePolicies, policy, "ike policy");
}

void
Ikev2Configuration::AddGateway(const Ikev2GatewayConfig& gateway)
{
    Insert(m_gateways, gateway, "ike gateway");
}

void
Ikev2Configuration::AddIpsecProposal(const Ikev2IpsecProposalConfig& proposal)
{
    Insert(m_ipsecProposals, proposal, "ipsec proposal");
}

void
Ikev2Configuration::AddIpsecPolicy(const Ikev2IpsecPolicyConfig& policy)
{
    Insert(m_ipsecPolicies, policy, "ipsec policy");
}

void
Ikev2Configuration::AddVpn(const Ikev2VpnConfig& vpn)
{
    Insert(m_vpns, vpn, "ipsec vpn");
}

const Ikev2IkeProposalConfig&
Ikev2Configuration::GetIkeProposal(const std::string& name) const
{
    return Find(m_ikeProposals, name, "ike proposal");
}

const Ikev2IkePolicyConfig&
Ikev2Configuration::GetIkePolicy(const std::string& name) const
{
    return Find(m_ikePolicies, name, "ike policy");
}

const Ikev2GatewayConfig&
Ikev2Configuration::GetGateway(const std::string& name) const
{
    return Find(m_gateways, name, "ike gateway");
}

const Ikev2IpsecProposalConfig&
Ikev2Configuration::GetIpsecProposal(const std::string& name) const
{
    return Find(m_ipsecProposals, name, "ipsec proposal");
}

const Ikev2IpsecPolicyConfig&
Ikev2Configuration::GetIpsecPolicy(const std::string& name) const
{
    return Find(m_ipsecPolicies, name, "ipsec policy");
}

const Ikev2VpnConfig&
Ikev2Configuration::GetVpn(const std::string& name) const
{
    return Find(m_vpns, name, "ipsec vpn");
}

std::vector<std::string>
Ikev2Configuration::GetVpnNames() const
{
    std::vector<std::string> names;
    for (const auto& [name, vpn] : m_vpns)
    {
        names.push_back(name);
    }
    return names;
}

std::vector<const Ikev2IkeProposalConfig*>
Ikev2Configuration::ResolveIkeProposals(const Ikev2IkePolicyConfig& ikePolicy) const
{
    std::vector<const Ikev2IkeProposalConfig*> proposals;
    for (const auto& name : ikePolicy.proposals)
    {
        proposals.push_back(&FindReferenced(m_ikeProposals,
                                            name,
                                            "ike proposal",
                                            "ike policy '" + ikePolicy.name + "', proposals"));
    }
    return proposals;
}

std::vector<const Ikev2IpsecProposalConfig*>
Ikev2Configuration::ResolveIpsecProposals(const Ikev2IpsecPolicyConfig& ipsecPolicy) const
{
    std::vector<const Ikev2IpsecProposalConfig*> proposals;
    for (const auto& name : ipsecPolicy.proposals)
    {
        proposals.push_back(&FindReferenced(m_ipsecProposals,
                                            name,
                                            "ipsec proposal",
                                            "ipsec policy '" + ipsecPolicy.name + "', proposals"));
    }
    return proposals;
}

Ikev2ResolvedVpn
Ikev2Configuration::ResolveVpn(const std::string& vpnName) const
{
    Ikev2ResolvedVpn resolved;
    resolved.vpn = &GetVpn(vpnName);
    const std::string vpnWhere = "ipsec vpn '" + vpnName + "'";
    resolved.gateway = &FindReferenced(m_gateways,
                                       resolved.vpn->ikeGateway,
                                       "ike gateway",
                                       vpnWhere + ", ike gateway");
    resolved.ikePolicy =
        &FindReferenced(m_ikePolicies,
                        resolved.gateway->ikePolicy,
                        "ike policy",
                        "ike gateway '" + resolved.gateway->name + "', ike-policy");
    resolved.ikeProposals = ResolveIkeProposals(*resolved.ikePolicy);
    resolved.ipsecPolicy = &FindReferenced(m_ipsecPolicies,
                                           resolved.vpn->ipsecPolicy,
                                           "ipsec policy",
                                           vpnWhere + ", ike ipsec-policy");
    resolved.ipsecProposals = ResolveIpsecProposals(*resolved.ipsecPolicy);
    return resolved;
}

void
Ikev2Configuration::Validate() const
{
    for (const auto& [name, proposal] : m_ikeProposals)
    {
        proposal.Validate();
    }
    for (const auto& [name, policy] : m_ikePolicies)
    {
        policy.Validate();
        std::vector<const Ikev2IkeProposalConfig*> proposals = ResolveIkeProposals(policy);
        for (const auto* proposal : proposals)
        {
            // IKEv2 does not negotiate the authentication method: each side uses its own, so
            // one policy cannot mix them.
            if (proposal->authenticationMethod != proposals.front()->authenticationMethod)
            {
                throw std::invalid_argument(
                    "ike policy '" + name + "', proposals: '" + proposals.front()->name +
                    "' uses " + proposals.front()->authenticationMethod + " but '" +
                    proposal->name + "' uses " + proposal->authenticationMethod +
                    "; IKEv2 proposals of one policy need one authentication-method");
            }
        }
        if (proposals.front()->UsesPreSharedKey() && !policy.HasPreSharedKey())
        {
            throw std::invalid_argument(
                "ike policy '" + name + "', pre-shared-key: missing; proposal '" +
                proposals.front()->name + "' uses pre-shared-keys; give ascii-text or hexadecimal");
        }
    }
    for (const auto& [name, gateway] : m_gateways)
    {
        gateway.Validate();
        FindReferenced(m_ikePolicies,
                       gateway.ikePolicy,
                       "ike policy",
                       "ike gateway '" + name + "', ike-policy");
    }
    for (const auto& [name, proposal] : m_ipsecProposals)
    {
        proposal.Validate();
    }
    for (const auto& [name, policy] : m_ipsecPolicies)
    {
        policy.Validate();
        ResolveIpsecProposals(policy);
    }
    for (const auto& [name, vpn] : m_vpns)
    {
        vpn.Validate();
        ResolveVpn(name);
    }
}

} // namespace ns3
