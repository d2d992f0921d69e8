// The signature API (PSA Crypto API 1.2, "Asymmetric signature") through
// the public functions of a builtin-only build, against the statuses
// api/ops/signature.rst lists:
//   - a table of bad keys, policies and algorithms run through
//     psa_sign_hash, psa_verify_hash, psa_sign_message and
//     psa_verify_message: invalid handles, missing usage (and the
//     SIGN_HASH => SIGN_MESSAGE implication), other permitted algorithms,
//     wildcard policies permitting specific hashes, not-a-signature
//     algorithms, key types that do not suit the algorithm, public keys to
//     sign;
//   - hash lengths, signature buffers one byte too small (nothing written
//     past them, nothing reported), signatures of the wrong length;
//   - sign_message/verify_message agreeing with sign_hash/verify_hash on
//     every hash, for ECDSA (deterministic: the same bytes) and RSA; RFC
//     6979 through the API; a signature computed in place over its hash.

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

constexpr psa_key_type_t kP256Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_key_type_t kP256Public = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_key_type_t kX25519Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY);
constexpr psa_key_type_t kRsaPair = PSA_KEY_TYPE_RSA_KEY_PAIR;
constexpr psa_key_type_t kRsaPublic = PSA_KEY_TYPE_RSA_PUBLIC_KEY;

constexpr psa_algorithm_t kEcdsa256 = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
constexpr psa_algorithm_t kPss256 = PSA_ALG_RSA_PSS(PSA_ALG_SHA_256);
constexpr psa_key_usage_t kAllSignUsages =
    PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE;

// RFC 6979 A.2.5: the P-256 private key.
Bytes P256PrivateKey() { return FromHex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"); }

// Key material of every type the table uses, made once: the RFC 6979 key
// and its public key, a generated 1024-bit RSA key pair and its public key,
// an X25519 key, an AES key.
const Bytes& MaterialFor(psa_key_type_t type) {
  static const auto* const material = [] {
    auto* m = new std::vector<std::pair<psa_key_type_t, Bytes>>;
    ScopedKey p256(kP256Pair, P256PrivateKey(), 0, PSA_ALG_NONE);
    Bytes p256_public;
    EXPECT_STATUS(PSA_SUCCESS, ::psa::keys_testing::ExportPublic(p256.id(), &p256_public));
    const psa_key_attributes_t attributes =
        ::psa::keys_testing::MakeAttributes(kRsaPair, 1024, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    psa_key_id_t rsa = PSA_KEY_ID_NULL;
    EXPECT_STATUS(PSA_SUCCESS, psa_generate_key(&attributes, &rsa));
    Bytes rsa_pair, rsa_public;
    EXPECT_STATUS(PSA_SUCCESS, ::psa::keys_testing::Export(rsa, &rsa_pair));
    EXPECT_STATUS(PSA_SUCCESS, ::psa::keys_testing::ExportPublic(rsa, &rsa_public));
    psa_destroy_key(rsa);
    m->push_back({kP256Pair, P256PrivateKey()});
    m->push_back({kP256Public, p256_public});
    m->push_back({kRsaPair, rsa_pair});
    m->push_back({kRsaPublic, rsa_public});
    m->push_back({kX25519Pair, ::psa::keys_testing::PatternBytes(32, 3)});
    m->push_back({PSA_KEY_TYPE_AES, ::psa::keys_testing::PatternBytes(16, 4)});
    return m;
  }();
  for (const auto& entry : *material) {
    if (entry.first == type) return entry.second;
  }
  ADD_FAILURE() << "no material for key type " << type;
  static const Bytes kNone;
  return kNone;
}

// The size of the keys of MaterialFor().
size_t BitsOf(psa_key_type_t type) { return PSA_KEY_TYPE_IS_RSA(type) ? 1024 : PSA_KEY_TYPE_IS_ECC(type) ? 256 : 128; }

// A hash of the right length for `alg` (a fixed pattern; 32 bytes when the
// algorithm has no hash).
Bytes HashFor(psa_algorithm_t alg) {
  const size_t length = PSA_ALG_IS_HASH_AND_SIGN(alg) ? PSA_HASH_LENGTH(PSA_ALG_GET_HASH(alg)) : 32;
  return ::psa::keys_testing::PatternBytes(length ? length : 32, 5);
}

const Bytes kMessage = {'m', 'e', 's', 's', 'a', 'g', 'e'};

psa_status_t SignHash(psa_key_id_t key, psa_algorithm_t alg, const Bytes& hash, Bytes* signature,
                      size_t size = PSA_SIGNATURE_MAX_SIZE) {
  GuardedBuffer out(size);
  size_t length = 12345;
  const psa_status_t status = psa_sign_hash(key, alg, DataOrNull(hash), hash.size(), out.data(), out.size(), &length);
  EXPECT_TRUE(out.GuardIntact());
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(length, 0u) << "a length reported on failure";
    EXPECT_TRUE(out.OnlyCanaryOrZero()) << "output left on failure";
  }
  *signature = status == PSA_SUCCESS ? out.Prefix(length) : Bytes();
  return status;
}

psa_status_t SignMessage(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message, Bytes* signature,
                         size_t size = PSA_SIGNATURE_MAX_SIZE) {
  GuardedBuffer out(size);
  size_t length = 12345;
  const psa_status_t status =
      psa_sign_message(key, alg, DataOrNull(message), message.size(), out.data(), out.size(), &length);
  EXPECT_TRUE(out.GuardIntact());
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(length, 0u) << "a length reported on failure";
    EXPECT_TRUE(out.OnlyCanaryOrZero()) << "output left on failure";
  }
  *signature = status == PSA_SUCCESS ? out.Prefix(length) : Bytes();
  return status;
}

