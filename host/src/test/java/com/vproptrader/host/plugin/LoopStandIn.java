package com.vproptrader.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.Tick;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A stand-in for the account's event loop, run on the test thread: per tick it takes one snapshot with
 * {@code current()} and calls every alpha through {@code callEach()}, as the real loop's scanner does. The test
 * thread is not watched, so its calls take the call runner's path (a worker per caller); the account loop's own
 * path, in place under the watchdog, is {@code LoopTakeoverTest}'s. It records, per tick sequence number, which
 * version of each plugin answered it.
 */
final class LoopStandIn {
    static final String NOBODY = "";

    private final PluginHost host;
    private long seq;
    /** tick seq -> version that answered ("" when no answer), in tick order. */
    final Map<Long, String> answeredBy = new LinkedHashMap<>();
    /** The same for every other plugin id: id -> (tick seq -> version). */
    final Map<String, Map<Long, String>> others = new LinkedHashMap<>();

    LoopStandIn(PluginHost host) {
        this.host = host;
    }

    /** Processes one tick of {@code symbol}; returns the answering version or {@link #NOBODY}. */
    String tick(String symbol) {
        long s = seq++;
        AlphaInput in = AlphaInput.newBuilder()
                .setTick(Tick.newBuilder().setSymbol(symbol).setTimeMsc(s).setBid(1.1).setAsk(1.10002))
                .addMidHistory(1.10001).build();
        PluginSet set = host.current();
        String version = NOBODY;
        List<Optional<AlphaOutput>> outs = host.callEach(set.alphas(), a -> a.evaluate(in), null);
        assertThat(outs).as("one answer per alpha").hasSameSizeAs(set.alphas());
        for (int i = 0; i < outs.size(); i++) {
            String id = set.alphas().get(i).pluginId();
            String answer = NOBODY;
            if (outs.get(i).isPresent()) {
                String[] parts = outs.get(i).get().getReason().split(" ");
                assertThat(Long.parseLong(parts[1])).as("answer belongs to tick %d", s).isEqualTo(s);
                answer = parts[0];
            }
            if (id.equals(TestPluginJar.ID)) {
                version = answer;
            } else {
                assertThat(others.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(s, answer))
                        .as("tick %d answered twice by %s", s, id).isNull();
            }
        }
        assertThat(answeredBy.put(s, version)).as("tick %d answered twice", s).isNull();
        return version;
    }

    String tick() {
        return tick("EURUSD");
    }

    /** Streams ticks (one a millisecond) until one is answered by {@code version}. */
    void streamUntilServedBy(String version, Duration max) {
        long giveUp = System.nanoTime() + max.toNanos();
        while (!tick().equals(version)) {
            if (System.nanoTime() > giveUp) {
                fail("version %s did not serve within %s; ledger: %s", version, max, host.describe());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Streams ticks (one a millisecond) until {@code done} holds. */
    void streamUntil(java.util.function.BooleanSupplier done, Duration max) {
        long giveUp = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                fail("condition not met within %s; ledger: %s", max, host.describe());
            }
            tick();
            LockSupport.parkNanos(1_000_000);
        }
    }

    long ticks() {
        return seq;
    }
}
