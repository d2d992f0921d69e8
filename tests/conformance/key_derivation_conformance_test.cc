// Conformance of the key derivation API (PSA Crypto 1.2,
// reference/psa-crypto-api/api/ops/key-derivation.rst) through the public
// API of a builtin-only build: known answers for each algorithm (RFC 5869,
// RFC 6070, and SP 800-108 and the TLS PRFs recomputed with psa_mac_compute),
// the input order of each algorithm, steps it does not take, capacity,
// DERIVE and VERIFY_DERIVATION policies, verification, output_key of every
// key type the build supports, the error state and abort.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/conformance/conformance_util.h"

namespace psa::conformance {
namespace {

constexpr psa_algorithm_t kHkdf = PSA_ALG_HKDF(PSA_ALG_SHA_256);

Bytes Text(const std::string& text) { return Bytes(text.begin(), text.end()); }

class KeyDerivation : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_STATUS(PSA_SUCCESS, psa_crypto_init()); }
  void TearDown() override { EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_)); }

  psa_status_t Input(psa_key_derivation_step_t step, const Bytes& data) {
    return psa_key_derivation_input_bytes(&op_, step, DataOrNull(data), data.size());
  }
  Bytes Output(size_t length, psa_status_t expected = PSA_SUCCESS) {
    Bytes out(length);
    EXPECT_STATUS(expected, psa_key_derivation_output_bytes(&op_, out.empty() ? nullptr : out.data(), length));
    return out;
  }
  size_t Capacity() {
    size_t capacity = 0;
    EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_get_capacity(&op_, &capacity));
    return capacity;
  }
  // Every call but abort is refused in the error state.
  void ExpectErrorState() {
    size_t capacity = 0;
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_key_derivation_get_capacity(&op_, &capacity));
    uint8_t byte = 0;
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_key_derivation_output_bytes(&op_, &byte, 1));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, Input(PSA_KEY_DERIVATION_INPUT_INFO, {}));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_key_derivation_setup(&op_, kHkdf));
    EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
    EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, kHkdf));
  }
  // RFC 5869 test case 1 inputs on op_ (HKDF-SHA-256).
  void HkdfCase1Inputs(bool secret_as_key = false) {
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, kHkdf));
    ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SALT, FromHex("000102030405060708090a0b0c")));
    const Bytes ikm(22, 0x0b);
    if (secret_as_key) {
      key_ = ScopedKey(PSA_KEY_TYPE_DERIVE, ikm, PSA_KEY_USAGE_DERIVE, kHkdf);
      ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_input_key(&op_, PSA_KEY_DERIVATION_INPUT_SECRET, key_.id()));
    } else {
      ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, ikm));
    }
    ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_INFO, FromHex("f0f1f2f3f4f5f6f7f8f9")));
  }

  psa_key_derivation_operation_t op_ = PSA_KEY_DERIVATION_OPERATION_INIT;
  ScopedKey key_;
};

const char kHkdfCase1Okm[] =
    "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865";

Bytes Hmac(psa_algorithm_t hash, const Bytes& key, const Bytes& message) {
  ScopedKey k(PSA_KEY_TYPE_HMAC, key, PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_HMAC(hash));
  Bytes mac(PSA_HASH_LENGTH(hash));
  size_t length = 0;
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_compute(k.id(), PSA_ALG_HMAC(hash), DataOrNull(message), message.size(),
                                             mac.data(), mac.size(), &length));
  return mac;
}

// ---- Setup -------------------------------------------------------------------

TEST_F(KeyDerivation, SetupRefusesWhatIsNoKeyDerivation) {
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, psa_key_derivation_setup(&op_, PSA_ALG_SHA_256));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, psa_key_derivation_setup(&op_, PSA_ALG_ECDH));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, psa_key_derivation_setup(&op_, PSA_ALG_HKDF(PSA_ALG_CMAC)));
  // A failed setup leaves the operation inactive.
  size_t capacity = 0;
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_key_derivation_get_capacity(&op_, &capacity));
}

TEST_F(KeyDerivation, SetupOfAHashWithoutDriverIsNotSupported) {
  // Debian's Mbed TLS 2.28 has no SHA-3.
  EXPECT_STATUS(PSA_ERROR_NOT_SUPPORTED, psa_key_derivation_setup(&op_, PSA_ALG_HKDF(PSA_ALG_SHA3_256)));
}

TEST_F(KeyDerivation, SetupTwiceIsBadState) {
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, kHkdf));
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_key_derivation_setup(&op_, kHkdf));
}