psa_status_t VerifyHash(psa_key_id_t key, psa_algorithm_t alg, const Bytes& hash, const Bytes& signature) {
  return psa_verify_hash(key, alg, DataOrNull(hash), hash.size(), DataOrNull(signature), signature.size());
}

psa_status_t VerifyMessage(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message, const Bytes& signature) {
  return psa_verify_message(key, alg, DataOrNull(message), message.size(), DataOrNull(signature), signature.size());
}

// ---------------------------------------------------------------------------
// Bad keys, policies and algorithms, through the four functions.

enum class KeySource { kNull, kDestroyed, kNeverCreated, kImported };

struct ArgumentCase {
  const char* name;
  KeySource source;
  psa_key_type_t type;
  psa_key_usage_t usage;
  psa_algorithm_t policy;
  psa_algorithm_t alg;
  psa_status_t sign_hash, verify_hash, sign_message, verify_message;
};

std::ostream& operator<<(std::ostream& os, const ArgumentCase& c) { return os << c.name; }

constexpr psa_status_t kOk = PSA_SUCCESS;
constexpr psa_status_t kHandle = PSA_ERROR_INVALID_HANDLE;
constexpr psa_status_t kDenied = PSA_ERROR_NOT_PERMITTED;
constexpr psa_status_t kInvalid = PSA_ERROR_INVALID_ARGUMENT;

