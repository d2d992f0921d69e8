#include "psa/core/policy/policy.h"

#include <stddef.h>

#include <algorithm>
#include <vector>

#include "psa/core/policy/algorithms.h"
#include "psa/crypto.h"

namespace psa::core::policy {
namespace {

// Field masks of an algorithm identifier (see crypto_values.h).
constexpr psa_algorithm_t kHashField = 0x000000ff;
constexpr psa_algorithm_t kLengthField = 0x003f0000;
constexpr unsigned kLengthShift = 16;
constexpr psa_algorithm_t kAtLeastFlag = 0x00008000;
// The largest value of the LEN field.
constexpr size_t kMaxLengthField = kLengthField >> kLengthShift;

size_t LengthField(psa_algorithm_t alg) {
  return (alg & kLengthField) >> kLengthShift;
}

bool HasAtLeastFlag(psa_algorithm_t alg) { return (alg & kAtLeastFlag) != 0; }

// The algorithm of AEAD family `aead` with a tag of `length` bytes.
psa_algorithm_t AeadWithTag(psa_algorithm_t aead, size_t length) {
  return PSA_ALG_AEAD_WITH_SHORTENED_TAG(aead, length);
}

bool IsCcmStarTag(psa_algorithm_t alg) {
  return alg == AeadWithTag(PSA_ALG_CCM, 4) ||
         alg == AeadWithTag(PSA_ALG_CCM, 8) ||
         alg == AeadWithTag(PSA_ALG_CCM, 16);
}

// AlgorithmPermits() for a MAC `requested` that is a valid specific algorithm
// and not longer than the key type's full MAC.
bool MacPermits(psa_algorithm_t permitted, psa_algorithm_t requested,
                psa_key_type_t type) {
  if (!PSA_ALG_IS_MAC(permitted) || PSA_ALG_FULL_LENGTH_MAC(permitted) !=
                                        PSA_ALG_FULL_LENGTH_MAC(requested)) {
    return false;
  }
  if (permitted == requested) return true;
  // The remaining cases compare lengths, which needs the full length.
  const size_t full_length = FullMacLength(requested, type);
  if (full_length == 0) return false;
  const size_t requested_length = MacLength(requested, type);
  const size_t permitted_length = LengthField(permitted);
  if (HasAtLeastFlag(permitted)) {
    return permitted_length >= 1 && requested_length >= permitted_length;
  }
  return (permitted_length == 0 ? full_length : permitted_length) ==
         requested_length;
}

// AlgorithmPermits() for an AEAD `requested` that is a valid specific
// algorithm other than `permitted`.
bool AeadPermits(psa_algorithm_t permitted, psa_algorithm_t requested) {
  if (permitted == PSA_ALG_CCM_STAR_ANY_TAG) return IsCcmStarTag(requested);
  if (!PSA_ALG_IS_AEAD(permitted) || !HasAtLeastFlag(permitted)) return false;
  const size_t minimum = LengthField(permitted);
  return minimum >= 1 &&
         PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(permitted) ==
             PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(requested) &&
         LengthField(requested) >= minimum;
}

// AlgorithmPermits() for a signature `requested` that is a valid specific
// algorithm other than `permitted`.
bool SignaturePermits(psa_algorithm_t permitted, psa_algorithm_t requested) {
  if (!PSA_ALG_IS_SIGN(permitted) || !IsWildcardPolicy(permitted)) {
    return false;
  }
  // `permitted` is a hash-and-sign family with PSA_ALG_ANY_HASH. The PKCS#1
  // v1.5 wildcard also permits the raw PKCS#1 v1.5 signature...
  if (permitted == PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH) &&
      requested == PSA_ALG_RSA_PKCS1V15_SIGN_RAW) {
    return true;
  }
  // ...but otherwise H = 0 (PSA_ALG_ECDSA_ANY) is no hash: only the same
  // family with a hash is permitted.
  return (permitted & ~kHashField) == (requested & ~kHashField) &&
         (requested & kHashField) != 0;
}

// The specific algorithms a key of type `type` with the policy `alg` may be
// used with, one value per algorithm: a MAC truncated to its full length is
// listed untruncated. Empty for PSA_ALG_NONE and for a policy that permits
// nothing with this key type.
std::vector<psa_algorithm_t> PermittedAlgorithms(psa_algorithm_t alg,
                                                 psa_key_type_t type,
                                                 size_t bits) {
  std::vector<psa_algorithm_t> candidates;
  if (alg == PSA_ALG_NONE) return candidates;
  if (PSA_ALG_IS_MAC(alg)) {
    const psa_algorithm_t full = PSA_ALG_FULL_LENGTH_MAC(alg);
    const size_t full_length = FullMacLength(alg, type);
    candidates.push_back(full);
    for (size_t length = 1; length < full_length; ++length) {
      candidates.push_back(PSA_ALG_TRUNCATED_MAC(full, length));
    }
    // Without a full length, only equality can permit a truncated MAC.
    if (full_length == 0 && alg != full) candidates.push_back(alg);
  } else if (PSA_ALG_IS_AEAD(alg) || alg == PSA_ALG_CCM_STAR_ANY_TAG) {
    const psa_algorithm_t aead =
        alg == PSA_ALG_CCM_STAR_ANY_TAG
            ? PSA_ALG_CCM
            : PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg);
    for (size_t length = 1; length <= kMaxLengthField; ++length) {
      candidates.push_back(AeadWithTag(aead, length));
    }
    candidates.push_back(PSA_ALG_CCM_STAR_NO_TAG);
  } else if (PSA_ALG_IS_SIGN(alg) && IsWildcardPolicy(alg)) {
    for (psa_algorithm_t hash : HashAlgorithms()) {
      candidates.push_back((alg & ~kHashField) | (hash & kHashField));
    }
    candidates.push_back(PSA_ALG_RSA_PKCS1V15_SIGN_RAW);
  } else if (PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg)) {
    candidates.push_back(alg);
    for (psa_algorithm_t kdf : SpecificKeyDerivationAlgorithms()) {
      candidates.push_back(PSA_ALG_KEY_AGREEMENT(alg, kdf));
    }
  } else {
    candidates.push_back(alg);
  }
  // Keeping exactly the permitted candidates ties this list to
  // AlgorithmPermits() by construction.
  std::vector<psa_algorithm_t> permitted;
  for (psa_algorithm_t candidate : candidates) {
    if (AlgorithmPermits(alg, candidate, type, bits)) {
      permitted.push_back(candidate);
    }
  }
  return permitted;
}

