package com.vproptrader.host.engine;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stopping the account loop after a flood of events: the stores it writes are closed right after {@link EventLoop#stop},
 * so stop must return only once the loop has ended, and a backlog must not keep it running.
 */
class EventLoopStopTest {

    @Test
    void stopWaitsForTheEventInHandAndTakesNoneOfTheBacklog() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean inHandFinished = new AtomicBoolean();
        EventLoop loop = loopHoldingAnEvent(release, inHandFinished);
        AtomicInteger backlogRun = new AtomicInteger();
        for (int i = 0; i < 10_000; i++) {
            loop.enqueue(backlogRun::incrementAndGet);
        }

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(loop::stop);
        Thread.sleep(200);
        assertThat(stopped).isNotDone(); // the event in hand still runs: nothing may be closed under it
        release.countDown();
        stopped.get(10, TimeUnit.SECONDS);

        assertThat(inHandFinished).isTrue();
        assertThat(backlogRun).hasValue(0);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("account-loop") && t.isAlive());
    }

    @Test
    void aQuestionLeftInTheInboxFailsAtOnceWhenTheLoopStops() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        EventLoop loop = loopHoldingAnEvent(release, new AtomicBoolean());
        CompletableFuture<String> asked = CompletableFuture.supplyAsync(() -> loop.ask(() -> "answer"));
        while (loop.depth() == 0) {
            Thread.sleep(1);
        }
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(loop::stop);
        Thread.sleep(100);
        release.countDown();
        stopped.get(10, TimeUnit.SECONDS);

        long start = System.nanoTime();
        assertThatThrownBy(() -> asked.get(10, TimeUnit.SECONDS)).hasMessageContaining("account loop stopped");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5); // not its 10 s timeout
    }

    /** A started loop whose thread holds one event until {@code release} opens; {@code finished} is set as it ends. */
    private static EventLoop loopHoldingAnEvent(CountDownLatch release, AtomicBoolean finished) throws InterruptedException {
        EventLoop loop = new EventLoop(true, null, e -> { });
        loop.start(reason -> { });
        CountDownLatch inHand = new CountDownLatch(1);
        loop.enqueue(() -> {
            inHand.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
        });
        assertThat(inHand.await(10, TimeUnit.SECONDS)).isTrue();
        return loop;
    }
}
