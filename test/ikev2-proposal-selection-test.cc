/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Proposal choice by the responder, the KE check, and the initiator's check of the response
 * (RFC 7296 sections 1.2, 2.7, 3.3.6), plus the algorithms an accepted proposal resolves to.
 */
#include "ns3/ikev2-negotiated-algorithms.h"
#include "ns3/ikev2-proposal-selection.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{

using Type = Ikev2TransformType;

constexpr uint16_t ENCR_3DES = 3;
constexpr uint16_t ENCR_AES_CBC = 12;
constexpr uint16_t ENCR_AES_GCM_16 = 20;
constexpr uint16_t PRF_SHA1 = 2;
constexpr uint16_t PRF_SHA2_256 = 5;
constexpr uint16_t AUTH_SHA1_96 = 2;
constexpr uint16_t AUTH_SHA2_256_128 = 12;

Ikev2Proposal
Proposal(uint8_t number, Ikev2ProtocolId protocol, std::vector<Ikev2Transform> transforms)
{
    Ikev2Proposal proposal;
    proposal.m_number = number;
    proposal.m_protocol = protocol;
    proposal.m_transforms = std::move(transforms);
    if (protocol != Ikev2ProtocolId::IKE)
    {
        proposal.m_spi = {0xc0, 0xff, 0xee, static_cast<uint8_t>(number)};
    }
    return proposal;
}

Ikev2Transform
T(Type type, uint16_t id, uint16_t keyLength = 0)
{
    return Ikev2Transform::Make(type, id, keyLength);
}

/// Our configured IKE proposal: aes-256-cbc, sha-256, group14 (what Ikev2ProposalBuilder makes).
Ikev2Proposal
OurIke(uint16_t group = 14)
{
    return Proposal(0,
                    Ikev2ProtocolId::IKE,
                    {T(Type::ENCRYPTION, ENCR_AES_CBC, 256),
                     T(Type::PSEUDO_RANDOM_FUNCTION, PRF_SHA2_256),
                     T(Type::INTEGRITY, AUTH_SHA2_256_128),
                     T(Type::DIFFIE_HELLMAN, group)});
}

size_t
CountOfType(const Ikev2Proposal& proposal, Type type)
{
    size_t count = 0;
    for (const auto& transform : proposal.m_transforms)
    {
        count += transform.m_type == type ? 1 : 0;
    }
    return count;
}

uint16_t
IdOfType(const Ikev2Proposal& proposal, Type type)
{
    for (const auto& transform : proposal.m_transforms)
    {
        if (transform.m_type == type)
        {
            return transform.m_id;
        }
    }
    return 0xffff;
}

} // namespace

