// The PAKE API (PSA Crypto 1.2) through the whole library: two-party J-PAKE
// and SPAKE2+ runs in one process, the Mbed TLS ecjpake reference client
// as a peer, RFC 9383 keys, wrong passwords, tampered messages, and a
// table of the statuses the specification names for each misuse.

#include <string.h>

#include <functional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace {

using Bytes = std::vector<uint8_t>;

Bytes Hex(const std::string& hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}
Bytes Str(const std::string& s) { return Bytes(s.begin(), s.end()); }
Bytes Concat(Bytes a, const Bytes& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

constexpr psa_pake_primitive_t kP256 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);
const psa_algorithm_t kJpake = PSA_ALG_JPAKE(PSA_ALG_SHA_256);
const psa_algorithm_t kSpake2p = PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256);
const psa_key_type_t kPair = PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
const psa_key_type_t kPublic = PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1);

// RFC 9383 Appendix C.
const char kW0[] = "bb8e1bbcf3c48f62c08db243652ae55d3e5586053fca77102994f23ad95491b3";
const char kW1[] = "7e945f34d78785b8a3ef44d0df5a1a97d6b3b460409a345ca7830387a74b1dba";
const char kL[] =
    "04eb7c9db3d9a9eb1f8adab81b5794c1f13ae3e225efbe91ea487425854c7fc00f00bfedcbd09b2400142d40a14f2064ef31dfaa903b91d1"
    "faea7093d835966efd";

// Mbed TLS 2.28 ecjpake.c self-test, client round one (Apache-2.0, The
// Mbed TLS Contributors), password "threadjpaketest", identity "client".
const char* const kClientRoundOne[] = {
    "04accf0106ef858fa2d919331346805a78b58bbad0b844e5c7892879146187dd2666ada781bb7f111372251a8910621f634df128ac48e3"
    "81fd6ef9060731f694a4",
    "041dd0bd5d4566c9bed9ce7de701b5e82e08e84b730466018ab903c79eb982172236c0c1728ae4bf73610d34de44246ef3d9c05a2236fb"
    "66a6583d7449308babce",
    "72fe16662992e9235c25002f11b15087b82738e03c945bf7a2995dda1e983458",
    "047ea6e3a4487037a9e0dbd79262b2cc273e779930fc18409ac5361c5fe669d702e147790aeb4ce7fd6575ab0f6c7fd1c335939aa863ba"
    "37ec91b7e32bb013bb2b",
    "04a49558d32ed1ebfc1816af4ff09b55fcb4ca47b2a02d1e7caf1179ea3fe1395b22b861964016fabaf72c975695d93d4df0e5197fe9f0"
    "40634ed59764937787be",
    "bc4deebbf9b8d60a335f046ca3aa941e45864c7cadef9cf75b3d8b010e443ef0"};

class PakeTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
  void TearDown() override {
    for (psa_key_id_t key : keys_) psa_destroy_key(key);
  }

  psa_key_id_t Import(psa_key_type_t type, const Bytes& data, psa_algorithm_t alg,
                      psa_key_usage_t usage = PSA_KEY_USAGE_DERIVE) {
    psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
    psa_set_key_type(&attributes, type);
    psa_set_key_usage_flags(&attributes, usage);
    psa_set_key_algorithm(&attributes, alg);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    EXPECT_EQ(psa_import_key(&attributes, data.data(), data.size(), &key), PSA_SUCCESS);
    keys_.push_back(key);
    return key;
  }

  static psa_pake_cipher_suite_t Suite(psa_algorithm_t alg, uint32_t confirmation = PSA_PAKE_CONFIRMED_KEY,
                                       psa_pake_primitive_t primitive = kP256) {
    psa_pake_cipher_suite_t suite = psa_pake_cipher_suite_init();
    psa_pake_cs_set_algorithm(&suite, alg);
    psa_pake_cs_set_primitive(&suite, primitive);
    psa_pake_cs_set_key_confirmation(&suite, confirmation);
    return suite;
  }

  // A J-PAKE operation with `key`, `user` and `peer`.
  static void SetupJpake(psa_pake_operation_t* op, psa_key_id_t key, const std::string& user,
                         const std::string& peer) {
    const psa_pake_cipher_suite_t suite = Suite(kJpake, PSA_PAKE_UNCONFIRMED_KEY);
    ASSERT_EQ(psa_pake_setup(op, key, &suite), PSA_SUCCESS);
    ASSERT_EQ(psa_pake_set_user(op, reinterpret_cast<const uint8_t*>(user.data()), user.size()), PSA_SUCCESS);
    ASSERT_EQ(psa_pake_set_peer(op, reinterpret_cast<const uint8_t*>(peer.data()), peer.size()), PSA_SUCCESS);
  }

  static void SetupSpake2p(psa_pake_operation_t* op, psa_key_id_t key, psa_pake_role_t role,
                           uint32_t confirmation = PSA_PAKE_CONFIRMED_KEY, psa_algorithm_t alg = kSpake2p) {
    const psa_pake_cipher_suite_t suite = Suite(alg, confirmation);
    ASSERT_EQ(psa_pake_setup(op, key, &suite), PSA_SUCCESS);
    ASSERT_EQ(psa_pake_set_role(op, role), PSA_SUCCESS);
    const Bytes client = Str("client"), server = Str("server"), context = Str("ctx");
    const Bytes& user = role == PSA_PAKE_ROLE_CLIENT ? client : server;
    const Bytes& peer = role == PSA_PAKE_ROLE_CLIENT ? server : client;
    ASSERT_EQ(psa_pake_set_user(op, user.data(), user.size()), PSA_SUCCESS);
    ASSERT_EQ(psa_pake_set_peer(op, peer.data(), peer.size()), PSA_SUCCESS);
    ASSERT_EQ(psa_pake_set_context(op, context.data(), context.size()), PSA_SUCCESS);
  }

  static Bytes Out(psa_pake_operation_t* op, psa_pake_step_t step, psa_status_t expected = PSA_SUCCESS) {
    Bytes buffer(PSA_PAKE_OUTPUT_MAX_SIZE);
    size_t length = 0;
    EXPECT_EQ(psa_pake_output(op, step, buffer.data(), buffer.size(), &length), expected) << int(step);
    buffer.resize(length);
    return buffer;
  }

  static psa_status_t In(psa_pake_operation_t* op, psa_pake_step_t step, const Bytes& data) {
    return psa_pake_input(op, step, data.data(), data.size());
  }

  // The shared key as an exportable DERIVE key, exported.
  Bytes SharedKey(psa_pake_operation_t* op, psa_status_t expected = PSA_SUCCESS) {
    psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
    psa_set_key_type(&attributes, PSA_KEY_TYPE_DERIVE);
    psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT);
    psa_set_key_algorithm(&attributes, PSA_ALG_HKDF(PSA_ALG_SHA_256));
    psa_key_id_t key = PSA_KEY_ID_NULL;
    EXPECT_EQ(psa_pake_get_shared_key(op, &attributes, &key), expected);
    if (expected != PSA_SUCCESS) return {};
    keys_.push_back(key);
    Bytes data(128);
    size_t length = 0;
    EXPECT_EQ(psa_export_key(key, data.data(), data.size(), &length), PSA_SUCCESS);
    data.resize(length);
    return data;
  }

  std::vector<psa_key_id_t> keys_;
};

