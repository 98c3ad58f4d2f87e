package com.vproptrader.host.app;

import com.vproptrader.host.group.GroupLimits;
import com.vproptrader.host.memory.MemoryConfig;
import com.vproptrader.host.plugin.JarAllowList;
import com.vproptrader.host.memory.ShortTermMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import com.vproptrader.marketdata.quality.ValidationConfigFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Command line: {@code host --port 50051 --plugins plugins --journal journal.db}. Runs until killed. */
@Command(name = "host", mixinStandardHelpOptions = true, description = "VPropTrader host: one account's engine.")
public final class HostMain implements Callable<Integer> {
    private final HostConfig d = HostConfig.defaults();

    @Option(names = "--bind", description = "interface to listen on (default ${DEFAULT-VALUE})")
    String bind = d.bindAddress();
    @Option(names = "--port", description = "gRPC port (default ${DEFAULT-VALUE}; 0 = any free port)")
    int port = d.grpcPort();
    @Option(names = "--plugins", description = "plugin folder (default ${DEFAULT-VALUE})")
    Path plugins = d.pluginDir();
    @Option(names = "--journal", description = "SQLite journal file (default ${DEFAULT-VALUE})")
    Path journal = d.journalFile();
    @Option(names = "--account", description = "broker login to accept (default: the first terminal)")
    String account = d.accountId();
    @Option(names = "--token", description = "shared secret the terminal's hello must carry "
            + "(default: the one in --token-file)")
    String token;
    @Option(names = "--token-file", description = "file holding the link token, generated on first start "
            + "(default: link-token beside the journal)")
    Path tokenFile;
    @Option(names = "--no-token", description = "accept a terminal without a token (tests on a closed machine only)")
    boolean noToken;
    @Option(names = "--state", description = "SQLite file of the governors' state (default: beside the journal)")
    Path state;
    @Option(names = "--rule-pack", description = "bundled rule pack (ftmo-2step, ftmo-1step, the5ers-high-stakes, "
            + "fundednext-stellar-2step) or a JSON file (default ${DEFAULT-VALUE})")
    String rulePack = d.rulePack();
    @Option(names = "--calendar", description = "JSON file of restricted news events and market breaks")
    Path calendar;
    @Option(names = "--spread-cap", paramLabel = "POINTS", description = "the spread filter's absolute cap in points "
            + "(default: the filter's own, 30)")
    double spreadCap;
    @Option(names = "--macro", description = "macro config: FRED series, economic calendar export, headline feeds")
    Path macro;
    @Option(names = "--validation", description = "JSON tick-validation thresholds, per symbol if needed "
            + "(format in ops/RUNBOOK.md; default: built-in)")
    Path validation;
    @Option(names = "--redis-url", description = "keep the short-term memory of closed trades in Redis too, e.g. "
            + "redis://127.0.0.1:6379 (default: the redis.url system property; none = in process only)")
    String redisUrl = System.getProperty(MemoryConfig.REDIS_URL_PROPERTY, "");
    @Option(names = "--memory-store", description = "JDBC URL of the long-term store of trades and decisions: "
            + "jdbc:postgresql://HOST:PORT/DATABASE (one database per account; password from ~/.pgpass) or "
            + "jdbc:sqlite:FILE (default: a SQLite file beside the journal)")
    String memoryStore = "";
    @Option(names = "--group", description = "account group whose caps this host shares with the other hosts of the "
            + "group through --redis-url (default: none)")
    String group = "";
    @Option(names = "--group-max-lots", description = "lots on one symbol across the group's accounts (positions and "
            + "orders awaiting their fill); needs --group")
    BigDecimal groupMaxLots;
    @Option(names = "--group-max-holders", description = "accounts of the group holding one symbol at once "
            + "(0 = no cap; default ${DEFAULT-VALUE}); needs --group")
    int groupMaxHolders;
    @Option(names = "--plugin-budget-ms", description = "time budget of one plugin call (default ${DEFAULT-VALUE})")
    long budgetMs = d.pluginCallBudget().toMillis();
    @Option(names = "--plugin-allow-list", description = "load only plugin JARs whose SHA-256 this file lists "
            + "(sha256sum format, re-read at every drop); an unlisted JAR is quarantined (default: every JAR loads)")
    Path pluginAllowList;
    @Option(names = "--metrics-port", description = "serve Prometheus /metrics on this port of --bind "
            + "(0 = any free port; default: no endpoint)")
    Integer metricsPort;
    @Option(names = "--tls-cert", description = "certificate chain (PEM) of the gRPC port; with --tls-key every call "
            + "is TLS (default: plaintext)")
    Path tlsCert;
    @Option(names = "--tls-key", description = "unencrypted PKCS#8 private key (PEM) of --tls-cert")
    Path tlsKey;
    @Option(names = "--admin-token-file", description = "file holding the bearer token AdminService and LearningAdmin "
            + "require ('authorization: Bearer <token>'); default: none required")
    Path adminTokenFile;

    @Override
    public Integer call() throws InterruptedException, IOException {
        HostConfig beside = d.withJournalFile(journal);
        if (noToken) {
            token = "";
            System.out.println("WARNING: --no-token: any local client can open this account's terminal link");
        } else if (token == null) {
            Path file = tokenFile != null ? tokenFile : journal.toAbsolutePath().resolveSibling(LinkToken.FILE_NAME);
            token = LinkToken.loadOrCreate(file);
            System.out.println("link token in " + file + " (give it to the EA's InpToken input)");
        }
        HostConfig config = new HostConfig(bind, port, plugins, journal, state != null ? state : beside.stateFile(),
                rulePack, calendar, account, token, Duration.ofMillis(budgetMs), d.signalTtl(), d.minAlphaStrength(),
                d.historyLength(), validation == null ? d.validation() : ValidationConfigFile.load(validation), macro, 0)
                .withSpreadCapPoints(spreadCap);
        Deployment deployment = Deployment.defaults()
                .withPluginAllowList(pluginAllowList == null ? JarAllowList.off() : JarAllowList.of(pluginAllowList));
        if (metricsPort != null) {
            deployment = deployment.withMetricsPort(metricsPort);
        }
        if (tlsCert != null || tlsKey != null) {
            deployment = deployment.withTls(tlsCert, tlsKey);
        }
        if (adminTokenFile != null) {
            String adminToken = java.nio.file.Files.readString(adminTokenFile).strip();
            if (adminToken.isEmpty()) {
                throw new IllegalArgumentException("--admin-token-file " + adminTokenFile + " is empty");
            }
            deployment = deployment.withAdminToken(adminToken);
            System.out.println("operator services need the admin token in " + adminTokenFile);
        }
        Host host = Host.start(config, new MemoryConfig(redisUrl, ShortTermMemory.DEFAULT_CAPACITY).withStore(memoryStore)
                        .withGroup(group.isEmpty() ? null : new GroupLimits(group, groupMaxLots, groupMaxHolders)),
                deployment);
        if (host.metricsPort() >= 0) {
            System.out.println("metrics on http://" + bind + ":" + host.metricsPort() + "/metrics");
        }
        System.out.println("host ready on port " + host.grpcPort());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new HostMain()).execute(args));
    }
}
