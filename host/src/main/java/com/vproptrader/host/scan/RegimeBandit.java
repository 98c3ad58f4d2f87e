package com.vproptrader.host.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Thompson sampling over arms alpha × regime: each arm's win probability has a Beta posterior from the closed
 * trades of that alpha in that regime ({@link Evidence#posterior}, all symbols pooled); at each scan one value
 * is drawn per alpha and the {@code mayTrade} alphas with the highest draws may trade in the current regime.
 * An alpha that has done well here is drawn high most of the time; one with few trades is uncertain, so it is
 * sometimes drawn high and gets to trade (exploration) until the evidence settles.
 *
 * <p>The state is the evidence (closed trades, persisted by the memory package), so there is nothing else to
 * persist. Draws are seeded from {@code seed}, the symbol and the event time, so a replay draws the same.
 */
public final class RegimeBandit {
    private final int mayTrade;
    private final long seed;
    private final Evidence evidence;

    /**
     * @param mayTrade how many alphas may trade per regime at once (the top draws)
     * @param seed     seed of the draws
     * @param evidence the Beta posterior of each arm
     */
    public RegimeBandit(int mayTrade, long seed, Evidence evidence) {
        if (mayTrade < 1) {
            throw new IllegalArgumentException("mayTrade >= 1");
        }
        this.mayTrade = mayTrade;
        this.seed = seed;
        this.evidence = evidence;
    }

    /** The alphas (plugin ids) that may trade {@code symbol} in {@code regime} at {@code timeMsc}. */
    public Set<String> allowed(List<String> alphas, String regime, String symbol, long timeMsc, TradeEvidence trades) {
        if (alphas.size() <= mayTrade) { // one alpha is the usual tick scan: no copy of the list for it
            return alphas.size() == 1 ? Set.of(alphas.get(0)) : Set.copyOf(alphas);
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ (timeMsc * 0x9E3779B97F4A7C15L) ^ symbol.hashCode());
        List<Draw> draws = new ArrayList<>(alphas.size());
        for (String alpha : alphas) {
            double[] ab = evidence.posterior(trades, alpha, regime, TradeEvidence.ANY);
            draws.add(new Draw(alpha, beta(rnd, ab[0], ab[1])));
        }
        draws.sort(Comparator.comparingDouble(Draw::value).reversed().thenComparing(Draw::alpha));
        return draws.subList(0, mayTrade).stream().map(Draw::alpha).collect(Collectors.toUnmodifiableSet());
    }

    /** The posterior of every arm {@code alphas} × {@code regimes}, by alpha then regime; draws nothing. */
    public com.vproptrader.proto.BanditPosteriors posteriors(List<String> alphas, List<String> regimes,
                                                             TradeEvidence trades) {
        com.vproptrader.proto.BanditPosteriors.Builder out = com.vproptrader.proto.BanditPosteriors.newBuilder()
                .setMayTrade(mayTrade).setPriorStrength(evidence.priorStrength()).setPriorWinRate(evidence.priorWinRate());
        for (String alpha : alphas) {
            for (String regime : regimes) {
                double[] ab = evidence.posterior(trades, alpha, regime, TradeEvidence.ANY);
                out.addArms(com.vproptrader.proto.BanditArm.newBuilder().setAlpha(alpha).setRegime(regime)
                        .setA(ab[0]).setB(ab[1]).setMean(ab[0] / (ab[0] + ab[1]))
                        .setTrades(trades.outcomes(alpha, regime, TradeEvidence.ANY).count()));
            }
        }
        return out.build();
    }

    private record Draw(String alpha, double value) {
    }

    /** One draw of Beta(a, b) as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b). */
    static double beta(SplittableRandom rnd, double a, double b) {
        double x = gamma(rnd, a);
        double y = gamma(rnd, b);
        return x / (x + y);
    }

    /** Marsaglia and Tsang (2000); for shape < 1 the boost Gamma(a) = Gamma(a + 1)·U^(1/a). */
    static double gamma(SplittableRandom rnd, double shape) {
        if (shape < 1) {
            return gamma(rnd, shape + 1) * Math.pow(rnd.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(rnd);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller on (0, 1]: 1 - nextDouble() never returns 0, so the log is finite.
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
