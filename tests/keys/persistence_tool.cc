// One step of the persistence test per process (persistence_test.sh runs
// the steps in separate processes, so that a key can only survive through
// its file under $PSA_CRYPTO_STORAGE_DIR):
//
//   persistence_tool create <work_dir>   creates the persistent keys of
//                                        kKeys (imported and generated; the
//                                        generated keys' export formats go to
//                                        <work_dir>) and one volatile key,
//                                        whose id goes to <work_dir>
//   persistence_tool check <work_dir>    reads every key back: attributes,
//                                        psa_export_key, psa_export_public_key;
//                                        the volatile key is gone; creating an
//                                        existing id is PSA_ERROR_ALREADY_EXISTS
//   persistence_tool destroy             destroys every key
//   persistence_tool check-gone          every id is PSA_ERROR_INVALID_HANDLE,
//                                        and can be created afresh
//   persistence_tool create-one <id>     an AES key under <id> (hex), known
//                                        material
//   persistence_tool expect-intact <id>  that key reads back exactly
//   persistence_tool expect-corrupt <id> reading it fails with
//                                        PSA_ERROR_DATA_CORRUPT or
//                                        PSA_ERROR_STORAGE_FAILURE, never a key
//   persistence_tool destroy-one <id>    psa_destroy_key(<id>) succeeds
//
// Exit status 0 when every check holds; otherwise 1, with one line per
// failed check on stderr.

#include <stdio.h>
#include <stdlib.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/keys/key_test_util.h"
#include "tests/keys/key_vectors.h"

namespace psa::keys_testing {
namespace {

int failures = 0;

#define CHECK_THAT(condition, message)                                                   \
  do {                                                                                  \
    if (!(condition)) {                                                                 \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, std::string(message).c_str()); \
      ++failures;                                                                       \
    }                                                                                   \
  } while (0)

#define CHECK_STATUS(expected, expression)                                                        \
  do {                                                                                           \
    const psa_status_t check_status_actual = (expression);                                       \
    CHECK_THAT(check_status_actual == (expected), std::string(#expression) + " returned " +       \
                                                      StatusName(check_status_actual) + ", expected " + \
                                                      StatusName(expected));                     \
  } while (0)

struct PersistentKey {
  const char* name;
  psa_key_id_t id;
  psa_key_type_t type;
  size_t bits;
  psa_key_usage_t usage;
  psa_algorithm_t alg;
  const char* material;  // hex; nullptr: generated, saved in the work dir
  const char* public_key;  // hex; nullptr: none, or derived (generated)
};

constexpr psa_key_type_t kP256Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_key_type_t kP384Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);

std::vector<PersistentKey> Keys() {
  static const std::string aes = ToHex(PatternBytes(32, 31));
  static const std::string hmac = ToHex(PatternBytes(48, 32));
  return {
      {"aes256", 0x101, PSA_KEY_TYPE_AES, 256, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT, PSA_ALG_GCM,
       aes.c_str(), nullptr},
      {"hmac384", 0x102, PSA_KEY_TYPE_HMAC, 384, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_MESSAGE,
       PSA_ALG_HMAC(PSA_ALG_SHA_384), hmac.c_str(), nullptr},
      {"p256", 0x103, kP256Pair, 256, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE,
       PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), KeyVector("prime256v1").pair_hex, KeyVector("prime256v1").public_hex},
      {"rsa2048", 0x104, PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_DECRYPT,
       PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), KeyVector("rsa2048").pair_hex, KeyVector("rsa2048").public_hex},
      {"rsa2048_public", 0x105, PSA_KEY_TYPE_RSA_PUBLIC_KEY, 2048, PSA_KEY_USAGE_VERIFY_MESSAGE,
       PSA_ALG_RSA_PSS(PSA_ALG_SHA_256), KeyVector("rsa2048").public_hex, KeyVector("rsa2048").public_hex},
      // Not exportable: checked through export_public only.
      {"x25519_private", 0x106, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), 255, PSA_KEY_USAGE_DERIVE,
       PSA_ALG_ECDH, KeyVector("x25519").pair_hex, KeyVector("x25519").public_hex},
      {"generated_p384", 0x107, kP384Pair, 384, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_VERIFY_HASH |
       PSA_KEY_USAGE_VERIFY_MESSAGE, PSA_ALG_ECDSA(PSA_ALG_SHA_384), nullptr, nullptr},
      {"generated_aes128", 0x108, PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_DECRYPT,
       PSA_ALG_CTR, nullptr, nullptr},
      // The top of the user range.
      {"user_max_id", PSA_KEY_ID_USER_MAX, PSA_KEY_TYPE_RAW_DATA, 64, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE,
       "0011223344556677", nullptr},
  };
}

