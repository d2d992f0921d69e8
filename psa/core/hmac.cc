#include "psa/core/hmac.h"

#include <string.h>

#include "psa/core/dispatch.h"
#include "psa/core/wipe.h"

namespace psa::core {
namespace {

// Largest block among the hash algorithms of PSA Crypto 1.2 (SHA3-224: 144
// bytes); a build whose header reports a larger block is refused.
constexpr size_t kMaxHashBlockLength = 144;

constexpr uint8_t kInnerPad = 0x36;
constexpr uint8_t kOuterPad = 0x5c;

// Aborts a dispatched hash operation and wipes the whole object, leaving it
// all-bits-zero (inactive, ready for a new setup).
void AbortAndWipe(psa_hash_operation_t* operation) {
  psa::dispatch::HashAbort(operation);
  SecureWipeObject(*operation);
}

// Hashes data[0..length) into digest[0..digest_size) with a fresh dispatched
// operation. The temporary operation is wiped whatever happens.
psa_status_t HashOnce(psa_algorithm_t alg, const uint8_t* data, size_t length,
                      uint8_t* digest, size_t digest_size,
                      size_t* digest_length) {
  psa_hash_operation_t operation{};
  psa_status_t status = psa::dispatch::HashSetup(&operation, alg);
  if (status == PSA_SUCCESS && length != 0) {
    status = psa::dispatch::HashUpdate(&operation, data, length);
  }
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::HashFinish(&operation, digest, digest_size,
                                       digest_length);
  }
  AbortAndWipe(&operation);
  return status;
}

// Keys the inactive `inner` and `outer` with K0 ^ ipad and K0 ^ opad. On
// failure both are left inactive and wiped.
psa_status_t KeyStates(psa_algorithm_t hash_alg, const uint8_t* key,
                       size_t key_length, psa_hash_operation_t* inner,
                       psa_hash_operation_t* outer, size_t* mac_length) {
  if (!PSA_ALG_IS_HASH(hash_alg)) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t block_length = PSA_HASH_BLOCK_LENGTH(hash_alg);
  const size_t hash_length = PSA_HASH_LENGTH(hash_alg);
  if (block_length == 0 || hash_length == 0 ||
      block_length > kMaxHashBlockLength || hash_length > PSA_HASH_MAX_SIZE ||
      hash_length > block_length) {
    return PSA_ERROR_NOT_SUPPORTED;
  }

  // K0 (RFC 2104): the key, hashed first if longer than a block, then
  // zero-padded to the block length.
  uint8_t key_block[kMaxHashBlockLength] = {0};
  psa_status_t status = PSA_SUCCESS;
  if (key_length > block_length) {
    size_t hashed_key_length = 0;
    status = HashOnce(hash_alg, key, key_length, key_block, hash_length,
                      &hashed_key_length);
    if (status == PSA_SUCCESS && hashed_key_length != hash_length) {
      status = PSA_ERROR_CORRUPTION_DETECTED;
    }
  } else if (key_length != 0) {
    memcpy(key_block, key, key_length);
  }

  uint8_t pad[kMaxHashBlockLength];
  if (status == PSA_SUCCESS) {
    for (size_t i = 0; i < block_length; ++i) {
      pad[i] = static_cast<uint8_t>(key_block[i] ^ kInnerPad);
    }
    status = psa::dispatch::HashSetup(inner, hash_alg);
    if (status == PSA_SUCCESS) {
      status = psa::dispatch::HashUpdate(inner, pad, block_length);
    }
  }
  if (status == PSA_SUCCESS) {
    for (size_t i = 0; i < block_length; ++i) {
      pad[i] = static_cast<uint8_t>(key_block[i] ^ kOuterPad);
    }
    status = psa::dispatch::HashSetup(outer, hash_alg);
    if (status == PSA_SUCCESS) {
      status = psa::dispatch::HashUpdate(outer, pad, block_length);
    }
  }
  SecureWipeObject(key_block);
  SecureWipeObject(pad);

  if (status != PSA_SUCCESS) {
    AbortAndWipe(inner);
    AbortAndWipe(outer);
    return status;
  }
  *mac_length = hash_length;
  return PSA_SUCCESS;
}

}  // namespace

