// Buffer-size macros of the PSA Crypto API 1.2.
//
// Each PSA_xxx_SIZE(...) macro gives a buffer size, in bytes, with which the
// corresponding function cannot fail with PSA_ERROR_BUFFER_TOO_SMALL; the
// PSA_xxx_MAX_SIZE macros give a size that is sufficient for every algorithm
// and key this implementation can support. They are computed from the key
// type, key size and algorithm alone and do not depend on which drivers a
// build selects: the *_MAX_SIZE bounds come from the PSA_VENDOR_xxx limits
// below. For parameters that are not valid or not recognized, the macros
// return 0 (the specification leaves that value unspecified).
//
// The macros evaluate their parameters several times; pass expressions
// without side effects.

#ifndef PSA_CRYPTO_SIZES_H_
#define PSA_CRYPTO_SIZES_H_

#include <stddef.h>
#include <stdint.h>

#include "crypto_platform.h"
#include "crypto_types.h"
#include "crypto_values.h"

// ============================================================================
// Implementation limits and helpers
// ============================================================================

// Largest RSA modulus, elliptic curve and finite-field group, in bits, that
// any build of this implementation accepts; they bound the *_MAX_SIZE macros.
// The ECC and FFDH limits are the largest the specification defines
// (sect571k1/sect571r1, ffdhe8192); the core rejects larger RSA keys.
#define PSA_VENDOR_RSA_MAX_KEY_BITS 4096
#define PSA_VENDOR_ECC_MAX_CURVE_BITS 571
#define PSA_VENDOR_FFDH_MAX_KEY_BITS 8192

// Number of bytes needed to hold `bits` bits.
#define PSA_BITS_TO_BYTES(bits) (((bits) + 7u) / 8u)

// Number of bits in `bytes` bytes.
#define PSA_BYTES_TO_BITS(bytes) ((bytes) * 8u)

// `length` rounded up to a multiple of `block_size` (which must not be 0).
#define PSA_ROUND_UP_TO_MULTIPLE(block_size, length) \
    (((length) + (block_size) - 1u) / (block_size) * (block_size))

// Private helpers.
#define PSA_MAX_OF_(a, b) ((a) > (b) ? (a) : (b))
#define PSA_SATURATING_SUB_(a, b) ((a) > (b) ? (a) - (b) : 0u)

// ============================================================================
// Hash
// ============================================================================

// Private: the digest length of the hash algorithm `hash`, 0 if unknown.
#define PSA_HASH_LENGTH_OF_HASH_(hash)           \
    ((hash) == PSA_ALG_MD2            ? 16u      \
     : (hash) == PSA_ALG_MD4          ? 16u      \
     : (hash) == PSA_ALG_MD5          ? 16u      \
     : (hash) == PSA_ALG_RIPEMD160    ? 20u      \
     : (hash) == PSA_ALG_SHA_1        ? 20u      \
     : (hash) == PSA_ALG_AES_MMO_ZIGBEE ? 16u    \
     : (hash) == PSA_ALG_SHA_224      ? 28u      \
     : (hash) == PSA_ALG_SHA_256      ? 32u      \
     : (hash) == PSA_ALG_SHA_384      ? 48u      \
     : (hash) == PSA_ALG_SHA_512      ? 64u      \
     : (hash) == PSA_ALG_SHA_512_224  ? 28u      \
     : (hash) == PSA_ALG_SHA_512_256  ? 32u      \
     : (hash) == PSA_ALG_SHA3_224     ? 28u      \
     : (hash) == PSA_ALG_SHA3_256     ? 32u      \
     : (hash) == PSA_ALG_SHA3_384     ? 48u      \
     : (hash) == PSA_ALG_SHA3_512     ? 64u      \
     : (hash) == PSA_ALG_SM3          ? 32u      \
     : (hash) == PSA_ALG_SHAKE256_512 ? 64u      \
                                      : 0u)

// Output length of psa_hash_compute() and psa_hash_finish() for the hash
// `alg`, or of the MAC for the HMAC algorithm `alg` (untruncated); 0 for any
// other value.
#define PSA_HASH_LENGTH(alg)                                       \
    (PSA_ALG_IS_HMAC(alg)                                          \
         ? PSA_HASH_LENGTH_OF_HASH_(PSA_ALG_GET_HASH(alg))         \
         : PSA_HASH_LENGTH_OF_HASH_(alg))

// Largest PSA_HASH_LENGTH() (SHA-512, SHA3-512, SHAKE256-512).
#define PSA_HASH_MAX_SIZE 64

