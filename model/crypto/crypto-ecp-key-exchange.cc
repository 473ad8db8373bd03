/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-ecp-key-exchange.h"

#include "crypto-openssl.h"
#include "crypto-random.h"

#include "ns3/log.h"

#include <map>
#include <memory>
#include <mutex>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/objects.h>
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

/// Frees (and wipes) a BIGNUM.
struct BignumFree
{
    void operator()(BIGNUM* value) const
    {
        BN_clear_free(value);
    }
};

/// Frees (and wipes) an EC_POINT.
struct PointFree
{
    void operator()(EC_POINT* point) const
    {
        EC_POINT_clear_free(point);
    }
};

using Bignum = std::unique_ptr<BIGNUM, BignumFree>;
using Point = std::unique_ptr<EC_POINT, PointFree>;
using BignumContext = std::unique_ptr<BN_CTX, decltype(&BN_CTX_free)>;

BignumContext
NewContext()
{
    return BignumContext(BN_CTX_new(), &BN_CTX_free);
}

std::unique_ptr<CryptoEcpDomain>
BuildDomain(const CryptoDhGroup& group)
{
    int nid = EC_curve_nist2nid(group.opensslName); // "P-256" -> NID_X9_62_prime256v1
    if (nid == NID_undef)
    {
        nid = OBJ_sn2nid(group.opensslName); // also accept OpenSSL's short names
    }
    EC_GROUP* curve = nid == NID_undef ? nullptr : EC_GROUP_new_by_curve_name(nid);
    if (!curve)
    {
        return nullptr;
    }
    auto domain = std::make_unique<CryptoEcpDomain>();
    domain->curve = curve;
    domain->fieldPrime = EC_GROUP_get0_field(curve);
    domain->order = EC_GROUP_get0_order(curve);
    domain->fieldBytes = (EC_GROUP_get_degree(curve) + 7) / 8;
    domain->orderBytes = BN_num_bytes(domain->order);
    domain->orderMinusOne = BN_dup(domain->order);
    // The membership test below is only complete for cofactor 1 (true of every NIST prime
    // curve): then every point on the curve but infinity has the prime order n.
    const BIGNUM* cofactor = EC_GROUP_get0_cofactor(curve);
    bool ok = domain->fieldPrime && domain->orderMinusOne &&
              BN_sub_word(domain->orderMinusOne, 1) == 1 && cofactor && BN_is_one(cofactor) &&
              2 * domain->fieldBytes == group.publicValueBytes &&
              domain->fieldBytes == group.sharedSecretBytes;
    if (!ok)
    {
        BN_free(domain->orderMinusOne);
        EC_GROUP_free(curve);
        return nullptr;
    }
    return domain;
}

const CryptoEcpDomain&
GetDomain(const CryptoDhGroup& group)
{
    static std::mutex mutex;
    // Never freed: they live as long as the process, as OpenSSL's own tables do.
    static std::map<uint16_t, const CryptoEcpDomain*> domains;
    std::lock_guard<std::mutex> lock(mutex);
    auto found = domains.find(group.transformId);
    if (found != domains.end())
    {
        return *found->second;
    }
    std::unique_ptr<CryptoEcpDomain> domain = BuildDomain(group);
    if (!domain)
    {
        throw std::invalid_argument(
            "Diffie-Hellman group " + std::to_string(group.transformId) + ": curve " +
            group.opensslName + " is not available from OpenSSL: " + CryptoOpenssl::TakeErrors());
    }
    return *(domains[group.transformId] = domain.release());
}

} // namespace

CryptoEcpKeyExchange::CryptoEcpKeyExchange(const CryptoDhGroup& group)
    : m_domain(&GetDomain(group))
{
}

CryptoEcpKeyExchange::~CryptoEcpKeyExchange()
{
    BN_clear_free(m_private);
}

