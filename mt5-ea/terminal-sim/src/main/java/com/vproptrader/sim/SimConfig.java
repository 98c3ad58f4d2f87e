package com.vproptrader.sim;

import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.Instrument;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.broker.SymbolSpecs;
import com.vproptrader.marketdata.quality.ValidationConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link TerminalSim} runs. Start from {@link #defaults()} and use the {@code with*} methods.
 *
 * @param gatewayHost gateway host name or address; default 127.0.0.1
 * @param gatewayPort gateway EA port; default 7788 (the gateway's default)
 * @param accountId the broker login reported in hello/account; default "sim-1"
 * @param token hello token; default ""
 * @param symbol the symbol replayed; default EURUSD. With synthetic ticks a comma-separated list replays
 *               several at once, each moving by its {@code SymbolProfile}. Specs come from the broker's symbol
 *               specs (built-in: EURUSD, GBPUSD, USDJPY, EURGBP, XAUUSD, US30, NAS100); another name trades like EURUSD
 * @param dataFile MT5 "Export ticks" or "Export bars" file (layout detected from the header); null = synthetic ticks
 * @param syntheticSeed seed of the synthetic ticks when dataFile is null; default 42
 * @param syntheticTicks how many synthetic ticks; default 20000
 * @param initialBalance account money at start; default 100000
 * @param currency account currency; default USD
 * @param leverage 1:N; default 100
 * @param ticksPerSecond replay pace in ticks per wall-clock second; 0 = as fast as possible (default)
 * @param loop at the end of the data, start again (times shifted forward); default false = stop and stay connected
 * @param heartbeatInterval how often the stand-in sends heartbeat; default 2 s
 * @param silenceTimeout reconnect when the gateway is silent this long; default 10 s
 * @param maxLineBytes longest frame accepted from the gateway; default 65536
 * @param maxBackoff longest wait between reconnect attempts; default 5 s
 * @param broker how the paper broker trades (margin mode, specs, slippage, latency, stop-out, swaps); default
 *               {@link BrokerConfig#defaults()}. Its account id, currency, balance and leverage are ignored:
 *               the ones above win (see {@link #brokerConfig()})
 * @param validation the tick validator's thresholds in front of the broker; give it the host's so both refuse
 *               the same rows; default {@link ValidationConfig#defaults()}
 * @param serverClock the broker's server clock the hello reports as {@code server_utc_offset_sec}: EET_EU_DST
 *               (GMT+2/+3 on EU dates), NY_CLOSE (GMT+2/+3 on US dates) or UTC, as rule packs name it; default
 *               EET_EU_DST
 */
public record SimConfig(
        String gatewayHost,
        int gatewayPort,
        String accountId,
        String token,
        String symbol,
        Path dataFile,
        long syntheticSeed,
        long syntheticTicks,
        double initialBalance,
        String currency,
        double leverage,
        double ticksPerSecond,
        boolean loop,
        Duration heartbeatInterval,
        Duration silenceTimeout,
        int maxLineBytes,
        Duration maxBackoff,
        BrokerConfig broker,
        ValidationConfig validation,
        ServerZone serverClock) {

    public SimConfig {
        Objects.requireNonNull(gatewayHost, "gatewayHost");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(silenceTimeout, "silenceTimeout");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        broker = broker == null ? BrokerConfig.defaults() : broker;
        validation = validation == null ? ValidationConfig.defaults() : validation;
        serverClock = serverClock == null ? ServerZone.EET_EU_DST : serverClock;
        token = token == null ? "" : token;
        if (accountId.isEmpty()) throw new IllegalArgumentException("accountId is empty");
        if (initialBalance <= 0) throw new IllegalArgumentException("initialBalance must be > 0");
        if (leverage <= 0) throw new IllegalArgumentException("leverage must be > 0");
        if (ticksPerSecond < 0) throw new IllegalArgumentException("ticksPerSecond must be >= 0");
        if (syntheticTicks < 1) throw new IllegalArgumentException("syntheticTicks must be >= 1");
    }

    public static SimConfig defaults() {
        return new SimConfig("127.0.0.1", 7788, "sim-1", "", "EURUSD", null, 42, 20_000, 100_000, "USD", 100, 0, false, Duration.ofSeconds(2), Duration.ofSeconds(10), 64 * 1024, Duration.ofSeconds(5), BrokerConfig.defaults(), ValidationConfig.defaults(), ServerZone.EET_EU_DST);
    }

    public SimConfig withGatewayHost(String v) {
        return new SimConfig(v, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withGatewayPort(int v) {
        return new SimConfig(gatewayHost, v, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withAccountId(String v) {
        return new SimConfig(gatewayHost, gatewayPort, v, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withToken(String v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, v, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withSymbol(String v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, v, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withDataFile(Path v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, v, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withSyntheticSeed(long v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, v, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withSyntheticTicks(long v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, v, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withInitialBalance(double v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, v, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withCurrency(String v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, v, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withLeverage(double v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, v, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withTicksPerSecond(double v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, v, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withLoop(boolean v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, v, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withHeartbeatInterval(Duration v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, v, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withSilenceTimeout(Duration v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, v, maxLineBytes, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withMaxLineBytes(int v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, v, maxBackoff, broker, validation, serverClock);
    }

    public SimConfig withMaxBackoff(Duration v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, v, broker, validation, serverClock);
    }

    public SimConfig withBroker(BrokerConfig v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, v, validation, serverClock);
    }

    public SimConfig withValidation(ValidationConfig v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, v, serverClock);
    }

    /**
     * The broker this stand-in runs: {@link #broker()} with this config's account id, currency, balance and
     * leverage, offering only the replayed symbols (the only ones with quotes; a name missing from the specs
     * trades like EURUSD).
     */
    public BrokerConfig brokerConfig() {
        BrokerConfig b = broker.withAccountId(accountId).withCurrency(currency).withInitialBalance(initialBalance)
                .withLeverage(leverage);
        SymbolSpecs offered = SymbolSpecs.of();
        for (String s : symbol.split(",")) {
            String name = s.trim();
            if (!name.isEmpty()) {
                offered = offered.with(b.symbols().get(name).orElse(Instrument.fixed(SimBroker.eurusdLike(name))));
            }
        }
        return b.withSymbols(offered);
    }

    public SimConfig withServerClock(ServerZone v) {
        return new SimConfig(gatewayHost, gatewayPort, accountId, token, symbol, dataFile, syntheticSeed, syntheticTicks, initialBalance, currency, leverage, ticksPerSecond, loop, heartbeatInterval, silenceTimeout, maxLineBytes, maxBackoff, broker, validation, v);
    }
}
