// HKDF (RFC 5869) and the TLS 1.2 PRF (RFC 5246 section 5) of the test
// drivers, block by block over builtin_mac_compute, with every input
// copied into the plain context at setup (see test_driver_derivation.h).

#include "drivers/test/test_driver_derivation_internal.h"

#include <string.h>  // explicit_bzero

#include <cstring>
#include <new>

#include "drivers/builtin/builtin_mac.h"
#include "psa/crypto.h"

namespace drivers::test {
namespace {

constexpr size_t kMaxKey = TEST_DRIVER_KDF_MAX_KEY;
constexpr size_t kMaxMessage = TEST_DRIVER_KDF_MAX_MESSAGE;
constexpr size_t kMaxBlock = TEST_DRIVER_KDF_MAX_BLOCK;
static_assert(kMaxBlock >= PSA_HASH_MAX_SIZE, "a block holds every HMAC output");

bool IsHkdfFamily(psa_algorithm_t alg) {
  return PSA_ALG_IS_HKDF(alg) || PSA_ALG_IS_HKDF_EXTRACT(alg) || PSA_ALG_IS_HKDF_EXPAND(alg);
}

psa_algorithm_t HashOf(const test_driver_kdf_state_t& state) { return PSA_ALG_GET_HASH(state.alg); }

// HMAC-hash_alg(key, message) in out[0..PSA_HASH_LENGTH(hash_alg)); an
// empty key is the one-zero-byte key, which HMAC pads to the same block.
psa_status_t Hmac(psa_algorithm_t hash_alg, const uint8_t* key, size_t key_length, const uint8_t* message,
                  size_t message_length, uint8_t* out) {
  static const uint8_t kZeroKey = 0;
  if (key_length == 0) {
    key = &kZeroKey;
    key_length = 1;
  }
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, PSA_KEY_TYPE_HMAC);
  psa_set_key_bits(&attributes, PSA_BYTES_TO_BITS(key_length));
  const size_t hash_length = PSA_HASH_LENGTH(hash_alg);
  size_t length = 0;
  psa_status_t status = builtin_mac_compute(&attributes, key, key_length, PSA_ALG_HMAC(hash_alg), message,
                                            message_length, out, hash_length, &length);
  if (status == PSA_SUCCESS && length != hash_length) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status != PSA_SUCCESS) WipeBytes(out, hash_length);
  return status;
}

// Blocks the algorithm can output: HKDF-Expand's 255, HKDF-Extract's one
// (the PRK), the TLS 1.2 PRF's unbounded (the core's capacity bounds it).
uint64_t MaxBlocks(psa_algorithm_t alg) {
  if (PSA_ALG_IS_HKDF_EXTRACT(alg)) return 1;
  if (PSA_ALG_IS_TLS12_PRF(alg)) return UINT32_MAX;
  return 255;
}

// Output bytes left in *state.
uint64_t Available(const test_driver_kdf_state_t& state) {
  const uint64_t hash_length = PSA_HASH_LENGTH(HashOf(state));
  return (MaxBlocks(state.alg) - state.counter) * hash_length + (state.block_length - state.offset);
}

// Computes the next block of *state (one is left, Available() said so).
psa_status_t NextBlock(test_driver_kdf_state_t* state) {
  const psa_algorithm_t hash_alg = HashOf(*state);
  const size_t hash_length = PSA_HASH_LENGTH(hash_alg);
  uint8_t message[kMaxBlock + kMaxMessage + 1];
  uint8_t block[kMaxBlock];
  size_t length = 0;
  psa_status_t status = PSA_ERROR_CORRUPTION_DETECTED;
  if (PSA_ALG_IS_HKDF(state->alg) || PSA_ALG_IS_HKDF_EXPAND(state->alg)) {
    // T(n) = HMAC(PRK, T(n-1) || info || n), T(0) empty.
    if (state->counter != 0) {
      std::memcpy(message, state->block, hash_length);
      length = hash_length;
    }
    if (state->message_length != 0) std::memcpy(message + length, state->message, state->message_length);
    length += state->message_length;
    message[length++] = static_cast<uint8_t>(state->counter + 1);
    status = Hmac(hash_alg, state->key, state->key_length, message, length, block);
  } else if (PSA_ALG_IS_TLS12_PRF(state->alg)) {
    // A(n) = HMAC(secret, A(n-1)), A(0) = label || seed; block n =
    // HMAC(secret, A(n) || label || seed).
    uint8_t a[kMaxBlock];
    status = state->counter == 0
                 ? Hmac(hash_alg, state->key, state->key_length, state->message, state->message_length, a)
                 : Hmac(hash_alg, state->key, state->key_length, state->a_block, hash_length, a);
    if (status == PSA_SUCCESS) {
      std::memcpy(message, a, hash_length);
      if (state->message_length != 0) std::memcpy(message + hash_length, state->message, state->message_length);
      length = hash_length + state->message_length;
      status = Hmac(hash_alg, state->key, state->key_length, message, length, block);
    }
    if (status == PSA_SUCCESS) std::memcpy(state->a_block, a, hash_length);
    WipeBytes(a, sizeof(a));
  }
  if (status == PSA_SUCCESS) {
    std::memcpy(state->block, block, hash_length);
    state->block_length = hash_length;
    state->offset = 0;
    ++state->counter;
  }
  WipeBytes(message, sizeof(message));
  WipeBytes(block, sizeof(block));
  return status;
}

