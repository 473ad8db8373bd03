/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * IKEv2 end to end on the two-site network: IKE_SA_INIT and IKE_AUTH with a pre-shared key
 * between the gateways' daemons, the negotiated Child SAs installed into both data planes, and
 * the sites' traffic flowing through them; a wrong key or identity leaves no VPN.
 */
#include "ipsec-test-selectors.h"
#include "ipsec-two-site-network.h"

#include "ns3/ikev2-auth-task.h"
#include "ns3/ikev2-config.h"
#include "ns3/ikev2-daemon.h"
#include "ns3/ikev2-ipsec-config.h"
#include "ns3/ikev2-proposal-builder.h"
#include "ns3/ikev2-psk-authenticator.h"
#include "ns3/ikev2-sa-init-task.h"
#include "ns3/inet-socket-address.h"

#include <gtest/gtest.h>

using namespace ns3;
using ns3::test::TwoSiteNetwork;

namespace
{

constexpr uint8_t UDP = 17;
constexpr uint8_t ESP = 50;

/// One gateway's IKE side of the site-to-site VPN.
struct Gateway
{
    Ptr<Ikev2VpnPeer> vpn;
    Ptr<Ikev2Daemon> daemon;
    std::vector<std::string> failures;
    std::vector<Ptr<Ikev2AuthTask>> authTasks;

    Ptr<Ikev2Task> Answer(Ptr<Ikev2Sa>, Ikev2ExchangeType exchange, const Ikev2PayloadList&)
    {
        if (exchange == Ikev2ExchangeType::IKE_SA_INIT)
        {
            return Create<Ikev2SaInitTask>(vpn->ikeProposals, daemon->GetRandom());
        }
        if (exchange == Ikev2ExchangeType::IKE_AUTH)
        {
            authTasks.push_back(Create<Ikev2AuthTask>(vpn, daemon->GetRandom()));
            return authTasks.back();
        }
        return nullptr;
    }

    void Failed(uint64_t, const std::string& exchange, const std::string& reason)
    {
        failures.push_back(exchange + ": " + reason);
    }
};

/**
 * \brief Sets up gateway i (0: gwA, 1: gwB): PROTECT policies without SAs, the VPN peer and
 * the daemon.
 */
void
SetUpGateway(TwoSiteNetwork& net,
             uint32_t i,
             Gateway* gateway,
             const std::string& psk,
             const std::string& remoteIdentity = "")
{
    const IpsecTwoSite& site = net.Net();
    Ptr<Ikev2VpnPeer> vpn = Create<Ikev2VpnPeer>();
    vpn->name = i == 0 ? "to-b" : "to-a";
    vpn->localAddress = site.gatewayWanAddresses[i];
    vpn->remoteAddress = site.gatewayWanAddresses[1 - i];
    vpn->localIdentity = Ikev2Identity::FromAddress(vpn->localAddress);
    vpn->remoteIdentity = remoteIdentity.empty()
                              ? Ikev2Identity::FromAddress(vpn->remoteAddress)
                              : Ikev2Identity::Parse(remoteIdentity, "remote-identity");
    vpn->authenticator =
        std::make_shared<Ikev2PskAuthenticator>(CryptoBytes(psk.begin(), psk.end()));
    Ikev2IkeProposalConfig ike;
    ike.name = "ike";
    ike.authenticationMethod = "pre-shared-keys";
    ike.dhGroup = "group19";
    ike.encryptionAlgorithm = "aes-256-cbc";
    ike.authenticationAlgorithm = "sha-256";
    ike.Validate();
    vpn->ikeProposals = {Ikev2ProposalBuilder::BuildIke(ike)};
    Ikev2IpsecProposalConfig esp;
    esp.name = "esp";
    esp.encryptionAlgorithm = "aes-128-gcm";
    esp.Validate();
    vpn->childProposals = {Ikev2ProposalBuilder::BuildChild(esp, nullptr)};
    const IpsecTrafficSelector local = ns3::test::Prefix(site.sitePrefixes[i]);
    const IpsecTrafficSelector remote = ns3::test::Prefix(site.sitePrefixes[1 - i]);
    vpn->selectors = {{local, remote}};
    vpn->ipsec = i == 0 ? net.IpsecA() : net.IpsecB();
    std::string error;
    for (IpsecDirection direction : {IpsecDirection::OUTBOUND, IpsecDirection::INBOUND})
    {
        Ptr<IpsecPolicy> policy =
            Create<IpsecPolicy>(vpn->name, direction, local, remote, IpsecPolicyAction::PROTECT);
        policy->SetTunnelEndpoints(vpn->localAddress, vpn->remoteAddress);
        ASSERT_NE(vpn->ipsec->GetSpd()->Add(policy, &error), 0u) << error;
        if (direction == IpsecDirection::OUTBOUND)
        {
            vpn->outboundPolicy = policy;
        }
    }
    gateway->vpn = vpn;
    gateway->daemon = CreateObject<Ikev2Daemon>();
    net.gateways.Get(i)->AddApplication(gateway->daemon);
    gateway->daemon->AssignStreams(500 + 10 * i);
    gateway->daemon->SetResponderFactory(MakeCallback(&Gateway::Answer, gateway));
    gateway->daemon->TraceConnectWithoutContext("ExchangeFailed",
                                                MakeCallback(&Gateway::Failed, gateway));
}

/// gwA initiates at 0.5 s (IKE_SA_INIT, then IKE_AUTH).
Ptr<Ikev2Sa>*
InitiateFromA(Gateway* a, const IpsecTwoSite& site)
{
    static Ptr<Ikev2Sa> sa;
    sa = nullptr;
    Simulator::Schedule(Seconds(0.5), [a, &site]() {
        sa = a->daemon->Initiate(
            InetSocketAddress(site.gatewayWanAddresses[1].GetIpv4(), Ikev2Daemon::IKE_PORT),
            Create<Ikev2SaInitTask>(a->vpn->ikeProposals, a->daemon->GetRandom()));
        a->daemon->QueueTask(sa, Create<Ikev2AuthTask>(a->vpn, a->daemon->GetRandom()));
    });
    return &sa;
}

} // namespace

