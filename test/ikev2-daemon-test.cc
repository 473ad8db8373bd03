/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The IKEv2 daemon's exchange engine in small simulations: SPIs, message IDs, retransmission
 * with back-off, giving up, cached responses to retransmitted requests, the SK payload once an
 * IKE SA has keys, and drops of what does not belong. The exchanges are test tasks; the real
 * IKE_SA_INIT and IKE_AUTH tasks have their own tests.
 */
#include "ipsec-test-wan-tap.h"

#include "ns3/crypto-bytes.h"
#include "ns3/ikev2-daemon.h"
#include "ns3/ikev2-nonce-payload.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>

using namespace ns3;
using ns3::test::DropFirstErrorModel;

namespace
{

/// A fixed SK protection for both directions (keys of the test, not negotiated).
Ptr<Ikev2MessageProtection>
TestProtection(uint8_t seed)
{
    CryptoBytes key(36, seed); // aes-256-gcm: 32-byte key and 4-byte salt
    auto counter = std::make_shared<uint64_t>(0);
    return Ikev2MessageProtection::FromNames("aes-256-gcm",
                                             key,
                                             "",
                                             {},
                                             [counter](uint8_t* iv, size_t size) {
                                                 for (size_t i = 0; i < size; ++i)
                                                 {
                                                     iv[i] = static_cast<uint8_t>(*counter >>
                                                                                  (8 * (i % 8)));
                                                 }
                                                 ++*counter;
                                             });
}

/**
 * A test exchange: the initiator sends a nonce, the responder answers with its own. With
 * keysAfter, both sides switch the SK payload on afterwards, as IKE_SA_INIT does.
 */
class NonceTask : public Ikev2Task
{
  public:
    NonceTask(Ikev2ExchangeType exchange, bool keysAfter, uint32_t* responderCalls)
        : m_exchange(exchange),
          m_keysAfter(keysAfter),
          m_responderCalls(responderCalls)
    {
    }

    Ikev2ExchangeType GetExchangeType() const override
    {
        return m_exchange;
    }

    std::string GetName() const override
    {
        return m_exchange == Ikev2ExchangeType::IKE_SA_INIT ? "TEST_INIT" : "TEST_INFO";
    }

    Ikev2TaskResult BuildRequest(Ikev2Sa& sa, Ikev2PayloadList* payloads) override
    {
        payloads->push_back(Create<Ikev2NoncePayload>(CryptoBytes(16, 0x11)));
        return Ikev2TaskResult::Done();
    }

    Ikev2TaskResult ProcessResponse(Ikev2Sa& sa, const Ikev2PayloadList& payloads) override
    {
        if (payloads.size() != 1 || payloads[0]->GetType() != Ikev2PayloadType::NONCE)
        {
            return Ikev2TaskResult::Failed("no nonce in the response");
        }
        if (m_keysAfter)
        {
            sa.SetProtection(TestProtection(1), TestProtection(2));
        }
        return Ikev2TaskResult::Done();
    }

    Ikev2TaskResult ProcessRequest(Ikev2Sa& sa,
                                   const Ikev2PayloadList& request,
                                   Ikev2PayloadList* response) override
    {
        ++*m_responderCalls;
        response->push_back(Create<Ikev2NoncePayload>(CryptoBytes(16, 0x22)));
        if (m_keysAfter)
        {
            sa.SetProtection(TestProtection(2), TestProtection(1));
        }
        return Ikev2TaskResult::Done();
    }

  private:
    Ikev2ExchangeType m_exchange; //!< exchange type
    bool m_keysAfter;             //!< switch the SK payload on after the exchange
    uint32_t* m_responderCalls;   //!< counts ProcessRequest calls
};

/// Two nodes, 10.0.0.1 and 10.0.0.2, each with an IKE daemon; node 1 answers NonceTasks.
struct TwoDaemons
{
    NodeContainer nodes;
    NetDeviceContainer devices;
    Ptr<Ikev2Daemon> initiator;
    Ptr<Ikev2Daemon> responder;
    uint32_t responderCalls{0};
    std::vector<std::pair<Time, uint32_t>> retransmissions;
    std::vector<std::string> failures;
    std::vector<std::pair<Ikev2SaState, Ikev2SaState>> states;

