package com.vproptrader.host.risk;

import com.vproptrader.proto.SymbolSpec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Lots such that the loss at SL (ticks to the stop × tick value, plus commission both ways) does not
 * exceed the risk budget: rounded DOWN to the volume step, capped at the volume maximum; below the
 * volume minimum there is no trade (rounding up would risk more than the budget).
 */
public final class LotSizer {
    private LotSizer() {
    }

    /** Money lost per lot if the stop is hit at {@code slDistance}: move value + round-trip commission. */
    public static BigDecimal lossPerLot(SymbolSpec spec, double slDistance) {
        BigDecimal move = PriceMove.value(1, slDistance, 0, spec.getTickSize(), spec.getTickValue());
        return move.add(ShortestDecimal.of(Math.abs(spec.getCommissionPerLot())).multiply(BigDecimal.valueOf(2)));
    }

    /** 2.50 → 2.5 and 50.00 → 50 (never 5E+1). */
    static BigDecimal plain(BigDecimal lots) {
        BigDecimal stripped = lots.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static Optional<BigDecimal> lots(SymbolSpec spec, Money riskBudget, double slDistance) {
        if (!(slDistance > 0) || !(spec.getVolumeStep() > 0)) {
            throw new IllegalArgumentException("need slDistance > 0 and volume_step > 0");
        }
        if (riskBudget.cents() <= 0) {
            return Optional.empty();
        }
        BigDecimal step = ShortestDecimal.of(spec.getVolumeStep());
        BigDecimal raw = riskBudget.toBigDecimal().divide(lossPerLot(spec, slDistance), MathContext.DECIMAL128);
        BigDecimal lots = raw.divide(step, 0, RoundingMode.FLOOR).multiply(step);
        BigDecimal max = ShortestDecimal.of(spec.getVolumeMax()).divide(step, 0, RoundingMode.FLOOR).multiply(step);
        lots = lots.min(max);
        if (lots.compareTo(ShortestDecimal.of(spec.getVolumeMin())) < 0 || lots.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(plain(lots));
    }
}
