// The MAC, cipher and AEAD API called the ways the symmetric suites of this
// folder need: single-part, and multi-part with the input cut into chunks
// (sizes from a seeded generator, see ChunkSplitter). Every output buffer is
// exactly as large as the API's size macro says, followed by guard bytes
// that must stay untouched; each call's output length must fit the macro's
// size. The psa_* definitions come from the test's psa_crypto_library.

#ifndef TESTS_VECTORS_SYMMETRIC_CALLS_H_
#define TESTS_VECTORS_SYMMETRIC_CALLS_H_

#include <stddef.h>
#include <stdint.h>

#include <random>
#include <string>
#include <vector>

#include "psa/crypto.h"

namespace tests::vectors {

using Bytes = std::vector<uint8_t>;

// "PSA_ERROR_INVALID_SIGNATURE"; the number for an unknown status.
std::string StatusName(psa_status_t status);

// The environment variable that sets the seed of the chunk sizes.
inline constexpr const char kSeedVariable[] = "PSA_VECTORS_SEED";

// The seed of this run: $PSA_VECTORS_SEED (a decimal number) when set and
// valid, otherwise a fresh random one. The suites print it, so that a run
// can be repeated with --test_env=PSA_VECTORS_SEED=<seed>.
uint64_t ChunkSeed();

// Seeded source of the ways to cut an input into multi-part calls.
class ChunkSplitter {
 public:
  explicit ChunkSplitter(uint64_t seed) : random_(seed) {}

  // Lengths that add up to `total`: random sizes from 0 (an update of
  // nothing) to a few blocks and beyond, so that updates start and end
  // anywhere in a block. An empty input may give no update at all.
  std::vector<size_t> Split(size_t total);

  // A fair coin.
  bool Coin();

 private:
  std::mt19937_64 random_;
};

// Imports `key` as a volatile key of type `type` at `location` (the core's
// key store for PSA_KEY_LOCATION_LOCAL_STORAGE, else the opaque driver of
// the location) that permits exactly `usage` and `alg`; *id is the key on
// success.
psa_status_t ImportKey(psa_key_type_t type, psa_key_usage_t usage,
                       psa_algorithm_t alg, const Bytes& key, psa_key_id_t* id,
                       psa_key_location_t location = PSA_KEY_LOCATION_LOCAL_STORAGE);

// Keys imported for consecutive vectors: the CAVP files repeat a key over a
// group, so the last few keys are kept and reused, and destroyed when
// evicted, on Clear() and with the cache. Every key is imported at the
// cache's location. Not thread-safe.
class KeyCache {
 public:
  explicit KeyCache(psa_key_location_t location = PSA_KEY_LOCATION_LOCAL_STORAGE)
      : location_(location) {}
  KeyCache(const KeyCache&) = delete;
  KeyCache& operator=(const KeyCache&) = delete;
  ~KeyCache() { Clear(); }

  // A key with exactly these attributes and bytes: the cached one, or a new
  // import (ImportKey). Returns the import's status; failures are not cached.
  psa_status_t Get(psa_key_type_t type, psa_key_usage_t usage,
                   psa_algorithm_t alg, const Bytes& key, psa_key_id_t* id);

  // Destroys every cached key.
  void Clear();

 private:
  struct Entry {
    psa_key_type_t type;
    psa_key_usage_t usage;
    psa_algorithm_t alg;
    Bytes key;
    psa_key_id_t id;
  };
  static constexpr size_t kCapacity = 4;
  psa_key_location_t location_;
  std::vector<Entry> entries_;  // most recently used last
};

// What a sequence of calls gave.
struct CallResult {
  // The first failing call's status, or PSA_SUCCESS.
  psa_status_t status = PSA_ERROR_GENERIC_ERROR;
  // The call that returned `status` (the last call on success).
  std::string call;
  // A breach of the output contract seen beside the status (output longer
  // than the size macro, bytes written past the buffer), or "".
  std::string problem;
  // Multi-part: how the input was fed ("set_lengths, AD chunks {16},
  // message chunks {3, 0, 13}"), for messages; "" for single-part calls.
  std::string shape;
  Bytes output;  // everything the calls output, in order
  Bytes tag;     // multi-part AEAD encryption: the tag from psa_aead_finish

