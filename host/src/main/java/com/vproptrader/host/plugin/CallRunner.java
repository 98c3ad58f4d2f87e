package com.vproptrader.host.plugin;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A worker thread that runs plugin calls for ONE caller thread, so a plugin that hangs costs the caller
 * its time budget, never its thread.
 *
 * <p>Why not an ExecutorService: submit + Future.get allocates and always parks, which costs tens of
 * microseconds per call. Here the hand-off is two volatile sequence numbers; both sides spin briefly
 * before parking, so back-to-back calls (several plugins per event) cost about a microsecond and an
 * idle worker costs nothing. Why not call inline with a watchdog: nothing can safely take the thread
 * back from a plugin that never returns (Thread.stop may hit host code), so the event loop would stall.
 *
 * <p>The budget is the plugin's own time. On an overloaded machine (CI boxes, or a host sharing its cores)
 * the worker can wait tens of milliseconds for a CPU, which is not the plugin's fault: a call past its
 * budget is cut off at once only when the plugin is provably the cause (it is blocked or waiting inside
 * the call, or it burns CPU); when the worker has not started the call or is runnable but getting no CPU,
 * the call gets more time, up to {@link #STALL_ALLOWANCE} budgets.
 *
 * <p>After a timeout the runner is abandoned: the worker is interrupted, its late result is dropped, and
 * the caller gets a fresh runner on its next call.
 */
final class CallRunner {
    private static final long CALLER_SPIN_NS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final long WORKER_SPIN_NS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long WORKER_IDLE_CHECK_NS = TimeUnit.SECONDS.toNanos(1);
    /** A call is never cut off before this many budgets when the machine, not the plugin, is slow. */
    static final int STALL_ALLOWANCE = 20;
    private static final long PROBE_NS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Thrown when the call did not finish within its budget. */
    static final class TimeoutException extends Exception {
        TimeoutException() {
            super(null, null, false, false);
        }
    }

    private final Thread caller;
    private final Thread worker;
    private volatile long requested;
    private volatile long started;
    private volatile long completed;
    private volatile boolean callerParked;
    private volatile boolean workerParked;
    private volatile boolean abandoned;
    private long sequence; // caller thread only
    // Hand-off fields: written before the volatile sequence store that publishes them.
    private Function<Object, Object> fn;
    private Object target;
    private Object result;
    private Throwable error;

    CallRunner(Thread caller, String name) {
        this.caller = caller;
        this.worker = new Thread(this::work, name);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Runs {@code fn.apply(target)} on the worker; only the caller thread given at construction may call.
     *
     * @return what fn returned
     * @throws TimeoutException when it took longer than budgetNanos; this runner is then unusable
     * @throws Throwable        whatever fn threw
     */
    @SuppressWarnings("unchecked")
    Object run(Function<?, ?> call, Object on, long budgetNanos) throws Throwable {
        long start = System.nanoTime();
        fn = (Function<Object, Object>) call;
        target = on;
        long seq = ++sequence;
        requested = seq;
        if (workerParked) {
            LockSupport.unpark(worker);
        }
        while (completed != seq) {
            long elapsed = System.nanoTime() - start;
            if (elapsed < CALLER_SPIN_NS) {
                Thread.onSpinWait();
            } else if (elapsed >= budgetNanos) {
                if (elapsed >= budgetNanos * STALL_ALLOWANCE || overrunIsThePlugins(seq)) {
                    abandon();
                    throw new TimeoutException();
                }
                LockSupport.parkNanos(this, PROBE_NS); // starved, not stuck: give it the CPU
            } else {
                callerParked = true;
                if (completed != seq) {
                    LockSupport.parkNanos(this, budgetNanos - elapsed);
                }
                callerParked = false;
            }
        }
        Throwable t = error;
        Object r = result;
        result = null;
        error = null;
        if (t != null) {
            throw t;
        }
        return r;
    }

    /**
     * Whether the call of {@code seq}, now past its budget, overruns through the plugin's fault: it started,
     * and is waiting inside the plugin or burning CPU there (more than a quarter of a short probe window).
     */
    private boolean overrunIsThePlugins(long seq) {
        if (started != seq) {
            return false; // the worker has not even been scheduled since the hand-off
        }
        Thread.State state = worker.getState();
        if (state != Thread.State.RUNNABLE) {
            return completed != seq; // BLOCKED, WAITING or TIMED_WAITING inside the plugin
        }
        if (!THREADS.isThreadCpuTimeSupported()) {
            return true;
        }
        long cpu0 = THREADS.getThreadCpuTime(worker.getId());
        LockSupport.parkNanos(this, PROBE_NS);
        long cpu1 = THREADS.getThreadCpuTime(worker.getId());
        return completed != seq && (cpu0 < 0 || cpu1 < 0 || cpu1 - cpu0 >= PROBE_NS / 4);
    }

    boolean isAbandoned() {
        return abandoned;
    }

    void abandon() {
        abandoned = true;
        worker.interrupt();
    }

    private void work() {
        long seen = 0;
        while (awaitRequest(seen)) {
            seen = requested;
            started = seen;
            Object r = null;
            Throwable t = null;
            try {
                r = fn.apply(target);
            } catch (Throwable e) {
                t = e;
            }
            fn = null;
            target = null;
            result = r;
            error = t;
            completed = seen;
            if (callerParked) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** Spins, then parks, until a request newer than {@code seen} arrives; false when the runner is done. */
    private boolean awaitRequest(long seen) {
        long spinUntil = System.nanoTime() + WORKER_SPIN_NS;
        while (requested == seen) {
            if (abandoned) {
                return false;
            }
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            workerParked = true;
            if (requested == seen && !abandoned) {
                LockSupport.parkNanos(this, WORKER_IDLE_CHECK_NS);
            }
            workerParked = false;
            if (!caller.isAlive()) { // the event loop died: nobody will call again
                abandoned = true;
            }
        }
        return !abandoned;
    }
}
