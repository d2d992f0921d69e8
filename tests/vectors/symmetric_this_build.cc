// The symmetric declaration of one build, from the BUILD file: each build's
// expectation library compiles this file with its own
// SYMMETRIC_SERVING_DRIVERS, SYMMETRIC_UNSUPPORTED and
// SYMMETRIC_KEY_LOCATION.

#include "tests/vectors/symmetric_serving.h"

#ifndef SYMMETRIC_SERVING_DRIVERS
#error "SYMMETRIC_SERVING_DRIVERS must be defined (see tests/vectors/BUILD.bazel)"
#endif
#ifndef SYMMETRIC_UNSUPPORTED
#error "SYMMETRIC_UNSUPPORTED must be defined (see tests/vectors/BUILD.bazel)"
#endif
#ifndef SYMMETRIC_KEY_LOCATION
#error "SYMMETRIC_KEY_LOCATION must be defined (see tests/vectors/BUILD.bazel)"
#endif

namespace tests::vectors {

const char* SymmetricServingSpec() { return SYMMETRIC_SERVING_DRIVERS; }

const char* SymmetricUnsupportedSpec() { return SYMMETRIC_UNSUPPORTED; }

psa_key_location_t SymmetricKeyLocation() { return static_cast<psa_key_location_t>(SYMMETRIC_KEY_LOCATION); }

}  // namespace tests::vectors
