//+------------------------------------------------------------------+
//| TradeEngine.mqh -- orders: retcode policy, idempotency, TP1/BE    |
//+------------------------------------------------------------------+
// The decisions (what a retcode means, whether a signal was already executed, how much to close at TP1,
// where the stop goes next, volume/price rounding, stops/freeze levels, filling mode, fill reasons) are
// pure functions in the C++-compatible subset and tested in g++ (test/trade_engine_test.cpp).
// The CTrade glue at the bottom (#ifdef __MQL5__) only gathers terminal state, calls these functions and
// sends requests. NOTE: no MQL5 compiler runs in this project's CI; that glue is reviewed, not compiled.
#ifndef VPT_TRADE_ENGINE_MQH
#define VPT_TRADE_ENGINE_MQH

#include "Frames.mqh"
#include "Governors.mqh"   // SIDE_* 

//=== MT5 trade server return codes used by the policy (TRADE_RETCODE_*) ==================================
#define RC_REQUOTE            10004
#define RC_REJECT             10006
#define RC_PLACED             10008
#define RC_DONE               10009
#define RC_DONE_PARTIAL       10010
#define RC_TIMEOUT            10012
#define RC_INVALID            10013
#define RC_INVALID_VOLUME     10014
#define RC_INVALID_PRICE      10015
#define RC_INVALID_STOPS      10016
#define RC_TRADE_DISABLED     10017
#define RC_MARKET_CLOSED      10018
#define RC_NO_MONEY           10019
#define RC_PRICE_CHANGED      10020
#define RC_PRICE_OFF          10021
#define RC_CLIENT_DISABLES_AT 10027
#define RC_FROZEN             10029
#define RC_INVALID_FILL       10030
#define RC_CONNECTION         10031
#define RC_NOT_SENT           0       // ours: the terminal-side check refused, nothing reached the server

enum ENUM_RC_ACTION
  {
   RCA_DONE = 0,       // executed (or placed): wait for the fill from OnTradeTransaction
   RCA_PARTIAL = 1,    // part executed: report the fill, never chase the rest
   RCA_RETRY = 2,      // fresh tick and send again (bounded)
   RCA_RECONCILE = 3,  // the outcome is unknown: look for the order/position before any retry
   RCA_FAIL = 4        // final: report a reject, never retry
  };

//--- what a retcode means, before counting attempts. Anything not listed is final: an unknown answer
//--- from the trade server is never a reason to send the same order again.
int RetcodeClass(int retcode)
  {
   switch(retcode)
     {
      case RC_DONE:
      case RC_PLACED:        return RCA_DONE;
      case RC_DONE_PARTIAL:  return RCA_PARTIAL;
      case RC_REQUOTE:
      case RC_PRICE_CHANGED:
      case RC_PRICE_OFF:     return RCA_RETRY;
      case RC_TIMEOUT:
      case RC_CONNECTION:    return RCA_RECONCILE;
     }
   return RCA_FAIL;
  }

//--- the next step after attempt number `attempt` (1-based) returned `retcode`
int RetcodeNextStep(int retcode, int attempt, int maxAttempts)
  {
   int c = RetcodeClass(retcode);
   if(c == RCA_RETRY && attempt >= maxAttempts)
      return RCA_FAIL;
   if(c == RCA_RECONCILE && attempt >= maxAttempts)
      return RCA_RECONCILE;   // still reconcile (the order may exist), but the caller must not resend
   return c;
  }

//--- after RCA_RECONCILE: did we find the order's deal/position, or the order itself still in flight at the
//--- trade server (by its comment)? Either way the request arrived: resending would double the position.
int ReconcileOutcome(bool foundByKey, bool orderInFlight, int attempt, int maxAttempts)
  {
   if(foundByKey || orderInFlight)
      return RCA_DONE;
   return attempt >= maxAttempts ? RCA_FAIL : RCA_RETRY;
  }

//--- the retcode of a CTrade/OrderSend call. When the call returned false before sending (CTrade's own
//--- checks, e.g. PositionClosePartial on a netting account), ResultRetcode() still holds the previous
//--- request's answer: a "done" then is stale and must never be read as this request's success.
int RequestOutcome(bool sent, int resultRetcode)
  {
   if(sent)
      return resultRetcode;
   int c = RetcodeClass(resultRetcode);
   if(resultRetcode == 0 || c == RCA_DONE || c == RCA_PARTIAL)
      return RC_NOT_SENT;
   return resultRetcode;
  }

