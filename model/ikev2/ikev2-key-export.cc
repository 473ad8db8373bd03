/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-key-export.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/// Wireshark 4.0's IKEv2 name of an encryption transform; empty if it decrypts no such SK.
std::string
WiresharkEncryption(const CryptoEncryptionAlgorithm& encryption)
{
    const std::string bits = std::to_string(8 * encryption.keyBytes);
    switch (encryption.mode)
    {
    case CryptoCipherMode::NULL_CIPHER:
        return "NULL [RFC2410]";
    case CryptoCipherMode::CBC:
        if (encryption.blockBytes == 8)
        {
            return encryption.keyBytes == 24 ? "3DES [RFC2451]" : "";
        }
        return "AES-CBC-" + bits + " [RFC3602]";
    case CryptoCipherMode::CTR:
        return "AES-CTR-" + bits + " [RFC5930]";
    case CryptoCipherMode::GCM:
        return "AES-GCM-" + bits + " with " + std::to_string(encryption.icvBytes) +
               " octet ICV [RFC5282]";
    case CryptoCipherMode::CHACHA20_POLY1305:
        return "";
    }
    return "";
}

/// Wireshark 4.0's IKEv2 name of an integrity transform.
std::string
WiresharkIntegrity(const CryptoIntegrityAlgorithm* integrity)
{
    if (!integrity)
    {
        return "NONE [RFC4306]";
    }
    const std::string name = integrity->name;
    if (name == "hmac-md5-96")
    {
        return "HMAC_MD5_96 [RFC2403]";
    }
    if (name == "hmac-sha1-96")
    {
        return "HMAC_SHA1_96 [RFC2404]";
    }
    if (name == "hmac-sha-256-128")
    {
        return "HMAC_SHA2_256_128 [RFC4868]";
    }
    if (name == "hmac-sha-384-192")
    {
        return "HMAC_SHA2_384_192 [RFC4868]";
    }
    if (name == "hmac-sha-512-256")
    {
        return "HMAC_SHA2_512_256 [RFC4868]";
    }
    return "";
}

/// \return the SPI as 16 hex digits
std::string
SpiHex(uint64_t spi)
{
    char text[17];
    std::snprintf(text, sizeof(text), "%016llx", static_cast<unsigned long long>(spi));
    return text;
}

} // namespace

bool
Ikev2KeyExport::DecryptionTableLine(const Ikev2SaKeys& keys, std::string* line)
{
    const std::string encryption = keys.encryption ? WiresharkEncryption(*keys.encryption) : "";
    const std::string integrity = WiresharkIntegrity(keys.integrity);
    if (encryption.empty() || integrity.empty())
    {
        *line = "# IKE SA " + SpiHex(keys.initiatorSpi) + "/" + SpiHex(keys.responderSpi) + ": " +
                (keys.encryption ? keys.encryption->name : "no encryption") +
                " cannot be decrypted by Wireshark 4.0";
        return false;
    }
    *line = SpiHex(keys.initiatorSpi) + "," + SpiHex(keys.responderSpi) + "," +
            CryptoToHex(keys.skEi) + "," + CryptoToHex(keys.skEr) + ",\"" + encryption + "\"," +
            CryptoToHex(keys.skAi) + "," + CryptoToHex(keys.skAr) + ",\"" + integrity + "\"";
    return true;
}

uint32_t
Ikev2KeyExport::WriteDecryptionTable(const std::vector<Ikev2SaKeys>& sas, const std::string& path)
{
    std::ofstream out(path);
    if (!out)
    {
        throw std::runtime_error("cannot write the IKEv2 decryption table '" + path + "'");
    }
    out << "# Wireshark IKEv2 decryption table (ikev2_decryption_table), written by the ns-3 "
           "ipsec module\n";
    uint32_t usable = 0;
    for (const auto& sa : sas)
    {
        std::string line;
        usable += DecryptionTableLine(sa, &line) ? 1 : 0;
        out << line << "\n";
    }
    if (!out)
    {
        throw std::runtime_error("cannot write the IKEv2 decryption table '" + path + "'");
    }
    return usable;
}

} // namespace ns3
