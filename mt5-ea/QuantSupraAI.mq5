//+------------------------------------------------------------------+
//|                                                 QuantSupraAI.mq5 |
//|  VPropTrader Expert Advisor: executes the host's signals through  |
//|  the gateway, under its own copy of the prop-firm governors.      |
//+------------------------------------------------------------------+
// Shape: a millisecond timer drives everything (socket I/O, heartbeats, risk clock, trade management);
// OnTradeTransaction reports fills. Every decision lives in Include/*.mqh as pure, g++-tested code
// (mt5-ea/test/run.sh); this file only reads terminal state into those functions and carries out what
// they decide. NOTE: there is no MQL5 compiler in this project's CI. This file and the `#ifdef __MQL5__`
// parts of the includes pass the MQL5 rules check (test/mql5_rules.cpp) and are compiled by g++ and run
// over a simulated terminal (test/sim), not by MetaEditor: compile in MetaEditor and try on a demo
// account before the first live run.
#property copyright "VPropTrader"
#property version   "1.00"
#property description "Executes host signals (NDJSON over TCP via the gateway) under the prop-firm rule pack."

#include <Trade/Trade.mqh>
#include "Include/Json.mqh"
#include "Include/Scheduler.mqh"
#include "Include/Frames.mqh"
#include "Include/RulePack.mqh"
#include "Include/Governors.mqh"
#include "Include/RiskManager.mqh"
#include "Include/TradeEngine.mqh"
#include "Include/FillLedger.mqh"
#include "Include/Link.mqh"
#include "Include/EaCore.mqh"

enum ENUM_SERVER_CLOCK
  {
   SERVER_EET_EU_DST = TZ_EET_EU_DST,  // GMT+2/+3, EU DST rule (FTMO, FundedNext)
   SERVER_NY_CLOSE = TZ_NY_CLOSE,      // New York + 7 h (The5ers)
   SERVER_UTC = TZ_UTC                 // UTC
  };

//--- link
input string             InpGatewayHost      = "127.0.0.1";  // Gateway host (add it to the allowed URLs)
input int                InpGatewayPort      = 7788;         // Gateway port
input bool               InpUseTls           = false;        // TLS to the gateway
input string             InpToken            = "";           // Shared token (hello.token)
input int                InpHeartbeatMs      = 2000;         // Heartbeat interval, ms
input int                InpSilenceTimeoutMs = 10000;        // Link silent longer than this => fail-safe
input ENUM_FAILSAFE_MODE InpFailsafeMode     = FAILSAFE_HOLD; // Fail-safe: hold with stops, or flatten
//--- trading
input long               InpMagic            = 20260310;     // Magic number of this EA's orders
input string             InpSymbols          = "EURUSD,GBPUSD,USDJPY,XAUUSD"; // Symbols streamed to the host
input int                InpDeviationPoints  = 10;           // Max slippage, points
input int                InpMaxAttempts      = 3;            // Attempts on requote/price changed/price off
input double             InpPartialFraction  = 0.5;          // Fraction closed at TP1
input ENUM_AFTER_TP1     InpAfterTp1         = AFTER_TP1_TRAIL; // After TP1: break-even only, or trail
input int                InpBreakEvenOffset  = 10;           // Break-even stop offset, points
input double             InpTrailR           = 1.0;          // Trailing distance, x initial risk
//--- rule pack defaults until the host's config arrives
input double             InpInitialBalance   = 100000;       // Account's initial balance (pack default)
input ENUM_SERVER_CLOCK  InpServerClock      = SERVER_EET_EU_DST; // Broker server clock (pack default)
input bool               InpUseCalendar      = true;         // Feed the news governor from the MT5 calendar
input int                InpTimerMs          = 20;           // Timer period, ms (10..50)

//--- state (globals: several of these are too large for MQL5's stack)
CLink          g_link;
CTradeEngine   g_trade;
CRiskManager   g_risk;
CJsonDoc       g_doc;
CJsonDoc       g_packDoc;
CJsonWriter    g_w;
VpFrame        g_in;
VpHello        g_hello;
GovSnapshot    g_snap;
string         g_symbols[];
long           g_lastTickMsc[];
datetime       g_lastBarTime[];
ManagedTrade   g_managed[GOV_MAX_POSITIONS];
int            g_managedCount = 0;
VpSignal       g_pendingSignals[32];   // levels of signals just sent, until their ENTRY_IN deal arrives
int            g_pendingCount = 0;
CFillLedger    g_fills;                // which fills the host has; the rest are replayed on reconnect
ulong          g_seenDeals[256];
int            g_seenDealNext = 0;
GovNews        g_news[GOV_MAX_NEWS];
int            g_newsCount = 0;
datetime       g_newsLoadedAt = 0;    // last attempt
datetime       g_newsLoadedOkAt = 0;  // last successful load
string         g_calendarFault = "";  // why the news list cannot be trusted now ("" = it can)
ulong          g_lastAccountMs = 0;
ulong          g_lastFlattenMs = 0;
string         g_lastPersisted = "";
long           g_login = 0;
long           g_lastStatusMs = 0;
bool           g_started = false;      // StartSession() ran
long           g_lastBreakCheckMs = 0;
string         g_packHash = "";         // FNV-1a 64 of the config in force, acknowledged in ea_state
string         g_lastEaState = "";      // what the host last heard from us (resent on change and on reconnect)
long           g_lastEaStateMs = 0;

//+------------------------------------------------------------------+
ulong NowMs() { return GetTickCount64(); }
long  ServerNow() { return (long)TimeTradeServer(); }

void Send(const string line)
  {
   if(g_link.IsOpen())
      g_link.Send(line, (long)NowMs());
  }

int SplitSymbols(const string list)
  {
   string parts[];
   int n = StringSplit(list, ',', parts);
   ArrayResize(g_symbols, 0);
   for(int i = 0; i < n; i++)
     {
      string s = parts[i];
      StringTrimLeft(s);
      StringTrimRight(s);
      if(s != "" && SymbolSelect(s, true))
        {
         int k = ArraySize(g_symbols);
         ArrayResize(g_symbols, k + 1);
         g_symbols[k] = s;
        }
     }
   ArrayResize(g_lastTickMsc, ArraySize(g_symbols));
   ArrayResize(g_lastBarTime, ArraySize(g_symbols));
   ArrayInitialize(g_lastTickMsc, 0);
   ArrayInitialize(g_lastBarTime, 0);
   return ArraySize(g_symbols);
  }

//--- the signal key of a position: from its comment, else from the idempotency store (hashed keys)
string PositionKey(const string comment)
  {
   return g_trade.m_keys.KeyOf(comment);
  }

