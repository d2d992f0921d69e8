// Helpers of the builtin signature and asymmetric encryption tests: the
// vector files of Debian's python3-cryptography-vectors
// (@cryptography_vectors) read from the runfiles, their two formats (the
// PKCS #1 "Example" files of RSA Laboratories and NIST's CAVP response
// files), DER RSA keys built from their components, and hashing.

#ifndef DRIVERS_BUILTIN_ASYMMETRIC_TEST_UTIL_H_
#define DRIVERS_BUILTIN_ASYMMETRIC_TEST_UTIL_H_

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/types/span.h"
#include "drivers/builtin/der.h"
#include "drivers/builtin/key_management_test_util.h"
#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace drivers::builtin::testing {

// The text of `path` inside @cryptography_vectors (e.g.
// "asymmetric/RSA/pkcs1v15sign-vectors.txt"); empty, with a test failure,
// if it cannot be read.
inline std::string ReadVectorFile(const std::string& path) {
  const char* srcdir = getenv("TEST_SRCDIR");
  EXPECT_NE(srcdir, nullptr) << "run with bazel test";
  if (srcdir == nullptr) return "";
  const std::string full =
      std::string(srcdir) + "/cryptography_vectors/" + path;
  std::ifstream file(full, std::ios::binary);
  EXPECT_TRUE(file.is_open()) << full << " is not in the runfiles";
  return std::string(std::istreambuf_iterator<char>(file),
                     std::istreambuf_iterator<char>());
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() &&
           std::isspace(static_cast<unsigned char>(line.back()))) {
      line.pop_back();
    }
    size_t first = 0;
    while (first < line.size() &&
           std::isspace(static_cast<unsigned char>(line[first]))) {
      ++first;
    }
    lines.push_back(line.substr(first));
    start = end + 1;
  }
  return lines;
}

// ---- PKCS #1 "Example" files (pkcs-1v2-1d2-vec/, pkcs1v15*-vectors.txt,
// oaep-custom/) ----

// One example: its fields by label ("Message to be signed", "Salt",
// "Signature", "Message", "Seed", "Encryption").
struct Pkcs1Case {
  std::string name;  // "PSS Example 1.1"
  std::map<std::string, Bytes> fields;
};

// One key and its examples.
struct Pkcs1Key {
  std::string name;  // "Example 1: A 1024-bit RSA key pair"
  // Private key components as big-endian magnitudes.
  Bytes n, e, d, p, q, dp, dq, qinv;
  std::vector<Pkcs1Case> cases;
};

// Parses the files of the PKCS #1 vector format: a "# Example N: ..." line
// (or "# Example" alone) starts a key whose "# Private key" part is read; a
// "# ... Example N.M" (or "# OAEP Example N ...") line starts a case, as
// does a case label seen again or before any case header (the unnamed
// first case of pkcs1v15crypt-vectors.txt); each "# Label:" line is
// followed by hex digits, spaced in bytes or not, possibly an odd number of
// them (pyca's files drop a leading zero).
inline std::vector<Pkcs1Key> ParsePkcs1Vectors(const std::string& text) {
  static const char* const kCaseLabels[] = {"Message to be signed",
                                            "Message",
                                            "Salt",
                                            "Signature",
                                            "Seed",
                                            "Encryption"};
  std::vector<Pkcs1Key> keys;
  Bytes* target = nullptr;
  std::string pending;  // the hex digits of *target so far
  auto flush = [&]() {
    if (target != nullptr) {
      *target = FromHex(pending.size() % 2 ? "0" + pending : pending);
    }
    target = nullptr;
    pending.clear();
  };
  bool in_private_key = false;
  for (const std::string& line : Lines(text)) {
    if (line.empty()) continue;
    if (line[0] != '#') {
      if (target == nullptr) continue;
      for (char c : line) {
        if (std::isxdigit(static_cast<unsigned char>(c))) pending.push_back(c);
      }
      continue;
    }
    flush();
    std::string body = line.substr(1);
    while (!body.empty() && body[0] == ' ') body.erase(0, 1);
    if (body.rfind("Example", 0) == 0 &&
        (body.size() == 7 || body.find(':') != std::string::npos)) {
      keys.emplace_back();
      keys.back().name = body;
      in_private_key = false;
      continue;
    }
    if (keys.empty()) continue;
    Pkcs1Key& key = keys.back();
    if (body.find("Example") != std::string::npos) {
      key.cases.emplace_back();
      key.cases.back().name = body;
      continue;
    }
    if (body == "Private key") {
      in_private_key = true;
      continue;
    }
    if (body.empty() || body.back() != ':') continue;
    const std::string label = body.substr(0, body.size() - 1);
    bool is_case_label = false;
    for (const char* case_label : kCaseLabels) {
      is_case_label = is_case_label || label == case_label;
    }
    if (is_case_label) {
      if (key.cases.empty() || key.cases.back().fields.count(label) != 0) {
        key.cases.emplace_back();
        key.cases.back().name =
            key.name + " case " + std::to_string(key.cases.size());
      }
      target = &key.cases.back().fields[label];
    } else if (!key.cases.empty() || !in_private_key) {
      // The public key repeats the private key's n and e.
    } else if (label == "Modulus") {
      target = &key.n;
    } else if (label == "Public exponent") {
      target = &key.e;
    } else if (label == "Exponent") {
      target = &key.d;
    } else if (label == "Prime 1") {
      target = &key.p;
    } else if (label == "Prime 2") {
      target = &key.q;
    } else if (label == "Prime exponent 1") {
      target = &key.dp;
    } else if (label == "Prime exponent 2") {
      target = &key.dq;
    } else if (label == "Coefficient") {
      target = &key.qinv;
    }
  }
  flush();
  return keys;
}

