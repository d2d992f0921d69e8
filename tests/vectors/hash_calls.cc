#include "tests/vectors/hash_calls.h"

namespace tests::vectors {

psa_status_t ComputeHash(psa_algorithm_t alg, const std::vector<uint8_t>& message,
                         std::vector<uint8_t>* digest) {
  digest->clear();
  uint8_t out[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  const psa_status_t status = psa_hash_compute(alg, message.data(), message.size(),
                                               out, sizeof(out), &length);
  if (status == PSA_SUCCESS) {
    if (length > sizeof(out)) return PSA_ERROR_CORRUPTION_DETECTED;
    digest->assign(out, out + length);
  }
  return status;
}

psa_status_t ComputeHashInSegments(psa_algorithm_t alg,
                                   const std::vector<uint8_t>& message,
                                   const std::vector<size_t>& segment_lengths,
                                   std::vector<uint8_t>* digest) {
  digest->clear();
  size_t total = 0;
  for (size_t length : segment_lengths) {
    if (length > message.size() - total) return PSA_ERROR_INVALID_ARGUMENT;
    total += length;
  }
  if (total != message.size()) return PSA_ERROR_INVALID_ARGUMENT;

  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  psa_status_t status = psa_hash_setup(&operation, alg);
  size_t offset = 0;
  for (size_t i = 0; status == PSA_SUCCESS && i < segment_lengths.size(); ++i) {
    const size_t length = segment_lengths[i];
    const uint8_t* input = length == 0 ? nullptr : message.data() + offset;
    status = psa_hash_update(&operation, input, length);
    offset += length;
  }
  uint8_t out[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  if (status == PSA_SUCCESS) {
    status = psa_hash_finish(&operation, out, sizeof(out), &length);
  }
  psa_hash_abort(&operation);
  if (status == PSA_SUCCESS) {
    if (length > sizeof(out)) return PSA_ERROR_CORRUPTION_DETECTED;
    digest->assign(out, out + length);
  }
  return status;
}

std::vector<size_t> Chunks(size_t total, size_t chunk) {
  std::vector<size_t> lengths;
  for (size_t offset = 0; offset < total; offset += chunk) {
    lengths.push_back(total - offset < chunk ? total - offset : chunk);
  }
  return lengths;
}

}  // namespace tests::vectors
