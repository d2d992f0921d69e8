// The unauthenticated cipher API (PSA Crypto API 1.2, "Unauthenticated
// ciphers") through the public functions of a builtin-only build, against
// the statuses api/ops/cipher.rst lists for each function:
//   - a table of bad keys and algorithms run through psa_cipher_encrypt,
//     psa_cipher_decrypt, psa_cipher_encrypt_setup and
//     psa_cipher_decrypt_setup;
//   - input lengths the mode cannot take, IVs of a bad length;
//   - outputs one byte too small (encrypt, decrypt, generate_iv, update,
//     finish): PSA_ERROR_BUFFER_TOO_SMALL and nothing past the buffer;
//   - every operation state: inactive, before the IV, IV twice, generate_iv
//     when decrypting, setup on an active operation, after an error, abort;
//   - overlapping input and output ("Output buffers can overlap with input
//     buffers ... the same result as if the buffers did not overlap");
//   - bad PKCS#7 padding: PSA_ERROR_INVALID_PADDING and no plaintext left in
//     the output, single-part and multi-part;
//   - known answers of NIST SP 800-38A (CBC, CTR).

#include <gtest/gtest.h>
#include <string.h>

#include <algorithm>
#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/conformance/conformance_util.h"
#include "tests/keys/key_test_util.h"

