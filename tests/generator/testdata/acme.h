/* Context type of the "acme" test driver description. */
#ifndef TESTS_GENERATOR_TESTDATA_ACME_H_
#define TESTS_GENERATOR_TESTDATA_ACME_H_
#include "psa/crypto_driver_common.h"
typedef struct {
  uint8_t state[32];
} acme_hash_operation_t;
#endif
