package com.vproptrader.host.macro.fred;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The FRED series the host reads, cached in memory (Caffeine, {@code refresh} after a load) over the SQLite
 * store. Online, a cache miss fetches the series from {@code since} and stores it; a failed fetch logs the
 * reason and serves what is stored, so an outage or a rate limit never stops the host. Offline (no client),
 * only the store is read: nothing goes to the network.
 */
public final class FredSource {
    private static final Logger LOG = LoggerFactory.getLogger(FredSource.class);

    private final FredStore store;
    private final Optional<FredClient> client;
    private final LocalDate since;
    private final Clock clock;
    private final LoadingCache<String, List<FredObservation>> cache;

    public FredSource(FredStore store, Optional<FredClient> client, LocalDate since, Duration refresh, Clock clock,
                      Ticker ticker) {
        this.store = store;
        this.client = client;
        this.since = since;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(refresh).ticker(ticker).build(this::load);
    }

    /** Offline: the stored vintages only. */
    public static FredSource offline(FredStore store) {
        return new FredSource(store, Optional.empty(), LocalDate.MIN, Duration.ofDays(3650), Clock.systemUTC(),
                Ticker.systemTicker());
    }

    /** Every known vintage of {@code series}, by period then publication (see {@link FredStore#load}). */
    public List<FredObservation> series(String series) {
        return cache.get(series);
    }

    private List<FredObservation> load(String series) throws InterruptedException {
        if (client.isPresent()) {
            try {
                store.save(series, client.get().observations(series, since), clock.instant());
            } catch (FredException e) {
                LOG.warn("FRED {} not refreshed, serving the {} stored: {}", series,
                        store.fetchedAt(series).map(t -> "copy fetched " + t).orElse("nothing"), e.getMessage());
            }
        }
        return List.copyOf(store.load(series));
    }
}
