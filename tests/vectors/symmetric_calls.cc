#include "tests/vectors/symmetric_calls.h"

#include <stdlib.h>

#include <algorithm>

namespace tests::vectors {
namespace {

constexpr size_t kGuardLength = 16;
constexpr uint8_t kGuardByte = 0xa5;

// A pointer to `length` bytes of `bytes` at `offset`, or nullptr for none
// (the API takes a null input for an empty one).
const uint8_t* At(const Bytes& bytes, size_t offset, size_t length) {
  return length == 0 ? nullptr : bytes.data() + offset;
}
const uint8_t* At(const Bytes& bytes) { return At(bytes, 0, bytes.size()); }

// An output buffer of exactly `size` bytes followed by guard bytes.
class OutputBuffer {
 public:
  explicit OutputBuffer(size_t size) : size_(size), bytes_(size + kGuardLength, kGuardByte) {}
  uint8_t* data() { return bytes_.data(); }
  size_t size() const { return size_; }

  // Appends the `length` bytes a call reported to *out; returns a breach of
  // the contract (length beyond the buffer, guard overwritten) or "".
  std::string Take(const std::string& call, size_t length, Bytes* out) const {
    std::string problem;
    if (length > size_) {
      problem = call + " reported " + std::to_string(length) + " output bytes in a buffer of " +
                std::to_string(size_);
      length = size_;
    }
    if (!std::all_of(bytes_.begin() + static_cast<std::ptrdiff_t>(size_), bytes_.end(),
                     [](uint8_t byte) { return byte == kGuardByte; })) {
      if (!problem.empty()) problem += "; ";
      problem += call + " wrote past its " + std::to_string(size_) + "-byte output buffer";
    }
    out->insert(out->end(), bytes_.begin(), bytes_.begin() + static_cast<std::ptrdiff_t>(length));
    return problem;
  }

