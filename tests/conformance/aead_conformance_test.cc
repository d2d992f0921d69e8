// The AEAD API (PSA Crypto API 1.2, "Authenticated encryption with
// associated data") through the public functions of a builtin-only build,
// against the statuses api/ops/aead.rst lists for each function:
//   - a table of bad keys and algorithms run through psa_aead_encrypt,
//     psa_aead_decrypt, psa_aead_encrypt_setup and psa_aead_decrypt_setup;
//   - nonces of a bad length, CCM's plaintext length against its nonce;
//   - outputs one byte too small (encrypt, decrypt, generate_nonce, update,
//     finish's ciphertext and tag, verify): PSA_ERROR_BUFFER_TOO_SMALL and
//     nothing past the buffer;
//   - every operation state, the lengths declared with
//     psa_aead_set_lengths() enforced both ways, setup on an active
//     operation, the error state, abort;
//   - bad tags: PSA_ERROR_INVALID_SIGNATURE and no plaintext released, by
//     psa_aead_decrypt or by psa_aead_verify;
//   - shortened tags and the PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG
//     policies;
//   - overlapping input and output;
//   - known answers: GCM test case 4, RFC 3610 packet #1 (CCM), RFC 8439
//     2.8.2 (ChaCha20-Poly1305), single-part and multi-part.

#include <gtest/gtest.h>
#include <string.h>

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

constexpr psa_key_usage_t kEncryptDecrypt = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;
constexpr psa_algorithm_t kCcm8 = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8);

bool IsInitialState(const psa_aead_operation_t& operation) {
  const psa_aead_operation_t init = PSA_AEAD_OPERATION_INIT;
  return memcmp(&operation, &init, sizeof(init)) == 0;
}

bool IsCcm(psa_algorithm_t alg) { return PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg) == PSA_ALG_CCM; }

// A published vector; `ciphertext` includes the tag.
struct Vector {
  const char* name;
  psa_key_type_t type;
  psa_algorithm_t alg;
  Bytes key, nonce, ad, plaintext, ciphertext;
  size_t tag_length() const { return ciphertext.size() - plaintext.size(); }
};

std::vector<Vector> Vectors() {
  return {
      {"Gcm", PSA_KEY_TYPE_AES, PSA_ALG_GCM, kat::kGcmKey, kat::kGcmNonce, kat::kGcmAd, kat::kGcmPlaintext,
       Concat(kat::kGcmCiphertext, kat::kGcmTag)},
      {"Ccm8", PSA_KEY_TYPE_AES, kCcm8, kat::kCcmKey, kat::kCcmNonce, kat::kCcmAd, kat::kCcmPlaintext,
       kat::kCcmCiphertextAndTag},
      {"ChachaPoly", PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305, kat::kChachaPolyKey, kat::kChachaPolyNonce,
       kat::kChachaPolyAd, kat::kChachaPolyPlaintext, Concat(kat::kChachaPolyCiphertext, kat::kChachaPolyTag)},
  };
}

void PrintTo(const Vector& v, std::ostream* os) { *os << v.name; }

const Vector& GcmVector() {
  static const Vector* v = new Vector(Vectors()[0]);
  return *v;
}

Bytes MaterialFor(psa_key_type_t type) {
  switch (type) {
    case PSA_KEY_TYPE_AES:
      return kat::kGcmKey;
    case PSA_KEY_TYPE_CHACHA20:
      return kat::kChachaPolyKey;
    case PSA_KEY_TYPE_DES:
      return ::psa::keys_testing::WithDesParity(::psa::keys_testing::PatternBytes(24, 8));
    case PSA_KEY_TYPE_HMAC:
      return kat::kHmacKey;
    default:
      return ::psa::keys_testing::PatternBytes(16, 9);
  }
}

Bytes Message(size_t size, uint8_t seed = 0x3c) { return ::psa::keys_testing::PatternBytes(size, seed); }

psa_status_t Encrypt(psa_key_id_t key, psa_algorithm_t alg, const Bytes& nonce, const Bytes& ad, const Bytes& plaintext,
                     Bytes* out, size_t size = SIZE_MAX) {
  if (size == SIZE_MAX) size = PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(plaintext.size());
  GuardedBuffer buffer(size);
  size_t length = 0;
  const psa_status_t status =
      psa_aead_encrypt(key, alg, DataOrNull(nonce), nonce.size(), DataOrNull(ad), ad.size(), DataOrNull(plaintext),
                       plaintext.size(), buffer.data(), buffer.size(), &length);
  EXPECT_TRUE(buffer.GuardIntact()) << "psa_aead_encrypt wrote past the buffer";
  *out = status == PSA_SUCCESS ? buffer.Prefix(length) : Bytes();
  return status;
}

psa_status_t Decrypt(psa_key_id_t key, psa_algorithm_t alg, const Bytes& nonce, const Bytes& ad,
                     const Bytes& ciphertext, Bytes* out, size_t size = SIZE_MAX) {
  if (size == SIZE_MAX) size = PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(ciphertext.size());
  GuardedBuffer buffer(size);
  size_t length = 0;
  const psa_status_t status =
      psa_aead_decrypt(key, alg, DataOrNull(nonce), nonce.size(), DataOrNull(ad), ad.size(), DataOrNull(ciphertext),
                       ciphertext.size(), buffer.data(), buffer.size(), &length);
  EXPECT_TRUE(buffer.GuardIntact()) << "psa_aead_decrypt wrote past the buffer";
  *out = status == PSA_SUCCESS ? buffer.Prefix(length) : Bytes();
  return status;
}

// A multi-part encryption (or decryption) with set_lengths (always for CCM,
// else if `declare`), the nonce, the AD and the message in chunks of
// `chunk` bytes (0: one call). For a decryption `text` is ciphertext and tag.
// On success *out is the output (ciphertext and tag, or plaintext).
psa_status_t Multipart(bool encrypt, psa_key_id_t key, psa_key_type_t type, psa_algorithm_t alg, const Bytes& nonce,
                       const Bytes& ad, const Bytes& text, size_t chunk, bool declare, Bytes* out) {
  out->clear();
  const size_t tag_length = PSA_AEAD_TAG_LENGTH(type, 0, alg);
  const size_t body = encrypt ? text.size() : text.size() - std::min(text.size(), tag_length);
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  psa_status_t status =
      encrypt ? psa_aead_encrypt_setup(&operation, key, alg) : psa_aead_decrypt_setup(&operation, key, alg);
  if (status != PSA_SUCCESS) {
    EXPECT_TRUE(IsInitialState(operation)) << "a failed setup changed the operation";
    return status;
  }
  if (declare || IsCcm(alg)) status = psa_aead_set_lengths(&operation, ad.size(), body);
  if (status == PSA_SUCCESS) status = psa_aead_set_nonce(&operation, DataOrNull(nonce), nonce.size());
  const size_t step = chunk == 0 ? SIZE_MAX : chunk;
  for (size_t offset = 0; offset < ad.size() && status == PSA_SUCCESS; offset += step) {
    status = psa_aead_update_ad(&operation, ad.data() + offset, std::min(step, ad.size() - offset));
  }
  Bytes output;
  for (size_t offset = 0; offset < body && status == PSA_SUCCESS; offset += step) {
    const size_t n = std::min(step, body - offset);
    GuardedBuffer buffer(PSA_AEAD_UPDATE_OUTPUT_SIZE(type, alg, n));
    size_t length = 0;
    status = psa_aead_update(&operation, text.data() + offset, n, buffer.data(), buffer.size(), &length);
    EXPECT_TRUE(buffer.GuardIntact());
    if (status == PSA_SUCCESS) output = Concat(output, buffer.Prefix(length));
  }
  if (status == PSA_SUCCESS) {
    GuardedBuffer buffer(encrypt ? PSA_AEAD_FINISH_OUTPUT_SIZE(type, alg) : PSA_AEAD_VERIFY_OUTPUT_SIZE(type, alg));
    size_t length = 0;
    if (encrypt) {
      GuardedBuffer tag(PSA_AEAD_TAG_MAX_SIZE);
      size_t tag_written = 0;
      status = psa_aead_finish(&operation, buffer.data(), buffer.size(), &length, tag.data(), tag.size(), &tag_written);
      EXPECT_TRUE(tag.GuardIntact());
      if (status == PSA_SUCCESS) {
        EXPECT_EQ(tag_written, tag_length);
        output = Concat(Concat(output, buffer.Prefix(length)), tag.Prefix(tag_written));
      }
    } else {
      status =
          psa_aead_verify(&operation, buffer.data(), buffer.size(), &length, text.data() + body, text.size() - body);
      if (status == PSA_SUCCESS) output = Concat(output, buffer.Prefix(length));
    }
    EXPECT_TRUE(buffer.GuardIntact());
  }
  EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
  if (status == PSA_SUCCESS) *out = output;
  return status;
}

// ---------------------------------------------------------------------------
// Bad keys and algorithms, through the four functions that take a key.

enum class KeySource { kNull, kDestroyed, kNeverCreatedPersistent, kNeverCreatedVolatile, kImported };

struct ArgumentCase {
  const char* name;
  KeySource source;
  psa_key_type_t type;
  psa_key_usage_t usage;
  psa_algorithm_t policy;
  psa_algorithm_t alg;
  psa_status_t encrypt_status;  // psa_aead_encrypt, psa_aead_encrypt_setup
  psa_status_t decrypt_status;  // psa_aead_decrypt, psa_aead_decrypt_setup
};

std::ostream& operator<<(std::ostream& os, const ArgumentCase& c) { return os << c.name; }

constexpr psa_algorithm_t kGcm = PSA_ALG_GCM;
constexpr psa_status_t kHandle = PSA_ERROR_INVALID_HANDLE;
constexpr psa_status_t kNotPermitted = PSA_ERROR_NOT_PERMITTED;
constexpr psa_status_t kInvalid = PSA_ERROR_INVALID_ARGUMENT;

