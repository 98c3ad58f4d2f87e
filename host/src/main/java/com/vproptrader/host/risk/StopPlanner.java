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
        if (!(sigma > 0) || !(entry > 0) || (side != Side.BUY && side != Side.SELL)) {
            throw new IllegalArgumentException("need sigma > 0, entry > 0 and a side");
        }
        BigDecimal tick = BigDecimal.valueOf(spec.getTickSize());
        BigDecimal point = BigDecimal.ONE.movePointLeft(spec.getDigits());
        BigDecimal minDistance = point.multiply(BigDecimal.valueOf(spec.getStopsLevelPoints()));
        BigDecimal raw = BigDecimal.valueOf(slSigmas * sigma).max(minDistance).max(tick);
        BigDecimal sl = roundToTick(raw, tick, RoundingMode.CEILING);
        BigDecimal tp1 = roundToTick(sl.multiply(BigDecimal.valueOf(tp1Multiple)), tick, RoundingMode.FLOOR).max(minDistance);
        BigDecimal tp2 = roundToTick(sl.multiply(BigDecimal.valueOf(tp2Multiple)), tick, RoundingMode.FLOOR).max(minDistance);
        BigDecimal e = BigDecimal.valueOf(entry);
        int sign = side == Side.BUY ? 1 : -1;
        return new StopLevels(e.subtract(sl.multiply(BigDecimal.valueOf(sign))).doubleValue(),
                e.add(tp1.multiply(BigDecimal.valueOf(sign))).doubleValue(),
                e.add(tp2.multiply(BigDecimal.valueOf(sign))).doubleValue(),
                sl.doubleValue());
    }

    private static BigDecimal roundToTick(BigDecimal distance, BigDecimal tick, RoundingMode mode) {
        return distance.divide(tick, 0, mode).multiply(tick);
    }
}
