/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_IDENTITY_H
#define IKEV2_IDENTITY_H

#include "ns3/crypto-bytes.h"
#include "ns3/ikev2-id-payload.h"
#include "ns3/ipsec-ip-address.h"

#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief An IKE identity as a value: the RFC 7296 section 3.5 ID type and its identification
 * data, parsed from the Junos `local-identity` / `remote-identity` forms.
 *
 * Junos forms and what they become:
 * - `inet 192.0.2.1` -> ID_IPV4_ADDR, 4 bytes
 * - `inet6 2001:db8::1` -> ID_IPV6_ADDR, 16 bytes
 * - `hostname gw1.example.net` -> ID_FQDN, the name's ASCII bytes
 * - `user-at-hostname vpn@example.net` -> ID_RFC822_ADDR, the address's ASCII bytes
 * - `distinguished-name CN=gw1,O=Example,C=US` -> ID_DER_ASN1_DN, the Name's DER encoding
 *   (text in RFC 4514 order, most specific RDN first, as Junos and OpenSSL print it)
 *
 * Matching a received identity against a configured one (Matches()): addresses by value, FQDN
 * case-insensitively (DNS names are, RFC 4343), user@FQDN with the local part exact and the
 * domain case-insensitive (RFC 5321 section 2.4), and distinguished names on OpenSSL's
 * canonical form of the decoded DER (X509_NAME_cmp: string types unified, case folded, inner
 * white space collapsed, as RFC 5280 section 7.1 recommends), so that a peer whose certificate
 * encodes an attribute as PrintableString still matches a name we encoded as UTF8String.
 * Other types (KEY_ID, DER_ASN1_GN) match on identical bytes.
 */
class Ikev2Identity
{
  public:
    /// An empty ID_KEY_ID identity (the default value; configuration never produces it).
    Ikev2Identity();

    /**
     * \param type the ID type
     * \param data the identification data as it goes on the wire
     */
    Ikev2Identity(Ikev2IdentificationType type, CryptoBytes data);

    /**
     * \brief Parses a Junos identity form ("hostname gw1.example.net", "inet 192.0.2.1", ...).
     * \param text the configuration text
     * \param where the object and field, for the message (e.g. "ike gateway 'gw1',
     *        local-identity")
     * \return the identity
     * \throws std::invalid_argument naming where, the text and the allowed forms
     */
    static Ikev2Identity Parse(const std::string& text, const std::string& where);

    /**
     * \param address an address
     * \return ID_IPV4_ADDR or ID_IPV6_ADDR of it (the Junos default local identity)
     */
    static Ikev2Identity FromAddress(const IpsecIpAddress& address);

    /**
     * \param payload a received IDi or IDr payload
     * \return its identity
     */
    static Ikev2Identity FromPayload(const Ikev2IdPayload& payload);

    /**
     * \param isInitiator true for IDi, false for IDr
     * \return the ID payload carrying this identity
     */
    Ikev2IdPayload ToPayload(bool isInitiator) const;

    /**
     * \return RestOfIDPayload of RFC 7296 section 2.15: ID type, three reserved zero bytes,
     *         identification data (what prf(SK_p, ...) covers in the AUTH computation)
     */
    CryptoBytes GetRestOfIdPayload() const;

    /// \return the ID type
    Ikev2IdentificationType GetType() const;

    /// \return the identification data
    const CryptoBytes& GetData() const;

    /**
     * \param received the identity a peer sent
     * \return true if it is the identity this one (the configured one) names, by the rules in
     *         the class description
     */
    bool Matches(const Ikev2Identity& received) const;

    /// \return the Junos form ("hostname gw1.example.net"), or "key-id <hex>" and the like
    std::string ToString() const;

    /**
     * \param other another identity
     * \return true if type and bytes are identical
     */
    bool operator==(const Ikev2Identity& other) const;

  private:
    Ikev2IdentificationType m_type; //!< ID type
    CryptoBytes m_data;             //!< identification data
};

/**
 * \param os output stream
 * \param identity an identity
 * \return os, after writing identity.ToString()
 */
std::ostream& operator<<(std::ostream& os, const Ikev2Identity& identity);

} // namespace ns3

#endif /* IKEV2_IDENTITY_H */
