// The builtin driver's key-management entry points (see
// builtin_key_management.h): route ECC and RSA key types to builtin_ecc.cc
// and builtin_rsa.cc, and fail closed (outputs wiped, lengths 0) whatever
// the path.

#include "drivers/builtin/builtin_key_management.h"

#include "drivers/builtin/builtin_ecc.h"
#include "drivers/builtin/builtin_rsa.h"
#include "drivers/builtin/builtin_spake2p_key.h"
#include "mbedtls/platform_util.h"

namespace drivers::builtin {
namespace {

// Wipes `buffer` (key material or partial output) unless it is empty.
void Wipe(uint8_t* buffer, size_t size) {
  if (buffer != nullptr && size != 0) mbedtls_platform_zeroize(buffer, size);
}

}  // namespace
}  // namespace drivers::builtin

using drivers::builtin::EccExportPublicKey;
using drivers::builtin::EccGenerateKey;
using drivers::builtin::EccImportKey;
using drivers::builtin::RsaExportPublicKey;
using drivers::builtin::RsaGenerateKey;
using drivers::builtin::RsaImportKey;
using drivers::builtin::Wipe;

extern "C" psa_status_t builtin_import_key(
    const psa_key_attributes_t* attributes, const uint8_t* data,
    size_t data_length, uint8_t* key_buffer, size_t key_buffer_size,
    size_t* key_buffer_length, size_t* bits) {
  if (attributes == nullptr || key_buffer_length == nullptr ||
      bits == nullptr || (data == nullptr && data_length != 0)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  *key_buffer_length = 0;
  const psa_key_type_t type = psa_get_key_type(attributes);
  size_t key_bits = *bits;
  size_t length = 0;
  psa_status_t status = PSA_ERROR_NOT_SUPPORTED;
  if (PSA_KEY_TYPE_IS_ECC(type)) {
    status = EccImportKey(type, data, data_length, key_buffer, key_buffer_size,
                          &length, &key_bits);
  } else if (PSA_KEY_TYPE_IS_RSA(type)) {
    status = RsaImportKey(type, data, data_length, key_buffer, key_buffer_size,
                          &length, &key_bits);
  } else if (PSA_KEY_TYPE_IS_SPAKE2P(type)) {
    status = drivers::builtin::Spake2pImportKey(type, data, data_length, key_buffer,
                                                key_buffer_size, &length, &key_bits);
  }
  if (status != PSA_SUCCESS) {
    Wipe(key_buffer, key_buffer_size);
    return status;
  }
  *key_buffer_length = length;
  *bits = key_bits;
  return PSA_SUCCESS;
}

extern "C" psa_status_t builtin_generate_key(
    const psa_key_attributes_t* attributes, uint8_t* key_buffer,
    size_t key_buffer_size, size_t* key_buffer_length) {
  if (attributes == nullptr || key_buffer_length == nullptr) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  *key_buffer_length = 0;
  const psa_key_type_t type = psa_get_key_type(attributes);
  const size_t bits = psa_get_key_bits(attributes);
  size_t length = 0;
  psa_status_t status = PSA_ERROR_NOT_SUPPORTED;
  if (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)) {
    status = EccGenerateKey(type, bits, key_buffer, key_buffer_size, &length);
  } else if (type == PSA_KEY_TYPE_RSA_KEY_PAIR) {
    status = RsaGenerateKey(type, bits, key_buffer, key_buffer_size, &length);
  }
  if (status != PSA_SUCCESS) {
    Wipe(key_buffer, key_buffer_size);
    return status;
  }
  *key_buffer_length = length;
  return PSA_SUCCESS;
}

extern "C" psa_status_t builtin_export_public_key(
    const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
    size_t key_buffer_size, uint8_t* data, size_t data_size,
    size_t* data_length) {
  if (attributes == nullptr || data_length == nullptr ||
      (key_buffer == nullptr && key_buffer_size != 0)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  *data_length = 0;
  const psa_key_type_t type = psa_get_key_type(attributes);
  const size_t bits = psa_get_key_bits(attributes);
  size_t length = 0;
  psa_status_t status = PSA_ERROR_NOT_SUPPORTED;
  if (PSA_KEY_TYPE_IS_ECC(type)) {
    status = EccExportPublicKey(type, bits, key_buffer, key_buffer_size, data,
                                data_size, &length);
  } else if (PSA_KEY_TYPE_IS_RSA(type)) {
    status = RsaExportPublicKey(type, bits, key_buffer, key_buffer_size, data,
                                data_size, &length);
  } else if (PSA_KEY_TYPE_IS_SPAKE2P(type)) {
    status = drivers::builtin::Spake2pExportPublicKey(
        type, bits, key_buffer, key_buffer_size, data, data_size, &length);
  }
  if (status != PSA_SUCCESS) {
    Wipe(data, data_size);
    return status;
  }
  *data_length = length;
  return PSA_SUCCESS;
}
