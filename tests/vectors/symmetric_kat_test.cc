// The MAC, cipher and AEAD API over the NIST CAVP and RFC known-answer files
// of Debian's python3-cryptography-vectors (@cryptography_vectors, never
// copied here), in one build's driver selection (BUILD.bazel compiles this
// suite once per selection):
//
//   SP 800-38A  AES ECB, CBC, CFB128, OFB (KAT and MMT .rsp files, 128, 192
//               and 256-bit keys); AES CTR (RFC 3686)
//   SP 800-38B  CMAC with AES and TDES
//   SP 800-38C  CCM (VADT, VNT, VPT, VTT and the DVPT decryption files with
//               their failing cases)
//   SP 800-38D  GCM (gcmEncryptExtIV, gcmDecrypt with the FAIL cases)
//   RFC 2202, 2286, 4231  HMAC with MD5, SHA-1, RIPEMD-160, SHA-2
//   Camellia    ECB (NTT), CBC, CFB128, OFB (OpenSSL)
//   TDES        ECB, CBC, CFB64, OFB (SP 800-67 KAT and MMT files), each key
//               as 3-key TDES and, where the file's keys allow, as 2-key TDES
//               and single DES
//   RFC 8439    ChaCha20 (initial counters reached through the keystream, and
//               through a 16-byte IV unless the build declares it
//               unsupported), ChaCha20-Poly1305 (BoringSSL, OpenSSL sets)
//
// Every file of the package's AES, Camellia, 3DES, ChaCha20,
// ChaCha20-Poly1305, CMAC and HMAC directories is either run or skipped for a
// reason printed by KatFiles.EveryFileIsRunOrSkippedForAReason (modes that are
// not PSA algorithms, such as CFB-8 and the interleaved TDES modes). Each
// vector goes through the single-part calls and the multi-part operations in
// random chunks (symmetric_checks.h); the seed is printed, and
// --test_env=PSA_VECTORS_SEED=<n> repeats a run. Keys are imported at the
// build's key location (SYMMETRIC_KEY_LOCATION), and every call is checked
// against the serving declaration (symmetric_checks.h, symmetric_witness.h).
// A vector skips only where the build declares its mechanism unsupported
// (SYMMETRIC_UNSUPPORTED).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "tests/vectors/ntt_kat_reader.h"
#include "tests/vectors/rsp_reader.h"
#include "tests/vectors/symmetric_serving.h"
#include "tests/vectors/symmetric_calls.h"
#include "tests/vectors/symmetric_checks.h"
#include "tests/vectors/symmetric_witness.h"
#include "tests/vectors/test_files.h"
#include "tests/vectors/vector_report.h"

