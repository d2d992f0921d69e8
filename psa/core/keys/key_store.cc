#include "psa/core/keys/key_store.h"

#include <algorithm>
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
namespace {

// A slot's word: which key it holds, in which state, how many handles pin
// it, and what its last release must do.
//   bits 63..32  the key's identifier (PSA_KEY_ID_NULL when free)
//   bits 31..28  the state
//   bit  26      kDestroyInDriverOnRelease: an opaque key destroyed while an
//                operation used it; the last release calls the driver's
//                destroy_key (never under that operation)
//   bit  25      kOpaqueKey: the key is in an opaque location
//   bit  24      kEvictWhenIdle: a persistent key without PSA_KEY_USAGE_CACHE,
//                whose copy goes as soon as no handle pins it
//   bits 23..0   pin count
enum class State : uint64_t {
  kFree = 0,
  // Reserved by a KeyCreation; its identifier is taken but not usable.
  kCreating = 1,
  // A usable key.
  kReady = 2,
  // psa_destroy_key() is removing the key file or calling the driver; the
  // identifier stays taken so that nobody reloads or recreates the key.
  kDestroying = 3,
  // Destroyed or purged while pinned: out of every lookup, wiped by the
  // last release.
  kDetached = 4,
  // Unreachable and owned by one thread, which is wiping it.
  kClaimed = 5,
};

constexpr uint64_t kPinMask = (uint64_t{1} << 24) - 1;
constexpr uint64_t kEvictWhenIdle = uint64_t{1} << 24;
constexpr uint64_t kOpaqueKey = uint64_t{1} << 25;
constexpr uint64_t kDestroyInDriverOnRelease = uint64_t{1} << 26;
constexpr uint64_t kFlagMask = kEvictWhenIdle | kOpaqueKey | kDestroyInDriverOnRelease;
constexpr int kStateShift = 28;

constexpr uint64_t Word(psa_key_id_t id, State state, uint64_t flags, uint64_t pins) {
  return (uint64_t{id} << 32) | (static_cast<uint64_t>(state) << kStateShift) | (flags & kFlagMask) |
         (pins & kPinMask);
}
constexpr psa_key_id_t IdOf(uint64_t word) { return static_cast<psa_key_id_t>(word >> 32); }
constexpr State StateOf(uint64_t word) { return static_cast<State>((word >> kStateShift) & 0xf); }
constexpr uint64_t PinsOf(uint64_t word) { return word & kPinMask; }
constexpr uint64_t FlagsOf(uint64_t word) { return word & kFlagMask; }

constexpr uint64_t kFreeWord = Word(PSA_KEY_ID_NULL, State::kFree, 0, 0);
constexpr uint64_t kClaimedWord = Word(PSA_KEY_ID_NULL, State::kClaimed, 0, 0);

// The bits of a volatile identifier (24: kVolatileKeyIdMin..Max).
constexpr unsigned kVolatileIdBits = 24;
static_assert(kVolatileKeyIdMax - kVolatileKeyIdMin + 1 == (psa_key_id_t{1} << kVolatileIdBits),
              "the volatile range is 2^24 identifiers");

unsigned IndexBits(size_t slot_count) {
  unsigned bits = 0;
  while ((size_t{1} << bits) < slot_count) ++bits;
  return bits;
}

// A persistent key may stay in a slot when no operation uses it only if its
// policy allows caching (PSA Crypto 1.2, PSA_KEY_USAGE_CACHE).
bool MayStayCached(const psa_key_attributes_t& attributes) {
  return !IsPersistent(attributes) ||
         (psa_get_key_usage_flags(&attributes) & PSA_KEY_USAGE_CACHE) != 0;
}

// The flags a slot's word gets when its key becomes ready.
uint64_t ReadyFlags(const psa_key_attributes_t& attributes) {
  return (IsOpaque(attributes) ? kOpaqueKey : 0) | (MayStayCached(attributes) ? 0 : kEvictWhenIdle);
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

// 64-byte aligned: slots that different threads use do not share a cache line.
struct alignas(64) KeySlot {
  std::atomic<uint64_t> word{kFreeWord};
  // use_clock_ at the last acquisition of a persistent key: orders idle
  // cached keys for eviction (read and written under the mutex; atomic
  // because a lock-free free resets it).
  std::atomic<uint64_t> last_use{0};
  // Volatile keys this slot has held; written by the thread that claimed it.
  uint32_t generation = 0;
  uint32_t index = 0;
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  KeyMaterial key;
};

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
  // The slot is kCreating: this creation owns it exclusively. Only the key
  // is kept: a transparent import may have been given room for the largest
  // key of its type.
  slot_->key.Take(std::move(buffer), length);
  psa_set_key_bits(&slot_->attributes, bits);
  key_set_ = true;
}

psa_status_t KeyCreation::SetKeyBytes(const uint8_t* data, size_t length, size_t bits) {
  if (!slot_->key.Assign(data, length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  psa_set_key_bits(&slot_->attributes, bits);
  key_set_ = true;
  return PSA_SUCCESS;
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

// --- KeyStore: slots ------------------------------------------------------------

KeyStore::KeyStore(size_t slot_count, std::string storage_directory,
                   storage::FileSystem& file_system)
    : slot_count_(slot_count == 0 ? 1 : std::min(slot_count, kMaxKeySlotCount)),
      index_bits_(IndexBits(slot_count_)),
      slots_(new KeySlot[slot_count_]),
      storage_(std::make_unique<storage::KeyFileStore>(
          std::move(storage_directory), file_system)) {
  for (size_t i = 0; i < slot_count_; ++i) slots_[i].index = static_cast<uint32_t>(i);
}

KeyStore::~KeyStore() {
  // No handle or creation outlives the store: every slot is ours.
  MutexLock lock(&mutex_);
  for (size_t i = 0; i < slot_count_; ++i) {
    KeySlot* slot = &slots_[i];
    slot->key.Clear();
    SecureWipeObject(slot->attributes);
  }
  by_id_.clear();
}

KeySlot* KeyStore::VolatileSlot(psa_key_id_t id) const {
  if (!IsVolatileKeyId(id)) return nullptr;
  const size_t index = (id - kVolatileKeyIdMin) & ((psa_key_id_t{1} << index_bits_) - 1);
  return index < slot_count_ ? &slots_[index] : nullptr;
}

psa_key_id_t KeyStore::NextVolatileId(KeySlot* slot) const {
  const uint32_t generation_mask = (uint32_t{1} << (kVolatileIdBits - index_bits_)) - 1;
  slot->generation = (slot->generation + 1) & generation_mask;
  return kVolatileKeyIdMin + ((slot->generation << index_bits_) | slot->index);
}

psa_status_t KeyStore::TryPin(KeySlot* slot, psa_key_id_t id) {
  uint64_t word = slot->word.load(std::memory_order_acquire);
  for (;;) {
    if (IdOf(word) != id || StateOf(word) != State::kReady) return PSA_ERROR_INVALID_HANDLE;
    if (PinsOf(word) == kPinMask) return PSA_ERROR_INSUFFICIENT_MEMORY;
    // Acquire: the key's attributes and material, written before the key
    // became ready, are visible to the new holder.
    if (slot->word.compare_exchange_weak(word, word + 1, std::memory_order_acquire, std::memory_order_acquire)) {
      return PSA_SUCCESS;
    }
  }
}

KeySlot* KeyStore::ClaimFreeSlot() {
  // Each thread starts from its own slot, so that threads creating keys at
  // once do not all contend for the first free one.
  // (Zero-initialized thread_local: no initialization guard on this path.)
  static std::atomic<uint32_t> next_thread_start{0};
  static thread_local uint32_t thread_start_plus_one = 0;
  if (thread_start_plus_one == 0) {
    thread_start_plus_one = next_thread_start.fetch_add(7, std::memory_order_relaxed) % 0x10000 + 1;
  }
  const size_t start = (thread_start_plus_one - 1) % slot_count_;
  for (size_t n = 0; n < slot_count_; ++n) {
    size_t i = start + n;
    if (i >= slot_count_) i -= slot_count_;
    KeySlot* slot = &slots_[i];
    uint64_t word = slot->word.load(std::memory_order_relaxed);
    // Acquire: the wipe by the slot's last owner happened before.
    if (word == kFreeWord &&
        slot->word.compare_exchange_strong(word, kClaimedWord, std::memory_order_acquire, std::memory_order_relaxed)) {
      return slot;
    }
  }
  return nullptr;
}

void KeyStore::FreeSlot(KeySlot* slot) {
  slot->key.Clear();
  SecureWipeObject(slot->attributes);
  slot->attributes = psa_key_attributes_init();
  slot->last_use.store(0, std::memory_order_relaxed);
  slot->word.store(kFreeWord, std::memory_order_release);
}

KeySlot* KeyStore::AllocateSlotLocked() {
  for (;;) {
    KeySlot* slot = ClaimFreeSlot();
    if (slot != nullptr) return slot;
    // Every slot is taken: evict the least recently used idle persistent
    // key (its file holds it, a later use reloads it). Persistent slots
    // change state only under the mutex, except that releases lower pin
    // counts.
    KeySlot* victim = nullptr;
    uint64_t victim_word = 0;
    for (size_t i = 0; i < slot_count_; ++i) {
      KeySlot* candidate = &slots_[i];
      const uint64_t word = candidate->word.load(std::memory_order_acquire);
      if (StateOf(word) != State::kReady || PinsOf(word) != 0 || !IsPersistentKeyId(IdOf(word))) continue;
      if (victim == nullptr || candidate->last_use.load(std::memory_order_relaxed) <
                                   victim->last_use.load(std::memory_order_relaxed)) {
        victim = candidate;
        victim_word = word;
      }
    }
    if (victim == nullptr) return nullptr;
    uint64_t expected = victim_word;
    if (!victim->word.compare_exchange_strong(expected, kClaimedWord, std::memory_order_acquire)) continue;
    by_id_.erase(IdOf(victim_word));
    FreeSlot(victim);
  }
}

// --- KeyStore: lookups ---------------------------------------------------------

bool KeyStore::HoldsReadyKey(psa_key_id_t id) const {
  if (KeySlot* slot = VolatileSlot(id)) {
    const uint64_t word = slot->word.load(std::memory_order_acquire);
    return IdOf(word) == id && StateOf(word) == State::kReady;
  }
  if (!IsPersistentKeyId(id)) return false;
  MutexLock lock(&mutex_);
  const auto it = by_id_.find(id);
  return it != by_id_.end() && StateOf(it->second->word.load(std::memory_order_acquire)) == State::kReady;
}

size_t KeyStore::OccupiedSlotCount() const {
  size_t count = 0;
  for (size_t i = 0; i < slot_count_; ++i) {
    if (StateOf(slots_[i].word.load(std::memory_order_acquire)) != State::kFree) ++count;
  }
  return count;
}

bool KeyStore::KeyExists(psa_key_id_t id) {
  if (IsVolatileKeyId(id)) return HoldsReadyKey(id);
  if (!IsPersistentKeyId(id)) return false;
  MutexLock lock(&mutex_);
  const auto it = by_id_.find(id);
  if (it != by_id_.end()) {
    return StateOf(it->second->word.load(std::memory_order_acquire)) == State::kReady;
  }
  return storage_->Exists(id);
}

bool KeyStore::HoldsKey(psa_key_id_t id) const { return HoldsReadyKey(id); }

uint32_t KeyStore::PinCountForTesting(psa_key_id_t id) const {
  if (KeySlot* slot = VolatileSlot(id)) {
    const uint64_t word = slot->word.load(std::memory_order_acquire);
    return IdOf(word) == id ? static_cast<uint32_t>(PinsOf(word)) : 0;
  }
  MutexLock lock(&mutex_);
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? 0 : static_cast<uint32_t>(PinsOf(it->second->word.load(std::memory_order_acquire)));
}

psa_status_t KeyStore::FindOrLoadLocked(psa_key_id_t id, KeySlot** found) {
  *found = nullptr;
  const auto it = by_id_.find(id);
  if (it != by_id_.end()) {
    if (StateOf(it->second->word.load(std::memory_order_acquire)) != State::kReady) {
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
  const size_t length = key.size();
  slot->key.Take(std::move(key), length);
  slot->word.store(Word(id, State::kReady, ReadyFlags(attributes), 0), std::memory_order_release);
  by_id_[id] = slot;
  *found = slot;
  return PSA_SUCCESS;
}

psa_status_t KeyStore::Acquire(psa_key_id_t id, psa_key_usage_t usage,
                               psa_algorithm_t alg, KeyHandle* handle) {
  handle->Release();
  KeySlot* slot = VolatileSlot(id);
  psa_status_t status = PSA_ERROR_INVALID_HANDLE;
  if (slot != nullptr) {
    status = TryPin(slot, id);
  } else if (IsPersistentKeyId(id)) {
    MutexLock lock(&mutex_);
    status = FindOrLoadLocked(id, &slot);
    if (status == PSA_SUCCESS) status = TryPin(slot, id);
    if (status == PSA_SUCCESS) {
      slot->last_use.store(++use_clock_, std::memory_order_relaxed);
    } else if (slot != nullptr) {
      SettleIdleLocked(slot);
    }
  }
  if (status != PSA_SUCCESS) return status;
  // The slot is pinned: its attributes stay as they are.
  if (usage != 0 || alg != PSA_ALG_NONE) {
    status = policy::CheckKeyUsage(slot->attributes, usage, alg);
    if (status != PSA_SUCCESS) {
      // A persistent key loaded just for this lookup must not stay cached:
      // the release settles it.
      Release(slot);
      return status;
    }
  }
  handle->store_ = this;
  handle->slot_ = slot;
  return PSA_SUCCESS;
}

void KeyStore::Release(KeySlot* slot) {
  // Release: what this holder read of the slot happens before its wipe.
  const uint64_t word = slot->word.fetch_sub(1, std::memory_order_acq_rel) - 1;
  if (PinsOf(word) != 0) return;
  const State state = StateOf(word);
  if (state == State::kReady) {
    if ((word & kEvictWhenIdle) == 0) return;
    MutexLock lock(&mutex_);
    SettleIdleLocked(slot);
    return;
  }
  if (state != State::kDetached) return;  // kDestroying: Destroy() holds a pin.
  // The last user of a detached key: nobody else can reach the slot.
  slot->word.store(kClaimedWord, std::memory_order_relaxed);
  if ((word & kDestroyInDriverOnRelease) != 0) {
    // An opaque key destroyed meanwhile; psa_destroy_key has already
    // returned, so the driver's status has no caller.
    psa::dispatch::DestroyKey(&slot->attributes, slot->key.data(), slot->key.size());
  }
  FreeSlot(slot);
}

void KeyStore::DetachLocked(KeySlot* slot) {
  uint64_t word = slot->word.load(std::memory_order_acquire);
  for (;;) {
    if (StateOf(word) != State::kReady) return;
    const bool idle = PinsOf(word) == 0;
    const uint64_t detached =
        idle ? kClaimedWord : Word(IdOf(word), State::kDetached, FlagsOf(word), PinsOf(word));
    if (slot->word.compare_exchange_weak(word, detached, std::memory_order_acq_rel, std::memory_order_acquire)) {
      by_id_.erase(IdOf(word));
      if (idle) FreeSlot(slot);
      return;
    }
  }
}

void KeyStore::SettleIdleLocked(KeySlot* slot) {
  const uint64_t word = slot->word.load(std::memory_order_acquire);
  if (StateOf(word) == State::kReady && PinsOf(word) == 0 && (word & kEvictWhenIdle) != 0) DetachLocked(slot);
}

// --- KeyStore: creation ---------------------------------------------------------

psa_status_t KeyStore::BeginCreation(const psa_key_attributes_t& attributes,
                                     KeyCreation* creation) {
  creation->Abort();
  psa_key_id_t id = psa_get_key_id(&attributes);
  KeySlot* slot = nullptr;
  if (IsPersistent(attributes)) {
    MutexLock lock(&mutex_);
    if (by_id_.find(id) != by_id_.end() || storage_->Exists(id)) {
      return PSA_ERROR_ALREADY_EXISTS;
    }
    slot = AllocateSlotLocked();
    if (slot == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
    slot->attributes = attributes;
    slot->word.store(Word(id, State::kCreating, 0, 0), std::memory_order_release);
    by_id_[id] = slot;
  } else {
    slot = ClaimFreeSlot();
    if (slot == nullptr) {
      MutexLock lock(&mutex_);
      slot = AllocateSlotLocked();
    }
    if (slot == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
    id = NextVolatileId(slot);
    slot->attributes = attributes;
    slot->attributes.id = id;
    slot->word.store(Word(id, State::kCreating, 0, 0), std::memory_order_release);
  }
  creation->store_ = this;
  creation->slot_ = slot;
  creation->key_set_ = false;
  return PSA_SUCCESS;
}

psa_status_t KeyStore::Commit(KeySlot* slot, psa_key_id_t* id) {
  // Until published below, the slot is kCreating and belongs to the caller:
  // no other thread changes its word.
  const psa_key_attributes_t& attributes = slot->attributes;
  const psa_key_id_t key_id = psa_get_key_id(&attributes);
  const uint64_t ready = Word(key_id, State::kReady, ReadyFlags(attributes), 0);
  if (!IsPersistent(attributes)) {
    // Release: the attributes and the material are visible to whoever pins it.
    slot->word.store(ready, std::memory_order_release);
    *id = key_id;
    return PSA_SUCCESS;
  }
  const psa_status_t status =
      storage_->Store(attributes, slot->key.data(), slot->key.size());
  if (status != PSA_SUCCESS) return status;
  MutexLock lock(&mutex_);
  *id = key_id;
  slot->word.store(ready, std::memory_order_release);
  slot->last_use.store(++use_clock_, std::memory_order_relaxed);
  // A persistent key without PSA_KEY_USAGE_CACHE is in its file now and no
  // operation uses it: its copy goes at once.
  SettleIdleLocked(slot);
  return PSA_SUCCESS;
}

psa_status_t KeyStore::AbortCreation(KeySlot* slot, bool key_set) {
  psa_status_t status = PSA_SUCCESS;
  if (key_set && IsOpaque(slot->attributes)) {
    // The driver holds (or may hold) resources for this key.
    status = psa::dispatch::DestroyKey(&slot->attributes, slot->key.data(),
                                       slot->key.size());
  }
  if (IsPersistent(slot->attributes)) {
    MutexLock lock(&mutex_);
    by_id_.erase(psa_get_key_id(&slot->attributes));
    slot->word.store(kClaimedWord, std::memory_order_relaxed);
    FreeSlot(slot);
    return status;
  }
  slot->word.store(kClaimedWord, std::memory_order_relaxed);
  FreeSlot(slot);
  return status;
}

// --- KeyStore: destruction ------------------------------------------------------

psa_status_t KeyStore::Destroy(psa_key_id_t id) {
  if (KeySlot* slot = VolatileSlot(id)) {
    uint64_t word = slot->word.load(std::memory_order_acquire);
    for (;;) {
      if (IdOf(word) != id || StateOf(word) != State::kReady) return PSA_ERROR_INVALID_HANDLE;
      const uint64_t pins = PinsOf(word);
      if ((word & kOpaqueKey) == 0) {
        // A volatile key in local storage: nothing to tell anyone, it
        // leaves every lookup now and is wiped now or by its last release.
        const uint64_t next = pins == 0 ? kClaimedWord : Word(id, State::kDetached, FlagsOf(word), pins);
        if (!slot->word.compare_exchange_weak(word, next, std::memory_order_acq_rel, std::memory_order_acquire)) {
          continue;
        }
        if (pins == 0) FreeSlot(slot);
        return PSA_SUCCESS;
      }
      if (pins == kPinMask) return PSA_ERROR_INSUFFICIENT_MEMORY;
      if (slot->word.compare_exchange_weak(word, Word(id, State::kDestroying, FlagsOf(word), pins + 1),
                                           std::memory_order_acq_rel, std::memory_order_acquire)) {
        return FinishDestroy(slot, id);
      }
    }
  }

  KeySlot* slot = nullptr;
  {
    MutexLock lock(&mutex_);
    psa_status_t status = FindOrLoadLocked(id, &slot);
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
      SettleIdleLocked(slot);
      return PSA_ERROR_NOT_PERMITTED;
    }
    // Pinned and kDestroying: the slot's contents stay valid while the
    // file and the driver are dealt with below, and no other thread can
    // reach the key, reload it, or create another with its identifier.
    uint64_t word = slot->word.load(std::memory_order_acquire);
    for (;;) {
      if (PinsOf(word) == kPinMask) return PSA_ERROR_INSUFFICIENT_MEMORY;
      if (slot->word.compare_exchange_weak(word, Word(id, State::kDestroying, FlagsOf(word), PinsOf(word) + 1),
                                           std::memory_order_acq_rel, std::memory_order_acquire)) {
        break;
      }
    }
    destroy_count_.fetch_add(1, std::memory_order_release);
  }
  return FinishDestroy(slot, id);
}

psa_status_t KeyStore::FinishDestroy(KeySlot* slot, psa_key_id_t id) {
  const psa_key_attributes_t& attributes = slot->attributes;
  const bool persistent = IsPersistent(attributes);
  psa_status_t status = PSA_SUCCESS;
  if (persistent) {
    status = storage_->Remove(id);
    // Already gone (removed behind our back): the key is destroyed anyway.
    if (status == PSA_ERROR_DOES_NOT_EXIST) status = PSA_SUCCESS;
  }
  // A key file must never name a key its driver has destroyed: the driver
  // is told only once the file is gone. A key file from a build with other
  // drivers may name a location that no driver of this build serves: the
  // key leaves the key store, and the caller learns that the material may
  // remain in the cryptoprocessor.
  if (status == PSA_SUCCESS && IsOpaque(attributes)) {
    if (!psa::dispatch::LocationIsSupported(LocationOf(attributes))) {
      status = PSA_ERROR_COMMUNICATION_FAILURE;
    } else {
      // An operation still uses the key: its driver context must stay
      // valid in the cryptoprocessor until that operation lets go, whose
      // release then calls the driver.
      bool other_users = false;
      uint64_t word = slot->word.load(std::memory_order_acquire);
      while (PinsOf(word) > 1) {
        if (slot->word.compare_exchange_weak(word, word | kDestroyInDriverOnRelease, std::memory_order_acq_rel,
                                             std::memory_order_acquire)) {
          other_users = true;
          break;
        }
      }
      if (!other_users) {
        status = psa::dispatch::DestroyKey(&attributes, slot->key.data(), slot->key.size());
      }
    }
  }

  // Out of every lookup; if the other users let go meanwhile, this is the
  // last release: the slot, and the deferred driver call, are ours.
  bool last = false;
  uint64_t word = 0;
  {
    MutexLock lock(&mutex_);
    if (persistent) by_id_.erase(id);
    word = slot->word.load(std::memory_order_acquire);
    for (;;) {
      last = PinsOf(word) == 1;
      const uint64_t next = last ? kClaimedWord : Word(id, State::kDetached, FlagsOf(word), PinsOf(word) - 1);
      if (slot->word.compare_exchange_weak(word, next, std::memory_order_acq_rel, std::memory_order_acquire)) break;
    }
  }
  if (last) {
    if ((word & kDestroyInDriverOnRelease) != 0) {
      status = psa::dispatch::DestroyKey(&slot->attributes, slot->key.data(), slot->key.size());
    }
    FreeSlot(slot);
  }
  return status;
}

psa_status_t KeyStore::Purge(psa_key_id_t id) {
  if (IsVolatileKeyId(id)) {
    // A volatile key has no other copy: it stays.
    return HoldsReadyKey(id) ? PSA_SUCCESS : PSA_ERROR_INVALID_HANDLE;
  }
  if (!IsPersistentKeyId(id)) return PSA_ERROR_INVALID_HANDLE;
  MutexLock lock(&mutex_);
  const auto it = by_id_.find(id);
  if (it != by_id_.end()) {
    KeySlot* slot = it->second;
    if (StateOf(slot->word.load(std::memory_order_acquire)) != State::kReady) return PSA_ERROR_INVALID_HANDLE;
    DetachLocked(slot);
    return PSA_SUCCESS;
  }
  if (!storage_->Exists(id)) return PSA_ERROR_INVALID_HANDLE;
  return PSA_SUCCESS;  // Not cached: nothing to remove from memory.
}

// --- The process-wide store ------------------------------------------------------

namespace {

ABSL_CONST_INIT absl::Mutex g_global_store_mutex(absl::kConstInit);

}  // namespace

namespace internal {
std::atomic<KeyStore*> g_global_store{nullptr};
}  // namespace internal

using internal::g_global_store;

KeyStore& CreateGlobalKeyStore() {
  absl::MutexLock lock(&g_global_store_mutex);
  KeyStore* store = g_global_store.load(std::memory_order_relaxed);
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
  // A volatile key: one load of its slot's word says.
  if (IsVolatileKeyId(id)) return store.KeyExists(id);
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
