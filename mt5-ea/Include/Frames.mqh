//+------------------------------------------------------------------+
//| Frames.mqh -- every NDJSON frame of mt5-ea/PROTOCOL.md            |
//+------------------------------------------------------------------+
// A frame is one JSON object on one line: {"v":1,"type":T,"seq":N, ...fields}. T is the name of the
// oneof member in proto/link.proto (TerminalEvent for EA -> gateway, HostCommand for gateway -> EA, plus
// the gateway's link-level "error"); the other keys are that message's proto3 JSON fields (lowerCamelCase),
// flat. Enums travel as their names ("BUY"), 64-bit integers as plain numbers; the decoder also accepts
// enum numbers and integers in strings (proto3 JSON's other legal forms). Like the gateway, the encoder
// writes every field, zero values included, in proto field order. Unknown fields are ignored.
// C++-compatible MQL5 subset: encode/decode are tested in g++ (test/frames_test.cpp) against the
// recorded transcripts in test/transcripts/.
#ifndef VPT_FRAMES_MQH
#define VPT_FRAMES_MQH

#include "Json.mqh"

#define FRAME_VERSION     1
#define VP_MAX_SYMBOLS    64
#define VP_MAX_POSITIONS  100
#define VP_MAX_RECENT_DEALS 50   // hello.recentDeals: the newest deals since the previous server day (PROTOCOL.md)
#define VP_MAX_SESSIONS   28   // trading sessions per symbol over the whole week (7 days x 4)

enum ENUM_FRAME_TYPE
  {
   FT_UNKNOWN = 0,
   // EA -> gateway (TerminalEvent)
   FT_HELLO, FT_TICK, FT_BAR, FT_ACCOUNT, FT_FILL, FT_REJECT, FT_HEARTBEAT, FT_POSITION, FT_EA_STATE,
   // gateway -> EA (HostCommand; heartbeat is shared)
   FT_SIGNAL, FT_MODIFY, FT_CLOSE, FT_FLATTEN, FT_HALT, FT_RESUME, FT_CONFIG,
   // gateway -> EA, link level
   FT_ERROR
  };

struct VpTick
  {
   string            symbol;
   long              timeMsc;
   double            bid;
   double            ask;
   double            last;
   double            volume;
   long              flags;
  };

struct VpBar
  {
   string            symbol;
   int               timeframe;     // minutes: 1, 5, 15, 60, 240, 1440 (proto enum numbers)
   long              openTimeMsc;
   double            open;
   double            high;
   double            low;
   double            close;
   long              tickVolume;
   long              realVolume;
   int               spreadPoints;
  };

struct VpSymbolSpec
  {
   string            symbol;
   int               digits;
   double            contractSize;
   double            tickSize;
   double            tickValue;
   double            volumeMin;
   double            volumeStep;
   double            volumeMax;
   int               stopsLevelPoints;
   double            swapLong;
   double            swapShort;
   double            commissionPerLot;
   int               freezeLevelPoints;
   int               tradeMode;                    // 1 DISABLED, 2 LONG_ONLY, 3 SHORT_ONLY, 4 CLOSE_ONLY, 5 FULL (MQL5 + 1)
   int               sessionCount;                 // trading sessions, server time, in weekday order
   int               sessionDay[VP_MAX_SESSIONS];  // 0 = Sunday
   int               sessionFrom[VP_MAX_SESSIONS]; // seconds after server midnight
   int               sessionTo[VP_MAX_SESSIONS];   // from < to <= 86400
  };

struct VpAccount
  {
   string            accountId;
   string            currency;
   double            balance;
   double            equity;
   double            margin;
   double            freeMargin;
   long              serverTimeMsc;
   int               marginMode;    // 0 unspecified, 1 NETTING, 2 HEDGING
   double            leverage;
  };

//--- the EA's own view (EaState): its engine state, the rule pack it enforces, the day it anchored
struct VpEaState
  {
   string            engineState;      // ACTIVE, REDUCING, HALTED
   bool              failsafe;
   string            reason;
   string            rulePackName;     // "compiled-defaults" until a config was accepted
   string            rulePackHash;     // FNV-1a 64 (16 hex digits) of the accepted config's rulePackJson
   double            dayStartBalance;
   double            dayStartEquity;
   long              dayStartMsc;      // server time
  };

struct VpPosition
  {
   long              ticket;
   string            symbol;
   int               side;          // 1 BUY, 2 SELL
   double            volume;
   double            openPrice;
   double            sl;
   double            tp;
   long              openTimeMsc;
   double            profit;
   double            swap;
   double            commission;
   long              magic;
   string            signalKey;
  };

