/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * IKEv2 configuration (the Junos hierarchy): validation messages, reference resolution,
 * defaults, and the proposals the configuration puts on the wire.
 */
#include "ns3/ikev2-configuration.h"
#include "ns3/ikev2-proposal-builder.h"
#include "ns3/ikev2-sa-payload.h"

#include <gtest/gtest.h>
#include <string>

using namespace ns3;

namespace
{

Ikev2IkeProposalConfig
IkeProposal(const std::string& name = "ike-p1")
{
    Ikev2IkeProposalConfig proposal;
    proposal.name = name;
    proposal.authenticationMethod = "pre-shared-keys";
    proposal.dhGroup = "group14";
    proposal.authenticationAlgorithm = "sha-256";
    proposal.encryptionAlgorithm = "aes-256-cbc";
    return proposal;
}

Ikev2IpsecProposalConfig
IpsecProposal(const std::string& name = "ipsec-p1")
{
    Ikev2IpsecProposalConfig proposal;
    proposal.name = name;
    proposal.encryptionAlgorithm = "aes-128-gcm";
    return proposal;
}

/// A complete, valid site-to-site configuration: vpn1 -> gw1 -> ike-pol -> ike-p1, ipsec-pol.
Ikev2Configuration
SiteToSite()
{
    Ikev2Configuration config;
    config.AddIkeProposal(IkeProposal());
    Ikev2IkePolicyConfig ikePolicy;
    ikePolicy.name = "ike-pol";
    ikePolicy.proposals = {"ike-p1"};
    ikePolicy.preSharedKeyAsciiText = "juniper123";
    config.AddIkePolicy(ikePolicy);
    Ikev2GatewayConfig gateway;
    gateway.name = "gw1";
    gateway.address = "198.51.100.1";
    gateway.externalInterfaceAddress = "192.0.2.1";
    gateway.ikePolicy = "ike-pol";
    config.AddGateway(gateway);
    config.AddIpsecProposal(IpsecProposal());
    Ikev2IpsecPolicyConfig ipsecPolicy;
    ipsecPolicy.name = "ipsec-pol";
    ipsecPolicy.proposals = {"ipsec-p1"};
    config.AddIpsecPolicy(ipsecPolicy);
    Ikev2VpnConfig vpn;
    vpn.name = "vpn1";
    vpn.ikeGateway = "gw1";
    vpn.ipsecPolicy = "ipsec-pol";
    config.AddVpn(vpn);
    return config;
}

/// The message of the std::invalid_argument that f throws ("" and a failure if none).
template <typename F>
std::string
ErrorOf(F f)
{
    try
    {
        f();
    }
    catch (const std::invalid_argument& error)
    {
        return error.what();
    }
    ADD_FAILURE() << "no std::invalid_argument thrown";
    return "";
}

const Ikev2Transform*
FindTransform(const Ikev2Proposal& proposal, Ikev2TransformType type)
{
    for (const auto& transform : proposal.m_transforms)
    {
        if (transform.m_type == type)
        {
            return &transform;
        }
    }
    return nullptr;
}

} // namespace

TEST(Ikev2Config, ValidSiteToSiteResolves)
{
    Ikev2Configuration config = SiteToSite();
    EXPECT_NO_THROW(config.Validate());
    Ikev2ResolvedVpn vpn = config.ResolveVpn("vpn1");
    EXPECT_EQ(vpn.gateway->name, "gw1");
    EXPECT_EQ(vpn.ikePolicy->name, "ike-pol");
    ASSERT_EQ(vpn.ikeProposals.size(), 1u);
    EXPECT_EQ(vpn.ikeProposals[0]->name, "ike-p1");
    ASSERT_EQ(vpn.ipsecProposals.size(), 1u);
    EXPECT_EQ(vpn.ipsecProposals[0]->name, "ipsec-p1");
    EXPECT_EQ(config.GetVpnNames(), std::vector<std::string>{"vpn1"});
}

