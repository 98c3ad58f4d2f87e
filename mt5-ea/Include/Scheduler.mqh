//+------------------------------------------------------------------+
//| Scheduler.mqh -- server time, DST, sessions, weekend, day reset   |
//+------------------------------------------------------------------+
// Pure functions (C++-compatible MQL5 subset). Times are seconds since 1970 as `long`:
//   * "server time" is the broker's wall clock written as if it were UTC (MQL5 TimeCurrent()/datetime);
//   * "utc" is real UTC; "local" is a zone's wall clock written the same way.
// Zones are the closed list of test/vectors/README.md: the DST rules are computed here (no tz database
// in MQL5): EU rule = last Sunday of March 01:00 UTC .. last Sunday of October 01:00 UTC; US rule =
// second Sunday of March 02:00 local .. first Sunday of November 02:00 local.
#ifndef VPT_SCHEDULER_MQH
#define VPT_SCHEDULER_MQH

#define SECONDS_PER_DAY 86400

enum ENUM_TZ
  {
   TZ_INVALID = -1,
   TZ_UTC = 0,
   TZ_EET_EU_DST = 1,   // UTC+2 / UTC+3 on the EU rule (FTMO, FundedNext servers)
   TZ_NY_CLOSE = 2,     // New York + 7 h (UTC+2 / UTC+3 on the US rule; The5ers)
   TZ_LONDON = 3,       // Europe/London GMT / BST
   TZ_PRAGUE = 4,       // Europe/Prague CET / CEST
   TZ_NEW_YORK = 5,     // America/New_York EST / EDT
   TZ_SERVER = 6        // "whatever the server runs": resolved against the server zone
  };

long FloorDiv(long a, long b)
  {
   long q = a / b;
   if((a % b != 0) && ((a < 0) != (b < 0)))
      q--;
   return q;
  }

//--- days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm)
long DaysFromCivil(int y, int m, int d)
  {
   long yy = (m <= 2) ? y - 1 : y;
   long era = FloorDiv(yy, 400);
   long yoe = yy - era * 400;
   long mp = (m + 9) % 12;
   long doy = (153 * mp + 2) / 5 + d - 1;
   long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
   return era * 146097 + doe - 719468;
  }

void CivilFromDays(long z, int &y, int &m, int &d)
  {
   z += 719468;
   long era = FloorDiv(z, 146097);
   long doe = z - era * 146097;
   long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
   long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
   long mp = (5 * doy + 2) / 153;
   d = (int)(doy - (153 * mp + 2) / 5 + 1);
   m = (int)(mp < 10 ? mp + 3 : mp - 9);
   y = (int)(yoe + era * 400 + (m <= 2 ? 1 : 0));
  }

//--- 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday), as MQL5's MqlDateTime.day_of_week
int DayOfWeekOfDays(long days) { return (int)(((days % 7) + 11) % 7); }
int DayOfWeekOf(long t) { return DayOfWeekOfDays(FloorDiv(t, SECONDS_PER_DAY)); }
int MinuteOfDay(long t) { return (int)((t - FloorDiv(t, SECONDS_PER_DAY) * SECONDS_PER_DAY) / 60); }

long MakeTime(int y, int mo, int d, int h, int mi, int s)
  {
   return DaysFromCivil(y, mo, d) * SECONDS_PER_DAY + h * 3600 + mi * 60 + s;
  }

int LastSundayOfMonth(int y, int m)
  {
   int ny = (m == 12) ? y + 1 : y;
   int nm = (m == 12) ? 1 : m + 1;
   long last = DaysFromCivil(ny, nm, 1) - 1;
   int yy, mm, dd;
   CivilFromDays(last - DayOfWeekOfDays(last), yy, mm, dd);
   return dd;
  }

int NthSundayOfMonth(int y, int m, int n)
  {
   long first = DaysFromCivil(y, m, 1);
   int dow = DayOfWeekOfDays(first);
   int firstSunday = 1 + (7 - dow) % 7;
   return firstSunday + 7 * (n - 1);
  }

int YearOf(long t)
  {
   int y, m, d;
   CivilFromDays(FloorDiv(t, SECONDS_PER_DAY), y, m, d);
   return y;
  }

bool EuDstAtUtc(long utc)
  {
   int y = YearOf(utc);
   long start = MakeTime(y, 3, LastSundayOfMonth(y, 3), 1, 0, 0);
   long end = MakeTime(y, 10, LastSundayOfMonth(y, 10), 1, 0, 0);
   return utc >= start && utc < end;
  }