void TerminalAccount(VpAccount &a)
  {
   a.accountId = IntegerToString(AccountInfoInteger(ACCOUNT_LOGIN));
   a.currency = AccountInfoString(ACCOUNT_CURRENCY);
   a.balance = AccountInfoDouble(ACCOUNT_BALANCE);
   a.equity = AccountInfoDouble(ACCOUNT_EQUITY);
   a.margin = AccountInfoDouble(ACCOUNT_MARGIN);
   a.freeMargin = AccountInfoDouble(ACCOUNT_MARGIN_FREE);
   a.serverTimeMsc = ServerNow() * 1000;
   a.marginMode = (AccountInfoInteger(ACCOUNT_MARGIN_MODE) == ACCOUNT_MARGIN_MODE_RETAIL_HEDGING) ? 2 : 1;
   a.leverage = (double)AccountInfoInteger(ACCOUNT_LEVERAGE);
  }

bool TerminalPosition(ulong ticket, VpPosition &p)
  {
   if(!PositionSelectByTicket(ticket))
      return false;
   p.ticket = (long)ticket;
   p.symbol = PositionGetString(POSITION_SYMBOL);
   p.side = (PositionGetInteger(POSITION_TYPE) == POSITION_TYPE_BUY) ? SIDE_BUY : SIDE_SELL;
   p.volume = PositionGetDouble(POSITION_VOLUME);
   p.openPrice = PositionGetDouble(POSITION_PRICE_OPEN);
   p.sl = PositionGetDouble(POSITION_SL);
   p.tp = PositionGetDouble(POSITION_TP);
   p.openTimeMsc = PositionGetInteger(POSITION_TIME_MSC);
   p.profit = PositionGetDouble(POSITION_PROFIT);
   p.swap = PositionGetDouble(POSITION_SWAP);
   p.commission = 0.0;   // MT5 reports commission on deals, not positions
   p.magic = PositionGetInteger(POSITION_MAGIC);
   p.signalKey = PositionKey(PositionGetString(POSITION_COMMENT));
   return true;
  }

//--- the symbol's regular weekly trading sessions (server time) for the MARKET_BREAK governor
void LoadSessions(const string sym, SymbolSessions &t)
  {
   SymbolSessionsClear(t);
   for(int d = 0; d < 7; d++)
      for(uint k = 0; k < SESSIONS_PER_DAY; k++)
        {
         datetime from, to;
         if(!SymbolInfoSessionTrade(sym, (ENUM_DAY_OF_WEEK)d, k, from, to))
            break;
         t.from[d][k] = (int)from;
         t.to[d][k] = (int)to;
         t.count[d]++;
        }
  }

void TerminalSymbolSpec(const string sym, VpSymbolSpec &s)
  {
   s.symbol = sym;
   s.digits = (int)SymbolInfoInteger(sym, SYMBOL_DIGITS);
   s.contractSize = SymbolInfoDouble(sym, SYMBOL_TRADE_CONTRACT_SIZE);
   s.tickSize = SymbolInfoDouble(sym, SYMBOL_TRADE_TICK_SIZE);
   s.tickValue = SymbolInfoDouble(sym, SYMBOL_TRADE_TICK_VALUE);
   s.volumeMin = SymbolInfoDouble(sym, SYMBOL_VOLUME_MIN);
   s.volumeStep = SymbolInfoDouble(sym, SYMBOL_VOLUME_STEP);
   s.volumeMax = SymbolInfoDouble(sym, SYMBOL_VOLUME_MAX);
   s.stopsLevelPoints = (int)SymbolInfoInteger(sym, SYMBOL_TRADE_STOPS_LEVEL);
   s.swapLong = SymbolInfoDouble(sym, SYMBOL_SWAP_LONG);
   s.swapShort = SymbolInfoDouble(sym, SYMBOL_SWAP_SHORT);
   s.commissionPerLot = 0.0;   // not exposed by MQL5; the host learns it from fills
   s.freezeLevelPoints = (int)SymbolInfoInteger(sym, SYMBOL_TRADE_FREEZE_LEVEL);
   s.tradeMode = (int)SymbolInfoInteger(sym, SYMBOL_TRADE_MODE) + 1;   // MQL5 0 DISABLED..4 FULL -> link 1..5
   SymbolSessions t;
   LoadSessions(sym, t);
   HelloSessions(t, s);
  }

//--- full snapshot for reconciliation, on every (re)connect
void SendHello()
  {
   g_hello.accountId = IntegerToString(g_login);
   g_hello.token = InpToken;
   g_hello.serverTimeMsc = ServerNow() * 1000;
   g_hello.terminal = "mt5";
   g_hello.serverUtcOffsetSec = (int)(TimeTradeServer() - TimeGMT());
   TerminalAccount(g_hello.account);
   g_hello.symbolCount = 0;
   for(int i = 0; i < ArraySize(g_symbols) && g_hello.symbolCount < VP_MAX_SYMBOLS; i++)
     {
      TerminalSymbolSpec(g_symbols[i], g_hello.symbols[g_hello.symbolCount]);
      g_hello.symbolCount++;
     }
   g_hello.positionCount = 0;
   for(int i = 0; i < PositionsTotal() && g_hello.positionCount < VP_MAX_POSITIONS; i++)
     {
      ulong t = PositionGetTicket(i);
      if(t > 0 && TerminalPosition(t, g_hello.positions[g_hello.positionCount]))
         g_hello.positionCount++;
     }
   HelloRecentDeals(g_hello);
   Send(EncodeHelloFrame(g_w, g_link.m_st.NextSeq(), g_hello));
  }

//--- hello.recentDeals: the trade deals from 00:00 server time of the previous server day, oldest first, the newest
//--- VP_MAX_RECENT_DEALS (PROTOCOL.md, hello); the host journals those it lost or never heard of
void HelloRecentDeals(VpHello &h)
  {
   h.recentDealCount = 0;
   long now = ServerNow();
   long from = now - now % 86400 - 86400;
   if(!HistorySelect((datetime)from, (datetime)(now + 60)))
      return;
   int total = HistoryDealsTotal();
   int trades = 0;
   for(int i = 0; i < total; i++)
      if(IsTradeDeal(HistoryDealGetTicket(i)))
         trades++;
   int skip = trades - VP_MAX_RECENT_DEALS;   // beyond the cap the oldest are left out
   for(int i = 0; i < total && h.recentDealCount < VP_MAX_RECENT_DEALS; i++)
     {
      ulong d = HistoryDealGetTicket(i);
      if(!IsTradeDeal(d))
         continue;
      if(skip > 0)
        {
         skip--;
         continue;
        }
      if(ListedDealToFill(d, h.recentDeals[h.recentDealCount]))
         h.recentDealCount++;
     }
  }

