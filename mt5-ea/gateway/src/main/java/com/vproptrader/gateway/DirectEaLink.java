package com.vproptrader.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A plain TCP EA socket without a writer thread: the thread that has a line writes it to the socket at once,
 * non-blocking (a host command goes out on the gRPC transport thread that received it, no hand-off). What the
 * socket cannot take now waits in a bounded backlog that the connection's reader thread writes out when the socket
 * is writable again; a full backlog is a slow consumer. Nothing here can block the gRPC transport thread on an EA
 * that stops reading.
 *
 * <p>The reader thread waits on a selector for bytes (and, while there is a backlog, for room to write), so a
 * silence timeout is the selector's timeout.
 */
final class DirectEaLink implements EaLink {
    private final SocketChannel socket;
    private final Selector selector;
    private final SelectionKey key;
    private final int capacity;
    private final long silenceNanos;
    private final Runnable onWritten;
    private final ArrayDeque<ByteBuffer> backlog = new ArrayDeque<>();
    private boolean finishing;

    /**
     * @param capacity  lines that may wait for the EA before it counts as a slow consumer
     * @param silence   a read that waits this long throws {@link SocketTimeoutException}
     * @param onWritten runs after each line is written (statistics)
     */
    DirectEaLink(SocketChannel socket, int capacity, Duration silence, Runnable onWritten) throws IOException {
        this.socket = socket;
        this.capacity = capacity;
        this.silenceNanos = silence.toNanos();
        this.onWritten = onWritten;
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        socket.configureBlocking(false);
        selector = Selector.open();
        key = socket.register(selector, SelectionKey.OP_READ);
    }

    @Override
    public void start(String name) {
        // no thread of its own
    }

    @Override
    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return readSome(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    /** At least one byte, or -1 at the end of the stream; writes out the backlog while it waits. */
    private int readSome(ByteBuffer into) throws IOException {
        long deadline = System.nanoTime() + silenceNanos;
        while (true) {
            int n = socket.read(into);
            if (n != 0) {
                return n;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no bytes for " + TimeUnit.NANOSECONDS.toMillis(silenceNanos) + " ms");
            }
            try {
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                selector.selectedKeys().clear();
            } catch (ClosedSelectorException e) {
                throw new IOException("socket closed");
            }
            if (!socket.isOpen()) {
                throw new IOException("socket closed");
            }
            writeBacklog();
        }
    }

    @Override
    public boolean offer(String line) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            if (!key.isValid() || finishing) {
                return true; // the connection is ending: nothing left to deliver to
            }
            if (backlog.isEmpty()) {
                try {
                    socket.write(bytes);
                } catch (IOException e) {
                    close(); // the peer went away: the reader thread sees the closed socket and ends the connection
                    return true;
                }
                if (!bytes.hasRemaining()) {
                    onWritten.run();
                    return true;
                }
            } else if (backlog.size() >= capacity) {
                return false;
            }
            backlog.add(bytes);
            try {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            } catch (CancelledKeyException e) {
                return true; // closed meanwhile
            }
        }
        selector.wakeup(); // the reader thread writes the rest when the socket has room
        return true;
    }

    /** On the reader thread: as much of the backlog as the socket takes now. */
    private synchronized void writeBacklog() {
        try {
            while (!backlog.isEmpty()) {
                ByteBuffer next = backlog.peek();
                socket.write(next);
                if (next.hasRemaining()) {
                    return;
                }
                backlog.poll();
                onWritten.run();
            }
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            close();
            return;
        }
        if (finishing) {
            close();
        }
    }

    @Override
    public synchronized void finish() {
        finishing = true;
        if (backlog.isEmpty()) {
            close();
        } else {
            selector.wakeup();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            selector.close(); // wakes a reader thread waiting on it
        } catch (IOException e) {
            // closing anyway
        }
    }
}
