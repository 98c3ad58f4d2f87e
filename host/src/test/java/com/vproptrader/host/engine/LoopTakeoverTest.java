package com.vproptrader.host.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vproptrader.host.plugin.CpuBurners;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSet;
import com.vproptrader.host.plugin.TestPluginJar;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginState;
import com.vproptrader.proto.Tick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account loop calls its plugins on its own thread. A version that hangs there is cut off by the plugin host's
 * watchdog within its budget and quarantined; a fresh loop thread ends the cut-off event and takes the inbox where
 * the stuck one left it, so with a backlog queued behind the hang no event is lost, none runs twice, and the order
 * holds. Real plugin JARs, the real {@link EventLoop} and {@link PluginHost}; each event scans every alpha in one
 * {@code callEach}, as the scanner does.
 */
class LoopTakeoverTest {
    private static final Duration BUDGET = Duration.ofMillis(250); // generous: CI machines stall
    private static final Duration PATIENCE = Duration.ofSeconds(15); // failure bound, not a timing claim
    /** The most a call may take before the watchdog must have cut it off, on a machine that starves it. */
    private static final Duration CUT_OFF_BOUND = BUDGET.multipliedBy(20);
    private static final int BACKLOG = 500;

    @TempDir
    static Path work;
    static Path alphaV1;
    static Path alphaV2HangsOnPoison;
    static Path betaV1;

    @TempDir
    Path folder;
    PluginHost host;
    EventLoop loop;
    /** seq → the answers of its scan ("echo-alpha=1.0.0", "echo-beta=-" for no answer), once per seq handled. */
    final Map<Long, List<String>> handled = new ConcurrentHashMap<>();
    final List<Long> order = new CopyOnWriteArrayList<>();
    final Map<Long, String> threadOf = new ConcurrentHashMap<>();
    final Map<Long, Long> startedNanos = new ConcurrentHashMap<>();
    final Map<Long, Long> doneNanos = new ConcurrentHashMap<>();
    final List<Long> twice = new CopyOnWriteArrayList<>();
    final List<String> cutOffs = new CopyOnWriteArrayList<>();
    final List<RuntimeException> failed = new CopyOnWriteArrayList<>();
    long seq;

    @BeforeAll
    static void buildPlugins() throws IOException {
        alphaV1 = TestPluginJar.version("1.0.0").buildInto(work);
        alphaV2HangsOnPoison = TestPluginJar.version("2.0.0")
                .onPoison("try { Thread.sleep(60_000); } catch (InterruptedException e) { }").buildInto(work);
        betaV1 = TestPluginJar.version("1.0.0").id("echo-beta").buildInto(work);
    }

    @BeforeEach
    void start() throws IOException {
        Files.copy(alphaV1, folder.resolve("echo-alpha.jar"));
        Files.copy(betaV1, folder.resolve("echo-beta.jar"));
        host = new PluginHost(folder, BUDGET);
        host.start();
        loop = new EventLoop(true, host.loopWatch(), failed::add);
        loop.start(cutOffs::add);
    }

    @AfterEach
    void stop() {
        loop.stop();
        host.close();
    }

    @Test
    void versionHangingOnTheLoopsThread_withABacklogQueuedBehindIt_isCutOff_andAFreshThreadRunsEveryEventOnceInOrder()
            throws Exception {
        hangOnTheLoop(1, false);
    }

    @Test
    void versionHangingOnTheLoopsThread_whileTicksComeAMillisecondApart_onCoresKeptBusy_losesNoEventAndRunsNoneTwice()
            throws Exception {
        hangOnTheLoop(Runtime.getRuntime().availableProcessors(), true);
    }

    @Test
    void questionCutOffInAPluginCall_failsAtOnce_andTheLoopAnswersTheNextOne() throws Exception {
        swapInTheHangingVersion();

        assertThatThrownBy(() -> loop.ask(() -> scan("POISON", -1))).hasMessageContaining("cut off")
                .hasMessageContaining("echo-alpha@2.0.0 exceeded its time budget of 250.0 ms");
        assertThat(loop.ask(() -> scan("EURUSD", -2))).contains("echo-beta=1.0.0");
        assertThat(cutOffs).as("a question has no event to end").isEmpty();
    }