TEST(Ikev2ProposalSelection, PicksFirstAcceptableOfferWithOneTransformPerType)
{
    // Offer 1 is 3DES only (unacceptable); offer 2 lists several transforms per type.
    std::vector<Ikev2Proposal> offered = {
        Proposal(1,
                 Ikev2ProtocolId::IKE,
                 {T(Type::ENCRYPTION, ENCR_3DES),
                  T(Type::PSEUDO_RANDOM_FUNCTION, PRF_SHA2_256),
                  T(Type::INTEGRITY, AUTH_SHA2_256_128),
                  T(Type::DIFFIE_HELLMAN, 14)}),
        Proposal(2,
                 Ikev2ProtocolId::IKE,
                 {T(Type::ENCRYPTION, ENCR_AES_CBC, 128),
                  T(Type::ENCRYPTION, ENCR_AES_CBC, 256),
                  T(Type::PSEUDO_RANDOM_FUNCTION, PRF_SHA1),
                  T(Type::PSEUDO_RANDOM_FUNCTION, PRF_SHA2_256),
                  T(Type::INTEGRITY, AUTH_SHA1_96),
                  T(Type::INTEGRITY, AUTH_SHA2_256_128),
                  T(Type::DIFFIE_HELLMAN, 14)}),
    };
    auto result = Ikev2ProposalSelection::Select(offered, {OurIke()}, {}, 14);
    ASSERT_EQ(result.outcome, Ikev2ProposalOutcome::ACCEPTED);
    EXPECT_EQ(result.accepted.m_number, 2); // the initiator's number is kept
    EXPECT_TRUE(result.accepted.m_spi.empty());
    ASSERT_EQ(result.accepted.m_transforms.size(), 4u);
    for (Type type :
         {Type::ENCRYPTION, Type::PSEUDO_RANDOM_FUNCTION, Type::INTEGRITY, Type::DIFFIE_HELLMAN})
    {
        EXPECT_EQ(CountOfType(result.accepted, type), 1u);
    }
    EXPECT_EQ(result.accepted.m_transforms[0].GetKeyLength(), 256);
    EXPECT_EQ(IdOfType(result.accepted, Type::PSEUDO_RANDOM_FUNCTION), PRF_SHA2_256);
    // The initiator accepts what the responder chose.
    auto check = Ikev2ProposalSelection::CheckResponse(offered, {result.accepted});
    EXPECT_EQ(check.outcome, Ikev2ProposalOutcome::ACCEPTED);
    auto algorithms = Ikev2IkeSaAlgorithms::FromProposal(result.accepted);
    ASSERT_TRUE(algorithms.has_value());
    EXPECT_STREQ(algorithms->encryption->name, "aes-256-cbc");
    EXPECT_STREQ(algorithms->integrity->name, "hmac-sha-256-128");
    EXPECT_STREQ(algorithms->prf->name, "hmac-sha-256");
    EXPECT_STREQ(algorithms->dhGroup->name, "group14");
}

TEST(Ikev2ProposalSelection, InitiatorPreferenceWinsWithinAType)
{
    // Both encryption transforms are configured; the initiator listed 128 first.
    Ikev2Proposal ours = OurIke();
    ours.m_transforms.push_back(T(Type::ENCRYPTION, ENCR_AES_CBC, 128));
    std::vector<Ikev2Proposal> offered = {Proposal(1,
                                                   Ikev2ProtocolId::IKE,
                                                   {T(Type::ENCRYPTION, ENCR_AES_CBC, 128),
                                                    T(Type::ENCRYPTION, ENCR_AES_CBC, 256),
                                                    T(Type::PSEUDO_RANDOM_FUNCTION, PRF_SHA2_256),
                                                    T(Type::INTEGRITY, AUTH_SHA2_256_128),
                                                    T(Type::DIFFIE_HELLMAN, 14)})};
    auto result = Ikev2ProposalSelection::Select(offered, {ours}, {}, 14);
    ASSERT_TRUE(result.IsAccepted());
    EXPECT_EQ(result.accepted.m_transforms[0].GetKeyLength(), 128);
}

TEST(Ikev2ProposalSelection, NoProposalChosen)
{
    // Wrong key length, missing PRF, unknown attribute, unknown transform type.
    Ikev2Proposal wrongKey = OurIke();
    wrongKey.m_number = 1;
    wrongKey.m_transforms[0] = T(Type::ENCRYPTION, ENCR_AES_CBC, 192);
    Ikev2Proposal noPrf = OurIke();
    noPrf.m_number = 2;
    noPrf.m_transforms.erase(noPrf.m_transforms.begin() + 1);
    Ikev2Proposal oddAttribute = OurIke();
    oddAttribute.m_number = 3;
    Ikev2TransformAttribute attribute;
    attribute.m_type = 99;
    oddAttribute.m_transforms[1].m_attributes.push_back(attribute);
    Ikev2Proposal unknownType = OurIke();
    unknownType.m_number = 4;
    unknownType.m_transforms.push_back(T(static_cast<Type>(6), 1));
    auto result = Ikev2ProposalSelection::Select({wrongKey, noPrf, oddAttribute, unknownType},
                                                 {OurIke()},
                                                 {},
                                                 14);
    EXPECT_EQ(result.outcome, Ikev2ProposalOutcome::NO_PROPOSAL_CHOSEN);
    // An ESP offer never matches an IKE configuration.
    Ikev2Proposal esp = OurIke();
    esp.m_protocol = Ikev2ProtocolId::ESP;
    EXPECT_EQ(Ikev2ProposalSelection::Select({esp}, {OurIke()}, {}, 14).outcome,
              Ikev2ProposalOutcome::NO_PROPOSAL_CHOSEN);
    // The unknown attribute only spoils its own transform: with another PRF it is fine.
    oddAttribute.m_transforms.push_back(T(Type::PSEUDO_RANDOM_FUNCTION, PRF_SHA2_256));
    EXPECT_TRUE(Ikev2ProposalSelection::Select({oddAttribute}, {OurIke()}, {}, 14).IsAccepted());
}

