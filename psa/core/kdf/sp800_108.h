// NIST SP 800-108r1 section 4.1, the KDF in counter mode with the counter
// before the fixed input data, as a stream: K_i = PRF(K_IN, [i]_4 || fixed).
// The PSA algorithms fix the data as Label || 0x00 || Context || [L]_4.

#ifndef PSA_CORE_KDF_SP800_108_H_
#define PSA_CORE_KDF_SP800_108_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/core/kdf/block_stream.h"
#include "psa/core/kdf/mac_prf.h"
#include "psa/core/secure_buffer.h"
#include "psa/crypto.h"

namespace psa::core::kdf {

class Sp800108Counter final : public BlockStream {
 public:
  // `prf` is keyed with K_IN (InitHmac or InitCmac done); its length is the
  // block length.
  explicit Sp800108Counter(size_t prf_length) : BlockStream(prf_length) {}

  MacPrf& prf() { return prf_; }
  psa_status_t Init(const uint8_t* fixed_input, size_t fixed_input_length);

 private:
  psa_status_t NextBlock(uint8_t* block) override;

  MacPrf prf_;
  SecureBuffer fixed_input_;
  uint32_t counter_ = 0;  // index of the last block computed
};

// The fixed input data of PSA_ALG_SP800_108_COUNTER_HMAC/_CMAC:
// label || 0x00 || context || [length_bits]_4.
psa_status_t Sp800108PsaFixedInput(const uint8_t* label, size_t label_length, const uint8_t* context,
                                   size_t context_length, uint32_t length_bits, SecureBuffer* fixed_input);

// PSA_ALG_SP800_108_COUNTER_CMAC's mitigation (SP 800-108r1 section 6.7,
// the PSA API's definition of the algorithm): appends
// K_0 = PRF(K_IN, fixed_input) to the fixed input, so that every block is
// CMAC(K_IN, [i]_4 || fixed_input || K_0). `prf` is keyed with K_IN.
psa_status_t Sp800108PsaAppendK0(const MacPrf& prf, SecureBuffer* fixed_input);

}  // namespace psa::core::kdf

#endif  // PSA_CORE_KDF_SP800_108_H_
