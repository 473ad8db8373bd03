/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_TASK_H
#define IKEV2_TASK_H

#include "ns3/ikev2-constants.h"
#include "ns3/ikev2-payload-chain.h"
#include "ns3/simple-ref-count.h"

#include <string>

namespace ns3
{

class Ikev2Sa;

/**
 * \ingroup ipsec
 * \brief What became of one step of an exchange.
 */
struct Ikev2TaskResult
{
    /// The kinds of outcome.
    enum class Kind
    {
        DONE,   //!< the step succeeded
        FAILED, //!< the exchange failed; reason says why
        RETRY,  //!< (initiator) send a new request from the same task, e.g. another KE group
    };

    Kind kind{Kind::DONE}; //!< the outcome
    std::string reason;    //!< why it failed or is retried

    /// \return a success
    static Ikev2TaskResult Done();
    /// \param reason why \return a failure
    static Ikev2TaskResult Failed(const std::string& reason);
    /// \param reason why \return a retry
    static Ikev2TaskResult Retry(const std::string& reason);
};

/**
 * \ingroup ipsec
 * \brief One exchange on an IKE SA (RFC 7296 section 1), in both roles: the initiator builds
 * the request and processes the response; the responder processes the request and builds the
 * response. Rekeying, liveness checks and deletion are tasks like any other, queued on their
 * IKE SA (see Ikev2Daemon).
 *
 * The daemon owns message IDs, retransmission, the SK payload and the wire; a task sees only
 * payloads.
 */
class Ikev2Task : public SimpleRefCount<Ikev2Task>
{
  public:
    virtual ~Ikev2Task();

    /// \return the exchange type of its messages
    virtual Ikev2ExchangeType GetExchangeType() const = 0;

    /// \return a name for traces and logs, e.g. "IKE_SA_INIT"
    virtual std::string GetName() const = 0;

    /**
     * \return whether the messages travel in an SK payload (every exchange but IKE_SA_INIT,
     * RFC 7296 section 1.2)
     */
    virtual bool IsProtected() const;

    /**
     * \brief Initiator: the payloads of the request (called again after a RETRY).
     * \param sa the IKE SA
     * \param payloads receives the payloads, in order
     * \return DONE to send them, or FAILED
     */
    virtual Ikev2TaskResult BuildRequest(Ikev2Sa& sa, Ikev2PayloadList* payloads) = 0;

    /**
     * \brief Initiator: the response to the request.
     * \param sa the IKE SA
     * \param payloads the response's payloads (decrypted)
     * \return DONE, FAILED, or RETRY to send a new request
     */
    virtual Ikev2TaskResult ProcessResponse(Ikev2Sa& sa, const Ikev2PayloadList& payloads) = 0;

    /**
     * \brief Responder: the request, and the response to send.
     * \param sa the IKE SA
     * \param request the request's payloads (decrypted)
     * \param response receives the response's payloads (also on FAILED: e.g. an error notify)
     * \return DONE, or FAILED (the response is still sent when it is not empty)
     */
    virtual Ikev2TaskResult ProcessRequest(Ikev2Sa& sa,
                                           const Ikev2PayloadList& request,
                                           Ikev2PayloadList* response) = 0;
};

} // namespace ns3

#endif /* IKEV2_TASK_H */
