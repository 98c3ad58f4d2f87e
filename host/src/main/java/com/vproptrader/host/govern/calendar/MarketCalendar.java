package com.vproptrader.host.govern.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The restricted news events and market breaks the governors must respect (fed by the macro package). */
public interface MarketCalendar {
    /** Events with {@code from <= time <= to}. */
    List<NewsEvent> news(Instant from, Instant to);

    /** Breaks overlapping {@code [from, to]}. */
    List<MarketBreak> breaks(Instant from, Instant to);

    /**
     * Why the news events cannot be trusted at {@code now} (never loaded, refresh failing, not covering
     * {@code now}); empty when they can. The news governor then applies the pack's {@link CalendarFailSafe}.
     */
    default Optional<String> fault(Instant now) {
        return Optional.empty();
    }

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
