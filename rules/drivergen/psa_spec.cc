#include "rules/drivergen/psa_spec.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace psa::drivergen {
namespace {

// ---------------------------------------------------------------------------------------------
// Encoding facts (PSA Crypto API 1.2: crypto-1.2-reference.h, appendix "Algorithm and key type
// encoding"; PAKE Extension 1.2 for the PAKE algorithms and SPAKE2+ key types).
// ---------------------------------------------------------------------------------------------

constexpr uint32_t kAlgHashMask = 0x000000ffu;      // H: hash sub-type
constexpr uint32_t kAlgLengthMask = 0x003f0000u;    // LEN: MAC or AEAD tag length
constexpr uint32_t kAlgWildcardBit = 0x00008000u;   // W: minimum-length wildcard policy
constexpr uint32_t kAlgLengthShift = 16;
constexpr uint32_t kAlgAnyHash = 0x020000ffu;       // PSA_ALG_ANY_HASH
constexpr uint32_t kAlgLengthFieldMax = 0x3f;       // largest length LEN can hold

constexpr uint32_t kCategoryHash = 0x02;
constexpr uint32_t kCategoryMac = 0x03;
constexpr uint32_t kCategoryAead = 0x05;
constexpr uint32_t kCategoryKeyDerivation = 0x08;
constexpr uint32_t kCategoryKeyAgreement = 0x09;

uint32_t Category(uint32_t alg) { return (alg >> 24) & 0x7f; }
uint32_t LengthField(uint32_t alg) { return (alg & kAlgLengthMask) >> kAlgLengthShift; }

// Untruncated MAC length of a block-cipher MAC (CBC-MAC, CMAC) over a 16-byte block cipher.
constexpr uint32_t kBlockCipherMacLength = 16;
// Default (and largest) tag length of every AEAD algorithm of the API.
constexpr uint32_t kAeadDefaultTagLength = 16;

struct HashInfo {
  std::string_view name;
  uint32_t value;
  uint32_t length;  // output length in bytes
};

constexpr HashInfo kHashes[] = {
    {"PSA_ALG_MD2", 0x02000001u, 16},
    {"PSA_ALG_MD4", 0x02000002u, 16},
    {"PSA_ALG_MD5", 0x02000003u, 16},
    {"PSA_ALG_RIPEMD160", 0x02000004u, 20},
    {"PSA_ALG_SHA_1", 0x02000005u, 20},
    {"PSA_ALG_AES_MMO_ZIGBEE", 0x02000007u, 16},
    {"PSA_ALG_SHA_224", 0x02000008u, 28},
    {"PSA_ALG_SHA_256", 0x02000009u, 32},
    {"PSA_ALG_SHA_384", 0x0200000au, 48},
    {"PSA_ALG_SHA_512", 0x0200000bu, 64},
    {"PSA_ALG_SHA_512_224", 0x0200000cu, 28},
    {"PSA_ALG_SHA_512_256", 0x0200000du, 32},
    {"PSA_ALG_SHA3_224", 0x02000010u, 28},
    {"PSA_ALG_SHA3_256", 0x02000011u, 32},
    {"PSA_ALG_SHA3_384", 0x02000012u, 48},
    {"PSA_ALG_SHA3_512", 0x02000013u, 64},
    {"PSA_ALG_SM3", 0x02000014u, 32},
    {"PSA_ALG_SHAKE256_512", 0x02000015u, 64},
};

// Output length of the hash whose sub-type is `hash_field`, or 0 if no hash of the API has it.
uint32_t HashLength(uint32_t hash_field) {
  for (const HashInfo& hash : kHashes) {
    if ((hash.value & kAlgHashMask) == hash_field) return hash.length;
  }
  return 0;
}

// How a name of the algorithm table is evaluated.
enum class AlgShape {
  kConstant,         // a value
  kAnyHash,          // PSA_ALG_ANY_HASH
  kPolicyWildcard,   // a key policy wildcard with no algorithm-set meaning (CCM_STAR_ANY_TAG)
  kHashConstructor,  // base | hash sub-type of the argument
  kTruncatedMac,     // (mac, length)
  kFullLengthMac,    // (mac)
  kAtLeastMac,       // (mac, minimum length)
  kShortenedTag,     // (aead, length)
  kDefaultTag,       // (aead)
  kAtLeastTag,       // (aead, minimum length)
  kKeyAgreement,     // (standalone key agreement, key derivation)
};

struct AlgorithmMacro {
  std::string_view name;
  AlgShape shape;
  uint32_t value;  // the constant, or the base value of a hash constructor
};

constexpr AlgorithmMacro kAlgorithms[] = {
    {"PSA_ALG_NONE", AlgShape::kConstant, 0x00000000u},
    // Hash algorithms.
    {"PSA_ALG_MD2", AlgShape::kConstant, 0x02000001u},
    {"PSA_ALG_MD4", AlgShape::kConstant, 0x02000002u},
    {"PSA_ALG_MD5", AlgShape::kConstant, 0x02000003u},
    {"PSA_ALG_RIPEMD160", AlgShape::kConstant, 0x02000004u},
    {"PSA_ALG_SHA_1", AlgShape::kConstant, 0x02000005u},
    {"PSA_ALG_AES_MMO_ZIGBEE", AlgShape::kConstant, 0x02000007u},
    {"PSA_ALG_SHA_224", AlgShape::kConstant, 0x02000008u},
    {"PSA_ALG_SHA_256", AlgShape::kConstant, 0x02000009u},
    {"PSA_ALG_SHA_384", AlgShape::kConstant, 0x0200000au},
    {"PSA_ALG_SHA_512", AlgShape::kConstant, 0x0200000bu},
    {"PSA_ALG_SHA_512_224", AlgShape::kConstant, 0x0200000cu},
    {"PSA_ALG_SHA_512_256", AlgShape::kConstant, 0x0200000du},
    {"PSA_ALG_SHA3_224", AlgShape::kConstant, 0x02000010u},
    {"PSA_ALG_SHA3_256", AlgShape::kConstant, 0x02000011u},
    {"PSA_ALG_SHA3_384", AlgShape::kConstant, 0x02000012u},
    {"PSA_ALG_SHA3_512", AlgShape::kConstant, 0x02000013u},
    {"PSA_ALG_SM3", AlgShape::kConstant, 0x02000014u},
    {"PSA_ALG_SHAKE256_512", AlgShape::kConstant, 0x02000015u},
    {"PSA_ALG_ANY_HASH", AlgShape::kAnyHash, kAlgAnyHash},
    // MAC algorithms.
    {"PSA_ALG_HMAC", AlgShape::kHashConstructor, 0x03800000u},
    {"PSA_ALG_CBC_MAC", AlgShape::kConstant, 0x03c00100u},
    {"PSA_ALG_CMAC", AlgShape::kConstant, 0x03c00200u},
    {"PSA_ALG_TRUNCATED_MAC", AlgShape::kTruncatedMac, 0},
    {"PSA_ALG_FULL_LENGTH_MAC", AlgShape::kFullLengthMac, 0},
    {"PSA_ALG_AT_LEAST_THIS_LENGTH_MAC", AlgShape::kAtLeastMac, 0},
    // Unauthenticated ciphers.
    {"PSA_ALG_STREAM_CIPHER", AlgShape::kConstant, 0x04800100u},
    {"PSA_ALG_CTR", AlgShape::kConstant, 0x04c01000u},
    {"PSA_ALG_CFB", AlgShape::kConstant, 0x04c01100u},
    {"PSA_ALG_OFB", AlgShape::kConstant, 0x04c01200u},
    {"PSA_ALG_CCM_STAR_NO_TAG", AlgShape::kConstant, 0x04c01300u},
    {"PSA_ALG_CCM_STAR_ANY_TAG", AlgShape::kPolicyWildcard, 0x04c09300u},
    {"PSA_ALG_XTS", AlgShape::kConstant, 0x0440ff00u},
    {"PSA_ALG_CBC_NO_PADDING", AlgShape::kConstant, 0x04404000u},
    {"PSA_ALG_CBC_PKCS7", AlgShape::kConstant, 0x04404100u},
    {"PSA_ALG_ECB_NO_PADDING", AlgShape::kConstant, 0x04404400u},
    // AEAD algorithms.
    {"PSA_ALG_CCM", AlgShape::kConstant, 0x05500100u},
    {"PSA_ALG_GCM", AlgShape::kConstant, 0x05500200u},
    {"PSA_ALG_CHACHA20_POLY1305", AlgShape::kConstant, 0x05100500u},
    {"PSA_ALG_XCHACHA20_POLY1305", AlgShape::kConstant, 0x05100600u},
    {"PSA_ALG_AEAD_WITH_SHORTENED_TAG", AlgShape::kShortenedTag, 0},
    {"PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG", AlgShape::kDefaultTag, 0},
    {"PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG", AlgShape::kAtLeastTag, 0},
    // Key derivation.
    {"PSA_ALG_HKDF", AlgShape::kHashConstructor, 0x08000100u},
    {"PSA_ALG_TLS12_PRF", AlgShape::kHashConstructor, 0x08000200u},
    {"PSA_ALG_TLS12_PSK_TO_MS", AlgShape::kHashConstructor, 0x08000300u},
    {"PSA_ALG_HKDF_EXTRACT", AlgShape::kHashConstructor, 0x08000400u},
    {"PSA_ALG_HKDF_EXPAND", AlgShape::kHashConstructor, 0x08000500u},
    {"PSA_ALG_TLS12_ECJPAKE_TO_PMS", AlgShape::kConstant, 0x08000609u},
    {"PSA_ALG_SP800_108_COUNTER_HMAC", AlgShape::kHashConstructor, 0x08000700u},
    {"PSA_ALG_SP800_108_COUNTER_CMAC", AlgShape::kConstant, 0x08000800u},
    {"PSA_ALG_PBKDF2_HMAC", AlgShape::kHashConstructor, 0x08800100u},
    {"PSA_ALG_PBKDF2_AES_CMAC_PRF_128", AlgShape::kConstant, 0x08800200u},
    // Asymmetric signature.
    {"PSA_ALG_RSA_PKCS1V15_SIGN", AlgShape::kHashConstructor, 0x06000200u},
    {"PSA_ALG_RSA_PKCS1V15_SIGN_RAW", AlgShape::kConstant, 0x06000200u},
    {"PSA_ALG_RSA_PSS", AlgShape::kHashConstructor, 0x06000300u},
    {"PSA_ALG_RSA_PSS_ANY_SALT", AlgShape::kHashConstructor, 0x06001300u},
    {"PSA_ALG_ECDSA", AlgShape::kHashConstructor, 0x06000600u},
    {"PSA_ALG_ECDSA_ANY", AlgShape::kConstant, 0x06000600u},
    {"PSA_ALG_DETERMINISTIC_ECDSA", AlgShape::kHashConstructor, 0x06000700u},
    {"PSA_ALG_PURE_EDDSA", AlgShape::kConstant, 0x06000800u},
    {"PSA_ALG_ED25519PH", AlgShape::kConstant, 0x0600090bu},
    {"PSA_ALG_ED448PH", AlgShape::kConstant, 0x06000915u},
    // Asymmetric encryption.
    {"PSA_ALG_RSA_PKCS1V15_CRYPT", AlgShape::kConstant, 0x07000200u},
    {"PSA_ALG_RSA_OAEP", AlgShape::kHashConstructor, 0x07000300u},
    // Key agreement.
    {"PSA_ALG_FFDH", AlgShape::kConstant, 0x09010000u},
    {"PSA_ALG_ECDH", AlgShape::kConstant, 0x09020000u},
    {"PSA_ALG_KEY_AGREEMENT", AlgShape::kKeyAgreement, 0},
    // PAKE (PAKE Extension 1.2).
    {"PSA_ALG_JPAKE", AlgShape::kHashConstructor, 0x0a000100u},
    {"PSA_ALG_SPAKE2P_HMAC", AlgShape::kHashConstructor, 0x0a000400u},
    {"PSA_ALG_SPAKE2P_CMAC", AlgShape::kHashConstructor, 0x0a000500u},
    {"PSA_ALG_SPAKE2P_MATTER", AlgShape::kConstant, 0x0a000609u},
};

const AlgorithmMacro* FindAlgorithm(std::string_view name) {
  for (const AlgorithmMacro& macro : kAlgorithms) {
    if (macro.name == name) return &macro;
  }
  return nullptr;
}

// Number of arguments a shape takes and what each is, for messages.
struct Signature {
  size_t arity;
  const char* what[2];
};

Signature SignatureOf(AlgShape shape) {
  switch (shape) {
    case AlgShape::kConstant:
    case AlgShape::kAnyHash:
    case AlgShape::kPolicyWildcard:
      return {0, {nullptr, nullptr}};
    case AlgShape::kHashConstructor:
      return {1, {"a hash algorithm", nullptr}};
    case AlgShape::kFullLengthMac:
      return {1, {"a MAC algorithm", nullptr}};
    case AlgShape::kTruncatedMac:
      return {2, {"a MAC algorithm", "a MAC length in bytes"}};
    case AlgShape::kAtLeastMac:
      return {2, {"a MAC algorithm", "a minimum MAC length in bytes"}};
    case AlgShape::kDefaultTag:
      return {1, {"an AEAD algorithm", nullptr}};
    case AlgShape::kShortenedTag:
      return {2, {"an AEAD algorithm", "a tag length in bytes"}};
    case AlgShape::kAtLeastTag:
      return {2, {"an AEAD algorithm", "a minimum tag length in bytes"}};
    case AlgShape::kKeyAgreement:
      return {2, {"a standalone key agreement algorithm", "a key derivation algorithm"}};
  }
  return {0, {nullptr, nullptr}};
}

// Key types.
enum class FamilyKind { kEcc, kDh };

enum class KeyShape {
  kConstant,
  kEccFamily,  // base | ECC family
  kDhFamily,   // base | DH family
};

struct KeyTypeMacro {
  std::string_view name;
  KeyShape shape;
  uint16_t value;  // the constant, or the base value of a family constructor
};

constexpr KeyTypeMacro kKeyTypes[] = {
    {"PSA_KEY_TYPE_NONE", KeyShape::kConstant, 0x0000},
    {"PSA_KEY_TYPE_RAW_DATA", KeyShape::kConstant, 0x1001},
    {"PSA_KEY_TYPE_HMAC", KeyShape::kConstant, 0x1100},
    {"PSA_KEY_TYPE_DERIVE", KeyShape::kConstant, 0x1200},
    {"PSA_KEY_TYPE_PASSWORD", KeyShape::kConstant, 0x1203},
    {"PSA_KEY_TYPE_PASSWORD_HASH", KeyShape::kConstant, 0x1205},
    {"PSA_KEY_TYPE_PEPPER", KeyShape::kConstant, 0x1206},
    {"PSA_KEY_TYPE_AES", KeyShape::kConstant, 0x2400},
    {"PSA_KEY_TYPE_ARIA", KeyShape::kConstant, 0x2406},
    {"PSA_KEY_TYPE_DES", KeyShape::kConstant, 0x2301},
    {"PSA_KEY_TYPE_CAMELLIA", KeyShape::kConstant, 0x2403},
    {"PSA_KEY_TYPE_SM4", KeyShape::kConstant, 0x2405},
    {"PSA_KEY_TYPE_ARC4", KeyShape::kConstant, 0x2002},
    {"PSA_KEY_TYPE_CHACHA20", KeyShape::kConstant, 0x2004},
    {"PSA_KEY_TYPE_XCHACHA20", KeyShape::kConstant, 0x2007},
    {"PSA_KEY_TYPE_RSA_PUBLIC_KEY", KeyShape::kConstant, 0x4001},
    {"PSA_KEY_TYPE_RSA_KEY_PAIR", KeyShape::kConstant, 0x7001},
    {"PSA_KEY_TYPE_ECC_PUBLIC_KEY", KeyShape::kEccFamily, 0x4100},
    {"PSA_KEY_TYPE_ECC_KEY_PAIR", KeyShape::kEccFamily, 0x7100},
    {"PSA_KEY_TYPE_DH_PUBLIC_KEY", KeyShape::kDhFamily, 0x4200},
    {"PSA_KEY_TYPE_DH_KEY_PAIR", KeyShape::kDhFamily, 0x7200},
    // PAKE Extension 1.2.
    {"PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY", KeyShape::kEccFamily, 0x4400},
    {"PSA_KEY_TYPE_SPAKE2P_KEY_PAIR", KeyShape::kEccFamily, 0x7400},
};

// Family byte of a parameterized asymmetric key type. In API 1.2 the family is the whole low
// byte (psa_ecc_family_t and psa_dh_family_t are uint8_t; bit 7 marks implementation-defined
// families): `_` covers those too. (API 1.3 gives bit 7 to ASYM-TYPE; not the target here.)
constexpr uint16_t kKeyTypeFamilyMask = 0x00ff;

struct FamilyInfo {
  std::string_view name;
  FamilyKind kind;
  uint16_t value;
};

constexpr FamilyInfo kFamilies[] = {
    {"PSA_ECC_FAMILY_SECP_K1", FamilyKind::kEcc, 0x17},
    {"PSA_ECC_FAMILY_SECP_R1", FamilyKind::kEcc, 0x12},
    {"PSA_ECC_FAMILY_SECP_R2", FamilyKind::kEcc, 0x1b},
    {"PSA_ECC_FAMILY_SECT_K1", FamilyKind::kEcc, 0x27},
    {"PSA_ECC_FAMILY_SECT_R1", FamilyKind::kEcc, 0x22},
    {"PSA_ECC_FAMILY_SECT_R2", FamilyKind::kEcc, 0x2b},
    {"PSA_ECC_FAMILY_BRAINPOOL_P_R1", FamilyKind::kEcc, 0x30},
    {"PSA_ECC_FAMILY_FRP", FamilyKind::kEcc, 0x33},
    {"PSA_ECC_FAMILY_MONTGOMERY", FamilyKind::kEcc, 0x41},
    {"PSA_ECC_FAMILY_TWISTED_EDWARDS", FamilyKind::kEcc, 0x42},
    {"PSA_DH_FAMILY_RFC7919", FamilyKind::kDh, 0x03},
};

// ---------------------------------------------------------------------------------------------
// Messages.
// ---------------------------------------------------------------------------------------------

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string Hex(uint32_t value, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "0x%0*x", digits, static_cast<unsigned>(value));
  return buffer;
}

