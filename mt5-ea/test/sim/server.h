// server.h -- the simulated account and trade server: symbols with their ticks, positions, deals, and
// market execution on a hedging or a netting account.
#ifndef VPT_SIM_SERVER_H
#define VPT_SIM_SERVER_H

struct SimSymbol {
  string name;
  int digits = 5;
  double point = 0.00001, contractSize = 100000, tickSize = 0.00001, tickValue = 1.0;
  double volumeMin = 0.01, volumeStep = 0.01, volumeMax = 100;
  int stopsLevel = 0, freezeLevel = 0;
  int tradeMode = SYMBOL_TRADE_MODE_FULL;
  long filling = SYMBOL_FILLING_FOK | SYMBOL_FILLING_IOC;
  double swapLong = 0, swapShort = 0;
  MqlTick tick;
  MqlRates bar, lastBar;   // the M1 bar being built, the last complete one
  bool hasBar = false, hasLastBar = false;
};
struct SimPosition {
  ulong ticket = 0;
  string symbol, comment;
  int type = POSITION_TYPE_BUY;
  double volume = 0, priceOpen = 0, sl = 0, tp = 0, swap = 0;
  datetime time = 0;
  long timeMsc = 0, magic = 0;
};
struct SimDeal {
  ulong ticket = 0, order = 0, positionId = 0;
  string symbol, comment;
  int type = DEAL_TYPE_BUY, entry = DEAL_ENTRY_IN, reason = DEAL_REASON_EXPERT;
  double volume = 0, price = 0, profit = 0, commission = 0, swap = 0;
  datetime time = 0;
  long timeMsc = 0, magic = 0;
};
struct SimOrder {   // an order in flight (placed, not yet filled); the simulation fills at once, so only tests add them
  ulong ticket = 0, positionId = 0;
  string symbol, comment;
  int type = ORDER_TYPE_BUY;
  double volume = 0, price = 0;
  long magic = 0;
};

struct SimTerminal {
  // account
  long login = 0;
  string currency = "USD";
  double balance = 0;
  long leverage = 100;
  int marginMode = ACCOUNT_MARGIN_MODE_RETAIL_HEDGING;
  bool connected = true;
  double commissionPerLot = 0;   // per side, charged on each deal
  // market
  std::vector<SimSymbol> symbols;
  long serverMsc = 0;
  long serverUtcOffsetSec = 7200;   // the broker's clock: GMT+2 (winter of a GMT+2/+3 server)
  // trading
  std::vector<SimPosition> positions;
  std::vector<SimOrder> orders;
  std::vector<SimDeal> deals;
  ulong nextTicket = 1000;
  std::vector<uint> forcedRetcodes;   // the next requests' refusals (requote, no money...), in order
  std::vector<MqlTradeTransaction> events;   // OnTradeTransaction events not yet delivered
  std::vector<MqlTradeRequest> eventRequests;
  std::vector<MqlTradeResult> eventResults;
  // terminal
  std::map<string, double> globals;
  int timerMs = 0;
  // selections
  SimPosition selectedPosition;
  SimOrder selectedOrder;
  datetime historyFrom = 0, historyTo = 0;
  std::vector<size_t> historyDeals;   // indexes into deals

