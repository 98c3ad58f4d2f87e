package com.vproptrader.host.plugin;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The plugin calls of one event stage (every alpha of a scan, every filter of a candidate), run in one go: call i
 * applies {@code fn} to {@code targets[i]}, in order from {@link #from}, and stops after the first result
 * {@code stopAfter} accepts. Whoever runs a call (the watched loop itself, or a {@link CallRunner}'s worker) writes
 * its result or throwable before it claims the next one.
 */
final class Batch {
    private final Function<Object, Object> fn;
    private final Object[] targets;
    private final Predicate<Object> stopAfter;
    final Object[] results;
    final Throwable[] errors;
    /** The first call still to run; later batches over the same calls resume after a cut-off one. */
    int from;
    /** The call whose result stopped the batch, or -1; set only by the thread whose call that was. */
    private int stoppedAt = -1;

    @SuppressWarnings("unchecked")
    Batch(Function<?, ?> fn, Object[] targets, Predicate<?> stopAfter) {
        this.fn = (Function<Object, Object>) fn;
        this.targets = targets;
        this.stopAfter = (Predicate<Object>) stopAfter;
        this.results = new Object[targets.length];
        this.errors = new Throwable[targets.length];
    }

    /** One call, as a batch. */
    static Batch of(Function<?, ?> fn, Object target) {
        return new Batch(fn, new Object[] {target}, null);
    }

    int size() {
        return targets.length;
    }

    /** Once the batch is done: one past the last call that ran (all of them, unless a result stopped it). */
    int ran() {
        return stoppedAt >= 0 ? stoppedAt + 1 : targets.length;
    }

    void stopAt(int i) {
        stoppedAt = i;
    }

    /**
     * Runs call i on this thread and keeps its result or throwable at index i (a call cut off by its budget may
     * still write its own index late; nothing reads it); true when the calls after it must not run.
     */
    boolean runOne(int i) {
        Object r = null;
        try {
            r = fn.apply(targets[i]);
        } catch (Throwable t) {
            errors[i] = t;
        }
        results[i] = r;
        return r != null && stopAfter != null && stopAfter.test(r);
    }

    /** Marks call i as cut off by its budget: it counts as run (without a result) and the next batch resumes after it. */
    void cutOff(int i) {
        from = i + 1;
    }
}
