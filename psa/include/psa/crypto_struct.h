// Layouts of the PSA Crypto API objects that applications allocate: key
// attributes, PAKE cipher suites and multi-part operation objects, with their
// initializers and the attribute accessors (static inline, as the
// specification permits).
//
// Operation objects do not depend on which drivers a build selects. Each
// holds the id of the driver that serves it (0 while inactive, set by the
// generated dispatch), the algorithm, a few fields of core state, and `ctx`:
// storage of a fixed size, aligned for any scalar type, that the serving
// driver uses for its own operation context. The generated dispatch checks at
// compile time that every selected driver's context fits in `ctx`, so an
// application compiled once links against any driver selection.
//
// Applications must treat every field as private and use only the
// initializers and functions of the API.

#ifndef PSA_CRYPTO_STRUCT_H_
#define PSA_CRYPTO_STRUCT_H_

#include <stddef.h>
#include <stdint.h>

#include "crypto_platform.h"
#include "crypto_types.h"
#include "crypto_values.h"

#ifdef __cplusplus
extern "C" {
#endif

// ============================================================================
// Key attributes
// ============================================================================

struct psa_key_attributes_s {
    psa_key_type_t type;          // PSA_KEY_TYPE_NONE: unspecified.
    size_t bits;                  // 0: unspecified.
    psa_key_lifetime_t lifetime;  // Persistence level and location.
    psa_key_id_t id;              // PSA_KEY_ID_NULL for volatile keys.
    psa_key_usage_t usage;        // Policy: permitted usages.
    psa_algorithm_t alg;          // Policy: permitted algorithm.
};

// Initializer of a psa_key_attributes_t: volatile lifetime, null identifier,
// no type, size 0, no usage, no algorithm.
#define PSA_KEY_ATTRIBUTES_INIT                                        \
    { PSA_KEY_TYPE_NONE, 0, PSA_KEY_LIFETIME_VOLATILE, PSA_KEY_ID_NULL, \
      0, PSA_ALG_NONE }

// Returns PSA_KEY_ATTRIBUTES_INIT.
static inline psa_key_attributes_t psa_key_attributes_init(void) {
    const psa_key_attributes_t init = PSA_KEY_ATTRIBUTES_INIT;
    return init;
}

// Declares the key persistent with identifier `id` (which should lie in
// PSA_KEY_ID_USER_MIN..PSA_KEY_ID_USER_MAX). If the lifetime was volatile,
// its persistence level becomes PSA_KEY_PERSISTENCE_DEFAULT and its location
// is kept. Accesses no storage.
static inline void psa_set_key_id(psa_key_attributes_t *attributes,
                                  psa_key_id_t id) {
    attributes->id = id;
    if (PSA_KEY_LIFETIME_IS_VOLATILE(attributes->lifetime)) {
        attributes->lifetime =
            (psa_key_lifetime_t)PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                PSA_KEY_PERSISTENCE_DEFAULT,
                PSA_KEY_LIFETIME_GET_LOCATION(attributes->lifetime));
    }
}

// The key identifier; unspecified when the attributes declare a volatile key.
static inline psa_key_id_t psa_get_key_id(
    const psa_key_attributes_t *attributes) {
    return attributes->id;
}

// Sets the lifetime. A volatile lifetime also resets the key identifier to
// PSA_KEY_ID_NULL. Accesses no storage.
static inline void psa_set_key_lifetime(psa_key_attributes_t *attributes,
                                        psa_key_lifetime_t lifetime) {
    attributes->lifetime = lifetime;
    if (PSA_KEY_LIFETIME_IS_VOLATILE(lifetime)) {
        attributes->id = PSA_KEY_ID_NULL;
    }
}

static inline psa_key_lifetime_t psa_get_key_lifetime(
    const psa_key_attributes_t *attributes) {
    return attributes->lifetime;
}

