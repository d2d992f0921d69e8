// Key agreement in the core (PSA Crypto 1.2, "Key agreement"): the shared
// secret of a private key and a peer public key, computed by the driver that
// psa::dispatch selects for the private key. key_agreement.cc implements
// psa_raw_key_agreement() and psa_key_agreement() over it; the key
// derivation's psa_key_derivation_key_agreement() calls it too.

#ifndef PSA_CORE_KEY_AGREEMENT_H_
#define PSA_CORE_KEY_AGREEMENT_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"

namespace psa::core {

// The raw shared secret of the key agreement base of `alg` (a key agreement,
// raw or combined with a KDF) between `private_key` (checked for
// PSA_KEY_USAGE_DERIVE and `policy_alg`) and `peer_key`; `secret` gets at
// most `secret_size` bytes; PSA_ERROR_BUFFER_TOO_SMALL if they don't fit.
//
// In detail: PSA_ERROR_BAD_STATE before psa_crypto_init();
// PSA_ERROR_INVALID_ARGUMENT if `policy_alg` is not a key agreement (raw or
// combined with a specific KDF), if the key is not a key pair of a type the
// algorithm uses (an ECC key pair of a Weierstrass or Montgomery family for
// ECDH, a DH key pair for FFDH), or if the driver rejects the peer key;
// PSA_ERROR_INVALID_HANDLE, PSA_ERROR_NOT_PERMITTED from the key lookup and
// policy check; PSA_ERROR_BUFFER_TOO_SMALL if `secret_size` is below
// PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE() of the key; PSA_ERROR_NOT_SUPPORTED if
// no driver serves the key. The driver writes into a private buffer, copied
// to `secret` on success only and wiped in any case; on failure `secret` is
// wiped and *secret_length is 0.
psa_status_t ComputeSharedSecret(psa_algorithm_t policy_alg, psa_key_id_t private_key, const uint8_t* peer_key,
                                 size_t peer_key_length, uint8_t* secret, size_t secret_size, size_t* secret_length);

}  // namespace psa::core

#endif  // PSA_CORE_KEY_AGREEMENT_H_
