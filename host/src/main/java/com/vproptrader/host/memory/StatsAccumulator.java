package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;

/** Running sums of one key's trades, so adding a trade and evicting the oldest are both O(1). */
final class StatsAccumulator {
    private int count;
    private int wins;
    private long pnlCents;
    private int rCount;
    private double sumR;
    private double sumR2;
    private int winRs;
    private double sumWinR;
    private int lossRs;
    private double sumLossR;

    void add(ClosedTrade t) {
        apply(t, 1);
    }

    void remove(ClosedTrade t) {
        apply(t, -1);
    }

    private void apply(ClosedTrade t, int sign) {
        count += sign;
        wins += t.won() ? sign : 0;
        pnlCents = Math.addExact(pnlCents, sign * t.pnl().cents());
        double r = t.rMultiple();
        if (!Double.isNaN(r)) {
            rCount += sign;
            sumR += sign * r;
            sumR2 += sign * r * r;
            if (t.won()) {
                winRs += sign;
                sumWinR += sign * r;
            } else {
                lossRs += sign;
                sumLossR -= sign * r;
            }
        }
        if (rCount == 0) { // no drift survives an empty window
            sumR = 0;
            sumR2 = 0;
        }
        if (winRs == 0) {
            sumWinR = 0;
        }
        if (lossRs == 0) {
            sumLossR = 0;
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    WindowStats stats() {
        double mean = rCount == 0 ? Double.NaN : sumR / rCount;
        double sharpe = Double.NaN;
        if (rCount >= 2) {
            double variance = (sumR2 - rCount * mean * mean) / (rCount - 1);
            // Sums of equal R's leave rounding dust instead of an exact zero variance.
            if (variance > 1e-12 * Math.max(1, mean * mean)) {
                sharpe = mean / Math.sqrt(variance);
            }
        }
        return new WindowStats(count, wins, Money.ofCents(pnlCents), rCount, mean, sharpe,
                winRs, winRs == 0 ? Double.NaN : sumWinR / winRs, lossRs, lossRs == 0 ? Double.NaN : sumLossR / lossRs);
    }
}
