// The public headers used from C99, as an application and a driver use them:
// every macro family in constant expressions (array sizes, case labels,
// #if), the key attribute accessors with the semantics of the specification,
// the initializers of every object, and the driver header.

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "psa/crypto.h"
#include "psa/crypto_driver_common.h"

// ---- These are this implementation's headers -------------------------------

#if !defined(PSA_CRYPTO_DRIVERS_IMPLEMENTATION)
#error "psa/crypto.h is not this implementation's header"
#endif
#if defined(PSA_CRYPTO_H)
#error "Mbed TLS's psa/crypto.h (guard PSA_CRYPTO_H) was included"
#endif
#if PSA_CRYPTO_API_VERSION_MAJOR != 1 || PSA_CRYPTO_API_VERSION_MINOR != 2
#error "psa/crypto.h does not declare API version 1.2"
#endif

// ---- Size macros are integer constant expressions (array bounds) ------------

typedef uint8_t buffer_hash_t[PSA_HASH_MAX_SIZE];
typedef uint8_t buffer_hash_state_t[PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE];
typedef uint8_t buffer_mac_t[PSA_MAC_MAX_SIZE];
typedef uint8_t buffer_iv_t[PSA_CIPHER_IV_MAX_SIZE];
typedef uint8_t buffer_block_t[PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE];
typedef uint8_t buffer_cipher_out_t[PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(100)];
typedef uint8_t buffer_cipher_finish_t[PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE];
typedef uint8_t buffer_nonce_t[PSA_AEAD_NONCE_MAX_SIZE];
typedef uint8_t buffer_tag_t[PSA_AEAD_TAG_MAX_SIZE];
typedef uint8_t buffer_aead_out_t[PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(100)];
typedef uint8_t buffer_aead_update_t[PSA_AEAD_UPDATE_OUTPUT_MAX_SIZE(100)];
typedef uint8_t buffer_aead_finish_t[PSA_AEAD_FINISH_OUTPUT_MAX_SIZE];
typedef uint8_t buffer_aead_verify_t[PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE];
typedef uint8_t buffer_signature_t[PSA_SIGNATURE_MAX_SIZE];
typedef uint8_t buffer_key_pair_t[PSA_EXPORT_KEY_PAIR_MAX_SIZE];
typedef uint8_t buffer_public_key_t[PSA_EXPORT_PUBLIC_KEY_MAX_SIZE];
typedef uint8_t buffer_encrypted_t[PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE];
typedef uint8_t buffer_decrypted_t[PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE];
typedef uint8_t buffer_shared_t[PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE];
typedef uint8_t buffer_pake_out_t[PSA_PAKE_OUTPUT_MAX_SIZE];
typedef uint8_t buffer_pake_in_t[PSA_PAKE_INPUT_MAX_SIZE];
typedef uint8_t
    buffer_aes_gcm_t[PSA_AEAD_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_GCM, 64)];
typedef uint8_t buffer_p256_signature_t[PSA_SIGN_OUTPUT_SIZE(
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256,
    PSA_ALG_ECDSA(PSA_ALG_SHA_256))];
typedef uint8_t buffer_p256_public_t[PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256)];
typedef uint8_t buffer_sha384_t[PSA_HASH_LENGTH(PSA_ALG_SHA_384)];

// ---- Checks ------------------------------------------------------------------

static unsigned long g_passed;
static unsigned long g_failed;

static void check(int ok, const char *what, int line) {
    if (ok) {
        ++g_passed;
    } else {
        ++g_failed;
        fprintf(stderr, "FAIL (line %d): %s\n", line, what);
    }
}

#define CHECK(condition) check((condition) ? 1 : 0, #condition, __LINE__)

// Constants are usable as case labels (integer constant expressions).
static const char *hash_name(psa_algorithm_t alg) {
    switch (alg) {
        case PSA_ALG_SHA_256:
            return "SHA-256";
        case PSA_ALG_SHA3_256:
            return "SHA3-256";
        case PSA_ALG_HMAC(PSA_ALG_SHA_256):
            return "HMAC-SHA-256";
        default:
            return "other";
    }
}

