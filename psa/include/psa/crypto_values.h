// Values of the PSA Crypto API 1.2: status codes specific to the Crypto API,
// key types, elliptic-curve and Diffie-Hellman families, lifetimes, key
// identifiers, usage flags, algorithm identifiers and the macros that build
// and classify them.
//
// Every value is bit-exact with the PSA Certified Crypto API 1.2 (and its
// PAKE extension). The field layouts are described in the specification's
// appendix "Algorithm and key type encoding"; the comments below name the
// fields each macro reads or writes. Macros whose parameters are evaluated
// more than once say so; none has side effects of its own.
//
// Key-type macros follow the 1.2 encoding of asymmetric keys: the family
// (ECC curve family, DH group family) is the whole low byte, bit 7 included.

#ifndef PSA_CRYPTO_VALUES_H_
#define PSA_CRYPTO_VALUES_H_

#include <stdint.h>

#include "crypto_platform.h"
#include "crypto_types.h"

// ============================================================================
// Status codes specific to the Crypto API (the shared ones are in error.h)
// ============================================================================

// There is not enough entropy to generate the random data needed.
#define PSA_ERROR_INSUFFICIENT_ENTROPY ((psa_status_t)-148)

// The decrypted padding is incorrect. Callers must not let the timing or the
// outcome of their own processing reveal this status to an attacker.
#define PSA_ERROR_INVALID_PADDING ((psa_status_t)-150)

// ============================================================================
// Key types
// ============================================================================
//
// Layout of psa_key_type_t (16 bits):
//   bit 15      V     implementation-defined key type when 1
//   bit 14      A     asymmetric key when 1
//   bits 13..12 CAT   category: with A=0, 1 raw, 2 symmetric;
//                               with A=1, 0 public key, 3 key pair
//   bits 11..1        category-specific sub-type
//   bit 0       P     parity: valid key types have even parity

// Invalid (unspecified) key type.
#define PSA_KEY_TYPE_NONE ((psa_key_type_t)0x0000)

// Raw data: not usable by any cryptographic algorithm; it can provide the
// non-secret inputs of a key derivation.
#define PSA_KEY_TYPE_RAW_DATA ((psa_key_type_t)0x1001)
// Key for HMAC.
#define PSA_KEY_TYPE_HMAC ((psa_key_type_t)0x1100)
// High-entropy secret for key derivation.
#define PSA_KEY_TYPE_DERIVE ((psa_key_type_t)0x1200)
// Low-entropy secret for password hashing or key stretching.
#define PSA_KEY_TYPE_PASSWORD ((psa_key_type_t)0x1203)
// Secret value that can verify a password hash.
#define PSA_KEY_TYPE_PASSWORD_HASH ((psa_key_type_t)0x1205)
// Secret value used when computing a password hash.
#define PSA_KEY_TYPE_PEPPER ((psa_key_type_t)0x1206)

// Symmetric keys: bits 10..8 hold log2 of the cipher block size (0 for
// stream ciphers), bits 7..1 the cipher sub-type.
#define PSA_KEY_TYPE_AES ((psa_key_type_t)0x2400)
#define PSA_KEY_TYPE_ARIA ((psa_key_type_t)0x2406)
#define PSA_KEY_TYPE_DES ((psa_key_type_t)0x2301)
#define PSA_KEY_TYPE_CAMELLIA ((psa_key_type_t)0x2403)
#define PSA_KEY_TYPE_SM4 ((psa_key_type_t)0x2405)
#define PSA_KEY_TYPE_ARC4 ((psa_key_type_t)0x2002)
#define PSA_KEY_TYPE_CHACHA20 ((psa_key_type_t)0x2004)
#define PSA_KEY_TYPE_XCHACHA20 ((psa_key_type_t)0x2007)

// RSA keys.
#define PSA_KEY_TYPE_RSA_KEY_PAIR ((psa_key_type_t)0x7001)
#define PSA_KEY_TYPE_RSA_PUBLIC_KEY ((psa_key_type_t)0x4001)

// 1 if `type` is a raw-data or symmetric key type: an unstructured array of
// bytes. Evaluates `type` twice.
#define PSA_KEY_TYPE_IS_UNSTRUCTURED(type) \
    (((type) & 0x7000) == 0x1000 || ((type) & 0x7000) == 0x2000)

// 1 if `type` is asymmetric: a key pair or a public key.
#define PSA_KEY_TYPE_IS_ASYMMETRIC(type) (((type) & 0x4000) == 0x4000)

// 1 if `type` is the public part of a key pair.
#define PSA_KEY_TYPE_IS_PUBLIC_KEY(type) (((type) & 0x7000) == 0x4000)

// 1 if `type` is a key pair (private and public part).
#define PSA_KEY_TYPE_IS_KEY_PAIR(type) (((type) & 0x7000) == 0x7000)

// The key-pair type of a public-key type (identity on a key-pair type).
#define PSA_KEY_TYPE_KEY_PAIR_OF_PUBLIC_KEY(type) \
    ((psa_key_type_t)((type) | 0x3000))

// The public-key type of a key-pair type (identity on a public-key type).
#define PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) \
    ((psa_key_type_t)((type) & ~0x3000))

// 1 if `type` is an RSA key pair or public key.
#define PSA_KEY_TYPE_IS_RSA(type) \
    (PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) == PSA_KEY_TYPE_RSA_PUBLIC_KEY)

// ---- Elliptic curve keys: 0x4100 | family (public), 0x7100 | family (pair) --