// Input block size of the hash `alg`, in bytes; 0 for any other value.
#define PSA_HASH_BLOCK_LENGTH(alg)               \
    ((alg) == PSA_ALG_MD2              ? 16u     \
     : (alg) == PSA_ALG_MD4            ? 64u     \
     : (alg) == PSA_ALG_MD5            ? 64u     \
     : (alg) == PSA_ALG_RIPEMD160      ? 64u     \
     : (alg) == PSA_ALG_SHA_1          ? 64u     \
     : (alg) == PSA_ALG_AES_MMO_ZIGBEE ? 16u     \
     : (alg) == PSA_ALG_SHA_224        ? 64u     \
     : (alg) == PSA_ALG_SHA_256        ? 64u     \
     : (alg) == PSA_ALG_SHA_384        ? 128u    \
     : (alg) == PSA_ALG_SHA_512        ? 128u    \
     : (alg) == PSA_ALG_SHA_512_224    ? 128u    \
     : (alg) == PSA_ALG_SHA_512_256    ? 128u    \
     : (alg) == PSA_ALG_SHA3_224       ? 144u    \
     : (alg) == PSA_ALG_SHA3_256       ? 136u    \
     : (alg) == PSA_ALG_SHA3_384       ? 104u    \
     : (alg) == PSA_ALG_SHA3_512       ? 72u     \
     : (alg) == PSA_ALG_SM3            ? 64u     \
     : (alg) == PSA_ALG_SHAKE256_512   ? 136u    \
                                       : 0u)

// Hash suspend state = algorithm (4 bytes, big-endian) || input length ||
// hash state || unprocessed input (less than one block). Suspend is defined
// for MD2, MD4, MD5, RIPEMD-160, SHA-1 and the SHA-2 family only.

// Size of the algorithm field of a hash suspend state.
#define PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH ((size_t)4)

// Size of the input-length field of the suspend state of `alg`; 0 if `alg`
// has no defined suspend state.
#define PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(alg)                   \
    ((alg) == PSA_ALG_MD2 ? 1u                                            \
     : ((alg) == PSA_ALG_MD4 || (alg) == PSA_ALG_MD5 ||                   \
        (alg) == PSA_ALG_RIPEMD160 || (alg) == PSA_ALG_SHA_1 ||           \
        (alg) == PSA_ALG_SHA_224 || (alg) == PSA_ALG_SHA_256)             \
         ? 8u                                                             \
     : ((alg) == PSA_ALG_SHA_384 || (alg) == PSA_ALG_SHA_512 ||           \
        (alg) == PSA_ALG_SHA_512_224 || (alg) == PSA_ALG_SHA_512_256)     \
         ? 16u                                                            \
         : 0u)

// Size of the hash-state field of the suspend state of `alg`; 0 if `alg`
// has no defined suspend state.
#define PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg)                     \
    ((alg) == PSA_ALG_MD2 ? 64u                                           \
     : ((alg) == PSA_ALG_MD4 || (alg) == PSA_ALG_MD5) ? 16u               \
     : ((alg) == PSA_ALG_RIPEMD160 || (alg) == PSA_ALG_SHA_1) ? 20u       \
     : ((alg) == PSA_ALG_SHA_224 || (alg) == PSA_ALG_SHA_256) ? 32u       \
     : ((alg) == PSA_ALG_SHA_384 || (alg) == PSA_ALG_SHA_512 ||           \
        (alg) == PSA_ALG_SHA_512_224 || (alg) == PSA_ALG_SHA_512_256)     \
         ? 64u                                                            \
         : 0u)

// Sufficient buffer for psa_hash_suspend() with `alg`; 0 if `alg` has no
// defined suspend state.
#define PSA_HASH_SUSPEND_OUTPUT_SIZE(alg)                          \
    (PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg) == 0            \
         ? (size_t)0                                               \
         : PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH +               \
               PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(alg) +   \
               PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg) +     \
               PSA_HASH_BLOCK_LENGTH(alg) - 1u)

// Largest PSA_HASH_SUSPEND_OUTPUT_SIZE() (the SHA-512 family:
// 4 + 16 + 64 + 127).
#define PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE 211

// ============================================================================
// MAC
// ============================================================================

// Block size of the block cipher of the key type `type`, in bytes: 1 for a
// stream cipher, 0 if `type` is not a symmetric key type.
#define PSA_BLOCK_CIPHER_BLOCK_LENGTH(type) \
    (((type) & 0x7000) == 0x2000 ? 1u << (((type) >> 8) & 7) : 0u)

