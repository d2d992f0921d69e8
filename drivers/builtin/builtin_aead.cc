// The builtin driver's AEAD entry points (see builtin_aead.h). Every entry
// point first resolves and checks its parameters (ResolveAlgorithm and the
// length checks below), so Mbed TLS is only called with input it accepts.
// Single-part operations call Mbed TLS's one-shot functions (one key setup
// per call, output written in place), except ARIA-GCM and ARIA-CCM (Mbed
// TLS's GCM and CCM take only its own ciphers) and CCM with long additional
// data, which run through the multi-part entry points (StreamOneShot);
// multi-part GCM and CCM run the streaming modes of builtin_aead_modes.cc,
// multi-part ChaCha20-Poly1305 Mbed TLS's mbedtls_chachapoly_* functions.

#include "drivers/builtin/builtin_aead.h"

#include <cstdint>
#include <cstring>

#include "drivers/builtin/builtin_aead_modes_internal.h"
#include "drivers/builtin/mbedtls_status.h"
#include "mbedtls/ccm.h"
#include "mbedtls/cipher.h"
#include "mbedtls/gcm.h"
#include "mbedtls/platform_util.h"

// Mbed TLS 2.28's constant_time.h lacks the C++ linkage guards of its other
// headers.
extern "C" {
#include "mbedtls/constant_time.h"
}

namespace drivers::builtin {
namespace {

// The core keeps driver AEAD contexts in fixed storage of the public
// psa_aead_operation_t; the dispatch bounds them.
static_assert(sizeof(builtin_aead_operation_t) <= 768,
              "builtin_aead_operation_t exceeds the 768 bytes reserved for a "
              "driver AEAD context");
static_assert(alignof(builtin_aead_operation_t) <= 16,
              "builtin_aead_operation_t needs more than 16-byte alignment");

// Values of builtin_aead_operation_t::mechanism.
enum Mechanism : uint8_t {
  kMechanismNone = 0,  // inactive
  kMechanismGcm = 1,
  kMechanismCcm = 2,
  kMechanismChachaPoly = 3,
};

constexpr size_t kMaxTagLength = 16;

// Algorithm limits. GCM: len(P) <= 2^39 - 256 bits, len(A) and len(IV) <=
// 2^64 - 1 bits (SP 800-38D 5.2.1.1). ChaCha20-Poly1305: 2^32 - 1 blocks of
// 64 bytes (RFC 8439 2.8).
constexpr uint64_t kGcmMaxTextLength = (uint64_t{1} << 36) - 32;
constexpr uint64_t kGcmMaxAdLength = (uint64_t{1} << 61) - 1;
constexpr uint64_t kGcmMaxNonceLength = (uint64_t{1} << 61) - 1;
constexpr uint64_t kChachaPolyMaxTextLength = (uint64_t{1} << 38) - 64;
constexpr size_t kCcmMinNonceLength = 7;
constexpr size_t kCcmMaxNonceLength = 13;
constexpr size_t kChachaPolyNonceLength = 12;

// Mbed TLS 2.28's CCM only encodes additional data lengths below 2^16 - 2^8
// (the two-byte form) and rejects longer ones; single-part CCM with more
// additional data runs the streaming implementation instead.
constexpr size_t kMbedtlsCcmAdLengthLimit = 0xFF00;

// What ResolveAlgorithm finds out about (key, alg).
struct Parameters {
  Mechanism mechanism = kMechanismNone;
  AeadCipherId cipher = kAeadCipherNone;
  size_t tag_length = 0;
  size_t key_bits = 0;
};

bool IsValidGcmTagLength(size_t length) {
  return length == 4 || length == 8 || (length >= 12 && length <= 16);
}

bool IsValidCcmTagLength(size_t length) {
  return length >= 4 && length <= 16 && length % 2 == 0;
}

// Checks that `alg` is an AEAD algorithm this driver computes with a key of
// the type and size in `attributes` held in `key_buffer_size` bytes.
psa_status_t ResolveAlgorithm(const psa_key_attributes_t* attributes,
                              size_t key_buffer_size, psa_algorithm_t alg,
                              Parameters* parameters) {
  if (!PSA_ALG_IS_AEAD(alg)) return PSA_ERROR_NOT_SUPPORTED;
  const psa_key_type_t key_type = psa_get_key_type(attributes);
  const size_t key_bits = psa_get_key_bits(attributes);
  const psa_algorithm_t base = PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg);

