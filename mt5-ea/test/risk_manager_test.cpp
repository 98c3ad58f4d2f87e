// risk_manager_test.cpp -- day anchor across DST, trailing peak, ACTIVE/REDUCING/HALTED with flatten,
// host halt/resume, weekend flatten, restart persistence, soft-governor statistics.
// usage: risk_manager_test <rulepacks dir>
#include "shim.h"
#include "../Include/RiskManager.mqh"
#include "check.h"

static CJsonDoc g_doc;
static CRiskManager g_rm, g_rm2;
static GovSnapshot g_snap;
static std::string g_packs;

static long T(const char *s) { long t = 0; ParseTimeText(s, t); return t; }

static void load(CRiskManager &rm, const char *pack) {
  rm.Init(100000, TZ_EET_EU_DST);
  bool ok = false;
  std::string text = read_file(g_packs + "/" + pack + ".json", &ok);
  string err;
  bool applied = rm.ApplyPackText(text, g_doc, err);
  CHECK(ok && applied, std::string("apply ") + pack + ": " + err);
}

// An OPEN buying EURUSD at 1.1 (a point = 1.0 per lot).
static GovOrder eurusd_buy(const char *key, double volume, double sl, double tp) {
  GovOrder o;
  o.kind = GOV_OPEN; o.key = key; o.ticket = 0; o.symbol = "EURUSD"; o.side = SIDE_BUY; o.volume = volume; o.price = 1.1;
  o.sl = sl; o.tp = tp; o.tickSize = 0.00001; o.tickValue = 1;
  return o;
}

static void test_bad_config_keeps_previous_pack() {
  g_rm.Init(100000, TZ_EET_EU_DST);
  string err;
  CHECK(!g_rm.ApplyPackText("{\"name\":\"half\"}", g_doc, err), "incomplete pack refused");
  CHECK_EQ(g_rm.m_pack.name, std::string("compiled-defaults"), "defaults still in force");
  CHECK(!g_rm.m_s.packFromHost, "not marked as host pack");
  load(g_rm, "ftmo-2step");
  CHECK(!g_rm.ApplyPackText("not json", g_doc, err), "garbage refused");
  CHECK_EQ(g_rm.m_pack.name, std::string("ftmo-2step"), "previous host pack still in force");
}

static void test_day_anchor_rolls_at_prague_midnight_across_dst() {
  load(g_rm, "ftmo-2step");
  string why;
  g_rm.OnClock(T("2026.03.27 12:00:00"), 100000, 100000, why);
  CHECK_EQ(FormatTimeText(g_rm.m_s.dayStart), std::string("2026.03.27 01:00:00"), "anchor at 01:00 server");
  g_rm.OnTradeClosed(-300);
  g_rm.OnClock(T("2026.03.28 00:59:59"), 99700, 99700, why);
  CHECK_EQ(g_rm.m_s.dayStartBalance, 100000.0, "same day until 00:59:59 server");
  CHECK_EQ(g_rm.m_s.closedProfitToday, -300.0, "closed P/L accumulates");
  g_rm.OnClock(T("2026.03.28 01:00:00"), 99700, 99650, why);
  CHECK_EQ(g_rm.m_s.dayStartBalance, 99700.0, "new day at 01:00 server: anchor = balance");
  CHECK_EQ(g_rm.m_s.dayStartEquity, 99650.0, "anchor equity");
  CHECK_EQ(g_rm.m_s.closedProfitToday, 0.0, "closed P/L reset");
  // Sunday 29 March: EU clocks change at 01:00 UTC (= 03:00 server winter): Prague midnight is still 01:00 server
  g_rm.OnClock(T("2026.03.30 00:30:00"), 99700, 99700, why);
  CHECK_EQ(FormatTimeText(g_rm.m_s.dayStart), std::string("2026.03.29 01:00:00"), "day of the switch starts 01:00 server");
  g_rm.OnClock(T("2026.03.30 01:00:00"), 99800, 99800, why);
  CHECK_EQ(FormatTimeText(g_rm.m_s.dayStart), std::string("2026.03.30 01:00:00"), "first summer day starts 01:00 server too");
  // The5ers: server midnight on a NY_CLOSE server
  load(g_rm2, "the5ers-high-stakes");
  g_rm2.OnClock(T("2026.03.10 23:59:59"), 100000, 100000, why);
  g_rm2.OnClock(T("2026.03.11 00:00:00"), 100500, 100400, why);
  CHECK_EQ(FormatTimeText(g_rm2.m_s.dayStart), std::string("2026.03.11 00:00:00"), "The5ers: server midnight");
  CHECK_EQ(g_rm2.m_s.dayStartBalance, 100500.0, "The5ers anchor balance");
}

