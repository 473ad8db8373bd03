/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-public-key.h"

#include "crypto-openssl.h"

#include <cerrno>
#include <cstring>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace ns3
{

namespace
{

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

/// Decodes a public key from PEM text, in any structure OpenSSL knows for public keys
/// (SubjectPublicKeyInfo, PKCS#1 RSAPublicKey).
EVP_PKEY*
DecodePublicKey(const uint8_t* data, size_t size)
{
    EVP_PKEY* key = nullptr;
    OSSL_DECODER_CTX* decoder = OSSL_DECODER_CTX_new_for_pkey(&key,
                                                              "PEM",
                                                              nullptr,
                                                              nullptr,
                                                              EVP_PKEY_PUBLIC_KEY,
                                                              nullptr,
                                                              nullptr);
    if (!decoder)
    {
        return nullptr;
    }
    const unsigned char* cursor = data;
    size_t left = size;
    if (OSSL_DECODER_from_data(decoder, &cursor, &left) != 1)
    {
        EVP_PKEY_free(key);
        key = nullptr;
    }
    OSSL_DECODER_CTX_free(decoder);
    return key;
}

/// \return the curve's NID from a NIST name ("P-256") or an OpenSSL short name ("prime256v1")
int
CurveNid(const std::string& curve)
{
    int nid = EC_curve_nist2nid(curve.c_str());
    if (nid == NID_undef)
    {
        nid = OBJ_sn2nid(curve.c_str());
    }
    return nid;
}

/// Never-null pointer to the viewed bytes: OpenSSL rejects a null pointer even for no bytes.
const uint8_t*
DataOf(CryptoByteView bytes)
{
    static const uint8_t none = 0;
    return bytes.Data() ? bytes.Data() : &none;
}

/**
 * Converts an IKEv2 ECDSA signature r || s (RFC 4754 section 7) to the DER ECDSA-Sig-Value
 * (RFC 3279 section 2.2.3) that OpenSSL's verifier takes.
 */
bool
EcdsaRawToDer(CryptoByteView raw, CryptoBytes& der)
{
    const size_t half = raw.Size() / 2;
    ECDSA_SIG* sig = ECDSA_SIG_new();
    BIGNUM* r = BN_bin2bn(raw.Data(), static_cast<int>(half), nullptr);
    BIGNUM* s = BN_bin2bn(raw.Data() + half, static_cast<int>(half), nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig, r, s) != 1)
    {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return false;
    }
    unsigned char* out = nullptr;
    const int length = i2d_ECDSA_SIG(sig, &out);
    ECDSA_SIG_free(sig); // also frees r and s
    if (length <= 0)
    {
        return false;
    }
    der.assign(out, out + length);
    OPENSSL_free(out);
    return true;
}

} // namespace

CryptoPublicKey::CryptoPublicKey(EVP_PKEY* key, CryptoKeyType type, const std::string& curve)
    : m_key(key),
      m_type(type),
      m_curve(curve)
{
}

CryptoPublicKey::~CryptoPublicKey()
{
    EVP_PKEY_free(m_key);
}

bool
CryptoPublicKey::DescribeKey(const EVP_PKEY* key,
                             CryptoKeyType* type,
                             std::string* curve,
                             std::string* error)
{
    if (!key)
    {
        SetError(error, "no key");
        return false;
    }
    if (EVP_PKEY_is_a(key, "RSA"))
    {
        *type = CryptoKeyType::RSA;
        curve->clear();
        return true;
    }
    if (!EVP_PKEY_is_a(key, "EC"))
    {
        const char* name = EVP_PKEY_get0_type_name(key);
        SetError(error,
                 std::string("unsupported key type ") + (name ? name : "(unknown)") +
                     " (only RSA and EC keys are supported)");
        return false;
    }
    char group[80] = {0};
    size_t groupLength = 0;
    if (EVP_PKEY_get_utf8_string_param(key,
                                       OSSL_PKEY_PARAM_GROUP_NAME,
                                       group,
                                       sizeof(group),
                                       &groupLength) != 1)
    {
        // Keys with explicit curve parameters have no group name; IKE only uses named curves.
        SetError(error, "EC key without a named curve (explicit parameters are not supported)");
        return false;
    }
    const int nid = OBJ_sn2nid(group);
    const char* nist = nid != NID_undef ? EC_curve_nid2nist(nid) : nullptr;
    *type = CryptoKeyType::EC;
    *curve = nist ? nist : group;
    return true;
}