string RetcodeText(int retcode)
  {
   switch(retcode)
     {
      case RC_NOT_SENT: return "request not sent (refused by the terminal's checks)";
      case RC_REQUOTE: return "requote";
      case RC_REJECT: return "request rejected";
      case RC_PLACED: return "placed";
      case RC_DONE: return "done";
      case RC_DONE_PARTIAL: return "done partially";
      case RC_TIMEOUT: return "timeout";
      case RC_INVALID: return "invalid request";
      case RC_INVALID_VOLUME: return "invalid volume";
      case RC_INVALID_PRICE: return "invalid price";
      case RC_INVALID_STOPS: return "invalid stops";
      case RC_TRADE_DISABLED: return "trade disabled";
      case RC_MARKET_CLOSED: return "market closed";
      case RC_NO_MONEY: return "no money";
      case RC_PRICE_CHANGED: return "price changed";
      case RC_PRICE_OFF: return "no quotes";
      case RC_CLIENT_DISABLES_AT: return "autotrading disabled in the terminal";
      case RC_FROZEN: return "order or position frozen";
      case RC_INVALID_FILL: return "unsupported filling mode";
      case RC_CONNECTION: return "no connection to the trade server";
     }
   return "retcode " + IntegerToString(retcode);
  }

//=== idempotency ========================================================================================
// A signal key is written into the order comment (MT5 keeps 31 characters) so that it survives a terminal
// restart: "qs:<key>" when it fits, else "qs#<FNV-1a 64 of the key in hex>". The store keeps these tokens;
// after a restart the EA re-learns them from open positions and recent deals before it trades.
#define IDEM_CAPACITY 2048
#define COMMENT_MAX   31

string HexU64(ulong v)
  {
   string digits = "0123456789abcdef";
   string s = "";
   for(int i = 0; i < 16; i++)
     {
      int nib = (int)((v >> (60 - 4 * i)) & 15);
      s += StringSubstr(digits, nib, 1);
     }
   return s;
  }

ulong Fnv1a64(const string &s)
  {
   ulong h = 0xcbf29ce484222325;   // FNV offset basis
   int n = StringLen(s);
   for(int i = 0; i < n; i++)
     {
      h ^= (ulong)StringGetCharacter(s, i);
      h *= 0x100000001b3;            // FNV prime
     }
   return h;
  }

string KeyToComment(const string &key)
  {
   if(StringLen(key) + 3 <= COMMENT_MAX)
      return "qs:" + key;
   return "qs#" + HexU64(Fnv1a64(key));
  }

//--- the signal key written in a comment, "" when it is hashed or not ours
string CommentToKey(const string &comment)
  {
   if(StringSubstr(comment, 0, 3) == "qs:")
      return StringSubstr(comment, 3);
   return "";
  }

bool IsOurComment(const string &comment)
  {
   string p = StringSubstr(comment, 0, 3);
   return p == "qs:" || p == "qs#";
  }

enum ENUM_KEY_STATE { KEY_NONE = 0, KEY_IN_FLIGHT = 1, KEY_DONE = 2, KEY_REJECTED = 3 };

class CIdempotency
  {
public:
   string            m_token[IDEM_CAPACITY];
   string            m_key[IDEM_CAPACITY];      // the full key, when known (not after a restart)
   int               m_state[IDEM_CAPACITY];
   long              m_ticket[IDEM_CAPACITY];
   int               m_next;
   int               m_count;

                     CIdempotency() { Clear(); }
   void              Clear() { m_next = 0; m_count = 0; }
   int               Find(const string &key) const
     {
      string t = KeyToComment(key);
      for(int i = 0; i < m_count; i++)
         if(m_token[i] == t)
            return i;
      return -1;
     }
   int               State(const string &key) const
     {
      int i = Find(key);
      return i < 0 ? KEY_NONE : m_state[i];
     }
   long              Ticket(const string &key) const
     {
      int i = Find(key);
      return i < 0 ? 0 : m_ticket[i];
     }
   //--- claim a key for execution: false if it was ever seen (whatever the outcome)
   bool              Begin(const string &key)
     {
      if(Find(key) >= 0)
         return false;
      string token = KeyToComment(key);   // a variable: MQL5 binds references to variables only
      Put(token, key, KEY_IN_FLIGHT, 0);
      return true;
     }
   void              Finish(const string &key, int state, long ticket)
     {
      int i = Find(key);
      if(i < 0)
         return;
      m_state[i] = state;
      if(ticket != 0)
         m_ticket[i] = ticket;
     }
   //--- a comment seen on a position or deal (restart recovery)
   void              RememberComment(const string &comment, long ticket)
     {
      if(!IsOurComment(comment))
         return;
      for(int i = 0; i < m_count; i++)
         if(m_token[i] == comment)
            return;
      string unknown = "";
      Put(comment, unknown, KEY_DONE, ticket);
     }
   //--- the signal key behind an order comment: spelled out ("qs:<key>"), from this session's store, or
   //--- after a restart "#<FNV-1a 64 hex>" of a key too long for the comment (the host can match it).
   //--- "" = not one of ours.
   string            KeyOf(const string &comment) const
     {
      if(StringSubstr(comment, 0, 3) == "qs:")
         return CommentToKey(comment);
      if(StringSubstr(comment, 0, 3) != "qs#")
         return "";
      for(int i = 0; i < m_count; i++)
         if(m_token[i] == comment && m_key[i] != "")
            return m_key[i];
      return StringSubstr(comment, 2);
     }
   int               Count() const { return m_count; }

private:
   //--- oldest entries are overwritten when full (2048 signals back is far beyond any retransmit)
   void              Put(const string &token, const string &key, int state, long ticket)
     {
      m_token[m_next] = token;
      m_key[m_next] = key;
      m_state[m_next] = state;
      m_ticket[m_next] = ticket;
      m_next = (m_next + 1) % IDEM_CAPACITY;
      if(m_count < IDEM_CAPACITY)
         m_count++;
     }
  };

