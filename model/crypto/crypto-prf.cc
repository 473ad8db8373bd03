/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-prf.h"

#include "crypto-hmac.h"

#include <stdexcept>
#include <string>

namespace ns3
{

CryptoPrf::CryptoPrf(const CryptoPrfAlgorithm& algorithm)
    : m_algorithm(algorithm)
{
}

const CryptoPrfAlgorithm&
CryptoPrf::GetAlgorithm() const
{
    return m_algorithm;
}

size_t
CryptoPrf::GetOutputSize() const
{
    return m_algorithm.outputBytes;
}

CryptoBytes
CryptoPrf::Compute(CryptoByteView key, CryptoByteView data) const
{
    CryptoHmac hmac(m_algorithm.digestName, key);
    CryptoBytes output(hmac.GetOutputSize());
    hmac.Compute(data, output.data());
    return output;
}

CryptoBytes
CryptoPrf::PrfPlus(CryptoByteView key, CryptoByteView seed, size_t length) const
{
    const size_t blockSize = m_algorithm.outputBytes;
    // RFC 7296 section 2.13: the counter is one octet, so prf+ MUST NOT be iterated more than
    // 255 times.
    if (length > 255 * blockSize)
    {
        throw std::invalid_argument(std::string("prf+ with ") + m_algorithm.name +
                                    " yields at most " + std::to_string(255 * blockSize) +
                                    " bytes; " + std::to_string(length) + " were asked for");
    }
    CryptoHmac hmac(m_algorithm.digestName, key);
    CryptoBytes stream;
    stream.reserve(length + blockSize);
    CryptoBytes block(blockSize);
    for (uint8_t counter = 1; stream.size() < length; ++counter)
    {
        hmac.Begin();
        if (counter > 1)
        {
            hmac.Update(block); // T(n-1)
        }
        hmac.Update(seed);
        hmac.Update(CryptoByteView(&counter, 1));
        hmac.Finish(block.data());
        stream.insert(stream.end(), block.begin(), block.end());
    }
    stream.resize(length);
    return stream;
}

} // namespace ns3
