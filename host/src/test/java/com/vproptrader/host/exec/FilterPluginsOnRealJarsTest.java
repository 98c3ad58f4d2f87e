package com.vproptrader.host.exec;

import com.vproptrader.host.time.ServerClock;

import static com.vproptrader.host.exec.ExecutionQualityTest.EURUSD;
import static com.vproptrader.host.exec.ExecutionQualityTest.LONDON;
import static com.vproptrader.host.exec.ExecutionQualityTest.MS;
import static com.vproptrader.host.exec.ExecutionQualityTest.POINT;
import static com.vproptrader.host.exec.ExecutionQualityTest.fill;
import static com.vproptrader.host.exec.ExecutionQualityTest.signal;
import static com.vproptrader.host.exec.ExecutionQualityTest.tick;
import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.feature.SessionClock;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSlot;
import com.vproptrader.plugin.api.SignalFilter;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import com.vproptrader.proto.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three filter JARs as built by the reactor, loaded by the real plugin host, fed by ExecutionQuality. */
class FilterPluginsOnRealJarsTest {
    static final String[] FILTERS = {"filter-spread", "filter-slippage", "filter-quote-flicker"};

    @TempDir
    Path work;
    private PluginHost plugins;
    private final ExecutionQuality quality = new ExecutionQuality(ExecutionQualityConfig.defaults(),
            new SessionClock(ServerClock.NY_CLOSE));

    @BeforeEach
    void loadTheFilters() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins"));
        for (String module : FILTERS) {
            Files.copy(PluginJars.jar(module), dir.resolve(module + ".jar"));
        }
        plugins = new PluginHost(dir);
        plugins.start();
    }

    @AfterEach
    void close() {
        plugins.close();
    }

    /** London, quiet and tight (6-7 points, one quote change a second), 20 fills slipping 1 point. */
    private void calmLondonHistory() {
        long t = LONDON;
        for (int i = 0; i < 100; i++, t += 1000) {
            quality.onTick(tick(t, 1.1 + (i % 2) * POINT, 6 + i % 2), EURUSD);
        }
        for (int i = 0; i < 20; i++) {
            quality.onSignalSent(signal("s" + i, Side.BUY, 1.10010), i * 1000 * MS);
            quality.onFill(fill("s" + i, Side.BUY, 1.10011, 0.1), i * 1000 * MS + 80 * MS);
        }
    }

    private Map<String, FilterVerdict> verdicts(FilterInput input) {
        Map<String, FilterVerdict> out = new LinkedHashMap<>();
        for (PluginSlot<SignalFilter> slot : plugins.current().filters()) {
            out.put(slot.pluginId(), plugins.call(slot, f -> f.check(input)).orElseThrow());
        }
        return out;
    }

    @Test
    void allThreeLoad_andACalmCandidatePassesThemAll() {
        calmLondonHistory();

        Map<String, FilterVerdict> v = verdicts(quality.filterInput(tick(LONDON + 100_000, 1.1, 6), Side.BUY, EURUSD,
                CandidateEdge.expectedMovePoints(0.6, 20)));

        assertThat(v.keySet()).containsExactlyInAnyOrder(FILTERS);
        assertThat(v.values()).allSatisfy(verdict -> assertThat(verdict.getPass()).as(verdict.getReason()).isTrue());
    }

    @Test
    void eachFilterVetoesItsOwnProblem_withTheNumbers() {
        calmLondonHistory();
        FilterInput wide = quality.filterInput(tick(LONDON + 100_000, 1.1, 9), Side.BUY, EURUSD, 12);
        FilterInput thinEdge = quality.filterInput(tick(LONDON + 100_000, 1.1, 6), Side.BUY, EURUSD, 1.5);
        for (int i = 0; i < 20; i++) {
            quality.onTick(tick(LONDON + 100_000 + i * 40L, 1.1 + i * POINT, 6), EURUSD);
        }
        FilterInput flicker = quality.filterInput(tick(LONDON + 100_760, 1.1, 6), Side.BUY, EURUSD, 12);

        assertThat(verdicts(wide).get("filter-spread").getReason()).isEqualTo("spread 9.0 pts > p60 7.0 (London, last 100)");
        assertThat(verdicts(thinEdge).get("filter-slippage").getReason())
                .startsWith("predicted slippage 1.0 pts > 50% of edge 1.5 pts");
        assertThat(verdicts(flicker).get("filter-quote-flicker").getReason()).isEqualTo("quote changes 20/s > max 15/s");
    }
}
