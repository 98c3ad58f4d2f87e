package com.vproptrader.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginKind;
import com.vproptrader.proto.PluginState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2, test 2: hot swap with real plugin JARs built by the test, while ticks stream through a loop
 * that uses the host as the account's event loop does (its calls on the call runner's worker; the loop's own
 * watched path is {@code LoopTakeoverTest}'s).
 */
class HotSwapTest {
    private static final Duration BUDGET = Duration.ofMillis(250); // generous: CI machines stall
    private static final Duration PATIENCE = Duration.ofSeconds(10); // failure bound, not a timing claim

    @TempDir
    static Path work;
    static Path v1;
    static Path v2;
    static Path v2ThrowsOnPoison;
    static Path v2HangsOnPoison;
    static Path v2NeedsApi2;
    static Path v2WithoutExtension;
    static Path v2ReturnsNull;
    static Path v2HangsAlways;
    static Path v0;
    static Path betaV1;

    @TempDir
    Path folder;
    PluginHost host;
    LoopStandIn loop;

    @BeforeAll
    static void buildPlugins() throws IOException {
        v0 = TestPluginJar.version("0.9.0").buildInto(work);
        betaV1 = TestPluginJar.version("1.0.0").id("echo-beta").buildInto(work);
        v1 = TestPluginJar.version("1.0.0").buildInto(work);
        v2 = TestPluginJar.version("2.0.0").buildInto(work);
        v2ThrowsOnPoison = TestPluginJar.version("2.0.0")
                .onPoison("throw new IllegalStateException(\"poisoned\");").buildInto(work);
        v2HangsOnPoison = TestPluginJar.version("2.0.0")
                .onPoison("try { Thread.sleep(60_000); } catch (InterruptedException e) { }").buildInto(work);
        v2NeedsApi2 = TestPluginJar.version("2.0.0").requires(">=2.0.0 & <3.0.0").buildInto(work);
        v2WithoutExtension = TestPluginJar.version("2.0.0").withoutExtension().buildInto(work);
        v2ReturnsNull = TestPluginJar.version("2.0.0")
                .onEveryCall("if (in.getTick().getTimeMsc() >= 0) { return null; }").buildInto(work);
        v2HangsAlways = TestPluginJar.version("2.0.0")
                .onEveryCall("try { Thread.sleep(60_000); } catch (InterruptedException e) { }").buildInto(work);
    }

