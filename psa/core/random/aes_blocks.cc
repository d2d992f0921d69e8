#include "psa/core/random/aes_blocks.h"

#include "psa/core/dispatch.h"
#include "psa/core/wipe.h"

namespace psa::core {
namespace {

// A volatile, local AES-256 key for ECB encryption: what the capabilities of
// the drivers are matched against.
psa_key_attributes_t EcbKeyAttributes() {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
  psa_set_key_bits(&attributes, 8 * kAes256KeyLength);
  psa_set_key_algorithm(&attributes, PSA_ALG_ECB_NO_PADDING);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_ENCRYPT);
  return attributes;
}

}  // namespace

psa_status_t DispatchedAes256(const uint8_t* key, const uint8_t* input, uint8_t* output, size_t blocks) {
  static const psa_key_attributes_t attributes = EcbKeyAttributes();
  if (blocks == 0) return PSA_SUCCESS;
  const size_t length = blocks * kAesBlockLength;
  size_t output_length = 0;
  psa_status_t status = psa::dispatch::CipherEncrypt(&attributes, key, kAes256KeyLength, PSA_ALG_ECB_NO_PADDING,
                                                     /*iv=*/nullptr, 0, input, length, output, length,
                                                     &output_length);
  if (status == PSA_SUCCESS && output_length != length) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status != PSA_SUCCESS) SecureWipe(output, length);
  return status;
}

}  // namespace psa::core
