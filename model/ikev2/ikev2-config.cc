/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-config.h"

#include <stdexcept>

namespace ns3
{

namespace
{

/// One Junos keyword and the crypto table name it stands for.
struct Keyword
{
    const char* junos; //!< configuration keyword
    const char* table; //!< crypto table name
};

// Junos `authentication-algorithm (Security IKE)`: the hash gives both the integrity transform
// and, unless prf-algorithm says otherwise, the PRF.
const std::vector<Keyword> IKE_INTEGRITY = {
    {"md5", "hmac-md5-96"},
    {"sha1", "hmac-sha1-96"},
    {"sha-256", "hmac-sha-256-128"},
    {"sha-384", "hmac-sha-384-192"},
    {"sha-512", "hmac-sha-512-256"},
};
const std::vector<Keyword> IKE_PRF_BY_HASH = {
    {"md5", "hmac-md5"},
    {"sha1", "hmac-sha1"},
    {"sha-256", "hmac-sha-256"},
    {"sha-384", "hmac-sha-384"},
    {"sha-512", "hmac-sha-512"},
};
const std::vector<Keyword> IKE_PRF = {
    {"prf-hmac-sha1", "hmac-sha1"},
    {"prf-hmac-sha256", "hmac-sha-256"},
    {"prf-hmac-sha384", "hmac-sha-384"},
    {"prf-hmac-sha512", "hmac-sha-512"},
};
const std::vector<Keyword> IKE_ENCRYPTION = {
    {"3des-cbc", "3des-cbc"},
    {"des-cbc", "des-cbc"},
    {"aes-128-cbc", "aes-128-cbc"},
    {"aes-192-cbc", "aes-192-cbc"},
    {"aes-256-cbc", "aes-256-cbc"},
    {"aes-128-gcm", "aes-128-gcm"},
    {"aes-256-gcm", "aes-256-gcm"},
};
const std::vector<std::string> AUTHENTICATION_METHODS = {
    "pre-shared-keys",
    "rsa-signatures",
    "ecdsa-signatures-256",
    "ecdsa-signatures-384",
};

[[noreturn]] void
Fail(const std::string& object,
     const std::string& name,
     const std::string& field,
     const std::string& problem)
{
    throw std::invalid_argument(object + " '" + name + "', " + field + ": " + problem);
}

std::string
Join(const std::vector<std::string>& names)
{
    std::string text;
    for (const auto& name : names)
    {
        text += (text.empty() ? "" : ", ") + name;
    }
    return text;
}

std::string
UnknownValue(const std::string& value, const std::vector<std::string>& allowed)
{
    if (value.empty())
    {
        return "missing; allowed: " + Join(allowed);
    }
    return "unknown value '" + value + "'; allowed: " + Join(allowed);
}

std::vector<std::string>
JunosNames(const std::vector<Keyword>& keywords)
{
    std::vector<std::string> names;
    for (const auto& keyword : keywords)
    {
        names.emplace_back(keyword.junos);
    }
    return names;
}

/// The table name of a keyword, or a configuration error listing the keywords.
const char*
Lookup(const std::vector<Keyword>& keywords,
       const std::string& value,
       const std::string& object,
       const std::string& name,
       const std::string& field)
{
    for (const auto& keyword : keywords)
    {
        if (value == keyword.junos)
        {
            return keyword.table;
        }
    }
    Fail(object, name, field, UnknownValue(value, JunosNames(keywords)));
}

/// Junos configures only some of the crypto layer's entries; those are the allowed values.
template <typename Entry>
const Entry&
LookupJunosEntry(const std::vector<Entry>& table,
                 const std::string& value,
                 const std::string& object,
                 const std::string& name,
                 const std::string& field)
{
    std::vector<std::string> allowed;
    for (const auto& entry : table)
    {
        if (entry.offeredByJunos)
        {
            if (value == entry.name)
            {
                return entry;
            }
            allowed.emplace_back(entry.name);
        }
    }
    Fail(object, name, field, UnknownValue(value, allowed));
}

void
CheckRange(uint64_t value,
           uint64_t min,
           uint64_t max,
           const std::string& object,
           const std::string& name,
           const std::string& field)
{
    if (value < min || value > max)
    {
        Fail(object,
             name,
             field,
             "value " + std::to_string(value) + " out of range; allowed: " + std::to_string(min) +
                 ".." + std::to_string(max));
    }
}

void
CheckName(const std::string& object, const std::string& name)
{
    if (name.empty())
    {
        throw std::invalid_argument(object + " without a name");
    }
}

void
CheckProposalList(const std::vector<std::string>& proposals,
                  const std::string& object,
                  const std::string& name)
{
    if (proposals.empty())
    {
        Fail(object, name, "proposals", "missing; name at least one proposal");
    }
    for (size_t i = 0; i < proposals.size(); ++i)
    {
        for (size_t j = 0; j < i; ++j)
        {
            if (proposals[i] == proposals[j])
            {
                Fail(object, name, "proposals", "'" + proposals[i] + "' is listed twice");
            }
        }
    }
}

IpsecIpAddress
ParseAddress(const std::string& text,
             const std::string& object,
             const std::string& name,
             const std::string& field)
{
    IpsecIpAddress address;
    std::string error;
    if (text.empty())
    {
        Fail(object, name, field, "missing; give an IPv4 or IPv6 address");
    }
    if (!IpsecIpAddress::Parse(text, &address, &error))
    {
        Fail(object, name, field, error);
    }
    return address;
}

const char* const IKE_PROPOSAL = "ike proposal";
const char* const IKE_POLICY = "ike policy";
const char* const IKE_GATEWAY = "ike gateway";
const char* const IPSEC_PROPOSAL = "ipsec proposal";
const char* const IPSEC_POLICY = "ipsec policy";
const char* const IPSEC_VPN = "ipsec vpn";

} // namespace

// ---------------------------------------------------------------- IKE proposal

const CryptoEncryptionAlgorithm&
Ikev2IkeProposalConfig::GetEncryption() const
{
    const char* table =
        Lookup(IKE_ENCRYPTION, encryptionAlgorithm, IKE_PROPOSAL, name, "encryption-algorithm");
    return *CryptoAlgorithmTable::FindEncryption(table);
}

const CryptoIntegrityAlgorithm*
Ikev2IkeProposalConfig::GetIntegrity() const
{
    if (GetEncryption().IsAead())
    {
        // RFC 7296 section 3.3.3: combined-mode ciphers take no integrity transform.
        if (!authenticationAlgorithm.empty())
        {
            Fail(IKE_PROPOSAL,
                 name,
                 "authentication-algorithm",
                 "must be omitted with " + encryptionAlgorithm + " (it authenticates itself)");
        }
        return nullptr;
    }
    const char* table = Lookup(IKE_INTEGRITY,
                               authenticationAlgorithm,
                               IKE_PROPOSAL,
                               name,
                               "authentication-algorithm");
    return CryptoAlgorithmTable::FindIntegrity(table);
}

const CryptoPrfAlgorithm&
Ikev2IkeProposalConfig::GetPrf() const
{
    const CryptoEncryptionAlgorithm& encryption = GetEncryption();
    if (encryption.IsAead())
    {
        if (!prfAlgorithm.empty())
        {
            Fail(IKE_PROPOSAL,
                 name,
                 "prf-algorithm",
                 "must be omitted with " + encryptionAlgorithm + " (the cipher implies the PRF)");
        }
        // Juniper's prf-algorithm reference: aes-256-gcm is associated with PRF-384. It says
        // nothing of aes-128-gcm; SHA-256 matches its 128-bit strength (RFC 8247 section 3.3).
        return *CryptoAlgorithmTable::FindPrf(encryption.keyLengthBits > 128 ? "hmac-sha-384"
                                                                             : "hmac-sha-256");
    }
    if (!prfAlgorithm.empty())
    {
        return *CryptoAlgorithmTable::FindPrf(
            Lookup(IKE_PRF, prfAlgorithm, IKE_PROPOSAL, name, "prf-algorithm"));
    }
    return *CryptoAlgorithmTable::FindPrf(Lookup(IKE_PRF_BY_HASH,
                                                 authenticationAlgorithm,
                                                 IKE_PROPOSAL,
                                                 name,
                                                 "authentication-algorithm"));
}

const CryptoDhGroup&
Ikev2IkeProposalConfig::GetDhGroup() const
{
    return LookupJunosEntry(CryptoAlgorithmTable::DhGroups(),
                            dhGroup,
                            IKE_PROPOSAL,
                            name,
                            "dh-group");
}

bool
Ikev2IkeProposalConfig::UsesPreSharedKey() const
{
    return authenticationMethod == "pre-shared-keys";
}

void
Ikev2IkeProposalConfig::Validate() const
{
    CheckName(IKE_PROPOSAL, name);
    bool knownMethod = false;
    for (const auto& method : AUTHENTICATION_METHODS)
    {
        knownMethod = knownMethod || method == authenticationMethod;
    }
    if (!knownMethod)
    {
        Fail(IKE_PROPOSAL,
             name,
             "authentication-method",
             UnknownValue(authenticationMethod, AUTHENTICATION_METHODS));
    }
    GetDhGroup();
    GetEncryption();
    GetIntegrity();
    GetPrf();
    CheckRange(lifetimeSeconds,
               MIN_LIFETIME_SECONDS,
               MAX_LIFETIME_SECONDS,
               IKE_PROPOSAL,
               name,
               "lifetime-seconds");
}

// ---------------------------------------------------------------- IKE policy

bool
Ikev2IkePolicyConfig::HasPreSharedKey() const
{
    return !preSharedKeyAsciiText.empty() || !preSharedKeyHexadecimal.empty();
}

CryptoBytes
Ikev2IkePolicyConfig::GetPreSharedKey() const
{
    if (!preSharedKeyHexadecimal.empty())
    {
        try
        {
            return CryptoFromHex(preSharedKeyHexadecimal);
        }
        catch (const std::invalid_argument& error)
        {
            Fail(IKE_POLICY, name, "pre-shared-key hexadecimal", error.what());
        }
    }
    return CryptoBytes(preSharedKeyAsciiText.begin(), preSharedKeyAsciiText.end());
}

void
Ikev2IkePolicyConfig::Validate() const
{
    CheckName(IKE_POLICY, name);
    CheckProposalList(proposals, IKE_POLICY, name);
    if (!preSharedKeyAsciiText.empty() && !preSharedKeyHexadecimal.empty())
    {
        Fail(IKE_POLICY, name, "pre-shared-key", "give either ascii-text or hexadecimal, not both");
    }
    GetPreSharedKey();
}

// ---------------------------------------------------------------- IKE gateway

IpsecIpAddress
Ikev2GatewayConfig::GetAddress() const
{
    return ParseAddress(address, IKE_GATEWAY, name, "address");
}

IpsecIpAddress
Ikev2GatewayConfig::GetExternalInterfaceAddress() const
{
    return ParseAddress(externalInterfaceAddress, IKE_GATEWAY, name, "external-interface");
}

Ikev2Identity
Ikev2GatewayConfig::GetLocalIdentity() const
{
    if (localIdentity.empty())
    {
        return Ikev2Identity::FromAddress(GetExternalInterfaceAddress());
    }
    return Ikev2Identity::Parse(localIdentity, "ike gateway '" + name + "', local-identity");
}

Ikev2Identity
Ikev2GatewayConfig::GetRemoteIdentity() const
{
    if (remoteIdentity.empty())
    {
        return Ikev2Identity::FromAddress(GetAddress());
    }
    return Ikev2Identity::Parse(remoteIdentity, "ike gateway '" + name + "', remote-identity");
}

void
Ikev2GatewayConfig::Validate() const
{
    CheckName(IKE_GATEWAY, name);
    const IpsecIpAddress peer = GetAddress();
    const IpsecIpAddress local = GetExternalInterfaceAddress();
    if (peer.GetFamily() != local.GetFamily())
    {
        Fail(IKE_GATEWAY,
             name,
             "address",
             "peer " + peer.ToString() + " and external-interface " + local.ToString() +
                 " are of different address families");
    }
    if (version != "v2-only")
    {
        Fail(IKE_GATEWAY, name, "version", UnknownValue(version, {"v2-only"}));
    }
    if (ikePolicy.empty())
    {
        Fail(IKE_GATEWAY, name, "ike-policy", "missing; name an IKE policy");
    }
    GetLocalIdentity();
    GetRemoteIdentity();
}

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
    Fail(IPSEC_PROPOSAL, name, "protocol", UnknownValue(protocol, {"esp", "ah"}));
}

