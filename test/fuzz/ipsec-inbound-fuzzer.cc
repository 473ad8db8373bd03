/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer target for inbound IPsec processing (build and run: test/fuzz/README.md).
 *
 * The first input byte chooses a target (modulo TARGET_COUNT), the rest is its input:
 *
 *   0..7   RAW_SA       the bytes are an ESP packet, unprotected with inbound SA n
 *   8..15  CRAFTED_SA   the bytes are records (see RunCraftedRecords) from which packets are
 *                       built with SA n's keys: they pass the ICV unless a record says
 *                       otherwise, so the trailer checks after it see fuzzed trailers
 *   16     FLOW         the bytes are an IP packet for the IpsecFlow parsers
 *   17     NODE_RAW     the bytes are an ESP packet for IpsecL3Protocol::ReceiveEsp on gwB
 *   18     NODE_TUNNEL  records, built with the tunnel-mode SA gwA -> gwB, for ReceiveEsp
 *   19     NODE_TRANSP  records, built with the transport-mode SA gwA -> gwB, for ReceiveEsp
 *
 * Nothing is asserted here: the signal is a crash, a hang or a sanitizer report. SAs and the
 * simulation are built once; the inbound replay windows are reset before every input so that
 * an input's outcome does not depend on the inputs run before it.
 *
 * With --write-seeds=DIR the program writes a seed corpus (valid packets for every target)
 * to DIR and exits; libFuzzer itself ignores flags that start with "--". With the environment
 * variable IPSEC_FUZZ_TRACE set, the outcome of every packet (accepted or the drop reason) is
 * printed to stderr, to triage an input.
 */

#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-cipher.h"
#include "ns3/crypto-integrity.h"
#include "ns3/crypto-random.h"
#include "ns3/ipsec-esp-transform.h"
#include "ns3/ipsec-flow.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-replay-window.h"
#include "ns3/ipsec-sa.h"
#include "ns3/ipsec-two-site-helper.h"
#include "ns3/ipv4-header.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/udp-header.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Number of fixed inbound SAs of the RAW_SA and CRAFTED_SA targets.
constexpr uint8_t SA_COUNT = 8;
/// First selector value of the RAW_SA targets.
constexpr uint8_t TARGET_RAW_SA = 0;
/// First selector value of the CRAFTED_SA targets.
constexpr uint8_t TARGET_CRAFTED_SA = TARGET_RAW_SA + SA_COUNT;
/// The IpsecFlow parsers.
constexpr uint8_t TARGET_FLOW = TARGET_CRAFTED_SA + SA_COUNT;
/// Raw bytes into gwB's ReceiveEsp.
constexpr uint8_t TARGET_NODE_RAW = TARGET_FLOW + 1;
/// Records built with the tunnel-mode SA into gwB's ReceiveEsp.
constexpr uint8_t TARGET_NODE_TUNNEL = TARGET_NODE_RAW + 1;
/// Records built with the transport-mode SA into gwB's ReceiveEsp.
constexpr uint8_t TARGET_NODE_TRANSPORT = TARGET_NODE_TUNNEL + 1;
/// Number of targets: the selector byte is taken modulo this.
constexpr uint8_t TARGET_COUNT = TARGET_NODE_TRANSPORT + 1;

/// At most this many packets per input, so that one input cannot run for long.
constexpr int MAX_RECORDS = 8;

/// ESP next header of a tunnel-mode IPv4 payload.
constexpr uint8_t NEXT_HEADER_IPV4 = 4;
/// ESP next header of a UDP segment (transport mode).
constexpr uint8_t NEXT_HEADER_UDP = 17;
/// ESP next header of a TFC dummy packet (RFC 4303 section 2.6).
constexpr uint8_t NEXT_HEADER_NO_NEXT = 59;
/// IP protocol number of ESP.
constexpr uint8_t PROTOCOL_ESP = 50;

/// SPI of the tunnel-mode VPN of the simulation.
constexpr uint32_t NODE_TUNNEL_SPI = 0x4321;
/// SPI of the transport-mode VPN of the simulation.
constexpr uint32_t NODE_TRANSPORT_SPI = 0x5001;

/// Record flags of RunCraftedRecords(): the low two bits choose how the trailer is built.
enum RecordFlags : uint8_t
{
    PAD_CORRECT = 0,               //!< padding 1, 2, 3, ... to alignment, true pad length
    PAD_LENGTH_FROM_INPUT = 1,     //!< padding to alignment, pad length byte from the input
    PAD_BYTES_WRONG = 2,           //!< true pad length, one padding byte wrong
    PAD_NONE = 3,                  //!< no padding, pad length from the input (maybe misaligned)
    PAD_MODE_MASK = 3,             //!< the bits above
    TAMPER = 1 << 2,               //!< flip one bit of the finished packet (position from input)
    TRUNCATE = 1 << 3,             //!< cut 0..63 bytes off the end (count from input)
    HIGH_BITS_FROM_INPUT = 1 << 4, //!< ESN high-order bits from the input, not the receiver's
};

