// The public headers used from C++17: constants and macros in constant
// expressions, the layout guarantees of the objects applications allocate,
// the key attribute accessors, and the object initializers.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "gtest/gtest.h"
#include "psa/crypto.h"
#include "psa/crypto_driver_common.h"

#if !defined(PSA_CRYPTO_DRIVERS_IMPLEMENTATION)
#error "psa/crypto.h is not this implementation's header"
#endif
#if defined(PSA_CRYPTO_H)
#error "Mbed TLS's psa/crypto.h (guard PSA_CRYPTO_H) was included"
#endif

namespace {

// ---- Constant expressions --------------------------------------------------------

constexpr psa_algorithm_t kHmacSha256 = PSA_ALG_HMAC(PSA_ALG_SHA_256);
static_assert(kHmacSha256 == 0x03800009, "PSA_ALG_HMAC");
static_assert(PSA_HASH_LENGTH(kHmacSha256) == 32, "PSA_HASH_LENGTH of HMAC");
static_assert(PSA_ALG_IS_HMAC(kHmacSha256) && PSA_ALG_IS_MAC(kHmacSha256),
              "HMAC classification");
static_assert(PSA_ALG_GET_HASH(kHmacSha256) == PSA_ALG_SHA_256, "PSA_ALG_GET_HASH");
static_assert(PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 256,
                             PSA_ALG_TRUNCATED_MAC(kHmacSha256, 16)) == 16,
              "truncated MAC length");
static_assert(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1) == 0x7112, "ECC pair");
static_assert(PSA_KEY_TYPE_IS_ECC_KEY_PAIR(0x7112) &&
                  !PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(0x7112),
              "ECC classification");
static_assert(PSA_KEY_LIFETIME_IS_VOLATILE(PSA_KEY_LIFETIME_VOLATILE), "volatile");
static_assert(PSA_AEAD_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_GCM, 100) == 116,
              "GCM output");
static_assert(PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256,
                                   PSA_ALG_ECDSA(PSA_ALG_SHA_256)) == 64,
              "ECDSA P-256 signature");
static_assert(PSA_EXPORT_KEY_PAIR_MAX_SIZE >= PSA_EXPORT_PUBLIC_KEY_MAX_SIZE,
              "a key pair export holds its public key");

// Types of the API are the integer types the specification gives them.
static_assert(std::is_same<psa_status_t, int32_t>::value, "psa_status_t");
static_assert(std::is_same<psa_key_id_t, uint32_t>::value, "psa_key_id_t");
static_assert(std::is_same<psa_key_type_t, uint16_t>::value, "psa_key_type_t");
static_assert(std::is_same<psa_ecc_family_t, uint8_t>::value, "psa_ecc_family_t");
static_assert(std::is_same<psa_dh_family_t, uint8_t>::value, "psa_dh_family_t");
static_assert(std::is_same<psa_algorithm_t, uint32_t>::value, "psa_algorithm_t");
static_assert(std::is_same<psa_key_lifetime_t, uint32_t>::value, "psa_key_lifetime_t");
static_assert(std::is_same<psa_key_persistence_t, uint8_t>::value,
              "psa_key_persistence_t");
static_assert(std::is_same<psa_key_location_t, uint32_t>::value, "psa_key_location_t");
static_assert(std::is_same<psa_key_usage_t, uint32_t>::value, "psa_key_usage_t");
static_assert(std::is_same<psa_key_derivation_step_t, uint16_t>::value,
              "psa_key_derivation_step_t");
static_assert(std::is_same<psa_pake_primitive_t, uint32_t>::value,
              "psa_pake_primitive_t");
static_assert(std::is_same<psa_pake_primitive_type_t, uint8_t>::value,
              "psa_pake_primitive_type_t");
static_assert(std::is_same<psa_pake_family_t, uint8_t>::value, "psa_pake_family_t");
static_assert(std::is_same<psa_pake_role_t, uint8_t>::value, "psa_pake_role_t");
static_assert(std::is_same<psa_pake_step_t, uint8_t>::value, "psa_pake_step_t");
static_assert(std::is_same<psa_driver_get_entropy_flags_t, uint32_t>::value,
              "psa_driver_get_entropy_flags_t");

