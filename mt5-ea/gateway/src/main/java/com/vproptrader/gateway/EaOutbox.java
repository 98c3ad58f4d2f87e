package com.vproptrader.gateway;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The only writer of one EA socket. Producers (reader thread, gRPC callbacks, heartbeat timer) enqueue
 * whole lines and never block on the network; a bounded queue turns an EA that stops reading into a
 * visible overflow instead of unbounded memory or a stalled gRPC thread.
 */
final class EaOutbox implements Runnable {
    private static final String END = new String("<end>"); // identity sentinel, never equal to a frame

    private final BlockingQueue<String> queue;
    private final OutputStream out;
    private final Runnable afterLast;
    private final Runnable onWritten;

    /**
     * @param afterLast runs once when the writer stops (flushed sentinel or write failure): closes the socket
     * @param onWritten runs after each line is written (statistics)
     */
    EaOutbox(OutputStream out, int capacity, Runnable afterLast, Runnable onWritten) {
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.out = new BufferedOutputStream(out, 16 * 1024);
        this.afterLast = afterLast;
        this.onWritten = onWritten;
    }

    /** @return false when the queue is full: the EA is not keeping up */
    boolean offer(String line) {
        return queue.offer(line);
    }

    /** Lines already queued are still written, then the socket is closed. */
    void finish() {
        // capacity + 1 leaves room for the sentinel even when producers filled the queue
        queue.offer(END);
    }

    @Override
    public void run() {
        try {
            while (true) {
                String line = queue.take();
                if (line == END) {
                    out.flush();
                    return;
                }
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                onWritten.run();
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // The peer went away or we are shutting down: nothing left to deliver to.
        } finally {
            afterLast.run();
        }
    }
}
