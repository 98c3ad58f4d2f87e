//+------------------------------------------------------------------+
//| RiskManager.mqh -- engine state, day anchor, peaks, persistence   |
//+------------------------------------------------------------------+
// Governors.mqh decides one order at one instant; this file keeps what those decisions need over time
// (C++-compatible, tested in test/risk_manager_test.cpp):
//   * the trading day: reset at the pack's zone/time (DST-aware), anchor balance/equity at the reset;
//   * the trailing max-loss peak (end-of-day balance, highest balance or highest equity);
//   * engine state ACTIVE -> REDUCING (headroom to the nearer buffered floor below reducingHeadroomPct)
//     -> HALTED + flatten (below flattenHeadroomPct: breach imminent), host halt/resume, weekend flatten;
//   * closed-trade statistics for the soft governors, and the recent orders for rate/duplicate checks;
//   * a snapshot of all of it as numbers, persisted by the EA with GlobalVariableSet so that a terminal
//     restart stays halted (MQL5 glue at the bottom, not compiled in CI).
#ifndef VPT_RISK_MANAGER_MQH
#define VPT_RISK_MANAGER_MQH

#include "Governors.mqh"

enum ENUM_HALT_SCOPE { HALT_NONE = 0, HALT_DAY = 1, HALT_UNTIL_RESUME = 2 };
enum ENUM_RISK_ACTION { RISK_NONE = 0, RISK_FLATTEN = 1 };

#define RISK_PERSIST_SLOTS 14
#define STATE_HYSTERESIS_PCT 0.1   // REDUCING -> ACTIVE only once headroom is this much above the line

struct RiskPersist
  {
   double            v[RISK_PERSIST_SLOTS];
  };

struct RiskState
  {
   int               engineState;   // ENUM_ENGINE_STATE
   string            reason;
   int               haltScope;     // ENUM_HALT_SCOPE
   long              dayKey;        // -1 before the first clock tick
   long              dayStart;      // server time
   double            dayStartBalance;
   double            dayStartEquity;
   double            peak;          // what a trailing max loss trails
   int               consecutiveLosses;
   double            closedProfitToday;
   bool              openedToday;   // a position was opened in this trading day (the day-qualifying trade rule)
   GovRecent         recent[GOV_MAX_RECENT];
   int               recentCount;
   int               recentNext;
   bool              packFromHost;
   bool              armed;         // the initial balance in force was checked against the account
  };

//--- reason codes that survive a restart (GlobalVariables hold numbers only)
string PersistedReason(int code)
  {
   switch(code)
     {
      case 1: return "BREACH_IMMINENT";
      case 2: return "NEAR_FLOOR";
      case 3: return "HOST_HALT";
      case 4: return "FAILSAFE";
      case 5: return "CONFIG_MISMATCH";
     }
   return "";
  }
int PersistedReasonCode(const string reason)
  {
   for(int c = 1; c <= 5; c++)
      if(StringFind(reason, PersistedReason(c)) == 0)
         return c;
   return reason == "" ? 0 : 3;
  }

//--- the terminal has the account: connected to the trade server, logged in, a balance. Before that,
//--- AccountInfo* may return zeros or a stale account, and nothing must be anchored on them.
bool AccountSynced(bool terminalConnected, long login, double balance)
  {
   return terminalConnected && login > 0 && balance > 0.0;
  }

//--- the day's start when the EA starts mid-day without a persisted anchor: the start balance is today's
//--- balance minus today's closed results; the start equity is the start balance when no position was open
//--- at the reset (exact), else it also holds those positions' profit, estimated by their profit now, never
//--- below the start balance (a higher basis is the stricter floor). Returns true when exact.
bool MidDayAnchor(double balance, double closedToday, bool carriedOverReset, double carriedProfitNow,
                  double &startBalance, double &startEquity)
  {
   startBalance = balance - closedToday;
   startEquity = startBalance;
   if(!carriedOverReset)
      return true;
   if(carriedProfitNow > 0.0)
      startEquity = startBalance + carriedProfitNow;
   return false;
  }

