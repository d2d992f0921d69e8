// Driver-level tests of the builtin RSA encryption, through the C entry
// points builtin_asymmetric_encrypt and builtin_asymmetric_decrypt: the RSA
// Laboratories OAEP (SHA-1) and PKCS #1 v1.5 files and pyca's OAEP files
// with SHA-2 (same hash for the label and MGF1, which is PSA's OAEP) from
// @cryptography_vectors, round trips with labels on every size class and
// hash, and each failure status: one for every bad ciphertext, and nothing
// released before the decryption succeeded.

#include "drivers/builtin/builtin_asymmetric_encryption.h"

#include <stddef.h>
#include <stdint.h>

#include <cstdio>
#include <string>
#include <vector>

#include "drivers/builtin/asymmetric_test_util.h"
#include "drivers/builtin/key_management_test_util.h"
#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace drivers::builtin {
namespace {

using ::drivers::builtin::testing::Attributes;
using ::drivers::builtin::testing::BitLength;
using ::drivers::builtin::testing::BuiltinHashes;
using ::drivers::builtin::testing::Bytes;
using ::drivers::builtin::testing::ExportPublic;
using ::drivers::builtin::testing::Generate;
using ::drivers::builtin::testing::Import;
using ::drivers::builtin::testing::KeyManagementTest;
using ::drivers::builtin::testing::ParsePkcs1Vectors;
using ::drivers::builtin::testing::Pkcs1Key;
using ::drivers::builtin::testing::ReadVectorFile;
using ::drivers::builtin::testing::RsaKeyPairDer;
using ::drivers::builtin::testing::RsaPublicKeyDer;

constexpr psa_key_type_t kPair = PSA_KEY_TYPE_RSA_KEY_PAIR;
constexpr psa_key_type_t kPublic = PSA_KEY_TYPE_RSA_PUBLIC_KEY;

struct Key {
  psa_key_type_t type;
  size_t bits;
  Bytes buffer;
};

struct Result {
  psa_status_t status;
  Bytes output;
};

// Calls `entry` (encrypt or decrypt) with an output buffer of output_size
// bytes prefilled with 0xA5; on failure checks that *output_length is 0 and
// the buffer holds nothing but the fill or zeros.
template <typename Entry>
Result Call(Entry entry, const Key& key, psa_algorithm_t alg,
            const Bytes& input, const Bytes& salt, size_t output_size) {
  const psa_key_attributes_t attributes = Attributes(key.type, key.bits);
  Bytes output(output_size, 0xA5);
  size_t length = 12345;
  const psa_status_t status =
      entry(&attributes, key.buffer.data(), key.buffer.size(), alg,
            input.data(), input.size(), salt.empty() ? nullptr : salt.data(),
            salt.size(), output.data(), output.size(), &length);
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(length, 0u);
    bool clean = true;
    for (uint8_t b : output) clean = clean && (b == 0xA5 || b == 0);
    EXPECT_TRUE(clean) << "output left in the buffer on failure";
    return {status, {}};
  }
  EXPECT_LE(length, output.size());
  output.resize(length);
  return {status, output};
}

Result Encrypt(const Key& key, psa_algorithm_t alg, const Bytes& input,
               const Bytes& salt = {}, size_t output_size = 512) {
  return Call(builtin_asymmetric_encrypt, key, alg, input, salt, output_size);
}

Result Decrypt(const Key& key, psa_algorithm_t alg, const Bytes& input,
               const Bytes& salt = {}, size_t output_size = 512) {
  return Call(builtin_asymmetric_decrypt, key, alg, input, salt, output_size);
}

class AsymmetricEncryptionTest : public KeyManagementTest {
 protected:
  // Imports the key pair of `vectors`; false (counted) for the sizes that
  // are not whole bytes, which the driver does not support.
  bool ImportPair(const Pkcs1Key& vectors, Key* key) {
    const size_t bits = BitLength(vectors.n);
    auto imported = Import(kPair, 0, RsaKeyPairDer(vectors));
    if (bits % 8 != 0) {
      EXPECT_EQ(imported.status, PSA_ERROR_NOT_SUPPORTED);
      return false;
    }
    EXPECT_EQ(imported.status, PSA_SUCCESS) << vectors.name;
    *key = {kPair, bits, imported.key};
    return imported.status == PSA_SUCCESS;
  }

