/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup ipsec
 * Simulation-speed benchmark of the ESP data plane: the same two-site UDP flood (1400-byte
 * datagrams, host A to host B across two gateways) runs once in the clear and once through a
 * manual-key ESP tunnel (aes-128-gcm by default), in one process. It prints simulated packets
 * delivered per wall-clock second for both runs and their ratio (target: ESP at least 0.7 of
 * the plain run). Each run is repeated and the fastest kept. Besides wall-clock time it
 * reports the process's CPU time, which other load on the machine does not inflate: on a
 * shared machine, compare the CPU-time ratio.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/crypto-algorithm-table.h"
#include "ns3/internet-module.h"
#include "ns3/ipsec-helper.h"
#include "ns3/point-to-point-module.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <time.h>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("IpsecThroughputBenchmark");

namespace
{

struct RunResult
{
    uint64_t delivered; //!< datagrams host B received
    double wallSeconds; //!< wall-clock time of Simulator::Run()
    double cpuSeconds;  //!< CPU time of Simulator::Run()
};

/// CPU time of this process: other load on the machine does not inflate it.
double
CpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec + now.tv_nsec * 1e-9;
}

/// One flood: builds the network, optionally the ESP tunnel, runs, tears down.
RunResult
Flood(bool esp, const std::string& encryption, uint32_t packets)
{
    NodeContainer nodes;
    nodes.Create(4); // hostA 10.1.1.1, gwA, gwB, hostB 10.2.1.2
    InternetStackHelper stack;
    stack.Install(nodes);
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    link.SetChannelAttribute("Delay", StringValue("100us"));
    link.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("10000p"));
    Ipv4AddressHelper addresses;
    const char* subnets[] = {"10.1.1.0", "192.0.2.0", "10.2.1.0"};
    for (uint32_t i = 0; i < 3; ++i)
    {
        addresses.SetBase(subnets[i], "255.255.255.0");
        addresses.Assign(link.Install(nodes.Get(i), nodes.Get(i + 1)));
    }
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    if (esp)
    {
        NodeContainer gateways(nodes.Get(1), nodes.Get(2));
        IpsecHelper ipsec;
        ipsec.Install(gateways);
        IpsecHelper::AssignStreams(gateways, 0);
        IpsecManualSaConfig vpn;
        vpn.localGateway = "192.0.2.1";
        vpn.remoteGateway = "192.0.2.2";
        vpn.localTrafficSelector = "10.1.1.0/24";
        vpn.remoteTrafficSelector = "10.2.1.0/24";
        vpn.encryption = encryption;
        const auto& cipher = CryptoAlgorithmTable::GetEncryption(encryption, "--encryption");
        vpn.encryptionKey = CryptoToHex(CryptoBytes(cipher.KeyMaterialBytes(), 0x5a));
        if (!cipher.IsAead())
        {
            vpn.authentication = "hmac-sha-256-128";
            vpn.authenticationKey = CryptoToHex(CryptoBytes(32, 0xa5));
        }
        IpsecHelper::AddManualSa(gateways.Get(0), vpn);
        IpsecHelper::AddManualSa(gateways.Get(1), IpsecHelper::Mirror(vpn));
    }
    UdpServerHelper server(9000);
    ApplicationContainer serverApp = server.Install(nodes.Get(3));
    UdpClientHelper client(Ipv4Address("10.2.1.2"), 9000); // host B
    client.SetAttribute("MaxPackets", UintegerValue(packets));
    client.SetAttribute("Interval", TimeValue(MicroSeconds(5)));
    client.SetAttribute("PacketSize", UintegerValue(1400));
    ApplicationContainer clientApp = client.Install(nodes.Get(0));
    clientApp.Start(Seconds(0.1));
    Simulator::Stop(Seconds(0.2) + MicroSeconds(5) * packets);
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = CpuSeconds();
    Simulator::Run();
    const double cpu = CpuSeconds() - cpuStart;
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    RunResult result{DynamicCast<UdpServer>(serverApp.Get(0))->GetReceived(), wall, cpu};
    Simulator::Destroy();
    return result;
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t packets = 100000;
    uint32_t repetitions = 3;
    std::string encryption = "aes-128-gcm";
    std::string only;
    CommandLine cmd(__FILE__);
    cmd.AddValue("only", "run only 'plain' or 'esp' (for profiling, e.g. under callgrind)", only);
    cmd.AddValue("packets", "datagrams per flood", packets);
    cmd.AddValue("repetitions", "runs of each flood; the fastest counts", repetitions);
    cmd.AddValue("encryption", "ESP encryption (non-AEAD ones get hmac-sha-256-128)", encryption);
    cmd.Parse(argc, argv);

    double best[2] = {0, 0};
    double bestCpu[2] = {0, 0};
    uint64_t delivered[2] = {0, 0};
    for (uint32_t r = 0; r < repetitions; ++r)
    {
        for (int esp = 0; esp < 2; ++esp)
        {
            if ((only == "plain" && esp == 1) || (only == "esp" && esp == 0))
            {
                delivered[esp] = packets;
                best[esp] = 1;
                bestCpu[esp] = 1;
                continue;
            }
            RunResult result = Flood(esp == 1, encryption, packets);
            delivered[esp] = result.delivered;
            best[esp] = std::max(best[esp], result.delivered / result.wallSeconds);
            bestCpu[esp] = std::max(bestCpu[esp], result.delivered / result.cpuSeconds);
        }
    }
    std::cout << std::fixed << std::setprecision(0) << "UDP flood, " << packets
              << " x 1400 B, hostA -> gwA -> gwB -> hostB (best of " << repetitions << ")\n"
              << "  simulated packets per second of    wall-clock      CPU time\n"
              << "  plain                           " << std::setw(12) << best[0] << std::setw(14)
              << bestCpu[0] << "\n"
              << "  ESP " << std::setw(28) << std::left << encryption << std::right << std::setw(12)
              << best[1] << std::setw(14) << bestCpu[1] << "\n"
              << std::setprecision(2) << "  ratio ESP / plain               " << std::setw(12)
              << best[1] / best[0] << std::setw(14) << bestCpu[1] / bestCpu[0]
              << "   (target >= 0.7)\n";
    return delivered[0] == packets && delivered[1] == packets ? 0 : 1;
}
