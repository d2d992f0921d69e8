// What the SPAKE2+ benchmark and its agreement check share: the exchange
// measured (PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256) on P-256, RFC 9383's
// registration values w0 and w1, identities "client" and "server" and its
// test-vector context), one whole exchange with this project's PSA API, and
// the checks against the baseline.
//
// Mbed TLS 2.28 has no SPAKE2+ (and no PAKE in its PSA API): the baseline is
// the protocol written directly over Mbed TLS 2.28's ECP, SHA-256, HKDF and
// HMAC modules (third_party/mbedtls228/baseline_spake2p.c), the same point
// multiplications and hashes as the builtin driver's SPAKE2+, without a PSA
// layer, key store or operation objects. The ratio therefore includes the
// cost of the PSA API around the protocol (two operations, their inputs, two
// shared-secret keys created and destroyed), which the baseline does not
// pay.

#ifndef BENCHMARKS_PAKE_SUPPORT_H_
#define BENCHMARKS_PAKE_SUPPORT_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {

// The row's mechanism name and the shared secret's length (its <bytes>).
inline constexpr char kSpake2pName[] = "spake2p_p256_sha256";
inline constexpr size_t kSpake2pSharedSize = 32;

// The prover's SPAKE2+ key pair (w0 || w1) and the verifier's public key
// (w0 || L, from psa_export_public_key of the pair) in this project's key
// store, destroyed with the object.
class Spake2pKeys {
 public:
  Spake2pKeys();
  ~Spake2pKeys();
  Spake2pKeys(const Spake2pKeys&) = delete;
  Spake2pKeys& operator=(const Spake2pKeys&) = delete;

  psa_status_t status() const { return status_; }
  psa_key_id_t prover() const { return prover_; }
  psa_key_id_t verifier() const { return verifier_; }
  // w0 || L as exported.
  const std::vector<uint8_t>& public_key() const { return public_key_; }

 private:
  psa_status_t status_ = PSA_ERROR_GENERIC_ERROR;
  psa_key_id_t prover_ = 0;
  psa_key_id_t verifier_ = 0;
  std::vector<uint8_t> public_key_;
};

// The same exchange's parameters for the baseline (L from
// baseline_spake2p_register). *status is its status.
baseline_spake2p_t BaselineSpake2p(int32_t* status);

// One whole exchange with this project's PSA API: both operations set up
// (role, user, peer, context), the four steps each in RFC 9383's order, and
// both shared secrets taken as keys (PSA_KEY_TYPE_DERIVE) and destroyed.
// If `shared_p` and `shared_v` are not null, the keys are exported into
// them first (kSpake2pSharedSize bytes each). Aborts both operations on
// failure.
psa_status_t OurSpake2pExchange(const Spake2pKeys& keys, uint8_t* shared_p, uint8_t* shared_v);

// Whether the baseline is SPAKE2+ and speaks it with this project: its
// exchange with RFC 9383's x and y gives the RFC's shares, confirmations
// and K_shared; our exported L equals its registration's; our prover
// completes an exchange with its verifier and ours with its prover, each
// side accepting the other's confirmation with the same K_shared; our own
// exchange agrees on K_shared. "" if so, else what differs.
std::string CheckSpake2pAgreement();

}  // namespace psa_benchmarks

#endif  // BENCHMARKS_PAKE_SUPPORT_H_