/**
 * \brief Reads the fuzzer's input front to back; reads past the end yield zeros, so that
 * every byte string is a valid input.
 */
class InputReader
{
  public:
    /**
     * \param data the bytes
     * \param size their number
     */
    InputReader(const uint8_t* data, size_t size)
        : m_data(data),
          m_size(size)
    {
    }

    /// \return true if every byte has been read
    bool Empty() const
    {
        return m_offset >= m_size;
    }

    /// \return the next byte, or 0 at the end
    uint8_t U8()
    {
        return Empty() ? 0 : m_data[m_offset++];
    }

    /// \return the next 4 bytes as a big-endian number (missing bytes are 0)
    uint32_t U32()
    {
        uint32_t value = 0;
        for (int i = 0; i < 4; ++i)
        {
            value = (value << 8) | U8();
        }
        return value;
    }

    /**
     * \param count bytes wanted
     * \return up to count bytes (fewer at the end of the input)
     */
    std::vector<uint8_t> Take(size_t count)
    {
        const size_t n = std::min(count, m_size - std::min(m_offset, m_size));
        std::vector<uint8_t> bytes(m_data + m_offset, m_data + m_offset + n);
        m_offset += n;
        return bytes;
    }

  private:
    const uint8_t* m_data; //!< the input
    size_t m_size;         //!< its size
    size_t m_offset{0};    //!< bytes read so far
};

/**
 * \param size bytes wanted
 * \param seed first byte
 * \return a recognisable key pattern
 */
CryptoBytes
Pattern(size_t size, uint8_t seed)
{
    CryptoBytes bytes(size);
    for (size_t i = 0; i < size; ++i)
    {
        bytes[i] = static_cast<uint8_t>(seed + 7 * i);
    }
    return bytes;
}

/// \param out 4 bytes \param value written big-endian
void
WriteU32(uint8_t* out, uint32_t value)
{
    out[0] = static_cast<uint8_t>(value >> 24);
    out[1] = static_cast<uint8_t>(value >> 16);
    out[2] = static_cast<uint8_t>(value >> 8);
    out[3] = static_cast<uint8_t>(value);
}

/// \param packet a packet \return its bytes
std::vector<uint8_t>
BytesOf(Ptr<const Packet> packet)
{
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), bytes.size());
    return bytes;
}

/// \return true if IPSEC_FUZZ_TRACE is set: every packet's outcome goes to stderr (triage)
bool
Tracing()
{
    static const bool tracing = std::getenv("IPSEC_FUZZ_TRACE") != nullptr;
    return tracing;
}

/**
 * \brief Consumes the outcome of one Unprotect(): reads every payload byte (so that a bad
 * payload length shows up under ASan) and traces it when asked to.
 * \param result the outcome
 */
void
Consume(const IpsecUnprotectResult& result)
{
    if (result.accepted)
    {
        BytesOf(result.payload);
    }
    if (Tracing())
    {
        std::fprintf(stderr,
                     "unprotect: %s next-header %u sequence %llu payload %u\n",
                     result.accepted ? "accepted" : IpsecDropReasonName(result.reason),
                     unsigned(result.nextHeader),
                     static_cast<unsigned long long>(result.sequence),
                     result.payload ? result.payload->GetSize() : 0u);
    }
}

/// One of the fixed SAs: the outbound side supplies the keys of crafted packets.
struct FuzzSa
{
    Ptr<IpsecSa> out;          //!< sender side (same SPI and keys)
    Ptr<IpsecSa> in;           //!< receiver side, the one under test
    IpsecReplayWindow initial; //!< the inbound window as built, restored before each input
};

/**
 * \param encryption Junos name of the encryption transform
 * \param integrity Junos name of the integrity transform, or "" for none
 * \param direction which side
 * \param spi the SPI
 * \param esn extended sequence numbers
 * \param replayWindow inbound anti-replay window size
 * \return an SA definition with pattern keys
 */
IpsecSa::Config
MakeConfig(const std::string& encryption,
           const std::string& integrity,
           IpsecDirection direction,
           uint32_t spi,
           bool esn,
           uint32_t replayWindow)
{
    IpsecSa::Config config;
    config.name = "fuzz " + encryption;
    config.spi = spi;
    config.protocol = IpsecProtocol::ESP;
    config.direction = direction;
    config.mode = IpsecMode::TUNNEL;
    config.source = IpsecIpAddress(Ipv4Address("192.0.2.1"));
    config.destination = IpsecIpAddress(Ipv4Address("192.0.2.2"));
    config.encryption = &CryptoAlgorithmTable::GetEncryption(encryption, "fuzzer");
    config.encryptionKey = Pattern(config.encryption->KeyMaterialBytes(), 0x11);
    if (!integrity.empty())
    {
        config.integrity = &CryptoAlgorithmTable::GetIntegrity(integrity, "fuzzer");
        config.integrityKey = Pattern(config.integrity->keyBytes, 0x55);
    }
    config.extendedSequenceNumbers = esn;
    config.replayWindowSize = replayWindow;
    return config;
}

