// Differential test against OpenSSL 3, in one build's driver selection: for
// every hash algorithm, 500 pseudo-random messages of 0 to 5000 bytes hashed
// through the PSA API single-part and multi-part (random split points, empty
// updates included) must give OpenSSL's digests, served by the driver the
// build says.
//
// The seed is random per run and printed with any failure; set
// HASH_DIFFERENTIAL_SEED (bazel test --test_env=HASH_DIFFERENTIAL_SEED=N) to
// replay a run.

#include <gtest/gtest.h>

#include <stdlib.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "tests/vectors/hash_calls.h"
#include "tests/vectors/hash_vectors.h"
#include "tests/vectors/openssl_digest.h"
#include "tests/vectors/serving_driver.h"

namespace tests::vectors {
namespace {

constexpr size_t kMessages = 500;
constexpr size_t kMaxMessageLength = 5000;
constexpr size_t kMaxUpdates = 8;

// The lengths of the first messages: padding boundaries of every block size
// (64 and 128 bytes), then the longest; the rest are random.
constexpr size_t kEdgeLengths[] = {0,   1,   55,  56,  63,  64,  65,  111, 112,
                                   119, 120, 127, 128, 129, 255, 256, 257,
                                   kMaxMessageLength};

uint64_t DifferentialSeed() {
  static const uint64_t seed = [] {
    const char* given = getenv("HASH_DIFFERENTIAL_SEED");
    if (given != nullptr && *given != '\0') {
      char* end = nullptr;
      const unsigned long long value = strtoull(given, &end, 10);
      if (*end == '\0') return static_cast<uint64_t>(value);
      ADD_FAILURE() << "HASH_DIFFERENTIAL_SEED=\"" << given
                    << "\" is not a decimal number; using a random seed";
    }
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32) | device();
  }();
  return seed;
}

// Lengths of 1 to kMaxUpdates updates covering `total` bytes at random split
// points; split points may coincide or sit at either end (empty updates), and
// one in three splits gets an extra empty update at a random place.
std::vector<size_t> RandomSplit(size_t total, std::mt19937_64& rng) {
  const size_t updates = std::uniform_int_distribution<size_t>(1, kMaxUpdates)(rng);
  std::vector<size_t> points(updates - 1);
  std::uniform_int_distribution<size_t> point(0, total);
  for (size_t& p : points) p = point(rng);
  std::sort(points.begin(), points.end());
  std::vector<size_t> lengths;
  size_t previous = 0;
  for (size_t p : points) {
    lengths.push_back(p - previous);
    previous = p;
  }
  lengths.push_back(total - previous);
  if (std::uniform_int_distribution<int>(0, 2)(rng) == 0) {
    const size_t at = std::uniform_int_distribution<size_t>(0, lengths.size())(rng);
    lengths.insert(lengths.begin() + static_cast<std::ptrdiff_t>(at), 0);
  }
  return lengths;
}

class OpenSslDifferential : public ::testing::TestWithParam<HashAlgorithm> {
 protected:
  void SetUp() override {
    ASSERT_EQ(ThisBuildError(), "");
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    ResetTestDrivers();
  }
};

TEST_P(OpenSslDifferential, RandomMessagesSingleAndMultiPart) {
  const HashAlgorithm& algorithm = GetParam();
  std::string reason;
  const std::unique_ptr<OpenSslDigest> openssl = OpenSslDigest::Fetch(algorithm.alg, &reason);
  if (openssl == nullptr) GTEST_SKIP() << algorithm.name << " not compared: " << reason;
  RecordProperty("openssl_provider", openssl->ProviderName());

  const uint64_t seed = DifferentialSeed();
  RecordProperty("seed", std::to_string(seed));
  SCOPED_TRACE(::testing::Message()
               << "seed " << seed << " (replay: --test_env=HASH_DIFFERENTIAL_SEED=" << seed << ")");
  // One stream per algorithm, so that each algorithm replays on its own.
  std::mt19937_64 rng(seed ^ algorithm.alg);
  const std::string& expected_driver = ThisBuild().DriverFor(algorithm.name);
  const unsigned long starts_before = HashStarts(expected_driver);

  size_t empty_updates = 0;
  std::vector<uint8_t> message;
  for (size_t n = 0; n < kMessages; ++n) {
    const size_t length = n < std::size(kEdgeLengths)
                              ? kEdgeLengths[n]
                              : std::uniform_int_distribution<size_t>(0, kMaxMessageLength)(rng);
    message.resize(length);
    for (uint8_t& byte : message) byte = static_cast<uint8_t>(rng());
    SCOPED_TRACE(::testing::Message() << "message #" << n << ", " << length << " bytes: "
                                      << ToHex(message.data(), std::min<size_t>(length, 32))
                                      << (length > 32 ? "..." : ""));

    std::vector<uint8_t> expected;
    ASSERT_TRUE(openssl->Digest(message.data(), message.size(), &expected));

    std::vector<uint8_t> single;
    ASSERT_EQ(ComputeHash(algorithm.alg, message, &single), PSA_SUCCESS);
    ASSERT_EQ(ToHex(single), ToHex(expected)) << "single-part";
    ASSERT_EQ(ServedBy(), expected_driver) << "single-part";

    const std::vector<size_t> split = RandomSplit(length, rng);
    empty_updates += static_cast<size_t>(std::count(split.begin(), split.end(), 0));
    std::vector<uint8_t> multi;
    ASSERT_EQ(ComputeHashInSegments(algorithm.alg, message, split, &multi), PSA_SUCCESS);
    ASSERT_EQ(ToHex(multi), ToHex(expected))
        << "multi-part, " << ::testing::PrintToString(split);
    ASSERT_EQ(ServedBy(), expected_driver) << "multi-part";
  }
  // The random splits did include empty updates (the edge lengths alone
  // guarantee some: message #0 is empty).
  EXPECT_GT(empty_updates, 0u);
  if (TestDriverHooks(expected_driver) != nullptr) {
    EXPECT_EQ(HashStarts(expected_driver) - starts_before, 2 * kMessages) << expected_driver;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryAlgorithm, OpenSslDifferential,
                         ::testing::ValuesIn(HashAlgorithms()),
                         [](const ::testing::TestParamInfo<HashAlgorithm>& info) {
                           std::string name;
                           for (const char* c = info.param.name; *c != '\0'; ++c) {
                             name.push_back(*c == '-' ? '_' : *c);
                           }
                           return name;
                         });

}  // namespace
}  // namespace tests::vectors
