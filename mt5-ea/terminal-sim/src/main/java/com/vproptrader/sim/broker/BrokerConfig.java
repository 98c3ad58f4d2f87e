package com.vproptrader.sim.broker;

import com.vproptrader.proto.MarginMode;
import java.time.DayOfWeek;
import java.util.Objects;

/**
 * How a {@link SimBroker} trades. Start from {@link #defaults()} and use the {@code with*} methods.
 *
 * @param accountId the broker login reported in hello/account; default "sim-1"
 * @param currency account currency (ISO); default USD
 * @param initialBalance account money at start; default 100000
 * @param leverage 1:N; default 100
 * @param marginMode NETTING (one position per symbol, a reversal is ENTRY_INOUT) or HEDGING (a ticket per signal); default HEDGING
 * @param symbols what can be traded; default {@link SymbolSpecs#builtIn()} (illustrative values)
 * @param seed seed of the slippage generator; default 42. The only randomness in the broker
 * @param slippagePoints largest slippage of a market order, points; each fill draws 0..N uniformly; default 0 (none)
 * @param slippageAdverseOnly true: slippage always against the trader; false: either way with equal odds; default true
 * @param latencyMsc a signal fills on the first tick of its symbol at or after (server time when it arrived) + latency; 0 = at once on the current quote (default)
 * @param stopOutLevelPct margin level (equity / margin x 100) below which positions are closed, most unprofitable first, reason stop_out; 0 = never; default 50
 * @param tripleSwapDay the day whose rollover (at the midnight ending it) charges three nights; default WEDNESDAY
 * @param breakEvenAfterTp1 after the TP1 partial close move the SL to the open price (+ offset) and report a position frame, as the EA does; default false
 * @param breakEvenOffsetPoints points beyond the open price for the break-even stop (covers commission); default 0
 * @param accountEveryMsc an account frame at least this often in server time (on ticks); default 1000
 */
public record BrokerConfig(
        String accountId,
        String currency,
        double initialBalance,
        double leverage,
        MarginMode marginMode,
        SymbolSpecs symbols,
        long seed,
        int slippagePoints,
        boolean slippageAdverseOnly,
        long latencyMsc,
        double stopOutLevelPct,
        DayOfWeek tripleSwapDay,
        boolean breakEvenAfterTp1,
        int breakEvenOffsetPoints,
        long accountEveryMsc) {

    public BrokerConfig {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(marginMode, "marginMode");
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(tripleSwapDay, "tripleSwapDay");
        if (accountId.isEmpty()) throw new IllegalArgumentException("accountId is empty");
        if (marginMode == MarginMode.MARGIN_MODE_UNSPECIFIED || marginMode == MarginMode.UNRECOGNIZED) {
            throw new IllegalArgumentException("marginMode must be NETTING or HEDGING");
        }
        if (initialBalance <= 0) throw new IllegalArgumentException("initialBalance must be > 0");
        if (leverage <= 0) throw new IllegalArgumentException("leverage must be > 0");
        if (slippagePoints < 0) throw new IllegalArgumentException("slippagePoints must be >= 0");
        if (latencyMsc < 0) throw new IllegalArgumentException("latencyMsc must be >= 0");
        if (stopOutLevelPct < 0) throw new IllegalArgumentException("stopOutLevelPct must be >= 0");
        if (accountEveryMsc <= 0) throw new IllegalArgumentException("accountEveryMsc must be > 0");
    }

    public static BrokerConfig defaults() {
        return new BrokerConfig("sim-1", "USD", 100_000, 100, MarginMode.HEDGING, SymbolSpecs.builtIn(), 42, 0, true,
                0, 50, DayOfWeek.WEDNESDAY, false, 0, 1_000);
    }

    public BrokerConfig withAccountId(String v) {
        return new BrokerConfig(v, currency, initialBalance, leverage, marginMode, symbols, seed, slippagePoints, slippageAdverseOnly, latencyMsc, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withCurrency(String v) {
        return new BrokerConfig(accountId, v, initialBalance, leverage, marginMode, symbols, seed, slippagePoints, slippageAdverseOnly, latencyMsc, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withInitialBalance(double v) {
        return new BrokerConfig(accountId, currency, v, leverage, marginMode, symbols, seed, slippagePoints, slippageAdverseOnly, latencyMsc, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withLeverage(double v) {
        return new BrokerConfig(accountId, currency, initialBalance, v, marginMode, symbols, seed, slippagePoints, slippageAdverseOnly, latencyMsc, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withMarginMode(MarginMode v) {
        return new BrokerConfig(accountId, currency, initialBalance, leverage, v, symbols, seed, slippagePoints, slippageAdverseOnly, latencyMsc, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withSymbols(SymbolSpecs v) {
        return new BrokerConfig(accountId, currency, initialBalance, leverage, marginMode, v, seed, slippagePoints, slippageAdverseOnly, latencyMsc, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withSeed(long v) {
        return new BrokerConfig(accountId, currency, initialBalance, leverage, marginMode, symbols, v, slippagePoints, slippageAdverseOnly, latencyMsc, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withSlippagePoints(int v) {
        return new BrokerConfig(accountId, currency, initialBalance, leverage, marginMode, symbols, seed, v, slippageAdverseOnly, latencyMsc, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withSlippageAdverseOnly(boolean v) {
        return new BrokerConfig(accountId, currency, initialBalance, leverage, marginMode, symbols, seed, slippagePoints, v, latencyMsc, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withLatencyMsc(long v) {
        return new BrokerConfig(accountId, currency, initialBalance, leverage, marginMode, symbols, seed, slippagePoints, slippageAdverseOnly, v, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withStopOutLevelPct(double v) {
        return new BrokerConfig(accountId, currency, initialBalance, leverage, marginMode, symbols, seed, slippagePoints, slippageAdverseOnly, latencyMsc, v, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withTripleSwapDay(DayOfWeek v) {
        return new BrokerConfig(accountId, currency, initialBalance, leverage, marginMode, symbols, seed, slippagePoints, slippageAdverseOnly, latencyMsc, stopOutLevelPct, v, breakEvenAfterTp1, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withBreakEvenAfterTp1(boolean v) {
        return new BrokerConfig(accountId, currency, initialBalance, leverage, marginMode, symbols, seed, slippagePoints, slippageAdverseOnly, latencyMsc, stopOutLevelPct, tripleSwapDay, v, breakEvenOffsetPoints, accountEveryMsc);
    }

    public BrokerConfig withBreakEvenOffsetPoints(int v) {
        return new BrokerConfig(accountId, currency, initialBalance, leverage, marginMode, symbols, seed, slippagePoints, slippageAdverseOnly, latencyMsc, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, v, accountEveryMsc);
    }

    public BrokerConfig withAccountEveryMsc(long v) {
        return new BrokerConfig(accountId, currency, initialBalance, leverage, marginMode, symbols, seed, slippagePoints, slippageAdverseOnly, latencyMsc, stopOutLevelPct, tripleSwapDay, breakEvenAfterTp1, breakEvenOffsetPoints, v);
    }

}
