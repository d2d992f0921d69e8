#include "tests/vectors/symmetric_checks.h"

#include <algorithm>
#include <functional>
#include <set>
#include <vector>

#include "tests/vectors/hex.h"
#include "tests/vectors/symmetric_serving.h"
#include "tests/vectors/symmetric_witness.h"

namespace tests::vectors {
namespace {

// Hex of at most this many bytes in messages.
constexpr size_t kShownBytes = 48;

std::string Shown(const Bytes& bytes, size_t from = 0) {
  from = std::min(from, bytes.size());
  const size_t size = std::min(bytes.size() - from, kShownBytes);
  std::string hex = EncodeHex(bytes.data() + from, size);
  if (bytes.size() - from > size) hex += "...";
  return "(" + std::to_string(bytes.size() - from) + " bytes) " + (hex.empty() ? "\"\"" : hex);
}

Bytes Concat(const Bytes& a, const Bytes& b) {
  Bytes joined = a;
  joined.insert(joined.end(), b.begin(), b.end());
  return joined;
}

// "" when `got` equals `want` (beyond `prefix` bytes), else what differs.
std::string Compare(const std::string& what, const Bytes& got, const Bytes& want,
                    size_t prefix = 0) {
  if (got.size() == want.size() &&
      std::equal(got.begin() + static_cast<std::ptrdiff_t>(std::min(prefix, got.size())),
                 got.end(), want.begin() + static_cast<std::ptrdiff_t>(std::min(prefix, want.size())))) {
    return "";
  }
  return what + " gave " + Shown(got, prefix) + ", expected " + Shown(want, prefix);
}

std::string Join(const std::set<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined;
}

// Compare() of an output of `result`, naming its shape on a mismatch.
std::string CompareOutput(const CallResult& result, const std::string& what, const Bytes& got,
                          const Bytes& want, size_t prefix = 0) {
  std::string failure = Compare(what, got, want, prefix);
  if (!failure.empty() && !result.shape.empty()) failure += " [" + result.shape + "]";
  return failure;
}

// The mechanism a case uses, what the build says of it, and the checks
// shared by every case.
class Checker {
 public:
  Checker(const CheckContext& context, psa_key_type_t key_type, size_t key_bits,
          psa_algorithm_t alg, const std::string& option)
      : context_(context),
        key_type_(key_type),
        key_bits_(key_bits),
        alg_(alg),
        mechanism_(MechanismName(key_type, alg)),
        option_(option) {}

  const std::string& mechanism() const { return mechanism_; }
  bool HasMechanism() const { return !mechanism_.empty(); }

  // The declaration that makes the case unsupported, or "".
  std::string UnsupportedDeclaration() const {
    if (!option_.empty() && context_.build->OptionUnsupported(option_)) return option_;
    // No key has 0 bits: Unsupported(mechanism, 0) is the whole mechanism.
    if (context_.build->Unsupported(mechanism_, 0)) return mechanism_;
    if (context_.build->Unsupported(mechanism_, key_bits_)) {
      return mechanism_ + "/" + std::to_string(key_bits_);
    }
    return "";
  }


  // The key for `usage`: on failure returns false with *failure set.
  bool Key(psa_key_usage_t usage, const Bytes& key, psa_key_id_t* id, std::string* failure) {
    const psa_status_t status = context_.keys->Get(key_type_, usage, alg_, key, id);
    if (status == PSA_SUCCESS) return true;
    *failure = "psa_import_key (" + std::to_string(key.size() * 8) + "-bit key, " + mechanism_ +
               "): " + StatusName(status) + NotSupportedHint(status);
    return false;
  }

  // The serving declaration's question for a call of kind `call`.
  ServingQuery Query(SymmetricCall call) const {
    ServingQuery query;
    query.mechanism = mechanism_;
    query.key_bits = key_bits_;
    query.shortened = IsShortened(alg_);
    query.multipart = IsMultipart(call);
    return query;
  }

