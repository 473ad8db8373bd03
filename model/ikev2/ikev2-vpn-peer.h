/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_VPN_PEER_H
#define IKEV2_VPN_PEER_H

#include "ikev2-authenticator.h"
#include "ikev2-identity.h"
#include "ikev2-ts-narrowing.h"

#include "ns3/ikev2-proposal.h"
#include "ns3/ipsec-l3-protocol.h"
#include "ns3/simple-ref-count.h"

#include <memory>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief One VPN of a gateway as its IKE SAs use it: the configuration resolved into wire
 * proposals, identities, an authenticator and selectors, and where its Child SAs go in the
 * data plane (the VPN's PROTECT policy, or its route-based tunnel interface).
 */
struct Ikev2VpnPeer : public SimpleRefCount<Ikev2VpnPeer>
{
    std::string name;                                        //!< VPN name (Junos `ipsec vpn`)
    IpsecIpAddress localAddress;                             //!< this gateway's IKE address
    IpsecIpAddress remoteAddress;                            //!< the peer gateway's address
    Ikev2Identity localIdentity;                             //!< sent in IDi / IDr
    Ikev2Identity remoteIdentity;                            //!< the peer must present this one
    std::shared_ptr<const Ikev2Authenticator> authenticator; //!< PSK (certificates later)
    std::vector<Ikev2Proposal> ikeProposals;                 //!< IKE SA proposals, preferred first
    std::vector<Ikev2Proposal> childProposals;   //!< Child SA proposals (SPI filled per exchange)
    std::vector<Ikev2SelectorPair> selectors;    //!< configured traffic selectors
    IpsecDfBitMode dfBit{IpsecDfBitMode::CLEAR}; //!< Junos df-bit
    IpsecLifetime childLifetime;                 //!< Child SA lifetimes
    uint32_t replayWindowSize{64};               //!< Child SA anti-replay window
    Ptr<IpsecL3Protocol> ipsec;                  //!< the gateway's data plane
    Ptr<IpsecPolicy> outboundPolicy;             //!< policy-based: the VPN's PROTECT entry
    Ptr<NetDevice> tunnel;                       //!< route-based: the st0 unit (else nullptr)
    bool natTraversal{true};                     //!< NAT detection (no-nat-traversal: off)
};

} // namespace ns3

#endif /* IKEV2_VPN_PEER_H */
