package com.vproptrader.plugins.correlation;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.plugin.api.PluginConfig;
import com.vproptrader.plugin.api.Votes;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaNeeds;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.PeerCloses;
import com.vproptrader.proto.Side;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Cross-asset divergence: a symbol that has run away from the partner it usually moves with tends to come back.
 *
 * <p>On the bar log returns of the last {@code lookbackBars} bars: the first {@code lookbackBars − divergenceBars}
 * are the estimation window, where the partner is the peer with the largest |correlation| (at least
 * {@code minCorrelation}), the hedge ratio β = cov/var of its returns and σ the standard deviation of the
 * residual r − β·q. Over the last {@code divergenceBars} bars the residuals are summed; z = sum / (σ·√k). At
 * {@code |z| >= entryZ} it votes against the divergence (SELL when the symbol ran ahead of its partner), strength
 * 0.5 at the entry z up to 1 at twice it. Parameters from {@code PairDivergenceAlpha.properties}; stateless.
 */
@Extension
public final class PairDivergenceAlpha implements AlphaStrategy {
    private final int lookbackBars;
    private final int divergenceBars;
    private final double minCorrelation;
    private final double entryZ;

    public PairDivergenceAlpha() {
        this(PluginConfig.of(PairDivergenceAlpha.class));
    }

    PairDivergenceAlpha(PluginConfig config) {
        this.lookbackBars = config.intAtLeast("lookback_bars", 10);
        this.divergenceBars = config.intAtLeast("divergence_bars", 1);
        this.minCorrelation = config.number("min_correlation", 0, 1);
        this.entryZ = config.positive("entry_z");
        if (lookbackBars - divergenceBars < 5) {
            throw new IllegalStateException("lookback_bars must exceed divergence_bars by at least 5 (estimation window)");
        }
    }

    @Override
    public AlphaNeeds needs() {
        return AlphaNeeds.newBuilder().setBars(lookbackBars + 1).setPeers(true).build();
    }

    @Override
    public AlphaOutput evaluate(AlphaInput input) {
        int n = input.getBarsCount();
        if (n < lookbackBars + 1) {
            return Votes.none(String.format(Locale.ROOT, "warming up: %d of %d bars", n, lookbackBars + 1));
        }
        double[] own = returns(n, i -> input.getBars(i).getClose());
        if (own == null) {
            return Votes.none("non-positive or non-finite closes: no returns");
        }
        int estimation = lookbackBars - divergenceBars;
        Pair best = null;
        for (PeerCloses peer : input.getPeersList()) {
            if (peer.getClosesCount() != n) {
                continue; // not aligned with our bars: the host sends aligned peers only, skip anything else
            }
            double[] q = returns(n, peer::getCloses);
            Pair p = q == null ? null : Pair.fit(peer.getSymbol(), own, q, estimation);
            if (p != null && Math.abs(p.rho) >= minCorrelation && (best == null || Math.abs(p.rho) > Math.abs(best.rho))) {
                best = p;
            }
        }
        if (best == null) {
            return Votes.none(String.format(Locale.ROOT, "no peer correlated at |rho| >= %.2f", minCorrelation));
        }
        double divergence = 0;
        for (int t = estimation; t < lookbackBars; t++) {
            divergence += own[t] - best.beta * best.peerReturns[t];
        }
        double z = divergence / (best.residualSd * Math.sqrt(divergenceBars));
        if (!Double.isFinite(z)) {
            return Votes.none("vs " + best.symbol + ": residual without variance, no z-score");
        }
        String text = String.format(Locale.ROOT, "vs %s rho %+.2f beta %.2f: residual %+.2f sd over %d bars (entry %.2f)",
                best.symbol, best.rho, best.beta, z, divergenceBars, entryZ);
        if (Math.abs(z) < entryZ) {
            return Votes.none(text);
        }
        return Votes.vote(z > 0 ? Side.SELL : Side.BUY, Votes.strengthBeyond(z, entryZ), text + ": expect convergence");
    }

    /** The last {@code lookbackBars} log returns from n prices; null when a price is not positive and finite. */
    private double[] returns(int n, java.util.function.IntToDoubleFunction price) {
        double[] r = new double[lookbackBars];
        for (int t = 0; t < lookbackBars; t++) {
            double a = price.applyAsDouble(n - lookbackBars - 1 + t);
            double b = price.applyAsDouble(n - lookbackBars + t);
            if (!(a > 0 && b > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
                return null;
            }
            r[t] = Math.log(b / a);
        }
        return r;
    }

    /** A partner fitted over the estimation window: correlation, hedge ratio, residual sd. */
    private record Pair(String symbol, double rho, double beta, double residualSd, double[] peerReturns) {
        static Pair fit(String symbol, double[] r, double[] q, int window) {
            double mr = 0;
            double mq = 0;
            for (int t = 0; t < window; t++) {
                mr += r[t];
                mq += q[t];
            }
            mr /= window;
            mq /= window;
            double cov = 0;
            double vr = 0;
            double vq = 0;
            for (int t = 0; t < window; t++) {
                cov += (r[t] - mr) * (q[t] - mq);
                vr += (r[t] - mr) * (r[t] - mr);
                vq += (q[t] - mq) * (q[t] - mq);
            }
            if (!(vr > 0 && vq > 0)) {
                return null;
            }
            double beta = cov / vq;
            double residualMean = mr - beta * mq;
            double rss = 0;
            for (int t = 0; t < window; t++) {
                double e = r[t] - beta * q[t] - residualMean;
                rss += e * e;
            }
            return new Pair(symbol, cov / Math.sqrt(vr * vq), beta, Math.sqrt(rss / window), q);
        }
    }
}
