// trade_engine_test.cpp -- retcode policy, idempotency, rounding, stops/freeze levels, signal admission,
// TP1 partial close + break-even/trailing, fill reasons.
#include "shim.h"
#include "../Include/Governors.mqh"   // SIDE_* enum
#include "../Include/TradeEngine.mqh"
#include "../Include/FillLedger.mqh"
#include "check.h"

static CIdempotency g_keys;

static void test_retcode_policy_matches_facts() {
  struct R { int rc; int cls; const char *name; } table[] = {
    {10009, RCA_DONE, "DONE"}, {10008, RCA_DONE, "PLACED"}, {10010, RCA_PARTIAL, "DONE_PARTIAL"},
    {10004, RCA_RETRY, "REQUOTE"}, {10020, RCA_RETRY, "PRICE_CHANGED"}, {10021, RCA_RETRY, "PRICE_OFF"},
    {10012, RCA_RECONCILE, "TIMEOUT"}, {10031, RCA_RECONCILE, "CONNECTION"},
    {10019, RCA_FAIL, "NO_MONEY"}, {10016, RCA_FAIL, "INVALID_STOPS"}, {10018, RCA_FAIL, "MARKET_CLOSED"},
    {10030, RCA_FAIL, "INVALID_FILL"}, {10027, RCA_FAIL, "CLIENT_DISABLES_AT"}, {10029, RCA_FAIL, "FROZEN"},
    {10006, RCA_FAIL, "REJECT"}, {10014, RCA_FAIL, "INVALID_VOLUME"}, {10024, RCA_FAIL, "TOO_MANY_REQUESTS"},
    {0, RCA_FAIL, "no answer"}, {12345, RCA_FAIL, "unknown"}};
  for (const R &r : table) CHECK_EQ(RetcodeClass(r.rc), r.cls, std::string("class of ") + r.name);
  // retries are bounded
  CHECK_EQ(RetcodeNextStep(RC_REQUOTE, 1, 3), (int)RCA_RETRY, "requote, attempt 1 of 3: retry");
  CHECK_EQ(RetcodeNextStep(RC_PRICE_CHANGED, 2, 3), (int)RCA_RETRY, "price changed, attempt 2 of 3: retry");
  CHECK_EQ(RetcodeNextStep(RC_PRICE_OFF, 3, 3), (int)RCA_FAIL, "price off, attempt 3 of 3: give up");
  CHECK_EQ(RetcodeNextStep(RC_NO_MONEY, 1, 3), (int)RCA_FAIL, "no money: never retried");
  // timeouts reconcile first; resend only if the order is not found and attempts remain
  CHECK_EQ(RetcodeNextStep(RC_TIMEOUT, 1, 3), (int)RCA_RECONCILE, "timeout: reconcile");
  CHECK_EQ(RetcodeNextStep(RC_CONNECTION, 3, 3), (int)RCA_RECONCILE, "connection, last attempt: still reconcile");
  CHECK_EQ(ReconcileOutcome(true, false, 1, 3), (int)RCA_DONE, "found after timeout: done, no resend");
  CHECK_EQ(ReconcileOutcome(false, false, 1, 3), (int)RCA_RETRY, "not found, attempts left: resend");
  CHECK_EQ(ReconcileOutcome(false, false, 3, 3), (int)RCA_FAIL, "not found, no attempts left: fail");
  // simulate the loop: how many requests does each answer sequence send?
  struct Seq { int rcs[4]; int n; int sends; int final_; const char *what; } seqs[] = {
    {{10004, 10004, 10009, 0}, 3, 3, RCA_DONE, "requote twice then done"},
    {{10004, 10004, 10004, 10009}, 4, 3, RCA_FAIL, "requote three times: stop at 3"},
    {{10019, 10009, 0, 0}, 2, 1, RCA_FAIL, "no money: one request"},
    {{10012, 0, 0, 0}, 1, 1, RCA_DONE, "timeout but the position exists: one request"},
  };
  for (const Seq &s : seqs) {
    int sends = 0, final_ = RCA_FAIL;
    bool foundAfterTimeout = std::string(s.what).find("exists") != std::string::npos;
    for (int attempt = 1; attempt <= 3 && sends < s.n; attempt++) {
      int rc = s.rcs[sends++];
      int step = RetcodeNextStep(rc, attempt, 3);
      if (step == RCA_DONE || step == RCA_PARTIAL) { final_ = RCA_DONE; break; }
      if (step == RCA_FAIL) { final_ = RCA_FAIL; break; }
      if (step == RCA_RECONCILE) {
        int r = ReconcileOutcome(foundAfterTimeout, false, attempt, 3);
        if (r != RCA_RETRY) { final_ = r; break; }
      }
    }
    CHECK_EQ(sends, s.sends, std::string(s.what) + ": requests sent");
    CHECK_EQ(final_, s.final_, std::string(s.what) + ": outcome");
  }
}

