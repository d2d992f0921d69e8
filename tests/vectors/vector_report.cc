#include "tests/vectors/vector_report.h"

#include <sstream>

namespace tests::vectors {

Verdict Combine(const std::vector<Verdict>& forms) {
  if (forms.empty()) return Verdict::Fail("no form of the vector was tried");
  for (const Verdict& form : forms) {
    if (form.kind == Verdict::kFail) return form;
  }
  std::string notes;
  bool passed = false;
  for (const Verdict& form : forms) {
    if (form.kind == Verdict::kPass) passed = true;
    const std::string note =
        form.kind == Verdict::kSkip ? "a form skipped: " + form.detail : form.detail;
    if (note.empty() || notes.find(note) != std::string::npos) continue;
    if (!notes.empty()) notes += "; ";
    notes += note;
  }
  if (passed) return Verdict::Pass(notes);
  return forms.front();
}

void FileTally::Add(const std::string& vector, const Verdict& verdict) {
  switch (verdict.kind) {
    case Verdict::kPass:
      ++passed_;
      if (!verdict.detail.empty()) ++pass_notes_[verdict.detail];
      break;
    case Verdict::kFail:
      ++failed_;
      failures_.push_back(vector + ": " + verdict.detail);
      break;
    case Verdict::kSkip:
      ++skipped_;
      ++skip_reasons_[verdict.detail.empty() ? "(no reason given)" : verdict.detail];
      break;
  }
}

std::string FileTally::Summary() const {
  std::ostringstream out;
  out << file_ << ": " << vectors() << " vectors, " << run() << " run, " << passed_
      << " passed, " << failed_ << " failed, " << skipped_ << " skipped";
  for (const auto& [reason, count] : skip_reasons_) {
    out << "\n    skipped " << count << ": " << reason;
  }
  for (const auto& [note, count] : pass_notes_) {
    out << "\n    passed " << count << ": " << note;
  }
  return out.str();
}

}  // namespace tests::vectors
