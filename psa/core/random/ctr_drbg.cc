#include "psa/core/random/ctr_drbg.h"

#include <string.h>

#include <algorithm>
#include <memory>
#include <new>

#include "psa/core/wipe.h"

namespace psa::core {
namespace {

constexpr size_t kBlock = CtrDrbg::kBlockLength;

// Counter blocks encrypted per AES call in Generate: a bounded stack buffer,
// and few dispatched calls per request (a 4 KiB request takes 3).
constexpr size_t kChunkBlocks = 128;
// The blocks that follow the output in Generate's last call: the partial
// last block of output (at most 1) and CTR_DRBG_Update's seedlen.
constexpr size_t kExtraBlocks = 1 + CtrDrbg::kSeedLength / kBlock;

void StoreBigEndian32(uint8_t* out, uint32_t value) {
  out[0] = static_cast<uint8_t>(value >> 24);
  out[1] = static_cast<uint8_t>(value >> 16);
  out[2] = static_cast<uint8_t>(value >> 8);
  out[3] = static_cast<uint8_t>(value);
}

void StoreBigEndian64(uint8_t* out, uint64_t value) {
  StoreBigEndian32(out, static_cast<uint32_t>(value >> 32));
  StoreBigEndian32(out + 4, static_cast<uint32_t>(value));
}

uint64_t LoadBigEndian64(const uint8_t* in) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | in[i];
  return value;
}

size_t TotalLength(std::initializer_list<absl::Span<const uint8_t>> inputs) {
  size_t total = 0;
  for (absl::Span<const uint8_t> input : inputs) {
    if (input.size() > CtrDrbg::kMaxInputLength - total) return CtrDrbg::kMaxInputLength + 1;
    total += input.size();
  }
  return total;
}

// BCC (10.3.3): CBC-MAC of `blocks` whole blocks under `key`, into `out`.
psa_status_t Bcc(Aes256Function aes, const uint8_t* key, const uint8_t* data, size_t blocks, uint8_t* out) {
  uint8_t chaining[kBlock] = {0};
  uint8_t input[kBlock];
  psa_status_t status = PSA_SUCCESS;
  for (size_t i = 0; i < blocks && status == PSA_SUCCESS; ++i) {
    for (size_t j = 0; j < kBlock; ++j) input[j] = chaining[j] ^ data[i * kBlock + j];
    status = aes(key, input, chaining, 1);
  }
  if (status == PSA_SUCCESS) memcpy(out, chaining, kBlock);
  SecureWipeObject(chaining);
  SecureWipeObject(input);
  return status;
}

}  // namespace

psa_status_t BlockCipherDf(Aes256Function aes, std::initializer_list<absl::Span<const uint8_t>> inputs,
                           uint8_t* output, size_t output_length) {
  constexpr size_t kMaxOutput = 64;  // max_number_of_bits (512)
  const size_t input_length = TotalLength(inputs);
  if (output_length == 0 || output_length > kMaxOutput || input_length > CtrDrbg::kMaxInputLength) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  // IV || S, S = L || N || input_string || 0x80, zero-padded to whole blocks.
  const size_t s_length = 8 + input_length + 1;
  const size_t blocks = 1 + (s_length + kBlock - 1) / kBlock;
  const size_t buffer_length = blocks * kBlock;
  std::unique_ptr<uint8_t[]> buffer(new (std::nothrow) uint8_t[buffer_length]());
  if (buffer == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
  uint8_t* s = buffer.get() + kBlock;
  StoreBigEndian32(s, static_cast<uint32_t>(input_length));
  StoreBigEndian32(s + 4, static_cast<uint32_t>(output_length));
  size_t at = 8;
  for (absl::Span<const uint8_t> input : inputs) {
    if (!input.empty()) memcpy(s + at, input.data(), input.size());
    at += input.size();
  }
  s[at] = 0x80;

  // Steps 8-12: temp = BCC(K, IV_0 || S) || BCC(K, IV_1 || S) || ..., with
  // K = 00 01 02 ... 1F, until keylen + outlen bytes.
  uint8_t key[CtrDrbg::kKeyLength];
  for (size_t i = 0; i < sizeof(key); ++i) key[i] = static_cast<uint8_t>(i);
  uint8_t temp[CtrDrbg::kSeedLength];
  psa_status_t status = PSA_SUCCESS;
  for (uint32_t i = 0; i * kBlock < sizeof(temp) && status == PSA_SUCCESS; ++i) {
    StoreBigEndian32(buffer.get(), i);  // IV = i || 0^(outlen - 32)
    status = Bcc(aes, key, buffer.get(), blocks, temp + i * kBlock);
  }
  // Steps 13-15: K = leftmost keylen of temp, X = the next block; then
  // X = E(K, X) repeatedly gives the output.
  uint8_t x[kBlock * 4];
  if (status == PSA_SUCCESS) {
    memcpy(key, temp, sizeof(key));
    const uint8_t* previous = temp + sizeof(key);
    const size_t out_blocks = (output_length + kBlock - 1) / kBlock;
    for (size_t i = 0; i < out_blocks && status == PSA_SUCCESS; ++i) {
      status = aes(key, previous, x + i * kBlock, 1);
      previous = x + i * kBlock;
    }
  }
  if (status == PSA_SUCCESS) {
    memcpy(output, x, output_length);
  } else {
    SecureWipe(output, output_length);
  }
  SecureWipe(buffer.get(), buffer_length);
  SecureWipeObject(key);
  SecureWipeObject(temp);
  SecureWipeObject(x);
  return status;
}

CtrDrbg::CtrDrbg(uint64_t reseed_interval, Aes256Function aes)
    : aes_(aes), reseed_interval_(std::clamp<uint64_t>(reseed_interval, 1, kMaxReseedInterval)) {}

void CtrDrbg::Uninstantiate() {
  SecureWipeObject(key_);
  SecureWipeObject(value_high_);
  SecureWipeObject(value_low_);
  reseed_counter_ = 0;
  instantiated_ = false;
}

void CtrDrbg::CounterBlocks(uint8_t* blocks, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    // V = (V + 1) mod 2^128
    if (++value_low_ == 0) ++value_high_;
    StoreBigEndian64(blocks + i * kBlock, value_high_);
    StoreBigEndian64(blocks + i * kBlock + 8, value_low_);
  }
}

