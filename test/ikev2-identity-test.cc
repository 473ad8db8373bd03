/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * IKE identities: the Junos forms, the ID payload, and matching a received identity against
 * the configured one.
 */
#include "ns3/ikev2-distinguished-name.h"
#include "ns3/ikev2-identity.h"

#include <gtest/gtest.h>
#include <openssl/x509.h>

using namespace ns3;

namespace
{

Ikev2Identity
Parse(const std::string& text)
{
    return Ikev2Identity::Parse(text, "ike gateway 'gw1', remote-identity");
}

Ikev2Identity
Fqdn(const std::string& name)
{
    return Ikev2Identity(Ikev2IdentificationType::FQDN, CryptoBytes(name.begin(), name.end()));
}

Ikev2Identity
Email(const std::string& address)
{
    return Ikev2Identity(Ikev2IdentificationType::RFC822_ADDR,
                         CryptoBytes(address.begin(), address.end()));
}

/// A DER Name written by OpenSSL directly, with the attribute string types it picks.
CryptoBytes
OpensslName(const std::vector<std::pair<std::string, std::string>>& entries, int stringType)
{
    X509_NAME* name = X509_NAME_new();
    for (const auto& [type, value] : entries)
    {
        X509_NAME_add_entry_by_txt(name,
                                   type.c_str(),
                                   stringType,
                                   reinterpret_cast<const unsigned char*>(value.c_str()),
                                   -1,
                                   -1,
                                   0);
    }
    unsigned char* der = nullptr;
    int length = i2d_X509_NAME(name, &der);
    CryptoBytes bytes(der, der + length);
    OPENSSL_free(der);
    X509_NAME_free(name);
    return bytes;
}

} // namespace

TEST(Ikev2Identity, ParsesJunosForms)
{
    Ikev2Identity v4 = Parse("inet 192.0.2.1");
    EXPECT_EQ(v4.GetType(), Ikev2IdentificationType::IPV4_ADDR);
    EXPECT_EQ(v4.GetData(), (CryptoBytes{192, 0, 2, 1}));
    Ikev2Identity v6 = Parse("inet6 2001:db8::1");
    EXPECT_EQ(v6.GetType(), Ikev2IdentificationType::IPV6_ADDR);
    ASSERT_EQ(v6.GetData().size(), 16u);
    EXPECT_EQ(v6.GetData()[0], 0x20);
    EXPECT_EQ(v6.GetData()[15], 0x01);
    EXPECT_EQ(v6.ToString(), "inet6 2001:db8::1");
    Ikev2Identity host = Parse("hostname srx1.example.net");
    EXPECT_EQ(host.GetType(), Ikev2IdentificationType::FQDN);
    EXPECT_EQ(host.ToString(), "hostname srx1.example.net");
    Ikev2Identity user = Parse("user-at-hostname vpn@example.net");
    EXPECT_EQ(user.GetType(), Ikev2IdentificationType::RFC822_ADDR);
    EXPECT_EQ(user.ToString(), "user-at-hostname vpn@example.net");
    Ikev2Identity dn = Parse("distinguished-name CN=srx1.example.net, O=Example, C=US");
    EXPECT_EQ(dn.GetType(), Ikev2IdentificationType::DER_ASN1_DN);
    EXPECT_EQ(dn.ToString(), "distinguished-name CN=srx1.example.net,O=Example,C=US");
    // DER starts with the least specific RDN (C) although the text starts with CN.
    std::string text;
    ASSERT_TRUE(Ikev2DistinguishedName::DerToText(dn.GetData(), &text));
    EXPECT_EQ(text, "CN=srx1.example.net,O=Example,C=US");
    EXPECT_EQ(
        dn.GetData(),
        OpensslName({{"C", "US"}, {"O", "Example"}, {"CN", "srx1.example.net"}}, MBSTRING_UTF8));
}

TEST(Ikev2Identity, BadFormsNameTheText)
{
    for (const std::string& text : {"inet 192.0.2.300",
                                    "inet 2001:db8::1",
                                    "inet6 192.0.2.1",
                                    "hostname bad_host!",
                                    "hostname a..b",
                                    "user-at-hostname nobody",
                                    "user-at-hostname @example.net",
                                    "user-at-hostname a@b@example.net",
                                    "distinguished-name CN",
                                    "distinguished-name XX=1",
                                    "distinguished-name CN=a+OU=b",
                                    "fqdn srx1.example.net",
                                    "hostname"})
    {
        SCOPED_TRACE(text);
        try
        {
            Parse(text);
            ADD_FAILURE() << "accepted";
        }
        catch (const std::invalid_argument& error)
        {
            std::string message = error.what();
            EXPECT_EQ(
                message.rfind("ike gateway 'gw1', remote-identity: bad identity '" + text + "'", 0),
                0u)
                << message;
            EXPECT_NE(message.find("allowed: inet <IPv4 address>"), std::string::npos);
        }
    }
}