const ArgumentCase kArgumentCases[] = {
    {"NullKeyId", KeySource::kNull, 0, 0, 0, kGcm, kHandle, kHandle},
    {"DestroyedKey", KeySource::kDestroyed, 0, 0, 0, kGcm, kHandle, kHandle},
    {"NeverCreatedPersistentId", KeySource::kNeverCreatedPersistent, 0, 0, 0, kGcm, kHandle, kHandle},
    {"NeverCreatedVolatileId", KeySource::kNeverCreatedVolatile, 0, 0, 0, kGcm, kHandle, kHandle},
    {"GcmValid", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, kGcm, kGcm, PSA_SUCCESS, PSA_SUCCESS},
    // Usage flags.
    {"EncryptOnlyKey", KeySource::kImported, PSA_KEY_TYPE_AES, PSA_KEY_USAGE_ENCRYPT, kGcm, kGcm, PSA_SUCCESS,
     kNotPermitted},
    {"DecryptOnlyKey", KeySource::kImported, PSA_KEY_TYPE_AES, PSA_KEY_USAGE_DECRYPT, kGcm, kGcm, kNotPermitted,
     PSA_SUCCESS},
    {"NoUsage", KeySource::kImported, PSA_KEY_TYPE_AES, 0, kGcm, kGcm, kNotPermitted, kNotPermitted},
    {"SignVerifyUsageOnly", KeySource::kImported, PSA_KEY_TYPE_AES,
     PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_EXPORT, kGcm, kGcm, kNotPermitted,
     kNotPermitted},
    // Algorithms the policy does not permit.
    {"PolicyNone", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_NONE, kGcm, kNotPermitted,
     kNotPermitted},
    {"PolicyCcmRequestGcm", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_CCM, kGcm, kNotPermitted,
     kNotPermitted},
    {"PolicyCbcRequestGcm", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_CBC_NO_PADDING, kGcm,
     kNotPermitted, kNotPermitted},
    {"PolicyDefaultTagRequestShortened", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, kGcm,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(kGcm, 12), kNotPermitted, kNotPermitted},
    {"PolicyShortenedRequestDefaultTag", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(kGcm, 12), kGcm, kNotPermitted, kNotPermitted},
    {"PolicyAtLeastOtherAead", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 4), kGcm, kNotPermitted, kNotPermitted},
    // Not AEAD algorithms.
    {"AlgNone", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, kGcm, PSA_ALG_NONE, kInvalid, kInvalid},
    {"CipherAlg", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_CBC_NO_PADDING,
     PSA_ALG_CBC_NO_PADDING, kInvalid, kInvalid},
    {"CcmStarNoTagIsACipher", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_CCM_STAR_NO_TAG,
     PSA_ALG_CCM_STAR_NO_TAG, kInvalid, kInvalid},
    {"MacAlg", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_CMAC, PSA_ALG_CMAC, kInvalid, kInvalid},
    {"HashAlg", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, kGcm, PSA_ALG_SHA_256, kInvalid, kInvalid},
    {"WildcardAsAlgorithm", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(kGcm, 12), PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(kGcm, 12),
     kInvalid, kInvalid},
    // Tag lengths the algorithm does not have ("GCM supports authentication
    // tag sizes of 4, 8, 12, 13, 14, 15, and 16 bytes"; CCM "4, 6, 8, 10,
    // 12, 14, and 16 bytes").
    {"GcmTagLength0", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(kGcm, 1), PSA_ALG_AEAD_WITH_SHORTENED_TAG(kGcm, 0), kInvalid, kInvalid},
    {"GcmTagLength5", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(kGcm, 1), PSA_ALG_AEAD_WITH_SHORTENED_TAG(kGcm, 5), kInvalid, kInvalid},
    {"GcmTagLength17", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(kGcm, 1), PSA_ALG_AEAD_WITH_SHORTENED_TAG(kGcm, 17), kInvalid,
     kInvalid},
    {"CcmTagLength5", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 1), PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 5),
     kInvalid, kInvalid},
    {"CcmTagLength2", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 1), PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 2),
     kInvalid, kInvalid},
    {"CcmTagLength18", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 1), PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 18),
     kInvalid, kInvalid},
    // Key types that do not suit the algorithm (the policy permits it).
    {"GcmWithChacha20Key", KeySource::kImported, PSA_KEY_TYPE_CHACHA20, kEncryptDecrypt, kGcm, kGcm, kInvalid,
     kInvalid},
    {"CcmWithChacha20Key", KeySource::kImported, PSA_KEY_TYPE_CHACHA20, kEncryptDecrypt, PSA_ALG_CCM, PSA_ALG_CCM,
     kInvalid, kInvalid},
    {"ChachaPolyWithAesKey", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_CHACHA20_POLY1305,
     PSA_ALG_CHACHA20_POLY1305, kInvalid, kInvalid},
    {"GcmWithDesKey", KeySource::kImported, PSA_KEY_TYPE_DES, kEncryptDecrypt, kGcm, kGcm, kInvalid, kInvalid},
    {"CcmWithDesKey", KeySource::kImported, PSA_KEY_TYPE_DES, kEncryptDecrypt, PSA_ALG_CCM, PSA_ALG_CCM, kInvalid,
     kInvalid},
    {"GcmWithHmacKey", KeySource::kImported, PSA_KEY_TYPE_HMAC, kEncryptDecrypt, kGcm, kGcm, kInvalid, kInvalid},
    {"GcmWithRawDataKey", KeySource::kImported, PSA_KEY_TYPE_RAW_DATA, kEncryptDecrypt, kGcm, kGcm, kInvalid, kInvalid},
};

class AeadArguments : public ::testing::TestWithParam<ArgumentCase> {
 protected:
  void SetUp() override {
    const ArgumentCase& c = GetParam();
    switch (c.source) {
      case KeySource::kNull:
        id_ = PSA_KEY_ID_NULL;
        break;
      case KeySource::kDestroyed:
        id_ = DestroyedKeyId();
        break;
      case KeySource::kNeverCreatedPersistent:
        id_ = kNeverCreatedPersistentId;
        break;
      case KeySource::kNeverCreatedVolatile:
        id_ = kNeverCreatedVolatileId;
        break;
      case KeySource::kImported:
        key_ = ScopedKey(c.type, MaterialFor(c.type), c.usage, c.policy);
        ASSERT_NE(key_.id(), PSA_KEY_ID_NULL);
        id_ = key_.id();
        break;
    }
  }
  // Every successful case is GCM test case 4.
  ScopedKey key_;
  psa_key_id_t id_ = PSA_KEY_ID_NULL;
};

TEST_P(AeadArguments, Encrypt) {
  const ArgumentCase& c = GetParam();
  const Vector& v = GcmVector();
  Bytes out;
  EXPECT_STATUS(c.encrypt_status, Encrypt(id_, c.alg, v.nonce, v.ad, v.plaintext, &out));
  if (c.encrypt_status == PSA_SUCCESS) {
    EXPECT_EQ(ToHex(out), ToHex(v.ciphertext));
  }
}

TEST_P(AeadArguments, Decrypt) {
  const ArgumentCase& c = GetParam();
  const Vector& v = GcmVector();
  Bytes out;
  EXPECT_STATUS(c.decrypt_status, Decrypt(id_, c.alg, v.nonce, v.ad, v.ciphertext, &out));
  if (c.decrypt_status == PSA_SUCCESS) {
    EXPECT_EQ(ToHex(out), ToHex(v.plaintext));
  }
}

TEST_P(AeadArguments, EncryptSetup) {
  const ArgumentCase& c = GetParam();
  const Vector& v = GcmVector();
  Bytes out;
  EXPECT_STATUS(c.encrypt_status, Multipart(true, id_, PSA_KEY_TYPE_AES, c.alg, v.nonce, v.ad, v.plaintext, 0,
                                            /*declare=*/false, &out));
  if (c.encrypt_status == PSA_SUCCESS) {
    EXPECT_EQ(ToHex(out), ToHex(v.ciphertext));
  }
}

TEST_P(AeadArguments, DecryptSetup) {
  const ArgumentCase& c = GetParam();
  const Vector& v = GcmVector();
  Bytes out;
  EXPECT_STATUS(c.decrypt_status, Multipart(false, id_, PSA_KEY_TYPE_AES, c.alg, v.nonce, v.ad, v.ciphertext, 0,
                                            /*declare=*/false, &out));
  if (c.decrypt_status == PSA_SUCCESS) {
    EXPECT_EQ(ToHex(out), ToHex(v.plaintext));
  }
}

INSTANTIATE_TEST_SUITE_P(Table, AeadArguments, ::testing::ValuesIn(kArgumentCases),
                         [](const ::testing::TestParamInfo<ArgumentCase>& info) { return info.param.name; });

// XChaCha20-Poly1305 with an XChaCha20 key, the pair the specification
// defines ("Compatible key types: PSA_KEY_TYPE_XCHACHA20"): supported or
// PSA_ERROR_NOT_SUPPORTED, but not "incompatible" (PSA_ERROR_INVALID_ARGUMENT).
TEST(AeadArgumentsExtra, XChachaPolyWithAnXChacha20KeyIsNotAnIncompatiblePair) {
  psa_key_attributes_t attributes =
      ::psa::keys_testing::MakeAttributes(PSA_KEY_TYPE_XCHACHA20, 0, kEncryptDecrypt, PSA_ALG_XCHACHA20_POLY1305);
  psa_key_id_t id = PSA_KEY_ID_NULL;
  const psa_status_t imported = ::psa::keys_testing::Import(attributes, Message(32), &id);
  if (imported != PSA_SUCCESS) {
    EXPECT_STATUS(PSA_ERROR_NOT_SUPPORTED, imported);
    GTEST_SKIP() << "XChaCha20 keys are not supported by this build";
  }
  Bytes out;
  const psa_status_t status = Encrypt(id, PSA_ALG_XCHACHA20_POLY1305, Message(24), Bytes(), Message(10), &out);
  EXPECT_TRUE(status == PSA_SUCCESS || status == PSA_ERROR_NOT_SUPPORTED) << StatusName(status);
  EXPECT_STATUS(PSA_SUCCESS, psa_destroy_key(id));
}

// ---------------------------------------------------------------------------
// Known answers.

class AeadKnownAnswer : public ::testing::TestWithParam<Vector> {};

TEST_P(AeadKnownAnswer, SinglePart) {
  const Vector& v = GetParam();
  ScopedKey key(v.type, v.key, kEncryptDecrypt, v.alg);
  Bytes out;
  ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), v.alg, v.nonce, v.ad, v.plaintext, &out,
                                     PSA_AEAD_ENCRYPT_OUTPUT_SIZE(v.type, v.alg, v.plaintext.size())));
  EXPECT_EQ(ToHex(out), ToHex(v.ciphertext));
  ASSERT_STATUS(PSA_SUCCESS, Decrypt(key.id(), v.alg, v.nonce, v.ad, v.ciphertext, &out,
                                     PSA_AEAD_DECRYPT_OUTPUT_SIZE(v.type, v.alg, v.ciphertext.size())));
  EXPECT_EQ(ToHex(out), ToHex(v.plaintext));
}

