#include "benchmarks/pake_support.h"

#include <string.h>

#include <string>
#include <vector>

#include "benchmarks/asymmetric_support.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {
namespace {

// RFC 9383 appendix C (SPAKE2+-P256-SHA256-HKDF-SHA256-HMAC-SHA256).
constexpr char kContext[] = "SPAKE2+-P256-SHA256-HKDF-SHA256-HMAC-SHA256 Test Vectors";
constexpr char kProverId[] = "client";
constexpr char kVerifierId[] = "server";
constexpr char kW0[] = "bb8e1bbcf3c48f62c08db243652ae55d3e5586053fca77102994f23ad95491b3";
constexpr char kW1[] = "7e945f34d78785b8a3ef44d0df5a1a97d6b3b460409a345ca7830387a74b1dba";
constexpr char kL[] =
    "04eb7c9db3d9a9eb1f8adab81b5794c1f13ae3e225efbe91ea487425854c7fc00f"
    "00bfedcbd09b2400142d40a14f2064ef31dfaa903b91d1faea7093d835966efd";
constexpr char kX[] = "d1232c8e8693d02368976c174e2088851b8365d0d79a9eee709c6a05a2fad539";
constexpr char kY[] = "717a72348a182085109c8d3917d6c43d59b224dc6a7fc4f0483232fa6516d8b3";
constexpr char kShareP[] =
    "04ef3bd051bf78a2234ec0df197f7828060fe9856503579bb1733009042c15c0c1"
    "de127727f418b5966afadfdd95a6e4591d171056b333dab97a79c7193e341727";
constexpr char kShareV[] =
    "04c0f65da0d11927bdf5d560c69e1d7d939a05b0e88291887d679fcadea75810fb"
    "5cc1ca7494db39e82ff2f50665255d76173e09986ab46742c798a9a68437b048";
constexpr char kConfirmP[] = "926cc713504b9b4d76c9162ded04b5493e89109f6d89462cd33adc46fda27527";
constexpr char kConfirmV[] = "9747bcc4f8fe9f63defee53ac9b07876d907d55047e6ff2def2e7529089d3e68";
constexpr char kKShared[] = "0c5f8ccd1413423a54f6c1fb26ff01534a87f893779c6e68666d772bfd91f3e7";

constexpr psa_algorithm_t kAlg = PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256);
constexpr psa_key_type_t kKeyPair = PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_key_type_t kPublicKey = PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1);

const uint8_t* Bytes(const char* text) { return reinterpret_cast<const uint8_t*>(text); }

psa_status_t Import(psa_key_type_t type, const std::vector<uint8_t>& data, psa_key_id_t* id) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, 256);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DERIVE);
  psa_set_key_algorithm(&attributes, kAlg);
  const psa_status_t status = psa_import_key(&attributes, data.data(), data.size(), id);
  psa_reset_key_attributes(&attributes);
  return status;
}

psa_pake_cipher_suite_t Suite() {
  psa_pake_cipher_suite_t suite = PSA_PAKE_CIPHER_SUITE_INIT;
  psa_pake_cs_set_algorithm(&suite, kAlg);
  psa_pake_cs_set_primitive(&suite, PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256));
  psa_pake_cs_set_key_confirmation(&suite, PSA_PAKE_CONFIRMED_KEY);
  return suite;
}

// psa_pake_setup and the role, identities and context of one side.
psa_status_t Start(psa_pake_operation_t* operation, psa_key_id_t key, bool prover) {
  const psa_pake_cipher_suite_t suite = Suite();
  const char* user = prover ? kProverId : kVerifierId;
  const char* peer = prover ? kVerifierId : kProverId;
  psa_status_t status = psa_pake_setup(operation, key, &suite);
  if (status == PSA_SUCCESS) status = psa_pake_set_role(operation, prover ? PSA_PAKE_ROLE_CLIENT : PSA_PAKE_ROLE_SERVER);
  if (status == PSA_SUCCESS) status = psa_pake_set_user(operation, Bytes(user), strlen(user));
  if (status == PSA_SUCCESS) status = psa_pake_set_peer(operation, Bytes(peer), strlen(peer));
  if (status == PSA_SUCCESS) status = psa_pake_set_context(operation, Bytes(kContext), strlen(kContext));
  return status;
}

