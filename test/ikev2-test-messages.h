/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_TEST_MESSAGES_H
#define IKEV2_TEST_MESSAGES_H

#include "ns3/ikev2-message-protection.h"
#include "ns3/ikev2-message.h"
#include "ns3/ikev2-payload-chain.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace test
{

/*
 * Messages the IKEv2 codec tests, the tshark check and the fuzzer's seeds share. The field
 * values are fixed, so the serialized bytes are too.
 */

/// SPIi of every sample message.
constexpr uint64_t SAMPLE_INITIATOR_SPI = 0x0102030405060708;
/// SPIr of every sample message after IKE_SA_INIT.
constexpr uint64_t SAMPLE_RESPONDER_SPI = 0x1112131415161718;

/**
 * \brief IKE_SA_INIT request: SA (one IKE proposal: AES-CBC-128, PRF-HMAC-SHA2-256,
 * HMAC-SHA2-256-128, group 14), KE (group 14, 8 bytes of data), Ni (16 bytes),
 * N(NAT_DETECTION_SOURCE_IP, 20 bytes). ikev2-message-test.cc spells out its bytes.
 * \return the message
 */
Ikev2Message SampleSaInitRequest();

/**
 * \brief IKE_SA_INIT response: SA (the accepted proposal), KE, Nr, both NAT detection
 * notifications, CERTREQ and a Vendor ID.
 * \return the message
 */
Ikev2Message SampleSaInitResponse();

/**
 * \brief INFORMATIONAL request (unencrypted, as a codec sample): Delete of two ESP SPIs, Delete
 * of the IKE SA, N(INVALID_SPI) with an ESP SPI.
 * \return the message
 */
Ikev2Message SampleInformational();

/**
 * \brief An IKE_AUTH request header without payloads, for SK protection.
 * \return the message
 */
Ikev2Message SampleAuthRequestHeader();

/**
 * \brief The inner payloads of an IKE_AUTH request: IDi (FQDN), CERT, CERTREQ, AUTH (PSK),
 * N(USE_TRANSPORT_MODE), SA (one ESP proposal with SPI), TSi, TSr.
 * \param certificate the CERT payload's DER certificate; empty for 24 placeholder bytes
 * (enough for the codec, but not a certificate a dissector can decode)
 * \return the payloads
 */
Ikev2PayloadList SampleAuthInnerPayloads(const CryptoBytes& certificate = {});

/**
 * \brief Bytes from hex text that may contain spaces (for field-by-field layouts in tests).
 * \param text hex digits and spaces
 * \return the bytes
 */
CryptoBytes HexBytes(std::string text);

/**
 * \brief A crafted message: an IKE_SA_INIT request header whose Next Payload is firstType and
 * whose Length is right, followed by chain as given.
 * \param firstType the header's Next Payload
 * \param chain the payload bytes
 * \return the message bytes
 */
CryptoBytes RawMessage(uint8_t firstType, const CryptoBytes& chain);

/**
 * \brief A deterministic IV source: byte i of the n-th IV is n + i.
 * \return the source
 */
Ikev2IvSource CountingIvSource();

} // namespace test
} // namespace ns3

#endif /* IKEV2_TEST_MESSAGES_H */
