/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_TEST_WAN_TAP_H
#define IPSEC_TEST_WAN_TAP_H

#include "ns3/error-model.h"
#include "ns3/net-device.h"
#include "ns3/packet.h"

#include <map>
#include <set>

namespace ns3
{
namespace test
{

/**
 * \brief The IP protocol (IPv4) or first next header (IPv6) of a point-to-point frame.
 * \param frame a frame, PPP header included
 * \return the protocol, or 0 for a frame that carries neither
 */
uint8_t FrameIpProtocol(Ptr<const Packet> frame);

/**
 * \brief Sends a copy of the first frames of one IP protocol that a WAN device transmits again,
 * shortly after: a replay attack on the wire (a fault injection of the test, not of the model).
 */
class WanReplayer
{
  public:
    /**
     * \param device the sending gateway's WAN device
     * \param peer the other end's link address
     * \param protocol the IP protocol to replay (50 ESP, 51 AH)
     * \param count how many frames to replay
     */
    WanReplayer(Ptr<NetDevice> device, Address peer, uint8_t protocol, uint32_t count);

    /// \return replayed frames actually sent
    uint32_t Sent() const;

  private:
    /// \param frame a frame the device transmits
    void MacTx(Ptr<const Packet> frame);
    /// \param copy the IP packet to send again \param etherType its EtherType
    void Resend(Ptr<Packet> copy, uint16_t etherType);

    Ptr<NetDevice> m_device;     //!< the device
    Address m_peer;              //!< the other end
    uint8_t m_protocol;          //!< protocol to replay
    uint32_t m_left;             //!< frames still to replay
    uint32_t m_sent{0};          //!< frames replayed
    std::set<uint64_t> m_copies; //!< uids of the copies (not replayed again)
};

/**
 * \brief A receive error model that corrupts instead of dropping: it flips one bit, at a byte
 * offset from the start of the IP header, in the first frames of one IP protocol, and lets
 * them through for the receiver's checks to find.
 */
class BitFlipErrorModel : public ErrorModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param protocol the IP protocol of the frames to corrupt
     * \param offset byte offset from the start of the IP header
     * \param count how many frames to corrupt
     */
    void Configure(uint8_t protocol, uint32_t offset, uint32_t count);

    /// \return frames corrupted so far
    uint32_t Flipped() const;

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    uint8_t m_protocol{0}; //!< protocol of the frames to corrupt
    uint32_t m_offset{0};  //!< byte to flip, from the IP header
    uint32_t m_left{0};    //!< frames still to corrupt
    uint32_t m_flipped{0}; //!< frames corrupted
};

/**
 * \brief A receive error model that drops the first frames a device receives (a lossy link
 * for a test), then none.
 */
class DropFirstErrorModel : public ErrorModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \param count how many of the next frames to drop
    void SetDrops(uint32_t count);

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    uint32_t m_left{0}; //!< frames still to drop
};

/**
 * \brief A receive error model that translates UDP ports of IPv4 datagrams, as a NAT between
 * two peers would (one instance per direction): on one side it rewrites source ports (the NAT's
 * mapping), on the other destination ports (the way back).
 */
class UdpPortRewriter : public ErrorModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param sourcePorts source port -> translated port
     * \param destinationPorts destination port -> translated port
     */
    void Configure(std::map<uint16_t, uint16_t> sourcePorts,
                   std::map<uint16_t, uint16_t> destinationPorts);

    /// \return datagrams rewritten so far
    uint32_t Rewritten() const;

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    std::map<uint16_t, uint16_t> m_sourcePorts;      //!< source translations
    std::map<uint16_t, uint16_t> m_destinationPorts; //!< destination translations
    uint32_t m_rewritten{0};                         //!< datagrams changed
};

} // namespace test
} // namespace ns3

#endif /* IPSEC_TEST_WAN_TAP_H */
