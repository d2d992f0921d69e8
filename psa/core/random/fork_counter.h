// Counts the fork()s this process descends from, so that random generator
// state copied into a child is never used there before it has been reseeded.

#ifndef PSA_CORE_RANDOM_FORK_COUNTER_H_
#define PSA_CORE_RANDOM_FORK_COUNTER_H_

#include <stdint.h>

namespace psa::core {

// Incremented in the child by a pthread_atfork handler (installed on the
// first call). A generator records the value when it is seeded and reseeds
// when it differs. One relaxed atomic load.
uint64_t ForkGeneration();

}  // namespace psa::core

#endif  // PSA_CORE_RANDOM_FORK_COUNTER_H_
