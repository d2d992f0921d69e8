/* Mbed TLS 2.28's own PSA Crypto implementation (Debian's libmbedcrypto.a,
 * psa_crypto.c and its drivers) as a baseline for the benchmarks, callable
 * from a program that also links this project's PSA Crypto library.
 *
 * The archive is linked as a private copy whose symbols are all renamed to
 * mbedtls228_* (renamed_archive.bzl), and this API is compiled against Mbed
 * TLS's own headers (/usr/include/psa/crypto.h, PSA Crypto API 1.0): its
 * declarations use plain C types only, so that this header can be included
 * next to the project's psa/crypto.h. Statuses are Mbed TLS's psa_status_t
 * values, which are those of the PSA Crypto API (0 is success,
 * -134 PSA_ERROR_NOT_SUPPORTED, ...).
 *
 * Multi-part AEAD (psa_aead_encrypt_setup and the rest) does not exist in
 * Mbed TLS 2.28's PSA implementation, so it has no function here. Neither
 * do PBKDF2 (baseline_pbkdf2_hmac_sha256 calls Mbed TLS's PKCS#5 module
 * instead) nor any PAKE (SPAKE2+: baseline_spake2p_*, the protocol written
 * over Mbed TLS's ECP, bignum, SHA-256, HKDF and HMAC modules,
 * baseline_spake2p.c).
 *
 * Not thread-safe beyond what Mbed TLS's PSA implementation is. */

#ifndef THIRD_PARTY_MBEDTLS228_BASELINE_H_
#define THIRD_PARTY_MBEDTLS228_BASELINE_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The mechanisms of the benchmarks: each fixes the key type, the key size
 * the caller passes and the algorithm. */
typedef enum {
  BASELINE_AES_GCM,            /* AES key of 128, 192 or 256 bits, PSA_ALG_GCM */
  BASELINE_AES_CCM,            /* AES key, PSA_ALG_CCM */
  BASELINE_CHACHA20_POLY1305,  /* 256-bit ChaCha20 key, PSA_ALG_CHACHA20_POLY1305 */
  BASELINE_AES_CTR,            /* AES key, PSA_ALG_CTR */
  BASELINE_AES_CBC_NO_PADDING, /* AES key, PSA_ALG_CBC_NO_PADDING */
  BASELINE_AES_CBC_PKCS7,      /* AES key, PSA_ALG_CBC_PKCS7 */
  BASELINE_HMAC_SHA_256,       /* HMAC key of any length, PSA_ALG_HMAC(PSA_ALG_SHA_256) */
  BASELINE_AES_CMAC,           /* AES key, PSA_ALG_CMAC */
  /* Asymmetric keys: key_bytes is the key pair in the PSA import format, and
   * the key size comes from the key. */
  BASELINE_ECDSA_SHA_256,               /* SECP_R1 key pair (private scalar), PSA_ALG_ECDSA(PSA_ALG_SHA_256) */
  BASELINE_ECDSA_SHA_384,               /* SECP_R1 key pair, PSA_ALG_ECDSA(PSA_ALG_SHA_384) */
  BASELINE_DETERMINISTIC_ECDSA_SHA_256, /* SECP_R1 key pair, PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256) */
  BASELINE_RSA_PKCS1V15_SIGN_SHA_256,   /* RSA key pair (DER RSAPrivateKey), PSA_ALG_RSA_PKCS1V15_SIGN(SHA-256) */
  BASELINE_RSA_PSS_SHA_256,             /* RSA key pair, PSA_ALG_RSA_PSS(PSA_ALG_SHA_256) */
  BASELINE_RSA_OAEP_SHA_256,            /* RSA key pair, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256) */
  BASELINE_RSA_PKCS1V15_CRYPT,          /* RSA key pair, PSA_ALG_RSA_PKCS1V15_CRYPT */
  BASELINE_ECDH_SECP_R1,                /* SECP_R1 key pair, PSA_ALG_ECDH */
  BASELINE_ECDH_MONTGOMERY,             /* MONTGOMERY key pair (X25519: 32 bytes), PSA_ALG_ECDH */
  /* A secret for key derivation: PSA_KEY_TYPE_DERIVE of any length. */
  BASELINE_HKDF_SHA_256, /* PSA_ALG_HKDF(PSA_ALG_SHA_256) */
} baseline_mechanism_t;