// Risk 6: after a timeout the order may still be in flight at the trade server (no deal, no position yet):
// a resend then doubles the position. An order in flight is an outcome, never a reason to resend.
static void test_order_in_flight_after_timeout_is_never_resent() {
  CHECK_EQ(ReconcileOutcome(false, true, 1, 3), (int)RCA_DONE, "order in flight, attempts left: wait for its fill, no resend");
  CHECK_EQ(ReconcileOutcome(false, true, 3, 3), (int)RCA_DONE, "order in flight, last attempt: still not a failure");
}

// Risk 3: CTrade::PositionClosePartial works on hedging accounts only; on netting it returns false without
// sending and ResultRetcode() still holds the previous request's answer (e.g. "done").
static void test_netting_partial_close_route_and_stale_retcode() {
  CHECK_EQ(CloseRoute(false, true), (int)ROUTE_CTRADE_PARTIAL, "hedging partial: CTrade::PositionClosePartial(ticket)");
  CHECK_EQ(CloseRoute(true, true), (int)ROUTE_OPPOSITE_DEAL, "netting partial: an opposite deal on the position");
  CHECK_EQ(CloseRoute(true, false), (int)ROUTE_CTRADE_CLOSE, "netting full close: CTrade::PositionClose(ticket) works");
  CHECK_EQ(CloseRoute(false, false), (int)ROUTE_CTRADE_CLOSE, "hedging full close");
  CHECK_EQ(RequestOutcome(false, RC_DONE), (int)RC_NOT_SENT, "not sent + stale 'done': not sent, never done");
  CHECK_EQ(RequestOutcome(false, RC_DONE_PARTIAL), (int)RC_NOT_SENT, "not sent + stale 'partial': not sent");
  CHECK_EQ(RequestOutcome(false, 0), (int)RC_NOT_SENT, "not sent, no retcode");
  CHECK_EQ(RequestOutcome(false, RC_NO_MONEY), (int)RC_NO_MONEY, "refused by the server: its reason");
  CHECK_EQ(RequestOutcome(true, RC_DONE), (int)RC_DONE, "sent and done");
  CHECK_EQ(RetcodeClass(RC_NOT_SENT), (int)RCA_FAIL, "not sent is final: reported, never taken as done");
}

// Risk 9: a close of less than the minimum lot must not turn into a close of the whole position.
static void test_partial_close_below_minimum_is_refused() {
  double v = -1;
  string why;
  CHECK_EQ(CloseVolumePlan(0.005, 1.0, 0.01, 0.01, v, why), (int)CLOSE_REFUSED, "0.005 of 1.0 lots (min 0.01): refused");
  CHECK(StringFind(why, "minimum") >= 0, "says why: " + why);
  CHECK_EQ(CloseVolumePlan(0.0, 1.0, 0.01, 0.01, v, why), (int)CLOSE_FULL, "volume 0: close all");
  CHECK_EQ(CloseVolumePlan(1.0, 1.0, 0.01, 0.01, v, why), (int)CLOSE_FULL, "the whole volume: close all");
  CHECK_EQ(CloseVolumePlan(2.0, 1.0, 0.01, 0.01, v, why), (int)CLOSE_FULL, "more than the position: close all");
  CHECK_EQ(CloseVolumePlan(0.257, 1.0, 0.01, 0.01, v, why), (int)CLOSE_PARTIAL, "0.257: partial");
  CHECK_EQ(v, 0.25, "rounded down to the step");
  CHECK_EQ(CloseVolumePlan(0.995, 1.0, 0.01, 0.01, v, why), (int)CLOSE_PARTIAL, "0.995 of 1.0 leaves 0.01: partial 0.99");
  CHECK_EQ(CloseVolumePlan(0.95, 1.0, 0.1, 0.1, v, why), (int)CLOSE_PARTIAL, "step 0.1: 0.95 asked");
  CHECK(std::fabs(v - 0.9) < 1e-12, "0.9 closed, never more than asked");
}

