//+------------------------------------------------------------------+
//| Link.mqh -- TCP client to the gateway: lines, heartbeats, backoff |
//+------------------------------------------------------------------+
// Pure part (C++-compatible, tested in test/link_test.cpp):
//   CLineAssembler  bytes -> complete '\n'-terminated lines, with the gateway's 64 KiB cap; an over-long
//                   line is dropped up to its newline (never buffered whole).
//   CLinkState      connection state machine on a millisecond clock: hello on every (re)connect; READY
//                   (reconciled) at the first host command after that hello (seq > 0: normally the
//                   host's `config`); heartbeats; silence (any frame is life, PROTOCOL.md §3.5); fail-safe
//                   entry; reconnect with capped exponential backoff and jitter.
// MQL5 glue (#ifdef __MQL5__, not compiled in CI): CLink wraps SocketCreate/SocketConnect/
// SocketIsReadable/SocketRead/SocketSend. It never blocks longer than a few ms: it reads only what
// SocketIsReadable reports, with a short timeout, from the EA's millisecond timer.
#ifndef VPT_LINK_MQH
#define VPT_LINK_MQH

#define LINK_MAX_LINE 65536   // bytes, newline excluded: the gateway's maxLineBytes default
// SocketTimeouts: a half-open connection must not block SocketSend (and with it the timer that runs the
// governors and the fail-safe) for long; reads only ever take what is already there.
#define LINK_SEND_TIMEOUT_MS 500
#define LINK_RECV_TIMEOUT_MS 5

enum ENUM_LINE_EVENT { LINE_NONE = 0, LINE_READY = 1, LINE_TOO_LONG = 2 };

class CLineAssembler
  {
public:
   uchar             m_buf[LINK_MAX_LINE];
   int               m_len;
   bool              m_overflow;
   long              m_dropped;     // lines dropped because they were too long

                     CLineAssembler() { Reset(); m_dropped = 0; }
   void              Reset() { m_len = 0; m_overflow = false; }
   //--- feed one byte; LINE_READY: m_buf[0..Length()) holds the line (a trailing '\r' removed)
   int               Push(uchar b)
     {
      if(b == '\n')
        {
         if(m_overflow)
           {
            m_overflow = false;
            m_len = 0;
            m_dropped++;
            return LINE_TOO_LONG;
           }
         if(m_len > 0 && m_buf[m_len - 1] == '\r')
            m_len--;
         return LINE_READY;
        }
      if(m_overflow)
         return LINE_NONE;
      if(m_len >= LINK_MAX_LINE)
        {
         m_overflow = true;
         return LINE_NONE;
        }
      m_buf[m_len] = b;
      m_len++;
      return LINE_NONE;
     }
   int               Length() const { return m_len; }
   //--- call after taking a ready line
   void              Consumed() { m_len = 0; }
  };

enum ENUM_LINK_STATE
  {
   LINK_DOWN = 0,       // no socket; waiting for the next attempt
   LINK_HELLO_SENT = 1, // connected, snapshot sent, no host command seen yet (gateway heartbeats only)
   LINK_READY = 2       // the host answered this hello: reconciled, orders may flow
  };

enum ENUM_LINK_EVENT
  {
   LINK_EV_NONE = 0,
   LINK_EV_FAILSAFE = 1    // enter the fail-safe now (once per outage)
  };

//--- reconnect delay after `failures` consecutive failed/lost connections: base * 2^(n-1), capped,
//--- plus up to 25% jitter from `seed` so that many terminals do not reconnect in lockstep
long BackoffMs(int failures, long baseMs, long capMs, long seed)
  {
   if(failures <= 0)
      return 0;
   long d = baseMs;
   for(int i = 1; i < failures && d < capMs; i++)
      d *= 2;
   if(d > capMs)
      d = capMs;
   long jitterRange = d / 4;
   long s = ((seed % 1000003) + 1000003) % 1000003;
   long jitter = (jitterRange > 0) ? ((s * 7919 + failures * 104729) % 1000003) % (jitterRange + 1) : 0;
   return d + jitter;
  }