  // Decrypts every "Encryption" of the file to its "Message"; a changed
  // ciphertext fails with INVALID_PADDING. Returns the number of cases run.
  size_t CheckDecryptionFile(const std::string& file, psa_algorithm_t alg,
                             size_t* skipped_keys) {
    size_t checked = 0;
    for (const Pkcs1Key& vectors : ParsePkcs1Vectors(ReadVectorFile(file))) {
      Key key;
      if (!ImportPair(vectors, &key)) {
        ++*skipped_keys;
        continue;
      }
      for (const auto& c : vectors.cases) {
        const Bytes& ciphertext = c.fields.at("Encryption");
        const Bytes& message = c.fields.at("Message");
        const Result decrypted = Decrypt(key, alg, ciphertext);
        EXPECT_EQ(decrypted.status, PSA_SUCCESS) << file << " " << c.name;
        EXPECT_EQ(decrypted.output, message) << c.name;
        Bytes changed = ciphertext;
        changed[changed.size() / 3] ^= 0x10;
        EXPECT_EQ(Decrypt(key, alg, changed).status, PSA_ERROR_INVALID_PADDING)
            << c.name;
        ++checked;
      }
    }
    return checked;
  }
};

TEST_F(AsymmetricEncryptionTest, OaepSha1KnownAnswers) {
  size_t skipped = 0;
  const size_t checked =
      CheckDecryptionFile("asymmetric/RSA/pkcs-1v2-1d2-vec/oaep-vect.txt",
                          PSA_ALG_RSA_OAEP(PSA_ALG_SHA_1), &skipped);
  EXPECT_EQ(checked, 3u * 6u);  // the 1024-, 1536- and 2048-bit keys
  EXPECT_EQ(skipped, 7u);       // 1025-1031 bits
}

TEST_F(AsymmetricEncryptionTest, OaepSha2KnownAnswers) {
  for (const char* hash : {"sha224", "sha256", "sha384", "sha512"}) {
    size_t skipped = 0;
    const std::string file = std::string("asymmetric/RSA/oaep-custom/oaep-") +
                             hash + "-" + hash + ".txt";
    const size_t checked = CheckDecryptionFile(
        file, PSA_ALG_RSA_OAEP(testing::HashByName(hash)), &skipped);
    EXPECT_GT(checked, 0u) << file;
    std::printf("%s: %zu decrypted, %zu keys of unsupported size\n",
                file.c_str(), checked, skipped);
  }
}

TEST_F(AsymmetricEncryptionTest, Pkcs1v15KnownAnswers) {
  size_t skipped = 0;
  const size_t checked =
      CheckDecryptionFile("asymmetric/RSA/pkcs1v15crypt-vectors.txt",
                          PSA_ALG_RSA_PKCS1V15_CRYPT, &skipped);
  EXPECT_EQ(checked, 8u * 20u);
  EXPECT_EQ(skipped, 7u);
}

struct RsaKeys {
  Key pair, public_key;
};

RsaKeys GenerateRsa(size_t bits) {
  auto generated = Generate(kPair, bits);
  EXPECT_EQ(generated.status, PSA_SUCCESS) << bits;
  auto exported = ExportPublic(kPair, bits, generated.output);
  EXPECT_EQ(exported.status, PSA_SUCCESS);
  return {{kPair, bits, generated.output}, {kPublic, bits, exported.output}};
}

// The largest message of `alg` for a k-byte key.
size_t MaxMessage(psa_algorithm_t alg, size_t bits) {
  return PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(kPair, bits, alg);
}

