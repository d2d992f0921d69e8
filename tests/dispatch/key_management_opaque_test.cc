// Build: test_a_keys (transparent, SECP_R1 256/384), test_opaque (opaque,
// location 0x800001), test_opaque_static (opaque, location 0x800002),
// builtin.
//
// Driver interface, "Key management with opaque drivers": a key whose
// lifetime names an opaque driver's location goes to that driver, and only
// to it, for import_key, generate_key, export_key, export_public_key,
// copy_key (within the location) and destroy_key, whatever the key type;
// there is no fallback. The core stores the driver's key context, which for
// this driver is the key wrapped (never the plain key). A location that no
// driver serves: PSA_ERROR_NOT_SUPPORTED ("The key attributes, as a whole,
// are not supported ... in the specified storage location").

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "drivers/test/test_opaque_driver.h"
#include "tests/dispatch/key_management_test_util.h"
#include "tests/keys/key_oracle.h"

namespace psa::testing {
namespace {

const int kRegistered = (keys_testing::RegisterStorageEnvironment(), 0);

constexpr psa_key_lifetime_t kOpaque =
    PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE, TEST_OPAQUE_LOCATION);
constexpr psa_key_lifetime_t kOpaqueStatic =
    PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE, TEST_OPAQUE_STATIC_LOCATION);
constexpr psa_key_lifetime_t kOpaquePersistent =
    PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_DEFAULT, TEST_OPAQUE_LOCATION);

class OpaqueKeyDispatch : public KeyDispatchTest {
 protected:
  void SetUp() override {
    KeyDispatchTest::SetUp();
    test_opaque_reset_hooks(&test_opaque_hooks);
    test_opaque_reset_hooks(&test_opaque_static_hooks);
  }

  static psa_key_attributes_t Attributes(psa_key_type_t type, size_t bits, psa_key_usage_t usage,
                                         psa_key_lifetime_t lifetime, psa_key_id_t id = PSA_KEY_ID_NULL) {
    psa_key_attributes_t attributes = MakeAttributes(type, bits, usage, PSA_ALG_NONE, id);
    psa_set_key_lifetime(&attributes, lifetime);
    return attributes;
  }

  static psa_status_t ImportAes(psa_key_lifetime_t lifetime, psa_key_usage_t usage, psa_key_id_t* key,
                                psa_key_id_t id = PSA_KEY_ID_NULL) {
    return keys_testing::Import(Attributes(PSA_KEY_TYPE_AES, 0, usage, lifetime, id), Aes(), key);
  }

  static Bytes Aes() { return keys_testing::PatternBytes(16, 0x41); }

  // No transparent driver took part.
  static void ExpectNoTransparentCalls() {
    EXPECT_EQ(test_a_hooks.hits.import_key + test_a_hooks.hits.generate_key + test_a_hooks.hits.export_public_key,
              0u);
  }
};

psa_key_lifetime_t LifetimeOf(psa_key_id_t key) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  if (psa_get_key_attributes(key, &attributes) != PSA_SUCCESS) return 0xffffffff;
  return psa_get_key_lifetime(&attributes);
}

TEST_F(OpaqueKeyDispatch, SymmetricKeyLifeCycleInTheDriverOfItsLocation) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportAes(kOpaque, kExportable, &key));
  EXPECT_EQ(test_opaque_hooks.hits.import_key, 1u);
  EXPECT_EQ(test_opaque_static_hooks.hits.import_key, 0u);
  // The core sized the context with the description's size function.
  const size_t context_size = test_opaque_key_buffer_size(PSA_KEY_TYPE_AES, 128);
  EXPECT_EQ(test_opaque_hooks.last_key_buffer_size, context_size);
  EXPECT_GT(context_size, 16u);
  EXPECT_EQ(LifetimeOf(key), kOpaque);
  EXPECT_EQ(KeyBits(key), 128u);

  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::Export(key, &exported));
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 1u);
  EXPECT_EQ(ToHex(exported), ToHex(Aes()));

  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  EXPECT_EQ(test_opaque_hooks.hits.destroy_key, 1u);
  EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, keys_testing::Export(key, &exported));
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 1u);
  ExpectNoTransparentCalls();
}

