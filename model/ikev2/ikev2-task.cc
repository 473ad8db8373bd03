/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-task.h"

namespace ns3
{

Ikev2TaskResult
Ikev2TaskResult::Done()
{
    return Ikev2TaskResult{};
}

Ikev2TaskResult
Ikev2TaskResult::Failed(const std::string& reason)
{
    return Ikev2TaskResult{Kind::FAILED, reason};
}

Ikev2TaskResult
Ikev2TaskResult::Retry(const std::string& reason)
{
    return Ikev2TaskResult{Kind::RETRY, reason};
}

Ikev2Task::~Ikev2Task() = default;

bool
Ikev2Task::IsProtected() const
{
    return GetExchangeType() != Ikev2ExchangeType::IKE_SA_INIT;
}

} // namespace ns3