  bool ok() const { return status == PSA_SUCCESS && problem.empty(); }
  // "psa_aead_verify: PSA_ERROR_INVALID_SIGNATURE" (then the problem, and
  // the shape of a multi-part operation).
  std::string Describe() const;
};

// --- AEAD ---

// How a multi-part AEAD operation is fed: psa_aead_set_lengths first or not
// (always for CCM, which needs it), and the chunks of the additional data and
// of the message.
struct AeadPlan {
  bool set_lengths = true;
  std::vector<size_t> ad_chunks;
  std::vector<size_t> data_chunks;
};

// A plan with random chunks for `ad_length` and `data_length` bytes.
AeadPlan RandomAeadPlan(ChunkSplitter* splitter, psa_algorithm_t alg,
                        size_t ad_length, size_t data_length);

// psa_aead_encrypt: output is the ciphertext followed by the tag.
CallResult AeadEncrypt(psa_key_id_t key, psa_key_type_t key_type,
                       psa_algorithm_t alg, const Bytes& nonce, const Bytes& ad,
                       const Bytes& plaintext);

// psa_aead_decrypt of `ciphertext_and_tag`.
CallResult AeadDecrypt(psa_key_id_t key, psa_key_type_t key_type,
                       psa_algorithm_t alg, const Bytes& nonce, const Bytes& ad,
                       const Bytes& ciphertext_and_tag);

// psa_aead_encrypt_setup, [set_lengths], set_nonce, update_ad per AD chunk,
// update per message chunk, finish: output is the ciphertext, tag the tag.
// Aborts the operation on failure.
CallResult AeadEncryptMultipart(psa_key_id_t key, psa_key_type_t key_type,
                                size_t key_bits, psa_algorithm_t alg,
                                const Bytes& nonce, const Bytes& ad,
                                const Bytes& plaintext, const AeadPlan& plan);

// The same for decryption, ending with psa_aead_verify of `tag`.
CallResult AeadDecryptMultipart(psa_key_id_t key, psa_key_type_t key_type,
                                psa_algorithm_t alg, const Bytes& nonce,
                                const Bytes& ad, const Bytes& ciphertext,
                                const Bytes& tag, const AeadPlan& plan);

// --- Unauthenticated ciphers ---

// psa_cipher_encrypt (a random IV): output is the IV followed by the
// ciphertext.
CallResult CipherEncrypt(psa_key_id_t key, psa_key_type_t key_type,
                         psa_algorithm_t alg, const Bytes& plaintext);

// psa_cipher_decrypt of `iv_and_ciphertext`.
CallResult CipherDecrypt(psa_key_id_t key, psa_key_type_t key_type,
                         psa_algorithm_t alg, const Bytes& iv_and_ciphertext);

// psa_cipher_encrypt_setup (or decrypt_setup), psa_cipher_set_iv of `iv`
// unless it is empty (ECB), one update per chunk, finish. Aborts the
// operation on failure.
CallResult CipherMultipart(bool encrypt, psa_key_id_t key,
                           psa_key_type_t key_type, psa_algorithm_t alg,
                           const Bytes& iv, const Bytes& input,
                           const std::vector<size_t>& chunks);

// --- MAC ---

CallResult MacCompute(psa_key_id_t key, psa_key_type_t key_type,
                      size_t key_bits, psa_algorithm_t alg,
                      const Bytes& message);
CallResult MacVerify(psa_key_id_t key, psa_algorithm_t alg,
                     const Bytes& message, const Bytes& mac);

// psa_mac_sign_setup / verify_setup, one update per chunk,
// sign_finish / verify_finish. Aborts the operation on failure.
CallResult MacSignMultipart(psa_key_id_t key, psa_key_type_t key_type,
                            size_t key_bits, psa_algorithm_t alg,
                            const Bytes& message,
                            const std::vector<size_t>& chunks);
CallResult MacVerifyMultipart(psa_key_id_t key, psa_algorithm_t alg,
                              const Bytes& message, const Bytes& mac,
                              const std::vector<size_t>& chunks);

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_SYMMETRIC_CALLS_H_
