/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_PKI_CODEC_H
#define CRYPTO_PKI_CODEC_H

#include "crypto-bytes.h"
#include "crypto-openssl-handles.h"
#include "crypto-openssl.h"

#include <cstdint>
#include <openssl/crypto.h>
#include <openssl/types.h>
#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The PEM, DER and key-building steps that the certificate, public key and private key
 * classes share, so that each is written, and reports its errors, one way.
 *
 * Like those classes, nothing here throws on bad input: failures come back as nullptr or false,
 * with the reason in the caller's optional error string.
 */
class CryptoPkiCodec
{
  public:
    /**
     * \brief Reads a PEM file and hands its text to a parser, naming the file in any error.
     *
     * The text is wiped once parsed: a private key file holds the secret itself.
     *
     * \tparam Parse callable as parse(const std::string& pem, std::string* error), returning a
     *         Ptr that is null on failure
     * \param path the file
     * \param what what the file holds, for messages ("public key", "certificate")
     * \param error receives "cannot open <what> file '<path>': <system reason>", or the parser's
     *        reason prefixed with "<what> file '<path>': " (may be nullptr)
     * \param parse the parser
     * \return what the parser returns, or null if the file cannot be opened
     */
    template <typename Parse>
    static auto ParsePemFile(const std::string& path,
                             const std::string& what,
                             std::string* error,
                             Parse parse) -> decltype(parse(std::string(), error));

    /**
     * \brief Decodes a key from PEM text, in any structure OpenSSL knows for the selection
     * (SubjectPublicKeyInfo, PKCS#8, PKCS#1, SEC 1 ...).
     * \param pem PEM text
     * \param selection EVP_PKEY_PUBLIC_KEY or EVP_PKEY_KEYPAIR
     * \param passphrase answers OpenSSL's request for the passphrase of an encrypted key, or
     *        nullptr for none (OpenSSL then fails the decoding; it never prompts)
     * \param notFound the error when the text holds no such key
     * \param error receives notFound, with OpenSSL's reason, on failure (may be nullptr)
     * \return the key, or nullptr
     */
    static CryptoEvpPkey DecodePemKey(const std::string& pem,
                                      int selection,
                                      OSSL_PASSPHRASE_CALLBACK* passphrase,
                                      const std::string& notFound,
                                      std::string* error);

    /**
     * \brief Decodes exactly one DER structure: trailing bytes are refused, since they would
     * let two different encodings stand for the same object.
     * \tparam Handle the owning handle of the result, e.g. CryptoX509
     * \param der the DER bytes
     * \param decode OpenSSL's d2i function, e.g. d2i_X509
     * \param notDer the error when der does not decode, e.g. "not a DER X.509 certificate"
     * \param trailing the error when bytes follow the structure
     * \param error receives the reason on failure, with OpenSSL's (may be nullptr)
     * \return the object, or nullptr
     */
    template <typename Handle>
    static Handle DecodeDer(CryptoByteView der,
                            typename Handle::pointer (*decode)(typename Handle::pointer*,
                                                               const unsigned char**,
                                                               long),
                            const std::string& notDer,
                            const std::string& trailing,
                            std::string* error);

    /**
     * \brief Encodes an object as DER.
     * \tparam T the OpenSSL type
     * \param object the object
     * \param encode OpenSSL's i2d function, e.g. i2d_X509
     * \return the DER bytes; empty on failure, with OpenSSL's reason left in its error queue
     */
    template <typename T>
    static CryptoBytes EncodeDer(const T* object, int (*encode)(const T*, unsigned char**));

    /**
     * \param curve a NIST name ("P-256") or an OpenSSL short name ("prime256v1")
     * \param error receives "unknown elliptic curve '<curve>'" on failure (may be nullptr)
     * \return the curve, or nullptr
     */
    static CryptoEcGroup NewCurve(const std::string& curve, std::string* error);

    /**
     * \brief Builds an EC key on a named curve from its public point and, for a key pair, its
     * private scalar.
     * \param group a named curve
     * \param point the public point, SEC 1 uncompressed (0x04 || x || y)
     * \param privateScalar the private scalar d, or nullptr for a public key alone
     * \return the key, or nullptr if OpenSSL refuses the values
     */
    static CryptoEvpPkey BuildEcKey(const EC_GROUP* group,
                                    CryptoByteView point,
                                    const BIGNUM* privateScalar);

    /**
     * \param bytes a view, possibly empty
     * \return its first byte, never nullptr: OpenSSL rejects a null pointer even for no bytes
     */
    static const uint8_t* DataOf(CryptoByteView bytes);

  private:
    /**
     * \brief Reads a whole file through OpenSSL's file BIO.
     * \param path the file
     * \param what what the file holds, for the message
     * \param text receives the content
     * \param error receives "cannot open <what> file '<path>': <system reason>" (may be nullptr)
     * \return false if the file cannot be opened
     */
    static bool ReadFile(const std::string& path,
                         const std::string& what,
                         std::string& text,
                         std::string* error);
};

template <typename Parse>
auto
CryptoPkiCodec::ParsePemFile(const std::string& path,
                             const std::string& what,
                             std::string* error,
                             Parse parse) -> decltype(parse(std::string(), error))
{
    decltype(parse(std::string(), error)) result;
    std::string pem;
    if (!ReadFile(path, what, pem, error))
    {
        return result;
    }
    result = parse(pem, error);
    OPENSSL_cleanse(&pem[0], pem.size());
    if (!result && error)
    {
        *error = what + " file '" + path + "': " + *error;
    }
    return result;
}

template <typename Handle>
Handle
CryptoPkiCodec::DecodeDer(CryptoByteView der,
                          typename Handle::pointer (*decode)(typename Handle::pointer*,
                                                             const unsigned char**,
                                                             long),
                          const std::string& notDer,
                          const std::string& trailing,
                          std::string* error)
{
    const unsigned char* cursor = der.Data();
    Handle object(der.IsEmpty() ? nullptr
                                : decode(nullptr, &cursor, static_cast<long>(der.Size())));
    if (!object)
    {
        CryptoOpenssl::SetError(error, notDer);
        return nullptr;
    }
    if (cursor != der.Data() + der.Size())
    {
        CryptoOpenssl::SetError(error, trailing);
        return nullptr;
    }
    return object;
}

template <typename T>
CryptoBytes
CryptoPkiCodec::EncodeDer(const T* object, int (*encode)(const T*, unsigned char**))
{
    unsigned char* der = nullptr;
    const int length = encode(object, &der);
    if (length <= 0)
    {
        return {};
    }
    CryptoBytes bytes(der, der + length);
    OPENSSL_free(der);
    return bytes;
}

} // namespace ns3

#endif /* CRYPTO_PKI_CODEC_H */