psa_status_t CtrDrbg::Update(const uint8_t* provided_data) {
  constexpr size_t kBlocks = kSeedLength / kBlock;
  uint8_t counters[kSeedLength];
  uint8_t temp[kSeedLength];
  CounterBlocks(counters, kBlocks);
  psa_status_t status = aes_(key_, counters, temp, kBlocks);
  if (status == PSA_SUCCESS) {
    if (provided_data != nullptr) {
      for (size_t i = 0; i < kSeedLength; ++i) temp[i] ^= provided_data[i];
    }
    memcpy(key_, temp, kKeyLength);
    value_high_ = LoadBigEndian64(temp + kKeyLength);
    value_low_ = LoadBigEndian64(temp + kKeyLength + 8);
  } else {
    Uninstantiate();
  }
  SecureWipeObject(counters);
  SecureWipeObject(temp);
  return status;
}

psa_status_t CtrDrbg::Seed(std::initializer_list<Bytes> inputs) {
  uint8_t seed_material[kSeedLength];
  psa_status_t status = BlockCipherDf(aes_, inputs, seed_material, sizeof(seed_material));
  if (status == PSA_SUCCESS) status = Update(seed_material);
  SecureWipeObject(seed_material);
  if (status != PSA_SUCCESS) {
    Uninstantiate();
    return status;
  }
  reseed_counter_ = 1;
  instantiated_ = true;
  return PSA_SUCCESS;
}

psa_status_t CtrDrbg::Instantiate(Bytes entropy_input, Bytes nonce, Bytes personalization) {
  Uninstantiate();
  if (entropy_input.size() < kSecurityStrengthBytes || nonce.size() < kMinNonceLength ||
      TotalLength({entropy_input, nonce, personalization}) > kMaxInputLength) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  // Key = 0^keylen, V = 0^outlen, then Update(df(seed material)).
  return Seed({entropy_input, nonce, personalization});
}

psa_status_t CtrDrbg::Reseed(Bytes entropy_input, Bytes additional_input) {
  if (!instantiated_) return PSA_ERROR_BAD_STATE;
  if (entropy_input.size() < kSecurityStrengthBytes ||
      TotalLength({entropy_input, additional_input}) > kMaxInputLength) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return Seed({entropy_input, additional_input});
}

psa_status_t CtrDrbg::Generate(uint8_t* output, size_t output_length, Bytes additional_input) {
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (!instantiated_) {
    SecureWipe(output, output_length);
    return status;
  }
  if (output_length > kMaxRequestLength || additional_input.size() > kMaxInputLength) {
    SecureWipe(output, output_length);
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (reseed_required()) {
    SecureWipe(output, output_length);
    return PSA_ERROR_INSUFFICIENT_ENTROPY;
  }
  // Step 2: a non-empty additional input is derived to seedlen and mixed in
  // before and after the output; an empty one counts as 0^seedlen.
  uint8_t additional[kSeedLength];
  const uint8_t* provided = nullptr;
  status = PSA_SUCCESS;
  if (!additional_input.empty()) {
    status = BlockCipherDf(aes_, {additional_input}, additional, sizeof(additional));
    if (status == PSA_SUCCESS) status = Update(additional);
    provided = additional;
  }

  // Steps 3-6: the output blocks E(K, V+1) ... and then Update's blocks, in
  // chunks; the last chunk holds the end of the output and Update's blocks.
  const size_t whole_blocks = output_length / kBlock;
  const size_t tail_length = output_length % kBlock;
  uint8_t counters[(kChunkBlocks + kExtraBlocks) * kBlock];
  uint8_t last[(kChunkBlocks + kExtraBlocks) * kBlock];
  size_t done = 0;  // whole blocks written to output
  while (status == PSA_SUCCESS) {
    const size_t remaining = whole_blocks - done;
    if (remaining > kChunkBlocks) {
      CounterBlocks(counters, kChunkBlocks);
      status = aes_(key_, counters, output + done * kBlock, kChunkBlocks);
      done += kChunkBlocks;
      continue;
    }
    const size_t tail_blocks = tail_length != 0 ? 1 : 0;
    const size_t count = remaining + tail_blocks + kSeedLength / kBlock;
    CounterBlocks(counters, count);
    status = aes_(key_, counters, last, count);
    if (status != PSA_SUCCESS) break;
    memcpy(output + done * kBlock, last, remaining * kBlock + tail_length);
    // CTR_DRBG_Update(additional_input, Key, V) on the blocks that follow.
    uint8_t* update = last + (remaining + tail_blocks) * kBlock;
    if (provided != nullptr) {
      for (size_t i = 0; i < kSeedLength; ++i) update[i] ^= provided[i];
    }
    memcpy(key_, update, kKeyLength);
    value_high_ = LoadBigEndian64(update + kKeyLength);
    value_low_ = LoadBigEndian64(update + kKeyLength + 8);
    ++reseed_counter_;
    break;
  }
  SecureWipeObject(counters);
  SecureWipeObject(last);
  SecureWipeObject(additional);
  if (status != PSA_SUCCESS) {
    SecureWipe(output, output_length);
    Uninstantiate();
  }
  return status;
}

}  // namespace psa::core
