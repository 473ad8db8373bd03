/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The socket half of Ikev2Daemon: UDP 500 and 4500 for each IP family the node has, the
// non-ESP marker of port 4500 (RFC 3948), and which socket a message of an IKE SA leaves from.

#include "ikev2-daemon.h"
#include "ikev2-socket-address.h"

#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv4-packet-info-tag.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-packet-info-tag.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2DaemonSockets");

namespace
{

/// RFC 3948 section 2.2: IKE on port 4500 starts with four zero bytes.
constexpr size_t NON_ESP_MARKER_BYTES = 4;

} // namespace

Ptr<Socket>
Ikev2Daemon::OpenSocket(bool ipv6, uint16_t port)
{
    Ptr<Socket> socket =
        Socket::CreateSocket(GetNode(), TypeId::LookupByName("ns3::UdpSocketFactory"));
    const int status = ipv6 ? socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port))
                            : socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
    NS_ABORT_MSG_IF(status != 0,
                    "IKE daemon on node " << GetNode()->GetId() << " cannot bind UDP port " << port
                                          << (ipv6 ? " (IPv6)" : " (IPv4)")
                                          << ": is another daemon installed?");
    socket->SetRecvCallback(MakeCallback(&Ikev2Daemon::HandleRead, this));
    socket->SetRecvPktInfo(true); // the local address a datagram was sent to
    m_sockets[socket] = port;
    return socket;
}

void
Ikev2Daemon::StartApplication()
{
    for (bool ipv6 : {false, true})
    {
        const bool present = ipv6 ? GetNode()->GetObject<Ipv6>() != nullptr
                                  : GetNode()->GetObject<Ipv4>() != nullptr;
        if (present)
        {
            OpenSocket(ipv6, IKE_PORT);
            OpenSocket(ipv6, NAT_T_PORT);
        }
    }
    if (!m_startCallback.IsNull())
    {
        m_startCallback();
    }
}

void
Ikev2Daemon::StopApplication()
{
    for (auto& [socket, port] : m_sockets)
    {
        socket->Close();
    }
    m_sockets.clear();
    for (auto& [spi, sa] : m_sas)
    {
        Simulator::Cancel(sa->m_retransmitEvent);
    }
}

void
Ikev2Daemon::HandleRead(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        CryptoBytes bytes(packet->GetSize());
        packet->CopyData(bytes.data(), bytes.size());
        if (m_sockets[socket] == NAT_T_PORT)
        {
            const bool marked = bytes.size() >= NON_ESP_MARKER_BYTES &&
                                std::all_of(bytes.begin(),
                                            bytes.begin() + NON_ESP_MARKER_BYTES,
                                            [](uint8_t byte) { return byte == 0; });
            if (!marked)
            {
                // UDP-encapsulated ESP (RFC 3948) belongs to the data plane, not here.
                Drop(Ikev2DropReason::NOT_IKE, from);
                continue;
            }
            bytes.erase(bytes.begin(), bytes.begin() + NON_ESP_MARKER_BYTES);
        }
        Address to;
        Ipv4PacketInfoTag info4;
        Ipv6PacketInfoTag info6;
        if (packet->PeekPacketTag(info4))
        {
            to = InetSocketAddress(info4.GetAddress(), m_sockets[socket]);
        }
        else if (packet->PeekPacketTag(info6))
        {
            to = Inet6SocketAddress(info6.GetAddress(), m_sockets[socket]);
        }
        Receive(bytes, from, to);
    }
}

void
Ikev2Daemon::Transmit(Ptr<Ikev2Sa> sa, const CryptoBytes& bytes)
{
    const bool ipv6 = Inet6SocketAddress::IsMatchingType(sa->GetPeer());
    // After NAT detection this side sends from 4500 (with the non-ESP marker), whatever port
    // the NAT gave the peer.
    const bool natT =
        Ikev2SocketAddress::PortOf(sa->GetPeer()) == NAT_T_PORT ||
        (!sa->GetLocal().IsInvalid() && Ikev2SocketAddress::PortOf(sa->GetLocal()) == NAT_T_PORT);
    const uint16_t port = natT ? NAT_T_PORT : IKE_PORT;
    for (auto& [socket, boundPort] : m_sockets)
    {
        Address local;
        socket->GetSockName(local);
        if (boundPort != port || Inet6SocketAddress::IsMatchingType(local) != ipv6)
        {
            continue;
        }
        CryptoBytes datagram;
        if (port == NAT_T_PORT)
        {
            datagram.assign(NON_ESP_MARKER_BYTES, 0);
        }
        datagram.insert(datagram.end(), bytes.begin(), bytes.end());
        socket->SendTo(Create<Packet>(datagram.data(), datagram.size()), 0, sa->GetPeer());
        return;
    }
    NS_LOG_WARN("no " << (ipv6 ? "IPv6" : "IPv4") << " socket on port " << port
                      << ": the daemon is not running");
}

} // namespace ns3
