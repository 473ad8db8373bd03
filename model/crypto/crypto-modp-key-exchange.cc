/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-modp-key-exchange.h"

#include "crypto-openssl.h"
#include "crypto-random.h"

#include "ns3/log.h"

#include <memory>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoModpKeyExchange");

/// One MODP group's parameters, built once and kept for the life of the process (like the
/// algorithms CryptoOpenssl fetches), so that no exchange pays for them.
struct CryptoModpDomain
{
    BIGNUM* prime{nullptr};           //!< p
    BIGNUM* generator{nullptr};       //!< g
    BIGNUM* subgroupOrder{nullptr};   //!< q (RFC 5114 groups), else nullptr
    BIGNUM* primeMinusOne{nullptr};   //!< p - 1, the bound of RFC 6989's range test
    BIGNUM* orderMinusOne{nullptr};   //!< q - 1 (RFC 5114 groups), else nullptr
    BN_MONT_CTX* montgomery{nullptr}; //!< Montgomery form of p, shared by every exponentiation
    size_t primeBytes{0};             //!< length of p: public values and secrets are this long
    uint16_t exponentBits{0};         //!< private exponent length (safe-prime groups)
};

namespace
{

/// \return OpenSSL's copy of the RFC 2409 / RFC 3526 prime of a group, or nullptr
BIGNUM*
LoadOakleyPrime(uint16_t group)
{
    switch (group)
    {
    case 1:
        return BN_get_rfc2409_prime_768(nullptr);
    case 2:
        return BN_get_rfc2409_prime_1024(nullptr);
    case 5:
        return BN_get_rfc3526_prime_1536(nullptr);
    case 14:
        return BN_get_rfc3526_prime_2048(nullptr);
    case 15:
        return BN_get_rfc3526_prime_3072(nullptr);
    case 16:
        return BN_get_rfc3526_prime_4096(nullptr);
    case 17:
        return BN_get_rfc3526_prime_6144(nullptr);
    case 18:
        return BN_get_rfc3526_prime_8192(nullptr);
    default:
        return nullptr;
    }
}

/// Reads p, q and g of one of OpenSSL's named FFC groups (the RFC 5114 ones: "dh_1024_160"...).
bool
LoadNamedGroup(const char* name, CryptoModpDomain& domain)
{
    CryptoEvpPkeyContext ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
    EVP_PKEY* parameters = nullptr;
    OSSL_PARAM request[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(name), 0),
        OSSL_PARAM_construct_end()};
    const bool made =
        ctx && EVP_PKEY_fromdata_init(ctx.get()) == 1 &&
        EVP_PKEY_fromdata(ctx.get(), &parameters, EVP_PKEY_KEY_PARAMETERS, request) == 1;
    const CryptoEvpPkey owner(parameters);
    return made && EVP_PKEY_get_bn_param(parameters, OSSL_PKEY_PARAM_FFC_P, &domain.prime) == 1 &&
           EVP_PKEY_get_bn_param(parameters, OSSL_PKEY_PARAM_FFC_G, &domain.generator) == 1 &&
           EVP_PKEY_get_bn_param(parameters, OSSL_PKEY_PARAM_FFC_Q, &domain.subgroupOrder) == 1;
}

/// Builds a group's parameters; returns nullptr (and frees what it built) if OpenSSL lacks it.
std::unique_ptr<CryptoModpDomain>
BuildDomain(const CryptoDhGroup& group)
{
    auto domain = std::make_unique<CryptoModpDomain>();
    bool ok = false;
    if (BIGNUM* prime = LoadOakleyPrime(group.transformId))
    {
        // RFC 2409 section 6.1/6.2 and RFC 3526 sections 2-7: the generator of these groups is
        // 2; OpenSSL's accessors provide only the primes.
        domain->prime = prime;
        domain->generator = BN_new();
        ok = domain->generator && BN_set_word(domain->generator, 2) == 1;
    }
    else
    {
        ok = LoadNamedGroup(group.opensslName, *domain);
    }
    CryptoBnContext ctx = CryptoNewBnContext();
    ok = ok && ctx && static_cast<size_t>(BN_num_bytes(domain->prime)) == group.publicValueBytes;
    if (ok)
    {
        domain->primeBytes = group.publicValueBytes;
        domain->exponentBits = group.privateValueBits;
        domain->primeMinusOne = BN_dup(domain->prime);
        domain->montgomery = BN_MONT_CTX_new();
        ok = domain->primeMinusOne && BN_sub_word(domain->primeMinusOne, 1) == 1 &&
             domain->montgomery &&
             BN_MONT_CTX_set(domain->montgomery, domain->prime, ctx.get()) == 1;
    }
    if (ok && domain->subgroupOrder)
    {
        domain->orderMinusOne = BN_dup(domain->subgroupOrder);
        ok = domain->orderMinusOne && BN_sub_word(domain->orderMinusOne, 1) == 1;
    }
    else if (ok)
    {
        // An exponent shorter than the prime, with its top bit set, is always in [2, p-2].
        ok = domain->exponentBits >= 2 &&
             domain->exponentBits < static_cast<uint16_t>(BN_num_bits(domain->prime));
    }
    if (!ok)
    {
        for (BIGNUM* value : {domain->prime,
                              domain->generator,
                              domain->subgroupOrder,
                              domain->primeMinusOne,
                              domain->orderMinusOne})
        {
            BN_free(value);
        }
        BN_MONT_CTX_free(domain->montgomery);
        return nullptr;
    }
    return domain;
}

