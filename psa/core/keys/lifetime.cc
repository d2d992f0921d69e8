#include "psa/core/keys/lifetime.h"

namespace psa::core::keys {

psa_status_t ValidateNewKeyLifetimeAndId(
    const psa_key_attributes_t& attributes) {
  const psa_key_lifetime_t lifetime = psa_get_key_lifetime(&attributes);
  const psa_key_id_t id = psa_get_key_id(&attributes);
  if (PSA_KEY_LIFETIME_IS_VOLATILE(lifetime)) {
    // psa_set_key_lifetime() clears the identifier; a leftover one means the
    // caller asked for two contradictory things.
    return id == PSA_KEY_ID_NULL ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  }
  if (id < PSA_KEY_ID_USER_MIN || id > PSA_KEY_ID_USER_MAX) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (IsReadOnlyLifetime(lifetime)) return PSA_ERROR_NOT_PERMITTED;
  return PSA_SUCCESS;
}

}  // namespace psa::core::keys
