// Which driver each hash algorithm must be served by in the build under test,
// and what the dispatch says did serve it: the suites of this folder check
// both for every vector, so that a vector cannot pass on the builtin driver
// when the build says an accelerator serves it.

#ifndef TESTS_VECTORS_SERVING_DRIVER_H_
#define TESTS_VECTORS_SERVING_DRIVER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/test/test_driver.h"

namespace tests::vectors {

// The drivers expected to serve each hash algorithm of one build.
class ServingExpectation {
 public:
  // Parses "SHA-256=test_a,SHA-384=test_a,*=builtin": algorithm names as in
  // HashAlgorithms(), "*" for every algorithm not named. Each algorithm at
  // most once; every algorithm of HashAlgorithms() must be covered. On
  // failure returns false with *error saying what is wrong.
  static bool Parse(std::string_view spec, ServingExpectation* expectation,
                    std::string* error);

  // The driver (psa_driver target name) expected to serve `algorithm`.
  const std::string& DriverFor(std::string_view algorithm) const;

  // Every driver the expectation names, sorted, without duplicates.
  std::vector<std::string> Drivers() const;

 private:
  std::map<std::string, std::string, std::less<>> by_algorithm_;
};

// The spec of the build this binary was linked for: defined by the
// expectation library of each build (this_build.cc, HASH_SERVING_DRIVERS).
const char* ThisBuildServingSpec();

// ThisBuildServingSpec() parsed once; on a bad spec, ThisBuildError() says
// why and the expectation is empty (DriverFor returns "").
const ServingExpectation& ThisBuild();
const std::string& ThisBuildError();

// Name of the driver that served this thread's last dispatched call;
// "(none)" if no call was served yet or the id is unknown.
std::string ServedBy();

// Names of the drivers of the linked dispatch, in priority order.
std::vector<std::string> LinkedDrivers();

// The hooks of the test driver instance behind driver `name` (test_a,
// test_b, test_b_any_hash), or nullptr for a driver without hit counters
// (builtin).
test_driver_hooks_t* TestDriverHooks(std::string_view name);

// How many hash computations the driver `name` has started: calls of its
// hash_compute, named_hash_compute and hash_setup entry points, successful or
// not. 0 for a driver without hit counters.
unsigned long HashStarts(std::string_view name);

// Resets the hooks of every test driver instance (test_driver_reset_hooks).
void ResetTestDrivers();

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_SERVING_DRIVER_H_