struct VpFill
  {
   long              deal;
   long              order;
   long              positionId;
   string            symbol;
   int               side;
   int               entry;         // 1 ENTRY_IN, 2 ENTRY_OUT, 3 ENTRY_INOUT
   double            volume;
   double            price;
   double            profit;
   double            commission;
   double            swap;
   long              timeMsc;
   string            signalKey;
   string            reason;        // signal, sl, tp, close, flatten, stop_out
  };

struct VpReject
  {
   string            signalKey;
   int               retcode;
   string            message;
  };

struct VpHello
  {
   string            accountId;
   string            token;
   long              serverTimeMsc;
   VpAccount         account;
   VpSymbolSpec      symbols[VP_MAX_SYMBOLS];
   int               symbolCount;
   VpPosition        positions[VP_MAX_POSITIONS];
   int               positionCount;
   string            terminal;
   int               serverUtcOffsetSec;   // TimeTradeServer() - TimeGMT()
   VpFill            recentDeals[VP_MAX_RECENT_DEALS]; // oldest first
   int               recentDealCount;
  };

struct VpSignal
  {
   string            signalKey;
   string            symbol;
   int               side;
   double            volume;
   double            sl;
   double            tp1;
   double            tp2;
   long              expiryMsc;
   double            referencePrice;
   string            alpha;
   long              decidedOnTickMsc;
  };

struct VpModify
  {
   long              ticket;
   double            sl;
   double            tp;
  };

struct VpClose
  {
   long              ticket;
   double            volume;        // 0 = all
   string            reason;
  };

//--- any frame, decoded. Only the member named by `type` is meaningful.
struct VpFrame
  {
   int               type;          // ENUM_FRAME_TYPE
   string            typeName;      // as received (kept for unknown types)
   long              seq;
   VpHello           hello;
   VpTick            tick;
   VpBar             bar;
   VpAccount         account;
   VpFill            fill;
   VpReject          reject;
   long              heartbeatMsc;
   VpPosition        position;
   VpEaState         eaState;
   VpSignal          signal;
   VpModify          modify;
   VpClose           close;
   string            reason;        // flatten, halt, resume
   string            rulePackJson;  // config
   string            errorCode;     // error: malformed, too_long, unknown_type, bad_value, auth, ...
   string            errorMessage;
   long              refSeq;
  };

//=== names ============================================================================================
string FrameTypeName(int t)
  {
   switch(t)
     {
      case FT_HELLO: return "hello";
      case FT_TICK: return "tick";
      case FT_BAR: return "bar";
      case FT_ACCOUNT: return "account";
      case FT_FILL: return "fill";
      case FT_REJECT: return "reject";
      case FT_HEARTBEAT: return "heartbeat";
      case FT_POSITION: return "position";
      case FT_EA_STATE: return "ea_state";
      case FT_SIGNAL: return "signal";
      case FT_MODIFY: return "modify";
      case FT_CLOSE: return "close";
      case FT_FLATTEN: return "flatten";
      case FT_HALT: return "halt";
      case FT_RESUME: return "resume";
      case FT_CONFIG: return "config";
      case FT_ERROR: return "error";
     }
   return "";
  }

int FrameTypeFromName(const string s)
  {
   for(int t = FT_HELLO; t <= FT_ERROR; t++)
      if(FrameTypeName(t) == s)
         return t;
   return FT_UNKNOWN;
  }

string SideName(int side) { return side == 1 ? "BUY" : (side == 2 ? "SELL" : "SIDE_UNSPECIFIED"); }
string EntryName(int e) { return e == 1 ? "ENTRY_IN" : (e == 2 ? "ENTRY_OUT" : (e == 3 ? "ENTRY_INOUT" : "DEAL_ENTRY_UNSPECIFIED")); }
string TradeModeName(int m)
  {
   switch(m)
     {
      case 1: return "TRADE_MODE_DISABLED";
      case 2: return "TRADE_MODE_LONG_ONLY";
      case 3: return "TRADE_MODE_SHORT_ONLY";
      case 4: return "TRADE_MODE_CLOSE_ONLY";
      case 5: return "TRADE_MODE_FULL";
     }
   return "TRADE_MODE_UNSPECIFIED";
  }
int TradeModeOf(const CJsonDoc &d, int obj)
  {
   int n = d.Find(obj, "tradeMode");
   if(n < 0)
      return 0;
   if(d.Type(n) == JSON_NUMBER)
      return (int)d.NodeLong(n, 0);
   string s = d.NodeString(n, "");
   for(int m = 1; m <= 5; m++)
      if(s == TradeModeName(m))
         return m;
   return 0;
  }
