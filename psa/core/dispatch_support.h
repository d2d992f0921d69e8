// Helpers for the generated dispatch (rules/drivergen): typed access to the
// driver context inside an operation object, wiping, and the single-part
// entry points (hash, MAC, cipher, AEAD) run through a driver's multi-part
// entry points or, for MAC verification, through MAC computation and a
// constant-time compare.

#ifndef PSA_CORE_DISPATCH_SUPPORT_H_
#define PSA_CORE_DISPATCH_SUPPORT_H_

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "psa/core/constant_time.h"
#include "psa/core/dispatch.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::dispatch::support {

// Overwrites `size` bytes at `p` in a way the compiler cannot elide.
inline void Wipe(void* p, size_t size) { psa::core::SecureWipe(p, size); }

// The driver context of type `T` held by an operation object.
template <typename T, typename Operation>
T* Context(Operation* operation) {
  static_assert(sizeof(T) <= sizeof(operation->ctx), "driver context does not fit in the operation object");
  static_assert(alignof(T) <= alignof(decltype(operation->ctx)), "driver context needs more alignment");
  return reinterpret_cast<T*>(&operation->ctx);
}

// psa_hash_compute through a driver that has "hash_multipart" but no
// "hash_compute", as the driver interface asks of the core. The context
// lives on the stack and is wiped before returning.
template <typename T>
psa_status_t HashComputeByParts(psa_status_t (*setup)(T*, psa_algorithm_t),
                                psa_status_t (*update)(T*, const uint8_t*, size_t),
                                psa_status_t (*finish)(T*, uint8_t*, size_t, size_t*),
                                psa_status_t (*abort)(T*), psa_algorithm_t alg, const uint8_t* input,
                                size_t input_length, uint8_t* hash, size_t hash_size, size_t* hash_length) {
  T context;
  memset(&context, 0, sizeof(context));
  psa_status_t status = setup(&context, alg);
  if (status == PSA_SUCCESS) {
    status = update(&context, input, input_length);
    if (status == PSA_SUCCESS) status = finish(&context, hash, hash_size, hash_length);
    psa_status_t abort_status = abort(&context);
    if (status == PSA_SUCCESS) status = abort_status;
  }
  Wipe(&context, sizeof(context));
  return status;
}

// The other single-part entry points through a driver's multi-part family,
// when the driver declares only that (driver interface: "the core may
// implement a single-part function with the multi-part entry points"). Each
// runs the operation in a stack context that is always aborted and wiped.
template <typename T>
class StackOperation {
 public:
  explicit StackOperation(psa_status_t (*abort)(T*)) : abort_(abort) { memset(&context_, 0, sizeof(context_)); }
  ~StackOperation() { Wipe(&context_, sizeof(context_)); }
  StackOperation(const StackOperation&) = delete;
  StackOperation& operator=(const StackOperation&) = delete;
  T* get() { return &context_; }
  // Aborts an operation that was set up; `status` is the result so far.
  psa_status_t End(psa_status_t status) {
    const psa_status_t abort_status = abort_(&context_);
    return status != PSA_SUCCESS ? status : abort_status;
  }

 private:
  psa_status_t (*abort_)(T*);
  T context_;
};

// "mac_compute" through "mac_multipart".
template <typename T>
psa_status_t MacComputeByParts(psa_status_t (*setup)(T*, const psa_key_attributes_t*, const uint8_t*, size_t,
                                                     psa_algorithm_t),
                               psa_status_t (*update)(T*, const uint8_t*, size_t),
                               psa_status_t (*finish)(T*, uint8_t*, size_t, size_t*), psa_status_t (*abort)(T*),
                               const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                               size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                               size_t input_length, uint8_t* mac, size_t mac_size, size_t* mac_length) {
  StackOperation<T> op(abort);
  psa_status_t status = setup(op.get(), attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS) return status;
  status = update(op.get(), input, input_length);
  if (status == PSA_SUCCESS) status = finish(op.get(), mac, mac_size, mac_length);
  return op.End(status);
}

