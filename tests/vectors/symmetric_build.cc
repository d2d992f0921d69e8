#include "tests/vectors/symmetric_build.h"

#include <algorithm>


namespace tests::vectors {
namespace {

constexpr std::string_view kEveryOtherMechanism = "*";
constexpr char kShortQualifier[] = "SHORT";
constexpr char kMultipartQualifier[] = "MULTIPART";

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

bool IsShortened(psa_algorithm_t alg) {
  if (PSA_ALG_IS_MAC(alg)) return alg != PSA_ALG_FULL_LENGTH_MAC(alg);
  if (PSA_ALG_IS_AEAD(alg)) return alg != PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg);
  return false;
}

bool SymmetricBuild::Entry::Matches(const ServingQuery& query) const {
  return mechanism == query.mechanism && (key_bits == 0 || key_bits == query.key_bits) &&
         (!shortened || query.shortened) && (!multipart || query.multipart);
}

bool SymmetricBuild::Entry::Narrows(const Entry& other) const {
  return mechanism == other.mechanism && (other.key_bits == 0 || other.key_bits == key_bits) &&
         (!other.shortened || shortened) && (!other.multipart || multipart);
}

size_t SymmetricBuild::Entry::Qualifiers() const {
  return (key_bits != 0 ? 1 : 0) + (shortened ? 1 : 0) + (multipart ? 1 : 0);
}

std::string SymmetricBuild::Entry::Name() const {
  std::string name = mechanism;
  if (key_bits != 0) name += "/" + std::to_string(key_bits);
  if (shortened) name += std::string("/") + kShortQualifier;
  if (multipart) name += std::string("/") + kMultipartQualifier;
  return name;
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
    const std::string_view name = entry.substr(0, equals);
    const std::string driver(entry.substr(equals + 1));
    if (name == kEveryOtherMechanism) {
      if (have_default) {
        *error = "\"*\" given twice";
        return false;
      }
      have_default = true;
      parsed.default_driver_ = driver;
      continue;
    }
    const std::vector<std::string_view> parts = Split(name, '/');
    Entry parsed_entry;
    parsed_entry.mechanism = std::string(parts[0]);
    parsed_entry.driver = driver;
    if (!IsKnown(parsed_entry.mechanism)) {
      *error = "unknown mechanism \"" + parsed_entry.mechanism + "\" (e.g. AES-GCM, HMAC-SHA-256)";
      return false;
    }
    for (size_t i = 1; i < parts.size(); ++i) {
      const std::string_view qualifier = parts[i];
      bool repeated = false;
      if (IsDecimal(qualifier) && qualifier[0] != '0') {
        repeated = parsed_entry.key_bits != 0;
        parsed_entry.key_bits = static_cast<size_t>(std::stoul(std::string(qualifier)));
      } else if (qualifier == kShortQualifier) {
        repeated = parsed_entry.shortened;
        parsed_entry.shortened = true;
      } else if (qualifier == kMultipartQualifier) {
        repeated = parsed_entry.multipart;
        parsed_entry.multipart = true;
      } else {
        *error = "serving entry \"" + std::string(entry) + "\": qualifier \"" + std::string(qualifier) +
                 "\" is none of /<key bits>, /" + kShortQualifier + ", /" + kMultipartQualifier;
        return false;
      }
      if (repeated) {
        *error = "serving entry \"" + std::string(entry) + "\": qualifier \"" + std::string(qualifier) +
                 "\" of a kind already given";
        return false;
      }
    }
    for (const Entry& other : parsed.entries_) {
      if (other.Narrows(parsed_entry) && parsed_entry.Narrows(other)) {
        *error = "mechanism \"" + parsed_entry.Name() + "\" given twice";
        return false;
      }
    }
    parsed.entries_.push_back(std::move(parsed_entry));
  }
  // Two entries that can match one call, neither narrower than the other,
  // with different drivers: the entry of both their qualifiers must decide.
  for (const Entry& a : parsed.entries_) {
    for (const Entry& b : parsed.entries_) {
      if (&a == &b || a.mechanism != b.mechanism || a.driver == b.driver) continue;
      if (a.key_bits != 0 && b.key_bits != 0 && a.key_bits != b.key_bits) continue;  // never both
      if (a.Narrows(b) || b.Narrows(a)) continue;
      Entry both;
      both.mechanism = a.mechanism;
      both.key_bits = a.key_bits != 0 ? a.key_bits : b.key_bits;
      both.shortened = a.shortened || b.shortened;
      both.multipart = a.multipart || b.multipart;
      const bool decided = std::any_of(parsed.entries_.begin(), parsed.entries_.end(), [&](const Entry& e) {
        return e.Narrows(both) && both.Narrows(e);
      });
      if (!decided) {
        *error = "\"" + a.Name() + "=" + a.driver + "\" and \"" + b.Name() + "=" + b.driver +
                 "\" both apply to " + both.Name() + ": declare " + both.Name() + "=<driver>";
        return false;
      }
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

const std::string& SymmetricBuild::DriverFor(const ServingQuery& query) const {
  // Parse() made the narrowest matching entries agree: the first of the
  // most qualified is the answer.
  const Entry* best = nullptr;
  for (const Entry& entry : entries_) {
    if (entry.Matches(query) && (best == nullptr || entry.Qualifiers() > best->Qualifiers())) best = &entry;
  }
  return best != nullptr ? best->driver : default_driver_;
}

const std::string& SymmetricBuild::DriverFor(std::string_view mechanism, size_t key_bits) const {
  ServingQuery query;
  query.mechanism = std::string(mechanism);
  query.key_bits = key_bits;
  return DriverFor(query);
}

std::vector<std::string> SymmetricBuild::Drivers() const {
  std::set<std::string> drivers;
  if (!default_driver_.empty()) drivers.insert(default_driver_);
  for (const Entry& entry : entries_) drivers.insert(entry.driver);
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
