// Whether a key suits the algorithm of a signature or asymmetric encryption
// call, and whether the call's inputs fit the algorithm and key: the checks
// psa_sign_*, psa_verify_* and psa_asymmetric_* make once the key passed the
// policy check (policy.h), before any driver is involved. Plain functions
// over key types and algorithm identifiers (PSA Crypto API 1.2, "Compatible
// key types" of each algorithm).

#ifndef PSA_CORE_POLICY_ASYMMETRIC_KEYS_H_
#define PSA_CORE_POLICY_ASYMMETRIC_KEYS_H_

#include <stddef.h>

#include "psa/crypto.h"

namespace psa::core::policy {

// For a specific signature algorithm `alg` (PSA_ALG_IS_SIGN) with a key of
// `type`, to sign (`sign`) or to verify: PSA_ERROR_INVALID_ARGUMENT unless
// the key suits it. ECDSA needs an ECC key of a Weierstrass family (SECP,
// SECT, BRAINPOOL_P_R1, FRP), EdDSA a TWISTED_EDWARDS key, the RSA schemes
// an RSA key; signing needs the key pair, verifying takes either. Other
// signature algorithms: PSA_ERROR_NOT_SUPPORTED.
psa_status_t CheckSignatureKey(psa_key_type_t type, psa_algorithm_t alg, bool sign);

// For psa_sign_hash and psa_verify_hash with a sign-hash algorithm `alg`
// (PSA_ALG_IS_SIGN_HASH) and a key of `type` and `bits` that suits it: the
// hash of a hash-and-sign algorithm must be exactly its hash's length;
// PSA_ALG_ECDSA_ANY takes any length; PSA_ALG_RSA_PKCS1V15_SIGN_RAW any
// length up to the modulus size - 11 (RFC 8017 9.2 step 3).
// PSA_ERROR_INVALID_ARGUMENT otherwise, PSA_ERROR_NOT_SUPPORTED for a hash
// whose length the API does not define.
psa_status_t CheckSignatureHashLength(psa_key_type_t type, size_t bits, psa_algorithm_t alg, size_t hash_length);

// For a specific asymmetric encryption algorithm `alg`
// (PSA_ALG_IS_ASYMMETRIC_ENCRYPTION) with a key of `type`, to decrypt
// (`decrypt`) or encrypt: PSA_ERROR_INVALID_ARGUMENT unless the key is RSA
// and, to decrypt, the key pair; for PSA_ALG_RSA_PKCS1V15_CRYPT also unless
// salt_length is 0 (it has no label). Other algorithms:
// PSA_ERROR_NOT_SUPPORTED.
psa_status_t CheckAsymmetricEncryptionKey(psa_key_type_t type, psa_algorithm_t alg, bool decrypt, size_t salt_length);

// For psa_asymmetric_encrypt with an algorithm and RSA key that passed
// CheckAsymmetricEncryptionKey: PSA_ERROR_INVALID_ARGUMENT unless the
// message fits the padding, at most k - 11 bytes for PKCS#1 v1.5 and
// k - 2 * hLen - 2 for OAEP (k: the modulus size in bytes; RFC 8017 7.2.1,
// 7.1.1), which rules out any message when the key is too short for OAEP's
// hash.
psa_status_t CheckAsymmetricEncryptInputLength(size_t bits, psa_algorithm_t alg, size_t input_length);

// For psa_asymmetric_decrypt, likewise: PSA_ERROR_INVALID_ARGUMENT unless
// the ciphertext is exactly k bytes (RFC 8017 7.1.2, 7.2.2 step 1) and the
// key leaves room for the padding.
psa_status_t CheckAsymmetricDecryptInputLength(size_t bits, psa_algorithm_t alg, size_t input_length);

}  // namespace psa::core::policy

#endif  // PSA_CORE_POLICY_ASYMMETRIC_KEYS_H_
