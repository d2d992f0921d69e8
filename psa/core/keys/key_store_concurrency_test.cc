// 8 threads create, use (AcquireKey + reading the key buffer), export,
// purge and destroy volatile and persistent keys at once, including each
// other's, for a couple of seconds. Every key's material names the key it
// belongs to, so that any thread can check any key it gets hold of: a key
// is never seen torn, mixed up with another, or after its slot was wiped.
// Run it under --config=asan as well.

#include <gtest/gtest.h>
#include <string.h>

#include <array>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "psa/core/keys/key_store.h"
#include "psa/core/keys/lifetime.h"
#include "psa/core/keys/testing/key_test_util.h"
#include "psa/core/storage/key_file_store.h"
#include "psa/crypto.h"

namespace psa::core::keys {
namespace {

using testing::Bytes;
using testing::MakeAttributes;
using testing::PatternBytes;

constexpr int kThreads = 8;
constexpr auto kDuration = std::chrono::milliseconds(2500);
constexpr size_t kKeySize = 40;

// 4 bytes of tag (big-endian), then PatternBytes(kKeySize - 4, tag).
Bytes TaggedKey(uint32_t tag) {
  Bytes key = PatternBytes(kKeySize - 4, tag);
  key.insert(key.begin(), {static_cast<uint8_t>(tag >> 24),
                           static_cast<uint8_t>(tag >> 16),
                           static_cast<uint8_t>(tag >> 8),
                           static_cast<uint8_t>(tag)});
  return key;
}

// Whether `key` is exactly what TaggedKey() made for the tag it carries.
bool IsIntactTaggedKey(const uint8_t* key, size_t size) {
  if (size != kKeySize) return false;
  const uint32_t tag = (uint32_t{key[0]} << 24) | (uint32_t{key[1]} << 16) |
                       (uint32_t{key[2]} << 8) | uint32_t{key[3]};
  const Bytes expected = TaggedKey(tag);
  return memcmp(expected.data(), key, size) == 0;
}

struct Counters {
  std::atomic<uint64_t> created{0};
  std::atomic<uint64_t> acquired{0};
  std::atomic<uint64_t> exported{0};
  std::atomic<uint64_t> destroyed{0};
  std::atomic<uint64_t> foreign_uses{0};
  std::atomic<uint64_t> destroyed_while_held{0};
  std::atomic<uint64_t> foreign_destroys{0};
  std::atomic<uint64_t> failures{0};
};

// Identifiers published by the threads for the others to use or destroy.
std::array<std::atomic<psa_key_id_t>, kThreads> g_published;
// A volatile key of thread t that another thread claimed, then destroyed:
// set before the destruction, so that when t sees its key vanish, the claim
// is already visible.
std::array<std::atomic<psa_key_id_t>, kThreads> g_claimed;

void Fail(Counters* counters, const char* what, psa_status_t status) {
  counters->failures.fetch_add(1);
  ADD_FAILURE() << what << ": " << status;
}

// Whether `status` for an operation on this thread's key `key` is what it
// may be: success, or, if another thread destroyed the key, INVALID_HANDLE.
bool Expected(int thread, psa_key_id_t key, psa_status_t status) {
  return status == PSA_SUCCESS ||
         (status == PSA_ERROR_INVALID_HANDLE && g_claimed[thread].load() == key);
}

// Uses (and now and then destroys) the key another thread published.
void UseForeignKey(int thread, uint32_t iteration, Counters* counters) {
  const int owner = static_cast<int>((thread + iteration) % kThreads);
  if (owner == thread) return;
  const psa_key_id_t foreign = g_published[owner].load();
  if (foreign == PSA_KEY_ID_NULL) return;
  KeyHandle other;
  psa_status_t status = AcquireKey(foreign, 0, PSA_ALG_NONE, &other);
  if (status == PSA_SUCCESS) {
    counters->foreign_uses.fetch_add(1);
    if (!IsIntactTaggedKey(other.key_buffer(), other.key_buffer_size())) {
      Fail(counters, "foreign key content", PSA_ERROR_CORRUPTION_DETECTED);
    }
    std::this_thread::yield();
    if (!IsIntactTaggedKey(other.key_buffer(), other.key_buffer_size())) {
      Fail(counters, "foreign key content after yield",
           PSA_ERROR_CORRUPTION_DETECTED);
    }
  } else if (status != PSA_ERROR_INVALID_HANDLE) {
    Fail(counters, "acquire foreign key", status);
  }
  if (iteration % 8 != 3 || !IsVolatileKeyId(foreign)) return;
  psa_key_id_t unclaimed = PSA_KEY_ID_NULL;
  if (!g_claimed[owner].compare_exchange_strong(unclaimed, foreign)) return;
  status = psa_destroy_key(foreign);
  if (status == PSA_SUCCESS) {
    counters->foreign_destroys.fetch_add(1);
  } else if (status == PSA_ERROR_INVALID_HANDLE) {
    // Its owner was first; withdraw the claim.
    psa_key_id_t expected = foreign;
    g_claimed[owner].compare_exchange_strong(expected, PSA_KEY_ID_NULL);
  } else {
    Fail(counters, "destroy foreign key", status);
  }
}

void Worker(int thread, Counters* counters,
            const std::atomic<bool>* stop) {
  const psa_key_usage_t usage = PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_HASH;
  const psa_algorithm_t alg = PSA_ALG_HMAC(PSA_ALG_SHA_256);
  uint32_t iteration = 0;
  while (!stop->load(std::memory_order_relaxed)) {
    ++iteration;
    const uint32_t tag = (static_cast<uint32_t>(thread) << 24) | iteration;
    const Bytes material = TaggedKey(tag);
    // One key in four is persistent (half of those cached), each thread in
    // its own identifier range.
    const bool persistent = iteration % 4 == 0;
    const psa_key_id_t persistent_id =
        0x10000 + static_cast<psa_key_id_t>(thread) * 0x100 + iteration % 8;
    psa_key_usage_t key_usage = usage;
    if (persistent && iteration % 8 == 0) key_usage |= PSA_KEY_USAGE_CACHE;
    const psa_key_attributes_t attributes = MakeAttributes(
        PSA_KEY_TYPE_HMAC, 0, key_usage, alg,
        persistent ? persistent_id : PSA_KEY_ID_NULL);

    psa_key_id_t key = PSA_KEY_ID_NULL;
    psa_status_t status =
        psa_import_key(&attributes, material.data(), material.size(), &key);
    if (status != PSA_SUCCESS) {
      Fail(counters, "import", status);
      continue;
    }
    counters->created.fetch_add(1);
    g_published[thread].store(key);

    // Use it through a handle: the buffer is this key's.
    KeyHandle handle;
    status = AcquireKey(key, PSA_KEY_USAGE_SIGN_HASH, alg, &handle);
    if (!Expected(thread, key, status)) {
      Fail(counters, "acquire own key", status);
    } else if (status == PSA_SUCCESS) {
      counters->acquired.fetch_add(1);
      if (handle.id() != key ||
          handle.key_buffer_size() != material.size() ||
          memcmp(handle.key_buffer(), material.data(), material.size()) != 0) {
        Fail(counters, "own key content", PSA_ERROR_CORRUPTION_DETECTED);
      }
    }

    UseForeignKey(thread, iteration, counters);

    // Export it.
    uint8_t exported[kKeySize + 8];
    size_t length = 0;
    status = psa_export_key(key, exported, sizeof(exported), &length);
    if (!Expected(thread, key, status)) {
      Fail(counters, "export own key", status);
    } else if (status == PSA_SUCCESS) {
      counters->exported.fetch_add(1);
      if (length != material.size() ||
          memcmp(exported, material.data(), length) != 0) {
        Fail(counters, "exported content", PSA_ERROR_CORRUPTION_DETECTED);
      }
    }

    if (persistent) {
      status = psa_purge_key(key);
      if (status != PSA_SUCCESS) Fail(counters, "purge", status);
    }
    // Destroy it, still holding the handle half of the time.
    const bool destroy_while_held = iteration % 2 == 0;
    if (!destroy_while_held) handle.Release();
    g_published[thread].store(PSA_KEY_ID_NULL);
    status = psa_destroy_key(key);
    if (!Expected(thread, key, status)) {
      Fail(counters, "destroy own key", status);
    }
    counters->destroyed.fetch_add(1);
    if (destroy_while_held && handle.valid()) {
      counters->destroyed_while_held.fetch_add(1);
      if (handle.key_buffer_size() != material.size() ||
          memcmp(handle.key_buffer(), material.data(), material.size()) != 0) {
        Fail(counters, "held key after destroy", PSA_ERROR_CORRUPTION_DETECTED);
      }
      KeyHandle after;
      status = AcquireKey(key, 0, PSA_ALG_NONE, &after);
      if (status != PSA_ERROR_INVALID_HANDLE) {
        Fail(counters, "acquire after destroy", status);
      }
    }
    psa_key_id_t claimed = key;
    g_claimed[thread].compare_exchange_strong(claimed, PSA_KEY_ID_NULL);
  }
}

TEST(KeyStoreConcurrencyTest, EightThreadsCreateUseExportAndDestroyKeys) {
  const std::string directory = testing::ResetKeyStore();
  for (auto& id : g_published) id.store(PSA_KEY_ID_NULL);
  for (auto& id : g_claimed) id.store(PSA_KEY_ID_NULL);
  Counters counters;
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back(Worker, t, &counters, &stop);
  }
  std::this_thread::sleep_for(kDuration);
  // The interleavings counted below depend on scheduling: on a loaded
  // machine, keep going (within a bound) until each has happened once.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < give_up &&
         (counters.foreign_uses.load() == 0 || counters.destroyed_while_held.load() == 0 ||
          counters.foreign_destroys.load() == 0)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  stop.store(true);
  for (std::thread& thread : threads) thread.join();

