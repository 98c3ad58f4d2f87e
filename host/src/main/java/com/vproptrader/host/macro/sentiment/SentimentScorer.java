package com.vproptrader.host.macro.sentiment;

/**
 * The sentiment scorer contract: one headline in, one score out, from −1 (clearly bearish for the currency the
 * headline is about) through 0 (neutral or unknown) to +1 (clearly bullish). Implementations must be pure and
 * thread-confined callers may reuse them; the host picks one by name from the macro config
 * ({@code sentiment.scorer}: {@link LexiconScorer#NAME} by default, or {@link OnnxTextClassifier#NAME}).
 */
public interface SentimentScorer {
    /** Name shown in logs and journalled with each score. */
    String name();

    /** Score of {@code text} in [−1, 1]. */
    double score(String text);
}
