// scheduler_test.cpp -- DST rules, server-time conversions, sessions, weekend and day reset, with the
// weeks where the EU and US rules disagree (US already/still on summer time, EU not).
#include "shim.h"
#include "../Include/Scheduler.mqh"
#include "check.h"

static long T(const char *s) {
  long t = 0;
  if (!ParseTimeText(s, t)) std::printf("bad time literal %s\n", s);
  return t;
}
static std::string F(long t) { return FormatTimeText(t); }

static SessionWindow session(int zone, int openMin, int closeMin) {
  SessionWindow w;
  w.name = "s"; w.zone = zone; w.openMin = openMin; w.closeMin = closeMin;
  return w;
}

// first server minute (scanning a day) at which the session is open
static std::string first_open_minute(const char *day, int serverTz, const SessionWindow &w) {
  long start = T(day);
  for (long t = start; t < start + SECONDS_PER_DAY; t += 60)
    if (InSessionWindow(t, serverTz, w)) return F(t);
  return "never";
}

static void test_transition_dates() {
  // EU: last Sunday of March / October; US: second Sunday of March / first Sunday of November
  struct Y { int y, euMar, euOct, usMar, usNov; } ys[] = {
    {2024, 31, 27, 10, 3}, {2025, 30, 26, 9, 2}, {2026, 29, 25, 8, 1}, {2027, 28, 31, 14, 7}, {2028, 26, 29, 12, 5}};
  for (const Y &y : ys) {
    CHECK_EQ(LastSundayOfMonth(y.y, 3), y.euMar, "EU March " + std::to_string(y.y));
    CHECK_EQ(LastSundayOfMonth(y.y, 10), y.euOct, "EU October " + std::to_string(y.y));
    CHECK_EQ(NthSundayOfMonth(y.y, 3, 2), y.usMar, "US March " + std::to_string(y.y));
    CHECK_EQ(NthSundayOfMonth(y.y, 11, 1), y.usNov, "US November " + std::to_string(y.y));
  }
  CHECK_EQ(LastSundayOfMonth(2026, 12), 27, "last Sunday of December (year wrap)");
  CHECK_EQ(DayOfWeekOf(T("2026.03.10 15:00:00")), 2, "2026-03-10 is a Tuesday");
  CHECK_EQ(DayOfWeekOf(T("1970.01.01 00:00:00")), 4, "1970-01-01 was a Thursday");
}

static void test_dst_edges_to_the_second() {
  CHECK(!EuDstAtUtc(T("2026.03.29 00:59:59")), "EU winter until 01:00 UTC");
  CHECK(EuDstAtUtc(T("2026.03.29 01:00:00")), "EU summer from 01:00 UTC");
  CHECK(EuDstAtUtc(T("2026.10.25 00:59:59")), "EU summer until 01:00 UTC");
  CHECK(!EuDstAtUtc(T("2026.10.25 01:00:00")), "EU winter from 01:00 UTC");
  CHECK(!UsDstAtUtc(T("2026.03.08 06:59:59")), "US winter until 02:00 EST");
  CHECK(UsDstAtUtc(T("2026.03.08 07:00:00")), "US summer from 02:00 EST = 07:00 UTC");
  CHECK(UsDstAtUtc(T("2026.11.01 05:59:59")), "US summer until 02:00 EDT");
  CHECK(!UsDstAtUtc(T("2026.11.01 06:00:00")), "US winter from 02:00 EDT = 06:00 UTC");
}

