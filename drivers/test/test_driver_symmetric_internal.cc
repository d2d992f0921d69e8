// See test_driver_symmetric_internal.h.

#include "drivers/test/test_driver_symmetric_internal.h"

namespace drivers::test {

psa_status_t MacUpdateStep(unsigned long& counter, psa_status_t forced,
                           builtin_mac_operation_t* operation,
                           const uint8_t* input, size_t input_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    builtin_mac_abort(operation);
    return forced;
  }
  return builtin_mac_update(operation, input, input_length);
}

psa_status_t MacSignFinishStep(unsigned long& counter, psa_status_t forced,
                               builtin_mac_operation_t* operation,
                               uint8_t* mac, size_t mac_size,
                               size_t* mac_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    *mac_length = 0;
    builtin_mac_abort(operation);
    return forced;
  }
  return builtin_mac_sign_finish(operation, mac, mac_size, mac_length);
}

psa_status_t MacVerifyFinishStep(unsigned long& counter, psa_status_t forced,
                                 builtin_mac_operation_t* operation,
                                 const uint8_t* mac, size_t mac_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    builtin_mac_abort(operation);
    return forced;
  }
  return builtin_mac_verify_finish(operation, mac, mac_length);
}

psa_status_t MacAbortStep(unsigned long& counter, psa_status_t forced,
                          builtin_mac_operation_t* operation) {
  CountCall(counter);
  const psa_status_t status = builtin_mac_abort(operation);
  return forced != PSA_SUCCESS ? forced : status;
}

psa_status_t CipherSetIvStep(unsigned long& counter, psa_status_t forced,
                             builtin_cipher_operation_t* operation,
                             const uint8_t* iv, size_t iv_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    builtin_cipher_abort(operation);
    return forced;
  }
  return builtin_cipher_set_iv(operation, iv, iv_length);
}

psa_status_t CipherUpdateStep(unsigned long& counter, psa_status_t forced,
                              builtin_cipher_operation_t* operation,
                              const uint8_t* input, size_t input_length,
                              uint8_t* output, size_t output_size,
                              size_t* output_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    *output_length = 0;
    builtin_cipher_abort(operation);
    return forced;
  }
  return builtin_cipher_update(operation, input, input_length, output,
                               output_size, output_length);
}

psa_status_t CipherFinishStep(unsigned long& counter, psa_status_t forced,
                              builtin_cipher_operation_t* operation,
                              uint8_t* output, size_t output_size,
                              size_t* output_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    *output_length = 0;
    builtin_cipher_abort(operation);
    return forced;
  }
  return builtin_cipher_finish(operation, output, output_size, output_length);
}

psa_status_t CipherAbortStep(unsigned long& counter, psa_status_t forced,
                             builtin_cipher_operation_t* operation) {
  CountCall(counter);
  const psa_status_t status = builtin_cipher_abort(operation);
  return forced != PSA_SUCCESS ? forced : status;
}

psa_status_t AeadSetNonceStep(unsigned long& counter, psa_status_t forced,
                              builtin_aead_operation_t* operation,
                              const uint8_t* nonce, size_t nonce_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    builtin_aead_abort(operation);
    return forced;
  }
  return builtin_aead_set_nonce(operation, nonce, nonce_length);
}

psa_status_t AeadSetLengthsStep(unsigned long& counter, psa_status_t forced,
                                builtin_aead_operation_t* operation,
                                size_t ad_length, size_t plaintext_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    builtin_aead_abort(operation);
    return forced;
  }
  return builtin_aead_set_lengths(operation, ad_length, plaintext_length);
}

psa_status_t AeadUpdateAdStep(unsigned long& counter, psa_status_t forced,
                              builtin_aead_operation_t* operation,
                              const uint8_t* input, size_t input_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    builtin_aead_abort(operation);
    return forced;
  }
  return builtin_aead_update_ad(operation, input, input_length);
}

psa_status_t AeadUpdateStep(unsigned long& counter, psa_status_t forced,
                            builtin_aead_operation_t* operation,
                            const uint8_t* input, size_t input_length,
                            uint8_t* output, size_t output_size,
                            size_t* output_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    *output_length = 0;
    builtin_aead_abort(operation);
    return forced;
  }
  return builtin_aead_update(operation, input, input_length, output,
                             output_size, output_length);
}

psa_status_t AeadFinishStep(unsigned long& counter, psa_status_t forced,
                            builtin_aead_operation_t* operation,
                            uint8_t* ciphertext, size_t ciphertext_size,
                            size_t* ciphertext_length, uint8_t* tag,
                            size_t tag_size, size_t* tag_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    *ciphertext_length = 0;
    *tag_length = 0;
    builtin_aead_abort(operation);
    return forced;
  }
  return builtin_aead_finish(operation, ciphertext, ciphertext_size,
                             ciphertext_length, tag, tag_size, tag_length);
}

psa_status_t AeadVerifyStep(unsigned long& counter, psa_status_t forced,
                            builtin_aead_operation_t* operation,
                            uint8_t* plaintext, size_t plaintext_size,
                            size_t* plaintext_length, const uint8_t* tag,
                            size_t tag_length) {
  CountCall(counter);
  if (forced != PSA_SUCCESS) {
    *plaintext_length = 0;
    builtin_aead_abort(operation);
    return forced;
  }
  return builtin_aead_verify(operation, plaintext, plaintext_size,
                             plaintext_length, tag, tag_length);
}

psa_status_t AeadAbortStep(unsigned long& counter, psa_status_t forced,
                           builtin_aead_operation_t* operation) {
  CountCall(counter);
  const psa_status_t status = builtin_aead_abort(operation);
  return forced != PSA_SUCCESS ? forced : status;
}

}  // namespace drivers::test
