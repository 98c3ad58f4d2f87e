//+------------------------------------------------------------------+
//| RulePack.mqh -- a prop-firm rule pack: fields, defaults, loader   |
//+------------------------------------------------------------------+
// The same JSON file the host loads (host/src/main/resources/rulepacks/*.json), sent to the EA in a
// `config` frame. RulePackFromJson() refuses a pack with any missing or invalid field and names it;
// RulePackDefaults() holds the conservative compiled-in limits used before any config arrives.
// C++-compatible MQL5 subset (tested by test/governors_test.cpp and test/risk_manager_test.cpp).
#ifndef VPT_RULE_PACK_MQH
#define VPT_RULE_PACK_MQH

#include "Json.mqh"
#include "Scheduler.mqh"

#define GOV_MAX_SESSIONS  8

enum ENUM_LOSS_BASIS { BASIS_BALANCE = 0, BASIS_EQUITY = 1, BASIS_MAX_BALANCE_EQUITY = 2 };
//--- what the daily-loss % is taken of: the initial balance (FTMO, FundedNext) or the day's basis itself
//--- (The5ers: 5% of max(start-of-day balance, start-of-day equity))
//--- (The5ers: 5% of max(start-of-day balance, start-of-day equity)); LIMIT_OF_SMALLER (the smaller of
//--- both) is never read from a pack: only the compiled-in defaults use it, because neither choice is
//--- the stricter one on every account
enum ENUM_LIMIT_OF { LIMIT_OF_INITIAL_BALANCE = 0, LIMIT_OF_BASIS = 1, LIMIT_OF_SMALLER = 2 };
enum ENUM_MAXLOSS_MODE { MAXLOSS_STATIC = 0, MAXLOSS_TRAILING = 1 };
enum ENUM_TRAIL_BASIS { TRAIL_NONE = 0, TRAIL_END_OF_DAY_BALANCE = 1, TRAIL_HIGHEST_BALANCE = 2, TRAIL_HIGHEST_EQUITY = 3 };
enum ENUM_IMPACT { IMPACT_NONE = 0, IMPACT_LOW = 1, IMPACT_MEDIUM = 2, IMPACT_HIGH = 3 };
//--- while the economic calendar cannot be trusted: every symbol inside a news window, or no new positions
enum ENUM_CAL_FAILSAFE { CAL_FAILSAFE_EMBARGO = 0, CAL_FAILSAFE_BLOCK = 1 };

struct RulePack
  {
   string            name;
   double            initialBalance;
   int               serverTz;            // ENUM_TZ
   int               dayResetZone;        // ENUM_TZ (TZ_SERVER allowed)
   int               dayResetMin;         // minutes after local midnight
   double            dailyLossPct;        // all % are of initialBalance unless said otherwise
   int               dailyLossBasis;      // ENUM_LOSS_BASIS
   int               dailyLossLimitOf;    // ENUM_LIMIT_OF: what dailyLossPct is a % of
   double            dailyLossBufferPct;
   double            maxLossPct;
   int               maxLossMode;         // ENUM_MAXLOSS_MODE
   int               maxLossTrailBasis;   // ENUM_TRAIL_BASIS
   double            maxLossBufferPct;
   double            profitTargetPct;
   bool              stopOpeningAtTarget;
   int               minTradingDays;
   string            tradingDayRule;      // TRADE_OPENED, PROFITABLE_DAY
   double            profitableDayMinPct;
   double            bestDayMaxSharePct;  // % of the profit target a single day may make, 0 = no rule
   double            dayQualifyingRiskPct;   // after the target: one trade a day risking at most this % (0 = off); optional
   bool              newsEmbargo;
   int               newsWindowBeforeSec;
   int               newsWindowAfterSec;
   bool              newsSlTpCount;
   int               newsPreCloseSec;     // extra lead for OPEN when SL/TP triggers count
   int               newsMinImpact;       // ENUM_IMPACT
   double            newsProfitKeepPct;
   int               newsCalendarFailSafe;   // ENUM_CAL_FAILSAFE; optional in a pack, EMBARGO when absent
   bool              weekendFlat;
   int               weekendStopOpeningMinutes;
   int               weekendFlattenMinutes;
   double            marketBreakFlatMinHours;
   int               inactivityDays;
   SessionWindow     sessions[GOV_MAX_SESSIONS];
   int               sessionCount;
   double            gapAllowanceSlFraction;
   double            maxRiskPerTradePct;  // % of equity
   double            maxOpenRiskPct;      // % of equity
   double            maxExposureLeverage; // notional / equity
   int               maxOpenPositions;
   double            maxLotsPerSymbol;
   int               maxOrdersPerMinute;
   int               lossStreakLength;
   double            lossStreakSizeFactor;
   double            nearFloorHeadroomPct;
   double            nearFloorSizeFactor;
   double            reducingHeadroomPct;
   double            flattenHeadroomPct;
  };