bool WriteFile(const std::string& path, const Bytes& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  return static_cast<bool>(out);
}

bool ReadFile(const std::string& path, Bytes* data) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  data->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

psa_status_t ExportTo(psa_status_t (*function)(psa_key_id_t, uint8_t*, size_t, size_t*), psa_key_id_t key,
                      Bytes* out) {
  Bytes buffer(PSA_EXPORT_KEY_PAIR_MAX_SIZE + 1024);
  size_t length = 0;
  psa_status_t status = function(key, buffer.data(), buffer.size(), &length);
  out->clear();
  if (status == PSA_SUCCESS) out->assign(buffer.begin(), buffer.begin() + length);
  return status;
}

std::string IdString(psa_key_id_t id) {
  char text[16];
  snprintf(text, sizeof(text), "0x%08x", static_cast<unsigned>(id));
  return text;
}

psa_key_usage_t Implied(psa_key_usage_t usage) {
  if (usage & PSA_KEY_USAGE_SIGN_HASH) usage |= PSA_KEY_USAGE_SIGN_MESSAGE;
  if (usage & PSA_KEY_USAGE_VERIFY_HASH) usage |= PSA_KEY_USAGE_VERIFY_MESSAGE;
  return usage;
}

int Create(const std::string& work) {
  for (const PersistentKey& k : Keys()) {
    const psa_key_attributes_t attributes =
        MakeAttributes(k.type, k.material ? 0 : k.bits, k.usage, k.alg, k.id);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    if (k.material != nullptr) {
      CHECK_STATUS(PSA_SUCCESS, Import(attributes, FromHex(k.material), &key));
    } else {
      CHECK_STATUS(PSA_SUCCESS, psa_generate_key(&attributes, &key));
      Bytes exported;
      CHECK_STATUS(PSA_SUCCESS, ExportTo(psa_export_key, key, &exported));
      CHECK_THAT(WriteFile(work + "/" + k.name + ".key", exported), "cannot write the work directory");
      if (PSA_KEY_TYPE_IS_KEY_PAIR(k.type)) {
        CHECK_STATUS(PSA_SUCCESS, ExportTo(psa_export_public_key, key, &exported));
        CHECK_THAT(WriteFile(work + "/" + k.name + ".pub", exported), "cannot write the work directory");
      }
    }
    CHECK_THAT(key == k.id, std::string(k.name) + ": the key id is " + IdString(key));
  }
  // A volatile key: gone in the next process.
  psa_key_id_t volatile_key = PSA_KEY_ID_NULL;
  CHECK_STATUS(PSA_SUCCESS, Import(MakeAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE),
                                   PatternBytes(16, 33), &volatile_key));
  CHECK_THAT(WriteFile(work + "/volatile.id", FromHex(IdString(volatile_key).substr(2))),
             "cannot write the work directory");
  return failures == 0 ? 0 : 1;
}

