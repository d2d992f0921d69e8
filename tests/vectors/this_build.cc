// The serving expectation of one build, from the BUILD file: each build's
// expectation library compiles this file with its own HASH_SERVING_DRIVERS.

#include "tests/vectors/serving_driver.h"

#ifndef HASH_SERVING_DRIVERS
#error "HASH_SERVING_DRIVERS must be defined (see tests/vectors/BUILD.bazel)"
#endif

namespace tests::vectors {

const char* ThisBuildServingSpec() { return HASH_SERVING_DRIVERS; }

}  // namespace tests::vectors
