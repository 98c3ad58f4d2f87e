package com.vproptrader.host.learn;

import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.memory.TradeStore;
import com.vproptrader.host.memory.TrainingExport;
import com.vproptrader.proto.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The memory's training export as the learner reads it: one {@link LabeledEntry} per closed trade of the
 * long-term store, its features at entry in the model's schema order (side and the lead alpha's strength
 * last, as {@link CandidateFeatures} sends them), labelled TP1-before-SL by its fills, known at its close.
 * A trade whose entry lacks a feature of the schema (decided before warm-up, a hand trade) is left out.
 */
public final class TrainingRows {
    private TrainingRows() {
    }

    public static List<LabeledEntry> from(TradeStore store, ModelSchema schema) {
        Map<String, Map<String, Double>> features = store.allEntryFeatures();
        List<LabeledEntry> out = new ArrayList<>();
        for (TradeStore.LabelRow row : store.labelRows()) {
            ClosedTrade t = row.trade();
            Map<String, Double> f = features.getOrDefault(t.signalKey(), Map.of());
            double[] x = new double[schema.size()];
            boolean complete = Double.isFinite(row.alphaStrength());
            for (int j = 0; j < x.length && complete; j++) {
                String name = schema.names().get(j);
                Double v = switch (name) {
                    case CandidateFeatures.SIDE -> t.side() == Side.SELL ? -1.0 : 1.0;
                    case CandidateFeatures.ALPHA_STRENGTH -> row.alphaStrength();
                    default -> f.get(name);
                };
                complete = v != null && Double.isFinite(v);
                x[j] = complete ? v : 0;
            }
            if (complete) {
                out.add(new LabeledEntry(t.openTimeMsc(), Math.max(t.openTimeMsc(), t.closeTimeMsc()), x,
                        TrainingExport.labels(row).tp1Hit()));
            }
        }
        return out;
    }
}
