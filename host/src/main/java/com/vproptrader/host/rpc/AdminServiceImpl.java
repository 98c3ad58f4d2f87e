package com.vproptrader.host.rpc;

import com.vproptrader.host.analytics.AccountReports;
import com.vproptrader.host.engine.AccountEngine;
import com.vproptrader.proto.DigestList;
import com.vproptrader.proto.DigestRequest;
import com.vproptrader.proto.PerformanceReport;
import com.vproptrader.proto.PerformanceRequest;
import com.vproptrader.proto.TradeLog;
import com.vproptrader.proto.TradeLogRequest;
import com.vproptrader.host.engine.OperatorAction;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.AdminUpdate;
import com.vproptrader.proto.ChallengeForecast;
import com.vproptrader.proto.FollowRiskAdviceRequest;
import com.vproptrader.proto.NavigatorRequest;
import com.vproptrader.proto.EquityRequest;
import com.vproptrader.proto.EquitySeries;
import com.vproptrader.proto.OperatorReply;
import com.vproptrader.proto.OperatorRequest;
import com.vproptrader.proto.PluginList;
import com.vproptrader.proto.PluginsRequest;
import com.vproptrader.proto.PositionList;
import com.vproptrader.proto.PositionsRequest;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.StatusRequest;
import com.vproptrader.proto.WatchRequest;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The operator's view of the host and its actions. Every read is a copy built on the account loop
 * between events and changes nothing; halt, resume, flatten and follow-risk-advice run on the loop too.
 */
public final class AdminServiceImpl extends AdminServiceGrpc.AdminServiceImplBase {
    private static final int MIN_WATCH_INTERVAL_MS = 100;

    private final AccountEngine engine;
    private final PluginHost plugins;
    private final ScheduledExecutorService timer;
    private final String hostId;
    private final AccountReports reports;
    private final java.util.function.UnaryOperator<String> modelRollback;

    /**
     * @param modelRollback the learning loop's model rollback (a note in, the version serving again out), which
     *                      RollbackPlugin of the model plugin goes through
     */
    public AdminServiceImpl(String hostId, AccountEngine engine, PluginHost plugins, ScheduledExecutorService timer,
                            AccountReports reports, java.util.function.UnaryOperator<String> modelRollback) {
        this.modelRollback = modelRollback;
        this.reports = reports;
        this.hostId = hostId;
        this.engine = engine;
        this.plugins = plugins;
        this.timer = timer;
    }

    @Override
    public void getStatus(StatusRequest request, StreamObserver<Status> out) {
        out.onNext(update().getStatus());
        out.onCompleted();
    }

    @Override
    public void listPlugins(PluginsRequest request, StreamObserver<PluginList> out) {
        out.onNext(PluginList.newBuilder().addAllPlugins(engine.pluginsWithShadowPaper()).build());
        out.onCompleted();
    }

    @Override
    public void listPositions(PositionsRequest request, StreamObserver<PositionList> out) {
        AdminUpdate u = update();
        out.onNext(PositionList.newBuilder().addAllPositions(u.getPositionsList()).addAllViews(u.getPositionViewsList())
                .build());
        out.onCompleted();
    }

    @Override
    public void getEquitySeries(EquityRequest request, StreamObserver<EquitySeries> out) {
        out.onNext(EquitySeries.newBuilder().addAllPoints(engine.equitySeries(request.getMaxPoints())).build());
        out.onCompleted();
    }

    @Override
    public void getTradeLog(TradeLogRequest request, StreamObserver<TradeLog> out) {
        out.onNext(reports.tradeLog(request));
        out.onCompleted();
    }

