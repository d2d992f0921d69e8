// Asymmetric test keys in the PSA export formats, generated once by
// testdata/gen_keys.py (OpenSSL keys, two Wycheproof keys): for each, the
// key pair's export format and the public key's, computed by OpenSSL, so
// that psa_export_public_key() can be checked against an independent
// implementation.

#ifndef TESTS_KEYS_KEY_VECTORS_H_
#define TESTS_KEYS_KEY_VECTORS_H_

#include <stddef.h>

#include <cstring>

#include "psa/crypto.h"

namespace psa::keys_testing {

struct AsymmetricKeyVector {
  const char* name;             // the curve or key name OpenSSL uses
  psa_key_type_t pair_type;
  psa_key_type_t public_type;
  size_t bits;                  // PSA key size
  const char* pair_hex;         // "" for a public key only
  const char* public_hex;
};

inline const AsymmetricKeyVector kAsymmetricKeys[] = {
#include "tests/keys/testdata/keys.inc"
};

// The vector called `name`; traps if there is none (a typo in a test).
inline const AsymmetricKeyVector& KeyVector(const char* name) {
  for (const AsymmetricKeyVector& v : kAsymmetricKeys) {
    if (std::strcmp(v.name, name) == 0) return v;
  }
  __builtin_trap();
}

}  // namespace psa::keys_testing

#endif  // TESTS_KEYS_KEY_VECTORS_H_
