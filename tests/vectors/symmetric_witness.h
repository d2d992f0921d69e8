// Which entry points of the test drivers (drivers/test) one MAC, cipher or
// AEAD call of the API reached, from their hit counters, checked against
// the driver the build declares for the call (symmetric_build.h) and against
// what the driver interface makes of that driver's description: where
// psa::dispatch::LastServingDriver() cannot tell (a call that fails, such
// as a rejected tag, sets no serving driver; a single-part call served by a
// driver's multi-part family looks the same as one served by its
// single-part entry point), the counters do.
//
// For one call, expected to be served by driver E:
//   - no other test driver's counters of the family (mac_*, cipher_*,
//     aead_*) move, unless the call gives PSA_ERROR_NOT_SUPPORTED (fallback
//     drivers may have been tried and declined);
//   - if E is a test driver and the call succeeds or gives the verdict of
//     a driver on its input (PSA_ERROR_INVALID_SIGNATURE,
//     PSA_ERROR_INVALID_PADDING), E's start, finish and abort counters of
//     the family moved exactly as the route of the call through E's
//     description says (the steps, set_iv/set_nonce/update..., are not
//     counted: their number depends on the chunks):
//
//       call                  E's description has   route (each counter once)
//       psa_mac_compute       mac_compute           mac_compute
//                             mac_multipart         mac_sign_setup, mac_sign_finish, mac_abort
//       psa_mac_verify        mac_verify            mac_verify
//                             mac_verify_multipart  mac_verify_setup, mac_verify_finish, mac_abort
//                             mac_compute           mac_compute (and a compare in the core)
//                             mac_multipart         mac_sign_setup, mac_sign_finish, mac_abort
//       multi-part sign       mac_multipart         mac_sign_setup, mac_sign_finish, mac_abort
//       multi-part verify     mac_verify_multipart  mac_verify_setup, mac_verify_finish, mac_abort
//                             mac_multipart         mac_sign_setup, mac_sign_finish, mac_abort
//       psa_cipher_encrypt    cipher_encrypt        cipher_encrypt
//       (decrypt likewise)    cipher_encrypt_multipart  cipher_encrypt_setup, cipher_finish, cipher_abort
//       multi-part cipher     cipher_*_multipart    cipher_*_setup, cipher_finish, cipher_abort
//       psa_aead_encrypt      aead_encrypt          aead_encrypt
//                             aead_encrypt_multipart  aead_encrypt_setup, aead_finish, aead_abort
//       psa_aead_decrypt      aead_decrypt          aead_decrypt
//                             aead_decrypt_multipart  aead_decrypt_setup, aead_verify, aead_abort
//       multi-part AEAD       aead_*_multipart      aead_*_setup, aead_finish / aead_verify, aead_abort
//
//     the first line of a call that the description allows is the route
//     (PSA Cryptoprocessor Driver Interface: single-part entry points first,
//     then the alternatives the core may use). The entry points of a
//     description are those of all its capabilities: the test descriptions
//     have one capability per family.
// The builtin driver has no counters: for it only the first rule applies.

#ifndef TESTS_VECTORS_SYMMETRIC_WITNESS_H_
#define TESTS_VECTORS_SYMMETRIC_WITNESS_H_

#include <stddef.h>

#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "psa/crypto.h"

