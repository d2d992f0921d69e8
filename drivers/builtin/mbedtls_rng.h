// Randomness for Mbed TLS functions that take an f_rng callback, drawn from
// the core's random generator (psa_generate_random). Private to
// drivers/builtin.
//
// The builtin driver calls back into psa_generate_random, the one function of
// the application API it uses: it is a fallback that lives with the core, and
// key generation and blinding must use the core's DRBG rather than a second
// one.

#ifndef DRIVERS_BUILTIN_MBEDTLS_RNG_H_
#define DRIVERS_BUILTIN_MBEDTLS_RNG_H_

#include <stddef.h>

#include "psa/crypto_driver_common.h"

namespace drivers::builtin {

// The p_rng context of PsaRandomForMbedtls: remembers the first failure of
// psa_generate_random so that the caller returns that status rather than
// the Mbed TLS error it turned into.
struct PsaRandomContext {
  psa_status_t status = PSA_SUCCESS;
};

// Mbed TLS f_rng: fills `output` with `length` bytes from
// psa_generate_random. Returns 0, or MBEDTLS_ERR_ENTROPY_SOURCE_FAILED after
// recording the PSA status in `context` (a PsaRandomContext*); the output is
// then wiped.
int PsaRandomForMbedtls(void* context, unsigned char* output, size_t length);

// The status of an Mbed TLS call that used PsaRandomForMbedtls with
// `context`: the random generator's failure if there was one, otherwise
// `mbedtls_status` (the caller's translation of the Mbed TLS result).
inline psa_status_t StatusWithRandom(const PsaRandomContext& context,
                                     psa_status_t mbedtls_status) {
  if (mbedtls_status != PSA_SUCCESS && context.status != PSA_SUCCESS) {
    return context.status;
  }
  return mbedtls_status;
}

}  // namespace drivers::builtin

#endif  // DRIVERS_BUILTIN_MBEDTLS_RNG_H_