bool UsDstAtUtc(long utc)
  {
   int y = YearOf(utc);
   long start = MakeTime(y, 3, NthSundayOfMonth(y, 3, 2), 2 + 5, 0, 0);  // 02:00 EST = 07:00 UTC
   long end = MakeTime(y, 11, NthSundayOfMonth(y, 11, 1), 2 + 4, 0, 0); // 02:00 EDT = 06:00 UTC
   return utc >= start && utc < end;
  }

int TzFromName(const string name)
  {
   if(name == "UTC") return TZ_UTC;
   if(name == "EET_EU_DST") return TZ_EET_EU_DST;
   if(name == "NY_CLOSE") return TZ_NY_CLOSE;
   if(name == "Europe/London") return TZ_LONDON;
   if(name == "Europe/Prague") return TZ_PRAGUE;
   if(name == "America/New_York") return TZ_NEW_YORK;
   if(name == "SERVER") return TZ_SERVER;
   return TZ_INVALID;
  }

//--- offset (seconds east of UTC) of a zone at a UTC instant; TZ_SERVER must be resolved by the caller
int TzOffsetAtUtc(int tz, long utc)
  {
   switch(tz)
     {
      case TZ_EET_EU_DST: return EuDstAtUtc(utc) ? 3 * 3600 : 2 * 3600;
      case TZ_NY_CLOSE:   return UsDstAtUtc(utc) ? 3 * 3600 : 2 * 3600;
      case TZ_LONDON:     return EuDstAtUtc(utc) ? 3600 : 0;
      case TZ_PRAGUE:     return EuDstAtUtc(utc) ? 2 * 3600 : 3600;
      case TZ_NEW_YORK:   return UsDstAtUtc(utc) ? -4 * 3600 : -5 * 3600;
     }
   return 0;
  }

long UtcToLocal(long utc, int tz) { return utc + TzOffsetAtUtc(tz, utc); }

//--- a wall-clock time of a zone to UTC. Every zone here is "standard or standard + 1 h": try the
//--- summer offset first, so an ambiguous autumn hour maps to its first occurrence and a skipped
//--- spring hour maps one hour later (as MT5 servers do).
long LocalToUtc(long local, int tz)
  {
   int winter = 0;   // the zone's standard (winter) offset
   switch(tz)
     {
      case TZ_EET_EU_DST: winter = 2 * 3600; break;
      case TZ_NY_CLOSE:   winter = 2 * 3600; break;
      case TZ_LONDON:     winter = 0; break;
      case TZ_PRAGUE:     winter = 3600; break;
      case TZ_NEW_YORK:   winter = -5 * 3600; break;
      default:            return local;
     }
   long summerUtc = local - (winter + 3600);
   if(TzOffsetAtUtc(tz, summerUtc) == winter + 3600)
      return summerUtc;
   return local - winter;
  }

long ServerToUtc(long server, int serverTz) { return LocalToUtc(server, serverTz); }
long UtcToServer(long utc, int serverTz) { return UtcToLocal(utc, serverTz); }

//--- server time to the wall clock of a zone (TZ_SERVER = unchanged)
long ServerToZone(long server, int serverTz, int zone)
  {
   if(zone == TZ_SERVER || zone == serverTz)
      return server;
   return UtcToLocal(ServerToUtc(server, serverTz), zone);
  }
long ZoneToServer(long local, int zone, int serverTz)
  {
   if(zone == TZ_SERVER || zone == serverTz)
      return local;
   return UtcToServer(LocalToUtc(local, zone), serverTz);
  }

//--- "HH:MM" -> minutes after midnight, -1 when malformed
int ParseHhMm(const string s)
  {
   if(StringLen(s) != 5 || StringGetCharacter(s, 2) != ':')
      return -1;
   int h = (int)StringToInteger(StringSubstr(s, 0, 2));
   int m = (int)StringToInteger(StringSubstr(s, 3, 2));
   if(h < 0 || h > 24 || m < 0 || m > 59)
      return -1;
   return h * 60 + m;
  }

int Digits2(const string s, int pos) { return (int)StringToInteger(StringSubstr(s, pos, 2)); }

