// Whether a key suits the algorithm of a MAC, cipher or AEAD operation: the
// checks every such operation makes once its key passed the policy check
// (policy.h), before any driver is involved. Plain functions over key types
// and algorithm identifiers (PSA Crypto API 1.2, "Compatible key types" of
// each algorithm).

#ifndef PSA_CORE_POLICY_OPERATION_KEYS_H_
#define PSA_CORE_POLICY_OPERATION_KEYS_H_

#include <stddef.h>

#include "psa/crypto.h"

namespace psa::core::policy {

// For a MAC algorithm `alg` (PSA_ALG_IS_MAC) with a key of `type` and
// `bits`: PSA_SUCCESS and *mac_length, the length of the MAC it outputs;
// PSA_ERROR_INVALID_ARGUMENT if the key type does not suit the algorithm
// (HMAC needs PSA_KEY_TYPE_HMAC, CMAC and CBC-MAC a block cipher key) or the
// MAC is truncated beyond the algorithm's full length.
psa_status_t CheckMacKey(psa_key_type_t type, size_t bits, psa_algorithm_t alg, size_t* mac_length);

// For a cipher algorithm `alg` (PSA_ALG_IS_CIPHER) with a key of `type`:
// PSA_ERROR_INVALID_ARGUMENT unless the key type suits it
// (PSA_ALG_STREAM_CIPHER: ChaCha20, XChaCha20 or ARC4; CCM* and XTS: a
// 16-byte block cipher;
// the other modes: a block cipher).
psa_status_t CheckCipherKey(psa_key_type_t type, psa_algorithm_t alg);

// For an AEAD algorithm `alg` (PSA_ALG_IS_AEAD) with a key of `type` and
// `bits`: PSA_SUCCESS and *tag_length; PSA_ERROR_INVALID_ARGUMENT unless
// the key type suits it (GCM and CCM: a 16-byte block cipher;
// ChaCha20-Poly1305: ChaCha20; XChaCha20-Poly1305: XChaCha20).
psa_status_t CheckAeadKey(psa_key_type_t type, size_t bits, psa_algorithm_t alg, size_t* tag_length);

// Whether `nonce_length` is a nonce length the AEAD algorithm `alg` defines
// (GCM: at least 1 byte; CCM: 7 to 13; ChaCha20-Poly1305: 12, or the
// optional 8; XChaCha20-Poly1305: 24): PSA_ERROR_INVALID_ARGUMENT if not.
// A driver may still refuse an optional length with NOT_SUPPORTED.
psa_status_t CheckAeadNonceLength(psa_algorithm_t alg, size_t nonce_length);

}  // namespace psa::core::policy

#endif  // PSA_CORE_POLICY_OPERATION_KEYS_H_
