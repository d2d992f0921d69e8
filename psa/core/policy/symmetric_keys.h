// Validation of the key material of unstructured key types (raw data, HMAC,
// derivation secrets, passwords, block and stream cipher keys), which the core
// imports and generates itself: the driver interface gives transparent drivers
// only asymmetric keys to import and generate.
//
// Key sizes, as the PSA Crypto API 1.2 defines them:
//   RAW_DATA, HMAC, DERIVE, PASSWORD, PASSWORD_HASH, PEPPER
//                      any non-zero multiple of 8 bits up to kMaxKeyBits
//                      (a longer key is PSA_ERROR_NOT_SUPPORTED);
//   AES, ARIA, CAMELLIA  128, 192 or 256 bits; the double-length XTS sizes
//                      384 and 512 are PSA_ERROR_NOT_SUPPORTED (no XTS);
//   DES                64, 128 or 192 bits (1, 2 or 3 keys), each byte with
//                      odd parity;
//   CHACHA20           256 bits.
// SM4, ARC4 and XCHACHA20 are defined by the API but not supported by this
// implementation: PSA_ERROR_NOT_SUPPORTED, whatever the size.
//
// Weak DES keys: import accepts them. The API forbids them only in key
// derivation, and the driver interface lets import accept a key whose
// weakness endangers nothing but itself. ContainsWeakDesKey() lets key
// generation and derivation draw again.

#ifndef PSA_CORE_POLICY_SYMMETRIC_KEYS_H_
#define PSA_CORE_POLICY_SYMMETRIC_KEYS_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"

namespace psa::core::policy {

// The largest key of any type, in bits (8191 bytes). The public headers
// define no PSA_MAX_KEY_BITS; this is the implementation's limit.
inline constexpr size_t kMaxKeyBits = 0xfff8;
static_assert(kMaxKeyBits % 8 == 0, "the limit is a whole number of bytes");

// Validates `length` bytes at `data` as the key material of a key of the
// unstructured type `type`, for psa_import_key(). On entry `*bits` is the size
// the caller's attributes ask for (0: any); on success it is the key's size,
// `length` * 8. On failure `*bits` is unchanged.
//   PSA_ERROR_INVALID_ARGUMENT  `type` is PSA_KEY_TYPE_NONE, asymmetric, or
//                               has the wrong parity bit; `length` is 0 or
//                               not a size of the type; `*bits` is neither 0
//                               nor length * 8; a DES byte has even parity;
//                               `bits` is null, or `data` is null with a
//                               non-zero `length`.
//   PSA_ERROR_NOT_SUPPORTED     an unknown, implementation-defined or
//                               unsupported unstructured type; a size the API
//                               allows that this implementation does not (see
//                               above).
// Reads `data` in full for DES whatever its contents, so that the time
// taken does not tell which byte has a bad parity bit.
psa_status_t ValidateSymmetricImport(psa_key_type_t type, const uint8_t* data,
                                     size_t length, size_t* bits);

// Validates `bits` as the size of a key of the unstructured type `type` to
// generate with psa_generate_key(): same statuses as
// ValidateSymmetricImport(); 0 bits is PSA_ERROR_INVALID_ARGUMENT.
psa_status_t ValidateSymmetricGenerate(psa_key_type_t type, size_t bits);

// Sets the parity bit (the least significant bit) of each of the `length`
// bytes at `key` so that every byte has odd parity, as DES keys need.
// Constant time. `key` may be null only if `length` is 0.
void SetDesParity(uint8_t* key, size_t length);

// Whether one of the 8-byte DES keys that make up the `length` bytes at `key`
// (a multiple of 8) is one of the 4 weak or 12 semi-weak DES keys of
// NIST SP 800-67, parity bits ignored. Examines every byte whatever the
// contents. False for a `length` that is not a multiple of 8.
bool ContainsWeakDesKey(const uint8_t* key, size_t length);

}  // namespace psa::core::policy

#endif  // PSA_CORE_POLICY_SYMMETRIC_KEYS_H_
