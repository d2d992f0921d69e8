// The key store: a fixed table of key slots holding the keys in use, shared
// by every thread of the process.
//
// A slot holds one key's attributes and key buffer (the export format of a
// transparent key, the driver's context of an opaque key). Volatile keys live
// in a slot from creation to destruction. Persistent keys live in the key
// storage (one file per key, see psa/core/storage); a slot holds a copy while
// an operation uses the key, and afterwards only if the key's policy has
// PSA_KEY_USAGE_CACHE (until psa_purge_key(), or until the slot is needed for
// another key: the least recently used idle cached key is evicted first).
// Without PSA_KEY_USAGE_CACHE the copy is wiped as soon as the last user
// releases it, as the specification requires.
//
// Operations use a key through a KeyHandle, which pins its slot: a pinned
// slot's attributes and key buffer never change and are never freed.
// Destroying or purging a key that is in use removes its identifier from the
// table at once (later lookups fail or reload it) and wipes the slot when the
// last handle is released.
//
// Volatile keys take the fast path: a volatile identifier names its slot
// (the slot's index and a generation that changes each time the slot takes a
// new volatile key), each slot has one atomic word (identifier, state, pin
// count, flags), and a free slot is claimed by a compare-and-swap of its
// word. Looking up,
// pinning, releasing, creating and destroying a volatile key in local storage
// take no lock and allocate nothing (small keys are held inline, see
// key_material.h): a few compare-and-swaps. A generation wraps after
// 2^(24 - index bits) keys in one slot (2^19 with 32 slots); only then can an
// old identifier name a new key (Mbed TLS 2.28 reuses a destroyed volatile
// key's identifier at once).
//
// Thread safety: every method may be called from any thread. One mutex
// serializes what touches persistent keys (the identifier table, loads,
// evictions, key files) and slot evictions; it is never held while a driver
// runs or while a key file is written or removed (key files are only read
// under it). Every change of a slot's state is a compare-and-swap of its
// word, so that the lock-free paths and the locked ones agree.

#ifndef PSA_CORE_KEYS_KEY_STORE_H_
#define PSA_CORE_KEYS_KEY_STORE_H_

#include <stddef.h>
#include <stdint.h>

#include <atomic>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "psa/core/keys/key_material.h"
#include "psa/core/mutex.h"
#include "psa/core/secure_buffer.h"
#include "psa/core/storage/file_system.h"
#include "psa/crypto.h"

// Number of key slots of the process-wide key store: volatile keys plus
// persistent keys in use or cached. Override with -DPSA_CRYPTO_KEY_SLOT_COUNT=n
// (at most kMaxKeySlotCount).
#ifndef PSA_CRYPTO_KEY_SLOT_COUNT
#define PSA_CRYPTO_KEY_SLOT_COUNT 32
#endif

namespace psa::core::storage {
class KeyFileStore;
}  // namespace psa::core::storage

namespace psa::core::keys {

inline constexpr size_t kDefaultKeySlotCount = PSA_CRYPTO_KEY_SLOT_COUNT;
// A volatile identifier has 24 bits: at most 16 for the slot index leaves at
// least 8 for the generation.
inline constexpr size_t kMaxKeySlotCount = size_t{1} << 16;
static_assert(kDefaultKeySlotCount >= 1, "the key store needs a slot");
static_assert(kDefaultKeySlotCount <= kMaxKeySlotCount, "too many key slots");

class KeyStore;
struct KeySlot;

// A read-only view of a key that keeps it alive: while the handle is held,
// attributes() and the key buffer stay valid and unchanged, even if the key
// is destroyed meanwhile. Move-only; releases the key when destroyed.
class KeyHandle {
 public:
  KeyHandle() = default;
  KeyHandle(const KeyHandle&) = delete;
  KeyHandle& operator=(const KeyHandle&) = delete;
  KeyHandle(KeyHandle&& other) noexcept;
  KeyHandle& operator=(KeyHandle&& other) noexcept;
  ~KeyHandle() { Release(); }

  bool valid() const { return slot_ != nullptr; }