void CheckKey(const PersistentKey& k, const std::string& work) {
  const std::string where = std::string(k.name) + " (" + IdString(k.id) + "): ";
  psa_key_attributes_t attributes = psa_key_attributes_init();
  CHECK_STATUS(PSA_SUCCESS, psa_get_key_attributes(k.id, &attributes));
  CHECK_THAT(psa_get_key_id(&attributes) == k.id, where + "id");
  CHECK_THAT(psa_get_key_lifetime(&attributes) == PSA_KEY_LIFETIME_PERSISTENT, where + "lifetime");
  CHECK_THAT(psa_get_key_type(&attributes) == k.type, where + "type");
  CHECK_THAT(psa_get_key_bits(&attributes) == k.bits, where + "bits " + std::to_string(psa_get_key_bits(&attributes)));
  CHECK_THAT(psa_get_key_usage_flags(&attributes) == Implied(k.usage), where + "usage flags");
  CHECK_THAT(psa_get_key_algorithm(&attributes) == k.alg, where + "algorithm");
  psa_reset_key_attributes(&attributes);

  Bytes expected_material, expected_public;
  if (k.material != nullptr) {
    expected_material = FromHex(k.material);
    if (k.public_key != nullptr) expected_public = FromHex(k.public_key);
  } else {
    CHECK_THAT(ReadFile(work + "/" + k.name + ".key", &expected_material), where + "no saved export");
    if (PSA_KEY_TYPE_IS_KEY_PAIR(k.type)) {
      CHECK_THAT(ReadFile(work + "/" + k.name + ".pub", &expected_public), where + "no saved public key");
    }
  }
  Bytes exported;
  if (k.usage & PSA_KEY_USAGE_EXPORT || PSA_KEY_TYPE_IS_PUBLIC_KEY(k.type)) {
    CHECK_STATUS(PSA_SUCCESS, ExportTo(psa_export_key, k.id, &exported));
    CHECK_THAT(exported == expected_material, where + "psa_export_key gave " + ToHex(exported));
  } else {
    CHECK_STATUS(PSA_ERROR_NOT_PERMITTED, ExportTo(psa_export_key, k.id, &exported));
  }
  if (PSA_KEY_TYPE_IS_ASYMMETRIC(k.type)) {
    CHECK_STATUS(PSA_SUCCESS, ExportTo(psa_export_public_key, k.id, &exported));
    CHECK_THAT(exported == expected_public, where + "psa_export_public_key gave " + ToHex(exported));
  }
}

int Check(const std::string& work) {
  for (const PersistentKey& k : Keys()) CheckKey(k, work);
  // A second read of the same key, now that it is loaded.
  CheckKey(Keys()[0], work);

  // The identifiers are taken.
  const PersistentKey first = Keys()[0];
  psa_key_id_t key = 0x5a5a5a5a;
  CHECK_STATUS(PSA_ERROR_ALREADY_EXISTS,
               Import(MakeAttributes(first.type, 0, first.usage, first.alg, first.id), PatternBytes(32, 34), &key));
  CHECK_THAT(key == PSA_KEY_ID_NULL, "failed import did not output PSA_KEY_ID_NULL");
  const psa_key_attributes_t generate = MakeAttributes(PSA_KEY_TYPE_AES, 128, 0, PSA_ALG_NONE, Keys()[1].id);
  CHECK_STATUS(PSA_ERROR_ALREADY_EXISTS, psa_generate_key(&generate, &key));
  // And the key under that id is still the original.
  CheckKey(first, work);

  // The volatile key of the previous process is gone.
  Bytes id_bytes;
  CHECK_THAT(ReadFile(work + "/volatile.id", &id_bytes) && id_bytes.size() == 4, "no volatile.id");
  if (id_bytes.size() == 4) {
    const psa_key_id_t volatile_key = (psa_key_id_t{id_bytes[0]} << 24) | (psa_key_id_t{id_bytes[1]} << 16) |
                                      (psa_key_id_t{id_bytes[2]} << 8) | id_bytes[3];
    psa_key_attributes_t attributes = psa_key_attributes_init();
    CHECK_STATUS(PSA_ERROR_INVALID_HANDLE, psa_get_key_attributes(volatile_key, &attributes));
  }
  return failures == 0 ? 0 : 1;
}

int Destroy() {
  for (const PersistentKey& k : Keys()) CHECK_STATUS(PSA_SUCCESS, psa_destroy_key(k.id));
  return failures == 0 ? 0 : 1;
}

int CheckGone() {
  for (const PersistentKey& k : Keys()) {
    psa_key_attributes_t attributes = psa_key_attributes_init();
    CHECK_STATUS(PSA_ERROR_INVALID_HANDLE, psa_get_key_attributes(k.id, &attributes));
    Bytes exported;
    CHECK_STATUS(PSA_ERROR_INVALID_HANDLE, ExportTo(psa_export_key, k.id, &exported));
    CHECK_STATUS(PSA_ERROR_INVALID_HANDLE, psa_destroy_key(k.id));
  }
  // A destroyed persistent id can be used again.
  const PersistentKey first = Keys()[0];
  psa_key_id_t key = PSA_KEY_ID_NULL;
  CHECK_STATUS(PSA_SUCCESS,
               Import(MakeAttributes(first.type, 0, first.usage, first.alg, first.id), PatternBytes(32, 35), &key));
  Bytes exported;
  CHECK_STATUS(PSA_SUCCESS, ExportTo(psa_export_key, first.id, &exported));
  CHECK_THAT(exported == PatternBytes(32, 35), "the new key under a reused id");
  CHECK_STATUS(PSA_SUCCESS, psa_destroy_key(first.id));
  return failures == 0 ? 0 : 1;
}

