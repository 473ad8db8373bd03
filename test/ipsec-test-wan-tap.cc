/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-test-wan-tap.h"

#include "ns3/ipv4-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/ppp-header.h"
#include "ns3/simulator.h"

#include <vector>

namespace ns3
{
namespace test
{

namespace
{

/// PPP protocol numbers (RFC 1332, RFC 5072).
constexpr uint16_t PPP_IPV4 = 0x0021;
constexpr uint16_t PPP_IPV6 = 0x0057;
/// Bytes of the PPP header ns-3's point-to-point devices add.
constexpr uint32_t PPP_HEADER_BYTES = 2;

} // namespace

uint8_t
FrameIpProtocol(Ptr<const Packet> frame)
{
    Ptr<Packet> copy = frame->Copy();
    PppHeader ppp;
    copy->RemoveHeader(ppp);
    if (ppp.GetProtocol() == PPP_IPV6)
    {
        Ipv6Header ip;
        copy->PeekHeader(ip);
        return ip.GetNextHeader();
    }
    if (ppp.GetProtocol() == PPP_IPV4)
    {
        Ipv4Header ip;
        copy->PeekHeader(ip);
        return ip.GetProtocol();
    }
    return 0;
}

WanReplayer::WanReplayer(Ptr<NetDevice> device, Address peer, uint8_t protocol, uint32_t count)
    : m_device(device),
      m_peer(peer),
      m_protocol(protocol),
      m_left(count)
{
    device->TraceConnectWithoutContext("MacTx", MakeCallback(&WanReplayer::MacTx, this));
}

uint32_t
WanReplayer::Sent() const
{
    return m_sent;
}

void
WanReplayer::MacTx(Ptr<const Packet> frame)
{
    if (m_left == 0 || m_copies.count(frame->GetUid()) || FrameIpProtocol(frame) != m_protocol)
    {
        return;
    }
    Ptr<Packet> copy = frame->Copy();
    PppHeader ppp;
    copy->RemoveHeader(ppp);
    const bool ipv6 = ppp.GetProtocol() == PPP_IPV6;
    --m_left;
    m_copies.insert(copy->GetUid());
    Simulator::Schedule(MicroSeconds(300),
                        &WanReplayer::Resend,
                        this,
                        copy,
                        static_cast<uint16_t>(ipv6 ? 0x86dd : 0x0800));
}

void
WanReplayer::Resend(Ptr<Packet> copy, uint16_t etherType)
{
    if (m_device->Send(copy, m_peer, etherType))
    {
        ++m_sent;
    }
}

TypeId
BitFlipErrorModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::test::BitFlipErrorModel")
                            .SetParent<ErrorModel>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<BitFlipErrorModel>();
    return tid;
}

void
BitFlipErrorModel::Configure(uint8_t protocol, uint32_t offset, uint32_t count)
{
    m_protocol = protocol;
    m_offset = offset;
    m_left = count;
}

uint32_t
BitFlipErrorModel::Flipped() const
{
    return m_flipped;
}

bool
BitFlipErrorModel::DoCorrupt(Ptr<Packet> p)
{
    const uint32_t position = PPP_HEADER_BYTES + m_offset;
    if (m_left == 0 || FrameIpProtocol(p) != m_protocol || p->GetSize() <= position)
    {
        return false;
    }
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    bytes[position] ^= 0x01;
    // Replace the contents in place: the device goes on with this very packet.
    p->RemoveAtEnd(p->GetSize());
    p->AddAtEnd(Create<Packet>(bytes.data(), bytes.size()));
    --m_left;
    ++m_flipped;
    return false; // corrupted, not lost: the receiver must notice
}

void
BitFlipErrorModel::DoReset()
{
}

TypeId
DropFirstErrorModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::test::DropFirstErrorModel")
                            .SetParent<ErrorModel>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<DropFirstErrorModel>();
    return tid;
}

void
DropFirstErrorModel::SetDrops(uint32_t count)
{
    m_left = count;
}

bool
DropFirstErrorModel::DoCorrupt(Ptr<Packet> p)
{
    if (m_left == 0)
    {
        return false;
    }
    --m_left;
    return true;
}

void
DropFirstErrorModel::DoReset()
{
}

TypeId
UdpPortRewriter::GetTypeId()
{
    static TypeId tid = TypeId("ns3::test::UdpPortRewriter")
                            .SetParent<ErrorModel>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<UdpPortRewriter>();
    return tid;
}

void
UdpPortRewriter::Configure(std::map<uint16_t, uint16_t> sourcePorts,
                           std::map<uint16_t, uint16_t> destinationPorts)
{
    m_sourcePorts = std::move(sourcePorts);
    m_destinationPorts = std::move(destinationPorts);
}

uint32_t
UdpPortRewriter::Rewritten() const
{
    return m_rewritten;
}

bool
UdpPortRewriter::DoCorrupt(Ptr<Packet> p)
{
    constexpr uint8_t UDP = 17;
    if (FrameIpProtocol(p) != UDP)
    {
        return false;
    }
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    const size_t udp = PPP_HEADER_BYTES + 4 * (bytes[PPP_HEADER_BYTES] & 0x0f);
    if ((bytes[PPP_HEADER_BYTES] >> 4) != 4 || bytes.size() < udp + 8)
    {
        return false;
    }
    bool changed = false;
    for (auto [offset, table] :
         {std::pair{udp, &m_sourcePorts}, std::pair{udp + 2, &m_destinationPorts}})
    {
        const uint16_t port = uint16_t(bytes[offset] << 8 | bytes[offset + 1]);
        auto found = table->find(port);
        if (found != table->end())
        {
            bytes[offset] = uint8_t(found->second >> 8);
            bytes[offset + 1] = uint8_t(found->second);
            changed = true;
        }
    }
    if (changed)
    {
        // The checksum is left as it was: the tests run with ns-3's checksums off.
        p->RemoveAtEnd(p->GetSize());
        p->AddAtEnd(Create<Packet>(bytes.data(), bytes.size()));
        ++m_rewritten;
    }
    return false;
}

void
UdpPortRewriter::DoReset()
{
}

} // namespace test
} // namespace ns3
