package com.vproptrader.host.macro;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.feature.FeatureConfig;
import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.macro.LocalHttpServer.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.vproptrader.host.macro.LocalHttpServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MacroTest {
    @TempDir
    Path dir;

    private Path config(LocalHttpServer server) throws Exception {
        return Files.writeString(dir.resolve("macro.json"), """
                {"fred": {"series": ["DGS10"], "files": {"DGS10": "dgs10.json"}},
                 "calendar": {"sources": ["%s"]},
                 "sentiment": {"feeds": [{"name": "us", "url": "%s", "currency": "USD"}]}}
                """.formatted(server.uri().resolve("/ff_calendar_thisweek.json"), server.uri().resolve("/usd.rss")));
    }

    @Test
    void aReplayFetchesNothingAndStartsFromTheStoredCalendarCopy() throws Exception {
        Files.writeString(dir.resolve("dgs10.json"), resource("fred/DGS10-page1.json"));
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.answer("/ff_calendar_thisweek.json", Answer.ok("application/json", resource("calendar/ff-2024-03-10.json")));
            server.answer("/usd.rss", Answer.ok("application/rss+xml", resource("feeds/usd-rss.xml")));
            Path config = config(server);
            try (Macro live = Macro.start(config, Clock.systemUTC(), true)) {
                assertThat(live.calendar(MarketCalendar.NONE).fault(Instant.parse("2024-03-12T12:00:00Z"))).isEmpty();
            }
            int liveRequests = server.requests().size();
            assertThat(liveRequests).isEqualTo(2); // the calendar and the feed, once each at start

            FeatureEngine features = new FeatureEngine(FeatureConfig.defaults(), ServerClock.NY_CLOSE);
            List<String> journal = new ArrayList<>();
            try (Macro replay = Macro.start(config, Clock.systemUTC(), false)) {
                Instant t = Instant.parse("2024-03-14T13:00:00Z");
                // Live headlines are known from when they were fetched (now), the FRED file's values from 2024.
                replay.advanceTo(Instant.now().plusSeconds(60), features, Instant::toEpochMilli, journal::add);
                assertThat(replay.calendar(MarketCalendar.NONE).news(t.minusSeconds(86_400 * 3), t)).isNotEmpty();
            }
            assertThat(server.requests()).as("nothing fetched by the replay").hasSize(liveRequests);
            assertThat(features.external().get("EURUSD", "macro_DGS10")).as("from the FRED file").isEqualTo(3.99);
            assertThat(journal).filteredOn(l -> l.startsWith("headline")).as("stored when live, read back offline")
                    .hasSize(2);
        }
    }

    @Test
    void aConfigWithAnUnknownFieldOrScorerIsRefusedNamingIt() throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.json"), "{\"fred\": {\"seres\": [\"DGS10\"]}}");
        assertThatThrownBy(() -> Macro.start(typo, Clock.systemUTC(), false)).hasMessageContaining("seres");
        Path scorer = Files.writeString(dir.resolve("scorer.json"), "{\"sentiment\": {\"scorer\": \"magic\"}}");
        assertThatThrownBy(() -> Macro.start(scorer, Clock.systemUTC(), false)).hasMessageContaining("'magic'");
    }
}
