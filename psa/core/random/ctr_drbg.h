// CTR_DRBG with AES-256 and the derivation function (NIST SP 800-90A Rev. 1,
// section 10.2.1, ctr_len = blocklen = 128), the deterministic part of the
// core's random generator. The AES runs on whichever driver serves AES-256
// ECB (aes_blocks.h), unless the caller passes another Aes256Function.
//
// This class is the bare mechanism: the caller supplies every entropy input
// (which is what makes it testable against known answers) and decides when
// to reseed. random_generator.h adds the entropy sources, the reseed policy,
// per-thread instances and fork safety. Not thread-safe.

#ifndef PSA_CORE_RANDOM_CTR_DRBG_H_
#define PSA_CORE_RANDOM_CTR_DRBG_H_

#include <stddef.h>
#include <stdint.h>

#include <initializer_list>

#include "absl/types/span.h"
#include "psa/core/random/aes_blocks.h"
#include "psa/crypto.h"

namespace psa::core {

class CtrDrbg {
 public:
  using Bytes = absl::Span<const uint8_t>;

  // keylen, blocklen (outlen) and seedlen of AES-256 (Table 3).
  static constexpr size_t kKeyLength = kAes256KeyLength;
  static constexpr size_t kBlockLength = kAesBlockLength;
  static constexpr size_t kSeedLength = kKeyLength + kBlockLength;
  // Highest security strength of AES-256: 256 bits.
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
  explicit CtrDrbg(uint64_t reseed_interval, Aes256Function aes = &DispatchedAes256);
  ~CtrDrbg() { Uninstantiate(); }
  CtrDrbg(const CtrDrbg&) = delete;
  CtrDrbg& operator=(const CtrDrbg&) = delete;

  // Instantiate (10.2.1.3.2) from df(entropy_input || nonce ||
  // personalization). PSA_ERROR_INVALID_ARGUMENT if the entropy input is
  // shorter than the security strength, the nonce shorter than
  // kMinNonceLength, or an input longer than kMaxInputLength; otherwise the
  // status of the AES. Replaces any previous state; on failure the DRBG is
  // left uninstantiated.
  psa_status_t Instantiate(Bytes entropy_input, Bytes nonce, Bytes personalization);

  // Reseed (10.2.1.4.2) from df(entropy_input || additional_input).
  // PSA_ERROR_BAD_STATE if not instantiated; otherwise as Instantiate.
  psa_status_t Reseed(Bytes entropy_input, Bytes additional_input);

  // Generate (10.2.1.5.2): writes output_length pseudorandom bytes.
  // PSA_ERROR_BAD_STATE if not instantiated, PSA_ERROR_INVALID_ARGUMENT if
  // output_length > kMaxRequestLength or additional_input is too long,
  // PSA_ERROR_INSUFFICIENT_ENTROPY if reseed_required() (reseed first).
  // On failure `output` is wiped; an AES failure uninstantiates the DRBG.
  psa_status_t Generate(uint8_t* output, size_t output_length, Bytes additional_input);

  // Wipes the state; Instantiate must be called again before use.
  void Uninstantiate();

  bool instantiated() const { return instantiated_; }
  // True when the reseed counter has passed the reseed interval.
  bool reseed_required() const { return reseed_counter_ > reseed_interval_; }
  uint64_t reseed_counter() const { return reseed_counter_; }

 private:
  // CTR_DRBG_Update (10.2.1.2) with provided_data (kSeedLength bytes, or
  // nullptr for all zeros). Uninstantiates on failure.
  psa_status_t Update(const uint8_t* provided_data);
  // Seeds key_ and value_ from df(inputs) (steps shared by Instantiate and
  // Reseed); uninstantiates on failure.
  psa_status_t Seed(std::initializer_list<Bytes> inputs);
  // Writes the big-endian counter blocks V+1 ... V+count to `blocks` and
  // advances V by `count`.
  void CounterBlocks(uint8_t* blocks, size_t count);

  const Aes256Function aes_;
  uint8_t key_[kKeyLength] = {0};
  // V as a 128-bit big-endian counter, kept as two host-order halves.
  uint64_t value_high_ = 0;
  uint64_t value_low_ = 0;
  uint64_t reseed_counter_ = 0;
  uint64_t reseed_interval_;
  bool instantiated_ = false;
};

// Block_Cipher_df (SP 800-90A 10.3.2) with AES-256: writes `output_length`
// bytes (1 to 64) derived from the concatenation of `inputs` (at most
// CtrDrbg::kMaxInputLength bytes in all). Also the core's conditioning
// function for entropy handed to a random driver's add_entropy. On failure
// `output` is wiped and the AES's status returned; PSA_ERROR_INVALID_ARGUMENT
// for a length out of range.
psa_status_t BlockCipherDf(Aes256Function aes, std::initializer_list<absl::Span<const uint8_t>> inputs,
                           uint8_t* output, size_t output_length);

}  // namespace psa::core

#endif  // PSA_CORE_RANDOM_CTR_DRBG_H_