TEST(Ikev2Config, JunosDefaults)
{
    Ikev2Configuration config = SiteToSite();
    EXPECT_EQ(config.GetIkeProposal("ike-p1").lifetimeSeconds, 28800u);
    EXPECT_EQ(config.GetIpsecProposal("ipsec-p1").lifetimeSeconds, 3600u);
    EXPECT_FALSE(config.GetIpsecProposal("ipsec-p1").lifetimeKilobytes.has_value());
    const Ikev2VpnConfig& vpn = config.GetVpn("vpn1");
    EXPECT_EQ(vpn.GetEstablishTunnels(), Ikev2EstablishTunnels::ON_TRAFFIC);
    EXPECT_EQ(vpn.GetDfBit(), IpsecDfBitMode::CLEAR);
    auto pairs = vpn.GetSelectorPairs();
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0].first, IpsecTrafficSelector::Any(IpsecAddressFamily::IPV4));
    EXPECT_EQ(pairs[0].second, IpsecTrafficSelector::Any(IpsecAddressFamily::IPV4));
    // Identities default to the addresses: ours sent, the peer's expected.
    const Ikev2GatewayConfig& gateway = config.GetGateway("gw1");
    EXPECT_EQ(gateway.GetLocalIdentity().ToString(), "inet 192.0.2.1");
    EXPECT_EQ(gateway.GetRemoteIdentity().ToString(), "inet 198.51.100.1");
}

TEST(Ikev2Config, UnknownDhGroupNamesProposalFieldValueAndAllowedValues)
{
    Ikev2IkeProposalConfig proposal = IkeProposal("p1");
    proposal.dhGroup = "group99";
    std::string error = ErrorOf([&] { proposal.Validate(); });
    EXPECT_EQ(error.rfind("ike proposal 'p1', dh-group: unknown value 'group99'; allowed: group1, "
                          "group2, group5, group14",
                          0),
              0u)
        << error;
    EXPECT_NE(error.find("group24"), std::string::npos) << error;
    // Groups Junos does not configure are not offered as allowed values.
    EXPECT_EQ(error.find("group31"), std::string::npos) << error;
}

TEST(Ikev2Config, IkeProposalFieldChecks)
{
    Ikev2IkeProposalConfig gcm = IkeProposal("g");
    gcm.encryptionAlgorithm = "aes-128-gcm";
    EXPECT_NE(ErrorOf([&] { gcm.Validate(); })
                  .find("ike proposal 'g', authentication-algorithm: must be omitted with "
                        "aes-128-gcm"),
              std::string::npos);
    gcm.authenticationAlgorithm.clear();
    EXPECT_NO_THROW(gcm.Validate());
    gcm.prfAlgorithm = "prf-hmac-sha256";
    EXPECT_NE(ErrorOf([&] { gcm.Validate(); }).find("prf-algorithm: must be omitted"),
              std::string::npos);

    Ikev2IkeProposalConfig cbc = IkeProposal("c");
    cbc.authenticationAlgorithm.clear();
    EXPECT_NE(ErrorOf([&] { cbc.Validate(); })
                  .find("authentication-algorithm: missing; allowed: md5, sha1, sha-256, "
                        "sha-384, sha-512"),
              std::string::npos);
    cbc = IkeProposal("c");
    cbc.encryptionAlgorithm = "aes-192-gcm"; // an IPsec algorithm, not an IKE one on Junos
    EXPECT_NE(ErrorOf([&] { cbc.Validate(); }).find("encryption-algorithm: unknown value"),
              std::string::npos);
    cbc = IkeProposal("c");
    cbc.authenticationMethod = "dsa-signatures";
    EXPECT_NE(ErrorOf([&] { cbc.Validate(); }).find("allowed: pre-shared-keys, rsa-signatures"),
              std::string::npos);
    cbc.authenticationMethod = "ecdsa-signatures-384";
    EXPECT_NO_THROW(cbc.Validate());
    EXPECT_FALSE(cbc.UsesPreSharedKey());

    cbc = IkeProposal("c");
    cbc.lifetimeSeconds = 179;
    EXPECT_NE(ErrorOf([&] {
                  cbc.Validate();
              }).find("lifetime-seconds: value 179 out of range; allowed: 180..86400"),
              std::string::npos);
    cbc.lifetimeSeconds = 86400;
    EXPECT_NO_THROW(cbc.Validate());
    cbc.lifetimeSeconds = 86401;
    EXPECT_THROW(cbc.Validate(), std::invalid_argument);
}