// Risk 10: fills that happen while the link is down are replayed from history on reconnect, each deal once;
// the watermark survives a restart (persisted), and deals older than it are never resent.
static CFillLedger g_ledger;
static void test_missed_fills_replayed_once_by_deal_ticket() {
  g_ledger.Init(1000000);                        // the EA starts: nothing before now is ours to replay
  CHECK(!g_ledger.NeedsReplay(7, 999999), "a deal before the start is history, not a missed fill");
  g_ledger.OnDelivered(10, 1000100);            // delivered while connected
  CHECK(!g_ledger.NeedsReplay(10, 1000100), "a delivered deal is not replayed");
  // link down: deals 11 and 12 happen, their fills could not be sent
  CHECK(g_ledger.NeedsReplay(11, 1000200), "missed deal 11: replay");
  CHECK(g_ledger.NeedsReplay(12, 1000200), "missed deal 12 at the same millisecond: replay");
  CHECK_EQ(g_ledger.ReplayFromMsc(), 1000100L, "replay scans history from the newest delivered deal");
  g_ledger.OnDelivered(11, 1000200);
  g_ledger.OnDelivered(12, 1000200);
  CHECK(!g_ledger.NeedsReplay(11, 1000200) && !g_ledger.NeedsReplay(12, 1000200), "replayed once, never again");
  // restart: only the watermark survives; the deals at it may go out again, the host drops repeats by deal ticket
  double saved = g_ledger.SaveWatermark();
  CFillLedger after;
  after.Init(2000000);
  after.RestoreWatermark(saved);
  CHECK_EQ(after.ReplayFromMsc(), 1000200L, "the watermark survives a restart");
  CHECK(!after.NeedsReplay(10, 1000100), "older than the watermark: never resent");
  CHECK(after.NeedsReplay(13, 1500000), "a deal while the EA was off: replayed");
  for (long d = 100; d < 100 + FILL_LEDGER_CAPACITY + 10; d++) after.OnDelivered(d, 1600000 + d);
  CHECK(!after.NeedsReplay(100, 1600100), "older than the watermark even when out of the ring");
}

// Risk 13: a key too long for the order comment is hashed there; the host must still get a signal key.
static void test_long_keys_reach_the_host() {
  g_keys.Clear();
  std::string longKey = "acc-1001-momentum@1.0.0-EURUSD-000042";   // 37 characters
  std::string token = KeyToComment(longKey);
  CHECK(token.rfind("qs#", 0) == 0, "hashed in the comment");
  CHECK(g_keys.Begin(longKey), "claimed");
  CHECK_EQ(g_keys.KeyOf(token), longKey, "this session: the full key from the store");
  CHECK_EQ(g_keys.KeyOf("qs:short-1"), std::string("short-1"), "a short key from the comment itself");
  CHECK_EQ(g_keys.KeyOf("manual trade"), std::string(""), "not ours: no key");
  g_keys.Clear();   // a restart: only the comment survives
  g_keys.RememberComment(token, 77);
  CHECK_EQ(g_keys.KeyOf(token), "#" + HexU64(Fnv1a64(longKey)), "after a restart: '#' + the key's FNV-1a 64, never empty");
}