TEST_F(KeyDerivation, InitialCapacities) {
  struct Case {
    psa_algorithm_t alg;
    size_t capacity;
  } cases[] = {
      {kHkdf, 255 * 32},
      {PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256), 32},
      {PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_384), 255 * 48},
      {PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256), 255 * 32},
      {PSA_ALG_TLS12_ECJPAKE_TO_PMS, 32},
      {PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256), 0x1fffffff},
      {PSA_ALG_SP800_108_COUNTER_CMAC, 0x1fffffff},
      {PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256), static_cast<size_t>(0xffffffffull * 32)},
      {PSA_ALG_PBKDF2_AES_CMAC_PRF_128, static_cast<size_t>(0xffffffffull * 16)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.alg);
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, c.alg));
    EXPECT_EQ(Capacity(), c.capacity);
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  }
}

// ---- Known answers ---------------------------------------------------------

TEST_F(KeyDerivation, HkdfRfc5869Case1InPieces) {
  HkdfCase1Inputs();
  Bytes okm = Output(10);
  EXPECT_EQ(Capacity(), 255u * 32 - 10);
  const Bytes rest = Output(32);
  okm.insert(okm.end(), rest.begin(), rest.end());
  EXPECT_EQ(ToHex(okm), kHkdfCase1Okm);
}

TEST_F(KeyDerivation, HkdfSaltIsOptionalAndInfoComesAnyTime) {
  // RFC 5869 test case 3: no salt, empty info, given first.
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, kHkdf));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_INFO, {}));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, Bytes(22, 0x0b)));
  EXPECT_EQ(ToHex(Output(42)),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
}

TEST_F(KeyDerivation, HkdfExtractThenExpandEqualHkdf) {
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256)));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SALT, FromHex("000102030405060708090a0b0c")));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, Bytes(22, 0x0b)));
  const Bytes prk = Output(32);
  EXPECT_EQ(ToHex(prk), "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
  Output(1, PSA_ERROR_INSUFFICIENT_DATA);
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));

  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256)));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, Input(PSA_KEY_DERIVATION_INPUT_SECRET, Bytes(31, 1)));  // PRK too short
  ExpectErrorState();
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256)));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, prk));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_INFO, FromHex("f0f1f2f3f4f5f6f7f8f9")));
  EXPECT_EQ(ToHex(Output(42)), kHkdfCase1Okm);
}

TEST_F(KeyDerivation, Pbkdf2Rfc6070WithSaltInTwoPieces) {
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_1)));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_input_integer(&op_, PSA_KEY_DERIVATION_INPUT_COST, 4096));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SALT, Text("saltSALTsalt")));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SALT, Text("SALTsaltSALTsaltSALTsalt")));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_PASSWORD, Text("passwordPASSWORDpassword")));
  EXPECT_EQ(ToHex(Output(25)), "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038");
}

TEST_F(KeyDerivation, Pbkdf2CostRules) {
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)));
  // The cost comes first, and only as a number.
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, Input(PSA_KEY_DERIVATION_INPUT_SALT, Text("salt")));
  ExpectErrorState();
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, Input(PSA_KEY_DERIVATION_INPUT_COST, FromHex("00000001")));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, psa_key_derivation_input_integer(&op_, PSA_KEY_DERIVATION_INPUT_COST, 0));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)));
  EXPECT_STATUS(PSA_ERROR_NOT_SUPPORTED,
                psa_key_derivation_input_integer(&op_, PSA_KEY_DERIVATION_INPUT_COST, 1ull << 32));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_input_integer(&op_, PSA_KEY_DERIVATION_INPUT_COST, 1));
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_key_derivation_input_integer(&op_, PSA_KEY_DERIVATION_INPUT_COST, 1));
}

TEST_F(KeyDerivation, Pbkdf2AesCmacPrf128) {
  // One block, one iteration: AES-CMAC(AES-CMAC(0, P) , S || INT(1)) for a
  // password that is not 16 bytes long (RFC 4615, RFC 8018).
  const Bytes password = Text("password");
  const Bytes salt = Text("salt");
  ScopedKey zero(PSA_KEY_TYPE_AES, Bytes(16, 0), PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_CMAC);
  Bytes prf_key(16);
  size_t length = 0;
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_compute(zero.id(), PSA_ALG_CMAC, password.data(), password.size(),
                                             prf_key.data(), prf_key.size(), &length));
  ScopedKey prf(PSA_KEY_TYPE_AES, prf_key, PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_CMAC);
  const Bytes message = Concat(salt, FromHex("00000001"));
  Bytes expected(16);
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_compute(prf.id(), PSA_ALG_CMAC, message.data(), message.size(),
                                             expected.data(), expected.size(), &length));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_PBKDF2_AES_CMAC_PRF_128));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_input_integer(&op_, PSA_KEY_DERIVATION_INPUT_COST, 1));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SALT, salt));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_PASSWORD, password));
  EXPECT_EQ(ToHex(Output(16)), ToHex(expected));
}

