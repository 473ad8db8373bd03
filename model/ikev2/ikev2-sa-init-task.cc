/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-sa-init-task.h"

#include "ikev2-key-material.h"
#include "ikev2-negotiated-algorithms.h"
#include "ikev2-proposal-selection.h"
#include "ikev2-sa.h"
#include "ikev2-socket-address.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-cipher.h"
#include "ns3/crypto-digest.h"
#include "ns3/crypto-integrity.h"
#include "ns3/crypto-prf.h"
#include "ns3/ikev2-ke-payload.h"
#include "ns3/ikev2-message-protection.h"
#include "ns3/ikev2-nonce-payload.h"
#include "ns3/ikev2-notify-payload.h"
#include "ns3/ikev2-sa-payload.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2SaInitTask");

namespace
{

/// The NAT traversal port (RFC 7296 section 2.23).
constexpr uint16_t NAT_T_PORT = 4500;

/// \return the first Notify of a type, or nullptr
Ptr<Ikev2NotifyPayload>
FindNotify(const Ikev2PayloadList& payloads, Ikev2NotifyType type)
{
    for (const auto& payload : payloads)
    {
        Ptr<Ikev2NotifyPayload> notify = DynamicCast<Ikev2NotifyPayload>(payload);
        if (notify && notify->GetNotifyType() == type)
        {
            return notify;
        }
    }
    return nullptr;
}

/// \return the D-H group transform ID of a proposal, or 0
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
    return 0;
}

/// \return an SPI as the 8 bytes prf+ takes (RFC 7296 section 2.14)
CryptoBytes
SpiBytes(uint64_t spi)
{
    CryptoBytes bytes(8);
    for (int i = 7; i >= 0; --i)
    {
        bytes[i] = static_cast<uint8_t>(spi);
        spi >>= 8;
    }
    return bytes;
}

/// \return the SK payload protection of one direction
Ptr<Ikev2MessageProtection>
Protection(const Ikev2IkeSaAlgorithms& algorithms,
           const CryptoBytes& encryptionKey,
           const CryptoBytes& integrityKey,
           Ptr<CryptoRandom> random)
{
    Ptr<CryptoIntegrity> integrity =
        algorithms.integrity ? Create<CryptoIntegrity>(*algorithms.integrity, integrityKey)
                             : nullptr;
    return Create<Ikev2MessageProtection>(
        Create<CryptoCipher>(*algorithms.encryption, encryptionKey),
        integrity,
        [random](uint8_t* iv, size_t size) { random->Fill(iv, size); });
}

/// \return the IP address bytes and the port of a socket address (empty if it has none)
std::pair<CryptoBytes, uint16_t>
AddressAndPort(const Address& address)
{
    if (Inet6SocketAddress::IsMatchingType(address))
    {
        const Inet6SocketAddress socket = Inet6SocketAddress::ConvertFrom(address);
        CryptoBytes bytes(16);
        socket.GetIpv6().GetBytes(bytes.data());
        return {bytes, socket.GetPort()};
    }
    if (InetSocketAddress::IsMatchingType(address))
    {
        const InetSocketAddress socket = InetSocketAddress::ConvertFrom(address);
        CryptoBytes bytes(4);
        socket.GetIpv4().Serialize(bytes.data());
        return {bytes, socket.GetPort()};
    }
    return {{}, 0};
}

/// RFC 7296 section 2.23: SHA-1(SPIi | SPIr | IP address | port).
CryptoBytes
NatHash(uint64_t initiatorSpi, uint64_t responderSpi, const Address& address)
{
    const auto [ip, port] = AddressAndPort(address);
    const CryptoBytes portBytes{uint8_t(port >> 8), uint8_t(port)};
    return CryptoSha1({SpiBytes(initiatorSpi), SpiBytes(responderSpi), ip, portBytes});
}

} // namespace

void
Ikev2SaInitTask::AddNatDetection(const Ikev2Sa& sa,
                                 uint64_t responderSpi,
                                 Ikev2PayloadList* payloads) const
{
    if (!m_natTraversal || sa.GetLocal().IsInvalid())
    {
        return;
    }
    payloads->push_back(
        Create<Ikev2NotifyPayload>(Ikev2NotifyType::NAT_DETECTION_SOURCE_IP,
                                   NatHash(sa.GetInitiatorSpi(), responderSpi, sa.GetLocal())));
    payloads->push_back(
        Create<Ikev2NotifyPayload>(Ikev2NotifyType::NAT_DETECTION_DESTINATION_IP,
                                   NatHash(sa.GetInitiatorSpi(), responderSpi, sa.GetPeer())));
}

