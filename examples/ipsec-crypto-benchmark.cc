/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup ipsec
 * Micro-benchmark of the ipsec crypto layer against raw OpenSSL, measured in the same run.
 *
 * For every ESP encryption transform (AEAD alone; others with hmac-sha-256-128) and every
 * integrity transform (with null encryption) it times one ESP-style "encrypt and authenticate"
 * of 64, 512 and 1400-byte payloads (padded as ESP pads them) through the layer, and the same
 * EVP calls made directly: the ratio is what the layer costs on top of OpenSSL. For every
 * Diffie-Hellman group it times key-pair generation and shared-secret computation. Where the
 * `openssl` program is installed, `openssl speed` measures the matching operations in the same
 * run and those ratios are printed too.
 *
 * These figures are this machine's software-CPU costs: the crypto accelerator model's
 * "software" profile is calibrated from them.
 *
 * Output: a table on stdout, and esp.csv, dh.csv in --out.
 */

#include "ns3/core-module.h"
#include "ns3/crypto-algorithm-table.h"
#include "ns3/crypto-cipher.h"
#include "ns3/crypto-integrity.h"
#include "ns3/crypto-key-exchange.h"
#include "ns3/crypto-openssl.h"
#include "ns3/crypto-random.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <openssl/evp.h>
#include <sstream>
#include <time.h>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("IpsecCryptoBenchmark");

namespace
{

/// ESP header: SPI and sequence number (RFC 4303 section 2), covered by ICV and AEAD AAD.
constexpr size_t ESP_HEADER_BYTES = 8;
/// Pad length and next header bytes of the ESP trailer (RFC 4303 section 2.4-2.6).
constexpr size_t ESP_TRAILER_BYTES = 2;

/// Seconds per measurement, and how many interleaved repetitions keep the fastest.
struct Budget
{
    double seconds;
    int repetitions;
};

/// CPU time of this thread in seconds: what `openssl speed` divides by (it counts user CPU
/// time, not wall-clock time), so that other load on the machine does not skew the ratios.
double
ThreadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec + now.tv_nsec * 1e-9;
}

/**
 * CPU nanoseconds per call of op: calls in batches until the budget is spent, so that reading
 * the clock costs little even for sub-microsecond operations.
 */
double
NanosecondsPerCall(const std::function<void()>& op, double seconds, int batch)
{
    op(); // warm caches and lazy set-up
    uint64_t calls = 0;
    double elapsed = 0;
    const double start = ThreadCpuSeconds();
    do
    {
        for (int i = 0; i < batch; ++i)
        {
            op();
        }
        calls += batch;
        elapsed = ThreadCpuSeconds() - start;
    } while (elapsed < seconds);
    return elapsed * 1e9 / calls;
}

/// Times two operations alternately and keeps each one's best run, so drifting machine load
/// affects both alike.
std::pair<double, double>
CompareFastest(const std::function<void()>& layer,
               const std::function<void()>& reference,
               const Budget& budget,
               int batch)
{
    double bestLayer = 1e300;
    double bestReference = 1e300;
    for (int r = 0; r < budget.repetitions; ++r)
    {
        bestLayer = std::min(bestLayer, NanosecondsPerCall(layer, budget.seconds, batch));
        bestReference =
            std::min(bestReference, NanosecondsPerCall(reference, budget.seconds, batch));
    }
    return {bestLayer, bestReference};
}

/// ESP payload length on the wire: data and trailer padded to the cipher's alignment
/// (RFC 4303 section 2.4: at least 4 bytes).
size_t
PaddedPayload(const CryptoEncryptionAlgorithm& encryption, size_t data)
{
    size_t alignment = std::max<size_t>(encryption.blockBytes, 4);
    size_t unpadded = data + ESP_TRAILER_BYTES;
    return (unpadded + alignment - 1) / alignment * alignment;
}

