/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_DAEMON_H
#define IKEV2_DAEMON_H

#include "ikev2-drop-reason.h"
#include "ikev2-sa.h"
#include "ikev2-task.h"

#include "ns3/application.h"
#include "ns3/callback.h"
#include "ns3/crypto-random.h"
#include "ns3/ikev2-message.h"
#include "ns3/nstime.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>
#include <utility>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Counters of an Ikev2Daemon.
 */
struct Ikev2DaemonCounters
{
    uint64_t requestsSent{0};       //!< requests sent (first transmissions)
    uint64_t retransmissions{0};    //!< requests sent again
    uint64_t responsesSent{0};      //!< responses sent (first transmissions)
    uint64_t responsesResent{0};    //!< responses sent again for retransmitted requests
    uint64_t requestsReceived{0};   //!< requests processed
    uint64_t responsesReceived{0};  //!< responses processed
    uint64_t exchangesCompleted{0}; //!< exchanges that ended well, either role
    uint64_t exchangesFailed{0};    //!< exchanges that failed, either role
    uint64_t sasAbandoned{0};       //!< IKE SAs given up after unanswered retransmissions
    uint64_t halfOpenExpired{0};    //!< responder IKE SAs not authenticated in time
    std::array<uint64_t, IKEV2_DROP_REASON_COUNT> drops{}; //!< received messages dropped
};

/**
 * \ingroup ipsec
 * \brief The IKEv2 daemon of a gateway (RFC 7296): an ns-3 Application on UDP 500 and 4500
 * (with the non-ESP marker of RFC 3948), for IPv4 and IPv6, serving any number of IKE SAs.
 *
 * The daemon owns the wire: it parses messages, finds their IKE SA by SPI, keeps message IDs
 * (window size 1), retransmits unanswered requests with exponential back-off and abandons the
 * IKE SA after the last try, answers retransmitted requests with the cached response, and
 * wraps payloads in the SK payload once the IKE SA has keys. What the exchanges mean is left
 * to tasks (Ikev2Task): an initiator queues tasks on an IKE SA; for a request it receives, the
 * daemon asks its responder factory for the task that answers it.
 */
