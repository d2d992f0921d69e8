#include "psa/core/testing/fake_dispatch.h"

#include <string.h>

#include <algorithm>
#include <array>
#include <atomic>

#include "absl/base/const_init.h"
#include "absl/synchronization/mutex.h"
#include "drivers/builtin/builtin_cipher.h"
#include "drivers/builtin/builtin_hash.h"
#include "psa/core/dispatch.h"

namespace psa::core::testing {
namespace {

constexpr size_t kEntryPointCount = 5;

struct FakeState {
  psa_status_t init_status = PSA_SUCCESS;
  int init_calls = 0;
  std::vector<FakeEntropySource> entropy_sources;
  int get_entropy_calls = 0;
  std::array<psa_status_t, kEntryPointCount> forced_status{};
  std::array<int, kEntryPointCount> forced_count{};
  std::array<int, kEntryPointCount> forced_after{};
  std::array<int, kEntryPointCount> hash_calls{};
  std::vector<psa_algorithm_t> unsupported;
};

ABSL_CONST_INIT absl::Mutex g_mutex(absl::kConstInit);

FakeState& State() ABSL_EXCLUSIVE_LOCKS_REQUIRED(g_mutex) {
  static FakeState* state = new FakeState();
  return *state;
}

thread_local uint32_t g_last_serving_driver = 0;

size_t Index(HashEntryPoint entry_point) {
  return static_cast<size_t>(entry_point);
}

// Counts the call and returns the forced status, or PSA_SUCCESS to proceed.
psa_status_t EnterHash(HashEntryPoint entry_point) {
  absl::MutexLock lock(&g_mutex);
  FakeState& state = State();
  const size_t i = Index(entry_point);
  ++state.hash_calls[i];
  if (state.forced_after[i] > 0) {
    --state.forced_after[i];
    return PSA_SUCCESS;
  }
  if (state.forced_count[i] > 0) {
    --state.forced_count[i];
    return state.forced_status[i];
  }
  return PSA_SUCCESS;
}

bool Unsupported(psa_algorithm_t alg) {
  absl::MutexLock lock(&g_mutex);
  const auto& list = State().unsupported;
  return std::find(list.begin(), list.end(), alg) != list.end();
}

// The builtin context travels in the operation's ctx bytes; memcpy keeps the
// fake independent of the union's alignment.
static_assert(sizeof(builtin_hash_operation_t) <=
                  sizeof(static_cast<psa_hash_operation_t*>(nullptr)->ctx),
              "builtin hash context does not fit in psa_hash_operation_t");

builtin_hash_operation_t Load(const psa_hash_operation_t* operation) {
  builtin_hash_operation_t context;
  memcpy(&context, &operation->ctx, sizeof(context));
  return context;
}

void Store(psa_hash_operation_t* operation,
           const builtin_hash_operation_t& context) {
  memcpy(&operation->ctx, &context, sizeof(context));
}

void WipeOperation(psa_hash_operation_t* operation) {
  explicit_bzero(operation, sizeof(*operation));
}

}  // namespace

FakeEntropySource ConstantEntropySource(uint8_t byte, size_t estimate_bits) {
  return [byte, estimate_bits](psa_driver_get_entropy_flags_t,
                               size_t* estimate, uint8_t* output,
                               size_t output_size) {
    memset(output, byte, output_size);
    *estimate = estimate_bits;
    return PSA_SUCCESS;
  };
}

void ResetFakeDispatch() {
  absl::MutexLock lock(&g_mutex);
  State() = FakeState();
}

void SetFakeInitStatus(psa_status_t status) {
  absl::MutexLock lock(&g_mutex);
  State().init_status = status;
}

int FakeInitCalls() {
  absl::MutexLock lock(&g_mutex);
  return State().init_calls;
}

void SetFakeEntropySources(std::vector<FakeEntropySource> sources) {
  absl::MutexLock lock(&g_mutex);
  State().entropy_sources = std::move(sources);
}

int FakeGetEntropyCalls() {
  absl::MutexLock lock(&g_mutex);
  return State().get_entropy_calls;
}

void FailFakeHashCalls(HashEntryPoint entry_point, psa_status_t status,
                       int count, int after) {
  absl::MutexLock lock(&g_mutex);
  State().forced_after[Index(entry_point)] = after;
  State().forced_status[Index(entry_point)] = status;
  State().forced_count[Index(entry_point)] = count;
}

int FakeHashCalls(HashEntryPoint entry_point) {
  absl::MutexLock lock(&g_mutex);
  return State().hash_calls[Index(entry_point)];
}

void SetFakeUnsupportedHashes(std::vector<psa_algorithm_t> algorithms) {
  absl::MutexLock lock(&g_mutex);
  State().unsupported = std::move(algorithms);
}

}  // namespace psa::core::testing

