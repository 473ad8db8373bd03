/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-config-check.h"

#include <stdexcept>

namespace ns3
{

namespace
{

std::string
Join(const std::vector<std::string>& names)
{
    std::string text;
    for (const auto& name : names)
    {
        text += (text.empty() ? "" : ", ") + name;
    }
    return text;
}

} // namespace

void
Ikev2ConfigCheck::Fail(const std::string& object,
                       const std::string& name,
                       const std::string& field,
                       const std::string& problem)
{
    throw std::invalid_argument(object + " '" + name + "', " + field + ": " + problem);
}

std::string
Ikev2ConfigCheck::UnknownValue(const std::string& value, const std::vector<std::string>& allowed)
{
    if (value.empty())
    {
        return "missing; allowed: " + Join(allowed);
    }
    return "unknown value '" + value + "'; allowed: " + Join(allowed);
}

void
Ikev2ConfigCheck::CheckRange(uint64_t value,
                             uint64_t min,
                             uint64_t max,
                             const std::string& object,
                             const std::string& name,
                             const std::string& field)
{
    if (value < min || value > max)
    {
        Fail(object,
             name,
             field,
             "value " + std::to_string(value) + " out of range; allowed: " + std::to_string(min) +
                 ".." + std::to_string(max));
    }
}

void
Ikev2ConfigCheck::CheckName(const std::string& object, const std::string& name)
{
    if (name.empty())
    {
        throw std::invalid_argument(object + " without a name");
    }
}

void
Ikev2ConfigCheck::CheckProposalList(const std::vector<std::string>& proposals,
                                    const std::string& object,
                                    const std::string& name)
{
    if (proposals.empty())
    {
        Fail(object, name, "proposals", "missing; name at least one proposal");
    }
    for (size_t i = 0; i < proposals.size(); ++i)
    {
        for (size_t j = 0; j < i; ++j)
        {
            if (proposals[i] == proposals[j])
            {
                Fail(object, name, "proposals", "'" + proposals[i] + "' is listed twice");
            }
        }
    }
}

IpsecIpAddress
Ikev2ConfigCheck::ParseAddress(const std::string& text,
                               const std::string& object,
                               const std::string& name,
                               const std::string& field)
{
    IpsecIpAddress address;
    std::string error;
    if (text.empty())
    {
        Fail(object, name, field, "missing; give an IPv4 or IPv6 address");
    }
    if (!IpsecIpAddress::Parse(text, &address, &error))
    {
        Fail(object, name, field, error);
    }
    return address;
}

} // namespace ns3