TEST_F(KeyDerivation, Sp800108HmacEncodingAndFixedLength) {
  const psa_algorithm_t alg = PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256);
  const Bytes secret(32, 0x11);
  const Bytes label = Text("label");
  const Bytes context = Text("context");
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, alg));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_set_capacity(&op_, 40));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, secret));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_LABEL, label));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_CONTEXT, context));
  const Bytes out = Output(40);
  // K_i = HMAC(K, [i]_4 || Label || 0x00 || Context || [L]_4), L = 320.
  const Bytes fixed = Concat(Concat(Concat(label, {0}), context), FromHex("00000140"));
  const Bytes expected = Concat(Hmac(PSA_ALG_SHA_256, secret, Concat(FromHex("00000001"), fixed)),
                                Hmac(PSA_ALG_SHA_256, secret, Concat(FromHex("00000002"), fixed)));
  EXPECT_EQ(ToHex(out), ToHex(Slice(expected, 0, 40)));
  // L is fixed by the first output.
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_key_derivation_set_capacity(&op_, 0));
}

TEST_F(KeyDerivation, Sp800108Rules) {
  const psa_algorithm_t alg = PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256);
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, alg));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, Bytes(16, 1)));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, Input(PSA_KEY_DERIVATION_INPUT_LABEL, FromHex("610062")));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  // Label and context are optional, the context after the label.
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, alg));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, Bytes(16, 1)));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_CONTEXT, Text("c")));
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, Input(PSA_KEY_DERIVATION_INPUT_LABEL, Text("l")));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  // The CMAC variant takes its secret as a block-cipher key only.
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_SP800_108_COUNTER_CMAC));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, Input(PSA_KEY_DERIVATION_INPUT_SECRET, Bytes(16, 1)));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_SP800_108_COUNTER_CMAC));
  ScopedKey aes(PSA_KEY_TYPE_AES, Bytes(16, 2), PSA_KEY_USAGE_DERIVE, PSA_ALG_SP800_108_COUNTER_CMAC);
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_input_key(&op_, PSA_KEY_DERIVATION_INPUT_SECRET, aes.id()));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_set_capacity(&op_, 16));
  const Bytes out = Output(16);
  ScopedKey cmac(PSA_KEY_TYPE_AES, Bytes(16, 2), PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_CMAC);
  // K_1 = CMAC(K_IN, [1]_4 || Label || 0x00 || Context || [L]_4 || K_0),
  // K_0 = CMAC(K_IN, Label || 0x00 || Context || [L]_4): the PSA API's
  // mitigation for CMAC.
  const Bytes fixed = FromHex("00" "00000080");
  Bytes k0(16);
  size_t length = 0;
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_compute(cmac.id(), PSA_ALG_CMAC, fixed.data(), fixed.size(), k0.data(),
                                             k0.size(), &length));
  Bytes message = FromHex("00000001");
  message.insert(message.end(), fixed.begin(), fixed.end());
  message.insert(message.end(), k0.begin(), k0.end());
  Bytes expected(16);
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_compute(cmac.id(), PSA_ALG_CMAC, message.data(), message.size(),
                                             expected.data(), expected.size(), &length));
  EXPECT_EQ(ToHex(out), ToHex(expected));
}

