// The pseudorandom functions of the key derivations: HMAC with a hash, or
// CMAC with a block cipher, keyed with secret bytes and computed through the
// dispatched MAC entry points, so that whichever driver serves the MAC (an
// accelerator, or the builtin driver) serves the key derivation too.

#ifndef PSA_CORE_KDF_MAC_PRF_H_
#define PSA_CORE_KDF_MAC_PRF_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"

namespace psa::core::kdf {

// A piece of a PRF message; messages are concatenations of pieces.
struct Piece {
  const uint8_t* data;
  size_t length;
};

// Largest PRF output: the SHA-512 HMAC.
inline constexpr size_t kMaxPrfLength = PSA_HASH_MAX_SIZE;

// Longest key a MacPrf holds: an HMAC key is at most a hash block (longer
// ones are hashed first), the largest block being SHA3-224's 144 bytes; a
// block cipher key is at most 32 bytes.
inline constexpr size_t kMaxPrfKeyLength = 144;

// A keyed MAC: a transparent key (LOCAL_STORAGE) whose key buffer is the
// secret bytes, held in the object (no allocation: a key derivation keys
// several of these per call), with the attributes a driver needs to serve
// it. Not copyable; the key is wiped on destruction.
class MacPrf {
 public:
  MacPrf() = default;
  ~MacPrf();
  MacPrf(const MacPrf&) = delete;
  MacPrf& operator=(const MacPrf&) = delete;

  // HMAC with `hash_alg` keyed with key[0..key_length) (any length: an
  // empty key is the one-zero-byte key, which HMAC pads to the same block;
  // a key longer than the hash block is hashed first, RFC 2104).
  // PSA_ERROR_NOT_SUPPORTED for a hash without HMAC in this build.
  psa_status_t InitHmac(psa_algorithm_t hash_alg, const uint8_t* key, size_t key_length);

  // CMAC with the block cipher key `key_type` (AES, ARIA, CAMELLIA, ...)
  // of key_length bytes. PSA_ERROR_INVALID_ARGUMENT for an empty key or
  // one longer than kMaxPrfKeyLength.
  psa_status_t InitCmac(psa_key_type_t key_type, const uint8_t* key, size_t key_length);

  // The MAC of the concatenation of pieces[0..count) in out[0..length()).
  // `out` must hold length() bytes; wiped on failure.
  psa_status_t Compute(const Piece* pieces, size_t count, uint8_t* out) const;

  // Output length of the PRF (0 before Init).
  size_t length() const { return length_; }

 private:
  psa_status_t SetKey(psa_key_type_t type, psa_algorithm_t alg, const uint8_t* key, size_t key_length,
                      size_t mac_length);

  psa_key_attributes_t attributes_ = PSA_KEY_ATTRIBUTES_INIT;
  uint8_t key_[kMaxPrfKeyLength] = {0};
  size_t key_length_ = 0;
  psa_algorithm_t alg_ = PSA_ALG_NONE;
  size_t length_ = 0;
};

}  // namespace psa::core::kdf

#endif  // PSA_CORE_KDF_MAC_PRF_H_
