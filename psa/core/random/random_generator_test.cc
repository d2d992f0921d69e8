#include "psa/core/random/random_generator.h"

#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

using Bytes = std::vector<uint8_t>;

// An entropy function that records the requests it serves and answers with
// `status`; on success it credits full entropy to os_bytes fixed bytes.
struct ScriptedEntropy {
  absl::Mutex mutex;
  std::vector<EntropyRequest> requests;
  psa_status_t status = PSA_SUCCESS;
  size_t credited_bits_override = 0;  // 0: 8 bits per byte

  RandomGenerator::EntropyFunction Function() {
    return [this](const EntropyRequest& request, SeedMaterial* seed) {
      absl::MutexLock lock(&mutex);
      requests.push_back(request);
      if (status != PSA_SUCCESS) return status;
      seed->Reset(request.os_bytes);
      uint8_t* bytes = seed->Reserve(request.os_bytes);
      memset(bytes, 0x42, request.os_bytes);
      seed->Commit(request.os_bytes, credited_bits_override != 0 ? credited_bits_override : 8 * request.os_bytes);
      return PSA_SUCCESS;
    };
  }

  size_t calls() {
    absl::MutexLock lock(&mutex);
    return requests.size();
  }
};

// The dispatched AES, counted, and failing on demand.
std::atomic<int> g_aes_calls{0};
std::atomic<psa_status_t> g_aes_status{PSA_SUCCESS};

psa_status_t CountingAes(const uint8_t* key, const uint8_t* input, uint8_t* output, size_t blocks) {
  g_aes_calls.fetch_add(1);
  const psa_status_t status = g_aes_status.load();
  if (status != PSA_SUCCESS) return status;
  return DispatchedAes256(key, input, output, blocks);
}

RandomGenerator::Options WithEntropy(ScriptedEntropy& entropy,
                                     uint64_t reseed_interval = RandomGenerator::kDefaultReseedInterval,
                                     uint64_t thread_reseed_interval = RandomGenerator::kDefaultThreadReseedInterval) {
  RandomGenerator::Options options;
  options.reseed_interval = reseed_interval;
  options.thread_reseed_interval = thread_reseed_interval;
  options.entropy = entropy.Function();
  options.aes = &CountingAes;
  return options;
}

class RandomGeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    g_aes_status = PSA_SUCCESS;
    g_aes_calls = 0;
  }
};

TEST_F(RandomGeneratorTest, SeedAsksForInstantiationEntropy) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  ASSERT_EQ(generator.Seed(), PSA_SUCCESS);
  ASSERT_EQ(entropy.calls(), 1u);
  EXPECT_EQ(entropy.requests[0].os_bytes, RandomGenerator::kInstantiateOsBytes);
  EXPECT_EQ(entropy.requests[0].min_entropy_bits, RandomGenerator::kMinEntropyBits);
  uint8_t output[32];
  ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  EXPECT_EQ(entropy.calls(), 1u);
  EXPECT_EQ(generator.seed_count(), 1u);
  EXPECT_EQ(generator.thread_seed_count(), 1u);
}

TEST_F(RandomGeneratorTest, GenerateSeedsOnFirstUse) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  uint8_t output[32];
  ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  EXPECT_EQ(entropy.calls(), 1u);
}

TEST_F(RandomGeneratorTest, ZeroBytesSucceedWithoutTouchingAnything) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  EXPECT_EQ(generator.Generate(nullptr, 0), PSA_SUCCESS);
  EXPECT_EQ(entropy.calls(), 0u);
  EXPECT_EQ(g_aes_calls.load(), 0);
}

TEST_F(RandomGeneratorTest, SmallRequestsComeFromTheBufferWithoutCipherCalls) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  uint8_t output[32];
  ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  const int after_first = g_aes_calls.load();
  std::set<Bytes> seen = {Bytes(output, output + 32)};
  // The rest of the 4 KiB buffer: 127 more requests of 32 bytes.
  for (size_t i = 1; i < RandomGenerator::kThreadBufferSize / 32; ++i) {
    ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
    seen.insert(Bytes(output, output + 32));
  }
  EXPECT_EQ(g_aes_calls.load(), after_first);
  EXPECT_EQ(seen.size(), RandomGenerator::kThreadBufferSize / 32);
  // The next one refills.
  ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  EXPECT_GT(g_aes_calls.load(), after_first);
}