//=== symbol arithmetic ===================================================================================
int StepDigits(double step)
  {
   int d = 0;
   double s = step;
   while(d < 8 && MathAbs(s - MathRound(s)) > 1e-9)
     {
      s *= 10.0;
      d++;
     }
   return d;
  }

//--- lots rounded DOWN to the step (never more risk than asked); 0 when below the minimum
double NormalizeVolume(double volume, double vmin, double vstep, double vmax)
  {
   if(vstep <= 0.0 || volume <= 0.0)
      return 0.0;
   double v = MathFloor(volume / vstep + 1e-9) * vstep;
   if(v > vmax)
      v = MathFloor(vmax / vstep + 1e-9) * vstep;
   v = NormalizeDouble(v, StepDigits(vstep));
   if(v < vmin - 1e-12)
      return 0.0;
   return v;
  }

double RoundToTick(double price, double tickSize, int digits)
  {
   if(tickSize <= 0.0)
      return NormalizeDouble(price, digits);
   return NormalizeDouble(MathRound(price / tickSize) * tickSize, digits);
  }

//--- MT5 checks a BUY's stops against Bid and a SELL's against Ask (the price that would close it).
//--- sl/tp 0 = none. Distances are compared in points with half a point of tolerance for rounding.
bool StopsRespectLevel(int side, double bid, double ask, double sl, double tp, int levelPoints, double point)
  {
   double level = levelPoints * point - point * 0.5;
   if(side == SIDE_BUY)
     {
      if(sl > 0.0 && !(bid - sl > level && sl < bid)) return false;
      if(tp > 0.0 && !(tp - bid > level && tp > bid)) return false;
      return true;
     }
   if(sl > 0.0 && !(sl - ask > level && sl > ask)) return false;
   if(tp > 0.0 && !(ask - tp > level && tp < ask)) return false;
   return true;
  }

//--- how much a close request closes. 0 or at least the position's volume = all of it; otherwise the
//--- volume rounded down to the step, and below the minimum lot it is refused: a partial close must never
//--- become a close of the whole position.
enum ENUM_CLOSE_PLAN { CLOSE_FULL = 0, CLOSE_PARTIAL = 1, CLOSE_REFUSED = 2 };
int CloseVolumePlan(double requested, double positionVolume, double vmin, double vstep, double &closeVolume, string &why)
  {
   why = "";
   closeVolume = positionVolume;
   if(requested <= 0.0 || requested >= positionVolume - 1e-12)
      return CLOSE_FULL;
   closeVolume = NormalizeVolume(requested, vmin, vstep, positionVolume);
   if(closeVolume <= 0.0)
     {
      why = "VOLUME: closing " + DoubleToString(requested, 4) + " lots is below the minimum lot " + DoubleToString(vmin, 4);
      return CLOSE_REFUSED;
     }
   if(closeVolume >= positionVolume - 1e-12)
      return CLOSE_FULL;
   return CLOSE_PARTIAL;
  }

//--- how a close is sent. CTrade::PositionClose(ticket) works on both account kinds; its PositionClosePartial
//--- only on hedging ones. On netting, a partial close is an opposite deal naming the position.
enum ENUM_CLOSE_ROUTE { ROUTE_CTRADE_CLOSE = 0, ROUTE_CTRADE_PARTIAL = 1, ROUTE_OPPOSITE_DEAL = 2 };
int CloseRoute(bool netting, bool partial)
  {
   if(!partial)
      return ROUTE_CTRADE_CLOSE;
   return netting ? ROUTE_OPPOSITE_DEAL : ROUTE_CTRADE_PARTIAL;
  }