static void test_idempotency() {
  g_keys.Clear();
  CHECK(g_keys.Begin("1001-1"), "first time: execute");
  CHECK(!g_keys.Begin("1001-1"), "second time: refused");
  g_keys.Finish("1001-1", KEY_REJECTED, 0);
  CHECK(!g_keys.Begin("1001-1"), "a rejected key is not executed again either");
  CHECK_EQ(g_keys.State("1001-1"), (int)KEY_REJECTED, "state kept");
  // comments fit MT5's 31 characters; long keys are hashed
  std::string longKey = "account-123456789-momentum@1.0.0-2026-03-10T10:00:00.123";
  CHECK(KeyToComment("1001-1") == "qs:1001-1", "short key kept readable");
  CHECK(KeyToComment(longKey).size() <= 31, "long key fits the comment");
  CHECK(KeyToComment(longKey) != KeyToComment(longKey + "x"), "hash differs per key");
  CHECK_EQ(CommentToKey("qs:1001-1"), std::string("1001-1"), "key read back from comment");
  CHECK_EQ(CommentToKey(KeyToComment(longKey)), std::string(""), "hashed key not readable");
  CHECK_EQ(HexU64(Fnv1a64("a")), std::string("af63dc4c8601ec8c"), "FNV-1a 64 reference value of 'a'");
  // restart: a fresh store learns the keys from comments of positions and deals
  static CIdempotency restarted;
  restarted.RememberComment("qs:1001-1", 5000001);
  restarted.RememberComment(KeyToComment(longKey), 5000002);
  restarted.RememberComment("opened by hand", 5000003);
  restarted.RememberComment("qs:1001-1", 5000001);
  CHECK_EQ(restarted.Count(), 2, "only our comments, once each");
  CHECK(!restarted.Begin("1001-1"), "after restart: short key refused");
  CHECK(!restarted.Begin(longKey), "after restart: hashed key refused");
  CHECK_EQ(restarted.Ticket("1001-1"), 5000001L, "ticket remembered");
  CHECK(restarted.Begin("1001-2"), "new key accepted");
  // capacity: the ring keeps the newest IDEM_CAPACITY keys
  g_keys.Clear();
  for (int i = 0; i < IDEM_CAPACITY + 10; i++) g_keys.Begin("k" + std::to_string(i));
  CHECK_EQ(g_keys.Count(), IDEM_CAPACITY, "bounded store");
  CHECK(!g_keys.Begin("k" + std::to_string(IDEM_CAPACITY + 9)), "newest still remembered");
  CHECK(g_keys.Begin("k0"), "oldest forgotten after capacity");
}

static void test_rounding_and_levels() {
  CHECK_EQ(NormalizeVolume(0.3, 0.01, 0.01, 100), 0.3, "0.3 stays 0.3 (no float drift down)");
  CHECK_EQ(NormalizeVolume(0.257, 0.01, 0.01, 100), 0.25, "rounded down to the step");
  CHECK_EQ(NormalizeVolume(0.005, 0.01, 0.01, 100), 0.0, "below minimum -> 0");
  CHECK_EQ(NormalizeVolume(150, 0.01, 0.01, 100), 100.0, "capped at maximum");
  CHECK_EQ(NormalizeVolume(1.7, 0.1, 0.5, 50), 1.5, "step 0.5");
  CHECK_EQ(RoundToTick(2034.567, 0.01, 2), 2034.57, "gold tick");
  CHECK_EQ(RoundToTick(1.234567, 0.00001, 5), 1.23457, "fx tick");
  // BUY stops against bid, SELL against ask; level 10 points
  double pt = 0.00001;
  CHECK(StopsRespectLevel(SIDE_BUY, 1.10000, 1.10010, 1.09990, 1.10010, 10, pt), "BUY sl/tp exactly 10 points from bid");
  CHECK(!StopsRespectLevel(SIDE_BUY, 1.10000, 1.10010, 1.09991, 0, 10, pt), "BUY sl 9 points from bid refused");
  CHECK(!StopsRespectLevel(SIDE_BUY, 1.10000, 1.10010, 1.10005, 0, 0, pt), "BUY sl above bid refused");
  CHECK(StopsRespectLevel(SIDE_SELL, 1.10000, 1.10010, 1.10020, 1.10000, 10, pt), "SELL sl/tp 10 points from ask");
  CHECK(!StopsRespectLevel(SIDE_SELL, 1.10000, 1.10010, 1.10019, 0, 10, pt), "SELL sl 9 points from ask refused");
  CHECK(IsFrozen(SIDE_BUY, 1.10000, 1.10010, 1.09995, 0, 5, pt), "within freeze level");
  CHECK(!IsFrozen(SIDE_BUY, 1.10000, 1.10010, 1.09990, 0, 5, pt), "outside freeze level");
  CHECK(!IsFrozen(SIDE_BUY, 1.10000, 1.10010, 1.09999, 0, 0, pt), "no freeze level");
  CHECK_EQ(PickFilling(3), (int)FILLING_FOK, "FOK preferred");
  CHECK_EQ(PickFilling(2), (int)FILLING_IOC, "IOC when FOK not allowed");
  CHECK_EQ(PickFilling(0), (int)FILLING_RETURN, "RETURN otherwise");
}

