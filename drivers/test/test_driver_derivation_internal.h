// The key derivations of the test drivers (see test_driver_derivation.h),
// which the transparent (test_driver_derivation.cc) and the opaque
// (test_opaque_driver_derivation.cc) instances share: they differ only in
// how they get the secret (the input's bytes, or an unwrapped key context).

#ifndef DRIVERS_TEST_TEST_DRIVER_DERIVATION_INTERNAL_H_
#define DRIVERS_TEST_TEST_DRIVER_DERIVATION_INTERNAL_H_

#include <stddef.h>
#include <stdint.h>

#include <memory>

#include "drivers/test/test_driver_derivation.h"
#include "psa/crypto_driver_common.h"

namespace drivers::test {

// A copy of one byte-string input, on the heap, wiped on destruction.
class InputBytes {
 public:
  InputBytes() = default;
  ~InputBytes();
  InputBytes(const InputBytes&) = delete;
  InputBytes& operator=(const InputBytes&) = delete;

  // Copies the input `step` of `inputs`: a BYTES input, or (if `key_allowed`)
  // a KEY input's key buffer, which for a transparent key is its bytes.
  // PSA_ERROR_INVALID_ARGUMENT for another kind of input (an omitted one
  // included), PSA_ERROR_INSUFFICIENT_MEMORY.
  psa_status_t Read(const psa_crypto_driver_key_derivation_inputs_t* inputs, psa_key_derivation_step_t step,
                    bool key_allowed);
  // Copies data[0..length): PSA_SUCCESS or PSA_ERROR_INSUFFICIENT_MEMORY.
  psa_status_t Assign(const uint8_t* data, size_t length);

  const uint8_t* data() const { return data_.get(); }
  size_t size() const { return length_; }

 private:
  std::unique_ptr<uint8_t[]> data_;
  size_t length_ = 0;
};

// Whether the test drivers compute `alg` (HKDF, HKDF-Extract, HKDF-Expand
// or the TLS 1.2 PRF with a hash that HMAC takes).
bool KdfAlgorithmSupported(psa_algorithm_t alg);

// Starts *state (inactive) for `alg` with secret[0..secret_length) as the
// SECRET input and the other inputs read from `inputs`. On failure *state
// stays all-bits-zero. PSA_ERROR_NOT_SUPPORTED for another algorithm or
// inputs beyond the context's limits, PSA_ERROR_INVALID_ARGUMENT for inputs
// of the wrong kind, or builtin_mac_compute's status.
psa_status_t KdfStart(test_driver_kdf_state_t* state, psa_algorithm_t alg,
                      const psa_crypto_driver_key_derivation_inputs_t* inputs, const uint8_t* secret,
                      size_t secret_length);

// The next `length` bytes of output in out[0..length). PSA_ERROR_BAD_STATE
// for an inactive state; PSA_ERROR_INSUFFICIENT_DATA past the algorithm's
// (or the set capacity's) end, which leaves the state as it was. `out` is
// wiped on failure.
psa_status_t KdfRead(test_driver_kdf_state_t* state, uint8_t* out, size_t length);

// Compares the next `length` bytes of output with expected[0..length) in
// constant time: PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE, or KdfRead's
// failure.
psa_status_t KdfVerify(test_driver_kdf_state_t* state, const uint8_t* expected, size_t length);

// Wipes *state (inactive again).
void KdfWipe(test_driver_kdf_state_t* state);

// Wipes buffer[0..size).
void WipeBytes(void* buffer, size_t size);

}  // namespace drivers::test

#endif  // DRIVERS_TEST_TEST_DRIVER_DERIVATION_INTERNAL_H_