  // Only while valid().
  const psa_key_attributes_t& attributes() const;
  psa_key_id_t id() const { return psa_get_key_id(&attributes()); }
  const uint8_t* key_buffer() const;
  size_t key_buffer_size() const;

  // Unpins the key (the handle becomes invalid). No-op if not valid().
  void Release();

 private:
  friend class KeyStore;
  KeyStore* store_ = nullptr;
  KeySlot* slot_ = nullptr;
};

// A key being created: a reserved slot and identifier, invisible to lookups
// until Commit(). If it is destroyed without a successful Commit(), the
// creation is undone: an opaque driver that already holds the key is told
// to destroy it, the key material is wiped and the slot and identifier are
// released. Move-only.
class KeyCreation {
 public:
  KeyCreation() = default;
  KeyCreation(const KeyCreation&) = delete;
  KeyCreation& operator=(const KeyCreation&) = delete;
  KeyCreation(KeyCreation&& other) noexcept;
  KeyCreation& operator=(KeyCreation&& other) noexcept;
  ~KeyCreation() { Abort(); }

  bool active() const { return slot_ != nullptr; }

  // The new key's attributes (only while active()): those given to
  // KeyStore::BeginCreation(), with the identifier assigned to the key (for
  // a volatile key, the newly allocated one).
  const psa_key_attributes_t& attributes() const;

  // Hands over the key material: `buffer` holds `length` (<= its size)
  // valid bytes (the rest is wiped and released) and the key has `bits`
  // bits. Call it right
  // after a driver has created the key, before any further check, so that
  // an abort destroys the driver's key. Only while active().
  void SetKey(SecureBuffer buffer, size_t length, size_t bits);

  // The same with a copy of `length` bytes at `data` (held inline when
  // small: no allocation). PSA_ERROR_INSUFFICIENT_MEMORY if memory is short
  // (no key is set then).
  psa_status_t SetKeyBytes(const uint8_t* data, size_t length, size_t bits);

  // Makes the key visible. A persistent key is written to the key storage
  // first; on failure (PSA_ERROR_INSUFFICIENT_STORAGE,
  // PSA_ERROR_STORAGE_FAILURE, PSA_ERROR_ALREADY_EXISTS if another process
  // created it meanwhile) nothing was written and the creation stays active,
  // to be aborted. PSA_ERROR_CORRUPTION_DETECTED if SetKey() was not called
  // with a nonzero size and length. On success *id is the key's identifier
  // and the creation is no longer active.
  psa_status_t Commit(psa_key_id_t* id);

  // Undoes an active creation (see the class comment). Returns the status
  // of the opaque driver's "destroy_key", if it was called. No-op if not
  // active().
  psa_status_t Abort();

 private:
  friend class KeyStore;
  KeyStore* store_ = nullptr;
  KeySlot* slot_ = nullptr;
  bool key_set_ = false;
};

class KeyStore {
 public:
  // A store of `slot_count` (1 to kMaxKeySlotCount; clamped) slots whose persistent keys are in the
  // key storage directory `storage_directory`, accessed through
  // `file_system` (which must outlive the store).
  KeyStore(size_t slot_count, std::string storage_directory,
           storage::FileSystem& file_system = storage::RealFileSystem());
  // Wipes every slot. No handle or creation may outlive the store.
  ~KeyStore();

  KeyStore(const KeyStore&) = delete;
  KeyStore& operator=(const KeyStore&) = delete;

  // Looks up the key `id`, loading a persistent key from storage if no slot
  // holds it, checks that its policy permits `usage` with `alg` (skipped
  // when both are 0: the management functions check their own conditions),
  // and pins it in *handle (whose previous key, if any, is released first).
  // PSA_ERROR_INVALID_HANDLE if no such key exists (PSA_KEY_ID_NULL, an
  // identifier outside the key ranges, a destroyed key, a key being created
  // or destroyed); PSA_ERROR_NOT_PERMITTED or PSA_ERROR_INVALID_ARGUMENT
  // from the policy check; PSA_ERROR_INSUFFICIENT_MEMORY if a persistent key
  // must be loaded and no slot can be freed; PSA_ERROR_DATA_CORRUPT or
  // PSA_ERROR_STORAGE_FAILURE if its file cannot be read correctly. On
  // failure *handle is not valid.
  psa_status_t Acquire(psa_key_id_t id, psa_key_usage_t usage,
                       psa_algorithm_t alg, KeyHandle* handle);

