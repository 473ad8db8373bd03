/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_ALGORITHM_TABLE_H
#define CRYPTO_ALGORITHM_TABLE_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/// How an encryption transform uses its cipher.
enum class CryptoCipherMode
{
    NULL_CIPHER,       //!< no confidentiality (RFC 2410)
    CBC,               //!< block cipher in CBC mode, explicit IV per packet
    CTR,               //!< AES counter mode (RFC 3686): salt | IV | counter
    GCM,               //!< AES-GCM AEAD (RFC 4106): salt | IV nonce
    CHACHA20_POLY1305, //!< ChaCha20-Poly1305 AEAD (RFC 7634): salt | IV nonce
};

/**
 * \ingroup ipsec
 * \brief One encryption transform: Junos name, IANA transform ID and everything needed to run it.
 */
struct CryptoEncryptionAlgorithm
{
    const char* name;          //!< Junos name, e.g. "aes-128-gcm"
    uint16_t transformId;      //!< IKEv2 Transform Type 1 ID (ENCR_*), IANA
    uint16_t keyLengthBits;    //!< Key Length attribute (RFC 7296 section 3.3.5); 0: fixed key
    const char* opensslName;   //!< OpenSSL EVP cipher name; nullptr for null encryption
    CryptoCipherMode mode;     //!< how the cipher is used
    uint8_t keyBytes;          //!< cipher key length
    uint8_t saltBytes;         //!< keying material after the key (salt or nonce)
    uint8_t ivBytes;           //!< IV carried in each packet
    uint8_t blockBytes;        //!< cipher block length (1 for stream modes)
    uint8_t icvBytes;          //!< AEAD tag length kept in the packet; 0 unless AEAD
    bool needsLegacyProvider;  //!< DES lives in OpenSSL's legacy provider
    bool offeredByJunos;       //!< false for transforms beyond what Junos configures
    const char* specification; //!< the RFC that defines its use in IPsec

    /// \return key plus salt: what IKE's KEYMAT must supply (RFC 7296 section 2.17)
    uint16_t KeyMaterialBytes() const;
    /// \return true for combined-mode (AEAD) transforms, which need no integrity transform
    bool IsAead() const;
};

/**
 * \ingroup ipsec
 * \brief One integrity transform: HMAC with a hash, truncated to the ICV length.
 */
struct CryptoIntegrityAlgorithm
{
    const char* name;          //!< Junos name, e.g. "hmac-sha-256-128"
    uint16_t transformId;      //!< IKEv2 Transform Type 3 ID (AUTH_*), IANA
    const char* digestName;    //!< OpenSSL digest name
    uint8_t keyBytes;          //!< key length (the hash output length, RFC 2403/2404/4868)
    uint8_t icvBytes;          //!< truncated ICV length
    const char* specification; //!< defining RFC
};

/**
 * \ingroup ipsec
 * \brief One pseudo-random function for IKE (Transform Type 2).
 */
struct CryptoPrfAlgorithm
{
    const char* name;          //!< name, e.g. "hmac-sha-256"
    uint16_t transformId;      //!< IKEv2 Transform Type 2 ID (PRF_*), IANA
    const char* digestName;    //!< OpenSSL digest name
    uint8_t outputBytes;       //!< output length, also the preferred key length
    const char* specification; //!< defining RFC
};

/// The arithmetic a Diffie-Hellman group uses.
enum class CryptoKeyExchangeKind
{
    MODP,   //!< finite-field Diffie-Hellman (RFC 2409, 3526, 5114)
    ECP,    //!< elliptic curve over a prime field (RFC 5903, 5114)
    X25519, //!< Curve25519 (RFC 8031)
};

/**
 * \ingroup ipsec
 * \brief One Diffie-Hellman group (Transform Type 4).
 */
struct CryptoDhGroup
{
    const char* name;           //!< Junos name, e.g. "group14"
    uint16_t transformId;       //!< IANA group number
    CryptoKeyExchangeKind kind; //!< arithmetic
    const char* opensslName;    //!< OpenSSL named group or curve
    uint16_t publicValueBytes;  //!< KE payload data length (RFC 7296 3.4, RFC 5903 7, RFC 8031 2)
    uint16_t sharedSecretBytes; //!< g^ir length
    uint16_t privateValueBits;  //!< MODP: exponent length drawn; elliptic curves: 0 (scalar)
    bool offeredByJunos;        //!< false for groups beyond what Junos configures
    const char* specification;  //!< defining RFC
};

/**
 * \ingroup ipsec
 * \brief The one table of the crypto layer: Junos name <-> IANA transform ID <-> OpenSSL name and
 * sizes, for encryption, integrity, PRF and Diffie-Hellman.
 *
 * Find*() return nullptr when nothing matches (for values from the wire). Get*() are for
 * configuration: they throw std::invalid_argument with a message that names the bad value, where
 * it came from and the allowed values.
 */
class CryptoAlgorithmTable
{
  public:
    /// \return every encryption transform, in the order names are listed in messages
    static const std::vector<CryptoEncryptionAlgorithm>& EncryptionAlgorithms();
    /// \return every integrity transform
    static const std::vector<CryptoIntegrityAlgorithm>& IntegrityAlgorithms();
    /// \return every PRF
    static const std::vector<CryptoPrfAlgorithm>& PrfAlgorithms();
    /// \return every Diffie-Hellman group
    static const std::vector<CryptoDhGroup>& DhGroups();

    /// \param name Junos name \return the transform, or nullptr
    static const CryptoEncryptionAlgorithm* FindEncryption(const std::string& name);
    /**
     * \param transformId IANA ENCR_* ID
     * \param keyLengthBits Key Length attribute, 0 if absent
     * \return the transform, or nullptr
     */
    static const CryptoEncryptionAlgorithm* FindEncryption(uint16_t transformId,
                                                           uint16_t keyLengthBits);
    /// \param name Junos name \return the transform, or nullptr
    static const CryptoIntegrityAlgorithm* FindIntegrity(const std::string& name);
    /// \param transformId IANA AUTH_* ID \return the transform, or nullptr
    static const CryptoIntegrityAlgorithm* FindIntegrity(uint16_t transformId);
    /// \param name PRF name \return the PRF, or nullptr
    static const CryptoPrfAlgorithm* FindPrf(const std::string& name);
    /// \param transformId IANA PRF_* ID \return the PRF, or nullptr
    static const CryptoPrfAlgorithm* FindPrf(uint16_t transformId);
    /// \param name Junos name ("group14") \return the group, or nullptr
    static const CryptoDhGroup* FindDhGroup(const std::string& name);
    /// \param transformId IANA group number \return the group, or nullptr
    static const CryptoDhGroup* FindDhGroup(uint16_t transformId);

    /**
     * \param name Junos name
     * \param where where the name came from (option, file:line, attribute), for the message
     * \return the transform
     * \throws std::invalid_argument if unknown
     */
    static const CryptoEncryptionAlgorithm& GetEncryption(const std::string& name,
                                                          const std::string& where);
    /// \copydoc GetEncryption
    static const CryptoIntegrityAlgorithm& GetIntegrity(const std::string& name,
                                                        const std::string& where);
    /// \copydoc GetEncryption
    static const CryptoPrfAlgorithm& GetPrf(const std::string& name, const std::string& where);
    /// \copydoc GetEncryption
    static const CryptoDhGroup& GetDhGroup(const std::string& name, const std::string& where);
};

} // namespace ns3

#endif /* CRYPTO_ALGORITHM_TABLE_H */
