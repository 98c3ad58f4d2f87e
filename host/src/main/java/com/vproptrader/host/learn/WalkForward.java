package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Walk-forward splits without look-ahead. The entries are cut by entry time into {@code folds + 1} equal
 * stretches; fold k tests on stretch k+1 and trains on every entry whose outcome was known at least
 * {@code purgeMs} before that stretch starts. The purge keeps out trades that were still open (or only just
 * closed) when testing begins, whose outcomes overlap the test stretch's market.
 */
public final class WalkForward {
    /**
     * One fold: train on {@code train}, then decide on {@code test}.
     *
     * @param testFromMs first entry time of the test stretch (inclusive)
     * @param testToMs   end of the test stretch (exclusive)
     */
    public record Split(List<LabeledEntry> train, List<LabeledEntry> test, long testFromMs, long testToMs) {
    }

    private final int folds;
    private final long purgeMs;

    public WalkForward(int folds, long purgeMs) {
        if (folds < 1 || purgeMs < 0) {
            throw new IllegalArgumentException("need folds >= 1 and purge >= 0, got " + folds + ", " + purgeMs);
        }
        this.folds = folds;
        this.purgeMs = purgeMs;
    }

    public List<Split> splits(List<LabeledEntry> entries) {
        if (entries.size() < folds + 1) {
            throw new IllegalArgumentException(entries.size() + " entries cannot make " + folds + " folds");
        }
        List<LabeledEntry> byEntry = new ArrayList<>(entries);
        byEntry.sort(Comparator.comparingLong(LabeledEntry::entryMs));
        long first = byEntry.get(0).entryMs();
        long end = byEntry.get(byEntry.size() - 1).entryMs() + 1;
        double stretch = (end - first) / (double) (folds + 1);
        List<Split> out = new ArrayList<>(folds);
        for (int k = 1; k <= folds; k++) {
            long from = first + Math.round(stretch * k);
            long to = k == folds ? end : first + Math.round(stretch * (k + 1));
            out.add(new Split(trainableAt(byEntry, from), between(byEntry, from, to), from, to));
        }
        return out;
    }

    /** The entries a model trained at {@code atMs} may learn from: outcome known at least the purge earlier. */
    public List<LabeledEntry> trainableAt(List<LabeledEntry> entries, long atMs) {
        long cutoff = atMs - purgeMs;
        return entries.stream().filter(e -> e.labelKnownMs() < cutoff)
                .sorted(Comparator.comparingLong(LabeledEntry::entryMs)).toList();
    }

    private static List<LabeledEntry> between(List<LabeledEntry> byEntry, long from, long to) {
        return byEntry.stream().filter(e -> e.entryMs() >= from && e.entryMs() < to).toList();
    }
}
