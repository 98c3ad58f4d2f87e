// check.h -- a tiny assertion counter for the EA harness (plain C++, test-only).
#ifndef VPT_CHECK_H
#define VPT_CHECK_H
#include <cstdio>
#include <string>

static int g_pass = 0, g_fail = 0;

#define CHECK(cond, what)                                                                 \
  do {                                                                                    \
    if (cond) { g_pass++; }                                                               \
    else { g_fail++; std::printf("FAIL %s:%d %s\n", __FILE__, __LINE__, std::string(what).c_str()); } \
  } while (0)

#define CHECK_EQ(actual, expected, what)                                                 \
  do {                                                                                    \
    auto a_ = (actual); auto e_ = (expected);                                             \
    if (a_ == e_) { g_pass++; }                                                           \
    else { g_fail++; std::printf("FAIL %s:%d %s\n", __FILE__, __LINE__, std::string(what).c_str()); \
           std::cout << "   actual:   " << a_ << "\n   expected: " << e_ << "\n"; }       \
  } while (0)

[[maybe_unused]] static int check_summary(const char *suite) {
  std::printf("%s: %d checks passed, %d failed\n", suite, g_pass, g_fail);
  return g_fail == 0 ? 0 : 1;
}

[[maybe_unused]] static std::string read_file(const std::string &path, bool *ok) {
  FILE *f = std::fopen(path.c_str(), "rb");
  if (!f) { if (ok) *ok = false; return ""; }
  std::string s; char buf[65536]; size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  std::fclose(f);
  if (ok) *ok = true;
  return s;
}
#endif
