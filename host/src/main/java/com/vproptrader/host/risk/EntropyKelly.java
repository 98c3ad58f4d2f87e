package com.vproptrader.host.risk;

/**
 * The fraction of equity to risk on one trade (the loss at SL as a share of equity).
 *
 * <pre>
 *   f*  = p − (1 − p) / b                      Kelly for a win probability p and payoff b = avg win / avg loss
 *   Ĥ   = −Σ q_i ln q_i / ln K                 the model's predictive entropy over its K outcomes, in [0, 1]
 *   f   = min(cap, c · max(0, f*) · (1 − λ · Ĥ))
 * </pre>
 * c (fractional Kelly, e.g. 0.25) guards against estimation error in p and b, which full Kelly
 * punishes hard; the entropy factor shrinks the bet further when the model itself is unsure (a flat
 * predictive distribution, Ĥ → 1, with λ = 1 bets nothing; a confident one, Ĥ → 0, keeps c · f*).
 * The cap is the per-trade risk limit of the rule pack.
 */
public record EntropyKelly(double fraction, double entropyWeight, double cap) {

    public EntropyKelly {
        if (!(fraction > 0 && fraction <= 1) || !(entropyWeight >= 0 && entropyWeight <= 1) || !(cap >= 0 && cap < 1)) {
            throw new IllegalArgumentException("need 0 < fraction <= 1, 0 <= entropyWeight <= 1, 0 <= cap < 1");
        }
    }

    /** Classic Kelly fraction; negative when the bet has no edge. */
    public static double kelly(double pWin, double payoff) {
        return pWin - (1 - pWin) / payoff;
    }

    /** Shannon entropy of a distribution divided by ln K: 0 = certain, 1 = uniform. */
    public static double normalizedEntropy(double[] probabilities) {
        if (probabilities.length < 2) {
            return 0;
        }
        double h = 0;
        for (double q : probabilities) {
            if (q > 0) {
                h -= q * Math.log(q);
            }
        }
        return Math.min(1, Math.max(0, h / Math.log(probabilities.length)));
    }

    /**
     * @param pWin          probability the trade reaches its target before its stop
     * @param payoff        average win / average loss (e.g. TP distance / SL distance)
     * @param predictive    the model's full predictive distribution (e.g. up/flat/down), for Ĥ
     */
    public double riskFraction(double pWin, double payoff, double[] predictive) {
        if (!(pWin >= 0 && pWin <= 1) || !(payoff > 0)) {
            throw new IllegalArgumentException("need 0 <= pWin <= 1 and payoff > 0");
        }
        double edge = Math.max(0, kelly(pWin, payoff));
        double f = fraction * edge * (1 - entropyWeight * normalizedEntropy(predictive));
        return Math.min(cap, f);
    }
}