namespace psa::conformance {
namespace {

const int kRegistered = (::psa::keys_testing::RegisterStorageEnvironment(), 0);

constexpr psa_key_usage_t kEncryptDecrypt = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;

bool IsInitialState(const psa_cipher_operation_t& operation) {
  const psa_cipher_operation_t init = PSA_CIPHER_OPERATION_INIT;
  return memcmp(&operation, &init, sizeof(init)) == 0;
}

Bytes MaterialFor(psa_key_type_t type) {
  switch (type) {
    case PSA_KEY_TYPE_AES:
      return kat::kAesKey;
    case PSA_KEY_TYPE_CHACHA20:
      return ::psa::keys_testing::PatternBytes(32, 7);
    case PSA_KEY_TYPE_DES:
      return ::psa::keys_testing::WithDesParity(::psa::keys_testing::PatternBytes(24, 8));
    case PSA_KEY_TYPE_HMAC:
      return kat::kHmacKey;
    default:
      return ::psa::keys_testing::PatternBytes(16, 9);
  }
}

// A message of `size` bytes.
Bytes Message(size_t size) { return ::psa::keys_testing::PatternBytes(size, 0x3c); }

// Multi-part encryption or decryption with `iv` (none if empty) in updates
// of `chunk` bytes (0: one update). Checks every output against its size
// macro. On success *output is the whole output.
psa_status_t Multipart(bool encrypt, psa_key_id_t key, psa_key_type_t type, psa_algorithm_t alg, const Bytes& iv,
                       const Bytes& input, size_t chunk, Bytes* output) {
  output->clear();
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  psa_status_t status =
      encrypt ? psa_cipher_encrypt_setup(&operation, key, alg) : psa_cipher_decrypt_setup(&operation, key, alg);
  if (status != PSA_SUCCESS) {
    EXPECT_TRUE(IsInitialState(operation)) << "a failed setup changed the operation";
    return status;
  }
  if (!iv.empty()) status = psa_cipher_set_iv(&operation, iv.data(), iv.size());
  if (chunk == 0) chunk = input.size() + 1;
  Bytes out;
  for (size_t offset = 0; offset < input.size() && status == PSA_SUCCESS; offset += chunk) {
    const size_t n = std::min(chunk, input.size() - offset);
    const size_t size = PSA_CIPHER_UPDATE_OUTPUT_SIZE(type, alg, n);
    GuardedBuffer buffer(size);
    size_t length = 0;
    status = psa_cipher_update(&operation, input.data() + offset, n, buffer.data(), buffer.size(), &length);
    EXPECT_TRUE(buffer.GuardIntact());
    EXPECT_LE(length, size);
    if (status == PSA_SUCCESS) out = Concat(out, buffer.Prefix(length));
  }
  if (status == PSA_SUCCESS) {
    const size_t size = PSA_CIPHER_FINISH_OUTPUT_SIZE(type, alg);
    GuardedBuffer buffer(size);
    size_t length = 0;
    status = psa_cipher_finish(&operation, buffer.data(), buffer.size(), &length);
    EXPECT_TRUE(buffer.GuardIntact());
    EXPECT_LE(length, size);
    if (status == PSA_SUCCESS) out = Concat(out, buffer.Prefix(length));
  }
  EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
  if (status == PSA_SUCCESS) *output = out;
  return status;
}

psa_status_t EncryptMultipart(psa_key_id_t key, psa_key_type_t type, psa_algorithm_t alg, const Bytes& iv,
                              const Bytes& input, size_t chunk, Bytes* output) {
  return Multipart(true, key, type, alg, iv, input, chunk, output);
}
psa_status_t DecryptMultipart(psa_key_id_t key, psa_key_type_t type, psa_algorithm_t alg, const Bytes& iv,
                              const Bytes& input, size_t chunk, Bytes* output) {
  return Multipart(false, key, type, alg, iv, input, chunk, output);
}

// Single-part, into a buffer of `size` bytes (default: the size macro).
psa_status_t Encrypt(psa_key_id_t key, psa_key_type_t type, psa_algorithm_t alg, const Bytes& input, Bytes* output,
                     size_t size = SIZE_MAX) {
  if (size == SIZE_MAX) size = PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(type, alg, input.size());
  GuardedBuffer buffer(size);
  size_t length = 0;
  const psa_status_t status =
      psa_cipher_encrypt(key, alg, DataOrNull(input), input.size(), buffer.data(), buffer.size(), &length);
  EXPECT_TRUE(buffer.GuardIntact()) << "psa_cipher_encrypt wrote past the buffer";
  *output = status == PSA_SUCCESS ? buffer.Prefix(length) : Bytes();
  return status;
}
psa_status_t Decrypt(psa_key_id_t key, psa_key_type_t type, psa_algorithm_t alg, const Bytes& input, Bytes* output,
                     size_t size = SIZE_MAX) {
  if (size == SIZE_MAX) size = PSA_CIPHER_DECRYPT_OUTPUT_SIZE(type, alg, input.size());
  GuardedBuffer buffer(size);
  size_t length = 0;
  const psa_status_t status =
      psa_cipher_decrypt(key, alg, DataOrNull(input), input.size(), buffer.data(), buffer.size(), &length);
  EXPECT_TRUE(buffer.GuardIntact()) << "psa_cipher_decrypt wrote past the buffer";
  *output = status == PSA_SUCCESS ? buffer.Prefix(length) : Bytes();
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
  psa_status_t encrypt_status;  // psa_cipher_encrypt, psa_cipher_encrypt_setup
  psa_status_t decrypt_status;  // psa_cipher_decrypt, psa_cipher_decrypt_setup
};

std::ostream& operator<<(std::ostream& os, const ArgumentCase& c) { return os << c.name; }

constexpr psa_algorithm_t kCbc = PSA_ALG_CBC_NO_PADDING;

const ArgumentCase kArgumentCases[] = {
    {"NullKeyId", KeySource::kNull, 0, 0, 0, kCbc, PSA_ERROR_INVALID_HANDLE, PSA_ERROR_INVALID_HANDLE},
    {"DestroyedKey", KeySource::kDestroyed, 0, 0, 0, kCbc, PSA_ERROR_INVALID_HANDLE, PSA_ERROR_INVALID_HANDLE},
    {"NeverCreatedPersistentId", KeySource::kNeverCreatedPersistent, 0, 0, 0, kCbc, PSA_ERROR_INVALID_HANDLE,
     PSA_ERROR_INVALID_HANDLE},
    {"NeverCreatedVolatileId", KeySource::kNeverCreatedVolatile, 0, 0, 0, kCbc, PSA_ERROR_INVALID_HANDLE,
     PSA_ERROR_INVALID_HANDLE},
    {"CbcValid", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, kCbc, kCbc, PSA_SUCCESS, PSA_SUCCESS},
    // Usage flags.
    {"EncryptOnlyKey", KeySource::kImported, PSA_KEY_TYPE_AES, PSA_KEY_USAGE_ENCRYPT, kCbc, kCbc, PSA_SUCCESS,
     PSA_ERROR_NOT_PERMITTED},
    {"DecryptOnlyKey", KeySource::kImported, PSA_KEY_TYPE_AES, PSA_KEY_USAGE_DECRYPT, kCbc, kCbc,
     PSA_ERROR_NOT_PERMITTED, PSA_SUCCESS},
    {"NoUsage", KeySource::kImported, PSA_KEY_TYPE_AES, 0, kCbc, kCbc, PSA_ERROR_NOT_PERMITTED,
     PSA_ERROR_NOT_PERMITTED},
    {"SignVerifyUsageOnly", KeySource::kImported, PSA_KEY_TYPE_AES,
     PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_EXPORT, kCbc, kCbc,
     PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_PERMITTED},
    // Algorithms the policy does not permit.
    {"PolicyNone", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_NONE, kCbc, PSA_ERROR_NOT_PERMITTED,
     PSA_ERROR_NOT_PERMITTED},
    {"PolicyCtrRequestCbc", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_CTR, kCbc,
     PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_PERMITTED},
    {"PolicyPkcs7RequestNoPadding", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_CBC_PKCS7, kCbc,
     PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_PERMITTED},
    {"PolicyGcmRequestCbc", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_GCM, kCbc,
     PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_PERMITTED},
    {"PolicyCmacRequestCbc", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_CMAC, kCbc,
     PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_PERMITTED},
    // Not cipher algorithms.
    {"AlgNone", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, kCbc, PSA_ALG_NONE, PSA_ERROR_INVALID_ARGUMENT,
     PSA_ERROR_INVALID_ARGUMENT},
    {"MacAlg", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_CMAC, PSA_ALG_CMAC,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"HmacAlg", KeySource::kImported, PSA_KEY_TYPE_HMAC, kEncryptDecrypt, PSA_ALG_HMAC(PSA_ALG_SHA_256),
     PSA_ALG_HMAC(PSA_ALG_SHA_256), PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"HashAlg", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, kCbc, PSA_ALG_SHA_256,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"AeadAlg", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_GCM, PSA_ALG_GCM,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"AsymmetricEncryptionAlg", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, kCbc,
     PSA_ALG_RSA_PKCS1V15_CRYPT, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    // Key types that do not suit the algorithm (the policy permits it).
    {"CbcWithChacha20Key", KeySource::kImported, PSA_KEY_TYPE_CHACHA20, kEncryptDecrypt, kCbc, kCbc,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"EcbWithChacha20Key", KeySource::kImported, PSA_KEY_TYPE_CHACHA20, kEncryptDecrypt, PSA_ALG_ECB_NO_PADDING,
     PSA_ALG_ECB_NO_PADDING, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"StreamCipherWithAesKey", KeySource::kImported, PSA_KEY_TYPE_AES, kEncryptDecrypt, PSA_ALG_STREAM_CIPHER,
     PSA_ALG_STREAM_CIPHER, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"CbcWithHmacKey", KeySource::kImported, PSA_KEY_TYPE_HMAC, kEncryptDecrypt, kCbc, kCbc, PSA_ERROR_INVALID_ARGUMENT,
     PSA_ERROR_INVALID_ARGUMENT},
    {"CtrWithRawDataKey", KeySource::kImported, PSA_KEY_TYPE_RAW_DATA, kEncryptDecrypt, PSA_ALG_CTR, PSA_ALG_CTR,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"CtrWithDeriveKey", KeySource::kImported, PSA_KEY_TYPE_DERIVE, kEncryptDecrypt, PSA_ALG_CTR, PSA_ALG_CTR,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    // CCM* is defined for 128-bit block ciphers only.
    {"CcmStarWithDesKey", KeySource::kImported, PSA_KEY_TYPE_DES, kEncryptDecrypt, PSA_ALG_CCM_STAR_NO_TAG,
     PSA_ALG_CCM_STAR_NO_TAG, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
};

class CipherArguments : public ::testing::TestWithParam<ArgumentCase> {
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
  // Every successful case is AES-CBC with the SP 800-38A key.
  ScopedKey key_;
  psa_key_id_t id_ = PSA_KEY_ID_NULL;
};

TEST_P(CipherArguments, Encrypt) {
  const ArgumentCase& c = GetParam();
  GuardedBuffer out(PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(kat::kSp800_38aPlaintext.size()));
  size_t length = 0;
  EXPECT_STATUS(c.encrypt_status, psa_cipher_encrypt(id_, c.alg, kat::kSp800_38aPlaintext.data(),
                                                     kat::kSp800_38aPlaintext.size(), out.data(), out.size(), &length));
  EXPECT_TRUE(out.GuardIntact());
  if (c.encrypt_status == PSA_SUCCESS) {
    // IV || ciphertext: the ciphertext is CBC over the IV that was output.
    ASSERT_EQ(length, 16 + kat::kSp800_38aPlaintext.size());
    Bytes plaintext;
    ScopedKey decrypt(PSA_KEY_TYPE_AES, kat::kAesKey, PSA_KEY_USAGE_DECRYPT, kCbc);
    ASSERT_STATUS(PSA_SUCCESS, Decrypt(decrypt.id(), PSA_KEY_TYPE_AES, kCbc, out.Prefix(length), &plaintext));
    EXPECT_EQ(ToHex(plaintext), ToHex(kat::kSp800_38aPlaintext));
  }
}

TEST_P(CipherArguments, Decrypt) {
  const ArgumentCase& c = GetParam();
  const Bytes input = Concat(kat::kCbcIv, kat::kCbcCiphertext);
  GuardedBuffer out(input.size());
  size_t length = 0;
  EXPECT_STATUS(c.decrypt_status,
                psa_cipher_decrypt(id_, c.alg, input.data(), input.size(), out.data(), out.size(), &length));
  EXPECT_TRUE(out.GuardIntact());
  if (c.decrypt_status == PSA_SUCCESS) {
    EXPECT_EQ(ToHex(out.Prefix(length)), ToHex(kat::kSp800_38aPlaintext));
  }
}

TEST_P(CipherArguments, EncryptSetup) {
  const ArgumentCase& c = GetParam();
  Bytes output;
  EXPECT_STATUS(c.encrypt_status,
                EncryptMultipart(id_, PSA_KEY_TYPE_AES, c.alg, kat::kCbcIv, kat::kSp800_38aPlaintext, 0, &output));
  if (c.encrypt_status == PSA_SUCCESS) {
    EXPECT_EQ(ToHex(output), ToHex(kat::kCbcCiphertext));
  }
}

TEST_P(CipherArguments, DecryptSetup) {
  const ArgumentCase& c = GetParam();
  Bytes output;
  EXPECT_STATUS(c.decrypt_status,
                DecryptMultipart(id_, PSA_KEY_TYPE_AES, c.alg, kat::kCbcIv, kat::kCbcCiphertext, 0, &output));
  if (c.decrypt_status == PSA_SUCCESS) {
    EXPECT_EQ(ToHex(output), ToHex(kat::kSp800_38aPlaintext));
  }
}

INSTANTIATE_TEST_SUITE_P(Table, CipherArguments, ::testing::ValuesIn(kArgumentCases),
                         [](const ::testing::TestParamInfo<ArgumentCase>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// Known answers.

TEST(CipherKnownAnswer, CbcAes128Sp800_38a) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, kCbc);
  Bytes out;
  ASSERT_STATUS(PSA_SUCCESS, Decrypt(key.id(), PSA_KEY_TYPE_AES, kCbc, Concat(kat::kCbcIv, kat::kCbcCiphertext), &out));
  EXPECT_EQ(ToHex(out), ToHex(kat::kSp800_38aPlaintext));
  for (size_t chunk : {0, 1, 5, 15, 16, 17, 33}) {
    SCOPED_TRACE(chunk);
    ASSERT_STATUS(PSA_SUCCESS, EncryptMultipart(key.id(), PSA_KEY_TYPE_AES, kCbc, kat::kCbcIv, kat::kSp800_38aPlaintext,
                                                chunk, &out));
    EXPECT_EQ(ToHex(out), ToHex(kat::kCbcCiphertext));
    ASSERT_STATUS(PSA_SUCCESS,
                  DecryptMultipart(key.id(), PSA_KEY_TYPE_AES, kCbc, kat::kCbcIv, kat::kCbcCiphertext, chunk, &out));
    EXPECT_EQ(ToHex(out), ToHex(kat::kSp800_38aPlaintext));
  }
}

TEST(CipherKnownAnswer, CtrAes128Sp800_38a) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, PSA_ALG_CTR);
  Bytes out;
  ASSERT_STATUS(PSA_SUCCESS, Decrypt(key.id(), PSA_KEY_TYPE_AES, PSA_ALG_CTR,
                                     Concat(kat::kCtrInitialCounter, kat::kCtrCiphertext), &out));
  EXPECT_EQ(ToHex(out), ToHex(kat::kSp800_38aPlaintext));
  for (size_t chunk : {0, 1, 7, 16, 31}) {
    SCOPED_TRACE(chunk);
    ASSERT_STATUS(PSA_SUCCESS, EncryptMultipart(key.id(), PSA_KEY_TYPE_AES, PSA_ALG_CTR, kat::kCtrInitialCounter,
                                                kat::kSp800_38aPlaintext, chunk, &out));
    EXPECT_EQ(ToHex(out), ToHex(kat::kCtrCiphertext));
  }
}

// psa_cipher_encrypt outputs a fresh random IV, then the ciphertext under it.
TEST(CipherKnownAnswer, EncryptOutputsAFreshIvThenTheCiphertext) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, kCbc);
  Bytes first, second;
  ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), PSA_KEY_TYPE_AES, kCbc, kat::kSp800_38aPlaintext, &first));
  ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), PSA_KEY_TYPE_AES, kCbc, kat::kSp800_38aPlaintext, &second));
  ASSERT_EQ(first.size(), 80u);
  EXPECT_NE(ToHex(Slice(first, 0, 16)), ToHex(Slice(second, 0, 16))) << "the same IV twice";
  Bytes plaintext;
  ASSERT_STATUS(PSA_SUCCESS, DecryptMultipart(key.id(), PSA_KEY_TYPE_AES, kCbc, Slice(first, 0, 16),
                                              Slice(first, 16, 64), 0, &plaintext));
  EXPECT_EQ(ToHex(plaintext), ToHex(kat::kSp800_38aPlaintext));
}