 private:
  size_t size_;
  Bytes bytes_;
};

// The size a macro gives, or `fallback` when the macro says 0 (not a
// combination it knows); *note then says which macro, for a success that
// should not have been possible.
size_t SizeOr(size_t macro_size, size_t fallback, const char* macro, std::string* note) {
  if (macro_size != 0 || fallback == 0) return macro_size;
  *note = std::string(macro) + " is 0 for this key type and algorithm";
  return fallback;
}

void AddProblem(CallResult* result, const std::string& problem) {
  if (problem.empty()) return;
  if (!result->problem.empty()) result->problem += "; ";
  result->problem += problem;
}

// Ends a sequence of calls: the status of `call`.
void Record(CallResult* result, const char* call, psa_status_t status) {
  result->call = call;
  result->status = status;
}

}  // namespace

std::string StatusName(psa_status_t status) {
  switch (status) {
#define PSA_STATUS_NAME_CASE(name) \
  case name:                       \
    return #name;
    PSA_STATUS_NAME_CASE(PSA_SUCCESS)
    PSA_STATUS_NAME_CASE(PSA_ERROR_PROGRAMMER_ERROR)
    PSA_STATUS_NAME_CASE(PSA_ERROR_CONNECTION_REFUSED)
    PSA_STATUS_NAME_CASE(PSA_ERROR_CONNECTION_BUSY)
    PSA_STATUS_NAME_CASE(PSA_ERROR_GENERIC_ERROR)
    PSA_STATUS_NAME_CASE(PSA_ERROR_NOT_PERMITTED)
    PSA_STATUS_NAME_CASE(PSA_ERROR_NOT_SUPPORTED)
    PSA_STATUS_NAME_CASE(PSA_ERROR_INVALID_ARGUMENT)
    PSA_STATUS_NAME_CASE(PSA_ERROR_INVALID_HANDLE)
    PSA_STATUS_NAME_CASE(PSA_ERROR_BAD_STATE)
    PSA_STATUS_NAME_CASE(PSA_ERROR_BUFFER_TOO_SMALL)
    PSA_STATUS_NAME_CASE(PSA_ERROR_ALREADY_EXISTS)
    PSA_STATUS_NAME_CASE(PSA_ERROR_DOES_NOT_EXIST)
    PSA_STATUS_NAME_CASE(PSA_ERROR_INSUFFICIENT_MEMORY)
    PSA_STATUS_NAME_CASE(PSA_ERROR_INSUFFICIENT_STORAGE)
    PSA_STATUS_NAME_CASE(PSA_ERROR_INSUFFICIENT_DATA)
    PSA_STATUS_NAME_CASE(PSA_ERROR_SERVICE_FAILURE)
    PSA_STATUS_NAME_CASE(PSA_ERROR_COMMUNICATION_FAILURE)
    PSA_STATUS_NAME_CASE(PSA_ERROR_STORAGE_FAILURE)
    PSA_STATUS_NAME_CASE(PSA_ERROR_HARDWARE_FAILURE)
    PSA_STATUS_NAME_CASE(PSA_ERROR_INSUFFICIENT_ENTROPY)
    PSA_STATUS_NAME_CASE(PSA_ERROR_INVALID_SIGNATURE)
    PSA_STATUS_NAME_CASE(PSA_ERROR_INVALID_PADDING)
    PSA_STATUS_NAME_CASE(PSA_ERROR_CORRUPTION_DETECTED)
    PSA_STATUS_NAME_CASE(PSA_ERROR_DATA_CORRUPT)
    PSA_STATUS_NAME_CASE(PSA_ERROR_DATA_INVALID)
#undef PSA_STATUS_NAME_CASE
  }
  return "status " + std::to_string(status);
}

uint64_t ChunkSeed() {
  const char* text = getenv(kSeedVariable);
  if (text != nullptr && *text != '\0') {
    char* end = nullptr;
    const unsigned long long value = strtoull(text, &end, 10);
    if (end != nullptr && *end == '\0') return value;
  }
  std::random_device device;
  return (static_cast<uint64_t>(device()) << 32) ^ device();
}

std::vector<size_t> ChunkSplitter::Split(size_t total) {
  std::vector<size_t> chunks;
  if (total == 0) {
    // No update at all, or one or two updates of nothing.
    const size_t empties = random_() % 3;
    chunks.assign(empties, 0);
    return chunks;
  }
  size_t left = total;
  while (left > 0) {
    size_t size = 0;
    switch (random_() % 10) {
      case 0:
        size = 0;  // an update of nothing
        break;
      case 1:
      case 2:
      case 3:
        size = 1 + random_() % 15;  // less than a block
        break;
      case 4:
      case 5:
      case 6:
        size = 16 + random_() % 18;  // about a block
        break;
      default:
        size = 1 + random_() % left;  // anything
        break;
    }
    size = std::min(size, left);
    chunks.push_back(size);
    left -= size;
  }
  return chunks;
}

bool ChunkSplitter::Coin() { return (random_() & 1) != 0; }

psa_status_t ImportKey(psa_key_type_t type, psa_key_usage_t usage, psa_algorithm_t alg,
                       const Bytes& key, psa_key_id_t* id, psa_key_location_t location) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_lifetime(&attributes, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                        PSA_KEY_PERSISTENCE_VOLATILE, location));
  psa_set_key_type(&attributes, type);
  psa_set_key_usage_flags(&attributes, usage);
  psa_set_key_algorithm(&attributes, alg);
  *id = PSA_KEY_ID_NULL;
  return psa_import_key(&attributes, At(key), key.size(), id);
}

psa_status_t KeyCache::Get(psa_key_type_t type, psa_key_usage_t usage, psa_algorithm_t alg,
                           const Bytes& key, psa_key_id_t* id) {
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& entry = entries_[i];
    if (entry.type == type && entry.usage == usage && entry.alg == alg && entry.key == key) {
      *id = entry.id;
      std::rotate(entries_.begin() + static_cast<std::ptrdiff_t>(i),
                  entries_.begin() + static_cast<std::ptrdiff_t>(i) + 1, entries_.end());
      return PSA_SUCCESS;
    }
  }
  const psa_status_t status = ImportKey(type, usage, alg, key, id, location_);
  if (status != PSA_SUCCESS) return status;
  if (entries_.size() == kCapacity) {
    psa_destroy_key(entries_.front().id);
    entries_.erase(entries_.begin());
  }
  entries_.push_back(Entry{type, usage, alg, key, *id});
  return PSA_SUCCESS;
}