TEST(Ikev2ProposalSelection, InvalidKePayloadAsksForTheChosenGroup)
{
    // The initiator offers group 19 and 14 but guessed 14 for its KE; we only do group 19.
    Ikev2Proposal offer = OurIke(14);
    offer.m_number = 1;
    offer.m_transforms.push_back(T(Type::DIFFIE_HELLMAN, 19));
    auto result = Ikev2ProposalSelection::Select({offer}, {OurIke(19)}, {}, 14);
    EXPECT_EQ(result.outcome, Ikev2ProposalOutcome::INVALID_KE_PAYLOAD);
    EXPECT_EQ(result.requestedDhGroup, 19);
    // With a KE of group 19 it is accepted.
    result = Ikev2ProposalSelection::Select({offer}, {OurIke(19)}, {}, 19);
    ASSERT_TRUE(result.IsAccepted());
    EXPECT_EQ(IdOfType(result.accepted, Type::DIFFIE_HELLMAN), 19);
    // When both groups are acceptable the KE's group is preferred, though offered second.
    Ikev2Proposal both = OurIke(14);
    both.m_transforms.push_back(T(Type::DIFFIE_HELLMAN, 19));
    result = Ikev2ProposalSelection::Select({offer}, {both}, {}, 19);
    ASSERT_TRUE(result.IsAccepted());
    EXPECT_EQ(IdOfType(result.accepted, Type::DIFFIE_HELLMAN), 19);
    result = Ikev2ProposalSelection::Select({offer}, {both}, {}, 14);
    ASSERT_TRUE(result.IsAccepted());
    EXPECT_EQ(IdOfType(result.accepted, Type::DIFFIE_HELLMAN), 14);
}