constexpr psa_pake_step_t kTriple[] = {PSA_PAKE_STEP_KEY_SHARE, PSA_PAKE_STEP_ZK_PUBLIC, PSA_PAKE_STEP_ZK_PROOF};

// The J-PAKE messages of one party: round one (6 values) or two (3).
using Messages = std::vector<Bytes>;

Messages OutRound(psa_pake_operation_t* op, size_t count) {
  Messages m;
  for (size_t i = 0; i < count; ++i) {
    Bytes buffer(PSA_PAKE_OUTPUT_SIZE(kJpake, kP256, kTriple[i % 3]));
    size_t length = 0;
    EXPECT_EQ(psa_pake_output(op, kTriple[i % 3], buffer.data(), buffer.size(), &length), PSA_SUCCESS);
    buffer.resize(length);
    m.push_back(buffer);
  }
  return m;
}

psa_status_t InRound(psa_pake_operation_t* op, const Messages& m) {
  for (size_t i = 0; i < m.size(); ++i) {
    const psa_status_t status = psa_pake_input(op, kTriple[i % 3], m[i].data(), m[i].size());
    if (status != PSA_SUCCESS) return status;
  }
  return PSA_SUCCESS;
}

TEST_F(PakeTest, JpakeTwoPartiesAgreeInBothOrders) {
  const psa_key_id_t key = Import(PSA_KEY_TYPE_PASSWORD, Str("correct horse"), kJpake);
  psa_pake_operation_t a = PSA_PAKE_OPERATION_INIT, b = PSA_PAKE_OPERATION_INIT;
  SetupJpake(&a, key, "client", "server");
  SetupJpake(&b, key, "server", "client");
  // a: outputs first; b: inputs first.
  const Messages a1 = OutRound(&a, 6);
  ASSERT_EQ(InRound(&b, a1), PSA_SUCCESS);
  const Messages b1 = OutRound(&b, 6);
  ASSERT_EQ(InRound(&a, b1), PSA_SUCCESS);
  const Messages a2 = OutRound(&a, 3);
  ASSERT_EQ(InRound(&b, a2), PSA_SUCCESS);
  ASSERT_EQ(InRound(&a, OutRound(&b, 3)), PSA_SUCCESS);
  const Bytes ka = SharedKey(&a), kb = SharedKey(&b);
  EXPECT_EQ(ka.size(), 65u);  // K, uncompressed: the ECJPAKE_TO_PMS input.
  EXPECT_EQ(ka, kb);
  // Both operations are inactive again.
  EXPECT_EQ(psa_pake_abort(&a), PSA_SUCCESS);
  uint8_t buffer[65];
  size_t length = 0;
  EXPECT_EQ(psa_pake_output(&b, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length), PSA_ERROR_BAD_STATE);
}