// Takes the shared secret of a finished side as a key and, if `out` is not
// null, exports it there (kSpake2pSharedSize bytes); destroys the key.
psa_status_t TakeSharedKey(psa_pake_operation_t* operation, uint8_t* out) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_DERIVE);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT);
  psa_set_key_algorithm(&attributes, PSA_ALG_HKDF(PSA_ALG_SHA_256));
  psa_key_id_t key = 0;
  psa_status_t status = psa_pake_get_shared_key(operation, &attributes, &key);
  if (status == PSA_SUCCESS && out != nullptr) {
    size_t length = 0;
    status = psa_export_key(key, out, kSpake2pSharedSize, &length);
    if (status == PSA_SUCCESS && length != kSpake2pSharedSize) status = PSA_ERROR_CORRUPTION_DETECTED;
  }
  if (key != 0) {
    const psa_status_t destroyed = psa_destroy_key(key);
    if (status == PSA_SUCCESS) status = destroyed;
  }
  return status;
}

struct Message {
  uint8_t bytes[PSA_PAKE_OUTPUT_MAX_SIZE];
  size_t length = 0;
};

psa_status_t Output(psa_pake_operation_t* operation, psa_pake_step_t step, Message* message) {
  return psa_pake_output(operation, step, message->bytes, sizeof(message->bytes), &message->length);
}

psa_status_t Input(psa_pake_operation_t* operation, psa_pake_step_t step, const Message& message) {
  return psa_pake_input(operation, step, message.bytes, message.length);
}

// A message of `length` bytes (an empty one if it does not fit).
Message FromBytes(const uint8_t* bytes, size_t length) {
  Message message;
  if (length > sizeof(message.bytes)) return message;
  memcpy(message.bytes, bytes, length);
  message.length = length;
  return message;
}

bool Same(const Message& message, const uint8_t* bytes, size_t length) {
  return message.length == length && memcmp(message.bytes, bytes, length) == 0;
}

std::string Failure(const char* what, int32_t status) {
  return std::string(kSpake2pName) + ": " + what + " returned " + std::to_string(status);
}

std::string HexOf(const uint8_t* bytes, size_t length) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (size_t i = 0; i < length; ++i) {
    hex += kDigits[bytes[i] >> 4];
    hex += kDigits[bytes[i] & 15];
  }
  return hex;
}

std::string CheckRfcVector(const baseline_spake2p_t& parameters) {
  const std::vector<uint8_t> x = FromHex(kX), y = FromHex(kY);
  baseline_spake2p_result_t result;
  const int32_t status = baseline_spake2p_exchange(&parameters, x.data(), y.data(), &result);
  if (status != PSA_SUCCESS) return Failure("the baseline's exchange with RFC 9383's x and y", status);
  struct Expected {
    const char* name;
    const uint8_t* got;
    size_t length;
    const char* hex;
  };
  const Expected expected[] = {
      {"shareP", result.share_p, sizeof(result.share_p), kShareP},
      {"shareV", result.share_v, sizeof(result.share_v), kShareV},
      {"confirmP", result.confirm_p, sizeof(result.confirm_p), kConfirmP},
      {"confirmV", result.confirm_v, sizeof(result.confirm_v), kConfirmV},
      {"K_shared (prover)", result.shared_p, sizeof(result.shared_p), kKShared},
      {"K_shared (verifier)", result.shared_v, sizeof(result.shared_v), kKShared},
  };
  for (const Expected& e : expected) {
    if (HexOf(e.got, e.length) != e.hex) return std::string(kSpake2pName) + ": the baseline's " + e.name + " is not RFC 9383's";
  }
  return "";
}

