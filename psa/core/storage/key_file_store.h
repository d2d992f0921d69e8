// Persistent key storage: one file per key id in a directory, written
// atomically and verified when read.
//
// Files. The key with id X lives in <directory>/key-XXXXXXXX.psakey (eight
// lowercase hex digits), in the format of key_file_format.h: magic, format
// version, attributes in a fixed little-endian layout, the key buffer length,
// the key buffer, and a SHA-256 over all of that. A key file is only ever
// created complete (by a rename) and removed; it is never modified.
//
// Writing a key (Store):
//   1. create the directory (mode 0700) if it is missing, and fsync its
//      parent;
//   2. refuse if the key file exists (PSA_ERROR_ALREADY_EXISTS);
//   3. write the encoded file to a new temporary file in the same directory,
//      .key-XXXXXXXX.psakey.tmp-<pid>-<counter> (mode 0600), fsync it, close it;
//   4. rename it to the key file name unless that name exists
//      (RENAME_NOREPLACE, or link + unlink where the file system lacks it):
//      of two writers of one id, exactly one succeeds;
//   5. fsync the directory.
// A failure at any step removes the temporary file; a failure at step 5
// also removes the key file again (and fsyncs the directory once more), so
// that a failed Store leaves no key: the caller may retry. If the system
// crashes after a failed step 5, the key file may still reappear, but
// complete: a reader sees either no key or the whole key, never a part.
// A process killed between steps 3 and 4 leaves its temporary file (key
// material) behind; RemoveStaleTemporaryFiles, run at start-up, removes it.
// ENOSPC, EDQUOT and EFBIG give PSA_ERROR_INSUFFICIENT_STORAGE; ENOMEM
// PSA_ERROR_INSUFFICIENT_MEMORY; other errors PSA_ERROR_STORAGE_FAILURE.
//
// Concurrency. A KeyFileStore has no mutable state: calls for different ids
// may run at once, from threads or processes (temporary names are unique
// per process and call). Calls for the same id are serialised by the caller
// (the key store); even unserialised, two Stores of one id cannot both
// succeed and a reader never sees a partial file.

#ifndef PSA_CORE_STORAGE_KEY_FILE_STORE_H_
#define PSA_CORE_STORAGE_KEY_FILE_STORE_H_

#include <stddef.h>
#include <stdint.h>

#include <string>

#include "psa/core/secure_buffer.h"
#include "psa/core/storage/file_system.h"
#include "psa/crypto.h"

namespace psa::core::storage {

// Where key files live unless PSA_CRYPTO_STORAGE_DIR says otherwise.
inline constexpr char kDefaultDirectory[] = "/var/lib/psa-crypto";
inline constexpr char kDirectoryEnvironmentVariable[] = "PSA_CRYPTO_STORAGE_DIR";

// The directory of the key files: $PSA_CRYPTO_STORAGE_DIR if it is set and
// not empty, else kDefaultDirectory. Read at each call.
std::string DirectoryFromEnvironment();

// The file name of key `id` inside the directory: "key-0000002a.psakey".
std::string KeyFileName(psa_key_id_t id);

class KeyFileStore {
 public:
  // Keys in `directory` (trailing slashes are ignored; an empty name makes
  // every call fail with PSA_ERROR_STORAGE_FAILURE), accessed through `fs`,
  // which must outlive the store.
  explicit KeyFileStore(std::string directory, FileSystem& fs = RealFileSystem());

  // Writes the key atomically, as described at the top of this file.
  // PSA_ERROR_ALREADY_EXISTS if a key file for attributes.id exists (a key
  // file is never overwritten); PSA_ERROR_INVALID_ARGUMENT if the key cannot
  // be stored (see EncodeKeyFile); PSA_ERROR_INSUFFICIENT_STORAGE,
  // PSA_ERROR_STORAGE_FAILURE, PSA_ERROR_INSUFFICIENT_MEMORY, or the status
  // of the SHA-256 computation. On any failure no key file for the id has
  // been created and no temporary file remains.
  psa_status_t Store(const psa_key_attributes_t& attributes, const uint8_t* key_buffer,
                     size_t key_buffer_length);

  // Reads and verifies the file of `id`. On success *attributes holds
  // exactly the stored attributes and *key_buffer the stored key buffer.
  // PSA_ERROR_DOES_NOT_EXIST if there is no such file;
  // PSA_ERROR_DATA_CORRUPT if the file is not exactly what a Store of `id`
  // wrote (truncated, altered, wrong magic, unknown version, another key's
  // file, trailing bytes); PSA_ERROR_STORAGE_FAILURE for an I/O error;
  // PSA_ERROR_INSUFFICIENT_MEMORY; PSA_ERROR_INVALID_ARGUMENT for
  // PSA_KEY_ID_NULL. On failure *attributes is PSA_KEY_ATTRIBUTES_INIT and
  // *key_buffer is empty. Never returns a key other than the one stored.
  psa_status_t Load(psa_key_id_t id, psa_key_attributes_t* attributes, SecureBuffer* key_buffer);

  // Removes the file of `id` and fsyncs the directory.
  // PSA_ERROR_DOES_NOT_EXIST if there is none; PSA_ERROR_STORAGE_FAILURE
  // (or INSUFFICIENT_STORAGE) on an I/O error. If only the directory fsync
  // fails, the file is already gone (later Loads say DOES_NOT_EXIST) but the
  // removal may not survive a crash; the status says so.
  psa_status_t Remove(psa_key_id_t id);

  // Removes the temporary files that writers which no longer run left in
  // the directory (a process killed between creating its temporary file and
  // renaming it), so that their key material does not stay on disk. A
  // temporary file is stale when the process id in its name is not this
  // process and no process has it (kill(pid, 0) says ESRCH); files of live
  // processes, and every other file, are left alone. Meant for start-up
  // (the key store's initialisation). A missing directory is not an error.
  // On success *removed_count (if not null) is the number of files removed.
  // PSA_ERROR_STORAGE_FAILURE if the directory cannot be listed or a file
  // cannot be removed (the others are still tried).
  psa_status_t RemoveStaleTemporaryFiles(size_t* removed_count = nullptr);

  // Whether a key file for `id` is present (without reading or verifying
  // it). False also when the directory cannot be examined; Load gives a
  // status.
  bool Exists(psa_key_id_t id);

  const std::string& directory() const { return directory_; }

  // <directory>/<KeyFileName(id)>.
  std::string KeyFilePath(psa_key_id_t id) const;

 private:
  psa_status_t EnsureDirectory(const std::string& directory, int depth);
  // PSA_SUCCESS if the key directory is private to this user (see
  // FileSystem::CheckPrivateDirectory), else STORAGE_FAILURE.
  psa_status_t CheckKeyDirectory();

  std::string directory_;
  FileSystem& fs_;
};

}  // namespace psa::core::storage

#endif  // PSA_CORE_STORAGE_KEY_FILE_STORE_H_
