package com.vproptrader.sim;

import com.vproptrader.proto.MarginMode;
import com.vproptrader.sim.broker.SymbolSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import com.vproptrader.marketdata.quality.ValidationConfigFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line: runs a {@link TerminalSim} against a gateway. Without {@code --loop} it exits
 * {@code --linger-ms} after the data runs out (so late fills still go out); with it, until Ctrl-C.
 */
@Command(name = "terminal-sim", mixinStandardHelpOptions = true,
        description = "MT5 terminal + broker stand-in that speaks the EA protocol to the gateway.")
public final class TerminalSimMain implements Callable<Integer> {
    private static final SimConfig D = SimConfig.defaults();

    @Option(names = "--gateway-host", description = "Gateway host (default: ${DEFAULT-VALUE}).")
    String gatewayHost = D.gatewayHost();

    @Option(names = "--gateway-port", description = "Gateway EA port (default: ${DEFAULT-VALUE}).")
    int gatewayPort = D.gatewayPort();

    @Option(names = "--account", description = "Account id (default: ${DEFAULT-VALUE}).")
    String account = D.accountId();

    @Option(names = "--token", description = "Hello token (default: empty).")
    String token = D.token();

    @Option(names = "--symbol", description = "Symbol, or with synthetic ticks a comma-separated list "
            + "(e.g. EURUSD,GBPUSD,USDJPY,XAUUSD,US30,NAS100) replayed together (default: ${DEFAULT-VALUE}).")
    String symbol = D.symbol();

    @Option(names = "--data", description = "MT5 'Export ticks' or 'Export bars' file; omitted = synthetic ticks.")
    Path data;

    @Option(names = "--synthetic-seed", description = "Seed for synthetic ticks (default: ${DEFAULT-VALUE}).")
    long syntheticSeed = D.syntheticSeed();

    @Option(names = "--synthetic-ticks", description = "Number of synthetic ticks (default: ${DEFAULT-VALUE}).")
    long syntheticTicks = D.syntheticTicks();

    @Option(names = "--balance", description = "Initial balance (default: ${DEFAULT-VALUE}).")
    double balance = D.initialBalance();

    @Option(names = "--currency", description = "Account currency (default: ${DEFAULT-VALUE}).")
    String currency = D.currency();

    @Option(names = "--leverage", description = "Leverage 1:N (default: ${DEFAULT-VALUE}).")
    double leverage = D.leverage();

    @Option(names = "--tps", description = "Replay ticks per second, 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    double tps = D.ticksPerSecond();

    @Option(names = "--loop", description = "Replay the data again and again.")
    boolean loop;

    @Option(names = "--heartbeat-ms", description = "Heartbeat interval (default: ${DEFAULT-VALUE}).")
    long heartbeatMs = D.heartbeatInterval().toMillis();

    @Option(names = "--silence-ms", description = "Reconnect after this much gateway silence (default: ${DEFAULT-VALUE}).")
    long silenceMs = D.silenceTimeout().toMillis();

    @Option(names = "--margin-mode", description = "NETTING or HEDGING (default: ${DEFAULT-VALUE}).")
    MarginMode marginMode = D.broker().marginMode();

    @Option(names = "--specs", description = "Symbol specs JSON (layout of the built-in symbol-specs.json); default: built-in, illustrative.")
    Path specs;

    @Option(names = "--slippage-points", description = "Largest slippage of a market order, points (default: ${DEFAULT-VALUE}).")
    int slippagePoints = D.broker().slippagePoints();

    @Option(names = "--slippage-both-ways", description = "Slippage either way with equal odds (default: always adverse).")
    boolean slippageBothWays;

    @Option(names = "--latency-ms", description = "Order latency in server time (default: ${DEFAULT-VALUE}).")
    long latencyMs = D.broker().latencyMsc();

    @Option(names = "--seed", description = "Seed of the broker's slippage (default: ${DEFAULT-VALUE}).")
    long seed = D.broker().seed();

    @Option(names = "--stop-out-pct", description = "Stop-out margin level, %; 0 = off (default: ${DEFAULT-VALUE}).")
    double stopOutPct = D.broker().stopOutLevelPct();

    @Option(names = "--break-even-after-tp1", description = "Move the SL to break-even after the TP1 partial, as the EA does.")
    boolean breakEven;

    @Option(names = "--validation", description = "Tick-validation thresholds JSON in front of the broker; give it "
            + "the host's --validation file so both refuse the same rows (default: built-in).")
    Path validation;
    @Option(names = "--tls-ca", description = "Speak TLS to the gateway, trusting the certificates in this PEM file "
            + "(default: plain TCP).")
    java.nio.file.Path tlsCa;

    @Option(names = "--server-clock", description = "The broker's server clock reported in the hello: EET_EU_DST, "
            + "NY_CLOSE or UTC, as rule packs name it (default: ${DEFAULT-VALUE}).")
    ServerZone serverClock = ServerZone.EET_EU_DST;
    @Option(names = "--stdin-commands", description = "Read commands from standard input, one a line: "
            + "'clock-jump DURATION' moves the server clock forward by an ISO-8601 duration (e.g. PT26H, P3D) from "
            + "the next tick on; 'market-pause' holds the market still (no ticks) and lists the open positions; "
            + "'market-resume'; 'close-all' closes every position by hand, host connected or not.")
    boolean stdinCommands;

    @Option(names = "--linger-ms", description = "Stay connected this long after the data ends (default: ${DEFAULT-VALUE}).")
    long lingerMs = 5_000;

    @Override
    public Integer call() throws Exception {
        SimConfig cfg = D.withGatewayHost(gatewayHost).withGatewayPort(gatewayPort).withAccountId(account)
                .withToken(token).withSymbol(symbol).withDataFile(data).withSyntheticSeed(syntheticSeed)
                .withSyntheticTicks(syntheticTicks).withInitialBalance(balance).withCurrency(currency)
                .withLeverage(leverage).withTicksPerSecond(tps).withLoop(loop)
                .withHeartbeatInterval(Duration.ofMillis(heartbeatMs)).withSilenceTimeout(Duration.ofMillis(silenceMs))
                .withBroker(D.broker().withMarginMode(marginMode)
                        .withSymbols(specs == null ? D.broker().symbols() : SymbolSpecs.load(specs))
                        .withSlippagePoints(slippagePoints).withSlippageAdverseOnly(!slippageBothWays)
                        .withLatencyMsc(latencyMs).withSeed(seed).withStopOutLevelPct(stopOutPct)
                        .withBreakEvenAfterTp1(breakEven))
                .withValidation(validation == null ? D.validation() : ValidationConfigFile.load(validation))
                .withServerClock(serverClock);
        if (data == null) {
            System.out.println("replaying SYNTHETIC ticks (seed " + syntheticSeed + "), not market data");
        }
        TerminalSim sim = TerminalSim.start(cfg, tlsCa == null ? null : com.vproptrader.gateway.tls.PemTls.client(tlsCa));
        if (stdinCommands) {
            StdinCommands.start(sim);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "sim-shutdown"));
        if (!loop) {
            sim.awaitReplayDone(Duration.ofDays(365));
            Thread.sleep(lingerMs);
            System.out.println(sim.stats());
            sim.close();
            return 0;
        }
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TerminalSimMain()).execute(args));
    }
}
