package com.vproptrader.host.macro.fred;

import java.time.Duration;

/**
 * How a FRED request is retried: up to {@code maxAttempts} in all, waiting {@code baseDelay} doubled after each
 * failed attempt (capped at {@code maxDelay}); a 429 answer's {@code Retry-After} seconds override the wait when
 * longer. {@code minInterval} spaces consecutive requests so the client stays under FRED's documented limit of
 * 120 requests a minute without ever being told.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration minInterval) {

    public RetryPolicy {
        if (maxAttempts < 1 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || minInterval.isNegative()) {
            throw new IllegalArgumentException("retry policy " + maxAttempts + " " + baseDelay + " " + maxDelay
                    + " " + minInterval);
        }
    }

    /** 5 attempts, 1 s doubling to 60 s, at most 2 requests a second (FRED allows 120 a minute). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMillis(500));
    }

    /** Wait before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) failed. */
    Duration backoff(int attempt) {
        Duration d = baseDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
