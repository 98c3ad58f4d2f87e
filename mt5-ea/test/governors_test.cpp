// governors_test.cpp -- runs every shared governor vector (mt5-ea/test/vectors/governors/*.json) through
// the EA's GovernorsCheck(), reading the rule packs the host ships. Also: every shipped pack loads, and
// broken packs are refused with a message naming the field.
// usage: governors_test <vectors/governors dir> <rulepacks dir> <vectors/weekend/weekend_by_pack.json>
#include "shim.h"
#include "../Include/Governors.mqh"
#include "check.h"
#include <algorithm>
#include <dirent.h>
#include <vector>

static CJsonDoc g_vec;   // big: keep off the stack, as the EA does
static CJsonDoc g_pack;
static GovSnapshot g_snap;

static std::vector<std::string> list_json(const std::string &dir) {
  std::vector<std::string> out;
  DIR *d = opendir(dir.c_str());
  if (!d) return out;
  while (dirent *e = readdir(d)) {
    std::string n = e->d_name;
    if (n.size() > 5 && n.substr(n.size() - 5) == ".json") out.push_back(n);
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

static int side_of(const std::string &s) { return s == "BUY" ? SIDE_BUY : (s == "SELL" ? SIDE_SELL : SIDE_NONE); }

static bool time_field(const CJsonDoc &d, int obj, const char *key, long &t, std::string &err) {
  long v = 0;
  if (!ParseTimeText(d.GetString(obj, key, ""), v)) { err = std::string("bad time in '") + key + "'"; return false; }
  t = v;
  return true;
}

// vector JSON -> snapshot + order (the README's field table and defaults)
static bool load_vector(const CJsonDoc &d, const RulePack &pack, GovSnapshot &s, GovOrder &o, std::string &err) {
  int r = d.Root();
  long t = 0;
  if (!time_field(d, r, "now", t, err)) return false;
  s.now = t;
  std::string st = d.GetString(r, "engineState", "ACTIVE");
  s.engineState = st == "HALTED" ? ENGINE_HALTED : (st == "REDUCING" ? ENGINE_REDUCING : ENGINE_ACTIVE);
  if (st != "ACTIVE" && st != "REDUCING" && st != "HALTED") { err = "bad engineState"; return false; }
  int a = d.Find(r, "account");
  if (!d.Has(a, "balance") || !d.Has(a, "equity")) { err = "account.balance/equity required"; return false; }
  s.balance = d.GetDouble(a, "balance", 0);
  s.equity = d.GetDouble(a, "equity", 0);
  s.peak = d.GetDouble(a, "peak", pack.initialBalance);
  int day = d.Find(r, "day");
  if (!time_field(d, day, "start", t, err)) return false;
  s.dayStart = t;
  if (!d.Has(day, "startBalance") || !d.Has(day, "startEquity")) { err = "day.startBalance/startEquity required"; return false; }
  s.dayStartBalance = d.GetDouble(day, "startBalance", 0);
  s.dayStartEquity = d.GetDouble(day, "startEquity", 0);
  s.positionCount = 0;
  int ps = d.Find(r, "positions");
  for (int c = d.First(ps); c >= 0; c = d.Next(c)) {
    if (s.positionCount >= GOV_MAX_POSITIONS) { err = "too many positions"; return false; }
    GovPosition &p = s.positions[s.positionCount++];
    p.ticket = d.GetLong(c, "ticket", 0);
    p.symbol = d.GetString(c, "symbol", "");
    p.side = side_of(d.GetString(c, "side", ""));
    p.volume = d.GetDouble(c, "volume", 0);
    p.openPrice = d.GetDouble(c, "openPrice", 0);
    p.sl = d.GetDouble(c, "sl", 0);
    p.tp = d.GetDouble(c, "tp", 0);
    p.currentPrice = d.GetDouble(c, "currentPrice", 0);
    p.tickSize = d.GetDouble(c, "tickSize", 0);
    p.tickValue = d.GetDouble(c, "tickValue", 0);
  }
  int ord = d.Find(r, "order");
  std::string kind = d.GetString(ord, "kind", "");
  o.kind = kind == "OPEN" ? GOV_OPEN : (kind == "CLOSE" ? GOV_CLOSE : (kind == "MODIFY" ? GOV_MODIFY : GOV_INVALID));
  o.key = d.GetString(ord, "key", "");
  o.ticket = d.GetLong(ord, "ticket", 0);
  o.symbol = d.GetString(ord, "symbol", "");
  o.side = side_of(d.GetString(ord, "side", ""));
  o.volume = d.GetDouble(ord, "volume", 0);
  o.price = d.GetDouble(ord, "price", 0);
  o.sl = d.GetDouble(ord, "sl", 0);
  o.tp = d.GetDouble(ord, "tp", 0);
  o.tickSize = d.GetDouble(ord, "tickSize", 0);
  o.tickValue = d.GetDouble(ord, "tickValue", 0);
  s.newsCount = 0;
  int ns = d.Find(r, "news");
  for (int c = d.First(ns); c >= 0; c = d.Next(c)) {
    if (s.newsCount >= GOV_MAX_NEWS) { err = "too many news"; return false; }
    GovNews &e = s.news[s.newsCount++];
    if (!time_field(d, c, "time", t, err)) return false;
    e.time = t;
    e.currency = d.GetString(c, "currency", "");
    e.impact = ImpactFromName(d.GetString(c, "impact", ""));
    e.symbols = d.GetString(c, "symbols", "");
  }
  s.recentCount = 0;
  int rs = d.Find(r, "recentOrders");
  for (int c = d.First(rs); c >= 0; c = d.Next(c)) {
    if (s.recentCount >= GOV_MAX_RECENT) { err = "too many recent orders"; return false; }
    GovRecent &e = s.recent[s.recentCount++];
    e.key = d.GetString(c, "key", "");
    if (!time_field(d, c, "time", t, err)) return false;
    e.time = t;
  }
  s.breakCount = 0;
  int bs = d.Find(r, "marketBreaks");
  for (int c = d.First(bs); c >= 0; c = d.Next(c)) {
    if (s.breakCount >= GOV_MAX_BREAKS) { err = "too many market breaks"; return false; }
    GovMarketBreak &b = s.breaks[s.breakCount++];
    b.symbol = d.GetString(c, "symbol", "");
    if (!time_field(d, c, "start", t, err) ) return false;
    b.start = t;
    if (!time_field(d, c, "end", t, err)) return false;
    b.end = t;
  }
  int stt = d.Find(r, "stats");
  s.consecutiveLosses = d.GetInt(stt, "consecutiveLosses", 0);
  s.closedProfitToday = d.GetDouble(stt, "closedProfitToday", 0);
  s.openedToday = d.GetBool(stt, "openedToday", false);
  return true;
}

static void run_vectors(const std::string &vdir, const std::string &pdir) {
  std::vector<std::string> files = list_json(vdir);
  CHECK(!files.empty(), "no vector files in " + vdir);
  int passed = 0;
  for (const std::string &f : files) {
    bool ok = false;
    std::string text = read_file(vdir + "/" + f, &ok);
    CHECK(ok, "cannot read " + f);
    if (!ok) continue;
    if (!g_vec.Parse(text)) { CHECK(false, f + ": bad JSON: " + g_vec.Error()); continue; }
    int r = g_vec.Root();
    CHECK_EQ(g_vec.GetInt(r, "format", 0), 1, f + ": format");
    CHECK_EQ(g_vec.GetString(r, "name", "") + ".json", f, f + ": name = file name");
    std::string packName = g_vec.GetString(r, "pack", "");
    std::string ptext = read_file(pdir + "/" + packName + ".json", &ok);
    if (!ok) { CHECK(false, f + ": pack not found: " + packName); continue; }
    RulePack pack;
    string err;
    if (!RulePackFromText(ptext, g_pack, pack, err)) { CHECK(false, f + ": " + err); continue; }
    GovOrder order;
    std::string verr;
    if (!load_vector(g_vec, pack, g_snap, order, verr)) { CHECK(false, f + ": " + verr); continue; }
    GovVerdict v;
    GovernorsCheck(pack, g_snap, order, v);
    int ex = g_vec.Find(r, "expect");
    std::string wantVerdict = g_vec.GetString(ex, "verdict", "");
    std::string wantReason = g_vec.GetString(ex, "reason", "");
    std::string gotVerdict = v.allow ? "ALLOW" : "VETO";
    bool good = gotVerdict == wantVerdict && v.reason == wantReason;
    if (g_vec.Has(ex, "sizeFactor")) good = good && std::fabs(v.sizeFactor - g_vec.GetDouble(ex, "sizeFactor", 1)) < 1e-9;
    CHECK(good, f + ": expected " + wantVerdict + "/" + wantReason + " (size " + g_vec.GetString(ex, "sizeFactor", "-") +
                    "), got " + gotVerdict + "/" + v.reason + " (size " + JsonNumber(v.sizeFactor) + ", worst " +
                    IntegerToString(v.worstEquityCents) + "c, day floor " + IntegerToString(v.dayFloorCents) +
                    "c, max floor " + IntegerToString(v.maxFloorCents) + "c)");
    if (good) passed++;
  }
  std::printf("governor vectors: %d of %zu files pass\n", passed, files.size());
}

static void test_shipped_packs_load(const std::string &pdir) {
  for (const std::string &f : list_json(pdir)) {
    bool ok = false;
    std::string text = read_file(pdir + "/" + f, &ok);
    RulePack p;
    string err;
    bool loaded = RulePackFromText(text, g_pack, p, err);
    CHECK(loaded, f + " loads: " + err);
    CHECK_EQ(p.name + ".json", f, f + ": name matches file");
  }
}

static std::string replace_once(std::string s, const std::string &from, const std::string &to) {
  size_t at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

static void test_broken_pack_refused_with_field_name(const std::string &pdir) {
  bool ok = false;
  std::string text = read_file(pdir + "/ftmo-2step.json", &ok);
  RulePack p;
  string err;
  CHECK(!RulePackFromText(replace_once(text, "\"dailyLossPct\"", "\"dailyLossPctX\""), g_pack, p, err), "missing dailyLossPct refused");
  CHECK(err.find("dailyLossPct") != std::string::npos, "message names dailyLossPct: " + err);
  CHECK(!RulePackFromText(replace_once(text, "\"BALANCE\"", "\"BALANCES\""), g_pack, p, err), "unknown basis refused");
  CHECK(err.find("dailyLossBasis") != std::string::npos, "message names dailyLossBasis: " + err);
  CHECK(!RulePackFromText(replace_once(text, "\"Europe/Prague\"", "\"Europe/Paris\""), g_pack, p, err), "unknown zone refused");
  CHECK(!RulePackFromText(replace_once(text, "\"dailyLossLimitOf\"", "\"dailyLossLimitOfX\""), g_pack, p, err),
        "missing dailyLossLimitOf refused");
  CHECK(err.find("dailyLossLimitOf") != std::string::npos, "message names dailyLossLimitOf: " + err);
  CHECK(!RulePackFromText(replace_once(text, "\"INITIAL_BALANCE\"", "\"SMALLER\""), g_pack, p, err),
        "dailyLossLimitOf other than INITIAL_BALANCE/BASIS refused");
  CHECK(err.find("dailyLossLimitOf") != std::string::npos, "message names dailyLossLimitOf: " + err);
  CHECK(!RulePackFromText(replace_once(text, "\"dailyLossBufferPct\": 1.0", "\"dailyLossBufferPct\": 6.0"), g_pack, p, err),
        "buffer wider than the limit refused");
  CHECK(!RulePackFromText(text.substr(0, text.size() / 2), g_pack, p, err), "truncated JSON refused");
  CHECK(err.find("bad JSON") != std::string::npos, "message says bad JSON: " + err);
}

static void test_compiled_defaults_are_stricter_than_every_pack(const std::string &pdir) {
  RulePack d;
  RulePackDefaults(d, 100000, TZ_EET_EU_DST);
  for (const std::string &f : list_json(pdir)) {
    bool ok = false;
    RulePack p;
    string err;
    if (!RulePackFromText(read_file(pdir + "/" + f, &ok), g_pack, p, err)) continue;
    CHECK(d.dailyLossPct - d.dailyLossBufferPct <= p.dailyLossPct - p.dailyLossBufferPct, f + ": default daily room not wider");
    CHECK(d.maxLossPct - d.maxLossBufferPct <= p.maxLossPct - p.maxLossBufferPct, f + ": default max room not wider");
    CHECK(d.maxRiskPerTradePct <= p.maxRiskPerTradePct, f + ": default trade risk not wider");
    CHECK(d.maxOpenRiskPct <= p.maxOpenRiskPct, f + ": default open risk not wider");
    CHECK(d.maxOpenPositions <= p.maxOpenPositions, f + ": default positions not more");
    CHECK(d.maxOrdersPerMinute <= p.maxOrdersPerMinute, f + ": default rate not higher");
  }
}

// dailyLossLimitOf: each pack reads its own; the compiled-in default takes the % of the smaller of basis and
// initial balance, so its day floor is never below what either reading of the same % would give
static void test_daily_loss_limit_of(const std::string &pdir) {
  const char *names[] = {"ftmo-1step", "ftmo-2step", "fundednext-stellar-2step", "the5ers-high-stakes"};
  const int expected[] = {LIMIT_OF_INITIAL_BALANCE, LIMIT_OF_INITIAL_BALANCE, LIMIT_OF_INITIAL_BALANCE, LIMIT_OF_BASIS};
  for (int i = 0; i < 4; i++) {
    bool ok = false;
    RulePack p;
    string err;
    CHECK(RulePackFromText(read_file(pdir + "/" + names[i] + ".json", &ok), g_pack, p, err), std::string(names[i]) + " loads: " + err);
    CHECK(p.dailyLossLimitOf == expected[i], std::string(names[i]) + ": dailyLossLimitOf as in the file");
  }
  RulePack d;
  RulePackDefaults(d, 100000, TZ_EET_EU_DST);
  CHECK(d.dailyLossLimitOf == LIMIT_OF_SMALLER, "defaults: % of the smaller of basis and initial balance");
  const double starts[] = {80000.0, 95000.0, 99999.99, 100000.0, 100000.01, 104000.0, 130000.0};
  for (double b : starts)
    for (double e : starts) {
      g_snap.dayStartBalance = b;
      g_snap.dayStartEquity = e;
      RulePack a = d, c = d;
      a.dailyLossLimitOf = LIMIT_OF_INITIAL_BALANCE;
      c.dailyLossLimitOf = LIMIT_OF_BASIS;
      long def = BufferedDayFloorCents(d, g_snap);
      CHECK(def >= BufferedDayFloorCents(a, g_snap) && def >= BufferedDayFloorCents(c, g_snap),
            "default day floor is the higher one at start balance " + std::to_string(b) + ", equity " + std::to_string(e));
    }
  // The5ers at a basis of 96000: 5% of 96000 = 4800, not 5000 of the initial balance; buffer 1000
  RulePack t;
  string err;
  bool ok = false;
  CHECK(RulePackFromText(read_file(pdir + "/the5ers-high-stakes.json", &ok), g_pack, t, err), "the5ers loads");
  g_snap.dayStartBalance = 96000.0;
  g_snap.dayStartEquity = 95500.0;
  CHECK(BufferedDayFloorCents(t, g_snap) == (9600000 - 480000 + 100000), "the5ers buffered day floor 92200.00");
}

// Risk 11: while the calendar cannot be trusted the pack decides (EMBARGO: every symbol inside a news
// window; BLOCK: no new positions), as the host does; news reach symbols through an explicit currency map.
static void test_news_calendar_failsafe_and_symbol_currencies(const std::string &pdir) {
  bool ok = false;
  RulePack p;
  string err;
  std::string text = read_file(pdir + "/ftmo-2step.json", &ok);
  CHECK(RulePackFromText(text, g_pack, p, err), "ftmo loads: " + err);
  CHECK_EQ(p.newsCalendarFailSafe, (int)CAL_FAILSAFE_EMBARGO, "absent: EMBARGO");
  RulePack b;
  std::string blockText = replace_once(text, "\"newsEmbargo\"", "\"newsCalendarFailSafe\": \"BLOCK\", \"newsEmbargo\"");
  CHECK(RulePackFromText(blockText, g_pack, b, err), "BLOCK pack loads: " + err);
  CHECK_EQ(b.newsCalendarFailSafe, (int)CAL_FAILSAFE_BLOCK, "BLOCK read");
  RulePack bad;
  err = "";
  CHECK(!RulePackFromText(replace_once(text, "\"newsEmbargo\"", "\"newsCalendarFailSafe\": \"MAYBE\", \"newsEmbargo\""), g_pack, bad, err) &&
        StringFind(err, "newsCalendarFailSafe") >= 0, "an unknown fail-safe is refused by name: " + err);

  g_snap.now = 1000000;
  g_snap.newsCount = 0;
  g_snap.calendarFault = "";
  CHECK(!NewsVeto(p, g_snap, "EURUSD", GOV_OPEN), "calendar fine, no news: open allowed");
  g_snap.calendarFault = "CalendarValueHistory failed (error 5401)";
  CHECK(NewsVeto(p, g_snap, "EURUSD", GOV_OPEN), "fault, EMBARGO: open refused");
  CHECK(NewsVeto(p, g_snap, "EURUSD", GOV_CLOSE), "fault, EMBARGO with the FTMO embargo: close refused like in a window");
  CHECK(NewsVeto(b, g_snap, "EURUSD", GOV_OPEN), "fault, BLOCK: open refused");
  CHECK(!NewsVeto(b, g_snap, "EURUSD", GOV_CLOSE), "fault, BLOCK: closing allowed");
  CHECK(!NewsVeto(b, g_snap, "EURUSD", GOV_MODIFY), "fault, BLOCK: modifying allowed");
  RulePack noEmbargo = p;
  noEmbargo.newsEmbargo = false;
  CHECK(!NewsVeto(noEmbargo, g_snap, "EURUSD", GOV_OPEN), "fault, EMBARGO, a pack without a news rule: nothing refused");
  g_snap.calendarFault = "";

  // USD news in its window: explicit map, not a substring of the name
  g_snap.newsCount = 1;
  g_snap.news[0].time = g_snap.now + 30;
  g_snap.news[0].currency = "USD";
  g_snap.news[0].impact = IMPACT_HIGH;
  g_snap.news[0].symbols = "";
  CHECK(NewsVeto(p, g_snap, "US30", GOV_OPEN), "USD news blocks the US30 index");
  CHECK(NewsVeto(p, g_snap, "US500.cash", GOV_OPEN), "and a broker-suffixed US500");
  CHECK(NewsVeto(p, g_snap, "XAUUSD", GOV_OPEN), "and gold");
  CHECK(NewsVeto(p, g_snap, "USDJPY", GOV_OPEN), "and USDJPY");
  CHECK(!NewsVeto(p, g_snap, "GER40", GOV_OPEN), "not the DAX");
  CHECK(!NewsVeto(p, g_snap, "EURGBP", GOV_OPEN), "not EURGBP");
  g_snap.news[0].currency = "EUR";
  CHECK(NewsVeto(p, g_snap, "GER40", GOV_OPEN), "EUR news blocks the DAX");
  CHECK(!NewsVeto(p, g_snap, "US30", GOV_OPEN), "not the Dow");
  CHECK_EQ(SymbolNewsCurrencies("EURUSD"), std::string("EUR,USD"), "a major pair: both currencies");
  CHECK_EQ(SymbolNewsCurrencies("NAS100"), std::string("USD"), "NAS100: USD");
  CHECK_EQ(SymbolNewsCurrencies("UNKNOWN1"), std::string(""), "an unmapped symbol has no currencies");
  g_snap.newsCount = 0;
}

// the shared weekend vectors (vectors/weekend/weekend_by_pack.json; the host's GovernorWeekendVectorsTest reads
// the same file): opening blocked by the governors, flatten as RiskManager does it
static CJsonDoc g_weekend;
static void test_weekend_vectors(const std::string &file, const std::string &pdir) {
  bool ok = false;
  std::string text = read_file(file, &ok);
  CHECK(ok && g_weekend.Parse(text), "weekend vectors readable: " + file);
  if (!ok) return;
  int r = g_weekend.Root();
  CHECK(g_weekend.GetDouble(r, "format", 0) == 1, "weekend vectors: format 1");
  int cases = g_weekend.Find(r, "cases");
  int n = 0, passed = 0;
  for (int c = g_weekend.First(cases); c >= 0; c = g_weekend.Next(c)) {
    std::string packName = g_weekend.GetString(c, "pack", "");
    RulePack p;
    string err;
    if (!RulePackFromText(read_file(pdir + "/" + packName + ".json", &ok), g_pack, p, err)) {
      CHECK(false, "weekend vector pack " + packName + ": " + err);
      continue;
    }
    long now = 0;
    std::string nowText = g_weekend.GetString(c, "now", "");
    CHECK(ParseTimeText(nowText, now), "weekend vector time " + nowText);
    bool blocked = p.weekendFlat && InWeekendBlock(now, p.serverTz, p.weekendStopOpeningMinutes);
    bool flatten = p.weekendFlat && InWeekendBlock(now, p.serverTz, p.weekendFlattenMinutes);
    bool wantBlocked = g_weekend.GetBool(c, "openBlocked", false);
    bool wantFlatten = g_weekend.GetBool(c, "flatten", false);
    CHECK(blocked == wantBlocked, packName + " at " + nowText + ": opening blocked " + (blocked ? "yes" : "no"));
    CHECK(flatten == wantFlatten, packName + " at " + nowText + ": flatten " + (flatten ? "yes" : "no"));
    n++;
    if (blocked == wantBlocked && flatten == wantFlatten) passed++;
  }
  std::printf("weekend vectors: %d of %d cases pass\n", passed, n);
  CHECK(n >= 20, "at least 20 weekend cases");
}

int main(int argc, char **argv) {
  if (argc < 4) { std::printf("usage: %s <vectors/governors dir> <rulepacks dir> <weekend vectors file>\n", argv[0]); return 2; }
  run_vectors(argv[1], argv[2]);
  test_shipped_packs_load(argv[2]);
  test_broken_pack_refused_with_field_name(argv[2]);
  test_compiled_defaults_are_stricter_than_every_pack(argv[2]);
  test_daily_loss_limit_of(argv[2]);
  test_weekend_vectors(argv[3], argv[2]);
  test_news_calendar_failsafe_and_symbol_currencies(argv[2]);
  return check_summary("governors_test");
}
