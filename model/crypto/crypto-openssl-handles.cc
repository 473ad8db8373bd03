/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-openssl-handles.h"

#include <openssl/objects.h>

namespace ns3
{

CryptoBnContext
CryptoNewBnContext()
{
    return CryptoBnContext(BN_CTX_new());
}

CryptoBignum
CryptoNewBignum()
{
    return CryptoBignum(BN_new());
}

CryptoEcGroup
CryptoNewEcGroup(const std::string& curve)
{
    int nid = EC_curve_nist2nid(curve.c_str()); // "P-256" -> NID_X9_62_prime256v1
    if (nid == NID_undef)
    {
        nid = OBJ_sn2nid(curve.c_str()); // also accept OpenSSL's short names
    }
    return CryptoEcGroup(nid != NID_undef ? EC_GROUP_new_by_curve_name(nid) : nullptr);
}

} // namespace ns3