// "mac_verify" through "mac_verify_multipart".
template <typename T>
psa_status_t MacVerifyByParts(psa_status_t (*setup)(T*, const psa_key_attributes_t*, const uint8_t*, size_t,
                                                    psa_algorithm_t),
                              psa_status_t (*update)(T*, const uint8_t*, size_t),
                              psa_status_t (*verify_finish)(T*, const uint8_t*, size_t), psa_status_t (*abort)(T*),
                              const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                              size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                              size_t input_length, const uint8_t* mac, size_t mac_length) {
  StackOperation<T> op(abort);
  psa_status_t status = setup(op.get(), attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS) return status;
  status = update(op.get(), input, input_length);
  if (status == PSA_SUCCESS) status = verify_finish(op.get(), mac, mac_length);
  return op.End(status);
}

// Compares a computed MAC with the expected one in constant time and wipes
// the computed one: PSA_ERROR_INVALID_SIGNATURE unless both are equal.
inline psa_status_t CompareMac(psa_status_t status, uint8_t* actual, size_t actual_length, const uint8_t* expected,
                               size_t expected_length) {
  if (status == PSA_SUCCESS &&
      !psa::core::ConstantTimeEqualWithLengths(actual, actual_length, expected, expected_length)) {
    status = PSA_ERROR_INVALID_SIGNATURE;
  }
  Wipe(actual, PSA_MAC_MAX_SIZE);
  return status;
}

// "mac_verify" through "mac_compute" and a constant-time compare.
inline psa_status_t MacVerifyByCompute(psa_status_t (*compute)(const psa_key_attributes_t*, const uint8_t*, size_t,
                                                               psa_algorithm_t, const uint8_t*, size_t, uint8_t*,
                                                               size_t, size_t*),
                                       const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                       size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                                       size_t input_length, const uint8_t* mac, size_t mac_length) {
  uint8_t actual[PSA_MAC_MAX_SIZE];
  size_t actual_length = 0;
  psa_status_t status = compute(attributes, key_buffer, key_buffer_size, alg, input, input_length, actual,
                                sizeof(actual), &actual_length);
  return CompareMac(status, actual, actual_length, mac, mac_length);
}

// "mac_verify" through "mac_multipart" (sign) and a constant-time compare.
template <typename T>
psa_status_t MacVerifyBySignParts(psa_status_t (*setup)(T*, const psa_key_attributes_t*, const uint8_t*, size_t,
                                                        psa_algorithm_t),
                                  psa_status_t (*update)(T*, const uint8_t*, size_t),
                                  psa_status_t (*finish)(T*, uint8_t*, size_t, size_t*), psa_status_t (*abort)(T*),
                                  const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                                  size_t input_length, const uint8_t* mac, size_t mac_length) {
  uint8_t actual[PSA_MAC_MAX_SIZE];
  size_t actual_length = 0;
  psa_status_t status = MacComputeByParts<T>(setup, update, finish, abort, attributes, key_buffer, key_buffer_size,
                                             alg, input, input_length, actual, sizeof(actual), &actual_length);
  return CompareMac(status, actual, actual_length, mac, mac_length);
}

// "mac_verify_finish" of a driver that verifies with its "mac_multipart"
// family: finish the MAC, then compare it in constant time.
template <typename T>
psa_status_t MacVerifyFinishBySign(psa_status_t (*finish)(T*, uint8_t*, size_t, size_t*), T* operation,
                                   const uint8_t* mac, size_t mac_length) {
  uint8_t actual[PSA_MAC_MAX_SIZE];
  size_t actual_length = 0;
  psa_status_t status = finish(operation, actual, sizeof(actual), &actual_length);
  return CompareMac(status, actual, actual_length, mac, mac_length);
}

// The update + finish of a single-part cipher call: output of both into
// output[0..output_size).
template <typename T>
psa_status_t CipherRun(psa_status_t (*update)(T*, const uint8_t*, size_t, uint8_t*, size_t, size_t*),
                       psa_status_t (*finish)(T*, uint8_t*, size_t, size_t*), T* operation, const uint8_t* input,
                       size_t input_length, uint8_t* output, size_t output_size, size_t* output_length) {
  size_t updated = 0;
  size_t finished = 0;
  *output_length = 0;
  psa_status_t status = update(operation, input, input_length, output, output_size, &updated);
  if (status != PSA_SUCCESS) return status;
  if (updated > output_size) return PSA_ERROR_CORRUPTION_DETECTED;
  status = finish(operation, output + updated, output_size - updated, &finished);
  if (status != PSA_SUCCESS) return status;
  if (finished > output_size - updated) return PSA_ERROR_CORRUPTION_DETECTED;
  *output_length = updated + finished;
  return PSA_SUCCESS;
}