void SendReject(const string key, int retcode, const string message)
  {
   Send(EncodeRejectFrame(g_w, g_link.m_st.NextSeq(), key, retcode, message));
  }

void SendPosition(ulong ticket)
  {
   VpPosition p;
   if(TerminalPosition(ticket, p))
      Send(EncodePositionFrame(g_w, g_link.m_st.NextSeq(), p));
  }

//--- the governors' view of the account now: positions with their close prices, news, recent orders
void FillSnapshot(long now)
  {
   g_risk.FillAccount(g_snap, now, AccountInfoDouble(ACCOUNT_BALANCE), AccountInfoDouble(ACCOUNT_EQUITY));
   g_snap.positionCount = 0;
   for(int i = 0; i < PositionsTotal() && g_snap.positionCount < GOV_MAX_POSITIONS; i++)
     {
      ulong t = PositionGetTicket(i);
      if(t == 0)
         continue;
      GovPosition gp;
      gp.ticket = (long)t;
      gp.symbol = PositionGetString(POSITION_SYMBOL);
      gp.side = (PositionGetInteger(POSITION_TYPE) == POSITION_TYPE_BUY) ? SIDE_BUY : SIDE_SELL;
      gp.volume = PositionGetDouble(POSITION_VOLUME);
      gp.openPrice = PositionGetDouble(POSITION_PRICE_OPEN);
      gp.sl = PositionGetDouble(POSITION_SL);
      gp.tp = PositionGetDouble(POSITION_TP);
      MqlTick q;
      SymbolInfoTick(gp.symbol, q);
      gp.currentPrice = (gp.side == SIDE_BUY) ? q.bid : q.ask;
      gp.tickSize = SymbolInfoDouble(gp.symbol, SYMBOL_TRADE_TICK_SIZE);
      gp.tickValue = SymbolInfoDouble(gp.symbol, SYMBOL_TRADE_TICK_VALUE_LOSS);
      g_snap.positions[g_snap.positionCount] = gp;
      g_snap.positionCount++;
     }
   g_snap.calendarFault = g_calendarFault;
   g_snap.newsCount = 0;
   for(int i = 0; i < g_newsCount; i++)
     {
      g_snap.news[i] = g_news[i];
      g_snap.newsCount++;
     }
  }

bool SymbolHasPosition(const string sym)
  {
   for(int i = 0; i < PositionsTotal(); i++)
     {
      ulong t = PositionGetTicket(i);
      if(t > 0 && PositionGetString(POSITION_SYMBOL) == sym)
         return true;
     }
   return false;
  }

//--- high-impact events from the terminal's economic calendar (server time), refreshed every 10 minutes
//--- (every minute while it fails). A failed or stale calendar is a fault: the pack's fail-safe applies.
void LoadCalendar()
  {
   if(!InpUseCalendar)
     {
      g_calendarFault = "";   // news left to the host's calendar, by choice (input)
      return;
     }
   datetime now = TimeTradeServer();
   if(g_newsLoadedOkAt > 0 && now - g_newsLoadedOkAt > 1800)
      g_calendarFault = "MT5 calendar not refreshed for " + IntegerToString((long)(now - g_newsLoadedOkAt) / 60) + " min";
   if(now - g_newsLoadedAt < (g_calendarFault == "" ? 600 : 60))
      return;
   g_newsLoadedAt = now;
   MqlCalendarValue values[];
   ResetLastError();
   int got = CalendarValueHistory(values, now - 3600, now + 86400);
   if(got < 0)
     {
      g_calendarFault = "MT5 calendar failed to load (error " + IntegerToString(GetLastError()) + ")";
      Print("news: ", g_calendarFault, "; the rule pack's calendar fail-safe applies");
      return;   // the previous list stays, for what it is worth
     }
   g_calendarFault = "";
   g_newsLoadedOkAt = now;
   g_newsCount = 0;
   for(int i = 0; i < ArraySize(values) && g_newsCount < GOV_MAX_NEWS; i++)
     {
      MqlCalendarEvent ev;
      MqlCalendarCountry country;
      if(!CalendarEventById(values[i].event_id, ev) || !CalendarCountryById(ev.country_id, country))
         continue;
      int impact = (ev.importance == CALENDAR_IMPORTANCE_HIGH) ? IMPACT_HIGH :
                   (ev.importance == CALENDAR_IMPORTANCE_MODERATE) ? IMPACT_MEDIUM : IMPACT_LOW;
      if(impact < g_risk.m_pack.newsMinImpact)
         continue;
      g_news[g_newsCount].time = (long)values[i].time;
      g_news[g_newsCount].currency = country.currency;
      g_news[g_newsCount].impact = impact;
      g_news[g_newsCount].symbols = "";
      g_newsCount++;
     }
  }

//+------------------------------------------------------------------+
//| host commands                                                    |
//+------------------------------------------------------------------+
void OnSignal(const VpSignal &s)
  {
   long now = ServerNow();
   SignalDecision d;
   GovOrder o;
   MqlTick q;
   if(!SymbolSelect(s.symbol, true) || !SymbolInfoTick(s.symbol, q) || q.bid <= 0.0)
     {
      SendReject(s.signalKey, RejectRetcodeFor("SYMBOL"), "SYMBOL: no quotes for " + s.symbol);
      return;
     }
   FillSnapshot(now);
   SymbolSessions sessions;
   LoadSessions(s.symbol, sessions);
   AddMarketBreaks(sessions, s.symbol, now, g_snap);
   SignalToOrder(s, q.bid, q.ask, SymbolInfoDouble(s.symbol, SYMBOL_TRADE_TICK_SIZE),
                 SymbolInfoDouble(s.symbol, SYMBOL_TRADE_TICK_VALUE_LOSS), o);
   // expiry is judged on the server clock; a quiet symbol's last tick can be old
   long nowMsc = (long)q.time_msc;
   if(now * 1000 > nowMsc)
      nowMsc = now * 1000;
   DecideSignal(s, nowMsc, g_link.m_st, g_trade.m_keys, g_trade.m_netting, SymbolHasPosition(s.symbol),
                g_risk.m_pack, g_snap, o, d);
   string drift = ReferencePriceCheck(s, q.bid, q.ask, SymbolInfoDouble(s.symbol, SYMBOL_POINT), InpDeviationPoints);
   if(d.execute && drift != "")
     {
      d.execute = false;
      d.reason = "PRICE_MOVED";
      d.message = drift;
      d.retcode = RejectRetcodeFor(d.reason);
     }
   if(!d.execute)
     {
      if(d.reason != "DUPLICATE_ORDER" && g_trade.m_keys.Begin(s.signalKey))
         g_trade.m_keys.Finish(s.signalKey, KEY_REJECTED, 0);   // a refused key is never executed later
      SendReject(s.signalKey, d.retcode, d.message);
      return;
     }
   g_trade.m_keys.Begin(s.signalKey);
   g_risk.RecordOrder(s.signalKey, now);
   g_pendingSignals[g_pendingCount % 32] = s;
   g_pendingCount++;
   string msg;
   long ticket = 0;
   int rc = g_trade.Open(s, msg, ticket);
   if(rc == 0)
      rc = RejectRetcodeFor(ReasonOf(msg));   // refused locally (symbol, volume)
   int cls = RetcodeClass(rc);
   if(rc != 0 && (cls == RCA_DONE || cls == RCA_PARTIAL))
     {
      g_trade.m_keys.Finish(s.signalKey, KEY_DONE, ticket);
      return;   // the fill frame follows from OnTradeTransaction
     }
   g_trade.m_keys.Finish(s.signalKey, KEY_REJECTED, 0);
   SendReject(s.signalKey, rc, msg);
  }