/* A key in Mbed TLS's key store and the algorithm it was imported for. */
typedef struct {
  uint32_t id;  /* Mbed TLS's psa_key_id_t; 0: no key */
  uint32_t alg; /* Mbed TLS's psa_algorithm_t */
} baseline_key_t;

/* psa_crypto_init of Mbed TLS. Returns its status. */
int32_t baseline_init(void);

/* The version of the linked Mbed TLS, as MBEDTLS_VERSION_STRING_FULL
 * ("mbed TLS 2.28.3"), from mbedtls_version_get_string_full(). */
const char *baseline_version(void);

/* Imports `key_length` key bytes for `mechanism` as a volatile key usable
 * for encryption, decryption, signing and verification with the mechanism's
 * algorithm (asymmetric keys: also hash signing and verification and key
 * agreement; the DERIVE key: derivation). On success *key is the new key; on failure it is
 * {0, 0}. Returns the status of psa_import_key, or PSA_ERROR_INVALID_ARGUMENT
 * (-135) for an unknown mechanism. */
int32_t baseline_import_key(baseline_mechanism_t mechanism, const uint8_t *key_bytes, size_t key_length,
                            baseline_key_t *key);

/* psa_destroy_key; sets *key to {0, 0}. */
int32_t baseline_destroy_key(baseline_key_t *key);

/* baseline_import_key of `key_bytes` for `mechanism`, then psa_destroy_key
 * of the new key: one volatile key's whole life in Mbed TLS's key store.
 * Returns the first failing status, or PSA_SUCCESS. Mbed TLS 2.28's key
 * store is not thread-safe: callers on several threads must serialize. */
int32_t baseline_import_destroy_key(baseline_mechanism_t mechanism, const uint8_t *key_bytes, size_t key_length);

/* psa_aead_encrypt and psa_aead_decrypt with the key's algorithm. */
int32_t baseline_aead_encrypt(const baseline_key_t *key, const uint8_t *nonce, size_t nonce_length,
                              const uint8_t *additional_data, size_t additional_data_length,
                              const uint8_t *plaintext, size_t plaintext_length, uint8_t *ciphertext,
                              size_t ciphertext_size, size_t *ciphertext_length);
int32_t baseline_aead_decrypt(const baseline_key_t *key, const uint8_t *nonce, size_t nonce_length,
                              const uint8_t *additional_data, size_t additional_data_length,
                              const uint8_t *ciphertext, size_t ciphertext_length, uint8_t *plaintext,
                              size_t plaintext_size, size_t *plaintext_length);

/* psa_cipher_encrypt (random IV, written before the ciphertext) and
 * psa_cipher_decrypt (input: IV || ciphertext). */
int32_t baseline_cipher_encrypt(const baseline_key_t *key, const uint8_t *input, size_t input_length,
                                uint8_t *output, size_t output_size, size_t *output_length);
int32_t baseline_cipher_decrypt(const baseline_key_t *key, const uint8_t *input, size_t input_length,
                                uint8_t *output, size_t output_size, size_t *output_length);

/* A multi-part encryption with a chosen IV: psa_cipher_encrypt_setup,
 * psa_cipher_set_iv, one psa_cipher_update of the whole input,
 * psa_cipher_finish. Writes only the ciphertext (no IV) and sets
 * *output_length to its total length. Aborts the operation on failure. */
int32_t baseline_cipher_encrypt_multipart(const baseline_key_t *key, const uint8_t *iv, size_t iv_length,
                                          const uint8_t *input, size_t input_length, uint8_t *output,
                                          size_t output_size, size_t *output_length);

/* psa_generate_random: Mbed TLS 2.28's CTR_DRBG (AES-256) over its entropy
 * sources. */
