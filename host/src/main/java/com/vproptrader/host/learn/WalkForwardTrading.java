package com.vproptrader.host.learn;

import java.util.List;

/**
 * What trading on a model's walk-forward out-of-sample probabilities would have made: each test row the model
 * rates above break-even is taken, and settles at the stop plan's payoff when TP1 came first, at −1 R when the
 * stop did. A trade-level replay of the walk-forward test stretches (every row was scored by a model that never
 * saw its outcome), in R, the unit the sizing risks.
 *
 * @param trades  test rows taken
 * @param pnlR    their summed result, R
 * @param sharpe  mean over sample standard deviation of the per-trade R (not annualised); NaN under two trades
 *                or without variance
 * @param winRate share of taken rows that reached TP1 first; NaN without trades
 */
public record WalkForwardTrading(int trades, double pnlR, double sharpe, double winRate) {
    public static final WalkForwardTrading NONE = new WalkForwardTrading(0, 0, Double.NaN, Double.NaN);

    /**
     * @param scored        the walk-forward test rows, in test order
     * @param probabilities each row's out-of-sample P(TP1 before SL)
     * @param payoffR       what TP1 pays in R (the stop plan's TP1 / SL distance); a row is taken when
     *                      p·payoff − (1 − p) > 0, i.e. p > 1 / (1 + payoff)
     */
    public static WalkForwardTrading replay(List<LabeledEntry> scored, double[] probabilities, double payoffR) {
        if (scored.size() != probabilities.length || !(payoffR > 0)) {
            throw new IllegalArgumentException("one probability per row and a positive payoff needed");
        }
        double breakEven = 1 / (1 + payoffR);
        int n = 0;
        int wins = 0;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] <= breakEven) {
                continue;
            }
            double r = scored.get(i).tp1First() ? payoffR : -1;
            n++;
            wins += r > 0 ? 1 : 0;
            sum += r;
            sumSq += r * r;
        }
        if (n == 0) {
            return NONE;
        }
        double mean = sum / n;
        double variance = n < 2 ? 0 : (sumSq - n * mean * mean) / (n - 1);
        double sharpe = variance > 1e-24 ? mean / Math.sqrt(variance) : Double.NaN;
        return new WalkForwardTrading(n, sum, sharpe, (double) wins / n);
    }
}