class Ikev2Daemon : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Ikev2Daemon();
    ~Ikev2Daemon() override;

    /// The IKE port (RFC 7296 section 2).
    static constexpr uint16_t IKE_PORT = 500;
    /// The NAT traversal port (RFC 7296 section 2.23).
    static constexpr uint16_t NAT_T_PORT = 4500;

    /**
     * Makes the task that answers a request: (IKE SA, exchange type, decrypted payloads) ->
     * task, or nullptr if this daemon does not answer such requests.
     */
    using ResponderFactory =
        Callback<Ptr<Ikev2Task>, Ptr<Ikev2Sa>, Ikev2ExchangeType, const Ikev2PayloadList&>;

    /// \param factory makes the tasks that answer the peers' requests
    void SetResponderFactory(ResponderFactory factory);

    /// \param callback called when the daemon has opened its sockets (its start time)
    void SetStartCallback(Callback<void> callback);

    /**
     * \brief Creates an IKE SA towards a peer and starts its first task (normally IKE_SA_INIT).
     * \param peer the peer's address (InetSocketAddress or Inet6SocketAddress, port 500)
     * \param first the first task
     * \param local this side's address and port (for NAT detection; may be empty)
     * \return the IKE SA
     */
    Ptr<Ikev2Sa> Initiate(const Address& peer,
                          Ptr<Ikev2Task> first,
                          const Address& local = Address());

    /**
     * \brief Queues a task on an IKE SA; it starts when the tasks before it are done.
     * \param sa one of this daemon's IKE SAs
     * \param task the task
     */
    void QueueTask(Ptr<Ikev2Sa> sa, Ptr<Ikev2Task> task);

    /**
     * \brief Changes an IKE SA's state and fires the trace.
     * \param sa the IKE SA
     * \param state the new state
     */
    void SetSaState(Ptr<Ikev2Sa> sa, Ikev2SaState state);

    /// \param localSpi this side's SPI \return the IKE SA, or nullptr
    Ptr<Ikev2Sa> FindSa(uint64_t localSpi) const;

    /// \return the IKE SAs that are not dead, by local SPI
    const std::map<uint64_t, Ptr<Ikev2Sa>>& GetSas() const;

    /// \return the counters
    const Ikev2DaemonCounters& GetCounters() const;

    /**
     * \brief Processes one IKE message as if it had arrived on a socket (the sockets call it;
     * so do the fuzz target and tests that craft messages).
     * \param bytes the message (non-ESP marker removed)
     * \param from the sender's address and port
     * \param to the address and port it was sent to (empty if unknown)
     */
    void Receive(const CryptoBytes& bytes, const Address& from, const Address& to = Address());

    /// \return the source of SPIs and nonces
    Ptr<CryptoRandom> GetRandom() const;

    /**
     * \brief Fixes the random streams.
     * \param stream first stream index
     * \return number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /// Signature of the SaStateChanged trace.
    typedef void (*StateTracedCallback)(uint64_t sa, Ikev2SaState from, Ikev2SaState to);
    /// Signature of the ExchangeStarted and ExchangeCompleted traces.
    typedef void (*ExchangeTracedCallback)(uint64_t sa,
                                           const std::string& exchange,
                                           bool initiator);
    /// Signature of the ExchangeFailed trace.
    typedef void (*FailureTracedCallback)(uint64_t sa,
                                          const std::string& exchange,
                                          const std::string& reason);
    /// Signature of the Retransmission trace.
    typedef void (*RetransmissionTracedCallback)(uint64_t sa,
                                                 const std::string& exchange,
                                                 uint32_t count);
    /// Signature of the Drop trace.
    typedef void (*DropTracedCallback)(Ikev2DropReason reason, const Address& from);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// \param socket a socket with data to read
    void HandleRead(Ptr<Socket> socket);

    /// \brief Processes a request (this side answers it).
    void ReceiveRequest(const Ikev2Message& message,
                        const CryptoBytes& bytes,
                        const Address& from,
                        const Address& to);

    /// \brief Processes a response (to this side's outstanding request).
    void ReceiveResponse(const Ikev2Message& message,
                         const CryptoBytes& bytes,
                         const Address& from,
                         const Address& to);

    /**
     * \brief After an authenticated message: follows the peer to the address and port it
     * came from when a NAT is between the peers (RFC 7296 section 2.23).
     */
    void FollowPeer(Ptr<Ikev2Sa> sa, const Address& from, const Address& to);

    /**
     * \brief The payloads of a received message: its own, or the SK payload's decrypted ones.
     * \return false if it was dropped (and counted)
     */
    bool OpenPayloads(Ptr<Ikev2Sa> sa,
                      const Ikev2Message& message,
                      const CryptoBytes& bytes,
                      const Address& from,
                      Ikev2PayloadList* payloads);

    /**
     * \brief Encodes a message of an IKE SA: header fields from the SA, payloads in an SK
     * payload when protected.
     * \return false if it cannot be protected (no keys)
     */
    bool Encode(Ptr<Ikev2Sa> sa,
                Ikev2ExchangeType exchange,
                bool response,
                uint32_t messageId,
                bool protect,
                const Ikev2PayloadList& payloads,
                CryptoBytes* bytes);

    /// \brief Builds and sends the request of the task at the front of the SA's queue.
    void SendRequest(Ptr<Ikev2Sa> sa);

    /// \brief Starts the next queued task if no request is outstanding.
    void StartNextTask(Ptr<Ikev2Sa> sa);

    /// \brief Sends the outstanding request again, or gives the IKE SA up.
    void Retransmit(Ptr<Ikev2Sa> sa);

    /// \brief Ends the task at the front of the queue (DONE or FAILED).
    void FinishTask(Ptr<Ikev2Sa> sa, const Ikev2TaskResult& result);

    /// \brief Fires the state trace if a task changed the IKE SA's state.
    void NotifyStateChange(Ptr<Ikev2Sa> sa, Ikev2SaState before);

    /// \brief Abandons a responder's IKE SA that is still not established.
    void ExpireHalfOpen(Ptr<Ikev2Sa> sa);

    /// \brief Marks an IKE SA dead and forgets it.
    void Abandon(Ptr<Ikev2Sa> sa, const std::string& reason);

    /// \brief Sends bytes to an IKE SA's peer from the matching socket.
    void Transmit(Ptr<Ikev2Sa> sa, const CryptoBytes& bytes);

    /// \brief Counts a dropped message and fires the trace.
    void Drop(Ikev2DropReason reason, const Address& from);

    /// \return a new non-zero SPI not in use
    uint64_t NewSpi();

    /// \brief Opens a UDP socket of a family bound to a port.
    Ptr<Socket> OpenSocket(bool ipv6, uint16_t port);

    Time m_retransmitTimeout;            //!< first retransmission timeout
    double m_retransmitBackoff;          //!< factor between timeouts
    uint32_t m_maxRetransmissions;       //!< retransmissions before giving up
    Time m_halfOpenTimeout;              //!< responder IKE SAs not established by then are dropped
    ResponderFactory m_responderFactory; //!< tasks that answer requests
    Callback<void> m_startCallback;      //!< told when the sockets are open
    Ptr<CryptoRandom> m_random;          //!< SPIs, nonces
    std::map<uint64_t, Ptr<Ikev2Sa>> m_sas; //!< live IKE SAs by local SPI
    std::map<std::pair<Address, uint64_t>, Ptr<Ikev2Sa>> m_responderSas; //!< (peer, SPIi)
    std::map<Ptr<Socket>, uint16_t> m_sockets; //!< open sockets and their ports
    uint64_t m_nextSaId{1};                    //!< id of the next IKE SA
    Ikev2DaemonCounters m_counters;            //!< statistics

    TracedCallback<uint64_t, Ikev2SaState, Ikev2SaState> m_stateTrace;              //!< state
    TracedCallback<uint64_t, const std::string&, bool> m_startedTrace;              //!< started
    TracedCallback<uint64_t, const std::string&, bool> m_completedTrace;            //!< completed
    TracedCallback<uint64_t, const std::string&, const std::string&> m_failedTrace; //!< failed
    TracedCallback<uint64_t, const std::string&, uint32_t> m_retransmitTrace;       //!< resent
    TracedCallback<Ikev2DropReason, const Address&> m_dropTrace;                    //!< dropped
};

} // namespace ns3

#endif /* IKEV2_DAEMON_H */