string KeyOfTicket(long ticket)
  {
   if(PositionSelectByTicket((ulong)ticket))
      return PositionKey(PositionGetString(POSITION_COMMENT));
   return "";
  }

void OnCloseOrModify(int kind, long seq, long ticket, double volume, double sl, double tp, const string reason)
  {
   long now = ServerNow();
   FillSnapshot(now);
   GovOrder o;
   CommandToOrder(kind, g_link.m_st.m_connects, seq, ticket, volume, sl, tp, o);
   GovVerdict v;
   string key = KeyOfTicket(ticket);
   if(!GovernorsCheck(g_risk.m_pack, g_snap, o, v))
     {
      string what = (kind == GOV_CLOSE) ? "close" : "modify";
      what += " of " + IntegerToString(ticket);
      if(v.reason == "INVALID_ORDER" && !PositionSelectByTicket((ulong)ticket))
         SendReject("", RejectRetcodeFor("TICKET"), "TICKET: " + what + ": no such open position");
      else
         SendReject(key, RejectRetcodeFor(v.reason), v.reason + ": " + what + " refused by EA governor (" + g_risk.m_pack.name + ")");
      return;
     }
   g_risk.RecordOrder(o.key, now);
   string msg;
   // the fill of a close echoes the command's reason (PROTOCOL.md)
   string intent = (reason != "") ? reason : "close";
   int rc = (kind == GOV_CLOSE) ? g_trade.Close(ticket, volume, intent, key, msg) : g_trade.Modify(ticket, sl, tp, msg);
   int cls = RetcodeClass(rc);
   if(cls != RCA_DONE && cls != RCA_PARTIAL)
      SendReject(key, rc, msg);
   else
      if(kind == GOV_MODIFY)
        {
         for(int i = 0; i < g_managedCount; i++)
            if(g_managed[i].ticket == ticket)
               g_managed[i].sl = sl;
         SendPosition((ulong)ticket);
        }
  }

void Flatten(const string intent)
  {
   ulong now = NowMs();
   if(PositionsTotal() == 0 || now - g_lastFlattenMs < 2000)
      return;
   g_lastFlattenMs = now;
   int left = g_trade.FlattenAll(intent);
   if(left > 0)
      PrintFormat("flatten (%s): %d positions still open, retrying", intent, left);
  }

void HandleLine(const string line)
  {
   string err;
   long now = (long)NowMs();
   if(!FrameDecode(g_doc, line, g_in, err))
     {
      // never disconnect for a bad frame: log it (unknown types are newer host commands)
      Print("link: ignored frame: ", err);
      g_link.m_st.OnFrame(now, false);
      return;
     }
   // a host command (seq > 0) or config ends reconciliation; gateway heartbeats/errors (seq 0) are life only
   bool wasReady = g_link.m_st.State() == LINK_READY;
   g_link.m_st.OnFrame(now, g_in.type == FT_CONFIG || (g_in.seq > 0 && g_in.type != FT_ERROR));
   if(!wasReady && g_link.m_st.State() == LINK_READY)
      ReplayMissedFills();
   switch(g_in.type)
     {
      case FT_CONFIG:
        {
         string perr;
         if(g_risk.ApplyPackText(g_in.rulePackJson, g_packDoc, perr))
           {
            g_packHash = HexU64(Fnv1a64(g_in.rulePackJson));
            PrintFormat("rule pack '%s' in force (hash %s)", g_risk.m_pack.name, g_packHash);
           }
         else
            Print("config refused, keeping '", g_risk.m_pack.name, "': ", perr);
         break;
        }
      case FT_SIGNAL:  OnSignal(g_in.signal); break;
      case FT_MODIFY:  OnCloseOrModify(GOV_MODIFY, g_in.seq, g_in.modify.ticket, 0, g_in.modify.sl, g_in.modify.tp, ""); break;
      case FT_CLOSE:   OnCloseOrModify(GOV_CLOSE, g_in.seq, g_in.close.ticket, g_in.close.volume, 0, 0, g_in.close.reason); break;
      case FT_FLATTEN: g_lastFlattenMs = 0; Flatten("flatten"); break;   // emergency: bypasses the governors
      case FT_HALT:    g_risk.HostHalt(g_in.reason); PersistRisk(); break;
      case FT_RESUME:  g_risk.HostResume(); PersistRisk(); break;
      case FT_ERROR:
         PrintFormat("gateway error %s (ref seq %I64d): %s", g_in.errorCode, g_in.refSeq, g_in.errorMessage);
         if(g_link.m_st.OnError(g_in.errorCode, g_in.refSeq, g_in.errorMessage))
           {
            Print("link: hello REFUSED (", g_in.errorCode, ": ", g_in.errorMessage, "); fix the EA inputs/terminal, retrying slowly");
            g_link.Close(now);
           }
         break;
      default: break;   // heartbeat: liveness only
     }
  }

void PersistRisk()
  {
   if(!g_started)
      return;   // nothing restored yet: writing now would overwrite the saved state
   RiskPersist p;
   g_risk.Save(p);
   string sig = "";
   for(int i = 0; i < RISK_PERSIST_SLOTS; i++)
      sig += DoubleToString(p.v[i], 2) + ";";
   if(sig == g_lastPersisted)
      return;
   g_lastPersisted = sig;
   RiskPersistWrite(g_risk, g_login, InpMagic);
  }

