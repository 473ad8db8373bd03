/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-helper.h"

#include "ns3/ipsec-key-export.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/virtual-net-device.h"

#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecHelper");

namespace
{

/// Wraps configuration errors so that they name the VPN and the field.
[[noreturn]] void
Fail(const IpsecManualSaConfig& config, const std::string& field, const std::string& problem)
{
    throw std::invalid_argument("manual VPN '" + config.name + "', " + field + ": " + problem);
}

IpsecIpAddress
ParseAddress(const IpsecManualSaConfig& config, const std::string& field, const std::string& text)
{
    IpsecIpAddress address;
    std::string error;
    if (!IpsecIpAddress::Parse(text, &address, &error))
    {
        Fail(config, field, error);
    }
    return address;
}

IpsecTrafficSelector
ParseSelector(const IpsecManualSaConfig& config, const std::string& field, const std::string& text)
{
    IpsecTrafficSelector selector;
    std::string error;
    if (!IpsecTrafficSelector::FromPrefix(text, &selector, &error))
    {
        Fail(config, field, error);
    }
    return selector;
}

CryptoBytes
ParseKey(const IpsecManualSaConfig& config, const std::string& field, const std::string& text)
{
    try
    {
        return CryptoFromHex(text);
    }
    catch (const std::invalid_argument& error)
    {
        Fail(config, field, error.what());
    }
}

/// One direction's SA of a manual VPN. In a bundle, ESP encrypts and AH authenticates.
Ptr<IpsecSa>
MakeSa(const IpsecManualSaConfig& config,
       IpsecProtocol protocol,
       IpsecDirection direction,
       const IpsecIpAddress& local,
       const IpsecIpAddress& remote,
       const IpsecTrafficSelector& localSelector,
       const IpsecTrafficSelector& remoteSelector)
{
    IpsecSa::Config sa;
    const bool outbound = direction == IpsecDirection::OUTBOUND;
    const bool bundle = config.protocol == IpsecProtocol::BUNDLE;
    sa.name = config.name + (bundle ? (protocol == IpsecProtocol::AH ? " ah" : " esp") : "") +
              (outbound ? " out" : " in");
    sa.spi = config.spi;
    sa.protocol = protocol;
    sa.direction = direction;
    sa.mode = config.mode;
    sa.source = outbound ? local : remote;
    sa.destination = outbound ? remote : local;
    const bool encrypts = protocol == IpsecProtocol::ESP;
    const bool authenticates = protocol == IpsecProtocol::AH || !bundle;
    try
    {
        if (encrypts)
        {
            sa.encryption = &CryptoAlgorithmTable::GetEncryption(config.encryption, "encryption");
            sa.encryptionKey = ParseKey(config, "encryption key", config.encryptionKey);
        }
        if (authenticates && !config.authentication.empty())
        {
            sa.integrity =
                &CryptoAlgorithmTable::GetIntegrity(config.authentication, "authentication");
            sa.integrityKey = ParseKey(config, "authentication key", config.authenticationKey);
        }
    }
    catch (const std::invalid_argument& error)
    {
        Fail(config, "algorithm", error.what());
    }
    sa.extendedSequenceNumbers = config.extendedSequenceNumbers;
    sa.replayWindowSize = config.replayWindowSize;
    sa.dfBit = config.dfBit;
    sa.lifetime = config.lifetime;
    sa.localSelector = localSelector;
    sa.remoteSelector = remoteSelector;
    return Create<IpsecSa>(sa);
}

} // namespace

IpsecHelper::IpsecHelper()
{
    m_factory.SetTypeId(IpsecL3Protocol::GetTypeId());
}

void
IpsecHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
IpsecHelper::Install(NodeContainer nodes) const
{
    for (auto node = nodes.Begin(); node != nodes.End(); ++node)
    {
        NS_ABORT_MSG_IF((*node)->GetObject<IpsecL3Protocol>(),
                        "IPsec is already installed on node " << (*node)->GetId());
        NS_ABORT_MSG_IF(!(*node)->GetObject<Ipv4>(),
                        "node " << (*node)->GetId()
                                << " has no IPv4 stack: install the internet stack first");
        (*node)->AggregateObject(m_factory.Create<IpsecL3Protocol>());
    }
}

Ptr<IpsecL3Protocol>
IpsecHelper::Get(Ptr<Node> node)
{
    Ptr<IpsecL3Protocol> ipsec = node->GetObject<IpsecL3Protocol>();
    NS_ABORT_MSG_IF(!ipsec, "node " << node->GetId() << " has no IPsec: use IpsecHelper::Install");
    return ipsec;
}