// Round trips of every mode the builtin driver has, single-part against
// multi-part.
TEST(CipherKnownAnswer, RoundTripsOfEveryMode) {
  struct Mode {
    psa_key_type_t type;
    psa_algorithm_t alg;
    size_t message;
  } modes[] = {
      {PSA_KEY_TYPE_AES, PSA_ALG_ECB_NO_PADDING, 48},
      {PSA_KEY_TYPE_AES, kCbc, 48},
      {PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, 45},
      {PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, 48},
      {PSA_KEY_TYPE_AES, PSA_ALG_CTR, 45},
      {PSA_KEY_TYPE_AES, PSA_ALG_CFB, 45},
      {PSA_KEY_TYPE_AES, PSA_ALG_OFB, 45},
      {PSA_KEY_TYPE_AES, PSA_ALG_CCM_STAR_NO_TAG, 45},
      {PSA_KEY_TYPE_DES, kCbc, 48},
      {PSA_KEY_TYPE_DES, PSA_ALG_CBC_PKCS7, 45},
      {PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, 130},
  };
  for (const Mode& m : modes) {
    SCOPED_TRACE(::testing::Message() << "type 0x" << std::hex << m.type << " alg 0x" << m.alg);
    ScopedKey key(m.type, MaterialFor(m.type), kEncryptDecrypt, m.alg);
    const Bytes message = Message(m.message);
    Bytes ciphertext;
    ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), m.type, m.alg, message, &ciphertext));
    const size_t iv_length = PSA_CIPHER_IV_LENGTH(m.type, m.alg);
    ASSERT_GE(ciphertext.size(), iv_length);
    EXPECT_LE(ciphertext.size(), PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(m.type, m.alg, message.size()));
    Bytes plaintext;
    ASSERT_STATUS(PSA_SUCCESS, Decrypt(key.id(), m.type, m.alg, ciphertext, &plaintext));
    EXPECT_EQ(ToHex(plaintext), ToHex(message));
    const Bytes iv = Slice(ciphertext, 0, iv_length);
    const Bytes body = Slice(ciphertext, iv_length, ciphertext.size() - iv_length);
    for (size_t chunk : {0, 1, 8, 13}) {
      SCOPED_TRACE(chunk);
      Bytes multipart;
      ASSERT_STATUS(PSA_SUCCESS, EncryptMultipart(key.id(), m.type, m.alg, iv, message, chunk, &multipart));
      EXPECT_EQ(ToHex(multipart), ToHex(body));
      ASSERT_STATUS(PSA_SUCCESS, DecryptMultipart(key.id(), m.type, m.alg, iv, body, chunk, &multipart));
      EXPECT_EQ(ToHex(multipart), ToHex(message));
    }
  }
}

// PSA_ALG_CTR: "if the IV passed to psa_cipher_set_iv() is shorter than a
// cipher block, the initial counter block is formed by padding the end of
// the IV with zero bytes up to the block length".
TEST(CipherIvSemantics, CtrShortIvIsZeroPadded) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, PSA_ALG_CTR);
  const Bytes message = Message(70);
  for (size_t length : {1, 8, 12, 15}) {
    SCOPED_TRACE(length);
    const Bytes iv = Slice(kat::kCtrInitialCounter, 0, length);
    Bytes padded = iv;
    padded.resize(16, 0);
    Bytes short_out, padded_out;
    ASSERT_STATUS(PSA_SUCCESS, EncryptMultipart(key.id(), PSA_KEY_TYPE_AES, PSA_ALG_CTR, iv, message, 9, &short_out));
    ASSERT_STATUS(PSA_SUCCESS,
                  EncryptMultipart(key.id(), PSA_KEY_TYPE_AES, PSA_ALG_CTR, padded, message, 0, &padded_out));
    EXPECT_EQ(ToHex(short_out), ToHex(padded_out));
  }
}

// ChaCha20 with PSA_ALG_STREAM_CIPHER: a 12-byte IV is the RFC 8439 nonce
// with counter 0; a 16-byte IV is a 32-bit little-endian counter then the
// nonce, so counter 0 gives the 12-byte result and counter 1 the same
// keystream 64 bytes on; psa_cipher_encrypt uses a 12-byte nonce.
TEST(CipherIvSemantics, Chacha20IvForms) {
  ScopedKey key(PSA_KEY_TYPE_CHACHA20, MaterialFor(PSA_KEY_TYPE_CHACHA20), kEncryptDecrypt, PSA_ALG_STREAM_CIPHER);
  const Bytes nonce = Message(12);
  const Bytes message = Message(200);
  Bytes with12, with16, counter1;
  ASSERT_STATUS(PSA_SUCCESS,
                EncryptMultipart(key.id(), PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, nonce, message, 0, &with12));
  ASSERT_STATUS(PSA_SUCCESS, EncryptMultipart(key.id(), PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER,
                                              Concat(Bytes{0, 0, 0, 0}, nonce), message, 0, &with16));
  EXPECT_EQ(ToHex(with16), ToHex(with12));
  ASSERT_STATUS(PSA_SUCCESS, EncryptMultipart(key.id(), PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER,
                                              Concat(Bytes{1, 0, 0, 0}, nonce), Slice(message, 64, 136), 0, &counter1));
  EXPECT_EQ(ToHex(counter1), ToHex(Slice(with12, 64, 136)));
  Bytes single;
  ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, message, &single));
  ASSERT_EQ(single.size(), 12 + message.size());
  Bytes expected;
  ASSERT_STATUS(PSA_SUCCESS, EncryptMultipart(key.id(), PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER,
                                              Slice(single, 0, 12), message, 0, &expected));
  EXPECT_EQ(ToHex(Slice(single, 12, message.size())), ToHex(expected));
}

// Every key size of every block cipher the builtin driver has, in a mode
// with an IV: single-part and multi-part agree and round-trip.
TEST(CipherKnownAnswer, EveryKeySize) {
  struct {
    psa_key_type_t type;
    size_t bytes;
    psa_algorithm_t alg;
  } keys[] = {
      {PSA_KEY_TYPE_AES, 16, kCbc},
      {PSA_KEY_TYPE_AES, 24, kCbc},
      {PSA_KEY_TYPE_AES, 32, PSA_ALG_CTR},
      {PSA_KEY_TYPE_CAMELLIA, 16, kCbc},
      {PSA_KEY_TYPE_CAMELLIA, 24, PSA_ALG_CBC_PKCS7},
      {PSA_KEY_TYPE_CAMELLIA, 32, PSA_ALG_CFB},
      {PSA_KEY_TYPE_DES, 8, kCbc},
      {PSA_KEY_TYPE_DES, 16, PSA_ALG_CBC_PKCS7},
      {PSA_KEY_TYPE_DES, 24, PSA_ALG_ECB_NO_PADDING},
  };
  for (const auto& k : keys) {
    SCOPED_TRACE(::testing::Message() << "type 0x" << std::hex << k.type << std::dec << " " << k.bytes * 8
                                      << " bits, alg 0x" << std::hex << k.alg);
    Bytes material = ::psa::keys_testing::PatternBytes(k.bytes, 0x52);
    if (k.type == PSA_KEY_TYPE_DES) material = ::psa::keys_testing::WithDesParity(material);
    ScopedKey key(k.type, material, kEncryptDecrypt, k.alg);
    const Bytes message = Message(k.alg == PSA_ALG_CBC_PKCS7 || k.alg == PSA_ALG_CFB ? 37 : 48);
    Bytes ciphertext, plaintext, multipart;
    ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), k.type, k.alg, message, &ciphertext));
    ASSERT_STATUS(PSA_SUCCESS, Decrypt(key.id(), k.type, k.alg, ciphertext, &plaintext));
    EXPECT_EQ(ToHex(plaintext), ToHex(message));
    const size_t iv_length = PSA_CIPHER_IV_LENGTH(k.type, k.alg);
    ASSERT_STATUS(PSA_SUCCESS,
                  EncryptMultipart(key.id(), k.type, k.alg, Slice(ciphertext, 0, iv_length), message, 5, &multipart));
    EXPECT_EQ(ToHex(multipart), ToHex(Slice(ciphertext, iv_length, ciphertext.size() - iv_length)));
  }
}

