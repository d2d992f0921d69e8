#include "tests/vectors/symmetric_witness.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

#include "drivers/test/test_driver.h"
#include "drivers/test/test_opaque_driver.h"
#include "tests/vectors/symmetric_serving.h"
#include "tests/vectors/test_files.h"

namespace tests::vectors {
namespace {

using nlohmann::json;

template <typename Counters>
SymmetricHits Read(const Counters& hits) {
  SymmetricHits read{};
#define TESTS_VECTORS_READ_COUNTER(name) \
  read[kCounter_##name] = __atomic_load_n(&hits.name, __ATOMIC_RELAXED);
  TESTS_VECTORS_SYMMETRIC_COUNTERS(TESTS_VECTORS_READ_COUNTER)
#undef TESTS_VECTORS_READ_COUNTER
  return read;
}

// The instances with hit counters, by prefix (test_driver.h,
// test_opaque_driver.h).
bool HasCounters(const std::string& prefix) {
  return prefix == "test_a" || prefix == "test_b" || prefix == "test_opaque" || prefix == "test_opaque_static";
}

SymmetricHits ReadInstance(const std::string& prefix) {
  if (prefix == "test_a") return Read(test_a_hooks.hits);
  if (prefix == "test_b") return Read(test_b_hooks.hits);
  if (prefix == "test_opaque") return Read(test_opaque_hooks.hits);
  return Read(test_opaque_static_hooks.hits);
}

// The functions of the multi-part families a description may name
// (rules/drivergen/entry_points.cc, Families()).
const std::map<std::string, std::vector<std::string>>& Families() {
  static const auto* families = new std::map<std::string, std::vector<std::string>>{
      {"mac_multipart", {"mac_sign_setup", "mac_update", "mac_sign_finish", "mac_abort"}},
      {"mac_verify_multipart", {"mac_verify_setup", "mac_update", "mac_verify_finish", "mac_abort"}},
      {"cipher_encrypt_multipart",
       {"cipher_encrypt_setup", "cipher_set_iv", "cipher_update", "cipher_finish", "cipher_abort"}},
      {"cipher_decrypt_multipart",
       {"cipher_decrypt_setup", "cipher_set_iv", "cipher_update", "cipher_finish", "cipher_abort"}},
      {"aead_encrypt_multipart",
       {"aead_encrypt_setup", "aead_set_nonce", "aead_set_lengths", "aead_update_ad", "aead_update", "aead_finish",
        "aead_abort"}},
      {"aead_decrypt_multipart",
       {"aead_decrypt_setup", "aead_set_nonce", "aead_set_lengths", "aead_update_ad", "aead_update", "aead_verify",
        "aead_abort"}},
  };
  return *families;
}

// One way through a driver: available when the description has
// `needs`; `start` (and `end`, if any, and the family's abort if
// `aborts`) are called once.
struct Route {
  const char* needs;
  SymmetricCounter start;
  std::optional<SymmetricCounter> end;
  bool aborts;
};

// The routes of `call`, in the order the core must prefer them.
const std::vector<Route>& RoutesOf(SymmetricCall call) {
  using R = std::vector<Route>;
  static const auto* routes = new std::map<SymmetricCall, R>{
      {SymmetricCall::kMacCompute,
       R{{"mac_compute", kCounter_mac_compute, std::nullopt, false},
         {"mac_sign_setup", kCounter_mac_sign_setup, kCounter_mac_sign_finish, true}}},
      {SymmetricCall::kMacVerify,
       R{{"mac_verify", kCounter_mac_verify, std::nullopt, false},
         {"mac_verify_setup", kCounter_mac_verify_setup, kCounter_mac_verify_finish, true},
         {"mac_compute", kCounter_mac_compute, std::nullopt, false},
         {"mac_sign_setup", kCounter_mac_sign_setup, kCounter_mac_sign_finish, true}}},
      {SymmetricCall::kMacSignMultipart,
       R{{"mac_sign_setup", kCounter_mac_sign_setup, kCounter_mac_sign_finish, true}}},
      {SymmetricCall::kMacVerifyMultipart,
       R{{"mac_verify_setup", kCounter_mac_verify_setup, kCounter_mac_verify_finish, true},
         {"mac_sign_setup", kCounter_mac_sign_setup, kCounter_mac_sign_finish, true}}},
      {SymmetricCall::kCipherEncrypt,
       R{{"cipher_encrypt", kCounter_cipher_encrypt, std::nullopt, false},
         {"cipher_encrypt_setup", kCounter_cipher_encrypt_setup, kCounter_cipher_finish, true}}},
      {SymmetricCall::kCipherDecrypt,
       R{{"cipher_decrypt", kCounter_cipher_decrypt, std::nullopt, false},
         {"cipher_decrypt_setup", kCounter_cipher_decrypt_setup, kCounter_cipher_finish, true}}},
      {SymmetricCall::kCipherEncryptMultipart,
       R{{"cipher_encrypt_setup", kCounter_cipher_encrypt_setup, kCounter_cipher_finish, true}}},
      {SymmetricCall::kCipherDecryptMultipart,
       R{{"cipher_decrypt_setup", kCounter_cipher_decrypt_setup, kCounter_cipher_finish, true}}},
      {SymmetricCall::kAeadEncrypt,
       R{{"aead_encrypt", kCounter_aead_encrypt, std::nullopt, false},
         {"aead_encrypt_setup", kCounter_aead_encrypt_setup, kCounter_aead_finish, true}}},
      {SymmetricCall::kAeadDecrypt,
       R{{"aead_decrypt", kCounter_aead_decrypt, std::nullopt, false},
         {"aead_decrypt_setup", kCounter_aead_decrypt_setup, kCounter_aead_verify, true}}},
      {SymmetricCall::kAeadEncryptMultipart,
       R{{"aead_encrypt_setup", kCounter_aead_encrypt_setup, kCounter_aead_finish, true}}},
      {SymmetricCall::kAeadDecryptMultipart,
       R{{"aead_decrypt_setup", kCounter_aead_decrypt_setup, kCounter_aead_verify, true}}},
  };
  return routes->at(call);
}

// The counters of the family of a call: all of them (steps included), and
// those a route fixes (starts, finishes, abort).
struct Family {
  SymmetricCounter first;
  SymmetricCounter last;  // inclusive
  std::vector<SymmetricCounter> fixed;
  SymmetricCounter abort;
};

const Family& FamilyOf(SymmetricCall call) {
  static const Family mac = {kCounter_mac_compute,
                             kCounter_mac_abort,
                             {kCounter_mac_compute, kCounter_mac_verify, kCounter_mac_sign_setup,
                              kCounter_mac_verify_setup, kCounter_mac_sign_finish, kCounter_mac_verify_finish,
                              kCounter_mac_abort},
                             kCounter_mac_abort};
  static const Family cipher = {kCounter_cipher_encrypt,
                                kCounter_cipher_abort,
                                {kCounter_cipher_encrypt, kCounter_cipher_decrypt, kCounter_cipher_encrypt_setup,
                                 kCounter_cipher_decrypt_setup, kCounter_cipher_finish, kCounter_cipher_abort},
                                kCounter_cipher_abort};
  static const Family aead = {kCounter_aead_encrypt,
                              kCounter_aead_abort,
                              {kCounter_aead_encrypt, kCounter_aead_decrypt, kCounter_aead_encrypt_setup,
                               kCounter_aead_decrypt_setup, kCounter_aead_finish, kCounter_aead_verify,
                               kCounter_aead_abort},
                              kCounter_aead_abort};
  switch (call) {
    case SymmetricCall::kMacCompute:
    case SymmetricCall::kMacVerify:
    case SymmetricCall::kMacSignMultipart:
    case SymmetricCall::kMacVerifyMultipart:
      return mac;
    case SymmetricCall::kCipherEncrypt:
    case SymmetricCall::kCipherDecrypt:
    case SymmetricCall::kCipherEncryptMultipart:
    case SymmetricCall::kCipherDecryptMultipart:
      return cipher;
    default:
      return aead;
  }
}

// "aead_decrypt_setup, aead_set_nonce x2, aead_verify": the counters of
// `family` that moved in `delta`; "nothing" if none did.
std::string DescribeCounters(const SymmetricHits& delta, const Family& family) {
  std::string text;
  for (size_t i = family.first; i <= family.last; ++i) {
    if (delta[i] == 0) continue;
    text += (text.empty() ? "" : ", ") + std::string(SymmetricCounterName(static_cast<SymmetricCounter>(i))) +
            (delta[i] == 1 ? "" : " x" + std::to_string(delta[i]));
  }
  return text.empty() ? "nothing" : text;
}

std::string DescribeRoute(const Route& route, const Family& family) {
  std::string text = SymmetricCounterName(route.start);
  if (route.end) text += std::string(", ") + SymmetricCounterName(*route.end);
  if (route.aborts) text += std::string(", ") + SymmetricCounterName(family.abort);
  return text;
}

bool IsDriverVerdict(psa_status_t status) {
  return status == PSA_SUCCESS || status == PSA_ERROR_INVALID_SIGNATURE || status == PSA_ERROR_INVALID_PADDING;
}

}  // namespace

const char* SymmetricCounterName(SymmetricCounter counter) {
  static const char* const kNames[] = {
#define TESTS_VECTORS_COUNTER_NAME(name) #name,
      TESTS_VECTORS_SYMMETRIC_COUNTERS(TESTS_VECTORS_COUNTER_NAME)
#undef TESTS_VECTORS_COUNTER_NAME
  };
  return counter < kSymmetricCounterCount ? kNames[counter] : "(unknown counter)";
}

const char* SymmetricCallName(SymmetricCall call) {
  switch (call) {
    case SymmetricCall::kMacCompute:
      return "psa_mac_compute";
    case SymmetricCall::kMacVerify:
      return "psa_mac_verify";
    case SymmetricCall::kMacSignMultipart:
      return "multi-part MAC signing";
    case SymmetricCall::kMacVerifyMultipart:
      return "multi-part MAC verification";
    case SymmetricCall::kCipherEncrypt:
      return "psa_cipher_encrypt";
    case SymmetricCall::kCipherDecrypt:
      return "psa_cipher_decrypt";
    case SymmetricCall::kCipherEncryptMultipart:
      return "multi-part cipher encryption";
    case SymmetricCall::kCipherDecryptMultipart:
      return "multi-part cipher decryption";
    case SymmetricCall::kAeadEncrypt:
      return "psa_aead_encrypt";
    case SymmetricCall::kAeadDecrypt:
      return "psa_aead_decrypt";
    case SymmetricCall::kAeadEncryptMultipart:
      return "multi-part AEAD encryption";
    case SymmetricCall::kAeadDecryptMultipart:
      return "multi-part AEAD decryption";
  }
  return "(unknown call)";
}

bool IsMultipart(SymmetricCall call) {
  switch (call) {
    case SymmetricCall::kMacSignMultipart:
    case SymmetricCall::kMacVerifyMultipart:
    case SymmetricCall::kCipherEncryptMultipart:
    case SymmetricCall::kCipherDecryptMultipart:
    case SymmetricCall::kAeadEncryptMultipart:
    case SymmetricCall::kAeadDecryptMultipart:
      return true;
    default:
      return false;
  }
}

bool ServingWitness::ForLinkedDrivers(ServingWitness* witness, std::string* error) {
  ServingWitness loaded;
  for (const std::string& name : LinkedDriverNames()) {
    // Only the test drivers (drivers/test, named test_*) have hit counters.
    if (name.rfind("test_", 0) != 0) continue;
    const std::string path = RunfilePath("", "drivers/test/" + name + ".json", error);
    if (path.empty()) return false;
    std::string text;
    if (!ReadWholeFile(path, &text, error)) {
      *error = "linked driver " + name + " has no description in the runfiles (" + *error +
               "): the symmetric suites watch test drivers only; add //drivers/test:" + name +
               ".json to the suite's data";
      return false;
    }
    if (!loaded.AddDriver(name, text, error)) {
      *error = path + ": " + *error;
      return false;
    }
  }
  *witness = std::move(loaded);
  return true;
}

bool ServingWitness::AddDriver(const std::string& name, const std::string& description, std::string* error) {
  const json parsed = json::parse(description, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    *error = "not a JSON object";
    return false;
  }
  const auto prefix = parsed.find("prefix");
  const auto capabilities = parsed.find("capabilities");
  if (prefix == parsed.end() || !prefix->is_string() || capabilities == parsed.end() ||
      !capabilities->is_array()) {
    *error = "no \"prefix\" string or \"capabilities\" array";
    return false;
  }
  Driver driver;
  driver.prefix = prefix->get<std::string>();
  if (!HasCounters(driver.prefix)) {
    *error = "prefix \"" + driver.prefix +
             "\" is none of the test driver instances with hit counters (test_a, test_b, test_opaque, "
             "test_opaque_static)";
    return false;
  }
  for (const json& capability : *capabilities) {
    const auto entry_points = capability.find("entry_points");
    if (entry_points == capability.end() || !entry_points->is_array()) continue;
    for (const json& entry_point : *entry_points) {
      if (!entry_point.is_string()) continue;
      const std::string entry = entry_point.get<std::string>();
      const auto family = Families().find(entry);
      if (family == Families().end()) {
        driver.entry_points.insert(entry);
      } else {
        driver.entry_points.insert(family->second.begin(), family->second.end());
      }
    }
  }
  for (const Driver& other : drivers_) {
    if (other.name == name) {
      *error = "driver " + name + " added twice";
      return false;
    }
    if (other.prefix == driver.prefix) {
      *error = "drivers " + other.name + " and " + name + " share the counters of instance " + driver.prefix;
      return false;
    }
  }
  driver.name = name;
  drivers_.push_back(std::move(driver));
  std::sort(drivers_.begin(), drivers_.end(), [](const Driver& a, const Driver& b) { return a.name < b.name; });
  return true;
}

bool ServingWitness::Watches(const std::string& name) const {
  return std::any_of(drivers_.begin(), drivers_.end(), [&](const Driver& d) { return d.name == name; });
}

ServingWitness::Snapshot ServingWitness::Take() const {
  Snapshot snapshot;
  snapshot.reserve(drivers_.size());
  for (const Driver& driver : drivers_) snapshot.push_back(ReadInstance(driver.prefix));
  return snapshot;
}

std::string ServingWitness::Check(SymmetricCall call, const std::string& expected, psa_status_t status,
                                  const Snapshot& before, const Snapshot& after) {
  if (before.size() != drivers_.size() || after.size() != drivers_.size()) {
    return "the snapshots are not of this witness's drivers";
  }
  const Family& family = FamilyOf(call);
  const std::string what = SymmetricCallName(call);
  for (size_t d = 0; d < drivers_.size(); ++d) {
    const Driver& driver = drivers_[d];
    SymmetricHits delta{};
    for (size_t i = 0; i < delta.size(); ++i) delta[i] = after[d][i] - before[d][i];
    if (driver.name != expected) {
      if (status == PSA_ERROR_NOT_SUPPORTED) continue;
      const std::string moved = DescribeCounters(delta, family);
      if (moved != "nothing") {
        return what + " reached " + driver.name + " (" + moved + "), but the build expects " + expected +
               " to serve it (SYMMETRIC_SERVING_DRIVERS)";
      }
      continue;
    }
    if (!IsDriverVerdict(status)) continue;
    const std::vector<Route>& routes = RoutesOf(call);
    size_t chosen = routes.size();
    for (size_t r = 0; r < routes.size(); ++r) {
      if (driver.entry_points.count(routes[r].needs) != 0) {
        chosen = r;
        break;
      }
    }
    if (chosen == routes.size()) {
      return "the build expects " + driver.name + " to serve " + what + ", but its description (drivers/test/" +
             driver.name + ".json) has no entry point for it";
    }
    const Route& route = routes[chosen];
    bool as_routed = true;
    for (SymmetricCounter counter : family.fixed) {
      const unsigned long want =
          (counter == route.start || (route.end && counter == *route.end) || (route.aborts && counter == family.abort))
              ? 1
              : 0;
      if (delta[counter] != want) as_routed = false;
    }
    if (!as_routed) {
      return what + " went through " + driver.name + "'s " + DescribeCounters(delta, family) +
             ", but its description (drivers/test/" + driver.name + ".json) routes it through " +
             DescribeRoute(route, family) + ", each once";
    }
    ++routes_[std::make_tuple(call, driver.name, static_cast<int>(chosen))];
  }
  if (IsDriverVerdict(status) && !Watches(expected)) ++routes_[std::make_tuple(call, expected, -1)];
  return "";
}

std::string ServingWitness::Summary() const {
  std::string text;
  for (const auto& [key, count] : routes_) {
    const auto& [call, driver, route] = key;
    text += (text.empty() ? "" : "\n") + std::string("    ") + SymmetricCallName(call) + ": " + driver;
    text += route < 0 ? " (no hit counters)"
                      : " by " + DescribeRoute(RoutesOf(call)[static_cast<size_t>(route)], FamilyOf(call));
    text += ": " + std::to_string(count);
  }
  return text;
}

namespace {

struct LoadedWitness {
  ServingWitness witness;
  std::string error;
};

LoadedWitness& Loaded() {
  static LoadedWitness* loaded = [] {
    auto* result = new LoadedWitness;
    if (!ServingWitness::ForLinkedDrivers(&result->witness, &result->error) && result->error.empty()) {
      result->error = "the witness did not load";
    }
    return result;
  }();
  return *loaded;
}

}  // namespace

ServingWitness& ThisBuildWitness() { return Loaded().witness; }

const std::string& ThisBuildWitnessError() { return Loaded().error; }

}  // namespace tests::vectors
