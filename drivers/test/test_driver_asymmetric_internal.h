// What the transparent (test_driver_asymmetric.cc) and the opaque
// (test_opaque_driver_asymmetric.cc) test drivers share for signatures:
// "sign_message" and "verify_message" over the builtin driver, which has
// neither. Each hashes the message with builtin_hash_compute and signs or
// verifies the hash with builtin_sign_hash / builtin_verify_hash, all
// inside the test driver, so that a test can tell a driver's own
// sign_message (no hash_compute of any driver counted) from the core's
// hash-then-sign_hash route (the hash dispatch counted).

#ifndef DRIVERS_TEST_TEST_DRIVER_ASYMMETRIC_INTERNAL_H_
#define DRIVERS_TEST_TEST_DRIVER_ASYMMETRIC_INTERNAL_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

namespace drivers::test {

// Signs `input` with the key the builtin driver finds in `key_buffer`.
// PSA_ERROR_INVALID_ARGUMENT if `alg` is not a message signature algorithm
// or holds a PSA_ALG_ANY_HASH wildcard; PSA_ERROR_NOT_SUPPORTED for one
// that is not hash-and-sign (pure EdDSA); otherwise the status of
// builtin_hash_compute or builtin_sign_hash. *signature_length is 0 on
// failure; the hash is wiped on every path.
psa_status_t BuiltinSignMessage(const psa_key_attributes_t* attributes,
                                const uint8_t* key_buffer,
                                size_t key_buffer_size, psa_algorithm_t alg,
                                const uint8_t* input, size_t input_length,
                                uint8_t* signature, size_t signature_size,
                                size_t* signature_length);

// The verification of BuiltinSignMessage: PSA_SUCCESS,
// PSA_ERROR_INVALID_SIGNATURE, or a status as above.
psa_status_t BuiltinVerifyMessage(const psa_key_attributes_t* attributes,
                                  const uint8_t* key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg,
                                  const uint8_t* input, size_t input_length,
                                  const uint8_t* signature,
                                  size_t signature_length);

}  // namespace drivers::test

#endif  // DRIVERS_TEST_TEST_DRIVER_ASYMMETRIC_INTERNAL_H_
