/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-public-key.h"

#include "crypto-openssl-handles.h"
#include "crypto-openssl.h"
#include "crypto-pki-codec.h"

#include <cstring>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace ns3
{

namespace
{

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
    der = CryptoPkiCodec::EncodeDer(sig, i2d_ECDSA_SIG);
    ECDSA_SIG_free(sig); // also frees r and s
    return !der.empty();
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
        CryptoOpenssl::SetError(error, "no key");
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
        CryptoOpenssl::SetError(error,
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
        CryptoOpenssl::SetError(
            error,
            "EC key without a named curve (explicit parameters are not supported)");
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
    CryptoEvpPkey key = CryptoPkiCodec::DecodePemKey(
        pem,
        EVP_PKEY_PUBLIC_KEY,
        nullptr,
        "no public key found in the PEM text (expected PUBLIC KEY or RSA PUBLIC KEY)",
        error);
    return key ? FromEvpPkey(key.get(), error) : nullptr;
}

Ptr<CryptoPublicKey>
CryptoPublicKey::FromPemFile(const std::string& path, std::string* error)
{
    return CryptoPkiCodec::ParsePemFile(path, "public key", error, FromPem);
}

Ptr<CryptoPublicKey>
CryptoPublicKey::FromDer(CryptoByteView der, std::string* error)
{
    ERR_clear_error();
    CryptoEvpPkey key =
        CryptoPkiCodec::DecodeDer<CryptoEvpPkey>(der,
                                                 d2i_PUBKEY,
                                                 "not a DER SubjectPublicKeyInfo",
                                                 "bytes after the DER SubjectPublicKeyInfo",
                                                 error);
    return key ? FromEvpPkey(key.get(), error) : nullptr;
}

Ptr<CryptoPublicKey>
CryptoPublicKey::FromEcPoint(const std::string& curve,
                             CryptoByteView x,
                             CryptoByteView y,
                             std::string* error)
{
    ERR_clear_error();
    CryptoEcGroup group = CryptoPkiCodec::NewCurve(curve, error);
    if (!group)
    {
        return nullptr;
    }
    const size_t coordinateBytes = (EC_GROUP_get_degree(group.get()) + 7) / 8;
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
    CryptoEcPoint checked(EC_POINT_new(group.get()));
    fits = fits && checked &&
           EC_POINT_oct2point(group.get(), checked.get(), point.data(), point.size(), nullptr) == 1;
    if (!fits)
    {
        CryptoOpenssl::SetError(error, "the point is not on curve " + curve);
        return nullptr;
    }
    CryptoEvpPkey key = CryptoPkiCodec::BuildEcKey(group.get(), point, nullptr);
    if (!key)
    {
        CryptoOpenssl::SetError(error, "cannot build an EC public key on " + curve);
        return nullptr;
    }
    return FromEvpPkey(key.get(), error);
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
    CryptoBytes der = CryptoPkiCodec::EncodeDer(m_key, i2d_PUBKEY);
    if (der.empty())
    {
        ERR_clear_error();
    }
    return der;
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

    CryptoEvpMdContext context(EVP_MD_CTX_new());
    EVP_PKEY_CTX* keyContext = nullptr; // owned by context
    if (!context || EVP_DigestVerifyInit(context.get(), &keyContext, digest, nullptr, m_key) != 1 ||
        (m_type == CryptoKeyType::RSA &&
         EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) <= 0))
    {
        ERR_clear_error();
        return CryptoStatus::INTERNAL_ERROR;
    }
    // 1 is a valid signature; 0 or a negative value (malformed, wrong length) is not.
    const int verified = EVP_DigestVerify(context.get(),
                                          CryptoPkiCodec::DataOf(encoded),
                                          encoded.Size(),
                                          CryptoPkiCodec::DataOf(data),
                                          data.Size());
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