/// \return the fixed SAs of the RAW_SA and CRAFTED_SA targets, built on first use
std::vector<FuzzSa>&
FixedSas()
{
    struct Spec
    {
        const char* encryption; //!< Junos name
        const char* integrity;  //!< Junos name or ""
        bool esn;               //!< ESN
        uint32_t window;        //!< replay window
    };

    // One SA per kind of inbound code path: AEAD (GCM, ChaCha20), CBC with each HMAC family,
    // null encryption, CTR, ESN, and the window sizes 0 (check off) and 4096 (many words).
    static const std::array<Spec, SA_COUNT> specs = {{
        {"aes-128-gcm", "", false, 64},
        {"aes-256-cbc", "hmac-sha-256-128", false, 64},
        {"null", "hmac-sha1-96", false, 64},
        {"3des-cbc", "hmac-md5-96", false, 64},
        {"chacha20-poly1305", "", false, 64},
        {"aes-128-gcm", "", true, 64},
        {"aes-128-ctr", "hmac-sha-512-256", true, 0},
        {"aes-256-gcm-12", "", false, 4096},
    }};
    static std::vector<FuzzSa> sas = [] {
        std::vector<FuzzSa> built;
        uint32_t spi = 0x1000;
        for (const Spec& spec : specs)
        {
            FuzzSa sa;
            sa.out = Create<IpsecSa>(MakeConfig(spec.encryption,
                                                spec.integrity,
                                                IpsecDirection::OUTBOUND,
                                                spi,
                                                spec.esn,
                                                spec.window));
            sa.in = Create<IpsecSa>(MakeConfig(spec.encryption,
                                               spec.integrity,
                                               IpsecDirection::INBOUND,
                                               spi,
                                               spec.esn,
                                               spec.window));
            sa.initial = sa.in->GetReplayWindow();
            built.push_back(sa);
            ++spi;
        }
        return built;
    }();
    return sas;
}

/**
 * \brief The simulation of the node-level targets: hostA - gwA ==WAN== gwB - hostB over
 * point-to-point links, a tunnel-mode VPN between the sites and a transport-mode VPN between
 * the gateways themselves. Inputs are delivered to gwB.
 *
 * Unlike test/ipsec-two-site-network.h, nothing here records packets, so memory stays flat
 * over millions of inputs.
 */
struct Network
{
    NodeContainer hosts;               //!< hostA, hostB
    NodeContainer gateways;            //!< gwA, gwB
    Ptr<IpsecL3Protocol> receiver;     //!< gwB's data plane
    IpsecManualSaResult tunnelA;       //!< gwA's side of the tunnel-mode VPN
    IpsecManualSaResult tunnelB;       //!< gwB's side
    IpsecManualSaResult transportA;    //!< gwA's side of the transport-mode VPN
    IpsecManualSaResult transportB;    //!< gwB's side
    IpsecReplayWindow tunnelWindow;    //!< gwB's tunnel inbound window as built
    IpsecReplayWindow transportWindow; //!< gwB's transport inbound window as built

    /// Builds the topology and installs both VPNs.
    Network()
    {
        IpsecTwoSite net = IpsecTwoSiteHelper().Build(IpsecIpPlan::IPV4);
        hosts = net.hosts;
        gateways = net.gateways;

        IpsecHelper ipsec;
        ipsec.Install(gateways);
        IpsecHelper::AssignStreams(gateways, 100);

        IpsecManualSaConfig tunnel = net.SiteToSiteVpn("fuzz-tunnel");
        tunnel.spi = NODE_TUNNEL_SPI;
        tunnel.encryption = "aes-128-gcm";
        tunnel.encryptionKey = "000102030405060708090a0b0c0d0e0fcafebabe";
        tunnelA = IpsecHelper::AddManualSa(gateways.Get(0), tunnel);
        tunnelB = IpsecHelper::AddManualSa(gateways.Get(1), IpsecHelper::Mirror(tunnel));

        // Transport mode rebuilds the IP header from the outer one and hands any next header
        // to gwB's own stack; CBC + HMAC gives the node path the other trailer alignment.
        IpsecManualSaConfig transport = net.SiteToSiteVpn("fuzz-transport");
        transport.localTrafficSelector = transport.localGateway + "/32";
        transport.remoteTrafficSelector = transport.remoteGateway + "/32";
        transport.mode = IpsecMode::TRANSPORT;
        transport.spi = NODE_TRANSPORT_SPI;
        transport.encryption = "aes-256-cbc";
        transport.encryptionKey =
            "1112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f30";
        transport.authentication = "hmac-sha-256-128";
        transport.authenticationKey =
            "4142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f60";
        transportA = IpsecHelper::AddManualSa(gateways.Get(0), transport);
        transportB = IpsecHelper::AddManualSa(gateways.Get(1), IpsecHelper::Mirror(transport));

        // Nodes initialise their objects (traffic control's queue disc table, ...) in the
        // first Simulator::Run(); packets injected before that would meet half-built stacks.
        Simulator::Stop(MilliSeconds(1));
        Simulator::Run();

        receiver = IpsecHelper::Get(gateways.Get(1));
        tunnelWindow = tunnelB.inboundSa->GetReplayWindow();
        transportWindow = transportB.inboundSa->GetReplayWindow();
    }

