/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_SA_H
#define IKEV2_SA_H

#include "ikev2-key-material.h"
#include "ikev2-negotiated-algorithms.h"
#include "ikev2-task.h"

#include "ns3/address.h"
#include "ns3/crypto-bytes.h"
#include "ns3/event-id.h"
#include "ns3/ikev2-message-protection.h"
#include "ns3/simple-ref-count.h"

#include <deque>
#include <ostream>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Life-cycle states of an IKE SA.
 */
enum class Ikev2SaState
{
    CONNECTING,  //!< IKE_SA_INIT / IKE_AUTH under way
    ESTABLISHED, //!< authenticated; Child SAs may exist
    DELETING,    //!< a Delete of the IKE SA is under way
    DEAD,        //!< abandoned (peer did not answer, exchange failed) or deleted
};

/// \param state a state \return its name, e.g. "established"
const char* Ikev2SaStateName(Ikev2SaState state);

/// \param os a stream \param state a state \return os
std::ostream& operator<<(std::ostream& os, Ikev2SaState state);

/**
 * \ingroup ipsec
 * \brief One IKE SA of an Ikev2Daemon: its SPIs, peer, state, message-ID bookkeeping
 * (RFC 7296 section 2.2, window size 1), the SK payload protection once keys exist, and the
 * queue of tasks it initiates. The daemon drives the exchanges; tasks keep their results here.
 */
class Ikev2Sa : public SimpleRefCount<Ikev2Sa>
{
  public:
    /**
     * \param id unique id of the SA within its daemon (for traces)
     * \param originalInitiator true if this side sent IKE_SA_INIT
     * \param localSpi this side's SPI (non-zero)
     * \param peer the peer's socket address (address and UDP port)
     */
    Ikev2Sa(uint64_t id, bool originalInitiator, uint64_t localSpi, const Address& peer);

    /// \return the id of the SA within its daemon
    uint64_t GetId() const;
    /// \return true if this side sent IKE_SA_INIT
    bool IsOriginalInitiator() const;
    /// \return this side's SPI
    uint64_t GetLocalSpi() const;
    /// \return the peer's SPI (0 until the first response arrives)
    uint64_t GetPeerSpi() const;
    /// \param spi the peer's SPI
    void SetPeerSpi(uint64_t spi);
    /// \return SPIi of the header
    uint64_t GetInitiatorSpi() const;
    /// \return SPIr of the header
    uint64_t GetResponderSpi() const;
    /// \return the peer's socket address
    const Address& GetPeer() const;
    /// \param peer the peer's socket address (it changes when NAT traversal floats to 4500)
    void SetPeer(const Address& peer);

    /// \return this side's socket address as the peer sees it addressed (may be empty)
    const Address& GetLocal() const;
    /// \param local this side's address and UDP port for this IKE SA
    void SetLocal(const Address& local);

    /**
     * \brief Records what NAT detection found (RFC 7296 section 2.23).
     * \param localBehindNat this side's address or port was changed on the way
     * \param peerBehindNat the peer's was
     */
    void SetNat(bool localBehindNat, bool peerBehindNat);
    /// \return true if a NAT is between the peers (either side)
    bool IsNatDetected() const;
    /// \return true if this side is behind the NAT
    bool IsLocalBehindNat() const;

    /// \return the state
    Ikev2SaState GetState() const;
    /// \param state the new state (the daemon fires its trace)
    void SetState(Ikev2SaState state);

    /**
     * \brief Switches on the SK payload for the exchanges that follow.
     * \param outbound protection of what this side sends (SK_e/SK_a of its role)
     * \param inbound protection of what the peer sends
     */
    void SetProtection(Ptr<Ikev2MessageProtection> outbound, Ptr<Ikev2MessageProtection> inbound);
    /// \return the protection of what this side sends, or nullptr before keys exist
    Ptr<Ikev2MessageProtection> GetOutboundProtection() const;
    /// \return the protection of what the peer sends, or nullptr before keys exist
    Ptr<Ikev2MessageProtection> GetInboundProtection() const;

    /// \param task a task to initiate after those already queued
    void QueueTask(Ptr<Ikev2Task> task);
    /// \return true if a task is queued or under way
    bool HasTasks() const;

    /// Bytes of the exchange's messages, kept for AUTH (RFC 7296 section 2.15).
    struct Exchange
    {
        CryptoBytes firstRequest;   //!< the IKE_SA_INIT request as sent
        CryptoBytes firstResponse;  //!< the IKE_SA_INIT response as sent
        CryptoBytes initiatorNonce; //!< Ni
        CryptoBytes responderNonce; //!< Nr
    };

    /// \return the IKE_SA_INIT bytes and nonces
    Exchange& GetExchange();

    /**
     * \brief Records what IKE_SA_INIT negotiated and derived.
     * \param algorithms the IKE SA's transforms
     * \param keys SK_d, SK_a, SK_e, SK_p
     */
    void SetKeys(const Ikev2IkeSaAlgorithms& algorithms, const Ikev2IkeSaKeys& keys);
    /// \return the negotiated transforms (empty before IKE_SA_INIT completed)
    const Ikev2IkeSaAlgorithms& GetAlgorithms() const;
    /// \return the IKE SA's keys (empty before IKE_SA_INIT completed)
    const Ikev2IkeSaKeys& GetKeys() const;

  private:
    friend class Ikev2Daemon;

    uint64_t m_id;                                  //!< id within the daemon
    bool m_originalInitiator;                       //!< sent IKE_SA_INIT
    uint64_t m_localSpi;                            //!< this side's SPI
    uint64_t m_peerSpi{0};                          //!< the peer's SPI
    Address m_peer;                                 //!< the peer's address and port
    Address m_local;                                //!< this side's address and port
    bool m_localBehindNat{false};                   //!< NAT detection: this side translated
    bool m_peerBehindNat{false};                    //!< NAT detection: the peer translated
    Ikev2SaState m_state{Ikev2SaState::CONNECTING}; //!< state
    Ptr<Ikev2MessageProtection> m_outbound;         //!< SK for what this side sends
    Ptr<Ikev2MessageProtection> m_inbound;          //!< SK for what the peer sends
    Exchange m_exchange;                            //!< IKE_SA_INIT bytes and nonces
    Ikev2IkeSaAlgorithms m_algorithms;              //!< negotiated transforms
    Ikev2IkeSaKeys m_keys;                          //!< derived keys

    // Initiator role (RFC 7296 section 2.3, window size 1): one request outstanding.
    std::deque<Ptr<Ikev2Task>> m_tasks; //!< front: the task under way
    bool m_requestOutstanding{false};   //!< a request awaits its response
    uint32_t m_nextRequestId{0};        //!< message ID of the next request
    CryptoBytes m_lastRequest;          //!< the outstanding request's bytes
    uint32_t m_retransmissions{0};      //!< retransmissions of the outstanding request
    EventId m_retransmitEvent;          //!< next retransmission or give-up

    // Responder role: the peer's next request, and the last response for retransmissions.
    uint32_t m_expectedRequestId{0}; //!< message ID the peer's next request must carry
    CryptoBytes m_lastResponse;      //!< the last response sent
    bool m_hasLastResponse{false};   //!< m_lastResponse is valid
};

} // namespace ns3

#endif /* IKEV2_SA_H */