string MarginModeName(int m) { return m == 1 ? "NETTING" : (m == 2 ? "HEDGING" : "MARGIN_MODE_UNSPECIFIED"); }
string TimeframeName(int tf)
  {
   switch(tf)
     {
      case 1: return "M1";
      case 5: return "M5";
      case 15: return "M15";
      case 60: return "H1";
      case 240: return "H4";
      case 1440: return "D1";
     }
   return "TIMEFRAME_UNSPECIFIED";
  }

//--- an enum field: its name, or its number (proto3 JSON accepts both); -1 when unknown
int EnumField(const CJsonDoc &d, int obj, const string key, const string n1, const string n2, const string n3)
  {
   int n = d.Find(obj, key);
   if(n < 0)
      return 0;
   if(d.Type(n) == JSON_NUMBER)
      return (int)d.NodeLong(n, 0);
   string s = d.NodeString(n, "");
   if(s == n1) return 1;
   if(s == n2) return 2;
   if(n3 != "" && s == n3) return 3;
   if(StringFind(s, "UNSPECIFIED") >= 0) return 0;
   return -1;
  }

int TimeframeField(const CJsonDoc &d, int obj, const string key)
  {
   int n = d.Find(obj, key);
   if(n < 0)
      return 0;
   if(d.Type(n) == JSON_NUMBER)
      return (int)d.NodeLong(n, 0);
   string s = d.NodeString(n, "");
   int all[6] = {1, 5, 15, 60, 240, 1440};
   for(int i = 0; i < 6; i++)
      if(TimeframeName(all[i]) == s)
         return all[i];
   return s == "TIMEFRAME_UNSPECIFIED" ? 0 : -1;
  }

//=== payload writers (fields in proto order, every field written) ======================================
void WriteTick(CJsonWriter &w, const VpTick &t)
  {
   w.Str("symbol", t.symbol);
   w.Int("timeMsc", t.timeMsc);
   w.Num("bid", t.bid);
   w.Num("ask", t.ask);
   w.Num("last", t.last);
   w.Num("volume", t.volume);
   w.Int("flags", t.flags);
  }

void WriteBar(CJsonWriter &w, const VpBar &b)
  {
   w.Str("symbol", b.symbol);
   w.Str("timeframe", TimeframeName(b.timeframe));
   w.Int("openTimeMsc", b.openTimeMsc);
   w.Num("open", b.open);
   w.Num("high", b.high);
   w.Num("low", b.low);
   w.Num("close", b.close);
   w.Int("tickVolume", b.tickVolume);
   w.Int("realVolume", b.realVolume);
   w.Int("spreadPoints", b.spreadPoints);
  }

void WriteSymbolSpec(CJsonWriter &w, const VpSymbolSpec &s)
  {
   w.Str("symbol", s.symbol);
   w.Int("digits", s.digits);
   w.Num("contractSize", s.contractSize);
   w.Num("tickSize", s.tickSize);
   w.Num("tickValue", s.tickValue);
   w.Num("volumeMin", s.volumeMin);
   w.Num("volumeStep", s.volumeStep);
   w.Num("volumeMax", s.volumeMax);
   w.Int("stopsLevelPoints", s.stopsLevelPoints);
   w.Num("swapLong", s.swapLong);
   w.Num("swapShort", s.swapShort);
   w.Num("commissionPerLot", s.commissionPerLot);
   w.Int("freezeLevelPoints", s.freezeLevelPoints);
   w.Str("tradeMode", TradeModeName(s.tradeMode));
   w.BeginArray("tradeSessions");
   for(int i = 0; i < s.sessionCount; i++)
     {
      w.BeginObject();
      w.Int("dayOfWeek", s.sessionDay[i]);
      w.Int("fromSec", s.sessionFrom[i]);
      w.Int("toSec", s.sessionTo[i]);
      w.EndObject();
     }
   w.EndArray();
  }

void WriteAccount(CJsonWriter &w, const VpAccount &a)
  {
   w.Str("accountId", a.accountId);
   w.Str("currency", a.currency);
   w.Num("balance", a.balance);
   w.Num("equity", a.equity);
   w.Num("margin", a.margin);
   w.Num("freeMargin", a.freeMargin);
   w.Int("serverTimeMsc", a.serverTimeMsc);
   w.Str("marginMode", MarginModeName(a.marginMode));
   w.Num("leverage", a.leverage);
  }

