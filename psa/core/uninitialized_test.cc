// Before psa_crypto_init(), every function of the API this core implements
// returns PSA_ERROR_BAD_STATE, touches no operation object and leaves no
// output behind. A binary of its own: initialization is process-wide.

#include <stdint.h>
#include <string.h>

#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace {

bool AllZero(const uint8_t* data, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    if (data[i] != 0) return false;
  }
  return true;
}

// The order of the tests matters: the last one initializes the library.
TEST(Uninitialized, EveryCallIsBadState) {
  const uint8_t input[3] = {'a', 'b', 'c'};
  uint8_t output[64];
  size_t length = 77;

  memset(output, 0xee, sizeof(output));
  EXPECT_EQ(psa_generate_random(output, sizeof(output)), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(AllZero(output, sizeof(output)));

  memset(output, 0xee, sizeof(output));
  EXPECT_EQ(psa_hash_compute(PSA_ALG_SHA_256, input, sizeof(input), output,
                             sizeof(output), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_TRUE(AllZero(output, sizeof(output)));

  EXPECT_EQ(psa_hash_compare(PSA_ALG_SHA_256, input, sizeof(input), output,
                             32),
            PSA_ERROR_BAD_STATE);

  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  psa_hash_operation_t zero;
  memset(&zero, 0, sizeof(zero));
  EXPECT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(memcmp(&operation, &zero, sizeof(zero)), 0);
  EXPECT_EQ(psa_hash_update(&operation, input, sizeof(input)),
            PSA_ERROR_BAD_STATE);
  length = 77;
  EXPECT_EQ(psa_hash_finish(&operation, output, sizeof(output), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(psa_hash_verify(&operation, output, 32), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_hash_abort(&operation), PSA_ERROR_BAD_STATE);
  psa_hash_operation_t target = PSA_HASH_OPERATION_INIT;
  EXPECT_EQ(psa_hash_clone(&operation, &target), PSA_ERROR_BAD_STATE);
  length = 77;
  EXPECT_EQ(psa_hash_suspend(&operation, output, sizeof(output), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  const uint8_t state[4] = {0x02, 0x00, 0x00, 0x09};
  EXPECT_EQ(psa_hash_resume(&operation, state, sizeof(state)),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(memcmp(&operation, &zero, sizeof(zero)), 0);
}

TEST(Uninitialized, InitThenTheSameCallsWork) {
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  uint8_t output[32];
  EXPECT_EQ(psa_generate_random(output, sizeof(output)), PSA_SUCCESS);
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  EXPECT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
}

}  // namespace
