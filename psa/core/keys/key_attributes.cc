// psa_get_key_attributes and psa_reset_key_attributes (PSA Crypto 1.2, "Key
// attributes"). The attribute accessors are static inline functions of
// psa/crypto_struct.h; the attribute object holds no resources.

#include "psa/core/keys/key_store.h"
#include "psa/crypto.h"

extern "C" {

psa_status_t psa_get_key_attributes(psa_key_id_t key,
                                    psa_key_attributes_t* attributes) {
  *attributes = psa_key_attributes_init();
  psa::core::keys::KeyHandle handle;
  const psa_status_t status = psa::core::keys::AcquireKey(
      key, /*usage=*/0, PSA_ALG_NONE, &handle);
  if (status != PSA_SUCCESS) return status;
  *attributes = handle.attributes();
  return PSA_SUCCESS;
}

void psa_reset_key_attributes(psa_key_attributes_t* attributes) {
  *attributes = psa_key_attributes_init();
}

}  // extern "C"