// Sets the permitted usages, replacing any previous ones.
static inline void psa_set_key_usage_flags(psa_key_attributes_t *attributes,
                                           psa_key_usage_t usage_flags) {
    attributes->usage = usage_flags;
}

static inline psa_key_usage_t psa_get_key_usage_flags(
    const psa_key_attributes_t *attributes) {
    return attributes->usage;
}

// Sets the permitted algorithm (possibly a wildcard), replacing any previous.
static inline void psa_set_key_algorithm(psa_key_attributes_t *attributes,
                                         psa_algorithm_t alg) {
    attributes->alg = alg;
}

static inline psa_algorithm_t psa_get_key_algorithm(
    const psa_key_attributes_t *attributes) {
    return attributes->alg;
}

// Sets the key type, replacing any previous one.
static inline void psa_set_key_type(psa_key_attributes_t *attributes,
                                    psa_key_type_t type) {
    attributes->type = type;
}

static inline psa_key_type_t psa_get_key_type(
    const psa_key_attributes_t *attributes) {
    return attributes->type;
}

// Sets the key size in bits (0: unspecified, deduced from the key data on
// import). Validity is checked when the key is created.
static inline void psa_set_key_bits(psa_key_attributes_t *attributes,
                                    size_t bits) {
    attributes->bits = bits;
}

static inline size_t psa_get_key_bits(const psa_key_attributes_t *attributes) {
    return attributes->bits;
}

// ============================================================================
// Multi-part operation objects
// ============================================================================
//
// Common fields:
//   driver_id  0 while the operation is inactive; otherwise the id of the
//              driver serving it, set by the dispatch on a successful setup.
//   alg        the algorithm of an active operation.
//   key_id, key_destroy_count
//              (operations with a key) the key and the key store's count of
//              destroyed keys when it was last known to exist: destroying
//              the key makes the operation fail.
//   ctx        the serving driver's context; its contents belong to the
//              driver. `align_*` members give it the strictest alignment of
//              the scalar types.
// The initializers set every field to zero.

// ---- Hash -------------------------------------------------------------------

#define PSA_HASH_OPERATION_CONTEXT_SIZE 512

struct psa_hash_operation_s {
    uint32_t driver_id;
    psa_algorithm_t alg;
    union {
        uint8_t bytes[PSA_HASH_OPERATION_CONTEXT_SIZE];
        uint64_t align_u64;
        long double align_ld;
        void *align_ptr;
    } ctx;
};

#define PSA_HASH_OPERATION_INIT { 0, 0, { { 0 } } }

// Returns PSA_HASH_OPERATION_INIT.
static inline psa_hash_operation_t psa_hash_operation_init(void) {
    const psa_hash_operation_t init = PSA_HASH_OPERATION_INIT;
    return init;
}

// ---- MAC --------------------------------------------------------------------

#define PSA_MAC_OPERATION_CONTEXT_SIZE 512

struct psa_mac_operation_s {
    uint32_t driver_id;
    psa_algorithm_t alg;
    psa_key_id_t key_id;
    uint64_t key_destroy_count;
    uint8_t is_sign;     // 1: psa_mac_sign_setup(), 0: psa_mac_verify_setup().
    uint8_t mac_length;  // Length of the MAC the operation outputs/checks.
    union {
        uint8_t bytes[PSA_MAC_OPERATION_CONTEXT_SIZE];
        uint64_t align_u64;
        long double align_ld;
        void *align_ptr;
    } ctx;
};

#define PSA_MAC_OPERATION_INIT { 0, 0, 0, 0, 0, 0, { { 0 } } }

// Returns PSA_MAC_OPERATION_INIT.
static inline psa_mac_operation_t psa_mac_operation_init(void) {
    const psa_mac_operation_t init = PSA_MAC_OPERATION_INIT;
    return init;
}

// ---- Unauthenticated cipher ---------------------------------------------------

#define PSA_CIPHER_OPERATION_CONTEXT_SIZE 512

