// ea_core_test.cpp -- the EA's per-command decisions: signal admission order (duplicate, fail-safe, link
// readiness, expiry, netting, then the governors), host close/modify through the governors, fail-safe plan.
// usage: ea_core_test <rulepacks dir>
#include "shim.h"
#include "../Include/EaCore.mqh"
#include "check.h"

static CJsonDoc g_doc;
static CRiskManager g_rm;
static CIdempotency g_keys;
static GovSnapshot g_snap;

static long T(const char *s) { long t = 0; ParseTimeText(s, t); return t; }

static VpSignal sig(const char *key) {
  VpSignal s;
  s.signalKey = key; s.symbol = "EURUSD"; s.side = SIDE_BUY; s.volume = 0.5; s.sl = 1.0831; s.tp1 = 1.0881; s.tp2 = 1.0899;
  s.expiryMsc = T("2026.03.10 10:00:05") * 1000; s.referencePrice = 1.08518; s.alpha = "a"; s.decidedOnTickMsc = 0;
  return s;
}

static void ready(CLinkState &l) {
  l.Configure(2000, 10000, 1000, 30000, 1);
  l.Start(0);
  l.OnConnected(0);
  l.OnFrame(10, true);
}

// Risk 13: the host decided at referencePrice; a fill much worse than that is not the trade it decided on.
static void test_reference_price_drift() {
  VpSignal s;
  s.side = SIDE_BUY;
  s.referencePrice = 1.10000;
  double pt = 0.00001;
  CHECK_EQ(ReferencePriceCheck(s, 1.10000, 1.10010, pt, 10), std::string(""), "buy 10 points above the reference: within 10");
  CHECK(ReferencePriceCheck(s, 1.10000, 1.10011, pt, 10).rfind("PRICE_MOVED", 0) == 0, "11 points worse: refused");
  CHECK_EQ(ReferencePriceCheck(s, 1.09900, 1.09910, pt, 10), std::string(""), "a better price is fine");
  s.side = SIDE_SELL;
  CHECK(ReferencePriceCheck(s, 1.09980, 1.09990, pt, 10).rfind("PRICE_MOVED", 0) == 0, "sell 20 points below: refused");
  s.referencePrice = 0;
  CHECK_EQ(ReferencePriceCheck(s, 1.0, 1.1, pt, 10), std::string(""), "no reference price: not checked");
  CHECK_EQ(RejectRetcodeFor("PRICE_MOVED"), 10020, "reported as price changed");
}

