// Algorithm and key type specifications of PSA driver descriptions.
//
// A driver capability names the algorithms and key types it covers with strings such as
// "PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)" or "PSA_KEY_TYPE_ECC_KEY_PAIR(_)" (PSA Cryptoprocessor
// Driver Interface, "Algorithm and key specifications"). This unit parses such strings,
// evaluates them with its own table of the PSA Crypto API 1.2 names and encodings (it does not
// include the PSA headers: the generator that uses it is a host tool), and turns the result
// into sets of numeric values that generated dispatch code tests with masks and compares.
//
// Grammar: a specification is a name, optionally followed by a parenthesized, comma-separated
// argument list. Arguments are specifications or, where a length is expected, a decimal or
// hexadecimal literal without suffix (no octal, no leading zeros). Spaces may separate any two
// tokens; tabs, newlines, and spaces at the start or end of the string are rejected.
//
// Besides the PSA Crypto API 1.2 names, the algorithms and key types of the PAKE Extension that
// accompanies API 1.2 are known: PSA_ALG_JPAKE(hash), PSA_ALG_SPAKE2P_HMAC(hash),
// PSA_ALG_SPAKE2P_CMAC(hash), PSA_ALG_SPAKE2P_MATTER, PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(family) and
// PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(family).

#ifndef RULES_DRIVERGEN_PSA_SPEC_H_
#define RULES_DRIVERGEN_PSA_SPEC_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace psa::drivergen {

// An algorithm specification: a set of algorithms. `alg` is in the set iff
// (alg & mask) == value, and, when `any_hash` is set, the hash field of alg (bits 7..0) names a
// specific hash (neither 0 nor the PSA_ALG_ANY_HASH wildcard 0xff), and, when min_length > 0,
// the MAC/AEAD-tag length encoded in alg is at least min_length (for the AT_LEAST_THIS_LENGTH
// wildcard policies; an untruncated MAC counts with its full length: HMAC = output length of
// its hash, CMAC and CBC-MAC = 16; an AEAD encodes its tag length, 16 by default).
//
// Wildcard-policy encodings (W bit 15 set in a MAC or AEAD algorithm) are never members: they
// are key policies, not algorithms an operation runs.
struct AlgorithmPattern {
  uint32_t value = 0;
  uint32_t mask = 0xffffffffu;
  // The specification had PSA_ALG_ANY_HASH as a hash argument (or was PSA_ALG_ANY_HASH):
  // the hash field is cleared from `mask` and must hold a specific hash.
  bool any_hash = false;
  enum class LengthFloor { kNone, kMac, kAeadTag };
  LengthFloor length_floor = LengthFloor::kNone;
  uint32_t min_length = 0;

  // Exact membership test with the semantics above.
  bool Matches(uint32_t alg) const;
};

bool operator==(const AlgorithmPattern& a, const AlgorithmPattern& b);
inline bool operator!=(const AlgorithmPattern& a, const AlgorithmPattern& b) { return !(a == b); }

// A key type specification: `type` is in the set iff (type & mask) == value. The family
// wildcard `_` clears the family byte (bits 7..0, as in API 1.2) from the mask.
struct KeyTypePattern {
  uint16_t value = 0;
  uint16_t mask = 0xffff;

  bool Matches(uint16_t type) const { return (type & mask) == value; }
};

bool operator==(const KeyTypePattern& a, const KeyTypePattern& b);
inline bool operator!=(const KeyTypePattern& a, const KeyTypePattern& b) { return !(a == b); }

struct SpecError {
  size_t offset = 0;    // 0-based offset in the specification string of the offending token
  std::string message;  // says what was found and what was expected, e.g.
                        // "PSA_ALG_HMAC expects a hash algorithm argument, got
                        // PSA_ALG_CBC_NO_PADDING"
};

// Parses and evaluates an algorithm specification. Returns true and fills *out, or returns
// false and fills *error (out is then left unchanged). Key policy wildcards that no mask can
// express as a set of algorithms (PSA_ALG_CCM_STAR_ANY_TAG, which spans a cipher and an AEAD)
// are rejected with a message that says what to write instead.
bool ParseAlgorithmSpec(std::string_view text, AlgorithmPattern* out, SpecError* error);

// Evaluates an algorithm specification as the C expression of the PSA API it is: the
// psa_algorithm_t value the macros give, wildcard policies included (for example
// "PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH)" gives 0x060003ff and
// "PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8)" gives 0x03c88200). Same grammar and
// checks as ParseAlgorithmSpec, except that key policy wildcards are accepted. Used to
// cross-check this unit's table against the public headers.
bool EvaluateAlgorithmSpec(std::string_view text, uint32_t* value, SpecError* error);

// Parses and evaluates a key type specification. Returns true and fills *out, or returns false
// and fills *error. Family arguments must be names (PSA_ECC_FAMILY_xxx, PSA_DH_FAMILY_xxx) or
// `_`; literals are rejected.
bool ParseKeyTypeSpec(std::string_view text, KeyTypePattern* out, SpecError* error);

// A self-contained C expression (numeric constants only, parenthesized, no PSA macros), true iff
// the algorithm held in the C expression `var` (type psa_algorithm_t) is in the set. Used in
// generated code. Deterministic: the same pattern always gives the same text.
std::string AlgorithmCondition(const AlgorithmPattern& pattern, std::string_view var);

// Same for a key type held in `var` (type psa_key_type_t).
std::string KeyTypeCondition(const KeyTypePattern& pattern, std::string_view var);

// The names this unit knows, in table order: algorithm constants and constructors, key type
// constants and constructors, and elliptic curve and Diffie-Hellman family constants. For tests
// that check the table is complete, and for diagnostics.
std::vector<std::string_view> KnownAlgorithmNames();
std::vector<std::string_view> KnownKeyTypeNames();
std::vector<std::string_view> KnownFamilyNames();

}  // namespace psa::drivergen

#endif  // RULES_DRIVERGEN_PSA_SPEC_H_