//--- "YYYY.MM.DD HH:MM:SS" (also "YYYY.MM.DD HH:MM" and "YYYY.MM.DD"), as MQL5 TimeToString prints
bool ParseTimeText(const string s, long &t)
  {
   int n = StringLen(s);
   if(n != 10 && n != 16 && n != 19)
      return false;
   if(StringGetCharacter(s, 4) != '.' || StringGetCharacter(s, 7) != '.')
      return false;
   int y = (int)StringToInteger(StringSubstr(s, 0, 4));
   int mo = Digits2(s, 5);
   int d = Digits2(s, 8);
   int h = 0, mi = 0, se = 0;
   if(n >= 16)
     {
      if(StringGetCharacter(s, 10) != ' ' || StringGetCharacter(s, 13) != ':')
         return false;
      h = Digits2(s, 11);
      mi = Digits2(s, 14);
     }
   if(n == 19)
     {
      if(StringGetCharacter(s, 16) != ':')
         return false;
      se = Digits2(s, 17);
     }
   if(y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59)
      return false;
   t = MakeTime(y, mo, d, h, mi, se);
   return true;
  }

string FormatTimeText(long t)
  {
   int y, m, d;
   long days = FloorDiv(t, SECONDS_PER_DAY);
   CivilFromDays(days, y, m, d);
   long sec = t - days * SECONDS_PER_DAY;
   return IntegerToString(y, 4, '0') + "." + IntegerToString(m, 2, '0') + "." + IntegerToString(d, 2, '0') + " " +
          IntegerToString(sec / 3600, 2, '0') + ":" + IntegerToString((sec / 60) % 60, 2, '0') + ":" +
          IntegerToString(sec % 60, 2, '0');
  }

//--- one trading session: [open, close) in the zone's wall clock, minutes after midnight, Monday to
//--- Friday in that zone. close < open means the session runs over midnight (into the next day).
struct SessionWindow
  {
   string            name;
   int               zone;
   int               openMin;
   int               closeMin;
  };

bool InSessionWindow(long server, int serverTz, const SessionWindow &w)
  {
   long local = ServerToZone(server, serverTz, w.zone);
   int m = MinuteOfDay(local);
   int dow = DayOfWeekOf(local);
   if(w.openMin <= w.closeMin)
      return dow >= 1 && dow <= 5 && m >= w.openMin && m < w.closeMin;
   if(m >= w.openMin)
      return dow >= 1 && dow <= 5;
   // the part after midnight belongs to the session that opened the evening before
   return m < w.closeMin && dow >= 2 && dow <= 6;
  }

//--- forex week: closes Friday 17:00 New York, reopens Sunday 17:00 New York.
//--- True from Friday 17:00 NY minus `leadMinutes` until Sunday 17:00 NY.
bool InWeekendBlock(long server, int serverTz, int leadMinutes)
  {
   long ny = ServerToZone(server, serverTz, TZ_NEW_YORK);
   int dow = DayOfWeekOf(ny);
   long second = ny - FloorDiv(ny, SECONDS_PER_DAY) * SECONDS_PER_DAY;
   long roll = 17 * 3600;
   // the market is shut from Friday 17:00 New York (the close itself included) to Sunday 17:00
   if(dow == 6 || (dow == 0 && second < roll) || (dow == 5 && second >= roll))
      return true;
   // Sunday evening to Friday before the close: blocked from `leadMinutes` before the close (any lead the
   // pack allows, also one reaching back into Thursday)
   long untilClose = (long)(5 - dow) * SECONDS_PER_DAY + roll - second;
   return untilClose <= (long)leadMinutes * 60;
  }

//--- start (server time) of the trading day containing `server`, for a reset at `resetMin` local time
long TradingDayStart(long server, int serverTz, int resetZone, int resetMin)
  {
   long local = ServerToZone(server, serverTz, resetZone);
   long shifted = local - resetMin * 60;
   long dayStartLocal = FloorDiv(shifted, SECONDS_PER_DAY) * SECONDS_PER_DAY + resetMin * 60;
   return ZoneToServer(dayStartLocal, resetZone, serverTz);
  }

//--- a number that changes exactly when the trading day changes (days since 1970 in the reset zone)
long TradingDayKey(long server, int serverTz, int resetZone, int resetMin)
  {
   long local = ServerToZone(server, serverTz, resetZone);
   return FloorDiv(local - resetMin * 60, SECONDS_PER_DAY);
  }

#endif
