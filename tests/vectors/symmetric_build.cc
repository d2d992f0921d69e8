#include "tests/vectors/symmetric_build.h"

#include <algorithm>


namespace tests::vectors {
namespace {

constexpr std::string_view kEveryOtherMechanism = "*";

struct Named {
  uint32_t value;
  const char* name;
};

constexpr Named kBlockCipherKeys[] = {
    {PSA_KEY_TYPE_AES, "AES"},
    {PSA_KEY_TYPE_ARIA, "ARIA"},
    {PSA_KEY_TYPE_CAMELLIA, "CAMELLIA"},
    {PSA_KEY_TYPE_DES, "DES"},
    {PSA_KEY_TYPE_SM4, "SM4"},
};

constexpr Named kBlockCipherModes[] = {
    {PSA_ALG_ECB_NO_PADDING, "ECB-NO-PADDING"},
    {PSA_ALG_CBC_NO_PADDING, "CBC-NO-PADDING"},
    {PSA_ALG_CBC_PKCS7, "CBC-PKCS7"},
    {PSA_ALG_CTR, "CTR"},
    {PSA_ALG_CFB, "CFB"},
    {PSA_ALG_OFB, "OFB"},
    {PSA_ALG_CMAC, "CMAC"},
};

// AEAD modes of a block cipher with a 16-byte block.
constexpr Named kBlockCipherAeads[] = {
    {PSA_ALG_GCM, "GCM"},
    {PSA_ALG_CCM, "CCM"},
};

constexpr Named kHmacHashes[] = {
    {PSA_ALG_MD5, "MD5"},         {PSA_ALG_RIPEMD160, "RIPEMD-160"},
    {PSA_ALG_SHA_1, "SHA-1"},     {PSA_ALG_SHA_224, "SHA-224"},
    {PSA_ALG_SHA_256, "SHA-256"}, {PSA_ALG_SHA_384, "SHA-384"},
    {PSA_ALG_SHA_512, "SHA-512"},
};

const char* KeyName(psa_key_type_t type) {
  for (const Named& key : kBlockCipherKeys) {
    if (key.value == type) return key.name;
  }
  return nullptr;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    pieces.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return pieces;
    start = end + 1;
  }
}

bool IsKnown(std::string_view mechanism) {
  const std::vector<std::string>& known = KnownMechanisms();
  return std::find(known.begin(), known.end(), mechanism) != known.end();
}

bool IsDecimal(std::string_view text) {
  return !text.empty() && text.size() < 6 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string MechanismName(psa_key_type_t key_type, psa_algorithm_t alg) {
  if (PSA_ALG_IS_HMAC(alg)) {
    if (key_type != PSA_KEY_TYPE_HMAC) return "";
    const psa_algorithm_t hash = PSA_ALG_GET_HASH(alg);
    for (const Named& named : kHmacHashes) {
      if (named.value == hash) return std::string("HMAC-") + named.name;
    }
    return "";
  }
  if (key_type == PSA_KEY_TYPE_CHACHA20) {
    if (alg == PSA_ALG_STREAM_CIPHER) return "CHACHA20";
    if (PSA_ALG_AEAD_BASE_(alg) == PSA_ALG_AEAD_BASE_(PSA_ALG_CHACHA20_POLY1305)) {
      return "CHACHA20-POLY1305";
    }
    return "";
  }
  const char* key = KeyName(key_type);
  if (key == nullptr) return "";
  const psa_algorithm_t full_length =
      PSA_ALG_IS_MAC(alg) ? PSA_ALG_FULL_LENGTH_MAC(alg) : alg;
  for (const Named& mode : kBlockCipherModes) {
    if (mode.value == full_length) return std::string(key) + "-" + mode.name;
  }
  if (PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) == 16) {
    for (const Named& aead : kBlockCipherAeads) {
      if (PSA_ALG_IS_AEAD(alg) && PSA_ALG_AEAD_BASE_(alg) == PSA_ALG_AEAD_BASE_(aead.value)) {
        return std::string(key) + "-" + aead.name;
      }
    }
  }
  return "";
}

const std::vector<std::string>& KnownMechanisms() {
  static const std::vector<std::string>* known = [] {
    auto* names = new std::vector<std::string>;
    for (const Named& key : kBlockCipherKeys) {
      for (const Named& mode : kBlockCipherModes) {
        names->push_back(std::string(key.name) + "-" + mode.name);
      }
      if (PSA_BLOCK_CIPHER_BLOCK_LENGTH(key.value) == 16) {
        for (const Named& aead : kBlockCipherAeads) {
          names->push_back(std::string(key.name) + "-" + aead.name);
        }
      }
    }
    names->push_back("CHACHA20");
    names->push_back("CHACHA20-POLY1305");
    for (const Named& hash : kHmacHashes) names->push_back(std::string("HMAC-") + hash.name);
    return names;
  }();
  return *known;
}

bool SymmetricBuild::Parse(std::string_view serving, std::string_view unsupported,
                           SymmetricBuild* build, std::string* error) {
  SymmetricBuild parsed;
  bool have_default = false;
  for (std::string_view entry : Split(serving, ',')) {
    const size_t equals = entry.find('=');
    if (equals == std::string_view::npos || equals == 0 || equals + 1 == entry.size()) {
      *error = "serving entry \"" + std::string(entry) +
               "\" is not MECHANISM=driver (e.g. AES-GCM=test_a, *=builtin)";
      return false;
    }
    const std::string_view mechanism = entry.substr(0, equals);
    const std::string driver(entry.substr(equals + 1));
    if (mechanism == kEveryOtherMechanism) {
      if (have_default) {
        *error = "\"*\" given twice";
        return false;
      }
      have_default = true;
      parsed.default_driver_ = driver;
      continue;
    }
    if (!IsKnown(mechanism)) {
      *error = "unknown mechanism \"" + std::string(mechanism) + "\" (e.g. AES-GCM, HMAC-SHA-256)";
      return false;
    }
    if (!parsed.drivers_.emplace(mechanism, driver).second) {
      *error = "mechanism \"" + std::string(mechanism) + "\" given twice";
      return false;
    }
  }
  if (!have_default) {
    *error = "no \"*=driver\" for the mechanisms not named";
    return false;
  }
  if (!unsupported.empty()) {
    for (std::string_view entry : Split(unsupported, ',')) {
      if (entry == kChaCha20Iv16 || entry == kChaCha20Poly1305Nonce8) {
        parsed.unsupported_.emplace(entry);
        continue;
      }
      const size_t slash = entry.find('/');
      const std::string_view mechanism = entry.substr(0, slash);
      if (!IsKnown(mechanism) ||
          (slash != std::string_view::npos && !IsDecimal(entry.substr(slash + 1)))) {
        *error = "unsupported entry \"" + std::string(entry) +
                 "\" is not MECHANISM, MECHANISM/<key bits>, " + kChaCha20Iv16 + " or " +
                 kChaCha20Poly1305Nonce8;
        return false;
      }
      if (!parsed.unsupported_.emplace(entry).second) {
        *error = "unsupported entry \"" + std::string(entry) + "\" given twice";
        return false;
      }
    }
  }
  *build = std::move(parsed);
  return true;
}

const std::string& SymmetricBuild::DriverFor(std::string_view mechanism) const {
  const auto found = drivers_.find(mechanism);
  return found != drivers_.end() ? found->second : default_driver_;
}

std::vector<std::string> SymmetricBuild::Drivers() const {
  std::set<std::string> drivers;
  if (!default_driver_.empty()) drivers.insert(default_driver_);
  for (const auto& [mechanism, driver] : drivers_) drivers.insert(driver);
  return {drivers.begin(), drivers.end()};
}

bool SymmetricBuild::Unsupported(std::string_view mechanism, size_t key_bits) const {
  return unsupported_.count(mechanism) != 0 ||
         unsupported_.count(std::string(mechanism) + "/" + std::to_string(key_bits)) != 0;
}

bool SymmetricBuild::OptionUnsupported(std::string_view option) const {
  return unsupported_.count(option) != 0;
}

}  // namespace tests::vectors
