// The signature, asymmetric encryption and key agreement entry points of
// the transparent test driver instances (see test_driver.h): each counts
// the call, returns the forced status or declines the unsupported
// algorithm, and otherwise forwards to the builtin driver
// (builtin_signature.h, builtin_asymmetric_encryption.h,
// builtin_key_agreement.h; sign_message and verify_message through
// test_driver_asymmetric_internal.h).

#include "drivers/builtin/builtin_asymmetric_encryption.h"
#include "drivers/builtin/builtin_key_agreement.h"
#include "drivers/builtin/builtin_signature.h"
#include "drivers/test/test_driver.h"
#include "drivers/test/test_driver_asymmetric_internal.h"
#include "drivers/test/test_driver_symmetric_internal.h"  // CountCall

namespace drivers::test {
namespace {

// One asymmetric entry point of `hooks`, counted in `counter`: sets
// *output_length (if not null) to 0, then returns the forced status if
// there is one, PSA_ERROR_NOT_SUPPORTED if `alg` is the declined
// algorithm, and otherwise what `call` (the builtin driver's function)
// returns.
template <typename Call>
psa_status_t Serve(const test_driver_hooks_t& hooks, unsigned long& counter,
                   psa_algorithm_t alg, size_t* output_length, Call call) {
  CountCall(counter);
  if (output_length != nullptr) *output_length = 0;
  if (hooks.forced_status != PSA_SUCCESS) return hooks.forced_status;
  if (hooks.unsupported_alg != 0 && alg == hooks.unsupported_alg) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  return call();
}

}  // namespace
}  // namespace drivers::test

extern "C" {

#define TEST_DRIVER_DEFINE_ASYMMETRIC(prefix)                                 \
  psa_status_t prefix##_sign_hash(                                            \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* hash,       \
      size_t hash_length, uint8_t* signature, size_t signature_size,          \
      size_t* signature_length) {                                             \
    return drivers::test::Serve(                                              \
        prefix##_hooks, prefix##_hooks.hits.sign_hash, alg,                   \
        signature_length, [&] {                                               \
          return builtin_sign_hash(attributes, key_buffer, key_buffer_size,   \
                                   alg, hash, hash_length, signature,         \
                                   signature_size, signature_length);         \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_verify_hash(                                          \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* hash,       \
      size_t hash_length, const uint8_t* signature,                           \
      size_t signature_length) {                                              \
    return drivers::test::Serve(                                              \
        prefix##_hooks, prefix##_hooks.hits.verify_hash, alg, nullptr, [&] {  \
          return builtin_verify_hash(attributes, key_buffer,                  \
                                     key_buffer_size, alg, hash, hash_length, \
                                     signature, signature_length);            \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_sign_message(                                         \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,      \
      size_t input_length, uint8_t* signature, size_t signature_size,         \
      size_t* signature_length) {                                             \
    return drivers::test::Serve(                                              \
        prefix##_hooks, prefix##_hooks.hits.sign_message, alg,                \
        signature_length, [&] {                                               \
          return drivers::test::BuiltinSignMessage(                           \
              attributes, key_buffer, key_buffer_size, alg, input,            \
              input_length, signature, signature_size, signature_length);     \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_verify_message(                                       \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,      \
      size_t input_length, const uint8_t* signature,                          \
      size_t signature_length) {                                              \
    return drivers::test::Serve(                                              \
        prefix##_hooks, prefix##_hooks.hits.verify_message, alg, nullptr,     \
        [&] {                                                                 \
          return drivers::test::BuiltinVerifyMessage(                         \
              attributes, key_buffer, key_buffer_size, alg, input,            \
              input_length, signature, signature_length);                     \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_asymmetric_encrypt(                                   \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,      \
      size_t input_length, const uint8_t* salt, size_t salt_length,           \
      uint8_t* output, size_t output_size, size_t* output_length) {           \
    return drivers::test::Serve(                                              \
        prefix##_hooks, prefix##_hooks.hits.asymmetric_encrypt, alg,          \
        output_length, [&] {                                                  \
          return builtin_asymmetric_encrypt(                                  \
              attributes, key_buffer, key_buffer_size, alg, input,            \
              input_length, salt, salt_length, output, output_size,           \
              output_length);                                                 \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_asymmetric_decrypt(                                   \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,      \
      size_t input_length, const uint8_t* salt, size_t salt_length,           \
      uint8_t* output, size_t output_size, size_t* output_length) {           \
    return drivers::test::Serve(                                              \
        prefix##_hooks, prefix##_hooks.hits.asymmetric_decrypt, alg,          \
        output_length, [&] {                                                  \
          return builtin_asymmetric_decrypt(                                  \
              attributes, key_buffer, key_buffer_size, alg, input,            \
              input_length, salt, salt_length, output, output_size,           \
              output_length);                                                 \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_key_agreement(                                        \
      psa_algorithm_t alg, const psa_key_attributes_t* our_attributes,        \
      const uint8_t* our_key_buffer, size_t our_key_buffer_length,            \
      const uint8_t* peer_key, size_t peer_key_length, uint8_t* output,       \
      size_t output_size, size_t* output_length) {                            \
    return drivers::test::Serve(                                              \
        prefix##_hooks, prefix##_hooks.hits.key_agreement, alg,               \
        output_length, [&] {                                                  \
          return builtin_key_agreement(alg, our_attributes, our_key_buffer,   \
                                       our_key_buffer_length, peer_key,       \
                                       peer_key_length, output, output_size,  \
                                       output_length);                        \
        });                                                                   \
  }

TEST_DRIVER_INSTANCES(TEST_DRIVER_DEFINE_ASYMMETRIC)
#undef TEST_DRIVER_DEFINE_ASYMMETRIC

}  // extern "C"