TEST_F(PakeTest, JpakeWrongPasswordGivesDifferentKeys) {
  const psa_key_id_t k1 = Import(PSA_KEY_TYPE_PASSWORD, Str("password"), kJpake);
  const psa_key_id_t k2 = Import(PSA_KEY_TYPE_PASSWORD_HASH, Str("passw0rd"), kJpake);
  psa_pake_operation_t a = PSA_PAKE_OPERATION_INIT, b = PSA_PAKE_OPERATION_INIT;
  SetupJpake(&a, k1, "client", "server");
  SetupJpake(&b, k2, "server", "client");
  ASSERT_EQ(InRound(&b, OutRound(&a, 6)), PSA_SUCCESS);
  ASSERT_EQ(InRound(&a, OutRound(&b, 6)), PSA_SUCCESS);
  const Messages a2 = OutRound(&a, 3);
  ASSERT_EQ(InRound(&a, OutRound(&b, 3)), PSA_SUCCESS);
  ASSERT_EQ(InRound(&b, a2), PSA_SUCCESS);
  EXPECT_NE(SharedKey(&a), SharedKey(&b));
}

// The Mbed TLS reference client's round one verifies through the API (our
// server checks its Schnorr proofs made with identity "client").
TEST_F(PakeTest, JpakeAcceptsTheMbedtlsReferenceClient) {
  const psa_key_id_t key = Import(PSA_KEY_TYPE_PASSWORD, Str("threadjpaketest"), kJpake);
  psa_pake_operation_t server = PSA_PAKE_OPERATION_INIT;
  SetupJpake(&server, key, "server", "client");
  Messages client;
  for (const char* hex : kClientRoundOne) client.push_back(Hex(hex));
  EXPECT_EQ(InRound(&server, client), PSA_SUCCESS);
  psa_pake_abort(&server);
  // With another peer identity, the first proof fails.
  SetupJpake(&server, key, "server", "not the client");
  EXPECT_EQ(InRound(&server, client), PSA_ERROR_INVALID_SIGNATURE);
  psa_pake_abort(&server);
}

// Each message of either round, changed in one byte, makes the receiving
// psa_pake_input() fail; the operation is then in the error state.
TEST_F(PakeTest, JpakeTamperedMessageAtEveryStepFails) {
  const psa_key_id_t key = Import(PSA_KEY_TYPE_PASSWORD, Str("password"), kJpake);
  for (size_t position = 0; position < 9; ++position) {
    SCOPED_TRACE(position);
    psa_pake_operation_t a = PSA_PAKE_OPERATION_INIT, b = PSA_PAKE_OPERATION_INIT;
    SetupJpake(&a, key, "client", "server");
    SetupJpake(&b, key, "server", "client");
    Messages a1 = OutRound(&a, 6);
    ASSERT_EQ(InRound(&a, OutRound(&b, 6)), PSA_SUCCESS);
    Messages a2 = OutRound(&a, 3);
    Bytes& target = position < 6 ? a1[position] : a2[position - 6];
    target[target.size() / 2] ^= 0x10;
    psa_status_t status = InRound(&b, a1);
    if (status == PSA_SUCCESS) status = InRound(&b, a2);
    EXPECT_TRUE(status == PSA_ERROR_INVALID_SIGNATURE || status == PSA_ERROR_INVALID_ARGUMENT) << status;
    EXPECT_EQ(In(&b, PSA_PAKE_STEP_KEY_SHARE, a1[0]), PSA_ERROR_BAD_STATE);  // error state
    EXPECT_EQ(psa_pake_abort(&a), PSA_SUCCESS);
    EXPECT_EQ(psa_pake_abort(&b), PSA_SUCCESS);
  }
}

TEST_F(PakeTest, Spake2pKeysFromRfc9383) {
  const psa_key_id_t pair = Import(kPair, Concat(Hex(kW0), Hex(kW1)), kSpake2p);
  Bytes pub(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(kPair, 256));
  size_t length = 0;
  ASSERT_EQ(psa_export_public_key(pair, pub.data(), pub.size(), &length), PSA_SUCCESS);
  pub.resize(length);
  EXPECT_EQ(pub, Concat(Hex(kW0), Hex(kL)));
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  ASSERT_EQ(psa_get_key_attributes(pair, &attributes), PSA_SUCCESS);
  EXPECT_EQ(psa_get_key_bits(&attributes), 256u);
  // Out-of-range scalars and a bad L are refused at import.
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DERIVE);
  psa_key_id_t bad = PSA_KEY_ID_NULL;
  const Bytes zero_w1 = Concat(Hex(kW0), Bytes(32, 0));
  EXPECT_EQ(psa_import_key(&attributes, zero_w1.data(), zero_w1.size(), &bad), PSA_ERROR_INVALID_ARGUMENT);
  psa_set_key_type(&attributes, kPublic);
  Bytes bad_l = Concat(Hex(kW0), Hex(kL));
  bad_l[96] ^= 1;
  EXPECT_EQ(psa_import_key(&attributes, bad_l.data(), bad_l.size(), &bad), PSA_ERROR_INVALID_ARGUMENT);
}

