// Integral types and opaque object types of the PSA Crypto API 1.2.
//
// The encodings of the integral types are in crypto_values.h, the layouts of
// the object types (key attributes, operation objects) in crypto_struct.h.

#ifndef PSA_CRYPTO_TYPES_H_
#define PSA_CRYPTO_TYPES_H_

#include <stddef.h>
#include <stdint.h>

#include "crypto_platform.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

// ---- Keys -------------------------------------------------------------------

// Key identifier. Values PSA_KEY_ID_USER_MIN..PSA_KEY_ID_USER_MAX are chosen
// by applications for persistent keys; the implementation allocates volatile
// key identifiers from PSA_KEY_ID_VENDOR_MIN..PSA_KEY_ID_VENDOR_MAX.
typedef uint32_t psa_key_id_t;

// Encoding of a key type (see "Key type encoding" of the specification).
typedef uint16_t psa_key_type_t;

// Identifier of an elliptic curve family; with a bit size, names a curve.
typedef uint8_t psa_ecc_family_t;

// Identifier of a finite-field Diffie-Hellman group family; with a bit size,
// names a group.
typedef uint8_t psa_dh_family_t;

// Key lifetime: persistence level in bits 0..7, location in bits 8..31.
typedef uint32_t psa_key_lifetime_t;

// Persistence level: volatile (0), persistent (1..254) or read-only (255).
typedef uint8_t psa_key_persistence_t;

// Location of the key material: 0 is local storage, other values name a
// secure element or other key store (24 bits are significant).
typedef uint32_t psa_key_location_t;

// Bitmask of permitted usages of a key (PSA_KEY_USAGE_xxx).
typedef uint32_t psa_key_usage_t;

// The metadata of a key: type, size, lifetime, identifier and policy.
typedef struct psa_key_attributes_s psa_key_attributes_t;

// ---- Algorithms -------------------------------------------------------------

// Encoding of a cryptographic algorithm (see "Algorithm identifier encoding").
typedef uint32_t psa_algorithm_t;

// ---- Multi-part operations --------------------------------------------------

// State of a multi-part hash operation.
typedef struct psa_hash_operation_s psa_hash_operation_t;

// State of a multi-part MAC operation.
typedef struct psa_mac_operation_s psa_mac_operation_t;

// State of a multi-part unauthenticated cipher operation.
typedef struct psa_cipher_operation_s psa_cipher_operation_t;

// State of a multi-part AEAD operation.
typedef struct psa_aead_operation_s psa_aead_operation_t;

// Encoding of the step (the role of an input) of a key derivation.
typedef uint16_t psa_key_derivation_step_t;

// State of a key derivation operation.
typedef struct psa_key_derivation_operation_s psa_key_derivation_operation_t;

// ---- Password-authenticated key exchange (1.2 PAKE extension) ----------------

// Primitive of a PAKE: type in bits 24..31, family in bits 16..23, bit size
// in bits 0..15 (see PSA_PAKE_PRIMITIVE()).
typedef uint32_t psa_pake_primitive_t;

// Type of a PAKE primitive (PSA_PAKE_PRIMITIVE_TYPE_xxx).
typedef uint8_t psa_pake_primitive_type_t;

// Family of a PAKE primitive: a psa_ecc_family_t or a psa_dh_family_t,
// depending on the primitive type.
typedef uint8_t psa_pake_family_t;

// Role of the application in a PAKE (PSA_PAKE_ROLE_xxx).
typedef uint8_t psa_pake_role_t;

// Step of a PAKE: what a psa_pake_output() or psa_pake_input() call carries.
typedef uint8_t psa_pake_step_t;

// The PAKE algorithm, primitive and key-confirmation option of a PAKE.
typedef struct psa_pake_cipher_suite_s psa_pake_cipher_suite_t;

// State of a PAKE operation.
typedef struct psa_pake_operation_s psa_pake_operation_t;

// ---- Interruptible signature (implementation extension) ---------------------

// State of an interruptible hash-signing operation.
typedef struct psa_sign_hash_interruptible_operation_s
    psa_sign_hash_interruptible_operation_t;

// State of an interruptible hash-signature verification operation.
typedef struct psa_verify_hash_interruptible_operation_s
    psa_verify_hash_interruptible_operation_t;

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // PSA_CRYPTO_TYPES_H_
