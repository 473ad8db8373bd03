/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_BYTES_H
#define CRYPTO_BYTES_H

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace ns3
{

/// Owned key material, nonces, public values and other byte strings of the crypto layer.
using CryptoBytes = std::vector<uint8_t>;

/**
 * \ingroup ipsec
 * \brief A read-only view of contiguous bytes (C++17 has no std::span).
 *
 * A view never owns its bytes: it is valid only while the bytes it points to are.
 */
class CryptoByteView
{
  public:
    /// An empty view.
    CryptoByteView() = default;

    /**
     * \param data first byte
     * \param size number of bytes
     */
    CryptoByteView(const uint8_t* data, size_t size);

    /// \param bytes the bytes to view (not copied)
    CryptoByteView(const CryptoBytes& bytes); // NOLINT: implicit by design

    /// \return the first byte
    const uint8_t* Data() const;

    /// \return the number of bytes
    size_t Size() const;

    /// \return true when the view holds no bytes
    bool IsEmpty() const;

    /// \return a copy of the viewed bytes
    CryptoBytes ToBytes() const;

  private:
    const uint8_t* m_data{nullptr}; //!< first byte
    size_t m_size{0};               //!< number of bytes
};

/**
 * \brief Lower-case hexadecimal text of bytes, two digits per byte, no separators.
 * \param bytes the bytes
 * \return the text
 */
std::string CryptoToHex(CryptoByteView bytes);

/**
 * \brief Bytes from hexadecimal text.
 * \param hex an even number of hex digits (either case), optionally prefixed by "0x"
 * \return the bytes
 * \throws std::invalid_argument naming the offending text if it is not hex
 */
CryptoBytes CryptoFromHex(const std::string& hex);

/**
 * \brief Compares two byte strings in time that depends only on their length.
 * \param a first
 * \param b second
 * \return true when both have the same length and content
 */
bool CryptoEqualConstantTime(CryptoByteView a, CryptoByteView b);

/**
 * \brief Concatenates byte strings, as key derivations do (e.g. Ni | Nr | SPIi | SPIr).
 * \param parts the byte strings in order
 * \return their concatenation
 */
CryptoBytes CryptoConcat(std::initializer_list<CryptoByteView> parts);

} // namespace ns3

#endif /* CRYPTO_BYTES_H */