int32_t baseline_generate_random(uint8_t *output, size_t output_size);

/* psa_hash_compute of Mbed TLS 2.28 (its psa_algorithm_t values of the
 * SHA-1/SHA-2 and MD5/RIPEMD-160 hashes are those of PSA Crypto 1.2). */
int32_t baseline_hash_compute(uint32_t alg, const uint8_t *input, size_t input_length, uint8_t *hash,
                              size_t hash_size, size_t *hash_length);

/* psa_mac_compute with the key's algorithm. */
int32_t baseline_mac_compute(const baseline_key_t *key, const uint8_t *input, size_t input_length, uint8_t *mac,
                             size_t mac_size, size_t *mac_length);

/* A multi-part MAC: psa_mac_sign_setup, one psa_mac_update of the whole
 * input, psa_mac_sign_finish. Aborts the operation on failure. */
int32_t baseline_mac_multipart(const baseline_key_t *key, const uint8_t *input, size_t input_length, uint8_t *mac,
                               size_t mac_size, size_t *mac_length);

/* psa_export_public_key of an asymmetric key: 0x04 || x || y (SECP_R1),
 * the 32-byte u-coordinate (X25519), DER RSAPublicKey (RSA). */
int32_t baseline_export_public_key(const baseline_key_t *key, uint8_t *data, size_t data_size, size_t *data_length);

/* psa_sign_hash and psa_verify_hash with the key's algorithm. */
int32_t baseline_sign_hash(const baseline_key_t *key, const uint8_t *hash, size_t hash_length, uint8_t *signature,
                           size_t signature_size, size_t *signature_length);
int32_t baseline_verify_hash(const baseline_key_t *key, const uint8_t *hash, size_t hash_length,
                             const uint8_t *signature, size_t signature_length);

/* psa_asymmetric_encrypt and psa_asymmetric_decrypt with the key's
 * algorithm; `salt` may be null when salt_length is 0. */
int32_t baseline_asymmetric_encrypt(const baseline_key_t *key, const uint8_t *input, size_t input_length,
                                    const uint8_t *salt, size_t salt_length, uint8_t *output, size_t output_size,
                                    size_t *output_length);
int32_t baseline_asymmetric_decrypt(const baseline_key_t *key, const uint8_t *input, size_t input_length,
                                    const uint8_t *salt, size_t salt_length, uint8_t *output, size_t output_size,
                                    size_t *output_length);

/* psa_raw_key_agreement(PSA_ALG_ECDH) of the private key `key` with the
 * peer's public key in export format. Mbed TLS 2.28's PSA has ECDH on
 * Montgomery curves too (MBEDTLS_PSA_BUILTIN_ECC_MONTGOMERY_255): X25519
 * goes through the same function. */
int32_t baseline_raw_key_agreement(const baseline_key_t *key, const uint8_t *peer_key, size_t peer_key_length,
                                   uint8_t *output, size_t output_size, size_t *output_length);

/* HKDF through Mbed TLS's PSA key derivation: psa_key_derivation_setup
 * with the key's algorithm (BASELINE_HKDF_SHA_256), salt
 * (psa_key_derivation_input_bytes), the secret (psa_key_derivation_input_key
 * of `secret`), info, psa_key_derivation_output_bytes of output_length
 * bytes, psa_key_derivation_abort. */
int32_t baseline_hkdf(const baseline_key_t *secret, const uint8_t *salt, size_t salt_length, const uint8_t *info,
                      size_t info_length, uint8_t *output, size_t output_length);

/* PBKDF2-HMAC-SHA-256 (RFC 8018) with mbedtls_pkcs5_pbkdf2_hmac: Mbed TLS
 * 2.28's PSA has no PBKDF2 (PSA_ALG_PBKDF2_HMAC is 1.1 API), so this is the
 * same primitive without the PSA layer. Sets up and frees its HMAC context
 * on each call. Returns PSA_SUCCESS, PSA_ERROR_INVALID_ARGUMENT
 * (iterations 0, or iterations or output_length above 2^32 - 1), PSA_ERROR_INSUFFICIENT_MEMORY or
 * PSA_ERROR_GENERIC_ERROR (another Mbed TLS error). */