std::string Quote(std::string_view text) { return "'" + std::string(text) + "'"; }

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      const size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// "; did you mean X?" for the closest candidate within a small edit distance, else "".
std::string Suggestion(std::string_view name, const std::vector<std::string_view>& candidates) {
  constexpr size_t kMaxDistance = 2;
  std::string_view best;
  size_t best_distance = kMaxDistance + 1;
  for (std::string_view candidate : candidates) {
    const size_t distance = EditDistance(name, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (best.empty()) return "";
  return "; did you mean " + std::string(best) + "?";
}

const char* Ordinal(size_t index) {
  static const char* const kOrdinals[] = {"first", "second", "third"};
  return index < 3 ? kOrdinals[index] : "extra";
}

// ---------------------------------------------------------------------------------------------
// Lexer and parser: text -> syntax tree with source offsets. Shared by both kinds of
// specification; evaluation gives the tree its meaning.
// ---------------------------------------------------------------------------------------------

enum class TokenKind { kName, kNumber, kOpen, kClose, kComma, kEnd };

struct Token {
  TokenKind kind;
  size_t begin;
  size_t end;
  uint32_t number = 0;  // for kNumber
};

struct Node {
  enum class Kind { kName, kNumber };
  Kind kind = Kind::kName;
  size_t begin = 0;  // source range of the whole node, arguments included
  size_t end = 0;
  std::string_view name;  // kName: the identifier
  uint32_t number = 0;    // kNumber: the literal's value
  bool has_arguments = false;
  size_t open = 0;   // offset of '(' when has_arguments
  size_t close = 0;  // offset of ')' when has_arguments
  std::vector<Node> arguments;
};

// Nesting deeper than any real specification; bounds the recursion on hostile input.
constexpr int kMaxDepth = 32;

bool IsNameStart(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNameChar(char c) { return IsNameStart(c) || IsDigit(c); }
bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsSuffixChar(char c) { return c == 'u' || c == 'U' || c == 'l' || c == 'L'; }

class Parser {
 public:
  // `noun` names what a specification denotes ("algorithm", "key type"), for messages.
  Parser(std::string_view text, const char* noun, SpecError* error)
      : text_(text), noun_(noun), error_(error) {}

  // Parses the whole text into *root. On failure fills the error and returns false.
  bool Parse(Node* root) {
    if (text_.empty()) return Fail(0, std::string("empty ") + noun_ + " specification");
    if (text_.front() == ' ') {
      return Fail(0, "space at the start of the specification: write the " +
                         std::string(noun_) + " name first");
    }
    if (text_.back() == ' ') {
      size_t first_trailing = text_.size();
      while (first_trailing > 0 && text_[first_trailing - 1] == ' ') --first_trailing;
      return Fail(first_trailing, "space at the end of the specification");
    }
    if (!Lex()) return false;
    if (!ParseNode(0, root)) return false;
    const Token& next = tokens_[position_];
    if (next.kind == TokenKind::kEnd) return true;
    if (next.kind == TokenKind::kClose) {
      return Fail(next.begin, "unbalanced ')': no '(' is open here");
    }
    return Fail(next.begin, "unexpected " + Describe(next) + " after the end of the " +
                                std::string(noun_) + " specification");
  }

 private:
  bool Fail(size_t offset, std::string message) {
    error_->offset = offset;
    error_->message = std::move(message);
    return false;
  }

  std::string Describe(const Token& token) const {
    switch (token.kind) {
      case TokenKind::kName:
      case TokenKind::kNumber:
        return Quote(text_.substr(token.begin, token.end - token.begin));
      case TokenKind::kOpen:
        return "'('";
      case TokenKind::kClose:
        return "')'";
      case TokenKind::kComma:
        return "','";
      case TokenKind::kEnd:
        return "end of specification";
    }
    return "?";
  }

  bool Lex() {
    size_t i = 0;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == ' ') {
        ++i;
      } else if (c == '\t') {
        return Fail(i, "tab character: only spaces may separate the tokens of a specification");
      } else if (c == '\n' || c == '\r') {
        return Fail(i, "line break: a specification is a single line");
      } else if (c == '(' || c == ')' || c == ',') {
        const TokenKind kind =
            c == '(' ? TokenKind::kOpen : (c == ')' ? TokenKind::kClose : TokenKind::kComma);
        tokens_.push_back({kind, i, i + 1});
        ++i;
      } else if (IsNameStart(c)) {
        const size_t begin = i;
        while (i < text_.size() && IsNameChar(text_[i])) ++i;
        tokens_.push_back({TokenKind::kName, begin, i});
      } else if (IsDigit(c)) {
        const size_t begin = i;
        while (i < text_.size() && IsNameChar(text_[i])) ++i;
        Token token{TokenKind::kNumber, begin, i};
        if (!ParseLiteral(text_.substr(begin, i - begin), begin, &token.number)) return false;
        tokens_.push_back(token);
      } else {
        const unsigned char byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7f) {
          return Fail(i, "unexpected byte " + Hex(byte, 2) +
                             ": a specification is printable ASCII");
        }
        return Fail(i, "unexpected character '" + std::string(1, c) + "'");
      }
    }
    tokens_.push_back({TokenKind::kEnd, text_.size(), text_.size()});
    return true;
  }

  // Decimal or hexadecimal literal with no suffix, like the specification asks.
  bool ParseLiteral(std::string_view literal, size_t offset, uint32_t* value) {
    const bool hex = literal.size() >= 2 && literal[0] == '0' &&
                     (literal[1] == 'x' || literal[1] == 'X');
    const size_t digits_begin = hex ? 2 : 0;
    size_t digits_end = digits_begin;
    while (digits_end < literal.size() &&
           (hex ? IsHexDigit(literal[digits_end]) : IsDigit(literal[digits_end]))) {
      ++digits_end;
    }
    const std::string quoted = Quote(literal);
    if (digits_end < literal.size()) {
      bool all_suffix = digits_end > digits_begin;
      for (size_t i = digits_end; i < literal.size(); ++i) {
        all_suffix = all_suffix && IsSuffixChar(literal[i]);
      }
      if (all_suffix) {
        return Fail(offset, "integer suffix in " + quoted + ": write the literal without suffix");
      }
      return Fail(offset, "invalid literal " + quoted +
                              ": expected a decimal or hexadecimal (0x...) literal");
    }
    if (digits_end == digits_begin) {
      return Fail(offset, "invalid literal " + quoted + ": no digits after 0x");
    }
    if (!hex && literal.size() > 1 && literal[0] == '0') {
      return Fail(offset, "literal " + quoted +
                              " has a leading zero, which C reads as octal: write it in "
                              "decimal without leading zeros, or in hexadecimal (0x...)");
    }
    uint64_t accumulated = 0;
    for (size_t i = digits_begin; i < digits_end; ++i) {
      const char c = literal[i];
      const uint32_t digit = IsDigit(c) ? static_cast<uint32_t>(c - '0')
                                        : static_cast<uint32_t>((c | 0x20) - 'a' + 10);
      accumulated = accumulated * (hex ? 16 : 10) + digit;
      if (accumulated > 0xffffffffu) {
        return Fail(offset, "literal " + quoted + " does not fit in 32 bits");
      }
    }
    *value = static_cast<uint32_t>(accumulated);
    return true;
  }

  bool ParseNode(int depth, Node* node) {
    if (depth > kMaxDepth) {
      return Fail(tokens_[position_].begin,
                  "specification nested deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    const Token& token = tokens_[position_];
    if (token.kind != TokenKind::kName && token.kind != TokenKind::kNumber) {
      const std::string expected =
          depth == 0 ? std::string(noun_[0] == 'a' ? "an " : "a ") + noun_ + " name"
                     : std::string("an argument");
      return Fail(token.begin, "expected " + expected + ", got " + Describe(token));
    }
    ++position_;
    node->begin = token.begin;
    node->end = token.end;
    if (token.kind == TokenKind::kNumber) {
      node->kind = Node::Kind::kNumber;
      node->number = token.number;
      return true;
    }
    node->kind = Node::Kind::kName;
    node->name = text_.substr(token.begin, token.end - token.begin);
    if (tokens_[position_].kind != TokenKind::kOpen) return true;
    const size_t open = tokens_[position_].begin;
    ++position_;
    node->has_arguments = true;
    node->open = open;
    if (tokens_[position_].kind == TokenKind::kClose) {
      node->close = tokens_[position_].begin;
      node->end = node->close + 1;
      ++position_;
      return true;
    }
    for (;;) {
      Node argument;
      if (!ParseNode(depth + 1, &argument)) return false;
      node->arguments.push_back(std::move(argument));
      const Token& separator = tokens_[position_];
      if (separator.kind == TokenKind::kComma) {
        ++position_;
        continue;
      }
      if (separator.kind == TokenKind::kClose) {
        ++position_;
        node->close = separator.begin;
        node->end = separator.end;
        return true;
      }
      if (separator.kind == TokenKind::kEnd) {
        return Fail(separator.begin,
                    "missing ')' to close the '(' at offset " + std::to_string(open));
      }
      return Fail(separator.begin,
                  "expected ',' or ')' after an argument, got " + Describe(separator));
    }
  }

  std::string_view text_;
  const char* noun_;
  SpecError* error_;
  std::vector<Token> tokens_;
  size_t position_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Algorithm evaluation.
// ---------------------------------------------------------------------------------------------

// What an algorithm (sub-)specification evaluates to.
struct AlgorithmValue {
  uint32_t encoding = 0;  // the value of the C expression
  AlgorithmPattern pattern;
  // Set when the expression is a key policy wildcard that denotes no set of algorithms.
  bool policy_only = false;
};

std::vector<std::string_view> AlgorithmNames() {
  std::vector<std::string_view> names;
  for (const AlgorithmMacro& macro : kAlgorithms) names.push_back(macro.name);
  return names;
}

std::vector<std::string_view> KeyTypeNames() {
  std::vector<std::string_view> names;
  for (const KeyTypeMacro& macro : kKeyTypes) names.push_back(macro.name);
  return names;
}

std::vector<std::string_view> FamilyNames(FamilyKind kind) {
  std::vector<std::string_view> names;
  for (const FamilyInfo& family : kFamilies) {
    if (family.kind == kind) names.push_back(family.name);
  }
  return names;
}

// Untruncated length of a MAC whose base algorithm (LEN and W cleared) is `mac`, or 0 when it
// depends on a hash the algorithm does not fix.
uint32_t FullMacLength(uint32_t mac) {
  if ((mac & 0x7fc0ff00u) == 0x03800000u) return HashLength(mac & kAlgHashMask);  // HMAC
  if ((mac & 0x7fc00000u) == 0x03c00000u) return kBlockCipherMacLength;          // CMAC, CBC-MAC
  return 0;
}

// Tag lengths an AEAD base algorithm (LEN and W cleared) permits, for messages and checks.
struct AeadTagLengths {
  std::string_view name;
  uint32_t base;
  std::vector<uint32_t> lengths;
};

const AeadTagLengths* FindAeadTagLengths(uint32_t base) {
  static const AeadTagLengths kAeads[] = {
      {"PSA_ALG_CCM", 0x05400100u, {4, 6, 8, 10, 12, 14, 16}},
      {"PSA_ALG_GCM", 0x05400200u, {4, 8, 12, 13, 14, 15, 16}},
      {"PSA_ALG_CHACHA20_POLY1305", 0x05000500u, {16}},
      {"PSA_ALG_XCHACHA20_POLY1305", 0x05000600u, {16}},
  };
  for (const AeadTagLengths& aead : kAeads) {
    if (aead.base == base) return &aead;
  }
  return nullptr;
}

class AlgorithmEvaluator {
 public:
  AlgorithmEvaluator(std::string_view text, SpecError* error) : text_(text), error_(error) {}

  bool Evaluate(const Node& node, AlgorithmValue* out) {
    if (node.kind == Node::Kind::kNumber) {
      return Fail(node.begin, "expected an algorithm name, got the literal " + Text(node));
    }
    const AlgorithmMacro* macro = FindAlgorithm(node.name);
    if (macro == nullptr) return FailUnknownName(node);
    if (!CheckArity(node, *macro)) return false;
    switch (macro->shape) {
      case AlgShape::kConstant:
        *out = Exact(macro->value);
        return true;
      case AlgShape::kAnyHash:
        out->encoding = kAlgAnyHash;
        out->pattern = HashWildcard(kAlgAnyHash);
        return true;
      case AlgShape::kPolicyWildcard:
        *out = Exact(macro->value);
        out->policy_only = true;
        return true;
      case AlgShape::kHashConstructor:
        return EvaluateHashConstructor(node, *macro, out);
      case AlgShape::kTruncatedMac:
      case AlgShape::kFullLengthMac:
      case AlgShape::kAtLeastMac:
        return EvaluateMacConstructor(node, macro->shape, out);
      case AlgShape::kShortenedTag:
      case AlgShape::kDefaultTag:
      case AlgShape::kAtLeastTag:
        return EvaluateAeadConstructor(node, macro->shape, out);
      case AlgShape::kKeyAgreement:
        return EvaluateKeyAgreement(node, out);
    }
    return Fail(node.begin, "internal error: unhandled algorithm shape");
  }

 private:
  bool Fail(size_t offset, std::string message) {
    error_->offset = offset;
    error_->message = std::move(message);
    return false;
  }

  std::string Text(const Node& node) const {
    return std::string(text_.substr(node.begin, node.end - node.begin));
  }

  static AlgorithmValue Exact(uint32_t value) {
    AlgorithmValue result;
    result.encoding = value;
    result.pattern.value = value;
    result.pattern.mask = 0xffffffffu;
    return result;
  }

  static AlgorithmPattern HashWildcard(uint32_t encoding) {
    AlgorithmPattern pattern;
    pattern.value = encoding & ~kAlgHashMask;
    pattern.mask = ~kAlgHashMask;
    pattern.any_hash = true;
    return pattern;
  }

  bool FailUnknownName(const Node& node) {
    const std::string name(node.name);
    if (name == "_") {
      return Fail(node.begin,
                  "'_' (all families) is only valid as the argument of a key type; "
                  "use PSA_ALG_ANY_HASH for any hash algorithm");
    }
    if (StartsWith(name, "PSA_KEY_TYPE_")) {
      return Fail(node.begin, name + " is a key type, not an algorithm");
    }
    if (StartsWith(name, "PSA_ECC_FAMILY_") || StartsWith(name, "PSA_DH_FAMILY_")) {
      return Fail(node.begin, name + " is a key type family, not an algorithm");
    }
    if (StartsWith(name, "PSA_ALG_IS_") || StartsWith(name, "PSA_ALG_GET_") ||
        StartsWith(name, "PSA_ALG_KEY_AGREEMENT_GET_")) {
      return Fail(node.begin,
                  name + " is a predicate or accessor macro, not an algorithm constructor");
    }
    if (StartsWith(name, "PSA_ALG_")) {
      return Fail(node.begin, "unknown algorithm " + name +
                                  " (not defined by PSA Crypto API 1.2)" +
                                  Suggestion(node.name, AlgorithmNames()));
    }
    return Fail(node.begin, "unknown name " + name +
                                ": an algorithm specification is a PSA_ALG_xxx macro" +
                                Suggestion(node.name, AlgorithmNames()));
  }

  bool CheckArity(const Node& node, const AlgorithmMacro& macro) {
    const Signature signature = SignatureOf(macro.shape);
    const std::string name(macro.name);
    if (signature.arity == 0) {
      if (node.has_arguments) {
        return Fail(node.open, name + " is a constant and takes no arguments");
      }
      return true;
    }
    std::string usage = name + "(";
    for (size_t i = 0; i < signature.arity; ++i) {
      usage += (i > 0 ? ", " : "") + std::string(signature.what[i]);
    }
    usage += ")";
    const std::string takes = name + " takes " + std::to_string(signature.arity) +
                              (signature.arity == 1 ? " argument" : " arguments");
    if (!node.has_arguments) {
      return Fail(node.begin, takes + ": write " + usage);
    }
    if (node.arguments.size() < signature.arity) {
      return Fail(node.close, takes + ", got " + std::to_string(node.arguments.size()) +
                                  ": write " + usage);
    }
    if (node.arguments.size() > signature.arity) {
      return Fail(node.arguments[signature.arity].begin,
                  takes + ", got " + std::to_string(node.arguments.size()) + ": write " + usage);
    }
    return true;
  }

  // "<ctor> expects a hash algorithm argument, got X" for one argument,
  // "<ctor> expects a MAC algorithm as first argument, got X" for several.
  bool FailArgumentType(const Node& constructor, size_t index, const std::string& got) {
    const Signature signature = SignatureOf(FindAlgorithm(constructor.name)->shape);
    std::string message = std::string(constructor.name) + " expects " + signature.what[index];
    if (signature.arity == 1) {
      message += " argument";
    } else {
      message += std::string(" as ") + Ordinal(index) + " argument";
    }
    return Fail(constructor.arguments[index].begin, message + ", got " + got);
  }

  std::string Got(const Node& argument) const {
    if (argument.kind == Node::Kind::kNumber) return "the literal " + Text(argument);
    return Text(argument);
  }

  // Evaluates an algorithm argument; literals are a type error.
  bool EvaluateAlgorithmArgument(const Node& constructor, size_t index, AlgorithmValue* out) {
    const Node& argument = constructor.arguments[index];
    if (argument.kind == Node::Kind::kNumber) {
      return FailArgumentType(constructor, index, Got(argument));
    }
    return Evaluate(argument, out);
  }

  // A length literal; anything else is a type error. Range checks are the caller's.
  bool LengthArgument(const Node& constructor, size_t index, uint32_t* length) {
    const Node& argument = constructor.arguments[index];
    if (argument.kind != Node::Kind::kNumber) {
      const Signature signature = SignatureOf(FindAlgorithm(constructor.name)->shape);
      return Fail(argument.begin, std::string(constructor.name) + " expects " +
                                      signature.what[index] +
                                      " (a decimal or hexadecimal literal) as " +
                                      Ordinal(index) + " argument, got " + Got(argument));
    }
    *length = argument.number;
    return true;
  }

  bool EvaluateHashConstructor(const Node& node, const AlgorithmMacro& macro,
                               AlgorithmValue* out) {
    AlgorithmValue hash;
    if (!EvaluateAlgorithmArgument(node, 0, &hash)) return false;
    if (hash.encoding == kAlgAnyHash) {
      out->encoding = macro.value | (kAlgAnyHash & kAlgHashMask);
      out->pattern = HashWildcard(out->encoding);
      return true;
    }
    const bool is_hash = Category(hash.encoding) == kCategoryHash &&
                         hash.pattern.mask == 0xffffffffu &&
                         HashLength(hash.encoding & kAlgHashMask) != 0;
    if (!is_hash) return FailArgumentType(node, 0, Got(node.arguments[0]));
    *out = Exact(macro.value | (hash.encoding & kAlgHashMask));
    return true;
  }

  // A MAC or AEAD argument: right category, and a specific algorithm (or one with a hash
  // wildcard), not a minimum-length policy.
  bool CheckBaseArgument(const Node& node, size_t index, const AlgorithmValue& argument,
                         uint32_t category) {
    const bool ok = Category(argument.encoding) == category && !argument.policy_only &&
                    argument.pattern.length_floor == AlgorithmPattern::LengthFloor::kNone;
    if (ok) return true;
    std::string got = Got(node.arguments[index]);
    if (Category(argument.encoding) == category) got = "the wildcard policy " + got;
    return FailArgumentType(node, index, got);
  }

  bool EvaluateMacConstructor(const Node& node, AlgShape shape, AlgorithmValue* out) {
    AlgorithmValue mac;
    if (!EvaluateAlgorithmArgument(node, 0, &mac)) return false;
    if (!CheckBaseArgument(node, 0, mac, kCategoryMac)) return false;
    const uint32_t base = mac.encoding & ~(kAlgLengthMask | kAlgWildcardBit);
    AlgorithmPattern pattern = mac.pattern;
    pattern.value &= ~(kAlgLengthMask | kAlgWildcardBit);
    pattern.mask |= kAlgLengthMask | kAlgWildcardBit;
    if (shape == AlgShape::kFullLengthMac) {
      out->encoding = base;
      out->pattern = pattern;
      return true;
    }
    uint32_t length = 0;
    if (!LengthArgument(node, 1, &length)) return false;
    // The untruncated length bounds the length; an HMAC whose hash is a wildcard is bounded
    // only by what the LEN field holds.
    const uint32_t full = FullMacLength(base);
    uint32_t limit = kAlgLengthFieldMax;
    std::string why = "the largest length the encoding holds";
    if (full != 0 && full <= kAlgLengthFieldMax) {
      limit = full;
      why = "the full length of " + Got(node.arguments[0]);
    }
    if (length < 1 || length > limit) {
      const char* what = shape == AlgShape::kAtLeastMac ? "minimum MAC length" : "MAC length";
      return Fail(node.arguments[1].begin,
                  std::string(what) + " must be between 1 and " + std::to_string(limit) + " (" +
                      why + "), got " + Text(node.arguments[1]));
    }
    const uint32_t length_bits = length << kAlgLengthShift;
    if (shape == AlgShape::kTruncatedMac) {
      out->encoding = base | length_bits;
      pattern.value |= length_bits;
      out->pattern = pattern;
      return true;
    }
    out->encoding = base | length_bits | kAlgWildcardBit;
    pattern.mask &= ~kAlgLengthMask;  // any length, W = 0 (a specific algorithm)
    pattern.length_floor = AlgorithmPattern::LengthFloor::kMac;
    pattern.min_length = length;
    out->pattern = pattern;
    return true;
  }

  bool EvaluateAeadConstructor(const Node& node, AlgShape shape, AlgorithmValue* out) {
    AlgorithmValue aead;
    if (!EvaluateAlgorithmArgument(node, 0, &aead)) return false;
    if (!CheckBaseArgument(node, 0, aead, kCategoryAead)) return false;
    const uint32_t base = aead.encoding & ~(kAlgLengthMask | kAlgWildcardBit);
    const AeadTagLengths* tags = FindAeadTagLengths(base);
    if (tags == nullptr) {  // only reachable if the table lacks an AEAD constant's base
      return Fail(node.arguments[0].begin, "internal error: no tag lengths for " +
                                               Got(node.arguments[0]));
    }
    if (shape == AlgShape::kDefaultTag) {
      *out = Exact(base | (kAeadDefaultTagLength << kAlgLengthShift));
      return true;
    }
    uint32_t length = 0;
    if (!LengthArgument(node, 1, &length)) return false;
    const Node& length_node = node.arguments[1];
    if (shape == AlgShape::kShortenedTag) {
      if (std::find(tags->lengths.begin(), tags->lengths.end(), length) == tags->lengths.end()) {
        std::string valid;
        for (uint32_t valid_length : tags->lengths) {
          valid += (valid.empty() ? "" : ", ") + std::to_string(valid_length);
        }
        return Fail(length_node.begin,
                    std::string(tags->name) + " tag length must be " +
                        (tags->lengths.size() == 1 ? "" : "one of ") + valid + ", got " +
                        Text(length_node));
      }
      *out = Exact(base | (length << kAlgLengthShift));
      return true;
    }
    const uint32_t largest = tags->lengths.back();
    if (length < 1 || length > largest) {
      return Fail(length_node.begin, "minimum tag length must be between 1 and " +
                                         std::to_string(largest) + " (the largest tag of " +
                                         std::string(tags->name) + "), got " +
                                         Text(length_node));
    }
    out->encoding = base | (length << kAlgLengthShift) | kAlgWildcardBit;
    out->pattern.value = base;
    out->pattern.mask = ~kAlgLengthMask;
    out->pattern.any_hash = false;
    out->pattern.length_floor = AlgorithmPattern::LengthFloor::kAeadTag;
    out->pattern.min_length = length;
    return true;
  }

  bool EvaluateKeyAgreement(const Node& node, AlgorithmValue* out) {
    AlgorithmValue agreement;
    if (!EvaluateAlgorithmArgument(node, 0, &agreement)) return false;
    const bool standalone = Category(agreement.encoding) == kCategoryKeyAgreement &&
                            agreement.pattern.mask == 0xffffffffu &&
                            (agreement.encoding & 0x0080ffffu) == 0;
    if (!standalone) return FailArgumentType(node, 0, Got(node.arguments[0]));
    AlgorithmValue derivation;
    if (!EvaluateAlgorithmArgument(node, 1, &derivation)) return false;
    if (Category(derivation.encoding) != kCategoryKeyDerivation) {
      return FailArgumentType(node, 1, Got(node.arguments[1]));
    }
    out->encoding = agreement.encoding | derivation.encoding;
    out->pattern = derivation.pattern;
    out->pattern.value |= agreement.encoding;
    return true;
  }

  std::string_view text_;
  SpecError* error_;
};

bool EvaluateAlgorithmText(std::string_view text, AlgorithmValue* value, SpecError* error) {
  Node root;
  if (!Parser(text, "algorithm", error).Parse(&root)) return false;
  return AlgorithmEvaluator(text, error).Evaluate(root, value);
}

// ---------------------------------------------------------------------------------------------
// Key type evaluation.
// ---------------------------------------------------------------------------------------------

class KeyTypeEvaluator {
 public:
  KeyTypeEvaluator(std::string_view text, SpecError* error) : text_(text), error_(error) {}

  bool Evaluate(const Node& node, KeyTypePattern* out) {
    if (node.kind == Node::Kind::kNumber) {
      return Fail(node.begin, "expected a key type name, got the literal " + Text(node));
    }
    const KeyTypeMacro* macro = nullptr;
    for (const KeyTypeMacro& candidate : kKeyTypes) {
      if (candidate.name == node.name) macro = &candidate;
    }
    if (macro == nullptr) return FailUnknownName(node);
    const std::string name(macro->name);
    if (macro->shape == KeyShape::kConstant) {
      if (node.has_arguments) {
        return Fail(node.open, name + " is a constant and takes no arguments");
      }
      out->value = macro->value;
      out->mask = 0xffff;
      return true;
    }
    const FamilyKind kind =
        macro->shape == KeyShape::kEccFamily ? FamilyKind::kEcc : FamilyKind::kDh;
    const std::string usage = name + "(" + FamilyWhat(kind) + " or _)";
    if (!node.has_arguments) return Fail(node.begin, name + " takes 1 argument: write " + usage);
    if (node.arguments.size() != 1) {
      const size_t offset = node.arguments.empty() ? node.close : node.arguments[1].begin;
      return Fail(offset, name + " takes 1 argument, got " +
                              std::to_string(node.arguments.size()) + ": write " + usage);
    }
    const Node& argument = node.arguments[0];
    const std::string expects = name + " expects " + FamilyWhat(kind) + " or _, got ";
    if (argument.kind == Node::Kind::kNumber) {
      return Fail(argument.begin, expects + "the literal " + Text(argument) +
                                      ": family arguments must be names of constants");
    }
    if (argument.name == "_") {
      if (argument.has_arguments) return Fail(argument.open, "'_' takes no arguments");
      out->value = macro->value;
      out->mask = static_cast<uint16_t>(~kKeyTypeFamilyMask);
      return true;
    }
    const FamilyInfo* family = nullptr;
    for (const FamilyInfo& candidate : kFamilies) {
      if (candidate.name == argument.name) family = &candidate;
    }
    if (family == nullptr) {
      const bool family_like = StartsWith(argument.name, "PSA_ECC_FAMILY_") ||
                               StartsWith(argument.name, "PSA_DH_FAMILY_");
      if (family_like) {
        return Fail(argument.begin, "unknown family " + std::string(argument.name) +
                                        " (not defined by PSA Crypto API 1.2)" +
                                        Suggestion(argument.name, FamilyNames(kind)));
      }
      return Fail(argument.begin, expects + Text(argument));
    }
    if (family->kind != kind) return Fail(argument.begin, expects + Text(argument));
    if (argument.has_arguments) {
      return Fail(argument.open, std::string(family->name) + " is a constant and takes no arguments");
    }
    out->value = static_cast<uint16_t>(macro->value | family->value);
    out->mask = 0xffff;
    return true;
  }

 private:
  bool Fail(size_t offset, std::string message) {
    error_->offset = offset;
    error_->message = std::move(message);
    return false;
  }

  std::string Text(const Node& node) const {
    return std::string(text_.substr(node.begin, node.end - node.begin));
  }

  static std::string FamilyWhat(FamilyKind kind) {
    return kind == FamilyKind::kEcc ? "an elliptic curve family (PSA_ECC_FAMILY_xxx)"
                                    : "a Diffie-Hellman group family (PSA_DH_FAMILY_xxx)";
  }

  bool FailUnknownName(const Node& node) {
    const std::string name(node.name);
    if (name == "_") {
      return Fail(node.begin,
                  "'_' (all families) is only valid as the argument of a family-parameterized "
                  "key type such as PSA_KEY_TYPE_ECC_KEY_PAIR(_)");
    }
    if (StartsWith(name, "PSA_ALG_")) {
      return Fail(node.begin, name + " is an algorithm, not a key type");
    }
    if (StartsWith(name, "PSA_ECC_FAMILY_")) {
      return Fail(node.begin, name + " is a family, not a key type: write "
                                     "PSA_KEY_TYPE_ECC_KEY_PAIR(" + name +
                                     ") or PSA_KEY_TYPE_ECC_PUBLIC_KEY(" + name + ")");
    }
    if (StartsWith(name, "PSA_DH_FAMILY_")) {
      return Fail(node.begin, name + " is a family, not a key type: write "
                                     "PSA_KEY_TYPE_DH_KEY_PAIR(" + name +
                                     ") or PSA_KEY_TYPE_DH_PUBLIC_KEY(" + name + ")");
    }
    if (StartsWith(name, "PSA_KEY_TYPE_IS_") || StartsWith(name, "PSA_KEY_TYPE_KEY_PAIR_OF_") ||
        StartsWith(name, "PSA_KEY_TYPE_PUBLIC_KEY_OF_") ||
        (StartsWith(name, "PSA_KEY_TYPE_") && name.find("_GET_") != std::string::npos)) {
      return Fail(node.begin, name + " is a predicate or conversion macro, not a key type");
    }
    if (StartsWith(name, "PSA_KEY_TYPE_")) {
      return Fail(node.begin, "unknown key type " + name +
                                  " (not defined by PSA Crypto API 1.2)" +
                                  Suggestion(node.name, KeyTypeNames()));
    }
    return Fail(node.begin, "unknown name " + name +
                                ": a key type specification is a PSA_KEY_TYPE_xxx macro" +
                                Suggestion(node.name, KeyTypeNames()));
  }

  std::string_view text_;
  SpecError* error_;
};

// ---------------------------------------------------------------------------------------------
// C conditions.
// ---------------------------------------------------------------------------------------------

std::string HexU(uint32_t value, int digits) { return Hex(value, digits) + "u"; }

}  // namespace

bool AlgorithmPattern::Matches(uint32_t alg) const {
  if ((alg & mask) != value) return false;
  if (any_hash) {
    const uint32_t hash = alg & kAlgHashMask;
    if (hash == 0 || hash == kAlgHashMask) return false;
  }
  if (min_length == 0) return true;
  switch (length_floor) {
    case LengthFloor::kNone:
      return true;
    case LengthFloor::kMac: {
      if ((alg & kAlgWildcardBit) != 0) return false;
      uint32_t length = LengthField(alg);
      if (length == 0) length = FullMacLength(alg & ~(kAlgLengthMask | kAlgWildcardBit));
      return length != 0 && length >= min_length;
    }
    case LengthFloor::kAeadTag:
      if ((alg & kAlgWildcardBit) != 0) return false;
      return LengthField(alg) >= min_length;
  }
  return false;
}

bool operator==(const AlgorithmPattern& a, const AlgorithmPattern& b) {
  return a.value == b.value && a.mask == b.mask && a.any_hash == b.any_hash &&
         a.length_floor == b.length_floor && a.min_length == b.min_length;
}

bool operator==(const KeyTypePattern& a, const KeyTypePattern& b) {
  return a.value == b.value && a.mask == b.mask;
}

bool ParseAlgorithmSpec(std::string_view text, AlgorithmPattern* out, SpecError* error) {
  AlgorithmValue value;
  if (!EvaluateAlgorithmText(text, &value, error)) return false;
  if (value.policy_only) {
    error->offset = 0;
    error->message = std::string(text) +
                     " is a key policy wildcard that spans a cipher and an AEAD algorithm, not "
                     "a set of algorithms a driver implements: list PSA_ALG_CCM_STAR_NO_TAG "
                     "and PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 4) instead";
    return false;
  }
  *out = value.pattern;
  return true;
}

bool EvaluateAlgorithmSpec(std::string_view text, uint32_t* value, SpecError* error) {
  AlgorithmValue evaluated;
  if (!EvaluateAlgorithmText(text, &evaluated, error)) return false;
  *value = evaluated.encoding;
  return true;
}

bool ParseKeyTypeSpec(std::string_view text, KeyTypePattern* out, SpecError* error) {
  Node root;
  if (!Parser(text, "key type", error).Parse(&root)) return false;
  KeyTypePattern pattern;
  if (!KeyTypeEvaluator(text, error).Evaluate(root, &pattern)) return false;
  *out = pattern;
  return true;
}

std::string AlgorithmCondition(const AlgorithmPattern& pattern, std::string_view var) {
  const std::string v = "(" + std::string(var) + ")";
  std::vector<std::string> terms;
  if (pattern.mask == 0xffffffffu) {
    terms.push_back(v + " == " + HexU(pattern.value, 8));
  } else {
    terms.push_back("(" + v + " & " + HexU(pattern.mask, 8) + ") == " + HexU(pattern.value, 8));
  }
  const std::string hash = "(" + v + " & 0xffu)";
  if (pattern.any_hash) {
    terms.push_back(hash + " != 0x00u");
    terms.push_back(hash + " != 0xffu");
  }
  const std::string length = "((" + v + " >> 16) & 0x3fu)";
  const std::string at_least = length + " >= " + std::to_string(pattern.min_length) + "u";
  const bool has_floor =
      pattern.min_length > 0 && pattern.length_floor != AlgorithmPattern::LengthFloor::kNone;
  // Wildcard-policy encodings are not members; parsed patterns already fix W = 0 in the mask.
  if (has_floor && (pattern.mask & kAlgWildcardBit) == 0) {
    terms.push_back("(" + v + " & " + HexU(kAlgWildcardBit, 8) + ") == 0u");
  }
  if (has_floor && pattern.length_floor == AlgorithmPattern::LengthFloor::kAeadTag) {
    terms.push_back(at_least);
  } else if (has_floor && pattern.length_floor == AlgorithmPattern::LengthFloor::kMac) {
    // An untruncated MAC (LEN = 0) counts with its full length: decided here when the pattern
    // fixes the base algorithm, else listed per hash.
    std::string untruncated;
    if ((pattern.mask & kAlgHashMask) == kAlgHashMask || FullMacLength(pattern.value) != 0) {
      const uint32_t full = FullMacLength(pattern.value & ~(kAlgLengthMask | kAlgWildcardBit));
      if (full >= pattern.min_length) untruncated = length + " == 0u";
    } else {
      std::vector<uint32_t> hashes;
      for (const HashInfo& info : kHashes) {
        if (info.length >= pattern.min_length) hashes.push_back(info.value & kAlgHashMask);
      }
      std::sort(hashes.begin(), hashes.end());
      std::string any_of;
      for (uint32_t hash_field : hashes) {
        any_of += (any_of.empty() ? "" : " || ") + hash + " == " + HexU(hash_field, 2);
      }
      if (!any_of.empty()) untruncated = "(" + length + " == 0u && (" + any_of + "))";
    }
    terms.push_back(untruncated.empty() ? "(" + at_least + ")"
                                        : "(" + at_least + " || " + untruncated + ")");
  }
  if (terms.size() == 1) return "(" + terms[0] + ")";
  std::string condition = "(";
  for (size_t i = 0; i < terms.size(); ++i) {
    condition += (i > 0 ? " && " : "") + ("(" + terms[i] + ")");
  }
  return condition + ")";
}

std::string KeyTypeCondition(const KeyTypePattern& pattern, std::string_view var) {
  const std::string v = "(" + std::string(var) + ")";
  if (pattern.mask == 0xffff) return "(" + v + " == " + HexU(pattern.value, 4) + ")";
  return "((" + v + " & " + HexU(pattern.mask, 4) + ") == " + HexU(pattern.value, 4) + ")";
}

std::vector<std::string_view> KnownAlgorithmNames() { return AlgorithmNames(); }

std::vector<std::string_view> KnownKeyTypeNames() { return KeyTypeNames(); }

std::vector<std::string_view> KnownFamilyNames() {
  std::vector<std::string_view> names;
  for (const FamilyInfo& family : kFamilies) names.push_back(family.name);
  return names;
}

}  // namespace psa::drivergen