TEST_F(RandomGeneratorTest, ThreadDrbgReseedsFromTheRootOnSchedule) {
  ScriptedEntropy entropy;
  // A thread reseed every 2 refills, a root reseed from entropy every 2
  // root requests.
  RandomGenerator generator(WithEntropy(entropy, /*reseed_interval=*/2, /*thread_reseed_interval=*/2));
  Bytes output(RandomGenerator::kThreadBufferSize);
  for (int i = 0; i < 6; ++i) ASSERT_EQ(generator.Generate(output.data(), output.size()), PSA_SUCCESS);
  // Six direct requests: instantiation, then a reseed before requests 3 and 5.
  EXPECT_EQ(generator.thread_seed_count(), 3u);
  // Root requests: instantiation of the thread (1), reseeds (2, 3): the
  // root reseeded from entropy before its third.
  ASSERT_EQ(entropy.calls(), 2u);
  EXPECT_EQ(entropy.requests[1].os_bytes, RandomGenerator::kReseedOsBytes);
  EXPECT_EQ(generator.seed_count(), 2u);
}

TEST_F(RandomGeneratorTest, LargeRequestsAreFilledAcrossDrbgRequests) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy, RandomGenerator::kDefaultReseedInterval, /*thread_reseed_interval=*/1));
  Bytes output(3 * CtrDrbg::kMaxRequestLength + 5, 0);
  ASSERT_EQ(generator.Generate(output.data(), output.size()), PSA_SUCCESS);
  // Interval 1: every DRBG request after the first reseeds the thread DRBG.
  EXPECT_EQ(generator.thread_seed_count(), 1u + 3u);
  for (size_t chunk = 0; chunk < 4; ++chunk) {
    const size_t start = chunk * CtrDrbg::kMaxRequestLength;
    const size_t length = std::min<size_t>(64, output.size() - start);
    EXPECT_NE(Bytes(output.begin() + start, output.begin() + start + length), Bytes(length, 0)) << "chunk " << chunk;
  }
  EXPECT_NE(Bytes(output.end() - 5, output.end()), Bytes(5, 0));
}

TEST_F(RandomGeneratorTest, EntropyFailureIsReportedAndOutputWiped) {
  ScriptedEntropy entropy;
  entropy.status = PSA_ERROR_HARDWARE_FAILURE;
  RandomGenerator generator(WithEntropy(entropy));
  EXPECT_EQ(generator.Seed(), PSA_ERROR_HARDWARE_FAILURE);
  uint8_t output[16];
  memset(output, 0xee, sizeof(output));
  EXPECT_EQ(generator.Generate(output, sizeof(output)), PSA_ERROR_HARDWARE_FAILURE);
  for (uint8_t byte : output) EXPECT_EQ(byte, 0);
  // The source recovers: the next call seeds and succeeds.
  entropy.status = PSA_SUCCESS;
  EXPECT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
}

TEST_F(RandomGeneratorTest, TooLittleEntropyIsInsufficientEntropy) {
  ScriptedEntropy entropy;
  entropy.credited_bits_override = RandomGenerator::kMinEntropyBits - 1;
  RandomGenerator generator(WithEntropy(entropy));
  EXPECT_EQ(generator.Seed(), PSA_ERROR_INSUFFICIENT_ENTROPY);
  uint8_t output[16];
  EXPECT_EQ(generator.Generate(output, sizeof(output)), PSA_ERROR_INSUFFICIENT_ENTROPY);
}

TEST_F(RandomGeneratorTest, RootReseedFailureFailsTheRequest) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy, /*reseed_interval=*/1, /*thread_reseed_interval=*/1));
  Bytes output(RandomGenerator::kThreadBufferSize);
  ASSERT_EQ(generator.Generate(output.data(), output.size()), PSA_SUCCESS);
  entropy.status = PSA_ERROR_COMMUNICATION_FAILURE;
  std::fill(output.begin(), output.end(), 0xee);
  EXPECT_EQ(generator.Generate(output.data(), output.size()), PSA_ERROR_COMMUNICATION_FAILURE);
  EXPECT_EQ(output, Bytes(output.size(), 0));
}

TEST_F(RandomGeneratorTest, CipherDriverFailureIsReportedThenRecovered) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  Bytes output(RandomGenerator::kThreadBufferSize);
  ASSERT_EQ(generator.Generate(output.data(), output.size()), PSA_SUCCESS);
  g_aes_status = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_EQ(generator.Generate(output.data(), output.size()), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(output, Bytes(output.size(), 0));
  g_aes_status = PSA_SUCCESS;
  // The thread's DRBG was dropped: the next call instantiates it afresh.
  const uint64_t before = generator.thread_seed_count();
  EXPECT_EQ(generator.Generate(output.data(), output.size()), PSA_SUCCESS);
  EXPECT_EQ(generator.thread_seed_count(), before + 1);
}

