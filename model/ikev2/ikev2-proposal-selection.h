/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_PROPOSAL_SELECTION_H
#define IKEV2_PROPOSAL_SELECTION_H

#include "ns3/crypto-bytes.h"
#include "ns3/ikev2-proposal.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief How a proposal negotiation ended, on either side.
 */
enum class Ikev2ProposalOutcome
{
    ACCEPTED,           //!< a proposal was chosen (responder) or the response is valid (initiator)
    NO_PROPOSAL_CHOSEN, //!< responder: nothing acceptable; answer NO_PROPOSAL_CHOSEN
    INVALID_KE_PAYLOAD, //!< responder: acceptable, but with another D-H group than the KE's
    // Initiator's check of a response (RFC 7296 section 3.3.6); each is a failed negotiation.
    RESPONSE_NOT_ONE_PROPOSAL,         //!< the response holds zero or several proposals
    RESPONSE_UNKNOWN_PROPOSAL,         //!< its number or protocol is not one we offered
    RESPONSE_TRANSFORM_NOT_OFFERED,    //!< a transform is not in the offered proposal
    RESPONSE_DUPLICATE_TRANSFORM_TYPE, //!< two transforms of one type
    RESPONSE_MISSING_TRANSFORM_TYPE,   //!< an offered type without a chosen transform
    RESPONSE_BAD_SPI,                  //!< SPI size not what the protocol needs
};

/**
 * \param outcome an outcome
 * \return its name ("ACCEPTED", "NO_PROPOSAL_CHOSEN", ...)
 */
const char* Ikev2ProposalOutcomeName(Ikev2ProposalOutcome outcome);

/**
 * \param os output stream
 * \param outcome an outcome
 * \return os, after writing its name
 */
std::ostream& operator<<(std::ostream& os, Ikev2ProposalOutcome outcome);

/**
 * \ingroup ipsec
 * \brief The result of a proposal negotiation step.
 */
struct Ikev2ProposalSelectionResult
{
    Ikev2ProposalOutcome outcome{Ikev2ProposalOutcome::NO_PROPOSAL_CHOSEN}; //!< how it ended
    /// ACCEPTED or INVALID_KE_PAYLOAD: the accepted proposal, one transform per type
    Ikev2Proposal accepted{};
    /// ACCEPTED on the responder: the SPI the initiator's proposal carried (its inbound SPI)
    CryptoBytes initiatorSpi{};
    /// INVALID_KE_PAYLOAD: the D-H group to ask for in the notification's data
    uint16_t requestedDhGroup{0};

    /// \return true if outcome is ACCEPTED
    bool IsAccepted() const;
};

/**
 * \ingroup ipsec
 * \brief Proposal choice of RFC 7296 sections 2.7 and 3.3.6 and the KE check of section 1.2.
 *
 * Responder: the initiator's proposals are walked in the initiator's order; the first one
 * acceptable to some configured proposal (tried in configured order) is chosen. A proposal is
 * acceptable when the protocols match and, for every transform type in either proposal, one of
 * the initiator's transforms of that type equals (ID and Key Length) one configured for it; a
 * type configured on one side only is acceptable only when the initiator offers NONE (ID 0) for
 * it (INTEG with AEAD, D-H without PFS). Within a type the initiator's earliest acceptable
 * transform wins (its preference order), except that the D-H group of the KE payload is
 * preferred when acceptable, so that an initiator offering several groups is not sent back for
 * another KE. Transforms with attributes other than Key Length, and unknown transform types,
 * are unacceptable (RFC 7296 section 3.3.6).
 */
class Ikev2ProposalSelection
{
  public:
    /**
     * \brief The responder's choice (IKE_SA_INIT, IKE_AUTH's Child SA, CREATE_CHILD_SA).
     * \param offered the initiator's proposals, in its order
     * \param configured our proposals (Ikev2ProposalBuilder), in preference order
     * \param responderSpi the SPI the accepted proposal carries: empty in IKE_SA_INIT, our new
     *        inbound SPI for a Child SA, our new IKE SPI for an IKE SA rekey
     * \param keGroup the D-H group of the request's KE payload; nothing if there is none
     * \return ACCEPTED with the accepted proposal; INVALID_KE_PAYLOAD with the group to ask for
     *         when the chosen proposal has a D-H group other than the KE's (or a KE is missing);
     *         NO_PROPOSAL_CHOSEN when nothing is acceptable or a KE payload accompanies a choice
     *         without D-H group
     */
    static Ikev2ProposalSelectionResult Select(const std::vector<Ikev2Proposal>& offered,
                                               const std::vector<Ikev2Proposal>& configured,
                                               const CryptoBytes& responderSpi,
                                               std::optional<uint16_t> keGroup);

    /**
     * \brief The initiator's check of the responder's SA payload (RFC 7296 section 3.3.6:
     * exactly one proposal, one of ours, one transform of each type we offered).
     * \param offered the proposals we sent
     * \param response the proposals of the response's SA payload
     * \return ACCEPTED (result.accepted is the response's proposal) or a RESPONSE_* outcome
     */
    static Ikev2ProposalSelectionResult CheckResponse(const std::vector<Ikev2Proposal>& offered,
                                                      const std::vector<Ikev2Proposal>& response);
};

} // namespace ns3

#endif /* IKEV2_PROPOSAL_SELECTION_H */
