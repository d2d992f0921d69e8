// The core's mutex: std::mutex with Abseil's thread-safety annotations, so
// that ABSL_GUARDED_BY and friends keep documenting (and, under clang,
// checking) what each lock guards.
//
// Why not absl::Mutex: Debian's Abseil is built with its debug checks on,
// so every absl::Mutex::Lock() runs deadlock detection; on the key store's
// path (two lock/unlock pairs per PSA call) that cost about 90 ns per call,
// against 9 ns with std::mutex (benchmarks/, BM_Dispatch*).

#ifndef PSA_CORE_MUTEX_H_
#define PSA_CORE_MUTEX_H_

#include <mutex>

#include "absl/base/thread_annotations.h"

namespace psa::core {

class ABSL_LOCKABLE Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() { mutex_.lock(); }
  void Unlock() ABSL_UNLOCK_FUNCTION() { mutex_.unlock(); }

 private:
  std::mutex mutex_;
};

// Holds `*mutex` for its scope.
class ABSL_SCOPED_LOCKABLE MutexLock {
 public:
  explicit MutexLock(Mutex* mutex) ABSL_EXCLUSIVE_LOCK_FUNCTION(mutex) : mutex_(mutex) { mutex_->Lock(); }
  ~MutexLock() ABSL_UNLOCK_FUNCTION() { mutex_->Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* const mutex_;
};

}  // namespace psa::core

#endif  // PSA_CORE_MUTEX_H_
