/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_IPSEC_CONFIG_H
#define IKEV2_IPSEC_CONFIG_H

#include "ns3/crypto-algorithm-table.h"
#include "ns3/ipsec-sa.h"
#include "ns3/ipsec-traffic-selector.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/// The IPsec protocol of an IPsec proposal.
enum class Ikev2IpsecProtocol
{
    ESP, //!< `protocol esp` (the Junos default)
    AH,  //!< `protocol ah`
};

/**
 * \ingroup ipsec
 * \brief Junos `security ipsec proposal <name>`.
 */
struct Ikev2IpsecProposalConfig
{
    static constexpr uint32_t DEFAULT_LIFETIME_SECONDS = 3600;     //!< Junos default
    static constexpr uint32_t MIN_LIFETIME_SECONDS = 180;          //!< Junos range
    static constexpr uint32_t MAX_LIFETIME_SECONDS = 86400;        //!< Junos range
    static constexpr uint64_t MIN_LIFETIME_KILOBYTES = 64;         //!< Junos range
    static constexpr uint64_t MAX_LIFETIME_KILOBYTES = 4294967294; //!< Junos range

    std::string name;                    //!< proposal name
    std::string protocol{"esp"};         //!< esp or ah
    std::string authenticationAlgorithm; //!< hmac-sha-256-128 and the like; none with GCM
    std::string encryptionAlgorithm;     //!< ESP only
    uint32_t lifetimeSeconds{DEFAULT_LIFETIME_SECONDS}; //!< Child SA lifetime
    std::optional<uint64_t> lifetimeKilobytes;          //!< optional volume lifetime

    /// \throws std::invalid_argument on the first bad field
    void Validate() const;

    /// \return the protocol \throws std::invalid_argument
    Ikev2IpsecProtocol GetProtocol() const;
    /// \return the encryption transform, nullptr for AH \throws std::invalid_argument
    const CryptoEncryptionAlgorithm* GetEncryption() const;
    /// \return the integrity transform, nullptr with AEAD \throws std::invalid_argument
    const CryptoIntegrityAlgorithm* GetIntegrity() const;
};

/**
 * \ingroup ipsec
 * \brief Junos `security ipsec policy <name>`.
 */
struct Ikev2IpsecPolicyConfig
{
    std::string name;                      //!< policy name
    std::vector<std::string> proposals;    //!< IPsec proposal names, most preferred first
    std::string perfectForwardSecrecyKeys; //!< `perfect-forward-secrecy keys groupN`; empty: no PFS

    /// \throws std::invalid_argument on the first bad field
    void Validate() const;

    /// \return the PFS group, nullptr without PFS \throws std::invalid_argument
    const CryptoDhGroup* GetPfsGroup() const;
};

/**
 * \ingroup ipsec
 * \brief One Junos `traffic-selector <name> local-ip <prefix> remote-ip <prefix>`.
 */
struct Ikev2TrafficSelectorConfig
{
    std::string name{"ts1"};           //!< selector name
    std::string localIp{"0.0.0.0/0"};  //!< local prefix
    std::string remoteIp{"0.0.0.0/0"}; //!< remote prefix
};

/// Junos `establish-tunnels`.
enum class Ikev2EstablishTunnels
{
    IMMEDIATELY,    //!< negotiate at start
    ON_TRAFFIC,     //!< negotiate when traffic needs the tunnel (the Junos default)
    RESPONDER_ONLY, //!< never initiate
};

/**
 * \ingroup ipsec
 * \brief Junos `security ipsec vpn <name>` with an `ike` stanza.
 */
struct Ikev2VpnConfig
{
    std::string name;                                         //!< VPN name
    std::string ikeGateway;                                   //!< `ike gateway`
    std::string ipsecPolicy;                                  //!< `ike ipsec-policy`
    std::vector<Ikev2TrafficSelectorConfig> trafficSelectors; //!< empty: 0.0.0.0/0 <-> 0.0.0.0/0
    std::string establishTunnels{"on-traffic"}; //!< immediately, on-traffic, responder-only
    std::string dfBit{"clear"};                 //!< clear, set, copy
    std::string bindInterface;                  //!< st0.N for route-based; empty: none

    /// \throws std::invalid_argument on the first bad field
    void Validate() const;

    /// \return the establish-tunnels mode \throws std::invalid_argument
    Ikev2EstablishTunnels GetEstablishTunnels() const;
    /// \return the df-bit mode \throws std::invalid_argument
    IpsecDfBitMode GetDfBit() const;

    /**
     * \return (local, remote) selector pairs, the Junos default pair when none is configured
     * \throws std::invalid_argument for a bad prefix or a pair of mixed families
     */
    std::vector<std::pair<IpsecTrafficSelector, IpsecTrafficSelector>> GetSelectorPairs() const;
};

} // namespace ns3

#endif /* IKEV2_IPSEC_CONFIG_H */
