// Built through a transition that sets --//drivers:enabled (see BUILD.bazel):
// the library offers test_a, test_b and builtin, and the flag must decide
// which are built in. EXPECTED_DRIVERS names them, in priority order.

#include "tests/dispatch/dispatch_test_util.h"

#include <sstream>

namespace psa::testing {
namespace {

using FlagSelection = DispatchTest;

std::vector<std::string> ExpectedDrivers() {
  std::vector<std::string> names;
  std::stringstream list(EXPECTED_DRIVERS);
  for (std::string name; std::getline(list, name, ',');) names.push_back(name);
  return names;
}

TEST_F(FlagSelection, BuildsInExactlyTheEnabledDriversInPriorityOrder) {
  std::vector<std::string> expected = ExpectedDrivers();
  std::vector<std::string> actual;
  for (uint32_t id = 1; psa::dispatch::DriverName(id) != nullptr; ++id) actual.push_back(psa::dispatch::DriverName(id));
  EXPECT_EQ(actual, expected);
}

TEST_F(FlagSelection, FirstEnabledDriverServesSha256) {
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(ServedBy(), ExpectedDrivers().front());
}

}  // namespace
}  // namespace psa::testing
