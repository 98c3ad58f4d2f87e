package com.vproptrader.host.engine;

import com.vproptrader.host.plugin.LoopWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The account's one thread and its inbox: other threads only enqueue work, or ask a question and wait for the
 * loop's answer. In lockstep (no thread) every piece of work runs at once on the caller's thread.
 *
 * <p>The loop's thread makes its plugin calls in place, watched by the plugin host's {@link LoopWatch}. When a call
 * is cut off, that thread is left stuck in the plugin and a fresh one takes the loop over: it first ends the
 * cut-off work (a question fails; an event gets the engine's {@code afterCutOff}), then takes the inbox where
 * the stuck one left it. So no event is lost, and none runs twice: the stuck thread, should its plugin ever
 * return, unwinds ({@link LoopWatch.Abandoned}) without touching anything.
 */
final class EventLoop {
    private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
    private static final long STOP_LOG_EVERY_MS = 5_000;
    private static final long TAKEOVER_LOOK_MS = 50;

    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    /** False in lockstep: no thread, work runs on the caller's. */
    private final boolean ownThread;
    /** Watches the plugin calls on the loop's thread; null with no plugin host (tests of the loop alone). */
    private final LoopWatch watch;
    /** What happens to work that threw: one bad event must not stop the account. */
    private final Consumer<RuntimeException> failed;
    /** The thread running the loop now (a fresh one after each cut-off); null until started. */
    private volatile Thread thread;
    /** The work the loop's thread runs now (what a takeover must end). */
    private volatile Runnable inHand;
    /** The engine's end of an event cut off in a plugin call; set by {@link #start}. */
    private Consumer<String> afterCutOff;
    private int threads; // numbers the loop's threads, for their names
    private volatile boolean running = true;

    EventLoop(boolean ownThread, LoopWatch watch, Consumer<RuntimeException> failed) {
        this.ownThread = ownThread;
        this.watch = watch;
        this.failed = failed;
    }

    /**
     * Starts the thread, once everything its work reads is built. {@code afterCutOff} ends an event whose plugin
     * call was cut off, given the reason, on the thread taking over (see the class comment).
     */
    void start(Consumer<String> afterCutOff) {
        this.afterCutOff = afterCutOff;
        if (ownThread) {
            Thread first = newThread(null);
            thread = first;
            first.start();
        }
    }

    void enqueue(Runnable work) {
        if (!ownThread) {
            runSafely(work);
        } else {
            inbox.add(work);
        }
    }

    <T> T ask(Supplier<T> question) {
        if (!ownThread) {
            return question.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        inbox.add(new Question(() -> answer.complete(question.get()), answer));
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("account loop did not answer: " + e, e);
        }
    }

    /** Work waiting for the loop now. */
    int depth() {
        return inbox.size();
    }

    /**
     * Ends the thread once the work in hand is done, and returns only when it has ended: whatever the loop writes
     * (journal, state file, memory) may be closed after this. Work still queued is not taken: its events were never
     * journaled, so nothing is half done (the terminal's hello after a restart brings back positions and recent deals);
     * a question still queued fails at once instead of waiting out its timeout. A backlog after a flood of events
     * therefore costs one event, not the whole queue. The event in hand ends within its plugin budgets.
     */
    void stop() {
        if (!ownThread || thread == null) {
            return;
        }
        running = false;
        inbox.add(() -> { }); // wakes a loop waiting for work
        boolean interrupted = false;
        long started = System.nanoTime();
        long nextLog = started + TimeUnit.MILLISECONDS.toNanos(STOP_LOG_EVERY_MS);
        Thread t;
        // a cut-off hands the loop to a fresh thread meanwhile: wait for the one running it, never the stuck one
        while ((t = thread).isAlive() || t != thread) {
            try {
                t.join(TAKEOVER_LOOK_MS);
            } catch (InterruptedException e) {
                interrupted = true; // the stores must not close under a running loop: keep waiting
            }
            if (t.isAlive() && System.nanoTime() > nextLog) {
                nextLog += TimeUnit.MILLISECONDS.toNanos(STOP_LOG_EVERY_MS);
                log.warn("account loop still busy with one event after {} ms of stopping",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        }
        List<Runnable> left = new ArrayList<>();
        inbox.drainTo(left);
        int events = 0;
        for (Runnable work : left) {
            if (work instanceof Question q) {
                q.answer.completeExceptionally(new IllegalStateException("account loop stopped"));
            } else {
                events++;
            }
        }
        if (events > 1) { // the wake-up is one
            log.info("account loop stopped with {} queued events not taken", events - 1);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A question's work, failed rather than left waiting when the loop stops before taking it. */
    private record Question(Runnable work, CompletableFuture<?> answer) implements Runnable {
        @Override
        public void run() {
            work.run();
        }
    }

    /** A loop thread that first ends {@code cutOff} (the work its stuck predecessor was cut off in), if any. */
    private Thread newThread(Runnable cutOff) {
        Thread t = new Thread(() -> run(cutOff), ++threads == 1 ? "account-loop" : "account-loop-" + threads);
        t.setDaemon(true);
        return t;
    }

    private void run(Runnable cutOff) {
        if (watch != null) {
            watch.watchThisThread(this::takeOver);
        }
        try {
            if (cutOff != null) {
                runSafely(cutOff);
            }
            while (running) {
                Runnable work;
                try {
                    work = inbox.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (!running) {
                    return; // stopping: the rest of the inbox is not taken
                }
                inHand = work;
                runSafely(work);
            }
        } catch (LoopWatch.Abandoned gone) {
            // this thread was cut off in a plugin call and a fresh one runs the loop: nothing more to do here
        } finally {
            if (watch != null) {
                watch.unwatchThisThread();
            }
        }
    }

    /** On the plugin watchdog's thread: the loop's thread is stuck in a cut-off plugin call; a fresh one goes on. */
    private void takeOver(String reason) {
        Runnable cut = inHand;
        Thread fresh = newThread(cut instanceof Question q
                ? () -> q.answer.completeExceptionally(
                        new IllegalStateException("account loop question cut off: " + reason))
                : () -> afterCutOff.accept(reason));
        fresh.start();
        thread = fresh;
        log.warn("account loop thread cut off in a plugin call ({}); {} carries on", reason, fresh.getName());
    }

    private void runSafely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            failed.accept(e);
        }
    }
}
