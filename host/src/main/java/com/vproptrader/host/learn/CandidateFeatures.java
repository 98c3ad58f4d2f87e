package com.vproptrader.host.learn;

import com.vproptrader.host.feature.FeatureConfig;
import com.vproptrader.host.feature.FeatureSet;
import com.vproptrader.host.time.ServerClock;
import com.vproptrader.proto.ModelInput;
import com.vproptrader.proto.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The feature vector a model scores a candidate on: the symbol's features at entry (the {@link FeatureSet}
 * schema of the host's feature config, in its order), then the candidate's side (+1 buy, -1 sell) and the
 * proposing alpha's strength. Training rows are written in the same order, so schema hashes match.
 */
public final class CandidateFeatures {
    public static final String SIDE = "side";
    public static final String ALPHA_STRENGTH = "alpha_strength";

    /** The vector of the host's default feature config: what the event loop sends, what models must take. */
    public static final CandidateFeatures DEFAULT = new CandidateFeatures(FeatureConfig.defaults());

    private final ModelSchema schema;

    public CandidateFeatures(FeatureConfig config) {
        List<String> names = new ArrayList<>(new FeatureSet("schema", config, ServerClock.NY_CLOSE).schema().names());
        names.add(SIDE);
        names.add(ALPHA_STRENGTH);
        this.schema = new ModelSchema(names);
    }

    public ModelSchema schema() {
        return schema;
    }

    /** The model input of one candidate; empty while the symbol's features are not warm (NaN slots). */
    public Optional<ModelInput> input(FeatureSet features, Side side, double alphaStrength) {
        if (features == null || !features.isWarm()) {
            return Optional.empty();
        }
        ModelInput.Builder b = ModelInput.newBuilder().addAllFeatureNames(schema.names());
        int base = features.schema().size();
        for (int i = 0; i < base; i++) {
            double v = features.get(i);
            if (!Double.isFinite(v)) {
                return Optional.empty();
            }
            b.addFeatures(v);
        }
        return Optional.of(b.addFeatures(side == Side.SELL ? -1 : 1).addFeatures(alphaStrength).build());
    }
}
