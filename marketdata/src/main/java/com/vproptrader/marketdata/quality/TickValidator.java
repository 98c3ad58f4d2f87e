package com.vproptrader.marketdata.quality;

import com.vproptrader.marketdata.PerSymbol;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;

/**
 * Refuses ticks that must never reach a feature, with a reason, and counts them per symbol and reason.
 *
 * <p>Checks, in order: finite numbers, positive bid/ask, ask &ge; bid, time not before the previous accepted
 * tick, not a duplicate of it, and no absurd jump. A jump is a mid-price return beyond
 * {@code k · sigma}, sigma being an EWMA of recent tick returns of the symbol, widened by
 * {@code sqrt(1 + seconds of silence)} so a weekend or holiday re-open can move further (floored by
 * {@link ValidationConfig#minJumpLogReturn()}); both k and the floor can be set per symbol
 * ({@link ValidationConfig#symbols()}). A rejected tick leaves the symbol's state untouched, so one
 * bad print cannot move the reference; after {@link ValidationConfig#maxConsecutiveJumps()} jumps in a row
 * the new level is taken as real. Two ticks in the same millisecond with different prices are both valid:
 * MT5 reports that.
 *
 * <p>Single-threaded (event loop); {@link #snapshot()} returns an immutable copy for other threads.
 */
public final class TickValidator {

    private static final class SymbolState {
        final double jumpSigmas;
        final double minJumpReturn;
        long lastTime = Long.MIN_VALUE;
        double lastBid;
        double lastAsk;
        double lastLast;
        double lastVolume;
        double lastMid;
        double returnVariance;
        long seen;
        int consecutiveJumps;

        SymbolState(ValidationConfig.JumpLimit limit) {
            jumpSigmas = limit.jumpSigmas();
            minJumpReturn = limit.minJumpReturn();
        }
    }

    private final ValidationConfig config;
    private final double varianceDecay;
    private final PerSymbol<SymbolState> states;
    private final RejectionCounter counter = new RejectionCounter();
    /** Last accepted bar open time per symbol, indexed by Timeframe ordinal. */
    private final PerSymbol<long[]> barWatermarks = new PerSymbol<>(s -> newWatermarks());

    private static long[] newWatermarks() {
        long[] w = new long[Timeframe.values().length];
        java.util.Arrays.fill(w, Long.MIN_VALUE);
        return w;
    }

    public TickValidator() {
        this(ValidationConfig.defaults());
    }

    public TickValidator(ValidationConfig config) {
        this.config = config;
        this.states = new PerSymbol<>(symbol -> new SymbolState(config.jumpLimit(symbol)));
        this.varianceDecay = Math.pow(0.5, 1.0 / config.jumpVarianceHalfLife());
    }

    /** True when the tick may go on; a refused tick is counted under its reason. */
    public boolean accept(Tick tick) {
        return validate(tick) == null;
    }

    /** The reason the tick is refused, or null when it is accepted (and becomes the symbol's reference). */
    public TickRejection validate(Tick tick) {
        return validate(tick.getSymbol(), tick.getTimeMsc(), tick.getBid(), tick.getAsk(), tick.getLast(),
                tick.getVolume());
    }

    /** Primitive form of {@link #validate(Tick)}: same rules, no allocation. */
    public TickRejection validate(String symbol, long timeMsc, double bid, double ask, double last, double volume) {
        SymbolState s = states.get(symbol);
        TickRejection reason = check(s, timeMsc, bid, ask, last, volume);
        if (reason != null) {
            counter.rejected(symbol, reason);
            return reason;
        }
        s.lastTime = timeMsc;
        s.lastBid = bid;
        s.lastAsk = ask;
        s.lastLast = last;
        s.lastVolume = volume;
        s.seen++;
        counter.accepted(symbol);
        return null;
    }