    TwoDaemons()
    {
        nodes.Create(2);
        InternetStackHelper().Install(nodes);
        PointToPointHelper link;
        link.SetChannelAttribute("Delay", StringValue("10ms"));
        devices = link.Install(nodes);
        Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.0");
        addresses.Assign(devices);
        initiator = CreateObject<Ikev2Daemon>();
        responder = CreateObject<Ikev2Daemon>();
        nodes.Get(0)->AddApplication(initiator);
        nodes.Get(1)->AddApplication(responder);
        initiator->AssignStreams(10);
        responder->AssignStreams(20);
        responder->SetResponderFactory(MakeCallback(&TwoDaemons::Answer, this));
        initiator->TraceConnectWithoutContext("Retransmission",
                                              MakeCallback(&TwoDaemons::Retransmitted, this));
        initiator->TraceConnectWithoutContext("ExchangeFailed",
                                              MakeCallback(&TwoDaemons::Failed, this));
        initiator->TraceConnectWithoutContext("SaStateChanged",
                                              MakeCallback(&TwoDaemons::StateChanged, this));
    }

    ~TwoDaemons()
    {
        Simulator::Destroy();
    }

    Ptr<Ikev2Task> Answer(Ptr<Ikev2Sa>, Ikev2ExchangeType exchange, const Ikev2PayloadList&)
    {
        return Create<NonceTask>(exchange,
                                 exchange == Ikev2ExchangeType::IKE_SA_INIT,
                                 &responderCalls);
    }

    void Retransmitted(uint64_t, const std::string&, uint32_t count)
    {
        retransmissions.emplace_back(Simulator::Now(), count);
    }

    void Failed(uint64_t, const std::string&, const std::string& reason)
    {
        failures.push_back(reason);
    }

    void StateChanged(uint64_t, Ikev2SaState from, Ikev2SaState to)
    {
        states.emplace_back(from, to);
    }
};

/// Sends raw bytes from node 0 to node 1's port.
void
SendRaw(Ptr<Node> from, uint16_t port, CryptoBytes bytes)
{
    Ptr<Socket> socket = Socket::CreateSocket(from, UdpSocketFactory::GetTypeId());
    socket->Bind();
    socket->SendTo(Create<Packet>(bytes.data(), bytes.size()),
                   0,
                   InetSocketAddress(Ipv4Address("10.0.0.2"), port));
    socket->Close();
}

} // namespace

TEST(Ikev2Daemon, AnExchangeAssignsSpisAndCompletesOnBothSides)
{
    TwoDaemons net;
    Ptr<Ikev2Sa> sa;
    Simulator::Schedule(Seconds(1), [&]() {
        sa = net.initiator->Initiate(
            InetSocketAddress(Ipv4Address("10.0.0.2"), Ikev2Daemon::IKE_PORT),
            Create<NonceTask>(Ikev2ExchangeType::IKE_SA_INIT, false, &net.responderCalls));
    });
    Simulator::Stop(Seconds(10));
    Simulator::Run();
    ASSERT_TRUE(sa);
    EXPECT_EQ(net.initiator->GetCounters().requestsSent, 1u);
    EXPECT_EQ(net.initiator->GetCounters().responsesReceived, 1u);
    EXPECT_EQ(net.initiator->GetCounters().exchangesCompleted, 1u);
    EXPECT_EQ(net.initiator->GetCounters().retransmissions, 0u);
    EXPECT_EQ(net.responder->GetCounters().requestsReceived, 1u);
    EXPECT_EQ(net.responder->GetCounters().responsesSent, 1u);
    EXPECT_EQ(net.responderCalls, 1u);
    ASSERT_EQ(net.responder->GetSas().size(), 1u);
    Ptr<Ikev2Sa> peer = net.responder->GetSas().begin()->second;
    EXPECT_NE(sa->GetLocalSpi(), 0u);
    EXPECT_NE(peer->GetLocalSpi(), 0u);
    EXPECT_EQ(sa->GetPeerSpi(), peer->GetLocalSpi());
    EXPECT_EQ(peer->GetPeerSpi(), sa->GetLocalSpi());
    EXPECT_FALSE(sa->GetExchange().firstRequest.empty());
    EXPECT_EQ(sa->GetExchange().firstRequest, peer->GetExchange().firstRequest);
    EXPECT_EQ(sa->GetExchange().firstResponse, peer->GetExchange().firstResponse);
}