struct psa_cipher_operation_s {
    uint32_t driver_id;
    psa_algorithm_t alg;
    psa_key_id_t key_id;
    uint64_t key_destroy_count;
    psa_key_type_t key_type;    // Type of the key, for the size macros.
    uint8_t is_encrypt;         // 1: encryption, 0: decryption.
    uint8_t iv_required;        // 1 if the algorithm takes an IV.
    uint8_t iv_set;             // 1 once an IV was set or generated.
    uint8_t default_iv_length;  // PSA_CIPHER_IV_LENGTH() of key and alg.
    union {
        uint8_t bytes[PSA_CIPHER_OPERATION_CONTEXT_SIZE];
        uint64_t align_u64;
        long double align_ld;
        void *align_ptr;
    } ctx;
};

#define PSA_CIPHER_OPERATION_INIT { 0, 0, 0, 0, 0, 0, 0, 0, 0, { { 0 } } }

// Returns PSA_CIPHER_OPERATION_INIT.
static inline psa_cipher_operation_t psa_cipher_operation_init(void) {
    const psa_cipher_operation_t init = PSA_CIPHER_OPERATION_INIT;
    return init;
}

// ---- AEAD -------------------------------------------------------------------

#define PSA_AEAD_OPERATION_CONTEXT_SIZE 768

struct psa_aead_operation_s {
    uint32_t driver_id;
    psa_algorithm_t alg;
    psa_key_id_t key_id;
    uint64_t key_destroy_count;
    psa_key_type_t key_type;  // Type of the key, for the size macros.
    uint8_t is_encrypt;       // 1: encryption, 0: decryption.
    uint8_t nonce_set;        // 1 once a nonce was set or generated.
    uint8_t lengths_set;      // 1 once psa_aead_set_lengths() succeeded.
    uint8_t ad_started;       // 1 once additional data was passed.
    uint8_t body_started;     // 1 once message data was passed.
    size_t ad_remaining;      // Declared AD bytes not passed yet.
    size_t body_remaining;    // Declared message bytes not passed yet.
    union {
        uint8_t bytes[PSA_AEAD_OPERATION_CONTEXT_SIZE];
        uint64_t align_u64;
        long double align_ld;
        void *align_ptr;
    } ctx;
};

#define PSA_AEAD_OPERATION_INIT \
    { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, { { 0 } } }

// Returns PSA_AEAD_OPERATION_INIT.
static inline psa_aead_operation_t psa_aead_operation_init(void) {
    const psa_aead_operation_t init = PSA_AEAD_OPERATION_INIT;
    return init;
}

// ---- Key derivation -----------------------------------------------------------

#define PSA_KEY_DERIVATION_OPERATION_CONTEXT_SIZE 1024

struct psa_key_derivation_operation_s {
    uint32_t driver_id;        // The driver serving the operation once its
                               // inputs are complete; 0 for none (inputs
                               // still collected, or the core's own KDF).
    psa_algorithm_t alg;       // The full algorithm, key agreement included.
    size_t capacity;           // Bytes that can still be output.
    uint8_t state;             // 0 inactive, 1 active, 2 error (until abort).
    uint8_t output_started;    // 1 once output was read or compared.
    void *core;                // The core's state (collected inputs, its own
                               // KDF), on the heap; freed by abort.
    union {
        uint8_t bytes[PSA_KEY_DERIVATION_OPERATION_CONTEXT_SIZE];
        uint64_t align_u64;
        long double align_ld;
        void *align_ptr;
    } ctx;
};

#define PSA_KEY_DERIVATION_OPERATION_INIT { 0, 0, 0, 0, 0, 0, { { 0 } } }

// Returns PSA_KEY_DERIVATION_OPERATION_INIT.
static inline psa_key_derivation_operation_t psa_key_derivation_operation_init(
    void) {
    const psa_key_derivation_operation_t init =
        PSA_KEY_DERIVATION_OPERATION_INIT;
    return init;
}

