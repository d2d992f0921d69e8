// The asymmetric encryption API (PSA Crypto API 1.2, "Asymmetric
// encryption") through the public functions of a builtin-only build,
// against the statuses api/ops/pk-encryption.rst lists:
//   - a table of bad keys, policies and algorithms through
//     psa_asymmetric_encrypt and psa_asymmetric_decrypt: invalid handles,
//     missing usage, other permitted algorithms, not-an-encryption
//     algorithms, key types that do not suit, public keys to decrypt, a salt
//     with PKCS#1 v1.5;
//   - input lengths, output buffers one byte too small;
//   - decryption failures release nothing, and PSA_ERROR_BUFFER_TOO_SMALL
//     comes only after a decryption that succeeded (no padding oracle
//     through the buffer size);
//   - round trips with labels on every OAEP hash, in place.

#include <gtest/gtest.h>
#include <stddef.h>
#include <stdint.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "psa/crypto.h"
#include "tests/conformance/conformance_util.h"
#include "tests/keys/key_test_util.h"

namespace psa::conformance {
namespace {

const int kRegistered = (::psa::keys_testing::RegisterStorageEnvironment(), 0);

constexpr psa_key_type_t kRsaPair = PSA_KEY_TYPE_RSA_KEY_PAIR;
constexpr psa_key_type_t kRsaPublic = PSA_KEY_TYPE_RSA_PUBLIC_KEY;
constexpr psa_key_type_t kP256Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_algorithm_t kOaep256 = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);
constexpr psa_algorithm_t kPkcs1 = PSA_ALG_RSA_PKCS1V15_CRYPT;
constexpr psa_key_usage_t kBoth = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;
constexpr size_t kBits = 1024;
constexpr size_t kModulusBytes = kBits / 8;

constexpr psa_status_t kOk = PSA_SUCCESS;
constexpr psa_status_t kHandle = PSA_ERROR_INVALID_HANDLE;
constexpr psa_status_t kDenied = PSA_ERROR_NOT_PERMITTED;
constexpr psa_status_t kInvalid = PSA_ERROR_INVALID_ARGUMENT;

// A generated 1024-bit RSA key pair and its public key, and a P-256 key,
// made once.
const Bytes& MaterialFor(psa_key_type_t type) {
  static const auto* const material = [] {
    auto* m = new std::vector<std::pair<psa_key_type_t, Bytes>>;
    const psa_key_attributes_t attributes =
        ::psa::keys_testing::MakeAttributes(kRsaPair, kBits, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    psa_key_id_t rsa = PSA_KEY_ID_NULL;
    EXPECT_STATUS(kOk, psa_generate_key(&attributes, &rsa));
    Bytes pair, public_key;
    EXPECT_STATUS(kOk, ::psa::keys_testing::Export(rsa, &pair));
    EXPECT_STATUS(kOk, ::psa::keys_testing::ExportPublic(rsa, &public_key));
    psa_destroy_key(rsa);
    m->push_back({kRsaPair, pair});
    m->push_back({kRsaPublic, public_key});
    m->push_back({kP256Pair, ::psa::keys_testing::PatternBytes(32, 6)});
    return m;
  }();
  for (const auto& entry : *material) {
    if (entry.first == type) return entry.second;
  }
  ADD_FAILURE() << "no material for key type " << type;
  static const Bytes kNone;
  return kNone;
}

psa_status_t Encrypt(psa_key_id_t key, psa_algorithm_t alg, const Bytes& input, const Bytes& salt, Bytes* output,
                     size_t size = PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE) {
  GuardedBuffer out(size);
  size_t length = 12345;
  const psa_status_t status = psa_asymmetric_encrypt(key, alg, DataOrNull(input), input.size(), DataOrNull(salt),
                                                     salt.size(), out.data(), out.size(), &length);
  EXPECT_TRUE(out.GuardIntact());
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(length, 0u) << "a length reported on failure";
    EXPECT_TRUE(out.OnlyCanaryOrZero());
  }
  *output = status == PSA_SUCCESS ? out.Prefix(length) : Bytes();
  return status;
}

psa_status_t Decrypt(psa_key_id_t key, psa_algorithm_t alg, const Bytes& input, const Bytes& salt, Bytes* output,
                     size_t size = PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE) {
  GuardedBuffer out(size);
  size_t length = 12345;
  const psa_status_t status = psa_asymmetric_decrypt(key, alg, DataOrNull(input), input.size(), DataOrNull(salt),
                                                     salt.size(), out.data(), out.size(), &length);
  EXPECT_TRUE(out.GuardIntact());
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(length, 0u) << "a length reported on failure";
    EXPECT_TRUE(out.OnlyCanaryOrZero()) << "plaintext released on failure";
  }
  *output = status == PSA_SUCCESS ? out.Prefix(length) : Bytes();
  return status;
}