//+------------------------------------------------------------------+
//| market data to the host                                          |
//+------------------------------------------------------------------+
void StreamMarket()
  {
   if(!g_link.m_st.CanTrade())
      return;   // the host has our snapshot only once it answered hello
   for(int i = 0; i < ArraySize(g_symbols); i++)
     {
      MqlTick q;
      if(!SymbolInfoTick(g_symbols[i], q) || (long)q.time_msc == g_lastTickMsc[i])
         continue;
      g_lastTickMsc[i] = (long)q.time_msc;
      VpTick t;
      t.symbol = g_symbols[i];
      t.timeMsc = (long)q.time_msc;
      t.bid = q.bid;
      t.ask = q.ask;
      t.last = q.last;
      t.volume = (double)q.volume;
      t.flags = (long)q.flags;
      if(TickIsValid(t))
         Send(EncodeTickFrame(g_w, g_link.m_st.NextSeq(), t));
      MqlRates r[];
      if(CopyRates(g_symbols[i], PERIOD_M1, 1, 1, r) == 1 && r[0].time != g_lastBarTime[i])
        {
         g_lastBarTime[i] = r[0].time;
         VpBar b;
         b.symbol = g_symbols[i];
         b.timeframe = 1;
         b.openTimeMsc = (long)r[0].time * 1000;
         b.open = r[0].open;
         b.high = r[0].high;
         b.low = r[0].low;
         b.close = r[0].close;
         b.tickVolume = r[0].tick_volume;
         b.realVolume = r[0].real_volume;
         b.spreadPoints = r[0].spread;
         Send(EncodeBarFrame(g_w, g_link.m_st.NextSeq(), b));
        }
     }
   if(NowMs() - g_lastAccountMs >= 1000)
     {
      g_lastAccountMs = NowMs();
      VpAccount a;
      TerminalAccount(a);
      Send(EncodeAccountFrame(g_w, g_link.m_st.NextSeq(), a));
     }
  }

//+------------------------------------------------------------------+
//| TP1 partial, break-even / trailing                               |
//+------------------------------------------------------------------+
void ManageTrades()
  {
   for(int i = g_managedCount - 1; i >= 0; i--)
     {
      ManagedTrade t = g_managed[i];
      if(!PositionSelectByTicket((ulong)t.ticket))
        {
         DropManaged(t.ticket);
         g_managed[i] = g_managed[g_managedCount - 1];   // closed: forget it
         g_managedCount--;
         continue;
        }
      string sym = PositionGetString(POSITION_SYMBOL);
      double volume = PositionGetDouble(POSITION_VOLUME);
      double brokerTp = PositionGetDouble(POSITION_TP);   // read now: FillSnapshot selects other positions
      // compare with the stop in force now (the trader may have tightened it by hand): never loosen it
      t.sl = EffectiveStop(t.side, t.sl, PositionGetDouble(POSITION_SL));
      g_managed[i].sl = t.sl;
      if(!ManageDue(t, (long)NowMs()))
         continue;   // a refused request waits for its backoff
      MqlTick q;
      if(!SymbolInfoTick(sym, q))
         continue;
      ManageConfig c;
      c.partialFraction = InpPartialFraction;
      c.afterTp1 = InpAfterTp1;
      c.breakEvenOffsetPoints = InpBreakEvenOffset;
      c.trailDistanceR = InpTrailR;
      c.volumeMin = SymbolInfoDouble(sym, SYMBOL_VOLUME_MIN);
      c.volumeStep = SymbolInfoDouble(sym, SYMBOL_VOLUME_STEP);
      c.volumeMax = SymbolInfoDouble(sym, SYMBOL_VOLUME_MAX);
      c.point = SymbolInfoDouble(sym, SYMBOL_POINT);
      c.digits = (int)SymbolInfoInteger(sym, SYMBOL_DIGITS);
      c.stopsLevelPoints = (int)SymbolInfoInteger(sym, SYMBOL_TRADE_STOPS_LEVEL);
      c.freezeLevelPoints = (int)SymbolInfoInteger(sym, SYMBOL_TRADE_FREEZE_LEVEL);
      ManageAction a;
      ManageStep(t, q.bid, q.ask, volume, c, a);
      // management orders go through the governors too (news windows, halts)
      if(a.kind == MANAGE_NONE)
        {
         if(a.tp1Reached)
            g_managed[i].tp1Done = true;
         continue;
        }
      int kind = (a.kind == MANAGE_MOVE_SL) ? GOV_MODIFY : GOV_CLOSE;
      FillSnapshot(ServerNow());
      GovOrder o;
      CommandToOrder(kind, g_link.m_st.m_connects, 0, t.ticket,
                     a.kind == MANAGE_CLOSE_ALL ? 0 : a.volume, a.newSl, brokerTp, o);
      o.key = "mgmt-" + IntegerToString(t.ticket) + "-" + IntegerToString(ServerNow());
      GovVerdict v;
      if(!GovernorsCheck(g_risk.m_pack, g_snap, o, v))
         continue;   // e.g. inside a news window: try again later
      string msg;
      int rc;
      if(a.kind == MANAGE_MOVE_SL)
         rc = g_trade.Modify(t.ticket, a.newSl, brokerTp, msg);
      else
         rc = g_trade.Close(t.ticket, a.kind == MANAGE_CLOSE_ALL ? 0 : a.volume, "tp", t.key, msg);
      bool ok = RetcodeClass(rc) == RCA_DONE || RetcodeClass(rc) == RCA_PARTIAL;
      ManageRecordResult(g_managed[i], ok, (long)NowMs());
      if(!ok)
         PrintFormat("management of #%s refused (%s): next try in %s ms", IntegerToString(t.ticket), msg, IntegerToString(ManageRetryDelayMs(g_managed[i].failures)));
      if(ok)
        {
         if(a.tp1Reached)
            g_managed[i].tp1Done = true;
         if(a.kind == MANAGE_MOVE_SL)
            g_managed[i].sl = a.newSl;
         SaveManaged(g_managed[i]);
         SendPosition((ulong)t.ticket);
        }
     }
  }

//--- TP1 / break-even / trailing state in terminal global variables "QS.<login>.<magic>.m<ticket>.<slot>",
//--- so that a restart keeps managing the positions it had
string ManagedVarName(long ticket, int slot)
  {
   return "QS." + IntegerToString(g_login) + "." + IntegerToString(InpMagic) + ".m" + IntegerToString(ticket) + "." + IntegerToString(slot);
  }
