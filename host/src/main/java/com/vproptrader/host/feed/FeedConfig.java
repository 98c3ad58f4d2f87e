package com.vproptrader.host.feed;

import com.vproptrader.marketdata.quality.ValidationConfig;
import com.vproptrader.proto.Timeframe;
import java.util.Map;

/**
 * Configuration of the {@link Feed}.
 *
 * @param validation    tick validation thresholds
 * @param gaps          gap detection thresholds
 * @param timeframes    bars to build from ticks (and to aggregate from shorter bars)
 * @param digits        price decimals per symbol, for spreads in points; symbols not listed use
 *                      {@code defaultDigits}
 * @param defaultDigits digits of unlisted symbols (5: FX majors at most brokers)
 */
public record FeedConfig(ValidationConfig validation, GapConfig gaps, Timeframe[] timeframes,
                         Map<String, Integer> digits, int defaultDigits) {

    public FeedConfig {
        timeframes = timeframes.clone();
        digits = Map.copyOf(digits);
    }

    public static FeedConfig defaults() {
        return new FeedConfig(ValidationConfig.defaults(), GapConfig.defaults(), Timeframes.ALL, Map.of(), 5);
    }

    public int digitsOf(String symbol) {
        return digits.getOrDefault(symbol, defaultDigits);
    }

    @Override
    public Timeframe[] timeframes() {
        return timeframes.clone();
    }

    public FeedConfig withValidation(ValidationConfig v) {
        return new FeedConfig(v, gaps, timeframes, digits, defaultDigits);
    }

    public FeedConfig withTimeframes(Timeframe... tfs) {
        return new FeedConfig(validation, gaps, tfs, digits, defaultDigits);
    }

    public FeedConfig withDigits(Map<String, Integer> d) {
        return new FeedConfig(validation, gaps, timeframes, d, defaultDigits);
    }
}