// Prover with the key pair, verifier with the public key (or the pair),
// for each SPAKE2+ algorithm.
TEST_F(PakeTest, Spake2pTwoPartiesAgree) {
  for (psa_algorithm_t alg : {kSpake2p, PSA_ALG_SPAKE2P_CMAC(PSA_ALG_SHA_256), PSA_ALG_SPAKE2P_MATTER}) {
    for (bool verifier_has_pair : {false, true}) {
      SCOPED_TRACE(alg);
      const psa_key_id_t pair = Import(kPair, Concat(Hex(kW0), Hex(kW1)), alg);
      const psa_key_id_t verifier_key =
          verifier_has_pair ? pair : Import(kPublic, Concat(Hex(kW0), Hex(kL)), alg);
      psa_pake_operation_t p = PSA_PAKE_OPERATION_INIT, v = PSA_PAKE_OPERATION_INIT;
      SetupSpake2p(&p, pair, PSA_PAKE_ROLE_CLIENT, PSA_PAKE_CONFIRMED_KEY, alg);
      SetupSpake2p(&v, verifier_key, PSA_PAKE_ROLE_SERVER, PSA_PAKE_CONFIRMED_KEY, alg);
      ASSERT_EQ(In(&v, PSA_PAKE_STEP_KEY_SHARE, Out(&p, PSA_PAKE_STEP_KEY_SHARE)), PSA_SUCCESS);
      ASSERT_EQ(In(&p, PSA_PAKE_STEP_KEY_SHARE, Out(&v, PSA_PAKE_STEP_KEY_SHARE)), PSA_SUCCESS);
      const Bytes confirm_v = Out(&v, PSA_PAKE_STEP_CONFIRM);
      EXPECT_EQ(confirm_v.size(), PSA_PAKE_OUTPUT_SIZE(alg, kP256, PSA_PAKE_STEP_CONFIRM));
      ASSERT_EQ(In(&p, PSA_PAKE_STEP_CONFIRM, confirm_v), PSA_SUCCESS);
      ASSERT_EQ(In(&v, PSA_PAKE_STEP_CONFIRM, Out(&p, PSA_PAKE_STEP_CONFIRM)), PSA_SUCCESS);
      const Bytes kp = SharedKey(&p);
      EXPECT_EQ(kp, SharedKey(&v));
      EXPECT_EQ(kp.size(), alg == PSA_ALG_SPAKE2P_MATTER ? 16u : 32u);
    }
  }
}

TEST_F(PakeTest, Spake2pUnconfirmedKeyAfterTheShares) {
  const psa_key_id_t pair = Import(kPair, Concat(Hex(kW0), Hex(kW1)), kSpake2p);
  psa_pake_operation_t p = PSA_PAKE_OPERATION_INIT, v = PSA_PAKE_OPERATION_INIT;
  SetupSpake2p(&p, pair, PSA_PAKE_ROLE_CLIENT, PSA_PAKE_UNCONFIRMED_KEY);
  SetupSpake2p(&v, pair, PSA_PAKE_ROLE_SERVER, PSA_PAKE_UNCONFIRMED_KEY);
  ASSERT_EQ(In(&v, PSA_PAKE_STEP_KEY_SHARE, Out(&p, PSA_PAKE_STEP_KEY_SHARE)), PSA_SUCCESS);
  ASSERT_EQ(In(&p, PSA_PAKE_STEP_KEY_SHARE, Out(&v, PSA_PAKE_STEP_KEY_SHARE)), PSA_SUCCESS);
  EXPECT_EQ(SharedKey(&p), SharedKey(&v));
  // Confirmation steps are not part of an unconfirmed exchange.
  psa_pake_operation_t q = PSA_PAKE_OPERATION_INIT, w = PSA_PAKE_OPERATION_INIT;
  SetupSpake2p(&q, pair, PSA_PAKE_ROLE_CLIENT, PSA_PAKE_UNCONFIRMED_KEY);
  SetupSpake2p(&w, pair, PSA_PAKE_ROLE_SERVER, PSA_PAKE_UNCONFIRMED_KEY);
  ASSERT_EQ(In(&w, PSA_PAKE_STEP_KEY_SHARE, Out(&q, PSA_PAKE_STEP_KEY_SHARE)), PSA_SUCCESS);
  Out(&w, PSA_PAKE_STEP_KEY_SHARE);
  Out(&w, PSA_PAKE_STEP_CONFIRM, PSA_ERROR_BAD_STATE);
  psa_pake_abort(&q);
  psa_pake_abort(&w);
}