void SaveManaged(const ManagedTrade &t)
  {
   ManagedPersist p;
   ManagedSave(t, p);
   for(int k = 0; k < MANAGED_PERSIST_SLOTS; k++)
      GlobalVariableSet(ManagedVarName(t.ticket, k), p.v[k]);
   GlobalVariablesFlush();
  }
void DropManaged(long ticket)
  {
   for(int k = 0; k < MANAGED_PERSIST_SLOTS; k++)
      GlobalVariableDel(ManagedVarName(ticket, k));
  }
void LoadManagedTrades()
  {
   for(int i = 0; i < PositionsTotal() && g_managedCount < GOV_MAX_POSITIONS; i++)
     {
      ulong ticket = PositionGetTicket(i);
      if(ticket == 0 || !GlobalVariableCheck(ManagedVarName((long)ticket, 0)))
         continue;
      ManagedPersist p;
      for(int k = 0; k < MANAGED_PERSIST_SLOTS; k++)
         p.v[k] = GlobalVariableGet(ManagedVarName((long)ticket, k));
      ManagedTrade t;
      if(!ManagedLoad(p, t))
         continue;
      string comment = PositionGetString(POSITION_COMMENT);
      t.key = g_trade.m_keys.KeyOf(comment);
      g_managed[g_managedCount] = t;
      g_managedCount++;
     }
   if(g_managedCount > 0)
      PrintFormat("%d managed positions restored (TP1, break-even, trailing)", g_managedCount);
  }

//--- a new position from one of our signals: remember its levels for ManageTrades
void TrackNewPosition(long positionId, const string key)
  {
   if(g_managedCount >= GOV_MAX_POSITIONS || !PositionSelectByTicket((ulong)positionId))
      return;
   for(int i = 0; i < g_managedCount; i++)
      if(g_managed[i].ticket == positionId)
         return;
   for(int k = 0; k < MathMin(g_pendingCount, 32); k++)
     {
      if(g_pendingSignals[k].signalKey != key)
         continue;
      ManagedTrade t;
      t.ticket = positionId;
      t.key = key;
      t.side = (PositionGetInteger(POSITION_TYPE) == POSITION_TYPE_BUY) ? SIDE_BUY : SIDE_SELL;
      t.entry = PositionGetDouble(POSITION_PRICE_OPEN);
      t.initialVolume = PositionGetDouble(POSITION_VOLUME);
      t.initialSl = PositionGetDouble(POSITION_SL);
      t.sl = t.initialSl;
      t.tp1 = g_pendingSignals[k].tp1;
      t.tp2 = PositionGetDouble(POSITION_TP);
      t.tp1Done = false;
      t.failures = 0;
      t.retryAtMs = 0;
      SaveManaged(t);
      g_managed[g_managedCount] = t;
      g_managedCount++;
      return;
     }
  }

//+------------------------------------------------------------------+
//| fail-safe                                                        |
//+------------------------------------------------------------------+
void RunFailsafe()
  {
   PrintFormat("FAIL-SAFE: link silent > %d ms: %s; no new orders until reconnected and reconciled",
               InpSilenceTimeoutMs, InpFailsafeMode == FAILSAFE_FLATTEN ? "flattening" : "holding positions with their stops");
   for(int i = PositionsTotal() - 1; i >= 0; i--)
     {
      ulong t = PositionGetTicket(i);
      if(t == 0 || !FailsafeClosesPosition(InpFailsafeMode, PositionGetDouble(POSITION_SL)))
         continue;
      string msg;
      g_trade.Close((long)t, 0, "failsafe", PositionKey(PositionGetString(POSITION_COMMENT)), msg);
     }
  }

//+------------------------------------------------------------------+
//| event handlers                                                   |
//+------------------------------------------------------------------+
int OnInit()
  {
   if(InpTimerMs < 10 || InpTimerMs > 1000 || InpPartialFraction <= 0.0 || InpPartialFraction >= 1.0 || InpMaxAttempts < 1)
     {
      Print("QuantSupraAI: invalid inputs");
      return INIT_PARAMETERS_INCORRECT;
     }
   SplitSymbols(InpSymbols);
   g_risk.Init(InpInitialBalance, (int)InpServerClock);
   g_trade.Init(InpMagic, InpDeviationPoints, InpMaxAttempts);
   g_started = false;   // StartSession() at the first timer tick with a synced account
   g_link.Init(InpGatewayHost, InpGatewayPort, InpUseTls, InpHeartbeatMs, InpSilenceTimeoutMs);
   if(!EventSetMillisecondTimer(InpTimerMs))
      return INIT_FAILED;
   PrintFormat("QuantSupraAI: %d symbols, gateway %s:%d, fail-safe %s", ArraySize(g_symbols), InpGatewayHost,
               InpGatewayPort, InpFailsafeMode == FAILSAFE_FLATTEN ? "FLATTEN" : "HOLD");
   return INIT_SUCCEEDED;
  }

//--- once the terminal has the account (AccountSynced): restore what a restart must keep (a halt, today's
//--- anchor, the fills the host has, the signal keys used), or anchor the day, before anything can trade
void StartSession()
  {
   g_login = AccountInfoInteger(ACCOUNT_LOGIN);
   long now = ServerNow();
   g_risk.m_lastNow = now;
   if(RiskPersistRead(g_risk, g_login, InpMagic, now))
      PrintFormat("risk state restored: %s %s", g_risk.m_s.engineState == ENGINE_HALTED ? "HALTED" :
                  g_risk.m_s.engineState == ENGINE_REDUCING ? "REDUCING" : "ACTIVE", g_risk.m_s.reason);
   if(g_risk.m_s.dayKey < 0)
      AnchorMidDay(now);
   g_fills.Init(now * 1000);
   if(GlobalVariableCheck(FillsVarName()))
      g_fills.RestoreWatermark(GlobalVariableGet(FillsVarName()));
   g_trade.RecoverKeys(7);
   LoadManagedTrades();
   PrintFormat("QuantSupraAI: account %s synced, %d signal keys recovered", IntegerToString(g_login), g_trade.m_keys.Count());
   g_started = true;
  }

void OnDeinit(const int reason)
  {
   EventKillTimer();
   PersistRisk();
   g_link.Close((long)NowMs());
   Comment("");
  }

