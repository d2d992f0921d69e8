// Helpers of the key derivation and PAKE dispatch suites: a fixture that
// resets the transparent and opaque test drivers and destroys the keys a
// test made, keys in any location, the RFC 5869 and TLS 1.2 PRF known
// answers, derivations through the API, and two-party J-PAKE and SPAKE2+
// runs.

#ifndef TESTS_DISPATCH_DERIVATION_TEST_UTIL_H_
#define TESTS_DISPATCH_DERIVATION_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "drivers/test/test_driver.h"
#include "drivers/test/test_opaque_driver.h"
#include "psa/crypto.h"
#include "tests/dispatch/dispatch_test_util.h"
#include "tests/keys/key_test_util.h"

namespace psa::testing {

using keys_testing::Bytes;
using keys_testing::FromHex;
using keys_testing::StatusName;
using keys_testing::ToHex;

inline constexpr psa_algorithm_t kHkdfSha256 = PSA_ALG_HKDF(PSA_ALG_SHA_256);
inline constexpr psa_algorithm_t kTlsPrfSha256 = PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256);
inline constexpr psa_key_type_t kP256PairType = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);

inline constexpr psa_key_lifetime_t VolatileAt(psa_key_location_t location) {
  return PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE, location);
}

inline Bytes Str(const std::string& s) { return Bytes(s.begin(), s.end()); }
inline Bytes Concat(Bytes a, const Bytes& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// RFC 5869 appendix A.1 (HKDF with SHA-256, test case 1).
struct Rfc5869Case1 {
  static Bytes Ikm() { return Bytes(22, 0x0b); }
  static Bytes Salt() { return FromHex("000102030405060708090a0b0c"); }
  static Bytes Info() { return FromHex("f0f1f2f3f4f5f6f7f8f9"); }
  static Bytes Prk() { return FromHex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"); }
  static Bytes Okm() {
    return FromHex(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }
};

// The TLS 1.2 PRF with SHA-256, 100 bytes: the vector published on the
// IETF TLS list (secret, seed and label "test label"), which the core's
// unit test checks against OpenSSL too.
struct Tls12PrfSha256Vector {
  static Bytes Secret() { return FromHex("9bbe436ba940f017b17652849a71db35"); }
  static Bytes Seed() { return FromHex("a0ba9f936cda311827a6f796ffd5198c"); }
  static Bytes Label() { return Str("test label"); }
  static Bytes Output() {
    return FromHex(
        "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af0fa022f707"
        "7def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff70187347b66");
  }
};

// Resets test_a, test_b, test_opaque and test_opaque_static, initialises
// the library, and destroys the test's keys at the end.
class DerivationDispatchTest : public DispatchTest {
 protected:
  void SetUp() override {
    DispatchTest::SetUp();
    test_opaque_reset_hooks(&test_opaque_hooks);
    test_opaque_reset_hooks(&test_opaque_static_hooks);
  }
  void TearDown() override {
    for (psa_key_id_t key : keys_) psa_destroy_key(key);
  }

  // A volatile key in `location`; a test failure (and PSA_KEY_ID_NULL) if
  // the import fails.
  psa_key_id_t Key(psa_key_type_t type, const Bytes& data, psa_algorithm_t alg, psa_key_usage_t usage,
                   psa_key_location_t location = PSA_KEY_LOCATION_LOCAL_STORAGE) {
    psa_key_attributes_t attributes = psa_key_attributes_init();
    psa_set_key_type(&attributes, type);
    psa_set_key_usage_flags(&attributes, usage);
    psa_set_key_algorithm(&attributes, alg);
    psa_set_key_lifetime(&attributes, VolatileAt(location));
    psa_key_id_t key = PSA_KEY_ID_NULL;
    EXPECT_EQ(StatusName(psa_import_key(&attributes, data.data(), data.size(), &key)), StatusName(PSA_SUCCESS));
    if (key != PSA_KEY_ID_NULL) keys_.push_back(key);
    return key;
  }

  void Keep(psa_key_id_t key) {
    if (key != PSA_KEY_ID_NULL) keys_.push_back(key);
  }

  std::vector<psa_key_id_t> keys_;
};

// The secret of a derivation: bytes, or a key.
struct Secret {
  Bytes bytes;
  psa_key_id_t key = PSA_KEY_ID_NULL;
};
inline Secret SecretBytes(const Bytes& bytes) { return {bytes, PSA_KEY_ID_NULL}; }
inline Secret SecretKey(psa_key_id_t key) { return {{}, key}; }

inline psa_status_t InputSecret(psa_key_derivation_operation_t* operation, const Secret& secret) {
  return secret.key != PSA_KEY_ID_NULL
             ? psa_key_derivation_input_key(operation, PSA_KEY_DERIVATION_INPUT_SECRET, secret.key)
             : psa_key_derivation_input_bytes(operation, PSA_KEY_DERIVATION_INPUT_SECRET, secret.bytes.data(),
                                              secret.bytes.size());
}

// Sets *operation up for HKDF (or HKDF-Expand, whose secret is the PRK and
// which takes no salt) with the RFC 5869 salt and info and `secret`.
inline psa_status_t StartHkdf(psa_key_derivation_operation_t* operation, psa_algorithm_t alg,
                              const Secret& secret) {
  psa_status_t status = psa_key_derivation_setup(operation, alg);
  if (status == PSA_SUCCESS && PSA_ALG_IS_HKDF(alg)) {
    const Bytes salt = Rfc5869Case1::Salt();
    status = psa_key_derivation_input_bytes(operation, PSA_KEY_DERIVATION_INPUT_SALT, salt.data(), salt.size());
  }
  if (status == PSA_SUCCESS) status = InputSecret(operation, secret);
  if (status == PSA_SUCCESS) {
    const Bytes info = Rfc5869Case1::Info();
    status = psa_key_derivation_input_bytes(operation, PSA_KEY_DERIVATION_INPUT_INFO, info.data(), info.size());
  }
  return status;
}

// Sets *operation up for the TLS 1.2 PRF with SHA-256 and the vector's
// seed and label.
inline psa_status_t StartTlsPrf(psa_key_derivation_operation_t* operation, const Secret& secret) {
  const Bytes seed = Tls12PrfSha256Vector::Seed(), label = Tls12PrfSha256Vector::Label();
  psa_status_t status = psa_key_derivation_setup(operation, kTlsPrfSha256);
  if (status == PSA_SUCCESS) {
    status = psa_key_derivation_input_bytes(operation, PSA_KEY_DERIVATION_INPUT_SEED, seed.data(), seed.size());
  }
  if (status == PSA_SUCCESS) status = InputSecret(operation, secret);
  if (status == PSA_SUCCESS) {
    status =
        psa_key_derivation_input_bytes(operation, PSA_KEY_DERIVATION_INPUT_LABEL, label.data(), label.size());
  }
  return status;
}

// Reads `length` bytes in two pieces (so that a driver serves more than one
// output call). On failure *out is empty.
inline psa_status_t ReadOutput(psa_key_derivation_operation_t* operation, size_t length, Bytes* out) {
  out->assign(length, 0);
  const size_t first = length / 3;
  psa_status_t status = psa_key_derivation_output_bytes(operation, out->data(), first);
  if (status == PSA_SUCCESS) status = psa_key_derivation_output_bytes(operation, out->data() + first, length - first);
  if (status != PSA_SUCCESS) out->clear();
  return status;
}

// A whole HKDF (or HKDF-Expand) derivation of the RFC 5869 length, aborted
// at the end.
inline psa_status_t DeriveHkdf(psa_algorithm_t alg, const Secret& secret, Bytes* out) {
  psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
  psa_status_t status = StartHkdf(&operation, alg, secret);
  if (status == PSA_SUCCESS) status = ReadOutput(&operation, Rfc5869Case1::Okm().size(), out);
  const psa_status_t abort_status = psa_key_derivation_abort(&operation);
  return status != PSA_SUCCESS ? status : abort_status;
}

// The public key of `key`, exported (empty on failure).
inline Bytes PublicKeyOf(psa_key_id_t key) {
  Bytes out;
  if (keys_testing::ExportPublic(key, &out) != PSA_SUCCESS) out.clear();
  return out;
}

// ---------------------------------------------------------------------------
// PAKE.

inline constexpr psa_pake_primitive_t kPakeP256 =
    PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);
inline constexpr psa_algorithm_t kJpake = PSA_ALG_JPAKE(PSA_ALG_SHA_256);
inline constexpr psa_algorithm_t kSpake2pHmac = PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256);
inline constexpr psa_key_type_t kSpake2pPair = PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
inline constexpr psa_key_type_t kSpake2pPublic = PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1);