// Elliptic curve key pair on a curve of the family `curve`.
#define PSA_KEY_TYPE_ECC_KEY_PAIR(curve) \
    ((psa_key_type_t)(0x7100 | ((curve) & 0x00ff)))
// Elliptic curve public key on a curve of the family `curve`.
#define PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve) \
    ((psa_key_type_t)(0x4100 | ((curve) & 0x00ff)))

// 1 if `type` is an elliptic curve key pair or public key.
#define PSA_KEY_TYPE_IS_ECC(type) \
    ((PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) & 0xff00) == 0x4100)
// 1 if `type` is an elliptic curve key pair.
#define PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type) (((type) & 0xff00) == 0x7100)
// 1 if `type` is an elliptic curve public key.
#define PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type) (((type) & 0xff00) == 0x4100)
// The curve family of an elliptic curve key type (unspecified otherwise).
#define PSA_KEY_TYPE_ECC_GET_FAMILY(type) ((psa_ecc_family_t)((type) & 0x00ff))

// SEC Koblitz curves over prime fields: secp192k1, secp224k1, secp256k1.
#define PSA_ECC_FAMILY_SECP_K1 ((psa_ecc_family_t)0x17)
// SEC random curves over prime fields: secp192r1 .. secp521r1 (P-256 ...).
#define PSA_ECC_FAMILY_SECP_R1 ((psa_ecc_family_t)0x12)
// secp160r2 (weak, deprecated).
#define PSA_ECC_FAMILY_SECP_R2 ((psa_ecc_family_t)0x1b)
// SEC Koblitz curves over binary fields.
#define PSA_ECC_FAMILY_SECT_K1 ((psa_ecc_family_t)0x27)
// SEC random curves over binary fields.
#define PSA_ECC_FAMILY_SECT_R1 ((psa_ecc_family_t)0x22)
// SEC additional random curves over binary fields (sect163r2).
#define PSA_ECC_FAMILY_SECT_R2 ((psa_ecc_family_t)0x2b)
// Brainpool P random curves.
#define PSA_ECC_FAMILY_BRAINPOOL_P_R1 ((psa_ecc_family_t)0x30)
// FRP256v1 (France).
#define PSA_ECC_FAMILY_FRP ((psa_ecc_family_t)0x33)
// Montgomery curves: Curve25519 (255 bits) and Curve448 (448 bits).
#define PSA_ECC_FAMILY_MONTGOMERY ((psa_ecc_family_t)0x41)
// Twisted Edwards curves: Edwards25519 (255 bits) and Edwards448 (448 bits).
#define PSA_ECC_FAMILY_TWISTED_EDWARDS ((psa_ecc_family_t)0x42)

// ---- Finite-field Diffie-Hellman keys: 0x4200 | group, 0x7200 | group --------

// Finite-field Diffie-Hellman key pair in a group of the family `group`.
#define PSA_KEY_TYPE_DH_KEY_PAIR(group) \
    ((psa_key_type_t)(0x7200 | ((group) & 0x00ff)))
// Finite-field Diffie-Hellman public key in a group of the family `group`.
#define PSA_KEY_TYPE_DH_PUBLIC_KEY(group) \
    ((psa_key_type_t)(0x4200 | ((group) & 0x00ff)))

// 1 if `type` is a Diffie-Hellman key pair or public key.
#define PSA_KEY_TYPE_IS_DH(type) \
    ((PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) & 0xff00) == 0x4200)
// 1 if `type` is a Diffie-Hellman key pair.
#define PSA_KEY_TYPE_IS_DH_KEY_PAIR(type) (((type) & 0xff00) == 0x7200)
// 1 if `type` is a Diffie-Hellman public key.
#define PSA_KEY_TYPE_IS_DH_PUBLIC_KEY(type) (((type) & 0xff00) == 0x4200)
// The group family of a Diffie-Hellman key type (unspecified otherwise).
#define PSA_KEY_TYPE_DH_GET_FAMILY(type) ((psa_dh_family_t)((type) & 0x00ff))

// The finite-field groups of RFC 7919 (ffdhe2048 .. ffdhe8192).
#define PSA_DH_FAMILY_RFC7919 ((psa_dh_family_t)0x03)

// ---- SPAKE2+ keys (1.2 PAKE extension): 0x4400 | curve, 0x7400 | curve -------

// SPAKE2+ key pair (w0, w1) for a curve of the family `curve`.
#define PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(curve) \
    ((psa_key_type_t)(0x7400 | ((curve) & 0x00ff)))
// SPAKE2+ public key (w0, L) for a curve of the family `curve`.
#define PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(curve) \
    ((psa_key_type_t)(0x4400 | ((curve) & 0x00ff)))
// 1 if `type` is a SPAKE2+ key pair or public key.
#define PSA_KEY_TYPE_IS_SPAKE2P(type) \
    ((PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) & 0xff00) == 0x4400)
// 1 if `type` is a SPAKE2+ key pair.
#define PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type) (((type) & 0xff00) == 0x7400)
// 1 if `type` is a SPAKE2+ public key.
#define PSA_KEY_TYPE_IS_SPAKE2P_PUBLIC_KEY(type) (((type) & 0xff00) == 0x4400)
// The curve family of a SPAKE2+ key type (unspecified otherwise).
#define PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(type) \
    ((psa_ecc_family_t)((type) & 0x00ff))

// ============================================================================
// Key lifetimes
// ============================================================================

// Lifetime of a volatile key in local storage (the default).
#define PSA_KEY_LIFETIME_VOLATILE ((psa_key_lifetime_t)0x00000000)
// Lifetime of a persistent key in local storage, default persistence.
#define PSA_KEY_LIFETIME_PERSISTENT ((psa_key_lifetime_t)0x00000001)

