// The AEAD entry points of aes_x86.h: GCM and CCM over gcm.cc and ccm.cc.

#include <string.h>

#include "drivers/aes_x86/aes_x86.h"
#include "drivers/aes_x86/aes_x86_common.h"

namespace aes_x86 {
namespace {

constexpr uint64_t kGcmMaxText = (uint64_t{1} << 36) - 32;  // SP 800-38D 5.2.1.1
constexpr uint64_t kGcmMaxAd = (uint64_t{1} << 61) - 1;

enum class Aead { kGcm, kCcm, kNone };

Aead AeadOf(psa_algorithm_t alg) {
  switch (PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg)) {
    case PSA_ALG_GCM:
      return Aead::kGcm;
    case PSA_ALG_CCM:
      return Aead::kCcm;
    default:
      return Aead::kNone;
  }
}

// The tag length of `alg`, or 0 if not valid for it.
size_t TagLength(Aead aead, psa_algorithm_t alg) {
  const size_t t = PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_AES, 128, alg);
  if (aead == Aead::kGcm) return (t == 4 || t == 8 || (t >= 12 && t <= 16)) ? t : 0;
  return (t >= 4 && t <= 16 && t % 2 == 0) ? t : 0;
}

// Whether a CCM message of `text_length` bytes fits the counter of a
// nonce of `nonce_length` bytes.
bool CcmLengthFits(size_t nonce_length, uint64_t text_length) {
  const size_t l = 15 - nonce_length;
  return l >= 8 || text_length < (uint64_t{1} << (8 * l));
}

psa_status_t Setup(aes_x86_aead_operation_t* op, bool encrypt, const psa_key_attributes_t* attributes,
                   const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg) {
  if (op->alg != 0) return PSA_ERROR_BAD_STATE;
  const Aead aead = AeadOf(alg);
  if (aead == Aead::kNone || PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER(alg) == 0) return PSA_ERROR_NOT_SUPPORTED;
  // A minimum-tag-length wildcard is a policy, not an algorithm: rebuilding
  // alg from its base and tag length tells (as builtin_aead.cc does).
  const psa_algorithm_t base = PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg);
  if (PSA_ALG_AEAD_WITH_SHORTENED_TAG(base, PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_AES, 128, alg)) != alg) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  aes_x86_path_t path;
  const psa_status_t status = CheckAesKey(attributes, key_buffer_size, &path);
  if (status != PSA_SUCCESS) return status;
  const size_t tag_length = TagLength(aead, alg);
  if (tag_length == 0) return PSA_ERROR_INVALID_ARGUMENT;
  op->alg = alg;
  op->is_encrypt = encrypt ? 1 : 0;
  op->tag_length = static_cast<uint8_t>(tag_length);
  memcpy(op->key, key_buffer, key_buffer_size);
  op->key_length = static_cast<uint8_t>(key_buffer_size);
  if (aead == Aead::kGcm) {
    op->u.gcm.path = static_cast<uint8_t>(path);
  } else {
    op->u.ccm.path = static_cast<uint8_t>(path);
  }
  return PSA_SUCCESS;
}

aes_x86_path_t PathOf(const aes_x86_aead_operation_t* op) {
  return static_cast<aes_x86_path_t>(AeadOf(op->alg) == Aead::kGcm ? op->u.gcm.path : op->u.ccm.path);
}

psa_status_t SetNonce(aes_x86_aead_operation_t* op, const uint8_t* nonce, size_t nonce_length,
                      size_t expected_blocks) {
  if (op->alg == 0 || op->nonce_set) return PSA_ERROR_BAD_STATE;
  const aes_x86_path_t path = PathOf(op);
  if (AeadOf(op->alg) == Aead::kGcm) {
    if (nonce_length == 0) return PSA_ERROR_INVALID_ARGUMENT;
    if (!GcmStart(&op->u.gcm, path, op->key, op->key_length, nonce, nonce_length, expected_blocks)) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
  } else {
    if (nonce_length < 7 || nonce_length > 13) return PSA_ERROR_INVALID_ARGUMENT;
    if (!op->lengths_set) return PSA_ERROR_BAD_STATE;
    if (!CcmLengthFits(nonce_length, op->text_length)) return PSA_ERROR_INVALID_ARGUMENT;
    if (!CcmStart(&op->u.ccm, path, op->key, op->key_length, nonce, nonce_length, op->tag_length, op->ad_length,
                  op->text_length)) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
  }
  Wipe(op->key, sizeof(op->key));
  op->nonce_set = 1;
  return PSA_SUCCESS;
}