// "cipher_encrypt" through "cipher_encrypt_multipart".
template <typename T>
psa_status_t CipherEncryptByParts(psa_status_t (*setup)(T*, const psa_key_attributes_t*, const uint8_t*, size_t,
                                                        psa_algorithm_t),
                                  psa_status_t (*set_iv)(T*, const uint8_t*, size_t),
                                  psa_status_t (*update)(T*, const uint8_t*, size_t, uint8_t*, size_t, size_t*),
                                  psa_status_t (*finish)(T*, uint8_t*, size_t, size_t*), psa_status_t (*abort)(T*),
                                  const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* iv, size_t iv_length,
                                  const uint8_t* input, size_t input_length, uint8_t* output, size_t output_size,
                                  size_t* output_length) {
  *output_length = 0;
  StackOperation<T> op(abort);
  psa_status_t status = setup(op.get(), attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS) return status;
  if (iv_length != 0) status = set_iv(op.get(), iv, iv_length);
  if (status == PSA_SUCCESS) {
    status = CipherRun<T>(update, finish, op.get(), input, input_length, output, output_size, output_length);
  }
  return op.End(status);
}

// "cipher_decrypt" through "cipher_decrypt_multipart": the input is the IV
// (PSA_CIPHER_IV_LENGTH bytes) followed by the ciphertext.
template <typename T>
psa_status_t CipherDecryptByParts(psa_status_t (*setup)(T*, const psa_key_attributes_t*, const uint8_t*, size_t,
                                                        psa_algorithm_t),
                                  psa_status_t (*set_iv)(T*, const uint8_t*, size_t),
                                  psa_status_t (*update)(T*, const uint8_t*, size_t, uint8_t*, size_t, size_t*),
                                  psa_status_t (*finish)(T*, uint8_t*, size_t, size_t*), psa_status_t (*abort)(T*),
                                  const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                                  size_t input_length, uint8_t* output, size_t output_size, size_t* output_length) {
  *output_length = 0;
  const size_t iv_length = PSA_CIPHER_IV_LENGTH(psa_get_key_type(attributes), alg);
  if (input_length < iv_length) return PSA_ERROR_INVALID_ARGUMENT;
  StackOperation<T> op(abort);
  psa_status_t status = setup(op.get(), attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS) return status;
  if (iv_length != 0) status = set_iv(op.get(), input, iv_length);
  if (status == PSA_SUCCESS) {
    status = CipherRun<T>(update, finish, op.get(), input + iv_length, input_length - iv_length, output, output_size,
                          output_length);
  }
  return op.End(status);
}

