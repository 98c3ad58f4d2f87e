package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Signal;

import java.util.List;
import java.util.Map;

/**
 * What was known when a signal was decided, kept until its position closes.
 *
 * @param signal     the signal as sent
 * @param regime     the symbol's regime name at the deciding tick
 * @param session    the trading session name at the deciding tick
 * @param riskAtStop what the stop would lose from the reference price (zero without a stop)
 * @param rulePack   name of the rule pack the governors checked it against
 * @param governorState the engine state (ACTIVE, REDUCING) when it was decided
 * @param features   the symbol's feature values at the deciding tick
 * @param decision   the scanner's grade of the candidate and the versions that decided it
 */
public record EntryContext(Signal signal, String regime, String session, Money riskAtStop, String rulePack,
                           String governorState, Map<String, Double> features, Decision decision) {
    public EntryContext {
        features = Map.copyOf(features);
        java.util.Objects.requireNonNull(decision, "decision");
    }

    /** A context without the scanner's grade (a row written before it was recorded, a test). */
    public EntryContext(Signal signal, String regime, String session, Money riskAtStop, String rulePack,
                        String governorState, Map<String, Double> features) {
        this(signal, regime, session, riskAtStop, rulePack, governorState, features, Decision.UNKNOWN);
    }

    /**
     * What graded the candidate that became this signal.
     *
     * @param q                the Q* score (NaN when not recorded)
     * @param grade            A+, A ("" when not recorded)
     * @param modelProbability the model plugin's P(TP1 before SL), NaN when no model served
     * @param modelVersion     that model's {@code id@version}, "" when none
     * @param plugins          {@code id@version} of every alpha, filter and model serving at the decision
     * @param alphaStrength    the lead vote's strength, what a model scores beside the features (NaN when unknown)
     */
    public record Decision(double q, String grade, double modelProbability, String modelVersion, List<String> plugins,
                           double alphaStrength) {
        public static final Decision UNKNOWN = new Decision(Double.NaN, "", Double.NaN, "", List.of(), Double.NaN);

        public Decision {
            plugins = List.copyOf(plugins);
        }
    }

    /** The alpha's plugin id: the part of {@code id@version} before the '@'. */
    public String alphaId() {
        String label = signal.getAlpha();
        int at = label.indexOf('@');
        return at < 0 ? label : label.substring(0, at);
    }

    public String alphaVersion() {
        String label = signal.getAlpha();
        int at = label.indexOf('@');
        return at < 0 ? "" : label.substring(at + 1);
    }
}