TEST_P(AeadKnownAnswer, MultipartInChunks) {
  const Vector& v = GetParam();
  ScopedKey key(v.type, v.key, kEncryptDecrypt, v.alg);
  for (size_t chunk : {0, 1, 3, 15, 16, 17, 64}) {
    for (bool declare : {false, true}) {
      SCOPED_TRACE(::testing::Message() << "chunk " << chunk << (declare ? " with lengths" : ""));
      Bytes out;
      ASSERT_STATUS(PSA_SUCCESS,
                    Multipart(true, key.id(), v.type, v.alg, v.nonce, v.ad, v.plaintext, chunk, declare, &out));
      EXPECT_EQ(ToHex(out), ToHex(v.ciphertext));
      ASSERT_STATUS(PSA_SUCCESS,
                    Multipart(false, key.id(), v.type, v.alg, v.nonce, v.ad, v.ciphertext, chunk, declare, &out));
      EXPECT_EQ(ToHex(out), ToHex(v.plaintext));
    }
  }
}

// Empty AD, empty message, both empty: single-part and multi-part agree.
TEST_P(AeadKnownAnswer, EmptyInputs) {
  const Vector& v = GetParam();
  ScopedKey key(v.type, v.key, kEncryptDecrypt, v.alg);
  for (const auto& [ad, text] :
       {std::make_pair(Bytes(), v.plaintext), std::make_pair(v.ad, Bytes()), std::make_pair(Bytes(), Bytes())}) {
    SCOPED_TRACE(::testing::Message() << ad.size() << " bytes of AD, " << text.size() << " of message");
    Bytes single, multi, back;
    ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), v.alg, v.nonce, ad, text, &single));
    EXPECT_EQ(single.size(), text.size() + v.tag_length());
    ASSERT_STATUS(PSA_SUCCESS, Multipart(true, key.id(), v.type, v.alg, v.nonce, ad, text, 0, false, &multi));
    EXPECT_EQ(ToHex(multi), ToHex(single));
    ASSERT_STATUS(PSA_SUCCESS, Decrypt(key.id(), v.alg, v.nonce, ad, single, &back));
    EXPECT_EQ(ToHex(back), ToHex(text));
    ASSERT_STATUS(PSA_SUCCESS, Multipart(false, key.id(), v.type, v.alg, v.nonce, ad, single, 0, false, &back));
    EXPECT_EQ(ToHex(back), ToHex(text));
  }
}

// "The pointer can be invalid if the buffer size is 0": empty AD, message
// and outputs may be null pointers.
TEST_P(AeadKnownAnswer, EmptyBuffersMayBeNull) {
  const Vector& v = GetParam();
  ScopedKey key(v.type, v.key, kEncryptDecrypt, v.alg);
  GuardedBuffer tag(v.tag_length());
  size_t length = 0;
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_encrypt(key.id(), v.alg, v.nonce.data(), v.nonce.size(), nullptr, 0, nullptr, 0,
                                              tag.data(), tag.size(), &length));
  ASSERT_EQ(length, v.tag_length());
  EXPECT_STATUS(PSA_SUCCESS, psa_aead_decrypt(key.id(), v.alg, v.nonce.data(), v.nonce.size(), nullptr, 0, tag.data(),
                                              tag.size(), nullptr, 0, &length));
  EXPECT_EQ(length, 0u);
  for (bool encrypt : {true, false}) {
    SCOPED_TRACE(encrypt ? "encrypt" : "decrypt");
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, encrypt ? psa_aead_encrypt_setup(&operation, key.id(), v.alg)
                                       : psa_aead_decrypt_setup(&operation, key.id(), v.alg));
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, 0, 0));
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_nonce(&operation, v.nonce.data(), v.nonce.size()));
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_update_ad(&operation, nullptr, 0));
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_update(&operation, nullptr, 0, nullptr, 0, &length));
    if (encrypt) {
      GuardedBuffer computed(16);
      size_t tag_length = 0;
      ASSERT_STATUS(PSA_SUCCESS,
                    psa_aead_finish(&operation, nullptr, 0, &length, computed.data(), computed.size(), &tag_length));
      EXPECT_EQ(ToHex(computed.Prefix(tag_length)), ToHex(tag.Contents()));
    } else {
      EXPECT_STATUS(PSA_SUCCESS, psa_aead_verify(&operation, nullptr, 0, &length, tag.data(), tag.size()));
    }
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
  }
}

// generate_nonce gives a fresh nonce of the algorithm's length (for CCM:
// 15 - L with the smallest L >= 2 that encodes the declared plaintext
// length), which the operation uses.
TEST_P(AeadKnownAnswer, GenerateNonce) {
  const Vector& v = GetParam();
  ScopedKey key(v.type, v.key, kEncryptDecrypt, v.alg);
  std::vector<std::pair<size_t, size_t>> lengths = {{v.plaintext.size(), PSA_AEAD_NONCE_LENGTH(v.type, v.alg)}};
  if (IsCcm(v.alg)) {
    lengths = {{0, 13}, {65535, 13}, {65536, 12}, {size_t{1} << 24, 11}};
  }
  Bytes previous;
  for (const auto& [plaintext_length, nonce_length] : lengths) {
    SCOPED_TRACE(plaintext_length);
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_encrypt_setup(&operation, key.id(), v.alg));
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, 0, plaintext_length));
    GuardedBuffer nonce(PSA_AEAD_NONCE_MAX_SIZE);
    size_t length = 0;
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_generate_nonce(&operation, nonce.data(), nonce.size(), &length));
    EXPECT_EQ(length, nonce_length);
    EXPECT_TRUE(nonce.GuardIntact());
    EXPECT_NE(ToHex(nonce.Prefix(length)), ToHex(previous));
    previous = nonce.Prefix(length);
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
  }
  // A round trip with a generated nonce.
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_encrypt_setup(&operation, key.id(), v.alg));
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, v.ad.size(), v.plaintext.size()));
  GuardedBuffer nonce(PSA_AEAD_NONCE_MAX_SIZE);
  size_t nonce_length = 0;
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_generate_nonce(&operation, nonce.data(), nonce.size(), &nonce_length));
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_update_ad(&operation, v.ad.data(), v.ad.size()));
  GuardedBuffer out(v.plaintext.size() + 16);
  size_t length = 0;
  ASSERT_STATUS(PSA_SUCCESS,
                psa_aead_update(&operation, v.plaintext.data(), v.plaintext.size(), out.data(), out.size(), &length));
  GuardedBuffer tag(16);
  size_t finish_length = 0, tag_length = 0;
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_finish(&operation, out.data() + length, out.size() - length, &finish_length,
                                             tag.data(), tag.size(), &tag_length));
  Bytes single;
  ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), v.alg, nonce.Prefix(nonce_length), v.ad, v.plaintext, &single));
  EXPECT_EQ(ToHex(Concat(out.Prefix(length + finish_length), tag.Prefix(tag_length))), ToHex(single));
}

INSTANTIATE_TEST_SUITE_P(Vectors, AeadKnownAnswer, ::testing::ValuesIn(Vectors()),
                         [](const ::testing::TestParamInfo<Vector>& info) { return info.param.name; });

// A multi-part operation gives what the single-part function gives, over
// the sizes where the modes change how they encode or pad: AD lengths
// around a block and around CCM's 0xFF00 (two- to six-byte length
// encoding), message lengths around a block, GCM nonces other than 12
// bytes (hashed into J0), both block ciphers the builtin driver has.
TEST(AeadMultipartEqualsSinglePart, OverEdgeSizes) {
  struct Mode {
    psa_key_type_t type;
    size_t key_size;
    psa_algorithm_t alg;
    std::vector<size_t> nonces;
  } modes[] = {
      {PSA_KEY_TYPE_AES, 16, PSA_ALG_GCM, {12, 1, 8, 13, 16, 17, 64}},
      {PSA_KEY_TYPE_AES, 32, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 13), {12}},
      {PSA_KEY_TYPE_CAMELLIA, 24, PSA_ALG_GCM, {12, 20}},
      {PSA_KEY_TYPE_AES, 24, PSA_ALG_CCM, {13, 7, 11}},
      {PSA_KEY_TYPE_AES, 16, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4), {12}},
      {PSA_KEY_TYPE_CAMELLIA, 16, PSA_ALG_CCM, {13}},
      {PSA_KEY_TYPE_CHACHA20, 32, PSA_ALG_CHACHA20_POLY1305, {12}},
  };
  const size_t ad_lengths[] = {0, 1, 15, 16, 17, 0xFEFF, 0xFF00};
  const size_t text_lengths[] = {0, 1, 15, 16, 17, 64, 65};
  for (const Mode& m : modes) {
    ScopedKey key(m.type, ::psa::keys_testing::PatternBytes(m.key_size, 0x11), kEncryptDecrypt, m.alg);
    for (size_t nonce_length : m.nonces) {
      const Bytes nonce = Message(nonce_length, 0x22);
      for (size_t ad_length : ad_lengths) {
        for (size_t text_length : text_lengths) {
          // The long AD with a few message lengths only.
          if (ad_length > 17 && text_length != 17) continue;
          SCOPED_TRACE(::testing::Message()
                       << "type 0x" << std::hex << m.type << " alg 0x" << m.alg << std::dec << " nonce " << nonce_length
                       << " ad " << ad_length << " text " << text_length);
          const Bytes ad = Message(ad_length, 0x33);
          const Bytes text = Message(text_length, 0x44);
          Bytes single, back;
          ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), m.alg, nonce, ad, text, &single));
          ASSERT_EQ(single.size(), text_length + PSA_AEAD_TAG_LENGTH(m.type, 0, m.alg));
          for (size_t chunk : {size_t{0}, size_t{7}, size_t{16}}) {
            SCOPED_TRACE(chunk);
            Bytes multi;
            ASSERT_STATUS(PSA_SUCCESS, Multipart(true, key.id(), m.type, m.alg, nonce, ad, text, chunk, false, &multi));
            EXPECT_EQ(ToHex(multi), ToHex(single));
            ASSERT_STATUS(PSA_SUCCESS,
                          Multipart(false, key.id(), m.type, m.alg, nonce, ad, single, chunk, false, &back));
            EXPECT_EQ(ToHex(back), ToHex(text));
          }
          ASSERT_STATUS(PSA_SUCCESS, Decrypt(key.id(), m.alg, nonce, ad, single, &back));
          EXPECT_EQ(ToHex(back), ToHex(text));
        }
      }
    }
  }
}

