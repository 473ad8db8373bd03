/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_KEY_EXPORT_H
#define IPSEC_KEY_EXPORT_H

#include "ipsec-sa.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Writes SAs as Wireshark's ESP SA table (`esp_sa` UAT, the format Debian 12's
 * tshark 4.0 reads), so that pcaps of a run decrypt with good ICVs.
 */
class IpsecKeyExport
{
  public:
    /**
     * \param sa an ESP SA
     * \param line receives the UAT line: "IPv4","src","dst","0xSPI","encryption","0xkey",
     *        "authentication","0xkey"
     * \return false if Wireshark 4.0 has no name for the SA's algorithms (ChaCha20-Poly1305,
     *         ESN) or the SA is AH; line then holds a comment saying why
     */
    static bool EspSaLine(const IpsecSa& sa, std::string* line);

    /**
     * \param sas the SAs (AH SAs are skipped: Wireshark decrypts ESP only)
     * \param path file to write
     * \return number of usable lines written
     * \throws std::runtime_error naming the path if it cannot be written
     */
    static uint32_t WriteEspSaTable(const std::vector<Ptr<IpsecSa>>& sas, const std::string& path);
};

} // namespace ns3

#endif /* IPSEC_KEY_EXPORT_H */
