// Test hooks of drivers/rdseed: replace the instructions and the CPU check,
// so that tests reach every failure path on any machine.

#ifndef DRIVERS_RDSEED_RDSEED_TESTING_H_
#define DRIVERS_RDSEED_RDSEED_TESTING_H_

#include <stdint.h>

namespace rdseed {

struct TestHooks {
  // One 64-bit sample, false when the instruction reports no data (CF = 0).
  // nullptr: the real instruction.
  bool (*rdseed)(uint64_t* value) = nullptr;
  bool (*rdrand)(uint64_t* value) = nullptr;
  // -1: ask CPUID; 0 or 1: pretend the CPU lacks or has RDSEED (and RDRAND
  // and AES-NI with it).
  int cpu_has_rdseed = -1;
};

// Installs `hooks` (copied) and restarts the health tests, including their
// startup phase. Not thread-safe with concurrent get_entropy calls.
void SetTestHooks(const TestHooks& hooks);

// AES-128 encryption of one block with the key schedule of `key` (the
// CBC-MAC's block cipher), for a known-answer test. Needs AES-NI.
void Aes128EncryptBlockForTesting(const uint8_t key[16], const uint8_t in[16], uint8_t out[16]);

// Whether this CPU has RDSEED, RDRAND and AES-NI (CPUID).
bool CpuHasRdseedForTesting();
bool CpuHasRdrandAndAesForTesting();

}  // namespace rdseed

#endif  // DRIVERS_RDSEED_RDSEED_TESTING_H_
