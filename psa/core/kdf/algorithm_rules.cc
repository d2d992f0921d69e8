#include "psa/core/kdf/algorithm_rules.h"

#include <string.h>

#include <initializer_list>

#include "psa/core/kdf/ecjpake_to_pms.h"

namespace psa::core::kdf {
namespace {

constexpr size_t kSp800108MaxCapacity = 0x1fffffff;  // 2^29 - 1 bytes
constexpr uint64_t kPbkdf2MaxBlocks = 0xffffffffu;   // RFC 8018: dkLen <= (2^32 - 1) * hLen

size_t Pbkdf2Capacity(size_t block_length) {
  const uint64_t bytes = kPbkdf2MaxBlocks * block_length;
  return bytes > SIZE_MAX ? SIZE_MAX : static_cast<size_t>(bytes);
}

void SetSteps(KdfRules* rules, std::initializer_list<StepRule> steps) {
  rules->step_count = 0;
  for (const StepRule& rule : steps) rules->steps[rules->step_count++] = rule;
}

// Whether HMAC with `hash_alg` has the lengths the HMAC-based KDFs need.
bool IsHmacHash(psa_algorithm_t hash_alg) {
  return PSA_ALG_IS_HASH(hash_alg) && hash_alg != PSA_ALG_ANY_HASH && PSA_HASH_LENGTH(hash_alg) != 0 &&
         PSA_HASH_BLOCK_LENGTH(hash_alg) != 0;
}

}  // namespace

int KdfRules::IndexOf(psa_key_derivation_step_t step) const {
  for (size_t i = 0; i < step_count; ++i) {
    if (steps[i].step == step) return static_cast<int>(i);
  }
  return -1;
}

psa_status_t GetKdfRules(psa_algorithm_t alg, KdfRules* rules) {
  *rules = KdfRules{};
  if (!PSA_ALG_IS_KEY_DERIVATION(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  rules->alg = alg;
  rules->secret_step = PSA_KEY_DERIVATION_INPUT_SECRET;
  const psa_algorithm_t hash_alg = PSA_ALG_GET_HASH(alg);
  const size_t hash_length = PSA_HASH_LENGTH(hash_alg);
  const bool hashed = PSA_ALG_IS_HKDF(alg) || PSA_ALG_IS_HKDF_EXTRACT(alg) || PSA_ALG_IS_HKDF_EXPAND(alg) ||
                      PSA_ALG_IS_TLS12_PRF(alg) || PSA_ALG_IS_TLS12_PSK_TO_MS(alg) ||
                      PSA_ALG_IS_SP800_108_COUNTER_HMAC(alg) || PSA_ALG_IS_PBKDF2_HMAC(alg);
  if (hashed && !IsHmacHash(hash_alg)) {
    // A hash parameter that is not a hash makes no algorithm at all.
    return PSA_ALG_IS_HASH(hash_alg) && hash_alg != PSA_ALG_ANY_HASH ? PSA_ERROR_NOT_SUPPORTED
                                                                      : PSA_ERROR_INVALID_ARGUMENT;
  }
  using S = StepRule;
  if (PSA_ALG_IS_HKDF(alg)) {
    SetSteps(rules, {S{PSA_KEY_DERIVATION_INPUT_SALT, 0}, S{PSA_KEY_DERIVATION_INPUT_SECRET, kRequired},
                     S{PSA_KEY_DERIVATION_INPUT_INFO, kRequired | kAnyTime}});
    rules->initial_capacity = 255 * hash_length;
  } else if (PSA_ALG_IS_HKDF_EXTRACT(alg)) {
    SetSteps(rules, {S{PSA_KEY_DERIVATION_INPUT_SALT, kRequired}, S{PSA_KEY_DERIVATION_INPUT_SECRET, kRequired}});
    rules->initial_capacity = hash_length;
  } else if (PSA_ALG_IS_HKDF_EXPAND(alg)) {
    SetSteps(rules, {S{PSA_KEY_DERIVATION_INPUT_SECRET, kRequired}, S{PSA_KEY_DERIVATION_INPUT_INFO, kRequired}});
    rules->initial_capacity = 255 * hash_length;
  } else if (PSA_ALG_IS_TLS12_PRF(alg)) {
    SetSteps(rules, {S{PSA_KEY_DERIVATION_INPUT_SEED, kRequired}, S{PSA_KEY_DERIVATION_INPUT_SECRET, kRequired},
                     S{PSA_KEY_DERIVATION_INPUT_LABEL, kRequired}});
    rules->initial_capacity = 255 * hash_length;
  } else if (PSA_ALG_IS_TLS12_PSK_TO_MS(alg)) {
    SetSteps(rules, {S{PSA_KEY_DERIVATION_INPUT_SEED, kRequired}, S{PSA_KEY_DERIVATION_INPUT_OTHER_SECRET, 0},
                     S{PSA_KEY_DERIVATION_INPUT_SECRET, kRequired}, S{PSA_KEY_DERIVATION_INPUT_LABEL, kRequired}});
    rules->initial_capacity = 255 * hash_length;
  } else if (alg == PSA_ALG_TLS12_ECJPAKE_TO_PMS) {
    SetSteps(rules, {S{PSA_KEY_DERIVATION_INPUT_SECRET, kRequired}});
    rules->initial_capacity = PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE;
  } else if (PSA_ALG_IS_SP800_108_COUNTER_HMAC(alg) || alg == PSA_ALG_SP800_108_COUNTER_CMAC) {
    const uint8_t secret_flags = alg == PSA_ALG_SP800_108_COUNTER_CMAC ? kRequired | kKeyOnly : kRequired;
    SetSteps(rules, {S{PSA_KEY_DERIVATION_INPUT_SECRET, secret_flags}, S{PSA_KEY_DERIVATION_INPUT_LABEL, 0},
                     S{PSA_KEY_DERIVATION_INPUT_CONTEXT, 0}});
    rules->initial_capacity = kSp800108MaxCapacity;
  } else if (PSA_ALG_IS_PBKDF2_HMAC(alg) || alg == PSA_ALG_PBKDF2_AES_CMAC_PRF_128) {
    SetSteps(rules, {S{PSA_KEY_DERIVATION_INPUT_COST, kRequired | kIntegerOnly},
                     S{PSA_KEY_DERIVATION_INPUT_SALT, kRequired | kRepeatable},
                     S{PSA_KEY_DERIVATION_INPUT_PASSWORD, kRequired}});
    rules->secret_step = PSA_KEY_DERIVATION_INPUT_PASSWORD;
    rules->initial_capacity = Pbkdf2Capacity(alg == PSA_ALG_PBKDF2_AES_CMAC_PRF_128 ? 16 : hash_length);
  } else {
    *rules = KdfRules{};
    return PSA_ERROR_NOT_SUPPORTED;
  }
  return PSA_SUCCESS;
}

bool KeyTypeAllowed(psa_algorithm_t kdf_alg, psa_key_derivation_step_t step, psa_key_type_t key_type) {
  switch (step) {
    case PSA_KEY_DERIVATION_INPUT_SECRET:
      if (kdf_alg == PSA_ALG_SP800_108_COUNTER_CMAC) {
        return key_type == PSA_KEY_TYPE_AES || key_type == PSA_KEY_TYPE_ARIA || key_type == PSA_KEY_TYPE_CAMELLIA ||
               key_type == PSA_KEY_TYPE_SM4;
      }
      if (PSA_ALG_IS_SP800_108_COUNTER_HMAC(kdf_alg)) {
        return key_type == PSA_KEY_TYPE_DERIVE || key_type == PSA_KEY_TYPE_HMAC;
      }
      return key_type == PSA_KEY_TYPE_DERIVE;
    case PSA_KEY_DERIVATION_INPUT_OTHER_SECRET:
      return key_type == PSA_KEY_TYPE_DERIVE;
    case PSA_KEY_DERIVATION_INPUT_PASSWORD:
      return key_type == PSA_KEY_TYPE_DERIVE || key_type == PSA_KEY_TYPE_PASSWORD;
    case PSA_KEY_DERIVATION_INPUT_SALT:
      return key_type == PSA_KEY_TYPE_RAW_DATA ||
             (key_type == PSA_KEY_TYPE_PEPPER &&
              (PSA_ALG_IS_PBKDF2_HMAC(kdf_alg) || kdf_alg == PSA_ALG_PBKDF2_AES_CMAC_PRF_128));
    case PSA_KEY_DERIVATION_INPUT_LABEL:
    case PSA_KEY_DERIVATION_INPUT_CONTEXT:
    case PSA_KEY_DERIVATION_INPUT_INFO:
    case PSA_KEY_DERIVATION_INPUT_SEED:
      return key_type == PSA_KEY_TYPE_RAW_DATA;
    default:
      return false;
  }
}

psa_status_t CheckStepData(psa_algorithm_t kdf_alg, psa_key_derivation_step_t step, const uint8_t* data,
                           size_t length) {
  const bool sp800_108 = PSA_ALG_IS_SP800_108_COUNTER_HMAC(kdf_alg) || kdf_alg == PSA_ALG_SP800_108_COUNTER_CMAC;
  if (sp800_108 && step == PSA_KEY_DERIVATION_INPUT_LABEL && length != 0 && memchr(data, 0, length) != nullptr) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (PSA_ALG_IS_TLS12_PSK_TO_MS(kdf_alg)) {
    if (step == PSA_KEY_DERIVATION_INPUT_SECRET && length > PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    // The premaster secret encodes its length in 16 bits.
    if (step == PSA_KEY_DERIVATION_INPUT_OTHER_SECRET && length > 0xffff) return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (kdf_alg == PSA_ALG_TLS12_ECJPAKE_TO_PMS && step == PSA_KEY_DERIVATION_INPUT_SECRET &&
      !IsEcjpakePoint(data, length)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (PSA_ALG_IS_HKDF_EXPAND(kdf_alg) && step == PSA_KEY_DERIVATION_INPUT_SECRET &&
      length < PSA_HASH_LENGTH(PSA_ALG_GET_HASH(kdf_alg))) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (sp800_108 && step == PSA_KEY_DERIVATION_INPUT_SECRET && length == 0) return PSA_ERROR_INVALID_ARGUMENT;
  return PSA_SUCCESS;
}

}  // namespace psa::core::kdf