// psa_aead_set_lengths: "PSA_ERROR_INVALID_ARGUMENT: ad_length or
// plaintext_length are too large for the chosen algorithm"
// (PSA_ERROR_NOT_SUPPORTED: "too large for the implementation"). GCM takes
// at most 2^36 - 32 bytes of plaintext and 2^61 - 1 of AD (SP 800-38D);
// ChaCha20-Poly1305 at most 2^38 - 64 bytes of plaintext (RFC 8439).
TEST(AeadLengthLimits, SetLengthsBeyondTheAlgorithm) {
  struct {
    psa_key_type_t type;
    psa_algorithm_t alg;
    uint64_t ad_length, plaintext_length;
  } cases[] = {
      {PSA_KEY_TYPE_AES, PSA_ALG_GCM, 0, (uint64_t{1} << 36) - 31},
      {PSA_KEY_TYPE_AES, PSA_ALG_GCM, uint64_t{1} << 61, 0},
      {PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305, 0, (uint64_t{1} << 38) - 63},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << c.alg << " ad 0x" << c.ad_length << " text 0x"
                                      << c.plaintext_length);
    ScopedKey key(c.type, MaterialFor(c.type), kEncryptDecrypt, c.alg);
    for (bool encrypt : {true, false}) {
      psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
      ASSERT_STATUS(PSA_SUCCESS, encrypt ? psa_aead_encrypt_setup(&operation, key.id(), c.alg)
                                         : psa_aead_decrypt_setup(&operation, key.id(), c.alg));
      const psa_status_t status = psa_aead_set_lengths(&operation, c.ad_length, c.plaintext_length);
      EXPECT_TRUE(status == PSA_ERROR_INVALID_ARGUMENT || status == PSA_ERROR_NOT_SUPPORTED) << StatusName(status);
      EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
    }
  }
  // The largest lengths the algorithms allow are accepted.
  ScopedKey gcm(PSA_KEY_TYPE_AES, kat::kGcmKey, kEncryptDecrypt, PSA_ALG_GCM);
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_encrypt_setup(&operation, gcm.id(), PSA_ALG_GCM));
  EXPECT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, 1000, (uint64_t{1} << 36) - 32));
  EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
}

// PSA_ALG_CCM_STAR_ANY_TAG "permits the PSA_ALG_CCM_STAR_NO_TAG cipher
// algorithm, the PSA_ALG_CCM AEAD algorithm, and
// PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, tag_length) for tag_length
// equal to 4, 8 or 16".
TEST(AeadPolicy, CcmStarAnyTag) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kCcmKey, kEncryptDecrypt, PSA_ALG_CCM_STAR_ANY_TAG);
  const Bytes nonce = Message(13, 1);
  for (size_t tag_length : {4, 6, 8, 10, 12, 14, 16}) {
    SCOPED_TRACE(tag_length);
    Bytes out;
    EXPECT_STATUS(
        tag_length == 4 || tag_length == 8 || tag_length == 16 ? PSA_SUCCESS : kNotPermitted,
        Encrypt(key.id(), PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, tag_length), nonce, Bytes(), Message(20), &out));
  }
  Bytes out;
  EXPECT_STATUS(kNotPermitted, Encrypt(key.id(), PSA_ALG_GCM, Message(12, 1), Bytes(), Message(20), &out));
  // The cipher: CCM* without tag is CCM's encryption (the counter blocks
  // from 1 on), whatever the tag length.
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key.id(), PSA_ALG_CCM_STAR_NO_TAG));
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, nonce.data(), nonce.size()));
  GuardedBuffer ciphertext(20);
  size_t length = 0, finish_length = 0;
  const Bytes message = Message(20);
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_update(&operation, message.data(), message.size(), ciphertext.data(),
                                               ciphertext.size(), &length));
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_finish(&operation, ciphertext.data() + length, 20 - length, &finish_length));
  ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), PSA_ALG_CCM, nonce, Message(3), message, &out));
  EXPECT_EQ(ToHex(ciphertext.Prefix(length + finish_length)), ToHex(Slice(out, 0, 20)));
}

// ---------------------------------------------------------------------------
// Nonces of a bad length: "nonce_length is not valid for use with alg and
// key" is PSA_ERROR_INVALID_ARGUMENT.

struct NonceCase {
  psa_key_type_t type;
  psa_algorithm_t alg;
  size_t nonce_length;
  psa_status_t expected;
  psa_status_t also_allowed;  // 0: none
};

const NonceCase kNonceCases[] = {
    {PSA_KEY_TYPE_AES, kGcm, 0, kInvalid, 0},
    {PSA_KEY_TYPE_AES, kGcm, 1, PSA_SUCCESS, PSA_ERROR_NOT_SUPPORTED},
    {PSA_KEY_TYPE_AES, kGcm, 16, PSA_SUCCESS, PSA_ERROR_NOT_SUPPORTED},
    {PSA_KEY_TYPE_AES, PSA_ALG_CCM, 0, kInvalid, 0},
    {PSA_KEY_TYPE_AES, PSA_ALG_CCM, 6, kInvalid, 0},
    {PSA_KEY_TYPE_AES, PSA_ALG_CCM, 7, PSA_SUCCESS, 0},
    {PSA_KEY_TYPE_AES, PSA_ALG_CCM, 13, PSA_SUCCESS, 0},
    {PSA_KEY_TYPE_AES, PSA_ALG_CCM, 14, kInvalid, 0},
    {PSA_KEY_TYPE_AES, PSA_ALG_CCM, 16, kInvalid, 0},
    // "A nonce provided ... must be 8 or 12 bytes"; the 8-byte variant is
    // optional.
    {PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305, 0, kInvalid, 0},
    {PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305, 8, PSA_SUCCESS, PSA_ERROR_NOT_SUPPORTED},
    {PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305, 11, kInvalid, 0},
    {PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305, 13, kInvalid, 0},
    {PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305, 24, kInvalid, 0},
};

bool StatusIs(psa_status_t status, const NonceCase& c) {
  return status == c.expected || (c.also_allowed != 0 && status == c.also_allowed);
}

TEST(AeadNonce, SinglePart) {
  for (const NonceCase& c : kNonceCases) {
    SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << c.alg << std::dec << " nonce " << c.nonce_length);
    ScopedKey key(c.type, MaterialFor(c.type), kEncryptDecrypt, c.alg);
    const Bytes nonce = Message(c.nonce_length, 1);
    Bytes ciphertext, plaintext;
    const psa_status_t status = Encrypt(key.id(), c.alg, nonce, Message(5), Message(20), &ciphertext);
    EXPECT_TRUE(StatusIs(status, c)) << StatusName(status);
    if (status == PSA_SUCCESS) {
      EXPECT_STATUS(PSA_SUCCESS, Decrypt(key.id(), c.alg, nonce, Message(5), ciphertext, &plaintext));
      EXPECT_EQ(ToHex(plaintext), ToHex(Message(20)));
    } else {
      // A ciphertext of the right shape, under the refused nonce.
      const psa_status_t decrypted = Decrypt(key.id(), c.alg, nonce, Message(5), Message(36), &plaintext);
      EXPECT_TRUE(StatusIs(decrypted, c)) << StatusName(decrypted);
    }
  }
}

TEST(AeadNonce, SetNonce) {
  for (const NonceCase& c : kNonceCases) {
    for (bool encrypt : {true, false}) {
      SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << c.alg << std::dec << " nonce " << c.nonce_length
                                        << (encrypt ? " encrypt" : " decrypt"));
      ScopedKey key(c.type, MaterialFor(c.type), kEncryptDecrypt, c.alg);
      psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
      ASSERT_STATUS(PSA_SUCCESS, encrypt ? psa_aead_encrypt_setup(&operation, key.id(), c.alg)
                                         : psa_aead_decrypt_setup(&operation, key.id(), c.alg));
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, 0, 20));
      const Bytes nonce = Message(c.nonce_length, 1);
      const psa_status_t status = psa_aead_set_nonce(&operation, DataOrNull(nonce), nonce.size());
      EXPECT_TRUE(StatusIs(status, c)) << StatusName(status);
      if (status != PSA_SUCCESS) {
        // Error state: a good nonce is refused now.
        const Bytes good = Message(PSA_AEAD_NONCE_LENGTH(c.type, c.alg));
        EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_set_nonce(&operation, good.data(), good.size()));
      }
      EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
    }
  }
}

// CCM: "If the plaintext length cannot be encoded in L octets, then a
// PSA_ERROR_INVALID_ARGUMENT error is returned" (L = 15 - nonce length).
TEST(AeadNonce, CcmPlaintextLengthMustFitTheNonce) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kCcmKey, kEncryptDecrypt, PSA_ALG_CCM);
  const Bytes nonce13 = Message(13, 1);
  for (bool encrypt : {true, false}) {
    SCOPED_TRACE(encrypt ? "encrypt" : "decrypt");
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, encrypt ? psa_aead_encrypt_setup(&operation, key.id(), PSA_ALG_CCM)
                                       : psa_aead_decrypt_setup(&operation, key.id(), PSA_ALG_CCM));
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, 0, 65536));
    EXPECT_STATUS(kInvalid, psa_aead_set_nonce(&operation, nonce13.data(), nonce13.size()));
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
    // 65535 fits two bytes.
    ASSERT_STATUS(PSA_SUCCESS, encrypt ? psa_aead_encrypt_setup(&operation, key.id(), PSA_ALG_CCM)
                                       : psa_aead_decrypt_setup(&operation, key.id(), PSA_ALG_CCM));
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, 0, 65535));
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_set_nonce(&operation, nonce13.data(), nonce13.size()));
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
  }
  Bytes out;
  EXPECT_STATUS(kInvalid, Encrypt(key.id(), PSA_ALG_CCM, nonce13, Bytes(), Message(65536), &out));
  EXPECT_STATUS(PSA_SUCCESS, Encrypt(key.id(), PSA_ALG_CCM, nonce13, Bytes(), Message(65535), &out));
  EXPECT_STATUS(kInvalid, Decrypt(key.id(), PSA_ALG_CCM, nonce13, Bytes(), Message(65536 + 16), &out));
  EXPECT_STATUS(PSA_SUCCESS, Encrypt(key.id(), PSA_ALG_CCM, Message(12, 1), Bytes(), Message(65536), &out));
}

// ---------------------------------------------------------------------------
// Outputs one byte too small.

TEST(AeadBufferTooSmall, EncryptAndDecrypt) {
  for (const Vector& v : Vectors()) {
    SCOPED_TRACE(v.name);
    ScopedKey key(v.type, v.key, kEncryptDecrypt, v.alg);
    Bytes out;
    for (size_t size : {v.ciphertext.size() - 1, v.plaintext.size(), size_t{0}}) {
      SCOPED_TRACE(size);
      EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, Encrypt(key.id(), v.alg, v.nonce, v.ad, v.plaintext, &out, size));
    }
    for (size_t size : {v.plaintext.size() - 1, size_t{0}}) {
      SCOPED_TRACE(size);
      EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, Decrypt(key.id(), v.alg, v.nonce, v.ad, v.ciphertext, &out, size));
    }
    EXPECT_STATUS(PSA_SUCCESS, Encrypt(key.id(), v.alg, v.nonce, v.ad, v.plaintext, &out, v.ciphertext.size()));
    EXPECT_STATUS(PSA_SUCCESS, Decrypt(key.id(), v.alg, v.nonce, v.ad, v.ciphertext, &out, v.plaintext.size()));
  }
}