TEST_F(PakeTest, Spake2pWrongPasswordFailsConfirmation) {
  Bytes other_w1 = Hex(kW1);
  other_w1[5] ^= 0x01;
  const psa_key_id_t prover_key = Import(kPair, Concat(Hex(kW0), other_w1), kSpake2p);
  const psa_key_id_t verifier_key = Import(kPublic, Concat(Hex(kW0), Hex(kL)), kSpake2p);
  psa_pake_operation_t p = PSA_PAKE_OPERATION_INIT, v = PSA_PAKE_OPERATION_INIT;
  SetupSpake2p(&p, prover_key, PSA_PAKE_ROLE_CLIENT);
  SetupSpake2p(&v, verifier_key, PSA_PAKE_ROLE_SERVER);
  ASSERT_EQ(In(&v, PSA_PAKE_STEP_KEY_SHARE, Out(&p, PSA_PAKE_STEP_KEY_SHARE)), PSA_SUCCESS);
  ASSERT_EQ(In(&p, PSA_PAKE_STEP_KEY_SHARE, Out(&v, PSA_PAKE_STEP_KEY_SHARE)), PSA_SUCCESS);
  EXPECT_EQ(In(&p, PSA_PAKE_STEP_CONFIRM, Out(&v, PSA_PAKE_STEP_CONFIRM)), PSA_ERROR_INVALID_SIGNATURE);
  SharedKey(&p, PSA_ERROR_BAD_STATE);  // error state
  EXPECT_EQ(psa_pake_abort(&p), PSA_SUCCESS);
  EXPECT_EQ(psa_pake_abort(&v), PSA_SUCCESS);
}

// Each of the four SPAKE2+ messages, changed in one byte, fails where it is
// received: shares are malformed (INVALID_ARGUMENT) or make the
// confirmation fail; confirmations are INVALID_SIGNATURE.
TEST_F(PakeTest, Spake2pTamperedMessageAtEveryStepFails) {
  const psa_key_id_t pair = Import(kPair, Concat(Hex(kW0), Hex(kW1)), kSpake2p);
  for (int tampered = 0; tampered < 4; ++tampered) {
    SCOPED_TRACE(tampered);
    psa_pake_operation_t p = PSA_PAKE_OPERATION_INIT, v = PSA_PAKE_OPERATION_INIT;
    SetupSpake2p(&p, pair, PSA_PAKE_ROLE_CLIENT);
    SetupSpake2p(&v, pair, PSA_PAKE_ROLE_SERVER);
    auto maybe_flip = [&](int index, Bytes message) {
      if (index == tampered) message[message.size() - 1] ^= 0x01;
      return message;
    };
    psa_status_t status = In(&v, PSA_PAKE_STEP_KEY_SHARE, maybe_flip(0, Out(&p, PSA_PAKE_STEP_KEY_SHARE)));
    if (status == PSA_SUCCESS) status = In(&p, PSA_PAKE_STEP_KEY_SHARE, maybe_flip(1, Out(&v, PSA_PAKE_STEP_KEY_SHARE)));
    if (status == PSA_SUCCESS) status = In(&p, PSA_PAKE_STEP_CONFIRM, maybe_flip(2, Out(&v, PSA_PAKE_STEP_CONFIRM)));
    if (status == PSA_SUCCESS) status = In(&v, PSA_PAKE_STEP_CONFIRM, maybe_flip(3, Out(&p, PSA_PAKE_STEP_CONFIRM)));
    if (tampered < 2) {
      EXPECT_EQ(status, PSA_ERROR_INVALID_ARGUMENT);  // y of a share: off the curve
    } else {
      EXPECT_EQ(status, PSA_ERROR_INVALID_SIGNATURE);
    }
    psa_pake_abort(&p);
    psa_pake_abort(&v);
  }
}

// ---- Conformance table ------------------------------------------------------

TEST_F(PakeTest, SetupRefusals) {
  const psa_key_id_t password = Import(PSA_KEY_TYPE_PASSWORD, Str("pw"), kJpake);
  const psa_key_id_t no_derive = Import(PSA_KEY_TYPE_PASSWORD, Str("pw"), kJpake, PSA_KEY_USAGE_EXPORT);
  const psa_key_id_t other_alg = Import(PSA_KEY_TYPE_PASSWORD, Str("pw"), PSA_ALG_JPAKE(PSA_ALG_SHA_384));
  const psa_key_id_t aes = Import(PSA_KEY_TYPE_AES, Bytes(16, 1), kJpake);
  const psa_key_id_t pair = Import(kPair, Concat(Hex(kW0), Hex(kW1)), kSpake2p);
  const psa_key_id_t spake_password = Import(PSA_KEY_TYPE_PASSWORD, Str("pw"), kSpake2p);
  struct Case {
    const char* name;
    psa_key_id_t key;
    psa_pake_cipher_suite_t suite;
    psa_status_t expected;
  } cases[] = {
      {"J-PAKE ok", password, Suite(kJpake, PSA_PAKE_UNCONFIRMED_KEY), PSA_SUCCESS},
      {"not a PAKE algorithm", password, Suite(PSA_ALG_SHA_256, PSA_PAKE_UNCONFIRMED_KEY),
       PSA_ERROR_INVALID_ARGUMENT},
      {"J-PAKE without hash", password, Suite(PSA_ALG_JPAKE(0), PSA_PAKE_UNCONFIRMED_KEY),
       PSA_ERROR_INVALID_ARGUMENT},
      {"J-PAKE confirmed", password, Suite(kJpake, PSA_PAKE_CONFIRMED_KEY), PSA_ERROR_INVALID_ARGUMENT},
      {"bad confirmation value", password, Suite(kJpake, 7), PSA_ERROR_INVALID_ARGUMENT},
      {"bad primitive type", password, Suite(kJpake, PSA_PAKE_UNCONFIRMED_KEY, 0x09000000u | 256),
       PSA_ERROR_INVALID_ARGUMENT},
      {"no such key", 0x3ffff000u, Suite(kJpake, PSA_PAKE_UNCONFIRMED_KEY), PSA_ERROR_INVALID_HANDLE},
      {"no DERIVE usage", no_derive, Suite(kJpake, PSA_PAKE_UNCONFIRMED_KEY), PSA_ERROR_NOT_PERMITTED},
      {"other algorithm permitted", other_alg, Suite(kJpake, PSA_PAKE_UNCONFIRMED_KEY), PSA_ERROR_NOT_PERMITTED},
      {"J-PAKE with an AES key", aes, Suite(kJpake, PSA_PAKE_UNCONFIRMED_KEY), PSA_ERROR_INVALID_ARGUMENT},
      {"SPAKE2+ with a password", spake_password, Suite(kSpake2p), PSA_ERROR_INVALID_ARGUMENT},
      {"SPAKE2+ key on another curve", pair,
       Suite(kSpake2p, PSA_PAKE_CONFIRMED_KEY,
             PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 384)),
       PSA_ERROR_INVALID_ARGUMENT},
      {"SPAKE2+ over DH", pair,
       Suite(kSpake2p, PSA_PAKE_CONFIRMED_KEY, PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_DH, 0x03, 2048)),
       PSA_ERROR_INVALID_ARGUMENT},
      {"SPAKE2+ ok", pair, Suite(kSpake2p), PSA_SUCCESS},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    psa_pake_operation_t op = PSA_PAKE_OPERATION_INIT;
    EXPECT_EQ(psa_pake_setup(&op, c.key, &c.suite), c.expected);
    if (c.expected != PSA_SUCCESS) {
      // Unchanged: still inactive, and setup can be called.
      psa_pake_operation_t init = PSA_PAKE_OPERATION_INIT;
      EXPECT_EQ(memcmp(&op, &init, sizeof(op)), 0);
    } else {
      EXPECT_EQ(psa_pake_setup(&op, c.key, &c.suite), PSA_ERROR_BAD_STATE);  // already active
    }
    EXPECT_EQ(psa_pake_abort(&op), PSA_SUCCESS);
  }
}