//--- inside the freeze level an order/position cannot be modified or closed by request
bool IsFrozen(int side, double bid, double ask, double sl, double tp, int freezePoints, double point)
  {
   if(freezePoints <= 0)
      return false;
   double f = freezePoints * point + point * 0.5;   // "distance <= level", with rounding tolerance
   double px = (side == SIDE_BUY) ? bid : ask;
   if(sl > 0.0 && MathAbs(px - sl) < f) return true;
   if(tp > 0.0 && MathAbs(px - tp) < f) return true;
   return false;
  }

//--- ORDER_FILLING_* for SYMBOL_FILLING_MODE flags: FOK if allowed, else IOC, else RETURN
#define SYM_FILLING_FOK 1
#define SYM_FILLING_IOC 2
#define FILLING_FOK     0
#define FILLING_IOC     1
#define FILLING_RETURN  2
int PickFilling(long symbolFillingFlags)
  {
   if((symbolFillingFlags & SYM_FILLING_FOK) != 0) return FILLING_FOK;
   if((symbolFillingFlags & SYM_FILLING_IOC) != 0) return FILLING_IOC;
   return FILLING_RETURN;
  }

//=== signal admission (before governors and before any request) ==========================================
//--- "" = go on; otherwise the reason code for a reject frame (retcode: RejectRetcodeFor in EaCore.mqh)
string SignalPrecheck(const VpSignal &s, long nowMsc, bool linkReady, bool failsafe, int keyState,
                      bool netting, bool symbolHasPosition)
  {
   if(keyState != KEY_NONE)
      return "DUPLICATE_ORDER";
   if(failsafe)
      return "FAILSAFE";
   if(!linkReady)
      return "NOT_READY";
   if(s.expiryMsc > 0 && nowMsc > s.expiryMsc)
      return "EXPIRED";
   // netting: one position per symbol; adding to it or reversing it would mix two managed trades
   if(netting && symbolHasPosition)
      return "NETTING_OPEN_POSITION";
   return "";
  }

//=== position management after entry: TP1 partial, then break-even or trailing, TP2 at the broker =========
enum ENUM_AFTER_TP1 { AFTER_TP1_BREAKEVEN = 0, AFTER_TP1_TRAIL = 1 };
enum ENUM_MANAGE_ACTION { MANAGE_NONE = 0, MANAGE_PARTIAL_CLOSE = 1, MANAGE_MOVE_SL = 2, MANAGE_CLOSE_ALL = 3 };

struct ManagedTrade
  {
   long              ticket;
   string            key;
   int               side;
   double            entry;
   double            initialVolume;
   double            initialSl;
   double            sl;            // current stop
   double            tp1;           // 0 = no partial
   double            tp2;           // broker-side take profit, 0 = none
   bool              tp1Done;
   int               failures;      // refused management requests in a row
   long              retryAtMs;     // no new request before this (tick count, ms)
  };

struct ManageConfig
  {
   double            partialFraction;   // of the initial volume closed at TP1 (0.5)
   int               afterTp1;          // ENUM_AFTER_TP1
   int               breakEvenOffsetPoints;  // stop at entry + offset (covers commission)
   double            trailDistanceR;    // trailing distance as a multiple of the initial risk
   double            volumeMin;
   double            volumeStep;
   double            volumeMax;
   double            point;
   int               digits;
   int               stopsLevelPoints;
   int               freezeLevelPoints;
  };

struct ManageAction
  {
   int               kind;        // ENUM_MANAGE_ACTION
   double            volume;      // lots to close
   double            newSl;
   bool              tp1Reached;  // TP1 handled by this action: mark tp1Done once it succeeded
  };

//--- the stop in force: the tighter of ours and the position's live one (the trader may have moved it by
//--- hand). 0 = none.
double EffectiveStop(int side, double ours, double live)
  {
   if(ours <= 0.0)
      return live;
   if(live <= 0.0)
      return ours;
   return side == SIDE_BUY ? MathMax(ours, live) : MathMin(ours, live);
  }

//--- a refused modify/close is retried after 1 s, 2 s, 4 s ... at most 60 s, never on every tick
long ManageRetryDelayMs(int failures)
  {
   long d = 1000;
   for(int i = 1; i < failures && d < 60000; i++)
      d *= 2;
   return d < 60000 ? d : 60000;
  }
bool ManageDue(const ManagedTrade &t, long nowMs) { return nowMs >= t.retryAtMs; }
void ManageRecordResult(ManagedTrade &t, bool ok, long nowMs)
  {
   if(ok)
     {
      t.failures = 0;
      t.retryAtMs = 0;
      return;
     }
   t.failures++;
   t.retryAtMs = nowMs + ManageRetryDelayMs(t.failures);
  }