int main(int argc, char **argv) {
  if (argc < 2) { std::printf("usage: %s <rulepacks dir>\n", argv[0]); return 2; }
  test_reference_price_drift();
  bool ok = false;
  string err;
  g_rm.Init(100000, TZ_EET_EU_DST);
  CHECK(g_rm.ApplyPackText(read_file(std::string(argv[1]) + "/ftmo-2step.json", &ok), g_doc, err), "pack: " + err);
  std::string why;
  long now = T("2026.03.10 10:00:00");
  g_rm.OnClock(now, 100000, 100000, why);
  g_rm.FillAccount(g_snap, now, 100000, 100000);
  CLinkState link;
  ready(link);
  GovOrder o;
  GovVerdict v;
  SignalDecision d;
  VpSignal s = sig("1001-1");
  SignalToOrder(s, 1.0851, 1.08518, 0.00001, 1.0, o);
  CHECK(o.price == 1.08518 && o.tp == 1.0899, "buy order at the ask, broker TP = TP2");

  DecideSignal(s, now * 1000, link, g_keys, false, false, g_rm.m_pack, g_snap, o, d);
  CHECK(d.execute, "admitted: " + d.message);

  g_keys.Begin("1001-1");
  g_keys.Finish("1001-1", KEY_DONE, 5000001);
  DecideSignal(s, now * 1000, link, g_keys, false, false, g_rm.m_pack, g_snap, o, d);
  CHECK(!d.execute && d.message == "DUPLICATE_ORDER: signal already executed as position 5000001", "duplicate: " + d.message);
  CHECK_EQ(d.retcode, 10025, "duplicate retcode");

  VpSignal s2 = sig("1001-2");
  SignalToOrder(s2, 1.0851, 1.08518, 0.00001, 1.0, o);
  DecideSignal(s2, now * 1000 + 6000, link, g_keys, false, false, g_rm.m_pack, g_snap, o, d);
  CHECK(!d.execute && d.reason == "EXPIRED", "expired");

  CLinkState notReady;
  notReady.Configure(2000, 10000, 1000, 30000, 1);
  notReady.Start(0);
  notReady.OnConnected(0);
  DecideSignal(s2, now * 1000, notReady, g_keys, false, false, g_rm.m_pack, g_snap, o, d);
  CHECK(!d.execute && d.reason == "NOT_READY", "hello sent, no config yet");

  CLinkState failsafe;
  ready(failsafe);
  failsafe.Poll(20000);
  DecideSignal(s2, now * 1000, failsafe, g_keys, false, false, g_rm.m_pack, g_snap, o, d);
  CHECK(!d.execute && d.reason == "FAILSAFE", "fail-safe: " + d.reason);

  DecideSignal(s2, now * 1000, link, g_keys, true, true, g_rm.m_pack, g_snap, o, d);
  CHECK(!d.execute && d.reason == "NETTING_OPEN_POSITION", "netting with a position on the symbol");

  // governors: outside the sessions (06:00 server = 04:00 London)
  long early = T("2026.03.10 06:00:00");
  g_rm.FillAccount(g_snap, early, 100000, 100000);
  DecideSignal(s2, early * 1000, link, g_keys, false, false, g_rm.m_pack, g_snap, o, d);
  CHECK(!d.execute && d.reason == "OUTSIDE_SESSION" && d.message == "OUTSIDE_SESSION: EA governor (ftmo-2step)", "session veto: " + d.message);

  // governors: too much risk for the trade cap (1% of equity = 1000; 5 lots x 208 points x 1 = 1040)
  g_rm.FillAccount(g_snap, now, 100000, 100000);
  VpSignal big = sig("1001-3");
  big.volume = 5.0;
  SignalToOrder(big, 1.0851, 1.08518, 0.00001, 1.0, o);
  DecideSignal(big, now * 1000, link, g_keys, false, false, g_rm.m_pack, g_snap, o, d);
  CHECK(!d.execute && d.reason == "TRADE_RISK_CAP", "risk cap: " + d.reason);

  // engine halted: signals refused, a host close still allowed
  g_rm.HostHalt("operator");
  g_rm.FillAccount(g_snap, now, 100000, 100000);
  g_snap.positionCount = 1;
  GovPosition &p = g_snap.positions[0];
  p.ticket = 5000001; p.symbol = "EURUSD"; p.side = SIDE_BUY; p.volume = 0.5; p.openPrice = 1.0852; p.sl = 1.0831; p.tp = 1.0899;
  p.currentPrice = 1.0851; p.tickSize = 0.00001; p.tickValue = 1;
  SignalToOrder(s2, 1.0851, 1.08518, 0.00001, 1.0, o);
  DecideSignal(s2, now * 1000, link, g_keys, false, false, g_rm.m_pack, g_snap, o, d);
  CHECK(!d.execute && d.reason == "ENGINE_HALTED", "halted");
  CommandToOrder(GOV_CLOSE, 1, 7, 5000001, 0, 0, 0, o);
  CHECK(GovernorsCheck(g_rm.m_pack, g_snap, o, v), "halted: a close is allowed (" + v.reason + ")");
  CommandToOrder(GOV_MODIFY, 1, 8, 5000001, 0, 1.0853, 1.0899, o);
  CHECK(!GovernorsCheck(g_rm.m_pack, g_snap, o, v) && v.reason == "ENGINE_HALTED", "halted: a modify is refused");
  CommandToOrder(GOV_CLOSE, 1, 9, 424242, 0, 0, 0, o);
  CHECK(!GovernorsCheck(g_rm.m_pack, g_snap, o, v) && v.reason == "INVALID_ORDER", "close of an unknown ticket");
  // news: a close inside the window is refused (FTMO funded rule); the host's flatten frame bypasses governors
  g_rm.HostResume();
  g_rm.FillAccount(g_snap, now, 100000, 100000);
  g_snap.positionCount = 1;
  g_snap.newsCount = 1;
  g_snap.news[0].time = now + 60; g_snap.news[0].currency = "USD"; g_snap.news[0].impact = IMPACT_HIGH; g_snap.news[0].symbols = "";
  CommandToOrder(GOV_CLOSE, 1, 10, 5000001, 0, 0, 0, o);
  CHECK(!GovernorsCheck(g_rm.m_pack, g_snap, o, v) && v.reason == "NEWS_EMBARGO", "close within 2 min of USD news");

  // reject retcodes as PROTOCOL.md and the terminal stand-in use them
  CHECK_EQ(RejectRetcodeFor("DUPLICATE_ORDER"), 10025, "duplicate -> 10025");
  CHECK_EQ(RejectRetcodeFor("EXPIRED"), 10022, "expired -> 10022");
  CHECK_EQ(RejectRetcodeFor("ENGINE_HALTED"), 10027, "halted -> 10027");
  CHECK_EQ(RejectRetcodeFor("FAILSAFE"), 10027, "fail-safe -> 10027");
  CHECK_EQ(RejectRetcodeFor("SYMBOL"), 10013, "unknown symbol -> 10013");
  CHECK_EQ(RejectRetcodeFor("TICKET"), 10036, "ticket not open -> 10036");
  CHECK_EQ(RejectRetcodeFor("DAILY_LOSS"), 10006, "governor veto -> 10006 (request rejected)");
  CHECK_EQ(ReasonOf("DAILY_LOSS: EA governor (x)"), std::string("DAILY_LOSS"), "reason code leads the message");
  // market breaks from the weekly session table: forex Mon 00:00 .. Fri 23:55, plus a 4 h break on Wednesday
  static SymbolSessions fx;
  SymbolSessionsClear(fx);
  for (int dow = 1; dow <= 5; dow++) { fx.count[dow] = 1; fx.from[dow][0] = 0; fx.to[dow][0] = 86400; }
  fx.to[5][0] = 23 * 3600 + 55 * 60;
  fx.count[3] = 2; fx.to[3][0] = 12 * 3600; fx.from[3][1] = 16 * 3600; fx.to[3][1] = 86400;
  g_rm.HostResume();
  long wed = T("2026.03.11 11:30:00");
  g_rm.FillAccount(g_snap, wed, 100000, 100000);
  AddMarketBreaks(fx, "EURUSD", wed, g_snap);
  CHECK_EQ(g_snap.breakCount, 2, "the Wednesday break and the weekend");
  CHECK_EQ(FormatTimeText(g_snap.breaks[0].start), std::string("2026.03.11 12:00:00"), "break start");
  CHECK_EQ(FormatTimeText(g_snap.breaks[0].end), std::string("2026.03.11 16:00:00"), "break end");
  CHECK_EQ(FormatTimeText(g_snap.breaks[1].start), std::string("2026.03.13 23:55:00"), "weekend start");
  CHECK_EQ(FormatTimeText(g_snap.breaks[1].end), std::string("2026.03.16 00:00:00"), "weekend end");
  SignalToOrder(sig("1001-20"), 1.0851, 1.08518, 0.00001, 1.0, o);
  o.key = "1001-20";
  CHECK(!GovernorsCheck(g_rm.m_pack, g_snap, o, v) && v.reason == "MARKET_BREAK", "30 min before a 4 h break: " + v.reason);
  long wedEarly = T("2026.03.11 10:59:00");
  g_rm.FillAccount(g_snap, wedEarly, 100000, 100000);
  AddMarketBreaks(fx, "EURUSD", wedEarly, g_snap);
  CHECK(GovernorsCheck(g_rm.m_pack, g_snap, o, v), "61 min before: allowed (" + v.reason + ")");
  static SymbolSessions gold;   // a daily 1 h break is shorter than the pack's 2 h
  SymbolSessionsClear(gold);
  for (int dow = 1; dow <= 5; dow++) { gold.count[dow] = 2; gold.from[dow][0] = 0; gold.to[dow][0] = 23 * 3600; gold.from[dow][1] = 86400 - 1800; gold.to[dow][1] = 86400; }
  g_rm.FillAccount(g_snap, wed, 100000, 100000);
  AddMarketBreaks(gold, "XAUUSD", wed, g_snap);
  o.symbol = "XAUUSD";
  o.price = 2034.5; o.sl = 2030.0; o.tp = 2045.0; o.tickSize = 0.01; o.volume = 0.1;
  CHECK(GovernorsCheck(g_rm.m_pack, g_snap, o, v), "a 30 min daily break does not block (" + v.reason + ")");
  // the hello's copy of a schedule: a session written across midnight (Sunday 23:00 .. 01:00) becomes two
  static SymbolSessions night;
  SymbolSessionsClear(night);
  night.count[0] = 1; night.from[0][0] = 23 * 3600; night.to[0][0] = 3600;
  night.count[1] = 1; night.from[1][0] = 3600; night.to[1][0] = 86400;
  static VpSymbolSpec helloSpec;
  HelloSessions(night, helloSpec);
  CHECK_EQ(helloSpec.sessionCount, 3, "across midnight: split in two, plus Monday's");
  CHECK(helloSpec.sessionDay[0] == 0 && helloSpec.sessionFrom[0] == 23 * 3600 && helloSpec.sessionTo[0] == 86400, "Sunday to 24:00");
  CHECK(helloSpec.sessionDay[1] == 1 && helloSpec.sessionFrom[1] == 0 && helloSpec.sessionTo[1] == 3600, "Monday from 00:00");
  CHECK(helloSpec.sessionDay[2] == 1 && helloSpec.sessionFrom[2] == 3600, "Monday's own session");
  static SymbolSessions none;
  SymbolSessionsClear(none);
  g_rm.FillAccount(g_snap, wed, 100000, 100000);
  AddMarketBreaks(none, "EURUSD", wed, g_snap);
  CHECK_EQ(g_snap.breakCount, 0, "no schedule, no breaks");
  // Risk 8: an index CFD closes Friday 22:00 server, two hours before forex: it is flattened before its
  // own close, not held over the weekend; a long mid-week break flattens too, a short daily one does not
  static SymbolSessions index;
  SymbolSessionsClear(index);
  for (int dow = 1; dow <= 5; dow++) { index.count[dow] = 1; index.from[dow][0] = 3600; index.to[dow][0] = 22 * 3600; }
  long fri2150 = T("2026.03.13 21:50:00"), fri2140 = T("2026.03.13 21:40:00");
  g_rm.FillAccount(g_snap, fri2150, 100000, 100000);
  AddMarketBreaks(index, "US30", fri2150, g_snap);
  AddMarketBreaks(fx, "EURUSD", fri2150, g_snap);
  CHECK(SymbolFlattenDue(g_rm.m_pack, g_snap, "US30"), "US30 10 min before its Friday close: flatten (pack: 15 min)");
  CHECK(!SymbolFlattenDue(g_rm.m_pack, g_snap, "EURUSD"), "EURUSD trades two more hours: keep");
  g_rm.FillAccount(g_snap, fri2140, 100000, 100000);
  AddMarketBreaks(index, "US30", fri2140, g_snap);
  CHECK(!SymbolFlattenDue(g_rm.m_pack, g_snap, "US30"), "20 min before its close: not yet");
  long wedBreak = T("2026.03.11 11:50:00");
  g_rm.FillAccount(g_snap, wedBreak, 100000, 100000);
  AddMarketBreaks(fx, "EURUSD", wedBreak, g_snap);
  CHECK(SymbolFlattenDue(g_rm.m_pack, g_snap, "EURUSD"), "10 min before a 4 h break (pack: flat for breaks of 2 h+): flatten");
  g_rm.FillAccount(g_snap, T("2026.03.11 22:50:00"), 100000, 100000);
  AddMarketBreaks(gold, "XAUUSD", T("2026.03.11 22:50:00"), g_snap);
  CHECK(!SymbolFlattenDue(g_rm.m_pack, g_snap, "XAUUSD"), "before a 30 min daily break: keep");
  RulePack noWeekend = g_rm.m_pack;
  noWeekend.weekendFlat = false;
  noWeekend.marketBreakFlatMinHours = 0;
  g_rm.FillAccount(g_snap, fri2150, 100000, 100000);
  AddMarketBreaks(index, "US30", fri2150, g_snap);
  CHECK(!SymbolFlattenDue(noWeekend, g_snap, "US30"), "a pack without weekend or break rules: keep");
  CHECK(FailsafeClosesPosition(FAILSAFE_FLATTEN, 1.08), "flatten mode closes everything");
  CHECK(!FailsafeClosesPosition(FAILSAFE_HOLD, 1.08), "hold mode keeps a position with a stop");
  CHECK(FailsafeClosesPosition(FAILSAFE_HOLD, 0), "hold mode closes a position without a stop");
  return check_summary("ea_core_test");
}