Bytes OneKeyMaterial(psa_key_id_t id) { return PatternBytes(32, static_cast<uint8_t>(id)); }

int CreateOne(psa_key_id_t id) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  CHECK_STATUS(PSA_SUCCESS, Import(MakeAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_CTR, id),
                                   OneKeyMaterial(id), &key));
  return failures == 0 ? 0 : 1;
}

int ExpectIntact(psa_key_id_t id) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  CHECK_STATUS(PSA_SUCCESS, psa_get_key_attributes(id, &attributes));
  CHECK_THAT(psa_get_key_type(&attributes) == PSA_KEY_TYPE_AES && psa_get_key_bits(&attributes) == 256 &&
                 psa_get_key_algorithm(&attributes) == PSA_ALG_CTR,
             "attributes of " + IdString(id));
  Bytes exported;
  CHECK_STATUS(PSA_SUCCESS, ExportTo(psa_export_key, id, &exported));
  CHECK_THAT(exported == OneKeyMaterial(id), "material of " + IdString(id) + ": " + ToHex(exported));
  return failures == 0 ? 0 : 1;
}

bool IsCorruptionStatus(psa_status_t status) {
  return status == PSA_ERROR_DATA_CORRUPT || status == PSA_ERROR_STORAGE_FAILURE;
}

int ExpectCorrupt(psa_key_id_t id) {
  // Twice each: a failed load must not leave a half-loaded key behind.
  for (int attempt = 0; attempt < 2; ++attempt) {
    psa_key_attributes_t attributes = psa_key_attributes_init();
    psa_status_t status = psa_get_key_attributes(id, &attributes);
    CHECK_THAT(IsCorruptionStatus(status),
               "psa_get_key_attributes returned " + StatusName(status) + ", expected DATA_CORRUPT or STORAGE_FAILURE");
    Bytes exported;
    status = ExportTo(psa_export_key, id, &exported);
    CHECK_THAT(IsCorruptionStatus(status),
               "psa_export_key returned " + StatusName(status) + ", expected DATA_CORRUPT or STORAGE_FAILURE");
    CHECK_THAT(exported.empty(), "a corrupt key file gave key material " + ToHex(exported));
  }
  return failures == 0 ? 0 : 1;
}

int DestroyOne(psa_key_id_t id) {
  CHECK_STATUS(PSA_SUCCESS, psa_destroy_key(id));
  return failures == 0 ? 0 : 1;
}

int Usage() {
  fprintf(stderr,
          "usage: persistence_tool create|check <work_dir> | destroy | check-gone |\n"
          "       create-one|expect-intact|expect-corrupt|destroy-one <hex id>\n");
  return 2;
}

int Main(int argc, char** argv) {
  if (argc < 2) return Usage();
  const std::string command = argv[1];
  const psa_status_t init = psa_crypto_init();
  if (init != PSA_SUCCESS) {
    fprintf(stderr, "psa_crypto_init: %s\n", StatusName(init).c_str());
    return 1;
  }
  if (command == "destroy") return Destroy();
  if (command == "check-gone") return CheckGone();
  if (argc != 3) return Usage();
  const std::string arg = argv[2];
  if (command == "create") return Create(arg);
  if (command == "check") return Check(arg);
  const psa_key_id_t id = static_cast<psa_key_id_t>(strtoul(arg.c_str(), nullptr, 16));
  if (command == "create-one") return CreateOne(id);
  if (command == "expect-intact") return ExpectIntact(id);
  if (command == "expect-corrupt") return ExpectCorrupt(id);
  if (command == "destroy-one") return DestroyOne(id);
  return Usage();
}

}  // namespace
}  // namespace psa::keys_testing

int main(int argc, char** argv) { return psa::keys_testing::Main(argc, argv); }
