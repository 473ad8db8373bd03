/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-payload.h"

namespace ns3
{

bool
Ikev2Payload::IsCritical() const
{
    return m_critical;
}

void
Ikev2Payload::SetCritical(bool critical)
{
    m_critical = critical;
}

} // namespace ns3
