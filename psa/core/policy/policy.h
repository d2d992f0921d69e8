// Key policies: the usage flags and permitted algorithm of a key, checked by
// every key operation, validated when a key is created, and intersected by
// psa_copy_key(). Plain functions over psa_key_attributes_t; no key store, no
// driver.
//
// The rules are those of the PSA Crypto API 1.2 ("Key policies",
// psa_copy_key()). Choices the specification leaves to the implementation:
//   - A MAC truncated to its full length is the same algorithm as the
//     untruncated MAC for policy comparisons, both ways.
//   - ECDSA and deterministic ECDSA are distinct for verification too (their
//     equivalence for verification is an API 1.4 relaxation).
//   - PSA_ALG_CCM_STAR_ANY_TAG permits CCM with tags of 4, 8 and 16 bytes (the
//     tag lengths of CCM*) and PSA_ALG_CCM_STAR_NO_TAG.

#ifndef PSA_CORE_POLICY_POLICY_H_
#define PSA_CORE_POLICY_POLICY_H_

#include <stddef.h>

#include "psa/crypto.h"

namespace psa::core::policy {

// Every usage flag that the API 1.2 defines.
inline constexpr psa_key_usage_t kAllUsageFlags =
    PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_CACHE |
    PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_SIGN_MESSAGE |
    PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_SIGN_HASH |
    PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_DERIVE |
    PSA_KEY_USAGE_VERIFY_DERIVATION;

// `usage` with the usages it implies added: SIGN_HASH adds SIGN_MESSAGE,
// VERIFY_HASH adds VERIFY_MESSAGE. Key creation stores this, so that reading
// the attributes back shows the implied flags.
psa_key_usage_t WithImpliedUsages(psa_key_usage_t usage);

// Whether a key whose permitted-algorithm policy is `permitted`, of type
// `type` and size `bits`, may be used with the specific algorithm `requested`.
// False whenever `requested` is not a specific algorithm
// (CheckSpecificAlgorithm() of algorithms.h), and for a MAC longer than the
// key type's full-length MAC. Otherwise true when:
//   - `requested` equals `permitted`;
//   - `permitted` is a hash-and-sign algorithm with PSA_ALG_ANY_HASH and
//     `requested` the same scheme with a hash; or
//     `permitted` is PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH) and
//     `requested` PSA_ALG_RSA_PKCS1V15_SIGN_RAW;
//   - both are MACs of the same family (same hash for HMAC) and the length
//     `requested` outputs (PSA_MAC_LENGTH() with `type`) equals the length of
//     `permitted`, or is at least the minimum of a
//     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC() policy;
//   - `permitted` is PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG() of the AEAD
//     family of `requested` and the requested tag is at least that long;
//   - `permitted` is PSA_ALG_CCM_STAR_ANY_TAG and `requested` is
//     PSA_ALG_CCM_STAR_NO_TAG or CCM with a 4, 8 or 16-byte tag;
//   - `permitted` is a standalone key agreement and `requested` combines it
//     with a key derivation.
// PSA_ALG_NONE permits nothing.
bool AlgorithmPermits(psa_algorithm_t permitted, psa_algorithm_t requested,
                      psa_key_type_t type, size_t bits);

// The check every operation makes before using `key` for `alg`:
//   PSA_ERROR_INVALID_ARGUMENT  `alg` is not a specific algorithm (a wildcard,
//                               PSA_ALG_NONE, an invalid value), or it is a MAC
//                               longer than the full MAC with this key type;
//   PSA_ERROR_NOT_SUPPORTED     `alg` is a defined algorithm that this
//                               implementation refuses (see
//                               CheckSpecificAlgorithm());
//   PSA_ERROR_NOT_PERMITTED     the key's usage flags (with the implied ones)
//                               lack a flag of `usage`, or its policy does not
//                               permit `alg`;
//   PSA_SUCCESS                 otherwise.
// The algorithm is checked first: an invalid request is invalid whatever key
// it names. `usage` may be 0 (an input that needs no usage flag, such as a
// non-secret key-derivation input, still needs its algorithm permitted).
psa_status_t CheckKeyUsage(const psa_key_attributes_t& key,
                           psa_key_usage_t usage, psa_algorithm_t alg);

// The policy of a copy made by psa_copy_key(): the source key's policy
// (`usage1`, `alg1`) intersected with the requested one (`usage2`, `alg2`)
// for a key of type `type` and size `bits`.
//   - *usage is the AND of both usage sets, each with its implied usages.
//   - *alg is: the common value when alg1 == alg2; PSA_ALG_NONE when either
//     side is PSA_ALG_NONE (a policy that permits no algorithm is the most
//     restrictive, and the specification asks for an algorithm in the
//     attributes only of keys "used in cryptographic operations"); else the
//     policy that permits exactly the algorithms both permit (over the key
//     type `type`), when it is one of alg1 and alg2 (the more restrictive
//     side, for a wildcard against a specific algorithm it permits, or two
//     minimum-length wildcards of one MAC or AEAD family; alg2 when both
//     permit the same, e.g. HMAC and HMAC truncated to its full length) or a
//     single specific algorithm (PSA_ALG_CCM from PSA_ALG_CCM_STAR_ANY_TAG
//     and a CCM wildcard with a minimum tag above 8).
// PSA_ERROR_INVALID_ARGUMENT, outputs untouched, when either side holds a
// usage flag the API does not define or an invalid algorithm, when the
// policies permit no algorithm in common, and when what they permit in common
// is not expressible as one policy (PSA_ALG_CCM_STAR_ANY_TAG against a CCM
// wildcard with a minimum of 8 bytes or less: their common algorithms are
// some CCM tag lengths but not PSA_ALG_CCM_STAR_NO_TAG).
psa_status_t IntersectPolicies(psa_key_usage_t usage1, psa_algorithm_t alg1,
                               psa_key_usage_t usage2, psa_algorithm_t alg2,
                               psa_key_type_t type, size_t bits,
                               psa_key_usage_t* usage, psa_algorithm_t* alg);

// Validates the policy of `attributes` for a key being created (import,
// generation, derivation, copy): PSA_ERROR_INVALID_ARGUMENT if the usage
// flags include a bit the API does not define, or the algorithm is neither
// PSA_ALG_NONE nor a specific algorithm nor a valid wildcard policy;
// PSA_ERROR_NOT_SUPPORTED for a defined algorithm this implementation
// refuses. The API mandates no compatibility check between the policy and the
// key type at creation; none is made (operations check their key).
psa_status_t ValidatePolicy(const psa_key_attributes_t& attributes);

// For psa_export_key(): PSA_ERROR_NOT_PERMITTED unless the key has
// PSA_KEY_USAGE_EXPORT or is a public key (which the API lets be exported
// anyway). psa_export_public_key() needs no usage flag and no check.
psa_status_t CheckExportable(const psa_key_attributes_t& key);

// For psa_copy_key(): PSA_ERROR_NOT_PERMITTED unless the source key has
// PSA_KEY_USAGE_COPY; when the copy leaves the security boundary of the
// source key's location (`leaves_security_boundary`, e.g. out of a secure
// element that enforces non-exportability), a key that is not a public key
// also needs PSA_KEY_USAGE_EXPORT.
psa_status_t CheckCopyable(const psa_key_attributes_t& key,
                           bool leaves_security_boundary = false);

}  // namespace psa::core::policy

#endif  // PSA_CORE_POLICY_POLICY_H_