// The salt of HKDF or HKDF-Extract: the input, or empty when omitted
// (HashLen zero bytes, RFC 5869 section 2.2).
psa_status_t ReadSalt(const psa_crypto_driver_key_derivation_inputs_t* inputs, InputBytes* salt) {
  if (psa_crypto_driver_key_derivation_get_input_type(inputs, PSA_KEY_DERIVATION_INPUT_SALT) ==
      PSA_KEY_DERIVATION_INPUT_TYPE_OMITTED) {
    return salt->Assign(nullptr, 0);
  }
  return salt->Read(inputs, PSA_KEY_DERIVATION_INPUT_SALT, false);
}

// The start of `fresh` for each family of algorithms.
psa_status_t StartHkdf(test_driver_kdf_state_t* fresh, const psa_crypto_driver_key_derivation_inputs_t* inputs,
                       const uint8_t* secret, size_t secret_length) {
  const psa_algorithm_t hash_alg = PSA_ALG_GET_HASH(fresh->alg);
  const size_t hash_length = PSA_HASH_LENGTH(hash_alg);
  psa_status_t status = PSA_SUCCESS;
  if (!PSA_ALG_IS_HKDF_EXTRACT(fresh->alg)) {
    InputBytes info;
    status = info.Read(inputs, PSA_KEY_DERIVATION_INPUT_INFO, false);
    if (status != PSA_SUCCESS) return status;
    if (info.size() > kMaxMessage) return PSA_ERROR_NOT_SUPPORTED;
    if (info.size() != 0) std::memcpy(fresh->message, info.data(), info.size());
    fresh->message_length = info.size();
  }
  if (PSA_ALG_IS_HKDF_EXPAND(fresh->alg)) {
    // The secret is the PRK.
    if (secret_length > kMaxKey) return PSA_ERROR_NOT_SUPPORTED;
    if (secret_length != 0) std::memcpy(fresh->key, secret, secret_length);
    fresh->key_length = secret_length;
    return PSA_SUCCESS;
  }
  InputBytes salt;
  status = ReadSalt(inputs, &salt);
  if (status != PSA_SUCCESS) return status;
  uint8_t prk[kMaxBlock];
  status = Hmac(hash_alg, salt.data(), salt.size(), secret, secret_length, prk);
  if (status == PSA_SUCCESS && PSA_ALG_IS_HKDF_EXTRACT(fresh->alg)) {
    // The output is the PRK: one block, ready.
    std::memcpy(fresh->block, prk, hash_length);
    fresh->block_length = hash_length;
    fresh->counter = 1;
  } else if (status == PSA_SUCCESS) {
    std::memcpy(fresh->key, prk, hash_length);
    fresh->key_length = hash_length;
  }
  WipeBytes(prk, sizeof(prk));
  return status;
}

psa_status_t StartTls12Prf(test_driver_kdf_state_t* fresh, const psa_crypto_driver_key_derivation_inputs_t* inputs,
                           const uint8_t* secret, size_t secret_length) {
  if (secret_length > kMaxKey) return PSA_ERROR_NOT_SUPPORTED;
  InputBytes label, seed;
  psa_status_t status = label.Read(inputs, PSA_KEY_DERIVATION_INPUT_LABEL, false);
  if (status == PSA_SUCCESS) status = seed.Read(inputs, PSA_KEY_DERIVATION_INPUT_SEED, false);
  if (status != PSA_SUCCESS) return status;
  if (label.size() > kMaxMessage || seed.size() > kMaxMessage - label.size()) return PSA_ERROR_NOT_SUPPORTED;
  if (secret_length != 0) std::memcpy(fresh->key, secret, secret_length);
  fresh->key_length = secret_length;
  if (label.size() != 0) std::memcpy(fresh->message, label.data(), label.size());
  if (seed.size() != 0) std::memcpy(fresh->message + label.size(), seed.data(), seed.size());
  fresh->message_length = label.size() + seed.size();
  return PSA_SUCCESS;
}

}  // namespace

void WipeBytes(void* buffer, size_t size) {
  if (buffer != nullptr && size != 0) explicit_bzero(buffer, size);
}

InputBytes::~InputBytes() {
  if (data_ != nullptr) WipeBytes(data_.get(), length_);
}

