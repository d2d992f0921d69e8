// Hashing through the PSA API in the ways the suites of this folder need:
// single-part, and multi-part with any split of the message into updates.

#ifndef TESTS_VECTORS_HASH_CALLS_H_
#define TESTS_VECTORS_HASH_CALLS_H_

#include <stddef.h>
#include <stdint.h>

#include <vector>

#include "psa/crypto.h"

namespace tests::vectors {

// psa_hash_compute; the digest goes to *digest on success (cleared on
// failure).
psa_status_t ComputeHash(psa_algorithm_t alg, const std::vector<uint8_t>& message,
                         std::vector<uint8_t>* digest);

// psa_hash_setup, one psa_hash_update per entry of `segment_lengths` (which
// must add up to message.size(); a zero length is an update of nothing, given
// a null input pointer), psa_hash_finish. The operation is aborted on any
// failure. PSA_ERROR_INVALID_ARGUMENT, without a call, if the lengths do not
// add up.
psa_status_t ComputeHashInSegments(psa_algorithm_t alg,
                                   const std::vector<uint8_t>& message,
                                   const std::vector<size_t>& segment_lengths,
                                   std::vector<uint8_t>* digest);

// Lengths of the segments of a `total`-byte message cut every `chunk` bytes
// (chunk > 0); the last one may be shorter. No segments for total == 0.
std::vector<size_t> Chunks(size_t total, size_t chunk);

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_HASH_CALLS_H_
