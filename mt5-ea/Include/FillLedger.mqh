//+------------------------------------------------------------------+
//| FillLedger.mqh -- which deals the host has heard of               |
//+------------------------------------------------------------------+
// A fill that happens while the link is down (or the EA is off) must still reach the host. The ledger
// keeps the deal tickets delivered recently and a watermark: the time of the newest delivered deal. On
// every reconnect the EA walks the trade history from the watermark and sends the fills of deals not
// delivered yet. The watermark is persisted (a terminal global variable); after a restart the deals at
// the watermark itself may be sent again, and the host drops a fill whose deal ticket it already has
// (PROTOCOL.md). C++-compatible, tested in test/trade_engine_test.cpp.
#ifndef VPT_FILL_LEDGER_MQH
#define VPT_FILL_LEDGER_MQH

#define FILL_LEDGER_CAPACITY 512

class CFillLedger
  {
public:
   long              m_deal[FILL_LEDGER_CAPACITY];
   int               m_next;
   long              m_watermarkMsc;   // time of the newest delivered deal (server time, ms)

                     CFillLedger() { Init(0); }
   //--- the EA starts at `nowMsc`: deals before it are history (RestoreWatermark moves it back)
   void              Init(long nowMsc)
     {
      for(int i = 0; i < FILL_LEDGER_CAPACITY; i++)
         m_deal[i] = 0;
      m_next = 0;
      m_watermarkMsc = nowMsc;
     }
   bool              Delivered(long deal) const
     {
      for(int i = 0; i < FILL_LEDGER_CAPACITY; i++)
         if(m_deal[i] == deal && deal != 0)
            return true;
      return false;
     }
   void              OnDelivered(long deal, long timeMsc)
     {
      if(Delivered(deal))
         return;
      m_deal[m_next] = deal;
      m_next = (m_next + 1) % FILL_LEDGER_CAPACITY;
      if(timeMsc > m_watermarkMsc)
         m_watermarkMsc = timeMsc;
     }
   //--- a deal in the history: send its fill now?
   bool              NeedsReplay(long deal, long timeMsc) const { return timeMsc >= m_watermarkMsc && !Delivered(deal); }
   long              ReplayFromMsc() const { return m_watermarkMsc; }
   //--- milliseconds since 1970 stay exact in a double (< 2^53)
   double            SaveWatermark() const { return (double)m_watermarkMsc; }
   void              RestoreWatermark(double v)
     {
      if(v > 0.0)
         m_watermarkMsc = (long)v;
     }
  };

#endif