static void test_server_time_conversions() {
  CHECK_EQ(F(ServerToUtc(T("2026.03.10 15:00:00"), TZ_EET_EU_DST)), std::string("2026.03.10 13:00:00"), "EET winter = UTC+2");
  CHECK_EQ(F(ServerToUtc(T("2026.04.10 15:00:00"), TZ_EET_EU_DST)), std::string("2026.04.10 12:00:00"), "EET summer = UTC+3");
  CHECK_EQ(F(ServerToUtc(T("2026.03.10 15:00:00"), TZ_NY_CLOSE)), std::string("2026.03.10 12:00:00"), "NY_CLOSE after US switch = UTC+3");
  CHECK_EQ(F(ServerToUtc(T("2026.03.06 15:00:00"), TZ_NY_CLOSE)), std::string("2026.03.06 13:00:00"), "NY_CLOSE before US switch = UTC+2");
  CHECK_EQ(F(ServerToUtc(T("2026.10.28 15:00:00"), TZ_NY_CLOSE)), std::string("2026.10.28 12:00:00"), "NY_CLOSE late October = UTC+3");
  CHECK_EQ(F(ServerToUtc(T("2026.10.28 15:00:00"), TZ_EET_EU_DST)), std::string("2026.10.28 13:00:00"), "EET late October = UTC+2");
  // NY_CLOSE: server midnight is 17:00 New York all year
  const char *days[] = {"2026.01.15 00:00:00", "2026.03.12 00:00:00", "2026.07.01 00:00:00", "2026.10.28 00:00:00", "2026.11.04 00:00:00"};
  for (const char *d : days)
    CHECK_EQ(MinuteOfDay(ServerToZone(T(d), TZ_NY_CLOSE, TZ_NEW_YORK)), 17 * 60, std::string("NY_CLOSE midnight = 17:00 NY on ") + d);
  // skipped and repeated local hours
  CHECK_EQ(F(LocalToUtc(T("2026.03.08 02:30:00"), TZ_NEW_YORK)), std::string("2026.03.08 07:30:00"), "NY skipped 02:30 -> 03:30 EDT");
  CHECK_EQ(F(LocalToUtc(T("2026.11.01 01:30:00"), TZ_NEW_YORK)), std::string("2026.11.01 05:30:00"), "NY repeated 01:30 -> first (EDT)");
  CHECK_EQ(F(LocalToUtc(T("2026.10.25 03:30:00"), TZ_EET_EU_DST)), std::string("2026.10.25 00:30:00"), "EET repeated 03:30 -> first (UTC+3)");
  // utc -> server -> utc is exact except in the repeated autumn hour (first occurrence wins)
  int zones[] = {TZ_EET_EU_DST, TZ_NY_CLOSE, TZ_LONDON, TZ_PRAGUE, TZ_NEW_YORK, TZ_UTC};
  for (int z : zones) {
    int mismatches = 0;
    for (long u = T("2026.01.01 00:00:00"); u < T("2027.01.01 00:00:00"); u += 900)
      if (LocalToUtc(UtcToLocal(u, z), z) != u) mismatches++;
    CHECK(mismatches == (z == TZ_UTC ? 0 : 4), "zone " + std::to_string(z) + ": only the 4 quarter-hours of the repeated hour differ, got " + std::to_string(mismatches));
  }
}

static void test_sessions_in_server_time() {
  SessionWindow london = session(TZ_LONDON, 8 * 60, 17 * 60), ny = session(TZ_NEW_YORK, 8 * 60, 17 * 60);
  // EET_EU_DST server (FTMO): London shares the EU rule so it opens at 10:00 server all year
  CHECK_EQ(first_open_minute("2026.01.14 00:00:00", TZ_EET_EU_DST, london), std::string("2026.01.14 10:00:00"), "London, EET, winter");
  CHECK_EQ(first_open_minute("2026.07.15 00:00:00", TZ_EET_EU_DST, london), std::string("2026.07.15 10:00:00"), "London, EET, summer");
  CHECK_EQ(first_open_minute("2026.03.18 00:00:00", TZ_EET_EU_DST, london), std::string("2026.03.18 10:00:00"), "London, EET, US-only DST week");
  // New York opens 15:00 server except in the weeks where only the US is on summer time: 14:00
  CHECK_EQ(first_open_minute("2026.01.14 00:00:00", TZ_EET_EU_DST, ny), std::string("2026.01.14 15:00:00"), "NY, EET, winter");
  CHECK_EQ(first_open_minute("2026.07.15 00:00:00", TZ_EET_EU_DST, ny), std::string("2026.07.15 15:00:00"), "NY, EET, summer");
  CHECK_EQ(first_open_minute("2026.03.09 00:00:00", TZ_EET_EU_DST, ny), std::string("2026.03.09 14:00:00"), "NY, EET, 1st day US DST only");
  CHECK_EQ(first_open_minute("2026.03.27 00:00:00", TZ_EET_EU_DST, ny), std::string("2026.03.27 14:00:00"), "NY, EET, last weekday US DST only");
  CHECK_EQ(first_open_minute("2026.03.30 00:00:00", TZ_EET_EU_DST, ny), std::string("2026.03.30 15:00:00"), "NY, EET, both on DST");
  CHECK_EQ(first_open_minute("2026.10.26 00:00:00", TZ_EET_EU_DST, ny), std::string("2026.10.26 14:00:00"), "NY, EET, EU back on winter, US not");
  CHECK_EQ(first_open_minute("2026.11.02 00:00:00", TZ_EET_EU_DST, ny), std::string("2026.11.02 15:00:00"), "NY, EET, both on winter");
  // NY_CLOSE server (The5ers): New York is always 15:00 server, London moves in the odd weeks
  CHECK_EQ(first_open_minute("2026.03.18 00:00:00", TZ_NY_CLOSE, ny), std::string("2026.03.18 15:00:00"), "NY, NY_CLOSE, odd week");
  CHECK_EQ(first_open_minute("2026.03.18 00:00:00", TZ_NY_CLOSE, london), std::string("2026.03.18 11:00:00"), "London, NY_CLOSE, March odd week");
  CHECK_EQ(first_open_minute("2026.10.28 00:00:00", TZ_NY_CLOSE, london), std::string("2026.10.28 11:00:00"), "London, NY_CLOSE, October odd week");
  CHECK_EQ(first_open_minute("2026.06.17 00:00:00", TZ_NY_CLOSE, london), std::string("2026.06.17 10:00:00"), "London, NY_CLOSE, summer");
  // the close edge is exclusive
  CHECK(InSessionWindow(T("2026.01.14 18:59:00"), TZ_EET_EU_DST, london), "London open at 16:59 local");
  CHECK(!InSessionWindow(T("2026.01.14 19:00:00"), TZ_EET_EU_DST, london), "London closed at 17:00 local");
  // a session over midnight
  SessionWindow asia = session(TZ_UTC, 23 * 60, 7 * 60);
  CHECK(InSessionWindow(T("2026.01.14 01:30:00"), TZ_EET_EU_DST, asia), "overnight session open after midnight UTC");
  CHECK(!InSessionWindow(T("2026.01.14 10:00:00"), TZ_EET_EU_DST, asia), "overnight session closed at 08:00 UTC");
  // Monday to Friday in the session's own zone
  CHECK(!InSessionWindow(T("2026.01.17 12:00:00"), TZ_EET_EU_DST, london), "Saturday: London closed");
  CHECK(!InSessionWindow(T("2026.01.18 12:00:00"), TZ_EET_EU_DST, london), "Sunday: London closed");
  CHECK(InSessionWindow(T("2026.01.19 10:00:00"), TZ_EET_EU_DST, london), "Monday 08:00 London open");
  CHECK(InSessionWindow(T("2026.01.17 03:00:00"), TZ_EET_EU_DST, asia), "Saturday 01:00 UTC: Friday's overnight session");
  CHECK(!InSessionWindow(T("2026.01.19 03:00:00"), TZ_EET_EU_DST, asia), "Monday 01:00 UTC: Sunday's session does not exist");
  CHECK(!InSessionWindow(T("2026.01.18 01:30:00"), TZ_EET_EU_DST, asia), "Saturday 23:30 UTC: closed");
}

