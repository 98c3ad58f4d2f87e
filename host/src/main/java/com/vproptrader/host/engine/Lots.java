package com.vproptrader.host.engine;

import com.vproptrader.proto.SymbolSpec;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Volume rounding the way MT5 accepts it: down to the step, within [min, max]; below min means no trade (0). */
final class Lots {
    private Lots() {
    }

    static double round(double lots, SymbolSpec spec) {
        double step = spec.getVolumeStep() > 0 ? spec.getVolumeStep() : 0.01;
        BigDecimal steps = BigDecimal.valueOf(lots).divide(BigDecimal.valueOf(step), 0, RoundingMode.FLOOR);
        double rounded = steps.multiply(BigDecimal.valueOf(step)).doubleValue();
        if (spec.getVolumeMax() > 0) {
            rounded = Math.min(rounded, spec.getVolumeMax());
        }
        return rounded < spec.getVolumeMin() ? 0 : rounded;
    }
}
