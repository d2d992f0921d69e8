// Unit tests of the test driver instances: each entry point counts its calls,
// returns the builtin driver's results when left alone, and obeys the forced
// statuses, the declined algorithm and key type and the entropy settings of
// its hooks. Every test runs over both instances.

#include "drivers/test/test_driver.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "drivers/builtin/builtin_hash.h"
#include "drivers/builtin/builtin_key_management.h"
#include "drivers/test/test_key_vectors.h"
#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace drivers::test {
namespace {

// The entry points of one instance, for typed tests.
#define TEST_DRIVER_TRAITS(prefix)                                \
  struct prefix##_traits {                                        \
    using Operation = prefix##_hash_operation_t;                  \
    static test_driver_hooks_t& Hooks() { return prefix##_hooks; } \
    static constexpr auto init = prefix##_init;                   \
    static constexpr auto get_entropy = prefix##_get_entropy;     \
    static constexpr auto hash_compute = prefix##_hash_compute;   \
    static constexpr auto named_hash_compute =                    \
        prefix##_named_hash_compute;                              \
    static constexpr auto hash_setup = prefix##_hash_setup;       \
    static constexpr auto hash_update = prefix##_hash_update;     \
    static constexpr auto hash_finish = prefix##_hash_finish;     \
    static constexpr auto hash_abort = prefix##_hash_abort;       \
    static constexpr auto import_key = prefix##_import_key;       \
    static constexpr auto generate_key = prefix##_generate_key;   \
    static constexpr auto export_public_key =                     \
        prefix##_export_public_key;                               \
  };
TEST_DRIVER_INSTANCES(TEST_DRIVER_TRAITS)
#undef TEST_DRIVER_TRAITS

const psa_algorithm_t kHashAlgorithms[] = {
    PSA_ALG_MD5,     PSA_ALG_RIPEMD160, PSA_ALG_SHA_1,   PSA_ALG_SHA_224,
    PSA_ALG_SHA_256, PSA_ALG_SHA_384,   PSA_ALG_SHA_512,
};

constexpr size_t kMaxDigest = 64;
constexpr psa_status_t kForced = PSA_ERROR_INSUFFICIENT_MEMORY;

const std::string kMessage =
    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

const uint8_t* Bytes(const std::string& s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}

bool IsAllZero(const void* data, size_t length) {
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  return std::all_of(bytes, bytes + length, [](uint8_t b) { return b == 0; });
}

// The builtin driver's digest of `message`.
std::vector<uint8_t> BuiltinDigest(psa_algorithm_t alg,
                                   const std::string& message) {
  std::vector<uint8_t> hash(kMaxDigest);
  size_t hash_length = 0;
  EXPECT_EQ(builtin_hash_compute(alg, Bytes(message), message.size(),
                                 hash.data(), hash.size(), &hash_length),
            PSA_SUCCESS);
  hash.resize(hash_length);
  return hash;
}

template <typename Driver>
class TestDriverTest : public ::testing::Test {
 protected:
  using Operation = typename Driver::Operation;

  // Key generation and ECC public-key derivation draw from the core's
  // random generator.
  static void SetUpTestSuite() { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }

  void SetUp() override {
    test_driver_reset_hooks(&test_a_hooks);
    test_driver_reset_hooks(&test_b_hooks);
  }
  void TearDown() override { SetUp(); }

  test_driver_hooks_t& hooks() { return Driver::Hooks(); }

  // The outcome of a key-management call: status, output, bits.
  struct KeyResult {
    psa_status_t status;
    std::vector<uint8_t> output;
    size_t bits;
  };