TEST(AeadBufferTooSmall, GenerateNonce) {
  for (const Vector& v : Vectors()) {
    SCOPED_TRACE(v.name);
    ScopedKey key(v.type, v.key, kEncryptDecrypt, v.alg);
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_encrypt_setup(&operation, key.id(), v.alg));
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, 0, 10));
    GuardedBuffer nonce(PSA_AEAD_NONCE_LENGTH(v.type, v.alg) - 1);
    size_t length = 0;
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, psa_aead_generate_nonce(&operation, nonce.data(), nonce.size(), &length));
    EXPECT_TRUE(nonce.GuardIntact()) << "psa_aead_generate_nonce wrote past the buffer";
    GuardedBuffer enough(PSA_AEAD_NONCE_MAX_SIZE);
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_generate_nonce(&operation, enough.data(), enough.size(), &length));
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
  }
}

// update, finish (ciphertext and tag) and verify into buffers one byte
// smaller than what they output (measured first with the size macros).
// Outputs that are empty in this build cannot be too small: then the test
// checks that an empty buffer is enough.
class AeadStepBuffers : public ::testing::TestWithParam<Vector> {
 protected:
  enum class Step { kUpdate, kUpdateDecrypt, kFinishCiphertext, kFinishTag, kVerify };

  // Runs the vector multi-part up to `step`, gives it buffers of the size
  // macro (size == SIZE_MAX) or of `size` bytes; returns its status and the
  // length it output in *length.
  psa_status_t Run(Step step, size_t size, size_t* length, psa_aead_operation_t* operation) {
    const Vector& v = GetParam();
    const bool encrypt = step != Step::kVerify && step != Step::kUpdateDecrypt;
    *length = 0;
    psa_status_t status = encrypt ? psa_aead_encrypt_setup(operation, key_.id(), v.alg)
                                  : psa_aead_decrypt_setup(operation, key_.id(), v.alg);
    if (status == PSA_SUCCESS) status = psa_aead_set_lengths(operation, v.ad.size(), v.plaintext.size());
    if (status == PSA_SUCCESS) status = psa_aead_set_nonce(operation, v.nonce.data(), v.nonce.size());
    if (status == PSA_SUCCESS) status = psa_aead_update_ad(operation, v.ad.data(), v.ad.size());
    if (status != PSA_SUCCESS) return status;
    const Bytes& input = encrypt ? v.plaintext : v.ciphertext;
    // An update of an odd length first, so that block modes would hold
    // back a partial block.
    const size_t first = 5;
    GuardedBuffer first_out(64);
    size_t first_length = 0;
    if (step == Step::kUpdate || step == Step::kUpdateDecrypt) {
      GuardedBuffer out(size == SIZE_MAX ? PSA_AEAD_UPDATE_OUTPUT_SIZE(v.type, v.alg, first) : size);
      status = psa_aead_update(operation, input.data(), first, out.data(), out.size(), length);
      EXPECT_TRUE(out.GuardIntact()) << "psa_aead_update wrote past a buffer of " << out.size();
      return status;
    }
    status = psa_aead_update(operation, input.data(), first, first_out.data(), first_out.size(), &first_length);
    if (status != PSA_SUCCESS) return status;
    GuardedBuffer rest(v.plaintext.size() + 16);
    size_t rest_length = 0;
    status = psa_aead_update(operation, input.data() + first, v.plaintext.size() - first, rest.data(), rest.size(),
                             &rest_length);
    if (status != PSA_SUCCESS) return status;
    if (step == Step::kVerify) {
      GuardedBuffer out(size == SIZE_MAX ? PSA_AEAD_VERIFY_OUTPUT_SIZE(v.type, v.alg) : size);
      status = psa_aead_verify(operation, out.data(), out.size(), length, v.ciphertext.data() + v.plaintext.size(),
                               v.tag_length());
      EXPECT_TRUE(out.GuardIntact()) << "psa_aead_verify wrote past a buffer of " << out.size();
      return status;
    }
    const bool tag_step = step == Step::kFinishTag;
    GuardedBuffer ciphertext(!tag_step && size != SIZE_MAX ? size : PSA_AEAD_FINISH_OUTPUT_SIZE(v.type, v.alg));
    GuardedBuffer tag(tag_step && size != SIZE_MAX ? size : PSA_AEAD_TAG_LENGTH(v.type, 0, v.alg));
    size_t ciphertext_length = 0, tag_length = 0;
    status = psa_aead_finish(operation, ciphertext.data(), ciphertext.size(), &ciphertext_length, tag.data(),
                             tag.size(), &tag_length);
    EXPECT_TRUE(ciphertext.GuardIntact()) << "psa_aead_finish wrote past a ciphertext buffer of " << ciphertext.size();
    EXPECT_TRUE(tag.GuardIntact()) << "psa_aead_finish wrote past a tag buffer of " << tag.size();
    *length = tag_step ? tag_length : ciphertext_length;
    return status;
  }

  void Check(Step step) {
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    size_t needed = 0;
    ASSERT_STATUS(PSA_SUCCESS, Run(step, SIZE_MAX, &needed, &operation));
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
    size_t length = 0;
    if (needed == 0) {
      // Nothing to output: an empty buffer is enough.
      EXPECT_STATUS(PSA_SUCCESS, Run(step, 0, &length, &operation));
      EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
      return;
    }
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, Run(step, needed - 1, &length, &operation));
    // The operation is in an error state.
    const Bytes one(1, 0);
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_update_ad(&operation, one.data(), 1));
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
  }

  void SetUp() override { key_ = ScopedKey(GetParam().type, GetParam().key, kEncryptDecrypt, GetParam().alg); }
  ScopedKey key_;
};

TEST_P(AeadStepBuffers, Update) { Check(Step::kUpdate); }
TEST_P(AeadStepBuffers, UpdateDecrypt) { Check(Step::kUpdateDecrypt); }
TEST_P(AeadStepBuffers, FinishCiphertext) { Check(Step::kFinishCiphertext); }
TEST_P(AeadStepBuffers, FinishTag) { Check(Step::kFinishTag); }
TEST_P(AeadStepBuffers, Verify) { Check(Step::kVerify); }

INSTANTIATE_TEST_SUITE_P(Vectors, AeadStepBuffers, ::testing::ValuesIn(Vectors()),
                         [](const ::testing::TestParamInfo<Vector>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// Operation states.

class AeadState : public ::testing::TestWithParam<Vector> {
 protected:
  void SetUp() override { key_ = ScopedKey(GetParam().type, GetParam().key, kEncryptDecrypt, GetParam().alg); }

  psa_status_t Setup(psa_aead_operation_t* operation, bool encrypt) {
    return encrypt ? psa_aead_encrypt_setup(operation, key_.id(), GetParam().alg)
                   : psa_aead_decrypt_setup(operation, key_.id(), GetParam().alg);
  }
  // Setup, the lengths (for CCM, or if `declare`) and the nonce.
  void SetupWithNonce(psa_aead_operation_t* operation, bool encrypt, bool declare = false, size_t ad_length = 0,
                      size_t text_length = 0) {
    const Vector& v = GetParam();
    ASSERT_STATUS(PSA_SUCCESS, Setup(operation, encrypt));
    if (declare || IsCcm(v.alg)) {
      if (!declare) {
        ad_length = v.ad.size();
        text_length = v.plaintext.size();
      }
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(operation, ad_length, text_length));
    }
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_nonce(operation, v.nonce.data(), v.nonce.size()));
  }

  psa_status_t Update(psa_aead_operation_t* operation, size_t n) {
    const Bytes input = Message(n);
    GuardedBuffer out(n + 16);
    size_t length = 0;
    const psa_status_t status = psa_aead_update(operation, input.data(), n, out.data(), out.size(), &length);
    EXPECT_TRUE(out.GuardIntact());
    return status;
  }
  psa_status_t UpdateAd(psa_aead_operation_t* operation, size_t n) {
    const Bytes input = Message(n, 2);
    return psa_aead_update_ad(operation, input.data(), n);
  }
  psa_status_t Finish(psa_aead_operation_t* operation) {
    GuardedBuffer out(16), tag(16);
    size_t length = 0, tag_length = 0;
    const psa_status_t status =
        psa_aead_finish(operation, out.data(), out.size(), &length, tag.data(), tag.size(), &tag_length);
    EXPECT_TRUE(out.GuardIntact() && tag.GuardIntact());
    return status;
  }
  psa_status_t Verify(psa_aead_operation_t* operation, const Bytes& tag) {
    GuardedBuffer out(16);
    size_t length = 0;
    const psa_status_t status = psa_aead_verify(operation, out.data(), out.size(), &length, tag.data(), tag.size());
    EXPECT_TRUE(out.GuardIntact());
    return status;
  }
  psa_status_t Verify(psa_aead_operation_t* operation) { return Verify(operation, Bytes(GetParam().tag_length(), 0)); }

  // Expects every call but abort and setup to be PSA_ERROR_BAD_STATE.
  void ExpectInactiveCallsAreBadState(psa_aead_operation_t* operation) {
    const Vector& v = GetParam();
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_set_lengths(operation, 0, 0));
    GuardedBuffer nonce(PSA_AEAD_NONCE_MAX_SIZE);
    size_t length = 0;
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_generate_nonce(operation, nonce.data(), nonce.size(), &length));
    EXPECT_TRUE(nonce.GuardIntact());
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_set_nonce(operation, v.nonce.data(), v.nonce.size()));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, UpdateAd(operation, 4));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, Update(operation, 4));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, Finish(operation));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, Verify(operation));
  }

  // Expects `operation` to work again from setup after an abort.
  void ExpectAbortThenSetupWorks(psa_aead_operation_t* operation) {
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(operation));
    SetupWithNonce(operation, true);
    ExpectRestGivesTheKnownAnswer(operation, 0, 0);
  }

  // Feeds the vector's AD from `ad_done` and plaintext from `text_done` to
  // an encryption fed the bytes before them, finishes it and expects the
  // rest of the vector's ciphertext and its tag.
  void ExpectRestGivesTheKnownAnswer(psa_aead_operation_t* operation, size_t ad_done, size_t text_done) {
    const Vector& v = GetParam();
    if (ad_done < v.ad.size()) {
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_update_ad(operation, v.ad.data() + ad_done, v.ad.size() - ad_done));
    }
    GuardedBuffer out(v.plaintext.size() + 32);
    size_t length = 0;
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_update(operation, v.plaintext.data() + text_done,
                                               v.plaintext.size() - text_done, out.data(), out.size(), &length));
    GuardedBuffer tag(16);
    size_t finish_length = 0, tag_length = 0;
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_finish(operation, out.data() + length, out.size() - length, &finish_length,
                                               tag.data(), tag.size(), &tag_length));
    EXPECT_EQ(ToHex(Concat(out.Prefix(length + finish_length), tag.Prefix(tag_length))),
              ToHex(Slice(v.ciphertext, text_done, v.ciphertext.size() - text_done)));
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(operation));
  }

  ScopedKey key_;
};

