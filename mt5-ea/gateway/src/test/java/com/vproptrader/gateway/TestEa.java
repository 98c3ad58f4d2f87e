package com.vproptrader.gateway;

import com.vproptrader.gateway.frame.BoundedLineReader;
import com.vproptrader.gateway.frame.CommandFrame;
import com.vproptrader.gateway.frame.ErrorCode;
import com.vproptrader.gateway.frame.ErrorFrame;
import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.gateway.frame.ToEaFrame;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A scripted EA over a real socket: writes raw lines, collects decoded frames from the gateway. */
final class TestEa implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final FrameCodec codec = new FrameCodec();
    private final Socket socket;
    private final OutputStream out;
    private final LinkedBlockingQueue<ToEaFrame> frames = new LinkedBlockingQueue<>();
    private volatile boolean closedByPeer;
    private long seq;

    TestEa(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        out = socket.getOutputStream();
        Thread t = new Thread(this::readLoop, "test-ea-read");
        t.setDaemon(true);
        t.start();
    }

    private void readLoop() {
        try {
            BoundedLineReader r = new BoundedLineReader(socket.getInputStream(), 1 << 20);
            for (String line; (line = r.readLine()) != null; ) {
                frames.add(codec.decodeToEa(line));
            }
        } catch (Exception e) {
            // socket closed by the test
        } finally {
            closedByPeer = true;
        }
    }

    long nextSeq() {
        return ++seq;
    }

    void sendLine(String line) throws IOException {
        sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends the event with the next seq number. */
    long send(TerminalEvent.Builder event) throws IOException {
        long s = nextSeq();
        sendLine(codec.encodeEvent(event.setSeq(s).build()));
        return s;
    }

    ErrorFrame awaitError(ErrorCode code) throws InterruptedException {
        return (ErrorFrame) await(f -> f instanceof ErrorFrame e && e.code() == code, "error " + code);
    }

    HostCommand awaitCommand(Predicate<HostCommand> p) throws InterruptedException {
        return ((CommandFrame) await(f -> f instanceof CommandFrame c && p.test(c.command()), "command")).command();
    }

    /** Skips frames that don't match (heartbeats, mostly). */
    ToEaFrame await(Predicate<ToEaFrame> p, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            ToEaFrame f = frames.poll(100, TimeUnit.MILLISECONDS);
            if (f != null && p.test(f)) {
                return f;
            }
        }
        throw new AssertionError("no " + what + " from the gateway within " + PATIENCE);
    }

    boolean closedByPeer() {
        return closedByPeer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
