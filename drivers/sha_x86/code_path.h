// Which code path the sha_x86 driver computes with, chosen at run time: the
// SHA extensions (SHA-NI) if the CPU has them, otherwise none, in which case
// every entry point that starts a computation returns
// PSA_ERROR_NOT_SUPPORTED and the dispatch falls back to the next driver
// (builtin). Nothing here depends on the compiler's -m flags.
//
// The environment variable SHA_X86_PATH, read once, narrows the choice (for
// tests and benchmarks): unset or "auto" = the best the CPU has; "sha_ni" =
// SHA-NI if the CPU has it, else none; "none" = none. Any other value is
// treated as "none", so that a typo cannot make a test pass on a path it did
// not ask for.

#ifndef DRIVERS_SHA_X86_CODE_PATH_H_
#define DRIVERS_SHA_X86_CODE_PATH_H_

#include <optional>
#include <string_view>

namespace drivers::sha_x86 {

enum class CodePath {
  kNone,   // no usable instructions: the driver declines (NOT_SUPPORTED)
  kShaNi,  // SHA-NI with SSSE3 and SSE4.1 (CPUID.7.0:EBX.SHA[29], CPUID.1:ECX)
};

// True if this CPU has SHA-NI, SSSE3 and SSE4.1 (CPUID, asked once).
bool CpuHasShaNi();

// The path the entry points use now: SetCodePathForTesting's if one was set,
// otherwise the one SHA_X86_PATH and the CPU give. One relaxed atomic load
// after the first call.
CodePath ActiveCodePath();

// The path a SHA_X86_PATH value selects on a CPU with (or without) SHA-NI;
// `value` is std::nullopt when the variable is unset.
CodePath CodePathFromEnvironment(std::optional<std::string_view> value,
                                 bool cpu_has_sha_ni);

// Test hook: makes ActiveCodePath() return `path` until the next call.
// Returns false, and changes nothing, if `path` is kShaNi on a CPU without
// SHA-NI (a test must not run instructions the CPU lacks).
bool SetCodePathForTesting(CodePath path);

// Test hook: forgets SetCodePathForTesting's choice (back to SHA_X86_PATH
// and the CPU).
void ResetCodePathForTesting();

// "none", "sha_ni".
const char* CodePathName(CodePath path);

}  // namespace drivers::sha_x86

#endif  // DRIVERS_SHA_X86_CODE_PATH_H_