static void test_signal_precheck() {
  VpSignal s;
  s.signalKey = "k"; s.symbol = "EURUSD"; s.side = SIDE_BUY; s.volume = 0.1; s.sl = 1.09; s.tp1 = 1.11; s.tp2 = 1.12;
  s.expiryMsc = 2000; s.referencePrice = 1.1; s.decidedOnTickMsc = 1000;
  CHECK_EQ(SignalPrecheck(s, 1500, true, false, KEY_NONE, false, false), std::string(""), "admitted");
  CHECK_EQ(SignalPrecheck(s, 1500, true, false, KEY_DONE, false, false), std::string("DUPLICATE_ORDER"), "seen key");
  CHECK_EQ(SignalPrecheck(s, 1500, true, true, KEY_NONE, false, false), std::string("FAILSAFE"), "fail-safe active");
  CHECK_EQ(SignalPrecheck(s, 1500, false, false, KEY_NONE, false, false), std::string("NOT_READY"), "not reconciled yet");
  CHECK_EQ(SignalPrecheck(s, 2001, true, false, KEY_NONE, false, false), std::string("EXPIRED"), "expired");
  CHECK_EQ(SignalPrecheck(s, 2000, true, false, KEY_NONE, false, false), std::string(""), "expiry instant itself still valid");
  CHECK_EQ(SignalPrecheck(s, 1500, true, false, KEY_NONE, true, true), std::string("NETTING_OPEN_POSITION"), "netting, symbol busy");
  CHECK_EQ(SignalPrecheck(s, 1500, true, false, KEY_NONE, false, true), std::string(""), "hedging, symbol busy is fine");
  CHECK_EQ(SignalPrecheck(s, 2500, false, true, KEY_DONE, false, false), std::string("DUPLICATE_ORDER"), "duplicate reported first");
}

static ManageConfig cfg(int afterTp1) {
  ManageConfig c;
  c.partialFraction = 0.5; c.afterTp1 = afterTp1; c.breakEvenOffsetPoints = 10; c.trailDistanceR = 1.0;
  c.volumeMin = 0.01; c.volumeStep = 0.01; c.volumeMax = 100; c.point = 0.00001; c.digits = 5;
  c.stopsLevelPoints = 0; c.freezeLevelPoints = 0;
  return c;
}

static ManagedTrade buy() {
  ManagedTrade t;
  t.ticket = 1; t.key = "k"; t.side = SIDE_BUY; t.entry = 1.08520; t.initialVolume = 0.5; t.initialSl = 1.08310;
  t.sl = 1.08310; t.tp1 = 1.08810; t.tp2 = 1.08990; t.tp1Done = false;
  return t;
}

