// ea_main.cpp -- QuantSupraAI.mq5 compiled whole (every include, its MQL5 glue too) over the simulated
// terminal, and a driver that plays the terminal's part: it loads ticks from a file into the simulated
// market, calls the EA's own OnInit / OnTick / OnTimer / OnTradeTransaction / OnDeinit as the terminal
// would, and lets the EA talk to the gateway over a real TCP socket.
//   ea_sim --ticks FILE [--host H] [--port P] [--token T] [--netting] [--balance B] [--seconds S]
//          [--until-fills N] [--timer-ms MS] [--speed X] [--print-hello]
// --print-hello: after OnInit, puts a deal history in the terminal (a deposit, a trade three days old, a position
// opened yesterday and closed today) and prints the hello frame the EA would send now, then exits.
// Tick file: `symbol,time_msc,bid,ask` per line (# comments), server time in ms since 1970. The server clock
// starts at the first tick and runs X times as fast as the real clock (default 1); each tick is played when
// the server clock reaches it. The host measures latencies on the server clock, so X stays small.
// Exits 0 when N fills were delivered to the host (or, without --until-fills, after S seconds of real
// time), 1 otherwise.
#include "shim.h"
#include "terminal.h"
#include VPT_EA_SOURCE

#include <fstream>

struct SimTickLine { string symbol; long timeMsc; double bid, ask; };

static void DeliverTradeEvents() {
  // after the request returned, as the terminal does: one OnTradeTransaction per queued transaction
  while (!Sim().events.empty()) {
    MqlTradeTransaction t = Sim().events.front();
    MqlTradeRequest rq = Sim().eventRequests.front();
    MqlTradeResult rs = Sim().eventResults.front();
    Sim().events.erase(Sim().events.begin());
    Sim().eventRequests.erase(Sim().eventRequests.begin());
    Sim().eventResults.erase(Sim().eventResults.begin());
    OnTradeTransaction(t, rq, rs);
  }
}

static int DeliveredFills() {
  int n = 0;
  for (auto &d : Sim().deals)
    if (g_fills.Delivered((long)d.ticket)) n++;
  return n;
}