    private TickRejection check(SymbolState s, long timeMsc, double bid, double ask, double last, double volume) {
        if (!Double.isFinite(bid) || !Double.isFinite(ask) || !Double.isFinite(last) || !Double.isFinite(volume)) {
            return TickRejection.NON_FINITE_PRICE;
        }
        if (bid <= 0 || ask <= 0 || last < 0 || volume < 0) {
            return TickRejection.NON_POSITIVE_PRICE;
        }
        if (ask < bid) {
            return TickRejection.CROSSED_QUOTE;
        }
        if (timeMsc < s.lastTime) {
            return TickRejection.OUT_OF_ORDER;
        }
        if (timeMsc == s.lastTime && bid == s.lastBid && ask == s.lastAsk && last == s.lastLast
                && volume == s.lastVolume) {
            return TickRejection.DUPLICATE;
        }
        return checkJump(s, 0.5 * (bid + ask), timeMsc);
    }

    /** Updates the EWMA return variance when the move is plausible; refuses it otherwise. */
    private TickRejection checkJump(SymbolState s, double mid, long timeMsc) {
        if (s.seen == 0) {
            s.lastMid = mid;
            return null;
        }
        // Simple return instead of log: identical to first order for tick-sized moves and ~10x cheaper.
        double r = mid / s.lastMid - 1.0;
        double r2 = r * r;
        if (s.seen >= config.jumpWarmupTicks()) {
            // Prices diffuse: after a silence (weekend, holiday, disconnect) a larger move is plausible. Sigma
            // is per tick (about a second apart when busy), so widen it like a random walk: sqrt(1 + seconds).
            double silenceSeconds = (timeMsc - s.lastTime) / 1000.0;
            double sigma = Math.sqrt(s.returnVariance * (1 + silenceSeconds));
            double limit = Math.max(s.minJumpReturn, s.jumpSigmas * sigma);
            if (Math.abs(r) > limit) {
                if (++s.consecutiveJumps < config.maxConsecutiveJumps()) {
                    return TickRejection.ABSURD_JUMP;
                }
                // A level that keeps coming back is the market: re-anchor without poisoning sigma.
                s.consecutiveJumps = 0;
                s.lastMid = mid;
                return null;
            }
        }
        s.consecutiveJumps = 0;
        s.returnVariance = varianceDecay * s.returnVariance + (1 - varianceDecay) * r2;
        s.lastMid = mid;
        return null;
    }

    /**
     * The reason a bar (from the link or an "Export bars" file) is refused, or null when accepted.
     * Bars of one symbol and timeframe must come in strictly increasing open time.
     */
    public TickRejection validate(Bar bar) {
        TickRejection reason = checkBar(bar);
        if (reason != null) {
            counter.rejected(bar.getSymbol(), reason);
        }
        return reason;
    }

    private TickRejection checkBar(Bar bar) {
        double o = bar.getOpen(), h = bar.getHigh(), l = bar.getLow(), c = bar.getClose();
        if (!Double.isFinite(o) || !Double.isFinite(h) || !Double.isFinite(l) || !Double.isFinite(c)) {
            return TickRejection.NON_FINITE_PRICE;
        }
        if (o <= 0 || h <= 0 || l <= 0 || c <= 0) {
            return TickRejection.NON_POSITIVE_PRICE;
        }
        if (h < l || h < o || h < c || l > o || l > c || bar.getTickVolume() < 0 || bar.getRealVolume() < 0
                || bar.getTimeframe() == Timeframe.TIMEFRAME_UNSPECIFIED || bar.getTimeframe() == Timeframe.UNRECOGNIZED) {
            return TickRejection.INCONSISTENT_BAR;
        }
        long[] watermarks = barWatermarks.get(bar.getSymbol());
        int tf = bar.getTimeframe().ordinal();
        if (bar.getOpenTimeMsc() < watermarks[tf]) {
            return TickRejection.OUT_OF_ORDER;
        }
        if (bar.getOpenTimeMsc() == watermarks[tf]) {
            return TickRejection.DUPLICATE;
        }
        watermarks[tf] = bar.getOpenTimeMsc();
        return null;
    }

    /** Immutable copy of the counters, for AdminService. */
    public FeedQualitySnapshot snapshot() {
        return counter.snapshot();
    }

    public ValidationConfig config() {
        return config;
    }
}
