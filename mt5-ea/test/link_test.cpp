// link_test.cpp -- line assembly (split reads, CRLF, over-long lines), link state machine on a fake
// millisecond clock: hello on every connect, READY only after config, heartbeats, silence, fail-safe
// once per outage and cleared only by reconnect + config, capped backoff with jitter.
#include "shim.h"
#include "../Include/Link.mqh"
#include "check.h"
#include <vector>

static CLineAssembler g_rx;

static std::vector<std::string> feed(const std::string &bytes, int *tooLong = nullptr) {
  std::vector<std::string> lines;
  for (unsigned char b : bytes) {
    int ev = g_rx.Push(b);
    if (ev == LINE_READY) { lines.push_back(CharArrayToString(g_rx.m_buf, 0, g_rx.Length(), CP_UTF8)); g_rx.Consumed(); }
    if (ev == LINE_TOO_LONG && tooLong) (*tooLong)++;
  }
  return lines;
}

static void test_line_assembly() {
  g_rx.Reset();
  auto l = feed("{\"a\":1}\n{\"b\"");
  CHECK(l.size() == 1 && l[0] == "{\"a\":1}", "one complete line");
  l = feed(":2}\r\n");
  CHECK(l.size() == 1 && l[0] == "{\"b\":2}", "line completed by the next read, CR dropped");
  l = feed("\n");
  CHECK(l.size() == 1 && l[0].empty(), "empty line reported (the caller skips it)");
  l = feed("caf\xc3\xa9\n");
  CHECK(l.size() == 1 && l[0] == "caf\xc3\xa9", "UTF-8 bytes kept whole across the line");
  int tooLong = 0;
  std::string big(LINK_MAX_LINE + 10, 'x');
  l = feed(big + "\n{\"ok\":1}\n", &tooLong);
  CHECK(tooLong == 1 && l.size() == 1 && l[0] == "{\"ok\":1}", "an over-long line is dropped, the next one survives");
  std::string exact(LINK_MAX_LINE, 'y');
  l = feed(exact + "\n");
  CHECK(l.size() == 1 && (int)l[0].size() == LINK_MAX_LINE, "a line of exactly the limit is accepted");
}

static void test_backoff() {
  CHECK_EQ(BackoffMs(0, 1000, 30000, 7), 0L, "no failure, no wait");
  long prev = 0;
  for (int f = 1; f <= 12; f++) {
    long d = BackoffMs(f, 1000, 30000, 7);
    long base = std::min(30000L, 1000L << std::min(f - 1, 20));
    CHECK(d >= base && d <= base + base / 4, "failure " + std::to_string(f) + ": base..base+25%, got " + std::to_string(d));
    CHECK(d >= prev || base == 30000, "non-decreasing until the cap");
    prev = d;
  }
  CHECK(BackoffMs(3, 1000, 30000, 1) != BackoffMs(3, 1000, 30000, 2), "different terminals get different jitter");
  CHECK(BackoffMs(40, 1000, 30000, 123456789012345LL) <= 37500, "huge seed and failure count stay capped");
}

static void test_state_machine_and_failsafe() {
  CLinkState st;
  st.Configure(2000, 10000, 1000, 30000, 5);
  long t = 1000000;
  st.Start(t);
  CHECK(st.ShouldConnect(t), "connect at once");
  st.OnConnected(t);
  CHECK_EQ(st.NextSeq(), 1L, "hello is seq 1");
  CHECK(!st.CanTrade(), "no trading before config");
  st.OnFrame(t + 100, false);   // a gateway heartbeat (seq 0)
  CHECK(!st.CanTrade(), "a gateway heartbeat is not reconciliation");
  st.OnFrame(t + 300, true);
  CHECK(st.CanTrade(), "first host command after hello (config): ready");
  CHECK(!st.HeartbeatDue(t + 1999), "no heartbeat before 2 s");
  CHECK(st.HeartbeatDue(t + 2000), "heartbeat due after 2 s of not sending");
  st.OnSent(t + 2000);
  CHECK_EQ(st.NextSeq(), 2L, "seq increases");
  // the gateway goes silent
  for (long now = t + 300; now <= t + 10300; now += 20) CHECK_EQ(st.Poll(now), (int)LINK_EV_NONE, "silent but within 10 s");
  CHECK(!st.IsSilent(t + 10300), "exactly 10 s: not yet silent");
  CHECK(st.IsSilent(t + 10301), "silent after 10 s");
  CHECK_EQ(st.Poll(t + 10301), (int)LINK_EV_FAILSAFE, "fail-safe fires");
  CHECK_EQ(st.Poll(t + 10321), (int)LINK_EV_NONE, "fail-safe fires once per outage");
  CHECK(!st.CanTrade(), "no new orders in fail-safe");
  st.OnDisconnected(t + 10301);
  CHECK(!st.ShouldConnect(t + 10301), "backoff before reconnecting");
  long next = st.m_nextAttemptMs;
  CHECK(next - (t + 10301) >= 1000 && next - (t + 10301) <= 1250, "first backoff ~1 s");
  st.OnConnected(next);
  CHECK_EQ(st.NextSeq(), 1L, "seq restarts at 1 on a new connection (hello again)");
  st.OnFrame(next + 50, false);
  CHECK(!st.CanTrade(), "reconnected but not reconciled: still no orders");
  CHECK(st.FailsafeActive(), "fail-safe still active");
  st.OnFrame(next + 80, true);
  CHECK(st.CanTrade() && !st.FailsafeActive(), "config after the new hello: fail-safe cleared");
  // repeated failures back off harder, capped
  st.OnDisconnected(next + 1000);
  long prevGap = 0;
  long now = next + 1000;
  for (int i = 0; i < 8; i++) {
    now = st.m_nextAttemptMs;
    CHECK(st.ShouldConnect(now), "attempt when due");
    st.OnConnectFailed(now);
    long gap = st.m_nextAttemptMs - now;
    CHECK(gap >= prevGap || gap >= 30000, "backoff grows");
    CHECK(gap <= 37500, "backoff capped at 30 s + jitter");
    prevGap = gap;
  }
  // gateway heartbeats are life (PROTOCOL.md 3.5) but not reconciliation
  CLinkState s2;
  s2.Configure(2000, 10000, 1000, 30000, 9);
  s2.Start(0);
  s2.OnConnected(10);
  for (long ms = 10; ms <= 30010; ms += 2000) {
    s2.OnFrame(ms, false);
    CHECK_EQ(s2.Poll(ms + 1), (int)LINK_EV_NONE, "gateway heartbeats keep the link alive");
  }
  CHECK(!s2.CanTrade(), "but no orders before the host answers the hello");
  CHECK(!s2.IsSilent(30011), "not silent");
  // an EA started with the gateway down reaches the fail-safe after the timeout
  CLinkState s3;
  s3.Configure(2000, 10000, 1000, 30000, 9);
  s3.Start(0);
  s3.OnConnectFailed(0);
  CHECK_EQ(s3.Poll(9999), (int)LINK_EV_NONE, "gateway down, before the timeout");
  CHECK_EQ(s3.Poll(10001), (int)LINK_EV_FAILSAFE, "gateway down, after the timeout");
}

int main() {
  test_line_assembly();
  test_backoff();
  test_state_machine_and_failsafe();
  return check_summary("link_test");
}
