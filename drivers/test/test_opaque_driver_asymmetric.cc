// The signature, asymmetric encryption and key agreement entry points of
// the opaque test driver instances (see test_opaque_driver.h): each counts
// the call, applies the hooks, checks the wrapped context out and unwraps
// it (test_opaque_driver_internal.h), and calls the builtin driver's
// function with the plain key, which is wiped afterwards.

#include "drivers/builtin/builtin_asymmetric_encryption.h"
#include "drivers/builtin/builtin_key_agreement.h"
#include "drivers/builtin/builtin_signature.h"
#include "drivers/test/test_driver_asymmetric_internal.h"
#include "drivers/test/test_opaque_driver.h"
#include "drivers/test/test_opaque_driver_internal.h"

extern "C" {

#define TEST_OPAQUE_DEFINE_ASYMMETRIC(prefix)                                 \
  psa_status_t prefix##_sign_hash(                                            \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* hash,       \
      size_t hash_length, uint8_t* signature, size_t signature_size,          \
      size_t* signature_length) {                                             \
    *signature_length = 0;                                                    \
    return drivers::test::WithPlainKey(                                       \
        #prefix, prefix##_hooks, prefix##_hooks.hits.sign_hash,               \
        prefix##_hooks.forced.sign_hash, attributes, key_buffer,              \
        key_buffer_size, alg, [&](const drivers::test::PlainKey& key) {       \
          return builtin_sign_hash(key.attributes(), key.data(), key.size(),  \
                                   alg, hash, hash_length, signature,         \
                                   signature_size, signature_length);         \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_verify_hash(                                          \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* hash,       \
      size_t hash_length, const uint8_t* signature,                           \
      size_t signature_length) {                                              \
    return drivers::test::WithPlainKey(                                       \
        #prefix, prefix##_hooks, prefix##_hooks.hits.verify_hash,             \
        prefix##_hooks.forced.verify_hash, attributes, key_buffer,            \
        key_buffer_size, alg, [&](const drivers::test::PlainKey& key) {       \
          return builtin_verify_hash(key.attributes(), key.data(),            \
                                     key.size(), alg, hash, hash_length,      \
                                     signature, signature_length);            \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_sign_message(                                         \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,      \
      size_t input_length, uint8_t* signature, size_t signature_size,         \
      size_t* signature_length) {                                             \
    *signature_length = 0;                                                    \
    return drivers::test::WithPlainKey(                                       \
        #prefix, prefix##_hooks, prefix##_hooks.hits.sign_message,            \
        prefix##_hooks.forced.sign_message, attributes, key_buffer,           \
        key_buffer_size, alg, [&](const drivers::test::PlainKey& key) {       \
          return drivers::test::BuiltinSignMessage(                           \
              key.attributes(), key.data(), key.size(), alg, input,           \
              input_length, signature, signature_size, signature_length);     \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_verify_message(                                       \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,      \
      size_t input_length, const uint8_t* signature,                          \
      size_t signature_length) {                                              \
    return drivers::test::WithPlainKey(                                       \
        #prefix, prefix##_hooks, prefix##_hooks.hits.verify_message,          \
        prefix##_hooks.forced.verify_message, attributes, key_buffer,         \
        key_buffer_size, alg, [&](const drivers::test::PlainKey& key) {       \
          return drivers::test::BuiltinVerifyMessage(                         \
              key.attributes(), key.data(), key.size(), alg, input,           \
              input_length, signature, signature_length);                     \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_asymmetric_encrypt(                                   \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,      \
      size_t input_length, const uint8_t* salt, size_t salt_length,           \
      uint8_t* output, size_t output_size, size_t* output_length) {           \
    *output_length = 0;                                                       \
    return drivers::test::WithPlainKey(                                       \
        #prefix, prefix##_hooks, prefix##_hooks.hits.asymmetric_encrypt,      \
        prefix##_hooks.forced.asymmetric_encrypt, attributes, key_buffer,     \
        key_buffer_size, alg, [&](const drivers::test::PlainKey& key) {       \
          return builtin_asymmetric_encrypt(                                  \
              key.attributes(), key.data(), key.size(), alg, input,           \
              input_length, salt, salt_length, output, output_size,           \
              output_length);                                                 \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_asymmetric_decrypt(                                   \
      const psa_key_attributes_t* attributes, const uint8_t* key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,      \
      size_t input_length, const uint8_t* salt, size_t salt_length,           \
      uint8_t* output, size_t output_size, size_t* output_length) {           \
    *output_length = 0;                                                       \
    return drivers::test::WithPlainKey(                                       \
        #prefix, prefix##_hooks, prefix##_hooks.hits.asymmetric_decrypt,      \
        prefix##_hooks.forced.asymmetric_decrypt, attributes, key_buffer,     \
        key_buffer_size, alg, [&](const drivers::test::PlainKey& key) {       \
          return builtin_asymmetric_decrypt(                                  \
              key.attributes(), key.data(), key.size(), alg, input,           \
              input_length, salt, salt_length, output, output_size,           \
              output_length);                                                 \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_key_agreement(                                        \
      psa_algorithm_t alg, const psa_key_attributes_t* our_attributes,        \
      const uint8_t* our_key_buffer, size_t our_key_buffer_length,            \
      const uint8_t* peer_key, size_t peer_key_length, uint8_t* output,       \
      size_t output_size, size_t* output_length) {                            \
    *output_length = 0;                                                       \
    return drivers::test::WithPlainKey(                                       \
        #prefix, prefix##_hooks, prefix##_hooks.hits.key_agreement,           \
        prefix##_hooks.forced.key_agreement, our_attributes, our_key_buffer,  \
        our_key_buffer_length, alg, [&](const drivers::test::PlainKey& key) { \
          return builtin_key_agreement(alg, key.attributes(), key.data(),     \
                                       key.size(), peer_key, peer_key_length, \
                                       output, output_size, output_length);   \
        });                                                                   \
  }

TEST_OPAQUE_INSTANCES(TEST_OPAQUE_DEFINE_ASYMMETRIC)
#undef TEST_OPAQUE_DEFINE_ASYMMETRIC

}  // extern "C"
