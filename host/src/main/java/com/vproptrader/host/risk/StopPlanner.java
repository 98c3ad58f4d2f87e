package com.vproptrader.host.risk;

import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Stops from volatility: SL = {@code slSigmas}·σ from entry (default 0.8), TP1 = {@code tp1Multiple}·SL
 * (1.5), TP2 = {@code tp2Multiple}·SL (2.4), σ being the price volatility over the intended holding
 * horizon. The SL distance is widened to the broker's stops level when σ is small, and rounded up to
 * whole ticks (a farther stop, so sizing from the final distance never under-states the loss); the
 * targets are rounded to ticks towards the entry.
 */
public record StopPlanner(double slSigmas, double tp1Multiple, double tp2Multiple) {

    public static final StopPlanner DEFAULT = new StopPlanner(0.8, 1.5, 2.4);

    public StopLevels plan(Side side, double entry, double sigma, SymbolSpec spec) {
        if (!(sigma > 0) || !Double.isFinite(sigma) || !(entry > 0) || (side != Side.BUY && side != Side.SELL)) {
            throw new IllegalArgumentException("need a finite sigma > 0, entry > 0 and a side");
        }
        BigDecimal tick = ShortestDecimal.of(spec.getTickSize());
        BigDecimal point = BigDecimal.ONE.movePointLeft(spec.getDigits());
        BigDecimal minDistance = point.multiply(BigDecimal.valueOf(spec.getStopsLevelPoints()));
        // σ is an estimate, so its distance is counted in ticks in double (rounded up); from there on the stop is
        // that many whole ticks, exactly, and never nearer than the stops level or one tick
        long sigmaTicks = (long) Math.ceil(slSigmas * sigma / spec.getTickSize());
        long minTicks = minDistance.divide(tick, 0, RoundingMode.CEILING).longValueExact();
        BigDecimal sl = tick.multiply(BigDecimal.valueOf(Math.max(1, Math.max(sigmaTicks, minTicks))));
        BigDecimal tp1 = roundToTick(sl.multiply(ShortestDecimal.of(tp1Multiple)), tick, RoundingMode.FLOOR).max(minDistance);
        BigDecimal tp2 = roundToTick(sl.multiply(ShortestDecimal.of(tp2Multiple)), tick, RoundingMode.FLOOR).max(minDistance);
        BigDecimal e = ShortestDecimal.of(entry);
        return side == Side.BUY
                ? new StopLevels(e.subtract(sl).doubleValue(), e.add(tp1).doubleValue(), e.add(tp2).doubleValue(),
                        sl.doubleValue())
                : new StopLevels(e.add(sl).doubleValue(), e.subtract(tp1).doubleValue(), e.subtract(tp2).doubleValue(),
                        sl.doubleValue());
    }

    private static BigDecimal roundToTick(BigDecimal distance, BigDecimal tick, RoundingMode mode) {
        return distance.divide(tick, 0, mode).multiply(tick);
    }
}
