/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-proposal-selection.h"

#include <algorithm>
#include <set>

namespace ns3
{

namespace
{

constexpr uint16_t TRANSFORM_NONE = 0; //!< INTEG NONE, D-H NONE (RFC 7296 section 3.3.2)

/// RFC 7296 section 3.3.6: a transform with an attribute we do not understand is unacceptable.
bool
IsUnderstood(const Ikev2Transform& transform)
{
    for (const auto& attribute : transform.m_attributes)
    {
        if (attribute.m_type != Ikev2TransformAttribute::KEY_LENGTH || !attribute.m_isShortForm)
        {
            return false;
        }
    }
    return true;
}

bool
IsSameTransform(const Ikev2Transform& a, const Ikev2Transform& b)
{
    return a.m_type == b.m_type && a.m_id == b.m_id && a.GetKeyLength() == b.GetKeyLength();
}

/// Types for which NONE may stand in for absence (RFC 7296 section 3.3.3).
bool
IsOptionalType(Ikev2TransformType type)
{
    return type == Ikev2TransformType::INTEGRITY || type == Ikev2TransformType::DIFFIE_HELLMAN;
}

std::vector<const Ikev2Transform*>
OfType(const Ikev2Proposal& proposal, Ikev2TransformType type)
{
    std::vector<const Ikev2Transform*> transforms;
    for (const auto& transform : proposal.m_transforms)
    {
        if (transform.m_type == type)
        {
            transforms.push_back(&transform);
        }
    }
    return transforms;
}

/// The types of a proposal in order of first appearance.
std::vector<Ikev2TransformType>
TypesInOrder(const Ikev2Proposal& proposal)
{
    std::vector<Ikev2TransformType> types;
    std::set<Ikev2TransformType> seen;
    for (const auto& transform : proposal.m_transforms)
    {
        if (seen.insert(transform.m_type).second)
        {
            types.push_back(transform.m_type);
        }
    }
    return types;
}

bool
HasNone(const std::vector<const Ikev2Transform*>& transforms)
{
    for (const auto* transform : transforms)
    {
        if (transform->m_id == TRANSFORM_NONE && transform->m_attributes.empty())
        {
            return true;
        }
    }
    return false;
}

/**
 * The offered transform chosen for one type, nullptr to leave the type out, or false if the
 * type makes the proposal unacceptable.
 */
bool
ChooseTransform(Ikev2TransformType type,
                const Ikev2Proposal& offer,
                const Ikev2Proposal& configured,
                std::optional<uint16_t> keGroup,
                const Ikev2Transform** chosen)
{
    std::vector<const Ikev2Transform*> offers = OfType(offer, type);
    std::vector<const Ikev2Transform*> ours = OfType(configured, type);
    *chosen = nullptr;
    if (ours.empty() || offers.empty())
    {
        // A type on one side only: acceptable only if it may be NONE and that side says so or
        // the other side offers NONE (RFC 7296 section 3.3.3); unknown types never are.
        if (!IsOptionalType(type))
        {
            return false;
        }
        if (ours.empty())
        {
            for (const auto* transform : offers)
            {
                if (transform->m_id == TRANSFORM_NONE && IsUnderstood(*transform))
                {
                    *chosen = transform;
                    return true;
                }
            }
            return false;
        }
        return HasNone(ours);
    }
    const Ikev2Transform* first = nullptr;
    for (const auto* transform : offers)
    {
        if (!IsUnderstood(*transform))
        {
            continue;
        }
        for (const auto* mine : ours)
        {
            if (IsSameTransform(*transform, *mine))
            {
                if (type == Ikev2TransformType::DIFFIE_HELLMAN && keGroup &&
                    transform->m_id == *keGroup)
                {
                    *chosen = transform;
                    return true;
                }
                first = first ? first : transform;
            }
        }
    }
    *chosen = first;
    return first != nullptr;
}

/// The accepted proposal built from offer and configured, or nothing.
std::optional<Ikev2Proposal>
Match(const Ikev2Proposal& offer, const Ikev2Proposal& configured, std::optional<uint16_t> keGroup)
{
    if (offer.m_protocol != configured.m_protocol)
    {
        return std::nullopt;
    }
    Ikev2Proposal accepted;
    accepted.m_number = offer.m_number;
    accepted.m_protocol = offer.m_protocol;
    std::vector<Ikev2TransformType> types = TypesInOrder(offer);
    for (Ikev2TransformType type : TypesInOrder(configured))
    {
        if (std::find(types.begin(), types.end(), type) == types.end())
        {
            types.push_back(type);
        }
    }
    for (Ikev2TransformType type : types)
    {
        const Ikev2Transform* chosen = nullptr;
        if (!ChooseTransform(type, offer, configured, keGroup, &chosen))
        {
            return std::nullopt;
        }
        if (chosen)
        {
            accepted.m_transforms.push_back(*chosen);
        }
    }
    return accepted;
}

uint16_t
DhGroupOf(const Ikev2Proposal& proposal)
{
    for (const auto& transform : proposal.m_transforms)
    {
        if (transform.m_type == Ikev2TransformType::DIFFIE_HELLMAN)
        {
            return transform.m_id;
        }
    }
    return TRANSFORM_NONE;
}

Ikev2ProposalSelectionResult
Outcome(Ikev2ProposalOutcome outcome)
{
    Ikev2ProposalSelectionResult result;
    result.outcome = outcome;
    return result;
}

} // namespace

const char*
Ikev2ProposalOutcomeName(Ikev2ProposalOutcome outcome)
{
    switch (outcome)
    {
    case Ikev2ProposalOutcome::ACCEPTED:
        return "ACCEPTED";
    case Ikev2ProposalOutcome::NO_PROPOSAL_CHOSEN:
        return "NO_PROPOSAL_CHOSEN";
    case Ikev2ProposalOutcome::INVALID_KE_PAYLOAD:
        return "INVALID_KE_PAYLOAD";
    case Ikev2ProposalOutcome::RESPONSE_NOT_ONE_PROPOSAL:
        return "RESPONSE_NOT_ONE_PROPOSAL";
    case Ikev2ProposalOutcome::RESPONSE_UNKNOWN_PROPOSAL:
        return "RESPONSE_UNKNOWN_PROPOSAL";
    case Ikev2ProposalOutcome::RESPONSE_TRANSFORM_NOT_OFFERED:
        return "RESPONSE_TRANSFORM_NOT_OFFERED";
    case Ikev2ProposalOutcome::RESPONSE_DUPLICATE_TRANSFORM_TYPE:
        return "RESPONSE_DUPLICATE_TRANSFORM_TYPE";
    case Ikev2ProposalOutcome::RESPONSE_MISSING_TRANSFORM_TYPE:
        return "RESPONSE_MISSING_TRANSFORM_TYPE";
    case Ikev2ProposalOutcome::RESPONSE_BAD_SPI:
        return "RESPONSE_BAD_SPI";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, Ikev2ProposalOutcome outcome)
{
    return os << Ikev2ProposalOutcomeName(outcome);
}

bool
Ikev2ProposalSelectionResult::IsAccepted() const
{
    return outcome == Ikev2ProposalOutcome::ACCEPTED;
}

Ikev2ProposalSelectionResult
Ikev2ProposalSelection::Select(const std::vector<Ikev2Proposal>& offered,
                               const std::vector<Ikev2Proposal>& configured,
                               const CryptoBytes& responderSpi,
                               std::optional<uint16_t> keGroup)
{
    for (const auto& offer : offered)
    {
        for (const auto& mine : configured)
        {
            std::optional<Ikev2Proposal> accepted = Match(offer, mine, keGroup);
            if (!accepted)
            {
                continue;
            }
            Ikev2ProposalSelectionResult result;
            result.accepted = *accepted;
            result.accepted.m_spi = responderSpi;
            result.initiatorSpi = offer.m_spi;
            const uint16_t chosenGroup = DhGroupOf(*accepted);
            if (chosenGroup == TRANSFORM_NONE && keGroup)
            {
                // A KE payload for a proposal without D-H has no meaning here.
                return Outcome(Ikev2ProposalOutcome::NO_PROPOSAL_CHOSEN);
            }
            // RFC 7296 section 1.2: a proposal with another group than the KE's MUST be
            // rejected with INVALID_KE_PAYLOAD naming the group the responder wants.
            if (chosenGroup != TRANSFORM_NONE && (!keGroup || *keGroup != chosenGroup))
            {
                result.outcome = Ikev2ProposalOutcome::INVALID_KE_PAYLOAD;
                result.requestedDhGroup = chosenGroup;
                return result;
            }
            result.outcome = Ikev2ProposalOutcome::ACCEPTED;
            return result;
        }
    }
    return Outcome(Ikev2ProposalOutcome::NO_PROPOSAL_CHOSEN);
}

Ikev2ProposalSelectionResult
Ikev2ProposalSelection::CheckResponse(const std::vector<Ikev2Proposal>& offered,
                                      const std::vector<Ikev2Proposal>& response)
{
    // RFC 7296 section 2.7: the responder accepts a single proposal.
    if (response.size() != 1)
    {
        return Outcome(Ikev2ProposalOutcome::RESPONSE_NOT_ONE_PROPOSAL);
    }
    const Ikev2Proposal& answer = response.front();
    const Ikev2Proposal* offer = nullptr;
    for (const auto& candidate : offered)
    {
        if (candidate.m_number == answer.m_number && candidate.m_protocol == answer.m_protocol)
        {
            offer = &candidate;
        }
    }
    if (!offer)
    {
        return Outcome(Ikev2ProposalOutcome::RESPONSE_UNKNOWN_PROPOSAL);
    }
    // IKE_SA_INIT: no SPI either way; a Child SA or IKE rekey: the responder's own SPI, of the
    // size we used for ours.
    if (answer.m_spi.size() != offer->m_spi.size())
    {
        return Outcome(Ikev2ProposalOutcome::RESPONSE_BAD_SPI);
    }
    std::set<Ikev2TransformType> seen;
    for (const auto& transform : answer.m_transforms)
    {
        if (!seen.insert(transform.m_type).second)
        {
            return Outcome(Ikev2ProposalOutcome::RESPONSE_DUPLICATE_TRANSFORM_TYPE);
        }
        bool wasOffered = false;
        for (const auto* candidate : OfType(*offer, transform.m_type))
        {
            wasOffered =
                wasOffered || (IsSameTransform(transform, *candidate) &&
                               transform.m_attributes.size() == candidate->m_attributes.size());
        }
        if (!wasOffered)
        {
            return Outcome(Ikev2ProposalOutcome::RESPONSE_TRANSFORM_NOT_OFFERED);
        }
    }
    for (Ikev2TransformType type : TypesInOrder(*offer))
    {
        // A type may be left out only where NONE was among the choices.
        if (seen.count(type) == 0 && !(IsOptionalType(type) && HasNone(OfType(*offer, type))))
        {
            return Outcome(Ikev2ProposalOutcome::RESPONSE_MISSING_TRANSFORM_TYPE);
        }
    }
    Ikev2ProposalSelectionResult result;
    result.outcome = Ikev2ProposalOutcome::ACCEPTED;
    result.accepted = answer;
    return result;
}

} // namespace ns3