const ArgumentCase kArgumentCases[] = {
    {"NullKeyId", KeySource::kNull, 0, 0, 0, kEcdsa256, kHandle, kHandle, kHandle, kHandle},
    {"DestroyedKey", KeySource::kDestroyed, 0, 0, 0, kEcdsa256, kHandle, kHandle, kHandle, kHandle},
    {"NeverCreatedKey", KeySource::kNeverCreated, 0, 0, 0, kEcdsa256, kHandle, kHandle, kHandle, kHandle},
    // Baselines.
    {"EcdsaValid", KeySource::kImported, kP256Pair, kAllSignUsages, kEcdsa256, kEcdsa256, kOk, kOk, kOk, kOk},
    {"PssValid", KeySource::kImported, kRsaPair, kAllSignUsages, kPss256, kPss256, kOk, kOk, kOk, kOk},
    {"PublicKeyVerifies", KeySource::kImported, kP256Public, kAllSignUsages, kEcdsa256, kEcdsa256, kInvalid, kOk,
     kInvalid, kOk},
    {"RsaPublicKeyVerifies", KeySource::kImported, kRsaPublic, kAllSignUsages, kPss256, kPss256, kInvalid, kOk,
     kInvalid, kOk},
    // Usage flags; SIGN_HASH implies SIGN_MESSAGE, not the reverse.
    {"NoUsage", KeySource::kImported, kP256Pair, 0, kEcdsa256, kEcdsa256, kDenied, kDenied, kDenied, kDenied},
    {"SignHashOnly", KeySource::kImported, kP256Pair, PSA_KEY_USAGE_SIGN_HASH, kEcdsa256, kEcdsa256, kOk, kDenied, kOk,
     kDenied},
    {"VerifyHashOnly", KeySource::kImported, kP256Pair, PSA_KEY_USAGE_VERIFY_HASH, kEcdsa256, kEcdsa256, kDenied, kOk,
     kDenied, kOk},
    {"MessageUsagesOnly", KeySource::kImported, kP256Pair, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE,
     kEcdsa256, kEcdsa256, kDenied, kDenied, kOk, kOk},
    {"EncryptDecryptOnly", KeySource::kImported, kRsaPair, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, kPss256,
     kPss256, kDenied, kDenied, kDenied, kDenied},
    // Permitted algorithms.
    {"PolicyNone", KeySource::kImported, kP256Pair, kAllSignUsages, PSA_ALG_NONE, kEcdsa256, kDenied, kDenied, kDenied,
     kDenied},
    {"PolicyOtherHash", KeySource::kImported, kP256Pair, kAllSignUsages, PSA_ALG_ECDSA(PSA_ALG_SHA_384), kEcdsa256,
     kDenied, kDenied, kDenied, kDenied},
    {"PolicyDeterministicRequestRandomized", KeySource::kImported, kP256Pair, kAllSignUsages,
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256), kEcdsa256, kDenied, kDenied, kDenied, kDenied},
    {"PolicyPssRequestPssAnySalt", KeySource::kImported, kRsaPair, kAllSignUsages, kPss256,
     PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_256), kDenied, kDenied, kDenied, kDenied},
    {"PolicyPkcs1RequestPss", KeySource::kImported, kRsaPair, kAllSignUsages,
     PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), kPss256, kDenied, kDenied, kDenied, kDenied},
    // Wildcard policies permit the specific hashes of their scheme.
    {"WildcardEcdsaPermitsSha256", KeySource::kImported, kP256Pair, kAllSignUsages, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     kEcdsa256, kOk, kOk, kOk, kOk},
    {"WildcardEcdsaPermitsSha512", KeySource::kImported, kP256Pair, kAllSignUsages, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_ALG_ECDSA(PSA_ALG_SHA_512), kOk, kOk, kOk, kOk},
    {"WildcardEcdsaRefusesEcdsaAny", KeySource::kImported, kP256Pair, kAllSignUsages, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_ALG_ECDSA_ANY, kDenied, kDenied, kInvalid, kInvalid},
    {"WildcardEcdsaRefusesDeterministic", KeySource::kImported, kP256Pair, kAllSignUsages,
     PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256), kDenied, kDenied, kDenied, kDenied},
    {"WildcardDeterministicPermitsSha384", KeySource::kImported, kP256Pair, kAllSignUsages,
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_ANY_HASH), PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_384), kOk, kOk, kOk, kOk},
    {"WildcardPssPermitsSha1", KeySource::kImported, kRsaPair, kAllSignUsages, PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH),
     PSA_ALG_RSA_PSS(PSA_ALG_SHA_1), kOk, kOk, kOk, kOk},
    {"WildcardPkcs1PermitsRaw", KeySource::kImported, kRsaPair, kAllSignUsages,
     PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH), PSA_ALG_RSA_PKCS1V15_SIGN_RAW, kOk, kOk, kInvalid, kInvalid},
    {"EcdsaAnyPolicy", KeySource::kImported, kP256Pair, kAllSignUsages, PSA_ALG_ECDSA_ANY, PSA_ALG_ECDSA_ANY, kOk, kOk,
     kInvalid, kInvalid},
    // A wildcard is a policy, not an algorithm.
    {"WildcardAsAlgorithm", KeySource::kImported, kP256Pair, kAllSignUsages, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), kInvalid, kInvalid, kInvalid, kInvalid},
    // Not signature algorithms, or not for this function.
    {"AlgNone", KeySource::kImported, kP256Pair, kAllSignUsages, kEcdsa256, PSA_ALG_NONE, kInvalid, kInvalid, kInvalid,
     kInvalid},
    {"HashAlg", KeySource::kImported, kP256Pair, kAllSignUsages, kEcdsa256, PSA_ALG_SHA_256, kInvalid, kInvalid,
     kInvalid, kInvalid},
    {"MacAlg", KeySource::kImported, kP256Pair, kAllSignUsages, kEcdsa256, PSA_ALG_HMAC(PSA_ALG_SHA_256), kInvalid,
     kInvalid, kInvalid, kInvalid},
    {"EncryptionAlg", KeySource::kImported, kRsaPair, kAllSignUsages, kPss256, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256),
     kInvalid, kInvalid, kInvalid, kInvalid},
    {"PureEddsaOnAHash", KeySource::kImported, kP256Pair, kAllSignUsages, PSA_ALG_PURE_EDDSA, PSA_ALG_PURE_EDDSA,
     kInvalid, kInvalid, kInvalid, kInvalid},
    // Key types that do not suit the algorithm (the policy permits it).
    {"EcdsaWithRsaKey", KeySource::kImported, kRsaPair, kAllSignUsages, kEcdsa256, kEcdsa256, kInvalid, kInvalid,
     kInvalid, kInvalid},
    {"PssWithEccKey", KeySource::kImported, kP256Pair, kAllSignUsages, kPss256, kPss256, kInvalid, kInvalid, kInvalid,
     kInvalid},
    {"EcdsaWithMontgomeryKey", KeySource::kImported, kX25519Pair, kAllSignUsages, kEcdsa256, kEcdsa256, kInvalid,
     kInvalid, kInvalid, kInvalid},
    {"EcdsaWithAesKey", KeySource::kImported, PSA_KEY_TYPE_AES, kAllSignUsages, kEcdsa256, kEcdsa256, kInvalid,
     kInvalid, kInvalid, kInvalid},
};

