// frames_test.cpp -- frame encode/decode against the recorded transcripts (test/transcripts/*.ndjson)
// plus JSON reader/writer edge cases.
// For every transcript line whose frame should be accepted: decode, encode, and check that the
// encoding means the same as the recording (proto3 semantics: equal values, fields the recording omits
// must be zero), and that decode(encode(x)) encodes to the same bytes. Lines with "expect": "<code>"
// must be refused by the decoder with that code (the gateway answers them with an error frame).
// usage: frames_test <transcripts dir> [PROTOCOL.md]
#include "shim.h"
#include "../Include/Frames.mqh"
#include "../Include/TradeEngine.mqh"   // Fnv1a64, HexU64 (the rule pack hash in ea_state)
#include "check.h"
#include <algorithm>
#include <dirent.h>
#include <vector>

static CJsonDoc g_wrap, g_a, g_b, g_dec;
static VpFrame g_frame, g_frame2;
static CJsonWriter g_w;

static std::vector<std::string> list_files(const std::string &dir, const std::string &ext) {
  std::vector<std::string> out;
  if (DIR *d = opendir(dir.c_str())) {
    while (dirent *e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > ext.size() && n.substr(n.size() - ext.size()) == ext) out.push_back(n);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

static bool is_zero(const CJsonDoc &d, int n) {
  switch (d.Type(n)) {
    case JSON_NULL: return true;
    case JSON_BOOL: return !d.NodeBool(n, false);
    case JSON_NUMBER: return d.NodeDouble(n, 0) == 0.0;
    case JSON_STRING: { std::string s = d.NodeString(n, ""); return s.empty() || s.find("UNSPECIFIED") != std::string::npos; }
    case JSON_ARRAY: return d.Count(n) == 0;
    case JSON_OBJECT:
      for (int c = d.First(n); c >= 0; c = d.Next(c)) if (!is_zero(d, c)) return false;
      return true;
  }
  return false;
}

// does `got` (node of b) mean the same as `want` (node of a)? `path` names the first difference.
static bool same(const CJsonDoc &a, int want, const CJsonDoc &b, int got, const std::string &at, std::string &path) {
  int ta = a.Type(want), tb = b.Type(got);
  bool numA = ta == JSON_NUMBER || (ta == JSON_STRING && CJsonDoc::IsNumberText(a.NodeString(want, "")));
  bool numB = tb == JSON_NUMBER || (tb == JSON_STRING && CJsonDoc::IsNumberText(b.NodeString(got, "")));
  if (ta == JSON_NUMBER || tb == JSON_NUMBER) {
    if (!numA || !numB) { path = at + " (type)"; return false; }
    double x = a.NodeDouble(want, 0), y = b.NodeDouble(got, 0);
    if (std::fabs(x - y) > 1e-12 * std::max(1.0, std::fabs(x))) { path = at + " " + a.Raw(want) + " vs " + b.Raw(got); return false; }
    return true;
  }
  if (ta != tb) { path = at + " (type)"; return false; }
  if (ta == JSON_STRING || ta == JSON_BOOL) {
    if (a.NodeString(want, "") != b.NodeString(got, "")) { path = at + " " + a.Raw(want) + " vs " + b.Raw(got); return false; }
    return true;
  }
  if (ta == JSON_ARRAY) {
    if (a.Count(want) != b.Count(got)) { path = at + " (length)"; return false; }
    for (int i = 0; i < a.Count(want); i++)
      if (!same(a, a.At(want, i), b, b.At(got, i), at + "[" + std::to_string(i) + "]", path)) return false;
    return true;
  }
  if (ta == JSON_OBJECT) {
    for (int c = a.First(want); c >= 0; c = a.Next(c)) {
      int m = b.Find(got, a.Key(c));
      if (m < 0) { if (is_zero(a, c)) continue; path = at + "." + a.Key(c) + " missing"; return false; }
      if (!same(a, c, b, m, at + "." + a.Key(c), path)) return false;
    }
    for (int c = b.First(got); c >= 0; c = b.Next(c))
      if (a.Find(want, b.Key(c)) < 0 && !is_zero(b, c)) { path = at + "." + b.Key(c) + " extra non-zero"; return false; }
    return true;
  }
  return true;
}

static int g_lines = 0, g_roundtrips = 0, g_refusals = 0;

static void run_transcript(const std::string &dir, const std::string &file) {
  bool ok = false;
  std::string text = read_file(dir + "/" + file, &ok);
  CHECK(ok, "read " + file);
  size_t start = 0;
  int lineNo = 0;
  long lastSeq[2] = {0, 0};
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string raw = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    start = nl == std::string::npos ? text.size() : nl + 1;
    lineNo++;
    if (raw.empty()) continue;
    std::string where = file + ":" + std::to_string(lineNo);
    g_lines++;
    if (!g_wrap.Parse(raw)) { CHECK(false, where + ": transcript line is not JSON: " + g_wrap.Error()); continue; }
    int r = g_wrap.Root();
    std::string dirn = g_wrap.GetString(r, "dir", "");
    CHECK(dirn == "ea" || dirn == "gw", where + ": dir must be ea or gw");
    int fn = g_wrap.Find(r, "frame");
    std::string line = fn >= 0 ? g_wrap.Raw(fn) : g_wrap.GetString(r, "line", "");
    std::string expect = g_wrap.GetString(r, "expect", "");
    string err;
    bool decoded = FrameDecode(g_dec, line, g_frame, err);
    // session-level refusals (the gateway's state, not the frame): the frame itself decodes
    if (expect == "not_hello" || expect == "auth") {
      CHECK(decoded, where + ": a well-formed frame refused for session reasons must decode: " + err);
      g_refusals++;
      continue;
    }
    if (!expect.empty()) {
      CHECK(!decoded && err.rfind(expect + ":", 0) == 0, where + ": expected refusal " + expect + ", got " + (decoded ? "accepted" : err));
      g_refusals++;
      continue;
    }
    CHECK(decoded, where + ": decode failed: " + err);
    if (!decoded) continue;
    // direction: EA frames are TerminalEvents, gateway frames HostCommands or errors
    bool eaType = g_frame.type >= FT_HELLO && g_frame.type <= FT_EA_STATE;
    bool gwType = (g_frame.type >= FT_SIGNAL && g_frame.type <= FT_ERROR) || g_frame.type == FT_HEARTBEAT;
    CHECK(dirn == "ea" ? eaType : gwType, where + ": frame type " + g_frame.typeName + " not sent in direction " + dirn);
    // EA seq strictly increases per connection; host commands too (gateway-originated frames use 0)
    int di = dirn == "ea" ? 0 : 1;
    if (g_frame.seq != 0) {
      CHECK(g_frame.seq > lastSeq[di], where + ": seq must increase");
      lastSeq[di] = g_frame.seq;
    }
    std::string enc = FrameEncode(g_w, g_frame);
    CHECK(enc.find('\n') == std::string::npos, where + ": encoded frame contains a newline");
    CHECK(g_a.Parse(line) && g_b.Parse(enc), where + ": reparse");
    std::string path;
    bool eq = same(g_a, g_a.Root(), g_b, g_b.Root(), "$", path);
    CHECK(eq, where + ": round trip differs at " + path + "\n   encoded: " + enc);
    // recorded in the canonical form (every field, proto order, plain shortest decimals): byte for byte
    CHECK(enc == line, where + ": not byte-identical to the recording\n   recorded: " + line + "\n   encoded:  " + enc);
    // stable: decode(encode(x)) encodes to the same bytes
    bool again = FrameDecode(g_dec, enc, g_frame2, err);
    CHECK(again && FrameEncode(g_w, g_frame2) == enc, where + ": encoding not stable");
    if (eq) g_roundtrips++;
  }
}

static void test_json_edges() {
  CJsonDoc &d = g_a;
  CHECK(d.Parse(" {\"a\" : [ 1 , -2.5e-3 , true , null , \"x\\u00e9\\n\\\"\" ] } "), "whitespace and escapes parse");
  int a = d.Find(d.Root(), "a");
  CHECK_EQ(d.Count(a), 5, "array length");
  CHECK(std::fabs(d.NodeDouble(d.At(a, 1), 0) + 0.0025) < 1e-15, "exponent number");
  CHECK_EQ(d.NodeString(d.At(a, 4), ""), std::string("x\xc3\xa9\n\""), "unicode escape to UTF-8");
  CHECK(d.Parse("{\"t\":\"9007199254740993\",\"u\":9007199254740993}"), "int64 parse");
  CHECK_EQ(d.GetLong(d.Root(), "t", 0), 9007199254740993LL, "int64 from string exact");
  CHECK_EQ(d.GetLong(d.Root(), "u", 0), 9007199254740993LL, "int64 from number exact");
  CHECK(std::fabs(JsonTextToDouble("1.0E-5") - 0.00001) == 0.0, "1.0E-5 exact");
  CHECK(std::fabs(JsonTextToDouble("1.2345E+2") - 123.45) < 1e-12, "1.2345E+2");
  const char *bad[] = {"", "{", "{\"a\":}", "{\"a\":1,}", "[1 2]", "{\"a\":1} x", "\"abc", "{\"a\":tru}", "{a:1}", "-", "{\"a\":\"\x01\"}"};
  for (const char *b : bad) CHECK(!d.Parse(b), std::string("refuses bad JSON: ") + b);
  std::string deep(40, '[');
  CHECK(!d.Parse(deep + std::string(40, ']')), "refuses nesting deeper than JSON_MAX_DEPTH");
  CHECK_EQ(JsonNumber(1.08518), std::string("1.08518"), "number 1.08518");
  CHECK_EQ(JsonNumber(100000.0), std::string("100000"), "integral number");
  CHECK_EQ(JsonNumber(-0.35), std::string("-0.35"), "negative");
  CHECK_EQ(JsonNumber(0.00001), std::string("0.00001"), "tick size");
  CHECK_EQ(JsonNumber(-0.0), std::string("0"), "negative zero");
  CHECK_EQ(JsonNumber(98917.3), std::string("98917.3"), "shortest digits that read back");
  CHECK_EQ(JsonNumber(1.0 / 3.0), std::string("0.3333333333333333"), "16 decimals at most (MQL5 DoubleToString limit)");
  CHECK_EQ(JsonNumber(2034.57), std::string("2034.57"), "gold price");
  CHECK_EQ(JsonQuote(std::string("a\"b\\c\n\x01")), std::string("\"a\\\"b\\\\c\\n\\u0001\""), "quote escapes");
  // a rule pack carried as a string inside a config frame survives both levels of quoting
  VpFrame &f = g_frame;
  f.type = FT_CONFIG; f.seq = 9; f.rulePackJson = "{\"name\":\"x\",\"sessions\":[{\"open\":\"08:00\"}]}";
  std::string line = FrameEncode(g_w, f);
  string err;
  CHECK(FrameDecode(g_dec, line, g_frame2, err) && g_frame2.rulePackJson == f.rulePackJson, "config string round trip");
}

static void test_decoder_classifies_errors() {
  string err;
  struct Case { const char *line; const char *code; } cases[] = {
    {"not json", "malformed"},
    {"[1,2]", "malformed"},
    {"{\"v\":1,\"type\":\"tick\"}", "malformed"},
    {"{\"v\":1,\"seq\":1}", "malformed"},
    {"{\"v\":2,\"type\":\"tick\",\"seq\":1}", "bad_version"},
    {"{\"type\":\"tick\",\"seq\":1}", "bad_version"},
    {"{\"v\":1,\"type\":\"news\",\"seq\":1}", "unknown_type"},
    {"{\"v\":1,\"type\":\"signal\",\"seq\":1,\"signalKey\":\"k\",\"symbol\":\"EURUSD\",\"side\":\"UP\",\"volume\":1}", "bad_value"},
    {"{\"v\":1,\"type\":\"signal\",\"seq\":1,\"signalKey\":\"\",\"symbol\":\"EURUSD\",\"side\":\"BUY\",\"volume\":1}", "bad_value"},
    {"{\"v\":1,\"type\":\"signal\",\"seq\":1,\"signalKey\":\"k\",\"symbol\":\"EURUSD\",\"side\":\"BUY\",\"volume\":0}", "bad_value"},
    {"{\"v\":1,\"type\":\"close\",\"seq\":1,\"ticket\":0}", "bad_value"},
    {"{\"v\":1,\"type\":\"modify\",\"seq\":1,\"ticket\":5,\"sl\":-1}", "bad_value"},
    {"{\"v\":1,\"type\":\"config\",\"seq\":1}", "bad_value"},
  };
  for (const Case &c : cases) {
    bool okd = FrameDecode(g_dec, c.line, g_frame, err);
    CHECK(!okd && err.rfind(std::string(c.code) + ":", 0) == 0, std::string(c.line) + " -> expected " + c.code + ", got " + err);
  }
  // proto3 JSON's other legal spellings: enum numbers, int64 in strings, unknown fields ignored
  bool okd = FrameDecode(g_dec, "{\"v\":1,\"type\":\"signal\",\"seq\":\"12\",\"signalKey\":\"k\",\"symbol\":\"EURUSD\","
                                "\"side\":2,\"volume\":0.1,\"expiryMsc\":\"1704153605123\",\"future\":{\"x\":[1]}}", g_frame, err);
  CHECK(okd, "lenient decode: " + err);
  CHECK_EQ(g_frame.seq, 12LL, "seq from string");
  CHECK_EQ(g_frame.signal.side, 2, "side from number");
  CHECK_EQ(g_frame.signal.expiryMsc, 1704153605123LL, "int64 from string");
}

static void test_hello_with_many_positions_fits_line_limit() {
  VpHello &h = g_frame.hello;
  h.accountId = "123456789"; h.token = "t"; h.serverTimeMsc = 1704153600123LL; h.terminal = "mt5";
  h.account.accountId = "123456789"; h.account.currency = "USD"; h.account.marginMode = 2;
  h.symbolCount = 30;
  for (int i = 0; i < h.symbolCount; i++) {
    VpSymbolSpec &s = h.symbols[i];
    s.symbol = "SYM" + std::to_string(i); s.digits = 5; s.contractSize = 100000; s.tickSize = 0.00001; s.tickValue = 1;
    s.volumeMin = 0.01; s.volumeStep = 0.01; s.volumeMax = 100; s.stopsLevelPoints = 10; s.swapLong = -6.91; s.swapShort = 1.23;
    s.commissionPerLot = 3.5; s.freezeLevelPoints = 5; s.tradeMode = 5;
    s.sessionCount = 10;   // an index CFD: two sessions a weekday
    for (int k = 0; k < s.sessionCount; k++) { s.sessionDay[k] = 1 + k / 2; s.sessionFrom[k] = k % 2 ? 84600 : 3900; s.sessionTo[k] = k % 2 ? 86100 : 83700; }
  }
  h.positionCount = VP_MAX_POSITIONS;
  for (int i = 0; i < h.positionCount; i++) {
    VpPosition &p = h.positions[i];
    p.ticket = 900000000 + i; p.symbol = "EURUSD"; p.side = 1 + (i % 2); p.volume = 0.37; p.openPrice = 1.08512;
    p.sl = 1.08312; p.tp = 1.08912; p.openTimeMsc = 1704153600123LL; p.profit = -12.34; p.swap = -1.5; p.commission = -2.5;
    p.magic = 20260310; p.signalKey = "1001-" + std::to_string(100000 + i);
  }
  h.recentDealCount = VP_MAX_RECENT_DEALS;
  for (int i = 0; i < h.recentDealCount; i++) {
    VpFill &f = h.recentDeals[i];
    f.deal = 800000000 + i; f.order = 700000000 + i; f.positionId = 900000000 + i / 2; f.symbol = "EURUSD";
    f.side = 1 + (i % 2); f.entry = 1 + (i % 2); f.volume = 0.37; f.price = 1.08512; f.profit = i % 2 ? -12.34 : 0;
    f.commission = -2.59; f.swap = -1.5; f.timeMsc = 1704153600123LL + i; f.signalKey = "1001-" + std::to_string(100000 + i / 2);
    f.reason = i % 2 ? "stop_out" : "signal";
  }
  std::string line = EncodeHelloFrame(g_w, 1, h);
  std::printf("hello with %d symbols, %d positions and %d recent deals: %zu bytes (gateway limit 65536)\n", h.symbolCount,
              h.positionCount, h.recentDealCount, line.size());
  CHECK(line.size() < 65536, "a maximal hello fits the gateway's 64 KiB line limit");
  string err;
  CHECK(FrameDecode(g_dec, line, g_frame2, err) && g_frame2.hello.positionCount == VP_MAX_POSITIONS, "maximal hello decodes: " + err);
  CHECK_EQ(g_frame2.hello.recentDealCount, VP_MAX_RECENT_DEALS, "every recent deal decodes");
  CHECK_EQ(g_frame2.hello.recentDeals[VP_MAX_RECENT_DEALS - 1].deal, 800000000LL + VP_MAX_RECENT_DEALS - 1, "the newest deal last");
  CHECK(g_frame2.hello.recentDeals[1].reason == "stop_out" && g_frame2.hello.recentDeals[1].entry == 2, "a deal's entry and reason");
}

// every example line in PROTOCOL.md's json blocks: the EA decodes it and re-encodes the same bytes
static void run_protocol_examples(const std::string &path) {
  bool ok = false;
  std::string text = read_file(path, &ok);
  CHECK(ok, "read " + path);
  bool inJson = false;
  int n = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    start = nl == std::string::npos ? text.size() : nl + 1;
    if (line.rfind("```", 0) == 0) { inJson = line == "```json"; continue; }
    if (!inJson || line.empty() || line[0] != '{') continue;
    n++;
    string err;
    bool decoded = FrameDecode(g_dec, line, g_frame, err);
    CHECK(decoded, "PROTOCOL.md example decodes: " + err + "\n   " + line);
    if (decoded) CHECK_EQ(FrameEncode(g_w, g_frame), line, "PROTOCOL.md example re-encodes byte for byte");
  }
  std::printf("PROTOCOL.md: %d example frames\n", n);
  CHECK(n >= 15, "PROTOCOL.md has an example for every frame type");
}

