//+------------------------------------------------------------------+
//| Governors.mqh -- the seven hard governors and the soft governors  |
//+------------------------------------------------------------------+
// Pure functions over snapshot structs, in the C++-compatible MQL5 subset, mirroring the host's
// `govern` package. The semantics (money in cents, floors, precedence of reasons) are the ones written in
// mt5-ea/test/vectors/README.md; test/governors_test.cpp runs every shared vector through
// GovernorsCheck(). The rule pack (RulePack.mqh) arrives in a `config` frame; before that the
// conservative compiled-in defaults apply.
#ifndef VPT_GOVERNORS_MQH
#define VPT_GOVERNORS_MQH

#include "RulePack.mqh"

#define GOV_MAX_POSITIONS 100
#define GOV_MAX_NEWS      64
#define GOV_MAX_RECENT    128
#define GOV_MAX_BREAKS    16

enum ENUM_VP_SIDE { SIDE_NONE = 0, SIDE_BUY = 1, SIDE_SELL = 2 };
enum ENUM_GOV_KIND { GOV_INVALID = 0, GOV_OPEN = 1, GOV_CLOSE = 2, GOV_MODIFY = 3 };
enum ENUM_ENGINE_STATE { ENGINE_ACTIVE = 0, ENGINE_REDUCING = 1, ENGINE_HALTED = 2 };

struct GovPosition
  {
   long              ticket;
   string            symbol;
   int               side;          // ENUM_VP_SIDE
   double            volume;        // lots
   double            openPrice;
   double            sl;            // 0 = none
   double            tp;            // 0 = none
   double            currentPrice;  // close price now: bid for BUY, ask for SELL
   double            tickSize;
   double            tickValue;     // money per tick per lot
  };

struct GovOrder
  {
   int               kind;          // ENUM_GOV_KIND
   string            key;
   long              ticket;        // CLOSE / MODIFY
   string            symbol;
   int               side;
   double            volume;        // OPEN: lots; CLOSE: lots to close, 0 = all
   double            price;         // expected fill
   double            sl;
   double            tp;
   double            tickSize;
   double            tickValue;
  };

struct GovNews
  {
   long              time;          // server time
   string            currency;
   int               impact;        // ENUM_IMPACT
   string            symbols;       // comma list; "" = every symbol whose name contains currency
  };

//--- a scheduled closure of a market (holiday, maintenance); symbol "*" = every symbol
struct GovMarketBreak
  {
   string            symbol;
   long              start;         // server time
   long              end;           // server time, exclusive
  };

struct GovRecent
  {
   string            key;
   long              time;
  };

struct GovSnapshot
  {
   long              now;           // server time, seconds
   int               engineState;   // ENUM_ENGINE_STATE
   double            balance;
   double            equity;
   double            peak;          // what a trailing max loss trails
   long              dayStart;
   double            dayStartBalance;
   double            dayStartEquity;
   GovPosition       positions[GOV_MAX_POSITIONS];
   int               positionCount;
   GovNews           news[GOV_MAX_NEWS];
   int               newsCount;
   GovRecent         recent[GOV_MAX_RECENT];
   int               recentCount;
   GovMarketBreak    breaks[GOV_MAX_BREAKS];
   int               breakCount;
   int               consecutiveLosses;
   double            closedProfitToday;
   bool              openedToday;    // a position was opened in the current firm day
   string            calendarFault;  // "" = the news list is trustworthy; else why not (the pack's fail-safe applies)
  };

struct GovVerdict
  {
   bool              allow;
   string            reason;        // "OK" or a reason code
   double            sizeFactor;    // soft governors' multiplier for OPEN
   long              worstEquityCents;
   long              dayFloorCents;  // buffered
   long              maxFloorCents;  // buffered
  };

//=== money in integer cents (README "Money") ========================================================
long CentsUp(double x) { return (long)MathCeil(MathRound(x * 1e6) / 1e4); }
long CentsDown(double x) { return (long)MathFloor(MathRound(x * 1e6) / 1e4); }
long CentsOf(double x) { return (long)MathRound(x * 100.0); }

double MoneyForMove(double volume, double move, double tickSize, double tickValue)
  {
   if(tickSize <= 0.0)
      return 0.0;
   return volume * MathAbs(move) / tickSize * tickValue;
  }

