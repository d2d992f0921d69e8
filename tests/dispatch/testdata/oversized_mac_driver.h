/* A transparent driver whose MAC context is larger than the space that
 * psa_mac_operation_t reserves (PSA_MAC_OPERATION_CONTEXT_SIZE): a build
 * that selects it must fail to compile, with a message that names the
 * driver. Only declarations: the test compiles the generated dispatch, it
 * never links. TEST_OVERSIZED_CONTEXT_BYTES sets the size (4 KiB unless the
 * test says otherwise, to check that a context that fits compiles). */

#ifndef TESTS_DISPATCH_TESTDATA_OVERSIZED_MAC_DRIVER_H_
#define TESTS_DISPATCH_TESTDATA_OVERSIZED_MAC_DRIVER_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifndef TEST_OVERSIZED_CONTEXT_BYTES
#define TEST_OVERSIZED_CONTEXT_BYTES 4096
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  uint8_t bytes[TEST_OVERSIZED_CONTEXT_BYTES];
} test_oversized_mac_operation_t;

psa_status_t test_oversized_mac_sign_setup(test_oversized_mac_operation_t *operation,
                                           const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                           size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t test_oversized_mac_update(test_oversized_mac_operation_t *operation, const uint8_t *input,
                                       size_t input_length);
psa_status_t test_oversized_mac_sign_finish(test_oversized_mac_operation_t *operation, uint8_t *mac,
                                            size_t mac_size, size_t *mac_length);
psa_status_t test_oversized_mac_abort(test_oversized_mac_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* TESTS_DISPATCH_TESTDATA_OVERSIZED_MAC_DRIVER_H_ */
