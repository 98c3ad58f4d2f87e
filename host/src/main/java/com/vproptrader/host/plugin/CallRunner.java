package com.vproptrader.host.plugin;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A worker thread that runs plugin calls for ONE caller thread, so a plugin that hangs costs the caller
 * its time budget, never its thread.
 *
 * <p>Why not an ExecutorService: submit + Future.get allocates and always parks, which costs tens of
 * microseconds per call. Here the hand-off is two volatile sequence numbers; both sides spin briefly
 * before parking, so back-to-back hand-offs cost about a microsecond and an idle worker costs nothing.
 * A spin yields the core at each turn ({@link Thread#yield}): with more runnable threads than cores (a
 * shared machine, or the host's own navigator and indexer beside the loop) a busy spin holds the core the
 * other side needs to finish, and the spinner then parks anyway; with a core to spare, a yield returns at once.
 * The caller spins only for a batch expected to end within its spin window, judged from the worker's own
 * time on its calls so far (never the hand-off's: a parked caller's wake-up, tens of µs, would make every
 * batch look long and the caller would never spin again); waiting out a longer batch (a scan of every
 * alpha) spinning would burn as much CPU as the calls themselves, so it parks at once and the worker wakes it.
 * Why not call inline with a watchdog: nothing can safely take the thread back from a plugin that never
 * returns (Thread.stop may hit host code), so the event loop would stall.
 *
 * <p>One hand-off carries a whole {@link Batch} (every alpha of a scan, every filter of a candidate): the
 * worker runs the calls in order, and each call has its own budget, timed from when the worker started it.
 * The worker claims each call before starting it and the caller cuts a call off only by taking that claim
 * back, so a call is either run once on this worker or left for the next one, never both.
 *
 * <p>The budget is the plugin's own time. On an overloaded machine (CI boxes, or a host sharing its cores)
 * the worker can wait tens of milliseconds for a CPU, which is not the plugin's fault: a call past its
 * budget is cut off at once only when the plugin is provably the cause (it is blocked or waiting inside
 * the call, or it burns CPU); when the worker has not started the call or is runnable but getting no CPU,
 * the call gets more time, up to {@link PluginFault#STALL_ALLOWANCE} budgets (see {@link PluginFault}).
 *
 * <p>After a timeout the runner is abandoned: the worker is interrupted, its late result is dropped, and
 * the caller gets a fresh runner on its next call.
 */
final class CallRunner {
    private static final long CALLER_SPIN_NS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long WORKER_SPIN_NS = TimeUnit.MICROSECONDS.toNanos(50);
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
    private volatile boolean callerParked;
    private volatile boolean workerParked;
    private volatile boolean abandoned;
    /** Which call of the batch runs (2i) or ran last (2i + 1), claimed by the worker; or CUT_OFF. */
    private final AtomicInteger claim = new AtomicInteger();
    /** When the worker started the claimed call (written before the claim that publishes it). */
    private volatile long callStartedNanos;
    private long sequence; // caller thread only
    /** Running mean of one call's time on the worker, from {@link #batchNanos} (caller thread only). */
    private long callNanosMean;
    /** The worker's own time on the last batch it completed (published by the volatile completed store). */
    private long batchNanos;
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
        long calls = work.size() - work.from;
        long spinNanos = callNanosMean * calls <= CALLER_SPIN_NS ? CALLER_SPIN_NS : 0;
        batch = work;
        claim.set(ran(work.from - 1));
        long seq = ++sequence;
        requested = seq;
        if (workerParked) {
            LockSupport.unpark(worker);
        }
        while (completed != seq) {
            int state = claim.get();
            boolean inCall = (state & 1) == 0;
            // the call that runs, or the next one when the worker is between two (or not started yet)
            int index = inCall ? state / 2 : (state + 1) / 2;
            long since = Math.max(handedOff, callStartedNanos);
            long now = System.nanoTime();
            long elapsed = now - since;
            if (now - handedOff < spinNanos || index >= work.size()) {
                Thread.yield(); // (past the last call: the worker is publishing the result)
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
                callerParked = true;
                if (completed != seq) {
                    LockSupport.parkNanos(this, budgetNanos - elapsed);
                }
                callerParked = false;
            }
        }
        batch = null;
        long perCall = batchNanos / Math.max(1, calls);
        callNanosMean += (perCall - callNanosMean) / 8;
    }

    private static int running(int index) {
        return 2 * index;
    }

    private static int ran(int index) {
        return 2 * index + 1;
    }

    /**
     * Wakes a parked worker because a hand-off is likely soon (the event loop started an event): it spins for
     * its spin window, so the hand-off does not pay the wake-up (tens of µs) when events are apart.
     */
    void wakeAhead() {
        if (workerParked) {
            LockSupport.unpark(worker);
        }
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
            long started = System.nanoTime();
            if (runBatch(batch)) {
                batchNanos = System.nanoTime() - started;
                completed = seen;
                if (callerParked) {
                    LockSupport.unpark(caller);
                }
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

    /** Spins, then parks, until a request newer than {@code seen} arrives; false when the runner is done. */
    private boolean awaitRequest(long seen) {
        long spinUntil = System.nanoTime() + WORKER_SPIN_NS;
        while (requested == seen) {
            if (abandoned) {
                return false;
            }
            if (System.nanoTime() < spinUntil) {
                Thread.yield();
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
            spinUntil = System.nanoTime() + WORKER_SPIN_NS; // woken ahead of a hand-off: be there for it
        }
        return !abandoned;
    }
}