void WriteEaState(CJsonWriter &w, const VpEaState &s)
  {
   w.Str("engineState", s.engineState);
   w.Bool("failsafe", s.failsafe);
   w.Str("reason", s.reason);
   w.Str("rulePackName", s.rulePackName);
   w.Str("rulePackHash", s.rulePackHash);
   w.Num("dayStartBalance", s.dayStartBalance);
   w.Num("dayStartEquity", s.dayStartEquity);
   w.Int("dayStartMsc", s.dayStartMsc);
  }

void WritePosition(CJsonWriter &w, const VpPosition &p)
  {
   w.Int("ticket", p.ticket);
   w.Str("symbol", p.symbol);
   w.Str("side", SideName(p.side));
   w.Num("volume", p.volume);
   w.Num("openPrice", p.openPrice);
   w.Num("sl", p.sl);
   w.Num("tp", p.tp);
   w.Int("openTimeMsc", p.openTimeMsc);
   w.Num("profit", p.profit);
   w.Num("swap", p.swap);
   w.Num("commission", p.commission);
   w.Int("magic", p.magic);
   w.Str("signalKey", p.signalKey);
  }

void WriteFill(CJsonWriter &w, const VpFill &f)
  {
   w.Int("deal", f.deal);
   w.Int("order", f.order);
   w.Int("positionId", f.positionId);
   w.Str("symbol", f.symbol);
   w.Str("side", SideName(f.side));
   w.Str("entry", EntryName(f.entry));
   w.Num("volume", f.volume);
   w.Num("price", f.price);
   w.Num("profit", f.profit);
   w.Num("commission", f.commission);
   w.Num("swap", f.swap);
   w.Int("timeMsc", f.timeMsc);
   w.Str("signalKey", f.signalKey);
   w.Str("reason", f.reason);
  }

void WriteHello(CJsonWriter &w, const VpHello &h)
  {
   w.Str("accountId", h.accountId);
   w.Str("token", h.token);
   w.Int("serverTimeMsc", h.serverTimeMsc);
   w.BeginObject("account");
   WriteAccount(w, h.account);
   w.EndObject();
   w.BeginArray("symbols");
   for(int i = 0; i < h.symbolCount; i++)
     {
      w.BeginObject();
      WriteSymbolSpec(w, h.symbols[i]);
      w.EndObject();
     }
   w.EndArray();
   w.BeginArray("positions");
   for(int i = 0; i < h.positionCount; i++)
     {
      w.BeginObject();
      WritePosition(w, h.positions[i]);
      w.EndObject();
     }
   w.EndArray();
   w.Str("terminal", h.terminal);
   w.Int("serverUtcOffsetSec", h.serverUtcOffsetSec);
   w.BeginArray("recentDeals");
   for(int i = 0; i < h.recentDealCount; i++)
     {
      w.BeginObject();
      WriteFill(w, h.recentDeals[i]);
      w.EndObject();
     }
   w.EndArray();
  }

void WriteSignal(CJsonWriter &w, const VpSignal &s)
  {
   w.Str("signalKey", s.signalKey);
   w.Str("symbol", s.symbol);
   w.Str("side", SideName(s.side));
   w.Num("volume", s.volume);
   w.Num("sl", s.sl);
   w.Num("tp1", s.tp1);
   w.Num("tp2", s.tp2);
   w.Int("expiryMsc", s.expiryMsc);
   w.Num("referencePrice", s.referencePrice);
   w.Str("alpha", s.alpha);
   w.Int("decidedOnTickMsc", s.decidedOnTickMsc);
  }

void FrameHead(CJsonWriter &w, int type, long seq)
  {
   w.Reset();
   w.BeginObject();
   w.Int("v", FRAME_VERSION);
   w.Str("type", FrameTypeName(type));
   w.Int("seq", seq);
  }

