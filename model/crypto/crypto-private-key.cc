/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-private-key.h"

#include "crypto-openssl-handles.h"
#include "crypto-openssl.h"
#include "crypto-pki-codec.h"
#include "crypto-random.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace ns3
{

namespace
{

/// How often Sign() draws k before giving up: with a working random stream, a draw is rejected
/// with probability below 2^-32 on P-256/P-384/P-521, so reaching this means a broken source.
constexpr int MAX_SECRET_DRAWS = 64;

/// Passphrase callback that refuses: without it OpenSSL would prompt on the terminal for an
/// encrypted key and block an unattended run.
int
RefusePassphrase(char* /* passphrase */,
                 size_t /* size */,
                 size_t* /* length */,
                 const OSSL_PARAM /* params */[],
                 void* /* argument */)
{
    return 0;
}

/// \return true when the key holds its secret part, not only the public one
bool
HasPrivatePart(const EVP_PKEY* key, CryptoKeyType type)
{
    BIGNUM* secret = nullptr;
    const char* name =
        type == CryptoKeyType::RSA ? OSSL_PKEY_PARAM_RSA_D : OSSL_PKEY_PARAM_PRIV_KEY;
    const bool has = EVP_PKEY_get_bn_param(key, name, &secret) == 1 && secret;
    BN_clear_free(secret);
    ERR_clear_error();
    return has;
}

/// \return the byte length of a coordinate (and of r and s) on the group's curve
size_t
CoordinateBytes(const EC_GROUP* group)
{
    return (static_cast<size_t>(EC_GROUP_get_degree(group)) + 7) / 8;
}

} // namespace

CryptoPrivateKey::CryptoPrivateKey(EVP_PKEY* key, Ptr<CryptoPublicKey> publicKey)
    : m_key(key),
      m_publicKey(publicKey)
{
}

CryptoPrivateKey::~CryptoPrivateKey()
{
    EVP_PKEY_free(m_key);
}

Ptr<CryptoPrivateKey>
CryptoPrivateKey::Adopt(CryptoEvpPkey key, std::string* error)
{
    CryptoKeyType type;
    std::string curve;
    if (!CryptoPublicKey::DescribeKey(key.get(), &type, &curve, error))
    {
        return nullptr;
    }
    if (!HasPrivatePart(key.get(), type))
    {
        CryptoOpenssl::SetError(error, "the key has no private part");
        return nullptr;
    }
    // The public key is a separate, public-only copy, so handing it out never shares the secret.
    const CryptoBytes der = CryptoPkiCodec::EncodeDer(key.get(), i2d_PUBKEY);
    Ptr<CryptoPublicKey> publicKey = der.empty() ? nullptr : CryptoPublicKey::FromDer(der, error);
    if (!publicKey)
    {
        CryptoOpenssl::SetError(error, "cannot extract the public key");
        return nullptr;
    }
    return Ptr<CryptoPrivateKey>(new CryptoPrivateKey(key.release(), publicKey), false);
}

Ptr<CryptoPrivateKey>
CryptoPrivateKey::FromPem(const std::string& pem, std::string* error)
{
    ERR_clear_error();
    CryptoEvpPkey key = CryptoPkiCodec::DecodePemKey(
        pem,
        EVP_PKEY_KEYPAIR,
        RefusePassphrase,
        "no unencrypted private key found in the PEM text (expected PRIVATE KEY, RSA PRIVATE KEY "
        "or EC PRIVATE KEY; encrypted keys are not supported)",
        error);
    return key ? Adopt(std::move(key), error) : nullptr;
}

Ptr<CryptoPrivateKey>
CryptoPrivateKey::FromPemFile(const std::string& path, std::string* error)
{
    return CryptoPkiCodec::ParsePemFile(path, "private key", error, FromPem);
}

Ptr<CryptoPrivateKey>
CryptoPrivateKey::FromEcPrivateScalar(const std::string& curve,
                                      CryptoByteView scalar,
                                      std::string* error)
{
    ERR_clear_error();
    CryptoEcGroup group = CryptoPkiCodec::NewCurve(curve, error);
    if (!group)
    {
        return nullptr;
    }
    CryptoBignum d(
        BN_bin2bn(CryptoPkiCodec::DataOf(scalar), static_cast<int>(scalar.Size()), nullptr));
    if (!d || BN_is_zero(d.get()) || BN_cmp(d.get(), EC_GROUP_get0_order(group.get())) >= 0)
    {
        CryptoOpenssl::SetError(error, "the private scalar is not in [1, n-1] for curve " + curve);
        return nullptr;
    }
    CryptoBnContext context = CryptoNewBnContext();
    CryptoEcPoint publicPoint(EC_POINT_new(group.get()));
    unsigned char* encoded = nullptr;
    size_t encodedLength = 0;
    if (!context || !publicPoint ||
        EC_POINT_mul(group.get(), publicPoint.get(), d.get(), nullptr, nullptr, context.get()) !=
            1 ||
        (encodedLength = EC_POINT_point2buf(group.get(),
                                            publicPoint.get(),
                                            POINT_CONVERSION_UNCOMPRESSED,
                                            &encoded,
                                            context.get())) == 0)
    {
        CryptoOpenssl::SetError(error, "cannot compute the public key on " + curve);
        return nullptr;
    }

    CryptoEvpPkey key =
        CryptoPkiCodec::BuildEcKey(group.get(), CryptoByteView(encoded, encodedLength), d.get());
    OPENSSL_free(encoded);
    if (!key)
    {
        CryptoOpenssl::SetError(error, "cannot build an EC private key on " + curve);
        return nullptr;
    }
    return Adopt(std::move(key), error);
}

CryptoKeyType
CryptoPrivateKey::GetType() const
{
    return m_publicKey->GetType();
}

std::string
CryptoPrivateKey::GetCurve() const
{
    return m_publicKey->GetCurve();
}

uint32_t
CryptoPrivateKey::GetBits() const
{
    return m_publicKey->GetBits();
}

Ptr<CryptoPublicKey>
CryptoPrivateKey::GetPublicKey() const
{
    return m_publicKey;
}

CryptoBytes
CryptoPrivateKey::GetEcPrivateScalar() const
{
    if (GetType() != CryptoKeyType::EC)
    {
        return {};
    }
    CryptoEcGroup group = CryptoNewEcGroup(GetCurve());
    BIGNUM* raw = nullptr;
    if (!group || EVP_PKEY_get_bn_param(m_key, OSSL_PKEY_PARAM_PRIV_KEY, &raw) != 1)
    {
        ERR_clear_error();
        return {};
    }
    CryptoBignum d(raw);
    CryptoBytes scalar(CoordinateBytes(group.get()));
    if (BN_bn2binpad(d.get(), scalar.data(), static_cast<int>(scalar.size())) < 0)
    {
        return {};
    }
    return scalar;
}

bool
CryptoPrivateKey::Fits(CryptoSignatureScheme scheme) const
{
    return m_publicKey->Fits(scheme);
}

CryptoStatus
CryptoPrivateKey::Sign(CryptoSignatureScheme scheme,
                       CryptoByteView data,
                       CryptoRandom& random,
                       CryptoBytes& signature) const
{
    if (!Fits(scheme))
    {
        return CryptoStatus::INVALID_KEY;
    }
    if (GetType() == CryptoKeyType::RSA)
    {
        return SignRsa(scheme, data, signature);
    }
    return SignEcdsa(scheme, data, CryptoByteView(), &random, signature);
}

CryptoStatus
CryptoPrivateKey::SignWithSecret(CryptoSignatureScheme scheme,
                                 CryptoByteView data,
                                 CryptoByteView k,
                                 CryptoBytes& signature) const
{
    if (!Fits(scheme) || GetType() != CryptoKeyType::EC || k.IsEmpty())
    {
        return CryptoStatus::INVALID_KEY;
    }
    return SignEcdsa(scheme, data, k, nullptr, signature);
}

CryptoStatus
CryptoPrivateKey::SignRsa(CryptoSignatureScheme scheme,
                          CryptoByteView data,
                          CryptoBytes& signature) const
{
    EVP_MD* digest = CryptoOpenssl::FetchDigest(CryptoSignatureSchemeDigest(scheme));
    if (!digest)
    {
        return CryptoStatus::UNSUPPORTED;
    }
    // RSASSA-PKCS1-v1_5 is deterministic: the signature is a function of key and data only
    // (OpenSSL's blinding randomises the computation, never the result).
    CryptoEvpMdContext context(EVP_MD_CTX_new());
    EVP_PKEY_CTX* keyContext = nullptr; // owned by context
    CryptoBytes output(static_cast<size_t>(EVP_PKEY_get_size(m_key)));
    size_t length = output.size();
    const bool signedOk =
        context && EVP_DigestSignInit(context.get(), &keyContext, digest, nullptr, m_key) == 1 &&
        EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) > 0 &&
        EVP_DigestSign(context.get(),
                       output.data(),
                       &length,
                       CryptoPkiCodec::DataOf(data),
                       data.Size()) == 1;
    if (!signedOk)
    {
        ERR_clear_error();
        return CryptoStatus::INTERNAL_ERROR;
    }
    output.resize(length);
    signature.swap(output);
    return CryptoStatus::OK;
}