// the EA's state report: every field survives the round trip
static void test_ea_state_round_trip() {
  CHECK(HexU64(Fnv1a64("a")) == "af63dc4c8601ec8c" && HexU64(Fnv1a64("")) == "cbf29ce484222325",
        "the pack hash is FNV-1a 64 as the host computes it");
  VpEaState e;
  e.engineState = "REDUCING";
  e.failsafe = true;
  e.reason = "CONFIG_MISMATCH: equity 10000.00 is at the overall floor";
  e.rulePackName = "ftmo-2step";
  e.rulePackHash = "cbf29ce484222325";
  e.dayStartBalance = 100000.0;
  e.dayStartEquity = 100250.5;
  e.dayStartMsc = 1704153600000LL;
  static CJsonWriter w;
  std::string line = EncodeEaStateFrame(w, 9, e);
  static VpFrame f;
  string err;
  CHECK(FrameDecode(g_dec, line, f, err) && f.type == FT_EA_STATE && f.seq == 9, "ea_state decodes: " + err);
  CHECK(f.eaState.engineState == "REDUCING" && f.eaState.failsafe && f.eaState.reason == e.reason &&
        f.eaState.rulePackName == "ftmo-2step" && f.eaState.rulePackHash == e.rulePackHash &&
        f.eaState.dayStartBalance == 100000.0 && f.eaState.dayStartEquity == 100250.5 &&
        f.eaState.dayStartMsc == 1704153600000LL, "every field back: " + line);
}

int main(int argc, char **argv) {
  if (argc < 2) { std::printf("usage: %s <transcripts dir> [PROTOCOL.md]\n", argv[0]); return 2; }
  std::vector<std::string> files = list_files(argv[1], ".ndjson");
  CHECK(!files.empty(), "no transcripts");
  for (const std::string &f : files) run_transcript(argv[1], f);
  std::printf("transcripts: %zu files, %d lines, %d round trips, %d refusals as expected\n", files.size(), g_lines, g_roundtrips, g_refusals);
  if (argc >= 3) run_protocol_examples(argv[2]);
  test_ea_state_round_trip();
  test_json_edges();
  test_decoder_classifies_errors();
  test_hello_with_many_positions_fits_line_limit();
  return check_summary("frames_test");
}
