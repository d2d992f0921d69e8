// The sha_x86 driver's hash entry points (see sha_x86_hash.h) over digest.h.

#include "drivers/sha_x86/sha_x86_hash.h"

#include <cstring>

#include "drivers/sha_x86/code_path.h"
#include "drivers/sha_x86/digest.h"

namespace drivers::sha_x86 {
namespace {

// The core keeps driver hash contexts in the fixed storage of
// psa_hash_operation_t; the generated dispatch checks the same bound.
static_assert(sizeof(sha_x86_hash_operation_t) <= 512,
              "sha_x86_hash_operation_t exceeds the 512 bytes reserved for a "
              "driver hash context");
static_assert(alignof(sha_x86_hash_operation_t) <= 16,
              "sha_x86_hash_operation_t needs more than 16-byte alignment");

// The kind to compute `alg` with now, or kNotStarted if the driver declines
// it (unknown algorithm, or no SHA-NI on this CPU).
DigestKind ServableKind(psa_algorithm_t alg) {
  const DigestKind kind = DigestKindOf(alg);
  if (kind == DigestKind::kNotStarted) return kind;
  return ActiveCodePath() == CodePath::kShaNi ? kind : DigestKind::kNotStarted;
}

void WipeOperation(sha_x86_hash_operation_t* operation) {
  Wipe(operation, sizeof(*operation));
}

}  // namespace
}  // namespace drivers::sha_x86

using drivers::sha_x86::DigestFinish;
using drivers::sha_x86::DigestKind;
using drivers::sha_x86::DigestKindOf;
using drivers::sha_x86::DigestLength;
using drivers::sha_x86::DigestOneShot;
using drivers::sha_x86::DigestStart;
using drivers::sha_x86::DigestUpdate;
using drivers::sha_x86::kMaxDigestLength;
using drivers::sha_x86::ServableKind;
using drivers::sha_x86::Wipe;
using drivers::sha_x86::WipeOperation;

extern "C" {

psa_status_t sha_x86_hash_compute(psa_algorithm_t alg, const uint8_t* input,
                                  size_t input_length, uint8_t* hash,
                                  size_t hash_size, size_t* hash_length) {
  *hash_length = 0;
  const DigestKind kind = ServableKind(alg);
  if (kind == DigestKind::kNotStarted) return PSA_ERROR_NOT_SUPPORTED;
  const size_t length = DigestLength(kind);
  if (hash_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  // Into a local buffer first: `hash` may overlap `input`, and is written
  // only with the complete digest.
  uint8_t digest[kMaxDigestLength];
  DigestOneShot(kind, input, input_length, digest);
  std::memcpy(hash, digest, length);
  Wipe(digest, sizeof(digest));
  *hash_length = length;
  return PSA_SUCCESS;
}

psa_status_t sha_x86_hash_setup(sha_x86_hash_operation_t* operation,
                                psa_algorithm_t alg) {
  if (operation->alg != 0) return PSA_ERROR_BAD_STATE;
  const DigestKind kind = ServableKind(alg);
  if (kind == DigestKind::kNotStarted) return PSA_ERROR_NOT_SUPPORTED;
  DigestStart(&operation->state, kind);
  operation->alg = alg;
  return PSA_SUCCESS;
}

psa_status_t sha_x86_hash_update(sha_x86_hash_operation_t* operation,
                                 const uint8_t* input, size_t input_length) {
  if (DigestKindOf(operation->alg) == DigestKind::kNotStarted) {
    WipeOperation(operation);
    return PSA_ERROR_BAD_STATE;
  }
  DigestUpdate(&operation->state, input, input_length);
  return PSA_SUCCESS;
}

psa_status_t sha_x86_hash_finish(sha_x86_hash_operation_t* operation,
                                 uint8_t* hash, size_t hash_size,
                                 size_t* hash_length) {
  *hash_length = 0;
  const DigestKind kind = DigestKindOf(operation->alg);
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (kind != DigestKind::kNotStarted) {
    const size_t length = DigestLength(kind);
    if (hash_size < length) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
      uint8_t digest[kMaxDigestLength];
      DigestFinish(&operation->state, digest);
      std::memcpy(hash, digest, length);
      Wipe(digest, sizeof(digest));
      *hash_length = length;
      status = PSA_SUCCESS;
    }
  }
  WipeOperation(operation);
  return status;
}

psa_status_t sha_x86_hash_abort(sha_x86_hash_operation_t* operation) {
  WipeOperation(operation);
  return PSA_SUCCESS;
}

}  // extern "C"
