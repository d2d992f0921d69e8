// HKDF over EVP_MAC HMAC (see openssl_kdf.h). One EVP_MAC_CTX serves the
// whole derivation: keyed with the salt for the extract step, then with the
// PRK; each expand block re-initialises it with the PRK already set.

#include "drivers/openssl/openssl_kdf.h"

#include <string.h>

#include <new>
#include <vector>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "drivers/openssl/openssl_digest.h"
#include "drivers/openssl/openssl_status.h"

namespace drivers::openssl {
namespace {

constexpr size_t kMaxHashLength = 64;
constexpr unsigned kMaxBlocks = 255;

struct HkdfState {
  EVP_MAC_CTX* mac = nullptr;  // keyed with the PRK (expanding)
  bool extract_only = false;
  size_t hash_length = 0;
  uint8_t prk[kMaxHashLength] = {};
  std::vector<uint8_t> info;
  uint8_t block[kMaxHashLength] = {};  // T(counter)
  unsigned counter = 0;                // blocks computed
  size_t used = 0;                     // bytes of `block` (or of the PRK) already output

  ~HkdfState() {
    EVP_MAC_CTX_free(mac);
    OPENSSL_cleanse(prk, sizeof(prk));
    OPENSSL_cleanse(block, sizeof(block));
    if (!info.empty()) OPENSSL_cleanse(info.data(), info.size());
  }
};

EVP_MAC* Hmac() {
  static EVP_MAC* const hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return hmac;
}

// Reads the BYTES or KEY input `step` into *out (empty if omitted).
psa_status_t ReadInput(const psa_crypto_driver_key_derivation_inputs_t* inputs, psa_key_derivation_step_t step,
                       std::vector<uint8_t>* out) {
  switch (psa_crypto_driver_key_derivation_get_input_type(inputs, step)) {
    case PSA_KEY_DERIVATION_INPUT_TYPE_OMITTED:
      out->clear();
      return PSA_SUCCESS;
    case PSA_KEY_DERIVATION_INPUT_TYPE_BYTES: {
      size_t size = 0;
      psa_status_t status = psa_crypto_driver_key_derivation_get_input_size(inputs, step, &size);
      if (status != PSA_SUCCESS) return status;
      out->resize(size);
      size_t length = 0;
      status = psa_crypto_driver_key_derivation_get_input_bytes(inputs, step, out->data(), out->size(), &length);
      if (status != PSA_SUCCESS) return status;
      out->resize(length);
      return PSA_SUCCESS;
    }
    case PSA_KEY_DERIVATION_INPUT_TYPE_KEY: {
      uint8_t* buffer = nullptr;
      size_t size = 0;
      const psa_status_t status =
          psa_crypto_driver_key_derivation_get_input_key(inputs, step, nullptr, &buffer, &size);
      if (status != PSA_SUCCESS) return status;
      out->assign(buffer, buffer + size);
      return PSA_SUCCESS;
    }
    default:
      return PSA_ERROR_NOT_SUPPORTED;
  }
}

void Wipe(std::vector<uint8_t>* bytes) {
  if (!bytes->empty()) OPENSSL_cleanse(bytes->data(), bytes->size());
}

// (Re)keys `mac` with `key` (nullptr: the key already set) for `digest`.
bool Init(EVP_MAC_CTX* mac, const char* digest, const uint8_t* key, size_t key_length) {
  static const uint8_t kEmpty = 0;
  if (key == nullptr) return EVP_MAC_init(mac, nullptr, 0, nullptr) == 1;
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest), 0),
      OSSL_PARAM_construct_end(),
  };
  return EVP_MAC_init(mac, key_length == 0 ? &kEmpty : key, key_length, params) == 1;
}

bool Final(EVP_MAC_CTX* mac, uint8_t* out, size_t expected) {
  size_t written = 0;
  return EVP_MAC_final(mac, out, &written, kMaxHashLength) == 1 && written == expected;
}