// Known answers. HMAC: OpenSSL 3.0's KBKDF (counter mode, r = 32, with the
// 0x00 separator and [L]_4, the PSA encoding): `openssl kdf -keylen 32
// -kdfopt mode:counter -kdfopt mac:HMAC -kdfopt digest:SHA256 -kdfopt
// hexkey:000102...1f -kdfopt salt:label -kdfopt info:context KBKDF`.
// CMAC: OpenSSL's KBKDF lacks the PSA algorithm's K_0 mitigation, so the
// value was computed with Python's cryptography CMAC from the PSA
// definition (OpenSSL's unmitigated output is 4a63599f...).
TEST_F(KeyDerivation, Sp800108KnownAnswers) {
  ScopedKey aes(PSA_KEY_TYPE_AES, FromHex("000102030405060708090a0b0c0d0e0f"), PSA_KEY_USAGE_DERIVE,
                PSA_ALG_SP800_108_COUNTER_CMAC);
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_SP800_108_COUNTER_CMAC));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_set_capacity(&op_, 32));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_input_key(&op_, PSA_KEY_DERIVATION_INPUT_SECRET, aes.id()));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_LABEL, Text("label")));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_CONTEXT, Text("context")));
  EXPECT_EQ(ToHex(Output(32)), "6c5c4bd3f20462fc77c88ac84c3702546f2ed5b78a1b54b7c0aeff4b6e1c5d23");
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256)));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_set_capacity(&op_, 32));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET,
                                   FromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_LABEL, Text("label")));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_CONTEXT, Text("context")));
  EXPECT_EQ(ToHex(Output(32)), "303790cfe363abe9682dbfff5941f23b32addc96da72f4c7e5b20e9f59a4e570");
}

TEST_F(KeyDerivation, Tls12PrfAndPskToMs) {
  // TLS 1.2 PRF, one block: HMAC(S, A(1) || label || seed), A(1) = HMAC(S, label || seed).
  const Bytes secret = FromHex("0102030405");
  const Bytes seed = Text("seed");
  const Bytes label = Text("label");
  const Bytes a1 = Hmac(PSA_ALG_SHA_256, secret, Concat(label, seed));
  const Bytes block = Hmac(PSA_ALG_SHA_256, secret, Concat(a1, Concat(label, seed)));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256)));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SEED, seed));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, secret));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_LABEL, label));
  EXPECT_EQ(ToHex(Output(32)), ToHex(block));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));

  // PSK to MS: the PRF keyed with the premaster secret (RFC 4279 section 2).
  const Bytes other = FromHex("aabb");
  const Bytes premaster = FromHex("0002aabb00050102030405");
  const Bytes a1_ms = Hmac(PSA_ALG_SHA_256, premaster, Concat(label, seed));
  const Bytes block_ms = Hmac(PSA_ALG_SHA_256, premaster, Concat(a1_ms, Concat(label, seed)));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SHA_256)));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SEED, seed));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_OTHER_SECRET, other));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, secret));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_LABEL, label));
  EXPECT_EQ(ToHex(Output(32)), ToHex(block_ms));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));

  // A PSK longer than PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE; OTHER_SECRET after the PSK.
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SHA_256)));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SEED, seed));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT,
                Input(PSA_KEY_DERIVATION_INPUT_SECRET, Bytes(PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE + 1, 1)));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SHA_256)));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SEED, seed));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, secret));
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, Input(PSA_KEY_DERIVATION_INPUT_OTHER_SECRET, other));
}

TEST_F(KeyDerivation, EcjpakeToPmsIsSha256OfX) {
  Bytes point(65, 0x33);
  point[0] = 0x04;
  Bytes expected(32);
  size_t length = 0;
  ASSERT_STATUS(PSA_SUCCESS,
                psa_hash_compute(PSA_ALG_SHA_256, point.data() + 1, 32, expected.data(), expected.size(), &length));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_TLS12_ECJPAKE_TO_PMS));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, Input(PSA_KEY_DERIVATION_INPUT_SECRET, Slice(point, 0, 64)));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_TLS12_ECJPAKE_TO_PMS));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, point));
  // Read in one piece only.
  Output(16, PSA_ERROR_INVALID_ARGUMENT);
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_TLS12_ECJPAKE_TO_PMS));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, point));
  EXPECT_EQ(ToHex(Output(32)), ToHex(expected));
}

// ---- Input order and steps ---------------------------------------------------

TEST_F(KeyDerivation, StepsOutOfOrderAreBadStateAndEndTheOperation) {
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, kHkdf));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, Bytes(22, 0x0b)));
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, Input(PSA_KEY_DERIVATION_INPUT_SALT, Bytes(4, 1)));
  ExpectErrorState();
  // A repeated step.
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_INFO, {}));
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, Input(PSA_KEY_DERIVATION_INPUT_INFO, {}));
  ExpectErrorState();
  // TLS 1.2 PRF: the seed is required before the secret.
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256)));
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, Input(PSA_KEY_DERIVATION_INPUT_SECRET, Bytes(4, 1)));
}

