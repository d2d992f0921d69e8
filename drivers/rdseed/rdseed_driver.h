/* drivers/rdseed: an entropy source driver (get_entropy, rdseed.json) over
 * the x86 RDSEED instruction, with the RDRAND-based seed generation Intel
 * documents for when RDSEED is exhausted, and SP 800-90B health tests.
 *
 * rdseed_get_entropy fills `output` with 64-bit RDSEED samples and credits
 * 4 bits of entropy per byte (half of what Intel claims: a conservative
 * estimate). Without PSA_DRIVER_GET_ENTROPY_NONBLOCK it retries an exhausted
 * RDSEED, then completes the buffer with 128-bit seeds made by AES-CBC-MAC
 * over 512 RDRAND samples each (Intel DRNG Software Implementation Guide,
 * "Generating Seeds from RDRAND"), credited 4 bits per byte too. With NONBLOCK
 * it returns what RDSEED gave, or PSA_ERROR_INSUFFICIENT_ENTROPY if nothing.
 * PSA_DRIVER_GET_ENTROPY_KEEPALIVE needs nothing here (no power states).
 *
 * Statuses: PSA_SUCCESS; PSA_ERROR_NOT_SUPPORTED on a CPU without RDSEED
 * (CPUID, at run time) or for unknown flags; PSA_ERROR_INSUFFICIENT_ENTROPY
 * as above; PSA_ERROR_HARDWARE_FAILURE when a health test fails (a stuck or
 * biased source) or RDRAND too stays exhausted; PSA_ERROR_BUFFER_TOO_SMALL
 * for an output_size of 0. On failure `output` is wiped. Thread-safe. */

#ifndef DRIVERS_RDSEED_RDSEED_DRIVER_H_
#define DRIVERS_RDSEED_RDSEED_DRIVER_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

psa_status_t rdseed_get_entropy(psa_driver_get_entropy_flags_t flags, size_t *estimate_bits, uint8_t *output,
                                size_t output_size);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_RDSEED_RDSEED_DRIVER_H_ */