// RFC 9383 appendix C: w0 || w1 (the prover's key pair) and w0 || L (the
// verifier's public key).
inline Bytes Spake2pPairData() {
  return FromHex(
      "bb8e1bbcf3c48f62c08db243652ae55d3e5586053fca77102994f23ad95491b3"
      "7e945f34d78785b8a3ef44d0df5a1a97d6b3b460409a345ca7830387a74b1dba");
}
inline Bytes Spake2pPublicData() {
  return FromHex(
      "bb8e1bbcf3c48f62c08db243652ae55d3e5586053fca77102994f23ad95491b3"
      "04eb7c9db3d9a9eb1f8adab81b5794c1f13ae3e225efbe91ea487425854c7fc00f00bfedcbd09b2400142d40a14f2064ef31dfaa903b"
      "91d1faea7093d835966efd");
}

inline psa_pake_cipher_suite_t PakeSuite(psa_algorithm_t alg, uint32_t confirmation) {
  psa_pake_cipher_suite_t suite = psa_pake_cipher_suite_init();
  psa_pake_cs_set_algorithm(&suite, alg);
  psa_pake_cs_set_primitive(&suite, kPakeP256);
  psa_pake_cs_set_key_confirmation(&suite, confirmation);
  return suite;
}

// psa_pake_setup and the identities of a J-PAKE party.
inline psa_status_t SetupJpake(psa_pake_operation_t* operation, psa_key_id_t password, const std::string& user,
                               const std::string& peer) {
  const psa_pake_cipher_suite_t suite = PakeSuite(kJpake, PSA_PAKE_UNCONFIRMED_KEY);
  psa_status_t status = psa_pake_setup(operation, password, &suite);
  if (status == PSA_SUCCESS) {
    status = psa_pake_set_user(operation, reinterpret_cast<const uint8_t*>(user.data()), user.size());
  }
  if (status == PSA_SUCCESS) {
    status = psa_pake_set_peer(operation, reinterpret_cast<const uint8_t*>(peer.data()), peer.size());
  }
  return status;
}