void KeyCache::Clear() {
  for (const Entry& entry : entries_) psa_destroy_key(entry.id);
  entries_.clear();
}

std::string CallResult::Describe() const {
  std::string text = call + ": " + StatusName(status);
  if (!problem.empty()) text += " (" + problem + ")";
  if (!shape.empty()) text += " [" + shape + "]";
  return text;
}

namespace {

std::string ChunksText(const std::vector<size_t>& chunks) {
  std::string text = "{";
  for (size_t i = 0; i < chunks.size(); ++i) text += (i == 0 ? "" : ", ") + std::to_string(chunks[i]);
  return text + "}";
}

std::string AeadShape(const AeadPlan& plan) {
  return std::string(plan.set_lengths ? "set_lengths, " : "") + "AD chunks " + ChunksText(plan.ad_chunks) +
         ", message chunks " + ChunksText(plan.data_chunks);
}

}  // namespace

// --- AEAD ---

AeadPlan RandomAeadPlan(ChunkSplitter* splitter, psa_algorithm_t alg, size_t ad_length,
                        size_t data_length) {
  AeadPlan plan;
  plan.set_lengths = PSA_ALG_AEAD_BASE_(alg) == PSA_ALG_AEAD_BASE_(PSA_ALG_CCM) || splitter->Coin();
  plan.ad_chunks = splitter->Split(ad_length);
  plan.data_chunks = splitter->Split(data_length);
  return plan;
}

CallResult AeadEncrypt(psa_key_id_t key, psa_key_type_t key_type, psa_algorithm_t alg,
                       const Bytes& nonce, const Bytes& ad, const Bytes& plaintext) {
  CallResult result;
  std::string note;
  OutputBuffer out(SizeOr(PSA_AEAD_ENCRYPT_OUTPUT_SIZE(key_type, alg, plaintext.size()),
                          PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(plaintext.size()),
                          "PSA_AEAD_ENCRYPT_OUTPUT_SIZE", &note));
  size_t length = 0;
  Record(&result, "psa_aead_encrypt",
         psa_aead_encrypt(key, alg, At(nonce), nonce.size(), At(ad), ad.size(), At(plaintext),
                          plaintext.size(), out.data(), out.size(), &length));
  AddProblem(&result, out.Take(result.call, result.status == PSA_SUCCESS ? length : 0, &result.output));
  if (result.status == PSA_SUCCESS) AddProblem(&result, note);
  return result;
}

CallResult AeadDecrypt(psa_key_id_t key, psa_key_type_t key_type, psa_algorithm_t alg,
                       const Bytes& nonce, const Bytes& ad, const Bytes& ciphertext_and_tag) {
  CallResult result;
  std::string note;
  OutputBuffer out(SizeOr(PSA_AEAD_DECRYPT_OUTPUT_SIZE(key_type, alg, ciphertext_and_tag.size()),
                          PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(ciphertext_and_tag.size()),
                          "PSA_AEAD_DECRYPT_OUTPUT_SIZE", &note));
  size_t length = 0;
  Record(&result, "psa_aead_decrypt",
         psa_aead_decrypt(key, alg, At(nonce), nonce.size(), At(ad), ad.size(),
                          At(ciphertext_and_tag), ciphertext_and_tag.size(), out.data(), out.size(),
                          &length));
  AddProblem(&result, out.Take(result.call, result.status == PSA_SUCCESS ? length : 0, &result.output));
  if (result.status == PSA_SUCCESS && !result.output.empty()) AddProblem(&result, note);
  return result;
}

