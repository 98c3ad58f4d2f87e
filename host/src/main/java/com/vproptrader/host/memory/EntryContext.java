package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Signal;

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
 */
public record EntryContext(Signal signal, String regime, String session, Money riskAtStop, String rulePack,
                           String governorState, Map<String, Double> features) {
    public EntryContext {
        features = Map.copyOf(features);
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
