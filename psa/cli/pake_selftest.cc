// Self-tests of J-PAKE and SPAKE2+: a client and a server run the exchange
// against each other through the API and must derive the same shared key;
// a second run with the wrong password must fail (SPAKE2+: at key
// confirmation) or derive different keys (J-PAKE, whose PSA exchange has no
// confirmation step). SPAKE2+ uses the RFC 9383 appendix C registration
// record (w0, w1, L); J-PAKE must also accept round one of the Mbed TLS 2.28
// ecjpake self-test's client (password "threadjpaketest", identity
// "client"), whose Schnorr proofs fix the message format.

#include "psa/cli/pake_selftest.h"

#include <string>
#include <vector>

#include "psa/cli/selftest_support.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"

namespace psa::cli {
namespace {

constexpr psa_pake_primitive_t kP256 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);
constexpr psa_algorithm_t kJpake = PSA_ALG_JPAKE(PSA_ALG_SHA_256);
constexpr psa_pake_step_t kJpakeSteps[] = {PSA_PAKE_STEP_KEY_SHARE, PSA_PAKE_STEP_ZK_PUBLIC, PSA_PAKE_STEP_ZK_PROOF};

// RFC 9383 appendix C: w0 || w1, and w0 || L.
const char kSpake2pPair[] =
    "bb8e1bbcf3c48f62c08db243652ae55d3e5586053fca77102994f23ad95491b3"
    "7e945f34d78785b8a3ef44d0df5a1a97d6b3b460409a345ca7830387a74b1dba";
const char kSpake2pPublic[] =
    "bb8e1bbcf3c48f62c08db243652ae55d3e5586053fca77102994f23ad95491b3"
    "04eb7c9db3d9a9eb1f8adab81b5794c1f13ae3e225efbe91ea487425854c7fc00f00bfedcbd09b2400142d40a14f2064ef31dfaa903b91d1"
    "faea7093d835966efd";
// Another registration record: w0 of RFC 9383 with w1 = 1 (L = G).
const char kOtherPair[] =
    "bb8e1bbcf3c48f62c08db243652ae55d3e5586053fca77102994f23ad95491b3"
    "0000000000000000000000000000000000000000000000000000000000000001";

// Round one of the Mbed TLS 2.28 ecjpake.c self-test client (X1, V1, r1, X2, V2, r2).
const char* const kReferenceClientRoundOne[] = {
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

// A PAKE operation, aborted at the end of the scope.
class Operation {
 public:
  Operation() = default;
  ~Operation() { psa_pake_abort(&op_); }
  Operation(const Operation&) = delete;
  Operation& operator=(const Operation&) = delete;
  psa_pake_operation_t* get() { return &op_; }

 private:
  psa_pake_operation_t op_ = PSA_PAKE_OPERATION_INIT;
};

psa_status_t Setup(psa_pake_operation_t* op, psa_key_id_t key, psa_algorithm_t alg, uint32_t confirmation,
                   psa_pake_role_t role, const char* user, const char* peer, const char* context) {
  psa_pake_cipher_suite_t suite = psa_pake_cipher_suite_init();
  psa_pake_cs_set_algorithm(&suite, alg);
  psa_pake_cs_set_primitive(&suite, kP256);
  psa_pake_cs_set_key_confirmation(&suite, confirmation);
  psa_status_t status = psa_pake_setup(op, key, &suite);
  if (status == PSA_SUCCESS && role != PSA_PAKE_ROLE_NONE) status = psa_pake_set_role(op, role);
  const Bytes user_id = FromText(user), peer_id = FromText(peer);
  if (status == PSA_SUCCESS) status = psa_pake_set_user(op, user_id.data(), user_id.size());
  if (status == PSA_SUCCESS) status = psa_pake_set_peer(op, peer_id.data(), peer_id.size());
  if (status == PSA_SUCCESS && context != nullptr) {
    const Bytes context_data = FromText(context);
    status = psa_pake_set_context(op, context_data.data(), context_data.size());
  }
  return status;
}

// psa_pake_output of `step` from `from`, then psa_pake_input of it to `to`.
psa_status_t Pass(psa_pake_operation_t* from, psa_pake_operation_t* to, psa_pake_step_t step) {
  Bytes message(PSA_PAKE_OUTPUT_MAX_SIZE);
  size_t length = 0;
  psa_status_t status = psa_pake_output(from, step, message.data(), message.size(), &length);
  if (status == PSA_SUCCESS) status = psa_pake_input(to, step, message.data(), length);
  return status;
}

// The shared key of a finished exchange, as exported bytes.
psa_status_t SharedKey(psa_pake_operation_t* op, Bytes* key_bytes) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_DERIVE);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT);
  psa_set_key_algorithm(&attributes, PSA_ALG_HKDF(PSA_ALG_SHA_256));
  psa_key_id_t key = PSA_KEY_ID_NULL;
  psa_status_t status = psa_pake_get_shared_key(op, &attributes, &key);
  if (status != PSA_SUCCESS) return status;
  key_bytes->resize(128);
  size_t length = 0;
  status = psa_export_key(key, key_bytes->data(), key_bytes->size(), &length);
  key_bytes->resize(length);
  psa_destroy_key(key);
  return status;
}