TEST_F(OpaqueKeyDispatch, EachLocationHasItsOwnDriver) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportAes(kOpaqueStatic, kExportable, &key));
  EXPECT_EQ(test_opaque_static_hooks.hits.import_key, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.import_key, 0u);
  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::Export(key, &exported));
  EXPECT_EQ(ToHex(exported), ToHex(Aes()));
  EXPECT_EQ(test_opaque_static_hooks.hits.export_key, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 0u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  EXPECT_EQ(test_opaque_static_hooks.hits.destroy_key, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.destroy_key, 0u);
}

TEST_F(OpaqueKeyDispatch, KeyPairImportAndPublicExportNeverReachTransparentDrivers) {
  // test_a_keys declares P-256, but an opaque key is the opaque driver's.
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, 0, &key, kOpaque));
  EXPECT_EQ(test_opaque_hooks.hits.import_key, 1u);
  EXPECT_EQ(KeyBits(key), 256u);
  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::ExportPublic(key, &exported));
  EXPECT_EQ(test_opaque_hooks.hits.export_public_key, 1u);
  EXPECT_EQ(ToHex(exported), KeyVector("prime256v1").public_hex);
  ASSERT_PSA(PSA_SUCCESS, keys_testing::Export(key, &exported));
  EXPECT_EQ(ToHex(exported), KeyVector("prime256v1").pair_hex);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  ExpectNoTransparentCalls();
}

TEST_F(OpaqueKeyDispatch, GenerateInTheDriver) {
  const psa_key_attributes_t aes = Attributes(PSA_KEY_TYPE_AES, 256, kExportable, kOpaque);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&aes, &key));
  EXPECT_EQ(test_opaque_hooks.hits.generate_key, 1u);
  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::Export(key, &exported));
  EXPECT_EQ(exported.size(), 32u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));

  const psa_key_attributes_t pair = Attributes(kP256Pair, 256, kExportable, kOpaque);
  ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&pair, &key));
  EXPECT_EQ(test_opaque_hooks.hits.generate_key, 2u);
  EXPECT_EQ(LifetimeOf(key), kOpaque);
  Bytes private_key, public_key, expected_public;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::Export(key, &private_key));
  ASSERT_PSA(PSA_SUCCESS, keys_testing::ExportPublic(key, &public_key));
  std::string why;
  ASSERT_TRUE(keys_testing::EccPublicKeyOf(PSA_ECC_FAMILY_SECP_R1, 256, private_key, &expected_public, &why)) << why;
  EXPECT_EQ(ToHex(public_key), ToHex(expected_public));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  ExpectNoTransparentCalls();
}

TEST_F(OpaqueKeyDispatch, CopyWithinTheLocationUsesCopyKey) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportAes(kOpaque, kExportable, &key));
  const psa_key_attributes_t target = Attributes(PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, kOpaque);
  psa_key_id_t copy = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_copy_key(key, &target, &copy));
  EXPECT_EQ(test_opaque_hooks.hits.copy_key, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 0u);
  EXPECT_EQ(LifetimeOf(copy), kOpaque);
  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::Export(copy, &exported));
  EXPECT_EQ(ToHex(exported), ToHex(Aes()));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(copy));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  EXPECT_EQ(test_opaque_hooks.hits.destroy_key, 2u);
}