  // Reserves a slot (and, for a volatile key, a new identifier) for a key
  // with `attributes`, which the caller has validated (lifetime, identifier,
  // location, policy; see lifetime.h). PSA_ERROR_ALREADY_EXISTS if a
  // persistent key with that identifier exists or is being created;
  // PSA_ERROR_INSUFFICIENT_MEMORY if every slot is in use.
  psa_status_t BeginCreation(const psa_key_attributes_t& attributes,
                             KeyCreation* creation);

  // psa_destroy_key() of a valid identifier: PSA_ERROR_NOT_PERMITTED for a
  // read-only key; otherwise removes the key file (a persistent key), then
  // calls the opaque driver's "destroy_key" (an opaque key; if no driver of
  // this build serves its location, PSA_ERROR_COMMUNICATION_FAILURE: the
  // material may remain in the cryptoprocessor), and removes
  // the key from the table (wiped now, or when its last handle is
  // released). If the file cannot be removed the key remains in storage,
  // its in-memory copy is purged and the storage error is returned; a later
  // destroy can retry. A key file that fails its integrity check is removed
  // (best effort) and PSA_ERROR_DATA_CORRUPT returned. Errors of Acquire()
  // for an invalid identifier.
  psa_status_t Destroy(psa_key_id_t id);

  // psa_purge_key(): wipes the cached copy of a persistent key (at once, or
  // when its last handle is released). A volatile key is left alone.
  // PSA_ERROR_INVALID_HANDLE if `id` names no key.
  psa_status_t Purge(psa_key_id_t id);

  // How many persistent keys psa_destroy_key() has taken out of the store
  // so far. A multi-part operation notes it at setup, so that checking that
  // its key still exists costs one atomic load while nothing was destroyed
  // (a volatile key's slot says so itself: OperationKeyExists()).
  uint64_t DestroyCount() const { return destroy_count_.load(std::memory_order_acquire); }

  // Whether the key `id` exists: ready in a slot, or a persistent key in
  // the key storage (a key being destroyed or created does not).
  bool KeyExists(psa_key_id_t id);

  // Diagnostics and tests.
  size_t slot_count() const { return slot_count_; }
  // Slots not free (keys, keys being created, destroyed keys still pinned).
  size_t OccupiedSlotCount() const;
  // Whether a slot holds the key `id` (and the key is not being destroyed).
  bool HoldsKey(psa_key_id_t id) const;
  // Pins on the slot holding `id`; 0 if none holds it.
  uint32_t PinCountForTesting(psa_key_id_t id) const;

 private:
  friend class KeyHandle;
  friend class KeyCreation;

  void Release(KeySlot* slot);
  psa_status_t Commit(KeySlot* slot, psa_key_id_t* id);
  psa_status_t AbortCreation(KeySlot* slot, bool key_set);

  // The slot a volatile identifier names; nullptr for any other identifier.
  KeySlot* VolatileSlot(psa_key_id_t id) const;
  // Pins the slot if it holds the key `id`, ready: PSA_SUCCESS,
  // PSA_ERROR_INVALID_HANDLE, or PSA_ERROR_INSUFFICIENT_MEMORY if its pin
  // count is at its maximum. Lock-free.
  static psa_status_t TryPin(KeySlot* slot, psa_key_id_t id);
  // The second half of Destroy(): the slot is kDestroying and pinned by the
  // caller; removes the file, tells the driver, detaches the slot.
  psa_status_t FinishDestroy(KeySlot* slot, psa_key_id_t id);
  // The key `id` in a slot (not being created or destroyed). Lock-free for
  // volatile identifiers.
  bool HoldsReadyKey(psa_key_id_t id) const;

