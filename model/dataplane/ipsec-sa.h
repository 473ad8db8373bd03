/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SA_H
#define IPSEC_SA_H

#include "ipsec-drop-reason.h"
#include "ipsec-ip-address.h"
#include "ipsec-policy.h"
#include "ipsec-replay-window.h"
#include "ipsec-traffic-selector.h"

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-cipher.h"
#include "ns3/crypto-integrity.h"
#include "ns3/nstime.h"
#include "ns3/simple-ref-count.h"

#include <array>
#include <string>

namespace ns3
{

/// What the outer IPv4 header's DF bit becomes in tunnel mode (Junos `df-bit`).
enum class IpsecDfBitMode
{
    CLEAR, //!< always clear (the Junos default): the tunnel packet may be fragmented
    SET,   //!< always set
    COPY,  //!< copied from the inner IPv4 header (clear for inner IPv6)
};

/**
 * \param mode a DF-bit mode
 * \return "clear", "set" or "copy"
 */
const char* IpsecDfBitModeName(IpsecDfBitMode mode);

/**
 * \ingroup ipsec
 * \brief Soft and hard SA lifetimes (RFC 4301 section 4.4.2.1) in time, bytes and packets;
 * zero means no limit. Soft expiry asks for a rekey; hard expiry ends the SA.
 */
struct IpsecLifetime
{
    Time softTime{Seconds(0)}; //!< soft lifetime in time
    Time hardTime{Seconds(0)}; //!< hard lifetime in time (Junos lifetime-seconds)
    uint64_t softBytes{0};     //!< soft lifetime in bytes of protected payload
    uint64_t hardBytes{0};     //!< hard lifetime in bytes (Junos lifetime-kilobytes x 1024)
    uint64_t softPackets{0};   //!< soft lifetime in packets
    uint64_t hardPackets{0};   //!< hard lifetime in packets
};

/// Lifetime state of an SA.
enum class IpsecSaState
{
    ACTIVE,       //!< usable
    SOFT_EXPIRED, //!< still usable; a rekey is due
    EXPIRED,      //!< hard lifetime reached or deleted; no longer usable
};

/**
 * \param state an SA state
 * \return its name
 */
const char* IpsecSaStateName(IpsecSaState state);

/**
 * \ingroup ipsec
 * \brief Per-SA counters, in the spirit of Junos `show security ipsec statistics`.
 */
struct IpsecSaCounters
{
    uint64_t packets{0}; //!< packets protected (outbound) or accepted (inbound)
    uint64_t bytes{0};   //!< payload bytes protected or accepted
    std::array<uint64_t, IPSEC_DROP_REASON_COUNT> drops{}; //!< drops by reason
};

/**
 * \ingroup ipsec
 * \brief One Security Association (RFC 4301 section 4.4.2): a single direction of ESP or AH
 * with its keys, sequence numbers, anti-replay window, lifetimes and selectors.
 *
 * Keys are checked and keyed once, when the SA is built; per-packet work then only runs the
 * transforms. An SA never owns timers: the SAD schedules time-based expiry.
 */
class IpsecSa : public SimpleRefCount<IpsecSa>
{
  public:
    /// Everything that defines an SA; the manual-SA helper and IKE fill it in.
    struct Config
    {
        std::string name; //!< for logs and key tables, e.g. "vpn1 out"
        uint32_t spi{0};  //!< Security Parameter Index (> 255, RFC 4303 2.1)
        IpsecProtocol protocol{IpsecProtocol::ESP};         //!< ESP or AH (not BUNDLE)
        IpsecDirection direction{IpsecDirection::OUTBOUND}; //!< direction
        IpsecMode mode{IpsecMode::TUNNEL};                  //!< tunnel or transport
        IpsecIpAddress source;      //!< outer source (tunnel) or the sending host
        IpsecIpAddress destination; //!< outer destination: part of the SAD key
        const CryptoEncryptionAlgorithm* encryption{nullptr}; //!< ESP only; null for AH
        CryptoBytes encryptionKey;                            //!< key material, key | salt
        const CryptoIntegrityAlgorithm* integrity{nullptr};   //!< none with AEAD
        CryptoBytes integrityKey;                             //!< integrity key
        bool extendedSequenceNumbers{false};                  //!< ESN (RFC 4303 Appendix A)
        uint32_t replayWindowSize{64};               //!< inbound window; 0 disables the check
        IpsecDfBitMode dfBit{IpsecDfBitMode::CLEAR}; //!< outer DF bit (tunnel mode, IPv4)
        IpsecLifetime lifetime;                      //!< soft and hard limits
        IpsecTrafficSelector localSelector;          //!< local side of the protected traffic
        IpsecTrafficSelector remoteSelector;         //!< remote side of the protected traffic
        uint16_t encapsulationSourcePort{0};         //!< UDP-encapsulated ESP (RFC 3948): our port;
                                                     //!< 0: plain ESP
        uint16_t encapsulationDestinationPort{0};    //!< UDP-encapsulated ESP: the peer's port
    };

