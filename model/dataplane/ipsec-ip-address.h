/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_IP_ADDRESS_H
#define IPSEC_IP_ADDRESS_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/// The address family of an IpsecIpAddress or of a traffic selector.
enum class IpsecAddressFamily
{
    IPV4, //!< 4-byte addresses
    IPV6, //!< 16-byte addresses
};

/**
 * \param family an address family
 * \return "ipv4" or "ipv6"
 */
const char* IpsecAddressFamilyName(IpsecAddressFamily family);

/**
 * \param os output stream
 * \param family an address family
 * \return os
 */
std::ostream& operator<<(std::ostream& os, IpsecAddressFamily family);

/**
 * \ingroup ipsec
 * \brief An IPv4 or IPv6 address as one value type.
 *
 * IPsec selectors, SAs and IKE traffic selectors carry addresses of either family, and the
 * security databases key maps on them, so the two ns-3 address classes are wrapped into one
 * value with a total order. Addresses are kept as network-order bytes, which makes range
 * arithmetic (Increment, prefix masks) family-independent.
 *
 * Ordering: within a family, numeric order of the address; across families, every IPv4 address
 * sorts before every IPv6 address (only so that std::map keys are well defined; a range never
 * spans families). An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is an IPv6 address here and
 * never equals the IPv4 address it maps.
 */
class IpsecIpAddress
{
  public:
    /// Bytes of an IPv4 address.
    static constexpr size_t IPV4_SIZE = 4;
    /// Bytes of an IPv6 address.
    static constexpr size_t IPV6_SIZE = 16;

    /// The IPv4 address 0.0.0.0.
    IpsecIpAddress();

    /// \param address an IPv4 address
    explicit IpsecIpAddress(Ipv4Address address);

    /// \param address an IPv6 address
    explicit IpsecIpAddress(Ipv6Address address);

    /**
     * \param bytes 4 bytes in network order
     * \return that IPv4 address
     */
    static IpsecIpAddress FromIpv4Bytes(const uint8_t* bytes);

    /**
     * \param bytes 16 bytes in network order
     * \return that IPv6 address
     */
    static IpsecIpAddress FromIpv6Bytes(const uint8_t* bytes);

    /**
     * \brief Builds an address from raw bytes, the family given by their number.
     * \param bytes network-order bytes
     * \param size 4 (IPv4) or 16 (IPv6)
     * \param address receives the address on success
     * \return false if size is neither 4 nor 16 (address is then unchanged)
     */
    static bool FromBytes(const uint8_t* bytes, size_t size, IpsecIpAddress* address);

    /**
     * \brief Parses dotted-decimal IPv4 ("192.0.2.1") or RFC 4291 IPv6 text ("2001:db8::1").
     *
     * Surrounding blanks, zone indices ("fe80::1%eth0") and shorthand IPv4 forms ("10.1") are
     * rejected: configuration text must say exactly which address it means.
     * \param text the text
     * \param address receives the address on success
     * \param error receives a message naming the text on failure (may be nullptr)
     * \return true on success
     */
    static bool Parse(const std::string& text, IpsecIpAddress* address, std::string* error);

    /**
     * \param family a family
     * \return the lowest address of that family (all zeros)
     */
    static IpsecIpAddress Min(IpsecAddressFamily family);

    /**
     * \param family a family
     * \return the highest address of that family (all ones)
     */
    static IpsecIpAddress Max(IpsecAddressFamily family);

    /// \return the family
    IpsecAddressFamily GetFamily() const;
    /// \return true for an IPv4 address
    bool IsIpv4() const;
    /// \return true for an IPv6 address
    bool IsIpv6() const;

    /// \return the address as ns-3 IPv4 (must be IPv4; asserted)
    Ipv4Address GetIpv4() const;
    /// \return the address as ns-3 IPv6 (must be IPv6; asserted)
    Ipv6Address GetIpv6() const;

    /// \return 4 or 16
    size_t GetSize() const;
    /// \return 32 or 128
    uint8_t GetBitLength() const;
    /// \return the GetSize() network-order bytes
    const uint8_t* GetBytes() const;

    /**
     * \param out where to write GetSize() network-order bytes
     */
    void CopyTo(uint8_t* out) const;

    /**
     * \brief Steps to the next address, for walking ranges.
     * \return false (address unchanged) if it already was the highest of its family
     */
    bool Increment();

    /**
     * \brief Steps to the previous address.
     * \return false (address unchanged) if it already was the lowest of its family
     */
    bool Decrement();

    /**
     * \param prefixLength leading bits kept (clamped to GetBitLength())
     * \return the address with every bit after the prefix cleared (the network address)
     */
    IpsecIpAddress GetPrefixStart(uint8_t prefixLength) const;

    /**
     * \param prefixLength leading bits kept (clamped to GetBitLength())
     * \return the address with every bit after the prefix set (the last address of the prefix)
     */
    IpsecIpAddress GetPrefixEnd(uint8_t prefixLength) const;

    /// \return true if every bit is zero (0.0.0.0 or ::)
    bool IsZero() const;

    /// \return dotted decimal, or RFC 5952 compressed IPv6 text
    std::string ToString() const;

    /**
     * \param other another address
     * \return true if same family and same bytes
     */
    bool operator==(const IpsecIpAddress& other) const;

    /**
     * \param other another address
     * \return true if not equal
     */
    bool operator!=(const IpsecIpAddress& other) const;

    /**
     * \param other another address
     * \return true if this sorts first (IPv4 before IPv6, then numerically)
     */
    bool operator<(const IpsecIpAddress& other) const;

    /**
     * \param other another address
     * \return other < *this
     */
    bool operator>(const IpsecIpAddress& other) const;

    /**
     * \param other another address
     * \return !(other < *this)
     */
    bool operator<=(const IpsecIpAddress& other) const;

    /**
     * \param other another address
     * \return !(*this < other)
     */
    bool operator>=(const IpsecIpAddress& other) const;

  private:
    IpsecAddressFamily m_family;              //!< which family
    std::array<uint8_t, IPV6_SIZE> m_bytes{}; //!< network order; IPv4 uses the first 4, rest 0
};

/**
 * \param os output stream
 * \param address an address
 * \return os, after writing address.ToString()
 */
std::ostream& operator<<(std::ostream& os, const IpsecIpAddress& address);

} // namespace ns3

#endif /* IPSEC_IP_ADDRESS_H */
