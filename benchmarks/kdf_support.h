// What the key derivation benchmarks and their agreement check share: the
// two derivations measured, one call of each in this project's PSA API and
// in Mbed TLS 2.28, and the check that both derive the same bytes.
//
//   hkdf_sha256    PSA_ALG_HKDF(PSA_ALG_SHA_256): salt (32 bytes), a 32-byte
//                  PSA_KEY_TYPE_DERIVE secret as a key, info (16 bytes),
//                  32 bytes out. Mbed TLS 2.28's PSA has HKDF: the same API
//                  calls on both sides.
//   pbkdf2_sha256  PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256), 1,000 iterations:
//                  cost, salt (16 bytes), a 16-byte PSA_KEY_TYPE_PASSWORD key,
//                  32 bytes out. Mbed TLS 2.28's PSA has no PBKDF2, so its
//                  side is mbedtls_pkcs5_pbkdf2_hmac (the same HMAC-SHA-256
//                  underneath, without a PSA layer).

#ifndef BENCHMARKS_KDF_SUPPORT_H_
#define BENCHMARKS_KDF_SUPPORT_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {

struct KdfMechanism {
  const char* name;  // in row names
  psa_algorithm_t alg;
  psa_key_type_t secret_type;  // of the secret (HKDF) or password (PBKDF2) key
  size_t secret_size;
  size_t salt_size;
  size_t info_size;  // HKDF only
  uint64_t iterations;  // PBKDF2 only
  size_t output_size;   // the <bytes> of the rows
};

extern const KdfMechanism kHkdfSha256;
extern const KdfMechanism kPbkdf2Sha256;

// One derivation of `m` with this project's PSA API: setup, the inputs in
// the order the algorithm requires (the secret or password through
// psa_key_derivation_input_key of `secret`), output_bytes, abort.
psa_status_t DeriveOurs(const KdfMechanism& m, psa_key_id_t secret, const std::vector<uint8_t>& salt,
                        const std::vector<uint8_t>& info, uint8_t* output, size_t output_length);

// The same derivation in Mbed TLS 2.28: baseline_hkdf with `secret` (a
// BASELINE_HKDF_SHA_256 key), or baseline_pbkdf2_hmac_sha256 with the
// password bytes.
int32_t DeriveTheirs(const KdfMechanism& m, const baseline_key_t* secret, const std::vector<uint8_t>& password,
                     const std::vector<uint8_t>& salt, const std::vector<uint8_t>& info, uint8_t* output,
                     size_t output_length);

// The fixed inputs of `m`.
std::vector<uint8_t> KdfSecret(const KdfMechanism& m);
std::vector<uint8_t> KdfSalt(const KdfMechanism& m);
std::vector<uint8_t> KdfInfo(const KdfMechanism& m);

// Whether both derive the same bytes for `m` and the output lengths 1, 32,
// 33 and 100 (several hash blocks), and both give RFC 5869's test case 1
// (HKDF) or RFC 7914 section 11's PBKDF2-HMAC-SHA-256 ("passwd", "salt",
// 1 iteration, 64 bytes). "" if so, else what differs.
std::string CheckKdfAgreement(const KdfMechanism& m);

}  // namespace psa_benchmarks

#endif  // BENCHMARKS_KDF_SUPPORT_H_
