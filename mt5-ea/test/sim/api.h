// api.h -- the MQL5 functions over the simulated terminal (server.h): account, symbols, positions, orders,
// history, global variables, timer, calendar, OrderSend.
#ifndef VPT_SIM_API_H
#define VPT_SIM_API_H

inline datetime TimeTradeServer() { return (datetime)(Sim().serverMsc / 1000); }
inline datetime TimeGMT() { return (datetime)(Sim().serverMsc / 1000 - Sim().serverUtcOffsetSec); }
inline datetime TimeCurrent() { return (datetime)(Sim().serverMsc / 1000); }
inline long TerminalInfoInteger(ENUM_TERMINAL_INFO_INTEGER p) { return p == TERMINAL_CONNECTED ? (Sim().connected ? 1 : 0) : 1; }

// ---- account ----
inline long AccountInfoInteger(ENUM_ACCOUNT_INFO_INTEGER p) {
  switch (p) {
    case ACCOUNT_LOGIN: return Sim().login;
    case ACCOUNT_LEVERAGE: return Sim().leverage;
    case ACCOUNT_MARGIN_MODE: return Sim().marginMode;
    default: return 1;
  }
}
inline double SimMargin() {
  double m = 0;
  for (auto &p : Sim().positions) {
    SimSymbol *s = Sim().Find(p.symbol);
    m += p.volume * s->contractSize * p.priceOpen / (double)Sim().leverage;
  }
  return MathRound(m * 100.0) / 100.0;
}
inline double AccountInfoDouble(ENUM_ACCOUNT_INFO_DOUBLE p) {
  double equity = Sim().balance + Sim().FloatingProfit();
  switch (p) {
    case ACCOUNT_BALANCE: return Sim().balance;
    case ACCOUNT_EQUITY: return equity;
    case ACCOUNT_MARGIN: return SimMargin();
    case ACCOUNT_MARGIN_FREE: return equity - SimMargin();
    case ACCOUNT_PROFIT: return Sim().FloatingProfit();
  }
  return 0;
}
inline string AccountInfoString(ENUM_ACCOUNT_INFO_STRING p) { return p == ACCOUNT_CURRENCY ? Sim().currency : "VPropTrader-Sim"; }

// ---- symbols ----
inline bool SymbolSelect(const string &name, bool) { return Sim().Find(name) != nullptr; }
inline bool SymbolInfoTick(const string &name, MqlTick &t) {
  SimSymbol *s = Sim().Find(name);
  if (s == nullptr) { SetSimError(4301); return false; }   // ERR_MARKET_UNKNOWN_SYMBOL
  t = s->tick;
  return s->tick.time_msc > 0;
}
inline long SymbolInfoInteger(const string &name, ENUM_SYMBOL_INFO_INTEGER p) {
  SimSymbol *s = Sim().Find(name);
  if (s == nullptr) return 0;
  switch (p) {
    case SYMBOL_DIGITS: return s->digits;
    case SYMBOL_TRADE_STOPS_LEVEL: return s->stopsLevel;
    case SYMBOL_TRADE_FREEZE_LEVEL: return s->freezeLevel;
    case SYMBOL_TRADE_MODE: return s->tradeMode;
    case SYMBOL_FILLING_MODE: return s->filling;
    case SYMBOL_SPREAD: return (long)MathRound((s->tick.ask - s->tick.bid) / s->point);
    case SYMBOL_TIME: return s->tick.time;
  }
  return 0;
}
inline double SymbolInfoDouble(const string &name, ENUM_SYMBOL_INFO_DOUBLE p) {
  SimSymbol *s = Sim().Find(name);
  if (s == nullptr) return 0;
  switch (p) {
    case SYMBOL_BID: return s->tick.bid;
    case SYMBOL_ASK: return s->tick.ask;
    case SYMBOL_POINT: return s->point;
    case SYMBOL_TRADE_CONTRACT_SIZE: return s->contractSize;
    case SYMBOL_TRADE_TICK_SIZE: return s->tickSize;
    case SYMBOL_TRADE_TICK_VALUE:
    case SYMBOL_TRADE_TICK_VALUE_PROFIT:
    case SYMBOL_TRADE_TICK_VALUE_LOSS: return s->tickValue;
    case SYMBOL_VOLUME_MIN: return s->volumeMin;
    case SYMBOL_VOLUME_STEP: return s->volumeStep;
    case SYMBOL_VOLUME_MAX: return s->volumeMax;
    case SYMBOL_SWAP_LONG: return s->swapLong;
    case SYMBOL_SWAP_SHORT: return s->swapShort;
  }
  return 0;
}
// forex sessions: Monday..Friday the whole day, none at the weekend
inline bool SymbolInfoSessionTrade(const string &name, ENUM_DAY_OF_WEEK day, uint index, datetime &from, datetime &to) {
  if (Sim().Find(name) == nullptr || index > 0 || day == SUNDAY || day == SATURDAY) return false;
  from = 0;
  to = 86400;
  return true;
}
inline int CopyRates(const string &name, ENUM_TIMEFRAMES, int start, int count, MqlArray<MqlRates> &out) {
  SimSymbol *s = Sim().Find(name);
  if (s == nullptr || start != 1 || count != 1 || !s->hasLastBar) return -1;   // only the last complete M1 bar
  ArrayResize(out, 1);
  out[0] = s->lastBar;
  return 1;
}

