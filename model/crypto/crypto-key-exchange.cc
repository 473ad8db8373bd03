/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-key-exchange.h"

#include "crypto-ecp-key-exchange.h"
#include "crypto-modp-key-exchange.h"
#include "crypto-openssl.h"
#include "crypto-random.h"
#include "crypto-x25519-key-exchange.h"

#include "ns3/log.h"

#include <openssl/crypto.h>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoKeyExchange");

namespace
{

const CryptoDhGroup&
LookUpGroup(uint16_t group)
{
    if (const CryptoDhGroup* entry = CryptoAlgorithmTable::FindDhGroup(group))
    {
        return *entry;
    }
    throw std::invalid_argument("unknown Diffie-Hellman group " + std::to_string(group) +
                                "; supported groups: " + CryptoKeyExchange::SupportedGroups());
}

std::unique_ptr<CryptoKeyExchangeMethod>
CreateMethod(const CryptoDhGroup& group)
{
    switch (group.kind)
    {
    case CryptoKeyExchangeKind::MODP:
        return std::make_unique<CryptoModpKeyExchange>(group);
    case CryptoKeyExchangeKind::ECP:
        return std::make_unique<CryptoEcpKeyExchange>(group);
    case CryptoKeyExchangeKind::X25519:
        return std::make_unique<CryptoX25519KeyExchange>(group);
    }
    throw std::invalid_argument("Diffie-Hellman group " + std::to_string(group.transformId) +
                                " has an unknown kind of arithmetic");
}

} // namespace

CryptoKeyExchangeMethod::~CryptoKeyExchangeMethod() = default;

void
CryptoKeyExchangeMethod::ThrowUnavailable(const CryptoDhGroup& group, const std::string& name)
{
    throw std::invalid_argument("Diffie-Hellman group " + std::to_string(group.transformId) + name +
                                " is not available from OpenSSL: " + CryptoOpenssl::TakeErrors());
}

CryptoBignum
CryptoKeyExchangeMethod::DrawBelowOrder(CryptoRandom& random,
                                        const BIGNUM* order,
                                        const BIGNUM* orderMinusOne)
{
    CryptoBytes draw = random.Generate(BN_num_bytes(order) + 8);
    CryptoBignum value(BN_bin2bn(draw.data(), static_cast<int>(draw.size()), nullptr));
    OPENSSL_cleanse(draw.data(), draw.size());
    CryptoBnContext ctx = CryptoNewBnContext();
    if (!value || !ctx || BN_mod(value.get(), value.get(), orderMinusOne, ctx.get()) != 1 ||
        BN_add_word(value.get(), 1) != 1)
    {
        return nullptr;
    }
    return value;
}

CryptoKeyExchange::CryptoKeyExchange(uint16_t group)
    : CryptoKeyExchange(LookUpGroup(group))
{
}

CryptoKeyExchange::CryptoKeyExchange(const CryptoDhGroup& group)
    : m_group(group),
      m_method(CreateMethod(group))
{
    NS_LOG_FUNCTION(this << group.transformId);
}

CryptoKeyExchange::~CryptoKeyExchange() = default;

const CryptoDhGroup&
CryptoKeyExchange::GetGroup() const
{
    return m_group;
}

void
CryptoKeyExchange::GenerateKeyPair(CryptoRandom& random)
{
    NS_LOG_FUNCTION(this);
    CryptoBytes publicValue;
    m_method->GenerateKeyPair(random, publicValue);
    m_publicValue = std::move(publicValue);
}

CryptoStatus
CryptoKeyExchange::SetPrivateValue(CryptoByteView privateValue)
{
    NS_LOG_FUNCTION(this << privateValue.Size());
    CryptoBytes publicValue;
    CryptoStatus status = m_method->SetPrivateValue(privateValue, publicValue);
    if (status == CryptoStatus::OK)
    {
        m_publicValue = std::move(publicValue);
    }
    return status;
}

bool
CryptoKeyExchange::HasKeyPair() const
{
    return !m_publicValue.empty();
}

const CryptoBytes&
CryptoKeyExchange::GetPublicValue() const
{
    return m_publicValue;
}

CryptoStatus
CryptoKeyExchange::ValidatePublicValue(CryptoByteView peerPublicValue) const
{
    CryptoStatus status = m_method->ValidatePublicValue(peerPublicValue);
    NS_LOG_LOGIC("group " << m_group.transformId << " peer value of " << peerPublicValue.Size()
                          << " bytes: " << status);
    return status;
}

CryptoStatus
CryptoKeyExchange::ComputeSharedSecret(CryptoByteView peerPublicValue,
                                       CryptoBytes& sharedSecret) const
{
    NS_LOG_FUNCTION(this << peerPublicValue.Size());
    if (!HasKeyPair())
    {
        // A caller's mistake, not the peer's: reported like any other unusable key.
        return CryptoStatus::INVALID_KEY;
    }
    CryptoStatus status = m_method->ComputeSharedSecret(peerPublicValue, sharedSecret);
    NS_LOG_LOGIC("group " << m_group.transformId << ": " << status);
    return status;
}

std::string
CryptoKeyExchange::SupportedGroups()
{
    std::string text;
    for (const auto& group : CryptoAlgorithmTable::DhGroups())
    {
        text += text.empty() ? "" : ", ";
        text += std::to_string(group.transformId) + " (" + group.name + ")";
    }
    return text;
}

} // namespace ns3