  // A free slot, claimed (kClaimed) for the caller; nullptr if none.
  // Lock-free.
  KeySlot* ClaimFreeSlot();
  // A free slot, evicting the least recently used idle cached persistent
  // key if none is free; nullptr if every slot is in use.
  KeySlot* AllocateSlotLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // The slot's next volatile identifier (a new generation). The caller has
  // claimed the slot.
  psa_key_id_t NextVolatileId(KeySlot* slot) const;
  // The slot that holds the persistent key `id`, loading it from storage
  // into a free slot if none does. The slot is kReady.
  psa_status_t FindOrLoadLocked(psa_key_id_t id, KeySlot** slot)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // Takes a ready persistent key out of the table; its slot is freed now if
  // no handle pins it, else by the last release.
  void DetachLocked(KeySlot* slot) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // Detaches a ready persistent key that no handle pins and that must not
  // stay cached (no PSA_KEY_USAGE_CACHE).
  void SettleIdleLocked(KeySlot* slot) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // Wipes a slot that the caller has claimed and makes it free.
  void FreeSlot(KeySlot* slot);

  const size_t slot_count_;
  // Bits of a volatile identifier that hold the slot index.
  const unsigned index_bits_;
  mutable Mutex mutex_;
  // A slot's word (atomic) says which key it holds and in which state; its
  // attributes and key buffer are written only by the thread that has
  // claimed it (free, being created, or taken out of every lookup with no
  // pin left), and are read-only while any other thread can reach it.
  std::unique_ptr<KeySlot[]> slots_;
  // Persistent identifier -> slot, for keys being created, ready or being
  // destroyed.
  absl::flat_hash_map<psa_key_id_t, KeySlot*> by_id_ ABSL_GUARDED_BY(mutex_);
  uint64_t use_clock_ ABSL_GUARDED_BY(mutex_) = 0;
  std::atomic<uint64_t> destroy_count_{0};
  // Thread-safe for distinct identifiers; the table ensures that only one
  // thread at a time writes or removes the file of an identifier.
  std::unique_ptr<storage::KeyFileStore> storage_;
};

// The slow path of GlobalKeyStore(): creates the store on first use.
KeyStore& CreateGlobalKeyStore();

namespace internal {
extern std::atomic<KeyStore*> g_global_store;
}  // namespace internal

// The process-wide key store, created on first use with
// PSA_CRYPTO_KEY_SLOT_COUNT slots and the storage directory of
// psa::core::storage::DirectoryFromEnvironment(). (Inline: every key lookup
// and creation starts here, one acquire load.)
inline KeyStore& GlobalKeyStore() {
  KeyStore* store = internal::g_global_store.load(std::memory_order_acquire);
  return store != nullptr ? *store : CreateGlobalKeyStore();
}

// For the steps of a multi-part operation set up with the key `id` when the
// global store's DestroyCount() was *destroy_count: whether the key still
// exists (destroying a key makes the operations using it fail, PSA Crypto
// 1.2, psa_destroy_key). Updates *destroy_count after a check. A volatile
// key costs one atomic load of its slot.
bool OperationKeyExists(psa_key_id_t id, uint64_t* destroy_count);

// The same for an operation object with `key_id` and `key_destroy_count`
// fields: PSA_SUCCESS while its key exists, else PSA_ERROR_INVALID_HANDLE.
template <typename Operation>
psa_status_t CheckOperationKey(Operation* operation) {
  return OperationKeyExists(operation->key_id, &operation->key_destroy_count) ? PSA_SUCCESS
                                                                              : PSA_ERROR_INVALID_HANDLE;
}

// What every operation that uses a key calls: PSA_ERROR_BAD_STATE before
// psa_crypto_init(), otherwise GlobalKeyStore().Acquire().
psa_status_t AcquireKey(psa_key_id_t id, psa_key_usage_t usage,
                        psa_algorithm_t alg, KeyHandle* handle);

// FOR TESTS ONLY. Replaces the process-wide key store by an empty one of
// `slot_count` slots, reading the storage directory from the environment
// again, and accessing it through `file_system` (null: the real one; it
// must outlive the store). Every volatile key is lost (wiped). Must not run
// concurrently with any other PSA call, nor while a handle or creation is
// alive.
void ResetGlobalKeyStoreForTesting(
    size_t slot_count = kDefaultKeySlotCount,
    storage::FileSystem* file_system = nullptr);

}  // namespace psa::core::keys

#endif  // PSA_CORE_KEYS_KEY_STORE_H_