/// One ESP encrypt-and-authenticate done with raw EVP calls: the reference.
class RawEspOperation
{
  public:
    RawEspOperation(const CryptoEncryptionAlgorithm& encryption,
                    const CryptoIntegrityAlgorithm* integrity,
                    const CryptoBytes& keyMaterial,
                    const CryptoBytes& integrityKey)
        : m_encryption(encryption),
          m_cipher(nullptr),
          m_mac(nullptr)
    {
        if (encryption.opensslName)
        {
            m_cipher = EVP_CIPHER_CTX_new();
            EVP_EncryptInit_ex2(m_cipher,
                                CryptoOpenssl::FetchCipher(encryption.opensslName),
                                keyMaterial.data(),
                                nullptr,
                                nullptr);
            EVP_CIPHER_CTX_set_padding(m_cipher, 0);
            m_salt.assign(keyMaterial.begin() + encryption.keyBytes, keyMaterial.end());
        }
        if (integrity)
        {
            m_icvBytes = integrity->icvBytes;
            m_mac = EVP_MAC_CTX_new(CryptoOpenssl::FetchHmac());
            std::string digest = integrity->digestName;
            OSSL_PARAM params[] = {
                OSSL_PARAM_construct_utf8_string("digest", digest.data(), 0),
                OSSL_PARAM_construct_end(),
            };
            EVP_MAC_init(m_mac, integrityKey.data(), integrityKey.size(), params);
        }
    }

    ~RawEspOperation()
    {
        EVP_CIPHER_CTX_free(m_cipher);
        EVP_MAC_CTX_free(m_mac);
    }

    void Run(const uint8_t* header, const uint8_t* iv, uint8_t* data, size_t size, uint8_t* icv)
    {
        int written = 0;
        if (m_cipher)
        {
            uint8_t nonce[16] = {};
            std::copy(m_salt.begin(), m_salt.end(), nonce);
            std::copy(iv, iv + m_encryption.ivBytes, nonce + m_salt.size());
            nonce[15] = m_encryption.mode == CryptoCipherMode::CTR ? 1 : nonce[15];
            EVP_EncryptInit_ex(m_cipher, nullptr, nullptr, nullptr, nonce);
            if (m_encryption.IsAead())
            {
                EVP_EncryptUpdate(m_cipher, nullptr, &written, header, ESP_HEADER_BYTES);
            }
            EVP_EncryptUpdate(m_cipher, data, &written, data, static_cast<int>(size));
            EVP_EncryptFinal_ex(m_cipher, data + size, &written);
            if (m_encryption.IsAead())
            {
                uint8_t tag[16];
                EVP_CIPHER_CTX_ctrl(m_cipher, EVP_CTRL_AEAD_GET_TAG, 16, tag);
                std::copy(tag, tag + m_encryption.icvBytes, icv);
            }
        }
        if (m_mac)
        {
            uint8_t full[64];
            size_t length = 0;
            EVP_MAC_init(m_mac, nullptr, 0, nullptr);
            EVP_MAC_update(m_mac, header, ESP_HEADER_BYTES);
            EVP_MAC_update(m_mac, iv, m_encryption.ivBytes);
            EVP_MAC_update(m_mac, data, size);
            EVP_MAC_final(m_mac, full, &length, sizeof(full));
            std::copy(full, full + m_icvBytes, icv);
        }
    }

  private:
    const CryptoEncryptionAlgorithm& m_encryption;
    EVP_CIPHER_CTX* m_cipher;
    EVP_MAC_CTX* m_mac;
    CryptoBytes m_salt;
    size_t m_icvBytes{0};
};