// Our prover against the baseline's verifier.
std::string CheckOurProver(const Spake2pKeys& keys, const baseline_spake2p_t& parameters) {
  psa_pake_operation_t prover = psa_pake_operation_init();
  Message share_p, confirm_p;
  psa_status_t status = Start(&prover, keys.prover(), /*prover=*/true);
  if (status == PSA_SUCCESS) status = Output(&prover, PSA_PAKE_STEP_KEY_SHARE, &share_p);
  if (status != PSA_SUCCESS || share_p.length != 65) {
    psa_pake_abort(&prover);
    return Failure("our prover's shareP", status);
  }
  baseline_spake2p_result_t theirs;
  const int32_t theirs_status = baseline_spake2p_verifier(&parameters, nullptr, share_p.bytes, &theirs);
  if (theirs_status != PSA_SUCCESS) {
    psa_pake_abort(&prover);
    return Failure("the baseline's verifier on our shareP", theirs_status);
  }
  uint8_t shared[kSpake2pSharedSize];
  status = Input(&prover, PSA_PAKE_STEP_KEY_SHARE, FromBytes(theirs.share_v, sizeof(theirs.share_v)));
  if (status == PSA_SUCCESS) status = Input(&prover, PSA_PAKE_STEP_CONFIRM, FromBytes(theirs.confirm_v, 32));
  if (status == PSA_SUCCESS) status = Output(&prover, PSA_PAKE_STEP_CONFIRM, &confirm_p);
  if (status == PSA_SUCCESS) status = TakeSharedKey(&prover, shared);
  psa_pake_abort(&prover);
  if (status != PSA_SUCCESS) return Failure("our prover against the baseline's verifier", status);
  if (!Same(confirm_p, theirs.confirm_p, sizeof(theirs.confirm_p))) {
    return std::string(kSpake2pName) + ": our confirmP is not the one the baseline's verifier expects";
  }
  if (memcmp(shared, theirs.shared_v, sizeof(shared)) != 0) {
    return std::string(kSpake2pName) + ": our prover's K_shared is not the baseline verifier's";
  }
  return "";
}

// The baseline's prover (RFC 9383's x) against our verifier.
std::string CheckOurVerifier(const Spake2pKeys& keys, const baseline_spake2p_t& parameters) {
  const std::vector<uint8_t> x = FromHex(kX);
  baseline_spake2p_result_t theirs;
  int32_t theirs_status = baseline_spake2p_prover(&parameters, x.data(), nullptr, nullptr, &theirs);
  if (theirs_status != PSA_SUCCESS) return Failure("the baseline's shareP", theirs_status);
  psa_pake_operation_t verifier = psa_pake_operation_init();
  Message share_v, confirm_v;
  psa_status_t status = Start(&verifier, keys.verifier(), /*prover=*/false);
  if (status == PSA_SUCCESS) status = Input(&verifier, PSA_PAKE_STEP_KEY_SHARE, FromBytes(theirs.share_p, 65));
  if (status == PSA_SUCCESS) status = Output(&verifier, PSA_PAKE_STEP_KEY_SHARE, &share_v);
  if (status == PSA_SUCCESS) status = Output(&verifier, PSA_PAKE_STEP_CONFIRM, &confirm_v);
  if (status != PSA_SUCCESS || share_v.length != 65 || confirm_v.length != 32) {
    psa_pake_abort(&verifier);
    return Failure("our verifier on the baseline's shareP", status);
  }
  theirs_status = baseline_spake2p_prover(&parameters, x.data(), share_v.bytes, confirm_v.bytes, &theirs);
  if (theirs_status != PSA_SUCCESS) {
    psa_pake_abort(&verifier);
    return Failure("the baseline's prover on our shareV and confirmV", theirs_status);
  }
  uint8_t shared[kSpake2pSharedSize];
  status = Input(&verifier, PSA_PAKE_STEP_CONFIRM, FromBytes(theirs.confirm_p, sizeof(theirs.confirm_p)));
  if (status == PSA_SUCCESS) status = TakeSharedKey(&verifier, shared);
  psa_pake_abort(&verifier);
  if (status != PSA_SUCCESS) return Failure("our verifier on the baseline's confirmP", status);
  if (memcmp(shared, theirs.shared_p, sizeof(shared)) != 0) {
    return std::string(kSpake2pName) + ": our verifier's K_shared is not the baseline prover's";
  }
  return "";
}

}  // namespace