static void test_trailing_peak_end_of_day_balance() {
  load(g_rm, "ftmo-1step");
  string why;
  g_rm.OnClock(T("2026.03.10 10:00:00"), 100000, 100000, why);
  g_rm.OnClock(T("2026.03.10 18:00:00"), 103000, 104500, why);
  CHECK_EQ(g_rm.m_s.peak, 100000.0, "intraday highs do not move an end-of-day trail");
  g_rm.OnClock(T("2026.03.11 01:00:00"), 103000, 103200, why);
  CHECK_EQ(g_rm.m_s.peak, 103000.0, "the day's closing balance becomes the peak");
  g_rm.OnClock(T("2026.03.12 01:00:00"), 101000, 101000, why);
  CHECK_EQ(g_rm.m_s.peak, 103000.0, "the peak only moves up");
  g_rm.FillAccount(g_snap, T("2026.03.12 10:00:00"), 101000, 101000);
  CHECK_EQ(BufferedMaxFloorCents(g_rm.m_pack, g_snap), 9400000L, "trailing floor = 103000 - 10000 + 1000");
  load(g_rm2, "ftmo-2step");
  g_rm2.OnClock(T("2026.03.10 10:00:00"), 100000, 100000, why);
  g_rm2.OnClock(T("2026.03.11 01:00:00"), 103000, 103000, why);
  g_rm2.FillAccount(g_snap, T("2026.03.11 10:00:00"), 103000, 103000);
  CHECK_EQ(BufferedMaxFloorCents(g_rm2.m_pack, g_snap), 9100000L, "static floor ignores the peak");
}

static void test_engine_states_with_hysteresis_and_flatten() {
  load(g_rm, "ftmo-2step");   // buffered day floor 96000 when the day starts at 100000
  string why;
  CHECK_EQ(g_rm.OnClock(T("2026.03.10 10:00:00"), 100000, 100000, why), (int)RISK_NONE, "healthy");
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_ACTIVE, "ACTIVE");
  g_rm.OnClock(T("2026.03.10 11:00:00"), 100000, 96400, why);
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_REDUCING, "0.40% above the floor: REDUCING");
  g_rm.OnClock(T("2026.03.10 11:01:00"), 100000, 96550, why);
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_REDUCING, "0.55%: still REDUCING (hysteresis)");
  g_rm.OnClock(T("2026.03.10 11:02:00"), 100000, 96700, why);
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_ACTIVE, "0.70%: ACTIVE again");
  CHECK_EQ(g_rm.OnClock(T("2026.03.10 11:03:00"), 100000, 96200, why), (int)RISK_FLATTEN, "0.20%: breach imminent -> flatten");
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_HALTED, "HALTED");
  CHECK_EQ(g_rm.m_s.haltScope, (int)HALT_DAY, "day floor binds: halted for the day");
  CHECK(why.rfind("BREACH_IMMINENT", 0) == 0, "reason: " + why);
  g_rm.OnClock(T("2026.03.10 12:00:00"), 96300, 96300, why);
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_HALTED, "stays halted for the rest of the day");
  g_rm.OnClock(T("2026.03.11 01:00:00"), 96300, 96300, why);
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_ACTIVE, "new day: the daily halt is lifted");
  // the max floor binds: halted until the host resumes
  load(g_rm2, "ftmo-2step");
  g_rm2.OnClock(T("2026.03.20 10:00:00"), 91800, 91800, why);   // anchor 91800 -> day floor 87800; max floor 91000
  CHECK_EQ(g_rm2.OnClock(T("2026.03.20 11:00:00"), 91800, 91200, why), (int)RISK_FLATTEN, "near the max floor");
  CHECK_EQ(g_rm2.m_s.haltScope, (int)HALT_UNTIL_RESUME, "max floor: until resume");
  g_rm2.OnClock(T("2026.03.21 01:00:00"), 92500, 92500, why);
  CHECK_EQ(g_rm2.m_s.engineState, (int)ENGINE_HALTED, "a new day does not lift it");
  g_rm2.HostResume();
  CHECK_EQ(g_rm2.m_s.engineState, (int)ENGINE_ACTIVE, "host resume lifts it");
}

