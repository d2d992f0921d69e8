// The symmetric declaration (symmetric_build.h) of the build this binary was
// linked for, and what the dispatch says did serve a call: the symmetric
// suites check both for every call, so that a vector cannot pass on the
// builtin driver when the build says an accelerator serves it.

#ifndef TESTS_VECTORS_SYMMETRIC_SERVING_H_
#define TESTS_VECTORS_SYMMETRIC_SERVING_H_

#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/vectors/symmetric_build.h"

namespace tests::vectors {

// The declaration of the build this binary was linked for: defined by the
// build's expectation library (symmetric_this_build.cc, from
// SYMMETRIC_SERVING_DRIVERS, SYMMETRIC_UNSUPPORTED and
// SYMMETRIC_KEY_LOCATION in BUILD.bazel).
const char* SymmetricServingSpec();
const char* SymmetricUnsupportedSpec();
// The location of every key the suites import (PSA_KEY_LOCATION_LOCAL_STORAGE
// for transparent drivers, a vendor location for an opaque driver's keys).
psa_key_location_t SymmetricKeyLocation();

// Whether the linked dispatch has a driver for keys at `location`.
bool LocationIsServed(psa_key_location_t location);

// The declaration parsed once; on a bad declaration ThisSymmetricBuildError()
// says why and the build is empty (DriverFor returns "").
const SymmetricBuild& ThisSymmetricBuild();
const std::string& ThisSymmetricBuildError();

// Name of the driver that served this thread's last successful dispatched
// call; "(none)" if none did or the id is unknown.
std::string LastServingDriver();

// Names of the drivers of the linked dispatch, in priority order.
std::vector<std::string> LinkedDriverNames();

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_SYMMETRIC_SERVING_H_
