package com.vproptrader.host.background;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Daemon threads for work beside the account loops (the long-term memory's indexer, the navigator's simulations,
 * retraining) that run under Linux's SCHED_IDLE policy: a woken account loop, gateway or transport thread then takes
 * the core from them at once. A lower nice value is not enough: the kernel's EEVDF scheduler lets a running thread
 * finish its time slice (milliseconds) before a woken one of any nice value gets the core, and at one tick a
 * millisecond that showed as a p99 twice as long (ops/bench/README.md). Their CPU goes to time the loops leave idle.
 * Java's own thread priorities do nothing on Linux; an unprivileged thread may move itself to SCHED_IDLE, so each
 * thread does it as it starts ({@code chrt --idle} on its kernel thread id). Where that is not possible it falls
 * back to nice 10 ({@code renice}), and where neither is, the thread runs at the normal priority and says so once in
 * the log. The live journal's writer moves itself with {@link #toIdlePolicy()}.
 */
public final class BackgroundThreads {
    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);
    /** The fallback: a tenth of a normal thread's CPU share when both want a core (Linux CFS weights 110 vs 1024). */
    static final int NICE = 10;
    private static volatile boolean warned;

    private BackgroundThreads() {
    }

    /** A factory of daemon threads named {@code name} that lower their own priority before running any work. */
    public static ThreadFactory named(String name) {
        return work -> {
            Thread t = new Thread(() -> {
                lowerOwnPriority();
                work.run();
            }, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Moves the calling thread to SCHED_IDLE, or else to nice {@link #NICE}; false when neither could be done. */
    static boolean lowerOwnPriority() {
        String idle = toIdlePolicy();
        if (idle.isEmpty()) {
            return true;
        }
        try {
            String nice = run("renice", "-n", String.valueOf(NICE), "-p", ownThreadId());
            if (nice.isEmpty()) {
                warnOnce("chrt --idle " + idle + "; running at nice " + NICE + " instead", false);
                return true;
            }
            warnOnce("chrt --idle " + idle + ", renice " + nice, true);
        } catch (IOException | UnsupportedOperationException | StringIndexOutOfBoundsException e) {
            warnOnce(e.toString(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * Moves the calling thread to SCHED_IDLE, with no fallback: for a thread that nice 10 made worse (the journal's
     * writer, which at nice 10 doubled the p99 at one tick a millisecond). "" when done, else why not. An unprivileged
     * thread cannot leave SCHED_IDLE again.
     */
    public static String toIdlePolicy() {
        try {
            return run("chrt", "--idle", "-p", "0", ownThreadId());
        } catch (IOException | UnsupportedOperationException | StringIndexOutOfBoundsException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The calling thread's kernel thread id. */
    private static String ownThreadId() throws IOException {
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString(); // "<pid>/task/<tid>"
        return self.substring(self.lastIndexOf('/') + 1);
    }

    /** Runs a command; "" when it exited with 0, else what went wrong. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "gave no answer";
        }
        return p.exitValue() == 0 ? "" : "exited with " + p.exitValue();
    }

    private static void warnOnce(String why, boolean normalPriority) {
        if (!warned) {
            warned = true;
            if (normalPriority) {
                log.warn("background threads run at normal priority (cannot lower it: {}); they compete with the account "
                        + "loops for the cores", why);
            } else {
                log.warn("background threads: {}", why);
            }
        }
    }
}