void
CryptoEcpKeyExchange::GenerateKeyPair(CryptoRandom& random, CryptoBytes& publicValue)
{
    // A scalar uniform in [1, n-1]: 64 bits beyond n's length make the bias of the reduction
    // negligible (FIPS 186-4 appendix B.4.1, "extra random bits").
    CryptoBytes draw = random.Generate(m_domain->orderBytes + 8);
    Bignum scalar(BN_bin2bn(draw.data(), static_cast<int>(draw.size()), nullptr));
    OPENSSL_cleanse(draw.data(), draw.size());
    BignumContext ctx = NewContext();
    if (!scalar || !ctx ||
        BN_mod(scalar.get(), scalar.get(), m_domain->orderMinusOne, ctx.get()) != 1 ||
        BN_add_word(scalar.get(), 1) != 1 ||
        Commit(scalar.release(), publicValue) != CryptoStatus::OK)
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
    Bignum scalar(BN_bin2bn(privateValue.Data(), static_cast<int>(privateValue.Size()), nullptr));
    if (!scalar)
    {
        CryptoOpenssl::TakeErrors();
        return CryptoStatus::INTERNAL_ERROR;
    }
    if (BN_is_zero(scalar.get()) || BN_cmp(scalar.get(), m_domain->order) >= 0)
    {
        return CryptoStatus::INVALID_KEY;
    }
    return Commit(scalar.release(), publicValue);
}

CryptoStatus
CryptoEcpKeyExchange::Commit(BIGNUM* scalar, CryptoBytes& publicValue)
{
    Bignum newPrivate(scalar);
    BN_set_flags(newPrivate.get(), BN_FLG_CONSTTIME);
    BignumContext ctx = NewContext();
    Point point(EC_POINT_new(m_domain->curve));
    Bignum x(BN_new());
    Bignum y(BN_new());
    if (!ctx || !point || !x || !y ||
        EC_POINT_mul(m_domain->curve, point.get(), newPrivate.get(), nullptr, nullptr, ctx.get()) !=
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
    BN_clear_free(m_private);
    m_private = newPrivate.release();
    publicValue = std::move(encoded);
    return CryptoStatus::OK;
}

CryptoStatus
CryptoEcpKeyExchange::DecodePeer(CryptoByteView peerPublicValue,
                                 BN_CTX* ctx,
                                 EC_POINT** point) const
{
    // RFC 5903 section 7: x || y, each exactly the field length.
    if (peerPublicValue.Size() != 2 * m_domain->fieldBytes)
    {
        NS_LOG_LOGIC("peer value of " << peerPublicValue.Size() << " bytes, expected "
                                      << 2 * m_domain->fieldBytes);
        return CryptoStatus::INVALID_PUBLIC_VALUE;
    }
    const int half = static_cast<int>(m_domain->fieldBytes);
    Bignum x(BN_bin2bn(peerPublicValue.Data(), half, nullptr));
    Bignum y(BN_bin2bn(peerPublicValue.Data() + half, half, nullptr));
    Point peer(EC_POINT_new(m_domain->curve));
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
    *point = peer.release();
    return CryptoStatus::OK;
}

CryptoStatus
CryptoEcpKeyExchange::ValidatePublicValue(CryptoByteView peerPublicValue) const
{
    BignumContext ctx = NewContext();
    if (!ctx)
    {
        return CryptoStatus::INTERNAL_ERROR;
    }
    EC_POINT* peer = nullptr;
    CryptoStatus status = DecodePeer(peerPublicValue, ctx.get(), &peer);
    EC_POINT_free(peer);
    return status;
}

CryptoStatus
CryptoEcpKeyExchange::ComputeSharedSecret(CryptoByteView peerPublicValue,
                                          CryptoBytes& sharedSecret) const
{
    if (!m_private)
    {
        return CryptoStatus::INVALID_KEY;
    }
    BignumContext ctx = NewContext();
    if (!ctx)
    {
        return CryptoStatus::INTERNAL_ERROR;
    }
    EC_POINT* decoded = nullptr;
    CryptoStatus status = DecodePeer(peerPublicValue, ctx.get(), &decoded);
    Point peer(decoded);
    if (status != CryptoStatus::OK)
    {
        return status;
    }
    Point shared(EC_POINT_new(m_domain->curve));
    Bignum x(BN_new());
    if (!shared || !x ||
        EC_POINT_mul(m_domain->curve, shared.get(), nullptr, peer.get(), m_private, ctx.get()) != 1)
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
