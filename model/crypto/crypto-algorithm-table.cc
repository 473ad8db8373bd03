/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-algorithm-table.h"

#include <stdexcept>

namespace ns3
{

uint16_t
CryptoEncryptionAlgorithm::KeyMaterialBytes() const
{
    return keyBytes + saltBytes;
}

bool
CryptoEncryptionAlgorithm::IsAead() const
{
    return mode == CryptoCipherMode::GCM || mode == CryptoCipherMode::CHACHA20_POLY1305;
}

namespace
{

using Mode = CryptoCipherMode;
using Kind = CryptoKeyExchangeKind;

// IANA "Internet Key Exchange Version 2 (IKEv2) Parameters", Transform Type 1.
constexpr uint16_t ENCR_DES = 2;
constexpr uint16_t ENCR_3DES = 3;
constexpr uint16_t ENCR_NULL = 11;
constexpr uint16_t ENCR_AES_CBC = 12;
constexpr uint16_t ENCR_AES_CTR = 13;
constexpr uint16_t ENCR_AES_GCM_8 = 18;
constexpr uint16_t ENCR_AES_GCM_12 = 19;
constexpr uint16_t ENCR_AES_GCM_16 = 20;
constexpr uint16_t ENCR_CHACHA20_POLY1305 = 28;

const std::vector<CryptoEncryptionAlgorithm> ENCRYPTION = {
    // name, id, key-length attr, OpenSSL, mode, key, salt, iv, block, icv, legacy, Junos, RFC
    {"des-cbc", ENCR_DES, 0, "DES-CBC", Mode::CBC, 8, 0, 8, 8, 0, true, true, "RFC 2405"},
    {"3des-cbc", ENCR_3DES, 0, "DES-EDE3-CBC", Mode::CBC, 24, 0, 8, 8, 0, false, true, "RFC 2451"},
    {"aes-128-cbc",
     ENCR_AES_CBC,
     128,
     "AES-128-CBC",
     Mode::CBC,
     16,
     0,
     16,
     16,
     0,
     false,
     true,
     "RFC 3602"},
    {"aes-192-cbc",
     ENCR_AES_CBC,
     192,
     "AES-192-CBC",
     Mode::CBC,
     24,
     0,
     16,
     16,
     0,
     false,
     true,
     "RFC 3602"},
    {"aes-256-cbc",
     ENCR_AES_CBC,
     256,
     "AES-256-CBC",
     Mode::CBC,
     32,
     0,
     16,
     16,
     0,
     false,
     true,
     "RFC 3602"},
    {"aes-128-gcm",
     ENCR_AES_GCM_16,
     128,
     "AES-128-GCM",
     Mode::GCM,
     16,
     4,
     8,
     1,
     16,
     false,
     true,
     "RFC 4106"},
    {"aes-192-gcm",
     ENCR_AES_GCM_16,
     192,
     "AES-192-GCM",
     Mode::GCM,
     24,
     4,
     8,
     1,
     16,
     false,
     true,
     "RFC 4106"},
    {"aes-256-gcm",
     ENCR_AES_GCM_16,
     256,
     "AES-256-GCM",
     Mode::GCM,
     32,
     4,
     8,
     1,
     16,
     false,
     true,
     "RFC 4106"},
    {"aes-128-gcm-12",
     ENCR_AES_GCM_12,
     128,
     "AES-128-GCM",
     Mode::GCM,
     16,
     4,
     8,
     1,
     12,
     false,
     false,
     "RFC 4106"},
    {"aes-192-gcm-12",
     ENCR_AES_GCM_12,
     192,
     "AES-192-GCM",
     Mode::GCM,
     24,
     4,
     8,
     1,
     12,
     false,
     false,
     "RFC 4106"},
    {"aes-256-gcm-12",
     ENCR_AES_GCM_12,
     256,
     "AES-256-GCM",
     Mode::GCM,
     32,
     4,
     8,
     1,
     12,
     false,
     false,
     "RFC 4106"},
    {"aes-128-gcm-8",
     ENCR_AES_GCM_8,
     128,
     "AES-128-GCM",
     Mode::GCM,
     16,
     4,
     8,
     1,
     8,
     false,
     false,
     "RFC 4106"},
    {"aes-192-gcm-8",
     ENCR_AES_GCM_8,
     192,
     "AES-192-GCM",
     Mode::GCM,
     24,
     4,
     8,
     1,
     8,
     false,
     false,
     "RFC 4106"},
    {"aes-256-gcm-8",
     ENCR_AES_GCM_8,
     256,
     "AES-256-GCM",
     Mode::GCM,
     32,
     4,
     8,
     1,
     8,
     false,
     false,
     "RFC 4106"},
    {"aes-128-ctr",
     ENCR_AES_CTR,
     128,
     "AES-128-CTR",
     Mode::CTR,
     16,
     4,
     8,
     1,
     0,
     false,
     false,
     "RFC 3686"},
    {"aes-192-ctr",
     ENCR_AES_CTR,
     192,
     "AES-192-CTR",
     Mode::CTR,
     24,
     4,
     8,
     1,
     0,
     false,
     false,
     "RFC 3686"},
    {"aes-256-ctr",
     ENCR_AES_CTR,
     256,
     "AES-256-CTR",
     Mode::CTR,
     32,
     4,
     8,
     1,
     0,
     false,
     false,
     "RFC 3686"},
    {"chacha20-poly1305",
     ENCR_CHACHA20_POLY1305,
     0,
     "ChaCha20-Poly1305",
     Mode::CHACHA20_POLY1305,
     32,
     4,
     8,
     1,
     16,
     false,
     false,
     "RFC 7634"},
    {"null", ENCR_NULL, 0, nullptr, Mode::NULL_CIPHER, 0, 0, 0, 1, 0, false, true, "RFC 2410"},
};

const std::vector<CryptoIntegrityAlgorithm> INTEGRITY = {
    // name, IANA AUTH_* ID, digest, key bytes, ICV bytes, RFC
    {"hmac-md5-96", 1, "MD5", 16, 12, "RFC 2403"},
    {"hmac-sha1-96", 2, "SHA1", 20, 12, "RFC 2404"},
    {"hmac-sha-256-128", 12, "SHA2-256", 32, 16, "RFC 4868"},
    {"hmac-sha-384-192", 13, "SHA2-384", 48, 24, "RFC 4868"},
    {"hmac-sha-512-256", 14, "SHA2-512", 64, 32, "RFC 4868"},
};

const std::vector<CryptoPrfAlgorithm> PRF = {
    // name, IANA PRF_* ID, digest, output bytes, RFC
    {"hmac-md5", 1, "MD5", 16, "RFC 2104"},
    {"hmac-sha1", 2, "SHA1", 20, "RFC 2104"},
    {"hmac-sha-256", 5, "SHA2-256", 32, "RFC 4868"},
    {"hmac-sha-384", 6, "SHA2-384", 48, "RFC 4868"},
    {"hmac-sha-512", 7, "SHA2-512", 64, "RFC 4868"},
};

// MODP exponent lengths: twice the group's security strength, rounded up as strongSwan does
// (RFC 3526 section 8); RFC 5114 groups draw below their subgroup order q.
const std::vector<CryptoDhGroup> DH_GROUPS = {
    // name, IANA number, kind, OpenSSL group, public bytes, secret bytes, exponent bits,
    // Junos, RFC
    {"group1", 1, Kind::MODP, "modp_768", 96, 96, 256, true, "RFC 2409 6.1"},
    {"group2", 2, Kind::MODP, "modp_1024", 128, 128, 256, true, "RFC 2409 6.2"},
    {"group5", 5, Kind::MODP, "modp_1536", 192, 192, 256, true, "RFC 3526 2"},
    {"group14", 14, Kind::MODP, "modp_2048", 256, 256, 384, true, "RFC 3526 3"},
    {"group15", 15, Kind::MODP, "modp_3072", 384, 384, 384, true, "RFC 3526 4"},
    {"group16", 16, Kind::MODP, "modp_4096", 512, 512, 512, true, "RFC 3526 5"},
    {"group17", 17, Kind::MODP, "modp_6144", 768, 768, 512, false, "RFC 3526 6"},
    {"group18", 18, Kind::MODP, "modp_8192", 1024, 1024, 512, false, "RFC 3526 7"},
    {"group19", 19, Kind::ECP, "P-256", 64, 32, 0, true, "RFC 5903"},
    {"group20", 20, Kind::ECP, "P-384", 96, 48, 0, true, "RFC 5903"},
    {"group21", 21, Kind::ECP, "P-521", 132, 66, 0, true, "RFC 5903"},
    {"group22", 22, Kind::MODP, "dh_1024_160", 128, 128, 160, false, "RFC 5114 2.1"},
    {"group23", 23, Kind::MODP, "dh_2048_224", 256, 256, 224, false, "RFC 5114 2.2"},
    {"group24", 24, Kind::MODP, "dh_2048_256", 256, 256, 256, true, "RFC 5114 2.3"},
    {"group25", 25, Kind::ECP, "P-192", 48, 24, 0, false, "RFC 5114 2.4"},
    {"group26", 26, Kind::ECP, "P-224", 56, 28, 0, false, "RFC 5114 2.5"},
    {"group31", 31, Kind::X25519, "X25519", 32, 32, 0, false, "RFC 8031"},
};

template <typename Entry>
const Entry*
FindByName(const std::vector<Entry>& table, const std::string& name)
{
    for (const auto& entry : table)
    {
        if (name == entry.name)
        {
            return &entry;
        }
    }
    return nullptr;
}

template <typename Entry>
const Entry*
FindById(const std::vector<Entry>& table, uint16_t transformId)
{
    for (const auto& entry : table)
    {
        if (entry.transformId == transformId)
        {
            return &entry;
        }
    }
    return nullptr;
}

template <typename Entry>
const Entry&
GetByName(const std::vector<Entry>& table,
          const std::string& name,
          const std::string& where,
          const char* what)
{
    if (const Entry* entry = FindByName(table, name))
    {
        return *entry;
    }
    std::string allowed;
    for (const auto& entry : table)
    {
        allowed += allowed.empty() ? "" : ", ";
        allowed += entry.name;
    }
    throw std::invalid_argument("unknown " + std::string(what) + " '" + name + "' in " + where +
                                "; allowed: " + allowed);
}

} // namespace

const std::vector<CryptoEncryptionAlgorithm>&
CryptoAlgorithmTable::EncryptionAlgorithms()
{
    return ENCRYPTION;
}

const std::vector<CryptoIntegrityAlgorithm>&
CryptoAlgorithmTable::IntegrityAlgorithms()
{
    return INTEGRITY;
}

const std::vector<CryptoPrfAlgorithm>&
CryptoAlgorithmTable::PrfAlgorithms()
{
    return PRF;
}

const std::vector<CryptoDhGroup>&
CryptoAlgorithmTable::DhGroups()
{
    return DH_GROUPS;
}

const CryptoEncryptionAlgorithm*
CryptoAlgorithmTable::FindEncryption(const std::string& name)
{
    return FindByName(ENCRYPTION, name);
}

const CryptoEncryptionAlgorithm*
CryptoAlgorithmTable::FindEncryption(uint16_t transformId, uint16_t keyLengthBits)
{
    for (const auto& entry : ENCRYPTION)
    {
        if (entry.transformId == transformId && entry.keyLengthBits == keyLengthBits)
        {
            return &entry;
        }
    }
    return nullptr;
}

const CryptoIntegrityAlgorithm*
CryptoAlgorithmTable::FindIntegrity(const std::string& name)
{
    return FindByName(INTEGRITY, name);
}

const CryptoIntegrityAlgorithm*
CryptoAlgorithmTable::FindIntegrity(uint16_t transformId)
{
    return FindById(INTEGRITY, transformId);
}

const CryptoPrfAlgorithm*
CryptoAlgorithmTable::FindPrf(const std::string& name)
{
    return FindByName(PRF, name);
}

const CryptoPrfAlgorithm*
CryptoAlgorithmTable::FindPrf(uint16_t transformId)
{
    return FindById(PRF, transformId);
}

const CryptoDhGroup*
CryptoAlgorithmTable::FindDhGroup(const std::string& name)
{
    return FindByName(DH_GROUPS, name);
}

const CryptoDhGroup*
CryptoAlgorithmTable::FindDhGroup(uint16_t transformId)
{
    return FindById(DH_GROUPS, transformId);
}

const CryptoEncryptionAlgorithm&
CryptoAlgorithmTable::GetEncryption(const std::string& name, const std::string& where)
{
    return GetByName(ENCRYPTION, name, where, "encryption algorithm");
}

const CryptoIntegrityAlgorithm&
CryptoAlgorithmTable::GetIntegrity(const std::string& name, const std::string& where)
{
    return GetByName(INTEGRITY, name, where, "integrity algorithm");
}

const CryptoPrfAlgorithm&
CryptoAlgorithmTable::GetPrf(const std::string& name, const std::string& where)
{
    return GetByName(PRF, name, where, "PRF");
}

const CryptoDhGroup&
CryptoAlgorithmTable::GetDhGroup(const std::string& name, const std::string& where)
{
    return GetByName(DH_GROUPS, name, where, "Diffie-Hellman group");
}

} // namespace ns3
