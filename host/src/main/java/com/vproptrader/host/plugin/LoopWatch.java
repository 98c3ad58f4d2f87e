package com.vproptrader.host.plugin;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugin calls made on a watched thread (an account's event loop) run right there, with no hand-off; one
 * watchdog thread cuts off a call that overruns its budget through the plugin's fault ({@link PluginFault}).
 *
 * <p>Why: handing each event's calls to a worker costs a wake-up per hand-off (tens of µs) and, on a busy
 * machine, a wait for a free core (milliseconds at the tail); a call in place costs neither.
 *
 * <p>Nothing can take a thread back from a plugin that never returns, so a cut-off thread is abandoned where it
 * is: the host quarantines the version (the call's own cut-off action) and the thread's owner carries on on a
 * fresh thread (its takeover). Should the plugin ever return, the abandoned thread unwinds at once with
 * {@link Abandoned} and touches nothing. Each call is claimed by its thread and cut off only by taking that claim
 * back, so a call either returns to its caller or is cut off, never both.
 */
public final class LoopWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoopWatch.class);
    /** How often an idle watchdog looks; a hang is seen within a budget of its start plus this. */
    private static final long IDLE_LOOK_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long CUT_OFF = -1;

    /** Ends an abandoned thread's work when its cut-off plugin call returns after all. */
    public static final class Abandoned extends Error {
        Abandoned() {
            super("this thread was cut off in a plugin call and replaced", null, false, false);
        }
    }

    /** What the host does when call {@code call} of a batch is cut off: quarantines the version and says why. */
    interface CutOff {
        String quarantine(int call);
    }

    private final long budgetNanos;
    private final ThreadLocal<Watched> local = new ThreadLocal<>();
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private Thread watchdog; // started with the first watched thread
    private volatile boolean closed;

    LoopWatch(long budgetNanos) {
        this.budgetNanos = budgetNanos;
    }

    /**
     * From now on plugin calls on the calling thread run in place under the watchdog. When one is cut off, the
     * version is quarantined and {@code takeover} gets the reason, on the watchdog's thread: it must carry the
     * thread's work on elsewhere, as this thread is abandoned.
     */
    public void watchThisThread(Consumer<String> takeover) {
        Watched w = new Watched(Thread.currentThread(), takeover);
        local.set(w);
        watched.add(w);
        startWatchdog();
    }

    /** The calling thread's plugin calls go back to the call runner (a thread that ends calls this first). */
    public void unwatchThisThread() {
        Watched w = local.get();
        if (w != null) {
            watched.remove(w);
            local.remove();
        }
    }

    /** The calling thread's watch, or null when its calls are not watched. */
    Watched here() {
        return local.get();
    }

    private synchronized void startWatchdog() {
        if (watchdog == null && !closed) {
            watchdog = new Thread(this::watch, "vpt-plugin-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    private void watch() {
        while (!closed) {
            long sleep = IDLE_LOOK_NS;
            for (Watched w : watched) {
                long claim = w.claim.get();
                if (claim == CUT_OFF || (claim & 1) == 0) {
                    continue; // between calls
                }
                long elapsed = System.nanoTime() - w.startedNanos; // of this call or a later one: never longer
                if (elapsed < budgetNanos) {
                    sleep = Math.min(sleep, budgetNanos - elapsed);
                } else if ((elapsed >= budgetNanos * PluginFault.STALL_ALLOWANCE
                        || PluginFault.isThePlugins(w.thread, () -> w.claim.get() == claim))
                        && w.claim.compareAndSet(claim, CUT_OFF)) {
                    cutOff(w);
                } else {
                    sleep = Math.min(sleep, PluginFault.PROBE_NS); // starved, not stuck: look again soon
                }
            }
            LockSupport.parkNanos(this, sleep);
        }
    }

    private void cutOff(Watched w) {
        watched.remove(w);
        w.thread.interrupt(); // a plugin asleep or waiting may return, and then its thread unwinds
        String reason;
        try {
            reason = w.cutOff.quarantine(w.call);
        } catch (RuntimeException e) {
            log.error("quarantining a cut-off plugin failed", e);
            reason = "a plugin call overran its budget";
        }
        try {
            w.takeover.accept(reason);
        } catch (RuntimeException e) {
            log.error("taking over from {} failed", w.thread.getName(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = watchdog;
        }
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** One watched thread: its call in progress, claimed by it and cut off only by the watchdog. */
    static final class Watched {
        final Thread thread;
        final Consumer<String> takeover;
        /** Even between calls (twice the calls so far), odd while one runs, or {@link #CUT_OFF}. */
        final AtomicLong claim = new AtomicLong();
        /** When the running call started (written before the claim that publishes it). */
        volatile long startedNanos;
        /** The running call's batch cut-off action and index (written before the claim that publishes them). */
        private CutOff cutOff;
        private int call;

        Watched(Thread thread, Consumer<String> takeover) {
            this.thread = thread;
            this.takeover = takeover;
        }

        /** The watched thread starts call {@code index} of a batch whose cut-off action is {@code onCutOff}. */
        void begin(CutOff onCutOff, int index) {
            cutOff = onCutOff;
            call = index;
            startedNanos = System.nanoTime();
            claim.set(claim.get() + 1); // only this thread moves a claim out of "between calls"
        }

        /** The call returned; throws {@link Abandoned} when it was cut off meanwhile (nothing may follow). */
        void end() {
            long c = claim.get();
            if (c == CUT_OFF || !claim.compareAndSet(c, c + 1)) {
                throw new Abandoned();
            }
        }
    }
}
