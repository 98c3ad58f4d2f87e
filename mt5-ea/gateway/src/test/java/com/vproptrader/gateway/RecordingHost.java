package com.vproptrader.gateway;

import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.TerminalLinkGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A TerminalLink server on a real port that records every event and lets the test push commands. */
public final class RecordingHost implements AutoCloseable {
    public final List<TerminalEvent> events = new CopyOnWriteArrayList<>();
    public final AtomicInteger streamsOpened = new AtomicInteger();
    public final AtomicInteger streamsEnded = new AtomicInteger();
    private final List<StreamObserver<HostCommand>> streams = new CopyOnWriteArrayList<>();
    private final Server server;

    private RecordingHost() throws IOException {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(new TerminalLinkGrpc.TerminalLinkImplBase() {
                    @Override
                    public StreamObserver<TerminalEvent> connect(StreamObserver<HostCommand> toGateway) {
                        streamsOpened.incrementAndGet();
                        streams.add(toGateway);
                        return new StreamObserver<>() {
                            @Override
                            public void onNext(TerminalEvent value) {
                                events.add(value);
                            }

                            @Override
                            public void onError(Throwable t) {
                                streams.remove(toGateway);
                                streamsEnded.incrementAndGet();
                            }

                            @Override
                            public void onCompleted() {
                                streams.remove(toGateway);
                                streamsEnded.incrementAndGet();
                                toGateway.onCompleted();
                            }
                        };
                    }
                }).build().start();
    }

    public static RecordingHost start() throws IOException {
        return new RecordingHost();
    }

    public String target() {
        return "127.0.0.1:" + server.getPort();
    }

    public List<TerminalEvent> events(TerminalEvent.EventCase kind) {
        return events.stream().filter(e -> e.getEventCase() == kind).toList();
    }

    /** Sends to the most recently opened live stream. */
    public synchronized void send(HostCommand command) {
        streams.get(streams.size() - 1).onNext(command);
    }

    /** Fails every live stream, as a crashing host would. */
    public synchronized void failStreams() {
        failStreams(Status.UNAVAILABLE.withDescription("host restarting"));
    }

    /** Ends every live stream with this status, as a host refusing a terminal does. */
    public synchronized void failStreams(Status status) {
        for (StreamObserver<HostCommand> s : streams) {
            s.onError(status.asRuntimeException());
        }
        streams.clear();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
