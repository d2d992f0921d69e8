// What the MAC, cipher, AEAD and random benchmarks share: the mechanisms
// measured, their keys in this project's key store and in Mbed TLS 2.28's
// (the baseline, third_party/mbedtls228/baseline.h), the check that both
// compute the same outputs, and the row runners.
//
// A family describes each operation once, as a RowFactory: for a mechanism
// and a message size it sets up keys and buffers and returns the calls to
// time (RowOperations). RegisterRow turns a factory into the rows
//
//   BM_<Operation>/<implementation>/<mechanism>/<bytes>
//
// with implementation
//   psa             this project's PSA API (served by the benchmarked driver)
//   mbedtls228      Mbed TLS 2.28's PSA API
//   builtin_direct  the builtin driver's entry point, without the core
//   paired          psa and mbedtls228 timed alternately in the same
//                   benchmark, in blocks of about 50 us: counters ratio
//                   (median over blocks of mbedtls228 time / psa time, so
//                   ours' speed relative to theirs), psa_ns, other_ns
//   paired_direct   the same for psa against builtin_direct
//
// benchmarks/report.py pairs rows by these names. The paired rows are the
// robust comparison on a loaded machine: both sides see the same load.

#ifndef BENCHMARKS_SYMMETRIC_SUPPORT_H_
#define BENCHMARKS_SYMMETRIC_SUPPORT_H_

#include <benchmark/benchmark.h>

#include <stddef.h>
#include <stdint.h>

#include <functional>
#include <string>
#include <vector>

#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {

// One mechanism: key type and size, algorithm, and the same in the baseline.
// alg 0: no key (random generation).
struct Mechanism {
  const char* name;  // in row names: "aes128gcm"
  psa_key_type_t key_type;
  size_t key_bytes;
  psa_algorithm_t alg;
  baseline_mechanism_t baseline;
};

// The measured mechanisms of each family.
extern const Mechanism kAeadMechanisms[4];    // aes128gcm, aes256gcm, aes128ccm, chacha20poly1305
extern const Mechanism kCipherMechanisms[3];  // aes128ctr, aes128cbc_nopad, aes128cbc_pkcs7
extern const Mechanism kMacMechanisms[2];     // hmacsha256, aes128cmac
extern const Mechanism kRandom;               // rng: no key

// The AEAD rows' nonce (12 bytes) and additional data (16 bytes).
extern const std::vector<uint8_t> kNonce;
extern const std::vector<uint8_t> kAdditionalData;

// `size` bytes of a fixed pattern that depends on `seed`.
std::vector<uint8_t> Pattern(size_t size, uint8_t seed);

// The key bytes of `mechanism` (fixed).
std::vector<uint8_t> KeyBytes(const Mechanism& mechanism);

// A key of `mechanism` in this project's key store, destroyed with the
// object. usage: encrypt, decrypt, sign and verify messages.
class OurKey {
 public:
  explicit OurKey(const Mechanism& mechanism);
  ~OurKey();
  OurKey(const OurKey&) = delete;
  OurKey& operator=(const OurKey&) = delete;

  psa_status_t status() const { return status_; }
  psa_key_id_t id() const { return id_; }
  // The key's attributes as psa_get_key_attributes reports them, and its
  // raw bytes: what the core hands the builtin driver.
  const psa_key_attributes_t& attributes() const { return attributes_; }
  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  psa_status_t status_ = PSA_ERROR_GENERIC_ERROR;
  psa_key_id_t id_ = 0;
  psa_key_attributes_t attributes_ = PSA_KEY_ATTRIBUTES_INIT;
  std::vector<uint8_t> bytes_;
};

// The same key in Mbed TLS 2.28's key store, destroyed with the object.
class BaselineKey {
 public:
  explicit BaselineKey(const Mechanism& mechanism);
  ~BaselineKey();
  BaselineKey(const BaselineKey&) = delete;
  BaselineKey& operator=(const BaselineKey&) = delete;

  int32_t status() const { return status_; }
  const baseline_key_t* get() const { return &key_; }

 private:
  int32_t status_ = PSA_ERROR_GENERIC_ERROR;
  baseline_key_t key_ = {0, 0};
};

// psa_crypto_init of both implementations; false (and state skipped with
// the reason) if one fails.
bool InitOrSkip(benchmark::State& state);

// Skips `state` with a message naming `what` and `status` when status is not
// PSA_SUCCESS: "not supported" for PSA_ERROR_NOT_SUPPORTED. Returns true if
// it skipped.
bool SkipOnError(benchmark::State& state, const char* what, psa_status_t status);

// Whether Mbed TLS 2.28 computes what this project computes for `mechanism`
// on a `size`-byte message: AEAD encryption and decryption (of each other's
// ciphertexts), cipher encryption with a chosen IV, decryption of each
// other's psa_cipher_encrypt output, MACs (single-part and multi-part).
// Returns "" if they agree (and for kRandom, whose outputs cannot agree),
// else what differs.
std::string CheckAgreement(const Mechanism& mechanism, size_t size);

// A timed call; returns its status (PSA_SUCCESS = 0).
using Call = std::function<int32_t()>;

// The calls of one row, set up for one mechanism and size. An empty Call:
// that implementation has no such operation.
struct RowOperations {
  Call psa;
  Call mbedtls228;
  Call builtin_direct;
};

// Sets up an operation for `mechanism` and `size`: on failure returns empty
// calls and sets *error (a PSA_ERROR_NOT_SUPPORTED setup says "not
// supported"). The calls keep what they need alive.
using RowFactory = RowOperations (*)(const Mechanism& mechanism, size_t size, std::string* error);

enum class Implementation { kPsa, kMbedtls228, kBuiltinDirect, kPaired, kPairedDirect };

// Registers BM_<operation>/<implementation>/<mechanism.name>/<size> for each
// size. Rows that involve mbedtls228 first check CheckAgreement.
void RegisterRow(const std::string& operation, Implementation implementation, const Mechanism& mechanism,
                 RowFactory factory, const std::vector<int>& sizes);

// `message` as an error string for RowFactory: "<what>: not supported" for
// PSA_ERROR_NOT_SUPPORTED, "<what> failed with status N" otherwise, "" for
// PSA_SUCCESS.
std::string StatusError(const char* what, int32_t status);

}  // namespace psa_benchmarks

#endif  // BENCHMARKS_SYMMETRIC_SUPPORT_H_