static void test_weekend() {
  // EET server, normal week: Friday 17:00 NY = Saturday 00:00 server; 60 min lead -> Friday 23:00
  CHECK(!InWeekendBlock(T("2026.01.16 22:59:00"), TZ_EET_EU_DST, 60), "Friday 22:59 server open");
  CHECK(InWeekendBlock(T("2026.01.16 23:00:00"), TZ_EET_EU_DST, 60), "Friday 23:00 server blocked (1 h before NY close)");
  CHECK(InWeekendBlock(T("2026.01.17 12:00:00"), TZ_EET_EU_DST, 60), "Saturday blocked");
  CHECK(InWeekendBlock(T("2026.01.18 23:59:00"), TZ_EET_EU_DST, 60), "Sunday 23:59 server = 16:59 NY blocked");
  CHECK(!InWeekendBlock(T("2026.01.19 00:00:00"), TZ_EET_EU_DST, 60), "Monday 00:00 server = Sunday 17:00 NY open");
  // the March week where only the US is on summer time: the close comes one hour earlier in EET
  CHECK(!InWeekendBlock(T("2026.03.13 21:59:00"), TZ_EET_EU_DST, 60), "odd week: Friday 21:59 server open");
  CHECK(InWeekendBlock(T("2026.03.13 22:00:00"), TZ_EET_EU_DST, 60), "odd week: Friday 22:00 server blocked");
  CHECK(!InWeekendBlock(T("2026.03.15 23:00:00"), TZ_EET_EU_DST, 60), "odd week: Sunday 23:00 server = 17:00 EDT open");
  // NY_CLOSE server: the week always ends at server midnight
  CHECK(!InWeekendBlock(T("2026.03.13 22:59:00"), TZ_NY_CLOSE, 60), "NY_CLOSE Friday 22:59 open");
  CHECK(InWeekendBlock(T("2026.03.13 23:00:00"), TZ_NY_CLOSE, 60), "NY_CLOSE Friday 23:00 blocked");
  CHECK(!InWeekendBlock(T("2026.03.12 23:30:00"), TZ_NY_CLOSE, 60), "Thursday never blocked");
  // Friday after the 17:00 New York close is the weekend, with any lead
  CHECK(InWeekendBlock(T("2026.03.13 23:30:00"), TZ_EET_EU_DST, 0), "odd week: Friday 23:30 server = 17:30 NY blocked");
  CHECK(InWeekendBlock(T("2026.03.13 23:00:00"), TZ_EET_EU_DST, 0), "odd week: the close itself blocked");
  CHECK(!InWeekendBlock(T("2026.03.13 22:59:59"), TZ_EET_EU_DST, 0), "odd week: a second before the close, no lead, open");
  CHECK(InWeekendBlock(T("2026.03.14 00:30:00"), TZ_NY_CLOSE, 0), "NY_CLOSE Saturday 00:30 server = Friday 17:30 NY blocked");
  // a lead reaching back into Thursday (packs allow up to 2880 min)
  CHECK(InWeekendBlock(T("2026.01.15 18:00:00"), TZ_NY_CLOSE, 1800), "Thursday 11:00 NY blocked with a 30 h lead");
  CHECK(!InWeekendBlock(T("2026.01.15 17:59:59"), TZ_NY_CLOSE, 1800), "Thursday 10:59:59 NY open with a 30 h lead");
  CHECK(InWeekendBlock(T("2026.01.15 00:00:00"), TZ_NY_CLOSE, 2880), "Wednesday 17:00 NY blocked with a 48 h lead");
}

