package com.vproptrader.gateway;

import java.io.IOException;
import java.io.InputStream;

/**
 * One EA socket as a connection uses it: one reader thread reads lines from {@link #input()}; any thread (the
 * reader's replies, host commands on the gRPC transport thread, the heartbeat timer) hands whole lines to
 * {@link #offer}, which never blocks on the network.
 */
interface EaLink {
    /** Called once on the reader thread before the first read. */
    void start(String name);

    /**
     * Blocking reads; a read that waits longer than the silence timeout throws
     * {@link java.net.SocketTimeoutException}.
     */
    InputStream input() throws IOException;

    /** Sends one line (without its newline); false when the EA has not read the last lines queued for it. */
    boolean offer(String line);

    /** Lines already taken are still written where the socket takes them, then the socket is closed. */
    void finish();

    /** Closes the socket now. Idempotent. */
    void close();
}
