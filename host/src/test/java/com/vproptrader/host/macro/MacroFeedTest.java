package com.vproptrader.host.macro;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.feature.FeatureConfig;
import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.macro.LocalHttpServer.Answer;
import com.vproptrader.host.macro.calendar.CurrencyMap;
import com.vproptrader.host.macro.fred.FredClient;
import com.vproptrader.host.macro.fred.FredObservation;
import com.vproptrader.host.macro.fred.FredSource;
import com.vproptrader.host.macro.fred.FredStore;
import com.vproptrader.host.macro.fred.RetryPolicy;
import com.vproptrader.host.macro.sentiment.Headline;
import com.vproptrader.host.macro.sentiment.HeadlineStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.vproptrader.host.macro.LocalHttpServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MacroFeedTest {
    /** Q3 2023 real GDP: first estimate 22491.567 published 26 Oct, revised 29 Nov and 21 Dec; Q4 on 25 Jan. */
    private static final String GDP = "GDPC1";

    @TempDir
    Path dir;

    private static FeatureEngine features() {
        return new FeatureEngine(FeatureConfig.defaults(), ServerClock.NY_CLOSE);
    }

    private static double macro(FeatureEngine f) {
        return f.external().get("EURUSD", "macro_" + GDP);
    }

    private List<FredObservation> revisedSeriesFromFredFormat() throws Exception {
        try (LocalHttpServer fred = new LocalHttpServer();
             FredStore store = new FredStore(dir.resolve("macro.db"))) {
            fred.answer("/fred/series/observations?series_id=" + GDP, Answer.ok("application/json", resource("fred/GDPC1-revised.json")));
            FredClient client = new FredClient(fred.uri(), "k", RetryPolicy.defaults(), d -> { });
            store.save(GDP, client.observations(GDP, LocalDate.of(2023, 1, 1)), Instant.parse("2024-02-01T00:00:00Z"));
            return FredSource.offline(store).series(GDP);
        }
    }

    private static MacroFeed feed(List<MacroFact> facts, List<HeadlineStore.Scored> headlines) {
        return new MacroFeed(facts, headlines, CurrencyMap.defaults(), Duration.ofHours(6), 1, Instant::toEpochMilli);
    }

    @Test
    void aRevisedSeriesIsSeenAsItWasKnownAtEachTimeNeverAsLaterRevised() throws Exception {
        List<MacroFact> facts = ReleaseClock.defaults().facts(revisedSeriesFromFredFormat());
        FeatureEngine f = features();
        MacroFeed feed = feed(facts, List.of());

        // Published 26 Oct (St. Louis date): known from the end of that day, 27 Oct 05:00 UTC (CDT).
        feed.advanceTo(Instant.parse("2023-10-27T04:59:59Z"), f);
        assertThat(macro(f)).isNaN();
        feed.advanceTo(Instant.parse("2023-10-27T05:00:00Z"), f);
        assertThat(macro(f)).as("first estimate, not the final 22490.692").isEqualTo(22491.567);
        feed.advanceTo(Instant.parse("2023-11-30T05:59:59Z"), f);
        assertThat(macro(f)).isEqualTo(22491.567);
        feed.advanceTo(Instant.parse("2023-11-30T06:00:00Z"), f); // 29 Nov revision, CST after the US change
        assertThat(macro(f)).isEqualTo(22506.363);
        feed.advanceTo(Instant.parse("2024-01-01T00:00:00Z"), f);
        assertThat(macro(f)).isEqualTo(22490.692);
        feed.advanceTo(Instant.parse("2024-01-26T06:00:00Z"), f);
        assertThat(macro(f)).as("Q4 is now the latest period").isEqualTo(22672.859);
    }

    @Test
    void dataPublishedAfterTChangesNothingSeenAtOrBeforeT() throws Exception {
        List<FredObservation> all = revisedSeriesFromFredFormat();
        Instant t = Instant.parse("2023-12-01T00:00:00Z");
        // What a store filled on 1 Dec would hold: only vintages published by then, still open at that time.
        List<FredObservation> asOfT = all.stream()
                .filter(o -> !ReleaseClock.defaults().knownAt(o).isAfter(t))
                .toList();
        assertThat(asOfT).hasSizeLessThan(all.size());

        FeatureEngine withRevisions = features();
        FeatureEngine withoutRevisions = features();
        MacroFeed a = feed(ReleaseClock.defaults().facts(all), List.of());
        MacroFeed b = feed(ReleaseClock.defaults().facts(asOfT), List.of());
        for (Instant s = Instant.parse("2023-10-01T00:00:00Z"); !s.isAfter(t); s = s.plus(Duration.ofHours(7))) {
            a.advanceTo(s, withRevisions);
            b.advanceTo(s, withoutRevisions);
            assertThat(Double.valueOf(macro(withRevisions))).as("at " + s).isEqualTo(Double.valueOf(macro(withoutRevisions)));
        }
        assertThat(macro(withRevisions)).isEqualTo(22506.363);
        a.advanceTo(Instant.parse("2023-12-31T00:00:00Z"), withRevisions);
        assertThat(macro(withRevisions)).as("the later revision exists, and only shows after it was published").isEqualTo(22490.692);
    }

    private static HeadlineStore.Scored headline(String currency, String at, double score) {
        Instant known = Instant.parse(at);
        return new HeadlineStore.Scored(new Headline("test", at, "h", currency, known, known), score, "lexicon");
    }

    @Test
    void sentimentAppearsWhenAHeadlineIsKnownAndSignsFollowTheSideOfThePair() {
        FeatureEngine f = features();
        MacroFeed feed = feed(List.of(), List.of(headline("USD", "2024-03-12T12:31:00Z", 0.8)));

        feed.advanceTo(Instant.parse("2024-03-12T12:30:59Z"), f);
        assertThat(f.external().get("EURUSD", "sentiment")).isNaN();
        feed.advanceTo(Instant.parse("2024-03-12T12:31:00Z"), f);
        double usd = f.external().get("EURUSD", "sentiment_USD");
        assertThat(usd).isCloseTo(0.4, within(1e-12)); // 0.8 / (1 + prior 1)
        assertThat(f.external().get("US30", "sentiment")).isCloseTo(usd, within(1e-12));
        assertThat(f.external().get("XAUUSD", "sentiment")).isCloseTo(-usd, within(1e-12));
        assertThat(f.external().get("EURUSD", "sentiment")).isCloseTo(-usd, within(1e-12)); // no EUR news yet
        assertThat(f.external().get("GER40", "sentiment")).isNaN();

        feed.advanceTo(Instant.parse("2024-03-12T18:31:00Z"), f); // one half-life later, no news: fades
        assertThat(f.external().get("US30", "sentiment")).isCloseTo(0.4 / 1.5, within(1e-12));
    }
}