//=== TP1 / break-even / trailing state across a restart (terminal global variables hold numbers) ==========
#define MANAGED_PERSIST_SLOTS 10
struct ManagedPersist
  {
   double            v[MANAGED_PERSIST_SLOTS];
  };
void ManagedSave(const ManagedTrade &t, ManagedPersist &p)
  {
   p.v[0] = 1;   // format
   p.v[1] = (double)t.ticket;
   p.v[2] = t.side;
   p.v[3] = t.entry;
   p.v[4] = t.initialVolume;
   p.v[5] = t.initialSl;
   p.v[6] = t.sl;
   p.v[7] = t.tp1;
   p.v[8] = t.tp2;
   p.v[9] = t.tp1Done ? 1 : 0;
  }
bool ManagedLoad(const ManagedPersist &p, ManagedTrade &t)
  {
   if(p.v[0] != 1)
      return false;
   t.ticket = (long)p.v[1];
   t.side = (int)p.v[2];
   t.entry = p.v[3];
   t.initialVolume = p.v[4];
   t.initialSl = p.v[5];
   t.sl = p.v[6];
   t.tp1 = p.v[7];
   t.tp2 = p.v[8];
   t.tp1Done = p.v[9] != 0;
   t.failures = 0;
   t.retryAtMs = 0;
   return true;
  }

bool PriceReached(int side, double bid, double ask, double level)
  {
   if(level <= 0.0)
      return false;
   return side == SIDE_BUY ? bid >= level : ask <= level;
  }

//--- one management step for an open trade at the current quote. `volume` is the position's volume now.
void ManageStep(const ManagedTrade &t, double bid, double ask, double volume, const ManageConfig &c, ManageAction &a)
  {
   a.kind = MANAGE_NONE;
   a.volume = 0.0;
   a.newSl = t.sl;
   a.tp1Reached = false;
   if(IsFrozen(t.side, bid, ask, t.sl, t.tp2, c.freezeLevelPoints, c.point))
      return;
   if(!t.tp1Done)
     {
      if(!PriceReached(t.side, bid, ask, t.tp1))
         return;
      a.tp1Reached = true;
      double part = NormalizeVolume(t.initialVolume * c.partialFraction, c.volumeMin, c.volumeStep, c.volumeMax);
      double rest = volume - part;
      if(part <= 0.0)
        {
         // too small to split: keep it whole and protect it instead
         a.kind = MANAGE_MOVE_SL;
        }
      else
         if(rest < c.volumeMin - 1e-12)
           {
            a.kind = MANAGE_CLOSE_ALL;
            a.volume = volume;
            return;
           }
         else
           {
            a.kind = MANAGE_PARTIAL_CLOSE;
            a.volume = part;
            return;
           }
     }
   // after TP1: stop to break-even, then (trail mode) follow the price at trailDistanceR x initial risk
   double dir = (t.side == SIDE_BUY) ? 1.0 : -1.0;
   double target = t.entry + dir * c.breakEvenOffsetPoints * c.point;
   if(c.afterTp1 == AFTER_TP1_TRAIL)
     {
      double risk = MathAbs(t.entry - t.initialSl);
      double px = (t.side == SIDE_BUY) ? bid : ask;
      double trail = px - dir * c.trailDistanceR * risk;
      if(risk > 0.0 && dir * (trail - target) > 0.0)
         target = trail;
     }
   // respect the stops level: never closer to the price than the broker allows
   double limit = (t.side == SIDE_BUY) ? bid - c.stopsLevelPoints * c.point : ask + c.stopsLevelPoints * c.point;
   if(dir * (target - limit) > 0.0)
      target = limit;
   target = RoundToTick(target, c.point, c.digits);
   // only ever tighten, and by at least one point (no modify storm)
   bool improves = (t.sl <= 0.0) || dir * (target - t.sl) >= c.point * 0.999;
   if(!improves || !StopsRespectLevel(t.side, bid, ask, target, 0.0, c.stopsLevelPoints, c.point))
     {
      if(a.kind == MANAGE_MOVE_SL)
         a.kind = MANAGE_NONE;
      return;
     }
   a.kind = MANAGE_MOVE_SL;
   a.newSl = target;
  }

//=== fills ==============================================================================================
// MT5 ENUM_DEAL_REASON values and what we report. A deal the EA caused itself carries the intent the
// EA recorded when it sent the order ("signal", "tp", "close", "flatten", "failsafe").
#define DEAL_REASON_CLIENT_  0
#define DEAL_REASON_MOBILE_  1
#define DEAL_REASON_WEB_     2
#define DEAL_REASON_EXPERT_  3
#define DEAL_REASON_SL_      4
#define DEAL_REASON_TP_      5
#define DEAL_REASON_SO_      6

