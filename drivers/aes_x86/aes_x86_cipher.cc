// The cipher entry points of aes_x86.h: ECB, CBC (no padding, PKCS#7) and
// CTR over aes_ni.h and vaes.h.

#include <string.h>

#include <algorithm>

#include "drivers/aes_x86/aes_ni.h"
#include "drivers/aes_x86/aes_x86.h"
#include "drivers/aes_x86/aes_x86_common.h"
#include "drivers/aes_x86/vaes.h"

namespace aes_x86 {
namespace {

enum class Mode { kEcb, kCbc, kCbcPkcs7, kCtr, kNone };

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
    default:
      return Mode::kNone;
  }
}

bool Vaes(const aes_x86_cipher_operation_t* op) { return op->path == AES_X86_PATH_VAES; }

// Whole blocks of ECB or CBC in the operation's direction.
void ProcessBlocks(aes_x86_cipher_operation_t* op, const uint8_t* in, uint8_t* out, size_t blocks) {
  const bool ecb = ModeOf(op->alg) == Mode::kEcb;
  if (op->is_encrypt) {
    if (!ecb) {
      CbcEncrypt(op->key, op->iv, in, out, blocks);
    } else if (Vaes(op)) {
      VaesEcbEncrypt(op->key, in, out, blocks);
    } else {
      EcbEncrypt(op->key, in, out, blocks);
    }
  } else if (ecb) {
    if (Vaes(op)) {
      VaesEcbDecrypt(op->key, in, out, blocks);
    } else {
      EcbDecrypt(op->key, in, out, blocks);
    }
  } else if (Vaes(op)) {
    VaesCbcDecrypt(op->key, op->iv, in, out, blocks);
  } else {
    CbcDecrypt(op->key, op->iv, in, out, blocks);
  }
}

void CtrCrypt(aes_x86_cipher_operation_t* op, const uint8_t* in, uint8_t* out, size_t length) {
  size_t done = 0;
  while (done < length && op->buffer_length < 16) {
    out[done] = static_cast<uint8_t>(in[done] ^ op->buffer[op->buffer_length++]);
    ++done;
  }
  const size_t blocks = (length - done) / 16;
  if (blocks > 0) {
    if (Vaes(op)) {
      VaesCtr128Xor(op->key, op->iv, in + done, out + done, blocks);
    } else {
      Ctr128Xor(op->key, op->iv, in + done, out + done, blocks);
    }
    done += 16 * blocks;
  }
  if (done < length) {
    EncryptBlock(op->key, op->iv, op->buffer);
    Increment128(op->iv);
    op->buffer_length = 0;
    while (done < length) {
      out[done] = static_cast<uint8_t>(in[done] ^ op->buffer[op->buffer_length++]);
      ++done;
    }
  }
}

// ECB/CBC update: outputs the whole blocks of held-back || input (keeping
// the last whole block for CBC-PKCS#7 decryption) and holds back the rest.
// In place is safe: each chunk's input is read before its output is
// written, and the bytes the output shift would overwrite are read ahead.
psa_status_t BlockUpdate(aes_x86_cipher_operation_t* op, const uint8_t* input, size_t input_length,
                         uint8_t* output, size_t output_size, size_t* output_length) {
  const size_t held = op->buffer_length;
  if (input_length > SIZE_MAX - 32) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t total = held + input_length;
  size_t keep = total % 16;
  if (keep == 0 && total > 0 && !op->is_encrypt && ModeOf(op->alg) == Mode::kCbcPkcs7) keep = 16;
  const size_t produce = total - keep;
  if (output_size < produce) return PSA_ERROR_BUFFER_TOO_SMALL;
  if (held == 0) {
    if (produce > 0) ProcessBlocks(op, input, output, produce / 16);
    if (keep > 0) memcpy(op->buffer, input + produce, keep);  // the source may be null when empty
    op->buffer_length = static_cast<uint8_t>(keep);
    *output_length = produce;
    return PSA_SUCCESS;
  }
  uint8_t work[256];
  uint8_t carry[16];
  size_t carry_length = held;
  memcpy(carry, op->buffer, held);
  size_t position = 0;  // next unread input byte
  for (size_t written = 0; written < produce;) {
    const size_t n = std::min<size_t>(produce - written, sizeof(work));
    memcpy(work, carry, carry_length);
    const size_t take = n - carry_length;
    if (take > 0) memcpy(work + carry_length, input + position, take);  // the source may be null when empty
    position += take;
    carry_length = std::min(held, input_length - position);
    if (carry_length > 0) memcpy(carry, input + position, carry_length);  // the source may be null when empty
    position += carry_length;
    ProcessBlocks(op, work, output + written, n / 16);
    written += n;
  }
  memcpy(op->buffer, carry, carry_length);
  if (input_length - position > 0) memcpy(op->buffer + carry_length, input + position, input_length - position);  // the source may be null when empty
  op->buffer_length = static_cast<uint8_t>(keep);
  *output_length = produce;
  Wipe(work, sizeof(work));
  Wipe(carry, sizeof(carry));
  return PSA_SUCCESS;
}

