#include "drivers/aes_x86/aes_x86_cpu.h"

#include <cpuid.h>

#include "gtest/gtest.h"

namespace {

// CPUID leaf 1 ECX: AES (bit 25), PCLMULQDQ (bit 1), SSE4.1 (bit 19).
bool CpuHasAesNi() {
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
  return (c & (1u << 25)) && (c & (1u << 1)) && (c & (1u << 19));
}

TEST(AesX86Cpu, DetectedPathAgreesWithCpuid) {
  EXPECT_EQ(aes_x86_detected_path() != AES_X86_PATH_NONE, CpuHasAesNi());
}

TEST(AesX86Cpu, ForcedPathIsNarrowedToTheCpu) {
  const aes_x86_path_t detected = aes_x86_detected_path();
  aes_x86_force_path(AES_X86_PATH_NONE);
  EXPECT_EQ(aes_x86_current_path(), AES_X86_PATH_NONE);
  aes_x86_force_path(AES_X86_PATH_AESNI);
  EXPECT_EQ(aes_x86_current_path(), detected < AES_X86_PATH_AESNI ? detected : AES_X86_PATH_AESNI);
  aes_x86_force_path(AES_X86_PATH_VAES);
  EXPECT_EQ(aes_x86_current_path(), detected);
  aes_x86_force_path(-1);
}

}  // namespace
