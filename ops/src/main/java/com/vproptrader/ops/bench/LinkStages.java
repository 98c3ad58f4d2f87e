package com.vproptrader.ops.bench;

import com.vproptrader.host.rpc.TerminalLinkService;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.TerminalLinkGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The pieces of the tick → signal path measured alone, for {@link LinkLatencyBench}'s split by stage: a raw
 * loopback TCP round trip of one line (the floor), one gRPC round trip on a {@code TerminalLink} stream, and a
 * {@code TerminalLink} server that answers every tick with a signal at once (the gateway measured with a host
 * that takes no time to decide).
 */
final class LinkStages {
    private LinkStages() {
    }

    /** A line echoed over loopback TCP: the floor of one hop. */
    static final class LoopbackEcho implements LinkLatencyBench.RoundTrip, AutoCloseable {
        private final ServerSocket server;
        private final Socket socket;
        private final BufferedReader in;
        private final BufferedWriter out;

        LoopbackEcho() throws Exception {
            server = new ServerSocket(0);
            Thread echo = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8));
                    for (String line; (line = r.readLine()) != null; ) {
                        w.write(line);
                        w.write('\n');
                        w.flush();
                    }
                } catch (Exception ignored) {
                    // the client closed
                }
            }, "echo");
            echo.setDaemon(true);
            echo.start();
            socket = new Socket("127.0.0.1", server.getLocalPort());
            socket.setTcpNoDelay(true);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public boolean once(int i) throws Exception {
            out.write("{\"v\":1,\"type\":\"tick\",\"seq\":" + i + ",\"symbol\":\"EURUSD\",\"bid\":1.1,\"ask\":1.10008}");
            out.write('\n');
            out.flush();
            return in.readLine() != null;
        }

        @Override
        public void close() throws Exception {
            socket.close();
            server.close();
        }
    }

    /**
     * A TerminalLink server on the host's executor set-up ({@link TerminalLinkService#DIRECT}) that answers each
     * tick with a signal right away and ignores every other event.
     */
    static Server echoHost() throws Exception {
        return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .callExecutor(TerminalLinkService.DIRECT)
                .addService(new TerminalLinkGrpc.TerminalLinkImplBase() {
                    @Override
                    public StreamObserver<TerminalEvent> connect(StreamObserver<HostCommand> out) {
                        return new StreamObserver<>() {
                            private long seq;

                            @Override
                            public void onNext(TerminalEvent e) {
                                if (e.hasTick()) {
                                    out.onNext(signalFor(++seq, e));
                                }
                            }

                            @Override
                            public void onError(Throwable t) {
                            }

                            @Override
                            public void onCompleted() {
                                out.onCompleted();
                            }
                        };
                    }
                }).build().start();
    }

    private static HostCommand signalFor(long seq, TerminalEvent e) {
        double ask = e.getTick().getAsk();
        return HostCommand.newBuilder().setSeq(seq).setSignal(Signal.newBuilder()
                .setSignalKey("echo-" + e.getSeq()).setSymbol(e.getTick().getSymbol()).setSide(Side.BUY)
                .setVolume(0.1).setSl(ask - 0.001).setTp1(ask + 0.0015).setTp2(ask + 0.0024)
                .setReferencePrice(ask).setExpiryMsc(e.getTick().getTimeMsc() + 5_000).setAlpha("echo")
                .setDecidedOnTickMsc(e.getTick().getTimeMsc())).build();
    }

    /** One tick event → the echo host's signal over a TerminalLink stream (the client as the gateway builds it). */
    static final class GrpcRoundTrip implements LinkLatencyBench.RoundTrip, AutoCloseable {
        private final ManagedChannel channel;
        private final StreamObserver<TerminalEvent> requests;
        private final BlockingQueue<HostCommand> answers = new ArrayBlockingQueue<>(1024);

        GrpcRoundTrip(int port) {
            channel = Grpc.newChannelBuilder("127.0.0.1:" + port, InsecureChannelCredentials.create())
                    .directExecutor().build();
            requests = TerminalLinkGrpc.newStub(channel).connect(new StreamObserver<>() {
                @Override
                public void onNext(HostCommand c) {
                    answers.add(c);
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                }
            });
        }

        @Override
        public boolean once(int i) throws Exception {
            requests.onNext(LinkLatencyBench.tickEvent(i));
            String key = "echo-" + (i + 1L);
            for (HostCommand c; (c = answers.poll(1, TimeUnit.SECONDS)) != null; ) {
                if (c.getSignal().getSignalKey().equals(key)) {
                    return true;
                }
                // a late answer to an earlier exchange: not this one's
            }
            return false;
        }

        @Override
        public void close() {
            requests.onCompleted();
            channel.shutdownNow();
        }
    }
}