CryptoBytes
ToBytes(const BIGNUM* value)
{
    CryptoBytes bytes(BN_num_bytes(value));
    BN_bn2bin(value, bytes.data());
    return bytes;
}

} // namespace

CryptoModpKeyExchange::CryptoModpKeyExchange(const CryptoDhGroup& group)
    : m_domain(&GetDomain(group))
{
}

CryptoModpKeyExchange::~CryptoModpKeyExchange() = default;

const CryptoModpDomain&
CryptoModpKeyExchange::GetDomain(const CryptoDhGroup& group)
{
    return GetSharedDomain(group, BuildDomain, " (" + std::string(group.opensslName) + ")");
}

CryptoModpGroupParameters
CryptoModpKeyExchange::GetParameters(const CryptoDhGroup& group)
{
    const CryptoModpDomain& domain = GetDomain(group);
    CryptoModpGroupParameters parameters;
    parameters.prime = ToBytes(domain.prime);
    parameters.generator = ToBytes(domain.generator);
    if (domain.subgroupOrder)
    {
        parameters.subgroupOrder = ToBytes(domain.subgroupOrder);
    }
    return parameters;
}

void
CryptoModpKeyExchange::GenerateKeyPair(CryptoRandom& random, CryptoBytes& publicValue)
{
    CryptoBignum exponent;
    if (m_domain->subgroupOrder)
    {
        // RFC 5114 groups: x uniform in [1, q-1].
        exponent = DrawBelowOrder(random, m_domain->subgroupOrder, m_domain->orderMinusOne);
    }
    else
    {
        // Safe-prime groups: an exponent of exactly the table's privateValueBits, far shorter
        // than p (RFC 3526 section 8 discusses exponent sizes). Setting the top bit keeps the
        // length, and so the exponentiation time, the same for every key.
        const size_t bytes = (m_domain->exponentBits + 7) / 8;
        CryptoBytes draw = random.Generate(bytes);
        draw[0] &= static_cast<uint8_t>(0xff >> (8 * bytes - m_domain->exponentBits));
        exponent.reset(BN_bin2bn(draw.data(), static_cast<int>(draw.size()), nullptr));
        OPENSSL_cleanse(draw.data(), draw.size());
        if (exponent && BN_set_bit(exponent.get(), m_domain->exponentBits - 1) != 1)
        {
            exponent.reset();
        }
    }
    if (!exponent || Commit(std::move(exponent), publicValue) != CryptoStatus::OK)
    {
        // Only memory exhaustion gets here: not an input a peer controls.
        throw std::runtime_error("MODP key pair generation failed: " + CryptoOpenssl::TakeErrors());
    }
}

CryptoStatus
CryptoModpKeyExchange::SetPrivateValue(CryptoByteView privateValue, CryptoBytes& publicValue)
{
    if (privateValue.IsEmpty() || privateValue.Size() > m_domain->primeBytes)
    {
        return CryptoStatus::INVALID_KEY;
    }
    CryptoBignum exponent(
        BN_bin2bn(privateValue.Data(), static_cast<int>(privateValue.Size()), nullptr));
    if (!exponent)
    {
        CryptoOpenssl::TakeErrors();
        return CryptoStatus::INTERNAL_ERROR;
    }
    // x in [1, q-1] for the RFC 5114 groups, in [1, p-2] for the others.
    const BIGNUM* limit =
        m_domain->subgroupOrder ? m_domain->subgroupOrder : m_domain->primeMinusOne;
    if (BN_is_zero(exponent.get()) || BN_cmp(exponent.get(), limit) >= 0)
    {
        return CryptoStatus::INVALID_KEY;
    }
    return Commit(std::move(exponent), publicValue);
}

