package com.vproptrader.host.feed;

import com.vproptrader.marketdata.quality.ValidationConfig;
import com.vproptrader.proto.Timeframe;

/**
 * Configuration of the {@link Feed}.
 *
 * @param validation    tick validation thresholds
 * @param gaps          gap detection thresholds
 * @param timeframes    bars to build from ticks (and to aggregate from shorter bars)
 * @param defaultDigits price decimals of a symbol whose spec the feed was not given (a file read without a
 *                      terminal; 5: FX majors at most brokers). With a terminal, its symbol specs say.
 */
public record FeedConfig(ValidationConfig validation, GapConfig gaps, Timeframe[] timeframes, int defaultDigits) {

    public FeedConfig {
        timeframes = timeframes.clone();
    }

    public static FeedConfig defaults() {
        return new FeedConfig(ValidationConfig.defaults(), GapConfig.defaults(), Timeframes.ALL, 5);
    }

    @Override
    public Timeframe[] timeframes() {
        return timeframes.clone();
    }

    public FeedConfig withValidation(ValidationConfig v) {
        return new FeedConfig(v, gaps, timeframes, defaultDigits);
    }

    public FeedConfig withTimeframes(Timeframe... tfs) {
        return new FeedConfig(validation, gaps, tfs, defaultDigits);
    }
}