TEST(Ikev2ProposalSelection, ChildSaSpisAndPfs)
{
    // ESP GCM without PFS; the initiator also offers D-H NONE and both ESN values.
    std::vector<Ikev2Proposal> offered = {
        Proposal(1,
                 Ikev2ProtocolId::ESP,
                 {T(Type::ENCRYPTION, ENCR_AES_GCM_16, 256),
                  T(Type::ENCRYPTION, ENCR_AES_GCM_16, 128),
                  T(Type::DIFFIE_HELLMAN, 0),
                  T(Type::EXTENDED_SEQUENCE_NUMBERS, 1),
                  T(Type::EXTENDED_SEQUENCE_NUMBERS, 0)}),
    };
    Ikev2Proposal ours = Proposal(
        0,
        Ikev2ProtocolId::ESP,
        {T(Type::ENCRYPTION, ENCR_AES_GCM_16, 128), T(Type::EXTENDED_SEQUENCE_NUMBERS, 0)});
    ours.m_spi.clear();
    const CryptoBytes ourSpi = {0x12, 0x34, 0x56, 0x78};
    auto result = Ikev2ProposalSelection::Select(offered, {ours}, ourSpi, std::nullopt);
    ASSERT_TRUE(result.IsAccepted());
    EXPECT_EQ(result.accepted.m_spi, ourSpi);
    EXPECT_EQ(result.initiatorSpi, (CryptoBytes{0xc0, 0xff, 0xee, 0x01}));
    EXPECT_EQ(IdOfType(result.accepted, Type::DIFFIE_HELLMAN), 0); // NONE kept
    EXPECT_EQ(IdOfType(result.accepted, Type::EXTENDED_SEQUENCE_NUMBERS), 0);
    EXPECT_EQ(Ikev2ProposalSelection::CheckResponse(offered, {result.accepted}).outcome,
              Ikev2ProposalOutcome::ACCEPTED);
    auto algorithms = Ikev2ChildSaAlgorithms::FromProposal(result.accepted);
    ASSERT_TRUE(algorithms.has_value());
    EXPECT_STREQ(algorithms->encryption->name, "aes-128-gcm");
    EXPECT_EQ(algorithms->integrity, nullptr);
    EXPECT_EQ(algorithms->pfsGroup, nullptr);
    EXPECT_FALSE(algorithms->extendedSequenceNumbers);

    // With PFS configured, an offer without D-H is not acceptable ...
    Ikev2Proposal pfs = ours;
    pfs.m_transforms.push_back(T(Type::DIFFIE_HELLMAN, 20));
    Ikev2Proposal noDh = offered[0];
    noDh.m_transforms.erase(noDh.m_transforms.begin() + 2);
    EXPECT_EQ(Ikev2ProposalSelection::Select({noDh}, {pfs}, ourSpi, std::nullopt).outcome,
              Ikev2ProposalOutcome::NO_PROPOSAL_CHOSEN);
    // ... and one with group 20 but a KE of group 19 gets INVALID_KE_PAYLOAD(20).
    Ikev2Proposal withDh = noDh;
    withDh.m_transforms.push_back(T(Type::DIFFIE_HELLMAN, 20));
    auto invalidKe = Ikev2ProposalSelection::Select({withDh}, {pfs}, ourSpi, 19);
    EXPECT_EQ(invalidKe.outcome, Ikev2ProposalOutcome::INVALID_KE_PAYLOAD);
    EXPECT_EQ(invalidKe.requestedDhGroup, 20);
    // Without PFS configured, a KE payload cannot go with the chosen proposal.
    EXPECT_EQ(Ikev2ProposalSelection::Select(offered, {ours}, ourSpi, 19).outcome,
              Ikev2ProposalOutcome::NO_PROPOSAL_CHOSEN);
}

TEST(Ikev2ProposalSelection, InitiatorRejectsBadResponses)
{
    std::vector<Ikev2Proposal> offered = {OurIke(), OurIke(19)};
    offered[0].m_number = 1;
    offered[1].m_number = 2;
    Ikev2Proposal good = offered[1];
    EXPECT_EQ(Ikev2ProposalSelection::CheckResponse(offered, {good}).outcome,
              Ikev2ProposalOutcome::ACCEPTED);
    EXPECT_EQ(Ikev2ProposalSelection::CheckResponse(offered, {}).outcome,
              Ikev2ProposalOutcome::RESPONSE_NOT_ONE_PROPOSAL);
    EXPECT_EQ(Ikev2ProposalSelection::CheckResponse(offered, {good, good}).outcome,
              Ikev2ProposalOutcome::RESPONSE_NOT_ONE_PROPOSAL);
    Ikev2Proposal renumbered = good;
    renumbered.m_number = 3;
    EXPECT_EQ(Ikev2ProposalSelection::CheckResponse(offered, {renumbered}).outcome,
              Ikev2ProposalOutcome::RESPONSE_UNKNOWN_PROPOSAL);
    Ikev2Proposal swapped = good;
    swapped.m_transforms[3] = T(Type::DIFFIE_HELLMAN, 14); // offered in proposal 1, not 2
    EXPECT_EQ(Ikev2ProposalSelection::CheckResponse(offered, {swapped}).outcome,
              Ikev2ProposalOutcome::RESPONSE_TRANSFORM_NOT_OFFERED);
    Ikev2Proposal twice = good;
    twice.m_transforms.push_back(T(Type::DIFFIE_HELLMAN, 19));
    EXPECT_EQ(Ikev2ProposalSelection::CheckResponse(offered, {twice}).outcome,
              Ikev2ProposalOutcome::RESPONSE_DUPLICATE_TRANSFORM_TYPE);
    Ikev2Proposal missing = good;
    missing.m_transforms.pop_back();
    EXPECT_EQ(Ikev2ProposalSelection::CheckResponse(offered, {missing}).outcome,
              Ikev2ProposalOutcome::RESPONSE_MISSING_TRANSFORM_TYPE);
    Ikev2Proposal withSpi = good;
    withSpi.m_spi = CryptoBytes(8, 0x01);
    EXPECT_EQ(Ikev2ProposalSelection::CheckResponse(offered, {withSpi}).outcome,
              Ikev2ProposalOutcome::RESPONSE_BAD_SPI);
    EXPECT_STREQ(Ikev2ProposalOutcomeName(Ikev2ProposalOutcome::RESPONSE_BAD_SPI),
                 "RESPONSE_BAD_SPI");
}

