/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer target for the IKEv2 message codec (build and run: test/fuzz/README.md).
 *
 * Each input is parsed as a whole IKE message. When it parses, it is serialized again, the
 * result must parse, serialize to the same bytes (the round trip is stable) and be as long as
 * the input (the codec drops nothing that takes space: only RESERVED bits may differ). A
 * message whose last payload is SK is also handed to the SK protection of two fixed suites
 * (AES-128-CBC + HMAC-SHA-256-128 and AES-256-GCM), which must refuse it without reading past
 * it. Independently, input byte 0 is taken as a first payload type and the rest parsed as the
 * decrypted payloads of an SK payload, with the same round-trip checks.
 *
 * A broken invariant aborts with a message on stderr; a crash or a sanitizer report is the
 * other signal. With --write-seeds=DIR the program writes the seed corpus (the sample messages
 * of the codec tests) to DIR and exits; libFuzzer ignores flags that start with "--".
 */

#include "../ikev2-test-messages.h"

#include "ns3/ikev2-message-protection.h"
#include "ns3/ikev2-message.h"
#include "ns3/ikev2-payload-chain.h"

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

/// Stops the run with a message: libFuzzer then saves the input as a crash.
[[noreturn]] void
Fail(const std::string& what, const Ikev2ParseStatus& status = Ikev2ParseStatus())
{
    std::fprintf(stderr, "ikev2-message-fuzzer: %s %s\n", what.c_str(), status.ToString().c_str());
    std::abort();
}

/// The fixed SK protections tried on messages that end in an SK payload.
const std::vector<Ptr<Ikev2MessageProtection>>&
Protections()
{
    static const std::vector<Ptr<Ikev2MessageProtection>> protections = {
        Ikev2MessageProtection::FromNames("aes-128-cbc",
                                          CryptoBytes(16, 0x11),
                                          "hmac-sha-256-128",
                                          CryptoBytes(32, 0x22),
                                          test::CountingIvSource()),
        Ikev2MessageProtection::FromNames("aes-256-gcm",
                                          CryptoBytes(36, 0x33),
                                          "",
                                          {},
                                          test::CountingIvSource()),
    };
    return protections;
}

/// The round trip of a whole message.
void
CheckMessage(const uint8_t* data, size_t size)
{
    Ikev2Message message;
    if (!Ikev2Message::Parse(CryptoByteView(data, size), &message).IsOk())
    {
        return;
    }
    CryptoBytes serialized = message.Serialize();
    if (serialized.size() != size)
    {
        Fail("re-serialized message has " + std::to_string(serialized.size()) + " bytes, input " +
             std::to_string(size));
    }
    Ikev2Message again;
    Ikev2ParseStatus status = Ikev2Message::Parse(serialized, &again);
    if (!status.IsOk())
    {
        Fail("re-serialized message does not parse:", status);
    }
    if (again.Serialize() != serialized)
    {
        Fail("second serialization differs from the first");
    }
    if (message.FindPayload(Ikev2PayloadType::ENCRYPTED))
    {
        for (const auto& protection : Protections())
        {
            Ikev2Message opened;
            Ikev2PayloadList inner;
            // Random bytes do not pass an ICV; what matters is that the checks before it hold.
            protection->Unprotect(CryptoByteView(data, size), &opened, &inner);
        }
    }
}

/// The round trip of a decrypted payload chain: byte 0 is the first payload type.
void
CheckInnerChain(const uint8_t* data, size_t size)
{
    if (size == 0)
    {
        return;
    }
    auto firstType = static_cast<Ikev2PayloadType>(data[0]);
    Ikev2PayloadList payloads;
    if (!Ikev2PayloadChain::ParseInner(firstType, CryptoByteView(data + 1, size - 1), &payloads)
             .IsOk())
    {
        return;
    }
    CryptoBytes serialized = Ikev2PayloadChain::Serialize(payloads);
    if (serialized.size() != size - 1 || Ikev2PayloadChain::GetFirstType(payloads) != firstType)
    {
        Fail("re-serialized inner chain differs in length or first type");
    }
    Ikev2PayloadList again;
    Ikev2ParseStatus status = Ikev2PayloadChain::ParseInner(firstType, serialized, &again);
    if (!status.IsOk())
    {
        Fail("re-serialized inner chain does not parse:", status);
    }
    if (Ikev2PayloadChain::Serialize(again) != serialized)
    {
        Fail("second serialization of the inner chain differs from the first");
    }
}

/// Writes one seed file.
void
WriteSeed(const std::string& directory, const std::string& name, const CryptoBytes& bytes)
{
    std::ofstream file(directory + "/" + name, std::ios::binary);
    file.write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

/// The seed corpus: the codec tests' sample messages, plain and SK-protected.
void
WriteSeeds(const std::string& directory)
{
    WriteSeed(directory, "ikev2-sa-init-request", test::SampleSaInitRequest().Serialize());
    WriteSeed(directory, "ikev2-sa-init-response", test::SampleSaInitResponse().Serialize());
    WriteSeed(directory, "ikev2-informational", test::SampleInformational().Serialize());
    const char* names[] = {"ikev2-auth-aes-128-cbc", "ikev2-auth-aes-256-gcm"};
    for (size_t i = 0; i < Protections().size(); ++i)
    {
        CryptoBytes protectedMessage;
        Protections()[i]->Protect(test::SampleAuthRequestHeader(),
                                  test::SampleAuthInnerPayloads(),
                                  &protectedMessage);
        WriteSeed(directory, names[i], protectedMessage);
    }
    // An inner chain, with its first payload type in front (what CheckInnerChain reads).
    CryptoBytes inner = {static_cast<uint8_t>(Ikev2PayloadType::IDENTIFICATION_INITIATOR)};
    CryptoBytes chain = Ikev2PayloadChain::Serialize(test::SampleAuthInnerPayloads());
    inner.insert(inner.end(), chain.begin(), chain.end());
    WriteSeed(directory, "ikev2-auth-inner-chain", inner);
}

} // namespace

/**
 * \brief AddressSanitizer's built-in defaults for this program (ASAN_OPTIONS still override):
 * the crypto layer's static cache of fetched OpenSSL algorithms would otherwise be reported
 * as leaked at exit on every run.
 * \return the options
 */
extern "C" const char*
__asan_default_options()
{
    return "leak_check_at_exit=0";
}

/**
 * \brief libFuzzer's start-up hook: writes the seed corpus and exits when asked to with
 * --write-seeds=DIR.
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
    Protections();
    return 0;
}

/**
 * \brief libFuzzer's entry point: one input.
 * \param data the input
 * \param size its length
 * \return 0
 */
extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    CheckMessage(data, size);
    CheckInnerChain(data, size);
    return 0;
}

#ifdef IPSEC_FUZZ_STANDALONE
/**
 * \brief Runs the inputs named on the command line once each (replay without libFuzzer).
 * \param argc argument count
 * \param argv the program, then input files
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
        LLVMFuzzerTestOneInput(input.data(), input.size());
    }
    return 0;
}
#endif
