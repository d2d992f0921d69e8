// A bounded cache of parsed OpenSSL keys, so that a key used again skips
// OpenSSL's per-call key parsing (DER decoding of RSA keys, the public point
// of an ECC key pair): the dominant cost of ECDSA and RSA signing through a
// PSA key buffer.
//
// Entries are keyed on the key type, the key size and the SHA-256 digest of
// the key buffer (never the buffer itself), so a key destroyed and another
// imported at the same address is a different entry; a buffer that does not
// parse is never cached. At most `capacity` entries: the least recently used
// goes first. An evicted entry's digest is wiped and its key reference
// dropped (OpenSSL clears the private parts when the last reference goes:
// a caller still using it keeps its own reference). Thread-safe; parsing
// happens outside the lock.

#ifndef DRIVERS_OPENSSL_OPENSSL_KEY_CACHE_H_
#define DRIVERS_OPENSSL_OPENSSL_KEY_CACHE_H_

#include <stddef.h>
#include <stdint.h>

#include <mutex>
#include <vector>

#include "drivers/openssl/openssl_pkey.h"
#include "psa/crypto_driver_common.h"

namespace drivers::openssl {

class KeyCache {
 public:
  static constexpr size_t kDefaultCapacity = 32;

  explicit KeyCache(size_t capacity);
  ~KeyCache();
  KeyCache(const KeyCache&) = delete;
  KeyCache& operator=(const KeyCache&) = delete;

  // The process-wide cache of the driver's entry points.
  static KeyCache& Global();

  // Sets *key to a reference to the parsed key of the buffer, from the cache
  // or parsed now (ParseKey) and cached. Statuses as ParseKey.
  psa_status_t Acquire(psa_key_type_t type, size_t bits, const uint8_t* key_buffer, size_t key_buffer_size,
                       Pkey* key);

  // Drops every entry (wiped as on eviction).
  void Clear();

  size_t size() const;
  size_t capacity() const { return capacity_; }
  uint64_t hits() const;
  uint64_t misses() const;

 private:
  struct Entry {
    psa_key_type_t type;
    size_t bits;
    uint8_t digest[32];
    EVP_PKEY* key;  // one reference owned by the cache
    uint64_t last_used;
  };
  // Wipes the entry's digest and drops its reference.
  static void Release(Entry* entry);

  const size_t capacity_;
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;  // guarded by mutex_
  uint64_t clock_ = 0;          // guarded by mutex_
  uint64_t hits_ = 0;           // guarded by mutex_
  uint64_t misses_ = 0;         // guarded by mutex_
};

// KeyCache::Global().Acquire(...): the entry points' way to their keys.
psa_status_t AcquireKey(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                        Pkey* key);

}  // namespace drivers::openssl

#endif  // DRIVERS_OPENSSL_OPENSSL_KEY_CACHE_H_
