// Whether a driver of this build serves the primitive a key derivation
// algorithm computes with (its HMAC, CMAC or hash), so that
// psa_key_derivation_setup() can return PSA_ERROR_NOT_SUPPORTED as the
// specification asks, without a throw-away computation on every setup.

#ifndef PSA_CORE_KDF_PRF_PROBE_H_
#define PSA_CORE_KDF_PRF_PROBE_H_

#include <stddef.h>

#include <atomic>

#include "psa/crypto.h"

namespace psa::core::kdf {

// A small set of algorithm identifiers that only grows, lock-free and
// thread-safe: the primitives found served. Holds kCapacity entries; an
// insertion into a full set is dropped (the caller probes again next time).
class AlgorithmSet {
 public:
  static constexpr size_t kCapacity = 16;

  constexpr AlgorithmSet() = default;
  AlgorithmSet(const AlgorithmSet&) = delete;
  AlgorithmSet& operator=(const AlgorithmSet&) = delete;

  bool Contains(psa_algorithm_t alg) const;
  // Adds `alg` (not PSA_ALG_NONE); a no-op if present or the set is full.
  void Insert(psa_algorithm_t alg);

 private:
  // PSA_ALG_NONE (0) marks a free slot; slots fill in order.
  std::atomic<psa_algorithm_t> slots_[kCapacity] = {};
};

// The primitive the core's own `kdf_alg` (a key derivation algorithm, not a
// key agreement) computes with: the hash itself for PBKDF2-HMAC (its HMAC
// runs over the dispatched hash, pbkdf2.h), PSA_ALG_SHA_256 for
// PSA_ALG_TLS12_ECJPAKE_TO_PMS, PSA_ALG_CMAC for
// PSA_ALG_PBKDF2_AES_CMAC_PRF_128, else PSA_ALG_HMAC(hash); PSA_ALG_NONE for
// PSA_ALG_SP800_108_COUNTER_CMAC, whose block cipher is known only with
// the key.
psa_algorithm_t PrimitiveOf(psa_algorithm_t kdf_alg);

// PSA_SUCCESS if a driver serves the primitive of `kdf_alg`: known from
// `served`, or found by one computation on fixed data (an HMAC or CMAC of
// the empty message, a hash of it for EC J-PAKE, a hash setup for PBKDF2),
// whose success is then recorded in
// `served`. Drivers' capabilities do not change while the process runs, so
// a success holds; a failure is not recorded and the next call computes
// again. Otherwise the status of that computation (PSA_ERROR_NOT_SUPPORTED
// when no driver serves it).
psa_status_t ProbePrimitive(psa_algorithm_t kdf_alg, AlgorithmSet* served);

}  // namespace psa::core::kdf

#endif  // PSA_CORE_KDF_PRF_PROBE_H_
