#include "rules/drivergen/entry_points.h"

#include <algorithm>

namespace psa::drivergen {
namespace {

// PSA_ALG_CATEGORY_* values (PSA Crypto API 1.2, appendix "Algorithm identifier encoding").
constexpr uint32_t kHash = 0x02000000;
constexpr uint32_t kMac = 0x03000000;
constexpr uint32_t kCipher = 0x04000000;
constexpr uint32_t kAead = 0x05000000;
constexpr uint32_t kSign = 0x06000000;
constexpr uint32_t kAsymmetricEncryption = 0x07000000;
constexpr uint32_t kKeyDerivation = 0x08000000;
constexpr uint32_t kKeyAgreement = 0x09000000;
constexpr uint32_t kPake = 0x0a000000;
// Key management entry points may be restricted to keys meant for any algorithm.
const std::vector<uint32_t> kAnyCategory = {kHash, kMac, kCipher, kAead, kSign,
                                            kAsymmetricEncryption, kKeyDerivation,
                                            kKeyAgreement, kPake};

#define KEY_IN "const psa_key_attributes_t *attributes, const uint8_t *key_buffer, size_t key_buffer_size"
#define KEY_OUT "const psa_key_attributes_t *attributes, uint8_t *key_buffer, size_t key_buffer_size, size_t *key_buffer_length"

using K = DriverKinds;

const std::vector<EntryPoint>& Catalogue() {
  static const std::vector<EntryPoint>* const catalogue = new std::vector<EntryPoint>{
      // Miscellaneous and random generation.
      {"init", K::kBoth, nullptr, "void", {}, false, DispatchRole::kDedicated},
      {"get_entropy", K::kBoth, nullptr,
       "psa_driver_get_entropy_flags_t flags, size_t *estimate_bits, uint8_t *output, size_t output_size", {}, false, DispatchRole::kDedicated},
      // The random generation family: a generator the core seeds through
      // add_entropy and serves psa_generate_random from (emit.cc EmitRandom).
      {"init_random", K::kTransparentOnly, "random_context_t", "$T *context", {}, false, DispatchRole::kDedicated},
      {"add_entropy", K::kTransparentOnly, "random_context_t",
       "$T *context, const uint8_t *entropy, size_t entropy_size", {}, false, DispatchRole::kDedicated},
      {"get_random", K::kTransparentOnly, "random_context_t",
       "$T *context, uint8_t *output, size_t output_size, size_t *output_length", {}, false,
       DispatchRole::kDedicated},
      // Hash.
      {"hash_compute", K::kTransparentOnly, nullptr,
       "psa_algorithm_t alg, const uint8_t *input, size_t input_length, uint8_t *hash, size_t hash_size, size_t *hash_length",
       {kHash}, false, DispatchRole::kSinglePart, "HashCompute",
       {{"hash_setup", false, "HashComputeByParts", {"hash_setup", "hash_update", "hash_finish", "hash_abort"}}}},
      {"hash_setup", K::kTransparentOnly, "hash_operation_t", "$T *operation, psa_algorithm_t alg", {kHash}, false, DispatchRole::kSetup, "HashSetup"},
      {"hash_update", K::kTransparentOnly, "hash_operation_t",
       "$T *operation, const uint8_t *input, size_t input_length", {kHash}, false, DispatchRole::kStep, "HashUpdate"},
      {"hash_finish", K::kTransparentOnly, "hash_operation_t",
       "$T *operation, uint8_t *hash, size_t hash_size, size_t *hash_length", {kHash}, false, DispatchRole::kFinish, "HashFinish"},
      {"hash_abort", K::kTransparentOnly, "hash_operation_t", "$T *operation", {kHash}, false, DispatchRole::kAbort, "HashAbort"},
      // MAC.
      {"mac_compute", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *input, size_t input_length, uint8_t *mac, size_t mac_size, size_t *mac_length",
       {kMac}, true, DispatchRole::kSinglePart, "MacCompute",
       {{"mac_sign_setup", false, "MacComputeByParts", {"mac_sign_setup", "mac_update", "mac_sign_finish", "mac_abort"}}}},
      {"mac_verify", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *input, size_t input_length, const uint8_t *mac, size_t mac_length",
       {kMac}, true, DispatchRole::kSinglePart, "MacVerify",
       {{"mac_verify_setup", false, "MacVerifyByParts", {"mac_verify_setup", "mac_update", "mac_verify_finish", "mac_abort"}},
        {"mac_compute", false, "MacVerifyByCompute", {"mac_compute"}},
        {"mac_sign_setup", false, "MacVerifyBySignParts", {"mac_sign_setup", "mac_update", "mac_sign_finish", "mac_abort"}}}},
      {"mac_sign_setup", K::kBoth, "mac_operation_t", "$T *operation, " KEY_IN ", psa_algorithm_t alg", {kMac}, true, DispatchRole::kSetup, "MacSignSetup"},
      {"mac_verify_setup", K::kBoth, "mac_operation_t", "$T *operation, " KEY_IN ", psa_algorithm_t alg", {kMac}, true, DispatchRole::kSetup, "MacVerifySetup",
       {{"mac_sign_setup", true, nullptr, {}}}},
      {"mac_update", K::kBoth, "mac_operation_t", "$T *operation, const uint8_t *input, size_t input_length", {kMac}, true, DispatchRole::kStep, "MacUpdate"},
      {"mac_sign_finish", K::kBoth, "mac_operation_t",
       "$T *operation, uint8_t *mac, size_t mac_size, size_t *mac_length", {kMac}, true, DispatchRole::kFinish, "MacSignFinish"},
      {"mac_verify_finish", K::kBoth, "mac_operation_t", "$T *operation, const uint8_t *mac, size_t mac_length",
       {kMac}, true, DispatchRole::kFinish, "MacVerifyFinish",
       {{"mac_sign_finish", true, "MacVerifyFinishBySign", {"mac_sign_finish"}}}},
      {"mac_abort", K::kBoth, "mac_operation_t", "$T *operation", {kMac}, true, DispatchRole::kAbort, "MacAbort"},
      // Unauthenticated ciphers.
      {"cipher_encrypt", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *iv, size_t iv_length, const uint8_t *input, size_t input_length, "
              "uint8_t *output, size_t output_size, size_t *output_length",
       {kCipher}, true, DispatchRole::kSinglePart, "CipherEncrypt",
       {{"cipher_encrypt_setup", false, "CipherEncryptByParts", {"cipher_encrypt_setup", "cipher_set_iv", "cipher_update", "cipher_finish", "cipher_abort"}}}},
      {"cipher_decrypt", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *input, size_t input_length, uint8_t *output, size_t output_size, "
              "size_t *output_length",
       {kCipher}, true, DispatchRole::kSinglePart, "CipherDecrypt",
       {{"cipher_decrypt_setup", false, "CipherDecryptByParts", {"cipher_decrypt_setup", "cipher_set_iv", "cipher_update", "cipher_finish", "cipher_abort"}}}},
      {"cipher_encrypt_setup", K::kBoth, "cipher_operation_t", "$T *operation, " KEY_IN ", psa_algorithm_t alg",
       {kCipher}, true, DispatchRole::kSetup, "CipherEncryptSetup"},
      {"cipher_decrypt_setup", K::kBoth, "cipher_operation_t", "$T *operation, " KEY_IN ", psa_algorithm_t alg",
       {kCipher}, true, DispatchRole::kSetup, "CipherDecryptSetup"},
      {"cipher_set_iv", K::kBoth, "cipher_operation_t", "$T *operation, const uint8_t *iv, size_t iv_length",
       {kCipher}, true, DispatchRole::kStep, "CipherSetIv"},
      {"cipher_update", K::kBoth, "cipher_operation_t",
       "$T *operation, const uint8_t *input, size_t input_length, uint8_t *output, size_t output_size, "
       "size_t *output_length",
       {kCipher}, true, DispatchRole::kStep, "CipherUpdate"},
      {"cipher_finish", K::kBoth, "cipher_operation_t",
       "$T *operation, uint8_t *output, size_t output_size, size_t *output_length", {kCipher}, true, DispatchRole::kFinish, "CipherFinish"},
      {"cipher_abort", K::kBoth, "cipher_operation_t", "$T *operation", {kCipher}, true, DispatchRole::kAbort, "CipherAbort"},
      // AEAD.
      {"aead_encrypt", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *nonce, size_t nonce_length, const uint8_t *additional_data, "
              "size_t additional_data_length, const uint8_t *plaintext, size_t plaintext_length, uint8_t *ciphertext, "
              "size_t ciphertext_size, size_t *ciphertext_length",
       {kAead}, true, DispatchRole::kSinglePart, "AeadEncrypt",
       {{"aead_encrypt_setup", false, "AeadEncryptByParts", {"aead_encrypt_setup", "aead_set_nonce", "aead_set_lengths", "aead_update_ad", "aead_update", "aead_finish", "aead_abort"}}}},
      {"aead_decrypt", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *nonce, size_t nonce_length, const uint8_t *additional_data, "
              "size_t additional_data_length, const uint8_t *ciphertext, size_t ciphertext_length, uint8_t *plaintext, "
              "size_t plaintext_size, size_t *plaintext_length",
       {kAead}, true, DispatchRole::kSinglePart, "AeadDecrypt",
       {{"aead_decrypt_setup", false, "AeadDecryptByParts", {"aead_decrypt_setup", "aead_set_nonce", "aead_set_lengths", "aead_update_ad", "aead_update", "aead_verify", "aead_abort"}}}},
      {"aead_encrypt_setup", K::kBoth, "aead_operation_t", "$T *operation, " KEY_IN ", psa_algorithm_t alg", {kAead},
       true, DispatchRole::kSetup, "AeadEncryptSetup"},
      {"aead_decrypt_setup", K::kBoth, "aead_operation_t", "$T *operation, " KEY_IN ", psa_algorithm_t alg", {kAead},
       true, DispatchRole::kSetup, "AeadDecryptSetup"},
      {"aead_set_nonce", K::kBoth, "aead_operation_t", "$T *operation, const uint8_t *nonce, size_t nonce_length",
       {kAead}, true, DispatchRole::kStep, "AeadSetNonce"},
      {"aead_set_lengths", K::kBoth, "aead_operation_t", "$T *operation, size_t ad_length, size_t plaintext_length",
       {kAead}, true, DispatchRole::kStep, "AeadSetLengths"},
      {"aead_update_ad", K::kBoth, "aead_operation_t", "$T *operation, const uint8_t *input, size_t input_length",
       {kAead}, true, DispatchRole::kStep, "AeadUpdateAd"},
      {"aead_update", K::kBoth, "aead_operation_t",
       "$T *operation, const uint8_t *input, size_t input_length, uint8_t *output, size_t output_size, "
       "size_t *output_length",
       {kAead}, true, DispatchRole::kStep, "AeadUpdate"},
      {"aead_finish", K::kBoth, "aead_operation_t",
       "$T *operation, uint8_t *ciphertext, size_t ciphertext_size, size_t *ciphertext_length, uint8_t *tag, "
       "size_t tag_size, size_t *tag_length",
       {kAead}, true, DispatchRole::kFinish, "AeadFinish"},
      {"aead_verify", K::kBoth, "aead_operation_t",
       "$T *operation, uint8_t *plaintext, size_t plaintext_size, size_t *plaintext_length, const uint8_t *tag, "
       "size_t tag_length",
       {kAead}, true, DispatchRole::kFinish, "AeadVerify"},
      {"aead_abort", K::kBoth, "aead_operation_t", "$T *operation", {kAead}, true, DispatchRole::kAbort, "AeadAbort"},
      // Asymmetric.
      {"asymmetric_encrypt", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *input, size_t input_length, const uint8_t *salt, "
              "size_t salt_length, uint8_t *output, size_t output_size, size_t *output_length",
       {kAsymmetricEncryption}, true, DispatchRole::kSinglePart, "AsymmetricEncrypt"},
      {"asymmetric_decrypt", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *input, size_t input_length, const uint8_t *salt, "
              "size_t salt_length, uint8_t *output, size_t output_size, size_t *output_length",
       {kAsymmetricEncryption}, true, DispatchRole::kSinglePart, "AsymmetricDecrypt"},
      {"sign_hash", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *hash, size_t hash_length, uint8_t *signature, "
              "size_t signature_size, size_t *signature_length",
       {kSign}, true, DispatchRole::kSinglePart, "SignHash"},
      {"verify_hash", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *hash, size_t hash_length, const uint8_t *signature, "
              "size_t signature_length",
       {kSign}, true, DispatchRole::kSinglePart, "VerifyHash"},
      {"sign_message", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *input, size_t input_length, uint8_t *signature, "
              "size_t signature_size, size_t *signature_length",
       {kSign}, true, DispatchRole::kSinglePart, "SignMessage",
       {{"sign_hash", false, "SignMessageByHash", {"sign_hash"}}}},
      {"verify_message", K::kBoth, nullptr,
       KEY_IN ", psa_algorithm_t alg, const uint8_t *input, size_t input_length, const uint8_t *signature, "
              "size_t signature_length",
       {kSign}, true, DispatchRole::kSinglePart, "VerifyMessage",
       {{"verify_hash", false, "VerifyMessageByHash", {"verify_hash"}}}},
      {"key_agreement", K::kBoth, nullptr,
       "psa_algorithm_t alg, const psa_key_attributes_t *our_attributes, const uint8_t *our_key_buffer, "
       "size_t our_key_buffer_length, const uint8_t *peer_key, size_t peer_key_length, uint8_t *output, "
       "size_t output_size, size_t *output_length",
       {kKeyAgreement}, true, DispatchRole::kSinglePart, "KeyAgreement"},
      {"key_agreement_to_key", K::kOpaqueOnly, nullptr,
       "psa_algorithm_t alg, const psa_key_attributes_t *our_attributes, const uint8_t *our_key_buffer, "
       "size_t our_key_buffer_length, const uint8_t *peer_key, size_t peer_key_length, "
       "const psa_key_attributes_t *shared_secret_attributes, uint8_t *shared_secret_key_buffer, "
       "size_t shared_secret_key_buffer_size, size_t *shared_secret_key_buffer_length",
       {kKeyAgreement}, true},
      // Key derivation.
      {"key_derivation_setup", K::kBoth, "key_derivation_operation_t",
       "$T *operation, psa_algorithm_t alg, const psa_crypto_driver_key_derivation_inputs_t *inputs",
       {kKeyDerivation, kKeyAgreement}, true, DispatchRole::kSetup, "KeyDerivationSetup"},
      {"key_derivation_input_step", K::kBoth, "key_derivation_operation_t",
       "$T *operation, psa_key_derivation_step_t step, const uint8_t *input, size_t input_length",
       {kKeyDerivation, kKeyAgreement}, true, DispatchRole::kStep, "KeyDerivationInputStep"},
      {"key_derivation_set_capacity", K::kOpaqueOnly, "key_derivation_operation_t", "$T *operation, size_t capacity",
       {kKeyDerivation, kKeyAgreement}, true, DispatchRole::kStep, "KeyDerivationSetCapacity"},
      {"key_derivation_output_bytes", K::kBoth, "key_derivation_operation_t",
       "$T *operation, uint8_t *output, size_t length", {kKeyDerivation, kKeyAgreement}, true, DispatchRole::kStep,
       "KeyDerivationOutputBytes"},
      {"key_derivation_output_key", K::kBoth, "key_derivation_operation_t",
       "const psa_key_attributes_t *attributes, $T *operation, uint8_t *key_buffer, size_t key_buffer_size, "
       "size_t *key_buffer_length",
       {kKeyDerivation, kKeyAgreement}, true, DispatchRole::kStep, "KeyDerivationOutputKey"},
      {"key_derivation_verify_bytes", K::kOpaqueOnly, "key_derivation_operation_t",
       "$T *operation, const uint8_t *expected_output, size_t length", {kKeyDerivation, kKeyAgreement}, true,
       DispatchRole::kStep, "KeyDerivationVerifyBytes"},
      {"key_derivation_verify_key", K::kOpaqueOnly, "key_derivation_operation_t",
       "$T *operation, uint8_t *key_buffer, size_t key_buffer_size", {kKeyDerivation, kKeyAgreement}, true,
       DispatchRole::kStep, "KeyDerivationVerifyKey"},
      {"key_derivation_abort", K::kBoth, "key_derivation_operation_t", "$T *operation",
       {kKeyDerivation, kKeyAgreement}, true, DispatchRole::kAbort, "KeyDerivationAbort"},
      {"derive_key", K::kTransparentOnly, nullptr,
       "const psa_key_attributes_t *attributes, const uint8_t *input, size_t input_length, void *memory, "
       "uint8_t *key_buffer, size_t key_buffer_size, size_t *key_buffer_length",
       {}, true, DispatchRole::kSinglePart, "DeriveKey"},
      // PAKE.
      {"pake_setup", K::kBoth, "pake_operation_t", "$T *operation, const psa_crypto_driver_pake_inputs_t *inputs",
       {kPake}, true, DispatchRole::kSetup, "PakeSetup"},
      {"pake_output", K::kBoth, "pake_operation_t",
       "$T *operation, psa_crypto_driver_pake_step_t step, uint8_t *output, size_t output_size, size_t *output_length",
       {kPake}, true, DispatchRole::kStep, "PakeOutput"},
      {"pake_input", K::kBoth, "pake_operation_t",
       "$T *operation, psa_crypto_driver_pake_step_t step, const uint8_t *input, size_t input_size", {kPake}, true,
       DispatchRole::kStep, "PakeInput"},
      {"pake_get_implicit_key", K::kBoth, "pake_operation_t",
       "$T *operation, uint8_t *output, size_t output_size, size_t *output_length", {kPake}, true,
       DispatchRole::kFinish, "PakeGetImplicitKey"},
      {"pake_abort", K::kBoth, "pake_operation_t", "$T *operation", {kPake}, true, DispatchRole::kAbort, "PakeAbort"},
      // Key management.
      {"import_key", K::kBoth, nullptr,
       "const psa_key_attributes_t *attributes, const uint8_t *data, size_t data_length, uint8_t *key_buffer, "
       "size_t key_buffer_size, size_t *key_buffer_length, size_t *bits",
       kAnyCategory, true, DispatchRole::kDedicated},
      {"generate_key", K::kBoth, nullptr, KEY_OUT, kAnyCategory, true, DispatchRole::kDedicated},
      {"export_public_key", K::kBoth, nullptr,
       KEY_IN ", uint8_t *data, size_t data_size, size_t *data_length", kAnyCategory, true, DispatchRole::kDedicated},
      {"export_key", K::kOpaqueOnly, nullptr, KEY_IN ", uint8_t *data, size_t data_size, size_t *data_length",
       kAnyCategory, true, DispatchRole::kDedicated},
      {"copy_key", K::kOpaqueOnly, nullptr,
       "psa_key_attributes_t *attributes, const uint8_t *source_key, size_t source_key_length, "
       "uint8_t *target_key_buffer, size_t target_key_buffer_size, size_t *target_key_buffer_length",
       kAnyCategory, true, DispatchRole::kDedicated},
      {"destroy_key", K::kOpaqueOnly, nullptr, KEY_IN, kAnyCategory, true, DispatchRole::kDedicated},
      {"allocate_key", K::kOpaqueOnly, nullptr,
       "const psa_key_attributes_t *attributes, uint8_t *key_buffer, size_t key_buffer_size", kAnyCategory, true},
      {"get_builtin_key", K::kOpaqueOnly, nullptr,
       "psa_drv_slot_number_t slot_number, psa_key_attributes_t *attributes, uint8_t *key_buffer, "
       "size_t key_buffer_size, size_t *key_buffer_length",
       kAnyCategory, true},
  };
  return *catalogue;
}

#undef KEY_IN
#undef KEY_OUT

const std::vector<EntryPointFamily>& Families() {
  static const std::vector<EntryPointFamily>* const families = new std::vector<EntryPointFamily>{
      {"hash_multipart", K::kTransparentOnly, {"hash_setup", "hash_update", "hash_finish", "hash_abort"}},
      {"mac_multipart", K::kBoth, {"mac_sign_setup", "mac_update", "mac_sign_finish", "mac_abort"}},
      {"mac_verify_multipart", K::kBoth, {"mac_verify_setup", "mac_update", "mac_verify_finish", "mac_abort"}},
      {"cipher_encrypt_multipart",
       K::kBoth,
       {"cipher_encrypt_setup", "cipher_set_iv", "cipher_update", "cipher_finish", "cipher_abort"}},
      {"cipher_decrypt_multipart",
       K::kBoth,
       {"cipher_decrypt_setup", "cipher_set_iv", "cipher_update", "cipher_finish", "cipher_abort"}},
      {"aead_encrypt_multipart",
       K::kBoth,
       {"aead_encrypt_setup", "aead_set_nonce", "aead_set_lengths", "aead_update_ad", "aead_update", "aead_finish",
        "aead_abort"}},
      {"aead_decrypt_multipart",
       K::kBoth,
       {"aead_decrypt_setup", "aead_set_nonce", "aead_set_lengths", "aead_update_ad", "aead_update", "aead_verify",
        "aead_abort"}},
      {"key_derivation",
       K::kBoth,
       {"key_derivation_setup", "key_derivation_input_step", "key_derivation_output_bytes", "key_derivation_abort"}},
      {"pake", K::kBoth, {"pake_setup", "pake_output", "pake_input", "pake_get_implicit_key", "pake_abort"}},
  };
  return *families;
}

}  // namespace

bool IsDispatched(std::string_view entry_point) {
  const EntryPoint* e = FindEntryPoint(entry_point);
  return e != nullptr && e->role != DispatchRole::kNone;
}

std::vector<std::string> ParameterNames(const EntryPoint& entry_point) {
  std::vector<std::string> names;
  std::string_view params = entry_point.parameters;
  while (!params.empty()) {
    size_t comma = params.find(',');
    std::string_view one = params.substr(0, comma);
    size_t end = one.find_last_not_of(' ');
    size_t begin = one.find_last_of(" *", end);
    names.emplace_back(one.substr(begin + 1, end - begin));
    if (comma == std::string_view::npos) break;
    params.remove_prefix(comma + 1);
  }
  return names;
}

const EntryPoint* FindEntryPoint(std::string_view name) {
  for (const EntryPoint& e : Catalogue()) {
    if (name == e.name) return &e;
  }
  return nullptr;
}

const EntryPointFamily* FindFamily(std::string_view name) {
  for (const EntryPointFamily& f : Families()) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

const std::vector<EntryPoint>& AllEntryPoints() { return Catalogue(); }
const std::vector<EntryPointFamily>& AllFamilies() { return Families(); }

std::string Prototype(const EntryPoint& entry_point, std::string_view function,
                      std::string_view context_type) {
  std::string params = entry_point.parameters;
  size_t at = params.find("$T");
  if (at != std::string::npos) params.replace(at, 2, std::string(context_type));
  return "psa_status_t " + std::string(function) + "(" + params + ");";
}

std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates) {
  auto distance = [](std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t diagonal = row[0];
      row[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    return row[b.size()];
  };
  std::string best;
  size_t best_distance = 4;  // farther than this is not a plausible typo
  for (const std::string& candidate : candidates) {
    size_t d = distance(name, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::string ClosestEntryPointName(std::string_view name) {
  std::vector<std::string> candidates;
  for (const EntryPoint& e : Catalogue()) candidates.push_back(e.name);
  for (const EntryPointFamily& f : Families()) candidates.push_back(f.name);
  return ClosestName(name, candidates);
}

}  // namespace psa::drivergen
