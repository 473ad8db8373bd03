/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_TRAFFIC_SELECTOR_H
#define IPSEC_TRAFFIC_SELECTOR_H

#include "ipsec-ip-address.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief One side of a traffic selector: an address range, an IP protocol and a port range
 * (RFC 4301 section 4.4.1.1; the same shape as an RFC 7296 section 3.13.1 IKE traffic selector
 * plus its protocol).
 *
 * An SPD entry has a local and a remote selector; a packet matches when its addresses, protocol
 * and ports fall in both.
 *
 * - Addresses: an inclusive range start..end of one family. Prefixes are ranges whose ends are
 *   the first and last address of the prefix.
 * - Protocol: an IP protocol number (the "next layer protocol"); 0 (ANY_PROTOCOL) means any.
 * - Ports: an inclusive range; 0..65535 means ANY. Ports are only defined for protocols that
 *   carry them (ProtocolHasPorts: TCP, UDP, SCTP, and ICMP/ICMPv6 as below). For any other
 *   protocol, and for non-initial fragments, the packet's ports are OPAQUE (RFC 4301 sections
 *   4.4.1.1 and 7): only a selector whose port range is ANY matches them. A selector with a
 *   port-less protocol and a narrower port range therefore matches nothing.
 * - ICMP and ICMPv6: RFC 4301 section 4.4.1.1 packs the message type and code into one 16-bit
 *   "port" value, type in the high byte and code in the low byte, and RFC 7296 section 3.13.1
 *   uses the same packing in IKE traffic selectors. A packet's flow (IpsecFlow) carries that
 *   value in both its port fields, so a policy matches an ICMP packet when the value lies in the
 *   port ranges of both its local and remote selectors. RFC 4301 places the type/code in the
 *   local port selector only; a policy written that way (remote port range ANY) behaves as RFC
 *   4301 describes, and a policy whose restriction sits on the remote side (as the peer's mirror
 *   image of the same policy would) also works. SetIcmpType() and SetIcmpTypeCode() build these
 *   ranges.
 */
class IpsecTrafficSelector
{
  public:
    static constexpr uint8_t ANY_PROTOCOL = 0;      //!< protocol selector value for "any"
    static constexpr uint8_t PROTOCOL_ICMP = 1;     //!< ICMP for IPv4
    static constexpr uint8_t PROTOCOL_TCP = 6;      //!< TCP
    static constexpr uint8_t PROTOCOL_UDP = 17;     //!< UDP
    static constexpr uint8_t PROTOCOL_ICMPV6 = 58;  //!< ICMPv6
    static constexpr uint8_t PROTOCOL_SCTP = 132;   //!< SCTP
    static constexpr uint16_t MIN_PORT = 0;         //!< lowest port of the ANY range
    static constexpr uint16_t MAX_PORT = 65535;     //!< highest port of the ANY range
    static constexpr uint8_t MAX_IPV4_PREFIX = 32;  //!< longest IPv4 prefix
    static constexpr uint8_t MAX_IPV6_PREFIX = 128; //!< longest IPv6 prefix

    /// Any IPv4 address, any protocol, any port (same as Any(IpsecAddressFamily::IPV4)).
    IpsecTrafficSelector();

    /**
     * \param family an address family
     * \return a selector of every address of that family, any protocol, any port
     */
    static IpsecTrafficSelector Any(IpsecAddressFamily family);

    /**
     * \param address an address
     * \return a selector of that one address, any protocol, any port
     */
    static IpsecTrafficSelector Host(const IpsecIpAddress& address);

    /**
     * \brief Parses "address/length" ("10.1.0.0/16", "2001:db8:1::/48") or a bare address (a
     * host: /32 or /128).
     *
     * Host bits set ("10.1.0.1/16") are an error rather than silently masked: in configuration
     * text they usually are a typo, and Junos rejects them too.
     * \param text the prefix text
     * \param selector receives the selector (any protocol, any port) on success
     * \param error receives a message naming the text on failure (may be nullptr)
     * \return true on success
     */
    static bool FromPrefix(const std::string& text,
                           IpsecTrafficSelector* selector,
                           std::string* error);

    /**
     * \param address the network address (host bits must be clear)
     * \param prefixLength prefix length, at most 32 (IPv4) or 128 (IPv6)
     * \param selector receives the selector (any protocol, any port) on success
     * \param error receives a message on failure (may be nullptr)
     * \return true on success
     */
    static bool FromPrefix(const IpsecIpAddress& address,
                           uint8_t prefixLength,
                           IpsecTrafficSelector* selector,
                           std::string* error);

    /**
     * \param start first address of the range
     * \param end last address of the range (same family, not below start)
     * \param selector receives the selector (any protocol, any port) on success
     * \param error receives a message naming both addresses on failure (may be nullptr)
     * \return true on success
     */
    static bool FromRange(const IpsecIpAddress& start,
                          const IpsecIpAddress& end,
                          IpsecTrafficSelector* selector,
                          std::string* error);