// "aead_encrypt" through "aead_encrypt_multipart": ciphertext || tag.
template <typename T>
psa_status_t AeadEncryptByParts(psa_status_t (*setup)(T*, const psa_key_attributes_t*, const uint8_t*, size_t,
                                                      psa_algorithm_t),
                                psa_status_t (*set_nonce)(T*, const uint8_t*, size_t),
                                psa_status_t (*set_lengths)(T*, size_t, size_t),
                                psa_status_t (*update_ad)(T*, const uint8_t*, size_t),
                                psa_status_t (*update)(T*, const uint8_t*, size_t, uint8_t*, size_t, size_t*),
                                psa_status_t (*finish)(T*, uint8_t*, size_t, size_t*, uint8_t*, size_t, size_t*),
                                psa_status_t (*abort)(T*), const psa_key_attributes_t* attributes,
                                const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg,
                                const uint8_t* nonce, size_t nonce_length, const uint8_t* additional_data,
                                size_t additional_data_length, const uint8_t* plaintext, size_t plaintext_length,
                                uint8_t* ciphertext, size_t ciphertext_size, size_t* ciphertext_length) {
  *ciphertext_length = 0;
  const size_t tag_length = PSA_AEAD_TAG_LENGTH(psa_get_key_type(attributes), psa_get_key_bits(attributes), alg);
  if (ciphertext_size < tag_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  StackOperation<T> op(abort);
  psa_status_t status = setup(op.get(), attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS) return status;
  status = set_lengths(op.get(), additional_data_length, plaintext_length);
  if (status == PSA_SUCCESS) status = set_nonce(op.get(), nonce, nonce_length);
  if (status == PSA_SUCCESS) status = update_ad(op.get(), additional_data, additional_data_length);
  size_t updated = 0;
  const size_t body_size = ciphertext_size - tag_length;
  if (status == PSA_SUCCESS) status = update(op.get(), plaintext, plaintext_length, ciphertext, body_size, &updated);
  if (status == PSA_SUCCESS && updated > body_size) status = PSA_ERROR_CORRUPTION_DETECTED;
  size_t finished = 0;
  uint8_t tag[PSA_AEAD_TAG_MAX_SIZE];
  size_t tag_written = 0;
  if (status == PSA_SUCCESS) {
    status = finish(op.get(), ciphertext + updated, body_size - updated, &finished, tag, sizeof(tag), &tag_written);
  }
  if (status == PSA_SUCCESS && (finished > body_size - updated || tag_written != tag_length)) {
    status = PSA_ERROR_CORRUPTION_DETECTED;
  }
  if (status == PSA_SUCCESS) {
    memcpy(ciphertext + updated + finished, tag, tag_length);
    *ciphertext_length = updated + finished + tag_length;
  }
  return op.End(status);
}

// "aead_decrypt" through "aead_decrypt_multipart": the input is
// ciphertext || tag.
template <typename T>
psa_status_t AeadDecryptByParts(psa_status_t (*setup)(T*, const psa_key_attributes_t*, const uint8_t*, size_t,
                                                      psa_algorithm_t),
                                psa_status_t (*set_nonce)(T*, const uint8_t*, size_t),
                                psa_status_t (*set_lengths)(T*, size_t, size_t),
                                psa_status_t (*update_ad)(T*, const uint8_t*, size_t),
                                psa_status_t (*update)(T*, const uint8_t*, size_t, uint8_t*, size_t, size_t*),
                                psa_status_t (*verify)(T*, uint8_t*, size_t, size_t*, const uint8_t*, size_t),
                                psa_status_t (*abort)(T*), const psa_key_attributes_t* attributes,
                                const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg,
                                const uint8_t* nonce, size_t nonce_length, const uint8_t* additional_data,
                                size_t additional_data_length, const uint8_t* ciphertext, size_t ciphertext_length,
                                uint8_t* plaintext, size_t plaintext_size, size_t* plaintext_length) {
  *plaintext_length = 0;
  const size_t tag_length = PSA_AEAD_TAG_LENGTH(psa_get_key_type(attributes), psa_get_key_bits(attributes), alg);
  if (ciphertext_length < tag_length) return PSA_ERROR_INVALID_SIGNATURE;
  const size_t body_length = ciphertext_length - tag_length;
  StackOperation<T> op(abort);
  psa_status_t status = setup(op.get(), attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS) return status;
  status = set_lengths(op.get(), additional_data_length, body_length);
  if (status == PSA_SUCCESS) status = set_nonce(op.get(), nonce, nonce_length);
  if (status == PSA_SUCCESS) status = update_ad(op.get(), additional_data, additional_data_length);
  size_t updated = 0;
  if (status == PSA_SUCCESS) status = update(op.get(), ciphertext, body_length, plaintext, plaintext_size, &updated);
  if (status == PSA_SUCCESS && updated > plaintext_size) status = PSA_ERROR_CORRUPTION_DETECTED;
  size_t verified = 0;
  if (status == PSA_SUCCESS) {
    status = verify(op.get(), plaintext + updated, plaintext_size - updated, &verified, ciphertext + body_length,
                    tag_length);
  }
  if (status == PSA_SUCCESS && verified > plaintext_size - updated) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status == PSA_SUCCESS) {
    *plaintext_length = updated + verified;
  } else {
    Wipe(plaintext, plaintext_size);
  }
  return op.End(status);
}