TEST(Ikev2Daemon, UnansweredRequestsAreRetransmittedWithBackOffUntilAnswered)
{
    TwoDaemons net;
    net.responder->SetStartTime(Seconds(5)); // not listening before 5 s
    Ptr<Ikev2Sa> sa;
    Simulator::Schedule(Seconds(1), [&]() {
        sa = net.initiator->Initiate(
            InetSocketAddress(Ipv4Address("10.0.0.2"), Ikev2Daemon::IKE_PORT),
            Create<NonceTask>(Ikev2ExchangeType::IKE_SA_INIT, false, &net.responderCalls));
    });
    Simulator::Stop(Seconds(20));
    Simulator::Run();
    // Sent at 1 s; again at 3 s (2 s timeout) and 7 s (4 s): the responder is up from 5 s.
    ASSERT_EQ(net.retransmissions.size(), 2u);
    EXPECT_EQ(net.retransmissions[0].first, Seconds(3));
    EXPECT_EQ(net.retransmissions[1].first, Seconds(7));
    EXPECT_EQ(net.initiator->GetCounters().exchangesCompleted, 1u);
    EXPECT_TRUE(net.failures.empty());
}

TEST(Ikev2Daemon, AnIkeSaIsAbandonedAfterTheLastRetransmission)
{
    TwoDaemons net;
    net.initiator->SetAttribute("MaxRetransmissions", UintegerValue(3));
    net.responder->SetStopTime(Seconds(0.5)); // never answers
    Ptr<Ikev2Sa> sa;
    Simulator::Schedule(Seconds(1), [&]() {
        sa = net.initiator->Initiate(
            InetSocketAddress(Ipv4Address("10.0.0.2"), Ikev2Daemon::IKE_PORT),
            Create<NonceTask>(Ikev2ExchangeType::IKE_SA_INIT, false, &net.responderCalls));
    });
    Simulator::Stop(Seconds(60));
    Simulator::Run();
    // 1 s, then 3, 7 and 15 s; given up at 31 s.
    ASSERT_EQ(net.retransmissions.size(), 3u);
    EXPECT_EQ(net.retransmissions[2].first, Seconds(15));
    ASSERT_EQ(net.failures.size(), 1u);
    EXPECT_EQ(net.failures[0], "no response after 3 retransmissions");
    EXPECT_EQ(sa->GetState(), Ikev2SaState::DEAD);
    EXPECT_EQ(net.initiator->GetCounters().sasAbandoned, 1u);
    EXPECT_TRUE(net.initiator->GetSas().empty());
    ASSERT_EQ(net.states.size(), 1u);
    EXPECT_EQ(net.states[0].second, Ikev2SaState::DEAD);
}

TEST(Ikev2Daemon, ARetransmittedRequestGetsTheCachedResponseNotASecondProcessing)
{
    TwoDaemons net;
    Ptr<DropFirstErrorModel> loss = CreateObject<DropFirstErrorModel>();
    loss->SetDrops(1); // the first response is lost on its way to the initiator
    net.devices.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(loss));
    Simulator::Schedule(Seconds(1), [&]() {
        net.initiator->Initiate(
            InetSocketAddress(Ipv4Address("10.0.0.2"), Ikev2Daemon::IKE_PORT),
            Create<NonceTask>(Ikev2ExchangeType::IKE_SA_INIT, false, &net.responderCalls));
    });
    Simulator::Stop(Seconds(10));
    Simulator::Run();
    EXPECT_EQ(net.initiator->GetCounters().retransmissions, 1u);
    EXPECT_EQ(net.initiator->GetCounters().exchangesCompleted, 1u);
    EXPECT_EQ(net.responderCalls, 1u) << "RFC 7296 section 2.1: the request is not processed twice";
    EXPECT_EQ(net.responder->GetCounters().responsesResent, 1u);
    EXPECT_EQ(net.responder->GetSas().size(), 1u) << "no second IKE SA for the retransmission";
}

