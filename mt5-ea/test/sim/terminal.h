// terminal.h -- an MQL5 terminal simulation for g++: enough of the terminal and its trade server to
// compile and run QuantSupraAI.mq5 with all its includes (test-only C++, never shipped with the EA).
// Included after ../shim.h. One terminal per process, state in `Sim()`:
//   - sockets are real POSIX TCP sockets (SocketTls* refuse: no TLS here);
//   - the trade server fills market deals at the current bid/ask, on a hedging or a netting account,
//     keeps positions, orders, deals and history, and queues OnTradeTransaction events (DEAL_ADD) that the
//     driver delivers after the request returns, as the terminal does;
//   - symbols, ticks and M1 bars come from the driver (a tick file); server time is the last tick's time;
//   - GlobalVariable* live in memory; the economic calendar has no events.
#ifndef VPT_SIM_TERMINAL_H
#define VPT_SIM_TERMINAL_H

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <cstdarg>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

// ---- MQL5 dynamic arrays: `T x[]` is rewritten to `MqlArray<T> x` by sim/translate.pl ----
template <typename T> struct MqlArray {
  std::vector<T> v;
  T &operator[](int i) { return v.at((size_t)i); }
  const T &operator[](int i) const { return v.at((size_t)i); }
};
template <typename T> int ArraySize(const MqlArray<T> &a) { return (int)a.v.size(); }
template <typename T, size_t N> int ArraySize(const T (&)[N]) { return (int)N; }
template <typename T> int ArrayResize(MqlArray<T> &a, int n, int reserve = 0) {
  (void)reserve;
  a.v.resize((size_t)(n < 0 ? 0 : n));
  return (int)a.v.size();
}
template <typename T, typename V> void ArrayInitialize(MqlArray<T> &a, V value) {
  for (auto &x : a.v) x = (T)value;
}

#define WHOLE_ARRAY -1
#define INVALID_HANDLE -1
#define EMPTY_VALUE 1.7976931348623157e308
enum { INIT_SUCCEEDED = 0, INIT_FAILED = 1, INIT_PARAMETERS_INCORRECT = 32767 };

// ---- the terminal's last error ----
struct SimErr { int last = 0; };
inline SimErr &SimError() { static SimErr e; return e; }
inline int GetLastError() { return SimError().last; }
inline void ResetLastError() { SimError().last = 0; }
inline void SetSimError(int e) { SimError().last = e; }
#define ERR_SIM_SOCKET 5270     // ERR_NETSOCKET_INVALIDHANDLE family
#define ERR_SIM_TLS 5274        // ERR_NETSOCKET_HANDSHAKE_FAILED

// ---- strings beyond shim.h ----
inline int StringSplit(const string &s, ushort sep, MqlArray<string> &out) {
  out.v.clear();
  string cur;
  for (char c : s) {
    if ((ushort)(unsigned char)c == sep) { out.v.push_back(cur); cur.clear(); }
    else cur += c;
  }
  out.v.push_back(cur);
  return (int)out.v.size();
}
inline int StringTrimLeft(string &s) {
  size_t i = 0;
  while (i < s.size() && std::isspace((unsigned char)s[i])) i++;
  s.erase(0, i);
  return (int)i;
}
inline int StringTrimRight(string &s) {
  size_t n = 0;
  while (!s.empty() && std::isspace((unsigned char)s.back())) { s.pop_back(); n++; }
  return (int)n;
}
// MQL5 StringToCharArray: copies the text and its terminating NUL; returns the count copied.
inline int StringToCharArray(const string &s, MqlArray<uchar> &a, int start = 0, int count = WHOLE_ARRAY, int codepage = 0) {
  (void)codepage;
  size_t n = (count < 0) ? s.size() + 1 : (size_t)count;
  if (n > s.size() + 1) n = s.size() + 1;
  a.v.resize((size_t)start + n);
  for (size_t i = 0; i < n; i++) a.v[(size_t)start + i] = (i < s.size()) ? (uchar)s[i] : 0;
  return (int)n;
}
inline string CharArrayToString(const MqlArray<uchar> &a, int start, int count, int codepage = 0) {
  return CharArrayToString(a.v.data(), start, count, codepage);
}
inline string TimeToString(datetime t, int = 0) {
  char buf[32];
  time_t tt = (time_t)t;
  struct tm g;
  gmtime_r(&tt, &g);
  std::strftime(buf, sizeof buf, "%Y.%m.%d %H:%M", &g);
  return buf;
}

// PrintFormat: MQL5's printf, with strings passed as strings and %I64d for 64-bit integers
inline const char *SimFmtArg(const string &s) { return s.c_str(); }
template <typename T> inline T SimFmtArg(const T &v) { return v; }
inline string SimFmt(const string &f) {
  string r = f;
  for (size_t p; (p = r.find("I64")) != string::npos;) r.replace(p, 3, "ll");
  return r;
}
template <typename... A> inline string SimFormat(const string &fmt, const A &...a) {
  char buf[4096];
  std::snprintf(buf, sizeof buf, SimFmt(fmt).c_str(), SimFmtArg(a)...);
  return buf;
}
template <typename... A> inline void PrintFormat(const string &fmt, const A &...a) { std::cout << SimFormat(fmt, a...) << '\n'; }
template <typename... A> inline string StringFormat(const string &fmt, const A &...a) { return SimFormat(fmt, a...); }
// the chart comment: kept, not printed (the driver can show it)
struct SimChart { string comment; };
inline SimChart &Chart() { static SimChart c; return c; }
template <typename... A> inline void Comment(const A &...a) {
  std::ostringstream o;
  (o << ... << a);
  Chart().comment = o.str();
}
template <typename T> inline void ZeroMemory(T &v) { v = T(); }

// ---- clocks: the local machine's (real, the sockets are real) and the server's (from the ticks) ----
inline ulong GetTickCount64() {
  return (ulong)std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
inline uint GetTickCount() { return (uint)GetTickCount64(); }
inline void Sleep(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

#include "enums.h"
#include "server.h"
#include "api.h"
#include "sockets.h"

#endif
