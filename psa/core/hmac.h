// HMAC (RFC 2104) computed by the core over the dispatched hash entry points,
// so that it runs on whichever driver serves the hash. The core uses it for
// its own needs (PBKDF2-HMAC); it is not the
// psa_mac_* API.

#ifndef PSA_CORE_HMAC_H_
#define PSA_CORE_HMAC_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"

namespace psa::core {

// One multi-part HMAC computation. Not thread-safe; not copyable (it holds
// key-dependent hash states, wiped on Abort, on Finish and on destruction).
class Hmac {
 public:
  Hmac() = default;
  ~Hmac() { Abort(); }
  Hmac(const Hmac&) = delete;
  Hmac& operator=(const Hmac&) = delete;

  // Starts HMAC with `hash_alg` keyed with key[0..key_length). Returns
  // PSA_ERROR_BAD_STATE if a computation is already active,
  // PSA_ERROR_INVALID_ARGUMENT if `hash_alg` is not a hash algorithm,
  // PSA_ERROR_NOT_SUPPORTED if its lengths are unknown to this build or no
  // driver serves it, or a driver's status. On failure the object is inactive.
  psa_status_t Setup(psa_algorithm_t hash_alg, const uint8_t* key,
                     size_t key_length);

  // Adds data[0..length) to the message. PSA_ERROR_BAD_STATE if inactive. On
  // failure the computation is aborted.
  psa_status_t Update(const uint8_t* data, size_t length);

  // Writes the MAC (mac_length() bytes) to mac[0..mac_size) and sets
  // *written. PSA_ERROR_BUFFER_TOO_SMALL if mac_size < mac_length(). The
  // computation ends, successful or not; on failure `mac` is wiped and
  // *written is 0.
  psa_status_t Finish(uint8_t* mac, size_t mac_size, size_t* written);

  // Ends the computation and wipes its state. Safe on an inactive object.
  void Abort();

  bool active() const { return active_; }
  // Length of the MAC of the active computation (0 if inactive).
  size_t mac_length() const { return mac_length_; }

 private:
  friend class HmacKey;

  // inner_ has absorbed (K ^ ipad) and the message so far, outer_ has
  // absorbed (K ^ opad). Key-derived, hence secret.
  psa_hash_operation_t inner_{};
  psa_hash_operation_t outer_{};
  size_t mac_length_ = 0;
  bool active_ = false;
};

// An HMAC key processed once for many MACs: the hash states that have
// absorbed K0 ^ ipad and K0 ^ opad. Each MAC starts from byte copies of
// them (hash operation contexts are byte-copyable: driver interface,
// "hash_multipart"), so it costs its message and the final compressions,
// not the key hashing and the two pad compressions again. For PBKDF2, which
// computes thousands of MACs with one key. Not thread-safe (Start only
// reads); not copyable; the states are wiped on Clear and on destruction.
class HmacKey {
 public:
  HmacKey() = default;
  ~HmacKey() { Clear(); }
  HmacKey(const HmacKey&) = delete;
  HmacKey& operator=(const HmacKey&) = delete;

  // Keys HMAC with `hash_alg` and key[0..key_length), with the statuses of
  // Hmac::Setup (PSA_ERROR_BAD_STATE if already keyed). On failure the
  // object is not keyed.
  psa_status_t Setup(psa_algorithm_t hash_alg, const uint8_t* key,
                     size_t key_length);

  // Starts the inactive `hmac` as hmac->Setup() with this key would.
  // PSA_ERROR_BAD_STATE if this object is not keyed or `hmac` is active.
  psa_status_t Start(Hmac* hmac) const;

  // Wipes the states; the object can be keyed again.
  void Clear();

  // Length of the MACs (0 if not keyed).
  size_t mac_length() const { return mac_length_; }

 private:
  psa_hash_operation_t inner_{};
  psa_hash_operation_t outer_{};
  size_t mac_length_ = 0;
};

// Single-part HMAC: Setup, Update, Finish.
psa_status_t HmacCompute(psa_algorithm_t hash_alg, const uint8_t* key,
                         size_t key_length, const uint8_t* data,
                         size_t data_length, uint8_t* mac, size_t mac_size,
                         size_t* mac_length);

}  // namespace psa::core

#endif  // PSA_CORE_HMAC_H_
