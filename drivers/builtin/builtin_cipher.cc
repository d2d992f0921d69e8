// The builtin driver's unauthenticated-cipher entry points (see
// builtin_cipher.h). Setup resolves the key type and algorithm into a
// primitive (AES, ARIA, Camellia, DES, 3DES, ChaCha20) and a mode, and keys
// the context held inside the operation (no heap). ECB and CBC go through
// Mbed TLS's block functions with this file buffering partial blocks; CTR
// (CCM* is CTR on the CCM counter block), CFB, OFB and ChaCha20 are Mbed
// TLS's, except Camellia-OFB and every ARIA mode (the driver's own ARIA,
// drivers/builtin/aria.h), which this file implements over the block
// function. The single-part entry points run the same steps on an
// operation on the stack.

#include "drivers/builtin/builtin_cipher.h"

#include <cstring>
#include <limits>

#include "drivers/builtin/aria.h"
#include "drivers/builtin/mbedtls_status.h"
#include "mbedtls/error.h"
#include "mbedtls/platform_util.h"

namespace drivers::builtin {
namespace {

// The core keeps driver cipher contexts in fixed storage of the public
// psa_cipher_operation_t; the driver interface bounds them.
static_assert(sizeof(builtin_cipher_operation_t) <= 512,
              "builtin_cipher_operation_t exceeds the 512 bytes reserved for "
              "a driver cipher context");
static_assert(alignof(builtin_cipher_operation_t) <= 16,
              "builtin_cipher_operation_t needs more than 16-byte alignment");

// Largest block of the supported block ciphers (AES, ARIA, Camellia).
constexpr size_t kMaxBlockLength = 16;
static_assert(kMaxBlockLength == PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE,
              "the operation's buffers must hold the largest block");

// Values of builtin_cipher_operation_t::cipher; 0 is left for "none".
enum Cipher : uint8_t {
  kCipherNone = 0,
  kCipherAes = 1,
  kCipherCamellia = 2,
  kCipherDes = 3,   // single DES, 64-bit keys
  kCipherDes3 = 4,  // two- and three-key 3DES, 128- and 192-bit keys
  kCipherChaCha20 = 5,
  kCipherAria = 6,  // drivers/builtin/aria.h, not Mbed TLS
};

enum class Mode {
  kEcb,
  kCbc,
  kCbcPkcs7,
  kCtr,
  kCfb,
  kOfb,
  kCcmStar,
  kStream,  // ChaCha20
};

// Returns the mode of a supported algorithm. Only called with the alg of an
// active operation, which setup checked.
Mode ModeOf(psa_algorithm_t alg) {
  switch (alg) {
    case PSA_ALG_ECB_NO_PADDING:
      return Mode::kEcb;
    case PSA_ALG_CBC_NO_PADDING:
      return Mode::kCbc;
    case PSA_ALG_CBC_PKCS7:
      return Mode::kCbcPkcs7;
    case PSA_ALG_CTR:
      return Mode::kCtr;
    case PSA_ALG_CFB:
      return Mode::kCfb;
    case PSA_ALG_OFB:
      return Mode::kOfb;
    case PSA_ALG_CCM_STAR_NO_TAG:
      return Mode::kCcmStar;
    default:  // PSA_ALG_STREAM_CIPHER
      return Mode::kStream;
  }
}

// ECB and CBC: whole blocks only, partial input held back.
bool IsBlockBuffered(Mode mode) {
  return mode == Mode::kEcb || mode == Mode::kCbc || mode == Mode::kCbcPkcs7;
}

// Modes whose Mbed TLS key schedule is the decryption one when decrypting;
// every other mode only ever runs the cipher forwards.
bool UsesInverseCipher(Mode mode) { return IsBlockBuffered(mode); }

// Mbed TLS error codes of the primitives used here -> PSA statuses; codes
// of no primitive go to the shared translation.
psa_status_t StatusFromMbedtls(int ret) {
  switch (ret) {
    case MBEDTLS_ERR_AES_INVALID_KEY_LENGTH:
    case MBEDTLS_ERR_AES_BAD_INPUT_DATA:
    case MBEDTLS_ERR_AES_INVALID_INPUT_LENGTH:
    case MBEDTLS_ERR_CAMELLIA_BAD_INPUT_DATA:
    case MBEDTLS_ERR_CAMELLIA_INVALID_INPUT_LENGTH:
    case MBEDTLS_ERR_DES_INVALID_INPUT_LENGTH:
    case MBEDTLS_ERR_CHACHA20_BAD_INPUT_DATA:
      return PSA_ERROR_INVALID_ARGUMENT;
    case MBEDTLS_ERR_AES_FEATURE_UNAVAILABLE:
    case MBEDTLS_ERR_CHACHA20_FEATURE_UNAVAILABLE:
      return PSA_ERROR_NOT_SUPPORTED;
    case MBEDTLS_ERR_AES_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_CAMELLIA_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_DES_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_CHACHA20_HW_ACCEL_FAILED:
      return PSA_ERROR_HARDWARE_FAILURE;
    default:
      return PsaStatusFromMbedtls(ret);
  }
}

// Returns the operation to its inactive, all-bits-zero state. The Mbed TLS
// contexts own no memory, so zeroing is all their *_free would do.
void Wipe(builtin_cipher_operation_t* operation) {
  mbedtls_platform_zeroize(operation, sizeof(*operation));
}

// ---- Setup ------------------------------------------------------------------

// Resolves `key_type` (with a key of `key_size` bytes and `key_bits` bits as
// the attributes say, 0 if unset) and `alg` into a primitive and a mode.
// Returns PSA_SUCCESS, PSA_ERROR_INVALID_ARGUMENT (incompatible pair or bad
// key size) or PSA_ERROR_NOT_SUPPORTED (compatible, not implemented here).
psa_status_t Resolve(psa_key_type_t key_type, size_t key_size, size_t key_bits,
                     psa_algorithm_t alg, Cipher* cipher, Mode* mode) {
  if (!PSA_ALG_IS_CIPHER(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t block_length = PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type);
  if (block_length == 0) return PSA_ERROR_INVALID_ARGUMENT;  // no cipher key
  const bool is_block_cipher = block_length > 1;

  // Compatibility of the algorithm with the kind of key.
  switch (alg) {
    case PSA_ALG_STREAM_CIPHER:
      if (is_block_cipher) return PSA_ERROR_INVALID_ARGUMENT;
      break;
    case PSA_ALG_CCM_STAR_NO_TAG:
      if (block_length != 16) return PSA_ERROR_INVALID_ARGUMENT;
      break;
    case PSA_ALG_ECB_NO_PADDING:
    case PSA_ALG_CBC_NO_PADDING:
    case PSA_ALG_CBC_PKCS7:
    case PSA_ALG_CTR:
    case PSA_ALG_CFB:
    case PSA_ALG_OFB:
      if (!is_block_cipher) return PSA_ERROR_INVALID_ARGUMENT;
      break;
    case PSA_ALG_XTS:  // not implemented
      return is_block_cipher ? PSA_ERROR_NOT_SUPPORTED
                             : PSA_ERROR_INVALID_ARGUMENT;
    default:  // a cipher algorithm this driver does not know
      return PSA_ERROR_NOT_SUPPORTED;
  }
  *mode = ModeOf(alg);

  bool valid_size = false;
  switch (key_type) {
    case PSA_KEY_TYPE_AES:
    case PSA_KEY_TYPE_ARIA:
    case PSA_KEY_TYPE_CAMELLIA:
      *cipher = key_type == PSA_KEY_TYPE_AES    ? kCipherAes
                : key_type == PSA_KEY_TYPE_ARIA ? kCipherAria
                                                : kCipherCamellia;
      valid_size = key_size == 16 || key_size == 24 || key_size == 32;
      break;
    case PSA_KEY_TYPE_DES:
      // Mbed TLS has DES and 3DES in ECB and CBC only.
      if (!IsBlockBuffered(*mode)) return PSA_ERROR_NOT_SUPPORTED;
      *cipher = key_size == 8 ? kCipherDes : kCipherDes3;
      valid_size = key_size == 8 || key_size == 16 || key_size == 24;
      break;
    case PSA_KEY_TYPE_CHACHA20:
      *cipher = kCipherChaCha20;
      valid_size = key_size == 32;
      break;
    default:  // SM4, ARC4, XChaCha20, ...
      return PSA_ERROR_NOT_SUPPORTED;
  }
  if (!valid_size) return PSA_ERROR_INVALID_ARGUMENT;
  if (key_bits != 0 && key_bits != 8 * key_size) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_SUCCESS;
}

// Keys the live member of `ctx` for `cipher` in the direction `mode` and
// `encrypt` need. Returns 0 or an Mbed TLS error code.
int SetKey(builtin_cipher_key_context_t* ctx, Cipher cipher, Mode mode,
           bool encrypt, const uint8_t* key, size_t key_size) {
  const bool forward = encrypt || !UsesInverseCipher(mode);
  const unsigned key_bits = static_cast<unsigned>(8 * key_size);
  switch (cipher) {
    case kCipherAes:
      mbedtls_aes_init(&ctx->aes);
      return forward ? mbedtls_aes_setkey_enc(&ctx->aes, key, key_bits)
                     : mbedtls_aes_setkey_dec(&ctx->aes, key, key_bits);
    case kCipherCamellia:
      mbedtls_camellia_init(&ctx->camellia);
      return forward
                 ? mbedtls_camellia_setkey_enc(&ctx->camellia, key, key_bits)
                 : mbedtls_camellia_setkey_dec(&ctx->camellia, key, key_bits);
    case kCipherAria: {
      // Resolve checked the key size, which is all that can fail.
      const bool ok = forward ? AriaSetEncryptKey(&ctx->aria, key, key_bits)
                              : AriaSetDecryptKey(&ctx->aria, key, key_bits);
      return ok ? 0 : MBEDTLS_ERR_ERROR_CORRUPTION_DETECTED;
    }
    case kCipherDes:
      mbedtls_des_init(&ctx->des);
      return forward ? mbedtls_des_setkey_enc(&ctx->des, key)
                     : mbedtls_des_setkey_dec(&ctx->des, key);
    case kCipherDes3:
      mbedtls_des3_init(&ctx->des3);
      if (key_size == 16) {
        return forward ? mbedtls_des3_set2key_enc(&ctx->des3, key)
                       : mbedtls_des3_set2key_dec(&ctx->des3, key);
      }
      return forward ? mbedtls_des3_set3key_enc(&ctx->des3, key)
                     : mbedtls_des3_set3key_dec(&ctx->des3, key);
    case kCipherChaCha20:
      mbedtls_chacha20_init(&ctx->chacha20);
      return mbedtls_chacha20_setkey(&ctx->chacha20, key);
    case kCipherNone:
      break;
  }
  return MBEDTLS_ERR_ERROR_CORRUPTION_DETECTED;
}

psa_status_t Setup(builtin_cipher_operation_t* operation,
                   const psa_key_attributes_t* attributes,
                   const uint8_t* key_buffer, size_t key_buffer_size,
                   psa_algorithm_t alg, bool encrypt) {
  if (operation->alg != 0) return PSA_ERROR_BAD_STATE;
  const psa_key_type_t key_type = psa_get_key_type(attributes);
  Cipher cipher = kCipherNone;
  Mode mode = Mode::kEcb;
  psa_status_t status =
      Resolve(key_type, key_buffer_size, psa_get_key_bits(attributes), alg,
              &cipher, &mode);
  if (status != PSA_SUCCESS) return status;

  status = StatusFromMbedtls(SetKey(&operation->ctx, cipher, mode, encrypt,
                                    key_buffer, key_buffer_size));
  if (status != PSA_SUCCESS) {
    Wipe(operation);
    return status;
  }
  operation->alg = alg;
  operation->cipher = cipher;
  operation->is_encrypt = encrypt ? 1 : 0;
  operation->iv_set = mode == Mode::kEcb ? 1 : 0;  // ECB takes no IV
  operation->block_length =
      static_cast<uint8_t>(PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type));
  return PSA_SUCCESS;
}

// ---- IV ---------------------------------------------------------------------

// Sets the IV of an active operation without one (see builtin_cipher.h for
// the lengths). Returns PSA_SUCCESS, PSA_ERROR_BAD_STATE,
// PSA_ERROR_INVALID_ARGUMENT or an error mapped from Mbed TLS; does not
// wipe.
psa_status_t SetIv(builtin_cipher_operation_t* operation, const uint8_t* iv,
                   size_t iv_length) {
  if (operation->alg == 0 || operation->iv_set) return PSA_ERROR_BAD_STATE;
  const size_t block_length = operation->block_length;
  switch (ModeOf(operation->alg)) {
    case Mode::kCbc:
    case Mode::kCbcPkcs7:
    case Mode::kCfb:
    case Mode::kOfb:
      if (iv_length != block_length) return PSA_ERROR_INVALID_ARGUMENT;
      std::memcpy(operation->iv, iv, block_length);
      break;
    case Mode::kCtr:
      // A short IV is the start of the counter block, zero-padded.
      if (iv_length == 0 || iv_length > block_length) {
        return PSA_ERROR_INVALID_ARGUMENT;
      }
      std::memset(operation->iv, 0, sizeof(operation->iv));
      std::memcpy(operation->iv, iv, iv_length);
      break;
    case Mode::kCcmStar: {
      // A_1 = flags || nonce || [1]_L, L = 15 - nonce length in 2..8; the
      // flags of a CCM counter block are L - 1 (its other bits are 0).
      if (iv_length < 7 || iv_length > 13) return PSA_ERROR_INVALID_ARGUMENT;
      const size_t l = 15 - iv_length;
      std::memset(operation->iv, 0, sizeof(operation->iv));
      operation->iv[0] = static_cast<uint8_t>(l - 1);
      std::memcpy(operation->iv + 1, iv, iv_length);
      operation->iv[15] = 1;
      // The message length must fit in L bytes: at most 2^(8L) - 1.
      operation->has_limit = 1;
      operation->remaining = l >= 8 ? std::numeric_limits<uint64_t>::max()
                                    : (uint64_t{1} << (8 * l)) - 1;
      break;
    }
    case Mode::kStream: {
      uint8_t nonce[12] = {0};
      uint32_t counter = 0;
      if (iv_length == 12) {
        std::memcpy(nonce, iv, 12);
      } else if (iv_length == 16) {
        counter = static_cast<uint32_t>(iv[0]) |
                  static_cast<uint32_t>(iv[1]) << 8 |
                  static_cast<uint32_t>(iv[2]) << 16 |
                  static_cast<uint32_t>(iv[3]) << 24;
        std::memcpy(nonce, iv + 4, 12);
      } else if (iv_length == 8) {
        // Original ChaCha20: state words 12-13 are the 64-bit counter, 14-15
        // the nonce; RFC 8439 words 12 (counter) and 13-15 (nonce) with the
        // nonce 0^32 || iv give the same state while the counter's high word
        // is 0, which the limit below keeps.
        std::memcpy(nonce + 4, iv, 8);
      } else {
        return PSA_ERROR_INVALID_ARGUMENT;
      }
      const psa_status_t status = StatusFromMbedtls(
          mbedtls_chacha20_starts(&operation->ctx.chacha20, nonce, counter));
      mbedtls_platform_zeroize(nonce, sizeof(nonce));
      if (status != PSA_SUCCESS) return status;
      // The 32-bit block counter must not wrap (key stream reuse).
      operation->has_limit = 1;
      operation->remaining = ((uint64_t{1} << 32) - counter) * 64;
      break;
    }
    case Mode::kEcb:
      return PSA_ERROR_BAD_STATE;  // unreachable: iv_set since setup
  }
  operation->buffer_length = 0;
  operation->iv_set = 1;
  return PSA_SUCCESS;
}

// ---- Block cipher calls -----------------------------------------------------

// Runs the block cipher once on `input` (one block) into `output`, in the
// direction its key schedule was set up for.
int CryptBlock(builtin_cipher_operation_t* operation, const uint8_t* input,
               uint8_t* output) {
  const int aes_mode =
      operation->is_encrypt || !UsesInverseCipher(ModeOf(operation->alg))
          ? MBEDTLS_AES_ENCRYPT
          : MBEDTLS_AES_DECRYPT;
  builtin_cipher_key_context_t* ctx = &operation->ctx;
  switch (operation->cipher) {
    case kCipherAes:
      return mbedtls_aes_crypt_ecb(&ctx->aes, aes_mode, input, output);
    case kCipherCamellia:
      // MBEDTLS_CAMELLIA_ENCRYPT/DECRYPT have the values of the AES ones.
      return mbedtls_camellia_crypt_ecb(&ctx->camellia, aes_mode, input,
                                        output);
    case kCipherAria:
      // The direction is the key schedule's.
      AriaCryptBlock(&ctx->aria, input, output);
      return 0;
    case kCipherDes:
      return mbedtls_des_crypt_ecb(&ctx->des, input, output);
    case kCipherDes3:
      return mbedtls_des3_crypt_ecb(&ctx->des3, input, output);
    default:
      return MBEDTLS_ERR_ERROR_CORRUPTION_DETECTED;
  }
}
static_assert(MBEDTLS_CAMELLIA_ENCRYPT == MBEDTLS_AES_ENCRYPT &&
                  MBEDTLS_CAMELLIA_DECRYPT == MBEDTLS_AES_DECRYPT &&
                  MBEDTLS_DES_ENCRYPT == MBEDTLS_AES_ENCRYPT &&
                  MBEDTLS_DES_DECRYPT == MBEDTLS_AES_DECRYPT,
              "Mbed TLS direction constants differ between ciphers");

// CBC over the block function, for ARIA (Mbed TLS has no CBC for it), as
// Mbed TLS's CBC: `length` whole blocks chained through operation->iv.
// Each input block is read before its output block is written, so `output`
// may be identical to `input`, or lag it.
int BlockCbc(builtin_cipher_operation_t* operation, const uint8_t* input,
             uint8_t* output, size_t length) {
  const size_t block_length = operation->block_length;
  uint8_t* chain = operation->iv;
  uint8_t block[kMaxBlockLength];
  int ret = 0;
  for (size_t offset = 0; ret == 0 && offset < length;
       offset += block_length) {
    std::memcpy(block, input + offset, block_length);
    if (operation->is_encrypt) {
      // C_i = E(P_i ^ C_(i-1)).
      for (size_t i = 0; i < block_length; ++i) chain[i] ^= block[i];
      ret = CryptBlock(operation, chain, chain);
      std::memcpy(output + offset, chain, block_length);
    } else {
      // P_i = D(C_i) ^ C_(i-1).
      ret = CryptBlock(operation, block, output + offset);
      for (size_t i = 0; i < block_length; ++i) output[offset + i] ^= chain[i];
      std::memcpy(chain, block, block_length);
    }
  }
  mbedtls_platform_zeroize(block, sizeof(block));
  return ret;
}

// ECB or CBC over `length` bytes (a whole number of blocks), chaining CBC
// through operation->iv. `output` may be identical to `input`, or lag it.
int ProcessBlocks(builtin_cipher_operation_t* operation, const uint8_t* input,
                  uint8_t* output, size_t length) {
  if (length == 0) return 0;
  const size_t block_length = operation->block_length;
  if (ModeOf(operation->alg) == Mode::kEcb) {
    for (size_t offset = 0; offset < length; offset += block_length) {
      const int ret = CryptBlock(operation, input + offset, output + offset);
      if (ret != 0) return ret;
    }
    return 0;
  }
  const int mode =
      operation->is_encrypt ? MBEDTLS_AES_ENCRYPT : MBEDTLS_AES_DECRYPT;
  builtin_cipher_key_context_t* ctx = &operation->ctx;
  switch (operation->cipher) {
    case kCipherAes:
      return mbedtls_aes_crypt_cbc(&ctx->aes, mode, length, operation->iv,
                                   input, output);
    case kCipherCamellia:
      return mbedtls_camellia_crypt_cbc(&ctx->camellia, mode, length,
                                        operation->iv, input, output);
    case kCipherAria:
      return BlockCbc(operation, input, output, length);
    case kCipherDes:
      return mbedtls_des_crypt_cbc(&ctx->des, mode, length, operation->iv,
                                   input, output);
    case kCipherDes3:
      return mbedtls_des3_crypt_cbc(&ctx->des3, mode, length, operation->iv,
                                    input, output);
    default:
      return MBEDTLS_ERR_ERROR_CORRUPTION_DETECTED;
  }
}

// ---- Stream modes -----------------------------------------------------------

// The stream modes over the block function (run forwards: CryptBlock
// encrypts in these modes), for the ciphers whose Mbed TLS lacks them:
// Camellia-OFB and ARIA. They keep their position as Mbed TLS's AES modes
// do, in operation->buffer_length (0: the next block is due), and read each
// input byte before writing its output byte (in place works).

// OFB: the feedback block operation->iv is the key stream.
int BlockOfb(builtin_cipher_operation_t* operation, const uint8_t* input,
             uint8_t* output, size_t length) {
  size_t offset = operation->buffer_length;
  for (size_t i = 0; i < length; ++i) {
    if (offset == 0) {
      const int ret = CryptBlock(operation, operation->iv, operation->iv);
      if (ret != 0) return ret;
    }
    output[i] = input[i] ^ operation->iv[offset];
    offset = (offset + 1) % kMaxBlockLength;
  }
  operation->buffer_length = static_cast<uint8_t>(offset);
  return 0;
}

// CTR: the key stream block E(counter) is in operation->buffer; the counter
// block operation->iv is one 128-bit big-endian integer, incremented after
// each use (as mbedtls_aes_crypt_ctr does).
int BlockCtr(builtin_cipher_operation_t* operation, const uint8_t* input,
             uint8_t* output, size_t length) {
  size_t offset = operation->buffer_length;
  for (size_t i = 0; i < length; ++i) {
    if (offset == 0) {
      const int ret = CryptBlock(operation, operation->iv, operation->buffer);
      if (ret != 0) return ret;
      for (size_t j = kMaxBlockLength; j > 0; --j) {
        if (++operation->iv[j - 1] != 0) break;
      }
    }
    output[i] = input[i] ^ operation->buffer[offset];
    offset = (offset + 1) % kMaxBlockLength;
  }
  operation->buffer_length = static_cast<uint8_t>(offset);
  return 0;
}

// CFB-128: operation->iv is E(previous ciphertext block), and takes the
// ciphertext bytes as they are made (encryption) or read (decryption).
int BlockCfb(builtin_cipher_operation_t* operation, const uint8_t* input,
             uint8_t* output, size_t length) {
  size_t offset = operation->buffer_length;
  for (size_t i = 0; i < length; ++i) {
    if (offset == 0) {
      const int ret = CryptBlock(operation, operation->iv, operation->iv);
      if (ret != 0) return ret;
    }
    const uint8_t in = input[i];
    const uint8_t out = in ^ operation->iv[offset];
    output[i] = out;
    operation->iv[offset] = operation->is_encrypt ? out : in;
    offset = (offset + 1) % kMaxBlockLength;
  }
  operation->buffer_length = static_cast<uint8_t>(offset);
  return 0;
}

// Encrypts or decrypts `length` bytes with a stream mode (everything but ECB
// and CBC), counting them against the message length limit. CTR and CCM*
// run Mbed TLS's CTR (BlockCtr for ARIA) on the counter block in
// operation->iv (for CCM* the length limit keeps the big-endian carry inside
// the L counter bytes), with the key stream block in operation->buffer.
psa_status_t StreamCrypt(builtin_cipher_operation_t* operation,
                         const uint8_t* input, uint8_t* output, size_t length) {
  if (operation->has_limit) {
    if (length > operation->remaining) return PSA_ERROR_INVALID_ARGUMENT;
    operation->remaining -= length;
  }
  if (length == 0) return PSA_SUCCESS;
  builtin_cipher_key_context_t* ctx = &operation->ctx;
  const bool aes = operation->cipher == kCipherAes;
  const bool camellia = operation->cipher == kCipherCamellia;
  const bool aria = operation->cipher == kCipherAria;
  size_t offset = operation->buffer_length;
  int ret = MBEDTLS_ERR_ERROR_CORRUPTION_DETECTED;
  switch (ModeOf(operation->alg)) {
    case Mode::kCtr:
    case Mode::kCcmStar:
      if (aes) {
        ret = mbedtls_aes_crypt_ctr(&ctx->aes, length, &offset, operation->iv,
                                    operation->buffer, input, output);
        operation->buffer_length = static_cast<uint8_t>(offset);
      } else if (camellia) {
        ret = mbedtls_camellia_crypt_ctr(&ctx->camellia, length, &offset,
                                         operation->iv, operation->buffer,
                                         input, output);
        operation->buffer_length = static_cast<uint8_t>(offset);
      } else if (aria) {
        ret = BlockCtr(operation, input, output, length);
      }
      break;
    case Mode::kOfb:
      if (aes) {
        ret = mbedtls_aes_crypt_ofb(&ctx->aes, length, &offset, operation->iv,
                                    input, output);
        operation->buffer_length = static_cast<uint8_t>(offset);
      } else if (camellia || aria) {
        ret = BlockOfb(operation, input, output, length);
      }
      break;
    case Mode::kCfb: {
      const int direction =
          operation->is_encrypt ? MBEDTLS_AES_ENCRYPT : MBEDTLS_AES_DECRYPT;
      if (aes) {
        ret = mbedtls_aes_crypt_cfb128(&ctx->aes, direction, length, &offset,
                                       operation->iv, input, output);
        operation->buffer_length = static_cast<uint8_t>(offset);
      } else if (camellia) {
        ret = mbedtls_camellia_crypt_cfb128(&ctx->camellia, direction, length,
                                            &offset, operation->iv, input,
                                            output);
        operation->buffer_length = static_cast<uint8_t>(offset);
      } else if (aria) {
        ret = BlockCfb(operation, input, output, length);
      }
      break;
    }
    case Mode::kStream:
      ret = mbedtls_chacha20_update(&ctx->chacha20, length, input, output);
      break;
    case Mode::kEcb:
    case Mode::kCbc:
    case Mode::kCbcPkcs7:
      break;  // not stream modes
  }
  return StatusFromMbedtls(ret);
}

// ---- Block modes ------------------------------------------------------------

// Update of ECB and CBC: outputs every whole block of held-back || input,
// except that CBC-PKCS#7 decryption keeps the last whole block for finish,
// and holds back the rest. Output never exceeds
// PSA_CIPHER_UPDATE_OUTPUT_SIZE(): held-back bytes are < one block (one
// block for PKCS#7 decryption, which then outputs at least one byte less).
psa_status_t BlockUpdate(builtin_cipher_operation_t* operation,
                         const uint8_t* input, size_t input_length,
                         uint8_t* output, size_t output_size,
                         size_t* output_length) {
  const size_t block_length = operation->block_length;
  const size_t held = operation->buffer_length;
  if (input_length > std::numeric_limits<size_t>::max() - kMaxBlockLength) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const size_t total = held + input_length;
  size_t keep = total % block_length;
  if (keep == 0 && total > 0 && !operation->is_encrypt &&
      ModeOf(operation->alg) == Mode::kCbcPkcs7) {
    keep = block_length;  // the block whose padding finish checks
  }
  const size_t produce = total - keep;
  if (output_size < produce) return PSA_ERROR_BUFFER_TOO_SMALL;

  if (produce == 0) {
    if (input_length > 0) {
      std::memcpy(operation->buffer + held, input, input_length);
    }
    operation->buffer_length = static_cast<uint8_t>(total);
    return PSA_SUCCESS;
  }

  if (held == 0) {
    // Output blocks line up with input blocks: one bulk call, in place too.
    const int ret = ProcessBlocks(operation, input, output, produce);
    if (ret != 0) return StatusFromMbedtls(ret);
    std::memcpy(operation->buffer, input + produce, keep);
    operation->buffer_length = static_cast<uint8_t>(keep);
    *output_length = produce;
    return PSA_SUCCESS;
  }

  // Output block k is held-back || input shifted by `held` bytes, so when
  // `output` is `input` writing it overwrites `held` bytes of input not yet
  // read: read them ahead into `carry` first.
  uint8_t block[kMaxBlockLength];
  uint8_t carry[kMaxBlockLength];
  size_t carry_length = held;
  std::memcpy(carry, operation->buffer, held);
  size_t position = 0;  // next unread input byte
  psa_status_t status = PSA_SUCCESS;
  for (size_t written = 0; written < produce; written += block_length) {
    std::memcpy(block, carry, carry_length);
    const size_t take = block_length - carry_length;
    std::memcpy(block + carry_length, input + position, take);
    position += take;
    carry_length =
        held < input_length - position ? held : input_length - position;
    std::memcpy(carry, input + position, carry_length);
    position += carry_length;
    const int ret =
        ProcessBlocks(operation, block, output + written, block_length);
    if (ret != 0) {
      status = StatusFromMbedtls(ret);
      break;
    }
  }
  if (status == PSA_SUCCESS) {
    std::memcpy(operation->buffer, carry, carry_length);
    std::memcpy(operation->buffer + carry_length, input + position,
                input_length - position);
    operation->buffer_length = static_cast<uint8_t>(keep);
    *output_length = produce;
  }
  mbedtls_platform_zeroize(block, sizeof(block));
  mbedtls_platform_zeroize(carry, sizeof(carry));
  return status;
}

// Checks the PKCS#7 padding of the decrypted last block `block` in constant
// time; on success sets *data_length to the bytes before the padding.
bool Pkcs7Unpad(const uint8_t* block, size_t block_length,
                size_t* data_length) {
  const size_t pad = block[block_length - 1];
  unsigned bad = static_cast<unsigned>(pad == 0) |
                 static_cast<unsigned>(pad > block_length);
  const size_t pad_start = block_length - pad;  // wraps if pad too large
  for (size_t i = 0; i < block_length; ++i) {
    const unsigned in_padding = static_cast<unsigned>(i >= pad_start);
    bad |= static_cast<unsigned>(block[i] ^ pad) * in_padding;
  }
  *data_length = pad_start;
  return bad == 0;
}

// The PKCS#7 padded block of the `tail_length` (< one block) bytes `tail`.
void Pkcs7Pad(const uint8_t* tail, size_t tail_length, size_t block_length,
              uint8_t* block) {
  if (tail_length > 0) std::memcpy(block, tail, tail_length);
  std::memset(block + tail_length, static_cast<int>(block_length - tail_length),
              block_length - tail_length);
}

// Finish of ECB and CBC (see builtin_cipher_finish); does not wipe.
psa_status_t BlockFinish(builtin_cipher_operation_t* operation, uint8_t* output,
                         size_t output_size, size_t* output_length) {
  const size_t block_length = operation->block_length;
  const size_t held = operation->buffer_length;
  if (ModeOf(operation->alg) != Mode::kCbcPkcs7) {
    return held == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  }
  uint8_t block[kMaxBlockLength];
  psa_status_t status = PSA_ERROR_CORRUPTION_DETECTED;
  if (operation->is_encrypt) {
    Pkcs7Pad(operation->buffer, held, block_length, block);
    if (output_size < block_length) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
      status = StatusFromMbedtls(
          ProcessBlocks(operation, block, block, block_length));
      if (status == PSA_SUCCESS) {
        std::memcpy(output, block, block_length);
        *output_length = block_length;
      }
    }
  } else if (held != block_length) {
    status = PSA_ERROR_INVALID_ARGUMENT;  // empty, or not whole blocks
  } else {
    status = StatusFromMbedtls(
        ProcessBlocks(operation, operation->buffer, block, block_length));
    size_t data_length = 0;
    if (status == PSA_SUCCESS &&
        !Pkcs7Unpad(block, block_length, &data_length)) {
      status = PSA_ERROR_INVALID_PADDING;
    }
    if (status == PSA_SUCCESS && output_size < data_length) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    }
    if (status == PSA_SUCCESS) {
      if (data_length > 0) std::memcpy(output, block, data_length);
      *output_length = data_length;
    }
  }
  mbedtls_platform_zeroize(block, sizeof(block));
  return status;
}