  SimSymbol *Find(const string &name) {
    for (auto &s : symbols) if (s.name == name) return &s;
    return nullptr;
  }
  // a new tick: the quote, the server clock and the M1 bars
  void OnTick(const string &name, long msc, double bid, double ask) {
    SimSymbol *s = Find(name);
    if (s == nullptr) return;
    s->tick.time = (datetime)(msc / 1000);
    s->tick.time_msc = msc;
    s->tick.bid = bid;
    s->tick.ask = ask;
    s->tick.flags = 6;   // TICK_FLAG_BID | TICK_FLAG_ASK
    if (msc > serverMsc) serverMsc = msc;
    datetime minute = s->tick.time - s->tick.time % 60;
    if (s->hasBar && s->bar.time != minute) { s->lastBar = s->bar; s->hasLastBar = true; s->hasBar = false; }
    if (!s->hasBar) { s->bar = MqlRates(); s->bar.time = minute; s->bar.open = s->bar.high = s->bar.low = bid; s->hasBar = true; }
    s->bar.high = MathMax(s->bar.high, bid);
    s->bar.low = MathMin(s->bar.low, bid);
    s->bar.close = bid;
    s->bar.tick_volume++;
    s->bar.spread = (int)MathRound((ask - bid) / s->point);
  }
  double Profit(const SimPosition &p, double closePrice) const {
    const SimSymbol *s = const_cast<SimTerminal *>(this)->Find(p.symbol);
    double move = (p.type == POSITION_TYPE_BUY) ? closePrice - p.priceOpen : p.priceOpen - closePrice;
    return MathRound(move / s->tickSize * s->tickValue * p.volume * 100.0) / 100.0;
  }
  double ClosePrice(const SimPosition &p) {
    SimSymbol *s = Find(p.symbol);
    return (p.type == POSITION_TYPE_BUY) ? s->tick.bid : s->tick.ask;
  }
  double FloatingProfit() {
    double sum = 0;
    for (auto &p : positions) sum += Profit(p, ClosePrice(p)) + p.swap;
    return sum;
  }
  SimPosition *Position(ulong ticket) {
    for (auto &p : positions) if (p.ticket == ticket) return &p;
    return nullptr;
  }
  SimPosition *NettingPosition(const string &symbol) {
    for (auto &p : positions) if (p.symbol == symbol) return &p;
    return nullptr;
  }
  void AddDeal(SimDeal d, const MqlTradeRequest &req, MqlTradeResult &res) {
    d.ticket = nextTicket++;
    d.time = (datetime)(serverMsc / 1000);
    d.timeMsc = serverMsc;
    d.commission = -commissionPerLot * d.volume;
    balance += d.profit + d.commission + d.swap;
    deals.push_back(d);
    res.deal = d.ticket;
    MqlTradeTransaction t;
    t.type = TRADE_TRANSACTION_DEAL_ADD;
    t.deal = d.ticket;
    t.order = d.order;
    t.symbol = d.symbol;
    t.deal_type = d.type;
    t.price = d.price;
    t.volume = d.volume;
    t.position = d.positionId;
    events.push_back(t);
    eventRequests.push_back(req);
    eventResults.push_back(res);
  }
  // close `volume` of position p by a deal of the opposite side at `price`
  void CloseVolume(SimPosition &p, double volume, double price, ulong order, const MqlTradeRequest &req,
                   MqlTradeResult &res, int reason) {
    SimDeal d;
    d.order = order;
    d.positionId = p.ticket;
    d.symbol = p.symbol;
    d.type = (p.type == POSITION_TYPE_BUY) ? DEAL_TYPE_SELL : DEAL_TYPE_BUY;
    d.entry = DEAL_ENTRY_OUT;
    d.volume = volume;
    d.price = price;
    d.reason = reason;
    d.comment = req.comment;
    d.magic = (long)req.magic;
    SimPosition part = p;
    part.volume = volume;
    d.profit = Profit(part, price);
    p.volume = NormalizeDouble(p.volume - volume, 8);
    ulong ticket = p.ticket;
    if (p.volume <= 1e-9)
      for (size_t i = 0; i < positions.size(); i++)
        if (positions[i].ticket == ticket) { positions.erase(positions.begin() + (long)i); break; }
    AddDeal(d, req, res);
  }
  void Open(const MqlTradeRequest &req, double volume, double price, ulong order, MqlTradeResult &res) {
    SimPosition p;
    p.ticket = order;   // MT5: the position ticket is the opening order's ticket
    p.symbol = req.symbol;
    p.type = (req.type == ORDER_TYPE_BUY) ? POSITION_TYPE_BUY : POSITION_TYPE_SELL;
    p.volume = volume;
    p.priceOpen = price;
    p.sl = req.sl;
    p.tp = req.tp;
    p.time = (datetime)(serverMsc / 1000);
    p.timeMsc = serverMsc;
    p.magic = (long)req.magic;
    p.comment = req.comment;
    positions.push_back(p);
    SimDeal d;
    d.order = order;
    d.positionId = p.ticket;
    d.symbol = p.symbol;
    d.type = (req.type == ORDER_TYPE_BUY) ? DEAL_TYPE_BUY : DEAL_TYPE_SELL;
    d.entry = DEAL_ENTRY_IN;
    d.volume = volume;
    d.price = price;
    d.comment = req.comment;
    d.magic = (long)req.magic;
    AddDeal(d, req, res);
  }
  uint Refuse(MqlTradeResult &res, uint retcode, const string &why) {
    res.retcode = retcode;
    res.comment = why;
    return retcode;
  }
  // the trade server's answer to one request (synchronous, as OrderSend)
  uint Execute(const MqlTradeRequest &req, MqlTradeResult &res) {
    res = MqlTradeResult();
    if (!forcedRetcodes.empty()) {
      uint rc = forcedRetcodes.front();
      forcedRetcodes.erase(forcedRetcodes.begin());
      return Refuse(res, rc, "forced by the test");
    }
    if (!connected) return Refuse(res, 10031, "no connection");   // TRADE_RETCODE_CONNECTION
    if (req.action == TRADE_ACTION_SLTP) {
      SimPosition *p = Position(req.position);
      if (p == nullptr) return Refuse(res, 10013, "invalid request: no position");
      if (!StopsValid(*p, req.sl, req.tp)) return Refuse(res, 10016, "invalid stops");
      p->sl = req.sl;
      p->tp = req.tp;
      res.retcode = 10009;
      return res.retcode;
    }
    if (req.action == TRADE_ACTION_REMOVE) {
      for (size_t i = 0; i < orders.size(); i++)
        if (orders[i].ticket == req.order) { orders.erase(orders.begin() + (long)i); res.retcode = 10009; return 10009; }
      return Refuse(res, 10013, "invalid request: no order");
    }
    if (req.action != TRADE_ACTION_DEAL) return Refuse(res, 10013, "invalid request: action not simulated");
    SimSymbol *s = Find(req.symbol);
    if (s == nullptr) return Refuse(res, 10013, "invalid request: unknown symbol");
    if (s->tick.bid <= 0 || s->tick.ask <= 0) return Refuse(res, 10021, "no quotes");
    double steps = req.volume / s->volumeStep;
    if (req.volume < s->volumeMin - 1e-9 || req.volume > s->volumeMax + 1e-9 || MathAbs(steps - MathRound(steps)) > 1e-6)
      return Refuse(res, 10014, "invalid volume");
    if (((long)req.type_filling == ORDER_FILLING_FOK && (s->filling & SYMBOL_FILLING_FOK) == 0) ||
        ((long)req.type_filling == ORDER_FILLING_IOC && (s->filling & SYMBOL_FILLING_IOC) == 0))
      return Refuse(res, 10030, "unsupported filling mode");
    double price = (req.type == ORDER_TYPE_BUY) ? s->tick.ask : s->tick.bid;
    if (req.price > 0 && MathAbs(req.price - price) > (double)req.deviation * s->point + 1e-12) {
      res.bid = s->tick.bid;
      res.ask = s->tick.ask;
      return Refuse(res, 10004, "requote");
    }
    ulong order = nextTicket++;
    res.order = order;
    res.volume = req.volume;
    res.price = price;
    res.bid = s->tick.bid;
    res.ask = s->tick.ask;
    res.retcode = 10009;
    if (req.position != 0) {   // close (part of) a position
      SimPosition *p = Position(req.position);
      if (p == nullptr) return Refuse(res, 10013, "invalid request: no position");
      if (req.volume > p->volume + 1e-9) return Refuse(res, 10014, "invalid volume: more than the position");
      CloseVolume(*p, req.volume, price, order, req, res, DEAL_REASON_EXPERT);
      return res.retcode;
    }
    if (marginMode != ACCOUNT_MARGIN_MODE_RETAIL_HEDGING) {   // netting: one position per symbol
      SimPosition *p = NettingPosition(req.symbol);
      if (p != nullptr) {
        bool same = (p->type == POSITION_TYPE_BUY) == (req.type == ORDER_TYPE_BUY);
        if (same) {   // adds: average price
          double v = p->volume + req.volume;
          p->priceOpen = NormalizeDouble((p->priceOpen * p->volume + price * req.volume) / v, s->digits);
          p->volume = v;
          SimDeal d;
          d.order = order; d.positionId = p->ticket; d.symbol = p->symbol;
          d.type = (req.type == ORDER_TYPE_BUY) ? DEAL_TYPE_BUY : DEAL_TYPE_SELL;
          d.entry = DEAL_ENTRY_IN; d.volume = req.volume; d.price = price; d.comment = req.comment; d.magic = (long)req.magic;
          AddDeal(d, req, res);
          return res.retcode;
        }
        if (req.volume <= p->volume + 1e-9) {
          CloseVolume(*p, req.volume, price, order, req, res, DEAL_REASON_EXPERT);
          return res.retcode;
        }
        // reversal: one INOUT deal closes the old side and opens the rest
        SimPosition old = *p;
        double rest = NormalizeDouble(req.volume - p->volume, 8);
        SimDeal d;
        d.order = order; d.positionId = old.ticket; d.symbol = old.symbol;
        d.type = (req.type == ORDER_TYPE_BUY) ? DEAL_TYPE_BUY : DEAL_TYPE_SELL;
        d.entry = DEAL_ENTRY_INOUT; d.volume = req.volume; d.price = price; d.comment = req.comment;
        d.magic = (long)req.magic; d.profit = Profit(old, price);
        p->type = (req.type == ORDER_TYPE_BUY) ? POSITION_TYPE_BUY : POSITION_TYPE_SELL;
        p->volume = rest;
        p->priceOpen = price;
        p->sl = req.sl;
        p->tp = req.tp;
        AddDeal(d, req, res);
        return res.retcode;
      }
    }
    SimPosition probe;
    probe.symbol = req.symbol;
    probe.type = (req.type == ORDER_TYPE_BUY) ? POSITION_TYPE_BUY : POSITION_TYPE_SELL;
    if (!StopsValid(probe, req.sl, req.tp)) return Refuse(res, 10016, "invalid stops");
    Open(req, req.volume, price, order, res);
    return res.retcode;
  }
  // stops on the right side of the market and at least the stops level away
  bool StopsValid(const SimPosition &p, double sl, double tp) {
    SimSymbol *s = Find(p.symbol);
    double gap = s->stopsLevel * s->point;
    bool buy = p.type == POSITION_TYPE_BUY;
    double px = buy ? s->tick.bid : s->tick.ask;
    if (sl > 0 && (buy ? sl > px - gap : sl < px + gap)) return false;
    if (tp > 0 && (buy ? tp < px + gap : tp > px - gap)) return false;
    return true;
  }
  // the broker's stop-loss / take-profit triggers, checked on every tick
  void TriggerStops() {
    for (size_t i = 0; i < positions.size();) {
      SimPosition &p = positions[i];
      double px = ClosePrice(p);
      bool buy = p.type == POSITION_TYPE_BUY;
      int reason = -1;
      if (p.sl > 0 && (buy ? px <= p.sl : px >= p.sl)) reason = DEAL_REASON_SL;
      if (p.tp > 0 && (buy ? px >= p.tp : px <= p.tp)) reason = DEAL_REASON_TP;
      if (reason < 0) { i++; continue; }
      MqlTradeRequest req;
      req.symbol = p.symbol;
      req.comment = reason == DEAL_REASON_SL ? "[sl]" : "[tp]";
      MqlTradeResult res;
      ulong order = nextTicket++;
      CloseVolume(p, p.volume, px, order, req, res, reason);
    }
  }
};
inline SimTerminal &Sim() { static SimTerminal t; return t; }

#endif