// Persistence level of volatile keys.
#define PSA_KEY_PERSISTENCE_VOLATILE ((psa_key_persistence_t)0x00)
// Default persistence level of persistent keys.
#define PSA_KEY_PERSISTENCE_DEFAULT ((psa_key_persistence_t)0x01)
// Persistence level of keys that are never destroyed.
#define PSA_KEY_PERSISTENCE_READ_ONLY ((psa_key_persistence_t)0xff)

// Local storage (keys held by the implementation itself).
#define PSA_KEY_LOCATION_LOCAL_STORAGE ((psa_key_location_t)0x000000)
// The primary secure element.
#define PSA_KEY_LOCATION_PRIMARY_SECURE_ELEMENT ((psa_key_location_t)0x000001)

// The persistence level of `lifetime` (bits 7..0).
#define PSA_KEY_LIFETIME_GET_PERSISTENCE(lifetime) \
    ((psa_key_persistence_t)((lifetime) & 0x000000ff))

// The location of `lifetime` (bits 31..8).
#define PSA_KEY_LIFETIME_GET_LOCATION(lifetime) \
    ((psa_key_location_t)((lifetime) >> 8))

// 1 if `lifetime` designates a volatile key.
#define PSA_KEY_LIFETIME_IS_VOLATILE(lifetime) \
    (PSA_KEY_LIFETIME_GET_PERSISTENCE(lifetime) == PSA_KEY_PERSISTENCE_VOLATILE)

// The lifetime made of a persistence level and a location.
#define PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(persistence, location) \
    ((location) << 8 | (persistence))

// ============================================================================
// Key identifiers
// ============================================================================

// The null key identifier: never refers to a key.
#define PSA_KEY_ID_NULL ((psa_key_id_t)0)
// Range of identifiers that applications choose for persistent keys.
#define PSA_KEY_ID_USER_MIN ((psa_key_id_t)0x00000001)
#define PSA_KEY_ID_USER_MAX ((psa_key_id_t)0x3fffffff)
// Range of identifiers that the implementation chooses.
#define PSA_KEY_ID_VENDOR_MIN ((psa_key_id_t)0x40000000)
#define PSA_KEY_ID_VENDOR_MAX ((psa_key_id_t)0x7fffffff)

// ============================================================================
// Key usage flags
// ============================================================================

// The key material may leave the security boundary (export, some copies).
#define PSA_KEY_USAGE_EXPORT ((psa_key_usage_t)0x00000001)
// The key may be copied with psa_copy_key().
#define PSA_KEY_USAGE_COPY ((psa_key_usage_t)0x00000002)
// The implementation may keep non-essential copies of the key in RAM.
#define PSA_KEY_USAGE_CACHE ((psa_key_usage_t)0x00000004)
// Encrypt messages (symmetric or asymmetric).
#define PSA_KEY_USAGE_ENCRYPT ((psa_key_usage_t)0x00000100)
// Decrypt messages (symmetric or asymmetric).
#define PSA_KEY_USAGE_DECRYPT ((psa_key_usage_t)0x00000200)
// Sign messages (MAC computation or asymmetric signature of a message).
#define PSA_KEY_USAGE_SIGN_MESSAGE ((psa_key_usage_t)0x00000400)
// Verify message signatures or MACs.
#define PSA_KEY_USAGE_VERIFY_MESSAGE ((psa_key_usage_t)0x00000800)
// Sign hashes; implies PSA_KEY_USAGE_SIGN_MESSAGE on key creation.
#define PSA_KEY_USAGE_SIGN_HASH ((psa_key_usage_t)0x00001000)
// Verify signatures of hashes; implies PSA_KEY_USAGE_VERIFY_MESSAGE.
#define PSA_KEY_USAGE_VERIFY_HASH ((psa_key_usage_t)0x00002000)
// Derive other keys, or compute a password hash, from this key.
#define PSA_KEY_USAGE_DERIVE ((psa_key_usage_t)0x00004000)
// Verify the result of a key derivation (including password hashes).
#define PSA_KEY_USAGE_VERIFY_DERIVATION ((psa_key_usage_t)0x00008000)

// ============================================================================
// Algorithm identifiers
// ============================================================================
//
// Layout of psa_algorithm_t (32 bits):
//   bit 31      V       implementation-defined algorithm when 1
//   bits 30..24 CAT     category: 0x02 hash, 0x03 MAC, 0x04 cipher, 0x05 AEAD,
//                       0x06 signature, 0x07 asymmetric encryption,
//                       0x08 key derivation, 0x09 key agreement, 0x0a PAKE
//   bit 23      S       cipher: stream cipher; KDF: key stretching
//   bit 22      B       built on a block cipher
//   bits 21..16 LEN/T2  MAC or AEAD tag length; key-agreement sub-type
//   bit 15      W       MAC/AEAD: minimum-length wildcard policy
//   bits 15..8  T1      sub-type within the category
//   bits 7..0   H       hash sub-type, for algorithms built on a hash

// Private field masks.
#define PSA_ALG_CATEGORY_MASK_ ((psa_algorithm_t)0x7f000000)
#define PSA_ALG_HASH_MASK_ ((psa_algorithm_t)0x000000ff)
#define PSA_ALG_LENGTH_MASK_ ((psa_algorithm_t)0x003f0000)
#define PSA_ALG_LENGTH_SHIFT_ 16
#define PSA_ALG_AT_LEAST_FLAG_ ((psa_algorithm_t)0x00008000)

