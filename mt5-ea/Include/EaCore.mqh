//+------------------------------------------------------------------+
//| EaCore.mqh -- what the EA does with a host command (pure part)    |
//+------------------------------------------------------------------+
// The decisions QuantSupraAI.mq5 takes per inbound frame, as pure functions so they are tested in g++
// (test/ea_core_test.cpp): admit or refuse a signal (duplicate, link not ready, fail-safe, expiry,
// netting, then the seven hard governors), check a host close/modify against the governors, and the
// fail-safe plan per position. The .mq5 only fills the snapshot from the terminal and sends requests.
#ifndef VPT_EA_CORE_MQH
#define VPT_EA_CORE_MQH

#include "RiskManager.mqh"
#include "TradeEngine.mqh"
#include "Link.mqh"

enum ENUM_FAILSAFE_MODE
  {
   FAILSAFE_HOLD = 0,     // keep positions with their broker-side SL/TP; close any without a stop
   FAILSAFE_FLATTEN = 1   // close everything
  };

//--- fail-safe: does this position get closed? (a position without a stop cannot be held unattended)
bool FailsafeClosesPosition(int mode, double sl)
  {
   if(mode == FAILSAFE_FLATTEN)
      return true;
   return sl <= 0.0;
  }

//--- the retcode of a reject frame for a refusal decided by the EA itself (PROTOCOL.md, as the terminal
//--- stand-in does): the MT5 code nearest in meaning; the reason code leads the message
#define REJECT_UNKNOWN_SYMBOL  10013
#define REJECT_INVALID_VOLUME  10014
#define REJECT_EXPIRED         10022
#define REJECT_DUPLICATE       10025
#define REJECT_TRADING_HALTED  10027
#define REJECT_TICKET_NOT_OPEN 10036
#define REJECT_GOVERNOR        10006
#define REJECT_PRICE_CHANGED   10020

int RejectRetcodeFor(const string reason)
  {
   if(reason == "DUPLICATE_ORDER") return REJECT_DUPLICATE;
   if(reason == "EXPIRED") return REJECT_EXPIRED;
   if(reason == "SYMBOL") return REJECT_UNKNOWN_SYMBOL;
   if(reason == "VOLUME") return REJECT_INVALID_VOLUME;
   if(reason == "TICKET") return REJECT_TICKET_NOT_OPEN;
   if(reason == "PRICE_MOVED") return REJECT_PRICE_CHANGED;
   // no new entries right now: halted, reducing, link not reconciled, fail-safe
   if(reason == "ENGINE_HALTED" || reason == "ENGINE_REDUCING" || reason == "NOT_READY" || reason == "FAILSAFE")
      return REJECT_TRADING_HALTED;
   return REJECT_GOVERNOR;   // any other governor veto (DAILY_LOSS, NEWS_EMBARGO, ...) or EA refusal
  }

//--- the reason code at the start of a reject message ("DAILY_LOSS: ..." -> "DAILY_LOSS")
string ReasonOf(const string message)
  {
   int c = StringFind(message, ":");
   return c < 0 ? message : StringSubstr(message, 0, c);
  }

struct SignalDecision
  {
   bool              execute;
   string            reason;     // "" or a reason code (precheck or governor)
   string            message;    // for the reject frame: "<reason>: detail"
   int               retcode;    // for the reject frame
   double            sizeFactor; // soft governors' view, informational (the host already sized the order)
  };

//--- the host decided on `referencePrice`: an entry worse than it by more than `maxPoints` is not the trade
//--- it decided on (its stops and size assumed that price). A better price is fine; 0 = no reference sent.
string ReferencePriceCheck(const VpSignal &s, double bid, double ask, double point, int maxPoints)
  {
   if(s.referencePrice <= 0.0 || point <= 0.0)
      return "";
   double entry = (s.side == SIDE_BUY) ? ask : bid;
   double worse = (s.side == SIDE_BUY) ? entry - s.referencePrice : s.referencePrice - entry;
   if(worse <= maxPoints * point + point * 0.5)
      return "";
   return "PRICE_MOVED: entry " + DoubleToString(entry, 8) + " is " + DoubleToString(worse / point, 1) +
          " points worse than the host's reference " + DoubleToString(s.referencePrice, 8);
  }

//--- the governor order for a signal at the current quote (buys fill at the ask, sells at the bid)
void SignalToOrder(const VpSignal &s, double bid, double ask, double tickSize, double tickValue, GovOrder &o)
  {
   o.kind = GOV_OPEN;
   o.key = s.signalKey;
   o.ticket = 0;
   o.symbol = s.symbol;
   o.side = s.side;
   o.volume = s.volume;
   o.price = (s.side == SIDE_BUY) ? ask : bid;
   o.sl = s.sl;
   o.tp = s.tp2 > 0.0 ? s.tp2 : s.tp1;
   o.tickSize = tickSize;
   o.tickValue = tickValue;
  }

