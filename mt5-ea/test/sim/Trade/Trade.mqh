// Trade/Trade.mqh (simulation, C++) -- the part of MetaQuotes' CTrade the EA uses, over OrderSend, with the
// standard library's behaviour where it matters: PositionClose closes the whole position (hedging: by
// ticket; netting: an opposite deal), PositionClosePartial(ticket) refuses on a netting account without
// sending anything (the terminal's retcode is left from the previous request).
#ifndef VPT_SIM_TRADE_MQH
#define VPT_SIM_TRADE_MQH

class CTrade {
 public:
  MqlTradeRequest m_request;
  MqlTradeResult m_result;
  ulong m_magic = 0;
  ulong m_deviation = 10;
  ENUM_ORDER_TYPE_FILLING m_filling = ORDER_FILLING_FOK;
  bool m_async = false;

  void SetExpertMagicNumber(ulong magic) { m_magic = magic; }
  void SetDeviationInPoints(ulong d) { m_deviation = d; }
  void SetAsyncMode(bool a) { m_async = a; }
  void LogLevel(ENUM_LOG_LEVELS) {}
  bool SetTypeFilling(ENUM_ORDER_TYPE_FILLING f) { m_filling = f; return true; }
  uint ResultRetcode() const { return m_result.retcode; }
  ulong ResultOrder() const { return m_result.order; }
  ulong ResultDeal() const { return m_result.deal; }
  string ResultComment() const { return m_result.comment; }

  bool PositionOpen(const string &symbol, ENUM_ORDER_TYPE type, double volume, double price, double sl, double tp,
                    const string &comment = "") {
    Fresh();
    m_request.action = TRADE_ACTION_DEAL;
    m_request.symbol = symbol;
    m_request.type = type;
    m_request.volume = volume;
    m_request.price = price;
    m_request.sl = sl;
    m_request.tp = tp;
    m_request.comment = comment;
    return OrderSend(m_request, m_result);
  }
  bool PositionClose(ulong ticket, ulong deviation = UINT64_MAX) {
    if (!PositionSelectByTicket(ticket)) return false;
    return CloseVolume(ticket, PositionGetDouble(POSITION_VOLUME), deviation);
  }
  bool PositionClosePartial(ulong ticket, double volume, ulong deviation = UINT64_MAX) {
    if (AccountInfoInteger(ACCOUNT_MARGIN_MODE) != ACCOUNT_MARGIN_MODE_RETAIL_HEDGING) return false;
    if (!PositionSelectByTicket(ticket)) return false;
    return CloseVolume(ticket, volume, deviation);
  }
  bool PositionModify(ulong ticket, double sl, double tp) {
    if (!PositionSelectByTicket(ticket)) return false;
    Fresh();
    m_request.action = TRADE_ACTION_SLTP;
    m_request.position = ticket;
    m_request.symbol = PositionGetString(POSITION_SYMBOL);
    m_request.sl = sl;
    m_request.tp = tp;
    return OrderSend(m_request, m_result);
  }
  bool OrderDelete(ulong ticket) {
    Fresh();
    m_request.action = TRADE_ACTION_REMOVE;
    m_request.order = ticket;
    return OrderSend(m_request, m_result);
  }

 private:
  void Fresh() {
    m_request = MqlTradeRequest();
    m_result = MqlTradeResult();
    m_request.magic = m_magic;
    m_request.deviation = m_deviation;
    m_request.type_filling = m_filling;
  }
  bool CloseVolume(ulong ticket, double volume, ulong deviation) {
    Fresh();
    string sym = PositionGetString(POSITION_SYMBOL);
    bool buy = PositionGetInteger(POSITION_TYPE) == POSITION_TYPE_BUY;
    m_request.action = TRADE_ACTION_DEAL;
    m_request.position = ticket;
    m_request.symbol = sym;
    m_request.volume = volume;
    m_request.type = buy ? ORDER_TYPE_SELL : ORDER_TYPE_BUY;
    m_request.price = SymbolInfoDouble(sym, buy ? SYMBOL_BID : SYMBOL_ASK);
    if (deviation != UINT64_MAX) m_request.deviation = deviation;
    return OrderSend(m_request, m_result);
  }
};

#endif