    /// \brief Resets gwB's inbound windows, so that each input starts from the same state.
    void Reset()
    {
        tunnelB.inboundSa->GetReplayWindow() = tunnelWindow;
        transportB.inboundSa->GetReplayWindow() = transportWindow;
    }

    /**
     * \brief Hands one ESP packet to gwB as its ESP protocol handler would, then runs the
     * events it caused (forwarding, ICMP errors, the re-encrypted replies) for a bounded time.
     * \param esp the ESP packet
     */
    void Deliver(Ptr<Packet> esp)
    {
        Ipv4Header header;
        header.SetSource(Ipv4Address("192.0.2.1"));
        header.SetDestination(Ipv4Address("192.0.2.2")); // the SAs' destination: SAD key
        header.SetProtocol(PROTOCOL_ESP);
        header.SetPayloadSize(esp->GetSize());
        header.SetTtl(64);
        const IpsecNodeCounters before = receiver->GetCounters();
        receiver->ReceiveEsp(esp, IpsecIpHeader(header));
        if (Tracing())
        {
            const IpsecNodeCounters& after = receiver->GetCounters();
            std::string outcome = after.espDecrypted > before.espDecrypted ? "accepted" : "";
            for (size_t i = 0; i < IPSEC_DROP_REASON_COUNT; ++i)
            {
                if (after.drops[i] > before.drops[i])
                {
                    outcome += std::string(outcome.empty() ? "" : " ") +
                               IpsecDropReasonName(static_cast<IpsecDropReason>(i));
                }
            }
            std::fprintf(stderr, "gwB receive: %s\n", outcome.empty() ? "(none)" : outcome.c_str());
        }
        // Links have 1 ms delay: 50 ms covers every reply; the stop event bounds the run
        // even if something kept rescheduling itself.
        Simulator::Stop(MilliSeconds(50));
        Simulator::Run();
    }
};

/// \return the simulation, built on first use and kept for the whole run
Network&
TheNetwork()
{
    // Never destroyed: ns-3 objects must not outlive Simulator::Destroy() in static
    // destructors, and the process ends right after the fuzzing loop anyway.
    static Network* network = new Network();
    return *network;
}

/**
 * \brief Builds an ESP packet as a sender with sa's keys would (RFC 4303 section 3.3), but
 * from a plaintext whose padding and trailer the caller wrote, so that they need not be valid.
 * \param sa the SA whose keys, transforms and ESN setting are used
 * \param sequence the full sequence number (its low 32 bits are sent)
 * \param plain payload, padding, pad length and next header
 * \return the packet's bytes; if the cipher refuses the length (CBC on partial blocks) the
 *         plaintext is sent as it is, which the receiver must reject by its length
 */
std::vector<uint8_t>
BuildEsp(IpsecSa& sa, uint64_t sequence, std::vector<uint8_t> plain)
{
    const CryptoEncryptionAlgorithm& encryption = *sa.GetConfig().encryption;
    const size_t ivSize = encryption.ivBytes;
    const size_t icvSize = sa.GetIcvSize();
    std::vector<uint8_t> wire(IpsecEspTransform::HEADER_BYTES + ivSize + plain.size() + icvSize);
    uint8_t* header = wire.data();
    uint8_t* iv = header + IpsecEspTransform::HEADER_BYTES;
    uint8_t* text = iv + ivSize;
    uint8_t* icv = text + plain.size();
    WriteU32(header, sa.GetSpi());
    WriteU32(header + 4, static_cast<uint32_t>(sequence));
    // Any IV decrypts to the chosen plaintext; deriving it from the sequence number keeps the
    // input short and, for the counter modes, unique as RFC 4106 requires.
    for (size_t i = 0; i < ivSize; ++i)
    {
        iv[i] = static_cast<uint8_t>(sequence >> (8 * (i % 8)));
    }
    std::copy(plain.begin(), plain.end(), text);

    uint8_t high[4];
    WriteU32(high, static_cast<uint32_t>(sequence >> 32));
    const bool esn = sa.GetConfig().extendedSequenceNumbers;
    Ptr<CryptoCipher> cipher = sa.GetCipher();
    if (encryption.IsAead())
    {
        // RFC 4106 section 5: SPI | [high-order sequence] | low-order sequence.
        uint8_t aad[12];
        size_t aadSize = 8;
        std::copy(header, header + 4, aad);
        if (esn)
        {
            std::copy(high, high + 4, aad + 4);
            std::copy(header + 4, header + 8, aad + 8);
            aadSize = 12;
        }
        else
        {
            std::copy(header + 4, header + 8, aad + 4);
        }
        cipher->Encrypt(iv, {aad, aadSize}, text, plain.size(), text, icv);
    }
    else
    {
        cipher->Encrypt(iv, {}, text, plain.size(), text, nullptr);
        if (sa.GetIntegrity())
        {
            sa.GetIntegrity()->Compute(
                {{header, IpsecEspTransform::HEADER_BYTES + ivSize + plain.size()},
                 {high, esn ? size_t(4) : size_t(0)}},
                icv);
        }
    }
    return wire;
}