TEST_P(AeadState, InactiveOperationIsBadStateEverywhere) {
  psa_aead_operation_t from_macro = PSA_AEAD_OPERATION_INIT;
  ExpectInactiveCallsAreBadState(&from_macro);
  ExpectAbortThenSetupWorks(&from_macro);

  psa_aead_operation_t from_function = psa_aead_operation_init();
  ExpectInactiveCallsAreBadState(&from_function);
  ExpectAbortThenSetupWorks(&from_function);

  psa_aead_operation_t zeroed;
  memset(&zeroed, 0, sizeof(zeroed));
  ExpectInactiveCallsAreBadState(&zeroed);
  ExpectAbortThenSetupWorks(&zeroed);
}

TEST_P(AeadState, AbortIsIdempotent) {
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
  EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
  SetupWithNonce(&operation, false);
  EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
  EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
  ExpectInactiveCallsAreBadState(&operation);
  ExpectAbortThenSetupWorks(&operation);
}

TEST_P(AeadState, FinishedOperationIsInactive) {
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  SetupWithNonce(&operation, true);
  ExpectRestGivesTheKnownAnswer(&operation, 0, 0);
  ExpectInactiveCallsAreBadState(&operation);
  const Vector& v = GetParam();
  Bytes out;
  ASSERT_STATUS(PSA_SUCCESS, Multipart(false, key_.id(), v.type, v.alg, v.nonce, v.ad, v.ciphertext, 7, false, &out));
  ExpectAbortThenSetupWorks(&operation);
}

// Before the nonce ("it must be active, have a nonce set"): update_ad,
// update, finish and verify are PSA_ERROR_BAD_STATE, and the operation is
// then in an error state (a nonce is refused too).
TEST_P(AeadState, CallsBeforeTheNonce) {
  const Vector& v = GetParam();
  enum Call { kUpdateAd, kUpdate, kFinish, kVerify };
  for (Call call : {kUpdateAd, kUpdate, kFinish, kVerify}) {
    SCOPED_TRACE(call);
    const bool encrypt = call != kVerify;
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, Setup(&operation, encrypt));
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, 4, 4));
    psa_status_t status = PSA_SUCCESS;
    switch (call) {
      case kUpdateAd:
        status = UpdateAd(&operation, 4);
        break;
      case kUpdate:
        status = Update(&operation, 4);
        break;
      case kFinish:
        status = Finish(&operation);
        break;
      case kVerify:
        status = Verify(&operation);
        break;
    }
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, status);
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_set_nonce(&operation, v.nonce.data(), v.nonce.size()));
    ExpectAbortThenSetupWorks(&operation);
  }
}

// "psa_aead_update() must not have been called yet".
TEST_P(AeadState, UpdateAdAfterUpdate) {
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  SetupWithNonce(&operation, true, /*declare=*/true, 4, 8);
  ASSERT_STATUS(PSA_SUCCESS, UpdateAd(&operation, 4));
  ASSERT_STATUS(PSA_SUCCESS, Update(&operation, 4));
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, UpdateAd(&operation, 4));
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, Update(&operation, 4));
  ExpectAbortThenSetupWorks(&operation);
}

// "psa_aead_set_nonce() and psa_aead_generate_nonce() must not have been
// called yet".
TEST_P(AeadState, SetLengthsAfterTheNonce) {
  const Vector& v = GetParam();
  for (bool generate : {false, true}) {
    SCOPED_TRACE(generate ? "generated nonce" : "set nonce");
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, Setup(&operation, true));
    if (IsCcm(v.alg)) {
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, 0, 0));
    }
    if (generate) {
      GuardedBuffer nonce(PSA_AEAD_NONCE_MAX_SIZE);
      size_t length = 0;
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_generate_nonce(&operation, nonce.data(), nonce.size(), &length));
    } else {
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_nonce(&operation, v.nonce.data(), v.nonce.size()));
    }
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_set_lengths(&operation, 0, 0));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, Finish(&operation));
    ExpectAbortThenSetupWorks(&operation);
  }
}

// "The operation state is not valid: it must be active, with no nonce set."
TEST_P(AeadState, NonceTwice) {
  const Vector& v = GetParam();
  for (int order = 0; order < 4; ++order) {
    const bool first_generated = (order & 1) != 0, second_generated = (order & 2) != 0;
    SCOPED_TRACE(order);
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, Setup(&operation, true));
    if (IsCcm(v.alg)) {
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, 0, 0));
    }
    GuardedBuffer nonce(PSA_AEAD_NONCE_MAX_SIZE);
    size_t length = 0;
    for (int i = 0; i < 2; ++i) {
      const bool generated = i == 0 ? first_generated : second_generated;
      const psa_status_t expected = i == 0 ? PSA_SUCCESS : PSA_ERROR_BAD_STATE;
      if (generated) {
        EXPECT_STATUS(expected, psa_aead_generate_nonce(&operation, nonce.data(), nonce.size(), &length));
      } else {
        EXPECT_STATUS(expected, psa_aead_set_nonce(&operation, v.nonce.data(), v.nonce.size()));
      }
    }
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, Finish(&operation));
    ExpectAbortThenSetupWorks(&operation);
  }
}

// generate_nonce: "it must be an active AEAD encryption operation".
TEST_P(AeadState, GenerateNonceOnADecryption) {
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, Setup(&operation, false));
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, 0, 0));
  GuardedBuffer nonce(PSA_AEAD_NONCE_MAX_SIZE);
  size_t length = 0;
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_generate_nonce(&operation, nonce.data(), nonce.size(), &length));
  EXPECT_TRUE(nonce.GuardIntact());
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_set_nonce(&operation, GetParam().nonce.data(), GetParam().nonce.size()));
  ExpectAbortThenSetupWorks(&operation);
}

// finish: "an active encryption operation"; verify: "an active decryption
// operation".
TEST_P(AeadState, FinishOnADecryptionAndVerifyOnAnEncryption) {
  for (bool encrypt : {true, false}) {
    SCOPED_TRACE(encrypt ? "verify on an encryption" : "finish on a decryption");
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    SetupWithNonce(&operation, encrypt, /*declare=*/true, 0, 0);
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, encrypt ? Verify(&operation) : Finish(&operation));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, encrypt ? Finish(&operation) : Verify(&operation));
    ExpectAbortThenSetupWorks(&operation);
  }
}

// Nonce without psa_aead_set_lengths(). CCM: "the application must call
// psa_aead_set_lengths() before providing the nonce": set_nonce and
// generate_nonce without it are PSA_ERROR_BAD_STATE ("this is an algorithm
// which requires psa_aead_set_lengths() to be called before setting the
// nonce"). "For the other AEAD algorithms defined in this specification,
// calling this function is not required": the operation works without.
TEST_P(AeadState, NonceWithoutLengths) {
  const Vector& v = GetParam();
  for (bool generate : {false, true}) {
    SCOPED_TRACE(generate ? "generate_nonce" : "set_nonce");
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, Setup(&operation, true));
    const psa_status_t expected = IsCcm(v.alg) ? PSA_ERROR_BAD_STATE : PSA_SUCCESS;
    if (generate) {
      GuardedBuffer nonce(PSA_AEAD_NONCE_MAX_SIZE);
      size_t length = 0;
      EXPECT_STATUS(expected, psa_aead_generate_nonce(&operation, nonce.data(), nonce.size(), &length));
      EXPECT_TRUE(nonce.GuardIntact());
    } else {
      EXPECT_STATUS(expected, psa_aead_set_nonce(&operation, v.nonce.data(), v.nonce.size()));
      if (expected == PSA_SUCCESS) {
        ExpectRestGivesTheKnownAnswer(&operation, 0, 0);
        continue;
      }
    }
    if (expected != PSA_SUCCESS) {
      // Error state.
      EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_set_lengths(&operation, 0, 0));
    }
    ExpectAbortThenSetupWorks(&operation);
  }
}

// Declared lengths are enforced ("if this function is called then the
// implementation must enforce the lengths"): too much AD or message at
// update_ad/update, too little AD at update, too little of either at finish
// or verify: PSA_ERROR_INVALID_ARGUMENT, then the error state.
TEST_P(AeadState, DeclaredLengthsAreEnforced) {
  struct Case {
    const char* name;
    bool encrypt;
    size_t ad_length, text_length;  // declared
    std::vector<size_t> ad, text;   // passed, in calls
    bool end;                       // finish/verify is the failing call
  } cases[] = {
      {"TooMuchAdAtOnce", true, 4, 10, {5}, {}, false},
      {"TooMuchAdInTwoCalls", false, 4, 10, {3, 2}, {}, false},
      {"TooMuchMessageAtOnce", true, 0, 10, {}, {11}, false},
      {"TooMuchMessageInTwoCalls", false, 0, 10, {}, {6, 5}, false},
      {"TooLittleAdBeforeTheMessage", true, 4, 10, {3}, {10}, false},
      {"TooLittleMessageAtFinish", true, 0, 10, {}, {9}, true},
      {"TooLittleMessageAtVerify", false, 0, 10, {}, {9}, true},
      {"TooLittleAdAtFinish", true, 4, 0, {3}, {}, true},
      {"TooLittleAdAtVerify", false, 4, 0, {3}, {}, true},
      {"NoMessageAtFinish", true, 0, 1, {}, {}, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    SetupWithNonce(&operation, c.encrypt, /*declare=*/true, c.ad_length, c.text_length);
    std::vector<psa_status_t> statuses;
    for (size_t n : c.ad) statuses.push_back(UpdateAd(&operation, n));
    for (size_t n : c.text) statuses.push_back(Update(&operation, n));
    if (c.end) statuses.push_back(c.encrypt ? Finish(&operation) : Verify(&operation));
    ASSERT_FALSE(statuses.empty());
    for (size_t i = 0; i + 1 < statuses.size(); ++i) EXPECT_STATUS(PSA_SUCCESS, statuses[i]) << "call " << i;
    EXPECT_STATUS(kInvalid, statuses.back());
    // Error state.
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, c.encrypt ? Finish(&operation) : Verify(&operation));
    ExpectAbortThenSetupWorks(&operation);
  }
}

