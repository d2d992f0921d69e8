// The TLS 1.2 PRF (RFC 5246 section 5) as a stream, and the premaster
// secret of the TLS 1.2 PSK key exchanges (RFC 4279 section 2, RFC 5489).

#ifndef PSA_CORE_KDF_TLS12_PRF_H_
#define PSA_CORE_KDF_TLS12_PRF_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/core/kdf/block_stream.h"
#include "psa/core/kdf/mac_prf.h"
#include "psa/core/secure_buffer.h"
#include "psa/crypto.h"

namespace psa::core::kdf {

// PRF(secret, label, seed) = P_hash(secret, label || seed), where
// P_hash = HMAC(secret, A(1) || label || seed) || HMAC(secret, A(2) || ...)
// and A(0) = label || seed, A(i) = HMAC(secret, A(i-1)).
class Tls12Prf final : public BlockStream {
 public:
  explicit Tls12Prf(psa_algorithm_t hash_alg) : BlockStream(PSA_HASH_LENGTH(hash_alg)), hash_alg_(hash_alg) {}
  ~Tls12Prf() override;

  psa_status_t Init(const uint8_t* secret, size_t secret_length, const uint8_t* label, size_t label_length,
                    const uint8_t* seed, size_t seed_length);

 private:
  psa_status_t NextBlock(uint8_t* block) override;

  psa_algorithm_t hash_alg_;
  MacPrf prf_;
  SecureBuffer label_and_seed_;
  uint8_t a_[kMaxPrfLength] = {0};  // A(i) of the last block
  bool started_ = false;
};

// The premaster secret of a PSK cipher suite: uint16 length of
// `other_secret`, other_secret, uint16 length of `psk`, psk. A null
// `other_secret` is the plain PSK case: psk_length zero bytes.
// PSA_ERROR_INVALID_ARGUMENT for a part longer than 65535 bytes.
psa_status_t Tls12PskPremasterSecret(const uint8_t* other_secret, size_t other_secret_length, const uint8_t* psk,
                                     size_t psk_length, SecureBuffer* premaster);

}  // namespace psa::core::kdf

#endif  // PSA_CORE_KDF_TLS12_PRF_H_