//--- one line, no trailing newline (the link adds "\n")
string FrameEncode(CJsonWriter &w, const VpFrame &f)
  {
   FrameHead(w, f.type, f.seq);
   switch(f.type)
     {
      case FT_HELLO: WriteHello(w, f.hello); break;
      case FT_TICK: WriteTick(w, f.tick); break;
      case FT_BAR: WriteBar(w, f.bar); break;
      case FT_ACCOUNT: WriteAccount(w, f.account); break;
      case FT_FILL: WriteFill(w, f.fill); break;
      case FT_REJECT:
         w.Str("signalKey", f.reject.signalKey);
         w.Int("retcode", f.reject.retcode);
         w.Str("message", f.reject.message);
         break;
      case FT_HEARTBEAT: w.Int("timeMsc", f.heartbeatMsc); break;
      case FT_POSITION: WritePosition(w, f.position); break;
      case FT_EA_STATE: WriteEaState(w, f.eaState); break;
      case FT_SIGNAL: WriteSignal(w, f.signal); break;
      case FT_MODIFY:
         w.Int("ticket", f.modify.ticket);
         w.Num("sl", f.modify.sl);
         w.Num("tp", f.modify.tp);
         break;
      case FT_CLOSE:
         w.Int("ticket", f.close.ticket);
         w.Num("volume", f.close.volume);
         w.Str("reason", f.close.reason);
         break;
      case FT_FLATTEN:
      case FT_HALT:
      case FT_RESUME: w.Str("reason", f.reason); break;
      case FT_CONFIG: w.Str("rulePackJson", f.rulePackJson); break;
      case FT_ERROR:
         w.Str("code", f.errorCode);
         w.Str("message", f.errorMessage);
         w.Int("refSeq", f.refSeq);
         break;
     }
   w.EndObject();
   return w.Text();
  }

//--- the frames the EA sends often, without a VpFrame (which is large because of hello)
string EncodeTickFrame(CJsonWriter &w, long seq, const VpTick &t) { FrameHead(w, FT_TICK, seq); WriteTick(w, t); w.EndObject(); return w.Text(); }
string EncodeBarFrame(CJsonWriter &w, long seq, const VpBar &b) { FrameHead(w, FT_BAR, seq); WriteBar(w, b); w.EndObject(); return w.Text(); }
string EncodeAccountFrame(CJsonWriter &w, long seq, const VpAccount &a) { FrameHead(w, FT_ACCOUNT, seq); WriteAccount(w, a); w.EndObject(); return w.Text(); }
string EncodeFillFrame(CJsonWriter &w, long seq, const VpFill &f) { FrameHead(w, FT_FILL, seq); WriteFill(w, f); w.EndObject(); return w.Text(); }
string EncodePositionFrame(CJsonWriter &w, long seq, const VpPosition &p) { FrameHead(w, FT_POSITION, seq); WritePosition(w, p); w.EndObject(); return w.Text(); }
string EncodeHelloFrame(CJsonWriter &w, long seq, const VpHello &h) { FrameHead(w, FT_HELLO, seq); WriteHello(w, h); w.EndObject(); return w.Text(); }
string EncodeEaStateFrame(CJsonWriter &w, long seq, const VpEaState &s) { FrameHead(w, FT_EA_STATE, seq); WriteEaState(w, s); w.EndObject(); return w.Text(); }
string EncodeHeartbeatFrame(CJsonWriter &w, long seq, long timeMsc) { FrameHead(w, FT_HEARTBEAT, seq); w.Int("timeMsc", timeMsc); w.EndObject(); return w.Text(); }
string EncodeRejectFrame(CJsonWriter &w, long seq, const string key, int retcode, const string message)
  {
   FrameHead(w, FT_REJECT, seq);
   w.Str("signalKey", key);
   w.Int("retcode", retcode);
   w.Str("message", message);
   w.EndObject();
   return w.Text();
  }

//--- the gateway refuses such ticks (bad_value); MT5 reports bid/ask 0 right after a symbol is
//--- selected, so the EA checks before sending
bool TickIsValid(const VpTick &t)
  {
   return t.symbol != "" && t.bid > 0.0 && t.ask >= t.bid && t.timeMsc > 0 && t.last >= 0.0 && t.volume >= 0.0;
  }

//=== payload readers ==================================================================================
bool ReadSide(const CJsonDoc &d, int o, const string key, int &side, string &err)
  {
   side = EnumField(d, o, key, "BUY", "SELL", "");
   if(side < 0)
     {
      err = "bad_value: " + key;
      return false;
     }
   return true;
  }

void ReadTick(const CJsonDoc &d, int o, VpTick &t)
  {
   t.symbol = d.GetString(o, "symbol", "");
   t.timeMsc = d.GetLong(o, "timeMsc", 0);
   t.bid = d.GetDouble(o, "bid", 0);
   t.ask = d.GetDouble(o, "ask", 0);
   t.last = d.GetDouble(o, "last", 0);
   t.volume = d.GetDouble(o, "volume", 0);
   t.flags = d.GetLong(o, "flags", 0);
  }