// Exactly the declared lengths work, in several calls.
TEST_P(AeadState, DeclaredLengthsMet) {
  const Vector& v = GetParam();
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  SetupWithNonce(&operation, true, /*declare=*/true, v.ad.size(), v.plaintext.size());
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_update_ad(&operation, v.ad.data(), 3));
  ExpectRestGivesTheKnownAnswer(&operation, 3, 0);
}

// Setup on an active operation: PSA_ERROR_BAD_STATE, the active operation
// unchanged and still usable.
TEST_P(AeadState, SetupOnAnActiveOperation) {
  const Vector& v = GetParam();
  ScopedKey other(PSA_KEY_TYPE_AES, kat::kGcmKey, kEncryptDecrypt, PSA_ALG_GCM);
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, Setup(&operation, true));
  for (int stage = 0; stage < 3; ++stage) {
    SCOPED_TRACE(stage);
    if (stage == 1) {
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, v.ad.size(), v.plaintext.size()));
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_nonce(&operation, v.nonce.data(), v.nonce.size()));
    }
    if (stage == 2) {
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_update_ad(&operation, v.ad.data(), 5));
    }
    psa_aead_operation_t before;
    memcpy(&before, &operation, sizeof(before));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_encrypt_setup(&operation, key_.id(), v.alg));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_decrypt_setup(&operation, other.id(), PSA_ALG_GCM));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_encrypt_setup(&operation, PSA_KEY_ID_NULL, PSA_ALG_SHA_256));
    EXPECT_EQ(memcmp(&before, &operation, sizeof(before)), 0) << "a refused setup changed the active operation";
  }
  ExpectRestGivesTheKnownAnswer(&operation, 5, 0);
}

// psa_destroy_key: "If a key is currently in use in a multi-part operation,
// then destroying the key will cause the multi-part operation to fail."
TEST_P(AeadState, DestroyingTheKeyMakesTheActiveOperationFail) {
  const Vector& v = GetParam();
  ScopedKey key(v.type, v.key, kEncryptDecrypt, v.alg);
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_encrypt_setup(&operation, key.id(), v.alg));
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, v.ad.size(), v.plaintext.size()));
  ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_nonce(&operation, v.nonce.data(), v.nonce.size()));
  ASSERT_STATUS(PSA_SUCCESS, key.DestroyNow());
  psa_status_t status = psa_aead_update_ad(&operation, v.ad.data(), v.ad.size());
  GuardedBuffer out(v.plaintext.size() + 16), tag(16);
  size_t length = 0, finish_length = 0, tag_length = 0;
  if (status == PSA_SUCCESS) {
    status = psa_aead_update(&operation, v.plaintext.data(), v.plaintext.size(), out.data(), out.size(), &length);
  }
  if (status == PSA_SUCCESS) {
    status = psa_aead_finish(&operation, out.data() + length, out.size() - length, &finish_length, tag.data(),
                             tag.size(), &tag_length);
  }
  EXPECT_NE(status, PSA_SUCCESS) << "the operation encrypted with a destroyed key";
  EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
}

INSTANTIATE_TEST_SUITE_P(Vectors, AeadState, ::testing::ValuesIn(Vectors()),
                         [](const ::testing::TestParamInfo<Vector>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// Bad tags. psa_aead_decrypt: "PSA_ERROR_INVALID_SIGNATURE: The ciphertext is
// not authentic"; the plaintext of an inauthentic ciphertext never reaches
// the caller's buffer.

class AeadTag : public ::testing::TestWithParam<Vector> {
 protected:
  void SetUp() override { key_ = ScopedKey(GetParam().type, GetParam().key, kEncryptDecrypt, GetParam().alg); }

  // Tampered versions of the vector's ciphertext and tag.
  std::vector<Bytes> Tampered() const {
    const Vector& v = GetParam();
    std::vector<Bytes> out;
    const size_t n = v.ciphertext.size();
    for (size_t i : {n - 1, n - v.tag_length(), size_t{0}, v.plaintext.size() / 2}) {
      out.push_back(WithBitFlipped(v.ciphertext, i, static_cast<int>(i % 8)));
    }
    return out;
  }

  ScopedKey key_;
};

TEST_P(AeadTag, SinglePartDecryptReleasesNoPlaintext) {
  const Vector& v = GetParam();
  for (const Bytes& ciphertext : Tampered()) {
    for (size_t size : {v.plaintext.size(), v.ciphertext.size() + 16}) {
      GuardedBuffer out(size);
      size_t length = 0;
      EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE,
                    psa_aead_decrypt(key_.id(), v.alg, v.nonce.data(), v.nonce.size(), v.ad.data(), v.ad.size(),
                                     ciphertext.data(), ciphertext.size(), out.data(), out.size(), &length));
      EXPECT_TRUE(out.GuardIntact());
      EXPECT_TRUE(out.OnlyCanaryOrZero()) << "output of an inauthentic ciphertext: " << ToHex(out.Contents());
      EXPECT_FALSE(ContainsPartOf(out.Contents(), v.plaintext)) << "plaintext released: " << ToHex(out.Contents());
    }
  }
  // Wrong AD or nonce.
  Bytes out;
  EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE,
                Decrypt(key_.id(), v.alg, v.nonce, WithBitFlipped(v.ad, 0), v.ciphertext, &out));
  EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE,
                Decrypt(key_.id(), v.alg, WithBitFlipped(v.nonce, 3), v.ad, v.ciphertext, &out));
}

// Shorter than a tag: no authentic ciphertext is.
TEST_P(AeadTag, CiphertextShorterThanATag) {
  const Vector& v = GetParam();
  for (size_t length : {size_t{0}, v.tag_length() - 1}) {
    SCOPED_TRACE(length);
    Bytes out;
    const psa_status_t status = Decrypt(key_.id(), v.alg, v.nonce, v.ad, Slice(v.ciphertext, 0, length), &out, 64);
    EXPECT_TRUE(status == PSA_ERROR_INVALID_SIGNATURE || status == PSA_ERROR_INVALID_ARGUMENT) << StatusName(status);
  }
}

// psa_aead_verify with a bad tag: PSA_ERROR_INVALID_SIGNATURE, nothing of
// the held-back plaintext released, then the error state. (The plaintext
// that update gave out before is the caller's to discard, per the
// specification's multi-part warning.)
TEST_P(AeadTag, VerifyWithABadTagReleasesNoPlaintext) {
  const Vector& v = GetParam();
  const Bytes tag = Slice(v.ciphertext, v.plaintext.size(), v.tag_length());
  std::vector<Bytes> bad_tags = {WithBitFlipped(tag, 0), WithBitFlipped(tag, tag.size() - 1, 7),
                                 Slice(tag, 0, tag.size() - 1), Concat(tag, Bytes{0}), Bytes()};
  for (const Bytes& bad : bad_tags) {
    SCOPED_TRACE(ToHex(bad));
    psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_decrypt_setup(&operation, key_.id(), v.alg));
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, v.ad.size(), v.plaintext.size()));
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_nonce(&operation, v.nonce.data(), v.nonce.size()));
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_update_ad(&operation, v.ad.data(), v.ad.size()));
    // All but the last 7 bytes, then those: a block mode holds some back.
    const size_t head = v.plaintext.size() - 7;
    GuardedBuffer out(v.plaintext.size() + 16);
    size_t length = 0, tail_length = 0;
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_update(&operation, v.ciphertext.data(), head, out.data(), out.size(), &length));
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_update(&operation, v.ciphertext.data() + head, 7, out.data() + length,
                                               out.size() - length, &tail_length));
    const size_t released = length + tail_length;
    GuardedBuffer verify_out(PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE);
    size_t verify_length = 0;
    EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, psa_aead_verify(&operation, verify_out.data(), verify_out.size(),
                                                               &verify_length, DataOrNull(bad), bad.size()));
    EXPECT_TRUE(verify_out.GuardIntact());
    EXPECT_TRUE(verify_out.OnlyCanaryOrZero()) << "verify output with a bad tag: " << ToHex(verify_out.Contents());
    EXPECT_FALSE(ContainsPartOf(verify_out.Contents(), Slice(v.plaintext, released, v.plaintext.size() - released),
                                std::min<size_t>(8, v.plaintext.size() - released)))
        << "plaintext released: " << ToHex(verify_out.Contents());
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_aead_verify(&operation, verify_out.data(), verify_out.size(), &verify_length,
                                                       tag.data(), tag.size()));
    EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
  }
}

INSTANTIATE_TEST_SUITE_P(Vectors, AeadTag, ::testing::ValuesIn(Vectors()),
                         [](const ::testing::TestParamInfo<Vector>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// Shortened tags and their policies.

// GCM's shortened tags are the leading bytes of the full tag over the same
// ciphertext (SP 800-38D, MSB_t).
TEST(AeadShortenedTag, GcmTagsAreTruncationsOfTheFullTag) {
  const Vector& v = GcmVector();
  for (size_t tag_length : {4, 8, 12, 13, 14, 15, 16}) {
    SCOPED_TRACE(tag_length);
    const psa_algorithm_t alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, tag_length);
    ScopedKey key(PSA_KEY_TYPE_AES, v.key, kEncryptDecrypt, alg);
    const Bytes expected = Concat(kat::kGcmCiphertext, Slice(kat::kGcmTag, 0, tag_length));
    Bytes out;
    ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), alg, v.nonce, v.ad, v.plaintext, &out));
    EXPECT_EQ(ToHex(out), ToHex(expected));
    ASSERT_STATUS(PSA_SUCCESS,
                  Multipart(true, key.id(), PSA_KEY_TYPE_AES, alg, v.nonce, v.ad, v.plaintext, 16, false, &out));
    EXPECT_EQ(ToHex(out), ToHex(expected));
    ASSERT_STATUS(PSA_SUCCESS, Decrypt(key.id(), alg, v.nonce, v.ad, expected, &out));
    EXPECT_EQ(ToHex(out), ToHex(v.plaintext));
    ASSERT_STATUS(PSA_SUCCESS,
                  Multipart(false, key.id(), PSA_KEY_TYPE_AES, alg, v.nonce, v.ad, expected, 16, false, &out));
    EXPECT_EQ(ToHex(out), ToHex(v.plaintext));
    // The full tag is not a valid tag of the shortened algorithm.
    if (tag_length != 16) {
      EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, Decrypt(key.id(), alg, v.nonce, v.ad, v.ciphertext, &out));
    }
  }
}

