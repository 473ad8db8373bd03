/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_HELPER_H
#define IPSEC_HELPER_H

#include "ns3/ipsec-l3-protocol.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief One gateway's side of a manual-key VPN, as Junos `security ipsec vpn <name> manual`
 * configures it: one SPI and one set of keys, used in both directions (the peer configures the
 * same values with the gateways swapped).
 */
struct IpsecManualSaConfig
{
    std::string name{"vpn"};           //!< VPN name, for logs and key tables
    std::string localGateway;          //!< this gateway's outer address (external interface)
    std::string remoteGateway;         //!< the peer gateway's address (Junos `gateway`)
    std::string localTrafficSelector;  //!< protected local side, prefix ("10.1.0.0/16")
    std::string remoteTrafficSelector; //!< protected remote side, prefix
    IpsecProtocol protocol{IpsecProtocol::ESP}; //!< ESP, AH, or BUNDLE (ESP inside AH)
    IpsecMode mode{IpsecMode::TUNNEL};     //!< tunnel, or transport between the gateways themselves
    uint32_t spi{0x1000};                  //!< SPI (Junos `spi`, 256..), both directions
    std::string encryption{"aes-128-gcm"}; //!< Junos name, or "null"
    std::string encryptionKey;             //!< hex, key followed by salt for GCM/CTR/ChaCha
    std::string authentication;            //!< Junos name; empty for AEAD
    std::string authenticationKey;         //!< hex
    IpsecDfBitMode dfBit{IpsecDfBitMode::CLEAR}; //!< Junos `df-bit`
    uint32_t replayWindowSize{64};               //!< anti-replay window; 0 disables
    bool extendedSequenceNumbers{false};         //!< ESN
    IpsecLifetime lifetime;                      //!< lifetimes (manual SAs usually have none)
    bool routeBased{false};       //!< bind to a new st0-like interface instead of a policy
    bool udpEncapsulation{false}; //!< ESP in UDP 4500 both ways (RFC 3948), as behind a NAT
};

/**
 * \ingroup ipsec
 * \brief What AddManualSa() created on one gateway.
 */
struct IpsecManualSaResult
{
    Ptr<IpsecPolicy> outboundPolicy;       //!< PROTECT, local -> remote (policy-based only)
    Ptr<IpsecPolicy> inboundPolicy;        //!< PROTECT, remote -> local
    Ptr<IpsecSa> outboundSa;               //!< to the peer (the ESP SA of a bundle)
    Ptr<IpsecSa> inboundSa;                //!< from the peer (the ESP SA of a bundle)
    std::vector<Ptr<IpsecSa>> outboundSas; //!< all outbound SAs, innermost first
    std::vector<Ptr<IpsecSa>> inboundSas;  //!< all inbound SAs
    Ptr<VirtualNetDevice> tunnel;          //!< tunnel interface (route-based: add routes to it)
};

/**
 * \ingroup ipsec
 * \brief Installs the IPsec data plane on nodes and configures manual-key VPNs in a few lines.
 *
 * \code
 *   IpsecHelper ipsec;
 *   ipsec.Install(gateways);                    // after InternetStackHelper
 *   IpsecManualSaConfig vpn;                    // Junos-like manual SA
 *   vpn.localGateway = "192.0.2.1"; vpn.remoteGateway = "198.51.100.1";
 *   vpn.localTrafficSelector = "10.1.0.0/16"; vpn.remoteTrafficSelector = "10.2.0.0/16";
 *   vpn.encryptionKey = "00112233445566778899aabbccddeeff01020304";
 *   ipsec.AddManualSa(gateways.Get(0), vpn);
 *   ipsec.AddManualSa(gateways.Get(1), IpsecHelper::Mirror(vpn));
 *   IpsecHelper::WriteWiresharkKeys(gateways, "keys/esp_sa");
 * \endcode
 */
class IpsecHelper
{
  public:
    IpsecHelper();

    /**
     * \param name an IpsecL3Protocol attribute
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Aggregates an IpsecL3Protocol to each node (which must have an internet stack).
     * \param nodes the nodes
     */
    void Install(NodeContainer nodes) const;

    /// \param node a node \return its IPsec data plane (aborts with a message if none)
    static Ptr<IpsecL3Protocol> Get(Ptr<Node> node);

    /**
     * \param nodes nodes with IPsec installed
     * \param stream first random stream index
     * \return number of streams used
     */
    static int64_t AssignStreams(NodeContainer nodes, int64_t stream);

    /**
     * \brief Configures one gateway's side of a manual-key VPN: a PROTECT policy each way (or
     * a tunnel interface for a route-based VPN) and an SA each way.
     * \param gateway the node
     * \param config the VPN
     * \return what was created
     * \throws std::invalid_argument naming the VPN, the field and the bad value
     */
    static IpsecManualSaResult AddManualSa(Ptr<Node> gateway, const IpsecManualSaConfig& config);

    /**
     * \brief Routes a prefix into a tunnel interface, like a Junos static route with next-hop
     * st0.N (route-based VPN). The route goes into the static routing that the node's IPsec
     * hook wraps.
     * \param node a node with IPsec
     * \param tunnel one of its tunnel interfaces (IpsecManualSaResult::tunnel)
     * \param prefix the destination, "a.b.c.d/len" or "x:y::/len"
     * \throws std::invalid_argument for a bad prefix, or a node without static routing of the
     * prefix's family
     */
    static void AddTunnelRoute(Ptr<Node> node, Ptr<NetDevice> tunnel, const std::string& prefix);

    /**
     * \param config one gateway's side
     * \return the peer's side: gateways and selectors swapped, everything else equal
     */
    static IpsecManualSaConfig Mirror(const IpsecManualSaConfig& config);

    /**
     * \brief Writes the SAs of the nodes as Wireshark's `esp_sa` table (the UAT file tshark 4.0
     * reads from its configuration folder), so that pcaps of the run decrypt.
     * \param nodes nodes with IPsec installed
     * \param path file to write
     * \return the number of SAs written (SAs Wireshark cannot check are written with a comment)
     * \throws std::runtime_error if the file cannot be written
     */
    static uint32_t WriteWiresharkKeys(NodeContainer nodes, const std::string& path);

  private:
    ObjectFactory m_factory; //!< makes the IpsecL3Protocol objects
};

} // namespace ns3

#endif /* IPSEC_HELPER_H */