static void test_manage_tp1_breakeven_trailing() {
  ManageAction a;
  ManagedTrade t = buy();
  ManageConfig be = cfg(AFTER_TP1_BREAKEVEN), tr = cfg(AFTER_TP1_TRAIL);
  ManageStep(t, 1.08700, 1.08708, 0.5, be, a);
  CHECK_EQ(a.kind, (int)MANAGE_NONE, "below TP1: nothing");
  ManageStep(t, 1.08810, 1.08818, 0.5, be, a);
  CHECK(a.kind == MANAGE_PARTIAL_CLOSE && a.volume == 0.25 && a.tp1Reached, "TP1 touched: close half (0.25)");
  t.tp1Done = true;
  ManageStep(t, 1.08812, 1.08820, 0.25, be, a);
  CHECK(a.kind == MANAGE_MOVE_SL && std::fabs(a.newSl - 1.08530) < 1e-9, "after TP1: stop to entry + 10 points");
  t.sl = a.newSl;
  ManageStep(t, 1.08900, 1.08908, 0.25, be, a);
  CHECK_EQ(a.kind, (int)MANAGE_NONE, "break-even mode: no further moves");
  // trailing: 1R = 210 points behind the bid, never below break-even, only tightening
  ManageStep(t, 1.08900, 1.08908, 0.25, tr, a);
  CHECK(a.kind == MANAGE_MOVE_SL && std::fabs(a.newSl - 1.08690) < 1e-9, "trail to bid - 1R");
  t.sl = a.newSl;
  ManageStep(t, 1.08850, 1.08858, 0.25, tr, a);
  CHECK_EQ(a.kind, (int)MANAGE_NONE, "price falls back: the stop never loosens");
  ManageStep(t, 1.08900 + 0.000005, 1.08910, 0.25, tr, a);
  CHECK_EQ(a.kind, (int)MANAGE_NONE, "less than a point better: no modify");
  // a 0.01-lot trade cannot be split: it keeps its size and gets the break-even stop
  ManagedTrade small = buy();
  small.initialVolume = 0.01;
  ManageStep(small, 1.08810, 1.08818, 0.01, be, a);
  CHECK(a.kind == MANAGE_MOVE_SL && a.tp1Reached && std::fabs(a.newSl - 1.08530) < 1e-9, "unsplittable: stop to break-even");
  // 0.03 lot: half is 0.01, leaving 0.02
  ManagedTrade three = buy();
  three.initialVolume = 0.03;
  ManageStep(three, 1.08810, 1.08818, 0.03, be, a);
  CHECK(a.kind == MANAGE_PARTIAL_CLOSE && std::fabs(a.volume - 0.01) < 1e-12, "0.03 -> close 0.01 (rounded down)");
  // the stops level clamps the new stop
  ManageConfig lvl = cfg(AFTER_TP1_TRAIL);
  lvl.stopsLevelPoints = 300;
  t.sl = 1.08530;
  ManageStep(t, 1.08900, 1.08908, 0.25, lvl, a);
  CHECK(a.kind == MANAGE_MOVE_SL && a.newSl <= 1.08900 - 0.00300 + 1e-9, "stop kept at least the stops level away");
  // frozen: no request at all
  ManageConfig frz = cfg(AFTER_TP1_BREAKEVEN);
  frz.freezeLevelPoints = 50;
  ManagedTrade near = buy();
  ManageStep(near, 1.08340, 1.08348, 0.5, frz, a);
  CHECK_EQ(a.kind, (int)MANAGE_NONE, "inside the freeze level: no modify");
  // SELL mirror
  ManagedTrade s = buy();
  s.side = SIDE_SELL; s.entry = 1.08520; s.initialSl = 1.08730; s.sl = 1.08730; s.tp1 = 1.08230; s.tp2 = 1.08050;
  ManageStep(s, 1.08222, 1.08230, 0.5, be, a);
  CHECK(a.kind == MANAGE_PARTIAL_CLOSE && a.volume == 0.25, "SELL: TP1 on the ask");
  s.tp1Done = true;
  ManageStep(s, 1.08222, 1.08230, 0.25, be, a);
  CHECK(a.kind == MANAGE_MOVE_SL && std::fabs(a.newSl - 1.08510) < 1e-9, "SELL: stop to entry - 10 points");
  s.sl = a.newSl;
  ManageStep(s, 1.08000, 1.08010, 0.25, tr, a);
  CHECK(a.kind == MANAGE_MOVE_SL && std::fabs(a.newSl - 1.08220) < 1e-9, "SELL: trail to ask + 1R");
  // no TP1: the EA leaves the trade to the broker's TP2 and the host
  ManagedTrade none = buy();
  none.tp1 = 0;
  ManageStep(none, 1.09000, 1.09008, 0.5, be, a);
  CHECK_EQ(a.kind, (int)MANAGE_NONE, "no TP1: nothing to manage");
  // remainder below the minimum after the partial -> close all
  ManagedTrade odd = buy();
  odd.initialVolume = 0.02;
  ManageStep(odd, 1.08810, 1.08818, 0.011, be, a);
  CHECK_EQ(a.kind, (int)MANAGE_CLOSE_ALL, "remainder would be below the minimum: close all");
}

