/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-ecp-key-exchange.h"

#include "crypto-openssl.h"

#include "ns3/log.h"

#include <memory>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoEcpKeyExchange");

/// One curve, built once and kept for the life of the process (like the algorithms
/// CryptoOpenssl fetches): creating an EC_GROUP is far costlier than using one.
struct CryptoEcpDomain
{
    EC_GROUP* curve{nullptr};          //!< the curve with OpenSSL's method for it
    const BIGNUM* fieldPrime{nullptr}; //!< p, owned by curve
    const BIGNUM* order{nullptr};      //!< n, owned by curve
    BIGNUM* orderMinusOne{nullptr};    //!< n - 1, for drawing scalars
    size_t fieldBytes{0};              //!< length of one coordinate
    size_t orderBytes{0};              //!< length of n
};

namespace
{

std::unique_ptr<CryptoEcpDomain>
BuildDomain(const CryptoDhGroup& group)
{
    CryptoEcGroup curve = CryptoNewEcGroup(group.opensslName);
    if (!curve)
    {
        return nullptr;
    }
    auto domain = std::make_unique<CryptoEcpDomain>();
    domain->fieldPrime = EC_GROUP_get0_field(curve.get());
    domain->order = EC_GROUP_get0_order(curve.get());
    domain->fieldBytes = (EC_GROUP_get_degree(curve.get()) + 7) / 8;
    domain->orderBytes = BN_num_bytes(domain->order);
    domain->orderMinusOne = BN_dup(domain->order);
    // The membership test below is only complete for cofactor 1 (true of every NIST prime
    // curve): then every point on the curve but infinity has the prime order n.
    const BIGNUM* cofactor = EC_GROUP_get0_cofactor(curve.get());
    bool ok = domain->fieldPrime && domain->orderMinusOne &&
              BN_sub_word(domain->orderMinusOne, 1) == 1 && cofactor && BN_is_one(cofactor) &&
              2 * domain->fieldBytes == group.publicValueBytes &&
              domain->fieldBytes == group.sharedSecretBytes;
    if (!ok)
    {
        BN_free(domain->orderMinusOne);
        return nullptr;
    }
    domain->curve = curve.release(); // kept for the life of the process
    return domain;
}

} // namespace

CryptoEcpKeyExchange::CryptoEcpKeyExchange(const CryptoDhGroup& group)
    : m_domain(&GetSharedDomain(group, BuildDomain, ": curve " + std::string(group.opensslName)))
{
}

CryptoEcpKeyExchange::~CryptoEcpKeyExchange() = default;

void
CryptoEcpKeyExchange::GenerateKeyPair(CryptoRandom& random, CryptoBytes& publicValue)
{
    CryptoBignum scalar = DrawBelowOrder(random, m_domain->order, m_domain->orderMinusOne);
    if (!scalar || Commit(std::move(scalar), publicValue) != CryptoStatus::OK)
    {
        // Only memory exhaustion gets here: not an input a peer controls.
        throw std::runtime_error("ECP key pair generation failed: " + CryptoOpenssl::TakeErrors());
    }
}

CryptoStatus
CryptoEcpKeyExchange::SetPrivateValue(CryptoByteView privateValue, CryptoBytes& publicValue)
{
    if (privateValue.IsEmpty() || privateValue.Size() > m_domain->orderBytes)
    {
        return CryptoStatus::INVALID_KEY;
    }
    CryptoBignum scalar(
        BN_bin2bn(privateValue.Data(), static_cast<int>(privateValue.Size()), nullptr));
    if (!scalar)
    {
        CryptoOpenssl::TakeErrors();
        return CryptoStatus::INTERNAL_ERROR;
    }
    if (BN_is_zero(scalar.get()) || BN_cmp(scalar.get(), m_domain->order) >= 0)
    {
        return CryptoStatus::INVALID_KEY;
    }
    return Commit(std::move(scalar), publicValue);
}

CryptoStatus
CryptoEcpKeyExchange::Commit(CryptoBignum scalar, CryptoBytes& publicValue)
{
    BN_set_flags(scalar.get(), BN_FLG_CONSTTIME);
    CryptoBnContext ctx = CryptoNewBnContext();
    CryptoEcPoint point(EC_POINT_new(m_domain->curve));
    CryptoBignum x = CryptoNewBignum();
    CryptoBignum y = CryptoNewBignum();
    if (!ctx || !point || !x || !y ||
        EC_POINT_mul(m_domain->curve, point.get(), scalar.get(), nullptr, nullptr, ctx.get()) !=
            1 ||
        EC_POINT_get_affine_coordinates(m_domain->curve,
                                        point.get(),
                                        x.get(),
                                        y.get(),
                                        ctx.get()) != 1)
    {
        NS_LOG_WARN("k*G failed: " << CryptoOpenssl::TakeErrors());
        return CryptoStatus::INTERNAL_ERROR;
    }
    // RFC 5903 section 7: the KE payload data is x || y, each coordinate padded to the field
    // length, without the point-format octet of SEC 1.
    const int half = static_cast<int>(m_domain->fieldBytes);
    CryptoBytes encoded(2 * m_domain->fieldBytes);
    BN_bn2binpad(x.get(), encoded.data(), half);
    BN_bn2binpad(y.get(), encoded.data() + half, half);
    m_private = std::move(scalar);
    publicValue = std::move(encoded);
    return CryptoStatus::OK;
}