class CLinkState
  {
public:
   int               m_state;
   long              m_lastRxMs;       // last byte-complete frame from the gateway
   long              m_lastTxMs;
   long              m_lastAliveMs;    // last moment the link was known good: any frame on a connection
   long              m_nextAttemptMs;
   int               m_failures;
   long              m_seq;            // our frame sequence number on this connection
   bool              m_failsafe;       // fail-safe active: no new orders
   long              m_heartbeatMs;
   long              m_silenceMs;
   long              m_backoffBaseMs;
   long              m_backoffCapMs;
   long              m_seed;
   long              m_connects;
   long              m_helloAtMs;      // when this connection's hello went out
   bool              m_refused;        // the last hello was refused (shown until the host answers one)
   bool              m_refusedNow;     // ... on this connection: the next attempt waits the refusal backoff
   string            m_refusal;        // code and message of the refusal, for the log and the chart
   int               m_refusals;       // refusals in a row

                     CLinkState() { Configure(2000, 10000, 1000, 30000, 1); }
   void              Configure(long heartbeatMs, long silenceMs, long backoffBaseMs, long backoffCapMs, long seed)
     {
      m_heartbeatMs = heartbeatMs;
      m_silenceMs = silenceMs;
      m_backoffBaseMs = backoffBaseMs;
      m_backoffCapMs = backoffCapMs;
      m_seed = seed;
      m_state = LINK_DOWN;
      m_lastRxMs = 0;
      m_lastTxMs = 0;
      m_lastAliveMs = 0;
      m_nextAttemptMs = 0;
      m_failures = 0;
      m_seq = 0;
      m_failsafe = false;
      m_connects = 0;
      m_helloAtMs = 0;
      m_refused = false;
      m_refusedNow = false;
      m_refusal = "";
      m_refusals = 0;
     }
   //--- the EA starts: count the link as alive from now, so a gateway that never answers still
   //--- triggers the fail-safe after the silence timeout
   void              Start(long now) { m_lastAliveMs = now; m_nextAttemptMs = now; }

   bool              ShouldConnect(long now) const { return m_state == LINK_DOWN && now >= m_nextAttemptMs; }
   //--- socket connected: the caller sends hello with NextSeq() (= 1) right away
   void              OnConnected(long now)
     {
      m_state = LINK_HELLO_SENT;
      m_seq = 0;
      m_lastRxMs = now;
      m_lastTxMs = now;
      m_helloAtMs = now;
      m_refusedNow = false;
      m_connects++;
     }
   void              OnConnectFailed(long now)
     {
      m_failures++;
      m_state = LINK_DOWN;
      m_nextAttemptMs = now + BackoffMs(m_failures, m_backoffBaseMs, m_backoffCapMs, m_seed);
     }
   //--- the connection ended (EOF, error frame with auth/timeout, send failure or our silence check)
   void              OnDisconnected(long now)
     {
      if(m_state == LINK_DOWN)
         return;
      if(m_state != LINK_READY)
         m_failures++;       // lost before it ever became ready: back off harder
      else
         m_failures = 1;
      m_state = LINK_DOWN;
      m_nextAttemptMs = now + BackoffMs(m_failures, m_backoffBaseMs, m_backoffCapMs, m_seed);
      if(m_refusedNow)   // the same hello would be refused again at once: 1 min doubling to 10 min
         m_nextAttemptMs = now + BackoffMs(m_refusals, 60000, 600000, m_seed);
      m_refusedNow = false;
     }
   //--- an `error` frame. True when it refuses our hello: `auth` (token, duplicate account), `refused`
   //--- (the host found the hello invalid), or a validation error naming the hello's seq (1). The caller
   //--- logs it, closes the connection and shows StatusText() on the chart.
   bool              OnError(const string code, long refSeq, const string message)
     {
      bool helloRejected = (m_state == LINK_HELLO_SENT && refSeq == 1 &&
                            (code == "bad_value" || code == "malformed" || code == "bad_version" || code == "too_long"));
      if(!(code == "auth" || code == "refused" || helloRejected))
         return false;
      m_refused = true;
      m_refusedNow = true;
      m_refusals++;
      m_refusal = code + ": " + message;
      return true;
     }
   //--- a frame arrived. `fromHost`: a host command (seq > 0, or a config): the host stream carries our
   //--- hello first, so the host has reconciled against our snapshot. Only host frames are life: the host
   //--- heartbeats every ~2 s from its account loop (PROTOCOL.md 3.5); the gateway's own heartbeats prove
   //--- the gateway only (a hung host behind it, or a hello it refused, would look alive).
   void              OnFrame(long now, bool fromHost)
     {
      m_lastRxMs = now;
      if(fromHost && m_state != LINK_DOWN)
         m_lastAliveMs = now;
      if(fromHost && m_state == LINK_HELLO_SENT)
        {
         m_state = LINK_READY;
         m_failures = 0;
         m_failsafe = false;   // reconnected and reconciled: orders may flow again
         m_refused = false;
         m_refusals = 0;
         m_refusal = "";
        }
     }
   //--- connected, hello sent, and no host answer for the silence timeout: drop it and reconnect
   bool              HelloOverdue(long now) const { return m_state == LINK_HELLO_SENT && now - m_helloAtMs > m_silenceMs; }
   //--- reconciled, but no host frame for the silence timeout (gateway heartbeats only): reconnect
   bool              HostSilent(long now) const { return m_state == LINK_READY && now - m_lastAliveMs > m_silenceMs; }
   bool              Refused() const { return m_refused; }
   //--- one line for the chart (Comment) and the log
   string            StatusText(long now) const
     {
      string s;
      if(m_state == LINK_READY)
         s = "link READY";
      else
         if(m_state == LINK_HELLO_SENT)
            s = "link: hello sent, waiting for the host";
         else
            s = "link DOWN, next attempt in " + IntegerToString((m_nextAttemptMs > now ? m_nextAttemptMs - now : 0) / 1000) + " s";
      if(m_refused)
         s = s + " | hello REFUSED (" + m_refusal + ")";
      if(m_failsafe)
         s = s + " | FAIL-SAFE";
      return s;
     }
   void              OnSent(long now) { m_lastTxMs = now; }
   long              NextSeq() { m_seq++; return m_seq; }
   bool              HeartbeatDue(long now) const { return m_state != LINK_DOWN && now - m_lastTxMs >= m_heartbeatMs; }
   //--- connected but the gateway has been silent too long: drop the socket and reconnect
   bool              IsSilent(long now) const { return m_state != LINK_DOWN && now - m_lastRxMs > m_silenceMs; }
   //--- call every timer tick; LINK_EV_FAILSAFE once when the link has been dead longer than the timeout
   int               Poll(long now)
     {
      if(m_failsafe)
         return LINK_EV_NONE;
      if(now - m_lastAliveMs > m_silenceMs)
        {
         m_failsafe = true;
         return LINK_EV_FAILSAFE;
        }
      return LINK_EV_NONE;
     }
   bool              CanTrade() const { return m_state == LINK_READY && !m_failsafe; }
   bool              FailsafeActive() const { return m_failsafe; }
   int               State() const { return m_state; }
  };