void
Ikev2SaInitTask::CheckNatDetection(Ikev2Sa& sa,
                                   uint64_t responderSpi,
                                   const Ikev2PayloadList& payloads) const
{
    if (!m_natTraversal || sa.GetLocal().IsInvalid())
    {
        return;
    }
    const CryptoBytes peerAsSeen = NatHash(sa.GetInitiatorSpi(), responderSpi, sa.GetPeer());
    const CryptoBytes localAsSeen = NatHash(sa.GetInitiatorSpi(), responderSpi, sa.GetLocal());
    bool sourceSeen = false;
    bool sourceMatches = false;
    bool destinationSeen = false;
    bool destinationMatches = false;
    for (const auto& payload : payloads)
    {
        Ptr<Ikev2NotifyPayload> notify = DynamicCast<Ikev2NotifyPayload>(payload);
        if (!notify)
        {
            continue;
        }
        // Several source notifications may come (a multihomed peer); one match is enough.
        if (notify->GetNotifyType() == Ikev2NotifyType::NAT_DETECTION_SOURCE_IP)
        {
            sourceSeen = true;
            sourceMatches = sourceMatches || notify->GetData() == peerAsSeen;
        }
        else if (notify->GetNotifyType() == Ikev2NotifyType::NAT_DETECTION_DESTINATION_IP)
        {
            destinationSeen = true;
            destinationMatches = destinationMatches || notify->GetData() == localAsSeen;
        }
    }
    if (sourceSeen && destinationSeen)
    {
        sa.SetNat(!destinationMatches, !sourceMatches);
    }
}

Ikev2SaInitTask::Ikev2SaInitTask(std::vector<Ikev2Proposal> proposals,
                                 Ptr<CryptoRandom> random,
                                 bool natTraversal)
    : m_proposals(std::move(proposals)),
      m_random(random),
      m_natTraversal(natTraversal)
{
    // RFC 7296 section 3.3.1: proposals are numbered from 1; the response is checked against
    // the numbers the offer carried.
    for (size_t i = 0; i < m_proposals.size(); ++i)
    {
        m_proposals[i].m_number = static_cast<uint8_t>(i + 1);
    }
}

Ikev2SaInitTask::~Ikev2SaInitTask() = default;

Ikev2ExchangeType
Ikev2SaInitTask::GetExchangeType() const
{
    return Ikev2ExchangeType::IKE_SA_INIT;
}

std::string
Ikev2SaInitTask::GetName() const
{
    return "IKE_SA_INIT";
}

uint16_t
Ikev2SaInitTask::GetKeGroup() const
{
    return m_keGroup;
}

Ikev2TaskResult
Ikev2SaInitTask::BuildRequest(Ikev2Sa& sa, Ikev2PayloadList* payloads)
{
    if (m_proposals.empty())
    {
        return Ikev2TaskResult::Failed("no IKE proposal to offer");
    }
    if (m_keGroup == 0)
    {
        m_keGroup = DhGroupOf(m_proposals.front());
    }
    const CryptoDhGroup* group = CryptoAlgorithmTable::FindDhGroup(m_keGroup);
    if (!group)
    {
        return Ikev2TaskResult::Failed("D-H group " + std::to_string(m_keGroup) + " unknown");
    }
    m_dh = std::make_unique<CryptoKeyExchange>(*group);
    m_dh->GenerateKeyPair(*m_random);
    CryptoBytes nonce(NONCE_BYTES);
    m_random->Fill(nonce.data(), nonce.size());
    sa.GetExchange().initiatorNonce = nonce;

    Ptr<Ikev2SaPayload> offer = Create<Ikev2SaPayload>();
    for (const auto& proposal : m_proposals)
    {
        offer->AddProposal(proposal);
    }
    payloads->push_back(offer);
    payloads->push_back(Create<Ikev2KePayload>(m_keGroup, m_dh->GetPublicValue()));
    payloads->push_back(Create<Ikev2NoncePayload>(nonce));
    AddNatDetection(sa, 0, payloads);
    return Ikev2TaskResult::Done();
}