TEST(Ikev2Config, IpsecProposalFieldChecks)
{
    Ikev2IpsecProposalConfig esp = IpsecProposal("e");
    esp.authenticationAlgorithm = "hmac-sha-256-128";
    EXPECT_NE(ErrorOf([&] {
                  esp.Validate();
              }).find("ipsec proposal 'e', authentication-algorithm: must be omitted"),
              std::string::npos);
    esp.encryptionAlgorithm = "aes-256-cbc";
    EXPECT_NO_THROW(esp.Validate());
    esp.authenticationAlgorithm = "hmac-sha-256";
    EXPECT_NE(ErrorOf([&] { esp.Validate(); })
                  .find("unknown value 'hmac-sha-256'; allowed: hmac-md5-96, hmac-sha1-96, "
                        "hmac-sha-256-128"),
              std::string::npos);

    Ikev2IpsecProposalConfig ah = IpsecProposal("a");
    ah.protocol = "ah";
    EXPECT_NE(ErrorOf([&] {
                  ah.Validate();
              }).find("encryption-algorithm: must be omitted with protocol ah"),
              std::string::npos);
    ah.encryptionAlgorithm.clear();
    ah.authenticationAlgorithm = "hmac-sha1-96";
    EXPECT_NO_THROW(ah.Validate());
    ah.protocol = "bundle";
    EXPECT_NE(
        ErrorOf([&] { ah.Validate(); }).find("protocol: unknown value 'bundle'; allowed: esp, ah"),
        std::string::npos);

    Ikev2IpsecProposalConfig volume = IpsecProposal("v");
    volume.lifetimeKilobytes = 63;
    EXPECT_NE(ErrorOf([&] {
                  volume.Validate();
              }).find("lifetime-kilobytes: value 63 out of range; allowed: 64..4294967294"),
              std::string::npos);
    volume.lifetimeKilobytes = 4294967294u;
    EXPECT_NO_THROW(volume.Validate());
    volume.lifetimeKilobytes = 4294967295u;
    EXPECT_THROW(volume.Validate(), std::invalid_argument);
}

TEST(Ikev2Config, UnknownReferencesNameBothObjects)
{
    Ikev2Configuration config = SiteToSite();
    Ikev2VpnConfig vpn;
    vpn.name = "vpn2";
    vpn.ikeGateway = "gw-missing";
    vpn.ipsecPolicy = "ipsec-pol";
    config.AddVpn(vpn);
    EXPECT_EQ(ErrorOf([&] { config.Validate(); }),
              "ipsec vpn 'vpn2', ike gateway: ike gateway 'gw-missing' is not defined");

    Ikev2Configuration other = SiteToSite();
    Ikev2IpsecPolicyConfig policy;
    policy.name = "ipsec-pol2";
    policy.proposals = {"ipsec-p1", "nope"};
    other.AddIpsecPolicy(policy);
    EXPECT_EQ(ErrorOf([&] { other.Validate(); }),
              "ipsec policy 'ipsec-pol2', proposals: ipsec proposal 'nope' is not defined");
    EXPECT_EQ(ErrorOf([&] { other.AddIpsecPolicy(policy); }),
              "ipsec policy 'ipsec-pol2' is defined twice");
}