bool ReadBar(const CJsonDoc &d, int o, VpBar &b, string &err)
  {
   b.symbol = d.GetString(o, "symbol", "");
   b.timeframe = TimeframeField(d, o, "timeframe");
   b.openTimeMsc = d.GetLong(o, "openTimeMsc", 0);
   b.open = d.GetDouble(o, "open", 0);
   b.high = d.GetDouble(o, "high", 0);
   b.low = d.GetDouble(o, "low", 0);
   b.close = d.GetDouble(o, "close", 0);
   b.tickVolume = d.GetLong(o, "tickVolume", 0);
   b.realVolume = d.GetLong(o, "realVolume", 0);
   b.spreadPoints = d.GetInt(o, "spreadPoints", 0);
   if(b.timeframe < 0)
     {
      err = "bad_value: timeframe";
      return false;
     }
   return true;
  }

void ReadSymbolSpec(const CJsonDoc &d, int o, VpSymbolSpec &s)
  {
   s.symbol = d.GetString(o, "symbol", "");
   s.digits = d.GetInt(o, "digits", 0);
   s.contractSize = d.GetDouble(o, "contractSize", 0);
   s.tickSize = d.GetDouble(o, "tickSize", 0);
   s.tickValue = d.GetDouble(o, "tickValue", 0);
   s.volumeMin = d.GetDouble(o, "volumeMin", 0);
   s.volumeStep = d.GetDouble(o, "volumeStep", 0);
   s.volumeMax = d.GetDouble(o, "volumeMax", 0);
   s.stopsLevelPoints = d.GetInt(o, "stopsLevelPoints", 0);
   s.swapLong = d.GetDouble(o, "swapLong", 0);
   s.swapShort = d.GetDouble(o, "swapShort", 0);
   s.commissionPerLot = d.GetDouble(o, "commissionPerLot", 0);
   s.freezeLevelPoints = d.GetInt(o, "freezeLevelPoints", 0);
   s.tradeMode = TradeModeOf(d, o);
   s.sessionCount = 0;
   int arr = d.Find(o, "tradeSessions");
   for(int c = d.First(arr); c >= 0 && s.sessionCount < VP_MAX_SESSIONS; c = d.Next(c))
     {
      s.sessionDay[s.sessionCount] = d.GetInt(c, "dayOfWeek", 0);
      s.sessionFrom[s.sessionCount] = d.GetInt(c, "fromSec", 0);
      s.sessionTo[s.sessionCount] = d.GetInt(c, "toSec", 0);
      s.sessionCount++;
     }
  }

bool ReadAccount(const CJsonDoc &d, int o, VpAccount &a, string &err)
  {
   a.accountId = d.GetString(o, "accountId", "");
   a.currency = d.GetString(o, "currency", "");
   a.balance = d.GetDouble(o, "balance", 0);
   a.equity = d.GetDouble(o, "equity", 0);
   a.margin = d.GetDouble(o, "margin", 0);
   a.freeMargin = d.GetDouble(o, "freeMargin", 0);
   a.serverTimeMsc = d.GetLong(o, "serverTimeMsc", 0);
   a.marginMode = EnumField(d, o, "marginMode", "NETTING", "HEDGING", "");
   a.leverage = d.GetDouble(o, "leverage", 0);
   if(a.marginMode < 0)
     {
      err = "bad_value: marginMode";
      return false;
     }
   return true;
  }

bool ReadPosition(const CJsonDoc &d, int o, VpPosition &p, string &err)
  {
   p.ticket = d.GetLong(o, "ticket", 0);
   p.symbol = d.GetString(o, "symbol", "");
   p.volume = d.GetDouble(o, "volume", 0);
   p.openPrice = d.GetDouble(o, "openPrice", 0);
   p.sl = d.GetDouble(o, "sl", 0);
   p.tp = d.GetDouble(o, "tp", 0);
   p.openTimeMsc = d.GetLong(o, "openTimeMsc", 0);
   p.profit = d.GetDouble(o, "profit", 0);
   p.swap = d.GetDouble(o, "swap", 0);
   p.commission = d.GetDouble(o, "commission", 0);
   p.magic = d.GetLong(o, "magic", 0);
   p.signalKey = d.GetString(o, "signalKey", "");
   return ReadSide(d, o, "side", p.side, err);
  }

