// Edwards key import, generation and public key export (see
// openssl_key_management.h).

#include "drivers/openssl/openssl_key_management.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "drivers/openssl/openssl_pkey.h"
#include "drivers/openssl/openssl_status.h"
#include "psa/crypto.h"

namespace drivers::openssl {
namespace {

bool IsEdwards(psa_key_type_t type) {
  return PSA_KEY_TYPE_IS_ECC(type) && PSA_KEY_TYPE_ECC_GET_FAMILY(type) == PSA_ECC_FAMILY_TWISTED_EDWARDS;
}

// The key size of an Edwards key of `length` bytes, 0 if none.
size_t BitsOfLength(size_t length) { return length == 32 ? 255 : length == 57 ? 448 : 0; }

}  // namespace
}  // namespace drivers::openssl

extern "C" {

psa_status_t openssl_import_key(const psa_key_attributes_t* attributes, const uint8_t* data, size_t data_length,
                                uint8_t* key_buffer, size_t key_buffer_size, size_t* key_buffer_length,
                                size_t* bits) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  *key_buffer_length = 0;
  const psa_key_type_t type = psa_get_key_type(attributes);
  if (!IsEdwards(type)) return PSA_ERROR_NOT_SUPPORTED;
  if (*bits != 0 && *bits != 255 && *bits != 448) return PSA_ERROR_NOT_SUPPORTED;
  const size_t size = BitsOfLength(data_length);
  if (size == 0 || (*bits != 0 && *bits != size)) return PSA_ERROR_INVALID_ARGUMENT;
  if (key_buffer_size < data_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  memcpy(key_buffer, data, data_length);
  *key_buffer_length = data_length;
  *bits = size;
  return PSA_SUCCESS;
}

psa_status_t openssl_generate_key(const psa_key_attributes_t* attributes, uint8_t* key_buffer,
                                  size_t key_buffer_size, size_t* key_buffer_length) {
  using namespace drivers::openssl;
  *key_buffer_length = 0;
  const psa_key_type_t type = psa_get_key_type(attributes);
  if (!IsEdwards(type) || !PSA_KEY_TYPE_IS_KEY_PAIR(type)) return PSA_ERROR_NOT_SUPPORTED;
  const size_t length = RawKeyLength(PSA_ECC_FAMILY_TWISTED_EDWARDS, psa_get_key_bits(attributes));
  if (length == 0) return PSA_ERROR_NOT_SUPPORTED;
  if (key_buffer_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  // An RFC 8032 private key is a uniformly random string.
  const psa_status_t status = psa_generate_random(key_buffer, length);
  if (status != PSA_SUCCESS) {
    OPENSSL_cleanse(key_buffer, key_buffer_size);
    return status;
  }
  *key_buffer_length = length;
  return PSA_SUCCESS;
}

psa_status_t openssl_export_public_key(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                       size_t key_buffer_size, uint8_t* data, size_t data_size,
                                       size_t* data_length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  *data_length = 0;
  const psa_key_type_t type = psa_get_key_type(attributes);
  if (!IsEdwards(type)) return PSA_ERROR_NOT_SUPPORTED;
  const size_t bits = psa_get_key_bits(attributes);
  const size_t length = RawKeyLength(PSA_ECC_FAMILY_TWISTED_EDWARDS, bits);
  if (length == 0) return PSA_ERROR_NOT_SUPPORTED;
  if (key_buffer_size != length) return PSA_ERROR_INVALID_ARGUMENT;
  if (data_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  if (!PSA_KEY_TYPE_IS_KEY_PAIR(type)) {
    memcpy(data, key_buffer, length);
    *data_length = length;
    return PSA_SUCCESS;
  }
  Pkey key;
  psa_status_t status = ParseKey(type, bits, key_buffer, key_buffer_size, &key);
  if (status != PSA_SUCCESS) return status;
  size_t written = data_size;
  if (EVP_PKEY_get_raw_public_key(key.get(), data, &written) != 1 || written != length) {
    OPENSSL_cleanse(data, data_size);
    return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  }
  *data_length = written;
  return PSA_SUCCESS;
}

}  // extern "C"
