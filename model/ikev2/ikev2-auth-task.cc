/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-auth-task.h"

#include "ikev2-proposal-selection.h"
#include "ikev2-sa.h"
#include "ikev2-socket-address.h"
#include "ikev2-ts-conversion.h"

#include "ns3/crypto-prf.h"
#include "ns3/ikev2-auth-payload.h"
#include "ns3/ikev2-id-payload.h"
#include "ns3/ikev2-notify-payload.h"
#include "ns3/ikev2-sa-payload.h"
#include "ns3/ikev2-ts-payload.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2AuthTask");

namespace
{

/// \return the name of the first error notification, or empty
std::string
ErrorNotify(const Ikev2PayloadList& payloads)
{
    for (const auto& payload : payloads)
    {
        Ptr<Ikev2NotifyPayload> notify = DynamicCast<Ikev2NotifyPayload>(payload);
        if (notify && Ikev2NotifyIsError(notify->GetNotifyType()))
        {
            return Ikev2NotifyTypeName(notify->GetNotifyType());
        }
    }
    return "";
}

/// \return an SPI as the 4 bytes of a proposal's SPI field
CryptoBytes
SpiBytes(uint32_t spi)
{
    return {uint8_t(spi >> 24), uint8_t(spi >> 16), uint8_t(spi >> 8), uint8_t(spi)};
}

/// \return the 4-byte SPI field as a number (0 if it has another size)
uint32_t
SpiValue(const CryptoBytes& spi)
{
    return spi.size() == 4
               ? uint32_t(spi[0]) << 24 | uint32_t(spi[1]) << 16 | uint32_t(spi[2]) << 8 | spi[3]
               : 0;
}

/// \return a TS payload holding selectors
Ptr<Ikev2TsPayload>
TsPayload(bool initiator, const std::vector<Ikev2TrafficSelector>& selectors)
{
    Ptr<Ikev2TsPayload> payload = Create<Ikev2TsPayload>(initiator);
    for (const auto& selector : selectors)
    {
        payload->AddSelector(selector);
    }
    return payload;
}

} // namespace

Ikev2AuthTask::Ikev2AuthTask(Ptr<const Ikev2VpnPeer> vpn, Ptr<CryptoRandom> random)
    : m_vpn(vpn),
      m_random(random)
{
}

Ikev2AuthTask::~Ikev2AuthTask() = default;

Ikev2ExchangeType
Ikev2AuthTask::GetExchangeType() const
{
    return Ikev2ExchangeType::IKE_AUTH;
}

std::string
Ikev2AuthTask::GetName() const
{
    return "IKE_AUTH";
}

const Ikev2ChildSaInstaller::Installed&
Ikev2AuthTask::GetChildSas() const
{
    return m_child;
}

void
Ikev2AuthTask::SetInstalledCallback(InstalledCallback callback)
{
    m_installed = callback;
}

Ikev2PayloadList
Ikev2AuthTask::OwnIdAndAuth(Ikev2Sa& sa) const
{
    const bool initiator = sa.IsOriginalInitiator();
    const Ikev2Sa::Exchange& exchange = sa.GetExchange();
    // RFC 7296 section 2.15: each side signs its own IKE_SA_INIT message, the other side's
    // nonce and the MAC of its own ID payload.
    Ikev2SignedOctetsInput input;
    input.realMessage = initiator ? exchange.firstRequest : exchange.firstResponse;
    input.peerNonce = initiator ? exchange.responderNonce : exchange.initiatorNonce;
    input.skP = initiator ? sa.GetKeys().skPi : sa.GetKeys().skPr;
    input.restOfIdPayload = m_vpn->localIdentity.GetRestOfIdPayload();
    const CryptoPrf prf(*sa.GetAlgorithms().prf);
    return {Create<Ikev2IdPayload>(m_vpn->localIdentity.ToPayload(initiator)),
            Create<Ikev2AuthPayload>(m_vpn->authenticator->GetMethod(),
                                     m_vpn->authenticator->BuildAuthData(prf, input))};
}

bool
Ikev2AuthTask::Authenticate(Ikev2Sa& sa,
                            const Ikev2PayloadList& payloads,
                            std::string* reason) const
{
    const bool initiator = sa.IsOriginalInitiator();
    Ptr<Ikev2IdPayload> id =
        Ikev2FindPayload<Ikev2IdPayload>(payloads,
                                         initiator ? Ikev2PayloadType::IDENTIFICATION_RESPONDER
                                                   : Ikev2PayloadType::IDENTIFICATION_INITIATOR);
    Ptr<Ikev2AuthPayload> auth =
        Ikev2FindPayload<Ikev2AuthPayload>(payloads, Ikev2PayloadType::AUTHENTICATION);
    if (!id || !auth)
    {
        *reason = "no ID or AUTH payload";
        return false;
    }
    const Ikev2Identity presented = Ikev2Identity::FromPayload(*id);
    if (!m_vpn->remoteIdentity.Matches(presented))
    {
        *reason = "peer identity " + presented.ToString() +
                  " is not the configured remote "
                  "identity " +
                  m_vpn->remoteIdentity.ToString();
        return false;
    }
    const Ikev2Sa::Exchange& exchange = sa.GetExchange();
    Ikev2SignedOctetsInput input;
    input.realMessage = initiator ? exchange.firstResponse : exchange.firstRequest;
    input.peerNonce = initiator ? exchange.initiatorNonce : exchange.responderNonce;
    input.skP = initiator ? sa.GetKeys().skPr : sa.GetKeys().skPi;
    input.restOfIdPayload = presented.GetRestOfIdPayload();
    const CryptoPrf prf(*sa.GetAlgorithms().prf);
    if (!m_vpn->authenticator->VerifyAuthData(prf, input, auth->GetMethod(), auth->GetData()))
    {
        *reason = "AUTH payload does not verify";
        return false;
    }
    return true;
}

