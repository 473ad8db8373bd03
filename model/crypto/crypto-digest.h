/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_DIGEST_H
#define CRYPTO_DIGEST_H

#include "crypto-bytes.h"

#include <initializer_list>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief SHA-1 of the concatenation of buffers (what IKEv2's NAT detection hashes, RFC 7296
 * section 2.23).
 * \param parts the buffers, in order
 * \return the 20-byte digest
 */
CryptoBytes CryptoSha1(std::initializer_list<CryptoByteView> parts);

} // namespace ns3

#endif /* CRYPTO_DIGEST_H */
