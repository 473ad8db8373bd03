/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_GATEWAY_H
#define IKEV2_GATEWAY_H

#include "ikev2-auth-task.h"
#include "ikev2-daemon.h"
#include "ikev2-key-export.h"
#include "ikev2-vpn-peer.h"

#include "ns3/ikev2-ipsec-config.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The AutoKey IKE side of one gateway: its VPNs (Ikev2VpnPeer) and its Ikev2Daemon.
 *
 * It answers the peers' requests with the tasks of the VPN whose gateway address the request
 * came from, and initiates as each VPN's `establish-tunnels` says: at start (`immediately`),
 * when traffic needs SAs (`on-traffic`: the data plane's acquire), or never
 * (`responder-only`, Junos 18.2R1: not at start, not on traffic, not after expiry).
 */
class Ikev2Gateway : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Ikev2Gateway();
    ~Ikev2Gateway() override;

    /**
     * \param daemon the gateway's IKE daemon (installed on its node); the gateway becomes its
     *        responder factory
     */
    void SetDaemon(Ptr<Ikev2Daemon> daemon);

    /// \return the daemon
    Ptr<Ikev2Daemon> GetDaemon() const;

    /**
     * \brief Adds a VPN. Its data plane's acquires reach this gateway.
     * \param vpn the VPN, resolved
     * \param establish when to negotiate it
     */
    void AddVpn(Ptr<Ikev2VpnPeer> vpn, Ikev2EstablishTunnels establish);

    /**
     * \brief Starts the negotiations of the `immediately` VPNs (called when the daemon
     * starts).
     */
    void Start();

    /// \param name a VPN name \return the time its first Child SA was installed, or -1 s
    Time GetTunnelUpTime(const std::string& name) const;

    /// \return the keys of the IKE SAs that exist, for Wireshark
    std::vector<Ikev2SaKeys> GetIkeSaKeys() const;

    /// Signature of the ChildSaInstalled trace.
    typedef void (*ChildSaTracedCallback)(const std::string& vpn,
                                          Ptr<const IpsecSa> inbound,
                                          Ptr<const IpsecSa> outbound);

  protected:
    void DoDispose() override;

  private:
    /// One VPN and its negotiation state.
    struct VpnState
    {
        Ptr<Ikev2VpnPeer> vpn;           //!< the VPN
        Ikev2EstablishTunnels establish; //!< when to initiate
        Ptr<Ikev2Sa> ikeSa;              //!< its IKE SA, or nullptr
        Time upTime{Seconds(-1)};        //!< first Child SA installed
    };

    /// \brief The daemon's responder factory.
    Ptr<Ikev2Task> Answer(Ptr<Ikev2Sa> sa, Ikev2ExchangeType exchange, const Ikev2PayloadList&);

    /// \brief The data plane's acquire: traffic needs SAs.
    void Acquire(Ptr<IpsecPolicy> policy, Ptr<NetDevice> tunnel, const IpsecFlow& flow);

    /// \brief Starts IKE_SA_INIT and IKE_AUTH for a VPN unless an IKE SA is under way.
    void Initiate(VpnState& state);

    /// \brief An IKE SA changed state (forgets dead ones, so that the VPN can start again).
    void SaStateChanged(uint64_t sa, Ikev2SaState from, Ikev2SaState to);

    /// \brief An IKE_AUTH installed Child SAs.
    void Installed(std::string vpn, const Ikev2ChildSaInstaller::Installed& sas);

    /// \return the VPN whose peer is this address, or nullptr
    VpnState* FindByPeer(const IpsecIpAddress& peer);

    /// \return the IKE tasks of a VPN's IKE_AUTH, with the callback wired
    Ptr<Ikev2AuthTask> MakeAuthTask(VpnState& state);

    Ptr<Ikev2Daemon> m_daemon;              //!< the daemon
    std::map<std::string, VpnState> m_vpns; //!< VPNs by name
    TracedCallback<const std::string&, Ptr<const IpsecSa>, Ptr<const IpsecSa>>
        m_childSaTrace; //!< Child SAs installed
};

} // namespace ns3

#endif /* IKEV2_GATEWAY_H */