TEST(Ikev2Config, PolicyChecks)
{
    Ikev2Configuration noKey = SiteToSite();
    Ikev2IkePolicyConfig policy = noKey.GetIkePolicy("ike-pol");
    policy.name = "ike-pol2";
    policy.preSharedKeyAsciiText.clear();
    noKey.AddIkePolicy(policy);
    EXPECT_NE(ErrorOf([&] { noKey.Validate(); }).find("ike policy 'ike-pol2', pre-shared-key: "),
              std::string::npos);

    Ikev2Configuration mixed = SiteToSite();
    Ikev2IkeProposalConfig rsa = IkeProposal("ike-rsa");
    rsa.authenticationMethod = "rsa-signatures";
    mixed.AddIkeProposal(rsa);
    policy = mixed.GetIkePolicy("ike-pol");
    policy.name = "ike-mixed";
    policy.proposals = {"ike-p1", "ike-rsa"};
    mixed.AddIkePolicy(policy);
    EXPECT_NE(ErrorOf([&] { mixed.Validate(); }).find("one authentication-method"),
              std::string::npos);

    Ikev2IkePolicyConfig both;
    both.name = "b";
    both.proposals = {"x"};
    both.preSharedKeyAsciiText = "a";
    both.preSharedKeyHexadecimal = "00";
    EXPECT_NE(ErrorOf([&] { both.Validate(); }).find("either ascii-text or hexadecimal"),
              std::string::npos);
    both.preSharedKeyAsciiText.clear();
    both.preSharedKeyHexadecimal = "0x6a756e";
    EXPECT_EQ(both.GetPreSharedKey(), (CryptoBytes{'j', 'u', 'n'}));
    both.preSharedKeyHexadecimal = "zz";
    EXPECT_NE(ErrorOf([&] { both.Validate(); }).find("ike policy 'b', pre-shared-key hexadecimal"),
              std::string::npos);

    Ikev2IpsecPolicyConfig pfs;
    pfs.name = "pfs";
    pfs.proposals = {"x", "x"};
    EXPECT_NE(ErrorOf([&] { pfs.Validate(); }).find("'x' is listed twice"), std::string::npos);
    pfs.proposals = {"x"};
    pfs.perfectForwardSecrecyKeys = "group19";
    EXPECT_EQ(pfs.GetPfsGroup()->transformId, 19);
    pfs.perfectForwardSecrecyKeys = "group3";
    EXPECT_NE(ErrorOf([&] {
                  pfs.Validate();
              }).find("ipsec policy 'pfs', perfect-forward-secrecy keys: unknown value 'group3'"),
              std::string::npos);
}

TEST(Ikev2Config, GatewayAndVpnChecks)
{
    Ikev2GatewayConfig gateway = SiteToSite().GetGateway("gw1");
    gateway.localIdentity = "hostname srx1.example.net";
    gateway.remoteIdentity = "user-at-hostname vpn@example.net";
    EXPECT_NO_THROW(gateway.Validate());
    EXPECT_EQ(gateway.GetLocalIdentity().GetType(), Ikev2IdentificationType::FQDN);
    gateway.remoteIdentity = "email vpn@example.net";
    EXPECT_NE(ErrorOf([&] {
                  gateway.Validate();
              }).find("ike gateway 'gw1', remote-identity: bad identity 'email vpn@example.net'"),
              std::string::npos);
    gateway.remoteIdentity.clear();
    gateway.address = "2001:db8::1";
    EXPECT_NE(ErrorOf([&] { gateway.Validate(); }).find("different address families"),
              std::string::npos);
    gateway.address = "198.51.100.1";
    gateway.version = "v1-only";
    EXPECT_NE(ErrorOf([&] {
                  gateway.Validate();
              }).find("version: unknown value 'v1-only'; allowed: v2-only"),
              std::string::npos);

    Ikev2VpnConfig vpn = SiteToSite().GetVpn("vpn1");
    vpn.trafficSelectors = {{"ts1", "10.1.0.0/16", "10.2.0.0/16"},
                            {"ts2", "2001:db8:1::/48", "2001:db8:2::/48"}};
    vpn.establishTunnels = "immediately";
    vpn.dfBit = "copy";
    vpn.bindInterface = "st0.0";
    EXPECT_NO_THROW(vpn.Validate());
    EXPECT_EQ(vpn.GetSelectorPairs().size(), 2u);
    EXPECT_EQ(vpn.GetSelectorPairs()[1].second.ToString(), "2001:db8:2::/48 proto any port any");
    EXPECT_EQ(vpn.GetDfBit(), IpsecDfBitMode::COPY);
    vpn.trafficSelectors.push_back({"ts3", "10.1.0.0/16", "2001:db8:2::/48"});
    EXPECT_NE(ErrorOf([&] { vpn.Validate(); })
                  .find("ipsec vpn 'vpn1', traffic-selector 'ts3': local-ip 10.1.0.0/16 and "
                        "remote-ip 2001:db8:2::/48 are of different address families"),
              std::string::npos);
    vpn.trafficSelectors = {{"ts1", "10.1.0.1/16", "10.2.0.0/16"}};
    EXPECT_NE(ErrorOf([&] { vpn.Validate(); }).find("traffic-selector 'ts1' local-ip"),
              std::string::npos);
    vpn.trafficSelectors.clear();
    vpn.establishTunnels = "on-demand";
    EXPECT_NE(ErrorOf([&] { vpn.Validate(); })
                  .find("establish-tunnels: unknown value 'on-demand'; allowed: immediately, "
                        "on-traffic, responder-only"),
              std::string::npos);
    vpn.establishTunnels = "responder-only";
    vpn.dfBit = "keep";
    EXPECT_NE(ErrorOf([&] { vpn.Validate(); }).find("df-bit: unknown value 'keep'"),
              std::string::npos);
    vpn.dfBit = "set";
    vpn.bindInterface = "ge-0/0/0.0";
    EXPECT_NE(ErrorOf([&] {
                  vpn.Validate();
              }).find("bind-interface: unknown value 'ge-0/0/0.0'; allowed: st0.<unit>"),
              std::string::npos);
    vpn.bindInterface = "st0.";
    EXPECT_THROW(vpn.Validate(), std::invalid_argument);
    vpn.bindInterface = "st0.12";
    EXPECT_NO_THROW(vpn.Validate());
}