const Bytes kMessage = {'s', 'e', 'c', 'r', 'e', 't'};

// A ciphertext of kMessage under the material's public key.
Bytes CiphertextFor(psa_algorithm_t alg, const Bytes& salt = {}) {
  ScopedKey key(kRsaPublic, MaterialFor(kRsaPublic), PSA_KEY_USAGE_ENCRYPT, alg);
  Bytes ciphertext;
  EXPECT_STATUS(kOk, Encrypt(key.id(), alg, kMessage, salt, &ciphertext));
  return ciphertext;
}

// ---------------------------------------------------------------------------

enum class KeySource { kNull, kDestroyed, kNeverCreated, kImported };

struct ArgumentCase {
  const char* name;
  KeySource source;
  psa_key_type_t type;
  psa_key_usage_t usage;
  psa_algorithm_t policy;
  psa_algorithm_t alg;
  Bytes salt;
  psa_status_t encrypt, decrypt;
};

std::ostream& operator<<(std::ostream& os, const ArgumentCase& c) { return os << c.name; }

const std::vector<ArgumentCase>& ArgumentCases() {
  static const auto* const cases = new std::vector<ArgumentCase>{
      {"NullKeyId", KeySource::kNull, 0, 0, 0, kOaep256, {}, kHandle, kHandle},
      {"DestroyedKey", KeySource::kDestroyed, 0, 0, 0, kOaep256, {}, kHandle, kHandle},
      {"NeverCreatedKey", KeySource::kNeverCreated, 0, 0, 0, kOaep256, {}, kHandle, kHandle},
      {"OaepValid", KeySource::kImported, kRsaPair, kBoth, kOaep256, kOaep256, {}, kOk, kOk},
      {"OaepWithLabel", KeySource::kImported, kRsaPair, kBoth, kOaep256, kOaep256, {'L'}, kOk, kOk},
      {"Pkcs1Valid", KeySource::kImported, kRsaPair, kBoth, kPkcs1, kPkcs1, {}, kOk, kOk},
      {"PublicKeyEncryptsOnly", KeySource::kImported, kRsaPublic, kBoth, kOaep256, kOaep256, {}, kOk, kInvalid},
      {"EncryptUsageOnly", KeySource::kImported, kRsaPair, PSA_KEY_USAGE_ENCRYPT, kOaep256, kOaep256, {}, kOk, kDenied},
      {"DecryptUsageOnly", KeySource::kImported, kRsaPair, PSA_KEY_USAGE_DECRYPT, kOaep256, kOaep256, {}, kDenied, kOk},
      {"SignUsagesOnly",
       KeySource::kImported,
       kRsaPair,
       PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH,
       kOaep256,
       kOaep256,
       {},
       kDenied,
       kDenied},
      {"PolicyNone", KeySource::kImported, kRsaPair, kBoth, PSA_ALG_NONE, kOaep256, {}, kDenied, kDenied},
      {"PolicyOtherHash",
       KeySource::kImported,
       kRsaPair,
       kBoth,
       PSA_ALG_RSA_OAEP(PSA_ALG_SHA_1),
       kOaep256,
       {},
       kDenied,
       kDenied},
      {"PolicyPkcs1RequestOaep", KeySource::kImported, kRsaPair, kBoth, kPkcs1, kOaep256, {}, kDenied, kDenied},
      {"Pkcs1WithSalt", KeySource::kImported, kRsaPair, kBoth, kPkcs1, kPkcs1, {'s'}, kInvalid, kInvalid},
      {"AlgNone", KeySource::kImported, kRsaPair, kBoth, kOaep256, PSA_ALG_NONE, {}, kInvalid, kInvalid},
      {"SignatureAlg",
       KeySource::kImported,
       kRsaPair,
       kBoth,
       kOaep256,
       PSA_ALG_RSA_PSS(PSA_ALG_SHA_256),
       {},
       kInvalid,
       kInvalid},
      {"CipherAlg", KeySource::kImported, kRsaPair, kBoth, kOaep256, PSA_ALG_CBC_NO_PADDING, {}, kInvalid, kInvalid},
      {"OaepWithEccKey", KeySource::kImported, kP256Pair, kBoth, kOaep256, kOaep256, {}, kInvalid, kInvalid},
  };
  return *cases;
}

