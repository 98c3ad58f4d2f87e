package com.vproptrader.sim.broker;

import java.util.Random;

/**
 * Seeded slippage of market orders, in points. {@link Random} because its algorithm is specified by the JDK,
 * so a seed gives the same draws on every JVM; one draw per market fill, in the order fills happen.
 */
final class Slippage {
    private final int maxPoints;
    private final boolean adverseOnly;
    private final Random random;

    Slippage(int maxPoints, boolean adverseOnly, long seed) {
        this.maxPoints = maxPoints;
        this.adverseOnly = adverseOnly;
        this.random = new Random(seed);
    }

    /** Points against the trader (negative = in the trader's favour); 0 without drawing when disabled. */
    int drawAdversePoints() {
        if (maxPoints == 0) {
            return 0;
        }
        int points = random.nextInt(maxPoints + 1);
        return adverseOnly || random.nextBoolean() ? points : -points;
    }

    /** The price a market deal gets: {@code quote} moved by a draw, against a buyer upward, a seller downward. */
    double fillPrice(Instrument instrument, boolean buy, double quote) {
        double slip = drawAdversePoints() * instrument.point();
        double price = instrument.roundPrice(buy ? quote + slip : quote - slip);
        return price > 0 ? price : quote;
    }
}