TEST_F(KeyDerivation, StepsTheAlgorithmDoesNotTakeAreInvalid) {
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, kHkdf));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, Input(PSA_KEY_DERIVATION_INPUT_SEED, Bytes(4, 1)));
  ExpectErrorState();
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT,
                psa_key_derivation_input_integer(&op_, PSA_KEY_DERIVATION_INPUT_SALT, 3));
  ExpectErrorState();
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, Input(0x7777, Bytes(4, 1)));
}

TEST_F(KeyDerivation, OutputBeforeInputsCompleteIsBadState) {
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, kHkdf));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SECRET, Bytes(22, 0x0b)));
  Output(8, PSA_ERROR_BAD_STATE);  // no info yet
  ExpectErrorState();
}

TEST_F(KeyDerivation, InputAfterOutputIsBadState) {
  HkdfCase1Inputs();
  Output(8);
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, Input(PSA_KEY_DERIVATION_INPUT_SALT, Bytes(1, 1)));
  ExpectErrorState();
}

// ---- Capacity ----------------------------------------------------------------

TEST_F(KeyDerivation, CapacityExceededIsInsufficientDataAndEmptiesIt) {
  HkdfCase1Inputs();
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_set_capacity(&op_, 42));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, psa_key_derivation_set_capacity(&op_, 43));
  EXPECT_EQ(Capacity(), 42u);  // unchanged, operation still valid
  const Bytes first = Output(40);
  GuardedBuffer out(3);
  EXPECT_STATUS(PSA_ERROR_INSUFFICIENT_DATA, psa_key_derivation_output_bytes(&op_, out.data(), 3));
  EXPECT_TRUE(out.OnlyCanaryOrZero());
  EXPECT_EQ(Capacity(), 0u);  // not an error state
  Output(1, PSA_ERROR_INSUFFICIENT_DATA);
  Output(0);
  EXPECT_EQ(ToHex(first), ToHex(Slice(FromHex(kHkdfCase1Okm), 0, 40)));
}

// ---- Policies ----------------------------------------------------------------

TEST_F(KeyDerivation, KeyInputPolicies) {
  const Bytes ikm(22, 0x0b);
  ScopedKey no_derive(PSA_KEY_TYPE_DERIVE, ikm, PSA_KEY_USAGE_EXPORT, kHkdf);
  ScopedKey other_alg(PSA_KEY_TYPE_DERIVE, ikm, PSA_KEY_USAGE_DERIVE, PSA_ALG_HKDF(PSA_ALG_SHA_512));
  ScopedKey raw(PSA_KEY_TYPE_RAW_DATA, ikm, PSA_KEY_USAGE_DERIVE, kHkdf);
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, kHkdf));
  EXPECT_STATUS(PSA_ERROR_NOT_PERMITTED,
                psa_key_derivation_input_key(&op_, PSA_KEY_DERIVATION_INPUT_SECRET, no_derive.id()));
  ExpectErrorState();
  EXPECT_STATUS(PSA_ERROR_NOT_PERMITTED,
                psa_key_derivation_input_key(&op_, PSA_KEY_DERIVATION_INPUT_SECRET, other_alg.id()));
  ExpectErrorState();
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT,
                psa_key_derivation_input_key(&op_, PSA_KEY_DERIVATION_INPUT_SECRET, raw.id()));
  ExpectErrorState();
  EXPECT_STATUS(PSA_ERROR_INVALID_HANDLE,
                psa_key_derivation_input_key(&op_, PSA_KEY_DERIVATION_INPUT_SECRET, kNeverCreatedVolatileId));
  ExpectErrorState();
  // RAW_DATA is fine as a salt.
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_input_key(&op_, PSA_KEY_DERIVATION_INPUT_SALT, raw.id()));
}