namespace {

// The part of multi-part AEAD shared by both directions: lengths, nonce,
// additional data and message. Returns false (with *result set) on failure.
bool AeadFeed(psa_aead_operation_t* operation, psa_key_type_t key_type, psa_algorithm_t alg,
              const Bytes& nonce, const Bytes& ad, const Bytes& input, const AeadPlan& plan,
              CallResult* result) {
  psa_status_t status = PSA_SUCCESS;
  if (plan.set_lengths) {
    status = psa_aead_set_lengths(operation, ad.size(), input.size());
    if (status != PSA_SUCCESS) {
      Record(result, "psa_aead_set_lengths", status);
      return false;
    }
  }
  status = psa_aead_set_nonce(operation, At(nonce), nonce.size());
  if (status != PSA_SUCCESS) {
    Record(result, "psa_aead_set_nonce", status);
    return false;
  }
  size_t offset = 0;
  for (size_t chunk : plan.ad_chunks) {
    status = psa_aead_update_ad(operation, At(ad, offset, chunk), chunk);
    if (status != PSA_SUCCESS) {
      Record(result, "psa_aead_update_ad", status);
      return false;
    }
    offset += chunk;
  }
  offset = 0;
  for (size_t chunk : plan.data_chunks) {
    std::string note;
    OutputBuffer out(SizeOr(PSA_AEAD_UPDATE_OUTPUT_SIZE(key_type, alg, chunk),
                            PSA_AEAD_UPDATE_OUTPUT_MAX_SIZE(chunk), "PSA_AEAD_UPDATE_OUTPUT_SIZE",
                            &note));
    size_t length = 0;
    status = psa_aead_update(operation, At(input, offset, chunk), chunk, out.data(), out.size(),
                             &length);
    AddProblem(result, out.Take("psa_aead_update", status == PSA_SUCCESS ? length : 0,
                                &result->output));
    if (status != PSA_SUCCESS) {
      Record(result, "psa_aead_update", status);
      return false;
    }
    if (length > 0) AddProblem(result, note);
    offset += chunk;
  }
  return true;
}

}  // namespace

CallResult AeadEncryptMultipart(psa_key_id_t key, psa_key_type_t key_type, size_t key_bits,
                                psa_algorithm_t alg, const Bytes& nonce, const Bytes& ad,
                                const Bytes& plaintext, const AeadPlan& plan) {
  CallResult result;
  result.shape = AeadShape(plan);
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  psa_status_t status = psa_aead_encrypt_setup(&operation, key, alg);
  if (status != PSA_SUCCESS) {
    Record(&result, "psa_aead_encrypt_setup", status);
    psa_aead_abort(&operation);
    return result;
  }
  if (!AeadFeed(&operation, key_type, alg, nonce, ad, plaintext, plan, &result)) {
    psa_aead_abort(&operation);
    return result;
  }
  std::string note;
  OutputBuffer out(PSA_AEAD_FINISH_OUTPUT_SIZE(key_type, alg));
  OutputBuffer tag(SizeOr(PSA_AEAD_TAG_LENGTH(key_type, key_bits, alg), PSA_AEAD_TAG_MAX_SIZE,
                          "PSA_AEAD_TAG_LENGTH", &note));
  size_t length = 0;
  size_t tag_length = 0;
  status = psa_aead_finish(&operation, out.data(), out.size(), &length, tag.data(), tag.size(),
                           &tag_length);
  Record(&result, "psa_aead_finish", status);
  AddProblem(&result, out.Take(result.call, status == PSA_SUCCESS ? length : 0, &result.output));
  AddProblem(&result, tag.Take("psa_aead_finish (tag)", status == PSA_SUCCESS ? tag_length : 0,
                               &result.tag));
  if (status == PSA_SUCCESS) AddProblem(&result, note);
  psa_aead_abort(&operation);
  return result;
}

CallResult AeadDecryptMultipart(psa_key_id_t key, psa_key_type_t key_type, psa_algorithm_t alg,
                                const Bytes& nonce, const Bytes& ad, const Bytes& ciphertext,
                                const Bytes& tag, const AeadPlan& plan) {
  CallResult result;
  result.shape = AeadShape(plan);
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  psa_status_t status = psa_aead_decrypt_setup(&operation, key, alg);
  if (status != PSA_SUCCESS) {
    Record(&result, "psa_aead_decrypt_setup", status);
    psa_aead_abort(&operation);
    return result;
  }
  if (!AeadFeed(&operation, key_type, alg, nonce, ad, ciphertext, plan, &result)) {
    psa_aead_abort(&operation);
    return result;
  }
  OutputBuffer out(PSA_AEAD_VERIFY_OUTPUT_SIZE(key_type, alg));
  size_t length = 0;
  status = psa_aead_verify(&operation, out.data(), out.size(), &length, At(tag), tag.size());
  Record(&result, "psa_aead_verify", status);
  AddProblem(&result, out.Take(result.call, status == PSA_SUCCESS ? length : 0, &result.output));
  psa_aead_abort(&operation);
  return result;
}