namespace psa::dispatch {

using psa::core::testing::EnterHash;
using psa::core::testing::g_last_serving_driver;
using psa::core::testing::g_mutex;
using psa::core::testing::HashEntryPoint;
using psa::core::testing::kFakeDriverId;
using psa::core::testing::Load;
using psa::core::testing::State;
using psa::core::testing::Store;
using psa::core::testing::Unsupported;
using psa::core::testing::WipeOperation;

psa_status_t Init() {
  absl::MutexLock lock(&g_mutex);
  ++State().init_calls;
  return State().init_status;
}

size_t EntropySourceCount() {
  absl::MutexLock lock(&g_mutex);
  return State().entropy_sources.size();
}

psa_status_t GetEntropy(size_t source, psa_driver_get_entropy_flags_t flags,
                        size_t* estimate_bits, uint8_t* output,
                        size_t output_size) {
  psa::core::testing::FakeEntropySource entry_point;
  {
    absl::MutexLock lock(&g_mutex);
    if (source >= State().entropy_sources.size()) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    ++State().get_entropy_calls;
    entry_point = State().entropy_sources[source];
  }
  return entry_point(flags, estimate_bits, output, output_size);
}

// No random generation driver: the core's own generator serves.
size_t RandomDriverCount() { return 0; }
const RandomDriverInfo* GetRandomDriverInfo(size_t) { return nullptr; }
psa_status_t InitRandom(size_t, void*) { return PSA_ERROR_INVALID_ARGUMENT; }
psa_status_t AddEntropy(size_t, void*, const uint8_t*, size_t) { return PSA_ERROR_INVALID_ARGUMENT; }
psa_status_t GetRandom(size_t, void*, uint8_t*, size_t, size_t*) { return PSA_ERROR_INVALID_ARGUMENT; }

psa_status_t HashCompute(psa_algorithm_t alg, const uint8_t* input,
                         size_t input_length, uint8_t* hash, size_t hash_size,
                         size_t* hash_length) {
  *hash_length = 0;
  psa_status_t status = EnterHash(HashEntryPoint::kCompute);
  if (status != PSA_SUCCESS) return status;
  if (Unsupported(alg)) return PSA_ERROR_NOT_SUPPORTED;
  status = builtin_hash_compute(alg, input, input_length, hash, hash_size,
                                hash_length);
  if (status == PSA_SUCCESS) g_last_serving_driver = kFakeDriverId;
  return status;
}

psa_status_t HashSetup(psa_hash_operation_t* operation, psa_algorithm_t alg) {
  if (operation->driver_id != 0) return PSA_ERROR_BAD_STATE;
  psa_status_t status = EnterHash(HashEntryPoint::kSetup);
  if (status != PSA_SUCCESS) return status;
  if (Unsupported(alg)) return PSA_ERROR_NOT_SUPPORTED;
  builtin_hash_operation_t context = Load(operation);
  status = builtin_hash_setup(&context, alg);
  Store(operation, context);
  explicit_bzero(&context, sizeof(context));
  if (status != PSA_SUCCESS) return status;
  operation->driver_id = kFakeDriverId;
  g_last_serving_driver = kFakeDriverId;
  return PSA_SUCCESS;
}

psa_status_t HashUpdate(psa_hash_operation_t* operation, const uint8_t* input,
                        size_t input_length) {
  if (operation->driver_id != kFakeDriverId) return PSA_ERROR_BAD_STATE;
  psa_status_t status = EnterHash(HashEntryPoint::kUpdate);
  if (status != PSA_SUCCESS) return status;
  builtin_hash_operation_t context = Load(operation);
  status = builtin_hash_update(&context, input, input_length);
  Store(operation, context);
  explicit_bzero(&context, sizeof(context));
  if (status == PSA_SUCCESS) g_last_serving_driver = kFakeDriverId;
  return status;
}

psa_status_t HashFinish(psa_hash_operation_t* operation, uint8_t* hash,
                        size_t hash_size, size_t* hash_length) {
  *hash_length = 0;
  if (operation->driver_id != kFakeDriverId) return PSA_ERROR_BAD_STATE;
  psa_status_t status = EnterHash(HashEntryPoint::kFinish);
  if (status != PSA_SUCCESS) return status;
  builtin_hash_operation_t context = Load(operation);
  status = builtin_hash_finish(&context, hash, hash_size, hash_length);
  Store(operation, context);
  explicit_bzero(&context, sizeof(context));
  if (status == PSA_SUCCESS) g_last_serving_driver = kFakeDriverId;
  return status;
}

psa_status_t HashAbort(psa_hash_operation_t* operation) {
  if (operation->driver_id == 0) return PSA_SUCCESS;
  const psa_status_t status = EnterHash(HashEntryPoint::kAbort);
  builtin_hash_operation_t context = Load(operation);
  builtin_hash_abort(&context);
  explicit_bzero(&context, sizeof(context));
  WipeOperation(operation);
  return status;
}

// Key management: this fake serves hashing and entropy only. Its builds
// have no key drivers, so every key entry point is unsupported, as in a
// generated dispatch with no driver declaring them.
// The fake serves no MAC, cipher or AEAD mechanism: the core unit tests of
// those families run against the generated dispatch (psa_crypto_test).
psa_status_t MacCompute(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t, const uint8_t*, size_t,
                        uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t MacVerify(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t, const uint8_t*, size_t,
                       const uint8_t*, size_t) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t MacSignSetup(psa_mac_operation_t*, const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t MacVerifySetup(psa_mac_operation_t*, const psa_key_attributes_t*, const uint8_t*, size_t,
                            psa_algorithm_t) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t MacUpdate(psa_mac_operation_t*, const uint8_t*, size_t) { return PSA_ERROR_BAD_STATE; }
psa_status_t MacSignFinish(psa_mac_operation_t*, uint8_t*, size_t, size_t*) { return PSA_ERROR_BAD_STATE; }
psa_status_t MacVerifyFinish(psa_mac_operation_t*, const uint8_t*, size_t) { return PSA_ERROR_BAD_STATE; }
psa_status_t MacAbort(psa_mac_operation_t*) { return PSA_SUCCESS; }

// The builtin cipher serves single-part encryption: the core's CTR_DRBG
// (psa/core/random) runs its AES through here.
psa_status_t CipherEncrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                           psa_algorithm_t alg, const uint8_t* iv, size_t iv_length, const uint8_t* input,
                           size_t input_length, uint8_t* output, size_t output_size, size_t* output_length) {
  return builtin_cipher_encrypt(attributes, key_buffer, key_buffer_size, alg, iv, iv_length, input, input_length,
                                output, output_size, output_length);
}
psa_status_t CipherDecrypt(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t, const uint8_t*, size_t,
                           uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t CipherEncryptSetup(psa_cipher_operation_t*, const psa_key_attributes_t*, const uint8_t*, size_t,
                                psa_algorithm_t) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t CipherDecryptSetup(psa_cipher_operation_t*, const psa_key_attributes_t*, const uint8_t*, size_t,
                                psa_algorithm_t) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t CipherSetIv(psa_cipher_operation_t*, const uint8_t*, size_t) { return PSA_ERROR_BAD_STATE; }
psa_status_t CipherUpdate(psa_cipher_operation_t*, const uint8_t*, size_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_BAD_STATE;
}
psa_status_t CipherFinish(psa_cipher_operation_t*, uint8_t*, size_t, size_t*) { return PSA_ERROR_BAD_STATE; }
psa_status_t CipherAbort(psa_cipher_operation_t*) { return PSA_SUCCESS; }

psa_status_t AeadEncrypt(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t, const uint8_t*, size_t,
                         const uint8_t*, size_t, const uint8_t*, size_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t AeadDecrypt(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t, const uint8_t*, size_t,
                         const uint8_t*, size_t, const uint8_t*, size_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t AeadEncryptSetup(psa_aead_operation_t*, const psa_key_attributes_t*, const uint8_t*, size_t,
                              psa_algorithm_t) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t AeadDecryptSetup(psa_aead_operation_t*, const psa_key_attributes_t*, const uint8_t*, size_t,
                              psa_algorithm_t) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t AeadSetNonce(psa_aead_operation_t*, const uint8_t*, size_t) { return PSA_ERROR_BAD_STATE; }
psa_status_t AeadSetLengths(psa_aead_operation_t*, size_t, size_t) { return PSA_ERROR_BAD_STATE; }
psa_status_t AeadUpdateAd(psa_aead_operation_t*, const uint8_t*, size_t) { return PSA_ERROR_BAD_STATE; }
psa_status_t AeadUpdate(psa_aead_operation_t*, const uint8_t*, size_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_BAD_STATE;
}
psa_status_t AeadFinish(psa_aead_operation_t*, uint8_t*, size_t, size_t*, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_BAD_STATE;
}
psa_status_t AeadVerify(psa_aead_operation_t*, uint8_t*, size_t, size_t*, const uint8_t*, size_t) {
  return PSA_ERROR_BAD_STATE;
}
psa_status_t AeadAbort(psa_aead_operation_t*) { return PSA_SUCCESS; }

// PAKE: no driver serves any suite.
psa_status_t PakeSetup(const psa_key_attributes_t*, psa_algorithm_t, psa_pake_operation_t*,
                       const psa_crypto_driver_pake_inputs_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t PakeOutput(psa_pake_operation_t*, psa_crypto_driver_pake_step_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_BAD_STATE;
}
psa_status_t PakeInput(psa_pake_operation_t*, psa_crypto_driver_pake_step_t, const uint8_t*, size_t) {
  return PSA_ERROR_BAD_STATE;
}
psa_status_t PakeGetImplicitKey(psa_pake_operation_t*, uint8_t*, size_t, size_t*) { return PSA_ERROR_BAD_STATE; }
psa_status_t PakeAbort(psa_pake_operation_t*) { return PSA_SUCCESS; }

// Key derivation: no driver serves any (the core derives by itself), and no
// driver derives cooked keys.
psa_status_t KeyDerivationSetup(const psa_key_attributes_t*, psa_key_derivation_operation_t*, psa_algorithm_t,
                                const psa_crypto_driver_key_derivation_inputs_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t KeyDerivationInputStep(psa_key_derivation_operation_t*, psa_key_derivation_step_t, const uint8_t*,
                                    size_t) {
  return PSA_ERROR_BAD_STATE;
}
psa_status_t KeyDerivationSetCapacity(psa_key_derivation_operation_t*, size_t) { return PSA_ERROR_NOT_SUPPORTED; }
psa_status_t KeyDerivationOutputBytes(psa_key_derivation_operation_t*, uint8_t*, size_t) {
  return PSA_ERROR_BAD_STATE;
}
psa_status_t KeyDerivationOutputKey(const psa_key_attributes_t*, psa_key_derivation_operation_t*, uint8_t*, size_t,
                                    size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t KeyDerivationVerifyBytes(psa_key_derivation_operation_t*, const uint8_t*, size_t) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t KeyDerivationVerifyKey(psa_key_derivation_operation_t*, uint8_t*, size_t) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t KeyDerivationAbort(psa_key_derivation_operation_t*) { return PSA_SUCCESS; }
psa_status_t KeyAgreement(psa_algorithm_t, const psa_key_attributes_t*, const uint8_t*, size_t, const uint8_t*,
                          size_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t DeriveKey(const psa_key_attributes_t*, const uint8_t*, size_t, void*, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}

// No signature or asymmetric encryption mechanism either.
psa_status_t SignHash(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t, const uint8_t*, size_t,
                      uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t VerifyHash(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t, const uint8_t*, size_t,
                        const uint8_t*, size_t) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t SignMessage(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t, const uint8_t*,
                         size_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t VerifyMessage(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t, const uint8_t*,
                           size_t, const uint8_t*, size_t) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t AsymmetricEncrypt(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t, const uint8_t*,
                               size_t, const uint8_t*, size_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}
psa_status_t AsymmetricDecrypt(const psa_key_attributes_t*, const uint8_t*, size_t, psa_algorithm_t, const uint8_t*,
                               size_t, const uint8_t*, size_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}

bool LocationIsSupported(psa_key_location_t location) { return location == PSA_KEY_LOCATION_LOCAL_STORAGE; }

psa_status_t KeyBufferSize(const psa_key_attributes_t*, size_t* size) {
  *size = 0;
  return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t KeyBufferSizeForImport(const psa_key_attributes_t*, size_t, size_t* size) {
  *size = 0;
  return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t ImportKey(const psa_key_attributes_t*, const uint8_t*, size_t, uint8_t*, size_t, size_t*, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t GenerateKey(const psa_key_attributes_t*, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t ExportKey(const psa_key_attributes_t*, const uint8_t*, size_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t ExportPublicKey(const psa_key_attributes_t*, const uint8_t*, size_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t CopyKey(psa_key_attributes_t*, const uint8_t*, size_t, uint8_t*, size_t, size_t*) {
  return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t DestroyKey(const psa_key_attributes_t*, const uint8_t*, size_t) { return PSA_SUCCESS; }

const char* DriverName(uint32_t driver_id) {
  return driver_id == kFakeDriverId ? "fake" : nullptr;
}

uint32_t LastServingDriver() { return g_last_serving_driver; }

const char* DispatchTable() {
  return "fake dispatch (psa/core/testing): driver 1 \"fake\" serves the "
         "builtin driver's hashes\n";
}

}  // namespace psa::dispatch
