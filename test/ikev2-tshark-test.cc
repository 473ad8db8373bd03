/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * External truth for the IKEv2 codec: serialized messages, written as UDP/500 packets into a
 * pcap, must dissect in tshark as IKEv2 without malformed-packet or error expert info, and the
 * SK payloads must decrypt in tshark (given the keys) with a correct integrity checksum.
 * Skipped when tshark is not installed.
 */
#include "ikev2-test-messages.h"

#include "ns3/crypto-bytes.h"
#include "ns3/ikev2-message-protection.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

using namespace ns3;
using namespace ns3::test;

namespace
{

/// Appends a 16-bit value, big-endian.
void
PutU16(CryptoBytes& out, uint16_t value)
{
    out.push_back(static_cast<uint8_t>(value >> 8));
    out.push_back(static_cast<uint8_t>(value));
}

/// Appends a 32-bit value, little-endian (the pcap file headers are written in host order).
void
PutU32Le(CryptoBytes& out, uint32_t value)
{
    for (int i = 0; i < 4; ++i)
    {
        out.push_back(static_cast<uint8_t>(value >> (8 * i)));
    }
}

/// An Ethernet/IPv4/UDP frame from 192.0.2.1:500 to 192.0.2.2:500 (or back) carrying payload.
CryptoBytes
UdpFrame(const CryptoBytes& payload, bool fromInitiator)
{
    CryptoBytes frame = {0x02,
                         0,
                         0,
                         0,
                         0,
                         fromInitiator ? uint8_t{2} : uint8_t{1},
                         0x02,
                         0,
                         0,
                         0,
                         0,
                         fromInitiator ? uint8_t{1} : uint8_t{2}};
    PutU16(frame, 0x0800);
    size_t ipStart = frame.size();
    frame.insert(frame.end(), {0x45, 0});
    PutU16(frame, static_cast<uint16_t>(20 + 8 + payload.size()));
    frame.insert(frame.end(), {0, 0, 0x40, 0, 64, 17, 0, 0});
    CryptoBytes initiator = {192, 0, 2, 1};
    CryptoBytes responder = {192, 0, 2, 2};
    const CryptoBytes& source = fromInitiator ? initiator : responder;
    const CryptoBytes& destination = fromInitiator ? responder : initiator;
    frame.insert(frame.end(), source.begin(), source.end());
    frame.insert(frame.end(), destination.begin(), destination.end());
    uint32_t sum = 0;
    for (size_t i = ipStart; i < ipStart + 20; i += 2)
    {
        sum += (frame[i] << 8) | frame[i + 1];
    }
    sum = (sum & 0xffff) + (sum >> 16);
    sum = (sum & 0xffff) + (sum >> 16);
    frame[ipStart + 10] = static_cast<uint8_t>(~sum >> 8);
    frame[ipStart + 11] = static_cast<uint8_t>(~sum);
    PutU16(frame, 500);
    PutU16(frame, 500);
    PutU16(frame, static_cast<uint16_t>(8 + payload.size()));
    PutU16(frame, 0); // no UDP checksum (allowed over IPv4)
    frame.insert(frame.end(), payload.begin(), payload.end());
    return frame;
}

/// Writes a classic pcap file (Ethernet link type) with one frame per entry.
void
WritePcap(const std::string& path, const std::vector<CryptoBytes>& frames)
{
    CryptoBytes file;
    PutU32Le(file, 0xa1b2c3d4);
    file.insert(file.end(), {2, 0, 4, 0}); // version 2.4
    PutU32Le(file, 0);                     // time zone
    PutU32Le(file, 0);                     // timestamp accuracy
    PutU32Le(file, 65535);                 // snapshot length
    PutU32Le(file, 1);                     // Ethernet
    uint32_t second = 1;
    for (const CryptoBytes& frame : frames)
    {
        PutU32Le(file, second++);
        PutU32Le(file, 0);
        PutU32Le(file, static_cast<uint32_t>(frame.size()));
        PutU32Le(file, static_cast<uint32_t>(frame.size()));
        file.insert(file.end(), frame.begin(), frame.end());
    }
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(file.data()),
              static_cast<std::streamsize>(file.size()));
}

/// Runs a shell command and returns what it printed (stdout and stderr).
std::string
RunCommand(const std::string& command)
{
    std::string output;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
    {
        return output;
    }
    char buffer[4096];
    size_t count = 0;
    while ((count = fread(buffer, 1, sizeof(buffer), pipe)) > 0)
    {
        output.append(buffer, count);
    }
    pclose(pipe);
    return output;
}

/// How often needle occurs in text.
size_t
Count(const std::string& text, const std::string& needle)
{
    size_t count = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    {
        ++count;
    }
    return count;
}

/// Hex without separators, as tshark's IKEv2 decryption table wants it.
std::string
KeyHex(size_t size, uint8_t first)
{
    CryptoBytes key(size);
    for (size_t i = 0; i < size; ++i)
    {
        key[i] = static_cast<uint8_t>(first + 3 * i);
    }
    return CryptoToHex(key);
}

constexpr uint64_t GCM_RESPONDER_SPI = 0x2122232425262728; //!< second IKE SA, for GCM

} // namespace