// Risk 12: the trader tightened the stop by hand; management compares against the live stop, never loosens
// it, and a refused modification is retried with a growing delay, not on every tick.
static void test_manage_never_loosens_a_hand_tightened_stop_and_backs_off() {
  ManageAction a;
  ManagedTrade t = buy();
  t.tp1Done = true;
  t.sl = 1.08530;                                   // the EA's last stop (break-even)
  double live = 1.08750;                            // the trader's stop, tighter
  t.sl = EffectiveStop(t.side, t.sl, live);
  CHECK_EQ(t.sl, 1.08750, "buy: the higher stop is the one in force");
  ManageStep(t, 1.08900, 1.08908, 0.25, cfg(AFTER_TP1_TRAIL), a);
  CHECK_EQ(a.kind, (int)MANAGE_NONE, "trail target 1.08690 is looser than the hand stop: no modify");
  CHECK_EQ(EffectiveStop(SIDE_SELL, 1.09000, 1.08900), 1.08900, "sell: the lower stop");
  CHECK_EQ(EffectiveStop(SIDE_SELL, 1.09000, 0.0), 1.09000, "stop removed by hand: keep ours");
  CHECK_EQ(EffectiveStop(SIDE_BUY, 0.0, 1.08000), 1.08000, "no stop of ours: the live one");
  t.failures = 0;
  t.retryAtMs = 0;
  CHECK(ManageDue(t, 1000), "due at first");
  ManageRecordResult(t, false, 1000);
  CHECK(!ManageDue(t, 1500), "refused: not retried at once");
  CHECK(ManageDue(t, 1000 + ManageRetryDelayMs(1)), "retried after the first delay");
  ManageRecordResult(t, false, 3000);
  CHECK(ManageRetryDelayMs(2) > ManageRetryDelayMs(1), "the delay grows");
  CHECK(!ManageDue(t, 3000 + ManageRetryDelayMs(1)), "second failure waits longer");
  CHECK_EQ(ManageRetryDelayMs(30), ManageRetryDelayMs(20), "the delay is capped");
  ManageRecordResult(t, true, 9000);
  CHECK(ManageDue(t, 9000) && t.failures == 0, "success resets the backoff");
}

// Risk 13: TP1 / break-even / trailing state survives a restart.
static void test_managed_trade_state_survives_a_restart() {
  ManagedTrade t = buy();
  t.tp1Done = true;
  t.sl = 1.08530;
  t.failures = 2;
  t.retryAtMs = 123;
  ManagedPersist p;
  ManagedSave(t, p);
  ManagedTrade r;
  CHECK(ManagedLoad(p, r), "loads");
  CHECK(r.ticket == t.ticket && r.side == t.side && r.entry == t.entry && r.initialVolume == t.initialVolume &&
        r.initialSl == t.initialSl && r.sl == t.sl && r.tp1 == t.tp1 && r.tp2 == t.tp2 && r.tp1Done,
        "every level and the TP1 flag come back");
  CHECK(r.failures == 0 && r.retryAtMs == 0, "the backoff starts afresh");
  p.v[0] = 99;
  CHECK(!ManagedLoad(p, r), "an unknown format is refused");
}

static void test_fill_reasons() {
  CHECK_EQ(FillReason(DEAL_REASON_SL_, ""), std::string("sl"), "SL");
  CHECK_EQ(FillReason(DEAL_REASON_TP_, ""), std::string("tp"), "TP");
  CHECK_EQ(FillReason(DEAL_REASON_SO_, ""), std::string("stop_out"), "stop out");
  CHECK_EQ(FillReason(DEAL_REASON_EXPERT_, "flatten"), std::string("flatten"), "our flatten");
  CHECK_EQ(FillReason(DEAL_REASON_EXPERT_, ""), std::string("close"), "expert without intent");
  CHECK_EQ(FillReason(DEAL_REASON_CLIENT_, "signal"), std::string("close"), "closed by hand");
  static CIntents in;
  in.Put(5000001, "signal", "k1");
  in.Put(5000002, "tp", "k1");
  std::string intent, key;
  CHECK(in.Get(5000002, intent, key) && intent == "tp" && key == "k1", "intent by order");
  CHECK(!in.Get(42, intent, key), "unknown order");
}

int main() {
  test_retcode_policy_matches_facts();
  test_order_in_flight_after_timeout_is_never_resent();
  test_netting_partial_close_route_and_stale_retcode();
  test_partial_close_below_minimum_is_refused();
  test_missed_fills_replayed_once_by_deal_ticket();
  test_long_keys_reach_the_host();
  test_managed_trade_state_survives_a_restart();
  test_idempotency();
  test_rounding_and_levels();
  test_signal_precheck();
  test_manage_tp1_breakeven_trailing();
  test_manage_never_loosens_a_hand_tightened_stop_and_backs_off();
  test_fill_reasons();
  return check_summary("trade_engine_test");
}
