// sim_trade_server_test.cpp -- the simulated trade server (sim/) behaves as MT5 does where the EA depends
// on it: hedging vs netting positions, CTrade's partial close refused on netting, retcodes, stops.
#include "shim.h"
#include "sim/terminal.h"
#include "sim/Trade/Trade.mqh"
#include "check.h"

static void Market(int marginMode) {
  Sim() = SimTerminal();
  Sim().balance = 10000;
  Sim().marginMode = marginMode;
  SimSymbol s;
  s.name = "EURUSD";
  Sim().symbols.push_back(s);
  Sim().OnTick("EURUSD", 1704191400000, 1.10000, 1.10010);
}

int main() {
  CTrade t;
  // hedging: two buys are two positions; a partial close leaves the rest, with an OUT deal
  Market(ACCOUNT_MARGIN_MODE_RETAIL_HEDGING);
  CHECK(t.PositionOpen("EURUSD", ORDER_TYPE_BUY, 0.10, 1.10010, 1.09900, 1.10200, "k1"), "hedging buy sent");
  CHECK_EQ((int)t.ResultRetcode(), 10009, "done");
  CHECK(t.PositionOpen("EURUSD", ORDER_TYPE_BUY, 0.20, 1.10010, 0, 0, "k2"), "second buy sent");
  CHECK_EQ(PositionsTotal(), 2, "hedging keeps two positions");
  ulong first = PositionGetTicket(0);
  CHECK(t.PositionClosePartial(first, 0.04), "hedging partial close sent");
  CHECK(PositionSelectByTicket(first) && MathAbs(PositionGetDouble(POSITION_VOLUME) - 0.06) < 1e-9, "0.06 left");
  CHECK_EQ((int)Sim().deals.back().entry, (int)DEAL_ENTRY_OUT, "partial close is an OUT deal");
  CHECK_EQ((int)Sim().events.size(), 3, "one DEAL_ADD transaction per deal");
  // the price moves: the rest closes in profit, the balance takes it
  Sim().OnTick("EURUSD", 1704191401000, 1.10110, 1.10120);
  CHECK(t.PositionClose(first), "close sent");
  CHECK(MathAbs(Sim().deals.back().profit - 6.0) < 1e-9, "0.06 lot x 100 points x 1.00 per point per lot = 6.00");
  CHECK(MathAbs(AccountInfoDouble(ACCOUNT_BALANCE) - (10000 + 6.0 + Sim().deals[2].profit)) < 1e-9, "balance has both closes");
  // retcodes
  CHECK(!t.PositionOpen("EURUSD", ORDER_TYPE_BUY, 0.015, 1.10120, 0, 0, ""), "off-step volume refused");
  CHECK_EQ((int)t.ResultRetcode(), 10014, "INVALID_VOLUME");
  CHECK(!t.PositionOpen("EURUSD", ORDER_TYPE_BUY, 0.10, 1.10000, 0, 0, ""), "12 points away with deviation 10");
  CHECK_EQ((int)t.ResultRetcode(), 10004, "REQUOTE");
  CHECK(!t.PositionOpen("EURUSD", ORDER_TYPE_BUY, 0.10, 1.10120, 1.10200, 0, ""), "buy stop above the bid");
  CHECK_EQ((int)t.ResultRetcode(), 10016, "INVALID_STOPS");
  Sim().forcedRetcodes.push_back(10012);
  CHECK(!t.PositionOpen("EURUSD", ORDER_TYPE_BUY, 0.10, 1.10120, 0, 0, ""), "forced timeout");
  CHECK_EQ((int)t.ResultRetcode(), 10012, "TIMEOUT as forced");
  // broker stop-loss: the position goes with a DEAL_REASON_SL deal
  ulong second = PositionGetTicket(0);
  CHECK(t.PositionModify(second, 1.10050, 0), "stop moved up");
  Sim().OnTick("EURUSD", 1704191402000, 1.10040, 1.10050);
  Sim().TriggerStops();
  CHECK_EQ(PositionsTotal(), 0, "stopped out");
  CHECK_EQ((int)Sim().deals.back().reason, (int)DEAL_REASON_SL, "reason SL");

  // netting: one position per symbol; a buy adds, a sell reduces, a bigger sell reverses (INOUT)
  Market(ACCOUNT_MARGIN_MODE_RETAIL_NETTING);
  CHECK(t.PositionOpen("EURUSD", ORDER_TYPE_BUY, 0.10, 1.10010, 0, 0, "k1"), "netting buy");
  CHECK(t.PositionOpen("EURUSD", ORDER_TYPE_BUY, 0.10, 1.10010, 0, 0, "k2"), "netting adds");
  CHECK_EQ(PositionsTotal(), 1, "one position");
  ulong pos = PositionGetTicket(0);
  CHECK(MathAbs(PositionGetDouble(POSITION_VOLUME) - 0.20) < 1e-9, "0.20 lots");
  uint before = t.ResultRetcode();
  CHECK(!t.PositionClosePartial(pos, 0.05), "CTrade refuses a partial close by ticket on netting");
  CHECK_EQ((int)t.ResultRetcode(), (int)before, "nothing sent: the previous retcode stays (stale)");
  CHECK(t.PositionOpen("EURUSD", ORDER_TYPE_SELL, 0.05, 1.10000, 0, 0, ""), "opposite deal reduces");
  CHECK(PositionSelectByTicket(pos) && MathAbs(PositionGetDouble(POSITION_VOLUME) - 0.15) < 1e-9, "0.15 left");
  CHECK_EQ((int)Sim().deals.back().entry, (int)DEAL_ENTRY_OUT, "reduction is an OUT deal");
  CHECK(t.PositionOpen("EURUSD", ORDER_TYPE_SELL, 0.25, 1.10000, 0, 0, ""), "bigger sell reverses");
  CHECK_EQ((int)Sim().deals.back().entry, (int)DEAL_ENTRY_INOUT, "reversal is an INOUT deal");
  CHECK(PositionSelectByTicket(pos) && PositionGetInteger(POSITION_TYPE) == POSITION_TYPE_SELL &&
            MathAbs(PositionGetDouble(POSITION_VOLUME) - 0.10) < 1e-9, "now short 0.10, same position id");
  return check_summary("sim_trade_server_test");
}
