/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_PACKET_TAG_H
#define IPSEC_PACKET_TAG_H

#include "ns3/tag.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Carries an IPsec decision with a packet between the stack's stages of one node: the
 * outbound SPD entry chosen in RouteOutput/RouteInput to the tunnel interface's send path, and
 * the inbound SA that decrypted a packet to the inbound policy check.
 */
class IpsecPacketTag : public Tag
{
  public:
    /// What the id names.
    enum Kind : uint8_t
    {
        OUTBOUND_POLICY = 1, //!< id of the SPD entry that chose PROTECT
        INBOUND_SA = 2,      //!< id of the inbound SA that removed ESP/AH
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    IpsecPacketTag();
    /**
     * \param kind what the id names
     * \param id the SPD entry or SA id
     */
    IpsecPacketTag(Kind kind, uint64_t id);

    /// \return what the id names
    Kind GetKind() const;
    /// \return the id
    uint64_t GetId() const;

    uint32_t GetSerializedSize() const override;
    void Serialize(TagBuffer buffer) const override;
    void Deserialize(TagBuffer buffer) override;
    void Print(std::ostream& os) const override;

  private:
    Kind m_kind;   //!< what the id names
    uint64_t m_id; //!< SPD entry or SA id
};

} // namespace ns3

#endif /* IPSEC_PACKET_TAG_H */
