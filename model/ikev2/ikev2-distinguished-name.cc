/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-distinguished-name.h"

#include <memory>
#include <openssl/bio.h>
#include <openssl/x509.h>
#include <utility>
#include <vector>

namespace ns3
{

namespace
{

struct NameDeleter
{
    void operator()(X509_NAME* name) const
    {
        X509_NAME_free(name);
    }
};

struct BioDeleter
{
    void operator()(BIO* bio) const
    {
        BIO_free(bio);
    }
};

using NamePtr = std::unique_ptr<X509_NAME, NameDeleter>;

std::string
Trim(const std::string& text)
{
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
    {
        return "";
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

/// Splits at unescaped commas, removing the escapes; false on a dangling backslash or a '+'.
bool
SplitRdns(const std::string& text, std::vector<std::string>* rdns, std::string* error)
{
    std::string current;
    for (size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        if (c == '\\')
        {
            if (++i == text.size())
            {
                *error = "dangling backslash";
                return false;
            }
            current += text[i];
        }
        else if (c == ',')
        {
            rdns->push_back(current);
            current.clear();
        }
        else if (c == '+')
        {
            *error = "multi-valued RDNs ('+') are not supported";
            return false;
        }
        else
        {
            current += c;
        }
    }
    rdns->push_back(current);
    return true;
}

NamePtr
DecodeName(CryptoByteView der)
{
    const unsigned char* cursor = der.Data();
    NamePtr name(d2i_X509_NAME(nullptr, &cursor, static_cast<long>(der.Size())));
    // One complete Name and nothing after it.
    if (name && cursor != der.Data() + der.Size())
    {
        name.reset();
    }
    return name;
}

} // namespace

bool
Ikev2DistinguishedName::TextToDer(const std::string& text, CryptoBytes* der, std::string* error)
{
    std::string problem;
    std::vector<std::string> rdns;
    if (!SplitRdns(text, &rdns, &problem))
    {
        if (error)
        {
            *error = problem;
        }
        return false;
    }
    NamePtr name(X509_NAME_new());
    // The text lists the most specific RDN first; DER starts with the least specific one.
    for (auto rdn = rdns.rbegin(); rdn != rdns.rend(); ++rdn)
    {
        const size_t equals = rdn->find('=');
        const std::string type = Trim(rdn->substr(0, equals));
        const std::string value = equals == std::string::npos ? "" : Trim(rdn->substr(equals + 1));
        if (equals == std::string::npos || type.empty() || value.empty())
        {
            if (error)
            {
                *error = "'" + Trim(*rdn) + "' is not of the form TYPE=value";
            }
            return false;
        }
        if (X509_NAME_add_entry_by_txt(name.get(),
                                       type.c_str(),
                                       MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char*>(value.data()),
                                       static_cast<int>(value.size()),
                                       -1,
                                       0) != 1)
        {
            if (error)
            {
                *error = "unknown attribute type or bad value in '" + Trim(*rdn) + "'";
            }
            return false;
        }
    }
    unsigned char* out = nullptr;
    const int length = i2d_X509_NAME(name.get(), &out);
    if (length <= 0)
    {
        if (error)
        {
            *error = "cannot be DER encoded";
        }
        return false;
    }
    der->assign(out, out + length);
    OPENSSL_free(out);
    return true;
}

bool
Ikev2DistinguishedName::DerToText(CryptoByteView der, std::string* text)
{
    NamePtr name = DecodeName(der);
    if (!name)
    {
        return false;
    }
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new(BIO_s_mem()));
    // RFC 2253/4514 order and escaping, but UTF-8 kept readable.
    if (X509_NAME_print_ex(bio.get(), name.get(), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
    {
        return false;
    }
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    text->assign(data, static_cast<size_t>(size));
    return true;
}

bool
Ikev2DistinguishedName::DerEqual(CryptoByteView a, CryptoByteView b)
{
    NamePtr first = DecodeName(a);
    NamePtr second = DecodeName(b);
    return first && second && X509_NAME_cmp(first.get(), second.get()) == 0;
}

} // namespace ns3