class SignatureArguments : public ::testing::TestWithParam<ArgumentCase> {};

TEST_P(SignatureArguments, EachFunctionReturnsTheSpecifiedStatus) {
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
  const Bytes hash = HashFor(c.alg);
  // A valid signature to verify, made with a key that may make it (the
  // material's key pair with the requested algorithm), when there is one.
  Bytes signature(PSA_SIGN_OUTPUT_SIZE(c.type, BitsOf(c.type), c.alg), 0);
  if (c.source == KeySource::kImported && PSA_ALG_IS_SIGN_HASH(c.alg) && (c.verify_hash == kOk)) {
    const psa_key_type_t pair = PSA_KEY_TYPE_IS_RSA(c.type) ? kRsaPair : kP256Pair;
    ScopedKey signer(pair, MaterialFor(pair), PSA_KEY_USAGE_SIGN_HASH, c.alg);
    ASSERT_STATUS(kOk, SignHash(signer.id(), c.alg, hash, &signature));
  }
  Bytes message_signature = signature;
  if (c.source == KeySource::kImported && c.verify_message == kOk) {
    const psa_key_type_t pair = PSA_KEY_TYPE_IS_RSA(c.type) ? kRsaPair : kP256Pair;
    ScopedKey signer(pair, MaterialFor(pair), PSA_KEY_USAGE_SIGN_MESSAGE, c.alg);
    ASSERT_STATUS(kOk, SignMessage(signer.id(), c.alg, kMessage, &message_signature));
  }
  Bytes out;
  EXPECT_STATUS(c.sign_hash, SignHash(key, c.alg, hash, &out)) << "psa_sign_hash";
  EXPECT_STATUS(c.verify_hash, VerifyHash(key, c.alg, hash, signature)) << "psa_verify_hash";
  EXPECT_STATUS(c.sign_message, SignMessage(key, c.alg, kMessage, &out)) << "psa_sign_message";
  EXPECT_STATUS(c.verify_message, VerifyMessage(key, c.alg, kMessage, message_signature)) << "psa_verify_message";
}