psa_status_t SetLengths(aes_x86_aead_operation_t* op, size_t ad_length, size_t text_length) {
  if (op->alg == 0 || op->lengths_set || op->nonce_set) return PSA_ERROR_BAD_STATE;
  if (AeadOf(op->alg) == Aead::kGcm && (text_length > kGcmMaxText || ad_length > kGcmMaxAd)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  op->ad_length = ad_length;
  op->text_length = text_length;
  op->lengths_set = 1;
  return PSA_SUCCESS;
}

psa_status_t UpdateAd(aes_x86_aead_operation_t* op, const uint8_t* input, size_t input_length) {
  if (op->alg == 0 || !op->nonce_set) return PSA_ERROR_BAD_STATE;
  if (AeadOf(op->alg) == Aead::kGcm) {
    aes_x86_gcm_t* gcm = &op->u.gcm;
    if (gcm->in_text) return PSA_ERROR_BAD_STATE;
    if (input_length > kGcmMaxAd - gcm->ad_length) return PSA_ERROR_INVALID_ARGUMENT;
    if (op->lengths_set && gcm->ad_length + input_length > op->ad_length) return PSA_ERROR_INVALID_ARGUMENT;
    GcmAad(gcm, input, input_length);
    return PSA_SUCCESS;
  }
  aes_x86_ccm_t* ccm = &op->u.ccm;
  if (ccm->in_text) return PSA_ERROR_BAD_STATE;
  if (input_length > ccm->ad_remaining) return PSA_ERROR_INVALID_ARGUMENT;
  CcmAad(ccm, input, input_length);
  return PSA_SUCCESS;
}

psa_status_t Update(aes_x86_aead_operation_t* op, const uint8_t* input, size_t input_length, uint8_t* output,
                    size_t output_size, size_t* output_length) {
  *output_length = 0;
  if (op->alg == 0 || !op->nonce_set) return PSA_ERROR_BAD_STATE;
  if (output_size < input_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  if (AeadOf(op->alg) == Aead::kGcm) {
    aes_x86_gcm_t* gcm = &op->u.gcm;
    if (op->lengths_set && gcm->ad_length != op->ad_length) return PSA_ERROR_INVALID_ARGUMENT;
    if (input_length > kGcmMaxText - gcm->text_length) return PSA_ERROR_INVALID_ARGUMENT;
    if (op->lengths_set && gcm->text_length + input_length > op->text_length) return PSA_ERROR_INVALID_ARGUMENT;
    GcmCrypt(gcm, op->is_encrypt != 0, input, output, input_length);
  } else {
    aes_x86_ccm_t* ccm = &op->u.ccm;
    if (ccm->ad_remaining != 0) return PSA_ERROR_INVALID_ARGUMENT;
    if (input_length > ccm->text_remaining) return PSA_ERROR_INVALID_ARGUMENT;
    CcmCrypt(ccm, op->is_encrypt != 0, input, output, input_length);
  }
  *output_length = input_length;
  return PSA_SUCCESS;
}

// The full tag once every declared byte was passed.
psa_status_t ComputeTag(aes_x86_aead_operation_t* op, uint8_t tag[16]) {
  if (op->alg == 0 || !op->nonce_set) return PSA_ERROR_BAD_STATE;
  if (AeadOf(op->alg) == Aead::kGcm) {
    aes_x86_gcm_t* gcm = &op->u.gcm;
    if (op->lengths_set && (gcm->ad_length != op->ad_length || gcm->text_length != op->text_length)) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    GcmTag(gcm, tag);
  } else {
    aes_x86_ccm_t* ccm = &op->u.ccm;
    if (ccm->ad_remaining != 0 || ccm->text_remaining != 0) return PSA_ERROR_INVALID_ARGUMENT;
    CcmTag(ccm, tag);
  }
  return PSA_SUCCESS;
}

psa_status_t Finish(aes_x86_aead_operation_t* op, uint8_t* tag, size_t tag_size, size_t* tag_length) {
  if (op->alg == 0 || !op->is_encrypt) return PSA_ERROR_BAD_STATE;
  uint8_t full[16];
  psa_status_t status = ComputeTag(op, full);
  if (status == PSA_SUCCESS && tag_size < op->tag_length) status = PSA_ERROR_BUFFER_TOO_SMALL;
  if (status == PSA_SUCCESS) {
    memcpy(tag, full, op->tag_length);
    *tag_length = op->tag_length;
  }
  Wipe(full, sizeof(full));
  return status;
}

psa_status_t Verify(aes_x86_aead_operation_t* op, const uint8_t* tag, size_t tag_length) {
  if (op->alg == 0 || op->is_encrypt) return PSA_ERROR_BAD_STATE;
  uint8_t full[16];
  psa_status_t status = ComputeTag(op, full);
  if (status == PSA_SUCCESS &&
      (tag_length != op->tag_length || !EqualConstantTime(full, tag, op->tag_length))) {
    status = PSA_ERROR_INVALID_SIGNATURE;
  }
  Wipe(full, sizeof(full));
  return status;
}

// The number of blocks of a one-shot message (for the GHASH powers).
size_t Blocks(size_t ad_length, size_t text_length) { return (ad_length + 15) / 16 + (text_length + 15) / 16 + 1; }

// One-shot through the multi-part state on the stack.
psa_status_t OneShot(bool encrypt, const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                     size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* nonce, size_t nonce_length,
                     const uint8_t* ad, size_t ad_length, const uint8_t* input, size_t input_length,
                     uint8_t* output, size_t output_size, size_t* output_length) {
  *output_length = 0;
  aes_x86_aead_operation_t op;
  memset(&op, 0, sizeof(op));
  psa_status_t status = Setup(&op, encrypt, attributes, key_buffer, key_buffer_size, alg);
  size_t text_length = input_length;
  if (status == PSA_SUCCESS && !encrypt) {
    if (input_length < op.tag_length) {
      status = PSA_ERROR_INVALID_SIGNATURE;
    } else {
      text_length = input_length - op.tag_length;
    }
  }
  if (status == PSA_SUCCESS) {
    const size_t needed = encrypt ? text_length + op.tag_length : text_length;
    if (encrypt && text_length > SIZE_MAX - op.tag_length) status = PSA_ERROR_INVALID_ARGUMENT;
    else if (output_size < needed) status = PSA_ERROR_BUFFER_TOO_SMALL;
  }
  if (status == PSA_SUCCESS) status = SetLengths(&op, ad_length, text_length);
  if (status == PSA_SUCCESS) status = SetNonce(&op, nonce, nonce_length, Blocks(ad_length, text_length));
  if (status == PSA_SUCCESS) status = UpdateAd(&op, ad, ad_length);
  size_t written = 0;
  if (encrypt) {
    // The tag goes after the ciphertext; the input may be the output.
    if (status == PSA_SUCCESS) status = Update(&op, input, text_length, output, output_size, &written);
    size_t tag_length = 0;
    if (status == PSA_SUCCESS) {
      status = Finish(&op, output + text_length, output_size - text_length, &tag_length);
    }
    if (status == PSA_SUCCESS) *output_length = text_length + tag_length;
  } else {
    // Authenticate before releasing: decrypt into the output, then check.
    const uint8_t* tag = input + text_length;
    uint8_t tag_copy[16];
    if (status == PSA_SUCCESS) memcpy(tag_copy, tag, op.tag_length);  // output may overwrite it
    if (status == PSA_SUCCESS) status = Update(&op, input, text_length, output, output_size, &written);
    if (status == PSA_SUCCESS) status = Verify(&op, tag_copy, op.tag_length);
    if (status == PSA_SUCCESS) {
      *output_length = text_length;
    } else {
      Wipe(output, written);
    }
  }
  WipeObject(&op);
  return status;
}

}  // namespace
}  // namespace aes_x86