TEST(Ikev2Tunnel, PskNegotiatedChildSasCarryTheSitesTraffic)
{
    TwoSiteNetwork net;
    Gateway a;
    Gateway b;
    SetUpGateway(net, 0, &a, "junos-psk");
    SetUpGateway(net, 1, &b, "junos-psk");
    Ptr<Ikev2Sa>* sa = InitiateFromA(&a, net.Net());
    const uint32_t flow =
        net.AddUdpFlow(net.hosts.Get(0), net.hosts.Get(1), net.Net().HostAddress(1), 9000, 20, 400);
    net.Run(Seconds(4));
    EXPECT_TRUE(a.failures.empty()) << (a.failures.empty() ? "" : a.failures.front());
    EXPECT_TRUE(b.failures.empty()) << (b.failures.empty() ? "" : b.failures.front());
    ASSERT_TRUE(*sa);
    EXPECT_EQ((*sa)->GetState(), Ikev2SaState::ESTABLISHED);
    ASSERT_EQ(b.daemon->GetSas().size(), 1u);
    EXPECT_EQ(b.daemon->GetSas().begin()->second->GetState(), Ikev2SaState::ESTABLISHED);
    EXPECT_EQ(net.Received(flow), 20u);
    EXPECT_EQ(net.WanProtocols().count(UDP) ? net.WanProtocols().at(UDP) : 0, 4u)
        << "only the four IKE messages travel as UDP";
    EXPECT_EQ(net.WanProtocols().at(ESP), 20u);
    // The Child SAs are a matching pair: gwA's outbound is gwB's inbound.
    ASSERT_EQ(b.authTasks.size(), 1u);
    Ptr<IpsecSa> bIn = b.authTasks[0]->GetChildSas().inbound;
    Ptr<IpsecSa> aOut = net.IpsecA()->GetSad()->FindInbound(net.Net().gatewayWanAddresses[1],
                                                            IpsecProtocol::ESP,
                                                            bIn->GetSpi());
    ASSERT_TRUE(bIn);
    EXPECT_EQ(bIn->GetCounters().packets, 20u);
    EXPECT_EQ(aOut, nullptr) << "gwA's outbound SA is not an inbound one";
    EXPECT_EQ(bIn->GetConfig().encryptionKey.size(), 20u) << "aes-128-gcm key and salt";
}

TEST(Ikev2Tunnel, AWrongPreSharedKeyOrIdentityLeavesNoVpn)
{
    for (const bool wrongKey : {true, false})
    {
        SCOPED_TRACE(wrongKey ? "wrong pre-shared key" : "unexpected identity");
        TwoSiteNetwork net;
        Gateway a;
        Gateway b;
        SetUpGateway(net, 0, &a, "junos-psk");
        SetUpGateway(net,
                     1,
                     &b,
                     wrongKey ? "other-psk" : "junos-psk",
                     wrongKey ? "" : "hostname gw-a.example.net");
        Ptr<Ikev2Sa>* sa = InitiateFromA(&a, net.Net());
        const uint32_t flow = net.AddUdpFlow(net.hosts.Get(0),
                                             net.hosts.Get(1),
                                             net.Net().HostAddress(1),
                                             9000,
                                             10,
                                             400);
        net.Run(Seconds(4));
        ASSERT_TRUE(*sa);
        EXPECT_EQ((*sa)->GetState(), Ikev2SaState::DEAD);
        EXPECT_TRUE(a.daemon->GetSas().empty());
        EXPECT_TRUE(b.daemon->GetSas().empty());
        ASSERT_EQ(a.failures.size(), 1u);
        EXPECT_EQ(a.failures[0], "IKE_AUTH: peer answered AUTHENTICATION_FAILED");
        ASSERT_EQ(b.failures.size(), 1u);
        EXPECT_NE(b.failures[0].find(wrongKey ? "AUTH payload does not verify"
                                              : "is not the configured remote identity"),
                  std::string::npos)
            << b.failures[0];
        EXPECT_EQ(net.Received(flow), 0u);
        EXPECT_EQ(net.WanProtocols().count(ESP), 0u);
    }
}