// Largest PSA_BLOCK_CIPHER_BLOCK_LENGTH() (AES, ARIA, Camellia, SM4).
#define PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE 16

// Length of the MAC that `alg` computes with a key of type `key_type`: the
// truncated length if `alg` is truncated, the hash length for HMAC, the
// cipher block size for CBC-MAC and CMAC; 0 if `alg` is not a MAC. The key
// size does not matter for the MACs of this specification.
#define PSA_MAC_LENGTH(key_type, key_bits, alg)                          \
    (!PSA_ALG_IS_MAC(alg) ? 0u                                           \
     : ((alg) & PSA_ALG_LENGTH_MASK_) != 0                               \
         ? ((alg) & PSA_ALG_LENGTH_MASK_) >> PSA_ALG_LENGTH_SHIFT_       \
     : PSA_ALG_IS_HMAC(alg) ? PSA_HASH_LENGTH(alg)                       \
     : PSA_ALG_IS_BLOCK_CIPHER_MAC(alg)                                  \
         ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type)                       \
         : 0u)

// Largest PSA_MAC_LENGTH(): a MAC is never longer than the largest hash or
// the largest cipher block.
#define PSA_MAC_MAX_SIZE 64

// ============================================================================
// Unauthenticated ciphers
// ============================================================================

// Private: 1 if `alg` is a cipher and `key_type` a symmetric key type.
#define PSA_CIPHER_KEY_AND_ALG_ARE_CIPHER_(key_type, alg) \
    (PSA_ALG_IS_CIPHER(alg) && PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) != 0)

// Private: 1 if `alg` is a block-cipher mode whose IV is one block.
#define PSA_CIPHER_HAS_BLOCK_IV_(alg)                                      \
    ((alg) == PSA_ALG_CTR || (alg) == PSA_ALG_CFB || (alg) == PSA_ALG_OFB || \
     (alg) == PSA_ALG_XTS || (alg) == PSA_ALG_CBC_NO_PADDING ||            \
     (alg) == PSA_ALG_CBC_PKCS7)

// Private: 1 if `alg` is a block-cipher mode that outputs whole blocks only
// and may hold back input between calls of a multi-part operation.
#define PSA_CIPHER_IS_BLOCK_BUFFERED_(alg)                                 \
    ((alg) == PSA_ALG_ECB_NO_PADDING || (alg) == PSA_ALG_CBC_NO_PADDING || \
     (alg) == PSA_ALG_CBC_PKCS7 || (alg) == PSA_ALG_XTS)

// Default IV length of the cipher `alg` with a key of type `key_type`: the
// block size for CBC, CFB, CTR, OFB and XTS, 13 for CCM*, 12 for ChaCha20,
// 24 for XChaCha20; 0 for modes without IV (ECB) and invalid combinations.
#define PSA_CIPHER_IV_LENGTH(key_type, alg)                                  \
    ((PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) > 1 &&                         \
      PSA_CIPHER_HAS_BLOCK_IV_(alg))                                         \
         ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type)                           \
     : ((alg) == PSA_ALG_CCM_STAR_NO_TAG &&                                  \
        PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) == 16)                       \
         ? 13u                                                               \
     : ((key_type) == PSA_KEY_TYPE_CHACHA20 && (alg) == PSA_ALG_STREAM_CIPHER) \
         ? 12u                                                               \
     : ((key_type) == PSA_KEY_TYPE_XCHACHA20 &&                              \
        (alg) == PSA_ALG_STREAM_CIPHER)                                      \
         ? 24u                                                               \
         : 0u)

// Largest PSA_CIPHER_IV_LENGTH() (XChaCha20).
#define PSA_CIPHER_IV_MAX_SIZE 24

// Sufficient output buffer for psa_cipher_encrypt(): the IV followed by the
// ciphertext, padded to a whole number of blocks (plus one whole block when
// the input is already aligned) for CBC-PKCS#7.
#define PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(key_type, alg, input_length)          \
    (!PSA_CIPHER_KEY_AND_ALG_ARE_CIPHER_(key_type, alg) ? 0u                 \
     : (alg) == PSA_ALG_CBC_PKCS7                                            \
         ? PSA_CIPHER_IV_LENGTH(key_type, alg) +                             \
               PSA_ROUND_UP_TO_MULTIPLE(                                     \
                   PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type), (input_length) + 1u) \
         : PSA_CIPHER_IV_LENGTH(key_type, alg) + (input_length))

// PSA_CIPHER_ENCRYPT_OUTPUT_SIZE() for every supported key type and cipher.
#define PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(input_length)                     \
    (PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE,               \
                              (input_length) + 1u) +                         \
     PSA_CIPHER_IV_MAX_SIZE)

