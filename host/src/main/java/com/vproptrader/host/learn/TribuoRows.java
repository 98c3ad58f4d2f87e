package com.vproptrader.host.learn;

import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Entries as Tribuo examples. Every feature is added, zeros included, so column names stay stable. */
final class TribuoRows {
    static final String HIT = "tp1";
    static final String MISS = "sl";
    /** The one regression output of boosting rounds. */
    static final String TARGET = "residual";
    static final Label HIT_LABEL = new Label(HIT);
    static final Label MISS_LABEL = new Label(MISS);
    private static final LabelFactory LABELS = new LabelFactory();
    private static final RegressionFactory REGRESSION = new RegressionFactory();

    private TribuoRows() {
    }

    static MutableDataset<Label> labels(ModelSchema schema, List<LabeledEntry> rows) {
        MutableDataset<Label> ds = dataset("tp1-before-sl", LABELS);
        String[] names = names(schema);
        for (LabeledEntry r : rows) {
            ds.add(new ArrayExample<>(r.tp1First() ? HIT_LABEL : MISS_LABEL, names, r.features()));
        }
        return ds;
    }

    /** Regression targets per row (boosting fits each tree on the current residuals). */
    static MutableDataset<Regressor> targets(ModelSchema schema, List<LabeledEntry> rows, double[] targets) {
        MutableDataset<Regressor> ds = dataset("residuals", REGRESSION);
        String[] names = names(schema);
        for (int i = 0; i < rows.size(); i++) {
            ds.add(new ArrayExample<>(new Regressor(TARGET, targets[i]), names, rows.get(i).features()));
        }
        return ds;
    }

    static <T extends Output<T>> Example<T> example(ModelSchema schema, double[] row, T unknown) {
        schema.check(row);
        return new ArrayExample<>(unknown, names(schema), row);
    }

    static Label unknownLabel() {
        return LABELS.getUnknownOutput();
    }

    static Regressor unknownRegressor() {
        return REGRESSION.getUnknownOutput();
    }

    private static String[] names(ModelSchema schema) {
        return schema.names().toArray(String[]::new);
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(String name, OutputFactory<T> factory) {
        return new MutableDataset<>(new SimpleDataSourceProvenance(name, factory), factory);
    }
}