psa_status_t InputBytes::Assign(const uint8_t* data, size_t length) {
  if (data_ != nullptr) WipeBytes(data_.get(), length_);
  length_ = 0;
  // One spare byte, so that an empty input still has a buffer.
  data_.reset(new (std::nothrow) uint8_t[length + 1]);
  if (data_ == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
  if (length != 0) std::memcpy(data_.get(), data, length);
  length_ = length;
  return PSA_SUCCESS;
}

psa_status_t InputBytes::Read(const psa_crypto_driver_key_derivation_inputs_t* inputs,
                              psa_key_derivation_step_t step, bool key_allowed) {
  const psa_crypto_driver_key_derivation_input_type_t type =
      psa_crypto_driver_key_derivation_get_input_type(inputs, step);
  if (type == PSA_KEY_DERIVATION_INPUT_TYPE_KEY && key_allowed) {
    uint8_t* key_buffer = nullptr;
    size_t key_buffer_size = 0;
    const psa_status_t status =
        psa_crypto_driver_key_derivation_get_input_key(inputs, step, nullptr, &key_buffer, &key_buffer_size);
    if (status != PSA_SUCCESS) return status;
    return Assign(key_buffer, key_buffer_size);
  }
  if (type != PSA_KEY_DERIVATION_INPUT_TYPE_BYTES) return PSA_ERROR_INVALID_ARGUMENT;
  size_t size = 0;
  psa_status_t status = psa_crypto_driver_key_derivation_get_input_size(inputs, step, &size);
  if (status != PSA_SUCCESS) return status;
  if (data_ != nullptr) WipeBytes(data_.get(), length_);
  length_ = 0;
  data_.reset(new (std::nothrow) uint8_t[size + 1]);
  if (data_ == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
  size_t copied = 0;
  status = psa_crypto_driver_key_derivation_get_input_bytes(inputs, step, data_.get(), size + 1, &copied);
  if (status == PSA_SUCCESS && copied != size) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status != PSA_SUCCESS) {
    WipeBytes(data_.get(), size + 1);
    return status;
  }
  length_ = size;
  return PSA_SUCCESS;
}

bool KdfAlgorithmSupported(psa_algorithm_t alg) {
  if (!IsHkdfFamily(alg) && !PSA_ALG_IS_TLS12_PRF(alg)) return false;
  const psa_algorithm_t hash_alg = PSA_ALG_GET_HASH(alg);
  return PSA_ALG_IS_HASH(hash_alg) && hash_alg != PSA_ALG_ANY_HASH && PSA_HASH_LENGTH(hash_alg) != 0 &&
         PSA_HASH_LENGTH(hash_alg) <= kMaxBlock;
}

psa_status_t KdfStart(test_driver_kdf_state_t* state, psa_algorithm_t alg,
                      const psa_crypto_driver_key_derivation_inputs_t* inputs, const uint8_t* secret,
                      size_t secret_length) {
  if (state == nullptr || inputs == nullptr || (secret == nullptr && secret_length != 0)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (state->alg != 0) return PSA_ERROR_BAD_STATE;
  if (!KdfAlgorithmSupported(alg)) return PSA_ERROR_NOT_SUPPORTED;
  // Built aside, so that a failure leaves *state as it was (all zero).
  auto* fresh = new (std::nothrow) test_driver_kdf_state_t();
  if (fresh == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
  fresh->alg = alg;
  const psa_status_t status = IsHkdfFamily(alg) ? StartHkdf(fresh, inputs, secret, secret_length)
                                                : StartTls12Prf(fresh, inputs, secret, secret_length);
  if (status == PSA_SUCCESS) *state = *fresh;
  KdfWipe(fresh);
  delete fresh;
  return status;
}

psa_status_t KdfRead(test_driver_kdf_state_t* state, uint8_t* out, size_t length) {
  if (state == nullptr || state->alg == 0) return PSA_ERROR_BAD_STATE;
  if (out == nullptr && length != 0) return PSA_ERROR_INVALID_ARGUMENT;
  if (state->capacity_set != 0 && length > state->capacity) return PSA_ERROR_INSUFFICIENT_DATA;
  if (length > Available(*state)) return PSA_ERROR_INSUFFICIENT_DATA;
  size_t done = 0;
  while (done < length) {
    if (state->offset == state->block_length) {
      const psa_status_t status = NextBlock(state);
      if (status != PSA_SUCCESS) {
        WipeBytes(out, length);
        return status;
      }
    }
    size_t chunk = state->block_length - state->offset;
    if (chunk > length - done) chunk = length - done;
    std::memcpy(out + done, state->block + state->offset, chunk);
    state->offset += chunk;
    done += chunk;
  }
  if (state->capacity_set != 0) state->capacity -= length;
  return PSA_SUCCESS;
}

psa_status_t KdfVerify(test_driver_kdf_state_t* state, const uint8_t* expected, size_t length) {
  if (expected == nullptr && length != 0) return PSA_ERROR_INVALID_ARGUMENT;
  std::unique_ptr<uint8_t[]> buffer(new (std::nothrow) uint8_t[length + 1]);
  if (buffer == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
  psa_status_t status = KdfRead(state, buffer.get(), length);
  if (status == PSA_SUCCESS) {
    uint8_t difference = 0;
    for (size_t i = 0; i < length; ++i) difference |= static_cast<uint8_t>(buffer[i] ^ expected[i]);
    if (difference != 0) status = PSA_ERROR_INVALID_SIGNATURE;
  }
  WipeBytes(buffer.get(), length + 1);
  return status;
}

void KdfWipe(test_driver_kdf_state_t* state) {
  if (state != nullptr) WipeBytes(state, sizeof(*state));
}

}  // namespace drivers::test
