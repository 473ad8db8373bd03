/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * IKE_SA_INIT between two daemons: both sides derive the same keys for every D-H group and IKE
 * transform set, the SK payload then works both ways, INVALID_KE_PAYLOAD makes the initiator
 * start over with the group the responder wants, and no common proposal ends both IKE SAs.
 */
#include "ns3/ikev2-config.h"
#include "ns3/ikev2-daemon.h"
#include "ns3/ikev2-nonce-payload.h"
#include "ns3/ikev2-proposal-builder.h"
#include "ns3/ikev2-sa-init-task.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{

/// A protected request and response with a nonce each: proves the SK payload works.
class PingTask : public Ikev2Task
{
  public:
    Ikev2ExchangeType GetExchangeType() const override
    {
        return Ikev2ExchangeType::INFORMATIONAL;
    }

    std::string GetName() const override
    {
        return "PING";
    }

    Ikev2TaskResult BuildRequest(Ikev2Sa&, Ikev2PayloadList* payloads) override
    {
        payloads->push_back(Create<Ikev2NoncePayload>(CryptoBytes(16, 0x5a)));
        return Ikev2TaskResult::Done();
    }

    Ikev2TaskResult ProcessResponse(Ikev2Sa&, const Ikev2PayloadList& payloads) override
    {
        return payloads.size() == 1 ? Ikev2TaskResult::Done()
                                    : Ikev2TaskResult::Failed("bad ping response");
    }

    Ikev2TaskResult ProcessRequest(Ikev2Sa&,
                                   const Ikev2PayloadList&,
                                   Ikev2PayloadList* response) override
    {
        response->push_back(Create<Ikev2NoncePayload>(CryptoBytes(16, 0xa5)));
        return Ikev2TaskResult::Done();
    }
};

/// An IKE proposal configuration.
Ikev2IkeProposalConfig
Proposal(const std::string& dhGroup,
         const std::string& encryption,
         const std::string& authentication)
{
    Ikev2IkeProposalConfig config;
    config.name = dhGroup + "-" + encryption;
    config.authenticationMethod = "pre-shared-keys";
    config.dhGroup = dhGroup;
    config.encryptionAlgorithm = encryption;
    config.authenticationAlgorithm = authentication;
    config.Validate();
    return config;
}

/// Two nodes with IKE daemons; node 1 answers IKE_SA_INIT with its proposals, and pings.
struct Peers
{
    NodeContainer nodes;
    Ptr<Ikev2Daemon> initiator;
    Ptr<Ikev2Daemon> responder;
    std::vector<Ikev2Proposal> responderProposals;
    std::vector<std::string> initiatorFailures;
    std::vector<std::string> responderFailures;

    Peers()
    {
        nodes.Create(2);
        InternetStackHelper().Install(nodes);
        PointToPointHelper link;
        link.SetChannelAttribute("Delay", StringValue("5ms"));
        Ipv4AddressHelper("10.0.0.0", "255.255.255.0").Assign(link.Install(nodes));
        initiator = CreateObject<Ikev2Daemon>();
        responder = CreateObject<Ikev2Daemon>();
        nodes.Get(0)->AddApplication(initiator);
        nodes.Get(1)->AddApplication(responder);
        initiator->AssignStreams(1);
        responder->AssignStreams(2);
        responder->SetResponderFactory(MakeCallback(&Peers::Answer, this));
        initiator->TraceConnectWithoutContext(
            "ExchangeFailed",
            MakeBoundCallback(&Peers::Record, &initiatorFailures));
        responder->TraceConnectWithoutContext(
            "ExchangeFailed",
            MakeBoundCallback(&Peers::Record, &responderFailures));
    }

    ~Peers()
    {
        Simulator::Destroy();
    }

    static void Record(std::vector<std::string>* failures,
                       uint64_t,
                       const std::string& exchange,
                       const std::string& reason)
    {
        failures->push_back(exchange + ": " + reason);
    }

    Ptr<Ikev2Task> Answer(Ptr<Ikev2Sa>, Ikev2ExchangeType exchange, const Ikev2PayloadList&)
    {
        if (exchange == Ikev2ExchangeType::IKE_SA_INIT)
        {
            return Create<Ikev2SaInitTask>(responderProposals, responder->GetRandom());
        }
        return Create<PingTask>();
    }

    /// Runs IKE_SA_INIT with the offer, then a ping; returns the initiator's IKE SA.
    Ptr<Ikev2Sa> Run(const std::vector<Ikev2Proposal>& offer)
    {
        Ptr<Ikev2Sa> sa;
        Simulator::Schedule(Seconds(1), [&]() {
            sa = initiator->Initiate(InetSocketAddress(Ipv4Address("10.0.0.2"), 500),
                                     Create<Ikev2SaInitTask>(offer, initiator->GetRandom()));
            initiator->QueueTask(sa, Create<PingTask>());
        });
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        return sa;
    }

    /// \return the responder's IKE SA (there must be exactly one)
    Ptr<Ikev2Sa> ResponderSa() const
    {
        return responder->GetSas().size() == 1 ? responder->GetSas().begin()->second : nullptr;
    }
};

} // namespace

