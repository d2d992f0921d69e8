// What the MAC, cipher, AEAD and random benchmarks share: the mechanisms
// measured, their keys in this project's key store and in Mbed TLS 2.28's
// (the baseline, third_party/mbedtls228/baseline.h), the check that both
// compute the same outputs, and the registration of their rows
//
//   BM_<Operation>/<implementation>/<mechanism>/<bytes>
//
// (benchmarks/row_runner.h: the implementations, the paired rows). A family
// describes each operation once, as a RowFactory: for a mechanism and a
// message size it sets up keys and buffers and returns the calls to time.

#ifndef BENCHMARKS_SYMMETRIC_SUPPORT_H_
#define BENCHMARKS_SYMMETRIC_SUPPORT_H_

#include <benchmark/benchmark.h>

#include <stddef.h>
#include <stdint.h>

#include <functional>
#include <string>
#include <vector>

#include "benchmarks/row_runner.h"
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
  // A key of `type` imported from `bytes` (its size comes from the bytes)
  // for `alg`, with `usage`.
  OurKey(psa_key_type_t type, psa_algorithm_t alg, psa_key_usage_t usage, std::vector<uint8_t> bytes);
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
  // The key of `mechanism` imported from `bytes` (baseline_import_key).
  BaselineKey(baseline_mechanism_t mechanism, const std::vector<uint8_t>& bytes);
  ~BaselineKey();
  BaselineKey(const BaselineKey&) = delete;
  BaselineKey& operator=(const BaselineKey&) = delete;

  int32_t status() const { return status_; }
  const baseline_key_t* get() const { return &key_; }

 private:
  int32_t status_ = PSA_ERROR_GENERIC_ERROR;
  baseline_key_t key_ = {0, 0};
};

// Whether Mbed TLS 2.28 computes what this project computes for `mechanism`
// on a `size`-byte message: AEAD encryption and decryption (of each other's
// ciphertexts), cipher encryption with a chosen IV, decryption of each
// other's psa_cipher_encrypt output, MACs (single-part and multi-part).
// Returns "" if they agree (and for kRandom, whose outputs cannot agree),
// else what differs.
std::string CheckAgreement(const Mechanism& mechanism, size_t size);

// Sets up an operation for `mechanism` and `size`: on failure returns empty
// calls and sets *error (a PSA_ERROR_NOT_SUPPORTED setup says "not
// supported"). The calls keep what they need alive.
using RowFactory = RowOperations (*)(const Mechanism& mechanism, size_t size, std::string* error);

// Registers BM_<operation>/<implementation>/<mechanism.name>/<size> for each
// size (bytes rows). Rows that involve mbedtls228 first check
// CheckAgreement.
void RegisterRow(const std::string& operation, Implementation implementation, const Mechanism& mechanism,
                 RowFactory factory, const std::vector<int>& sizes);

}  // namespace psa_benchmarks

#endif  // BENCHMARKS_SYMMETRIC_SUPPORT_H_