TEST_F(OpaqueKeyDispatch, CopyOutOfTheLocationNeedsExportUsage) {
  // psa_copy_key: "If a private or secret key is being copied outside of a
  // secure element it must also permit PSA_KEY_USAGE_EXPORT."
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportAes(kOpaque, PSA_KEY_USAGE_COPY, &key));
  const psa_key_attributes_t local = MakeAttributes(PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
  psa_key_id_t copy = 0x5a5a5a5a;
  EXPECT_PSA(PSA_ERROR_NOT_PERMITTED, psa_copy_key(key, &local, &copy));
  EXPECT_EQ(copy, PSA_KEY_ID_NULL);
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 0u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));

  ASSERT_PSA(PSA_SUCCESS, ImportAes(kOpaque, PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT, &key));
  ASSERT_PSA(PSA_SUCCESS, psa_copy_key(key, &local, &copy));
  // Across locations: the source driver's export_key.
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.copy_key, 0u);
  EXPECT_EQ(LifetimeOf(copy), PSA_KEY_LIFETIME_VOLATILE);
  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::Export(copy, &exported));
  EXPECT_EQ(ToHex(exported), ToHex(Aes()));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(copy));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(OpaqueKeyDispatch, CopyIntoTheLocationUsesImportKey) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportAes(PSA_KEY_LIFETIME_VOLATILE, PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT, &key));
  EXPECT_EQ(test_opaque_hooks.hits.import_key, 0u);
  const psa_key_attributes_t target = Attributes(PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, kOpaqueStatic);
  psa_key_id_t copy = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_copy_key(key, &target, &copy));
  EXPECT_EQ(test_opaque_static_hooks.hits.import_key, 1u);
  EXPECT_EQ(LifetimeOf(copy), kOpaqueStatic);
  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::Export(copy, &exported));
  EXPECT_EQ(test_opaque_static_hooks.hits.export_key, 1u);
  EXPECT_EQ(ToHex(exported), ToHex(Aes()));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(copy));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(OpaqueKeyDispatch, ForcedDriverErrorsReachTheCaller) {
  psa_key_id_t key = 0x5a5a5a5a;
  test_opaque_hooks.forced.import_key = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, ImportAes(kOpaque, kExportable, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  test_opaque_hooks.forced.import_key = PSA_SUCCESS;

  test_opaque_hooks.forced.generate_key = PSA_ERROR_INSUFFICIENT_ENTROPY;
  const psa_key_attributes_t generate = Attributes(PSA_KEY_TYPE_AES, 128, kExportable, kOpaque);
  EXPECT_PSA(PSA_ERROR_INSUFFICIENT_ENTROPY, psa_generate_key(&generate, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  test_opaque_hooks.forced.generate_key = PSA_SUCCESS;

  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, 0, &key, kOpaque));
  Bytes exported;
  test_opaque_hooks.forced.export_key = PSA_ERROR_COMMUNICATION_FAILURE;
  EXPECT_PSA(PSA_ERROR_COMMUNICATION_FAILURE, keys_testing::Export(key, &exported));
  EXPECT_TRUE(exported.empty());
  test_opaque_hooks.forced.export_public_key = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, keys_testing::ExportPublic(key, &exported));
  EXPECT_TRUE(exported.empty());
  test_opaque_hooks.forced.copy_key = PSA_ERROR_HARDWARE_FAILURE;
  const psa_key_attributes_t target = Attributes(PSA_KEY_TYPE_NONE, 0, kExportable, kOpaque);
  psa_key_id_t copy = 0x5a5a5a5a;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, psa_copy_key(key, &target, &copy));
  EXPECT_EQ(copy, PSA_KEY_ID_NULL);

  // With the errors gone, the key is intact.
  test_opaque_reset_hooks(&test_opaque_hooks);
  ASSERT_PSA(PSA_SUCCESS, keys_testing::ExportPublic(key, &exported));
  EXPECT_EQ(ToHex(exported), KeyVector("prime256v1").public_hex);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  ExpectNoTransparentCalls();
}

