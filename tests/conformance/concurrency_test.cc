// MAC, cipher and AEAD operations on shared keys while the keys are
// destroyed and re-imported: 8 worker threads run single-part and
// multi-part operations of every family on 7 key slots, and 2 other
// threads keep destroying the key of each slot and importing it again
// (same material, a new identifier, published to the workers) for a few
// seconds. Every result must be the one computed up front, or a clean
// PSA_ERROR_INVALID_HANDLE for an identifier that was destroyed: never a
// wrong output, another status, or a crash. Run it under --config=asan as
// well.
//
// The threads share only atomics, and data written before they start and
// read-only afterwards; failures are collected under a mutex and reported
// by the main thread once they have all joined.
//
// psa_destroy_key says "If a key is currently in use in a multi-part
// operation, then destroying the key will cause the multi-part operation to
// fail": a multi-part operation whose key is destroyed may therefore fail
// in any later call; this test accepts PSA_ERROR_INVALID_HANDLE there too
// (and counts it), and otherwise requires the correct result.

#include <gtest/gtest.h>
#include <string.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "psa/crypto.h"
#include "tests/conformance/conformance_util.h"
#include "tests/keys/key_test_util.h"

namespace psa::conformance {
namespace {

const int kRegistered = (::psa::keys_testing::RegisterStorageEnvironment(), 0);

constexpr int kWorkers = 8;
constexpr int kChurners = 2;
constexpr auto kDuration = std::chrono::seconds(4);
constexpr size_t kMessageSize = 200;  // not a whole number of blocks for the stream modes
constexpr size_t kChunk = 37;

enum class Family { kMac, kCipher, kAead };

// A key slot: what the key is, and the answers computed with it up front.
struct Slot {
  const char* name;
  Family family;
  psa_key_type_t type;
  psa_algorithm_t alg;
  Bytes material;
  Bytes iv;        // cipher IV or AEAD nonce
  Bytes ad;        // AEAD
  Bytes message;   // plaintext or MAC input (whole blocks for CBC)
  Bytes expected;  // MAC, ciphertext without IV, or ciphertext and tag
  std::atomic<psa_key_id_t> id{PSA_KEY_ID_NULL};
};

constexpr psa_key_usage_t kAllUsage =
    PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;

psa_status_t ImportSlot(const Slot& slot, psa_key_id_t* id) {
  return ::psa::keys_testing::Import(::psa::keys_testing::MakeAttributes(slot.type, 0, kAllUsage, slot.alg),
                                     slot.material, id);
}

// Statistics and failures, shared by all threads.
class Outcomes {
 public:
  void Correct() { correct_.fetch_add(1, std::memory_order_relaxed); }
  void InvalidHandleAtStart() { handle_at_start_.fetch_add(1, std::memory_order_relaxed); }
  void InvalidHandleMidway() { handle_midway_.fetch_add(1, std::memory_order_relaxed); }
  void Fail(const std::string& what) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++failure_count_;
    if (failures_.size() < 20) failures_.push_back(what);
  }

  uint64_t correct() const { return correct_.load(); }
  uint64_t handle_at_start() const { return handle_at_start_.load(); }
  uint64_t handle_midway() const { return handle_midway_.load(); }
  // Only after the threads joined.
  size_t failure_count() const { return failure_count_; }
  const std::vector<std::string>& failures() const { return failures_; }