// Whether `outer` permits every algorithm of the non-empty list `inner`.
bool PermitsAll(psa_algorithm_t outer,
                const std::vector<psa_algorithm_t>& inner, psa_key_type_t type,
                size_t bits) {
  return !inner.empty() &&
         std::all_of(inner.begin(), inner.end(), [&](psa_algorithm_t alg) {
           return AlgorithmPermits(outer, alg, type, bits);
         });
}

}  // namespace

psa_key_usage_t WithImpliedUsages(psa_key_usage_t usage) {
  if ((usage & PSA_KEY_USAGE_SIGN_HASH) != 0) {
    usage |= PSA_KEY_USAGE_SIGN_MESSAGE;
  }
  if ((usage & PSA_KEY_USAGE_VERIFY_HASH) != 0) {
    usage |= PSA_KEY_USAGE_VERIFY_MESSAGE;
  }
  return usage;
}

bool AlgorithmPermits(psa_algorithm_t permitted, psa_algorithm_t requested,
                      psa_key_type_t type, size_t /*bits*/) {
  // No MAC length of the API depends on the key size, only on its type.
  if (CheckSpecificAlgorithm(requested) != PSA_SUCCESS) return false;
  if (PSA_ALG_IS_MAC(requested)) {
    const size_t full_length = FullMacLength(requested, type);
    if (full_length != 0 && MacLength(requested, type) > full_length) {
      return false;
    }
    return MacPermits(permitted, requested, type);
  }
  if (permitted == requested) return true;
  if (PSA_ALG_IS_AEAD(requested)) return AeadPermits(permitted, requested);
  if (requested == PSA_ALG_CCM_STAR_NO_TAG) {
    return permitted == PSA_ALG_CCM_STAR_ANY_TAG;
  }
  if (PSA_ALG_IS_SIGN(requested)) {
    return SignaturePermits(permitted, requested);
  }
  if (PSA_ALG_IS_KEY_AGREEMENT(requested)) {
    // A valid `requested` has a valid base, so `permitted` is one too.
    return PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(permitted) &&
           PSA_ALG_KEY_AGREEMENT_GET_BASE(requested) == permitted;
  }
  return false;
}