// ---- positions ----
inline int PositionsTotal() { return (int)Sim().positions.size(); }
inline ulong PositionGetTicket(int i) {
  if (i < 0 || i >= PositionsTotal()) return 0;
  Sim().selectedPosition = Sim().positions[(size_t)i];
  return Sim().selectedPosition.ticket;
}
inline bool PositionSelectByTicket(ulong ticket) {
  SimPosition *p = Sim().Position(ticket);
  if (p == nullptr) return false;
  Sim().selectedPosition = *p;
  return true;
}
inline long PositionGetInteger(ENUM_POSITION_PROPERTY_INTEGER prop) {
  const SimPosition &p = Sim().selectedPosition;
  switch (prop) {
    case POSITION_TICKET: case POSITION_IDENTIFIER: return (long)p.ticket;
    case POSITION_TIME: return p.time;
    case POSITION_TIME_MSC: return p.timeMsc;
    case POSITION_TYPE: return p.type;
    case POSITION_MAGIC: return p.magic;
  }
  return 0;
}
inline double PositionGetDouble(ENUM_POSITION_PROPERTY_DOUBLE prop) {
  SimPosition &p = Sim().selectedPosition;
  if (Sim().Position(p.ticket) == nullptr) return 0;
  switch (prop) {
    case POSITION_VOLUME: return p.volume;
    case POSITION_PRICE_OPEN: return p.priceOpen;
    case POSITION_SL: return p.sl;
    case POSITION_TP: return p.tp;
    case POSITION_PRICE_CURRENT: return Sim().ClosePrice(p);
    case POSITION_SWAP: return p.swap;
    case POSITION_PROFIT: return Sim().Profit(p, Sim().ClosePrice(p));
  }
  return 0;
}
inline string PositionGetString(ENUM_POSITION_PROPERTY_STRING prop) {
  return prop == POSITION_SYMBOL ? Sim().selectedPosition.symbol : Sim().selectedPosition.comment;
}

// ---- orders in flight ----
inline int OrdersTotal() { return (int)Sim().orders.size(); }
inline ulong OrderGetTicket(int i) {
  if (i < 0 || i >= OrdersTotal()) return 0;
  Sim().selectedOrder = Sim().orders[(size_t)i];
  return Sim().selectedOrder.ticket;
}
inline long OrderGetInteger(ENUM_ORDER_PROPERTY_INTEGER prop) {
  const SimOrder &o = Sim().selectedOrder;
  switch (prop) {
    case ORDER_TICKET: return (long)o.ticket;
    case ORDER_TYPE: return o.type;
    case ORDER_MAGIC: return o.magic;
    case ORDER_POSITION_ID: return (long)o.positionId;
    case ORDER_TIME_SETUP: return 0;
  }
  return 0;
}
inline string OrderGetString(ENUM_ORDER_PROPERTY_STRING prop) {
  return prop == ORDER_SYMBOL ? Sim().selectedOrder.symbol : Sim().selectedOrder.comment;
}

