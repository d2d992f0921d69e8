// OpenSSL outcomes -> PSA statuses, and the error-queue discipline of the
// openssl driver: every entry point clears this thread's OpenSSL error queue
// when it starts and when it returns (ErrorQueueScope), so no error of one
// call is ever seen by, or blamed on, the next.

#ifndef DRIVERS_OPENSSL_OPENSSL_STATUS_H_
#define DRIVERS_OPENSSL_OPENSSL_STATUS_H_

#include "psa/crypto_driver_common.h"

namespace drivers::openssl {

// Clears this thread's OpenSSL error queue on construction and destruction.
class ErrorQueueScope {
 public:
  ErrorQueueScope();
  ~ErrorQueueScope();
  ErrorQueueScope(const ErrorQueueScope&) = delete;
  ErrorQueueScope& operator=(const ErrorQueueScope&) = delete;
};

// The status of a failed OpenSSL call: PSA_ERROR_INSUFFICIENT_MEMORY if the
// queue holds an allocation failure, otherwise `otherwise` (the status the
// specification names for the operation's failure, e.g.
// PSA_ERROR_INVALID_SIGNATURE for a verification). Leaves the queue as is.
psa_status_t StatusFromQueue(psa_status_t otherwise);

}  // namespace drivers::openssl

#endif  // DRIVERS_OPENSSL_OPENSSL_STATUS_H_
