// Translation of Mbed TLS error codes into PSA statuses, for the builtin
// driver's entry points. Private to drivers/builtin.

#ifndef DRIVERS_BUILTIN_MBEDTLS_STATUS_H_
#define DRIVERS_BUILTIN_MBEDTLS_STATUS_H_

#include "psa/crypto_driver_common.h"

namespace drivers::builtin {

// Returns the PSA status for the return value of an Mbed TLS function: 0 is
// PSA_SUCCESS, a known MBEDTLS_ERR_* code its PSA counterpart, and any other
// code PSA_ERROR_GENERIC_ERROR (never PSA_SUCCESS).
psa_status_t PsaStatusFromMbedtls(int mbedtls_ret);

}  // namespace drivers::builtin

#endif  // DRIVERS_BUILTIN_MBEDTLS_STATUS_H_
