package com.vproptrader.host.macro;

import com.github.benmanes.caffeine.cache.Ticker;
import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.govern.calendar.MarketBreak;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.calendar.NewsEvent;
import com.vproptrader.host.macro.calendar.CurrencyMap;
import com.vproptrader.host.macro.calendar.EconomicCalendar;
import com.vproptrader.host.macro.fred.FredClient;
import com.vproptrader.host.macro.fred.FredException;
import com.vproptrader.host.macro.fred.FredSource;
import com.vproptrader.host.macro.fred.FredStore;
import com.vproptrader.host.macro.fred.Pause;
import com.vproptrader.host.macro.fred.RetryPolicy;
import com.vproptrader.host.macro.sentiment.HeadlineFeed;
import com.vproptrader.host.macro.sentiment.HeadlineStore;
import com.vproptrader.host.macro.sentiment.LexiconScorer;
import com.vproptrader.host.macro.sentiment.OnnxTextClassifier;
import com.vproptrader.host.macro.sentiment.SentimentScorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The macro sources of one host, from its macro config: the FRED and headline stores, the economic calendar
 * and the scorer. At start it loads what is stored (and reads the calendar's sources once); with
 * {@code refresh} on, one background thread then refreshes the calendar, the FRED series (online mode only)
 * and the feeds on their intervals and publishes a new snapshot of facts, which the event loop merges at its
 * next event ({@link #advanceTo}). Without refresh (replay) nothing is fetched: the run sees exactly what is
 * stored.
 */
public final class Macro implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Macro.class);

    private record Snapshot(long version, List<MacroFact> facts, List<HeadlineStore.Scored> headlines) {
    }

    private final MacroConfig config;
    private final FredStore fredStore;
    private final HeadlineStore headlineStore;
    private final FredSource fred;
    private final ReleaseClock releases;
    private final CurrencyMap currencies;
    private final EconomicCalendar calendar;
    private final SentimentScorer scorer;
    private final List<HeadlineFeed> feeds = new ArrayList<>();
    private final ScheduledExecutorService refresher;
    private volatile Snapshot snapshot;
    private MacroFeed feed;
    private long mergedVersion = -1;

    private Macro(Path configFile, MacroConfig config, Clock wall, boolean refresh) {
        this.config = config;
        Path dir = configFile.toAbsolutePath().getParent();
        this.scorer = scorer(dir, config.sentiment()); // a bad scorer is refused before any file is opened
        this.fredStore = new FredStore(dir.resolve(config.store()));
        this.headlineStore = new HeadlineStore(dir.resolve(config.store()));
        MacroConfig.Fred f = config.fred();
        Optional<FredClient> client = refresh && f.online()
                ? Optional.of(new FredClient(URI.create(f.baseUrl()), f.apiKey(), RetryPolicy.defaults(), Pause.SLEEP))
                : Optional.empty();
        for (Map.Entry<String, String> file : f.files().entrySet()) {
            try {
                fredStore.save(file.getKey(), FredClient.parseDocument(file.getKey(),
                        Files.readString(dir.resolve(file.getValue()))), wall.instant());
            } catch (IOException | FredException e) {
                throw new IllegalArgumentException("macro config: fred.files " + file.getKey() + ": " + e.getMessage(), e);
            }
        }
        this.fred = new FredSource(fredStore, client, f.since(), f.refresh(), wall, Ticker.systemTicker());
        this.releases = new ReleaseClock(ZoneId.of(f.releaseZone()), f.releaseLag());
        Map<String, List<String>> symbols = new LinkedHashMap<>();
        CurrencyMap defaults = CurrencyMap.defaults();
        defaults.symbols().forEach(s -> symbols.put(s, List.copyOf(defaults.currenciesOf(s))));
        symbols.putAll(config.calendar().symbols());
        this.currencies = new CurrencyMap(symbols);
        MacroConfig.Calendar c = config.calendar();
        this.calendar = c.sources().isEmpty() ? null : new EconomicCalendar(c.sources().stream().map(s -> uri(dir, s)).toList(),
                dir.resolve(c.cacheDir()), currencies, ZoneId.of(c.weekZone()), c.maxAge(), wall, MarketCalendar.NONE);
        for (MacroConfig.Feed feed : config.sentiment().feeds()) {
            feeds.add(new HeadlineFeed(feed.name(), uri(dir, feed.url()), feed.currency(), wall));
        }
        // A replay reads files only: URL sources are served from the calendar's stored copy, live feeds not at all.
        if (calendar != null && (refresh || c.sources().stream().allMatch(src -> isFile(uri(dir, src))))) {
            calendar.refresh();
        }
        refreshFeeds(refresh);
        publish();
        this.refresher = refresh ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "macro-refresh");
            t.setDaemon(true);
            return t;
        }) : null;
        if (refresher != null) {
            if (calendar != null) {
                every(c.refresh(), calendar::refresh);
            }
            if (client.isPresent()) {
                every(f.refresh(), this::publish); // a cache miss fetches and stores the series
            }
            if (!feeds.isEmpty()) {
                every(config.sentiment().refresh(), () -> {
                    refreshFeeds(true);
                    publish();
                });
            }
        }
    }

    /** Loads the config file; {@code refresh} false for replays (stored data only, nothing fetched). */
    public static Macro start(Path configFile, Clock wall, boolean refresh) {
        return new Macro(configFile, MacroConfig.load(configFile), wall, refresh);
    }

    private void every(Duration period, Runnable task) {
        refresher.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("macro refresh failed: {}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the archive ({@code file:}) feeds, and the live ones too when {@code live}. */
    private void refreshFeeds(boolean live) {
        for (HeadlineFeed f : feeds) {
            if (!live && !f.isArchive()) {
                continue;
            }
            try {
                int added = headlineStore.add(f.fetch(), scorer);
                LOG.debug("feed {}: {} new headlines", f.name(), added);
            } catch (IOException e) {
                LOG.warn("feed {} not read: {}", f.name(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void publish() {
        List<MacroFact> facts = new ArrayList<>();
        for (String series : config.fred().series()) {
            facts.addAll(releases.facts(fred.series(series)));
        }
        long version = snapshot == null ? 0 : snapshot.version() + 1;
        snapshot = new Snapshot(version, List.copyOf(facts), headlineStore.all());
    }

    /** The feature names this config can produce (see {@link MacroFeed}). */
    public Set<String> featureNames() {
        Set<String> names = new TreeSet<>();
        config.fred().series().forEach(s -> names.add("macro_" + s));
        config.sentiment().feeds().forEach(f -> names.add("sentiment_" + f.currency()));
        if (!config.sentiment().feeds().isEmpty()) {
            names.add("sentiment");
        }
        return names;
    }

    /** The news governor's calendar: the imported exports (with {@code breaks} for market breaks), or {@code breaks}. */
    public MarketCalendar calendar(MarketCalendar breaks) {
        if (calendar == null) {
            return breaks;
        }
        return new MarketCalendar() {
            @Override
            public List<NewsEvent> news(Instant from, Instant to) {
                return calendar.news(from, to);
            }

            @Override
            public List<MarketBreak> breaks(Instant from, Instant to) {
                return breaks.breaks(from, to);
            }

            @Override
            public Optional<String> fault(Instant now) {
                return calendar.fault(now);
            }
        };
    }

    /**
     * On the event loop: merges a new snapshot if one was published, then applies what is known at {@code now},
     * telling {@code record} (the journal) each fact and headline applied.
     */
    public void advanceTo(Instant now, FeatureEngine features, ToLongFunction<Instant> serverMillis,
                          Consumer<String> record) {
        Snapshot s = snapshot;
        if (feed == null) {
            feed = new MacroFeed(s.facts(), s.headlines(), currencies, config.sentiment().halfLife(),
                    config.sentiment().priorWeight(), serverMillis);
        } else if (s.version() != mergedVersion) {
            feed.merge(s.facts(), s.headlines());
        }
        mergedVersion = s.version();
        feed.advanceTo(now, features, record);
    }

    private static SentimentScorer scorer(Path dir, MacroConfig.Sentiment s) {
        return switch (s.scorer()) {
            case LexiconScorer.NAME -> s.lexicon() == null ? LexiconScorer.bundled() : LexiconScorer.file(dir.resolve(s.lexicon()));
            case OnnxTextClassifier.NAME -> {
                if (s.onnx() == null) {
                    throw new IllegalArgumentException("macro config: sentiment.scorer onnx needs sentiment.onnx");
                }
                yield new OnnxTextClassifier(dir.resolve(s.onnx().model()), dir.resolve(s.onnx().vocabulary()),
                        s.onnx().labels());
            }
            default -> throw new IllegalArgumentException("macro config: sentiment.scorer '" + s.scorer()
                    + "' is not lexicon or onnx");
        };
    }

    private static boolean isFile(URI uri) {
        return "file".equals(uri.getScheme());
    }

    private static URI uri(Path dir, String source) {
        return source.matches("^[a-z]+:.*") ? URI.create(source) : dir.resolve(source).toUri();
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (scorer instanceof OnnxTextClassifier onnx) {
            try {
                onnx.close();
            } catch (Exception e) {
                LOG.warn("sentiment model close: {}", e.toString());
            }
        }
        fredStore.close();
        headlineStore.close();
    }
}