// ---- PAKE cipher suite and operation (1.2 PAKE extension) ---------------------

struct psa_pake_cipher_suite_s {
    psa_algorithm_t alg;
    psa_pake_primitive_t primitive;
    uint32_t key_confirmation;  // PSA_PAKE_CONFIRMED_KEY or _UNCONFIRMED_KEY.
};

// Initializer of a psa_pake_cipher_suite_t: no algorithm, no primitive,
// confirmed key.
#define PSA_PAKE_CIPHER_SUITE_INIT { PSA_ALG_NONE, 0, PSA_PAKE_CONFIRMED_KEY }

// Returns PSA_PAKE_CIPHER_SUITE_INIT.
static inline psa_pake_cipher_suite_t psa_pake_cipher_suite_init(void) {
    const psa_pake_cipher_suite_t init = PSA_PAKE_CIPHER_SUITE_INIT;
    return init;
}

static inline psa_algorithm_t psa_pake_cs_get_algorithm(
    const psa_pake_cipher_suite_t *cipher_suite) {
    return cipher_suite->alg;
}

// Sets the PAKE algorithm (one with PSA_ALG_IS_PAKE()), replacing any previous.
static inline void psa_pake_cs_set_algorithm(
    psa_pake_cipher_suite_t *cipher_suite, psa_algorithm_t alg) {
    cipher_suite->alg = alg;
}

static inline psa_pake_primitive_t psa_pake_cs_get_primitive(
    const psa_pake_cipher_suite_t *cipher_suite) {
    return cipher_suite->primitive;
}

// Sets the primitive, replacing any previous one (0: unspecified).
static inline void psa_pake_cs_set_primitive(
    psa_pake_cipher_suite_t *cipher_suite, psa_pake_primitive_t primitive) {
    cipher_suite->primitive = primitive;
}

static inline uint32_t psa_pake_cs_get_key_confirmation(
    const psa_pake_cipher_suite_t *cipher_suite) {
    return cipher_suite->key_confirmation;
}

// Sets the key-confirmation option (PSA_PAKE_CONFIRMED_KEY or
// PSA_PAKE_UNCONFIRMED_KEY), replacing any previous one.
static inline void psa_pake_cs_set_key_confirmation(
    psa_pake_cipher_suite_t *cipher_suite, uint32_t key_confirmation) {
    cipher_suite->key_confirmation = key_confirmation;
}

#define PSA_PAKE_OPERATION_CONTEXT_SIZE 2048

struct psa_pake_operation_s {
    uint32_t driver_id;         // 0 until the driver is set up (first
                                // psa_pake_output() or psa_pake_input()).
    psa_algorithm_t alg;
    psa_pake_primitive_t primitive;
    uint32_t key_confirmation;
    psa_key_id_t key_id;        // The password key given to psa_pake_setup().
    uint64_t key_destroy_count; // Key store destroy count at setup.
    psa_pake_role_t role;       // PSA_PAKE_ROLE_NONE until set.
    uint8_t state;              // Core state: 0 inactive, then see pake.cc.
    uint8_t outputs;            // Output steps done.
    uint8_t inputs;             // Input steps done.
    void *core_inputs;          // Core-owned copies of the user, peer and
                                // context inputs; NULL when inactive.
    union {
        uint8_t bytes[PSA_PAKE_OPERATION_CONTEXT_SIZE];
        uint64_t align_u64;
        long double align_ld;
        void *align_ptr;
    } ctx;
};

#define PSA_PAKE_OPERATION_INIT { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, { { 0 } } }

// Returns PSA_PAKE_OPERATION_INIT.
static inline psa_pake_operation_t psa_pake_operation_init(void) {
    const psa_pake_operation_t init = PSA_PAKE_OPERATION_INIT;
    return init;
}

