/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_POLICY_H
#define IPSEC_POLICY_H

#include "ipsec-flow.h"
#include "ipsec-ip-address.h"
#include "ipsec-traffic-selector.h"

#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/// Which way traffic crosses the IPsec boundary (RFC 4301 section 4.4.1: SPD-O and SPD-I).
enum class IpsecDirection
{
    INBOUND,  //!< arriving from the unprotected side
    OUTBOUND, //!< leaving towards the unprotected side
};

/// What an SPD entry does with the traffic it selects (RFC 4301 section 4.4.1).
enum class IpsecPolicyAction
{
    PROTECT, //!< apply (outbound) or require (inbound) IPsec
    BYPASS,  //!< pass without IPsec
    DISCARD, //!< drop
};

/// The IPsec protocol(s) a PROTECT entry asks for.
enum class IpsecProtocol
{
    ESP,    //!< Encapsulating Security Payload (RFC 4303)
    AH,     //!< Authentication Header (RFC 4302)
    BUNDLE, //!< ESP inside AH, as Junos "protocol bundle" (RFC 4301 section 4.5 SA bundle)
};

/// How a PROTECT entry encapsulates.
enum class IpsecMode
{
    TUNNEL,    //!< a new outer IP header between tunnel endpoints
    TRANSPORT, //!< the original IP header kept
};

/**
 * \param direction a direction
 * \return "inbound" or "outbound"
 */
const char* IpsecDirectionName(IpsecDirection direction);

/**
 * \param action an action
 * \return "protect", "bypass" or "discard"
 */
const char* IpsecPolicyActionName(IpsecPolicyAction action);

/**
 * \param protocol a protocol
 * \return "esp", "ah" or "bundle"
 */
const char* IpsecProtocolName(IpsecProtocol protocol);

/**
 * \param mode a mode
 * \return "tunnel" or "transport"
 */
const char* IpsecModeName(IpsecMode mode);

/**
 * \param os output stream
 * \param direction a direction
 * \return os
 */
std::ostream& operator<<(std::ostream& os, IpsecDirection direction);

/**
 * \param os output stream
 * \param action an action
 * \return os
 */
std::ostream& operator<<(std::ostream& os, IpsecPolicyAction action);

/**
 * \param os output stream
 * \param protocol a protocol
 * \return os
 */
std::ostream& operator<<(std::ostream& os, IpsecProtocol protocol);

/**
 * \param os output stream
 * \param mode a mode
 * \return os
 */
std::ostream& operator<<(std::ostream& os, IpsecMode mode);

class IpsecSpd;

/**
 * \ingroup ipsec
 * \brief One Security Policy Database entry (RFC 4301 section 4.4.1.2).
 *
 * Selectors are given from the local gateway's point of view: for OUTBOUND traffic the local
 * selector matches the packet's source and the remote selector its destination; for INBOUND
 * traffic the local selector matches the destination and the remote selector the source. The
 * same pair of selectors thus describes both directions of one conversation.
 *
 * A PROTECT entry also carries the template of the SAs it needs: protocol, mode and, for tunnel
 * mode, the tunnel endpoints.
 *
 * The id is 0 until an IpsecSpd accepts the entry, which then numbers it.
 */
class IpsecPolicy : public SimpleRefCount<IpsecPolicy>
{
  public:
    /// Outbound DISCARD of any IPv4 traffic, ESP tunnel template, no name.
    IpsecPolicy();

    /**
     * \param name a name for logs (Junos policy or VPN name)
     * \param direction inbound or outbound
     * \param local selector of the local side
     * \param remote selector of the remote side
     * \param action protect, bypass or discard
     */
    IpsecPolicy(const std::string& name,
                IpsecDirection direction,
                const IpsecTrafficSelector& local,
                const IpsecTrafficSelector& remote,
                IpsecPolicyAction action);