  Parameters p;
  if (base == PSA_ALG_GCM || base == PSA_ALG_CCM) {
    p.mechanism = base == PSA_ALG_GCM ? kMechanismGcm : kMechanismCcm;
    if (key_type == PSA_KEY_TYPE_AES) {
      p.cipher = kAeadCipherAes;
    } else if (key_type == PSA_KEY_TYPE_CAMELLIA) {
      p.cipher = kAeadCipherCamellia;
    } else if (key_type == PSA_KEY_TYPE_ARIA) {
      p.cipher = kAeadCipherAria;
    } else if (PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) == 16) {
      return PSA_ERROR_NOT_SUPPORTED;  // SM4
    } else {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
  } else if (base == PSA_ALG_CHACHA20_POLY1305) {
    p.mechanism = kMechanismChachaPoly;
    if (key_type != PSA_KEY_TYPE_CHACHA20) return PSA_ERROR_INVALID_ARGUMENT;
  } else {
    return PSA_ERROR_NOT_SUPPORTED;  // XChaCha20-Poly1305, vendor AEADs
  }

  // (key_type, alg) is a valid pair now, so the macro gives the tag length
  // encoded in alg. A minimum-tag-length wildcard is a policy, not an
  // algorithm to compute: rebuilding alg from base and length tells.
  p.tag_length = PSA_AEAD_TAG_LENGTH(key_type, key_bits, alg);
  if (PSA_ALG_AEAD_WITH_SHORTENED_TAG(base, p.tag_length) != alg) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  switch (p.mechanism) {
    case kMechanismGcm:
      if (!IsValidGcmTagLength(p.tag_length)) return PSA_ERROR_INVALID_ARGUMENT;
      break;
    case kMechanismCcm:
      if (!IsValidCcmTagLength(p.tag_length)) return PSA_ERROR_INVALID_ARGUMENT;
      break;
    default:
      // Truncated ChaCha20-Poly1305 tags are defined but rejected, as the
      // specification recommends.
      if (p.tag_length == 0 || p.tag_length > kMaxTagLength) {
        return PSA_ERROR_INVALID_ARGUMENT;
      }
      if (p.tag_length != kMaxTagLength) return PSA_ERROR_NOT_SUPPORTED;
      break;
  }