// "The pointer can be invalid if the buffer size is 0": empty inputs and
// outputs may be null pointers.
TEST(CipherKnownAnswer, EmptyBuffersMayBeNull) {
  ScopedKey ecb(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, PSA_ALG_ECB_NO_PADDING);
  ScopedKey ctr(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, PSA_ALG_CTR);
  ScopedKey cbc(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, kCbc);
  size_t length = 77;
  EXPECT_STATUS(PSA_SUCCESS, psa_cipher_encrypt(ecb.id(), PSA_ALG_ECB_NO_PADDING, nullptr, 0, nullptr, 0, &length));
  EXPECT_EQ(length, 0u);
  EXPECT_STATUS(PSA_SUCCESS, psa_cipher_decrypt(ecb.id(), PSA_ALG_ECB_NO_PADDING, nullptr, 0, nullptr, 0, &length));
  EXPECT_EQ(length, 0u);
  // CTR: an IV and no ciphertext.
  EXPECT_STATUS(PSA_SUCCESS, psa_cipher_decrypt(ctr.id(), PSA_ALG_CTR, kat::kCbcIv.data(), 16, nullptr, 0, &length));
  EXPECT_EQ(length, 0u);
  GuardedBuffer iv_only(16);
  EXPECT_STATUS(PSA_SUCCESS, psa_cipher_encrypt(cbc.id(), kCbc, nullptr, 0, iv_only.data(), iv_only.size(), &length));
  EXPECT_EQ(length, 16u);
  // Multi-part: empty updates and an empty finish.
  for (psa_key_id_t key : {ctr.id(), cbc.id()}) {
    const psa_algorithm_t alg = key == ctr.id() ? PSA_ALG_CTR : kCbc;
    psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key, alg));
    ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), 16));
    EXPECT_STATUS(PSA_SUCCESS, psa_cipher_update(&operation, nullptr, 0, nullptr, 0, &length));
    EXPECT_EQ(length, 0u);
    EXPECT_STATUS(PSA_SUCCESS, psa_cipher_finish(&operation, nullptr, 0, &length));
    EXPECT_EQ(length, 0u);
    EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
  }
}

// ---------------------------------------------------------------------------
// Input lengths the mode cannot take: "The input_length is not valid for the
// algorithm and key type" is PSA_ERROR_INVALID_ARGUMENT.

TEST(CipherInputLength, SinglePartNeedsWholeBlocks) {
  ScopedKey cbc(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, kCbc);
  ScopedKey ecb(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, PSA_ALG_ECB_NO_PADDING);
  ScopedKey pkcs7(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, PSA_ALG_CBC_PKCS7);
  Bytes out;
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, Encrypt(cbc.id(), PSA_KEY_TYPE_AES, kCbc, Message(15), &out));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, Encrypt(cbc.id(), PSA_KEY_TYPE_AES, kCbc, Message(33), &out));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT,
                Encrypt(ecb.id(), PSA_KEY_TYPE_AES, PSA_ALG_ECB_NO_PADDING, Message(17), &out));
  // IV || 15 bytes; less than an IV.
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, Decrypt(cbc.id(), PSA_KEY_TYPE_AES, kCbc, Message(31), &out, 64));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, Decrypt(cbc.id(), PSA_KEY_TYPE_AES, kCbc, Message(15), &out, 64));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT,
                Decrypt(ecb.id(), PSA_KEY_TYPE_AES, PSA_ALG_ECB_NO_PADDING, Message(20), &out, 64));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT,
                Decrypt(pkcs7.id(), PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, Message(33), &out, 64));
  // No ciphertext block at all after the IV: not a padded message.
  const psa_status_t empty = Decrypt(pkcs7.id(), PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, Message(16), &out, 64);
  EXPECT_TRUE(empty == PSA_ERROR_INVALID_ARGUMENT || empty == PSA_ERROR_INVALID_PADDING) << StatusName(empty);
  // Zero blocks are a whole number of blocks.
  EXPECT_STATUS(PSA_SUCCESS, Encrypt(cbc.id(), PSA_KEY_TYPE_AES, kCbc, Bytes(), &out));
  EXPECT_EQ(out.size(), 16u);
  EXPECT_STATUS(PSA_SUCCESS, Decrypt(cbc.id(), PSA_KEY_TYPE_AES, kCbc, out, &out, 16));
  EXPECT_TRUE(out.empty());
}

// psa_cipher_finish: "The total input size passed to this operation is not
// valid for this particular algorithm" is PSA_ERROR_INVALID_ARGUMENT, and
// the operation is then in an error state.
TEST(CipherInputLength, FinishNeedsWholeBlocks) {
  struct {
    psa_algorithm_t alg;
    bool encrypt;
    size_t total;
  } cases[] = {
      {kCbc, true, 15},
      {kCbc, false, 15},
      {kCbc, true, 31},
      {PSA_ALG_ECB_NO_PADDING, true, 1},
      {PSA_ALG_ECB_NO_PADDING, false, 17},
      {PSA_ALG_CBC_PKCS7, false, 17},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << c.alg << (c.encrypt ? " encrypt " : " decrypt ")
                                      << std::dec << c.total);
    ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, c.alg);
    psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, c.encrypt ? psa_cipher_encrypt_setup(&operation, key.id(), c.alg)
                                         : psa_cipher_decrypt_setup(&operation, key.id(), c.alg));
    if (c.alg != PSA_ALG_ECB_NO_PADDING) {
      ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
    }
    const Bytes input = Message(c.total);
    GuardedBuffer out(64);
    size_t length = 0;
    ASSERT_STATUS(PSA_SUCCESS,
                  psa_cipher_update(&operation, input.data(), input.size(), out.data(), out.size(), &length));
    EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, psa_cipher_finish(&operation, out.data(), out.size(), &length));
    EXPECT_TRUE(out.GuardIntact());
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_finish(&operation, out.data(), out.size(), &length));
    EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
  }
}

// ---------------------------------------------------------------------------
// IVs of a bad length. psa_cipher_set_iv: "iv_length is not valid for the
// chosen algorithm" is PSA_ERROR_INVALID_ARGUMENT; the operation is then in
// an error state.

struct IvCase {
  psa_key_type_t type;
  psa_algorithm_t alg;
  size_t iv_length;
  psa_status_t expected;
  psa_status_t also_allowed;  // 0 if none
};

