/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_DISTINGUISHED_NAME_H
#define IKEV2_DISTINGUISHED_NAME_H

#include "ns3/crypto-bytes.h"

#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Distinguished names of ID_DER_ASN1_DN identities: text <-> DER and comparison.
 *
 * Text is RFC 4514 style, most specific RDN first ("CN=gw1,O=Example,C=US"), the order Junos
 * and OpenSSL print; white space around the separators is ignored and a backslash escapes the
 * next character. Multi-valued RDNs ('+') are not supported. DER is the X.501 Name that an
 * ID_DER_ASN1_DN identification carries (RFC 7296 section 3.5), least specific RDN first.
 */
class Ikev2DistinguishedName
{
  public:
    /**
     * \param text a distinguished name
     * \param der receives its DER encoding on success (attribute values as UTF8String, the
     *        country as PrintableString, which is what OpenSSL's certificate tools write)
     * \param error receives the reason on failure (may be nullptr)
     * \return true on success
     */
    static bool TextToDer(const std::string& text, CryptoBytes* der, std::string* error);

    /**
     * \param der a DER Name
     * \param text receives its RFC 4514 text on success
     * \return false if der is not one complete DER Name
     */
    static bool DerToText(CryptoByteView der, std::string* text);

    /**
     * \brief Compares two DER names on OpenSSL's canonical encoding (X509_NAME_cmp): string
     * types unified, ASCII case folded, white space collapsed (RFC 5280 section 7.1).
     * \param a a DER Name
     * \param b another
     * \return true if both decode and are the same name; false otherwise
     */
    static bool DerEqual(CryptoByteView a, CryptoByteView b);
};

} // namespace ns3

#endif /* IKEV2_DISTINGUISHED_NAME_H */