class CRiskManager
  {
public:
   RulePack          m_pack;
   RiskState         m_s;
   GovSnapshot       m_scratch;   // reused every tick (large: 300 strings)
   long              m_lastNow;   // server time of the last clock tick

   //--- compiled-in defaults until the host's config arrives
   void              Init(double initialBalance, int serverTz)
     {
      RulePackDefaults(m_pack, initialBalance, serverTz);
      m_s.engineState = ENGINE_ACTIVE;
      m_s.reason = "";
      m_s.haltScope = HALT_NONE;
      m_s.dayKey = -1;
      m_s.dayStart = 0;
      m_s.dayStartBalance = 0;
      m_s.dayStartEquity = 0;
      m_s.peak = initialBalance;
      m_s.consecutiveLosses = 0;
      m_s.closedProfitToday = 0;
      m_s.openedToday = false;
      m_s.recentCount = 0;
      m_s.recentNext = 0;
      m_s.packFromHost = false;
      m_s.armed = false;
      m_lastNow = 0;
     }

   //--- the host's rule pack; a bad one is refused and the previous pack stays in force
   bool              ApplyPackText(const string &text, CJsonDoc &scratch, string &err)
     {
      RulePack p;
      if(!RulePackFromText(text, scratch, p, err))
         return false;
      bool dayRuleChanged = (p.serverTz != m_pack.serverTz || p.dayResetZone != m_pack.dayResetZone ||
                             p.dayResetMin != m_pack.dayResetMin);
      m_pack = p;
      m_s.packFromHost = true;
      m_s.armed = false;   // the new initial balance is checked at the next clock tick
      if(m_s.peak <= 0.0)
         m_s.peak = p.initialBalance;
      // a new day rule must not look like a new day: keep today's anchor, statistics and any daily
      // halt, and only re-express the current day under the new rule
      if(dayRuleChanged && m_s.dayKey >= 0 && m_lastNow > 0)
        {
         m_s.dayKey = DayKeyAt(m_lastNow);
         m_s.dayStart = TradingDayStart(m_lastNow, m_pack.serverTz, m_pack.dayResetZone, m_pack.dayResetMin);
        }
      return true;
     }

   long              DayKeyAt(long now) const { return TradingDayKey(now, m_pack.serverTz, m_pack.dayResetZone, m_pack.dayResetMin); }

   //--- anchor a day. `startBalance` is the balance at the reset (the EA derives it from today's deals
   //--- when it starts mid-day); the start equity is unknown then and taken equal to it.
   void              AnchorDay(long now, double startBalance, double startEquity)
     {
      m_s.dayKey = DayKeyAt(now);
      m_s.dayStart = TradingDayStart(now, m_pack.serverTz, m_pack.dayResetZone, m_pack.dayResetMin);
      m_s.dayStartBalance = startBalance;
      m_s.dayStartEquity = startEquity;
     }

   void              Halt(const string reason, int scope)
     {
      m_s.engineState = ENGINE_HALTED;
      m_s.reason = reason;
      // a halt until resume is never shortened to a daily one
      if(!(m_s.haltScope == HALT_UNTIL_RESUME && scope == HALT_DAY))
         m_s.haltScope = scope;
     }
   void              HostHalt(const string reason) { Halt("HOST_HALT: " + reason, HALT_UNTIL_RESUME); }
   //--- the host (an operator or a new day on the host) lifts a halt; our own checks run again at the
   //--- next clock tick and re-halt if the account is still at the floor
   void              HostResume()
     {
      m_s.engineState = ENGINE_ACTIVE;
      m_s.reason = "";
      m_s.haltScope = HALT_NONE;
     }

   //--- every timer tick with the account's balance and equity. Returns RISK_FLATTEN while the account
   //--- must be flat (breach imminent, or the weekend rule); `why` says which.
   int               OnClock(long now, double balance, double equity, string &why)
     {
      why = "";
      m_lastNow = now;
      long key = DayKeyAt(now);
      if(m_s.dayKey < 0)
         AnchorDay(now, balance, equity);
      else
         if(key != m_s.dayKey)
           {
            if(m_pack.maxLossTrailBasis == TRAIL_END_OF_DAY_BALANCE)
               m_s.peak = MathMax(m_s.peak, balance);   // closes only change balance: this is the day's end
            AnchorDay(now, balance, equity);
            m_s.closedProfitToday = 0.0;
            m_s.openedToday = false;
            if(m_s.haltScope == HALT_DAY)
               HostResume();
           }
      if(m_pack.maxLossTrailBasis == TRAIL_HIGHEST_BALANCE)
         m_s.peak = MathMax(m_s.peak, balance);
      if(m_pack.maxLossTrailBasis == TRAIL_HIGHEST_EQUITY)
         m_s.peak = MathMax(m_s.peak, equity);

      FillAccount(m_scratch, now, balance, equity);
      double headroom = FloorHeadroomPct(m_pack, m_scratch);
      bool dayBinds = BufferedDayFloorCents(m_pack, m_scratch) >= BufferedMaxFloorCents(m_pack, m_scratch);
      if(!Arm(headroom, dayBinds, equity))
         return RISK_NONE;
      if(headroom < m_pack.flattenHeadroomPct)
        {
         Halt("BREACH_IMMINENT: headroom " + DoubleToString(headroom, 2) + "% of initial", dayBinds ? HALT_DAY : HALT_UNTIL_RESUME);
         why = m_s.reason;
         return RISK_FLATTEN;
        }
      if(m_s.engineState == ENGINE_ACTIVE && headroom < m_pack.reducingHeadroomPct)
        {
         m_s.engineState = ENGINE_REDUCING;
         m_s.reason = "NEAR_FLOOR: headroom " + DoubleToString(headroom, 2) + "% of initial";
        }
      else
         if(m_s.engineState == ENGINE_REDUCING && StringFind(m_s.reason, "NEAR_FLOOR") == 0 &&
            headroom >= m_pack.reducingHeadroomPct + STATE_HYSTERESIS_PCT)
           {
            m_s.engineState = ENGINE_ACTIVE;
            m_s.reason = "";
           }
      if(m_pack.weekendFlat && InWeekendBlock(now, m_pack.serverTz, m_pack.weekendFlattenMinutes))
        {
         why = "WEEKEND";
         return RISK_FLATTEN;
        }
      return RISK_NONE;
     }

   //--- the first clock tick under an initial balance (the input's, or a pack's): an account already at the
   //--- overall floor that this initial balance implies has the wrong configuration, not a breach (the firm
   //--- would have failed it). Unarmed: REDUCING (closes and tighter stops only), never a flatten, never a
   //--- halt. The day floor comes from the account's own day-start balance, so it arms and acts as usual.
   bool              Arm(double headroom, bool dayBinds, double equity)
     {
      if(m_s.armed)
         return true;
      bool configured = StringFind(m_s.reason, "CONFIG_MISMATCH") == 0;
      if(headroom < m_pack.flattenHeadroomPct && !dayBinds)
        {
         if(m_s.engineState != ENGINE_HALTED)
            m_s.engineState = ENGINE_REDUCING;
         m_s.reason = "CONFIG_MISMATCH: equity " + DoubleToString(equity, 2) + " is at the overall floor of '" + m_pack.name +
                      "' (initial balance " + DoubleToString(m_pack.initialBalance, 2) + "): not armed";
         return false;
        }
      m_s.armed = true;
      if(configured)
        {
         m_s.engineState = ENGINE_ACTIVE;
         m_s.reason = "";
        }
      return true;
     }

   //--- a position opened (ENTRY_IN deal)
   void              OnTradeOpened() { m_s.openedToday = true; }

   //--- a closed trade (ENTRY_OUT deal): profit includes commission and swap
   void              OnTradeClosed(double profit)
     {
      m_s.closedProfitToday += profit;
      if(profit < 0.0)
         m_s.consecutiveLosses++;
      else
         m_s.consecutiveLosses = 0;
     }

   void              RecordOrder(const string key, long now)
     {
      m_s.recent[m_s.recentNext].key = key;
      m_s.recent[m_s.recentNext].time = now;
      m_s.recentNext = (m_s.recentNext + 1) % GOV_MAX_RECENT;
      if(m_s.recentCount < GOV_MAX_RECENT)
         m_s.recentCount++;
     }

   //--- the account part of a governor snapshot (positions and news are the caller's)
   void              FillAccount(GovSnapshot &s, long now, double balance, double equity) const
     {
      s.now = now;
      s.engineState = m_s.engineState;
      s.balance = balance;
      s.equity = equity;
      s.peak = (m_pack.maxLossMode == MAXLOSS_TRAILING) ? m_s.peak : m_pack.initialBalance;
      s.dayStart = m_s.dayStart;
      s.dayStartBalance = m_s.dayStartBalance;
      s.dayStartEquity = m_s.dayStartEquity;
      s.consecutiveLosses = m_s.consecutiveLosses;
      s.closedProfitToday = m_s.closedProfitToday;
      s.openedToday = m_s.openedToday;
      s.calendarFault = "";   // the caller's news source says otherwise
      s.positionCount = 0;
      s.newsCount = 0;
      s.breakCount = 0;
      s.recentCount = m_s.recentCount;
      for(int i = 0; i < m_s.recentCount; i++)
         s.recent[i] = m_s.recent[i];
     }

   //--- numbers for GlobalVariableSet; Restore() accepts them only for the same trading day where it matters
   void              Save(RiskPersist &p) const
     {
      p.v[0] = 1;   // format
      p.v[1] = m_s.engineState;
      p.v[2] = m_s.haltScope;
      p.v[3] = (double)m_s.dayKey;
      p.v[4] = m_s.dayStartBalance;
      p.v[5] = m_s.dayStartEquity;
      p.v[6] = m_s.peak;
      p.v[7] = m_s.consecutiveLosses;
      p.v[8] = m_s.closedProfitToday;
      p.v[9] = PersistedReasonCode(m_s.reason);
      p.v[10] = (double)m_s.dayStart;
      p.v[11] = m_s.openedToday ? 1 : 0;   // 0 in saves from before the day-qualifying trade: not opened
      // the day rule the key was computed with (the pack in force after a restart may differ at first)
      p.v[12] = m_pack.serverTz;
      p.v[13] = m_pack.dayResetZone * 10000 + m_pack.dayResetMin;
     }
   //--- after a restart at `now`: a halt until resume always survives; a daily halt, the anchor and the
   //--- day's statistics only if it is still the same trading day. The peak always survives.
   bool              Restore(const RiskPersist &p, long now)
     {
      if(p.v[0] != 1)
         return false;
      m_s.peak = MathMax(m_s.peak, p.v[6]);
      m_s.consecutiveLosses = (int)p.v[7];
      int zoneAndMin = (int)p.v[13];
      long savedRuleKey = TradingDayKey(now, (int)p.v[12], zoneAndMin / 10000, zoneAndMin % 10000);
      bool sameDay = ((long)p.v[3] == savedRuleKey);
      int scope = (int)p.v[2];
      m_lastNow = now;
      if(sameDay)
        {
         m_s.dayKey = DayKeyAt(now);
         m_s.dayStart = (long)p.v[10];
         m_s.dayStartBalance = p.v[4];
         m_s.dayStartEquity = p.v[5];
         m_s.closedProfitToday = p.v[8];
         m_s.openedToday = p.v[11] != 0;
        }
      if((int)p.v[9] == 5)
         return true;   // a configuration error is checked again under the configuration now in force
      if((int)p.v[1] == ENGINE_HALTED && (scope == HALT_UNTIL_RESUME || (scope == HALT_DAY && sameDay)))
         Halt(PersistedReason((int)p.v[9]) + " (restored after restart)", scope);
      else
         if((int)p.v[1] == ENGINE_REDUCING && sameDay)
           {
            m_s.engineState = ENGINE_REDUCING;
            m_s.reason = PersistedReason((int)p.v[9]);
           }
      return true;
     }
  };

#ifdef __MQL5__
//=== MQL5 glue (not compiled in CI): persistence in terminal global variables ============================
// Names: "QS.<login>.<magic>.<slot>". GlobalVariablesFlush() writes them to disk at once, so even a
// terminal crash right after a halt keeps it.
string RiskVarName(long login, long magic, int slot)
  {
   return "QS." + IntegerToString(login) + "." + IntegerToString(magic) + "." + IntegerToString(slot);
  }
void RiskPersistWrite(const CRiskManager &rm, long login, long magic)
  {
   RiskPersist p;
   rm.Save(p);
   for(int i = 0; i < RISK_PERSIST_SLOTS; i++)
      GlobalVariableSet(RiskVarName(login, magic, i), p.v[i]);
   GlobalVariablesFlush();
  }
bool RiskPersistRead(CRiskManager &rm, long login, long magic, long now)
  {
   RiskPersist p;
   for(int i = 0; i < RISK_PERSIST_SLOTS; i++)
     {
      string name = RiskVarName(login, magic, i);
      if(!GlobalVariableCheck(name))
         return false;
      p.v[i] = GlobalVariableGet(name);
     }
   return rm.Restore(p, now);
  }
#endif

#endif