CryptoStatus
CryptoPrivateKey::SignEcdsa(CryptoSignatureScheme scheme,
                            CryptoByteView data,
                            CryptoByteView k,
                            CryptoRandom* random,
                            CryptoBytes& signature) const
{
    EVP_MD* digest = CryptoOpenssl::FetchDigest(CryptoSignatureSchemeDigest(scheme));
    if (!digest)
    {
        return CryptoStatus::UNSUPPORTED;
    }
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int hashLength = 0;
    CryptoEcGroup group = CryptoNewEcGroup(GetCurve());
    CryptoBnContext context = CryptoNewBnContext();
    const uint8_t* message = CryptoPkiCodec::DataOf(data);
    BIGNUM* rawD = nullptr;
    if (!group || !context ||
        EVP_Digest(message, data.Size(), hash, &hashLength, digest, nullptr) != 1 ||
        EVP_PKEY_get_bn_param(m_key, OSSL_PKEY_PARAM_PRIV_KEY, &rawD) != 1)
    {
        ERR_clear_error();
        return CryptoStatus::INTERNAL_ERROR;
    }
    CryptoBignum d(rawD);
    const BIGNUM* n = EC_GROUP_get0_order(group.get());
    const int orderBits = BN_num_bits(n);
    const size_t coordinateBytes = CoordinateBytes(group.get());

    // FIPS 186-4 section 6.4 (SEC 1 section 4.1.3 step 5): e is the leftmost min(N, outlen)
    // bits of the hash, N being the bit length of n (matters when the hash is the longer).
    CryptoBignum e(BN_bin2bn(hash, static_cast<int>(hashLength), nullptr));
    CryptoBignum secret = CryptoNewBignum();
    CryptoBignum x = CryptoNewBignum();
    CryptoBignum r = CryptoNewBignum();
    CryptoBignum s = CryptoNewBignum();
    CryptoBignum inverse = CryptoNewBignum();
    CryptoBignum sum = CryptoNewBignum();
    CryptoEcPoint point(EC_POINT_new(group.get()));
    if (!e || !secret || !x || !r || !s || !inverse || !sum || !point ||
        (static_cast<int>(hashLength) * 8 > orderBits &&
         BN_rshift(e.get(), e.get(), static_cast<int>(hashLength) * 8 - orderBits) != 1))
    {
        return CryptoStatus::INTERNAL_ERROR;
    }

    const bool given = !k.IsEmpty();
    const size_t secretBytes = (static_cast<size_t>(orderBits) + 7) / 8;
    for (int attempt = 0; attempt < (given ? 1 : MAX_SECRET_DRAWS); ++attempt)
    {
        if (given)
        {
            if (!BN_bin2bn(k.Data(), static_cast<int>(k.Size()), secret.get()))
            {
                return CryptoStatus::INTERNAL_ERROR;
            }
        }
        else
        {
            // Candidate testing, as in FIPS 186-4 appendix B.5.2: draw N bits and keep them if
            // they lie in [1, n-1], which gives a uniform k. The bits come from the ns-3
            // stream, so the same seed, run and stream give the same k.
            CryptoBytes draw = random->Generate(secretBytes);
            draw[0] &= static_cast<uint8_t>(0xFF >> (8 * secretBytes - orderBits));
            const bool converted =
                BN_bin2bn(draw.data(), static_cast<int>(draw.size()), secret.get()) != nullptr;
            OPENSSL_cleanse(draw.data(), draw.size());
            if (!converted)
            {
                return CryptoStatus::INTERNAL_ERROR;
            }
        }
        if (BN_is_zero(secret.get()) || BN_cmp(secret.get(), n) >= 0)
        {
            if (given)
            {
                return CryptoStatus::INVALID_KEY;
            }
            continue;
        }
        BN_set_flags(secret.get(), BN_FLG_CONSTTIME);

        // r = x(kG) mod n
        if (EC_POINT_mul(group.get(), point.get(), secret.get(), nullptr, nullptr, context.get()) !=
                1 ||
            EC_POINT_get_affine_coordinates(group.get(),
                                            point.get(),
                                            x.get(),
                                            nullptr,
                                            context.get()) != 1 ||
            BN_nnmod(r.get(), x.get(), n, context.get()) != 1)
        {
            ERR_clear_error();
            return CryptoStatus::INTERNAL_ERROR;
        }
        // s = k^-1 (e + r d) mod n
        if (!BN_is_zero(r.get()) &&
            (!BN_mod_inverse(inverse.get(), secret.get(), n, context.get()) ||
             BN_mod_mul(sum.get(), r.get(), d.get(), n, context.get()) != 1 ||
             BN_mod_add(sum.get(), sum.get(), e.get(), n, context.get()) != 1 ||
             BN_mod_mul(s.get(), inverse.get(), sum.get(), n, context.get()) != 1))
        {
            ERR_clear_error();
            return CryptoStatus::INTERNAL_ERROR;
        }
        // FIPS 186-4 section 6.4: a zero r or s must not be output; another k is needed.
        if (BN_is_zero(r.get()) || BN_is_zero(s.get()))
        {
            if (given)
            {
                return CryptoStatus::INVALID_KEY;
            }
            continue;
        }
        // RFC 4754 section 7: r and s, each as long as the curve's field elements.
        CryptoBytes output(2 * coordinateBytes);
        if (BN_bn2binpad(r.get(), output.data(), static_cast<int>(coordinateBytes)) < 0 ||
            BN_bn2binpad(s.get(),
                         output.data() + coordinateBytes,
                         static_cast<int>(coordinateBytes)) < 0)
        {
            return CryptoStatus::INTERNAL_ERROR;
        }
        signature.swap(output);
        return CryptoStatus::OK;
    }
    return CryptoStatus::INTERNAL_ERROR; // the random source never gave a usable k
}

} // namespace ns3
