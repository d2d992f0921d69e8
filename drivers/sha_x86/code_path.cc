#include "drivers/sha_x86/code_path.h"

#include <cpuid.h>

#include <atomic>
#include <cstdlib>

namespace drivers::sha_x86 {
namespace {

// CPUID bits (Intel SDM vol. 2A, CPUID): leaf 1 ECX, leaf 7 subleaf 0 EBX.
constexpr unsigned kLeaf1EcxSsse3 = 1u << 9;
constexpr unsigned kLeaf1EcxSse41 = 1u << 19;
constexpr unsigned kLeaf7EbxSha = 1u << 29;

bool QueryCpu() {
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0) return false;
  const bool has_sse = (ecx & kLeaf1EcxSsse3) != 0 && (ecx & kLeaf1EcxSse41) != 0;
  // __get_cpuid_count checks that leaf 7 exists.
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) == 0) return false;
  return has_sse && (ebx & kLeaf7EbxSha) != 0;
}

// The selected path plus one, 0 while not yet chosen; a test override is
// stored here too.
std::atomic<int> g_selected{0};

int Encode(CodePath path) { return static_cast<int>(path) + 1; }

CodePath ChooseFromEnvironment() {
  const char* value = std::getenv("SHA_X86_PATH");
  return CodePathFromEnvironment(
      value == nullptr ? std::nullopt : std::optional<std::string_view>(value),
      CpuHasShaNi());
}

}  // namespace

bool CpuHasShaNi() {
  static const bool has = QueryCpu();
  return has;
}

CodePath CodePathFromEnvironment(std::optional<std::string_view> value,
                                 bool cpu_has_sha_ni) {
  const CodePath best = cpu_has_sha_ni ? CodePath::kShaNi : CodePath::kNone;
  if (!value.has_value() || *value == "auto" || *value == "sha_ni") return best;
  return CodePath::kNone;  // "none", or an unknown value (fail closed)
}

CodePath ActiveCodePath() {
  int selected = g_selected.load(std::memory_order_relaxed);
  if (selected == 0) {
    // Racing first calls compute the same value.
    selected = Encode(ChooseFromEnvironment());
    int expected = 0;
    if (!g_selected.compare_exchange_strong(expected, selected,
                                            std::memory_order_relaxed)) {
      selected = expected;  // a test override won
    }
  }
  return static_cast<CodePath>(selected - 1);
}

bool SetCodePathForTesting(CodePath path) {
  if (path == CodePath::kShaNi && !CpuHasShaNi()) return false;
  g_selected.store(Encode(path), std::memory_order_relaxed);
  return true;
}

void ResetCodePathForTesting() {
  g_selected.store(Encode(ChooseFromEnvironment()), std::memory_order_relaxed);
}

const char* CodePathName(CodePath path) {
  switch (path) {
    case CodePath::kNone:
      return "none";
    case CodePath::kShaNi:
      return "sha_ni";
  }
  return "?";
}

}  // namespace drivers::sha_x86
