package com.vproptrader.host.feature;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.feed.FeedListener;
import com.vproptrader.host.feed.MarketGap;
import com.vproptrader.host.feed.Timeframes;
import com.vproptrader.marketdata.PerSymbol;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;

/**
 * Keeps one {@link FeatureSet} per symbol and the cross-symbol {@link CorrelationMatrix} up to date from the
 * {@link com.vproptrader.host.feed.Feed}. Register it as a feed listener; read features with
 * {@link #features(String)} on the same (event-loop) thread.
 */
public final class FeatureEngine implements FeedListener {
    private final FeatureConfig config;
    private final PerSymbol<FeatureSet> sets;
    private final CorrelationMatrix correlations;
    private final ExternalFeatures external = new ExternalFeatures();
    private final RegimeHistory regimes = new RegimeHistory();

    public FeatureEngine(FeatureConfig config, ServerClock brokerTime, int correlationWindow, int maxSymbols) {
        this.config = config;
        this.sets = new PerSymbol<>(symbol -> new FeatureSet(symbol, config, brokerTime, external));
        this.correlations = new CorrelationMatrix(correlationWindow, maxSymbols);
    }

    /** Defaults: correlation over 100 bars of the feature timeframe, up to 64 symbols and macro series. */
    public FeatureEngine(FeatureConfig config, ServerClock brokerTime) {
        this(config, brokerTime, 100, 64);
    }

    @Override
    public void onTick(Tick tick) {
        sets.get(tick.getSymbol()).onQuote(tick.getTimeMsc(), tick.getBid(), tick.getAsk());
    }

    @Override
    public void onBarClosed(Bar bar) {
        if (bar.getTimeframe() != config.timeframe()) {
            return;
        }
        FeatureSet set = sets.get(bar.getSymbol());
        set.onBar(bar);
        regimes.onBar(bar.getSymbol(), set.regime(), bar.getOpenTimeMsc() + Timeframes.periodMs(bar.getTimeframe()));
        correlations.onPrice(bar.getSymbol(), bar.getOpenTimeMsc(), bar.getClose());
    }

    @Override
    public void onGap(MarketGap gap) {
        // Deliberately nothing: no bar exists inside a gap, so indicators simply continue from the last bar;
        // the return across a weekend is one (possibly large) bar return, as in MT5's own indicators.
    }

    /**
     * A macro series value (e.g. the dollar index, a yield) that became known at {@code knownAtTime} (server ms):
     * joins the correlations at that time (never at the period it describes, which would look ahead) and is
     * the feature {@code macro_<series>} of every symbol from now on.
     */
    public void onMacro(String series, long knownAtTime, double value) {
        correlations.onPrice(series, knownAtTime, value);
        external.put(null, "macro_" + series, value);
    }

    /** A feature from outside the market data (e.g. sentiment) for {@code symbol}, or every symbol when null. */
    public void onExternal(String symbol, String name, double value) {
        external.put(symbol, name, value);
    }

    public ExternalFeatures external() {
        return external;
    }

    /** Features of {@code symbol}, or null before its first tick or bar. */
    public FeatureSet features(String symbol) {
        return sets.find(symbol);
    }

    /** When the classifier last changed each symbol's regime. */
    public RegimeHistory regimes() {
        return regimes;
    }

    public CorrelationMatrix correlations() {
        return correlations;
    }

    /** Every feature name a symbol's {@link FeatureSet} computes with this config. */
    public java.util.Set<String> knownFeatures() {
        return java.util.Set.copyOf(new FeatureSet("", config, ServerClock.NY_CLOSE).schema().names());
    }

    public FeatureConfig config() {
        return config;
    }
}