    @Override
    public void getSimilarTrades(com.vproptrader.proto.SimilarTradesRequest request,
                                 StreamObserver<com.vproptrader.proto.SimilarTrades> out) {
        try {
            out.onNext(reports.similarTrades(request));
            out.onCompleted();
        } catch (IllegalArgumentException e) {
            out.onError(io.grpc.Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        }
    }

    @Override
    public void getDailyDigests(DigestRequest request, StreamObserver<DigestList> out) {
        out.onNext(reports.digests(request));
        out.onCompleted();
    }

    @Override
    public void getPerformance(PerformanceRequest request, StreamObserver<PerformanceReport> out) {
        out.onNext(reports.performance(request));
        out.onCompleted();
    }

    @Override
    public void getNavigator(NavigatorRequest request, StreamObserver<ChallengeForecast> out) {
        out.onNext(engine.navigatorForecast());
        out.onCompleted();
    }

    @Override
    public void getBanditPosteriors(com.vproptrader.proto.BanditRequest request,
                                    StreamObserver<com.vproptrader.proto.BanditPosteriors> out) {
        out.onNext(engine.banditPosteriors());
        out.onCompleted();
    }

    /** The one operator action here that changes state: it goes through the account loop like any event. */
    @Override
    public void followRiskAdvice(FollowRiskAdviceRequest request, StreamObserver<ChallengeForecast> out) {
        if (request.getOperator().isBlank() || request.getReason().isBlank()) {
            out.onError(io.grpc.Status.INVALID_ARGUMENT.withDescription("operator and reason are required")
                    .asRuntimeException());
            return;
        }
        ChallengeForecast after = engine.followRiskAdvice(request.getFollow(), request.getOperator().trim(),
                request.getReason().trim());
        if (request.getFollow() && !after.getReady()) {
            out.onError(io.grpc.Status.FAILED_PRECONDITION.withDescription("no forecast yet: nothing to follow")
                    .asRuntimeException());
            return;
        }
        out.onNext(after);
        out.onCompleted();
    }

    /** Sends a snapshot now and then whenever it differs from the last one sent, polled at the asked interval. */
    @Override
    public void watch(WatchRequest request, StreamObserver<AdminUpdate> out) {
        ServerCallStreamObserver<AdminUpdate> call = (ServerCallStreamObserver<AdminUpdate>) out;
        long interval = Math.max(MIN_WATCH_INTERVAL_MS, request.getMinIntervalMs());
        AtomicReference<AdminUpdate> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        call.setOnCancelHandler(() -> {
            ScheduledFuture<?> t = task.get();
            if (t != null) {
                t.cancel(false);
            }
        });
        task.set(timer.scheduleAtFixedRate(() -> {
            if (call.isCancelled()) {
                return;
            }
            AdminUpdate now = update();
            AdminUpdate comparable = now.toBuilder().setStatus(now.getStatus().toBuilder().clearWallTimeMs()).build();
            if (!comparable.equals(last.get())) {
                last.set(comparable);
                synchronized (call) {
                    call.onNext(now);
                }
            }
        }, 0, interval, TimeUnit.MILLISECONDS));
    }

    @Override
    public void halt(OperatorRequest request, StreamObserver<OperatorReply> out) {
        act(OperatorAction.HALT, request, out);
    }

    @Override
    public void resume(OperatorRequest request, StreamObserver<OperatorReply> out) {
        act(OperatorAction.RESUME, request, out);
    }

    @Override
    public void flattenAll(OperatorRequest request, StreamObserver<OperatorReply> out) {
        act(OperatorAction.FLATTEN_ALL, request, out);
    }

    /** Drops the JAR into the plugin folder and journals who and why on the account loop (refusals change nothing). */
    @Override
    public void uploadPlugin(com.vproptrader.proto.PluginUpload request, StreamObserver<OperatorReply> out) {
        OperatorReply reply = PluginDrop.drop(plugins, request);
        if (reply.getAccepted()) {
            engine.journalOperatorAction("UPLOAD_PLUGIN", OperatorRequest.newBuilder().setOperator(request.getOperator())
                    .setReason(request.getReason()).build(), reply.getDetail());
        }
        out.onNext(reply);
        out.onCompleted();
    }

    @Override
    public void disablePlugin(com.vproptrader.proto.PluginCommand request, StreamObserver<OperatorReply> out) {
        pluginCommand("DISABLE_PLUGIN", request, out, () -> plugins.disable(request.getPluginId(), reason(request)));
    }

    @Override
    public void enablePlugin(com.vproptrader.proto.PluginCommand request, StreamObserver<OperatorReply> out) {
        pluginCommand("ENABLE_PLUGIN", request, out, () -> plugins.enable(request.getPluginId(), reason(request)));
    }

    /** The model plugin rolls back through the learning loop's registry (what serves is the registry's record). */
    @Override
    public void rollbackPlugin(com.vproptrader.proto.PluginCommand request, StreamObserver<OperatorReply> out) {
        pluginCommand("ROLLBACK_PLUGIN", request, out, () -> request.getPluginId()
                .equals(com.vproptrader.host.learn.ModelProbability.PLUGIN_ID)
                ? "rolled back the model: " + modelRollback.apply(reason(request)) + " serves again"
                : plugins.rollback(request.getPluginId(), reason(request)));
    }

    private static String reason(com.vproptrader.proto.PluginCommand request) {
        return "by " + request.getOperator().trim() + ": " + request.getReason().trim();
    }

    /** Runs a plugin command off the loop (the plugin host's control thread), then journals who and why on the loop. */
    private void pluginCommand(String action, com.vproptrader.proto.PluginCommand request,
                               StreamObserver<OperatorReply> out, java.util.function.Supplier<String> command) {
        OperatorReply.Builder reply = OperatorReply.newBuilder();
        if (request.getOperator().isBlank() || request.getReason().isBlank()) {
            reply.setRefusedBy("MISSING_REASON").setDetail("operator and reason are required");
        } else if (request.getPluginId().isBlank()) {
            reply.setRefusedBy("NO_SUCH_PLUGIN").setDetail("plugin_id is required");
        } else {
            try {
                String done = command.get();
                engine.journalOperatorAction(action, OperatorRequest.newBuilder().setOperator(request.getOperator())
                        .setReason(request.getReason()).build(), request.getPluginId() + ": " + done);
                reply.setAccepted(true).setDetail(done);
            } catch (IllegalArgumentException e) {
                reply.setRefusedBy(action.equals("ENABLE_PLUGIN") ? "NOT_DISABLED" : "NO_SUCH_PLUGIN")
                        .setDetail(e.getMessage());
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                reply.setRefusedBy(action.equals("ROLLBACK_PLUGIN") ? "NOTHING_TO_ROLL_BACK" : "NOT_VALID")
                        .setDetail(e.getMessage());
            }
        }
        out.onNext(reply.build());
        out.onCompleted();
    }

    private void act(OperatorAction action, OperatorRequest request, StreamObserver<OperatorReply> out) {
        out.onNext(engine.operate(action, request));
        out.onCompleted();
    }

    private AdminUpdate update() {
        AdminUpdate u = engine.snapshot();
        return u.toBuilder().setStatus(u.getStatus().toBuilder().setHostId(hostId)).build();
    }
}
