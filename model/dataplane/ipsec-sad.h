/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SAD_H
#define IPSEC_SAD_H

#include "ipsec-ip-address.h"
#include "ipsec-sa.h"

#include "ns3/event-id.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <tuple>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The Security Association Database of one node (RFC 4301 section 4.4.2).
 *
 * Inbound SAs are found by (destination address, protocol, SPI), as RFC 4301 section 4.1 and
 * Junos do. Outbound SAs are reached from the SPD entry or tunnel interface they are bound to,
 * so the SAD only holds them for lifetime handling and statistics. Time-based lifetimes are
 * events owned here; byte- and packet-based ones are reported by the data plane through
 * NotifyUse().
 */
class IpsecSad : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    IpsecSad();
    ~IpsecSad() override;

    /// Signature of the SA life-cycle traces.
    typedef void (*SaTracedCallback)(Ptr<const IpsecSa> sa);

    /**
     * \brief Installs an SA and schedules its time-based lifetimes from now.
     * \param sa the SA
     * \throws std::invalid_argument if an inbound SA with the same (destination, protocol,
     *         SPI) exists: a peer could not tell them apart
     */
    void Install(Ptr<IpsecSa> sa);

    /**
     * \brief Removes an SA at once (deletion, or hard expiry); it becomes EXPIRED.
     * \param sa the SA
     * \return false if it was not installed
     */
    bool Remove(Ptr<IpsecSa> sa);

    /**
     * \param destination outer destination address of the packet
     * \param protocol ESP or AH
     * \param spi the packet's SPI
     * \return the inbound SA, or nullptr
     */
    Ptr<IpsecSa> FindInbound(const IpsecIpAddress& destination,
                             IpsecProtocol protocol,
                             uint32_t spi) const;

    /// \return every installed SA, inbound and outbound
    std::vector<Ptr<IpsecSa>> GetAll() const;

    /**
     * \brief Accounts one packet of use and acts on lifetime limits it crosses: fires
     * SoftExpired once, or HardExpired and removes the SA.
     * \param sa an installed SA
     * \param bytes payload bytes
     * \return the SA's state after the packet
     */
    IpsecSaState NotifyUse(Ptr<IpsecSa> sa, uint64_t bytes);

  protected:
    void DoDispose() override;

  private:
    /// (direction, destination, protocol, SPI)
    using Key = std::tuple<IpsecDirection, IpsecIpAddress, IpsecProtocol, uint32_t>;

    /// One installed SA and its lifetime events.
    struct Entry
    {
        Ptr<IpsecSa> sa;   //!< the SA
        EventId softEvent; //!< soft time lifetime
        EventId hardEvent; //!< hard time lifetime
    };

    /// \param sa an SA \return its key
    static Key KeyOf(const IpsecSa& sa);
    /// \param key an installed SA's key
    void SoftExpire(Key key);
    /// \param key an installed SA's key
    void HardExpire(Key key);

    std::map<Key, Entry> m_entries; //!< installed SAs

    TracedCallback<Ptr<const IpsecSa>> m_installedTrace;   //!< SA installed
    TracedCallback<Ptr<const IpsecSa>> m_softExpiredTrace; //!< soft lifetime reached
    TracedCallback<Ptr<const IpsecSa>> m_hardExpiredTrace; //!< hard lifetime reached
    TracedCallback<Ptr<const IpsecSa>> m_removedTrace;     //!< SA removed (any cause)
};

} // namespace ns3

#endif /* IPSEC_SAD_H */
