// The key derivation and PAKE entry points of the opaque test driver
// instances (see test_opaque_driver.h): each counts the call and applies the
// hooks; the setups check the wrapped context of the secret (or password)
// out and unwrap it (test_opaque_driver_internal.h), then derive with
// test_driver_derivation_internal.h or set up the builtin driver's PAKE
// with the plain password, which is wiped afterwards.

#include "drivers/builtin/builtin_pake.h"
#include "drivers/test/test_driver_derivation_internal.h"
#include "drivers/test/test_driver_symmetric_internal.h"  // CountCall
#include "drivers/test/test_opaque_driver.h"
#include "drivers/test/test_opaque_driver_internal.h"

namespace drivers::test {
namespace {

psa_status_t KdfSetup(const char* prefix, test_opaque_hooks_t& hooks, test_driver_kdf_state_t* state,
                      psa_algorithm_t alg, const psa_crypto_driver_key_derivation_inputs_t* inputs) {
  CountCall(hooks.hits.key_derivation_setup);
  if (hooks.forced.key_derivation_setup != PSA_SUCCESS) return hooks.forced.key_derivation_setup;
  if (hooks.unsupported_alg != 0 && alg == hooks.unsupported_alg) return PSA_ERROR_NOT_SUPPORTED;
  if (!KdfAlgorithmSupported(alg)) return PSA_ERROR_NOT_SUPPORTED;
  // The core calls this driver only for a secret that is one of its keys.
  uint8_t* context = nullptr;
  size_t context_size = 0;
  psa_status_t status = psa_crypto_driver_key_derivation_get_input_key(inputs, PSA_KEY_DERIVATION_INPUT_SECRET,
                                                                       nullptr, &context, &context_size);
  if (status != PSA_SUCCESS) return status;
  PlainKey secret;
  status = secret.OpenContext(prefix, context, context_size);
  if (status != PSA_SUCCESS) return status;
  if (hooks.unsupported_key_type != 0 && psa_get_key_type(secret.attributes()) == hooks.unsupported_key_type) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  return KdfStart(state, alg, inputs, secret.data(), secret.size());
}

// A function of a key derivation already set up: on a forced status the
// operation (and `output`, if any) is wiped.
template <typename Call>
psa_status_t KdfStep(unsigned long& counter, psa_status_t forced, test_driver_kdf_state_t* state,
                     uint8_t* output, size_t length, Call call) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    WipeBytes(output, length);
    KdfWipe(state);
    return forced;
  }
  return call();
}

psa_status_t PakeSetup(const char* prefix, test_opaque_hooks_t& hooks, builtin_pake_operation_t* operation,
                       const psa_crypto_driver_pake_inputs_t* inputs) {
  CountCall(hooks.hits.pake_setup);
  if (hooks.forced.pake_setup != PSA_SUCCESS) return hooks.forced.pake_setup;
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_pake_cipher_suite_t suite = psa_pake_cipher_suite_init();
  psa_status_t status = psa_crypto_driver_pake_get_password_attributes(inputs, &attributes);
  if (status == PSA_SUCCESS) status = psa_crypto_driver_pake_get_cipher_suite(inputs, &suite);
  if (status != PSA_SUCCESS) return status;
  if (hooks.unsupported_key_type != 0 && psa_get_key_type(&attributes) == hooks.unsupported_key_type) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  if (hooks.unsupported_alg != 0 && psa_pake_cs_get_algorithm(&suite) == hooks.unsupported_alg) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  uint8_t* context = nullptr;
  size_t context_size = 0;
  status = psa_crypto_driver_pake_get_password_key(inputs, &context, &context_size, nullptr);
  if (status != PSA_SUCCESS) return status;
  PlainKey password;
  status = password.Open(prefix, &attributes, context, context_size);
  if (status != PSA_SUCCESS) return status;
  return builtin_pake_setup_with_password(operation, inputs, psa_get_key_type(&attributes), password.data(),
                                          password.size());
}

// A step of a PAKE operation already set up: the forced status (the
// operation wiped, *output_length 0), or what `call` returns.
template <typename Call>
psa_status_t PakeStep(unsigned long& counter, psa_status_t forced, builtin_pake_operation_t* operation,
                      size_t* output_length, Call call) {
  CountCall(counter);
  if (output_length != nullptr) *output_length = 0;
  if (forced != PSA_SUCCESS) {
    builtin_pake_abort(operation);
    return forced;
  }
  return call();
}

}  // namespace
}  // namespace drivers::test

