/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-proposal-builder.h"

namespace ns3
{

namespace
{

Ikev2Transform
EncryptionTransform(const CryptoEncryptionAlgorithm& encryption)
{
    // The table's keyLengthBits is 0 for fixed-key ciphers (DES, 3DES), which must not carry
    // the Key Length attribute (RFC 7296 section 3.3.5).
    return Ikev2Transform::Make(Ikev2TransformType::ENCRYPTION,
                                encryption.transformId,
                                encryption.keyLengthBits);
}

} // namespace

Ikev2Proposal
Ikev2ProposalBuilder::BuildIke(const Ikev2IkeProposalConfig& config)
{
    Ikev2Proposal proposal;
    proposal.m_protocol = Ikev2ProtocolId::IKE;
    proposal.m_transforms.push_back(EncryptionTransform(config.GetEncryption()));
    proposal.m_transforms.push_back(Ikev2Transform::Make(Ikev2TransformType::PSEUDO_RANDOM_FUNCTION,
                                                         config.GetPrf().transformId));
    if (const CryptoIntegrityAlgorithm* integrity = config.GetIntegrity())
    {
        proposal.m_transforms.push_back(
            Ikev2Transform::Make(Ikev2TransformType::INTEGRITY, integrity->transformId));
    }
    proposal.m_transforms.push_back(
        Ikev2Transform::Make(Ikev2TransformType::DIFFIE_HELLMAN, config.GetDhGroup().transformId));
    return proposal;
}

std::vector<Ikev2Proposal>
Ikev2ProposalBuilder::BuildIke(const std::vector<const Ikev2IkeProposalConfig*>& configs)
{
    std::vector<Ikev2Proposal> proposals;
    for (const auto* config : configs)
    {
        proposals.push_back(BuildIke(*config));
        proposals.back().m_number = static_cast<uint8_t>(proposals.size());
    }
    return proposals;
}

Ikev2Proposal
Ikev2ProposalBuilder::BuildChild(const Ikev2IpsecProposalConfig& config,
                                 const CryptoDhGroup* pfsGroup)
{
    Ikev2Proposal proposal;
    const bool isEsp = config.GetProtocol() == Ikev2IpsecProtocol::ESP;
    proposal.m_protocol = isEsp ? Ikev2ProtocolId::ESP : Ikev2ProtocolId::AH;
    if (const CryptoEncryptionAlgorithm* encryption = config.GetEncryption())
    {
        proposal.m_transforms.push_back(EncryptionTransform(*encryption));
    }
    if (const CryptoIntegrityAlgorithm* integrity = config.GetIntegrity())
    {
        proposal.m_transforms.push_back(
            Ikev2Transform::Make(Ikev2TransformType::INTEGRITY, integrity->transformId));
    }
    if (pfsGroup)
    {
        proposal.m_transforms.push_back(
            Ikev2Transform::Make(Ikev2TransformType::DIFFIE_HELLMAN, pfsGroup->transformId));
    }
    // RFC 7296 section 3.3.3: ESN is mandatory in ESP and AH proposals.
    proposal.m_transforms.push_back(
        Ikev2Transform::Make(Ikev2TransformType::EXTENDED_SEQUENCE_NUMBERS, ESN_NO));
    return proposal;
}

std::vector<Ikev2Proposal>
Ikev2ProposalBuilder::BuildChild(const std::vector<const Ikev2IpsecProposalConfig*>& configs,
                                 const CryptoDhGroup* pfsGroup)
{
    std::vector<Ikev2Proposal> proposals;
    for (const auto* config : configs)
    {
        proposals.push_back(BuildChild(*config, pfsGroup));
        proposals.back().m_number = static_cast<uint8_t>(proposals.size());
    }
    return proposals;
}

} // namespace ns3
