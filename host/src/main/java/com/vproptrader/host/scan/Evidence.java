package com.vproptrader.host.scan;

/**
 * Win probability and payoff of a candidate from the closed trades of its alpha × regime × symbol, shrunk
 * toward broader evidence so a handful of trades cannot swing sizing (empirical Bayes, two levels):
 * <pre>
 *   m_alpha = (wins_alpha + n0·m0) / (n_alpha + n0)          the alpha on every regime and symbol, toward the prior
 *   p       = (wins_key   + n0·m_alpha) / (n_key + n0)        this regime and symbol, toward the alpha's rate
 *   W       = (n0·b0 + Σ win R) / (n0 + wins with a stop)     average win in R, toward the stop plan's b0
 *   L       = (n0·1  + Σ |loss R|) / (n0 + losses with a stop) average loss in R, toward one R (the stop)
 *   payoff  = W / L
 * </pre>
 * n0 (prior strength, in trades) and m0 (prior win rate) are configuration: {@link #DEFAULT} n0 = 50 trades at
 * m0 = 0.5 — "a coin flip until about fifty trades say otherwise": with twenty, four losses in a row (one chance
 * in sixteen for a fair coin) would already take p from 0.50 to 0.35 and stop the alpha before it has a sample. b0 is the stop plan's own payoff (half
 * closed at TP1, half at TP2). With no trades p = m0 and payoff = b0; every closed trade moves them.
 */
public record Evidence(double priorStrength, double priorWinRate) {
    public static final Evidence DEFAULT = new Evidence(50, 0.5);

    public Evidence {
        if (!(priorStrength > 0) || !(priorWinRate > 0 && priorWinRate < 1)) {
            throw new IllegalArgumentException("need prior strength > 0 and 0 < prior win rate < 1");
        }
    }

    /** Posterior mean win probability of {@code alpha} in {@code regime} on {@code symbol}. */
    public double winProbability(TradeEvidence trades, String alpha, String regime, String symbol) {
        double[] ab = posterior(trades, alpha, regime, symbol);
        return ab[0] / (ab[0] + ab[1]);
    }

    /** The Beta(a, b) posterior of the win probability (what Thompson sampling draws from). */
    public double[] posterior(TradeEvidence trades, String alpha, String regime, String symbol) {
        TradeEvidence.Outcomes all = trades.outcomes(alpha, TradeEvidence.ANY, TradeEvidence.ANY);
        double alphaRate = (all.wins() + priorStrength * priorWinRate) / (all.count() + priorStrength);
        TradeEvidence.Outcomes key = trades.outcomes(alpha, regime, symbol);
        return new double[] {key.wins() + priorStrength * alphaRate, key.losses() + priorStrength * (1 - alphaRate)};
    }

    /** Average win over average loss of the key's closed trades, with the stop plan's payoff as the prior. */
    public double payoff(TradeEvidence trades, String alpha, String regime, String symbol, double stopPlanPayoff) {
        TradeEvidence.Outcomes o = trades.outcomes(alpha, regime, symbol);
        double winSum = o.winRs() > 0 ? o.meanWinR() * o.winRs() : 0;
        double lossSum = o.lossRs() > 0 ? o.meanLossR() * o.lossRs() : 0;
        double w = (priorStrength * stopPlanPayoff + winSum) / (priorStrength + o.winRs());
        double l = (priorStrength + lossSum) / (priorStrength + o.lossRs());
        return w / l;
    }
}