  // import_key into a buffer of `buffer_size` bytes; on failure checks that
  // the output length is 0.
  static KeyResult Import(psa_key_type_t type, size_t bits,
                          const std::vector<uint8_t>& data,
                          size_t buffer_size = 1024) {
    const psa_key_attributes_t attributes = KeyAttributes(type, bits);
    KeyResult result{PSA_ERROR_GENERIC_ERROR,
                     std::vector<uint8_t>(buffer_size), bits};
    size_t length = 12345;
    result.status = Driver::import_key(&attributes, data.data(), data.size(),
                                       result.output.data(), buffer_size,
                                       &length, &result.bits);
    if (result.status != PSA_SUCCESS) {
      EXPECT_EQ(length, 0u);
    }
    result.output.resize(result.status == PSA_SUCCESS ? length : 0);
    return result;
  }

  static KeyResult ExportPublic(psa_key_type_t type, size_t bits,
                                const std::vector<uint8_t>& key,
                                size_t data_size = 1024) {
    const psa_key_attributes_t attributes = KeyAttributes(type, bits);
    KeyResult result{PSA_ERROR_GENERIC_ERROR,
                     std::vector<uint8_t>(data_size), bits};
    size_t length = 12345;
    result.status = Driver::export_public_key(&attributes, key.data(),
                                              key.size(), result.output.data(),
                                              data_size, &length);
    if (result.status != PSA_SUCCESS) {
      EXPECT_EQ(length, 0u);
    }
    result.output.resize(result.status == PSA_SUCCESS ? length : 0);
    return result;
  }

  static KeyResult Generate(psa_key_type_t type, size_t bits,
                            size_t buffer_size = 1024) {
    const psa_key_attributes_t attributes = KeyAttributes(type, bits);
    KeyResult result{PSA_ERROR_GENERIC_ERROR,
                     std::vector<uint8_t>(buffer_size), bits};
    size_t length = 12345;
    result.status = Driver::generate_key(&attributes, result.output.data(),
                                         buffer_size, &length);
    if (result.status != PSA_SUCCESS) {
      EXPECT_EQ(length, 0u);
    }
    result.output.resize(result.status == PSA_SUCCESS ? length : 0);
    return result;
  }

  static Operation ZeroOperation() {
    Operation operation;
    std::memset(&operation, 0, sizeof(operation));
    return operation;
  }

  // Hash of `message` through one entry point family; empty on error (the
  // status is returned in `status`).
  static std::vector<uint8_t> Compute(decltype(Driver::hash_compute) compute,
                                      psa_algorithm_t alg,
                                      const std::string& message,
                                      psa_status_t* status) {
    std::vector<uint8_t> hash(kMaxDigest);
    size_t hash_length = 0;
    *status = compute(alg, Bytes(message), message.size(), hash.data(),
                      hash.size(), &hash_length);
    hash.resize(hash_length);
    return hash;
  }

  static std::vector<uint8_t> Multipart(psa_algorithm_t alg,
                                        const std::string& message) {
    Operation operation = ZeroOperation();
    std::vector<uint8_t> hash(kMaxDigest);
    size_t hash_length = 0;
    EXPECT_EQ(Driver::hash_setup(&operation, alg), PSA_SUCCESS);
    EXPECT_EQ(Driver::hash_update(&operation, Bytes(message), 10), PSA_SUCCESS);
    EXPECT_EQ(Driver::hash_update(&operation, Bytes(message) + 10,
                                  message.size() - 10),
              PSA_SUCCESS);
    EXPECT_EQ(Driver::hash_finish(&operation, hash.data(), hash.size(),
                                  &hash_length),
              PSA_SUCCESS);
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
    hash.resize(hash_length);
    return hash;
  }
};

using Instances = ::testing::Types<test_a_traits, test_b_traits>;

class InstanceNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    return std::is_same<T, test_a_traits>::value ? "test_a" : "test_b";
  }
};

TYPED_TEST_SUITE(TestDriverTest, Instances, InstanceNames);

