package com.vproptrader.host.govern.pack;

/** A rule pack that must not be used: the message names the pack and the offending field. */
public final class RulePackException extends RuntimeException {
    public RulePackException(String message) {
        super(message);
    }

    public RulePackException(String message, Throwable cause) {
        super(message, cause);
    }
}
