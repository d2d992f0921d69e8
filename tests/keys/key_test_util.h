// Helpers shared by the key-management suites: a fresh key storage
// directory per test binary, hex, status names, key creation and export
// through the public API, and a small DER writer/reader for building
// malformed RSA keys.

#ifndef TESTS_KEYS_KEY_TEST_UTIL_H_
#define TESTS_KEYS_KEY_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "psa/crypto.h"

namespace psa::keys_testing {

using Bytes = std::vector<uint8_t>;

// Decodes hex digit pairs; traps on malformed input (the inputs are
// constants of the tests).
Bytes FromHex(const std::string& hex);
std::string ToHex(const Bytes& bytes);

// "PSA_ERROR_INVALID_ARGUMENT" etc.; the decimal value for unknown statuses.
std::string StatusName(psa_status_t status);

// Status checks whose failure messages name the statuses.
#define EXPECT_PSA(expected, expression)                   \
  EXPECT_EQ(::psa::keys_testing::StatusName(expression), \
            ::psa::keys_testing::StatusName(expected))
#define ASSERT_PSA(expected, expression)                   \
  ASSERT_EQ(::psa::keys_testing::StatusName(expression), \
            ::psa::keys_testing::StatusName(expected))

// Points PSA_CRYPTO_STORAGE_DIR at a new, empty directory under
// $TEST_TMPDIR (or /tmp) and returns its path. Call it before
// psa_crypto_init(); the suites do so from a global test environment.
std::string UseFreshStorageDirectory();

// Registers a global environment that calls UseFreshStorageDirectory() and
// then psa_crypto_init() (which must succeed) before the first test.
void RegisterStorageEnvironment();

// Attributes for a volatile key (or persistent if `id` != 0) in the local
// storage location.
psa_key_attributes_t MakeAttributes(psa_key_type_t type, size_t bits,
                                    psa_key_usage_t usage,
                                    psa_algorithm_t alg,
                                    psa_key_id_t id = PSA_KEY_ID_NULL);

// psa_import_key; *key is set as the API sets it.
psa_status_t Import(const psa_key_attributes_t& attributes, const Bytes& data,
                    psa_key_id_t* key);

// psa_export_key / psa_export_public_key into a buffer of `buffer_size`
// bytes (default: more than any key needs); on success *out holds exactly
// *data_length bytes.
psa_status_t Export(psa_key_id_t key, Bytes* out, size_t buffer_size = 8192);
psa_status_t ExportPublic(psa_key_id_t key, Bytes* out,
                          size_t buffer_size = 8192);

// Key material of `size` bytes that differs from key to key (`seed`).
Bytes PatternBytes(size_t size, uint8_t seed);

// Sets the parity bit (bit 0) of every byte so that each byte has odd
// parity, as DES keys require.
Bytes WithDesParity(Bytes key);
bool HasDesParity(const Bytes& key);

// ---------------------------------------------------------------------------
// DER, for building RSA keys: only the shapes RSAPrivateKey and
// RSAPublicKey need.
namespace der {

// A TLV with the given tag and content (definite length, minimal encoding).
Bytes Tlv(uint8_t tag, const Bytes& content);
// INTEGER of a non-negative big-endian magnitude (leading zeros stripped,
// a 0x00 added when the top bit is set, as DER requires).
Bytes UnsignedInteger(const Bytes& magnitude);
Bytes SmallInteger(uint32_t value);
Bytes Sequence(const std::vector<Bytes>& elements);

// The elements of the DER SEQUENCE `data` as raw TLVs (tag, length, value).
// Returns false if `data` is not exactly one well-formed SEQUENCE of
// well-formed TLVs.
bool SplitSequence(const Bytes& data, std::vector<Bytes>* elements);
// The content of an INTEGER TLV (two's complement, as stored).
bool IntegerContent(const Bytes& tlv, Bytes* content);

}  // namespace der

// The nine fields of an RSAPrivateKey, as unsigned big-endian magnitudes
// (version included, normally 0).
struct RsaPrivateKeyFields {
  Bytes version, n, e, d, p, q, dp, dq, qinv;
  Bytes Encode() const;
};
bool ParseRsaPrivateKey(const Bytes& der, RsaPrivateKeyFields* fields);

}  // namespace psa::keys_testing

#endif  // TESTS_KEYS_KEY_TEST_UTIL_H_