extern "C" {

#define TEST_OPAQUE_DEFINE_DERIVATION(prefix)                                 \
  psa_status_t prefix##_key_derivation_setup(                                 \
      prefix##_key_derivation_operation_t* operation, psa_algorithm_t alg,    \
      const psa_crypto_driver_key_derivation_inputs_t* inputs) {              \
    return drivers::test::KdfSetup(#prefix, prefix##_hooks,                   \
                                   &operation->state, alg, inputs);           \
  }                                                                           \
  psa_status_t prefix##_key_derivation_input_step(                            \
      prefix##_key_derivation_operation_t* operation,                         \
      psa_key_derivation_step_t /*step*/, const uint8_t* /*input*/,           \
      size_t /*input_length*/) {                                              \
    /* Every input is an initial input: no long ones to take. */              \
    return drivers::test::KdfStep(                                            \
        prefix##_hooks.hits.key_derivation_input_step,                        \
        prefix##_hooks.forced.key_derivation_input_step, &operation->state,   \
        nullptr, 0, [&] {                                                     \
          drivers::test::KdfWipe(&operation->state);                          \
          return PSA_ERROR_INVALID_ARGUMENT;                                  \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_key_derivation_set_capacity(                          \
      prefix##_key_derivation_operation_t* operation, size_t capacity) {      \
    return drivers::test::KdfStep(                                            \
        prefix##_hooks.hits.key_derivation_set_capacity,                      \
        prefix##_hooks.forced.key_derivation_set_capacity,                    \
        &operation->state, nullptr, 0, [&] {                                  \
          if (operation->state.alg == 0) return PSA_ERROR_BAD_STATE;          \
          operation->state.capacity_set = 1;                                  \
          operation->state.capacity = capacity;                               \
          return PSA_SUCCESS;                                                 \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_key_derivation_output_bytes(                          \
      prefix##_key_derivation_operation_t* operation, uint8_t* output,        \
      size_t length) {                                                        \
    return drivers::test::KdfStep(                                            \
        prefix##_hooks.hits.key_derivation_output_bytes,                      \
        prefix##_hooks.forced.key_derivation_output_bytes,                    \
        &operation->state, output, length, [&] {                              \
          return drivers::test::KdfRead(&operation->state, output, length);   \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_key_derivation_verify_bytes(                          \
      prefix##_key_derivation_operation_t* operation,                         \
      const uint8_t* expected_output, size_t length) {                        \
    return drivers::test::KdfStep(                                            \
        prefix##_hooks.hits.key_derivation_verify_bytes,                      \
        prefix##_hooks.forced.key_derivation_verify_bytes,                    \
        &operation->state, nullptr, 0, [&] {                                  \
          return drivers::test::KdfVerify(&operation->state, expected_output, \
                                          length);                            \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_key_derivation_abort(                                 \
      prefix##_key_derivation_operation_t* operation) {                       \
    return drivers::test::KdfStep(                                            \
        prefix##_hooks.hits.key_derivation_abort,                             \
        prefix##_hooks.forced.key_derivation_abort, &operation->state,        \
        nullptr, 0, [&] {                                                     \
          drivers::test::KdfWipe(&operation->state);                          \
          return PSA_SUCCESS;                                                 \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_pake_setup(                                           \
      prefix##_pake_operation_t* operation,                                   \
      const psa_crypto_driver_pake_inputs_t* inputs) {                        \
    return drivers::test::PakeSetup(#prefix, prefix##_hooks,                  \
                                    &operation->builtin, inputs);             \
  }                                                                           \
  psa_status_t prefix##_pake_output(                                          \
      prefix##_pake_operation_t* operation,                                   \
      psa_crypto_driver_pake_step_t step, uint8_t* output,                    \
      size_t output_size, size_t* output_length) {                            \
    return drivers::test::PakeStep(                                           \
        prefix##_hooks.hits.pake_output, prefix##_hooks.forced.pake_output,   \
        &operation->builtin, output_length, [&] {                             \
          return builtin_pake_output(&operation->builtin, step, output,       \
                                     output_size, output_length);             \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_pake_input(prefix##_pake_operation_t* operation,      \
                                   psa_crypto_driver_pake_step_t step,        \
                                   const uint8_t* input, size_t input_size) { \
    return drivers::test::PakeStep(                                           \
        prefix##_hooks.hits.pake_input, prefix##_hooks.forced.pake_input,     \
        &operation->builtin, nullptr, [&] {                                   \
          return builtin_pake_input(&operation->builtin, step, input,         \
                                    input_size);                              \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_pake_get_implicit_key(                                \
      prefix##_pake_operation_t* operation, uint8_t* output,                  \
      size_t output_size, size_t* output_length) {                            \
    return drivers::test::PakeStep(                                           \
        prefix##_hooks.hits.pake_get_implicit_key,                            \
        prefix##_hooks.forced.pake_get_implicit_key, &operation->builtin,     \
        output_length, [&] {                                                  \
          return builtin_pake_get_implicit_key(&operation->builtin, output,   \
                                               output_size, output_length);   \
        });                                                                   \
  }                                                                           \
  psa_status_t prefix##_pake_abort(prefix##_pake_operation_t* operation) {    \
    return drivers::test::PakeStep(                                           \
        prefix##_hooks.hits.pake_abort, prefix##_hooks.forced.pake_abort,     \
        &operation->builtin, nullptr,                                         \
        [&] { return builtin_pake_abort(&operation->builtin); });             \
  }

TEST_OPAQUE_INSTANCES(TEST_OPAQUE_DEFINE_DERIVATION)
#undef TEST_OPAQUE_DEFINE_DERIVATION

}  // extern "C"