// Every size class and hash: encryption with the public key and with the
// key pair (randomized: twice gives two ciphertexts), with and without a
// label, of empty, short and maximal messages, decrypts back; a wrong label
// fails with INVALID_PADDING.
TEST_F(AsymmetricEncryptionTest, RoundTripsOnEverySizeClass) {
  for (size_t bits : {1024, 2048, 3072, 4096}) {
    const RsaKeys keys = GenerateRsa(bits);
    if (HasFailure()) return;
    std::vector<psa_algorithm_t> algs = {PSA_ALG_RSA_PKCS1V15_CRYPT};
    for (psa_algorithm_t hash : BuiltinHashes()) {
      if (bits / 8 >= 2 * PSA_HASH_LENGTH(hash) + 2) {
        algs.push_back(PSA_ALG_RSA_OAEP(hash));
      }
    }
    for (psa_algorithm_t alg : algs) {
      const bool oaep = PSA_ALG_IS_RSA_OAEP(alg);
      for (size_t length : {size_t{0}, size_t{1}, MaxMessage(alg, bits)}) {
        const Bytes message(length, 0x42);
        const Bytes label = oaep ? Bytes{'l', 'a', 'b'} : Bytes{};
        for (const Key* key : {&keys.public_key, &keys.pair}) {
          const Result first = Encrypt(*key, alg, message, label);
          const Result second = Encrypt(*key, alg, message, label);
          ASSERT_EQ(first.status, PSA_SUCCESS) << bits << " " << alg;
          EXPECT_EQ(first.output.size(), bits / 8);
          EXPECT_NE(first.output, second.output);
          const Result decrypted = Decrypt(keys.pair, alg, first.output, label);
          ASSERT_EQ(decrypted.status, PSA_SUCCESS) << bits << " " << alg;
          EXPECT_EQ(decrypted.output, message);
        }
        if (oaep) {
          const Result ciphertext = Encrypt(keys.public_key, alg, message);
          EXPECT_EQ(Decrypt(keys.pair, alg, ciphertext.output).status,
                    PSA_SUCCESS);
          EXPECT_EQ(Decrypt(keys.pair, alg, ciphertext.output, {'x'}).status,
                    PSA_ERROR_INVALID_PADDING);
        }
      }
      // One byte more than fits.
      EXPECT_EQ(
          Encrypt(keys.public_key, alg, Bytes(MaxMessage(alg, bits) + 1, 1))
              .status,
          PSA_ERROR_INVALID_ARGUMENT);
    }
  }
}

class EncryptionFailureTest : public KeyManagementTest {
 protected:
  void SetUp() override {
    KeyManagementTest::SetUp();
    keys_ = GenerateRsa(1024);
  }
  RsaKeys keys_;
  const psa_algorithm_t oaep_ = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);
  const psa_algorithm_t pkcs1_ = PSA_ALG_RSA_PKCS1V15_CRYPT;
};

