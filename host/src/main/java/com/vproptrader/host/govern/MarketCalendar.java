package com.vproptrader.host.govern;

import java.time.Instant;
import java.util.List;

/** The restricted news events and market breaks the governors must respect (fed by the macro package). */
public interface MarketCalendar {
    /** Events with {@code from <= time <= to}. */
    List<NewsEvent> news(Instant from, Instant to);

    /** Breaks overlapping {@code [from, to]}. */
    List<MarketBreak> breaks(Instant from, Instant to);

    MarketCalendar NONE = new MarketCalendar() {
        @Override
        public List<NewsEvent> news(Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<MarketBreak> breaks(Instant from, Instant to) {
            return List.of();
        }
    };
}
