// shim.h -- just enough of MQL5 for g++ to compile the EA's pure logic (Include/*.mqh).
//
// The .mqh files are written in the subset of MQL5 that is also valid C++17: structs, enums,
// classes without pointers, fixed arrays with counts, `const T&` parameters, no STL. MQL5-only glue
// (sockets, CTrade, GlobalVariable*, Symbol*/Account* calls) sits behind `#ifdef __MQL5__` and is NOT
// compiled here. This header supplies the MQL5 types and the String*/Math* calls that the pure part uses,
// with MQL5's semantics where they differ from the C library's (noted per function).
#ifndef VPT_MQL5_SHIM_H
#define VPT_MQL5_SHIM_H

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <iostream>
#include <sys/types.h>  // glibc already defines ushort, uint, ulong exactly as MQL5 does

typedef std::string string;
typedef long long datetime;
typedef unsigned char uchar;

#define input
#define sinput
#define CP_UTF8 65001

// ---- strings (MQL5 indexes UTF-16 code units; here bytes of UTF-8: the code only looks at ASCII) ----
inline int StringLen(const string &s) { return (int)s.size(); }
inline string StringSubstr(const string &s, int start, int length = -1) {
  if (start < 0 || start >= (int)s.size()) return "";
  if (length < 0) return s.substr((size_t)start);
  return s.substr((size_t)start, (size_t)length);
}
inline ushort StringGetCharacter(const string &s, int pos) {
  if (pos < 0 || pos >= (int)s.size()) return 0;
  return (ushort)(unsigned char)s[(size_t)pos];
}
// MQL5 returns -1 when not found.
inline int StringFind(const string &s, const string &sub, int start = 0) {
  if (start < 0) start = 0;
  size_t p = s.find(sub, (size_t)start);
  return p == string::npos ? -1 : (int)p;
}
// MQL5: the character as a one-character string; here UTF-8 encoded.
inline string ShortToString(ushort c) {
  string r;
  if (c < 0x80) { r += (char)c; }
  else if (c < 0x800) { r += (char)(0xC0 | (c >> 6)); r += (char)(0x80 | (c & 0x3F)); }
  else { r += (char)(0xE0 | (c >> 12)); r += (char)(0x80 | ((c >> 6) & 0x3F)); r += (char)(0x80 | (c & 0x3F)); }
  return r;
}
inline double StringToDouble(const string &s) { return std::strtod(s.c_str(), nullptr); }
inline long StringToInteger(const string &s) { return std::strtoll(s.c_str(), nullptr, 10); }
inline string IntegerToString(long v, int width = 0, ushort fill = ' ') {
  string r = std::to_string(v);
  while ((int)r.size() < width) r = string(1, (char)fill) + r;
  return r;
}
// MQL5 DoubleToString(value, digits): fixed notation, digits 0..16 (default 8).
inline string DoubleToString(double v, int digits = 8) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return string(buf);
}
inline int StringCompare(const string &a, const string &b, bool caseSensitive = true) {
  if (caseSensitive) return a < b ? -1 : (a > b ? 1 : 0);
  string x = a, y = b;
  for (auto &c : x) c = (char)std::tolower((unsigned char)c);
  for (auto &c : y) c = (char)std::tolower((unsigned char)c);
  return x < y ? -1 : (x > y ? 1 : 0);
}
// MQL5 CharArrayToString(array, start, count, codepage): bytes -> text.
inline string CharArrayToString(const uchar *a, int start, int count, int codepage = 0) {
  (void)codepage;
  return string((const char *)a + start, (size_t)count);
}

// ---- math ----
inline double MathAbs(double v) { return std::fabs(v); }
inline double MathMax(double a, double b) { return a > b ? a : b; }
inline double MathMin(double a, double b) { return a < b ? a : b; }
inline double MathFloor(double v) { return std::floor(v); }
inline double MathCeil(double v) { return std::ceil(v); }
inline double MathRound(double v) { return std::round(v); }
inline double MathPow(double b, double e) { return std::pow(b, e); }
inline double MathSqrt(double v) { return std::sqrt(v); }
inline bool MathIsValidNumber(double v) { return std::isfinite(v); }
inline double NormalizeDouble(double v, int digits) {
  double p = std::pow(10.0, digits);
  return std::round(v * p) / p;
}

// ---- terminal ----
template <typename... A> inline void Print(const A &...a) { (std::cout << ... << a) << '\n'; }

#endif