CryptoStatus
CryptoEcpKeyExchange::DecodePeer(CryptoByteView peerPublicValue,
                                 BN_CTX* ctx,
                                 CryptoEcPoint& point) const
{
    // RFC 5903 section 7: x || y, each exactly the field length.
    if (peerPublicValue.Size() != 2 * m_domain->fieldBytes)
    {
        NS_LOG_LOGIC("peer value of " << peerPublicValue.Size() << " bytes, expected "
                                      << 2 * m_domain->fieldBytes);
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    }
    const int half = static_cast<int>(m_domain->fieldBytes);
    CryptoBignum x(BN_bin2bn(peerPublicValue.Data(), half, nullptr));
    CryptoBignum y(BN_bin2bn(peerPublicValue.Data() + half, half, nullptr));
    CryptoEcPoint peer(EC_POINT_new(m_domain->curve));
    if (!x || !y || !peer)
    {
        CryptoOpenssl::TakeErrors();
        return CryptoStatus::INTERNAL_ERROR;
    }
    // RFC 6989 section 2.3: the recipient MUST check that x and y are in [0, p-1] (some of
    // OpenSSL's curve methods would otherwise reduce them silently) ...
    if (BN_cmp(x.get(), m_domain->fieldPrime) >= 0 || BN_cmp(y.get(), m_domain->fieldPrime) >= 0)
    {
        NS_LOG_LOGIC("peer coordinate not below p");
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    }
    // ... and that (x, y) satisfies the curve equation, so no invalid-curve point is multiplied
    // by the private scalar. OpenSSL refuses to set a point that is not on the curve.
    if (EC_POINT_set_affine_coordinates(m_domain->curve, peer.get(), x.get(), y.get(), ctx) != 1 ||
        EC_POINT_is_on_curve(m_domain->curve, peer.get(), ctx) != 1 ||
        EC_POINT_is_at_infinity(m_domain->curve, peer.get()))
    {
        NS_LOG_LOGIC("peer point not on the curve: " << CryptoOpenssl::TakeErrors());
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    }
    point = std::move(peer);
    return CryptoStatus::OK;
}

CryptoStatus
CryptoEcpKeyExchange::ValidatePublicValue(CryptoByteView peerPublicValue) const
{
    CryptoBnContext ctx = CryptoNewBnContext();
    if (!ctx)
    {
        return CryptoStatus::INTERNAL_ERROR;
    }
    CryptoEcPoint peer;
    return DecodePeer(peerPublicValue, ctx.get(), peer);
}

CryptoStatus
CryptoEcpKeyExchange::ComputeSharedSecret(CryptoByteView peerPublicValue,
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
    CryptoEcPoint peer;
    CryptoStatus status = DecodePeer(peerPublicValue, ctx.get(), peer);
    if (status != CryptoStatus::OK)
    {
        return status;
    }
    CryptoEcPoint shared(EC_POINT_new(m_domain->curve));
    CryptoBignum x = CryptoNewBignum();
    if (!shared || !x ||
        EC_POINT_mul(m_domain->curve,
                     shared.get(),
                     nullptr,
                     peer.get(),
                     m_private.get(),
                     ctx.get()) != 1)
    {
        NS_LOG_WARN("k*Q failed: " << CryptoOpenssl::TakeErrors());
        return CryptoStatus::INTERNAL_ERROR;
    }
    // With cofactor 1 and k in [1, n-1] a valid point never yields infinity; checked anyway, as
    // it has no affine x to return.
    if (EC_POINT_is_at_infinity(m_domain->curve, shared.get()))
    {
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    }
    if (EC_POINT_get_affine_coordinates(m_domain->curve,
                                        shared.get(),
                                        x.get(),
                                        nullptr,
                                        ctx.get()) != 1)
    {
        NS_LOG_WARN("affine x failed: " << CryptoOpenssl::TakeErrors());
        return CryptoStatus::INTERNAL_ERROR;
    }
    // RFC 5903 section 7 (and section 9, the correction to RFC 4753): the shared secret is the
    // x coordinate alone, padded to the field length.
    sharedSecret.assign(m_domain->fieldBytes, 0);
    BN_bn2binpad(x.get(), sharedSecret.data(), static_cast<int>(sharedSecret.size()));
    return CryptoStatus::OK;
}

} // namespace ns3
