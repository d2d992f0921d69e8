// PSA_ALG_TLS12_ECJPAKE_TO_PMS (draft-cragie-tls-ecjpake-01 section 8.7):
// the premaster secret is SHA-256 of the x-coordinate of the EC J-PAKE
// shared point on secp256r1.

#ifndef PSA_CORE_KDF_ECJPAKE_TO_PMS_H_
#define PSA_CORE_KDF_ECJPAKE_TO_PMS_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"

namespace psa::core::kdf {

// Length of the input: an uncompressed secp256r1 point, 0x04 || x || y.
inline constexpr size_t kEcjpakePointLength = 65;

// Whether `point` can be the input (65 bytes starting with 0x04).
bool IsEcjpakePoint(const uint8_t* point, size_t length);

// out[0..32) = SHA-256(x) of the 65-byte point (IsEcjpakePoint()).
// PSA_ERROR_INVALID_ARGUMENT for another input.
psa_status_t EcjpakeToPms(const uint8_t* point, size_t length, uint8_t out[PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE]);

}  // namespace psa::core::kdf

#endif  // PSA_CORE_KDF_ECJPAKE_TO_PMS_H_
