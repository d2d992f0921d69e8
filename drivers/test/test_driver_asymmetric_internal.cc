// See test_driver_asymmetric_internal.h.

#include "drivers/test/test_driver_asymmetric_internal.h"

#include <string.h>  // explicit_bzero

#include "drivers/builtin/builtin_hash.h"
#include "drivers/builtin/builtin_signature.h"

namespace drivers::test {
namespace {

// The hash of `input` with the hash of the hash-and-sign `alg`, into
// `hash` (PSA_HASH_MAX_SIZE bytes).
psa_status_t HashMessage(psa_algorithm_t alg, const uint8_t* input,
                         size_t input_length, uint8_t* hash,
                         size_t* hash_length) {
  *hash_length = 0;
  if (!PSA_ALG_IS_SIGN_MESSAGE(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  if (!PSA_ALG_IS_HASH_AND_SIGN(alg)) return PSA_ERROR_NOT_SUPPORTED;
  const psa_algorithm_t hash_alg = PSA_ALG_GET_HASH(alg);
  if (hash_alg == PSA_ALG_ANY_HASH) return PSA_ERROR_INVALID_ARGUMENT;
  return builtin_hash_compute(hash_alg, input, input_length, hash,
                              PSA_HASH_MAX_SIZE, hash_length);
}

}  // namespace

psa_status_t BuiltinSignMessage(const psa_key_attributes_t* attributes,
                                const uint8_t* key_buffer,
                                size_t key_buffer_size, psa_algorithm_t alg,
                                const uint8_t* input, size_t input_length,
                                uint8_t* signature, size_t signature_size,
                                size_t* signature_length) {
  *signature_length = 0;
  uint8_t hash[PSA_HASH_MAX_SIZE];
  size_t hash_length = 0;
  psa_status_t status =
      HashMessage(alg, input, input_length, hash, &hash_length);
  if (status == PSA_SUCCESS) {
    status = builtin_sign_hash(attributes, key_buffer, key_buffer_size, alg,
                               hash, hash_length, signature, signature_size,
                               signature_length);
  }
  explicit_bzero(hash, sizeof(hash));
  return status;
}

psa_status_t BuiltinVerifyMessage(const psa_key_attributes_t* attributes,
                                  const uint8_t* key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg,
                                  const uint8_t* input, size_t input_length,
                                  const uint8_t* signature,
                                  size_t signature_length) {
  uint8_t hash[PSA_HASH_MAX_SIZE];
  size_t hash_length = 0;
  psa_status_t status =
      HashMessage(alg, input, input_length, hash, &hash_length);
  if (status == PSA_SUCCESS) {
    status = builtin_verify_hash(attributes, key_buffer, key_buffer_size, alg,
                                 hash, hash_length, signature,
                                 signature_length);
  }
  explicit_bzero(hash, sizeof(hash));
  return status;
}

}  // namespace drivers::test
