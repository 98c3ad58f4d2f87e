package com.vproptrader.ops;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.feature.FeatureConfig;
import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.macro.Macro;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's bundled macro data loads offline and gives features and a calendar for the synthetic ticks' hour. */
class DemoMacroDataTest {

    @Test
    void bundledDemoDataServesMacroSentimentAndTheCalendarWithoutTheNetwork(@TempDir Path dir) throws Exception {
        for (String file : List.of("macro.json", "fred-DGS10.json", "fred-VIXCLS.json", "fred-DTWEXBGS.json",
                "ff-calendar-2023-12-31.json", "headlines-usd.rss", "headlines-eur.atom")) {
            try (InputStream in = Demo.class.getResourceAsStream("/demo-macro/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        Instant t = Instant.parse("2024-01-02T08:40:00Z"); // ten minutes into the synthetic ticks
        FeatureEngine features = new FeatureEngine(FeatureConfig.defaults(), ServerClock.NY_CLOSE);
        List<String> journal = new ArrayList<>();
        try (Macro macro = Macro.start(dir.resolve("macro.json"), Clock.systemUTC(), false)) {
            macro.advanceTo(t, features, Instant::toEpochMilli, journal::add);
            MarketCalendar calendar = macro.calendar(MarketCalendar.NONE);

            assertThat(features.external().get("EURUSD", "macro_DGS10")).as("28 Dec value; 29 Dec's is known on 3 Jan")
                    .isEqualTo(3.84);
            assertThat(features.external().get("EURUSD", "macro_VIXCLS")).isEqualTo(12.47);
            assertThat(features.external().get("EURUSD", "sentiment")).isBetween(-1.0, 1.0);
            assertThat(journal).filteredOn(l -> l.startsWith("headline")).hasSize(3); // 08:31, 08:34, 08:38
            assertThat(calendar.fault(t)).isEmpty();
            assertThat(calendar.news(t, t.plusSeconds(600))).singleElement()
                    .matches(e -> e.time().equals(Instant.parse("2024-01-02T08:45:00Z")) && e.affects("EURUSD"));
        }
    }
}
