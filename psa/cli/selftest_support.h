// What the self-test families share: byte strings from hex or text,
// volatile keys destroyed with their scope, the serving driver's name and
// the recording of a failed step.

#ifndef PSA_CLI_SELFTEST_SUPPORT_H_
#define PSA_CLI_SELFTEST_SUPPORT_H_

#include <stdint.h>

#include <string>
#include <vector>

#include "psa/cli/selftest.h"
#include "psa/crypto.h"

namespace psa::cli {

using Bytes = std::vector<uint8_t>;

Bytes FromHex(const char* hex);
Bytes FromText(const char* text);

// The name of the driver that served the last dispatched call, "-" if none.
std::string LastDriver();

// A volatile key, destroyed at the end of the scope.
class Key {
 public:
  Key(psa_key_type_t type, psa_key_usage_t usage, psa_algorithm_t alg, const Bytes& material);
  // A generated key of `bits`.
  Key(psa_key_type_t type, size_t bits, psa_key_usage_t usage, psa_algorithm_t alg);
  ~Key();
  Key(const Key&) = delete;
  Key& operator=(const Key&) = delete;
  psa_status_t status() const { return status_; }
  psa_key_id_t id() const { return id_; }

 private:
  psa_status_t status_;
  psa_key_id_t id_ = PSA_KEY_ID_NULL;
};

// Records in `result` that `step` failed with `status`; false then, so that
// the self-test stops.
bool Check(SelftestResult* result, const char* step, psa_status_t status);
// Records that `what` differs from the known answer; false then.
bool CheckEqual(SelftestResult* result, const char* what, const Bytes& actual, const Bytes& expected);

}  // namespace psa::cli

#endif  // PSA_CLI_SELFTEST_SUPPORT_H_
