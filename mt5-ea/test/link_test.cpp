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
  // Risk 4: before the host answers the hello, gateway heartbeats are not life: a hello the host never
  // answers (refused, lost) must not keep the EA waiting forever, out of its fail-safe
  CLinkState s2;
  s2.Configure(2000, 10000, 1000, 30000, 9);
  s2.Start(0);
  s2.OnConnected(10);
  for (long ms = 10; ms <= 10010; ms += 2000) {
    s2.OnFrame(ms, false);
    CHECK(!s2.HelloOverdue(ms), "hello answered within the silence timeout: still waiting");
  }
  CHECK(s2.HelloOverdue(10011), "no host answer 10 s after hello: overdue, reconnect");
  CHECK_EQ(s2.Poll(10011), (int)LINK_EV_FAILSAFE, "and the fail-safe fires despite gateway heartbeats");
  CHECK(!s2.CanTrade(), "no orders before the host answers the hello");
  // an EA started with the gateway down reaches the fail-safe after the timeout
  CLinkState s3;
  s3.Configure(2000, 10000, 1000, 30000, 9);
  s3.Start(0);
  s3.OnConnectFailed(0);
  CHECK_EQ(s3.Poll(9999), (int)LINK_EV_NONE, "gateway down, before the timeout");
  CHECK_EQ(s3.Poll(10001), (int)LINK_EV_FAILSAFE, "gateway down, after the timeout");
}

// PROTOCOL.md 3.5: the host heartbeats through the stream; once READY only host frames prove the host is
// alive. The gateway's own heartbeats would keep a hung host (gateway fine, account loop stuck) looking alive.
static void test_hung_host_behind_a_live_gateway() {
  CLinkState st;
  st.Configure(2000, 10000, 1000, 30000, 3);
  st.Start(0);
  st.OnConnected(0);
  st.NextSeq();
  st.OnFrame(100, true);   // config
  CHECK(st.CanTrade(), "ready");
  for (long ms = 2100; ms <= 20100; ms += 2000) {
    st.OnFrame(ms, true);   // host heartbeats
    CHECK(!st.HostSilent(ms) && st.Poll(ms) == LINK_EV_NONE, "host heartbeats: alive");
  }
  for (long ms = 22100; ms <= 30100; ms += 2000) st.OnFrame(ms, false);   // only the gateway's now
  CHECK(!st.HostSilent(30100), "10 s after the last host frame: not yet");
  CHECK(!st.IsSilent(30200), "the gateway is not silent");
  CHECK(st.HostSilent(30101), "more than 10 s without a host frame: the host is hung");
  CHECK_EQ(st.Poll(30101), (int)LINK_EV_FAILSAFE, "fail-safe despite the gateway's heartbeats");
  CHECK(!st.CanTrade(), "no new orders");
}

// Risk 4: a refused hello is an outcome of its own: logged, shown, long backoff, never mistaken for life.
static void test_refused_hello() {
  CLinkState st;
  st.Configure(2000, 10000, 1000, 30000, 5);
  st.Start(0);
  st.OnConnected(0);
  CHECK_EQ(st.NextSeq(), 1L, "hello is seq 1");
  CHECK(!st.OnError("bad_value", 7, "tick: ask below bid"), "an error about another frame: not a refusal");
  CHECK(st.OnError("bad_value", 1, "hello: EURUSD tickValue must be > 0"), "the hello itself answered with bad_value: refused");
  CHECK(st.Refused(), "refused");
  CHECK(StringFind(st.StatusText(100), "REFUSED") >= 0 && StringFind(st.StatusText(100), "tickValue") >= 0,
        "status for the chart says refused and why: " + st.StatusText(100));
  st.OnDisconnected(100);
  long gap = st.m_nextAttemptMs - 100;
  CHECK(gap >= 60000, "a refusal waits at least a minute before the same hello again: " + std::to_string(gap));
  st.OnConnected(st.m_nextAttemptMs);
  st.NextSeq();
  CHECK(st.OnError("auth", 1, "token rejected"), "auth: refused");
  st.OnDisconnected(st.m_nextAttemptMs + 10);
  CHECK(st.m_nextAttemptMs - (st.m_lastRxMs) >= 60000, "refusals back off");
  long now = st.m_nextAttemptMs;
  st.OnConnected(now);
  st.NextSeq();
  CHECK(st.OnError("refused", 0, "EURUSD: tick value 0"), "the host's refusal: refused");
  st.OnDisconnected(now + 5);
  long gap3 = st.m_nextAttemptMs - (now + 5);
  CHECK(gap3 >= 120000 && gap3 <= 750000, "grows, capped at 10 min: " + std::to_string(gap3));
  now = st.m_nextAttemptMs;
  st.OnConnected(now);
  st.NextSeq();
  CHECK(!st.OnError("host_unavailable", 0, "host down"), "host down is an outage, not a refusal");
  CHECK(st.Refused(), "the last refusal still shown until the host answers");
  st.OnConnected(now + 1000);
  st.NextSeq();
  st.OnFrame(now + 1100, true);
  CHECK(!st.Refused() && st.CanTrade(), "the host answered: refusal cleared, ready");
  CHECK(StringFind(st.StatusText(now + 1100), "READY") >= 0, "status READY");
}

int main() {
  test_line_assembly();
  test_backoff();
  test_state_machine_and_failsafe();
  test_refused_hello();
  test_hung_host_behind_a_live_gateway();
  return check_summary("link_test");
}