#ifdef __MQL5__
//=== MQL5 glue (not compiled in CI) =====================================================================
class CLink
  {
public:
   int               m_sock;
   string            m_host;
   int               m_port;
   bool              m_tls;
   CLineAssembler    m_rx;
   CLinkState        m_st;
   uchar             m_chunk[8192];

   void              Init(const string host, int port, bool tls, long heartbeatMs, long silenceMs)
     {
      m_sock = INVALID_HANDLE;
      m_host = host;
      m_port = port;
      m_tls = tls;
      m_st.Configure(heartbeatMs, silenceMs, 1000, 30000, (long)GetTickCount());
      m_st.Start((long)GetTickCount64());
     }
   bool              IsOpen() const { return m_sock != INVALID_HANDLE; }
   //--- one connection attempt; short timeout so the timer loop never stalls for long
   bool              Connect(long now)
     {
      m_sock = SocketCreate();
      if(m_sock == INVALID_HANDLE)
        {
         m_st.OnConnectFailed(now);
         return false;
        }
      if(!SocketConnect(m_sock, m_host, m_port, 1000) || (m_tls && !SocketTlsHandshake(m_sock, m_host)))
        {
         PrintFormat("link: cannot connect to %s:%d (error %d). Is the host in Tools > Options > Expert Advisors > allowed URLs?",
                     m_host, m_port, GetLastError());
         SocketClose(m_sock);
         m_sock = INVALID_HANDLE;
         m_st.OnConnectFailed(now);
         return false;
        }
      if(!SocketTimeouts(m_sock, LINK_SEND_TIMEOUT_MS, LINK_RECV_TIMEOUT_MS))
         PrintFormat("link: SocketTimeouts failed (error %d)", GetLastError());
      m_rx.Reset();
      m_st.OnConnected(now);
      return true;
     }
   void              Close(long now)
     {
      if(m_sock != INVALID_HANDLE)
         SocketClose(m_sock);
      m_sock = INVALID_HANDLE;
      m_st.OnDisconnected(now);
     }
   //--- one frame as one line (UTF-8, '\n' appended, the NUL from StringToCharArray dropped)
   bool              Send(const string line, long now)
     {
      if(m_sock == INVALID_HANDLE)
         return false;
      uchar bytes[];
      int n = StringToCharArray(line + "\n", bytes, 0, WHOLE_ARRAY, CP_UTF8) - 1;
      if(n <= 0)
         return false;
      int sent = m_tls ? SocketTlsSend(m_sock, bytes, n) : SocketSend(m_sock, bytes, n);
      if(sent != n)
        {
         Close(now);
         return false;
        }
      m_st.OnSent(now);
      return true;
     }
   //--- read what is there (never more than SocketIsReadable reports), append complete lines to `lines`
   int               Poll(string &lines[], long now)
     {
      int count = 0;
      if(m_sock == INVALID_HANDLE)
         return 0;
      if(!SocketIsConnected(m_sock))
        {
         Close(now);
         return 0;
        }
      // TLS: SocketIsReadable counts encrypted bytes; SocketTlsReadAvailable returns the decrypted ones
      // already there without waiting
      for(int rounds = 0; rounds < 64; rounds++)
        {
         int got = 0;
         if(m_tls)
            got = SocketTlsReadAvailable(m_sock, m_chunk, ArraySize(m_chunk));
         else
           {
            uint avail = SocketIsReadable(m_sock);
            if(avail == 0)
               break;
            got = SocketRead(m_sock, m_chunk, (uint)MathMin((double)avail, (double)ArraySize(m_chunk)), LINK_RECV_TIMEOUT_MS);
           }
         if(got < 0)
           {
            Close(now);
            break;
           }
         if(got == 0)
            break;
         for(int i = 0; i < got; i++)
           {
            int ev = m_rx.Push(m_chunk[i]);
            if(ev == LINE_READY)
              {
               ArrayResize(lines, count + 1, 64);
               lines[count] = CharArrayToString(m_rx.m_buf, 0, m_rx.Length(), CP_UTF8);
               count++;
               m_rx.Consumed();
              }
            else
               if(ev == LINE_TOO_LONG)
                  Print("link: dropped a line longer than ", LINK_MAX_LINE, " bytes");
           }
        }
      return count;
     }
  };
#endif

#endif