// Sufficient output buffer for psa_cipher_decrypt(): the input less the IV.
#define PSA_CIPHER_DECRYPT_OUTPUT_SIZE(key_type, alg, input_length)          \
    (!PSA_CIPHER_KEY_AND_ALG_ARE_CIPHER_(key_type, alg)                      \
         ? 0u                                                                \
         : PSA_SATURATING_SUB_((input_length),                               \
                               PSA_CIPHER_IV_LENGTH(key_type, alg)))

// PSA_CIPHER_DECRYPT_OUTPUT_SIZE() for every supported key type and cipher.
#define PSA_CIPHER_DECRYPT_OUTPUT_MAX_SIZE(input_length) (input_length)

// Sufficient output buffer for psa_cipher_update(). Block-buffered modes
// (ECB, CBC, XTS) output whole blocks and hold back at most the rest, so the
// output is at most the input rounded up to a block; stream modes output as
// much as they take in.
#define PSA_CIPHER_UPDATE_OUTPUT_SIZE(key_type, alg, input_length)           \
    (!PSA_CIPHER_KEY_AND_ALG_ARE_CIPHER_(key_type, alg) ? 0u                 \
     : PSA_CIPHER_IS_BLOCK_BUFFERED_(alg)                                    \
         ? PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type), \
                                    (input_length))                          \
         : (input_length))

// PSA_CIPHER_UPDATE_OUTPUT_SIZE() for every supported key type and cipher.
#define PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(input_length) \
    PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE, (input_length))

// Sufficient output buffer for psa_cipher_finish(): one block for
// CBC-PKCS#7 (padding, or the held-back last block), two blocks for XTS
// (ciphertext stealing over the last two blocks), nothing otherwise.
#define PSA_CIPHER_FINISH_OUTPUT_SIZE(key_type, alg)                   \
    (!PSA_CIPHER_KEY_AND_ALG_ARE_CIPHER_(key_type, alg) ? 0u           \
     : (alg) == PSA_ALG_CBC_PKCS7 ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) \
     : (alg) == PSA_ALG_XTS ? 2u * PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type)  \
                            : 0u)

// PSA_CIPHER_FINISH_OUTPUT_SIZE() for every supported key type and cipher.
#define PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE (2 * PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE)

// ============================================================================
// AEAD
// ============================================================================

// Private: the tag length encoded in the AEAD algorithm `alg`.
#define PSA_AEAD_TAG_LENGTH_OF_ALG_(alg) \
    (((alg) & PSA_ALG_LENGTH_MASK_) >> PSA_ALG_LENGTH_SHIFT_)

// Default nonce length of the AEAD `alg` (any tag length) with a key of type
// `key_type`: 13 for CCM, 12 for GCM and ChaCha20-Poly1305, 24 for
// XChaCha20-Poly1305; 0 for invalid combinations. Every size macro below
// uses it to recognize a valid (key type, algorithm) pair.
#define PSA_AEAD_NONCE_LENGTH(key_type, alg)                                 \
    ((PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) == 16 &&                       \
      PSA_ALG_AEAD_BASE_(alg) == PSA_ALG_AEAD_BASE_(PSA_ALG_CCM))            \
         ? 13u                                                               \
     : (PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) == 16 &&                     \
        PSA_ALG_AEAD_BASE_(alg) == PSA_ALG_AEAD_BASE_(PSA_ALG_GCM))          \
         ? 12u                                                               \
     : ((key_type) == PSA_KEY_TYPE_CHACHA20 &&                               \
        PSA_ALG_AEAD_BASE_(alg) ==                                           \
            PSA_ALG_AEAD_BASE_(PSA_ALG_CHACHA20_POLY1305))                   \
         ? 12u                                                               \
     : ((key_type) == PSA_KEY_TYPE_XCHACHA20 &&                              \
        PSA_ALG_AEAD_BASE_(alg) ==                                           \
            PSA_ALG_AEAD_BASE_(PSA_ALG_XCHACHA20_POLY1305))                  \
         ? 24u                                                               \
         : 0u)

// Largest PSA_AEAD_NONCE_LENGTH() (XChaCha20-Poly1305).
#define PSA_AEAD_NONCE_MAX_SIZE 24

// Tag length of the AEAD `alg` with a key of type `key_type` (the key size
// does not matter for the AEADs of this specification).
#define PSA_AEAD_TAG_LENGTH(key_type, key_bits, alg) \
    (PSA_AEAD_NONCE_LENGTH(key_type, alg) != 0 ? PSA_AEAD_TAG_LENGTH_OF_ALG_(alg) : 0u)

