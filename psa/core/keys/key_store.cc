#include "psa/core/keys/key_store.h"

#include <atomic>
#include <utility>

#include "absl/base/const_init.h"
#include "psa/core/dispatch.h"
#include "psa/core/keys/lifetime.h"
#include "psa/core/library_state.h"
#include "psa/core/policy/policy.h"
#include "psa/core/storage/key_file_store.h"
#include "psa/core/wipe.h"

namespace psa::core::keys {

struct KeySlot {
  enum class State : uint8_t {
    kFree,
    // Reserved by a KeyCreation; its identifier is taken but not usable.
    kCreating,
    // A usable key.
    kReady,
    // psa_destroy_key() is removing the key file or calling the driver; the
    // identifier stays taken so that nobody reloads or recreates the key.
    kDestroying,
    // Destroyed or purged while pinned: out of the table, wiped when the last
    // handle is released.
    kDetached,
  };

  State state = State::kFree;
  uint32_t pin_count = 0;
  // Destroyed while an operation used it: the opaque driver's destroy_key
  // runs when the last handle is released, not under that operation.
  bool destroy_in_driver_on_release = false;
  // use_clock_ at the last acquisition: orders idle cached keys for eviction.
  uint64_t last_use = 0;
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  SecureBuffer key;
};

namespace {

// A persistent key may stay in a slot when no operation uses it only if its
// policy allows caching (PSA Crypto 1.2, PSA_KEY_USAGE_CACHE).
bool MayStayCached(const psa_key_attributes_t& attributes) {
  return !IsPersistent(attributes) ||
         (psa_get_key_usage_flags(&attributes) & PSA_KEY_USAGE_CACHE) != 0;
}

// A key file must describe the key it is named after. The storage checks
// the file's integrity; this checks what the key store relies on.
psa_status_t CheckLoadedKey(psa_key_id_t id,
                            const psa_key_attributes_t& attributes,
                            const SecureBuffer& key) {
  if (psa_get_key_id(&attributes) != id ||
      PSA_KEY_LIFETIME_IS_VOLATILE(psa_get_key_lifetime(&attributes)) ||
      psa_get_key_type(&attributes) == PSA_KEY_TYPE_NONE ||
      psa_get_key_bits(&attributes) == 0 || key.empty()) {
    return PSA_ERROR_DATA_CORRUPT;
  }
  return PSA_SUCCESS;
}

}  // namespace

// --- KeyHandle ---------------------------------------------------------------

KeyHandle::KeyHandle(KeyHandle&& other) noexcept
    : store_(other.store_), slot_(other.slot_) {
  other.store_ = nullptr;
  other.slot_ = nullptr;
}

KeyHandle& KeyHandle::operator=(KeyHandle&& other) noexcept {
  if (this != &other) {
    Release();
    store_ = other.store_;
    slot_ = other.slot_;
    other.store_ = nullptr;
    other.slot_ = nullptr;
  }
  return *this;
}

const psa_key_attributes_t& KeyHandle::attributes() const {
  return slot_->attributes;
}

const uint8_t* KeyHandle::key_buffer() const { return slot_->key.data(); }

size_t KeyHandle::key_buffer_size() const { return slot_->key.size(); }

void KeyHandle::Release() {
  if (slot_ == nullptr) return;
  store_->Release(slot_);
  store_ = nullptr;
  slot_ = nullptr;
}

// --- KeyCreation ---------------------------------------------------------------

KeyCreation::KeyCreation(KeyCreation&& other) noexcept
    : store_(other.store_), slot_(other.slot_), key_set_(other.key_set_) {
  other.store_ = nullptr;
  other.slot_ = nullptr;
  other.key_set_ = false;
}

KeyCreation& KeyCreation::operator=(KeyCreation&& other) noexcept {
  if (this != &other) {
    Abort();
    store_ = other.store_;
    slot_ = other.slot_;
    key_set_ = other.key_set_;
    other.store_ = nullptr;
    other.slot_ = nullptr;
    other.key_set_ = false;
  }
  return *this;
}

const psa_key_attributes_t& KeyCreation::attributes() const {
  return slot_->attributes;
}

void KeyCreation::SetKey(SecureBuffer buffer, size_t length, size_t bits) {
  // The slot is kCreating: this creation owns it exclusively.
  if (length > buffer.size()) length = buffer.size();
  if (length < buffer.size()) {
    // Keep only the key: a transparent import may have been given room for
    // the largest key of its type.
    SecureBuffer exact;
    if (exact.Assign(buffer.data(), length)) {
      buffer = std::move(exact);
    } else {
      buffer.Truncate(length);
    }
  }
  slot_->key = std::move(buffer);
  psa_set_key_bits(&slot_->attributes, bits);
  key_set_ = true;
}

psa_status_t KeyCreation::Commit(psa_key_id_t* id) {
  *id = PSA_KEY_ID_NULL;
  if (slot_ == nullptr) return PSA_ERROR_BAD_STATE;
  if (!key_set_ || slot_->key.empty() ||
      psa_get_key_bits(&slot_->attributes) == 0) {
    return PSA_ERROR_CORRUPTION_DETECTED;
  }
  const psa_status_t status = store_->Commit(slot_, id);
  if (status != PSA_SUCCESS) return status;
  store_ = nullptr;
  slot_ = nullptr;
  key_set_ = false;
  return PSA_SUCCESS;
}

psa_status_t KeyCreation::Abort() {
  if (slot_ == nullptr) return PSA_SUCCESS;
  const psa_status_t status = store_->AbortCreation(slot_, key_set_);
  store_ = nullptr;
  slot_ = nullptr;
  key_set_ = false;
  return status;
}

// --- KeyStore ----------------------------------------------------------------

KeyStore::KeyStore(size_t slot_count, std::string storage_directory,
                   storage::FileSystem& file_system)
    : slot_count_(slot_count == 0 ? 1 : slot_count),
      slots_(new KeySlot[slot_count_]),
      next_volatile_id_(kVolatileKeyIdMin),
      storage_(std::make_unique<storage::KeyFileStore>(
          std::move(storage_directory), file_system)) {}

KeyStore::~KeyStore() {
  MutexLock lock(&mutex_);
  for (size_t i = 0; i < slot_count_; ++i) FreeSlotLocked(&slots_[i]);
  by_id_.clear();
}

size_t KeyStore::OccupiedSlotCount() const {
  MutexLock lock(&mutex_);
  size_t count = 0;
  for (size_t i = 0; i < slot_count_; ++i) {
    if (slots_[i].state != KeySlot::State::kFree) ++count;
  }
  return count;
}

bool KeyStore::KeyExists(psa_key_id_t id) {
  MutexLock lock(&mutex_);
  const auto it = by_id_.find(id);
  if (it != by_id_.end()) return it->second->state == KeySlot::State::kReady;
  return !IsVolatileKeyId(id) && storage_->Exists(id);
}

bool KeyStore::HoldsKey(psa_key_id_t id) const {
  MutexLock lock(&mutex_);
  const auto it = by_id_.find(id);
  return it != by_id_.end() && it->second->state == KeySlot::State::kReady;
}

uint32_t KeyStore::PinCountForTesting(psa_key_id_t id) const {
  MutexLock lock(&mutex_);
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? 0 : it->second->pin_count;
}

void KeyStore::FreeSlotLocked(KeySlot* slot) {
  slot->key.Clear();
  SecureWipeObject(slot->attributes);
  slot->attributes = psa_key_attributes_init();
  slot->pin_count = 0;
  slot->destroy_in_driver_on_release = false;
  slot->last_use = 0;
  slot->state = KeySlot::State::kFree;
}

KeySlot* KeyStore::AllocateSlotLocked() {
  KeySlot* victim = nullptr;
  for (size_t i = 0; i < slot_count_; ++i) {
    KeySlot* slot = &slots_[i];
    if (slot->state == KeySlot::State::kFree) return slot;
    if (slot->state == KeySlot::State::kReady && slot->pin_count == 0 &&
        IsPersistent(slot->attributes) &&
        (victim == nullptr || slot->last_use < victim->last_use)) {
      victim = slot;
    }
  }
  if (victim == nullptr) return nullptr;
  // An idle persistent key: its file holds it, a later use reloads it.
  by_id_.erase(psa_get_key_id(&victim->attributes));
  FreeSlotLocked(victim);
  return victim;
}

psa_key_id_t KeyStore::AllocateVolatileIdLocked() {
  // by_id_ holds at most slot_count_ identifiers, far fewer than the range:
  // the loop ends within slot_count_ + 1 steps.
  for (;;) {
    const psa_key_id_t id = next_volatile_id_;
    next_volatile_id_ =
        id == kVolatileKeyIdMax ? kVolatileKeyIdMin : id + 1;
    if (by_id_.find(id) == by_id_.end()) return id;
  }
}

void KeyStore::DetachLocked(KeySlot* slot) {
  by_id_.erase(psa_get_key_id(&slot->attributes));
  if (slot->pin_count == 0) {
    FreeSlotLocked(slot);
  } else {
    slot->state = KeySlot::State::kDetached;
  }
}

void KeyStore::SettleIdleSlotLocked(KeySlot* slot) {
  if (slot->pin_count != 0) return;
  if (slot->state == KeySlot::State::kDetached) {
    FreeSlotLocked(slot);
  } else if (slot->state == KeySlot::State::kReady &&
             !MayStayCached(slot->attributes)) {
    DetachLocked(slot);
  }
}

psa_status_t KeyStore::FindOrLoadLocked(psa_key_id_t id, KeySlot** found) {
  *found = nullptr;
  const auto it = by_id_.find(id);
  if (it != by_id_.end()) {
    if (it->second->state != KeySlot::State::kReady) {
      return PSA_ERROR_INVALID_HANDLE;
    }
    *found = it->second;
    return PSA_SUCCESS;
  }
  if (!IsPersistentKeyId(id)) return PSA_ERROR_INVALID_HANDLE;

  // Reading under the mutex keeps a concurrent lookup of the same key from
  // loading it twice; no thread writes or removes this file meanwhile, since
  // that needs the identifier in by_id_. The file is read before a slot is
  // taken, so that a missing or bad file evicts no cached key.
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  SecureBuffer key;
  psa_status_t status = storage_->Load(id, &attributes, &key);
  if (status == PSA_ERROR_DOES_NOT_EXIST) return PSA_ERROR_INVALID_HANDLE;
  if (status == PSA_SUCCESS) status = CheckLoadedKey(id, attributes, key);
  if (status != PSA_SUCCESS) return status;
  KeySlot* slot = AllocateSlotLocked();
  if (slot == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
  slot->attributes = attributes;
  slot->key = std::move(key);
  slot->state = KeySlot::State::kReady;
  by_id_[id] = slot;
  *found = slot;
  return PSA_SUCCESS;
}

psa_status_t KeyStore::Acquire(psa_key_id_t id, psa_key_usage_t usage,
                               psa_algorithm_t alg, KeyHandle* handle) {
  handle->Release();
  MutexLock lock(&mutex_);
  KeySlot* slot = nullptr;
  psa_status_t status = FindOrLoadLocked(id, &slot);
  if (status != PSA_SUCCESS) return status;
  if (usage != 0 || alg != PSA_ALG_NONE) {
    status = policy::CheckKeyUsage(slot->attributes, usage, alg);
    if (status != PSA_SUCCESS) {
      // A persistent key loaded just for this lookup must not stay cached.
      SettleIdleSlotLocked(slot);
      return status;
    }
  }
  ++slot->pin_count;
  slot->last_use = ++use_clock_;
  handle->store_ = this;
  handle->slot_ = slot;
  return PSA_SUCCESS;
}

void KeyStore::Release(KeySlot* slot) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  SecureBuffer context;
  {
    MutexLock lock(&mutex_);
    if (slot->pin_count == 0) return;  // Unreachable: one pin per handle.
    --slot->pin_count;
    if (slot->pin_count != 0 || !slot->destroy_in_driver_on_release) {
      SettleIdleSlotLocked(slot);
      return;
    }
    // The last user of an opaque key destroyed meanwhile: take the context
    // out of the slot, free the slot, and tell the driver outside the lock.
    attributes = slot->attributes;
    context = std::move(slot->key);
    SettleIdleSlotLocked(slot);
  }
  // psa_destroy_key has already returned: the driver's status has no caller.
  psa::dispatch::DestroyKey(&attributes, context.data(), context.size());
  SecureWipeObject(attributes);
}

psa_status_t KeyStore::BeginCreation(const psa_key_attributes_t& attributes,
                                     KeyCreation* creation) {
  creation->Abort();
  const bool persistent = IsPersistent(attributes);
  MutexLock lock(&mutex_);
  psa_key_id_t id = psa_get_key_id(&attributes);
  if (persistent) {
    if (by_id_.find(id) != by_id_.end() || storage_->Exists(id)) {
      return PSA_ERROR_ALREADY_EXISTS;
    }
  }
  KeySlot* slot = AllocateSlotLocked();
  if (slot == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
  if (!persistent) id = AllocateVolatileIdLocked();
  slot->attributes = attributes;
  slot->attributes.id = id;
  slot->state = KeySlot::State::kCreating;
  by_id_[id] = slot;
  creation->store_ = this;
  creation->slot_ = slot;
  creation->key_set_ = false;
  return PSA_SUCCESS;
}

psa_status_t KeyStore::Commit(KeySlot* slot, psa_key_id_t* id) {
  // Until published below, the slot is kCreating and belongs to the caller.
  const psa_key_attributes_t& attributes = slot->attributes;
  if (IsPersistent(attributes)) {
    const psa_status_t status =
        storage_->Store(attributes, slot->key.data(), slot->key.size());
    if (status != PSA_SUCCESS) return status;
  }
  MutexLock lock(&mutex_);
  *id = psa_get_key_id(&attributes);
  slot->state = KeySlot::State::kReady;
  slot->last_use = ++use_clock_;
  // A persistent key without PSA_KEY_USAGE_CACHE is in its file now and no
  // operation uses it: its copy goes at once.
  SettleIdleSlotLocked(slot);
  return PSA_SUCCESS;
}

psa_status_t KeyStore::AbortCreation(KeySlot* slot, bool key_set) {
  psa_status_t status = PSA_SUCCESS;
  if (key_set && IsOpaque(slot->attributes)) {
    // The driver holds (or may hold) resources for this key.
    status = psa::dispatch::DestroyKey(&slot->attributes, slot->key.data(),
                                       slot->key.size());
  }
  MutexLock lock(&mutex_);
  by_id_.erase(psa_get_key_id(&slot->attributes));
  FreeSlotLocked(slot);
  return status;
}

psa_status_t KeyStore::Destroy(psa_key_id_t id) {
  KeySlot* slot = nullptr;
  {
    MutexLock lock(&mutex_);
    const psa_status_t status = FindOrLoadLocked(id, &slot);
    if (status == PSA_ERROR_DATA_CORRUPT) {
      // An unreadable key file: nothing can use it, and it would block its
      // identifier forever. The specification asks for a best effort to
      // erase the key even so; the caller still learns of the corruption.
      // (Under the mutex: no other thread may touch this file meanwhile.)
      storage_->Remove(id);
      return status;
    }
    if (status != PSA_SUCCESS) return status;
    if (IsReadOnlyLifetime(psa_get_key_lifetime(&slot->attributes))) {
      SettleIdleSlotLocked(slot);
      return PSA_ERROR_NOT_PERMITTED;
    }
    // Pinned and kDestroying: the slot's contents stay valid while the
    // file and the driver are dealt with below, and no other thread can
    // reach the key, reload it, or create another with its identifier.
    slot->state = KeySlot::State::kDestroying;
    ++slot->pin_count;
    destroy_count_.fetch_add(1, std::memory_order_release);
  }

  const psa_key_attributes_t& attributes = slot->attributes;
  psa_status_t status = PSA_SUCCESS;
  if (IsPersistent(attributes)) {
    status = storage_->Remove(id);
    // Already gone (removed behind our back): the key is destroyed anyway.
    if (status == PSA_ERROR_DOES_NOT_EXIST) status = PSA_SUCCESS;
  }
  // A key file must never name a key its driver has destroyed: the driver
  // is told only once the file is gone. A key file from a build with other
  // drivers may name a location that no driver of this build serves: the
  // key leaves the key store, and the caller learns that the material may
  // remain in the cryptoprocessor.
  bool other_users = false;
  if (status == PSA_SUCCESS && IsOpaque(attributes)) {
    if (!psa::dispatch::LocationIsSupported(LocationOf(attributes))) {
      status = PSA_ERROR_COMMUNICATION_FAILURE;
    } else {
      {
        MutexLock lock(&mutex_);
        other_users = slot->pin_count > 1;
        // An operation still uses the key: its driver context must stay
        // valid in the cryptoprocessor until that operation lets go.
        if (other_users) slot->destroy_in_driver_on_release = true;
      }
      if (!other_users) {
        status = psa::dispatch::DestroyKey(&attributes, slot->key.data(), slot->key.size());
      }
    }
  }

  // If the other users let go meanwhile, this is the last release: the
  // deferred driver call is ours.
  psa_key_attributes_t deferred_attributes = psa_key_attributes_init();
  SecureBuffer deferred_context;
  bool destroy_in_driver_now = false;
  {
    MutexLock lock(&mutex_);
    --slot->pin_count;
    if (slot->pin_count == 0 && slot->destroy_in_driver_on_release) {
      deferred_attributes = slot->attributes;
      deferred_context = std::move(slot->key);
      destroy_in_driver_now = true;
    }
    DetachLocked(slot);
  }
  if (destroy_in_driver_now) {
    status = psa::dispatch::DestroyKey(&deferred_attributes, deferred_context.data(), deferred_context.size());
    SecureWipeObject(deferred_attributes);
  }
  return status;
}

psa_status_t KeyStore::Purge(psa_key_id_t id) {
  MutexLock lock(&mutex_);
  const auto it = by_id_.find(id);
  if (it != by_id_.end()) {
    KeySlot* slot = it->second;
    if (slot->state != KeySlot::State::kReady) return PSA_ERROR_INVALID_HANDLE;
    if (IsPersistent(slot->attributes)) DetachLocked(slot);
    return PSA_SUCCESS;
  }
  if (!IsPersistentKeyId(id) || !storage_->Exists(id)) {
    return PSA_ERROR_INVALID_HANDLE;
  }
  return PSA_SUCCESS;  // Not cached: nothing to remove from memory.
}

// --- The process-wide store ------------------------------------------------------

namespace {

ABSL_CONST_INIT absl::Mutex g_global_store_mutex(absl::kConstInit);
std::atomic<KeyStore*> g_global_store{nullptr};

}  // namespace

KeyStore& GlobalKeyStore() {
  KeyStore* store = g_global_store.load(std::memory_order_acquire);
  if (store != nullptr) return *store;
  absl::MutexLock lock(&g_global_store_mutex);
  store = g_global_store.load(std::memory_order_relaxed);
  if (store == nullptr) {
    const std::string directory = storage::DirectoryFromEnvironment();
    // A process killed between writing a key's temporary file and renaming
    // it left key material behind: remove it (best effort; the directory
    // may not exist yet).
    storage::KeyFileStore(directory).RemoveStaleTemporaryFiles();
    // Lives until the end of the process: other threads may use it then.
    store = new KeyStore(kDefaultKeySlotCount, directory);
    g_global_store.store(store, std::memory_order_release);
  }
  return *store;
}

bool OperationKeyExists(psa_key_id_t id, uint64_t* destroy_count) {
  KeyStore& store = GlobalKeyStore();
  const uint64_t now = store.DestroyCount();
  if (now == *destroy_count) return true;
  // Read before the lookup: a destroy during it is seen by the next step.
  if (!store.KeyExists(id)) return false;
  *destroy_count = now;
  return true;
}

psa_status_t AcquireKey(psa_key_id_t id, psa_key_usage_t usage,
                        psa_algorithm_t alg, KeyHandle* handle) {
  if (!LibraryInitialized()) {
    handle->Release();
    return PSA_ERROR_BAD_STATE;
  }
  return GlobalKeyStore().Acquire(id, usage, alg, handle);
}

void ResetGlobalKeyStoreForTesting(size_t slot_count,
                                   storage::FileSystem* file_system) {
  absl::MutexLock lock(&g_global_store_mutex);
  KeyStore* old_store = g_global_store.exchange(
      new KeyStore(slot_count, storage::DirectoryFromEnvironment(),
                   file_system != nullptr ? *file_system
                                          : storage::RealFileSystem()),
      std::memory_order_acq_rel);
  delete old_store;
}

}  // namespace psa::core::keys
