/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer target: a responder's handling of a first message. gwB of the two-site network runs
 * the IKEv2 daemon of a site-to-site VPN (Ikev2Helper) and gets each input as a datagram from
 * gwA's address on port 500: header parsing, IKE SA creation, message-ID checks, proposal
 * selection, Diffie-Hellman with the peer's KE data, key derivation and the answer. The input
 * may also be an IKE_AUTH or any later message for the IKE SA an earlier input created.
 *
 * Invariants checked: no crash or sanitizer report; the daemon never holds more IKE SAs than
 * responses it sent (an IKE SA exists only for an IKE_SA_INIT it answered).
 *
 *   --write-seeds=DIR writes seed inputs (IKE_SA_INIT requests for several groups).
 */
#include "ns3/crypto-key-exchange.h"
#include "ns3/ikev2-helper.h"
#include "ns3/ikev2-ke-payload.h"
#include "ns3/ikev2-message.h"
#include "ns3/ikev2-nonce-payload.h"
#include "ns3/ikev2-proposal-builder.h"
#include "ns3/ikev2-sa-payload.h"
#include "ns3/inet-socket-address.h"
#include "ns3/simulator.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace ns3;

namespace
{

/// The network, built once.
struct Responder
{
    IpsecTwoSite net;
    Ptr<Ikev2Daemon> daemon;
    Address from;

    Responder()
    {
        net = IpsecTwoSiteHelper().Build(IpsecIpPlan::IPV4);
        IpsecHelper().Install(net.gateways);
        IpsecHelper::AssignStreams(net.gateways, 1);
        Ikev2SiteToSiteOptions options;
        options.establishTunnels = {"responder-only", "responder-only"};
        Ikev2Helper ike;
        ike.Install(net.gateways.Get(0), Ikev2Helper::SiteToSite(net, 0, options));
        daemon =
            ike.Install(net.gateways.Get(1), Ikev2Helper::SiteToSite(net, 1, options))->GetDaemon();
        daemon->AssignStreams(100);
        from = InetSocketAddress(net.gatewayWanAddresses[0].GetIpv4(), Ikev2Daemon::IKE_PORT);
        // Start the daemons (sockets) and the stacks before any input.
        Simulator::Stop(MilliSeconds(1));
        Simulator::Run();
    }
};

/// \return an IKE_SA_INIT request offering the site-to-site proposal with a KE of group
CryptoBytes
SeedRequest(uint16_t group, uint64_t spi)
{
    Ikev2SiteToSiteOptions options;
    Ikev2IkeProposalConfig proposal;
    proposal.name = "p";
    proposal.authenticationMethod = "pre-shared-keys";
    proposal.dhGroup = CryptoAlgorithmTable::FindDhGroup(group)->name;
    proposal.encryptionAlgorithm = options.ikeEncryption;
    proposal.authenticationAlgorithm = options.ikeAuthentication;
    Ptr<CryptoRandom> random = CreateObject<CryptoRandom>();
    CryptoKeyExchange dh(group);
    dh.GenerateKeyPair(*random);
    Ikev2Message message;
    message.GetHeader().SetInitiatorSpi(spi);
    message.GetHeader().SetExchangeType(Ikev2ExchangeType::IKE_SA_INIT);
    message.GetHeader().SetInitiator(true);
    Ptr<Ikev2SaPayload> sa = Create<Ikev2SaPayload>();
    sa->AddProposal(Ikev2ProposalBuilder::BuildIke(proposal));
    message.AddPayload(sa);
    message.AddPayload(Create<Ikev2KePayload>(group, dh.GetPublicValue()));
    message.AddPayload(Create<Ikev2NoncePayload>(CryptoBytes(32, 0x42)));
    return message.Serialize();
}

} // namespace

/**
 * \brief AddressSanitizer's defaults for this program (ASAN_OPTIONS still override): the crypto
 * layer keeps its OpenSSL fetches and group domains for the life of the process, which the
 * exit-time leak check would otherwise report on every run.
 * \return the options
 */
extern "C" const char*
__asan_default_options()
{
    return "leak_check_at_exit=0";
}

extern "C" int
LLVMFuzzerInitialize(int* argc, char*** argv)
{
    for (int i = 1; i < *argc; ++i)
    {
        const std::string argument = (*argv)[i];
        const std::string prefix = "--write-seeds=";
        if (argument.rfind(prefix, 0) == 0)
        {
            const std::string dir = argument.substr(prefix.size());
            uint64_t spi = 0x1000;
            for (uint16_t group : {2, 14, 19, 20})
            {
                const CryptoBytes bytes = SeedRequest(group, ++spi);
                std::ofstream(dir + "/ikev2-responder-init-group" + std::to_string(group),
                              std::ios::binary)
                    .write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
            }
            std::exit(0);
        }
    }
    // The crypto layer builds each group's domain once and keeps it: do it before fuzzing, or
    // libFuzzer's leak check takes that first allocation for a leak of the input.
    Ptr<CryptoRandom> random = CreateObject<CryptoRandom>();
    for (const auto& group : CryptoAlgorithmTable::DhGroups())
    {
        CryptoKeyExchange(group).GenerateKeyPair(*random);
    }
    return 0;
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static Responder* responder = new Responder();
    responder->daemon->Receive(CryptoBytes(data, data + size), responder->from);
    Simulator::Stop(MilliSeconds(1));
    Simulator::Run();
    const Ikev2DaemonCounters& after = responder->daemon->GetCounters();
    if (responder->daemon->GetSas().size() > after.responsesSent + 1)
    {
        std::fprintf(stderr,
                     "more IKE SAs (%zu) than responses sent\n",
                     responder->daemon->GetSas().size());
        std::abort();
    }
    return 0;
}
