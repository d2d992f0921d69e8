#include "tests/random/test_rng_driver.h"

#include <string.h>

test_rng_hooks_t test_rng_hooks;

void test_rng_reset_hooks(void) {
  memset(&test_rng_hooks, 0, sizeof(test_rng_hooks));
  test_rng_hooks.forced_status = PSA_SUCCESS;
}

/* splitmix64: enough to make distinct inputs give distinct outputs. */
static uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

psa_status_t test_rng_init_random(test_rng_random_context_t *context) {
  ++test_rng_hooks.init_calls;
  context->initialized = 1;
  return PSA_SUCCESS;
}

psa_status_t test_rng_add_entropy(test_rng_random_context_t *context, const uint8_t *entropy, size_t entropy_size) {
  ++test_rng_hooks.add_entropy_calls;
  test_rng_hooks.entropy_bytes += entropy_size;
  for (size_t i = 0; i < entropy_size; ++i) {
    uint64_t *word = &context->state[(i / 8) % 4];
    *word = mix(*word ^ ((uint64_t)entropy[i] << (8 * (i % 8))));
  }
  context->entropy_bytes += entropy_size;
  context->fresh_entropy += entropy_size;
  context->output_since_seed = 0;
  return PSA_SUCCESS;
}

psa_status_t test_rng_get_random(test_rng_random_context_t *context, uint8_t *output, size_t output_size,
                                 size_t *output_length) {
  ++test_rng_hooks.get_random_calls;
  if (*output_length != 0 || !context->initialized || context->entropy_bytes < 48) ++test_rng_hooks.violations;
  if (test_rng_hooks.forced_status != PSA_SUCCESS) return test_rng_hooks.forced_status;
  if (context->entropy_bytes < 48) return PSA_ERROR_INSUFFICIENT_ENTROPY;
  size_t length = output_size;
  if (test_rng_hooks.budget != 0) {
    /* After `budget` bytes, a reseed of at least 40 bytes is needed. */
    if (context->output_since_seed >= test_rng_hooks.budget) {
      if (context->fresh_entropy < 40) ++test_rng_hooks.violations;
      return PSA_ERROR_INSUFFICIENT_ENTROPY;
    }
    if (length > test_rng_hooks.budget - context->output_since_seed) {
      length = test_rng_hooks.budget - context->output_since_seed;
    }
  }
  for (size_t i = 0; i < length; ++i) {
    if (i % 8 == 0) ++context->counter;
    uint64_t word = mix(context->state[0] ^ mix(context->state[1] ^ mix(context->counter)));
    output[i] = (uint8_t)(word >> (8 * (i % 8)));
  }
  context->output_since_seed += length;
  if (test_rng_hooks.budget != 0 && context->output_since_seed >= test_rng_hooks.budget) context->fresh_entropy = 0;
  *output_length = length;
  return PSA_SUCCESS;
}