TEST_F(EncryptionFailureTest, EncryptStatuses) {
  const Bytes message = {1, 2, 3};
  auto ecc = Generate(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256);
  const Key ecc_key{PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256,
                    ecc.output};
  EXPECT_EQ(Encrypt(keys_.public_key, pkcs1_, message, {'s'}).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Encrypt(ecc_key, oaep_, message).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Encrypt(keys_.public_key, PSA_ALG_SHA_256, message).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(
      Encrypt(keys_.public_key, PSA_ALG_RSA_OAEP(PSA_ALG_ANY_HASH), message)
          .status,
      PSA_ERROR_INVALID_ARGUMENT);
  // SHA-512 OAEP needs 130 bytes of padding: no room in a 1024-bit key.
  EXPECT_EQ(
      Encrypt(keys_.public_key, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_512), {}).status,
      PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(
      Encrypt(keys_.public_key, PSA_ALG_RSA_OAEP(PSA_ALG_SHA3_256), message)
          .status,
      PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(Encrypt(keys_.public_key, oaep_, message, {}, 127).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(Encrypt(keys_.public_key, oaep_, message, {}, 128).status,
            PSA_SUCCESS);
  const Key odd{kPublic, 1032, keys_.public_key.buffer};
  EXPECT_EQ(Encrypt(odd, pkcs1_, message).status, PSA_ERROR_INVALID_ARGUMENT);
}

TEST_F(EncryptionFailureTest, DecryptStatuses) {
  const Bytes message(20, 7);
  const Bytes ciphertext = Encrypt(keys_.public_key, oaep_, message).output;
  ASSERT_EQ(ciphertext.size(), 128u);
  EXPECT_EQ(Decrypt(keys_.public_key, oaep_, ciphertext).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Decrypt(keys_.pair, pkcs1_, ciphertext, {'s'}).status,
            PSA_ERROR_INVALID_ARGUMENT);
  // Not k bytes.
  EXPECT_EQ(Decrypt(keys_.pair, oaep_,
                    Bytes(ciphertext.begin() + 1, ciphertext.end()))
                .status,
            PSA_ERROR_INVALID_ARGUMENT);
  Bytes longer = ciphertext;
  longer.push_back(0);
  EXPECT_EQ(Decrypt(keys_.pair, oaep_, longer).status,
            PSA_ERROR_INVALID_ARGUMENT);
  // Every bad ciphertext is the same status: not less than the modulus,
  // bad padding, the other scheme's padding.
  EXPECT_EQ(Decrypt(keys_.pair, oaep_, Bytes(128, 0xFF)).status,
            PSA_ERROR_INVALID_PADDING);
  EXPECT_EQ(Decrypt(keys_.pair, oaep_, Bytes(128, 0)).status,
            PSA_ERROR_INVALID_PADDING);
  EXPECT_EQ(Decrypt(keys_.pair, pkcs1_, ciphertext).status,
            PSA_ERROR_INVALID_PADDING);
  const Bytes pkcs1_ciphertext =
      Encrypt(keys_.public_key, pkcs1_, message).output;
  EXPECT_EQ(Decrypt(keys_.pair, oaep_, pkcs1_ciphertext).status,
            PSA_ERROR_INVALID_PADDING);
  EXPECT_EQ(
      Decrypt(keys_.pair, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_1), ciphertext).status,
      PSA_ERROR_INVALID_PADDING);
}

// BUFFER_TOO_SMALL only after a decryption that succeeded, with nothing
// written; a bad ciphertext with a small buffer is INVALID_PADDING, so the
// buffer size reveals nothing about the padding.
TEST_F(EncryptionFailureTest, BufferTooSmallOnlyAfterSuccess) {
  for (psa_algorithm_t alg : {oaep_, pkcs1_}) {
    const Bytes message(20, 7);
    const Bytes ciphertext = Encrypt(keys_.public_key, alg, message).output;
    EXPECT_EQ(Decrypt(keys_.pair, alg, ciphertext, {}, 19).status,
              PSA_ERROR_BUFFER_TOO_SMALL);
    EXPECT_EQ(Decrypt(keys_.pair, alg, ciphertext, {}, 0).status,
              PSA_ERROR_BUFFER_TOO_SMALL);
    const Result exact = Decrypt(keys_.pair, alg, ciphertext, {}, 20);
    EXPECT_EQ(exact.status, PSA_SUCCESS);
    EXPECT_EQ(exact.output, message);
    Bytes bad = ciphertext;
    bad[5] ^= 1;
    for (size_t size : {size_t{0}, size_t{19}, size_t{512}}) {
      EXPECT_EQ(Decrypt(keys_.pair, alg, bad, {}, size).status,
                PSA_ERROR_INVALID_PADDING)
          << size;
    }
  }
  // An empty message fits an empty buffer.
  const Bytes empty_ciphertext = Encrypt(keys_.public_key, oaep_, {}).output;
  const Result empty = Decrypt(keys_.pair, oaep_, empty_ciphertext, {}, 0);
  EXPECT_EQ(empty.status, PSA_SUCCESS);
  EXPECT_TRUE(empty.output.empty());
}

}  // namespace
}  // namespace drivers::builtin
