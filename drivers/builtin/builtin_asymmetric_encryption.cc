// RSA encryption and decryption of the builtin driver (see
// builtin_asymmetric_encryption.h).

#include "drivers/builtin/builtin_asymmetric_encryption.h"

#include <cstring>

#include "drivers/builtin/builtin_rsa.h"
#include "drivers/builtin/mbedtls_key_status.h"
#include "drivers/builtin/mbedtls_md_type.h"
#include "drivers/builtin/mbedtls_rng.h"
#include "mbedtls/platform_util.h"
#include "mbedtls/rsa.h"

namespace drivers::builtin {
namespace {

// An asymmetric encryption request resolved and checked before the key is
// read: the padding, its hash (OAEP) and the modulus size k in bytes.
struct ResolvedRequest {
  bool oaep;
  mbedtls_md_type_t md;  // MBEDTLS_MD_NONE for PKCS#1 v1.5
  size_t hash_length;    // 0 for PKCS#1 v1.5
  size_t k;
};

// The largest message the padding leaves room for: k - 11 (RFC 8017 section
// 7.2.1) or k - 2 * hLen - 2 (section 7.1.1); false when there is no room.
bool MaxMessageLength(const ResolvedRequest& request, size_t* length) {
  const size_t overhead =
      request.oaep ? 2 * request.hash_length + 2 : size_t{11};
  if (request.k < overhead) return false;
  *length = request.k - overhead;
  return true;
}

// Resolves `alg` and the key of `attributes` (a key pair when `decrypt`):
// the statuses at the top of builtin_asymmetric_encryption.h, in this order:
// algorithm, salt, key type, key size, hash.
psa_status_t ResolveRequest(const psa_key_attributes_t* attributes,
                            psa_algorithm_t alg, size_t salt_length,
                            bool decrypt, ResolvedRequest* request) {
  if (!PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(alg)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (alg == PSA_ALG_RSA_PKCS1V15_CRYPT) {
    request->oaep = false;
    // RSAES-PKCS1-v1_5 has no label.
    if (salt_length != 0) return PSA_ERROR_INVALID_ARGUMENT;
  } else if (PSA_ALG_IS_RSA_OAEP(alg)) {
    request->oaep = true;
  } else {
    return PSA_ERROR_NOT_SUPPORTED;
  }

  const psa_key_type_t type = psa_get_key_type(attributes);
  if (!PSA_KEY_TYPE_IS_RSA(type)) return PSA_ERROR_INVALID_ARGUMENT;
  if (decrypt && type != PSA_KEY_TYPE_RSA_KEY_PAIR) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const size_t bits = psa_get_key_bits(attributes);
  if (!RsaKeySizeIsSupported(bits)) return PSA_ERROR_NOT_SUPPORTED;
  request->k = PSA_BITS_TO_BYTES(bits);

  request->md = MBEDTLS_MD_NONE;
  request->hash_length = 0;
  if (request->oaep) {
    const psa_algorithm_t hash = PSA_ALG_GET_HASH(alg);
    if (hash == PSA_ALG_NONE || hash == PSA_ALG_ANY_HASH) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    request->md = MbedtlsMdTypeOfHash(hash);
    if (request->md == MBEDTLS_MD_NONE) return PSA_ERROR_NOT_SUPPORTED;
    request->hash_length = PSA_HASH_LENGTH(hash);
  }
  size_t max_message_length = 0;
  // OAEP with a hash too long for the key (SHA-512 with 1024 bits).
  if (!MaxMessageLength(*request, &max_message_length)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_SUCCESS;
}

// Loads the key for `use` and selects the padding of `request`.
psa_status_t LoadKey(const psa_key_attributes_t* attributes,
                     const uint8_t* key_buffer, size_t key_buffer_size,
                     const ResolvedRequest& request, RsaKeyUse use,
                     RsaContext* rsa) {
  const psa_status_t status =
      RsaLoadKey(psa_get_key_type(attributes), psa_get_key_bits(attributes),
                 key_buffer, key_buffer_size, use, &rsa->context);
  if (status != PSA_SUCCESS) return status;
  // The context's hash is OAEP's, for the label and MGF1.
  mbedtls_rsa_set_padding(
      &rsa->context, request.oaep ? MBEDTLS_RSA_PKCS_V21 : MBEDTLS_RSA_PKCS_V15,
      request.md);
  return PSA_SUCCESS;
}

// Largest ciphertext and plaintext: the largest modulus.
constexpr size_t kMaxModulusBytes = PSA_BITS_TO_BYTES(kRsaMaxBits);

// A plaintext buffer of the driver's own, wiped when it goes out of scope.
struct PlaintextBuffer {
  ~PlaintextBuffer() { mbedtls_platform_zeroize(bytes, sizeof(bytes)); }
  uint8_t bytes[kMaxModulusBytes];
};

}  // namespace
}  // namespace drivers::builtin

extern "C" {

psa_status_t builtin_asymmetric_encrypt(
    const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
    size_t input_length, const uint8_t* salt, size_t salt_length,
    uint8_t* output, size_t output_size, size_t* output_length) {
  using namespace drivers::builtin;
  *output_length = 0;
  ResolvedRequest request;
  psa_status_t status = ResolveRequest(attributes, alg, salt_length,
                                       /*decrypt=*/false, &request);
  if (status != PSA_SUCCESS) return status;
  size_t max_message_length = 0;
  if (!MaxMessageLength(request, &max_message_length) ||
      input_length > max_message_length) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (output_size < request.k) return PSA_ERROR_BUFFER_TOO_SMALL;

  RsaContext rsa;
  status = LoadKey(attributes, key_buffer, key_buffer_size, request,
                   RsaKeyUse::kPublic, &rsa);
  if (status != PSA_SUCCESS) return status;

  PsaRandomContext random;
  int ret = 0;
  if (request.oaep) {
    ret = mbedtls_rsa_rsaes_oaep_encrypt(
        &rsa.context, PsaRandomForMbedtls, &random, MBEDTLS_RSA_PUBLIC, salt,
        salt_length, input_length, input, output);
  } else {
    ret = mbedtls_rsa_rsaes_pkcs1_v15_encrypt(&rsa.context, PsaRandomForMbedtls,
                                              &random, MBEDTLS_RSA_PUBLIC,
                                              input_length, input, output);
  }
  if (ret != 0) {
    // The padded message (seed, mask, the input) may be left in `output`.
    mbedtls_platform_zeroize(output, request.k);
    if (ret == MBEDTLS_ERR_RSA_BAD_INPUT_DATA)
      return PSA_ERROR_INVALID_ARGUMENT;
    return StatusWithRandom(random, PsaStatusFromMbedtlsComputation(ret));
  }
  *output_length = request.k;
  return PSA_SUCCESS;
}

psa_status_t builtin_asymmetric_decrypt(
    const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
    size_t input_length, const uint8_t* salt, size_t salt_length,
    uint8_t* output, size_t output_size, size_t* output_length) {
  using namespace drivers::builtin;
  *output_length = 0;
  ResolvedRequest request;
  psa_status_t status = ResolveRequest(attributes, alg, salt_length,
                                       /*decrypt=*/true, &request);
  if (status != PSA_SUCCESS) return status;
  // Mbed TLS reads exactly k bytes of ciphertext.
  if (input_length != request.k) return PSA_ERROR_INVALID_ARGUMENT;

  RsaContext rsa;
  status = LoadKey(attributes, key_buffer, key_buffer_size, request,
                   RsaKeyUse::kPrivate, &rsa);
  if (status != PSA_SUCCESS) return status;

  // Room for any plaintext, so that Mbed TLS never reports "output too
  // large", which it decides before the end of its padding check.
  PlaintextBuffer plaintext;
  size_t plaintext_length = 0;
  PsaRandomContext random;
  int ret = 0;
  if (request.oaep) {
    ret = mbedtls_rsa_rsaes_oaep_decrypt(
        &rsa.context, PsaRandomForMbedtls, &random, MBEDTLS_RSA_PRIVATE, salt,
        salt_length, &plaintext_length, input, plaintext.bytes,
        sizeof(plaintext.bytes));
  } else {
    ret = mbedtls_rsa_rsaes_pkcs1_v15_decrypt(
        &rsa.context, PsaRandomForMbedtls, &random, MBEDTLS_RSA_PRIVATE,
        &plaintext_length, input, plaintext.bytes, sizeof(plaintext.bytes));
  }
  if (ret != 0) {
    // One status for every way a ciphertext fails (padding, label, c >= n),
    // so that the status reveals no more than "invalid". Memory and the
    // random generator fail independently of the ciphertext.
    if (IsMbedtlsAllocationFailure(ret)) return PSA_ERROR_INSUFFICIENT_MEMORY;
    return StatusWithRandom(random, PSA_ERROR_INVALID_PADDING);
  }
  if (plaintext_length > request.k) return PSA_ERROR_CORRUPTION_DETECTED;
  if (plaintext_length > output_size) return PSA_ERROR_BUFFER_TOO_SMALL;
  if (plaintext_length != 0) {
    std::memcpy(output, plaintext.bytes, plaintext_length);
  }
  *output_length = plaintext_length;
  return PSA_SUCCESS;
}

}  // extern "C"
