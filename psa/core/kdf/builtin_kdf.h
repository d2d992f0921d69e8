// The core's own implementation of every key derivation, used when no driver
// serves the operation (PSA driver interface, "Key derivation driver
// dispatch logic", step 3): builds the output stream of the algorithm from
// the complete inputs, with the PRFs and hashes computed through the
// dispatched MAC and hash entry points.

#ifndef PSA_CORE_KDF_BUILTIN_KDF_H_
#define PSA_CORE_KDF_BUILTIN_KDF_H_

#include <stddef.h>

#include <memory>

#include "psa/core/kdf/block_stream.h"
#include "psa/core/kdf/inputs.h"
#include "psa/crypto.h"

namespace psa::core::kdf {

// The output stream of *inputs (complete, of a transparent secret; their
// rules name the algorithm). `capacity` is the operation's capacity at the
// first output, which SP 800-108 encodes as L = 8 * capacity bits. On
// success *stream is set. PSA_ERROR_NOT_SUPPORTED if the PRF or hash is not
// served by any driver of the build. The stream may take over the bytes of
// an input it keeps (HKDF's info), leaving that input empty: the caller
// discards the inputs once the stream exists.
psa_status_t CreateBuiltinKdf(psa_crypto_driver_key_derivation_inputs_t* inputs, size_t capacity,
                              std::unique_ptr<OutputStream>* stream);

}  // namespace psa::core::kdf

#endif  // PSA_CORE_KDF_BUILTIN_KDF_H_