//=== rule pack =========================================================================================
//--- conservative compiled-in limits used until the host's `config` frame arrives: the strictest of the
//--- shipped packs (FTMO 1-Step daily loss, static 10% max loss) with wider buffers and smaller caps.
void RulePackDefaults(RulePack &p, double initialBalance, int serverTz)
  {
   p.name = "compiled-defaults";
   p.initialBalance = initialBalance;
   p.serverTz = serverTz;
   p.dayResetZone = TZ_SERVER;
   p.dayResetMin = 0;
   p.dailyLossPct = 3.0;
   p.dailyLossBasis = BASIS_MAX_BALANCE_EQUITY;
   // the % of whichever is smaller, the basis or the initial balance: the higher floor of both rules
   p.dailyLossLimitOf = LIMIT_OF_SMALLER;
   p.dailyLossBufferPct = 1.0;
   p.maxLossPct = 10.0;
   p.maxLossMode = MAXLOSS_STATIC;
   p.maxLossTrailBasis = TRAIL_NONE;
   p.maxLossBufferPct = 1.5;
   p.profitTargetPct = 10.0;
   p.stopOpeningAtTarget = true;
   p.minTradingDays = 0;
   p.tradingDayRule = "TRADE_OPENED";
   p.profitableDayMinPct = 0.0;
   p.bestDayMaxSharePct = 0.0;
   p.dayQualifyingRiskPct = 0.0;
   p.newsEmbargo = true;
   p.newsWindowBeforeSec = 300;
   p.newsWindowAfterSec = 300;
   p.newsSlTpCount = true;
   p.newsPreCloseSec = 300;
   p.newsMinImpact = IMPACT_HIGH;
   p.newsProfitKeepPct = 100.0;
   p.newsCalendarFailSafe = CAL_FAILSAFE_EMBARGO;
   p.weekendFlat = true;
   p.weekendStopOpeningMinutes = 120;
   p.weekendFlattenMinutes = 30;
   p.marketBreakFlatMinHours = 2.0;
   p.inactivityDays = 30;
   p.sessionCount = 2;
   p.sessions[0].name = "LONDON";
   p.sessions[0].zone = TZ_LONDON;
   p.sessions[0].openMin = 8 * 60;
   p.sessions[0].closeMin = 17 * 60;
   p.sessions[1].name = "NEW_YORK";
   p.sessions[1].zone = TZ_NEW_YORK;
   p.sessions[1].openMin = 8 * 60;
   p.sessions[1].closeMin = 17 * 60;
   p.gapAllowanceSlFraction = 0.5;
   p.maxRiskPerTradePct = 0.5;
   p.maxOpenRiskPct = 1.5;
   p.maxExposureLeverage = 10.0;
   p.maxOpenPositions = 3;
   p.maxLotsPerSymbol = 5.0;
   p.maxOrdersPerMinute = 4;
   p.lossStreakLength = 3;
   p.lossStreakSizeFactor = 0.5;
   p.nearFloorHeadroomPct = 1.0;
   p.nearFloorSizeFactor = 0.5;
   p.reducingHeadroomPct = 0.5;
   p.flattenHeadroomPct = 0.25;
  }

//--- helpers that record the first missing/invalid field
bool PackNum(const CJsonDoc &d, int root, const string key, double &out, string &err)
  {
   int n = d.Find(root, key);
   if(d.Type(n) != JSON_NUMBER)
     {
      if(err == "")
         err = "rule pack: '" + key + "' missing or not a number";
      return false;
     }
   out = d.NodeDouble(n, 0.0);
   return true;
  }
bool PackInt(const CJsonDoc &d, int root, const string key, int &out, string &err)
  {
   double x = 0.0;
   if(!PackNum(d, root, key, x, err))
      return false;
   out = (int)MathRound(x);
   return true;
  }