// ---- Functions beyond the 1.2 reference header --------------------------------------
// (reference_names_*_test checks the 88 functions of the reference header.)

// Unevaluated: names the function without needing its definition.
#define EXPECT_FUNCTION_TYPE(function, type) \
    static_assert(std::is_same<decltype(&function), type>::value, #function)

// The 1.2 PAKE extension.
EXPECT_FUNCTION_TYPE(psa_pake_setup, psa_status_t (*)(psa_pake_operation_t*, psa_key_id_t,
                                                      const psa_pake_cipher_suite_t*));
EXPECT_FUNCTION_TYPE(psa_pake_set_role,
                     psa_status_t (*)(psa_pake_operation_t*, psa_pake_role_t));
EXPECT_FUNCTION_TYPE(psa_pake_set_user,
                     psa_status_t (*)(psa_pake_operation_t*, const uint8_t*, size_t));
EXPECT_FUNCTION_TYPE(psa_pake_set_peer,
                     psa_status_t (*)(psa_pake_operation_t*, const uint8_t*, size_t));
EXPECT_FUNCTION_TYPE(psa_pake_set_context,
                     psa_status_t (*)(psa_pake_operation_t*, const uint8_t*, size_t));
EXPECT_FUNCTION_TYPE(psa_pake_output,
                     psa_status_t (*)(psa_pake_operation_t*, psa_pake_step_t, uint8_t*,
                                      size_t, size_t*));
EXPECT_FUNCTION_TYPE(psa_pake_input,
                     psa_status_t (*)(psa_pake_operation_t*, psa_pake_step_t,
                                      const uint8_t*, size_t));
EXPECT_FUNCTION_TYPE(psa_pake_get_shared_key,
                     psa_status_t (*)(psa_pake_operation_t*, const psa_key_attributes_t*,
                                      psa_key_id_t*));
EXPECT_FUNCTION_TYPE(psa_pake_abort, psa_status_t (*)(psa_pake_operation_t*));
EXPECT_FUNCTION_TYPE(psa_pake_operation_init, psa_pake_operation_t (*)(void));
EXPECT_FUNCTION_TYPE(psa_pake_cipher_suite_init, psa_pake_cipher_suite_t (*)(void));
EXPECT_FUNCTION_TYPE(psa_pake_cs_get_algorithm,
                     psa_algorithm_t (*)(const psa_pake_cipher_suite_t*));
EXPECT_FUNCTION_TYPE(psa_pake_cs_set_algorithm,
                     void (*)(psa_pake_cipher_suite_t*, psa_algorithm_t));
EXPECT_FUNCTION_TYPE(psa_pake_cs_get_primitive,
                     psa_pake_primitive_t (*)(const psa_pake_cipher_suite_t*));
EXPECT_FUNCTION_TYPE(psa_pake_cs_set_primitive,
                     void (*)(psa_pake_cipher_suite_t*, psa_pake_primitive_t));
EXPECT_FUNCTION_TYPE(psa_pake_cs_get_key_confirmation,
                     uint32_t (*)(const psa_pake_cipher_suite_t*));
EXPECT_FUNCTION_TYPE(psa_pake_cs_set_key_confirmation,
                     void (*)(psa_pake_cipher_suite_t*, uint32_t));

// The interruptible hash-signature extension.
EXPECT_FUNCTION_TYPE(psa_interruptible_set_max_ops, void (*)(uint32_t));
EXPECT_FUNCTION_TYPE(psa_interruptible_get_max_ops, uint32_t (*)(void));
EXPECT_FUNCTION_TYPE(psa_sign_hash_get_num_ops,
                     uint32_t (*)(const psa_sign_hash_interruptible_operation_t*));
EXPECT_FUNCTION_TYPE(psa_verify_hash_get_num_ops,
                     uint32_t (*)(const psa_verify_hash_interruptible_operation_t*));
EXPECT_FUNCTION_TYPE(psa_sign_hash_start,
                     psa_status_t (*)(psa_sign_hash_interruptible_operation_t*,
                                      psa_key_id_t, psa_algorithm_t, const uint8_t*,
                                      size_t));
EXPECT_FUNCTION_TYPE(psa_sign_hash_complete,
                     psa_status_t (*)(psa_sign_hash_interruptible_operation_t*, uint8_t*,
                                      size_t, size_t*));
EXPECT_FUNCTION_TYPE(psa_sign_hash_abort,
                     psa_status_t (*)(psa_sign_hash_interruptible_operation_t*));
EXPECT_FUNCTION_TYPE(psa_verify_hash_start,
                     psa_status_t (*)(psa_verify_hash_interruptible_operation_t*,
                                      psa_key_id_t, psa_algorithm_t, const uint8_t*,
                                      size_t, const uint8_t*, size_t));
EXPECT_FUNCTION_TYPE(psa_verify_hash_complete,
                     psa_status_t (*)(psa_verify_hash_interruptible_operation_t*));
EXPECT_FUNCTION_TYPE(psa_verify_hash_abort,
                     psa_status_t (*)(psa_verify_hash_interruptible_operation_t*));
EXPECT_FUNCTION_TYPE(psa_sign_hash_interruptible_operation_init,
                     psa_sign_hash_interruptible_operation_t (*)(void));
EXPECT_FUNCTION_TYPE(psa_verify_hash_interruptible_operation_init,
                     psa_verify_hash_interruptible_operation_t (*)(void));

// ---- Layout of the objects applications allocate ----------------------------------

// The operation objects are plain C structs that the application may place
// anywhere (stack, static, heap): standard layout, trivially copyable, with
// driver storage aligned for 64-bit integers and pointers.
template <typename Operation>
constexpr bool HasPlainLayout() {
    return std::is_standard_layout<Operation>::value &&
           std::is_trivially_copyable<Operation>::value && alignof(Operation) >= 8 &&
           offsetof(Operation, ctx) % 8 == 0;
}
static_assert(HasPlainLayout<psa_hash_operation_t>(), "hash operation");
static_assert(HasPlainLayout<psa_mac_operation_t>(), "MAC operation");
static_assert(HasPlainLayout<psa_cipher_operation_t>(), "cipher operation");
static_assert(HasPlainLayout<psa_aead_operation_t>(), "AEAD operation");
static_assert(HasPlainLayout<psa_key_derivation_operation_t>(), "KDF operation");
static_assert(HasPlainLayout<psa_pake_operation_t>(), "PAKE operation");
static_assert(HasPlainLayout<psa_sign_hash_interruptible_operation_t>(),
              "interruptible sign operation");
static_assert(HasPlainLayout<psa_verify_hash_interruptible_operation_t>(),
              "interruptible verify operation");
static_assert(std::is_standard_layout<psa_key_attributes_t>::value &&
                  std::is_trivially_copyable<psa_key_attributes_t>::value,
              "key attributes");

// The driver storage has the size the core and the generated dispatch use.
static_assert(sizeof(psa_hash_operation_t::ctx) == PSA_HASH_OPERATION_CONTEXT_SIZE, "");
static_assert(sizeof(psa_mac_operation_t::ctx) == PSA_MAC_OPERATION_CONTEXT_SIZE, "");
static_assert(sizeof(psa_cipher_operation_t::ctx) == PSA_CIPHER_OPERATION_CONTEXT_SIZE,
              "");
static_assert(sizeof(psa_aead_operation_t::ctx) == PSA_AEAD_OPERATION_CONTEXT_SIZE, "");
static_assert(sizeof(psa_key_derivation_operation_t::ctx) ==
                  PSA_KEY_DERIVATION_OPERATION_CONTEXT_SIZE,
              "");
static_assert(sizeof(psa_pake_operation_t::ctx) == PSA_PAKE_OPERATION_CONTEXT_SIZE, "");
static_assert(sizeof(psa_sign_hash_interruptible_operation_t::ctx) ==
                  PSA_SIGN_HASH_INTERRUPTIBLE_OPERATION_CONTEXT_SIZE,
              "");
static_assert(sizeof(psa_verify_hash_interruptible_operation_t::ctx) ==
                  PSA_VERIFY_HASH_INTERRUPTIBLE_OPERATION_CONTEXT_SIZE,
              "");
static_assert(PSA_HASH_OPERATION_CONTEXT_SIZE == 512 &&
                  PSA_MAC_OPERATION_CONTEXT_SIZE == 512 &&
                  PSA_CIPHER_OPERATION_CONTEXT_SIZE == 512 &&
                  PSA_AEAD_OPERATION_CONTEXT_SIZE == 768 &&
                  PSA_KEY_DERIVATION_OPERATION_CONTEXT_SIZE == 1024 &&
                  PSA_PAKE_OPERATION_CONTEXT_SIZE == 2048 &&
                  PSA_SIGN_HASH_INTERRUPTIBLE_OPERATION_CONTEXT_SIZE == 1024 &&
                  PSA_VERIFY_HASH_INTERRUPTIBLE_OPERATION_CONTEXT_SIZE == 1024,
              "context sizes agreed with the core and the dispatch generator");

// ---- Object initializers
// -----------------------------------------------------------------

template <typename Operation>
bool IsInactiveAndZeroed(const Operation& operation) {
    unsigned char zero[sizeof(operation.ctx)] = {};
    return operation.driver_id == 0 && operation.alg == PSA_ALG_NONE &&
           std::memcmp(operation.ctx.bytes, zero, sizeof(zero)) == 0;
}

template <typename Operation>
void ExpectInitializersAgree(const Operation& from_macro, Operation (*init)(void)) {
    const Operation from_function = init();
    const Operation value_initialized{};
    EXPECT_TRUE(IsInactiveAndZeroed(from_macro));
    EXPECT_TRUE(IsInactiveAndZeroed(from_function));
    EXPECT_TRUE(IsInactiveAndZeroed(value_initialized));
}

TEST(OperationInit, MacroFunctionAndValueInitializationAgree) {
    ExpectInitializersAgree<psa_hash_operation_t>(PSA_HASH_OPERATION_INIT,
                                                  psa_hash_operation_init);
    ExpectInitializersAgree<psa_mac_operation_t>(PSA_MAC_OPERATION_INIT,
                                                 psa_mac_operation_init);
    ExpectInitializersAgree<psa_cipher_operation_t>(PSA_CIPHER_OPERATION_INIT,
                                                    psa_cipher_operation_init);
    ExpectInitializersAgree<psa_aead_operation_t>(PSA_AEAD_OPERATION_INIT,
                                                  psa_aead_operation_init);
    ExpectInitializersAgree<psa_key_derivation_operation_t>(
        PSA_KEY_DERIVATION_OPERATION_INIT, psa_key_derivation_operation_init);
    ExpectInitializersAgree<psa_pake_operation_t>(PSA_PAKE_OPERATION_INIT,
                                                  psa_pake_operation_init);
    ExpectInitializersAgree<psa_sign_hash_interruptible_operation_t>(
        PSA_SIGN_HASH_INTERRUPTIBLE_OPERATION_INIT,
        psa_sign_hash_interruptible_operation_init);
    ExpectInitializersAgree<psa_verify_hash_interruptible_operation_t>(
        PSA_VERIFY_HASH_INTERRUPTIBLE_OPERATION_INIT,
        psa_verify_hash_interruptible_operation_init);
}

TEST(OperationInit, CoreFieldsStartCleared) {
    const psa_aead_operation_t aead = PSA_AEAD_OPERATION_INIT;
    EXPECT_EQ(aead.key_type, PSA_KEY_TYPE_NONE);
    EXPECT_EQ(aead.nonce_set | aead.lengths_set | aead.ad_started | aead.body_started, 0);
    EXPECT_EQ(aead.ad_remaining + aead.body_remaining, 0u);
    const psa_key_derivation_operation_t kdf = PSA_KEY_DERIVATION_OPERATION_INIT;
    EXPECT_EQ(kdf.capacity, 0u);
    EXPECT_EQ(kdf.state | kdf.output_started, 0);
    EXPECT_EQ(kdf.core, nullptr);
    const psa_pake_operation_t pake = PSA_PAKE_OPERATION_INIT;
    EXPECT_EQ(pake.key_id, PSA_KEY_ID_NULL);
    EXPECT_EQ(pake.role, PSA_PAKE_ROLE_NONE);
    EXPECT_EQ(pake.core_inputs, nullptr);
    const psa_sign_hash_interruptible_operation_t sign =
        PSA_SIGN_HASH_INTERRUPTIBLE_OPERATION_INIT;
    EXPECT_EQ(sign.num_ops, 0u);
}

// ---- Key attributes
// ---------------------------------------------------------------------------

void ExpectFresh(const psa_key_attributes_t& attributes) {
    EXPECT_EQ(psa_get_key_type(&attributes), PSA_KEY_TYPE_NONE);
    EXPECT_EQ(psa_get_key_bits(&attributes), 0u);
    EXPECT_EQ(psa_get_key_lifetime(&attributes), PSA_KEY_LIFETIME_VOLATILE);
    EXPECT_EQ(psa_get_key_id(&attributes), PSA_KEY_ID_NULL);
    EXPECT_EQ(psa_get_key_usage_flags(&attributes), 0u);
    EXPECT_EQ(psa_get_key_algorithm(&attributes), PSA_ALG_NONE);
}

TEST(KeyAttributes, EveryInitializationIsFresh) {
    const psa_key_attributes_t from_macro = PSA_KEY_ATTRIBUTES_INIT;
    ExpectFresh(from_macro);
    ExpectFresh(psa_key_attributes_init());
    const psa_key_attributes_t value_initialized{};
    ExpectFresh(value_initialized);
    psa_key_attributes_t zeroed;
    std::memset(&zeroed, 0, sizeof(zeroed));
    ExpectFresh(zeroed);
}

TEST(KeyAttributes, SetKeyIdMakesVolatileKeysPersistentInTheirLocation) {
    constexpr psa_key_location_t kLocation = 0x800001;
    psa_key_attributes_t attributes = psa_key_attributes_init();
    psa_set_key_lifetime(&attributes, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                          PSA_KEY_PERSISTENCE_VOLATILE, kLocation));
    psa_set_key_id(&attributes, 0x1234);
    EXPECT_EQ(psa_get_key_id(&attributes), 0x1234u);
    EXPECT_EQ(PSA_KEY_LIFETIME_GET_PERSISTENCE(psa_get_key_lifetime(&attributes)),
              PSA_KEY_PERSISTENCE_DEFAULT);
    EXPECT_EQ(PSA_KEY_LIFETIME_GET_LOCATION(psa_get_key_lifetime(&attributes)),
              kLocation);

    // A persistent lifetime is kept as it is.
    const psa_key_lifetime_t kPersistent =
        PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(0x80, kLocation);
    psa_set_key_lifetime(&attributes, kPersistent);
    psa_set_key_id(&attributes, 99);
    EXPECT_EQ(psa_get_key_lifetime(&attributes), kPersistent);
    EXPECT_EQ(psa_get_key_id(&attributes), 99u);
}