// --- Unauthenticated ciphers ---

CallResult CipherEncrypt(psa_key_id_t key, psa_key_type_t key_type, psa_algorithm_t alg,
                         const Bytes& plaintext) {
  CallResult result;
  std::string note;
  OutputBuffer out(SizeOr(PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(key_type, alg, plaintext.size()),
                          PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(plaintext.size()),
                          "PSA_CIPHER_ENCRYPT_OUTPUT_SIZE", &note));
  size_t length = 0;
  Record(&result, "psa_cipher_encrypt",
         psa_cipher_encrypt(key, alg, At(plaintext), plaintext.size(), out.data(), out.size(),
                            &length));
  AddProblem(&result, out.Take(result.call, result.status == PSA_SUCCESS ? length : 0, &result.output));
  if (result.status == PSA_SUCCESS) AddProblem(&result, note);
  return result;
}

CallResult CipherDecrypt(psa_key_id_t key, psa_key_type_t key_type, psa_algorithm_t alg,
                         const Bytes& iv_and_ciphertext) {
  CallResult result;
  std::string note;
  OutputBuffer out(SizeOr(PSA_CIPHER_DECRYPT_OUTPUT_SIZE(key_type, alg, iv_and_ciphertext.size()),
                          PSA_CIPHER_DECRYPT_OUTPUT_MAX_SIZE(iv_and_ciphertext.size()),
                          "PSA_CIPHER_DECRYPT_OUTPUT_SIZE", &note));
  size_t length = 0;
  Record(&result, "psa_cipher_decrypt",
         psa_cipher_decrypt(key, alg, At(iv_and_ciphertext), iv_and_ciphertext.size(), out.data(),
                            out.size(), &length));
  AddProblem(&result, out.Take(result.call, result.status == PSA_SUCCESS ? length : 0, &result.output));
  if (result.status == PSA_SUCCESS && !result.output.empty()) AddProblem(&result, note);
  return result;
}

CallResult CipherMultipart(bool encrypt, psa_key_id_t key, psa_key_type_t key_type,
                           psa_algorithm_t alg, const Bytes& iv, const Bytes& input,
                           const std::vector<size_t>& chunks) {
  CallResult result;
  result.shape = (iv.empty() ? std::string("no IV, ") : std::to_string(iv.size()) + "-byte IV, ") + "chunks " +
                 ChunksText(chunks);
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  const char* setup = encrypt ? "psa_cipher_encrypt_setup" : "psa_cipher_decrypt_setup";
  psa_status_t status = encrypt ? psa_cipher_encrypt_setup(&operation, key, alg)
                                : psa_cipher_decrypt_setup(&operation, key, alg);
  if (status != PSA_SUCCESS) {
    Record(&result, setup, status);
    psa_cipher_abort(&operation);
    return result;
  }
  if (!iv.empty()) {
    status = psa_cipher_set_iv(&operation, iv.data(), iv.size());
    if (status != PSA_SUCCESS) {
      Record(&result, "psa_cipher_set_iv", status);
      psa_cipher_abort(&operation);
      return result;
    }
  }
  size_t offset = 0;
  for (size_t chunk : chunks) {
    std::string note;
    OutputBuffer out(SizeOr(PSA_CIPHER_UPDATE_OUTPUT_SIZE(key_type, alg, chunk),
                            PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(chunk), "PSA_CIPHER_UPDATE_OUTPUT_SIZE",
                            &note));
    size_t length = 0;
    status = psa_cipher_update(&operation, At(input, offset, chunk), chunk, out.data(), out.size(),
                               &length);
    AddProblem(&result, out.Take("psa_cipher_update", status == PSA_SUCCESS ? length : 0,
                                 &result.output));
    if (status != PSA_SUCCESS) {
      Record(&result, "psa_cipher_update", status);
      psa_cipher_abort(&operation);
      return result;
    }
    if (length > 0) AddProblem(&result, note);
    offset += chunk;
  }
  OutputBuffer out(PSA_CIPHER_FINISH_OUTPUT_SIZE(key_type, alg));
  size_t length = 0;
  status = psa_cipher_finish(&operation, out.data(), out.size(), &length);
  Record(&result, "psa_cipher_finish", status);
  AddProblem(&result, out.Take(result.call, status == PSA_SUCCESS ? length : 0, &result.output));
  psa_cipher_abort(&operation);
  return result;
}

