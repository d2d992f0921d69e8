// Status codes shared by the PSA Certified APIs (PSA Status code API).
//
// Every function of the Crypto API that can fail returns a psa_status_t:
// PSA_SUCCESS (zero) on success, a negative PSA_ERROR_xxx value otherwise.
// The Crypto API adds its own codes in crypto_values.h.

#ifndef PSA_ERROR_H_
#define PSA_ERROR_H_

#include <stdint.h>

#include "crypto_platform.h"

#ifdef __cplusplus
extern "C" {
#endif

// Result of a function call: 0 for success, negative for an error.
typedef int32_t psa_status_t;

// The action was completed successfully.
#define PSA_SUCCESS ((psa_status_t)0)

// The caller violated the API contract in a way the implementation detected
// (used by multi-client implementations; not returned by this library).
#define PSA_ERROR_PROGRAMMER_ERROR ((psa_status_t)-129)
// The caller is not permitted to connect to the service.
#define PSA_ERROR_CONNECTION_REFUSED ((psa_status_t)-130)
// The service is busy and cannot accept the connection now.
#define PSA_ERROR_CONNECTION_BUSY ((psa_status_t)-131)
// An error occurred that does not correspond to any defined failure cause.
#define PSA_ERROR_GENERIC_ERROR ((psa_status_t)-132)
// The requested action is denied by a policy.
#define PSA_ERROR_NOT_PERMITTED ((psa_status_t)-133)
// The requested operation or a parameter is not supported.
#define PSA_ERROR_NOT_SUPPORTED ((psa_status_t)-134)
// The parameters passed to the function are invalid.
#define PSA_ERROR_INVALID_ARGUMENT ((psa_status_t)-135)
// The key identifier (or handle) does not refer to an existing key.
#define PSA_ERROR_INVALID_HANDLE ((psa_status_t)-136)
// The requested action cannot be performed in the current state.
#define PSA_ERROR_BAD_STATE ((psa_status_t)-137)
// An output buffer is too small.
#define PSA_ERROR_BUFFER_TOO_SMALL ((psa_status_t)-138)
// Asking for an item that already exists.
#define PSA_ERROR_ALREADY_EXISTS ((psa_status_t)-139)
// Asking for an item that does not exist.
#define PSA_ERROR_DOES_NOT_EXIST ((psa_status_t)-140)
// There is not enough runtime memory.
#define PSA_ERROR_INSUFFICIENT_MEMORY ((psa_status_t)-141)
// There is not enough persistent storage.
#define PSA_ERROR_INSUFFICIENT_STORAGE ((psa_status_t)-142)
// Insufficient data when attempting to read from a resource.
#define PSA_ERROR_INSUFFICIENT_DATA ((psa_status_t)-143)
// The service encountered an internal failure.
#define PSA_ERROR_SERVICE_FAILURE ((psa_status_t)-144)
// There was a communication failure inside the implementation.
#define PSA_ERROR_COMMUNICATION_FAILURE ((psa_status_t)-145)
// There was a storage failure that might have led to data loss.
#define PSA_ERROR_STORAGE_FAILURE ((psa_status_t)-146)
// A hardware failure was detected.
#define PSA_ERROR_HARDWARE_FAILURE ((psa_status_t)-147)
// A signature, MAC or hash is incorrect.
#define PSA_ERROR_INVALID_SIGNATURE ((psa_status_t)-149)
// A tampering attempt was detected.
#define PSA_ERROR_CORRUPTION_DETECTED ((psa_status_t)-151)
// Stored data has been corrupted.
#define PSA_ERROR_DATA_CORRUPT ((psa_status_t)-152)
// Data read from storage is not valid for the implementation.
#define PSA_ERROR_DATA_INVALID ((psa_status_t)-153)

// Not an error: an interruptible operation has more work to do; call the
// same function again to continue it.
#define PSA_OPERATION_INCOMPLETE ((psa_status_t)-248)

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // PSA_ERROR_H_