class EncryptionArguments : public ::testing::TestWithParam<ArgumentCase> {};

TEST_P(EncryptionArguments, EachFunctionReturnsTheSpecifiedStatus) {
  const ArgumentCase& c = GetParam();
  ScopedKey imported;
  psa_key_id_t key = PSA_KEY_ID_NULL;
  switch (c.source) {
    case KeySource::kNull:
      break;
    case KeySource::kDestroyed:
      key = DestroyedKeyId();
      break;
    case KeySource::kNeverCreated:
      key = kNeverCreatedVolatileId;
      break;
    case KeySource::kImported:
      imported = ScopedKey(c.type, MaterialFor(c.type), c.usage, c.policy);
      key = imported.id();
      ASSERT_NE(key, PSA_KEY_ID_NULL);
      break;
  }
  const bool encryption = PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(c.alg);
  const Bytes ciphertext = encryption && c.decrypt == kOk ? CiphertextFor(c.alg, c.salt) : Bytes(kModulusBytes, 1);
  Bytes out;
  EXPECT_STATUS(c.encrypt, Encrypt(key, c.alg, kMessage, c.salt, &out)) << "psa_asymmetric_encrypt";
  EXPECT_STATUS(c.decrypt, Decrypt(key, c.alg, ciphertext, c.salt, &out)) << "psa_asymmetric_decrypt";
  if (c.decrypt == kOk) {
    EXPECT_EQ(ToHex(out), ToHex(kMessage));
  }
}

INSTANTIATE_TEST_SUITE_P(Table, EncryptionArguments, ::testing::ValuesIn(ArgumentCases()),
                         [](const ::testing::TestParamInfo<ArgumentCase>& info) { return info.param.name; });

// ---------------------------------------------------------------------------

TEST(EncryptionLengths, InputAndOutputSizes) {
  for (psa_algorithm_t alg : {kOaep256, kPkcs1}) {
    ScopedKey key(kRsaPair, MaterialFor(kRsaPair), kBoth, alg);
    const size_t max_message = PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(kRsaPair, kBits, alg);
    Bytes ciphertext, plaintext;
    EXPECT_STATUS(kOk, Encrypt(key.id(), alg, Bytes(max_message, 3), {}, &ciphertext));
    EXPECT_EQ(ciphertext.size(), PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(kRsaPair, kBits, alg));
    EXPECT_STATUS(kOk, Decrypt(key.id(), alg, ciphertext, {}, &plaintext, max_message));
    EXPECT_EQ(plaintext, Bytes(max_message, 3));
    EXPECT_STATUS(kInvalid, Encrypt(key.id(), alg, Bytes(max_message + 1, 3), {}, &ciphertext));
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, Encrypt(key.id(), alg, kMessage, {}, &ciphertext, kModulusBytes - 1));
    ASSERT_STATUS(kOk, Encrypt(key.id(), alg, kMessage, {}, &ciphertext, kModulusBytes));
    // A ciphertext is the modulus size, no more and no less.
    EXPECT_STATUS(kInvalid, Decrypt(key.id(), alg, Slice(ciphertext, 0, kModulusBytes - 1), {}, &plaintext));
    EXPECT_STATUS(kInvalid, Decrypt(key.id(), alg, Concat(ciphertext, {0}), {}, &plaintext));
    EXPECT_STATUS(kInvalid, Decrypt(key.id(), alg, {}, {}, &plaintext));
  }
  // OAEP with SHA-512 leaves no room for any message in a 1024-bit key.
  ScopedKey key(kRsaPair, MaterialFor(kRsaPair), kBoth, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_512));
  Bytes out;
  EXPECT_STATUS(kInvalid, Encrypt(key.id(), PSA_ALG_RSA_OAEP(PSA_ALG_SHA_512), {}, {}, &out));
}

