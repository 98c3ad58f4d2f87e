package com.vproptrader.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * An EA socket with blocking streams (a TLS socket: its records are written by one thread at a time): a reader
 * thread, and an {@link EaOutbox} writer thread that producers hand their lines to.
 */
final class BlockingEaLink implements EaLink {
    private final Socket socket;
    private final Duration silence;
    private final EaOutbox outbox;

    BlockingEaLink(Socket socket, int capacity, Duration silence, Runnable onWritten) throws IOException {
        this.socket = socket;
        this.silence = silence;
        this.outbox = new EaOutbox(socket.getOutputStream(), capacity, this::close, onWritten);
    }

    @Override
    public void start(String name) {
        Thread writer = new Thread(outbox, name + "-write");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public InputStream input() throws IOException {
        // Silence detection rides on the read timeout: any byte from the EA counts as life.
        socket.setSoTimeout((int) silence.toMillis());
        return socket.getInputStream();
    }

    @Override
    public boolean offer(String line) {
        return outbox.offer(line);
    }

    @Override
    public void finish() {
        outbox.finish();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