Ikev2TaskResult
Ikev2SaInitTask::ProcessResponse(Ikev2Sa& sa, const Ikev2PayloadList& payloads)
{
    if (Ptr<Ikev2NotifyPayload> invalidKe =
            FindNotify(payloads, Ikev2NotifyType::INVALID_KE_PAYLOAD))
    {
        // RFC 7296 section 1.2: start over with the group the responder wants, if offered.
        const CryptoBytes& data = invalidKe->GetData();
        const uint16_t wanted = data.size() == 2 ? uint16_t(data[0] << 8 | data[1]) : 0;
        bool offered = false;
        for (const auto& proposal : m_proposals)
        {
            offered = offered || DhGroupOf(proposal) == wanted;
        }
        if (!offered || wanted == m_keGroup)
        {
            return Ikev2TaskResult::Failed("INVALID_KE_PAYLOAD asks for D-H group " +
                                           std::to_string(wanted) + ", which was not offered");
        }
        m_keGroup = wanted;
        return Ikev2TaskResult::Retry("INVALID_KE_PAYLOAD: D-H group " + std::to_string(wanted));
    }
    for (const auto& payload : payloads)
    {
        Ptr<Ikev2NotifyPayload> notify = DynamicCast<Ikev2NotifyPayload>(payload);
        if (notify && Ikev2NotifyIsError(notify->GetNotifyType()))
        {
            return Ikev2TaskResult::Failed(
                "peer answered " + std::string(Ikev2NotifyTypeName(notify->GetNotifyType())));
        }
    }
    Ptr<Ikev2SaPayload> chosen =
        Ikev2FindPayload<Ikev2SaPayload>(payloads, Ikev2PayloadType::SECURITY_ASSOCIATION);
    Ptr<Ikev2KePayload> ke =
        Ikev2FindPayload<Ikev2KePayload>(payloads, Ikev2PayloadType::KEY_EXCHANGE);
    Ptr<Ikev2NoncePayload> nonce =
        Ikev2FindPayload<Ikev2NoncePayload>(payloads, Ikev2PayloadType::NONCE);
    if (!chosen || !ke || !nonce)
    {
        return Ikev2TaskResult::Failed("response without SA, KE or Nonce payload");
    }
    const Ikev2ProposalSelectionResult check =
        Ikev2ProposalSelection::CheckResponse(m_proposals, chosen->GetProposals());
    if (!check.IsAccepted())
    {
        return Ikev2TaskResult::Failed("unacceptable proposal in the response: " +
                                       std::string(Ikev2ProposalOutcomeName(check.outcome)));
    }
    if (ke->GetGroup() != m_keGroup || DhGroupOf(check.accepted) != m_keGroup)
    {
        return Ikev2TaskResult::Failed("response KE group " + std::to_string(ke->GetGroup()) +
                                       " is not the group offered (" + std::to_string(m_keGroup) +
                                       ")");
    }
    sa.GetExchange().responderNonce = nonce->GetNonce();
    CheckNatDetection(sa, sa.GetResponderSpi(), payloads);
    if (sa.IsNatDetected())
    {
        // RFC 7296 section 2.23: after IKE_SA_INIT, IKE moves to port 4500.
        sa.SetPeer(Ikev2SocketAddress::WithPort(sa.GetPeer(), NAT_T_PORT));
        sa.SetLocal(Ikev2SocketAddress::WithPort(sa.GetLocal(), NAT_T_PORT));
    }
    return DeriveKeys(sa, check.accepted, ke->GetData());
}