/// Plaintext fix-up of the CRAFTED_SA targets: none, the bytes only meet IpsecEspTransform.
void
KeepPayload(std::vector<uint8_t>& /* payload */, uint8_t& /* nextHeader */)
{
}

/**
 * \brief Plaintext fix-up of the node targets: keeps authenticated fuzz bytes away from two
 * parsers of ns-3.37's own stack that fail on malformed input, so that the run explores the
 * IPsec code instead of stopping there every few seconds:
 *
 *  - TcpHeader::Deserialize loops forever, allocating an option each turn, on an unknown TCP
 *    option whose length byte is 0 (TcpOptionUnknown::Deserialize returns 0 and
 *    GetSerializedSize() returns 0 too);
 *  - Icmpv4Echo::Deserialize computes its data size as remaining - 4 without a check, so an
 *    echo with fewer than 4 bytes after the ICMP header allocates and reads ~4 GiB.
 *
 * The inner protocol (tunnel mode: byte 9 of the inner IPv4 header; transport mode: the next
 * header) is changed from TCP or ICMP to 253 (RFC 3692 experimentation), which no node
 * delivers to a parser. Every check of the IPsec data plane still sees the packet: ESP,
 * the rebuilt transport header, the flow parser, the selectors and forwarding.
 * \param payload the plaintext payload (tunnel mode: the inner IP packet)
 * \param nextHeader the ESP next header
 */
void
AvoidNs3ParserBugs(std::vector<uint8_t>& payload, uint8_t& nextHeader)
{
    constexpr uint8_t PROTOCOL_ICMP = 1;
    constexpr uint8_t PROTOCOL_TCP = 6;
    constexpr uint8_t PROTOCOL_EXPERIMENTAL = 253;
    constexpr size_t IPV4_PROTOCOL_OFFSET = 9;
    auto avoid = [](uint8_t& protocol) {
        if (protocol == PROTOCOL_ICMP || protocol == PROTOCOL_TCP)
        {
            protocol = PROTOCOL_EXPERIMENTAL;
        }
    };
    if (nextHeader == NEXT_HEADER_IPV4)
    {
        if (payload.size() > IPV4_PROTOCOL_OFFSET)
        {
            avoid(payload[IPV4_PROTOCOL_OFFSET]);
        }
    }
    else
    {
        avoid(nextHeader); // transport mode: the rebuilt IPv4 header carries it
    }
}

/**
 * \brief Reads records from the input and delivers one ESP packet per record, built with the
 * keys of sender. A record is:
 *
 *   flags (RecordFlags) | sequence (4, low-order bits) | [high-order bits (4), if
 *   HIGH_BITS_FROM_INPUT] | pad length | next header | payload length (1) | payload |
 *   [bit position (1), if TAMPER] | [bytes to cut (1), if TRUNCATE]
 *
 * Without HIGH_BITS_FROM_INPUT the high-order bits are those the receiver's window infers, so
 * that ESN packets authenticate. Several records per input exercise the replay window.
 * \param input the rest of the input
 * \param sender SA whose keys build the packets
 * \param receiver the inbound SA that will check them (for its window's inference)
 * \param fixUp applied to each payload and next header before the trailer is added
 * \param deliver what to do with each packet
 */