TEST(CipherIv, SetIvOfABadLength) {
  const IvCase cases[] = {
      {PSA_KEY_TYPE_AES, kCbc, 0, PSA_ERROR_INVALID_ARGUMENT, 0},
      {PSA_KEY_TYPE_AES, kCbc, 1, PSA_ERROR_INVALID_ARGUMENT, 0},
      {PSA_KEY_TYPE_AES, kCbc, 15, PSA_ERROR_INVALID_ARGUMENT, 0},
      {PSA_KEY_TYPE_AES, kCbc, 17, PSA_ERROR_INVALID_ARGUMENT, 0},
      {PSA_KEY_TYPE_AES, kCbc, 32, PSA_ERROR_INVALID_ARGUMENT, 0},
      {PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, 8, PSA_ERROR_INVALID_ARGUMENT, 0},
      {PSA_KEY_TYPE_AES, PSA_ALG_CFB, 12, PSA_ERROR_INVALID_ARGUMENT, 0},
      {PSA_KEY_TYPE_AES, PSA_ALG_OFB, 17, PSA_ERROR_INVALID_ARGUMENT, 0},
      // CTR: "1 <= n <= b".
      {PSA_KEY_TYPE_AES, PSA_ALG_CTR, 0, PSA_ERROR_INVALID_ARGUMENT, 0},
      {PSA_KEY_TYPE_AES, PSA_ALG_CTR, 17, PSA_ERROR_INVALID_ARGUMENT, 0},
      // DES blocks are 8 bytes.
      {PSA_KEY_TYPE_DES, kCbc, 16, PSA_ERROR_INVALID_ARGUMENT, 0},
      {PSA_KEY_TYPE_DES, kCbc, 7, PSA_ERROR_INVALID_ARGUMENT, 0},
      // CCM*: the nonce of CCM, 7 to 13 bytes.
      {PSA_KEY_TYPE_AES, PSA_ALG_CCM_STAR_NO_TAG, 6, PSA_ERROR_INVALID_ARGUMENT, 0},
      {PSA_KEY_TYPE_AES, PSA_ALG_CCM_STAR_NO_TAG, 14, PSA_ERROR_INVALID_ARGUMENT, 0},
      // ChaCha20: 8, 12 or 16 bytes ("It is recommended that
      // implementations do not support other sizes of IV").
      {PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, 0, PSA_ERROR_INVALID_ARGUMENT, 0},
      {PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, 11, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED},
      {PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, 13, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED},
      {PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, 24, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED},
  };
  const Bytes iv = Message(32);
  for (const IvCase& c : cases) {
    for (bool encrypt : {true, false}) {
      SCOPED_TRACE(::testing::Message() << "type 0x" << std::hex << c.type << " alg 0x" << c.alg << std::dec
                                        << " iv length " << c.iv_length << (encrypt ? " encrypt" : " decrypt"));
      ScopedKey key(c.type, MaterialFor(c.type), kEncryptDecrypt, c.alg);
      psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
      ASSERT_STATUS(PSA_SUCCESS, encrypt ? psa_cipher_encrypt_setup(&operation, key.id(), c.alg)
                                         : psa_cipher_decrypt_setup(&operation, key.id(), c.alg));
      const psa_status_t status = psa_cipher_set_iv(&operation, c.iv_length == 0 ? nullptr : iv.data(), c.iv_length);
      if (c.also_allowed != 0 && status == c.also_allowed) {
        // Accepted alternative.
      } else {
        EXPECT_STATUS(c.expected, status);
      }
      // Error state: even a correct IV is refused now.
      const size_t good = PSA_CIPHER_IV_LENGTH(c.type, c.alg);
      EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_set_iv(&operation, iv.data(), good));
      GuardedBuffer out(64);
      size_t length = 0;
      EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_update(&operation, iv.data(), 16, out.data(), out.size(), &length));
      EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
    }
  }
}

// A mode without IV: "If the cipher algorithm does not use an IV, calling
// this function returns a PSA_ERROR_BAD_STATE error."
TEST(CipherIv, EcbTakesNoIv) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, PSA_ALG_ECB_NO_PADDING);
  for (size_t length : {0, 16}) {
    psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key.id(), PSA_ALG_ECB_NO_PADDING));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), length));
    EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
  }
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key.id(), PSA_ALG_ECB_NO_PADDING));
  GuardedBuffer iv(PSA_CIPHER_IV_MAX_SIZE);
  size_t iv_length = 0;
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_generate_iv(&operation, iv.data(), iv.size(), &iv_length));
  EXPECT_TRUE(iv.GuardIntact());
  EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
  // Without IV calls, ECB works at once.
  Bytes out;
  ASSERT_STATUS(PSA_SUCCESS, EncryptMultipart(key.id(), PSA_KEY_TYPE_AES, PSA_ALG_ECB_NO_PADDING, Bytes(),
                                              kat::kSp800_38aPlaintext, 7, &out));
  EXPECT_EQ(out.size(), 64u);
}

// generate_iv makes IVs of the default length, fresh each time, that the
// operation then uses.
TEST(CipherIv, GenerateIvHasTheDefaultLength) {
  struct {
    psa_key_type_t type;
    psa_algorithm_t alg;
  } modes[] = {{PSA_KEY_TYPE_AES, kCbc},
               {PSA_KEY_TYPE_AES, PSA_ALG_CTR},
               {PSA_KEY_TYPE_AES, PSA_ALG_CCM_STAR_NO_TAG},
               {PSA_KEY_TYPE_DES, kCbc},
               {PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER}};
  for (const auto& m : modes) {
    SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << m.alg);
    ScopedKey key(m.type, MaterialFor(m.type), kEncryptDecrypt, m.alg);
    const size_t expected = PSA_CIPHER_IV_LENGTH(m.type, m.alg);
    Bytes previous;
    for (int round = 0; round < 2; ++round) {
      psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
      ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key.id(), m.alg));
      GuardedBuffer iv(PSA_CIPHER_IV_MAX_SIZE);
      size_t length = 0;
      ASSERT_STATUS(PSA_SUCCESS, psa_cipher_generate_iv(&operation, iv.data(), iv.size(), &length));
      EXPECT_EQ(length, expected);
      EXPECT_NE(ToHex(iv.Prefix(length)), ToHex(previous));
      previous = iv.Prefix(length);
      const Bytes message = Message(32);
      GuardedBuffer out(64);
      size_t out_length = 0;
      ASSERT_STATUS(PSA_SUCCESS,
                    psa_cipher_update(&operation, message.data(), message.size(), out.data(), out.size(), &out_length));
      size_t finish_length = 0;
      ASSERT_STATUS(PSA_SUCCESS,
                    psa_cipher_finish(&operation, out.data() + out_length, out.size() - out_length, &finish_length));
      Bytes plaintext;
      ASSERT_STATUS(PSA_SUCCESS, DecryptMultipart(key.id(), m.type, m.alg, previous,
                                                  out.Prefix(out_length + finish_length), 0, &plaintext));
      EXPECT_EQ(ToHex(plaintext), ToHex(message));
    }
  }
}

// ---------------------------------------------------------------------------
// Outputs one byte too small: PSA_ERROR_BUFFER_TOO_SMALL, nothing written
// past the buffer.

TEST(CipherBufferTooSmall, Encrypt) {
  struct {
    psa_algorithm_t alg;
    size_t message;
    size_t needed;
  } cases[] = {{kCbc, 64, 80},
               {PSA_ALG_CBC_PKCS7, 20, 48},
               {PSA_ALG_CBC_PKCS7, 32, 64},
               {PSA_ALG_CTR, 10, 26},
               {PSA_ALG_ECB_NO_PADDING, 32, 32}};
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << c.alg << std::dec << ", " << c.message << " bytes");
    ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, c.alg);
    const Bytes message = Message(c.message);
    ASSERT_EQ(PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, c.alg, c.message), c.needed);
    Bytes out;
    for (size_t size : {c.needed - 1, size_t{15}, size_t{0}}) {
      SCOPED_TRACE(size);
      EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, Encrypt(key.id(), PSA_KEY_TYPE_AES, c.alg, message, &out, size));
    }
    EXPECT_STATUS(PSA_SUCCESS, Encrypt(key.id(), PSA_KEY_TYPE_AES, c.alg, message, &out, c.needed));
    EXPECT_EQ(out.size(), c.needed);
  }
}

TEST(CipherBufferTooSmall, Decrypt) {
  struct {
    psa_algorithm_t alg;
    size_t message;
  } cases[] = {
      {kCbc, 64}, {PSA_ALG_CBC_PKCS7, 20}, {PSA_ALG_CBC_PKCS7, 32}, {PSA_ALG_CTR, 10}, {PSA_ALG_ECB_NO_PADDING, 32}};
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << c.alg << std::dec << ", " << c.message << " bytes");
    ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, c.alg);
    const Bytes message = Message(c.message);
    Bytes ciphertext;
    ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), PSA_KEY_TYPE_AES, c.alg, message, &ciphertext));
    Bytes out;
    // One byte less than the plaintext itself.
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL,
                  Decrypt(key.id(), PSA_KEY_TYPE_AES, c.alg, ciphertext, &out, c.message - 1));
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, Decrypt(key.id(), PSA_KEY_TYPE_AES, c.alg, ciphertext, &out, 0));
    // The size macro is sufficient.
    EXPECT_STATUS(PSA_SUCCESS, Decrypt(key.id(), PSA_KEY_TYPE_AES, c.alg, ciphertext, &out));
    EXPECT_EQ(ToHex(out), ToHex(message));
  }
}

// A buffer of exactly the plaintext length holds the plaintext: the
// padding does not need room in the caller's buffer ("Functions return
// PSA_ERROR_BUFFER_TOO_SMALL if the buffer size is insufficient to carry out
// the requested operation").
TEST(CipherBufferTooSmall, DecryptIntoExactlyThePlaintextLength) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, PSA_ALG_CBC_PKCS7);
  const Bytes message = Message(20);
  Bytes ciphertext, out;
  ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, message, &ciphertext));
  EXPECT_STATUS(PSA_SUCCESS, Decrypt(key.id(), PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, ciphertext, &out, 20));
  EXPECT_EQ(ToHex(out), ToHex(message));
}

