// HKDF (RFC 5869) over the dispatched HMAC: Extract, and Expand as a stream.

#ifndef PSA_CORE_KDF_HKDF_H_
#define PSA_CORE_KDF_HKDF_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/core/kdf/block_stream.h"
#include "psa/core/kdf/mac_prf.h"
#include "psa/core/secure_buffer.h"
#include "psa/crypto.h"

namespace psa::core::kdf {

// HKDF-Extract: prk[0..HashLen) = HMAC-Hash(salt, ikm); an empty salt is
// HashLen zero bytes. `prk_size` must be at least PSA_HASH_LENGTH(hash_alg)
// (PSA_ERROR_BUFFER_TOO_SMALL otherwise); *prk_length is set on success.
psa_status_t HkdfExtract(psa_algorithm_t hash_alg, const uint8_t* salt, size_t salt_length, const uint8_t* ikm,
                         size_t ikm_length, uint8_t* prk, size_t prk_size, size_t* prk_length);

// HKDF-Expand: T(1) || T(2) || ... with T(n) = HMAC(PRK, T(n-1) || info || n),
// at most 255 blocks (the caller's capacity keeps reads within them).
class HkdfExpand final : public BlockStream {
 public:
  explicit HkdfExpand(psa_algorithm_t hash_alg) : BlockStream(PSA_HASH_LENGTH(hash_alg)), hash_alg_(hash_alg) {}
  ~HkdfExpand() override;

  psa_status_t Init(const uint8_t* prk, size_t prk_length, const uint8_t* info, size_t info_length);
  // The same, taking `info` over instead of copying it.
  psa_status_t Init(const uint8_t* prk, size_t prk_length, SecureBuffer info);

 private:
  psa_status_t NextBlock(uint8_t* block) override;

  psa_algorithm_t hash_alg_;
  MacPrf prf_;
  SecureBuffer info_;
  uint8_t previous_[kMaxPrfLength] = {0};
  uint8_t counter_ = 0;  // index of the last block computed
};

}  // namespace psa::core::kdf

#endif  // PSA_CORE_KDF_HKDF_H_
