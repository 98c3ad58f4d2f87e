package com.vproptrader.host.macro.fred;

/**
 * A FRED request that failed for good: the API's own error (bad key, unknown series: FRED's {@code error_code}
 * and {@code error_message}), a malformed answer, or retries exhausted on rate limiting or server errors.
 */
public final class FredException extends Exception {
    private final int status;

    public FredException(int status, String message) {
        super(message);
        this.status = status;
    }

    public FredException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status of the last answer, 0 when none came (connection refused, timeout). */
    public int status() {
        return status;
    }
}