int64_t
IpsecHelper::AssignStreams(NodeContainer nodes, int64_t stream)
{
    int64_t used = 0;
    for (auto node = nodes.Begin(); node != nodes.End(); ++node)
    {
        used += Get(*node)->AssignStreams(stream + used);
    }
    return used;
}

IpsecManualSaResult
IpsecHelper::AddManualSa(Ptr<Node> gateway, const IpsecManualSaConfig& config)
{
    Ptr<IpsecL3Protocol> ipsec = Get(gateway);
    const IpsecIpAddress local = ParseAddress(config, "local gateway", config.localGateway);
    const IpsecIpAddress remote = ParseAddress(config, "remote gateway", config.remoteGateway);
    if (!local.IsIpv4() || !remote.IsIpv4())
    {
        Fail(config, "gateway", "only IPv4 gateways are implemented so far");
    }
    const IpsecTrafficSelector localSelector =
        ParseSelector(config, "local traffic selector", config.localTrafficSelector);
    const IpsecTrafficSelector remoteSelector =
        ParseSelector(config, "remote traffic selector", config.remoteTrafficSelector);

    IpsecManualSaResult result;
    // A bundle is ESP inside AH (RFC 4301 section 4.5): innermost first.
    std::vector<IpsecProtocol> protocols = {config.protocol};
    if (config.protocol == IpsecProtocol::BUNDLE)
    {
        protocols = {IpsecProtocol::ESP, IpsecProtocol::AH};
    }
    for (IpsecProtocol protocol : protocols)
    {
        for (IpsecDirection direction : {IpsecDirection::OUTBOUND, IpsecDirection::INBOUND})
        {
            Ptr<IpsecSa> sa =
                MakeSa(config, protocol, direction, local, remote, localSelector, remoteSelector);
            (direction == IpsecDirection::OUTBOUND ? result.outboundSas : result.inboundSas)
                .push_back(sa);
        }
    }
    result.outboundSa = result.outboundSas.front();
    result.inboundSa = result.inboundSas.front();

    result.inboundPolicy = Create<IpsecPolicy>(config.name,
                                               IpsecDirection::INBOUND,
                                               localSelector,
                                               remoteSelector,
                                               IpsecPolicyAction::PROTECT);
    result.inboundPolicy->SetProtocol(config.protocol);
    result.inboundPolicy->SetMode(config.mode);
    std::string error;
    if (config.mode == IpsecMode::TUNNEL)
    {
        result.inboundPolicy->SetTunnelEndpoints(local, remote);
    }
    if (ipsec->GetSpd()->Add(result.inboundPolicy, &error) == 0)
    {
        Fail(config, "policy", error);
    }
    if (config.routeBased)
    {
        result.tunnel = ipsec->AddTunnelInterface();
        ipsec->BindOutboundToTunnel(result.tunnel, result.outboundSas);
    }
    else
    {
        result.outboundPolicy = Create<IpsecPolicy>(config.name,
                                                    IpsecDirection::OUTBOUND,
                                                    localSelector,
                                                    remoteSelector,
                                                    IpsecPolicyAction::PROTECT);
        result.outboundPolicy->SetProtocol(config.protocol);
        result.outboundPolicy->SetMode(config.mode);
        if (config.mode == IpsecMode::TUNNEL)
        {
            result.outboundPolicy->SetTunnelEndpoints(local, remote);
        }
        if (ipsec->GetSpd()->Add(result.outboundPolicy, &error) == 0)
        {
            Fail(config, "policy", error);
        }
        ipsec->BindOutboundToPolicy(result.outboundPolicy, result.outboundSas);
        result.tunnel = ipsec->GetDefaultTunnelInterface();
    }
    for (const auto& sa : result.inboundSas)
    {
        ipsec->InstallInbound(sa, result.tunnel);
    }
    return result;
}

IpsecManualSaConfig
IpsecHelper::Mirror(const IpsecManualSaConfig& config)
{
    IpsecManualSaConfig peer = config;
    std::swap(peer.localGateway, peer.remoteGateway);
    std::swap(peer.localTrafficSelector, peer.remoteTrafficSelector);
    return peer;
}

uint32_t
IpsecHelper::WriteWiresharkKeys(NodeContainer nodes, const std::string& path)
{
    std::vector<Ptr<IpsecSa>> sas;
    for (auto node = nodes.Begin(); node != nodes.End(); ++node)
    {
        for (const auto& sa : Get(*node)->GetSad()->GetAll())
        {
            if (sa->GetConfig().direction == IpsecDirection::OUTBOUND)
            {
                sas.push_back(sa);
            }
        }
    }
    return IpsecKeyExport::WriteEspSaTable(sas, path);
}

} // namespace ns3