static void check_constant_expressions(void) {
    CHECK(sizeof(buffer_hash_t) == 64);
    CHECK(sizeof(buffer_sha384_t) == 48);
    CHECK(sizeof(buffer_aes_gcm_t) == 64 + 16);
    CHECK(sizeof(buffer_p256_signature_t) == 64);
    CHECK(sizeof(buffer_p256_public_t) == 65);
    CHECK(sizeof(buffer_hash_state_t) >= PSA_HASH_SUSPEND_OUTPUT_SIZE(PSA_ALG_SHA_512));
    CHECK(sizeof(buffer_mac_t) >=
          PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 512, PSA_ALG_HMAC(PSA_ALG_SHA_512)));
    CHECK(sizeof(buffer_iv_t) >=
          PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_XCHACHA20, PSA_ALG_STREAM_CIPHER));
    CHECK(sizeof(buffer_block_t) == PSA_BLOCK_CIPHER_BLOCK_LENGTH(PSA_KEY_TYPE_AES));
    CHECK(sizeof(buffer_cipher_out_t) >=
          PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, 100));
    CHECK(sizeof(buffer_cipher_finish_t) >=
          PSA_CIPHER_FINISH_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7));
    CHECK(sizeof(buffer_nonce_t) >= PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_AES, PSA_ALG_CCM));
    CHECK(sizeof(buffer_tag_t) >=
          PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_AES, 128, PSA_ALG_GCM));
    CHECK(sizeof(buffer_aead_out_t) >=
          PSA_AEAD_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305,
                                       100));
    CHECK(sizeof(buffer_aead_update_t) >=
          PSA_AEAD_UPDATE_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_GCM, 100));
    CHECK(sizeof(buffer_aead_finish_t) >=
          PSA_AEAD_FINISH_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CCM));
    CHECK(sizeof(buffer_aead_verify_t) >=
          PSA_AEAD_VERIFY_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CCM));
    CHECK(sizeof(buffer_signature_t) >=
          PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 4096,
                               PSA_ALG_RSA_PSS(PSA_ALG_SHA_256)));
    CHECK(sizeof(buffer_key_pair_t) >=
          PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 4096));
    CHECK(sizeof(buffer_public_key_t) >=
          PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 4096));
    CHECK(sizeof(buffer_encrypted_t) >=
          PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 4096,
                                             PSA_ALG_RSA_PKCS1V15_CRYPT));
    CHECK(sizeof(buffer_decrypted_t) >=
          PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 4096,
                                             PSA_ALG_RSA_PKCS1V15_CRYPT));
    CHECK(sizeof(buffer_shared_t) >=
          PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(
              PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919), 8192));
    CHECK(sizeof(buffer_pake_out_t) >=
          PSA_PAKE_OUTPUT_SIZE(PSA_ALG_JPAKE(PSA_ALG_SHA_256),
                               PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC,
                                                  PSA_ECC_FAMILY_SECP_R1, 256),
                               PSA_PAKE_STEP_KEY_SHARE));
    CHECK(sizeof(buffer_pake_in_t) == sizeof(buffer_pake_out_t));
    CHECK(strcmp(hash_name(PSA_ALG_SHA_256), "SHA-256") == 0);
    CHECK(strcmp(hash_name(PSA_ALG_SHA3_256), "SHA3-256") == 0);
    CHECK(strcmp(hash_name(0x03800009), "HMAC-SHA-256") == 0);
    CHECK(strcmp(hash_name(PSA_ALG_MD5), "other") == 0);
}

// ---- Key attributes ------------------------------------------------------------

static int attributes_are_fresh(const psa_key_attributes_t *attributes) {
    return psa_get_key_type(attributes) == PSA_KEY_TYPE_NONE &&
           psa_get_key_bits(attributes) == 0 &&
           psa_get_key_lifetime(attributes) == PSA_KEY_LIFETIME_VOLATILE &&
           psa_get_key_id(attributes) == PSA_KEY_ID_NULL &&
           psa_get_key_usage_flags(attributes) == 0 &&
           psa_get_key_algorithm(attributes) == PSA_ALG_NONE;
}

