package com.vproptrader.gateway;

import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.TerminalLinkGrpc;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/**
 * One {@code TerminalLink.Connect} bidi stream for one EA connection. gRPC forbids concurrent calls
 * on the request side, so sending and completing are serialised here.
 */
final class HostStream {

    /** Called on the gRPC transport thread (the gateway's event loop). */
    interface Listener {
        void onCommand(HostCommand command);

        /** The stream is over: {@code error} is null when the host completed it normally. */
        void onEnd(Throwable error);
    }

    private ClientCallStreamObserver<TerminalEvent> requests;
    private boolean done;

    private HostStream() {
    }

    static HostStream open(Channel channel, Listener listener) {
        HostStream s = new HostStream();
        TerminalLinkGrpc.newStub(channel).connect(new ClientResponseObserver<TerminalEvent, HostCommand>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<TerminalEvent> requestStream) {
                s.requests = requestStream;
            }

            @Override
            public void onNext(HostCommand value) {
                listener.onCommand(value);
            }

            @Override
            public void onError(Throwable t) {
                s.markDone();
                listener.onEnd(t);
            }

            @Override
            public void onCompleted() {
                s.markDone();
                listener.onEnd(null);
            }
        });
        return s;
    }

    private synchronized void markDone() {
        done = true;
    }

    synchronized void send(TerminalEvent event) {
        if (!done) {
            requests.onNext(event);
        }
    }

    /** Half-closes: the host sees the EA went away and ends its side. */
    synchronized void complete() {
        if (!done) {
            done = true;
            requests.onCompleted();
        }
    }

    /** Abandons the stream (gateway shutdown). */
    synchronized void cancel(String why) {
        if (!done) {
            done = true;
            requests.cancel(why, null);
        }
    }
}
