/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-helper.h"

#include "ns3/ikev2-proposal-builder.h"
#include "ns3/ikev2-psk-authenticator.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-key-export.h"
#include "ns3/simulator.h"

#include <filesystem>
#include <set>
#include <stdexcept>

namespace ns3
{

namespace
{

/// \return the VPN peer of a resolved VPN on a gateway's data plane
Ptr<Ikev2VpnPeer>
MakePeer(const Ikev2ResolvedVpn& resolved, Ptr<IpsecL3Protocol> ipsec)
{
    const Ikev2VpnConfig& config = *resolved.vpn;
    const std::string where = "ipsec vpn '" + config.name + "'";
    for (const auto* proposal : resolved.ikeProposals)
    {
        if (!proposal->UsesPreSharedKey())
        {
            throw std::invalid_argument(
                "ike proposal '" + proposal->name + "', authentication-method: '" +
                proposal->authenticationMethod + "' is not implemented yet; use pre-shared-keys");
        }
    }
    const auto pairs = config.GetSelectorPairs();
    if (pairs.size() != 1)
    {
        throw std::invalid_argument(where + ", traffic-selector: " + std::to_string(pairs.size()) +
                                    " selectors; one per VPN is implemented so far");
    }
    Ptr<Ikev2VpnPeer> vpn = Create<Ikev2VpnPeer>();
    vpn->name = config.name;
    vpn->localAddress = resolved.gateway->GetExternalInterfaceAddress();
    vpn->remoteAddress = resolved.gateway->GetAddress();
    vpn->localIdentity = resolved.gateway->GetLocalIdentity();
    vpn->remoteIdentity = resolved.gateway->GetRemoteIdentity();
    vpn->authenticator =
        std::make_shared<Ikev2PskAuthenticator>(resolved.ikePolicy->GetPreSharedKey());
    vpn->ikeProposals = Ikev2ProposalBuilder::BuildIke(resolved.ikeProposals);
    // The first Child SA takes its keys from the IKE SA: no D-H transform in IKE_AUTH.
    vpn->childProposals = Ikev2ProposalBuilder::BuildChild(resolved.ipsecProposals, nullptr);
    vpn->selectors = {{pairs.front().first, pairs.front().second}};
    vpn->dfBit = config.GetDfBit();
    vpn->natTraversal = !resolved.gateway->noNatTraversal;
    const Ikev2IpsecProposalConfig& lifetime = *resolved.ipsecProposals.front();
    vpn->childLifetime.hardTime = Seconds(lifetime.lifetimeSeconds);
    if (lifetime.lifetimeKilobytes)
    {
        vpn->childLifetime.hardBytes = *lifetime.lifetimeKilobytes * 1024;
    }
    vpn->ipsec = ipsec;
    if (!config.bindInterface.empty())
    {
        vpn->tunnel = ipsec->AddTunnelInterface();
        return vpn;
    }
    std::string error;
    for (IpsecDirection direction : {IpsecDirection::OUTBOUND, IpsecDirection::INBOUND})
    {
        Ptr<IpsecPolicy> policy = Create<IpsecPolicy>(config.name,
                                                      direction,
                                                      vpn->selectors.front().local,
                                                      vpn->selectors.front().remote,
                                                      IpsecPolicyAction::PROTECT);
        policy->SetTunnelEndpoints(vpn->localAddress, vpn->remoteAddress);
        if (ipsec->GetSpd()->Add(policy, &error) == 0)
        {
            throw std::invalid_argument(where + ", policy: " + error);
        }
        if (direction == IpsecDirection::OUTBOUND)
        {
            vpn->outboundPolicy = policy;
        }
    }
    return vpn;
}

} // namespace

Ikev2Helper::Ikev2Helper()
{
    m_daemonFactory.SetTypeId(Ikev2Daemon::GetTypeId());
}

void
Ikev2Helper::SetDaemonAttribute(const std::string& name, const AttributeValue& value)
{
    m_daemonFactory.Set(name, value);
}

Ptr<Ikev2Gateway>
Ikev2Helper::Install(Ptr<Node> node, const Ikev2Configuration& config, Time start) const
{
    NS_ABORT_MSG_IF(node->GetObject<Ikev2Gateway>(),
                    "IKE is already installed on node " << node->GetId());
    config.Validate();
    Ptr<IpsecL3Protocol> ipsec = IpsecHelper::Get(node);
    Ptr<Ikev2Daemon> daemon = m_daemonFactory.Create<Ikev2Daemon>();
    daemon->SetStartTime(start);
    node->AddApplication(daemon);
    Ptr<Ikev2Gateway> gateway = CreateObject<Ikev2Gateway>();
    gateway->SetDaemon(daemon);
    for (const auto& name : config.GetVpnNames())
    {
        const Ikev2ResolvedVpn resolved = config.ResolveVpn(name);
        gateway->AddVpn(MakePeer(resolved, ipsec), resolved.vpn->GetEstablishTunnels());
    }
    node->AggregateObject(gateway);
    return gateway;
}

namespace
{

/// \return a configuration with the shared proposals and policies of the options
Ikev2Configuration
SharedConfiguration(const Ikev2SiteToSiteOptions& options)
{
    Ikev2Configuration config;
    Ikev2IkeProposalConfig ikeProposal;
    ikeProposal.name = "ike-proposal";
    ikeProposal.authenticationMethod = "pre-shared-keys";
    ikeProposal.dhGroup = options.dhGroup;
    ikeProposal.encryptionAlgorithm = options.ikeEncryption;
    ikeProposal.authenticationAlgorithm = options.ikeAuthentication;
    config.AddIkeProposal(ikeProposal);
    Ikev2IkePolicyConfig ikePolicy;
    ikePolicy.name = "ike-policy";
    ikePolicy.proposals = {"ike-proposal"};
    ikePolicy.preSharedKeyAsciiText = options.preSharedKey;
    config.AddIkePolicy(ikePolicy);
    Ikev2IpsecProposalConfig ipsecProposal;
    ipsecProposal.name = "ipsec-proposal";
    ipsecProposal.encryptionAlgorithm = options.ipsecEncryption;
    ipsecProposal.authenticationAlgorithm = options.ipsecAuthentication;
    config.AddIpsecProposal(ipsecProposal);
    Ikev2IpsecPolicyConfig ipsecPolicy;
    ipsecPolicy.name = "ipsec-policy";
    ipsecPolicy.proposals = {"ipsec-proposal"};
    ipsecPolicy.perfectForwardSecrecyKeys = options.pfs;
    config.AddIpsecPolicy(ipsecPolicy);
    return config;
}

/// Adds an IKE gateway and a VPN (one traffic-selector pair) to a configuration.
void
AddPeerVpn(Ikev2Configuration* config,
           const std::string& vpnName,
           const IpsecIpAddress& localWan,
           const IpsecIpAddress& remoteWan,
           const std::string& localPrefix,
           const std::string& remotePrefix,
           const std::string& establish)
{
    Ikev2GatewayConfig gateway;
    gateway.name = vpnName + "-gateway";
    gateway.address = remoteWan.ToString();
    gateway.externalInterfaceAddress = localWan.ToString();
    gateway.ikePolicy = "ike-policy";
    config->AddGateway(gateway);
    Ikev2VpnConfig vpn;
    vpn.name = vpnName;
    vpn.ikeGateway = gateway.name;
    vpn.ipsecPolicy = "ipsec-policy";
    Ikev2TrafficSelectorConfig selector;
    selector.localIp = localPrefix;
    selector.remoteIp = remotePrefix;
    vpn.trafficSelectors = {selector};
    vpn.establishTunnels = establish;
    config->AddVpn(vpn);
}

} // namespace

Ikev2Configuration
Ikev2Helper::SiteToSite(const IpsecTwoSite& net,
                        uint32_t side,
                        const Ikev2SiteToSiteOptions& options)
{
    Ikev2Configuration config = SharedConfiguration(options);
    AddPeerVpn(&config,
               side == 0 ? "site-a-to-b" : "site-b-to-a",
               net.gatewayWanAddresses[side],
               net.gatewayWanAddresses[1 - side],
               net.sitePrefixes[side],
               net.sitePrefixes[1 - side],
               options.establishTunnels.at(side));
    return config;
}

Ikev2Configuration
Ikev2Helper::Hub(const IpsecHubAndSpoke& net, const Ikev2SiteToSiteOptions& options)
{
    Ikev2Configuration config = SharedConfiguration(options);
    for (uint32_t i = 0; i < net.spokes.GetN(); ++i)
    {
        AddPeerVpn(&config,
                   SpokeVpnName(i),
                   net.hubWanAddresses[i],
                   net.spokeWanAddresses[i],
                   net.hubSitePrefix,
                   net.spokeSitePrefixes[i],
                   options.establishTunnels[0]);
    }
    return config;
}

Ikev2Configuration
Ikev2Helper::Spoke(const IpsecHubAndSpoke& net,
                   uint32_t spoke,
                   const Ikev2SiteToSiteOptions& options)
{
    Ikev2Configuration config = SharedConfiguration(options);
    AddPeerVpn(&config,
               "to-hub",
               net.spokeWanAddresses.at(spoke),
               net.hubWanAddresses.at(spoke),
               net.spokeSitePrefixes.at(spoke),
               net.hubSitePrefix,
               options.establishTunnels[1]);
    return config;
}

void
Ikev2Helper::InstallHubAndSpoke(const IpsecHubAndSpoke& net,
                                const Ikev2SiteToSiteOptions& options,
                                Time spread,
                                int64_t stream) const
{
    IpsecHelper ipsec;
    ipsec.Install(NodeContainer(net.hub));
    ipsec.Install(net.spokes);
    stream += IpsecHelper::AssignStreams(NodeContainer(net.hub), stream);
    stream += IpsecHelper::AssignStreams(net.spokes, stream);
    stream += Install(net.hub, Hub(net, options))->GetDaemon()->AssignStreams(stream);
    const uint32_t spokes = net.spokes.GetN();
    for (uint32_t i = 0; i < spokes; ++i)
    {
        Ptr<Ikev2Gateway> spoke =
            Install(net.spokes.Get(i), Spoke(net, i, options), spread * double(i) / spokes);
        stream += spoke->GetDaemon()->AssignStreams(stream);
    }
}

std::string
Ikev2Helper::SpokeVpnName(uint32_t spoke)
{
    return "spoke-" + std::to_string(spoke);
}

Ptr<Ikev2Gateway>
Ikev2Helper::Get(Ptr<Node> node)
{
    Ptr<Ikev2Gateway> gateway = node->GetObject<Ikev2Gateway>();
    NS_ABORT_MSG_IF(!gateway, "node " << node->GetId() << " has no IKE: use Ikev2Helper::Install");
    return gateway;
}

uint32_t
Ikev2Helper::WriteWiresharkKeys(NodeContainer gateways, const std::string& folder)
{
    std::filesystem::create_directories(folder);
    IpsecHelper::WriteWiresharkKeys(gateways, folder + "/esp_sa");
    std::vector<Ikev2SaKeys> records;
    std::set<std::pair<uint64_t, uint64_t>> seen; // both peers know each IKE SA
    for (auto node = gateways.Begin(); node != gateways.End(); ++node)
    {
        for (const auto& keys : Get(*node)->GetIkeSaKeys())
        {
            if (seen.insert({keys.initiatorSpi, keys.responderSpi}).second)
            {
                records.push_back(keys);
            }
        }
    }
    Ikev2KeyExport::WriteDecryptionTable(records, folder + "/ikev2_decryption_table");
    return static_cast<uint32_t>(records.size());
}

} // namespace ns3