std::string ServingDriver(const psa_pake_operation_t* op) {
  const char* name = psa::dispatch::DriverName(op->driver_id);
  return name != nullptr ? name : "-";
}

// A whole J-PAKE exchange between keys `a` and `b`; the two shared keys.
psa_status_t JpakeExchange(psa_key_id_t a, psa_key_id_t b, Bytes* key_a, Bytes* key_b, std::string* driver) {
  Operation client, server;
  psa_status_t status = Setup(client.get(), a, kJpake, PSA_PAKE_UNCONFIRMED_KEY, PSA_PAKE_ROLE_NONE, "client",
                              "server", nullptr);
  if (status == PSA_SUCCESS) {
    status = Setup(server.get(), b, kJpake, PSA_PAKE_UNCONFIRMED_KEY, PSA_PAKE_ROLE_NONE, "server", "client",
                   nullptr);
  }
  // Round one: two triples each way; round two: one triple each way.
  for (int round_size : {2, 1}) {
    for (int i = 0; status == PSA_SUCCESS && i < 3 * round_size; ++i) {
      status = Pass(client.get(), server.get(), kJpakeSteps[i % 3]);
    }
    for (int i = 0; status == PSA_SUCCESS && i < 3 * round_size; ++i) {
      status = Pass(server.get(), client.get(), kJpakeSteps[i % 3]);
    }
  }
  if (status == PSA_SUCCESS) *driver = ServingDriver(client.get());
  if (status == PSA_SUCCESS) status = SharedKey(client.get(), key_a);
  if (status == PSA_SUCCESS) status = SharedKey(server.get(), key_b);
  return status;
}