TEST_F(RandomGeneratorTest, SameEntropyStillGivesDifferentStreams) {
  // The nonce (time, pid, tid, counter) separates instances even when the
  // entropy sources repeat themselves.
  ScriptedEntropy entropy_a, entropy_b;
  RandomGenerator a(WithEntropy(entropy_a)), b(WithEntropy(entropy_b));
  Bytes out_a(32), out_b(32);
  ASSERT_EQ(a.Generate(out_a.data(), out_a.size()), PSA_SUCCESS);
  ASSERT_EQ(b.Generate(out_b.data(), out_b.size()), PSA_SUCCESS);
  EXPECT_NE(out_a, out_b);
}

TEST_F(RandomGeneratorTest, AlternatingGeneratorsNeverShareBufferedBytes) {
  ScriptedEntropy entropy_a, entropy_b;
  RandomGenerator a(WithEntropy(entropy_a)), b(WithEntropy(entropy_b));
  std::set<Bytes> seen;
  for (int i = 0; i < 10; ++i) {
    Bytes x(16), y(16);
    ASSERT_EQ(a.Generate(x.data(), x.size()), PSA_SUCCESS);
    ASSERT_EQ(b.Generate(y.data(), y.size()), PSA_SUCCESS);
    seen.insert(x);
    seen.insert(y);
  }
  EXPECT_EQ(seen.size(), 20u);
}

TEST_F(RandomGeneratorTest, WipeForcesANewSeeding) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  uint8_t output[16];
  ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  generator.Wipe();
  ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  ASSERT_EQ(entropy.calls(), 2u);
  EXPECT_EQ(entropy.requests[1].os_bytes, RandomGenerator::kInstantiateOsBytes);
  EXPECT_EQ(generator.thread_seed_count(), 2u);
}

TEST_F(RandomGeneratorTest, EveryThreadHasItsOwnDrbgAndNoBlockRepeats) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  constexpr int kThreads = 8, kBlocks = 400;
  std::vector<std::vector<Bytes>> blocks(kThreads);
  std::vector<int> failures(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kBlocks; ++i) {
        Bytes block(16);
        if (generator.Generate(block.data(), block.size()) != PSA_SUCCESS) ++failures[t];
        blocks[t].push_back(std::move(block));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<Bytes> distinct;
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(failures[t], 0);
    distinct.insert(blocks[t].begin(), blocks[t].end());
  }
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kThreads * kBlocks));
  EXPECT_EQ(generator.thread_seed_count(), static_cast<uint64_t>(kThreads));
  EXPECT_EQ(entropy.calls(), 1u);
}

// After fork(), the child's bytes differ from those the parent produces
// next, though both hold the same (buffered) state at the fork.
TEST_F(RandomGeneratorTest, ChildAfterForkNeverRepeatsTheParent) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  uint8_t warm[16];
  ASSERT_EQ(generator.Generate(warm, sizeof(warm)), PSA_SUCCESS);  // the buffer now holds 4080 bytes
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    uint8_t child[64];
    const psa_status_t status = generator.Generate(child, sizeof(child));
    if (status != PSA_SUCCESS) memset(child, 0, sizeof(child));
    ssize_t written = write(pipe_fds[1], child, sizeof(child));
    _exit(written == static_cast<ssize_t>(sizeof(child)) ? 0 : 1);
  }
  close(pipe_fds[1]);
  uint8_t parent[64];
  ASSERT_EQ(generator.Generate(parent, sizeof(parent)), PSA_SUCCESS);
  uint8_t child[64];
  size_t got = 0;
  while (got < sizeof(child)) {
    const ssize_t n = read(pipe_fds[0], child + got, sizeof(child) - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(pipe_fds[0]);
  int wstatus = 0;
  ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
  ASSERT_TRUE(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0);
  ASSERT_EQ(got, sizeof(child));
  EXPECT_NE(Bytes(child, child + 64), Bytes(64, 0)) << "the child failed to generate";
  // No 16-byte block of the child's appears in the parent's output.
  for (size_t i = 0; i < 64; i += 16) {
    for (size_t j = 0; j < 64; j += 16) {
      EXPECT_NE(memcmp(child + i, parent + j, 16), 0) << "child block " << i / 16 << " = parent block " << j / 16;
    }
  }
  // The child reseeded its root from the entropy source (in the child, not
  // visible here); the parent did not.
  EXPECT_EQ(entropy.calls(), 1u);
}

}  // namespace
}  // namespace psa::core