    /**
     * echo-alpha 2.0.0 hangs on the poisoned tick while {@value #BACKLOG} ticks are queued behind it, back to back or
     * one a millisecond, with {@code burners} threads burning CPU beside the loop.
     */
    private void hangOnTheLoop(int burners, boolean paced) throws Exception {
        try (CpuBurners busy = new CpuBurners(burners)) {
            swapInTheHangingVersion();
            long poison = enqueue("POISON");
            for (int i = 0; i < BACKLOG; i++) {
                enqueue("EURUSD");
                if (paced) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
            long last = seq - 1;
            await(() -> handled.containsKey(last));
            // interrupted, the hung plugin returned and its thread unwound
            await(() -> aliveNamed("account-loop") == 0);

            assertThat(cutOffs).as("one event cut off").singleElement().asString()
                    .contains("echo-alpha@2.0.0 exceeded its time budget of 250.0 ms");
            assertThat(handled).as("the cut-off event's decision was dropped").doesNotContainKey(poison);
            assertThat(order).as("every other event ran once, in order").containsExactlyElementsOf(allBut(poison));
            assertThat(twice).isEmpty();
            assertThat(failed).isEmpty();
            assertThat(threadOf.get(poison + 1)).as("a fresh thread took the loop over").isEqualTo("account-loop-2");
            assertThat(Duration.ofNanos(doneNanos.get(poison + 1) - startedNanos.get(poison)))
                    .as("cut off by the watchdog, not waited out").isLessThan(CUT_OFF_BOUND);
            for (long s = poison + 1; s <= last; s++) {
                assertThat(handled.get(s)).as("tick %d", s).contains("echo-beta=1.0.0")
                        .doesNotContain("echo-alpha=2.0.0");
            }
            assertThat(find("echo-alpha", "2.0.0")).returns(PluginState.QUARANTINED, PluginInfo::getState)
                    .returns(1L, PluginInfo::getFailures);
            assertThat(find("echo-beta", "1.0.0")).returns(PluginState.ACTIVE, PluginInfo::getState)
                    .returns(0L, PluginInfo::getFailures);
            streamUntilAnswered("echo-alpha=1.0.0"); // the previous version serves again
        }
    }

    private void swapInTheHangingVersion() throws IOException {
        streamUntilAnswered("echo-beta=1.0.0");
        Path tmp = folder.resolve("echo-alpha.jar.part"); // not *.jar: ignored until renamed
        Files.copy(alphaV2HangsOnPoison, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, folder.resolve("echo-alpha.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        streamUntilAnswered("echo-alpha=2.0.0");
    }

    /** Enqueues one tick event; returns its seq. */
    private long enqueue(String symbol) {
        long s = seq++;
        loop.enqueue(() -> {
            startedNanos.put(s, System.nanoTime());
            List<String> answers = scan(symbol, s);
            doneNanos.put(s, System.nanoTime());
            threadOf.put(s, Thread.currentThread().getName());
            order.add(s);
            if (handled.putIfAbsent(s, answers) != null) {
                twice.add(s);
            }
        });
        return s;
    }

    /** One scan of every serving alpha, in one hand-off; "id=version" per alpha, "id=-" when it gave no answer. */
    private List<String> scan(String symbol, long s) {
        AlphaInput in = AlphaInput.newBuilder()
                .setTick(Tick.newBuilder().setSymbol(symbol).setTimeMsc(s).setBid(1.1).setAsk(1.10002))
                .addMidHistory(1.10001).build();
        PluginSet set = host.current();
        List<Optional<AlphaOutput>> outs = host.callEach(set.alphas(), a -> a.evaluate(in), null);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            String version = outs.get(i).map(o -> o.getReason().split(" ")[0]).orElse("-");
            answers.add(set.alphas().get(i).pluginId() + "=" + version);
        }
        return answers;
    }

    /** Streams ticks, each waited for, until one's scan holds {@code answer}. */
    private void streamUntilAnswered(String answer) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            long s = enqueue("EURUSD");
            await(() -> handled.containsKey(s));
            if (handled.get(s).contains(answer)) {
                return;
            }
            assertThat(System.nanoTime()).as("%s within %s; plugins: %s", answer, PATIENCE, host.describe())
                    .isLessThan(giveUp);
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static void await(BooleanSupplier done) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %s", PATIENCE).isLessThan(giveUp);
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static long aliveNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name) && t.isAlive()).count();
    }

    private List<Long> allBut(long skipped) {
        List<Long> out = new ArrayList<>();
        for (long s = 0; s < seq; s++) {
            if (s != skipped) {
                out.add(s);
            }
        }
        return out;
    }

    private PluginInfo find(String id, String version) {
        return host.describe().stream().filter(i -> i.getPluginId().equals(id) && i.getVersion().equals(version))
                .findFirst().orElse(PluginInfo.getDefaultInstance());
    }
}