psa_status_t Setup(HkdfState* state, psa_algorithm_t alg, const psa_crypto_driver_key_derivation_inputs_t* inputs) {
  const bool extract = PSA_ALG_IS_HKDF(alg) || PSA_ALG_IS_HKDF_EXTRACT(alg);
  const bool expand = PSA_ALG_IS_HKDF(alg) || PSA_ALG_IS_HKDF_EXPAND(alg);
  if (!extract && !expand) return PSA_ERROR_NOT_SUPPORTED;
  const psa_algorithm_t hash = PSA_ALG_GET_HASH(alg);
  const char* digest = hash == PSA_ALG_SHA_1 ? nullptr : DigestNameOf(hash);
  if (digest == nullptr || Hmac() == nullptr) return PSA_ERROR_NOT_SUPPORTED;
  state->hash_length = PSA_HASH_LENGTH(hash);
  state->extract_only = !expand;
  state->mac = EVP_MAC_CTX_new(Hmac());
  if (state->mac == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);

  std::vector<uint8_t> secret;
  psa_status_t status = ReadInput(inputs, PSA_KEY_DERIVATION_INPUT_SECRET, &secret);
  if (status == PSA_SUCCESS && extract) {
    std::vector<uint8_t> salt;
    status = ReadInput(inputs, PSA_KEY_DERIVATION_INPUT_SALT, &salt);
    if (status == PSA_SUCCESS) {
      // An omitted or empty salt is HashLen zeros, which HMAC pads to the
      // same key as the empty key.
      if (!Init(state->mac, digest, salt.data(), salt.size()) ||
          EVP_MAC_update(state->mac, secret.data(), secret.size()) != 1 ||
          !Final(state->mac, state->prk, state->hash_length)) {
        status = StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
      }
    }
    Wipe(&salt);
  } else if (status == PSA_SUCCESS) {
    // HKDF-Expand: the secret is the PRK, at least HashLen bytes (RFC 5869);
    // a longer one keys HMAC as given.
    if (secret.size() < state->hash_length) status = PSA_ERROR_INVALID_ARGUMENT;
  }
  if (status == PSA_SUCCESS && expand) {
    const uint8_t* prk = extract ? state->prk : secret.data();
    const size_t prk_length = extract ? state->hash_length : secret.size();
    if (!Init(state->mac, digest, prk, prk_length)) status = StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
    if (status == PSA_SUCCESS) status = ReadInput(inputs, PSA_KEY_DERIVATION_INPUT_INFO, &state->info);
    state->used = state->hash_length;  // no block yet
  }
  Wipe(&secret);
  return status;
}

// Computes T(counter + 1) into the block.
psa_status_t NextBlock(HkdfState* state) {
  if (state->counter >= kMaxBlocks) return PSA_ERROR_INSUFFICIENT_DATA;
  const uint8_t counter = static_cast<uint8_t>(state->counter + 1);
  if (!Init(state->mac, nullptr, nullptr, 0) ||
      (state->counter > 0 && EVP_MAC_update(state->mac, state->block, state->hash_length) != 1) ||
      (!state->info.empty() && EVP_MAC_update(state->mac, state->info.data(), state->info.size()) != 1) ||
      EVP_MAC_update(state->mac, &counter, 1) != 1 || !Final(state->mac, state->block, state->hash_length)) {
    return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  }
  state->counter = counter;
  state->used = 0;
  return PSA_SUCCESS;
}

}  // namespace
}  // namespace drivers::openssl

extern "C" {

psa_status_t openssl_key_derivation_setup(openssl_key_derivation_operation_t* operation, psa_algorithm_t alg,
                                          const psa_crypto_driver_key_derivation_inputs_t* inputs) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  operation->state = nullptr;
  HkdfState* state = new (std::nothrow) HkdfState();
  if (state == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
  const psa_status_t status = Setup(state, alg, inputs);
  if (status != PSA_SUCCESS) {
    delete state;
    return status;
  }
  operation->state = state;
  return PSA_SUCCESS;
}

psa_status_t openssl_key_derivation_input_step(openssl_key_derivation_operation_t* operation,
                                               psa_key_derivation_step_t step, const uint8_t* input,
                                               size_t input_length) {
  return PSA_ERROR_INVALID_ARGUMENT;
}

psa_status_t openssl_key_derivation_output_bytes(openssl_key_derivation_operation_t* operation, uint8_t* output,
                                                 size_t length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  HkdfState* state = static_cast<HkdfState*>(operation->state);
  if (state == nullptr) return PSA_ERROR_BAD_STATE;
  if (state->extract_only) {
    if (length > state->hash_length - state->used) return PSA_ERROR_INSUFFICIENT_DATA;
    memcpy(output, state->prk + state->used, length);
    state->used += length;
    return PSA_SUCCESS;
  }
  while (length > 0) {
    if (state->used == state->hash_length) {
      const psa_status_t status = NextBlock(state);
      if (status != PSA_SUCCESS) return status;
    }
    const size_t available = state->hash_length - state->used;
    const size_t piece = length < available ? length : available;
    memcpy(output, state->block + state->used, piece);
    state->used += piece;
    output += piece;
    length -= piece;
  }
  return PSA_SUCCESS;
}

psa_status_t openssl_key_derivation_abort(openssl_key_derivation_operation_t* operation) {
  delete static_cast<drivers::openssl::HkdfState*>(operation->state);
  operation->state = nullptr;
  return PSA_SUCCESS;
}

}  // extern "C"
