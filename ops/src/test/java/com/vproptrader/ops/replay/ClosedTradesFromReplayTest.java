package com.vproptrader.ops.replay;

import com.vproptrader.host.it.JournalRows;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.feature.Regime;
import com.vproptrader.host.feature.TradingSession;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.SyntheticTicks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every position the full loop opens and closes becomes one closed trade in memory, tagged with its alpha. */
class ClosedTradesFromReplayTest {
    @Test
    void eachClosedPositionIsRecordedOnceWithItsAlphaRegimeSymbolAndTheNetOfItsFills(@TempDir Path dir)
            throws Exception {
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        Path journal = dir.resolve("j.db");
        HostConfig config = HostConfig.defaults().withPluginDir(plugins).withJournalFile(journal);
        SimBroker broker = new SimBroker("replay", "USD", 100_000, 100, SimBroker.eurusdLike("EURUSD"));
        Replay.Result result = Replay.run(config, MarketSource.of(new SyntheticTicks(42, "EURUSD", 6_000)), broker);

        // Independently from the journal: the fills of each position, summed in decimal.
        Map<Long, List<Fill>> fillsByPosition = fills(journal).stream()
                .collect(Collectors.groupingBy(Fill::getPositionId));
        Map<Long, BigDecimal> netOfClosed = new HashMap<>();
        fillsByPosition.forEach((position, fills) -> {
            BigDecimal in = sum(fills, DealEntry.ENTRY_IN);
            BigDecimal out = sum(fills, DealEntry.ENTRY_OUT);
            if (in.compareTo(out) == 0) {
                netOfClosed.put(position, fills.stream().map(f -> BigDecimal.valueOf(f.getProfit())
                        .add(BigDecimal.valueOf(f.getCommission())).add(BigDecimal.valueOf(f.getSwap())))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        });

        List<ClosedTrade> trades = result.closedTrades();
        assertThat(trades).as("a replay that closes nothing proves nothing").isNotEmpty();
        assertThat(trades).extracting(ClosedTrade::positionId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(netOfClosed.keySet());
        List<String> regimes = Arrays.stream(Regime.values()).map(Enum::name).toList();
        List<String> sessions = Arrays.stream(TradingSession.values()).map(Enum::name).toList();
        for (ClosedTrade t : trades) {
            assertThat(t.alpha()).as("the alpha plugin's id, without version").isIn(alphaIds(plugins));
            assertThat(t.alphaVersion()).isNotEmpty();
            assertThat(t.regime()).isIn(regimes);
            assertThat(t.session()).isIn(sessions);
            assertThat(t.symbol()).isEqualTo("EURUSD");
            assertThat(t.riskAtStop().cents()).as("every signal carries a stop").isPositive();
            assertThat(t.closeTimeMsc()).isGreaterThanOrEqualTo(t.openTimeMsc());
            assertThat(t.pnl().toBigDecimal()).isEqualByComparingTo(netOfClosed.get(t.positionId()));
        }
    }

    /** Plugin ids of the alpha JARs installed (each JAR is named after its module, which is its plugin id). */
    private static List<String> alphaIds(Path plugins) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(plugins)) {
            return files.map(p -> p.getFileName().toString().replace(".jar", "")).filter(n -> n.startsWith("alpha-"))
                    .toList();
        }
    }

    private static BigDecimal sum(List<Fill> fills, DealEntry entry) {
        return fills.stream().filter(f -> f.getEntry() == entry).map(f -> BigDecimal.valueOf(f.getVolume()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<Fill> fills(Path journal) {
        return JournalRows.records(journal, JournalKind.KIND_FILL).stream().map(r -> r.getFill()).toList();
    }
}