// psa_pake_setup, role, identities and context of a SPAKE2+ party.
inline psa_status_t SetupSpake2p(psa_pake_operation_t* operation, psa_key_id_t key, psa_algorithm_t alg,
                                 psa_pake_role_t role) {
  const psa_pake_cipher_suite_t suite = PakeSuite(alg, PSA_PAKE_CONFIRMED_KEY);
  const Bytes client = Str("client"), server = Str("server"), context = Str("dispatch test");
  const Bytes& user = role == PSA_PAKE_ROLE_CLIENT ? client : server;
  const Bytes& peer = role == PSA_PAKE_ROLE_CLIENT ? server : client;
  psa_status_t status = psa_pake_setup(operation, key, &suite);
  if (status == PSA_SUCCESS) status = psa_pake_set_role(operation, role);
  if (status == PSA_SUCCESS) status = psa_pake_set_user(operation, user.data(), user.size());
  if (status == PSA_SUCCESS) status = psa_pake_set_peer(operation, peer.data(), peer.size());
  if (status == PSA_SUCCESS) status = psa_pake_set_context(operation, context.data(), context.size());
  return status;
}

// One message from `from` to `to` for `step`.
inline psa_status_t PakeMessage(psa_pake_operation_t* from, psa_pake_operation_t* to, psa_pake_step_t step) {
  uint8_t buffer[PSA_PAKE_OUTPUT_MAX_SIZE];
  size_t length = 0;
  psa_status_t status = psa_pake_output(from, step, buffer, sizeof(buffer), &length);
  if (status == PSA_SUCCESS) status = psa_pake_input(to, step, buffer, length);
  return status;
}

// The J-PAKE exchange between two set-up parties, `a` sending first in each
// round: round one (X1, X2 with their proofs) both ways, then round two.
inline psa_status_t RunJpake(psa_pake_operation_t* a, psa_pake_operation_t* b) {
  static const psa_pake_step_t kTriple[] = {PSA_PAKE_STEP_KEY_SHARE, PSA_PAKE_STEP_ZK_PUBLIC,
                                            PSA_PAKE_STEP_ZK_PROOF};
  for (size_t messages : {6u, 3u}) {
    for (psa_pake_operation_t* from : {a, b}) {
      psa_pake_operation_t* to = from == a ? b : a;
      for (size_t i = 0; i < messages; ++i) {
        const psa_status_t status = PakeMessage(from, to, kTriple[i % 3]);
        if (status != PSA_SUCCESS) return status;
      }
    }
  }
  return PSA_SUCCESS;
}

// The confirmed SPAKE2+ exchange between a set-up prover and verifier.
inline psa_status_t RunSpake2p(psa_pake_operation_t* prover, psa_pake_operation_t* verifier) {
  psa_status_t status = PakeMessage(prover, verifier, PSA_PAKE_STEP_KEY_SHARE);
  if (status == PSA_SUCCESS) status = PakeMessage(verifier, prover, PSA_PAKE_STEP_KEY_SHARE);
  if (status == PSA_SUCCESS) status = PakeMessage(verifier, prover, PSA_PAKE_STEP_CONFIRM);
  if (status == PSA_SUCCESS) status = PakeMessage(prover, verifier, PSA_PAKE_STEP_CONFIRM);
  return status;
}

// The shared secret of a finished exchange as an exportable DERIVE key,
// exported (empty on failure); the key is destroyed.
inline psa_status_t SharedSecret(psa_pake_operation_t* operation, Bytes* out) {
  out->clear();
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, PSA_KEY_TYPE_DERIVE);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT);
  psa_set_key_algorithm(&attributes, kHkdfSha256);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  psa_status_t status = psa_pake_get_shared_key(operation, &attributes, &key);
  if (status == PSA_SUCCESS) status = keys_testing::Export(key, out);
  psa_destroy_key(key);
  return status;
}

}  // namespace psa::testing

#endif  // TESTS_DISPATCH_DERIVATION_TEST_UTIL_H_