Spake2pKeys::Spake2pKeys() {
  std::vector<uint8_t> pair = FromHex(kW0);
  const std::vector<uint8_t> w1 = FromHex(kW1);
  pair.insert(pair.end(), w1.begin(), w1.end());
  status_ = Import(kKeyPair, pair, &prover_);
  if (status_ != PSA_SUCCESS) return;
  public_key_.resize(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
  size_t length = 0;
  status_ = psa_export_public_key(prover_, public_key_.data(), public_key_.size(), &length);
  public_key_.resize(length);
  if (status_ == PSA_SUCCESS) status_ = Import(kPublicKey, public_key_, &verifier_);
}

Spake2pKeys::~Spake2pKeys() {
  if (prover_ != 0) psa_destroy_key(prover_);
  if (verifier_ != 0) psa_destroy_key(verifier_);
}

baseline_spake2p_t BaselineSpake2p(int32_t* status) {
  baseline_spake2p_t parameters = {};
  parameters.context = Bytes(kContext);
  parameters.context_length = strlen(kContext);
  parameters.prover_id = Bytes(kProverId);
  parameters.prover_id_length = strlen(kProverId);
  parameters.verifier_id = Bytes(kVerifierId);
  parameters.verifier_id_length = strlen(kVerifierId);
  const std::vector<uint8_t> w0 = FromHex(kW0), w1 = FromHex(kW1);
  memcpy(parameters.w0, w0.data(), sizeof(parameters.w0));
  memcpy(parameters.w1, w1.data(), sizeof(parameters.w1));
  *status = baseline_spake2p_register(parameters.w1, parameters.L);
  return parameters;
}

psa_status_t OurSpake2pExchange(const Spake2pKeys& keys, uint8_t* shared_p, uint8_t* shared_v) {
  psa_pake_operation_t prover = psa_pake_operation_init();
  psa_pake_operation_t verifier = psa_pake_operation_init();
  Message share_p, share_v, confirm_p, confirm_v;
  psa_status_t status = Start(&prover, keys.prover(), /*prover=*/true);
  if (status == PSA_SUCCESS) status = Start(&verifier, keys.verifier(), /*prover=*/false);
  if (status == PSA_SUCCESS) status = Output(&prover, PSA_PAKE_STEP_KEY_SHARE, &share_p);
  if (status == PSA_SUCCESS) status = Input(&verifier, PSA_PAKE_STEP_KEY_SHARE, share_p);
  if (status == PSA_SUCCESS) status = Output(&verifier, PSA_PAKE_STEP_KEY_SHARE, &share_v);
  if (status == PSA_SUCCESS) status = Output(&verifier, PSA_PAKE_STEP_CONFIRM, &confirm_v);
  if (status == PSA_SUCCESS) status = Input(&prover, PSA_PAKE_STEP_KEY_SHARE, share_v);
  if (status == PSA_SUCCESS) status = Input(&prover, PSA_PAKE_STEP_CONFIRM, confirm_v);
  if (status == PSA_SUCCESS) status = Output(&prover, PSA_PAKE_STEP_CONFIRM, &confirm_p);
  if (status == PSA_SUCCESS) status = Input(&verifier, PSA_PAKE_STEP_CONFIRM, confirm_p);
  if (status == PSA_SUCCESS) status = TakeSharedKey(&prover, shared_p);
  if (status == PSA_SUCCESS) status = TakeSharedKey(&verifier, shared_v);
  // Ends whatever is still active (nothing after a success).
  psa_pake_abort(&prover);
  psa_pake_abort(&verifier);
  return status;
}

std::string CheckSpake2pAgreement() {
  if (psa_crypto_init() != PSA_SUCCESS) return "psa_crypto_init failed";
  if (baseline_init() != PSA_SUCCESS) return "psa_crypto_init of Mbed TLS 2.28 failed";
  int32_t theirs_status = PSA_ERROR_GENERIC_ERROR;
  const baseline_spake2p_t parameters = BaselineSpake2p(&theirs_status);
  if (theirs_status != PSA_SUCCESS) return Failure("baseline_spake2p_register", theirs_status);
  if (HexOf(parameters.L, sizeof(parameters.L)) != kL) {
    return std::string(kSpake2pName) + ": the baseline's L is not RFC 9383's";
  }
  std::string problem = CheckRfcVector(parameters);
  if (!problem.empty()) return problem;
  const Spake2pKeys keys;
  if (keys.status() != PSA_SUCCESS) return Failure("the SPAKE2+ key import or export", keys.status());
  if (keys.public_key().size() != 97 || HexOf(keys.public_key().data() + 32, 65) != kL) {
    return std::string(kSpake2pName) + ": our exported L is not RFC 9383's";
  }
  problem = CheckOurProver(keys, parameters);
  if (!problem.empty()) return problem;
  problem = CheckOurVerifier(keys, parameters);
  if (!problem.empty()) return problem;
  uint8_t shared_p[kSpake2pSharedSize], shared_v[kSpake2pSharedSize];
  const psa_status_t status = OurSpake2pExchange(keys, shared_p, shared_v);
  if (status != PSA_SUCCESS) return Failure("our exchange", status);
  if (memcmp(shared_p, shared_v, sizeof(shared_p)) != 0) {
    return std::string(kSpake2pName) + ": our prover's and verifier's K_shared differ";
  }
  return "";
}

}  // namespace psa_benchmarks
