/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_KEY_EXPORT_H
#define IKEV2_KEY_EXPORT_H

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-bytes.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The keys of one IKE SA as Wireshark needs them to decrypt its SK payloads.
 */
struct Ikev2SaKeys
{
    uint64_t initiatorSpi{0};                             //!< SPIi
    uint64_t responderSpi{0};                             //!< SPIr
    const CryptoEncryptionAlgorithm* encryption{nullptr}; //!< negotiated ENCR
    const CryptoIntegrityAlgorithm* integrity{nullptr};   //!< negotiated INTEG (null for AEAD)
    CryptoBytes skEi;                                     //!< SK_ei (key, then salt for AEAD)
    CryptoBytes skEr;                                     //!< SK_er
    CryptoBytes skAi;                                     //!< SK_ai (empty for AEAD)
    CryptoBytes skAr;                                     //!< SK_ar
};

/**
 * \ingroup ipsec
 * \brief Writes Wireshark 4.0's `ikev2_decryption_table` (user access table): one line per IKE
 * SA, `spii,spir,sk_ei,sk_er,"<encryption>",sk_ai,sk_ar,"<integrity>"`, hex unquoted.
 */
class Ikev2KeyExport
{
  public:
    /**
     * \param keys an IKE SA's keys
     * \param line receives the UAT line
     * \return false if Wireshark 4.0 cannot decrypt the SA's algorithms (DES,
     *         ChaCha20-Poly1305); line then holds a comment saying why
     */
    static bool DecryptionTableLine(const Ikev2SaKeys& keys, std::string* line);

    /**
     * \param sas the IKE SAs
     * \param path file to write
     * \return number of usable lines written
     * \throws std::runtime_error naming the path if it cannot be written
     */
    static uint32_t WriteDecryptionTable(const std::vector<Ikev2SaKeys>& sas,
                                         const std::string& path);
};

} // namespace ns3

#endif /* IKEV2_KEY_EXPORT_H */