  const bool block_cipher = p.mechanism != kMechanismChachaPoly;
  const bool size_ok = block_cipher ? (key_buffer_size == 16 ||
                                       key_buffer_size == 24 ||
                                       key_buffer_size == 32)
                                    : key_buffer_size == 32;
  if (!size_ok || key_bits != 8 * key_buffer_size) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  p.key_bits = key_bits;
  *parameters = p;
  return PSA_SUCCESS;
}

// Checks a nonce length for `mechanism`.
psa_status_t CheckNonceLength(Mechanism mechanism, size_t nonce_length) {
  switch (mechanism) {
    case kMechanismGcm:
      return nonce_length >= 1 && uint64_t{nonce_length} <= kGcmMaxNonceLength
                 ? PSA_SUCCESS
                 : PSA_ERROR_INVALID_ARGUMENT;
    case kMechanismCcm:
      return nonce_length >= kCcmMinNonceLength &&
                     nonce_length <= kCcmMaxNonceLength
                 ? PSA_SUCCESS
                 : PSA_ERROR_INVALID_ARGUMENT;
    case kMechanismChachaPoly:
      if (nonce_length == kChachaPolyNonceLength) return PSA_SUCCESS;
      // The original variant's 8-byte nonce is valid but not implemented.
      return nonce_length == 8 ? PSA_ERROR_NOT_SUPPORTED
                               : PSA_ERROR_INVALID_ARGUMENT;
    default:
      return PSA_ERROR_BAD_STATE;
  }
}

// True if a CCM plaintext of text_length bytes fits the 15 - nonce_length
// bytes of the length field.
bool CcmTextLengthFits(size_t nonce_length, uint64_t text_length) {
  const size_t l = 15 - nonce_length;
  return l >= 8 || (text_length >> (8 * l)) == 0;
}

// Checks the total lengths of one message against the algorithm's limits
// (for CCM, once the nonce length is known).
psa_status_t CheckMessageLengths(Mechanism mechanism, size_t nonce_length,
                                 uint64_t ad_length, uint64_t text_length) {
  switch (mechanism) {
    case kMechanismGcm:
      return ad_length <= kGcmMaxAdLength && text_length <= kGcmMaxTextLength
                 ? PSA_SUCCESS
                 : PSA_ERROR_INVALID_ARGUMENT;
    case kMechanismCcm:
      return CcmTextLengthFits(nonce_length, text_length)
                 ? PSA_SUCCESS
                 : PSA_ERROR_INVALID_ARGUMENT;
    default:
      return text_length <= kChachaPolyMaxTextLength
                 ? PSA_SUCCESS
                 : PSA_ERROR_INVALID_ARGUMENT;
  }
}

// True if `output` starts inside `input` after its first byte: processing
// front to back would overwrite input before reading it. (The same buffer,
// and an output before the input, are fine.)
bool OutputOverlapsAhead(const uint8_t* input, size_t input_length,
                         const uint8_t* output) {
  const uintptr_t in = reinterpret_cast<uintptr_t>(input);
  const uintptr_t out = reinterpret_cast<uintptr_t>(output);
  return input_length > 0 && out > in && out - in < input_length;
}

// The PSA status for an Mbed TLS error code of the AEAD, block cipher and
// cipher modules; the others as PsaStatusFromMbedtls maps them.
psa_status_t AeadStatusFromMbedtls(int ret) {
  switch (ret) {
    case MBEDTLS_ERR_GCM_AUTH_FAILED:
    case MBEDTLS_ERR_CCM_AUTH_FAILED:
    case MBEDTLS_ERR_CHACHAPOLY_AUTH_FAILED:
    case MBEDTLS_ERR_CIPHER_AUTH_FAILED:
      return PSA_ERROR_INVALID_SIGNATURE;
    case MBEDTLS_ERR_GCM_BAD_INPUT:
    case MBEDTLS_ERR_CCM_BAD_INPUT:
    case MBEDTLS_ERR_AES_INVALID_KEY_LENGTH:
    case MBEDTLS_ERR_AES_BAD_INPUT_DATA:
    case MBEDTLS_ERR_CAMELLIA_BAD_INPUT_DATA:
    case MBEDTLS_ERR_CIPHER_BAD_INPUT_DATA:
      return PSA_ERROR_INVALID_ARGUMENT;
    case MBEDTLS_ERR_CIPHER_ALLOC_FAILED:
      return PSA_ERROR_INSUFFICIENT_MEMORY;
    case MBEDTLS_ERR_CIPHER_FEATURE_UNAVAILABLE:
      return PSA_ERROR_NOT_SUPPORTED;
    case MBEDTLS_ERR_GCM_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_CCM_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_AES_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_CAMELLIA_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_CIPHER_HW_ACCEL_FAILED:
      return PSA_ERROR_HARDWARE_FAILURE;
    default:
      return PsaStatusFromMbedtls(ret);
  }
}

// The Mbed TLS cipher of single-part GCM and CCM (AES or Camellia; ARIA
// never reaches Mbed TLS).
mbedtls_cipher_id_t MbedtlsCipherId(AeadCipherId cipher) {
  return cipher == kAeadCipherCamellia ? MBEDTLS_CIPHER_ID_CAMELLIA
                                       : MBEDTLS_CIPHER_ID_AES;
}

// ---- Multi-part operations ---------------------------------------------------

bool IsActive(const builtin_aead_operation_t* operation) {
  return operation->alg != 0;
}

Mechanism MechanismOf(const builtin_aead_operation_t* operation) {
  return static_cast<Mechanism>(operation->mechanism);
}

AeadBlockCipher CipherOf(builtin_aead_operation_t* operation) {
  return AeadBlockCipher(&operation->u.block.cipher, operation->block_cipher);
}

// Releases what the operation holds and returns it to its inactive,
// all-bits-zero state.
void Wipe(builtin_aead_operation_t* operation) {
  if (IsActive(operation)) {
    if (MechanismOf(operation) == kMechanismChachaPoly) {
      mbedtls_chachapoly_free(&operation->u.chachapoly);
    } else {
      CipherOf(operation).Free();
    }
  }
  mbedtls_platform_zeroize(operation, sizeof(*operation));
}

// True when the operation may take additional data or message: active, with
// a nonce, and for CCM with lengths (and so started).
bool IsReadyForInput(const builtin_aead_operation_t* operation) {
  return IsActive(operation) && operation->nonce_set &&
         (MechanismOf(operation) != kMechanismCcm ||
          operation->u.block.mode.ccm.started);
}

psa_status_t Setup(builtin_aead_operation_t* operation,
                   const psa_key_attributes_t* attributes,
                   const uint8_t* key_buffer, size_t key_buffer_size,
                   psa_algorithm_t alg, bool encrypt) {
  if (IsActive(operation)) return PSA_ERROR_BAD_STATE;
  Parameters p;
  psa_status_t status =
      ResolveAlgorithm(attributes, key_buffer_size, alg, &p);
  if (status != PSA_SUCCESS) return status;

  int ret;
  if (p.mechanism == kMechanismChachaPoly) {
    mbedtls_chachapoly_init(&operation->u.chachapoly);
    ret = mbedtls_chachapoly_setkey(&operation->u.chachapoly, key_buffer);
  } else {
    AeadBlockCipher cipher(&operation->u.block.cipher, p.cipher);
    ret = cipher.SetKey(key_buffer, p.key_bits);
    if (ret == 0 && p.mechanism == kMechanismGcm) {
      ret = GcmSetKey(&operation->u.block, cipher);
    }
  }
  operation->alg = alg;
  operation->mechanism = p.mechanism;
  operation->block_cipher = p.cipher;
  operation->is_encrypt = encrypt ? 1 : 0;
  operation->tag_length = static_cast<uint8_t>(p.tag_length);
  status = AeadStatusFromMbedtls(ret);
  if (status != PSA_SUCCESS) Wipe(operation);
  return status;
}

// CCM: builds B0 once both the nonce and the lengths are known.
psa_status_t CcmStartIfReady(builtin_aead_operation_t* operation) {
  builtin_aead_ccm_t* ccm = &operation->u.block.mode.ccm;
  if (!operation->nonce_set || !operation->lengths_set) return PSA_SUCCESS;
  if (!CcmTextLengthFits(ccm->nonce_length, operation->text_expected)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return AeadStatusFromMbedtls(
      CcmStart(&operation->u.block, CipherOf(operation), operation->tag_length,
               operation->ad_expected, operation->text_expected));
}

psa_status_t SetNonce(builtin_aead_operation_t* operation,
                      const uint8_t* nonce, size_t nonce_length) {
  if (!IsActive(operation) || operation->nonce_set) return PSA_ERROR_BAD_STATE;
  psa_status_t status = CheckNonceLength(MechanismOf(operation), nonce_length);
  if (status != PSA_SUCCESS) return status;
  operation->nonce_set = 1;
  switch (MechanismOf(operation)) {
    case kMechanismGcm:
      return AeadStatusFromMbedtls(GcmStart(
          &operation->u.block, CipherOf(operation), nonce, nonce_length));
    case kMechanismCcm: {
      builtin_aead_ccm_t* ccm = &operation->u.block.mode.ccm;
      std::memcpy(ccm->nonce, nonce, nonce_length);
      ccm->nonce_length = static_cast<uint8_t>(nonce_length);
      return CcmStartIfReady(operation);
    }
    default:
      return AeadStatusFromMbedtls(mbedtls_chachapoly_starts(
          &operation->u.chachapoly, nonce,
          operation->is_encrypt ? MBEDTLS_CHACHAPOLY_ENCRYPT
                                : MBEDTLS_CHACHAPOLY_DECRYPT));
  }
}

psa_status_t SetLengths(builtin_aead_operation_t* operation, size_t ad_length,
                        size_t plaintext_length) {
  if (!IsActive(operation) || operation->lengths_set ||
      operation->ad_started || operation->body_started) {
    return PSA_ERROR_BAD_STATE;
  }
  // The CCM length field is checked when the nonce length is known.
  if (MechanismOf(operation) != kMechanismCcm) {
    psa_status_t status = CheckMessageLengths(
        MechanismOf(operation), 0, ad_length, plaintext_length);
    if (status != PSA_SUCCESS) return status;
  }
  operation->lengths_set = 1;
  operation->ad_expected = ad_length;
  operation->text_expected = plaintext_length;
  return MechanismOf(operation) == kMechanismCcm ? CcmStartIfReady(operation)
                                                  : PSA_SUCCESS;
}

psa_status_t UpdateAd(builtin_aead_operation_t* operation,
                      const uint8_t* input, size_t input_length) {
  if (!IsReadyForInput(operation) || operation->body_started) {
    return PSA_ERROR_BAD_STATE;
  }
  const uint64_t total = operation->ad_length + input_length;
  if (total < operation->ad_length ||
      (operation->lengths_set && total > operation->ad_expected) ||
      (MechanismOf(operation) == kMechanismGcm && total > kGcmMaxAdLength)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  operation->ad_started = 1;
  operation->ad_length = total;
  if (input_length == 0) return PSA_SUCCESS;
  switch (MechanismOf(operation)) {
    case kMechanismGcm:
      GcmUpdateAd(&operation->u.block, input, input_length);
      return PSA_SUCCESS;
    case kMechanismCcm:
      return AeadStatusFromMbedtls(CcmUpdateAd(
          &operation->u.block, CipherOf(operation), input, input_length));
    default:
      return AeadStatusFromMbedtls(mbedtls_chachapoly_update_aad(
          &operation->u.chachapoly, input, input_length));
  }
}

// Checks that all the declared additional data (and, at the end, message)
// arrived.
psa_status_t CheckDeclaredLengths(const builtin_aead_operation_t* operation,
                                  bool at_end) {
  if (!operation->lengths_set) return PSA_SUCCESS;
  if (operation->ad_length != operation->ad_expected) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (at_end && operation->text_length != operation->text_expected) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_SUCCESS;
}

// Ends the additional data of GCM and CCM before the first message byte.
psa_status_t EndAd(builtin_aead_operation_t* operation) {
  switch (MechanismOf(operation)) {
    case kMechanismGcm:
      GcmEndAd(&operation->u.block);
      return PSA_SUCCESS;
    case kMechanismCcm:
      return AeadStatusFromMbedtls(
          CcmEndAd(&operation->u.block, CipherOf(operation)));
    default:
      return PSA_SUCCESS;  // Mbed TLS pads the AAD itself
  }
}

psa_status_t Update(builtin_aead_operation_t* operation, const uint8_t* input,
                    size_t input_length, uint8_t* output, size_t output_size) {
  if (!IsReadyForInput(operation)) return PSA_ERROR_BAD_STATE;
  psa_status_t status = CheckDeclaredLengths(operation, /*at_end=*/false);
  if (status != PSA_SUCCESS) return status;
  const uint64_t total = operation->text_length + input_length;
  if (total < operation->text_length ||
      (operation->lengths_set && total > operation->text_expected)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  // (CCM's limit is the declared length, within its length field.)
  if ((MechanismOf(operation) == kMechanismGcm && total > kGcmMaxTextLength) ||
      (MechanismOf(operation) == kMechanismChachaPoly &&
       total > kChachaPolyMaxTextLength)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (output_size < input_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  if (OutputOverlapsAhead(input, input_length, output)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (!operation->body_started) {
    status = EndAd(operation);
    if (status != PSA_SUCCESS) return status;
    operation->body_started = 1;
  }
  operation->text_length = total;
  if (input_length == 0) return PSA_SUCCESS;
  const bool encrypt = operation->is_encrypt != 0;
  switch (MechanismOf(operation)) {
    case kMechanismGcm:
      return AeadStatusFromMbedtls(GcmUpdate(&operation->u.block,
                                             CipherOf(operation), encrypt,
                                             input, output, input_length));
    case kMechanismCcm:
      return AeadStatusFromMbedtls(CcmUpdate(&operation->u.block,
                                             CipherOf(operation), encrypt,
                                             input, output, input_length));
    default:
      return AeadStatusFromMbedtls(mbedtls_chachapoly_update(
          &operation->u.chachapoly, input_length, input, output));
  }
}

// Computes the full tag of an operation whose input is complete.
psa_status_t ComputeTag(builtin_aead_operation_t* operation,
                        uint8_t tag[kMaxTagLength]) {
  switch (MechanismOf(operation)) {
    case kMechanismGcm:
      GcmFinish(&operation->u.block, operation->ad_length,
                operation->text_length, tag);
      return PSA_SUCCESS;
    case kMechanismCcm:
      return AeadStatusFromMbedtls(
          CcmFinish(&operation->u.block, CipherOf(operation), tag));
    default:
      return AeadStatusFromMbedtls(
          mbedtls_chachapoly_finish(&operation->u.chachapoly, tag));
  }
}

// The state and length checks of finish (encrypt) and verify.
psa_status_t CheckEnd(const builtin_aead_operation_t* operation,
                      bool encrypt) {
  if (!IsReadyForInput(operation) ||
      (operation->is_encrypt != 0) != encrypt) {
    return PSA_ERROR_BAD_STATE;
  }
  return CheckDeclaredLengths(operation, /*at_end=*/true);
}

// ---- Single-part operations ---------------------------------------------------

// True if single-part `p` with `ad_length` bytes of additional data runs
// through StreamOneShot rather than Mbed TLS's one-shot functions.
bool RunsStreamed(const Parameters& p, size_t ad_length) {
  if (p.mechanism != kMechanismGcm && p.mechanism != kMechanismCcm) {
    return false;
  }
  return p.cipher == kAeadCipherAria || (p.mechanism == kMechanismCcm &&
                                         ad_length >= kMbedtlsCcmAdLengthLimit);
}

// Encrypts or decrypts one message through the multi-part entry points
// (ARIA, which Mbed TLS's GCM and CCM do not take, and single-part CCM with
// additional data Mbed TLS 2.28 cannot encode). On success `tag` holds the
// computed tag (encrypt) or was verified (decrypt).
psa_status_t StreamOneShot(const psa_key_attributes_t* attributes,
                           const uint8_t* key_buffer, size_t key_buffer_size,
                           psa_algorithm_t alg, bool encrypt,
                           const uint8_t* nonce, size_t nonce_length,
                           const uint8_t* ad, size_t ad_length,
                           const uint8_t* input, size_t length,
                           uint8_t* output, uint8_t* tag, size_t tag_length) {
  builtin_aead_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  psa_status_t status =
      encrypt ? builtin_aead_encrypt_setup(&operation, attributes, key_buffer,
                                           key_buffer_size, alg)
              : builtin_aead_decrypt_setup(&operation, attributes, key_buffer,
                                           key_buffer_size, alg);
  if (status == PSA_SUCCESS) {
    status = builtin_aead_set_lengths(&operation, ad_length, length);
  }
  if (status == PSA_SUCCESS) {
    status = builtin_aead_set_nonce(&operation, nonce, nonce_length);
  }
  if (status == PSA_SUCCESS) {
    status = builtin_aead_update_ad(&operation, ad, ad_length);
  }
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    status = builtin_aead_update(&operation, input, length, output, length,
                                 &written);
  }
  if (status == PSA_SUCCESS) {
    size_t finish_length = 0;
    size_t tag_written = 0;
    status = encrypt ? builtin_aead_finish(&operation, nullptr, 0,
                                           &finish_length, tag, tag_length,
                                           &tag_written)
                     : builtin_aead_verify(&operation, nullptr, 0,
                                           &finish_length, tag, tag_length);
  }
  Wipe(&operation);
  return status;
}

}  // namespace
}  // namespace drivers::builtin

using drivers::builtin::AeadStatusFromMbedtls;
using drivers::builtin::CheckEnd;
using drivers::builtin::CheckMessageLengths;
using drivers::builtin::CheckNonceLength;
using drivers::builtin::ComputeTag;
using drivers::builtin::kMaxTagLength;
using drivers::builtin::kMechanismCcm;
using drivers::builtin::kMechanismGcm;
using drivers::builtin::MbedtlsCipherId;
using drivers::builtin::OutputOverlapsAhead;
using drivers::builtin::Parameters;
using drivers::builtin::ResolveAlgorithm;
using drivers::builtin::RunsStreamed;
using drivers::builtin::StreamOneShot;
using drivers::builtin::Wipe;

extern "C" {

psa_status_t builtin_aead_encrypt(
    const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* nonce,
    size_t nonce_length, const uint8_t* additional_data,
    size_t additional_data_length, const uint8_t* plaintext,
    size_t plaintext_length, uint8_t* ciphertext, size_t ciphertext_size,
    size_t* ciphertext_length) {
  *ciphertext_length = 0;
  Parameters p;
  psa_status_t status =
      ResolveAlgorithm(attributes, key_buffer_size, alg, &p);
  if (status == PSA_SUCCESS) status = CheckNonceLength(p.mechanism, nonce_length);
  if (status == PSA_SUCCESS) {
    status = CheckMessageLengths(p.mechanism, nonce_length,
                                 additional_data_length, plaintext_length);
  }
  if (status != PSA_SUCCESS) return status;
  if (plaintext_length > SIZE_MAX - p.tag_length ||
      ciphertext_size < plaintext_length + p.tag_length) {
    return PSA_ERROR_BUFFER_TOO_SMALL;
  }
  if (OutputOverlapsAhead(plaintext, plaintext_length, ciphertext)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }

  uint8_t* tag = ciphertext + plaintext_length;
  const unsigned key_bits = static_cast<unsigned>(p.key_bits);
  int ret = 0;
  if (RunsStreamed(p, additional_data_length)) {
    status = StreamOneShot(attributes, key_buffer, key_buffer_size, alg,
                           /*encrypt=*/true, nonce, nonce_length,
                           additional_data, additional_data_length, plaintext,
                           plaintext_length, ciphertext, tag, p.tag_length);
  } else if (p.mechanism == kMechanismGcm) {
    mbedtls_gcm_context gcm;
    mbedtls_gcm_init(&gcm);
    ret = mbedtls_gcm_setkey(&gcm, MbedtlsCipherId(p.cipher), key_buffer,
                             key_bits);
    if (ret == 0) {
      ret = mbedtls_gcm_crypt_and_tag(
          &gcm, MBEDTLS_GCM_ENCRYPT, plaintext_length, nonce, nonce_length,
          additional_data, additional_data_length, plaintext, ciphertext,
          p.tag_length, tag);
    }
    mbedtls_gcm_free(&gcm);
    status = AeadStatusFromMbedtls(ret);
  } else if (p.mechanism == kMechanismCcm) {
    mbedtls_ccm_context ccm;
    mbedtls_ccm_init(&ccm);
    ret = mbedtls_ccm_setkey(&ccm, MbedtlsCipherId(p.cipher), key_buffer,
                             key_bits);
    if (ret == 0) {
      ret = mbedtls_ccm_encrypt_and_tag(
          &ccm, plaintext_length, nonce, nonce_length, additional_data,
          additional_data_length, plaintext, ciphertext, tag, p.tag_length);
    }
    mbedtls_ccm_free(&ccm);
    status = AeadStatusFromMbedtls(ret);
  } else {
    mbedtls_chachapoly_context chachapoly;
    mbedtls_chachapoly_init(&chachapoly);
    ret = mbedtls_chachapoly_setkey(&chachapoly, key_buffer);
    if (ret == 0) {
      ret = mbedtls_chachapoly_encrypt_and_tag(
          &chachapoly, plaintext_length, nonce, additional_data,
          additional_data_length, plaintext, ciphertext, tag);
    }
    mbedtls_chachapoly_free(&chachapoly);
    status = AeadStatusFromMbedtls(ret);
  }
  if (status != PSA_SUCCESS) {
    mbedtls_platform_zeroize(ciphertext, plaintext_length + p.tag_length);
    return status;
  }
  *ciphertext_length = plaintext_length + p.tag_length;
  return PSA_SUCCESS;
}

psa_status_t builtin_aead_decrypt(
    const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* nonce,
    size_t nonce_length, const uint8_t* additional_data,
    size_t additional_data_length, const uint8_t* ciphertext,
    size_t ciphertext_length, uint8_t* plaintext, size_t plaintext_size,
    size_t* plaintext_length) {
  *plaintext_length = 0;
  Parameters p;
  psa_status_t status =
      ResolveAlgorithm(attributes, key_buffer_size, alg, &p);
  if (status == PSA_SUCCESS) status = CheckNonceLength(p.mechanism, nonce_length);
  if (status != PSA_SUCCESS) return status;
  // Too short to hold a tag: not an authentic message.
  if (ciphertext_length < p.tag_length) return PSA_ERROR_INVALID_SIGNATURE;
  const size_t length = ciphertext_length - p.tag_length;
  status = CheckMessageLengths(p.mechanism, nonce_length,
                               additional_data_length, length);
  if (status != PSA_SUCCESS) return status;
  if (plaintext_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  if (OutputOverlapsAhead(ciphertext, length, plaintext)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }

  const uint8_t* tag = ciphertext + length;
  const unsigned key_bits = static_cast<unsigned>(p.key_bits);
  int ret = 0;
  if (RunsStreamed(p, additional_data_length)) {
    // The tag is read by verify, after update wrote the plaintext: with
    // in-place decryption it lies after the plaintext, untouched.
    uint8_t expected_tag[kMaxTagLength];
    std::memcpy(expected_tag, tag, p.tag_length);
    status = StreamOneShot(attributes, key_buffer, key_buffer_size, alg,
                           /*encrypt=*/false, nonce, nonce_length,
                           additional_data, additional_data_length, ciphertext,
                           length, plaintext, expected_tag, p.tag_length);
  } else if (p.mechanism == kMechanismGcm) {
    mbedtls_gcm_context gcm;
    mbedtls_gcm_init(&gcm);
    ret = mbedtls_gcm_setkey(&gcm, MbedtlsCipherId(p.cipher), key_buffer,
                             key_bits);
    if (ret == 0) {
      ret = mbedtls_gcm_auth_decrypt(&gcm, length, nonce, nonce_length,
                                     additional_data, additional_data_length,
                                     tag, p.tag_length, ciphertext, plaintext);
    }
    mbedtls_gcm_free(&gcm);
    status = AeadStatusFromMbedtls(ret);
  } else if (p.mechanism == kMechanismCcm) {
    mbedtls_ccm_context ccm;
    mbedtls_ccm_init(&ccm);
    ret = mbedtls_ccm_setkey(&ccm, MbedtlsCipherId(p.cipher), key_buffer,
                             key_bits);
    if (ret == 0) {
      ret = mbedtls_ccm_auth_decrypt(&ccm, length, nonce, nonce_length,
                                     additional_data, additional_data_length,
                                     ciphertext, plaintext, tag, p.tag_length);
    }
    mbedtls_ccm_free(&ccm);
    status = AeadStatusFromMbedtls(ret);
  } else {
    mbedtls_chachapoly_context chachapoly;
    mbedtls_chachapoly_init(&chachapoly);
    ret = mbedtls_chachapoly_setkey(&chachapoly, key_buffer);
    if (ret == 0) {
      ret = mbedtls_chachapoly_auth_decrypt(
          &chachapoly, length, nonce, additional_data, additional_data_length,
          tag, ciphertext, plaintext);
    }
    mbedtls_chachapoly_free(&chachapoly);
    status = AeadStatusFromMbedtls(ret);
  }
  if (status != PSA_SUCCESS) {
    // Unauthenticated plaintext never leaves (Mbed TLS wipes it too).
    if (length > 0) mbedtls_platform_zeroize(plaintext, length);
    return status;
  }
  *plaintext_length = length;
  return PSA_SUCCESS;
}

psa_status_t builtin_aead_encrypt_setup(builtin_aead_operation_t* operation,
                                        const psa_key_attributes_t* attributes,
                                        const uint8_t* key_buffer,
                                        size_t key_buffer_size,
                                        psa_algorithm_t alg) {
  return drivers::builtin::Setup(operation, attributes, key_buffer,
                                 key_buffer_size, alg, /*encrypt=*/true);
}

psa_status_t builtin_aead_decrypt_setup(builtin_aead_operation_t* operation,
                                        const psa_key_attributes_t* attributes,
                                        const uint8_t* key_buffer,
                                        size_t key_buffer_size,
                                        psa_algorithm_t alg) {
  return drivers::builtin::Setup(operation, attributes, key_buffer,
                                 key_buffer_size, alg, /*encrypt=*/false);
}

psa_status_t builtin_aead_set_nonce(builtin_aead_operation_t* operation,
                                    const uint8_t* nonce,
                                    size_t nonce_length) {
  psa_status_t status =
      drivers::builtin::SetNonce(operation, nonce, nonce_length);
  if (status != PSA_SUCCESS) Wipe(operation);
  return status;
}

psa_status_t builtin_aead_set_lengths(builtin_aead_operation_t* operation,
                                      size_t ad_length,
                                      size_t plaintext_length) {
  psa_status_t status =
      drivers::builtin::SetLengths(operation, ad_length, plaintext_length);
  if (status != PSA_SUCCESS) Wipe(operation);
  return status;
}

psa_status_t builtin_aead_update_ad(builtin_aead_operation_t* operation,
                                    const uint8_t* input,
                                    size_t input_length) {
  psa_status_t status =
      drivers::builtin::UpdateAd(operation, input, input_length);
  if (status != PSA_SUCCESS) Wipe(operation);
  return status;
}

psa_status_t builtin_aead_update(builtin_aead_operation_t* operation,
                                 const uint8_t* input, size_t input_length,
                                 uint8_t* output, size_t output_size,
                                 size_t* output_length) {
  *output_length = 0;
  psa_status_t status = drivers::builtin::Update(operation, input,
                                                 input_length, output,
                                                 output_size);
  if (status != PSA_SUCCESS) {
    Wipe(operation);
    return status;
  }
  *output_length = input_length;
  return PSA_SUCCESS;
}

psa_status_t builtin_aead_finish(builtin_aead_operation_t* operation,
                                 uint8_t* ciphertext, size_t ciphertext_size,
                                 size_t* ciphertext_length, uint8_t* tag,
                                 size_t tag_size, size_t* tag_length) {
  *ciphertext_length = 0;
  *tag_length = 0;
  uint8_t computed[kMaxTagLength];
  psa_status_t status = CheckEnd(operation, /*encrypt=*/true);
  if (status == PSA_SUCCESS && tag_size < operation->tag_length) {
    status = PSA_ERROR_BUFFER_TOO_SMALL;
  }
  if (status == PSA_SUCCESS) status = ComputeTag(operation, computed);
  if (status == PSA_SUCCESS) {
    std::memcpy(tag, computed, operation->tag_length);
    *tag_length = operation->tag_length;
  }
  mbedtls_platform_zeroize(computed, sizeof(computed));
  Wipe(operation);
  return status;
}

psa_status_t builtin_aead_verify(builtin_aead_operation_t* operation,
                                 uint8_t* plaintext, size_t plaintext_size,
                                 size_t* plaintext_length, const uint8_t* tag,
                                 size_t tag_length) {
  *plaintext_length = 0;
  uint8_t computed[kMaxTagLength];
  psa_status_t status = CheckEnd(operation, /*encrypt=*/false);
  if (status == PSA_SUCCESS) status = ComputeTag(operation, computed);
  if (status == PSA_SUCCESS &&
      (tag_length != operation->tag_length ||
       mbedtls_ct_memcmp(tag, computed, tag_length) != 0)) {
    status = PSA_ERROR_INVALID_SIGNATURE;
  }
  mbedtls_platform_zeroize(computed, sizeof(computed));
  Wipe(operation);
  return status;
}

psa_status_t builtin_aead_abort(builtin_aead_operation_t* operation) {
  Wipe(operation);
  return PSA_SUCCESS;
}

}  // extern "C"