// Largest PSA_AEAD_TAG_LENGTH().
#define PSA_AEAD_TAG_MAX_SIZE 16

// Sufficient ciphertext buffer for psa_aead_encrypt(): plaintext and tag.
#define PSA_AEAD_ENCRYPT_OUTPUT_SIZE(key_type, alg, plaintext_length) \
    (PSA_AEAD_NONCE_LENGTH(key_type, alg) != 0                         \
         ? (plaintext_length) + PSA_AEAD_TAG_LENGTH_OF_ALG_(alg)      \
         : 0u)

// PSA_AEAD_ENCRYPT_OUTPUT_SIZE() for every supported key type and AEAD.
#define PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(plaintext_length) \
    ((plaintext_length) + PSA_AEAD_TAG_MAX_SIZE)

// Sufficient plaintext buffer for psa_aead_decrypt(): ciphertext less tag.
#define PSA_AEAD_DECRYPT_OUTPUT_SIZE(key_type, alg, ciphertext_length)  \
    (PSA_AEAD_NONCE_LENGTH(key_type, alg) != 0                           \
         ? PSA_SATURATING_SUB_((ciphertext_length),                      \
                               PSA_AEAD_TAG_LENGTH_OF_ALG_(alg))         \
         : 0u)

// PSA_AEAD_DECRYPT_OUTPUT_SIZE() for every supported key type and AEAD.
#define PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(ciphertext_length) (ciphertext_length)

// Sufficient output buffer for psa_aead_update(): block-cipher modes may
// hold back a partial block, so the output is at most the input rounded up
// to a block.
#define PSA_AEAD_UPDATE_OUTPUT_SIZE(key_type, alg, input_length)              \
    (PSA_AEAD_NONCE_LENGTH(key_type, alg) == 0 ? 0u                           \
     : PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER(alg)                                   \
         ? PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type),  \
                                    (input_length))                           \
         : (input_length))

// PSA_AEAD_UPDATE_OUTPUT_SIZE() for every supported key type and AEAD.
#define PSA_AEAD_UPDATE_OUTPUT_MAX_SIZE(input_length) \
    PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE, (input_length))

// Sufficient ciphertext buffer for psa_aead_finish(): the held-back partial
// block of a block-cipher mode.
#define PSA_AEAD_FINISH_OUTPUT_SIZE(key_type, alg)              \
    ((PSA_AEAD_NONCE_LENGTH(key_type, alg) != 0 &&              \
      PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER(alg))                     \
         ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type)              \
         : 0u)

// PSA_AEAD_FINISH_OUTPUT_SIZE() for every supported key type and AEAD.
#define PSA_AEAD_FINISH_OUTPUT_MAX_SIZE PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE

// Sufficient plaintext buffer for psa_aead_verify() (as for finish).
#define PSA_AEAD_VERIFY_OUTPUT_SIZE(key_type, alg) \
    PSA_AEAD_FINISH_OUTPUT_SIZE(key_type, alg)

// PSA_AEAD_VERIFY_OUTPUT_SIZE() for every supported key type and AEAD.
#define PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE

// ============================================================================
// Key derivation
// ============================================================================

// psa_key_derivation_set_capacity() value: no limit other than the
// algorithm's own.
#define PSA_KEY_DERIVATION_UNLIMITED_CAPACITY SIZE_MAX

// Largest pre-shared key accepted by PSA_ALG_TLS12_PSK_TO_MS().
#define PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE 128

// Output size of PSA_ALG_TLS12_ECJPAKE_TO_PMS.
#define PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE 32

// ============================================================================
// Key export
// ============================================================================

// Private: size of an elliptic curve private key (a scalar) of `bits` bits
// in the curve family `family`. Edwards448 scalars take 57 bytes (RFC 8032).
#define PSA_ECC_PRIVATE_KEY_SIZE_(family, bits)               \
    ((family) == PSA_ECC_FAMILY_TWISTED_EDWARDS               \
         ? PSA_BITS_TO_BYTES((bits) + 1u)                     \
         : PSA_BITS_TO_BYTES(bits))

// Private: size of an elliptic curve public key (a point): the uncompressed
// SEC1 point 04 || x || y on Weierstrass curves, the u coordinate on
// Montgomery curves, the RFC 8032 encoding on twisted Edwards curves.
#define PSA_ECC_PUBLIC_KEY_SIZE_(family, bits)                \
    ((family) == PSA_ECC_FAMILY_MONTGOMERY                    \
         ? PSA_BITS_TO_BYTES(bits)                            \
     : (family) == PSA_ECC_FAMILY_TWISTED_EDWARDS             \
         ? PSA_BITS_TO_BYTES((bits) + 1u)                     \
         : 1u + 2u * PSA_BITS_TO_BYTES(bits))