psa_status_t CheckKeyUsage(const psa_key_attributes_t& key,
                           psa_key_usage_t usage, psa_algorithm_t alg) {
  const psa_status_t status = CheckSpecificAlgorithm(alg);
  if (status != PSA_SUCCESS) return status;
  if (PSA_ALG_IS_MAC(alg)) {
    const size_t full_length = FullMacLength(alg, key.type);
    if (full_length != 0 && MacLength(alg, key.type) > full_length) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
  }
  if ((WithImpliedUsages(key.usage) & usage) != usage) {
    return PSA_ERROR_NOT_PERMITTED;
  }
  // The common case, a key used with exactly its permitted algorithm: the
  // checks above are all AlgorithmPermits() would make.
  if (key.alg == alg) return PSA_SUCCESS;
  if (!AlgorithmPermits(key.alg, alg, key.type, key.bits)) {
    return PSA_ERROR_NOT_PERMITTED;
  }
  return PSA_SUCCESS;
}

psa_status_t IntersectPolicies(psa_key_usage_t usage1, psa_algorithm_t alg1,
                               psa_key_usage_t usage2, psa_algorithm_t alg2,
                               psa_key_type_t type, size_t bits,
                               psa_key_usage_t* usage, psa_algorithm_t* alg) {
  if (usage == nullptr || alg == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  if ((usage1 & ~kAllUsageFlags) != 0 || (usage2 & ~kAllUsageFlags) != 0 ||
      CheckPolicyAlgorithm(alg1) != PSA_SUCCESS ||
      CheckPolicyAlgorithm(alg2) != PSA_SUCCESS) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }

  psa_algorithm_t intersection = PSA_ALG_NONE;
  if (alg1 == alg2) {
    intersection = alg1;
  } else if (alg1 == PSA_ALG_NONE || alg2 == PSA_ALG_NONE) {
    intersection = PSA_ALG_NONE;
  } else {
    const std::vector<psa_algorithm_t> permitted1 =
        PermittedAlgorithms(alg1, type, bits);
    const std::vector<psa_algorithm_t> permitted2 =
        PermittedAlgorithms(alg2, type, bits);
    if (PermitsAll(alg1, permitted2, type, bits)) {
      intersection = alg2;  // alg2 is at least as restrictive.
    } else if (PermitsAll(alg2, permitted1, type, bits)) {
      intersection = alg1;  // alg1 is more restrictive.
    } else {
      std::vector<psa_algorithm_t> common;
      for (psa_algorithm_t candidate : permitted1) {
        if (AlgorithmPermits(alg2, candidate, type, bits)) {
          common.push_back(candidate);
        }
      }
      // None in common, or several that no one policy value permits alone.
      if (common.size() != 1) return PSA_ERROR_INVALID_ARGUMENT;
      intersection = common.front();
    }
  }

  *usage = WithImpliedUsages(usage1) & WithImpliedUsages(usage2);
  *alg = intersection;
  return PSA_SUCCESS;
}

psa_status_t ValidatePolicy(const psa_key_attributes_t& attributes) {
  if ((attributes.usage & ~kAllUsageFlags) != 0) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return CheckPolicyAlgorithm(attributes.alg);
}

psa_status_t CheckExportable(const psa_key_attributes_t& key) {
  if ((key.usage & PSA_KEY_USAGE_EXPORT) != 0 ||
      PSA_KEY_TYPE_IS_PUBLIC_KEY(key.type)) {
    return PSA_SUCCESS;
  }
  return PSA_ERROR_NOT_PERMITTED;
}

psa_status_t CheckCopyable(const psa_key_attributes_t& key,
                           bool leaves_security_boundary) {
  if ((key.usage & PSA_KEY_USAGE_COPY) == 0) return PSA_ERROR_NOT_PERMITTED;
  if (leaves_security_boundary && (key.usage & PSA_KEY_USAGE_EXPORT) == 0 &&
      !PSA_KEY_TYPE_IS_PUBLIC_KEY(key.type)) {
    return PSA_ERROR_NOT_PERMITTED;
  }
  return PSA_SUCCESS;
}

}  // namespace psa::core::policy
