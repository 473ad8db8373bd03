/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-sa.h"

#include <limits>
#include <stdexcept>

namespace ns3
{

const char*
IpsecDfBitModeName(IpsecDfBitMode mode)
{
    switch (mode)
    {
    case IpsecDfBitMode::CLEAR:
        return "clear";
    case IpsecDfBitMode::SET:
        return "set";
    case IpsecDfBitMode::COPY:
        return "copy";
    }
    return "unknown";
}

const char*
IpsecSaStateName(IpsecSaState state)
{
    switch (state)
    {
    case IpsecSaState::ACTIVE:
        return "active";
    case IpsecSaState::SOFT_EXPIRED:
        return "soft-expired";
    case IpsecSaState::EXPIRED:
        return "expired";
    }
    return "unknown";
}

namespace
{

/// Rejects definitions no peer could use, naming the SA in the message.
const IpsecSa::Config&
Validated(const IpsecSa::Config& config)
{
    const std::string who = "SA '" + config.name + "' (SPI " + std::to_string(config.spi) + ")";
    // RFC 4303 section 2.1: SPI values 1-255 are reserved by IANA, 0 is for local use only.
    if (config.spi < 256)
    {
        throw std::invalid_argument(who + ": SPI must be 256 or more (RFC 4303 section 2.1)");
    }
    if (config.protocol == IpsecProtocol::BUNDLE)
    {
        throw std::invalid_argument(who + ": an SA is ESP or AH; a bundle is two SAs");
    }
    if (config.protocol == IpsecProtocol::AH)
    {
        if (!config.integrity)
        {
            throw std::invalid_argument(who + ": AH needs an authentication algorithm");
        }
        if (config.encryption)
        {
            throw std::invalid_argument(who + ": AH does not encrypt; remove the encryption "
                                              "algorithm or use ESP");
        }
    }
    else
    {
        if (!config.encryption)
        {
            throw std::invalid_argument(who + ": ESP needs an encryption algorithm (use 'null' "
                                              "for integrity only)");
        }
        if (config.encryption->IsAead() && config.integrity)
        {
            throw std::invalid_argument(who + ": " + config.encryption->name +
                                        " authenticates itself; configure no authentication "
                                        "algorithm with it (RFC 4106 section 9)");
        }
        // RFC 4303 section 3.2: ESP with neither confidentiality nor integrity is not allowed.
        if (config.encryption->mode == CryptoCipherMode::NULL_CIPHER && !config.integrity)
        {
            throw std::invalid_argument(who + ": null encryption needs an authentication "
                                              "algorithm (RFC 4303 section 3.2)");
        }
    }
    if ((config.encapsulationSourcePort != 0 || config.encapsulationDestinationPort != 0) &&
        (config.protocol != IpsecProtocol::ESP || config.encapsulationSourcePort == 0 ||
         config.encapsulationDestinationPort == 0))
    {
        // RFC 3948 section 2: only ESP travels in UDP (AH cannot cross a NAT).
        throw std::invalid_argument(who + ": UDP encapsulation needs ESP and both ports");
    }
    if (config.mode == IpsecMode::TUNNEL && config.source.IsIpv4() != config.destination.IsIpv4())
    {
        throw std::invalid_argument(who + ": tunnel endpoints " + config.source.ToString() +
                                    " and " + config.destination.ToString() +
                                    " are of different address families");
    }
    return config;
}

uint64_t
NextId()
{
    static uint64_t last = 0;
    return ++last;
}

} // namespace

IpsecSa::IpsecSa(const Config& config)
    : m_id(NextId()),
      m_config(Validated(config)),
      m_replayWindow(config.replayWindowSize, config.extendedSequenceNumbers)
{
    const std::string who = "SA '" + config.name + "'";
    try
    {
        if (config.encryption)
        {
            m_cipher = Create<CryptoCipher>(*config.encryption, config.encryptionKey);
        }
        if (config.integrity)
        {
            m_integrity = Create<CryptoIntegrity>(*config.integrity, config.integrityKey);
        }
    }
    catch (const std::invalid_argument& error)
    {
        throw std::invalid_argument(who + ": " + error.what());
    }
}

uint64_t
IpsecSa::GetId() const
{
    return m_id;
}

const IpsecSa::Config&
IpsecSa::GetConfig() const
{
    return m_config;
}

uint32_t
IpsecSa::GetSpi() const
{
    return m_config.spi;
}

Ptr<CryptoCipher>
IpsecSa::GetCipher() const
{
    return m_cipher;
}

Ptr<CryptoIntegrity>
IpsecSa::GetIntegrity() const
{
    return m_integrity;
}

size_t
IpsecSa::GetIcvSize() const
{
    if (m_integrity)
    {
        return m_integrity->GetIcvSize();
    }
    return m_config.encryption ? m_config.encryption->icvBytes : 0;
}

bool
IpsecSa::NextSequenceNumber(uint64_t* sequence)
{
    const uint64_t limit = m_config.extendedSequenceNumbers ? std::numeric_limits<uint64_t>::max()
                                                            : std::numeric_limits<uint32_t>::max();
    if (m_lastSequence >= limit)
    {
        return false;
    }
    *sequence = ++m_lastSequence;
    return true;
}

void
IpsecSa::SetLastSequenceNumberForTest(uint64_t sequence)
{
    m_lastSequence = sequence;
}

IpsecReplayWindow&
IpsecSa::GetReplayWindow()
{
    return m_replayWindow;
}

IpsecSaState
IpsecSa::AccountUse(uint64_t bytes)
{
    m_counters.packets++;
    m_counters.bytes += bytes;
    const IpsecLifetime& limit = m_config.lifetime;
    if ((limit.hardBytes && m_counters.bytes >= limit.hardBytes) ||
        (limit.hardPackets && m_counters.packets >= limit.hardPackets))
    {
        m_state = IpsecSaState::EXPIRED;
    }
    else if (m_state == IpsecSaState::ACTIVE &&
             ((limit.softBytes && m_counters.bytes >= limit.softBytes) ||
              (limit.softPackets && m_counters.packets >= limit.softPackets)))
    {
        m_state = IpsecSaState::SOFT_EXPIRED;
    }
    return m_state;
}

IpsecSaState
IpsecSa::GetState() const
{
    return m_state;
}

void
IpsecSa::SetState(IpsecSaState state)
{
    m_state = state;
}

IpsecSaCounters&
IpsecSa::GetCounters()
{
    return m_counters;
}

const IpsecSaCounters&
IpsecSa::GetCounters() const
{
    return m_counters;
}

Time
IpsecSa::GetInstallTime() const
{
    return m_installTime;
}

void
IpsecSa::SetInstallTime(Time time)
{
    m_installTime = time;
}

} // namespace ns3