//--- price distance still to go before the SL is hit (0 when already through it)
double MoveToStop(int side, double from, double sl)
  {
   if(side == SIDE_BUY)
      return from > sl ? from - sl : 0.0;
   return from < sl ? sl - from : 0.0;
  }

//--- worst case of a position or order: move to SL plus the gap allowance beyond it, each term rounded
//--- up to the cent on its own (as the host does)
long WorstLossCents(const RulePack &p, int side, double volume, double from, double openPrice, double sl,
                    double tickSize, double tickValue)
  {
   long move = CentsUp(MoneyForMove(volume, MoveToStop(side, from, sl), tickSize, tickValue));
   long allowance = CentsUp(MoneyForMove(volume, MathAbs(openPrice - sl), tickSize, tickValue) * p.gapAllowanceSlFraction);
   return move + allowance;
  }

//--- loss at SL from the open price, no allowance; 0 when the SL is at or beyond break-even
long RiskAtStopCents(int side, double volume, double openPrice, double sl, double tickSize, double tickValue)
  {
   if(sl <= 0.0)
      return 0;
   if(side == SIDE_BUY && sl >= openPrice)
      return 0;
   if(side == SIDE_SELL && sl <= openPrice)
      return 0;
   return CentsUp(MoneyForMove(volume, openPrice - sl, tickSize, tickValue));
  }

double PctOfInitial(const RulePack &p, double pct) { return p.initialBalance * pct / 100.0; }

double DayFloorBasis(const RulePack &p, const GovSnapshot &s)
  {
   switch(p.dailyLossBasis)
     {
      case BASIS_EQUITY:             return s.dayStartEquity;
      case BASIS_MAX_BALANCE_EQUITY: return MathMax(s.dayStartBalance, s.dayStartEquity);
     }
   return s.dayStartBalance;
  }

//--- what the daily-loss % is taken of (pack field dailyLossLimitOf)
double DailyLimitBase(const RulePack &p, double basis)
  {
   switch(p.dailyLossLimitOf)
     {
      case LIMIT_OF_BASIS:   return basis;
      case LIMIT_OF_SMALLER: return MathMin(basis, p.initialBalance);
     }
   return p.initialBalance;
  }

//--- firm limits rounded down to the cent (higher floor), our buffers up: cents only tighten the rule
long BufferedDayFloorCents(const RulePack &p, const GovSnapshot &s)
  {
   double basis = DayFloorBasis(p, s);
   long limit = CentsDown(DailyLimitBase(p, basis) * p.dailyLossPct / 100.0);
   return CentsOf(basis) - limit + CentsUp(PctOfInitial(p, p.dailyLossBufferPct));
  }

//--- a trailing mark never sits below the initial balance
long BufferedMaxFloorCents(const RulePack &p, const GovSnapshot &s)
  {
   double base = (p.maxLossMode == MAXLOSS_TRAILING) ? MathMax(s.peak, p.initialBalance) : p.initialBalance;
   return CentsOf(base) - CentsDown(PctOfInitial(p, p.maxLossPct)) + CentsUp(PctOfInitial(p, p.maxLossBufferPct));
  }

//--- headroom of equity above the nearer buffered floor, in % of initial balance (engine state input)
double FloorHeadroomPct(const RulePack &p, const GovSnapshot &s)
  {
   long floorCents = BufferedDayFloorCents(p, s);
   long maxCents = BufferedMaxFloorCents(p, s);
   if(maxCents > floorCents)
      floorCents = maxCents;
   if(p.initialBalance <= 0.0)
      return 0.0;
   return (CentsOf(s.equity) - floorCents) / 100.0 / p.initialBalance * 100.0;
  }

int FindPosition(const GovSnapshot &s, long ticket)
  {
   for(int i = 0; i < s.positionCount; i++)
      if(s.positions[i].ticket == ticket)
         return i;
   return -1;
  }

//--- is `symbol` in a comma-separated list (spaces around names ignored)?
bool SymbolInList(const string symbol, const string list)
  {
   int n = StringLen(list);
   int start = 0;
   for(int i = 0; i <= n; i++)
     {
      if(i < n && StringGetCharacter(list, i) != ',')
         continue;
      int a = start, b = i;
      while(a < b && StringGetCharacter(list, a) == ' ') a++;
      while(b > a && StringGetCharacter(list, b - 1) == ' ') b--;
      if(StringSubstr(list, a, b - a) == symbol)
         return true;
      start = i + 1;
     }
   return false;
  }