static void test_host_halt_and_resume() {
  load(g_rm, "ftmo-2step");
  string why;
  g_rm.OnClock(T("2026.03.10 10:00:00"), 100000, 100000, why);
  g_rm.HostHalt("operator");
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_HALTED, "host halt");
  g_rm.OnClock(T("2026.03.11 01:00:00"), 100000, 100000, why);
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_HALTED, "host halt survives the day change");
  g_rm.Halt("BREACH_IMMINENT", HALT_DAY);
  CHECK_EQ(g_rm.m_s.haltScope, (int)HALT_UNTIL_RESUME, "a daily halt never shortens a halt until resume");
  g_rm.HostResume();
  g_rm.OnClock(T("2026.03.11 02:00:00"), 100000, 100000, why);
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_ACTIVE, "resumed");
}

static void test_weekend_flatten() {
  load(g_rm, "ftmo-2step");   // weekendFlattenMinutes 15
  string why;
  // the March week where New York is already on summer time: 17:00 EDT = 23:00 server (EET winter)
  CHECK_EQ(g_rm.OnClock(T("2026.03.13 22:44:59"), 100000, 100000, why), (int)RISK_NONE, "22:44:59 server: not yet");
  CHECK_EQ(g_rm.OnClock(T("2026.03.13 22:45:00"), 100000, 100000, why), (int)RISK_FLATTEN, "15 min before the NY close: flatten");
  CHECK_EQ(why, std::string("WEEKEND"), "reason WEEKEND");
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_ACTIVE, "the weekend is not a halt");
  // a normal winter week: 17:00 EST = 00:00 server Saturday
  CHECK_EQ(g_rm.OnClock(T("2026.01.16 23:44:00"), 100000, 100000, why), (int)RISK_NONE, "winter Friday 23:44 server");
  CHECK_EQ(g_rm.OnClock(T("2026.01.16 23:45:00"), 100000, 100000, why), (int)RISK_FLATTEN, "winter Friday 23:45 server");
  load(g_rm2, "the5ers-high-stakes");   // weekend holding allowed
  CHECK_EQ(g_rm2.OnClock(T("2026.03.13 23:30:00"), 100000, 100000, why), (int)RISK_NONE, "The5ers holds over the weekend");
}

static void test_restart_persistence() {
  load(g_rm, "ftmo-2step");
  string why;
  g_rm.OnClock(T("2026.03.10 10:00:00"), 100000, 100000, why);
  g_rm.OnTradeClosed(-100); g_rm.OnTradeClosed(-200);
  g_rm.OnClock(T("2026.03.10 11:00:00"), 99700, 96200, why);
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_HALTED, "halted before the restart");
  RiskPersist p;
  g_rm.Save(p);
  load(g_rm2, "ftmo-2step");
  CHECK(g_rm2.Restore(p, T("2026.03.10 11:30:00")), "restore");
  CHECK_EQ(g_rm2.m_s.engineState, (int)ENGINE_HALTED, "same day: still halted after restart");
  CHECK_EQ(g_rm2.m_s.dayStartBalance, 100000.0, "same day: anchor restored");
  CHECK_EQ(g_rm2.m_s.closedProfitToday, -300.0, "same day: closed P/L restored");
  CHECK_EQ(g_rm2.m_s.consecutiveLosses, 2, "loss streak restored");
  load(g_rm2, "ftmo-2step");
  g_rm2.Restore(p, T("2026.03.11 09:00:00"));
  CHECK_EQ(g_rm2.m_s.engineState, (int)ENGINE_ACTIVE, "next day: the daily halt has expired");
  CHECK_EQ(g_rm2.m_s.dayKey, -1L, "next day: the anchor is taken afresh");
  g_rm.HostHalt("operator");
  g_rm.Save(p);
  load(g_rm2, "ftmo-2step");
  g_rm2.Restore(p, T("2026.03.15 09:00:00"));
  CHECK_EQ(g_rm2.m_s.engineState, (int)ENGINE_HALTED, "halt until resume survives days");
  CHECK(g_rm2.m_s.reason.rfind("HOST_HALT", 0) == 0, "reason kept as a code: " + g_rm2.m_s.reason);
  p.v[0] = 7;
  CHECK(!g_rm2.Restore(p, T("2026.03.15 09:00:00")), "unknown format ignored");
}

