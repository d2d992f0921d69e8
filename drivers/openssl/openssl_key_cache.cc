#include "drivers/openssl/openssl_key_cache.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "drivers/openssl/openssl_digest.h"
#include "drivers/openssl/openssl_status.h"

namespace drivers::openssl {
namespace {

// SHA-256 of the key buffer.
psa_status_t DigestOfBuffer(const uint8_t* buffer, size_t length, uint8_t digest[32]) {
  unsigned int digest_length = 0;
  if (EVP_Digest(buffer, length, digest, &digest_length, DigestOf(PSA_ALG_SHA_256), nullptr) != 1 ||
      digest_length != 32) {
    return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  }
  return PSA_SUCCESS;
}

}  // namespace

KeyCache::KeyCache(size_t capacity) : capacity_(capacity) { entries_.reserve(capacity); }

KeyCache::~KeyCache() { Clear(); }

KeyCache& KeyCache::Global() {
  static KeyCache* const cache = new KeyCache(kDefaultCapacity);
  return *cache;
}

void KeyCache::Release(Entry* entry) {
  OPENSSL_cleanse(entry->digest, sizeof(entry->digest));
  EVP_PKEY_free(entry->key);
  entry->key = nullptr;
}

psa_status_t KeyCache::Acquire(psa_key_type_t type, size_t bits, const uint8_t* key_buffer, size_t key_buffer_size,
                               Pkey* key) {
  if (capacity_ == 0) return ParseKey(type, bits, key_buffer, key_buffer_size, key);
  uint8_t digest[32];
  psa_status_t status = DigestOfBuffer(key_buffer, key_buffer_size, digest);
  if (status != PSA_SUCCESS) return status;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (Entry& entry : entries_) {
      if (entry.type == type && entry.bits == bits && CRYPTO_memcmp(entry.digest, digest, sizeof(digest)) == 0 &&
          EVP_PKEY_up_ref(entry.key) == 1) {
        entry.last_used = ++clock_;
        ++hits_;
        key->reset(entry.key);
        OPENSSL_cleanse(digest, sizeof(digest));
        return PSA_SUCCESS;
      }
    }
    ++misses_;
  }
  Pkey parsed;
  status = ParseKey(type, bits, key_buffer, key_buffer_size, &parsed);
  if (status != PSA_SUCCESS) {
    OPENSSL_cleanse(digest, sizeof(digest));
    return status;
  }
  if (EVP_PKEY_up_ref(parsed.get()) == 1) {
    std::lock_guard<std::mutex> lock(mutex_);
    Entry fresh{type, bits, {}, parsed.get(), ++clock_};
    memcpy(fresh.digest, digest, sizeof(digest));
    bool present = false;
    for (const Entry& entry : entries_) {
      present = present || (entry.type == type && entry.bits == bits &&
                            CRYPTO_memcmp(entry.digest, digest, sizeof(digest)) == 0);
    }
    if (present) {
      // Another thread parsed the same key meanwhile.
      Release(&fresh);
    } else if (entries_.size() < capacity_) {
      entries_.push_back(fresh);
    } else {
      Entry* oldest = &entries_[0];
      for (Entry& entry : entries_) {
        if (entry.last_used < oldest->last_used) oldest = &entry;
      }
      Release(oldest);
      *oldest = fresh;
    }
  }
  OPENSSL_cleanse(digest, sizeof(digest));
  *key = std::move(parsed);
  return PSA_SUCCESS;
}

void KeyCache::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (Entry& entry : entries_) Release(&entry);
  entries_.clear();
}

size_t KeyCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

uint64_t KeyCache::hits() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return hits_;
}

uint64_t KeyCache::misses() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return misses_;
}

psa_status_t AcquireKey(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                        Pkey* key) {
  return KeyCache::Global().Acquire(psa_get_key_type(attributes), psa_get_key_bits(attributes), key_buffer,
                                    key_buffer_size, key);
}

}  // namespace drivers::openssl