Ikev2TaskResult
Ikev2SaInitTask::ProcessRequest(Ikev2Sa& sa,
                                const Ikev2PayloadList& request,
                                Ikev2PayloadList* response)
{
    Ptr<Ikev2SaPayload> offer =
        Ikev2FindPayload<Ikev2SaPayload>(request, Ikev2PayloadType::SECURITY_ASSOCIATION);
    Ptr<Ikev2KePayload> ke =
        Ikev2FindPayload<Ikev2KePayload>(request, Ikev2PayloadType::KEY_EXCHANGE);
    Ptr<Ikev2NoncePayload> nonce =
        Ikev2FindPayload<Ikev2NoncePayload>(request, Ikev2PayloadType::NONCE);
    if (!offer || !ke || !nonce)
    {
        response->push_back(Create<Ikev2NotifyPayload>(Ikev2NotifyType::INVALID_SYNTAX));
        return Ikev2TaskResult::Failed("request without SA, KE or Nonce payload");
    }
    const Ikev2ProposalSelectionResult selection =
        Ikev2ProposalSelection::Select(offer->GetProposals(), m_proposals, {}, ke->GetGroup());
    if (selection.outcome == Ikev2ProposalOutcome::INVALID_KE_PAYLOAD)
    {
        const uint16_t group = selection.requestedDhGroup;
        response->push_back(
            Create<Ikev2NotifyPayload>(Ikev2NotifyType::INVALID_KE_PAYLOAD,
                                       CryptoBytes{uint8_t(group >> 8), uint8_t(group)}));
        return Ikev2TaskResult::Failed("INVALID_KE_PAYLOAD: asked for D-H group " +
                                       std::to_string(group));
    }
    if (!selection.IsAccepted())
    {
        response->push_back(Create<Ikev2NotifyPayload>(Ikev2NotifyType::NO_PROPOSAL_CHOSEN));
        return Ikev2TaskResult::Failed("NO_PROPOSAL_CHOSEN");
    }
    m_keGroup = ke->GetGroup();
    const CryptoDhGroup* group = CryptoAlgorithmTable::FindDhGroup(m_keGroup);
    if (!group)
    {
        response->push_back(Create<Ikev2NotifyPayload>(Ikev2NotifyType::NO_PROPOSAL_CHOSEN));
        return Ikev2TaskResult::Failed("D-H group " + std::to_string(m_keGroup) + " unknown");
    }
    m_dh = std::make_unique<CryptoKeyExchange>(*group);
    m_dh->GenerateKeyPair(*m_random);
    CryptoBytes ownNonce(NONCE_BYTES);
    m_random->Fill(ownNonce.data(), ownNonce.size());
    sa.GetExchange().initiatorNonce = nonce->GetNonce();
    sa.GetExchange().responderNonce = ownNonce;
    const Ikev2TaskResult derived = DeriveKeys(sa, selection.accepted, ke->GetData());
    if (derived.kind != Ikev2TaskResult::Kind::DONE)
    {
        response->push_back(Create<Ikev2NotifyPayload>(Ikev2NotifyType::INVALID_SYNTAX));
        return derived;
    }
    Ptr<Ikev2SaPayload> chosen = Create<Ikev2SaPayload>();
    chosen->AddProposal(selection.accepted);
    response->push_back(chosen);
    response->push_back(Create<Ikev2KePayload>(m_keGroup, m_dh->GetPublicValue()));
    response->push_back(Create<Ikev2NoncePayload>(ownNonce));
    CheckNatDetection(sa, 0, request);
    AddNatDetection(sa, sa.GetResponderSpi(), response);
    return Ikev2TaskResult::Done();
}

Ikev2TaskResult
Ikev2SaInitTask::DeriveKeys(Ikev2Sa& sa,
                            const Ikev2Proposal& accepted,
                            const CryptoBytes& peerPublicValue)
{
    const std::optional<Ikev2IkeSaAlgorithms> algorithms =
        Ikev2IkeSaAlgorithms::FromProposal(accepted);
    if (!algorithms)
    {
        return Ikev2TaskResult::Failed("the accepted proposal names unknown transforms");
    }
    CryptoBytes sharedSecret;
    const CryptoStatus status = m_dh->ComputeSharedSecret(peerPublicValue, sharedSecret);
    if (status != CryptoStatus::OK)
    {
        return Ikev2TaskResult::Failed("peer's D-H public value refused: " +
                                       std::string(CryptoStatusName(status)));
    }
    const Ikev2Sa::Exchange& exchange = sa.GetExchange();
    const CryptoPrf prf(*algorithms->prf);
    const CryptoBytes skeyseed = Ikev2KeyMaterial::ComputeSkeyseed(prf,
                                                                   exchange.initiatorNonce,
                                                                   exchange.responderNonce,
                                                                   sharedSecret);
    const Ikev2IkeSaKeys keys = Ikev2KeyMaterial::DeriveIkeSaKeys(*algorithms,
                                                                  skeyseed,
                                                                  exchange.initiatorNonce,
                                                                  exchange.responderNonce,
                                                                  SpiBytes(sa.GetInitiatorSpi()),
                                                                  SpiBytes(sa.GetResponderSpi()));
    sa.SetKeys(*algorithms, keys);
    Ptr<Ikev2MessageProtection> fromInitiator =
        Protection(*algorithms, keys.skEi, keys.skAi, m_random);
    Ptr<Ikev2MessageProtection> fromResponder =
        Protection(*algorithms, keys.skEr, keys.skAr, m_random);
    if (sa.IsOriginalInitiator())
    {
        sa.SetProtection(fromInitiator, fromResponder);
    }
    else
    {
        sa.SetProtection(fromResponder, fromInitiator);
    }
    NS_LOG_INFO("IKE SA " << sa.GetId() << ": keys derived, D-H group " << m_keGroup);
    return Ikev2TaskResult::Done();
}

} // namespace ns3