// Decryption releases nothing on failure, and BUFFER_TOO_SMALL comes only
// once the ciphertext decrypted: a bad ciphertext with a small buffer is
// INVALID_PADDING, whatever the buffer size.
TEST(EncryptionDecryptFailures, NoPaddingOracleThroughTheBufferSize) {
  for (psa_algorithm_t alg : {kOaep256, kPkcs1}) {
    ScopedKey key(kRsaPair, MaterialFor(kRsaPair), kBoth, alg);
    const Bytes ciphertext = CiphertextFor(alg);
    Bytes plaintext;
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, Decrypt(key.id(), alg, ciphertext, {}, &plaintext, kMessage.size() - 1));
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, Decrypt(key.id(), alg, ciphertext, {}, &plaintext, 0));
    EXPECT_STATUS(kOk, Decrypt(key.id(), alg, ciphertext, {}, &plaintext, kMessage.size()));
    EXPECT_EQ(plaintext, kMessage);
    for (size_t index : {size_t{0}, size_t{1}, kModulusBytes / 2, kModulusBytes - 1}) {
      const Bytes bad = WithBitFlipped(ciphertext, index, 3);
      for (size_t size :
           {size_t{0}, kMessage.size() - 1, kMessage.size(), size_t{PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE}}) {
        EXPECT_STATUS(PSA_ERROR_INVALID_PADDING, Decrypt(key.id(), alg, bad, {}, &plaintext, size))
            << alg << " byte " << index << " size " << size;
      }
    }
    // Not less than the modulus.
    EXPECT_STATUS(PSA_ERROR_INVALID_PADDING, Decrypt(key.id(), alg, Bytes(kModulusBytes, 0xff), {}, &plaintext));
  }
  // OAEP: the wrong label is a bad ciphertext too.
  ScopedKey key(kRsaPair, MaterialFor(kRsaPair), kBoth, kOaep256);
  Bytes plaintext;
  EXPECT_STATUS(PSA_ERROR_INVALID_PADDING,
                Decrypt(key.id(), kOaep256, CiphertextFor(kOaep256, {'a'}), {'b'}, &plaintext, 1));
  EXPECT_STATUS(PSA_ERROR_INVALID_PADDING, Decrypt(key.id(), kOaep256, CiphertextFor(kOaep256, {'a'}), {}, &plaintext));
}

TEST(EncryptionRoundTrips, EveryOaepHashWithLabels) {
  for (psa_algorithm_t hash :
       {PSA_ALG_MD5, PSA_ALG_RIPEMD160, PSA_ALG_SHA_1, PSA_ALG_SHA_224, PSA_ALG_SHA_256, PSA_ALG_SHA_384}) {
    const psa_algorithm_t alg = PSA_ALG_RSA_OAEP(hash);
    ScopedKey key(kRsaPair, MaterialFor(kRsaPair), kBoth, PSA_ALG_RSA_OAEP(hash));
    for (const Bytes& label : {Bytes(), Bytes{'x'}, Bytes(300, 'y')}) {
      Bytes ciphertext, again, plaintext;
      ASSERT_STATUS(kOk, Encrypt(key.id(), alg, kMessage, label, &ciphertext)) << hash;
      ASSERT_STATUS(kOk, Encrypt(key.id(), alg, kMessage, label, &again));
      EXPECT_NE(ciphertext, again) << "OAEP is randomized";
      ASSERT_STATUS(kOk, Decrypt(key.id(), alg, ciphertext, label, &plaintext));
      EXPECT_EQ(plaintext, kMessage);
    }
  }
}

// Decryption and encryption in place: the input in the output buffer.
TEST(EncryptionRoundTrips, InPlace) {
  for (psa_algorithm_t alg : {kOaep256, kPkcs1}) {
    ScopedKey key(kRsaPair, MaterialFor(kRsaPair), kBoth, alg);
    Bytes buffer(kModulusBytes, 0);
    std::copy(kMessage.begin(), kMessage.end(), buffer.begin());
    size_t length = 0;
    ASSERT_STATUS(kOk, psa_asymmetric_encrypt(key.id(), alg, buffer.data(), kMessage.size(), nullptr, 0, buffer.data(),
                                              buffer.size(), &length));
    ASSERT_EQ(length, kModulusBytes);
    ASSERT_STATUS(kOk, psa_asymmetric_decrypt(key.id(), alg, buffer.data(), buffer.size(), nullptr, 0, buffer.data(),
                                              buffer.size(), &length));
    EXPECT_EQ(ToHex(Slice(buffer, 0, length)), ToHex(kMessage));
  }
}

}  // namespace
}  // namespace psa::conformance
