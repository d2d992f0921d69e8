// The outcome of each vector and the per-file counts the symmetric suites
// print: vectors, run, passed, failed, skipped with the reason of each skip.

#ifndef TESTS_VECTORS_VECTOR_REPORT_H_
#define TESTS_VECTORS_VECTOR_REPORT_H_

#include <stddef.h>

#include <map>
#include <string>
#include <vector>

namespace tests::vectors {

// The outcome of one vector (or of one form of it, e.g. one DES key size).
struct Verdict {
  enum Kind { kPass, kFail, kSkip };
  Kind kind = kFail;
  // Fail: what went wrong. Skip: the reason. Pass: "" or a note on how it
  // passed (e.g. which call rejected a forbidden parameter, and with what).
  std::string detail;

  static Verdict Pass(std::string note = "") { return {kPass, std::move(note)}; }
  static Verdict Fail(std::string what) { return {kFail, std::move(what)}; }
  static Verdict Skip(std::string reason) { return {kSkip, std::move(reason)}; }
};

// The verdict of a vector tried in several forms: the first failure if one
// fails; else a pass if one passes (noting the skipped forms); else the first
// skip. No forms is a failure.
Verdict Combine(const std::vector<Verdict>& forms);

// The counts of one file.
class FileTally {
 public:
  explicit FileTally(std::string file) : file_(std::move(file)) {}

  // Counts `verdict` for the vector named `vector` (e.g. "tcId 12").
  void Add(const std::string& vector, const Verdict& verdict);

  size_t vectors() const { return passed_ + failed_ + skipped_; }
  size_t run() const { return passed_ + failed_; }
  size_t passed() const { return passed_; }
  size_t failed() const { return failed_; }
  size_t skipped() const { return skipped_; }

  // "<vector>: <detail>" of every failure, in order.
  const std::vector<std::string>& failures() const { return failures_; }

  // "<file>: N vectors, N run, N passed, N failed, N skipped", then one
  // indented line per distinct skip reason and pass note with its count.
  std::string Summary() const;

 private:
  std::string file_;
  size_t passed_ = 0;
  size_t failed_ = 0;
  size_t skipped_ = 0;
  std::vector<std::string> failures_;
  std::map<std::string, size_t> skip_reasons_;
  std::map<std::string, size_t> pass_notes_;
};

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_VECTOR_REPORT_H_
