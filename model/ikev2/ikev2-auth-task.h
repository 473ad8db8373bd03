/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_AUTH_TASK_H
#define IKEV2_AUTH_TASK_H

#include "ikev2-child-sa-installer.h"
#include "ikev2-task.h"
#include "ikev2-vpn-peer.h"

#include "ns3/callback.h"
#include "ns3/crypto-random.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The IKE_AUTH exchange (RFC 7296 section 1.2): identities and AUTH payloads
 * authenticate the IKE SA (section 2.15), and the first Child SA is negotiated with it (SA,
 * TSi, TSr; section 2.9 narrowing) and installed into both data planes.
 *
 * A remote identity other than the configured one, or an AUTH payload that does not verify,
 * fails the exchange with AUTHENTICATION_FAILED and leaves no IKE SA (Junos 19.1R1 behaviour).
 * A Child SA that cannot be agreed (NO_PROPOSAL_CHOSEN, TS_UNACCEPTABLE) fails the exchange.
 */
class Ikev2AuthTask : public Ikev2Task
{
  public:
    /**
     * \param vpn the VPN the IKE SA serves
     * \param random source of SPIs
     */
    Ikev2AuthTask(Ptr<const Ikev2VpnPeer> vpn, Ptr<CryptoRandom> random);
    ~Ikev2AuthTask() override;

    Ikev2ExchangeType GetExchangeType() const override;
    std::string GetName() const override;
    Ikev2TaskResult BuildRequest(Ikev2Sa& sa, Ikev2PayloadList* payloads) override;
    Ikev2TaskResult ProcessResponse(Ikev2Sa& sa, const Ikev2PayloadList& payloads) override;
    Ikev2TaskResult ProcessRequest(Ikev2Sa& sa,
                                   const Ikev2PayloadList& request,
                                   Ikev2PayloadList* response) override;

    /// \return the Child SAs this exchange installed (null before)
    const Ikev2ChildSaInstaller::Installed& GetChildSas() const;

    /// Called with the Child SAs once they are installed.
    using InstalledCallback = Callback<void, const Ikev2ChildSaInstaller::Installed&>;

    /// \param callback called with the Child SAs once they are installed
    void SetInstalledCallback(InstalledCallback callback);

  private:
    /**
     * \brief Checks the peer's ID and AUTH payloads.
     * \param sa the IKE SA
     * \param payloads the peer's message
     * \param[out] reason why not, on failure
     * \return true if the peer is who the VPN expects
     */
    bool Authenticate(Ikev2Sa& sa, const Ikev2PayloadList& payloads, std::string* reason) const;

    /**
     * \return this side's ID and AUTH payloads
     * \param sa the IKE SA
     */
    Ikev2PayloadList OwnIdAndAuth(Ikev2Sa& sa) const;

    /**
     * \brief Derives the Child SA keys and installs the pair.
     * \return DONE, or FAILED if the algorithms are unusable
     */
    Ikev2TaskResult InstallChild(Ikev2Sa& sa,
                                 const Ikev2Proposal& accepted,
                                 uint32_t peerSpi,
                                 const IpsecTrafficSelector& local,
                                 const IpsecTrafficSelector& remote);

    Ptr<const Ikev2VpnPeer> m_vpn;            //!< the VPN
    Ptr<CryptoRandom> m_random;               //!< SPIs
    uint32_t m_inboundSpi{0};                 //!< the Child SA SPI this side chose
    std::vector<Ikev2Proposal> m_offered;     //!< the initiator's Child SA offer
    Ikev2ChildSaInstaller::Installed m_child; //!< the installed Child SAs
    InstalledCallback m_installed;            //!< told about them
};

} // namespace ns3

#endif /* IKEV2_AUTH_TASK_H */
