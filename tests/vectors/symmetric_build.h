// What one build (driver selection) of the symmetric suites promises: which
// driver serves each MAC, cipher and AEAD mechanism, and which mechanisms it
// declares unsupported (the declaration of the build under test:
// symmetric_serving.h). The suites check every vector against it: a call
// must be served by the driver named here (as the dispatch reports), and a
// mechanism the build declares unsupported must give PSA_ERROR_NOT_SUPPORTED
// (then the vector is skipped with that reason) instead of silently passing
// or failing. Anything not declared unsupported must work.
//
// Mechanisms are named "<KEY TYPE>-<ALGORITHM>", whatever the tag or MAC
// length: AES-GCM, AES-CCM, CHACHA20-POLY1305, AES-ECB-NO-PADDING,
// AES-CBC-NO-PADDING, AES-CBC-PKCS7, AES-CTR, AES-CFB, AES-OFB (the same with
// ARIA, CAMELLIA, DES, SM4 for the modes of a block cipher), CHACHA20 (the
// stream cipher), AES-CMAC (ARIA, CAMELLIA, DES, SM4), HMAC-SHA-256 (MD5,
// RIPEMD-160, SHA-1, SHA-224, SHA-384, SHA-512).

#ifndef TESTS_VECTORS_SYMMETRIC_BUILD_H_
#define TESTS_VECTORS_SYMMETRIC_BUILD_H_

#include <stddef.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "psa/crypto.h"

namespace tests::vectors {

// The mechanism of `alg` with a key of type `key_type`, or "" if it is none
// of the above.
std::string MechanismName(psa_key_type_t key_type, psa_algorithm_t alg);

// Every mechanism name MechanismName() can return.
const std::vector<std::string>& KnownMechanisms();

// Options of a mechanism that the API lets an implementation leave out:
//   CHACHA20/IV16            a 16-byte IV (initial counter, then nonce),
//                            cipher.rst PSA_ALG_STREAM_CIPHER
//   CHACHA20-POLY1305/NONCE8 an 8-byte nonce (the original ChaCha20),
//                            aead.rst PSA_ALG_CHACHA20_POLY1305
inline constexpr const char kChaCha20Iv16[] = "CHACHA20/IV16";
inline constexpr const char kChaCha20Poly1305Nonce8[] = "CHACHA20-POLY1305/NONCE8";

class SymmetricBuild {
 public:
  // Parses the two halves of a build's declaration:
  //   serving      "AES-GCM=test_a,*=builtin": the driver of each mechanism,
  //                "*" for the mechanisms not named; every mechanism once;
  //                "*" is required.
  //   unsupported  "DES-CFB,DES-CMAC/128,CHACHA20/IV16" (or ""): mechanisms
  //                the build does not support at all, with "/<key bits>" at
  //                one key size, or an option above.
  // On failure returns false with *error saying what is wrong.
  static bool Parse(std::string_view serving, std::string_view unsupported,
                    SymmetricBuild* build, std::string* error);

  // The driver (psa_driver target name) that must serve `mechanism`.
  const std::string& DriverFor(std::string_view mechanism) const;

  // Every driver the declaration names, sorted, without duplicates.
  std::vector<std::string> Drivers() const;

  // Whether the build declares `mechanism` unsupported, at every key size or
  // at `key_bits`.
  bool Unsupported(std::string_view mechanism, size_t key_bits) const;

  // Whether the build declares the option (kChaCha20Iv16, ...) unsupported.
  bool OptionUnsupported(std::string_view option) const;

 private:
  std::map<std::string, std::string, std::less<>> drivers_;
  std::string default_driver_;
  std::set<std::string, std::less<>> unsupported_;
};

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_SYMMETRIC_BUILD_H_
