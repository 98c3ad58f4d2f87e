package com.vproptrader.host.learn;

import java.util.List;

/** Checks every trainer makes on its input. */
final class Trainers {
    private Trainers() {
    }

    static void requireBothOutcomes(List<LabeledEntry> rows) {
        long hits = rows.stream().filter(LabeledEntry::tp1First).count();
        if (hits == 0 || hits == rows.size()) {
            throw new IllegalArgumentException("training needs both outcomes; got " + hits + " TP1-first of "
                    + rows.size() + " entries");
        }
    }
}
