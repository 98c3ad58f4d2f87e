package com.vproptrader.ops.proof;

import com.vproptrader.proto.VetoSource;
import com.vproptrader.host.it.JournalRows;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.ops.replay.Replay;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.SimBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prop-firm floors hold through the FULL host loop — plugins, sizing, governors, journal, governor state
 * store — against the paper broker with adverse slippage, on randomized paths built to make a momentum
 * strategy lose.
 *
 * <p>The pack is FTMO-shaped but 250 times tighter (0.02% daily, 0.04% max loss, {@code stress-tight.json}), so a
 * losing streak reaches the floors within a path and the governors have to act. Each account starts up to
 * $30 below the initial balance (losses of earlier days), so on some paths the overall floor is the nearer
 * one and on others the daily floor. A referee outside the host checks the broker's equity after every tick
 * against the firm's own floors: the day-start balance minus 0.02% of the initial balance, and 99.96% of the
 * initial balance overall.
 *
 * <p>Each path is a fresh account replayed in lockstep by {@link Replay} on real SQLite files (in
 * {@code /dev/shm} when the machine has it: the proof is about the rules, not the disk). Paths are shared
 * out to {@code -Dloop.threads} workers; each worker loads the plugin JARs once into its own plugin host,
 * so its plugins keep what they learn from path to path, as in a host that trades them one after another.
 * Paths: {@code -Dloop.paths} (CI 400; the {@code proof} profile 100,000), {@code -Dloop.ticks} ticks each,
 * seeds from {@code -Dloop.seed}. The journal of a breaching path is kept as {@code breach-<seed>.db}.
 */
class GovernedFullLoopPropertyTest {
    private static final double INITIAL = 100_000;
    private static final double DAILY_LOSS = INITIAL * 0.0002;
    private static final double MAX_FLOOR = INITIAL * (1 - 0.0004);
    /** How far below the initial balance an account may start: the earlier days' losses. */
    private static final int MAX_EARLIER_LOSS = 30;

    /**
     * What one worker saw over its share of the paths: the lowest headroom to each floor, and to whichever
     * floor was nearer (with its seed).
     */
    private record Tally(int paths, int breaches, int governorsActed, long orders, double minDaily, double minMax,
                         double minHeadroom, long worstSeed) {
        static final Tally NONE = new Tally(0, 0, 0, 0, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -1);

        Tally plus(Tally o) {
            boolean mine = minHeadroom <= o.minHeadroom;
            return new Tally(paths + o.paths, breaches + o.breaches, governorsActed + o.governorsActed,
                    orders + o.orders, Math.min(minDaily, o.minDaily), Math.min(minMax, o.minMax),
                    mine ? minHeadroom : o.minHeadroom, mine ? worstSeed : o.worstSeed);
        }
    }

    @Test
    void noRandomizedPathTakesEquityBelowTheFirmsFloorsThroughTheWholeHost(@TempDir Path dir) throws Exception {
        int paths = Integer.getInteger("loop.paths", 400);
        int ticks = Integer.getInteger("loop.ticks", 1_000);
        int threads = Integer.getInteger("loop.threads", Runtime.getRuntime().availableProcessors());
        long seed0 = Long.getLong("loop.seed", 20261125L);
        Path shm = Path.of("/dev/shm");
        Path journals = Files.isWritable(shm) ? Files.createTempDirectory(shm, "vpt-proof-") : dir;
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        Path pack = Path.of(getClass().getResource("/stress-tight.json").toURI());

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Tally>> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            workers.add(pool.submit(() -> runStripe(worker, threads, paths, ticks, seed0, plugins, pack, journals)));
        }
        Tally total = Tally.NONE;
        for (Future<Tally> f : workers) {
            total = total.plus(f.get());
        }
        pool.shutdown();
        if (total.breaches() == 0 && !journals.equals(dir)) {
            try (Stream<Path> files = Files.walk(journals)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("full-loop proof: %d paths x %d ticks on %d threads in %.0f s, %d orders, governors acted "
                        + "in %d paths, min headroom to the firm's nearer floor %.2f (%.4f%% of initial, seed %d); "
                        + "to the daily floor %.2f, to the overall floor %.2f; breaches %d%n",
                total.paths(), ticks, threads, seconds, total.orders(), total.governorsActed(), total.minHeadroom(),
                total.minHeadroom() / INITIAL * 100, total.worstSeed(), total.minDaily(), total.minMax(),
                total.breaches());

        assertThat(total.paths()).isEqualTo(paths);
        assertThat(total.breaches()).as("paths where equity went below the firm's floor (journals kept in "
                + journals + ")").isZero();
        assertThat(total.governorsActed()).as("a proof where the governors never had to act proves nothing")
                .isPositive();
    }

    /** Runs paths worker, worker + threads, ... on this worker's own plugin host. */
    private static Tally runStripe(int worker, int threads, int paths, int ticks, long seed0, Path plugins,
                                   Path pack, Path journals) throws Exception {
        Tally tally = Tally.NONE;
        Path journal = journals.resolve("worker-" + worker + ".db");
        HostConfig config = HostConfig.defaults().withPluginDir(plugins).withRulePack(pack.toString())
                .withJournalFile(journal);
        try (PluginHost host = PluginHost.lockstep(plugins)) {
            host.start();
            for (int i = worker; i < paths; i += threads) {
                long seed = seed0 + i;
                double startBalance = INITIAL - new SplittableRandom(~seed).nextInt(MAX_EARLIER_LOSS + 1);
                SimBroker broker = new SimBroker(BrokerConfig.defaults().withAccountId("proof")
                        .withInitialBalance(startBalance).withSlippagePoints(1).withSeed(seed));
                double[] lowest = {Double.MAX_VALUE};
                Replay.Result result = Replay.run(config, host, MarketSource.of(AdversarialPaths.path(seed, ticks).iterator()),
                        broker, b -> lowest[0] = Math.min(lowest[0], b.equity()));
                double daily = lowest[0] - (startBalance - DAILY_LOSS);
                double overall = lowest[0] - MAX_FLOOR;
                double headroom = Math.min(daily, overall);
                boolean breached = headroom < 0;
                if (breached) {
                    Files.copy(journal, journals.resolve("breach-" + seed + ".db"), StandardCopyOption.REPLACE_EXISTING);
                }
                tally = tally.plus(new Tally(1, breached ? 1 : 0, governorsActed(journal) ? 1 : 0,
                        result.counters().getOrders(), daily, overall, headroom, seed));
                if (tally.paths() % 5_000 == 0) { // an hour-long run says how far it is
                    System.out.printf("worker %d: %d paths, %d breaches, min headroom %.2f%n", worker, tally.paths(),
                            tally.breaches(), tally.minHeadroom());
                }
            }
        }
        return tally;
    }

    /** True when the journal shows a governor veto on loss grounds or a governor-ordered close. */
    private static boolean governorsActed(Path journal) {
        return !JournalRows.rows(journal, JournalKind.KIND_CLOSE).isEmpty()
                || JournalRows.records(journal, JournalKind.KIND_VETO).stream().map(r -> r.getVeto())
                .anyMatch(v -> v.getSource() == VetoSource.VETO_GOVERNOR && (v.getCode().equals("DAILY_LOSS")
                        || v.getCode().equals("MAX_LOSS") || v.getCode().startsWith("ENGINE_")));
    }
}