TEST(CipherBufferTooSmall, GenerateIv) {
  struct {
    psa_key_type_t type;
    psa_algorithm_t alg;
  } modes[] = {{PSA_KEY_TYPE_AES, kCbc},
               {PSA_KEY_TYPE_AES, PSA_ALG_CTR},
               {PSA_KEY_TYPE_DES, kCbc},
               {PSA_KEY_TYPE_AES, PSA_ALG_CCM_STAR_NO_TAG},
               {PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER}};
  for (const auto& m : modes) {
    SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << m.alg);
    ScopedKey key(m.type, MaterialFor(m.type), kEncryptDecrypt, m.alg);
    psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key.id(), m.alg));
    GuardedBuffer iv(PSA_CIPHER_IV_LENGTH(m.type, m.alg) - 1);
    size_t length = 0;
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, psa_cipher_generate_iv(&operation, iv.data(), iv.size(), &length));
    EXPECT_TRUE(iv.GuardIntact()) << "psa_cipher_generate_iv wrote past the buffer";
    // Error state.
    GuardedBuffer enough(PSA_CIPHER_IV_MAX_SIZE);
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_generate_iv(&operation, enough.data(), enough.size(), &length));
    EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
  }
}

// psa_cipher_update and psa_cipher_finish into a buffer one byte smaller
// than the output they have to give (found first with a buffer of the size
// macro); the operation is then in an error state.
TEST(CipherBufferTooSmall, UpdateAndFinish) {
  struct {
    psa_algorithm_t alg;
    bool encrypt;
    size_t first;   // bytes of a first update, which succeeds
    size_t second;  // bytes of the update under test (0: test finish)
  } cases[] = {
      {kCbc, true, 0, 32},
      {kCbc, true, 8, 8},
      {kCbc, false, 0, 32},
      {PSA_ALG_CTR, true, 0, 10},
      {PSA_ALG_CTR, false, 3, 10},
      {PSA_ALG_CBC_PKCS7, true, 0, 32},
      {PSA_ALG_CBC_PKCS7, false, 0, 32},
      {PSA_ALG_CBC_PKCS7, true, 20, 0},
      {PSA_ALG_CBC_PKCS7, true, 0, 0},
      {PSA_ALG_CBC_PKCS7, false, 48, 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << c.alg << (c.encrypt ? " encrypt" : " decrypt")
                                      << std::dec << " first " << c.first << " second " << c.second);
    ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, c.alg);
    // A decryption of valid ciphertext, so that finish's padding is valid.
    Bytes input = Message(c.first + c.second);
    if (!c.encrypt && c.alg == PSA_ALG_CBC_PKCS7) {
      Bytes ciphertext;
      ASSERT_STATUS(PSA_SUCCESS,
                    EncryptMultipart(key.id(), PSA_KEY_TYPE_AES, c.alg, kat::kCbcIv, Message(40), 0, &ciphertext));
      ASSERT_EQ(ciphertext.size(), 48u);
      input = ciphertext;
      if (c.second != 0) input = Slice(ciphertext, 0, c.first + c.second);
    }
    // Measures the output of the step under test, then repeats it with one
    // byte less.
    size_t needed = 0;
    for (int attempt = 0; attempt < 2; ++attempt) {
      psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
      ASSERT_STATUS(PSA_SUCCESS, c.encrypt ? psa_cipher_encrypt_setup(&operation, key.id(), c.alg)
                                           : psa_cipher_decrypt_setup(&operation, key.id(), c.alg));
      ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
      GuardedBuffer first_out(64);
      size_t length = 0;
      if (c.first != 0) {
        ASSERT_STATUS(PSA_SUCCESS, psa_cipher_update(&operation, input.data(), c.first, first_out.data(),
                                                     first_out.size(), &length));
      }
      const size_t size = attempt == 0 ? 64 : needed - 1;
      GuardedBuffer out(size);
      psa_status_t status;
      if (c.second != 0) {
        status = psa_cipher_update(&operation, input.data() + c.first, c.second, out.data(), out.size(), &length);
      } else {
        status = psa_cipher_finish(&operation, out.data(), out.size(), &length);
      }
      EXPECT_TRUE(out.GuardIntact()) << "wrote past a buffer of " << size << " bytes";
      if (attempt == 0) {
        ASSERT_STATUS(PSA_SUCCESS, status);
        needed = length;
        ASSERT_GT(needed, 0u) << "the step outputs nothing: no buffer can be too small";
      } else {
        EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, status);
        GuardedBuffer enough(64);
        EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_finish(&operation, enough.data(), enough.size(), &length));
      }
      EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
    }
  }
}

// ---------------------------------------------------------------------------
// Operation states.

class CipherState : public ::testing::Test {
 protected:
  CipherState() : key_(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, kCbc) {}

  // Expects every call but abort and setup to be PSA_ERROR_BAD_STATE.
  void ExpectInactiveCallsAreBadState(psa_cipher_operation_t* operation) {
    GuardedBuffer out(64);
    size_t length = 0;
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_set_iv(operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_generate_iv(operation, out.data(), out.size(), &length));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE,
                  psa_cipher_update(operation, kat::kSp800_38aPlaintext.data(), 16, out.data(), out.size(), &length));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_finish(operation, out.data(), out.size(), &length));
    EXPECT_TRUE(out.GuardIntact());
  }

  // Expects `operation` to work again from setup after an abort.
  void ExpectAbortThenSetupWorks(psa_cipher_operation_t* operation) {
    EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(operation));
    ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(operation, key_.id(), kCbc));
    ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
    ExpectRestGivesTheKnownAnswer(operation, 0);
  }

  // Feeds kSp800_38aPlaintext from `offset` on to an encryption whose IV is
  // set and which was fed the bytes before `offset`, then finishes it, and
  // expects the rest of kCbcCiphertext.
  void ExpectRestGivesTheKnownAnswer(psa_cipher_operation_t* operation, size_t offset) {
    const Bytes& p = kat::kSp800_38aPlaintext;
    GuardedBuffer out(64);
    size_t length = 0;
    ASSERT_STATUS(PSA_SUCCESS,
                  psa_cipher_update(operation, p.data() + offset, p.size() - offset, out.data(), out.size(), &length));
    size_t finish_length = 0;
    ASSERT_STATUS(PSA_SUCCESS, psa_cipher_finish(operation, out.data() + length, out.size() - length, &finish_length));
    const size_t done = offset / 16 * 16;
    EXPECT_EQ(ToHex(out.Prefix(length + finish_length)), ToHex(Slice(kat::kCbcCiphertext, done, 64 - done)));
    EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(operation));
  }

  ScopedKey key_;
};

TEST_F(CipherState, InactiveOperationIsBadStateEverywhere) {
  psa_cipher_operation_t from_macro = PSA_CIPHER_OPERATION_INIT;
  ExpectInactiveCallsAreBadState(&from_macro);
  ExpectAbortThenSetupWorks(&from_macro);

  psa_cipher_operation_t from_function = psa_cipher_operation_init();
  ExpectInactiveCallsAreBadState(&from_function);
  ExpectAbortThenSetupWorks(&from_function);

  psa_cipher_operation_t zeroed;
  memset(&zeroed, 0, sizeof(zeroed));
  ExpectInactiveCallsAreBadState(&zeroed);
  ExpectAbortThenSetupWorks(&zeroed);

  static psa_cipher_operation_t static_object;
  ExpectInactiveCallsAreBadState(&static_object);
  ExpectAbortThenSetupWorks(&static_object);
}

TEST_F(CipherState, AbortIsIdempotent) {
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
  EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_decrypt_setup(&operation, key_.id(), kCbc));
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
  EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
  EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
  ExpectInactiveCallsAreBadState(&operation);
  ExpectAbortThenSetupWorks(&operation);
}

TEST_F(CipherState, FinishedOperationIsInactive) {
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key_.id(), kCbc));
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
  GuardedBuffer out(16);
  size_t length = 0;
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_finish(&operation, out.data(), out.size(), &length));
  EXPECT_EQ(length, 0u);
  ExpectInactiveCallsAreBadState(&operation);
  ExpectAbortThenSetupWorks(&operation);
}

