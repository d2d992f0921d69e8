// PBKDF2 (RFC 8018 section 5.2) as a stream, with HMAC or with the
// AES-CMAC-PRF-128 of RFC 4615.
//
// The HMAC is the core's own over the dispatched hash (psa/core/hmac.h),
// keyed once: every iteration starts from copies of the keyed inner and
// outer hash states, two compressions per iteration for SHA-256 where a
// fresh MAC computation costs four plus the key processing. The trade-off:
// PBKDF2-HMAC runs on whichever driver serves the hash, and a driver that
// offers HMAC but not its hash no longer serves it (an HMAC context cannot
// be copied: the driver interface makes only hash contexts byte-copyable).
// The CMAC PRF goes through the dispatched MAC as the other KDFs' PRFs do.

#ifndef PSA_CORE_KDF_PBKDF2_H_
#define PSA_CORE_KDF_PBKDF2_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/core/hmac.h"
#include "psa/core/kdf/block_stream.h"
#include "psa/core/kdf/mac_prf.h"
#include "psa/core/secure_buffer.h"
#include "psa/crypto.h"

namespace psa::core::kdf {

// The most iterations PSA_KEY_DERIVATION_INPUT_COST may ask for.
inline constexpr uint64_t kPbkdf2MaxCost = 0xffffffffu;

// T_1 || T_2 || ... with T_i = U_1 ^ ... ^ U_c, U_1 = PRF(P, S || INT(i)),
// U_j = PRF(P, U_{j-1}).
class Pbkdf2 final : public BlockStream {
 public:
  // `prf_alg` is PSA_ALG_HMAC(hash) or PSA_ALG_CMAC (AES-CMAC-PRF-128).
  explicit Pbkdf2(psa_algorithm_t prf_alg)
      : BlockStream(prf_alg == PSA_ALG_CMAC ? 16 : PSA_HASH_LENGTH(PSA_ALG_GET_HASH(prf_alg))),
        prf_alg_(prf_alg) {}

  // `cost` (the iteration count c) is 1..kPbkdf2MaxCost
  // (PSA_ERROR_INVALID_ARGUMENT otherwise).
  psa_status_t Init(const uint8_t* password, size_t password_length, const uint8_t* salt, size_t salt_length,
                    uint64_t cost);

 private:
  psa_status_t NextBlock(uint8_t* block) override;
  // out[0..block_length()) = PRF(P, pieces[0] || ... || pieces[count-1]).
  psa_status_t Prf(const Piece* pieces, size_t count, uint8_t* out) const;

  psa_algorithm_t prf_alg_;
  HmacKey hmac_;  // the PRF for PSA_ALG_HMAC(hash)
  MacPrf cmac_;   // the PRF for PSA_ALG_CMAC
  SecureBuffer salt_;
  uint64_t cost_ = 0;
  uint32_t counter_ = 0;  // index of the last block computed
};

// The 128-bit AES key of AES-CMAC-PRF-128 (RFC 4615 section 3) for a
// variable-length key: the key itself if 16 bytes long, else
// AES-CMAC(0^128, key).
psa_status_t AesCmacPrf128Key(const uint8_t* key, size_t key_length, uint8_t out[16]);

}  // namespace psa::core::kdf

#endif  // PSA_CORE_KDF_PBKDF2_H_
