// The hash API over the published vectors of testdata/hash_vectors.json, in
// one build's driver selection (BUILD.bazel compiles this suite once per
// selection): every vector gives its published digest single-part, in
// multi-part chunks and after a clone; compare and verify accept it and reject
// every bit flip and truncation; and every computation is served by the
// driver the build says, as the dispatch and the test drivers' hit counters
// both tell.

#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "tests/vectors/hash_calls.h"
#include "tests/vectors/hash_vectors.h"
#include "tests/vectors/serving_driver.h"

namespace tests::vectors {
namespace {

// Bit-flip and truncation checks hash the message once per flipped bit:
// they run over the vectors up to this length (all but one million 'a').
constexpr size_t kTamperMaxMessage = 4096;

// Byte-by-byte updates for messages up to this length.
constexpr size_t kByteByByteMaxMessage = 4096;

std::vector<uint8_t> Slice(const std::vector<uint8_t>& bytes, size_t begin,
                           size_t end) {
  return std::vector<uint8_t>(bytes.begin() + begin, bytes.begin() + end);
}

// A pointer to `length` bytes at `offset`, or nullptr for nothing (the PSA
// API takes a null input for an empty one).
const uint8_t* At(const std::vector<uint8_t>& bytes, size_t offset,
                  size_t length) {
  return length == 0 ? nullptr : bytes.data() + offset;
}

// Counts the hash computations that the linked test drivers start during a
// scope, so that a test can require exactly as many in the expected driver as
// it made, and none in the others.
class ServingWitness {
 public:
  explicit ServingWitness(std::string expected_driver)
      : expected_driver_(std::move(expected_driver)) {
    for (const std::string& driver : LinkedDrivers()) {
      starts_before_[driver] = HashStarts(driver);
    }
  }

  // Expects `count` computations started by the expected driver since
  // construction, and none by any other test driver. (The builtin driver
  // has no counters: for it only the others are checked.)
  void ExpectStarts(unsigned long count) const {
    for (const auto& [driver, before] : starts_before_) {
      if (TestDriverHooks(driver) == nullptr) continue;
      EXPECT_EQ(HashStarts(driver) - before, driver == expected_driver_ ? count : 0)
          << "hash computations started by " << driver;
    }
  }

 private:
  std::string expected_driver_;
  std::map<std::string, unsigned long> starts_before_;
};

class HashConformance : public ::testing::TestWithParam<HashVector> {
 protected:
  void SetUp() override {
    ASSERT_EQ(ThisBuildError(), "");
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    ResetTestDrivers();
    SCOPED_TRACE(Describe(GetParam()));
    ASSERT_FALSE(ExpectedDriver().empty());
  }