//--- the calendar currencies that move a symbol, written out (a US index has no "USD" in its name), the
//--- same table as the host's: the eight majors' pairs, metals, oil and the main index CFDs. A broker
//--- suffix (".cash", "#", "_i", "m") is ignored. "" = not mapped: no news reaches it.
string SymbolNewsCurrencies(const string symbol)
  {
   string base = symbol;
   for(int i = 0; i < StringLen(symbol); i++)
     {
      ushort c = StringGetCharacter(symbol, i);
      if(c == '.' || c == '#' || c == '_' || c == '-')
        {
         base = StringSubstr(symbol, 0, i);
         break;
        }
     }
   if(base == "XAUUSD" || base == "XAGUSD" || base == "US30" || base == "US100" || base == "NAS100" ||
      base == "US500" || base == "SPX500" || base == "USOIL" || base == "WTI")
      return "USD";
   if(base == "GER40" || base == "DE40") return "EUR";
   if(base == "UK100") return "GBP";
   if(base == "JP225") return "JPY";
   if(base == "AUS200") return "AUD";
   string majors = "EUR,USD,GBP,JPY,CHF,AUD,NZD,CAD";
   if(StringLen(base) >= 6)
     {
      string a = StringSubstr(base, 0, 3), b = StringSubstr(base, 3, 3);
      if(a != b && SymbolInList(a, majors) && SymbolInList(b, majors))
         return a + "," + b;
     }
   return "";
  }

bool NewsAffects(const GovNews &e, const string symbol)
  {
   if(e.symbols != "")
      return SymbolInList(symbol, e.symbols);
   return e.currency != "" && SymbolInList(e.currency, SymbolNewsCurrencies(symbol));
  }

bool InNewsEmbargo(const RulePack &p, const GovSnapshot &s, const string symbol, bool isOpen)
  {
   if(!p.newsEmbargo)
      return false;
   long lead = p.newsWindowBeforeSec;
   if(isOpen && p.newsSlTpCount)
      lead += p.newsPreCloseSec;
   for(int i = 0; i < s.newsCount; i++)
     {
      if(s.news[i].impact < p.newsMinImpact || !NewsAffects(s.news[i], symbol))
         continue;
      if(s.now >= s.news[i].time - lead && s.now <= s.news[i].time + p.newsWindowAfterSec)
         return true;
     }
   return false;
  }

//--- governor 5: the news embargo, and the pack's fail-safe while the calendar cannot be trusted (as the
//--- host: BLOCK refuses new positions only; EMBARGO refuses what the pack's embargo refuses in a window)
bool NewsVeto(const RulePack &p, const GovSnapshot &s, const string symbol, int kind)
  {
   if(s.calendarFault != "")
      return p.newsCalendarFailSafe == CAL_FAILSAFE_BLOCK ? kind == GOV_OPEN : p.newsEmbargo;
   return InNewsEmbargo(p, s, symbol, kind == GOV_OPEN);
  }

//--- an OPEN from `leadMinutes` before a long enough break on the symbol until its end
bool InMarketBreak(const RulePack &p, const GovSnapshot &s, const string symbol)
  {
   if(p.marketBreakFlatMinHours <= 0.0)
      return false;
   long minSeconds = (long)(p.marketBreakFlatMinHours * 3600.0);
   long lead = (long)p.weekendStopOpeningMinutes * 60;
   for(int i = 0; i < s.breakCount; i++)
     {
      if(s.breaks[i].symbol != "*" && s.breaks[i].symbol != symbol)
         continue;
      if(s.breaks[i].end - s.breaks[i].start < minSeconds)
         continue;
      if(s.now >= s.breaks[i].start - lead && s.now < s.breaks[i].end)
         return true;
     }
   return false;
  }

//--- the symbol's own close is near: flatten its positions `weekendFlattenMinutes` before a break of a day
//--- or more (its weekend, which for an index CFD starts before the forex close) when the pack wants the
//--- account flat for the weekend, and before any break of `marketBreakFlatMinHours` or more
bool SymbolFlattenDue(const RulePack &p, const GovSnapshot &s, const string symbol)
  {
   long lead = (long)p.weekendFlattenMinutes * 60;
   for(int i = 0; i < s.breakCount; i++)
     {
      if(s.breaks[i].symbol != "*" && s.breaks[i].symbol != symbol)
         continue;
      long length = s.breaks[i].end - s.breaks[i].start;
      bool weekend = p.weekendFlat && length >= SECONDS_PER_DAY;
      bool longBreak = p.marketBreakFlatMinHours > 0.0 && length >= (long)(p.marketBreakFlatMinHours * 3600.0);
      if((weekend || longBreak) && s.now >= s.breaks[i].start - lead && s.now < s.breaks[i].end)
         return true;
     }
   return false;
  }