 private:
  std::atomic<uint64_t> correct_{0}, handle_at_start_{0}, handle_midway_{0};
  std::mutex mutex_;
  size_t failure_count_ = 0;
  std::vector<std::string> failures_;
};

std::string Describe(const Slot& slot, const char* operation, psa_status_t status) {
  return std::string(slot.name) + " " + operation + ": " + StatusName(status);
}

// Classifies the status of the first call that names the key.
bool Started(Outcomes* outcomes, const Slot& slot, const char* operation, psa_status_t status) {
  if (status == PSA_SUCCESS) return true;
  if (status == PSA_ERROR_INVALID_HANDLE) {
    outcomes->InvalidHandleAtStart();
  } else {
    outcomes->Fail(Describe(slot, operation, status));
  }
  return false;
}

// Classifies the end of an operation whose key was accepted: the output
// must be `expected`.
void Ended(Outcomes* outcomes, const Slot& slot, const char* operation, psa_status_t status, const Bytes& output,
           const Bytes& expected, bool multipart) {
  if (status == PSA_SUCCESS) {
    if (output == expected) {
      outcomes->Correct();
    } else {
      outcomes->Fail(std::string(slot.name) + " " + operation + ": wrong output " + ToHex(output) + ", expected " +
                     ToHex(expected));
    }
  } else if (multipart && status == PSA_ERROR_INVALID_HANDLE) {
    outcomes->InvalidHandleMidway();
  } else {
    outcomes->Fail(Describe(slot, operation, status));
  }
}

// ---- One operation of each kind ---------------------------------------------

void MacSinglePart(Slot& slot, bool verify, Outcomes* outcomes) {
  const psa_key_id_t key = slot.id.load(std::memory_order_acquire);
  if (verify) {
    const psa_status_t status = psa_mac_verify(key, slot.alg, slot.message.data(), slot.message.size(),
                                               slot.expected.data(), slot.expected.size());
    if (Started(outcomes, slot, "psa_mac_verify", status)) outcomes->Correct();
    return;
  }
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  const psa_status_t status =
      psa_mac_compute(key, slot.alg, slot.message.data(), slot.message.size(), mac, sizeof(mac), &length);
  if (Started(outcomes, slot, "psa_mac_compute", status)) {
    Ended(outcomes, slot, "psa_mac_compute", status, Bytes(mac, mac + length), slot.expected, false);
  }
}

void MacMultipart(Slot& slot, bool verify, Outcomes* outcomes) {
  const psa_key_id_t key = slot.id.load(std::memory_order_acquire);
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  const char* name = verify ? "psa_mac_verify_setup" : "psa_mac_sign_setup";
  psa_status_t status =
      verify ? psa_mac_verify_setup(&operation, key, slot.alg) : psa_mac_sign_setup(&operation, key, slot.alg);
  if (!Started(outcomes, slot, name, status)) return;
  for (size_t offset = 0; offset < slot.message.size() && status == PSA_SUCCESS; offset += kChunk) {
    status = psa_mac_update(&operation, slot.message.data() + offset, std::min(kChunk, slot.message.size() - offset));
  }
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  if (status == PSA_SUCCESS) {
    status = verify ? psa_mac_verify_finish(&operation, slot.expected.data(), slot.expected.size())
                    : psa_mac_sign_finish(&operation, mac, sizeof(mac), &length);
  }
  psa_mac_abort(&operation);
  if (verify) {
    Ended(outcomes, slot, "multi-part MAC verify", status, slot.expected, slot.expected, true);
  } else {
    Ended(outcomes, slot, "multi-part MAC", status, Bytes(mac, mac + length), slot.expected, true);
  }
}

void CipherSinglePart(Slot& slot, bool decrypt, Outcomes* outcomes) {
  const psa_key_id_t key = slot.id.load(std::memory_order_acquire);
  uint8_t out[kMessageSize + 64];
  size_t length = 0;
  if (decrypt) {
    const Bytes input = Concat(slot.iv, slot.expected);
    const psa_status_t status =
        psa_cipher_decrypt(key, slot.alg, input.data(), input.size(), out, sizeof(out), &length);
    if (Started(outcomes, slot, "psa_cipher_decrypt", status)) {
      Ended(outcomes, slot, "psa_cipher_decrypt", status, Bytes(out, out + length), slot.message, false);
    }
    return;
  }
  // A random IV: the output must be IV || the encryption under it. The
  // check decrypts with the same identifier, which may be gone by then.
  const psa_status_t status =
      psa_cipher_encrypt(key, slot.alg, slot.message.data(), slot.message.size(), out, sizeof(out), &length);
  if (!Started(outcomes, slot, "psa_cipher_encrypt", status)) return;
  uint8_t back[kMessageSize + 64];
  size_t back_length = 0;
  const psa_status_t decrypted = psa_cipher_decrypt(key, slot.alg, out, length, back, sizeof(back), &back_length);
  if (decrypted == PSA_ERROR_INVALID_HANDLE) {
    outcomes->InvalidHandleAtStart();
    return;
  }
  Ended(outcomes, slot, "psa_cipher_encrypt then decrypt", decrypted, Bytes(back, back + back_length), slot.message,
        false);
}

void CipherMultipart(Slot& slot, bool decrypt, Outcomes* outcomes) {
  const psa_key_id_t key = slot.id.load(std::memory_order_acquire);
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  psa_status_t status = decrypt ? psa_cipher_decrypt_setup(&operation, key, slot.alg)
                                : psa_cipher_encrypt_setup(&operation, key, slot.alg);
  if (!Started(outcomes, slot, decrypt ? "psa_cipher_decrypt_setup" : "psa_cipher_encrypt_setup", status)) return;
  const Bytes& input = decrypt ? slot.expected : slot.message;
  status = psa_cipher_set_iv(&operation, slot.iv.data(), slot.iv.size());
  uint8_t out[kMessageSize + 64];
  size_t total = 0;
  for (size_t offset = 0; offset < input.size() && status == PSA_SUCCESS; offset += kChunk) {
    size_t length = 0;
    status = psa_cipher_update(&operation, input.data() + offset, std::min(kChunk, input.size() - offset), out + total,
                               sizeof(out) - total, &length);
    total += length;
  }
  if (status == PSA_SUCCESS) {
    size_t length = 0;
    status = psa_cipher_finish(&operation, out + total, sizeof(out) - total, &length);
    total += length;
  }
  psa_cipher_abort(&operation);
  Ended(outcomes, slot, decrypt ? "multi-part decryption" : "multi-part encryption", status, Bytes(out, out + total),
        decrypt ? slot.message : slot.expected, true);
}

void AeadSinglePart(Slot& slot, bool decrypt, Outcomes* outcomes) {
  const psa_key_id_t key = slot.id.load(std::memory_order_acquire);
  uint8_t out[kMessageSize + 64];
  size_t length = 0;
  const Bytes& input = decrypt ? slot.expected : slot.message;
  const psa_status_t status =
      decrypt ? psa_aead_decrypt(key, slot.alg, slot.iv.data(), slot.iv.size(), slot.ad.data(), slot.ad.size(),
                                 input.data(), input.size(), out, sizeof(out), &length)
              : psa_aead_encrypt(key, slot.alg, slot.iv.data(), slot.iv.size(), slot.ad.data(), slot.ad.size(),
                                 input.data(), input.size(), out, sizeof(out), &length);
  const char* name = decrypt ? "psa_aead_decrypt" : "psa_aead_encrypt";
  if (Started(outcomes, slot, name, status)) {
    Ended(outcomes, slot, name, status, Bytes(out, out + length), decrypt ? slot.message : slot.expected, false);
  }
}

void AeadMultipart(Slot& slot, bool decrypt, Outcomes* outcomes) {
  const psa_key_id_t key = slot.id.load(std::memory_order_acquire);
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  psa_status_t status =
      decrypt ? psa_aead_decrypt_setup(&operation, key, slot.alg) : psa_aead_encrypt_setup(&operation, key, slot.alg);
  if (!Started(outcomes, slot, decrypt ? "psa_aead_decrypt_setup" : "psa_aead_encrypt_setup", status)) return;
  status = psa_aead_set_lengths(&operation, slot.ad.size(), slot.message.size());
  if (status == PSA_SUCCESS) status = psa_aead_set_nonce(&operation, slot.iv.data(), slot.iv.size());
  if (status == PSA_SUCCESS) status = psa_aead_update_ad(&operation, slot.ad.data(), slot.ad.size());
  const Bytes& input = decrypt ? slot.expected : slot.message;
  const size_t body = slot.message.size();
  uint8_t out[kMessageSize + 64];
  size_t total = 0;
  for (size_t offset = 0; offset < body && status == PSA_SUCCESS; offset += kChunk) {
    size_t length = 0;
    status = psa_aead_update(&operation, input.data() + offset, std::min(kChunk, body - offset), out + total,
                             sizeof(out) - total, &length);
    total += length;
  }
  if (status == PSA_SUCCESS) {
    size_t length = 0;
    if (decrypt) {
      status = psa_aead_verify(&operation, out + total, sizeof(out) - total, &length, input.data() + body,
                               input.size() - body);
      total += length;
    } else {
      uint8_t tag[PSA_AEAD_TAG_MAX_SIZE];
      size_t tag_length = 0;
      status = psa_aead_finish(&operation, out + total, sizeof(out) - total, &length, tag, sizeof(tag), &tag_length);
      total += length;
      if (status == PSA_SUCCESS) {
        memcpy(out + total, tag, tag_length);
        total += tag_length;
      }
    }
  }
  psa_aead_abort(&operation);
  Ended(outcomes, slot, decrypt ? "multi-part AEAD decryption" : "multi-part AEAD encryption", status,
        Bytes(out, out + total), decrypt ? slot.message : slot.expected, true);
}

void RunOne(Slot& slot, unsigned variant, Outcomes* outcomes) {
  const bool multipart = (variant & 1) != 0;
  const bool second_direction = (variant & 2) != 0;  // verify / decrypt
  switch (slot.family) {
    case Family::kMac:
      multipart ? MacMultipart(slot, second_direction, outcomes) : MacSinglePart(slot, second_direction, outcomes);
      break;
    case Family::kCipher:
      multipart ? CipherMultipart(slot, second_direction, outcomes)
                : CipherSinglePart(slot, second_direction, outcomes);
      break;
    case Family::kAead:
      multipart ? AeadMultipart(slot, second_direction, outcomes) : AeadSinglePart(slot, second_direction, outcomes);
      break;
  }
}

// ---- The answers, computed up front ------------------------------------------

// Computes slot.expected with a key of its own, before any thread starts.
void ComputeExpected(Slot& slot) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_STATUS(PSA_SUCCESS, ImportSlot(slot, &key));
  uint8_t out[kMessageSize + 64];
  size_t length = 0;
  switch (slot.family) {
    case Family::kMac:
      ASSERT_STATUS(PSA_SUCCESS, psa_mac_compute(key, slot.alg, slot.message.data(), slot.message.size(), out,
                                                 sizeof(out), &length));
      break;
    case Family::kCipher: {
      psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
      ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key, slot.alg));
      ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, slot.iv.data(), slot.iv.size()));
      ASSERT_STATUS(PSA_SUCCESS,
                    psa_cipher_update(&operation, slot.message.data(), slot.message.size(), out, sizeof(out), &length));
      size_t rest = 0;
      ASSERT_STATUS(PSA_SUCCESS, psa_cipher_finish(&operation, out + length, sizeof(out) - length, &rest));
      length += rest;
      break;
    }
    case Family::kAead:
      ASSERT_STATUS(PSA_SUCCESS,
                    psa_aead_encrypt(key, slot.alg, slot.iv.data(), slot.iv.size(), slot.ad.data(), slot.ad.size(),
                                     slot.message.data(), slot.message.size(), out, sizeof(out), &length));
      break;
  }
  slot.expected.assign(out, out + length);
  ASSERT_STATUS(PSA_SUCCESS, psa_destroy_key(key));
}

