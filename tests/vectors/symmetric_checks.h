// One vector of a MAC, cipher or AEAD, checked through every way of calling
// the API (symmetric_calls.h), against what the vector expects and what the
// build declares (symmetric_build.h). Shared by the Wycheproof and the
// NIST/RFC suites.
//
// How an expectation maps to statuses (PSA Crypto API 1.2, ops/aead.rst,
// ops/cipher.rst, ops/mac.rst):
//
//   kValid            Every call succeeds and gives the vector's output:
//                     AEAD psa_aead_encrypt/decrypt and the multi-part
//                     operation; cipher decryption with psa_cipher_decrypt
//                     (IV || ciphertext) and multi-part, encryption
//                     multi-part with the vector's IV in one update and in
//                     chunks (psa_cipher_encrypt draws its own IV: for modes
//                     with an IV it is checked by decrypting its output; for
//                     ECB its output must be the ciphertext); MAC
//                     psa_mac_compute/verify and multi-part sign/verify, and
//                     psa_mac_verify rejects the MAC with its last bit
//                     flipped (PSA_ERROR_INVALID_SIGNATURE). Each successful
//                     call must be served by the build's driver for the
//                     call (SymmetricBuild::DriverFor: mechanism, key size,
//                     truncated or not, single- or multi-part).
//   kInvalidTag       AEAD: decryption, single- and multi-part, fails with
//                     PSA_ERROR_INVALID_SIGNATURE ("The ciphertext is not
//                     authentic"); MAC: verification fails with
//                     PSA_ERROR_INVALID_SIGNATURE. Where the vector has a
//                     message, encryption / computation succeeds and gives
//                     another tag than the vector's.
//   kInvalidPadding   Cipher: decryption, single- and multi-part, fails with
//                     PSA_ERROR_INVALID_PADDING.
//   kInvalidLength    Cipher: decryption of a ciphertext no padding can fit
//                     (an empty CBC-PKCS#7 ciphertext) fails with
//                     PSA_ERROR_INVALID_ARGUMENT ("the total input size is
//                     not valid") or PSA_ERROR_INVALID_PADDING.
//   kInvalidArgument  A parameter value the API makes invalid (a GCM nonce
//                     of 0 bytes, a CCM nonce outside 7..13 bytes, a
//                     ChaCha20-Poly1305 nonce of neither 12 nor 8 bytes, an
//                     AES key of neither 16, 24 nor 32 bytes):
//                     psa_import_key ("the key size is not valid for the key
//                     type"), or else every call in both directions
//                     ("nonce_length is not valid for the chosen algorithm"),
//                     fails with PSA_ERROR_INVALID_ARGUMENT. NOT_SUPPORTED is
//                     for values the API allows and an implementation lacks.
//   kInvalidAlgorithm An algorithm identifier that is not valid (CCM with a
//                     tag of an odd length or 2 bytes): psa_import_key with it
//                     as the permitted algorithm, or else every call, fails
//                     with PSA_ERROR_INVALID_ARGUMENT or
//                     PSA_ERROR_NOT_SUPPORTED (the operations list both for
//                     "alg is not an AEAD algorithm").
//                     For both, which call rejected, with which status, is
//                     noted in the report. A placeholder ciphertext shorter
//                     than the tag is completed with zero bytes for
//                     psa_aead_decrypt, so that the parameter, not the
//                     input's length, is what must be rejected.
//   kOptionalVariant  A parameter that selects a variant the API lets
//                     implementations leave out (the 8-byte ChaCha20-Poly1305
//                     nonce, whose Wycheproof vector has a placeholder
//                     ciphertext): if the build declares the option
//                     unsupported (kChaCha20Poly1305Nonce8), every call must
//                     give PSA_ERROR_NOT_SUPPORTED and the vector is
//                     skipped; otherwise encryption must succeed (its
//                     output is not compared) and decryption of the
//                     placeholder must fail (INVALID_SIGNATURE, or
//                     INVALID_ARGUMENT for input shorter than the tag).
//
// With a witness in the context (symmetric_witness.h), every call is also
// checked against the test drivers' hit counters: no other test driver than
// the build's for the call may be reached (unless the call gives
// NOT_SUPPORTED), and a test driver that serves a call, or rejects its tag
// or padding, must have done so through the entry points its description
// routes the call to (e.g. psa_aead_decrypt through aead_decrypt_setup ...
// aead_verify for a driver with only the multi-part family).
//
// A mechanism the build declares unsupported (SymmetricBuild::Unsupported,
// or the case's option) must fail wherever it is used with
// PSA_ERROR_NOT_SUPPORTED (for an optional IV or nonce length: "not
// supported for use with the operation's algorithm and key"); the vector is
// then skipped, naming the declaration. A declared mechanism that works
// fails the vector, so that declarations stay true.

#ifndef TESTS_VECTORS_SYMMETRIC_CHECKS_H_
#define TESTS_VECTORS_SYMMETRIC_CHECKS_H_

#include <stddef.h>

#include <string>

#include "psa/crypto.h"
#include "tests/vectors/symmetric_build.h"
#include "tests/vectors/symmetric_calls.h"
#include "tests/vectors/symmetric_witness.h"
#include "tests/vectors/vector_report.h"

namespace tests::vectors {

enum class Expectation {
  kValid,
  kInvalidTag,
  kInvalidPadding,
  kInvalidLength,
  kInvalidArgument,
  kInvalidAlgorithm,
  kOptionalVariant,
};

// What every check uses; the pointers must outlive the check.
struct CheckContext {
  ChunkSplitter* splitter = nullptr;
  KeyCache* keys = nullptr;
  const SymmetricBuild* build = nullptr;
  // The test drivers' counters, or nullptr not to check them.
  ServingWitness* witness = nullptr;
};

struct AeadCase {
  psa_key_type_t key_type = 0;
  Bytes key;
  psa_algorithm_t alg = 0;  // with the vector's tag length
  Bytes nonce;
  Bytes ad;
  Bytes plaintext;
  Bytes ciphertext;  // without the tag
  Bytes tag;
  bool encrypt = true;  // the vector has a plaintext to encrypt
  bool decrypt = true;
  std::string option;  // "" or kChaCha20Poly1305Nonce8
};

struct CipherCase {
  psa_key_type_t key_type = 0;
  Bytes key;
  psa_algorithm_t alg = 0;
  Bytes iv;  // empty for ECB
  Bytes plaintext;
  Bytes ciphertext;
  // Leading bytes of plaintext and ciphertext whose output is not compared
  // (keystream skipped to reach an initial counter).
  size_t ignored_prefix = 0;
  bool encrypt = true;
  bool decrypt = true;
  // psa_cipher_decrypt takes the default IV length; false when `iv` has
  // another (ChaCha20 with a 16-byte IV).
  bool single_part_decrypt = true;
  std::string option;  // "" or kChaCha20Iv16
};

struct MacCase {
  psa_key_type_t key_type = 0;
  Bytes key;
  psa_algorithm_t alg = 0;  // truncated when the vector's MAC is shorter
  Bytes message;
  Bytes mac;
};

Verdict CheckAead(const AeadCase& c, Expectation expectation, const CheckContext& context);
Verdict CheckCipher(const CipherCase& c, Expectation expectation, const CheckContext& context);
Verdict CheckMac(const MacCase& c, Expectation expectation, const CheckContext& context);

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_SYMMETRIC_CHECKS_H_