    /**
     * \param config the SA's definition
     * \throws std::invalid_argument naming the SA and the problem (SPI below 256, AH without
     *         integrity, ESP with neither encryption nor integrity, AEAD with a separate
     *         integrity transform, wrong key lengths, tunnel endpoints of mixed families)
     */
    explicit IpsecSa(const Config& config);

    /// \return a number unique to this SA within the process (for packet tags and logs)
    uint64_t GetId() const;
    /// \return the definition
    const Config& GetConfig() const;
    /// \return the SPI
    uint32_t GetSpi() const;
    /// \return the cipher (nullptr for AH)
    Ptr<CryptoCipher> GetCipher() const;
    /// \return the integrity transform (nullptr for AEAD and for null integrity)
    Ptr<CryptoIntegrity> GetIntegrity() const;
    /// \return bytes of ICV in each packet (AEAD tag or truncated HMAC)
    size_t GetIcvSize() const;

    /**
     * \brief Takes the next outbound sequence number (the first is 1).
     * \param sequence receives the full 64-bit number (ESN) or the 32-bit one
     * \return false if it would cycle: without ESN the counter MUST NOT wrap (RFC 4303 3.3.3)
     */
    bool NextSequenceNumber(uint64_t* sequence);

    /**
     * \brief Test and fault-injection hook only: makes the outbound counter go on after
     * sequence, as if that many packets had been sent, so that tests reach 2^32 - 1 or the ESN
     * boundary without billions of calls. Protocol code must not call it.
     * \param sequence the last sequence number to count as used (the next one is sequence + 1)
     */
    void SetLastSequenceNumberForTest(uint64_t sequence);

    /// \return the inbound anti-replay window
    IpsecReplayWindow& GetReplayWindow();

    /**
     * \brief Accounts one packet against the byte and packet lifetimes.
     * \param bytes payload bytes of the packet
     * \return the state after accounting (SOFT_EXPIRED or EXPIRED when a limit was crossed)
     */
    IpsecSaState AccountUse(uint64_t bytes);

    /// \return the lifetime state
    IpsecSaState GetState() const;
    /// \param state the new state (the SAD sets it on time-based expiry and on deletion)
    void SetState(IpsecSaState state);

    /// \return the counters
    IpsecSaCounters& GetCounters();
    /// \return the counters
    const IpsecSaCounters& GetCounters() const;

    /// \return when the SA was installed
    Time GetInstallTime() const;
    /// \param time when the SA was installed
    void SetInstallTime(Time time);

  private:
    uint64_t m_id;                              //!< unique number
    Config m_config;                            //!< the definition
    Ptr<CryptoCipher> m_cipher;                 //!< keyed cipher (ESP)
    Ptr<CryptoIntegrity> m_integrity;           //!< keyed integrity transform
    IpsecReplayWindow m_replayWindow;           //!< inbound anti-replay state
    uint64_t m_lastSequence{0};                 //!< last outbound sequence number used
    IpsecSaState m_state{IpsecSaState::ACTIVE}; //!< lifetime state
    IpsecSaCounters m_counters;                 //!< statistics
    Time m_installTime;                         //!< installation time
};

} // namespace ns3

#endif /* IPSEC_SA_H */
