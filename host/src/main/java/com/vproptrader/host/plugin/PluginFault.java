package com.vproptrader.host.plugin;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Whether a plugin call past its budget overruns through the plugin's fault, or because the machine gives its
 * thread no CPU (an overloaded box can keep a runnable thread waiting for tens of milliseconds, which is not the
 * plugin's doing). Shared by both guards: the call runner's worker and the watched account loop.
 */
final class PluginFault {
    /** A call is never cut off before this many budgets when the machine, not the plugin, is slow. */
    static final int STALL_ALLOWANCE = 20;
    /** How long the CPU of a runnable thread is watched before judging. */
    static final long PROBE_NS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PluginFault() {
    }

    /**
     * True when {@code thread}, inside a call that is past its budget, is waiting inside the plugin (blocked,
     * waiting or sleeping) or burning CPU there (more than a quarter of a {@link #PROBE_NS} window); parks the
     * caller for that window when the thread is runnable. {@code stillInCall} says whether the same call still
     * runs (checked after looking, so a call that just returned is never judged).
     */
    static boolean isThePlugins(Thread thread, BooleanSupplier stillInCall) {
        Thread.State state = thread.getState();
        if (state != Thread.State.RUNNABLE) {
            return state != Thread.State.TERMINATED && stillInCall.getAsBoolean();
        }
        if (!THREADS.isThreadCpuTimeSupported()) {
            return stillInCall.getAsBoolean();
        }
        long cpu0 = THREADS.getThreadCpuTime(thread.getId());
        LockSupport.parkNanos(PROBE_NS);
        long cpu1 = THREADS.getThreadCpuTime(thread.getId());
        return stillInCall.getAsBoolean() && (cpu0 < 0 || cpu1 < 0 || cpu1 - cpu0 >= PROBE_NS / 4);
    }
}