static void test_day_reset() {
  // FTMO: midnight Prague on an EET server = 01:00 server all year (both EU rule)
  CHECK_EQ(F(TradingDayStart(T("2026.03.10 15:00:00"), TZ_EET_EU_DST, TZ_PRAGUE, 0)), std::string("2026.03.10 01:00:00"), "Prague reset winter");
  CHECK_EQ(F(TradingDayStart(T("2026.07.10 00:30:00"), TZ_EET_EU_DST, TZ_PRAGUE, 0)), std::string("2026.07.09 01:00:00"), "Prague reset, before 01:00 server");
  CHECK_EQ(F(TradingDayStart(T("2026.03.29 12:00:00"), TZ_EET_EU_DST, TZ_PRAGUE, 0)), std::string("2026.03.29 01:00:00"), "Prague reset on the switch day");
  // server midnight
  CHECK_EQ(F(TradingDayStart(T("2026.03.10 15:00:00"), TZ_NY_CLOSE, TZ_SERVER, 0)), std::string("2026.03.10 00:00:00"), "SERVER reset");
  // Prague midnight seen from a NY_CLOSE server moves in the odd weeks
  CHECK_EQ(F(TradingDayStart(T("2026.03.18 12:00:00"), TZ_NY_CLOSE, TZ_PRAGUE, 0)), std::string("2026.03.18 02:00:00"), "Prague reset on NY_CLOSE, March odd week");
  CHECK_EQ(F(TradingDayStart(T("2026.01.14 12:00:00"), TZ_NY_CLOSE, TZ_PRAGUE, 0)), std::string("2026.01.14 01:00:00"), "Prague reset on NY_CLOSE, winter");
  // the key changes exactly at the reset
  long k1 = TradingDayKey(T("2026.03.11 00:59:59"), TZ_EET_EU_DST, TZ_PRAGUE, 0);
  long k2 = TradingDayKey(T("2026.03.11 01:00:00"), TZ_EET_EU_DST, TZ_PRAGUE, 0);
  CHECK_EQ(k2 - k1, 1L, "day key increments at 01:00 server");
  // a reset time other than midnight (17:00 New York)
  CHECK_EQ(F(TradingDayStart(T("2026.03.10 15:00:00"), TZ_EET_EU_DST, TZ_NEW_YORK, 17 * 60)), std::string("2026.03.09 23:00:00"), "17:00 NY reset in the odd week");
}

static void test_time_text() {
  long t = 0;
  CHECK(ParseTimeText("2026.03.10 15:00:00", t) && FormatTimeText(t) == "2026.03.10 15:00:00", "time text round trip");
  CHECK(ParseTimeText("2026.03.10", t) && FormatTimeText(t) == "2026.03.10 00:00:00", "date only");
  CHECK(ParseTimeText("2026.03.10 15:07", t) && FormatTimeText(t) == "2026.03.10 15:07:00", "no seconds");
  CHECK(!ParseTimeText("2026-03-10 15:00:00", t), "dashes refused");
  CHECK(!ParseTimeText("2026.13.10 15:00:00", t), "month 13 refused");
  CHECK(!ParseTimeText("2026.03.10T15:00:00", t), "T refused");
  CHECK_EQ(ParseHhMm("08:00"), 480, "HH:MM");
  CHECK_EQ(ParseHhMm("8:00"), -1, "H:MM refused");
  CHECK_EQ(TzFromName("Europe/Paris"), (int)TZ_INVALID, "unlisted zone refused");
}

int main() {
  test_transition_dates();
  test_dst_edges_to_the_second();
  test_server_time_conversions();
  test_sessions_in_server_time();
  test_weekend();
  test_day_reset();
  test_time_text();
  return check_summary("scheduler_test");
}
