// ECDH, X25519 and X448 over EVP_PKEY_derive (see openssl_key_agreement.h).

#include "drivers/openssl/openssl_key_agreement.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "drivers/openssl/openssl_key_cache.h"
#include "drivers/openssl/openssl_pkey.h"
#include "drivers/openssl/openssl_status.h"

extern "C" psa_status_t openssl_key_agreement(psa_algorithm_t alg, const psa_key_attributes_t* our_attributes,
                                              const uint8_t* our_key_buffer, size_t our_key_buffer_length,
                                              const uint8_t* peer_key, size_t peer_key_length, uint8_t* output,
                                              size_t output_size, size_t* output_length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  *output_length = 0;
  const psa_key_type_t type = psa_get_key_type(our_attributes);
  const size_t bits = psa_get_key_bits(our_attributes);
  if (alg != PSA_ALG_ECDH || !PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)) return PSA_ERROR_NOT_SUPPORTED;
  const psa_ecc_family_t family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
  if (family == PSA_ECC_FAMILY_TWISTED_EDWARDS || !IsServedKey(type, bits)) return PSA_ERROR_NOT_SUPPORTED;
  const size_t secret_length = PSA_BITS_TO_BYTES(bits);
  Pkey peer;
  psa_status_t status = ParsePeerKey(family, bits, peer_key, peer_key_length, &peer);
  if (status != PSA_SUCCESS) return status;
  if (output_size < secret_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  Pkey ours;
  status = AcquireKey(our_attributes, our_key_buffer, our_key_buffer_length, &ours);
  if (status != PSA_SUCCESS) return status;
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, ours.get(), nullptr));
  if (ctx == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  // The peer point was checked on the curve when it was decoded; every
  // Weierstrass curve served has cofactor 1, so the full public-key check
  // (a scalar multiplication by the order) adds nothing.
  if (EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer_ex(ctx.get(), peer.get(), 0) != 1) {
    return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  }
  size_t written = output_size;
  if (EVP_PKEY_derive(ctx.get(), output, &written) != 1 || written != secret_length) {
    // X25519 / X448: an all-zero result (a small-order peer point).
    OPENSSL_cleanse(output, output_size);
    return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  }
  *output_length = written;
  return PSA_SUCCESS;
}
