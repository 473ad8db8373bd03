/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-config.h"

#include "ikev2-config-check.h"

#include <stdexcept>

namespace ns3
{

namespace
{

using Check = Ikev2ConfigCheck; //!< the shared checks and message wording

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
    Check::Fail(object, name, field, Check::UnknownValue(value, JunosNames(keywords)));
}

const char* const IKE_PROPOSAL = "ike proposal";
const char* const IKE_POLICY = "ike policy";
const char* const IKE_GATEWAY = "ike gateway";

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
            Check::Fail(IKE_PROPOSAL,
                        name,
                        "authentication-algorithm",
                        "must be omitted with " + encryptionAlgorithm +
                            " (it authenticates itself)");
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
            Check::Fail(IKE_PROPOSAL,
                        name,
                        "prf-algorithm",
                        "must be omitted with " + encryptionAlgorithm +
                            " (the cipher implies the PRF)");
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
    return Check::LookupJunosEntry(CryptoAlgorithmTable::DhGroups(),
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
    Check::CheckName(IKE_PROPOSAL, name);
    bool knownMethod = false;
    for (const auto& method : AUTHENTICATION_METHODS)
    {
        knownMethod = knownMethod || method == authenticationMethod;
    }
    if (!knownMethod)
    {
        Check::Fail(IKE_PROPOSAL,
                    name,
                    "authentication-method",
                    Check::UnknownValue(authenticationMethod, AUTHENTICATION_METHODS));
    }
    GetDhGroup();
    GetEncryption();
    GetIntegrity();
    GetPrf();
    Check::CheckRange(lifetimeSeconds,
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
            Check::Fail(IKE_POLICY, name, "pre-shared-key hexadecimal", error.what());
        }
    }
    return CryptoBytes(preSharedKeyAsciiText.begin(), preSharedKeyAsciiText.end());
}

void
Ikev2IkePolicyConfig::Validate() const
{
    Check::CheckName(IKE_POLICY, name);
    Check::CheckProposalList(proposals, IKE_POLICY, name);
    if (!preSharedKeyAsciiText.empty() && !preSharedKeyHexadecimal.empty())
    {
        Check::Fail(IKE_POLICY,
                    name,
                    "pre-shared-key",
                    "give either ascii-text or hexadecimal, not both");
    }
    GetPreSharedKey();
}

// ---------------------------------------------------------------- IKE gateway

IpsecIpAddress
Ikev2GatewayConfig::GetAddress() const
{
    return Check::ParseAddress(address, IKE_GATEWAY, name, "address");
}

IpsecIpAddress
Ikev2GatewayConfig::GetExternalInterfaceAddress() const
{
    return Check::ParseAddress(externalInterfaceAddress, IKE_GATEWAY, name, "external-interface");
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
    Check::CheckName(IKE_GATEWAY, name);
    const IpsecIpAddress peer = GetAddress();
    const IpsecIpAddress local = GetExternalInterfaceAddress();
    if (peer.GetFamily() != local.GetFamily())
    {
        Check::Fail(IKE_GATEWAY,
                    name,
                    "address",
                    "peer " + peer.ToString() + " and external-interface " + local.ToString() +
                        " are of different address families");
    }
    if (version != "v2-only")
    {
        Check::Fail(IKE_GATEWAY, name, "version", Check::UnknownValue(version, {"v2-only"}));
    }
    if (ikePolicy.empty())
    {
        Check::Fail(IKE_GATEWAY, name, "ike-policy", "missing; name an IKE policy");
    }
    GetLocalIdentity();
    GetRemoteIdentity();
}

} // namespace ns3
