package com.vproptrader.ui.feed;

import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.AdminUpdate;
import com.vproptrader.proto.DailyDigest;
import com.vproptrader.proto.DigestRequest;
import com.vproptrader.proto.PerformanceReport;
import com.vproptrader.proto.PerformanceRequest;
import com.vproptrader.proto.TradeLog;
import com.vproptrader.proto.TradeLogRequest;
import com.vproptrader.proto.TradeRecord;
import com.vproptrader.proto.EquityPoint;
import com.vproptrader.proto.EquityRequest;
import com.vproptrader.proto.EquitySeries;
import com.vproptrader.proto.LearningAdminGrpc;
import com.vproptrader.proto.WatchRequest;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.file.Path;
import io.grpc.Status;
import com.vproptrader.proto.OperatorReply;
import com.vproptrader.proto.ChallengeForecast;
import com.vproptrader.proto.FollowRiskAdviceRequest;
import com.vproptrader.proto.OperatorRequest;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one AdminService client of a UI server. It follows the host's {@code Watch} stream, folds every
 * update into an immutable {@link AdminSnapshot} and hands each new snapshot to its subscribers.
 *
 * <p>Handler contract: subscribers are called on a gRPC or feed thread, one snapshot at a time, in order;
 * they must not block (views hand the snapshot to {@code UI.access} and return). When the stream breaks
 * the snapshot keeps the last values with {@link LinkState#DISCONNECTED}, and the feed re-dials with
 * backoff (0.25 s doubling to 5 s); on each (re)connection it reloads the equity history first, so the
 * curve has no hole.
 *
 * <p>Each {@link AdminUpdate} is read as the full current state: its status, its plugin list and its
 * position list replace the previous ones; its equity point is appended when newer than the last one.
 */
public final class AdminFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminFeed.class);
    private static final long MAX_BACKOFF_MS = 5_000;
    /** Closed trades kept from the host's trade log (newest). */
    public static final int TRADES_KEPT = 2_000;
    private static final long REPORTS_EVERY_MS = 3_000;

    private final String target;
    private final int watchIntervalMs;
    private final int maxEquityPoints;
    private final ManagedChannel channel;
    private final AdminServiceGrpc.AdminServiceStub admin;
    private final ScheduledExecutorService scheduler;
    private final AtomicReference<AdminSnapshot> snapshot = new AtomicReference<>(AdminSnapshot.initial());
    private final List<Consumer<AdminSnapshot>> subscribers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile ClientCallStreamObserver<WatchRequest> call;
    private volatile boolean closed;
    private long backoffMs = 250;

    private AdminFeed(String target, ChannelCredentials credentials, int watchIntervalMs, int maxEquityPoints,
                      ClientInterceptor... interceptors) {
        this.target = target;
        this.watchIntervalMs = watchIntervalMs;
        this.maxEquityPoints = maxEquityPoints;
        this.channel = Grpc.newChannelBuilder(target, credentials).intercept(interceptors).build();
        this.admin = AdminServiceGrpc.newStub(channel);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-admin-feed");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts following the host at {@code target}; returns at once (the link comes up in the background). */
    public static AdminFeed start(String target, int watchIntervalMs, int maxEquityPoints, ClientInterceptor... interceptors) {
        return start(target, InsecureChannelCredentials.create(), watchIntervalMs, maxEquityPoints, interceptors);
    }

    /** As above over {@code credentials}, e.g. {@link #tlsTrusting} for a host that serves gRPC over TLS. */
    public static AdminFeed start(String target, ChannelCredentials credentials, int watchIntervalMs, int maxEquityPoints,
                                  ClientInterceptor... interceptors) {
        AdminFeed feed = new AdminFeed(target, credentials, watchIntervalMs, maxEquityPoints, interceptors);
        feed.scheduler.execute(feed::connect);
        feed.scheduler.scheduleWithFixedDelay(feed::pollReports, 0, REPORTS_EVERY_MS, TimeUnit.MILLISECONDS);
        return feed;
    }

    /**
     * TLS that trusts only the CA certificate(s) in {@code caPem} (PEM): the host's certificate must chain to one of
     * them and name the target's host (SAN), else every call fails and the link says why.
     *
     * @throws IOException when the file cannot be read or holds no certificate
     */
    public static ChannelCredentials tlsTrusting(Path caPem) throws IOException {
        String refused = "cannot use " + caPem + " as the hosts' CA (PEM certificates expected): ";
        try (var in = java.nio.file.Files.newInputStream(caPem)) {
            // read here first: gRPC would only find out at the first handshake
            if (java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new IOException(refused + "no certificate in it");
            }
            return TlsChannelCredentials.newBuilder().trustManager(caPem.toFile()).build();
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            throw new IOException(refused + e.getMessage(), e);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(refused) ? e : new IOException(refused + e, e);
        }
    }

    public String target() {
        return target;
    }

    /** A client of the host's learning service on this feed's channel (the Learning page's reads and commands). */
    public LearningAdminGrpc.LearningAdminBlockingStub learning() {
        return LearningAdminGrpc.newBlockingStub(channel);
    }

    public AdminSnapshot snapshot() {
        return snapshot.get();
    }

    /** An operator's action on the host; what the host answered, or a refusal saying why it never got there. */
    public OperatorReply act(OperatorCommand command, OperatorRequest request) {
        AdminServiceGrpc.AdminServiceBlockingStub host = AdminServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        return answer(() -> switch (command) {
            case HALT -> host.halt(request);
            case RESUME -> host.resume(request);
            case FLATTEN_ALL -> host.flattenAll(request);
            case FOLLOW_RISK_ADVICE, STOP_FOLLOWING_ADVICE -> followReply(host.followRiskAdvice(
                    FollowRiskAdviceRequest.newBuilder().setFollow(command == OperatorCommand.FOLLOW_RISK_ADVICE)
                            .setOperator(request.getOperator()).setReason(request.getReason()).build()));
        });
    }

    /** Sends a plugin JAR for the host's plugin folder (or its shadow folder); the host's answer or a refusal. */
    public OperatorReply uploadPlugin(com.vproptrader.proto.PluginUpload upload) {
        return answer(() -> AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .uploadPlugin(upload));
    }

    /** What an operator can do to a serving plugin: take it out of service, bring it back, or go one version back. */
    public enum PluginCommandKind { DISABLE, ENABLE, ROLLBACK }

    /** Disables, enables or rolls back a plugin on the host; the host's answer or a refusal. */
    public OperatorReply pluginCommand(PluginCommandKind kind, com.vproptrader.proto.PluginCommand command) {
        AdminServiceGrpc.AdminServiceBlockingStub host = AdminServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(30, TimeUnit.SECONDS);
        return answer(() -> switch (kind) {
            case DISABLE -> host.disablePlugin(command);
            case ENABLE -> host.enablePlugin(command);
            case ROLLBACK -> host.rollbackPlugin(command);
        });
    }

    private static OperatorReply answer(java.util.function.Supplier<OperatorReply> call) {
        try {
            return call.get();
        } catch (io.grpc.StatusRuntimeException e) {
            String refusedBy = switch (e.getStatus().getCode()) {
                case PERMISSION_DENIED -> "NOT_OPERATOR";
                case FAILED_PRECONDITION -> "NO_FORECAST";
                case INVALID_ARGUMENT, CANCELLED -> "MISSING_REASON";
                default -> "HOST_UNREACHABLE";
            };
            return OperatorReply.newBuilder().setAccepted(false).setRefusedBy(refusedBy)
                    .setDetail(e.getStatus().getCode() + ": " + e.getStatus().getDescription()).build();
        }
    }

    /** Asks the host for its reports; on failure keeps the last ones (the link state says the host is gone). */
    private void pollReports() {
        if (closed) {
            return;
        }
        AdminServiceGrpc.AdminServiceBlockingStub host = AdminServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS);
        try {
            TradeLog log = host.getTradeLog(TradeLogRequest.newBuilder().setLimit(TRADES_KEPT).build());
            List<TradeRecord> trades = new ArrayList<>(log.getTradesList());
            trades.sort(java.util.Comparator.comparingLong(TradeRecord::getCloseTimeMsc).reversed());
            PerformanceReport total = host.getPerformance(PerformanceRequest.getDefaultInstance());
            long weekStart = weekStartMsc(snapshot.get().status().getCompliance().getDayStartMsc());
            PerformanceReport week = weekStart == 0 ? PerformanceReport.getDefaultInstance()
                    : host.getPerformance(PerformanceRequest.newBuilder().setFromMsc(weekStart).build());
            List<DailyDigest> digests = new ArrayList<>(host.getDailyDigests(DigestRequest.getDefaultInstance()).getDaysList());
            digests.sort(java.util.Comparator.comparingLong(DailyDigest::getDayStartMsc).reversed());
            HostReports reports = new HostReports(trades, total, week, digests, bandit(host), System.currentTimeMillis());
            publish(current -> current.withReports(reports));
        } catch (io.grpc.StatusRuntimeException e) {
            LOG.debug("reports of {} not read: {}", target, e.getStatus());
        } catch (RuntimeException e) {
            LOG.warn("reports of {} not read", target, e);
        }
    }

    /** The bandit's posteriors; none from a host that does not offer them (an older host), the other reports still shown. */
    private com.vproptrader.proto.BanditPosteriors bandit(AdminServiceGrpc.AdminServiceBlockingStub host) {
        try {
            return host.getBanditPosteriors(com.vproptrader.proto.BanditRequest.getDefaultInstance());
        } catch (io.grpc.StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
                throw e;
            }
            return com.vproptrader.proto.BanditPosteriors.getDefaultInstance();
        }
    }

    /** Monday 00:00 of the week holding {@code dayStartMsc} (broker server time written as UTC); 0 for 0. */
    static long weekStartMsc(long dayStartMsc) {
        if (dayStartMsc == 0) {
            return 0;
        }
        java.time.LocalDateTime day = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(dayStartMsc, 1000), 0,
                java.time.ZoneOffset.UTC);
        return day.toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC) * 1000;
    }

    /** The host's answer to FollowRiskAdvice as an operator reply: the sizer's per-trade cap now. */
    private static OperatorReply followReply(ChallengeForecast after) {
        return OperatorReply.newBuilder().setAccepted(true).setDetail(String.format(java.util.Locale.ROOT,
                "sizer's per-trade cap %.2f%%%s", after.getPerTradeCapPct(),
                after.getFollowingAdvice() ? " (following the advice)" : " (the pack's)")).build();
    }

    /**
     * The operator actions AdminService offers. FOLLOW_RISK_ADVICE / STOP_FOLLOWING_ADVICE: the sizer's per-trade
     * cap follows the navigator's advised risk, or goes back to the pack's.
     */
    public enum OperatorCommand { HALT, RESUME, FLATTEN_ALL, FOLLOW_RISK_ADVICE, STOP_FOLLOWING_ADVICE }

    /**
     * Calls {@code subscriber} with every new snapshot until the returned handle is run.
     * The current snapshot is not replayed: read {@link #snapshot()} first.
     */
    public Runnable subscribe(Consumer<AdminSnapshot> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    private void connect() {
        if (closed) {
            return;
        }
        publish(current -> current.withLink(LinkState.CONNECTING, current.linkError()));
        admin.withDeadlineAfter(5, TimeUnit.SECONDS)
                .getEquitySeries(EquityRequest.newBuilder().setMaxPoints(maxEquityPoints).build(),
                        new StreamObserver<>() {
                            @Override
                            public void onNext(EquitySeries series) {
                                publish(current -> replaceEquity(current, series.getPointsList()));
                            }

                            @Override
                            public void onError(Throwable error) {
                                linkDown(error);
                            }

                            @Override
                            public void onCompleted() {
                                watch();
                            }
                        });
    }

    private void watch() {
        if (closed) {
            return;
        }
        WatchRequest request = WatchRequest.newBuilder().setMinIntervalMs(watchIntervalMs).build();
        admin.watch(request, new ClientResponseObserver<WatchRequest, AdminUpdate>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<WatchRequest> requestStream) {
                call = requestStream;
            }

            @Override
            public void onNext(AdminUpdate update) {
                synchronized (lock) {
                    backoffMs = 250;
                }
                publish(current -> apply(current, update));
            }

            @Override
            public void onError(Throwable error) {
                linkDown(error);
            }

            @Override
            public void onCompleted() {
                linkDown(Status.UNAVAILABLE.withDescription("host ended the Watch stream").asRuntimeException());
            }
        });
    }

    private void linkDown(Throwable error) {
        if (closed) {
            return;
        }
        Status status = Status.fromThrowable(error);
        // the cause says what a bare "UNAVAILABLE: io exception" does not, e.g. a certificate the CA did not sign
        String reason = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription())
                + causes(status.getCause());
        LOG.debug("AdminService link to {} down: {}", target, reason);
        publish(current -> current.withLink(LinkState.DISCONNECTED, reason));
        long delay;
        synchronized (lock) {
            delay = backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
        if (!scheduler.isShutdown()) {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** " (First: message; Root: message)" of a failure's causes, or "": TLS says why only in the innermost one. */
    static String causes(Throwable cause) {
        if (cause == null) {
            return "";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return " (" + first + (root == cause ? "" : "; " + root.getClass().getSimpleName() + ": " + root.getMessage()) + ")";
    }

    private AdminSnapshot apply(AdminSnapshot current, AdminUpdate update) {
        List<EquityPoint> equity = current.equity();
        if (update.hasEquity()) {
            EquityPoint point = update.getEquity();
            if (equity.isEmpty() || point.getTimeMsc() >= equity.get(equity.size() - 1).getTimeMsc()) {
                List<EquityPoint> grown = new ArrayList<>(equity.size() + 1);
                grown.addAll(equity);
                if (!grown.isEmpty() && grown.get(grown.size() - 1).getTimeMsc() == point.getTimeMsc()) {
                    grown.set(grown.size() - 1, point);
                } else {
                    grown.add(point);
                }
                equity = newest(grown);
            }
        }
        return new AdminSnapshot(LinkState.CONNECTED, "",
                update.hasStatus() ? update.getStatus() : current.status(),
                update.getPluginsList(), update.getPositionViewsList(), equity, current.updates() + 1,
                System.currentTimeMillis(), current.reports());
    }

    private AdminSnapshot replaceEquity(AdminSnapshot current, List<EquityPoint> points) {
        return new AdminSnapshot(current.link(), current.linkError(), current.status(), current.plugins(),
                current.positions(), newest(points), current.updates(), current.lastUpdateMs(), current.reports());
    }

    private List<EquityPoint> newest(List<EquityPoint> points) {
        return points.size() <= maxEquityPoints ? points : points.subList(points.size() - maxEquityPoints, points.size());
    }

    private void publish(UnaryOperator<AdminSnapshot> change) {
        AdminSnapshot next;
        synchronized (lock) {
            next = change.apply(snapshot.get());
            snapshot.set(next);
            for (Consumer<AdminSnapshot> subscriber : subscribers) {
                try {
                    subscriber.accept(next);
                } catch (RuntimeException e) {
                    LOG.warn("UI subscriber failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        ClientCallStreamObserver<WatchRequest> running = call;
        if (running != null) {
            running.cancel("UI closing", null);
        }
        scheduler.shutdownNow();
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
