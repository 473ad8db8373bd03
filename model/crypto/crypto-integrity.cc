/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-integrity.h"

#include <stdexcept>
#include <string>

namespace ns3
{

namespace
{

CryptoByteView
CheckedKey(const CryptoIntegrityAlgorithm& algorithm, CryptoByteView key)
{
    // RFC 2403 section 3, RFC 2404 section 3, RFC 4868 section 2.1.1: the key length is fixed
    // to the hash output length.
    if (key.Size() != algorithm.keyBytes)
    {
        throw std::invalid_argument(std::string("integrity algorithm ") + algorithm.name +
                                    " needs a " + std::to_string(algorithm.keyBytes) +
                                    "-byte key, got " + std::to_string(key.Size()) + " bytes");
    }
    return key;
}

/// Largest HMAC output of any transform (SHA-512).
constexpr size_t MAX_DIGEST_BYTES = 64;

} // namespace

CryptoIntegrity::CryptoIntegrity(const CryptoIntegrityAlgorithm& algorithm, CryptoByteView key)
    : m_algorithm(algorithm),
      m_hmac(algorithm.digestName, CheckedKey(algorithm, key))
{
}

const CryptoIntegrityAlgorithm&
CryptoIntegrity::GetAlgorithm() const
{
    return m_algorithm;
}

size_t
CryptoIntegrity::GetIcvSize() const
{
    return m_algorithm.icvBytes;
}

void
CryptoIntegrity::Compute(std::initializer_list<CryptoByteView> parts, uint8_t* icv)
{
    uint8_t full[MAX_DIGEST_BYTES];
    m_hmac.Begin();
    for (const auto& part : parts)
    {
        m_hmac.Update(part);
    }
    m_hmac.Finish(full);
    // The ICV is the leftmost bytes of the HMAC output (RFC 2104 section 5, RFC 4868 2.1.1).
    std::copy(full, full + m_algorithm.icvBytes, icv);
}

CryptoBytes
CryptoIntegrity::Compute(CryptoByteView data)
{
    CryptoBytes icv(m_algorithm.icvBytes);
    Compute({data}, icv.data());
    return icv;
}

CryptoStatus
CryptoIntegrity::Verify(std::initializer_list<CryptoByteView> parts, CryptoByteView icv)
{
    if (icv.Size() != m_algorithm.icvBytes)
    {
        return CryptoStatus::INVALID_LENGTH;
    }
    uint8_t expected[MAX_DIGEST_BYTES];
    Compute(parts, expected);
    return CryptoEqualConstantTime(CryptoByteView(expected, m_algorithm.icvBytes), icv)
               ? CryptoStatus::OK
               : CryptoStatus::AUTHENTICATION_FAILED;
}

} // namespace ns3
