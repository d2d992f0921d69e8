// What one build (driver selection) of the symmetric suites promises: which
// driver serves each MAC, cipher and AEAD mechanism, and which mechanisms it
// declares unsupported (the declaration of the build under test:
// symmetric_serving.h). The suites check every vector against it: a call
// must be served by the driver named here (as the dispatch and the test
// drivers' hit counters report, symmetric_witness.h), and a mechanism the
// build declares unsupported must give PSA_ERROR_NOT_SUPPORTED (then the
// vector is skipped with that reason) instead of silently passing or
// failing. Anything not declared unsupported must work.
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

// Whether `alg` is a MAC or AEAD algorithm with a length other than its
// default one (PSA_ALG_TRUNCATED_MAC, PSA_ALG_AEAD_WITH_SHORTENED_TAG): an
// algorithm identifier other than PSA_ALG_FULL_LENGTH_MAC(alg) or
// PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg), which is what a driver
// description's "algorithms" match. False for other algorithms.
bool IsShortened(psa_algorithm_t alg);

// One call as the serving declaration sees it.
struct ServingQuery {
  std::string mechanism;  // MechanismName()
  size_t key_bits = 0;
  bool shortened = false;  // IsShortened(alg)
  bool multipart = false;  // a multi-part operation (psa_*_setup ... finish)
};

class SymmetricBuild {
 public:
  // Parses the two halves of a build's declaration:
  //   serving      "AES-GCM=test_a,AES-GCM/192=test_b,AES-GCM/SHORT=builtin,
  //                AES-GCM/192/SHORT=builtin,*=builtin": the driver of each
  //                mechanism, "*" (required, bare) for the mechanisms not
  //                named. A mechanism may carry qualifiers, each at most
  //                once, in any order, that narrow the calls an entry is
  //                for:
  //                  /<key bits>  keys of this size
  //                  /SHORT       a truncated MAC or shortened AEAD tag
  //                               (IsShortened)
  //                  /MULTIPART   multi-part operations (without it an
  //                               entry is for single-part calls too)
  //                A call is served by the matching entry with the most
  //                qualifiers; two entries that can match one call without
  //                either being narrower must name the same driver, or the
  //                entry of their combined qualifiers must be given (it is
  //                an error otherwise: the declaration would be ambiguous).
  //   unsupported  "DES-CFB,DES-CMAC/128,CHACHA20/IV16" (or ""): mechanisms
  //                the build does not support at all, with "/<key bits>" at
  //                one key size, or an option above.
  // On failure returns false with *error saying what is wrong.
  static bool Parse(std::string_view serving, std::string_view unsupported,
                    SymmetricBuild* build, std::string* error);

  // The driver (psa_driver target name) that must serve `query`.
  const std::string& DriverFor(const ServingQuery& query) const;

  // The driver of a single-part call with a key of `key_bits` and the
  // default tag or MAC length.
  const std::string& DriverFor(std::string_view mechanism, size_t key_bits = 0) const;

  // Every driver the declaration names, sorted, without duplicates.
  std::vector<std::string> Drivers() const;

  // Whether the build declares `mechanism` unsupported, at every key size or
  // at `key_bits`.
  bool Unsupported(std::string_view mechanism, size_t key_bits) const;

  // Whether the build declares the option (kChaCha20Iv16, ...) unsupported.
  bool OptionUnsupported(std::string_view option) const;

 private:
  struct Entry {
    std::string mechanism;
    size_t key_bits = 0;  // 0: any
    bool shortened = false;
    bool multipart = false;
    std::string driver;

    bool Matches(const ServingQuery& query) const;
    // Whether `other` matches every call this entry matches (this entry is
    // as narrow or narrower).
    bool Narrows(const Entry& other) const;
    size_t Qualifiers() const;
    // "AES-GCM/192/SHORT": the mechanism and qualifiers, canonical order.
    std::string Name() const;
  };

  std::vector<Entry> entries_;
  std::string default_driver_;
  std::set<std::string, std::less<>> unsupported_;
};

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_SYMMETRIC_BUILD_H_