bool PackBool(const CJsonDoc &d, int root, const string key, bool &out, string &err)
  {
   int n = d.Find(root, key);
   if(d.Type(n) != JSON_BOOL)
     {
      if(err == "")
         err = "rule pack: '" + key + "' missing or not true/false";
      return false;
     }
   out = d.NodeBool(n, false);
   return true;
  }
bool PackStr(const CJsonDoc &d, int root, const string key, string &out, string &err)
  {
   int n = d.Find(root, key);
   if(d.Type(n) != JSON_STRING)
     {
      if(err == "")
         err = "rule pack: '" + key + "' missing or not a string";
      return false;
     }
   out = d.NodeString(n, "");
   return true;
  }
bool PackFail(string &err, const string what)
  {
   if(err == "")
      err = "rule pack: " + what;
   return false;
  }

int ImpactFromName(const string s)
  {
   if(s == "LOW") return IMPACT_LOW;
   if(s == "MEDIUM") return IMPACT_MEDIUM;
   if(s == "HIGH") return IMPACT_HIGH;
   return IMPACT_NONE;
  }

//--- read a rule pack (the host's file format). On any missing or invalid field: false, `err` says which,
//--- and `p` must not be used (the caller keeps its previous pack).
bool RulePackFromJson(const CJsonDoc &d, int root, RulePack &p, string &err)
  {
   err = "";
   if(d.Type(root) != JSON_OBJECT)
      return PackFail(err, "not a JSON object");
   string s;
   bool ok = true;
   ok = PackStr(d, root, "name", p.name, err) && ok;
   ok = PackNum(d, root, "initialBalance", p.initialBalance, err) && ok;
   if(PackStr(d, root, "serverTimeZone", s, err))
     {
      p.serverTz = TzFromName(s);
      if(p.serverTz != TZ_UTC && p.serverTz != TZ_EET_EU_DST && p.serverTz != TZ_NY_CLOSE)
         ok = PackFail(err, "serverTimeZone '" + s + "' is not UTC, EET_EU_DST or NY_CLOSE");
     }
   else ok = false;
   if(PackStr(d, root, "dayResetZone", s, err))
     {
      p.dayResetZone = TzFromName(s);
      if(p.dayResetZone == TZ_INVALID || p.dayResetZone == TZ_EET_EU_DST || p.dayResetZone == TZ_NY_CLOSE)
         ok = PackFail(err, "dayResetZone '" + s + "' is not SERVER, UTC or a listed zone");
     }
   else ok = false;
   if(PackStr(d, root, "dayResetTime", s, err))
     {
      p.dayResetMin = ParseHhMm(s);
      if(p.dayResetMin < 0 || p.dayResetMin >= 24 * 60)
         ok = PackFail(err, "dayResetTime '" + s + "' is not HH:MM");
     }
   else ok = false;
   ok = PackNum(d, root, "dailyLossPct", p.dailyLossPct, err) && ok;
   if(PackStr(d, root, "dailyLossBasis", s, err))
     {
      if(s == "BALANCE") p.dailyLossBasis = BASIS_BALANCE;
      else if(s == "EQUITY") p.dailyLossBasis = BASIS_EQUITY;
      else if(s == "MAX_BALANCE_EQUITY") p.dailyLossBasis = BASIS_MAX_BALANCE_EQUITY;
      else ok = PackFail(err, "dailyLossBasis '" + s + "' unknown");
     }
   else ok = false;
   if(PackStr(d, root, "dailyLossLimitOf", s, err))
     {
      if(s == "INITIAL_BALANCE") p.dailyLossLimitOf = LIMIT_OF_INITIAL_BALANCE;
      else if(s == "BASIS") p.dailyLossLimitOf = LIMIT_OF_BASIS;
      else ok = PackFail(err, "dailyLossLimitOf '" + s + "' is not INITIAL_BALANCE or BASIS");
     }
   else ok = false;
   ok = PackNum(d, root, "dailyLossBufferPct", p.dailyLossBufferPct, err) && ok;
   ok = PackNum(d, root, "maxLossPct", p.maxLossPct, err) && ok;
   if(PackStr(d, root, "maxLossMode", s, err))
     {
      if(s == "STATIC") p.maxLossMode = MAXLOSS_STATIC;
      else if(s == "TRAILING") p.maxLossMode = MAXLOSS_TRAILING;
      else ok = PackFail(err, "maxLossMode '" + s + "' unknown");
     }
   else ok = false;
   if(PackStr(d, root, "maxLossTrailBasis", s, err))
     {
      if(s == "NONE") p.maxLossTrailBasis = TRAIL_NONE;
      else if(s == "END_OF_DAY_BALANCE") p.maxLossTrailBasis = TRAIL_END_OF_DAY_BALANCE;
      else if(s == "HIGHEST_BALANCE") p.maxLossTrailBasis = TRAIL_HIGHEST_BALANCE;
      else if(s == "HIGHEST_EQUITY") p.maxLossTrailBasis = TRAIL_HIGHEST_EQUITY;
      else ok = PackFail(err, "maxLossTrailBasis '" + s + "' unknown");
      if(ok && p.maxLossMode == MAXLOSS_TRAILING && p.maxLossTrailBasis == TRAIL_NONE)
         ok = PackFail(err, "maxLossMode TRAILING needs a maxLossTrailBasis");
     }
   else ok = false;
   ok = PackNum(d, root, "maxLossBufferPct", p.maxLossBufferPct, err) && ok;
   ok = PackNum(d, root, "profitTargetPct", p.profitTargetPct, err) && ok;
   ok = PackBool(d, root, "stopOpeningAtTarget", p.stopOpeningAtTarget, err) && ok;
   ok = PackInt(d, root, "minTradingDays", p.minTradingDays, err) && ok;
   ok = PackStr(d, root, "tradingDayRule", p.tradingDayRule, err) && ok;
   ok = PackNum(d, root, "profitableDayMinPct", p.profitableDayMinPct, err) && ok;
   ok = PackNum(d, root, "bestDayMaxSharePct", p.bestDayMaxSharePct, err) && ok;
   p.dayQualifyingRiskPct = 0.0;
   if(d.Find(root, "dayQualifyingRiskPct") >= 0)
      ok = PackNum(d, root, "dayQualifyingRiskPct", p.dayQualifyingRiskPct, err) && ok;
   ok = PackBool(d, root, "newsEmbargo", p.newsEmbargo, err) && ok;
   ok = PackInt(d, root, "newsWindowBeforeSec", p.newsWindowBeforeSec, err) && ok;
   ok = PackInt(d, root, "newsWindowAfterSec", p.newsWindowAfterSec, err) && ok;
   ok = PackBool(d, root, "newsSlTpCount", p.newsSlTpCount, err) && ok;
   ok = PackInt(d, root, "newsPreCloseSec", p.newsPreCloseSec, err) && ok;
   if(PackStr(d, root, "newsMinImpact", s, err))
     {
      p.newsMinImpact = ImpactFromName(s);
      if(p.newsMinImpact == IMPACT_NONE)
         ok = PackFail(err, "newsMinImpact '" + s + "' is not LOW, MEDIUM or HIGH");
     }
   else ok = false;
   ok = PackNum(d, root, "newsProfitKeepPct", p.newsProfitKeepPct, err) && ok;
   p.newsCalendarFailSafe = CAL_FAILSAFE_EMBARGO;
   if(d.Find(root, "newsCalendarFailSafe") >= 0)
     {
      if(!PackStr(d, root, "newsCalendarFailSafe", s, err))
         ok = false;
      else
         if(s == "BLOCK")
            p.newsCalendarFailSafe = CAL_FAILSAFE_BLOCK;
         else
            if(s != "EMBARGO")
               ok = PackFail(err, "newsCalendarFailSafe '" + s + "' is not EMBARGO or BLOCK");
     }
   ok = PackBool(d, root, "weekendFlat", p.weekendFlat, err) && ok;
   ok = PackInt(d, root, "weekendStopOpeningMinutes", p.weekendStopOpeningMinutes, err) && ok;
   ok = PackInt(d, root, "weekendFlattenMinutes", p.weekendFlattenMinutes, err) && ok;
   ok = PackNum(d, root, "marketBreakFlatMinHours", p.marketBreakFlatMinHours, err) && ok;
   ok = PackInt(d, root, "inactivityDays", p.inactivityDays, err) && ok;
   int arr = d.Find(root, "sessions");
   p.sessionCount = 0;
   if(d.Type(arr) != JSON_ARRAY)
      ok = PackFail(err, "'sessions' missing or not an array");
   else
     {
      if(d.Count(arr) > GOV_MAX_SESSIONS)
         ok = PackFail(err, "more than " + IntegerToString(GOV_MAX_SESSIONS) + " sessions");
      for(int c = d.First(arr); c >= 0 && p.sessionCount < GOV_MAX_SESSIONS; c = d.Next(c))
        {
         SessionWindow w;
         w.name = d.GetString(c, "name", "");
         w.zone = TzFromName(d.GetString(c, "zone", ""));
         w.openMin = ParseHhMm(d.GetString(c, "open", ""));
         w.closeMin = ParseHhMm(d.GetString(c, "close", ""));
         if(w.zone == TZ_INVALID || w.zone == TZ_EET_EU_DST || w.zone == TZ_NY_CLOSE || w.openMin < 0 || w.closeMin < 0)
            ok = PackFail(err, "session '" + w.name + "' needs zone, open and close (HH:MM)");
         p.sessions[p.sessionCount] = w;
         p.sessionCount++;
        }
     }
   ok = PackNum(d, root, "gapAllowanceSlFraction", p.gapAllowanceSlFraction, err) && ok;
   ok = PackNum(d, root, "maxRiskPerTradePct", p.maxRiskPerTradePct, err) && ok;
   ok = PackNum(d, root, "maxOpenRiskPct", p.maxOpenRiskPct, err) && ok;
   ok = PackNum(d, root, "maxExposureLeverage", p.maxExposureLeverage, err) && ok;
   ok = PackInt(d, root, "maxOpenPositions", p.maxOpenPositions, err) && ok;
   ok = PackNum(d, root, "maxLotsPerSymbol", p.maxLotsPerSymbol, err) && ok;
   ok = PackInt(d, root, "maxOrdersPerMinute", p.maxOrdersPerMinute, err) && ok;
   ok = PackInt(d, root, "lossStreakLength", p.lossStreakLength, err) && ok;
   ok = PackNum(d, root, "lossStreakSizeFactor", p.lossStreakSizeFactor, err) && ok;
   ok = PackNum(d, root, "nearFloorHeadroomPct", p.nearFloorHeadroomPct, err) && ok;
   ok = PackNum(d, root, "nearFloorSizeFactor", p.nearFloorSizeFactor, err) && ok;
   ok = PackNum(d, root, "reducingHeadroomPct", p.reducingHeadroomPct, err) && ok;
   ok = PackNum(d, root, "flattenHeadroomPct", p.flattenHeadroomPct, err) && ok;
   if(!ok)
      return false;
   // sanity: limits that would make the governors meaningless
   if(p.initialBalance <= 0.0) return PackFail(err, "initialBalance must be > 0");
   if(p.dailyLossPct <= 0.0 || p.dailyLossBufferPct < 0.0 || p.dailyLossBufferPct >= p.dailyLossPct)
      return PackFail(err, "need 0 <= dailyLossBufferPct < dailyLossPct");
   if(p.maxLossPct <= 0.0 || p.maxLossBufferPct < 0.0 || p.maxLossBufferPct >= p.maxLossPct)
      return PackFail(err, "need 0 <= maxLossBufferPct < maxLossPct");
   if(p.maxRiskPerTradePct <= 0.0 || p.maxOpenRiskPct <= 0.0 || p.maxExposureLeverage <= 0.0)
      return PackFail(err, "risk caps must be > 0");
   if(p.maxOpenPositions <= 0 || p.maxLotsPerSymbol <= 0.0 || p.maxOrdersPerMinute <= 0)
      return PackFail(err, "position, lot and rate caps must be > 0");
   if(p.gapAllowanceSlFraction < 0.0) return PackFail(err, "gapAllowanceSlFraction must be >= 0");
   return true;
  }

//--- `doc` is scratch space owned by the caller (a global in the EA: it is too big for MQL5's stack)
bool RulePackFromText(const string &text, CJsonDoc &doc, RulePack &p, string &err)
  {
   if(!doc.Parse(text))
     {
      err = "rule pack: bad JSON: " + doc.Error();
      return false;
     }
   return RulePackFromJson(doc, doc.Root(), p, err);
  }

#endif
