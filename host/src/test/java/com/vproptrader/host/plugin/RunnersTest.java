package com.vproptrader.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunnersTest {
    private static final long BUDGET = Duration.ofMillis(200).toNanos();
    private final Runners runners = new Runners();

    @AfterEach
    void close() {
        runners.close();
    }

    @Test
    void callRunsOnAnotherThread_andReturnsItsResult() throws Throwable {
        Function<String, String> where = s -> s + Thread.currentThread().getName();

        assertThat(runners.run(where, "on ", BUDGET)).isEqualTo("on vpt-plugin-call-1");
    }

    @Test
    void throwFromThePlugin_reachesTheCaller_andTheRunnerKeepsWorking() throws Throwable {
        Function<Object, Object> boom = x -> {
            throw new IllegalStateException("boom");
        };

        assertThatThrownBy(() -> runners.run(boom, "x", BUDGET)).hasMessage("boom");
        assertThat(runners.run(Function.identity(), "still here", BUDGET)).isEqualTo("still here");
    }

    @Test
    void callPastItsBudget_timesOut_andTheNextCallGetsAFreshWorker() throws Throwable {
        Function<Object, Object> hang = x -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return "interrupted late";
            }
            return "never";
        };
        Function<Object, Object> where = x -> Thread.currentThread().getName();

        assertThat(runners.run(where, null, BUDGET)).isEqualTo("vpt-plugin-call-1");
        assertThatThrownBy(() -> runners.run(hang, null, BUDGET)).isInstanceOf(CallRunner.TimeoutException.class);
        assertThat(runners.run(where, null, BUDGET)).isEqualTo("vpt-plugin-call-2");
    }

    @Test
    void pluginBurningCpuPastItsBudget_timesOut() {
        Function<Object, Object> spin = x -> {
            long n = 0;
            while (!Thread.currentThread().isInterrupted()) {
                n++;
            }
            return n;
        };

        assertThatThrownBy(() -> runners.run(spin, null, BUDGET)).isInstanceOf(CallRunner.TimeoutException.class);
    }

    @Test
    void manyBackToBackCalls_eachGetsItsOwnAnswer() throws Throwable {
        Function<Integer, Integer> twice = i -> 2 * i;
        int wrong = 0;
        for (int i = 0; i < 20_000; i++) {
            if (!Integer.valueOf(2 * i).equals(runners.run(twice, i, BUDGET))) {
                wrong++;
            }
        }
        assertThat(wrong).isZero();
    }

    @Test
    void batchWhoseMiddleCallHangs_cutsOffOnlyThatCall_andTheRestRunsOnceOnAFreshWorker() throws Throwable {
        java.util.concurrent.atomic.AtomicInteger lastCallRuns = new java.util.concurrent.atomic.AtomicInteger();
        Function<String, Object> calls = what -> switch (what) {
            case "hang" -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    yield "interrupted late";
                }
                yield "never";
            }
            case "last" -> lastCallRuns.incrementAndGet() + " " + Thread.currentThread().getName();
            default -> what + " " + Thread.currentThread().getName();
        };
        Batch batch = new Batch(calls, new Object[] {"first", "hang", "last"}, null);

        assertThatThrownBy(() -> runners.run(batch, BUDGET)).isInstanceOf(CallRunner.TimeoutException.class)
                .satisfies(e -> assertThat(((CallRunner.TimeoutException) e).index).isEqualTo(1));
        batch.cutOff(1);
        runners.run(batch, BUDGET);

        assertThat(batch.results[0]).isEqualTo("first vpt-plugin-call-1");
        assertThat(batch.results[2]).isEqualTo("1 vpt-plugin-call-2");
        assertThat(batch.ran()).isEqualTo(3);
        Thread.sleep(50); // the abandoned worker, interrupted, must not go on to the last call
        assertThat(lastCallRuns).hasValue(1);
        assertThat(batch.ran()).isEqualTo(3);
    }

    @Test
    void batchStopsAfterTheFirstResultItsPredicateAccepts() throws Throwable {
        Function<Integer, Integer> same = i -> i;
        java.util.function.Predicate<Integer> two = i -> i == 2;
        Batch batch = new Batch(same, new Object[] {1, 2, 3, 4}, two);

        runners.run(batch, BUDGET);

        assertThat(batch.ran()).isEqualTo(2);
        assertThat(batch.results).containsExactly(1, 2, null, null);
    }
}
