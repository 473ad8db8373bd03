/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-pki-codec.h"

#include <cerrno>
#include <cstring>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/objects.h>

namespace ns3
{

bool
CryptoPkiCodec::ReadFile(const std::string& path,
                         const std::string& what,
                         std::string& text,
                         std::string* error)
{
    ERR_clear_error();
    CryptoBio file(BIO_new_file(path.c_str(), "rb"));
    if (!file)
    {
        const int code = errno;
        ERR_clear_error();
        if (error)
        {
            *error = "cannot open " + what + " file '" + path + "': " + std::strerror(code);
        }
        return false;
    }
    text.clear();
    char buffer[4096];
    int got = 0;
    while ((got = BIO_read(file.get(), buffer, sizeof(buffer))) > 0)
    {
        text.append(buffer, static_cast<size_t>(got));
    }
    // A read error (a directory, say) leaves the text short; the parser reports what is wrong
    // with it, so the read's own errors must not be blamed on the parser.
    ERR_clear_error();
    return true;
}

CryptoEvpPkey
CryptoPkiCodec::DecodePemKey(const std::string& pem,
                             int selection,
                             OSSL_PASSPHRASE_CALLBACK* passphrase,
                             const std::string& notFound,
                             std::string* error)
{
    EVP_PKEY* key = nullptr;
    CryptoDecoderContext decoder(
        OSSL_DECODER_CTX_new_for_pkey(&key, "PEM", nullptr, nullptr, selection, nullptr, nullptr));
    if (decoder && passphrase)
    {
        OSSL_DECODER_CTX_set_passphrase_cb(decoder.get(), passphrase, nullptr);
    }
    const unsigned char* cursor = reinterpret_cast<const unsigned char*>(pem.data());
    size_t left = pem.size();
    if (!decoder || OSSL_DECODER_from_data(decoder.get(), &cursor, &left) != 1)
    {
        EVP_PKEY_free(key);
        CryptoOpenssl::SetError(error, notFound);
        return nullptr;
    }
    return CryptoEvpPkey(key);
}

CryptoEcGroup
CryptoPkiCodec::NewCurve(const std::string& curve, std::string* error)
{
    CryptoEcGroup group = CryptoNewEcGroup(curve);
    if (!group)
    {
        CryptoOpenssl::SetError(error, "unknown elliptic curve '" + curve + "'");
    }
    return group;
}

CryptoEvpPkey
CryptoPkiCodec::BuildEcKey(const EC_GROUP* group, CryptoByteView point, const BIGNUM* privateScalar)
{
    const int nid = EC_GROUP_get_curve_name(group);
    CryptoParamBuilder builder(OSSL_PARAM_BLD_new());
    CryptoParams params;
    CryptoEvpPkeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY* key = nullptr;
    if (builder &&
        OSSL_PARAM_BLD_push_utf8_string(builder.get(),
                                        OSSL_PKEY_PARAM_GROUP_NAME,
                                        OBJ_nid2sn(nid),
                                        0) == 1 &&
        (!privateScalar ||
         OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, privateScalar) == 1) &&
        OSSL_PARAM_BLD_push_octet_string(builder.get(),
                                         OSSL_PKEY_PARAM_PUB_KEY,
                                         point.Data(),
                                         point.Size()) == 1)
    {
        params.reset(OSSL_PARAM_BLD_to_param(builder.get()));
    }
    if (params && context && EVP_PKEY_fromdata_init(context.get()) == 1)
    {
        // key stays nullptr when OpenSSL refuses the values.
        EVP_PKEY_fromdata(context.get(),
                          &key,
                          privateScalar ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                          params.get());
    }
    // OpenSSL 3.0 has no OSSL_PARAM_clear_free(): wipe the copied scalar before freeing.
    OSSL_PARAM* secretParam =
        params ? OSSL_PARAM_locate(params.get(), OSSL_PKEY_PARAM_PRIV_KEY) : nullptr;
    if (secretParam && secretParam->data)
    {
        OPENSSL_cleanse(secretParam->data, secretParam->data_size);
    }
    return CryptoEvpPkey(key);
}

const uint8_t*
CryptoPkiCodec::DataOf(CryptoByteView bytes)
{
    static const uint8_t none = 0;
    return bytes.Data() ? bytes.Data() : &none;
}

} // namespace ns3