// --- MAC ---

CallResult MacCompute(psa_key_id_t key, psa_key_type_t key_type, size_t key_bits,
                      psa_algorithm_t alg, const Bytes& message) {
  CallResult result;
  std::string note;
  OutputBuffer out(SizeOr(PSA_MAC_LENGTH(key_type, key_bits, alg), PSA_MAC_MAX_SIZE,
                          "PSA_MAC_LENGTH", &note));
  size_t length = 0;
  Record(&result, "psa_mac_compute",
         psa_mac_compute(key, alg, At(message), message.size(), out.data(), out.size(), &length));
  AddProblem(&result, out.Take(result.call, result.status == PSA_SUCCESS ? length : 0, &result.output));
  if (result.status == PSA_SUCCESS) AddProblem(&result, note);
  return result;
}

CallResult MacVerify(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message,
                     const Bytes& mac) {
  CallResult result;
  Record(&result, "psa_mac_verify",
         psa_mac_verify(key, alg, At(message), message.size(), At(mac), mac.size()));
  return result;
}

namespace {

// Setup and updates of a multi-part MAC; false (with *result set) on failure.
bool MacFeed(psa_mac_operation_t* operation, bool sign, psa_key_id_t key, psa_algorithm_t alg,
             const Bytes& message, const std::vector<size_t>& chunks, CallResult* result) {
  psa_status_t status = sign ? psa_mac_sign_setup(operation, key, alg)
                             : psa_mac_verify_setup(operation, key, alg);
  if (status != PSA_SUCCESS) {
    Record(result, sign ? "psa_mac_sign_setup" : "psa_mac_verify_setup", status);
    return false;
  }
  size_t offset = 0;
  for (size_t chunk : chunks) {
    status = psa_mac_update(operation, At(message, offset, chunk), chunk);
    if (status != PSA_SUCCESS) {
      Record(result, "psa_mac_update", status);
      return false;
    }
    offset += chunk;
  }
  return true;
}

}  // namespace

CallResult MacSignMultipart(psa_key_id_t key, psa_key_type_t key_type, size_t key_bits,
                            psa_algorithm_t alg, const Bytes& message,
                            const std::vector<size_t>& chunks) {
  CallResult result;
  result.shape = "chunks " + ChunksText(chunks);
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  if (!MacFeed(&operation, /*sign=*/true, key, alg, message, chunks, &result)) {
    psa_mac_abort(&operation);
    return result;
  }
  std::string note;
  OutputBuffer out(SizeOr(PSA_MAC_LENGTH(key_type, key_bits, alg), PSA_MAC_MAX_SIZE,
                          "PSA_MAC_LENGTH", &note));
  size_t length = 0;
  Record(&result, "psa_mac_sign_finish",
         psa_mac_sign_finish(&operation, out.data(), out.size(), &length));
  AddProblem(&result, out.Take(result.call, result.status == PSA_SUCCESS ? length : 0, &result.output));
  if (result.status == PSA_SUCCESS) AddProblem(&result, note);
  psa_mac_abort(&operation);
  return result;
}

CallResult MacVerifyMultipart(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message,
                              const Bytes& mac, const std::vector<size_t>& chunks) {
  CallResult result;
  result.shape = "chunks " + ChunksText(chunks);
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  if (!MacFeed(&operation, /*sign=*/false, key, alg, message, chunks, &result)) {
    psa_mac_abort(&operation);
    return result;
  }
  Record(&result, "psa_mac_verify_finish",
         psa_mac_verify_finish(&operation, At(mac), mac.size()));
  psa_mac_abort(&operation);
  return result;
}

}  // namespace tests::vectors