bool ReadFill(const CJsonDoc &d, int o, VpFill &f, string &err)
  {
   f.deal = d.GetLong(o, "deal", 0);
   f.order = d.GetLong(o, "order", 0);
   f.positionId = d.GetLong(o, "positionId", 0);
   f.symbol = d.GetString(o, "symbol", "");
   f.entry = EnumField(d, o, "entry", "ENTRY_IN", "ENTRY_OUT", "ENTRY_INOUT");
   f.volume = d.GetDouble(o, "volume", 0);
   f.price = d.GetDouble(o, "price", 0);
   f.profit = d.GetDouble(o, "profit", 0);
   f.commission = d.GetDouble(o, "commission", 0);
   f.swap = d.GetDouble(o, "swap", 0);
   f.timeMsc = d.GetLong(o, "timeMsc", 0);
   f.signalKey = d.GetString(o, "signalKey", "");
   f.reason = d.GetString(o, "reason", "");
   if(f.entry < 0)
     {
      err = "bad_value: entry";
      return false;
     }
   return ReadSide(d, o, "side", f.side, err);
  }

bool ReadHello(const CJsonDoc &d, int o, VpHello &h, string &err)
  {
   h.accountId = d.GetString(o, "accountId", "");
   h.token = d.GetString(o, "token", "");
   h.serverTimeMsc = d.GetLong(o, "serverTimeMsc", 0);
   h.terminal = d.GetString(o, "terminal", "");
   h.serverUtcOffsetSec = d.GetInt(o, "serverUtcOffsetSec", 0);
   int a = d.Find(o, "account");
   if(a >= 0 && !ReadAccount(d, a, h.account, err))
      return false;
   if(a < 0)
     {
      string ignored;
      ReadAccount(d, -1, h.account, ignored);
     }
   h.symbolCount = 0;
   int arr = d.Find(o, "symbols");
   for(int c = d.First(arr); c >= 0; c = d.Next(c))
     {
      if(h.symbolCount >= VP_MAX_SYMBOLS)
        {
         err = "bad_value: more than " + IntegerToString(VP_MAX_SYMBOLS) + " symbols";
         return false;
        }
      ReadSymbolSpec(d, c, h.symbols[h.symbolCount]);
      h.symbolCount++;
     }
   h.positionCount = 0;
   arr = d.Find(o, "positions");
   for(int c = d.First(arr); c >= 0; c = d.Next(c))
     {
      if(h.positionCount >= VP_MAX_POSITIONS)
        {
         err = "bad_value: more than " + IntegerToString(VP_MAX_POSITIONS) + " positions";
         return false;
        }
      if(!ReadPosition(d, c, h.positions[h.positionCount], err))
         return false;
      h.positionCount++;
     }
   h.recentDealCount = 0;
   arr = d.Find(o, "recentDeals");
   for(int c = d.First(arr); c >= 0; c = d.Next(c))
     {
      if(h.recentDealCount >= VP_MAX_RECENT_DEALS)
        {
         err = "bad_value: more than " + IntegerToString(VP_MAX_RECENT_DEALS) + " recentDeals";
         return false;
        }
      if(!ReadFill(d, c, h.recentDeals[h.recentDealCount], err))
         return false;
      h.recentDealCount++;
     }
   return true;
  }

bool ReadSignal(const CJsonDoc &d, int o, VpSignal &s, string &err)
  {
   s.signalKey = d.GetString(o, "signalKey", "");
   s.symbol = d.GetString(o, "symbol", "");
   s.volume = d.GetDouble(o, "volume", 0);
   s.sl = d.GetDouble(o, "sl", 0);
   s.tp1 = d.GetDouble(o, "tp1", 0);
   s.tp2 = d.GetDouble(o, "tp2", 0);
   s.expiryMsc = d.GetLong(o, "expiryMsc", 0);
   s.referencePrice = d.GetDouble(o, "referencePrice", 0);
   s.alpha = d.GetString(o, "alpha", "");
   s.decidedOnTickMsc = d.GetLong(o, "decidedOnTickMsc", 0);
   if(!ReadSide(d, o, "side", s.side, err))
      return false;
   if(s.signalKey == "" || s.symbol == "" || s.side == 0 || !(s.volume > 0.0))
     {
      err = "bad_value: signal needs signalKey, symbol, side and volume > 0";
      return false;
     }
   return true;
  }