INSTANTIATE_TEST_SUITE_P(Table, SignatureArguments, ::testing::ValuesIn(kArgumentCases),
                         [](const ::testing::TestParamInfo<ArgumentCase>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// Lengths.

struct KeyUnderTest {
  psa_key_type_t type;
  psa_algorithm_t alg;
};

TEST(SignatureLengths, HashOfTheWrongLengthIsInvalid) {
  for (const KeyUnderTest& k : {KeyUnderTest{kP256Pair, kEcdsa256}, KeyUnderTest{kRsaPair, kPss256},
                                KeyUnderTest{kRsaPair, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_384)}}) {
    ScopedKey key(k.type, MaterialFor(k.type), kAllSignUsages, k.alg);
    const Bytes hash = HashFor(k.alg);
    Bytes signature;
    ASSERT_STATUS(kOk, SignHash(key.id(), k.alg, hash, &signature));
    for (const Bytes& wrong : {Slice(hash, 0, hash.size() - 1), Concat(hash, {0}), Bytes()}) {
      Bytes out;
      EXPECT_STATUS(kInvalid, SignHash(key.id(), k.alg, wrong, &out)) << wrong.size();
      EXPECT_STATUS(kInvalid, VerifyHash(key.id(), k.alg, wrong, signature)) << wrong.size();
    }
  }
  // PSA_ALG_RSA_PKCS1V15_SIGN_RAW: up to the modulus size - 11 bytes.
  ScopedKey rsa(kRsaPair, MaterialFor(kRsaPair), kAllSignUsages, PSA_ALG_RSA_PKCS1V15_SIGN_RAW);
  Bytes out;
  EXPECT_STATUS(kOk, SignHash(rsa.id(), PSA_ALG_RSA_PKCS1V15_SIGN_RAW, Bytes(117, 1), &out));
  EXPECT_STATUS(kOk, VerifyHash(rsa.id(), PSA_ALG_RSA_PKCS1V15_SIGN_RAW, Bytes(117, 1), out));
  EXPECT_STATUS(kInvalid, SignHash(rsa.id(), PSA_ALG_RSA_PKCS1V15_SIGN_RAW, Bytes(118, 1), &out));
  // PSA_ALG_ECDSA_ANY: any length.
  ScopedKey ecc(kP256Pair, MaterialFor(kP256Pair), kAllSignUsages, PSA_ALG_ECDSA_ANY);
  for (size_t length : {1, 20, 48, 64}) {
    EXPECT_STATUS(kOk, SignHash(ecc.id(), PSA_ALG_ECDSA_ANY, Bytes(length, 2), &out)) << length;
    EXPECT_STATUS(kOk, VerifyHash(ecc.id(), PSA_ALG_ECDSA_ANY, Bytes(length, 2), out));
  }
}

TEST(SignatureLengths, BufferOneByteTooSmall) {
  for (const KeyUnderTest& k : {KeyUnderTest{kP256Pair, kEcdsa256}, KeyUnderTest{kRsaPair, kPss256}}) {
    ScopedKey key(k.type, MaterialFor(k.type), kAllSignUsages, k.alg);
    const size_t size = PSA_SIGN_OUTPUT_SIZE(k.type, BitsOf(k.type), k.alg);
    Bytes signature;
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, SignHash(key.id(), k.alg, HashFor(k.alg), &signature, size - 1));
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, SignMessage(key.id(), k.alg, kMessage, &signature, size - 1));
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, SignHash(key.id(), k.alg, HashFor(k.alg), &signature, 0));
    EXPECT_STATUS(kOk, SignHash(key.id(), k.alg, HashFor(k.alg), &signature, size));
    EXPECT_EQ(signature.size(), size);
  }
}

TEST(SignatureLengths, SignatureOfTheWrongLengthIsInvalid) {
  for (const KeyUnderTest& k : {KeyUnderTest{kP256Pair, kEcdsa256}, KeyUnderTest{kRsaPair, kPss256}}) {
    ScopedKey key(k.type, MaterialFor(k.type), kAllSignUsages, k.alg);
    Bytes signature;
    ASSERT_STATUS(kOk, SignMessage(key.id(), k.alg, kMessage, &signature));
    EXPECT_STATUS(kOk, VerifyMessage(key.id(), k.alg, kMessage, signature));
    for (const Bytes& wrong : {Slice(signature, 0, signature.size() - 1), Concat(signature, {0}), Bytes()}) {
      EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, VerifyMessage(key.id(), k.alg, kMessage, wrong)) << wrong.size();
      EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, VerifyHash(key.id(), k.alg, HashFor(k.alg), wrong));
    }
    EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE,
                  VerifyMessage(key.id(), k.alg, kMessage, WithBitFlipped(signature, signature.size() / 2)));
  }
}

// ---------------------------------------------------------------------------
// Message and hash functions agree.

Bytes HashOf(psa_algorithm_t hash_alg, const Bytes& message) {
  Bytes hash(PSA_HASH_MAX_SIZE);
  size_t length = 0;
  EXPECT_STATUS(kOk, psa_hash_compute(hash_alg, message.data(), message.size(), hash.data(), hash.size(), &length));
  hash.resize(length);
  return hash;
}