static void check_key_attributes(void) {
    const psa_key_attributes_t from_macro = PSA_KEY_ATTRIBUTES_INIT;
    const psa_key_attributes_t from_function = psa_key_attributes_init();
    static psa_key_attributes_t from_static;
    psa_key_attributes_t from_memset;
    psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
    const psa_key_lifetime_t se_volatile = PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
        PSA_KEY_PERSISTENCE_VOLATILE, PSA_KEY_LOCATION_PRIMARY_SECURE_ELEMENT);
    const psa_key_lifetime_t se_read_only =
        PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
            PSA_KEY_PERSISTENCE_READ_ONLY, PSA_KEY_LOCATION_PRIMARY_SECURE_ELEMENT);

    memset(&from_memset, 0, sizeof(from_memset));
    CHECK(attributes_are_fresh(&from_macro));
    CHECK(attributes_are_fresh(&from_function));
    CHECK(attributes_are_fresh(&from_static));
    CHECK(attributes_are_fresh(&from_memset));

    // psa_set_key_id() makes a volatile key persistent (default level).
    psa_set_key_id(&attributes, 42);
    CHECK(psa_get_key_id(&attributes) == 42);
    CHECK(psa_get_key_lifetime(&attributes) == PSA_KEY_LIFETIME_PERSISTENT);

    // ... keeping a non-default location ...
    attributes = psa_key_attributes_init();
    psa_set_key_lifetime(&attributes, se_volatile);
    psa_set_key_id(&attributes, PSA_KEY_ID_USER_MAX);
    CHECK(psa_get_key_id(&attributes) == PSA_KEY_ID_USER_MAX);
    CHECK(psa_get_key_lifetime(&attributes) == 0x00000101);
    CHECK(PSA_KEY_LIFETIME_GET_LOCATION(psa_get_key_lifetime(&attributes)) ==
          PSA_KEY_LOCATION_PRIMARY_SECURE_ELEMENT);

    // ... and leaves a persistent lifetime alone.
    psa_set_key_lifetime(&attributes, se_read_only);
    psa_set_key_id(&attributes, 7);
    CHECK(psa_get_key_lifetime(&attributes) == se_read_only);
    CHECK(psa_get_key_id(&attributes) == 7);

    // psa_set_key_lifetime() to a persistent lifetime keeps the identifier;
    // to a volatile lifetime (any location) resets it.
    psa_set_key_lifetime(&attributes, PSA_KEY_LIFETIME_PERSISTENT);
    CHECK(psa_get_key_id(&attributes) == 7);
    psa_set_key_lifetime(&attributes, se_volatile);
    CHECK(psa_get_key_id(&attributes) == PSA_KEY_ID_NULL);
    CHECK(psa_get_key_lifetime(&attributes) == se_volatile);
    psa_set_key_id(&attributes, 8);
    psa_set_key_lifetime(&attributes, PSA_KEY_LIFETIME_VOLATILE);
    CHECK(psa_get_key_id(&attributes) == PSA_KEY_ID_NULL);

    // The other setters overwrite.
    psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_EXPORT);
    psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DECRYPT);
    CHECK(psa_get_key_usage_flags(&attributes) == PSA_KEY_USAGE_DECRYPT);
    psa_set_key_algorithm(&attributes, PSA_ALG_GCM);
    psa_set_key_algorithm(&attributes, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH));
    CHECK(psa_get_key_algorithm(&attributes) == 0x060006ff);
    psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
    psa_set_key_type(&attributes, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1));
    CHECK(psa_get_key_type(&attributes) == 0x7112);
    psa_set_key_bits(&attributes, 128);
    psa_set_key_bits(&attributes, 256);
    CHECK(psa_get_key_bits(&attributes) == 256);
    // The setters touch only their own attribute.
    CHECK(psa_get_key_id(&attributes) == PSA_KEY_ID_NULL);
    CHECK(psa_get_key_lifetime(&attributes) == PSA_KEY_LIFETIME_VOLATILE);
}

// ---- Operation objects ---------------------------------------------------------