psa_status_t BlockFinish(aes_x86_cipher_operation_t* op, uint8_t* output, size_t output_size,
                         size_t* output_length) {
  const size_t held = op->buffer_length;
  if (ModeOf(op->alg) != Mode::kCbcPkcs7) return held == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  uint8_t block[16];
  psa_status_t status;
  if (op->is_encrypt) {
    memcpy(block, op->buffer, held);
    memset(block + held, static_cast<int>(16 - held), 16 - held);
    if (output_size < 16) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
      ProcessBlocks(op, block, block, 1);
      memcpy(output, block, 16);
      *output_length = 16;
      status = PSA_SUCCESS;
    }
  } else if (held != 16) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  } else {
    ProcessBlocks(op, op->buffer, block, 1);
    // PKCS#7 check in constant time.
    const size_t pad = block[15];
    unsigned bad = static_cast<unsigned>(pad == 0) | static_cast<unsigned>(pad > 16);
    const size_t pad_start = 16 - pad;
    for (size_t i = 0; i < 16; ++i) {
      bad |= static_cast<unsigned>(block[i] ^ pad) * static_cast<unsigned>(i >= pad_start);
    }
    if (bad != 0) {
      status = PSA_ERROR_INVALID_PADDING;
    } else if (output_size < pad_start) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
      memcpy(output, block, pad_start);
      *output_length = pad_start;
      status = PSA_SUCCESS;
    }
  }
  Wipe(block, sizeof(block));
  return status;
}

psa_status_t Setup(aes_x86_cipher_operation_t* op, bool encrypt, const psa_key_attributes_t* attributes,
                   const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg) {
  if (op->alg != 0) return PSA_ERROR_BAD_STATE;
  const Mode mode = ModeOf(alg);
  if (mode == Mode::kNone) return PSA_ERROR_NOT_SUPPORTED;
  aes_x86_path_t path;
  const psa_status_t status = CheckAesKey(attributes, key_buffer_size, &path);
  if (status != PSA_SUCCESS) return status;
  if (!ExpandKey(key_buffer, key_buffer_size, &op->key)) return PSA_ERROR_INVALID_ARGUMENT;
  if (!encrypt && mode != Mode::kCtr) {
    aes_x86_key_t encrypt_key = op->key;
    InvertKey(encrypt_key, &op->key);
    WipeObject(&encrypt_key);
  }
  op->alg = alg;
  op->is_encrypt = encrypt ? 1 : 0;
  op->iv_set = mode == Mode::kEcb ? 1 : 0;
  op->buffer_length = mode == Mode::kCtr ? 16 : 0;
  op->path = static_cast<uint8_t>(path);
  return PSA_SUCCESS;
}

psa_status_t SetIv(aes_x86_cipher_operation_t* op, const uint8_t* iv, size_t iv_length) {
  if (op->alg == 0 || op->iv_set) return PSA_ERROR_BAD_STATE;
  if (ModeOf(op->alg) == Mode::kCtr) {
    if (iv_length < 1 || iv_length > 16) return PSA_ERROR_INVALID_ARGUMENT;
    memset(op->iv, 0, 16);
  } else if (iv_length != 16) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  memcpy(op->iv, iv, iv_length);
  op->iv_set = 1;
  return PSA_SUCCESS;
}

psa_status_t Update(aes_x86_cipher_operation_t* op, const uint8_t* input, size_t input_length, uint8_t* output,
                    size_t output_size, size_t* output_length) {
  *output_length = 0;
  if (op->alg == 0 || !op->iv_set) return PSA_ERROR_BAD_STATE;
  if (ModeOf(op->alg) != Mode::kCtr) {
    return BlockUpdate(op, input, input_length, output, output_size, output_length);
  }
  if (output_size < input_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  CtrCrypt(op, input, output, input_length);
  *output_length = input_length;
  return PSA_SUCCESS;
}

psa_status_t Finish(aes_x86_cipher_operation_t* op, uint8_t* output, size_t output_size, size_t* output_length) {
  *output_length = 0;
  if (op->alg == 0 || !op->iv_set) return PSA_ERROR_BAD_STATE;
  if (ModeOf(op->alg) == Mode::kCtr) return PSA_SUCCESS;
  return BlockFinish(op, output, output_size, output_length);
}

// The whole message on a set-up operation with its IV set; on failure
// nothing is left in `output`.
psa_status_t All(aes_x86_cipher_operation_t* op, const uint8_t* input, size_t input_length, uint8_t* output,
                 size_t output_size, size_t* output_length) {
  const Mode mode = ModeOf(op->alg);
  if ((mode == Mode::kEcb || mode == Mode::kCbc) && input_length % 16 != 0) return PSA_ERROR_INVALID_ARGUMENT;
  if (mode == Mode::kCbcPkcs7) {
    if (op->is_encrypt) {
      if (output_size < input_length / 16 * 16 + 16) return PSA_ERROR_BUFFER_TOO_SMALL;
    } else if (input_length == 0 || input_length % 16 != 0) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
  } else if (output_size < input_length) {
    return PSA_ERROR_BUFFER_TOO_SMALL;
  }
  size_t written = 0;
  // CBC-PKCS#7 decryption holds the last block back for Finish.
  psa_status_t status = Update(op, input, input_length, output, output_size, &written);
  size_t last = 0;
  if (status == PSA_SUCCESS) status = Finish(op, output + written, output_size - written, &last);
  if (status != PSA_SUCCESS) {
    Wipe(output, std::min(output_size, written));
    return status;
  }
  *output_length = written + last;
  return PSA_SUCCESS;
}

}  // namespace
}  // namespace aes_x86

