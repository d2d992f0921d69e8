// The symmetric declaration of a build with drivers/aes_x86 first, by code
// path: the driver serves AES ECB, CBC, CTR, GCM, CCM and CMAC wherever it
// runs (the CPU has AES-NI and AES_X86_PATH does not force "none"); else it
// declines and builtin serves everything. The BUILD file gives both
// declarations; this file picks the one of the path the driver chose, so
// the suites pass on a CPU without AES-NI with builtin proven to serve.
// (drivers/aes_x86/aes_x86_cpu_test checks the detection against CPUID.)

#include "drivers/aes_x86/aes_x86_cpu.h"
#include "tests/vectors/symmetric_serving.h"

#if !defined(SYMMETRIC_SERVING_DRIVERS) || !defined(SYMMETRIC_SERVING_DRIVERS_WITHOUT_AES_NI) || \
    !defined(SYMMETRIC_UNSUPPORTED)
#error "define SYMMETRIC_SERVING_DRIVERS{,_WITHOUT_AES_NI} and SYMMETRIC_UNSUPPORTED (see tests/vectors/BUILD.bazel)"
#endif

namespace tests::vectors {

const char* SymmetricServingSpec() {
  return aes_x86_current_path() != AES_X86_PATH_NONE ? SYMMETRIC_SERVING_DRIVERS
                                                      : SYMMETRIC_SERVING_DRIVERS_WITHOUT_AES_NI;
}

const char* SymmetricUnsupportedSpec() { return SYMMETRIC_UNSUPPORTED; }

psa_key_location_t SymmetricKeyLocation() { return PSA_KEY_LOCATION_LOCAL_STORAGE; }

}  // namespace tests::vectors
