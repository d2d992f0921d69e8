#include "psa/core/random_generator.h"

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
#include "psa/core/testing/fake_dispatch.h"

namespace psa::core {
namespace {

using ::psa::core::testing::FailFakeHashCalls;
using ::psa::core::testing::HashEntryPoint;
using ::psa::core::testing::ResetFakeDispatch;

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
      seed->Commit(request.os_bytes, credited_bits_override != 0
                                         ? credited_bits_override
                                         : 8 * request.os_bytes);
      return PSA_SUCCESS;
    };
  }

  size_t calls() {
    absl::MutexLock lock(&mutex);
    return requests.size();
  }
};

RandomGenerator::Options WithEntropy(ScriptedEntropy& entropy,
                                     uint64_t reseed_interval =
                                         RandomGenerator::kDefaultReseedInterval) {
  RandomGenerator::Options options;
  options.reseed_interval = reseed_interval;
  options.entropy = entropy.Function();
  return options;
}

class RandomGeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override { ResetFakeDispatch(); }
};

TEST_F(RandomGeneratorTest, SeedAsksForInstantiationEntropy) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  ASSERT_EQ(generator.Seed(), PSA_SUCCESS);
  ASSERT_EQ(entropy.calls(), 1u);
  EXPECT_EQ(entropy.requests[0].os_bytes,
            RandomGenerator::kInstantiateOsBytes);
  EXPECT_EQ(entropy.requests[0].min_entropy_bits,
            RandomGenerator::kMinEntropyBits);
  uint8_t output[32];
  ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  EXPECT_EQ(entropy.calls(), 1u);
  EXPECT_EQ(generator.seed_count(), 1u);
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
}

TEST_F(RandomGeneratorTest, ReseedsAfterTheInterval) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy, /*reseed_interval=*/2));
  uint8_t output[16];
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  }
  // Instantiation, then a reseed before requests 3 and 5.
  ASSERT_EQ(entropy.calls(), 3u);
  EXPECT_EQ(entropy.requests[1].os_bytes, RandomGenerator::kReseedOsBytes);
  EXPECT_EQ(entropy.requests[2].min_entropy_bits,
            RandomGenerator::kMinEntropyBits);
  EXPECT_EQ(generator.seed_count(), 3u);
}

TEST_F(RandomGeneratorTest, LargeRequestsAreSplitIntoDrbgRequests) {
  ScriptedEntropy entropy;
  // Interval 1: every DRBG request after the first needs a reseed, so the
  // reseed count shows how many requests one call made.
  RandomGenerator generator(WithEntropy(entropy, /*reseed_interval=*/1));
  std::vector<uint8_t> output(3 * HmacDrbg::kMaxRequestLength + 5, 0);
  ASSERT_EQ(generator.Generate(output.data(), output.size()), PSA_SUCCESS);
  EXPECT_EQ(entropy.calls(), 4u);
  // Every chunk was written: no 64-byte run of zeros at any chunk boundary.
  for (size_t chunk = 0; chunk < 4; ++chunk) {
    const size_t start = chunk * HmacDrbg::kMaxRequestLength;
    const size_t length = std::min<size_t>(64, output.size() - start);
    EXPECT_NE(std::vector<uint8_t>(output.begin() + start,
                                   output.begin() + start + length),
              std::vector<uint8_t>(length, 0))
        << "chunk " << chunk;
  }
}

TEST_F(RandomGeneratorTest, EntropyFailureIsReportedAndOutputWiped) {
  ScriptedEntropy entropy;
  entropy.status = PSA_ERROR_HARDWARE_FAILURE;
  RandomGenerator generator(WithEntropy(entropy));
  EXPECT_EQ(generator.Seed(), PSA_ERROR_HARDWARE_FAILURE);
  uint8_t output[16];
  memset(output, 0xee, sizeof(output));
  EXPECT_EQ(generator.Generate(output, sizeof(output)),
            PSA_ERROR_HARDWARE_FAILURE);
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
}

TEST_F(RandomGeneratorTest, ReseedFailureFailsTheRequest) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy, /*reseed_interval=*/1));
  uint8_t output[16];
  ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  entropy.status = PSA_ERROR_COMMUNICATION_FAILURE;
  memset(output, 0xee, sizeof(output));
  EXPECT_EQ(generator.Generate(output, sizeof(output)),
            PSA_ERROR_COMMUNICATION_FAILURE);
  for (uint8_t byte : output) EXPECT_EQ(byte, 0);
}