    /**
     * \param protocol an IP protocol number
     * \return true if packets of that protocol have a port (or ICMP type/code) selector value
     */
    static bool ProtocolHasPorts(uint8_t protocol);

    /**
     * \param protocol an IP protocol number
     * \return true for ICMP (1) and ICMPv6 (58)
     */
    static bool IsIcmpProtocol(uint8_t protocol);

    /**
     * \param type ICMP message type
     * \param code ICMP message code
     * \return the 16-bit selector value: type in the high byte, code in the low byte
     */
    static uint16_t IcmpTypeCodeToPort(uint8_t type, uint8_t code);

    /// \param protocol IP protocol number, ANY_PROTOCOL for any
    void SetProtocol(uint8_t protocol);

    /**
     * \param start first port (or ICMP type/code value)
     * \param end last port, not below start
     * \param error receives a message on failure (may be nullptr)
     * \return false (selector unchanged) if start > end
     */
    bool SetPortRange(uint16_t start, uint16_t end, std::string* error = nullptr);

    /// \param port the single port to select
    void SetPort(uint16_t port);

    /// \brief Selects every port again (ANY).
    void SetAnyPort();

    /**
     * \brief Selects one ICMP message type, any code (ports type<<8 .. type<<8|255).
     * \param type ICMP message type
     */
    void SetIcmpType(uint8_t type);

    /**
     * \brief Selects one ICMP message type and code.
     * \param type ICMP message type
     * \param code ICMP message code
     */
    void SetIcmpTypeCode(uint8_t type, uint8_t code);

    /// \return the family of the address range
    IpsecAddressFamily GetFamily() const;
    /// \return the first address of the range
    const IpsecIpAddress& GetStartAddress() const;
    /// \return the last address of the range
    const IpsecIpAddress& GetEndAddress() const;
    /// \return the protocol (ANY_PROTOCOL for any)
    uint8_t GetProtocol() const;
    /// \return the first port
    uint16_t GetStartPort() const;
    /// \return the last port
    uint16_t GetEndPort() const;
    /// \return true if the protocol is ANY_PROTOCOL
    bool IsAnyProtocol() const;
    /// \return true if the port range is 0..65535
    bool IsAnyPort() const;

    /// \return the prefix length if the address range is exactly one prefix
    std::optional<uint8_t> GetPrefixLength() const;

    /**
     * \param address an address
     * \return true if it is of the selector's family and inside the range (ends included)
     */
    bool Contains(const IpsecIpAddress& address) const;

    /**
     * \param protocol a packet's protocol
     * \return true if the selector's protocol is ANY or equal
     */
    bool MatchesProtocol(uint8_t protocol) const;

    /**
     * \brief Protocol and port of a packet whose port is known.
     *
     * For a protocol without ports (ProtocolHasPorts() false) the port is OPAQUE whatever the
     * argument says, as in MatchesOpaquePort().
     * \param protocol the packet's protocol
     * \param port its port on this selector's side (or its ICMP type/code value)
     * \return true if both are selected
     */
    bool Matches(uint8_t protocol, uint16_t port) const;

    /**
     * \brief Protocol of a packet whose port is OPAQUE (RFC 4301 section 4.4.1.1): a
     * non-initial fragment, or a protocol without ports.
     * \param protocol the packet's protocol
     * \return true if the protocol is selected and the port range is ANY
     */
    bool MatchesOpaquePort(uint8_t protocol) const;

    /**
     * \brief The traffic both selectors select, as IKE narrowing needs (RFC 7296 section 2.9).
     * \param other another selector
     * \return the intersection, or nothing if they share no traffic (different families,
     *         disjoint addresses or ports, different protocols, or narrowed ports on a
     *         protocol without ports)
     */
    std::optional<IpsecTrafficSelector> Intersect(const IpsecTrafficSelector& other) const;

    /**
     * \param other another selector
     * \return true if every packet this selector matches is also matched by other
     */
    bool IsSubsetOf(const IpsecTrafficSelector& other) const;

    /**
     * \return e.g. "10.1.0.0/16 proto any port any", "10.0.0.1-10.0.0.9 proto 17 port 500",
     *         "0.0.0.0/0 proto 1 icmp-type 8 code any"
     */
    std::string ToString() const;

    /**
     * \param other another selector
     * \return true if every field is equal
     */
    bool operator==(const IpsecTrafficSelector& other) const;

    /**
     * \param other another selector
     * \return true if some field differs
     */
    bool operator!=(const IpsecTrafficSelector& other) const;

  private:
    IpsecIpAddress m_start;           //!< first address
    IpsecIpAddress m_end;             //!< last address
    uint8_t m_protocol{ANY_PROTOCOL}; //!< IP protocol, 0 = any
    uint16_t m_startPort{MIN_PORT};   //!< first port
    uint16_t m_endPort{MAX_PORT};     //!< last port
};

/**
 * \param os output stream
 * \param selector a selector
 * \return os, after writing selector.ToString()
 */
std::ostream& operator<<(std::ostream& os, const IpsecTrafficSelector& selector);

} // namespace ns3

#endif /* IPSEC_TRAFFIC_SELECTOR_H */
