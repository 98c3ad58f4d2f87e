package com.vproptrader.plugin.api;

import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;

/** Small helpers every alpha needs: a vote, no vote, the symbol's point, strength beyond a threshold. */
public final class Votes {
    private Votes() {
    }

    /** "No trade", with the reason for the journal. */
    public static AlphaOutput none(String reason) {
        return AlphaOutput.newBuilder().setDirection(Side.SIDE_UNSPECIFIED).setStrength(0).setReason(reason).build();
    }

    /** A vote for {@code side}; strength clipped to [0, 1]. */
    public static AlphaOutput vote(Side side, double strength, String reason) {
        return AlphaOutput.newBuilder().setDirection(side).setStrength(Math.max(0, Math.min(1, strength)))
                .setReason(reason).build();
    }

    /**
     * The shared strength scale: 0.5 when {@code |x|} is at {@code threshold}, growing linearly to 1 at twice
     * the threshold (0 below it), so "just over the line" and "far over it" are told apart the same way by
     * every alpha.
     */
    public static double strengthBeyond(double x, double threshold) {
        double a = Math.abs(x);
        return a < threshold ? 0 : Math.min(1.0, a / (2 * threshold));
    }

    /** One point in price units: 10^-digits, else the tick size (some CFDs report digits 0); 0 when unknown. */
    public static double point(SymbolSpec spec) {
        return spec.getDigits() > 0 ? Math.pow(10, -spec.getDigits()) : spec.getTickSize();
    }
}