TEST(KeyAttributes, VolatileLifetimeClearsTheKeyId) {
    psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
    psa_set_key_id(&attributes, 5);
    ASSERT_EQ(psa_get_key_lifetime(&attributes), PSA_KEY_LIFETIME_PERSISTENT);
    psa_set_key_lifetime(&attributes, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                          PSA_KEY_PERSISTENCE_READ_ONLY, 0));
    EXPECT_EQ(psa_get_key_id(&attributes), 5u);
    psa_set_key_lifetime(&attributes, PSA_KEY_LIFETIME_VOLATILE);
    EXPECT_EQ(psa_get_key_id(&attributes), PSA_KEY_ID_NULL);
    EXPECT_EQ(psa_get_key_lifetime(&attributes), PSA_KEY_LIFETIME_VOLATILE);
}

TEST(KeyAttributes, PolicyTypeAndSizeSettersOverwrite) {
    psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
    psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY);
    psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_SIGN_HASH);
    EXPECT_EQ(psa_get_key_usage_flags(&attributes), PSA_KEY_USAGE_SIGN_HASH);
    psa_set_key_algorithm(&attributes, PSA_ALG_CMAC);
    psa_set_key_algorithm(&attributes, PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH));
    EXPECT_EQ(psa_get_key_algorithm(&attributes), 0x060003ffu);
    psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
    psa_set_key_type(&attributes, PSA_KEY_TYPE_RSA_KEY_PAIR);
    EXPECT_EQ(psa_get_key_type(&attributes), 0x7001u);
    psa_set_key_bits(&attributes, 128);
    psa_set_key_bits(&attributes, 3072);
    EXPECT_EQ(psa_get_key_bits(&attributes), 3072u);
    EXPECT_EQ(psa_get_key_lifetime(&attributes), PSA_KEY_LIFETIME_VOLATILE);
    EXPECT_EQ(psa_get_key_id(&attributes), PSA_KEY_ID_NULL);
}