TEST(Ikev2ProposalBuilder, IkeCbcProposalCarriesIanaIds)
{
    Ikev2Proposal proposal = Ikev2ProposalBuilder::BuildIke(IkeProposal());
    EXPECT_EQ(proposal.m_protocol, Ikev2ProtocolId::IKE);
    EXPECT_TRUE(proposal.m_spi.empty());
    ASSERT_EQ(proposal.m_transforms.size(), 4u);
    const Ikev2Transform* encryption = FindTransform(proposal, Ikev2TransformType::ENCRYPTION);
    ASSERT_NE(encryption, nullptr);
    EXPECT_EQ(encryption->m_id, 12);            // ENCR_AES_CBC
    EXPECT_EQ(encryption->GetKeyLength(), 256); // Key Length attribute
    EXPECT_EQ(FindTransform(proposal, Ikev2TransformType::PSEUDO_RANDOM_FUNCTION)->m_id,
              5); // PRF_HMAC_SHA2_256
    EXPECT_EQ(FindTransform(proposal, Ikev2TransformType::INTEGRITY)->m_id,
              12); // AUTH_HMAC_SHA2_256_128
    EXPECT_EQ(FindTransform(proposal, Ikev2TransformType::DIFFIE_HELLMAN)->m_id, 14);

    Ikev2IkeProposalConfig legacy = IkeProposal();
    legacy.encryptionAlgorithm = "3des-cbc";
    legacy.authenticationAlgorithm = "sha1";
    legacy.dhGroup = "group2";
    proposal = Ikev2ProposalBuilder::BuildIke(legacy);
    EXPECT_EQ(FindTransform(proposal, Ikev2TransformType::ENCRYPTION)->m_id, 3);
    EXPECT_TRUE(FindTransform(proposal, Ikev2TransformType::ENCRYPTION)->m_attributes.empty());
    EXPECT_EQ(FindTransform(proposal, Ikev2TransformType::PSEUDO_RANDOM_FUNCTION)->m_id, 2);
    EXPECT_EQ(FindTransform(proposal, Ikev2TransformType::INTEGRITY)->m_id, 2);
    legacy.prfAlgorithm = "prf-hmac-sha512";
    EXPECT_EQ(FindTransform(Ikev2ProposalBuilder::BuildIke(legacy),
                            Ikev2TransformType::PSEUDO_RANDOM_FUNCTION)
                  ->m_id,
              7);
}

