package com.vproptrader.host.govern;

import com.vproptrader.host.govern.pack.SoftLimits;
import com.vproptrader.host.risk.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Soft governors that shrink new positions rather than refuse them: after a losing streak (the
 * edge may be gone) and when equity is close to our buffered floors (less room to be wrong).
 */
public final class SizeFactor {
    private SizeFactor() {
    }

    /** Multiplier for the risk budget of a new position; 1 = full size. */
    public static BigDecimal of(GovernorInput in) {
        SoftLimits soft = in.pack().soft();
        BigDecimal factor = BigDecimal.ONE;
        if (in.stats().consecutiveLosses() >= soft.lossStreakLength()) {
            factor = factor.multiply(soft.lossStreakSizeFactor());
        }
        Floors floors = in.floors();
        Money headroom = in.account().equity().minus(floors.nearestBufferedFloor());
        if (headroom.isLessThan(in.pack().pctOfInitial(soft.nearFloorHeadroomPct(), RoundingMode.CEILING))) {
            factor = factor.multiply(soft.nearFloorSizeFactor());
        }
        return factor.stripTrailingZeros();
    }
}
