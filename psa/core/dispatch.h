// The driver dispatch interface: what the core calls, what the generator
// (rules/drivergen) implements for each build from the selected driver
// descriptions. The core never calls a driver, or Mbed TLS, any other way.
//
// Driver ids: the generated dispatch numbers the selected drivers 1..N in
// priority order (the order of the psa_crypto_library's `drivers` list, the
// builtin driver last). 0 means "no driver" (an inactive operation).

#ifndef PSA_CORE_DISPATCH_H_
#define PSA_CORE_DISPATCH_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"
#include "psa/crypto_driver_common.h"

namespace psa::dispatch {

// Calls the `init` entry point of every selected driver that declares one, in
// priority order; stops at and returns the first failure.
psa_status_t Init();

// Number of entropy sources: the selected drivers with a `get_entropy` entry
// point, in priority order.
size_t EntropySourceCount();

// Calls the `get_entropy` entry point of entropy source `source`
// (0 <= source < EntropySourceCount()). PSA_ERROR_INVALID_ARGUMENT if out of range.
psa_status_t GetEntropy(size_t source, psa_driver_get_entropy_flags_t flags,
                        size_t* estimate_bits, uint8_t* output,
                        size_t output_size);

// Single-part hash: the first transparent driver whose `hash_compute` (or,
// failing that, `hash_multipart`) capability matches `alg`; NOT_SUPPORTED from
// a fallback capability moves on to the next driver.
// PSA_ERROR_NOT_SUPPORTED when no driver serves `alg`.
psa_status_t HashCompute(psa_algorithm_t alg, const uint8_t* input,
                         size_t input_length, uint8_t* hash, size_t hash_size,
                         size_t* hash_length);

// Multi-part hash. HashSetup expects an inactive operation (driver_id == 0);
// on success it records the serving driver in operation->driver_id, on
// failure the operation stays inactive. The others dispatch on driver_id
// (PSA_ERROR_BAD_STATE if 0). HashFinish ends the operation whatever its
// result: the driver context is aborted and wiped, and driver_id is 0 again.
// HashAbort of an inactive operation succeeds.
psa_status_t HashSetup(psa_hash_operation_t* operation, psa_algorithm_t alg);
psa_status_t HashUpdate(psa_hash_operation_t* operation, const uint8_t* input,
                        size_t input_length);
psa_status_t HashFinish(psa_hash_operation_t* operation, uint8_t* hash,
                        size_t hash_size, size_t* hash_length);
psa_status_t HashAbort(psa_hash_operation_t* operation);

// Name of a selected driver (its psa_driver target name), or nullptr for an
// unknown id.
const char* DriverName(uint32_t driver_id);

// Id of the driver that served the last successful dispatched call made by
// this thread (0 if none). Diagnostics and tests only.
uint32_t LastServingDriver();

// The human-readable dispatch table of this build (what `psa drivers` prints).
const char* DispatchTable();

}  // namespace psa::dispatch

#endif  // PSA_CORE_DISPATCH_H_
