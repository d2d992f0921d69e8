// The key management functions of PSA Crypto 1.2 ("Key management
// functions"): psa_import_key, psa_generate_key, psa_copy_key,
// psa_destroy_key, psa_purge_key, psa_export_key, psa_export_public_key.
//
// Who does what:
//   - the core validates attributes (lifetime, identifier, location, type,
//     policy) and keeps keys in the key store (key_store.h);
//   - symmetric keys in local storage are validated, generated (from the
//     core's random generator) and copied by the core itself, as the driver
//     interface assigns no transparent entry point to them;
//   - asymmetric keys in local storage go to the transparent drivers'
//     "import_key", "generate_key" (key pairs) and "export_public_key"
//     (which determine and check the key size);
//   - keys in another location go, whatever their type, to the opaque
//     driver of that location.
// A failure at any step leaves no key behind: the reserved slot is freed,
// a key file is only written as the last step, and an opaque driver that
// already created the key is told to destroy it. Temporary buffers holding
// key material are wiped; outputs of failed exports are wiped.

#include <algorithm>
#include <utility>

#include "psa/core/keys/key_management.h"

#include "psa/core/dispatch.h"
#include "psa/core/keys/key_store.h"
#include "psa/core/keys/lifetime.h"
#include "psa/core/library_state.h"
#include "psa/core/policy/policy.h"
#include "psa/core/policy/symmetric_keys.h"
#include "psa/core/secure_buffer.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::core::keys {
namespace {

// Checks everything about the attributes of a new key that does not depend
// on key material: lifetime and identifier (lifetime.h), then the location,
// then the policy. *key gets the attributes to create the key with (usage
// flags completed with the usages they imply).
psa_status_t CheckNewKeyAttributes(const psa_key_attributes_t& requested,
                                   psa_key_attributes_t* key) {
  *key = requested;
  psa_status_t status = ValidateNewKeyLifetimeAndId(requested);
  if (status != PSA_SUCCESS) return status;
  if (!psa::dispatch::LocationIsSupported(LocationOf(requested))) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  status = policy::ValidatePolicy(requested);
  if (status != PSA_SUCCESS) return status;
  psa_set_key_usage_flags(
      key, policy::WithImpliedUsages(psa_get_key_usage_flags(&requested)));
  return PSA_SUCCESS;
}

// Hands a driver's new key to `creation`, then checks what the driver
// reported: a length within the buffer, a nonzero size equal to the
// requested one (if any). PSA_ERROR_INVALID_ARGUMENT for a size mismatch
// (the driver interface says the core treats the key as invalid),
// PSA_ERROR_CORRUPTION_DETECTED for an impossible length.
psa_status_t TakeDriverKey(KeyCreation* creation, SecureBuffer buffer,
                           size_t length, size_t requested_bits,
                           size_t bits) {
  const size_t size = buffer.size();
  creation->SetKey(std::move(buffer), std::min(length, size), bits);
  if (length == 0 || length > size) return PSA_ERROR_CORRUPTION_DETECTED;
  if (bits == 0 || (requested_bits != 0 && bits != requested_bits)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_SUCCESS;
}

// Creates the key material of `creation` from `data` in the import format
// of its type, with the size given in its attributes (0: the size the data
// determines). Used by psa_import_key and by psa_copy_key across locations.
psa_status_t ImportKeyMaterial(KeyCreation* creation, const uint8_t* data,
                               size_t data_length) {
  const psa_key_attributes_t& attributes = creation->attributes();
  const psa_key_type_t type = psa_get_key_type(&attributes);
  const size_t requested_bits = psa_get_key_bits(&attributes);

  if (!IsOpaque(attributes) && !PSA_KEY_TYPE_IS_ASYMMETRIC(type)) {
    size_t bits = requested_bits;
    const psa_status_t status =
        policy::ValidateSymmetricImport(type, data, data_length, &bits);
    if (status != PSA_SUCCESS) return status;
    if (bits == 0) return PSA_ERROR_INVALID_ARGUMENT;
    // Straight into the slot (inline for a small key: no allocation).
    return creation->SetKeyBytes(data, data_length, bits);
  }

  size_t size = 0;
  psa_status_t status =
      psa::dispatch::KeyBufferSizeForImport(&attributes, data_length, &size);
  if (status != PSA_SUCCESS) return status;
  if (!IsOpaque(attributes) && requested_bits != 0) {
    // The canonical form of the key may be longer than the data given.
    size_t canonical_size = 0;
    if (psa::dispatch::KeyBufferSize(&attributes, &canonical_size) ==
        PSA_SUCCESS) {
      size = std::max(size, canonical_size);
    }
  }
  SecureBuffer buffer;
  if (!buffer.Allocate(size)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  size_t length = 0;
  size_t bits = requested_bits;
  status = psa::dispatch::ImportKey(&attributes, data, data_length,
                                    buffer.data(), buffer.size(), &length,
                                    &bits);
  if (status != PSA_SUCCESS) return status;
  return TakeDriverKey(creation, std::move(buffer), length, requested_bits,
                       bits);
}

constexpr int kMaxDesDraws = 4;

// Creates the key material of `creation` (a new key of the type and size of
// its attributes) with fresh random bytes (never a weak DES key) or by the
// driver.
psa_status_t GenerateKeyMaterial(KeyCreation* creation) {
  const psa_key_attributes_t& attributes = creation->attributes();
  const psa_key_type_t type = psa_get_key_type(&attributes);
  const size_t bits = psa_get_key_bits(&attributes);
  SecureBuffer buffer;

  if (!IsOpaque(attributes) && !PSA_KEY_TYPE_IS_KEY_PAIR(type)) {
    // The size was validated (policy::ValidateSymmetricGenerate).
    const size_t size = PSA_BITS_TO_BYTES(bits);
    if (!buffer.Allocate(size)) return PSA_ERROR_INSUFFICIENT_MEMORY;
    // A weak DES key turns up once in 2^52 draws: drawing again a few times
    // is certain to end, unless the generator is broken.
    for (int attempt = 0; attempt < kMaxDesDraws; ++attempt) {
      const psa_status_t status = psa_generate_random(buffer.data(), size);
      if (status != PSA_SUCCESS) return status;
      if (type != PSA_KEY_TYPE_DES) break;
      policy::SetDesParity(buffer.data(), size);
      if (!policy::ContainsWeakDesKey(buffer.data(), size)) break;
      if (attempt + 1 == kMaxDesDraws) return PSA_ERROR_INSUFFICIENT_ENTROPY;
    }
    creation->SetKey(std::move(buffer), size, bits);
    return PSA_SUCCESS;
  }

  size_t size = 0;
  psa_status_t status = psa::dispatch::KeyBufferSize(&attributes, &size);
  if (status != PSA_SUCCESS) return status;
  if (!buffer.Allocate(size)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  size_t length = 0;
  status = psa::dispatch::GenerateKey(&attributes, buffer.data(),
                                      buffer.size(), &length);
  if (status != PSA_SUCCESS) return status;
  return TakeDriverKey(creation, std::move(buffer), length, bits, bits);
}

// The key material of `creation` as a copy of `source`, by location:
// within local storage the bytes; within one opaque location the driver's
// "copy_key"; across locations the source's export imported at the target
// (the driver interface's "export_key" / "import_key" for copies).
psa_status_t CopyKeyMaterial(KeyCreation* creation, const KeyHandle& source) {
  const psa_key_attributes_t& attributes = creation->attributes();
  const size_t bits = psa_get_key_bits(&attributes);
  const psa_key_location_t source_location = LocationOf(source.attributes());
  const psa_key_location_t target_location = LocationOf(attributes);

  if (source_location == target_location &&
      source_location == PSA_KEY_LOCATION_LOCAL_STORAGE) {
    return creation->SetKeyBytes(source.key_buffer(), source.key_buffer_size(), bits);
  }

  if (source_location == target_location) {
    size_t size = 0;
    psa_status_t status = psa::dispatch::KeyBufferSize(&attributes, &size);
    if (status != PSA_SUCCESS) return status;
    SecureBuffer buffer;
    if (!buffer.Allocate(size)) return PSA_ERROR_INSUFFICIENT_MEMORY;
    psa_key_attributes_t target_attributes = attributes;
    size_t length = 0;
    status = psa::dispatch::CopyKey(&target_attributes, source.key_buffer(),
                                    source.key_buffer_size(), buffer.data(),
                                    buffer.size(), &length);
    if (status != PSA_SUCCESS) return status;
    return TakeDriverKey(creation, std::move(buffer), length, bits, bits);
  }

  if (source_location == PSA_KEY_LOCATION_LOCAL_STORAGE) {
    // A transparent key buffer is the key's export format.
    return ImportKeyMaterial(creation, source.key_buffer(),
                             source.key_buffer_size());
  }
  const psa_key_type_t type = psa_get_key_type(&attributes);
  const size_t export_size = PSA_EXPORT_KEY_OUTPUT_SIZE(type, bits);
  if (export_size == 0) return PSA_ERROR_NOT_SUPPORTED;
  SecureBuffer exported;
  if (!exported.Allocate(export_size)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  size_t exported_length = 0;
  psa_status_t status = psa::dispatch::ExportKey(
      &source.attributes(), source.key_buffer(), source.key_buffer_size(),
      exported.data(), exported.size(), &exported_length);
  if (status != PSA_SUCCESS) return status;
  if (exported_length > exported.size()) return PSA_ERROR_CORRUPTION_DETECTED;
  return ImportKeyMaterial(creation, exported.data(), exported_length);
}

// An opaque driver is promised an output buffer large enough for any key
// with the key's attributes (driver interface, "Key export entry points in
// opaque drivers"). `required` is 0 when the size macro does not know the
// type: the driver then checks alone.
bool OutputLargeEnough(const psa_key_attributes_t& attributes,
                       size_t data_size, size_t required) {
  return !IsOpaque(attributes) || data_size >= required;
}

// Ends an export: on failure the output is wiped and its length is 0; a
// length beyond the buffer is a driver fault.
psa_status_t FinishExport(psa_status_t status, uint8_t* data,
                          size_t data_size, size_t length,
                          size_t* data_length) {
  if (status == PSA_SUCCESS && length > data_size) {
    status = PSA_ERROR_CORRUPTION_DETECTED;
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(data, data_size);
    *data_length = 0;
    return status;
  }
  *data_length = length;
  return PSA_SUCCESS;
}

}  // namespace

psa_status_t ImportKeyFromData(const psa_key_attributes_t& attributes,
                               const uint8_t* data, size_t data_length,
                               psa_key_id_t* key) {
  *key = PSA_KEY_ID_NULL;
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  psa_key_attributes_t key_attributes;
  psa_status_t status = CheckNewKeyAttributes(attributes, &key_attributes);
  if (status != PSA_SUCCESS) return status;
  // PSA_KEY_TYPE_NONE is no key type this implementation supports (the
  // API's error list for an unsupported type).
  if (psa_get_key_type(&key_attributes) == PSA_KEY_TYPE_NONE) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  // A key of size 0 must be rejected (PSA Crypto 1.2, psa_import_key).
  if (data_length == 0) return PSA_ERROR_INVALID_ARGUMENT;

  KeyCreation creation;
  status = GlobalKeyStore().BeginCreation(key_attributes, &creation);
  if (status != PSA_SUCCESS) return status;
  status = ImportKeyMaterial(&creation, data, data_length);
  if (status != PSA_SUCCESS) return status;
  return creation.Commit(key);
}

}  // namespace psa::core::keys

using psa::core::LibraryInitialized;
using psa::core::keys::AcquireKey;
using psa::core::keys::GlobalKeyStore;
using psa::core::keys::KeyCreation;
using psa::core::keys::KeyHandle;

extern "C" {

psa_status_t psa_import_key(const psa_key_attributes_t* attributes,
                            const uint8_t* data, size_t data_length,
                            psa_key_id_t* key) {
  return psa::core::keys::ImportKeyFromData(*attributes, data, data_length,
                                            key);
}

psa_status_t psa_generate_key(const psa_key_attributes_t* attributes,
                              psa_key_id_t* key) {
  *key = PSA_KEY_ID_NULL;
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  psa_key_attributes_t key_attributes;
  psa_status_t status =
      psa::core::keys::CheckNewKeyAttributes(*attributes, &key_attributes);
  if (status != PSA_SUCCESS) return status;
  const psa_key_type_t type = psa_get_key_type(&key_attributes);
  const size_t bits = psa_get_key_bits(&key_attributes);
  if (type == PSA_KEY_TYPE_NONE) return PSA_ERROR_NOT_SUPPORTED;
  if (PSA_KEY_TYPE_IS_PUBLIC_KEY(type) || bits == 0) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (!psa::core::keys::IsOpaque(key_attributes) &&
      !PSA_KEY_TYPE_IS_KEY_PAIR(type)) {
    status = psa::core::policy::ValidateSymmetricGenerate(type, bits);
    if (status != PSA_SUCCESS) return status;
  }

  KeyCreation creation;
  status = GlobalKeyStore().BeginCreation(key_attributes, &creation);
  if (status != PSA_SUCCESS) return status;
  status = psa::core::keys::GenerateKeyMaterial(&creation);
  if (status != PSA_SUCCESS) return status;
  return creation.Commit(key);
}

psa_status_t psa_copy_key(psa_key_id_t source_key,
                          const psa_key_attributes_t* attributes,
                          psa_key_id_t* target_key) {
  *target_key = PSA_KEY_ID_NULL;
  KeyHandle source;
  psa_status_t status = AcquireKey(source_key, 0, PSA_ALG_NONE, &source);
  if (status != PSA_SUCCESS) return status;
  const psa_key_attributes_t& source_attributes = source.attributes();
  // Leaving an opaque location is an export of the key material, which a
  // secret key must permit too (PSA Crypto 1.2, psa_copy_key and
  // PSA_KEY_USAGE_COPY). Local storage is one security boundary with every
  // location it can import into: PSA_KEY_USAGE_COPY alone lets a key out.
  const psa_key_location_t source_location =
      psa::core::keys::LocationOf(source_attributes);
  const bool leaves_security_boundary =
      source_location != PSA_KEY_LOCATION_LOCAL_STORAGE &&
      source_location != psa::core::keys::LocationOf(*attributes);
  status = psa::core::policy::CheckCopyable(source_attributes,
                                            leaves_security_boundary);
  if (status != PSA_SUCCESS) return status;

  // Type and size come from the source; the attributes may only repeat them.
  const psa_key_type_t type = psa_get_key_type(&source_attributes);
  const size_t bits = psa_get_key_bits(&source_attributes);
  if ((psa_get_key_type(attributes) != PSA_KEY_TYPE_NONE &&
       psa_get_key_type(attributes) != type) ||
      (psa_get_key_bits(attributes) != 0 &&
       psa_get_key_bits(attributes) != bits)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  psa_key_attributes_t requested = *attributes;
  psa_set_key_type(&requested, type);
  psa_set_key_bits(&requested, bits);
  psa_key_attributes_t key_attributes;
  status = psa::core::keys::CheckNewKeyAttributes(requested, &key_attributes);
  if (status != PSA_SUCCESS) return status;

  psa_key_usage_t usage = 0;
  psa_algorithm_t alg = PSA_ALG_NONE;
  status = psa::core::policy::IntersectPolicies(
      psa_get_key_usage_flags(&source_attributes),
      psa_get_key_algorithm(&source_attributes),
      psa_get_key_usage_flags(&key_attributes),
      psa_get_key_algorithm(&key_attributes), type, bits, &usage, &alg);
  if (status != PSA_SUCCESS) return status;
  psa_set_key_usage_flags(&key_attributes,
                          psa::core::policy::WithImpliedUsages(usage));
  psa_set_key_algorithm(&key_attributes, alg);

  KeyCreation creation;
  status = GlobalKeyStore().BeginCreation(key_attributes, &creation);
  if (status != PSA_SUCCESS) return status;
  status = psa::core::keys::CopyKeyMaterial(&creation, source);
  if (status != PSA_SUCCESS) return status;
  return creation.Commit(target_key);
}

psa_status_t psa_destroy_key(psa_key_id_t key) {
  // "Always returns PSA_SUCCESS" (PSA Crypto 1.2, "Key identifiers").
  if (key == PSA_KEY_ID_NULL) return PSA_SUCCESS;
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  return GlobalKeyStore().Destroy(key);
}

psa_status_t psa_purge_key(psa_key_id_t key) {
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  return GlobalKeyStore().Purge(key);
}

psa_status_t psa_export_key(psa_key_id_t key, uint8_t* data, size_t data_size,
                            size_t* data_length) {
  *data_length = 0;
  KeyHandle handle;
  psa_status_t status = AcquireKey(key, 0, PSA_ALG_NONE, &handle);
  if (status == PSA_SUCCESS) {
    status = psa::core::policy::CheckExportable(handle.attributes());
  }
  size_t length = 0;
  if (status == PSA_SUCCESS) {
    const psa_key_attributes_t& attributes = handle.attributes();
    if (!psa::core::keys::OutputLargeEnough(
            attributes, data_size,
            PSA_EXPORT_KEY_OUTPUT_SIZE(psa_get_key_type(&attributes),
                                       psa_get_key_bits(&attributes)))) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
      status = psa::dispatch::ExportKey(&attributes, handle.key_buffer(),
                                        handle.key_buffer_size(), data,
                                        data_size, &length);
    }
  }
  return psa::core::keys::FinishExport(status, data, data_size, length,
                                       data_length);
}

psa_status_t psa_export_public_key(psa_key_id_t key, uint8_t* data,
                                   size_t data_size, size_t* data_length) {
  *data_length = 0;
  KeyHandle handle;
  psa_status_t status = AcquireKey(key, 0, PSA_ALG_NONE, &handle);
  size_t length = 0;
  if (status == PSA_SUCCESS) {
    const psa_key_attributes_t& attributes = handle.attributes();
    const psa_key_type_t type = psa_get_key_type(&attributes);
    if (!PSA_KEY_TYPE_IS_ASYMMETRIC(type)) {
      status = PSA_ERROR_INVALID_ARGUMENT;
    } else if (!psa::core::keys::OutputLargeEnough(
                   attributes, data_size,
                   PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(
                       type, psa_get_key_bits(&attributes)))) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else if (PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) {
      // A public key is its own public part; opaque drivers only get
      // "export_public_key" calls for key pairs.
      status = psa::dispatch::ExportKey(&attributes, handle.key_buffer(),
                                        handle.key_buffer_size(), data,
                                        data_size, &length);
    } else {
      status = psa::dispatch::ExportPublicKey(
          &attributes, handle.key_buffer(), handle.key_buffer_size(), data,
          data_size, &length);
    }
  }
  return psa::core::keys::FinishExport(status, data, data_size, length,
                                       data_length);
}

}  // extern "C"
