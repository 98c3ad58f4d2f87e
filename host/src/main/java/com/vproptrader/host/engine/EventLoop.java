package com.vproptrader.host.engine;

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
 */
final class EventLoop {
    private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
    private static final long STOP_LOG_EVERY_MS = 5_000;

    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    /** The loop's own thread; null in lockstep. */
    private final Thread thread;
    /** What happens to work that threw: one bad event must not stop the account. */
    private final Consumer<RuntimeException> failed;
    private volatile boolean running = true;

    EventLoop(boolean ownThread, Consumer<RuntimeException> failed) {
        this.failed = failed;
        this.thread = ownThread ? new Thread(this::run, "account-loop") : null;
        if (thread != null) {
            thread.setDaemon(true);
        }
    }

    /** Starts the thread, once everything its work reads is built. */
    void start() {
        if (thread != null) {
            thread.start();
        }
    }

    void enqueue(Runnable work) {
        if (thread == null) {
            runSafely(work);
        } else {
            inbox.add(work);
        }
    }

    <T> T ask(Supplier<T> question) {
        if (thread == null) {
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
        if (thread == null) {
            return;
        }
        running = false;
        inbox.add(() -> { }); // wakes a loop waiting for work
        boolean interrupted = false;
        long started = System.nanoTime();
        while (thread.isAlive()) {
            try {
                thread.join(STOP_LOG_EVERY_MS);
            } catch (InterruptedException e) {
                interrupted = true; // the stores must not close under a running loop: keep waiting
            }
            if (thread.isAlive()) {
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

    private void run() {
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
            runSafely(work);
        }
    }

    private void runSafely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            failed.accept(e);
        }
    }
}