TEST_F(OpaqueKeyDispatch, DeclinedTypeHasNoFallback) {
  test_opaque_hooks.unsupported_key_type = PSA_KEY_TYPE_AES;
  psa_key_id_t key = 0x5a5a5a5a;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, ImportAes(kOpaque, kExportable, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  const psa_key_attributes_t generate = Attributes(PSA_KEY_TYPE_AES, 128, kExportable, kOpaque);
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, psa_generate_key(&generate, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  test_opaque_hooks.unsupported_key_type = kP256Pair;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, ImportVector("prime256v1", false, 0, &key, kOpaque));
  EXPECT_EQ(test_opaque_hooks.hits.import_key, 2u);
  ExpectNoTransparentCalls();
}

TEST_F(OpaqueKeyDispatch, InvalidKeyDataIsRejectedInTheLocation) {
  psa_key_id_t key = 0x5a5a5a5a;
  EXPECT_PSA(PSA_ERROR_INVALID_ARGUMENT,
             keys_testing::Import(Attributes(PSA_KEY_TYPE_AES, 0, kExportable, kOpaque),
                                  keys_testing::PatternBytes(15, 1), &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  Bytes point = FromHex(KeyVector("prime256v1").public_hex);
  point.back() ^= 1;
  EXPECT_PSA(PSA_ERROR_INVALID_ARGUMENT,
             keys_testing::Import(Attributes(kSecpR1Public, 0, 0, kOpaque), point, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  // Bits in the attributes that do not match the data.
  EXPECT_PSA(PSA_ERROR_INVALID_ARGUMENT,
             keys_testing::Import(Attributes(PSA_KEY_TYPE_AES, 256, kExportable, kOpaque), Aes(), &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
}

TEST_F(OpaqueKeyDispatch, PoliciesAreCheckedBeforeTheDriver) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportAes(kOpaque, 0, &key));
  Bytes exported;
  EXPECT_PSA(PSA_ERROR_NOT_PERMITTED, keys_testing::Export(key, &exported));
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 0u);
  // A symmetric key has no public part.
  EXPECT_PSA(PSA_ERROR_INVALID_ARGUMENT, keys_testing::ExportPublic(key, &exported));
  const psa_key_attributes_t target = Attributes(PSA_KEY_TYPE_NONE, 0, 0, kOpaque);
  psa_key_id_t copy = 0x5a5a5a5a;
  EXPECT_PSA(PSA_ERROR_NOT_PERMITTED, psa_copy_key(key, &target, &copy));
  EXPECT_EQ(test_opaque_hooks.hits.copy_key, 0u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(OpaqueKeyDispatch, LocationWithoutDriverIsNotSupported) {
  struct {
    const char* name;
    psa_key_lifetime_t lifetime;
    psa_key_id_t id;
  } cases[] = {
      {"vendor_location_volatile",
       PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE, 0x800003u), PSA_KEY_ID_NULL},
      {"vendor_location_persistent",
       PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_DEFAULT, 0xffffffu), 0x3001},
      {"primary_secure_element",
       PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE,
                                                      PSA_KEY_LOCATION_PRIMARY_SECURE_ELEMENT),
       PSA_KEY_ID_NULL},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    psa_key_id_t key = 0x5a5a5a5a;
    EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, ImportAes(c.lifetime, kExportable, &key, c.id));
    EXPECT_EQ(key, PSA_KEY_ID_NULL);
    const psa_key_attributes_t generate = Attributes(PSA_KEY_TYPE_AES, 128, kExportable, c.lifetime, c.id);
    EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, psa_generate_key(&generate, &key));
    EXPECT_EQ(key, PSA_KEY_ID_NULL);
  }
  EXPECT_EQ(test_opaque_hooks.hits.import_key + test_opaque_static_hooks.hits.import_key, 0u);
  ExpectNoTransparentCalls();
}

// --- Persistent opaque keys: what the core stores is the driver's context.

std::string KeyFilePath(psa_key_id_t id) {
  char name[32];
  snprintf(name, sizeof(name), "/key-%08x.psakey", static_cast<unsigned>(id));
  return std::string(getenv("PSA_CRYPTO_STORAGE_DIR")) + name;
}

bool ReadFile(const std::string& path, Bytes* data) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  data->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

bool WriteFile(const std::string& path, const Bytes& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  return static_cast<bool>(out);
}

bool Contains(const Bytes& haystack, const Bytes& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

// Offset of the key buffer in a key file (psa/core/storage/key_file_format.h).
constexpr size_t kKeyBufferOffset = 36;

TEST_F(OpaqueKeyDispatch, StoredContextIsTheWrappedKeyNotTheKey) {
  const psa_key_id_t opaque_id = 0x2001, transparent_id = 0x2002;
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportAes(kOpaquePersistent, kExportable, &key, opaque_id));
  ASSERT_EQ(key, opaque_id);
  ASSERT_PSA(PSA_SUCCESS, ImportAes(PSA_KEY_LIFETIME_PERSISTENT, kExportable, &key, transparent_id));

  Bytes opaque_file, transparent_file;
  ASSERT_TRUE(ReadFile(KeyFilePath(opaque_id), &opaque_file)) << KeyFilePath(opaque_id);
  ASSERT_TRUE(ReadFile(KeyFilePath(transparent_id), &transparent_file));
  // Control: the transparent key's file holds the key as it is...
  EXPECT_TRUE(Contains(transparent_file, Aes()));
  // ...the opaque key's file holds the driver's context, not the key.
  EXPECT_FALSE(Contains(opaque_file, Aes())) << ToHex(opaque_file);
  ASSERT_GT(opaque_file.size(), kKeyBufferOffset + sizeof(test_opaque_key_context_header_t));
  const Bytes magic = {TEST_OPAQUE_MAGIC_0, TEST_OPAQUE_MAGIC_1, TEST_OPAQUE_MAGIC_2, TEST_OPAQUE_MAGIC_3};
  EXPECT_EQ(ToHex(Bytes(opaque_file.begin() + kKeyBufferOffset, opaque_file.begin() + kKeyBufferOffset + 4)),
            ToHex(magic));

  // Purged, the key is read back from its file and unwrapped by the driver.
  EXPECT_PSA(PSA_SUCCESS, psa_purge_key(opaque_id));
  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::Export(opaque_id, &exported));
  EXPECT_EQ(ToHex(exported), ToHex(Aes()));
  EXPECT_EQ(LifetimeOf(opaque_id), kOpaquePersistent);

  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(opaque_id));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(transparent_id));
  EXPECT_FALSE(ReadFile(KeyFilePath(opaque_id), &opaque_file)) << "key file left after destroy";
}

