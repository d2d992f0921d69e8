// FIPS 180-4 message padding (5.1.1) and initial hash values (5.3.1-5.3.3)
// around the SHA-NI compression functions.

#include "drivers/sha_x86/digest.h"

#include <string.h>

#include <cstring>

#include "drivers/sha_x86/sha_ni_blocks.h"

namespace drivers::sha_x86 {
namespace {

constexpr uint32_t kSha1Initial[5] = {0x67452301, 0xefcdab89, 0x98badcfe,
                                      0x10325476, 0xc3d2e1f0};
constexpr uint32_t kSha224Initial[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17,
                                        0xf70e5939, 0xffc00b31, 0x68581511,
                                        0x64f98fa7, 0xbefa4fa4};
constexpr uint32_t kSha256Initial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372,
                                        0xa54ff53a, 0x510e527f, 0x9b05688c,
                                        0x1f83d9ab, 0x5be0cd19};

// The message length field of the padding: 64 bits.
constexpr size_t kLengthFieldLength = 8;

// Absorbs whole blocks with the compression function of the state's kind.
inline void Blocks(sha_x86_digest_state_t* state, const uint8_t* data,
                   size_t blocks) {
  if (static_cast<DigestKind>(state->kind) == DigestKind::kSha1) {
    Sha1BlocksShaNi(state->h, data, blocks);
  } else {
    Sha256BlocksShaNi(state->h, data, blocks);
  }
}

void StoreBigEndian32(uint32_t value, uint8_t* out) {
  out[0] = static_cast<uint8_t>(value >> 24);
  out[1] = static_cast<uint8_t>(value >> 16);
  out[2] = static_cast<uint8_t>(value >> 8);
  out[3] = static_cast<uint8_t>(value);
}

}  // namespace

DigestKind DigestKindOf(psa_algorithm_t alg) {
  switch (alg) {
    case PSA_ALG_SHA_1:
      return DigestKind::kSha1;
    case PSA_ALG_SHA_224:
      return DigestKind::kSha224;
    case PSA_ALG_SHA_256:
      return DigestKind::kSha256;
    default:
      return DigestKind::kNotStarted;
  }
}

size_t DigestLength(DigestKind kind) {
  switch (kind) {
    case DigestKind::kSha1:
      return 20;
    case DigestKind::kSha224:
      return 28;
    case DigestKind::kSha256:
      return 32;
    case DigestKind::kNotStarted:
      break;
  }
  return 0;
}

static_assert(PSA_HASH_LENGTH(PSA_ALG_SHA_1) == 20 &&
                  PSA_HASH_LENGTH(PSA_ALG_SHA_224) == 28 &&
                  PSA_HASH_LENGTH(PSA_ALG_SHA_256) == 32,
              "digest lengths disagree with crypto_sizes.h");
static_assert(PSA_HASH_BLOCK_LENGTH(PSA_ALG_SHA_1) == kBlockLength &&
                  PSA_HASH_BLOCK_LENGTH(PSA_ALG_SHA_256) == kBlockLength,
              "block length disagrees with crypto_sizes.h");

void DigestStart(sha_x86_digest_state_t* state, DigestKind kind) {
  switch (kind) {
    case DigestKind::kSha1:
      std::memcpy(state->h, kSha1Initial, sizeof(kSha1Initial));
      state->h[5] = state->h[6] = state->h[7] = 0;
      break;
    case DigestKind::kSha224:
      std::memcpy(state->h, kSha224Initial, sizeof(kSha224Initial));
      break;
    case DigestKind::kSha256:
    case DigestKind::kNotStarted:  // callers never pass it; be SHA-256
      kind = DigestKind::kSha256;
      std::memcpy(state->h, kSha256Initial, sizeof(kSha256Initial));
      break;
  }
  state->length = 0;
  state->block_used = 0;
  state->kind = static_cast<uint8_t>(kind);
}

void DigestUpdate(sha_x86_digest_state_t* state, const uint8_t* input,
                  size_t length) {
  if (length == 0) return;
  state->length += length;
  size_t used = state->block_used;
  if (used != 0) {
    const size_t room = kBlockLength - used;
    if (length < room) {
      std::memcpy(state->block + used, input, length);
      state->block_used = static_cast<uint8_t>(used + length);
      return;
    }
    std::memcpy(state->block + used, input, room);
    Blocks(state, state->block, 1);
    input += room;
    length -= room;
    used = 0;
  }
  // Whole blocks straight from the input, the rest into the partial block.
  const size_t blocks = length / kBlockLength;
  if (blocks != 0) Blocks(state, input, blocks);
  const size_t tail = length % kBlockLength;
  if (tail != 0) std::memcpy(state->block, input + blocks * kBlockLength, tail);
  state->block_used = static_cast<uint8_t>(tail);
}

void DigestFinish(sha_x86_digest_state_t* state, uint8_t* digest) {
  const DigestKind kind = static_cast<DigestKind>(state->kind);
  const uint64_t bit_length = state->length * 8;
  size_t used = state->block_used;
  state->block[used++] = 0x80;
  if (used > kBlockLength - kLengthFieldLength) {
    std::memset(state->block + used, 0, kBlockLength - used);
    Blocks(state, state->block, 1);
    used = 0;
  }
  std::memset(state->block + used, 0, kBlockLength - kLengthFieldLength - used);
  StoreBigEndian32(static_cast<uint32_t>(bit_length >> 32),
                   state->block + kBlockLength - 8);
  StoreBigEndian32(static_cast<uint32_t>(bit_length),
                   state->block + kBlockLength - 4);
  Blocks(state, state->block, 1);
  state->block_used = 0;

  const size_t words = DigestLength(kind) / 4;
  for (size_t i = 0; i < words; ++i) StoreBigEndian32(state->h[i], digest + 4 * i);
}

void DigestOneShot(DigestKind kind, const uint8_t* input, size_t length,
                   uint8_t* digest) {
  sha_x86_digest_state_t state;
  DigestStart(&state, kind);
  DigestUpdate(&state, input, length);
  DigestFinish(&state, digest);
  Wipe(&state, sizeof(state));
}

void Wipe(void* buffer, size_t size) {
  if (size != 0) explicit_bzero(buffer, size);
}

}  // namespace drivers::sha_x86
