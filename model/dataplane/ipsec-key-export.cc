/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-key-export.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/// Wireshark 4.0's name of an encryption transform; empty if it has none.
std::string
WiresharkEncryption(const CryptoEncryptionAlgorithm& encryption)
{
    switch (encryption.mode)
    {
    case CryptoCipherMode::NULL_CIPHER:
        return "NULL";
    case CryptoCipherMode::CBC:
        if (encryption.keyBytes == 8)
        {
            return "DES-CBC [RFC2405]";
        }
        return encryption.blockBytes == 8 ? "TripleDES-CBC [RFC2451]" : "AES-CBC [RFC3602]";
    case CryptoCipherMode::CTR:
        return "AES-CTR [RFC3686]";
    case CryptoCipherMode::GCM:
        return "AES-GCM with " + std::to_string(encryption.icvBytes) + " octet ICV [RFC4106]";
    case CryptoCipherMode::CHACHA20_POLY1305:
        return "";
    }
    return "";
}

/// Wireshark 4.0's name of an integrity transform.
std::string
WiresharkAuthentication(const CryptoIntegrityAlgorithm* integrity)
{
    if (!integrity)
    {
        return "NULL";
    }
    const std::string name = integrity->name;
    if (name == "hmac-md5-96")
    {
        return "HMAC-MD5-96 [RFC2403]";
    }
    if (name == "hmac-sha1-96")
    {
        return "HMAC-SHA-1-96 [RFC2404]";
    }
    if (name == "hmac-sha-256-128")
    {
        return "HMAC-SHA-256-128 [RFC4868]";
    }
    if (name == "hmac-sha-384-192")
    {
        return "HMAC-SHA-384-192 [RFC4868]";
    }
    if (name == "hmac-sha-512-256")
    {
        return "HMAC-SHA-512-256 [RFC4868]";
    }
    return "";
}

std::string
Quoted(const std::string& text)
{
    return "\"" + text + "\"";
}

} // namespace

bool
IpsecKeyExport::EspSaLine(const IpsecSa& sa, std::string* line)
{
    const IpsecSa::Config& config = sa.GetConfig();
    if (config.protocol != IpsecProtocol::ESP)
    {
        *line = "# " + config.name + ": AH SA, Wireshark checks no AH ICVs";
        return false;
    }
    const std::string encryption = WiresharkEncryption(*config.encryption);
    const std::string authentication = WiresharkAuthentication(config.integrity);
    if (encryption.empty() || authentication.empty())
    {
        *line = "# " + config.name + ": Wireshark 4.0 cannot decrypt " + config.encryption->name;
        return false;
    }
    if (config.extendedSequenceNumbers)
    {
        *line = "# " + config.name + ": Wireshark 4.0 cannot check ICVs of SAs with ESN";
        return false;
    }
    char spi[16];
    std::snprintf(spi, sizeof(spi), "0x%08x", config.spi);
    const auto hexKey = [](const CryptoBytes& key) {
        return key.empty() ? std::string() : "0x" + CryptoToHex(key);
    };
    *line = Quoted(config.destination.IsIpv4() ? "IPv4" : "IPv6") + "," +
            Quoted(config.source.ToString()) + "," + Quoted(config.destination.ToString()) + "," +
            Quoted(spi) + "," + Quoted(encryption) + "," + Quoted(hexKey(config.encryptionKey)) +
            "," + Quoted(authentication) + "," + Quoted(hexKey(config.integrityKey));
    return true;
}

uint32_t
IpsecKeyExport::WriteEspSaTable(const std::vector<Ptr<IpsecSa>>& sas, const std::string& path)
{
    std::ofstream out(path);
    if (!out)
    {
        throw std::runtime_error("cannot write the Wireshark key table " + path);
    }
    out << "# Wireshark ESP SA table (esp_sa), written by the ns-3 ipsec module\n";
    uint32_t written = 0;
    for (const auto& sa : sas)
    {
        if (sa->GetConfig().protocol != IpsecProtocol::ESP)
        {
            continue;
        }
        std::string line;
        written += EspSaLine(*sa, &line) ? 1 : 0;
        out << line << "\n";
    }
    if (!out)
    {
        throw std::runtime_error("cannot write the Wireshark key table " + path);
    }
    return written;
}

} // namespace ns3