namespace tests::vectors {
namespace {

constexpr char kRepository[] = "cryptography_vectors";

// The directories of the package this suite covers (the filegroups it
// depends on in BUILD.bazel).
constexpr const char* kDirectories[] = {
    "ciphers/AES", "ciphers/Camellia", "ciphers/3DES", "ciphers/ChaCha20",
    "ciphers/ChaCha20Poly1305", "CMAC", "HMAC",
};

// How a file is read and run.
enum class Kind {
  kBlockCipher,        // .rsp: KEY (or KEYs, KEY1..3), [IV], PLAINTEXT, CIPHERTEXT
  kCamelliaEcb,        // NTT format
  kCcm,                // VADT/VNT/VPT/VTT/DVPT
  kGcm,                // gcmEncryptExtIV/gcmDecrypt
  kCmac,               // KEY or KEY1..3, MESSAGE, OUTPUT
  kHmac,               // Key, Msg, MD
  kChaCha20,           // KEY, NONCE, INITIAL_BLOCK_COUNTER, PLAINTEXT, CIPHERTEXT
  kChaCha20Poly1305,   // BoringSSL (KEY NONCE IN AD CT TAG) or OpenSSL
                       // (Key IV AAD Tag Plaintext Ciphertext [Result])
  kSkip,
};

struct KatFile {
  std::string path;  // in the repository, e.g. ciphers/AES/GCM/gcmDecrypt128.rsp
  std::string family;  // for the per-family file counts, e.g. "AES-GCM"
  Kind kind = Kind::kSkip;
  psa_key_type_t key_type = 0;
  psa_algorithm_t alg = 0;
  std::string skip_reason;
};

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

const char kNotCfbOfThePsaApi[] =
    "CFB with a segment smaller than the block (CFB-1, CFB-8) is not a PSA algorithm: PSA_ALG_CFB "
    "is CFB with the block size as segment size (ops/cipher.rst)";
const char kNotATdesModeOfThePsaApi[] =
    "the interleaved (CBC-I, OFB-I) and pipelined (CFB-P) TDES modes of SP 800-20, with three IVs, "
    "are not PSA algorithms";

// What to do with the file at `path` (relative to the repository).
KatFile Classify(const std::string& path) {
  KatFile file;
  file.path = path;
  const std::string name = path.substr(path.rfind('/') + 1);
  auto run = [&](const char* family, Kind kind, psa_key_type_t key_type, psa_algorithm_t alg) {
    file.family = family;
    file.kind = kind;
    file.key_type = key_type;
    file.alg = alg;
    return file;
  };
  auto skip = [&](const std::string& reason) {
    file.family = "skipped";
    file.kind = Kind::kSkip;
    file.skip_reason = reason;
    return file;
  };
  const bool rsp = EndsWith(name, ".rsp");
  // AES, SP 800-38A/C/D and RFC 3686.
  if (StartsWith(path, "ciphers/AES/ECB/") && rsp) {
    return run("AES-ECB", Kind::kBlockCipher, PSA_KEY_TYPE_AES, PSA_ALG_ECB_NO_PADDING);
  }
  if (StartsWith(path, "ciphers/AES/CBC/") && rsp) {
    return run("AES-CBC", Kind::kBlockCipher, PSA_KEY_TYPE_AES, PSA_ALG_CBC_NO_PADDING);
  }
  if (StartsWith(path, "ciphers/AES/OFB/") && rsp) {
    return run("AES-OFB", Kind::kBlockCipher, PSA_KEY_TYPE_AES, PSA_ALG_OFB);
  }
  if (StartsWith(path, "ciphers/AES/CFB/") && StartsWith(name, "CFB128") && rsp) {
    return run("AES-CFB", Kind::kBlockCipher, PSA_KEY_TYPE_AES, PSA_ALG_CFB);
  }
  if (StartsWith(path, "ciphers/AES/CFB/") && (StartsWith(name, "CFB1") || StartsWith(name, "CFB8"))) {
    return skip(kNotCfbOfThePsaApi);
  }
  if (StartsWith(path, "ciphers/AES/CTR/") && EndsWith(name, "-ctr.txt")) {
    return run("AES-CTR", Kind::kBlockCipher, PSA_KEY_TYPE_AES, PSA_ALG_CTR);
  }
  if (StartsWith(path, "ciphers/AES/CCM/")) {
    if (rsp) return run("AES-CCM", Kind::kCcm, PSA_KEY_TYPE_AES, PSA_ALG_CCM);
    if (StartsWith(name, "DVPT") && EndsWith(name, ".txt")) {
      return skip("the vectors of the DVPT .rsp file of the same name, with the reason of each "
                  "failure added (Readme.txt); the .rsp file runs");
    }
    if (name == "Readme.txt") return skip("a description of the directory, no vectors");
  }
  if (StartsWith(path, "ciphers/AES/GCM/") && rsp) {
    return run("AES-GCM", Kind::kGcm, PSA_KEY_TYPE_AES, PSA_ALG_GCM);
  }
  if (StartsWith(path, "ciphers/AES/OCB3/")) {
    return skip("OCB is not an algorithm of the PSA Crypto API 1.2");
  }
  if (StartsWith(path, "ciphers/AES/SIV/")) {
    return skip("AES-SIV is not an algorithm of the PSA Crypto API 1.2");
  }
  if (StartsWith(path, "ciphers/AES/XTS/")) {
    return skip("XTS (SP 800-38E) is outside this suite (SP 800-38A to D): no driver of this "
                "implementation declares PSA_ALG_XTS, and the core refuses the 512-bit keys of "
                "XTS-AES-256 (psa/core/policy/symmetric_keys.h)");
  }
  // Camellia.
  if (StartsWith(path, "ciphers/Camellia/")) {
    if (EndsWith(name, "-ecb.txt")) {
      return run("CAMELLIA-ECB", Kind::kCamelliaEcb, PSA_KEY_TYPE_CAMELLIA, PSA_ALG_ECB_NO_PADDING);
    }
    if (name == "camellia-cbc.txt") {
      return run("CAMELLIA-CBC", Kind::kBlockCipher, PSA_KEY_TYPE_CAMELLIA, PSA_ALG_CBC_NO_PADDING);
    }
    if (name == "camellia-cfb.txt") {
      return run("CAMELLIA-CFB", Kind::kBlockCipher, PSA_KEY_TYPE_CAMELLIA, PSA_ALG_CFB);
    }
    if (name == "camellia-ofb.txt") {
      return run("CAMELLIA-OFB", Kind::kBlockCipher, PSA_KEY_TYPE_CAMELLIA, PSA_ALG_OFB);
    }
  }
  // TDES, SP 800-67 / SP 800-20.
  if (StartsWith(path, "ciphers/3DES/") && rsp) {
    if (StartsWith(name, "TECB")) {
      return run("DES-ECB", Kind::kBlockCipher, PSA_KEY_TYPE_DES, PSA_ALG_ECB_NO_PADDING);
    }
    if (StartsWith(name, "TCBCI") || StartsWith(name, "TOFBI") || StartsWith(name, "TCFBP")) {
      return skip(kNotATdesModeOfThePsaApi);
    }
    if (StartsWith(name, "TCBC")) {
      return run("DES-CBC", Kind::kBlockCipher, PSA_KEY_TYPE_DES, PSA_ALG_CBC_NO_PADDING);
    }
    if (StartsWith(name, "TOFB")) {
      return run("DES-OFB", Kind::kBlockCipher, PSA_KEY_TYPE_DES, PSA_ALG_OFB);
    }
    if (StartsWith(name, "TCFB64")) {
      return run("DES-CFB", Kind::kBlockCipher, PSA_KEY_TYPE_DES, PSA_ALG_CFB);
    }
    if (StartsWith(name, "TCFB8") || StartsWith(name, "TCFB1")) return skip(kNotCfbOfThePsaApi);
  }
  // ChaCha20, RFC 8439.
  if (path == "ciphers/ChaCha20/rfc7539.txt") {
    return run("CHACHA20", Kind::kChaCha20, PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER);
  }
  if (StartsWith(path, "ciphers/ChaCha20Poly1305/") && EndsWith(name, ".txt")) {
    return run("CHACHA20-POLY1305", Kind::kChaCha20Poly1305, PSA_KEY_TYPE_CHACHA20,
               PSA_ALG_CHACHA20_POLY1305);
  }
  // CMAC, SP 800-38B.
  if (StartsWith(path, "CMAC/nist-800-38b-aes")) {
    return run("AES-CMAC", Kind::kCmac, PSA_KEY_TYPE_AES, PSA_ALG_CMAC);
  }
  if (path == "CMAC/nist-800-38b-3des.txt") {
    return run("DES-CMAC", Kind::kCmac, PSA_KEY_TYPE_DES, PSA_ALG_CMAC);
  }
  // HMAC, RFC 2202, 2286, 4231.
  if (StartsWith(path, "HMAC/rfc-")) {
    static const std::pair<const char*, psa_algorithm_t> kHashes[] = {
        {"-md5.txt", PSA_ALG_MD5},         {"-sha1.txt", PSA_ALG_SHA_1},
        {"-ripemd160.txt", PSA_ALG_RIPEMD160}, {"-sha224.txt", PSA_ALG_SHA_224},
        {"-sha256.txt", PSA_ALG_SHA_256},  {"-sha384.txt", PSA_ALG_SHA_384},
        {"-sha512.txt", PSA_ALG_SHA_512},
    };
    for (const auto& [suffix, hash] : kHashes) {
      if (EndsWith(name, suffix)) return run("HMAC", Kind::kHmac, PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(hash));
    }
  }
  file.family = "unclassified";
  file.kind = Kind::kSkip;
  file.skip_reason = "";  // no rule: KatFiles.EveryFileIsRunOrSkippedForAReason fails
  return file;
}

struct Inventory {
  std::vector<KatFile> files;  // sorted by path
  std::string error;
};

// The files of kDirectories in the runfiles, classified; read once.
const Inventory& Files() {
  static const Inventory* inventory = [] {
    auto* result = new Inventory;
    for (const char* directory : kDirectories) {
      const std::string root = RunfilePath(kRepository, "", &result->error);
      if (root.empty()) return result;
      std::error_code code;
      std::filesystem::recursive_directory_iterator it(root + directory, code), end;
      if (code) {
        result->error = root + directory + ": " + code.message();
        return result;
      }
      for (; it != end; it.increment(code)) {
        if (code) {
          result->error = root + directory + ": " + code.message();
          return result;
        }
        if (it->is_directory()) continue;
        result->files.push_back(Classify(it->path().string().substr(root.size())));
      }
    }
    std::sort(result->files.begin(), result->files.end(),
              [](const KatFile& a, const KatFile& b) { return a.path < b.path; });
    return result;
  }();
  return *inventory;
}

std::vector<KatFile> RunnableFiles() {
  std::vector<KatFile> runnable;
  for (const KatFile& file : Files().files) {
    if (file.kind != Kind::kSkip) runnable.push_back(file);
  }
  return runnable;
}

uint64_t Seed() {
  static const uint64_t seed = ChunkSeed();
  return seed;
}

// --- Reading records ---

// Reads the named fields of `record` as bytes; false with *error on the
// first missing or malformed one.
bool Read(const RspRecord& record, std::initializer_list<std::pair<const char*, Bytes*>> fields,
          std::string* error) {
  for (const auto& [name, bytes] : fields) {
    if (!record.Bytes(name, bytes, error)) return false;
  }
  return true;
}

// The keys a TDES record gives, as every key size it can be used at: KEYs
// (one key for the three) as 3-key TDES, 2-key TDES and DES; KEY1..KEY3 as
// 3-key TDES, and as 2-key TDES when KEY3 is KEY1, and as DES when all are
// equal. Other key types: KEY.
bool KeyForms(const RspRecord& record, psa_key_type_t key_type, std::vector<Bytes>* forms,
              std::string* error) {
  forms->clear();
  if (key_type != PSA_KEY_TYPE_DES) {
    Bytes key;
    if (!record.Bytes("KEY", &key, error)) return false;
    forms->push_back(key);
    return true;
  }
  Bytes k1, k2, k3;
  if (record.Has("KEYs")) {
    if (!record.Bytes("KEYs", &k1, error)) return false;
    k2 = k1;
    k3 = k1;
  } else if (!Read(record, {{"KEY1", &k1}, {"KEY2", &k2}, {"KEY3", &k3}}, error)) {
    return false;
  }
  if (k1.size() != 8 || k2.size() != 8 || k3.size() != 8) {
    *error = record.Where() + ": TDES keys must be 8 bytes each";
    return false;
  }
  Bytes three = k1;
  three.insert(three.end(), k2.begin(), k2.end());
  three.insert(three.end(), k3.begin(), k3.end());
  forms->push_back(three);
  if (k3 == k1) forms->push_back(Bytes(three.begin(), three.begin() + 16));
  if (k1 == k2 && k2 == k3) forms->push_back(k1);
  return true;
}

// --- One record of each kind ---

Verdict BlockCipherRecord(const KatFile& file, const RspRecord& record, const CheckContext& context) {
  std::string error;
  std::vector<Bytes> keys;
  CipherCase c;
  c.key_type = file.key_type;
  c.alg = file.alg;
  if (!KeyForms(record, file.key_type, &keys, &error) ||
      !Read(record, {{"PLAINTEXT", &c.plaintext}, {"CIPHERTEXT", &c.ciphertext}}, &error) ||
      (file.alg != PSA_ALG_ECB_NO_PADDING && !record.Bytes("IV", &c.iv, &error))) {
    return Verdict::Fail("malformed record: " + error);
  }
  std::vector<Verdict> forms;
  for (const Bytes& key : keys) {
    c.key = key;
    forms.push_back(CheckCipher(c, Expectation::kValid, context));
  }
  return Combine(forms);
}

Verdict CamelliaEcbVector(const KatFile& file, const NttKatVector& vector, const CheckContext& context) {
  CipherCase c;
  c.key_type = file.key_type;
  c.alg = file.alg;
  c.key = vector.key;
  c.plaintext = vector.plaintext;
  c.ciphertext = vector.ciphertext;
  return CheckCipher(c, Expectation::kValid, context);
}

Verdict CcmRecord(const KatFile& file, const RspRecord& record, const CheckContext& context) {
  std::string error;
  uint64_t alen = 0, plen = 0, nlen = 0, tlen = 0;
  AeadCase c;
  c.key_type = file.key_type;
  Bytes adata, payload, ct;
  if (!record.Number("Alen", &alen, &error) || !record.Number("Plen", &plen, &error) ||
      !record.Number("Nlen", &nlen, &error) || !record.Number("Tlen", &tlen, &error) ||
      !Read(record, {{"Key", &c.key}, {"Nonce", &c.nonce}, {"Adata", &adata}, {"CT", &ct}}, &error)) {
    return Verdict::Fail("malformed record: " + error);
  }
  // DVPT files: Result = Pass (with the Payload) or Fail.
  const std::string* result = record.Find("Result");
  const bool fails = result != nullptr && StartsWith(*result, "Fail");
  if (!fails && !record.Bytes("Payload", &payload, &error)) return Verdict::Fail("malformed record: " + error);
  // A zero length is written as one zero byte.
  if (adata.size() < alen || (!fails && payload.size() < plen) || c.nonce.size() != nlen ||
      ct.size() != plen + tlen) {
    return Verdict::Fail("malformed record: lengths do not match Alen, Plen, Nlen, Tlen");
  }
  c.ad.assign(adata.begin(), adata.begin() + static_cast<std::ptrdiff_t>(alen));
  if (!fails) c.plaintext.assign(payload.begin(), payload.begin() + static_cast<std::ptrdiff_t>(plen));
  c.ciphertext.assign(ct.begin(), ct.begin() + static_cast<std::ptrdiff_t>(plen));
  c.tag.assign(ct.begin() + static_cast<std::ptrdiff_t>(plen), ct.end());
  c.alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(file.alg, tlen);
  c.encrypt = !fails;
  return CheckAead(c, fails ? Expectation::kInvalidTag : Expectation::kValid, context);
}

Verdict GcmRecord(const KatFile& file, const RspRecord& record, const CheckContext& context) {
  std::string error;
  uint64_t taglen = 0, ivlen = 0, ptlen = 0, aadlen = 0;
  AeadCase c;
  c.key_type = file.key_type;
  if (!record.Number("Taglen", &taglen, &error) || !record.Number("IVlen", &ivlen, &error) ||
      !record.Number("PTlen", &ptlen, &error) || !record.Number("AADlen", &aadlen, &error) ||
      !Read(record, {{"Key", &c.key}, {"IV", &c.nonce}, {"AAD", &c.ad}, {"CT", &c.ciphertext}, {"Tag", &c.tag}},
            &error)) {
    return Verdict::Fail("malformed record: " + error);
  }
  const bool fails = record.HasFlag("FAIL");
  if (!fails && !record.Bytes("PT", &c.plaintext, &error)) return Verdict::Fail("malformed record: " + error);
  if (taglen % 8 != 0 || c.tag.size() * 8 != taglen || c.nonce.size() * 8 != ivlen ||
      c.ciphertext.size() * 8 != ptlen || c.ad.size() * 8 != aadlen) {
    return Verdict::Fail("malformed record: lengths do not match Taglen, IVlen, PTlen, AADlen");
  }
  c.alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(file.alg, taglen / 8);
  c.encrypt = !fails;
  return CheckAead(c, fails ? Expectation::kInvalidTag : Expectation::kValid, context);
}

Verdict CmacRecord(const KatFile& file, const RspRecord& record, const CheckContext& context) {
  std::string error;
  std::vector<Bytes> keys;
  MacCase c;
  c.key_type = file.key_type;
  if (!KeyForms(record, file.key_type, &keys, &error) ||
      !Read(record, {{"MESSAGE", &c.message}, {"OUTPUT", &c.mac}}, &error)) {
    return Verdict::Fail("malformed record: " + error);
  }
  const size_t full = PSA_BLOCK_CIPHER_BLOCK_LENGTH(file.key_type);
  c.alg = c.mac.size() == full ? file.alg : PSA_ALG_TRUNCATED_MAC(file.alg, c.mac.size());
  std::vector<Verdict> forms;
  for (const Bytes& key : keys) {
    c.key = key;
    forms.push_back(CheckMac(c, Expectation::kValid, context));
  }
  return Combine(forms);
}

Verdict HmacRecord(const KatFile& file, const RspRecord& record, const CheckContext& context) {
  std::string error;
  MacCase c;
  c.key_type = file.key_type;
  if (!Read(record, {{"Key", &c.key}, {"Msg", &c.message}, {"MD", &c.mac}}, &error)) {
    return Verdict::Fail("malformed record: " + error);
  }
  const size_t full = PSA_HASH_LENGTH(PSA_ALG_GET_HASH(file.alg));
  c.alg = c.mac.size() == full ? file.alg : PSA_ALG_TRUNCATED_MAC(file.alg, c.mac.size());
  return CheckMac(c, Expectation::kValid, context);
}

// ChaCha20 at an initial counter: through a 16-byte IV (counter, then
// nonce; optional in the API) and, with the 12-byte nonce, by running the
// cipher from counter 0 over `counter` blocks of zeros first.
Verdict ChaCha20Record(const KatFile& file, const RspRecord& record, const CheckContext& context) {
  std::string error;
  uint64_t counter = 0;
  Bytes nonce, plaintext, ciphertext;
  CipherCase c;
  c.key_type = file.key_type;
  c.alg = file.alg;
  if (!record.Number("INITIAL_BLOCK_COUNTER", &counter, &error) ||
      !Read(record, {{"KEY", &c.key}, {"NONCE", &nonce}, {"PLAINTEXT", &plaintext}, {"CIPHERTEXT", &ciphertext}},
            &error)) {
    return Verdict::Fail("malformed record: " + error);
  }
  if (nonce.size() != 12 || plaintext.size() != ciphertext.size()) {
    return Verdict::Fail("malformed record: the nonce must be 12 bytes, texts of one length");
  }
  std::vector<Verdict> forms;

  CipherCase iv16 = c;
  iv16.iv = {static_cast<uint8_t>(counter), static_cast<uint8_t>(counter >> 8),
             static_cast<uint8_t>(counter >> 16), static_cast<uint8_t>(counter >> 24)};
  iv16.iv.insert(iv16.iv.end(), nonce.begin(), nonce.end());
  iv16.plaintext = plaintext;
  iv16.ciphertext = ciphertext;
  iv16.single_part_decrypt = false;  // psa_cipher_decrypt takes a 12-byte nonce
  iv16.option = kChaCha20Iv16;
  forms.push_back(CheckCipher(iv16, Expectation::kValid, context));

  constexpr size_t kBlock = 64;
  CipherCase skipped = c;
  skipped.iv = nonce;
  skipped.ignored_prefix = kBlock * counter;
  skipped.plaintext.assign(skipped.ignored_prefix, 0);
  skipped.plaintext.insert(skipped.plaintext.end(), plaintext.begin(), plaintext.end());
  skipped.ciphertext.assign(skipped.ignored_prefix, 0);
  skipped.ciphertext.insert(skipped.ciphertext.end(), ciphertext.begin(), ciphertext.end());
  forms.push_back(CheckCipher(skipped, Expectation::kValid, context));
  return Combine(forms);
}

Verdict ChaCha20Poly1305Record(const KatFile& file, const RspRecord& record, const CheckContext& context) {
  std::string error;
  AeadCase c;
  c.key_type = file.key_type;
  c.alg = file.alg;
  const bool boringssl = record.Has("NONCE");
  const bool ok =
      boringssl ? Read(record, {{"KEY", &c.key}, {"NONCE", &c.nonce}, {"IN", &c.plaintext}, {"AD", &c.ad},
                                {"CT", &c.ciphertext}, {"TAG", &c.tag}},
                       &error)
                : Read(record, {{"Key", &c.key}, {"IV", &c.nonce}, {"Plaintext", &c.plaintext}, {"AAD", &c.ad},
                                {"Ciphertext", &c.ciphertext}, {"Tag", &c.tag}},
                       &error);
  if (!ok) return Verdict::Fail("malformed record: " + error);
  const std::string* result = record.Find("Result");
  if (result != nullptr && *result != "CIPHERFINAL_ERROR") {
    return Verdict::Fail("malformed record: unknown Result \"" + *result + "\"");
  }
  return CheckAead(c, result != nullptr ? Expectation::kInvalidTag : Expectation::kValid, context);
}

// Runs every vector of `file` into *tally; false with *error if the file
// cannot be read.
bool RunFile(const KatFile& file, const CheckContext& context, FileTally* tally, std::string* error) {
  const std::string path = RunfilePath(kRepository, file.path, error);
  if (path.empty()) return false;
  if (file.kind == Kind::kCamelliaEcb) {
    std::vector<NttKatVector> vectors;
    if (!LoadNttKat(path, &vectors, error)) return false;
    for (const NttKatVector& vector : vectors) {
      tally->Add("line " + std::to_string(vector.line), CamelliaEcbVector(file, vector, context));
    }
    return true;
  }
  RspOptions options;
  if (file.kind == Kind::kHmac) options.record_field = "MD";
  std::vector<RspRecord> records;
  if (!LoadRsp(path, options, &records, error)) return false;
  for (const RspRecord& record : records) {
    Verdict verdict;
    switch (file.kind) {
      case Kind::kBlockCipher:
        verdict = BlockCipherRecord(file, record, context);
        break;
      case Kind::kCcm:
        verdict = CcmRecord(file, record, context);
        break;
      case Kind::kGcm:
        verdict = GcmRecord(file, record, context);
        break;
      case Kind::kCmac:
        verdict = CmacRecord(file, record, context);
        break;
      case Kind::kHmac:
        verdict = HmacRecord(file, record, context);
        break;
      case Kind::kChaCha20:
        verdict = ChaCha20Record(file, record, context);
        break;
      case Kind::kChaCha20Poly1305:
        verdict = ChaCha20Poly1305Record(file, record, context);
        break;
      case Kind::kCamelliaEcb:
      case Kind::kSkip:
        verdict = Verdict::Fail("not a record kind");
        break;
    }
    tally->Add(record.Where() + (record.section.empty() ? "" : " [" + record.section + "]"), verdict);
  }
  return true;
}

// --- The tests ---

class SymmetricKat : public ::testing::TestWithParam<KatFile> {
 protected:
  void SetUp() override {
    ASSERT_EQ(ThisSymmetricBuildError(), "");
    ASSERT_EQ(ThisBuildWitnessError(), "");
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  }
};

std::string NameOf(const ::testing::TestParamInfo<KatFile>& info) {
  std::string name;
  for (char c : info.param.path) {
    name.push_back((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
  }
  return name;
}

TEST(SymmetricKatBuild, DeclarationIsValidAndNamesOnlyLinkedDrivers) {
  ASSERT_EQ(ThisSymmetricBuildError(), "");
  const std::vector<std::string> linked = LinkedDriverNames();
  ASSERT_FALSE(linked.empty());
  for (const std::string& driver : ThisSymmetricBuild().Drivers()) {
    EXPECT_NE(std::find(linked.begin(), linked.end(), driver), linked.end())
        << "SYMMETRIC_SERVING_DRIVERS expects " << driver << ", which this build does not link";
  }
  EXPECT_EQ(linked.back(), "builtin");
  EXPECT_EQ(ThisBuildWitnessError(), "");
  EXPECT_TRUE(LocationIsServed(SymmetricKeyLocation()))
      << "SYMMETRIC_KEY_LOCATION " << SymmetricKeyLocation() << " has no driver in this build";
}

// The package's files, each run or skipped for a reason, and as many of
// each family as python3-cryptography-vectors 38 ships: a missing directory
// or a glob that finds nothing cannot pass unnoticed.
TEST(KatFiles, EveryFileIsRunOrSkippedForAReason) {
  ASSERT_EQ(Files().error, "");
  std::map<std::string, size_t> per_family;
  for (const KatFile& file : Files().files) {
    if (file.kind == Kind::kSkip) {
      EXPECT_FALSE(file.skip_reason.empty())
          << file.path << ": no rule runs or skips it; add one to Classify() in symmetric_kat_test.cc";
      std::cout << "skipped file " << file.path << ": " << file.skip_reason << "\n";
    }
    ++per_family[file.family];
  }
  const std::map<std::string, size_t> expected = {
      {"AES-ECB", 15},  {"AES-CBC", 15},     {"AES-CFB", 15},      {"AES-OFB", 15},
      {"AES-CTR", 3},   {"AES-CCM", 15},     {"AES-GCM", 6},       {"AES-CMAC", 3},
      {"DES-CMAC", 1},  {"HMAC", 7},         {"CAMELLIA-ECB", 3},  {"CAMELLIA-CBC", 1},
      {"CAMELLIA-CFB", 1}, {"CAMELLIA-OFB", 1}, {"DES-ECB", 8},    {"DES-CBC", 8},
      {"DES-CFB", 8},   {"DES-OFB", 8},      {"CHACHA20", 1},      {"CHACHA20-POLY1305", 2},
  };
  for (const auto& [family, count] : expected) {
    EXPECT_EQ(per_family[family], count) << "files run for " << family;
  }
  std::cout << std::flush;
}

TEST_P(SymmetricKat, EveryVectorGivesItsKnownAnswer) {
  const KatFile& file = GetParam();
  ChunkSplitter splitter(Seed());
  KeyCache keys(SymmetricKeyLocation());
  ServingWitness& witness = ThisBuildWitness();
  witness.ResetSummary();
  const CheckContext context{&splitter, &keys, &ThisSymmetricBuild(), &witness};
  FileTally tally(file.path);
  std::string error;
  ASSERT_TRUE(RunFile(file, context, &tally, &error)) << error;
  keys.Clear();
  std::cout << "[ seed " << Seed() << " (--test_env=" << kSeedVariable << "=" << Seed()
            << " repeats it) ] " << tally.Summary() << std::endl;
  if (!witness.Summary().empty()) std::cout << "  routes:\n" << witness.Summary() << std::endl;
  EXPECT_GT(tally.vectors(), 0u) << file.path << " has no vector";
  constexpr size_t kShownFailures = 20;
  for (size_t i = 0; i < tally.failures().size() && i < kShownFailures; ++i) {
    ADD_FAILURE() << file.path << " " << tally.failures()[i];
  }
  EXPECT_EQ(tally.failed(), 0u) << file.path << ": " << tally.failed()
                                << " vectors gave a wrong result (first " << kShownFailures
                                << " above; seed " << Seed() << ")";
}

INSTANTIATE_TEST_SUITE_P(Files, SymmetricKat, ::testing::ValuesIn(RunnableFiles()), NameOf);

}  // namespace
}  // namespace tests::vectors
