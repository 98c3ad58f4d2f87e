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
 * retraining) that run at a lower OS scheduling priority: on a machine with few cores the loop, woken by a tick,
 * then takes the core from them at once instead of waiting out their time slice (milliseconds on Linux), and their
 * CPU goes mostly to time the loops leave idle. Java's own thread priorities do nothing on Linux unless the JVM runs
 * as root with {@code -XX:ThreadPriorityPolicy=1}; raising a thread's own nice value needs no privilege, so each
 * thread does it as it starts ({@code renice} on its kernel thread id). Where that is not possible (not Linux, no
 * {@code renice}) the thread runs at the normal priority and says so once in the log.
 */
public final class BackgroundThreads {
    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);
    /** Nice 10: a tenth of a normal thread's CPU share when both want a core (Linux CFS weights 110 vs 1024). */
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

    /** Lowers the calling thread's OS scheduling priority to nice {@link #NICE}; false when it could not. */
    static boolean lowerOwnPriority() {
        try {
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString(); // "<pid>/task/<tid>"
            String tid = self.substring(self.lastIndexOf('/') + 1);
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0) {
                return true;
            }
            renice.destroyForcibly();
            warnOnce("renice exited with " + (renice.isAlive() ? "no answer" : renice.exitValue()));
        } catch (IOException | UnsupportedOperationException | StringIndexOutOfBoundsException e) {
            warnOnce(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static void warnOnce(String why) {
        if (!warned) {
            warned = true;
            log.warn("background threads run at normal priority (cannot lower it: {}); they compete with the account "
                    + "loops for the cores", why);
        }
    }
}