// Private: upper bound of the DER RSAPrivateKey of a `bits`-bit modulus:
// SEQUENCE header (4) + version (3) + n, e, d (each at most the modulus size
// plus a sign byte, with a 4-byte header) + p, q, dp, dq, qinv (each at most
// half the modulus size plus a sign byte, with a 4-byte header).
#define PSA_RSA_KEY_PAIR_EXPORT_SIZE_(bits)                               \
    (4u + 3u + 3u * (4u + PSA_BITS_TO_BYTES((bits) + 1u)) +               \
     5u * (4u + PSA_BITS_TO_BYTES(((bits) + 1u) / 2u + 1u)))

// Private: upper bound of the DER RSAPublicKey of a `bits`-bit modulus:
// SEQUENCE header (4) + n and e (each at most the modulus size plus a sign
// byte, with a 4-byte header).
#define PSA_RSA_PUBLIC_KEY_EXPORT_SIZE_(bits) \
    (4u + 2u * (4u + PSA_BITS_TO_BYTES((bits) + 1u)))

// Sufficient buffer for psa_export_key() of a key of type `key_type` and
// size `key_bits`: the raw bytes of unstructured keys, DER RSAPrivateKey or
// RSAPublicKey, the ECC private scalar or public point, the DH private or
// public value, or the concatenated values of a SPAKE2+ key.
#define PSA_EXPORT_KEY_OUTPUT_SIZE(key_type, key_bits)                       \
    (PSA_KEY_TYPE_IS_UNSTRUCTURED(key_type) ? PSA_BITS_TO_BYTES(key_bits)    \
     : (key_type) == PSA_KEY_TYPE_RSA_KEY_PAIR                               \
         ? PSA_RSA_KEY_PAIR_EXPORT_SIZE_(key_bits)                           \
     : (key_type) == PSA_KEY_TYPE_RSA_PUBLIC_KEY                             \
         ? PSA_RSA_PUBLIC_KEY_EXPORT_SIZE_(key_bits)                         \
     : PSA_KEY_TYPE_IS_ECC_KEY_PAIR(key_type)                                \
         ? PSA_ECC_PRIVATE_KEY_SIZE_(PSA_KEY_TYPE_ECC_GET_FAMILY(key_type),  \
                                     key_bits)                               \
     : PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(key_type)                              \
         ? PSA_ECC_PUBLIC_KEY_SIZE_(PSA_KEY_TYPE_ECC_GET_FAMILY(key_type),   \
                                    key_bits)                                \
     : PSA_KEY_TYPE_IS_DH(key_type) ? PSA_BITS_TO_BYTES(key_bits)            \
     : PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(key_type)                            \
         ? 2u * PSA_ECC_PRIVATE_KEY_SIZE_(                                   \
                    PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(key_type), key_bits)     \
     : PSA_KEY_TYPE_IS_SPAKE2P_PUBLIC_KEY(key_type)                          \
         ? PSA_ECC_PRIVATE_KEY_SIZE_(                                        \
               PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(key_type), key_bits) +        \
               PSA_ECC_PUBLIC_KEY_SIZE_(                                     \
                   PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(key_type), key_bits)      \
         : 0u)

// Sufficient buffer for psa_export_public_key() of a key of type `key_type`
// (a key pair or a public key) and size `key_bits`.
#define PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(key_type, key_bits)                  \
    (PSA_KEY_TYPE_IS_ASYMMETRIC(key_type)                                      \
         ? PSA_EXPORT_KEY_OUTPUT_SIZE(                                         \
               PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(key_type), key_bits)        \
         : 0u)

// PSA_EXPORT_KEY_OUTPUT_SIZE() for every supported key pair. The ECC term
// is a SPAKE2+ key pair (two scalars), larger than an ECC private key.
#define PSA_EXPORT_KEY_PAIR_MAX_SIZE                                          \
    PSA_MAX_OF_(                                                              \
        PSA_RSA_KEY_PAIR_EXPORT_SIZE_(PSA_VENDOR_RSA_MAX_KEY_BITS),           \
        PSA_MAX_OF_(PSA_BITS_TO_BYTES(PSA_VENDOR_FFDH_MAX_KEY_BITS),          \
                    2u * PSA_BITS_TO_BYTES(PSA_VENDOR_ECC_MAX_CURVE_BITS)))

// PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE() for every supported key. The ECC term
// is a SPAKE2+ public key (scalar w0 and point L), larger than a point.
#define PSA_EXPORT_PUBLIC_KEY_MAX_SIZE                                        \
    PSA_MAX_OF_(                                                              \
        PSA_RSA_PUBLIC_KEY_EXPORT_SIZE_(PSA_VENDOR_RSA_MAX_KEY_BITS),         \
        PSA_MAX_OF_(PSA_BITS_TO_BYTES(PSA_VENDOR_FFDH_MAX_KEY_BITS),          \
                    3u * PSA_BITS_TO_BYTES(PSA_VENDOR_ECC_MAX_CURVE_BITS) + 1u))

// ============================================================================
// Asymmetric signature
// ============================================================================

// Sufficient buffer for psa_sign_hash() and psa_sign_message(): the modulus
// size for RSA, r || s for ECDSA, R || S for EdDSA (64 bytes for Ed25519,
// 114 for Ed448).
#define PSA_SIGN_OUTPUT_SIZE(key_type, key_bits, alg)                        \
    (!PSA_ALG_IS_SIGN(alg) ? 0u                                              \
     : PSA_KEY_TYPE_IS_RSA(key_type) ? PSA_BITS_TO_BYTES(key_bits)           \
     : PSA_KEY_TYPE_IS_ECC(key_type)                                         \
         ? 2u * PSA_ECC_PRIVATE_KEY_SIZE_(                                   \
                    PSA_KEY_TYPE_ECC_GET_FAMILY(key_type), key_bits)         \
         : 0u)

// PSA_SIGN_OUTPUT_SIZE() for every supported key and signature algorithm.
#define PSA_SIGNATURE_MAX_SIZE                                              \
    PSA_MAX_OF_(PSA_BITS_TO_BYTES(PSA_VENDOR_RSA_MAX_KEY_BITS),             \
                2u * PSA_BITS_TO_BYTES(PSA_VENDOR_ECC_MAX_CURVE_BITS + 1u))

// ============================================================================
// Asymmetric encryption
// ============================================================================

// Sufficient buffer for psa_asymmetric_encrypt(): the RSA modulus size.
#define PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(key_type, key_bits, alg) \
    ((PSA_KEY_TYPE_IS_RSA(key_type) &&                              \
      PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(alg))                        \
         ? PSA_BITS_TO_BYTES(key_bits)                              \
         : 0u)

// PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE() for every supported key and algorithm.
#define PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE \
    PSA_BITS_TO_BYTES(PSA_VENDOR_RSA_MAX_KEY_BITS)

// Sufficient buffer for psa_asymmetric_decrypt(): the largest message the
// padding allows, k - 11 bytes for PKCS#1 v1.5 and k - 2 * hLen - 2 bytes
// for OAEP, where k is the modulus size in bytes.
#define PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(key_type, key_bits, alg)           \
    (!PSA_KEY_TYPE_IS_RSA(key_type) ? 0u                                      \
     : (alg) == PSA_ALG_RSA_PKCS1V15_CRYPT                                    \
         ? PSA_SATURATING_SUB_(PSA_BITS_TO_BYTES(key_bits), 11u)              \
     : PSA_ALG_IS_RSA_OAEP(alg)                                               \
         ? PSA_SATURATING_SUB_(                                               \
               PSA_BITS_TO_BYTES(key_bits),                                   \
               2u * PSA_HASH_LENGTH(PSA_ALG_GET_HASH(alg)) + 2u)              \
         : 0u)

// PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE() for every supported key and algorithm.
#define PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE \
    (PSA_BITS_TO_BYTES(PSA_VENDOR_RSA_MAX_KEY_BITS) - 11u)

// ============================================================================
// Key agreement
// ============================================================================

// Sufficient buffer for psa_raw_key_agreement() with a private key of type
// `key_type` and size `key_bits`: the x (or u) coordinate for ECDH, the
// group-sized shared value for FFDH.
#define PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(key_type, key_bits)            \
    ((PSA_KEY_TYPE_IS_ECC(key_type) || PSA_KEY_TYPE_IS_DH(key_type))     \
         ? PSA_BITS_TO_BYTES(key_bits)                                   \
         : 0u)

// PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE() for every supported key.
#define PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE                    \
    PSA_MAX_OF_(PSA_BITS_TO_BYTES(PSA_VENDOR_ECC_MAX_CURVE_BITS), \
                PSA_BITS_TO_BYTES(PSA_VENDOR_FFDH_MAX_KEY_BITS))

