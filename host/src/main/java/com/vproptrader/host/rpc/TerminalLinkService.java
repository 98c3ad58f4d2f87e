package com.vproptrader.host.rpc;

import com.vproptrader.host.engine.AccountEngine;
import com.vproptrader.host.engine.TerminalSession;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.TerminalLinkGrpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;


/**
 * The gateway's stream: the first event must be a Hello (auth + full snapshot); after that every event goes
 * to the account's loop in order, and the loop's commands come back on the same stream. Nothing here waits
 * (the hello's answer comes from the loop), so the stream runs on the transport thread ({@link #DIRECT}).
 */
public final class TerminalLinkService extends TerminalLinkGrpc.TerminalLinkImplBase {
    private static final Logger log = LoggerFactory.getLogger(TerminalLinkService.class);

    /** The terminal stream's calls run on the transport thread; every other service on gRPC's default executor. */
    public static final ServerCallExecutorSupplier DIRECT = new ServerCallExecutorSupplier() {
        private final Executor direct = Runnable::run;


        @Override
        public <ReqT, RespT> Executor getExecutor(ServerCall<ReqT, RespT> call, Metadata headers) {
            return TerminalLinkGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())
                    ? direct : null;
        }
    };

    private final AccountEngine engine;

    public TerminalLinkService(AccountEngine engine) {
        this.engine = engine;
    }

    @Override
    public StreamObserver<TerminalEvent> connect(StreamObserver<HostCommand> responses) {
        ServerCallStreamObserver<HostCommand> out = (ServerCallStreamObserver<HostCommand>) responses;
        return new StreamObserver<>() {
            private Session session;

            @Override
            public void onNext(TerminalEvent event) {
                if (session != null) {
                    engine.onEvent(session, event);
                    return;
                }
                if (!event.hasHello()) {
                    out.onError(Status.FAILED_PRECONDITION.withDescription("first event must be hello").asRuntimeException());
                    return;
                }
                Session candidate = new Session(out);
                session = candidate; // later events queue behind the hello; the loop drops them if it is refused
                engine.connect(candidate, event.getHello(), refused -> refused.ifPresent(reason -> {
                    log.warn("terminal refused: {}", reason);
                    candidate.refuse(Status.PERMISSION_DENIED.withDescription(reason));
                }));
            }

            @Override
            public void onError(Throwable t) {
                log.info("terminal stream failed: {}", t.toString());
                end();
            }

            @Override
            public void onCompleted() {
                end();
                out.onCompleted();
            }

            private void end() {
                if (session != null) {
                    session.closed = true;
                    engine.disconnected(session);
                }
            }
        };
    }

    /** Commands are only ever sent from the account loop's thread, so the observer sees no concurrent calls. */
    private static final class Session implements TerminalSession {
        private final ServerCallStreamObserver<HostCommand> out;
        private volatile boolean closed;

        Session(ServerCallStreamObserver<HostCommand> out) {
            this.out = out;
        }

        @Override
        public void send(HostCommand command) {
            if (!closed && !out.isCancelled()) {
                out.onNext(command);
            }
        }

        void refuse(Status status) {
            if (!closed) {
                closed = true;
                out.onError(status.asRuntimeException());
            }
        }

        @Override
        public void close(String reason) {
            if (!closed) {
                closed = true;
                out.onError(Status.ABORTED.withDescription(reason).asRuntimeException());
            }
        }
    }
}