// Invalid (unspecified) algorithm.
#define PSA_ALG_NONE ((psa_algorithm_t)0)

// ---- Categories ---------------------------------------------------------

#define PSA_ALG_IS_HASH(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK_) == 0x02000000)
#define PSA_ALG_IS_MAC(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK_) == 0x03000000)
#define PSA_ALG_IS_CIPHER(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK_) == 0x04000000)
#define PSA_ALG_IS_AEAD(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK_) == 0x05000000)
#define PSA_ALG_IS_SIGN(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK_) == 0x06000000)
#define PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK_) == 0x07000000)
#define PSA_ALG_IS_KEY_DERIVATION(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK_) == 0x08000000)
// Standalone and combined (key agreement + KDF) key-agreement algorithms.
#define PSA_ALG_IS_KEY_AGREEMENT(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK_) == 0x09000000)
#define PSA_ALG_IS_PAKE(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK_) == 0x0a000000)

// The hash algorithm a composite algorithm is built on (H field), or
// PSA_ALG_NONE if the H field is 0. Evaluates `alg` twice.
#define PSA_ALG_GET_HASH(alg)                                            \
    ((psa_algorithm_t)(((alg) & PSA_ALG_HASH_MASK_) == 0                 \
                           ? PSA_ALG_NONE                                \
                           : 0x02000000 | ((alg) & PSA_ALG_HASH_MASK_)))

// ---- Hash algorithms: 0x020000hh ---------------------------------------------

#define PSA_ALG_MD2 ((psa_algorithm_t)0x02000001)
#define PSA_ALG_MD4 ((psa_algorithm_t)0x02000002)
#define PSA_ALG_MD5 ((psa_algorithm_t)0x02000003)
#define PSA_ALG_RIPEMD160 ((psa_algorithm_t)0x02000004)
#define PSA_ALG_SHA_1 ((psa_algorithm_t)0x02000005)
// Zigbee 1.0 Matyas-Meyer-Oseas hash over AES-128.
#define PSA_ALG_AES_MMO_ZIGBEE ((psa_algorithm_t)0x02000007)
#define PSA_ALG_SHA_224 ((psa_algorithm_t)0x02000008)
#define PSA_ALG_SHA_256 ((psa_algorithm_t)0x02000009)
#define PSA_ALG_SHA_384 ((psa_algorithm_t)0x0200000a)
#define PSA_ALG_SHA_512 ((psa_algorithm_t)0x0200000b)
#define PSA_ALG_SHA_512_224 ((psa_algorithm_t)0x0200000c)
#define PSA_ALG_SHA_512_256 ((psa_algorithm_t)0x0200000d)
#define PSA_ALG_SHA3_224 ((psa_algorithm_t)0x02000010)
#define PSA_ALG_SHA3_256 ((psa_algorithm_t)0x02000011)
#define PSA_ALG_SHA3_384 ((psa_algorithm_t)0x02000012)
#define PSA_ALG_SHA3_512 ((psa_algorithm_t)0x02000013)
#define PSA_ALG_SM3 ((psa_algorithm_t)0x02000014)
// The first 64 bytes of the SHAKE256 output (as used by Ed448ph).
#define PSA_ALG_SHAKE256_512 ((psa_algorithm_t)0x02000015)

// In a key policy for a hash-and-sign algorithm: permit any hash. Not a
// valid algorithm for an operation.
#define PSA_ALG_ANY_HASH ((psa_algorithm_t)0x020000ff)

// ---- MAC algorithms: 0x03 | B | LEN | W | MAC-TYPE | H ------------------------

