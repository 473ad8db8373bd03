/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CHILD_SA_INSTALLER_H
#define IKEV2_CHILD_SA_INSTALLER_H

#include "ikev2-key-material.h"
#include "ikev2-negotiated-algorithms.h"
#include "ikev2-vpn-peer.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief What an IKE exchange negotiated for one Child SA pair.
 */
struct Ikev2ChildSaAgreement
{
    Ikev2ChildSaAlgorithms algorithms;   //!< ESP/AH transforms
    Ikev2ChildSaKeys keys;               //!< KEYMAT split (RFC 7296 section 2.17)
    uint32_t inboundSpi{0};              //!< the SPI this side chose (peer sends with it)
    uint32_t outboundSpi{0};             //!< the SPI the peer chose (this side sends with it)
    bool originalInitiator{false};       //!< this side initiated the exchange
    IpsecTrafficSelector localSelector;  //!< narrowed, this side
    IpsecTrafficSelector remoteSelector; //!< narrowed, the peer's side
    uint16_t encapsulationLocalPort{0};  //!< NAT traversal: ESP in UDP from this port; 0: none
    uint16_t encapsulationRemotePort{0}; //!< NAT traversal: to the peer's (translated) port
};

/**
 * \ingroup ipsec
 * \brief Installs a negotiated Child SA pair into a gateway's data plane: the inbound SA in the
 * SAD, the outbound SA bound to the VPN's PROTECT entry (policy-based) or tunnel interface
 * (route-based), where traffic that waited for it (acquire) then leaves.
 */
class Ikev2ChildSaInstaller
{
  public:
    /// The installed pair.
    struct Installed
    {
        Ptr<IpsecSa> inbound;  //!< peer -> this side
        Ptr<IpsecSa> outbound; //!< this side -> peer
    };

    /**
     * \param vpn the VPN
     * \param agreement what was negotiated
     * \return the SAs
     * \throws std::invalid_argument if the SA definitions are refused (a bug, not wire input)
     */
    static Installed Install(const Ikev2VpnPeer& vpn, const Ikev2ChildSaAgreement& agreement);

    /**
     * \param vpn the VPN
     * \param random source of SPIs
     * \return a fresh inbound SPI (> 255) not used by this gateway's SAD
     */
    static uint32_t NewInboundSpi(const Ikev2VpnPeer& vpn, CryptoRandom& random);
};

} // namespace ns3

#endif /* IKEV2_CHILD_SA_INSTALLER_H */
