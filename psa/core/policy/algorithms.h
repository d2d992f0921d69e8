// Classification of algorithm identifiers for key policies: which values are
// specific algorithms of the PSA Crypto API 1.2 (with its PAKE extension) that
// an operation may name, which are wildcard permitted-algorithm policies, and
// the MAC lengths that MAC identifiers imply.
//
// The classification is by encoding only, over the algorithms of the public
// headers. Whether a driver of the build implements an algorithm, and whether
// a key type suits it, are decided elsewhere (dispatch and the operations).

#ifndef PSA_CORE_POLICY_ALGORITHMS_H_
#define PSA_CORE_POLICY_ALGORITHMS_H_

#include <stddef.h>

#include <vector>

#include "absl/types/span.h"
#include "psa/crypto.h"

namespace psa::core::policy {

// The shortest MAC, in bytes, that a truncated MAC algorithm may produce: the
// "implementation-specified minimum" of PSA_ALG_TRUNCATED_MAC(). Shorter
// truncations are not valid algorithms of this implementation.
inline constexpr size_t kMinTruncatedMacLength = 4;

// The hash algorithms of the API, each once, without PSA_ALG_ANY_HASH.
absl::Span<const psa_algorithm_t> HashAlgorithms();

// Whether `alg` is one of HashAlgorithms().
bool IsHashAlgorithm(psa_algorithm_t alg);

// Every specific key-derivation algorithm (each hash-parameterised family with
// every hash of HashAlgorithms(), and the fixed ones). A standalone key
// agreement used as a policy permits its combination with each of them.
std::vector<psa_algorithm_t> SpecificKeyDerivationAlgorithms();

// Classifies `alg` as the algorithm of an operation:
//   PSA_SUCCESS                 a specific algorithm of the API;
//   PSA_ERROR_NOT_SUPPORTED     an algorithm the API defines that this
//                               implementation never accepts: ChaCha20-Poly1305
//                               and XChaCha20-Poly1305 with a tag shorter than
//                               16 bytes (the specification recommends
//                               rejecting them);
//   PSA_ERROR_INVALID_ARGUMENT  anything else: PSA_ALG_NONE, a wildcard,
//                               an unallocated or implementation-defined value,
//                               a hash parameter that is not a hash, a MAC
//                               truncated below kMinTruncatedMacLength or
//                               beyond the longest MAC of its family, an AEAD
//                               tag length the algorithm does not define.
psa_status_t CheckSpecificAlgorithm(psa_algorithm_t alg);

// Whether `alg` is a valid wildcard policy: a hash-and-sign algorithm of
// RSA PKCS#1 v1.5, RSA-PSS (both salt variants), ECDSA or deterministic ECDSA
// built with PSA_ALG_ANY_HASH; PSA_ALG_AT_LEAST_THIS_LENGTH_MAC() of a valid
// MAC with a minimum of 1 up to the longest MAC of its family;
// PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG() of a valid AEAD with a minimum
// of 1 to 16; PSA_ALG_CCM_STAR_ANY_TAG.
bool IsWildcardPolicy(psa_algorithm_t alg);

// Classifies `alg` as the permitted-algorithm policy of a key: PSA_SUCCESS for
// PSA_ALG_NONE, a wildcard policy or an algorithm CheckSpecificAlgorithm()
// accepts; its status otherwise.
psa_status_t CheckPolicyAlgorithm(psa_algorithm_t alg);

// The untruncated length, in bytes, of the MAC family of `mac_alg` (specific,
// truncated or wildcard) with a key of type `type`: the hash length for HMAC,
// the cipher block size of `type` for CBC-MAC and CMAC. 0 if `mac_alg` is not
// a MAC or the length depends on a key type without a block cipher.
size_t FullMacLength(psa_algorithm_t mac_alg, psa_key_type_t type);

// The length, in bytes, of the MAC that the specific algorithm `mac_alg`
// outputs with a key of type `type`: its truncation length, or
// FullMacLength() when it is not truncated (0 if that is unknown).
size_t MacLength(psa_algorithm_t mac_alg, psa_key_type_t type);

}  // namespace psa::core::policy

#endif  // PSA_CORE_POLICY_ALGORITHMS_H_