SelftestResult JpakeSelftest() {
  SelftestResult result{"pake J-PAKE P-256 SHA-256", "-", SelftestResult::Outcome::kFail, ""};
  Key password(PSA_KEY_TYPE_PASSWORD, PSA_KEY_USAGE_DERIVE, kJpake, FromText("threadjpaketest"));
  Key wrong(PSA_KEY_TYPE_PASSWORD, PSA_KEY_USAGE_DERIVE, kJpake, FromText("threadjpaketesT"));
  if (!Check(&result, "psa_import_key", password.status()) || !Check(&result, "psa_import_key", wrong.status())) {
    return result;
  }
  Bytes key_a, key_b;
  psa_status_t status = JpakeExchange(password.id(), password.id(), &key_a, &key_b, &result.driver);
  if (status == PSA_ERROR_NOT_SUPPORTED) {
    result.outcome = SelftestResult::Outcome::kNotCompiledIn;
    return result;
  }
  if (!Check(&result, "the exchange", status)) return result;
  if (key_a != key_b || key_a.empty()) {
    result.detail = "the two parties' keys differ";
    return result;
  }
  std::string ignored;
  if (!Check(&result, "the exchange with a wrong password",
             JpakeExchange(password.id(), wrong.id(), &key_a, &key_b, &ignored))) {
    return result;
  }
  if (key_a == key_b) {
    result.detail = "a wrong password gave the same key";
    return result;
  }
  Operation server;
  status = Setup(server.get(), password.id(), kJpake, PSA_PAKE_UNCONFIRMED_KEY, PSA_PAKE_ROLE_NONE, "server",
                 "client", nullptr);
  for (size_t i = 0; status == PSA_SUCCESS && i < 6; ++i) {
    const Bytes message = FromHex(kReferenceClientRoundOne[i]);
    status = psa_pake_input(server.get(), kJpakeSteps[i % 3], message.data(), message.size());
  }
  if (!Check(&result, "the Mbed TLS reference client's round one", status)) return result;
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

// A SPAKE2+ exchange with confirmation between the prover's key pair and
// the verifier's public key: the confirmation of the first party that
// receives one, and the two shared keys on success.
psa_status_t Spake2pExchange(psa_algorithm_t alg, psa_key_id_t prover_key, psa_key_id_t verifier_key,
                             Bytes* key_p, Bytes* key_v, std::string* driver) {
  Operation prover, verifier;
  psa_status_t status = Setup(prover.get(), prover_key, alg, PSA_PAKE_CONFIRMED_KEY, PSA_PAKE_ROLE_CLIENT,
                              "client", "server", "selftest");
  if (status == PSA_SUCCESS) {
    status = Setup(verifier.get(), verifier_key, alg, PSA_PAKE_CONFIRMED_KEY, PSA_PAKE_ROLE_SERVER, "server",
                   "client", "selftest");
  }
  if (status == PSA_SUCCESS) status = Pass(prover.get(), verifier.get(), PSA_PAKE_STEP_KEY_SHARE);
  if (status == PSA_SUCCESS) status = Pass(verifier.get(), prover.get(), PSA_PAKE_STEP_KEY_SHARE);
  if (status == PSA_SUCCESS) status = Pass(verifier.get(), prover.get(), PSA_PAKE_STEP_CONFIRM);
  if (status == PSA_SUCCESS) status = Pass(prover.get(), verifier.get(), PSA_PAKE_STEP_CONFIRM);
  if (status == PSA_SUCCESS) *driver = ServingDriver(prover.get());
  if (status == PSA_SUCCESS) status = SharedKey(prover.get(), key_p);
  if (status == PSA_SUCCESS) status = SharedKey(verifier.get(), key_v);
  return status;
}

SelftestResult Spake2pSelftest(const char* name, psa_algorithm_t alg) {
  SelftestResult result{std::string("pake ") + name, "-", SelftestResult::Outcome::kFail, ""};
  const psa_key_type_t pair_type = PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
  Key pair(pair_type, PSA_KEY_USAGE_DERIVE, alg, FromHex(kSpake2pPair));
  if (pair.status() == PSA_ERROR_NOT_SUPPORTED) {
    result.outcome = SelftestResult::Outcome::kNotCompiledIn;
    return result;
  }
  Key record(PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), PSA_KEY_USAGE_DERIVE, alg,
             FromHex(kSpake2pPublic));
  Key other(pair_type, PSA_KEY_USAGE_DERIVE, alg, FromHex(kOtherPair));
  if (!Check(&result, "psa_import_key", pair.status()) || !Check(&result, "psa_import_key", record.status()) ||
      !Check(&result, "psa_import_key", other.status())) {
    return result;
  }
  Bytes key_p, key_v;
  psa_status_t status = Spake2pExchange(alg, pair.id(), record.id(), &key_p, &key_v, &result.driver);
  if (status == PSA_ERROR_NOT_SUPPORTED) {
    result.outcome = SelftestResult::Outcome::kNotCompiledIn;
    return result;
  }
  if (!Check(&result, "the exchange", status)) return result;
  if (key_p != key_v || key_p.empty()) {
    result.detail = "the two parties' keys differ";
    return result;
  }
  std::string ignored;
  status = Spake2pExchange(alg, other.id(), record.id(), &key_p, &key_v, &ignored);
  if (status != PSA_ERROR_INVALID_SIGNATURE) {
    result.detail = "a wrong password was not refused at confirmation (status " + std::to_string(status) + ")";
    return result;
  }
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

}  // namespace

std::vector<SelftestResult> RunPakeSelftests() {
  std::vector<SelftestResult> results;
  results.push_back(JpakeSelftest());
  results.push_back(Spake2pSelftest("SPAKE2+ P-256 SHA-256 HMAC", PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256)));
  results.push_back(Spake2pSelftest("SPAKE2+ P-256 SHA-256 CMAC", PSA_ALG_SPAKE2P_CMAC(PSA_ALG_SHA_256)));
  results.push_back(Spake2pSelftest("SPAKE2+ P-256 Matter", PSA_ALG_SPAKE2P_MATTER));
  return results;
}

}  // namespace psa::cli
