// The key derivation, cooked key derivation and PAKE entry points of the
// transparent test driver instances (see test_driver.h): each counts the
// call and applies the hooks; key derivations are computed by
// test_driver_derivation_internal.h from the secret input's bytes, derive_key
// and the PAKE functions forward to the builtin driver (builtin_derive_key.h,
// builtin_pake.h).

#include "drivers/builtin/builtin_derive_key.h"
#include "drivers/builtin/builtin_pake.h"
#include "drivers/test/test_driver.h"
#include "drivers/test/test_driver_derivation_internal.h"
#include "drivers/test/test_driver_symmetric_internal.h"  // CountCall

namespace drivers::test {
namespace {

psa_status_t KdfSetup(const test_driver_hooks_t& hooks, unsigned long& counter, test_driver_kdf_state_t* state,
                      psa_algorithm_t alg, const psa_crypto_driver_key_derivation_inputs_t* inputs) {
  CountCall(counter);
  if (hooks.forced_status != PSA_SUCCESS) return hooks.forced_status;
  if (hooks.unsupported_alg != 0 && alg == hooks.unsupported_alg) return PSA_ERROR_NOT_SUPPORTED;
  if (!KdfAlgorithmSupported(alg)) return PSA_ERROR_NOT_SUPPORTED;
  // A transparent secret: bytes, or a transparent key's buffer (its bytes).
  InputBytes secret;
  const psa_status_t status = secret.Read(inputs, PSA_KEY_DERIVATION_INPUT_SECRET, true);
  if (status != PSA_SUCCESS) return status;
  return KdfStart(state, alg, inputs, secret.data(), secret.size());
}

// Every input is an initial input: there are no long ones to take.
psa_status_t KdfInputStep(const test_driver_hooks_t& hooks, unsigned long& counter,
                          test_driver_kdf_state_t* state) {
  CountCall(counter);
  KdfWipe(state);
  return hooks.forced_status != PSA_SUCCESS ? hooks.forced_status : PSA_ERROR_INVALID_ARGUMENT;
}

psa_status_t KdfOutputBytes(const test_driver_hooks_t& hooks, unsigned long& counter,
                            test_driver_kdf_state_t* state, uint8_t* output, size_t length) {
  CountCall(counter);
  if (hooks.forced_status != PSA_SUCCESS) {
    WipeBytes(output, length);
    KdfWipe(state);
    return hooks.forced_status;
  }
  return KdfRead(state, output, length);
}

psa_status_t KdfAbort(const test_driver_hooks_t& hooks, unsigned long& counter, test_driver_kdf_state_t* state) {
  CountCall(counter);
  KdfWipe(state);
  return hooks.forced_status;
}

psa_status_t DeriveKey(const test_driver_hooks_t& hooks, unsigned long& counter,
                       const psa_key_attributes_t* attributes, const uint8_t* input, size_t input_length,
                       void* memory, uint8_t* key_buffer, size_t key_buffer_size, size_t* key_buffer_length) {
  CountCall(counter);
  *key_buffer_length = 0;
  if (hooks.forced_status != PSA_SUCCESS) return hooks.forced_status;
  if (hooks.unsupported_key_type != 0 && psa_get_key_type(attributes) == hooks.unsupported_key_type) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  return builtin_derive_key(attributes, input, input_length, memory, key_buffer, key_buffer_size,
                            key_buffer_length);
}

psa_status_t PakeSetup(const test_driver_hooks_t& hooks, unsigned long& counter,
                       builtin_pake_operation_t* operation, const psa_crypto_driver_pake_inputs_t* inputs) {
  CountCall(counter);
  if (hooks.forced_status != PSA_SUCCESS) return hooks.forced_status;
  psa_pake_cipher_suite_t suite = psa_pake_cipher_suite_init();
  const psa_status_t status = psa_crypto_driver_pake_get_cipher_suite(inputs, &suite);
  if (status != PSA_SUCCESS) return status;
  if (hooks.unsupported_alg != 0 && psa_pake_cs_get_algorithm(&suite) == hooks.unsupported_alg) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  return builtin_pake_setup(operation, inputs);
}

// A step of a PAKE operation already set up: the forced status (the
// operation wiped, *output_length 0), or what `call` returns.
template <typename Call>
psa_status_t PakeStep(const test_driver_hooks_t& hooks, unsigned long& counter,
                      builtin_pake_operation_t* operation, size_t* output_length, Call call) {
  CountCall(counter);
  if (output_length != nullptr) *output_length = 0;
  if (hooks.forced_status != PSA_SUCCESS) {
    builtin_pake_abort(operation);
    return hooks.forced_status;
  }
  return call();
}

psa_status_t PakeAbort(const test_driver_hooks_t& hooks, unsigned long& counter,
                       builtin_pake_operation_t* operation) {
  CountCall(counter);
  const psa_status_t status = builtin_pake_abort(operation);
  return hooks.forced_status != PSA_SUCCESS ? hooks.forced_status : status;
}

}  // namespace
}  // namespace drivers::test

