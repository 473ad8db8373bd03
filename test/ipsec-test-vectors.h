/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_TEST_VECTORS_H
#define IPSEC_TEST_VECTORS_H

#include "ns3/crypto-bytes.h"

#include <nlohmann/json.hpp>
#include <string>

namespace ns3
{
namespace test
{

/**
 * \brief Loads one list of published vectors from test/vectors/<file> (copied from the
 * project's shared test vectors; each entry names its source).
 *
 * Fails the calling test (ADD_FAILURE) and returns an empty list if the file cannot be read or
 * the list is empty, so a broken path can never pass silently.
 *
 * \param file file name, e.g. "hmac.json"
 * \param list name of the list inside the file, e.g. "vectors"
 * \return the entries
 */
nlohmann::json LoadVectors(const std::string& file, const std::string& list = "vectors");

/**
 * \param entry a vector entry
 * \param field name of a hex field
 * \return the field's bytes
 */
CryptoBytes HexField(const nlohmann::json& entry, const std::string& field);

/**
 * \param name a file under test/data/
 * \return its content
 */
std::string ReadDataFile(const std::string& name);

} // namespace test
} // namespace ns3

#endif /* IPSEC_TEST_VECTORS_H */
