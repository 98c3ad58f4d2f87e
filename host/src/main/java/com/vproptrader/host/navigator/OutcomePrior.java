package com.vproptrader.host.navigator;

import java.util.SplittableRandom;

/**
 * What the navigator assumes about days it has not seen, used while the account has few closed trades:
 * a Poisson number of trades a day, each winning {@code winR} with probability {@code pWin} or losing
 * {@code lossR}, opened {@code firstTradeMinute} after the day's reset and {@code spacingMinutes} apart,
 * each held {@code holdMinutes}. {@code weightDays} is how many days of evidence it is worth: a simulated day
 * comes from the prior with probability weightDays / (weightDays + days observed).
 */
public record OutcomePrior(double pWin, double winR, double lossR, double tradesPerDay, int firstTradeMinute,
                           int spacingMinutes, int holdMinutes, double weightDays) {

    /** At most this many trades in one prior day (the Poisson tail beyond is negligible at a few a day). */
    private static final int MAX_TRADES = 32;

    public OutcomePrior {
        if (!(pWin >= 0 && pWin <= 1) || !(winR > 0) || !(lossR > 0) || !(tradesPerDay >= 0) || !(weightDays >= 0)
                || firstTradeMinute < 0 || spacingMinutes <= 0 || holdMinutes < 0 || holdMinutes >= spacingMinutes) {
            throw new IllegalArgumentException("bad outcome prior " + this);
        }
    }

    /** Probability a simulated day is drawn from this prior, given how many real days were observed. */
    double share(int observedDays) {
        return weightDays + observedDays == 0 ? 1 : weightDays / (weightDays + observedDays);
    }

    TradingDay draw(SplittableRandom rng) {
        int n = poisson(rng);
        long[] open = new long[n];
        long[] close = new long[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            open[i] = (firstTradeMinute + (long) i * spacingMinutes) * 60_000L;
            close[i] = open[i] + holdMinutes * 60_000L;
            r[i] = rng.nextDouble() < pWin ? winR : -lossR;
        }
        return new TradingDay(open, close, r);
    }

    private int poisson(SplittableRandom rng) {
        double u = rng.nextDouble();
        double p = Math.exp(-tradesPerDay);
        double cumulative = p;
        int k = 0;
        while (u > cumulative && k < MAX_TRADES) {
            k++;
            p *= tradesPerDay / k;
            cumulative += p;
        }
        return k;
    }
}