// CCM's tag length enters its computation: each length gives another tag,
// and every one round-trips.
TEST(AeadShortenedTag, CcmEveryTagLength) {
  std::vector<Bytes> tags;
  for (size_t tag_length : {4, 6, 8, 10, 12, 14, 16}) {
    SCOPED_TRACE(tag_length);
    const psa_algorithm_t alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, tag_length);
    ScopedKey key(PSA_KEY_TYPE_AES, kat::kCcmKey, kEncryptDecrypt, alg);
    Bytes out, back;
    ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), alg, kat::kCcmNonce, kat::kCcmAd, kat::kCcmPlaintext, &out));
    ASSERT_EQ(out.size(), kat::kCcmPlaintext.size() + tag_length);
    if (tag_length == 8) {
      EXPECT_EQ(ToHex(out), ToHex(kat::kCcmCiphertextAndTag));
    }
    ASSERT_STATUS(PSA_SUCCESS, Decrypt(key.id(), alg, kat::kCcmNonce, kat::kCcmAd, out, &back));
    EXPECT_EQ(ToHex(back), ToHex(kat::kCcmPlaintext));
    const Bytes tag = Slice(out, kat::kCcmPlaintext.size(), tag_length);
    for (const Bytes& earlier : tags) EXPECT_NE(ToHex(Slice(earlier, 0, 4)), ToHex(Slice(tag, 0, 4)));
    tags.push_back(tag);
  }
}

// PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(base, n) permits the tags of
// `base` of n bytes or more, the default one included, and no other.
TEST(AeadPolicy, AtLeastThisLengthTag) {
  struct {
    psa_algorithm_t base;
    size_t minimum;
    std::vector<size_t> lengths;
  } cases[] = {{PSA_ALG_GCM, 12, {4, 8, 12, 13, 14, 15, 16}}, {PSA_ALG_CCM, 8, {4, 6, 8, 10, 12, 14, 16}}};
  for (const auto& c : cases) {
    const psa_algorithm_t policy = PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(c.base, c.minimum);
    ScopedKey key(PSA_KEY_TYPE_AES, kat::kGcmKey, kEncryptDecrypt, policy);
    const Bytes nonce = Message(12, 1);
    for (size_t length : c.lengths) {
      SCOPED_TRACE(::testing::Message() << "base 0x" << std::hex << c.base << std::dec << " tag " << length);
      const psa_algorithm_t alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(c.base, length);
      const psa_status_t expected = length >= c.minimum ? PSA_SUCCESS : kNotPermitted;
      Bytes out, back;
      EXPECT_STATUS(expected, Encrypt(key.id(), alg, nonce, Message(3), Message(20), &out));
      if (expected == PSA_SUCCESS) {
        EXPECT_EQ(out.size(), 20 + length);
        EXPECT_STATUS(PSA_SUCCESS, Decrypt(key.id(), alg, nonce, Message(3), out, &back));
      } else {
        EXPECT_STATUS(expected, Decrypt(key.id(), alg, nonce, Message(3), Message(20 + length), &back));
      }
      EXPECT_STATUS(expected,
                    Multipart(true, key.id(), PSA_KEY_TYPE_AES, alg, nonce, Message(3), Message(20), 0, false, &out));
    }
    Bytes out;
    EXPECT_STATUS(PSA_SUCCESS, Encrypt(key.id(), c.base, nonce, Bytes(), Message(20), &out));
    EXPECT_STATUS(kNotPermitted, Encrypt(key.id(), c.base == PSA_ALG_GCM ? PSA_ALG_CCM : PSA_ALG_GCM, nonce, Bytes(),
                                         Message(20), &out));
  }
}

TEST(AeadPolicy, ShortenedTagPolicyPermitsThatLengthOnly) {
  const psa_algorithm_t gcm12 = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12);
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kGcmKey, kEncryptDecrypt, gcm12);
  const Bytes nonce = Message(12, 1);
  Bytes out;
  EXPECT_STATUS(PSA_SUCCESS, Encrypt(key.id(), gcm12, nonce, Bytes(), Message(20), &out));
  for (size_t length : {8, 13, 16}) {
    SCOPED_TRACE(length);
    EXPECT_STATUS(kNotPermitted, Encrypt(key.id(), PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, length), nonce, Bytes(),
                                         Message(20), &out));
  }
  EXPECT_STATUS(kNotPermitted, Encrypt(key.id(), PSA_ALG_GCM, nonce, Bytes(), Message(20), &out));
}

// ---------------------------------------------------------------------------
// Overlapping buffers: "Output buffers can overlap with input buffers. In
// this event, the implementation must return the same result as if the
// buffers did not overlap". Shifts are output start - input start.

const long kOverlapShifts[] = {-33, -17, -16, -15, -1, 0, 1, 15, 16, 17, 33};
constexpr size_t kArenaMargin = 64;

struct Arena {
  Arena(const Bytes& input, long shift) : bytes(input.size() + 4 * kArenaMargin, 0x5a) {
    in = kArenaMargin + static_cast<size_t>(shift < 0 ? -shift : 0);
    out = static_cast<size_t>(static_cast<long>(in) + shift);
    std::copy(input.begin(), input.end(), bytes.begin() + in);
  }
  uint8_t* input() { return bytes.data() + in; }
  uint8_t* output() { return bytes.data() + out; }
  Bytes Output(size_t length) const { return Slice(bytes, out, length); }
  Bytes bytes;
  size_t in, out;
};

class AeadOverlap : public ::testing::TestWithParam<Vector> {
 protected:
  void SetUp() override { key_ = ScopedKey(GetParam().type, GetParam().key, kEncryptDecrypt, GetParam().alg); }
  ScopedKey key_;
};

TEST_P(AeadOverlap, EncryptAndDecryptGiveTheSameResult) {
  const Vector& v = GetParam();
  for (long shift : kOverlapShifts) {
    SCOPED_TRACE(shift);
    Arena encrypt_arena(v.plaintext, shift);
    size_t length = 0;
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_encrypt(key_.id(), v.alg, v.nonce.data(), v.nonce.size(), v.ad.data(),
                                                v.ad.size(), encrypt_arena.input(), v.plaintext.size(),
                                                encrypt_arena.output(), v.ciphertext.size(), &length));
    EXPECT_EQ(ToHex(encrypt_arena.Output(length)), ToHex(v.ciphertext));
    Arena decrypt_arena(v.ciphertext, shift);
    ASSERT_STATUS(PSA_SUCCESS, psa_aead_decrypt(key_.id(), v.alg, v.nonce.data(), v.nonce.size(), v.ad.data(),
                                                v.ad.size(), decrypt_arena.input(), v.ciphertext.size(),
                                                decrypt_arena.output(), v.plaintext.size(), &length));
    EXPECT_EQ(ToHex(decrypt_arena.Output(length)), ToHex(v.plaintext));
  }
}

// The output may overlap the other inputs as well: the additional data and
// the nonce.
TEST_P(AeadOverlap, OutputOverTheAdditionalDataOrTheNonce) {
  const Vector& v = GetParam();
  for (bool over_nonce : {false, true}) {
    for (long shift : {-8L, 0L, 5L}) {
      SCOPED_TRACE(::testing::Message() << (over_nonce ? "nonce" : "ad") << " shift " << shift);
      const Bytes& covered = over_nonce ? v.nonce : v.ad;
      // Encrypt: the ciphertext over `covered`.
      Arena arena(covered, shift);
      const uint8_t* nonce = over_nonce ? arena.input() : v.nonce.data();
      const uint8_t* ad = over_nonce ? v.ad.data() : arena.input();
      size_t length = 0;
      ASSERT_STATUS(PSA_SUCCESS,
                    psa_aead_encrypt(key_.id(), v.alg, nonce, v.nonce.size(), ad, v.ad.size(), v.plaintext.data(),
                                     v.plaintext.size(), arena.output(), v.ciphertext.size(), &length));
      EXPECT_EQ(ToHex(arena.Output(length)), ToHex(v.ciphertext));
      // Decrypt: the plaintext over `covered`.
      Arena back(covered, shift);
      nonce = over_nonce ? back.input() : v.nonce.data();
      ad = over_nonce ? v.ad.data() : back.input();
      ASSERT_STATUS(PSA_SUCCESS,
                    psa_aead_decrypt(key_.id(), v.alg, nonce, v.nonce.size(), ad, v.ad.size(), v.ciphertext.data(),
                                     v.ciphertext.size(), back.output(), v.plaintext.size(), &length));
      EXPECT_EQ(ToHex(back.Output(length)), ToHex(v.plaintext));
    }
  }
}

TEST_P(AeadOverlap, UpdateGivesTheSameResult) {
  const Vector& v = GetParam();
  for (bool encrypt : {true, false}) {
    for (long shift : kOverlapShifts) {
      SCOPED_TRACE(::testing::Message() << (encrypt ? "encrypt" : "decrypt") << " shift " << shift);
      psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
      ASSERT_STATUS(PSA_SUCCESS, encrypt ? psa_aead_encrypt_setup(&operation, key_.id(), v.alg)
                                         : psa_aead_decrypt_setup(&operation, key_.id(), v.alg));
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_lengths(&operation, v.ad.size(), v.plaintext.size()));
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_set_nonce(&operation, v.nonce.data(), v.nonce.size()));
      ASSERT_STATUS(PSA_SUCCESS, psa_aead_update_ad(&operation, v.ad.data(), v.ad.size()));
      const Bytes& input = encrypt ? v.plaintext : v.ciphertext;
      Bytes output;
      const size_t first = 21;
      size_t offset = 0;
      for (size_t n : {first, v.plaintext.size() - first}) {
        // Each update's input in an arena of its own.
        Arena arena(Slice(input, offset, n), shift);
        size_t length = 0;
        ASSERT_STATUS(PSA_SUCCESS, psa_aead_update(&operation, arena.input(), n, arena.output(),
                                                   PSA_AEAD_UPDATE_OUTPUT_SIZE(v.type, v.alg, n), &length));
        output = Concat(output, arena.Output(length));
        offset += n;
      }
      GuardedBuffer out(16), tag(16);
      size_t length = 0, tag_length = 0;
      if (encrypt) {
        ASSERT_STATUS(PSA_SUCCESS, psa_aead_finish(&operation, out.data(), out.size(), &length, tag.data(), tag.size(),
                                                   &tag_length));
        EXPECT_EQ(ToHex(Concat(Concat(output, out.Prefix(length)), tag.Prefix(tag_length))), ToHex(v.ciphertext));
      } else {
        ASSERT_STATUS(PSA_SUCCESS, psa_aead_verify(&operation, out.data(), out.size(), &length,
                                                   v.ciphertext.data() + v.plaintext.size(), v.tag_length()));
        EXPECT_EQ(ToHex(Concat(output, out.Prefix(length))), ToHex(v.plaintext));
      }
      EXPECT_STATUS(PSA_SUCCESS, psa_aead_abort(&operation));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Vectors, AeadOverlap, ::testing::ValuesIn(Vectors()),
                         [](const ::testing::TestParamInfo<Vector>& info) { return info.param.name; });

}  // namespace
}  // namespace psa::conformance
