/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-child-sa-installer.h"

namespace ns3
{

uint32_t
Ikev2ChildSaInstaller::NewInboundSpi(const Ikev2VpnPeer& vpn, CryptoRandom& random)
{
    const IpsecProtocol protocol =
        vpn.childProposals.empty() || vpn.childProposals.front().m_protocol != Ikev2ProtocolId::AH
            ? IpsecProtocol::ESP
            : IpsecProtocol::AH;
    while (true)
    {
        uint8_t bytes[4];
        random.Fill(bytes, sizeof(bytes));
        const uint32_t spi = uint32_t(bytes[0]) << 24 | uint32_t(bytes[1]) << 16 |
                             uint32_t(bytes[2]) << 8 | bytes[3];
        // RFC 4303 section 2.1: SPIs 1 to 255 are reserved, 0 is never sent.
        if (spi > 255 && !vpn.ipsec->GetSad()->FindInbound(vpn.localAddress, protocol, spi))
        {
            return spi;
        }
    }
}

Ikev2ChildSaInstaller::Installed
Ikev2ChildSaInstaller::Install(const Ikev2VpnPeer& vpn, const Ikev2ChildSaAgreement& agreement)
{
    const bool ah = agreement.algorithms.protocol == Ikev2ProtocolId::AH;
    // RFC 7296 section 2.17: the first keys carry initiator -> responder traffic.
    const bool initiator = agreement.originalInitiator;
    const CryptoBytes& outEncryption = initiator ? agreement.keys.encryptionInitiatorToResponder
                                                 : agreement.keys.encryptionResponderToInitiator;
    const CryptoBytes& outIntegrity = initiator ? agreement.keys.integrityInitiatorToResponder
                                                : agreement.keys.integrityResponderToInitiator;
    const CryptoBytes& inEncryption = initiator ? agreement.keys.encryptionResponderToInitiator
                                                : agreement.keys.encryptionInitiatorToResponder;
    const CryptoBytes& inIntegrity = initiator ? agreement.keys.integrityResponderToInitiator
                                               : agreement.keys.integrityInitiatorToResponder;

    IpsecSa::Config config;
    config.protocol = ah ? IpsecProtocol::AH : IpsecProtocol::ESP;
    config.mode = IpsecMode::TUNNEL;
    config.encryption = agreement.algorithms.encryption;
    config.integrity = agreement.algorithms.integrity;
    config.extendedSequenceNumbers = agreement.algorithms.extendedSequenceNumbers;
    config.replayWindowSize = vpn.replayWindowSize;
    config.dfBit = vpn.dfBit;
    config.lifetime = vpn.childLifetime;
    config.localSelector = agreement.localSelector;
    config.remoteSelector = agreement.remoteSelector;

    IpsecSa::Config out = config;
    out.name = vpn.name + " out";
    out.spi = agreement.outboundSpi;
    out.direction = IpsecDirection::OUTBOUND;
    out.source = vpn.localAddress;
    out.destination = vpn.remoteAddress;
    out.encryptionKey = outEncryption;
    out.integrityKey = outIntegrity;
    out.encapsulationSourcePort = agreement.encapsulationLocalPort;
    out.encapsulationDestinationPort = agreement.encapsulationRemotePort;

    IpsecSa::Config in = config;
    in.name = vpn.name + " in";
    in.spi = agreement.inboundSpi;
    in.direction = IpsecDirection::INBOUND;
    in.source = vpn.remoteAddress;
    in.destination = vpn.localAddress;
    in.encryptionKey = inEncryption;
    in.integrityKey = inIntegrity;

    Installed installed{Create<IpsecSa>(in), Create<IpsecSa>(out)};
    // Inbound first: the peer may send as soon as it has its outbound SA.
    vpn.ipsec->InstallInbound(installed.inbound, vpn.tunnel);
    if (vpn.tunnel)
    {
        vpn.ipsec->BindOutboundToTunnel(vpn.tunnel, {installed.outbound});
    }
    else
    {
        vpn.ipsec->BindOutboundToPolicy(vpn.outboundPolicy, {installed.outbound});
    }
    return installed;
}

} // namespace ns3
