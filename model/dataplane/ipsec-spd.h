/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SPD_H
#define IPSEC_SPD_H

#include "ipsec-flow.h"
#include "ipsec-policy.h"

#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The Security Policy Database of one IPsec node (RFC 4301 section 4.4.1).
 *
 * One ordered list of IpsecPolicy entries per direction (SPD-O and SPD-I of RFC 4301 section
 * 4.4.1, minus the cache). RFC 4301 section 4.4.1 requires the SPD to be ordered, entries
 * searched in order with the first match applied; Add() appends, Insert() places an entry in
 * front of others, so a specific BYPASS can override a broad PROTECT written after it.
 *
 * No match: Find() returns nullptr and the caller decides. For an interface under IPsec, RFC
 * 4301 (sections 5.1 and 5.2, outbound and inbound processing) discards traffic that no SPD
 * entry covers, as if a DISCARD entry ended the list; a node with no policy at all passes
 * traffic untouched, as any host without IPsec does. Which of the two the model applies is
 * left to the owner of this database (it will become an attribute of the IPsec layer); Find()
 * does not guess.
 *
 * Each accepted entry gets an id, unique within this SPD and never reused, by which it can be
 * removed. An entry belongs to at most one SPD at a time.
 */
class IpsecSpd : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    IpsecSpd();
    ~IpsecSpd() override;

    /**
     * \brief Appends an entry to the list of its direction (searched last).
     * \param policy the entry; it must pass IpsecPolicy::Validate() and not be in an SPD
     * \param error receives the reason on failure (may be nullptr)
     * \return the id given to the entry, or 0 if it was refused
     */
    uint32_t Add(Ptr<IpsecPolicy> policy, std::string* error = nullptr);

    /**
     * \brief Inserts an entry at a position of the list of its direction.
     * \param index position among that direction's entries: 0 puts it first, the list's size
     *        appends it; larger indexes are refused
     * \param policy the entry; it must pass IpsecPolicy::Validate() and not be in an SPD
     * \param error receives the reason on failure (may be nullptr)
     * \return the id given to the entry, or 0 if it was refused
     */
    uint32_t Insert(uint32_t index, Ptr<IpsecPolicy> policy, std::string* error = nullptr);

    /**
     * \brief Removes an entry; its id goes back to 0 so that it may be added again.
     * \param id the entry's id
     * \return false if no entry has that id
     */
    bool Remove(uint32_t id);

    /**
     * \brief The first entry of a direction that matches a packet (RFC 4301 section 4.4.1).
     * \param direction the packet's direction
     * \param flow the packet's selector fields
     * \return the entry, or nullptr if none matches (see the class description)
     */
    Ptr<IpsecPolicy> Find(IpsecDirection direction, const IpsecFlow& flow) const;

    /**
     * \param id an entry id
     * \return the entry with that id, or nullptr
     */
    Ptr<IpsecPolicy> Get(uint32_t id) const;

    /**
     * \param direction a direction
     * \return that direction's entries in search order
     */
    std::vector<Ptr<IpsecPolicy>> GetPolicies(IpsecDirection direction) const;

    /**
     * \param direction a direction
     * \return how many entries that direction has
     */
    uint32_t GetNPolicies(IpsecDirection direction) const;

    /// \brief Removes every entry of both directions.
    void Clear();

  protected:
    void DoDispose() override;

  private:
    /**
     * \param direction a direction
     * \return that direction's list
     */
    std::vector<Ptr<IpsecPolicy>>& GetList(IpsecDirection direction);

    /**
     * \param direction a direction
     * \return that direction's list
     */
    const std::vector<Ptr<IpsecPolicy>>& GetList(IpsecDirection direction) const;

    std::vector<Ptr<IpsecPolicy>> m_inbound;  //!< SPD-I entries in search order
    std::vector<Ptr<IpsecPolicy>> m_outbound; //!< SPD-O entries in search order
    uint32_t m_nextId{1};                     //!< id for the next accepted entry
};

} // namespace ns3

#endif /* IPSEC_SPD_H */
