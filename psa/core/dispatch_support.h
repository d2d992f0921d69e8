// Helpers for the generated dispatch (rules/drivergen): typed access to the
// driver context inside an operation object, wiping, and single-part hashing
// through a driver's multi-part entry points.

#ifndef PSA_CORE_DISPATCH_SUPPORT_H_
#define PSA_CORE_DISPATCH_SUPPORT_H_

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "psa/crypto.h"

namespace psa::dispatch::support {

// Overwrites `size` bytes at `p` in a way the compiler cannot elide.
inline void Wipe(void* p, size_t size) {
  if (size != 0) explicit_bzero(p, size);
}

// The driver context of type `T` held by an operation object.
template <typename T, typename Operation>
T* Context(Operation* operation) {
  static_assert(sizeof(T) <= sizeof(operation->ctx), "driver context does not fit in the operation object");
  static_assert(alignof(T) <= alignof(decltype(operation->ctx)), "driver context needs more alignment");
  return reinterpret_cast<T*>(&operation->ctx);
}

// psa_hash_compute through a driver that has "hash_multipart" but no
// "hash_compute", as the driver interface asks of the core. The context
// lives on the stack and is wiped before returning.
template <typename T>
psa_status_t HashComputeByParts(psa_status_t (*setup)(T*, psa_algorithm_t),
                                psa_status_t (*update)(T*, const uint8_t*, size_t),
                                psa_status_t (*finish)(T*, uint8_t*, size_t, size_t*),
                                psa_status_t (*abort)(T*), psa_algorithm_t alg, const uint8_t* input,
                                size_t input_length, uint8_t* hash, size_t hash_size, size_t* hash_length) {
  T context;
  memset(&context, 0, sizeof(context));
  psa_status_t status = setup(&context, alg);
  if (status == PSA_SUCCESS) {
    status = update(&context, input, input_length);
    if (status == PSA_SUCCESS) status = finish(&context, hash, hash_size, hash_length);
    psa_status_t abort_status = abort(&context);
    if (status == PSA_SUCCESS) status = abort_status;
  }
  Wipe(&context, sizeof(context));
  return status;
}

}  // namespace psa::dispatch::support

#endif  // PSA_CORE_DISPATCH_SUPPORT_H_