// HMAC with the hash `hash_alg`.
#define PSA_ALG_HMAC(hash_alg) \
    ((psa_algorithm_t)(0x03800000 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// CBC-MAC over the block cipher of the key (insecure for variable lengths).
#define PSA_ALG_CBC_MAC ((psa_algorithm_t)0x03c00100)
// CMAC over the block cipher of the key.
#define PSA_ALG_CMAC ((psa_algorithm_t)0x03c00200)

// 1 if `alg` is an HMAC algorithm: any MAC length, and also a minimum-length
// wildcard policy of HMAC (the W flag, bit 15, is ignored).
#define PSA_ALG_IS_HMAC(alg) (((alg) & 0x7fc07f00) == 0x03800000)
// 1 if `alg` is a MAC built on a block cipher (CBC-MAC, CMAC).
#define PSA_ALG_IS_BLOCK_CIPHER_MAC(alg) (((alg) & 0x7fc00000) == 0x03c00000)

// `mac_alg` truncated to `mac_length` bytes (0: the full length). Clears a
// minimum-length wildcard flag. The result is valid only if `mac_length` is
// between the algorithm's minimum and its full length.
#define PSA_ALG_TRUNCATED_MAC(mac_alg, mac_length)                          \
    ((psa_algorithm_t)(((mac_alg) &                                         \
                        ~(PSA_ALG_LENGTH_MASK_ | PSA_ALG_AT_LEAST_FLAG_)) | \
                       (((psa_algorithm_t)(mac_length) & 0x3f)              \
                        << PSA_ALG_LENGTH_SHIFT_)))

// `mac_alg` with its full, untruncated MAC length.
#define PSA_ALG_FULL_LENGTH_MAC(mac_alg) \
    ((psa_algorithm_t)((mac_alg) &       \
                       ~(PSA_ALG_LENGTH_MASK_ | PSA_ALG_AT_LEAST_FLAG_)))

// Wildcard key policy: `mac_alg` with any MAC length of at least
// `min_mac_length` bytes (which must not be 0).
#define PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(mac_alg, min_mac_length) \
    ((psa_algorithm_t)(PSA_ALG_TRUNCATED_MAC(mac_alg, min_mac_length) | \
                       PSA_ALG_AT_LEAST_FLAG_))

// ---- Unauthenticated cipher algorithms: 0x04 | S | B | CIPHER-TYPE -----------

// The stream cipher of the key (ChaCha20, XChaCha20, ARC4).
#define PSA_ALG_STREAM_CIPHER ((psa_algorithm_t)0x04800100)
// Counter mode of the block cipher of the key.
#define PSA_ALG_CTR ((psa_algorithm_t)0x04c01000)
// Cipher feedback mode (segment size = block size).
#define PSA_ALG_CFB ((psa_algorithm_t)0x04c01100)
// Output feedback mode.
#define PSA_ALG_OFB ((psa_algorithm_t)0x04c01200)
// CCM* with a zero-length tag (encryption only, as used by Zigbee).
#define PSA_ALG_CCM_STAR_NO_TAG ((psa_algorithm_t)0x04c01300)
// Wildcard key policy: CCM* as a cipher (no tag) and as AEAD (CCM).
#define PSA_ALG_CCM_STAR_ANY_TAG ((psa_algorithm_t)0x04c09300)
// XEX with ciphertext stealing; the key holds two block-cipher keys.
#define PSA_ALG_XTS ((psa_algorithm_t)0x0440ff00)
// Electronic codebook, input a multiple of the block size.
#define PSA_ALG_ECB_NO_PADDING ((psa_algorithm_t)0x04404400)
// Cipher block chaining, input a multiple of the block size.
#define PSA_ALG_CBC_NO_PADDING ((psa_algorithm_t)0x04404000)
// Cipher block chaining with PKCS#7 padding.
#define PSA_ALG_CBC_PKCS7 ((psa_algorithm_t)0x04404100)

// 1 if `alg` is a stream cipher (S=1): a cipher that needs no padding.
#define PSA_ALG_IS_STREAM_CIPHER(alg) (((alg) & 0x7f800000) == 0x04800000)

// ---- AEAD algorithms: 0x05 | B | LEN | W | AEAD-TYPE ---------------------------

// Counter with CBC-MAC, 16-byte tag.
#define PSA_ALG_CCM ((psa_algorithm_t)0x05500100)
// Galois/counter mode, 16-byte tag.
#define PSA_ALG_GCM ((psa_algorithm_t)0x05500200)
// ChaCha20-Poly1305 (RFC 8439), 16-byte tag.
#define PSA_ALG_CHACHA20_POLY1305 ((psa_algorithm_t)0x05100500)
// XChaCha20-Poly1305, 16-byte tag.
#define PSA_ALG_XCHACHA20_POLY1305 ((psa_algorithm_t)0x05100600)

// 1 if `alg` is an AEAD mode of a block cipher (CCM, GCM).
#define PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER(alg) \
    (((alg) & 0x7f400000) == 0x05400000)

// `aead_alg` with a tag of `tag_length` bytes. Clears a minimum-length
// wildcard flag. The result is valid only for tag lengths the algorithm
// permits.
#define PSA_ALG_AEAD_WITH_SHORTENED_TAG(aead_alg, tag_length)                \
    ((psa_algorithm_t)(((aead_alg) &                                         \
                        ~(PSA_ALG_LENGTH_MASK_ | PSA_ALG_AT_LEAST_FLAG_)) |  \
                       (((psa_algorithm_t)(tag_length) & 0x3f)               \
                        << PSA_ALG_LENGTH_SHIFT_)))

// Private: an AEAD algorithm with its LEN and W fields cleared.
#define PSA_ALG_AEAD_BASE_(aead_alg) \
    ((aead_alg) & ~(PSA_ALG_LENGTH_MASK_ | PSA_ALG_AT_LEAST_FLAG_))

// `aead_alg` with the algorithm's default tag length; PSA_ALG_NONE if
// `aead_alg` is not an AEAD algorithm of this specification. Evaluates
// `aead_alg` several times.
#define PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(aead_alg)                  \
    (PSA_ALG_AEAD_BASE_(aead_alg) == PSA_ALG_AEAD_BASE_(PSA_ALG_CCM)    \
         ? PSA_ALG_CCM                                                  \
     : PSA_ALG_AEAD_BASE_(aead_alg) == PSA_ALG_AEAD_BASE_(PSA_ALG_GCM)  \
         ? PSA_ALG_GCM                                                  \
     : PSA_ALG_AEAD_BASE_(aead_alg) ==                                  \
             PSA_ALG_AEAD_BASE_(PSA_ALG_CHACHA20_POLY1305)              \
         ? PSA_ALG_CHACHA20_POLY1305                                    \
     : PSA_ALG_AEAD_BASE_(aead_alg) ==                                  \
             PSA_ALG_AEAD_BASE_(PSA_ALG_XCHACHA20_POLY1305)             \
         ? PSA_ALG_XCHACHA20_POLY1305                                   \
         : PSA_ALG_NONE)

// Wildcard key policy: `aead_alg` with any tag of at least `min_tag_length`
// bytes.
#define PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(aead_alg, min_tag_length) \
    ((psa_algorithm_t)(PSA_ALG_AEAD_WITH_SHORTENED_TAG(aead_alg,             \
                                                       min_tag_length) |     \
                       PSA_ALG_AT_LEAST_FLAG_))

// ---- Key derivation algorithms: 0x08 | S | KDF-TYPE | H -----------------------

#define PSA_ALG_HKDF(hash_alg) \
    ((psa_algorithm_t)(0x08000100 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
#define PSA_ALG_TLS12_PRF(hash_alg) \
    ((psa_algorithm_t)(0x08000200 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
#define PSA_ALG_TLS12_PSK_TO_MS(hash_alg) \
    ((psa_algorithm_t)(0x08000300 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
#define PSA_ALG_HKDF_EXTRACT(hash_alg) \
    ((psa_algorithm_t)(0x08000400 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
#define PSA_ALG_HKDF_EXPAND(hash_alg) \
    ((psa_algorithm_t)(0x08000500 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// TLS 1.2 EC J-PAKE premaster secret (SHA-256 of the x-coordinate).
#define PSA_ALG_TLS12_ECJPAKE_TO_PMS ((psa_algorithm_t)0x08000609)
// NIST SP 800-108 counter-mode KDF with HMAC.
#define PSA_ALG_SP800_108_COUNTER_HMAC(hash_alg) \
    ((psa_algorithm_t)(0x08000700 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// NIST SP 800-108 counter-mode KDF with CMAC.
#define PSA_ALG_SP800_108_COUNTER_CMAC ((psa_algorithm_t)0x08000800)
// PBKDF2 with HMAC (a key-stretching algorithm, S=1).
#define PSA_ALG_PBKDF2_HMAC(hash_alg) \
    ((psa_algorithm_t)(0x08800100 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// PBKDF2 with AES-CMAC-PRF-128.
#define PSA_ALG_PBKDF2_AES_CMAC_PRF_128 ((psa_algorithm_t)0x08800200)

#define PSA_ALG_IS_HKDF(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x08000100)
#define PSA_ALG_IS_TLS12_PRF(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x08000200)
#define PSA_ALG_IS_TLS12_PSK_TO_MS(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x08000300)
#define PSA_ALG_IS_HKDF_EXTRACT(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x08000400)
#define PSA_ALG_IS_HKDF_EXPAND(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x08000500)
#define PSA_ALG_IS_SP800_108_COUNTER_HMAC(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x08000700)
#define PSA_ALG_IS_PBKDF2_HMAC(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x08800100)
// 1 if `alg` is a key-stretching or password-hashing algorithm (S=1).
#define PSA_ALG_IS_KEY_DERIVATION_STRETCHING(alg) \
    (((alg) & 0x7f800000) == 0x08800000)

// Steps (inputs) of a key derivation. The values are implementation-defined;
// the high byte groups secrets (1) and non-secret data (2).
#define PSA_KEY_DERIVATION_INPUT_SECRET ((psa_key_derivation_step_t)0x0101)
#define PSA_KEY_DERIVATION_INPUT_PASSWORD ((psa_key_derivation_step_t)0x0102)
#define PSA_KEY_DERIVATION_INPUT_OTHER_SECRET \
    ((psa_key_derivation_step_t)0x0103)
#define PSA_KEY_DERIVATION_INPUT_LABEL ((psa_key_derivation_step_t)0x0201)
#define PSA_KEY_DERIVATION_INPUT_SALT ((psa_key_derivation_step_t)0x0202)
#define PSA_KEY_DERIVATION_INPUT_INFO ((psa_key_derivation_step_t)0x0203)
#define PSA_KEY_DERIVATION_INPUT_SEED ((psa_key_derivation_step_t)0x0204)
#define PSA_KEY_DERIVATION_INPUT_COST ((psa_key_derivation_step_t)0x0205)
#define PSA_KEY_DERIVATION_INPUT_CONTEXT ((psa_key_derivation_step_t)0x0206)

// ---- Asymmetric signature algorithms: 0x06 | SIGN-TYPE | H --------------------

// RSASSA-PKCS1-v1_5 with the hash `hash_alg`.
#define PSA_ALG_RSA_PKCS1V15_SIGN(hash_alg) \
    ((psa_algorithm_t)(0x06000200 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// RSASSA-PKCS1-v1_5 over an already-encoded input, without a DigestInfo.
#define PSA_ALG_RSA_PKCS1V15_SIGN_RAW ((psa_algorithm_t)0x06000200)
// RSASSA-PSS, salt length = hash length (verification requires the same).
#define PSA_ALG_RSA_PSS(hash_alg) \
    ((psa_algorithm_t)(0x06000300 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// RSASSA-PSS, salt length = hash length; verification accepts any salt.
#define PSA_ALG_RSA_PSS_ANY_SALT(hash_alg) \
    ((psa_algorithm_t)(0x06001300 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// Randomized ECDSA with the hash `hash_alg`.
#define PSA_ALG_ECDSA(hash_alg) \
    ((psa_algorithm_t)(0x06000600 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// Randomized ECDSA over an input that is already a hash.
#define PSA_ALG_ECDSA_ANY ((psa_algorithm_t)0x06000600)
// Deterministic ECDSA (RFC 6979) with the hash `hash_alg`.
#define PSA_ALG_DETERMINISTIC_ECDSA(hash_alg) \
    ((psa_algorithm_t)(0x06000700 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// PureEdDSA (Ed25519, Ed448 with an empty context); message signing only.
#define PSA_ALG_PURE_EDDSA ((psa_algorithm_t)0x06000800)
// HashEdDSA on Edwards25519 (SHA-512 prehash).
#define PSA_ALG_ED25519PH ((psa_algorithm_t)0x0600090b)
// HashEdDSA on Edwards448 (SHAKE256 64-byte prehash).
#define PSA_ALG_ED448PH ((psa_algorithm_t)0x06000915)

#define PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x06000200)
// Both PSS variants (standard salt and any salt).
#define PSA_ALG_IS_RSA_PSS(alg) \
    (((alg) & ~(PSA_ALG_HASH_MASK_ | 0x00001000)) == 0x06000300)
#define PSA_ALG_IS_RSA_PSS_ANY_SALT(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x06001300)
#define PSA_ALG_IS_RSA_PSS_STANDARD_SALT(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x06000300)
// Randomized and deterministic ECDSA, with or without hash.
#define PSA_ALG_IS_ECDSA(alg) \
    (((alg) & ~(PSA_ALG_HASH_MASK_ | 0x00000100)) == 0x06000600)
#define PSA_ALG_IS_DETERMINISTIC_ECDSA(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x06000700)
#define PSA_ALG_IS_RANDOMIZED_ECDSA(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x06000600)
#define PSA_ALG_IS_HASH_EDDSA(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x06000900)

// 1 if `alg` is a hash-and-sign algorithm that signs exactly the hash of the
// message: signing the hash with psa_sign_hash() is equivalent to signing
// the message with psa_sign_message(). True for the PSA_ALG_ANY_HASH
// wildcards of such algorithms; false for PSA_ALG_ECDSA_ANY and
// PSA_ALG_RSA_PKCS1V15_SIGN_RAW, which have no hash. Evaluates `alg` several
// times.
#define PSA_ALG_IS_HASH_AND_SIGN(alg)                                     \
    ((PSA_ALG_IS_RSA_PSS(alg) || PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) ||     \
      PSA_ALG_IS_ECDSA(alg) || PSA_ALG_IS_HASH_EDDSA(alg)) &&             \
     ((alg) & PSA_ALG_HASH_MASK_) != 0)

// 1 if `alg` can be used with psa_sign_hash() and psa_verify_hash().
#define PSA_ALG_IS_SIGN_HASH(alg)                                          \
    (PSA_ALG_IS_HASH_AND_SIGN(alg) || (alg) == PSA_ALG_ECDSA_ANY ||        \
     (alg) == PSA_ALG_RSA_PKCS1V15_SIGN_RAW)

// 1 if `alg` can be used with psa_sign_message() and psa_verify_message().
#define PSA_ALG_IS_SIGN_MESSAGE(alg)                                  \
    (PSA_ALG_IS_SIGN(alg) && (alg) != PSA_ALG_ECDSA_ANY &&            \
     (alg) != PSA_ALG_RSA_PKCS1V15_SIGN_RAW)

// ---- Asymmetric encryption algorithms: 0x07 | ENCRYPT-TYPE | H ----------------

// RSAES-PKCS1-v1_5.
#define PSA_ALG_RSA_PKCS1V15_CRYPT ((psa_algorithm_t)0x07000200)
// RSAES-OAEP with the hash `hash_alg` for both the label hash and MGF1.
#define PSA_ALG_RSA_OAEP(hash_alg) \
    ((psa_algorithm_t)(0x07000300 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
#define PSA_ALG_IS_RSA_OAEP(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x07000300)

// ---- Key agreement algorithms: 0x09 | KA-TYPE (bits 23..16) [| KDF fields] ----

// Finite-field Diffie-Hellman.
#define PSA_ALG_FFDH ((psa_algorithm_t)0x09010000)
// Elliptic curve Diffie-Hellman.
#define PSA_ALG_ECDH ((psa_algorithm_t)0x09020000)

// Combined algorithm: the key agreement `ka_alg` followed by the key
// derivation `kdf_alg` (a bitwise OR of the two).
#define PSA_ALG_KEY_AGREEMENT(ka_alg, kdf_alg) \
    ((psa_algorithm_t)((ka_alg) | (kdf_alg)))

// The standalone key agreement of a (standalone or combined) key agreement.
#define PSA_ALG_KEY_AGREEMENT_GET_BASE(alg) \
    ((psa_algorithm_t)((alg) & 0xff7f0000))

// The key derivation of a combined key agreement. For a standalone key
// agreement the result is 0x08000000, which is not a valid algorithm.
#define PSA_ALG_KEY_AGREEMENT_GET_KDF(alg) \
    ((psa_algorithm_t)((alg) & 0xfe80ffff))

// 1 if `alg` is a standalone key agreement (no key derivation combined).
#define PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg) \
    (((alg) & 0x7f00ffff) == 0x09000000)
// Former name of PSA_ALG_IS_STANDALONE_KEY_AGREEMENT().
#define PSA_ALG_IS_RAW_KEY_AGREEMENT(alg) \
    PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg)

// 1 if `alg` is FFDH, standalone or combined with any key derivation.
#define PSA_ALG_IS_FFDH(alg) (((alg) & 0x7f7f0000) == 0x09010000)
// 1 if `alg` is ECDH, standalone or combined with any key derivation.
#define PSA_ALG_IS_ECDH(alg) (((alg) & 0x7f7f0000) == 0x09020000)

// ---- PAKE algorithms (1.2 PAKE extension): 0x0a | PAKE-TYPE | H ----------------

// J-PAKE (RFC 8236) with the hash `hash_alg` for the zero-knowledge proofs.
#define PSA_ALG_JPAKE(hash_alg) \
    ((psa_algorithm_t)(0x0a000100 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// SPAKE2+ (RFC 9383) with HMAC key confirmation.
#define PSA_ALG_SPAKE2P_HMAC(hash_alg) \
    ((psa_algorithm_t)(0x0a000400 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// SPAKE2+ with CMAC-AES-128 key confirmation.
#define PSA_ALG_SPAKE2P_CMAC(hash_alg) \
    ((psa_algorithm_t)(0x0a000500 | ((hash_alg) & PSA_ALG_HASH_MASK_)))
// SPAKE2+ as used by Matter (draft-02: P-256, SHA-256, HMAC-SHA-256).
#define PSA_ALG_SPAKE2P_MATTER ((psa_algorithm_t)0x0a000609)

#define PSA_ALG_IS_JPAKE(alg) (((alg) & ~PSA_ALG_HASH_MASK_) == 0x0a000100)
// Every SPAKE2+ variant (HMAC, CMAC, Matter).
#define PSA_ALG_IS_SPAKE2P(alg) \
    (((alg) & ~(PSA_ALG_HASH_MASK_ | 0x00000300)) == 0x0a000400)
#define PSA_ALG_IS_SPAKE2P_HMAC(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x0a000400)
#define PSA_ALG_IS_SPAKE2P_CMAC(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK_) == 0x0a000500)

// ---- Wildcards ----------------------------------------------------------------

// 1 if `alg` is a wildcard that is only valid in a key policy: built with
// PSA_ALG_ANY_HASH, a minimum-length MAC or AEAD, or PSA_ALG_CCM_STAR_ANY_TAG.
// Evaluates `alg` several times.
#define PSA_ALG_IS_WILDCARD(alg)                                        \
    (PSA_ALG_GET_HASH(alg) == PSA_ALG_ANY_HASH ||                       \
     ((alg) & (PSA_ALG_CATEGORY_MASK_ | PSA_ALG_AT_LEAST_FLAG_)) ==     \
         0x03008000 ||                                                  \
     ((alg) & (PSA_ALG_CATEGORY_MASK_ | PSA_ALG_AT_LEAST_FLAG_)) ==     \
         0x05008000 ||                                                  \
     (alg) == PSA_ALG_CCM_STAR_ANY_TAG)

// ============================================================================
// PAKE primitives, cipher-suite options, roles and steps (1.2 PAKE extension)
// ============================================================================

// Primitive type: an elliptic curve group (family = psa_ecc_family_t).
#define PSA_PAKE_PRIMITIVE_TYPE_ECC ((psa_pake_primitive_type_t)0x01)
// Primitive type: a finite-field DH group (family = psa_dh_family_t).
#define PSA_PAKE_PRIMITIVE_TYPE_DH ((psa_pake_primitive_type_t)0x02)

// The primitive of type `pake_type`, family `pake_family` and size
// `pake_bits` bits; 0 if `pake_bits` does not fit in 16 bits. Evaluates
// `pake_bits` several times.
#define PSA_PAKE_PRIMITIVE(pake_type, pake_family, pake_bits)              \
    ((psa_pake_primitive_t)(((pake_bits) & 0xffff) != (pake_bits)          \
                                ? 0                                        \
                                : ((psa_pake_primitive_t)(pake_type)       \
                                   << 24) |                                \
                                      ((psa_pake_primitive_t)(pake_family) \
                                       << 16) |                            \
                                      (psa_pake_primitive_t)(pake_bits)))

// The type, family and bit size of a PAKE primitive.
#define PSA_PAKE_PRIMITIVE_GET_TYPE(pake_primitive) \
    ((psa_pake_primitive_type_t)(((pake_primitive) >> 24) & 0xff))
#define PSA_PAKE_PRIMITIVE_GET_FAMILY(pake_primitive) \
    ((psa_pake_family_t)(((pake_primitive) >> 16) & 0xff))
#define PSA_PAKE_PRIMITIVE_GET_BITS(pake_primitive) \
    ((size_t)((pake_primitive) & 0xffff))

// Key confirmation: the shared key is confirmed by both parties before it
// can be extracted (the default).
#define PSA_PAKE_CONFIRMED_KEY 0
// Key confirmation: the shared key can be extracted before confirmation.
#define PSA_PAKE_UNCONFIRMED_KEY 1

// The algorithm does not distinguish roles.
#define PSA_PAKE_ROLE_NONE ((psa_pake_role_t)0x00)
// First / second participant of a symmetric PAKE.
#define PSA_PAKE_ROLE_FIRST ((psa_pake_role_t)0x01)
#define PSA_PAKE_ROLE_SECOND ((psa_pake_role_t)0x02)
// Client (prover) / server (verifier) of an augmented PAKE.
#define PSA_PAKE_ROLE_CLIENT ((psa_pake_role_t)0x11)
#define PSA_PAKE_ROLE_SERVER ((psa_pake_role_t)0x12)

// A key share (a group element).
#define PSA_PAKE_STEP_KEY_SHARE ((psa_pake_step_t)0x01)
// The public key of a zero-knowledge proof (a group element).
#define PSA_PAKE_STEP_ZK_PUBLIC ((psa_pake_step_t)0x02)
// The proof of a zero-knowledge proof (a scalar).
#define PSA_PAKE_STEP_ZK_PROOF ((psa_pake_step_t)0x03)
// A key-confirmation value (a MAC).
#define PSA_PAKE_STEP_CONFIRM ((psa_pake_step_t)0x04)

// ============================================================================
// Interruptible operations (implementation extension)
// ============================================================================

// psa_interruptible_set_max_ops() value: never interrupt an operation.
#define PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED UINT32_MAX

#endif  // PSA_CRYPTO_VALUES_H_
