/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CONFIG_H
#define IKEV2_CONFIG_H

#include "ikev2-identity.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-bytes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Junos `security ike proposal <name>`.
 *
 * Keywords are kept as the Junos text; Validate() checks them and the Get*() accessors return
 * the crypto layer's table entries. The PRF is the HMAC of the authentication-algorithm's hash
 * (what Junos derives when `prf-algorithm` is not configured), or `prf-algorithm` when set;
 * with AES-GCM it is implied by the key size (see GetPrf()). authentication-method, dh-group
 * and encryption-algorithm have no default: Validate() reports them missing.
 */
struct Ikev2IkeProposalConfig
{
    static constexpr uint32_t DEFAULT_LIFETIME_SECONDS = 28800; //!< Junos default
    static constexpr uint32_t MIN_LIFETIME_SECONDS = 180;       //!< Junos range
    static constexpr uint32_t MAX_LIFETIME_SECONDS = 86400;     //!< Junos range

    std::string name;                    //!< proposal name
    std::string authenticationMethod;    //!< pre-shared-keys, rsa-signatures, ecdsa-signatures-*
    std::string dhGroup;                 //!< group1, group2, group5, group14, ..., group24
    std::string authenticationAlgorithm; //!< md5, sha1, sha-256, sha-384, sha-512; none with GCM
    std::string encryptionAlgorithm;     //!< 3des-cbc, des-cbc, aes-*-cbc, aes-128-gcm, aes-256-gcm
    std::string prfAlgorithm; //!< optional: prf-hmac-sha1, -sha256, -sha384, -sha512; none with GCM
    uint32_t lifetimeSeconds{DEFAULT_LIFETIME_SECONDS}; //!< IKE SA lifetime

    /// \throws std::invalid_argument on the first bad field (names proposal, field, value)
    void Validate() const;

    /// \return the encryption transform \throws std::invalid_argument if not allowed
    const CryptoEncryptionAlgorithm& GetEncryption() const;
    /// \return the integrity transform, nullptr with AES-GCM \throws std::invalid_argument
    const CryptoIntegrityAlgorithm* GetIntegrity() const;
    /**
     * \return the PRF: prf-algorithm if set; for AES-GCM the SHA-2 HMAC Junos associates with
     *         the key size (aes-256-gcm: PRF_HMAC_SHA2_384, which Juniper's `prf-algorithm`
     *         reference states; aes-128-gcm: PRF_HMAC_SHA2_256, our choice where that page is
     *         silent); otherwise the HMAC of the authentication-algorithm's hash
     * \throws std::invalid_argument
     */
    const CryptoPrfAlgorithm& GetPrf() const;
    /// \return the Diffie-Hellman group \throws std::invalid_argument if not allowed
    const CryptoDhGroup& GetDhGroup() const;
    /// \return true for pre-shared-keys
    bool UsesPreSharedKey() const;
};

/**
 * \ingroup ipsec
 * \brief Junos `security ike policy <name>`: proposals in preference order and the
 * pre-shared key (`pre-shared-key ascii-text` or `hexadecimal`, at most one of them).
 */
struct Ikev2IkePolicyConfig
{
    std::string name;                    //!< policy name
    std::vector<std::string> proposals;  //!< IKE proposal names, most preferred first
    std::string preSharedKeyAsciiText;   //!< `pre-shared-key ascii-text`
    std::string preSharedKeyHexadecimal; //!< `pre-shared-key hexadecimal` (hex digits)

    /// \throws std::invalid_argument on the first bad field
    void Validate() const;

    /// \return true if either key form is set
    bool HasPreSharedKey() const;

    /// \return the key's bytes (empty if none) \throws std::invalid_argument for bad hex
    CryptoBytes GetPreSharedKey() const;
};

/**
 * \ingroup ipsec
 * \brief Junos `security ike gateway <name>` (IKEv2 only).
 */
struct Ikev2GatewayConfig
{
    std::string name;                     //!< gateway name
    std::string address;                  //!< the peer's address
    std::string externalInterfaceAddress; //!< our address on the external interface
    std::string localIdentity;            //!< Junos identity form; empty: the local address
    std::string remoteIdentity;           //!< Junos identity form; empty: the peer's address
    std::string version{"v2-only"};       //!< only v2-only is modelled here
    std::string ikePolicy;                //!< IKE policy name
    bool noNatTraversal{false};           //!< `no-nat-traversal`

    /// \throws std::invalid_argument on the first bad field
    void Validate() const;

    /// \return the peer's address \throws std::invalid_argument
    IpsecIpAddress GetAddress() const;
    /// \return our external address \throws std::invalid_argument
    IpsecIpAddress GetExternalInterfaceAddress() const;
    /**
     * \return the identity we send (default, as on Junos: our external address)
     * \throws std::invalid_argument
     */
    Ikev2Identity GetLocalIdentity() const;
    /**
     * \return the identity the peer must present (default, as on Junos: the peer's address)
     * \throws std::invalid_argument
     */
    Ikev2Identity GetRemoteIdentity() const;
};

} // namespace ns3

#endif /* IKEV2_CONFIG_H */
