/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_TS_NARROWING_H
#define IKEV2_TS_NARROWING_H

#include "ns3/ikev2-ts-payload.h"
#include "ns3/ipsec-traffic-selector.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief One configured selector pair of the responder: its own side and the peer's side
 * (Junos `traffic-selector local-ip / remote-ip`, or a policy's source and destination).
 */
struct Ikev2SelectorPair
{
    IpsecTrafficSelector local;  //!< the responder's side: compared with TSr
    IpsecTrafficSelector remote; //!< the initiator's side: compared with TSi
};

/**
 * \ingroup ipsec
 * \brief The responder's answer to a TSi/TSr proposal.
 */
struct Ikev2TsNarrowingResult
{
    bool isAcceptable{false};              //!< false: answer TS_UNACCEPTABLE (RFC 7296 section 2.9)
    std::vector<Ikev2TrafficSelector> tsi; //!< narrowed TSi (initiator's side)
    std::vector<Ikev2TrafficSelector> tsr; //!< narrowed TSr (responder's side)
    size_t pairIndex{0};                   //!< the configured pair the answer comes from
};

/**
 * \ingroup ipsec
 * \brief Traffic selector narrowing by the responder (RFC 7296 section 2.9).
 *
 * The answer comes from one configured pair, so that the Child SA matches one policy: the
 * first pair (in configured order) that contains the initiator's first TSi and first TSr when
 * more than one selector was sent on a side (RFC 7296 section 2.9: those may be the selectors
 * of the packet that triggered the negotiation, and the SA must then cover that packet);
 * otherwise the first pair that shares traffic with some TSi and some TSr. The narrowed TSi is
 * the intersection (addresses, protocol, ports) of each proposed TSi with the pair's remote
 * side, the narrowed TSr that of each TSr with its local side; empty intersections are
 * dropped, and so are selectors contained in another one of the answer (the packet's own
 * selectors, typically). The answer is therefore a subset of the proposal, as RFC 7296 section
 * 2.9 requires. Selectors the data plane cannot hold (OPAQUE ports, unknown TS types) are left
 * out of the intersection.
 */
class Ikev2TsNarrowing
{
  public:
    /**
     * \param tsi the initiator's TSi
     * \param tsr the initiator's TSr
     * \param configured the responder's selector pairs, in preference order
     * \return the narrowed selectors, or isAcceptable false for TS_UNACCEPTABLE
     */
    static Ikev2TsNarrowingResult Narrow(const std::vector<Ikev2TrafficSelector>& tsi,
                                         const std::vector<Ikev2TrafficSelector>& tsr,
                                         const std::vector<Ikev2SelectorPair>& configured);
};

} // namespace ns3

#endif /* IKEV2_TS_NARROWING_H */
