package com.vproptrader.host.plugin;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A worker thread that runs plugin calls for ONE caller thread that cannot be replaced when a plugin hangs (the
 * control thread's smoke calls of a new version), so a plugin that hangs costs the caller its time budget, never
 * its thread. An account loop, which can be replaced, calls in place under a watchdog instead ({@link LoopWatch}):
 * no hand-off, no second thread waiting for a core.
 *
 * <p>The hand-off is two volatile sequence numbers and park/unpark (no executor, no allocation per call).
 *
 * <p>One hand-off carries a whole {@link Batch}: the worker runs the calls in order, and each call has its own
 * budget, timed from when the worker started it. The worker claims each call before starting it and the caller
 * cuts a call off only by taking that claim back, so a call is either run once on this worker or left for the
 * next one, never both.
 *
 * <p>The budget is the plugin's own time: a call past its budget is cut off at once only when the plugin is
 * provably the cause; when the worker has not started the call or is runnable but getting no CPU, the call gets
 * more time, up to {@link PluginFault#STALL_ALLOWANCE} budgets (see {@link PluginFault}).
 *
 * <p>After a timeout the runner is abandoned: the worker is interrupted, its late result is dropped, and
 * the caller gets a fresh runner on its next call.
 */
final class CallRunner {
    private static final long WORKER_IDLE_CHECK_NS = TimeUnit.SECONDS.toNanos(1);
    /** {@link #claim} once the caller cut the running call off; else 2i while call i runs, 2i + 1 once it ran. */
    private static final int CUT_OFF = Integer.MIN_VALUE;

    /** Thrown when call {@link #index} of a batch did not finish within its budget; the calls before it did. */
    static final class TimeoutException extends Exception {
        final int index;

        TimeoutException(int index) {
            super(null, null, false, false);
            this.index = index;
        }
    }

    private final Thread caller;
    private final Thread worker;
    private volatile long requested;
    private volatile long completed;
    private volatile boolean abandoned;
    /** Which call of the batch runs (2i) or ran last (2i + 1), claimed by the worker; or CUT_OFF. */
    private final AtomicInteger claim = new AtomicInteger();
    /** When the worker started the claimed call (written before the claim that publishes it). */
    private volatile long callStartedNanos;
    private long sequence; // caller thread only
    private Batch batch; // published by the volatile sequence store

    CallRunner(Thread caller, String name) {
        this.caller = caller;
        this.worker = new Thread(this::work, name);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Runs the batch's calls in order on the worker; only the caller thread given at construction may call.
     * On return every call up to {@link Batch#ran()} has its result or its throwable in the batch.
     *
     * @throws TimeoutException when a call took longer than budgetNanos; the calls before it ran, it and the
     *                          ones after it did not run here (this runner is then unusable)
     */
    void run(Batch work, long budgetNanos) throws TimeoutException {
        long handedOff = System.nanoTime();
        batch = work;
        claim.set(ran(work.from - 1));
        long seq = ++sequence;
        requested = seq;
        LockSupport.unpark(worker);
        while (completed != seq) {
            int state = claim.get();
            boolean inCall = (state & 1) == 0;
            // the call that runs, or the next one when the worker is between two (or not started yet)
            int index = inCall ? state / 2 : (state + 1) / 2;
            long elapsed = System.nanoTime() - Math.max(handedOff, callStartedNanos);
            if (index >= work.size()) {
                Thread.yield(); // past the last call: the worker is publishing the result
            } else if (elapsed >= budgetNanos) {
                if ((elapsed >= budgetNanos * PluginFault.STALL_ALLOWANCE
                        || inCall && PluginFault.isThePlugins(worker, () -> completed != seq && claim.get() == state))
                        && claim.compareAndSet(state, CUT_OFF)) {
                    abandon();
                    batch = null;
                    throw new TimeoutException(index);
                }
                LockSupport.parkNanos(this, PluginFault.PROBE_NS); // starved, not stuck: give it the CPU
            } else {
                LockSupport.parkNanos(this, budgetNanos - elapsed); // the worker unparks this thread when done
            }
        }
        batch = null;
    }

    private static int running(int index) {
        return 2 * index;
    }

    private static int ran(int index) {
        return 2 * index + 1;
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
            if (runBatch(batch)) {
                completed = seen;
                LockSupport.unpark(caller);
            }
        }
    }

    /** Runs the calls in order, each claimed first; false when the caller cut one off (stop here). */
    private boolean runBatch(Batch b) {
        for (int i = b.from; i < b.size(); i++) {
            callStartedNanos = System.nanoTime();
            if (!claim.compareAndSet(ran(i - 1), running(i))) {
                return false;
            }
            boolean stop = b.runOne(i);
            // a stop marks the whole batch as run: the caller must not cut off a call that will never start
            if (!claim.compareAndSet(running(i), ran(stop ? b.size() - 1 : i))) {
                return false; // cut off meanwhile: this worker is abandoned and records nothing more
            }
            if (stop) {
                b.stopAt(i);
                break;
            }
        }
        return true;
    }

    /** Parks until a request newer than {@code seen} arrives; false when the runner is done. */
    private boolean awaitRequest(long seen) {
        while (requested == seen) {
            if (abandoned) {
                return false;
            }
            LockSupport.parkNanos(this, WORKER_IDLE_CHECK_NS);
            if (!caller.isAlive()) { // the caller died: nobody will call again
                abandoned = true;
            }
        }
        return !abandoned;
    }
}
