// Helpers shared by the dispatch suites: initialise the library, hash "abc",
// and name the driver that served the last call.

#ifndef TESTS_DISPATCH_DISPATCH_TEST_UTIL_H_
#define TESTS_DISPATCH_DISPATCH_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "drivers/test/test_driver.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"

namespace psa::testing {

// SHA-256("abc"), FIPS 180-4.
inline const std::vector<uint8_t> kSha256Abc = {
    0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
    0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};

inline const uint8_t kAbc[] = {'a', 'b', 'c'};

// The name of the driver that served this thread's last dispatched call.
inline std::string ServedBy() {
  const char* name = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  return name != nullptr ? name : "(none)";
}

// Single-part hash of "abc"; the digest goes to *digest on success.
inline psa_status_t HashAbc(psa_algorithm_t alg, std::vector<uint8_t>* digest) {
  uint8_t out[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  psa_status_t status = psa_hash_compute(alg, kAbc, sizeof(kAbc), out, sizeof(out), &length);
  if (status == PSA_SUCCESS) digest->assign(out, out + length);
  return status;
}

// Multi-part hash of "abc" in two updates.
inline psa_status_t HashAbcByParts(psa_algorithm_t alg, std::vector<uint8_t>* digest) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  psa_status_t status = psa_hash_setup(&operation, alg);
  if (status == PSA_SUCCESS) status = psa_hash_update(&operation, kAbc, 1);
  if (status == PSA_SUCCESS) status = psa_hash_update(&operation, kAbc + 1, 2);
  uint8_t out[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  if (status == PSA_SUCCESS) status = psa_hash_finish(&operation, out, sizeof(out), &length);
  psa_hash_abort(&operation);
  if (status == PSA_SUCCESS) digest->assign(out, out + length);
  return status;
}

// Resets both test driver instances and initialises the library once.
class DispatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test_driver_reset_hooks(&test_a_hooks);
    test_driver_reset_hooks(&test_b_hooks);
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    // init runs once per process; forget what it did for the test's counts.
    test_driver_reset_hooks(&test_a_hooks);
    test_driver_reset_hooks(&test_b_hooks);
  }
};

}  // namespace psa::testing

#endif  // TESTS_DISPATCH_DISPATCH_TEST_UTIL_H_
