// Key lifetimes and key identifiers: which combinations a key creation
// function accepts, and which identifiers name volatile or persistent keys.
//
// Identifier ranges of this implementation (PSA Crypto 1.2, "Key
// identifiers"):
//   PSA_KEY_ID_NULL                       never a key;
//   PSA_KEY_ID_USER_MIN..USER_MAX         persistent keys created by
//                                         applications;
//   PSA_KEY_ID_VENDOR_MIN..
//     kVolatileKeyIdMin - 1               persistent keys provisioned by other
//                                         means (a factory tool writing the key
//                                         storage); the API only reads them;
//   kVolatileKeyIdMin..VENDOR_MAX         volatile keys, allocated by the key
//                                         store;
//   above PSA_KEY_ID_VENDOR_MAX           reserved: never a key.
//
// Persistence levels: PSA_KEY_PERSISTENCE_VOLATILE is volatile; every other
// level is persistent and stored in the same key storage; the level is kept
// in the key's attributes. PSA_KEY_PERSISTENCE_READ_ONLY keys cannot be
// created or destroyed through the API (PSA_ERROR_NOT_PERMITTED); they can
// only be provisioned into the storage by other means.

#ifndef PSA_CORE_KEYS_LIFETIME_H_
#define PSA_CORE_KEYS_LIFETIME_H_

#include "psa/crypto.h"

namespace psa::core::keys {

// The top 16M identifiers of the vendor range name volatile keys.
inline constexpr psa_key_id_t kVolatileKeyIdMin = 0x7f000000;
inline constexpr psa_key_id_t kVolatileKeyIdMax = PSA_KEY_ID_VENDOR_MAX;

static_assert(kVolatileKeyIdMin > PSA_KEY_ID_VENDOR_MIN &&
                  kVolatileKeyIdMin <= kVolatileKeyIdMax,
              "volatile key identifiers lie in the vendor range");

inline bool IsVolatileKeyId(psa_key_id_t id) {
  return id >= kVolatileKeyIdMin && id <= kVolatileKeyIdMax;
}

// Identifiers under which a persistent key may exist in storage: the user
// range and the vendor range below the volatile identifiers.
inline bool IsPersistentKeyId(psa_key_id_t id) {
  return id >= PSA_KEY_ID_USER_MIN && id < kVolatileKeyIdMin;
}

inline bool IsReadOnlyLifetime(psa_key_lifetime_t lifetime) {
  return PSA_KEY_LIFETIME_GET_PERSISTENCE(lifetime) ==
         PSA_KEY_PERSISTENCE_READ_ONLY;
}

// Checks the lifetime and identifier of a key that an application asks to
// create (psa_import_key, psa_generate_key, psa_copy_key, ...):
//   - a volatile key must have the identifier PSA_KEY_ID_NULL;
//   - a persistent key must have an identifier in the user range;
//   - a read-only key cannot be created.
// PSA_ERROR_INVALID_ARGUMENT for an identifier that does not fit the
// lifetime, PSA_ERROR_NOT_PERMITTED for a read-only persistence level. The
// location is not checked here (it depends on the drivers of the build).
psa_status_t ValidateNewKeyLifetimeAndId(const psa_key_attributes_t& attributes);

// The key's location (PSA_KEY_LIFETIME_GET_LOCATION of its lifetime).
inline psa_key_location_t LocationOf(const psa_key_attributes_t& attributes) {
  return PSA_KEY_LIFETIME_GET_LOCATION(psa_get_key_lifetime(&attributes));
}

// Whether an opaque driver owns the key (any location but local storage).
inline bool IsOpaque(const psa_key_attributes_t& attributes) {
  return LocationOf(attributes) != PSA_KEY_LOCATION_LOCAL_STORAGE;
}

// Whether the key outlives the process (any persistence but volatile).
inline bool IsPersistent(const psa_key_attributes_t& attributes) {
  return !PSA_KEY_LIFETIME_IS_VOLATILE(psa_get_key_lifetime(&attributes));
}

}  // namespace psa::core::keys

#endif  // PSA_CORE_KEYS_LIFETIME_H_