    /// \return the id given by the SPD (0 if not in an SPD)
    uint32_t GetId() const;
    /// \return the name
    const std::string& GetName() const;
    /// \param name a name for logs
    void SetName(const std::string& name);
    /// \return the direction
    IpsecDirection GetDirection() const;
    /// \param direction the direction (change it before adding the entry to an SPD)
    void SetDirection(IpsecDirection direction);
    /// \return the local selector
    const IpsecTrafficSelector& GetLocalSelector() const;
    /// \param selector the local selector
    void SetLocalSelector(const IpsecTrafficSelector& selector);
    /// \return the remote selector
    const IpsecTrafficSelector& GetRemoteSelector() const;
    /// \param selector the remote selector
    void SetRemoteSelector(const IpsecTrafficSelector& selector);
    /// \return the action
    IpsecPolicyAction GetAction() const;
    /// \param action the action
    void SetAction(IpsecPolicyAction action);

    /// \return the protocol of the SA template (meaningful for PROTECT)
    IpsecProtocol GetProtocol() const;
    /// \param protocol ESP, AH or the AH+ESP bundle
    void SetProtocol(IpsecProtocol protocol);
    /// \return the mode of the SA template
    IpsecMode GetMode() const;
    /// \param mode tunnel or transport
    void SetMode(IpsecMode mode);

    /**
     * \brief Sets the tunnel endpoints (the outer header's addresses for outbound traffic).
     * \param local this gateway's tunnel address
     * \param remote the peer's tunnel address
     * \param error receives a message on failure (may be nullptr)
     * \return false (nothing changed) if the two are of different families
     */
    bool SetTunnelEndpoints(const IpsecIpAddress& local,
                            const IpsecIpAddress& remote,
                            std::string* error = nullptr);
    /// \return true once SetTunnelEndpoints() succeeded
    bool HasTunnelEndpoints() const;
    /// \return this gateway's tunnel address
    const IpsecIpAddress& GetTunnelLocal() const;
    /// \return the peer's tunnel address
    const IpsecIpAddress& GetTunnelRemote() const;

    /**
     * \brief Checks the entry is usable: both selectors of one family, and a PROTECT entry in
     * tunnel mode has tunnel endpoints.
     * \param error receives a message naming the entry on failure (may be nullptr)
     * \return true if usable
     */
    bool Validate(std::string* error) const;

    /**
     * \brief Whether a packet travelling in this entry's direction is selected by it.
     *
     * Addresses must be of the selectors' family. Ports are compared when the flow has them;
     * otherwise (non-initial fragment, protocol without ports) they are OPAQUE and only ANY
     * port selectors match (RFC 4301 sections 4.4.1.1 and 7). The direction itself is not
     * compared: the SPD keeps one list per direction.
     * \param flow the packet's selector fields
     * \return true if both selectors match
     */
    bool Matches(const IpsecFlow& flow) const;

    /// \return one line for logs, e.g. "#3 vpn1 outbound 10.1.0.0/16 ... -> ... protect esp tunnel"
    std::string ToString() const;

  private:
    friend class IpsecSpd;

    /// \param id the SPD's number for this entry (0 when it leaves the SPD)
    void SetId(uint32_t id);

    uint32_t m_id{0};                                       //!< SPD number, 0 if none
    std::string m_name;                                     //!< name for logs
    IpsecDirection m_direction{IpsecDirection::OUTBOUND};   //!< direction
    IpsecTrafficSelector m_local;                           //!< local side selector
    IpsecTrafficSelector m_remote;                          //!< remote side selector
    IpsecPolicyAction m_action{IpsecPolicyAction::DISCARD}; //!< action
    IpsecProtocol m_protocol{IpsecProtocol::ESP};           //!< SA template protocol
    IpsecMode m_mode{IpsecMode::TUNNEL};                    //!< SA template mode
    bool m_hasTunnelEndpoints{false};                       //!< tunnel endpoints set
    IpsecIpAddress m_tunnelLocal;                           //!< local tunnel endpoint
    IpsecIpAddress m_tunnelRemote;                          //!< remote tunnel endpoint
};

/**
 * \param os output stream
 * \param policy a policy
 * \return os, after writing policy.ToString()
 */
std::ostream& operator<<(std::ostream& os, const IpsecPolicy& policy);

} // namespace ns3

#endif /* IPSEC_POLICY_H */
