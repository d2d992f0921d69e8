// A consumer that depends on //psa/include:api and adds no include path of
// its own gets this implementation's headers, not the psa/ headers that
// Mbed TLS installs under /usr/include (same file names, include guards
// without the trailing underscore).

#include <stdio.h>

#include "psa/crypto.h"
#include "psa/crypto_driver_common.h"
#include "psa/crypto_sizes.h"
#include "psa/crypto_struct.h"
#include "psa/crypto_types.h"
#include "psa/crypto_values.h"

#if !defined(PSA_CRYPTO_DRIVERS_IMPLEMENTATION)
#error "psa/crypto.h is not this implementation's header"
#endif

// This implementation's include guards.
#if !defined(PSA_CRYPTO_H_) || !defined(PSA_CRYPTO_TYPES_H_) ||                \
    !defined(PSA_CRYPTO_VALUES_H_) || !defined(PSA_CRYPTO_SIZES_H_) ||         \
    !defined(PSA_CRYPTO_STRUCT_H_) || !defined(PSA_CRYPTO_DRIVER_COMMON_H_) || \
    !defined(PSA_CRYPTO_PLATFORM_H_) || !defined(PSA_ERROR_H_)
#error "a psa/ header other than this implementation's was included"
#endif

// Mbed TLS's include guards and configuration.
#if defined(PSA_CRYPTO_H) || defined(PSA_CRYPTO_TYPES_H) ||                \
    defined(PSA_CRYPTO_VALUES_H) || defined(PSA_CRYPTO_SIZES_H) ||         \
    defined(PSA_CRYPTO_STRUCT_H) || defined(PSA_CRYPTO_DRIVER_COMMON_H) || \
    defined(PSA_CRYPTO_PLATFORM_H) || defined(PSA_CRYPTO_EXTRA_H) ||       \
    defined(MBEDTLS_CONFIG_H)
#error "Mbed TLS's psa/ headers were included"
#endif

int main(void) {
    int failed = 0;
    // Mbed TLS 2.28 declares API version 1.0 and has no XChaCha20.
    failed |= PSA_CRYPTO_API_VERSION_MINOR != 2;
    failed |= PSA_KEY_TYPE_XCHACHA20 != 0x2007;
    failed |= sizeof(psa_hash_operation_t) <= PSA_HASH_OPERATION_CONTEXT_SIZE;
    printf("%d passed, %d failed\n", failed ? 0 : 3, failed ? 1 : 0);
    return failed;
}