using aes_x86::WipeObject;

extern "C" {

psa_status_t aes_x86_aead_encrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* nonce,
                                  size_t nonce_length, const uint8_t* additional_data,
                                  size_t additional_data_length, const uint8_t* plaintext,
                                  size_t plaintext_length, uint8_t* ciphertext, size_t ciphertext_size,
                                  size_t* ciphertext_length) {
  return aes_x86::OneShot(true, attributes, key_buffer, key_buffer_size, alg, nonce, nonce_length,
                          additional_data, additional_data_length, plaintext, plaintext_length, ciphertext,
                          ciphertext_size, ciphertext_length);
}

psa_status_t aes_x86_aead_decrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* nonce,
                                  size_t nonce_length, const uint8_t* additional_data,
                                  size_t additional_data_length, const uint8_t* ciphertext,
                                  size_t ciphertext_length, uint8_t* plaintext, size_t plaintext_size,
                                  size_t* plaintext_length) {
  return aes_x86::OneShot(false, attributes, key_buffer, key_buffer_size, alg, nonce, nonce_length,
                          additional_data, additional_data_length, ciphertext, ciphertext_length, plaintext,
                          plaintext_size, plaintext_length);
}

psa_status_t aes_x86_aead_encrypt_setup(aes_x86_aead_operation_t* operation,
                                        const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                        size_t key_buffer_size, psa_algorithm_t alg) {
  const psa_status_t status = aes_x86::Setup(operation, true, attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS && status != PSA_ERROR_BAD_STATE) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_aead_decrypt_setup(aes_x86_aead_operation_t* operation,
                                        const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                        size_t key_buffer_size, psa_algorithm_t alg) {
  const psa_status_t status = aes_x86::Setup(operation, false, attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS && status != PSA_ERROR_BAD_STATE) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_aead_set_nonce(aes_x86_aead_operation_t* operation, const uint8_t* nonce,
                                    size_t nonce_length) {
  const psa_status_t status = aes_x86::SetNonce(operation, nonce, nonce_length, 0);
  if (status != PSA_SUCCESS) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_aead_set_lengths(aes_x86_aead_operation_t* operation, size_t ad_length,
                                      size_t plaintext_length) {
  const psa_status_t status = aes_x86::SetLengths(operation, ad_length, plaintext_length);
  if (status != PSA_SUCCESS) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_aead_update_ad(aes_x86_aead_operation_t* operation, const uint8_t* input,
                                    size_t input_length) {
  const psa_status_t status = aes_x86::UpdateAd(operation, input, input_length);
  if (status != PSA_SUCCESS) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_aead_update(aes_x86_aead_operation_t* operation, const uint8_t* input, size_t input_length,
                                 uint8_t* output, size_t output_size, size_t* output_length) {
  const psa_status_t status = aes_x86::Update(operation, input, input_length, output, output_size, output_length);
  if (status != PSA_SUCCESS) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_aead_finish(aes_x86_aead_operation_t* operation, uint8_t* ciphertext,
                                 size_t ciphertext_size, size_t* ciphertext_length, uint8_t* tag,
                                 size_t tag_size, size_t* tag_length) {
  *ciphertext_length = 0;
  *tag_length = 0;
  const psa_status_t status = aes_x86::Finish(operation, tag, tag_size, tag_length);
  if (status != PSA_SUCCESS) *tag_length = 0;
  WipeObject(operation);
  return status;
}

psa_status_t aes_x86_aead_verify(aes_x86_aead_operation_t* operation, uint8_t* plaintext, size_t plaintext_size,
                                 size_t* plaintext_length, const uint8_t* tag, size_t tag_length) {
  *plaintext_length = 0;
  const psa_status_t status = aes_x86::Verify(operation, tag, tag_length);
  WipeObject(operation);
  return status;
}

psa_status_t aes_x86_aead_abort(aes_x86_aead_operation_t* operation) {
  WipeObject(operation);
  return PSA_SUCCESS;
}

}  // extern "C"
