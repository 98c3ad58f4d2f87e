package com.vproptrader.sim.link;

import com.vproptrader.gateway.frame.BoundedLineReader;
import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.gateway.frame.FrameException;
import com.vproptrader.gateway.frame.ToEaFrame;
import com.vproptrader.proto.TerminalEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the EA's socket code does: connect out to the gateway, say hello, send frames with a per-connection
 * {@code seq} starting at 1, read frames, and reconnect with exponential backoff (200 ms doubling to
 * {@code maxBackoff}) when the connection drops or the gateway is silent past {@code silenceTimeout}.
 */
public final class GatewayLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayLink.class);

    /** Callbacks on the link's reader thread. */
    public interface Handler {
        /** Connected; send {@code hello} now through {@link #send}: nothing else goes out before it returns. */
        void onConnected(GatewayLink link);

        /** A frame from the gateway (command or error). */
        void onFrame(ToEaFrame frame);

        /** A line the stand-in could not decode (the real EA would log and carry on). */
        void onBadFrame(FrameException e);

        void onDisconnected(String why);
    }

    private final String host;
    private final int port;
    private final int maxLineBytes;
    private final Duration silenceTimeout;
    private final Duration maxBackoff;
    private final Handler handler;
    private final FrameCodec codec = new FrameCodec();
    private final Thread thread;
    private final Object writeLock = new Object();
    private volatile boolean closed;
    private volatile boolean ready;
    /** TLS to the gateway's EA port, as the EA's SocketTlsHandshake; null = plain TCP. */
    private volatile javax.net.ssl.SSLSocketFactory tls;
    private Socket socket;
    private OutputStream out;
    private long seq;

    public GatewayLink(String host, int port, int maxLineBytes, Duration silenceTimeout, Duration maxBackoff,
                       Handler handler) {
        this.host = host;
        this.port = port;
        this.maxLineBytes = maxLineBytes;
        this.silenceTimeout = silenceTimeout;
        this.maxBackoff = maxBackoff;
        this.handler = handler;
        this.thread = new Thread(this::run, "sim-link");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Speak TLS to the gateway (set before {@link #start}). */
    public void useTls(javax.net.ssl.SSLSocketFactory factory) {
        this.tls = factory;
    }

    /** True between a completed hello and the next disconnect. */
    public boolean isReady() {
        return ready;
    }

    /**
     * Stamps the next {@code seq} on the event and writes it. Returns false when not connected; a write
     * failure drops the connection (the reader thread then reconnects).
     */
    public boolean send(TerminalEvent event) {
        synchronized (writeLock) {
            if (out == null) {
                return false;
            }
            String line = codec.encodeEvent(event.toBuilder().setSeq(++seq).build());
            try {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException e) {
                dropConnection();
                return false;
            }
        }
    }

    private void run() {
        long backoffMs = 200;
        while (!closed) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 5_000);
                s.setTcpNoDelay(true);
                s.setSoTimeout((int) silenceTimeout.toMillis());
                Socket link = tls == null ? s : tls.createSocket(s, host, port, true);
                synchronized (writeLock) {
                    socket = link;
                    out = link.getOutputStream();
                    seq = 0;
                }
                handler.onConnected(this);
                ready = true;
                backoffMs = 200;
                readLoop(link);
                handler.onDisconnected("gateway closed the connection");
            } catch (SocketTimeoutException e) {
                handler.onDisconnected("gateway silent for " + silenceTimeout.toMillis() + " ms");
            } catch (IOException e) {
                if (!closed) {
                    handler.onDisconnected(e.toString());
                }
            } finally {
                ready = false;
                synchronized (writeLock) {
                    out = null;
                    socket = null;
                }
            }
            if (!closed) {
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, maxBackoff.toMillis());
            }
        }
    }

    private void readLoop(Socket s) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(s.getInputStream(), maxLineBytes);
        while (!closed) {
            try {
                String line = reader.readLine();
                if (line == null) {
                    return;
                }
                if (!line.isBlank()) {
                    handler.onFrame(codec.decodeToEa(line));
                }
            } catch (FrameException e) {
                handler.onBadFrame(e);
            }
        }
    }

    private void dropConnection() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                log.debug("close: {}", e.toString());
            }
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (writeLock) {
            dropConnection();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
