package com.vproptrader.host.plugin;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The plugin calls of one event handed to the guard worker at once: call i applies {@code fn} to
 * {@code targets[i]}, in order from {@link #from}, and stops after the first result {@code stopAfter} accepts.
 * The worker writes each call's result or throwable before it claims the next call (see {@link CallRunner}).
 */
final class Batch {
    private final Function<Object, Object> fn;
    private final Object[] targets;
    private final Predicate<Object> stopAfter;
    final Object[] results;
    final Throwable[] errors;
    /** The first call still to run; later batches over the same calls resume after a cut-off one. */
    int from;
    /** One past the last call that ran (its result or throwable is set). */
    private int ran;

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

    int ran() {
        return ran;
    }

    /** Runs call i on this thread; true when the calls after it must not run. */
    boolean runOne(int i) {
        Object r = null;
        try {
            r = fn.apply(targets[i]);
        } catch (Throwable t) {
            errors[i] = t;
        }
        results[i] = r;
        ran = i + 1;
        return r != null && stopAfter != null && stopAfter.test(r);
    }

    /** Marks call i as cut off by its budget: it counts as run (without a result) and the next batch resumes after it. */
    void cutOff(int i) {
        ran = i + 1;
        from = i + 1;
    }
}