  const HashVector& Vector() const { return GetParam(); }
  const std::string& ExpectedDriver() const {
    return ThisBuild().DriverFor(GetParam().algorithm);
  }
};

// Tampered digests, over the short vectors only.
class HashTampering : public HashConformance {};

std::string NameOf(const ::testing::TestParamInfo<HashVector>& info) {
  return ParamName(info.param);
}

TEST(ThisBuild, ExpectationIsValidAndNamesOnlyLinkedDrivers) {
  ASSERT_EQ(ThisBuildError(), "");
  const std::vector<std::string> linked = LinkedDrivers();
  ASSERT_FALSE(linked.empty());
  for (const std::string& driver : ThisBuild().Drivers()) {
    EXPECT_NE(std::find(linked.begin(), linked.end(), driver), linked.end())
        << "HASH_SERVING_DRIVERS expects " << driver
        << ", which this build does not link";
  }
  // The builtin driver is the last resort of every build of this suite.
  EXPECT_EQ(linked.back(), "builtin");
}

TEST(ThisBuild, EveryAlgorithmHasVectors) {
  ASSERT_EQ(LoadError(), "");
  for (const HashAlgorithm& algorithm : HashAlgorithms()) {
    EXPECT_TRUE(std::any_of(AllHashVectors().begin(), AllHashVectors().end(),
                            [&](const HashVector& vector) {
                              return vector.alg == algorithm.alg;
                            }))
        << algorithm.name;
  }
}

TEST_P(HashConformance, SinglePartGivesThePublishedDigest) {
  SCOPED_TRACE(Describe(Vector()));
  const size_t length = PSA_HASH_LENGTH(Vector().alg);
  // An output buffer of exactly the digest length, then guard bytes that
  // must stay untouched.
  constexpr uint8_t kGuard = 0xa5;
  std::vector<uint8_t> out(length + 16, kGuard);
  size_t out_length = 0;
  const ServingWitness witness(ExpectedDriver());
  ASSERT_EQ(psa_hash_compute(Vector().alg, At(Vector().message, 0, Vector().message.size()),
                             Vector().message.size(), out.data(), length, &out_length),
            PSA_SUCCESS);
  EXPECT_EQ(ServedBy(), ExpectedDriver());
  witness.ExpectStarts(1);
  ASSERT_EQ(out_length, length);
  EXPECT_EQ(ToHex(out.data(), out_length), ToHex(Vector().digest));
  EXPECT_TRUE(std::all_of(out.begin() + length, out.end(),
                          [](uint8_t byte) { return byte == kGuard; }))
      << "psa_hash_compute wrote past the digest";
}

TEST_P(HashConformance, MultiPartInChunksGivesThePublishedDigest) {
  SCOPED_TRACE(Describe(Vector()));
  const size_t size = Vector().message.size();
  std::vector<std::vector<size_t>> splits = {
      {size},                         // one update with everything
      Chunks(size, 3),                // never block-aligned
      Chunks(size, 64),               // MD5/RIPEMD-160/SHA-1/SHA-256 blocks
      Chunks(size, 65),               //
      Chunks(size, 128),              // SHA-384/SHA-512 blocks
      Chunks(size, 1000),             //
      {0, size, 0},                   // empty updates around the message
  };
  if (size <= kByteByByteMaxMessage) splits.push_back(Chunks(size, 1));
  if (size == 0) splits.push_back({});  // no update at all

  const ServingWitness witness(ExpectedDriver());
  for (const std::vector<size_t>& split : splits) {
    SCOPED_TRACE(::testing::Message() << split.size() << " updates");
    std::vector<uint8_t> digest;
    ASSERT_EQ(ComputeHashInSegments(Vector().alg, Vector().message, split, &digest),
              PSA_SUCCESS);
    EXPECT_EQ(ServedBy(), ExpectedDriver());
    EXPECT_EQ(ToHex(digest), ToHex(Vector().digest));
  }
  witness.ExpectStarts(splits.size());
}

TEST_P(HashConformance, SetupIsServedByTheExpectedDriver) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, Vector().alg), PSA_SUCCESS);
  EXPECT_EQ(ServedBy(), ExpectedDriver());
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
}

TEST_P(HashConformance, CompareAndVerifyAcceptThePublishedDigest) {
  SCOPED_TRACE(Describe(Vector()));
  const std::vector<uint8_t>& message = Vector().message;
  const std::vector<uint8_t>& digest = Vector().digest;
  const ServingWitness witness(ExpectedDriver());

  EXPECT_EQ(psa_hash_compare(Vector().alg, At(message, 0, message.size()), message.size(),
                             digest.data(), digest.size()),
            PSA_SUCCESS);
  EXPECT_EQ(ServedBy(), ExpectedDriver());

  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, Vector().alg), PSA_SUCCESS);
  ASSERT_EQ(psa_hash_update(&operation, At(message, 0, message.size()), message.size()),
            PSA_SUCCESS);
  EXPECT_EQ(psa_hash_verify(&operation, digest.data(), digest.size()), PSA_SUCCESS);
  EXPECT_EQ(ServedBy(), ExpectedDriver());
  // Verify ended the operation: it is inactive.
  const uint8_t one_more = 0;
  EXPECT_EQ(psa_hash_update(&operation, &one_more, 1), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
  witness.ExpectStarts(2);
}

