/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-ts-narrowing.h"

#include "ikev2-ts-conversion.h"

#include <optional>

namespace ns3
{

namespace
{

std::vector<IpsecTrafficSelector>
ToIpsec(const std::vector<Ikev2TrafficSelector>& selectors)
{
    std::vector<IpsecTrafficSelector> result;
    for (const auto& selector : selectors)
    {
        if (auto converted = Ikev2TsConversion::ToIpsec(selector))
        {
            result.push_back(*converted);
        }
    }
    return result;
}

/// Intersections with one configured side, without empty ones or ones inside another.
std::vector<IpsecTrafficSelector>
Intersections(const std::vector<IpsecTrafficSelector>& proposed,
              const IpsecTrafficSelector& configured)
{
    std::vector<IpsecTrafficSelector> all;
    for (const auto& selector : proposed)
    {
        if (auto common = selector.Intersect(configured))
        {
            all.push_back(*common);
        }
    }
    std::vector<IpsecTrafficSelector> kept;
    for (size_t i = 0; i < all.size(); ++i)
    {
        bool isRedundant = false;
        for (size_t j = 0; j < all.size() && !isRedundant; ++j)
        {
            // Of two equal selectors the first is kept.
            isRedundant = j != i && all[i].IsSubsetOf(all[j]) && (all[i] != all[j] || j < i);
        }
        if (!isRedundant)
        {
            kept.push_back(all[i]);
        }
    }
    return kept;
}

std::vector<Ikev2TrafficSelector>
ToIkev2(const std::vector<IpsecTrafficSelector>& selectors)
{
    std::vector<Ikev2TrafficSelector> result;
    for (const auto& selector : selectors)
    {
        result.push_back(Ikev2TsConversion::FromIpsec(selector));
    }
    return result;
}

} // namespace

Ikev2TsNarrowingResult
Ikev2TsNarrowing::Narrow(const std::vector<Ikev2TrafficSelector>& tsi,
                         const std::vector<Ikev2TrafficSelector>& tsr,
                         const std::vector<Ikev2SelectorPair>& configured)
{
    const std::vector<IpsecTrafficSelector> initiatorSide = ToIpsec(tsi);
    const std::vector<IpsecTrafficSelector> responderSide = ToIpsec(tsr);
    Ikev2TsNarrowingResult result;
    if (initiatorSide.empty() || responderSide.empty())
    {
        return result;
    }
    std::optional<size_t> chosen;
    // RFC 7296 section 2.9: with several selectors, the first ones may describe the packet
    // that started the negotiation; prefer the policy that covers that packet.
    if ((tsi.size() > 1 || tsr.size() > 1) && !tsi.empty() && !tsr.empty())
    {
        auto firstTsi = Ikev2TsConversion::ToIpsec(tsi.front());
        auto firstTsr = Ikev2TsConversion::ToIpsec(tsr.front());
        for (size_t i = 0; i < configured.size() && firstTsi && firstTsr && !chosen; ++i)
        {
            if (firstTsi->IsSubsetOf(configured[i].remote) &&
                firstTsr->IsSubsetOf(configured[i].local))
            {
                chosen = i;
            }
        }
    }
    for (size_t i = 0; i < configured.size() && !chosen; ++i)
    {
        if (!Intersections(initiatorSide, configured[i].remote).empty() &&
            !Intersections(responderSide, configured[i].local).empty())
        {
            chosen = i;
        }
    }
    if (!chosen)
    {
        return result; // TS_UNACCEPTABLE
    }
    result.isAcceptable = true;
    result.pairIndex = *chosen;
    result.tsi = ToIkev2(Intersections(initiatorSide, configured[*chosen].remote));
    result.tsr = ToIkev2(Intersections(responderSide, configured[*chosen].local));
    return result;
}

} // namespace ns3
