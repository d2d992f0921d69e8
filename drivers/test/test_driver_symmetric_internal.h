// The functions of MAC, cipher and AEAD operations already set up, which
// the transparent (test_driver.cc) and the opaque (test_opaque_driver.cc)
// test drivers share: each counts the call in `counter`, then either
// returns `forced` (when it is not PSA_SUCCESS) after wiping the operation
// and setting its output lengths to 0, as a real failure would, or calls
// the builtin driver's function. The setups and single-part entry points,
// which differ in how they get the key, are in each driver.

#ifndef DRIVERS_TEST_TEST_DRIVER_SYMMETRIC_INTERNAL_H_
#define DRIVERS_TEST_TEST_DRIVER_SYMMETRIC_INTERNAL_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/builtin/builtin_aead.h"
#include "drivers/builtin/builtin_cipher.h"
#include "drivers/builtin/builtin_mac.h"
#include "psa/crypto_driver_common.h"

namespace drivers::test {

// Counts one call. Atomic so that a core running operations on several
// threads does not race on the counters.
inline void CountCall(unsigned long& counter) {
  __atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED);
}

psa_status_t MacUpdateStep(unsigned long& counter, psa_status_t forced,
                           builtin_mac_operation_t* operation,
                           const uint8_t* input, size_t input_length);
psa_status_t MacSignFinishStep(unsigned long& counter, psa_status_t forced,
                               builtin_mac_operation_t* operation,
                               uint8_t* mac, size_t mac_size,
                               size_t* mac_length);
psa_status_t MacVerifyFinishStep(unsigned long& counter, psa_status_t forced,
                                 builtin_mac_operation_t* operation,
                                 const uint8_t* mac, size_t mac_length);
// The abort functions wipe the operation even when they return `forced`.
psa_status_t MacAbortStep(unsigned long& counter, psa_status_t forced,
                          builtin_mac_operation_t* operation);

psa_status_t CipherSetIvStep(unsigned long& counter, psa_status_t forced,
                             builtin_cipher_operation_t* operation,
                             const uint8_t* iv, size_t iv_length);
psa_status_t CipherUpdateStep(unsigned long& counter, psa_status_t forced,
                              builtin_cipher_operation_t* operation,
                              const uint8_t* input, size_t input_length,
                              uint8_t* output, size_t output_size,
                              size_t* output_length);
psa_status_t CipherFinishStep(unsigned long& counter, psa_status_t forced,
                              builtin_cipher_operation_t* operation,
                              uint8_t* output, size_t output_size,
                              size_t* output_length);
psa_status_t CipherAbortStep(unsigned long& counter, psa_status_t forced,
                             builtin_cipher_operation_t* operation);

psa_status_t AeadSetNonceStep(unsigned long& counter, psa_status_t forced,
                              builtin_aead_operation_t* operation,
                              const uint8_t* nonce, size_t nonce_length);
psa_status_t AeadSetLengthsStep(unsigned long& counter, psa_status_t forced,
                                builtin_aead_operation_t* operation,
                                size_t ad_length, size_t plaintext_length);
psa_status_t AeadUpdateAdStep(unsigned long& counter, psa_status_t forced,
                              builtin_aead_operation_t* operation,
                              const uint8_t* input, size_t input_length);
psa_status_t AeadUpdateStep(unsigned long& counter, psa_status_t forced,
                            builtin_aead_operation_t* operation,
                            const uint8_t* input, size_t input_length,
                            uint8_t* output, size_t output_size,
                            size_t* output_length);
psa_status_t AeadFinishStep(unsigned long& counter, psa_status_t forced,
                            builtin_aead_operation_t* operation,
                            uint8_t* ciphertext, size_t ciphertext_size,
                            size_t* ciphertext_length, uint8_t* tag,
                            size_t tag_size, size_t* tag_length);
psa_status_t AeadVerifyStep(unsigned long& counter, psa_status_t forced,
                            builtin_aead_operation_t* operation,
                            uint8_t* plaintext, size_t plaintext_size,
                            size_t* plaintext_length, const uint8_t* tag,
                            size_t tag_length);
psa_status_t AeadAbortStep(unsigned long& counter, psa_status_t forced,
                           builtin_aead_operation_t* operation);

}  // namespace drivers::test

#endif  // DRIVERS_TEST_TEST_DRIVER_SYMMETRIC_INTERNAL_H_
