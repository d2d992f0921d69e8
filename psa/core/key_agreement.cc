// Key agreement (PSA Crypto 1.2, "Key agreement"): psa_raw_key_agreement()
// and psa_key_agreement() over ComputeSharedSecret() (key_agreement.h).
//
// Who does what: the core checks the algorithm, the private key's policy
// and type, and the output size; the driver that psa::dispatch selects for
// the private key checks the peer key and computes the secret (the
// dispatch gets the standalone key agreement, PSA_ALG_KEY_AGREEMENT_GET_BASE
// of the request, as the driver interface's "key_agreement" entry point
// takes no KDF). The secret is staged in a private buffer that is wiped on
// every path; psa_key_agreement() hands it to the key creation of
// psa_import_key() (keys/key_management.h).

#include "psa/core/key_agreement.h"

#include <string.h>

#include "psa/core/dispatch.h"
#include "psa/core/keys/key_management.h"
#include "psa/core/keys/key_store.h"
#include "psa/core/library_state.h"
#include "psa/core/secure_buffer.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

// Whether a private key of `type` suits the standalone key agreement `base`
// (PSA Crypto 1.2, "Compatible key types" of PSA_ALG_ECDH and PSA_ALG_FFDH):
// an ECC key pair of a Weierstrass or Montgomery family for ECDH (not
// Twisted Edwards), a DH key pair for FFDH.
bool KeySuitsAgreement(psa_algorithm_t base, psa_key_type_t type) {
  if (base == PSA_ALG_ECDH) {
    return PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type) && PSA_KEY_TYPE_ECC_GET_FAMILY(type) != PSA_ECC_FAMILY_TWISTED_EDWARDS;
  }
  if (base == PSA_ALG_FFDH) return PSA_KEY_TYPE_IS_DH_KEY_PAIR(type);
  return false;
}

// Key types psa_key_agreement() may store a shared secret as (PSA Crypto
// 1.2, psa_key_agreement: "must be one of").
bool IsSharedSecretKeyType(psa_key_type_t type) {
  return type == PSA_KEY_TYPE_DERIVE || type == PSA_KEY_TYPE_RAW_DATA || type == PSA_KEY_TYPE_HMAC ||
         type == PSA_KEY_TYPE_PASSWORD;
}

// The shared secret of a key agreement into *secret (a wiped buffer sized
// for any secret), or an error (ComputeSharedSecret's statuses).
psa_status_t StagedSharedSecret(psa_algorithm_t alg, psa_key_id_t private_key, const uint8_t* peer_key,
                                size_t peer_key_length, SecureBuffer* secret, size_t* secret_length) {
  if (!secret->Allocate(PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  return ComputeSharedSecret(alg, private_key, peer_key, peer_key_length, secret->data(), secret->size(),
                             secret_length);
}

}  // namespace

psa_status_t ComputeSharedSecret(psa_algorithm_t policy_alg, psa_key_id_t private_key, const uint8_t* peer_key,
                                 size_t peer_key_length, uint8_t* secret, size_t secret_size, size_t* secret_length) {
  *secret_length = 0;
  psa_status_t status = PSA_ERROR_BAD_STATE;
  keys::KeyHandle handle;
  SecureBuffer staged;
  size_t written = 0;
  if (LibraryInitialized()) {
    status = PSA_ALG_IS_KEY_AGREEMENT(policy_alg) ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  }
  // The key lookup also checks that `policy_alg` is a specific algorithm
  // (a combined one with a valid KDF) before the policy.
  if (status == PSA_SUCCESS) status = keys::AcquireKey(private_key, PSA_KEY_USAGE_DERIVE, policy_alg, &handle);
  const psa_algorithm_t base = PSA_ALG_KEY_AGREEMENT_GET_BASE(policy_alg);
  size_t required = 0;
  if (status == PSA_SUCCESS) {
    const psa_key_attributes_t& attributes = handle.attributes();
    const psa_key_type_t type = psa_get_key_type(&attributes);
    required = PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(type, psa_get_key_bits(&attributes));
    if (!KeySuitsAgreement(base, type)) {
      status = PSA_ERROR_INVALID_ARGUMENT;
    } else if (required == 0) {
      status = PSA_ERROR_NOT_SUPPORTED;
    } else if (secret_size < required) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else if (!staged.Allocate(required)) {
      status = PSA_ERROR_INSUFFICIENT_MEMORY;
    }
  }
  if (status == PSA_SUCCESS) {
    const psa_key_attributes_t& attributes = handle.attributes();
    status = psa::dispatch::KeyAgreement(base, &attributes, handle.key_buffer(), handle.key_buffer_size(), peer_key,
                                         peer_key_length, staged.data(), staged.size(), &written);
    // A secret is never empty, and never longer than the buffer promised.
    if (status == PSA_SUCCESS && (written == 0 || written > staged.size())) {
      status = PSA_ERROR_CORRUPTION_DETECTED;
    }
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(secret, secret_size);
    return status;
  }
  memcpy(secret, staged.data(), written);
  *secret_length = written;
  return PSA_SUCCESS;
}

}  // namespace psa::core

using psa::core::LibraryInitialized;
using psa::core::SecureBuffer;
using psa::core::SecureWipe;

extern "C" {

psa_status_t psa_raw_key_agreement(psa_algorithm_t alg, psa_key_id_t private_key, const uint8_t* peer_key,
                                   size_t peer_key_length, uint8_t* output, size_t output_size, size_t* output_length) {
  *output_length = 0;
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (LibraryInitialized()) {
    status = PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg) ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  }
  if (status == PSA_SUCCESS) {
    return psa::core::ComputeSharedSecret(alg, private_key, peer_key, peer_key_length, output, output_size,
                                          output_length);
  }
  SecureWipe(output, output_size);
  return status;
}

psa_status_t psa_key_agreement(psa_key_id_t private_key, const uint8_t* peer_key, size_t peer_key_length,
                               psa_algorithm_t alg, const psa_key_attributes_t* attributes, psa_key_id_t* key) {
  *key = PSA_KEY_ID_NULL;
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  if (!PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  // "The key type is not valid for key-agreement output."
  if (!psa::core::IsSharedSecretKeyType(psa_get_key_type(attributes))) return PSA_ERROR_INVALID_ARGUMENT;

  SecureBuffer secret;
  size_t secret_length = 0;
  psa_status_t status =
      psa::core::StagedSharedSecret(alg, private_key, peer_key, peer_key_length, &secret, &secret_length);
  if (status != PSA_SUCCESS) return status;

  // The key is the whole secret: a size in the attributes must be its size.
  const size_t secret_bits = PSA_BYTES_TO_BITS(secret_length);
  const size_t requested_bits = psa_get_key_bits(attributes);
  if (requested_bits != 0 && requested_bits != secret_bits) return PSA_ERROR_INVALID_ARGUMENT;
  psa_key_attributes_t key_attributes = *attributes;
  psa_set_key_bits(&key_attributes, secret_bits);
  return psa::core::keys::ImportKeyFromData(key_attributes, secret.data(), secret_length, key);
}

}  // extern "C"