// Clone at the start, in the middle and at the end of the message; both
// operations then finish, in either order, to the published digest, and a
// clone that absorbs one more byte does not disturb its source.
TEST_P(HashConformance, CloneMidStreamThenBothFinishRight) {
  SCOPED_TRACE(Describe(Vector()));
  const std::vector<uint8_t>& message = Vector().message;
  const size_t size = message.size();
  const std::string expected = ToHex(Vector().digest);

  for (const size_t split : {size_t{0}, size / 2, size}) {
    SCOPED_TRACE(::testing::Message() << "clone after " << split << " bytes");
    for (const bool clone_finishes_first : {true, false}) {
      psa_hash_operation_t source = PSA_HASH_OPERATION_INIT;
      psa_hash_operation_t clone = PSA_HASH_OPERATION_INIT;
      ASSERT_EQ(psa_hash_setup(&source, Vector().alg), PSA_SUCCESS);
      ASSERT_EQ(psa_hash_update(&source, At(message, 0, split), split), PSA_SUCCESS);
      ASSERT_EQ(psa_hash_clone(&source, &clone), PSA_SUCCESS);

      auto finish = [&](psa_hash_operation_t* operation, const char* which) {
        ASSERT_EQ(psa_hash_update(operation, At(message, split, size - split), size - split),
                  PSA_SUCCESS)
            << which;
        uint8_t out[PSA_HASH_MAX_SIZE];
        size_t out_length = 0;
        ASSERT_EQ(psa_hash_finish(operation, out, sizeof(out), &out_length), PSA_SUCCESS)
            << which;
        EXPECT_EQ(ServedBy(), ExpectedDriver()) << which;
        EXPECT_EQ(ToHex(out, out_length), expected) << which;
      };
      if (clone_finishes_first) {
        finish(&clone, "clone");
        finish(&source, "source");
      } else {
        finish(&source, "source");
        finish(&clone, "clone");
      }
      psa_hash_abort(&source);
      psa_hash_abort(&clone);
    }

    // A diverging clone: its extra byte must not reach the source.
    psa_hash_operation_t source = PSA_HASH_OPERATION_INIT;
    psa_hash_operation_t clone = PSA_HASH_OPERATION_INIT;
    ASSERT_EQ(psa_hash_setup(&source, Vector().alg), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_update(&source, At(message, 0, split), split), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_clone(&source, &clone), PSA_SUCCESS);
    const uint8_t extra = 'x';
    ASSERT_EQ(psa_hash_update(&clone, &extra, 1), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_update(&clone, At(message, split, size - split), size - split),
              PSA_SUCCESS);
    EXPECT_EQ(psa_hash_verify(&clone, Vector().digest.data(), Vector().digest.size()),
              PSA_ERROR_INVALID_SIGNATURE);
    ASSERT_EQ(psa_hash_update(&source, At(message, split, size - split), size - split),
              PSA_SUCCESS);
    EXPECT_EQ(psa_hash_verify(&source, Vector().digest.data(), Vector().digest.size()),
              PSA_SUCCESS);
    psa_hash_abort(&source);
    psa_hash_abort(&clone);
  }
}

// Verifies `candidate` for the vector's message with psa_hash_compare and
// with a multi-part psa_hash_verify; returns the two statuses.
std::pair<psa_status_t, psa_status_t> CompareAndVerify(const HashVector& vector,
                                                       const std::vector<uint8_t>& candidate) {
  const std::vector<uint8_t>& message = vector.message;
  const psa_status_t compared = psa_hash_compare(
      vector.alg, At(message, 0, message.size()), message.size(),
      At(candidate, 0, candidate.size()), candidate.size());
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  psa_status_t verified = psa_hash_setup(&operation, vector.alg);
  if (verified == PSA_SUCCESS) {
    verified = psa_hash_update(&operation, At(message, 0, message.size()), message.size());
  }
  if (verified == PSA_SUCCESS) {
    verified = psa_hash_verify(&operation, At(candidate, 0, candidate.size()), candidate.size());
  }
  psa_hash_abort(&operation);
  return {compared, verified};
}

