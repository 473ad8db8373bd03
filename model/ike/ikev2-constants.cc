/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-constants.h"

#include <string>

namespace ns3
{

const char*
Ikev2PayloadTypeName(Ikev2PayloadType type)
{
    switch (type)
    {
    case Ikev2PayloadType::NONE:
        return "NONE";
    case Ikev2PayloadType::SECURITY_ASSOCIATION:
        return "SA";
    case Ikev2PayloadType::KEY_EXCHANGE:
        return "KE";
    case Ikev2PayloadType::IDENTIFICATION_INITIATOR:
        return "IDi";
    case Ikev2PayloadType::IDENTIFICATION_RESPONDER:
        return "IDr";
    case Ikev2PayloadType::CERTIFICATE:
        return "CERT";
    case Ikev2PayloadType::CERTIFICATE_REQUEST:
        return "CERTREQ";
    case Ikev2PayloadType::AUTHENTICATION:
        return "AUTH";
    case Ikev2PayloadType::NONCE:
        return "Nonce";
    case Ikev2PayloadType::NOTIFY:
        return "N";
    case Ikev2PayloadType::DELETE:
        return "D";
    case Ikev2PayloadType::VENDOR_ID:
        return "V";
    case Ikev2PayloadType::TRAFFIC_SELECTOR_INITIATOR:
        return "TSi";
    case Ikev2PayloadType::TRAFFIC_SELECTOR_RESPONDER:
        return "TSr";
    case Ikev2PayloadType::ENCRYPTED:
        return "SK";
    case Ikev2PayloadType::CONFIGURATION:
        return "CP";
    case Ikev2PayloadType::EAP:
        return "EAP";
    }
    return "UNKNOWN";
}

const char*
Ikev2ExchangeTypeName(Ikev2ExchangeType type)
{
    switch (type)
    {
    case Ikev2ExchangeType::IKE_SA_INIT:
        return "IKE_SA_INIT";
    case Ikev2ExchangeType::IKE_AUTH:
        return "IKE_AUTH";
    case Ikev2ExchangeType::CREATE_CHILD_SA:
        return "CREATE_CHILD_SA";
    case Ikev2ExchangeType::INFORMATIONAL:
        return "INFORMATIONAL";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, Ikev2PayloadType type)
{
    std::string name = Ikev2PayloadTypeName(type);
    os << name;
    if (name == "UNKNOWN")
    {
        os << "(" << static_cast<unsigned>(type) << ")";
    }
    return os;
}

std::ostream&
operator<<(std::ostream& os, Ikev2ExchangeType type)
{
    std::string name = Ikev2ExchangeTypeName(type);
    os << name;
    if (name == "UNKNOWN")
    {
        os << "(" << static_cast<unsigned>(type) << ")";
    }
    return os;
}

} // namespace ns3
