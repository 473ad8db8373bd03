/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-daemon.h"

#include "ikev2-socket-address.h"

#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2Daemon");

NS_OBJECT_ENSURE_REGISTERED(Ikev2Daemon);

TypeId
Ikev2Daemon::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ikev2Daemon")
            .SetParent<Application>()
            .SetGroupName("Ipsec")
            .AddConstructor<Ikev2Daemon>()
            .AddAttribute("RetransmitTimeout",
                          "Time before an unanswered request is sent again the first time.",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&Ikev2Daemon::m_retransmitTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("RetransmitBackoff",
                          "Factor by which each further timeout grows (exponential back-off, "
                          "RFC 7296 section 2.1).",
                          DoubleValue(2.0),
                          MakeDoubleAccessor(&Ikev2Daemon::m_retransmitBackoff),
                          MakeDoubleChecker<double>(1.0, 10.0))
            .AddAttribute("MaxRetransmissions",
                          "Retransmissions of a request before the IKE SA is abandoned.",
                          UintegerValue(5),
                          MakeUintegerAccessor(&Ikev2Daemon::m_maxRetransmissions),
                          MakeUintegerChecker<uint32_t>(0, 100))
            .AddAttribute("HalfOpenTimeout",
                          "A responder's IKE SA that is not established this long after its "
                          "IKE_SA_INIT is dropped (half-open IKE SAs would otherwise pile up).",
                          TimeValue(Seconds(30)),
                          MakeTimeAccessor(&Ikev2Daemon::m_halfOpenTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddTraceSource("SaStateChanged",
                            "An IKE SA changed state.",
                            MakeTraceSourceAccessor(&Ikev2Daemon::m_stateTrace),
                            "ns3::Ikev2Daemon::StateTracedCallback")
            .AddTraceSource("ExchangeStarted",
                            "This side sent a request or received one to answer.",
                            MakeTraceSourceAccessor(&Ikev2Daemon::m_startedTrace),
                            "ns3::Ikev2Daemon::ExchangeTracedCallback")
            .AddTraceSource("ExchangeCompleted",
                            "An exchange ended well.",
                            MakeTraceSourceAccessor(&Ikev2Daemon::m_completedTrace),
                            "ns3::Ikev2Daemon::ExchangeTracedCallback")
            .AddTraceSource("ExchangeFailed",
                            "An exchange failed; the reason says why.",
                            MakeTraceSourceAccessor(&Ikev2Daemon::m_failedTrace),
                            "ns3::Ikev2Daemon::FailureTracedCallback")
            .AddTraceSource("Retransmission",
                            "An unanswered request was sent again.",
                            MakeTraceSourceAccessor(&Ikev2Daemon::m_retransmitTrace),
                            "ns3::Ikev2Daemon::RetransmissionTracedCallback")
            .AddTraceSource("Drop",
                            "A received message was dropped; the reason says why.",
                            MakeTraceSourceAccessor(&Ikev2Daemon::m_dropTrace),
                            "ns3::Ikev2Daemon::DropTracedCallback");
    return tid;
}

Ikev2Daemon::Ikev2Daemon()
    : m_random(CreateObject<CryptoRandom>())
{
}

Ikev2Daemon::~Ikev2Daemon() = default;

void
Ikev2Daemon::SetResponderFactory(ResponderFactory factory)
{
    m_responderFactory = factory;
}

void
Ikev2Daemon::SetStartCallback(Callback<void> callback)
{
    m_startCallback = callback;
}

Ptr<CryptoRandom>
Ikev2Daemon::GetRandom() const
{
    return m_random;
}

int64_t
Ikev2Daemon::AssignStreams(int64_t stream)
{
    return m_random->AssignStreams(stream);
}

const Ikev2DaemonCounters&
Ikev2Daemon::GetCounters() const
{
    return m_counters;
}

const std::map<uint64_t, Ptr<Ikev2Sa>>&
Ikev2Daemon::GetSas() const
{
    return m_sas;
}

Ptr<Ikev2Sa>
Ikev2Daemon::FindSa(uint64_t localSpi) const
{
    auto found = m_sas.find(localSpi);
    return found == m_sas.end() ? nullptr : found->second;
}

uint64_t
Ikev2Daemon::NewSpi()
{
    while (true)
    {
        uint8_t bytes[8];
        m_random->Fill(bytes, sizeof(bytes));
        uint64_t spi = 0;
        for (uint8_t byte : bytes)
        {
            spi = (spi << 8) | byte;
        }
        // RFC 7296 section 3.1: an SPI is never zero.
        if (spi != 0 && m_sas.count(spi) == 0)
        {
            return spi;
        }
    }
}

void
Ikev2Daemon::DoDispose()
{
    StopApplication();
    m_sas.clear();
    m_responderSas.clear();
    m_random = nullptr;
    m_responderFactory = ResponderFactory();
    m_startCallback = Callback<void>();
    Application::DoDispose();
}

void
Ikev2Daemon::Receive(const CryptoBytes& bytes, const Address& from, const Address& to)
{
    Ikev2Message message;
    const Ikev2ParseStatus status = Ikev2Message::Parse(bytes, &message);
    if (!status.IsOk())
    {
        NS_LOG_INFO("drop from " << from << ": " << status);
        Drop(status.GetError() == Ikev2ParseError::INVALID_MAJOR_VERSION
                 ? Ikev2DropReason::INVALID_MAJOR_VERSION
                 : Ikev2DropReason::MALFORMED,
             from);
        return;
    }
    if (message.GetHeader().IsResponse())
    {
        ReceiveResponse(message, bytes, from, to);
    }
    else
    {
        ReceiveRequest(message, bytes, from, to);
    }
}

bool
Ikev2Daemon::OpenPayloads(Ptr<Ikev2Sa> sa,
                          const Ikev2Message& message,
                          const CryptoBytes& bytes,
                          const Address& from,
                          Ikev2PayloadList* payloads)
{
    const bool encrypted = message.FindPayload(Ikev2PayloadType::ENCRYPTED) != nullptr;
    if (!encrypted)
    {
        // RFC 7296 section 3.14: every message after IKE_SA_INIT is protected.
        if (message.GetHeader().GetExchangeType() != Ikev2ExchangeType::IKE_SA_INIT)
        {
            Drop(Ikev2DropReason::UNPROTECTED, from);
            return false;
        }
        *payloads = message.GetPayloads();
        return true;
    }
    if (!sa->GetInboundProtection())
    {
        Drop(Ikev2DropReason::UNPROTECTED, from); // no keys to open it with yet
        return false;
    }
    Ikev2Message opened;
    const Ikev2ParseStatus status = sa->GetInboundProtection()->Unprotect(bytes, &opened, payloads);
    if (!status.IsOk())
    {
        Drop(status.GetError() == Ikev2ParseError::INTEGRITY_CHECK_FAILED
                 ? Ikev2DropReason::INTEGRITY_FAILURE
                 : Ikev2DropReason::MALFORMED,
             from);
        return false;
    }
    return true;
}

void
Ikev2Daemon::ReceiveRequest(const Ikev2Message& message,
                            const CryptoBytes& bytes,
                            const Address& from,
                            const Address& to)
{
    const Ikev2Header& header = message.GetHeader();
    Ptr<Ikev2Sa> sa;
    if (!header.IsInitiator())
    {
        sa = FindSa(header.GetInitiatorSpi()); // a request from the original responder
    }
    else if (header.GetExchangeType() == Ikev2ExchangeType::IKE_SA_INIT &&
             header.GetResponderSpi() == 0)
    {
        auto known = m_responderSas.find({from, header.GetInitiatorSpi()});
        if (known != m_responderSas.end())
        {
            sa = known->second; // a retransmitted IKE_SA_INIT
        }
        else if (!m_responderFactory.IsNull())
        {
            sa = Create<Ikev2Sa>(m_nextSaId++, false, NewSpi(), from);
            sa->SetPeerSpi(header.GetInitiatorSpi());
            sa->SetLocal(to);
            m_sas[sa->GetLocalSpi()] = sa;
            m_responderSas[{from, header.GetInitiatorSpi()}] = sa;
            Simulator::Schedule(m_halfOpenTimeout, &Ikev2Daemon::ExpireHalfOpen, this, sa);
        }
    }
    else
    {
        sa = FindSa(header.GetResponderSpi());
    }
    if (!sa)
    {
        Drop(m_responderFactory.IsNull() ? Ikev2DropReason::UNSUPPORTED_EXCHANGE
                                         : Ikev2DropReason::UNKNOWN_SPI,
             from);
        return;
    }
    // RFC 7296 section 2.2: a retransmitted request gets the same response again; anything
    // else but the next request is dropped.
    if (sa->m_hasLastResponse && header.GetMessageId() + 1 == sa->m_expectedRequestId)
    {
        m_counters.responsesResent++;
        Transmit(sa, sa->m_lastResponse);
        return;
    }
    if (header.GetMessageId() != sa->m_expectedRequestId)
    {
        Drop(Ikev2DropReason::OUT_OF_WINDOW, from);
        return;
    }
    Ikev2PayloadList payloads;
    if (!OpenPayloads(sa, message, bytes, from, &payloads))
    {
        return;
    }
    FollowPeer(sa, from, to);
    Ptr<Ikev2Task> task = m_responderFactory.IsNull()
                              ? nullptr
                              : m_responderFactory(sa, header.GetExchangeType(), payloads);
    if (!task)
    {
        Drop(Ikev2DropReason::UNSUPPORTED_EXCHANGE, from);
        return;
    }
    m_counters.requestsReceived++;
    m_startedTrace(sa->GetId(), task->GetName(), false);
    if (header.GetExchangeType() == Ikev2ExchangeType::IKE_SA_INIT)
    {
        sa->GetExchange().firstRequest = bytes;
    }
    // The response goes out under the keys the SA had when the request came in: IKE_SA_INIT
    // creates keys but is answered in the clear.
    const bool protect = task->IsProtected();
    Ikev2PayloadList response;
    const Ikev2SaState before = sa->GetState();
    const Ikev2TaskResult result = task->ProcessRequest(*sa, payloads, &response);
    NotifyStateChange(sa, before);
    sa->m_expectedRequestId++;
    CryptoBytes answer;
    if (!response.empty() && Encode(sa,
                                    header.GetExchangeType(),
                                    true,
                                    header.GetMessageId(),
                                    protect,
                                    response,
                                    &answer))
    {
        if (header.GetExchangeType() == Ikev2ExchangeType::IKE_SA_INIT)
        {
            sa->GetExchange().firstResponse = answer;
        }
        sa->m_lastResponse = answer;
        sa->m_hasLastResponse = true;
        m_counters.responsesSent++;
        Transmit(sa, answer);
    }
    if (result.kind == Ikev2TaskResult::Kind::DONE)
    {
        m_counters.exchangesCompleted++;
        m_completedTrace(sa->GetId(), task->GetName(), false);
        return;
    }
    m_counters.exchangesFailed++;
    m_failedTrace(sa->GetId(), task->GetName(), result.reason);
    if (sa->GetState() == Ikev2SaState::CONNECTING)
    {
        Abandon(sa, result.reason); // an IKE SA that failed to come up is forgotten
    }
}

void
Ikev2Daemon::ReceiveResponse(const Ikev2Message& message,
                             const CryptoBytes& bytes,
                             const Address& from,
                             const Address& to)
{
    const Ikev2Header& header = message.GetHeader();
    // The I flag tells whether the sender is the original initiator (RFC 7296 section 3.1).
    Ptr<Ikev2Sa> sa =
        FindSa(header.IsInitiator() ? header.GetResponderSpi() : header.GetInitiatorSpi());
    if (!sa)
    {
        Drop(Ikev2DropReason::UNKNOWN_SPI, from);
        return;
    }
    if (!sa->m_requestOutstanding || sa->m_tasks.empty() ||
        header.GetMessageId() != sa->m_nextRequestId ||
        header.GetExchangeType() != sa->m_tasks.front()->GetExchangeType())
    {
        Drop(Ikev2DropReason::UNEXPECTED_RESPONSE, from);
        return;
    }
    const bool firstExchange = header.GetExchangeType() == Ikev2ExchangeType::IKE_SA_INIT;
    Ikev2PayloadList payloads;
    if (!OpenPayloads(sa, message, bytes, from, &payloads))
    {
        return;
    }
    FollowPeer(sa, from, to);
    Simulator::Cancel(sa->m_retransmitEvent);
    sa->m_requestOutstanding = false;
    m_counters.responsesReceived++;
    if (firstExchange)
    {
        sa->GetExchange().firstResponse = bytes;
        sa->SetPeerSpi(header.GetResponderSpi());
    }
    Ptr<Ikev2Task> task = sa->m_tasks.front();
    const Ikev2SaState before = sa->GetState();
    const Ikev2TaskResult result = task->ProcessResponse(*sa, payloads);
    NotifyStateChange(sa, before);
    if (result.kind == Ikev2TaskResult::Kind::RETRY)
    {
        NS_LOG_INFO("IKE SA " << sa->GetId() << ": " << task->GetName()
                              << " again: " << result.reason);
        if (firstExchange)
        {
            // RFC 7296 section 1.2: the new IKE_SA_INIT starts over, message ID 0, no SPIr.
            sa->SetPeerSpi(0);
        }
        else
        {
            sa->m_nextRequestId++;
        }
        SendRequest(sa);
        return;
    }
    sa->m_nextRequestId++;
    FinishTask(sa, result);
}

void
Ikev2Daemon::FinishTask(Ptr<Ikev2Sa> sa, const Ikev2TaskResult& result)
{
    Ptr<Ikev2Task> task = sa->m_tasks.front();
    sa->m_tasks.pop_front();
    if (result.kind == Ikev2TaskResult::Kind::DONE)
    {
        m_counters.exchangesCompleted++;
        m_completedTrace(sa->GetId(), task->GetName(), true);
        StartNextTask(sa);
        return;
    }
    m_counters.exchangesFailed++;
    m_failedTrace(sa->GetId(), task->GetName(), result.reason);
    if (sa->GetState() == Ikev2SaState::CONNECTING)
    {
        Abandon(sa, result.reason);
        return;
    }
    StartNextTask(sa);
}

bool
Ikev2Daemon::Encode(Ptr<Ikev2Sa> sa,
                    Ikev2ExchangeType exchange,
                    bool response,
                    uint32_t messageId,
                    bool protect,
                    const Ikev2PayloadList& payloads,
                    CryptoBytes* bytes)
{
    Ikev2Message message;
    Ikev2Header& header = message.GetHeader();
    header.SetInitiatorSpi(sa->GetInitiatorSpi());
    header.SetResponderSpi(sa->GetResponderSpi());
    header.SetExchangeType(exchange);
    header.SetInitiator(sa->IsOriginalInitiator());
    header.SetResponse(response);
    header.SetMessageId(messageId);
    if (!protect)
    {
        for (const auto& payload : payloads)
        {
            message.AddPayload(payload);
        }
        *bytes = message.Serialize();
        return true;
    }
    if (!sa->GetOutboundProtection())
    {
        NS_LOG_WARN("IKE SA " << sa->GetId() << " has no keys to protect a message with");
        return false;
    }
    return sa->GetOutboundProtection()->Protect(message, payloads, bytes) == CryptoStatus::OK;
}

void
Ikev2Daemon::FollowPeer(Ptr<Ikev2Sa> sa, const Address& from, const Address& to)
{
    // Only messages under the SK payload are authenticated enough to move an IKE SA.
    if (!sa->IsNatDetected() || !sa->GetInboundProtection())
    {
        return;
    }
    if (!(from == sa->GetPeer()))
    {
        NS_LOG_INFO("IKE SA " << sa->GetId() << ": peer now at " << from);
        sa->SetPeer(from);
    }
    if (!to.IsInvalid())
    {
        sa->SetLocal(to);
    }
}

Ptr<Ikev2Sa>
Ikev2Daemon::Initiate(const Address& peer, Ptr<Ikev2Task> first, const Address& local)
{
    Ptr<Ikev2Sa> sa = Create<Ikev2Sa>(m_nextSaId++, true, NewSpi(), peer);
    sa->SetLocal(local);
    m_sas[sa->GetLocalSpi()] = sa;
    QueueTask(sa, first);
    return sa;
}

void
Ikev2Daemon::QueueTask(Ptr<Ikev2Sa> sa, Ptr<Ikev2Task> task)
{
    sa->QueueTask(task);
    StartNextTask(sa);
}

void
Ikev2Daemon::StartNextTask(Ptr<Ikev2Sa> sa)
{
    if (!sa->m_requestOutstanding && !sa->m_tasks.empty() && sa->GetState() != Ikev2SaState::DEAD)
    {
        SendRequest(sa);
    }
}

void
Ikev2Daemon::SendRequest(Ptr<Ikev2Sa> sa)
{
    Ptr<Ikev2Task> task = sa->m_tasks.front();
    Ikev2PayloadList payloads;
    const Ikev2TaskResult built = task->BuildRequest(*sa, &payloads);
    CryptoBytes bytes;
    if (built.kind != Ikev2TaskResult::Kind::DONE || !Encode(sa,
                                                             task->GetExchangeType(),
                                                             false,
                                                             sa->m_nextRequestId,
                                                             task->IsProtected(),
                                                             payloads,
                                                             &bytes))
    {
        FinishTask(sa,
                   Ikev2TaskResult::Failed(built.reason.empty() ? "cannot protect the request"
                                                                : built.reason));
        return;
    }
    if (task->GetExchangeType() == Ikev2ExchangeType::IKE_SA_INIT)
    {
        sa->GetExchange().firstRequest = bytes;
    }
    sa->m_lastRequest = bytes;
    sa->m_requestOutstanding = true;
    sa->m_retransmissions = 0;
    m_counters.requestsSent++;
    m_startedTrace(sa->GetId(), task->GetName(), true);
    Transmit(sa, bytes);
    sa->m_retransmitEvent =
        Simulator::Schedule(m_retransmitTimeout, &Ikev2Daemon::Retransmit, this, sa);
}

void
Ikev2Daemon::Retransmit(Ptr<Ikev2Sa> sa)
{
    const std::string name = sa->m_tasks.front()->GetName();
    if (sa->m_retransmissions >= m_maxRetransmissions)
    {
        m_counters.sasAbandoned++;
        m_counters.exchangesFailed++;
        const std::string reason =
            "no response after " + std::to_string(sa->m_retransmissions) + " retransmissions";
        m_failedTrace(sa->GetId(), name, reason);
        Abandon(sa, reason);
        return;
    }
    sa->m_retransmissions++;
    m_counters.retransmissions++;
    m_retransmitTrace(sa->GetId(), name, sa->m_retransmissions);
    Transmit(sa, sa->m_lastRequest);
    const Time next =
        m_retransmitTimeout * std::pow(m_retransmitBackoff, double(sa->m_retransmissions));
    sa->m_retransmitEvent = Simulator::Schedule(next, &Ikev2Daemon::Retransmit, this, sa);
}

void
Ikev2Daemon::SetSaState(Ptr<Ikev2Sa> sa, Ikev2SaState state)
{
    const Ikev2SaState old = sa->GetState();
    if (old == state)
    {
        return;
    }
    sa->SetState(state);
    m_stateTrace(sa->GetId(), old, state);
}

void
Ikev2Daemon::ExpireHalfOpen(Ptr<Ikev2Sa> sa)
{
    if (sa->GetState() == Ikev2SaState::CONNECTING && FindSa(sa->GetLocalSpi()) == sa)
    {
        m_counters.halfOpenExpired++;
        Abandon(sa, "not authenticated within the half-open timeout");
    }
}

void
Ikev2Daemon::NotifyStateChange(Ptr<Ikev2Sa> sa, Ikev2SaState before)
{
    if (sa->GetState() != before)
    {
        m_stateTrace(sa->GetId(), before, sa->GetState());
    }
}

void
Ikev2Daemon::Abandon(Ptr<Ikev2Sa> sa, const std::string& reason)
{
    NS_LOG_INFO("IKE SA " << sa->GetId() << " abandoned: " << reason);
    Simulator::Cancel(sa->m_retransmitEvent);
    sa->m_tasks.clear();
    sa->m_requestOutstanding = false;
    SetSaState(sa, Ikev2SaState::DEAD);
    m_sas.erase(sa->GetLocalSpi());
    if (!sa->IsOriginalInitiator())
    {
        m_responderSas.erase({sa->GetPeer(), sa->GetPeerSpi()});
    }
}

void
Ikev2Daemon::Drop(Ikev2DropReason reason, const Address& from)
{
    m_counters.drops[static_cast<size_t>(reason)]++;
    m_dropTrace(reason, from);
}

} // namespace ns3