// ---- CAVP response files (ECDSA SigGen.txt, SigVer.rsp) ----

// One record: the section header ("P-256,SHA-256") and the fields.
struct CavpRecord {
  std::string section;
  std::map<std::string, std::string> fields;
};

// Parses "[section]" headers and blank-line separated "Name = value"
// paragraphs; '#' lines are comments.
inline std::vector<CavpRecord> ParseCavp(const std::string& text) {
  std::vector<CavpRecord> records;
  std::string section;
  bool open = false;
  for (const std::string& line : Lines(text)) {
    if (line.empty()) {
      open = false;
      continue;
    }
    if (line[0] == '#') continue;
    if (line[0] == '[') {
      section = line.substr(1, line.find(']') - 1);
      open = false;
      continue;
    }
    const size_t equals = line.find('=');
    if (equals == std::string::npos) continue;
    std::string name = line.substr(0, equals);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    std::string value = line.substr(equals + 1);
    while (!value.empty() && value[0] == ' ') value.erase(0, 1);
    if (!open) {
      records.push_back({section, {}});
      open = true;
    }
    records.back().fields[name] = value;
  }
  return records;
}

// ---- Keys and hashes ----

inline Bytes DerInteger(const Bytes& magnitude) {
  Bytes out(der::ElementSize(
      der::UnsignedIntegerContentLength(absl::MakeConstSpan(magnitude))));
  der::Writer writer(out.data(), out.size());
  writer.WriteUnsignedInteger(absl::MakeConstSpan(magnitude));
  EXPECT_TRUE(writer.ok());
  return out;
}

inline Bytes DerSequence(const std::vector<Bytes>& elements) {
  Bytes contents;
  for (const Bytes& element : elements) {
    contents.insert(contents.end(), element.begin(), element.end());
  }
  Bytes out(der::ElementSize(contents.size()));
  der::Writer writer(out.data(), out.size());
  writer.WriteHeader(der::kTagSequence, contents.size());
  uint8_t* body = writer.Reserve(contents.size());
  EXPECT_TRUE(writer.ok());
  std::copy(contents.begin(), contents.end(), body);
  return out;
}

// The PSA export format of a key pair (DER RSAPrivateKey, version 0).
inline Bytes RsaKeyPairDer(const Pkcs1Key& key) {
  return DerSequence({DerInteger({}), DerInteger(key.n), DerInteger(key.e),
                      DerInteger(key.d), DerInteger(key.p), DerInteger(key.q),
                      DerInteger(key.dp), DerInteger(key.dq),
                      DerInteger(key.qinv)});
}

// The PSA export format of a public key (DER RSAPublicKey).
inline Bytes RsaPublicKeyDer(const Pkcs1Key& key) {
  return DerSequence({DerInteger(key.n), DerInteger(key.e)});
}

// Bit length of a big-endian magnitude.
inline size_t BitLength(const Bytes& magnitude) {
  size_t i = 0;
  while (i < magnitude.size() && magnitude[i] == 0) ++i;
  if (i == magnitude.size()) return 0;
  size_t bits = 8 * (magnitude.size() - i - 1);
  for (uint8_t top = magnitude[i]; top != 0; top >>= 1) ++bits;
  return bits;
}

// The hash of `message` with psa_hash_compute (the core is initialized by
// the fixtures).
inline Bytes Hash(psa_algorithm_t hash_alg, const Bytes& message) {
  Bytes digest(PSA_HASH_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(psa_hash_compute(hash_alg, message.data(), message.size(),
                             digest.data(), digest.size(), &length),
            PSA_SUCCESS);
  digest.resize(length);
  return digest;
}

// PSA_ALG_SHA_* of a CAVP name ("SHA-1", "SHA-256", "sha256"), or
// PSA_ALG_NONE.
inline psa_algorithm_t HashByName(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(c));
  std::string compact;
  for (char c : name) {
    if (c != '-') compact.push_back(c);
  }
  if (compact == "sha1") return PSA_ALG_SHA_1;
  if (compact == "sha224") return PSA_ALG_SHA_224;
  if (compact == "sha256") return PSA_ALG_SHA_256;
  if (compact == "sha384") return PSA_ALG_SHA_384;
  if (compact == "sha512") return PSA_ALG_SHA_512;
  return PSA_ALG_NONE;
}

// The builtin hashes, for the loops over every hash.
inline const std::vector<psa_algorithm_t>& BuiltinHashes() {
  static const std::vector<psa_algorithm_t> hashes = {
      PSA_ALG_MD5,     PSA_ALG_RIPEMD160, PSA_ALG_SHA_1,  PSA_ALG_SHA_224,
      PSA_ALG_SHA_256, PSA_ALG_SHA_384,   PSA_ALG_SHA_512};
  return hashes;
}

}  // namespace drivers::builtin::testing

#endif  // DRIVERS_BUILTIN_ASYMMETRIC_TEST_UTIL_H_