  // Runs `run`, one call of kind `call`, and adds to its result's problem
  // how it was served otherwise than the build declares: on success by
  // another driver (psa::dispatch::LastServingDriver), and whatever the
  // witness of the test drivers' counters finds (symmetric_witness.h).
  template <typename Run>
  CallResult Observe(SymmetricCall call, Run run) const {
    ServingWitness* witness = context_.witness;
    ServingWitness::Snapshot before;
    if (witness != nullptr) before = witness->Take();
    CallResult result = run();
    const ServingQuery query = Query(call);
    const std::string& expected = context_.build->DriverFor(query);
    std::string problem;
    if (result.status == PSA_SUCCESS) {
      const std::string served = LastServingDriver();
      if (served != expected) {
        problem = result.call + " succeeded but was served by " + served + ", the build expects " + expected +
                  " for " + Describe(query);
      }
    }
    if (problem.empty() && witness != nullptr) {
      problem = witness->Check(call, expected, result.status, before, witness->Take());
      if (!problem.empty()) problem += " (" + Describe(query) + ")";
    }
    if (!problem.empty()) result.problem += (result.problem.empty() ? "" : "; ") + problem;
    return result;
  }

  // Checks a call that must succeed; on failure returns the failure.
  std::string Succeeds(const CallResult& result) const {
    if (result.status != PSA_SUCCESS) {
      return result.Describe() + NotSupportedHint(result.status);
    }
    if (!result.problem.empty()) return result.Describe();
    return "";
  }

  // Checks a call that must fail with one of `allowed`.
  static std::string FailsWith(const CallResult& result, const std::set<psa_status_t>& allowed,
                               std::set<std::string>* seen) {
    if (!result.problem.empty()) return result.Describe();
    if (allowed.count(result.status) == 0) {
      std::string names;
      for (psa_status_t status : allowed) names += (names.empty() ? "" : " or ") + StatusName(status);
      return result.Describe() + ", expected " + names;
    }
    if (seen != nullptr) seen->insert(result.call + ": " + StatusName(result.status));
    return "";
  }

  // Runs a rejection: for each direction, the key is imported with its
  // usage (a failure with an allowed status rejects the whole direction),
  // then every call must fail with an allowed status. On success returns
  // a pass noting the rejecting calls.
  using Calls = std::function<std::vector<CallResult>(psa_key_id_t)>;
  Verdict Rejection(const std::vector<std::pair<psa_key_usage_t, Calls>>& directions,
                    const Bytes& key, const std::set<psa_status_t>& allowed) {
    std::set<std::string> seen;
    for (const auto& [usage, calls] : directions) {
      psa_key_id_t id = PSA_KEY_ID_NULL;
      const psa_status_t status = context_.keys->Get(key_type_, usage, alg_, key, &id);
      if (status != PSA_SUCCESS) {
        CallResult import;
        import.call = "psa_import_key";
        import.status = status;
        const std::string failure = FailsWith(import, allowed, &seen);
        if (!failure.empty()) return Verdict::Fail(failure);
        continue;
      }
      for (const CallResult& result : calls(id)) {
        const std::string failure = FailsWith(result, allowed, &seen);
        if (!failure.empty()) return Verdict::Fail(failure);
      }
    }
    return Verdict::Pass("rejected by " + Join(seen));
  }

  // A rejection as the unsupported declaration `declaration` requires:
  // a skip when every call says NOT_SUPPORTED, a failure otherwise.
  Verdict DeclaredUnsupported(const std::string& declaration,
                              const std::vector<std::pair<psa_key_usage_t, Calls>>& directions,
                              const Bytes& key) {
    const Verdict rejection = Rejection(directions, key, {PSA_ERROR_NOT_SUPPORTED});
    if (rejection.kind != Verdict::kPass) {
      return Verdict::Fail(rejection.detail + " although the build declares " + declaration +
                           " unsupported (SYMMETRIC_UNSUPPORTED): fix the declaration or the code");
    }
    return Verdict::Skip("the build declares " + declaration + " unsupported (" + rejection.detail +
                         ")");
  }

  ChunkSplitter* splitter() const { return context_.splitter; }

 private:
  // "AES-GCM, 192-bit key, shortened tag, multi-part".
  static std::string Describe(const ServingQuery& query) {
    std::string text = query.mechanism + ", " + std::to_string(query.key_bits) + "-bit key";
    if (query.shortened) text += ", truncated MAC or shortened tag";
    if (query.multipart) text += ", multi-part";
    return text;
  }

