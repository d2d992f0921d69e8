/* A test random generation driver ("init_random", "add_entropy",
 * "get_random", test_rng.json) that records how the core drives it: call
 * counts, entropy received, and protocol violations (output asked before the
 * initial entropy). Its output is a counter-mode mix of the entropy received,
 * deterministic and NOT of cryptographic quality: for tests only. */

#ifndef TESTS_RANDOM_TEST_RNG_DRIVER_H_
#define TESTS_RANDOM_TEST_RNG_DRIVER_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  uint64_t state[4];
  uint64_t counter;
  size_t entropy_bytes;      /* since init */
  size_t fresh_entropy;      /* since the last time the budget ran out */
  size_t output_since_seed;  /* bytes produced since the last add_entropy */
  uint32_t initialized;
} test_rng_random_context_t;

psa_status_t test_rng_init_random(test_rng_random_context_t *context);
psa_status_t test_rng_add_entropy(test_rng_random_context_t *context, const uint8_t *entropy, size_t entropy_size);
psa_status_t test_rng_get_random(test_rng_random_context_t *context, uint8_t *output, size_t output_size,
                                 size_t *output_length);

/* What the tests observe and force. */
typedef struct {
  int init_calls;
  int add_entropy_calls;
  int get_random_calls;
  size_t entropy_bytes;       /* all contexts, all calls */
  int violations;             /* get_random before 48 bytes, or not 0 *output_length on entry */
  psa_status_t forced_status; /* PSA_SUCCESS: none; else get_random returns it */
  size_t budget;              /* 0: unlimited; else bytes per add_entropy before a short output */
} test_rng_hooks_t;

extern test_rng_hooks_t test_rng_hooks;
void test_rng_reset_hooks(void);

#ifdef __cplusplus
}
#endif

#endif /* TESTS_RANDOM_TEST_RNG_DRIVER_H_ */
