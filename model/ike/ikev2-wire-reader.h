/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_WIRE_READER_H
#define IKEV2_WIRE_READER_H

#include "ns3/crypto-bytes.h"

#include <cstddef>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief A bounds-checked cursor over received IKE bytes, in network byte order.
 *
 * Every read checks the remaining length first and returns false, leaving the cursor where it
 * was, when the bytes are not there: this is the only way the codec touches wire data, so no
 * parser can read past its buffer. A reader does not own its bytes.
 */
class Ikev2WireReader
{
  public:
    /**
     * \param bytes the bytes to read (not copied; must outlive the reader)
     * \param baseOffset offset of bytes[0] in the whole input, for error reports
     */
    explicit Ikev2WireReader(CryptoByteView bytes, size_t baseOffset = 0);

    /// \return bytes not yet read
    size_t GetRemaining() const;

    /// \return offset of the next byte in the whole input
    size_t GetOffset() const;

    /// \return true when every byte has been read
    bool IsEmpty() const;

    /// \param value receives one byte \return false if none is left
    [[nodiscard]] bool ReadU8(uint8_t* value);

    /// \param value receives a 16-bit value \return false if fewer than 2 bytes are left
    [[nodiscard]] bool ReadU16(uint16_t* value);

    /// \param value receives a 32-bit value \return false if fewer than 4 bytes are left
    [[nodiscard]] bool ReadU32(uint32_t* value);

    /// \param value receives a 64-bit value \return false if fewer than 8 bytes are left
    [[nodiscard]] bool ReadU64(uint64_t* value);

    /**
     * \param size number of bytes
     * \param bytes receives a copy of them
     * \return false if fewer than size bytes are left
     */
    [[nodiscard]] bool ReadBytes(size_t size, CryptoBytes* bytes);

    /// \return a copy of every byte left; the reader is then empty
    CryptoBytes ReadRemaining();

    /// \param size bytes to pass over \return false if fewer than size bytes are left
    [[nodiscard]] bool Skip(size_t size);

    /**
     * \brief Takes the next size bytes as a reader of their own, for a length-delimited
     * structure: its parser then cannot overrun into what follows.
     * \param size number of bytes
     * \param part receives the reader over them
     * \return false if fewer than size bytes are left
     */
    [[nodiscard]] bool Split(size_t size, Ikev2WireReader* part);

  private:
    const uint8_t* m_data; //!< first byte
    size_t m_size;         //!< number of bytes
    size_t m_position;     //!< next byte to read
    size_t m_baseOffset;   //!< offset of m_data[0] in the whole input
};

} // namespace ns3

#endif /* IKEV2_WIRE_READER_H */
