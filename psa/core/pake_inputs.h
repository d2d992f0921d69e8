// The PAKE driver inputs (PSA driver interface, "PAKE driver inputs"): what
// the core collected between psa_pake_setup() and the first step, handed to
// a driver's "pake_setup" entry point, which reads it with the
// psa_crypto_driver_pake_get_*() functions of psa/crypto_driver_common.h
// (defined in pake_inputs.cc).

#ifndef PSA_CORE_PAKE_INPUTS_H_
#define PSA_CORE_PAKE_INPUTS_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/core/secure_buffer.h"
#include "psa/crypto.h"
#include "psa/crypto_driver_common.h"

// An optional byte string input: set or not, and its copy.
struct PsaPakeOptionalInput {
  bool set = false;
  psa::core::SecureBuffer value;
};

// Owned by the PAKE operation (operation->core_inputs) from psa_pake_setup()
// until it ends. The key buffer is only set while the driver's "pake_setup"
// runs (the key is pinned by the core for that call only).
struct psa_crypto_driver_pake_inputs_s {
  psa_pake_cipher_suite_t cipher_suite = PSA_PAKE_CIPHER_SUITE_INIT;
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_pake_role_t role = PSA_PAKE_ROLE_NONE;
  bool role_set = false;  // psa_pake_set_role() was called (NONE included).
  const uint8_t* key_buffer = nullptr;
  size_t key_buffer_size = 0;
  PsaPakeOptionalInput user;
  PsaPakeOptionalInput peer;
  PsaPakeOptionalInput context;
};

#endif  // PSA_CORE_PAKE_INPUTS_H_
