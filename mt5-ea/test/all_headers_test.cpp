// all_headers_test.cpp -- every .mqh in one translation unit, in the order QuantSupraAI.mq5 includes them:
// proves they coexist (no duplicate names) and that the pure part is self-contained.
#include "shim.h"
#include "../Include/Json.mqh"
#include "../Include/Scheduler.mqh"
#include "../Include/Frames.mqh"
#include "../Include/RulePack.mqh"
#include "../Include/Governors.mqh"
#include "../Include/RiskManager.mqh"
#include "../Include/TradeEngine.mqh"
#include "../Include/FillLedger.mqh"
#include "../Include/Link.mqh"
#include "../Include/EaCore.mqh"
#include "check.h"

int main() {
  CHECK(FrameTypeFromName("config") == FT_CONFIG, "headers link together");
  return check_summary("all_headers_test");
}
