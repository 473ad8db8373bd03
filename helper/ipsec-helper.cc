/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-helper.h"

#include "ns3/ipsec-ipv4-routing.h"
#include "ns3/ipsec-ipv6-routing.h"
#include "ns3/ipsec-key-export.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/ipv6.h"
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
    if (config.udpEncapsulation)
    {
        sa.encapsulationSourcePort = IpsecL3Protocol::NAT_T_PORT;
        sa.encapsulationDestinationPort = IpsecL3Protocol::NAT_T_PORT;
    }
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
        NS_ABORT_MSG_IF(!(*node)->GetObject<Ipv4>() && !(*node)->GetObject<Ipv6>(),
                        "node " << (*node)->GetId()
                                << " has no IP stack: install the internet stack first");
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
    if (local.GetFamily() != remote.GetFamily())
    {
        Fail(config,
             "gateway",
             "local gateway " + config.localGateway + " and remote gateway " +
                 config.remoteGateway + " are of different address families");
    }
    const IpsecTrafficSelector localSelector =
        ParseSelector(config, "local traffic selector", config.localTrafficSelector);
    const IpsecTrafficSelector remoteSelector =
        ParseSelector(config, "remote traffic selector", config.remoteTrafficSelector);
    if (localSelector.GetFamily() != remoteSelector.GetFamily())
    {
        Fail(config,
             "traffic selector",
             "local " + config.localTrafficSelector + " and remote " +
                 config.remoteTrafficSelector + " are of different address families");
    }
    if (config.mode == IpsecMode::TRANSPORT && localSelector.GetFamily() != local.GetFamily())
    {
        // Transport mode keeps the packet's own header (RFC 4301 section 4.1).
        Fail(config,
             "traffic selector",
             "transport mode protects the gateways' own traffic, but selector " +
                 config.localTrafficSelector + " is not of the family of gateway " +
                 config.localGateway + " (4in6 and 6in4 need tunnel mode)");
    }

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

namespace
{

/// \param inner a routing protocol \return the static routing it is or holds, or nullptr
template <typename Static, typename List, typename Protocol>
Ptr<Static>
FindStaticRouting(Ptr<Protocol> inner)
{
    if (Ptr<Static> direct = DynamicCast<Static>(inner))
    {
        return direct;
    }
    if (Ptr<List> list = DynamicCast<List>(inner))
    {
        for (uint32_t i = 0; i < list->GetNRoutingProtocols(); ++i)
        {
            int16_t priority = 0;
            if (Ptr<Static> found = DynamicCast<Static>(list->GetRoutingProtocol(i, priority)))
            {
                return found;
            }
        }
    }
    return nullptr;
}

} // namespace

void
IpsecHelper::AddTunnelRoute(Ptr<Node> node, Ptr<NetDevice> tunnel, const std::string& prefix)
{
    Get(node);
    IpsecTrafficSelector selector;
    std::string error;
    if (!IpsecTrafficSelector::FromPrefix(prefix, &selector, &error))
    {
        throw std::invalid_argument("tunnel route " + prefix + ": " + error);
    }
    const IpsecIpAddress network = selector.GetStartAddress();
    const uint8_t length = static_cast<uint8_t>(std::stoi(prefix.substr(prefix.find('/') + 1)));
    const std::string where =
        "tunnel route " + prefix + " on node " + std::to_string(node->GetId()) + ": ";
    if (network.IsIpv6())
    {
        Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
        Ptr<IpsecIpv6Routing> hook =
            ipv6 ? DynamicCast<IpsecIpv6Routing>(ipv6->GetRoutingProtocol()) : nullptr;
        Ptr<Ipv6StaticRouting> routing =
            hook ? FindStaticRouting<Ipv6StaticRouting, Ipv6ListRouting>(hook->GetInner())
                 : nullptr;
        if (!routing)
        {
            throw std::invalid_argument(where + "the node has no IPv6 static routing");
        }
        routing->AddNetworkRouteTo(network.GetIpv6(),
                                   Ipv6Prefix(length),
                                   ipv6->GetInterfaceForDevice(tunnel));
        return;
    }
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    Ptr<IpsecIpv4Routing> hook =
        ipv4 ? DynamicCast<IpsecIpv4Routing>(ipv4->GetRoutingProtocol()) : nullptr;
    Ptr<Ipv4StaticRouting> routing =
        hook ? FindStaticRouting<Ipv4StaticRouting, Ipv4ListRouting>(hook->GetInner()) : nullptr;
    if (!routing)
    {
        throw std::invalid_argument(where + "the node has no IPv4 static routing");
    }
    routing->AddNetworkRouteTo(network.GetIpv4(),
                               Ipv4Mask(("/" + std::to_string(length)).c_str()),
                               ipv4->GetInterfaceForDevice(tunnel));
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
