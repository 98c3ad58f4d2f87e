package com.vproptrader.host.feed;

import com.vproptrader.marketdata.quality.FeedQualitySnapshot;
import com.vproptrader.marketdata.quality.TickRejection;
import com.vproptrader.marketdata.quality.TickValidator;
import com.vproptrader.marketdata.PerSymbol;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one ingest path for market data: the link (live) and the file loaders (replay) both call it, so
 * features, alphas and governors cannot tell replay from live.
 *
 * <p>Per tick: validate (refused ticks stop here, counted), detect a gap, feed the bar builders, then hand
 * closed bars, the gap and the tick to the listeners in that order. Single-threaded: call it from the
 * account's event loop only. No allocation per tick except when a bar closes or a gap ends.
 */
public final class Feed {
    /** MT5 TICK_FLAG_LAST | TICK_FLAG_VOLUME: the tick carries a new deal. */
    static final int DEAL_FLAGS = 8 | 16;
    private final FeedConfig config;
    private final FeedListener[] listeners;
    private final TickValidator validator;
    private final GapDetector gaps;
    private final PerSymbol<BarBuilder> bars;
    /** Price decimals per symbol from the terminal's specs: the one source of a symbol's point. */
    private final Map<String, Integer> digits = new HashMap<>();
    private final Consumer<Bar> publishBar = this::publishBar;

    public Feed(FeedConfig config, FeedListener... listeners) {
        this.config = config;
        this.listeners = listeners.clone();
        this.validator = new TickValidator(config.validation());
        this.gaps = new GapDetector(config.gaps());
        this.bars = new PerSymbol<>(symbol -> new BarBuilder(symbol, config.timeframes(),
                digits.getOrDefault(symbol, config.defaultDigits())));
    }

    /**
     * The terminal's spec of a symbol (from its hello): spreads are counted in its points. Give it before the
     * symbol's first tick; a spec whose digits differ from the bars already built starts the bars afresh.
     */
    public void onSymbolSpec(SymbolSpec spec) {
        Integer before = digits.put(spec.getSymbol(), spec.getDigits());
        if (before != null && before != spec.getDigits()) {
            bars.remove(spec.getSymbol());
        }
    }

    /** Ingests one tick (times in broker server ms). Returns why validation refused it, or null when accepted. */
    public TickRejection onTick(Tick tick) {
        String symbol = tick.getSymbol();
        long time = tick.getTimeMsc();
        TickRejection refused = validator.validate(symbol, time, tick.getBid(), tick.getAsk(), tick.getLast(), tick.getVolume());
        if (refused != null) {
            return refused;
        }
        // Tick.volume is MT5 state (the last deal's volume, carried forward): count it only on ticks that
        // report a deal, or bars would sum the same deal again and again.
        double dealVolume = (tick.getFlags() & DEAL_FLAGS) != 0 ? tick.getVolume() : 0;
        bars.get(symbol).onTick(time, tick.getBid(), tick.getAsk(), dealVolume, publishBar);
        MarketGap gap = gaps.onTick(symbol, time);
        if (gap != null) {
            for (FeedListener l : listeners) {
                l.onGap(gap);
            }
        }
        for (FeedListener l : listeners) {
            l.onTick(tick);
        }
        return null;
    }

    /**
     * Ingests a closed bar from the link or an "Export bars" file (use it for symbols that have no tick data:
     * feeding both ticks and bars of one symbol and timeframe would count it twice). Longer timeframes are
     * aggregated from it. Returns false when validation refused it.
     */
    public boolean onBar(Bar bar) {
        if (validator.validate(bar) != null) {
            return false;
        }
        publishBar(bar);
        bars.get(bar.getSymbol()).onBar(bar, publishBar);
        return true;
    }

    /**
     * Event-time clock (server ms): closes bars whose period has ended although no tick of the next period
     * came yet. Live, call it from the loop's timer; in replay it is optional (bars close on the next tick).
     */
    public void onClock(long serverTimeMsc) {
        for (BarBuilder builder : bars.view().values()) {
            builder.closeEnded(serverTimeMsc, publishBar);
        }
    }

    /** The terminal link dropped: the next silence of every symbol is reported as a disconnect. */
    public void onLinkDown() {
        gaps.linkDown();
    }

    /** Immutable rejection counters per symbol and reason (AdminService). */
    public FeedQualitySnapshot quality() {
        return validator.snapshot();
    }

    public FeedConfig config() {
        return config;
    }

    private void publishBar(Bar bar) {
        for (FeedListener l : listeners) {
            l.onBarClosed(bar);
        }
    }
}