TEST_F(OpaqueKeyDispatch, DriverDetectsAnAlteredContextBehindAValidFile) {
  // Alter the wrapped key inside the file and fix the file's checksum, so
  // that the core loads the context and only the driver can tell.
  const psa_key_id_t id = 0x2003;
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportAes(kOpaquePersistent, kExportable, &key, id));
  Bytes file;
  ASSERT_TRUE(ReadFile(KeyFilePath(id), &file));
  ASSERT_GT(file.size(), 68u);
  file[file.size() - 33] ^= 0x01;  // last byte of the key buffer (payload)
  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t digest_length = 0;
  ASSERT_PSA(PSA_SUCCESS,
             psa_hash_compute(PSA_ALG_SHA_256, file.data(), file.size() - 32, digest, sizeof(digest), &digest_length));
  ASSERT_EQ(digest_length, 32u);
  std::copy(digest, digest + 32, file.end() - 32);
  ASSERT_TRUE(WriteFile(KeyFilePath(id), file));

  EXPECT_PSA(PSA_SUCCESS, psa_purge_key(id));
  Bytes exported;
  EXPECT_PSA(PSA_ERROR_DATA_CORRUPT, keys_testing::Export(id, &exported));
  EXPECT_TRUE(exported.empty());
  EXPECT_GE(test_opaque_hooks.hits.export_key, 1u);
  // A corrupt key can still be destroyed.
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(id));
}

}  // namespace
}  // namespace psa::testing