static int all_zero(const void *object, size_t size) {
    const unsigned char *bytes = (const unsigned char *)object;
    size_t i;
    unsigned char accumulated = 0;
    for (i = 0; i < size; ++i) {
        accumulated |= bytes[i];
    }
    return accumulated == 0;
}

// The initializer macro, the init function and a static object all give an
// inactive operation with a zeroed driver context.
#define CHECK_OPERATION_INIT(type, init_macro, init_function)                \
    do {                                                                     \
        const type from_macro = init_macro;                                  \
        const type from_function = init_function();                          \
        static type from_static;                                             \
        CHECK(from_macro.driver_id == 0 && from_macro.alg == 0);             \
        CHECK(all_zero(from_macro.ctx.bytes, sizeof(from_macro.ctx)));       \
        CHECK(from_function.driver_id == 0 && from_function.alg == 0);       \
        CHECK(all_zero(from_function.ctx.bytes, sizeof(from_function.ctx))); \
        CHECK(from_static.driver_id == 0);                                   \
        CHECK(offsetof(type, ctx) % 8 == 0);                                 \
        CHECK(((uintptr_t)&from_static.ctx) % 8 == 0);                       \
    } while (0)

static void check_operations(void) {
    CHECK_OPERATION_INIT(psa_hash_operation_t, PSA_HASH_OPERATION_INIT,
                         psa_hash_operation_init);
    CHECK_OPERATION_INIT(psa_mac_operation_t, PSA_MAC_OPERATION_INIT,
                         psa_mac_operation_init);
    CHECK_OPERATION_INIT(psa_cipher_operation_t, PSA_CIPHER_OPERATION_INIT,
                         psa_cipher_operation_init);
    CHECK_OPERATION_INIT(psa_aead_operation_t, PSA_AEAD_OPERATION_INIT,
                         psa_aead_operation_init);
    CHECK_OPERATION_INIT(psa_key_derivation_operation_t,
                         PSA_KEY_DERIVATION_OPERATION_INIT,
                         psa_key_derivation_operation_init);
    CHECK_OPERATION_INIT(psa_pake_operation_t, PSA_PAKE_OPERATION_INIT,
                         psa_pake_operation_init);
    CHECK_OPERATION_INIT(psa_sign_hash_interruptible_operation_t,
                         PSA_SIGN_HASH_INTERRUPTIBLE_OPERATION_INIT,
                         psa_sign_hash_interruptible_operation_init);
    CHECK_OPERATION_INIT(psa_verify_hash_interruptible_operation_t,
                         PSA_VERIFY_HASH_INTERRUPTIBLE_OPERATION_INIT,
                         psa_verify_hash_interruptible_operation_init);

    {
        const psa_hash_operation_t hash = PSA_HASH_OPERATION_INIT;
        const psa_mac_operation_t mac = PSA_MAC_OPERATION_INIT;
        const psa_cipher_operation_t cipher = PSA_CIPHER_OPERATION_INIT;
        const psa_aead_operation_t aead = PSA_AEAD_OPERATION_INIT;
        const psa_key_derivation_operation_t kdf = PSA_KEY_DERIVATION_OPERATION_INIT;
        const psa_pake_operation_t pake = PSA_PAKE_OPERATION_INIT;
        CHECK(sizeof(hash.ctx) >= PSA_HASH_OPERATION_CONTEXT_SIZE);
        CHECK(sizeof(mac.ctx) >= PSA_MAC_OPERATION_CONTEXT_SIZE);
        CHECK(sizeof(cipher.ctx) >= PSA_CIPHER_OPERATION_CONTEXT_SIZE);
        CHECK(sizeof(aead.ctx) >= PSA_AEAD_OPERATION_CONTEXT_SIZE);
        CHECK(sizeof(kdf.ctx) >= PSA_KEY_DERIVATION_OPERATION_CONTEXT_SIZE);
        CHECK(sizeof(pake.ctx) >= PSA_PAKE_OPERATION_CONTEXT_SIZE);
        CHECK(mac.is_sign == 0 && mac.mac_length == 0);
        CHECK(cipher.iv_set == 0 && cipher.iv_required == 0);
        CHECK(aead.nonce_set == 0 && aead.lengths_set == 0);
        CHECK(kdf.capacity == 0 && kdf.state == 0 && kdf.core == NULL);
        CHECK(pake.role == PSA_PAKE_ROLE_NONE && pake.core_inputs == NULL);
    }
}

