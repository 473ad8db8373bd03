/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_SA_INIT_TASK_H
#define IKEV2_SA_INIT_TASK_H

#include "ikev2-task.h"

#include "ns3/crypto-key-exchange.h"
#include "ns3/crypto-random.h"
#include "ns3/ikev2-proposal.h"

#include <memory>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The IKE_SA_INIT exchange (RFC 7296 section 1.2): SA proposals, Diffie-Hellman values
 * and nonces; both sides then derive SKEYSEED and the IKE SA's keys (section 2.14) and switch
 * the SK payload on.
 *
 * The initiator offers its proposals and a KE payload of the first proposal's group; an
 * INVALID_KE_PAYLOAD answer makes it start over with the group the responder names, if it
 * offered that group. The responder picks by the initiator's preference (Ikev2ProposalSelection)
 * and answers NO_PROPOSAL_CHOSEN or INVALID_KE_PAYLOAD when it must.
 */
class Ikev2SaInitTask : public Ikev2Task
{
  public:
    /**
     * \param proposals the IKE proposals: the offer (initiator) or the acceptable ones
     *        (responder), most preferred first
     * \param random source of nonces and Diffie-Hellman private values
     * \param natTraversal send and check NAT detection notifications (RFC 7296 section
     *        2.23) and move to port 4500 when a NAT is found; false for Junos
     *        `no-nat-traversal`
     */
    Ikev2SaInitTask(std::vector<Ikev2Proposal> proposals,
                    Ptr<CryptoRandom> random,
                    bool natTraversal = true);
    ~Ikev2SaInitTask() override;

    /// Bytes of the nonces this task sends (RFC 7296 section 2.10: at least 16, and at least
    /// half the PRF's key size).
    static constexpr size_t NONCE_BYTES = 32;

    Ikev2ExchangeType GetExchangeType() const override;
    std::string GetName() const override;
    Ikev2TaskResult BuildRequest(Ikev2Sa& sa, Ikev2PayloadList* payloads) override;
    Ikev2TaskResult ProcessResponse(Ikev2Sa& sa, const Ikev2PayloadList& payloads) override;
    Ikev2TaskResult ProcessRequest(Ikev2Sa& sa,
                                   const Ikev2PayloadList& request,
                                   Ikev2PayloadList* response) override;

    /// \return the Diffie-Hellman group of the last KE payload sent (0 before)
    uint16_t GetKeGroup() const;

  private:
    /**
     * \brief The two NAT detection notifications of a message (RFC 7296 section 2.23).
     * \param sa the IKE SA (the SPIs as the message's header carries them)
     * \param responderSpi SPIr as in the header (0 in the request)
     * \param payloads receives them
     */
    void AddNatDetection(const Ikev2Sa& sa,
                         uint64_t responderSpi,
                         Ikev2PayloadList* payloads) const;

    /**
     * \brief Checks the peer's NAT detection notifications against the addresses as seen.
     * \param sa the IKE SA (records the result)
     * \param responderSpi SPIr as in the peer's header
     * \param payloads the peer's message
     */
    void CheckNatDetection(Ikev2Sa& sa,
                           uint64_t responderSpi,
                           const Ikev2PayloadList& payloads) const;

    /**
     * \brief Derives the IKE SA's keys from the exchange and switches the SK payload on.
     * \param sa the IKE SA (both SPIs and nonces known)
     * \param accepted the accepted proposal
     * \param peerPublicValue the other side's KE data
     * \return DONE, or FAILED (bad public value, unusable proposal)
     */
    Ikev2TaskResult DeriveKeys(Ikev2Sa& sa,
                               const Ikev2Proposal& accepted,
                               const CryptoBytes& peerPublicValue);

    std::vector<Ikev2Proposal> m_proposals;  //!< offered or acceptable proposals
    Ptr<CryptoRandom> m_random;              //!< nonces, DH private values
    uint16_t m_keGroup{0};                   //!< group of the KE payload
    std::unique_ptr<CryptoKeyExchange> m_dh; //!< this side's DH key pair
    bool m_natTraversal;                     //!< NAT detection on
};

} // namespace ns3

#endif /* IKEV2_SA_INIT_TASK_H */
