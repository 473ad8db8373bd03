/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-random.h"

#include "ns3/log.h"
#include "ns3/random-variable-stream.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoRandom");

NS_OBJECT_ENSURE_REGISTERED(CryptoRandom);

namespace
{
/// Bits taken from one draw. ns-3's MRG32k3a draws carry just under 32 bits; 24 of them are
/// uniform to well below any statistical test's resolution.
constexpr uint32_t BYTES_PER_DRAW = 3;
constexpr uint32_t DRAW_MAXIMUM = (1U << (8 * BYTES_PER_DRAW)) - 1;
} // namespace

TypeId
CryptoRandom::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CryptoRandom")
                            .SetParent<Object>()
                            .SetGroupName("Ipsec")
                            .AddConstructor<CryptoRandom>();
    return tid;
}

CryptoRandom::CryptoRandom()
    : m_uniform(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

CryptoRandom::~CryptoRandom() = default;

void
CryptoRandom::Fill(uint8_t* out, size_t size)
{
    size_t written = 0;
    while (written < size)
    {
        uint32_t draw = m_uniform->GetInteger(0, DRAW_MAXIMUM);
        for (uint32_t i = 0; i < BYTES_PER_DRAW && written < size; ++i)
        {
            out[written++] = static_cast<uint8_t>(draw >> (8 * i));
        }
    }
}

CryptoBytes
CryptoRandom::Generate(size_t size)
{
    CryptoBytes bytes(size);
    Fill(bytes.data(), size);
    return bytes;
}

int64_t
CryptoRandom::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_uniform->SetStream(stream);
    return 1;
}

void
CryptoRandom::DoDispose()
{
    m_uniform = nullptr;
    Object::DoDispose();
}

} // namespace ns3