namespace tests::vectors {

// The calls of the API the symmetric suites make, one operation each.
enum class SymmetricCall {
  kMacCompute,
  kMacVerify,
  kMacSignMultipart,
  kMacVerifyMultipart,
  kCipherEncrypt,
  kCipherDecrypt,
  kCipherEncryptMultipart,
  kCipherDecryptMultipart,
  kAeadEncrypt,
  kAeadDecrypt,
  kAeadEncryptMultipart,
  kAeadDecryptMultipart,
};

// "psa_aead_decrypt", "multi-part AEAD decryption", ...
const char* SymmetricCallName(SymmetricCall call);

// Whether `call` is a multi-part operation (setup, steps, finish).
bool IsMultipart(SymmetricCall call);

// The MAC, cipher and AEAD counters the test driver instances have, named
// as their fields in test_driver_counters_t and test_opaque_counters_t.
#define TESTS_VECTORS_SYMMETRIC_COUNTERS(X)                                                            \
  X(mac_compute) X(mac_verify) X(mac_sign_setup) X(mac_verify_setup) X(mac_update) X(mac_sign_finish)  \
  X(mac_verify_finish) X(mac_abort) X(cipher_encrypt) X(cipher_decrypt) X(cipher_encrypt_setup)        \
  X(cipher_decrypt_setup) X(cipher_set_iv) X(cipher_update) X(cipher_finish) X(cipher_abort)           \
  X(aead_encrypt) X(aead_decrypt) X(aead_encrypt_setup) X(aead_decrypt_setup) X(aead_set_nonce)        \
  X(aead_set_lengths) X(aead_update_ad) X(aead_update) X(aead_finish) X(aead_verify) X(aead_abort)

enum SymmetricCounter : size_t {
#define TESTS_VECTORS_COUNTER_ENUM(name) kCounter_##name,
  TESTS_VECTORS_SYMMETRIC_COUNTERS(TESTS_VECTORS_COUNTER_ENUM)
#undef TESTS_VECTORS_COUNTER_ENUM
  kSymmetricCounterCount
};

// "aead_decrypt_setup".
const char* SymmetricCounterName(SymmetricCounter counter);

// The values of the counters of one test driver instance.
using SymmetricHits = std::array<unsigned long, kSymmetricCounterCount>;

class ServingWitness {
 public:
  // The counters of every watched driver, in the order of their names.
  using Snapshot = std::vector<SymmetricHits>;

  // The witness of the drivers linked into this binary: every test driver
  // (a psa_driver named test_*) must have its description in the runfiles
  // (drivers/test/<name>.json, a data dependency of the suite). Drivers
  // without hit counters (builtin, and real drivers such as sha_x86) are
  // not watched: for them the dispatch's serving driver is the witness. On
  // failure returns false with *error saying which and why.
  static bool ForLinkedDrivers(ServingWitness* witness, std::string* error);

  // Watches the test driver `name` (its psa_driver target name), described
  // by the JSON text `description`: its "prefix" says which instance's hit
  // counters it has (test_a, test_b, test_opaque, test_opaque_static), its
  // capabilities' "entry_points" the routes. On failure returns false with
  // *error.
  bool AddDriver(const std::string& name, const std::string& description, std::string* error);

  // Whether `name` is a watched test driver.
  bool Watches(const std::string& name) const;

  // The counters of every watched driver now.
  Snapshot Take() const;

  // Checks what the counters moved between `before` and `after` over one
  // `call` that gave `status`, which the build expects `expected` to serve
  // (the rules above). Returns "" or what is wrong. Counts the route of
  // every checked call for Summary().
  std::string Check(SymmetricCall call, const std::string& expected, psa_status_t status,
                    const Snapshot& before, const Snapshot& after);

  // One line per call and route checked since the last ResetSummary(),
  // with its count: "    psa_aead_decrypt: test_a_multipart_only by
  // aead_decrypt_setup, aead_verify, aead_abort: 276"; "" if none.
  std::string Summary() const;
  void ResetSummary() { routes_.clear(); }

 private:
  struct Driver {
    std::string name;
    std::string prefix;
    std::set<std::string> entry_points;  // families expanded to their functions
  };

  std::vector<Driver> drivers_;  // sorted by name
  // Checked calls by (call, serving driver, route): the route's index in
  // the call's routes, -1 for a driver without counters.
  std::map<std::tuple<SymmetricCall, std::string, int>, size_t> routes_;
};

// ServingWitness::ForLinkedDrivers() of this binary, loaded once; on
// failure ThisBuildWitnessError() says why and the witness watches nothing.
// Not thread-safe (nor are the suites).
ServingWitness& ThisBuildWitness();
const std::string& ThisBuildWitnessError();

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_SYMMETRIC_WITNESS_H_