static void test_pack_arriving_after_restart_is_not_a_new_day() {
  // the EA restarts with compiled defaults (server-midnight reset) and a persisted daily halt taken under
  // FTMO's Prague reset; then the host's pack arrives: same day, same anchor, still halted
  load(g_rm, "ftmo-2step");
  string why;
  g_rm.OnClock(T("2026.03.10 10:00:00"), 100000, 100000, why);
  g_rm.OnClock(T("2026.03.10 11:00:00"), 100000, 96200, why);
  CHECK_EQ(g_rm.m_s.haltScope, (int)HALT_DAY, "daily halt before the restart");
  RiskPersist p;
  g_rm.Save(p);
  g_rm2.Init(100000, TZ_EET_EU_DST);   // defaults: reset at server midnight
  CHECK(g_rm2.Restore(p, T("2026.03.11 00:30:00")), "restore at 00:30 server (still 10 March in Prague terms)");
  CHECK_EQ(g_rm2.m_s.engineState, (int)ENGINE_HALTED, "the saved day rule decides: still the same trading day");
  g_rm2.OnClock(T("2026.03.11 00:30:00"), 96300, 96300, why);
  CHECK_EQ(g_rm2.m_s.engineState, (int)ENGINE_HALTED, "defaults' server midnight already passed, but no day roll after restore");
  bool ok = false;
  string err;
  CHECK(g_rm2.ApplyPackText(read_file(g_packs + "/ftmo-2step.json", &ok), g_doc, err), "pack arrives");
  CHECK_EQ(g_rm2.m_s.dayStartBalance, 100000.0, "anchor kept");
  g_rm2.OnClock(T("2026.03.11 00:31:00"), 96300, 96300, why);
  CHECK_EQ(g_rm2.m_s.engineState, (int)ENGINE_HALTED, "no spurious new day when the pack changes the reset rule");
  CHECK_EQ(g_rm2.m_s.dayStartBalance, 100000.0, "anchor still kept");
  g_rm2.OnClock(T("2026.03.11 01:00:00"), 96300, 96300, why);
  CHECK_EQ(g_rm2.m_s.engineState, (int)ENGINE_ACTIVE, "the real Prague midnight ends the daily halt");
  CHECK_EQ(g_rm2.m_s.dayStartBalance, 96300.0, "and anchors the new day");
}

static void test_statistics_feed_the_governors() {
  load(g_rm, "ftmo-2step");
  string why;
  g_rm.OnClock(T("2026.03.10 10:00:00"), 100000, 100000, why);
  GovOrder o = eurusd_buy("k-1", 0.5, 1.095, 1.11);
  GovVerdict v;
  g_rm.FillAccount(g_snap, T("2026.03.10 10:00:00"), 100000, 100000);
  CHECK(GovernorsCheck(g_rm.m_pack, g_snap, o, v) && v.sizeFactor == 1.0, "allowed at full size: " + v.reason);
  g_rm.OnTradeClosed(-50); g_rm.OnTradeClosed(-60); g_rm.OnTradeClosed(-70);
  g_rm.FillAccount(g_snap, T("2026.03.10 10:00:00"), 99820, 99820);
  CHECK(GovernorsCheck(g_rm.m_pack, g_snap, o, v) && v.sizeFactor == 0.5, "three losses: half size");
  g_rm.OnTradeClosed(10);
  g_rm.FillAccount(g_snap, T("2026.03.10 10:00:00"), 99830, 99830);
  GovernorsCheck(g_rm.m_pack, g_snap, o, v);
  CHECK_EQ(v.sizeFactor, 1.0, "a win resets the streak");
  g_rm.RecordOrder("k-1", T("2026.03.10 10:00:00"));
  g_rm.FillAccount(g_snap, T("2026.03.10 10:00:05"), 99830, 99830);
  CHECK(!GovernorsCheck(g_rm.m_pack, g_snap, o, v) && v.reason == "DUPLICATE_ORDER", "recorded key is a duplicate");
  for (int i = 2; i <= 6; i++) g_rm.RecordOrder("k-" + std::to_string(i), T("2026.03.10 10:00:10"));
  o.key = "k-7";
  g_rm.FillAccount(g_snap, T("2026.03.10 10:00:30"), 99830, 99830);
  CHECK(!GovernorsCheck(g_rm.m_pack, g_snap, o, v) && v.reason == "ORDER_RATE", "six orders in the last minute: throttled");
  g_rm.FillAccount(g_snap, T("2026.03.10 10:01:11"), 99830, 99830);
  CHECK(GovernorsCheck(g_rm.m_pack, g_snap, o, v), "a minute later: allowed (" + v.reason + ")");
}

