package com.vproptrader.host.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WalkForwardTest {
    private static final long PURGE_MS = 30 * 60_000L;
    private final WalkForward walk = new WalkForward(4, PURGE_MS);

    @Test
    void everyTrainingOutcomeWasKnownAPurgeBeforeItsTestStretch() {
        List<LabeledEntry> rows = SyntheticEntries.generate(2_000, 11);

        List<WalkForward.Split> splits = walk.splits(rows);

        assertThat(splits).hasSize(4);
        for (WalkForward.Split s : splits) {
            assertThat(s.train()).isNotEmpty().allSatisfy(e -> assertThat(e.labelKnownMs()).isLessThan(s.testFromMs() - PURGE_MS));
            assertThat(s.test()).isNotEmpty().allSatisfy(e -> assertThat(e.entryMs()).isBetween(s.testFromMs(), s.testToMs() - 1));
        }
        // an entry whose outcome came in during the purge is left out though it was entered before the test
        WalkForward.Split first = splits.get(0);
        assertThat(rows).anySatisfy(e -> {
            assertThat(e.entryMs()).isLessThan(first.testFromMs());
            assertThat(e.labelKnownMs()).isGreaterThanOrEqualTo(first.testFromMs() - PURGE_MS);
        });
    }

    @Test
    void shufflingTheFutureChangesNoPastTrainingRowNorAnyPastDecision() {
        List<LabeledEntry> rows = SyntheticEntries.generate(1_500, 5);
        long cut = rows.get(1_000).entryMs(); // "now": everything later is the future
        List<LabeledEntry> shuffled = shuffleFuture(rows, cut, 99);

        List<WalkForward.Split> before = walk.splits(rows);
        List<WalkForward.Split> after = walk.splits(shuffled);

        int pastFolds = 0;
        boolean futureDecisionsMoved = false;
        for (int k = 0; k < before.size(); k++) {
            WalkForward.Split a = before.get(k);
            WalkForward.Split b = after.get(k);
            double[] da = decisions(a);
            double[] db = decisions(b);
            if (a.testFromMs() <= cut) {
                pastFolds++;
                assertThat(rowsOf(b.train())).isEqualTo(rowsOf(a.train()));
                for (int i = 0; i < a.test().size(); i++) {
                    if (a.test().get(i).entryMs() < cut) {
                        assertThat(db[i]).as("decision at %d", a.test().get(i).entryMs()).isEqualTo(da[i]);
                    }
                }
            } else {
                futureDecisionsMoved |= !Arrays.equals(da, db);
            }
        }
        assertThat(pastFolds).isGreaterThanOrEqualTo(2);
        assertThat(futureDecisionsMoved).as("the shuffle reached the folds after the cut").isTrue();
    }

    /** Features of entries from {@code cut} on, and outcomes known from {@code cut} on, permuted among themselves. */
    private static List<LabeledEntry> shuffleFuture(List<LabeledEntry> rows, long cut, long seed) {
        Random rnd = new Random(seed);
        List<double[]> futureFeatures = new ArrayList<>();
        List<Boolean> futureLabels = new ArrayList<>();
        for (LabeledEntry e : rows) {
            if (e.entryMs() >= cut) {
                futureFeatures.add(e.features());
            }
            if (e.labelKnownMs() >= cut) {
                futureLabels.add(e.tp1First());
            }
        }
        Collections.shuffle(futureFeatures, rnd);
        Collections.shuffle(futureLabels, rnd);
        List<LabeledEntry> out = new ArrayList<>();
        int f = 0;
        int l = 0;
        for (LabeledEntry e : rows) {
            double[] x = e.entryMs() >= cut ? futureFeatures.get(f++) : e.features();
            boolean y = e.labelKnownMs() >= cut ? futureLabels.get(l++) : e.tp1First();
            out.add(new LabeledEntry(e.entryMs(), e.labelKnownMs(), x, y));
        }
        return out;
    }

    private static double[] decisions(WalkForward.Split s) {
        RandomForest model = new ForestTrainer(new ForestTrainer.Config(8, 5, 0.5f, 1)).train(SyntheticEntries.SCHEMA, s.train());
        return s.test().stream().mapToDouble(e -> model.probability(e.features())).toArray();
    }

    private static List<String> rowsOf(List<LabeledEntry> rows) {
        return rows.stream().map(e -> e.entryMs() + ":" + e.labelKnownMs() + ":" + Arrays.toString(e.features())
                + ":" + e.tp1First()).toList();
    }
}