TEST_F(PakeTest, InputCollectionRefusals) {
  const psa_key_id_t password = Import(PSA_KEY_TYPE_PASSWORD, Str("pw"), kJpake);
  const psa_key_id_t pub = Import(kPublic, Concat(Hex(kW0), Hex(kL)), kSpake2p);
  const psa_pake_cipher_suite_t jpake = Suite(kJpake, PSA_PAKE_UNCONFIRMED_KEY);
  const psa_pake_cipher_suite_t spake = Suite(kSpake2p);
  const uint8_t id[] = {'a'};
  struct Case {
    const char* name;
    bool is_jpake;
    std::function<psa_status_t(psa_pake_operation_t*)> call;
    psa_status_t expected;
  } cases[] = {
      {"J-PAKE context", true, [&](psa_pake_operation_t* op) { return psa_pake_set_context(op, id, 1); },
       PSA_ERROR_BAD_STATE},
      {"J-PAKE role client", true, [](psa_pake_operation_t* op) { return psa_pake_set_role(op, PSA_PAKE_ROLE_CLIENT); },
       PSA_ERROR_INVALID_ARGUMENT},
      {"J-PAKE role twice", true,
       [](psa_pake_operation_t* op) {
         psa_pake_set_role(op, PSA_PAKE_ROLE_NONE);
         return psa_pake_set_role(op, PSA_PAKE_ROLE_NONE);
       },
       PSA_ERROR_BAD_STATE},
      {"user twice", true,
       [&](psa_pake_operation_t* op) {
         psa_pake_set_user(op, id, 1);
         return psa_pake_set_user(op, id, 1);
       },
       PSA_ERROR_BAD_STATE},
      {"null peer", true, [](psa_pake_operation_t* op) { return psa_pake_set_peer(op, nullptr, 3); },
       PSA_ERROR_INVALID_ARGUMENT},
      {"J-PAKE output without user and peer", true,
       [](psa_pake_operation_t* op) {
         uint8_t out[65];
         size_t length;
         return psa_pake_output(op, PSA_PAKE_STEP_KEY_SHARE, out, sizeof(out), &length);
       },
       PSA_ERROR_BAD_STATE},
      {"SPAKE2+ prover with a public key", false,
       [](psa_pake_operation_t* op) { return psa_pake_set_role(op, PSA_PAKE_ROLE_CLIENT); },
       PSA_ERROR_INVALID_ARGUMENT},
      {"SPAKE2+ role first", false,
       [](psa_pake_operation_t* op) { return psa_pake_set_role(op, PSA_PAKE_ROLE_FIRST); },
       PSA_ERROR_INVALID_ARGUMENT},
      {"SPAKE2+ input without role", false,
       [&](psa_pake_operation_t* op) { return psa_pake_input(op, PSA_PAKE_STEP_KEY_SHARE, id, 1); },
       PSA_ERROR_BAD_STATE},
      {"context twice", false,
       [&](psa_pake_operation_t* op) {
         psa_pake_set_context(op, id, 0);
         return psa_pake_set_context(op, id, 1);
       },
       PSA_ERROR_BAD_STATE},
      {"shared key before the exchange", false,
       [](psa_pake_operation_t* op) {
         psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
         psa_set_key_type(&attributes, PSA_KEY_TYPE_DERIVE);
         psa_key_id_t key;
         return psa_pake_get_shared_key(op, &attributes, &key);
       },
       PSA_ERROR_BAD_STATE},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    psa_pake_operation_t op = PSA_PAKE_OPERATION_INIT;
    ASSERT_EQ(psa_pake_setup(&op, c.is_jpake ? password : pub, c.is_jpake ? &jpake : &spake), PSA_SUCCESS);
    EXPECT_EQ(c.call(&op), c.expected);
    // Any failure puts the operation in the error state.
    EXPECT_EQ(psa_pake_set_user(&op, id, 1), PSA_ERROR_BAD_STATE);
    const psa_pake_cipher_suite_t& suite = c.is_jpake ? jpake : spake;
    EXPECT_EQ(psa_pake_setup(&op, password, &suite), PSA_ERROR_BAD_STATE);
    EXPECT_EQ(psa_pake_abort(&op), PSA_SUCCESS);
    EXPECT_EQ(psa_pake_abort(&op), PSA_SUCCESS);
  }
}