TEST(Ikev2Identity, PayloadRoundTripAndRestOfPayload)
{
    Ikev2Identity user = Parse("user-at-hostname vpn@example.net");
    Ikev2IdPayload payload = user.ToPayload(true);
    EXPECT_EQ(payload.GetType(), Ikev2PayloadType::IDENTIFICATION_INITIATOR);
    EXPECT_EQ(user.ToPayload(false).GetType(), Ikev2PayloadType::IDENTIFICATION_RESPONDER);
    Ikev2WireWriter writer;
    payload.SerializeBody(writer);
    // The payload body is exactly RestOfIDPayload (RFC 7296 sections 2.15 and 3.5).
    EXPECT_EQ(writer.GetBytes(), user.GetRestOfIdPayload());
    Ikev2IdPayload parsed(true);
    Ikev2WireReader reader(writer.GetBytes());
    ASSERT_EQ(parsed.ParseBody(reader), Ikev2ParseError::NONE);
    EXPECT_EQ(Ikev2Identity::FromPayload(parsed), user);
}

TEST(Ikev2Identity, MatchingRules)
{
    // Addresses by value; the family must agree.
    EXPECT_TRUE(Parse("inet 192.0.2.1")
                    .Matches(Ikev2Identity::FromAddress(IpsecIpAddress(Ipv4Address("192.0.2.1")))));
    EXPECT_FALSE(Parse("inet 192.0.2.1").Matches(Parse("inet 192.0.2.2")));
    EXPECT_FALSE(Parse("inet6 ::ffff:192.0.2.1").Matches(Parse("inet 192.0.2.1")));
    // FQDN case-insensitive, not a suffix match.
    EXPECT_TRUE(Parse("hostname srx1.example.net").Matches(Fqdn("SRX1.Example.NET")));
    EXPECT_FALSE(Parse("hostname srx1.example.net").Matches(Fqdn("srx1.example.net.evil")));
    EXPECT_FALSE(Parse("hostname srx1.example.net").Matches(Email("srx1.example.net")));
    // user@FQDN: the domain ignores case, the local part does not.
    EXPECT_TRUE(Parse("user-at-hostname vpn@example.net").Matches(Email("vpn@EXAMPLE.net")));
    EXPECT_FALSE(Parse("user-at-hostname vpn@example.net").Matches(Email("VPN@example.net")));
    EXPECT_FALSE(Parse("user-at-hostname vpn@example.net").Matches(Email("vpn@example.org")));
    EXPECT_FALSE(Parse("user-at-hostname vpn@example.net").Matches(Email("vpnexample.net")));
    // DN: canonical comparison of the DER, so another string type or case still matches.
    Ikev2Identity dn = Parse("distinguished-name CN=srx1.example.net,O=Example,C=US");
    CryptoBytes printable =
        OpensslName({{"C", "US"}, {"O", "example"}, {"CN", "SRX1.example.net"}}, MBSTRING_ASC);
    EXPECT_NE(printable, dn.GetData());
    EXPECT_TRUE(dn.Matches(Ikev2Identity(Ikev2IdentificationType::DER_ASN1_DN, printable)));
    CryptoBytes reordered =
        OpensslName({{"C", "US"}, {"CN", "srx1.example.net"}, {"O", "Example"}}, MBSTRING_UTF8);
    EXPECT_FALSE(dn.Matches(Ikev2Identity(Ikev2IdentificationType::DER_ASN1_DN, reordered)));
    CryptoBytes otherName =
        OpensslName({{"C", "US"}, {"O", "Example"}, {"CN", "srx2"}}, MBSTRING_UTF8);
    EXPECT_FALSE(dn.Matches(Ikev2Identity(Ikev2IdentificationType::DER_ASN1_DN, otherName)));
    CryptoBytes garbage = dn.GetData();
    garbage.push_back(0x00); // trailing bytes after the Name
    EXPECT_FALSE(dn.Matches(Ikev2Identity(Ikev2IdentificationType::DER_ASN1_DN, garbage)));
    // Opaque types: identical bytes.
    Ikev2Identity keyId(Ikev2IdentificationType::KEY_ID, {1, 2, 3});
    EXPECT_TRUE(keyId.Matches(Ikev2Identity(Ikev2IdentificationType::KEY_ID, {1, 2, 3})));
    EXPECT_FALSE(keyId.Matches(Ikev2Identity(Ikev2IdentificationType::KEY_ID, {1, 2, 4})));
    EXPECT_EQ(keyId.ToString(), "key-id 010203");
}
