// Driver-level tests of the builtin RSA key management, through the C entry
// points: round trips of OpenSSL-generated keys of 1024 to 4096 bits
// (testdata/openssl_keys.json) and of Wycheproof's 2048-bit key
// (testdata/wycheproof_keys.json), generation, buffer sizes, and a table of
// invalid imports (malformed DER, inconsistent numbers, sizes) with their
// statuses; and RsaLoadKey, which the signature and encryption entry points
// use.

#include <stddef.h>
#include <stdint.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/types/span.h"
#include "drivers/builtin/builtin_rsa.h"
#include "drivers/builtin/der.h"
#include "drivers/builtin/key_management_test_util.h"
#include "gtest/gtest.h"
#include "mbedtls/bignum.h"
#include "mbedtls/rsa.h"

namespace drivers::builtin {
namespace {

using ::drivers::builtin::testing::Bytes;
using ::drivers::builtin::testing::ExportPublic;
using ::drivers::builtin::testing::FromHex;
using ::drivers::builtin::testing::Generate;
using ::drivers::builtin::testing::Import;
using ::drivers::builtin::testing::ImportStatus;
using ::drivers::builtin::testing::KeyManagementTest;
using ::drivers::builtin::testing::LoadTestData;
using ::drivers::builtin::testing::ToHex;

constexpr psa_key_type_t kPair = PSA_KEY_TYPE_RSA_KEY_PAIR;
constexpr psa_key_type_t kPublic = PSA_KEY_TYPE_RSA_PUBLIC_KEY;

// ---- DER building and big-endian arithmetic for the test inputs ----

Bytes Element(uint8_t tag, const Bytes& contents) {
  Bytes out(der::ElementSize(contents.size()));
  der::Writer writer(out.data(), out.size());
  writer.WriteHeader(tag, contents.size());
  uint8_t* body = writer.Reserve(contents.size());
  EXPECT_TRUE(writer.ok());
  if (!contents.empty()) std::copy(contents.begin(), contents.end(), body);
  return out;
}

Bytes Integer(const Bytes& magnitude) {
  Bytes out(der::ElementSize(
      der::UnsignedIntegerContentLength(absl::MakeConstSpan(magnitude))));
  der::Writer writer(out.data(), out.size());
  writer.WriteUnsignedInteger(absl::MakeConstSpan(magnitude));
  EXPECT_TRUE(writer.ok());
  return out;
}

Bytes Sequence(const std::vector<Bytes>& elements) {
  Bytes contents;
  for (const Bytes& e : elements)
    contents.insert(contents.end(), e.begin(), e.end());
  return Element(der::kTagSequence, contents);
}

Bytes Strip(Bytes value) {
  size_t zeros = 0;
  while (zeros < value.size() && value[zeros] == 0) ++zeros;
  return Bytes(value.begin() + zeros, value.end());
}

// a + b, big-endian magnitudes.
Bytes Add(const Bytes& a, const Bytes& b) {
  Bytes sum(std::max(a.size(), b.size()) + 1, 0);
  int carry = 0;
  for (size_t i = 0; i < sum.size(); ++i) {
    int total = carry;
    if (i < a.size()) total += a[a.size() - 1 - i];
    if (i < b.size()) total += b[b.size() - 1 - i];
    sum[sum.size() - 1 - i] = static_cast<uint8_t>(total & 0xFF);
    carry = total >> 8;
  }
  return Strip(sum);
}

// a + delta for a small delta >= -a.
Bytes AddSmall(const Bytes& a, int delta) {
  if (delta >= 0) return Add(a, {static_cast<uint8_t>(delta)});
  Bytes result = a;
  int borrow = -delta;
  for (size_t i = result.size(); i-- > 0 && borrow != 0;) {
    int value = result[i] - borrow;
    borrow = 0;
    while (value < 0) {
      value += 256;
      ++borrow;
    }
    result[i] = static_cast<uint8_t>(value);
  }
  return Strip(result);
}

Bytes Small(uint8_t value) { return value == 0 ? Bytes{} : Bytes{value}; }

// The nine INTEGERs of an RSAPrivateKey, as magnitudes.
struct KeyPairNumbers {
  Bytes version, n, e, d, p, q, dp, dq, qinv;

