// The bytes of a persistent key file: its attributes, its key buffer, and a
// SHA-256 over all of it. Encoding and verified decoding only; the files
// themselves are written and read by key_file_store.h.
//
// Format version 1. All integers are unsigned little-endian.
//
//   offset    size  field
//   0         8     magic: 89 50 53 41 4B 45 59 0A ("\x89PSAKEY\n": the high
//                   byte and the newline catch 7-bit and newline-converting
//                   copies, as in PNG)
//   8         4     format version: 1
//   12        4     key id (psa_key_id_t), never PSA_KEY_ID_NULL
//   16        4     lifetime (psa_key_lifetime_t), never volatile
//   20        2     key type (psa_key_type_t), never PSA_KEY_TYPE_NONE
//   22        2     key size in bits, 1..65535
//   24        4     usage flags (psa_key_usage_t)
//   28        4     permitted algorithm (psa_algorithm_t)
//   32        4     N: length of the key buffer, 1..kMaxKeyBufferSize
//   36        N     the key buffer (a transparent key's export format, or an
//                   opaque driver's key context)
//   36 + N    32    SHA-256 of bytes 0 .. 36 + N - 1 (magic to key buffer)
//
// The file is exactly 68 + N bytes long. A reader accepts a file only if
// every one of these holds; the SHA-256 is checked before any attribute is
// believed, so any corruption (a flipped bit, a truncation, appended bytes,
// a torn write) is detected, not only single-bit errors. It is a checksum,
// not an authenticator: whoever can write the key directory can replace a
// key, which is why the directory is created with mode 0700.
//
// Versions. A reader knows versions up to kKeyFileVersion and answers
// PSA_ERROR_DATA_CORRUPT for any other (0, or one written by a newer
// library). Of the statuses the issue allows, DATA_CORRUPT is the right one:
// status.rst gives DATA_CORRUPT and STORAGE_FAILURE the same consequence
// (keystore integrity can no longer be assumed), and the PSA status code
// specification reserves STORAGE_FAILURE for a failing storage medium (an
// I/O error that may have lost data), whereas here the medium works and the
// stored bytes are unusable. Moreover, the checksum's definition belongs to
// the version, so an unknown version cannot be told apart from a corrupted
// version field. A newer library that changes the layout must bump the
// version; one that only adds meaning to values keeps it.

#ifndef PSA_CORE_STORAGE_KEY_FILE_FORMAT_H_
#define PSA_CORE_STORAGE_KEY_FILE_FORMAT_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/core/secure_buffer.h"
#include "psa/crypto.h"

namespace psa::core::storage {

inline constexpr uint8_t kKeyFileMagic[8] = {0x89, 'P', 'S', 'A', 'K', 'E', 'Y', '\n'};
inline constexpr uint32_t kKeyFileVersion = 1;
inline constexpr size_t kKeyFileHeaderSize = 36;
inline constexpr size_t kKeyFileChecksumSize = 32;  // SHA-256
// Bounds the allocation a corrupt length field can cause. The largest
// transparent key buffer of the API (an RSA-4096 key pair) is under 2.5 KiB.
inline constexpr size_t kMaxKeyBufferSize = 64 * 1024;
inline constexpr size_t kMaxKeyFileSize =
    kKeyFileHeaderSize + kMaxKeyBufferSize + kKeyFileChecksumSize;

// Encodes the file of a key with `attributes` and key buffer
// key_buffer[0..key_buffer_length) into `image` (replacing its contents).
// PSA_ERROR_INVALID_ARGUMENT if the key cannot be stored in this format: a
// null id, a volatile lifetime, type PSA_KEY_TYPE_NONE, a size of 0 or above
// 65535 bits, an empty key buffer or one above kMaxKeyBufferSize;
// PSA_ERROR_INSUFFICIENT_MEMORY; or the status of the SHA-256 computation
// (the dispatch must be initialized). On failure `image` is empty.
psa_status_t EncodeKeyFile(const psa_key_attributes_t& attributes, const uint8_t* key_buffer,
                           size_t key_buffer_length, SecureBuffer* image);

// Verifies image[0..image_length) as the file of key `id` and decodes it:
// *attributes gets exactly the stored attributes, *key_buffer a copy of the
// key buffer. PSA_ERROR_DATA_CORRUPT if the image is not a valid version-1
// file for `id` (see above); PSA_ERROR_INSUFFICIENT_MEMORY; or the status
// of the SHA-256 computation. On failure *attributes is
// PSA_KEY_ATTRIBUTES_INIT and *key_buffer is empty.
psa_status_t DecodeKeyFile(psa_key_id_t id, const uint8_t* image, size_t image_length,
                           psa_key_attributes_t* attributes, SecureBuffer* key_buffer);

}  // namespace psa::core::storage

#endif  // PSA_CORE_STORAGE_KEY_FILE_FORMAT_H_