TYPED_TEST(TestDriverTest, InitCountsAndReturnsForcedInitStatus) {
  EXPECT_EQ(TypeParam::init(), PSA_SUCCESS);
  EXPECT_EQ(this->hooks().hits.init, 1u);

  // forced_status does not apply to init.
  this->hooks().forced_status = kForced;
  EXPECT_EQ(TypeParam::init(), PSA_SUCCESS);

  this->hooks().forced_init_status = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_EQ(TypeParam::init(), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(this->hooks().hits.init, 3u);
}

TYPED_TEST(TestDriverTest, HashComputeEqualsBuiltinAndCounts) {
  unsigned long calls = 0;
  for (psa_algorithm_t alg : kHashAlgorithms) {
    psa_status_t status;
    EXPECT_EQ(this->Compute(TypeParam::hash_compute, alg, kMessage, &status),
              BuiltinDigest(alg, kMessage))
        << "alg 0x" << std::hex << alg;
    EXPECT_EQ(status, PSA_SUCCESS);
    EXPECT_EQ(this->hooks().hits.hash_compute, ++calls);
  }
  EXPECT_EQ(this->hooks().hits.named_hash_compute, 0u);
  EXPECT_EQ(this->hooks().hits.hash_setup, 0u);
}

TYPED_TEST(TestDriverTest, NamedHashComputeEqualsBuiltinAndCountsSeparately) {
  unsigned long calls = 0;
  for (psa_algorithm_t alg : kHashAlgorithms) {
    psa_status_t status;
    EXPECT_EQ(
        this->Compute(TypeParam::named_hash_compute, alg, kMessage, &status),
        BuiltinDigest(alg, kMessage))
        << "alg 0x" << std::hex << alg;
    EXPECT_EQ(status, PSA_SUCCESS);
    EXPECT_EQ(this->hooks().hits.named_hash_compute, ++calls);
  }
  EXPECT_EQ(this->hooks().hits.hash_compute, 0u);
}

TYPED_TEST(TestDriverTest, MultipartEqualsBuiltinAndCountsEachCall) {
  unsigned long operations = 0;
  for (psa_algorithm_t alg : kHashAlgorithms) {
    EXPECT_EQ(this->Multipart(alg, kMessage), BuiltinDigest(alg, kMessage))
        << "alg 0x" << std::hex << alg;
    ++operations;
    EXPECT_EQ(this->hooks().hits.hash_setup, operations);
    EXPECT_EQ(this->hooks().hits.hash_update, 2 * operations);
    EXPECT_EQ(this->hooks().hits.hash_finish, operations);
  }
  EXPECT_EQ(this->hooks().hits.hash_abort, 0u);
  EXPECT_EQ(this->hooks().hits.hash_compute, 0u);
}

TYPED_TEST(TestDriverTest, OperationCopiedByMemcpyFinishesLikeTheOriginal) {
  typename TypeParam::Operation original = this->ZeroOperation();
  ASSERT_EQ(TypeParam::hash_setup(&original, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::hash_update(&original, Bytes(kMessage), 7),
            PSA_SUCCESS);
  typename TypeParam::Operation copy;
  std::memcpy(&copy, &original, sizeof(copy));

  for (auto* operation : {&original, &copy}) {
    ASSERT_EQ(TypeParam::hash_update(operation, Bytes(kMessage) + 7,
                                     kMessage.size() - 7),
              PSA_SUCCESS);
    uint8_t hash[kMaxDigest];
    size_t hash_length = 0;
    ASSERT_EQ(
        TypeParam::hash_finish(operation, hash, sizeof(hash), &hash_length),
        PSA_SUCCESS);
    EXPECT_EQ(std::vector<uint8_t>(hash, hash + hash_length),
              BuiltinDigest(PSA_ALG_SHA_256, kMessage));
  }
}

TYPED_TEST(TestDriverTest, BuiltinErrorsPassThrough) {
  psa_status_t status;
  EXPECT_TRUE(this->Compute(TypeParam::hash_compute, PSA_ALG_SHA3_256,
                            kMessage, &status)
                  .empty());
  EXPECT_EQ(status, PSA_ERROR_NOT_SUPPORTED);

  typename TypeParam::Operation operation = this->ZeroOperation();
  ASSERT_EQ(TypeParam::hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  uint8_t hash[kMaxDigest];
  size_t hash_length = 0;
  EXPECT_EQ(TypeParam::hash_finish(&operation, hash,
                                   PSA_HASH_LENGTH(PSA_ALG_SHA_256) - 1,
                                   &hash_length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  EXPECT_EQ(TypeParam::hash_update(&operation, Bytes(kMessage), 1),
            PSA_ERROR_BAD_STATE);
}

TYPED_TEST(TestDriverTest, ForcedStatusIsReturnedByEveryEntryPointButInit) {
  // An operation set up before the failure is forced.
  typename TypeParam::Operation active = this->ZeroOperation();
  ASSERT_EQ(TypeParam::hash_setup(&active, PSA_ALG_SHA_256), PSA_SUCCESS);
  typename TypeParam::Operation active_copy;
  std::memcpy(&active_copy, &active, sizeof(active_copy));

  this->hooks().forced_status = kForced;
  uint8_t buffer[kMaxDigest];
  size_t length = 12345;

  EXPECT_EQ(TypeParam::get_entropy(0, &length, buffer, sizeof(buffer)),
            kForced);
  length = 12345;
  EXPECT_EQ(TypeParam::hash_compute(PSA_ALG_SHA_256, Bytes(kMessage),
                                    kMessage.size(), buffer, sizeof(buffer),
                                    &length),
            kForced);
  EXPECT_EQ(length, 0u);
  length = 12345;
  EXPECT_EQ(TypeParam::named_hash_compute(PSA_ALG_SHA_256, Bytes(kMessage),
                                          kMessage.size(), buffer,
                                          sizeof(buffer), &length),
            kForced);
  EXPECT_EQ(length, 0u);

  typename TypeParam::Operation fresh = this->ZeroOperation();
  EXPECT_EQ(TypeParam::hash_setup(&fresh, PSA_ALG_SHA_256), kForced);
  EXPECT_TRUE(IsAllZero(&fresh, sizeof(fresh)));

  // update, finish and abort fail as real failures do: the operation is
  // wiped.
  EXPECT_EQ(TypeParam::hash_update(&active, Bytes(kMessage), kMessage.size()),
            kForced);
  EXPECT_TRUE(IsAllZero(&active, sizeof(active)));
  length = 12345;
  EXPECT_EQ(
      TypeParam::hash_finish(&active_copy, buffer, sizeof(buffer), &length),
      kForced);
  EXPECT_EQ(length, 0u);
  EXPECT_TRUE(IsAllZero(&active_copy, sizeof(active_copy)));
  EXPECT_EQ(TypeParam::hash_abort(&active), kForced);

  const test_driver_counters_t& hits = this->hooks().hits;
  EXPECT_EQ(hits.get_entropy, 1u);
  EXPECT_EQ(hits.hash_compute, 1u);
  EXPECT_EQ(hits.named_hash_compute, 1u);
  EXPECT_EQ(hits.hash_setup, 2u);
  EXPECT_EQ(hits.hash_update, 1u);
  EXPECT_EQ(hits.hash_finish, 1u);
  EXPECT_EQ(hits.hash_abort, 1u);
  EXPECT_EQ(hits.init, 0u);
}

TYPED_TEST(TestDriverTest, ForcedAbortStillWipesTheOperation) {
  typename TypeParam::Operation operation = this->ZeroOperation();
  ASSERT_EQ(TypeParam::hash_setup(&operation, PSA_ALG_SHA_512), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::hash_update(&operation, Bytes(kMessage), 3),
            PSA_SUCCESS);
  this->hooks().forced_status = PSA_ERROR_CORRUPTION_DETECTED;
  EXPECT_EQ(TypeParam::hash_abort(&operation), PSA_ERROR_CORRUPTION_DETECTED);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
}

TYPED_TEST(TestDriverTest, UnsupportedAlgIsDeclinedForThatAlgorithmOnly) {
  this->hooks().unsupported_alg = PSA_ALG_SHA_256;
  psa_status_t status;

  EXPECT_TRUE(this->Compute(TypeParam::hash_compute, PSA_ALG_SHA_256,
                            kMessage, &status)
                  .empty());
  EXPECT_EQ(status, PSA_ERROR_NOT_SUPPORTED);
  EXPECT_TRUE(this->Compute(TypeParam::named_hash_compute, PSA_ALG_SHA_256,
                            kMessage, &status)
                  .empty());
  EXPECT_EQ(status, PSA_ERROR_NOT_SUPPORTED);
  typename TypeParam::Operation operation = this->ZeroOperation();
  EXPECT_EQ(TypeParam::hash_setup(&operation, PSA_ALG_SHA_256),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));

  // Other algorithms are served.
  EXPECT_EQ(this->Compute(TypeParam::hash_compute, PSA_ALG_SHA_384, kMessage,
                          &status),
            BuiltinDigest(PSA_ALG_SHA_384, kMessage));
  EXPECT_EQ(status, PSA_SUCCESS);
  EXPECT_EQ(this->Multipart(PSA_ALG_SHA_224, kMessage),
            BuiltinDigest(PSA_ALG_SHA_224, kMessage));

  EXPECT_EQ(this->hooks().hits.hash_compute, 2u);
  EXPECT_EQ(this->hooks().hits.named_hash_compute, 1u);
  EXPECT_EQ(this->hooks().hits.hash_setup, 2u);
}

TYPED_TEST(TestDriverTest, ForcedStatusTakesPrecedenceOverUnsupportedAlg) {
  this->hooks().unsupported_alg = PSA_ALG_SHA_256;
  this->hooks().forced_status = kForced;
  psa_status_t status;
  this->Compute(TypeParam::hash_compute, PSA_ALG_SHA_256, kMessage, &status);
  EXPECT_EQ(status, kForced);
  typename TypeParam::Operation operation = this->ZeroOperation();
  EXPECT_EQ(TypeParam::hash_setup(&operation, PSA_ALG_SHA_256), kForced);
}

TYPED_TEST(TestDriverTest, GetEntropyFillsOutputAndClaimsFullEntropyByDefault) {
  this->hooks().entropy_byte = 0x5a;
  uint8_t output[40];
  std::memset(output, 0, sizeof(output));
  size_t estimate_bits = 0;
  ASSERT_EQ(TypeParam::get_entropy(0, &estimate_bits, output, sizeof(output)),
            PSA_SUCCESS);
  EXPECT_EQ(estimate_bits, 8 * sizeof(output));
  EXPECT_TRUE(std::all_of(output, output + sizeof(output),
                          [](uint8_t b) { return b == 0x5a; }));
  EXPECT_EQ(this->hooks().hits.get_entropy, 1u);
}

TYPED_TEST(TestDriverTest, GetEntropyReportsConfiguredEstimateCappedByOutput) {
  uint8_t output[4];
  size_t estimate_bits = 0;
  this->hooks().entropy_estimate_bits = 1;
  ASSERT_EQ(TypeParam::get_entropy(0, &estimate_bits, output, sizeof(output)),
            PSA_SUCCESS);
  EXPECT_EQ(estimate_bits, 1u);

  this->hooks().entropy_estimate_bits = 1000;
  ASSERT_EQ(TypeParam::get_entropy(0, &estimate_bits, output, sizeof(output)),
            PSA_SUCCESS);
  EXPECT_EQ(estimate_bits, 32u);
}

TYPED_TEST(TestDriverTest, GetEntropyAcceptsTheDefinedFlagsAndRecordsThem) {
  uint8_t output[1];
  const psa_driver_get_entropy_flags_t kNonblock =
      PSA_DRIVER_GET_ENTROPY_NONBLOCK;
  const psa_driver_get_entropy_flags_t kKeepalive =
      PSA_DRIVER_GET_ENTROPY_KEEPALIVE;
  for (psa_driver_get_entropy_flags_t flags :
       {kNonblock | kKeepalive, kNonblock, kKeepalive, 0u}) {
    size_t estimate_bits = 0;
    ASSERT_EQ(
        TypeParam::get_entropy(flags, &estimate_bits, output, sizeof(output)),
        PSA_SUCCESS);
    EXPECT_EQ(this->hooks().last_get_entropy_flags, flags);
    EXPECT_EQ(estimate_bits, 8u);
  }
}

TYPED_TEST(TestDriverTest, GetEntropyRefusesUnknownFlags) {
  const psa_driver_get_entropy_flags_t known =
      PSA_DRIVER_GET_ENTROPY_NONBLOCK | PSA_DRIVER_GET_ENTROPY_KEEPALIVE;
  uint8_t output[1];
  size_t estimate_bits = 0;
  for (psa_driver_get_entropy_flags_t flags :
       {known + 1, 0x80000000u, 0xffffffffu}) {
    ASSERT_NE(flags & ~known, 0u);
    EXPECT_EQ(
        TypeParam::get_entropy(flags, &estimate_bits, output, sizeof(output)),
        PSA_ERROR_NOT_SUPPORTED);
    EXPECT_EQ(this->hooks().last_get_entropy_flags, flags);
  }
  EXPECT_EQ(this->hooks().hits.get_entropy, 3u);
}

TYPED_TEST(TestDriverTest, GetEntropyIntoEmptyBufferFails) {
  size_t estimate_bits = 0;
  EXPECT_EQ(TypeParam::get_entropy(0, &estimate_bits, nullptr, 0),
            PSA_ERROR_BUFFER_TOO_SMALL);
}

TYPED_TEST(TestDriverTest, ResetHooksRestoresTheInitialState) {
  EXPECT_EQ(TypeParam::init(), PSA_SUCCESS);
  this->hooks().forced_status = kForced;
  this->hooks().forced_init_status = kForced;
  this->hooks().unsupported_alg = PSA_ALG_SHA_256;
  this->hooks().unsupported_key_type = SecpR1KeyPair();
  this->hooks().entropy_byte = 7;
  this->hooks().entropy_estimate_bits = 3;

  test_driver_reset_hooks(&this->hooks());
  EXPECT_TRUE(IsAllZero(&this->hooks(), sizeof(test_driver_hooks_t)));
  EXPECT_EQ(TypeParam::init(), PSA_SUCCESS);
  EXPECT_EQ(this->Multipart(PSA_ALG_SHA_256, kMessage),
            BuiltinDigest(PSA_ALG_SHA_256, kMessage));
  EXPECT_EQ(this->Import(SecpR1KeyPair(), 0, P256().private_key).status,
            PSA_SUCCESS);
}

// --- Key management ---

TYPED_TEST(TestDriverTest, ImportKeyEqualsBuiltinAndCounts) {
  unsigned long calls = 0;
  for (const EccKeyVector* key : {&P256(), &P384()}) {
    for (psa_key_type_t type : {SecpR1KeyPair(), SecpR1PublicKey()}) {
      const std::vector<uint8_t>& data =
          PSA_KEY_TYPE_IS_KEY_PAIR(type) ? key->private_key : key->public_key;
      for (size_t bits : {size_t{0}, key->bits}) {
        const auto result = this->Import(type, bits, data);
        EXPECT_EQ(result.status, PSA_SUCCESS);
        EXPECT_EQ(result.output, data);  // the export format, as given
        EXPECT_EQ(result.bits, key->bits);
        EXPECT_EQ(this->hooks().hits.import_key, ++calls);
      }
    }
  }
  EXPECT_EQ(this->hooks().hits.generate_key, 0u);
  EXPECT_EQ(this->hooks().hits.export_public_key, 0u);
}

TYPED_TEST(TestDriverTest, ImportErrorsAreTheBuiltinDriversAndLeaveBits) {
  std::vector<uint8_t> off_curve = P256().public_key;
  off_curve[10] ^= 0x40;
  struct Case {
    psa_key_type_t type;
    size_t bits;
    std::vector<uint8_t> data;
  };
  const Case cases[] = {
      {SecpR1KeyPair(), 0, std::vector<uint8_t>(32, 0)},  // d = 0
      {SecpR1KeyPair(), 384, P256().private_key},         // bits mismatch
      {SecpR1PublicKey(), 256, off_curve},
      {SecpR1PublicKey(), 0, {0x04}},
      {PSA_KEY_TYPE_AES, 128, std::vector<uint8_t>(16, 1)},  // not asymmetric
  };
  for (const Case& c : cases) {
    const psa_key_attributes_t attributes = KeyAttributes(c.type, c.bits);
    std::vector<uint8_t> buffer(1024);
    size_t length = 0;
    size_t builtin_bits = c.bits;
    const psa_status_t expected =
        builtin_import_key(&attributes, c.data.data(), c.data.size(),
                           buffer.data(), buffer.size(), &length,
                           &builtin_bits);
    ASSERT_NE(expected, PSA_SUCCESS);
    const auto result = this->Import(c.type, c.bits, c.data);
    EXPECT_EQ(result.status, expected) << "type 0x" << std::hex << c.type;
    EXPECT_EQ(result.bits, c.bits);
  }
}

TYPED_TEST(TestDriverTest, ImportIntoShortBufferIsBufferTooSmall) {
  EXPECT_EQ(this->Import(SecpR1KeyPair(), 0, P256().private_key, 31).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(this->Import(SecpR1KeyPair(), 0, P256().private_key, 32).status,
            PSA_SUCCESS);
}

TYPED_TEST(TestDriverTest, ExportPublicKeyGivesTheKnownPublicKeyAndCounts) {
  unsigned long calls = 0;
  for (const EccKeyVector* key : {&P256(), &P384()}) {
    auto result = this->ExportPublic(SecpR1KeyPair(), key->bits,
                                     key->private_key);
    EXPECT_EQ(result.status, PSA_SUCCESS);
    EXPECT_EQ(result.output, key->public_key);
    result = this->ExportPublic(SecpR1PublicKey(), key->bits, key->public_key);
    EXPECT_EQ(result.status, PSA_SUCCESS);
    EXPECT_EQ(result.output, key->public_key);
    calls += 2;
    EXPECT_EQ(this->hooks().hits.export_public_key, calls);
  }
  EXPECT_EQ(this->ExportPublic(SecpR1KeyPair(), 256, P256().private_key,
                               P256().public_key.size() - 1)
                .status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(this->hooks().hits.import_key, 0u);
}

TYPED_TEST(TestDriverTest, GenerateKeyMakesConsistentKeyPairsAndCounts) {
  unsigned long calls = 0;
  for (size_t bits : {256u, 384u}) {
    const auto first = this->Generate(SecpR1KeyPair(), bits);
    ASSERT_EQ(first.status, PSA_SUCCESS);
    EXPECT_EQ(first.output.size(), PSA_BITS_TO_BYTES(bits));
    const auto second = this->Generate(SecpR1KeyPair(), bits);
    ASSERT_EQ(second.status, PSA_SUCCESS);
    EXPECT_NE(first.output, second.output);
    calls += 2;
    EXPECT_EQ(this->hooks().hits.generate_key, calls);

    // The generated key is a valid key pair: it imports, and has a public
    // key.
    EXPECT_EQ(this->Import(SecpR1KeyPair(), bits, first.output).status,
              PSA_SUCCESS);
    EXPECT_EQ(this->ExportPublic(SecpR1KeyPair(), bits, first.output)
                  .output.size(),
              PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(SecpR1KeyPair(), bits));
  }
  EXPECT_EQ(this->Generate(SecpR1KeyPair(), 256, 31).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
}

TYPED_TEST(TestDriverTest, ForcedStatusIsReturnedByKeyEntryPoints) {
  this->hooks().forced_status = kForced;
  EXPECT_EQ(this->Import(SecpR1KeyPair(), 0, P256().private_key).status,
            kForced);
  EXPECT_EQ(this->Generate(SecpR1KeyPair(), 256).status, kForced);
  EXPECT_EQ(
      this->ExportPublic(SecpR1KeyPair(), 256, P256().private_key).status,
      kForced);
  // Failures of import leave *bits as the core set it.
  EXPECT_EQ(this->Import(SecpR1KeyPair(), 256, P256().private_key).bits, 256u);
  EXPECT_EQ(this->hooks().hits.import_key, 2u);
  EXPECT_EQ(this->hooks().hits.generate_key, 1u);
  EXPECT_EQ(this->hooks().hits.export_public_key, 1u);
}

TYPED_TEST(TestDriverTest, UnsupportedKeyTypeIsDeclinedForThatTypeOnly) {
  this->hooks().unsupported_key_type = SecpR1KeyPair();
  EXPECT_EQ(this->Import(SecpR1KeyPair(), 0, P256().private_key).status,
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(this->Generate(SecpR1KeyPair(), 256).status,
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(
      this->ExportPublic(SecpR1KeyPair(), 256, P256().private_key).status,
      PSA_ERROR_NOT_SUPPORTED);

  // The public key type is served.
  const auto imported = this->Import(SecpR1PublicKey(), 0, P256().public_key);
  EXPECT_EQ(imported.status, PSA_SUCCESS);
  EXPECT_EQ(imported.output, P256().public_key);
  EXPECT_EQ(
      this->ExportPublic(SecpR1PublicKey(), 256, P256().public_key).output,
      P256().public_key);

  // The forced status takes precedence.
  this->hooks().forced_status = kForced;
  EXPECT_EQ(this->Import(SecpR1KeyPair(), 0, P256().private_key).status,
            kForced);
  EXPECT_EQ(this->hooks().hits.import_key, 3u);
}

TEST(TestDriverInstancesTest, EachInstanceCountsOnlyItsOwnCalls) {
  test_driver_reset_hooks(&test_a_hooks);
  test_driver_reset_hooks(&test_b_hooks);
  test_b_hooks.forced_status = kForced;

  EXPECT_EQ(test_a_init(), PSA_SUCCESS);
  uint8_t hash[kMaxDigest];
  size_t hash_length = 0;
  EXPECT_EQ(test_a_hash_compute(PSA_ALG_SHA_256, Bytes(kMessage),
                                kMessage.size(), hash, sizeof(hash),
                                &hash_length),
            PSA_SUCCESS);
  EXPECT_EQ(test_b_hash_compute(PSA_ALG_SHA_256, Bytes(kMessage),
                                kMessage.size(), hash, sizeof(hash),
                                &hash_length),
            kForced);
  EXPECT_EQ(test_b_hash_compute(PSA_ALG_SHA_256, Bytes(kMessage),
                                kMessage.size(), hash, sizeof(hash),
                                &hash_length),
            kForced);

  EXPECT_EQ(test_a_hooks.hits.init, 1u);
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 1u);
  EXPECT_EQ(test_b_hooks.hits.init, 0u);
  EXPECT_EQ(test_b_hooks.hits.hash_compute, 2u);

  test_driver_reset_hooks(&test_a_hooks);
  test_driver_reset_hooks(&test_b_hooks);
}

}  // namespace
}  // namespace drivers::test
