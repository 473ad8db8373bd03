/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CONFIGURATION_H
#define IKEV2_CONFIGURATION_H

#include "ikev2-config.h"
#include "ikev2-ipsec-config.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief One VPN with every object it refers to, in the order the configuration lists them.
 *
 * The pointers refer into the Ikev2Configuration that resolved them and stay valid while it is
 * not modified.
 */
struct Ikev2ResolvedVpn
{
    const Ikev2VpnConfig* vpn{nullptr};                          //!< the VPN
    const Ikev2GatewayConfig* gateway{nullptr};                  //!< its IKE gateway
    const Ikev2IkePolicyConfig* ikePolicy{nullptr};              //!< the gateway's IKE policy
    std::vector<const Ikev2IkeProposalConfig*> ikeProposals;     //!< in preference order
    const Ikev2IpsecPolicyConfig* ipsecPolicy{nullptr};          //!< the VPN's IPsec policy
    std::vector<const Ikev2IpsecProposalConfig*> ipsecProposals; //!< in preference order
};

/**
 * \ingroup ipsec
 * \brief The IKEv2 part of a Junos configuration: proposals, policies, gateways and VPNs by
 * name, with the references between them resolved.
 *
 * Add*() store an object (a second object of the same kind and name is a configuration
 * error). Validate() checks every object and every reference and throws on the first problem;
 * ResolveVpn() then gives the daemon everything one VPN needs.
 */
class Ikev2Configuration
{
  public:
    /// \param proposal an IKE proposal \throws std::invalid_argument if the name is taken
    void AddIkeProposal(const Ikev2IkeProposalConfig& proposal);
    /// \param policy an IKE policy \throws std::invalid_argument if the name is taken
    void AddIkePolicy(const Ikev2IkePolicyConfig& policy);
    /// \param gateway an IKE gateway \throws std::invalid_argument if the name is taken
    void AddGateway(const Ikev2GatewayConfig& gateway);
    /// \param proposal an IPsec proposal \throws std::invalid_argument if the name is taken
    void AddIpsecProposal(const Ikev2IpsecProposalConfig& proposal);
    /// \param policy an IPsec policy \throws std::invalid_argument if the name is taken
    void AddIpsecPolicy(const Ikev2IpsecPolicyConfig& policy);
    /// \param vpn a VPN \throws std::invalid_argument if the name is taken
    void AddVpn(const Ikev2VpnConfig& vpn);

    /**
     * \brief Checks every object, then every reference: each name must exist; an IKE policy
     * whose proposals use pre-shared-keys needs a pre-shared key; the proposals of one IKE
     * policy use one authentication-method (IKEv2 does not negotiate it, and Junos requires
     * this of IKEv2 policies).
     * \throws std::invalid_argument on the first problem
     */
    void Validate() const;

    /**
     * \param vpnName a VPN's name
     * \return the VPN and what it refers to
     * \throws std::invalid_argument if the VPN or a reference does not exist
     */
    Ikev2ResolvedVpn ResolveVpn(const std::string& vpnName) const;

    /// \return the VPN names in alphabetical order
    std::vector<std::string> GetVpnNames() const;

    /// \param name a name \return the IKE proposal \throws std::invalid_argument if unknown
    const Ikev2IkeProposalConfig& GetIkeProposal(const std::string& name) const;
    /// \param name a name \return the IKE policy \throws std::invalid_argument if unknown
    const Ikev2IkePolicyConfig& GetIkePolicy(const std::string& name) const;
    /// \param name a name \return the gateway \throws std::invalid_argument if unknown
    const Ikev2GatewayConfig& GetGateway(const std::string& name) const;
    /// \param name a name \return the IPsec proposal \throws std::invalid_argument if unknown
    const Ikev2IpsecProposalConfig& GetIpsecProposal(const std::string& name) const;
    /// \param name a name \return the IPsec policy \throws std::invalid_argument if unknown
    const Ikev2IpsecPolicyConfig& GetIpsecPolicy(const std::string& name) const;
    /// \param name a name \return the VPN \throws std::invalid_argument if unknown
    const Ikev2VpnConfig& GetVpn(const std::string& name) const;

  private:
    /**
     * \param ikePolicy an IKE policy
     * \return its proposals in order
     * \throws std::invalid_argument naming the policy and the missing proposal
     */
    std::vector<const Ikev2IkeProposalConfig*> ResolveIkeProposals(
        const Ikev2IkePolicyConfig& ikePolicy) const;

    /**
     * \param ipsecPolicy an IPsec policy
     * \return its proposals in order
     * \throws std::invalid_argument naming the policy and the missing proposal
     */
    std::vector<const Ikev2IpsecProposalConfig*> ResolveIpsecProposals(
        const Ikev2IpsecPolicyConfig& ipsecPolicy) const;

    std::map<std::string, Ikev2IkeProposalConfig> m_ikeProposals;     //!< by name
    std::map<std::string, Ikev2IkePolicyConfig> m_ikePolicies;        //!< by name
    std::map<std::string, Ikev2GatewayConfig> m_gateways;             //!< by name
    std::map<std::string, Ikev2IpsecProposalConfig> m_ipsecProposals; //!< by name
    std::map<std::string, Ikev2IpsecPolicyConfig> m_ipsecPolicies;    //!< by name
    std::map<std::string, Ikev2VpnConfig> m_vpns;                     //!< by name
};

} // namespace ns3

#endif /* IKEV2_CONFIGURATION_H */