//--- started mid-day without today's persisted anchor: derive it from today's deals and the positions
//--- carried over the reset (see MidDayAnchor)
void AnchorMidDay(long now)
  {
   long dayStart = TradingDayStart(now, g_risk.m_pack.serverTz, g_risk.m_pack.dayResetZone, g_risk.m_pack.dayResetMin);
   double closed = 0.0;
   if(HistorySelect((datetime)dayStart, (datetime)(now + 60)))
      for(int i = HistoryDealsTotal() - 1; i >= 0; i--)
        {
         ulong d = HistoryDealGetTicket(i);
         if(d > 0 && HistoryDealGetInteger(d, DEAL_TYPE) <= DEAL_TYPE_SELL)
            closed += HistoryDealGetDouble(d, DEAL_PROFIT) + HistoryDealGetDouble(d, DEAL_COMMISSION) + HistoryDealGetDouble(d, DEAL_SWAP);
        }
   bool carried = false;
   double carriedProfit = 0.0;
   for(int i = 0; i < PositionsTotal(); i++)
     {
      ulong t = PositionGetTicket(i);
      if(t > 0 && PositionGetInteger(POSITION_TIME) < dayStart)
        {
         carried = true;
         carriedProfit += PositionGetDouble(POSITION_PROFIT) + PositionGetDouble(POSITION_SWAP);
        }
     }
   double startBalance, startEquity;
   bool exact = MidDayAnchor(AccountInfoDouble(ACCOUNT_BALANCE), closed, carried, carriedProfit, startBalance, startEquity);
   g_risk.AnchorDay(now, startBalance, startEquity);
   PrintFormat("day anchored mid-day: start balance %.2f, start equity %.2f (%s)", startBalance, startEquity,
               exact ? "exact" : "estimated: positions were open at the reset");
  }

void OnTimer()
  {
   long ms = (long)NowMs();
   // nothing is anchored, reported or traded on account data the terminal has not synced yet
   if(!AccountSynced(TerminalInfoInteger(TERMINAL_CONNECTED) != 0, AccountInfoInteger(ACCOUNT_LOGIN), AccountInfoDouble(ACCOUNT_BALANCE)))
     {
      if(ms - g_lastStatusMs >= 1000)
        {
         g_lastStatusMs = ms;
         Comment("QuantSupraAI  waiting for the terminal to sync with the trade server");
        }
      return;
     }
   if(!g_started)
      StartSession();
   // 1. link: connect, read, heartbeat, silence
   if(g_link.m_st.ShouldConnect(ms) && g_link.Connect(ms))
      SendHello();
   string lines[];
   int n = g_link.Poll(lines, ms);
   for(int i = 0; i < n; i++)
      if(lines[i] != "")
         HandleLine(lines[i]);
   if(g_link.m_st.HeartbeatDue(ms))
      Send(EncodeHeartbeatFrame(g_w, g_link.m_st.NextSeq(), ServerNow() * 1000));
   if(g_link.m_st.IsSilent(ms))
     {
      Print("link: gateway silent, reconnecting");
      g_link.Close(ms);
     }
   if(g_link.m_st.HelloOverdue(ms))
     {
      Print("link: the host never answered our hello, reconnecting");
      g_link.Close(ms);
     }
   if(g_link.m_st.HostSilent(ms))
     {
      Print("link: no frame from the host (only the gateway's heartbeats), reconnecting");
      g_link.Close(ms);
     }
   if(g_link.m_st.Poll(ms) == LINK_EV_FAILSAFE)
      RunFailsafe();
   if(g_link.m_st.FailsafeActive() && InpFailsafeMode == FAILSAFE_FLATTEN)
      Flatten("failsafe");
   // 2. our own governors keep running with or without the host
   string why;
   if(g_risk.OnClock(ServerNow(), AccountInfoDouble(ACCOUNT_BALANCE), AccountInfoDouble(ACCOUNT_EQUITY), why) == RISK_FLATTEN)
     {
      if(PositionsTotal() > 0 && NowMs() - g_lastFlattenMs >= 2000)
         PrintFormat("EA governor: flattening (%s)", why);
      Flatten("flatten");
     }
   PersistRisk();
   LoadCalendar();
   FlattenBeforeSymbolBreaks(ms);
   // 3. trades and data
   ManageTrades();
   StreamMarket();
   SendEaState(ms);
   ShowStatus(ms);
  }

//--- our engine state, the pack we enforce (name + hash) and the day we anchored, for the host to show
//--- beside its own and compare: after every (re)connect and on every change, at most once a second
void SendEaState(long ms)
  {
   if(g_link.m_st.State() != LINK_READY || ms - g_lastEaStateMs < 1000)
      return;
   VpEaState e;
   e.engineState = g_risk.m_s.engineState == ENGINE_HALTED ? "HALTED" : g_risk.m_s.engineState == ENGINE_REDUCING ? "REDUCING" : "ACTIVE";
   e.failsafe = g_link.m_st.FailsafeActive();
   e.reason = g_risk.m_s.reason;
   e.rulePackName = g_risk.m_pack.name;
   e.rulePackHash = g_packHash;
   e.dayStartBalance = g_risk.m_s.dayStartBalance;
   e.dayStartEquity = g_risk.m_s.dayStartEquity;
   e.dayStartMsc = g_risk.m_s.dayStart * 1000;
   string line = EncodeEaStateFrame(g_w, 0, e);   // seq 0: only to compare; the real seq is taken below
   string sig = IntegerToString(g_link.m_st.m_connects) + "|" + line;
   if(sig == g_lastEaState)
      return;
   g_lastEaState = sig;
   g_lastEaStateMs = ms;
   Send(EncodeEaStateFrame(g_w, g_link.m_st.NextSeq(), e));
  }

//--- each symbol's own weekend and long breaks (its trading sessions): an index CFD that closes before
//--- the forex market is flattened before its own close (checked every 5 s)
void FlattenBeforeSymbolBreaks(long ms)
  {
   if(ms - g_lastBreakCheckMs < 5000 || PositionsTotal() == 0)
      return;
   g_lastBreakCheckMs = ms;
   long now = ServerNow();
   FillSnapshot(now);
   for(int i = PositionsTotal() - 1; i >= 0; i--)
     {
      ulong t = PositionGetTicket(i);
      if(t == 0)
         continue;
      string sym = PositionGetString(POSITION_SYMBOL);
      string comment = PositionGetString(POSITION_COMMENT);
      SymbolSessions sessions;
      LoadSessions(sym, sessions);
      g_snap.breakCount = 0;
      AddMarketBreaks(sessions, sym, now, g_snap);
      if(!SymbolFlattenDue(g_risk.m_pack, g_snap, sym))
         continue;
      string msg;
      int rc = g_trade.Close((long)t, 0, "flatten", g_trade.m_keys.KeyOf(comment), msg);
      PrintFormat("%s closes for a long break: position #%s closed (%s)", sym, IntegerToString((long)t), msg);
      if(RetcodeClass(rc) == RCA_FAIL)
         break;   // retried at the next check
     }
  }

