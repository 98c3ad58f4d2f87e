package com.vproptrader.host.macro.fred;

import com.github.benmanes.caffeine.cache.Ticker;
import com.vproptrader.host.macro.LocalHttpServer;
import com.vproptrader.host.macro.LocalHttpServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static com.vproptrader.host.macro.LocalHttpServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FredClientTest {
    private static final String OBS = "/fred/series/observations?series_id=DGS10";
    private static final LocalDate SINCE = LocalDate.of(2024, 1, 2);

    private final LocalHttpServer fred = new LocalHttpServer();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final RetryPolicy retry = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ZERO);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        fred.close();
    }

    private FredClient client(URI base) {
        return new FredClient(base, "abcdef0123456789abcdef0123456789", retry, pauses::add);
    }

    private static Answer json(String file) {
        return Answer.ok("application/json; charset=UTF-8", resource("fred/" + file));
    }

    @Test
    void readsEveryPageWithEachVintagesPublicationDateAndMissingValues() throws Exception {
        fred.answer(OBS, json("DGS10-page1.json"));
        fred.answer(OBS + "&api_key=abcdef0123456789abcdef0123456789&file_type=json&observation_start=2024-01-02"
                + "&realtime_start=2024-01-02&realtime_end=9999-12-31&limit=100000&offset=3", json("DGS10-page2.json"));

        List<FredObservation> rows = client(fred.uri()).observations("DGS10", SINCE);

        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isEqualTo(new FredObservation("DGS10", LocalDate.of(2024, 1, 2),
                LocalDate.of(2024, 1, 3), LocalDate.of(9999, 12, 31), OptionalDouble.of(3.95)));
        assertThat(rows.get(4).value()).isEmpty(); // FRED's "." (no value that day)
        assertThat(fred.requests()).hasSize(2);
        assertThat(fred.requests().get(0).getQuery()).contains("offset=0").contains("api_key=abcdef")
                .contains("file_type=json");
    }

    @Test
    void rateLimitedRequestsWaitAtLeastWhatRetryAfterAsksThenSucceed() throws Exception {
        Answer limited = new Answer(429, "application/json", resource("fred/error-rate-limit.json"), Map.of("Retry-After", "7"));
        fred.answer(OBS, limited, limited, json("GDPC1-revised.json"));

        List<FredObservation> rows = client(fred.uri()).observations("DGS10", SINCE);

        assertThat(rows).hasSize(4);
        assertThat(pauses).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(fred.requests()).hasSize(3);
    }

    @Test
    void serverErrorsBackOffDoublingThenFailNamingTheLastAnswer() {
        fred.answer(OBS, new Answer(503, "text/html", "<html>Service Unavailable</html>", Map.of()));

        assertThatThrownBy(() -> client(fred.uri()).observations("DGS10", SINCE))
                .isInstanceOf(FredException.class).hasMessageContaining("HTTP 503").hasMessageContaining("after 4 attempts");
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aRejectedApiKeyFailsAtOnceWithFredsMessage() {
        fred.answer(OBS, new Answer(400, "application/json", resource("fred/error-bad-key.json"), Map.of()));

        assertThatThrownBy(() -> client(fred.uri()).observations("DGS10", SINCE))
                .isInstanceOf(FredException.class).hasMessageContaining("api_key is not registered")
                .extracting(e -> ((FredException) e).status()).isEqualTo(400);
        assertThat(fred.requests()).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aMalformedAnswerIsRefusedWithTheRow() {
        fred.answer(OBS, Answer.ok("application/json",
                "{\"count\":1,\"observations\":[{\"realtime_start\":\"2024-01-03\",\"realtime_end\":\"9999-12-31\",\"date\":\"2024-01-02\",\"value\":\"n/a\"}]}"));

        assertThatThrownBy(() -> client(fred.uri()).observations("DGS10", SINCE))
                .isInstanceOf(FredException.class).hasMessageContaining("malformed observation").hasMessageContaining("n/a");
    }

    @Test
    void theCacheServesWithinTheRefreshThenFetchesAgainAndAnOutageFallsBackToTheStore() throws Exception {
        fred.answer(OBS, json("DGS10-page1.json"), json("DGS10-page2.json"),
                new Answer(500, "text/plain", "Internal Server Error", Map.of()));
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        try (FredStore store = new FredStore(dir.resolve("macro.db"))) {
            FredSource source = new FredSource(store, Optional.of(client(fred.uri())), SINCE, Duration.ofHours(1),
                    Clock.fixed(Instant.parse("2024-01-16T12:00:00Z"), ZoneOffset.UTC), ticker);

            assertThat(source.series("DGS10")).hasSize(5);
            assertThat(source.series("DGS10")).hasSize(5);
            assertThat(fred.requests()).hasSize(2); // one fetch of two pages, then the cache

            nanos.addAndGet(Duration.ofHours(1).plusSeconds(1).toNanos());
            assertThat(source.series("DGS10")).as("FRED down: the stored copy").hasSize(5);
            assertThat(fred.requests()).hasSize(2 + retry.maxAttempts());
            assertThat(store.fetchedAt("DGS10")).contains(Instant.parse("2024-01-16T12:00:00Z"));
        }
    }

    @Test
    void offlineReadsOnlyWhatIsStoredAcrossARestart() throws Exception {
        fred.answer(OBS, json("DGS10-page1.json"), json("DGS10-page2.json"));
        Path db = dir.resolve("macro.db");
        try (FredStore store = new FredStore(db)) {
            new FredSource(store, Optional.of(client(fred.uri())), SINCE, Duration.ofHours(1), Clock.systemUTC(),
                    Ticker.systemTicker()).series("DGS10");
        }
        fred.close();
        try (FredStore store = new FredStore(db)) {
            List<FredObservation> rows = FredSource.offline(store).series("DGS10");
            assertThat(rows).hasSize(5);
            assertThat(rows).extracting(FredObservation::date).isSorted();
            assertThat(rows.get(3).value()).hasValue(4.05);
            assertThat(rows.get(4).value()).as("FRED's '.' stays 'no value' through the store").isEmpty();
            assertThat(FredSource.offline(store).series("VIXCLS")).isEmpty();
        }
    }

    @Test
    void aRevisionUpdatesTheClosedVintageInsteadOfDuplicatingIt(@TempDir Path tmp) {
        try (FredStore store = new FredStore(tmp.resolve("m.db"))) {
            LocalDate q3 = LocalDate.of(2023, 7, 1);
            LocalDate first = LocalDate.of(2023, 10, 26);
            LocalDate open = LocalDate.of(9999, 12, 31);
            store.save("GDPC1", List.of(new FredObservation("GDPC1", q3, first, open, OptionalDouble.of(1.0))), Instant.EPOCH);
            store.save("GDPC1", List.of(
                    new FredObservation("GDPC1", q3, first, LocalDate.of(2023, 11, 28), OptionalDouble.of(1.0)),
                    new FredObservation("GDPC1", q3, LocalDate.of(2023, 11, 29), open, OptionalDouble.of(2.0))), Instant.EPOCH);

            assertThat(store.load("GDPC1")).extracting(FredObservation::realtimeEnd)
                    .containsExactly(LocalDate.of(2023, 11, 28), open);
        }
    }
}
