/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-test-vectors.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace ns3
{
namespace test
{

nlohmann::json
LoadVectors(const std::string& file, const std::string& list)
{
    const std::string path = std::string(IPSEC_TEST_VECTOR_DIR) + "/" + file;
    std::ifstream in(path);
    if (!in)
    {
        ADD_FAILURE() << "cannot open test vector file " << path;
        return nlohmann::json::array();
    }
    nlohmann::json document = nlohmann::json::parse(in, nullptr, false);
    if (document.is_discarded() || !document.contains(list) || !document[list].is_array() ||
        document[list].empty())
    {
        ADD_FAILURE() << "test vector file " << path << " has no non-empty list '" << list << "'";
        return nlohmann::json::array();
    }
    return document[list];
}

CryptoBytes
HexField(const nlohmann::json& entry, const std::string& field)
{
    return CryptoFromHex(entry.at(field).get<std::string>());
}

std::string
ReadDataFile(const std::string& name)
{
    const std::string path = std::string(IPSEC_TEST_DATA_DIR) + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        ADD_FAILURE() << "cannot open test data file " << path;
        return {};
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

} // namespace test
} // namespace ns3
