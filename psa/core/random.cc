// psa_generate_random (PSA Crypto 1.2, "Random number generation").

#include "psa/core/library_state.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

extern "C" psa_status_t psa_generate_random(uint8_t* output,
                                            size_t output_size) {
  if (!psa::core::LibraryInitialized()) {
    psa::core::SecureWipe(output, output_size);
    return PSA_ERROR_BAD_STATE;
  }
  return psa::core::GlobalRandomGenerator().Generate(output, output_size);
}
