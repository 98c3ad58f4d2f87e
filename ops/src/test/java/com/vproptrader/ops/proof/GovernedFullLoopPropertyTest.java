package com.vproptrader.ops.proof;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.feed.MarketSource;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.ops.replay.Replay;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.SimBroker;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prop-firm floors hold through the FULL host loop — plugins, sizing, governors, journal — against the
 * paper broker with adverse slippage, on randomized paths built to make a momentum strategy lose.
 *
 * <p>The pack is FTMO-shaped but 250 times tighter (0.02% daily, 0.04% max loss, {@code stress-tight.json}), so a
 * losing streak reaches the floors within a path and the governors have to act. A referee outside the host
 * checks the broker's equity after every tick against the firm's own floors: the day-start balance minus
 * 0.02% of the initial balance, and 99.96% of it overall. Paths: {@code -Dloop.paths} (default 12; the
 * {@code proof} profile runs more), seeds from {@code -Dloop.seed}.
 */
class GovernedFullLoopPropertyTest {
    private static final double INITIAL = 100_000;
    private static final double DAILY_FLOOR = INITIAL * (1 - 0.0002);
    private static final double MAX_FLOOR = INITIAL * (1 - 0.0004);
    private static final int TICKS = 6_000;

    @Test
    void noRandomizedPathTakesEquityBelowTheFirmsFloorsThroughTheWholeHost(@TempDir Path dir) throws Exception {
        int paths = Integer.getInteger("loop.paths", 12);
        long seed0 = Long.getLong("loop.seed", 20261125L);
        Path journals = Path.of(System.getProperty("loop.journals", dir.toString())); // keep them to inspect a run
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        Path pack = Path.of(getClass().getResource("/stress-tight.json").toURI());
        double minHeadroom = Double.MAX_VALUE;
        int breaches = 0;
        int pathsWhereGovernorsActed = 0;
        long trades = 0;
        for (int i = 0; i < paths; i++) {
            long seed = seed0 + i;
            HostConfig config = HostConfig.defaults().withPluginDir(plugins).withRulePack(pack.toString())
                    .withJournalFile(journals.resolve("path-" + i + ".db"));
            SimBroker broker = new SimBroker(BrokerConfig.defaults().withAccountId("proof").withInitialBalance(INITIAL)
                    .withSlippagePoints(1).withSeed(seed));
            double[] lowest = {Double.MAX_VALUE};
            Replay.Result result = Replay.run(config, MarketSource.of(AdversarialPaths.path(seed, TICKS).iterator()),
                    broker, b -> lowest[0] = Math.min(lowest[0], b.equity()));
            double headroom = lowest[0] - Math.max(DAILY_FLOOR, MAX_FLOOR);
            minHeadroom = Math.min(minHeadroom, headroom);
            breaches += headroom < 0 ? 1 : 0;
            trades += result.counters().getOrders();
            pathsWhereGovernorsActed += governorsActed(config.journalFile()) ? 1 : 0;
        }
        System.out.printf("full-loop proof: %d paths x %d ticks, %d orders, governors acted in %d paths, "
                        + "min headroom to the firm's floor %.2f (%.4f%% of initial), breaches %d%n", paths, TICKS,
                trades, pathsWhereGovernorsActed, minHeadroom, minHeadroom / INITIAL * 100, breaches);

        assertThat(breaches).as("paths where equity went below the firm's floor").isZero();
        assertThat(pathsWhereGovernorsActed).as("a proof where the governors never had to act proves nothing")
                .isPositive();
    }

    /** True when the journal shows a governor veto on loss grounds or a governor-ordered close. */
    private static boolean governorsActed(Path journal) {
        return Jdbi.create("jdbc:sqlite:" + journal).withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM journal
                        WHERE kind = 'close'
                           OR (kind = 'veto' AND (payload LIKE 'governor: DAILY_LOSS%' OR payload LIKE 'governor: MAX_LOSS%'
                               OR payload LIKE 'governor: ENGINE_%'))""")
                .mapTo(Integer.class).one()) > 0;
    }
}