TEST_F(PakeTest, StepRefusals) {
  const psa_key_id_t password = Import(PSA_KEY_TYPE_PASSWORD, Str("pw"), kJpake);
  const psa_key_id_t pair = Import(kPair, Concat(Hex(kW0), Hex(kW1)), kSpake2p);
  uint8_t buffer[PSA_PAKE_OUTPUT_MAX_SIZE];
  size_t length = 0;
  struct Case {
    const char* name;
    bool is_jpake;
    std::function<psa_status_t(psa_pake_operation_t*)> call;
    psa_status_t expected;
  } cases[] = {
      {"J-PAKE ZK_PUBLIC first", true,
       [&](psa_pake_operation_t* op) {
         return psa_pake_output(op, PSA_PAKE_STEP_ZK_PUBLIC, buffer, sizeof(buffer), &length);
       },
       PSA_ERROR_BAD_STATE},
      {"J-PAKE CONFIRM", true,
       [&](psa_pake_operation_t* op) {
         return psa_pake_output(op, PSA_PAKE_STEP_CONFIRM, buffer, sizeof(buffer), &length);
       },
       PSA_ERROR_INVALID_ARGUMENT},
      {"unknown step", true,
       [&](psa_pake_operation_t* op) { return psa_pake_output(op, 0x7f, buffer, sizeof(buffer), &length); },
       PSA_ERROR_INVALID_ARGUMENT},
      {"J-PAKE output buffer too small", true,
       [&](psa_pake_operation_t* op) {
         return psa_pake_output(op, PSA_PAKE_STEP_KEY_SHARE, buffer, 64, &length);
       },
       PSA_ERROR_BUFFER_TOO_SMALL},
      {"J-PAKE interleaved within round one", true,
       [&](psa_pake_operation_t* op) {
         psa_pake_output(op, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length);
         return psa_pake_input(op, PSA_PAKE_STEP_KEY_SHARE, buffer, length);
       },
       PSA_ERROR_BAD_STATE},
      {"J-PAKE input too long", true,
       [&](psa_pake_operation_t* op) { return psa_pake_input(op, PSA_PAKE_STEP_KEY_SHARE, buffer, 66); },
       PSA_ERROR_INVALID_ARGUMENT},
      {"J-PAKE malformed key share", true,
       [&](psa_pake_operation_t* op) {
         memset(buffer, 0x04, 65);
         return psa_pake_input(op, PSA_PAKE_STEP_KEY_SHARE, buffer, 65);
       },
       PSA_ERROR_INVALID_ARGUMENT},
      {"J-PAKE shared key too early", true,
       [&](psa_pake_operation_t* op) {
         psa_pake_output(op, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length);
         psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
         psa_set_key_type(&attributes, PSA_KEY_TYPE_DERIVE);
         psa_key_id_t key;
         return psa_pake_get_shared_key(op, &attributes, &key);
       },
       PSA_ERROR_BAD_STATE},
      {"SPAKE2+ prover inputs first", false,
       [&](psa_pake_operation_t* op) {
         memset(buffer, 0, sizeof(buffer));
         return psa_pake_input(op, PSA_PAKE_STEP_KEY_SHARE, buffer, 65);
       },
       PSA_ERROR_BAD_STATE},
      {"SPAKE2+ ZK_PROOF", false,
       [&](psa_pake_operation_t* op) {
         return psa_pake_output(op, PSA_PAKE_STEP_ZK_PROOF, buffer, sizeof(buffer), &length);
       },
       PSA_ERROR_INVALID_ARGUMENT},
      {"SPAKE2+ confirm before the shares", false,
       [&](psa_pake_operation_t* op) {
         return psa_pake_output(op, PSA_PAKE_STEP_CONFIRM, buffer, sizeof(buffer), &length);
       },
       PSA_ERROR_BAD_STATE},
      {"SPAKE2+ role after the first step", false,
       [&](psa_pake_operation_t* op) {
         psa_pake_output(op, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length);
         return psa_pake_set_user(op, buffer, 1);
       },
       PSA_ERROR_BAD_STATE},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    psa_pake_operation_t op = PSA_PAKE_OPERATION_INIT;
    if (c.is_jpake) {
      SetupJpake(&op, password, "client", "server");
    } else {
      SetupSpake2p(&op, pair, PSA_PAKE_ROLE_CLIENT);
    }
    EXPECT_EQ(c.call(&op), c.expected);
    EXPECT_EQ(psa_pake_output(&op, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length), PSA_ERROR_BAD_STATE);
    EXPECT_EQ(length, 0u);
    EXPECT_EQ(psa_pake_abort(&op), PSA_SUCCESS);
  }
}