  EXPECT_EQ(counters.failures.load(), 0u);
  EXPECT_GT(counters.created.load(), uint64_t{kThreads} * 20);
  EXPECT_EQ(counters.created.load(), counters.destroyed.load());
  EXPECT_GT(counters.acquired.load(), 0u);
  EXPECT_GT(counters.exported.load(), 0u);
  EXPECT_GT(counters.foreign_uses.load(), 0u);
  EXPECT_GT(counters.destroyed_while_held.load(), 0u);
  EXPECT_GT(counters.foreign_destroys.load(), 0u);
  // Everything was destroyed: no slot is left, and no key file.
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
  storage::KeyFileStore store(directory);
  for (int t = 0; t < kThreads; ++t) {
    for (psa_key_id_t i = 0; i < 8; ++i) {
      EXPECT_FALSE(store.Exists(0x10000 + static_cast<psa_key_id_t>(t) * 0x100 + i));
    }
  }
  printf("created %llu, acquired %llu, exported %llu, foreign uses %llu, "
         "destroyed while held %llu, destroyed by another thread %llu\n",
         static_cast<unsigned long long>(counters.created.load()),
         static_cast<unsigned long long>(counters.acquired.load()),
         static_cast<unsigned long long>(counters.exported.load()),
         static_cast<unsigned long long>(counters.foreign_uses.load()),
         static_cast<unsigned long long>(counters.destroyed_while_held.load()),
         static_cast<unsigned long long>(counters.foreign_destroys.load()));
}

}  // namespace
}  // namespace psa::core::keys