//--- `snap` must hold the account (CRiskManager::FillAccount), open positions and known news
void DecideSignal(const VpSignal &s, long nowMsc, const CLinkState &link, const CIdempotency &keys,
                  bool netting, bool symbolHasPosition, const RulePack &pack, const GovSnapshot &snap,
                  const GovOrder &order, SignalDecision &d)
  {
   d.execute = false;
   d.sizeFactor = 1.0;
   d.retcode = 0;
   d.reason = SignalPrecheck(s, nowMsc, link.CanTrade(), link.FailsafeActive(), keys.State(s.signalKey),
                             netting, symbolHasPosition);
   if(d.reason != "")
     {
      if(d.reason == "DUPLICATE_ORDER" && keys.Ticket(s.signalKey) != 0)
         d.message = d.reason + ": signal already executed as position " + IntegerToString(keys.Ticket(s.signalKey));
      else
         if(d.reason == "EXPIRED")
            d.message = d.reason + ": expiryMsc passed before execution";
         else
            if(d.reason == "NOT_READY")
               d.message = d.reason + ": link not reconciled (no config since the last hello)";
            else
               d.message = d.reason;
      d.retcode = RejectRetcodeFor(d.reason);
      return;
     }
   GovVerdict v;
   GovernorsCheck(pack, snap, order, v);
   d.sizeFactor = v.sizeFactor;
   if(!v.allow)
     {
      d.reason = v.reason;
      d.message = v.reason + ": EA governor (" + pack.name + ")";
      d.retcode = RejectRetcodeFor(d.reason);
      return;
     }
   d.execute = true;
   d.reason = "";
   d.message = "";
  }

//--- a host close or modify as a governor order (keys are per command; the duplicate guard is for signals)
void CommandToOrder(int kind, long connects, long seq, long ticket, double volume, double sl, double tp, GovOrder &o)
  {
   o.kind = kind;
   o.key = "cmd-" + IntegerToString(connects) + "-" + IntegerToString(seq);
   o.ticket = ticket;
   o.symbol = "";
   o.side = SIDE_NONE;
   o.volume = volume;
   o.price = 0;
   o.sl = sl;
   o.tp = tp;
   o.tickSize = 0;
   o.tickValue = 0;
  }

//=== market breaks from the symbol's weekly trading sessions ============================================
// MT5 knows each symbol's regular trading sessions per weekday (SymbolInfoSessionTrade, server time).
// The gaps between them (the weekend, a mid-week maintenance break) become GovMarketBreak entries so
// the MARKET_BREAK governor works in the EA too. Holidays are not in that schedule.
#define SESSIONS_PER_DAY 8

struct SymbolSessions
  {
   int               count[7];                    // per day_of_week, 0 = Sunday
   int               from[7][SESSIONS_PER_DAY];   // seconds after server midnight
   int               to[7][SESSIONS_PER_DAY];     // may be 86400 (24:00)
  };

void SymbolSessionsClear(SymbolSessions &t)
  {
   for(int d = 0; d < 7; d++)
      t.count[d] = 0;
  }

//--- adds the gaps between trading sessions that end after `now` and start within a week
void AddMarketBreaks(const SymbolSessions &t, const string symbol, long now, GovSnapshot &s)
  {
   long starts[80];
   long ends[80];
   int n = 0;
   long day0 = FloorDiv(now, SECONDS_PER_DAY);
   for(long day = day0 - 1; day <= day0 + 8; day++)
     {
      int dow = DayOfWeekOfDays(day);
      for(int k = 0; k < t.count[dow] && k < SESSIONS_PER_DAY && n < 80; k++)
        {
         long a = day * SECONDS_PER_DAY + t.from[dow][k];
         long b = day * SECONDS_PER_DAY + t.to[dow][k];
         if(b <= a)
            b += SECONDS_PER_DAY;   // a session written across midnight
         // insertion in start order (brokers list sessions in order; this keeps it safe if not)
         int i = n;
         while(i > 0 && starts[i - 1] > a)
           {
            starts[i] = starts[i - 1];
            ends[i] = ends[i - 1];
            i--;
           }
         starts[i] = a;
         ends[i] = b;
         n++;
        }
     }
   if(n == 0)
      return;   // no schedule known: nothing to add
   long curEnd = ends[0];
   for(int i = 1; i < n; i++)
     {
      if(starts[i] <= curEnd)
        {
         if(ends[i] > curEnd)
            curEnd = ends[i];   // touching or overlapping sessions are one
         continue;
        }
      if(starts[i] > now && curEnd <= now + 7 * SECONDS_PER_DAY && s.breakCount < GOV_MAX_BREAKS)
        {
         s.breaks[s.breakCount].symbol = symbol;
         s.breaks[s.breakCount].start = curEnd;
         s.breaks[s.breakCount].end = starts[i];
         s.breakCount++;
        }
      curEnd = ends[i];
     }
  }

void AddHelloSession(VpSymbolSpec &s, int day, int from, int to)
  {
   if(from >= to || s.sessionCount >= VP_MAX_SESSIONS)
      return;
   s.sessionDay[s.sessionCount] = day;
   s.sessionFrom[s.sessionCount] = from;
   s.sessionTo[s.sessionCount] = to;
   s.sessionCount++;
  }

//--- the hello's copy of the schedule: a session written across midnight split in two
//--- (to 24:00 on its day, from 00:00 on the next), as the link's TradeSession wants from < to
void HelloSessions(const SymbolSessions &t, VpSymbolSpec &s)
  {
   s.sessionCount = 0;
   for(int d = 0; d < 7; d++)
      for(int k = 0; k < t.count[d] && k < SESSIONS_PER_DAY; k++)
        {
         int from = t.from[d][k];
         int to = t.to[d][k];
         if(to <= from)
           {
            AddHelloSession(s, d, from, (int)SECONDS_PER_DAY);
            AddHelloSession(s, (d + 1) % 7, 0, to);
           }
         else
            AddHelloSession(s, d, from, to);
        }
  }

#endif
