/* Which code path of the aes_x86 driver runs, chosen at run time: CPUID
 * says what the CPU has, and a test may force a narrower path, through the
 * environment variable AES_X86_PATH ("none", "aesni" or "vaes", read once)
 * or aes_x86_force_path(). A forced path the CPU lacks falls to the best
 * one it has below it, so "vaes" on a CPU with AES-NI only runs AES-NI.
 *
 *   AES_X86_PATH_NONE   no AES-NI or no PCLMULQDQ (or forced): every entry
 *                       point returns PSA_ERROR_NOT_SUPPORTED, so the next
 *                       driver (builtin) serves;
 *   AES_X86_PATH_AESNI  AES-NI + PCLMULQDQ (+ SSE4.1), 8 blocks in flight;
 *   AES_X86_PATH_VAES   also VAES, VPCLMULQDQ and AVX-512 F/BW/VL: 512-bit
 *                       registers, 4 blocks each, 16 blocks in flight.
 *
 * Includable from C and C++. */

#ifndef DRIVERS_AES_X86_AES_X86_CPU_H_
#define DRIVERS_AES_X86_AES_X86_CPU_H_

#ifdef __cplusplus
extern "C" {
#endif

typedef enum aes_x86_path_e {
  AES_X86_PATH_NONE = 0,
  AES_X86_PATH_AESNI = 1,
  AES_X86_PATH_VAES = 2,
} aes_x86_path_t;

/* The path the CPU supports, from CPUID alone. */
aes_x86_path_t aes_x86_detected_path(void);

/* The path the entry points take now: the detected one, narrowed by
 * AES_X86_PATH and by aes_x86_force_path(). Thread-safe. */
aes_x86_path_t aes_x86_current_path(void);

/* Test hook: forces `path` (narrowed to what the CPU has); a negative value
 * returns to the environment variable's choice. Thread-safe; affects
 * operations set up afterwards. */
void aes_x86_force_path(int path);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_AES_X86_AES_X86_CPU_H_ */
