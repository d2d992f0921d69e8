// A reader for the symmetric Wycheproof test vector files
// (testdata/wycheproof/, C2SP/wycheproof testvectors_v1): AEAD
// (aead_test_schema_v1.json), IND-CPA ciphers (ind_cpa_test_schema_v1.json)
// and MACs (mac_test_schema_v1.json).

#ifndef TESTS_VECTORS_WYCHEPROOF_VECTORS_H_
#define TESTS_VECTORS_WYCHEPROOF_VECTORS_H_

#include <stddef.h>
#include <stdint.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tests::vectors {

enum class WycheproofSchema { kAead, kIndCpa, kMac };

// A test's "result".
enum class WycheproofResult { kValid, kAcceptable, kInvalid };

const char* ResultName(WycheproofResult result);  // "valid", ...

// One test, with the sizes of its group (in bits, as the file gives them).
// Fields its schema does not have are empty: aad and tag for IND-CPA, iv,
// aad and ct for MACs.
struct WycheproofTest {
  int tc_id = 0;
  std::string comment;
  std::vector<std::string> flags;
  WycheproofResult result = WycheproofResult::kInvalid;
  std::vector<uint8_t> key;
  std::vector<uint8_t> iv;
  std::vector<uint8_t> aad;
  std::vector<uint8_t> msg;
  std::vector<uint8_t> ct;
  std::vector<uint8_t> tag;
  size_t key_size_bits = 0;
  size_t iv_size_bits = 0;   // 0 for MACs
  size_t tag_size_bits = 0;  // 0 for IND-CPA

  bool HasFlag(std::string_view flag) const;
};

struct WycheproofFile {
  std::string algorithm;  // "AES-GCM", "HMACSHA256", ...
  WycheproofSchema schema = WycheproofSchema::kAead;
  std::map<std::string, std::string> bug_types;  // notes: flag -> bugType
  std::vector<WycheproofTest> tests;
};

// Parses a file's JSON text. Checks what the suites rely on: a known schema;
// numberOfTests equal to the number of tests; every field of the schema
// present, lowercase hex where it is bytes; "result" one of valid,
// acceptable, invalid; every flag described in "notes"; the key, IV and tag
// of each test as long as its group's keySize, ivSize and tagSize say (an
// invalid test may have no tag at all). On
// failure returns false with *error naming the test (tcId) and the problem.
bool ParseWycheproof(std::string_view json_text, WycheproofFile* file,
                     std::string* error);

// Reads the file at `path` and parses it as ParseWycheproof; *error starts
// with the path.
bool LoadWycheproof(const std::string& path, WycheproofFile* file,
                    std::string* error);

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_WYCHEPROOF_VECTORS_H_