TEST(Concurrency, OperationsOnKeysBeingDestroyedAndReimported) {
  using ::psa::keys_testing::PatternBytes;
  const Bytes message = PatternBytes(kMessageSize, 0x61);
  const Bytes block_message = PatternBytes(kMessageSize / 16 * 16, 0x62);
  std::array<Slot, 7> slots;
  auto define = [&](Slot& s, const char* name, Family family, psa_key_type_t type, psa_algorithm_t alg,
                    const Bytes& material, const Bytes& iv, const Bytes& ad, const Bytes& m) {
    s.name = name;
    s.family = family;
    s.type = type;
    s.alg = alg;
    s.material = material;
    s.iv = iv;
    s.ad = ad;
    s.message = m;
  };
  define(slots[0], "HMAC-SHA-256", Family::kMac, PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_256), PatternBytes(32, 1),
         {}, {}, message);
  define(slots[1], "CMAC-AES-128", Family::kMac, PSA_KEY_TYPE_AES, PSA_ALG_CMAC, PatternBytes(16, 2), {}, {}, message);
  define(slots[2], "AES-256-CBC", Family::kCipher, PSA_KEY_TYPE_AES, PSA_ALG_CBC_NO_PADDING, PatternBytes(32, 3),
         PatternBytes(16, 4), {}, block_message);
  define(slots[3], "AES-128-CTR", Family::kCipher, PSA_KEY_TYPE_AES, PSA_ALG_CTR, PatternBytes(16, 5),
         PatternBytes(16, 6), {}, message);
  define(slots[4], "AES-128-GCM", Family::kAead, PSA_KEY_TYPE_AES, PSA_ALG_GCM, PatternBytes(16, 7),
         PatternBytes(12, 8), PatternBytes(20, 9), message);
  define(slots[5], "AES-192-CCM-8", Family::kAead, PSA_KEY_TYPE_AES, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8),
         PatternBytes(24, 10), PatternBytes(13, 11), PatternBytes(17, 12), message);
  define(slots[6], "ChaCha20-Poly1305", Family::kAead, PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305,
         PatternBytes(32, 13), PatternBytes(12, 14), PatternBytes(5, 15), message);
  for (Slot& slot : slots) {
    SCOPED_TRACE(slot.name);
    ComputeExpected(slot);
    ASSERT_FALSE(slot.expected.empty());
    psa_key_id_t id = PSA_KEY_ID_NULL;
    ASSERT_STATUS(PSA_SUCCESS, ImportSlot(slot, &id));
    slot.id.store(id, std::memory_order_release);
  }

  Outcomes outcomes;
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> cycles{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWorkers; ++w) {
    threads.emplace_back([&, w] {
      unsigned step = static_cast<unsigned>(w) * 5;
      while (!stop.load(std::memory_order_relaxed)) {
        Slot& slot = slots[step % slots.size()];
        RunOne(slot, step / slots.size(), &outcomes);
        ++step;
      }
    });
  }
  for (int c = 0; c < kChurners; ++c) {
    threads.emplace_back([&, c] {
      // Each churner owns the slots i with i % kChurners == c.
      size_t index = static_cast<size_t>(c);
      while (!stop.load(std::memory_order_relaxed)) {
        Slot& slot = slots[index];
        index += kChurners;
        if (index >= slots.size()) index = static_cast<size_t>(c);
        const psa_key_id_t old_id = slot.id.load(std::memory_order_acquire);
        const psa_status_t destroyed = psa_destroy_key(old_id);
        if (destroyed != PSA_SUCCESS) outcomes.Fail(Describe(slot, "psa_destroy_key", destroyed));
        // The workers see the destroyed identifier for a while.
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        psa_key_id_t new_id = PSA_KEY_ID_NULL;
        const psa_status_t imported = ImportSlot(slot, &new_id);
        if (imported != PSA_SUCCESS) {
          outcomes.Fail(Describe(slot, "psa_import_key", imported));
          continue;
        }
        slot.id.store(new_id, std::memory_order_release);
        cycles.fetch_add(1, std::memory_order_relaxed);
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
    });
  }
  std::this_thread::sleep_for(kDuration);
  stop.store(true);
  for (std::thread& t : threads) t.join();

  for (const std::string& failure : outcomes.failures()) ADD_FAILURE() << failure;
  EXPECT_EQ(outcomes.failure_count(), 0u);
  std::cout << "correct results: " << outcomes.correct()
            << ", PSA_ERROR_INVALID_HANDLE at the start: " << outcomes.handle_at_start()
            << ", PSA_ERROR_INVALID_HANDLE midway: " << outcomes.handle_midway()
            << ", destroy/import cycles: " << cycles.load() << "\n";
  // The run exercised both outcomes.
  EXPECT_GT(outcomes.correct(), 1000u);
  EXPECT_GT(outcomes.handle_at_start(), 0u);
  EXPECT_GT(cycles.load(), 100u);
  for (Slot& slot : slots) {
    EXPECT_STATUS(PSA_SUCCESS, psa_destroy_key(slot.id.load()));
  }
}

}  // namespace
}  // namespace psa::conformance
