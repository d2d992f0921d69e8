// The code path choice: SHA_X86_PATH values on CPUs with and without SHA-NI,
// the CPUID answer against /proc/cpuinfo, and the test hooks.

#include "drivers/sha_x86/code_path.h"

#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace drivers::sha_x86 {
namespace {

TEST(CodePathFromEnvironment, UnsetOrAutoTakesTheBestTheCpuHas) {
  EXPECT_EQ(CodePathFromEnvironment(std::nullopt, true), CodePath::kShaNi);
  EXPECT_EQ(CodePathFromEnvironment("auto", true), CodePath::kShaNi);
  EXPECT_EQ(CodePathFromEnvironment(std::nullopt, false), CodePath::kNone);
  EXPECT_EQ(CodePathFromEnvironment("auto", false), CodePath::kNone);
}

TEST(CodePathFromEnvironment, ShaNiOnlyWhereTheCpuHasIt) {
  EXPECT_EQ(CodePathFromEnvironment("sha_ni", true), CodePath::kShaNi);
  EXPECT_EQ(CodePathFromEnvironment("sha_ni", false), CodePath::kNone);
}

TEST(CodePathFromEnvironment, NoneAndUnknownValuesDecline) {
  EXPECT_EQ(CodePathFromEnvironment("none", true), CodePath::kNone);
  EXPECT_EQ(CodePathFromEnvironment("shani", true), CodePath::kNone);
  EXPECT_EQ(CodePathFromEnvironment("", true), CodePath::kNone);
}

// The kernel's view of the CPU agrees with the driver's CPUID query.
TEST(CpuHasShaNi, AgreesWithProcCpuinfo) {
  std::ifstream cpuinfo("/proc/cpuinfo");
  if (!cpuinfo) GTEST_SKIP() << "no /proc/cpuinfo";
  std::string line;
  bool flags_seen = false, sha_ni = false, ssse3 = false, sse4_1 = false;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("flags", 0) != 0) continue;
    flags_seen = true;
    std::istringstream words(line);
    std::string word;
    while (words >> word) {
      sha_ni |= word == "sha_ni";
      ssse3 |= word == "ssse3";
      sse4_1 |= word == "sse4_1";
    }
    break;
  }
  if (!flags_seen) GTEST_SKIP() << "no flags line in /proc/cpuinfo";
  EXPECT_EQ(CpuHasShaNi(), sha_ni && ssse3 && sse4_1);
}

TEST(SetCodePathForTesting, ForcesEachPathTheCpuHas) {
  ASSERT_TRUE(SetCodePathForTesting(CodePath::kNone));
  EXPECT_EQ(ActiveCodePath(), CodePath::kNone);
  EXPECT_EQ(SetCodePathForTesting(CodePath::kShaNi), CpuHasShaNi());
  EXPECT_EQ(ActiveCodePath(), CpuHasShaNi() ? CodePath::kShaNi : CodePath::kNone);
  ResetCodePathForTesting();
}

TEST(ActiveCodePath, FollowsTheEnvironmentWithoutAnOverride) {
  ResetCodePathForTesting();
  const char* value = std::getenv("SHA_X86_PATH");
  EXPECT_EQ(ActiveCodePath(),
            CodePathFromEnvironment(value == nullptr ? std::nullopt
                                                     : std::optional<std::string_view>(value),
                                    CpuHasShaNi()));
}

TEST(CodePathName, NamesEveryPath) {
  EXPECT_STREQ(CodePathName(CodePath::kNone), "none");
  EXPECT_STREQ(CodePathName(CodePath::kShaNi), "sha_ni");
}

}  // namespace
}  // namespace drivers::sha_x86