//--- the chart shows what the EA is doing: link, refusals, engine state, rule pack (once a second)
void ShowStatus(long ms)
  {
   if(ms - g_lastStatusMs < 1000)
      return;
   g_lastStatusMs = ms;
   string engine = g_risk.m_s.engineState == ENGINE_HALTED ? "HALTED" : g_risk.m_s.engineState == ENGINE_REDUCING ? "REDUCING" : "ACTIVE";
   Comment("QuantSupraAI  ", g_link.m_st.StatusText(ms), "\nengine ", engine, " ", g_risk.m_s.reason,
           "\nrule pack '", g_risk.m_pack.name, "'");
  }

void OnTick()
  {
   // the timer drives everything; a tick only shortens the wait for trade management
   ManageTrades();
  }

//--- fills: TRADE_TRANSACTION_DEAL_ADD, then the deal's fields from history (fires once per deal, but
//--- several transactions arrive per order: only DEAL_ADD is reported, each deal once)
//--- a buy or sell deal; balance, credit, commission... are not fills
bool IsTradeDeal(ulong deal)
  {
   if(deal == 0)
      return false;
   long type = HistoryDealGetInteger(deal, DEAL_TYPE);
   return type == DEAL_TYPE_BUY || type == DEAL_TYPE_SELL;
  }

//--- a trade deal by ticket (a transaction's) as a fill frame; false for non-trade deals. HistoryDealSelect
//--- replaces the list HistorySelect made: inside a walk of that list use ListedDealToFill
bool DealToFill(ulong deal, VpFill &f)
  {
   return HistoryDealSelect(deal) && ListedDealToFill(deal, f);
  }

//--- a trade deal of the history list already selected (HistorySelect) as a fill frame
bool ListedDealToFill(ulong deal, VpFill &f)
  {
   if(!IsTradeDeal(deal))
      return false;
   long type = HistoryDealGetInteger(deal, DEAL_TYPE);
   f.deal = (long)deal;
   f.order = HistoryDealGetInteger(deal, DEAL_ORDER);
   f.positionId = HistoryDealGetInteger(deal, DEAL_POSITION_ID);
   f.symbol = HistoryDealGetString(deal, DEAL_SYMBOL);
   f.side = (type == DEAL_TYPE_BUY) ? SIDE_BUY : SIDE_SELL;
   long entry = HistoryDealGetInteger(deal, DEAL_ENTRY);
   f.entry = 3;   // ENTRY_INOUT (netting reversal)
   if(entry == DEAL_ENTRY_IN)
      f.entry = 1;
   else
      if(entry == DEAL_ENTRY_OUT || entry == DEAL_ENTRY_OUT_BY)
         f.entry = 2;
   f.volume = HistoryDealGetDouble(deal, DEAL_VOLUME);
   f.price = HistoryDealGetDouble(deal, DEAL_PRICE);
   f.profit = HistoryDealGetDouble(deal, DEAL_PROFIT);
   f.commission = HistoryDealGetDouble(deal, DEAL_COMMISSION);
   f.swap = HistoryDealGetDouble(deal, DEAL_SWAP);
   f.timeMsc = HistoryDealGetInteger(deal, DEAL_TIME_MSC);
   string intent = "", key = "";
   g_trade.m_intents.Get(f.order, intent, key);
   string comment = HistoryDealGetString(deal, DEAL_COMMENT);
   if(key == "")
      key = g_trade.m_keys.KeyOf(comment);
   if(key == "")
      key = KeyOfTicket(f.positionId);
   f.signalKey = key;
   f.reason = FillReason((int)HistoryDealGetInteger(deal, DEAL_REASON), intent);
   return true;
  }

string FillsVarName() { return "QS." + IntegerToString(g_login) + "." + IntegerToString(InpMagic) + ".fills"; }

//--- the fill, then the position and account it leaves (PROTOCOL.md section 7); true once sent
bool SendFill(const VpFill &f)
  {
   if(g_link.m_st.State() == LINK_DOWN || !g_link.Send(EncodeFillFrame(g_w, g_link.m_st.NextSeq(), f), (long)NowMs()))
      return false;
   g_fills.OnDelivered(f.deal, f.timeMsc);
   GlobalVariableSet(FillsVarName(), g_fills.SaveWatermark());
   if(PositionSelectByTicket((ulong)f.positionId))
      SendPosition((ulong)f.positionId);
   VpAccount a;
   TerminalAccount(a);
   Send(EncodeAccountFrame(g_w, g_link.m_st.NextSeq(), a));
   g_lastAccountMs = NowMs();
   return true;
  }

//--- after the host answered a hello: every deal since the newest delivered one that it has not heard of
void ReplayMissedFills()
  {
   long now = ServerNow();
   if(!HistorySelect((datetime)(g_fills.ReplayFromMsc() / 1000), (datetime)(now + 60)))
      return;
   int sent = 0;
   for(int i = 0; i < HistoryDealsTotal(); i++)
     {
      ulong d = HistoryDealGetTicket(i);
      VpFill f;
      if(d == 0 || !ListedDealToFill(d, f) || !g_fills.NeedsReplay(f.deal, f.timeMsc))
         continue;
      if(!SendFill(f))
         break;
      sent++;
     }
   if(sent > 0)
      PrintFormat("link: %d fills missed while disconnected sent to the host", sent);
  }

void OnTradeTransaction(const MqlTradeTransaction &trans, const MqlTradeRequest &request, const MqlTradeResult &result)
  {
   if(trans.type != TRADE_TRANSACTION_DEAL_ADD || trans.deal == 0)
      return;
   for(int i = 0; i < 256; i++)
      if(g_seenDeals[i] == trans.deal)
         return;
   g_seenDeals[g_seenDealNext] = trans.deal;
   g_seenDealNext = (g_seenDealNext + 1) % 256;
   VpFill f;
   if(!DealToFill(trans.deal, f))
      return;
   if(f.entry != 1)
      g_risk.OnTradeClosed(f.profit + f.commission + f.swap);
   else
     {
      g_risk.OnTradeOpened();
      if(f.reason == "signal")
         TrackNewPosition(f.positionId, f.signalKey);
     }
   SendFill(f);   // not sent now (link down): replayed from history on reconnect
  }

//+------------------------------------------------------------------+
