package com.vproptrader.host.app;

import com.vproptrader.host.background.BackgroundThreads;
import com.vproptrader.host.analytics.AccountReports;
import com.vproptrader.host.analytics.DailyDigests;
import com.vproptrader.host.engine.AccountEngine;
import com.vproptrader.host.engine.Clock;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.learn.LearningDesk;
import com.vproptrader.host.learn.CandidateFeatures;
import com.vproptrader.host.learn.TrainingRows;
import com.vproptrader.host.memory.LongTermMemory;
import com.vproptrader.host.memory.TradeStore;
import com.vproptrader.host.memory.MemoryConfig;
import com.vproptrader.host.monitor.HostMetrics;
import com.vproptrader.telemetry.MetricsEndpoint;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.rpc.AdminServiceImpl;
import com.vproptrader.host.rpc.LearningAdminImpl;
import com.vproptrader.host.rpc.TerminalLinkService;
import com.vproptrader.host.rpc.AdminTokenCheck;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A running host: journal, plugin host, the account's event loop, and the gRPC server in front of them. */
public final class Host implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Host.class);
    /** The model registry's SQLite file, beside the journal. */
    public static final String LEARNING_FILE = "learning.db";

    private final Journal journal;
    private final PluginHost plugins;
    private final LearningDesk learning;
    private final AccountEngine engine;
    private final LongTermMemory longTermMemory;
    private final ScheduledExecutorService timer;
    /** Retraining from the memory's training rows, off the event loop (docs/learning.md). */
    private final ScheduledExecutorService learningThread;
    private final HealthStatusManager health = new HealthStatusManager();
    private final Server server;
    private final MetricsEndpoint metrics;

    private Host(HostConfig config, MemoryConfig memory, Deployment deployment) {
        journal = Journal.open(config.journalFile());
        plugins = new PluginHost(config.pluginDir(), config.pluginCallBudget(), deployment.pluginAllowList());
        plugins.start();
        longTermMemory = new LongTermMemory(config.journalFile(), memory.storeUrl());
        longTermMemory.follow(journal);
        // the evidence of earlier runs (closed trades) carries over a restart, also without Redis
        engine = new AccountEngine(config, plugins, journal, Clock.wall(),
                memory.startingFrom(longTermMemory.catchUpAndRecall(memory.capacity())));
        double initialBalance = engine.rulePack().initialBalance().toDouble();
        DailyDigests digests = new DailyDigests(longTermMemory.store(), LongTermMemory.digestsBeside(config.journalFile()),
                initialBalance);
        longTermMemory.onDayClosed(digests::onDayClosed);
        longTermMemory.start();
        AccountReports reports = new AccountReports(longTermMemory.store(), digests, initialBalance,
                longTermMemory::similarTrades);
        learning = new LearningDesk(config.journalFile().toAbsolutePath().resolveSibling(LEARNING_FILE),
                config.pluginDir(), plugins, System::currentTimeMillis);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "admin-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(engine::heartbeat, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
        learningThread = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("learning"));
        long every = Long.getLong("learn.check.seconds", 60);
        learningThread.scheduleWithFixedDelay(this::learnFromMemory, every, every, TimeUnit.SECONDS);
        server = serverBuilder(config, deployment)
                .callExecutor(TerminalLinkService.DIRECT) // the terminal stream only enqueues: no thread hop
                .addService(new TerminalLinkService(engine))
                .addService(operator(deployment,
                        new AdminServiceImpl("host-" + ProcessHandle.current().pid(), engine, plugins, timer, reports,
                                learning::rollback)))
                .addService(operator(deployment, new LearningAdminImpl(learning)))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .addService(ProtoReflectionService.newInstance()) // v1alpha, for older grpcurl and grpc_cli
                .build();
        try {
            server.start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.grpcPort(), e);
        }
        if (deployment.metricsPort().isPresent()) {
            metrics = MetricsEndpoint.start(config.bindAddress(), deployment.metricsPort().getAsInt(), "host",
                    "account", config.accountId());
            HostMetrics.attach(metrics, engine, plugins);
        } else {
            metrics = null;
        }
        health.setStatus("", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
        // Every service by its full name, so a named check (grpc_health_probe -service=...) answers too.
        for (io.grpc.ServerServiceDefinition service : server.getServices()) {
            health.setStatus(service.getServiceDescriptor().getName(),
                    io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
        }
        log.info("host listening on {}:{}, plugins from {}, journal {}", config.bindAddress(), grpcPort(),
                config.pluginDir().toAbsolutePath(), config.journalFile().toAbsolutePath());
    }

    /** Plaintext, or TLS with the deployment's certificate. */
    private static NettyServerBuilder serverBuilder(HostConfig config, Deployment deployment) {
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.grpcPort());
        if (deployment.tlsCert() == null) {
            return NettyServerBuilder.forAddress(address);
        }
        try {
            return NettyServerBuilder.forAddress(address,
                    TlsServerCredentials.create(deployment.tlsCert().toFile(), deployment.tlsKey().toFile()));
        } catch (IOException | IllegalArgumentException e) {
            // Name the files, never their content: the key is a secret.
            throw new IllegalArgumentException("TLS: cannot use certificate " + deployment.tlsCert() + " with key "
                    + deployment.tlsKey() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** An operator service, behind the admin token when the deployment has one. */
    private static io.grpc.ServerServiceDefinition operator(Deployment deployment, io.grpc.BindableService service) {
        return deployment.adminToken().isEmpty() ? service.bindService()
                : ServerInterceptors.intercept(service, new AdminTokenCheck(deployment.adminToken()));
    }

    /** A host whose short-term memory is in process, or in Redis when the {@code redis.url} property is set. */
    public static Host start(HostConfig config) {
        return new Host(config, MemoryConfig.fromSystemProperties(), Deployment.defaults());
    }

    public static Host start(HostConfig config, MemoryConfig memory) {
        return new Host(config, memory, Deployment.defaults());
    }

    public static Host start(HostConfig config, MemoryConfig memory, Deployment deployment) {
        return new Host(config, memory, deployment);
    }

    /** One step of the retrain loop on what the long-term store holds, at the store's event time. */
    private void learnFromMemory() {
        try {
            TradeStore store = longTermMemory.store();
            String did = learning.retrain(store.latestEventMsc(),
                    TrainingRows.from(store, CandidateFeatures.DEFAULT.schema()));
            if (!did.isEmpty()) {
                log.info("learning: {}", did);
            }
        } catch (RuntimeException e) {
            log.warn("learning: retrain step failed, next check as scheduled: {}", e.toString());
        }
    }

    public int grpcPort() {
        return server.getPort();
    }

    /** The port of {@code /metrics}, or -1 when the host serves none. */
    public int metricsPort() {
        return metrics == null ? -1 : metrics.port();
    }

    public Journal journal() {
        return journal;
    }

    public AccountEngine engine() {
        return engine;
    }

    /** The account's closed trades, fills, entries and decisions in SQLite, indexed from the journal. */
    public LongTermMemory longTermMemory() {
        return longTermMemory;
    }

    /** The learning loop's registry and commands (model versions, promotion, rollback). */
    public LearningDesk learning() {
        return learning;
    }

    public PluginHost plugins() {
        return plugins;
    }

    @Override
    public void close() {
        health.enterTerminalState();
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (metrics != null) {
            metrics.close();
        }
        timer.shutdownNow();
        learningThread.shutdownNow(); // a retrain under way finishes first: the desk's close waits for it
        engine.close();
        plugins.close();
        learning.close();
        journal.close();
        longTermMemory.close();
    }
}