TEST_F(KeyDerivation, VerifyDerivationOnlyKeyVerifiesButDoesNotOutput) {
  const Bytes ikm(22, 0x0b);
  ScopedKey verify_only(PSA_KEY_TYPE_DERIVE, ikm, PSA_KEY_USAGE_VERIFY_DERIVATION, kHkdf);
  const Bytes salt = FromHex("000102030405060708090a0b0c");
  const Bytes info = FromHex("f0f1f2f3f4f5f6f7f8f9");
  for (int call = 0; call < 3; ++call) {
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, kHkdf));
    ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SALT, salt));
    ASSERT_STATUS(PSA_SUCCESS,
                  psa_key_derivation_input_key(&op_, PSA_KEY_DERIVATION_INPUT_SECRET, verify_only.id()));
    ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_INFO, info));
    if (call == 0) {
      Output(8, PSA_ERROR_NOT_PERMITTED);
      ExpectErrorState();
    } else if (call == 1) {
      psa_key_attributes_t attributes = psa_key_attributes_init();
      psa_set_key_type(&attributes, PSA_KEY_TYPE_RAW_DATA);
      psa_set_key_bits(&attributes, 64);
      psa_key_id_t key = 42;
      EXPECT_STATUS(PSA_ERROR_NOT_PERMITTED, psa_key_derivation_output_key(&attributes, &op_, &key));
      EXPECT_EQ(key, PSA_KEY_ID_NULL);
    } else {
      const Bytes okm = FromHex(kHkdfCase1Okm);
      EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_verify_bytes(&op_, okm.data(), 20));
      EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_verify_bytes(&op_, okm.data() + 20, 22));
    }
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  }
}

TEST_F(KeyDerivation, OutputKeyNeedsTheSecretAsAKey) {
  HkdfCase1Inputs(/*secret_as_key=*/false);
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
  psa_set_key_bits(&attributes, 128);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  EXPECT_STATUS(PSA_ERROR_NOT_PERMITTED, psa_key_derivation_output_key(&attributes, &op_, &key));
  ExpectErrorState();
}

// ---- Verification ------------------------------------------------------------

TEST_F(KeyDerivation, VerifyBytesMismatchIsInvalidSignatureAndEndsTheOperation) {
  HkdfCase1Inputs();
  Bytes wrong = FromHex(kHkdfCase1Okm);
  wrong[5] ^= 1;
  EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, psa_key_derivation_verify_bytes(&op_, wrong.data(), wrong.size()));
  ExpectErrorState();
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_key_derivation_verify_bytes(&op_, wrong.data(), wrong.size()));
}

TEST_F(KeyDerivation, VerifyKeyOfAPasswordHash) {
  const psa_algorithm_t alg = PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256);
  ScopedKey password(PSA_KEY_TYPE_PASSWORD, Text("correct horse"), PSA_KEY_USAGE_DERIVE, alg);
  auto start = [&]() {
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, alg));
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_input_integer(&op_, PSA_KEY_DERIVATION_INPUT_COST, 10));
    ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SALT, Text("pepper and salt")));
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_input_key(&op_, PSA_KEY_DERIVATION_INPUT_PASSWORD, password.id()));
  };
  start();
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, PSA_KEY_TYPE_PASSWORD_HASH);
  psa_set_key_bits(&attributes, 256);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_VERIFY_DERIVATION | PSA_KEY_USAGE_EXPORT);
  psa_set_key_algorithm(&attributes, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_1));  // not the operation's
  psa_key_id_t hash = PSA_KEY_ID_NULL;
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, psa_key_derivation_output_key(&attributes, &op_, &hash));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  start();
  psa_set_key_algorithm(&attributes, alg);
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_output_key(&attributes, &op_, &hash));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));

  start();
  EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_verify_key(&op_, hash));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  // Another password: the key does not match.
  ScopedKey other(PSA_KEY_TYPE_PASSWORD, Text("battery staple"), PSA_KEY_USAGE_DERIVE, alg);
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, alg));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_input_integer(&op_, PSA_KEY_DERIVATION_INPUT_COST, 10));
  ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_SALT, Text("pepper and salt")));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_input_key(&op_, PSA_KEY_DERIVATION_INPUT_PASSWORD, other.id()));
  EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, psa_key_derivation_verify_key(&op_, hash));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  // Not a password hash; no VERIFY_DERIVATION.
  ScopedKey raw(PSA_KEY_TYPE_RAW_DATA, Bytes(32, 1), PSA_KEY_USAGE_VERIFY_DERIVATION, alg);
  start();
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, psa_key_derivation_verify_key(&op_, raw.id()));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ScopedKey unusable(PSA_KEY_TYPE_PASSWORD_HASH, Bytes(32, 1), PSA_KEY_USAGE_EXPORT, alg);
  start();
  EXPECT_STATUS(PSA_ERROR_NOT_PERMITTED, psa_key_derivation_verify_key(&op_, unusable.id()));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  psa_destroy_key(hash);
}

// ---- output_key --------------------------------------------------------------

