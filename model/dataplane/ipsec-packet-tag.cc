/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-packet-tag.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(IpsecPacketTag);

TypeId
IpsecPacketTag::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecPacketTag")
                            .SetParent<Tag>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<IpsecPacketTag>();
    return tid;
}

TypeId
IpsecPacketTag::GetInstanceTypeId() const
{
    return GetTypeId();
}

IpsecPacketTag::IpsecPacketTag()
    : m_kind(OUTBOUND_POLICY),
      m_id(0)
{
}

IpsecPacketTag::IpsecPacketTag(Kind kind, uint64_t id)
    : m_kind(kind),
      m_id(id)
{
}

IpsecPacketTag::Kind
IpsecPacketTag::GetKind() const
{
    return m_kind;
}

uint64_t
IpsecPacketTag::GetId() const
{
    return m_id;
}

uint32_t
IpsecPacketTag::GetSerializedSize() const
{
    return 1 + 8;
}

void
IpsecPacketTag::Serialize(TagBuffer buffer) const
{
    buffer.WriteU8(m_kind);
    buffer.WriteU64(m_id);
}

void
IpsecPacketTag::Deserialize(TagBuffer buffer)
{
    m_kind = static_cast<Kind>(buffer.ReadU8());
    m_id = buffer.ReadU64();
}

void
IpsecPacketTag::Print(std::ostream& os) const
{
    os << (m_kind == OUTBOUND_POLICY ? "policy=" : "sa=") << m_id;
}

} // namespace ns3
