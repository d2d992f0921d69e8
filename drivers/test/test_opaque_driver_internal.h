// What the opaque test driver's families share (test_opaque_driver.cc for
// key management, MAC, cipher and AEAD; test_opaque_driver_asymmetric.cc
// for signatures, asymmetric encryption and key agreement): the plain key
// of a wrapped context, and the preamble of every entry point that uses
// one (count the call, apply the hooks, check out and unwrap the context).

#ifndef DRIVERS_TEST_TEST_OPAQUE_DRIVER_INTERNAL_H_
#define DRIVERS_TEST_TEST_OPAQUE_DRIVER_INTERNAL_H_

#include <stddef.h>
#include <stdint.h>

#include <memory>

#include "drivers/test/test_opaque_driver.h"
#include "psa/crypto_driver_common.h"

namespace drivers::test {

// The plain key of a context that checks out, in memory of its own, wiped
// on destruction, with the key's attributes moved to local storage: what
// the builtin driver's functions take.
class PlainKey {
 public:
  PlainKey() = default;
  ~PlainKey();
  PlainKey(const PlainKey&) = delete;
  PlainKey& operator=(const PlainKey&) = delete;

  // Checks the context of instance `prefix` out and unwraps it:
  // PSA_SUCCESS, DATA_CORRUPT, INSUFFICIENT_MEMORY.
  psa_status_t Open(const char* prefix, const psa_key_attributes_t* attributes,
                    const uint8_t* context, size_t context_size);

  // Open() with the key type and bits read from the context's own header
  // (which its check value covers), for an entry point that gets a context
  // without its attributes (the secret of key_derivation_setup's inputs).
  psa_status_t OpenContext(const char* prefix, const uint8_t* context,
                           size_t context_size);

  const psa_key_attributes_t* attributes() const { return &attributes_; }
  const uint8_t* data() const { return data_.get(); }
  size_t size() const { return length_; }

 private:
  std::unique_ptr<uint8_t[]> data_;
  size_t length_ = 0;
  psa_key_attributes_t attributes_ = psa_key_attributes_init();
};

// The preamble of an entry point that takes a key, counted in `counter`:
// returns `forced` if set, else NOT_SUPPORTED for the declined key type or
// algorithm, else opens *key (PlainKey::Open's status).
psa_status_t OpenKeyForEntryPoint(const char* prefix,
                                  test_opaque_hooks_t& hooks,
                                  unsigned long& counter, psa_status_t forced,
                                  const psa_key_attributes_t* attributes,
                                  const uint8_t* key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg,
                                  PlainKey* key);

// An entry point that takes a key: OpenKeyForEntryPoint, then what `call`
// (the builtin driver's function, given the PlainKey) returns. A setup that
// fails before `call` leaves the operation untouched.
template <typename Call>
psa_status_t WithPlainKey(const char* prefix, test_opaque_hooks_t& hooks,
                          unsigned long& counter, psa_status_t forced,
                          const psa_key_attributes_t* attributes,
                          const uint8_t* key_buffer, size_t key_buffer_size,
                          psa_algorithm_t alg, Call call) {
  PlainKey key;
  const psa_status_t status =
      OpenKeyForEntryPoint(prefix, hooks, counter, forced, attributes,
                           key_buffer, key_buffer_size, alg, &key);
  if (status != PSA_SUCCESS) return status;
  return call(key);
}

}  // namespace drivers::test

#endif  // DRIVERS_TEST_TEST_OPAQUE_DRIVER_INTERNAL_H_
