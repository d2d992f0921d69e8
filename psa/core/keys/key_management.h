// What the core's own key-creating functions share with the key management
// API (key_management.cc): creating a key from its material, as
// psa_import_key() does. psa_key_agreement() stores its shared secret with
// it.

#ifndef PSA_CORE_KEYS_KEY_MANAGEMENT_H_
#define PSA_CORE_KEYS_KEY_MANAGEMENT_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"

namespace psa::core::keys {

// psa_import_key() of `data` (the import format of the attributes' key type)
// with `attributes`: the same attribute checks (lifetime, identifier,
// location, policy), validation of the material (by the core for symmetric
// types, by the drivers otherwise) and commit to the key store, with the
// same statuses. *key is the new key's identifier on success,
// PSA_KEY_ID_NULL on failure; a failure leaves no key behind.
psa_status_t ImportKeyFromData(const psa_key_attributes_t& attributes,
                               const uint8_t* data, size_t data_length,
                               psa_key_id_t* key);

}  // namespace psa::core::keys

#endif  // PSA_CORE_KEYS_KEY_MANAGEMENT_H_
