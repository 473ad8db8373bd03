/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup ipsec
 * Benchmark (not a test): a hub gateway and N spoke gateways, each spoke negotiating an IKEv2
 * (pre-shared key) VPN to the hub at start, the start times spread over --spread. Prints the
 * wall-clock time of the whole program, the simulated time at which the last tunnel came up,
 * and the peak memory. Target (1000 spokes, group19): under 60 s wall and under 2 GiB.
 */

#include "ns3/core-module.h"
#include "ns3/ikev2-helper.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <sys/resource.h>

using namespace ns3;

int
main(int argc, char* argv[])
{
    const auto begin = std::chrono::steady_clock::now();
    uint32_t spokes = 1000;
    std::string dhGroup = "group19";
    Time spread = Seconds(1);
    CommandLine cmd(__FILE__);
    cmd.AddValue("spokes", "number of spoke gateways", spokes);
    cmd.AddValue("dh-group", "IKE proposal dh-group", dhGroup);
    cmd.AddValue("spread", "the spokes start within this time", spread);
    cmd.Parse(argc, argv);

    IpsecHubAndSpoke net;
    Ikev2SiteToSiteOptions options;
    options.dhGroup = dhGroup;
    options.establishTunnels = {"responder-only", "immediately"};
    try
    {
        net = IpsecHubAndSpokeHelper().Build(spokes);
        Ikev2Helper().InstallHubAndSpoke(net, options, spread, 1);
    }
    catch (const std::invalid_argument& error)
    {
        std::cerr << "error: " << error.what() << "\n";
        return 2;
    }
    Simulator::Stop(spread + Seconds(30));
    Simulator::Run();

    Ptr<Ikev2Gateway> hub = Ikev2Helper::Get(net.hub);
    uint32_t up = 0;
    Time last = Seconds(0);
    for (uint32_t i = 0; i < spokes; ++i)
    {
        const Time time = hub->GetTunnelUpTime(Ikev2Helper::SpokeVpnName(i));
        if (!time.IsNegative())
        {
            ++up;
            last = std::max(last, time);
        }
    }
    const Ikev2DaemonCounters& counters = hub->GetDaemon()->GetCounters();
    Simulator::Destroy();
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    std::cout << "IKEv2 hub and " << spokes << " spokes, " << dhGroup << ", starts spread over "
              << spread.GetSeconds() << " s\n"
              << "  tunnels up: " << up << " of " << spokes << "\n"
              << "  last tunnel up at " << last.GetSeconds() << " s simulated\n"
              << "  hub: " << counters.responsesSent << " responses, " << counters.responsesResent
              << " resent, " << counters.exchangesFailed << " failed exchanges\n"
              << "  wall-clock time " << wall << " s (target < 60 s for 1000 spokes)\n"
              << "  peak memory " << usage.ru_maxrss / 1024 << " MiB (target < 2048 MiB)\n";
    return up == spokes ? 0 : 1;
}
