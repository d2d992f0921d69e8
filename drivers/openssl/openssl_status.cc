#include "drivers/openssl/openssl_status.h"

#include <openssl/err.h>

namespace drivers::openssl {
namespace {

bool IsMallocFailure(unsigned long error) {
  return error != 0 && ERR_GET_REASON(error) == ERR_GET_REASON(ERR_R_MALLOC_FAILURE);
}

}  // namespace

ErrorQueueScope::ErrorQueueScope() { ERR_clear_error(); }
ErrorQueueScope::~ErrorQueueScope() { ERR_clear_error(); }

psa_status_t StatusFromQueue(psa_status_t otherwise) {
  // The first error is the cause; the last is where it surfaced.
  if (IsMallocFailure(ERR_peek_error()) || IsMallocFailure(ERR_peek_last_error())) {
    return PSA_ERROR_INSUFFICIENT_MEMORY;
  }
  return otherwise;
}

}  // namespace drivers::openssl
