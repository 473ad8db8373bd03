/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_WIRE_WRITER_H
#define IKEV2_WIRE_WRITER_H

#include "ns3/crypto-bytes.h"

#include <cstddef>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Appends IKE fields in network byte order to a growing byte string, and fills in
 * length fields once the structure they measure has been written.
 */
class Ikev2WireWriter
{
  public:
    /// \param value one byte to append
    void WriteU8(uint8_t value);

    /// \param value a 16-bit value to append
    void WriteU16(uint16_t value);

    /// \param value a 32-bit value to append
    void WriteU32(uint32_t value);

    /// \param value a 64-bit value to append
    void WriteU64(uint64_t value);

    /// \param bytes bytes to append
    void WriteBytes(CryptoByteView bytes);

    /// \param count number of zero bytes to append (RESERVED fields)
    void WriteZeros(size_t count);

    /// \return bytes written so far
    size_t GetSize() const;

    /**
     * \brief Overwrites a 16-bit field already written (a length).
     * \param offset where the field starts; offset + 2 must not exceed GetSize()
     * \param value the value
     */
    void PatchU16(size_t offset, uint16_t value);

    /**
     * \brief Overwrites a 32-bit field already written (the message length).
     * \param offset where the field starts; offset + 4 must not exceed GetSize()
     * \param value the value
     */
    void PatchU32(size_t offset, uint32_t value);

    /// \return the bytes written
    const CryptoBytes& GetBytes() const;

  private:
    CryptoBytes m_bytes; //!< what has been written
};

} // namespace ns3

#endif /* IKEV2_WIRE_WRITER_H */
