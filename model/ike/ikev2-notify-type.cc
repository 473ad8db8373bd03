/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-notify-type.h"

#include <string>

namespace ns3
{

bool
Ikev2NotifyIsError(Ikev2NotifyType type)
{
    return static_cast<uint16_t>(type) < IKEV2_FIRST_STATUS_NOTIFY;
}

const char*
Ikev2NotifyTypeName(Ikev2NotifyType type)
{
    switch (type)
    {
    case Ikev2NotifyType::UNSUPPORTED_CRITICAL_PAYLOAD:
        return "UNSUPPORTED_CRITICAL_PAYLOAD";
    case Ikev2NotifyType::INVALID_IKE_SPI:
        return "INVALID_IKE_SPI";
    case Ikev2NotifyType::INVALID_MAJOR_VERSION:
        return "INVALID_MAJOR_VERSION";
    case Ikev2NotifyType::INVALID_SYNTAX:
        return "INVALID_SYNTAX";
    case Ikev2NotifyType::INVALID_MESSAGE_ID:
        return "INVALID_MESSAGE_ID";
    case Ikev2NotifyType::INVALID_SPI:
        return "INVALID_SPI";
    case Ikev2NotifyType::NO_PROPOSAL_CHOSEN:
        return "NO_PROPOSAL_CHOSEN";
    case Ikev2NotifyType::INVALID_KE_PAYLOAD:
        return "INVALID_KE_PAYLOAD";
    case Ikev2NotifyType::AUTHENTICATION_FAILED:
        return "AUTHENTICATION_FAILED";
    case Ikev2NotifyType::SINGLE_PAIR_REQUIRED:
        return "SINGLE_PAIR_REQUIRED";
    case Ikev2NotifyType::NO_ADDITIONAL_SAS:
        return "NO_ADDITIONAL_SAS";
    case Ikev2NotifyType::INTERNAL_ADDRESS_FAILURE:
        return "INTERNAL_ADDRESS_FAILURE";
    case Ikev2NotifyType::FAILED_CP_REQUIRED:
        return "FAILED_CP_REQUIRED";
    case Ikev2NotifyType::TS_UNACCEPTABLE:
        return "TS_UNACCEPTABLE";
    case Ikev2NotifyType::INVALID_SELECTORS:
        return "INVALID_SELECTORS";
    case Ikev2NotifyType::TEMPORARY_FAILURE:
        return "TEMPORARY_FAILURE";
    case Ikev2NotifyType::CHILD_SA_NOT_FOUND:
        return "CHILD_SA_NOT_FOUND";
    case Ikev2NotifyType::INITIAL_CONTACT:
        return "INITIAL_CONTACT";
    case Ikev2NotifyType::SET_WINDOW_SIZE:
        return "SET_WINDOW_SIZE";
    case Ikev2NotifyType::ADDITIONAL_TS_POSSIBLE:
        return "ADDITIONAL_TS_POSSIBLE";
    case Ikev2NotifyType::IPCOMP_SUPPORTED:
        return "IPCOMP_SUPPORTED";
    case Ikev2NotifyType::NAT_DETECTION_SOURCE_IP:
        return "NAT_DETECTION_SOURCE_IP";
    case Ikev2NotifyType::NAT_DETECTION_DESTINATION_IP:
        return "NAT_DETECTION_DESTINATION_IP";
    case Ikev2NotifyType::COOKIE:
        return "COOKIE";
    case Ikev2NotifyType::USE_TRANSPORT_MODE:
        return "USE_TRANSPORT_MODE";
    case Ikev2NotifyType::HTTP_CERT_LOOKUP_SUPPORTED:
        return "HTTP_CERT_LOOKUP_SUPPORTED";
    case Ikev2NotifyType::REKEY_SA:
        return "REKEY_SA";
    case Ikev2NotifyType::ESP_TFC_PADDING_NOT_SUPPORTED:
        return "ESP_TFC_PADDING_NOT_SUPPORTED";
    case Ikev2NotifyType::NON_FIRST_FRAGMENTS_ALSO:
        return "NON_FIRST_FRAGMENTS_ALSO";
    case Ikev2NotifyType::MOBIKE_SUPPORTED:
        return "MOBIKE_SUPPORTED";
    case Ikev2NotifyType::IKEV2_FRAGMENTATION_SUPPORTED:
        return "IKEV2_FRAGMENTATION_SUPPORTED";
    case Ikev2NotifyType::SIGNATURE_HASH_ALGORITHMS:
        return "SIGNATURE_HASH_ALGORITHMS";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, Ikev2NotifyType type)
{
    std::string name = Ikev2NotifyTypeName(type);
    os << name;
    if (name == "UNKNOWN")
    {
        os << "(" << static_cast<unsigned>(type) << ")";
    }
    return os;
}

} // namespace ns3