const CryptoEncryptionAlgorithm*
Ikev2IpsecProposalConfig::GetEncryption() const
{
    if (GetProtocol() == Ikev2IpsecProtocol::AH)
    {
        if (!encryptionAlgorithm.empty())
        {
            Fail(IPSEC_PROPOSAL, name, "encryption-algorithm", "must be omitted with protocol ah");
        }
        return nullptr;
    }
    return &LookupJunosEntry(CryptoAlgorithmTable::EncryptionAlgorithms(),
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
            Fail(IPSEC_PROPOSAL,
                 name,
                 "authentication-algorithm",
                 "must be omitted with " + encryptionAlgorithm + " (it authenticates itself)");
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
    Fail(IPSEC_PROPOSAL,
         name,
         "authentication-algorithm",
         UnknownValue(authenticationAlgorithm, allowed));
}

void
Ikev2IpsecProposalConfig::Validate() const
{
    CheckName(IPSEC_PROPOSAL, name);
    GetIntegrity(); // checks protocol and encryption first
    CheckRange(lifetimeSeconds,
               MIN_LIFETIME_SECONDS,
               MAX_LIFETIME_SECONDS,
               IPSEC_PROPOSAL,
               name,
               "lifetime-seconds");
    if (lifetimeKilobytes)
    {
        CheckRange(*lifetimeKilobytes,
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
    return &LookupJunosEntry(CryptoAlgorithmTable::DhGroups(),
                             perfectForwardSecrecyKeys,
                             IPSEC_POLICY,
                             name,
                             "perfect-forward-secrecy keys");
}

void
Ikev2IpsecPolicyConfig::Validate() const
{
    CheckName(IPSEC_POLICY, name);
    CheckProposalList(proposals, IPSEC_POLICY, name);
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
    Fail(IPSEC_VPN,
         name,
         "establish-tunnels",
         UnknownValue(establishTunnels, {"immediately", "on-traffic", "responder-only"}));
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
    Fail(IPSEC_VPN, name, "df-bit", UnknownValue(dfBit, {"clear", "set", "copy"}));
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
            Fail(IPSEC_VPN, name, field + " local-ip", error);
        }
        if (!IpsecTrafficSelector::FromPrefix(selector.remoteIp, &remote, &error))
        {
            Fail(IPSEC_VPN, name, field + " remote-ip", error);
        }
        if (local.GetFamily() != remote.GetFamily())
        {
            Fail(IPSEC_VPN,
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
    CheckName(IPSEC_VPN, name);
    if (ikeGateway.empty())
    {
        Fail(IPSEC_VPN, name, "ike gateway", "missing; name an IKE gateway");
    }
    if (ipsecPolicy.empty())
    {
        Fail(IPSEC_VPN, name, "ike ipsec-policy", "missing; name an IPsec policy");
    }
    for (size_t i = 0; i < trafficSelectors.size(); ++i)
    {
        for (size_t j = 0; j < i; ++j)
        {
            if (trafficSelectors[i].name == trafficSelectors[j].name)
            {
                Fail(IPSEC_VPN,
                     name,
                     "traffic-selector",
                     "'" + trafficSelectors[i].name + "' is defined twice");
            }
        }
    }
    GetSelectorPairs();
    GetEstablishTunnels();
    GetDfBit();
    if (!bindInterface.empty() && bindInterface.rfind("st0.", 0) != 0)
    {
        Fail(IPSEC_VPN,
             name,
             "bind-interface",
             "unknown value '" + bindInterface + "'; allowed: st0.<unit>");
    }
}

} // namespace ns3