TEST(Ikev2ProposalBuilder, IkeGcmProposalHasNoIntegrityAndImpliedPrf)
{
    Ikev2IkeProposalConfig gcm = IkeProposal();
    gcm.authenticationAlgorithm.clear();
    gcm.encryptionAlgorithm = "aes-128-gcm";
    gcm.dhGroup = "group19";
    Ikev2Proposal proposal = Ikev2ProposalBuilder::BuildIke(gcm);
    ASSERT_EQ(proposal.m_transforms.size(), 3u);
    EXPECT_EQ(FindTransform(proposal, Ikev2TransformType::INTEGRITY), nullptr);
    EXPECT_EQ(FindTransform(proposal, Ikev2TransformType::ENCRYPTION)->m_id, 20); // GCM 16
    EXPECT_EQ(FindTransform(proposal, Ikev2TransformType::ENCRYPTION)->GetKeyLength(), 128);
    EXPECT_EQ(FindTransform(proposal, Ikev2TransformType::PSEUDO_RANDOM_FUNCTION)->m_id, 5);
    gcm.encryptionAlgorithm = "aes-256-gcm";
    proposal = Ikev2ProposalBuilder::BuildIke(gcm);
    EXPECT_EQ(FindTransform(proposal, Ikev2TransformType::PSEUDO_RANDOM_FUNCTION)->m_id,
              6); // PRF_HMAC_SHA2_384
}

TEST(Ikev2ProposalBuilder, ChildProposalsAndWireRoundTrip)
{
    Ikev2IpsecProposalConfig cbc = IpsecProposal("cbc");
    cbc.encryptionAlgorithm = "aes-256-cbc";
    cbc.authenticationAlgorithm = "hmac-sha-256-128";
    Ikev2IpsecProposalConfig gcm = IpsecProposal("gcm");
    Ikev2IpsecProposalConfig ah = IpsecProposal("ah");
    ah.protocol = "ah";
    ah.encryptionAlgorithm.clear();
    ah.authenticationAlgorithm = "hmac-sha1-96";
    const CryptoDhGroup& group = CryptoAlgorithmTable::GetDhGroup("group20", "test");
    std::vector<Ikev2Proposal> proposals =
        Ikev2ProposalBuilder::BuildChild({&cbc, &gcm, &ah}, &group);
    ASSERT_EQ(proposals.size(), 3u);
    EXPECT_EQ(proposals[0].m_number, 1);
    EXPECT_EQ(proposals[2].m_number, 3);
    EXPECT_EQ(proposals[0].m_protocol, Ikev2ProtocolId::ESP);
    EXPECT_EQ(proposals[0].m_transforms.size(), 4u); // ENCR, INTEG, D-H, ESN
    EXPECT_EQ(proposals[1].m_transforms.size(), 3u); // ENCR, D-H, ESN
    EXPECT_EQ(FindTransform(proposals[1], Ikev2TransformType::INTEGRITY), nullptr);
    EXPECT_EQ(FindTransform(proposals[1], Ikev2TransformType::DIFFIE_HELLMAN)->m_id, 20);
    EXPECT_EQ(FindTransform(proposals[1], Ikev2TransformType::EXTENDED_SEQUENCE_NUMBERS)->m_id, 0);
    EXPECT_EQ(proposals[2].m_protocol, Ikev2ProtocolId::AH);
    EXPECT_EQ(FindTransform(proposals[2], Ikev2TransformType::ENCRYPTION), nullptr);
    EXPECT_EQ(FindTransform(proposals[2], Ikev2TransformType::INTEGRITY)->m_id, 2);
    Ikev2Proposal noPfs = Ikev2ProposalBuilder::BuildChild(cbc, nullptr);
    EXPECT_EQ(FindTransform(noPfs, Ikev2TransformType::DIFFIE_HELLMAN), nullptr);

    // Through the codec and back: the SA payload accepts what the builder made.
    Ikev2SaPayload payload;
    for (auto proposal : proposals)
    {
        proposal.m_spi = {0x11, 0x22, 0x33, 0x44};
        payload.AddProposal(proposal);
    }
    Ikev2WireWriter writer;
    payload.SerializeBody(writer);
    Ikev2SaPayload parsed;
    Ikev2WireReader reader(writer.GetBytes());
    ASSERT_EQ(parsed.ParseBody(reader), Ikev2ParseError::NONE);
    ASSERT_EQ(parsed.GetProposals().size(), 3u);
    EXPECT_EQ(parsed.GetProposals()[0].m_transforms[0].GetKeyLength(), 256);
    EXPECT_EQ(parsed.GetProposals()[2].m_protocol, Ikev2ProtocolId::AH);
}