Ptr<CryptoPublicKey>
CryptoPublicKey::FromEvpPkey(EVP_PKEY* key, std::string* error)
{
    CryptoKeyType type;
    std::string curve;
    if (!DescribeKey(key, &type, &curve, error) || EVP_PKEY_up_ref(key) != 1)
    {
        return nullptr;
    }
    return Ptr<CryptoPublicKey>(new CryptoPublicKey(key, type, curve), false);
}

Ptr<CryptoPublicKey>
CryptoPublicKey::FromPem(const std::string& pem, std::string* error)
{
    ERR_clear_error();
    EVP_PKEY* key = DecodePublicKey(reinterpret_cast<const uint8_t*>(pem.data()), pem.size());
    if (!key)
    {
        SetError(error,
                 "no public key found in the PEM text (expected PUBLIC KEY or RSA PUBLIC KEY)");
        return nullptr;
    }
    Ptr<CryptoPublicKey> result = FromEvpPkey(key, error);
    EVP_PKEY_free(key);
    return result;
}

Ptr<CryptoPublicKey>
CryptoPublicKey::FromPemFile(const std::string& path, std::string* error)
{
    ERR_clear_error();
    BIO* file = BIO_new_file(path.c_str(), "rb");
    if (!file)
    {
        const int code = errno;
        ERR_clear_error();
        if (error)
        {
            *error = "cannot open public key file '" + path + "': " + std::strerror(code);
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
    Ptr<CryptoPublicKey> key = FromPem(pem, error);
    if (!key && error)
    {
        *error = "public key file '" + path + "': " + *error;
    }
    return key;
}

Ptr<CryptoPublicKey>
CryptoPublicKey::FromDer(CryptoByteView der, std::string* error)
{
    ERR_clear_error();
    const unsigned char* cursor = der.Data();
    EVP_PKEY* key =
        der.IsEmpty() ? nullptr : d2i_PUBKEY(nullptr, &cursor, static_cast<long>(der.Size()));
    if (!key)
    {
        SetError(error, "not a DER SubjectPublicKeyInfo");
        return nullptr;
    }
    if (cursor != der.Data() + der.Size())
    {
        // Trailing bytes would let two different encodings stand for the same key.
        EVP_PKEY_free(key);
        SetError(error, "bytes after the DER SubjectPublicKeyInfo");
        return nullptr;
    }
    Ptr<CryptoPublicKey> result = FromEvpPkey(key, error);
    EVP_PKEY_free(key);
    return result;
}

Ptr<CryptoPublicKey>
CryptoPublicKey::FromEcPoint(const std::string& curve,
                             CryptoByteView x,
                             CryptoByteView y,
                             std::string* error)
{
    ERR_clear_error();
    const int nid = CurveNid(curve);
    EC_GROUP* group = nid != NID_undef ? EC_GROUP_new_by_curve_name(nid) : nullptr;
    if (!group)
    {
        SetError(error, "unknown elliptic curve '" + curve + "'");
        return nullptr;
    }
    const size_t coordinateBytes = (EC_GROUP_get_degree(group) + 7) / 8;
    // Uncompressed point encoding (SEC 1 section 2.3.3): 0x04 || x || y, both padded.
    CryptoBytes point(1 + 2 * coordinateBytes, 0);
    point[0] = POINT_CONVERSION_UNCOMPRESSED;
    // Places one coordinate right-aligned in its field; false if it is longer than the field.
    auto place = [&point, coordinateBytes](CryptoByteView coordinate, size_t offset) {
        size_t skip = 0;
        while (skip < coordinate.Size() && coordinate.Data()[skip] == 0)
        {
            ++skip;
        }
        const size_t length = coordinate.Size() - skip;
        if (length > coordinateBytes)
        {
            return false;
        }
        if (length > 0)
        {
            std::memcpy(point.data() + offset + coordinateBytes - length,
                        coordinate.Data() + skip,
                        length);
        }
        return true;
    };
    bool fits = place(x, 1) && place(y, 1 + coordinateBytes);
    // oct2point checks that the point lies on the curve.
    EC_POINT* checked = EC_POINT_new(group);
    fits = fits && checked &&
           EC_POINT_oct2point(group, checked, point.data(), point.size(), nullptr) == 1;
    EC_POINT_free(checked);
    EC_GROUP_free(group);
    if (!fits)
    {
        SetError(error, "the point is not on curve " + curve);
        return nullptr;
    }

    OSSL_PARAM_BLD* builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM* params = nullptr;
    EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    EVP_PKEY* key = nullptr;
    if (builder &&
        OSSL_PARAM_BLD_push_utf8_string(builder, OSSL_PKEY_PARAM_GROUP_NAME, OBJ_nid2sn(nid), 0) ==
            1 &&
        OSSL_PARAM_BLD_push_octet_string(builder,
                                         OSSL_PKEY_PARAM_PUB_KEY,
                                         point.data(),
                                         point.size()) == 1 &&
        (params = OSSL_PARAM_BLD_to_param(builder)) != nullptr && context &&
        EVP_PKEY_fromdata_init(context) == 1 &&
        EVP_PKEY_fromdata(context, &key, EVP_PKEY_PUBLIC_KEY, params) == 1)
    {
        // done
    }
    EVP_PKEY_CTX_free(context);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    if (!key)
    {
        SetError(error, "cannot build an EC public key on " + curve);
        return nullptr;
    }
    Ptr<CryptoPublicKey> result = FromEvpPkey(key, error);
    EVP_PKEY_free(key);
    return result;
}

CryptoKeyType
CryptoPublicKey::GetType() const
{
    return m_type;
}

std::string
CryptoPublicKey::GetCurve() const
{
    return m_curve;
}

uint32_t
CryptoPublicKey::GetBits() const
{
    return static_cast<uint32_t>(EVP_PKEY_get_bits(m_key));
}

CryptoBytes
CryptoPublicKey::GetDer() const
{
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(m_key, &der);
    if (length <= 0)
    {
        ERR_clear_error();
        return {};
    }
    CryptoBytes bytes(der, der + length);
    OPENSSL_free(der);
    return bytes;
}

bool
CryptoPublicKey::Fits(CryptoSignatureScheme scheme) const
{
    const CryptoSignatureSchemeInfo& info = CryptoGetSignatureSchemeInfo(scheme);
    if (info.keyType != m_type)
    {
        return false;
    }
    return m_type == CryptoKeyType::RSA || m_curve == info.curve;
}

CryptoStatus
CryptoPublicKey::Verify(CryptoSignatureScheme scheme,
                        CryptoByteView data,
                        CryptoByteView signature) const
{
    if (!Fits(scheme))
    {
        return CryptoStatus::INVALID_KEY;
    }
    const CryptoSignatureSchemeInfo& info = CryptoGetSignatureSchemeInfo(scheme);
    EVP_MD* digest = CryptoOpenssl::FetchDigest(info.digestName);
    if (!digest)
    {
        return CryptoStatus::UNSUPPORTED;
    }

    CryptoBytes der;
    CryptoByteView encoded = signature;
    if (m_type == CryptoKeyType::EC)
    {
        // RFC 4754 section 7: r and s each take exactly the curve's byte length.
        const size_t coordinateBytes = (GetBits() + 7) / 8;
        if (signature.Size() != 2 * coordinateBytes || !EcdsaRawToDer(signature, der))
        {
            ERR_clear_error();
            return CryptoStatus::AUTHENTICATION_FAILED;
        }
        encoded = der;
    }

    EVP_MD_CTX* context = EVP_MD_CTX_new();
    EVP_PKEY_CTX* keyContext = nullptr;
    if (!context || EVP_DigestVerifyInit(context, &keyContext, digest, nullptr, m_key) != 1 ||
        (m_type == CryptoKeyType::RSA &&
         EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) <= 0))
    {
        EVP_MD_CTX_free(context);
        ERR_clear_error();
        return CryptoStatus::INTERNAL_ERROR;
    }
    // 1 is a valid signature; 0 or a negative value (malformed, wrong length) is not.
    const int verified =
        EVP_DigestVerify(context, DataOf(encoded), encoded.Size(), DataOf(data), data.Size());
    EVP_MD_CTX_free(context);
    ERR_clear_error();
    return verified == 1 ? CryptoStatus::OK : CryptoStatus::AUTHENTICATION_FAILED;
}

bool
CryptoPublicKey::Equals(const CryptoPublicKey& other) const
{
    const bool equal = EVP_PKEY_eq(m_key, other.m_key) == 1;
    ERR_clear_error();
    return equal;
}

EVP_PKEY*
CryptoPublicKey::GetEvpPkey() const
{
    return m_key;
}

} // namespace ns3