template <typename FixUp, typename Deliver>
void
RunCraftedRecords(InputReader& input,
                  IpsecSa& sender,
                  IpsecSa& receiver,
                  FixUp fixUp,
                  Deliver deliver)
{
    const CryptoEncryptionAlgorithm& encryption = *sender.GetConfig().encryption;
    const size_t alignment = std::max<size_t>(encryption.blockBytes, 4);
    for (int record = 0; record < MAX_RECORDS && !input.Empty(); ++record)
    {
        const uint8_t flags = input.U8();
        const uint32_t low = input.U32();
        uint64_t sequence = low;
        receiver.GetReplayWindow().Check(low, &sequence);
        if (flags & HIGH_BITS_FROM_INPUT)
        {
            sequence = (uint64_t(input.U32()) << 32) | low;
        }
        const uint8_t padLengthByte = input.U8();
        uint8_t nextHeader = input.U8();
        std::vector<uint8_t> plain = input.Take(input.U8());
        fixUp(plain, nextHeader);

        const size_t padding =
            (alignment - (plain.size() + IpsecEspTransform::TRAILER_BYTES) % alignment) % alignment;
        uint8_t padLength = 0;
        switch (flags & PAD_MODE_MASK)
        {
        case PAD_CORRECT:
        case PAD_LENGTH_FROM_INPUT:
            for (size_t i = 0; i < padding; ++i)
            {
                plain.push_back(static_cast<uint8_t>(i + 1));
            }
            padLength = (flags & PAD_MODE_MASK) == PAD_CORRECT ? static_cast<uint8_t>(padding)
                                                               : padLengthByte;
            break;
        case PAD_BYTES_WRONG: {
            // A whole extra block when no padding is needed, so there is a byte to get wrong.
            const size_t count = padding == 0 ? alignment : padding;
            const size_t start = plain.size();
            for (size_t i = 0; i < count; ++i)
            {
                plain.push_back(static_cast<uint8_t>(i + 1));
            }
            plain[start + padLengthByte % count] ^= 0x80;
            padLength = static_cast<uint8_t>(count);
            break;
        }
        default: // PAD_NONE
            padLength = padLengthByte;
            break;
        }
        plain.push_back(padLength);
        plain.push_back(nextHeader);

        std::vector<uint8_t> wire = BuildEsp(sender, sequence, std::move(plain));
        if (flags & TAMPER)
        {
            const uint8_t position = input.U8();
            wire[position % wire.size()] ^= static_cast<uint8_t>(1u << (position % 8));
        }
        if (flags & TRUNCATE)
        {
            wire.resize(wire.size() - std::min<size_t>(wire.size(), input.U8() % 64));
        }
        deliver(Create<Packet>(wire.data(), wire.size()));
    }
}

/**
 * \brief Runs every IpsecFlow parser on the bytes (both the raw-byte and the Packet forms).
 * \param data the bytes; the parsers must not read past data + size
 * \param size their number
 */
void
RunFlowParsers(const uint8_t* data, size_t size)
{
    IpsecFlow flow;
    std::string error;
    if (IpsecFlow::FromIpPacket(data, size, &flow, &error))
    {
        // ToString reads every field: uninitialised or inconsistent ones would show up here.
        error = flow.ToString();
    }
    IpsecFlow::FromIpv4Packet(data, size, &flow, nullptr);
    IpsecFlow::FromIpv6Packet(data, size, &flow, &error);
    Ptr<Packet> packet = Create<Packet>(data, size);
    IpsecFlow::FromIpv4Packet(packet, &flow, &error);
    IpsecFlow::FromIpv6Packet(packet, &flow, nullptr);
}

/**
 * \return an IPv4 UDP packet hostA -> hostB (the tunnel's inner packet)
 * \param payloadSize UDP payload bytes
 */
Ptr<Packet>
MakeInnerUdp(uint32_t payloadSize)
{
    Ptr<Packet> packet = Create<Packet>(payloadSize);
    UdpHeader udp;
    udp.SetSourcePort(49152);
    udp.SetDestinationPort(9);
    packet->AddHeader(udp);
    Ipv4Header ip;
    ip.SetSource(Ipv4Address("10.1.1.1"));
    ip.SetDestination(Ipv4Address("10.2.1.1"));
    ip.SetProtocol(NEXT_HEADER_UDP);
    ip.SetPayloadSize(packet->GetSize());
    ip.SetTtl(63);
    packet->AddHeader(ip);
    return packet;
}

/// \return a UDP segment gwA -> gwB (the transport SA's payload)
Ptr<Packet>
MakeTransportUdp()
{
    Ptr<Packet> packet = Create<Packet>(20);
    UdpHeader udp;
    udp.SetSourcePort(500);
    udp.SetDestinationPort(7);
    packet->AddHeader(udp);
    return packet;
}

/**
 * \brief Appends a crafted-target record (see RunCraftedRecords) to a seed.
 * \param seed the seed
 * \param flags record flags
 * \param sequence low-order sequence number
 * \param padLength pad length byte
 * \param nextHeader next header
 * \param payload payload (at most 255 bytes are used)
 */
void
AppendRecord(std::vector<uint8_t>& seed,
             uint8_t flags,
             uint32_t sequence,
             uint8_t padLength,
             uint8_t nextHeader,
             const std::vector<uint8_t>& payload)
{
    const size_t size = std::min<size_t>(payload.size(), 255);
    seed.push_back(flags);
    uint8_t bytes[4];
    WriteU32(bytes, sequence);
    seed.insert(seed.end(), bytes, bytes + 4);
    seed.push_back(padLength);
    seed.push_back(nextHeader);
    seed.push_back(static_cast<uint8_t>(size));
    seed.insert(seed.end(), payload.begin(), payload.begin() + size);
}