/// Runs `openssl speed -mr` and returns seconds of CPU time per operation, keyed by the
/// cipher name openssl prints ("+F" lines, for the first size of -bytes) or by "+F5:<bits>" /
/// "+F8:<bits>" (ECDH, FFDH); empty if the program is missing or fails.
std::map<std::string, double>
OpensslSpeed(const std::string& arguments)
{
    std::map<std::string, double> secondsPerOp;
    std::string command = "openssl speed -mr -seconds 1 " + arguments + " 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe)
    {
        return secondsPerOp;
    }
    double bufferBytes = 0;
    char line[512];
    while (fgets(line, sizeof(line), pipe.get()))
    {
        std::vector<std::string> fields;
        std::stringstream stream(line);
        for (std::string field; std::getline(stream, field, ':');)
        {
            fields.push_back(field);
        }
        if (fields.size() >= 2 && fields[0] == "+H")
        {
            bufferBytes = std::stod(fields[1]); // +H:<buffer sizes...>
        }
        else if (fields.size() >= 4 && fields[0] == "+F" && bufferBytes > 0)
        {
            // +F:<index>:<cipher>:<bytes per second for each size>
            secondsPerOp[fields[2]] = bufferBytes / std::stod(fields[3]);
        }
        else if (fields.size() >= 5 && (fields[0] == "+F5" || fields[0] == "+F8"))
        {
            // +F5:<index>:<bits>:<ops per second>:<seconds per op> (ECDH, FFDH)
            secondsPerOp[fields[0] + ":" + fields[2]] = std::stod(fields[4]);
        }
    }
    return secondsPerOp;
}

/// `openssl speed` algorithm for a DH group, and the key under which OpensslSpeed() returns it.
std::pair<std::string, std::string>
SpeedNameOfGroup(const CryptoDhGroup& group)
{
    static const std::map<uint16_t, std::pair<std::string, std::string>> names = {
        {14, {"ffdh2048", "+F8:2048"}},
        {15, {"ffdh3072", "+F8:3072"}},
        {16, {"ffdh4096", "+F8:4096"}},
        {17, {"ffdh6144", "+F8:6144"}},
        {18, {"ffdh8192", "+F8:8192"}},
        {19, {"ecdhp256", "+F5:256"}},
        {20, {"ecdhp384", "+F5:384"}},
        {21, {"ecdhp521", "+F5:521"}},
        {25, {"ecdhp192", "+F5:192"}},
        {26, {"ecdhp224", "+F5:224"}},
        {31, {"ecdhx25519", "+F5:253"}},
    };
    auto found = names.find(group.transformId);
    return found == names.end() ? std::pair<std::string, std::string>() : found->second;
}

