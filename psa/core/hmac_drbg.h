// HMAC_DRBG with HMAC-SHA-256 (NIST SP 800-90A Rev. 1, section 10.1.2), the
// deterministic part of the core's random generator. The HMAC runs on
// whichever driver serves SHA-256 (see hmac.h).
//
// This class is the bare mechanism: the caller supplies every entropy input
// (which is what makes it testable against the NIST CAVP vectors) and decides
// when to reseed. random_generator.h adds the entropy sources, the reseed
// policy and thread safety.

#ifndef PSA_CORE_HMAC_DRBG_H_
#define PSA_CORE_HMAC_DRBG_H_

#include <stddef.h>
#include <stdint.h>

#include <initializer_list>

#include "absl/types/span.h"
#include "psa/crypto.h"

namespace psa::core {

class HmacDrbg {
 public:
  using Bytes = absl::Span<const uint8_t>;

  static constexpr psa_algorithm_t kHashAlgorithm = PSA_ALG_SHA_256;
  // outlen: the size of K, V and of one HMAC output.
  static constexpr size_t kOutputLength = 32;
  // Highest security strength of HMAC_DRBG with SHA-256: 256 bits.
  static constexpr size_t kSecurityStrengthBytes = 32;
  // Shortest nonce accepted: half the security strength (SP 800-90A 8.6.7).
  static constexpr size_t kMinNonceLength = kSecurityStrengthBytes / 2;
  // max_number_of_bits_per_request: 2^19 bits.
  static constexpr size_t kMaxRequestLength = 65536;
  // max_length, max_personalization_string_length and
  // max_additional_input_length: 2^35 bits.
  static constexpr uint64_t kMaxInputLength = uint64_t{1} << 32;
  // reseed_interval may not exceed 2^48 requests.
  static constexpr uint64_t kMaxReseedInterval = uint64_t{1} << 48;

  // `reseed_interval` (clamped to 1..kMaxReseedInterval) is the number of
  // Generate calls allowed between two (re)seedings.
  explicit HmacDrbg(uint64_t reseed_interval);
  ~HmacDrbg() { Uninstantiate(); }
  HmacDrbg(const HmacDrbg&) = delete;
  HmacDrbg& operator=(const HmacDrbg&) = delete;

  // Instantiate (10.1.2.3) from entropy_input || nonce || personalization.
  // PSA_ERROR_INVALID_ARGUMENT if the entropy input is shorter than the
  // security strength, the nonce shorter than kMinNonceLength, or an input
  // longer than kMaxInputLength; otherwise the status of the HMAC. Replaces
  // any previous state. On failure the DRBG is left uninstantiated.
  psa_status_t Instantiate(Bytes entropy_input, Bytes nonce,
                           Bytes personalization);

  // Reseed (10.1.2.4) from entropy_input || additional_input.
  // PSA_ERROR_BAD_STATE if not instantiated; otherwise as Instantiate.
  psa_status_t Reseed(Bytes entropy_input, Bytes additional_input);

  // Generate (10.1.2.5): writes output_length pseudorandom bytes.
  // PSA_ERROR_BAD_STATE if not instantiated, PSA_ERROR_INVALID_ARGUMENT if
  // output_length > kMaxRequestLength or additional_input is too long,
  // PSA_ERROR_INSUFFICIENT_ENTROPY if reseed_required() (reseed first).
  // On failure `output` is wiped; an HMAC failure uninstantiates the DRBG.
  psa_status_t Generate(uint8_t* output, size_t output_length,
                        Bytes additional_input);

  // Wipes the state; Instantiate must be called again before use.
  void Uninstantiate();

  bool instantiated() const { return instantiated_; }
  // True when the reseed counter has passed the reseed interval.
  bool reseed_required() const { return reseed_counter_ > reseed_interval_; }
  uint64_t reseed_counter() const { return reseed_counter_; }

 private:
  // HMAC_DRBG_Update (10.1.2.2) with provided_data = the concatenation of
  // `provided_data`. Uninstantiates on failure.
  psa_status_t Update(std::initializer_list<Bytes> provided_data);
  // key_ = HMAC(key_, value_ || separator || provided_data), then
  // value_ = HMAC(key_, value_).
  psa_status_t UpdateStep(uint8_t separator,
                          std::initializer_list<Bytes> provided_data);
  // value_ = HMAC(key_, value_).
  psa_status_t AdvanceValue();
  // Steps 2-6 of Generate, preconditions already checked.
  psa_status_t GenerateUnchecked(uint8_t* output, size_t output_length,
                                 Bytes additional_input);

  uint8_t key_[kOutputLength] = {0};
  uint8_t value_[kOutputLength] = {0};
  uint64_t reseed_counter_ = 0;
  uint64_t reseed_interval_;
  bool instantiated_ = false;
};

}  // namespace psa::core

#endif  // PSA_CORE_HMAC_DRBG_H_
