// SPAKE2+ key import and public key export (see builtin_spake2p_key.h).

#include "drivers/builtin/builtin_spake2p_key.h"

#include <string.h>

#include "drivers/builtin/pake/ecp_util.h"

namespace drivers::builtin {
namespace {

using pake::kPointSize;
using pake::kScalarSize;

constexpr size_t kPairLength = 2 * kScalarSize;
constexpr size_t kPublicLength = kScalarSize + kPointSize;

bool IsP256(psa_key_type_t type) { return PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(type) == PSA_ECC_FAMILY_SECP_R1; }

// Checks a key of `type` in its export format; for a key pair, writes L.
psa_status_t CheckKey(psa_key_type_t type, const uint8_t* data, size_t length, uint8_t l[kPointSize]) {
  const bool pair = PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type);
  if (length != (pair ? kPairLength : kPublicLength)) return PSA_ERROR_INVALID_ARGUMENT;
  pake::P256 group;
  pake::Mpi w0, w1;
  pake::Point point;
  psa_status_t status = group.Load();
  if (status == PSA_SUCCESS) status = pake::ReadScalar(group, data, kScalarSize, &w0);
  if (status != PSA_SUCCESS || !pair) {
    return status == PSA_SUCCESS ? pake::ReadPoint(group, data + kScalarSize, kPointSize, &point) : status;
  }
  status = pake::ReadScalar(group, data + kScalarSize, kScalarSize, &w1);
  if (status == PSA_SUCCESS && l != nullptr) status = pake::MultiplyGenerator(group, &point, w1);
  if (status == PSA_SUCCESS && l != nullptr) status = pake::WritePoint(group, point, l);
  return status;
}

}  // namespace

psa_status_t Spake2pImportKey(psa_key_type_t type, const uint8_t* data, size_t data_length, uint8_t* key_buffer,
                              size_t key_buffer_size, size_t* key_buffer_length, size_t* bits) {
  *key_buffer_length = 0;
  if (!PSA_KEY_TYPE_IS_SPAKE2P(type) || !IsP256(type)) return PSA_ERROR_NOT_SUPPORTED;
  if (*bits != 0 && *bits != 256) return *bits % 8 == 0 ? PSA_ERROR_NOT_SUPPORTED : PSA_ERROR_INVALID_ARGUMENT;
  if (data == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  const psa_status_t status = CheckKey(type, data, data_length, nullptr);
  if (status != PSA_SUCCESS) return status;
  if (key_buffer_size < data_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  memcpy(key_buffer, data, data_length);
  *key_buffer_length = data_length;
  *bits = 256;
  return PSA_SUCCESS;
}

psa_status_t Spake2pExportPublicKey(psa_key_type_t type, size_t bits, const uint8_t* key_buffer,
                                    size_t key_buffer_size, uint8_t* data, size_t data_size, size_t* data_length) {
  *data_length = 0;
  if (!PSA_KEY_TYPE_IS_SPAKE2P(type) || !IsP256(type) || bits != 256) return PSA_ERROR_NOT_SUPPORTED;
  if (key_buffer == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  uint8_t l[kPointSize];
  const psa_status_t status = CheckKey(type, key_buffer, key_buffer_size, l);
  if (status != PSA_SUCCESS) return status;
  if (data_size < kPublicLength) return PSA_ERROR_BUFFER_TOO_SMALL;
  memcpy(data, key_buffer, kScalarSize);
  memcpy(data + kScalarSize, PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type) ? l : key_buffer + kScalarSize, kPointSize);
  *data_length = kPublicLength;
  return PSA_SUCCESS;
}

}  // namespace drivers::builtin