// ---- Single-part ------------------------------------------------------------

// cipher_encrypt on a set-up operation with its IV set.
psa_status_t EncryptAll(builtin_cipher_operation_t* operation,
                        const uint8_t* input, size_t input_length,
                        uint8_t* output, size_t output_size,
                        size_t* output_length) {
  const Mode mode = ModeOf(operation->alg);
  if (!IsBlockBuffered(mode)) {
    if (output_size < input_length) return PSA_ERROR_BUFFER_TOO_SMALL;
    const psa_status_t status =
        StreamCrypt(operation, input, output, input_length);
    if (status == PSA_SUCCESS) *output_length = input_length;
    return status;
  }
  const size_t block_length = operation->block_length;
  const size_t tail_length = input_length % block_length;
  const size_t whole = input_length - tail_length;
  if (mode != Mode::kCbcPkcs7) {
    if (tail_length != 0) return PSA_ERROR_INVALID_ARGUMENT;
    if (output_size < input_length) return PSA_ERROR_BUFFER_TOO_SMALL;
    const psa_status_t status = StatusFromMbedtls(
        ProcessBlocks(operation, input, output, input_length));
    if (status == PSA_SUCCESS) *output_length = input_length;
    return status;
  }
  if (whole > std::numeric_limits<size_t>::max() - block_length) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (output_size < whole + block_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  // Pad the tail before the bulk call, which may overwrite it in place.
  uint8_t last[kMaxBlockLength];
  Pkcs7Pad(input + whole, tail_length, block_length, last);
  int ret = ProcessBlocks(operation, input, output, whole);
  if (ret == 0) {
    ret = ProcessBlocks(operation, last, output + whole, block_length);
  }
  mbedtls_platform_zeroize(last, sizeof(last));
  if (ret != 0) {
    mbedtls_platform_zeroize(output, whole + block_length);
    return StatusFromMbedtls(ret);
  }
  *output_length = whole + block_length;
  return PSA_SUCCESS;
}

// cipher_decrypt of `ciphertext` on a set-up operation with its IV set.
// `output` may be identical to `ciphertext` or lag it.
psa_status_t DecryptAll(builtin_cipher_operation_t* operation,
                        const uint8_t* ciphertext, size_t length,
                        uint8_t* output, size_t output_size,
                        size_t* output_length) {
  const Mode mode = ModeOf(operation->alg);
  if (!IsBlockBuffered(mode)) {
    if (output_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
    const psa_status_t status =
        StreamCrypt(operation, ciphertext, output, length);
    if (status == PSA_SUCCESS) *output_length = length;
    return status;
  }
  const size_t block_length = operation->block_length;
  if (length % block_length != 0) return PSA_ERROR_INVALID_ARGUMENT;
  if (mode != Mode::kCbcPkcs7) {
    if (output_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
    const psa_status_t status =
        StatusFromMbedtls(ProcessBlocks(operation, ciphertext, output, length));
    if (status == PSA_SUCCESS) *output_length = length;
    return status;
  }
  if (length == 0) return PSA_ERROR_INVALID_ARGUMENT;

  // Decrypt and check the last block first (P = D(C_last) ^ C_before, the
  // IV for a single block), so that a bad padding or a short buffer is
  // found before anything is written.
  const size_t whole = length - block_length;
  const uint8_t* previous =
      whole == 0 ? operation->iv : ciphertext + whole - block_length;
  uint8_t last[kMaxBlockLength];
  psa_status_t status =
      StatusFromMbedtls(CryptBlock(operation, ciphertext + whole, last));
  size_t last_length = 0;
  if (status == PSA_SUCCESS) {
    for (size_t i = 0; i < block_length; ++i) last[i] ^= previous[i];
    if (!Pkcs7Unpad(last, block_length, &last_length)) {
      status = PSA_ERROR_INVALID_PADDING;
    } else if (output_size < whole + last_length) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    }
  }
  if (status == PSA_SUCCESS) {
    status =
        StatusFromMbedtls(ProcessBlocks(operation, ciphertext, output, whole));
    if (status == PSA_SUCCESS) {
      if (last_length > 0) std::memcpy(output + whole, last, last_length);
      *output_length = whole + last_length;
    } else {
      mbedtls_platform_zeroize(output, whole);
    }
  }
  mbedtls_platform_zeroize(last, sizeof(last));
  return status;
}

}  // namespace
}  // namespace drivers::builtin