// "it must be active, with an IV set if required for the algorithm".
TEST_F(CipherState, UpdateOrFinishBeforeTheIv) {
  for (bool encrypt : {true, false}) {
    for (bool finish : {false, true}) {
      SCOPED_TRACE(::testing::Message() << (encrypt ? "encrypt" : "decrypt") << (finish ? " finish" : " update"));
      psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
      ASSERT_STATUS(PSA_SUCCESS, encrypt ? psa_cipher_encrypt_setup(&operation, key_.id(), kCbc)
                                         : psa_cipher_decrypt_setup(&operation, key_.id(), kCbc));
      GuardedBuffer out(64);
      size_t length = 0;
      if (finish) {
        EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_finish(&operation, out.data(), out.size(), &length));
      } else {
        EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_update(&operation, kat::kSp800_38aPlaintext.data(), 16,
                                                             out.data(), out.size(), &length));
      }
      EXPECT_TRUE(out.GuardIntact());
      // Error state: the IV is refused now too.
      EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
      ExpectAbortThenSetupWorks(&operation);
    }
  }
}

// "it must be active, with no IV set".
TEST_F(CipherState, IvTwice) {
  enum Step { kSet, kGenerate };
  const Step orders[][2] = {{kSet, kSet}, {kSet, kGenerate}, {kGenerate, kSet}, {kGenerate, kGenerate}};
  for (const auto& order : orders) {
    SCOPED_TRACE(::testing::Message() << order[0] << " then " << order[1]);
    psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key_.id(), kCbc));
    GuardedBuffer iv(16);
    size_t length = 0;
    for (int i = 0; i < 2; ++i) {
      const psa_status_t expected = i == 0 ? PSA_SUCCESS : PSA_ERROR_BAD_STATE;
      if (order[i] == kSet) {
        EXPECT_STATUS(expected, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
      } else {
        EXPECT_STATUS(expected, psa_cipher_generate_iv(&operation, iv.data(), iv.size(), &length));
      }
    }
    GuardedBuffer out(64);
    EXPECT_STATUS(PSA_ERROR_BAD_STATE,
                  psa_cipher_update(&operation, kat::kSp800_38aPlaintext.data(), 16, out.data(), out.size(), &length));
    ExpectAbortThenSetupWorks(&operation);
  }
}

// psa_cipher_generate_iv: "The application must call
// psa_cipher_encrypt_setup() before calling this function": on a decryption
// it is PSA_ERROR_BAD_STATE, and gives out no IV.
TEST_F(CipherState, GenerateIvOnADecryption) {
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_decrypt_setup(&operation, key_.id(), kCbc));
  GuardedBuffer iv(16);
  size_t length = 0;
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_generate_iv(&operation, iv.data(), iv.size(), &length));
  EXPECT_TRUE(iv.GuardIntact());
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
  ExpectAbortThenSetupWorks(&operation);
}

// Setup on an active operation: PSA_ERROR_BAD_STATE, the active operation
// unchanged and still usable.
TEST_F(CipherState, SetupOnAnActiveOperation) {
  ScopedKey other(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, PSA_ALG_CTR);
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key_.id(), kCbc));
  // Before the IV, and after the IV and some data.
  for (int stage = 0; stage < 2; ++stage) {
    SCOPED_TRACE(stage);
    if (stage == 1) {
      ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
      GuardedBuffer out(64);
      size_t length = 0;
      ASSERT_STATUS(PSA_SUCCESS, psa_cipher_update(&operation, kat::kSp800_38aPlaintext.data(), 20, out.data(),
                                                   out.size(), &length));
      ASSERT_EQ(ToHex(out.Prefix(length)), ToHex(Slice(kat::kCbcCiphertext, 0, 16)));
    }
    psa_cipher_operation_t before;
    memcpy(&before, &operation, sizeof(before));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_encrypt_setup(&operation, key_.id(), kCbc));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_decrypt_setup(&operation, other.id(), PSA_ALG_CTR));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_encrypt_setup(&operation, PSA_KEY_ID_NULL, PSA_ALG_SHA_256));
    EXPECT_EQ(memcmp(&before, &operation, sizeof(before)), 0) << "a refused setup changed the active operation";
  }
  ExpectRestGivesTheKnownAnswer(&operation, 20);
}

// A failed update (output too small) ends in the error state: the next call
// is PSA_ERROR_BAD_STATE; abort then setup works.
TEST_F(CipherState, ErrorStateAfterAFailedUpdate) {
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key_.id(), kCbc));
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
  GuardedBuffer small(15);
  size_t length = 0;
  EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, psa_cipher_update(&operation, kat::kSp800_38aPlaintext.data(), 16,
                                                              small.data(), small.size(), &length));
  GuardedBuffer out(64);
  EXPECT_STATUS(PSA_ERROR_BAD_STATE,
                psa_cipher_update(&operation, kat::kSp800_38aPlaintext.data(), 16, out.data(), out.size(), &length));
  ExpectInactiveCallsAreBadState(&operation);
  ExpectAbortThenSetupWorks(&operation);
}

// psa_destroy_key: "If a key is currently in use in a multi-part operation,
// then destroying the key will cause the multi-part operation to fail."
TEST_F(CipherState, DestroyingTheKeyMakesTheActiveOperationFail) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, kEncryptDecrypt, kCbc);
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key.id(), kCbc));
  ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
  ASSERT_STATUS(PSA_SUCCESS, key.DestroyNow());
  GuardedBuffer out(80);
  size_t length = 0, finish_length = 0;
  psa_status_t status = psa_cipher_update(&operation, kat::kSp800_38aPlaintext.data(), 64, out.data(), 64, &length);
  if (status == PSA_SUCCESS) status = psa_cipher_finish(&operation, out.data() + length, 16, &finish_length);
  EXPECT_NE(status, PSA_SUCCESS) << "the operation encrypted with a destroyed key: "
                                 << ToHex(out.Prefix(length + finish_length));
  EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
}

// ---------------------------------------------------------------------------
// Overlapping buffers: "Output buffers can overlap with input buffers. In
// this event, the implementation must return the same result as if the
// buffers did not overlap" (Library conventions, "Overlap between
// parameters"). Input and output are placed in one arena at every relative
// offset below (output start - input start), in place included.

const long kOverlapShifts[] = {-33, -17, -16, -15, -1, 0, 1, 15, 16, 17, 33};
constexpr size_t kArenaMargin = 64;

struct OverlapMode {
  psa_key_type_t type;
  psa_algorithm_t alg;
  size_t message;
};

const OverlapMode kOverlapModes[] = {
    {PSA_KEY_TYPE_AES, PSA_ALG_ECB_NO_PADDING, 48},
    {PSA_KEY_TYPE_AES, kCbc, 48},
    {PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, 45},
    {PSA_KEY_TYPE_AES, PSA_ALG_CTR, 45},
    {PSA_KEY_TYPE_AES, PSA_ALG_CFB, 45},
    {PSA_KEY_TYPE_AES, PSA_ALG_OFB, 45},
    {PSA_KEY_TYPE_DES, kCbc, 48},
    {PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, 100},
};

// An arena holding `input` at kArenaMargin + max(0, -shift) with the output
// at input + shift.
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

TEST(CipherOverlap, DecryptGivesTheSameResult) {
  for (const OverlapMode& m : kOverlapModes) {
    ScopedKey key(m.type, MaterialFor(m.type), kEncryptDecrypt, m.alg);
    const Bytes message = Message(m.message);
    Bytes ciphertext;
    ASSERT_STATUS(PSA_SUCCESS, Encrypt(key.id(), m.type, m.alg, message, &ciphertext));
    const size_t size = PSA_CIPHER_DECRYPT_OUTPUT_SIZE(m.type, m.alg, ciphertext.size());
    for (long shift : kOverlapShifts) {
      SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << m.alg << std::dec << " shift " << shift);
      Arena arena(ciphertext, shift);
      size_t length = 0;
      ASSERT_STATUS(PSA_SUCCESS, psa_cipher_decrypt(key.id(), m.alg, arena.input(), ciphertext.size(), arena.output(),
                                                    size, &length));
      EXPECT_EQ(ToHex(arena.Output(length)), ToHex(message));
    }
  }
}

TEST(CipherOverlap, EncryptGivesTheSameResult) {
  for (const OverlapMode& m : kOverlapModes) {
    ScopedKey key(m.type, MaterialFor(m.type), kEncryptDecrypt, m.alg);
    const Bytes message = Message(m.message);
    const size_t size = PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(m.type, m.alg, message.size());
    const size_t iv_length = PSA_CIPHER_IV_LENGTH(m.type, m.alg);
    std::vector<long> shifts(std::begin(kOverlapShifts), std::end(kOverlapShifts));
    // The ciphertext proper exactly over the plaintext.
    shifts.push_back(-static_cast<long>(iv_length));
    for (long shift : shifts) {
      SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << m.alg << std::dec << " shift " << shift);
      Arena arena(message, shift);
      size_t length = 0;
      ASSERT_STATUS(PSA_SUCCESS,
                    psa_cipher_encrypt(key.id(), m.alg, arena.input(), message.size(), arena.output(), size, &length));
      const Bytes output = arena.Output(length);
      // The IV is random: the result must be the encryption of the message
      // under the IV it output.
      Bytes expected;
      ASSERT_STATUS(PSA_SUCCESS,
                    EncryptMultipart(key.id(), m.type, m.alg, Slice(output, 0, iv_length), message, 0, &expected));
      EXPECT_EQ(ToHex(Slice(output, iv_length, length - iv_length)), ToHex(expected));
    }
  }
}