// Export of a transparent key: its key buffer is its export format.
inline psa_status_t CopyKeyBuffer(const uint8_t* key_buffer, size_t key_buffer_size, uint8_t* data,
                                  size_t data_size, size_t* data_length) {
  *data_length = 0;
  if (data_size < key_buffer_size) return PSA_ERROR_BUFFER_TOO_SMALL;
  if (key_buffer_size != 0) memcpy(data, key_buffer, key_buffer_size);
  *data_length = key_buffer_size;
  return PSA_SUCCESS;
}

// The size of an opaque key context from the static "key_context"
// properties of a driver description (PSA driver interface, "Key format for
// opaque drivers"). `symmetric_factor` multiplies the key size in bytes.
inline size_t OpaqueKeyContextSize(psa_key_type_t type, size_t bits, size_t base_size, size_t key_pair_size,
                                   size_t public_key_size, size_t symmetric_factor, bool store_public_key) {
  size_t size = base_size;
  if (PSA_KEY_TYPE_IS_KEY_PAIR(type)) {
    size += key_pair_size;
    if (store_public_key) size += PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type), bits);
  } else if (PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) {
    size += public_key_size;
  } else {
    size += symmetric_factor * PSA_BITS_TO_BYTES(bits);
  }
  return size;
}

// "sign_message" through "sign_hash": the message is hashed with the
// algorithm's hash through the hash dispatch, then signed. Only for
// hash-and-sign algorithms; NOT_SUPPORTED for the others (pure EdDSA), so
// that the dispatch moves on.
using SignHashFunction = psa_status_t (*)(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t,
                                          const uint8_t*, size_t, uint8_t*, size_t, size_t*);
using VerifyHashFunction = psa_status_t (*)(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t,
                                            const uint8_t*, size_t, const uint8_t*, size_t);

// The hash of `input` with the hash algorithm of the hash-and-sign `alg`.
inline psa_status_t HashForSignature(psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                                     uint8_t (&hash)[PSA_HASH_MAX_SIZE], size_t* hash_length) {
  *hash_length = 0;
  const psa_algorithm_t hash_alg = PSA_ALG_GET_HASH(alg);
  if (!PSA_ALG_IS_SIGN_HASH(alg) || !PSA_ALG_IS_HASH(hash_alg) || hash_alg == PSA_ALG_ANY_HASH) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  return psa::dispatch::HashCompute(hash_alg, input, input_length, hash, sizeof(hash), hash_length);
}

inline psa_status_t SignMessageByHash(SignHashFunction sign_hash, const psa_key_attributes_t* attributes,
                                      const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg,
                                      const uint8_t* input, size_t input_length, uint8_t* signature,
                                      size_t signature_size, size_t* signature_length) {
  uint8_t hash[PSA_HASH_MAX_SIZE];
  size_t hash_length = 0;
  psa_status_t status = HashForSignature(alg, input, input_length, hash, &hash_length);
  if (status == PSA_SUCCESS) {
    status = sign_hash(attributes, key_buffer, key_buffer_size, alg, hash, hash_length, signature, signature_size,
                       signature_length);
  }
  Wipe(hash, sizeof(hash));
  return status;
}

inline psa_status_t VerifyMessageByHash(VerifyHashFunction verify_hash, const psa_key_attributes_t* attributes,
                                        const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg,
                                        const uint8_t* input, size_t input_length, const uint8_t* signature,
                                        size_t signature_length) {
  uint8_t hash[PSA_HASH_MAX_SIZE];
  size_t hash_length = 0;
  psa_status_t status = HashForSignature(alg, input, input_length, hash, &hash_length);
  if (status == PSA_SUCCESS) {
    status = verify_hash(attributes, key_buffer, key_buffer_size, alg, hash, hash_length, signature,
                         signature_length);
  }
  Wipe(hash, sizeof(hash));
  return status;
}

}  // namespace psa::dispatch::support

#endif  // PSA_CORE_DISPATCH_SUPPORT_H_