TEST_P(HashTampering, CompareAndVerifyRejectEveryBitFlip) {
  SCOPED_TRACE(Describe(Vector()));
  const size_t bits = 8 * Vector().digest.size();
  for (size_t bit = 0; bit < bits; ++bit) {
    std::vector<uint8_t> flipped = Vector().digest;
    flipped[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
    const auto [compared, verified] = CompareAndVerify(Vector(), flipped);
    EXPECT_EQ(compared, PSA_ERROR_INVALID_SIGNATURE) << "psa_hash_compare, bit " << bit;
    EXPECT_EQ(verified, PSA_ERROR_INVALID_SIGNATURE) << "psa_hash_verify, bit " << bit;
  }
}

TEST_P(HashTampering, CompareAndVerifyRejectEveryTruncationAndExtension) {
  SCOPED_TRACE(Describe(Vector()));
  const std::vector<uint8_t>& digest = Vector().digest;
  for (size_t length = 0; length < digest.size(); ++length) {
    const auto [compared, verified] = CompareAndVerify(Vector(), Slice(digest, 0, length));
    EXPECT_EQ(compared, PSA_ERROR_INVALID_SIGNATURE) << "psa_hash_compare, " << length << " bytes";
    EXPECT_EQ(verified, PSA_ERROR_INVALID_SIGNATURE) << "psa_hash_verify, " << length << " bytes";
  }
  // The digest followed by one more byte is not the digest either.
  for (const uint8_t extra : {0x00, 0xff}) {
    std::vector<uint8_t> extended = digest;
    extended.push_back(extra);
    const auto [compared, verified] = CompareAndVerify(Vector(), extended);
    EXPECT_EQ(compared, PSA_ERROR_INVALID_SIGNATURE) << "psa_hash_compare, extended";
    EXPECT_EQ(verified, PSA_ERROR_INVALID_SIGNATURE) << "psa_hash_verify, extended";
  }
  // The untampered digest still passes: the rejections above are not a
  // state left behind by an earlier failure.
  const auto [compared, verified] = CompareAndVerify(Vector(), digest);
  EXPECT_EQ(compared, PSA_SUCCESS);
  EXPECT_EQ(verified, PSA_SUCCESS);
}

INSTANTIATE_TEST_SUITE_P(PublishedVectors, HashConformance,
                         ::testing::ValuesIn(AllHashVectors()), NameOf);
INSTANTIATE_TEST_SUITE_P(PublishedVectors, HashTampering,
                         ::testing::ValuesIn(HashVectorsUpTo(kTamperMaxMessage)), NameOf);

// --- Eight threads at once ---

constexpr int kThreads = 8;

// What one thread saw: failures described, and the computations it made per
// expected driver.
struct ThreadReport {
  std::vector<std::string> failures;
  std::map<std::string, unsigned long> starts_by_driver;
};

// Hashes every vector single-part, in chunks of a thread-specific size, and
// compares it; each thread starts at a different vector so that different
// algorithms run at the same time.
void HashEveryVector(int thread, const std::vector<HashVector>& vectors, ThreadReport* report) {
  const size_t chunk = 1 + 97 * static_cast<size_t>(thread);
  for (size_t n = 0; n < vectors.size(); ++n) {
    const HashVector& vector = vectors[(n + static_cast<size_t>(thread) * 5) % vectors.size()];
    const std::string& expected_driver = ThisBuild().DriverFor(vector.algorithm);
    auto fail = [&](const std::string& what) {
      report->failures.push_back("thread " + std::to_string(thread) + ", " + Describe(vector) +
                                 ": " + what);
    };

    std::vector<uint8_t> digest;
    psa_status_t status = ComputeHash(vector.alg, vector.message, &digest);
    if (status != PSA_SUCCESS) fail("psa_hash_compute: status " + std::to_string(status));
    else if (digest != vector.digest) fail("psa_hash_compute: digest " + ToHex(digest));
    else if (ServedBy() != expected_driver) fail("psa_hash_compute served by " + ServedBy());

    status = ComputeHashInSegments(vector.alg, vector.message,
                                   Chunks(vector.message.size(), chunk), &digest);
    if (status != PSA_SUCCESS) fail("multi-part: status " + std::to_string(status));
    else if (digest != vector.digest) fail("multi-part: digest " + ToHex(digest));
    else if (ServedBy() != expected_driver) fail("multi-part served by " + ServedBy());

    status = psa_hash_compare(vector.alg, vector.message.data(), vector.message.size(),
                              vector.digest.data(), vector.digest.size());
    if (status != PSA_SUCCESS) fail("psa_hash_compare: status " + std::to_string(status));

    report->starts_by_driver[expected_driver] += 3;
  }
}

TEST(HashConcurrency, EightThreadsHashEveryVectorAtOnce) {
  ASSERT_EQ(ThisBuildError(), "");
  ASSERT_EQ(LoadError(), "");
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  ResetTestDrivers();
  const std::vector<HashVector>& vectors = AllHashVectors();
  std::map<std::string, unsigned long> starts_before;
  for (const std::string& driver : ThisBuild().Drivers()) {
    starts_before[driver] = HashStarts(driver);
  }

  // All threads wait at the gate, then start together.
  std::mutex mutex;
  std::condition_variable opened;
  bool open = false;
  std::vector<ThreadReport> reports(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      {
        std::unique_lock<std::mutex> lock(mutex);
        opened.wait(lock, [&] { return open; });
      }
      HashEveryVector(t, vectors, &reports[t]);
    });
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    open = true;
  }
  opened.notify_all();
  for (std::thread& thread : threads) thread.join();

  std::map<std::string, unsigned long> starts_made;
  size_t failures = 0;
  for (const ThreadReport& report : reports) {
    for (const std::string& failure : report.failures) {
      ADD_FAILURE() << failure;
      ++failures;
    }
    for (const auto& [driver, starts] : report.starts_by_driver) starts_made[driver] += starts;
  }
  EXPECT_EQ(failures, 0u);
  // The test drivers counted exactly the computations meant for them: none
  // was lost to a race, none went elsewhere.
  for (const auto& [driver, starts] : starts_made) {
    if (TestDriverHooks(driver) == nullptr) continue;
    EXPECT_EQ(HashStarts(driver) - starts_before[driver], starts) << driver;
  }
}

}  // namespace
}  // namespace tests::vectors