// Risk 1: the initial balance in force (input or pack) does not fit the account. Equity already under the
// overall floor at arming is a configuration error: refuse to arm (no new positions), never flatten, never
// persist it as a halt; the right pack arms the engine and a real breach afterwards still flattens.
static void test_wrong_initial_balance_refuses_to_arm_and_never_flattens() {
  g_rm.Init(100000, TZ_EET_EU_DST);   // the input left at 100000 on a 10,000 account
  string why;
  int action = g_rm.OnClock(T("2026.03.10 12:00:00"), 10000, 10000, why);
  CHECK_EQ(action, (int)RISK_NONE, "configuration error: nothing is flattened (manual trades neither)");
  CHECK(!g_rm.m_s.armed, "not armed");
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_REDUCING, "no new positions while unarmed");
  CHECK(StringFind(g_rm.m_s.reason, "CONFIG_MISMATCH") == 0, "reason names the configuration: " + g_rm.m_s.reason);
  CHECK(g_rm.m_s.haltScope == HALT_NONE, "no halt");
  action = g_rm.OnClock(T("2026.03.10 12:00:01"), 10000, 9990, why);
  CHECK_EQ(action, (int)RISK_NONE, "still no flatten on the next tick");
  RiskPersist p;
  g_rm.Save(p);
  g_rm2.Init(10000, TZ_EET_EU_DST);
  g_rm2.Restore(p, T("2026.03.10 12:05:00"));
  CHECK_EQ(g_rm2.m_s.engineState, (int)ENGINE_ACTIVE, "a configuration error does not survive a restart with the input fixed");
  CHECK(g_rm2.m_s.haltScope == HALT_NONE, "no halt after the restart either");
  // the host's pack carries the real initial balance: armed
  string err;
  std::string text = read_file(g_packs + "/ftmo-2step.json", nullptr);
  size_t at = text.find("\"initialBalance\"");
  size_t colon = text.find(':', at), end = text.find_first_of(",}", colon);
  text = text.substr(0, colon + 1) + " 10000" + text.substr(end);
  CHECK(g_rm.ApplyPackText(text, g_doc, err), "10k pack applies: " + err);
  action = g_rm.OnClock(T("2026.03.10 12:00:02"), 10000, 10000, why);
  CHECK_EQ(action, (int)RISK_NONE, "armed: nothing to do");
  CHECK(g_rm.m_s.armed, "armed with the pack's initial balance");
  CHECK_EQ(g_rm.m_s.engineState, (int)ENGINE_ACTIVE, "active");
  // once armed, a real breach still flattens
  action = g_rm.OnClock(T("2026.03.10 12:10:00"), 10000, 9060, why);
  CHECK_EQ(action, (int)RISK_FLATTEN, "armed engine flattens at an imminent breach");
  // a daily-floor breach at arming is the account's state, not a configuration error
  load(g_rm2, "ftmo-2step");
  g_rm2.OnClock(T("2026.03.11 01:00:00"), 100000, 100000, why);
  g_rm2.m_s.armed = false;   // as after a new pack or a restart
  action = g_rm2.OnClock(T("2026.03.11 12:00:00"), 100000, 95100, why);
  CHECK_EQ(action, (int)RISK_FLATTEN, "day floor at arming: flatten (the day started from the account's own balance)");
}