//--- parse one line into `f`. False with `err` = "<code>: detail" (codes as the gateway's error frame:
//--- malformed, bad_version, unknown_type, bad_value); f.type/f.seq are set when they could be read.
bool FrameDecode(CJsonDoc &d, const string &line, VpFrame &f, string &err)
  {
   err = "";
   f.type = FT_UNKNOWN;
   f.typeName = "";
   f.seq = 0;
   if(!d.Parse(line))
     {
      err = "malformed: " + d.Error();
      return false;
     }
   int r = d.Root();
   if(d.Type(r) != JSON_OBJECT)
     {
      err = "malformed: a frame must be one JSON object";
      return false;
     }
   int seqNode = d.Find(r, "seq");
   string seqText = seqNode < 0 ? "" : d.NodeString(seqNode, "");   // a variable: MQL5 binds references to variables only
   if(seqNode < 0 || !CJsonDoc::IsNumberText(seqText))
     {
      err = "malformed: seq missing or not an integer";
      return false;
     }
   f.seq = d.NodeLong(seqNode, 0);
   if(d.GetLong(r, "v", -1) != FRAME_VERSION)
     {
      err = "bad_version: v must be " + IntegerToString(FRAME_VERSION);
      return false;
     }
   int typeNode = d.Find(r, "type");
   if(d.Type(typeNode) != JSON_STRING)
     {
      err = "malformed: type missing or not a string";
      return false;
     }
   f.typeName = d.NodeString(typeNode, "");
   f.type = FrameTypeFromName(f.typeName);
   switch(f.type)
     {
      case FT_HELLO: return ReadHello(d, r, f.hello, err);
      case FT_TICK:
         ReadTick(d, r, f.tick);
         if(!TickIsValid(f.tick))
           {
            err = "bad_value: tick needs symbol, bid > 0, ask >= bid, timeMsc > 0";
            return false;
           }
         return true;
      case FT_BAR: return ReadBar(d, r, f.bar, err);
      case FT_ACCOUNT: return ReadAccount(d, r, f.account, err);
      case FT_FILL: return ReadFill(d, r, f.fill, err);
      case FT_REJECT:
         f.reject.signalKey = d.GetString(r, "signalKey", "");
         f.reject.retcode = d.GetInt(r, "retcode", 0);
         f.reject.message = d.GetString(r, "message", "");
         return true;
      case FT_HEARTBEAT: f.heartbeatMsc = d.GetLong(r, "timeMsc", 0); return true;
      case FT_POSITION: return ReadPosition(d, r, f.position, err);
      case FT_EA_STATE:
         f.eaState.engineState = d.GetString(r, "engineState", "");
         f.eaState.failsafe = d.GetBool(r, "failsafe", false);
         f.eaState.reason = d.GetString(r, "reason", "");
         f.eaState.rulePackName = d.GetString(r, "rulePackName", "");
         f.eaState.rulePackHash = d.GetString(r, "rulePackHash", "");
         f.eaState.dayStartBalance = d.GetDouble(r, "dayStartBalance", 0);
         f.eaState.dayStartEquity = d.GetDouble(r, "dayStartEquity", 0);
         f.eaState.dayStartMsc = d.GetLong(r, "dayStartMsc", 0);
         return true;
      case FT_SIGNAL: return ReadSignal(d, r, f.signal, err);
      case FT_MODIFY:
         f.modify.ticket = d.GetLong(r, "ticket", 0);
         f.modify.sl = d.GetDouble(r, "sl", 0);
         f.modify.tp = d.GetDouble(r, "tp", 0);
         if(f.modify.ticket <= 0 || f.modify.sl < 0 || f.modify.tp < 0)
           {
            err = "bad_value: modify needs ticket > 0 and sl, tp >= 0";
            return false;
           }
         return true;
      case FT_CLOSE:
         f.close.ticket = d.GetLong(r, "ticket", 0);
         f.close.volume = d.GetDouble(r, "volume", 0);
         f.close.reason = d.GetString(r, "reason", "");
         if(f.close.ticket <= 0 || f.close.volume < 0)
           {
            err = "bad_value: close needs ticket > 0 and volume >= 0";
            return false;
           }
         return true;
      case FT_FLATTEN:
      case FT_HALT:
      case FT_RESUME: f.reason = d.GetString(r, "reason", ""); return true;
      case FT_CONFIG:
        {
         int pj = d.Find(r, "rulePackJson");
         // the proto field is a string holding JSON; an inline object is accepted too
         f.rulePackJson = (d.Type(pj) == JSON_OBJECT) ? d.Raw(pj) : d.NodeString(pj, "");
         if(f.rulePackJson == "")
           {
            err = "bad_value: config without rulePackJson";
            return false;
           }
         return true;
        }
      case FT_ERROR:
         f.errorCode = d.GetString(r, "code", "");
         f.errorMessage = d.GetString(r, "message", "");
         f.refSeq = d.GetLong(r, "refSeq", 0);
         return true;
     }
   err = "unknown_type: " + f.typeName;
   return false;
  }

#endif