extern "C" {

#define TEST_DRIVER_DEFINE_DERIVATION(prefix)                                 \
  psa_status_t prefix##_key_derivation_setup(                                 \
      prefix##_key_derivation_operation_t* operation, psa_algorithm_t alg,    \
      const psa_crypto_driver_key_derivation_inputs_t* inputs) {              \
    return drivers::test::KdfSetup(prefix##_hooks,                            \
                                   prefix##_hooks.hits.key_derivation_setup,  \
                                   &operation->state, alg, inputs);           \
  }                                                                           \
  psa_status_t prefix##_key_derivation_input_step(                            \
      prefix##_key_derivation_operation_t* operation,                         \
      psa_key_derivation_step_t /*step*/, const uint8_t* /*input*/,           \
      size_t /*input_length*/) {                                              \
    return drivers::test::KdfInputStep(                                       \
        prefix##_hooks, prefix##_hooks.hits.key_derivation_input_step,        \
        &operation->state);                                                   \
  }                                                                           \
  psa_status_t prefix##_key_derivation_output_bytes(                          \
      prefix##_key_derivation_operation_t* operation, uint8_t* output,        \
      size_t length) {                                                        \
    return drivers::test::KdfOutputBytes(                                     \
        prefix##_hooks, prefix##_hooks.hits.key_derivation_output_bytes,      \
        &operation->state, output, length);                                   \
  }                                                                           \
  psa_status_t prefix##_key_derivation_abort(                                 \
      prefix##_key_derivation_operation_t* operation) {                       \
    return drivers::test::KdfAbort(prefix##_hooks,                            \
                                   prefix##_hooks.hits.key_derivation_abort,  \
                                   &operation->state);                        \
  }                                                                           \
  psa_status_t prefix##_derive_key(                                           \
      const psa_key_attributes_t* attributes, const uint8_t* input,           \
      size_t input_length, void* memory, uint8_t* key_buffer,                 \
      size_t key_buffer_size, size_t* key_buffer_length) {                    \
    return drivers::test::DeriveKey(                                          \
        prefix##_hooks, prefix##_hooks.hits.derive_key, attributes, input,    \
        input_length, memory, key_buffer, key_buffer_size,                    \
        key_buffer_length);                                                   \
  }                                                                           \
  psa_status_t prefix##_pake_setup(                                           \
      prefix##_pake_operation_t* operation,                                   \
      const psa_crypto_driver_pake_inputs_t* inputs) {                        \
    return drivers::test::PakeSetup(prefix##_hooks,                           \
                                    prefix##_hooks.hits.pake_setup,           \
                                    &operation->builtin, inputs);             \
  }                                                                           \
  psa_status_t prefix##_pake_output(                                          \
      prefix##_pake_operation_t* operation,                                   \
      psa_crypto_driver_pake_step_t step, uint8_t* output,                    \
      size_t output_size, size_t* output_length) {                            \
    return drivers::test::PakeStep(                                           \
        prefix##_hooks, prefix##_hooks.hits.pake_output, &operation->builtin, \
        output_length, [&] {                                                  \
          return builtin_pake_output(&operation->builtin, step, output,       \
                                     output_size, output_length);             \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_pake_input(prefix##_pake_operation_t* operation,      \
                                   psa_crypto_driver_pake_step_t step,        \
                                   const uint8_t* input, size_t input_size) { \
    return drivers::test::PakeStep(                                           \
        prefix##_hooks, prefix##_hooks.hits.pake_input, &operation->builtin,  \
        nullptr, [&] {                                                        \
          return builtin_pake_input(&operation->builtin, step, input,         \
                                    input_size);                              \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_pake_get_implicit_key(                                \
      prefix##_pake_operation_t* operation, uint8_t* output,                  \
      size_t output_size, size_t* output_length) {                            \
    return drivers::test::PakeStep(                                           \
        prefix##_hooks, prefix##_hooks.hits.pake_get_implicit_key,            \
        &operation->builtin, output_length, [&] {                             \
          return builtin_pake_get_implicit_key(&operation->builtin, output,   \
                                               output_size, output_length);   \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_pake_abort(prefix##_pake_operation_t* operation) {    \
    return drivers::test::PakeAbort(                                          \
        prefix##_hooks, prefix##_hooks.hits.pake_abort, &operation->builtin); \
  }

TEST_DRIVER_INSTANCES(TEST_DRIVER_DEFINE_DERIVATION)
#undef TEST_DRIVER_DEFINE_DERIVATION

}  // extern "C"