// Risk 7: a restart mid-day must not anchor the day from account data the terminal has not synced yet, nor
// take the day-start equity equal to the balance when positions were carried over the reset.
static void test_mid_day_anchor_waits_for_sync_and_never_assumes_flat_equity() {
  CHECK(!AccountSynced(false, 123, 100000), "terminal not connected to the trade server: not synced");
  CHECK(!AccountSynced(true, 0, 100000), "no login yet: not synced");
  CHECK(!AccountSynced(true, 123, 0), "balance 0: not synced");
  CHECK(AccountSynced(true, 123, 99500), "connected, login, balance: synced");
  double b = 0, e = 0;
  bool exact = MidDayAnchor(99500, -500, false, 0.0, b, e);
  CHECK(exact && b == 100000 && e == 100000, "nothing carried over the reset: start equity = start balance, exact");
  exact = MidDayAnchor(100000, 0, true, 2850, b, e);
  CHECK(!exact, "positions carried over the reset: estimated");
  CHECK_EQ(b, 100000.0, "start balance from today's deals");
  CHECK_EQ(e, 102850.0, "start equity includes the carried positions' profit (The5ers counts it)");
  exact = MidDayAnchor(100000, 0, true, -1000, b, e);
  CHECK_EQ(e, 100000.0, "a carried loss never lowers the estimate below the start balance");
  // the risk manager takes that anchor, and the day floor follows it
  load(g_rm, "the5ers-high-stakes");
  g_rm.AnchorDay(T("2026.03.10 12:00:00"), 100000, 102850);
  CHECK_EQ(g_rm.m_s.dayStartEquity, 102850.0, "anchored start equity");
}

// After the target, one day-qualifying trade a day: the opened-today flag feeds the governor, survives a restart
// on the same day and resets at the day's reset.
static void test_day_qualifying_trade_once_a_day_after_the_target() {
  load(g_rm, "ftmo-2step");
  string why;
  g_rm.OnClock(T("2026.03.10 10:00:00"), 110500, 110500, why);
  GovOrder o = eurusd_buy("dq-1", 0.05, 1.09, 1.115);
  GovVerdict v;
  g_rm.FillAccount(g_snap, T("2026.03.10 10:00:00"), 110500, 110500);
  CHECK(GovernorsCheck(g_rm.m_pack, g_snap, o, v), "first trade of the day after the target: allowed (" + v.reason + ")");
  g_rm.OnTradeOpened();
  g_rm.OnTradeClosed(20);
  o.key = "dq-2";
  g_rm.FillAccount(g_snap, T("2026.03.10 11:00:00"), 110520, 110520);
  CHECK(!GovernorsCheck(g_rm.m_pack, g_snap, o, v) && v.reason == "PROFIT_TARGET_REACHED", "second of the day: vetoed");
  RiskPersist p;
  g_rm.Save(p);
  load(g_rm2, "ftmo-2step");
  CHECK(g_rm2.Restore(p, T("2026.03.10 12:00:00")), "restored");
  CHECK(g_rm2.m_s.openedToday, "a restart on the same day remembers the day's trade");
  g_rm.OnClock(T("2026.03.11 01:00:00"), 110520, 110520, why);
  CHECK(!g_rm.m_s.openedToday, "the reset starts a day without a trade");
  g_rm.FillAccount(g_snap, T("2026.03.11 10:00:00"), 110520, 110520);
  CHECK(GovernorsCheck(g_rm.m_pack, g_snap, o, v), "next day: the day's trade is allowed again (" + v.reason + ")");
}

int main(int argc, char **argv) {
  if (argc < 2) { std::printf("usage: %s <rulepacks dir>\n", argv[0]); return 2; }
  g_packs = argv[1];
  test_bad_config_keeps_previous_pack();
  test_wrong_initial_balance_refuses_to_arm_and_never_flattens();
  test_mid_day_anchor_waits_for_sync_and_never_assumes_flat_equity();
  test_day_anchor_rolls_at_prague_midnight_across_dst();
  test_trailing_peak_end_of_day_balance();
  test_engine_states_with_hysteresis_and_flatten();
  test_host_halt_and_resume();
  test_weekend_flatten();
  test_restart_persistence();
  test_statistics_feed_the_governors();
  test_pack_arriving_after_restart_is_not_a_new_day();
  test_day_qualifying_trade_once_a_day_after_the_target();
  return check_summary("risk_manager_test");
}