bool InAnySession(const RulePack &p, long now)
  {
   if(p.sessionCount == 0)
      return true;
   for(int i = 0; i < p.sessionCount; i++)
      if(InSessionWindow(now, p.serverTz, p.sessions[i]))
         return true;
   return false;
  }

int OrdersInLastMinute(const GovSnapshot &s)
  {
   int n = 0;
   for(int i = 0; i < s.recentCount; i++)
      if(s.recent[i].time > s.now - 60 && s.recent[i].time <= s.now)
         n++;
   return n;
  }

bool IsDuplicateKey(const GovSnapshot &s, const string key)
  {
   for(int i = 0; i < s.recentCount; i++)
      if(s.recent[i].key == key)
         return true;
   return false;
  }

//--- the new SL is set and no farther from the price than the old one
bool TightensStop(int side, double oldSl, double newSl)
  {
   if(newSl <= 0.0)
      return false;
   if(oldSl <= 0.0)
      return true;
   return side == SIDE_BUY ? newSl >= oldSl : newSl <= oldSl;
  }

bool OrderIsWellFormed(const GovSnapshot &s, const GovOrder &o)
  {
   if(o.key == "")
      return false;
   if(o.kind == GOV_OPEN)
     {
      if(o.symbol == "" || (o.side != SIDE_BUY && o.side != SIDE_SELL))
         return false;
      if(!(o.volume > 0.0) || !(o.price > 0.0) || !(o.tickSize > 0.0) || !(o.tickValue > 0.0) || o.sl < 0.0 || o.tp < 0.0)
         return false;
      // a stop on the wrong side of the price cannot be placed
      if(o.sl > 0.0 && ((o.side == SIDE_BUY && o.sl >= o.price) || (o.side == SIDE_SELL && o.sl <= o.price)))
         return false;
      return true;
     }
   if(o.kind == GOV_CLOSE || o.kind == GOV_MODIFY)
     {
      int i = FindPosition(s, o.ticket);
      if(i < 0)
         return false;
      if(o.kind == GOV_CLOSE && (o.volume < 0.0 || o.volume > s.positions[i].volume + 1e-9))
         return false;
      if(o.kind == GOV_MODIFY && (o.sl < 0.0 || o.tp < 0.0))
         return false;
      return true;
     }
   return false;
  }

void VerdictInit(GovVerdict &v)
  {
   v.allow = true;
   v.reason = "OK";
   v.sizeFactor = 1.0;
   v.worstEquityCents = 0;
   v.dayFloorCents = 0;
   v.maxFloorCents = 0;
  }

bool Veto(GovVerdict &v, const string reason)
  {
   v.allow = false;
   v.reason = reason;
   return false;
  }

//--- the soft governors' size multiplier for an OPEN
double SoftSizeFactor(const RulePack &p, const GovSnapshot &s)
  {
   double f = 1.0;
   if(s.consecutiveLosses >= p.lossStreakLength)
      f *= p.lossStreakSizeFactor;
   long nearest = BufferedDayFloorCents(p, s);
   long maxFloor = BufferedMaxFloorCents(p, s);
   if(maxFloor > nearest)
      nearest = maxFloor;
   if(CentsOf(s.equity) - nearest < CentsUp(PctOfInitial(p, p.nearFloorHeadroomPct)))
      f *= p.nearFloorSizeFactor;
   return f;
  }

//=== the governors, in the README's order of precedence ==============================================
//--- the stop a position has after the order (a MODIFY replaces the subject's)
double StopAfter(const GovSnapshot &s, const GovOrder &o, int pi, int i)
  {
   return (o.kind == GOV_MODIFY && i == pi) ? o.sl : s.positions[i].sl;
  }

//--- the volume a position has after the order (a CLOSE reduces or removes the subject)
double VolumeAfter(const GovSnapshot &s, const GovOrder &o, int pi, int i)
  {
   if(o.kind == GOV_CLOSE && i == pi)
      return (o.volume <= 0.0 || o.volume >= s.positions[i].volume) ? 0.0 : s.positions[i].volume - o.volume;
   return s.positions[i].volume;
  }

