/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-test-messages.h"

#include "ns3/ikev2-auth-payload.h"
#include "ns3/ikev2-cert-payload.h"
#include "ns3/ikev2-delete-payload.h"
#include "ns3/ikev2-id-payload.h"
#include "ns3/ikev2-ke-payload.h"
#include "ns3/ikev2-nonce-payload.h"
#include "ns3/ikev2-notify-payload.h"
#include "ns3/ikev2-sa-payload.h"
#include "ns3/ikev2-ts-payload.h"
#include "ns3/ikev2-vendor-id-payload.h"

#include <algorithm>
#include <memory>
#include <string>

namespace ns3
{
namespace test
{

namespace
{

// IANA transform IDs used below.
constexpr uint16_t ENCR_AES_CBC = 12;
constexpr uint16_t PRF_HMAC_SHA2_256 = 5;
constexpr uint16_t AUTH_HMAC_SHA2_256_128 = 12;
constexpr uint16_t MODP_2048 = 14;
constexpr uint16_t ESN_NONE = 0;

/// count bytes first, first + 1, ...
CryptoBytes
Sequence(uint8_t first, size_t count)
{
    CryptoBytes bytes(count);
    for (size_t i = 0; i < count; ++i)
    {
        bytes[i] = static_cast<uint8_t>(first + i);
    }
    return bytes;
}

Ikev2Proposal
IkeProposal()
{
    Ikev2Proposal proposal;
    proposal.m_number = 1;
    proposal.m_protocol = Ikev2ProtocolId::IKE;
    proposal.m_transforms = {
        Ikev2Transform::Make(Ikev2TransformType::ENCRYPTION, ENCR_AES_CBC, 128),
        Ikev2Transform::Make(Ikev2TransformType::PSEUDO_RANDOM_FUNCTION, PRF_HMAC_SHA2_256),
        Ikev2Transform::Make(Ikev2TransformType::INTEGRITY, AUTH_HMAC_SHA2_256_128),
        Ikev2Transform::Make(Ikev2TransformType::DIFFIE_HELLMAN, MODP_2048),
    };
    return proposal;
}

} // namespace

Ikev2Message
SampleSaInitRequest()
{
    Ikev2Message message;
    message.GetHeader().SetInitiatorSpi(SAMPLE_INITIATOR_SPI);
    message.GetHeader().SetExchangeType(Ikev2ExchangeType::IKE_SA_INIT);
    message.GetHeader().SetInitiator(true);
    auto sa = Create<Ikev2SaPayload>();
    sa->AddProposal(IkeProposal());
    message.AddPayload(sa);
    message.AddPayload(Create<Ikev2KePayload>(MODP_2048, Sequence(0x11, 8)));
    message.AddPayload(Create<Ikev2NoncePayload>(Sequence(0xa0, 16)));
    message.AddPayload(
        Create<Ikev2NotifyPayload>(Ikev2NotifyType::NAT_DETECTION_SOURCE_IP, Sequence(0xc0, 20)));
    return message;
}

Ikev2Message
SampleSaInitResponse()
{
    Ikev2Message message;
    message.GetHeader().SetInitiatorSpi(SAMPLE_INITIATOR_SPI);
    message.GetHeader().SetResponderSpi(SAMPLE_RESPONDER_SPI);
    message.GetHeader().SetExchangeType(Ikev2ExchangeType::IKE_SA_INIT);
    message.GetHeader().SetResponse(true);
    auto sa = Create<Ikev2SaPayload>();
    sa->AddProposal(IkeProposal());
    message.AddPayload(sa);
    message.AddPayload(Create<Ikev2KePayload>(MODP_2048, Sequence(0x21, 8)));
    message.AddPayload(Create<Ikev2NoncePayload>(Sequence(0xb0, 32)));
    message.AddPayload(
        Create<Ikev2NotifyPayload>(Ikev2NotifyType::NAT_DETECTION_SOURCE_IP, Sequence(0xd0, 20)));
    message.AddPayload(Create<Ikev2NotifyPayload>(Ikev2NotifyType::NAT_DETECTION_DESTINATION_IP,
                                                  Sequence(0xe0, 20)));
    message.AddPayload(
        Create<Ikev2CertPayload>(true, Ikev2CertPayload::X509_SIGNATURE, Sequence(0x30, 20)));
    std::string vendor = "ns-3 ipsec";
    message.AddPayload(Create<Ikev2VendorIdPayload>(CryptoBytes(vendor.begin(), vendor.end())));
    return message;
}

Ikev2Message
SampleInformational()
{
    Ikev2Message message;
    message.GetHeader().SetInitiatorSpi(SAMPLE_INITIATOR_SPI);
    message.GetHeader().SetResponderSpi(SAMPLE_RESPONDER_SPI);
    message.GetHeader().SetExchangeType(Ikev2ExchangeType::INFORMATIONAL);
    message.GetHeader().SetInitiator(true);
    message.GetHeader().SetMessageId(2);
    message.AddPayload(Create<Ikev2DeletePayload>(Ikev2ProtocolId::ESP,
                                                  std::vector<uint32_t>{0xc0de0001, 0xc0de0002}));
    message.AddPayload(Create<Ikev2DeletePayload>());
    message.AddPayload(Create<Ikev2NotifyPayload>(Ikev2NotifyType::INVALID_SPI,
                                                  CryptoBytes{},
                                                  Ikev2ProtocolId::ESP,
                                                  CryptoBytes{0xc0, 0xde, 0x00, 0x03}));
    return message;
}

Ikev2Message
SampleAuthRequestHeader()
{
    Ikev2Message message;
    message.GetHeader().SetInitiatorSpi(SAMPLE_INITIATOR_SPI);
    message.GetHeader().SetResponderSpi(SAMPLE_RESPONDER_SPI);
    message.GetHeader().SetExchangeType(Ikev2ExchangeType::IKE_AUTH);
    message.GetHeader().SetInitiator(true);
    message.GetHeader().SetMessageId(1);
    return message;
}

Ikev2PayloadList
SampleAuthInnerPayloads(const CryptoBytes& certificate)
{
    std::string fqdn = "gw-a.example.net";
    Ikev2Proposal esp;
    esp.m_number = 1;
    esp.m_protocol = Ikev2ProtocolId::ESP;
    esp.m_spi = {0xc0, 0xde, 0x00, 0x01};
    esp.m_transforms = {
        Ikev2Transform::Make(Ikev2TransformType::ENCRYPTION, ENCR_AES_CBC, 256),
        Ikev2Transform::Make(Ikev2TransformType::INTEGRITY, AUTH_HMAC_SHA2_256_128),
        Ikev2Transform::Make(Ikev2TransformType::EXTENDED_SEQUENCE_NUMBERS, ESN_NONE),
    };
    auto sa = Create<Ikev2SaPayload>();
    sa->AddProposal(esp);

    Ikev2TrafficSelector local;
    local.m_startAddress = {10, 1, 1, 0};
    local.m_endAddress = {10, 1, 1, 255};
    Ikev2TrafficSelector remote;
    remote.m_ipProtocol = 17;
    remote.m_startPort = 500;
    remote.m_endPort = 500;
    remote.m_startAddress = {10, 2, 1, 0};
    remote.m_endAddress = {10, 2, 1, 255};
    auto tsi = Create<Ikev2TsPayload>(true);
    tsi->AddSelector(local);
    auto tsr = Create<Ikev2TsPayload>(false);
    tsr->AddSelector(remote);

    return {
        Create<Ikev2IdPayload>(true,
                               Ikev2IdentificationType::FQDN,
                               CryptoBytes(fqdn.begin(), fqdn.end())),
        Create<Ikev2CertPayload>(false,
                                 Ikev2CertPayload::X509_SIGNATURE,
                                 certificate.empty() ? Sequence(0x40, 24) : certificate),
        Create<Ikev2CertPayload>(true, Ikev2CertPayload::X509_SIGNATURE, Sequence(0x50, 20)),
        Create<Ikev2AuthPayload>(Ikev2AuthMethod::SHARED_KEY_MIC, Sequence(0x60, 32)),
        Create<Ikev2NotifyPayload>(Ikev2NotifyType::USE_TRANSPORT_MODE),
        sa,
        tsi,
        tsr,
    };
}

CryptoBytes
HexBytes(std::string text)
{
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return CryptoFromHex(text);
}

CryptoBytes
RawMessage(uint8_t firstType, const CryptoBytes& chain)
{
    Ikev2WireWriter writer;
    Ikev2Header header;
    header.SetInitiatorSpi(SAMPLE_INITIATOR_SPI);
    header.SetNextPayload(static_cast<Ikev2PayloadType>(firstType));
    header.SetInitiator(true);
    header.SetLength(static_cast<uint32_t>(Ikev2Header::SIZE + chain.size()));
    header.Serialize(writer);
    writer.WriteBytes(chain);
    return writer.GetBytes();
}

Ikev2IvSource
CountingIvSource()
{
    auto counter = std::make_shared<uint8_t>(0);
    return [counter](uint8_t* iv, size_t size) {
        for (size_t i = 0; i < size; ++i)
        {
            iv[i] = static_cast<uint8_t>(*counter + i);
        }
        ++*counter;
    };
}

} // namespace test
} // namespace ns3
