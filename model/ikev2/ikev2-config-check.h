/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CONFIG_CHECK_H
#define IKEV2_CONFIG_CHECK_H

#include "ns3/ipsec-ip-address.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The checks and message wording shared by the IKEv2 configuration objects.
 *
 * Every configuration error reads "<object> '<name>', <field>: <problem>", e.g.
 * "ike proposal 'p1', dh-group: unknown value 'group99'; allowed: group1, group2, ...".
 */
class Ikev2ConfigCheck
{
  public:
    /**
     * \param object the kind of object ("ike proposal")
     * \param name its name
     * \param field the configuration statement
     * \param problem what is wrong
     * \throws std::invalid_argument always
     */
    [[noreturn]] static void Fail(const std::string& object,
                                  const std::string& name,
                                  const std::string& field,
                                  const std::string& problem);

    /**
     * \param value the configured value (empty: not configured)
     * \param allowed the allowed values
     * \return "unknown value '<value>'; allowed: a, b" or "missing; allowed: a, b"
     */
    static std::string UnknownValue(const std::string& value,
                                    const std::vector<std::string>& allowed);

    /**
     * \param value a number
     * \param min lowest allowed
     * \param max highest allowed
     * \param object the kind of object
     * \param name its name
     * \param field the statement
     * \throws std::invalid_argument if value is outside min..max
     */
    static void CheckRange(uint64_t value,
                           uint64_t min,
                           uint64_t max,
                           const std::string& object,
                           const std::string& name,
                           const std::string& field);

    /**
     * \param object the kind of object
     * \param name its name
     * \throws std::invalid_argument if the name is empty
     */
    static void CheckName(const std::string& object, const std::string& name);

    /**
     * \param proposals proposal names of a policy
     * \param object the kind of policy
     * \param name its name
     * \throws std::invalid_argument if the list is empty or names a proposal twice
     */
    static void CheckProposalList(const std::vector<std::string>& proposals,
                                  const std::string& object,
                                  const std::string& name);

    /**
     * \param text an address
     * \param object the kind of object
     * \param name its name
     * \param field the statement
     * \return the address
     * \throws std::invalid_argument if missing or not an address
     */
    static IpsecIpAddress ParseAddress(const std::string& text,
                                       const std::string& object,
                                       const std::string& name,
                                       const std::string& field);

    /**
     * \brief Finds a crypto table entry among those Junos configures (offeredByJunos); those
     * are the allowed values of the message.
     * \param table a crypto algorithm table
     * \param value the configured name
     * \param object the kind of object
     * \param name its name
     * \param field the statement
     * \return the entry
     * \throws std::invalid_argument if not found
     */
    template <typename Entry>
    static const Entry& LookupJunosEntry(const std::vector<Entry>& table,
                                         const std::string& value,
                                         const std::string& object,
                                         const std::string& name,
                                         const std::string& field)
    {
        std::vector<std::string> allowed;
        for (const auto& entry : table)
        {
            if (entry.offeredByJunos)
            {
                if (value == entry.name)
                {
                    return entry;
                }
                allowed.emplace_back(entry.name);
            }
        }
        Fail(object, name, field, UnknownValue(value, allowed));
    }
};

} // namespace ns3

#endif /* IKEV2_CONFIG_CHECK_H */