/**
 * \brief Writes one seed file.
 * \param directory where
 * \param name file name
 * \param target selector byte
 * \param body the rest
 */
void
WriteSeed(const std::string& directory,
          const std::string& name,
          uint8_t target,
          const std::vector<uint8_t>& body)
{
    std::ofstream file(directory + "/" + name, std::ios::binary);
    file.put(static_cast<char>(target));
    file.write(reinterpret_cast<const char*>(body.data()),
               static_cast<std::streamsize>(body.size()));
    if (!file)
    {
        std::fprintf(stderr, "cannot write %s/%s\n", directory.c_str(), name.c_str());
        std::exit(1);
    }
}

/**
 * \brief Writes a seed corpus: a valid packet for each raw target, a record sequence for each
 * crafted target (valid, replayed, bad pad length, dummy), and IP packets for the parsers.
 * \param directory an existing folder
 */
void
WriteSeeds(const std::string& directory)
{
    Ptr<CryptoRandom> random = CreateObject<CryptoRandom>();
    random->AssignStreams(1);
    const std::vector<uint8_t> inner = BytesOf(MakeInnerUdp(16));
    const std::vector<uint8_t> transportPayload = BytesOf(MakeTransportUdp());

    std::vector<FuzzSa>& sas = FixedSas();
    for (uint8_t i = 0; i < SA_COUNT; ++i)
    {
        IpsecDropReason reason = IpsecDropReason::COUNT;
        Ptr<Packet> esp = IpsecEspTransform::Protect(*sas[i].out,
                                                     Create<Packet>(inner.data(), inner.size()),
                                                     NEXT_HEADER_IPV4,
                                                     *random,
                                                     &reason);
        const std::string name = sas[i].out->GetConfig().encryption->name;
        WriteSeed(directory,
                  "raw-" + std::to_string(i) + "-" + name,
                  TARGET_RAW_SA + i,
                  BytesOf(esp));

        std::vector<uint8_t> records;
        AppendRecord(records, PAD_CORRECT, 1, 0, NEXT_HEADER_IPV4, inner);
        AppendRecord(records, PAD_CORRECT, 1, 0, NEXT_HEADER_IPV4, inner); // replayed
        AppendRecord(records, PAD_LENGTH_FROM_INPUT, 2, 255, NEXT_HEADER_IPV4, inner);
        AppendRecord(records, PAD_BYTES_WRONG, 3, 0, NEXT_HEADER_IPV4, inner);
        AppendRecord(records, PAD_CORRECT, 4, 0, NEXT_HEADER_NO_NEXT, {});
        WriteSeed(directory,
                  "crafted-" + std::to_string(i) + "-" + name,
                  TARGET_CRAFTED_SA + i,
                  records);
    }

    WriteSeed(directory, "flow-ipv4-udp", TARGET_FLOW, inner);
    // IPv6: Hop-by-Hop Options (PadN) -> Fragment (offset 0, more fragments) -> UDP.
    const std::vector<uint8_t> ipv6 = {
        0x60, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x40,                            // v6, len 32
        0x20, 0x01, 0x0d, 0xb8, 0,    0,    0,    0,    0, 0, 0, 0, 0, 0, 0, 0x01, // source
        0x20, 0x01, 0x0d, 0xb8, 0,    0,    0,    0,    0, 0, 0, 0, 0, 0, 0, 0x02, // destination
        0x2c, 0x00, 0x01, 0x04, 0x00, 0x00, 0x00, 0x00,                            // HBH -> frag
        0x11, 0x00, 0x00, 0x01, 0x12, 0x34, 0x56, 0x78,                            // frag -> UDP
        0xc0, 0x00, 0x00, 0x35, 0x00, 0x10, 0x00, 0x00,                            // UDP
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,                            // data
    };
    WriteSeed(directory, "flow-ipv6-hbh-fragment-udp", TARGET_FLOW, ipv6);

    Network& network = TheNetwork();
    IpsecDropReason reason = IpsecDropReason::COUNT;
    Ptr<Packet> tunnel = IpsecEspTransform::Protect(*network.tunnelA.outboundSa,
                                                    Create<Packet>(inner.data(), inner.size()),
                                                    NEXT_HEADER_IPV4,
                                                    *random,
                                                    &reason);
    WriteSeed(directory, "node-raw-tunnel", TARGET_NODE_RAW, BytesOf(tunnel));
    Ptr<Packet> transport =
        IpsecEspTransform::Protect(*network.transportA.outboundSa,
                                   Create<Packet>(transportPayload.data(), transportPayload.size()),
                                   NEXT_HEADER_UDP,
                                   *random,
                                   &reason);
    WriteSeed(directory, "node-raw-transport", TARGET_NODE_RAW, BytesOf(transport));

    std::vector<uint8_t> records;
    AppendRecord(records, PAD_CORRECT, 1, 0, NEXT_HEADER_IPV4, inner);
    AppendRecord(records, PAD_CORRECT, 2, 0, NEXT_HEADER_IPV4, inner);
    WriteSeed(directory, "node-crafted-tunnel", TARGET_NODE_TUNNEL, records);
    records.clear();
    AppendRecord(records, PAD_CORRECT, 1, 0, NEXT_HEADER_UDP, transportPayload);
    AppendRecord(records, PAD_CORRECT, 2, 0, NEXT_HEADER_UDP, transportPayload);
    WriteSeed(directory, "node-crafted-transport", TARGET_NODE_TRANSPORT, records);
}

} // namespace