using drivers::builtin::BlockFinish;
using drivers::builtin::BlockUpdate;
using drivers::builtin::DecryptAll;
using drivers::builtin::EncryptAll;
using drivers::builtin::IsBlockBuffered;
using drivers::builtin::Mode;
using drivers::builtin::ModeOf;
using drivers::builtin::SetIv;
using drivers::builtin::Setup;
using drivers::builtin::StreamCrypt;
using drivers::builtin::Wipe;

extern "C" {

psa_status_t builtin_cipher_encrypt(const psa_key_attributes_t* attributes,
                                    const uint8_t* key_buffer,
                                    size_t key_buffer_size, psa_algorithm_t alg,
                                    const uint8_t* iv, size_t iv_length,
                                    const uint8_t* input, size_t input_length,
                                    uint8_t* output, size_t output_size,
                                    size_t* output_length) {
  *output_length = 0;
  builtin_cipher_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  psa_status_t status = Setup(&operation, attributes, key_buffer,
                              key_buffer_size, alg, /*encrypt=*/true);
  if (status == PSA_SUCCESS) {
    if (operation.iv_set) {  // ECB
      if (iv_length != 0) status = PSA_ERROR_INVALID_ARGUMENT;
    } else {
      status = SetIv(&operation, iv, iv_length);
    }
  }
  if (status == PSA_SUCCESS) {
    status = EncryptAll(&operation, input, input_length, output, output_size,
                        output_length);
  }
  Wipe(&operation);
  return status;
}

psa_status_t builtin_cipher_decrypt(const psa_key_attributes_t* attributes,
                                    const uint8_t* key_buffer,
                                    size_t key_buffer_size, psa_algorithm_t alg,
                                    const uint8_t* input, size_t input_length,
                                    uint8_t* output, size_t output_size,
                                    size_t* output_length) {
  *output_length = 0;
  builtin_cipher_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  psa_status_t status = Setup(&operation, attributes, key_buffer,
                              key_buffer_size, alg, /*encrypt=*/false);
  const size_t iv_length =
      PSA_CIPHER_IV_LENGTH(psa_get_key_type(attributes), alg);
  if (status == PSA_SUCCESS && input_length < iv_length) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  }
  if (status == PSA_SUCCESS && !operation.iv_set) {
    status = SetIv(&operation, input, iv_length);
  }
  if (status == PSA_SUCCESS) {
    status = DecryptAll(&operation, input + iv_length, input_length - iv_length,
                        output, output_size, output_length);
  }
  Wipe(&operation);
  return status;
}