using aes_x86::WipeObject;

extern "C" {

psa_status_t aes_x86_cipher_encrypt_setup(aes_x86_cipher_operation_t* operation,
                                          const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                          size_t key_buffer_size, psa_algorithm_t alg) {
  const psa_status_t status = aes_x86::Setup(operation, true, attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS && status != PSA_ERROR_BAD_STATE) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_cipher_decrypt_setup(aes_x86_cipher_operation_t* operation,
                                          const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                          size_t key_buffer_size, psa_algorithm_t alg) {
  const psa_status_t status = aes_x86::Setup(operation, false, attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS && status != PSA_ERROR_BAD_STATE) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_cipher_set_iv(aes_x86_cipher_operation_t* operation, const uint8_t* iv, size_t iv_length) {
  const psa_status_t status = aes_x86::SetIv(operation, iv, iv_length);
  if (status != PSA_SUCCESS) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_cipher_update(aes_x86_cipher_operation_t* operation, const uint8_t* input,
                                   size_t input_length, uint8_t* output, size_t output_size,
                                   size_t* output_length) {
  const psa_status_t status =
      aes_x86::Update(operation, input, input_length, output, output_size, output_length);
  if (status != PSA_SUCCESS) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_cipher_finish(aes_x86_cipher_operation_t* operation, uint8_t* output, size_t output_size,
                                   size_t* output_length) {
  const psa_status_t status = aes_x86::Finish(operation, output, output_size, output_length);
  WipeObject(operation);
  return status;
}

psa_status_t aes_x86_cipher_abort(aes_x86_cipher_operation_t* operation) {
  WipeObject(operation);
  return PSA_SUCCESS;
}

psa_status_t aes_x86_cipher_encrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* iv,
                                    size_t iv_length, const uint8_t* input, size_t input_length,
                                    uint8_t* output, size_t output_size, size_t* output_length) {
  *output_length = 0;
  aes_x86_cipher_operation_t op;
  memset(&op, 0, sizeof(op));
  psa_status_t status = aes_x86::Setup(&op, true, attributes, key_buffer, key_buffer_size, alg);
  if (status == PSA_SUCCESS) {
    if (aes_x86::ModeOf(alg) == aes_x86::Mode::kEcb) {
      if (iv_length != 0) status = PSA_ERROR_INVALID_ARGUMENT;
    } else {
      status = aes_x86::SetIv(&op, iv, iv_length);
    }
  }
  if (status == PSA_SUCCESS) status = aes_x86::All(&op, input, input_length, output, output_size, output_length);
  WipeObject(&op);
  return status;
}

psa_status_t aes_x86_cipher_decrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                                    size_t input_length, uint8_t* output, size_t output_size,
                                    size_t* output_length) {
  *output_length = 0;
  aes_x86_cipher_operation_t op;
  memset(&op, 0, sizeof(op));
  psa_status_t status = aes_x86::Setup(&op, false, attributes, key_buffer, key_buffer_size, alg);
  const size_t iv_length = aes_x86::ModeOf(alg) == aes_x86::Mode::kEcb ? 0 : 16;
  if (status == PSA_SUCCESS && input_length < iv_length) status = PSA_ERROR_INVALID_ARGUMENT;
  if (status == PSA_SUCCESS && iv_length > 0) status = aes_x86::SetIv(&op, input, iv_length);
  if (status == PSA_SUCCESS) {
    // The IV is read: the output may start anywhere within it.
    status = aes_x86::All(&op, input + iv_length, input_length - iv_length, output, output_size, output_length);
  }
  WipeObject(&op);
  return status;
}

}  // extern "C"