int main(int argc, char **argv) {
  string ticksPath, symbols;
  double seconds = 20;
  int untilFills = 0;
  bool printHello = false;
  double speed = 1.0;
  Sim().login = 5550001;
  Sim().balance = 100000;
  Sim().marginMode = ACCOUNT_MARGIN_MODE_RETAIL_HEDGING;
  for (int i = 1; i < argc; i++) {
    string a = argv[i];
    string v = (i + 1 < argc) ? argv[i + 1] : "";
    if (a == "--ticks") { ticksPath = v; i++; }
    else if (a == "--host") { InpGatewayHost = v; i++; }
    else if (a == "--port") { InpGatewayPort = (int)StringToInteger(v); i++; }
    else if (a == "--token") { InpToken = v; i++; }
    else if (a == "--balance") { Sim().balance = StringToDouble(v); InpInitialBalance = Sim().balance; i++; }
    else if (a == "--seconds") { seconds = StringToDouble(v); i++; }
    else if (a == "--until-fills") { untilFills = (int)StringToInteger(v); i++; }
    else if (a == "--speed") { speed = StringToDouble(v); i++; }
    else if (a == "--timer-ms") { InpTimerMs = (int)StringToInteger(v); i++; }
    else if (a == "--server-utc-offset") { Sim().serverUtcOffsetSec = StringToInteger(v); i++; }
    else if (a == "--netting") { Sim().marginMode = ACCOUNT_MARGIN_MODE_RETAIL_NETTING; }
    else if (a == "--print-hello") { printHello = true; }
    else { std::cerr << "unknown argument " << a << "\n"; return 2; }
  }
  std::vector<SimTickLine> ticks;
  std::ifstream in(ticksPath);
  if (!in) { std::cerr << "cannot read ticks " << ticksPath << "\n"; return 2; }
  for (string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    MqlArray<string> f;
    if (StringSplit(line, ',', f) != 4) { std::cerr << "bad tick line: " << line << "\n"; return 2; }
    ticks.push_back({f[0], StringToInteger(f[1]), StringToDouble(f[2]), StringToDouble(f[3])});
    if (Sim().Find(f[0]) == nullptr) {
      SimSymbol s;
      s.name = f[0];
      if (StringFind(s.name, "JPY") >= 0) { s.digits = 3; s.point = s.tickSize = 0.001; s.tickValue = 0.67; s.contractSize = 100000; }
      Sim().symbols.push_back(s);
      symbols += (symbols.empty() ? "" : ",") + s.name;
    }
  }
  if (ticks.empty()) { std::cerr << "no ticks in " << ticksPath << "\n"; return 2; }
  InpSymbols = symbols;
  ulong startMs = GetTickCount64();
  size_t next = 0;
  // the first tick of every symbol is there before the EA starts (the terminal has quotes)
  for (auto &s : Sim().symbols)
    for (auto &t : ticks)
      if (t.symbol == s.name) { Sim().OnTick(t.symbol, t.timeMsc, t.bid, t.ask); break; }
  if (OnInit() != INIT_SUCCEEDED) { std::cerr << "OnInit failed\n"; return 1; }
  if (printHello) {
    long now = Sim().serverMsc;
    auto add = [](ulong ticket, ulong position, int type, int entry, long timeMsc, const string &comment) {
      SimDeal d;
      d.ticket = ticket; d.order = ticket; d.positionId = position; d.symbol = type <= DEAL_TYPE_SELL ? "EURUSD" : "";
      d.type = type; d.entry = entry; d.volume = type <= DEAL_TYPE_SELL ? 0.1 : 0; d.price = 1.1; d.comment = comment;
      d.profit = entry == DEAL_ENTRY_OUT ? -12.5 : 0; d.timeMsc = timeMsc; d.time = (datetime)(timeMsc / 1000);
      Sim().deals.push_back(d);
    };
    add(900, 0, DEAL_TYPE_BALANCE, DEAL_ENTRY_IN, now - 3600000, "deposit");
    add(901, 801, DEAL_TYPE_BUY, DEAL_ENTRY_IN, now - 3 * 86400000L, "");
    add(902, 802, DEAL_TYPE_BUY, DEAL_ENTRY_IN, now - now % 86400000L - 3600000, "");
    add(903, 802, DEAL_TYPE_SELL, DEAL_ENTRY_OUT, now - 1000, "");
    HelloRecentDeals(g_hello);
    std::cout << EncodeHelloFrame(g_w, 1, g_hello) << "\n";
    OnDeinit(0);
    return 0;
  }
  int result = untilFills > 0 ? 1 : 0;
  while (GetTickCount64() - startMs < (ulong)(seconds * 1000)) {
    long serverNow = ticks.front().timeMsc + (long)((double)(GetTickCount64() - startMs) * speed);
    while (next < ticks.size() && ticks[next].timeMsc <= serverNow) {
      SimTickLine &t = ticks[next++];
      Sim().OnTick(t.symbol, t.timeMsc, t.bid, t.ask);
      Sim().TriggerStops();
      DeliverTradeEvents();
      OnTick();
      DeliverTradeEvents();
    }
    if (serverNow > Sim().serverMsc) Sim().serverMsc = serverNow;
    OnTimer();
    DeliverTradeEvents();
    if (untilFills > 0 && DeliveredFills() >= untilFills) { result = 0; break; }
    Sleep(Sim().timerMs > 0 ? Sim().timerMs : 20);
  }
  std::cout << "ea_sim: chart: " << Chart().comment << "\n";
  OnDeinit(0);
  std::cout << "ea_sim: " << Sim().deals.size() << " deals, " << DeliveredFills() << " fills delivered to the host, "
            << Sim().positions.size() << " positions open, balance " << DoubleToString(Sim().balance, 2) << "\n";
  return result;
}