TEST_F(PakeTest, SharedKeyAttributeRefusals) {
  const psa_key_id_t password = Import(PSA_KEY_TYPE_PASSWORD, Str("pw"), kJpake);
  struct Case {
    psa_key_type_t type;
    size_t bits;
    psa_status_t expected;
  } cases[] = {{PSA_KEY_TYPE_AES, 0, PSA_ERROR_INVALID_ARGUMENT},  // J-PAKE's K is not pseudorandom
               {PSA_KEY_TYPE_DERIVE, 256, PSA_ERROR_INVALID_ARGUMENT},
               {PSA_KEY_TYPE_HMAC, 520, PSA_SUCCESS},
               {PSA_KEY_TYPE_DERIVE, 0, PSA_SUCCESS}};
  for (const Case& c : cases) {
    psa_pake_operation_t a = PSA_PAKE_OPERATION_INIT, b = PSA_PAKE_OPERATION_INIT;
    SetupJpake(&a, password, "client", "server");
    SetupJpake(&b, password, "server", "client");
    ASSERT_EQ(InRound(&b, OutRound(&a, 6)), PSA_SUCCESS);
    ASSERT_EQ(InRound(&a, OutRound(&b, 6)), PSA_SUCCESS);
    ASSERT_EQ(InRound(&b, OutRound(&a, 3)), PSA_SUCCESS);
    ASSERT_EQ(InRound(&a, OutRound(&b, 3)), PSA_SUCCESS);
    psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
    psa_set_key_type(&attributes, c.type);
    psa_set_key_bits(&attributes, c.bits);
    psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DERIVE);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    EXPECT_EQ(psa_pake_get_shared_key(&a, &attributes, &key), c.expected);
    if (c.expected == PSA_SUCCESS) {
      keys_.push_back(key);
    } else {
      EXPECT_EQ(key, PSA_KEY_ID_NULL);
    }
    psa_pake_abort(&a);
    psa_pake_abort(&b);
  }
}

TEST_F(PakeTest, DestroyedPasswordKeyFailsTheNextStep) {
  const psa_key_id_t password = Import(PSA_KEY_TYPE_PASSWORD, Str("pw"), kJpake);
  psa_pake_operation_t op = PSA_PAKE_OPERATION_INIT;
  SetupJpake(&op, password, "client", "server");
  uint8_t buffer[65];
  size_t length = 0;
  ASSERT_EQ(psa_pake_output(&op, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length), PSA_SUCCESS);
  ASSERT_EQ(psa_destroy_key(password), PSA_SUCCESS);
  EXPECT_EQ(psa_pake_output(&op, PSA_PAKE_STEP_ZK_PUBLIC, buffer, sizeof(buffer), &length),
            PSA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(psa_pake_abort(&op), PSA_SUCCESS);
  // Destroyed before the driver was set up: the first step fails.
  const psa_key_id_t other = Import(PSA_KEY_TYPE_PASSWORD, Str("pw"), kJpake);
  SetupJpake(&op, other, "client", "server");
  ASSERT_EQ(psa_destroy_key(other), PSA_SUCCESS);
  EXPECT_EQ(psa_pake_output(&op, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length),
            PSA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(psa_pake_abort(&op), PSA_SUCCESS);
}

TEST_F(PakeTest, UnsupportedSuiteFailsAtTheFirstStep) {
  const psa_algorithm_t jpake512 = PSA_ALG_JPAKE(PSA_ALG_SHA_512);
  const psa_key_id_t password = Import(PSA_KEY_TYPE_PASSWORD, Str("pw"), jpake512);
  psa_pake_operation_t op = PSA_PAKE_OPERATION_INIT;
  const psa_pake_cipher_suite_t suite = Suite(jpake512, PSA_PAKE_UNCONFIRMED_KEY);
  ASSERT_EQ(psa_pake_setup(&op, password, &suite), PSA_SUCCESS);
  ASSERT_EQ(psa_pake_set_user(&op, reinterpret_cast<const uint8_t*>("a"), 1), PSA_SUCCESS);
  ASSERT_EQ(psa_pake_set_peer(&op, reinterpret_cast<const uint8_t*>("b"), 1), PSA_SUCCESS);
  uint8_t buffer[65];
  size_t length = 0;
  EXPECT_EQ(psa_pake_output(&op, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(psa_pake_abort(&op), PSA_SUCCESS);
}

}  // namespace
