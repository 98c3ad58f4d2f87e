package com.vproptrader.host.macro;

import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.macro.calendar.CurrencyMap;
import com.vproptrader.host.macro.sentiment.CurrencySentiment;
import com.vproptrader.host.macro.sentiment.HeadlineStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Turns the stored macro facts and scored headlines into features, on event time, with no look-ahead: at
 * {@link #advanceTo} time t only facts and headlines known at or before t are applied. Features (see
 * docs/macro.md): {@code macro_<SERIES>} = the latest period's value as known at t (also joins the correlation
 * matrix, stamped with the time it became known); {@code sentiment_<CCY>} = {@link CurrencySentiment} of the
 * currency's headlines; per symbol {@code sentiment} = mean over the symbol's mapped currencies of ±S (minus for
 * the quote currency: good USD news is bad for EURUSD and XAUUSD, good for US30), present once one of them has a
 * headline. Sentiment is re-read at every headline and at every new minute. {@link #merge} adds what a refresh
 * fetched; a fact that arrives after its known time is applied at the next event (late, never early). Call on
 * the event loop only.
 */
public final class MacroFeed {
    private final PriorityQueue<MacroFact> facts = new PriorityQueue<>(Comparator.comparing(MacroFact::knownAt)
            .thenComparing(MacroFact::series).thenComparing(MacroFact::period));
    private final PriorityQueue<HeadlineStore.Scored> headlines = new PriorityQueue<>(
            Comparator.comparing((HeadlineStore.Scored h) -> h.headline().knownAt()).thenComparing(h -> h.headline().id()));
    private final Set<MacroFact> seenFacts = new HashSet<>();
    private final Set<List<String>> seenHeadlines = new HashSet<>();
    private final CurrencyMap currencies;
    private final double halfLifeMs;
    private final double priorWeight;
    private final ToLongFunction<Instant> serverMillis;
    private final Map<String, TreeMap<LocalDate, Double>> known = new HashMap<>();
    private final Map<String, Double> latest = new HashMap<>();
    private final Map<String, CurrencySentiment> sentiment = new TreeMap<>();
    private long minute = Long.MIN_VALUE;
    private long lastHeadlineMs = Long.MIN_VALUE;

    /**
     * @param facts        FRED facts ({@link ReleaseClock#facts})
     * @param headlines    scored headlines ({@link HeadlineStore#all})
     * @param serverMillis the account's server clock (feature times are server milliseconds, as bars are)
     */
    public MacroFeed(List<MacroFact> facts, List<HeadlineStore.Scored> headlines, CurrencyMap currencies,
                     Duration sentimentHalfLife, double priorWeight, ToLongFunction<Instant> serverMillis) {
        this.currencies = currencies;
        this.halfLifeMs = sentimentHalfLife.toMillis();
        this.priorWeight = priorWeight;
        this.serverMillis = serverMillis;
        merge(facts, headlines);
    }

    /** Adds the facts and headlines not seen before (a refresh's whole result may be passed). */
    public void merge(List<MacroFact> moreFacts, List<HeadlineStore.Scored> moreHeadlines) {
        for (MacroFact f : moreFacts) {
            if (seenFacts.add(f)) {
                facts.add(f);
            }
        }
        for (HeadlineStore.Scored h : moreHeadlines) {
            if (seenHeadlines.add(List.of(h.headline().feed(), h.headline().id()))) {
                headlines.add(h);
            }
        }
    }

    /** Applies everything known at or before {@code now}. */
    public void advanceTo(Instant now, FeatureEngine features) {
        advanceTo(now, features, line -> { });
    }

    /** As {@link #advanceTo(Instant, FeatureEngine)}, telling {@code record} each fact and headline applied. */
    public void advanceTo(Instant now, FeatureEngine features, Consumer<String> record) {
        while (!facts.isEmpty() && !facts.peek().knownAt().isAfter(now)) {
            MacroFact f = facts.poll();
            apply(f, features);
            record.accept("macro_" + f.series() + " " + f.value() + " for " + f.period() + ", known " + f.knownAt());
        }
        boolean news = false;
        while (!headlines.isEmpty() && !headlines.peek().headline().knownAt().isAfter(now)) {
            HeadlineStore.Scored h = headlines.poll();
            long known = Math.max(h.headline().knownAt().toEpochMilli(), lastHeadlineMs); // a late one counts from now
            lastHeadlineMs = known;
            sentiment.computeIfAbsent(h.headline().currency(), c -> new CurrencySentiment(halfLifeMs, priorWeight))
                    .add(known, h.score());
            record.accept("headline " + h.headline().currency() + " " + h.score() + " (" + h.scorer() + ") '"
                    + h.headline().title() + "', known " + h.headline().knownAt());
            news = true;
        }
        long m = now.toEpochMilli() / 60_000;
        if ((news || m != minute) && !sentiment.isEmpty()) {
            minute = m;
            publishSentiment(now.toEpochMilli(), features);
        }
    }

    private void apply(MacroFact f, FeatureEngine features) {
        TreeMap<LocalDate, Double> periods = known.computeIfAbsent(f.series(), s -> new TreeMap<>());
        periods.put(f.period(), f.value());
        double current = periods.lastEntry().getValue();
        Double before = latest.put(f.series(), current);
        if (before == null || before != current) {
            features.onMacro(f.series(), serverMillis.applyAsLong(f.knownAt()), current);
        }
    }

    private void publishSentiment(long nowMs, FeatureEngine features) {
        Map<String, Double> byCurrency = new HashMap<>();
        sentiment.forEach((currency, s) -> {
            double v = s.at(nowMs);
            byCurrency.put(currency, v);
            features.onExternal(null, "sentiment_" + currency, v);
        });
        for (String symbol : currencies.symbols()) {
            double sum = 0;
            int n = 0;
            for (String currency : currencies.currenciesOf(symbol)) {
                Double v = byCurrency.get(currency);
                if (v != null) {
                    boolean quote = symbol.length() > currency.length() && symbol.endsWith(currency);
                    sum += quote ? -v : v;
                    n++;
                }
            }
            if (n > 0) {
                features.onExternal(symbol, "sentiment", sum / n);
            }
        }
    }
}