Ikev2TaskResult
Ikev2AuthTask::BuildRequest(Ikev2Sa& sa, Ikev2PayloadList* payloads)
{
    *payloads = OwnIdAndAuth(sa);
    m_inboundSpi = Ikev2ChildSaInstaller::NewInboundSpi(*m_vpn, *m_random);
    m_offered = m_vpn->childProposals;
    Ptr<Ikev2SaPayload> offer = Create<Ikev2SaPayload>();
    for (size_t i = 0; i < m_offered.size(); ++i)
    {
        m_offered[i].m_number = static_cast<uint8_t>(i + 1);
        m_offered[i].m_spi = SpiBytes(m_inboundSpi);
        offer->AddProposal(m_offered[i]);
    }
    payloads->push_back(offer);
    std::vector<Ikev2TrafficSelector> tsi;
    std::vector<Ikev2TrafficSelector> tsr;
    for (const auto& pair : m_vpn->selectors)
    {
        tsi.push_back(Ikev2TsConversion::FromIpsec(pair.local));
        tsr.push_back(Ikev2TsConversion::FromIpsec(pair.remote));
    }
    payloads->push_back(TsPayload(true, tsi));
    payloads->push_back(TsPayload(false, tsr));
    return Ikev2TaskResult::Done();
}

Ikev2TaskResult
Ikev2AuthTask::ProcessResponse(Ikev2Sa& sa, const Ikev2PayloadList& payloads)
{
    const std::string error = ErrorNotify(payloads);
    if (!error.empty())
    {
        return Ikev2TaskResult::Failed("peer answered " + error);
    }
    std::string reason;
    if (!Authenticate(sa, payloads, &reason))
    {
        return Ikev2TaskResult::Failed("responder not authenticated: " + reason);
    }
    sa.SetState(Ikev2SaState::ESTABLISHED);
    Ptr<Ikev2SaPayload> chosen =
        Ikev2FindPayload<Ikev2SaPayload>(payloads, Ikev2PayloadType::SECURITY_ASSOCIATION);
    Ptr<Ikev2TsPayload> tsi =
        Ikev2FindPayload<Ikev2TsPayload>(payloads, Ikev2PayloadType::TRAFFIC_SELECTOR_INITIATOR);
    Ptr<Ikev2TsPayload> tsr =
        Ikev2FindPayload<Ikev2TsPayload>(payloads, Ikev2PayloadType::TRAFFIC_SELECTOR_RESPONDER);
    if (!chosen || !tsi || !tsr || tsi->GetSelectors().empty() || tsr->GetSelectors().empty())
    {
        return Ikev2TaskResult::Failed("IKE_AUTH response without SA, TSi or TSr");
    }
    const Ikev2ProposalSelectionResult check =
        Ikev2ProposalSelection::CheckResponse(m_offered, chosen->GetProposals());
    const std::optional<IpsecTrafficSelector> local =
        Ikev2TsConversion::ToIpsec(tsi->GetSelectors().front());
    const std::optional<IpsecTrafficSelector> remote =
        Ikev2TsConversion::ToIpsec(tsr->GetSelectors().front());
    if (!check.IsAccepted() || !local || !remote)
    {
        return Ikev2TaskResult::Failed("unacceptable Child SA in the response: " +
                                       std::string(Ikev2ProposalOutcomeName(check.outcome)));
    }
    return InstallChild(sa, check.accepted, SpiValue(check.accepted.m_spi), *local, *remote);
}