// ---- Interruptible hash signature (implementation extension) ------------------

#define PSA_SIGN_HASH_INTERRUPTIBLE_OPERATION_CONTEXT_SIZE 1024

struct psa_sign_hash_interruptible_operation_s {
    uint32_t driver_id;
    psa_algorithm_t alg;
    uint32_t num_ops;        // Work units spent so far by this operation.
    uint8_t error_occurred;  // 1 after a failure, until aborted.
    union {
        uint8_t bytes[PSA_SIGN_HASH_INTERRUPTIBLE_OPERATION_CONTEXT_SIZE];
        uint64_t align_u64;
        long double align_ld;
        void *align_ptr;
    } ctx;
};

#define PSA_SIGN_HASH_INTERRUPTIBLE_OPERATION_INIT { 0, 0, 0, 0, { { 0 } } }

// Returns PSA_SIGN_HASH_INTERRUPTIBLE_OPERATION_INIT.
static inline psa_sign_hash_interruptible_operation_t
psa_sign_hash_interruptible_operation_init(void) {
    const psa_sign_hash_interruptible_operation_t init =
        PSA_SIGN_HASH_INTERRUPTIBLE_OPERATION_INIT;
    return init;
}

#define PSA_VERIFY_HASH_INTERRUPTIBLE_OPERATION_CONTEXT_SIZE 1024

struct psa_verify_hash_interruptible_operation_s {
    uint32_t driver_id;
    psa_algorithm_t alg;
    uint32_t num_ops;        // Work units spent so far by this operation.
    uint8_t error_occurred;  // 1 after a failure, until aborted.
    union {
        uint8_t bytes[PSA_VERIFY_HASH_INTERRUPTIBLE_OPERATION_CONTEXT_SIZE];
        uint64_t align_u64;
        long double align_ld;
        void *align_ptr;
    } ctx;
};

#define PSA_VERIFY_HASH_INTERRUPTIBLE_OPERATION_INIT { 0, 0, 0, 0, { { 0 } } }

// Returns PSA_VERIFY_HASH_INTERRUPTIBLE_OPERATION_INIT.
static inline psa_verify_hash_interruptible_operation_t
psa_verify_hash_interruptible_operation_init(void) {
    const psa_verify_hash_interruptible_operation_t init =
        PSA_VERIFY_HASH_INTERRUPTIBLE_OPERATION_INIT;
    return init;
}

// ---- Layout checks ------------------------------------------------------------
// Driver contexts may hold 64-bit integers and pointers: the storage must be
// at least 8-byte aligned, wherever the operation object is placed.

#define PSA_CHECK_OPERATION_LAYOUT_(type, tag)                              \
    PSA_STATIC_ASSERT_(PSA_ALIGNOF_(type) >= 8, tag##_alignment);           \
    PSA_STATIC_ASSERT_(offsetof(type, ctx) % 8 == 0, tag##_ctx_offset)

PSA_CHECK_OPERATION_LAYOUT_(psa_hash_operation_t, hash_operation);
PSA_CHECK_OPERATION_LAYOUT_(psa_mac_operation_t, mac_operation);
PSA_CHECK_OPERATION_LAYOUT_(psa_cipher_operation_t, cipher_operation);
PSA_CHECK_OPERATION_LAYOUT_(psa_aead_operation_t, aead_operation);
PSA_CHECK_OPERATION_LAYOUT_(psa_key_derivation_operation_t,
                            key_derivation_operation);
PSA_CHECK_OPERATION_LAYOUT_(psa_pake_operation_t, pake_operation);
PSA_CHECK_OPERATION_LAYOUT_(psa_sign_hash_interruptible_operation_t,
                            sign_hash_interruptible_operation);
PSA_CHECK_OPERATION_LAYOUT_(psa_verify_hash_interruptible_operation_t,
                            verify_hash_interruptible_operation);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // PSA_CRYPTO_STRUCT_H_