//--- worst-case equity in cents with every position (after the order) and an OPEN order stopped out;
//--- `useAfter` false = the positions as they are now
long WorstEquityCents(const RulePack &p, const GovSnapshot &s, const GovOrder &o, int pi, bool useAfter)
  {
   long worst = CentsOf(s.equity);
   for(int i = 0; i < s.positionCount; i++)
     {
      double sl = useAfter ? StopAfter(s, o, pi, i) : s.positions[i].sl;
      double vol = useAfter ? VolumeAfter(s, o, pi, i) : s.positions[i].volume;
      if(vol <= 0.0)
         continue;
      worst -= WorstLossCents(p, s.positions[i].side, vol, s.positions[i].currentPrice, s.positions[i].openPrice, sl,
                              s.positions[i].tickSize, s.positions[i].tickValue);
     }
   if(useAfter && o.kind == GOV_OPEN)
      worst -= WorstLossCents(p, o.side, o.volume, o.price, o.price, o.sl, o.tickSize, o.tickValue);
   return worst;
  }

//--- after the target, the day's one day-qualifying trade: the first opened today, on a flat account, risking at
//--- most dayQualifyingRiskPct % of the initial balance at its stop and, gap allowance included, never more than
//--- the profit above the target (so the target stays banked whatever the trade does)
bool IsDayQualifyingTrade(const RulePack &p, const GovSnapshot &s, const GovOrder &o, long aboveTargetCents)
  {
   if(p.dayQualifyingRiskPct <= 0.0 || s.openedToday || s.positionCount > 0)
      return false;
   if(RiskAtStopCents(o.side, o.volume, o.price, o.sl, o.tickSize, o.tickValue) > CentsDown(PctOfInitial(p, p.dayQualifyingRiskPct)))
      return false;
   return WorstLossCents(p, o.side, o.volume, o.price, o.price, o.sl, o.tickSize, o.tickValue) <= aboveTargetCents;
  }

//--- money rounded to a millionth, for exact-looking comparisons of unrounded amounts
double Micro(double x) { return MathRound(x * 1e6); }

