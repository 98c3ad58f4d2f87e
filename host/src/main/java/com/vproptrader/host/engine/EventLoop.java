package com.vproptrader.host.engine;

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
        inbox.add(() -> answer.complete(question.get()));
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

    /** Ends the thread after the work queued before this call (waits up to 5 s). */
    void stop() {
        if (thread != null) {
            inbox.add(() -> running = false);
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
