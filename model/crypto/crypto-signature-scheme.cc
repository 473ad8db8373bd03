/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-signature-scheme.h"

#include <strings.h>

namespace ns3
{

const std::vector<CryptoSignatureSchemeInfo>&
CryptoSignatureSchemes()
{
    // Listed in enum order: CryptoGetSignatureSchemeInfo() indexes this table by the enum value.
    static const std::vector<CryptoSignatureSchemeInfo> schemes = {
        {CryptoSignatureScheme::RSA_PKCS1_SHA1,
         "RSA_PKCS1_SHA1",
         CryptoKeyType::RSA,
         nullptr,
         "SHA1",
         20,
         1,
         "RFC 7296 section 3.8"},
        {CryptoSignatureScheme::RSA_PKCS1_SHA256,
         "RSA_PKCS1_SHA256",
         CryptoKeyType::RSA,
         nullptr,
         "SHA2-256",
         32,
         0,
         "RFC 8017 section 8.2, RFC 7427"},
        {CryptoSignatureScheme::RSA_PKCS1_SHA384,
         "RSA_PKCS1_SHA384",
         CryptoKeyType::RSA,
         nullptr,
         "SHA2-384",
         48,
         0,
         "RFC 8017 section 8.2, RFC 7427"},
        {CryptoSignatureScheme::RSA_PKCS1_SHA512,
         "RSA_PKCS1_SHA512",
         CryptoKeyType::RSA,
         nullptr,
         "SHA2-512",
         64,
         0,
         "RFC 8017 section 8.2, RFC 7427"},
        {CryptoSignatureScheme::ECDSA_P256_SHA256,
         "ECDSA_P256_SHA256",
         CryptoKeyType::EC,
         "P-256",
         "SHA2-256",
         32,
         9,
         "RFC 4754"},
        {CryptoSignatureScheme::ECDSA_P384_SHA384,
         "ECDSA_P384_SHA384",
         CryptoKeyType::EC,
         "P-384",
         "SHA2-384",
         48,
         10,
         "RFC 4754"},
        {CryptoSignatureScheme::ECDSA_P521_SHA512,
         "ECDSA_P521_SHA512",
         CryptoKeyType::EC,
         "P-521",
         "SHA2-512",
         64,
         11,
         "RFC 4754"},
    };
    return schemes;
}

const CryptoSignatureSchemeInfo&
CryptoGetSignatureSchemeInfo(CryptoSignatureScheme scheme)
{
    const auto& schemes = CryptoSignatureSchemes();
    const auto index = static_cast<size_t>(scheme);
    // An enum value outside the table can only come from a cast in the caller's code; answer
    // with the first entry rather than reading out of bounds.
    return index < schemes.size() ? schemes[index] : schemes.front();
}

const char*
CryptoSignatureSchemeName(CryptoSignatureScheme scheme)
{
    return CryptoGetSignatureSchemeInfo(scheme).name;
}

const char*
CryptoSignatureSchemeDigest(CryptoSignatureScheme scheme)
{
    return CryptoGetSignatureSchemeInfo(scheme).digestName;
}

uint8_t
CryptoSignatureSchemeIkeAuthMethod(CryptoSignatureScheme scheme)
{
    return CryptoGetSignatureSchemeInfo(scheme).ikeAuthMethod;
}

bool
CryptoSignatureSchemeFromIkeAuthMethod(uint8_t method, CryptoSignatureScheme* scheme)
{
    if (method == 0)
    {
        return false; // 0 marks "no method" in the table, it is not a wire value
    }
    for (const auto& info : CryptoSignatureSchemes())
    {
        if (info.ikeAuthMethod == method)
        {
            if (scheme)
            {
                *scheme = info.scheme;
            }
            return true;
        }
    }
    return false;
}

bool
CryptoSignatureSchemeFromName(const std::string& name, CryptoSignatureScheme* scheme)
{
    for (const auto& info : CryptoSignatureSchemes())
    {
        if (strcasecmp(info.name, name.c_str()) == 0)
        {
            if (scheme)
            {
                *scheme = info.scheme;
            }
            return true;
        }
    }
    return false;
}

std::ostream&
operator<<(std::ostream& os, CryptoSignatureScheme scheme)
{
    return os << CryptoSignatureSchemeName(scheme);
}

const char*
CryptoKeyTypeName(CryptoKeyType type)
{
    switch (type)
    {
    case CryptoKeyType::RSA:
        return "RSA";
    case CryptoKeyType::EC:
        return "EC";
    }
    return "UNKNOWN";
}

} // namespace ns3
