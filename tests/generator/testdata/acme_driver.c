/* Entry points of the "acme" driver. Built twice by the test: as is (it
 * must compile against the generated prototypes) and with ACME_WRONG_UPDATE
 * defined, which gives acme_hash_update an `int` length (it must not). */
#include <string.h>

/* Entry points have C linkage, also when this file is compiled as C++. */
#ifdef __cplusplus
extern "C" {
#endif

psa_status_t acme_hash_compute(psa_algorithm_t alg, const uint8_t *input, size_t input_length, uint8_t *hash,
                               size_t hash_size, size_t *hash_length) {
  (void)alg; (void)input; (void)input_length; (void)hash; (void)hash_size; (void)hash_length;
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t acme_hash_setup(acme_hash_operation_t *operation, psa_algorithm_t alg) {
  (void)alg;
  memset(operation, 0, sizeof(*operation));
  return PSA_SUCCESS;
}
#ifdef ACME_WRONG_UPDATE
psa_status_t acme_hash_update(acme_hash_operation_t *operation, const uint8_t *input, int input_length) {
#else
psa_status_t acme_hash_update(acme_hash_operation_t *operation, const uint8_t *input, size_t input_length) {
#endif
  (void)operation; (void)input; (void)input_length;
  return PSA_SUCCESS;
}
psa_status_t acme_hash_finish(acme_hash_operation_t *operation, uint8_t *hash, size_t hash_size,
                              size_t *hash_length) {
  (void)operation; (void)hash; (void)hash_size; (void)hash_length;
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t acme_hash_abort(acme_hash_operation_t *operation) {
  memset(operation, 0, sizeof(*operation));
  return PSA_SUCCESS;
}

#ifdef __cplusplus
}  /* extern "C" */
#endif