int32_t baseline_pbkdf2_hmac_sha256(const uint8_t *password, size_t password_length, const uint8_t *salt,
                                    size_t salt_length, uint64_t iterations, uint8_t *output, size_t output_length);

/* SPAKE2+ (RFC 9383) with P-256, SHA-256, HKDF-SHA-256 and HMAC-SHA-256:
 * the computations of PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256), over Mbed TLS
 * 2.28's ECP module directly (baseline_spake2p.c says how). Scalars are 32
 * bytes big-endian, points 65 bytes uncompressed. Needs baseline_init (the
 * blinding and the ephemeral scalars come from Mbed TLS's PSA random
 * generator). */
typedef struct {
  const uint8_t *context; /* may be null when its length is 0 */
  size_t context_length;
  const uint8_t *prover_id;
  size_t prover_id_length;
  const uint8_t *verifier_id;
  size_t verifier_id_length;
  uint8_t w0[32];
  uint8_t w1[32]; /* the prover's */
  uint8_t L[65];  /* the verifier's: w1*G, from baseline_spake2p_register */
} baseline_spake2p_t;

/* What one exchange sent and agreed on. */
typedef struct {
  uint8_t share_p[65];
  uint8_t share_v[65];
  uint8_t confirm_p[32];
  uint8_t confirm_v[32];
  uint8_t shared_p[32]; /* K_shared as the prover computed it */
  uint8_t shared_v[32]; /* and as the verifier did */
} baseline_spake2p_result_t;

/* L = w1*G (registration, RFC 9383 section 3.2). Returns PSA_SUCCESS or
 * PSA_ERROR_INVALID_ARGUMENT (w1 not in [1, n-1]). */
int32_t baseline_spake2p_register(const uint8_t w1[32], uint8_t L[65]);

/* One whole exchange, both sides in turn as RFC 9383 section 3 orders it:
 * the prover's shareP; the verifier's shareV, its Z and V, key schedule and
 * confirmV; the prover's Z and V, key schedule, check of confirmV and
 * confirmP; the verifier's check of confirmP. Each side has its own group
 * and numbers. `x` and `y` are the ephemeral scalars (32 bytes, for known
 * answers) or null for random ones. Returns PSA_SUCCESS,
 * PSA_ERROR_INVALID_ARGUMENT (a share or L off the curve, a scalar out of
 * range), PSA_ERROR_INVALID_SIGNATURE (a confirmation does not verify),
 * PSA_ERROR_INSUFFICIENT_MEMORY or PSA_ERROR_GENERIC_ERROR; on failure
 * *result is zeroed. */
int32_t baseline_spake2p_exchange(const baseline_spake2p_t *parameters, const uint8_t *x, const uint8_t *y,
                                  baseline_spake2p_result_t *result);

/* The two sides apart, to run against another implementation (statuses as
 * above). baseline_spake2p_verifier: for a received share_p, sets
 * result->share_v (from `y`, or a random scalar when null), confirm_v, the
 * confirm_p it expects and shared_v (share_p is copied). */
int32_t baseline_spake2p_verifier(const baseline_spake2p_t *parameters, const uint8_t *y, const uint8_t share_p[65],
                                  baseline_spake2p_result_t *result);

/* baseline_spake2p_prover: sets result->share_p from the 32-byte scalar
 * `x`; then, if share_v is not null, takes share_v and confirm_v (32 bytes)
 * as received, checks confirm_v and sets confirm_p and shared_p. */
int32_t baseline_spake2p_prover(const baseline_spake2p_t *parameters, const uint8_t x[32], const uint8_t *share_v,
                                const uint8_t *confirm_v, baseline_spake2p_result_t *result);

#ifdef __cplusplus
}
#endif

#endif /* THIRD_PARTY_MBEDTLS228_BASELINE_H_ */