  std::string NotSupportedHint(psa_status_t status) const {
    if (status != PSA_ERROR_NOT_SUPPORTED) return "";
    return " (if the build does not support " + mechanism_ +
           (option_.empty() ? "" : " or " + option_) +
           ", declare it in SYMMETRIC_UNSUPPORTED of BUILD.bazel)";
  }

  const CheckContext& context_;
  psa_key_type_t key_type_;
  size_t key_bits_;
  psa_algorithm_t alg_;
  std::string mechanism_;
  std::string option_;
};

// --- AEAD ---

std::vector<CallResult> AeadEncryptCalls(const AeadCase& c, psa_key_id_t id, const Checker& checker) {
  ChunkSplitter* splitter = checker.splitter();
  return {checker.Observe(SymmetricCall::kAeadEncrypt,
                          [&] { return AeadEncrypt(id, c.key_type, c.alg, c.nonce, c.ad, c.plaintext); }),
          checker.Observe(SymmetricCall::kAeadEncryptMultipart, [&] {
            return AeadEncryptMultipart(id, c.key_type, c.key.size() * 8, c.alg, c.nonce, c.ad, c.plaintext,
                                        RandomAeadPlan(splitter, c.alg, c.ad.size(), c.plaintext.size()));
          })};
}

// Decryption of the vector's input. For a rejected parameter whose vector
// has a placeholder input shorter than the algorithm's tag (Wycheproof's
// invalid nonce sizes have no tag), the input is completed with zero bytes
// to the tag length: the parameter, not the input's length, must be what is
// rejected.
std::vector<CallResult> AeadDecryptCalls(const AeadCase& c, psa_key_id_t id, const Checker& checker,
                                         bool rejected_parameter = false) {
  ChunkSplitter* splitter = checker.splitter();
  Bytes input = Concat(c.ciphertext, c.tag);
  const size_t tag_length = PSA_AEAD_TAG_LENGTH(c.key_type, c.key.size() * 8, c.alg);
  if (rejected_parameter && input.size() < tag_length) input.resize(tag_length, 0);
  return {checker.Observe(SymmetricCall::kAeadDecrypt,
                          [&] { return AeadDecrypt(id, c.key_type, c.alg, c.nonce, c.ad, input); }),
          checker.Observe(SymmetricCall::kAeadDecryptMultipart, [&] {
            return AeadDecryptMultipart(id, c.key_type, c.alg, c.nonce, c.ad, c.ciphertext, c.tag,
                                        RandomAeadPlan(splitter, c.alg, c.ad.size(), c.ciphertext.size()));
          })};
}

Verdict AeadValid(const AeadCase& c, Checker* checker) {
  std::string failure;
  psa_key_id_t id = PSA_KEY_ID_NULL;
  if (c.encrypt) {
    if (!checker->Key(PSA_KEY_USAGE_ENCRYPT, c.key, &id, &failure)) return Verdict::Fail(failure);
    const CallResult single = checker->Observe(
        SymmetricCall::kAeadEncrypt, [&] { return AeadEncrypt(id, c.key_type, c.alg, c.nonce, c.ad, c.plaintext); });
    failure = checker->Succeeds(single);
    if (failure.empty()) failure = CompareOutput(single, single.call, single.output, Concat(c.ciphertext, c.tag));
    if (!failure.empty()) return Verdict::Fail(failure);
    const CallResult multi = checker->Observe(SymmetricCall::kAeadEncryptMultipart, [&] {
      return AeadEncryptMultipart(id, c.key_type, c.key.size() * 8, c.alg, c.nonce, c.ad, c.plaintext,
                                  RandomAeadPlan(checker->splitter(), c.alg, c.ad.size(), c.plaintext.size()));
    });
    failure = checker->Succeeds(multi);
    if (failure.empty()) failure = CompareOutput(multi, "multi-part encryption", multi.output, c.ciphertext);
    if (failure.empty()) failure = CompareOutput(multi, "multi-part encryption (tag)", multi.tag, c.tag);
    if (!failure.empty()) return Verdict::Fail(failure);
  }
  if (c.decrypt) {
    if (!checker->Key(PSA_KEY_USAGE_DECRYPT, c.key, &id, &failure)) return Verdict::Fail(failure);
    const CallResult single = checker->Observe(SymmetricCall::kAeadDecrypt, [&] {
      return AeadDecrypt(id, c.key_type, c.alg, c.nonce, c.ad, Concat(c.ciphertext, c.tag));
    });
    failure = checker->Succeeds(single);
    if (failure.empty()) failure = CompareOutput(single, single.call, single.output, c.plaintext);
    if (!failure.empty()) return Verdict::Fail(failure);
    const CallResult multi = checker->Observe(SymmetricCall::kAeadDecryptMultipart, [&] {
      return AeadDecryptMultipart(id, c.key_type, c.alg, c.nonce, c.ad, c.ciphertext, c.tag,
                                  RandomAeadPlan(checker->splitter(), c.alg, c.ad.size(), c.ciphertext.size()));
    });
    failure = checker->Succeeds(multi);
    if (failure.empty()) failure = CompareOutput(multi, "multi-part decryption", multi.output, c.plaintext);
    if (!failure.empty()) return Verdict::Fail(failure);
  }
  return Verdict::Pass();
}

Verdict AeadInvalidTag(const AeadCase& c, Checker* checker) {
  std::string failure;
  psa_key_id_t id = PSA_KEY_ID_NULL;
  if (c.encrypt) {
    if (!checker->Key(PSA_KEY_USAGE_ENCRYPT, c.key, &id, &failure)) return Verdict::Fail(failure);
    const CallResult single = checker->Observe(
        SymmetricCall::kAeadEncrypt, [&] { return AeadEncrypt(id, c.key_type, c.alg, c.nonce, c.ad, c.plaintext); });
    failure = checker->Succeeds(single);
    if (!failure.empty()) return Verdict::Fail(failure);
    if (single.output == Concat(c.ciphertext, c.tag)) {
      return Verdict::Fail("psa_aead_encrypt gave the vector's ciphertext and tag, which the vector says are not authentic");
    }
  }
  if (c.decrypt) {
    if (!checker->Key(PSA_KEY_USAGE_DECRYPT, c.key, &id, &failure)) return Verdict::Fail(failure);
    for (const CallResult& result : AeadDecryptCalls(c, id, *checker)) {
      failure = Checker::FailsWith(result, {PSA_ERROR_INVALID_SIGNATURE}, nullptr);
      if (failure.empty() && result.call != "psa_aead_decrypt" && result.call != "psa_aead_verify") {
        failure = result.Describe() + ": the tag must be rejected by psa_aead_verify";
      }
      if (!failure.empty()) return Verdict::Fail(failure);
    }
  }
  return Verdict::Pass();
}

Verdict AeadOptionalVariant(const AeadCase& c, Checker* checker) {
  std::string failure;
  psa_key_id_t id = PSA_KEY_ID_NULL;
  if (c.encrypt) {
    if (!checker->Key(PSA_KEY_USAGE_ENCRYPT, c.key, &id, &failure)) return Verdict::Fail(failure);
    for (const CallResult& result : AeadEncryptCalls(c, id, *checker)) {
      failure = checker->Succeeds(result);
      if (!failure.empty()) return Verdict::Fail(failure);
    }
  }
  if (c.decrypt) {
    if (!checker->Key(PSA_KEY_USAGE_DECRYPT, c.key, &id, &failure)) return Verdict::Fail(failure);
    for (const CallResult& result : AeadDecryptCalls(c, id, *checker)) {
      failure = Checker::FailsWith(result, {PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_INVALID_ARGUMENT},
                                   nullptr);
      if (!failure.empty()) return Verdict::Fail(failure);
    }
  }
  return Verdict::Pass("the optional variant is supported: encryption succeeded, the placeholder ciphertext was rejected");
}

// --- Ciphers ---

Verdict CipherValid(const CipherCase& c, Checker* checker) {
  std::string failure;
  psa_key_id_t id = PSA_KEY_ID_NULL;
  ChunkSplitter* splitter = checker->splitter();
  if (c.encrypt) {
    if (!checker->Key(PSA_KEY_USAGE_ENCRYPT, c.key, &id, &failure)) return Verdict::Fail(failure);
    const std::vector<size_t> one_update = {c.plaintext.size()};
    for (const std::vector<size_t>& chunks : {one_update, splitter->Split(c.plaintext.size())}) {
      const CallResult result = checker->Observe(SymmetricCall::kCipherEncryptMultipart, [&] {
        return CipherMultipart(/*encrypt=*/true, id, c.key_type, c.alg, c.iv, c.plaintext, chunks);
      });
      failure = checker->Succeeds(result);
      if (failure.empty()) {
        failure = CompareOutput(result, "multi-part encryption", result.output, c.ciphertext,
                                c.ignored_prefix);
      }
      if (!failure.empty()) return Verdict::Fail(failure);
    }
    const CallResult single = checker->Observe(SymmetricCall::kCipherEncrypt,
                                               [&] { return CipherEncrypt(id, c.key_type, c.alg, c.plaintext); });
    failure = checker->Succeeds(single);
    if (!failure.empty()) return Verdict::Fail(failure);
    if (c.iv.empty()) {
      failure = CompareOutput(single, single.call, single.output, c.ciphertext, c.ignored_prefix);
      if (!failure.empty()) return Verdict::Fail(failure);
    } else if (c.decrypt) {
      // A random IV: decrypting the output must give the plaintext back.
      psa_key_id_t decrypt_id = PSA_KEY_ID_NULL;
      if (!checker->Key(PSA_KEY_USAGE_DECRYPT, c.key, &decrypt_id, &failure)) return Verdict::Fail(failure);
      const CallResult back = checker->Observe(
          SymmetricCall::kCipherDecrypt, [&] { return CipherDecrypt(decrypt_id, c.key_type, c.alg, single.output); });
      failure = checker->Succeeds(back);
      if (failure.empty()) {
        failure = CompareOutput(back, "psa_cipher_decrypt of psa_cipher_encrypt's output", back.output, c.plaintext);
      }
      if (!failure.empty()) return Verdict::Fail(failure);
    }
  }
  if (c.decrypt) {
    if (!checker->Key(PSA_KEY_USAGE_DECRYPT, c.key, &id, &failure)) return Verdict::Fail(failure);
    if (c.single_part_decrypt) {
      const CallResult single = checker->Observe(SymmetricCall::kCipherDecrypt, [&] {
        return CipherDecrypt(id, c.key_type, c.alg, Concat(c.iv, c.ciphertext));
      });
      failure = checker->Succeeds(single);
      if (failure.empty()) failure = CompareOutput(single, single.call, single.output, c.plaintext, c.ignored_prefix);
      if (!failure.empty()) return Verdict::Fail(failure);
    }
    const std::vector<size_t> chunks = splitter->Split(c.ciphertext.size());
    const CallResult multi = checker->Observe(SymmetricCall::kCipherDecryptMultipart, [&] {
      return CipherMultipart(/*encrypt=*/false, id, c.key_type, c.alg, c.iv, c.ciphertext, chunks);
    });
    failure = checker->Succeeds(multi);
    if (failure.empty()) {
      failure = CompareOutput(multi, "multi-part decryption", multi.output, c.plaintext, c.ignored_prefix);
    }
    if (!failure.empty()) return Verdict::Fail(failure);
  }
  return Verdict::Pass();
}

// Multi-part cipher calls of `c` with random chunks.
CallResult CipherMultipartCall(bool encrypt, const CipherCase& c, psa_key_id_t id, const Checker& checker) {
  const Bytes& input = encrypt ? c.plaintext : c.ciphertext;
  return checker.Observe(
      encrypt ? SymmetricCall::kCipherEncryptMultipart : SymmetricCall::kCipherDecryptMultipart, [&] {
        return CipherMultipart(encrypt, id, c.key_type, c.alg, c.iv, input, checker.splitter()->Split(input.size()));
      });
}

std::vector<CallResult> CipherDecryptCalls(const CipherCase& c, psa_key_id_t id, const Checker& checker) {
  std::vector<CallResult> results;
  if (c.single_part_decrypt) {
    results.push_back(checker.Observe(SymmetricCall::kCipherDecrypt, [&] {
      return CipherDecrypt(id, c.key_type, c.alg, Concat(c.iv, c.ciphertext));
    }));
  }
  results.push_back(CipherMultipartCall(/*encrypt=*/false, c, id, checker));
  return results;
}

std::vector<CallResult> CipherEncryptCalls(const CipherCase& c, psa_key_id_t id, const Checker& checker) {
  return {checker.Observe(SymmetricCall::kCipherEncrypt,
                          [&] { return CipherEncrypt(id, c.key_type, c.alg, c.plaintext); }),
          CipherMultipartCall(/*encrypt=*/true, c, id, checker)};
}

Verdict CipherDecryptFails(const CipherCase& c, Checker* checker, const std::set<psa_status_t>& allowed) {
  std::string failure;
  psa_key_id_t id = PSA_KEY_ID_NULL;
  if (!checker->Key(PSA_KEY_USAGE_DECRYPT, c.key, &id, &failure)) return Verdict::Fail(failure);
  std::set<std::string> seen;
  for (const CallResult& result : CipherDecryptCalls(c, id, *checker)) {
    failure = Checker::FailsWith(result, allowed, &seen);
    if (failure.empty() && result.call != "psa_cipher_decrypt" && result.call != "psa_cipher_finish") {
      failure = result.Describe() + ": the ciphertext must be rejected by psa_cipher_finish";
    }
    if (!failure.empty()) return Verdict::Fail(failure);
  }
  if (allowed.size() == 1) return Verdict::Pass();
  return Verdict::Pass("rejected by " + Join(seen));
}

// --- MACs ---

CallResult MacVerifyMultipartCall(const MacCase& c, const Bytes& mac, psa_key_id_t id, const Checker& checker) {
  return checker.Observe(SymmetricCall::kMacVerifyMultipart, [&] {
    return MacVerifyMultipart(id, c.alg, c.message, mac, checker.splitter()->Split(c.message.size()));
  });
}

Verdict MacValid(const MacCase& c, Checker* checker) {
  std::string failure;
  psa_key_id_t id = PSA_KEY_ID_NULL;
  const size_t key_bits = c.key.size() * 8;
  if (!checker->Key(PSA_KEY_USAGE_SIGN_MESSAGE, c.key, &id, &failure)) return Verdict::Fail(failure);
  const CallResult single = checker->Observe(
      SymmetricCall::kMacCompute, [&] { return MacCompute(id, c.key_type, key_bits, c.alg, c.message); });
  failure = checker->Succeeds(single);
  if (failure.empty()) failure = CompareOutput(single, single.call, single.output, c.mac);
  if (!failure.empty()) return Verdict::Fail(failure);
  const std::vector<size_t> sign_chunks = checker->splitter()->Split(c.message.size());
  const CallResult multi = checker->Observe(SymmetricCall::kMacSignMultipart, [&] {
    return MacSignMultipart(id, c.key_type, key_bits, c.alg, c.message, sign_chunks);
  });
  failure = checker->Succeeds(multi);
  if (failure.empty()) {
    failure = CompareOutput(multi, "multi-part MAC", multi.output, c.mac);
  }
  if (!failure.empty()) return Verdict::Fail(failure);

  if (!checker->Key(PSA_KEY_USAGE_VERIFY_MESSAGE, c.key, &id, &failure)) return Verdict::Fail(failure);
  failure = checker->Succeeds(
      checker->Observe(SymmetricCall::kMacVerify, [&] { return MacVerify(id, c.alg, c.message, c.mac); }));
  if (failure.empty()) failure = checker->Succeeds(MacVerifyMultipartCall(c, c.mac, id, *checker));
  if (failure.empty() && !c.mac.empty()) {
    Bytes flipped = c.mac;
    flipped.back() ^= 1;
    CallResult rejected =
        checker->Observe(SymmetricCall::kMacVerify, [&] { return MacVerify(id, c.alg, c.message, flipped); });
    rejected.call += " (last bit flipped)";
    failure = Checker::FailsWith(rejected, {PSA_ERROR_INVALID_SIGNATURE}, nullptr);
  }
  if (!failure.empty()) return Verdict::Fail(failure);
  return Verdict::Pass();
}

Verdict MacInvalidTag(const MacCase& c, Checker* checker) {
  std::string failure;
  psa_key_id_t id = PSA_KEY_ID_NULL;
  if (!checker->Key(PSA_KEY_USAGE_SIGN_MESSAGE, c.key, &id, &failure)) return Verdict::Fail(failure);
  const CallResult computed = checker->Observe(
      SymmetricCall::kMacCompute, [&] { return MacCompute(id, c.key_type, c.key.size() * 8, c.alg, c.message); });
  failure = checker->Succeeds(computed);
  if (!failure.empty()) return Verdict::Fail(failure);
  if (computed.output == c.mac) {
    return Verdict::Fail("psa_mac_compute gave the vector's MAC, which the vector says is wrong");
  }
  if (!checker->Key(PSA_KEY_USAGE_VERIFY_MESSAGE, c.key, &id, &failure)) return Verdict::Fail(failure);
  for (const CallResult& result :
       {checker->Observe(SymmetricCall::kMacVerify, [&] { return MacVerify(id, c.alg, c.message, c.mac); }),
        MacVerifyMultipartCall(c, c.mac, id, *checker)}) {
    failure = Checker::FailsWith(result, {PSA_ERROR_INVALID_SIGNATURE}, nullptr);
    if (failure.empty() && result.call != "psa_mac_verify" && result.call != "psa_mac_verify_finish") {
      failure = result.Describe() + ": the MAC must be rejected by psa_mac_verify_finish";
    }
    if (!failure.empty()) return Verdict::Fail(failure);
  }
  return Verdict::Pass();
}

// The statuses a rejection allows, or none if `expectation` is no
// rejection.
std::set<psa_status_t> RejectedStatuses(Expectation expectation) {
  if (expectation == Expectation::kInvalidArgument) return {PSA_ERROR_INVALID_ARGUMENT};
  if (expectation == Expectation::kInvalidAlgorithm) {
    return {PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED};
  }
  return {};
}

std::string UnexpectedExpectation(const char* family) {
  return std::string("this expectation does not apply to a ") + family + " vector (a bug of the suite)";
}

}  // namespace

Verdict CheckAead(const AeadCase& c, Expectation expectation, const CheckContext& context) {
  Checker checker(context, c.key_type, c.key.size() * 8, c.alg, c.option);
  if (!checker.HasMechanism()) return Verdict::Fail("not an AEAD mechanism this suite knows");
  std::vector<std::pair<psa_key_usage_t, Checker::Calls>> directions;
  if (c.encrypt) {
    directions.emplace_back(PSA_KEY_USAGE_ENCRYPT,
                            [&](psa_key_id_t id) { return AeadEncryptCalls(c, id, checker); });
  }
  if (c.decrypt) {
    directions.emplace_back(PSA_KEY_USAGE_DECRYPT, [&](psa_key_id_t id) {
      return AeadDecryptCalls(c, id, checker, /*rejected_parameter=*/true);
    });
  }
  const std::string declaration = checker.UnsupportedDeclaration();
  const std::set<psa_status_t> rejected = RejectedStatuses(expectation);
  if (!rejected.empty()) return checker.Rejection(directions, c.key, rejected);
  if (!declaration.empty()) return checker.DeclaredUnsupported(declaration, directions, c.key);
  switch (expectation) {
    case Expectation::kValid:
      return AeadValid(c, &checker);
    case Expectation::kInvalidTag:
      return AeadInvalidTag(c, &checker);
    case Expectation::kOptionalVariant:
      return AeadOptionalVariant(c, &checker);
    default:
      return Verdict::Fail(UnexpectedExpectation("AEAD"));
  }
}

Verdict CheckCipher(const CipherCase& c, Expectation expectation, const CheckContext& context) {
  Checker checker(context, c.key_type, c.key.size() * 8, c.alg, c.option);
  if (!checker.HasMechanism()) return Verdict::Fail("not a cipher mechanism this suite knows");
  std::vector<std::pair<psa_key_usage_t, Checker::Calls>> directions;
  if (c.encrypt) {
    directions.emplace_back(PSA_KEY_USAGE_ENCRYPT,
                            [&](psa_key_id_t id) { return CipherEncryptCalls(c, id, checker); });
  }
  if (c.decrypt) {
    directions.emplace_back(PSA_KEY_USAGE_DECRYPT,
                            [&](psa_key_id_t id) { return CipherDecryptCalls(c, id, checker); });
  }
  const std::set<psa_status_t> rejected = RejectedStatuses(expectation);
  if (!rejected.empty()) return checker.Rejection(directions, c.key, rejected);
  const std::string declaration = checker.UnsupportedDeclaration();
  if (!declaration.empty()) {
    // An unsupported option (a 16-byte ChaCha20 IV) is only an IV the
    // multi-part calls cannot set: psa_cipher_encrypt draws a supported one.
    if (!c.option.empty()) {
      directions.clear();
      if (c.encrypt) {
        directions.emplace_back(PSA_KEY_USAGE_ENCRYPT, [&](psa_key_id_t id) {
          return std::vector<CallResult>{CipherMultipartCall(/*encrypt=*/true, c, id, checker)};
        });
      }
      if (c.decrypt) {
        directions.emplace_back(PSA_KEY_USAGE_DECRYPT, [&](psa_key_id_t id) {
          return std::vector<CallResult>{CipherMultipartCall(/*encrypt=*/false, c, id, checker)};
        });
      }
    }
    return checker.DeclaredUnsupported(declaration, directions, c.key);
  }
  switch (expectation) {
    case Expectation::kValid:
      return CipherValid(c, &checker);
    case Expectation::kInvalidPadding:
      return CipherDecryptFails(c, &checker, {PSA_ERROR_INVALID_PADDING});
    case Expectation::kInvalidLength:
      return CipherDecryptFails(c, &checker, {PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_PADDING});
    default:
      return Verdict::Fail(UnexpectedExpectation("cipher"));
  }
}

Verdict CheckMac(const MacCase& c, Expectation expectation, const CheckContext& context) {
  Checker checker(context, c.key_type, c.key.size() * 8, c.alg, "");
  if (!checker.HasMechanism()) return Verdict::Fail("not a MAC mechanism this suite knows");
  ChunkSplitter* splitter = context.splitter;
  const size_t key_bits = c.key.size() * 8;
  const std::vector<std::pair<psa_key_usage_t, Checker::Calls>> directions = {
      {PSA_KEY_USAGE_SIGN_MESSAGE,
       [&](psa_key_id_t id) {
         return std::vector<CallResult>{
             checker.Observe(SymmetricCall::kMacCompute,
                             [&] { return MacCompute(id, c.key_type, key_bits, c.alg, c.message); }),
             checker.Observe(SymmetricCall::kMacSignMultipart, [&] {
               return MacSignMultipart(id, c.key_type, key_bits, c.alg, c.message, splitter->Split(c.message.size()));
             })};
       }},
      {PSA_KEY_USAGE_VERIFY_MESSAGE,
       [&](psa_key_id_t id) {
         return std::vector<CallResult>{
             checker.Observe(SymmetricCall::kMacVerify, [&] { return MacVerify(id, c.alg, c.message, c.mac); }),
             MacVerifyMultipartCall(c, c.mac, id, checker)};
       }},
  };
  const std::set<psa_status_t> rejected = RejectedStatuses(expectation);
  if (!rejected.empty()) return checker.Rejection(directions, c.key, rejected);
  const std::string declaration = checker.UnsupportedDeclaration();
  if (!declaration.empty()) return checker.DeclaredUnsupported(declaration, directions, c.key);
  switch (expectation) {
    case Expectation::kValid:
      return MacValid(c, &checker);
    case Expectation::kInvalidTag:
      return MacInvalidTag(c, &checker);
    default:
      return Verdict::Fail(UnexpectedExpectation("MAC"));
  }
}

}  // namespace tests::vectors