// ---- PAKE cipher suite ---------------------------------------------------------

static void check_pake_cipher_suite(void) {
    const psa_pake_cipher_suite_t from_macro = PSA_PAKE_CIPHER_SUITE_INIT;
    psa_pake_cipher_suite_t suite = psa_pake_cipher_suite_init();
    const psa_pake_primitive_t p256 =
        PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);

    CHECK(psa_pake_cs_get_algorithm(&from_macro) == PSA_ALG_NONE);
    CHECK(psa_pake_cs_get_primitive(&from_macro) == 0);
    CHECK(psa_pake_cs_get_key_confirmation(&from_macro) == PSA_PAKE_CONFIRMED_KEY);
    CHECK(psa_pake_cs_get_algorithm(&suite) == PSA_ALG_NONE);

    psa_pake_cs_set_algorithm(&suite, PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256));
    psa_pake_cs_set_primitive(&suite, p256);
    psa_pake_cs_set_key_confirmation(&suite, PSA_PAKE_UNCONFIRMED_KEY);
    CHECK(psa_pake_cs_get_algorithm(&suite) == 0x0a000409);
    CHECK(psa_pake_cs_get_primitive(&suite) == 0x01120100);
    CHECK(psa_pake_cs_get_key_confirmation(&suite) == PSA_PAKE_UNCONFIRMED_KEY);
    CHECK(PSA_PAKE_PRIMITIVE_GET_TYPE(psa_pake_cs_get_primitive(&suite)) ==
          PSA_PAKE_PRIMITIVE_TYPE_ECC);
    CHECK(PSA_PAKE_PRIMITIVE_GET_FAMILY(psa_pake_cs_get_primitive(&suite)) ==
          PSA_ECC_FAMILY_SECP_R1);
    CHECK(PSA_PAKE_PRIMITIVE_GET_BITS(psa_pake_cs_get_primitive(&suite)) == 256);
}

// ---- Implementation-defined constants --------------------------------------------

static void check_implementation_constants(void) {
    static const psa_key_derivation_step_t steps[] = {
        PSA_KEY_DERIVATION_INPUT_SECRET,   PSA_KEY_DERIVATION_INPUT_OTHER_SECRET,
        PSA_KEY_DERIVATION_INPUT_PASSWORD, PSA_KEY_DERIVATION_INPUT_LABEL,
        PSA_KEY_DERIVATION_INPUT_CONTEXT,  PSA_KEY_DERIVATION_INPUT_SALT,
        PSA_KEY_DERIVATION_INPUT_INFO,     PSA_KEY_DERIVATION_INPUT_SEED,
        PSA_KEY_DERIVATION_INPUT_COST};
    size_t i, j;
    int distinct = 1;
    for (i = 0; i < sizeof(steps) / sizeof(steps[0]); ++i) {
        CHECK(steps[i] != 0);
        for (j = i + 1; j < sizeof(steps) / sizeof(steps[0]); ++j) {
            distinct &= steps[i] != steps[j];
        }
    }
    CHECK(distinct);
    CHECK(sizeof(psa_key_derivation_step_t) == 2);
    CHECK(PSA_KEY_DERIVATION_UNLIMITED_CAPACITY == SIZE_MAX);
    CHECK(PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE >= 64);
    CHECK(PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED == UINT32_MAX);

    // Driver interface.
    CHECK(sizeof(psa_driver_get_entropy_flags_t) == 4);
    CHECK(PSA_DRIVER_GET_ENTROPY_NONBLOCK == 0x1);
    CHECK(PSA_DRIVER_GET_ENTROPY_KEEPALIVE == 0x2);
}

int main(void) {
    check_constant_expressions();
    check_key_attributes();
    check_operations();
    check_pake_cipher_suite();
    check_implementation_constants();
    printf("PSA Crypto API headers from C99\n");
    printf("%lu passed, %lu failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