string FillReason(int dealReason, const string intent)
  {
   switch(dealReason)
     {
      case DEAL_REASON_SL_: return "sl";
      case DEAL_REASON_TP_: return "tp";
      case DEAL_REASON_SO_: return "stop_out";
      case DEAL_REASON_EXPERT_: return intent != "" ? intent : "close";
     }
   return "close";   // by hand (desktop, mobile, web) or anything else the server did
  }

//--- a small ring: order ticket -> intent, so the fill of an order we sent reports why we sent it
#define INTENT_CAPACITY 256
class CIntents
  {
public:
   long              m_order[INTENT_CAPACITY];
   string            m_intent[INTENT_CAPACITY];
   string            m_key[INTENT_CAPACITY];
   int               m_next;
                     CIntents() { m_next = 0; for(int i = 0; i < INTENT_CAPACITY; i++) m_order[i] = 0; }
   void              Put(long order, const string intent, const string key)
     {
      m_order[m_next] = order;
      m_intent[m_next] = intent;
      m_key[m_next] = key;
      m_next = (m_next + 1) % INTENT_CAPACITY;
     }
   bool              Get(long order, string &intent, string &key) const
     {
      for(int i = 0; i < INTENT_CAPACITY; i++)
         if(m_order[i] == order && order != 0)
           {
            intent = m_intent[i];
            key = m_key[i];
            return true;
           }
      return false;
     }
  };

