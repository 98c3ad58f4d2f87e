package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.EntryRecord;

/**
 * The journal's {@code entry} record: an {@link EntryContext}, written when a signal is sent, so the long-term
 * store can be rebuilt from the journal alone. NaN and infinite features (not computable yet) are left out; the
 * journal prints map keys sorted, so the row is a pure function of the context.
 */
public final class EntryRecords {
    private EntryRecords() {
    }

    public static EntryRecord of(EntryContext e) {
        EntryRecord.Builder b = EntryRecord.newBuilder().setSignal(e.signal()).setRegime(e.regime())
                .setSession(e.session()).setRiskCents(e.riskAtStop().cents()).setRulePack(e.rulePack())
                .setGovernorState(e.governorState());
        e.features().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                b.putFeatures(k, v);
            }
        });
        EntryContext.Decision d = e.decision();
        if (Double.isFinite(d.q())) {
            b.setQStar(d.q());
        }
        if (Double.isFinite(d.modelProbability())) {
            b.setModelProbability(d.modelProbability());
        }
        if (Double.isFinite(d.alphaStrength())) {
            b.setAlphaStrength(d.alphaStrength());
        }
        return b.setGrade(d.grade()).setModelVersion(d.modelVersion()).addAllPluginVersions(d.plugins()).build();
    }

    public static EntryContext context(EntryRecord r) {
        return new EntryContext(r.getSignal(), r.getRegime(), r.getSession(), Money.ofCents(r.getRiskCents()),
                r.getRulePack(), r.getGovernorState(), r.getFeaturesMap(),
                new EntryContext.Decision(r.hasQStar() ? r.getQStar() : Double.NaN, r.getGrade(),
                        r.hasModelProbability() ? r.getModelProbability() : Double.NaN, r.getModelVersion(),
                        r.getPluginVersionsList(), r.hasAlphaStrength() ? r.getAlphaStrength() : Double.NaN));
    }
}
