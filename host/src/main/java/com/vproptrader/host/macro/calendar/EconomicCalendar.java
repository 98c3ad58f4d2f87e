package com.vproptrader.host.macro.calendar;

import com.vproptrader.host.govern.calendar.MarketBreak;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.calendar.NewsEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The news events the governors respect, imported from ForexFactory weekly exports ({@link ForexFactoryWeek}) read
 * from files or URLs, each event's symbols filled from the explicit {@link CurrencyMap}. Market breaks still come
 * from {@code breaks} (the hand-written {@code CalendarFile}).
 *
 * <p>{@link #refresh()} re-reads every source; it succeeds only when all of them parse, and then keeps a copy of
 * each in {@code cacheDir} so a restart without the network starts from the last good import. A failed refresh
 * keeps the previous events. {@link #fault} says when the events cannot be trusted: nothing ever loaded, the
 * refresh failing for longer than {@code maxAge}, or a time outside the weeks the exports cover (Sunday 00:00
 * to Sunday 00:00 in {@code weekZone}, New York for ForexFactory). Refresh from any thread; reads see one
 * immutable snapshot.
 */
public final class EconomicCalendar implements MarketCalendar {
    private static final Logger LOG = LoggerFactory.getLogger(EconomicCalendar.class);

    private record Snapshot(List<NewsEvent> news, Instant coverFrom, Instant coverTo, Instant loadedAt) {
    }

    private final List<URI> sources;
    private final Path cacheDir;
    private final CurrencyMap currencies;
    private final ZoneId weekZone;
    private final Duration maxAge;
    private final Clock wallClock;
    private final MarketCalendar breaks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile Snapshot snapshot;
    private volatile String lastError = "not loaded yet";
    private volatile List<String> rejected = List.of();

    /**
     * @param sources  ForexFactory weekly JSON exports: {@code file:} or {@code http(s):} URIs
     * @param cacheDir where the last good import is kept (null: none)
     */
    public EconomicCalendar(List<URI> sources, Path cacheDir, CurrencyMap currencies, ZoneId weekZone, Duration maxAge,
                            Clock wallClock, MarketCalendar breaks) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("economic calendar: no source");
        }
        this.sources = List.copyOf(sources);
        this.cacheDir = cacheDir;
        this.currencies = currencies;
        this.weekZone = weekZone;
        this.maxAge = maxAge;
        this.wallClock = wallClock;
        this.breaks = breaks;
        loadCache();
    }

    /** Re-reads every source; on any failure keeps the previous events and returns false. */
    public synchronized boolean refresh() {
        List<String> texts = new ArrayList<>();
        try {
            for (URI source : sources) {
                texts.add(read(source));
            }
            install(texts, wallClock.instant());
        } catch (IOException | IllegalArgumentException e) {
            lastError = e.getMessage();
            LOG.warn("economic calendar not refreshed, keeping the import of {}: {}",
                    snapshot == null ? "nothing" : snapshot.loadedAt(), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (cacheDir != null) {
            try {
                Files.createDirectories(cacheDir);
                for (int i = 0; i < texts.size(); i++) {
                    Files.writeString(cacheDir.resolve("calendar-" + i + ".json"), texts.get(i));
                }
            } catch (IOException e) {
                LOG.warn("economic calendar: cannot keep a copy in {}: {}", cacheDir, e.getMessage());
            }
        }
        return true;
    }

    private void loadCache() {
        if (cacheDir == null) {
            return;
        }
        List<String> texts = new ArrayList<>();
        try {
            Instant stored = Instant.MAX;
            for (int i = 0; i < sources.size(); i++) {
                Path file = cacheDir.resolve("calendar-" + i + ".json");
                if (!Files.exists(file)) {
                    return;
                }
                texts.add(Files.readString(file));
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                stored = modified.isBefore(stored) ? modified : stored;
            }
            install(texts, stored);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("economic calendar: stored copy in {} unusable: {}", cacheDir, e.getMessage());
        }
    }

    private void install(List<String> texts, Instant loadedAt) {
        List<NewsEvent> news = new ArrayList<>();
        List<String> setAside = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        for (int i = 0; i < texts.size(); i++) {
            ForexFactoryWeek.Parsed parsed = ForexFactoryWeek.parse(texts.get(i), sources.get(i).toString());
            setAside.addAll(parsed.rejected());
            for (CalendarEvent e : parsed.events()) {
                news.add(toNews(e));
                Instant weekStart = e.time().atZoneSameInstant(weekZone).toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atStartOfDay(weekZone).toInstant();
                Instant weekEnd = e.time().atZoneSameInstant(weekZone).toLocalDate()
                        .with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).atStartOfDay(weekZone).toInstant();
                from = from == null || weekStart.isBefore(from) ? weekStart : from;
                to = to == null || weekEnd.isAfter(to) ? weekEnd : to;
            }
        }
        if (news.isEmpty()) {
            throw new IllegalArgumentException("calendar: no event in " + sources);
        }
        setAside.forEach(r -> LOG.warn("economic calendar entry set aside: {}", r));
        news.sort(Comparator.comparing(NewsEvent::time));
        rejected = List.copyOf(setAside);
        snapshot = new Snapshot(List.copyOf(news), from, to, loadedAt);
        lastError = "";
    }

    private NewsEvent toNews(CalendarEvent e) {
        List<String> symbols = e.currency().equals(ForexFactoryWeek.ALL) ? currencies.symbols()
                : currencies.symbolsOf(e.currency());
        return new NewsEvent(e.time().toInstant(), e.currency(), e.impact(), symbols);
    }

    private String read(URI source) throws IOException, InterruptedException {
        if ("file".equals(source.getScheme())) {
            return Files.readString(Path.of(source));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(source).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("calendar " + source + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public List<NewsEvent> news(Instant from, Instant to) {
        Snapshot s = snapshot;
        return s == null ? List.of()
                : s.news().stream().filter(e -> !e.time().isBefore(from) && !e.time().isAfter(to)).toList();
    }

    @Override
    public List<MarketBreak> breaks(Instant from, Instant to) {
        return breaks.breaks(from, to);
    }

    @Override
    public Optional<String> fault(Instant now) {
        Snapshot s = snapshot;
        if (s == null) {
            return Optional.of("never loaded: " + lastError);
        }
        if (now.isBefore(s.coverFrom()) || !now.isBefore(s.coverTo())) {
            return Optional.of("covers " + s.coverFrom() + " to " + s.coverTo() + ", not " + now);
        }
        Duration age = Duration.between(s.loadedAt(), wallClock.instant());
        if (!lastError.isEmpty() && age.compareTo(maxAge) > 0) {
            return Optional.of("refresh failing, last import " + age.toMinutes() + " min old: " + lastError);
        }
        return Optional.empty();
    }

    /** Entries of the last import that could not be read, with their reasons. */
    public List<String> rejected() {
        return rejected;
    }
}