// ============================================================================
// PAKE (1.2 PAKE extension)
// ============================================================================

// Private: size of a group element (same format as a public key) and of a
// scalar (same format as a private key) of the PAKE primitive `primitive`.
#define PSA_PAKE_ELEMENT_SIZE_(primitive)                                    \
    (PSA_PAKE_PRIMITIVE_GET_TYPE(primitive) == PSA_PAKE_PRIMITIVE_TYPE_ECC   \
         ? PSA_ECC_PUBLIC_KEY_SIZE_(PSA_PAKE_PRIMITIVE_GET_FAMILY(primitive), \
                                    PSA_PAKE_PRIMITIVE_GET_BITS(primitive))  \
     : PSA_PAKE_PRIMITIVE_GET_TYPE(primitive) == PSA_PAKE_PRIMITIVE_TYPE_DH  \
         ? PSA_BITS_TO_BYTES(PSA_PAKE_PRIMITIVE_GET_BITS(primitive))         \
         : 0u)
#define PSA_PAKE_SCALAR_SIZE_(primitive)                                     \
    (PSA_PAKE_PRIMITIVE_GET_TYPE(primitive) == PSA_PAKE_PRIMITIVE_TYPE_ECC   \
         ? PSA_ECC_PRIVATE_KEY_SIZE_(                                        \
               PSA_PAKE_PRIMITIVE_GET_FAMILY(primitive),                     \
               PSA_PAKE_PRIMITIVE_GET_BITS(primitive))                       \
     : PSA_PAKE_PRIMITIVE_GET_TYPE(primitive) == PSA_PAKE_PRIMITIVE_TYPE_DH  \
         ? PSA_BITS_TO_BYTES(PSA_PAKE_PRIMITIVE_GET_BITS(primitive))         \
         : 0u)

// Private: size of a key-confirmation value of the PAKE `alg`: the CMAC
// block for SPAKE2+ with CMAC, the HMAC length for the other SPAKE2+
// variants; J-PAKE has no confirmation step.
#define PSA_PAKE_CONFIRM_SIZE_(alg)                                     \
    (PSA_ALG_IS_SPAKE2P_CMAC(alg) ? 16u                                 \
     : PSA_ALG_IS_SPAKE2P(alg) ? PSA_HASH_LENGTH(PSA_ALG_GET_HASH(alg)) \
                               : 0u)

// Private: size of the data of `step` in the PAKE `alg` over `primitive`.
#define PSA_PAKE_STEP_SIZE_(alg, primitive, step)                         \
    (!PSA_ALG_IS_PAKE(alg) ? 0u                                           \
     : ((step) == PSA_PAKE_STEP_KEY_SHARE ||                              \
        (step) == PSA_PAKE_STEP_ZK_PUBLIC)                                \
         ? PSA_PAKE_ELEMENT_SIZE_(primitive)                              \
     : (step) == PSA_PAKE_STEP_ZK_PROOF ? PSA_PAKE_SCALAR_SIZE_(primitive) \
     : (step) == PSA_PAKE_STEP_CONFIRM ? PSA_PAKE_CONFIRM_SIZE_(alg)      \
                                       : 0u)

// Sufficient output buffer for psa_pake_output() of `output_step` in the
// PAKE `alg` over `primitive`.
#define PSA_PAKE_OUTPUT_SIZE(alg, primitive, output_step) \
    PSA_PAKE_STEP_SIZE_(alg, primitive, output_step)

// PSA_PAKE_OUTPUT_SIZE() for every supported algorithm, primitive and step.
#define PSA_PAKE_OUTPUT_MAX_SIZE                                             \
    PSA_MAX_OF_(PSA_BITS_TO_BYTES(PSA_VENDOR_FFDH_MAX_KEY_BITS),             \
                PSA_MAX_OF_(1u + 2u * PSA_BITS_TO_BYTES(                     \
                                          PSA_VENDOR_ECC_MAX_CURVE_BITS),    \
                            (unsigned)PSA_HASH_MAX_SIZE))

// Sufficient buffer for any valid input of `input_step` to psa_pake_input()
// in the PAKE `alg` over `primitive`.
#define PSA_PAKE_INPUT_SIZE(alg, primitive, input_step) \
    PSA_PAKE_STEP_SIZE_(alg, primitive, input_step)

// PSA_PAKE_INPUT_SIZE() for every supported algorithm, primitive and step.
#define PSA_PAKE_INPUT_MAX_SIZE PSA_PAKE_OUTPUT_MAX_SIZE

#endif  // PSA_CRYPTO_SIZES_H_