TEST(SignatureRoundTrips, MessageAndHashFunctionsAgreeOnEveryHash) {
  const psa_algorithm_t hashes[] = {PSA_ALG_MD5,     PSA_ALG_RIPEMD160, PSA_ALG_SHA_1,  PSA_ALG_SHA_224,
                                    PSA_ALG_SHA_256, PSA_ALG_SHA_384,   PSA_ALG_SHA_512};
  for (psa_algorithm_t hash_alg : hashes) {
    const Bytes hash = HashOf(hash_alg, kMessage);
    const struct {
      psa_key_type_t type;
      psa_algorithm_t alg;
      bool deterministic;
    } schemes[] = {
        {kP256Pair, PSA_ALG_ECDSA(hash_alg), false},           {kP256Pair, PSA_ALG_DETERMINISTIC_ECDSA(hash_alg), true},
        {kRsaPair, PSA_ALG_RSA_PKCS1V15_SIGN(hash_alg), true}, {kRsaPair, PSA_ALG_RSA_PSS(hash_alg), false},
        {kRsaPair, PSA_ALG_RSA_PSS_ANY_SALT(hash_alg), false},
    };
    for (const auto& s : schemes) {
      ScopedKey key(s.type, MaterialFor(s.type), kAllSignUsages, s.alg);
      Bytes by_message, by_hash;
      ASSERT_STATUS(kOk, SignMessage(key.id(), s.alg, kMessage, &by_message)) << s.alg;
      ASSERT_STATUS(kOk, SignHash(key.id(), s.alg, hash, &by_hash)) << s.alg;
      if (s.deterministic) {
        EXPECT_EQ(ToHex(by_message), ToHex(by_hash)) << s.alg;
      }
      for (const Bytes& signature : {by_message, by_hash}) {
        EXPECT_STATUS(kOk, VerifyMessage(key.id(), s.alg, kMessage, signature)) << s.alg;
        EXPECT_STATUS(kOk, VerifyHash(key.id(), s.alg, hash, signature)) << s.alg;
        EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, VerifyMessage(key.id(), s.alg, Concat(kMessage, {0}), signature));
      }
      // The public key verifies what the key pair signed.
      const psa_key_type_t public_type = PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(s.type);
      ScopedKey public_key(public_type, MaterialFor(public_type), PSA_KEY_USAGE_VERIFY_HASH, s.alg);
      EXPECT_STATUS(kOk, VerifyMessage(public_key.id(), s.alg, kMessage, by_message));
      EXPECT_STATUS(kOk, VerifyHash(public_key.id(), s.alg, hash, by_hash));
    }
  }
}

// RFC 6979 A.2.5, P-256 with SHA-256, through psa_sign_message.
TEST(SignatureRoundTrips, Rfc6979ThroughTheApi) {
  const psa_algorithm_t alg = PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256);
  ScopedKey key(kP256Pair, P256PrivateKey(), kAllSignUsages, alg);
  const Bytes sample = {'s', 'a', 'm', 'p', 'l', 'e'};
  Bytes signature;
  ASSERT_STATUS(kOk, SignMessage(key.id(), alg, sample, &signature));
  EXPECT_EQ(ToHex(signature),
            "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
            "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8");
  // Verification of deterministic ECDSA, by the deterministic algorithm.
  EXPECT_STATUS(kOk, VerifyMessage(key.id(), alg, sample, signature));
}

// A signature written over the hash it signs (the buffers overlap).
TEST(SignatureRoundTrips, SignatureInPlaceOverItsHash) {
  for (const KeyUnderTest& k : {KeyUnderTest{kP256Pair, PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256)},
                                KeyUnderTest{kRsaPair, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256)}}) {
    ScopedKey key(k.type, MaterialFor(k.type), kAllSignUsages, k.alg);
    const Bytes hash = HashFor(k.alg);
    Bytes expected;
    ASSERT_STATUS(kOk, SignHash(key.id(), k.alg, hash, &expected));
    Bytes buffer(PSA_SIGNATURE_MAX_SIZE, 0);
    std::copy(hash.begin(), hash.end(), buffer.begin() + 8);
    size_t length = 0;
    ASSERT_STATUS(
        kOk, psa_sign_hash(key.id(), k.alg, buffer.data() + 8, hash.size(), buffer.data(), buffer.size(), &length));
    EXPECT_EQ(ToHex(Slice(buffer, 0, length)), ToHex(expected));
  }
}

}  // namespace
}  // namespace psa::conformance
