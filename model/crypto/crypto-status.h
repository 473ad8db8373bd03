/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_STATUS_H
#define CRYPTO_STATUS_H

#include <ostream>

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief Outcome of a crypto operation on data that may come from the wire.
 *
 * Operations on per-packet or per-message data never throw and never abort: they return one of
 * these, so that the caller (ESP, AH, IKE) can count a drop with a reason. Configuration errors
 * (an unknown algorithm name, a key of the wrong length) are reported by exceptions instead,
 * before the simulation runs.
 */
enum class CryptoStatus
{
    OK,                    //!< done
    AUTHENTICATION_FAILED, //!< ICV, AEAD tag or signature did not verify
    INVALID_LENGTH,        //!< input length not allowed (e.g. CBC input not whole blocks)
    INVALID_PUBLIC_VALUE,  //!< peer's DH public value out of range or not on the curve
    INVALID_KEY,           //!< key or certificate unusable for the requested operation
    UNSUPPORTED,           //!< the operation or algorithm is not available here
    INTERNAL_ERROR,        //!< OpenSSL failed unexpectedly
};

/**
 * \param status a status
 * \return its name in upper case, as used in traces and counters
 */
const char* CryptoStatusName(CryptoStatus status);

/**
 * \param os output stream
 * \param status a status
 * \return os
 */
std::ostream& operator<<(std::ostream& os, CryptoStatus status);

} // namespace ns3

#endif /* CRYPTO_STATUS_H */
