/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_HELPER_H
#define IKEV2_HELPER_H

#include "ns3/ikev2-configuration.h"
#include "ns3/ikev2-gateway.h"
#include "ns3/ipsec-hub-and-spoke-helper.h"
#include "ns3/ipsec-two-site-helper.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <array>
#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The choices of a site-to-site IKEv2 VPN on the two-site network, in Junos names.
 */
struct Ikev2SiteToSiteOptions
{
    std::string dhGroup{"group19"};             //!< IKE proposal dh-group
    std::string ikeEncryption{"aes-256-cbc"};   //!< IKE proposal encryption-algorithm
    std::string ikeAuthentication{"sha-256"};   //!< IKE authentication-algorithm; empty with GCM
    std::string ipsecEncryption{"aes-128-gcm"}; //!< IPsec proposal encryption-algorithm
    std::string ipsecAuthentication;            //!< IPsec authentication-algorithm; empty with GCM
    std::string pfs;                            //!< IPsec policy perfect-forward-secrecy keys
    std::string preSharedKey{"ns-3 ipsec"};     //!< IKE policy pre-shared-key ascii-text
    //! establish-tunnels of gwA and gwB (hub and spokes in a hub-and-spoke network)
    std::array<std::string, 2> establishTunnels{"on-traffic", "on-traffic"};
};

/**
 * \ingroup ipsec
 * \brief Installs AutoKey IKE (IKEv2) on gateways from their Junos configuration
 * (Ikev2Configuration: IKE proposals, policies and gateways; IPsec proposals, policies and
 * VPNs): an Ikev2Daemon, an Ikev2Gateway with one Ikev2VpnPeer per VPN, and the VPNs' PROTECT
 * entries (policy-based) or st0-like tunnel interfaces (route-based, `bind-interface`) in the
 * gateway's IPsec data plane, which must be installed first (IpsecHelper).
 *
 * Implemented: pre-shared keys; one traffic-selector pair per VPN; the first Child SA of each
 * IKE SA (IKE_AUTH). Not yet: certificates, more Child SAs, rekeying, NAT traversal.
 */
class Ikev2Helper
{
  public:
    Ikev2Helper();

    /**
     * \param name an Ikev2Daemon attribute (e.g. "RetransmitTimeout")
     * \param value its value
     */
    void SetDaemonAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param gateway a node with IPsec
     * \param config its Junos configuration (validated here)
     * \param start when the daemon starts and `immediately` VPNs initiate
     * \return the gateway's IKE side
     * \throws std::invalid_argument for a configuration error, naming the object and field, or
     *         a feature not implemented yet (certificates, several traffic selectors)
     */
    Ptr<Ikev2Gateway> Install(Ptr<Node> gateway,
                              const Ikev2Configuration& config,
                              Time start = Seconds(0)) const;

    /**
     * \brief The Junos configuration of one gateway of a site-to-site VPN on the two-site
     * network: IKE proposal, policy and gateway; IPsec proposal, policy and VPN (named
     * "site-a-to-b" on gwA, "site-b-to-a" on gwB) between the two sites' prefixes.
     * \param net the network
     * \param side 0 (gwA) or 1 (gwB)
     * \param options the algorithm and initiation choices
     * \return the configuration (validated when installed)
     */
    static Ikev2Configuration SiteToSite(const IpsecTwoSite& net,
                                         uint32_t side,
                                         const Ikev2SiteToSiteOptions& options);

    /**
     * \brief The hub's configuration of a hub-and-spoke network: one VPN per spoke (named
     * SpokeVpnName(i)) between the hub's site and the spoke's.
     * \param net the network
     * \param options the choices (establishTunnels[0] is the hub's)
     * \return the configuration
     */
    static Ikev2Configuration Hub(const IpsecHubAndSpoke& net,
                                  const Ikev2SiteToSiteOptions& options);

    /**
     * \brief A spoke's configuration: one VPN ("to-hub") to the hub's site.
     * \param net the network
     * \param spoke the spoke's index
     * \param options the choices (establishTunnels[1] is the spokes')
     * \return the configuration
     */
    static Ikev2Configuration Spoke(const IpsecHubAndSpoke& net,
                                    uint32_t spoke,
                                    const Ikev2SiteToSiteOptions& options);

    /**
     * \brief Installs IPsec and IKE on every gateway of a hub-and-spoke network, with Hub()
     * and Spoke() configurations; spoke i's daemon starts at spread * i / N.
     * \param net the network
     * \param options the choices
     * \param spread how the spokes' start times spread
     * \param stream first random stream to assign
     */
    void InstallHubAndSpoke(const IpsecHubAndSpoke& net,
                            const Ikev2SiteToSiteOptions& options,
                            Time spread,
                            int64_t stream) const;

    /// \param spoke a spoke's index \return the name of the hub's VPN to it
    static std::string SpokeVpnName(uint32_t spoke);

    /// \param gateway a node \return its Ikev2Gateway (aborts if none)
    static Ptr<Ikev2Gateway> Get(Ptr<Node> gateway);

    /**
     * \brief Writes Wireshark's `esp_sa` and `ikev2_decryption_table` for the gateways' SAs
     * into a folder (created if needed).
     * \param gateways nodes with IKE
     * \param folder the folder
     * \return number of IKE SAs written
     */
    static uint32_t WriteWiresharkKeys(NodeContainer gateways, const std::string& folder);

  private:
    ObjectFactory m_daemonFactory; //!< makes the daemons
};

} // namespace ns3

#endif /* IKEV2_HELPER_H */