TEST(CipherOverlap, UpdateGivesTheSameResult) {
  for (const OverlapMode& m : kOverlapModes) {
    for (bool encrypt : {true, false}) {
      ScopedKey key(m.type, MaterialFor(m.type), kEncryptDecrypt, m.alg);
      const size_t iv_length = PSA_CIPHER_IV_LENGTH(m.type, m.alg);
      const Bytes iv = Message(iv_length);
      // For a decryption, a valid ciphertext (PKCS#7 checks its padding).
      Bytes input = Message(m.message);
      if (!encrypt) {
        Bytes ciphertext;
        ASSERT_STATUS(PSA_SUCCESS, EncryptMultipart(key.id(), m.type, m.alg, iv, input, 0, &ciphertext));
        input = ciphertext;
      }
      // Two updates (the first leaves a partial block in block modes), then
      // finish; the reference without overlap first.
      const size_t first = input.size() / 2 + 1;
      Bytes reference;
      ASSERT_STATUS(PSA_SUCCESS, Multipart(encrypt, key.id(), m.type, m.alg, iv, input, first, &reference));
      for (long shift : kOverlapShifts) {
        SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << m.alg << std::dec << " shift " << shift
                                          << (encrypt ? " encrypt" : " decrypt"));
        psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
        ASSERT_STATUS(PSA_SUCCESS, encrypt ? psa_cipher_encrypt_setup(&operation, key.id(), m.alg)
                                           : psa_cipher_decrypt_setup(&operation, key.id(), m.alg));
        if (iv_length != 0) {
          ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, iv.data(), iv.size()));
        }
        // Each update's input in an arena of its own (an earlier output
        // must not overwrite a later input), its output at the shift.
        Bytes output;
        size_t offset = 0;
        for (size_t n : {first, input.size() - first}) {
          Arena arena(Slice(input, offset, n), shift);
          size_t length = 0;
          const size_t size = PSA_CIPHER_UPDATE_OUTPUT_SIZE(m.type, m.alg, n);
          ASSERT_STATUS(PSA_SUCCESS, psa_cipher_update(&operation, arena.input(), n, arena.output(), size, &length));
          output = Concat(output, arena.Output(length));
          offset += n;
        }
        GuardedBuffer out(PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE);
        size_t length = 0;
        ASSERT_STATUS(PSA_SUCCESS, psa_cipher_finish(&operation, out.data(), out.size(), &length));
        output = Concat(output, out.Prefix(length));
        EXPECT_EQ(ToHex(output), ToHex(reference));
        EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
      }
    }
  }
}

// ---------------------------------------------------------------------------
// PKCS#7 padding. "PSA_ERROR_INVALID_PADDING: The algorithm uses padding,
// and the input does not contain valid padding." The plaintext of a
// message with bad padding must not reach the caller: the output buffer
// holds its canary or zeros afterwards, never the decrypted bytes.

// Two blocks of plaintext whose last bytes are not a valid PKCS#7 padding.
std::vector<Bytes> BadlyPaddedBlocks() {
  std::vector<Bytes> blocks;
  const Bytes body = Message(32);
  auto with_tail = [&](const Bytes& tail) {
    Bytes b = body;
    std::copy(tail.begin(), tail.end(), b.end() - tail.size());
    return b;
  };
  blocks.push_back(with_tail({0x00}));              // padding length 0
  blocks.push_back(with_tail({0x11}));              // longer than a block
  blocks.push_back(with_tail({0xff}));              //
  blocks.push_back(with_tail({0x02, 0x03, 0x03}));  // 3 bytes of 3 expected
  blocks.push_back(with_tail({0x01, 0x02}));        // 2 bytes of 2 expected
  blocks.push_back(with_tail(Bytes(15, 0x10)));     // 16 expected, 15 there
  return blocks;
}

// Encrypts `plaintext` (whole blocks) without padding under kCbcIv.
Bytes EncryptWithoutPadding(const Bytes& plaintext) {
  ScopedKey raw(PSA_KEY_TYPE_AES, kat::kAesKey, PSA_KEY_USAGE_ENCRYPT, kCbc);
  Bytes ciphertext;
  EXPECT_STATUS(PSA_SUCCESS,
                EncryptMultipart(raw.id(), PSA_KEY_TYPE_AES, kCbc, kat::kCbcIv, plaintext, 0, &ciphertext));
  return ciphertext;
}

TEST(CipherPadding, SinglePartBadPaddingReleasesNoPlaintext) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, PSA_KEY_USAGE_DECRYPT, PSA_ALG_CBC_PKCS7);
  for (const Bytes& plaintext : BadlyPaddedBlocks()) {
    SCOPED_TRACE(ToHex(Slice(plaintext, 16, 16)));
    const Bytes input = Concat(kat::kCbcIv, EncryptWithoutPadding(plaintext));
    for (size_t size : {size_t{32}, size_t{64}}) {
      GuardedBuffer out(size);
      size_t length = 0;
      EXPECT_STATUS(PSA_ERROR_INVALID_PADDING, psa_cipher_decrypt(key.id(), PSA_ALG_CBC_PKCS7, input.data(),
                                                                  input.size(), out.data(), out.size(), &length));
      EXPECT_TRUE(out.GuardIntact());
      EXPECT_TRUE(out.OnlyCanaryOrZero()) << "output after bad padding: " << ToHex(out.Contents());
      EXPECT_FALSE(ContainsPartOf(out.Contents(), plaintext)) << "plaintext released: " << ToHex(out.Contents());
    }
  }
}

// Multi-part: update releases the first block (it is not the last one);
// finish, which checks the padding of the last block, releases none of it.
TEST(CipherPadding, MultipartBadPaddingReleasesNoPlaintextAtFinish) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, PSA_KEY_USAGE_DECRYPT, PSA_ALG_CBC_PKCS7);
  for (const Bytes& plaintext : BadlyPaddedBlocks()) {
    SCOPED_TRACE(ToHex(Slice(plaintext, 16, 16)));
    const Bytes ciphertext = EncryptWithoutPadding(plaintext);
    psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, psa_cipher_decrypt_setup(&operation, key.id(), PSA_ALG_CBC_PKCS7));
    ASSERT_STATUS(PSA_SUCCESS, psa_cipher_set_iv(&operation, kat::kCbcIv.data(), kat::kCbcIv.size()));
    GuardedBuffer update_out(32);
    size_t update_length = 0;
    ASSERT_STATUS(PSA_SUCCESS, psa_cipher_update(&operation, ciphertext.data(), ciphertext.size(), update_out.data(),
                                                 update_out.size(), &update_length));
    EXPECT_LE(update_length, 16u) << "update released the last block before its padding was checked";
    GuardedBuffer out(PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE);
    size_t length = 0;
    EXPECT_STATUS(PSA_ERROR_INVALID_PADDING, psa_cipher_finish(&operation, out.data(), out.size(), &length));
    EXPECT_TRUE(out.GuardIntact());
    EXPECT_TRUE(out.OnlyCanaryOrZero()) << "finish output after bad padding: " << ToHex(out.Contents());
    EXPECT_FALSE(ContainsPartOf(out.Contents(), Slice(plaintext, 16, 16)))
        << "plaintext released: " << ToHex(out.Contents());
    // Error state.
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_cipher_finish(&operation, out.data(), out.size(), &length));
    EXPECT_STATUS(PSA_SUCCESS, psa_cipher_abort(&operation));
  }
}

// The valid paddings of every length decrypt.
TEST(CipherPadding, EveryValidPaddingLength) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kAesKey, PSA_KEY_USAGE_DECRYPT, PSA_ALG_CBC_PKCS7);
  for (uint8_t pad = 1; pad <= 16; ++pad) {
    SCOPED_TRACE(static_cast<int>(pad));
    Bytes plaintext = Message(32);
    std::fill(plaintext.end() - pad, plaintext.end(), pad);
    Bytes out;
    ASSERT_STATUS(PSA_SUCCESS, Decrypt(key.id(), PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7,
                                       Concat(kat::kCbcIv, EncryptWithoutPadding(plaintext)), &out));
    EXPECT_EQ(ToHex(out), ToHex(Slice(plaintext, 0, 32 - pad)));
  }
}

}  // namespace
}  // namespace psa::conformance
