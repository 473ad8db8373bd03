/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-private-key.h"

#include "crypto-openssl.h"
#include "crypto-random.h"

#include <cerrno>
#include <cstring>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/params.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace ns3
{

namespace
{

/// Owning pointers for the OpenSSL objects used here; secrets are wiped when freed.
using BigNumber = std::unique_ptr<BIGNUM, decltype(&BN_clear_free)>;
using Group = std::unique_ptr<EC_GROUP, decltype(&EC_GROUP_free)>;
using Point = std::unique_ptr<EC_POINT, decltype(&EC_POINT_clear_free)>;
using BnContext = std::unique_ptr<BN_CTX, decltype(&BN_CTX_free)>;

/// \return a new, empty big number (nullptr only if memory ran out)
BigNumber
NewBigNumber()
{
    return BigNumber(BN_new(), &BN_clear_free);
}

/// How often Sign() draws k before giving up: with a working random stream, a draw is rejected
/// with probability below 2^-32 on P-256/P-384/P-521, so reaching this means a broken source.
constexpr int MAX_SECRET_DRAWS = 64;

/// Stores a failure reason, adding OpenSSL's own reason when it left one.
void
SetError(std::string* error, const std::string& what)
{
    std::string reason = what;
    const std::string openssl = CryptoOpenssl::TakeErrors();
    if (!openssl.empty())
    {
        reason += " (OpenSSL: " + openssl + ")";
    }
    if (error)
    {
        *error = reason;
    }
}

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

/// Decodes a private key (PKCS#8 or traditional RSA/EC PEM) from PEM text.
EVP_PKEY*
DecodePrivateKey(const std::string& pem)
{
    EVP_PKEY* key = nullptr;
    OSSL_DECODER_CTX* decoder = OSSL_DECODER_CTX_new_for_pkey(&key,
                                                              "PEM",
                                                              nullptr,
                                                              nullptr,
                                                              EVP_PKEY_KEYPAIR,
                                                              nullptr,
                                                              nullptr);
    if (!decoder)
    {
        return nullptr;
    }
    OSSL_DECODER_CTX_set_passphrase_cb(decoder, RefusePassphrase, nullptr);
    const unsigned char* cursor = reinterpret_cast<const unsigned char*>(pem.data());
    size_t left = pem.size();
    if (OSSL_DECODER_from_data(decoder, &cursor, &left) != 1)
    {
        EVP_PKEY_free(key);
        key = nullptr;
    }
    OSSL_DECODER_CTX_free(decoder);
    return key;
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

/// \return the curve's group from a NIST name ("P-256") or an OpenSSL short name
Group
CurveGroup(const std::string& curve)
{
    int nid = EC_curve_nist2nid(curve.c_str());
    if (nid == NID_undef)
    {
        nid = OBJ_sn2nid(curve.c_str());
    }
    return Group(nid != NID_undef ? EC_GROUP_new_by_curve_name(nid) : nullptr, &EC_GROUP_free);
}

/// \return the byte length of a coordinate (and of r and s) on the group's curve
size_t
CoordinateBytes(const EC_GROUP* group)
{
    return (static_cast<size_t>(EC_GROUP_get_degree(group)) + 7) / 8;
}

/// Never-null pointer to the viewed bytes: OpenSSL rejects a null pointer even for no bytes.
const uint8_t*
DataOf(CryptoByteView bytes)
{
    static const uint8_t none = 0;
    return bytes.Data() ? bytes.Data() : &none;
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
CryptoPrivateKey::Adopt(EVP_PKEY* key, std::string* error)
{
    CryptoKeyType type;
    std::string curve;
    if (!CryptoPublicKey::DescribeKey(key, &type, &curve, error))
    {
        EVP_PKEY_free(key);
        return nullptr;
    }
    if (!HasPrivatePart(key, type))
    {
        EVP_PKEY_free(key);
        SetError(error, "the key has no private part");
        return nullptr;
    }
    // The public key is a separate, public-only copy, so handing it out never shares the secret.
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(key, &der);
    Ptr<CryptoPublicKey> publicKey =
        length > 0
            ? CryptoPublicKey::FromDer(CryptoByteView(der, static_cast<size_t>(length)), error)
            : nullptr;
    OPENSSL_free(der);
    if (!publicKey)
    {
        EVP_PKEY_free(key);
        SetError(error, "cannot extract the public key");
        return nullptr;
    }
    return Ptr<CryptoPrivateKey>(new CryptoPrivateKey(key, publicKey), false);
}

Ptr<CryptoPrivateKey>
CryptoPrivateKey::FromPem(const std::string& pem, std::string* error)
{
    ERR_clear_error();
    EVP_PKEY* key = DecodePrivateKey(pem);
    if (!key)
    {
        SetError(error,
                 "no unencrypted private key found in the PEM text (expected PRIVATE KEY, "
                 "RSA PRIVATE KEY or EC PRIVATE KEY; encrypted keys are not supported)");
        return nullptr;
    }
    return Adopt(key, error);
}

Ptr<CryptoPrivateKey>
CryptoPrivateKey::FromPemFile(const std::string& path, std::string* error)
{
    ERR_clear_error();
    BIO* file = BIO_new_file(path.c_str(), "rb");
    if (!file)
    {
        const int code = errno;
        ERR_clear_error();
        if (error)
        {
            *error = "cannot open private key file '" + path + "': " + std::strerror(code);
        }
        return nullptr;
    }
    std::string pem;
    char buffer[4096];
    int got = 0;
    while ((got = BIO_read(file, buffer, sizeof(buffer))) > 0)
    {
        pem.append(buffer, static_cast<size_t>(got));
    }
    BIO_free(file);
    Ptr<CryptoPrivateKey> key = FromPem(pem, error);
    OPENSSL_cleanse(&pem[0], pem.size()); // the text holds the secret as well
    if (!key && error)
    {
        *error = "private key file '" + path + "': " + *error;
    }
    return key;
}

Ptr<CryptoPrivateKey>
CryptoPrivateKey::FromEcPrivateScalar(const std::string& curve,
                                      CryptoByteView scalar,
                                      std::string* error)
{
    ERR_clear_error();
    Group group = CurveGroup(curve);
    if (!group)
    {
        SetError(error, "unknown elliptic curve '" + curve + "'");
        return nullptr;
    }
    BigNumber d(BN_bin2bn(DataOf(scalar), static_cast<int>(scalar.Size()), nullptr),
                &BN_clear_free);
    if (!d || BN_is_zero(d.get()) || BN_cmp(d.get(), EC_GROUP_get0_order(group.get())) >= 0)
    {
        SetError(error, "the private scalar is not in [1, n-1] for curve " + curve);
        return nullptr;
    }
    BnContext context(BN_CTX_new(), &BN_CTX_free);
    Point publicPoint(EC_POINT_new(group.get()), &EC_POINT_clear_free);
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
        SetError(error, "cannot compute the public key on " + curve);
        return nullptr;
    }

    OSSL_PARAM_BLD* builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM* params = nullptr;
    EVP_PKEY_CTX* keyContext = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    EVP_PKEY* key = nullptr;
    const int nid = EC_GROUP_get_curve_name(group.get());
    if (builder &&
        OSSL_PARAM_BLD_push_utf8_string(builder, OSSL_PKEY_PARAM_GROUP_NAME, OBJ_nid2sn(nid), 0) ==
            1 &&
        OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_PRIV_KEY, d.get()) == 1 &&
        OSSL_PARAM_BLD_push_octet_string(builder,
                                         OSSL_PKEY_PARAM_PUB_KEY,
                                         encoded,
                                         encodedLength) == 1 &&
        (params = OSSL_PARAM_BLD_to_param(builder)) != nullptr && keyContext &&
        EVP_PKEY_fromdata_init(keyContext) == 1 &&
        EVP_PKEY_fromdata(keyContext, &key, EVP_PKEY_KEYPAIR, params) == 1)
    {
        // done
    }
    EVP_PKEY_CTX_free(keyContext);
    // OpenSSL 3.0 has no OSSL_PARAM_clear_free(): wipe the copied scalar before freeing.
    OSSL_PARAM* secretParam =
        params ? OSSL_PARAM_locate(params, OSSL_PKEY_PARAM_PRIV_KEY) : nullptr;
    if (secretParam && secretParam->data)
    {
        OPENSSL_cleanse(secretParam->data, secretParam->data_size);
    }
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    OPENSSL_free(encoded);
    if (!key)
    {
        SetError(error, "cannot build an EC private key on " + curve);
        return nullptr;
    }
    return Adopt(key, error);
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
    Group group = CurveGroup(GetCurve());
    BIGNUM* raw = nullptr;
    if (!group || EVP_PKEY_get_bn_param(m_key, OSSL_PKEY_PARAM_PRIV_KEY, &raw) != 1)
    {
        ERR_clear_error();
        return {};
    }
    BigNumber d(raw, &BN_clear_free);
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
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    EVP_PKEY_CTX* keyContext = nullptr;
    CryptoBytes output(static_cast<size_t>(EVP_PKEY_get_size(m_key)));
    size_t length = output.size();
    const bool signedOk =
        context && EVP_DigestSignInit(context, &keyContext, digest, nullptr, m_key) == 1 &&
        EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) > 0 &&
        EVP_DigestSign(context, output.data(), &length, DataOf(data), data.Size()) == 1;
    EVP_MD_CTX_free(context);
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
    Group group = CurveGroup(GetCurve());
    BnContext context(BN_CTX_new(), &BN_CTX_free);
    BIGNUM* rawD = nullptr;
    if (!group || !context ||
        EVP_Digest(DataOf(data), data.Size(), hash, &hashLength, digest, nullptr) != 1 ||
        EVP_PKEY_get_bn_param(m_key, OSSL_PKEY_PARAM_PRIV_KEY, &rawD) != 1)
    {
        ERR_clear_error();
        return CryptoStatus::INTERNAL_ERROR;
    }
    BigNumber d(rawD, &BN_clear_free);
    const BIGNUM* n = EC_GROUP_get0_order(group.get());
    const int orderBits = BN_num_bits(n);
    const size_t coordinateBytes = CoordinateBytes(group.get());

    // FIPS 186-4 section 6.4 (SEC 1 section 4.1.3 step 5): e is the leftmost min(N, outlen)
    // bits of the hash, N being the bit length of n (matters when the hash is the longer).
    BigNumber e(BN_bin2bn(hash, static_cast<int>(hashLength), nullptr), &BN_clear_free);
    BigNumber secret = NewBigNumber();
    BigNumber x = NewBigNumber();
    BigNumber r = NewBigNumber();
    BigNumber s = NewBigNumber();
    BigNumber inverse = NewBigNumber();
    BigNumber sum = NewBigNumber();
    Point point(EC_POINT_new(group.get()), &EC_POINT_clear_free);
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