  Bytes Encode() const {
    return Sequence({Integer(version), Integer(n), Integer(e), Integer(d),
                     Integer(p), Integer(q), Integer(dp), Integer(dq),
                     Integer(qinv)});
  }
};

KeyPairNumbers ParseKeyPair(const Bytes& der) {
  KeyPairNumbers numbers;
  der::Reader outer(absl::MakeConstSpan(der));
  absl::Span<const uint8_t> sequence;
  EXPECT_TRUE(outer.ReadElement(der::kTagSequence, &sequence));
  der::Reader fields(sequence);
  for (Bytes* field :
       {&numbers.version, &numbers.n, &numbers.e, &numbers.d, &numbers.p,
        &numbers.q, &numbers.dp, &numbers.dq, &numbers.qinv}) {
    absl::Span<const uint8_t> magnitude;
    EXPECT_TRUE(fields.ReadUnsignedInteger(&magnitude));
    *field = Bytes(magnitude.begin(), magnitude.end());
  }
  EXPECT_TRUE(fields.AtEnd());
  return numbers;
}

// The RSAPrivateKey inside a PKCS #8 PrivateKeyInfo:
// SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING { key } }.
Bytes Pkcs1FromPkcs8(const Bytes& pkcs8) {
  der::Reader outer(absl::MakeConstSpan(pkcs8));
  absl::Span<const uint8_t> info, version, algorithm, key;
  EXPECT_TRUE(outer.ReadElement(der::kTagSequence, &info));
  der::Reader fields(info);
  EXPECT_TRUE(fields.ReadUnsignedInteger(&version));
  EXPECT_TRUE(fields.ReadElement(der::kTagSequence, &algorithm));
  EXPECT_TRUE(fields.ReadElement(0x04, &key));
  return Bytes(key.begin(), key.end());
}

size_t BitLength(const Bytes& magnitude) {
  const Bytes stripped = Strip(magnitude);
  if (stripped.empty()) return 0;
  size_t bits = 8 * (stripped.size() - 1);
  for (uint8_t top = stripped[0]; top != 0; top >>= 1) ++bits;
  return bits;
}

struct OpenSslKey {
  size_t bits;
  Bytes private_key, public_key;
};

std::vector<OpenSslKey> OpenSslKeys() {
  std::vector<OpenSslKey> keys;
  const nlohmann::json data = LoadTestData("openssl_keys.json");
  for (const nlohmann::json& entry : data.at("rsa")) {
    keys.push_back({entry.at("bits").get<size_t>(),
                    FromHex(entry.at("private")), FromHex(entry.at("public"))});
  }
  return keys;
}

class BuiltinRsaTest : public KeyManagementTest {};

TEST_F(BuiltinRsaTest, OpenSslKeysRoundTripAndExportTheirPublicKeys) {
  const std::vector<OpenSslKey> keys = OpenSslKeys();
  std::vector<size_t> sizes;
  for (const OpenSslKey& key : keys) {
    SCOPED_TRACE(key.bits);
    sizes.push_back(key.bits);
    for (size_t given_bits : {size_t{0}, key.bits}) {
      const auto pair = Import(kPair, given_bits, key.private_key);
      ASSERT_EQ(pair.status, PSA_SUCCESS);
      EXPECT_EQ(pair.bits, key.bits);
      EXPECT_EQ(pair.key, key.private_key);
      EXPECT_LE(pair.key.size(), PSA_EXPORT_KEY_OUTPUT_SIZE(kPair, key.bits));

      const auto derived = ExportPublic(kPair, key.bits, pair.key);
      ASSERT_EQ(derived.status, PSA_SUCCESS);
      EXPECT_EQ(ToHex(derived.output), ToHex(key.public_key));
      EXPECT_LE(derived.output.size(),
                PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(kPair, key.bits));

      const auto public_key = Import(kPublic, given_bits, key.public_key);
      ASSERT_EQ(public_key.status, PSA_SUCCESS);
      EXPECT_EQ(public_key.bits, key.bits);
      EXPECT_EQ(public_key.key, key.public_key);
      const auto exported = ExportPublic(kPublic, key.bits, public_key.key);
      ASSERT_EQ(exported.status, PSA_SUCCESS);
      EXPECT_EQ(exported.output, key.public_key);
    }
  }
  EXPECT_EQ(sizes, (std::vector<size_t>{1024, 2048, 3072, 4096}));
}

// Wycheproof's 2048-bit key: the RSAPrivateKey of its PKCS #8 form imports,
// and its public key is the RSAPublicKey Wycheproof publishes for it.
TEST_F(BuiltinRsaTest, WycheproofKeyPairGivesItsPublishedPublicKey) {
  const nlohmann::json data = LoadTestData("wycheproof_keys.json");
  const nlohmann::json& rsa = data.at("rsa_2048");
  const Bytes private_key = Pkcs1FromPkcs8(FromHex(rsa.at("privateKeyPkcs8")));
  const Bytes public_key = FromHex(rsa.at("publicKeyAsn"));

  const KeyPairNumbers numbers = ParseKeyPair(private_key);
  const nlohmann::json& published = rsa.at("privateKey");
  EXPECT_EQ(numbers.n, Strip(FromHex(published.at("modulus"))));
  EXPECT_EQ(numbers.d, Strip(FromHex(published.at("privateExponent"))));
  EXPECT_EQ(numbers.qinv, Strip(FromHex(published.at("coefficient"))));

  const auto pair = Import(kPair, 0, private_key);
  ASSERT_EQ(pair.status, PSA_SUCCESS);
  EXPECT_EQ(pair.bits, 2048u);
  const auto derived = ExportPublic(kPair, 2048, pair.key);
  ASSERT_EQ(derived.status, PSA_SUCCESS);
  EXPECT_EQ(ToHex(derived.output), ToHex(public_key));
  EXPECT_EQ(Import(kPublic, 2048, public_key).status, PSA_SUCCESS);
}

// Generated keys: the requested size, exponent 65537, version 0, accepted by
// import, different each time.
TEST_F(BuiltinRsaTest, GeneratedKeysAreValidRsaPrivateKeys) {
  for (size_t bits : {size_t{1024}, size_t{1032}, size_t{2048}}) {
    SCOPED_TRACE(bits);
    const auto generated = Generate(kPair, bits);
    ASSERT_EQ(generated.status, PSA_SUCCESS);
    EXPECT_LE(generated.output.size(), PSA_EXPORT_KEY_OUTPUT_SIZE(kPair, bits));
    const KeyPairNumbers numbers = ParseKeyPair(generated.output);
    EXPECT_TRUE(numbers.version.empty());
    EXPECT_EQ(numbers.e, Bytes({0x01, 0x00, 0x01}));
    EXPECT_EQ(BitLength(numbers.n), bits);
    EXPECT_EQ(numbers.Encode(), generated.output);  // canonical DER

    const auto imported = Import(kPair, 0, generated.output);
    ASSERT_EQ(imported.status, PSA_SUCCESS);
    EXPECT_EQ(imported.bits, bits);
    const auto public_key = ExportPublic(kPair, bits, generated.output);
    ASSERT_EQ(public_key.status, PSA_SUCCESS);
    EXPECT_EQ(public_key.output,
              Sequence({Integer(numbers.n), Integer(numbers.e)}));
    EXPECT_EQ(Import(kPublic, bits, public_key.output).status, PSA_SUCCESS);

    const auto other = Generate(kPair, bits);
    ASSERT_EQ(other.status, PSA_SUCCESS);
    EXPECT_NE(ParseKeyPair(other.output).n, numbers.n);
  }
}

// The largest size, into the buffer the core allocates for it.
TEST_F(BuiltinRsaTest, Generates4096BitKeysIntoTheExportSize) {
  const size_t buffer_size = PSA_EXPORT_KEY_OUTPUT_SIZE(kPair, 4096);
  const auto generated = Generate(kPair, 4096, buffer_size);
  ASSERT_EQ(generated.status, PSA_SUCCESS);
  EXPECT_EQ(BitLength(ParseKeyPair(generated.output).n), 4096u);
  const auto imported = Import(kPair, 4096, generated.output);
  EXPECT_EQ(imported.status, PSA_SUCCESS);
  const auto public_key =
      ExportPublic(kPair, 4096, generated.output,
                   PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(kPair, 4096));
  ASSERT_EQ(public_key.status, PSA_SUCCESS);
  EXPECT_EQ(Import(kPublic, 0, public_key.output).bits, 4096u);
}

TEST_F(BuiltinRsaTest, GenerationRejectsWhatItDoesNotSupport) {
  EXPECT_EQ(Generate(kPair, 0).status, PSA_ERROR_INVALID_ARGUMENT);
  for (size_t bits : {size_t{512}, size_t{1016}, size_t{1020}, size_t{1025},
                      size_t{4104}, size_t{8192}}) {
    EXPECT_EQ(Generate(kPair, bits).status, PSA_ERROR_NOT_SUPPORTED) << bits;
  }
  EXPECT_EQ(Generate(kPublic, 1024).status, PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(Generate(kPair, 1024, 300).status, PSA_ERROR_BUFFER_TOO_SMALL);
}

TEST_F(BuiltinRsaTest, BuffersOneByteShort) {
  const OpenSslKey key = OpenSslKeys().at(0);
  const size_t private_length = key.private_key.size();
  const size_t public_length = key.public_key.size();
  EXPECT_EQ(Import(kPair, 0, key.private_key, private_length - 1).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(Import(kPair, 0, key.private_key, private_length).status,
            PSA_SUCCESS);
  EXPECT_EQ(Import(kPublic, 0, key.public_key, public_length - 1).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(
      ExportPublic(kPair, key.bits, key.private_key, public_length - 1).status,
      PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(
      ExportPublic(kPair, key.bits, key.private_key, public_length).status,
      PSA_SUCCESS);
  EXPECT_EQ(
      ExportPublic(kPublic, key.bits, key.public_key, public_length - 1).status,
      PSA_ERROR_BUFFER_TOO_SMALL);
}

TEST_F(BuiltinRsaTest, ExportPublicKeyChecksTheKeyBuffer) {
  const OpenSslKey key = OpenSslKeys().at(0);
  EXPECT_EQ(ExportPublic(kPair, 2048, key.private_key).status,
            PSA_ERROR_INVALID_ARGUMENT);  // the attributes' size differs
  Bytes with_trailing_byte = key.private_key;
  with_trailing_byte.push_back(0);
  EXPECT_EQ(ExportPublic(kPair, key.bits, with_trailing_byte).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ExportPublic(kPublic, key.bits, key.private_key).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ExportPublic(kPair, 512, key.private_key).status,
            PSA_ERROR_NOT_SUPPORTED);
}

struct InvalidImport {
  std::string name;
  psa_key_type_t type;
  size_t bits;
  Bytes data;
  psa_status_t expected;
};

std::vector<InvalidImport> InvalidImports() {
  const OpenSslKey key = OpenSslKeys().at(0);  // 1024 bits
  const KeyPairNumbers valid = ParseKeyPair(key.private_key);
  const Bytes& der = key.private_key;
  const Bytes public_der = key.public_key;
  const Bytes p_minus_1 = AddSmall(valid.p, -1);

  auto with = [&](auto change) {
    KeyPairNumbers numbers = valid;
    change(numbers);
    return numbers.Encode();
  };
  auto public_key = [](const Bytes& n, const Bytes& e) {
    return Sequence({Integer(n), Integer(e)});
  };
  // A modulus of `bits` bits, odd, all ones: the size is what matters.
  auto odd_modulus = [](size_t bits) {
    Bytes n((bits + 7) / 8, 0xFF);
    if (bits % 8 != 0) n[0] = static_cast<uint8_t>((1u << (bits % 8)) - 1);
    return n;
  };

  Bytes truncated(der.begin(), der.end() - 1);
  Bytes trailing = der;
  trailing.push_back(0x00);
  Bytes set_tag = der;
  set_tag[0] = 0x31;
  // The outer length in a long form with a leading zero octet: 0x82 LL LL ->
  // 0x83 00 LL LL.
  Bytes long_length = der;
  EXPECT_EQ(long_length[1], 0x82);
  long_length[1] = 0x83;
  long_length.insert(long_length.begin() + 2, 0x00);
  Bytes indefinite = {0x30, 0x80};
  indefinite.insert(indefinite.end(), der.begin() + 4, der.end());
  indefinite.insert(indefinite.end(), {0x00, 0x00});
  // n's INTEGER tag (after 30 82 LL LL 02 01 00) changed to BIT STRING.
  Bytes bit_string_n = der;
  EXPECT_EQ(bit_string_n[7], der::kTagInteger);
  bit_string_n[7] = 0x03;
  // e with a redundant leading zero: 02 04 00 01 00 01.
  const Bytes padded_e = {0x02, 0x04, 0x00, 0x01, 0x00, 0x01};
  // n without its sign byte: a negative INTEGER.
  Bytes negative_n_contents(valid.n.begin(), valid.n.end());
  const Bytes negative_n_public = Sequence(
      {Element(der::kTagInteger, negative_n_contents), Integer(valid.e)});

  constexpr psa_status_t kInvalid = PSA_ERROR_INVALID_ARGUMENT;
  constexpr psa_status_t kUnsupported = PSA_ERROR_NOT_SUPPORTED;
  std::vector<InvalidImport> cases = {
      // DER structure.
      {"empty key pair", kPair, 0, {}, kInvalid},
      {"empty public key", kPublic, 0, {}, kInvalid},
      {"truncated key pair", kPair, 0, truncated, kInvalid},
      {"key pair with a trailing byte", kPair, 0, trailing, kInvalid},
      {"public key truncated", kPublic, 0,
       Bytes(public_der.begin(), public_der.end() - 1), kInvalid},
      {"public key with a trailing byte", kPublic, 0,
       [&] {
         Bytes b = public_der;
         b.push_back(0);
         return b;
       }(),
       kInvalid},
      {"SET instead of SEQUENCE", kPair, 0, set_tag, kInvalid},
      {"non-minimal SEQUENCE length", kPair, 0, long_length, kInvalid},
      {"indefinite SEQUENCE length", kPair, 0, indefinite, kInvalid},
      {"modulus as BIT STRING", kPair, 0, bit_string_n, kInvalid},
      {"public exponent with a redundant zero", kPublic, 0,
       Sequence({Integer(valid.n), padded_e}), kInvalid},
      {"negative modulus", kPublic, 0, negative_n_public, kInvalid},
      {"version 1 (multi-prime)", kPair, 0,
       with([](KeyPairNumbers& k) { k.version = Small(1); }), kInvalid},
      {"no coefficient", kPair, 0,
       Sequence({Integer(valid.version), Integer(valid.n), Integer(valid.e),
                 Integer(valid.d), Integer(valid.p), Integer(valid.q),
                 Integer(valid.dp), Integer(valid.dq)}),
       kInvalid},
      {"a tenth INTEGER", kPair, 0,
       Sequence({Integer(valid.version), Integer(valid.n), Integer(valid.e),
                 Integer(valid.d), Integer(valid.p), Integer(valid.q),
                 Integer(valid.dp), Integer(valid.dq), Integer(valid.qinv),
                 Integer(Small(1))}),
       kInvalid},
      {"public key imported as a key pair", kPair, 0, public_der, kInvalid},
      {"key pair imported as a public key", kPublic, 0, der, kInvalid},
      {"public key without exponent", kPublic, 0, Sequence({Integer(valid.n)}),
       kInvalid},
      // Public numbers.
      {"even modulus (public)", kPublic, 0,
       public_key(AddSmall(valid.n, 1), valid.e), kInvalid},
      {"even modulus (pair)", kPair, 0,
       with([](KeyPairNumbers& k) { k.n = AddSmall(k.n, 1); }), kInvalid},
      {"modulus 0", kPublic, 0, public_key({}, valid.e), kInvalid},
      {"e = 1 (public)", kPublic, 0, public_key(valid.n, Small(1)), kInvalid},
      {"e = 1 (pair)", kPair, 0,
       with([](KeyPairNumbers& k) { k.e = Small(1); }), kInvalid},
      {"e = 0", kPublic, 0, public_key(valid.n, {}), kInvalid},
      {"e = 2", kPublic, 0, public_key(valid.n, Small(2)), kInvalid},
      {"e = n", kPublic, 0, public_key(valid.n, valid.n), kInvalid},
      {"e = n + 2", kPublic, 0, public_key(valid.n, AddSmall(valid.n, 2)),
       kInvalid},
      // Key pair numbers.
      {"p * q != n (p + 2)", kPair, 0,
       with([](KeyPairNumbers& k) { k.p = AddSmall(k.p, 2); }), kInvalid},
      {"p = n, q = 1", kPair, 0, with([](KeyPairNumbers& k) {
         k.p = k.n;
         k.q = Small(1);
       }),
       kInvalid},
      {"d = 0", kPair, 0, with([](KeyPairNumbers& k) { k.d = {}; }), kInvalid},
      {"d + 2", kPair, 0,
       with([](KeyPairNumbers& k) { k.d = AddSmall(k.d, 2); }), kInvalid},
      {"dp + 2", kPair, 0,
       with([](KeyPairNumbers& k) { k.dp = AddSmall(k.dp, 2); }), kInvalid},
      {"dp + (p - 1): congruent but not reduced", kPair, 0,
       with([&](KeyPairNumbers& k) { k.dp = Add(k.dp, p_minus_1); }), kInvalid},
      {"dq = 0", kPair, 0, with([](KeyPairNumbers& k) { k.dq = {}; }),
       kInvalid},
      {"qinv + 1", kPair, 0,
       with([](KeyPairNumbers& k) { k.qinv = AddSmall(k.qinv, 1); }), kInvalid},
      {"qinv + p: congruent but not reduced", kPair, 0,
       with([&](KeyPairNumbers& k) { k.qinv = Add(k.qinv, valid.p); }),
       kInvalid},
      {"p and q swapped (qinv no longer q^-1 mod p)", kPair, 0,
       with([](KeyPairNumbers& k) { std::swap(k.p, k.q); }), kInvalid},
      // Sizes.
      {"1024-bit key pair with bits 2048", kPair, 2048, der, kInvalid},
      {"1024-bit key pair with bits 1023", kPair, 1023, der, kInvalid},
      {"1024-bit public key with bits 1032", kPublic, 1032, public_der,
       kInvalid},
      {"512-bit public key", kPublic, 0, public_key(odd_modulus(512), valid.e),
       kUnsupported},
      {"1020-bit public key (not whole bytes)", kPublic, 0,
       public_key(odd_modulus(1020), valid.e), kUnsupported},
      {"4104-bit public key", kPublic, 0,
       public_key(odd_modulus(4104), valid.e), kUnsupported},
      {"8192-bit public key", kPublic, 8192,
       public_key(odd_modulus(8192), valid.e), kUnsupported},
      {"512-bit key pair (numbers unchecked)", kPair, 0,
       with([&](KeyPairNumbers& k) { k.n = odd_modulus(512); }), kUnsupported},
  };
  return cases;
}

TEST_F(BuiltinRsaTest, InvalidImportsFailWithTheSpecifiedStatus) {
  const std::vector<InvalidImport> cases = InvalidImports();
  for (const InvalidImport& invalid : cases) {
    EXPECT_EQ(ImportStatus(invalid.type, invalid.bits, invalid.data),
              invalid.expected)
        << invalid.name;
  }
  EXPECT_GE(cases.size(), 40u);
}

// The DER manipulations above change only what they say: re-encoding the
// unchanged numbers gives the original key, which imports.
TEST_F(BuiltinRsaTest, ControlEncodingsAreValid) {
  const OpenSslKey key = OpenSslKeys().at(0);
  const KeyPairNumbers numbers = ParseKeyPair(key.private_key);
  EXPECT_EQ(numbers.Encode(), key.private_key);
  EXPECT_EQ(Sequence({Integer(numbers.n), Integer(numbers.e)}), key.public_key);
  EXPECT_EQ(ImportStatus(kPair, 1024, numbers.Encode()), PSA_SUCCESS);
  EXPECT_EQ(Add({0xFF}, {0x01}), Bytes({0x01, 0x00}));
  EXPECT_EQ(AddSmall({0x01, 0x00}, -1), Bytes({0xFF}));
  // e = 3 is the smallest exponent accepted.
  EXPECT_EQ(ImportStatus(kPublic, 0,
                         Sequence({Integer(numbers.n), Integer(Small(3))})),
            PSA_SUCCESS);
}

// The magnitude of an Mbed TLS number (empty for 0).
Bytes MagnitudeOf(const mbedtls_mpi& x) {
  Bytes out(mbedtls_mpi_size(&x));
  EXPECT_EQ(mbedtls_mpi_write_binary(&x, out.data(), out.size()), 0);
  return out;
}

// A public operation loads n and e only, even from a key pair.
TEST_F(BuiltinRsaTest, LoadKeyForPublicUseTakesOnlyTheModulusAndExponent) {
  const OpenSslKey key = OpenSslKeys().at(0);
  const KeyPairNumbers numbers = ParseKeyPair(key.private_key);
  for (psa_key_type_t type : {kPair, kPublic}) {
    SCOPED_TRACE(type);
    const Bytes& buffer = type == kPair ? key.private_key : key.public_key;
    RsaContext rsa;
    ASSERT_EQ(RsaLoadKey(type, key.bits, buffer.data(), buffer.size(),
                         RsaKeyUse::kPublic, &rsa.context),
              PSA_SUCCESS);
    EXPECT_EQ(MagnitudeOf(rsa.context.N), numbers.n);
    EXPECT_EQ(MagnitudeOf(rsa.context.E), numbers.e);
    for (const mbedtls_mpi* secret :
         {&rsa.context.D, &rsa.context.P, &rsa.context.Q, &rsa.context.DP,
          &rsa.context.DQ, &rsa.context.QP}) {
      EXPECT_EQ(mbedtls_mpi_cmp_int(secret, 0), 0);
    }
    EXPECT_EQ(mbedtls_rsa_check_pubkey(&rsa.context), 0);
  }
}

// A private operation gets the CRT values the key stores, not values Mbed
// TLS derives again: a key buffer whose qinv was altered (which import
// would refuse) loads with the altered qinv. With the real key, a private
// operation inverts the public one.
TEST_F(BuiltinRsaTest, LoadKeyForPrivateUseKeepsTheStoredCrtValues) {
  const OpenSslKey key = OpenSslKeys().at(0);
  KeyPairNumbers numbers = ParseKeyPair(key.private_key);
  {
    RsaContext rsa;
    ASSERT_EQ(RsaLoadKey(kPair, key.bits, key.private_key.data(),
                         key.private_key.size(), RsaKeyUse::kPrivate,
                         &rsa.context),
              PSA_SUCCESS);
    EXPECT_EQ(MagnitudeOf(rsa.context.D), numbers.d);
    EXPECT_EQ(MagnitudeOf(rsa.context.DP), numbers.dp);
    EXPECT_EQ(MagnitudeOf(rsa.context.DQ), numbers.dq);
    EXPECT_EQ(MagnitudeOf(rsa.context.QP), numbers.qinv);
    EXPECT_EQ(mbedtls_rsa_check_privkey(&rsa.context), 0);
    Bytes message(key.bits / 8, 0x5a);
    message[0] = 0x01;
    Bytes signature(message.size()), recovered(message.size());
    ASSERT_EQ(mbedtls_rsa_private(&rsa.context, nullptr, nullptr,
                                  message.data(), signature.data()),
              0);
    ASSERT_EQ(mbedtls_rsa_public(&rsa.context, signature.data(),
                                 recovered.data()),
              0);
    EXPECT_EQ(recovered, message);
  }
  numbers.qinv = AddSmall(numbers.qinv, -1);
  const Bytes altered = numbers.Encode();
  RsaContext rsa;
  ASSERT_EQ(RsaLoadKey(kPair, key.bits, altered.data(), altered.size(),
                       RsaKeyUse::kPrivate, &rsa.context),
            PSA_SUCCESS);
  EXPECT_EQ(MagnitudeOf(rsa.context.QP), numbers.qinv);
}

TEST_F(BuiltinRsaTest, LoadKeyRefusesWhatItCannotLoad) {
  const OpenSslKey key = OpenSslKeys().at(0);
  const struct {
    const char* name;
    psa_key_type_t type;
    size_t bits;
    const Bytes& buffer;
    RsaKeyUse use;
    psa_status_t expected;
  } cases[] = {
      {"private use of a public key", kPublic, key.bits, key.public_key,
       RsaKeyUse::kPrivate, PSA_ERROR_INVALID_ARGUMENT},
      {"key pair of another size", kPair, key.bits + 8, key.private_key,
       RsaKeyUse::kPrivate, PSA_ERROR_INVALID_ARGUMENT},
      {"public key of another size", kPublic, key.bits + 8, key.public_key,
       RsaKeyUse::kPublic, PSA_ERROR_INVALID_ARGUMENT},
      {"public key as a key pair", kPair, key.bits, key.public_key,
       RsaKeyUse::kPublic, PSA_ERROR_INVALID_ARGUMENT},
      {"unsupported size", kPair, 512, key.private_key, RsaKeyUse::kPublic,
       PSA_ERROR_NOT_SUPPORTED},
      {"not RSA", PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), key.bits,
       key.private_key, RsaKeyUse::kPrivate, PSA_ERROR_NOT_SUPPORTED},
  };
  for (const auto& c : cases) {
    RsaContext rsa;
    EXPECT_EQ(RsaLoadKey(c.type, c.bits, c.buffer.data(), c.buffer.size(),
                         c.use, &rsa.context),
              c.expected)
        << c.name;
  }
}

}  // namespace
}  // namespace drivers::builtin