CryptoStatus
CryptoModpKeyExchange::Commit(CryptoBignum exponent, CryptoBytes& publicValue)
{
    BN_set_flags(exponent.get(), BN_FLG_CONSTTIME);
    CryptoBnContext ctx = CryptoNewBnContext();
    CryptoBignum power = CryptoNewBignum();
    if (!ctx || !power ||
        BN_mod_exp_mont_consttime(power.get(),
                                  m_domain->generator,
                                  exponent.get(),
                                  m_domain->prime,
                                  ctx.get(),
                                  m_domain->montgomery) != 1)
    {
        NS_LOG_WARN("g^x mod p failed: " << CryptoOpenssl::TakeErrors());
        return CryptoStatus::INTERNAL_ERROR;
    }
    // RFC 7296 section 3.4: the public value MUST be as long as the prime, zero-padded.
    CryptoBytes encoded(m_domain->primeBytes);
    BN_bn2binpad(power.get(), encoded.data(), static_cast<int>(encoded.size()));
    m_private = std::move(exponent);
    publicValue = std::move(encoded);
    return CryptoStatus::OK;
}

CryptoStatus
CryptoModpKeyExchange::DecodePeer(CryptoByteView peerPublicValue,
                                  BN_CTX* ctx,
                                  CryptoBignum& value) const
{
    // RFC 7296 section 3.4: the public value MUST be exactly as long as the prime.
    if (peerPublicValue.Size() != m_domain->primeBytes)
    {
        NS_LOG_LOGIC("peer value of " << peerPublicValue.Size() << " bytes, expected "
                                      << m_domain->primeBytes);
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    }
    CryptoBignum peer(
        BN_bin2bn(peerPublicValue.Data(), static_cast<int>(peerPublicValue.Size()), nullptr));
    if (!peer)
    {
        CryptoOpenssl::TakeErrors();
        return CryptoStatus::INTERNAL_ERROR;
    }
    // RFC 6989 section 2.1 (and 2.2): the recipient MUST check 1 < y < p-1; 0, 1 and p-1 would
    // force the shared secret into {0, 1, p-1}.
    if (BN_cmp(peer.get(), BN_value_one()) <= 0 || BN_cmp(peer.get(), m_domain->primeMinusOne) >= 0)
    {
        NS_LOG_LOGIC("peer value outside (1, p-1)");
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    }
    if (m_domain->subgroupOrder)
    {
        // RFC 6989 section 2.2: for the RFC 5114 groups the recipient MUST check y^q = 1 mod p,
        // or an element of a small subgroup would leak the private value bit by bit. y is public,
        // so the faster variable-time exponentiation is fine.
        CryptoBignum check = CryptoNewBignum();
        if (!check || BN_mod_exp_mont(check.get(),
                                      peer.get(),
                                      m_domain->subgroupOrder,
                                      m_domain->prime,
                                      ctx,
                                      m_domain->montgomery) != 1)
        {
            CryptoOpenssl::TakeErrors();
            return CryptoStatus::INTERNAL_ERROR;
        }
        if (!BN_is_one(check.get()))
        {
            NS_LOG_LOGIC("peer value not in the order-q subgroup");
            return CryptoStatus::INVALID_PUBLIC_VALUE;
        }
    }
    value = std::move(peer);
    return CryptoStatus::OK;
}

CryptoStatus
CryptoModpKeyExchange::ValidatePublicValue(CryptoByteView peerPublicValue) const
{
    CryptoBnContext ctx = CryptoNewBnContext();
    if (!ctx)
    {
        return CryptoStatus::INTERNAL_ERROR;
    }
    CryptoBignum peer;
    return DecodePeer(peerPublicValue, ctx.get(), peer);
}

CryptoStatus
CryptoModpKeyExchange::ComputeSharedSecret(CryptoByteView peerPublicValue,
                                           CryptoBytes& sharedSecret) const
{
    if (!m_private)
    {
        return CryptoStatus::INVALID_KEY;
    }
    CryptoBnContext ctx = CryptoNewBnContext();
    if (!ctx)
    {
        return CryptoStatus::INTERNAL_ERROR;
    }
    CryptoBignum peer;
    CryptoStatus status = DecodePeer(peerPublicValue, ctx.get(), peer);
    if (status != CryptoStatus::OK)
    {
        return status;
    }
    CryptoBignum secret = CryptoNewBignum();
    if (!secret || BN_mod_exp_mont_consttime(secret.get(),
                                             peer.get(),
                                             m_private.get(),
                                             m_domain->prime,
                                             ctx.get(),
                                             m_domain->montgomery) != 1)
    {
        NS_LOG_WARN("y^x mod p failed: " << CryptoOpenssl::TakeErrors());
        return CryptoStatus::INTERNAL_ERROR;
    }
    // NIST SP 800-56A section 5.7.1.1 treats z = 1 as an error. The range test already excludes
    // it for these groups; checking here keeps the guarantee local.
    if (BN_is_one(secret.get()))
    {
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    }
    // RFC 7296 section 2.14: g^ir is big-endian, zero-padded to the length of the modulus.
    sharedSecret.assign(m_domain->primeBytes, 0);
    BN_bn2binpad(secret.get(), sharedSecret.data(), static_cast<int>(sharedSecret.size()));
    return CryptoStatus::OK;
}

} // namespace ns3
