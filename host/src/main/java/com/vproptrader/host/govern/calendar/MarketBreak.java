package com.vproptrader.host.govern.calendar;

import java.time.Duration;
import java.time.Instant;

/** A scheduled closure of a symbol's market (holiday, maintenance); symbol "*" = every symbol. */
public record MarketBreak(String symbol, Instant start, Instant end) {

    public boolean affects(String s) {
        return "*".equals(symbol) || symbol.equals(s);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