//--- returns v.allow; v.reason is the first failing check
bool GovernorsCheck(const RulePack &p, const GovSnapshot &s, const GovOrder &o, GovVerdict &v)
  {
   VerdictInit(v);
   v.dayFloorCents = BufferedDayFloorCents(p, s);
   v.maxFloorCents = BufferedMaxFloorCents(p, s);
   if(!OrderIsWellFormed(s, o))
      return Veto(v, "INVALID_ORDER");
   int pi = (o.kind == GOV_OPEN) ? -1 : FindPosition(s, o.ticket);
   string symbol = (pi >= 0) ? s.positions[pi].symbol : o.symbol;
   bool tightens = (o.kind == GOV_MODIFY) && TightensStop(s.positions[pi].side, s.positions[pi].sl, o.sl);

   // 7a: duplicate guard (idempotency keys), every kind
   if(IsDuplicateKey(s, o.key))
      return Veto(v, "DUPLICATE_ORDER");
   // engine state: closes always pass; REDUCING lets a stop move towards the price
   if(o.kind != GOV_CLOSE)
     {
      if(s.engineState == ENGINE_HALTED)
         return Veto(v, "ENGINE_HALTED");
      if(s.engineState == ENGINE_REDUCING && !(o.kind == GOV_MODIFY && tightens))
         return Veto(v, "ENGINE_REDUCING");
     }
   // 7b: order-rate throttle (closes are never throttled)
   if(o.kind != GOV_CLOSE && OrdersInLastMinute(s) >= p.maxOrdersPerMinute)
      return Veto(v, "ORDER_RATE");
   // 5: news embargo: open, close and modify
   if(NewsVeto(p, s, symbol, o.kind))
      return Veto(v, "NEWS_EMBARGO");
   if(o.kind == GOV_CLOSE)
      return true;   // cutting risk: nothing else applies

   if(o.kind == GOV_OPEN)
     {
      // 6: weekend, long market breaks, sessions
      if(p.weekendFlat && InWeekendBlock(s.now, p.serverTz, p.weekendStopOpeningMinutes))
         return Veto(v, "WEEKEND");
      if(InMarketBreak(p, s, symbol))
         return Veto(v, "MARKET_BREAK");
      if(!InAnySession(p, s.now))
         return Veto(v, "OUTSIDE_SESSION");
      // soft governors that stop opening
      long aboveTarget = CentsOf(s.balance) - CentsOf(p.initialBalance) - CentsUp(PctOfInitial(p, p.profitTargetPct));
      if(p.stopOpeningAtTarget && p.profitTargetPct > 0.0 && aboveTarget >= 0 && !IsDayQualifyingTrade(p, s, o, aboveTarget))
         return Veto(v, "PROFIT_TARGET_REACHED");
      if(p.bestDayMaxSharePct > 0.0 &&
         CentsOf(s.closedProfitToday) >= CentsDown(PctOfInitial(p, p.bestDayMaxSharePct * p.profitTargetPct / 100.0)))
         return Veto(v, "BEST_DAY_CAP");
     }

   // stops: an OPEN needs one on every position and on itself; a MODIFY answers for its own position
   if(o.kind == GOV_OPEN)
     {
      for(int i = 0; i < s.positionCount; i++)
         if(s.positions[i].sl <= 0.0)
            return Veto(v, "NO_STOP_LOSS");
      if(o.sl <= 0.0)
         return Veto(v, "NO_STOP_LOSS");
     }
   else
      if(o.sl <= 0.0)
         return Veto(v, "NO_STOP_LOSS");

   if(o.kind == GOV_OPEN)
     {
      // 3: per-trade risk cap, % of equity rounded down
      long tradeRisk = RiskAtStopCents(o.side, o.volume, o.price, o.sl, o.tickSize, o.tickValue);
      if(tradeRisk > CentsDown(s.equity * p.maxRiskPerTradePct / 100.0))
         return Veto(v, "TRADE_RISK_CAP");
      // 4: lots per symbol, positions, open risk, exposure (in that order)
      double lots = o.volume;
      for(int i = 0; i < s.positionCount; i++)
         if(s.positions[i].symbol == o.symbol)
            lots += s.positions[i].volume;
      if(Micro(lots) > Micro(p.maxLotsPerSymbol))
         return Veto(v, "SYMBOL_LOTS_CAP");
      if(s.positionCount + 1 > p.maxOpenPositions)
         return Veto(v, "MAX_POSITIONS");
      long openRisk = tradeRisk;
      double exposure = MoneyForMove(o.volume, o.price, o.tickSize, o.tickValue);
      for(int i = 0; i < s.positionCount; i++)
        {
         openRisk += RiskAtStopCents(s.positions[i].side, s.positions[i].volume, s.positions[i].openPrice,
                                     s.positions[i].sl, s.positions[i].tickSize, s.positions[i].tickValue);
         exposure += MoneyForMove(s.positions[i].volume, s.positions[i].currentPrice, s.positions[i].tickSize,
                                  s.positions[i].tickValue);
        }
      if(openRisk > CentsDown(s.equity * p.maxOpenRiskPct / 100.0))
         return Veto(v, "OPEN_RISK_CAP");
      if(Micro(exposure) > Micro(p.maxExposureLeverage * s.equity))
         return Veto(v, "EXPOSURE_CAP");
     }

   // 1 and 2: worst-case equity (every position and the order stopped out, plus the gap allowance)
   if(o.kind == GOV_MODIFY)
     {
      bool othersStopless = false;
      for(int i = 0; i < s.positionCount; i++)
         if(i != pi && s.positions[i].sl <= 0.0)
            othersStopless = true;
      if(othersStopless)
         // unbounded either way: only a tightened stop can help
         return tightens ? true : Veto(v, "NO_STOP_LOSS");
     }
   long worst = WorstEquityCents(p, s, o, pi, true);
   v.worstEquityCents = worst;
   // a MODIFY that leaves the worst case no lower than before can only help
   if(o.kind == GOV_MODIFY && s.positions[pi].sl > 0.0 && worst >= WorstEquityCents(p, s, o, pi, false))
      return true;
   if(worst < v.dayFloorCents)
      return Veto(v, "DAILY_LOSS");
   if(worst < v.maxFloorCents)
      return Veto(v, "MAX_LOSS");

   if(o.kind == GOV_OPEN)
      v.sizeFactor = SoftSizeFactor(p, s);
   return true;
  }

#endif
