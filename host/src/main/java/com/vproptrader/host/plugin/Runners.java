package com.vproptrader.host.plugin;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Gives each calling thread its own {@link CallRunner}: callers never queue behind each other, and a runner lost
 * to a hanging plugin is replaced on the next call.
 */
final class Runners implements AutoCloseable {
    private final ThreadLocal<CallRunner> local = new ThreadLocal<>();
    private final Set<CallRunner> all = ConcurrentHashMap.newKeySet();
    private final AtomicInteger created = new AtomicInteger();

    /** Runs fn on the calling thread's runner: its result, or what it threw. See {@link CallRunner#run}. */
    Object run(Function<?, ?> fn, Object target, long budgetNanos) throws Throwable {
        Batch one = Batch.of(fn, target);
        run(one, budgetNanos);
        if (one.errors[0] != null) {
            throw one.errors[0];
        }
        return one.results[0];
    }

    /** Runs a batch on the calling thread's runner in one hand-off. See {@link CallRunner#run}. */
    void run(Batch batch, long budgetNanos) throws CallRunner.TimeoutException {
        CallRunner r = local.get();
        if (r == null || r.isAbandoned()) {
            r = newRunner();
        }
        r.run(batch, budgetNanos);
    }

    private CallRunner newRunner() {
        all.removeIf(CallRunner::isAbandoned);
        var r = new CallRunner(Thread.currentThread(), "vpt-plugin-call-" + created.incrementAndGet());
        local.set(r);
        all.add(r);
        return r;
    }

    @Override
    public void close() {
        all.forEach(CallRunner::abandon);
        all.clear();
    }
}
