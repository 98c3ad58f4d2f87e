package com.vproptrader.host.learn;

/**
 * When a candidate may replace the serving model: its out-of-sample AUC must beat the incumbent's by
 * {@code minAucGain}, and its log loss and Brier score must not be worse. With nothing serving, its AUC must
 * beat chance (0.5) by the same margin. Margins come from config, not from the data being judged.
 */
public record PromotionPolicy(double minAucGain) {
    public static final PromotionPolicy DEFAULT = new PromotionPolicy(0.01);

    public PromotionPolicy {
        if (!(minAucGain >= 0 && minAucGain < 0.5)) {
            throw new IllegalArgumentException("minAucGain must be in [0, 0.5), got " + minAucGain);
        }
    }

    /** The verdict and the numbers behind it. */
    public record Verdict(boolean promote, String reason) {
    }

    public Verdict judge(Metrics candidate, Metrics incumbent) {
        if (incumbent == null) {
            boolean ok = candidate.auc() >= 0.5 + minAucGain;
            return new Verdict(ok, String.format("OOS AUC %.4f vs chance 0.5 + margin %.4f", candidate.auc(), minAucGain));
        }
        boolean auc = candidate.auc() >= incumbent.auc() + minAucGain;
        boolean logLoss = candidate.logLoss() <= incumbent.logLoss();
        boolean brier = candidate.brier() <= incumbent.brier();
        String numbers = String.format("OOS AUC %.4f vs %.4f + %.4f, log loss %.4f vs %.4f, Brier %.4f vs %.4f",
                candidate.auc(), incumbent.auc(), minAucGain, candidate.logLoss(), incumbent.logLoss(),
                candidate.brier(), incumbent.brier());
        return new Verdict(auc && logLoss && brier, numbers);
    }
}
