package com.vproptrader.plugins.flicker;

import com.vproptrader.plugin.api.Decimals;
import com.vproptrader.plugin.api.SignalFilter;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Skips a candidate while the symbol's quote flickers: more quote changes in the last second than
 * {@code maxPerSecond} (15), or a burst of at least {@code burstFloor} (6) changes that is more than
 * {@code burstMultiple} (4) times the symbol's mean rate over the last minute. A quote that changes that
 * fast is one the broker may not fill at (requotes, last-look rejects, slippage); the relative test catches
 * bursts on quiet symbols, the floor keeps 2 changes after a silent minute from counting as one. Stateless.
 */
@Extension
public final class QuoteFlickerFilter implements SignalFilter {
    static final int DEFAULT_MAX_PER_SECOND = 15;
    static final double DEFAULT_BURST_MULTIPLE = 4;
    static final int DEFAULT_BURST_FLOOR = 6;

    private final int maxPerSecond;
    private final double burstMultiple;
    private final int burstFloor;

    public QuoteFlickerFilter() {
        this(DEFAULT_MAX_PER_SECOND, DEFAULT_BURST_MULTIPLE, DEFAULT_BURST_FLOOR);
    }

    QuoteFlickerFilter(int maxPerSecond, double burstMultiple, int burstFloor) {
        this.maxPerSecond = maxPerSecond;
        this.burstMultiple = burstMultiple;
        this.burstFloor = burstFloor;
    }

    @Override
    public FilterVerdict check(FilterInput input) {
        int lastSecond = input.getQuoteChangesLastSecond();
        double baseline = input.getQuoteChangesPerSecondAvg();
        if (lastSecond > maxPerSecond) {
            return verdict(false, fmt("quote changes %d/s > max %d/s", lastSecond, maxPerSecond));
        }
        if (lastSecond >= burstFloor && lastSecond > burstMultiple * baseline) {
            return verdict(false, fmt("quote changes %d/s > %.1fx minute mean %.1f/s", lastSecond, burstMultiple, baseline));
        }
        // "ok: quote changes %d/s, minute mean %.1f/s": the usual answer, built without a formatter
        return verdict(true, Decimals.fixed(new StringBuilder(48).append("ok: quote changes ").append(lastSecond)
                .append("/s, minute mean "), baseline, 1).append("/s").toString());
    }

    private static FilterVerdict verdict(boolean pass, String reason) {
        return FilterVerdict.newBuilder().setPass(pass).setReason(reason).build();
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