TEST(Ikev2Daemon, LaterExchangesUseTheSkPayloadAndTheNextMessageIds)
{
    TwoDaemons net;
    Ptr<Ikev2Sa> sa;
    Simulator::Schedule(Seconds(1), [&]() {
        sa = net.initiator->Initiate(
            InetSocketAddress(Ipv4Address("10.0.0.2"), Ikev2Daemon::IKE_PORT),
            Create<NonceTask>(Ikev2ExchangeType::IKE_SA_INIT, true, &net.responderCalls));
        for (int i = 0; i < 3; ++i)
        {
            net.initiator->QueueTask(
                sa,
                Create<NonceTask>(Ikev2ExchangeType::INFORMATIONAL, false, &net.responderCalls));
        }
    });
    std::vector<CryptoBytes> wire;
    net.devices.Get(0)->TraceConnectWithoutContext(
        "MacTx",
        MakeBoundCallback(
            +[](std::vector<CryptoBytes>* wire, Ptr<const Packet> frame) {
                CryptoBytes bytes(frame->GetSize());
                frame->CopyData(bytes.data(), bytes.size());
                wire->push_back(bytes);
            },
            &wire));
    Simulator::Stop(Seconds(10));
    Simulator::Run();
    EXPECT_EQ(net.initiator->GetCounters().exchangesCompleted, 4u);
    EXPECT_EQ(net.responder->GetCounters().exchangesCompleted, 4u);
    EXPECT_EQ(net.responder->GetCounters().drops,
              (std::array<uint64_t, IKEV2_DROP_REASON_COUNT>{}));
    ASSERT_EQ(wire.size(), 4u);
    // PPP (2) + IPv4 (20) + UDP (8): the IKE header's next payload is byte 16, the message ID
    // bytes 20 to 23.
    const size_t ike = 2 + 20 + 8;
    for (uint32_t i = 0; i < 4; ++i)
    {
        const CryptoBytes& message = wire[i];
        EXPECT_EQ(message[ike + 16], i == 0 ? 40 : 46) << "Nonce in the clear, then SK";
        EXPECT_EQ(message[ike + 23], i);
    }
}

TEST(Ikev2Daemon, WhatDoesNotBelongIsDroppedWithAReason)
{
    TwoDaemons net;
    CryptoBytes garbage(40, 0);
    garbage[17] = 0x20; // IKEv2, but the Length field (0) is not the datagram's
    Simulator::Schedule(Seconds(1), &SendRaw, net.nodes.Get(0), 500, garbage);
    Simulator::Schedule(Seconds(1.1), &SendRaw, net.nodes.Get(0), 4500, CryptoBytes(40, 0xab));
    // A well-formed response for an IKE SA the responder does not have.
    Ikev2Message stray;
    stray.GetHeader().SetInitiatorSpi(0x1111);
    stray.GetHeader().SetResponderSpi(0x2222);
    stray.GetHeader().SetExchangeType(Ikev2ExchangeType::INFORMATIONAL);
    stray.GetHeader().SetResponse(true);
    Simulator::Schedule(Seconds(1.2), &SendRaw, net.nodes.Get(0), 500, stray.Serialize());
    // IKEv1 (major version 1).
    CryptoBytes ikev1 = stray.Serialize();
    ikev1[17] = 0x10;
    Simulator::Schedule(Seconds(1.3), &SendRaw, net.nodes.Get(0), 500, ikev1);
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    const auto& drops = net.responder->GetCounters().drops;
    EXPECT_EQ(drops[static_cast<size_t>(Ikev2DropReason::MALFORMED)], 1u);
    EXPECT_EQ(drops[static_cast<size_t>(Ikev2DropReason::NOT_IKE)], 1u);
    EXPECT_EQ(drops[static_cast<size_t>(Ikev2DropReason::UNKNOWN_SPI)], 1u);
    EXPECT_EQ(drops[static_cast<size_t>(Ikev2DropReason::INVALID_MAJOR_VERSION)], 1u);
    EXPECT_TRUE(net.responder->GetSas().empty());
}

TEST(Ikev2Daemon, AResponderForgetsIkeSasThatAreNotEstablishedInTime)
{
    TwoDaemons net;
    net.responder->SetAttribute("HalfOpenTimeout", TimeValue(Seconds(5)));
    Simulator::Schedule(Seconds(1), [&]() {
        net.initiator->Initiate(
            InetSocketAddress(Ipv4Address("10.0.0.2"), Ikev2Daemon::IKE_PORT),
            Create<NonceTask>(Ikev2ExchangeType::IKE_SA_INIT, false, &net.responderCalls));
    });
    // The test exchange never establishes the IKE SA: at 6 s the responder drops it.
    size_t before = 0;
    Simulator::Schedule(Seconds(5.9), [&]() { before = net.responder->GetSas().size(); });
    Simulator::Stop(Seconds(7));
    Simulator::Run();
    EXPECT_EQ(before, 1u);
    EXPECT_TRUE(net.responder->GetSas().empty());
    EXPECT_EQ(net.responder->GetCounters().halfOpenExpired, 1u);
    EXPECT_EQ(net.initiator->GetSas().size(), 1u) << "the initiator's side is its own business";
}