TEST_F(RandomGeneratorTest, HashDriverFailureIsReportedThenRecovered) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  ASSERT_EQ(generator.Seed(), PSA_SUCCESS);
  FailFakeHashCalls(HashEntryPoint::kFinish, PSA_ERROR_HARDWARE_FAILURE);
  uint8_t output[16];
  EXPECT_EQ(generator.Generate(output, sizeof(output)),
            PSA_ERROR_HARDWARE_FAILURE);
  // The DRBG state was dropped: the next call instantiates afresh.
  EXPECT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  EXPECT_EQ(entropy.calls(), 2u);
}

TEST_F(RandomGeneratorTest, SameEntropyStillGivesDifferentStreams) {
  // The nonce (time, pid, counter) separates instances even when the
  // entropy sources repeat themselves.
  ScriptedEntropy entropy_a, entropy_b;
  RandomGenerator a(WithEntropy(entropy_a)), b(WithEntropy(entropy_b));
  std::vector<uint8_t> out_a(32), out_b(32);
  ASSERT_EQ(a.Generate(out_a.data(), out_a.size()), PSA_SUCCESS);
  ASSERT_EQ(b.Generate(out_b.data(), out_b.size()), PSA_SUCCESS);
  EXPECT_NE(out_a, out_b);
}

TEST_F(RandomGeneratorTest, WipeForcesANewSeeding) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  uint8_t output[16];
  ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  generator.Wipe();
  ASSERT_EQ(generator.Generate(output, sizeof(output)), PSA_SUCCESS);
  EXPECT_EQ(entropy.calls(), 2u);
  EXPECT_EQ(entropy.requests[1].os_bytes,
            RandomGenerator::kInstantiateOsBytes);
}

TEST_F(RandomGeneratorTest, EightThreadsGetDistinctBlocks) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy, /*reseed_interval=*/50));
  constexpr int kThreads = 8;
  constexpr int kBlocksPerThread = 200;
  std::vector<std::vector<std::vector<uint8_t>>> blocks(kThreads);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kBlocksPerThread; ++i) {
        std::vector<uint8_t> block(32);
        if (generator.Generate(block.data(), block.size()) != PSA_SUCCESS) {
          ++failures;
        }
        blocks[t].push_back(std::move(block));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  std::set<std::vector<uint8_t>> distinct;
  for (const auto& per_thread : blocks) {
    distinct.insert(per_thread.begin(), per_thread.end());
  }
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kThreads * kBlocksPerThread));
  // 1600 requests, a reseed every 50.
  EXPECT_EQ(entropy.calls(), 1u + (kThreads * kBlocksPerThread - 1) / 50);
}

TEST_F(RandomGeneratorTest, ChildProcessDoesNotRepeatTheParentsOutput) {
  ScriptedEntropy entropy;
  RandomGenerator generator(WithEntropy(entropy));
  uint8_t warm_up[8];
  ASSERT_EQ(generator.Generate(warm_up, sizeof(warm_up)), PSA_SUCCESS);

  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    uint8_t block[32] = {0};
    const bool ok = generator.Generate(block, sizeof(block)) == PSA_SUCCESS;
    const bool written =
        write(pipe_fds[1], block, sizeof(block)) ==
        static_cast<ssize_t>(sizeof(block));
    _exit(ok && written ? 0 : 1);
  }
  close(pipe_fds[1]);
  uint8_t parent_block[32];
  ASSERT_EQ(generator.Generate(parent_block, sizeof(parent_block)),
            PSA_SUCCESS);
  uint8_t child_block[32];
  ASSERT_EQ(read(pipe_fds[0], child_block, sizeof(child_block)),
            static_cast<ssize_t>(sizeof(child_block)));
  close(pipe_fds[0]);
  int wait_status = 0;
  ASSERT_EQ(waitpid(child, &wait_status, 0), child);
  ASSERT_TRUE(WIFEXITED(wait_status));
  EXPECT_EQ(WEXITSTATUS(wait_status), 0);
  EXPECT_NE(memcmp(parent_block, child_block, sizeof(parent_block)), 0);
  // The parent did not reseed: only the child saw the fork.
  EXPECT_EQ(entropy.calls(), 1u);
}

}  // namespace
}  // namespace psa::core