/**
 * \brief AddressSanitizer's built-in defaults for this program (ASAN_OPTIONS still override).
 *
 * The exit-time leak check is off: the crypto layer keeps the OpenSSL algorithms it fetched
 * for the whole process in a static map, whose destructor runs before that check, which then
 * reports them as lost (a few KiB, once per algorithm) on every run. libFuzzer's own check
 * after new inputs stays on (it gives up by itself after a while, because ns-3 keeps packet
 * buffers in free lists), and -rss_limit_mb catches memory that grows without bound.
 * \return the options
 */
extern "C" const char*
__asan_default_options()
{
    return "leak_check_at_exit=0";
}

/**
 * \brief libFuzzer's start-up hook: builds the fixed state once, or writes the seed corpus
 * and exits when asked to with --write-seeds=DIR.
 * \param argc argument count
 * \param argv arguments
 * \return 0
 */
extern "C" int
LLVMFuzzerInitialize(int* argc, char*** argv)
{
    const std::string option = "--write-seeds=";
    for (int i = 1; i < *argc; ++i)
    {
        const std::string argument = (*argv)[i];
        if (argument.compare(0, option.size(), option) == 0)
        {
            WriteSeeds(argument.substr(option.size()));
            std::exit(0);
        }
    }
    // Building here rather than in the first input keeps the first input's time honest.
    FixedSas();
    TheNetwork();
    return 0;
}

/**
 * \brief One fuzzer input: the first byte chooses the target, the rest is its input.
 * \param data the input
 * \param size its size
 * \return 0 (the input is always consumed)
 */
extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
    {
        return 0;
    }
    const uint8_t target = data[0] % TARGET_COUNT;
    const uint8_t* rest = data + 1;
    const size_t restSize = size - 1;

    if (target < TARGET_CRAFTED_SA)
    {
        FuzzSa& sa = FixedSas()[target - TARGET_RAW_SA];
        sa.in->GetReplayWindow() = sa.initial;
        Consume(IpsecEspTransform::Unprotect(*sa.in, Create<Packet>(rest, restSize)));
    }
    else if (target < TARGET_FLOW)
    {
        FuzzSa& sa = FixedSas()[target - TARGET_CRAFTED_SA];
        sa.in->GetReplayWindow() = sa.initial;
        InputReader input(rest, restSize);
        RunCraftedRecords(input, *sa.out, *sa.in, KeepPayload, [&sa](Ptr<Packet> packet) {
            Consume(IpsecEspTransform::Unprotect(*sa.in, packet));
        });
    }
    else if (target == TARGET_FLOW)
    {
        RunFlowParsers(rest, restSize);
    }
    else
    {
        Network& network = TheNetwork();
        network.Reset();
        if (target == TARGET_NODE_RAW)
        {
            network.Deliver(Create<Packet>(rest, restSize));
        }
        else
        {
            const IpsecManualSaResult& a =
                target == TARGET_NODE_TUNNEL ? network.tunnelA : network.transportA;
            const IpsecManualSaResult& b =
                target == TARGET_NODE_TUNNEL ? network.tunnelB : network.transportB;
            InputReader input(rest, restSize);
            RunCraftedRecords(input,
                              *a.outboundSa,
                              *b.inboundSa,
                              AvoidNs3ParserBugs,
                              [&network](Ptr<Packet> p) { network.Deliver(p); });
        }
    }
    return 0;
}

#ifdef IPSEC_FUZZ_STANDALONE
/**
 * \brief Replays inputs without libFuzzer, for tools that cannot run next to ASan: valgrind
 * sees the reads and writes of ns-3 and OpenSSL, which ASan does not instrument (see
 * test/fuzz/README.md).
 * \param argc argument count
 * \param argv input files
 * \return 0
 */
int
main(int argc, char* argv[])
{
    LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; ++i)
    {
        std::ifstream file(argv[i], std::ios::binary);
        const std::vector<uint8_t> input((std::istreambuf_iterator<char>(file)),
                                         std::istreambuf_iterator<char>());
        std::fprintf(stderr, "input %s\n", argv[i]);
        LLVMFuzzerTestOneInput(input.data(), input.size());
    }
    return 0;
}
#endif