psa_key_attributes_t KeyAttributes(psa_key_type_t type, size_t bits, psa_key_usage_t usage = PSA_KEY_USAGE_EXPORT,
                                   psa_algorithm_t alg = PSA_ALG_NONE) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, bits);
  psa_set_key_usage_flags(&attributes, usage);
  psa_set_key_algorithm(&attributes, alg);
  return attributes;
}

Bytes Export(psa_key_id_t key) {
  Bytes data(200);
  size_t length = 0;
  EXPECT_STATUS(PSA_SUCCESS, psa_export_key(key, data.data(), data.size(), &length));
  data.resize(length);
  return data;
}

TEST_F(KeyDerivation, OutputKeyOfRawTypesTakesTheNextBytes) {
  struct Case {
    psa_key_type_t type;
    size_t bits;
  } cases[] = {
      {PSA_KEY_TYPE_AES, 128},      {PSA_KEY_TYPE_AES, 256},       {PSA_KEY_TYPE_ARIA, 192},
      {PSA_KEY_TYPE_CAMELLIA, 128}, {PSA_KEY_TYPE_CHACHA20, 256},  {PSA_KEY_TYPE_HMAC, 136},
      {PSA_KEY_TYPE_DERIVE, 80},    {PSA_KEY_TYPE_RAW_DATA, 8},    {PSA_KEY_TYPE_PASSWORD, 96},
      {PSA_KEY_TYPE_PEPPER, 128},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.type);
    HkdfCase1Inputs(/*secret_as_key=*/true);
    const Bytes skipped = Output(2);
    const psa_key_attributes_t attributes = KeyAttributes(c.type, c.bits);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_output_key(&attributes, &op_, &key));
    EXPECT_EQ(ToHex(Export(key)), ToHex(Slice(FromHex(kHkdfCase1Okm), 2, c.bits / 8)));
    EXPECT_EQ(Capacity(), 255u * 32 - 2 - c.bits / 8);
    psa_destroy_key(key);
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  }
}

TEST_F(KeyDerivation, OutputKeyRefusals) {
  HkdfCase1Inputs(/*secret_as_key=*/true);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  const psa_key_attributes_t public_key = KeyAttributes(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256);
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, psa_key_derivation_output_key(&public_key, &op_, &key));
  ExpectErrorState();
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  HkdfCase1Inputs(/*secret_as_key=*/true);
  const psa_key_attributes_t no_size = KeyAttributes(PSA_KEY_TYPE_AES, 0);
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, psa_key_derivation_output_key(&no_size, &op_, &key));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  HkdfCase1Inputs(/*secret_as_key=*/true);
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_set_capacity(&op_, 15));
  const psa_key_attributes_t aes = KeyAttributes(PSA_KEY_TYPE_AES, 128);
  EXPECT_STATUS(PSA_ERROR_INSUFFICIENT_DATA, psa_key_derivation_output_key(&aes, &op_, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  EXPECT_EQ(Capacity(), 0u);
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  HkdfCase1Inputs(/*secret_as_key=*/true);
  const psa_key_attributes_t rsa = KeyAttributes(PSA_KEY_TYPE_RSA_KEY_PAIR, 1024);
  EXPECT_STATUS(PSA_ERROR_NOT_SUPPORTED, psa_key_derivation_output_key(&rsa, &op_, &key));
}

TEST_F(KeyDerivation, OutputKeyDesHasParityAndDrawsPerKey) {
  HkdfCase1Inputs(/*secret_as_key=*/true);
  const psa_key_attributes_t attributes = KeyAttributes(PSA_KEY_TYPE_DES, 192);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_output_key(&attributes, &op_, &key));
  const Bytes exported = Export(key);
  ASSERT_EQ(exported.size(), 24u);
  const Bytes okm = FromHex(kHkdfCase1Okm);
  for (size_t i = 0; i < 24; ++i) {
    EXPECT_EQ(__builtin_popcount(exported[i]) % 2, 1) << i;
    EXPECT_EQ(exported[i] & 0xfe, okm[i] & 0xfe) << i;  // none of these three keys is weak
  }
  EXPECT_EQ(Capacity(), 255u * 32 - 24);
  psa_destroy_key(key);
}