psa_status_t builtin_cipher_encrypt_setup(
    builtin_cipher_operation_t* operation,
    const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg) {
  return Setup(operation, attributes, key_buffer, key_buffer_size, alg,
               /*encrypt=*/true);
}

psa_status_t builtin_cipher_decrypt_setup(
    builtin_cipher_operation_t* operation,
    const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg) {
  return Setup(operation, attributes, key_buffer, key_buffer_size, alg,
               /*encrypt=*/false);
}

psa_status_t builtin_cipher_set_iv(builtin_cipher_operation_t* operation,
                                   const uint8_t* iv, size_t iv_length) {
  const psa_status_t status = SetIv(operation, iv, iv_length);
  if (status != PSA_SUCCESS) Wipe(operation);
  return status;
}

psa_status_t builtin_cipher_update(builtin_cipher_operation_t* operation,
                                   const uint8_t* input, size_t input_length,
                                   uint8_t* output, size_t output_size,
                                   size_t* output_length) {
  *output_length = 0;
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (operation->alg != 0 && operation->iv_set) {
    if (IsBlockBuffered(ModeOf(operation->alg))) {
      status = BlockUpdate(operation, input, input_length, output, output_size,
                           output_length);
    } else if (output_size < input_length) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
      status = StreamCrypt(operation, input, output, input_length);
      if (status == PSA_SUCCESS) *output_length = input_length;
    }
  }
  if (status != PSA_SUCCESS) Wipe(operation);
  return status;
}

psa_status_t builtin_cipher_finish(builtin_cipher_operation_t* operation,
                                   uint8_t* output, size_t output_size,
                                   size_t* output_length) {
  *output_length = 0;
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (operation->alg != 0 && operation->iv_set) {
    status = IsBlockBuffered(ModeOf(operation->alg))
                 ? BlockFinish(operation, output, output_size, output_length)
                 : PSA_SUCCESS;  // stream modes output everything in update
  }
  Wipe(operation);
  return status;
}

psa_status_t builtin_cipher_abort(builtin_cipher_operation_t* operation) {
  Wipe(operation);
  return PSA_SUCCESS;
}

}  // extern "C"
