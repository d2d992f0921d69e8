// The declaration of a build with drivers/sha_x86 first, by code path: the
// driver serves what it declares only where it runs on SHA-NI (the CPU has
// it and SHA_X86_PATH does not force "none"); elsewhere it declines and the
// next driver serves. The BUILD file gives both declarations; this file
// picks the one of the path the driver itself chose, so that the suites
// pass on a CPU without SHA-NI, with builtin proven to serve instead.
// (drivers/sha_x86/code_path_test checks the CPUID answer against
// /proc/cpuinfo, so a broken detection cannot hide behind this choice.)
//
// Compiled once per build with either the hash defines (HASH_SERVING_*,
// ThisBuildServingSpec) or the symmetric ones (SYMMETRIC_*).

#include "drivers/sha_x86/code_path.h"

namespace tests::vectors {
namespace {

bool ShaX86RunsOnShaNi() {
  return drivers::sha_x86::ActiveCodePath() == drivers::sha_x86::CodePath::kShaNi;
}

}  // namespace
}  // namespace tests::vectors

#if defined(HASH_SERVING_DRIVERS) && defined(HASH_SERVING_DRIVERS_WITHOUT_SHA_NI)

#include "tests/vectors/serving_driver.h"

namespace tests::vectors {

const char* ThisBuildServingSpec() {
  return ShaX86RunsOnShaNi() ? HASH_SERVING_DRIVERS : HASH_SERVING_DRIVERS_WITHOUT_SHA_NI;
}

}  // namespace tests::vectors

#elif defined(SYMMETRIC_SERVING_DRIVERS) && defined(SYMMETRIC_SERVING_DRIVERS_WITHOUT_SHA_NI) && \
    defined(SYMMETRIC_UNSUPPORTED)

#include "tests/vectors/symmetric_serving.h"

namespace tests::vectors {

const char* SymmetricServingSpec() {
  return ShaX86RunsOnShaNi() ? SYMMETRIC_SERVING_DRIVERS : SYMMETRIC_SERVING_DRIVERS_WITHOUT_SHA_NI;
}

const char* SymmetricUnsupportedSpec() { return SYMMETRIC_UNSUPPORTED; }

psa_key_location_t SymmetricKeyLocation() { return PSA_KEY_LOCATION_LOCAL_STORAGE; }

}  // namespace tests::vectors

#else
#error "define HASH_SERVING_DRIVERS{,_WITHOUT_SHA_NI} or SYMMETRIC_SERVING_DRIVERS{,_WITHOUT_SHA_NI} and SYMMETRIC_UNSUPPORTED (see tests/vectors/BUILD.bazel)"
#endif