psa_status_t Hmac::Setup(psa_algorithm_t hash_alg, const uint8_t* key,
                         size_t key_length) {
  if (active_) return PSA_ERROR_BAD_STATE;
  const psa_status_t status =
      KeyStates(hash_alg, key, key_length, &inner_, &outer_, &mac_length_);
  if (status != PSA_SUCCESS) return status;
  active_ = true;
  return PSA_SUCCESS;
}

psa_status_t Hmac::Update(const uint8_t* data, size_t length) {
  if (!active_) return PSA_ERROR_BAD_STATE;
  if (length == 0) return PSA_SUCCESS;
  const psa_status_t status = psa::dispatch::HashUpdate(&inner_, data, length);
  if (status != PSA_SUCCESS) Abort();
  return status;
}

psa_status_t Hmac::Finish(uint8_t* mac, size_t mac_size, size_t* written) {
  *written = 0;
  psa_status_t status = PSA_ERROR_BAD_STATE;
  uint8_t inner_hash[PSA_HASH_MAX_SIZE];
  size_t inner_hash_length = 0;
  size_t mac_written = 0;
  if (active_) {
    status = mac_size < mac_length_ ? PSA_ERROR_BUFFER_TOO_SMALL : PSA_SUCCESS;
  }
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::HashFinish(&inner_, inner_hash, sizeof(inner_hash),
                                       &inner_hash_length);
    if (status == PSA_SUCCESS && inner_hash_length != mac_length_) {
      status = PSA_ERROR_CORRUPTION_DETECTED;
    }
  }
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::HashUpdate(&outer_, inner_hash, inner_hash_length);
  }
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::HashFinish(&outer_, mac, mac_size, &mac_written);
    if (status == PSA_SUCCESS && mac_written != mac_length_) {
      status = PSA_ERROR_CORRUPTION_DETECTED;
    }
  }
  SecureWipe(inner_hash, sizeof(inner_hash));
  Abort();
  if (status != PSA_SUCCESS) {
    SecureWipe(mac, mac_size);
    return status;
  }
  *written = mac_written;
  return PSA_SUCCESS;
}

void Hmac::Abort() {
  AbortAndWipe(&inner_);
  AbortAndWipe(&outer_);
  mac_length_ = 0;
  active_ = false;
}

psa_status_t HmacKey::Setup(psa_algorithm_t hash_alg, const uint8_t* key,
                            size_t key_length) {
  if (mac_length_ != 0) return PSA_ERROR_BAD_STATE;
  return KeyStates(hash_alg, key, key_length, &inner_, &outer_, &mac_length_);
}

psa_status_t HmacKey::Start(Hmac* hmac) const {
  if (mac_length_ == 0 || hmac->active_) return PSA_ERROR_BAD_STATE;
  // Byte copies are independent operations (as psa_hash_clone makes).
  memcpy(&hmac->inner_, &inner_, sizeof(inner_));
  memcpy(&hmac->outer_, &outer_, sizeof(outer_));
  hmac->mac_length_ = mac_length_;
  hmac->active_ = true;
  return PSA_SUCCESS;
}

void HmacKey::Clear() {
  AbortAndWipe(&inner_);
  AbortAndWipe(&outer_);
  mac_length_ = 0;
}

psa_status_t HmacCompute(psa_algorithm_t hash_alg, const uint8_t* key,
                         size_t key_length, const uint8_t* data,
                         size_t data_length, uint8_t* mac, size_t mac_size,
                         size_t* mac_length) {
  *mac_length = 0;
  Hmac hmac;
  psa_status_t status = hmac.Setup(hash_alg, key, key_length);
  if (status == PSA_SUCCESS) status = hmac.Update(data, data_length);
  if (status == PSA_SUCCESS) return hmac.Finish(mac, mac_size, mac_length);
  SecureWipe(mac, mac_size);
  return status;
}

}  // namespace psa::core