std::string
Ratio(double numerator, double denominator)
{
    if (denominator <= 0)
    {
        return "";
    }
    std::ostringstream text;
    text << std::fixed << std::setprecision(2) << numerator / denominator;
    return text.str();
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string out = "results/crypto-benchmark";
    bool quick = false;
    bool useOpensslSpeed = true;
    double seconds = 0.2;
    CommandLine cmd(__FILE__);
    cmd.AddValue("out", "Folder for esp.csv and dh.csv", out);
    cmd.AddValue("seconds", "Seconds per timed run (each figure is the best of 3 runs)", seconds);
    cmd.AddValue("quick", "Short runs, three groups, no `openssl speed` (for tests)", quick);
    cmd.AddValue("openssl-speed",
                 "Also run `openssl speed` for reference figures",
                 useOpensslSpeed);
    cmd.Parse(argc, argv);
    if (quick)
    {
        seconds = 0.005;
        useOpensslSpeed = false;
    }
    const Budget budget{seconds, 3};
    std::error_code error;
    std::filesystem::create_directories(out, error);
    if (error)
    {
        std::cerr << "cannot create output folder " << out << ": " << error.message() << "\n";
        return 1;
    }
    CryptoOpenssl::RequireLegacyProvider("the des-cbc benchmark");

    Ptr<CryptoRandom> random = CreateObject<CryptoRandom>();
    random->AssignStreams(0);
    const auto& defaultIntegrity =
        CryptoAlgorithmTable::GetIntegrity("hmac-sha-256-128", "benchmark");
    const auto& nullEncryption = CryptoAlgorithmTable::GetEncryption("null", "benchmark");

    // (encryption, integrity) pairs: each encryption transform, then each integrity transform.
    std::vector<std::pair<const CryptoEncryptionAlgorithm*, const CryptoIntegrityAlgorithm*>> pairs;
    for (const auto& encryption : CryptoAlgorithmTable::EncryptionAlgorithms())
    {
        if (encryption.mode != CryptoCipherMode::NULL_CIPHER)
        {
            pairs.emplace_back(&encryption, encryption.IsAead() ? nullptr : &defaultIntegrity);
        }
    }
    for (const auto& integrity : CryptoAlgorithmTable::IntegrityAlgorithms())
    {
        pairs.emplace_back(&nullEncryption, &integrity);
    }

    std::map<std::string, double> speed;
    if (useOpensslSpeed)
    {
        for (const char* cipher : {"aes-128-gcm", "aes-256-gcm", "chacha20-poly1305"})
        {
            auto figures = OpensslSpeed(std::string("-bytes 1400 -evp ") + cipher);
            for (const auto& [name, value] : figures)
            {
                speed[name] = value;
            }
        }
    }

    std::ofstream espCsv(out + "/esp.csv");
    espCsv << "encryption,integrity,payload_bytes,encrypted_bytes,layer_ns,openssl_evp_ns,"
              "layer_to_evp,openssl_speed_ns,layer_to_openssl_speed\n";
    std::cout << "ESP encrypt + authenticate, ns per packet (best of " << budget.repetitions
              << " runs of " << budget.seconds << " s)\n"
              << std::left << std::setw(20) << "encryption" << std::setw(18) << "integrity"
              << std::right << std::setw(8) << "payload" << std::setw(11) << "layer"
              << std::setw(11) << "raw EVP" << std::setw(8) << "ratio" << std::setw(14)
              << "openssl speed" << std::setw(8) << "ratio"
              << "\n";
    double targetRatio = 0;
    for (const auto& [encryption, integrity] : pairs)
    {
        CryptoBytes keyMaterial = random->Generate(encryption->KeyMaterialBytes());
        CryptoBytes integrityKey =
            integrity ? random->Generate(integrity->keyBytes) : CryptoBytes();
        CryptoCipher cipher(*encryption, keyMaterial);
        Ptr<CryptoIntegrity> icvTransform =
            integrity ? Create<CryptoIntegrity>(*integrity, integrityKey) : nullptr;
        RawEspOperation raw(*encryption, integrity, keyMaterial, integrityKey);
        for (size_t payload : {64, 512, 1400})
        {
            const size_t size = PaddedPayload(*encryption, payload);
            CryptoBytes header = random->Generate(ESP_HEADER_BYTES);
            CryptoBytes iv = random->Generate(encryption->ivBytes);
            CryptoBytes data = random->Generate(size + 16);
            CryptoBytes icv(32);
            auto layerOp = [&]() {
                cipher.Encrypt(iv.data(),
                               encryption->IsAead() ? CryptoByteView(header) : CryptoByteView(),
                               data.data(),
                               size,
                               data.data(),
                               icv.data());
                if (icvTransform)
                {
                    icvTransform->Compute({header, iv, CryptoByteView(data.data(), size)},
                                          icv.data());
                }
            };
            auto rawOp = [&]() {
                raw.Run(header.data(), iv.data(), data.data(), size, icv.data());
            };
            auto [layerNs, evpNs] = CompareFastest(layerOp, rawOp, budget, 16);

            double speedNs = 0;
            if (payload == 1400 && encryption->IsAead())
            {
                std::string name = encryption->opensslName;
                std::transform(name.begin(), name.end(), name.begin(), ::toupper);
                if (speed.count(name) && encryption->icvBytes == 16)
                {
                    speedNs = speed[name] * 1e9;
                }
            }
            std::string integrityName = integrity ? integrity->name : "(aead)";
            espCsv << encryption->name << "," << integrityName << "," << payload << "," << size
                   << "," << layerNs << "," << evpNs << "," << Ratio(layerNs, evpNs) << ","
                   << (speedNs > 0 ? std::to_string(speedNs) : "") << "," << Ratio(layerNs, speedNs)
                   << "\n";
            std::cout << std::left << std::setw(20) << encryption->name << std::setw(18)
                      << integrityName << std::right << std::setw(8) << payload << std::setw(11)
                      << std::fixed << std::setprecision(0) << layerNs << std::setw(11) << evpNs
                      << std::setw(8) << Ratio(layerNs, evpNs) << std::setw(14)
                      << (speedNs > 0 ? std::to_string(static_cast<int>(speedNs)) : "-")
                      << std::setw(8) << (speedNs > 0 ? Ratio(layerNs, speedNs) : "-") << "\n";
            if (std::string(encryption->name) == "aes-128-gcm" && payload == 1400)
            {
                targetRatio = speedNs > 0 ? layerNs / speedNs : layerNs / evpNs;
            }
        }
    }

    std::map<std::string, double> dhSpeed;
    if (useOpensslSpeed)
    {
        std::string algorithms;
        for (const auto& group : CryptoAlgorithmTable::DhGroups())
        {
            algorithms += " " + SpeedNameOfGroup(group).first;
        }
        dhSpeed = OpensslSpeed(algorithms);
    }
    std::ofstream dhCsv(out + "/dh.csv");
    dhCsv << "group,kind,operation,layer_us,openssl_speed_us,layer_to_openssl_speed\n";
    std::cout << "\nDiffie-Hellman, microseconds per operation\n"
              << std::left << std::setw(9) << "group" << std::right << std::setw(12) << "key pair"
              << std::setw(14) << "shared secret" << std::setw(15) << "openssl speed"
              << std::setw(8) << "ratio"
              << "\n";
    for (const auto& group : CryptoAlgorithmTable::DhGroups())
    {
        if (quick && group.transformId != 14 && group.transformId != 19 && group.transformId != 31)
        {
            continue;
        }
        Ptr<CryptoKeyExchange> local = Create<CryptoKeyExchange>(group);
        Ptr<CryptoKeyExchange> peer = Create<CryptoKeyExchange>(group);
        peer->GenerateKeyPair(*random);
        CryptoBytes secret;
        const double dhSeconds = std::max(seconds, quick ? 0.0 : 0.5);
        double keyPairUs =
            NanosecondsPerCall([&]() { local->GenerateKeyPair(*random); }, dhSeconds, 1) / 1e3;
        double sharedUs = NanosecondsPerCall(
                              [&]() { local->ComputeSharedSecret(peer->GetPublicValue(), secret); },
                              dhSeconds,
                              1) /
                          1e3;
        auto speedName = SpeedNameOfGroup(group);
        double speedUs = dhSpeed.count(speedName.second) ? dhSpeed[speedName.second] * 1e6 : 0;
        const char* kind = group.kind == CryptoKeyExchangeKind::MODP  ? "modp"
                           : group.kind == CryptoKeyExchangeKind::ECP ? "ecp"
                                                                      : "x25519";
        dhCsv << group.name << "," << kind << ",key_pair," << keyPairUs << ",,\n";
        dhCsv << group.name << "," << kind << ",shared_secret," << sharedUs << ","
              << (speedUs > 0 ? std::to_string(speedUs) : "") << "," << Ratio(sharedUs, speedUs)
              << "\n";
        std::cout << std::left << std::setw(9) << group.name << std::right << std::fixed
                  << std::setprecision(1) << std::setw(12) << keyPairUs << std::setw(14) << sharedUs
                  << std::setw(15) << (speedUs > 0 ? Ratio(speedUs, 1.0) : std::string("-"))
                  << std::setw(8) << (speedUs > 0 ? Ratio(sharedUs, speedUs) : std::string("-"))
                  << "\n";
    }

    std::cout << "\naes-128-gcm, 1400-byte payload: layer / "
              << (useOpensslSpeed && speed.count("AES-128-GCM") ? "openssl speed" : "raw EVP")
              << " = " << std::setprecision(2) << targetRatio
              << " (target <= 1.25: " << (targetRatio <= 1.25 ? "met" : "NOT met") << ")\n"
              << "Wrote " << out << "/esp.csv and " << out << "/dh.csv\n";
    return 0;
}