TEST(Ikev2NegotiatedAlgorithms, RejectsInconsistentProposals)
{
    Ikev2Proposal gcmWithInteg = Proposal(1,
                                          Ikev2ProtocolId::IKE,
                                          {T(Type::ENCRYPTION, ENCR_AES_GCM_16, 128),
                                           T(Type::PSEUDO_RANDOM_FUNCTION, PRF_SHA2_256),
                                           T(Type::INTEGRITY, AUTH_SHA1_96),
                                           T(Type::DIFFIE_HELLMAN, 19)});
    EXPECT_FALSE(Ikev2IkeSaAlgorithms::FromProposal(gcmWithInteg).has_value());
    gcmWithInteg.m_transforms[2] = T(Type::INTEGRITY, 0); // NONE is fine
    EXPECT_TRUE(Ikev2IkeSaAlgorithms::FromProposal(gcmWithInteg).has_value());
    Ikev2Proposal cbcWithoutInteg = OurIke();
    cbcWithoutInteg.m_transforms.erase(cbcWithoutInteg.m_transforms.begin() + 2);
    EXPECT_FALSE(Ikev2IkeSaAlgorithms::FromProposal(cbcWithoutInteg).has_value());
    Ikev2Proposal unknownGroup = OurIke(99);
    EXPECT_FALSE(Ikev2IkeSaAlgorithms::FromProposal(unknownGroup).has_value());
    Ikev2Proposal ahWithEncryption = Proposal(1,
                                              Ikev2ProtocolId::AH,
                                              {T(Type::ENCRYPTION, ENCR_AES_CBC, 128),
                                               T(Type::INTEGRITY, AUTH_SHA1_96),
                                               T(Type::EXTENDED_SEQUENCE_NUMBERS, 0)});
    EXPECT_FALSE(Ikev2ChildSaAlgorithms::FromProposal(ahWithEncryption).has_value());
    ahWithEncryption.m_transforms.erase(ahWithEncryption.m_transforms.begin());
    auto ah = Ikev2ChildSaAlgorithms::FromProposal(ahWithEncryption);
    ASSERT_TRUE(ah.has_value());
    EXPECT_EQ(ah->encryption, nullptr);
    EXPECT_STREQ(ah->integrity->name, "hmac-sha1-96");
    Ikev2Proposal espWithoutEsn =
        Proposal(1, Ikev2ProtocolId::ESP, {T(Type::ENCRYPTION, ENCR_AES_GCM_16, 128)});
    EXPECT_FALSE(Ikev2ChildSaAlgorithms::FromProposal(espWithoutEsn).has_value());
}