    @BeforeEach
    void startWithV1() throws IOException {
        Files.copy(v1, folder.resolve("echo-alpha.jar"));
        host = new PluginHost(folder, BUDGET);
        host.start();
        loop = new LoopStandIn(host);
        assertThat(loop.tick()).as("v1 serves right after start").isEqualTo("1.0.0");
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void v2DroppedWhileTicksStream_servesWithinOneSecond_everyTickAnsweredExactlyOnce_thenCorruptJarIsQuarantined()
            throws Exception {
        AtomicLong droppedAt = new AtomicLong();
        Thread operator = new Thread(() -> {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            droppedAt.set(System.nanoTime());
            copyQuietly(v2, folder.resolve("echo-alpha-2.0.0.jar")); // a plain copy, as `cp` does
        });
        operator.start();

        loop.streamUntilServedBy("2.0.0", PATIENCE);
        long firstServedByV2 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            loop.tick();
            LockSupport.parkNanos(1_000_000);
        }
        operator.join();

        assertThat(Duration.ofNanos(firstServedByV2 - droppedAt.get())).isLessThan(Duration.ofSeconds(1));
        assertThat(loop.answeredBy).hasSize((int) loop.ticks()).doesNotContainValue(LoopStandIn.NOBODY);
        assertThat(loop.answeredBy.keySet()).containsExactlyElementsOf(range(loop.ticks()));
        assertThat(switchesIn(loop.answeredBy.values())).as("one switch, v1 then v2 only")
                .containsExactly("1.0.0", "2.0.0");
        assertThat(info("1.0.0")).returns(PluginState.RETIRED, PluginInfo::getState)
                .returns("replaced by echo-alpha@2.0.0", PluginInfo::getReason);
        assertThat(info("2.0.0")).returns(PluginState.ACTIVE, PluginInfo::getState)
                .returns(List.of(PluginKind.PLUGIN_ALPHA), PluginInfo::getKindsList);

        long beforeCorrupt = loop.ticks();
        Files.copy(TestPluginJar.corrupt(work), folder.resolve("broken.jar"));
        loop.streamUntil(() -> find("broken", "").getState() == PluginState.QUARANTINED, PATIENCE);

        assertThat(find("broken", "").getReason()).startsWith("not a readable JAR");
        assertThat(loop.tick()).isEqualTo("2.0.0");
        assertThat(loop.answeredBy.entrySet()).filteredOn(e -> e.getKey() >= beforeCorrupt)
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo("2.0.0"));
    }

    @Test
    void versionThatThrowsAtRunTime_isQuarantined_andPreviousVersionServesAgainFromStaging() throws Exception {
        overwrite(v2ThrowsOnPoison, "echo-alpha.jar"); // v1's JAR is gone from the folder: rollback uses staging
        loop.streamUntilServedBy("2.0.0", PATIENCE);

        assertThat(loop.tick("POISON")).as("the failing call answers nothing").isEqualTo(LoopStandIn.NOBODY);
        loop.streamUntilServedBy("1.0.0", PATIENCE);

        assertThat(info("2.0.0")).returns(PluginState.QUARANTINED, PluginInfo::getState)
                .satisfies(i -> assertThat(i.getReason()).contains("threw java.lang.IllegalStateException: poisoned"))
                .returns(1L, PluginInfo::getFailures);
        assertThat(info("1.0.0")).returns(PluginState.ACTIVE, PluginInfo::getState)
                .returns("restored after echo-alpha@2.0.0 was quarantined", PluginInfo::getReason);
    }

    @Test
    void versionThatHangsAtRunTime_isQuarantinedByItsBudget_andPreviousVersionServesAgain() throws Exception {
        overwrite(v2HangsOnPoison, "echo-alpha-2.0.0.jar");
        loop.streamUntilServedBy("2.0.0", PATIENCE);

        assertThat(loop.tick("POISON")).isEqualTo(LoopStandIn.NOBODY);
        loop.streamUntilServedBy("1.0.0", PATIENCE);

        assertThat(info("2.0.0")).returns(PluginState.QUARANTINED, PluginInfo::getState)
                .satisfies(i -> assertThat(i.getReason()).contains("exceeded its time budget of 250.0 ms"));
    }

    @Test
    void versionThatHangsUnderLoad_isCutOffByItsBudget_whileTheOtherAlphaAnswersEveryTickExactlyOnce() throws Exception {
        hangUnderLoad(1, false);
    }

    @Test
    void versionThatHangsWhileTicksComeAMillisecondApart_onCoresKeptBusy_isCutOffByItsBudget_andNoTickIsLostOrAnsweredTwice()
            throws Exception {
        // the live pace: between two ticks the guard's worker parks and must be woken; every core has a busy neighbour
        hangUnderLoad(Runtime.getRuntime().availableProcessors(), true);
    }

    /**
     * echo-alpha 2.0.0 hangs on the poisoned tick while echo-beta answers in the same batch, with {@code burners}
     * threads burning CPU beside the loop; ticks come back to back or one a millisecond ({@code paced}).
     */
    private void hangUnderLoad(int burners, boolean paced) throws Exception {
        Files.copy(betaV1, folder.resolve("echo-beta.jar"));
        loop.streamUntil(() -> loop.others.containsKey("echo-beta"), PATIENCE);
        long betaFrom = loop.others.get("echo-beta").keySet().iterator().next();
        try (CpuBurners busy = new CpuBurners(burners)) {
            overwrite(v2HangsOnPoison, "echo-alpha-2.0.0.jar");
            streamUntilServedBy("2.0.0", paced);

            long poison = loop.ticks();
            long start = System.nanoTime();
            String answered = loop.tick("POISON");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            streamUntilServedBy("1.0.0", paced);
            for (int i = 0; i < 200; i++) { // and the loop goes on at its pace on v1
                loop.tick();
                if (paced) {
                    LockSupport.parkNanos(1_000_000);
                }
            }

            assertThat(answered).as("the hanging call answers nothing").isEqualTo(LoopStandIn.NOBODY);
            assertThat(took).as("cut off by the guard, not waited out")
                    .isLessThan(BUDGET.multipliedBy(PluginFault.STALL_ALLOWANCE));
            assertThat(loop.others.get("echo-beta").get(poison)).as("the other alpha of the same batch still answered")
                    .isEqualTo("1.0.0");
            assertThat(loop.others.get("echo-beta").keySet()).as("every tick reached the other alpha once, none lost")
                    .containsExactlyElementsOf(range(betaFrom, loop.ticks()));
            assertThat(loop.others.get("echo-beta").values()).doesNotContain(LoopStandIn.NOBODY);
            assertThat(loop.answeredBy.keySet()).as("every tick answered once by the loop").containsExactlyElementsOf(
                    range(loop.ticks()));
            assertThat(info("2.0.0")).returns(PluginState.QUARANTINED, PluginInfo::getState)
                    .satisfies(i -> assertThat(i.getReason()).contains("exceeded its time budget of 250.0 ms"))
                    .returns(1L, PluginInfo::getFailures);
            assertThat(find("echo-beta", "1.0.0")).returns(PluginState.ACTIVE, PluginInfo::getState)
                    .returns(0L, PluginInfo::getFailures);
        }
    }

    private void streamUntilServedBy(String version, boolean paced) {
        if (paced) {
            loop.streamUntilServedBy(version, PATIENCE);
        } else {
            streamBackToBackUntilServedBy(version);
        }
    }

    /** Ticks with no pause between them (the worker never parks) until {@code version} of echo-alpha answers. */
    private void streamBackToBackUntilServedBy(String version) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (!loop.tick().equals(version)) {
            assertThat(System.nanoTime()).as("%s serves within %s", version, PATIENCE).isLessThan(giveUp);
        }
    }

    @Test
    void jarRequiringPluginApi2_isRefused_andV1KeepsServing() throws Exception {
        overwrite(v2NeedsApi2, "echo-alpha-2.0.0.jar");
        loop.streamUntil(() -> stateOf("2.0.0") == PluginState.QUARANTINED, PATIENCE);

        assertThat(info("2.0.0").getReason())
                .isEqualTo("Plugin-Requires '>=2.0.0 & <3.0.0' does not accept plugin API 1.0.0");
        assertThat(loop.tick()).isEqualTo("1.0.0");
    }

    @Test
    void jarWithoutExtension_isRefused_andV1KeepsServing() throws Exception {
        overwrite(v2WithoutExtension, "echo-alpha-2.0.0.jar");
        loop.streamUntil(() -> stateOf("2.0.0") == PluginState.QUARANTINED, PATIENCE);

        assertThat(info("2.0.0").getReason()).startsWith("no @Extension");
        assertThat(loop.tick()).isEqualTo("1.0.0");
    }

    @Test
    void versionWhoseSmokeCallReturnsNull_isRefused_andV1KeepsServing() throws Exception {
        overwrite(v2ReturnsNull, "echo-alpha-2.0.0.jar");
        loop.streamUntil(() -> stateOf("2.0.0") == PluginState.QUARANTINED, PATIENCE);

        assertThat(info("2.0.0").getReason()).startsWith("smoke call of vpt.test.echo.EchoAlpha")
                .endsWith("returned null");
        assertThat(loop.tick()).isEqualTo("1.0.0");
    }

    @Test
    void versionWhoseSmokeCallHangs_isRefusedByTheBudget_andV1KeepsServing() throws Exception {
        overwrite(v2HangsAlways, "echo-alpha-2.0.0.jar");
        loop.streamUntil(() -> stateOf("2.0.0") == PluginState.QUARANTINED, PATIENCE);

        assertThat(info("2.0.0").getReason()).contains("exceeded its budget");
        assertThat(loop.tick()).isEqualTo("1.0.0");
    }

    @Test
    void olderVersion_isIgnoredWithReason_andSameVersionDroppedAgain_changesNothing() throws Exception {
        overwrite(v0, "echo-alpha-0.9.0.jar");
        overwrite(v1, "echo-alpha-copy.jar");
        loop.streamUntil(() -> stateOf("0.9.0") == PluginState.QUARANTINED, PATIENCE);

        assertThat(info("0.9.0").getReason()).isEqualTo("ignored: older than the serving echo-alpha@1.0.0");
        assertThat(info("1.0.0")).returns(PluginState.ACTIVE, PluginInfo::getState)
                .returns("echo-alpha.jar", PluginInfo::getJar);
        assertThat(host.describe()).hasSize(2);
        assertThat(loop.tick()).isEqualTo("1.0.0");
    }

    @Test
    void folderHoldingTwoVersionsAtStart_servesTheNewest_andKeepsTheOlderForRollback() throws Exception {
        host.close();
        Files.copy(v2ThrowsOnPoison, folder.resolve("echo-alpha-2.0.0.jar"));
        host = new PluginHost(folder, BUDGET);
        host.start();
        loop = new LoopStandIn(host);

        assertThat(loop.tick()).isEqualTo("2.0.0");
        assertThat(loop.tick("POISON")).isEqualTo(LoopStandIn.NOBODY);
        loop.streamUntilServedBy("1.0.0", PATIENCE);
    }

    // ---- helpers

    private void overwrite(Path jar, String name) throws IOException {
        Path tmp = folder.resolve(name + ".part"); // not *.jar: ignored until renamed
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void copyQuietly(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private PluginInfo info(String version) {
        return find(TestPluginJar.ID, version);
    }

    private PluginState stateOf(String version) {
        PluginInfo i = find(TestPluginJar.ID, version);
        return i == null ? null : i.getState();
    }

    private PluginInfo find(String id, String version) {
        return host.describe().stream()
                .filter(i -> i.getPluginId().equals(id) && i.getVersion().equals(version))
                .findFirst().orElse(PluginInfo.getDefaultInstance());
    }

    private static List<Long> range(long n) {
        return range(0, n);
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }

    private static List<String> switchesIn(Iterable<String> versions) {
        List<String> runs = new ArrayList<>();
        for (String v : versions) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(v)) {
                runs.add(v);
            }
        }
        return runs;
    }
}
