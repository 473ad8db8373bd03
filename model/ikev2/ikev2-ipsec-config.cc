/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-ipsec-config.h"

#include "ikev2-config-check.h"

#include <stdexcept>

namespace ns3
{

namespace
{

using Check = Ikev2ConfigCheck; //!< the shared checks and message wording

const char* const IPSEC_PROPOSAL = "ipsec proposal";
const char* const IPSEC_POLICY = "ipsec policy";
const char* const IPSEC_VPN = "ipsec vpn";

} // namespace

// ---------------------------------------------------------------- IPsec proposal

Ikev2IpsecProtocol
Ikev2IpsecProposalConfig::GetProtocol() const
{
    if (protocol == "esp")
    {
        return Ikev2IpsecProtocol::ESP;
    }
    if (protocol == "ah")
    {
        return Ikev2IpsecProtocol::AH;
    }
    Check::Fail(IPSEC_PROPOSAL, name, "protocol", Check::UnknownValue(protocol, {"esp", "ah"}));
}

const CryptoEncryptionAlgorithm*
Ikev2IpsecProposalConfig::GetEncryption() const
{
    if (GetProtocol() == Ikev2IpsecProtocol::AH)
    {
        if (!encryptionAlgorithm.empty())
        {
            Check::Fail(IPSEC_PROPOSAL,
                        name,
                        "encryption-algorithm",
                        "must be omitted with protocol ah");
        }
        return nullptr;
    }
    return &Check::LookupJunosEntry(CryptoAlgorithmTable::EncryptionAlgorithms(),
                                    encryptionAlgorithm,
                                    IPSEC_PROPOSAL,
                                    name,
                                    "encryption-algorithm");
}

const CryptoIntegrityAlgorithm*
Ikev2IpsecProposalConfig::GetIntegrity() const
{
    const CryptoEncryptionAlgorithm* encryption = GetEncryption();
    if (encryption && encryption->IsAead())
    {
        // RFC 4106 section 8.4 / RFC 7296 section 3.3.3: no integrity transform with AEAD.
        if (!authenticationAlgorithm.empty())
        {
            Check::Fail(IPSEC_PROPOSAL,
                        name,
                        "authentication-algorithm",
                        "must be omitted with " + encryptionAlgorithm +
                            " (it authenticates itself)");
        }
        return nullptr;
    }
    std::vector<std::string> allowed;
    for (const auto& entry : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        if (authenticationAlgorithm == entry.name)
        {
            return &entry;
        }
        allowed.emplace_back(entry.name);
    }
    Check::Fail(IPSEC_PROPOSAL,
                name,
                "authentication-algorithm",
                Check::UnknownValue(authenticationAlgorithm, allowed));
}

void
Ikev2IpsecProposalConfig::Validate() const
{
    Check::CheckName(IPSEC_PROPOSAL, name);
    GetIntegrity(); // checks protocol and encryption first
    Check::CheckRange(lifetimeSeconds,
                      MIN_LIFETIME_SECONDS,
                      MAX_LIFETIME_SECONDS,
                      IPSEC_PROPOSAL,
                      name,
                      "lifetime-seconds");
    if (lifetimeKilobytes)
    {
        Check::CheckRange(*lifetimeKilobytes,
                          MIN_LIFETIME_KILOBYTES,
                          MAX_LIFETIME_KILOBYTES,
                          IPSEC_PROPOSAL,
                          name,
                          "lifetime-kilobytes");
    }
}

// ---------------------------------------------------------------- IPsec policy

const CryptoDhGroup*
Ikev2IpsecPolicyConfig::GetPfsGroup() const
{
    if (perfectForwardSecrecyKeys.empty())
    {
        return nullptr;
    }
    return &Check::LookupJunosEntry(CryptoAlgorithmTable::DhGroups(),
                                    perfectForwardSecrecyKeys,
                                    IPSEC_POLICY,
                                    name,
                                    "perfect-forward-secrecy keys");
}

void
Ikev2IpsecPolicyConfig::Validate() const
{
    Check::CheckName(IPSEC_POLICY, name);
    Check::CheckProposalList(proposals, IPSEC_POLICY, name);
    GetPfsGroup();
}

// ---------------------------------------------------------------- VPN

Ikev2EstablishTunnels
Ikev2VpnConfig::GetEstablishTunnels() const
{
    if (establishTunnels == "immediately")
    {
        return Ikev2EstablishTunnels::IMMEDIATELY;
    }
    if (establishTunnels == "on-traffic")
    {
        return Ikev2EstablishTunnels::ON_TRAFFIC;
    }
    if (establishTunnels == "responder-only")
    {
        return Ikev2EstablishTunnels::RESPONDER_ONLY;
    }
    Check::Fail(
        IPSEC_VPN,
        name,
        "establish-tunnels",
        Check::UnknownValue(establishTunnels, {"immediately", "on-traffic", "responder-only"}));
}

IpsecDfBitMode
Ikev2VpnConfig::GetDfBit() const
{
    if (dfBit == "clear")
    {
        return IpsecDfBitMode::CLEAR;
    }
    if (dfBit == "set")
    {
        return IpsecDfBitMode::SET;
    }
    if (dfBit == "copy")
    {
        return IpsecDfBitMode::COPY;
    }
    Check::Fail(IPSEC_VPN, name, "df-bit", Check::UnknownValue(dfBit, {"clear", "set", "copy"}));
}

std::vector<std::pair<IpsecTrafficSelector, IpsecTrafficSelector>>
Ikev2VpnConfig::GetSelectorPairs() const
{
    std::vector<Ikev2TrafficSelectorConfig> configured = trafficSelectors;
    if (configured.empty())
    {
        configured.emplace_back(); // Junos: without traffic-selector, 0.0.0.0/0 <-> 0.0.0.0/0
    }
    std::vector<std::pair<IpsecTrafficSelector, IpsecTrafficSelector>> pairs;
    for (const auto& selector : configured)
    {
        const std::string field = "traffic-selector '" + selector.name + "'";
        IpsecTrafficSelector local;
        IpsecTrafficSelector remote;
        std::string error;
        if (!IpsecTrafficSelector::FromPrefix(selector.localIp, &local, &error))
        {
            Check::Fail(IPSEC_VPN, name, field + " local-ip", error);
        }
        if (!IpsecTrafficSelector::FromPrefix(selector.remoteIp, &remote, &error))
        {
            Check::Fail(IPSEC_VPN, name, field + " remote-ip", error);
        }
        if (local.GetFamily() != remote.GetFamily())
        {
            Check::Fail(IPSEC_VPN,
                        name,
                        field,
                        "local-ip " + selector.localIp + " and remote-ip " + selector.remoteIp +
                            " are of different address families");
        }
        pairs.emplace_back(local, remote);
    }
    return pairs;
}

void
Ikev2VpnConfig::Validate() const
{
    Check::CheckName(IPSEC_VPN, name);
    if (ikeGateway.empty())
    {
        Check::Fail(IPSEC_VPN, name, "ike gateway", "missing; name an IKE gateway");
    }
    if (ipsecPolicy.empty())
    {
        Check::Fail(IPSEC_VPN, name, "ike ipsec-policy", "missing; name an IPsec policy");
    }
    for (size_t i = 0; i < trafficSelectors.size(); ++i)
    {
        for (size_t j = 0; j < i; ++j)
        {
            if (trafficSelectors[i].name == trafficSelectors[j].name)
            {
                Check::Fail(IPSEC_VPN,
                            name,
                            "traffic-selector",
                            "'" + trafficSelectors[i].name + "' is defined twice");
            }
        }
    }
    GetSelectorPairs();
    GetEstablishTunnels();
    GetDfBit();
    // Route-based VPNs bind to a secure tunnel interface unit, st0.<unit>.
    const std::string unit = bindInterface.size() > 4 ? bindInterface.substr(4) : "";
    if (!bindInterface.empty() && (bindInterface.rfind("st0.", 0) != 0 || unit.empty() ||
                                   unit.find_first_not_of("0123456789") != std::string::npos))
    {
        Check::Fail(IPSEC_VPN,
                    name,
                    "bind-interface",
                    "unknown value '" + bindInterface + "'; allowed: st0.<unit>");
    }
}

} // namespace ns3