Ikev2TaskResult
Ikev2AuthTask::ProcessRequest(Ikev2Sa& sa,
                              const Ikev2PayloadList& request,
                              Ikev2PayloadList* response)
{
    std::string reason;
    if (!Authenticate(sa, request, &reason))
    {
        // RFC 7296 section 2.21.2: the responder answers AUTHENTICATION_FAILED, and no IKE SA
        // remains.
        response->push_back(Create<Ikev2NotifyPayload>(Ikev2NotifyType::AUTHENTICATION_FAILED));
        return Ikev2TaskResult::Failed("initiator not authenticated: " + reason);
    }
    Ptr<Ikev2SaPayload> offer =
        Ikev2FindPayload<Ikev2SaPayload>(request, Ikev2PayloadType::SECURITY_ASSOCIATION);
    Ptr<Ikev2TsPayload> tsi =
        Ikev2FindPayload<Ikev2TsPayload>(request, Ikev2PayloadType::TRAFFIC_SELECTOR_INITIATOR);
    Ptr<Ikev2TsPayload> tsr =
        Ikev2FindPayload<Ikev2TsPayload>(request, Ikev2PayloadType::TRAFFIC_SELECTOR_RESPONDER);
    if (!offer || !tsi || !tsr)
    {
        response->push_back(Create<Ikev2NotifyPayload>(Ikev2NotifyType::INVALID_SYNTAX));
        return Ikev2TaskResult::Failed("IKE_AUTH request without SA, TSi or TSr");
    }
    m_inboundSpi = Ikev2ChildSaInstaller::NewInboundSpi(*m_vpn, *m_random);
    const Ikev2ProposalSelectionResult selection =
        Ikev2ProposalSelection::Select(offer->GetProposals(),
                                       m_vpn->childProposals,
                                       SpiBytes(m_inboundSpi),
                                       std::nullopt);
    if (!selection.IsAccepted())
    {
        response->push_back(Create<Ikev2NotifyPayload>(Ikev2NotifyType::NO_PROPOSAL_CHOSEN));
        return Ikev2TaskResult::Failed("no acceptable Child SA proposal");
    }
    const Ikev2TsNarrowingResult narrowed =
        Ikev2TsNarrowing::Narrow(tsi->GetSelectors(), tsr->GetSelectors(), m_vpn->selectors);
    const std::optional<IpsecTrafficSelector> remote =
        narrowed.isAcceptable ? Ikev2TsConversion::ToIpsec(narrowed.tsi.front()) : std::nullopt;
    const std::optional<IpsecTrafficSelector> local =
        narrowed.isAcceptable ? Ikev2TsConversion::ToIpsec(narrowed.tsr.front()) : std::nullopt;
    if (!local || !remote)
    {
        response->push_back(Create<Ikev2NotifyPayload>(Ikev2NotifyType::TS_UNACCEPTABLE));
        return Ikev2TaskResult::Failed("traffic selectors unacceptable");
    }
    sa.SetState(Ikev2SaState::ESTABLISHED);
    const Ikev2TaskResult installed =
        InstallChild(sa, selection.accepted, SpiValue(selection.initiatorSpi), *local, *remote);
    if (installed.kind != Ikev2TaskResult::Kind::DONE)
    {
        response->push_back(Create<Ikev2NotifyPayload>(Ikev2NotifyType::NO_PROPOSAL_CHOSEN));
        return installed;
    }
    *response = OwnIdAndAuth(sa);
    Ptr<Ikev2SaPayload> chosen = Create<Ikev2SaPayload>();
    chosen->AddProposal(selection.accepted);
    response->push_back(chosen);
    response->push_back(TsPayload(true, narrowed.tsi));
    response->push_back(TsPayload(false, narrowed.tsr));
    return Ikev2TaskResult::Done();
}

Ikev2TaskResult
Ikev2AuthTask::InstallChild(Ikev2Sa& sa,
                            const Ikev2Proposal& accepted,
                            uint32_t peerSpi,
                            const IpsecTrafficSelector& local,
                            const IpsecTrafficSelector& remote)
{
    const std::optional<Ikev2ChildSaAlgorithms> algorithms =
        Ikev2ChildSaAlgorithms::FromProposal(accepted);
    if (!algorithms || peerSpi <= 255)
    {
        return Ikev2TaskResult::Failed("the accepted Child SA proposal is unusable");
    }
    const Ikev2Sa::Exchange& exchange = sa.GetExchange();
    Ikev2ChildSaAgreement agreement;
    agreement.algorithms = *algorithms;
    agreement.keys = Ikev2KeyMaterial::DeriveChildSaKeys(CryptoPrf(*sa.GetAlgorithms().prf),
                                                         sa.GetKeys().skD,
                                                         *algorithms,
                                                         exchange.initiatorNonce,
                                                         exchange.responderNonce);
    agreement.inboundSpi = m_inboundSpi;
    agreement.outboundSpi = peerSpi;
    agreement.originalInitiator = sa.IsOriginalInitiator();
    agreement.localSelector = local;
    agreement.remoteSelector = remote;
    if (sa.IsNatDetected())
    {
        // RFC 7296 section 2.23: behind a NAT the Child SAs' ESP travels in UDP (RFC 3948),
        // between the ports IKE uses now.
        agreement.encapsulationLocalPort = Ikev2SocketAddress::PortOf(sa.GetLocal());
        agreement.encapsulationRemotePort = Ikev2SocketAddress::PortOf(sa.GetPeer());
    }
    try
    {
        m_child = Ikev2ChildSaInstaller::Install(*m_vpn, agreement);
    }
    catch (const std::invalid_argument& error)
    {
        return Ikev2TaskResult::Failed(std::string("Child SA refused: ") + error.what());
    }
    NS_LOG_INFO("IKE SA " << sa.GetId() << ": Child SA in " << m_inboundSpi << " out " << peerSpi);
    if (!m_installed.IsNull())
    {
        m_installed(m_child);
    }
    return Ikev2TaskResult::Done();
}

} // namespace ns3
