/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_L4_PROTOCOL_H
#define IPSEC_L4_PROTOCOL_H

#include "ipsec-ip-header.h"

#include "ns3/ip-l4-protocol.h"

namespace ns3
{

class IpsecL3Protocol;

/**
 * \ingroup ipsec
 * \brief Receives IP protocol 50 (ESP, RFC 4303) or 51 (AH, RFC 4302) for the node and hands
 * it to the node's IPsec data plane. It sends nothing itself: the data plane builds the outer
 * headers.
 */
class IpsecL4Protocol : public IpL4Protocol
{
  public:
    /// IP protocol number of ESP.
    static constexpr uint8_t ESP_PROTOCOL = 50;
    /// IP protocol number of AH.
    static constexpr uint8_t AH_PROTOCOL = 51;
    /// IP protocol number of UDP (it carries ESP behind NATs, RFC 3948).
    static constexpr uint8_t UDP_PROTOCOL = 17;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    IpsecL4Protocol();
    ~IpsecL4Protocol() override;

    /**
     * \param ipsec the node's data plane
     * \param protocol ESP_PROTOCOL or AH_PROTOCOL
     */
    void Attach(Ptr<IpsecL3Protocol> ipsec, uint8_t protocol);

    int GetProtocolNumber() const override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> packet,
                                   const Ipv4Header& header,
                                   Ptr<Ipv4Interface> incomingInterface) override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> packet,
                                   const Ipv6Header& header,
                                   Ptr<Ipv6Interface> incomingInterface) override;
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

  protected:
    void DoDispose() override;

  private:
    /// \param packet ESP or AH packet \param header its IP header: hands it to the data plane
    void Dispatch(Ptr<Packet> packet, const IpsecIpHeader& header);

    Ptr<IpsecL3Protocol> m_ipsec;                    //!< the node's data plane
    uint8_t m_protocol{ESP_PROTOCOL};                //!< ESP or AH
    IpL4Protocol::DownTargetCallback m_downTarget;   //!< unused: kept for the interface
    IpL4Protocol::DownTargetCallback6 m_downTarget6; //!< unused: kept for the interface
};

} // namespace ns3

#endif /* IPSEC_L4_PROTOCOL_H */