TEST_F(KeyDerivation, OutputKeyEccP256IsKPlusOneAndSigns) {
  HkdfCase1Inputs(/*secret_as_key=*/true);
  const psa_algorithm_t ecdsa = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
  const psa_key_attributes_t attributes =
      KeyAttributes(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256,
                    PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH, ecdsa);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_output_key(&attributes, &op_, &key));
  // The first 32 bytes of the stream are below n - 1: d = k + 1.
  Bytes expected = Slice(FromHex(kHkdfCase1Okm), 0, 32);
  for (int i = 31; i >= 0 && ++expected[i] == 0; --i) {
  }
  EXPECT_EQ(ToHex(Export(key)), ToHex(expected));
  Bytes public_key(65);
  size_t length = 0;
  ASSERT_STATUS(PSA_SUCCESS, psa_export_public_key(key, public_key.data(), public_key.size(), &length));
  EXPECT_EQ(length, 65u);
  const Bytes hash(32, 0x5c);
  Bytes signature(64);
  ASSERT_STATUS(PSA_SUCCESS,
                psa_sign_hash(key, ecdsa, hash.data(), hash.size(), signature.data(), signature.size(), &length));
  EXPECT_STATUS(PSA_SUCCESS, psa_verify_hash(key, ecdsa, hash.data(), hash.size(), signature.data(), length));
  psa_destroy_key(key);
}

TEST_F(KeyDerivation, OutputKeyX25519ForcesItsBits) {
  HkdfCase1Inputs(/*secret_as_key=*/true);
  const psa_key_attributes_t attributes = KeyAttributes(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), 255);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_output_key(&attributes, &op_, &key));
  Bytes expected = Slice(FromHex(kHkdfCase1Okm), 0, 32);
  expected[0] &= 248;
  expected[31] = static_cast<uint8_t>((expected[31] & 127) | 64);
  EXPECT_EQ(ToHex(Export(key)), ToHex(expected));
  psa_destroy_key(key);
}

// ---- Key agreement -----------------------------------------------------------

TEST_F(KeyDerivation, EcdhThenHkdfAgreesOnBothSides) {
  const psa_algorithm_t alg = PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, kHkdf);
  psa_key_attributes_t attributes = KeyAttributes(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256,
                                                  PSA_KEY_USAGE_DERIVE, alg);
  psa_key_id_t ours = PSA_KEY_ID_NULL;
  psa_key_id_t theirs = PSA_KEY_ID_NULL;
  ASSERT_STATUS(PSA_SUCCESS, psa_generate_key(&attributes, &ours));
  ASSERT_STATUS(PSA_SUCCESS, psa_generate_key(&attributes, &theirs));
  Bytes our_public(65), their_public(65);
  size_t length = 0;
  ASSERT_STATUS(PSA_SUCCESS, psa_export_public_key(ours, our_public.data(), our_public.size(), &length));
  ASSERT_STATUS(PSA_SUCCESS, psa_export_public_key(theirs, their_public.data(), their_public.size(), &length));
  Bytes results[2];
  for (int side = 0; side < 2; ++side) {
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, alg));
    const Bytes& peer = side == 0 ? their_public : our_public;
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_key_agreement(&op_, PSA_KEY_DERIVATION_INPUT_SECRET,
                                                                side == 0 ? ours : theirs, peer.data(),
                                                                peer.size()));
    ASSERT_STATUS(PSA_SUCCESS, Input(PSA_KEY_DERIVATION_INPUT_INFO, Text("ctx")));
    // The shared secret counts as a key: output_key is permitted.
    const psa_key_attributes_t aes = KeyAttributes(PSA_KEY_TYPE_AES, 128);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_output_key(&aes, &op_, &key));
    results[side] = Export(key);
    psa_destroy_key(key);
    ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  }
  EXPECT_EQ(results[0], results[1]);
  // Key agreement on a plain KDF.
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, kHkdf));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT,
                psa_key_derivation_key_agreement(&op_, PSA_KEY_DERIVATION_INPUT_SECRET, ours, their_public.data(),
                                                 their_public.size()));
  psa_destroy_key(ours);
  psa_destroy_key(theirs);
}

// ---- Abort -------------------------------------------------------------------

TEST_F(KeyDerivation, AbortAnyTime) {
  EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  ASSERT_STATUS(PSA_SUCCESS, psa_key_derivation_setup(&op_, kHkdf));
  EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  HkdfCase1Inputs();
  EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  HkdfCase1Inputs();
  Output(3);
  EXPECT_STATUS(PSA_SUCCESS, psa_key_derivation_abort(&op_));
  // Inactive again: reusable.
  HkdfCase1Inputs();
  EXPECT_EQ(ToHex(Output(42)), kHkdfCase1Okm);
}

}  // namespace
}  // namespace psa::conformance
