/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_SOCKET_ADDRESS_H
#define IKEV2_SOCKET_ADDRESS_H

#include "ns3/address.h"
#include "ns3/ipsec-ip-address.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The address and UDP port of an IKE peer or of this side, as ns-3 sockets give them
 * (InetSocketAddress or Inet6SocketAddress), taken apart and put together.
 */
class Ikev2SocketAddress
{
  public:
    /// \param address a socket address \return its IP address
    static IpsecIpAddress AddressOf(const Address& address);

    /// \param address a socket address \return its UDP port (0 if it is neither kind)
    static uint16_t PortOf(const Address& address);

    /**
     * \param address an IP address
     * \param port a UDP port
     * \return the socket address of that family
     */
    static Address Make(const IpsecIpAddress& address, uint16_t port);

    /// \param address a socket address \param port a UDP port \return it with that port
    static Address WithPort(const Address& address, uint16_t port);
};

} // namespace ns3

#endif /* IKEV2_SOCKET_ADDRESS_H */
