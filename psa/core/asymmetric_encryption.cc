// The asymmetric encryption API of PSA Crypto 1.2 ("Asymmetric
// encryption"): psa_asymmetric_encrypt and psa_asymmetric_decrypt. The core
// checks the arguments, the key's policy and its suitability
// (policy/asymmetric_keys.h); the driver psa::dispatch selects computes.
//
// Decryption and the padding oracle. RSA decryption fails on a bad padding,
// and a caller who learns more than "this ciphertext is invalid" (which
// part of the padding failed, or the length of a plaintext that a bad
// padding "contained") gets a Bleichenbacher or Manger oracle. So:
//   - the driver writes into a private buffer of the core that holds any
//     plaintext of the key and algorithm
//     (PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE), whatever output_size is: its
//     answer cannot depend on the caller's buffer, and no driver needs to
//     decide "too small" before its padding check is over;
//   - only a successful decryption is compared with output_size, and
//     PSA_ERROR_BUFFER_TOO_SMALL is reported then. That status tells a
//     caller that the ciphertext was valid, which PSA_SUCCESS would have
//     told it with a larger buffer: it adds nothing to what the API reveals;
//   - the plaintext reaches the caller's buffer only on success; the
//     private buffer is wiped on every path, and the caller's buffer too on
//     failure.
// The builtin driver adds its own layer (one status, PSA_ERROR_INVALID_PADDING,
// for every bad ciphertext; see builtin_asymmetric_encryption.h).
//
// Encryption writes into the caller's buffer directly, staged only when it
// overlaps the input.

#include <stddef.h>
#include <stdint.h>

#include "psa/core/dispatch.h"
#include "psa/core/keys/key_store.h"
#include "psa/core/library_state.h"
#include "psa/core/policy/asymmetric_keys.h"
#include "psa/core/staged_output.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

using keys::KeyHandle;

// Acquires `key` for the asymmetric encryption algorithm `alg`, to encrypt
// or decrypt `input_length` bytes with a salt of salt_length bytes:
// BAD_STATE before psa_crypto_init; INVALID_ARGUMENT for an `alg` that is
// no asymmetric encryption; the key store's INVALID_HANDLE and
// NOT_PERMITTED (usage ENCRYPT or DECRYPT); INVALID_ARGUMENT for a key that
// does not suit `alg`, a salt for PKCS#1 v1.5, or an input length that the
// key and padding do not allow.
psa_status_t AcquireEncryptionKey(psa_key_id_t key, psa_algorithm_t alg, bool decrypt, size_t input_length,
                                  size_t salt_length, KeyHandle* handle) {
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  if (!PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  psa_status_t status = keys::AcquireKey(key, decrypt ? PSA_KEY_USAGE_DECRYPT : PSA_KEY_USAGE_ENCRYPT, alg, handle);
  if (status != PSA_SUCCESS) return status;
  const psa_key_attributes_t& attributes = handle->attributes();
  status = policy::CheckAsymmetricEncryptionKey(psa_get_key_type(&attributes), alg, decrypt, salt_length);
  if (status != PSA_SUCCESS) return status;
  const size_t bits = psa_get_key_bits(&attributes);
  return decrypt ? policy::CheckAsymmetricDecryptInputLength(bits, alg, input_length)
                 : policy::CheckAsymmetricEncryptInputLength(bits, alg, input_length);
}

}  // namespace
}  // namespace psa::core

using psa::core::AcquireEncryptionKey;
using psa::core::BuffersOverlap;
using psa::core::CheckWritten;
using psa::core::SecureWipe;
using psa::core::StagedOutput;
using psa::core::keys::KeyHandle;

extern "C" {

psa_status_t psa_asymmetric_encrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                                    const uint8_t* salt, size_t salt_length, uint8_t* output, size_t output_size,
                                    size_t* output_length) {
  *output_length = 0;
  KeyHandle handle;
  psa_status_t status = AcquireEncryptionKey(key, alg, /*decrypt=*/false, input_length, salt_length, &handle);
  if (status == PSA_SUCCESS) {
    const psa_key_attributes_t& attributes = handle.attributes();
    const size_t required =
        PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(psa_get_key_type(&attributes), psa_get_key_bits(&attributes), alg);
    if (output_size < required) status = PSA_ERROR_BUFFER_TOO_SMALL;
  }
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    const bool overlap = BuffersOverlap(input, input_length, output, output_size) ||
                         BuffersOverlap(salt, salt_length, output, output_size);
    StagedOutput ciphertext(output, output_size, overlap);
    status = ciphertext.Prepare();
    if (status == PSA_SUCCESS) {
      status = psa::dispatch::AsymmetricEncrypt(&handle.attributes(), handle.key_buffer(), handle.key_buffer_size(),
                                                alg, input, input_length, salt, salt_length, ciphertext.data(),
                                                ciphertext.size(), &written);
      status = CheckWritten(status, written, ciphertext.size());
    }
    if (status == PSA_SUCCESS) ciphertext.Release(written);
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(output, output_size);
    return status;
  }
  *output_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_asymmetric_decrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                                    const uint8_t* salt, size_t salt_length, uint8_t* output, size_t output_size,
                                    size_t* output_length) {
  *output_length = 0;
  KeyHandle handle;
  psa_status_t status = AcquireEncryptionKey(key, alg, /*decrypt=*/true, input_length, salt_length, &handle);
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    const psa_key_attributes_t& attributes = handle.attributes();
    // Room for any plaintext, independent of output_size (see the top of
    // this file).
    const size_t room =
        PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(psa_get_key_type(&attributes), psa_get_key_bits(&attributes), alg);
    StagedOutput plaintext(output, room, /*stage=*/true);
    status = plaintext.Prepare();
    if (status == PSA_SUCCESS) {
      status = psa::dispatch::AsymmetricDecrypt(&attributes, handle.key_buffer(), handle.key_buffer_size(), alg, input,
                                                input_length, salt, salt_length, plaintext.data(), plaintext.size(),
                                                &written);
      status = CheckWritten(status, written, plaintext.size());
    }
    // Known good: now its length may be compared with the caller's buffer.
    if (status == PSA_SUCCESS && written > output_size) status = PSA_ERROR_BUFFER_TOO_SMALL;
    if (status == PSA_SUCCESS) plaintext.Release(written);
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(output, output_size);
    return status;
  }
  *output_length = written;
  return PSA_SUCCESS;
}

}  // extern "C"
