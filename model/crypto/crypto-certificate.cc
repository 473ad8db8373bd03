/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-certificate.h"

#include "crypto-openssl-handles.h"
#include "crypto-openssl.h"
#include "crypto-pki-codec.h"

#include <arpa/inet.h>
#include <cstring>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>

namespace ns3
{

namespace
{

/// PEM passphrase callback that refuses: a PEM block marked encrypted must fail, not prompt.
int
RefusePassphrase(char* /* buffer */, int /* size */, int /* writing */, void* /* argument */)
{
    return 0;
}

/**
 * \param pem PEM text
 * \param notFound the error when the text holds no readable certificate
 * \param error receives notFound, with OpenSSL's reason, on failure (may be nullptr)
 * \return the first certificate of the text, or nullptr
 */
CryptoX509
ReadFirstCertificate(const std::string& pem, const std::string& notFound, std::string* error)
{
    CryptoBio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    CryptoX509 certificate(bio ? PEM_read_bio_X509(bio.get(), nullptr, RefusePassphrase, nullptr)
                               : nullptr);
    if (!certificate)
    {
        CryptoOpenssl::SetError(error, notFound);
    }
    return certificate;
}

/// \return the bytes a memory BIO holds
std::string
TextOf(BIO* bio)
{
    const char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return length > 0 && data ? std::string(data, static_cast<size_t>(length)) : std::string();
}

/// \return a distinguished name as RFC 4514 text
std::string
NameText(const X509_NAME* name)
{
    CryptoBio bio(BIO_new(BIO_s_mem()));
    if (!bio || !name)
    {
        return {};
    }
    // RFC 2253 (now RFC 4514) order and escaping, but UTF-8 kept as is rather than \XX-escaped.
    const unsigned long flags = XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
    return X509_NAME_print_ex(bio.get(), name, 0, flags) >= 0 ? TextOf(bio.get()) : "";
}

/// \return a Name's DER encoding
CryptoBytes
NameDer(const X509_NAME* name)
{
    const unsigned char* der = nullptr;
    size_t length = 0;
    if (!name || X509_NAME_get0_der(name, &der, &length) != 1)
    {
        ERR_clear_error();
        return {};
    }
    return CryptoBytes(der, der + length);
}

/// \return an ASN.1 time in seconds since the Unix epoch
int64_t
UnixSeconds(const ASN1_TIME* time)
{
    int days = 0;
    int seconds = 0;
    ASN1_TIME* epoch = ASN1_TIME_set(nullptr, 0);
    const bool ok = epoch && time && ASN1_TIME_diff(&days, &seconds, epoch, time) == 1;
    ASN1_TIME_free(epoch);
    if (!ok)
    {
        ERR_clear_error();
        return 0;
    }
    return static_cast<int64_t>(days) * 86400 + seconds;
}

/// \return the text of an IA5String SAN entry, or empty if it holds a NUL (which would let
///         "good.example\0.evil.example" pass as a different name)
std::string
Ia5Text(const ASN1_IA5STRING* value)
{
    if (!value)
    {
        return {};
    }
    const auto* data = reinterpret_cast<const char*>(ASN1_STRING_get0_data(value));
    const auto length = static_cast<size_t>(ASN1_STRING_length(value));
    if (!data || std::memchr(data, '\0', length))
    {
        return {};
    }
    return std::string(data, length);
}

/// \return an iPAddress SAN entry as text, or empty if it is neither 4 nor 16 bytes long
std::string
IpText(const ASN1_OCTET_STRING* value)
{
    if (!value)
    {
        return {};
    }
    const int length = ASN1_STRING_length(value);
    const int family = length == 4 ? AF_INET : length == 16 ? AF_INET6 : AF_UNSPEC;
    char text[INET6_ADDRSTRLEN] = {0};
    if (family == AF_UNSPEC || !inet_ntop(family, ASN1_STRING_get0_data(value), text, sizeof(text)))
    {
        return {};
    }
    return text;
}

/// \return the subjectAltName entries of one GeneralName type (GEN_DNS, GEN_IPADD, GEN_EMAIL)
std::vector<std::string>
AltNames(const X509* certificate, int type)
{
    std::vector<std::string> names;
    auto* all = static_cast<GENERAL_NAMES*>(
        X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    if (!all)
    {
        ERR_clear_error(); // absent or malformed: no names
        return names;
    }
    for (int i = 0; i < sk_GENERAL_NAME_num(all); ++i)
    {
        const GENERAL_NAME* entry = sk_GENERAL_NAME_value(all, i);
        if (!entry || entry->type != type)
        {
            continue;
        }
        std::string text = type == GEN_IPADD ? IpText(entry->d.iPAddress)
                           : type == GEN_DNS ? Ia5Text(entry->d.dNSName)
                                             : Ia5Text(entry->d.rfc822Name);
        if (!text.empty())
        {
            names.push_back(text);
        }
    }
    GENERAL_NAMES_free(all);
    return names;
}

} // namespace

CryptoCertificate::CryptoCertificate(X509* certificate)
    : m_certificate(certificate)
{
}

CryptoCertificate::~CryptoCertificate()
{
    X509_free(m_certificate);
}

Ptr<CryptoCertificate>
CryptoCertificate::FromPem(const std::string& pem, std::string* error)
{
    ERR_clear_error();
    CryptoX509 certificate =
        ReadFirstCertificate(pem,
                             "no certificate found in the PEM text (expected CERTIFICATE)",
                             error);
    return certificate ? Ptr<CryptoCertificate>(new CryptoCertificate(certificate.release()), false)
                       : nullptr;
}

Ptr<CryptoCertificate>
CryptoCertificate::FromPemFile(const std::string& path, std::string* error)
{
    auto parse = [](const std::string& pem, std::string* error) -> Ptr<CryptoCertificate> {
        CryptoX509 certificate =
            ReadFirstCertificate(pem, "no certificate found (expected PEM CERTIFICATE)", error);
        return certificate
                   ? Ptr<CryptoCertificate>(new CryptoCertificate(certificate.release()), false)
                   : nullptr;
    };
    return CryptoPkiCodec::ParsePemFile(path, "certificate", error, parse);
}

std::vector<Ptr<CryptoCertificate>>
CryptoCertificate::FromPemBundle(const std::string& pem, std::string* error)
{
    ERR_clear_error();
    std::vector<Ptr<CryptoCertificate>> certificates;
    CryptoBio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    X509* certificate = nullptr;
    while (bio && (certificate = PEM_read_bio_X509(bio.get(), nullptr, RefusePassphrase, nullptr)))
    {
        certificates.push_back(Ptr<CryptoCertificate>(new CryptoCertificate(certificate), false));
    }
    // Reading stops with "no start line" at the end of the text; any other error is a broken
    // block, and a bundle that is partly unreadable is refused as a whole.
    const unsigned long last = ERR_peek_last_error();
    const bool clean =
        ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE;
    if (!clean || certificates.empty())
    {
        CryptoOpenssl::SetError(error,
                                certificates.empty()
                                    ? "no certificate found in the PEM text"
                                    : "unreadable certificate after " +
                                          std::to_string(certificates.size()) + " good ones");
        return {};
    }
    ERR_clear_error();
    return certificates;
}

Ptr<CryptoCertificate>
CryptoCertificate::FromDer(CryptoByteView der, std::string* error)
{
    ERR_clear_error();
    CryptoX509 certificate =
        CryptoPkiCodec::DecodeDer<CryptoX509>(der,
                                              d2i_X509,
                                              "not a DER X.509 certificate",
                                              "bytes after the DER certificate",
                                              error);
    return certificate ? Ptr<CryptoCertificate>(new CryptoCertificate(certificate.release()), false)
                       : nullptr;
}

std::string
CryptoCertificate::GetSubjectName() const
{
    return NameText(X509_get_subject_name(m_certificate));
}

std::string
CryptoCertificate::GetIssuerName() const
{
    return NameText(X509_get_issuer_name(m_certificate));
}

CryptoBytes
CryptoCertificate::GetSubjectDer() const
{
    return NameDer(X509_get_subject_name(m_certificate));
}

CryptoBytes
CryptoCertificate::GetIssuerDer() const
{
    return NameDer(X509_get_issuer_name(m_certificate));
}

std::vector<std::string>
CryptoCertificate::GetSubjectAltDnsNames() const
{
    return AltNames(m_certificate, GEN_DNS);
}

std::vector<std::string>
CryptoCertificate::GetSubjectAltIpAddresses() const
{
    return AltNames(m_certificate, GEN_IPADD);
}

std::vector<std::string>
CryptoCertificate::GetSubjectAltEmails() const
{
    return AltNames(m_certificate, GEN_EMAIL);
}

int64_t
CryptoCertificate::GetNotBefore() const
{
    return UnixSeconds(X509_get0_notBefore(m_certificate));
}

int64_t
CryptoCertificate::GetNotAfter() const
{
    return UnixSeconds(X509_get0_notAfter(m_certificate));
}

std::string
CryptoCertificate::GetSerialNumber() const
{
    BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(m_certificate), nullptr);
    char* hex = serial ? BN_bn2hex(serial) : nullptr;
    std::string text = hex ? hex : "";
    OPENSSL_free(hex);
    BN_free(serial);
    ERR_clear_error();
    return text;
}

CryptoBytes
CryptoCertificate::GetDer() const
{
    CryptoBytes der = CryptoPkiCodec::EncodeDer(m_certificate, i2d_X509);
    if (der.empty())
    {
        ERR_clear_error();
    }
    return der;
}

std::string
CryptoCertificate::GetPem() const
{
    CryptoBio bio(BIO_new(BIO_s_mem()));
    std::string text =
        bio && PEM_write_bio_X509(bio.get(), m_certificate) == 1 ? TextOf(bio.get()) : "";
    ERR_clear_error();
    return text;
}

Ptr<CryptoPublicKey>
CryptoCertificate::GetPublicKey() const
{
    EVP_PKEY* key = X509_get0_pubkey(m_certificate); // not a new reference
    Ptr<CryptoPublicKey> publicKey = key ? CryptoPublicKey::FromEvpPkey(key, nullptr) : nullptr;
    ERR_clear_error();
    return publicKey;
}

CryptoStatus
CryptoCertificate::VerifyChain(const std::vector<Ptr<CryptoCertificate>>& trustedCas,
                               const std::vector<Ptr<CryptoCertificate>>& intermediates,
                               int64_t verificationTimeUnixSeconds,
                               std::string* reason) const
{
    if (reason)
    {
        reason->clear();
    }
    ERR_clear_error();
    X509_STORE* store = X509_STORE_new();
    STACK_OF(X509)* untrusted = sk_X509_new_null();
    X509_STORE_CTX* context = X509_STORE_CTX_new();
    auto release = [&]() {
        X509_STORE_CTX_free(context);
        sk_X509_free(untrusted); // the certificates stay owned by their CryptoCertificate
        X509_STORE_free(store);
        ERR_clear_error();
    };
    if (!store || !untrusted || !context)
    {
        release();
        return CryptoStatus::INTERNAL_ERROR;
    }

    // Only the given anchors are trusted: no default paths, no system store.
    int anchors = 0;
    for (const auto& ca : trustedCas)
    {
        if (ca && X509_STORE_add_cert(store, ca->m_certificate) == 1)
        {
            ++anchors;
        }
    }
    if (anchors == 0)
    {
        if (reason)
        {
            *reason = "no trusted CA certificate configured";
        }
        release();
        return CryptoStatus::AUTHENTICATION_FAILED;
    }
    for (const auto& intermediate : intermediates)
    {
        if (intermediate && sk_X509_push(untrusted, intermediate->m_certificate) <= 0)
        {
            release();
            return CryptoStatus::INTERNAL_ERROR;
        }
    }
    if (X509_STORE_CTX_init(context, store, m_certificate, untrusted) != 1)
    {
        release();
        return CryptoStatus::INTERNAL_ERROR;
    }
    // Validity is judged at the simulation's time, never the host's clock (this also sets
    // X509_V_FLAG_USE_CHECK_TIME). Set after init, which copies the store's parameters.
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(context),
                               static_cast<time_t>(verificationTimeUnixSeconds));

    const int verified = X509_verify_cert(context);
    if (verified == 1)
    {
        release();
        return CryptoStatus::OK;
    }
    if (reason)
    {
        const int code = X509_STORE_CTX_get_error(context);
        *reason = X509_verify_cert_error_string(code);
        const X509* failing = X509_STORE_CTX_get_current_cert(context);
        *reason += " (depth " + std::to_string(X509_STORE_CTX_get_error_depth(context));
        if (failing)
        {
            *reason += ", " + NameText(X509_get_subject_name(failing));
        }
        *reason += ")";
    }
    release();
    return CryptoStatus::AUTHENTICATION_FAILED;
}

} // namespace ns3