TEST(Ikev2Tshark, MessagesDissectCleanlyAndSkPayloadsDecrypt)
{
    if (std::system("command -v tshark > /dev/null 2>&1") != 0)
    {
        GTEST_SKIP() << "tshark is not installed";
    }
    // A real certificate in the CERT payloads, so that tshark's X.509 decoder has no reason
    // to complain.
    std::ifstream der(std::string(IPSEC_TEST_DATA_DIR) + "/pki/gw1.crt.der", std::ios::binary);
    CryptoBytes certificate((std::istreambuf_iterator<char>(der)),
                            std::istreambuf_iterator<char>());
    ASSERT_GT(certificate.size(), 100u);
    // Keys: CBC SA with AES-128-CBC + HMAC-SHA-256-128, GCM SA with AES-256-GCM-16.
    std::string cbcEncryptionKey = KeyHex(16, 0x10);
    std::string cbcIntegrityKey = KeyHex(32, 0x40);
    std::string gcmEncryptionKey = KeyHex(36, 0x70); // key | salt
    auto cbc = Ikev2MessageProtection::FromNames("aes-128-cbc",
                                                 CryptoFromHex(cbcEncryptionKey),
                                                 "hmac-sha-256-128",
                                                 CryptoFromHex(cbcIntegrityKey),
                                                 CountingIvSource());
    auto gcm = Ikev2MessageProtection::FromNames("aes-256-gcm",
                                                 CryptoFromHex(gcmEncryptionKey),
                                                 "",
                                                 {},
                                                 CountingIvSource());
    CryptoBytes cbcAuth;
    ASSERT_EQ(
        cbc->Protect(SampleAuthRequestHeader(), SampleAuthInnerPayloads(certificate), &cbcAuth),
        CryptoStatus::OK);
    Ikev2Message gcmHeader = SampleAuthRequestHeader();
    gcmHeader.GetHeader().SetResponderSpi(GCM_RESPONDER_SPI);
    CryptoBytes gcmAuth;
    ASSERT_EQ(gcm->Protect(gcmHeader, SampleAuthInnerPayloads(certificate), &gcmAuth),
              CryptoStatus::OK);

    std::string directory = testing::TempDir();
    std::string pcap = directory + "ikev2-codec-" + std::to_string(getpid()) + ".pcap";
    WritePcap(pcap,
              {UdpFrame(SampleSaInitRequest().Serialize(), true),
               UdpFrame(SampleSaInitResponse().Serialize(), false),
               UdpFrame(SampleInformational().Serialize(), true),
               UdpFrame(cbcAuth, true),
               UdpFrame(gcmAuth, true)});

    // ikev2_decryption_table: SPIi, SPIr, SK_ei, SK_er, encryption, SK_ai, SK_ar, integrity.
    std::string spii = "0102030405060708";
    std::string cbcRow = spii + ",1112131415161718," + cbcEncryptionKey + "," + cbcEncryptionKey +
                         ",\\\"AES-CBC-128 [RFC3602]\\\"," + cbcIntegrityKey + "," +
                         cbcIntegrityKey + ",\\\"HMAC_SHA2_256_128 [RFC4868]\\\"";
    std::string gcmRow =
        spii + ",2122232425262728," + gcmEncryptionKey + "," + gcmEncryptionKey +
        ",\\\"AES-GCM-256 with 16 octet ICV [RFC5282]\\\",,,\\\"NONE [RFC4306]\\\"";
    std::string output =
        RunCommand("tshark -n -r " + pcap + " -V -o \"uat:ikev2_decryption_table:" + cbcRow +
                   "\" -o \"uat:ikev2_decryption_table:" + gcmRow + "\"");
    std::remove(pcap.c_str());

    EXPECT_EQ(Count(output, "Internet Security Association and Key Management Protocol"), 5u)
        << output;
    EXPECT_EQ(Count(output, "Version: 2.0"), 5u);
    EXPECT_EQ(Count(output, "Exchange type: IKE_SA_INIT (34)"), 2u);
    EXPECT_EQ(Count(output, "Exchange type: INFORMATIONAL (37)"), 1u);
    EXPECT_EQ(Count(output, "Exchange type: IKE_AUTH (35)"), 2u);
    EXPECT_EQ(output.find("Malformed"), std::string::npos) << output;
    EXPECT_EQ(output.find("Expert Info (Error"), std::string::npos) << output;
    EXPECT_EQ(output.find("Expert Info (Warning"), std::string::npos) << output;
    // Payloads tshark names from the codec's bytes.
    EXPECT_EQ(Count(output, "Payload: Security Association (33)"), 4u);
    EXPECT_EQ(Count(output, "Payload: Delete (42)"), 2u);
    EXPECT_GE(Count(output, "Notify Message Type: NAT_DETECTION_DESTINATION_IP (16389)"), 1u);
    EXPECT_GE(Count(output, "Notify Message Type: INVALID_SPI (11)"), 1u);
    // Both SK payloads decrypted: their identities and selectors are visible, and their
    // checksums verified.
    EXPECT_EQ(Count(output, "Identification Data:gw-a.example.net"), 2u) << output;
    EXPECT_EQ(Count(output, "Payload: Traffic Selector - Responder (45)"), 2u);
    EXPECT_EQ(Count(output, "<HMAC_SHA2_256_128 [RFC4868]>[correct]"), 1u) << output;
    // Wireshark 4.0 also shows an AES-GCM tag as verified.
    EXPECT_EQ(Count(output, "[correct]"), 2u);
    EXPECT_EQ(output.find("incorrect"), std::string::npos);
}