TEST(PakeCipherSuite, AccessorsRoundTrip) {
    psa_pake_cipher_suite_t suite = PSA_PAKE_CIPHER_SUITE_INIT;
    EXPECT_EQ(psa_pake_cs_get_algorithm(&suite), PSA_ALG_NONE);
    EXPECT_EQ(psa_pake_cs_get_primitive(&suite), 0u);
    EXPECT_EQ(psa_pake_cs_get_key_confirmation(&suite),
              static_cast<uint32_t>(PSA_PAKE_CONFIRMED_KEY));
    psa_pake_cs_set_algorithm(&suite, PSA_ALG_JPAKE(PSA_ALG_SHA_256));
    psa_pake_cs_set_primitive(&suite, PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC,
                                                         PSA_ECC_FAMILY_SECP_R1, 256));
    psa_pake_cs_set_key_confirmation(&suite, PSA_PAKE_UNCONFIRMED_KEY);
    EXPECT_EQ(psa_pake_cs_get_algorithm(&suite), 0x0a000109u);
    EXPECT_EQ(psa_pake_cs_get_primitive(&suite), 0x01120100u);
    EXPECT_EQ(psa_pake_cs_get_key_confirmation(&suite),
              static_cast<uint32_t>(PSA_PAKE_UNCONFIRMED_KEY));
    const psa_pake_cipher_suite_t fresh = psa_pake_cipher_suite_init();
    EXPECT_EQ(psa_pake_cs_get_algorithm(&fresh), PSA_ALG_NONE);
}

// ---- Macros in run-time contexts (arguments that are not constants) ------------------

TEST(RuntimeArguments, MacrosAgreeWithTheirConstantResults) {
    // volatile keeps the compiler from folding the arguments.
    volatile psa_algorithm_t hash = PSA_ALG_SHA_384;
    volatile psa_ecc_family_t family = PSA_ECC_FAMILY_BRAINPOOL_P_R1;
    volatile size_t length = 33;
    EXPECT_EQ(PSA_ALG_HMAC(hash), PSA_ALG_HMAC(PSA_ALG_SHA_384));
    EXPECT_EQ(PSA_HASH_LENGTH(PSA_ALG_HMAC(hash)), 48u);
    EXPECT_EQ(PSA_KEY_TYPE_ECC_PUBLIC_KEY(family), 0x4130u);
    EXPECT_EQ(PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, length),
              16u + 48u);
    EXPECT_EQ(PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, length), 0x03e10200u);
}

}  // namespace