TEST(Ikev2SaInit, BothSidesDeriveTheSameKeysForEveryGroupAndTransformSet)
{
    const std::vector<Ikev2IkeProposalConfig> configs = {
        Proposal("group1", "3des-cbc", "md5"),
        Proposal("group2", "aes-128-cbc", "sha1"),
        Proposal("group5", "aes-192-cbc", "sha-256"),
        Proposal("group14", "aes-256-cbc", "sha-256"),
        Proposal("group15", "aes-256-cbc", "sha-384"),
        Proposal("group16", "aes-256-cbc", "sha-512"),
        Proposal("group19", "aes-128-gcm", ""),
        Proposal("group20", "aes-256-gcm", ""),
        Proposal("group21", "aes-256-cbc", "sha-512"),
        Proposal("group24", "aes-128-cbc", "sha-256"),
    };
    for (const auto& config : configs)
    {
        SCOPED_TRACE(config.name);
        Peers peers;
        peers.responderProposals = {Ikev2ProposalBuilder::BuildIke(config)};
        Ptr<Ikev2Sa> sa = peers.Run({Ikev2ProposalBuilder::BuildIke(config)});
        Ptr<Ikev2Sa> peer = peers.ResponderSa();
        ASSERT_TRUE(sa && peer);
        EXPECT_TRUE(peers.initiatorFailures.empty())
            << (peers.initiatorFailures.empty() ? "" : peers.initiatorFailures.front());
        EXPECT_EQ(peers.initiator->GetCounters().exchangesCompleted, 2u) << "IKE_SA_INIT + ping";
        EXPECT_EQ(sa->GetKeys().skD.size(), config.GetPrf().outputBytes);
        EXPECT_EQ(sa->GetKeys().skD, peer->GetKeys().skD);
        EXPECT_EQ(sa->GetKeys().skEi, peer->GetKeys().skEi);
        EXPECT_EQ(sa->GetKeys().skAr, peer->GetKeys().skAr);
        EXPECT_EQ(sa->GetKeys().skPi, peer->GetKeys().skPi);
        EXPECT_NE(sa->GetKeys().skEi, sa->GetKeys().skEr);
        EXPECT_EQ(sa->GetAlgorithms().dhGroup, &config.GetDhGroup());
        EXPECT_EQ(sa->GetExchange().responderNonce.size(), Ikev2SaInitTask::NONCE_BYTES);
    }
}

TEST(Ikev2SaInit, InvalidKePayloadMakesTheInitiatorStartOverWithTheWantedGroup)
{
    Peers peers;
    const Ikev2IkeProposalConfig modp = Proposal("group14", "aes-128-cbc", "sha-256");
    const Ikev2IkeProposalConfig ecp = Proposal("group19", "aes-128-cbc", "sha-256");
    peers.responderProposals = {Ikev2ProposalBuilder::BuildIke(ecp)};
    Ptr<Ikev2Sa> sa = peers.Run(Ikev2ProposalBuilder::BuildIke({&modp, &ecp}));
    ASSERT_TRUE(sa);
    EXPECT_EQ(sa->GetState(), Ikev2SaState::CONNECTING) << "no IKE_AUTH task here";
    EXPECT_EQ(sa->GetAlgorithms().dhGroup->transformId, 19);
    EXPECT_EQ(peers.initiator->GetCounters().exchangesCompleted, 2u);
    ASSERT_EQ(peers.responderFailures.size(), 1u);
    EXPECT_EQ(peers.responderFailures[0],
              "IKE_SA_INIT: INVALID_KE_PAYLOAD: asked for D-H group 19");
    ASSERT_TRUE(peers.ResponderSa()) << "the first attempt's responder IKE SA is gone";
    EXPECT_EQ(sa->GetKeys().skD, peers.ResponderSa()->GetKeys().skD);
    EXPECT_EQ(peers.initiator->GetCounters().requestsSent, 3u) << "two IKE_SA_INIT and a ping";
}

TEST(Ikev2SaInit, NoCommonProposalEndsBothIkeSas)
{
    Peers peers;
    peers.responderProposals = {
        Ikev2ProposalBuilder::BuildIke(Proposal("group20", "aes-256-gcm", ""))};
    Ptr<Ikev2Sa> sa =
        peers.Run({Ikev2ProposalBuilder::BuildIke(Proposal("group2", "3des-cbc", "sha1"))});
    ASSERT_TRUE(sa);
    EXPECT_EQ(sa->GetState(), Ikev2SaState::DEAD);
    ASSERT_EQ(peers.initiatorFailures.size(), 1u);
    EXPECT_EQ(peers.initiatorFailures[0], "IKE_SA_INIT: peer answered NO_PROPOSAL_CHOSEN");
    EXPECT_TRUE(peers.initiator->GetSas().empty());
    EXPECT_TRUE(peers.responder->GetSas().empty());
    EXPECT_EQ(peers.initiator->GetCounters().retransmissions, 0u);
}
