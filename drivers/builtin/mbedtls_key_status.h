// PSA statuses for the Mbed TLS calls of the builtin key-management code,
// which distinguishes key material that fails a check (the caller's fault)
// from resource and internal failures. Private to drivers/builtin.

#ifndef DRIVERS_BUILTIN_MBEDTLS_KEY_STATUS_H_
#define DRIVERS_BUILTIN_MBEDTLS_KEY_STATUS_H_

#include "psa/crypto_driver_common.h"

namespace drivers::builtin {

// Whether an Mbed TLS error code says memory ran out. Codes may combine a
// high-level module error with a low-level one (for example
// MBEDTLS_ERR_RSA_KEY_CHECK_FAILED + MBEDTLS_ERR_MPI_ALLOC_FAILED).
bool IsMbedtlsAllocationFailure(int mbedtls_ret);

// The status of a function that checks key material: 0 is PSA_SUCCESS,
// running out of memory PSA_ERROR_INSUFFICIENT_MEMORY, any other failure
// PSA_ERROR_INVALID_ARGUMENT (the key is rejected).
psa_status_t PsaStatusFromMbedtlsKeyCheck(int mbedtls_ret);

// The status of a computation on valid inputs: 0 is PSA_SUCCESS, running out
// of memory PSA_ERROR_INSUFFICIENT_MEMORY, a short output buffer
// PSA_ERROR_BUFFER_TOO_SMALL, otherwise PsaStatusFromMbedtls (never
// PSA_SUCCESS).
psa_status_t PsaStatusFromMbedtlsComputation(int mbedtls_ret);

}  // namespace drivers::builtin

#endif  // DRIVERS_BUILTIN_MBEDTLS_KEY_STATUS_H_
