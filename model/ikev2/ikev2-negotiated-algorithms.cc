/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-negotiated-algorithms.h"

#include <map>

namespace ns3
{

namespace
{

constexpr uint16_t TRANSFORM_NONE = 0; //!< INTEG NONE, D-H NONE, ESN no (RFC 7296 3.3.2)
constexpr uint16_t ESN_YES = 1;        //!< ESN transform ID for 64-bit sequence numbers

/// One transform per type, or nothing if a type repeats.
std::optional<std::map<Ikev2TransformType, const Ikev2Transform*>>
ByType(const Ikev2Proposal& proposal)
{
    std::map<Ikev2TransformType, const Ikev2Transform*> byType;
    for (const auto& transform : proposal.m_transforms)
    {
        if (!byType.emplace(transform.m_type, &transform).second)
        {
            return std::nullopt;
        }
    }
    return byType;
}

const Ikev2Transform*
Get(const std::map<Ikev2TransformType, const Ikev2Transform*>& byType, Ikev2TransformType type)
{
    auto it = byType.find(type);
    return it == byType.end() ? nullptr : it->second;
}

/// Integrity: absent or NONE gives nullptr in *integrity; false for an unknown ID.
bool
ResolveIntegrity(const Ikev2Transform* transform, const CryptoIntegrityAlgorithm** integrity)
{
    *integrity = nullptr;
    if (!transform || transform->m_id == TRANSFORM_NONE)
    {
        return true;
    }
    *integrity = CryptoAlgorithmTable::FindIntegrity(transform->m_id);
    return *integrity != nullptr;
}

/// D-H: absent or NONE gives nullptr in *group; false for an unknown ID.
bool
ResolveGroup(const Ikev2Transform* transform, const CryptoDhGroup** group)
{
    *group = nullptr;
    if (!transform || transform->m_id == TRANSFORM_NONE)
    {
        return true;
    }
    *group = CryptoAlgorithmTable::FindDhGroup(transform->m_id);
    return *group != nullptr;
}

const CryptoEncryptionAlgorithm*
ResolveEncryption(const Ikev2Transform* transform)
{
    return transform
               ? CryptoAlgorithmTable::FindEncryption(transform->m_id, transform->GetKeyLength())
               : nullptr;
}

/// RFC 7296 section 3.3.3: a combined-mode cipher has no integrity, any other one needs it.
bool
IsIntegrityConsistent(const CryptoEncryptionAlgorithm* encryption,
                      const CryptoIntegrityAlgorithm* integrity)
{
    return encryption->IsAead() ? integrity == nullptr : integrity != nullptr;
}

} // namespace

std::optional<Ikev2IkeSaAlgorithms>
Ikev2IkeSaAlgorithms::FromProposal(const Ikev2Proposal& proposal)
{
    auto byType = ByType(proposal);
    if (proposal.m_protocol != Ikev2ProtocolId::IKE || !byType ||
        Get(*byType, Ikev2TransformType::EXTENDED_SEQUENCE_NUMBERS))
    {
        return std::nullopt;
    }
    Ikev2IkeSaAlgorithms algorithms;
    algorithms.encryption = ResolveEncryption(Get(*byType, Ikev2TransformType::ENCRYPTION));
    const Ikev2Transform* prf = Get(*byType, Ikev2TransformType::PSEUDO_RANDOM_FUNCTION);
    algorithms.prf = prf ? CryptoAlgorithmTable::FindPrf(prf->m_id) : nullptr;
    if (!algorithms.encryption || !algorithms.prf ||
        !ResolveIntegrity(Get(*byType, Ikev2TransformType::INTEGRITY), &algorithms.integrity) ||
        !ResolveGroup(Get(*byType, Ikev2TransformType::DIFFIE_HELLMAN), &algorithms.dhGroup) ||
        !algorithms.dhGroup || !IsIntegrityConsistent(algorithms.encryption, algorithms.integrity))
    {
        return std::nullopt;
    }
    return algorithms;
}

std::optional<Ikev2ChildSaAlgorithms>
Ikev2ChildSaAlgorithms::FromProposal(const Ikev2Proposal& proposal)
{
    auto byType = ByType(proposal);
    if ((proposal.m_protocol != Ikev2ProtocolId::ESP &&
         proposal.m_protocol != Ikev2ProtocolId::AH) ||
        !byType || Get(*byType, Ikev2TransformType::PSEUDO_RANDOM_FUNCTION))
    {
        return std::nullopt;
    }
    Ikev2ChildSaAlgorithms algorithms;
    algorithms.protocol = proposal.m_protocol;
    const Ikev2Transform* esn = Get(*byType, Ikev2TransformType::EXTENDED_SEQUENCE_NUMBERS);
    if (!esn || (esn->m_id != TRANSFORM_NONE && esn->m_id != ESN_YES))
    {
        return std::nullopt;
    }
    algorithms.extendedSequenceNumbers = esn->m_id == ESN_YES;
    if (!ResolveIntegrity(Get(*byType, Ikev2TransformType::INTEGRITY), &algorithms.integrity) ||
        !ResolveGroup(Get(*byType, Ikev2TransformType::DIFFIE_HELLMAN), &algorithms.pfsGroup))
    {
        return std::nullopt;
    }
    const Ikev2Transform* encryption = Get(*byType, Ikev2TransformType::ENCRYPTION);
    if (proposal.m_protocol == Ikev2ProtocolId::AH)
    {
        // RFC 7296 section 3.3.3: AH has integrity and ESN, never encryption.
        if (encryption || !algorithms.integrity)
        {
            return std::nullopt;
        }
        return algorithms;
    }
    algorithms.encryption = ResolveEncryption(encryption);
    if (!algorithms.encryption ||
        (algorithms.encryption->IsAead() && algorithms.integrity != nullptr))
    {
        return std::nullopt;
    }
    return algorithms;
}

} // namespace ns3
