// What a PSA Cryptoprocessor driver needs from the PSA Crypto API: the
// types, values and size macros, the key attribute accessors (drivers read
// psa_get_key_type(attributes), psa_get_key_bits(attributes), ...), and the
// flags of the `get_entropy` entry point.
//
// Drivers include this header (and their own headers) only. It declares no
// function of the application API: a driver does not call back into the API
// it implements, with one exception: a software driver that needs random
// numbers (key generation, randomized signatures) may call
// psa_generate_random(). The core serves it from its DRBG, which uses only
// the hash and get_entropy entry points: a driver's hash or get_entropy entry
// points must therefore not call it.

#ifndef PSA_CRYPTO_DRIVER_COMMON_H_
#define PSA_CRYPTO_DRIVER_COMMON_H_

#include <stddef.h>
#include <stdint.h>

#include "crypto_platform.h"
#include "crypto_types.h"
#include "crypto_values.h"
#include "crypto_sizes.h"
#include "crypto_struct.h"

#ifdef __cplusplus
extern "C" {
#endif

// Flags of the `get_entropy` driver entry point.
typedef uint32_t psa_driver_get_entropy_flags_t;

// The driver should not block: when no entropy is readily available it may
// return PSA_ERROR_INSUFFICIENT_ENTROPY (permitted only with this flag).
#define PSA_DRIVER_GET_ENTROPY_NONBLOCK ((psa_driver_get_entropy_flags_t)0x1)

// The core expects to call the entry point again shortly: the driver may
// keep its entropy source powered and ready.
#define PSA_DRIVER_GET_ENTROPY_KEEPALIVE ((psa_driver_get_entropy_flags_t)0x2)

// Types that the prototypes of the key-derivation, PAKE and built-in key
// entry points name. The input structures are owned by the core and only
// reached through pointers; drivers read them with accessor functions that
// the core will provide with those operation families.
typedef struct psa_crypto_driver_key_derivation_inputs_s psa_crypto_driver_key_derivation_inputs_t;
typedef struct psa_crypto_driver_pake_inputs_s psa_crypto_driver_pake_inputs_t;

// A step of a PAKE protocol as the core tells it to a driver.
typedef uint8_t psa_crypto_driver_pake_step_t;

// The slot number of a built-in key in a secure element.
typedef uint64_t psa_drv_slot_number_t;

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // PSA_CRYPTO_DRIVER_COMMON_H_