// ---- history ----
inline bool HistorySelect(datetime from, datetime to) {
  Sim().historyFrom = from;
  Sim().historyTo = to;
  Sim().historyDeals.clear();
  for (size_t i = 0; i < Sim().deals.size(); i++)
    if (Sim().deals[i].time >= from && Sim().deals[i].time <= to) Sim().historyDeals.push_back(i);
  return true;
}
inline int HistoryDealsTotal() { return (int)Sim().historyDeals.size(); }
inline ulong HistoryDealGetTicket(int i) {
  if (i < 0 || i >= HistoryDealsTotal()) return 0;
  return Sim().deals[Sim().historyDeals[(size_t)i]].ticket;
}
inline const SimDeal *SimDealOf(ulong ticket) {
  for (auto &d : Sim().deals) if (d.ticket == ticket) return &d;
  return nullptr;
}
// MQL5: HistoryDealSelect replaces the list HistorySelect made with this one deal (a walk of that list must not call it)
inline bool HistoryDealSelect(ulong ticket) {
  Sim().historyDeals.clear();
  for (size_t i = 0; i < Sim().deals.size(); i++)
    if (Sim().deals[i].ticket == ticket) { Sim().historyDeals.push_back(i); return true; }
  return false;
}
inline long HistoryDealGetInteger(ulong ticket, ENUM_DEAL_PROPERTY_INTEGER prop) {
  const SimDeal *d = SimDealOf(ticket);
  if (d == nullptr) return 0;
  switch (prop) {
    case DEAL_TICKET: return (long)d->ticket;
    case DEAL_ORDER: return (long)d->order;
    case DEAL_TIME: return d->time;
    case DEAL_TIME_MSC: return d->timeMsc;
    case DEAL_TYPE: return d->type;
    case DEAL_ENTRY: return d->entry;
    case DEAL_MAGIC: return d->magic;
    case DEAL_REASON: return d->reason;
    case DEAL_POSITION_ID: return (long)d->positionId;
  }
  return 0;
}
inline double HistoryDealGetDouble(ulong ticket, ENUM_DEAL_PROPERTY_DOUBLE prop) {
  const SimDeal *d = SimDealOf(ticket);
  if (d == nullptr) return 0;
  switch (prop) {
    case DEAL_VOLUME: return d->volume;
    case DEAL_PRICE: return d->price;
    case DEAL_COMMISSION: return d->commission;
    case DEAL_SWAP: return d->swap;
    case DEAL_PROFIT: return d->profit;
  }
  return 0;
}
inline string HistoryDealGetString(ulong ticket, ENUM_DEAL_PROPERTY_STRING prop) {
  const SimDeal *d = SimDealOf(ticket);
  if (d == nullptr) return "";
  return prop == DEAL_SYMBOL ? d->symbol : d->comment;
}

// ---- trading ----
inline bool OrderSend(const MqlTradeRequest &req, MqlTradeResult &res) {
  uint rc = Sim().Execute(req, res);
  return rc == 10009 || rc == 10008 || rc == 10010;
}

// ---- global variables (in memory: one terminal run) ----
inline datetime GlobalVariableSet(const string &name, double v) { Sim().globals[name] = v; return TimeCurrent(); }
inline double GlobalVariableGet(const string &name) {
  auto it = Sim().globals.find(name);
  return it == Sim().globals.end() ? 0.0 : it->second;
}
inline bool GlobalVariableCheck(const string &name) { return Sim().globals.count(name) > 0; }
inline bool GlobalVariableDel(const string &name) { return Sim().globals.erase(name) > 0; }
inline void GlobalVariablesFlush() {}

// ---- timer ----
inline bool EventSetMillisecondTimer(int ms) { if (ms <= 0) return false; Sim().timerMs = ms; return true; }
inline void EventKillTimer() { Sim().timerMs = 0; }

// ---- economic calendar: loads, with no events ----
inline int CalendarValueHistory(MqlArray<MqlCalendarValue> &values, datetime, datetime, const string & = "", const string & = "") {
  ArrayResize(values, 0);
  return 0;
}
inline bool CalendarEventById(ulong, MqlCalendarEvent &) { return false; }
inline bool CalendarCountryById(ulong, MqlCalendarCountry &) { return false; }

#endif