#ifdef __MQL5__
//=== MQL5 glue (not compiled in CI) =====================================================================
// Requires <Trade/Trade.mqh>, included by QuantSupraAI.mq5.
class CTradeEngine
  {
public:
   CTrade            m_trade;
   CIdempotency      m_keys;
   CIntents          m_intents;
   long              m_magic;
   int               m_maxAttempts;
   ulong             m_deviation;
   bool              m_netting;

   void              Init(long magic, int deviationPoints, int maxAttempts)
     {
      m_magic = magic;
      m_maxAttempts = maxAttempts;
      m_deviation = (ulong)deviationPoints;
      m_trade.SetExpertMagicNumber((ulong)magic);
      m_trade.SetDeviationInPoints((ulong)deviationPoints);
      m_trade.SetAsyncMode(false);
      m_trade.LogLevel(LOG_LEVEL_ERRORS);
      m_netting = (AccountInfoInteger(ACCOUNT_MARGIN_MODE) != ACCOUNT_MARGIN_MODE_RETAIL_HEDGING);
     }

   //--- restart recovery: every position and every deal of the last `days` days with our comment
   void              RecoverKeys(int days)
     {
      for(int i = PositionsTotal() - 1; i >= 0; i--)
        {
         ulong t = PositionGetTicket(i);
         if(t == 0)
            continue;
         string comment = PositionGetString(POSITION_COMMENT);
         m_keys.RememberComment(comment, (long)t);
        }
      if(HistorySelect(TimeCurrent() - days * 86400, TimeCurrent() + 86400))
         for(int i = HistoryDealsTotal() - 1; i >= 0; i--)
           {
            ulong d = HistoryDealGetTicket(i);
            if(d == 0 || HistoryDealGetInteger(d, DEAL_ENTRY) != DEAL_ENTRY_IN)
               continue;
            string comment = HistoryDealGetString(d, DEAL_COMMENT);
            m_keys.RememberComment(comment, (long)HistoryDealGetInteger(d, DEAL_POSITION_ID));
           }
     }

   //--- a position opened by this key (reconcile after timeout/connection loss)
   long              FindPositionByKey(const string key)
     {
      string c = KeyToComment(key);
      for(int i = PositionsTotal() - 1; i >= 0; i--)
        {
         ulong t = PositionGetTicket(i);
         if(t > 0 && PositionGetString(POSITION_COMMENT) == c)
            return (long)t;
        }
      if(HistorySelect(TimeCurrent() - 3600, TimeCurrent() + 3600))
         for(int i = HistoryDealsTotal() - 1; i >= 0; i--)
           {
            ulong d = HistoryDealGetTicket(i);
            if(d > 0 && HistoryDealGetString(d, DEAL_COMMENT) == c)
               return HistoryDealGetInteger(d, DEAL_POSITION_ID);
           }
      return 0;
     }

   //--- an order of this key still in flight at the trade server (placed, not yet filled)
   bool              OrderInFlightByKey(const string key)
     {
      string c = KeyToComment(key);
      for(int i = OrdersTotal() - 1; i >= 0; i--)
        {
         ulong o = OrderGetTicket(i);
         if(o > 0 && OrderGetString(ORDER_COMMENT) == c)
            return true;
        }
      return false;
     }

   //--- an order against this position still in flight (a close sent, not yet filled)
   bool              OrderInFlightForPosition(long ticket)
     {
      for(int i = OrdersTotal() - 1; i >= 0; i--)
        {
         ulong o = OrderGetTicket(i);
         if(o > 0 && OrderGetInteger(ORDER_POSITION_ID) == ticket)
            return true;
        }
      return false;
     }

   //--- open a market position for an admitted signal. Returns the final retcode (0 = refused locally,
   //--- `msg` says why); `ticket` is the position (hedging) or 0 when only known later from the fill.
   int               Open(const VpSignal &s, string &msg, long &ticket)
     {
      ticket = 0;
      if(!SymbolSelect(s.symbol, true))
        { msg = "SYMBOL: unknown symbol " + s.symbol; return 0; }
      double vmin = SymbolInfoDouble(s.symbol, SYMBOL_VOLUME_MIN);
      double vstep = SymbolInfoDouble(s.symbol, SYMBOL_VOLUME_STEP);
      double vmax = SymbolInfoDouble(s.symbol, SYMBOL_VOLUME_MAX);
      double vol = NormalizeVolume(s.volume, vmin, vstep, vmax);
      if(vol <= 0.0)
        { msg = "VOLUME: " + DoubleToString(s.volume, 2) + " lots is below the minimum"; return 0; }
      int digits = (int)SymbolInfoInteger(s.symbol, SYMBOL_DIGITS);
      double point = SymbolInfoDouble(s.symbol, SYMBOL_POINT);
      double tick = SymbolInfoDouble(s.symbol, SYMBOL_TRADE_TICK_SIZE);
      int level = (int)SymbolInfoInteger(s.symbol, SYMBOL_TRADE_STOPS_LEVEL);
      m_trade.SetTypeFilling((ENUM_ORDER_TYPE_FILLING)PickFilling(SymbolInfoInteger(s.symbol, SYMBOL_FILLING_MODE)));
      double sl = RoundToTick(s.sl, tick, digits);
      double tp = RoundToTick(s.tp2 > 0.0 ? s.tp2 : s.tp1, tick, digits);
      string comment = KeyToComment(s.signalKey);
      int rc = 0;
      for(int attempt = 1; attempt <= m_maxAttempts; attempt++)
        {
         MqlTick q;
         if(!SymbolInfoTick(s.symbol, q) || q.bid <= 0.0 || q.ask <= 0.0)
           { rc = RC_PRICE_OFF; continue; }
         if(!StopsRespectLevel(s.side, q.bid, q.ask, sl, tp, level, point))
           { msg = RetcodeText(RC_INVALID_STOPS) + " (stops level " + IntegerToString(level) + " points)"; return RC_INVALID_STOPS; }
         double price = (s.side == SIDE_BUY) ? q.ask : q.bid;
         ENUM_ORDER_TYPE type = (s.side == SIDE_BUY) ? ORDER_TYPE_BUY : ORDER_TYPE_SELL;
         ResetLastError();
         bool sent = m_trade.PositionOpen(s.symbol, type, vol, price, sl, tp, comment);
         rc = RequestOutcome(sent, (int)m_trade.ResultRetcode());
         long order = (long)m_trade.ResultOrder();
         if(order > 0)
            m_intents.Put(order, "signal", s.signalKey);
         int step = RetcodeNextStep(rc, attempt, m_maxAttempts);
         if(step == RCA_DONE || step == RCA_PARTIAL)
           {
            ticket = FindPositionByKey(s.signalKey);
            msg = RetcodeText(rc);
            return rc;
           }
         if(step == RCA_FAIL)
            break;
         if(step == RCA_RECONCILE)
           {
            Sleep(200);
            long found = FindPositionByKey(s.signalKey);
            bool inFlight = found == 0 && OrderInFlightByKey(s.signalKey);
            int r = ReconcileOutcome(found > 0, inFlight, attempt, m_maxAttempts);
            if(r == RCA_DONE)
              { ticket = found; msg = (inFlight ? "order in flight after " : "found after ") + RetcodeText(rc); return RC_DONE; }
            if(r == RCA_FAIL)
               break;
           }
         // RCA_RETRY: loop for a fresh tick
        }
      msg = RetcodeText(rc);
      return rc;
     }

   int               Close(long ticket, double volume, const string intent, const string key, string &msg)
     {
      if(!PositionSelectByTicket((ulong)ticket))
        { msg = "no position " + IntegerToString(ticket); return RC_INVALID; }
      string sym = PositionGetString(POSITION_SYMBOL);
      m_trade.SetTypeFilling((ENUM_ORDER_TYPE_FILLING)PickFilling(SymbolInfoInteger(sym, SYMBOL_FILLING_MODE)));
      double posVol = PositionGetDouble(POSITION_VOLUME);
      double v = 0.0;
      int plan = CloseVolumePlan(volume, posVol, SymbolInfoDouble(sym, SYMBOL_VOLUME_MIN), SymbolInfoDouble(sym, SYMBOL_VOLUME_STEP), v, msg);
      if(plan == CLOSE_REFUSED)
         return RC_INVALID_VOLUME;
      int route = CloseRoute(m_netting, plan == CLOSE_PARTIAL);
      int rc = 0;
      for(int attempt = 1; attempt <= m_maxAttempts; attempt++)
        {
         long order = 0;
         if(route == ROUTE_OPPOSITE_DEAL)
            rc = OppositeDeal(ticket, v, order);
         else
           {
            bool sent = (route == ROUTE_CTRADE_PARTIAL) ? m_trade.PositionClosePartial((ulong)ticket, v) : m_trade.PositionClose((ulong)ticket);
            rc = RequestOutcome(sent, (int)m_trade.ResultRetcode());
            order = sent ? (long)m_trade.ResultOrder() : 0;
           }
         if(order > 0)
            m_intents.Put(order, intent, key);
         int step = RetcodeNextStep(rc, attempt, m_maxAttempts);
         if(step == RCA_DONE || step == RCA_PARTIAL)
            break;
         if(step == RCA_FAIL)
            break;
         if(step == RCA_RECONCILE)
           {
            Sleep(200);
            bool gone = !PositionSelectByTicket((ulong)ticket) || PositionGetDouble(POSITION_VOLUME) < posVol - 1e-9;
            if(ReconcileOutcome(gone, !gone && OrderInFlightForPosition(ticket), attempt, m_maxAttempts) != RCA_RETRY)
               break;
           }
        }
      msg = RetcodeText(rc);
      return rc;
     }

   //--- netting partial close: a deal against the position (what CTrade::PositionClose sends, with our volume)
   int               OppositeDeal(long ticket, double volume, long &order)
     {
      order = 0;
      if(!PositionSelectByTicket((ulong)ticket))
         return RC_NOT_SENT;
      string sym = PositionGetString(POSITION_SYMBOL);
      bool isBuy = (PositionGetInteger(POSITION_TYPE) == POSITION_TYPE_BUY);
      MqlTradeRequest req;
      MqlTradeResult res;
      ZeroMemory(req);
      ZeroMemory(res);
      req.action = TRADE_ACTION_DEAL;
      req.position = (ulong)ticket;
      req.symbol = sym;
      req.volume = volume;
      req.type = isBuy ? ORDER_TYPE_SELL : ORDER_TYPE_BUY;
      req.price = SymbolInfoDouble(sym, isBuy ? SYMBOL_BID : SYMBOL_ASK);
      req.deviation = m_deviation;
      req.magic = (ulong)m_magic;
      req.type_filling = (ENUM_ORDER_TYPE_FILLING)PickFilling(SymbolInfoInteger(sym, SYMBOL_FILLING_MODE));
      bool sent = OrderSend(req, res);
      order = (long)res.order;
      return RequestOutcome(sent, (int)res.retcode);
     }

   int               Modify(long ticket, double sl, double tp, string &msg)
     {
      if(!PositionSelectByTicket((ulong)ticket))
        { msg = "no position " + IntegerToString(ticket); return RC_INVALID; }
      string sym = PositionGetString(POSITION_SYMBOL);
      int digits = (int)SymbolInfoInteger(sym, SYMBOL_DIGITS);
      double tick = SymbolInfoDouble(sym, SYMBOL_TRADE_TICK_SIZE);
      bool sent = m_trade.PositionModify((ulong)ticket, RoundToTick(sl, tick, digits), RoundToTick(tp, tick, digits));
      int rc = RequestOutcome(sent, (int)m_trade.ResultRetcode());
      msg = RetcodeText(rc);
      return rc;
     }

   //--- close every position on the account (ours and hand-opened: the prop firm counts them all)
   //--- and delete pending orders. Returns the number of positions still open.
   int               FlattenAll(const string intent)
     {
      string msg;
      for(int pass = 0; pass < 3 && PositionsTotal() > 0; pass++)
         for(int i = PositionsTotal() - 1; i >= 0; i--)
           {
            ulong t = PositionGetTicket(i);
            if(t > 0)
               Close((long)t, 0.0, intent, "", msg);
           }
      for(int i = OrdersTotal() - 1; i >= 0; i--)
        {
         ulong o = OrderGetTicket(i);
         if(o > 0)
            m_trade.OrderDelete(o);
        }
      return PositionsTotal();
     }
  };
#endif

#endif
